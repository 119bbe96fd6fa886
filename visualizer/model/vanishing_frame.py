"""What the vanishing/exploding panel draws (no Qt): ‖δ(t−z)‖ against z, its bound, and its history.

:class:`DeltaHistory` is the diagnostic history a :class:`~visualizer.model.session.Session`
keeps (one column of norms per applied update, undone with the update);
:func:`build_vanishing_frame` turns the session's current update and that history
into a :class:`VanishingFrame` of plain arrays and strings, which the Qt panel
only draws.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import diagnostics

from visualizer.model.explain import fmt
from visualizer.model.i18n_marks import translate
from visualizer.model.config import VANISHING_HISTORY


#: updates kept in the history (the one configuration holds it)
HISTORY = VANISHING_HISTORY
#: text colours of the plot's title (measured norms, bound) and of notes
MEASURED_COLOR = "#c83c14"
BOUND_COLOR = "#285ac8"
TEXT = "#1e1e1e"
MUTED = "#6a6a6a"



class DeltaHistory:
    """‖δ(t−z)‖ of the applied updates, oldest first, the last :data:`HISTORY` kept.

    Attributes
    ----------
    entries : list of (int, ndarray)
        (update number counted from 1, norms of shape (Z,)).
    version : int
        Grows at every change, so a view redraws only when it must.
    """

    def __init__(self):
        self.entries: list[tuple[int, np.ndarray]] = []
        self.version = 0

    def record(self, update: int, norms: np.ndarray) -> None:
        """Add the norms of applied update ``update`` (replacing a later or equal one)."""
        self.truncate(update - 1)
        self.entries.append((int(update), np.asarray(norms, dtype=np.float64).copy()))
        del self.entries[:-HISTORY]
        self.version += 1

    def truncate(self, applied: int) -> None:
        """Forget the updates after ``applied`` (an update was undone)."""
        if self.entries and self.entries[-1][0] > applied:
            self.entries = [e for e in self.entries if e[0] <= applied]
            self.version += 1

    def since(self, first: int) -> list:
        """The entries of updates ``first`` and later."""
        return [e for e in self.entries if e[0] >= first]

    def __len__(self) -> int:
        return len(self.entries)


def history_array(entries) -> np.ndarray:
    """log₁₀ ‖δ(t−z)‖ of ``entries``, shape (Z, len(entries)); NaN where nothing was measured.

    Parameters
    ----------
    entries : list of (int, ndarray)
        As :attr:`DeltaHistory.entries`.

    Returns
    -------
    ndarray
        ``(Z, n)`` float64, rows z, columns the updates; ``(0, 0)`` for no entries.
    """
    if not entries:
        return np.zeros((0, 0))
    Z = max(max((n.size for _, n in entries), default=0), 1)
    out = np.full((Z, len(entries)), np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        for c, (_, n) in enumerate(entries):
            v = np.log10(n)
            out[:n.size, c] = np.where(np.isfinite(v), v, np.nan)
    return out


@dataclass
class VanishingFrame:
    """One picture of the vanishing/exploding panel.

    Attributes
    ----------
    result : core.diagnostics.Vanishing or None
        What the plot shows (None when the update was not computed in detail).
    z : ndarray
        ``(Z,)`` float copies back.
    norms, bound : ndarray
        ``(Z,)`` measured ‖δ(t−z)‖ and the bound, NaN where not positive (log axis).
    title, info : str
        Rich text above the plot and beside it.
    history : ndarray
        ``(Z', n)`` log₁₀ norms of the history (see :func:`history_array`).
    history_updates : list of int
        The update number of each history column.
    history_levels : tuple of float
        ``(lo, hi)`` of the history's colour scale.
    """

    result: object
    z: np.ndarray
    norms: np.ndarray
    bound: np.ndarray
    title: str
    info: str
    history: np.ndarray
    history_updates: list
    history_levels: tuple


def history_levels(a: np.ndarray) -> tuple[float, float]:
    """Colour range of a history array: its finite span, at least 1 wide."""
    finite = a[np.isfinite(a)] if a.size else a
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (-3.0, 0.0)
    if hi - lo < 1e-6:
        lo, hi = lo - 0.5, hi + 0.5
    return lo, hi


def build_vanishing_frame(session, first_update: int = 1) -> VanishingFrame:
    """The vanishing panel's picture of ``session`` now.

    Parameters
    ----------
    session : Session
    first_update : int
        The history starts at this update (an export shows only the updates it exported).

    Returns
    -------
    VanishingFrame
    """
    upd = session.update
    entries = session.delta_history.since(first_update)
    hist = history_array(entries)
    levels = history_levels(hist)
    updates = [u for u, _ in entries]
    empty = np.zeros(0)
    if upd.pas.deltas.by_source is None:
        return VanishingFrame(None, empty, empty, empty, "", "", hist, updates, levels)
    r = diagnostics.vanishing(upd.pas, session.pass_weights()["U"], session.net.hidden)
    # only the δ(t−z) BPTT has reached so far: nothing during the forward pass, one copy
    # more at each BPTT step (the copy of z is column t − z)
    rv = session.timeline.reveal(session.position)
    shown = (r.t - r.z) >= rv.bptt_from if r.t >= 0 else np.zeros(r.z.shape, bool)
    with np.errstate(all="ignore"):
        norms = np.where(shown & (r.norms > 0), r.norms, np.nan)
        bound = np.where(shown & (r.bound > 0) & np.isfinite(r.bound), r.bound, np.nan)
    if r.t >= 0 and not shown.any():
        title = (f"<span style='color:{MUTED}'>" + translate(
            "VanishingPanel", "update {n}: ‖δ(t−z)‖ appears during BPTT").format(n=upd.index + 1) +
            "</span>")
        return VanishingFrame(r, r.z.astype(float), norms, bound, title,
                              _info(session, r, upd), hist, updates, levels)
    if r.t < 0:
        where = translate("VanishingPanel", "no error enters in this window")
    else:
        where = translate("VanishingPanel", "error entering at t = step {step}").format(
            step=upd.w0 + r.t + 1)
    title = (f"<span style='color:{TEXT}'>" +
             translate("VanishingPanel", "update {n}").format(n=upd.index + 1) + f", {where}: "
             f"<span style='color:{MEASURED_COLOR}'>● " +
             translate("VanishingPanel", "measured") + " ‖δ(t−z)‖</span> &nbsp;"
             f"<span style='color:{BOUND_COLOR}'>- - " + translate("VanishingPanel", "bound") +
             " (γ σ<sub>max</sub>)<sup>z</sup> ‖δ(t)‖</span></span>")
    return VanishingFrame(r, r.z.astype(float), norms, bound, title, _info(session, r, upd), hist,
                          updates, levels)


def _info(session, r, upd) -> str:
    """ρ(U), σ_max(U), γ and the bound's factor, in rich text."""
    factor = r.gamma * r.sigma
    verdict = (translate("VanishingPanel", "&lt; 1: the bound vanishes") if factor < 1 else
               translate("VanishingPanel", "≥ 1: exploding is possible"))
    info = (f"ρ(U) = <b>{fmt(r.rho, html=True)}</b> &nbsp; σ<sub>max</sub>(U) = "
            f"<b>{fmt(r.sigma, html=True)}</b> &nbsp; γ = max|f′| = <b>{fmt(r.gamma, html=True)}</b> "
            f"({session.net.hidden})<br>γ σ<sub>max</sub>(U) = <b>{fmt(factor, html=True)}</b> "
            f"{verdict} &nbsp;<span style='color:{MUTED}'>(" +
            translate("VanishingPanel", "norms over the P = {P} samples").format(P=upd.pas.X.shape[1]) +
            ")</span>")
    return info
