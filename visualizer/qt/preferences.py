"""Preferences: remember the last task and settings, and restore every default.

The remembered configuration (built-in tasks only) is kept in QSettings and
used at the next start when the command line asked for nothing. Restore
defaults forgets every preference and puts the window's docks, speed, task
and settings back as a fresh window has them.
"""
from __future__ import annotations

import json

from PySide6 import QtCore, QtGui, QtWidgets

from core import tasks as core_tasks

from visualizer.model import workspace
from visualizer.model.config import (LIMITS, MEMORY_BUDGET, MEMORY_BUDGET_SETTING, default_config,
                                     human_bytes, parse_memory)
from visualizer.qt import i18n

KEY_CONFIG = "session/config"
KEY_REMEMBER = "session/remember"
KEY_BUDGET = f"limits/{MEMORY_BUDGET_SETTING}"


def _bool(value) -> bool:
    """A QSettings value as a bool (the INI format gives strings back)."""
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    return bool(value)


class Preferences(QtCore.QObject):
    """The Preferences submenu of one :class:`~visualizer.qt.main_window.MainWindow`.

    Attributes
    ----------
    menu : QMenu
        "Preferences" with actionRememberSession (checkable) and actionRestoreDefaults.
    """

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("preferences")
        self.window = window
        self.remember_action = QtGui.QAction(self.tr("Remember the last task and settings"),
                                             window)
        self.remember_action.setObjectName("actionRememberSession")
        self.remember_action.setCheckable(True)
        self.remember_action.setChecked(self.remembering)
        self.remember_action.toggled.connect(self._set_remember)
        self.restore_action = QtGui.QAction(self.tr("&Restore defaults"), window)
        self.restore_action.setObjectName("actionRestoreDefaults")
        tip = self.tr("Forget the remembered layout, task and settings and start again with "
                      "the defaults")
        self.restore_action.setToolTip(tip)
        self.restore_action.setStatusTip(tip)
        self.restore_action.triggered.connect(lambda _=False: self.restore_defaults())
        self.budget_action = QtGui.QAction(self.tr("&Memory budget…"), window)
        self.budget_action.setObjectName("actionMemoryBudget")
        tip = self.tr("The most memory a task, its settings and the step-back history may "
                      "take; larger sizes are refused with a message saying what to lower")
        self.budget_action.setToolTip(tip)
        self.budget_action.setStatusTip(tip)
        self.budget_action.triggered.connect(lambda _=False: self.ask_memory_budget())
        self.menu = QtWidgets.QMenu(self.tr("&Preferences"), window)
        self.menu.setObjectName("menuPreferences")
        self.menu.addAction(self.remember_action)
        self.menu.addMenu(i18n.language_menu(self.menu))
        self.menu.addAction(self.budget_action)
        self.menu.addSeparator()
        self.menu.addAction(self.restore_action)

    # -- the memory budget ------------------------------------------------------------
    def memory_budget(self) -> int:
        """The budget chosen in Preferences ▸ Memory budget, in bytes (the default without one)."""
        raw = QtCore.QSettings().value(KEY_BUDGET)
        if raw is None:
            return MEMORY_BUDGET
        lo, hi = LIMITS["memory_mib"]
        try:
            nbytes = int(raw)
        except (TypeError, ValueError):
            nbytes = -1
        if not lo << 20 <= nbytes <= hi << 20:
            QtCore.QSettings().remove(KEY_BUDGET)     # damaged or out of range: forget it
            return MEMORY_BUDGET
        return nbytes

    def set_memory_budget(self, nbytes: int, remember: bool = True) -> None:
        """Use ``nbytes`` from now on (and at the next start when ``remember``)."""
        self.window.session.memory_budget = int(nbytes)
        if remember:
            QtCore.QSettings().setValue(KEY_BUDGET, str(int(nbytes)))

    def ask_memory_budget(self) -> bool:
        """Preferences ▸ Memory budget…: ask for a size; a size that is not one is refused with
        the reason and the budget stays as it was."""
        window = self.window
        now = window.session.memory_budget
        text, ok = QtWidgets.QInputDialog.getText(
            window, self.tr("Memory budget"),
            self.tr("The most memory the task, its settings and the step-back history may take "
                    "(e.g. 512M, 2G; now {now}):").format(now=human_bytes(now)),
            QtWidgets.QLineEdit.EchoMode.Normal, human_bytes(now))
        if not ok or not text.strip():
            return False
        try:
            nbytes = parse_memory(text)
        except ValueError as err:
            QtWidgets.QMessageBox.warning(window, self.tr("Not a memory budget"), str(err))
            return False
        self.set_memory_budget(nbytes)
        window.show_message(self.tr("Memory budget: {size}").format(size=human_bytes(nbytes)))
        return True

    @property
    def remembering(self) -> bool:
        """Whether the last task and settings are remembered."""
        return _bool(QtCore.QSettings().value(KEY_REMEMBER, True))

    def _set_remember(self, on: bool) -> None:
        QtCore.QSettings().setValue(KEY_REMEMBER, bool(on))
        if on:
            self.remember()
        else:
            QtCore.QSettings().remove(KEY_CONFIG)

    def remember(self, *_) -> None:
        """Store the session's configuration (built-in tasks only) in QSettings."""
        cfg = self.window.session.config
        if self.remembering and cfg.task in core_tasks.TASKS:
            QtCore.QSettings().setValue(KEY_CONFIG,
                                        json.dumps(workspace._jsonable(cfg.to_dict())))

    def restore_last(self) -> bool:
        """Use the remembered configuration, if there is a valid one."""
        st = QtCore.QSettings()
        raw = st.value(KEY_CONFIG)
        if not self.remembering or not isinstance(raw, str) or not raw:
            return False
        session = self.window.session
        try:
            cfg = workspace.config_from_dict(json.loads(raw))
            if cfg != session.config:
                session.configure(**cfg.to_dict())
        except (ValueError, TypeError, KeyError):
            st.remove(KEY_CONFIG)      # a stale or damaged entry: forget it
            return False
        return True

    def restore_defaults(self) -> None:
        """Preferences ▸ Restore defaults: forget every preference; default layout and task."""
        window = self.window
        window.pause()
        st = QtCore.QSettings()
        st.clear()
        st.sync()
        self.remember_action.blockSignals(True)
        self.remember_action.setChecked(True)
        self.remember_action.blockSignals(False)
        window.restore_default_layout()
        try:
            window.session.configure(**default_config().to_dict())
        except ValueError as err:
            window.show_message(str(err), 0)
            QtWidgets.QMessageBox.warning(window, self.tr("Cannot restore the default task"),
                                          str(err))
            return
        window.file_actions.forget_file()
        window.flush()
        window.show_message(self.tr("Defaults restored: layout, task and settings"))
