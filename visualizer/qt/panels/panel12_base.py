"""A stand-in for qt/panels/base.py's Panel (same interface) until that base class is on main.

The issue-12 panels subclass :class:`Panel` from here; once
``visualizer.qt.panels.base`` exists, change their one import line to it and
delete this module. It works with both flavours of ``Events.connect`` (the
one returning a Subscription, and the older one returning None).
"""
from __future__ import annotations

from PySide6 import QtWidgets

from visualizer.qt.throttle import Throttle


class Panel(QtWidgets.QWidget):
    """A widget that draws one session: ``follow`` subscribes, ``detach`` disconnects.

    Parameters
    ----------
    session : Session
    parent : QWidget, optional

    Attributes
    ----------
    session : Session
    throttle : Throttle
        Calls :meth:`refresh` at most at the frame rate.
    """

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.throttle = Throttle(self.refresh, parent=self)
        subscriptions = self._subscriptions = []
        events = session.events
        self.destroyed.connect(lambda *_: _disconnect_all(events, subscriptions))

    def follow(self, handlers: dict) -> None:
        """Subscribe ``{event name: callable}`` to the session until :meth:`detach`."""
        for name, fn in handlers.items():
            self._subscriptions.append((name, fn, self.session.events.connect(name, fn)))

    @property
    def following(self) -> bool:
        """Whether any subscription is still connected."""
        return bool(self._subscriptions)

    def refresh(self) -> None:
        """Redraw from the session (subclasses draw)."""

    def flush(self) -> None:
        """Draw a pending frame now."""
        self.throttle.flush()

    def detach(self) -> None:
        """Stop following the session: disconnect every subscription, drop a pending frame."""
        _disconnect_all(self.session.events, self._subscriptions)
        self.throttle.stop()


def _disconnect_all(events, subscriptions: list) -> None:
    for name, fn, sub in subscriptions:
        if sub is not None:
            sub.disconnect()
        else:
            events.disconnect(name, fn)
    subscriptions.clear()
