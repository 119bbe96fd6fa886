"""What one exported frame shows, drawn at a fixed size: the window's view, cost plot and panels.

:class:`ExportCanvas` holds its own :class:`~visualizer.qt.unfolded.view.UnfoldedView`
and, when asked, its own :class:`~visualizer.qt.cost_plot.CostPlot`, the same
classes the main window shows, fed by the same :func:`~visualizer.model.frames.build_frame`,
so a frame is what the window shows for that state (the whole network fitted,
whatever the window's pan and zoom). Layout, as in the window: the network on
top, the cost strip below (``COST_SHARE`` of the height), extra panels to the
right of the cost plot in that strip.

Insight panels (``panels=("foldback", "vanishing")``, the names of
:data:`visualizer.export.PANELS`) are built by the canvas itself, for the
session it renders (in an export, the copy being stepped): a
:class:`~visualizer.qt.panels.foldback.FoldbackPanel` and a
:class:`~visualizer.qt.panels.vanishing.VanishingPanel` that follow that
session's events and are flushed before each frame; rendering another session
detaches them and builds new ones. The vanishing panel's controls (the ρ(U)
spin box and button) are left out of the picture, and its history heatmap
holds the update on show when the panel was built and those applied since (the exported ones). With
insight panels the frame is a grid: the lower ``PANEL_SHARE`` of the height
holds the fold-back panel under the network (full width, or ``MAIN_SHARE`` of
it with one more part to its right); with both the vanishing panel and the
cost plot, they form a right-hand column (the vanishing panel on top,
``SIDE_SHARE`` of the height, the cost plot under it). Without the fold-back
panel, the vanishing panel sits right of the cost plot in a strip of
``PANEL_SHARE`` of the height. A panel too small for its plots' minimum size
is laid out larger and drawn scaled down.

The caption line (task, update, phase, t, z, cost) is the view's own header
line under the title, exactly as in the window; ``caption=False`` leaves it
empty.

:meth:`ExportCanvas.render` paints through the scenes (not ``grab()``) into a
``QImage.Format_ARGB32_Premultiplied`` of exactly the size asked for, with
device pixel ratio 1 and 96 dpi whatever the screen, so the same state gives
the same pixels in the window's process and on a headless command line.
:meth:`ExportCanvas.paint` is the one painting code: :meth:`render` paints a
QImage with it, :mod:`visualizer.qt.vector_export` an SVG file or a PDF page
(text stays text).

``theme`` (a name of :data:`visualizer.model.themes.THEMES`) colours the frame,
its δ map centred on the theme's background; ``scale`` (75 % to 300 %) zooms
the fonts, nodes, line widths and panels of the frame, independent of the
window's zoom.
"""
from __future__ import annotations

import dataclasses
import math

from PySide6 import QtCore, QtGui, QtWidgets

from visualizer.model import themes
from visualizer.qt import colormaps as cm
from visualizer.qt import theme as qt_theme
from visualizer.model.frames import build_frame
from visualizer.qt.unfolded.view import UnfoldedView

__all__ = ["ExportCanvas", "COST_SHARE", "PANEL_SHARE", "MAIN_SHARE", "SIDE_SHARE"]

#: fraction of the height given to the cost strip (the window docks the plot at ~220 of 850 px)
COST_SHARE = 0.28
#: fraction of the height given to the lower band when insight panels are drawn
PANEL_SHARE = 0.5
#: fraction of the width kept by the network and the fold-back panel beside a right-hand column
MAIN_SHARE = 0.64
#: fraction of the height given to the vanishing panel atop the right-hand column (the cost plot below)
SIDE_SHARE = 0.62
#: pixels of the cost plot's info line
_INFO_H = 20
#: smallest (width, height), pixels before scaling, an insight panel is laid out at, so its titles
#: fit and the log axis labels do not overlap
_PANEL_MIN = {"foldback": (0, 0), "vanishing": (540, 440), "whotaught": (420, 600),
              "factors": (400, 460), "predictions": (0, 0)}
#: the issue-12 panels: a right-hand column (who taught whom, why δ vanishes) of RIGHT_SHARE of
#: the width, and the prediction strip of PREDICTIONS_H pixels under the network
RIGHT_PANELS = ("whotaught", "factors")
RIGHT_SHARE = 0.36
RIGHT_SPLIT = 0.6
PREDICTIONS_H = 104
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


def _hide_controls(panel: QtWidgets.QWidget) -> None:
    """Hide a panel's interactive controls (buttons, spin boxes, their labels, messages) for a picture."""
    lay = panel.layout()
    if lay is None:
        return
    for i in range(lay.count()):
        item = lay.itemAt(i)
        sub = item.layout()
        if sub is not None:
            for k in range(sub.count()):
                w = sub.itemAt(k).widget()
                if w is not None:
                    w.hide()
    msg = getattr(panel, "message", None)
    if isinstance(msg, QtWidgets.QWidget):
        msg.hide()


def _cost_plot_class():
    """The window's cost plot widget, when visualizer.qt.cost_plot provides one that fits."""
    try:
        from visualizer.qt.cost_plot import CostPlot
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
    panels : sequence of str or QWidget
        Insight panels by name (``"foldback"``, ``"vanishing"``): built by the
        canvas for the session it renders, see the module notes. Any widget
        given is an extra panel drawn as it is, side by side right of the cost
        plot (or in the strip alone without it), with ``QWidget.render``.
    size : tuple of int
        Default ``(width, height)`` of :meth:`render`.
    theme : str or Theme, optional
        The colours (default: :func:`visualizer.qt.theme.current`).
    scale : float
        Zoom of fonts, nodes, lines and panels (1.0 = 100 %).
    source : int, optional
        The "one error source" view: the network's hidden δ is that of the error entering at
        window copy τ alone (:func:`~visualizer.model.frames.build_frame`); the who-taught-whom
        panel marks its row and the factors panel splits its δ. None: every error.
    """

    def __init__(self, cost_plot: bool = True, caption: bool = True, panels=(), size=(1280, 720),
                 parent=None, theme=None, scale: float = 1.0, source: int | None = None):
        super().__init__(parent)
        self.include_cost_plot = bool(cost_plot)
        self.include_caption = bool(caption)
        self.source = None if source is None or int(source) < 0 else int(source)
        from visualizer.export import parse_panels
        self.panel_names = parse_panels([p for p in panels if isinstance(p, str)])
        self.panels = [p for p in panels if not isinstance(p, str)]
        #: the insight panels by name, built for :attr:`panel_session`
        self.insight: dict = {}
        self.panel_session = None
        self._scales: dict = {}
        self.size_px = (int(size[0]), int(size[1]))
        self.view = UnfoldedView()
        self.theme = qt_theme.current() if theme is None else \
            (themes.theme(theme) if isinstance(theme, str) else theme)
        self.scale = themes.clamp_zoom(scale)
        self.view.set_style(self.theme, self.scale)
        self._styled = set()        # ids of the plots and panels already restyled
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
        frame = build_frame(session, source=self.source)
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
            self._style(self.cost)
        if self.panel_names:
            if self.panel_session is not session:
                self._build_panels(session)
                self._scales = {}
            for w in self.insight.values():
                w.flush()
                # panels may set their text colours again when they redraw: restyle every frame
                qt_theme.restyle(w, self.theme)

    def _style(self, w: QtWidgets.QWidget) -> None:
        """Theme colours of a plot (its zoom comes from drawing it enlarged, see :meth:`_paint_cost`)."""
        if self.theme.name != themes.DEFAULT_THEME:
            qt_theme.restyle(w, self.theme)

    def _build_panels(self, session) -> None:
        """Insight panels following ``session`` (the old ones, if any, detached and dropped)."""
        from visualizer.qt.panels.factors import VanishingFactorsPanel
        from visualizer.qt.panels.foldback import FoldbackPanel
        from visualizer.qt.panels.predictions import PredictionStrip
        from visualizer.qt.panels.vanishing import VanishingPanel
        from visualizer.qt.panels.who_taught import WhoTaughtPanel
        self.detach()
        classes = {"foldback": FoldbackPanel, "vanishing": VanishingPanel,
                   "whotaught": WhoTaughtPanel, "factors": VanishingFactorsPanel,
                   "predictions": PredictionStrip}
        # the history starts at the update on show: one already applied when the export starts is in it
        first = session.trainer.updates if session.applied else session.trainer.updates + 1
        options = {"foldback": {"scroll": False}, "whotaught": {"scroll": False},
                   "factors": {"scroll": False},
                   "vanishing": {"first_update": first, "scroll": False}}
        for name in self.panel_names:
            w = classes[name](session, **options.get(name, {}))
            w.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            w.setAutoFillBackground(True)
            pal = w.palette()
            pal.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor(*cm.BACKGROUND))
            w.setPalette(pal)
            if name in ("vanishing", "whotaught", "factors"):
                _hide_controls(w)
            if name == "whotaught":
                w.readout.hide()                 # "hover a cell…": nothing to hover in a picture
                if self.source is not None:
                    w.hovered = self.source      # the error drawn alone: its row outlined
                    w.refresh()
            if name == "factors" and self.source is not None:
                w.set_source(self.source)
            self.insight[name] = w
        self.panel_session = session

    def detach(self) -> None:
        """Stop the insight panels following their session and delete them.

        Call it when done (the dialog and the command line do): pyqtgraph
        panels still alive when Python exits can crash the interpreter's exit.
        """
        import shiboken6
        for w in self.insight.values():
            w.detach()
            if shiboken6.isValid(w):
                shiboken6.delete(w)      # now, not deleteLater: there may be no event loop to run it
        self.insight = {}
        self.panel_session = None

    # ----------------------------------------------------------------- layout
    def layout_rects(self, width: int, height: int) -> dict:
        """Pixel rectangles of each part in an image of ``width x height``.

        Keys ``"view"``, ``"cost"``, ``"foldback"``, ``"vanishing"`` and
        ``"panel0"``, ``"panel1"`` … for the extra widgets, for the parts drawn.
        """
        right = [n for n in RIGHT_PANELS if n in self.panel_names]
        if right or "predictions" in self.panel_names:
            return self._insight12_rects(width, height, right)
        if self.panel_names:
            return self._grid_rects(width, height)
        return self._strip_rects(width, height)

    def _insight12_rects(self, width: int, height: int, right: list) -> dict:
        """The who-taught-whom and factors panels in a right-hand column, the prediction strip
        under the network; the rest laid out as without them in what is left."""
        R = QtCore.QRect
        out = {}
        left = width
        if right:
            left = width - int(round(width * RIGHT_SHARE))
            # both: who taught whom, the taller, gets RIGHT_SPLIT of the height
            h = int(round(height * RIGHT_SPLIT)) if len(right) == 2 else height
            out[right[0]] = R(left, 0, width - left, h)
            if len(right) == 2:
                out[right[1]] = R(left, h, width - left, height - h)
        if set(self.panel_names) & {"foldback", "vanishing"}:
            rest = self._grid_rects(left, height)
        else:
            rest = self._strip_rects(left, height)
        if "predictions" in self.panel_names:
            v = rest["view"]
            ph = min(PREDICTIONS_H, v.height() // 3)
            rest["view"] = R(v.left(), v.top(), v.width(), v.height() - ph)
            rest["predictions"] = R(v.left(), v.top() + v.height() - ph, v.width(), ph)
        out.update(rest)
        return out

    def _strip_rects(self, width: int, height: int) -> dict:
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

    def _grid_rects(self, width: int, height: int) -> dict:
        R = QtCore.QRect
        band = int(round(height * PANEL_SHARE))
        top = height - band
        side = (["vanishing"] if "vanishing" in self.panel_names else []) \
            + (["cost"] if self.include_cost_plot else []) + [f"panel{i}" for i in range(len(self.panels))]
        if "foldback" not in self.panel_names:
            out = {"view": R(0, 0, width, top)}
            parts = side[1:2] + side[:1] + side[2:]          # cost plot first, as without panels
            x = 0
            for i, name in enumerate(parts):
                w = (width - x) // (len(parts) - i)
                out[name] = R(x, top, w, band)
                x += w
            return out
        if not side:
            return {"view": R(0, 0, width, top), "foldback": R(0, top, width, band)}
        main = int(round(width * MAIN_SHARE))
        if len(side) == 1:
            return {"view": R(0, 0, width, top), "foldback": R(0, top, main, band),
                    side[0]: R(main, top, width - main, band)}
        first = int(round(height * SIDE_SHARE))
        out = {"view": R(0, 0, main, top), "foldback": R(0, top, main, band),
               side[0]: R(main, 0, width - main, first)}
        rest = side[1:]
        y = first
        for i, name in enumerate(rest):
            h = (height - y) // (len(rest) - i)
            out[name] = R(main, y, width - main, h)
            y += h
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
        img = QtGui.QImage(width, height, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(1.0)
        img.setDotsPerMeterX(_DPM_96)
        img.setDotsPerMeterY(_DPM_96)
        img.fill(qt_theme.qcolor(self.theme.background))
        p = QtGui.QPainter(img)
        try:
            self.paint(p, session, width, height)
        finally:
            p.end()
        return img

    def paint(self, p: QtGui.QPainter, session, width: int, height: int, part: str | None = None) -> None:
        """Paint the frame of ``session``'s state, ``width x height``, with ``p`` at its top left.

        The one painting code of every picture: a QImage (:meth:`render`), an
        SVG file or a PDF page (:mod:`visualizer.qt.vector_export`).

        Parameters
        ----------
        p : QtGui.QPainter
            Active on any paint device.
        session : Session
        width, height : int
            Size of the frame in pixels (or of the part alone).
        part : str, optional
            Paint only this part of :meth:`layout_rects` (``"view"``, ``"cost"``,
            ``"foldback"``, ``"vanishing"``), laid out at ``width x height``.
        """
        width, height = int(width), int(height)
        self._sync(session)
        if part is not None:
            rects = self.layout_rects(width, height)
            if part not in rects:
                raise ValueError(f"part must be one of {', '.join(rects)}, got {part!r}")
            rects = {part: QtCore.QRect(0, 0, width, height)}
        else:
            rects = self.layout_rects(width, height)
        p.save()
        try:
            p.fillRect(QtCore.QRect(0, 0, width, height), qt_theme.qcolor(self.theme.background))
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            v = rects.get("view")
            if v is not None:
                p.save()
                p.translate(v.topLeft())
                p.setClipRect(QtCore.QRect(0, 0, v.width(), v.height()))
                self.view.paint_to(p, v.width(), v.height())
                p.restore()
            if "cost" in rects and self.cost is not None:
                self._paint_cost(p, rects["cost"])
            for i, w in enumerate(self.panels):
                if f"panel{i}" in rects:
                    self._paint_widget(p, w, rects[f"panel{i}"])
            for name, w in self.insight.items():
                if name in rects:
                    self._paint_widget(p, w, rects[name], self._panel_scale(name, w, rects[name]))
            rule = QtGui.QPen(qt_theme.qcolor(self.theme.grid), max(1.0, self.scale))
            if part is not None:
                pass
            elif self.panel_names:
                p.setPen(rule)
                for name, r in rects.items():           # a rule along each inner edge
                    if r.top() > 0:
                        p.drawLine(r.left(), r.top(), r.right(), r.top())
                    if r.left() > 0:
                        p.drawLine(r.left(), r.top(), r.left(), r.bottom())
            elif len(rects) > 1:
                p.setPen(rule)
                y = v.bottom() + 1
                p.drawLine(0, y, width, y)
        finally:
            p.restore()

    def _paint_cost(self, p: QtGui.QPainter, r: QtCore.QRect) -> None:
        cost = self.cost
        k = self.scale
        p.save()
        p.setClipRect(r)
        p.setFont(_font(round(12 * k)))
        p.setPen(qt_theme.qcolor(self.theme.muted))
        info = cost.info.text() if hasattr(cost, "info") else ""
        info_h = round(_INFO_H * k)
        p.drawText(QtCore.QRectF(r.left() + 8 * k, r.top() + 2 * k, r.width() - 16 * k, info_h),
                   int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter), info)
        plot = getattr(cost, "plot", None)
        target = QtCore.QRectF(r.left(), r.top() + info_h, r.width(), r.height() - info_h)
        if plot is not None and hasattr(plot, "getPlotItem"):
            item = plot.getPlotItem()
            # laid out at 1/scale of the target and drawn enlarged: legend, curves and margins zoom too
            src = QtCore.QRectF(0, 0, math.ceil(target.width() / k), math.ceil(target.height() / k))
            if QtCore.QRectF(item.geometry()) != src:
                item.setGeometry(src)
                item.layout.activate()
            plot.scene().render(p, target, src)
        else:
            p.restore()
            self._paint_widget(p, cost, r)
            return
        p.restore()

    def _panel_scale(self, name: str, w: QtWidgets.QWidget, r: QtCore.QRect) -> float:
        """Scale at which panel ``name`` is drawn into ``r``: at most the zoom, small enough for its plots to fit.

        A pyqtgraph layout does not shrink below its minimum size (axes, labels),
        so a panel too small for it is laid out larger and drawn scaled down.
        The scale only ever decreases for a given panel and rectangle, so an
        animation does not jitter when a label grows by a few pixels.
        """
        key = (name, r.width(), r.height())
        scale = self._scales.get(key, self.scale)
        glw = getattr(w, "glw", None)
        for _ in range(4):
            lw, lh = _logical(r, scale)
            _fit(w, lw, lh)
            min_w, min_h = _PANEL_MIN.get(name, (0, 0))
            need = max(min_w / lw, min_h / lh)
            if glw is not None and glw.width() > 0 and glw.height() > 0:
                mn = glw.ci.layout.minimumSize()
                need = max(need, mn.width() / glw.width(), mn.height() / glw.height())
            if need <= 1.0:
                break
            scale *= 0.995 / need
        self._scales[key] = scale
        return scale

    @staticmethod
    def _paint_widget(p: QtGui.QPainter, w: QtWidgets.QWidget, r: QtCore.QRect, scale: float = 1.0) -> None:
        lw, lh = _logical(r, scale)
        _fit(w, lw, lh)
        p.save()
        p.translate(r.topLeft())
        if scale != 1.0:
            p.setClipRect(QtCore.QRect(0, 0, r.width(), r.height()))
            p.scale(scale, scale)
        w.render(p, QtCore.QPoint(0, 0), QtGui.QRegion(0, 0, lw, lh),
                 QtWidgets.QWidget.RenderFlag.DrawChildren | QtWidgets.QWidget.RenderFlag.DrawWindowBackground)
        p.restore()


def _fit(w: QtWidgets.QWidget, width: int, height: int) -> None:
    """Resize ``w`` and lay its children out now (a hidden widget's layout otherwise waits for a show)."""
    if w.size() != QtCore.QSize(width, height):
        w.resize(width, height)
    lay = w.layout()
    if lay is not None:
        lay.activate()
        lay.setGeometry(QtCore.QRect(0, 0, width, height))


def _logical(r: QtCore.QRect, scale: float) -> tuple[int, int]:
    """Size in widget pixels that covers ``r`` when drawn at ``scale``."""
    if scale == 1.0:
        return r.width(), r.height()
    return int(math.ceil(r.width() / scale)), int(math.ceil(r.height() / scale))
