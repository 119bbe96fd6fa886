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
from visualizer.model.config import default_config

KEY_CONFIG = "session/config"
KEY_REMEMBER = "session/remember"


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
        self.menu = QtWidgets.QMenu(self.tr("&Preferences"), window)
        self.menu.setObjectName("menuPreferences")
        self.menu.addAction(self.remember_action)
        self.menu.addSeparator()
        self.menu.addAction(self.restore_action)

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
