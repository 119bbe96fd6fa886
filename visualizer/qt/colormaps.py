"""Colour lookup tables for the unfolded view and the panels (the tables are :mod:`visualizer.model.colors`').

Two maps are used everywhere in rnn-unfold:

* a *diverging*, colour-blind-safe map centred on zero (pyqtgraph's
  ``CET-D1``: blue for negative, light grey at zero, red for positive) for
  errors δ, edge values and signed activations (tanh);
* a *sequential* map (``viridis``) for activations in a ``[lo, hi]`` range.

The tables are computed without Qt in :mod:`visualizer.model.colors` (equal
to pyqtgraph's ``getLookupTable(nPts=..., alpha=True)``) and values are
mapped to table indices with vectorised numpy arithmetic, so the views never loop over values in Python.  NaN maps to index ``-1`` which the
callers treat as "not revealed yet" (:data:`UNREVEALED_GREY`).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from visualizer.model.colors import (BACKGROUND, DIVERGING_NAME, LUT_SIZE, SEQUENTIAL_NAME,
                                     UNREVEALED_GREY, diverging_lut, sequential_lut)

__all__ = [
    "DIVERGING_NAME",
    "SEQUENTIAL_NAME",
    "LUT_SIZE",
    "UNREVEALED_GREY",
    "BACKGROUND",
    "diverging_lut",
    "sequential_lut",
    "lut_for",
    "values_to_index",
    "signed_to_index",
    "symmetric_range",
    "bin_centers",
    "colormap",
]


def colormap(name: str = DIVERGING_NAME) -> "pg.ColorMap":
    """A fresh pyqtgraph colour map object (skipCache: the cached one is shared and may be changed)."""
    return pg.colormap.get(name, skipCache=True)


def lut_for(diverging: bool, n: int = LUT_SIZE) -> np.ndarray:
    """Return the diverging or the sequential table.

    Parameters
    ----------
    diverging : bool
        True for the diverging map, False for the sequential one.
    n : int
        Number of entries.

    Returns
    -------
    numpy.ndarray
        ``(n, 4)`` uint8 RGBA table.
    """
    return diverging_lut(n) if diverging else sequential_lut(n)


def values_to_index(values, lo: float, hi: float, n: int = LUT_SIZE) -> np.ndarray:
    """Map values in ``[lo, hi]`` linearly to table indices ``0 .. n-1``.

    Values outside the range are clipped; NaN maps to ``-1``.

    Parameters
    ----------
    values : array_like
        Values of any shape.
    lo, hi : float
        Value of the first and of the last table entry.
    n : int
        Table size.

    Returns
    -------
    numpy.ndarray
        int64 indices with the shape of ``values``.
    """
    v = np.asarray(values, dtype=np.float64)
    span = float(hi) - float(lo)
    if not np.isfinite(span) or span <= 0:
        span = 1e-12
    with np.errstate(invalid="ignore"):
        t = (v - float(lo)) * ((n - 1) / span)
        np.clip(t, 0.0, n - 1, out=t)
    nan = ~np.isfinite(t)
    t[nan] = 0.0
    idx = np.rint(t).astype(np.int64)
    idx[nan] = -1
    return idx


def signed_to_index(values, vrange: float, n: int = LUT_SIZE) -> np.ndarray:
    """Map values in ``[-vrange, vrange]`` to indices of a diverging table.

    Zero maps to the middle of the table.  NaN maps to ``-1``.

    Parameters
    ----------
    values : array_like
        Values of any shape.
    vrange : float
        Half-width of the symmetric range (clipped below at ``1e-12``).
    n : int
        Table size (or number of bins).

    Returns
    -------
    numpy.ndarray
        int64 indices in ``0 .. n-1`` (or ``-1``).
    """
    r = max(float(vrange), 1e-12)
    return values_to_index(values, -r, r, n)


def symmetric_range(values, fixed=None, floor: float = 1e-12) -> float:
    """Half-width of a symmetric colour range.

    Parameters
    ----------
    values : array_like or None
        Values shown with the range (NaNs ignored).
    fixed : float or None
        A range chosen by the caller; returned (floored) when given.
    floor : float
        Smallest range returned, so an all-zero frame still has a scale.

    Returns
    -------
    float
        ``fixed`` if given, else ``max |finite value|``, at least ``floor``.
    """
    if fixed is not None:
        return max(abs(float(fixed)), floor)
    if values is None:
        return floor
    v = np.asarray(values, dtype=np.float64)
    if v.size == 0:
        return floor
    m = np.nanmax(np.abs(v)) if np.isfinite(v).any() else floor
    if not np.isfinite(m):
        finite = v[np.isfinite(v)]
        m = np.abs(finite).max() if finite.size else floor
    return max(float(m), floor)


def bin_centers(nbins: int) -> np.ndarray:
    """Centres of ``nbins`` equal bins over ``[-1, 1]``.

    Parameters
    ----------
    nbins : int
        Number of bins.

    Returns
    -------
    numpy.ndarray
        ``(nbins,)`` float64 centres, increasing.
    """
    edges = np.linspace(-1.0, 1.0, nbins + 1)
    return 0.5 * (edges[:-1] + edges[1:])
