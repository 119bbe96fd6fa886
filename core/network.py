"""The Elman network: weights V, U, W, biases θ_j, θ_k and the choice of f and g."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import activations as act

PARAMS = ("V", "U", "W", "theta_h", "theta_o")


@dataclass(eq=False)
class Network:
    """An Elman network in BPTT.md's notation.

    Parameters
    ----------
    V : ndarray, shape (M, N)
        Input → hidden weights v_ji.
    U : ndarray, shape (M, M)
        Previous hidden → hidden weights u_jh.
    W : ndarray, shape (O, M)
        Hidden → output weights w_kj.
    theta_h : ndarray, shape (M,)
        Hidden biases θ_j.
    theta_o : ndarray, shape (O,)
        Output biases θ_k.
    hidden : str
        f: "sigmoid", "tanh", "relu" or "linear".
    output : str
        g: "sigmoid", "softmax" or "linear".
    """

    V: np.ndarray
    U: np.ndarray
    W: np.ndarray
    theta_h: np.ndarray
    theta_o: np.ndarray
    hidden: str = "sigmoid"
    output: str = "sigmoid"
    _sizes: tuple = field(init=False, repr=False)

    def __post_init__(self):
        act.check_name(self.hidden, act.HIDDEN, "hidden activation")
        act.check_name(self.output, act.OUTPUT, "output activation")
        for name in PARAMS:
            a = np.array(getattr(self, name), dtype=np.float64)
            setattr(self, name, a)
        M, N = self.V.shape if self.V.ndim == 2 else (None, None)
        if self.V.ndim != 2:
            raise ValueError(f"V must be a matrix of shape (M, N), got shape {self.V.shape}")
        O = self.W.shape[0] if self.W.ndim == 2 else None
        expected = {"U": (M, M), "W": (O, M), "theta_h": (M,), "theta_o": (O,)}
        for name, shape in expected.items():
            if getattr(self, name).shape != shape:
                raise ValueError(f"{name} must have shape {shape} for V of shape {self.V.shape} "
                                 f"and W with {O} rows, got {getattr(self, name).shape}")
        if self.output == "softmax" and O < 2:
            raise ValueError("softmax needs at least two outputs; choose output 'sigmoid' or "
                             f"'linear' for {O} output")
        self._sizes = (N, M, O)

    @classmethod
    def create(cls, n_in: int, n_hidden: int, n_out: int, hidden: str = "sigmoid",
               output: str = "sigmoid", seed: int = 0, scale: float | None = None) -> "Network":
        """A network with small random weights and zero biases.

        Weights are drawn uniformly from ±scale with scale = 1/√(fan-in) by
        default (fan-in N + M for the hidden layer, M for the output layer),
        from ``numpy.random.default_rng(seed)``: the same seed gives the same
        network.
        """
        for what, n in (("n_in", n_in), ("n_hidden", n_hidden), ("n_out", n_out)):
            if int(n) != n or n < 1:
                raise ValueError(f"{what} must be a positive integer, got {n!r}")
        rng = np.random.default_rng(seed)
        sh = scale if scale is not None else 1.0 / np.sqrt(n_in + n_hidden)
        so = scale if scale is not None else 1.0 / np.sqrt(n_hidden)
        return cls(V=rng.uniform(-sh, sh, (n_hidden, n_in)),
                   U=rng.uniform(-sh, sh, (n_hidden, n_hidden)),
                   W=rng.uniform(-so, so, (n_out, n_hidden)),
                   theta_h=np.zeros(n_hidden), theta_o=np.zeros(n_out),
                   hidden=hidden, output=output)

    @property
    def N(self) -> int:
        """Number of inputs."""
        return self._sizes[0]

    @property
    def M(self) -> int:
        """Number of hidden units."""
        return self._sizes[1]

    @property
    def O(self) -> int:  # noqa: E743 - the paper's name
        """Number of outputs."""
        return self._sizes[2]

    def params(self) -> dict[str, np.ndarray]:
        """The five parameter arrays by name (the arrays themselves, not copies)."""
        return {name: getattr(self, name) for name in PARAMS}

    def copy(self) -> "Network":
        """A deep copy."""
        return Network(**{k: v.copy() for k, v in self.params().items()},
                       hidden=self.hidden, output=self.output)

    def spectral_radius(self) -> float:
        """ρ(U), the largest |eigenvalue| of U."""
        return float(np.max(np.abs(np.linalg.eigvals(self.U)))) if self.M else 0.0
