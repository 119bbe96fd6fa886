"""The File menu's actions: open and save workspaces, train on your own text or CSV data.

Each action pauses play first. A file that cannot be used is reported in one
warning (and in the status bar) and leaves the open workspace as it was.
Files are read on a worker thread behind a progress dialog with Cancel.

The window's title names the workspace ("untitled" until it is saved) with
Qt's ``[*]`` modified marker: training and edits set it, saving and opening
clear it. Before Open, Load text/CSV/sample and closing the window,
:meth:`FileActions.maybe_discard` asks Save / Discard / Cancel when there is
unsaved work (the question is :meth:`FileActions.ask_discard`, one method, so
tests can answer it).
"""
from __future__ import annotations

import os

from PySide6 import QtCore, QtGui, QtWidgets

from core import datasets

from visualizer.model import workspace
from visualizer.model.resources import asset
from visualizer.qt.background import run_in_background
from visualizer.qt.csv_dialog import CsvDialog

KEY_DIR = "files/lastDir"
KEY_FILE = "files/lastWorkspace"
#: how long a "now training on" message stays in the status bar (ms)
NEWS_MS = 15000


class FileActions(QtCore.QObject):
    """The File actions of one :class:`~visualizer.qt.main_window.MainWindow`.

    Attributes
    ----------
    actions : dict of str to QAction
        By object name: actionOpen, actionSave, actionSaveAs, actionLoadText,
        actionLoadCsv, actionLoadSample.
    path : str or None
        The workspace file the window shows, if it was opened or saved.
    """

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("fileActions")
        self.window = window
        self.path: str | None = None
        self.actions = {}
        for name, text, key, slot, tip in (
            ("actionOpen", self.tr("&Open workspace…"), QtGui.QKeySequence.StandardKey.Open,
             self.open_dialog, self.tr("Open a workspace file (.rnnu)")),
            ("actionSave", self.tr("&Save workspace"), QtGui.QKeySequence.StandardKey.Save,
             self.save, self.tr("Save task, settings, weights, curves and the position")),
            ("actionSaveAs", self.tr("Save workspace &as…"), QtGui.QKeySequence("Ctrl+Shift+S"),
             self.save_as, self.tr("Save the workspace under a new name")),
            ("actionLoadText", self.tr("Load &text data…"), None, self.load_text_dialog,
             self.tr("Train on your own text: next-character prediction")),
            ("actionLoadCsv", self.tr("Load &CSV data…"), None, self.load_csv_dialog,
             self.tr("Train on your own numeric sequences from a CSV file")),
            ("actionLoadSample", self.tr("Load the sample te&xt"), None, self.load_sample,
             self.tr("Next-character prediction on the opening of Alice's Adventures in Wonderland "
                "(shipped with the program), as in min-char-rnn")),
        ):
            act = QtGui.QAction(text, window)
            act.setObjectName(name)
            if key is not None:
                act.setShortcut(key)
                act.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.triggered.connect(lambda _=False, slot=slot: slot())
            window.addAction(act)
            self.actions[name] = act
        self._subs = [window.session.events.connect(name, self._changed)
                      for name in ("cost", "config", "edited")]

    def add_to(self, menu: QtWidgets.QMenu) -> None:
        """Put the actions into ``menu``: workspace files, then own data."""
        for name in ("actionOpen", "actionSave", "actionSaveAs"):
            menu.addAction(self.actions[name])
        menu.addSeparator()
        for name in ("actionLoadText", "actionLoadCsv", "actionLoadSample"):
            menu.addAction(self.actions[name])

    @property
    def session(self):
        return self.window.session

    # -- helpers ------------------------------------------------------------------
    def _dir(self) -> str:
        d = QtCore.QSettings().value(KEY_DIR, "")
        return d if isinstance(d, str) and os.path.isdir(d) else os.getcwd()

    def _remember_file(self, path: str, workspace_file: bool) -> None:
        st = QtCore.QSettings()
        st.setValue(KEY_DIR, os.path.dirname(os.path.abspath(path)))
        if workspace_file:
            self.path = os.path.abspath(path)
            st.setValue(KEY_FILE, self.path)
            self.window.setWindowFilePath(self.path)
            self.set_modified(False)

    # -- title and unsaved work -----------------------------------------------------
    def update_title(self) -> None:
        """"name.rnnu[*] — rnn-unfold": the workspace's name (or "untitled") and the marker."""
        name = os.path.basename(self.path) if self.path else self.tr("untitled")
        self.window.setWindowTitle(self.tr("{name}[*] — rnn-unfold").format(name=name))

    def set_modified(self, on: bool) -> None:
        """Mark the window's work as unsaved (True) or saved (False)."""
        self.update_title()
        self.window.setWindowModified(bool(on))

    @property
    def modified(self) -> bool:
        """There is work a Save would keep and a close would lose."""
        return self.window.isWindowModified()

    def _changed(self, *_) -> None:
        if not getattr(self.window, "_closing", False):
            self.window.setWindowModified(True)

    def ask_discard(self) -> str:
        """Ask about unsaved work: "save", "discard" or "cancel"."""
        mb = QtWidgets.QMessageBox
        box = mb(mb.Icon.Question, self.tr("Unsaved work"),
                 self.tr("The workspace has changes that are not saved."), parent=self.window)
        box.setObjectName("discardQuestion")
        box.setInformativeText(self.tr("Save them first?"))
        box.setStandardButtons(mb.StandardButton.Save | mb.StandardButton.Discard
                               | mb.StandardButton.Cancel)
        box.setDefaultButton(mb.StandardButton.Save)
        # S and D answer from the keyboard (a message box takes a mnemonic without Alt); Esc cancels
        box.button(mb.StandardButton.Save).setText(self.tr("&Save"))
        box.button(mb.StandardButton.Discard).setText(self.tr("&Discard"))
        answer = box.exec()
        box.deleteLater()
        return {mb.StandardButton.Save: "save",
                mb.StandardButton.Discard: "discard"}.get(mb.StandardButton(answer), "cancel")

    def maybe_discard(self) -> bool:
        """True when the work may be replaced: nothing unsaved, saved now, or the user said Discard."""
        if not self.modified:
            return True
        self.window.pause()
        answer = self.ask_discard()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def detach(self) -> None:
        """Stop following the session."""
        for sub in self._subs:
            sub.disconnect()
        self._subs.clear()

    def _warn(self, title: str, text: str) -> None:
        self.window.show_message(text, 0)
        QtWidgets.QMessageBox.warning(self.window, title, text)

    def _read(self, label: str, fn, *args, **kwargs):
        """``fn(*args)`` off the GUI thread; (value, DataError or None), or None if cancelled."""
        outcome = run_in_background(self.window, label, fn, *args, **kwargs)
        if outcome.cancelled:
            self.window.show_message(self.tr("Cancelled"), 4000)
            return None
        if outcome.error is not None and not isinstance(
                outcome.error, (datasets.DataError, workspace.WorkspaceError)):
            raise outcome.error
        return outcome.value, outcome.error

    # -- workspace files ------------------------------------------------------------
    def open_dialog(self) -> None:
        """File ▸ Open…: choose a workspace file and open it (after asking about unsaved work)."""
        self.window.pause()
        if not self.maybe_discard():
            return
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, self.tr("Open workspace"), self._dir(), workspace.FILE_FILTER)
        if path:
            self.open(path)

    def open(self, path) -> bool:
        """Open the workspace at ``path``; on failure say why and change nothing."""
        path = os.fspath(path)
        self.window.pause()
        try:
            workspace.load_into(self.session, path, budget=self.session.memory_budget)
        except workspace.WorkspaceError as err:
            self._warn(self.tr("Cannot open the workspace"), str(err))
            return False
        self._remember_file(path, workspace_file=True)
        self.window.flush()
        self.set_modified(False)
        self.window.show_message(self.tr("Opened {file}: {task}, update {update}").format(
            file=os.path.basename(path), task=self.session.task.name,
            update=self.session.status()["update"]))
        return True

    def save(self) -> bool:
        """File ▸ Save: to the current file, or ask for one."""
        if not self.path:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        """File ▸ Save As…: ask for a file name and save."""
        self.window.pause()
        start = self.path or os.path.join(self._dir(), suggested_name(self.session))
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.window, self.tr("Save workspace"), start, workspace.FILE_FILTER)
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += workspace.EXTENSION
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Save atomically to ``path``; on failure say why (the old file stays whole)."""
        try:
            workspace.save(self.session, path)
        except workspace.WorkspaceError as err:
            self._warn(self.tr("Cannot save the workspace"), str(err))
            return False
        self._remember_file(path, workspace_file=True)
        self.window.show_message(self.tr("Saved {file}").format(file=os.path.basename(path)))
        return True

    # -- own data -------------------------------------------------------------------
    def load_text_dialog(self) -> None:
        """File ▸ Load text data…"""
        self.window.pause()
        if not self.maybe_discard():
            return
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, self.tr("Load text data"), self._dir(),
            self.tr("Text files (*.txt *.md *.text);;All files (*)"))
        if path:
            self.load_text(path)

    def load_text(self, path: str, remember_folder: bool = True) -> bool:
        """Train on the text file at ``path`` (a next-character task)."""
        read = self._read(self.tr("Reading {file}…").format(file=os.path.basename(path)),
                          datasets.load_text, path, seed=self.session.config.seed)
        if read is None:
            return False
        task, err = read
        if err is not None:
            self._warn(self.tr("Cannot use this text"), str(err))
            return False
        if remember_folder:
            self._remember_file(path, workspace_file=False)
        return self.use(task)

    def load_sample(self) -> bool:
        """File ▸ Load the sample text: the text shipped in assets/."""
        if not self.maybe_discard():
            return False
        return self.load_text(str(asset("sample.txt")), remember_folder=False)

    def load_csv_dialog(self) -> None:
        """File ▸ Load CSV data…: choose the file, then the columns and the separation."""
        self.window.pause()
        if not self.maybe_discard():
            return
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, self.tr("Load CSV data"), self._dir(),
            self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if path:
            self.load_csv(path)

    def load_csv(self, path: str) -> bool:
        """Read the CSV file at ``path`` (off the GUI thread), then ask for the columns."""
        read = self._read(self.tr("Reading {file}…").format(file=os.path.basename(path)),
                          datasets.read_table, path)
        if read is None:
            return False
        table, err = read
        if err is not None:
            self._warn(self.tr("Cannot use this CSV file"), str(err))
            return False
        self._remember_file(path, workspace_file=False)
        dialog = CsvDialog(table, os.path.basename(path), seed=self.session.config.seed,
                           parent=self.window)
        try:
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or dialog.task is None:
                return False
            task = dialog.task
        finally:
            dialog.deleteLater()
        task.params["file"] = os.path.basename(path)
        return self.use(task)

    def use(self, task) -> bool:
        """Train on ``task`` (the user's own data); say what was applied."""
        self.window.pause()
        try:
            self.session.use_task(task)
        except ValueError as err:
            self._warn(self.tr("Cannot train on these data"), str(err))
            return False
        self.path = None
        self.window.setWindowFilePath("")
        self.set_modified(True)
        self.window.flush()
        notes = datasets.notes(task)
        text = self.tr("Now training on {title}: {N} inputs, {O} outputs, {P} sequence(s) of "
                       "{L} steps.").format(title=task.title, N=task.N, O=task.O, P=task.P,
                                            L=task.L)
        self.window.show_message(text + (" " + "; ".join(notes) + "." if notes else ""), NEWS_MS)
        if notes:
            QtWidgets.QMessageBox.information(
                self.window, self.tr("Your data"),
                text + "\n\n" + "\n".join(f"• {n[0].upper() + n[1:]}." for n in notes))
        return True

    def forget_file(self) -> None:
        """The window no longer shows a saved file (e.g. the defaults were restored)."""
        self.path = None
        self.window.setWindowFilePath("")
        self.set_modified(False)


def suggested_name(session) -> str:
    """A file name for Save As: the task's name and the update count."""
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in session.task.name)
    return f"{name}-update{session.trainer.updates}{workspace.EXTENSION}"
