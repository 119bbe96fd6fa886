"""The stepping controls: shared QActions, the play controller and the speed control.

Playing never freezes the window: a QTimer fires small slices (a micro-step,
a few whole updates, or, at "fast", as many updates as fit in a few
milliseconds) and returns to the event loop; what the slices change is drawn
by the window at most ~30 times a second (frames that arrive before the last
one was drawn are dropped, not queued). At "fast" the window is told about
the new updates only when a redraw is affordable: the updates get
FAST_SHARE of the time, so a window that takes 0.1 s to redraw shows about
one frame a second, and pausing shows where training is.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

#: frames per second the window redraws at most (one redraw cap for the whole window)
from visualizer.qt.throttle import FPS
#: time one "fast" slice may take before control returns to the event loop (seconds)
FAST_SLICE = 0.025
#: share of the wall-clock time "fast" play gives to updates; the rest goes to redraws, so
#: they come as often as that share allows (and never more than FPS a second)
FAST_SHARE = 0.9


@dataclass(frozen=True)
class Speed:
    """One level of the speed control."""

    label: str
    kind: str          # "steps": micro-steps a second; "updates": whole updates a second; "fast"
    rate: float = 0.0


SPEEDS = (
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "1 micro-step/s"), "steps", 1),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "2 micro-steps/s"), "steps", 2),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "5 micro-steps/s"), "steps", 5),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "10 micro-steps/s"), "steps", 10),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "30 micro-steps/s"), "steps", 30),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "1 update/s"), "updates", 1),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "3 updates/s"), "updates", 3),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "10 updates/s"), "updates", 10),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "30 updates/s"), "updates", 30),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "100 updates/s"), "updates", 100),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "300 updates/s"), "updates", 300),
    Speed(QT_TRANSLATE_NOOP("SpeedControl", "fast"), "fast"),
)
#: the level the window starts at: each update drawn, and the default task learns in seconds
DEFAULT_SPEED = 7


class PlayController(QtCore.QObject):
    """Plays a :class:`~visualizer.model.session.Session` at a chosen :class:`Speed`.

    Signals
    -------
    playingChanged(bool)
    stopped(str)
        Play stopped by itself (the session diverged): the reason.
    """

    playingChanged = Signal(bool)
    stopped = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.level = DEFAULT_SPEED
        self._timer = QtCore.QTimer(self)
        self._timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._t0 = 0.0
        self._done = 0
        self._per_update = 1e-3        # running estimate of one update's cost (seconds)
        # fast play: running estimate of one redraw's cost (the event loop's time after a
        # slice that told the views), compute time since the last redraw, and whether the
        # views have not been told about the last slices yet
        self._redraw = 0.0
        self._computed = 0.0
        self._gaps = 0.0
        self._last_end = None
        self._unshown = False

    @property
    def speed(self) -> Speed:
        """The current level."""
        return SPEEDS[self.level]

    @property
    def playing(self) -> bool:
        """Whether the timer runs."""
        return self._timer.isActive()

    def set_level(self, level: int) -> None:
        """Change the speed; playing goes on at the new speed."""
        self.level = max(0, min(int(level), len(SPEEDS) - 1))
        if self.playing:
            self._start()

    def set_playing(self, on: bool) -> None:
        """Play or pause."""
        if on == self.playing:
            return
        if on:
            self._start()
        else:
            self._timer.stop()
            self._show_unshown()
        self.playingChanged.emit(bool(on))

    def toggle(self) -> None:
        """Play if paused, pause if playing."""
        self.set_playing(not self.playing)

    def _start(self) -> None:
        sp = self.speed
        if sp.kind == "steps":
            interval = 1000.0 / sp.rate
        elif sp.kind == "updates":
            interval = max(1000.0 / sp.rate, 1000.0 / FPS)
        else:
            interval = 0
        self._t0 = time.perf_counter()
        self._done = 0
        self._last_end = None
        self._computed = self._gaps = 0.0
        self._timer.start(int(round(interval)))

    def _show_unshown(self) -> None:
        if self._unshown:
            self._unshown = False
            self.session.show_progress()

    def _stop(self, reason: str) -> None:
        self._show_unshown()
        if self.playing:
            self._timer.stop()
            self.playingChanged.emit(False)
            self.stopped.emit(reason)

    def _run(self, n: int, every_epoch: bool = True, emit: bool = True) -> bool:
        t = time.perf_counter()
        done = self.session.run_updates(n, every_epoch=every_epoch, emit=emit)
        if done:
            self._per_update = 0.7 * self._per_update + 0.3 * (time.perf_counter() - t) / done
        self._done += done
        if done < n:
            self._unshown = False       # the session showed the refused update itself
            self._stop(self.session.message or self.tr("an update was not finite"))
            return False
        return True

    def _tick(self) -> None:
        sp = self.speed
        if sp.kind == "steps":
            if not self.session.step():
                self._stop(self.session.message or self.tr("an update was not finite"))
            return
        if sp.kind == "updates":
            due = int((time.perf_counter() - self._t0) * sp.rate) + 1 - self._done
            # never more than a frame's worth of work in one slice
            cap = max(1, int((1.0 / FPS) / max(self._per_update, 1e-6)))
            n = max(0, min(due, cap))
            if due > cap:           # too slow for this rate: do not build up a backlog
                self._done += due - cap
            if n:
                self._run(n)
            return
        # fast: slices of whole updates, only the last of each computed in detail; the views
        # are told (and redraw, and the learning curve is evaluated) only when the updates
        # since the last time took FAST_SHARE / (1 - FAST_SHARE) times what the event loop
        # took in between in the last such cycle (the redraw, the events, the timer's returns)
        now = time.perf_counter()
        if self._last_end is not None:
            self._gaps += now - self._last_end
        n = max(1, min(int(FAST_SLICE / max(self._per_update, 1e-6)), 20000))
        budget = self._redraw * FAST_SHARE / (1.0 - FAST_SHARE)
        tell = self._computed + FAST_SLICE >= max(budget, 1.0 / FPS)
        t = time.perf_counter()
        if not self._run(n, every_epoch=False, emit=False):
            return
        t1 = time.perf_counter()
        self._computed += t1 - t
        self._unshown = True
        if tell:
            # what the views do when told (recolour, evaluate, panels) counts with the redraw
            self._show_unshown()
            self._gaps += time.perf_counter() - t1
            self._redraw = self._gaps if self._redraw == 0.0 else 0.5 * (self._redraw + self._gaps)
            self._computed = self._gaps = 0.0
        self._last_end = time.perf_counter()


class SpeedControl(QtWidgets.QWidget):
    """A slider over :data:`SPEEDS` with the level's name beside it."""

    levelChanged = Signal(int)

    def __init__(self, level: int = DEFAULT_SPEED, parent=None):
        super().__init__(parent)
        self.setObjectName("speedControl")
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Fixed, QtWidgets.QSizePolicy.Policy.Preferred)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(6, 0, 6, 0)
        lay.setSpacing(6)
        cap = QtWidgets.QLabel(self.tr("Speed"))
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setObjectName("speedSlider")
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QtWidgets.QSlider.TickPosition.TicksBelow)
        self.slider.setFixedWidth(130)
        self.slider.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)   # arrows belong to stepping
        self.label = QtWidgets.QLabel()
        fm = self.label.fontMetrics()
        self.label.setMinimumWidth(max(fm.horizontalAdvance(self.tr(s.label)) for s in SPEEDS) + 6)
        steps = [sp for sp in SPEEDS if sp.kind == "steps"]
        updates = [sp for sp in SPEEDS if sp.kind == "updates"]
        tip = self.tr("Play speed: {a} to {b} (each micro-step reveals one s(t), y(t), δ or "
                      "fold-back term), then {c} to {d} (whole updates), then “fast” (as many "
                      "updates as fit, redrawn at most {fps} times a second). "
                      "Shortcuts: [ slower, ] faster.").format(
            a=self.tr(steps[0].label), b=self.tr(steps[-1].label),
            c=self.tr(updates[0].label), d=self.tr(updates[-1].label), fps=FPS)
        for w in (cap, self.slider, self.label):
            w.setToolTip(tip)
            lay.addWidget(w)
        self.slider.valueChanged.connect(self._changed)
        self.slider.setValue(level)
        self._changed(level)

    def level(self) -> int:
        return self.slider.value()

    def set_level(self, level: int) -> None:
        self.slider.setValue(max(0, min(int(level), len(SPEEDS) - 1)))

    def _changed(self, level: int) -> None:
        self.label.setText(self.tr(SPEEDS[level].label))
        self.levelChanged.emit(level)


# (objectName, text, shortcut, tooltip, standard icon)
_ICON = QtWidgets.QStyle.StandardPixmap
ACTIONS = (
    ("actionStepBack", QT_TRANSLATE_NOOP("Controls", "Step &back"), "Left",
     QT_TRANSLATE_NOOP("Controls", "Back one micro-step within the current update (the pass is computed: nothing is lost)"),
     _ICON.SP_MediaSeekBackward),
    ("actionStep", QT_TRANSLATE_NOOP("Controls", "&Step"), "Right", QT_TRANSLATE_NOOP("Controls", "One micro-step: reveal the next s(t), y(t), δ or fold-back term"),
     _ICON.SP_MediaSeekForward),
    ("actionNextPhase", QT_TRANSLATE_NOOP("Controls", "Next &phase"), "Shift+Right",
     QT_TRANSLATE_NOOP("Controls", "Jump to the end of the phase in progress: forward pass → output error δ_k → BPTT δ_j(t−z) "
     "→ fold-back ΔV ΔU ΔW → update"), _ICON.SP_MediaSkipForward),
    ("actionNextUpdate", QT_TRANSLATE_NOOP("Controls", "Next &update"), "Ctrl+Right",
     QT_TRANSLATE_NOOP("Controls", "Finish this update: the weights change and the cost is recorded"), _ICON.SP_ArrowForward),
    ("actionPlay", QT_TRANSLATE_NOOP("Controls", "&Play"), "Space", QT_TRANSLATE_NOOP("Controls", "Play / pause at the chosen speed"), _ICON.SP_MediaPlay),
    ("actionReset", QT_TRANSLATE_NOOP("Controls", "&Reset"), "Ctrl+R",
     QT_TRANSLATE_NOOP("Controls", "Start again from the current settings (same seed, same run)"), _ICON.SP_BrowserReload),
    ("actionExport", QT_TRANSLATE_NOOP("Controls", "&Export frames…"), "Ctrl+E",
     QT_TRANSLATE_NOOP("Controls", "Export what the view shows as PNG frames, a GIF or a video"), _ICON.SP_DialogSaveButton),
    ("actionSlower", QT_TRANSLATE_NOOP("Controls", "Slo&wer"), "[", QT_TRANSLATE_NOOP("Controls", "Play slower"), None),
    ("actionFaster", QT_TRANSLATE_NOOP("Controls", "&Faster"), "]", QT_TRANSLATE_NOOP("Controls", "Play faster"), None),
)


def make_actions(window: QtWidgets.QMainWindow) -> dict[str, QtGui.QAction]:
    """The window's stepping actions, by objectName, with shortcuts that work anywhere in it."""
    style = window.style()
    out = {}
    for name, text, key, tip, icon in ACTIONS:
        # translated here, marked above (lupdate reads the marks in ACTIONS)
        text = QtCore.QCoreApplication.translate("Controls", text)
        tip = QtCore.QCoreApplication.translate("Controls", tip)
        act = QtGui.QAction(text, window)
        act.setObjectName(name)
        act.setShortcut(QtGui.QKeySequence(key))
        act.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        shown = QtGui.QKeySequence(key).toString(QtGui.QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(f"{tip} ({shown})")
        act.setStatusTip(tip)
        if icon:
            act.setIcon(style.standardIcon(icon))
        window.addAction(act)      # shortcuts work even with the toolbar hidden
        out[name] = act
    out["actionPlay"].setCheckable(True)
    return out
