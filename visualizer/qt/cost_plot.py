"""The cost plot: cost per update, the evaluated cost over the whole sequence, and held-out.

It reads ``session.curve_updates`` and ``session.curve_eval`` (the session owns
them); a refresh converts only the points added since the last one, so a long
run stays cheap, and the window calls :meth:`CostPlot.refresh` at most at the
frame rate.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from visualizer.model import explain
from visualizer.model.explain import fmt
from visualizer.qt.plural import plural

#: colour-blind-safe line colours (Okabe & Ito)
COLORS = {"update": (150, 150, 150), "train": (0, 114, 178), "test": (213, 94, 0)}


class _Growing:
    """A list of tuples mirrored into a numpy array, converting only what was appended."""

    def __init__(self, ncols: int):
        self.ncols = ncols
        self.source = None
        self.n = 0
        self.data = np.zeros((256, ncols))

    def sync(self, source: list) -> np.ndarray:
        if source is not self.source or len(source) < self.n:
            self.source, self.n = source, 0
        m = len(source)
        if m > self.n:
            if m > len(self.data):
                grown = np.zeros((max(m, 2 * len(self.data)), self.ncols))
                grown[:self.n] = self.data[:self.n]
                self.data = grown
            rows = source[self.n:m]
            self.data[self.n:m] = [[math.nan if v is None else v for v in r] for r in rows]
            self.n = m
        return self.data[:self.n]


class PlainAxis(pg.AxisItem):
    """An axis whose ticks are whole numbers through :func:`fmt`: no SI prefix, no offset or
    "(x1e+27)" factor a reader would have to apply; in log mode the ticks are the costs."""

    def __init__(self, orientation: str, **kw):
        super().__init__(orientation, **kw)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        if self.logMode:
            return [fmt(10.0 ** v, 3) for v in values]
        out = []
        for v in values:
            v = float(v) * scale
            big = max(abs(v), abs(spacing * scale), 1e-300)
            # enough significant digits to tell neighbouring ticks apart, never fewer than 2
            digits = int(np.clip(math.ceil(math.log10(big / abs(spacing * scale or 1.0))) + 1,
                                 2, 7))
            if 1.0 <= abs(v) < 1e5:   # whole numbers keep their integer digits: 200, not 2×10²
                digits = max(digits, int(math.floor(math.log10(abs(v)))) + 1)
            out.append(fmt(0.0 if abs(v) < 1e-9 * big else v, digits))
        return out


class CostPlot(QtWidgets.QWidget):
    """Cost against the update count, with a legend and a log-scale toggle."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("costPlot")
        self.session = session
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        bar = QtWidgets.QHBoxLayout()
        self.log_box = QtWidgets.QCheckBox(self.tr("log scale"))
        self.log_box.setObjectName("logScaleCheckBox")
        self.log_box.setToolTip(self.tr("Show the cost on a logarithmic axis (the late, small costs "
                                         "become visible)"))
        self.log_box.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.info = QtWidgets.QLabel()
        self.info.setObjectName("costInfo")
        bar.addWidget(self.log_box)
        bar.addStretch(1)
        bar.addWidget(self.info)
        lay.addLayout(bar)

        self.plot = pg.PlotWidget(background="w", axisItems={
            "left": PlainAxis("left"), "bottom": PlainAxis("bottom")})
        self.plot.setObjectName("costPlotWidget")
        self.plot.setMinimumHeight(120)
        pi = self.plot.getPlotItem()
        pi.setLabel("bottom", self.tr("updates"))
        pi.setLabel("left", self.tr("cost"))
        self.plot.setToolTip(self.tr(
            "Cost per scored output vector (the sum C divided by the scored steps and samples), "
            "plotted at the number of updates the weights had when it was measured: grey over "
            "each update's window, measured before that update; blue over the whole training "
            "sequence once per pass; orange on held-out sequences"))
        # room above the plot: the top tick label is centred on the axis's end and was cut in half
        pi.layout.setContentsMargins(2, 9, 6, 2)
        pi.showGrid(x=False, y=False)
        pi.setMenuEnabled(False)
        for ax in ("left", "bottom"):
            pi.getAxis(ax).setTextPen("k")
            pi.getAxis(ax).setPen(pg.mkPen(90, 90, 90))
        self.legend = pi.addLegend(offset=(-10, 10), labelTextColor="k",
                                   brush=pg.mkBrush(255, 255, 255, 210))
        kw = dict(autoDownsample=True, clipToView=True, skipFiniteCheck=False)
        self.curve_update = pi.plot([], [], pen=pg.mkPen(COLORS["update"], width=1),
                                    name=self.tr("each update's window, before it"), **kw)
        self.curve_train = pi.plot([], [], pen=pg.mkPen(COLORS["train"], width=2),
                                   name=self.tr("whole training sequence"), **kw)
        self.curve_test = pi.plot([], [], pen=pg.mkPen(COLORS["test"], width=2),
                                  name=self.tr("held-out sequences"), **kw)
        lay.addWidget(self.plot, 1)
        self._upd = _Growing(2)
        self._eval = _Growing(3)
        self._has_test = None
        self.log_box.toggled.connect(self._set_log)

    def _set_log(self, on: bool) -> None:
        self.plot.getPlotItem().setLogMode(x=False, y=on)
        self.refresh()

    @property
    def log_scale(self) -> bool:
        return self.log_box.isChecked()

    def point_counts(self) -> tuple[int, int]:
        """Points drawn: (per update, per evaluation)."""
        return len(self.curve_update.xData if self.curve_update.xData is not None else ()), \
            len(self.curve_train.xData if self.curve_train.xData is not None else ())

    def retranslate(self) -> None:
        """Draw the figures line again in the language just installed (see :mod:`visualizer.qt.i18n`)."""
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the session's curves (only new points are converted)."""
        s = self.session
        upd = self._upd.sync(s.curve_updates)
        ev = self._eval.sync(s.curve_eval)
        floor = 1e-12 if self.log_scale else -np.inf    # log of 0 is not drawn
        self.curve_update.setData(upd[:, 0], np.maximum(upd[:, 1], floor))
        self.curve_train.setData(ev[:, 0], np.maximum(ev[:, 1], floor))
        vb = self.plot.getPlotItem().getViewBox()
        last = upd[-1, 0] if len(upd) else (ev[-1, 0] if len(ev) else 0)
        if last < 10:           # a handful of points: show the first ten updates, not ±400
            vb.setXRange(0, 10, padding=0.02)
        elif not vb.autoRangeEnabled()[0]:
            vb.enableAutoRange(axis="x")
        few = len(ev) <= 30            # a few evaluations: mark them, a line alone hides one point
        for curve, color in ((self.curve_train, COLORS["train"]), (self.curve_test, COLORS["test"])):
            curve.setSymbol("o" if few else None)
            if few:
                curve.setSymbolSize(5)
                curve.setSymbolBrush(color)
                curve.setSymbolPen(color)
        has_test = bool(s.task.has_test)
        if has_test:
            self.curve_test.setData(ev[:, 0], np.maximum(ev[:, 2], floor))
        else:
            self.curve_test.setData([], [])
        if has_test != self._has_test:
            self._has_test = has_test
            self.curve_test.setVisible(has_test)
            self.legend.removeItem(self.curve_test)
            if has_test:
                self.legend.addItem(self.curve_test, self.tr("held-out sequences"))
        updates, passes = s.trainer.updates, s.trainer.epoch
        parts = [plural(self.tr("%n update(s)", "", updates), updates),
                 plural(self.tr("%n pass(es)", "", passes), passes)]
        # the same cost, name and format as the status bar (explain.training_cost_text)
        parts.append(explain.training_cost_text(s.training_cost()))
        if len(ev):
            if has_test and not math.isnan(ev[-1, 2]):
                parts.append(self.tr("held-out {cost}").format(cost=fmt(ev[-1, 2], 4)))
        floor_v = s.task.floor
        if floor_v:
            parts.append(self.tr("floor {cost}").format(cost=fmt(floor_v, 3)))
        self.info.setText("   ·   ".join(parts))
