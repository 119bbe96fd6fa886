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

from visualizer.qt import colormaps as cm
from visualizer.model.explain import EDGE_MODE_TEXT, fmt
from visualizer.model.view_frame import ViewFrame

__all__ = ["UnfoldedView"]

#: horizontal offset of each layer's stack inside its column (column width 1)
LAYER_OFFSET = {"x": -0.28, "s": 0.0, "y": 0.28}
#: number of colour bins of the edges
N_EDGE_BINS = 64
#: pixel margins of the network inside the view box (left, right, bottom, top)
MARGINS = (78, 14, 40, 30)

_FWD_COLOR = QtGui.QColor(0, 130, 70)
_BWD_COLOR = QtGui.QColor(205, 90, 0)
_TEXT_COLOR = QtGui.QColor(30, 30, 30)
_MUTED_COLOR = QtGui.QColor(95, 95, 95)
_QLINEF_BYTES = 32  # four float64
_translate = QtCore.QCoreApplication.translate


def _font(px: int, bold: bool = False) -> QtGui.QFont:
    f = QtGui.QFont()
    f.setPixelSize(int(px))
    f.setBold(bold)
    return f


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
    return (idx // q) * q + q // 2


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
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                           QtWidgets.QSizePolicy.Policy.Fixed)

    def set_parts(self, parts) -> None:
        if parts != self._parts:
            self._parts = parts
            self.update()

    def paint(self, p, *args):
        r = self.boundingRect()
        p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        for text, font, color, align, row, nrows in self._parts:
            h = r.height() / nrows
            rr = QtCore.QRectF(r.left() + 6, r.top() + row * h, r.width() - 12, h)
            p.setFont(font)
            p.setPen(color)
            fm = QtGui.QFontMetrics(font)
            p.drawText(rr, int(align | QtCore.Qt.AlignmentFlag.AlignVCenter),
                       fm.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, int(rr.width())))


class _ColorBars(pg.GraphicsWidget):
    """Vertical colour bars, each with a two-line title and numeric ticks."""

    BAR_W = 14
    SLOT_W = 74

    def __init__(self):
        super().__init__()
        self._bars = []  # (title1, title2, key, lo, hi, diverging)
        self._images = {}
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Fixed,
                           QtWidgets.QSizePolicy.Policy.Expanding)
        self._set_width(1)

    def _set_width(self, n):
        w = self.SLOT_W * max(n, 1) + 6
        self.setMinimumWidth(w)
        self.setMaximumWidth(w)

    def set_bars(self, bars) -> None:
        if bars != self._bars:
            if len(bars) != len(self._bars):
                self._set_width(len(bars))
            self._bars = bars
            self.update()

    def _image(self, diverging):
        if diverging not in self._images:
            self._images[diverging] = _lut_image(cm.lut_for(diverging))
        return self._images[diverging]

    def paint(self, p, *args):
        r = self.boundingRect()
        f_title = _font(12, True)
        f_tick = _font(11)
        fm = QtGui.QFontMetrics(f_tick)
        top = r.top() + 36
        bot = r.bottom() - 10
        if bot - top < 20:
            return
        for n, (t1, t2, lo, hi, diverging) in enumerate(self._bars):
            x0 = r.left() + 4 + n * self.SLOT_W
            p.setPen(_TEXT_COLOR)
            p.setFont(f_title)
            p.drawText(QtCore.QRectF(x0, r.top() + 2, self.SLOT_W - 4, 16),
                       int(QtCore.Qt.AlignmentFlag.AlignLeft), t1)
            p.drawText(QtCore.QRectF(x0, r.top() + 17, self.SLOT_W - 4, 16),
                       int(QtCore.Qt.AlignmentFlag.AlignLeft), t2)
            bar = QtCore.QRectF(x0, top, self.BAR_W, bot - top)
            p.drawImage(bar, self._image(diverging))
            p.setPen(QtGui.QPen(_MUTED_COLOR, 1))
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.drawRect(bar)
            p.setFont(f_tick)
            mid = 0.0 if diverging else 0.5 * (lo + hi)
            for val, yy in ((hi, top), (mid, 0.5 * (top + bot)), (lo, bot)):
                p.setPen(QtGui.QPen(_TEXT_COLOR, 1))
                p.drawLine(QtCore.QPointF(x0 + self.BAR_W, yy), QtCore.QPointF(x0 + self.BAR_W + 4, yy))
                ty = min(max(yy + fm.ascent() / 2 - 1, top + fm.ascent() - 2), bot + 2)
                p.drawText(QtCore.QPointF(x0 + self.BAR_W + 6, ty), _tick(val))


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

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lod_max_edges = 60000
        self.hit_radius_px = 4.0
        self._shape = None  # (N, M, O, T)
        self._frame = None
        self._tooltip_fn = None
        self._hover = None  # ('node', layer, c, u) or ('edge', m, c, r, k)
        self._hover_global = None
        self._autofit = True
        self._node_px = 8.0
        self._node_size_dirty = True
        self._lod_message = ""
        self._n_drawn = 0
        self._vis_ids = np.zeros(0, dtype=np.int64)
        self._lines = np.zeros((0, 4))
        self._edge_range = 1e-12

        self._build_styles()

        self._glw = pg.GraphicsLayoutWidget()
        self._glw.setBackground(_qcolor(cm.BACKGROUND))
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self._glw)

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
        seq, div = cm.sequential_lut(n), cm.diverging_lut(n)
        # brush table: [0, n) sequential, [n, 2n) diverging, 2n = not revealed
        brushes = [QtGui.QBrush(_qcolor(c)) for c in seq] + [QtGui.QBrush(_qcolor(c)) for c in div]
        brushes.append(QtGui.QBrush(QtGui.QColor(236, 236, 236, 255)))
        self._brush_table = np.empty(len(brushes), dtype=object)
        self._brush_table[:] = brushes
        self._BRUSH_NAN = 2 * n
        # pen table: [0, n) δ outline (diverging), n = plain, n + 1 = not revealed
        pens = []
        for c in div:
            pen = QtGui.QPen(_qcolor(c), 3.2)
            pen.setCosmetic(True)
            pens.append(pen)
        plain = QtGui.QPen(QtGui.QColor(60, 60, 60), 1.0)
        plain.setCosmetic(True)
        nan_pen = QtGui.QPen(_qcolor(cm.UNREVEALED_GREY), 1.2)
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
            pen = QtGui.QPen(_qcolor(div[lut_pos[i]]), 0)
            pen.setCosmetic(True)
            self._bin_pens.append(pen)
        self._bin_color = div[lut_pos]
        dist = np.abs(np.arange(nb) - (nb - 1) / 2)
        self._rank_to_bin = np.argsort(dist, kind="stable")
        self._bin_rank = np.empty(nb, dtype=np.uint8)
        self._bin_rank[self._rank_to_bin] = np.arange(nb, dtype=np.uint8)

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
        self._frame = None
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
        self._frame = frame
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
            data["sourceRect"] = 0
            self._nodes.updateSpots(data)
            self._nodes.update()
        else:  # pragma: no cover - other pyqtgraph versions
            self._nodes.setBrush(list(brushes), update=False)
            self._nodes.setPen(list(pens), update=True)

    def _recolor_edges(self, f):
        vals = np.concatenate([np.ravel(f.edge_V), np.ravel(f.edge_U), np.ravel(f.edge_W)])
        vis = np.flatnonzero(np.isfinite(vals))
        v = vals[vis]
        self._edge_range = cm.symmetric_range(v if v.size else None, f.edge_range)
        n_vis = v.size
        if n_vis > self.lod_max_edges:
            k = max(int(self.lod_max_edges), 0)
            keep = np.argpartition(np.abs(v), n_vis - k)[n_vis - k:] if k > 0 else np.zeros(0, np.int64)
            vis, v = vis[keep], v[keep]
            self._lod_message = self.tr("showing strongest {k} of {n} edges").format(
                k=f"{k:,}", n=f"{n_vis:,}")
        else:
            self._lod_message = ""
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
            (f.title or "", _font(15, True), _TEXT_COLOR, QtCore.Qt.AlignmentFlag.AlignLeft, 0, 2),
            (f.caption or "", _font(12), _MUTED_COLOR, QtCore.Qt.AlignmentFlag.AlignLeft, 1, 2),
        ])
        what = EDGE_MODE_TEXT.get(f.edge_mode, f.edge_mode)
        legend = self.tr("edges: {what}").format(what=_translate("Explain", what))
        legend += "   ·   " + self.tr("node fill: activation")
        if f.delta_s is not None or f.delta_y is not None:
            legend += "   ·   " + self.tr("node outline: δ")
        legend += "   ·   " + self.tr("hollow grey: not revealed yet")
        parts = [(legend, _font(12), _TEXT_COLOR, QtCore.Qt.AlignmentFlag.AlignLeft, 0, 1)]
        if self._lod_message:
            parts.append((self._lod_message, _font(12, True), QtGui.QColor(180, 0, 0),
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
        if f.delta_s is not None or f.delta_y is not None:
            bars.append((self.tr("outline"), "δ", -self._delta_range, self._delta_range, True))
        self._bars.set_bars(bars)

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
        try:
            if changed:
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
            if changed and self._glw.isVisible():
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
        img.fill(_qcolor(cm.BACKGROUND))
        with self._layout_at(width, height):
            p = QtGui.QPainter(img)
            try:
                p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
                p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
                rect = QtCore.QRectF(0, 0, width, height)
                self._glw.scene().render(p, rect, rect)
            finally:
                p.end()
        return img

    # ------------------------------------------------------------ view range
    def _vb_size(self):
        g = self._vb.geometry()
        return max(g.width(), 1.0), max(g.height(), 1.0)

    def _fit(self):
        if self._shape is None:
            return
        W, H = self._vb_size()
        L, R, B, Tp = MARGINS
        c = self._content
        sx = c.width() / max(W - L - R, 10.0)
        sy = c.height() / max(H - B - Tp, 10.0)
        self._vb.setRange(xRange=(c.left() - L * sx, c.right() + R * sx),
                          yRange=(c.top() - B * sy, c.bottom() + Tp * sy), padding=0)
        self._node_size_dirty = True

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
        size = float(np.clip(min(0.8 * pitch, 0.24 * kx, 22.0), 3.0, 22.0))
        if abs(size - self._node_px) >= 0.25:
            self._node_px = size
            self._nodes.setSize(size)

    # ------------------------------------------------------------- painting
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
        p.setBrush(QtGui.QColor(255, 205, 60, 70))
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
                rect = QtCore.QRectF(a.x() - r - 5, a.y() - r - 5, 2 * r + 10, b.y() - a.y() + 2 * r + 10)
                pen = QtGui.QPen(QtGui.QColor(230, 120, 0), 2.5)
                p.setPen(pen)
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect, 5, 5)
            if f.direction in ("forward", "backward"):
                self._paint_arrows(p, mp, c, f.direction, kx, ky)

        # direction banner, top left of the network
        if f is not None and f.direction in ("forward", "backward"):
            fwd = f.direction == "forward"
            text = (self.tr("forward pass") + "  \u2191 \u2192" if fwd
                    else self.tr("backward (BPTT)") + "  \u2190 \u2193")
            p.setFont(_font(15, True))
            p.setPen(_FWD_COLOR if fwd else _BWD_COLOR)
            (x0, x1), (y0, y1) = self._vb.viewRange()
            tl = mp(x0, y1)
            p.drawText(QtCore.QPointF(tl.x() + 8, tl.y() + 19), text)

        # layer labels and unit indices, left of the first columns
        f_lab = _font(14, True)
        f_idx = _font(max(8, min(11, int(min(self._pitch.values()) * ky * 0.95))))
        fm_idx = QtGui.QFontMetrics(f_idx)
        show_idx = min(self._pitch.values()) * ky >= 9.0
        s0x = mp(-1.0, 0).x()
        idx_w = fm_idx.horizontalAdvance(str(max(N, M, O) - 1)) + 4 if show_idx else 0
        lab_right = s0x - r - 6 - idx_w
        p.setPen(_TEXT_COLOR)
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
                p.setPen(_MUTED_COLOR)
                xr = s0x - r - 3
                for u, yv in enumerate(self._ypos[L]):
                    yd = mp(0, yv).y()
                    s = str(u)
                    p.drawText(QtCore.QPointF(xr - fm_idx.horizontalAdvance(s), yd + fm_idx.ascent() / 2 - 1), s)
                p.setPen(_TEXT_COLOR)
        # s(0) label under the s(0) column
        f_col = _font(12)
        fm_col = QtGui.QFontMetrics(f_col)
        s0 = f.s0_label if f is not None else "s(0)"
        p.setFont(_font(12, True))
        fmb = QtGui.QFontMetrics(_font(12, True))
        below_s = mp(-1.0, self._band["s"][0]).y() + r + 4 + fmb.ascent()
        p.drawText(QtCore.QPointF(s0x - fmb.horizontalAdvance(s0) / 2, below_s), s0)

        # column labels under the x band: t=..., z=...
        steps = list(f.steps) if (f is not None and f.steps) else list(range(1, T + 1))
        zs = list(f.z) if (f is not None and f.z) else [None] * T
        has_z = any(zz is not None for zz in zs)
        widest = max(fm_col.horizontalAdvance(f"t={s}") for s in steps[:T]) if steps else 20
        if has_z:
            widest = max(widest, max(fm_col.horizontalAdvance(f"z={zz}") for zz in zs if zz is not None))
        every = max(1, int(math.ceil((widest + 6) / max(kx, 1e-6))))
        base = mp(0, self._band["x"][0]).y() + r + 4
        p.setFont(f_col)
        act = f.active_column if f is not None else None
        show = set(range(0, T, every))
        if act is not None and 0 <= act < T:
            show = {c for c in show if abs(c - act) >= every} | {int(act)}
        for c in sorted(show):
            xc = mp(c + 0.5 * (LAYER_OFFSET["x"] + LAYER_OFFSET["y"]), 0).x()
            bold = c == act
            p.setFont(_font(12, bold))
            p.setPen(_TEXT_COLOR)
            if c < len(steps):
                t = f"t={steps[c]}"
                p.drawText(QtCore.QPointF(xc - fm_col.horizontalAdvance(t) / 2, base + fm_col.ascent()), t)
            if c < len(zs) and zs[c] is not None:
                z = f"z={zs[c]}"
                p.setPen(_MUTED_COLOR)
                p.drawText(QtCore.QPointF(xc - fm_col.horizontalAdvance(z) / 2,
                                          base + fm_col.ascent() + fm_col.height()), z)
        p.restore()

    def _paint_arrows(self, p, mp, c, direction, kx, ky):
        fwd = direction == "forward"
        color = _FWD_COLOR if fwd else _BWD_COLOR
        pen = QtGui.QPen(color, 3.5)
        pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        head = 9.0

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

    def _on_mouse_clicked(self, ev):
        v = self._scene_to_view(ev.scenePos())
        if v is None:
            return
        hit = self.hit_test(*v)
        if hit is None:
            if ev.double():
                self.reset_view()
            return
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
