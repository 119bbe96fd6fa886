"""Animation export: which states of a session become frames, and the writers (PNG, GIF, MP4).

The engine is light on Qt: it never draws. It advances a *copy* of a
:class:`~visualizer.model.session.Session` along a schedule, asks a ``render``
callable (normally :meth:`visualizer.qt.export_canvas.ExportCanvas.render`)
for one ``QImage`` per captured state, and hands the image to the writers.
The export dialog and the ``rnn-unfold export`` command drive the same
:class:`Export`, so a given seed and task give the same frames from both.

Schedule
    ``what``: ``"update"`` the micro-steps of the update in progress (replayed
    from its first micro-step; an update already applied is replayed when it
    can be undone, otherwise the next one is taken), ``"updates"`` the next K
    updates from the current state, ``"until"`` from the current state until
    :meth:`Export.stop` (or :data:`MAX_FRAMES`). ``every``: ``"step"`` a frame
    after each micro-step, ``"phase"`` after each phase, ``"update"`` after
    each whole update. The first frame is always the state the export starts
    from.

The window is never disturbed
    :class:`Export` works on :func:`copy_session` (a deep copy of the engine
    objects with fresh, unconnected events): the window's session keeps its
    position, weights, curves and random state. The copy keeps the window's
    sample l and pinned edge mode, so frames show what the window shows.

Writers
    PNG sequence ``frame_00001.png`` … written by ``QImage.save`` (opaque RGB,
    no text chunks, no timestamps: the same frames give the same bytes), each
    through a temporary name and ``os.replace``; previous ``frame_NNNNN.png``
    files of the folder are removed first so the folder holds one sequence.
    GIF through Pillow with one fixed palette for all frames (the colour maps
    plus the first frame's colours; no dithering), ``loop=0``, the duration in
    milliseconds rounded to GIF's 10 ms ticks; Pillow merges a frame identical
    to the one before into a single longer frame. MP4 (H.264, yuv420p) through
    imageio-ffmpeg, frames padded to even sizes with the background colour.
    A movie is written to a hidden temporary file in its target folder and
    renamed into place only when complete: a cancelled or failed export never
    leaves a half-written GIF or MP4 (the PNGs written so far are kept).
"""
from __future__ import annotations

import copy
import importlib.util
import math
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

import numpy as np

from visualizer.model.config import EXPORT_SIZE, LIMITS

__all__ = ["WHATS", "EVERY", "PANELS", "VIDEO_HINT", "ExportError", "ExportSettings", "ExportResult", "Export",
           "copy_session", "schedule", "count_frames", "check_settings", "parse_size", "parse_panels",
           "video_available", "require_video", "gif_duration_ms", "image_to_rgb", "image_to_keys", "frame_name",
           "PngSequenceWriter", "GifWriter", "Mp4Writer"]

#: what to export: the update in progress, the next K updates, until stopped
WHATS = ("update", "updates", "until")
#: how often a frame is captured
EVERY = ("step", "phase", "update")
#: insight panels a frame can include (drawn for the exported copy by the canvas)
PANELS = ("foldback", "vanishing")
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
_FRAME_RE = re.compile(r"frame_\d{5,}\.png")
#: colours of the view that a frame may not show yet when the GIF palette is made
_UI_COLORS = ((0, 130, 70), (205, 90, 0), (230, 120, 0), (255, 241, 201), (180, 0, 0),
              (30, 30, 30), (95, 95, 95), (236, 236, 236), (170, 170, 170), (255, 255, 255),
              (0, 114, 178), (213, 94, 0), (150, 150, 150), (0, 0, 0))


class ExportError(ValueError):
    """A setting that cannot be exported; the message is one line for the user."""


def frame_name(i: int) -> str:
    """File name of frame ``i`` (1-based) of a PNG sequence."""
    return f"frame_{i:05d}.png"


# ----------------------------------------------------------------------------- settings
def video_available() -> bool:
    """Whether MP4 can be written (the ``video`` extra: imageio and imageio-ffmpeg)."""
    return all(importlib.util.find_spec(m) is not None for m in ("imageio", "imageio_ffmpeg"))


def require_video() -> None:
    """Raise :class:`ExportError` saying how to install MP4 support when it is missing."""
    if not video_available():
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
        over the exported updates).
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
                          panels=panels, **out)


# ----------------------------------------------------------------------------- schedule
def copy_session(session):
    """A deep copy of ``session``'s engine objects with fresh events nobody listens to.

    The copy can be stepped without the window (whose views listen to the
    original's events) seeing anything.
    """
    ev = session.events
    names = tuple(getattr(ev, "_callbacks", {})) or ("structure", "frame", "cost", "diverged", "config")
    fresh = type(ev)(*names)
    return copy.deepcopy(session, {id(ev): fresh})


def schedule(session, what: str = "updates", every: str = "step", updates: int = 1) -> Iterator[None]:
    """Advance ``session`` and yield at each state to capture.

    The first yield is the starting state. The generator ends after the K-th
    update was applied (``what="updates"``; 1 for ``"update"``), never for
    ``"until"``, and early when an update is refused as not finite
    (``session.message`` says why).
    """
    if what not in WHATS:
        raise ValueError(f"what must be one of {', '.join(WHATS)}, got {what!r}")
    if every not in EVERY:
        raise ValueError(f"every must be one of {', '.join(EVERY)}, got {every!r}")
    if what == "update":
        updates = 1
        while session.position > 0 and session.step_back():
            pass
    advance = {"step": session.step, "phase": session.next_phase, "update": session.next_update}[every]
    yield
    done = 0
    while what == "until" or done < updates:
        if not advance():
            return
        yield
        if session.applied:
            done += 1


def count_frames(session, what: str = "updates", every: str = "step", updates: int = 1,
                 limit: int = MAX_FRAMES) -> Optional[int]:
    """Frames :func:`schedule` yields for ``session`` (run on a copy); None for ``"until"``."""
    if what == "until":
        return None
    if every == "update" and what == "updates":
        return 1 + updates
    n = 0
    for _ in schedule(copy_session(session), what, every, updates):
        n += 1
        if n >= limit:
            break
    return n


# ----------------------------------------------------------------------------- images
def image_to_rgb(image) -> np.ndarray:
    """``(H, W, 3)`` uint8 copy of an opaque QImage."""
    from PySide6.QtGui import QImage
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    return buf.reshape(h, bpl)[:, :w * 3].reshape(h, w, 3).copy()


def image_to_keys(image) -> np.ndarray:
    """``(H, W)`` uint32 colours ``0xRRGGBB`` of an opaque QImage (its RGB32 words, alpha dropped)."""
    from PySide6.QtGui import QImage
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint32, count=img.sizeInBytes() // 4)
    return buf.reshape(h, bpl // 4)[:, :w] & np.uint32(0xFFFFFF)


def _movie_temp(path: str) -> str:
    folder, name = os.path.split(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)      # mkstemp makes 0600; the movie gets the usual permissions
    return tmp


def _remove(path) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


class PngSequenceWriter:
    """``frame_00001.png``, ``frame_00002.png`` … in a folder (created if missing)."""

    def __init__(self, folder: str, quality: int = PNG_QUALITY):
        self.folder = folder
        self.quality = quality
        self.count = 0
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):     # one sequence per folder: drop a previous export's frames
            if _FRAME_RE.fullmatch(name):
                _remove(os.path.join(folder, name))

    def add(self, image) -> str:
        from PySide6.QtGui import QImage
        self.count += 1
        path = os.path.join(self.folder, frame_name(self.count))
        tmp = path + ".part"
        img = image.convertToFormat(QImage.Format.Format_RGB32)   # opaque: no alpha channel in the file
        if not img.save(tmp, "PNG", self.quality):
            _remove(tmp)
            raise OSError(f"could not write {path}")
        os.replace(tmp, path)
        return path

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        """Cancelled: the frames written so far stay."""


class _PaletteMap:
    """Exact nearest-colour mapping of RGB pixels onto a fixed palette, cached per colour.

    Pillow's ``quantize(palette=...)`` looks colours up through a 6-bit cache,
    so white would come out as (252, 252, 252); this maps every colour that is
    in the palette to itself and any other to its nearest entry (Euclidean RGB,
    lowest index on ties), remembering each 24-bit colour once seen.
    """

    _UNKNOWN = np.uint16(0xFFFF)

    def __init__(self, palette: np.ndarray):
        self.palette = np.asarray(palette, dtype=np.uint8).reshape(-1, 3)
        self._pal = self.palette.astype(np.int32)
        self._lut = np.full(1 << 24, self._UNKNOWN, dtype=np.uint16)   # 0xFFFF: not seen yet

    def __call__(self, keys: np.ndarray) -> np.ndarray:
        """Palette indices of ``keys``, 24-bit colours ``0xRRGGBB`` of shape (H, W)."""
        idx = self._lut[keys]
        unknown = idx == self._UNKNOWN
        if unknown.any():
            new = np.unique(keys[unknown])
            cols = np.stack([(new >> 16) & 255, (new >> 8) & 255, new & 255], axis=1).astype(np.int32)
            for i in range(0, len(cols), 4096):
                d = ((cols[i:i + 4096, None, :] - self._pal[None, :, :]) ** 2).sum(axis=2)
                self._lut[new[i:i + 4096]] = np.argmin(d, axis=1)
            idx = self._lut[keys]
        return idx.astype(np.uint8)


class GifWriter:
    """A looping GIF written by Pillow once all frames are in (temporary file, then rename)."""

    def __init__(self, path: str, fps: float):
        self.path = path
        self.duration = gif_duration_ms(fps)
        self.frames = []
        self._map = None

    @staticmethod
    def _make_palette(rgb: np.ndarray) -> np.ndarray:
        """256 colours: the colour maps and the view's own colours, then the first frame's (median cut)."""
        from PIL import Image

        from visualizer.qt import colormaps as cm
        luts = [cm.diverging_lut()[::4, :3], cm.sequential_lut()[::8, :3],
                np.array(_UI_COLORS, dtype=np.uint8)]
        fixed = np.unique(np.concatenate(luts).astype(np.uint8), axis=0)
        room = 256 - len(fixed)
        own = Image.fromarray(rgb).quantize(colors=room, method=Image.Quantize.MEDIANCUT,
                                            dither=Image.Dither.NONE)
        own_pal = np.array(own.getpalette()[:3 * room], dtype=np.uint8).reshape(-1, 3)
        pal = np.concatenate([fixed, own_pal])[:256]
        return np.concatenate([pal, np.zeros((256 - len(pal), 3), np.uint8)])

    def add(self, image) -> None:
        from PIL import Image
        keys = image_to_keys(image)
        if self._map is None:
            rgb = np.stack([(keys >> 16) & 255, (keys >> 8) & 255, keys & 255], axis=2).astype(np.uint8)
            self._map = _PaletteMap(self._make_palette(rgb))
        idx = np.ascontiguousarray(self._map(keys))
        im = Image.frombytes("L", (idx.shape[1], idx.shape[0]), idx.tobytes())
        im.putpalette(self._map.palette.ravel().tobytes(), "RGB")
        self.frames.append(im)

    def finish(self) -> None:
        if not self.frames:
            return
        tmp = _movie_temp(self.path)
        try:
            with open(tmp, "wb") as fh:
                self.frames[0].save(fh, format="GIF", save_all=True, append_images=self.frames[1:],
                                    duration=self.duration, loop=0, optimize=False)
            os.replace(tmp, self.path)
        except BaseException:
            _remove(tmp)
            raise
        finally:
            self.frames = []

    def abort(self) -> None:
        self.frames = []


class Mp4Writer:
    """H.264 MP4 streamed to ffmpeg (imageio-ffmpeg) into a temporary file, renamed when complete."""

    def __init__(self, path: str, fps: float):
        require_video()
        self.path = path
        self.fps = fps
        self._gen = None
        self._tmp = None
        self._size = None

    def _open(self, w, h):
        import imageio_ffmpeg
        self._tmp = _movie_temp(self.path)
        self._size = (w + w % 2, h + h % 2)
        self._gen = imageio_ffmpeg.write_frames(
            self._tmp, self._size, pix_fmt_in="rgb24", pix_fmt_out="yuv420p", fps=self.fps,
            codec="libx264", quality=None, macro_block_size=1, ffmpeg_log_level="error",
            output_params=["-f", "mp4", "-crf", "18", "-preset", "medium", "-threads", "1",
                           "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"])
        self._gen.send(None)

    def add(self, image) -> None:
        rgb = image_to_rgb(image)
        h, w = rgb.shape[:2]
        if self._gen is None:
            self._open(w, h)
        W, H = self._size
        if (W, H) != (w, h):
            pad = np.full((H, W, 3), 255, np.uint8)     # the view's white background
            pad[:h, :w] = rgb
            rgb = pad
        self._gen.send(np.ascontiguousarray(rgb))

    def finish(self) -> None:
        if self._gen is None:
            return
        try:
            self._gen.close()
            os.replace(self._tmp, self.path)
        except BaseException:
            _remove(self._tmp)
            raise
        finally:
            self._gen = None

    def abort(self) -> None:
        if self._gen is not None:
            try:
                self._gen.close()
            except Exception:  # noqa: BLE001 - the file is removed anyway
                pass
            self._gen = None
        if self._tmp:
            _remove(self._tmp)


# ----------------------------------------------------------------------------- the export
@dataclass
class ExportResult:
    """What an export did."""

    frames: int = 0
    total: Optional[int] = None
    cancelled: bool = False
    stopped: bool = False
    message: str = ""            # why it ended early (an update refused as not finite), else ""
    seconds: float = 0.0
    files: list = field(default_factory=list)   # movies written (absolute paths)
    png_dir: Optional[str] = None


class Export:
    """One export: schedule a copy of ``session``, render each state, write it.

    Parameters
    ----------
    session : Session
        The window's session (or any); it is copied, never advanced.
    settings : ExportSettings
        Checked by :func:`check_settings` here (raises :class:`ExportError`).
    render : callable
        ``render(session) -> QImage`` of ``settings.size``.
    progress : callable, optional
        ``progress(done, total)`` after each frame (total None when unknown).
    copy : bool
        False: advance ``session`` itself (the command line's own session).

    Use :meth:`run` to export in one go, or iterate :meth:`frames` to export
    one frame per step (the dialog does, from a timer). :meth:`cancel` stops
    and discards the movies (PNGs written so far stay); :meth:`stop` stops and
    finishes them.
    """

    def __init__(self, session, settings: ExportSettings, render: Callable, progress: Callable = None,
                 copy: bool = True):
        self.settings = check_settings(settings)
        self.session = copy_session(session) if copy else session
        self.render = render
        self.progress = progress
        self.total = count_frames(self.session, self.settings.what, self.settings.every,
                                  self.settings.updates, self.settings.max_frames)
        if self.total is not None:
            self.total = min(self.total, self.settings.max_frames)
        self._cancel = False
        self._stop = False
        self.result = ExportResult(total=self.total, png_dir=self.settings.png_dir)

    def cancel(self) -> None:
        """Stop after the frame in progress; keep the PNGs, write no movie."""
        self._cancel = True

    def stop(self) -> None:
        """Stop after the frame in progress and finish the movies with the frames so far."""
        self._stop = True

    @property
    def cancelled(self) -> bool:
        return self._cancel

    def _writers(self):
        s = self.settings
        ws = []
        if s.png_dir:
            ws.append(PngSequenceWriter(s.png_dir))
        if s.gif:
            ws.append(GifWriter(s.gif, s.fps))
        if s.mp4:
            ws.append(Mp4Writer(s.mp4, s.fps))
        return ws

    def frames(self) -> Iterator[int]:
        """Render and write one frame per iteration; yields the number of frames written."""
        s, res = self.settings, self.result
        t0 = time.perf_counter()
        writers = self._writers()
        ok = False
        try:
            for _ in schedule(self.session, s.what, s.every, s.updates):
                if self._cancel or self._stop:
                    break
                image = self.render(self.session)
                for w in writers:
                    w.add(image)
                res.frames += 1
                res.seconds = time.perf_counter() - t0
                if self.progress is not None:
                    self.progress(res.frames, self.total)
                yield res.frames
                if res.frames >= s.max_frames:
                    break
            if self.session.message:
                res.message = self.session.message
            ok = not self._cancel
        finally:
            res.cancelled = self._cancel or not ok
            res.stopped = self._stop
            if ok:
                for w in writers:
                    w.finish()
                res.files = [p for p in (s.gif, s.mp4) if p]
            else:
                for w in writers:
                    w.abort()
            res.seconds = time.perf_counter() - t0

    def run(self) -> ExportResult:
        """Export every frame; returns the :class:`ExportResult`."""
        for _ in self.frames():
            pass
        return self.result
