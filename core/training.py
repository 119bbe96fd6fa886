"""Plain gradient descent under a BPTT(h; h′) scheme, one update at a time.

An update is computed whole by :meth:`Trainer.prepare` (forward over the
window, deltas, fold-back, the change of every weight) without touching the
network, so a view can reveal it micro-step by micro-step at no cost, and is
applied by :meth:`Trainer.apply`. The update rule is the source text's:
param ← param − η · ∂C/∂param, i.e. w ← w + η Σ_z Σ_l δ · (input).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import checks
from .bptt import Pass, check_cost, compute_pass
from .errors import NonFiniteError
from .forward import check_network
from .network import PARAMS, Network
from .schemes import PRESETS, Scheme, windows

#: the largest learning rate the trainer takes: past it an update only overflows
ETA_MAX = 1e6


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
    bptt_pass : Pass
        The window's forward and backward pass (per-copy terms and per-source
        deltas included when prepared with ``detail=True``).
    eta : float
    grads : dict of str to ndarray
        ∂C/∂param after clipping.
    grad_norm : float
        Global norm of the gradient before clipping.
    clipped : bool
    change : dict of str to ndarray
        −η · grads: what the update adds to each parameter.
    finite : bool
        False when the cost, a gradient or a new weight would be NaN or infinite.
    nonfinite : str
        The first quantity that is not finite ("" when ``finite``).
    """

    index: int
    epoch: int
    w0: int
    t_end: int
    first: int
    bptt_pass: Pass
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
        return self.bptt_pass.cost

    @property
    def pas(self) -> Pass:
        """The former name of :attr:`bptt_pass`, kept for existing callers."""
        return self.bptt_pass


class Trainer:
    """Trains ``net`` in place on sequences under a BPTT(h; h′) scheme.

    Parameters
    ----------
    net : Network
        Changed in place by :meth:`apply`.
    X : array_like, shape (L, P, N)
    D : array_like, shape (L, P, O)
    mask : array_like of bool, shape (L, P) or (L,), optional
        Steps that carry a target.
    s0 : array_like, shape (P, M) or (M,), optional
        State at the start of every pass through the sequence.
    scheme : Scheme
        BPTT(h; h′); a preset by name is ``core.preset("boden", T=4)``.
    cost : {"sse", "ce"}
    eta : float
        η, a finite number in 0..ETA_MAX; may be changed between updates.
    clip : float or None
        Clip the gradient's global norm to this finite value > 0; None (default) = off.
    resample : callable, optional
        ``resample(rng) -> (X, D, mask)``: fresh data at the start of every
        pass after the first (for generated tasks); drawn from ``rng``.
    seed : int
        Seed of ``rng``, ≥ 0.

    Raises
    ------
    ValueError
        For any argument of the wrong type, shape or value (named in the message).
    """

    def __init__(self, net: Network, X, D, mask=None, s0=None, scheme: Scheme | None = None,
                 cost: str = "sse", eta: float = 0.1, clip: float | None = None,
                 resample=None, seed: int = 0):
        self.net = check_network(net)
        check_cost(net, cost)
        self.cost = cost
        if scheme is None:
            scheme = Scheme(None, None)
        if not isinstance(scheme, Scheme):
            hint = (f"; for a preset write core.preset({scheme!r})"
                    if isinstance(scheme, str) and scheme in PRESETS else "")
            raise ValueError(f"scheme must be a core.Scheme, got {checks.shown(scheme)}{hint}")
        self.scheme = scheme
        self.eta = eta
        self.clip = clip
        if resample is not None and not callable(resample):
            raise ValueError(f"resample must be a function rng -> (X, D, mask) or None, "
                             f"got {checks.shown(resample)}")
        self.resample = resample
        if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) \
                or seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {checks.shown(seed)}")
        self.seed = int(seed)
        self.rng = np.random.default_rng(self.seed)
        self._set_data(X, D, mask)
        self.s0 = checks.state(s0, self.P, self.net.M)
        self.updates = 0
        self.epoch = 0
        self.history: list[float] = []        # cost of each applied update
        self.epoch_costs: list[float] = []    # summed cost of each full pass through the sequence
        self._epoch_cost = 0.0
        self._start_epoch()

    @property
    def eta(self) -> float:
        """η, the learning rate."""
        return self._eta

    @eta.setter
    def eta(self, value) -> None:
        self._eta = checks.number(value, "eta (η)", maximum=ETA_MAX)

    @property
    def clip(self) -> float | None:
        """The largest global gradient norm, or None (off)."""
        return self._clip

    @clip.setter
    def clip(self, value) -> None:
        self._clip = None if value is None else checks.number(value, "clip", strict=True)

    # -- data and position -------------------------------------------------
    def _set_data(self, X, D, mask):
        X = checks.sequences(X, self.net.N)
        D = checks.matching(X, D, self.net.O)
        self.mask = checks.mask(mask, X.shape[0], X.shape[1])
        self.X, self.D = X, D

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
        targets = self.mask[w0:t_end] & (steps >= first)[:, None]
        window_pass = compute_pass(self.net, self.X[w0:t_end], self.D[w0:t_end], self.cost,
                                   self.s_hist[w0], targets, np.zeros(t_end - w0, dtype=int),
                                   by_source=detail, per_copy=detail)
        grads = window_pass.grads
        nonfinite = "" if np.isfinite(window_pass.cost) else "cost"
        for name in PARAMS:
            if not nonfinite and not np.isfinite(grads[name]).all():
                nonfinite = f"gradient of {name}"
        norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads.values())))
        clipped = False
        if not nonfinite and self.clip is not None and norm > self.clip:
            grads = {k: g * (self.clip / norm) for k, g in grads.items()}
            clipped = True
        change = {k: -self.eta * g for k, g in grads.items()}
        if not nonfinite:
            nonfinite = self._nonfinite_weights(change)
        return Update(index=self.updates, epoch=self.epoch, w0=w0, t_end=t_end, first=first,
                      bptt_pass=window_pass, eta=self.eta, grads=grads, grad_norm=norm,
                      clipped=clipped, change=change, finite=not nonfinite, nonfinite=nonfinite)

    def _new_weights(self, change: dict) -> dict:
        """w + Δw for every parameter, as new arrays (the network is not touched)."""
        with np.errstate(all="ignore"):
            return {name: getattr(self.net, name) + change[name] for name in PARAMS}

    def _nonfinite_weights(self, change: dict, new: dict | None = None) -> str:
        """"new weights of U" (say) if w + Δw would not be finite, else ""."""
        new = self._new_weights(change) if new is None else new
        for name in PARAMS:
            if not np.isfinite(new[name]).all():
                return f"new weights of {name}"
        return ""

    def apply(self, update: Update) -> Update:
        """Add ``update.change`` to the weights and move on along the sequence.

        The new weights are computed and checked before any is written, so a
        refused update changes nothing.

        Raises
        ------
        NonFiniteError
            When the cost, a gradient or a new weight is not finite; the weights
            and the position stay as they were.
        ValueError
            When ``update`` is not the one :meth:`prepare` would give now.
        """
        if not isinstance(update, Update):
            raise ValueError(f"update must be a core.Update from prepare(), got {type(update).__name__}")
        if update.index != self.updates:
            raise ValueError(f"update {update.index} is stale: {self.updates} were applied")
        if not update.finite:
            raise NonFiniteError(update.nonfinite, update.index)
        new = self._new_weights(update.change)
        what = self._nonfinite_weights(update.change, new)
        if what:                       # the weights changed since prepare(): still refused whole
            raise NonFiniteError(what, update.index)
        for name in PARAMS:
            getattr(self.net, name)[...] = new[name]
        s = update.bptt_pass.trace.s
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
        """Apply ``n`` updates (an integer ≥ 0); returns their costs."""
        if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)) or n < 0:
            raise ValueError(f"n must be a non-negative integer, got {checks.shown(n)}")
        return [self.step().cost for _ in range(n)]

    # -- saving ------------------------------------------------------------
    def state(self, sequences: bool = True) -> dict:
        """Everything needed to continue exactly: arrays and JSON-able scalars.

        Parameters
        ----------
        sequences : bool
            False leaves out the arrays as long as the training sequence: ``X``
            (L, P, N), ``D`` (L, P, O), ``mask`` (L, P) and ``s_hist`` (L + 1, P, M),
            for a caller that keeps them itself (an undo history need not copy a
            long text's data at every update).
        """
        st = {"s0": self.s0.copy(), "k": self._k, "updates": self.updates, "epoch": self.epoch,
              "history": np.array(self.history), "epoch_costs": np.array(self.epoch_costs),
              "epoch_cost": self._epoch_cost, "rng": self.rng.bit_generator.state}
        if sequences:
            st.update(X=self.X.copy(), D=self.D.copy(), mask=self.mask.copy(),
                      s_hist=self.s_hist.copy())
        return st

    def load_state(self, state: dict) -> None:
        """Restore what :meth:`state` returned (for the same network shape and scheme).

        A state without ``X``, ``D`` and ``mask`` keeps the data now held; one
        without ``s_hist`` keeps the state history now held.
        """
        if "X" in state:
            self._set_data(state["X"], state["D"], state["mask"])
        kept = self.s_hist if "s_hist" not in state else None
        self.s0 = checks.state(state["s0"], self.P, self.net.M)
        self._start_epoch()
        k = int(state["k"])
        if not 0 <= k < len(self._windows):
            raise ValueError(f"position {k} is outside the {len(self._windows)} updates of a pass")
        s_hist = np.asarray(state["s_hist"] if kept is None else kept, dtype=np.float64)
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
