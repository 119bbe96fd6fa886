"""Named plain-Python callbacks between a model and its views (in the spirit of glue's echo).

The model stays free of Qt. ``events.connect(name, fn)`` returns a
:class:`Subscription`; ``subscription.disconnect()`` ends it. A bound method is
held through a weak reference, so a view that is otherwise gone is not kept
alive by the model: its subscription ends the first time the model finds it
dead. A plain function (or lambda) is held strongly until it is disconnected.
Views still disconnect explicitly when they close: a Qt widget's Python
wrapper can outlive the widget, and only the view knows when it closed.
"""
from __future__ import annotations

import weakref
from types import MethodType


class Subscription:
    """One callback connected to one event name; :meth:`disconnect` ends it.

    Attributes
    ----------
    name : str
        The event name.
    """

    def __init__(self, events: "Events", name: str, fn):
        self._events = weakref.ref(events)
        self.name = name
        if isinstance(fn, MethodType):
            self._ref = weakref.WeakMethod(fn)
        else:
            self._ref = lambda fn=fn: fn

    def callback(self):
        """The connected callable, or None once its object is gone."""
        return self._ref()

    @property
    def connected(self) -> bool:
        """Whether the model still calls it."""
        events = self._events()
        return events is not None and self in events._callbacks[self.name]

    def disconnect(self) -> None:
        """Stop calling the callback (no error if it was already disconnected)."""
        events = self._events()
        if events is not None:
            events._remove(self)


class Events:
    """Named callback lists: ``sub = events.connect("frame", fn)``, ``events.emit("frame", ...)``.

    Parameters
    ----------
    *names : str
        The event names this model emits; connecting to any other is a ValueError.
    """

    def __init__(self, *names: str):
        self._callbacks: dict[str, list[Subscription]] = {name: [] for name in names}

    @property
    def names(self) -> tuple:
        """The event names, in the order given."""
        return tuple(self._callbacks)

    def _list(self, name: str) -> list:
        try:
            return self._callbacks[name]
        except KeyError:
            raise ValueError(f"name: no event {name!r}; the events are "
                             f"{', '.join(self._callbacks)}") from None

    def connect(self, name: str, fn) -> Subscription:
        """Call ``fn(*args)`` whenever ``name`` is emitted, until the handle is disconnected.

        Returns
        -------
        Subscription
            ``.disconnect()`` ends it. A bound method is held weakly.
        """
        sub = Subscription(self, name, fn)
        self._list(name).append(sub)
        return sub

    def disconnect(self, name: str, fn) -> None:
        """Stop calling ``fn`` for ``name`` (no error if it was not connected)."""
        subs = self._list(name)
        subs[:] = [s for s in subs if s.callback() is not None and s.callback() != fn]

    def _remove(self, sub: Subscription) -> None:
        subs = self._callbacks[sub.name]
        if sub in subs:
            subs.remove(sub)

    def count(self, name: str | None = None) -> int:
        """Live subscriptions to ``name`` (all names when None); dead weak ones are dropped."""
        total = 0
        for key in ((name,) if name is not None else tuple(self._callbacks)):
            subs = self._list(key)
            subs[:] = [s for s in subs if s.callback() is not None]
            total += len(subs)
        return total

    def emit(self, name: str, *args) -> None:
        """Call every live callback of ``name`` in the order they were connected."""
        for sub in list(self._list(name)):
            fn = sub.callback()
            if fn is None:          # its object is gone: the subscription ends here
                self._remove(sub)
            else:
                fn(*args)
