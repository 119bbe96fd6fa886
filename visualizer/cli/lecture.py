"""The lecture-hall options of ``rnn-unfold export``: --lesson, --svg, --pdf, --theme, --scale.

``rnn-unfold export --lesson FILE --mp4 OUT`` (or ``--gif``, ``--pdf``,
``--out``, ``--svg``) plays a lesson headless and writes its frames; without
``--lesson``, ``--svg DIR`` and ``--pdf FILE`` write the exported frames as
vector pictures (one SVG file, one PDF page per frame) beside or instead of the
PNG sequence. ``--theme`` and ``--scale`` colour and zoom every frame. A
malformed lesson, or one that cannot be played, is refused with exit status 2
and one line naming the scene and the field, before anything is written.
"""
from __future__ import annotations

import math
import os
import sys

from visualizer.cli.common import UsageError, fail

__all__ = ["add_arguments", "wants_lesson", "wants_vector", "check_style", "run_lesson", "VectorFrames",
           "vector_only"]


def add_arguments(parser) -> None:
    """Add the lecture-hall options to ``rnn-unfold export``."""
    from visualizer.model.config import THEMES, ZOOM_LIMITS
    g = parser.add_argument_group("for the lecture hall")
    g.add_argument("--lesson", metavar="FILE",
                   help="render a lesson (TOML, see docs/lessons.md) instead of --updates: its "
                        "scenes, captions and highlights, each frame shown for the lesson's time "
                        "in --gif and --mp4; e.g. --lesson delta.toml --pdf handout.pdf")
    g.add_argument("--svg", metavar="DIR",
                   help="also write every frame as an SVG drawing frame_00001.svg, ... in DIR "
                        "(lines and text stay vector: for slides and papers)")
    g.add_argument("--pdf", metavar="FILE", help="also write a PDF with one page per frame (a handout)")
    g.add_argument("--theme", choices=THEMES, default=None,
                   help="colours of the frames: light (default), dark, high-contrast (projectors)")
    g.add_argument("--scale", metavar="S", type=float, default=1.0,
                   help=f"zoom of fonts, nodes, lines and panels in the frames, "
                        f"{ZOOM_LIMITS[0]:g} to {ZOOM_LIMITS[1]:g} (default 1)")


def wants_lesson(args) -> bool:
    return bool(getattr(args, "lesson", None))


def wants_vector(args) -> bool:
    return bool(getattr(args, "svg", None) or getattr(args, "pdf", None))


def check_style(args) -> tuple:
    """(theme name, scale) of the options; raise UsageError for a scale out of range."""
    from visualizer.model.config import DEFAULT_THEME, ZOOM_LIMITS
    scale = args.scale
    if scale is None or not math.isfinite(scale) or not ZOOM_LIMITS[0] <= scale <= ZOOM_LIMITS[1]:
        raise UsageError(f"--scale must be between {ZOOM_LIMITS[0]:g} and {ZOOM_LIMITS[1]:g}, got {scale}")
    return args.theme or DEFAULT_THEME, float(scale)


_NOT_WITH_LESSON = ("load", "task", "param", "hidden", "f", "g", "cost", "scheme", "h", "h_prime", "eta",
                    "P", "seed", "clip", "panels")


def run_lesson(prog: str, args) -> int:
    """``rnn-unfold export --lesson FILE …``: validate, rehearse, render; exit 0, 2 (bad input) or 130."""
    from visualizer.export import ExportError, parse_size
    from visualizer.export.vector import check_outputs
    from visualizer.model import lesson as L
    try:
        given = [k for k in _NOT_WITH_LESSON if getattr(args, k, None) not in (None, [], "", ())]
        if given:
            raise UsageError(f"--lesson sets the task, the settings and the panels scene by scene; "
                             f"drop --{given[0].replace('_', '-')}")
        if args.skip or args.updates != 1 or args.every != "step":
            raise UsageError("--lesson says how far each scene steps; drop --updates, --every and --skip")
        theme, scale = check_style(args)
        size = parse_size(args.size)
        if not (math.isfinite(args.fps) and 0.1 <= args.fps <= 60):
            raise UsageError(f"--fps must be between 0.1 and 60, got {args.fps:g}")
        if args.mp4:
            from visualizer.export import require_video
            require_video()
        out = check_outputs(png_dir=args.out, svg_dir=args.svg, pdf=args.pdf, gif=args.gif, mp4=args.mp4)
        les = L.load(args.lesson)
        L.rehearse(les)            # faults that only playing finds, before anything is written
    except (UsageError, ExportError, L.LessonError) as err:
        return fail(prog, str(err))

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtWidgets
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["rnn-unfold"])  # noqa: F841
    from visualizer.qt.lesson_canvas import render_lesson

    def progress(done, _total):
        if sys.stderr.isatty():
            sys.stderr.write(f"\rframe {done}")
            sys.stderr.flush()
    try:
        res = render_lesson(les, size=size, theme=theme, scale=scale, png_dir=out["png_dir"],
                            gif=out["gif"], mp4=out["mp4"], pdf=out["pdf"], svg_dir=out["svg_dir"],
                            fps=args.fps, progress=progress)
    except KeyboardInterrupt:
        print(f"\n{prog}: interrupted: no movie or PDF was written", file=sys.stderr)
        return 130
    except L.LessonError as err:
        return fail(prog, str(err))
    except OSError as err:
        return fail(prog, f"writing failed: {err.strerror or err}")
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    files = [f if os.path.relpath(f).startswith("..") else os.path.relpath(f) for f in res["files"]]
    print(f"{les.title}: {res['frames']} frames of {size[0]}x{size[1]} ({res['seconds']:.1f} s) to "
          + ", ".join(files))
    return 0


class VectorFrames:
    """Writes each exported frame also as an SVG file and/or a PDF page (``--svg``, ``--pdf``).

    Wraps the canvas's render: ``render(session)`` paints the state into the
    vector outputs with the canvas's own painting code, then returns the raster
    image for the PNG, GIF and MP4 writers.
    """

    def __init__(self, canvas, size, svg_dir=None, pdf=None, title: str = "rnn-unfold"):
        from visualizer.qt import vector_export as ve
        self.canvas = canvas
        self.w, self.h = size
        self.svg_dir = svg_dir
        self.n = 0
        self._ve = ve
        self.title = title
        if svg_dir:
            os.makedirs(svg_dir, exist_ok=True)
        self.pages = ve.PdfPages(pdf, self.w, self.h, title=title) if pdf else None

    def paint(self, session) -> None:
        from visualizer.export.vector import svg_name
        self.n += 1
        w, h = self.w, self.h
        if self.svg_dir:
            self._ve.write_svg(os.path.join(self.svg_dir, svg_name(self.n)),
                               lambda p: self.canvas.paint(p, session, w, h), w, h, title=self.title)
        if self.pages is not None:
            self.pages.add(lambda p: self.canvas.paint(p, session, w, h))

    def render(self, session):
        self.paint(session)
        return self.canvas.render(session, self.w, self.h)

    def finish(self) -> list:
        files = [self.svg_dir] if self.svg_dir else []
        if self.pages is not None:
            files.append(self.pages.finish())
            self.pages = None
        return files

    def abort(self) -> None:
        if self.pages is not None:
            self.pages.abort()
            self.pages = None


def vector_only(session, settings, frames: VectorFrames, progress=None):
    """Export to SVG and/or PDF alone (no PNG, GIF or MP4): the export's schedule, painted vector.

    Returns
    -------
    visualizer.export.ExportResult
    """
    import time

    from visualizer.export import ExportResult, schedule
    from visualizer.model.config import LIMITS
    t0 = time.perf_counter()
    res = ExportResult()
    for _ in schedule(session, settings.what, settings.every, settings.updates):
        frames.paint(session)
        res.frames += 1
        if progress is not None:
            progress(res.frames, None)
        if res.frames >= LIMITS["frames"][1]:
            break
    res.message = getattr(session, "message", "") or ""
    res.seconds = time.perf_counter() - t0
    return res
