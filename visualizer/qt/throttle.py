"""Redraw at most a few dozen times a second: the newest state is drawn, never a queue."""
from __future__ import annotations

import time

from PySide6 import QtCore

#: redraws per second at most
FPS = 30


class Throttle(QtCore.QObject):
    """Calls ``fn`` at most ``fps`` times a second; requests in between collapse into one.

    A request long enough after the last call is served at once; one that comes
    sooner waits for the rest of the interval, and any further requests until
    then are dropped into the same call (the newest state is drawn, never a queue).
    """

    def __init__(self, fn, fps: int = FPS, parent=None):
        super().__init__(parent)
        self._fn = fn
        self._interval = 1.0 / fps
        self._last = -1e9
        self.pending = False
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def request(self) -> None:
        self.pending = True
        if self._timer.isActive():
            return                      # a draw is already scheduled: this frame replaces the last
        wait = self._interval - (time.perf_counter() - self._last)
        if wait <= 0:
            self.flush()                # the last draw is long enough ago: draw now
        else:
            self._timer.start(max(1, int(wait * 1000)))

    def flush(self) -> None:
        self._timer.stop()
        if self.pending:
            self.pending = False
            self._last = time.perf_counter()
            self._fn()

    def stop(self) -> None:
        self._timer.stop()
        self.pending = False
