"""Vanishing and exploding gradients: ‖δ(t−z)‖ against z, the bound, and their history.

Top: for the current update, the norm of the error that entered at the
window's last target step t after z copies back (log axis), with the bound
(γ σ_max(U))^z ‖D(t) Wᵀ δ_o(t)‖ of BPTT.md beside it and ρ(U), σ_max(U), γ
written on the plot. Bottom: the same norms (log₁₀) as a heatmap over the
updates played so far, one column per applied update (the last
:data:`HISTORY` kept). A spin box and a button rescale U to a chosen spectral
radius, so gradients can be made to vanish (ρ = 0.5) or explode (ρ = 3) on
purpose (:meth:`Session.rescale_U`); the view, this plot and the inspector follow at once.

The numbers, texts and the history are the model's (:mod:`visualizer.model.vanishing_frame`
and ``session.delta_history``); this panel only draws them.
"""
from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from core import diagnostics

from visualizer.model.explain import fmt
from visualizer.qt import colormaps as cm
from visualizer.model.vanishing_frame import HISTORY, build_vanishing_frame, history_array
from visualizer.qt.panels.base import Panel, scrolled
from visualizer.qt.panels.foldback import MUTED, TEXT



#: the plots' least size in a dock (pixels): below it the panel scrolls
READABLE_SIZE = (560, 420)


class VanishingPanel(Panel):
    """‖δ(t−z)‖ against z with its bound, a history heatmap and a spectral-radius control.

    Attributes
    ----------
    result : core.diagnostics.Vanishing or None
        What the plot shows.
    history : list of (int, ndarray)
        (update number, norms) of each applied update shown, oldest first (the session's
        ``delta_history`` from ``first_update`` on).
    history_image : pg.ImageItem
        log₁₀ ‖δ(t−z)‖, rows z, columns the updates of ``history``.
    rho_spin : QDoubleSpinBox
    rescale_button : QPushButton
    """

    def __init__(self, session, parent=None, first_update: int = 1, scroll: bool = True):
        super().__init__(session, parent)
        self.setObjectName("vanishingPanel")
        self.result = None
        #: the history heatmap starts at this update (an export shows the updates it exported)
        self.first_update = int(first_update)
        self._upd = None
        self._history_version = None

        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground("w")
        self.plot = pg.PlotItem(enableMenu=False)
        self.plot.setLogMode(x=False, y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.hideButtons()
        self._style(self.plot, self.tr("z (copies back from t)"), "‖δ(t−z)‖")
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
        self._style(self.hplot, self.tr("update"), "z")
        self.history_image = pg.ImageItem(axisOrder="row-major")
        self.hplot.addItem(self.history_image)
        self.history_bar = pg.ColorBarItem(values=(-3, 0), colorMap=cm.colormap(
            cm.SEQUENTIAL_NAME), interactive=False, width=12, colorMapMenu=False)
        self.history_bar.setImageItem(self.history_image)
        for name in ("left", "right"):
            ax = self.history_bar.getAxis(name)
            ax.setPen(pg.mkPen(MUTED))
            ax.setTextPen(pg.mkPen(TEXT))
        self._title_history()
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
        self.rho_spin.setToolTip(self.tr("target spectral radius ρ(U) (largest |eigenvalue| of U)"))
        self.rescale_button = QtWidgets.QPushButton(self.tr("Rescale U"))
        self.rescale_button.setObjectName("rescaleUButton")
        self.rescale_button.setToolTip(self.tr("multiply U by ρ / ρ(U): the current update is "
                                               "recomputed with the new U"))
        self.rescale_button.clicked.connect(self.rescale)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel(self.tr("set ρ(U) =")))
        row.addWidget(self.rho_spin)
        row.addWidget(self.rescale_button)
        row.addStretch(1)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        if scroll:
            # in a narrow dock the plots keep a readable size (title, legend, z axis) and scroll;
            # an export (scroll=False) lays them out at the size it draws
            self.glw.setMinimumSize(*READABLE_SIZE)
            self.scroll = scrolled(self.glw, "vanishingScroll")
            lay.addWidget(self.scroll, 1)
        else:
            self.scroll = None
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
        self._upd = None
        self._history_version = None
        self.throttle.request()

    def _on_frame(self, *args) -> None:
        self.throttle.request()

    def _on_cost(self, *args) -> None:
        self.throttle.request()

    def flush(self) -> None:
        """Draw a pending frame now."""
        self.throttle.flush()

    # -- what is shown (the model's) ---------------------------------------------------
    @property
    def history(self) -> list:
        """(update number, ‖δ(t−z)‖) of the updates the heatmap shows, oldest first."""
        return self.session.delta_history.since(self.first_update)

    def history_array(self) -> np.ndarray:
        """log₁₀ ‖δ(t−z)‖, shape (Z, number of updates shown); NaN where nothing was measured."""
        return history_array(self.history)

    def _title_history(self) -> None:
        self.hplot.setTitle(f"<span style='color:{TEXT}'>" + self.tr(
            "log<sub>10</sub> ‖δ(t−z)‖ over the updates played (last {n} kept)").format(n=HISTORY)
            + "</span>", size="9pt")

    def retranslate(self) -> None:
        """Titles and the frame again in the language just installed (see visualizer.qt.i18n)."""
        self._title_history()
        self._upd = self._history_version = None      # the frame's words are drawn again
        super().retranslate()

    # -- drawing ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Draw the current update and the history (built by the model's vanishing frame)."""
        s = self.session
        upd = s.update
        hv = (id(s.delta_history), s.delta_history.version, self.first_update)
        reached = s.timeline.reveal(s.position).bptt_from     # BPTT reveals δ copy by copy
        same = self._upd is not None and self._upd[0] is upd and self._upd[1] == reached
        if same and hv == self._history_version:
            return
        frame = build_vanishing_frame(s, self.first_update)
        if not same and frame.result is not None:
            self._upd = (upd, reached)
            self.result = frame.result
            if np.isfinite(frame.norms).any():
                self.curve.setData(frame.z, frame.norms)
                self.bound_curve.setData(frame.z, frame.bound)
            else:           # nothing reached yet: an empty plot, not the last update's curve
                self.curve.setData([], [])
                self.bound_curve.setData([], [])
            self.plot.setTitle(frame.title, size="9pt")
            self.info.setText(frame.info, color=TEXT, size="10pt")
            self.plot.enableAutoRange()
        if hv != self._history_version:
            self._history_version = hv
            self._draw_history(frame)

    def _draw_history(self, frame) -> None:
        a = frame.history
        if a.size == 0:
            self.history_image.setImage(np.full((1, 1), np.nan), autoLevels=False)
            return
        self.history_bar.setLevels(frame.history_levels)
        self.history_image.setImage(a, autoLevels=False)
        first = frame.history_updates[0]
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

    def set_radius(self, rho: float):
        """Ask the session to scale U so that ρ(U) = ``rho``; returns its WeightChange (None on error)."""
        try:
            change = self.session.rescale_U(rho)
        except ValueError as err:
            self.message.setText(f"<span style='color:#a00'>{html.escape(str(err))}</span>")
            return None
        U = change.after
        self.message.setText(self.tr("U rescaled: ρ(U) = {rho}, σ<sub>max</sub>(U) = {sigma}").format(
            rho=fmt(diagnostics.spectral_radius(U), 6, html=True),
            sigma=fmt(diagnostics.sigma_max(U), html=True)))
        self.flush()
        return change
