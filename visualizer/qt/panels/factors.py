"""Why δ vanishes: each step back split into a U factor and an f′ factor, and the saturated units per copy.

A widget the vanishing/exploding panel can embed (or a dock of its own). It
draws :class:`~visualizer.model.factors_frame.FactorsFrame`: per copy c, on a
log scale, the U factor ‖Uᵀδ(c)‖/‖δ(c)‖ and the f′ factor
‖f′ ⊙ Uᵀδ(c)‖/‖Uᵀδ(c)‖ beside the measured ratio ‖δ(c−1)‖/‖δ(c)‖ (their
product), for the whole update or one error source; and below, the hidden
units saturated at each copy (f′ below 10 % of its largest value).
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from visualizer.model import factors_frame as ffr
from visualizer.qt.panels.base import Panel, scrolled

TEXT = "#1e1e1e"
MUTED = "#6a6a6a"
U_COLOR = (40, 90, 200)
F_COLOR = (230, 120, 20)
MEASURED_COLOR = (30, 30, 30)
SAT_COLOR = (170, 60, 140)


def _style(plot: pg.PlotItem, bottom: str, left: str) -> None:
    plot.hideButtons()
    plot.setMouseEnabled(False, False)
    plot.showGrid(x=True, y=True, alpha=0.25)
    f = QtGui.QFont()
    f.setPixelSize(10)
    for name, text in (("bottom", bottom), ("left", left)):
        ax = plot.getAxis(name)
        ax.setPen(pg.mkPen(MUTED))
        ax.setTextPen(pg.mkPen(TEXT))
        ax.setTickFont(f)
        ax.setLabel(text, color=TEXT)
        ax.enableAutoSIPrefix(False)


def _rgb(c) -> str:
    return f"rgb({c[0]},{c[1]},{c[2]})"


class VanishingFactorsPanel(Panel):
    """The U factor, the f′ factor and the measured ratio per copy; saturated units per copy.

    Signals
    -------
    sourceSelected(int)
        τ chosen in the selector (−1: the whole update).

    Attributes
    ----------
    frame : FactorsFrame or None
    u_curve, f_curve, measured_curve, product_curve : pg.PlotDataItem
    sat_bars : pg.BarGraphItem
    """

    sourceSelected = Signal(int)

    def __init__(self, session, parent=None, scroll: bool = True):
        super().__init__(session, parent)
        self.setObjectName("vanishingFactorsPanel")
        self.frame = None
        self._sources = None
        self.source_combo = QtWidgets.QComboBox()
        self.source_combo.setObjectName("factorsSource")
        self.source_combo.setToolTip(self.tr(
            "Split the steps back of the whole update's δ, or of one error's δ alone"))
        label = QtWidgets.QLabel(self.tr("&δ of:"))
        label.setBuddy(self.source_combo)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.source_combo, 1)

        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground("w")
        self.glw.setMinimumSize(360, 300)
        self.plot = pg.PlotItem(enableMenu=False)
        self.plot.setLogMode(y=True)
        _style(self.plot, self.tr("copy c at step t (the δ leaves c for c − 1)"),
               self.tr("factor of one step back"))
        self._title_plot()
        self.one_line = pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen(
            (120, 120, 120), style=QtCore.Qt.PenStyle.DotLine))
        self.plot.addItem(self.one_line)       # log₁₀ 1 = 0: above it δ grows, below it shrinks
        self.u_curve = self.plot.plot([], [], pen=pg.mkPen(U_COLOR, width=2), symbol="o",
                                      symbolSize=7, symbolBrush=U_COLOR, symbolPen=None,
                                      connect="finite")
        self.f_curve = self.plot.plot([], [], pen=pg.mkPen(F_COLOR, width=2), symbol="s",
                                      symbolSize=7, symbolBrush=F_COLOR, symbolPen=None,
                                      connect="finite")
        self.product_curve = self.plot.plot([], [], pen=pg.mkPen(
            MEASURED_COLOR, width=1, style=QtCore.Qt.PenStyle.DashLine), connect="finite")
        self.measured_curve = self.plot.plot([], [], pen=None, symbol="d", symbolSize=9,
                                             symbolBrush=None, symbolPen=pg.mkPen(
                                                 MEASURED_COLOR, width=1.5))
        self.glw.addItem(self.plot, row=0, col=0)
        self.sat_plot = pg.PlotItem(enableMenu=False)
        _style(self.sat_plot, self.tr("copy at step t"), self.tr("saturated units"))
        self.sat_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=SAT_COLOR, pen=None)
        self.sat_plot.addItem(self.sat_bars)
        self.glw.addItem(self.sat_plot, row=1, col=0)
        self.glw.ci.layout.setRowStretchFactor(0, 3)
        self.glw.ci.layout.setRowStretchFactor(1, 1)
        self.caption = QtWidgets.QLabel()
        self.caption.setObjectName("factorsCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(QtCore.Qt.TextFormat.RichText)
        # a wrapped label is not always given its height for its width: keep room for 4 lines
        self.caption.setMinimumHeight(4 * self.caption.fontMetrics().lineSpacing() + 4)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addLayout(row)
        self.scroll = scrolled(self.glw, "factorsScroll") if scroll else None
        lay.addWidget(self.scroll or self.glw, 1)
        lay.addWidget(self.caption)
        self.source_combo.currentIndexChanged.connect(self._on_choice)
        self.follow({"frame": self._on_frame, "structure": self._on_frame,
                     "window": self._on_frame})
        self.refresh()

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
    def source(self) -> int:
        """τ shown (−1: the whole update)."""
        t = self.source_combo.currentData()
        return -1 if t is None else int(t)

    def set_source(self, tau: int) -> None:
        """Show one error source τ (a window column where an error enters; −1: the whole update).

        A τ without an error falls back to the whole update.
        """
        i = self.source_combo.findData(int(tau))
        self.source_combo.setCurrentIndex(max(i, 0))

    def _on_choice(self, *args) -> None:
        self.refresh()
        self.sourceSelected.emit(self.source)

    def _title_plot(self) -> None:
        self.plot.setTitle(
            f"<span style='color:{_rgb(U_COLOR)}'>● " + self.tr("U factor ‖Uᵀδ(c)‖/‖δ(c)‖") +
            f"</span><br><span style='color:{_rgb(F_COLOR)}'>■ " +
            self.tr("f′ factor ‖f′ ⊙ Uᵀδ(c)‖/‖Uᵀδ(c)‖") + "</span><br>"
            f"<span style='color:{_rgb(MEASURED_COLOR)}'>◆ " +
            self.tr("measured ‖δ(c−1)‖/‖δ(c)‖ = their product") + "</span>", size="9pt")

    def retranslate(self) -> None:
        """Title and source names in the language just installed, then a redraw."""
        self._title_plot()
        self._sources = None            # the combo's items are built again by the redraw
        super().retranslate()

    def _update_sources(self, f) -> None:
        key = (int(f.steps[0]) if f.L else 0, tuple(f.sources))
        if key == self._sources:
            return
        self._sources = key
        current = self.source
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        self.source_combo.addItem(self.tr("the whole update"), -1)
        for t in f.sources:
            self.source_combo.addItem(self.tr("the error at t = {0} alone").format(
                int(f.steps[t])), t)
        self.source_combo.setCurrentIndex(max(self.source_combo.findData(current), 0))
        self.source_combo.blockSignals(False)

    def refresh(self) -> None:
        """Draw the session's current update at its micro-step."""
        src = self.source
        f = ffr.build_factors_frame(self.session, None if src < 0 else src)
        self._update_sources(f)
        if f.source is None and src >= 0:
            f = ffr.build_factors_frame(self.session, None)
        self.frame = f
        x = f.steps.astype(float)
        for curve, y in ((self.u_curve, f.u_factor), (self.f_curve, f.fprime_factor),
                         (self.product_curve, f.u_factor * f.fprime_factor),
                         (self.measured_curve, f.measured)):
            with np.errstate(invalid="ignore"):
                ok = np.isfinite(y) & (y > 0)               # a log axis: positive values only
            curve.setData(x[ok], y[ok])
        self.plot.setXRange(x[0] - 0.5 if f.L else 0, x[-1] + 0.5 if f.L else 1, padding=0)
        self.plot.enableAutoRange(axis="y")
        known = f.saturated >= 0
        self.sat_bars.setOpts(x=x[known], height=f.saturated[known].astype(float), width=0.6)
        self.sat_plot.setXRange(x[0] - 0.5 if f.L else 0, x[-1] + 0.5 if f.L else 1, padding=0)
        self.sat_plot.setYRange(0, max(1, int(f.saturated.max(initial=0))), padding=0.05)
        step = max(1, int(math.ceil(f.L / 12)))
        ticks = [[(float(t), str(int(t))) for t in f.steps[::step]], []]
        self.plot.getAxis("bottom").setTicks(ticks)
        self.sat_plot.getAxis("bottom").setTicks(ticks)
        shown = int(np.isfinite(f.measured).sum())
        who = (self.tr("the whole update") if f.source is None else
               self.tr("the error at t = {0} alone").format(int(f.steps[f.source])))
        text = self.tr("δ of {0}: {1} steps back shown so far.").format(who, shown)
        if shown:
            gu = float(np.nanprod(f.u_factor))
            gf = float(np.nanprod(f.fprime_factor))
            text += "<br>" + self.tr("Over them: U × {0}, f′ × {1}.").format(f"{gu:.3g}",
                                                                          f"{gf:.3g}")
        M = self.session.net.M
        text += "<br>" + self.tr("Saturated: f′ &lt; {0} (10 % of max f′ of {1}), counted over "
                                 "{2} units per copy (M = {3} units × P = {4} sequences).").format(
            f"{f.threshold:g}", f.hidden, f.units, M, f.units // max(M, 1))
        self.caption.setText(text)
