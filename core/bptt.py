"""Backpropagation through time: the deltas of a pass and the fold-back.

Everything a view shows of one pass is computed here at once, vectorised over
the P samples with a Python loop only over time: the output deltas δ_k(t), the
hidden deltas δ_j(t−z) of every copy (in total, and split by the error source
that sent them), and each copy's contribution to ΔV, ΔU, ΔW, Δθ before the
copies are folded back into one change per weight.

Sign convention: δ = −∂C/∂net, so a copy's contribution δ·(input)ᵀ is the
direction the weight moves in (param += η · Σ contributions), and
:func:`gradients` returns ∂C/∂param = −Σ contributions.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations as act
from .forward import Trace, as_sequences, forward
from .network import PARAMS, Network


@dataclass
class Deltas:
    """The errors of one pass.

    Attributes
    ----------
    delta_o : ndarray, shape (L, P, O)
        δ_k(t); zero at steps that carry no target.
    delta_h : ndarray, shape (L, P, M)
        δ_j at each copy, summed over every error source that reaches it:
        the δ the fold-back uses.
    start : ndarray of int, shape (L,)
        For each step t, the earliest copy an error entering at t reaches
        (0-based step index); t − start[t] + 1 copies in all.
    targets : ndarray of bool, shape (L, P)
        Which (step, sample) pairs carry a target.
    by_source : ndarray, shape (Z, L, P, M), or None
        ``by_source[z, t]`` = δ_j(t − z) caused by the error that entered at
        step t alone (zero where t − z < start[t] or t carries no target);
        Z = the largest number of copies any error flows through.
        ``by_source.sum(0)`` re-indexed by copy equals ``delta_h``.
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
    η: Δv_ji = η Σ_z V[t−z, j, i], and so on.

    Attributes
    ----------
    V : ndarray, shape (L, M, N)
        δ_j(τ) x_i(τ) for copy τ.
    U : ndarray, shape (L, M, M)
        δ_j(τ) s_h(τ−1) for copy τ.
    W : ndarray, shape (L, O, M)
        δ_k(t) s_j(t): W only sees the steps where error entered.
    theta_h : ndarray, shape (L, M)
        δ_j(τ).
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
    if mask is None:
        return np.ones((L, P), dtype=bool)
    m = np.asarray(mask)
    if m.ndim == 1:
        m = m[:, None]
    try:
        return np.broadcast_to(m.astype(bool), (L, P)).copy()
    except ValueError:
        raise ValueError(f"mask must have shape (L, P) = {(L, P)} or (L,), got {m.shape}") from None


def depth_starts(depth, L: int) -> np.ndarray:
    """Earliest copy reached by an error entering at each step, for depth h.

    h = 1 keeps the error in the copy where it enters (Elman's training);
    None, or h ≥ L, is full BPTT (every error reaches copy 0).
    """
    if depth is None:
        return np.zeros(L, dtype=int)
    if isinstance(depth, bool) or int(depth) != depth or depth < 1:
        raise ValueError(f"depth must be a positive integer or None (full BPTT), got {depth!r}")
    return np.maximum(np.arange(L) - int(depth) + 1, 0)


def output_deltas(net: Network, trace: Trace, D: np.ndarray, cost: str,
                  targets: np.ndarray) -> np.ndarray:
    """δ_k(t), shape (L, P, O), zero where ``targets`` (L, P) is False."""
    dy = act.output_delta(net.output, cost, trace.y, D)
    return np.where(targets[..., None], dy, 0.0)


def hidden_deltas(net: Network, trace: Trace, delta_o: np.ndarray, start: np.ndarray,
                  targets: np.ndarray, by_source: bool = False):
    """δ_j(t − z) for every copy, from δ_k(t) and the earliest copies ``start``.

    Entering: δ_j(t) = f'(net_j(t)) Σ_k δ_k(t) w_kj.
    One copy back: δ_j(t−1) = f'(net_j(t−1)) Σ_h δ_h(t) u_hj.

    Returns
    -------
    delta_h : ndarray, shape (L, P, M)
    by_source : ndarray, shape (Z, L, P, M), or None
    """
    L, P, O = delta_o.shape
    M = net.M
    # Σ_k δ_k(t) w_kj for every step at once (2-D: samples and steps stacked).
    from_output = (delta_o.reshape(L * P, O) @ net.W).reshape(L, P, M)
    active = targets.any(axis=1)
    reach = np.where(active, np.arange(L) - start + 1, 0)  # copies each error flows through
    Z = int(reach.max()) if L else 0
    # Truncated depths: all errors travel back together, one copy per round.
    # Per-source deltas (for the views) come from the same rounds.
    full_depth = bool((start[active] == 0).all())
    delta_h = None if full_depth else np.zeros((L, P, M))
    src = np.zeros((Z, L, P, M)) if by_source else None
    if by_source or not full_depth:
        slope = act.hidden_slope(net.hidden, trace.s[1:])  # f'(net(τ)) from s(τ), (L, P, M)
        entering = slope * from_output                     # δ_j(t) where the error enters
        front = entering                                   # front[t] = δ(t − z) due to source t
        for z in range(Z):
            alive = reach > z
            if z:
                nxt = np.zeros_like(front)
                a = np.nonzero(alive)[0]
                nxt[a] = slope[a - z] * (front[a] @ net.U)
                front = nxt
            front[~alive] = 0.0
            if delta_h is not None:
                # Copy t − z receives from source t; both ranges are contiguous slices.
                delta_h[: L - z] += front[z:]
            if src is not None:
                src[z] = front
    if full_depth:
        # Every error reaches copy 0: the sources add up linearly, one recursion,
        # δ_j(τ) = f'(net_j(τ)) [Σ_k δ_k(τ) w_kj + Σ_h δ_h(τ+1) u_hj], built in place.
        # (Used with or without by_source, so a view's pass and a fast pass agree bit for bit.)
        delta_h = from_output
        from_later = np.empty((P, M))                      # Σ_h δ_h(τ+1) u_hj, reused
        for tau in range(L - 1, -1, -1):
            if tau < L - 1:
                delta_h[tau] += np.matmul(delta_h[tau + 1], net.U, out=from_later)
            delta_h[tau] *= act.hidden_slope(net.hidden, trace.s[tau + 1])  # f'(net_j(τ))
    return delta_h, src


def fold_back(net: Network, X: np.ndarray, trace: Trace, deltas: Deltas) -> FoldBack:
    """Each copy's contribution δ·(input)ᵀ, summed over samples; see :class:`FoldBack`."""
    dh, do = deltas.delta_h, deltas.delta_o
    dhT = dh.transpose(0, 2, 1)
    return FoldBack(V=dhT @ X, U=dhT @ trace.s[:-1], W=do.transpose(0, 2, 1) @ trace.s[1:],
                    theta_h=dh.sum(axis=1), theta_o=do.sum(axis=1))


def _summed_gradients(X, trace, deltas) -> dict[str, np.ndarray]:
    """−Σ over copies and samples, each as one large matmul."""
    L, P, M = deltas.delta_h.shape
    dh = deltas.delta_h.reshape(L * P, M)
    do = deltas.delta_o.reshape(L * P, -1)
    return {"V": -(dh.T @ X.reshape(L * P, -1)),
            "U": -(dh.T @ trace.s[:-1].reshape(L * P, M)),
            "W": -(do.T @ trace.s[1:].reshape(L * P, M)),
            "theta_h": -dh.sum(axis=0),
            "theta_o": -do.sum(axis=0)}


def run_pass(net: Network, X, D, cost: str = "sse", depth=None, s0=None, mask=None,
             start=None, by_source: bool = False, per_copy: bool = False) -> Pass:
    """Forward pass, deltas and fold-back of one update, without changing ``net``.

    Parameters
    ----------
    net : Network
    X : array_like, shape (L, P, N)
    D : array_like, shape (L, P, O)
        Targets d(t); ignored (may be NaN) where ``mask`` is False.
    cost : {"sse", "ce"}
    depth : int or None
        h, the number of copies an error flows through, counting the one it
        enters; None is full BPTT.
    s0 : array_like, shape (P, M) or (M,), optional
        s(0); treated as a constant.
    mask : array_like of bool, shape (L, P) or (L,), optional
        Steps that carry a target; all of them by default.
    start : array_like of int, shape (L,), optional
        Overrides ``depth``: the earliest copy each error reaches.
    by_source : bool
        Also keep δ split by error source (``Deltas.by_source``).
    per_copy : bool
        Also keep each copy's contribution (``Pass.foldback``).

    Returns
    -------
    Pass
    """
    check_cost(net, cost)
    X = as_sequences(X, net.N)
    D = as_sequences(D, net.O, "D")
    L, P, _ = X.shape
    if D.shape[:2] != (L, P):
        raise ValueError(f"D must have shape {(L, P, net.O)} to match X {X.shape}, got {D.shape}")
    targets = target_mask(mask, L, P)
    if start is None:
        start = depth_starts(depth, L)
    else:
        start = np.asarray(start, dtype=int)
        if start.shape != (L,) or (start < 0).any() or (start > np.arange(L)).any():
            raise ValueError("start must hold, for each of the L steps t, a copy index in 0..t")
    Dz = np.where(targets[..., None], D, 0.0)            # NaN targets at unscored steps are fine
    trace = forward(net, X, s0)
    delta_o = output_deltas(net, trace, Dz, cost, targets)
    delta_h, src = hidden_deltas(net, trace, delta_o, start, targets, by_source)
    deltas = Deltas(delta_o=delta_o, delta_h=delta_h, start=start, targets=targets, by_source=src)
    terms = np.where(targets[..., None], act.cost_terms(net.output, cost, trace.y, Dz), 0.0)
    cost_per_step = terms.sum(axis=(1, 2))
    fb = fold_back(net, X, trace, deltas) if per_copy else None
    grads = _summed_gradients(X, trace, deltas)
    return Pass(X=X, D=Dz, trace=trace, deltas=deltas, foldback=fb, grads=grads,
                cost=float(cost_per_step.sum()), cost_per_step=cost_per_step)


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
    mask : array_like of bool, shape (L, P), optional

    Returns
    -------
    dict
        "V" (M, N), "U" (M, M), "W" (O, M), "theta_h" (M,), "theta_o" (O,):
        the sign autograd uses; the update is param -= η · grad.
    """
    return run_pass(net, X, D, cost=cost, depth=depth, s0=s0, mask=mask).grads


def evaluate(net: Network, X, D, cost: str = "sse", s0=None, mask=None) -> float:
    """C of BPTT.md over the steps that carry a target (a sum over samples, not a mean)."""
    check_cost(net, cost)
    X = as_sequences(X, net.N)
    D = as_sequences(D, net.O, "D")
    targets = target_mask(mask, X.shape[0], X.shape[1])
    y = forward(net, X, s0).y
    Dz = np.where(targets[..., None], D, 0.0)
    return float(np.where(targets[..., None], act.cost_terms(net.output, cost, y, Dz), 0.0).sum())
