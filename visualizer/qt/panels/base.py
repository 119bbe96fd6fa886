"""The base class of every panel that follows a session: it subscribes and it detaches.

A panel names the session events it follows once, in ``__init__``::

    self.follow({"frame": self._on_frame, "structure": self._on_structure})

and :meth:`Panel.detach` (called by the window when it closes, by the export
canvas when it is done, and by Qt when the widget is destroyed) disconnects
every one of them and stops the panel's redraw throttle. Nothing else in a
panel touches ``session.events``.
"""
from __future__ import annotations

from PySide6 import QtWidgets

from visualizer.qt.throttle import Throttle


class Panel(QtWidgets.QWidget):
    """A widget that draws one :class:`~visualizer.model.session.Session`.

    Parameters
    ----------
    session : Session
    parent : QWidget, optional

    Attributes
    ----------
    session : Session
    throttle : Throttle
        Calls :meth:`refresh` at most at the frame rate; ``throttle.request()``
        marks the panel out of date.
    """

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.throttle = Throttle(self.refresh, parent=self)
        subscriptions = self._subscriptions = []
        # if Qt deletes the widget first (its window closed), the model stops calling it
        self.destroyed.connect(lambda *_: _disconnect_all(subscriptions))

    def follow(self, handlers: dict) -> None:
        """Subscribe ``{event name: callable}`` to the session until :meth:`detach`."""
        for name, fn in handlers.items():
            self._subscriptions.append(self.session.events.connect(name, fn))

    @property
    def following(self) -> bool:
        """Whether any subscription is still connected."""
        return any(sub.connected for sub in self._subscriptions)

    def refresh(self) -> None:
        """Redraw from the session (subclasses draw; the base draws nothing)."""

    def flush(self) -> None:
        """Draw a pending frame now."""
        self.throttle.flush()

    def retranslate(self) -> None:
        """Draw again in the language just installed (called by :mod:`visualizer.qt.i18n`)."""
        self.throttle.request()
        self.throttle.flush()

    def detach(self) -> None:
        """Stop following the session: disconnect every subscription, drop a pending frame."""
        _disconnect_all(self._subscriptions)
        self.throttle.stop()


def _disconnect_all(subscriptions: list) -> None:
    for sub in subscriptions:
        sub.disconnect()
    subscriptions.clear()


def scrolled(content: QtWidgets.QWidget, name: str) -> QtWidgets.QScrollArea:
    """``content`` in a frameless scroll area named ``name``.

    In a dock smaller than the content's minimum size the plots keep a readable size and
    scroll, and the dock (so the window) need not be taller than the screen.
    """
    area = QtWidgets.QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
