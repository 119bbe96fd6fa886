"""The fold-back panel: each copy's contribution to ΔV, ΔU, ΔW, adding into the sum.

One column per copy of the unfolded view (right-aligned the same way, labelled
with the same t= and z=), one row per matrix:

    ΔV row:  δ(t−z) x(t−z)ᵀ      (rows j, columns i)
    ΔU row:  δ(t−z) s(t−z−1)ᵀ    (rows j, columns h)
    ΔW row:  δ_o(t) s(t)ᵀ        (rows k, columns j; only the copies where error entered)

then the running sum over the copies folded so far (Σ_z Σ_l, without η: ΔV/η,
ΔU/η, ΔW/η) and the weights before and after the update. A copy's term
appears when BPTT has computed its δ; it is added into the sum when the
fold-back phase reaches it (``reveal.folded_from``). Every term shares one
diverging scale centred on zero (CET-D1), fixed for the update so a term
keeps its colour while the sum grows; the weights share another.

What is shown is decided in the model (:mod:`visualizer.model.foldback_frame`,
no Qt); this panel only draws a :class:`~visualizer.model.foldback_frame.FoldbackFrame`:
one ``pg.ImageItem`` per heatmap in one ``GraphicsLayoutWidget``, built when
the shape changes; a frame only calls ``setImage`` for the images whose key changed.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from visualizer.model.foldback_frame import AXES, MATRICES, TERM_TEXT, build_foldback_frame
from visualizer.qt import colormaps as cm
from visualizer.qt.panels.base import Panel
from visualizer.qt.unfolded.view import SELECTION_COLOR

TEXT = "#1e1e1e"
MUTED = "#6a6a6a"




def style_axes(plot: pg.PlotItem, left: str | None, bottom: str | None, n_rows: int,
               n_cols: int) -> None:
    """Axis letters and unit ticks (0-based, as the view numbers units) on a matrix plot.

    A ``None`` label keeps the axis (so every cell of a row has the same size)
    but without numbers or letter.
    """
    for name, label, n in (("left", left, n_rows), ("bottom", bottom, n_cols)):
        ax = plot.getAxis(name)
        plot.showAxis(name)
        ax.setPen(pg.mkPen(MUTED))
        ax.setTextPen(pg.mkPen(TEXT))
        ax.setStyle(tickLength=-3, tickTextOffset=2)
        f = QtGui.QFont()
        f.setPixelSize(9)
        ax.setTickFont(f)
        step = max(1, int(np.ceil(n / 6)))
        ax.setTicks([[(k + 0.5, str(k)) for k in range(0, n, step)], []])
        if label is None:
            ax.setStyle(showValues=False)
            ax.setPen(pg.mkPen(210, 210, 210))
            ax.setLabel(" ", color=TEXT, **{"font-size": "10pt"})
        else:
            ax.setLabel(f"<i>{label}</i>", color=TEXT, **{"font-size": "10pt"})
        if name == "left":
            ax.setWidth(28)
        else:
            ax.setHeight(30)


def _matrix_plot(n_rows: int, n_cols: int, left, bottom) -> tuple[pg.PlotItem, pg.ImageItem]:
    plot = pg.PlotItem(enableMenu=False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    vb = plot.getViewBox()
    vb.invertY(True)
    vb.setAspectLocked(True)
    vb.setDefaultPadding(0.0)
    img = pg.ImageItem(axisOrder="row-major")
    plot.addItem(img)
    vb.setRange(xRange=(0, n_cols), yRange=(0, n_rows), padding=0)
    style_axes(plot, left, bottom, n_rows, n_cols)
    return plot, img


class FoldbackPanel(Panel):
    """Per-copy contributions to ΔV, ΔU, ΔW, their running sum and the weights before/after.

    Signals
    -------
    weightClicked(str, int, int)
        ``(matrix, row, col)`` when a cell of a heatmap is clicked (0-based).

    Attributes
    ----------
    copy_images : dict of str to list of ImageItem
        One per view column (``session.columns``); the image of a column
        outside the window or not revealed yet is all NaN.
    sum_images, before_images, after_images : dict of str to ImageItem
    term_bar, weight_bar : pg.ColorBarItem
        The two shared scales.
    """

    weightClicked = Signal(str, int, int)

    def __init__(self, session, parent=None, scroll: bool = True):
        super().__init__(session, parent)
        self.setObjectName("foldbackPanel")
        # In a dock the heatmaps keep their readable size and scroll; an export
        # (scroll=False) lays them out at the size it draws.
        self.scroll = QtWidgets.QScrollArea() if scroll else None
        self.glw = self._new_canvas()
        self.caption = QtWidgets.QLabel()
        self.caption.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(2)
        lay.addWidget(self.caption)
        if self.scroll is not None:
            self.scroll.setWidgetResizable(True)
            self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
            self.scroll.setWidget(self.glw)
            lay.addWidget(self.scroll, 1)
        else:
            lay.addWidget(self.glw, 1)
        self._headers_built = False
        self.copy_images: dict = {}
        self.sum_images: dict = {}
        self.before_images: dict = {}
        self.after_images: dict = {}
        self._shape = None
        self._state = {}
        self._upd = None
        self._mark = None
        self._mark_items: list = []
        self._click_targets: list = []
        #: the last :class:`~visualizer.model.foldback_frame.FoldbackFrame` drawn
        self.frame = None
        self.follow({"structure": self._on_structure, "frame": self._on_frame})
        self._on_structure()

    # -- building -------------------------------------------------------------------
    def _on_structure(self) -> None:
        s = self.session
        shape = (s.net.N, s.net.M, s.net.O, s.columns)
        if shape != self._shape:
            self._build(*shape)
        self._upd = None
        self.throttle.request()

    def _on_frame(self, *args) -> None:
        self.throttle.request()

    def flush(self) -> None:
        """Draw a pending frame now."""
        self.throttle.flush()

    def _new_canvas(self) -> pg.GraphicsLayoutWidget:
        glw = pg.GraphicsLayoutWidget()
        glw.setBackground("w")
        glw.ci.layout.setContentsMargins(2, 2, 2, 2)
        glw.ci.layout.setSpacing(1)
        glw.scene().sigMouseClicked.connect(self._on_click)
        return glw

    def _swap_canvas(self) -> None:
        """A fresh canvas for a new shape: the old one is deleted whole by Qt, never emptied
        item by item (emptying a layout whose items Qt may already have deleted crashed)."""
        old, self.glw = self.glw, self._new_canvas()
        if self.scroll is not None:
            self.scroll.takeWidget()
            self.scroll.setWidget(self.glw)
        else:
            self.layout().replaceWidget(old, self.glw)
        old.hide()
        old.setParent(None)
        old.deleteLater()

    def _build(self, N: int, M: int, O: int, T: int) -> None:
        self._shape = (N, M, O, T)
        if self._headers_built:
            self._swap_canvas()
        self._headers_built = True
        glw = self.glw
        sizes = {"V": (M, N), "U": (M, M), "W": (O, M)}
        self._headers = []
        for c in range(T):
            lab = pg.LabelItem("", size="9pt", color=TEXT)
            glw.addItem(lab, row=0, col=1 + c)
            self._headers.append(lab)
        extra = (self.tr("Σ folded copies (Δ/η)"), self.tr("before the update"),
                 self.tr("after the update"))
        self._extra_headers = []
        for n, text in enumerate(extra):
            lab = pg.LabelItem(text, size="9pt", color=TEXT, bold=True)
            glw.addItem(lab, row=0, col=1 + T + n)
            self._extra_headers.append(lab)
        self.copy_images = {m: [] for m in MATRICES}
        self._all_term_images = []
        self._all_weight_images = []
        self._click_targets = []          # (image, matrix)
        for r, m in enumerate(MATRICES):
            rows, cols = sizes[m]
            rl, cl = AXES[m]
            name = pg.LabelItem(TERM_TEXT[m], size="9pt", color=TEXT, angle=-90)
            glw.addItem(name, row=1 + r, col=0)
            for c in range(T):
                plot, img = _matrix_plot(rows, cols, rl if c == 0 else None, cl if c == 0 else None)
                glw.addItem(plot, row=1 + r, col=1 + c)
                self.copy_images[m].append(img)
                self._all_term_images.append(img)
                self._click_targets.append((img, m))
            for n, store in enumerate((self.sum_images, self.before_images, self.after_images)):
                plot, img = _matrix_plot(rows, cols, rl, cl)
                glw.addItem(plot, row=1 + r, col=1 + T + n)
                store[m] = img
                (self._all_term_images if n == 0 else self._all_weight_images).append(img)
                self._click_targets.append((img, m))
        cmap = cm.colormap(cm.DIVERGING_NAME)
        self.term_bar = pg.ColorBarItem(values=(-1, 1), colorMap=cmap, interactive=False,
                                        width=12, label=self.tr("δ · input"), colorMapMenu=False)
        self.term_bar.setImageItem(self._all_term_images)
        self.weight_bar = pg.ColorBarItem(values=(-1, 1), colorMap=cm.colormap(cm.DIVERGING_NAME),
                                          interactive=False, width=12, label=self.tr("weight"),
                                          colorMapMenu=False)
        self.weight_bar.setImageItem(self._all_weight_images)
        for bar in (self.term_bar, self.weight_bar):
            for ax_name in ("right", "left"):
                ax = bar.getAxis(ax_name) if hasattr(bar, "getAxis") else None
                if ax is not None:
                    ax.setPen(pg.mkPen(MUTED))
                    ax.setTextPen(pg.mkPen(TEXT))
        glw.addItem(self.term_bar, row=1, col=4 + T, rowspan=3)
        glw.addItem(self.weight_bar, row=1, col=5 + T, rowspan=3)
        for c in range(1 + T + 3):
            glw.ci.layout.setColumnStretchFactor(c, 1 if c else 0)
        self._mark_items = []            # deleted with the old plots
        if self._mark is not None:
            self.mark_weight(*self._mark)
        if self.scroll is not None:
            least = glw.ci.layout.minimumSize()
            glw.setMinimumSize(int(least.width()) + 8, int(least.height()) + 8)
        self._state = {}

    # -- drawing --------------------------------------------------------------------
    def _set(self, img: pg.ImageItem, key, data_fn) -> None:
        """setImage only when what the image shows changed (``key``)."""
        if self._state.get(id(img)) == key:
            return
        self._state[id(img)] = key
        img.setImage(data_fn(), autoLevels=False)

    def refresh(self) -> None:
        """Draw the session's current update and micro-step (built by the model's fold-back frame)."""
        frame = build_foldback_frame(self.session, self.frame)
        if frame is None or self._shape is None:
            return
        if frame.shape != self._shape:
            self._build(*frame.shape)
        if frame.update is not self._upd:
            self._upd = frame.update
            self._state = {}
            self.term_bar.setLevels((-frame.term_range, frame.term_range))
            self.weight_bar.setLevels((-frame.weight_range, frame.weight_range))
        self.frame = frame
        for m in MATRICES:
            for c, img in enumerate(self.copy_images[m]):
                self._set(img, frame.copy_key(m, c), lambda m=m, c=c: frame.copy_image(m, c))
            self._set(self.sum_images[m], frame.sum_key(m), lambda m=m: frame.sum_image(m))
            self._set(self.before_images[m], frame.before_key(m), lambda m=m: frame.before_image(m))
            self._set(self.after_images[m], frame.after_key(m), lambda m=m: frame.after_image(m))
        for lab, text in zip(self._headers, frame.headers):
            if lab.text != text:
                lab.setText(text, size="9pt", color=TEXT, bold=text.endswith("✓"))
        hint = (" <span style='color:%s'>%s</span>" % (MUTED, self.tr("Click a cell for its formula."))
                if self.scroll is not None else "")
        self.caption.setText(frame.caption + hint)

    @property
    def term_range(self) -> float:
        """Half-width of the terms' and sums' shared colour range (1 before the first frame)."""
        return self.frame.term_range if self.frame is not None else 1.0

    @property
    def weight_range(self) -> float:
        """Half-width of the weights' shared colour range."""
        return self.frame.weight_range if self.frame is not None else 1.0

    # -- selection mark -------------------------------------------------------------
    @property
    def marked(self):
        """The weight marked as selected, ``(matrix, row, col)``, or None."""
        return self._mark

    def mark_weight(self, matrix: str | None, row: int = 0, col: int = 0) -> None:
        """Outline one weight's cell in every matrix of ``matrix`` (None clears the mark)."""
        for item in self._mark_items:
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self._mark_items = []
        self._mark = None if matrix is None else (str(matrix), int(row), int(col))
        if self._mark is None:
            return
        m, r, k = self._mark
        for img, mm in self._click_targets:
            if mm != m:
                continue
            box = QtWidgets.QGraphicsRectItem(k, r, 1, 1, img)
            pen = QtGui.QPen(SELECTION_COLOR, 3.0)
            pen.setCosmetic(True)
            box.setPen(pen)
            box.setZValue(10)
            self._mark_items.append(box)

    # -- clicks ---------------------------------------------------------------------
    def _on_click(self, ev) -> None:
        pos = ev.scenePos()
        for img, m in self._click_targets:
            if img.image is None or not img.isVisible():
                continue
            p = img.mapFromScene(pos)
            h, w = img.image.shape[:2]
            x, y = p.x(), p.y()
            if 0 <= x < w and 0 <= y < h:
                self.weightClicked.emit(m, int(y), int(x))
                ev.accept()
                return

    def render_to_image(self, width: int, height: int) -> QtGui.QImage:
        """The panel drawn into a fixed-size image (for pictures and tests)."""
        self.flush()
        self.resize(width, height)
        img = QtGui.QImage(width, height, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(QtGui.QColor("white"))
        p = QtGui.QPainter(img)
        self.render(p)
        p.end()
        return img
