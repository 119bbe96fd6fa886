"""The CSV dialog: choose the input and target columns and how sequences are separated.

It shows the first rows of a :class:`core.datasets.Table`, lets the user check
input columns x(t) and target columns d(t) and pick the separation of
sequences (blank lines, a sequence-id column, a fixed length), and on OK
builds ``self.task`` with :func:`core.datasets.csv_task` on a worker thread
(with progress and Cancel). A refused choice is written in the dialog, which
stays open.
"""
from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from core import datasets

from visualizer.qt.background import run_in_background

#: rows of the file shown in the preview
PREVIEW_ROWS = 6
#: most steps per sequence the "fixed length" choice offers
MAX_SEQUENCE_LENGTH = 1000
#: a single block longer than this starts with "a fixed length" chosen
LONG_BLOCK_ROWS = 1000
#: the fixed length offered first (or the whole file when shorter)
DEFAULT_SEQUENCE_LENGTH = 20


class CsvDialog(QtWidgets.QDialog):
    """Choose columns and the separation of sequences; on OK ``self.task`` is the task.

    Parameters
    ----------
    table : core.datasets.Table
    name : str
        The file's name (the task is called ``csv:<name>``).
    seed : int
        Seed of the held-out split.
    parent : QWidget, optional
    """

    def __init__(self, table, name: str = "data", seed: int = 0, parent=None):
        super().__init__(parent)
        self.setObjectName("csvDialog")
        self.setWindowTitle(self.tr("Load CSV data: {name}").format(name=name))
        self.table, self.name, self.seed = table, name, seed
        self.task = None
        cols = table.columns
        lay = QtWidgets.QVBoxLayout(self)
        lay.addWidget(QtWidgets.QLabel(self.tr(
            "{rows} rows, {cols} columns, {blocks} block(s) between blank lines. Targets are "
            "compared with the outputs of the same row.").format(
                rows=table.rows, cols=len(cols), blocks=len(table.blocks))))
        preview = QtWidgets.QTableWidget(min(PREVIEW_ROWS, table.rows), len(cols))
        preview.setObjectName("csvPreview")
        preview.setHorizontalHeaderLabels(cols)
        rows = [r for b in table.blocks for r in b][:PREVIEW_ROWS]
        for i, (_, fields) in enumerate(rows):
            for j, f in enumerate(fields):
                preview.setItem(i, j, QtWidgets.QTableWidgetItem(f))
        preview.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        preview.setMaximumHeight(190)
        lay.addWidget(preview)
        pick = QtWidgets.QHBoxLayout()
        self.inputs = self._checklist("inputs", cols, range(max(1, len(cols) - 1)))
        self.targets = self._checklist("targets", cols, [len(cols) - 1])
        for title, w in ((self.tr("Inputs x(t)"), self.inputs),
                         (self.tr("Targets d(t)"), self.targets)):
            box = QtWidgets.QGroupBox(title)
            QtWidgets.QVBoxLayout(box).addWidget(w)
            pick.addWidget(box)
        lay.addLayout(pick)
        form = QtWidgets.QFormLayout()
        self.mode = QtWidgets.QComboBox()
        self.mode.setObjectName("csvMode")
        self.mode.addItems([self.tr("blank lines"), self.tr("a sequence-id column"),
                            self.tr("a fixed length")])
        self.column = QtWidgets.QComboBox()
        self.column.setObjectName("csvSequenceColumn")
        self.column.addItems(cols)
        self.length = QtWidgets.QSpinBox()
        self.length.setObjectName("csvSequenceLength")
        self.length.setRange(1, MAX_SEQUENCE_LENGTH)
        self.length.setValue(min(DEFAULT_SEQUENCE_LENGTH, max(1, table.rows)))
        form.addRow(self.tr("Sequences separated by"), self.mode)
        form.addRow(self.tr("Sequence-id column"), self.column)
        form.addRow(self.tr("Steps per sequence"), self.length)
        lay.addLayout(form)
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("csvError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        lay.addWidget(self.error)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if len(table.blocks) == 1 and table.rows > LONG_BLOCK_ROWS:
            self.mode.setCurrentIndex(2)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    @staticmethod
    def _checklist(name, cols, checked):
        w = QtWidgets.QListWidget()
        w.setObjectName(f"csv{name.capitalize()}")
        for i, c in enumerate(cols):
            item = QtWidgets.QListWidgetItem(c)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.CheckState.Checked if i in checked
                               else QtCore.Qt.CheckState.Unchecked)
            w.addItem(item)
        return w

    @staticmethod
    def _checked(w) -> list[int]:
        return [i for i in range(w.count())
                if w.item(i).checkState() == QtCore.Qt.CheckState.Checked]

    def set_choice(self, inputs, targets, mode: int = 0, column=None, length=None) -> None:
        """Check exactly ``inputs`` and ``targets`` (indices) and pick the separation."""
        for w, idx in ((self.inputs, inputs), (self.targets, targets)):
            for i in range(w.count()):
                w.item(i).setCheckState(QtCore.Qt.CheckState.Checked if i in idx
                                        else QtCore.Qt.CheckState.Unchecked)
        self.mode.setCurrentIndex(mode)
        if column is not None:
            self.column.setCurrentIndex(int(column))
        if length is not None:
            self.length.setValue(int(length))

    def _mode_changed(self, *_):
        m = self.mode.currentIndex()
        self.column.setEnabled(m == 1)
        self.length.setEnabled(m == 2)

    def choice(self) -> dict:
        """The options for :func:`core.datasets.csv_task`."""
        m = self.mode.currentIndex()
        return {"inputs": self._checked(self.inputs), "targets": self._checked(self.targets),
                "sequence_column": self.column.currentIndex() if m == 1 else None,
                "sequence_length": self.length.value() if m == 2 else None}

    def accept(self) -> None:
        """Build the task off the GUI thread; close on success, say why otherwise."""
        c = self.choice()
        self.task = None
        if not c["inputs"]:
            self.error.setText(self.tr("check at least one input column"))
            return
        if not c["targets"]:
            self.error.setText(self.tr("check at least one target column"))
            return
        outcome = run_in_background(self, self.tr("Building the sequences…"), datasets.csv_task,
                                    self.table, c["inputs"], c["targets"],
                                    sequence_column=c["sequence_column"],
                                    sequence_length=c["sequence_length"],
                                    name=self.name, seed=self.seed)
        if outcome.cancelled:
            self.error.setText(self.tr("Cancelled."))
            return
        if isinstance(outcome.error, datasets.DataError):
            self.error.setText(str(outcome.error))
            return
        if outcome.error is not None:
            raise outcome.error
        self.task = outcome.value
        super().accept()
