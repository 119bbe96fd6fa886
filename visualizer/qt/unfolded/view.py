"""The unfolded view: an Elman network drawn over T copies.

Layout (view coordinates, y grows upwards)::

    y(t)  o   o   o        one column per copy c = 0 .. T-1 at x = c;
    s(t) o-> o-> o->       s(0) alone at x = -1;
    x(t)  o   o   o        inside a column x(t) sits a little left of s(t),
                           y(t) a little right, so V and W fan out visibly.

V edges rise from x(c) to s(c), W edges from s(c) to y(c), U edges run from
s(c-1) to s(c).  Node fill shows the activation, node outline the δ; edges
show whatever the frame says (signal, error, share or weight) on a diverging
map centred on zero.

Drawing is built for speed (see DESIGN.md, "Drawing fast"):

* all edge endpoints live in one ``(E, 4)`` float64 array built by
  :meth:`UnfoldedView.set_structure`;
* :meth:`UnfoldedView.set_frame` bins the edge values into 64 colour bins,
  sorts the visible edges by bin (weakest first, so strong edges lie on top)
  with one numpy ``argsort`` and keeps, per bin, an offset and a count;
* :class:`_EdgeItem` paints each bin with a single
  ``QPainter.drawLines(const QLineF *, int)`` call straight from the numpy
  buffer (no Python object per edge) and one cosmetic width-1 pen per bin;
* nodes are one ``pg.ScatterPlotItem(pxMode=True)`` whose brushes and pens
  come from lists built once per lookup-table entry.
"""
from __future__ import annotations

import math
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from visualizer.model import themes
from visualizer.qt import colormaps as cm
from visualizer.model.explain import EDGE_MODE_TEXT, fmt
from visualizer.model.view_frame import ViewFrame
from visualizer.qt import theme as qt_theme

__all__ = ["UnfoldedView"]

#: horizontal offset of each layer's stack inside its column (column width 1)
LAYER_OFFSET = {"x": -0.28, "s": 0.0, "y": 0.28}
#: number of colour bins of the edges
N_EDGE_BINS = 64
#: pixel margins of the network inside the view box (left, right, bottom, top); the left one
#: grows with the row labels (see UnfoldedView._left_margin)
MARGINS = (78, 14, 40, 30)
#: narrowest column (one copy) in pixels before the view scrolls sideways instead
MIN_COLUMN_PX = 64
#: longest row label in pixels: longer unit names are abbreviated with "…" (whole in the tooltip)
ROW_LABEL_PX = 64

# colours come from the theme (visualizer.model.themes, drawn through visualizer.qt.theme)
#: the mark of the selected node or edge (distinct from the active layer's orange)
SELECTION_COLOR = QtGui.QColor(150, 0, 190)
_QLINEF_BYTES = 32  # four float64
_translate = QtCore.QCoreApplication.translate


def _font(px: int, bold: bool = False) -> QtGui.QFont:
    f = QtGui.QFont()
    f.setPixelSize(int(px))
    f.setBold(bold)
    return f


def ui_font_px() -> int:
    """The pixel size of the application's UI font (the least size of the view's labels)."""
    app = QtWidgets.QApplication.instance()
    font = app.font() if app is not None else QtGui.QFont()
    return max(int(QtGui.QFontInfo(font).pixelSize()), 9)


def _qcolor(rgba) -> QtGui.QColor:
    r, g, b, a = (int(v) for v in rgba)
    return QtGui.QColor(r, g, b, a)


def _tick(v: float) -> str:
    """A colour bar's tick: the floor of an all-zero scale (±1e−12) reads as zero."""
    return fmt(0.0 if abs(v) <= 1e-12 else v, 3)


def _lut_image(lut: np.ndarray) -> QtGui.QImage:
    """A 1-pixel-wide QImage, high values at the top."""
    arr = np.ascontiguousarray(lut[::-1].reshape(len(lut), 1, 4))
    img = QtGui.QImage(arr.data, 1, len(lut), 4, QtGui.QImage.Format.Format_RGBA8888)
    return img.copy()


#: colour levels of node fills and outlines: the scatter item renders one symbol per
#: (fill, outline) pair it meets, so 256 × 256 levels would keep filling its atlas
NODE_LEVELS = 64


def _node_level(idx: np.ndarray) -> np.ndarray:
    """LUT indices snapped to the middle of one of :data:`NODE_LEVELS` levels."""
    q = cm.LUT_SIZE // NODE_LEVELS
    mid = cm.LUT_SIZE // 2
    # zero keeps the table's exact centre (the theme's background), not the middle of a level
    return np.where((idx == mid) | (idx == mid - 1), idx, (idx // q) * q + q // 2)


# --------------------------------------------------------------------------
# graphics items
# --------------------------------------------------------------------------
class _EdgeItem(pg.GraphicsObject):
    """All edges; one drawLines call per colour bin."""

    def __init__(self):
        super().__init__()
        self._rect = QtCore.QRectF(0, 0, 1, 1)
        self._lines = np.zeros((0, 4))
        self._groups = []  # (pen, offset, count) in paint order
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresParentOpacity, True)

    def set_bounds(self, rect: QtCore.QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = QtCore.QRectF(rect)

    def set_lines(self, lines: np.ndarray, groups) -> None:
        # paint hands Qt raw pointers into this buffer: it must be float64 (QLineF's layout),
        # contiguous, and hold every line a group names, or Qt reads past its end
        lines = np.ascontiguousarray(lines, dtype=np.float64).reshape(-1, 4)
        groups = [(pen, int(off), int(n)) for pen, off, n in groups
                  if n > 0 and 0 <= off and off + n <= len(lines)]
        self._lines = lines
        self._groups = groups
        self.update()

    def boundingRect(self):
        return self._rect

    def paint(self, p, *args):
        if not self._groups:
            return
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        base = self._lines.ctypes.data
        for pen, off, n in self._groups:
            p.setPen(pen)
            p.drawLines(shiboken6.wrapInstance(base + off * _QLINEF_BYTES, QtCore.QLineF), n)


class _PaintDelegate(pg.GraphicsObject):
    """An item whose paint is a callback of the view (highlight / overlay)."""

    def __init__(self, painter_fn):
        super().__init__()
        self._fn = painter_fn

    def boundingRect(self):
        return QtCore.QRectF(-1e6, -1e6, 2e6, 2e6)

    def paint(self, p, *args):
        self._fn(p)


class _TextBar(pg.GraphicsWidget):
    """Lines of text with pixel-sized fonts (independent of the screen DPI)."""

    def __init__(self, height: int):
        super().__init__()
        self._parts = []  # (text, font, color, align, row)
        self.scale = 1.0
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                           QtWidgets.QSizePolicy.Policy.Fixed)

    def set_height(self, height: int) -> None:
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)

    def set_parts(self, parts) -> None:
        if parts != self._parts:
            self._parts = parts
            self.update()

    def paint(self, p, *args):
        r = self.boundingRect()
        p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        for text, font, color, align, row, nrows in self._parts:
            h = r.height() / nrows
            pad = 6 * self.scale
            rr = QtCore.QRectF(r.left() + pad, r.top() + row * h, r.width() - 2 * pad, h)
            p.setFont(font)
            p.setPen(color)
            fm = QtGui.QFontMetrics(font)
            p.drawText(rr, int(align | QtCore.Qt.AlignmentFlag.AlignVCenter),
                       fm.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, int(rr.width())))


class _ColorBars(pg.GraphicsWidget):
    """Vertical colour bars, each with a two-line title and numeric ticks (:func:`fmt`).

    Each bar's slot is as wide as its widest title or tick, so a long number (an exponent
    after divergence) is never cut. The width only grows until :meth:`reset_width` (a new
    structure), and ``reserve`` empty slots keep room for a bar still to come (the δ outline
    appears with BPTT), so the network beside the bars does not jump sideways.
    """

    BAR_W = 14
    SLOT_W = 74
    PAD = 8

    def __init__(self):
        super().__init__()
        self._bars = []  # (title1, title2, lo, hi, diverging)
        self._slots = []  # x offset and width of each bar
        self._images = {}
        self.theme = qt_theme.current()
        self.scale = 1.0
        self._width = 0
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Fixed,
                           QtWidgets.QSizePolicy.Policy.Expanding)
        self._set_width(self.SLOT_W + 6)

    def set_style(self, theme, scale: float) -> None:
        """Draw in ``theme``'s colours at ``scale`` (fonts, bar and slot widths)."""
        self.theme, self.scale = theme, float(scale)
        self._images = {}
        bars, self._bars = self._bars, []
        self._width = 0
        self._set_width((self.SLOT_W + 6) * self.scale)
        self.set_bars(bars)                  # the slots measured again at the new scale
        self.update()

    @staticmethod
    def ticks(lo, hi, diverging):
        """The three tick texts (top, middle, bottom); "—" ends while a scale has no values."""
        mid = 0.0 if diverging else 0.5 * (lo + hi)
        if max(abs(lo), abs(hi)) <= 1e-12:
            return ("\u2014", _tick(0.0), "\u2014")
        return (_tick(hi), _tick(mid), _tick(lo))

    def _set_width(self, w):
        w = int(math.ceil(w))
        if w != self._width:
            self._width = w
            self.setMinimumWidth(w)
            self.setMaximumWidth(w)

    def reset_width(self) -> None:
        """Let the width shrink again (a new network)."""
        self._width = 0
        self._set_width(self.SLOT_W + 6)
        self._bars = []

    def slot_width(self, bar) -> float:
        """Pixels a bar needs: its titles, or the bar plus its widest tick."""
        t1, t2, lo, hi, dv = bar
        k = self.scale
        ft = QtGui.QFontMetricsF(_font(round(12 * k), True))
        fk = QtGui.QFontMetricsF(_font(round(11 * k)))
        widest_tick = max(fk.horizontalAdvance(t) for t in self.ticks(lo, hi, dv))
        return max(ft.horizontalAdvance(t1), ft.horizontalAdvance(t2),
                   (self.BAR_W + 6) * k + widest_tick, (self.SLOT_W - self.PAD) * k) + self.PAD * k

    def set_bars(self, bars, reserve: int = 0) -> None:
        """Show ``bars`` (title1, title2, lo, hi, diverging) with room for ``reserve`` more."""
        if bars == self._bars:
            return
        self._bars = bars
        x, self._slots = 0.0, []
        for bar in bars:
            w = self.slot_width(bar)
            self._slots.append((x, w))
            x += w
        self._set_width(max(self._width, x + (reserve * self.SLOT_W + 6) * self.scale))
        self.update()

    def _image(self, diverging):
        if diverging not in self._images:
            seq, div = qt_theme.luts(self.theme.name)
            self._images[diverging] = _lut_image(div if diverging else seq)
        return self._images[diverging]

    def paint(self, p, *args):
        r = self.boundingRect()
        k = self.scale
        text, muted = qt_theme.qcolor(self.theme.colorbar_text), qt_theme.qcolor(self.theme.muted)
        f_title = _font(round(12 * k), True)
        f_tick = _font(round(11 * k))
        fm = QtGui.QFontMetrics(f_tick)
        bar_w = self.BAR_W * k
        top = r.top() + 36 * k
        bot = r.bottom() - 10 * k
        if bot - top < 20:
            return
        for (t1, t2, lo, hi, diverging), (off, w) in zip(self._bars, self._slots):
            x0 = r.left() + 4 * k + off
            p.setPen(text)
            p.setFont(f_title)
            p.drawText(QtCore.QRectF(x0, r.top() + 2 * k, w, 16 * k),
                       int(QtCore.Qt.AlignmentFlag.AlignLeft), t1)
            p.drawText(QtCore.QRectF(x0, r.top() + 17 * k, w, 16 * k),
                       int(QtCore.Qt.AlignmentFlag.AlignLeft), t2)
            bar = QtCore.QRectF(x0, top, bar_w, bot - top)
            p.drawImage(bar, self._image(diverging))
            p.setPen(QtGui.QPen(muted, max(1.0, k)))
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.drawRect(bar)
            p.setFont(f_tick)
            for label, yy in zip(self.ticks(lo, hi, diverging), (top, 0.5 * (top + bot), bot)):
                p.setPen(QtGui.QPen(text, max(1.0, k)))
                p.drawLine(QtCore.QPointF(x0 + bar_w, yy), QtCore.QPointF(x0 + bar_w + 4 * k, yy))
                ty = min(max(yy + fm.ascent() / 2 - 1, top + fm.ascent() - 2), bot + 2 * k)
                p.drawText(QtCore.QPointF(x0 + bar_w + 6 * k, ty), label)


# --------------------------------------------------------------------------
# the widget
# --------------------------------------------------------------------------
class UnfoldedView(QtWidgets.QWidget):
    """An Elman network unfolded over T copies, coloured by a :class:`ViewFrame`.

    Signals
    -------
    nodeHovered(str, int, int)
        ``(layer, column, unit)`` with layer ``'x' | 's' | 'y'`` and column
        ``-1`` for s(0); emitted when the node under the mouse changes.
    edgeHovered(str, int, int, int)
        ``(matrix, column, row, col)``: matrix ``'V' | 'U' | 'W'``, row is the
        to-unit, col the from-unit (``edge_U[c, j, h]`` is ``('U', c, j, h)``).
    nodeClicked, edgeClicked, edgeDoubleClicked
        Same arguments, on a click / double click.
    selectionChanged(object)
        The new :attr:`selection` (None when cleared, e.g. by Escape or a
        click on empty space).

    Attributes
    ----------
    lod_max_edges : int
        Above this many visible edges only the strongest (by |value|) are
        drawn and the view says so ("showing strongest K of E edges").
    hit_radius_px : float
        Distance in pixels within which an edge counts as hovered.
    """

    nodeHovered = Signal(str, int, int)
    edgeHovered = Signal(str, int, int, int)
    nodeClicked = Signal(str, int, int)
    edgeClicked = Signal(str, int, int, int)
    edgeDoubleClicked = Signal(str, int, int, int)
    selectionChanged = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lod_max_edges = 60000
        self.hit_radius_px = 4.0
        self._shape = None  # (N, M, O, T)
        self._frame = None
        self._tooltip_fn = None
        self._hover = None  # ('node', layer, c, u) or ('edge', m, c, r, k)
        self._hover_global = None
        self._selection = None  # as hit_test, or ('weight', m, row, col): every copy
        self._autofit = True
        self._node_px = 8.0
        self._node_size_dirty = True
        self._lod_message = ""
        self._n_drawn = 0
        self._vis_ids = np.zeros(0, dtype=np.int64)
        self._lines = np.zeros((0, 4))
        self._edge_range = 1e-12
        self._theme = qt_theme.current()
        self._scale = 1.0
        self._highlights = ()

        self._build_styles()

        self._glw = pg.GraphicsLayoutWidget()
        self._glw.setBackground(qt_theme.qcolor(self._theme.background))
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self._glw)
        self._hscroll = 1.0     # 0 = the first copies, 1 = the last (where errors enter)
        self._rendering = False
        self._hbar = QtWidgets.QScrollBar(QtCore.Qt.Orientation.Horizontal)
        self._hbar.setObjectName("columnScrollBar")
        self._hbar.setToolTip(self.tr("More copies than fit at a readable size: scroll sideways"))
        self._hbar.hide()
        self._hbar.valueChanged.connect(self._on_hbar)
        lay.addWidget(self._hbar)

        ci = self._glw.ci
        ci.layout.setContentsMargins(4, 2, 4, 2)
        ci.layout.setSpacing(2)
        self._header = _TextBar(42)
        self._footer = _TextBar(22)
        self._bars = _ColorBars()
        self._vb = pg.ViewBox(enableMenu=False, lockAspect=False, invertY=False)
        self._vb.disableAutoRange()
        ci.addItem(self._header, row=0, col=0, colspan=2)
        ci.addItem(self._vb, row=1, col=0)
        ci.addItem(self._bars, row=1, col=1)
        ci.addItem(self._footer, row=2, col=0, colspan=2)

        self._back = _PaintDelegate(self._paint_back)
        self._back.setZValue(-10)
        self._edges = _EdgeItem()
        self._edges.setZValue(0)
        self._nodes = pg.ScatterPlotItem(pxMode=True, symbol="o", size=self._node_px,
                                         antialias=True, hoverable=False)
        self._nodes.setZValue(10)
        self._over = _PaintDelegate(self._paint_overlay)
        self._over.setZValue(20)
        for it in (self._back, self._edges, self._nodes, self._over):
            self._vb.addItem(it, ignoreBounds=True)

        self._vb.sigResized.connect(self._on_resized)
        self._vb.sigRangeChanged.connect(self._on_range_changed)
        self._vb.sigRangeChangedManually.connect(self._on_manual_range)
        scene = self._glw.scene()
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        scene.sigPrepareForPaint.connect(self._prepare_for_paint)
        self._glw.viewport().installEventFilter(self)

    # ------------------------------------------------------------------ styles
    def _build_styles(self):
        n = cm.LUT_SIZE
        th, k = self._theme, self._scale
        # the theme's maps: the diverging one is centred on the theme's background
        seq, div = qt_theme.luts(th.name, n)
        # brush table: [0, n) sequential, [n, 2n) diverging, 2n = not revealed
        brushes = [QtGui.QBrush(_qcolor(c)) for c in seq] + [QtGui.QBrush(_qcolor(c)) for c in div]
        brushes.append(QtGui.QBrush(qt_theme.qcolor(th.unrevealed_fill)))
        self._brush_table = np.empty(len(brushes), dtype=object)
        self._brush_table[:] = brushes
        self._BRUSH_NAN = 2 * n
        # pen table: [0, n) δ outline (diverging), n = plain, n + 1 = not revealed
        pens = []
        for c in div:
            pen = QtGui.QPen(_qcolor(c), 3.2 * k)
            pen.setCosmetic(True)
            pens.append(pen)
        plain = QtGui.QPen(qt_theme.qcolor(th.node_outline), 1.0 * k)
        plain.setCosmetic(True)
        nan_pen = QtGui.QPen(qt_theme.qcolor(th.unrevealed), 1.2 * k)
        nan_pen.setCosmetic(True)
        pens += [plain, nan_pen]
        self._pen_table = np.empty(len(pens), dtype=object)
        self._pen_table[:] = pens
        self._PEN_PLAIN, self._PEN_NAN = n, n + 1
        # edge pens, one per bin, painted by increasing |value|
        nb = N_EDGE_BINS
        lut_pos = np.rint(np.arange(nb) * (n - 1) / (nb - 1)).astype(int)
        self._bin_pens = []
        for i in range(nb):
            # width 0 is Qt's one-pixel cosmetic line; zoomed in, lines widen with the fonts
            pen = QtGui.QPen(_qcolor(div[lut_pos[i]]), 0 if k <= 1.0 else k)
            pen.setCosmetic(True)
            self._bin_pens.append(pen)
        self._bin_color = div[lut_pos]
        dist = np.abs(np.arange(nb) - (nb - 1) / 2)
        self._rank_to_bin = np.argsort(dist, kind="stable")
        self._bin_rank = np.empty(nb, dtype=np.uint8)
        self._bin_rank[self._rank_to_bin] = np.arange(nb, dtype=np.uint8)

    # ------------------------------------------------------------ theme, zoom
    @property
    def theme(self) -> "themes.Theme":
        """The theme the view draws in."""
        return self._theme

    @property
    def scale(self) -> float:
        """The zoom factor of fonts, nodes, line widths and margins (1.0 = 100 %)."""
        return self._scale

    def set_style(self, theme=None, scale: float | None = None) -> None:
        """Draw in ``theme`` (a Theme or its name) at zoom ``scale``; None keeps the current one.

        Parameters
        ----------
        theme : Theme or str, optional
            One of :data:`visualizer.model.themes.THEMES`.
        scale : float, optional
            Zoom factor, clamped to :data:`visualizer.model.themes.ZOOM_LIMITS`.
        """
        if theme is not None:
            self._theme = themes.theme(theme) if isinstance(theme, str) else theme
        if scale is not None:
            self._scale = themes.clamp_zoom(scale)
        k = self._scale
        self._build_styles()
        self._glw.setBackground(qt_theme.qcolor(self._theme.background))
        self._header.scale = self._footer.scale = k
        self._header.set_height(round(42 * k))
        self._footer.set_height(round(22 * k))
        # the colour bars grow at half the zoom's rate: four of them would otherwise take
        # half of a zoomed view's width from the network (their labels still grow: 150 % at 200 %)
        self._bars.set_style(self._theme, 1.0 + 0.5 * (k - 1.0) if k > 1.0 else k)
        self._glw.ci.layout.setContentsMargins(4 * k, 2 * k, 4 * k, 2 * k)
        self._node_px = 0.0
        self._node_size_dirty = True
        if self._frame is not None:
            self.set_frame(self._frame)
        if self._autofit:
            self._fit()
        self._glw.scene().update()

    def set_highlights(self, items) -> None:
        """Point at nodes, edges, copies or error sources (a lesson's ``highlight``), in window columns.

        Parameters
        ----------
        items : sequence of tuple
            ``("node", layer, c, unit)``, ``("edge", matrix, c, row, col)``,
            ``("copy", c)`` or ``("source", c)``, with c the column of the drawn
            window (−1: the s(0) column); items outside the window are skipped.
        """
        self._highlights = tuple(tuple(h) for h in items)
        self._over.update()

    @property
    def highlights(self) -> tuple:
        """What :meth:`set_highlights` points at."""
        return self._highlights

    # --------------------------------------------------------------- structure
    def set_structure(self, N: int, M: int, O: int, T: int) -> None:
        """Rebuild the geometry for a network of the given sizes.

        Computes node positions and the endpoint array of every edge; call it
        only when the structure changes (it is not needed per frame).

        Parameters
        ----------
        N, M, O : int
            Sizes of the input x(t), hidden s(t) and output y(t) layers.
        T : int
            Number of copies (columns) drawn.
        """
        N, M, O, T = (int(v) for v in (N, M, O, T))
        if min(N, M, O, T) < 1:
            raise ValueError(f"sizes must be >= 1, got N={N}, M={M}, O={O}, T={T}")
        self._shape = (N, M, O, T)
        big = max(N, M, O)
        # per-layer pitch: small layers are spread so they are not dwarfed
        pitch = {L: max(1.0, 0.2 * big / n) for L, n in (("x", N), ("s", M), ("y", O))}
        gap = max(3.0, 0.16 * (N * pitch["x"] + M * pitch["s"] + O * pitch["y"]))
        yx = np.arange(N) * pitch["x"]
        ys0 = yx[-1] + gap
        ys = ys0 + np.arange(M) * pitch["s"]
        yy0 = ys[-1] + gap
        yy = yy0 + np.arange(O) * pitch["y"]
        self._pitch = pitch
        self._gap = gap
        self._ypos = {"x": yx, "s": ys, "y": yy}
        self._band = {L: (a[0], a[-1]) for L, a in self._ypos.items()}
        ox, os_, oy = LAYER_OFFSET["x"], LAYER_OFFSET["s"], LAYER_OFFSET["y"]
        cols = np.arange(T, dtype=np.float64)

        # nodes: [x (T, N)] [s (T + 1, M), s[0] at column -1] [y (T, O)]
        nx = np.stack(np.broadcast_arrays(cols[:, None] + ox, yx[None, :]), -1).reshape(-1, 2)
        scol = np.arange(-1, T, dtype=np.float64)
        ns = np.stack(np.broadcast_arrays(scol[:, None] + os_, ys[None, :]), -1).reshape(-1, 2)
        ny = np.stack(np.broadcast_arrays(cols[:, None] + oy, yy[None, :]), -1).reshape(-1, 2)
        self._node_xy = np.concatenate([nx, ns, ny])
        self._node_layer = np.concatenate([np.zeros(T * N, np.int8), np.ones((T + 1) * M, np.int8),
                                           np.full(T * O, 2, np.int8)])
        self._node_col = np.concatenate([np.repeat(np.arange(T), N), np.repeat(np.arange(-1, T), M),
                                         np.repeat(np.arange(T), O)])
        self._node_unit = np.concatenate([np.tile(np.arange(N), T), np.tile(np.arange(M), T + 1),
                                          np.tile(np.arange(O), T)])
        self._n_nodes = len(self._node_xy)
        self._n_x, self._n_s = T * N, (T + 1) * M

        # edges: V (T, M, N), U (T, M, M), W (T, O, M), each row (x1, y1, x2, y2)
        eV = np.empty((T, M, N, 4))
        eV[..., 0] = cols[:, None, None] + ox
        eV[..., 1] = yx[None, None, :]
        eV[..., 2] = cols[:, None, None] + os_
        eV[..., 3] = ys[None, :, None]
        eU = np.empty((T, M, M, 4))
        eU[..., 0] = cols[:, None, None] - 1 + os_
        eU[..., 1] = ys[None, None, :]
        eU[..., 2] = cols[:, None, None] + os_
        eU[..., 3] = ys[None, :, None]
        eW = np.empty((T, O, M, 4))
        eW[..., 0] = cols[:, None, None] + os_
        eW[..., 1] = ys[None, None, :]
        eW[..., 2] = cols[:, None, None] + oy
        eW[..., 3] = yy[None, :, None]
        self._endpoints = np.concatenate([eV.reshape(-1, 4), eU.reshape(-1, 4), eW.reshape(-1, 4)])
        self._nV, self._nU, self._nW = T * M * N, T * M * M, T * O * M
        self._n_edges = len(self._endpoints)

        self._content = QtCore.QRectF(QtCore.QPointF(-1.0 - 0.2, -0.5 * pitch["x"]),
                                      QtCore.QPointF(T - 1 + oy + 0.2, yy[-1] + 0.5 * pitch["y"]))
        self._edges.set_bounds(self._content)
        self._edges.set_lines(np.zeros((0, 4)), [])
        self._lines = np.zeros((0, 4))
        self._vis_ids = np.zeros(0, dtype=np.int64)
        self._nodes.setData(x=self._node_xy[:, 0], y=self._node_xy[:, 1], size=self._node_px)
        self._set_hover(None)
        self._selection = None
        self._frame = None
        self._bars.reset_width()
        self._autofit = True
        self._fit()

    # ------------------------------------------------------------ geometry api
    def node_position(self, layer: str, c: int, unit: int):
        """View coordinates of a node.

        Parameters
        ----------
        layer : {'x', 's', 'y'}
            Layer of the node.
        c : int
            Column (copy) index; ``-1`` is the s(0) column (layer ``'s'`` only).
        unit : int
            Unit index i, j or k.

        Returns
        -------
        tuple of float
            ``(x, y)`` in the view box's data coordinates.
        """
        col = int(c) if not (layer == "s" and c == -1) else -1
        return (float(col + LAYER_OFFSET[layer]), float(self._ypos[layer][int(unit)]))

    def edge_endpoints(self, matrix: str, c: int, row: int, col: int):
        """View coordinates ``(x1, y1, x2, y2)`` of an edge, from-unit first.

        Parameters
        ----------
        matrix : {'V', 'U', 'W'}
            Weight matrix of the edge.
        c : int
            Column of the to-unit.
        row, col : int
            To-unit and from-unit (``edge_V[c, row, col]`` etc.).

        Returns
        -------
        tuple of float
        """
        return tuple(float(v) for v in self._endpoints[self._edge_id(matrix, c, row, col)])

    def edge_midpoint(self, matrix: str, c: int, row: int, col: int):
        """View coordinates of the middle of an edge.

        Parameters
        ----------
        matrix : {'V', 'U', 'W'}
        c, row, col : int
            As in :meth:`edge_endpoints`.

        Returns
        -------
        tuple of float
            ``(x, y)``.
        """
        x1, y1, x2, y2 = self.edge_endpoints(matrix, c, row, col)
        return (0.5 * (x1 + x2), 0.5 * (y1 + y2))

    def node_position_scene(self, layer: str, c: int, unit: int) -> QtCore.QPointF:
        """Scene position of a node in the widget as currently laid out.

        Parameters
        ----------
        layer, c, unit
            As in :meth:`node_position`.

        Returns
        -------
        QtCore.QPointF
        """
        self._vb.updateMatrix()
        return self._vb.mapViewToScene(QtCore.QPointF(*self.node_position(layer, c, unit)))

    def edge_midpoint_scene(self, matrix: str, c: int, row: int, col: int) -> QtCore.QPointF:
        """Scene position of the middle of an edge as currently laid out.

        Parameters
        ----------
        matrix, c, row, col
            As in :meth:`edge_endpoints`.

        Returns
        -------
        QtCore.QPointF
        """
        self._vb.updateMatrix()
        return self._vb.mapViewToScene(QtCore.QPointF(*self.edge_midpoint(matrix, c, row, col)))

    def view_to_image(self, x: float, y: float, width: int, height: int):
        """Pixel of :meth:`render_to_image` ``(width, height)`` showing a view point.

        The scene is laid out exactly as for the render, so the result is the
        scene position there (the render maps scene to image one to one).

        Parameters
        ----------
        x, y : float
            View (data) coordinates, e.g. from :meth:`edge_midpoint`.
        width, height : int
            Size of the image.

        Returns
        -------
        tuple of float
            ``(px, py)`` image coordinates.
        """
        with self._layout_at(int(width), int(height)):
            self._vb.updateMatrix()
            pt = self._vb.mapViewToScene(QtCore.QPointF(float(x), float(y)))
        return (pt.x(), pt.y())

    @property
    def node_size_px(self) -> float:
        """Current node diameter in pixels."""
        return self._node_px

    @property
    def lod_message(self) -> str:
        """The level-of-detail notice shown on screen ("" when all edges are drawn)."""
        return self._lod_message

    @property
    def drawn_edge_count(self) -> int:
        """Number of edges drawn by the last :meth:`set_frame`."""
        return self._n_drawn

    # ----------------------------------------------------------------- frames
    def set_frame(self, frame: ViewFrame) -> None:
        """Recolour the network from a frame and schedule a redraw.

        Vectorised throughout: no Python loop over edges or nodes.

        Parameters
        ----------
        frame : ViewFrame
            Arrays must match the structure of :meth:`set_structure` (which is
            called automatically for the first frame if it never was).
        """
        if self._shape is None:
            self.set_structure(*frame.shape)
        N, M, O, T = self._shape
        frame.validate(N, M, O, T)
        old = self._frame
        self._frame = frame
        if self._autofit and (old is None or (old.input_labels, old.output_labels)
                              != (frame.input_labels, frame.output_labels)):
            self._fit()     # the row labels' room
        self._bring_into_view(frame.active_column)
        self._recolor_nodes(frame)
        self._recolor_edges(frame)
        self._update_texts(frame)
        self._back.update()
        self._over.update()
        if self._hover is not None:
            self._show_tooltip()

    def _fill_index(self, vals, rng, diverging):
        lo, hi = float(rng[0]), float(rng[1])
        if diverging:
            r = max(abs(lo), abs(hi), 1e-12)
            idx = cm.values_to_index(vals, -r, r)
            off = cm.LUT_SIZE
        else:
            idx = cm.values_to_index(vals, lo, hi)
            off = 0
        return np.where(idx < 0, self._BRUSH_NAN, _node_level(idx) + off)

    def _recolor_nodes(self, f):
        b = np.concatenate([
            self._fill_index(np.ravel(f.x), f.node_range_x, f.node_diverging_x),
            self._fill_index(np.ravel(f.s), f.node_range_s, f.node_diverging_s),
            self._fill_index(np.ravel(f.y), f.node_range_y, f.node_diverging_y),
        ])
        nan_node = b == self._BRUSH_NAN
        deltas = [np.full(self._n_x, np.nan),
                  np.ravel(f.delta_s) if f.delta_s is not None else np.full(self._n_s, np.nan),
                  np.ravel(f.delta_y) if f.delta_y is not None else np.full(self._n_nodes - self._n_x - self._n_s, np.nan)]
        d = np.concatenate(deltas)
        any_delta = f.delta_s is not None or f.delta_y is not None
        self._delta_range = cm.symmetric_range(
            d if any_delta else None, f.delta_range)
        pi = cm.signed_to_index(d, self._delta_range)
        pi = np.where(pi >= 0, _node_level(pi), pi)
        pi = np.where(pi < 0, np.where(nan_node, self._PEN_NAN, self._PEN_PLAIN), pi)
        brushes, pens = self._brush_table[b], self._pen_table[pi]
        data = getattr(self._nodes, "data", None)
        if data is not None and len(data) == len(b) and "brush" in data.dtype.names:
            # same as setBrush/setPen(list) minus the per-point _mkBrush calls:
            # the table entries already are QBrush/QPen objects built once
            data["brush"] = brushes
            data["pen"] = pens
            data["sourceRect"] = self._node_rects(data, b, pi)
            self._nodes.updateSpots(data)
            self._nodes.invalidate()
        else:  # pragma: no cover - other pyqtgraph versions
            self._nodes.setBrush(list(brushes), update=False)
            self._nodes.setPen(list(pens), update=True)

    def _node_rects(self, data, b, pi):
        """The symbol atlas rectangle of every node, looked up once per distinct (fill, outline).

        pyqtgraph's own lookup builds a Python key per spot (12 ms for 9k nodes);
        here only the few hundred distinct pairs are looked up and numpy spreads
        them.  Zeros (pyqtgraph then looks every spot up itself) when the spots
        do not share one symbol and size.
        """
        rects = np.zeros(len(b), dtype=data["sourceRect"].dtype)
        sym, size = self._nodes._style(["symbol", "size"], data=data)   # defaults filled in
        if len(b) == 0 or not (size == size[0]).all() or not (sym == sym[0]).all():
            return rects
        npen = len(self._pen_table)
        uniq, inv = np.unique(b.astype(np.int64) * npen + pi, return_inverse=True)
        bu, pu = np.divmod(uniq, npen)
        styles = [(sym[0], size[0], self._pen_table[q], self._brush_table[r]) for r, q in zip(bu, pu)]
        coords = self._nodes.fragmentAtlas[styles]
        return np.array([tuple(c) for c in coords], dtype=rects.dtype)[inv.ravel()]

    def _recolor_edges(self, f):
        # reused buffers: a fresh 10 MB array per frame costs its page faults (~3 ms at 1.2M edges)
        E = self._n_edges
        if getattr(self, "_val_buf", None) is None or self._val_buf.size != E:
            self._val_buf, self._mag_buf = np.empty(E), np.empty(E)
            self._fin_buf = np.empty(E, dtype=bool)
        vals = self._val_buf
        np.concatenate([np.ravel(f.edge_V), np.ravel(f.edge_U), np.ravel(f.edge_W)], out=vals)
        finite = np.isfinite(vals, out=self._fin_buf)
        if finite.all():        # the usual case: no index array over every edge
            vis, v = None, vals
        else:
            vis = np.flatnonzero(finite)
            v = vals[vis]
        mag = np.abs(v, out=self._mag_buf) if v is vals else np.abs(v)
        if f.edge_range is None and v.size:     # = cm.symmetric_range, without a second |v|
            self._edge_range = max(float(mag.max()), 1e-12)
        else:
            self._edge_range = cm.symmetric_range(v if v.size else None, f.edge_range)
        n_vis = v.size
        if n_vis > self.lod_max_edges:
            k = max(int(self.lod_max_edges), 0)
            keep = np.argpartition(mag, n_vis - k)[n_vis - k:] if k > 0 else np.zeros(0, np.int64)
            vis = keep if vis is None else vis[keep]
            v = v[keep]
            self._lod_message = self.tr("showing strongest {k} of {n} edges").format(
                k=f"{k:,}", n=f"{n_vis:,}")
        else:
            self._lod_message = ""
        if vis is None:
            vis = np.arange(n_vis)
        bins = cm.signed_to_index(v, self._edge_range, N_EDGE_BINS)
        rank = self._bin_rank[bins]
        order = np.argsort(rank, kind="stable")
        ids = vis[order]
        lines = np.ascontiguousarray(self._endpoints[ids])
        counts = np.bincount(rank, minlength=N_EDGE_BINS)
        offs = np.concatenate([[0], np.cumsum(counts)[:-1]])
        groups = [(self._bin_pens[self._rank_to_bin[r]], int(offs[r]), int(counts[r]))
                  for r in np.flatnonzero(counts)]
        self._lines, self._vis_ids, self._n_drawn = lines, ids, len(ids)
        self._edges.set_lines(lines, groups)

    def _update_texts(self, f):
        self._header.set_parts([
            (f.title or "", self._font(15, True), self._color("foreground"),
             QtCore.Qt.AlignmentFlag.AlignLeft, 0, 2),
            (f.caption or "", self._font(12), self._color("muted"), QtCore.Qt.AlignmentFlag.AlignLeft, 1, 2),
        ])
        what = EDGE_MODE_TEXT.get(f.edge_mode, f.edge_mode)
        legend = self.tr("edges: {what}").format(what=_translate("Explain", what))
        legend += "   ·   " + self.tr("node fill: activation")
        if f.delta_s is not None or f.delta_y is not None:
            legend += "   ·   " + self.tr("node outline: δ")
        legend += "   ·   " + self.tr("hollow grey: not revealed yet")
        parts = [(legend, self._font(12), self._color("foreground"), QtCore.Qt.AlignmentFlag.AlignLeft, 0, 1)]
        if self._lod_message:
            parts.append((self._lod_message, self._font(12, True), self._color("warning"),
                          QtCore.Qt.AlignmentFlag.AlignRight, 0, 1))
        self._footer.set_parts(parts)
        # colour bars: one per distinct node scale, edges, δ outline
        groups = {}
        for L, name, rng, dv in (("x", "x", f.node_range_x, f.node_diverging_x),
                                 ("s", "s", f.node_range_s, f.node_diverging_s),
                                 ("y", "y", f.node_range_y, f.node_diverging_y)):
            lo, hi = float(rng[0]), float(rng[1])
            if dv:
                r = max(abs(lo), abs(hi), 1e-12)
                lo, hi = -r, r
            groups.setdefault((lo, hi, bool(dv)), []).append(name)
        bars = [(self.tr("fill"), ",".join(names) + "(t)", lo, hi, dv)
                for (lo, hi, dv), names in groups.items()]
        sym = {"signal": "x·w", "error": "δ·w", "share": "δ·in", "weight": "w"}.get(f.edge_mode, f.edge_mode)
        bars.append((self.tr("edges"), sym, -self._edge_range, self._edge_range, True))
        has_outline = f.delta_s is not None or f.delta_y is not None
        if has_outline:
            bars.append((self.tr("outline"), "δ", -self._delta_range, self._delta_range, True))
        # the δ outline's bar appears with BPTT: its room is kept from the start
        self._bars.set_bars(bars, reserve=0 if has_outline else 1)

    # ---------------------------------------------------------------- render
    @contextmanager
    def _layout_at(self, width, height):
        """Lay the scene out at ``width x height`` (scene = image pixels).

        A visible widget gets its own layout back afterwards; a hidden one
        keeps the render layout (the view resets it when it is shown), so
        consecutive exports do not re-layout twice per frame.
        """
        ci = self._glw.ci
        old = QtCore.QRectF(ci.geometry())
        new = QtCore.QRectF(0, 0, width, height)
        changed = old != new
        self._rendering = True      # a picture shows every copy
        try:
            if changed or self.scrolls_sideways:
                ci.setGeometry(new)
                ci.layout.activate()
                self._on_resized()
            elif not ci.layout.isActivated():
                # e.g. a colour bar was added at the same size: without an event loop (the
                # command line) the posted re-layout never comes, and the new bar is cut off
                ci.layout.activate()
                self._on_resized()
            yield
        finally:
            self._rendering = False
            if (changed or self.scrolls_sideways) and self._glw.isVisible():
                ci.setGeometry(old)
                ci.layout.activate()
                self._on_resized()

    def render_to_image(self, width: int, height: int) -> QtGui.QImage:
        """Render the whole view (header, network, colour bars, legend) to an image.

        The scene is laid out at exactly ``width x height`` and drawn through
        ``QGraphicsScene.render``; the result does not depend on the screen's
        pixel ratio, and the widget on screen is left as it was.

        Parameters
        ----------
        width, height : int
            Size of the image in pixels.

        Returns
        -------
        QtGui.QImage
            ``Format_ARGB32_Premultiplied``, ``width x height``.
        """
        width, height = int(width), int(height)
        img = QtGui.QImage(width, height, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(1.0)
        img.fill(qt_theme.qcolor(self._theme.background))
        p = QtGui.QPainter(img)
        try:
            self.paint_to(p, width, height)
        finally:
            p.end()
        return img

    def paint_to(self, p: QtGui.QPainter, width: int, height: int) -> None:
        """Paint the whole view, laid out at ``width x height``, with ``p`` at its origin.

        The one painting code of the view's pictures: :meth:`render_to_image`
        paints a QImage with it, the vector export an SVG or PDF page (text
        stays text, lines stay lines).

        Parameters
        ----------
        p : QtGui.QPainter
            Active on any paint device; its transform places the view.
        width, height : int
            Size of the picture in pixels (scene units).
        """
        width, height = int(width), int(height)
        # into SVG or PDF the nodes are drawn one by one as paths, not stamped from a pixmap atlas
        vector = not isinstance(p.device(), QtGui.QImage)
        with self._layout_at(width, height):
            p.save()
            if vector:
                self._nodes.setExportMode(True, {"antialias": True})
            try:
                p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
                p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
                rect = QtCore.QRectF(0, 0, width, height)
                p.fillRect(rect, qt_theme.qcolor(self._theme.background))
                self._glw.scene().render(p, rect, rect)
            finally:
                if vector:
                    self._nodes.setExportMode(False)
                p.restore()

    # ------------------------------------------------------------ view range
    def _vb_size(self):
        g = self._vb.geometry()
        return max(g.width(), 1.0), max(g.height(), 1.0)

    def _fit(self):
        if self._shape is None:
            return
        W, H = self._vb_size()
        L, R, B, Tp = (m * self._scale for m in MARGINS)
        L = self._left_margin()
        c = self._content
        sx = c.width() / max(W - L - R, 10.0)
        sy = c.height() / max(H - B - Tp, 10.0)
        x0, x1 = c.left() - L * sx, c.right() + R * sx
        min_sx = 1.0 / MIN_COLUMN_PX            # view units per pixel at the narrowest columns
        if sx > min_sx and not self._rendering:
            # the columns would be too narrow for their labels: keep them readable and let
            # the network scroll sideways (the scroll bar under the view)
            full, shown = x1 - x0, W * min_sx
            x0 = x0 + self._hscroll * (full - shown)
            x1 = x0 + shown
            self._set_hbar(shown / full)
        elif not self._rendering:
            self._set_hbar(None)
        self._vb.setRange(xRange=(x0, x1),
                          yRange=(c.top() - B * sy, c.bottom() + Tp * sy), padding=0)
        self._node_size_dirty = True

    def _set_hbar(self, page) -> None:
        """Show the sideways scroll bar for a visible share ``page`` of the width (None hides it)."""
        bar = self._hbar
        if page is None:
            if not bar.isHidden():
                bar.hide()
            return
        steps = 1000
        bar.blockSignals(True)
        bar.setRange(0, steps)
        bar.setPageStep(max(1, int(steps * page / max(1e-9, 1 - page))))
        bar.setValue(int(round(self._hscroll * steps)))
        bar.blockSignals(False)
        if bar.isHidden():
            bar.show()

    def _on_hbar(self, value: int) -> None:
        self._hscroll = min(max(value / max(self._hbar.maximum(), 1), 0.0), 1.0)
        self._autofit = True
        self._fit()

    @property
    def scrolls_sideways(self) -> bool:
        """Whether the columns are too many to fit readably and the view scrolls sideways."""
        return not self._hbar.isHidden()

    def _bring_into_view(self, column) -> None:
        """Scroll sideways so that ``column`` is shown (while stepping)."""
        if column is None or not self.scrolls_sideways or not self._autofit:
            return
        (x0, x1), _ = self._vb.viewRange()
        lo, hi = column - 0.5, column + 0.5
        if lo >= x0 and hi <= x1:
            return
        c = self._content
        W, _H = self._vb_size()
        L, R = self._left_margin(), MARGINS[1]
        min_sx = 1.0 / MIN_COLUMN_PX
        full_x0 = c.left() - L * min_sx
        full = (c.right() + R * min_sx) - full_x0
        shown = W * min_sx
        target = (lo - full_x0) if lo < x0 else (hi - shown - full_x0)
        self._hscroll = min(max(target / max(full - shown, 1e-9), 0.0), 1.0)
        self._fit()

    def _on_resized(self, *args):
        if self._autofit:
            self._fit()
        self._node_size_dirty = True

    def _on_range_changed(self, *args):
        self._node_size_dirty = True

    def _prepare_for_paint(self):
        if self._node_size_dirty:
            self._update_node_size()

    def _on_manual_range(self, *args):
        self._autofit = False

    def reset_view(self) -> None:
        """Fit the whole network into the widget again (after pan or zoom)."""
        self._autofit = True
        self._fit()

    def _px_per_unit(self):
        (x0, x1), (y0, y1) = self._vb.viewRange()
        W, H = self._vb_size()
        return W / max(x1 - x0, 1e-12), H / max(y1 - y0, 1e-12)

    def _update_node_size(self):
        self._node_size_dirty = False
        if self._shape is None:
            return
        kx, ky = self._px_per_unit()
        pitch = min(self._pitch.values()) * ky
        big = 22.0 * self._scale
        size = float(np.clip(min(0.8 * pitch, 0.24 * kx, big), 3.0, big))
        if abs(size - self._node_px) >= 0.25:
            self._node_px = size
            self._nodes.setSize(size)

    # ------------------------------------------------------------- painting
    def _font(self, px: float, bold: bool = False) -> QtGui.QFont:
        """A pixel-sized font of ``px`` at 100 %, zoomed."""
        return _font(max(1, round(px * self._scale)), bold)

    def _color(self, role: str) -> QtGui.QColor:
        """A colour of the theme by role (``"foreground"``, ``"muted"``, ``"forward"`` …)."""
        return qt_theme.qcolor(getattr(self._theme, role))

    def _paint_back(self, p):
        f = self._frame
        if f is None or self._shape is None or f.active_column is None:
            return
        N, M, O, T = self._shape
        c = int(f.active_column)
        if c < -1 or c >= T:
            return
        top = self._content.bottom()
        bot = self._content.top()
        p.setPen(QtCore.Qt.PenStyle.NoPen)
        p.setBrush(qt_theme.qcolor(self._theme.highlight_fill))
        p.drawRect(QtCore.QRectF(QtCore.QPointF(c - 0.45, bot), QtCore.QPointF(c + 0.45, top)))

    def _paint_overlay(self, p):
        if self._shape is None:
            return
        N, M, O, T = self._shape
        f = self._frame
        tr = p.transform()
        mp = lambda x, y: tr.map(QtCore.QPointF(x, y))  # noqa: E731
        p.save()
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        r = self._node_px / 2.0
        kx = abs(mp(1, 0).x() - mp(0, 0).x())
        ky = abs(mp(0, 1).y() - mp(0, 0).y())

        # active layer outline and phase arrows (below the labels)
        if f is not None and f.active_column is not None and -1 <= f.active_column < T:
            c = int(f.active_column)
            L = f.active_layer
            if L in ("x", "s", "y") and not (c == -1 and L != "s"):
                lo, hi = self._band[L]
                xo = c + LAYER_OFFSET[L]
                a, b = mp(xo, hi), mp(xo, lo)
                m = 5 * self._scale
                rect = QtCore.QRectF(a.x() - r - m, a.y() - r - m, 2 * r + 2 * m, b.y() - a.y() + 2 * r + 2 * m)
                pen = QtGui.QPen(self._color("highlight"), 2.5 * self._scale)
                p.setPen(pen)
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect, 5, 5)
            if f.direction in ("forward", "backward"):
                self._paint_arrows(p, mp, c, f.direction, kx, ky)

        self._paint_selection(p, mp, r)

        # phase banner, top left of the network: every phase has one
        banner = self._banner(f)
        if banner is not None:
            text, color = banner
            p.setFont(self._font(15, True))
            p.setPen(color)
            (x0, x1), (y0, y1) = self._vb.viewRange()
            tl = mp(x0, y1)
            p.drawText(QtCore.QPointF(tl.x() + 8 * self._scale, tl.y() + 19 * self._scale), text)

        self._paint_highlights(p, mp, r)

        # layer labels and unit indices, left of the first columns
        k = self._scale
        text_c, muted_c = self._color("foreground"), self._color("muted")
        f_lab = self._font(14, True)
        # row labels never smaller than the UI font: where rows are denser, every k-th is named
        f_idx = _font(max(ui_font_px(), round(11 * k)))
        fm_idx = QtGui.QFontMetrics(f_idx)
        show_idx = True
        s0x = mp(-1.0, 0).x()
        row_text = {L: [self.row_label(L, u, fm_idx) for u in range(len(self._ypos[L]))]
                    for L in ("x", "s", "y")}
        idx_w = (max(fm_idx.horizontalAdvance(t) for L in row_text for t in row_text[L]) + 4 * k
                 if show_idx else 0)
        # scrolled sideways: the labels stay at the left edge, on a band of the background
        (vx0, _vx1), (vy0, vy1) = self._vb.viewRange()
        edge = mp(vx0, 0).x()
        sticky_x = edge + self._left_margin() - 0.2 * kx
        s0_true = s0x
        if s0x < sticky_x - 0.5:
            s0x = sticky_x
            band_top, band_bot = mp(vx0, vy1).y(), mp(vx0, vy0).y()
            p.fillRect(QtCore.QRectF(edge, band_top, s0x - r - 1 - edge, band_bot - band_top),
                       self._color("background"))
        lab_right = s0x - r - 6 * k - idx_w
        p.setPen(text_c)
        names = {"x": "x(t)", "s": "s(t)", "y": "y(t)"}
        fm_lab = QtGui.QFontMetrics(f_lab)
        for L in ("x", "s", "y"):
            lo, hi = self._band[L]
            ym = mp(0, 0.5 * (lo + hi)).y()
            p.setFont(f_lab)
            w = fm_lab.horizontalAdvance(names[L])
            p.drawText(QtCore.QPointF(lab_right - w, ym + fm_lab.ascent() / 2 - 1), names[L])
            if show_idx:
                p.setFont(f_idx)
                p.setPen(muted_c)
                xr = s0x - r - 3 * k
                row_px = self._pitch[L] * ky
                every_row = max(1, int(math.ceil((fm_idx.height() - 1) / max(row_px, 1e-6))))
                last = len(self._ypos[L]) - 1
                for u, yv in enumerate(self._ypos[L]):
                    if u % every_row and u != last:
                        continue
                    if u != last and last % every_row and last - u < every_row:
                        continue    # the last row is always named; no overlap with it
                    yd = mp(0, yv).y()
                    s = row_text[L][u]
                    p.drawText(QtCore.QPointF(xr - fm_idx.horizontalAdvance(s), yd + fm_idx.ascent() / 2 - 1), s)
                p.setPen(text_c)
        # s(0) label under the s(0) column
        f_col = _font(max(round(12 * k), ui_font_px()))
        fm_col = QtGui.QFontMetrics(f_col)
        s0 = f.s0_label if f is not None else "s(0)"
        p.setFont(self._font(12, True))
        fmb = QtGui.QFontMetrics(self._font(12, True))
        below_s = mp(-1.0, self._band["s"][0]).y() + r + 4 * k + fmb.ascent()
        if s0_true == s0x:          # s(0) itself is in view (not scrolled away)
            p.drawText(QtCore.QPointF(s0x - fmb.horizontalAdvance(s0) / 2, below_s), s0)

        # column labels under the x band: t=..., z=...
        steps = list(f.steps) if (f is not None and f.steps) else list(range(1, T + 1))
        zs = list(f.z) if (f is not None and f.z) else [None] * T
        has_z = any(zz is not None for zz in zs)
        widest = max(fm_col.horizontalAdvance(f"t={s}") for s in steps[:T]) if steps else 20
        if has_z:
            widest = max(widest, max(fm_col.horizontalAdvance(f"z={zz}") for zz in zs if zz is not None))
        every = max(1, int(math.ceil((widest + 6 * k) / max(kx, 1e-6))))
        base = mp(0, self._band["x"][0]).y() + r + 4 * k
        p.setFont(f_col)
        act = f.active_column if f is not None else None
        show = set(range(0, T, every))
        if act is not None and 0 <= act < T:
            show = {c for c in show if abs(c - act) >= every} | {int(act)}
        for c in sorted(show):
            xc = mp(c + 0.5 * (LAYER_OFFSET["x"] + LAYER_OFFSET["y"]), 0).x()
            if xc < s0x - r:
                continue            # under the sticky labels
            bold = c == act
            p.setFont(_font(f_col.pixelSize(), bold))
            p.setPen(text_c)
            if c < len(steps):
                t = f"t={steps[c]}"
                p.drawText(QtCore.QPointF(xc - fm_col.horizontalAdvance(t) / 2, base + fm_col.ascent()), t)
            if c < len(zs) and zs[c] is not None:
                z = f"z={zs[c]}"
                p.setPen(muted_c)
                p.drawText(QtCore.QPointF(xc - fm_col.horizontalAdvance(z) / 2,
                                          base + fm_col.ascent() + fm_col.height()), z)
        p.restore()

    def row_label(self, layer: str, unit: int, fm: QtGui.QFontMetrics | None = None) -> str:
        """The label of a row: the task's unit name for x and y (abbreviated to
        :data:`ROW_LABEL_PX`), the index j for s (and wherever the task names none)."""
        f = self._frame
        names = ()
        if f is not None:
            names = {"x": f.input_labels, "y": f.output_labels}.get(layer, ())
        if len(names) != len(self._ypos[layer]) or not str(names[unit]).strip():
            return str(unit)
        fm = fm or QtGui.QFontMetrics(_font(ui_font_px()))
        return fm.elidedText(str(names[unit]), QtCore.Qt.TextElideMode.ElideRight, ROW_LABEL_PX)

    def _left_margin(self) -> float:
        """Pixels left of s(0) for the layer names and the row labels (wider for long names)."""
        if self._shape is None or self._frame is None:
            return MARGINS[0] * self._scale
        fm = QtGui.QFontMetrics(_font(ui_font_px()))
        widest = max((fm.horizontalAdvance(self.row_label(L, u, fm))
                      for L in ("x", "y") for u in range(len(self._ypos[L]))), default=0)
        return max(MARGINS[0] * self._scale, 56 * self._scale + widest + 4 + 0.5 * self._node_px)

    def _banner(self, f):
        """The banner text and colour of a frame's phase, or None (before the first step)."""
        if f is None:
            return None
        if f.direction == "forward":
            return self.tr("forward pass") + "  \u2191 \u2192", self._color("forward")
        if f.direction == "backward":
            return self.tr("backward (BPTT)") + "  \u2190 \u2193", self._color("backward")
        if f.phase == "foldback":
            return self.tr("fold-back: Σ over the copies z") + "  \u21e2 \u0394V \u0394U \u0394W", self._color("foreground")
        if f.phase == "update":
            return self.tr("update: V, U, W change by \u0394V, \u0394U, \u0394W"), self._color("foreground")
        return None

    def _paint_arrows(self, p, mp, c, direction, kx, ky):
        fwd = direction == "forward"
        color = self._color("forward" if fwd else "backward")
        pen = QtGui.QPen(color, 3.5 * self._scale)
        pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        head = 9.0 * self._scale

        def arrow(a, b):
            p.setPen(pen)
            p.drawLine(a, b)
            d = b - a
            n = math.hypot(d.x(), d.y())
            if n < 1:
                return
            ux, uy = d.x() / n, d.y() / n
            left = QtCore.QPointF(b.x() - head * ux + 0.6 * head * uy, b.y() - head * uy - 0.6 * head * ux)
            right = QtCore.QPointF(b.x() - head * ux - 0.6 * head * uy, b.y() - head * uy + 0.6 * head * ux)
            p.setPen(QtCore.Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawPolygon(QtGui.QPolygonF([b + QtCore.QPointF(ux * 2, uy * 2), left, right]))

        xlo, xhi = self._band["x"]
        slo, shi = self._band["s"]
        ylo, yhi = self._band["y"]
        g = self._gap
        # recurrent arrow into (forward) / out of (backward) this column, in the
        # upper gap where no W fan runs; vertical arrows right of the V and W fans
        yu = shi + 0.5 * g
        cc = max(c, 0)
        a, b = mp(cc - 0.64, yu), mp(cc - 0.1, yu)
        arrow(a, b) if fwd else arrow(b, a)
        if c >= 0:
            xa = c + 0.37
            lower = (mp(xa, xhi + 0.2 * g), mp(xa, slo - 0.2 * g))
            upper = (mp(xa, shi + 0.2 * g), mp(xa, ylo - 0.2 * g))
            # errors flow from y down into s; they never reach the inputs x
            for a, b in ((lower, upper) if fwd else (upper,)):
                arrow(a, b) if fwd else arrow(b, a)

    def _paint_highlights(self, p, mp, r):
        """Rings round highlighted nodes, thick highlighted edges, bands round copies and sources."""
        if not self._highlights or self._shape is None:
            return
        N, M, O, T = self._shape
        k = self._scale
        col = self._color("highlight")
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for h in self._highlights:
            kind = h[0]
            try:
                if kind == "node":
                    _, layer, c, unit = h
                    if not (0 <= unit < {"x": N, "s": M, "y": O}[layer]) or not \
                            (-1 if layer == "s" else 0) <= c < T:
                        continue
                    q = mp(*self.node_position(layer, c, unit))
                    p.setPen(QtGui.QPen(col, 3.0 * k))
                    rr = r + 5 * k
                    p.drawEllipse(q, rr, rr)
                elif kind == "edge":
                    _, matrix, c, row, cl = h
                    rows, cols = {"V": (M, N), "U": (M, M), "W": (O, M)}[matrix]
                    if not (0 <= c < T and 0 <= row < rows and 0 <= cl < cols):
                        continue
                    x1, y1, x2, y2 = self.edge_endpoints(matrix, c, row, cl)
                    pen = QtGui.QPen(col, 4.0 * k)
                    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
                    p.setPen(pen)
                    p.drawLine(mp(x1, y1), mp(x2, y2))
                elif kind in ("copy", "source"):
                    c = h[1]
                    if not -1 <= c < T:
                        continue
                    top, bot = mp(c, self._content.bottom()), mp(c, self._content.top())
                    half = 0.47 * abs(mp(1, 0).x() - mp(0, 0).x())
                    pen = QtGui.QPen(col, 2.5 * k)
                    if kind == "source":
                        pen.setStyle(QtCore.Qt.PenStyle.DashLine)
                    p.setPen(pen)
                    p.drawRoundedRect(QtCore.QRectF(top.x() - half, top.y() - r, 2 * half,
                                                    bot.y() - top.y() + 2 * r), 6 * k, 6 * k)
            except (KeyError, ValueError, IndexError):     # a highlight from another structure
                continue

    # ------------------------------------------------------------ hit testing
    def _edge_id(self, matrix, c, row, col):
        N, M, O, T = self._shape
        if matrix == "V":
            return (c * M + row) * N + col
        if matrix == "U":
            return self._nV + (c * M + row) * M + col
        if matrix == "W":
            return self._nV + self._nU + (c * O + row) * M + col
        raise ValueError(f"matrix must be 'V', 'U' or 'W', got {matrix!r}")

    def _decode_edge(self, g):
        N, M, O, T = self._shape
        g = int(g)
        if g < self._nV:
            c, rem = divmod(g, M * N)
            return ("V", c) + divmod(rem, N)
        g -= self._nV
        if g < self._nU:
            c, rem = divmod(g, M * M)
            return ("U", c) + divmod(rem, M)
        g -= self._nU
        c, rem = divmod(g, O * M)
        return ("W", c) + divmod(rem, M)

    def hit_test(self, x: float, y: float):
        """What is under a view point: a node, else an edge, else None.

        Vectorised: the nearest node within its radius (+2 px); else the
        nearest drawn edge closer than :attr:`hit_radius_px`.

        Parameters
        ----------
        x, y : float
            View (data) coordinates.

        Returns
        -------
        tuple or None
            ``('node', layer, c, unit)`` or ``('edge', matrix, c, row, col)``.
        """
        if self._shape is None:
            return None
        kx, ky = self._px_per_unit()
        dx = (self._node_xy[:, 0] - x) * kx
        dy = (self._node_xy[:, 1] - y) * ky
        d2 = dx * dx + dy * dy
        i = int(np.argmin(d2))
        if d2[i] <= (self._node_px / 2 + 2) ** 2:
            return ("node", "xsy"[self._node_layer[i]], int(self._node_col[i]), int(self._node_unit[i]))
        if self._lines.shape[0] == 0:
            return None
        ln = self._lines
        ax = (ln[:, 0] - x) * kx
        ay = (ln[:, 1] - y) * ky
        bx = (ln[:, 2] - x) * kx
        by = (ln[:, 3] - y) * ky
        ex, ey = bx - ax, by - ay
        den = ex * ex + ey * ey
        den[den == 0] = 1.0
        t = np.clip(-(ax * ex + ay * ey) / den, 0.0, 1.0)
        qx, qy = ax + t * ex, ay + t * ey
        e2 = qx * qx + qy * qy
        # prefer the edge drawn on top among near-ties: later rows are stronger
        j = len(e2) - 1 - int(np.argmin(e2[::-1]))
        if e2[j] <= self.hit_radius_px ** 2:
            return ("edge",) + self._decode_edge(self._vis_ids[j])
        return None

    def _scene_to_view(self, scene_pos):
        self._vb.updateMatrix()
        if not self._vb.sceneBoundingRect().contains(scene_pos):
            return None
        v = self._vb.mapSceneToView(scene_pos)
        return v.x(), v.y()

    def _on_mouse_moved(self, scene_pos):
        v = self._scene_to_view(scene_pos)
        hit = self.hit_test(*v) if v is not None else None
        self._hover_global = self._glw.viewport().mapToGlobal(self._glw.mapFromScene(scene_pos))
        self._set_hover(hit)

    def _set_hover(self, hit):
        if hit == self._hover:
            return
        self._hover = hit
        if hit is None:
            QtWidgets.QToolTip.hideText()
            return
        if hit[0] == "node":
            self.nodeHovered.emit(*hit[1:])
        else:
            self.edgeHovered.emit(*hit[1:])
        self._show_tooltip()

    def _show_tooltip(self):
        if self._tooltip_fn is None or self._hover is None:
            return
        try:
            text = self._tooltip_fn(*self._hover)
        except Exception as exc:  # a broken provider must not break drawing
            text = self.tr("tooltip error: {error}").format(error=exc)
        pos = self._hover_global or QtGui.QCursor.pos()
        if text:
            # shown until the pointer leaves the item, however long it rests there
            QtWidgets.QToolTip.showText(pos, text, self._glw.viewport(), QtCore.QRect(), 600_000)
        else:
            QtWidgets.QToolTip.hideText()

    def set_tooltip_provider(self, fn) -> None:
        """Show ``fn(kind, *index)`` as a tooltip over nodes and edges.

        Parameters
        ----------
        fn : callable or None
            Called as ``fn('node', layer, c, unit)`` or
            ``fn('edge', matrix, c, row, col)``; returns rich text (or "" for
            none).  Called again on every :meth:`set_frame` while the mouse
            stays over the item, so the tooltip follows the frames.
        """
        self._tooltip_fn = fn
        if self._hover is not None:
            self._show_tooltip()

    @property
    def hovered(self):
        """The hovered item as in :meth:`hit_test`, or None."""
        return self._hover

    # -------------------------------------------------------------- selection
    @property
    def selection(self):
        """The selected item: as :meth:`hit_test`, ``('weight', matrix, row, col)``
        (the edge in every copy), or None."""
        return self._selection

    def set_selection(self, sel) -> None:
        """Mark a node, an edge or a shared weight as selected (None clears).

        Parameters
        ----------
        sel : tuple or None
            ``('node', layer, c, unit)``, ``('edge', matrix, c, row, col)``,
            ``('weight', matrix, row, col)`` or None.
        """
        if sel is not None:
            sel = (str(sel[0]), str(sel[1])) + tuple(int(v) for v in sel[2:])
            if self._shape is not None:
                try:
                    self._selection_points(sel)
                except (IndexError, KeyError, ValueError):
                    sel = None  # from a network of another shape
        if sel == self._selection:
            return
        self._selection = sel
        self._over.update()
        self.selectionChanged.emit(sel)

    def clear_selection(self) -> None:
        """No item selected (Escape)."""
        self.set_selection(None)

    def _selection_points(self, sel):
        """View coordinates to mark: ('node', (x, y)) or ('edges', [(x1, y1, x2, y2), ...])."""
        if sel[0] == "node":
            _, layer, c, u = sel
            lowest = -1 if layer == "s" else 0
            if not (lowest <= c < self._shape[3] and 0 <= u < len(self._ypos[layer])):
                raise IndexError((layer, c, u))
            return "node", self.node_position(layer, c, u)
        if sel[0] == "edge":
            _, m, c, r, k = sel
            self._check_edge(m, c, r, k)
            return "edges", [self.edge_endpoints(m, c, r, k)]
        _, m, r, k = sel
        T = self._shape[3]
        self._check_edge(m, 0, r, k)
        return "edges", [self.edge_endpoints(m, c, r, k) for c in range(T)]

    def _check_edge(self, m, c, r, k):
        N, M, O, T = self._shape
        rows, cols = {"V": (M, N), "U": (M, M), "W": (O, M)}[m]
        if not (0 <= c < T and 0 <= r < rows and 0 <= k < cols):
            raise IndexError((m, c, r, k))

    def _paint_selection(self, p, mp, r):
        """A ring round the selected node, or the selected edge(s) drawn thick (on top)."""
        if self._selection is None or self._shape is None:
            return
        kind, where = self._selection_points(self._selection)
        halo = QtGui.QPen(QtGui.QColor(255, 255, 255, 230), 7.0)
        mark = QtGui.QPen(SELECTION_COLOR, 3.0)
        for pen in (halo, mark):
            pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        if kind == "node":
            c = mp(*where)
            rr = r + 5.0
            for pen in (halo, mark):
                p.setPen(pen)
                p.drawEllipse(c, rr, rr)
            return
        for pen in (halo, mark):
            p.setPen(pen)
            for x1, y1, x2, y2 in where:
                p.drawLine(mp(x1, y1), mp(x2, y2))

    def keyPressEvent(self, ev):
        if ev.key() == QtCore.Qt.Key.Key_Escape and self._selection is not None:
            self.clear_selection()
            ev.accept()
            return
        super().keyPressEvent(ev)

    def _on_mouse_clicked(self, ev):
        v = self._scene_to_view(ev.scenePos())
        if v is None:
            return
        hit = self.hit_test(*v)
        if hit is None:
            if ev.double():
                self.reset_view()
            else:
                self.clear_selection()
            return
        if not ev.double():
            self.set_selection(hit)
        if hit[0] == "node":
            if not ev.double():
                self.nodeClicked.emit(*hit[1:])
        elif ev.double():
            self.edgeDoubleClicked.emit(*hit[1:])
        else:
            self.edgeClicked.emit(*hit[1:])
        ev.accept()

    def eventFilter(self, obj, ev):
        if obj is self._glw.viewport():
            et = ev.type()
            if et == QtCore.QEvent.Type.MouseMove:
                # every move is hit-tested once (pyqtgraph's sigMouseMoved is
                # rate-limited and can drop the last position of a gesture)
                self._on_mouse_moved(self._glw.mapToScene(ev.position().toPoint()))
            elif et == QtCore.QEvent.Type.Leave:
                self._set_hover(None)
            elif et == QtCore.QEvent.Type.ToolTip:
                # Qt sends this after the pointer rests; the scene finds no item with a tooltip
                # of its own and would hide ours, so answer it with the hovered item's text.
                if self._hover is not None:
                    self._show_tooltip()
                    return True
        return super().eventFilter(obj, ev)
