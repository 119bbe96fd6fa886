"""Backpropagation through time: the deltas of a pass and the fold-back.

Everything a view shows of one pass is computed here at once, vectorised over
the P samples with a Python loop only over time: the output deltas δ_k(t), the
hidden deltas δ_j(c) of every copy c (in total, and split by the error source τ
that sent them), and each copy's contribution to ΔV, ΔU, ΔW, Δθ before the
copies are folded back into one change per weight.

Names follow BPTT.md. An error *source* τ is a step that carries a target: its
error enters copy τ and flows back z = 0, 1, … copies, reaching copy c = τ − z.
The depth h is how many copies it flows through (counting copy τ), so it
reaches back to the *first copy* max(0, τ − h + 1). Two algorithms compute the
hidden deltas:

- :func:`full_depth_deltas`: every error reaches copy 0, so the sources add up
  linearly and one backward recursion over the copies gives δ_j(c) (Bodén's
  formula with the error entering at c added in);
- :func:`deltas_by_source`: each source's error travels back on its own, for
  a finite depth h, or when a view wants δ split by source.

Letters have one meaning each: j and k index hidden and output units, h is the
depth or the unit index of u_jh; the contract's array names ``net_h``,
``delta_h``, ``theta_h`` (hidden layer) and ``…_o`` (output layer) are the
public API of DESIGN.md and are kept.

Sign convention: δ = −∂C/∂net, so a copy's contribution δ·(input)ᵀ is the
direction the weight moves in (param += η · Σ contributions), and
:func:`gradients` returns ∂C/∂param = −Σ contributions.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations as act
from . import checks
from .forward import Buffers, Trace, check_network, reused_buffers, run_forward
from .network import PARAMS, Network


@dataclass
class Deltas:
    """The errors of one pass.

    Attributes
    ----------
    delta_o : ndarray, shape (L, P, O)
        δ_k(t) of the output layer; zero at steps that carry no target.
    delta_h : ndarray, shape (L, P, M)
        δ_j(c) of the hidden layer at each copy c, summed over every error
        source that reaches it: the δ the fold-back uses.
    start : ndarray of int, shape (L,)
        For each source step τ, the first copy its error reaches (0-based);
        τ − start[τ] + 1 copies in all (the depth h, cut at copy 0).
    targets : ndarray of bool, shape (L, P)
        Which (step, sample) pairs carry a target.
    by_source : ndarray, shape (Z, L, P, M), or None
        ``by_source[z, τ]`` = δ_j(τ − z) caused by the error that entered at
        step τ alone (zero where τ − z < start[τ] or τ carries no target);
        Z = the largest number of copies any error flows through.
        Summed over z at copy c = τ − z it gives ``delta_h``.
    """

    delta_o: np.ndarray
    delta_h: np.ndarray
    start: np.ndarray
    targets: np.ndarray
    by_source: np.ndarray | None = None


@dataclass
class FoldBack:
    """Each copy's contribution to the weight change, before the copies are summed.

    All terms are summed over the samples l and are the Δ of BPTT.md without
    η: Δv_ji = η Σ_c V[c, j, i], and so on.

    Attributes
    ----------
    V : ndarray, shape (L, M, N)
        δ_j(c) x_i(c) for copy c.
    U : ndarray, shape (L, M, M)
        δ_j(c) s_h(c−1) for copy c.
    W : ndarray, shape (L, O, M)
        δ_k(t) s_j(t): W only sees the steps where error entered.
    theta_h : ndarray, shape (L, M)
        δ_j(c).
    theta_o : ndarray, shape (L, O)
        δ_k(t).
    """

    V: np.ndarray
    U: np.ndarray
    W: np.ndarray
    theta_h: np.ndarray
    theta_o: np.ndarray

    def total(self) -> dict[str, np.ndarray]:
        """The fold-back: the sum over copies, one change (without η) per weight."""
        return {name: getattr(self, name).sum(axis=0) for name in PARAMS}


@dataclass
class Pass:
    """One forward and backward pass, everything a view needs.

    Attributes
    ----------
    X : ndarray, shape (L, P, N)
    D : ndarray, shape (L, P, O)
    trace : Trace
    deltas : Deltas
    foldback : FoldBack or None
        Per-copy contributions (None when not requested).
    grads : dict of str to ndarray
        ∂C/∂param for V, U, W, theta_h, theta_o (shapes of the network's arrays).
    cost : float
        C over the steps that carry a target.
    cost_per_step : ndarray, shape (L,)
        C(t), summed over samples and units; zero where no target.
    """

    X: np.ndarray
    D: np.ndarray
    trace: Trace
    deltas: Deltas
    foldback: FoldBack | None
    grads: dict
    cost: float
    cost_per_step: np.ndarray


def check_cost(net: Network, cost: str) -> None:
    """ValueError for an unknown cost or one the network's output cannot take."""
    act.check_pair(net.output, cost, net.O)


def target_mask(mask, L: int, P: int) -> np.ndarray:
    """``mask`` as a boolean array (L, P): None means every step carries a target."""
    return checks.mask(mask, L, P)


def first_copies(depth, L: int) -> np.ndarray:
    """For each source step τ, the first copy its error reaches with depth h: max(0, τ − h + 1).

    h = 1 keeps the error in the copy where it enters (Elman's training);
    None, or h ≥ L, is full BPTT (every error reaches copy 0).
    """
    h = checks.depth(depth)
    if h is None:
        return np.zeros(L, dtype=int)
    return np.maximum(np.arange(L) - h + 1, 0)


def output_deltas(net: Network, trace: Trace, D: np.ndarray, cost: str,
                  targets: np.ndarray) -> np.ndarray:
    """δ_k(t), shape (L, P, O), zero where ``targets`` (L, P) is False."""
    delta_k = act.output_delta(net.output, cost, trace.y, D)
    delta_k[~targets] = 0.0
    return delta_k


def full_depth_deltas(net: Network, from_output: np.ndarray,
                      slope: np.ndarray, from_later: np.ndarray | None = None) -> np.ndarray:
    """δ_j(c) of every copy c when every error flows back to copy 0 (full BPTT).

    The sources add up linearly, so one recursion from the last copy back does
    it all (BPTT.md's two formulas in one):

        δ_j(c) = f'(net_j(c)) [Σ_k δ_k(c) w_kj + Σ_h δ_h(c+1) u_hj]

    Parameters
    ----------
    from_output : ndarray, shape (L, P, M)
        Σ_k δ_k(c) w_kj for every copy; overwritten with δ_j(c) and returned.
    slope : ndarray, shape (L, P, M)
        f'(net_j(c)).
    from_later : ndarray, shape (P, M), optional
        Room for Σ_h δ_h(c+1) u_hj of one copy.

    Returns
    -------
    ndarray, shape (L, P, M)
    """
    L = from_output.shape[0]
    delta_j = from_output
    linear = net.hidden == "linear"               # f' = 1: nothing to multiply
    if from_later is None:
        from_later = np.empty(delta_j.shape[1:])  # Σ_h δ_h(c+1) u_hj, reused
    U = net.U
    if not linear:
        delta_j[L - 1] *= slope[L - 1]
    for c in range(L - 2, -1, -1):
        delta_j[c] += np.matmul(delta_j[c + 1], U, out=from_later)
        if not linear:
            delta_j[c] *= slope[c]
    return delta_j


def deltas_by_source(net: Network, from_output: np.ndarray, slope: np.ndarray,
                     first_copy: np.ndarray, sources: np.ndarray, keep: bool = True):
    """δ_j(c) with each error source τ's error flowing back on its own, down to ``first_copy[τ]``.

    Entering: δ_j(τ) = f'(net_j(τ)) Σ_k δ_k(τ) w_kj. One copy further back,
    z → z + 1: δ_j(τ−z−1) = f'(net_j(τ−z−1)) Σ_h δ_h(τ−z) u_hj. All sources move
    back together, one copy per round z.

    Parameters
    ----------
    from_output : ndarray, shape (L, P, M)
        Σ_k δ_k(τ) w_kj for every step τ.
    slope : ndarray, shape (L, P, M)
        f'(net_j(c)).
    first_copy : ndarray of int, shape (L,)
        The first copy each source's error reaches.
    sources : ndarray of bool, shape (L,)
        The steps that carry a target for some sample.
    keep : bool
        Also return the per-source deltas (else only their sum).

    Returns
    -------
    delta_h : ndarray, shape (L, P, M)
        δ_j(c), summed over the sources that reach copy c.
    by_source : ndarray, shape (Z, L, P, M), or None
        ``by_source[z, τ]`` = δ_j(τ − z) due to source τ alone (see :class:`Deltas`).
    """
    L, P, M = from_output.shape
    copies_reached = np.where(sources, np.arange(L) - first_copy + 1, 0)
    Z = int(copies_reached.max())
    delta_j = np.zeros((L, P, M))
    by_source = np.zeros((Z, L, P, M)) if keep else None
    moving = slope * from_output           # moving[τ] = δ_j(τ − z) due to source τ, at round z
    for z in range(Z):
        flowing = copies_reached > z       # sources whose error still flows at z copies back
        if z:
            tau = np.nonzero(flowing)[0]
            n = tau.size
            back = (moving[tau].reshape(n * P, M) @ net.U).reshape(n, P, M)
            moving = np.zeros_like(moving)
            moving[tau] = slope[tau - z] * back        # copy c = τ − z
        moving[~flowing] = 0.0
        delta_j[: L - z] += moving[z:]     # copy c = τ − z receives from source τ
        if keep:
            by_source[z] = moving
    return delta_j, by_source


def fold_back(net: Network, X: np.ndarray, trace: Trace, deltas: Deltas) -> FoldBack:
    """Each copy's contribution δ·(input)ᵀ, summed over samples; see :class:`FoldBack`."""
    delta_j, delta_k = deltas.delta_h, deltas.delta_o
    delta_jT = delta_j.transpose(0, 2, 1)
    return FoldBack(V=delta_jT @ X, U=delta_jT @ trace.s[:-1],
                    W=delta_k.transpose(0, 2, 1) @ trace.s[1:],
                    theta_h=delta_j.sum(axis=1), theta_o=delta_k.sum(axis=1))


def summed_gradients(X: np.ndarray, trace: Trace, deltas: Deltas) -> dict[str, np.ndarray]:
    """∂C/∂param = −Σ over copies and samples, each as one large matmul (copies stacked)."""
    L, P, M = deltas.delta_h.shape
    N, O = X.shape[2], deltas.delta_o.shape[2]
    delta_j = deltas.delta_h.reshape(L * P, M).T
    delta_k = deltas.delta_o.reshape(L * P, O).T
    grads = {"V": np.matmul(delta_j, X.reshape(L * P, N), out=np.empty((M, N))),
             "U": np.matmul(delta_j, trace.s[:-1].reshape(L * P, M), out=np.empty((M, M))),
             "W": np.matmul(delta_k, trace.s[1:].reshape(L * P, M), out=np.empty((O, M))),
             # (a product with ones would be 6× faster at M = 32, but its other order of
             # additions moved a 3000-update training run of the parity task off its path)
             "theta_h": delta_j.sum(axis=1),
             "theta_o": delta_k.sum(axis=1)}
    for g in grads.values():
        np.negative(g, out=g)
    return grads


def compute_pass(net: Network, X: np.ndarray, D: np.ndarray, cost: str, s0: np.ndarray,
                 targets: np.ndarray, first_copy: np.ndarray, by_source: bool = False,
                 per_copy: bool = False, buffers: Buffers | None = None,
                 with_cost: bool = True) -> Pass:
    """:func:`run_pass` on arguments already checked (float64 arrays of the right shapes).

    The Trainer calls this directly: its data were checked when it was made.
    The pass's arrays are written into ``buffers`` (new ones by default).
    ``with_cost=False`` skips the cost (``cost`` NaN, ``cost_per_step`` empty),
    for :func:`gradients`, which returns only the gradients.
    """
    L, P, N = X.shape
    M = net.M
    if buffers is None:
        buffers = Buffers(L, P, N, M, net.O)
    every = bool(targets.all())
    Dz = D if every else np.where(targets[..., None], D, 0.0)   # NaN at unscored steps is fine
    trace = run_forward(net, X, s0, buffers)
    delta_k = act.output_delta_into(net.output, cost, trace.y, Dz, buffers.delta_k)
    if not every:
        delta_k[~targets] = 0.0
    if with_cost:
        cost_per_step = act.cost_per_step(net.output, cost, trace.y, Dz, targets, every,
                                          buffers.scratch)
    else:
        cost_per_step = np.zeros(0)
    # Σ_k δ_k(t) w_kj for every step at once (2-D: samples and steps stacked).
    from_output = buffers.delta_j
    np.matmul(delta_k.reshape(L * P, -1), net.W, out=from_output.reshape(L * P, M))
    slope = act.hidden_slope_into(net.hidden, trace.s[1:], buffers.slope)   # f'(net_j(c))
    sources = targets.any(axis=1)
    full_depth = not first_copy[sources].any()
    by_src = None
    if by_source or not full_depth:
        delta_j, by_src = deltas_by_source(net, from_output, slope, first_copy, sources,
                                           keep=by_source)
    if full_depth:
        # The same numbers with or without by_source: a view's pass and a fast pass agree.
        delta_j = full_depth_deltas(net, from_output, slope, buffers.from_later)
    deltas = Deltas(delta_o=delta_k, delta_h=delta_j, start=first_copy, targets=targets,
                    by_source=by_src)
    return Pass(X=X, D=Dz, trace=trace, deltas=deltas,
                foldback=fold_back(net, X, trace, deltas) if per_copy else None,
                grads=summed_gradients(X, trace, deltas),
                cost=float(cost_per_step.sum()) if with_cost else float("nan"),
                cost_per_step=cost_per_step)


def _flag(value, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {checks.shown(value)}")
    return bool(value)


def _checked(net, X, D, cost, s0, mask):
    """The arguments every pass shares, checked: (X, D, s0, targets)."""
    check_network(net)
    check_cost(net, cost)
    X = checks.sequences(X, net.N)
    D = checks.matching(X, D, net.O)
    L, P, _ = X.shape
    return X, D, checks.state(s0, P, net.M), checks.mask(mask, L, P)


def run_pass(net: Network, X, D, cost: str = "sse", depth=None, s0=None, mask=None,
             start=None, by_source: bool = False, per_copy: bool = False) -> Pass:
    """Forward pass, deltas and fold-back of one update, without changing ``net``.

    Parameters
    ----------
    net : Network
    X : array_like, shape (L, P, N)
        L, P ≥ 1; a (L, N) array is one sample.
    D : array_like, shape (L, P, O)
        Targets d(t), the same L and P as X; ignored (may be NaN) where ``mask`` is False.
    cost : {"sse", "ce"}
    depth : int or None
        h, the number of copies an error flows through, counting the one it
        enters; None is full BPTT.
    s0 : array_like, shape (P, M) or (M,), optional
        s(0); treated as a constant.
    mask : array_like of bool, shape (L, P) or (L,), optional
        Steps that carry a target; all of them by default.
    start : array_like of int, shape (L,), optional
        Overrides ``depth``: the first copy each error reaches (0..t for step t).
    by_source : bool
        Also keep δ split by error source (``Deltas.by_source``).
    per_copy : bool
        Also keep each copy's contribution (``Pass.foldback``).

    Returns
    -------
    Pass

    Raises
    ------
    ValueError
        For any argument of the wrong type, shape or value (named in the message).
    """
    X, D, s0, targets = _checked(net, X, D, cost, s0, mask)
    L = X.shape[0]
    first_copy = first_copies(depth, L) if start is None else checks.first_copies(start, L)
    return compute_pass(net, X, D, cost, s0, targets, first_copy,
                        by_source=_flag(by_source, "by_source"),
                        per_copy=_flag(per_copy, "per_copy"))


def gradients(net: Network, X, D, cost: str = "sse", depth=None, s0=None,
              mask=None) -> dict[str, np.ndarray]:
    """∂C/∂param of the cost over ``X``, by BPTT with depth h.

    Parameters
    ----------
    net : Network
    X : array_like, shape (L, P, N)
    D : array_like, shape (L, P, O)
    cost : {"sse", "ce"}
    depth : int or None
        h of BPTT.md; None is full BPTT.
    s0 : array_like, shape (P, M) or (M,), optional
    mask : array_like of bool, shape (L, P) or (L,), optional

    Returns
    -------
    dict
        "V" (M, N), "U" (M, M), "W" (O, M), "theta_h" (M,), "theta_o" (O,):
        the sign autograd uses; the update is param -= η · grad.

    Raises
    ------
    ValueError
        As :func:`run_pass`.
    """
    X, D, s0, targets = _checked(net, X, D, cost, s0, mask)
    L, P, N = X.shape
    # Only the gradients leave this function, so the pass may reuse this thread's arrays.
    buffers = reused_buffers(L, P, N, net.M, net.O)
    return compute_pass(net, X, D, cost, s0, targets, first_copies(depth, L),
                        buffers=buffers, with_cost=False).grads


def evaluate(net: Network, X, D, cost: str = "sse", s0=None, mask=None) -> float:
    """C of BPTT.md over the steps that carry a target (a sum over samples, not a mean).

    Takes the arguments of :func:`gradients` (without ``depth``) and raises
    ValueError as it does: D must have X's L and P exactly.
    """
    X, D, s0, targets = _checked(net, X, D, cost, s0, mask)
    y = run_forward(net, X, s0).y
    every = bool(targets.all())
    Dz = D if every else np.where(targets[..., None], D, 0.0)
    # The same sums as a pass's cost, so evaluate and run_pass agree to the last bit.
    return float(act.cost_per_step(net.output, cost, y, Dz, targets, every).sum())
