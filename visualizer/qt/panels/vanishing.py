"""Vanishing and exploding gradients: ‖δ(t−z)‖ against z, the bound, and their history.

Top: for the current update, the norm of the error that entered at the
window's last target step t after z copies back (log axis), with the bound
(γ σ_max(U))^z ‖D(t) Wᵀ δ_o(t)‖ of BPTT.md beside it and ρ(U), σ_max(U), γ
written on the plot. Bottom: the same norms (log₁₀) as a heatmap over the
updates played so far, one column per applied update (the last
:data:`HISTORY` kept). A spin box and a button rescale U to a chosen spectral
radius, so gradients can be made to vanish (ρ = 0.5) or explode (ρ = 3) on
purpose; the view, this plot and the inspector follow at once.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from core import diagnostics

from visualizer.qt.panels.base import Panel
from visualizer.qt.panels.foldback import MUTED, TEXT

#: updates kept in the history heatmap
HISTORY = 500
SEQUENTIAL = "viridis"


class VanishingPanel(Panel):
    """‖δ(t−z)‖ against z with its bound, a history heatmap and a spectral-radius control.

    Attributes
    ----------
    result : core.diagnostics.Vanishing or None
        What the plot shows.
    history : list of (int, ndarray)
        (update number, norms) of each applied update, oldest first.
    history_image : pg.ImageItem
        log₁₀ ‖δ(t−z)‖, rows z, columns the updates of ``history``.
    rho_spin : QDoubleSpinBox
    rescale_button : QPushButton
    """

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setObjectName("vanishingPanel")
        self.result = None
        self.history: list[tuple[int, np.ndarray]] = []
        self._upd = None

        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground("w")
        self.plot = pg.PlotItem(enableMenu=False)
        self.plot.setLogMode(x=False, y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.hideButtons()
        self._style(self.plot, "z (copies back from t)", "‖δ(t−z)‖")
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.curve = self.plot.plot([], [], pen=pg.mkPen((200, 60, 20), width=2), symbol="o",
                                    symbolSize=6, symbolBrush=(200, 60, 20), symbolPen=None,
                                    connect="finite")
        self.bound_curve = self.plot.plot([], [], pen=pg.mkPen((40, 90, 200), width=2,
                                                                style=QtCore.Qt.PenStyle.DashLine),
                                          connect="finite")
        self.info = pg.LabelItem("", color=TEXT, size="10pt", justify="left")
        self.glw.addItem(self.info, row=0, col=0, colspan=2)
        self.glw.addItem(self.plot, row=1, col=0, colspan=2)

        self.hplot = pg.PlotItem(enableMenu=False)
        self.hplot.hideButtons()
        self.hplot.setMouseEnabled(False, False)
        self.hplot.getViewBox().invertY(True)
        self._style(self.hplot, "update", "z")
        self.history_image = pg.ImageItem(axisOrder="row-major")
        self.hplot.addItem(self.history_image)
        self.history_bar = pg.ColorBarItem(values=(-3, 0), colorMap=pg.colormap.get(
            SEQUENTIAL, skipCache=True), interactive=False, width=12, colorMapMenu=False)
        self.history_bar.setImageItem(self.history_image)
        for name in ("left", "right"):
            ax = self.history_bar.getAxis(name)
            ax.setPen(pg.mkPen(MUTED))
            ax.setTextPen(pg.mkPen(TEXT))
        self.hplot.setTitle(f"<span style='color:{TEXT}'>log<sub>10</sub> ‖δ(t−z)‖ over the "
                            f"updates played (last {HISTORY} kept)</span>", size="9pt")
        self.glw.addItem(self.hplot, row=2, col=0)
        self.glw.addItem(self.history_bar, row=2, col=1)
        self.glw.ci.layout.setColumnMinimumWidth(1, 75)
        self.glw.ci.layout.setRowStretchFactor(1, 3)
        self.glw.ci.layout.setRowStretchFactor(2, 2)
        self.setMinimumWidth(380)

        self.rho_spin = QtWidgets.QDoubleSpinBox()
        self.rho_spin.setObjectName("rhoSpin")
        self.rho_spin.setRange(0.01, 20.0)
        self.rho_spin.setDecimals(3)
        self.rho_spin.setSingleStep(0.1)
        self.rho_spin.setValue(1.0)
        self.rho_spin.setToolTip("target spectral radius ρ(U) (largest |eigenvalue| of U)")
        self.rescale_button = QtWidgets.QPushButton("Rescale U")
        self.rescale_button.setObjectName("rescaleUButton")
        self.rescale_button.setToolTip("multiply U by ρ / ρ(U): the current update is recomputed "
                                       "with the new U")
        self.rescale_button.clicked.connect(self.rescale)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel("set ρ(U) ="))
        row.addWidget(self.rho_spin)
        row.addWidget(self.rescale_button)
        row.addStretch(1)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(self.glw, 1)
        lay.addLayout(row)
        lay.addWidget(self.message)

        self.follow({"frame": self._on_frame, "cost": self._on_cost,
                     "structure": self._on_structure})
        self._on_structure()

    @staticmethod
    def _style(plot, bottom, left):
        for name, text in (("bottom", bottom), ("left", left)):
            ax = plot.getAxis(name)
            ax.setPen(pg.mkPen(MUTED))
            ax.setTextPen(pg.mkPen(TEXT))
            ax.setLabel(text, color=TEXT)

    # -- session events -------------------------------------------------------------
    def _on_structure(self, *args) -> None:
        self.history = []
        self._upd = None
        self._history_dirty = True
        self.throttle.request()

    def _on_frame(self, *args) -> None:
        self._record()
        self.throttle.request()

    def _on_cost(self, *args) -> None:
        self._record()
        self.throttle.request()

    def _record(self) -> None:
        """Keep the history in step with the applied updates (and undo)."""
        s = self.session
        applied = s.trainer.updates
        if self.history and self.history[-1][0] > applied:      # stepped back over an update
            self.history = [h for h in self.history if h[0] <= applied]
            self._history_dirty = True
        upd = s.update
        if s.applied and upd.index + 1 == applied and upd.pas.deltas.by_source is not None:
            if not self.history or self.history[-1][0] < applied:
                self.history.append((applied, diagnostics.delta_norms(upd.pas)))
                del self.history[:-HISTORY]
                self._history_dirty = True

    def flush(self) -> None:
        """Draw a pending frame now."""
        self.throttle.flush()

    # -- drawing ----------------------------------------------------------------------
    def _pass_U(self):
        return self.session.pass_weights()["U"]

    def refresh(self) -> None:
        """Show the current update and the history."""
        s = self.session
        upd = s.update
        if upd is not self._upd and upd.pas.deltas.by_source is not None:
            self._upd = upd
            r = diagnostics.vanishing(upd.pas, self._pass_U(), s.net.hidden)
            self.result = r
            with np.errstate(all="ignore"):
                norms = np.where(r.norms > 0, r.norms, np.nan)
                bound = np.where((r.bound > 0) & np.isfinite(r.bound), r.bound, np.nan)
            z = r.z.astype(float)
            self.curve.setData(z, norms)
            self.bound_curve.setData(z, bound)
            t = ("no error enters in this window" if r.t < 0 else
                 f"error entering at t = step {upd.w0 + r.t + 1}")
            self.plot.setTitle(
                f"<span style='color:{TEXT}'>update {upd.index + 1}, {t}: "
                f"<span style='color:#c83c14'>● measured ‖δ(t−z)‖</span> &nbsp;"
                f"<span style='color:#285ac8'>- - bound (γ σ<sub>max</sub>)<sup>z</sup>"
                f" ‖δ(t)‖</span></span>", size="9pt")
            factor = r.gamma * r.sigma
            verdict = ("&lt; 1: the bound vanishes" if factor < 1 else
                       "≥ 1: exploding is possible")
            self.info.setText(
                f"ρ(U) = <b>{r.rho:.4g}</b> &nbsp; σ<sub>max</sub>(U) = <b>{r.sigma:.4g}</b> "
                f"&nbsp; γ = max|f′| = <b>{r.gamma:g}</b> ({s.net.hidden})<br>"
                f"γ σ<sub>max</sub>(U) = <b>{factor:.4g}</b> {verdict} &nbsp;"
                f"<span style='color:{MUTED}'>(norms over the P = {upd.pas.X.shape[1]} "
                f"samples)</span>", color=TEXT, size="10pt")
            self.plot.enableAutoRange()
        if self._history_dirty:
            self._history_dirty = False
            self._draw_history()

    def history_array(self) -> np.ndarray:
        """log₁₀ ‖δ(t−z)‖, shape (Z, number of updates kept); NaN where nothing was measured."""
        if not self.history:
            return np.zeros((0, 0))
        Z = max(max((n.size for _, n in self.history), default=0), 1)
        out = np.full((Z, len(self.history)), np.nan)
        with np.errstate(divide="ignore", invalid="ignore"):
            for c, (_, n) in enumerate(self.history):
                v = np.log10(n)
                out[:n.size, c] = np.where(np.isfinite(v), v, np.nan)
        return out

    def _draw_history(self) -> None:
        a = self.history_array()
        if a.size == 0:
            self.history_image.setImage(np.full((1, 1), np.nan), autoLevels=False)
            return
        finite = a[np.isfinite(a)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (-3.0, 0.0)
        if hi - lo < 1e-6:
            lo, hi = lo - 0.5, hi + 0.5
        self.history_bar.setLevels((lo, hi))
        self.history_image.setImage(a, autoLevels=False)
        first = self.history[0][0]
        self.history_image.setRect(QtCore.QRectF(first - 0.5, 0, a.shape[1], a.shape[0]))
        self.hplot.setRange(xRange=(first - 0.5, first - 0.5 + a.shape[1]), yRange=(0, a.shape[0]),
                            padding=0)
        ax = self.hplot.getAxis("left")
        step = max(1, int(np.ceil(a.shape[0] / 8)))
        ax.setTicks([[(k + 0.5, str(k)) for k in range(0, a.shape[0], step)], []])

    # -- the control --------------------------------------------------------------------
    def rescale(self) -> None:
        """Scale U to the spin box's spectral radius and recompute the current update."""
        self.set_radius(self.rho_spin.value())

    def set_radius(self, rho: float) -> None:
        """Scale U so that ρ(U) = ``rho``; the session recomputes the current update."""
        s = self.session
        try:
            newU = diagnostics.rescale_to_radius(s.net.U, rho)
        except ValueError as err:
            self.message.setText(f"<span style='color:#a00'>{err}</span>")
            return
        s.net.U[...] = newU            # after an applied update, refresh() prepares the next one
        s.refresh()
        self.message.setText(f"U rescaled: ρ(U) = {diagnostics.spectral_radius(s.net.U):.6g}, "
                             f"σ<sub>max</sub>(U) = {diagnostics.sigma_max(s.net.U):.4g}")
        self.flush()
