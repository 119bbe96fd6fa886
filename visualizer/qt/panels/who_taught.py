"""The "Who taught whom" panel: which error (row τ) changed V, U or θ_h through which copy (column c).

Draws :class:`~visualizer.model.attribution_frame.WhoTaughtFrame`: the
lower-triangular A[τ, c] = ‖C(τ, c)‖_F of the current update on a log colour
scale (viridis, with its colour bar), the row totals (each error's whole
change) in a strip on the right, the column totals (each copy's fold-back
term) in a strip below, the grand total ‖Δparam‖/η in the corner. Cells BPTT
has not reached yet are grey; cells the BPTT(h; h′) scheme never computes are
hatched and coloured with their full-depth values. Below, the cosine
similarity and the relative error of the scheme's gradient against the full
one for V, U, W over the updates played (the history is kept in the model).

Signals: hovering a row emits ``sourceHovered(τ)`` (−1 when the mouse
leaves); the "one error source" selector emits ``sourceSelected(τ)`` (−1 for
all errors); clicking a computed cell emits ``cellClicked(param, τ, c)``
(window columns, as :func:`core.attribution.cell` takes them).
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from visualizer.model import attribution_frame as af
from visualizer.qt.panels.base import Panel, scrolled

TEXT = "#1e1e1e"
MUTED = "#6a6a6a"
SEQUENTIAL = "viridis"
PENDING = QtGui.QColor(205, 205, 205)
HATCH_DARK = QtGui.QColor(30, 30, 30, 200)
#: colour of V, U, W in the history plots
PARAM_COLORS = {"V": (31, 119, 180), "U": (214, 39, 40), "W": (44, 160, 44)}
PARAM_TEXT = {"V": "V", "U": "U", "theta_h": "θ_h", "W": "W", "theta_o": "θ_k"}
STRIP = 34          # pixels of the row- and column-total strips
AXIS_W = 46         # pixels of the left axes (the matrix and the column strip share them)
TOP_H = 20          # the top axes of the matrix and the row strip (which says Σ_c)
BOTTOM_H = 42       # the bottom axes of the column strip and the grand total


def _fmt(v: float) -> str:
    if v is None or not math.isfinite(v):
        return "–"
    return f"{v:.3g}"


def _style_axis(ax: pg.AxisItem) -> None:
    ax.setPen(pg.mkPen(MUTED))
    ax.setTextPen(pg.mkPen(TEXT))
    f = QtGui.QFont()
    f.setPixelSize(10)
    ax.setTickFont(f)


def _grid_plot() -> pg.PlotItem:
    plot = pg.PlotItem(enableMenu=False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    vb = plot.getViewBox()
    vb.invertY(True)
    vb.setDefaultPadding(0.0)
    for name in ("left", "bottom", "top", "right"):
        _style_axis(plot.getAxis(name))
    return plot


def _ticks(n: int, first: int, most: int = 12) -> list:
    step = max(1, int(math.ceil(n / most)))
    return [(k + 0.5, str(first + k)) for k in range(0, n, step)]


def _rect_path(cells: np.ndarray) -> QtGui.QPainterPath:
    path = QtGui.QPainterPath()
    for r, c in zip(*np.nonzero(cells)):
        path.addRect(QtCore.QRectF(float(c), float(r), 1.0, 1.0))
    return path


def _hatch_path(cells: np.ndarray) -> QtGui.QPainterPath:
    """Diagonal strokes across every cell of ``cells`` (drawn with a cosmetic pen)."""
    path = QtGui.QPainterPath()
    for r, c in zip(*np.nonzero(cells)):
        x, y = float(c), float(r)
        for a in (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75):     # x' + y' = a inside the unit square
            p0 = (x + max(0.0, a - 1.0), y + min(1.0, a))
            p1 = (x + min(1.0, a), y + max(0.0, a - 1.0))
            path.moveTo(*p0)
            path.lineTo(*p1)
    return path


class WhoTaughtPanel(Panel):
    """A[τ, c] of the current update, its totals, what truncation cut, and the history.

    Signals
    -------
    sourceHovered(int)
        τ (window column) of the row under the mouse; −1 when it leaves the matrix.
    sourceSelected(int)
        τ chosen in the "one error source" selector; −1 for every error.
    cellClicked(str, int, int)
        ``(param, τ, c)`` of a computed cell clicked (window columns, 0-based).

    Attributes
    ----------
    frame : WhoTaughtFrame or None
        The frame drawn last.
    image, row_image, col_image, total_image : pg.ImageItem
        log₁₀ of the matrix, the row totals (L, 1), the column totals (1, K), the grand total.
    bar : pg.ColorBarItem
    """

    sourceHovered = Signal(int)
    sourceSelected = Signal(int)
    cellClicked = Signal(str, int, int)

    def __init__(self, session, parent=None, scroll: bool = True):
        super().__init__(session, parent)
        self.setObjectName("whoTaughtPanel")
        self.tracker = af.tracker_for(session)
        self.frame = None
        self.hovered = -1
        self._hist_version = None

        self.param_combo = QtWidgets.QComboBox()
        self.param_combo.setObjectName("whoTaughtParam")
        for p, text in (("V", self.tr("V (input → hidden)")), ("U", self.tr("U (recurrent)")),
                        ("theta_h", self.tr("θ_h (hidden bias)"))):
            self.param_combo.addItem(text, p)
        self.param_combo.setCurrentIndex(1)
        self.param_combo.setToolTip(self.tr(
            "Which weights' change to itemize: A[τ, c] = ‖C(τ, c)‖ with C_V = Σ_l δ^(τ)(c) x(c)ᵀ, "
            "C_U = Σ_l δ^(τ)(c) s(c−1)ᵀ, C_θ = Σ_l δ^(τ)(c)"))
        param_label = QtWidgets.QLabel(self.tr("&Weights:"))
        param_label.setBuddy(self.param_combo)
        self.cut_check = QtWidgets.QCheckBox(self.tr("Show what &truncation cut"))
        self.cut_check.setObjectName("whoTaughtShowCut")
        self.cut_check.setChecked(True)
        self.cut_check.setToolTip(self.tr(
            "Also draw the copies BPTT(h; h′) never reaches, hatched, with their values from "
            "full-depth BPTT on the same window and weights"))
        self.source_combo = QtWidgets.QComboBox()
        self.source_combo.setObjectName("whoTaughtSource")
        self.source_combo.setToolTip(self.tr(
            "Show one error's δ flowing back alone in the unfolded view (hovering a row of the "
            "matrix does the same while the mouse is on it)"))
        source_label = QtWidgets.QLabel(self.tr("&One error source:"))
        source_label.setBuddy(self.source_combo)
        self._sources = None
        # a form: the panel fits a dock 360 pixels wide
        controls = QtWidgets.QGridLayout()
        controls.addWidget(param_label, 0, 0)
        controls.addWidget(self.param_combo, 0, 1)
        controls.addWidget(source_label, 1, 0)
        controls.addWidget(self.source_combo, 1, 1)
        controls.addWidget(self.cut_check, 2, 0, 1, 2)
        controls.setColumnStretch(1, 1)
        self.source_combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_combo.setMinimumContentsLength(16)

        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground("w")
        self.glw.ci.layout.setContentsMargins(2, 2, 2, 2)
        self.glw.ci.layout.setSpacing(2)
        self.glw.setMouseTracking(True)
        self.glw.installEventFilter(self)
        self.glw.setMinimumSize(340, 430)   # the panel fits a 1280x720 window's dock
        self.glw.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.glw.setToolTip(self.tr(
            "Hover a row to show that error's δ alone in the unfolded view; click a cell for its "
            "formula. Keyboard: arrows move a cell cursor, Enter opens its formula, Escape "
            "leaves."))
        self.title = pg.LabelItem("", size="10pt", color=TEXT)
        self.glw.addItem(self.title, row=0, col=0, colspan=3)

        self.plot = _grid_plot()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(1)
        self.pending_item = QtWidgets.QGraphicsPathItem()
        self.pending_item.setBrush(QtGui.QBrush(PENDING))
        self.pending_item.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
        self.pending_item.setZValue(0)
        self.hatch_item = QtWidgets.QGraphicsPathItem()
        pen = QtGui.QPen(HATCH_DARK)
        pen.setCosmetic(True)
        pen.setWidthF(1.2)
        self.hatch_item.setPen(pen)
        self.hatch_item.setZValue(2)
        self.cut_outline = QtWidgets.QGraphicsPathItem()
        pen = QtGui.QPen(HATCH_DARK)
        pen.setCosmetic(True)
        self.cut_outline.setPen(pen)
        self.cut_outline.setZValue(2)
        self.hover_item = QtWidgets.QGraphicsRectItem()
        pen = QtGui.QPen(QtGui.QColor(255, 140, 0))
        pen.setCosmetic(True)
        pen.setWidthF(2.5)
        self.hover_item.setPen(pen)
        self.hover_item.setZValue(3)
        self.hover_item.setVisible(False)
        self.cursor = None              # (row, drawn column) of the keyboard's cell
        self.cursor_item = QtWidgets.QGraphicsRectItem()
        pen = QtGui.QPen(QtGui.QColor(20, 20, 20))
        pen.setCosmetic(True)
        pen.setWidthF(2.5)
        pen.setStyle(QtCore.Qt.PenStyle.DashLine)
        self.cursor_item.setPen(pen)
        self.cursor_item.setZValue(4)
        self.cursor_item.setVisible(False)
        self.window_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(
            (60, 60, 60), width=1.5, style=QtCore.Qt.PenStyle.DashLine))
        self.window_line.setZValue(3)
        for item in (self.pending_item, self.image, self.hatch_item, self.cut_outline,
                     self.hover_item, self.cursor_item, self.window_line):
            self.plot.addItem(item)
        self.plot.hideAxis("bottom")
        self.plot.showAxis("top")
        self.plot.getAxis("top").setStyle(showValues=False)
        self.plot.getAxis("top").setHeight(TOP_H)
        self.plot.getAxis("left").setWidth(AXIS_W)
        self.plot.setLabel("left", self.tr("τ: error entered at step"), color=TEXT)
        self.glw.addItem(self.plot, row=1, col=0)

        self.row_plot = _grid_plot()
        self.row_image = pg.ImageItem(axisOrder="row-major")
        self.row_plot.addItem(self.row_image)
        self.row_plot.hideAxis("left")
        self.row_plot.hideAxis("bottom")
        self.row_plot.showAxis("top")
        self.row_plot.getAxis("top").setTicks([[(0.5, "Σ_c")], []])
        self.row_plot.getAxis("top").setHeight(TOP_H)
        self.row_plot.setFixedWidth(STRIP)
        self.glw.addItem(self.row_plot, row=1, col=1)

        self.col_plot = _grid_plot()
        self.col_image = pg.ImageItem(axisOrder="row-major")
        self.col_plot.addItem(self.col_image)
        self.col_plot.getAxis("left").setWidth(AXIS_W)
        self.col_plot.getAxis("left").setTicks([[(0.5, "Σ_τ")], []])
        self.col_plot.setLabel("bottom", self.tr("c: copy at step"), color=TEXT)
        self.col_plot.getAxis("bottom").setHeight(BOTTOM_H)
        self.col_plot.setFixedHeight(STRIP + BOTTOM_H)
        self.glw.addItem(self.col_plot, row=2, col=0)

        self.total_plot = _grid_plot()
        self.total_image = pg.ImageItem(axisOrder="row-major")
        self.total_plot.addItem(self.total_image)
        self.total_plot.hideAxis("left")
        self.total_plot.getAxis("bottom").setTicks([[(0.5, "Σ")], []])
        self.total_plot.getAxis("bottom").setHeight(BOTTOM_H)
        self.total_plot.setFixedWidth(STRIP)
        self.total_plot.setFixedHeight(STRIP + BOTTOM_H)
        self.total_plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.glw.addItem(self.total_plot, row=2, col=1)

        self.bar = pg.ColorBarItem(values=(-1, 0), colorMap=pg.colormap.get(SEQUENTIAL, skipCache=True),
                                   interactive=False, width=12, colorMapMenu=False,
                                   label=self.tr("log₁₀ ‖C(τ, c)‖"))
        self.bar.setImageItem([self.image, self.row_image, self.col_image, self.total_image])
        for name in ("left", "right"):
            _style_axis(self.bar.getAxis(name))
        self.glw.addItem(self.bar, row=1, col=2, rowspan=2)

        self.cos_plot = pg.PlotItem(enableMenu=False)
        self.rel_plot = pg.PlotItem(enableMenu=False)
        self.cos_curves, self.rel_curves = {}, {}
        for plot, curves, title in ((self.cos_plot, self.cos_curves,
                                     self.tr("cos(scheme, full)")),
                                    (self.rel_plot, self.rel_curves,
                                     self.tr("‖scheme − full‖/‖full‖"))):
            plot.hideButtons()
            plot.setMouseEnabled(False, False)
            plot.showGrid(x=True, y=True, alpha=0.25)
            for name in ("left", "bottom"):
                _style_axis(plot.getAxis(name))
            plot.getAxis("left").enableAutoSIPrefix(False)
            plot.getAxis("left").setWidth(52)
            for p, col in PARAM_COLORS.items():
                curves[p] = plot.plot([], [], pen=pg.mkPen(col, width=2), symbol="o",
                                      symbolSize=4, symbolBrush=col, symbolPen=None, name=p,
                                      connect="finite")
        self._title_history_plots()
        self.hist_layout = self.glw.addLayout(row=3, col=0, colspan=3)
        self.hist_layout.addItem(self.cos_plot, row=0, col=0)
        self.hist_layout.addItem(self.rel_plot, row=1, col=0)    # stacked: fits 360 pixels
        self.glw.ci.layout.setRowStretchFactor(1, 4)
        self.glw.ci.layout.setRowStretchFactor(3, 3)
        self.glw.ci.layout.setColumnStretchFactor(0, 1)

        self.readout = QtWidgets.QLabel(self.tr("Hover a cell to read it; click it for its formula."))
        self.readout.setObjectName("whoTaughtReadout")
        self.readout.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.caption = QtWidgets.QLabel()
        self.caption.setObjectName("whoTaughtCaption")
        self.caption.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(3)
        lay.addLayout(controls)
        lay.addWidget(self.caption)
        self.scroll = scrolled(self.glw, "whoTaughtScroll") if scroll else None
        lay.addWidget(self.scroll or self.glw, 1)
        lay.addWidget(self.readout)

        self.param_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.cut_check.toggled.connect(lambda *_: self.refresh())
        self.source_combo.currentIndexChanged.connect(self._on_source_choice)
        self.glw.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.glw.scene().sigMouseClicked.connect(self._on_click)
        self.follow({"frame": self._on_frame, "structure": self._on_frame,
                     "window": self._on_frame, "cost": self._on_frame})
        self.refresh()

    # -- following the session ----------------------------------------------------
    #: when set (the window does), frames arriving while the panel is hidden (a tab behind
    #: another) are drawn only when it is shown again: nothing is computed for nobody
    lazy_when_hidden = False
    _stale = False

    def _on_frame(self, *args) -> None:
        if self.lazy_when_hidden and not self.isVisible():
            self._stale = True
            return
        self.throttle.request()

    def showEvent(self, ev) -> None:
        super().showEvent(ev)
        if self._stale:
            self._stale = False
            self.throttle.request()

    @property
    def param(self) -> str:
        """The parameter itemized: "V", "U" or "theta_h"."""
        return self.param_combo.currentData()

    def set_param(self, param: str) -> None:
        """Select "V", "U" or "theta_h"."""
        i = self.param_combo.findData(param)
        if i < 0:
            raise ValueError(f"param must be one of {', '.join(af.SELECTABLE)}, got {param!r}")
        self.param_combo.setCurrentIndex(i)

    def _title_history_plots(self) -> None:
        key = " ".join(f"<span style='color:rgb{c}'>● {p}</span>" for p, c in PARAM_COLORS.items())
        for plot, title in ((self.cos_plot, self.tr("cos(scheme, full)")),
                            (self.rel_plot, self.tr("‖scheme − full‖/‖full‖"))):
            plot.setTitle(f"<span style='color:{TEXT}'>{title}</span> {key}", size="9pt")
            plot.setLabel("bottom", self.tr("update"), color=TEXT)

    def retranslate(self) -> None:
        """Titles in the language just installed, then a redraw."""
        self._title_history_plots()
        super().retranslate()

    def refresh(self) -> None:
        """Draw the session's current update at its micro-step."""
        if self.session.update.pas.deltas.by_source is None:
            # an update played without its per-error detail (fast play): keep the last picture
            self.caption.setText(self.tr("This update was played without its per-error detail; "
                                         "step or pause to see it."))
            return
        f = af.build_who_taught_frame(self.session, self.param, self.cut_check.isChecked(),
                                      tracker=self.tracker)
        self.frame = f
        self._update_sources(f)
        L, K = f.A.shape
        lo, hi = f.levels
        self.bar.setLevels((lo, hi))
        self.image.setImage(f.log_image(), autoLevels=False)
        self.image.setRect(QtCore.QRectF(0, 0, K, L))
        self.pending_item.setPath(_rect_path(f.pending))
        self.hatch_item.setPath(_hatch_path(f.cut))
        self.cut_outline.setPath(_rect_path(f.cut))
        off = f.w0 - f.c0
        self.window_line.setVisible(off > 0)
        self.window_line.setValue(off)
        self.plot.setRange(xRange=(0, K), yRange=(0, L), padding=0)
        self.plot.getAxis("left").setTicks([_ticks(L, f.w0 + 1), []])
        self.row_image.setImage(af._log(f.row_norms[:, None], f.levels), autoLevels=False)
        self.row_image.setRect(QtCore.QRectF(0, 0, 1, L))
        self.row_plot.setRange(xRange=(0, 1), yRange=(0, L), padding=0)
        self.col_image.setImage(af._log(f.col_norms[None, :], f.levels), autoLevels=False)
        self.col_image.setRect(QtCore.QRectF(0, 0, K, 1))
        self.col_plot.setRange(xRange=(0, K), yRange=(0, 1), padding=0)
        self.col_plot.getAxis("bottom").setTicks([_ticks(K, f.c0 + 1), []])
        self.total_image.setImage(af._log(np.array([[f.total_norm if f.total_norm > 0 or
                                                     f.complete else np.nan]]), f.levels),
                                  autoLevels=False)
        if self.cursor is not None:
            self.cursor = (min(self.cursor[0], L - 1), min(self.cursor[1], K - 1))
            self.cursor_item.setRect(QtCore.QRectF(self.cursor[1], self.cursor[0], 1, 1))
        self._set_hover(self.hovered if self.hovered < L else -1, emit=self.hovered >= L)
        self._draw_caption(f)
        self._draw_history(f)

    def _update_sources(self, f) -> None:
        rows = [int(t) for t in np.nonzero(f.computed.any(axis=1))[0]]
        key = (f.w0, tuple(rows))
        if key == self._sources:
            return
        self._sources = key
        current = self.source_combo.currentData()
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        self.source_combo.addItem(self.tr("every error (the whole update)"), -1)
        for t in rows:
            self.source_combo.addItem(self.tr("τ: the error at t = {0}").format(f.w0 + t + 1), t)
        i = self.source_combo.findData(current if current is not None else -1)
        self.source_combo.setCurrentIndex(max(i, 0))
        self.source_combo.blockSignals(False)
        if i < 0 and current not in (None, -1):
            self.sourceSelected.emit(-1)

    def _draw_caption(self, f) -> None:
        p = PARAM_TEXT[f.param]
        total = self.tr("‖Δ{0}‖/η = <b>{1}</b>").format(p, _fmt(f.total_norm))
        if not f.complete:
            total += " " + self.tr("(so far: BPTT is still going back)")
        parts = [self.tr("Update {0}").format(f.update) + ": " + total + "."]
        if f.cut_share is None:
            parts.append(self.tr("The full-depth comparison needs the sequence's history, "
                                 "which this update no longer has."))
        elif f.truncated:
            parts.append(self.tr("Truncation cut <b>{0} %</b> of ‖Δ{1}‖ (hatched cells).").format(
                _fmt(100 * f.cut_share[f.param]), p))
            parts.append(self.tr("Scheme vs full BPTT: cos V {0}, U {1}, W {2}; relative error "
                                 "V {3}, U {4}, W {5}.").format(
                *(_fmt(f.cosine[q]) for q in af.COMPARED),
                *(_fmt(f.rel_error[q]) for q in af.COMPARED)))
        else:
            parts.append(self.tr("The scheme cuts nothing on this update: its gradient is the "
                                 "full-depth one (cos = 1)."))
        self.caption.setText(" ".join(parts))
        self.title.setText(self.tr("A[τ, c] = ‖C_{0}(τ, c)‖<br>rows τ: the error entered; "
                                   "columns c: the copy reached").format(p),
                           size="9pt", color=TEXT)

    def _draw_history(self, f) -> None:
        version = (self.tracker.version, len(f.history_updates))
        if version == self._hist_version:
            return
        self._hist_version = version
        x = f.history_updates.astype(float)
        lo, hi = 1.0, 0.0
        for p in af.COMPARED:
            cos = f.history_cosine[p]
            rel = np.where(np.isfinite(f.history_rel_error[p]), f.history_rel_error[p], np.nan)
            self.cos_curves[p].setData(x, cos)
            self.rel_curves[p].setData(x, rel)
            if np.isfinite(cos).any():
                lo = min(lo, float(np.nanmin(cos)))
            if np.isfinite(rel).any():
                hi = max(hi, float(np.nanmax(rel)))
        # at least a thousandth around 1 and above 0, so that rounding noise reads as 1 and 0
        lo = min(lo, 1.0 - 1e-3)
        self.cos_plot.setYRange(lo, 1.0, padding=0.05)
        self.rel_plot.setYRange(0.0, max(hi, 1e-3), padding=0.05)
        if x.size:                      # updates are whole numbers: at least 5 of them wide
            a, b = x[0] - 0.5, max(x[-1], x[0] + 4) + 0.5
            self.cos_plot.setXRange(a, b, padding=0)
            self.rel_plot.setXRange(a, b, padding=0)

    # -- mouse ----------------------------------------------------------------------
    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        """(row τ, drawn column k) of the matrix cell under a scene position, or None."""
        f = self.frame
        if f is None:
            return None
        p = self.image.mapFromScene(scene_pos)
        r, k = int(math.floor(p.y())), int(math.floor(p.x()))
        if 0 <= r < f.L and 0 <= k < f.K:
            return r, k
        return None

    def _on_mouse_moved(self, scene_pos) -> None:
        hit = self.cell_at(scene_pos)
        self._set_hover(hit[0] if hit else -1)
        if hit is not None:
            self._read_cell(*hit)

    def _set_hover(self, row: int, emit: bool = True) -> None:
        f = self.frame
        if row >= 0 and f is not None:
            self.hover_item.setRect(QtCore.QRectF(0, row, f.K, 1))
            self.hover_item.setVisible(True)
        else:
            self.hover_item.setVisible(False)
        if row != self.hovered:
            self.hovered = row
            if emit:
                self.sourceHovered.emit(row)

    def eventFilter(self, obj, ev) -> bool:
        if obj is self.glw and ev.type() == QtCore.QEvent.Type.Leave and self.cursor is None:
            self._set_hover(-1)
        if obj is self.glw and ev.type() == QtCore.QEvent.Type.ShortcutOverride \
                and self._wants(ev.key()):
            ev.accept()         # the window's arrow/Space/Enter shortcuts step; here they move
            return True
        if obj is self.glw and ev.type() == QtCore.QEvent.Type.KeyPress and self._key(ev.key()):
            return True
        return super().eventFilter(obj, ev)

    # -- keyboard: the same as the mouse, with a cursor cell ---------------------------
    _MOVES = {QtCore.Qt.Key.Key_Up: (-1, 0), QtCore.Qt.Key.Key_Down: (1, 0),
              QtCore.Qt.Key.Key_Left: (0, -1), QtCore.Qt.Key.Key_Right: (0, 1)}

    def _wants(self, key) -> bool:
        """Whether the matrix takes ``key`` (before the window's shortcuts do)."""
        if self.frame is None:
            return False
        if key in self._MOVES:
            return True
        return self.cursor is not None and key in (
            QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter, QtCore.Qt.Key.Key_Space,
            QtCore.Qt.Key.Key_Escape)

    def _key(self, key) -> bool:
        """Arrows move the cursor cell (hovering its row), Enter or Space clicks it, Escape
        leaves; True when the key was used."""
        f = self.frame
        if f is None:
            return False
        if key in self._MOVES:
            if self.cursor is None:            # start at the error entering last, its own copy
                rows = np.nonzero(f.computed.any(axis=1))[0]
                r = int(rows[-1]) if rows.size else f.L - 1
                self.cursor = (r, min(f.K - 1, r + f.w0 - f.c0))
            else:
                dr, dk = self._MOVES[key]
                r, k = self.cursor
                self.cursor = (min(max(r + dr, 0), f.L - 1), min(max(k + dk, 0), f.K - 1))
            self._show_cursor()
            return True
        if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter, QtCore.Qt.Key.Key_Space):
            if self.cursor is not None and f.computed[self.cursor]:
                r, k = self.cursor
                self.cellClicked.emit(f.param, r, f.window_column(k))
            return self.cursor is not None
        if key == QtCore.Qt.Key.Key_Escape and self.cursor is not None:
            self.cursor = None
            self.cursor_item.setVisible(False)
            self._set_hover(-1)
            return True
        return False

    def _show_cursor(self) -> None:
        r, k = self.cursor
        self.cursor_item.setRect(QtCore.QRectF(k, r, 1, 1))
        self.cursor_item.setVisible(True)
        self._set_hover(r)
        self._read_cell(r, k)

    def _read_cell(self, r: int, k: int) -> None:
        f = self.frame
        t = f.w0 + r + 1
        c = f.c0 + k + 1
        p = PARAM_TEXT[f.param]
        if f.revealed[r, k] or f.cut[r, k]:
            what = (self.tr("cut by the truncation; full-depth value") if f.cut[r, k]
                    else self.tr("computed"))
            text = self.tr("error at t = {0}, copy at step {1}: ‖C_{2}‖ = <b>{3}</b> ({4})").format(
                t, c, p, _fmt(float(f.A[r, k])), what)
        elif f.pending[r, k]:
            text = self.tr("error at t = {0}, copy at step {1}: BPTT has not reached it "
                           "yet").format(t, c)
        else:
            text = self.tr("error at t = {0}, copy at step {1}: no contribution (no error "
                           "enters at t, or c &gt; t)").format(t, c)
        row = f.row_norms[r]
        text += "<br>" + self.tr("row total (this error's whole change) {0}; column total "
                                 "(this copy's fold-back term) {1}").format(
            _fmt(float(row)), _fmt(float(f.col_norms[k])))
        self.readout.setText(text)

    def _on_click(self, ev) -> None:
        hit = self.cell_at(ev.scenePos())
        if hit is None:
            return
        r, k = hit
        if self.frame.computed[r, k]:
            self.cellClicked.emit(self.frame.param, r, self.frame.window_column(k))

    def _on_source_choice(self, *args) -> None:
        t = self.source_combo.currentData()
        self.sourceSelected.emit(-1 if t is None else int(t))

    @property
    def source(self) -> int:
        """τ chosen in the selector (−1: every error)."""
        t = self.source_combo.currentData()
        return -1 if t is None else int(t)
