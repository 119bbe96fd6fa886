"""Export settings and their checks (no Qt): what to export, how often, the size, fps and files."""
from __future__ import annotations

import importlib.util
import math
import os
import re
import tempfile
from dataclasses import dataclass
from typing import Optional

import numpy as np

from visualizer.model.config import EXPORT_SIZE, LIMITS

#: what to export: the update in progress, the next K updates, until stopped
WHATS = ("update", "updates", "until")
#: how often a frame is captured
EVERY = ("step", "phase", "update")
#: insight panels a frame can include (drawn for the exported copy by the canvas): the fold-back,
#: vanishing/exploding, who taught whom, why δ vanishes and the prediction strip
PANELS = ("foldback", "vanishing", "whotaught", "factors", "predictions")
#: how to get MP4 support
VIDEO_HINT = 'pip install "rnn-unfold[video]"'
#: default frame size, the sides allowed (pixels), frames per second allowed, most updates one
#: export may ask for, and the frames after which an "until stopped" export ends by itself:
#: all from the one configuration
DEFAULT_SIZE = EXPORT_SIZE
SIZE_LIMITS = LIMITS["size"]
FPS_LIMITS = LIMITS["fps"]
MAX_UPDATES = LIMITS["export_updates"][1]
MAX_FRAMES = LIMITS["frames"][1]
#: QImage.save quality for PNG: 80 is zlib level 1 (fast; see tests/benchmarks/bench_export.py)
PNG_QUALITY = 80
class ExportError(ValueError):
    """A setting that cannot be exported; the message is one line for the user."""


def frame_name(i: int) -> str:
    """File name of frame ``i`` (1-based) of a PNG sequence."""
    return f"frame_{i:05d}.png"


def video_available() -> bool:
    """Whether MP4 can be written (the ``video`` extra: imageio and imageio-ffmpeg)."""
    return all(importlib.util.find_spec(m) is not None for m in ("imageio", "imageio_ffmpeg"))


def require_video() -> None:
    """Raise :class:`ExportError` saying how to install MP4 support when it is missing."""
    from visualizer import export     # through the package: the name callers see and may replace
    if not export.video_available():
        raise ExportError(f"MP4 needs imageio and imageio-ffmpeg: {VIDEO_HINT}")


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x720"`` -> ``(1280, 720)``.

    Raises
    ------
    ExportError
        For a malformed size or a side outside :data:`SIZE_LIMITS`.
    """
    m = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", str(text))
    if not m:
        raise ExportError(f"size must be WIDTHxHEIGHT in pixels, e.g. 1280x720, got {text!r}")
    return _check_size(int(m.group(1)), int(m.group(2)))


def _check_size(w, h) -> tuple[int, int]:
    lo, hi = SIZE_LIMITS
    if not (isinstance(w, (int, np.integer)) and isinstance(h, (int, np.integer))) \
            or not (lo <= w <= hi and lo <= h <= hi):
        raise ExportError(f"size must be between {lo}x{lo} and {hi}x{hi} pixels, got {w}x{h}")
    return int(w), int(h)


def parse_panels(value) -> tuple:
    """``"foldback,vanishing"`` (or a sequence of names) -> ``("foldback", "vanishing")``.

    Names are those of :data:`PANELS`; blanks and repeats are dropped and the
    result is in :data:`PANELS` order, so the same choice gives the same frames.

    Raises
    ------
    ExportError
        For a name that is not in :data:`PANELS`.
    """
    if value is None:
        return ()
    items = str(value).split(",") if isinstance(value, str) else list(value)
    names = []
    for item in items:
        name = str(item).strip().lower()
        if not name:
            continue
        if name not in PANELS:
            raise ExportError(f"panels must be among {', '.join(PANELS)}, got {str(item).strip()!r}")
        names.append(name)
    return tuple(p for p in PANELS if p in names)


def parse_source(value) -> Optional[int]:
    """``"2"`` (or an int) -> 2: the "one error source" τ, a 0-based copy of the update's window.

    None, ``""`` and −1 mean every error (None). Whether τ lies inside the
    window is checked against the session (:func:`visualizer.model.frames.check_source`).

    Raises
    ------
    ExportError
        For anything but a whole number ≥ −1.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ExportError(f"source must be a whole number ≥ 0 (or -1 for every error), got {value!r}")
    try:
        tau = int(str(value).strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError):
        raise ExportError(f"source must be a whole number ≥ 0 (or -1 for every error), "
                          f"got {value!r}") from None
    if isinstance(value, float) and value != tau:
        raise ExportError(f"source must be a whole number ≥ 0 (or -1 for every error), got {value!r}")
    if tau < -1:
        raise ExportError(f"source must be a whole number ≥ 0 (or -1 for every error), got {value!r}")
    return None if tau == -1 else tau


def gif_duration_ms(fps: float) -> int:
    """Duration of one GIF frame: 1000/fps rounded to GIF's 10 ms ticks, at least 20 ms."""
    return max(20, 10 * int(round(100.0 / fps)))


@dataclass
class ExportSettings:
    """What to export, and where.

    Attributes
    ----------
    what : str
        One of :data:`WHATS`.
    updates : int
        K for ``what="updates"``.
    every : str
        One of :data:`EVERY`.
    size : tuple of int
        ``(width, height)`` of every frame.
    fps : float
        Frames per second of the GIF and the MP4.
    png_dir, gif, mp4 : str or None
        Where to write the PNG sequence (a folder), the GIF and the MP4 (files).
    cost_plot, caption : bool
        Draw the cost plot beside the network; show the caption line.
    panels : tuple of str
        Insight panels to draw too, names of :data:`PANELS`: ``"foldback"``
        (each copy's contribution to ΔV, ΔU, ΔW and their running sum) and
        ``"vanishing"`` (‖δ(t−z)‖ against z with its bound, and its history
        over the exported updates), ``"whotaught"`` (A[τ, c] = ‖C_U(τ, c)‖ and
        what truncation cut), ``"factors"`` (why δ vanishes: the U and f′
        factors per copy) and ``"predictions"`` (the strip of predicted symbols).
    source : int or None
        The "one error source" view: the hidden δ drawn is that of the error
        entering at window copy τ alone (None: every error).
    max_frames : int
        An export stops by itself after this many frames.
    """

    what: str = "updates"
    updates: int = 1
    every: str = "step"
    size: tuple = DEFAULT_SIZE
    fps: float = 10.0
    png_dir: Optional[str] = None
    gif: Optional[str] = None
    mp4: Optional[str] = None
    cost_plot: bool = True
    caption: bool = True
    max_frames: int = MAX_FRAMES
    panels: tuple = ()
    source: Optional[int] = None


def _probe_dir(path: str, what: str) -> None:
    """Raise unless files can be created in ``path`` or, if missing, in its nearest existing ancestor."""
    p = os.path.abspath(path)
    while not os.path.exists(p):
        parent = os.path.dirname(p)
        if parent == p:
            break
        p = parent
    if not os.path.isdir(p):
        raise ExportError(f"cannot write {what} {path!r}: {p!r} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=p):
            pass
    except OSError as err:
        raise ExportError(f"cannot write {what} {path!r}: {err.strerror or err}") from None


def check_settings(s: ExportSettings) -> ExportSettings:
    """Validate everything before anything is rendered or written.

    Returns the settings normalised (absolute paths, ints). Creates nothing.

    Raises
    ------
    ExportError
        With a one-line message for the first problem found.
    """
    if s.what not in WHATS:
        raise ExportError(f"what must be one of {', '.join(WHATS)}, got {s.what!r}")
    if s.every not in EVERY:
        raise ExportError(f"every must be one of {', '.join(EVERY)}, got {s.every!r}")
    if not isinstance(s.updates, (int, np.integer)) or not 1 <= s.updates <= MAX_UPDATES:
        raise ExportError(f"updates must be a whole number from 1 to {MAX_UPDATES}, got {s.updates!r}")
    size = _check_size(*s.size) if len(tuple(s.size)) == 2 else parse_size(str(s.size))
    try:
        fps = float(s.fps)
    except (TypeError, ValueError):
        raise ExportError(f"fps must be a number, got {s.fps!r}") from None
    if not (math.isfinite(fps) and FPS_LIMITS[0] <= fps <= FPS_LIMITS[1]):
        raise ExportError(f"fps must be between {FPS_LIMITS[0]:g} and {FPS_LIMITS[1]:g}, got {s.fps!r}")
    panels = parse_panels(s.panels)
    source = parse_source(s.source)
    if not (s.png_dir or s.gif or s.mp4):
        raise ExportError("nothing to write: give a folder for the PNG frames, a GIF or an MP4 file")
    if s.mp4:
        require_video()
    out = dict(png_dir=None, gif=None, mp4=None)
    seen = {}
    for key, label in (("gif", "GIF"), ("mp4", "MP4")):
        path = getattr(s, key)
        if not path:
            continue
        path = os.path.abspath(os.path.expanduser(str(path)))
        if os.path.isdir(path):
            raise ExportError(f"the {label} file {getattr(s, key)!r} is a folder; give a file name")
        if path in seen:
            raise ExportError(f"the GIF and the MP4 must be different files, both are {path!r}")
        seen[path] = key
        _probe_dir(os.path.dirname(path), f"the {label} file's folder")
        out[key] = path
    if s.png_dir:
        d = os.path.abspath(os.path.expanduser(str(s.png_dir)))
        if os.path.exists(d) and not os.path.isdir(d):
            raise ExportError(f"the output folder {s.png_dir!r} is a file, not a folder")
        _probe_dir(d, "the output folder")
        out["png_dir"] = d
    mf = int(s.max_frames)
    if mf < 1:
        raise ExportError(f"max_frames must be at least 1, got {s.max_frames!r}")
    return ExportSettings(what=s.what, updates=int(s.updates), every=s.every, size=size, fps=fps,
                          cost_plot=bool(s.cost_plot), caption=bool(s.caption), max_frames=mf,
                          panels=panels, source=source, **out)
