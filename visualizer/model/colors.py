"""The colour maps' lookup tables as numpy arrays, without Qt (pyqtgraph's data files, read as files).

The view, the panels and the GIF palette use two maps: a diverging,
colour-blind-safe map centred on zero (CET-D1) and a sequential one
(viridis). pyqtgraph ships their control points as CSV files in its package
data; this module reads those files (located with ``importlib.util.find_spec``,
so pyqtgraph is not imported) and interpolates them exactly as
``pyqtgraph.colormap.get(name).getLookupTable(nPts=n, alpha=True)`` does,
so the tables equal the ones the Qt side draws with (a test checks it).
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import numpy as np

#: name of the diverging map (blue - grey - red), centred on zero
DIVERGING_NAME = "CET-D1"
#: name of the sequential map used for activations
SEQUENTIAL_NAME = "viridis"
#: number of entries of every lookup table
LUT_SIZE = 256
#: RGBA of a node or edge that is not revealed yet
UNREVEALED_GREY = (170, 170, 170, 255)
#: RGBA of the view background
BACKGROUND = (255, 255, 255, 255)


def _maps_folder() -> str:
    spec = importlib.util.find_spec("pyqtgraph")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pyqtgraph is needed for its colour map data (pip install pyqtgraph)")
    return os.path.join(list(spec.submodule_search_locations)[0], "colors", "maps")


@lru_cache(maxsize=None)
def control_points(name: str) -> np.ndarray:
    """The map's colours as pyqtgraph stores them: ``(K, 4)`` float RGBA in [0, 1].

    Parameters
    ----------
    name : str
        A map of pyqtgraph's data folder, e.g. ``"CET-D1"`` or ``"viridis"``.
    """
    rows = []
    with open(os.path.join(_maps_folder(), name + ".csv"), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line[0] == ";":
                continue
            comp = line.split(";", 1)[0].split(",")
            if len(comp) < 3:
                continue
            rows.append([int(255 * float(c) + 0.5) for c in comp[:3]] + [255])
    # pyqtgraph keeps QColor.getRgbF() of the bytes: 16-bit channels as single-precision floats
    return (np.asarray(rows, dtype=np.float64) * 257 / 65535).astype(np.float32).astype(np.float64)


@lru_cache(maxsize=None)
def lookup_table(name: str, n: int = LUT_SIZE) -> np.ndarray:
    """``(n, 4)`` uint8 RGBA table of map ``name``, read-only, low values first.

    Equal to ``pyqtgraph.colormap.get(name).getLookupTable(nPts=n, alpha=True)``.
    """
    color = (control_points(name) * 255).astype(np.ubyte)
    pos = np.linspace(0.0, 1.0, len(color))
    x = np.linspace(0.0, 1.0, int(n))
    lut = np.empty((int(n), 4), dtype=np.ubyte)
    for i in range(4):
        lut[:, i] = np.interp(x, pos, color[:, i])
    lut.setflags(write=False)
    return lut


def diverging_lut(n: int = LUT_SIZE) -> np.ndarray:
    """The diverging table: ``(n, 4)`` uint8 RGBA; entry 0 the most negative, the middle zero."""
    return lookup_table(DIVERGING_NAME, int(n))


def sequential_lut(n: int = LUT_SIZE) -> np.ndarray:
    """The sequential table for activations: ``(n, 4)`` uint8 RGBA from low to high."""
    return lookup_table(SEQUENTIAL_NAME, int(n))
