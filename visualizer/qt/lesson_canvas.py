"""A lesson's frames drawn headless: the export canvas for the scene's panels, its highlights and caption.

:class:`LessonCanvas` paints one frame of a lesson being played
(:func:`visualizer.model.lesson.play`): the network with the scene's
highlights and the scene's panels above, and a caption band below (the scene
number and title, then the caption's Markdown, in the theme's colours, its
font shrunk until it fits). It paints with
:meth:`~visualizer.qt.export_canvas.ExportCanvas.paint`, so a PNG, an SVG page
and a PDF page of a frame are the same drawing.

:func:`render_lesson` plays a lesson on a fresh session and writes its frames:
a PNG sequence, a GIF and an MP4 (each frame repeated for the time the lesson
shows it, :func:`visualizer.export.vector.repeats`), a PDF with one page per
frame, and a folder of SVG files. Nothing depends on the clock or the screen,
so a lesson gives byte-identical PNG frames every run.

The panels a headless frame can show: ``foldback``, ``vanishing`` and ``cost``
(drawn by the export canvas) and ``inspector`` (the equation of the scene's
first node or edge highlight); ``gradcheck`` needs a person to press its
button and is left out of the picture.
"""
from __future__ import annotations

import os

from PySide6 import QtCore, QtGui

from visualizer.model import lesson as L
from visualizer.model import themes
from visualizer.qt import theme as qt_theme

__all__ = ["LessonCanvas", "render_lesson", "CAPTION_SHARE", "view_highlights"]

#: fraction of a lesson frame's height given to the caption band
CAPTION_SHARE = 0.3
#: caption font size (pixels at 100 %) and the smallest it shrinks to
CAPTION_PX, CAPTION_MIN_PX = 20, 10
#: panels the export canvas draws itself
_CANVAS_PANELS = ("foldback", "vanishing")


def view_highlights(scene, session) -> list:
    """A scene's highlights as :meth:`UnfoldedView.set_highlights` items, in the window on show."""
    w0 = session.update.w0
    out = []
    for h in scene.highlights:
        c = h.window_column(w0)
        if h.kind == "node":
            out.append(("node", h.layer, c, h.unit))
        elif h.kind == "edge":
            out.append(("edge", h.matrix, c, h.row, h.col))
        else:
            out.append((h.kind, c))
    return out


def caption_document(scene, number: int, total: int, theme: themes.Theme, width: float, px: int,
                     lesson_title: str = "") -> QtGui.QTextDocument:
    """The caption band's text: 'Scene n/N · title' then the caption's Markdown."""
    doc = QtGui.QTextDocument()
    font = QtGui.QFont()
    font.setPixelSize(max(1, int(px)))
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    head = QtCore.QCoreApplication.translate("LessonCanvas", "Scene {n} of {total}").format(
        n=number, total=total)
    title = f"{lesson_title}: {scene.title}" if lesson_title and number == 1 else scene.title
    md = f"**{head} · {_md_escape(title)}**\n\n{scene.caption}" if title else f"**{head}**\n\n{scene.caption}"
    doc.setMarkdown(md)
    doc.setTextWidth(width)
    return doc


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "*_`[]#" else ch for ch in text)


def paint_caption(p: QtGui.QPainter, rect: QtCore.QRectF, scene, number: int, total: int,
                  theme: themes.Theme, scale: float = 1.0, lesson_title: str = "") -> None:
    """Paint a scene's caption band into ``rect``: theme colours, the largest font that fits."""
    pad = 12 * scale
    inner = QtCore.QRectF(rect.left() + pad, rect.top() + pad * 0.75, rect.width() - 2 * pad,
                          rect.height() - 1.5 * pad)
    px = round(CAPTION_PX * scale)
    low = max(6, round(CAPTION_MIN_PX * scale))
    doc = caption_document(scene, number, total, theme, inner.width(), px, lesson_title)
    while doc.size().height() > inner.height() and px > low:
        px -= 1
        doc = caption_document(scene, number, total, theme, inner.width(), px, lesson_title)
    p.save()
    p.fillRect(rect, qt_theme.qcolor(theme.background))
    p.setPen(QtGui.QPen(qt_theme.qcolor(theme.grid), max(1.0, scale)))
    p.drawLine(QtCore.QPointF(rect.left(), rect.top()), QtCore.QPointF(rect.right(), rect.top()))
    p.translate(inner.topLeft())
    p.setClipRect(QtCore.QRectF(0, 0, inner.width(), inner.height()))
    ctx = QtGui.QAbstractTextDocumentLayout.PaintContext()
    ctx.palette.setColor(QtGui.QPalette.ColorRole.Text, qt_theme.qcolor(theme.foreground))
    ctx.clip = QtCore.QRectF(0, 0, inner.width(), inner.height())
    doc.documentLayout().draw(p, ctx)
    p.restore()


class LessonCanvas:
    """Paints the frames of one lesson at a fixed size, theme and zoom.

    Parameters
    ----------
    lesson : Lesson
    size : (int, int)
        Pixels of every frame.
    theme : str or Theme, optional
    scale : float
        Zoom of the frame's fonts, nodes and lines.
    caption : bool
        Draw the caption band (False: the network and panels fill the frame).
    """

    def __init__(self, lesson, size=(1280, 720), theme=None, scale: float = 1.0, caption: bool = True):
        self.lesson = lesson
        self.size = (int(size[0]), int(size[1]))
        self.theme = qt_theme.current() if theme is None else \
            (themes.theme(theme) if isinstance(theme, str) else theme)
        self.scale = themes.clamp_zoom(scale)
        self.caption = bool(caption)
        self._canvases = {}
        self._inspector = None

    def _canvas(self, scene, session):
        from visualizer.qt.export_canvas import ExportCanvas
        names = tuple(p for p in L.PANELS if p in scene.panels)
        key = names
        if key not in self._canvases:
            extra = []
            if "inspector" in names:
                extra.append(self._inspector_for(session))
            self._canvases[key] = ExportCanvas(
                cost_plot="cost" in names, caption=True,
                panels=tuple(p for p in names if p in _CANVAS_PANELS) + tuple(extra),
                size=self.size, theme=self.theme, scale=self.scale)
        return self._canvases[key]

    def _inspector_for(self, session):
        if self._inspector is None:
            from visualizer.qt.panels.inspector import InspectorPanel
            w = InspectorPanel(session)
            w.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            self._inspector = w
        return self._inspector

    def _point_inspector(self, scene, session) -> None:
        if self._inspector is None:
            return
        for h in view_highlights(scene, session):
            if h[0] in ("node", "edge"):
                (self._inspector.show_node if h[0] == "node" else self._inspector.show_edge)(*h[1:])
                break
        qt_theme.restyle(self._inspector, self.theme)
        label = getattr(self._inspector, "label", None)
        if label is not None:
            label.setStyleSheet(f"QLabel {{ background: {self.theme.hex('background')}; "
                                f"color: {self.theme.hex('foreground')}; }}")
            f = label.font()
            f.setPixelSize(round(14 * self.scale))
            label.setFont(f)

    def paint(self, p: QtGui.QPainter, session, frame) -> None:
        """Paint lesson ``frame`` (a :class:`visualizer.model.lesson.Frame`) of ``session``'s state."""
        w, h = self.size
        scene = self.lesson.scenes[frame.scene]
        canvas = self._canvas(scene, session)
        canvas.view.set_highlights(view_highlights(scene, session))
        self._point_inspector(scene, session)
        band = round(h * CAPTION_SHARE) if self.caption and (scene.caption or scene.title) else 0
        canvas.paint(p, session, w, h - band)
        if band:
            paint_caption(p, QtCore.QRectF(0, h - band, w, band), scene, frame.scene + 1,
                          len(self.lesson.scenes), self.theme, self.scale, self.lesson.title)

    def render(self, session, frame) -> QtGui.QImage:
        """The frame as a ``QImage`` (premultiplied ARGB32, 96 dpi, pixel ratio 1)."""
        from visualizer.qt.export_canvas import _DPM_96
        w, h = self.size
        img = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(1.0)
        img.setDotsPerMeterX(_DPM_96)
        img.setDotsPerMeterY(_DPM_96)
        img.fill(qt_theme.qcolor(self.theme.background))
        p = QtGui.QPainter(img)
        try:
            self.paint(p, session, frame)
        finally:
            p.end()
        return img

    def close(self) -> None:
        """Detach and delete the panels (before Python exits)."""
        for c in self._canvases.values():
            c.detach()
        self._canvases = {}
        if self._inspector is not None:
            import shiboken6
            detach = getattr(self._inspector, "detach", None)
            if detach is not None:
                detach()
            if shiboken6.isValid(self._inspector):
                shiboken6.delete(self._inspector)
            self._inspector = None


def render_lesson(lesson, size=(1280, 720), theme=None, scale: float = 1.0, png_dir=None, gif=None,
                  mp4=None, pdf=None, svg_dir=None, fps: float | None = None, progress=None) -> dict:
    """Play ``lesson`` on a fresh session and write its frames.

    Parameters
    ----------
    lesson : Lesson
    size : (int, int)
    theme : str, optional
    scale : float
    png_dir, svg_dir : str, optional
        Folders for ``frame_NNNNN.png`` / ``frame_NNNNN.svg`` (one file per lesson frame).
    gif, mp4 : str, optional
        Movies: each lesson frame repeated for its duration at ``fps``.
    pdf : str, optional
        One page per lesson frame.
    fps : float, optional
        Movie frame rate (default :data:`visualizer.export.vector.LESSON_FPS`).
    progress : callable, optional
        ``progress(done, None)`` after each frame.

    Returns
    -------
    dict
        ``frames`` (lesson frames drawn), ``files`` (the files written), ``seconds``
        (the movie's length).

    Raises
    ------
    LessonError
        When the lesson cannot be played (names the scene and field); the
        movies and the PDF are not written then (PNG and SVG frames so far are).
    """
    from visualizer.export import GifWriter, Mp4Writer, PngSequenceWriter
    from visualizer.export.vector import LESSON_FPS, MovieClock, svg_name
    from visualizer.model.session import Session
    from visualizer.qt import vector_export as ve

    fps = float(fps or LESSON_FPS)
    canvas = LessonCanvas(lesson, size, theme, scale)
    w, h = canvas.size
    session = Session()
    writers, files = [], []
    png = PngSequenceWriter(png_dir) if png_dir else None
    movies = []
    if gif:
        movies.append(GifWriter(gif, fps))
    if mp4:
        movies.append(Mp4Writer(mp4, fps))
    writers = ([png] if png else []) + movies
    pages = ve.PdfPages(pdf, w, h, title=lesson.title) if pdf else None
    if svg_dir:
        os.makedirs(svg_dir, exist_ok=True)
    n = 0
    clock = MovieClock(fps)
    try:
        for frame in L.play(lesson, session):
            n += 1
            img = canvas.render(session, frame)
            if png:
                png.add(img)
            k = clock.frames_for(frame.duration)
            for m in movies:
                for _ in range(k):
                    m.add(img)
            if pages is not None:
                pages.add(lambda p, f=frame: canvas.paint(p, session, f))
            if svg_dir:
                ve.write_svg(os.path.join(svg_dir, svg_name(n)), lambda p, f=frame: canvas.paint(p, session, f),
                             w, h, title=lesson.title, description=lesson.scenes[frame.scene].title)
            if progress is not None:
                progress(n, None)
        for wr in writers:
            wr.finish()
        if pages is not None:
            files.append(pages.finish())
            pages = None
    except BaseException:
        for wr in writers:
            wr.abort()
        if pages is not None:
            pages.abort()
        raise
    finally:
        canvas.close()
    files = [f for f in (png_dir, svg_dir) if f] + [m.path for m in movies] + files
    return {"frames": n, "files": files, "seconds": clock.written / fps}
