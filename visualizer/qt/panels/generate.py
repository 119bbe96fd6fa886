"""Generate: sample a sequence from the network's own predictions, as min-char-rnn does while it trains.

A prefix, a length, a temperature and a seed; the Generate button runs the
prefix through the current network and draws each next symbol from
softmax(net_k / T), feeding it back as the next input
(:func:`core.sampling.generate`, the same as ``rnn-unfold sample``). Bad
input is refused with one message in the panel; a network that cannot
generate (regression or bit outputs) says why and keeps the button off.
"""
from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from visualizer.model import prediction_frame as pfr
from visualizer.model.config import (GENERATE_LENGTH, GENERATE_MAX_LENGTH, GENERATE_TEMPERATURE,
                                     LIMITS, TEMPERATURE_RANGE)
from visualizer.qt.panels.base import Panel

ERROR = "#a00000"


class GeneratePanel(Panel):
    """Prefix, length, temperature, seed, a Generate button and the generated text.

    Signals
    -------
    generated(str)
        The text of a new sample (prefix included).

    Attributes
    ----------
    sample : core.sampling.Sample or None
        The last sample drawn.
    """

    generated = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setObjectName("generatePanel")
        self.sample = None
        self.prefix_edit = QtWidgets.QLineEdit()
        self.prefix_edit.setObjectName("generatePrefix")
        self.prefix_edit.setToolTip(self.tr(
            "Symbols to start from: one character each, or names separated by spaces when they "
            "are longer"))
        self.length_spin = QtWidgets.QSpinBox()
        self.length_spin.setObjectName("generateLength")
        self.length_spin.setRange(1, GENERATE_MAX_LENGTH)
        self.length_spin.setValue(GENERATE_LENGTH)
        self.length_spin.setToolTip(self.tr("How many symbols to generate after the prefix"))
        self.temperature_spin = QtWidgets.QDoubleSpinBox()
        self.temperature_spin.setObjectName("generateTemperature")
        self.temperature_spin.setRange(*TEMPERATURE_RANGE)
        self.temperature_spin.setDecimals(2)
        self.temperature_spin.setSingleStep(0.1)
        self.temperature_spin.setValue(GENERATE_TEMPERATURE)
        self.temperature_spin.setToolTip(self.tr(
            "Temperature T of softmax(net / T): below 1 sharper (towards the most likely "
            "symbol), above 1 flatter (towards uniform)"))
        self.seed_spin = QtWidgets.QSpinBox()
        self.seed_spin.setObjectName("generateSeed")
        self.seed_spin.setRange(LIMITS["seed"][0], min(LIMITS["seed"][1], 2 ** 31 - 1))
        self.seed_spin.setToolTip(self.tr("Seed of the draws: the same seed gives the same sample"))
        self.button = QtWidgets.QPushButton(self.tr("&Generate"))
        self.button.setObjectName("generateButton")
        self.button.setToolTip(self.tr(
            "Run the prefix through the current network, then draw each next symbol from its "
            "own prediction and feed it back"))
        self.output = QtWidgets.QPlainTextEdit()
        self.output.setObjectName("generateOutput")
        self.output.setReadOnly(True)
        self.output.setToolTip(self.tr("The prefix followed by the generated symbols"))
        f = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
        self.output.setFont(f)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("generateMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(QtCore.Qt.TextFormat.RichText)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Prefix:"), self.prefix_edit)
        form.addRow(self.tr("&Length:"), self.length_spin)
        form.addRow(self.tr("&Temperature:"), self.temperature_spin)
        form.addRow(self.tr("&Seed:"), self.seed_spin)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addLayout(form)
        lay.addWidget(self.button)
        lay.addWidget(self.message)
        lay.addWidget(self.output, 1)
        self.button.clicked.connect(self.generate)
        self.prefix_edit.returnPressed.connect(self.generate)
        self.follow({"structure": self._on_structure})
        self._on_structure()

    def _on_structure(self, *args) -> None:
        """A new task or network: a fresh default prefix, and whether it can generate at all."""
        problem = pfr.generation_problem(self.session)
        self.button.setEnabled(problem is None)
        if not problem:
            self.prefix_edit.setText(pfr.default_prefix(self.session))
        self._say_state(problem)

    def _say_state(self, problem) -> None:
        if problem:
            self._say(self.tr("This network cannot generate: {0}.").format(html.escape(problem, quote=False)), error=True)
        else:
            self._say(self.tr("Generates from the network as it is now (after {0} "
                              "updates).").format(self.session.trainer.updates))

    def retranslate(self) -> None:
        """The message in the language just installed (the prefix the user typed stays)."""
        self._say_state(pfr.generation_problem(self.session))
        super().retranslate()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(f"<span style='color:{ERROR}'>{text}</span>" if error else text)

    def generate(self) -> bool:
        """Draw a sample with the panel's settings; False (and one message) on bad input."""
        problem = pfr.generation_problem(self.session)
        if problem:
            self._say(self.tr("This network cannot generate: {0}.").format(html.escape(problem, quote=False)), error=True)
            return False
        prefix = self.prefix_edit.text()
        if not prefix.strip():
            self._say(self.tr("Give a prefix: at least one symbol to start from."), error=True)
            return False
        try:
            sample = pfr.generate_sample(self.session, prefix, self.length_spin.value(),
                                         self.temperature_spin.value(), self.seed_spin.value())
        except ValueError as err:
            self._say(self.tr("Not generated: {0}").format(html.escape(str(err), quote=False)), error=True)
            return False
        self.sample = sample
        text = sample.text()
        self.output.setPlainText(text)
        self._say(self.tr("{0} symbols at T = {1}, seed {2}, after {3} updates.").format(
            sample.indices.size, f"{sample.temperature:g}", sample.seed,
            self.session.trainer.updates))
        self.generated.emit(text)
        return True
