"""The interface zoom (75 % to 300 %): the application font, and a scale the views and plots read.

Ctrl+= / Ctrl+− step through :data:`visualizer.model.themes.ZOOM_LEVELS` and
Ctrl+0 goes back to 100 %. :class:`ZoomController` scales the application
font (every menu, dock, label and panel follows Qt's layouts) and announces
the factor; the unfolded view scales its node size, its fonts and its line
widths by it, and pyqtgraph plots their axis fonts (:func:`scale_plots`). The
factor is remembered in ``QSettings`` under ``view/zoom``. Exported frames have
their own scale (``rnn-unfold export --scale``), independent of the window's.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from visualizer.model import themes as T

__all__ = ["ZoomController", "SETTINGS_KEY", "scale_plots", "scaled_font"]

#: QSettings key of the remembered zoom factor
SETTINGS_KEY = "view/zoom"
#: pixel size of pyqtgraph's axis tick labels at 100 %
AXIS_FONT_PX = 11


def scaled_font(base: QtGui.QFont, factor: float) -> QtGui.QFont:
    """``base`` with its size multiplied by ``factor`` (point or pixel size, whichever it has)."""
    f = QtGui.QFont(base)
    if base.pointSizeF() > 0:
        f.setPointSizeF(base.pointSizeF() * factor)
    elif base.pixelSize() > 0:
        f.setPixelSize(max(1, round(base.pixelSize() * factor)))
    return f


def _points(size, default: float = 9.0) -> float:
    try:
        return float(str(size).lower().replace("pt", "").strip()) if size else default
    except ValueError:
        return default


def scale_plots(widget: QtWidgets.QWidget, factor: float) -> None:
    """Scale the axis tick fonts, axis titles and text labels of every pyqtgraph plot under ``widget``.

    The sizes a plot was built with are kept on the items (``_zoom_base``), so
    zooming back gives them back exactly.
    """
    font = QtGui.QFont()
    font.setPixelSize(max(6, round(AXIS_FONT_PX * factor)))
    for gv in [widget] + widget.findChildren(QtWidgets.QWidget):
        if not isinstance(gv, pg.GraphicsView):
            continue
        for it in gv.scene().items():
            if isinstance(it, pg.AxisItem):
                it.setStyle(tickFont=font, tickTextOffset=max(2, round(3 * factor)),
                            tickLength=round(-5 * factor))
                style = dict(getattr(it, "labelStyle", {}) or {})
                base = getattr(it, "_zoom_base", None) or _points(style.get("font-size"), 9.0)
                it._zoom_base = base
                style["font-size"] = f"{base * factor:.1f}pt"
                it.labelStyle = style
                if it.label is not None and getattr(it, "labelText", ""):
                    it._updateLabel()
            elif isinstance(it, pg.LabelItem):
                base = getattr(it, "_zoom_base", None) or _points(it.opts.get("size"), 9.0)
                it._zoom_base = base
                it.opts["size"] = f"{base * factor:.1f}pt"
                it.setText(it.text)


class ZoomController(QtCore.QObject):
    """Zoom of the whole interface.

    Parameters
    ----------
    app : QApplication, optional
        Whose font is scaled (default: the running one).
    remember : bool
        Read and write the factor in ``QSettings``.

    Signals
    -------
    changed(float)
        The new factor (1.0 = 100 %), after the application font changed.
    """

    changed = Signal(float)

    def __init__(self, app=None, remember: bool = True, parent=None):
        super().__init__(parent)
        self._app = app or QtWidgets.QApplication.instance()
        self._base_font = QtGui.QFont(self._app.font()) if self._app is not None else QtGui.QFont()
        self._remember = remember
        factor = 1.0
        if remember:
            try:
                factor = float(QtCore.QSettings().value(SETTINGS_KEY, 1.0))
            except (TypeError, ValueError):
                factor = 1.0
        self._factor = T.clamp_zoom(factor)

    @property
    def factor(self) -> float:
        """The zoom factor, within :data:`~visualizer.model.themes.ZOOM_LIMITS`."""
        return self._factor

    @property
    def percent(self) -> int:
        return int(round(100 * self._factor))

    def apply(self) -> None:
        """Set the application font for the current factor and announce it."""
        if self._app is not None:
            self._app.setFont(scaled_font(self._base_font, self._factor))
        self.changed.emit(self._factor)

    def set_factor(self, factor: float) -> float:
        """Zoom to ``factor`` (clamped to 75 %..300 %); returns the factor set."""
        self._factor = T.clamp_zoom(factor)
        if self._remember:
            QtCore.QSettings().setValue(SETTINGS_KEY, self._factor)
        self.apply()
        return self._factor

    def zoom_in(self) -> float:
        """One level up (Ctrl+=)."""
        return self.set_factor(T.zoom_in(self._factor))

    def zoom_out(self) -> float:
        """One level down (Ctrl+−)."""
        return self.set_factor(T.zoom_out(self._factor))

    def reset(self) -> float:
        """Back to 100 % (Ctrl+0)."""
        return self.set_factor(1.0)
