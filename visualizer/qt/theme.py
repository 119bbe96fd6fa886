"""Applying a theme (light, dark, high-contrast) to Qt: the application palette, pyqtgraph and plots.

The colours themselves live Qt-free in :mod:`visualizer.model.themes`; this
module turns a :class:`~visualizer.model.themes.Theme` into Qt objects:

* :func:`palette` and :func:`apply_to_app`: the application's ``QPalette``
  (Fusion style for the dark and high-contrast looks, so every widget honours
  the palette) and pyqtgraph's default background and foreground for plots
  built later;
* :func:`restyle`: recolours what is already built in a widget tree: every
  pyqtgraph background, axis, label, legend and colour bar, and the palette of
  plain widgets (the panels and the cost plot use it);
* :func:`luts`: the sequential and diverging lookup tables of a theme, the
  diverging one centred on the theme's background (:meth:`Theme.delta_lut`);
* :class:`ThemeController`: the window's current theme, remembered in
  ``QSettings`` under ``view/theme``, with a ``changed`` signal the views and
  panels follow (the ``theme_changed`` hook).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from visualizer.model import themes as T

__all__ = ["qcolor", "palette", "apply_to_app", "restyle", "luts", "ThemeController", "SETTINGS_KEY",
           "current", "set_current"]

#: QSettings key of the remembered theme
SETTINGS_KEY = "view/theme"

_current = T.theme(T.DEFAULT_THEME)
_base_style = None       # the platform style, restored by the light theme
_pg_defaults = None      # pyqtgraph's background and foreground before any theme


def current() -> T.Theme:
    """The theme new views, plots and export canvases are drawn in (the last one applied)."""
    return _current


def set_current(theme) -> T.Theme:
    """Make ``theme`` (a Theme or a name) the one :func:`current` returns; return it."""
    global _current
    _current = T.theme(theme) if isinstance(theme, str) else theme
    return _current


def qcolor(rgb) -> QtGui.QColor:
    """A ``QColor`` of an (r, g, b) or (r, g, b, a) tuple of ints 0..255."""
    return QtGui.QColor(*(int(v) for v in rgb))


def palette(theme: T.Theme) -> QtGui.QPalette:
    """The application palette of ``theme``: windows and entry fields on its background, text in its colours."""
    R = QtGui.QPalette.ColorRole
    G = QtGui.QPalette.ColorGroup
    bg, fg, muted = qcolor(theme.background), qcolor(theme.foreground), qcolor(theme.muted)
    if theme.dark:
        base = bg.lighter(125)
        button = bg.lighter(140)
    else:
        base = bg
        button = qcolor((240, 240, 240)) if theme.name == "light" else bg
    pal = QtGui.QPalette()
    for group in (G.Active, G.Inactive):
        for role, col in ((R.Window, bg), (R.WindowText, fg), (R.Base, base),
                          (R.AlternateBase, base.darker(110) if not theme.dark else base.lighter(115)),
                          (R.Text, fg), (R.Button, button), (R.ButtonText, fg),
                          (R.ToolTipBase, base), (R.ToolTipText, fg), (R.BrightText, qcolor(theme.warning)),
                          (R.Highlight, qcolor(theme.highlight)),
                          (R.HighlightedText, qcolor((0, 0, 0)) if theme.dark else qcolor((255, 255, 255))),
                          (R.PlaceholderText, muted), (R.Link, qcolor(theme.forward)),
                          (R.Mid, qcolor(theme.grid)), (R.Dark, qcolor(theme.grid).darker(130)),
                          (R.Light, button.lighter(120)), (R.Midlight, button.lighter(110)),
                          (R.Shadow, qcolor((0, 0, 0)))):
            pal.setColor(group, role, col)
    # disabled text is muted, still readable (the muted colours meet AA in every theme)
    for role, col in ((R.Window, bg), (R.Base, base), (R.Button, button), (R.WindowText, muted),
                      (R.Text, muted), (R.ButtonText, muted), (R.Highlight, qcolor(theme.grid)),
                      (R.HighlightedText, fg), (R.PlaceholderText, muted)):
        pal.setColor(G.Disabled, role, col)
    return pal


def apply_to_app(theme, app: QtWidgets.QApplication | None = None) -> T.Theme:
    """Apply ``theme`` (a Theme or a name) to the application and to pyqtgraph's defaults.

    Returns
    -------
    Theme
        The theme applied (also :func:`current` from now on).
    """
    global _base_style
    th = set_current(theme)
    app = app or QtWidgets.QApplication.instance()
    global _pg_defaults
    if _pg_defaults is None:
        _pg_defaults = {k: pg.getConfigOption(k) for k in ("background", "foreground")}
    if th.name == T.DEFAULT_THEME:          # today's look: pyqtgraph's own defaults
        pg.setConfigOptions(**_pg_defaults)
    else:
        pg.setConfigOptions(background=qcolor(th.background), foreground=qcolor(th.foreground))
    if app is None:
        return th
    if _base_style is None:
        _base_style = app.style().name()
    # the platform style may ignore a palette (macOS, Windows 11): Fusion honours it
    want = _base_style if th.name == T.DEFAULT_THEME else "fusion"
    if app.style().name().lower() != want.lower():
        app.setStyle(want)
    # the light theme is today's look: the platform's own palette
    app.setPalette(app.style().standardPalette() if th.name == T.DEFAULT_THEME else palette(th))
    return th


@lru_cache(maxsize=None)
def luts(name: str, n: int = T.LUT_SIZE) -> tuple:
    """``(sequential, diverging)`` lookup tables of the theme ``name``, each ``(n, 4)`` uint8 RGBA, read-only.

    The sequential table is the theme's map for activations; the diverging one
    runs through the theme's background at zero (so zero looks like "nothing"
    on a dark background too).
    """
    th = T.theme(name)
    seq = np.asarray(pg.colormap.get(th.sequential, skipCache=True).getLookupTable(nPts=n, alpha=True),
                     dtype=np.uint8)
    seq.setflags(write=False)
    return seq, th.delta_lut(n)


def diverging_colormap(theme: T.Theme) -> pg.ColorMap:
    """A pyqtgraph ``ColorMap`` of the theme's diverging δ map (for colour bars and heat maps)."""
    lut = theme.delta_lut(T.LUT_SIZE)
    return pg.ColorMap(np.linspace(0.0, 1.0, len(lut)), lut)


# -- restyling what is built ---------------------------------------------------------------

def _is_diverging(cmap) -> bool:
    """Whether a ColorMap is a diverging map around a light centre (CET-D1 or a theme's δ map)."""
    try:
        lut = np.asarray(cmap.getLookupTable(nPts=9, alpha=False), dtype=float)
    except Exception:       # noqa: BLE001 - a map of another kind: leave it
        return False
    ends = T.lightness(lut[[0, -1]])
    mid = T.lightness(lut[4])
    # both ends darker (light themes) or lighter (dark theme) than the middle: a diverging map
    return bool((mid > ends).all() or (mid < ends).all()) and abs(float(ends[0] - ends[1])) < 35


def _centred_on(cmap, th: T.Theme) -> bool:
    """Whether a diverging map's middle colour is the theme's background (it is the theme's map)."""
    mid = np.asarray(cmap.getLookupTable(nPts=T.LUT_SIZE, alpha=False), dtype=int)[T.LUT_SIZE // 2, :3]
    return bool(np.abs(mid - np.asarray(th.background)).max() <= 2)


def _restyle_item(item, th: T.Theme) -> None:
    fg, muted, grid = qcolor(th.foreground), qcolor(th.muted), qcolor(th.grid)
    if isinstance(item, pg.AxisItem):
        item.setPen(pg.mkPen(muted))
        item.setTextPen(pg.mkPen(fg))
        if item.label is not None and getattr(item, "labelText", ""):
            style = dict(getattr(item, "labelStyle", {}) or {})
            style["color"] = th.hex("foreground")
            item.labelStyle = style
            item._updateLabel()
    elif isinstance(item, pg.LegendItem):
        item.setLabelTextColor(fg)
        item.setBrush(pg.mkBrush(*th.background, 215))
        item.setPen(pg.mkPen(grid))
    elif isinstance(item, pg.LabelItem):
        if item.opts.get("color") != th.hex("foreground"):
            item.opts["color"] = th.hex("foreground")
            item.setText(item.text)
    elif isinstance(item, pg.TextItem):
        item.setColor(fg)
    elif isinstance(item, pg.ColorBarItem):
        cmap = item.colorMap()
        if cmap is not None and _is_diverging(cmap) and not _centred_on(cmap, th):
            item.setColorMap(diverging_colormap(th))
    elif isinstance(item, pg.ImageItem):
        lut = getattr(item, "lut", None)
        if isinstance(lut, np.ndarray) and lut.ndim == 2 and len(lut) >= 9:
            cm = pg.ColorMap(np.linspace(0, 1, len(lut)), np.asarray(lut)[:, :3])
            if _is_diverging(cm) and not _centred_on(cm, th):
                item.setLookupTable(th.delta_lut(len(lut))[:, :lut.shape[1]])


def restyle(widget: QtWidgets.QWidget, theme=None) -> None:
    """Recolour everything already built under ``widget`` for ``theme`` (default: :func:`current`).

    pyqtgraph views get the theme's background; axes, labels, legends and
    text items its text colours; colour bars and images that use a diverging
    map get the theme's δ map (centred on its background). Plain Qt widgets
    get the theme's palette (the application palette reaches them too; a
    panel drawn off-screen for an export has none). Data curves keep their
    colours. Call it again after a panel rebuilds its plots.
    """
    th = current() if theme is None else (T.theme(theme) if isinstance(theme, str) else theme)
    widgets = [widget] + widget.findChildren(QtWidgets.QWidget)
    pal = palette(th)
    for w in widgets:
        if isinstance(w, pg.GraphicsView):
            w.setBackground(qcolor(th.background))
            for it in w.scene().items():
                _restyle_item(it, th)
        else:
            w.setPalette(pal)
            sheet = w.styleSheet()
            # a panel that fixed its text colours in a style sheet (the inspector's white page)
            if sheet and ("background: white" in sheet or w.property("themedSheet")):
                if not w.property("themedSheet"):
                    w.setProperty("themedSheet", sheet)
                w.setStyleSheet(f"QLabel {{ background: {th.hex('background')}; "
                                f"color: {th.hex('foreground')}; }}")


class ThemeController(QtCore.QObject):
    """The window's theme: set, remembered between runs, announced to the views and panels.

    Signals
    -------
    changed(object)
        The new :class:`~visualizer.model.themes.Theme`, after the application
        palette has been set.
    """

    changed = Signal(object)

    def __init__(self, parent=None, name: str | None = None, remember: bool = True):
        super().__init__(parent)
        self._remember = remember
        if name is None and remember:
            stored = QtCore.QSettings().value(SETTINGS_KEY)
            name = stored if isinstance(stored, str) and stored in T.THEMES else None
        self._theme = T.theme(name or current().name)

    @property
    def theme(self) -> T.Theme:
        return self._theme

    @property
    def name(self) -> str:
        return self._theme.name

    def apply(self) -> None:
        """Apply the current theme to the application and tell the followers."""
        apply_to_app(self._theme)
        self.changed.emit(self._theme)

    def set_theme(self, name: str, remember: bool = True) -> None:
        """Switch to the theme ``name`` (one of :data:`~visualizer.model.themes.THEMES`).

        Parameters
        ----------
        name : str
        remember : bool
            Keep it for the next run (False: the command line's ``--theme``, this run only).

        Raises
        ------
        ValueError
            For an unknown name.
        """
        th = T.theme(name)
        self._theme = th
        if self._remember and remember:
            QtCore.QSettings().setValue(SETTINGS_KEY, th.name)
        self.apply()
