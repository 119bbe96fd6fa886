"""The window's reliability features: workspace files, own data, preferences, divergence, errors.

``install(window)`` adds to a main window (anything with ``session``, ``view``,
``menuBar()``, ``statusBar()``; ``action_map``, ``play``, ``flush`` and
``show_message`` are used when present):

- File menu: Open… (Ctrl+O), Save (Ctrl+S), Save As… (Ctrl+Shift+S), Load text
  data…, Load CSV data… (a dialog chooses the input and target columns and how
  sequences are separated), and Preferences ▸ Restore defaults;
- the last built-in task and its settings remembered in QSettings and restored
  at the next start (the window remembers its own layout);
- a notice when the run diverges (the window pauses and writes the status bar);
- ``sys.excepthook``: an unexpected exception is logged (with its traceback, to
  ``rnn-unfold-errors.log`` under QStandardPaths' AppDataLocation, or the
  temporary folder), shown in a dialog that gives the log's path, and the
  program goes on.

``open_file(window, path)`` opens a workspace (for ``rnn-unfold --open FILE``);
on any problem it says so and leaves the open workspace as it was.
"""
from __future__ import annotations

import datetime
import json
import os
import sys
import tempfile
import traceback
import weakref

from PySide6 import QtCore, QtGui, QtWidgets

from core import datasets

from visualizer.model import workspace
from visualizer.model.session import Config

#: Module-level names so tests can replace the dialogs.
QMessageBox = QtWidgets.QMessageBox
QFileDialog = QtWidgets.QFileDialog

LOG_NAME = "rnn-unfold-errors.log"
LOG_MAX_BYTES = 1 << 20
TEXT_FILTER = "Text files (*.txt *.md *.text);;All files (*)"
CSV_FILTER = "CSV files (*.csv *.tsv *.txt);;All files (*)"
KEY_CONFIG = "session/config"
KEY_REMEMBER = "session/remember"
KEY_DIR = "files/lastDir"
KEY_FILE = "files/lastWorkspace"

DIVERGED_ADVICE = (
    "The view keeps the last finite state; nothing was changed by the refused update.\n\n"
    "Try one of these, then press Reset (Ctrl+R) or go on stepping:\n"
    "• a lower learning rate η (now {eta:g});\n"
    "• gradient clipping (now {clip});\n"
    "• a smaller spectral radius of U (now ρ(U) = {rho:.3g}): fewer hidden units, "
    "another seed, or a shorter window h.")


class Workspace(QtCore.QObject):
    """The File-menu actions and helpers installed on one window (``window.workspace``)."""

    def __init__(self, window, log_dir=None):
        super().__init__(window)
        self.setObjectName("workspaceHelper")
        self.window = window
        self.path: str | None = None
        self.log_dir = log_dir
        self.actions: dict[str, QtGui.QAction] = {}
        self._notice = None
        self._build_actions()
        window.session.events.connect("diverged", self._on_diverged)
        window.session.events.connect("config", self._on_config)

    # -- menu ---------------------------------------------------------------------
    def _action(self, name, text, shortcut, slot, tip):
        act = QtGui.QAction(text, self.window)
        act.setObjectName(name)
        if shortcut:
            act.setShortcut(QtGui.QKeySequence(shortcut))
            act.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        act.setToolTip(tip)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _=False: slot())
        self.window.addAction(act)
        self.actions[name] = act
        return act

    def _build_actions(self) -> None:
        a = [
            self._action("actionOpen", "&Open workspace…", QtGui.QKeySequence.StandardKey.Open,
                         self.open_dialog, "Open a workspace file (.rnnu)"),
            self._action("actionSave", "&Save workspace", QtGui.QKeySequence.StandardKey.Save,
                         self.save, "Save task, settings, weights, curves and the position"),
            self._action("actionSaveAs", "Save workspace &as…", "Ctrl+Shift+S", self.save_as,
                         "Save the workspace under a new name"),
            None,
            self._action("actionLoadText", "Load &text data…", None, self.load_text_dialog,
                         "Train on your own text: next-character prediction"),
            self._action("actionLoadCsv", "Load &CSV data…", None, self.load_csv_dialog,
                         "Train on your own numeric sequences from a CSV file"),
            self._action("actionLoadSample", "Load the sample te&xt", None, self.load_sample,
                         "Next-character prediction on the opening of Alice's Adventures in "
                         "Wonderland (shipped with the program), as in min-char-rnn"),
            None,
        ]
        restore = self._action("actionRestoreDefaults", "&Restore defaults", None,
                               self.restore_defaults,
                               "Forget the remembered layout, task and settings and start "
                               "again with the defaults")
        remember = QtGui.QAction("Remember the last task and settings", self.window)
        remember.setObjectName("actionRememberSession")
        remember.setCheckable(True)
        remember.setChecked(_bool(QtCore.QSettings().value(KEY_REMEMBER, True)))
        remember.toggled.connect(self._set_remember)
        self.actions["actionRememberSession"] = remember
        menu = self._file_menu()
        first = menu.actions()[0] if menu.actions() else None
        for act in a:
            if act is None:
                menu.insertSeparator(first) if first else menu.addSeparator()
            elif first:
                menu.insertAction(first, act)
            else:
                menu.addAction(act)
        prefs = QtWidgets.QMenu("&Preferences", menu)
        prefs.setObjectName("menuPreferences")
        prefs.addAction(remember)
        prefs.addSeparator()
        prefs.addAction(restore)
        if first:
            menu.insertMenu(first, prefs)
            menu.insertSeparator(first)
        else:
            menu.addMenu(prefs)

    def _file_menu(self) -> QtWidgets.QMenu:
        bar = self.window.menuBar()
        for act in bar.actions():
            m = act.menu()
            if m is not None and act.text().replace("&", "") == "File":
                return m
        menu = QtWidgets.QMenu("&File", bar)
        acts = bar.actions()
        if acts:
            bar.insertMenu(acts[0], menu)
        else:
            bar.addMenu(menu)
        return menu

    # -- helpers ------------------------------------------------------------------
    @property
    def session(self):
        return self.window.session

    def _pause(self) -> None:
        amap = getattr(self.window, "action_map", None)
        if amap and "actionPlay" in amap:
            amap["actionPlay"].setChecked(False)
        play = getattr(self.window, "play", None)
        if play is not None:
            play.set_playing(False)

    def _status(self, text: str, timeout: int = 8000) -> None:
        show = getattr(self.window, "show_message", None)
        if show is not None:
            show(text, timeout)
        else:
            self.window.statusBar().showMessage(text, timeout)

    def _refresh(self) -> None:
        flush = getattr(self.window, "flush", None)
        if flush is not None:
            flush()

    def _dir(self) -> str:
        d = QtCore.QSettings().value(KEY_DIR, "")
        return d if isinstance(d, str) and os.path.isdir(d) else os.getcwd()

    def _remember_dir(self, path: str) -> None:
        QtCore.QSettings().setValue(KEY_DIR, os.path.dirname(os.path.abspath(path)))

    def _warn(self, title: str, text: str) -> None:
        self._status(text, 0)
        QMessageBox.warning(self.window, title, text)

    # -- workspace files ------------------------------------------------------------
    def open_dialog(self) -> None:
        """File ▸ Open…: choose a workspace file and open it."""
        self._pause()
        path, _ = QFileDialog.getOpenFileName(self.window, "Open workspace", self._dir(),
                                              workspace.FILE_FILTER)
        if path:
            self.open(path)

    def open(self, path: str) -> bool:
        """Open the workspace at ``path``; on failure say why and change nothing."""
        self._pause()
        try:
            workspace.load_into(self.session, path)
        except workspace.WorkspaceError as err:
            self._warn("Cannot open the workspace", str(err))
            return False
        self.path = os.path.abspath(path)
        self._remember_dir(path)
        QtCore.QSettings().setValue(KEY_FILE, self.path)
        self.window.setWindowFilePath(self.path)
        self._refresh()
        st = self.session.status()
        self._status(f"Opened {os.path.basename(path)}: {self.session.task.name}, update "
                     f"{st['update']}")
        return True

    def save(self) -> bool:
        """File ▸ Save: to the current file, or ask for one."""
        if not self.path:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        """File ▸ Save As…: ask for a file name and save."""
        self._pause()
        start = self.path or os.path.join(self._dir(), _suggest(self.session))
        path, _ = QFileDialog.getSaveFileName(self.window, "Save workspace", start,
                                              workspace.FILE_FILTER)
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
            self._warn("Cannot save the workspace", str(err))
            return False
        self.path = os.path.abspath(path)
        self._remember_dir(path)
        QtCore.QSettings().setValue(KEY_FILE, self.path)
        self.window.setWindowFilePath(self.path)
        self._status(f"Saved {os.path.basename(path)}")
        return True

    # -- own data -------------------------------------------------------------------
    def load_text_dialog(self) -> None:
        """File ▸ Load text data…"""
        self._pause()
        path, _ = QFileDialog.getOpenFileName(self.window, "Load text data", self._dir(),
                                              TEXT_FILTER)
        if path:
            self.load_text(path)

    def load_text(self, path: str) -> bool:
        """Train on the text file at ``path`` (a next-character task)."""
        try:
            task = datasets.load_text(path, seed=self.session.config.seed)
        except datasets.DataError as err:
            self._warn("Cannot use this text", str(err))
            return False
        self._remember_dir(path)
        return self._use(task)

    def load_sample(self) -> bool:
        """File ▸ Load the sample text: the text shipped in assets/."""
        from visualizer.model.resources import asset
        self._pause()
        try:
            task = datasets.load_text(str(asset("sample.txt")), seed=self.session.config.seed)
        except datasets.DataError as err:   # only if the installation is damaged
            self._warn("Cannot use the sample text", str(err))
            return False
        return self._use(task)

    def load_csv_dialog(self) -> None:
        """File ▸ Load CSV data…: choose the file, then the columns and the separation."""
        self._pause()
        path, _ = QFileDialog.getOpenFileName(self.window, "Load CSV data", self._dir(),
                                              CSV_FILTER)
        if not path:
            return
        try:
            table = datasets.read_table(path)
        except datasets.DataError as err:
            self._warn("Cannot use this CSV file", str(err))
            return
        self._remember_dir(path)
        dialog = CsvDialog(table, os.path.basename(path), seed=self.session.config.seed,
                           parent=self.window)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.task is not None:
            dialog.task.params["file"] = os.path.basename(path)
            self._use(dialog.task)

    def _use(self, task) -> bool:
        self._pause()
        try:
            self.session.use_task(task)
        except ValueError as err:
            self._warn("Cannot train on these data", str(err))
            return False
        self.path = None
        self.window.setWindowFilePath("")
        self._refresh()
        notes = datasets.notes(task)
        text = f"Now training on {task.title}: {task.N} inputs, {task.O} outputs, " \
               f"{task.P} sequence(s) of {task.L} steps."
        self._status(text + (" " + "; ".join(notes) + "." if notes else ""), 15000)
        if notes:
            QMessageBox.information(self.window, "Your data",
                                    text + "\n\n" + "\n".join(f"• {n[0].upper() + n[1:]}."
                                                              for n in notes))
        return True

    # -- divergence -----------------------------------------------------------------
    def _on_diverged(self, message: str) -> None:
        self._pause()
        cfg, net = self.session.config, self.session.net
        try:
            rho = net.spectral_radius()
        except Exception:          # noqa: BLE001 - advice only
            rho = float("nan")
        advice = DIVERGED_ADVICE.format(eta=cfg.eta, clip="off" if cfg.clip is None
                                        else f"at norm {cfg.clip:g}", rho=rho)
        self._status(f"Diverged: {message}", 0)
        if self._notice is not None and self._notice.isVisible():
            self._notice.setInformativeText(advice)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "The run diverged",
                          f"The cost or a gradient became NaN or infinite: {message}",
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("divergedNotice")
        box.setInformativeText(advice)
        box.setModal(False)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._notice_gone)
        self._notice = box
        box.show()

    def _notice_gone(self, *_):
        self._notice = None

    # -- preferences ----------------------------------------------------------------
    def _set_remember(self, on: bool) -> None:
        st = QtCore.QSettings()
        st.setValue(KEY_REMEMBER, bool(on))
        if on:
            self.remember()
        else:
            st.remove(KEY_CONFIG)

    def _on_config(self, names=()) -> None:
        self.remember()

    def remember(self) -> None:
        """Store the session's configuration (built-in tasks only) in QSettings."""
        if not _bool(QtCore.QSettings().value(KEY_REMEMBER, True)):
            return
        from core import tasks as core_tasks
        cfg = self.session.config
        if cfg.task in core_tasks.TASKS:
            QtCore.QSettings().setValue(KEY_CONFIG, json.dumps(workspace._jsonable(cfg.to_dict())))

    def restore_last(self) -> bool:
        """Use the remembered configuration, if there is a valid one."""
        st = QtCore.QSettings()
        if not _bool(st.value(KEY_REMEMBER, True)):
            return False
        raw = st.value(KEY_CONFIG)
        if not isinstance(raw, str) or not raw:
            return False
        try:
            cfg = workspace.config_from_dict(json.loads(raw))
            if cfg == self.session.config:
                return True
            self.session.configure(**cfg.to_dict())
        except (ValueError, TypeError, KeyError):
            st.remove(KEY_CONFIG)      # a stale or damaged entry: forget it
            return False
        self._refresh()
        return True

    def restore_defaults(self) -> None:
        """Preferences ▸ Restore defaults: forget every preference; default layout and task."""
        self._pause()
        st = QtCore.QSettings()
        st.clear()
        st.sync()
        self.actions["actionRememberSession"].blockSignals(True)
        self.actions["actionRememberSession"].setChecked(True)
        self.actions["actionRememberSession"].blockSignals(False)
        _default_layout(self.window)
        speed = getattr(self.window, "speed", None)
        if speed is not None:
            try:
                from visualizer.qt.controls import DEFAULT_SPEED
                speed.set_level(DEFAULT_SPEED)
            except Exception:      # noqa: BLE001 - a missing control is not an error
                pass
        try:
            self.session.configure(**_default_config().to_dict())
        except ValueError as err:
            self._warn("Cannot restore the default task", str(err))
            return
        self.path = None
        self.window.setWindowFilePath("")
        self._refresh()
        self._status("Defaults restored: layout, task and settings")


def _bool(v) -> bool:
    if isinstance(v, str):
        return v.lower() in ("1", "true", "yes", "on")
    return bool(v)


def _suggest(session) -> str:
    name = "".join(c if c.isalnum() or c in "-_" else "-" for c in session.task.name)
    return f"{name}-update{session.trainer.updates}{workspace.EXTENSION}"


def _default_config() -> Config:
    try:
        from visualizer.qt.main_window import default_config
        return default_config()
    except ImportError:
        return default_config()


def _default_layout(window) -> None:
    """Docks and toolbars where a fresh window has them, and its default size."""
    docks = window.findChildren(QtWidgets.QDockWidget)
    bars = window.findChildren(QtWidgets.QToolBar)
    for dock in docks:
        dock.setFloating(False)
        dock.show()
    for bar in bars:
        bar.show()
    state = _default_state(window)
    if state is not None:
        window.restoreState(state)
    if not window.isMaximized() and not window.isFullScreen():
        window.resize(1400, 850)


def _default_state(window):
    """saveState() of a fresh window of the same class (built once, never shown), or None."""
    cls = type(window)
    if "_rnnu_default_state" not in cls.__dict__:
        state = None
        try:
            tmp = cls(restore=False)
        except Exception:          # noqa: BLE001 - another window class: keep what there is
            tmp = None
        if tmp is not None:
            state = tmp.saveState()
            tmp.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, False)
            tmp.deleteLater()
        cls._rnnu_default_state = state
    return cls.__dict__["_rnnu_default_state"]


# -- the CSV dialog -------------------------------------------------------------------

class CsvDialog(QtWidgets.QDialog):
    """Choose input and target columns and how sequences are separated; builds ``self.task``."""

    MODES = ("blank lines", "a sequence-id column", "a fixed length")

    def __init__(self, table, name: str = "data", seed: int = 0, parent=None):
        super().__init__(parent)
        self.setObjectName("csvDialog")
        self.setWindowTitle(f"Load CSV data: {name}")
        self.table, self.name, self.seed = table, name, seed
        self.task = None
        cols = table.columns
        lay = QtWidgets.QVBoxLayout(self)
        lay.addWidget(QtWidgets.QLabel(
            f"{table.rows} rows, {len(cols)} columns, {len(table.blocks)} block(s) between "
            "blank lines. Targets are compared with the outputs of the same row."))
        preview = QtWidgets.QTableWidget(min(6, table.rows), len(cols))
        preview.setObjectName("csvPreview")
        preview.setHorizontalHeaderLabels(cols)
        rows = [r for b in table.blocks for r in b][:6]
        for i, (_, fields) in enumerate(rows):
            for j, f in enumerate(fields):
                preview.setItem(i, j, QtWidgets.QTableWidgetItem(f))
        preview.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        preview.setMaximumHeight(190)
        lay.addWidget(preview)
        pick = QtWidgets.QHBoxLayout()
        self.inputs = self._checklist("inputs", cols, range(max(1, len(cols) - 1)))
        self.targets = self._checklist("targets", cols, [len(cols) - 1])
        for title, w in (("Inputs x(t)", self.inputs), ("Targets d(t)", self.targets)):
            box = QtWidgets.QGroupBox(title)
            QtWidgets.QVBoxLayout(box).addWidget(w)
            pick.addWidget(box)
        lay.addLayout(pick)
        form = QtWidgets.QFormLayout()
        self.mode = QtWidgets.QComboBox()
        self.mode.setObjectName("csvMode")
        self.mode.addItems(self.MODES)
        self.column = QtWidgets.QComboBox()
        self.column.setObjectName("csvSequenceColumn")
        self.column.addItems(cols)
        self.length = QtWidgets.QSpinBox()
        self.length.setObjectName("csvSequenceLength")
        self.length.setRange(1, 1000)
        self.length.setValue(min(20, max(1, table.rows)))
        form.addRow("Sequences separated by", self.mode)
        form.addRow("Sequence-id column", self.column)
        form.addRow("Steps per sequence", self.length)
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
        if len(table.blocks) == 1 and table.rows > 1000:
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
        c = self.choice()
        try:
            if not c["inputs"]:
                raise datasets.DataError("check at least one input column")
            if not c["targets"]:
                raise datasets.DataError("check at least one target column")
            self.task = datasets.csv_task(self.table, c["inputs"], c["targets"],
                                          sequence_column=c["sequence_column"],
                                          sequence_length=c["sequence_length"],
                                          name=self.name, seed=self.seed)
        except datasets.DataError as err:
            self.task = None
            self.error.setText(str(err))
            return
        super().accept()


# -- unexpected exceptions --------------------------------------------------------------

class ErrorHook:
    """``sys.excepthook`` for the window: log, show, go on."""

    def __init__(self, window, log_dir=None):
        self.window = weakref.ref(window)
        self.log_dir = log_dir
        self.previous = sys.excepthook
        self._busy = False
        self._box = None
        self.count = 0

    def log_path(self) -> str:
        """Where exceptions are logged (created on first use)."""
        candidates = []
        if self.log_dir:
            candidates.append(os.fspath(self.log_dir))
        loc = QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.AppDataLocation)
        if loc:
            candidates.append(loc)
        candidates.append(tempfile.gettempdir())
        for d in candidates:
            try:
                os.makedirs(d, exist_ok=True)
                path = os.path.join(d, LOG_NAME)
                with open(path, "a", encoding="utf-8"):
                    pass
                return path
            except OSError:
                continue
        return os.path.join(tempfile.gettempdir(), LOG_NAME)

    def write_log(self, text: str) -> str:
        path = self.log_path()
        try:
            if os.path.exists(path) and os.path.getsize(path) > LOG_MAX_BYTES:
                os.replace(path, path + ".1")
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(text)
        except OSError:
            pass
        return path

    def __call__(self, etype, value, tb):
        if issubclass(etype, (KeyboardInterrupt, SystemExit)) or self._busy:
            return (self.previous or sys.__excepthook__)(etype, value, tb)
        self._busy = True
        try:
            self.count += 1
            details = "".join(traceback.format_exception(etype, value, tb))
            stamp = datetime.datetime.now().isoformat(timespec="seconds")
            path = self.write_log(f"--- {stamp} rnn-unfold: unexpected error\n{details}\n")
            sys.stderr.write(details)
            self.show(etype, value, details, path)
        except Exception:          # noqa: BLE001 - the hook itself must never fail
            sys.__excepthook__(etype, value, tb)
        finally:
            self._busy = False

    def show(self, etype, value, details: str, path: str) -> None:
        win = self.window()
        summary = f"{etype.__name__}: {value}".strip()
        if len(summary) > 400:
            summary = summary[:397] + "…"
        if win is not None:
            show = getattr(win, "show_message", None)
            if show is not None:
                show(f"Unexpected error (logged to {path}): {summary}", 0)
        if self._box is not None:      # one dialog at a time; later errors are in the log
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Unexpected error",
                          "Something went wrong inside rnn-unfold. The program goes on; "
                          "if what you see looks wrong, press Reset or open a saved workspace.",
                          QMessageBox.StandardButton.Ok, win)
        box.setObjectName("errorDialog")
        box.setInformativeText(f"{summary}\n\nThe details were written to:\n{path}")
        box.setDetailedText(details)
        box.setModal(False)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self._box = box
        box.finished.connect(self._closed)
        box.show()

    def _closed(self, *_):
        self._box = None

    def uninstall(self) -> None:
        """Put the previous hook back (if this one is still installed)."""
        if sys.excepthook is self:
            sys.excepthook = self.previous


# -- installing -------------------------------------------------------------------------

def install(window, restore_session: bool | None = None, log_dir=None,
            excepthook: bool = True) -> Workspace:
    """Add the File actions, preferences, divergence notice and exception hook to ``window``.

    Parameters
    ----------
    window : QMainWindow
        The main window (``window.session`` is used at the time of each action).
    restore_session : bool, optional
        Use the remembered task and settings. By default only when the window
        starts with the default configuration (i.e. nothing was asked for on the
        command line); pass False when the command line named a task or a file.
    log_dir : path, optional
        Folder of the error log (default: AppDataLocation, else the temporary folder).
    excepthook : bool
        Install the exception hook (the tests of other modules may leave it off).

    Returns
    -------
    Workspace
        Also stored as ``window.workspace``.
    """
    helper = Workspace(window, log_dir=log_dir)
    window.workspace = helper
    if restore_session is None:
        restore_session = window.session.config == _default_config() \
            and window.session.custom_task is None
    if restore_session:
        helper.restore_last()
    helper.remember()
    if excepthook:
        hook = ErrorHook(window, log_dir=log_dir)
        sys.excepthook = hook
        helper.hook = hook
        window.destroyed.connect(lambda *_: hook.uninstall())
    return helper


def open_file(window, path) -> bool:
    """Open the workspace ``path`` in ``window`` (e.g. for ``rnn-unfold --open FILE``)."""
    helper = getattr(window, "workspace", None) or install(window, restore_session=False)
    return helper.open(os.fspath(path))


__all__ = ["CsvDialog", "ErrorHook", "Workspace", "install", "open_file"]
