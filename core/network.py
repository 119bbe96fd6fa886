"""The Elman network: weights V, U, W, biases θ_j, θ_k and the choice of f and g."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import activations as act
from . import checks

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
        checks.name(self.hidden, act.HIDDEN, "hidden activation")
        checks.name(self.output, act.OUTPUT, "output activation")
        V = checks.real_array(self.V, "V", "(M, N)")
        W = checks.real_array(self.W, "W", "(O, M)")
        if V.ndim != 2 or 0 in V.shape:
            raise ValueError(f"V must have shape (M, N) with M, N ≥ 1, got {V.shape}")
        M, N = V.shape
        if W.ndim != 2 or W.shape[0] == 0:
            raise ValueError(f"W must have shape (O, M) = (O, {M}) with O ≥ 1, got {W.shape}")
        O = W.shape[0]
        if M * (N + M + O + 1) + O > checks.MAX_WEIGHTS:
            raise ValueError(f"a network with N = {N}, M = {M}, O = {O} has more than "
                             f"{checks.MAX_WEIGHTS:,} weights; lower M")
        expected = {"V": (M, N), "U": (M, M), "W": (O, M), "theta_h": (M,), "theta_o": (O,)}
        words = {"V": "(M, N)", "U": "(M, M)", "W": "(O, M)", "theta_h": "(M,)", "theta_o": "(O,)"}
        for name, shape in expected.items():
            a = checks.real_array(getattr(self, name), name, f"{words[name]} = {shape}")
            if a.shape != shape:
                raise ValueError(f"{name} must have shape {words[name]} = {shape} for V of shape "
                                 f"{V.shape} and W of shape {W.shape}, got {a.shape}")
            if not np.isfinite(a).all():
                raise ValueError(f"{name} must hold finite numbers (no NaN or infinity)")
            setattr(self, name, np.array(a, dtype=np.float64))     # the network's own copy
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
        n_in = checks.count(n_in, "n_in")
        n_hidden = checks.count(n_hidden, "n_hidden")
        n_out = checks.count(n_out, "n_out")
        if n_hidden * (n_in + n_hidden + n_out + 1) + n_out > checks.MAX_WEIGHTS:
            raise ValueError(f"a network with n_in = {n_in}, n_hidden = {n_hidden}, n_out = "
                             f"{n_out} has more than {checks.MAX_WEIGHTS:,} weights; lower n_hidden")
        checks.name(hidden, act.HIDDEN, "hidden activation")
        checks.name(output, act.OUTPUT, "output activation")
        if scale is not None:
            scale = checks.number(scale, "scale", strict=True)
        if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) \
                or seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {checks.shown(seed)}")
        rng = np.random.default_rng(seed)
        # uniform ±1/√(fan-in): N + M inputs into each hidden unit j, M into each output unit k
        scale_j = scale if scale is not None else 1.0 / np.sqrt(n_in + n_hidden)
        scale_k = scale if scale is not None else 1.0 / np.sqrt(n_hidden)
        return cls(V=rng.uniform(-scale_j, scale_j, (n_hidden, n_in)),
                   U=rng.uniform(-scale_j, scale_j, (n_hidden, n_hidden)),
                   W=rng.uniform(-scale_k, scale_k, (n_out, n_hidden)),
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
