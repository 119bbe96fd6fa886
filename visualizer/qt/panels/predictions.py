"""What the network predicts: a strip under the view, one cell per step of the current update.

Each cell shows the input symbol x(t), the target d(t) and the predicted
symbol with its probability (for regression the target and output values),
tinted green when right and red when wrong; the step the view has just
revealed is outlined. Draws :class:`~visualizer.model.prediction_frame.PredictionFrame`.
"""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from visualizer.model import prediction_frame as pfr
from visualizer.qt.panels.base import Panel

CELL_W = 78
CELL_H = 70
RIGHT = QtGui.QColor(210, 240, 210)
WRONG = QtGui.QColor(248, 210, 210)
PLAIN = QtGui.QColor(246, 246, 246)
PENDING = QtGui.QColor(232, 232, 232)
ACTIVE = QtGui.QColor(255, 140, 0)
TEXT = QtGui.QColor(30, 30, 30)
MUTED = QtGui.QColor(110, 110, 110)


class _Strip(QtWidgets.QWidget):
    """The painted cells (inside the panel's scroll area)."""

    def __init__(self, panel):
        super().__init__()
        self.panel = panel
        self.setMinimumHeight(CELL_H + 4)

    def sizeHint(self) -> QtCore.QSize:
        f = self.panel.frame
        n = f.L if f is not None else 1
        return QtCore.QSize(n * CELL_W + 4, CELL_H + 4)

    def paintEvent(self, ev) -> None:
        f = self.panel.frame
        if f is None:
            return
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        small = QtGui.QFont(self.font())
        small.setPixelSize(11)
        big = QtGui.QFont(self.font())
        big.setPixelSize(13)
        big.setBold(True)
        for c in range(f.L):
            rect = QtCore.QRectF(2 + c * CELL_W, 2, CELL_W - 4, CELL_H)
            fill = (RIGHT if f.right[c] else WRONG if f.wrong[c] else
                    PLAIN if f.revealed[c] else PENDING)
            p.setPen(QtGui.QPen(QtGui.QColor(200, 200, 200)))
            p.setBrush(fill)
            p.drawRoundedRect(rect, 4, 4)
            if f.active == c:
                pen = QtGui.QPen(ACTIVE)
                pen.setWidthF(2.5)
                p.setPen(pen)
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
            lines = self.panel.cell_lines(c)
            p.setFont(small)
            p.setPen(MUTED)
            p.drawText(rect.adjusted(4, 2, -4, 0), QtCore.Qt.AlignmentFlag.AlignLeft, lines[0])
            p.setPen(TEXT)
            for i, text in enumerate(lines[1:3]):
                p.drawText(rect.adjusted(4, 16 + 14 * i, -4, 0), QtCore.Qt.AlignmentFlag.AlignLeft,
                           text)
            p.setFont(big)
            p.drawText(rect.adjusted(4, 46, -4, 0), QtCore.Qt.AlignmentFlag.AlignLeft, lines[3])
        p.end()


class PredictionStrip(Panel):
    """One cell per step: input, target, prediction with probability, right or wrong.

    Attributes
    ----------
    frame : PredictionFrame or None
        The frame drawn last.
    strip : QWidget
        The painted cells.
    """

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setObjectName("predictionStrip")
        self.frame = None
        self.strip = _Strip(self)
        self.strip.setToolTip(self.tr(
            "Per step of the update's window: x the input, d the target, y the network's "
            "prediction (with its probability); green right, red wrong, orange outline the step "
            "just revealed"))
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidget(self.strip)
        self.scroll.setWidgetResizable(False)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.scroll.setFixedHeight(CELL_H + 24)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("predictionSummary")
        self.summary.setWordWrap(True)          # its length must not set the window's width
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(2)
        lay.addWidget(self.summary)
        lay.addWidget(self.scroll)
        self.follow({"frame": self._on_frame, "structure": self._on_frame,
                     "window": self._on_frame})
        self.refresh()

    def _on_frame(self, *args) -> None:
        self.throttle.request()

    def cell_lines(self, c: int) -> list[str]:
        """The four lines of cell ``c``: step, input, target, prediction."""
        f = self.frame
        head = self.tr("t = {0}").format(int(f.steps[c]))
        x = self.tr("x: {0}").format(f.inputs[c])
        d = self.tr("d: {0}").format(f.targets[c]) if f.scored[c] else self.tr("d: –")
        if not f.revealed[c]:
            y = self.tr("y: …")
        elif f.kind == "values":
            y = self.tr("y: {0}").format(f.predicted[c])
        else:
            mark = " ✓" if f.right[c] else " ✗" if f.wrong[c] else ""
            y = self.tr("{0} {1}%{2}").format(f.predicted[c], f"{100 * f.probability[c]:.0f}", mark)
        return [head, x, d, y]

    def refresh(self) -> None:
        """Draw the session's current update at its micro-step."""
        f = pfr.build_prediction_frame(self.session)
        self.frame = f
        self.strip.resize(self.strip.sizeHint())
        self.strip.update()
        if f.active is not None:
            self.scroll.ensureVisible(2 + f.active * CELL_W + CELL_W // 2, CELL_H // 2,
                                      CELL_W, 0)
        n_marked = int(f.right.sum() + f.wrong.sum())
        if f.kind == "values":
            err = f.error[~(f.error != f.error)]            # the finite ones
            text = self.tr("Sample l = {0}: target and output values; mean ‖d − y‖ so far "
                           "{1}").format(f.sample + 1, f"{float(err.mean()):.3g}" if err.size
                                         else "–")
        else:
            text = self.tr("Sample l = {0}: {1} of {2} predictions scored so far are "
                           "right").format(f.sample + 1, int(f.right.sum()), n_marked)
        self.summary.setText(text)

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(600, CELL_H + 48)
