"""The window's undo stack: weight edits, Rescale U and parameter changes as QUndoCommands.

:class:`UndoHistory` follows the session: every ``"edited"`` event (a weight
typed after a double-click, :meth:`Session.rescale_U`, any
:meth:`Session.set_matrix`) and every ``"config"`` event (a parameter changed
in the dock) becomes one command on a :class:`QUndoStack`. Undoing a change
that rebuilt the network puts back the network, trainer and curves it
discarded (:meth:`Session.snapshot`), not a fresh start. Undo and redo run with
the history muted, so they do not push commands of their own.
"""
from __future__ import annotations

import weakref
from contextlib import contextmanager

from PySide6 import QtCore, QtGui

from core import tasks as core_tasks

from visualizer.model.config import HISTORY_UPDATES, LIVE

#: each parameter's name as BPTT.md writes it
_LETTER = {"V": "V", "U": "U", "W": "W", "theta_h": "θ_h", "theta_o": "θ_o"}


class _Command(QtGui.QUndoCommand):
    @property
    def history(self) -> "UndoHistory":
        return self._history()


class WeightCommand(_Command):
    """A change of one parameter matrix (a :class:`~visualizer.model.session.WeightChange`)."""

    def __init__(self, history: "UndoHistory", change, text: str):
        super().__init__(text)
        # a weak reference: the stack (C++) owns the command, a strong one would keep the window
        # alive through a cycle the garbage collector cannot see
        self._history, self.change = weakref.ref(history), change
        self._done = True          # pushed after the change was made: the first redo does nothing

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        with self.history.muted():
            self.history.session.set_matrix(self.change.name, self.change.after, record=False)

    def undo(self) -> None:
        with self.history.muted():
            self.history.session.set_matrix(self.change.name, self.change.before, record=False)


class ConfigCommand(_Command):
    """A change of the settings; undoing a rebuild restores what the rebuild discarded."""

    def __init__(self, history: "UndoHistory", before, after, discarded, text: str):
        super().__init__(text)
        self._history = weakref.ref(history)
        self.before, self.after, self.discarded = before, after, discarded
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        with self.history.muted():
            self.history.session.configure(**self.after.to_dict())

    def undo(self) -> None:
        s = self.history.session
        with self.history.muted():
            if self.discarded is not None:
                s.restore_snapshot(self.discarded)
            else:
                s.configure(**self.before.to_dict())


class UndoHistory(QtCore.QObject):
    """A QUndoStack fed by one session's ``"edited"`` and ``"config"`` events.

    Attributes
    ----------
    stack : QUndoStack
    """

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("undoHistory")
        self.session = session
        self.stack = QtGui.QUndoStack(self)
        self.stack.setUndoLimit(HISTORY_UPDATES)
        self._muted = 0
        self._config = session.config
        self._subs = [session.events.connect("edited", self._on_edited),
                      session.events.connect("config", self._on_config)]

    @contextmanager
    def muted(self):
        """Changes made inside are the stack's own (undo/redo), not new commands."""
        self._muted += 1
        try:
            yield
        finally:
            self._muted -= 1
            self._config = self.session.config

    def _on_edited(self, change) -> None:
        if self._muted:
            return
        if change.what == "rescale":
            text = self.tr("Rescale U")
        else:
            text = self.tr("Edit {name}").format(name=_LETTER.get(change.name, change.name))
        self.stack.push(WeightCommand(self, change, text))

    def _on_config(self, names=()) -> None:
        before, after = self._config, self.session.config
        self._config = after
        if self._muted or before == after:
            return
        if "task" in names and (before.task not in core_tasks.TASKS
                                or after.task not in core_tasks.TASKS):
            self.stack.clear()      # own data cannot be rebuilt from settings: start afresh
            return
        changed = [k for k in after.to_dict() if getattr(before, k) != getattr(after, k)]
        text = self.tr("Change {names}").format(names=", ".join(changed or names))
        discarded = self.session.discarded if not _live_only(before, after) else None
        self.stack.push(ConfigCommand(self, before, after, discarded, text))

    def forget(self) -> None:
        """Start with an empty stack (a workspace was opened, or the defaults restored)."""
        self.stack.clear()
        self._config = self.session.config

    def detach(self) -> None:
        """Stop following the session and drop the commands (and the states they hold)."""
        for sub in self._subs:
            sub.disconnect()
        self._subs.clear()
        self.stack.clear()


def _live_only(a, b) -> bool:
    return all(getattr(a, k) == getattr(b, k) for k in a.to_dict() if k not in LIVE)
