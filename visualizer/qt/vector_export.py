"""Vector pictures: the view, a panel or the whole frame as SVG (QSvgGenerator) or PDF (QPdfWriter).

Nothing here draws on its own: a picture is a *paint* callable ``paint(p)``
that paints ``width x height`` pixels with the QPainter ``p`` at its origin,
normally :meth:`visualizer.qt.export_canvas.ExportCanvas.paint` (the code that
paints the PNG frames) or :meth:`visualizer.qt.unfolded.view.UnfoldedView.paint_to`.
Painted into an SVG or PDF device, lines stay lines and text stays text:
QSvgGenerator writes ``<text>`` elements, QPdfWriter embeds the fonts.

* :func:`write_svg`: one picture to one SVG file;
* :class:`PdfPages`: one page per picture (a handout of every frame);
* :func:`copy_image`: a picture to the clipboard as an image (Ctrl+Shift+C).

Files are written through a temporary name in their folder and renamed when
complete: a failed export never leaves half a file.
"""
from __future__ import annotations

import os
import tempfile

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtSvg import QSvgGenerator

from visualizer.export.vector import page_points

__all__ = ["write_svg", "svg_bytes", "PdfPages", "write_pdf", "copy_image", "render_image"]

#: a fixed document id, so two PDFs of the same frames differ only in their creation date
_DOC_ID = QtCore.QUuid("{5a1b3c2d-7e6f-4a8b-9c0d-1e2f3a4b5c6d}")


def _temp_beside(path: str, suffix: str) -> str:
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=suffix, dir=folder)
    os.close(fd)
    return tmp


def svg_bytes(paint, width: int, height: int, title: str = "", description: str = "") -> bytes:
    """The SVG document of a picture.

    Parameters
    ----------
    paint : callable
        ``paint(p)`` paints ``width x height`` pixels with ``p`` at its origin.
    width, height : int
        Pixels; the SVG's size and view box.
    title, description : str
        The document's ``<title>`` and ``<desc>``.

    Returns
    -------
    bytes
        UTF-8 SVG 1.2 Tiny (as QSvgGenerator writes it).
    """
    buf = QtCore.QBuffer()
    buf.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QtCore.QSize(int(width), int(height)))
    gen.setViewBox(QtCore.QRect(0, 0, int(width), int(height)))
    gen.setResolution(96)
    gen.setTitle(title)
    gen.setDescription(description)
    p = QtGui.QPainter(gen)
    try:
        paint(p)
    finally:
        p.end()
    buf.close()
    return bytes(buf.data())


def write_svg(path: str, paint, width: int, height: int, title: str = "", description: str = "") -> str:
    """Write a picture as an SVG file (through a temporary file); returns the path."""
    data = svg_bytes(paint, width, height, title, description)
    tmp = _temp_beside(path, ".svg")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise
    return path


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


class PdfPages:
    """A PDF written one page per picture, all pages ``width x height`` pixels (one pixel = one point).

    Use as a context manager, or call :meth:`finish` (renames the temporary
    file into place) or :meth:`abort` (removes it)::

        with PdfPages("handout.pdf", 1280, 720, title="Where δ_j(t−1) comes from") as pdf:
            for frame in frames:
                pdf.add(lambda p: canvas.paint(p, session, 1280, 720))
    """

    def __init__(self, path: str, width: int, height: int, title: str = ""):
        self.path = os.path.abspath(path)
        self.width, self.height = int(width), int(height)
        self.pages = 0
        self._tmp = _temp_beside(self.path, ".pdf")
        self._writer = QtGui.QPdfWriter(self._tmp)
        w, h = page_points(self.width, self.height)
        self._writer.setPageLayout(QtGui.QPageLayout(
            QtGui.QPageSize(QtCore.QSizeF(w, h), QtGui.QPageSize.Unit.Point, "frame",
                            QtGui.QPageSize.SizeMatchPolicy.ExactMatch),
            QtGui.QPageLayout.Orientation.Portrait, QtCore.QMarginsF(0, 0, 0, 0)))
        self._writer.setResolution(72)        # one device unit = one point = one pixel of the frame
        self._writer.setTitle(title)
        self._writer.setCreator("rnn-unfold")
        self._writer.setDocumentId(_DOC_ID)
        self._painter = None

    def add(self, paint) -> None:
        """Add one page painted by ``paint(p)``."""
        if self._painter is None:
            self._painter = QtGui.QPainter(self._writer)
        else:
            self._writer.newPage()
        self._painter.save()
        try:
            paint(self._painter)
        finally:
            self._painter.restore()
        self.pages += 1

    def finish(self) -> str:
        """Close the document and move it into place; returns its path."""
        if self._painter is None:               # no page: an empty PDF is not written
            self._painter = QtGui.QPainter(self._writer)
        self._painter.end()
        self._painter = None
        os.replace(self._tmp, self.path)
        return self.path

    def abort(self) -> None:
        """Drop the document (nothing is left behind)."""
        if self._painter is not None:
            self._painter.end()
            self._painter = None
        _remove(self._tmp)

    def __enter__(self) -> "PdfPages":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.finish()
        else:
            self.abort()


def write_pdf(path: str, paints, width: int, height: int, title: str = "") -> int:
    """Write one PDF page per paint callable; returns the number of pages."""
    with PdfPages(path, width, height, title) as pdf:
        for paint in paints:
            pdf.add(paint)
    return pdf.pages


def render_image(paint, width: int, height: int, background=(255, 255, 255)) -> QtGui.QImage:
    """A picture as a ``QImage`` (premultiplied ARGB32, pixel ratio 1)."""
    img = QtGui.QImage(int(width), int(height), QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(1.0)
    img.fill(QtGui.QColor(*background))
    p = QtGui.QPainter(img)
    try:
        paint(p)
    finally:
        p.end()
    return img


def copy_image(image: QtGui.QImage) -> None:
    """Put ``image`` on the clipboard."""
    QtWidgets.QApplication.clipboard().setImage(image)
