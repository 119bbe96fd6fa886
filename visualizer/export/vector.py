"""Vector and lesson export, planned without Qt: file names, output checks, page sizes and lesson timing.

The drawing is Qt's (:mod:`visualizer.qt.vector_export` paints the export
canvas through ``QSvgGenerator`` and ``QPdfWriter``); this module only
decides what is written where:

* :func:`svg_name` names the files of an SVG folder (``frame_00001.svg`` …);
* :func:`check_outputs` validates every target of an export (PNG folder, SVG
  folder, PDF, GIF, MP4) before anything is rendered, with one-line
  :class:`~visualizer.export.ExportError` messages;
* :func:`page_points` gives the PDF page of a frame: one pixel is one point
  (1/72 inch), so a 1280x720 frame is a 17.8 x 10 inch page at 72 dpi;
* :func:`repeats` turns a lesson's frames (each shown for its own duration)
  into how many times each is written to a movie of a fixed frame rate, with
  the rounding carried over, so the movie's clock never drifts from the
  lesson's.
"""
from __future__ import annotations

import math
import os
import tempfile

from visualizer.model.config import LESSON_FPS

__all__ = ["VECTOR_FORMATS", "PARTS", "svg_name", "page_points", "MovieClock", "repeats", "check_outputs",
           "LESSON_FPS"]

#: vector formats the export writes
VECTOR_FORMATS = ("svg", "pdf")
#: parts of a frame a vector export can hold alone, besides the whole frame ("frame")
PARTS = ("frame", "view", "cost", "foldback", "vanishing")


def svg_name(i: int) -> str:
    """File name of frame ``i`` (1-based) in an SVG folder."""
    return f"frame_{int(i):05d}.svg"


def page_points(width: int, height: int) -> tuple[float, float]:
    """The PDF page of a ``width x height`` pixel frame, in points (one pixel is one point)."""
    return float(width), float(height)


class MovieClock:
    """Counts movie frames for pictures shown for given durations, carrying the rounding.

    Picture k starts at ``round(fps * (d_0 + … + d_{k−1}))`` movie frames (as
    near as whole frames allow) and is shown at least once, so the movie's
    clock never drifts from the lesson's.
    """

    def __init__(self, fps: float):
        fps = float(fps)
        if not (math.isfinite(fps) and fps > 0):
            raise ValueError(f"fps must be a positive number, got {fps!r}")
        self.fps = fps
        self.clock = 0.0
        self.written = 0

    def frames_for(self, duration: float) -> int:
        """Movie frames (≥ 1) of the next picture, shown ``duration`` seconds (≥ 0)."""
        d = float(duration)
        if not (math.isfinite(d) and d >= 0):
            raise ValueError(f"a duration must be a number of seconds ≥ 0, got {d!r}")
        self.clock += d
        n = max(1, int(round(self.clock * self.fps)) - self.written)
        self.written += n
        return n


def repeats(durations, fps: float) -> list[int]:
    """How many movie frames show each picture, for pictures shown ``durations`` seconds each.

    Parameters
    ----------
    durations : sequence of float
        Seconds (≥ 0) each picture stays.
    fps : float
        Movie frames per second (> 0).

    Returns
    -------
    list of int
        One count ≥ 1 per picture (see :class:`MovieClock`).
    """
    clock = MovieClock(fps)
    return [clock.frames_for(d) for d in durations]


def _error(message: str):
    from visualizer.export import ExportError
    return ExportError(message)


def _probe(folder: str, what: str) -> None:
    p = os.path.abspath(folder)
    while not os.path.exists(p):
        parent = os.path.dirname(p)
        if parent == p:
            break
        p = parent
    if not os.path.isdir(p):
        raise _error(f"cannot write {what}: {p!r} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=p):
            pass
    except OSError as err:
        raise _error(f"cannot write {what}: {err.strerror or err}") from None


def check_outputs(png_dir=None, svg_dir=None, pdf=None, gif=None, mp4=None) -> dict:
    """Validate the targets of an export before anything is rendered; create nothing.

    Parameters
    ----------
    png_dir, svg_dir : str, optional
        Folders (created when missing) for ``frame_NNNNN.png`` / ``.svg``.
    pdf, gif, mp4 : str, optional
        Files (written through a temporary name and renamed when complete).

    Returns
    -------
    dict
        The same keys, absolute paths (None where not given).

    Raises
    ------
    ExportError
        Nothing to write, a folder given for a file or a file for a folder,
        two outputs on the same file, or a folder that cannot be written.
    """
    out = {"png_dir": png_dir, "svg_dir": svg_dir, "pdf": pdf, "gif": gif, "mp4": mp4}
    if not any(out.values()):
        raise _error("nothing to write: give --out, --svg, --pdf, --gif or --mp4")
    seen = {}
    labels = {"png_dir": "PNG folder", "svg_dir": "SVG folder", "pdf": "PDF file", "gif": "GIF file",
              "mp4": "MP4 file"}
    for key, value in out.items():
        if not value:
            out[key] = None
            continue
        path = os.path.abspath(os.path.expanduser(str(value)))
        if path in seen:
            raise _error(f"the {labels[seen[path]]} and the {labels[key]} are the same path {value!r}")
        seen[path] = key
        if key.endswith("_dir"):
            if os.path.exists(path) and not os.path.isdir(path):
                raise _error(f"the {labels[key]} {value!r} is a file, not a folder")
            _probe(path, f"the {labels[key]} {value!r}")
        else:
            if os.path.isdir(path):
                raise _error(f"the {labels[key]} {value!r} is a folder; give a file name")
            if os.path.exists(path) and not os.path.isfile(path):
                raise _error(f"the {labels[key]} {value!r} is not a regular file")
            _probe(os.path.dirname(path), f"the {labels[key]} {value!r}")
        out[key] = path
    return out
