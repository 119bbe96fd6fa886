"""Write animation frames without a window: a PNG sequence frame_00001.png, frame_00002.png, ... in --out, and optionally a looping GIF (--gif) and an MP4 (--mp4), drawn by the same code as the window. The first frame is the starting state, then one frame per micro-step (--every step), per phase or per update, until K updates are applied. The same arguments give byte-identical frames every time. Example, a GIF of one BPTT update: rnn-unfold export --task hello --updates 1 --every step --size 960x540 --out frames --gif bptt.gif. With --panels foldback,vanishing the frames also show the fold-back panel and the vanishing-gradient panel."""
from __future__ import annotations

import os
import sys
import time

from visualizer.cli import lecture
from visualizer.cli.common import (FLAGS, UsageError, _number, add_model_options, config_from_args,
                                   fail, memory_budget)
from visualizer.model.config import LANGUAGE_CHOICES, LIMITS

PROG = "rnn-unfold export"

#: options of a run that a loaded workspace already fixes
_MODEL_OPTIONS = ("task", "param", "hidden", "f", "g", "cost", "scheme", "h", "h_prime", "eta", "P",
                  "seed", "clip")


def add_arguments(parser) -> None:
    """The options of ``rnn-unfold export``."""
    from visualizer.export import DEFAULT_SIZE, EVERY, FPS_LIMITS, MAX_UPDATES
    g = parser.add_argument_group("what to export")
    g.add_argument("--updates", metavar="K", type=int, default=1,
                   help=f"export K training updates (1..{MAX_UPDATES}; default 1)")
    g.add_argument("--every", choices=EVERY, default="step",
                   help="a frame after every micro-step (default), every phase, or every update")
    g.add_argument("--skip", metavar="N", type=int, default=0,
                   help=f"train N updates first, without frames (e.g. to show a trained "
                        f"network; 0..{LIMITS['skip'][1]})")
    g.add_argument("--load", metavar="FILE",
                   help="start from a saved workspace (its task, weights and position) "
                        "instead of --task and the model options")
    o = parser.add_argument_group("output")
    o.add_argument("--out", metavar="DIR",
                   help="folder for frame_00001.png, ... (created if missing; earlier "
                        "frame_NNNNN.png files in it are replaced); give --out, --gif, --mp4, "
                        "--svg or --pdf")
    o.add_argument("--gif", metavar="FILE", help="also write a looping GIF")
    o.add_argument("--mp4", metavar="FILE",
                   help='also write an H.264 MP4 (needs the video extra: pip install "rnn-unfold[video]")')
    o.add_argument("--size", metavar="WxH", default=f"{DEFAULT_SIZE[0]}x{DEFAULT_SIZE[1]}",
                   help="frame size in pixels (default %(default)s)")
    o.add_argument("--fps", metavar="F", type=float, default=10.0,
                   help=f"frames per second of the GIF and MP4 ({FPS_LIMITS[0]:g}..{FPS_LIMITS[1]:g}; "
                        "default %(default)g; a GIF frame lasts a multiple of 10 ms)")
    o.add_argument("--no-cost-plot", dest="cost_plot", action="store_false",
                   help="leave out the cost plot under the network")
    o.add_argument("--no-caption", dest="caption", action="store_false",
                   help="leave out the caption line (task, update, phase, t, z, cost)")
    o.add_argument("--panels", metavar="NAMES", default="",
                   help="also draw insight panels, comma-separated: foldback (each copy's "
                        "contribution to ΔV, ΔU, ΔW adding into the sum, under the network), "
                        "vanishing (‖δ(t−z)‖ against z with its bound, and its history over the "
                        "exported updates), whotaught (A[τ, c] = ‖C_U(τ, c)‖: which error taught "
                        "which copy, and what truncation cut), factors (why δ vanishes: the U and "
                        "f′ factors of each step back), predictions (input, target and predicted "
                        "symbol per step); e.g. --panels foldback,vanishing")
    o.add_argument("--source", metavar="TAU", default=None,
                   help="the one-error-source view: draw the hidden δ of the error entering at "
                        "copy TAU of the update's window alone (0-based; -1 or omitted: every "
                        "error)")
    o.add_argument("--lang", choices=LANGUAGE_CHOICES, default="en",
                   help="language of the captions and panel texts drawn into the frames: "
                        "en (default), zh_CN, or system (the system locale's)")
    lecture.add_arguments(parser)
    add_model_options(parser)


def _session(args):
    """The session to export from, or raise UsageError."""
    load = getattr(args, "load", None)
    if load is not None:
        given = [k for k in _MODEL_OPTIONS if getattr(args, k, None) not in (None, [])]
        if given:
            raise UsageError(f"--load takes the task and settings from the workspace; "
                             f"drop {FLAGS.get(given[0], '--' + given[0].replace('_', '-'))}")
        from visualizer.model import workspace
        try:
            return workspace.load(load, budget=memory_budget(args))
        except ValueError as err:             # workspace.WorkspaceError names the file itself
            raise UsageError(str(err)) from None
        except (OSError, KeyError) as err:
            raise UsageError(f"cannot load {load!r}: {getattr(err, 'strerror', None) or err}") from None
    from visualizer.model.session import Session
    cfg = config_from_args(args)
    try:
        return Session(cfg)
    except ValueError as err:
        raise UsageError(str(err)) from None


class _Progress:
    """``frame 12/84`` on one updating line of standard error, when it is a terminal."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = 0.0
        self.shown = False

    def __call__(self, done, total):
        if not self.live:
            return
        now = time.monotonic()
        if done != total and now - self._last < 0.05:
            return
        self._last = now
        self.stream.write(f"\rframe {done}/{total if total is not None else '?'}")
        self.stream.flush()
        self.shown = True

    def end(self):
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def run(args) -> int:
    """Validate everything, then render and write; exit status 0, 1 (stopped early), 2 (bad input)."""
    from visualizer.export import (ExportError, ExportSettings, check_settings, parse_panels,
                                   parse_size, parse_source)
    if lecture.wants_lesson(args):
        return lecture.run_lesson(PROG, args)
    raster = bool(args.out or args.gif or args.mp4)
    try:
        theme, scale = lecture.check_style(args)
        if args.updates is None or not 1 <= args.updates:
            raise UsageError(f"--updates must be at least 1, got {args.updates}")
        _number("skip", args.skip)
        from visualizer.model.workspace import WorkspaceError, check_target
        for flag, target in (("--gif", args.gif), ("--mp4", args.mp4)):
            if target is not None:
                try:
                    check_target(target, flag=flag)     # a regular file or nothing, never a device
                except WorkspaceError as err:
                    raise UsageError(str(err).replace("a workspace replaces", "export replaces")) \
                        from None
        wanted = ExportSettings(
            what="updates", updates=args.updates, every=args.every, size=parse_size(args.size),
            fps=args.fps, png_dir=args.out, gif=args.gif, mp4=args.mp4,
            cost_plot=args.cost_plot, caption=args.caption, panels=parse_panels(args.panels),
            source=parse_source(getattr(args, "source", None)))
        # PNG, GIF and MP4 go through the export job; SVG and PDF alone need none of its checks
        settings = check_settings(wanted) if raster or not lecture.wants_vector(args) else wanted
        vector = None
        if lecture.wants_vector(args):
            from visualizer.export.vector import check_outputs
            vector = check_outputs(png_dir=args.out, svg_dir=args.svg, pdf=args.pdf, gif=args.gif,
                                   mp4=args.mp4)
        session = _session(args)
        if settings.source is not None:
            from visualizer.model.frames import check_source
            try:
                check_source(session, settings.source)
            except ValueError as err:
                raise UsageError(f"--{err}") from None
    except (UsageError, ExportError) as err:
        msg = str(err)
        for flag in ("size", "fps", "updates", "panels", "source"):      # name the option the user typed
            if msg.startswith(flag + " "):
                msg = f"--{msg}"
        return fail(PROG, msg)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")     # before the first Qt import
    from PySide6 import QtCore, QtWidgets

    # Qt's own messages (e.g. "libpng error: No space left on device" when the disk is full)
    # would add lines to the one this command prints for the failure: keep them quiet.
    QtCore.qInstallMessageHandler(lambda mode, context, message: None)

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["rnn-unfold"])  # noqa: F841
    from visualizer.qt import i18n
    spoken = i18n.current_language()
    i18n.set_language(app, getattr(args, "lang", "en") or "en")
    try:
        return _export(args, settings, session, theme, scale, vector, raster)
    finally:
        i18n.set_language(app, spoken)      # run in-process (tests), the caller's language stays


def _export(args, settings, session, theme, scale, vector, raster) -> int:
    """Write the frames (the QApplication exists and speaks the chosen language)."""
    from visualizer.export import Export
    from visualizer.qt.export_canvas import ExportCanvas

    if args.skip:
        try:
            session.run_updates(args.skip)
        except KeyboardInterrupt:
            print(f"{PROG}: interrupted during --skip; no frames were written", file=sys.stderr)
            return 130
        if session.message:
            return fail(PROG, f"training stopped during --skip: {session.message}")
    canvas = ExportCanvas(cost_plot=settings.cost_plot, caption=settings.caption, panels=settings.panels,
                          size=settings.size, theme=theme, scale=scale, source=settings.source)
    w, h = settings.size
    progress = _Progress()
    frames = lecture.VectorFrames(canvas, (w, h), svg_dir=vector["svg_dir"], pdf=vector["pdf"]) \
        if vector else None
    render = frames.render if frames else (lambda s: canvas.render(s, w, h))
    try:
        try:
            if raster:
                job = Export(session, settings, render, progress=progress, copy=False)
                res = job.run()
            else:
                res = lecture.vector_only(session, settings, frames, progress)
            if frames is not None:
                res.files = list(res.files) + frames.finish()
        except BaseException:
            if frames is not None:
                frames.abort()
            raise
        finally:
            canvas.detach()          # delete the insight panels before Python exits
    except KeyboardInterrupt:
        progress.end()
        print(f"{PROG}: interrupted: the PNG frames written so far are kept, no movie was written",
              file=sys.stderr)
        return 130
    except OSError as err:
        progress.end()
        return fail(PROG, f"writing failed: {err.strerror or err}")
    progress.end()
    parts = [f"wrote {res.frames} frames of {w}x{h}" + (f" to {settings.png_dir}" if settings.png_dir else "")]
    parts += [os.path.relpath(f) if not os.path.isabs(f) else f for f in res.files]
    print(", ".join(parts) + f" in {res.seconds:.1f} s")
    if res.message:
        print(f"{PROG}: stopped early: {res.message}", file=sys.stderr)
        return 1
    return 0
