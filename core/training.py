"""Plain gradient descent under a BPTT(h; h′) scheme, one update at a time.

An update is computed whole by :meth:`Trainer.prepare` (forward over the
window, deltas, fold-back, the change of every weight) without touching the
network, so a view can reveal it micro-step by micro-step at no cost, and is
applied by :meth:`Trainer.apply`. The update rule is the source text's:
param ← param − η · ∂C/∂param, i.e. w ← w + η Σ_z Σ_l δ · (input).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .bptt import Pass, check_cost, run_pass, target_mask
from .errors import NonFiniteError
from .forward import as_sequences, initial_state
from .network import PARAMS, Network
from .schemes import Scheme, windows


@dataclass
class Update:
    """One prepared update over the window of copies w0..t_end−1.

    Attributes
    ----------
    index : int
        How many updates were applied before this one.
    epoch : int
        How many times the sequence was passed through before.
    w0, t_end, first : int
        Sequence steps (0-based): copies w0..t_end−1 are unfolded, the errors
        of steps first..t_end−1 injected. Column c of the pass is step w0 + c.
    pas : Pass
        The window's pass (per-copy terms and per-source deltas included when
        prepared with ``detail=True``).
    eta : float
    grads : dict of str to ndarray
        ∂C/∂param after clipping.
    grad_norm : float
        Global norm of the gradient before clipping.
    clipped : bool
    change : dict of str to ndarray
        −η · grads: what the update adds to each parameter.
    finite : bool
        False when the cost or a gradient is NaN or infinite.
    nonfinite : str
        The first quantity that is not finite ("" when ``finite``).
    """

    index: int
    epoch: int
    w0: int
    t_end: int
    first: int
    pas: Pass
    eta: float
    grads: dict
    grad_norm: float
    clipped: bool
    change: dict
    finite: bool
    nonfinite: str = ""

    @property
    def cost(self) -> float:
        """C over the injected steps, before the update."""
        return self.pas.cost


@dataclass
class Trainer:
    """Trains ``net`` in place on sequences under a BPTT(h; h′) scheme.

    Parameters
    ----------
    net : Network
        Changed in place by :meth:`apply`.
    X : array_like, shape (L, P, N)
    D : array_like, shape (L, P, O)
    mask : array_like of bool, shape (L, P), optional
        Steps that carry a target.
    s0 : array_like, shape (P, M) or (M,), optional
        State at the start of every pass through the sequence.
    scheme : Scheme
    cost : {"sse", "ce"}
    eta : float
        η; may be changed between updates.
    clip : float or None
        Clip the gradient's global norm to this value; None (default) = off.
    resample : callable, optional
        ``resample(rng) -> (X, D, mask)``: fresh data at the start of every
        pass after the first (for generated tasks); drawn from ``rng``.
    seed : int
        Seed of ``rng``.
    """

    net: Network
    X: np.ndarray
    D: np.ndarray
    mask: np.ndarray | None = None
    s0: np.ndarray | None = None
    scheme: Scheme = field(default_factory=lambda: Scheme(None, None))
    cost: str = "sse"
    eta: float = 0.1
    clip: float | None = None
    resample: object = None
    seed: int = 0

    def __post_init__(self):
        check_cost(self.net, self.cost)
        self.rng = np.random.default_rng(self.seed)
        self._set_data(self.X, self.D, self.mask)
        self.s0 = initial_state(self.s0, self.P, self.net.M)
        self.updates = 0
        self.epoch = 0
        self.history: list[float] = []        # cost of each applied update
        self.epoch_costs: list[float] = []    # summed cost of each full pass through the sequence
        self._epoch_cost = 0.0
        self._start_epoch()

    # -- data and position -------------------------------------------------
    def _set_data(self, X, D, mask):
        self.X = as_sequences(X, self.net.N)
        self.D = as_sequences(D, self.net.O, "D")
        if self.D.shape[:2] != self.X.shape[:2]:
            raise ValueError(f"D {self.D.shape} does not match X {self.X.shape}")
        self.mask = target_mask(mask, self.L, self.P)

    @property
    def L(self) -> int:
        """Sequence length."""
        return self.X.shape[0]

    @property
    def P(self) -> int:
        """Number of sequences trained in parallel."""
        return self.X.shape[1]

    def _start_epoch(self):
        self._windows = list(windows(self.scheme, self.L))
        self._k = 0
        self.s_hist = np.empty((self.L + 1, self.P, self.net.M))
        self.s_hist[0] = self.s0

    def set_scheme(self, scheme: Scheme) -> None:
        """Change BPTT(h; h′); the pass through the sequence starts again."""
        self.scheme = scheme
        self._epoch_cost = 0.0
        self._start_epoch()

    @property
    def window(self) -> tuple[int, int, int]:
        """(w0, t_end, first) of the next update."""
        return self._windows[self._k]

    # -- one update --------------------------------------------------------
    def prepare(self, detail: bool = False) -> Update:
        """Compute the next update without changing the network.

        Parameters
        ----------
        detail : bool
            Keep per-copy fold-back terms and per-source deltas for a view.
        """
        with np.errstate(all="ignore"):     # a diverging run is reported, not warned about
            return self._prepare(detail)

    def _prepare(self, detail: bool) -> Update:
        w0, t_end, first = self.window
        steps = np.arange(w0, t_end)
        mask = self.mask[w0:t_end] & (steps >= first)[:, None]
        pas = run_pass(self.net, self.X[w0:t_end], self.D[w0:t_end], cost=self.cost,
                       s0=self.s_hist[w0], mask=mask, start=np.zeros(t_end - w0, dtype=int),
                       by_source=detail, per_copy=detail)
        grads = pas.grads
        nonfinite = "" if np.isfinite(pas.cost) else "cost"
        for name in PARAMS:
            if not nonfinite and not np.isfinite(grads[name]).all():
                nonfinite = f"gradient of {name}"
        norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads.values())))
        clipped = False
        if not nonfinite and self.clip is not None and norm > self.clip:
            grads = {k: g * (self.clip / norm) for k, g in grads.items()}
            clipped = True
        change = {k: -self.eta * g for k, g in grads.items()}
        return Update(index=self.updates, epoch=self.epoch, w0=w0, t_end=t_end, first=first,
                      pas=pas, eta=self.eta, grads=grads, grad_norm=norm, clipped=clipped,
                      change=change, finite=not nonfinite, nonfinite=nonfinite)

    def apply(self, update: Update) -> Update:
        """Add ``update.change`` to the weights and move on along the sequence.

        Raises
        ------
        NonFiniteError
            When the update is not finite; the weights and position stay as they were.
        ValueError
            When ``update`` is not the one :meth:`prepare` would give now.
        """
        if update.index != self.updates:
            raise ValueError(f"update {update.index} is stale: {self.updates} were applied")
        if not update.finite:
            raise NonFiniteError(update.nonfinite, update.index)
        for name, delta in update.change.items():
            getattr(self.net, name)[...] += delta
        s = update.pas.trace.s
        self.s_hist[update.first + 1:update.t_end + 1] = s[update.first - update.w0 + 1:]
        self.history.append(update.cost)
        self._epoch_cost += update.cost
        self.updates += 1
        self._k += 1
        if self._k == len(self._windows):
            self.epoch_costs.append(self._epoch_cost)
            self._epoch_cost = 0.0
            self.epoch += 1
            if self.resample is not None:
                self._set_data(*self.resample(self.rng))
            self._start_epoch()
        return update

    def step(self) -> Update:
        """Prepare and apply one update."""
        return self.apply(self.prepare())

    def train(self, n: int) -> list[float]:
        """Apply ``n`` updates; returns their costs."""
        return [self.step().cost for _ in range(n)]

    # -- saving ------------------------------------------------------------
    def state(self) -> dict:
        """Everything needed to continue exactly: arrays and JSON-able scalars."""
        return {"X": self.X.copy(), "D": self.D.copy(), "mask": self.mask.copy(),
                "s0": self.s0.copy(), "s_hist": self.s_hist.copy(), "k": self._k,
                "updates": self.updates, "epoch": self.epoch,
                "history": np.array(self.history), "epoch_costs": np.array(self.epoch_costs),
                "epoch_cost": self._epoch_cost, "rng": self.rng.bit_generator.state}

    def load_state(self, state: dict) -> None:
        """Restore what :meth:`state` returned (for the same network shape and scheme)."""
        self._set_data(state["X"], state["D"], state["mask"])
        self.s0 = initial_state(state["s0"], self.P, self.net.M)
        self._start_epoch()
        k = int(state["k"])
        if not 0 <= k < len(self._windows):
            raise ValueError(f"position {k} is outside the {len(self._windows)} updates of a pass")
        s_hist = np.asarray(state["s_hist"], dtype=np.float64)
        if s_hist.shape != self.s_hist.shape:
            raise ValueError(f"state history has shape {s_hist.shape}, expected {self.s_hist.shape}")
        self.s_hist[...] = s_hist
        self._k = k
        self.updates = int(state["updates"])
        self.epoch = int(state["epoch"])
        self.history = [float(c) for c in np.asarray(state["history"]).ravel()]
        self.epoch_costs = [float(c) for c in np.asarray(state["epoch_costs"]).ravel()]
        self._epoch_cost = float(state["epoch_cost"])
        self.rng.bit_generator.state = state["rng"]
