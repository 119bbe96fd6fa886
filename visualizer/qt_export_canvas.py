"""What one exported frame shows, drawn at a fixed size: the window's view, cost plot and panels.

:class:`ExportCanvas` holds its own :class:`~visualizer.qt_unfolded_view.UnfoldedView`
and, when asked, its own :class:`~visualizer.qt_cost_plot.CostPlot`, the same
classes the main window shows, fed by the same :func:`~visualizer.frames.build_frame`,
so a frame is what the window shows for that state (the whole network fitted,
whatever the window's pan and zoom). Layout, as in the window: the network on
top, the cost strip below (``COST_SHARE`` of the height), extra panels to the
right of the cost plot in that strip.

The caption line (task, update, phase, t, z, cost) is the view's own header
line under the title, exactly as in the window; ``caption=False`` leaves it
empty.

:meth:`ExportCanvas.render` paints through the scenes (not ``grab()``) into a
``QImage.Format_ARGB32_Premultiplied`` of exactly the size asked for, with
device pixel ratio 1 and 96 dpi whatever the screen, so the same state gives
the same pixels in the window's process and on a headless command line.
"""
from __future__ import annotations

import dataclasses

from PySide6 import QtCore, QtGui, QtWidgets

from . import colormaps as cm
from .frames import build_frame
from .qt_unfolded_view import UnfoldedView

__all__ = ["ExportCanvas", "COST_SHARE"]

#: fraction of the height given to the cost strip (the window docks the plot at ~220 of 850 px)
COST_SHARE = 0.28
#: pixels of the cost plot's info line
_INFO_H = 20
_DPM_96 = 3780       # dots per metre of 96 dpi: point-sized fonts resolve the same on every screen
_TEXT = QtGui.QColor(30, 30, 30)
_MUTED = QtGui.QColor(95, 95, 95)
_RULE = QtGui.QColor(210, 210, 210)


def _font(px: int, bold: bool = False) -> QtGui.QFont:
    f = QtGui.QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    f.setHintingPreference(QtGui.QFont.HintingPreference.PreferNoHinting)
    return f


def _cost_plot_class():
    """The window's cost plot widget, when visualizer.qt_cost_plot provides one that fits."""
    try:
        from .qt_cost_plot import CostPlot
    except ImportError:
        return None
    needed = ("refresh",)
    return CostPlot if all(hasattr(CostPlot, n) for n in needed) else None


class ExportCanvas(QtWidgets.QWidget):
    """The network view (+ cost plot, + extra panels) of a session, rendered at a fixed size.

    Parameters
    ----------
    cost_plot : bool
        Draw the cost plot in a strip under the network.
    caption : bool
        Show the caption line (task, update, phase, t, z, cost) under the title.
    panels : sequence of QWidget
        Extra panels (e.g. the insight panels), drawn side by side right of the
        cost plot (or in the strip alone without it) with ``QWidget.render``.
    size : tuple of int
        Default ``(width, height)`` of :meth:`render`.
    """

    def __init__(self, cost_plot: bool = True, caption: bool = True, panels=(), size=(1280, 720),
                 parent=None):
        super().__init__(parent)
        self.include_cost_plot = bool(cost_plot)
        self.include_caption = bool(caption)
        self.panels = list(panels)
        self.size_px = (int(size[0]), int(size[1]))
        self.view = UnfoldedView()
        self.cost = None
        self._cost_cls = _cost_plot_class() if cost_plot else None
        self._shape = None
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 3)
        self._lay = lay

    # ------------------------------------------------------------------ state
    def _sync(self, session) -> None:
        shape = (session.net.N, session.net.M, session.net.O, session.columns)
        if shape != self._shape:
            self.view.set_structure(*shape)
            self._shape = shape
        frame = build_frame(session)
        if not self.include_caption:
            frame = dataclasses.replace(frame, caption="")
        self.view.set_frame(frame)
        if self._cost_cls is not None:
            # a plot per session: its axis ranges then depend on that session's curve only,
            # so exporting the same state twice gives the same pixels
            if self.cost is not None and self.cost.session is not session:
                self._lay.removeWidget(self.cost)
                self.cost.deleteLater()
                self.cost = None
            if self.cost is None:
                self.cost = self._cost_cls(session)
                self._lay.addWidget(self.cost, 1)
            self.cost.refresh()

    # ----------------------------------------------------------------- layout
    def layout_rects(self, width: int, height: int) -> dict:
        """Pixel rectangles of each part in an image of ``width x height``."""
        strip = self.include_cost_plot or bool(self.panels)
        sh = int(round(height * COST_SHARE)) if strip else 0
        out = {"view": QtCore.QRect(0, 0, width, height - sh)}
        if strip:
            parts = (["cost"] if self.include_cost_plot else []) + [f"panel{i}" for i in range(len(self.panels))]
            x = 0
            for i, name in enumerate(parts):
                w = (width - x) // (len(parts) - i)
                out[name] = QtCore.QRect(x, height - sh, w, sh)
                x += w
        return out

    # ----------------------------------------------------------------- render
    def render(self, session, width: int | None = None, height: int | None = None) -> QtGui.QImage:
        """The picture of ``session``'s current state.

        Parameters
        ----------
        session : Session
            The state to draw (not changed).
        width, height : int, optional
            Pixels; default :attr:`size_px`.

        Returns
        -------
        QtGui.QImage
            ``Format_ARGB32_Premultiplied``, exactly ``width x height``, opaque.
        """
        width = int(width or self.size_px[0])
        height = int(height or self.size_px[1])
        self._sync(session)
        rects = self.layout_rects(width, height)
        img = QtGui.QImage(width, height, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(1.0)
        img.setDotsPerMeterX(_DPM_96)
        img.setDotsPerMeterY(_DPM_96)
        img.fill(QtGui.QColor(*cm.BACKGROUND))
        p = QtGui.QPainter(img)
        try:
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            v = rects["view"]
            p.drawImage(v.topLeft(), self.view.render_to_image(v.width(), v.height()))
            if "cost" in rects and self.cost is not None:
                self._paint_cost(p, rects["cost"])
            for i, w in enumerate(self.panels):
                self._paint_widget(p, w, rects[f"panel{i}"])
            if len(rects) > 1:
                p.setPen(QtGui.QPen(_RULE, 1))
                y = v.bottom() + 1
                p.drawLine(0, y, width, y)
        finally:
            p.end()
        return img

    def _paint_cost(self, p: QtGui.QPainter, r: QtCore.QRect) -> None:
        cost = self.cost
        p.save()
        p.setClipRect(r)
        p.setFont(_font(12))
        p.setPen(_MUTED)
        info = cost.info.text() if hasattr(cost, "info") else ""
        p.drawText(QtCore.QRectF(r.left() + 8, r.top() + 2, r.width() - 16, _INFO_H),
                   int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter), info)
        plot = getattr(cost, "plot", None)
        target = QtCore.QRectF(r.left(), r.top() + _INFO_H, r.width(), r.height() - _INFO_H)
        if plot is not None and hasattr(plot, "getPlotItem"):
            item = plot.getPlotItem()
            src = QtCore.QRectF(0, 0, target.width(), target.height())
            if QtCore.QRectF(item.geometry()) != src:
                item.setGeometry(src)
                item.layout.activate()
            plot.scene().render(p, target, src)
        else:
            p.restore()
            self._paint_widget(p, cost, r)
            return
        p.restore()

    @staticmethod
    def _paint_widget(p: QtGui.QPainter, w: QtWidgets.QWidget, r: QtCore.QRect) -> None:
        if w.size() != r.size():
            w.resize(r.size())
        if w.layout() is not None:
            w.layout().activate()
        p.save()
        p.translate(r.topLeft())
        w.render(p, QtCore.QPoint(0, 0), QtGui.QRegion(0, 0, r.width(), r.height()),
                 QtWidgets.QWidget.RenderFlag.DrawChildren | QtWidgets.QWidget.RenderFlag.DrawWindowBackground)
        p.restore()
