"""Plain-Python callbacks between a model and its views (in the spirit of glue's echo).

The model stays free of Qt; a Qt view connects a bound method, and a view that
is gone is simply disconnected.
"""
from __future__ import annotations


class Events:
    """Named callback lists: ``events.connect("frame", fn)``, ``events.emit("frame", ...)``."""

    def __init__(self, *names: str):
        self._callbacks = {name: [] for name in names}

    def connect(self, name: str, fn) -> None:
        """Call ``fn(*args)`` whenever ``name`` is emitted."""
        self._callbacks[name].append(fn)

    def disconnect(self, name: str, fn) -> None:
        """Stop calling ``fn`` for ``name`` (no error if it was not connected)."""
        if fn in self._callbacks[name]:
            self._callbacks[name].remove(fn)

    def emit(self, name: str, *args) -> None:
        """Call every callback of ``name`` in the order they were connected."""
        for fn in list(self._callbacks[name]):
            fn(*args)
