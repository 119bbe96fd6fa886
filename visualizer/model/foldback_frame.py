"""What the fold-back panel draws (no Qt): each copy's term of ΔV, ΔU, ΔW, their running sum, the weights.

One column per copy of the unfolded view (right-aligned the same way), one row per matrix:

    ΔV row:  δ(t−z) x(t−z)ᵀ      (rows j, columns i)
    ΔU row:  δ(t−z) s(t−z−1)ᵀ    (rows j, columns h)
    ΔW row:  δ_o(t) s(t)ᵀ        (rows k, columns j; only the copies where error entered)

then the running sum over the copies folded so far (Σ_z Σ_l, without η) and
the weights before and after the update. A copy's term appears when BPTT has
computed its δ; it is added into the sum when the fold-back phase reaches it
(``reveal.folded_from``). The terms and sums share one symmetric range fixed
for the update (a term keeps its colour while the sum grows); the weights
share another.

A :class:`FoldbackFrame` hands out its images on request (a view of the
core's array, or NaN for "not shown"), each with a key that changes only when
the image does, so the panel calls ``setImage`` only for what changed.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from visualizer.model.explain import fmt
from visualizer.model.i18n_marks import translate

MATRICES = ("V", "U", "W")
#: (row index name, column index name) of each matrix, BPTT.md's letters
AXES = {"V": ("j", "i"), "U": ("j", "h"), "W": ("k", "j")}
#: row titles (rich text)
TERM_TEXT = {"V": "ΔV: δ(t−z) x(t−z)ᵀ", "U": "ΔU: δ(t−z) s(t−z−1)ᵀ", "W": "ΔW: δ<sub>o</sub>(t) s(t)ᵀ"}
MUTED = "#6a6a6a"


@dataclass
class FoldbackFrame:
    """One picture of the fold-back panel.

    Attributes
    ----------
    update : object
        The core's update shown (identity: a new update resets the panel's images).
    shape : tuple of int
        ``(N, M, O, T)``, T the view's columns.
    sizes : dict of str to tuple
        ``(rows, cols)`` of each matrix.
    shown : dict of str to list of bool
        Whether column c of matrix m shows its term.
    offset : int
        View column of the window's first copy.
    folded_from : int
        Window column from which the copies are folded into the sum.
    updated : bool
        The update has been applied (the "after" images are shown).
    before, after : dict of str to ndarray
        The weights the pass used, and after the update.
    term_range, weight_range : float
        Half-widths of the two shared symmetric colour ranges.
    headers : list of str
        ``"t=… z=…"`` of each view column (``" ✓"`` once folded), ``""`` outside the window.
    caption : str
        Rich text above the panel.
    """

    update: object
    shape: tuple
    sizes: dict
    terms: object
    shown: dict
    offset: int
    folded_from: int
    updated: bool
    before: dict
    after: dict
    term_range: float
    weight_range: float
    headers: list
    caption: str

    def _nan(self, m: str) -> np.ndarray:
        return np.full(self.sizes[m], np.nan)

    def copy_key(self, m: str, c: int):
        """Changes exactly when :meth:`copy_image` does."""
        return (id(self.update), self.shown[m][c])

    def copy_image(self, m: str, c: int) -> np.ndarray:
        """``sizes[m]`` term of view column ``c`` (NaN: not shown)."""
        return getattr(self.terms, m)[c - self.offset] if self.shown[m][c] else self._nan(m)

    def sum_key(self, m: str):
        return (id(self.update), self.folded_from)

    def sum_image(self, m: str) -> np.ndarray:
        """Σ over the copies folded so far (zeros before the fold-back starts)."""
        a = getattr(self.terms, m)
        return a[self.folded_from:].sum(axis=0) if self.folded_from < a.shape[0] else np.zeros(self.sizes[m])

    def before_key(self, m: str):
        return (id(self.update),)

    def before_image(self, m: str) -> np.ndarray:
        return self.before[m]

    def after_key(self, m: str):
        return (id(self.update), self.updated)

    def after_image(self, m: str) -> np.ndarray:
        """The weights after the update (NaN until it is applied)."""
        return self.after[m] if self.updated else self._nan(m)


def _ranges(fb, before: dict, after: dict) -> tuple[float, float]:
    total = fb.total()
    r = float(max([np.abs(getattr(fb, m)).max(initial=0.0) for m in MATRICES] +
                  [np.abs(total[m]).max(initial=0.0) for m in MATRICES]))
    w = float(max(max(np.abs(before[m]).max(initial=0.0), np.abs(after[m]).max(initial=0.0))
                  for m in MATRICES))
    return (r if np.isfinite(r) and r > 0 else 1.0), (w if np.isfinite(w) and w > 0 else 1.0)


def build_foldback_frame(session, previous: FoldbackFrame | None = None) -> FoldbackFrame | None:
    """The fold-back panel's picture of ``session`` now (None when the pass has no fold-back).

    Parameters
    ----------
    session : Session
    previous : FoldbackFrame, optional
        The last frame built; its weights and ranges are reused while the update is the same.
    """
    upd = session.update
    pas = upd.pas
    fb = pas.foldback
    if fb is None:
        return None
    net = session.net
    N, M, O, T = net.N, net.M, net.O, session.columns
    sizes = {"V": (M, N), "U": (M, M), "W": (O, M)}
    rv = session.timeline.reveal(session.position)
    Lw = upd.t_end - upd.w0
    off = T - Lw
    if previous is not None and previous.update is upd and previous.shape == (N, M, O, T):
        before, after = previous.before, previous.after
        term_range, weight_range = previous.term_range, previous.weight_range
    else:
        used = session.pass_weights()
        before = {m: used[m].copy() for m in MATRICES}
        after = {m: before[m] + upd.change[m] for m in MATRICES}
        term_range, weight_range = _ranges(fb, before, after)
    shown = {}
    for m in MATRICES:
        col = []
        for c in range(T):
            cw = c - off
            inside = 0 <= cw < Lw
            col.append(inside and (bool(rv.output[cw]) if m == "W" else cw >= rv.bptt_from))
        shown[m] = col
    headers = []
    for c in range(T):
        cw = c - off
        if 0 <= cw < Lw:
            headers.append(f"t={upd.w0 + cw + 1}  z={Lw - 1 - cw}" + (" ✓" if cw >= rv.folded_from else ""))
        else:
            headers.append("")
    folded = max(0, Lw - rv.folded_from)
    after_text = (translate("FoldbackPanel", "update applied") if rv.updated
                  else translate("FoldbackPanel", "update not applied yet"))
    caption = (
        "<b>" + translate("FoldbackPanel", "Fold-back") + "</b> " +
        translate("FoldbackPanel", "of update {n} (steps {a}–{b}): {folded} of {L} copies folded into the "
                              "sum (✓). Each copy's term is summed over the P = {P} samples; "
                              "Δ = η · Σ with η = {eta}").format(
            n=upd.index + 1, a=upd.w0 + 1, b=upd.t_end, folded=folded, L=Lw, P=pas.X.shape[1],
            eta=fmt(upd.eta, html=True)) +
        (" " + translate("FoldbackPanel", "(clipped)") if upd.clipped else "") + f"; {after_text}. "
        f"<span style='color:{MUTED}'>" +
        translate("FoldbackPanel", "Scales shared: terms and sums ±{terms}, weights ±{weights}.").format(
            terms=fmt(term_range, 3, html=True), weights=fmt(weight_range, 3, html=True)) + "</span>")
    return FoldbackFrame(update=upd, shape=(N, M, O, T), sizes=sizes, terms=fb, shown=shown,
                         offset=off, folded_from=rv.folded_from, updated=bool(rv.updated),
                         before=before, after=after, term_range=term_range,
                         weight_range=weight_range, headers=headers, caption=caption)
