"""What the "Who taught whom" panel draws (no Qt): A[τ, c] of the current update, what truncation cut, and its history.

Rows τ are the window's columns (where an output error entered), columns c
the copies it reached, numbered by sequence step so that the copies a
BPTT(h; h′) scheme never reaches (before the window) can be shown too, with
their values from full-depth BPTT on the same window and weights
(:func:`core.attribution.truncation_for_update`).

The matrix fills in as BPTT plays, in step with the unfolded view: a cell
(τ, c) is revealed once BPTT has computed δ at copy c (``reveal.bptt_from``);
a row total once its error has been carried back to the first copy it
reaches; a column total (copy c's fold-back term) with its column; the cut
cells once BPTT has finished (the scheme stops there).

:class:`AttributionTracker` is the model-side state: the itemized update and
its truncation, computed once per update (before the update is applied,
while the trainer still holds the history), and the history of cosine
similarity, relative error and cut share over the updates played. A session
owns one (:func:`tracker_for`).

Text is left to the panel (it goes through Qt's tr there); a frame holds
numbers, masks and step numbers only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import core
from core import attribution as at
from visualizer.model.config import ATTRIBUTION_HISTORY

#: The parameters the panel's selector offers (W and θ_k only have τ = c).
SELECTABLE = ("V", "U", "theta_h")
#: The parameters whose scheme-vs-full comparison is kept over the updates.
COMPARED = ("V", "U", "W")
#: Updates kept in the history (the one configuration holds it).
HISTORY = ATTRIBUTION_HISTORY
#: Decades of the log colour scale below its largest value.
DECADES = 6.0


@dataclass
class TruncationRecord:
    """Scheme against full-depth BPTT for one applied update.

    Attributes
    ----------
    update : int
        Update number counted from 1.
    cosine, rel_error, cut_share : dict of str to float
        For "V", "U", "W", "theta_h", "theta_o" (see :class:`core.attribution.Truncation`).
    """

    update: int
    cosine: dict
    rel_error: dict
    cut_share: dict


class AttributionTracker:
    """Per-update attribution and truncation, and their history, for one session (no Qt).

    Lazy and pulled: an update is itemized and compared with full-depth BPTT
    when a frame of it is built (:meth:`sync`; before it is applied when the
    user steps, from the recorded history otherwise), never for updates
    nobody draws (fast play); it follows no session event. A drawn update
    enters :attr:`history` once it has been applied (seen applied, or seen
    again when the next update is drawn); an undone update is forgotten; a
    new trainer (task, network, reset) starts the history again.

    Parameters
    ----------
    session : Session

    Attributes
    ----------
    history : list of TruncationRecord
        Oldest first, the last :data:`HISTORY` applied updates drawn in detail.
    version : int
        Grows at every change of the history.
    """

    def __init__(self, session):
        self.session = session
        self.history: list[TruncationRecord] = []
        self.version = 0
        self._trainer = session.trainer
        self._upd = None
        self._trunc = None
        self._trunc_problem = ""
        self._who: dict = {}
        # pulled, never pushed: it follows no event, so nothing is computed for updates nobody
        # draws (fast play) and a closed window leaves nothing subscribed

    # -- catching up with the session ----------------------------------------------
    def _compute(self) -> None:
        """Itemize the session's current update and compare it with full depth (once per
        update); record the update drawn before once it has been applied."""
        s = self.session
        if s.trainer is not self._trainer:           # a new task, network or reset
            self._trainer = s.trainer
            self.history = []
            self.version += 1
            self._upd = self._trunc = None
            self._who = {}
        applied = s.trainer.updates
        if self.history and self.history[-1].update > applied:     # an update was undone
            self.history = [r for r in self.history if r.update <= applied]
            self.version += 1
        upd = s.update
        if upd is not self._upd:
            if self._upd is not None:
                self._record(self._upd, applied)
            if upd.pas.deltas.by_source is None:
                return
            self._upd = upd
            self._who = {}
            self._trunc, self._trunc_problem = self._truncation(upd)
        if s.applied:
            self._record(upd, applied)

    def _record(self, upd, applied: int) -> None:
        """Add ``upd`` to the history if it has been applied and is not in it yet."""
        n = upd.index + 1
        if (self._trunc is not None and n <= applied
                and (not self.history or self.history[-1].update < n)):
            t = self._trunc
            self.history.append(TruncationRecord(n, dict(t.cosine), dict(t.rel_error),
                                                 dict(t.cut_share)))
            del self.history[:-HISTORY]
            self.version += 1

    def _truncation(self, upd):
        """(Truncation, "") of ``upd``, or (None, why) when the sequence's history is gone."""
        s = self.session
        tr = s.trainer
        weights = s.pass_weights()
        net = s.net.copy()
        for name in core.PARAMS:
            getattr(net, name)[...] = weights[name]
        w0 = upd.w0
        X_before = s_before = None
        if not s.applied or tr.epoch == upd.epoch:
            # the trainer still holds the sequence and the states before the window
            X_before, s_before = tr.X[:w0], tr.s_hist[:w0 + 1]
        elif w0 == 0:
            X_before, s_before = None, None
        else:
            undo = getattr(s, "_undo", None)   # the trainer's state before the update, if kept
            if undo is None:
                return None, "history"
            state = undo[1]
            X_before, s_before = state["X"][:w0], state["s_hist"][:w0 + 1]
        try:
            with np.errstate(all="ignore"):
                return at.truncation(net, upd.pas, X_before=X_before, s_before=s_before), ""
        except ValueError:
            return None, "history"

    # -- what the frames read -----------------------------------------------------
    @property
    def truncation(self):
        """The current update's :class:`core.attribution.Truncation` (None when unavailable)."""
        self._sync()
        return self._trunc

    def who(self, param: str) -> at.WhoTaughtWhom:
        """The current update's :func:`core.attribution.who_taught_whom` (cells not kept)."""
        self._sync()
        if param not in self._who:
            with np.errstate(all="ignore"):
                self._who[param] = at.who_taught_whom(self.session.update.pas, param, cells=False)
        return self._who[param]

    def _sync(self) -> None:
        if self.session.update is not self._upd or self.session.trainer is not self._trainer:
            self._compute()

    def sync(self) -> None:
        """Catch up with the session now: the frame builder calls it, so the update drawn is
        the one itemized (and the order in which the session calls its subscribers does not
        matter)."""
        self._compute()

    def history_arrays(self) -> tuple[np.ndarray, dict, dict, np.ndarray]:
        """(updates, cosine, relative error, cut share of U) over the history.

        Returns
        -------
        updates : ndarray of int, shape (n,)
        cosine, rel_error : dict of str to ndarray, shape (n,)
            For V, U, W.
        cut_share : ndarray, shape (n,)
            Share of ‖ΔU‖ cut.
        """
        upd = np.array([r.update for r in self.history], dtype=int)
        cos = {p: np.array([r.cosine[p] for r in self.history], dtype=float) for p in COMPARED}
        rel = {p: np.array([r.rel_error[p] for r in self.history], dtype=float) for p in COMPARED}
        cut = np.array([r.cut_share["U"] for r in self.history], dtype=float)
        return upd, cos, rel, cut


def tracker_for(session) -> AttributionTracker:
    """The session's :class:`AttributionTracker` (``session.attribution``), made on first use."""
    tracker = getattr(session, "attribution", None)
    if tracker is None or tracker.session is not session:
        tracker = AttributionTracker(session)
        session.attribution = tracker
    return tracker


# -- the frame ------------------------------------------------------------------------

@dataclass
class WhoTaughtFrame:
    """One picture of the "Who taught whom" panel.

    Attributes
    ----------
    param : str
        "V", "U" or "theta_h" (any of core.PARAMS is accepted).
    w0 : int
        Sequence step (0-based) of the window's first copy.
    L : int
        Rows: the window's columns τ = 0 … L−1 (sequence step w0 + τ).
    c0 : int
        Sequence step of the first column drawn (0 when the cut copies are
        shown, else w0); K = w0 + L − c0 columns.
    A : ndarray, shape (L, K)
        ‖C(τ, c)‖_F where revealed (computed cells) or cut (full-depth values);
        NaN elsewhere.
    computed : ndarray of bool, shape (L, K)
        Cells the scheme computes for this update.
    revealed : ndarray of bool, shape (L, K)
        Computed cells BPTT has reached by now.
    pending : ndarray of bool, shape (L, K)
        Computed cells not revealed yet (drawn grey).
    cut : ndarray of bool, shape (L, K)
        Cells the scheme never computes, shown (hatched) with full-depth values;
        all False until BPTT has finished or when unavailable.
    row_norms : ndarray, shape (L,)
        ‖Σ_c C(τ, c)‖_F of the scheme, NaN until row τ is complete (or has no error).
    col_norms : ndarray, shape (K,)
        ‖Σ_τ C(τ, c)‖_F, copy c's fold-back term, NaN until revealed (and for cut copies).
    total_norm : float
        ‖Σ of the revealed columns‖_F; the update's ‖Δparam‖/η once complete.
    complete : bool
        BPTT has computed every cell of the update.
    levels : tuple of float
        (lo, hi) of log₁₀ A for the colour scale, fixed for the update and param.
    truncated : bool
        The scheme cuts something on this update (some full-depth cell is not computed).
    cut_share, cosine, rel_error : dict of str to float, or None
        The current update against full-depth BPTT (None when unavailable).
    history_updates : ndarray of int
    history_cosine, history_rel_error : dict of str to ndarray
        For V, U, W over the updates played.
    history_cut_share : ndarray
        Share of ‖ΔU‖ cut over the updates played.
    update : int
        The update on show, counted from 1.
    """

    param: str
    w0: int
    L: int
    c0: int
    A: np.ndarray
    computed: np.ndarray
    revealed: np.ndarray
    pending: np.ndarray
    cut: np.ndarray
    row_norms: np.ndarray
    col_norms: np.ndarray
    total_norm: float
    complete: bool
    levels: tuple
    truncated: bool
    cut_share: dict | None
    cosine: dict | None
    rel_error: dict | None
    history_updates: np.ndarray
    history_cosine: dict
    history_rel_error: dict
    history_cut_share: np.ndarray
    update: int

    @property
    def K(self) -> int:
        """Columns drawn."""
        return self.A.shape[1]

    def log_image(self) -> np.ndarray:
        """log₁₀ A clipped to the levels (zeros to the bottom), NaN where nothing is drawn."""
        return _log(self.A, self.levels)

    def window_column(self, k: int) -> int:
        """The window column (core's 0-based c; negative before the window) of drawn column k."""
        return self.c0 + k - self.w0


def _log(a: np.ndarray, levels: tuple) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        v = np.log10(a)
    v = np.where(np.isnan(a), np.nan, np.clip(np.nan_to_num(v, neginf=levels[0]), *levels))
    return v


def _levels(*arrays) -> tuple[float, float]:
    vals = np.concatenate([np.ravel(a) for a in arrays]) if arrays else np.zeros(0)
    vals = vals[np.isfinite(vals) & (vals > 0)]
    if not vals.size:
        return -1.0, 0.0
    hi = float(np.log10(vals.max()))
    lo = max(float(np.log10(vals.min())), hi - DECADES)
    if hi - lo < 1e-6:
        lo = hi - 1.0
    return lo, hi


def build_who_taught_frame(session, param: str = "U", show_cut: bool = True,
                           tracker: AttributionTracker | None = None) -> WhoTaughtFrame:
    """The "Who taught whom" panel's picture of ``session`` now.

    Parameters
    ----------
    session : Session
    param : {"V", "U", "theta_h", "W", "theta_o"}
    show_cut : bool
        Also draw the copies before the window, with the cut cells' full-depth values.
    tracker : AttributionTracker, optional
        ``tracker_for(session)`` by default.

    Returns
    -------
    WhoTaughtFrame

    Raises
    ------
    ValueError
        For an unknown ``param``.
    """
    if param not in core.PARAMS:
        raise ValueError(f"param must be one of {', '.join(core.PARAMS)}, got {param!r}")
    tk = tracker if tracker is not None else tracker_for(session)
    tk.sync()
    upd = session.update
    L = upd.t_end - upd.w0
    w0 = upd.w0
    who = tk.who(param)
    trunc = tk.truncation
    rv = session.timeline.reveal(session.position)
    cols = np.arange(L)
    if param in ("W", "theta_o"):
        rev_win = who.reached & np.asarray(rv.output)[:, None]
    else:
        rev_win = who.reached & (cols[None, :] >= rv.bptt_from)
    complete = not np.any(who.reached & ~rev_win)
    truncated = trunc is not None and bool(trunc.cut.any()) and param in at.RECURRENT
    c0 = 0 if (show_cut and truncated) else w0
    K = w0 + L - c0
    off = w0 - c0                                   # drawn column of the window's copy 0

    def widen(a, fill):
        out = np.full((L, K), fill, dtype=np.asarray(a).dtype)
        out[:, off:] = a
        return out

    computed = widen(who.reached, False)
    revealed = widen(rev_win, False)
    A = np.full((L, K), np.nan)
    A[revealed] = widen(who.A, 0.0)[revealed]
    cut = np.zeros((L, K), dtype=bool)
    full_vals = np.zeros((0,))
    if truncated:
        rows = slice(w0, w0 + L)
        cut_all = trunc.cut[rows, c0:w0 + L]
        full_vals = trunc.A_full[param][rows, c0:w0 + L]
        if complete:
            cut = cut_all
            A[cut] = full_vals[cut]
        full_vals = full_vals[cut_all]
    # a row is complete once its error reached its first copy (rows without error: nothing)
    row_done = who.reached.any(axis=1) & ~np.any(who.reached & ~rev_win, axis=1)
    row_norms = np.where(row_done, who.row_norms, np.nan)
    col_rev = rev_win.any(axis=0)                  # a column's cells are revealed together
    col_norms = np.full(K, np.nan)
    col_norms[off:] = np.where(col_rev, who.col_norms, np.nan)
    shown_cols = np.nonzero(col_rev)[0]
    total = who.cols[shown_cols].sum(axis=0) if shown_cols.size else np.zeros(who.total.shape)
    total_norm = float(np.sqrt(np.sum(total * total)))
    levels = _levels(who.A[who.reached], who.row_norms, who.col_norms, full_vals)
    upd_hist, cos_h, rel_h, cut_h = tk.history_arrays()
    shown = session.trainer.updates if session.applied else session.trainer.updates + 1
    return WhoTaughtFrame(
        param=param, w0=w0, L=L, c0=c0, A=A, computed=computed, revealed=revealed,
        pending=computed & ~revealed, cut=cut, row_norms=row_norms, col_norms=col_norms,
        total_norm=total_norm, complete=complete, levels=levels, truncated=truncated,
        cut_share=dict(trunc.cut_share) if trunc is not None else None,
        cosine=dict(trunc.cosine) if trunc is not None else None,
        rel_error=dict(trunc.rel_error) if trunc is not None else None,
        history_updates=upd_hist, history_cosine=cos_h, history_rel_error=rel_h,
        history_cut_share=cut_h, update=shown)
