"""The gradient check: the engine's gradients against central finite differences, on demand.

A button runs :func:`core.gradcheck.gradcheck_update` on the current weights
and the current update's window (its inputs, targets and target mask, s(0) =
the state entering the window, every error reaching the window's first
copy), with clipping off and ε = 1e−6, and shows per parameter the largest
relative error and pass/fail at 1e−6.
"""
from __future__ import annotations

import copy

from PySide6 import QtCore, QtGui, QtWidgets

from core import gradcheck as gc

from visualizer.model.explain import fmt
from visualizer.qt.background import run_in_background
from visualizer.qt.panels.base import Panel

ROWS = ("V", "U", "W", "theta_h", "theta_o")


class GradcheckPanel(Panel):
    """A button and a table: largest relative error and pass/fail per parameter.

    Attributes
    ----------
    result : core.gradcheck.GradCheck or None
    table : QTableWidget
        Rows V, U, W, θ_h, θ_o; columns parameter, largest relative error, result.
    button : QPushButton
    """

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setObjectName("gradcheckPanel")
        self.result = None
        self._checked_update = None
        self.button = QtWidgets.QPushButton(self.tr("Check gradients"))
        self.button.setObjectName("gradcheckButton")
        self.button.setToolTip(self.tr("compare the engine's ∂C/∂w with central finite differences "
                                       "(ε = {eps}, clipping off) on the current weights and window"
                                       ).format(eps=fmt(gc.EPS)))
        self.button.clicked.connect(self.run)
        self.table = QtWidgets.QTableWidget(len(ROWS), 3)
        self.table.setObjectName("gradcheckTable")
        self.table.setHorizontalHeaderLabels([self.tr("parameter"), self.tr("largest relative error"),
                                              self.tr("result")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, name in enumerate(ROWS):
            self.table.setItem(r, 0, QtWidgets.QTableWidgetItem(gc.LABELS[name]))
            self.table.setItem(r, 1, QtWidgets.QTableWidgetItem("—"))
            self.table.setItem(r, 2, QtWidgets.QTableWidgetItem(""))
        self.table.setMinimumHeight(self.table.verticalHeader().length() +
                                    self.table.horizontalHeader().height() + 6)
        self.summary = QtWidgets.QLabel(self.tr(
            "Press the button to compare the engine's gradients with central finite "
            "differences (pass: relative error ≤ {tol}).").format(tol=fmt(gc.TOLERANCE)))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.setMinimumWidth(360)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.button)
        lay.addWidget(self.table)
        lay.addWidget(self.summary)
        lay.addStretch(1)
        self.follow({"frame": self._on_frame, "structure": self._on_frame})

    def _on_frame(self, *args) -> None:
        if self.result is not None and self.session.update is not self._checked_update:
            self.summary.setText(self._summary_text() + "<br><span style='color:#a06000'>" +
                                 self.tr("The update has changed since: check again.") + "</span>")

    def run(self) -> gc.GradCheck | None:
        """Run the check on a worker thread (progress, Cancel) and show it; None if cancelled."""
        s = self.session
        # the worker gets its own copies: the window may go on stepping the session meanwhile
        net, update = copy.deepcopy(s.net), copy.deepcopy(s.update)
        outcome = run_in_background(self, self.tr("Checking the gradients…"),
                                    gc.gradcheck_update, net, update, s.trainer.cost)
        if outcome.cancelled:
            return None
        if outcome.error is not None:
            raise outcome.error
        self.result = outcome.value
        self._checked_update = s.update
        self._show()
        return self.result

    def _summary_text(self) -> str:
        r, u = self.result, self._checked_update
        verdict = ("<b style='color:#11702a'>%s</b>" % self.tr("all pass") if r.ok
                   else "<b style='color:#b00020'>%s</b>" % self.tr("FAILED"))
        return verdict + ": " + self.tr(
            "update {n}, window steps {a}–{b}, P = {P}, every error reaching the window start; "
            "ε = {eps}, clipping off, {evals} cost evaluations. Error = max|a − n| / (max|a| + "
            "max|n|), pass ≤ {tol}.").format(
            n=u.index + 1, a=u.w0 + 1, b=u.t_end, P=u.pas.X.shape[1], eps=fmt(r.eps, html=True),
            evals=r.evaluations, tol=fmt(r.tolerance, html=True))

    def _show(self) -> None:
        r = self.result
        ok_brush = QtGui.QBrush(QtGui.QColor(214, 240, 220))
        bad_brush = QtGui.QBrush(QtGui.QColor(250, 210, 210))
        for row, name in enumerate(ROWS):
            err = r.errors[name]
            passed = r.passed[name]
            self.table.item(row, 1).setText(fmt(err, 3))
            it = self.table.item(row, 2)
            it.setText(self.tr("pass") if passed else self.tr("FAIL"))
            for c in range(3):
                self.table.item(row, c).setBackground(ok_brush if passed else bad_brush)
        self.summary.setText(self._summary_text())
