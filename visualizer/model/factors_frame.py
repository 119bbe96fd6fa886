"""What the vanishing-factors widget draws (no Qt): each step back as a U factor times an f′ factor, and saturated units.

Going back one copy, δ(c−1) = f′(net(c−1)) ⊙ (Uᵀ δ(c)), so the measured
ratio ‖δ(c−1)‖ / ‖δ(c)‖ is the product of the U factor ‖Uᵀδ(c)‖/‖δ(c)‖ and
the f′ factor ‖f′ ⊙ Uᵀδ(c)‖/‖Uᵀδ(c)‖ (:func:`core.attribution.vanishing_factors`),
for the whole update or one error source τ. A step back from copy c is
revealed once BPTT has computed δ(c−1), in step with the unfolded view. The
saturated units (f′ below 10 % of its largest value) are counted per copy
(:func:`core.attribution.saturation`) once the forward pass has computed the copy.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import attribution as at


@dataclass
class FactorsFrame:
    """One picture of the vanishing-factors widget.

    Attributes
    ----------
    source : int or None
        τ (window column) of the one error source shown, None for the whole update.
    steps : ndarray of int, shape (L,)
        Sequence step t (counted from 1) of each window column c.
    u_factor, fprime_factor, measured : ndarray, shape (L,)
        Indexed by c, the copy the δ leaves; NaN where nothing travels back
        from c or where BPTT has not computed δ(c−1) yet.
    revealed : ndarray of bool, shape (L,)
        The step back from copy c is shown.
    saturated : ndarray of int, shape (L,)
        Saturated hidden units per copy (over the P samples), −1 where the
        forward pass has not computed the copy yet.
    units : int
        Units counted per copy (P · M).
    threshold : float
        f′ below this counts as saturated (10 % of max f′).
    hidden : str
        f.
    sources : list of int
        Window columns where an error enters (the choices of ``source``).
    """

    source: int | None
    steps: np.ndarray
    u_factor: np.ndarray
    fprime_factor: np.ndarray
    measured: np.ndarray
    revealed: np.ndarray
    saturated: np.ndarray
    units: int
    threshold: float
    hidden: str
    sources: list

    @property
    def L(self) -> int:
        """Window columns."""
        return self.steps.size


def build_factors_frame(session, source: int | None = None) -> FactorsFrame:
    """The factors of ``session``'s current update, as far as BPTT has got.

    Parameters
    ----------
    session : Session
    source : int, optional
        τ, a window column where an error enters; the whole update by default.
        A column outside the window (e.g. after the window shrank) falls back
        to the whole update.

    Returns
    -------
    FactorsFrame
    """
    upd = session.update
    pas = upd.pas
    L = pas.X.shape[0]
    hidden = session.net.hidden
    sources = [int(c) for c in np.nonzero(pas.deltas.targets.any(axis=1))[0]]
    if source is not None and source not in range(L):
        source = None
    rv = session.timeline.reveal(session.position)
    nan = np.full(L, np.nan)
    if pas.deltas.by_source is None:
        uf = ff = meas = nan
    else:
        U = session.pass_weights()["U"]
        with np.errstate(all="ignore"):
            f = at.vanishing_factors(pas, U, hidden, source=source)
        uf, ff, meas = f.u_factor, f.fprime_factor, f.measured
    c = np.arange(L)
    revealed = (c >= 1) & (c - 1 >= rv.bptt_from)       # δ(c−1) computed
    hide = np.where(revealed, 1.0, np.nan)
    sat = at.saturation(pas, hidden)
    counts = np.where(c < rv.s, sat.counts, -1)
    return FactorsFrame(source=source, steps=upd.w0 + c + 1, u_factor=uf * hide,
                        fprime_factor=ff * hide, measured=meas * hide, revealed=revealed,
                        saturated=counts.astype(int), units=int(pas.X.shape[1] * session.net.M),
                        threshold=float(sat.threshold), hidden=hidden, sources=sources)
