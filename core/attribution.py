"""Who taught whom, what truncation throws away, why δ vanishes: BPTT's gradient itemized.

Three views of one update's pass, all read from ``Deltas.by_source`` (a pass
computed with ``by_source=True``; ``Trainer.prepare(detail=True)`` does that):

* :func:`who_taught_whom` splits the weight change by the step τ where an
  output error entered and the copy c it reached (c ≤ τ).
* :func:`truncation` extends an update's per-source deltas back to the first
  copy of the sequence with the same weights and states, so the cells a
  BPTT(h; h′) scheme never computes can be shown with their values.
* :func:`vanishing_factors` writes each step back, ‖δ(c−1)‖ / ‖δ(c)‖, as the
  product of a U factor and an f′ factor, and :func:`saturation` counts the
  hidden units whose slope f′ is below 10 % of its largest value.

Notation (BPTT.md): for the update's window, τ is the step where an output
error enters, c a copy it reaches, δ^(τ)(c) the hidden δ at copy c due to that
error alone, and

    C_V(τ, c) = Σ_l δ^(τ)(c) x(c)ᵀ      C_U(τ, c) = Σ_l δ^(τ)(c) s(c−1)ᵀ
    C_θh(τ, c) = Σ_l δ^(τ)(c)           C_W(τ, τ) = Σ_l δ_o(τ) s(τ)ᵀ,  C_θo(τ, τ) = Σ_l δ_o(τ)

(W and θ_k only have τ = c).

Sign convention: as :class:`~core.bptt.FoldBack` and BPTT.md's
Δ = η · δ · (input), with δ = −∂C/∂net. A cell C(τ, c) is the contribution of
error τ through copy c to Δparam / η, i.e. to **−∂C/∂param**: summing every
cell gives ``−core.gradients(...)``, summing a column gives the FoldBack term
of copy c, and param += η · Σ C is the update.

Indices are 0-based columns of the pass (column c is the window's copy c; add
the update's ``w0`` for the step in the sequence). Arrays index cells as
``[τ, c]``: rows are where the error entered, columns the copy it reached.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import GAMMA, hidden_slope
from .network import PARAMS

#: A hidden unit is saturated at a copy when f′(net) < SATURATION · max f′.
SATURATION = 0.1
#: max f′ of each hidden activation (¼ sigmoid, 1 tanh, ReLU, linear): γ of BPTT.md.
FPRIME_MAX = GAMMA
#: The parameters whose cells reach earlier copies (the others only have τ = c).
RECURRENT = ("V", "U", "theta_h")


def _check_param(param: str) -> str:
    if param not in PARAMS:
        raise ValueError(f"unknown param {param!r}; valid choices: {', '.join(PARAMS)}")
    return param


def _by_source(pas) -> np.ndarray:
    src = pas.deltas.by_source
    if src is None:
        raise ValueError("the pass has no per-source deltas: run it with by_source=True "
                         "(Trainer.prepare(detail=True))")
    return src


def _norms(a: np.ndarray, axes: tuple) -> np.ndarray:
    return np.sqrt(np.sum(a * a, axis=axes))


def reached(pas) -> np.ndarray:
    """The cells (τ, c) the pass computed: τ carries a target and start[τ] ≤ c ≤ τ.

    Parameters
    ----------
    pas : Pass

    Returns
    -------
    ndarray of bool, shape (L, L)
        ``[τ, c]``; W and θ_k only use the diagonal of it.
    """
    L = pas.X.shape[0]
    active = pas.deltas.targets.any(axis=1)
    c = np.arange(L)
    start = np.asarray(pas.deltas.start)
    return active[:, None] & (c[None, :] >= start[:, None]) & (c[None, :] <= c[:, None])


def source_deltas(pas) -> np.ndarray:
    """δ^(τ)(c): the hidden δ at copy c due to the error that entered at τ alone.

    Parameters
    ----------
    pas : Pass
        Computed with ``by_source=True``.

    Returns
    -------
    ndarray, shape (L, L, P, M)
        ``[τ, c]``; zero outside :func:`reached`. ``source_deltas(pas)[τ]`` is
        the "one error source" view: that error's δ at every copy. Summed over
        τ it is ``pas.deltas.delta_h``.
    """
    src = _by_source(pas)
    Z, L, P, M = src.shape
    out = np.zeros((L, L, P, M))
    z, t = np.nonzero(np.arange(L)[None, :] >= np.arange(Z)[:, None])   # every (z, τ) with τ ≥ z
    out[t, t - z] = src[z, t]
    return out


def _inputs(pas, param: str, L: int) -> np.ndarray | None:
    """The input each copy's δ multiplies: x(c) for V, s(c−1) for U, none for θ_h."""
    if param == "V":
        return pas.X
    if param == "U":
        return pas.trace.s[:L]
    return None


def _itemize(pas, param: str, keep: bool = True):
    """(C, A, rows, cols) of one parameter, in one sweep over the copies (C None unless ``keep``).

    Column by column: the sources τ ≥ c that reached copy c are one
    diagonal of ``by_source`` (``[τ − c, τ]``), and their cells are one
    batched matmul; A, the row and the column totals are taken while the
    column is in cache. The loop runs over the L copies, never over (τ, c) pairs.
    """
    _check_param(param)
    L = pas.X.shape[0]
    if param in ("W", "theta_o"):
        do = pas.deltas.delta_o
        diag = (do.transpose(0, 2, 1) @ pas.trace.s[1:] if param == "W" else do.sum(axis=1))
        idx = np.arange(L)
        C = None
        if keep:
            C = np.zeros((L, L) + diag.shape[1:])
            C[idx, idx] = diag
        A = np.zeros((L, L))
        A[idx, idx] = _norms(diag, tuple(range(1, diag.ndim)))
        return C, A, diag.copy(), diag.copy()
    src = _by_source(pas)
    Z, _, P, M = src.shape
    inp = _inputs(pas, param, L)
    shape = (M,) if inp is None else (M, inp.shape[2])
    C = np.zeros((L, L) + shape) if keep else None
    buf = None if keep else np.empty((Z,) + shape)              # one column's cells, reused
    A = np.zeros((L, L))
    rows = np.zeros((L,) + shape)
    cols = np.zeros((L,) + shape)
    z = np.arange(Z)
    axes = tuple(range(1, 1 + len(shape)))
    for c in range(L):
        K = min(Z, L - c)                                       # sources τ = c … c + K − 1
        d = src[z[:K], c + z[:K]]                               # δ^(τ)(c), (K, P, M)
        blk = C[c:c + K, c] if keep else buf[:K]
        if inp is None:
            d.sum(axis=1, out=blk)
        else:
            np.matmul(d.transpose(0, 2, 1), inp[c], out=blk)    # Σ_l δ x(c)ᵀ or δ s(c−1)ᵀ
        sq = blk * blk
        A[c:c + K, c] = np.sqrt(sq.sum(axis=axes))
        rows[c:c + K] += blk
        blk.sum(axis=0, out=cols[c])
    return C, A, rows, cols


def contributions(pas, param: str = "U") -> np.ndarray:
    """Every cell C(τ, c) of one parameter.

    Parameters
    ----------
    pas : Pass
        Computed with ``by_source=True``.
    param : {"V", "U", "W", "theta_h", "theta_o"}

    Returns
    -------
    ndarray, shape (L, L) + shape of the parameter
        ``C[τ, c]`` (V: (M, N), U: (M, M), W: (O, M), θ_h: (M,), θ_o: (O,));
        zero outside :func:`reached`, and off the diagonal for W and θ_o.
        In the units of Δparam / η = −∂C/∂param.
    """
    return _itemize(pas, param)[0]


@dataclass
class WhoTaughtWhom:
    """The itemized weight change of one update for one parameter.

    Attributes
    ----------
    param : str
        "V", "U", "W", "theta_h" or "theta_o".
    C : ndarray, shape (L, L) + parameter shape, or None
        C(τ, c), see :func:`contributions` (None when not kept).
    A : ndarray, shape (L, L)
        ‖C(τ, c)‖_F, the matrix the panel draws (log colour scale); zero
        outside ``reached``.
    reached : ndarray of bool, shape (L, L)
        Cells the pass computed (only the diagonal for W and θ_o).
    rows : ndarray, shape (L,) + parameter shape
        Σ_c C(τ, c): what the error entering at τ changes, over every copy it reached.
    cols : ndarray, shape (L,) + parameter shape
        Σ_τ C(τ, c): copy c's fold-back term (``FoldBack.<param>[c]``).
    total : ndarray, parameter shape
        Σ C = Δparam / η = −∂C/∂param of the update.
    row_norms, col_norms : ndarray, shape (L,)
        ‖rows[τ]‖_F and ‖cols[c]‖_F.
    total_norm : float
        ‖total‖_F.
    """

    param: str
    C: np.ndarray
    A: np.ndarray
    reached: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    total: np.ndarray
    row_norms: np.ndarray
    col_norms: np.ndarray
    total_norm: float


def who_taught_whom(pas, param: str = "U", cells: bool = True) -> WhoTaughtWhom:
    """Which error (row τ) changed the weights through which copy (column c).

    Parameters
    ----------
    pas : Pass
        Computed with ``by_source=True``.
    param : {"V", "U", "W", "theta_h", "theta_o"}
        The selector; the panel offers V, U and θ_h (W and θ_o only have
        τ = c).
    cells : bool
        Keep every cell C(τ, c) in ``C`` (L² parameter-sized arrays). With
        False, ``C`` is None: the cells are still computed, but only A and
        the totals are kept (less memory, faster); :func:`cell` gives one
        cell on demand.

    Returns
    -------
    WhoTaughtWhom
    """
    C, A, rows, cols = _itemize(pas, param, keep=cells)
    total = cols.sum(axis=0)
    done = reached(pas)
    if param in ("W", "theta_o"):
        done &= np.eye(done.shape[0], dtype=bool)
    sub = tuple(range(1, rows.ndim))
    return WhoTaughtWhom(param=param, C=C, A=A, reached=done, rows=rows, cols=cols,
                         total=total, row_norms=_norms(rows, sub), col_norms=_norms(cols, sub),
                         total_norm=float(np.sqrt(np.sum(total * total))))


def cell(pas, tau: int, c: int, param: str = "U") -> np.ndarray:
    """One cell C(τ, c) (for the inspector), without building the whole matrix.

    Returns
    -------
    ndarray, the parameter's shape
        Zero when the error entering at τ never reached copy c.
    """
    _check_param(param)
    L = pas.X.shape[0]
    for what, v in (("tau", tau), ("c", c)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 0 <= v < L:
            raise ValueError(f"{what} must be a column 0..{L - 1}, got {v!r}")
    if param in ("W", "theta_o"):
        do = pas.deltas.delta_o[tau] * (tau == c)              # W and θ_k: only τ = c
        return do.T @ pas.trace.s[tau + 1] if param == "W" else do.sum(axis=0)
    src = _by_source(pas)
    z = tau - c
    d = src[z, tau] if 0 <= z < src.shape[0] else np.zeros(src.shape[2:])
    inp = _inputs(pas, param, L)
    return d.sum(axis=0) if inp is None else d.T @ inp[c]


# -- what truncation throws away ----------------------------------------------------

@dataclass
class Truncation:
    """An update of BPTT(h; h′) against full-depth BPTT on the same window and weights.

    The arrays cover the sequence steps 0 … w0 + L − 1 (the update's window
    of L copies starts at step ``w0``); row and column indices are sequence
    steps.

    Attributes
    ----------
    w0 : int
        Sequence step of the window's first copy.
    computed : ndarray of bool, shape (T, T)
        Cells (τ, c) the scheme computed (T = w0 + L).
    cut : ndarray of bool, shape (T, T)
        Cells full BPTT reaches (τ carries a target, c ≤ τ) that the scheme
        never computes: the hatched cells.
    A_full : dict of str to ndarray, shape (T, T)
        ‖C(τ, c)‖_F from full-depth BPTT for "V", "U" and "theta_h" (the
        computed cells equal the scheme's).
    scheme : dict of str to ndarray
        The scheme's Δparam / η (−∂C/∂param of its pass) for every parameter.
    full : dict of str to ndarray
        The same from full-depth BPTT.
    cut_total : dict of str to ndarray
        Σ of the cut cells = full − scheme, for every parameter (zero for W, θ_k).
    cut_share : dict of str to float
        ‖Σ_cut C‖_F / ‖full‖_F: the share of ‖Δparam‖ that was cut (nan when
        the full change is zero).
    cut_mass : dict of str to float
        Σ_cut A / Σ A over the full matrix: the share of the hatched cells in
        the who-taught-whom matrix (nan when it is all zero).
    cosine : dict of str to float
        cos between the scheme's and the full gradient (1 when both are zero,
        nan when only one is).
    rel_error : dict of str to float
        ‖scheme − full‖_F / ‖full‖_F (0 when both are zero, inf when only the
        full one is).
    """

    w0: int
    computed: np.ndarray
    cut: np.ndarray
    A_full: dict
    scheme: dict
    full: dict
    cut_total: dict
    cut_share: dict
    cut_mass: dict
    cosine: dict
    rel_error: dict


def _compare(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(cosine, relative error) of a (the scheme's) against b (the full one)."""
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    diff = float(np.linalg.norm(a - b))
    if na == 0.0 and nb == 0.0:
        return 1.0, 0.0
    cos = float(np.sum(a * b) / (na * nb)) if na and nb else float("nan")
    rel = diff / nb if nb else float("inf")
    return cos, rel


def truncation(net, pas, X_before=None, s_before=None) -> Truncation:
    """Full-depth BPTT of an update's errors, against what the scheme computed.

    Every error the pass injected is carried back past the copies the
    scheme stopped at, to the first copy of the sequence, with the same
    weights and the same states: inside the window the states of the pass,
    before it the states the running network recorded (``s_before``). Only
    the depth differs, so the computed cells are the scheme's own values and
    the cut cells are exactly what the truncation dropped.

    Parameters
    ----------
    net : Network
        The weights the pass was computed with (U and f are used).
    pas : Pass
        The update's pass, computed with ``by_source=True``.
    X_before : array_like, shape (w0, P, N), optional
        Inputs x of the sequence steps before the window (none by default).
    s_before : array_like, shape (w0 + 1, P, M), optional
        States s(0) … s(w0) of those steps: ``s_before[w0]`` is the state
        entering the window (``pas.trace.s[0]``).

    Returns
    -------
    Truncation

    Raises
    ------
    ValueError
        For shapes that do not fit, or a ``s_before`` that does not end in
        the state entering the window.
    """
    src = _by_source(pas)
    L, P, N = pas.X.shape
    M = pas.trace.s.shape[2]
    if X_before is None:
        X_before = np.zeros((0, P, N))
    X_before = np.asarray(X_before, dtype=np.float64)
    w0 = X_before.shape[0]
    if X_before.ndim != 3 or X_before.shape[1:] != (P, N):
        raise ValueError(f"X_before must have shape (w0, {P}, {N}), got {X_before.shape}")
    if s_before is None:
        s_before = pas.trace.s[:1]
    s_before = np.asarray(s_before, dtype=np.float64)
    if s_before.shape != (w0 + 1, P, M):
        raise ValueError(f"s_before must have shape {(w0 + 1, P, M)}, got {s_before.shape}")
    if not np.allclose(s_before[w0], pas.trace.s[0], rtol=1e-12, atol=1e-12):
        raise ValueError("s_before must end with the state entering the window (pas.trace.s[0]); "
                         "take it from the trainer before the update is applied")
    T = w0 + L
    X = np.concatenate([X_before, pas.X])                      # x(c), c = 0 … T−1
    s = np.concatenate([s_before[:w0], pas.trace.s])           # s[c] = s(c−1) of copy c
    slope = hidden_slope(net.hidden, s[1:])                    # f′(net(c)), (T, P, M)
    active = pas.deltas.targets.any(axis=1)
    taus = np.nonzero(active)[0]                               # window columns with an error
    c_idx = np.arange(T)
    computed = np.zeros((T, T), dtype=bool)
    computed[w0:, w0:] = reached(pas)
    full_cells = np.zeros((T, T), dtype=bool)
    full_cells[w0 + taus] = c_idx[None, :] <= (w0 + taus)[:, None]
    cut = full_cells & ~computed

    # Carry every source back one copy per round, as core's BPTT does, but to copy 0.
    A = {name: np.zeros((T, T)) for name in RECURRENT}
    full = {"V": np.zeros((M, N)), "U": np.zeros((M, M)), "theta_h": np.zeros(M)}
    front = src[0, taus].copy() if taus.size else np.zeros((0, P, M))   # δ^(τ)(τ), (S, P, M)
    g = w0 + taus                                              # sequence step of each source
    for z in range(int(g.max()) + 1 if g.size else 0):
        alive = np.nonzero(g - z >= 0)[0]                      # sources that reach copy g − z
        cpy = g[alive] - z
        if z:
            front[alive] = slope[cpy] * (front[alive] @ net.U)
        rows = g[alive]
        dT = front[alive].transpose(0, 2, 1)                   # (S, M, P)
        cv = dT @ X[cpy]                                       # (S, M, N)
        cu = dT @ s[cpy]                                       # (S, M, M)
        ch = front[alive].sum(axis=1)                          # (S, M)
        A["V"][rows, cpy] = _norms(cv, (1, 2))
        A["U"][rows, cpy] = _norms(cu, (1, 2))
        A["theta_h"][rows, cpy] = _norms(ch, (1,))
        full["V"] += cv.sum(axis=0)
        full["U"] += cu.sum(axis=0)
        full["theta_h"] += ch.sum(axis=0)
    scheme = {k: -v for k, v in pas.grads.items()}
    full["W"] = scheme["W"].copy()                             # W and θ_k have no earlier copies
    full["theta_o"] = scheme["theta_o"].copy()
    cut_total, cut_share, cut_mass, cosine, rel_error = {}, {}, {}, {}, {}
    for name in PARAMS:
        cut_total[name] = full[name] - scheme[name]
        nf = float(np.linalg.norm(full[name]))
        cut_share[name] = float(np.linalg.norm(cut_total[name])) / nf if nf else float("nan")
        if name in A:
            mass = float(A[name].sum())
            cut_mass[name] = float(A[name][cut].sum()) / mass if mass else float("nan")
        else:
            cut_mass[name] = 0.0 if np.any(full[name]) else float("nan")
        cosine[name], rel_error[name] = _compare(scheme[name], full[name])
    return Truncation(w0=w0, computed=computed, cut=cut, A_full=A, scheme=scheme, full=full,
                      cut_total=cut_total, cut_share=cut_share, cut_mass=cut_mass,
                      cosine=cosine, rel_error=rel_error)


def truncation_for_update(trainer, update, net=None) -> Truncation:
    """:func:`truncation` of a Trainer's prepared update, with the trainer's recorded history.

    Call it before ``trainer.apply(update)`` (the history and the weights
    change when the update is applied), or pass the weights the pass used as
    ``net``. The update must be prepared with ``detail=True``.

    Parameters
    ----------
    trainer : Trainer
    update : Update
    net : Network, optional
        The weights the update's pass used; ``trainer.net`` by default.

    Returns
    -------
    Truncation
        Indexed by sequence steps 0 … update.t_end − 1.
    """
    w0 = update.w0
    return truncation(trainer.net if net is None else net, update.pas,
                      X_before=trainer.X[:w0], s_before=trainer.s_hist[:w0 + 1])


# -- why δ vanishes -----------------------------------------------------------------

@dataclass
class Factors:
    """One copy back, ‖δ(c−1)‖ / ‖δ(c)‖ = U factor × f′ factor, for every copy c.

    Going back one copy, δ(c−1) = f′(net(c−1)) ⊙ (Uᵀ δ(c)), so

        ‖δ(c−1)‖ / ‖δ(c)‖ = ‖Uᵀδ(c)‖ / ‖δ(c)‖  ×  ‖f′ ⊙ Uᵀδ(c)‖ / ‖Uᵀδ(c)‖.

    Arrays are indexed by c, the copy the δ leaves (shape (L,) for the whole
    update or one source, (L, L) ``[τ, c]`` for every source at once). Entries
    are nan where nothing is carried back from c (c = 0, c outside the copies
    the error reached, or a zero denominator: ‖δ(c)‖ = 0 makes every ratio at c
    nan, ‖Uᵀδ(c)‖ = 0 makes the f′ factor nan while the U factor and the
    measured ratio are 0).

    Attributes
    ----------
    u_factor : ndarray
        ‖Uᵀδ(c)‖ / ‖δ(c)‖.
    fprime_factor : ndarray
        ‖f′(net(c−1)) ⊙ Uᵀδ(c)‖ / ‖Uᵀδ(c)‖ (≤ max f′).
    measured : ndarray
        ‖δ(c−1)‖ / ‖δ(c)‖ from the pass's deltas.
    norm_from : ndarray
        ‖δ(c)‖, the δ that travels back from copy c.
    norm_to : ndarray
        ‖δ(c−1)‖, what arrives at copy c−1 from it.
    """

    u_factor: np.ndarray
    fprime_factor: np.ndarray
    measured: np.ndarray
    norm_from: np.ndarray
    norm_to: np.ndarray


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def _factors(d_from, d_to, slope_to, U, sample):
    """Factors for stacked (…, P, M) δ(c), δ(c−1) and f′(net(c−1))."""
    if sample is not None:
        d_from, d_to, slope_to = (a[..., sample:sample + 1, :] for a in (d_from, d_to, slope_to))
    u = d_from @ U                                             # (Uᵀδ(c))ᵀ, row-vector form
    n_from = _norms(d_from, (-2, -1))
    n_u = _norms(u, (-2, -1))
    n_fu = _norms(slope_to * u, (-2, -1))
    n_to = _norms(d_to, (-2, -1))
    return _ratio(n_u, n_from), _ratio(n_fu, n_u), _ratio(n_to, n_from), n_from, n_to


def _check_sample(pas, sample):
    P = pas.X.shape[1]
    if sample is not None and (isinstance(sample, bool) or not isinstance(sample, (int, np.integer))
                               or not 0 <= sample < P):
        raise ValueError(f"sample must be None (the batch) or 0..{P - 1}, got {sample!r}")


def vanishing_factors(pas, U, hidden: str, source: int | None = None,
                      sample: int | None = None) -> Factors:
    """The U factor and the f′ factor of every step back, for the update or one error.

    Parameters
    ----------
    pas : Pass
        Computed with ``by_source=True``.
    U : ndarray, shape (M, M)
        The recurrent weights the pass was computed with.
    hidden : str
        f.
    source : int, optional
        τ, the column where one error entered: that error's δ alone. By
        default the whole update: δ(c) is then the part of the total δ at
        copy c that travels on to c−1 (the errors that reach c−1), and δ(c−1)
        what arrives from it, i.e. the total δ(c−1) without the error that
        enters at c−1 itself (with full depth every error travels on, so δ(c)
        is the total δ at c).
    sample : int, optional
        One sample l; by default norms are Frobenius norms over the batch.

    Returns
    -------
    Factors
        Arrays of shape (L,), indexed by c (nan at c = 0 and where nothing
        travels back from c).
    """
    src = _by_source(pas)
    _check_sample(pas, sample)
    Z, L, P, M = src.shape
    U = np.asarray(U, dtype=np.float64)
    slope = hidden_slope(hidden, pas.trace.s[1:])              # f′(net(c)), (L, P, M)
    start = np.asarray(pas.deltas.start)
    active = pas.deltas.targets.any(axis=1)
    reach = np.where(active, np.arange(L) - start + 1, 0)
    d_from = np.zeros((L, P, M))                               # [c] δ(c) that travels on
    d_to = np.zeros((L, P, M))                                 # [c] δ(c−1) that arrives
    if source is not None:
        if (isinstance(source, bool) or not isinstance(source, (int, np.integer))
                or not 0 <= source < L):
            raise ValueError(f"source must be a column 0..{L - 1}, got {source!r}")
        for z in range(1, reach[source]):
            d_from[source - z + 1] = src[z - 1, source]
            d_to[source - z + 1] = src[z, source]
        valid = np.zeros(L, dtype=bool)
        valid[source - reach[source] + 2: source + 1] = reach[source] > 1
    else:
        valid = np.zeros(L, dtype=bool)
        for z in range(1, Z):
            alive = reach[z:] > z                              # sources τ = z … L−1 going on
            w = alive[:, None, None]
            d_from[1:L - z + 1] += np.where(w, src[z - 1, z:], 0.0)
            d_to[1:L - z + 1] += np.where(w, src[z, z:], 0.0)
            valid[1:L - z + 1] |= alive
    slope_to = np.concatenate([np.zeros((1, P, M)), slope[:-1]])   # f′(net(c−1)) at [c]
    uf, ff, meas, n_from, n_to = _factors(d_from, d_to, slope_to, U, sample)
    nan = np.where(valid, 1.0, np.nan)
    return Factors(u_factor=uf * nan, fprime_factor=ff * nan, measured=meas * nan,
                   norm_from=n_from * nan, norm_to=n_to * nan)


def vanishing_factors_by_source(pas, U, hidden: str, sample: int | None = None) -> Factors:
    """:func:`vanishing_factors` for every error source at once.

    Returns
    -------
    Factors
        Arrays of shape (L, L), ``[τ, c]``: the step from copy c to c−1 of
        the error that entered at τ (nan where that error does not travel
        back from c).
    """
    src = _by_source(pas)
    _check_sample(pas, sample)
    Z, L, P, M = src.shape
    U = np.asarray(U, dtype=np.float64)
    slope = hidden_slope(hidden, pas.trace.s[1:])
    start = np.asarray(pas.deltas.start)
    active = pas.deltas.targets.any(axis=1)
    reach = np.where(active, np.arange(L) - start + 1, 0)
    shape = (L, L)
    out = [np.full(shape, np.nan) for _ in range(5)]
    if Z > 1:
        # Every (z ≥ 1, τ) at once: from copy τ−z+1 to copy τ−z.
        z, t = np.nonzero(np.arange(1, Z)[:, None] < reach[None, :])
        z = z + 1
        parts = _factors(src[z - 1, t], src[z, t], slope[t - z], U, sample)
        for arr, vals in zip(out, parts):
            arr[t, t - z + 1] = vals
    return Factors(*out)


@dataclass
class Saturation:
    """Hidden units whose slope f′(net) is below 10 % of its largest value.

    Attributes
    ----------
    saturated : ndarray of bool, shape (L, P, M)
        Per copy, sample and unit (ReLU: the units that are off; never for linear).
    counts : ndarray of int, shape (L,)
        Saturated units per copy, summed over the samples (or of one sample).
    fraction : ndarray, shape (L,)
        counts / (units counted per copy).
    threshold : float
        SATURATION · max f′.
    """

    saturated: np.ndarray
    counts: np.ndarray
    fraction: np.ndarray
    threshold: float


def saturation(pas, hidden: str, sample: int | None = None) -> Saturation:
    """Count the saturated hidden units per copy (f′ < 10 % of max f′).

    max f′ per activation (:data:`FPRIME_MAX`): sigmoid ¼, tanh 1, ReLU 1, linear 1.

    Parameters
    ----------
    pas : Pass
    hidden : str
        f.
    sample : int, optional
        Count one sample l only.
    """
    if hidden not in FPRIME_MAX:
        raise ValueError(f"unknown hidden activation {hidden!r}; valid choices: "
                         f"{', '.join(FPRIME_MAX)}")
    _check_sample(pas, sample)
    thr = SATURATION * FPRIME_MAX[hidden]
    sat = hidden_slope(hidden, pas.trace.s[1:]) < thr
    part = sat if sample is None else sat[:, sample:sample + 1]
    counts = part.sum(axis=(1, 2))
    per = part.shape[1] * part.shape[2]
    return Saturation(saturated=sat, counts=counts, fraction=counts / per if per else counts * 0.0,
                      threshold=thr)
