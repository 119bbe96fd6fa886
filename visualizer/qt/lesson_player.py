"""Plays a lesson in the window, scene by scene, on top of :func:`visualizer.model.lesson.play`.

A :class:`LessonPlayer` drives the window's own session. Going to scene k
replays the lesson's plan up to scene k without showing anything (cheap: the
core only reveals what it computed) and then shows scene k's frames, the first
held for the scene's ``hold`` seconds and the next ones at its ``speed``; at
the end of the scene it waits for the clicker. So "previous scene" gives
exactly the state the scene began with, however the person stepped in
between, and every run of a lesson shows the same states.

The player only says what to show (signals, :meth:`highlights`,
:meth:`panels`, :meth:`caption`); the window and the presentation mode draw
it. Keys (PageDown / PageUp / arrows, as a clicker sends them) call
:meth:`next_scene` and :meth:`previous_scene`.
"""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import Signal

from visualizer.model import lesson as L
from visualizer.qt.lesson_canvas import view_highlights

__all__ = ["LessonPlayer"]


class LessonPlayer(QtCore.QObject):
    """Shows a :class:`~visualizer.model.lesson.Lesson` on a session, one scene at a time.

    Parameters
    ----------
    lesson : Lesson
    session : Session
        The window's session (the player changes it through its public methods).
    timed : bool
        Play a scene's frames on a timer (the window); False: :meth:`advance`
        shows the next frame (tests, and a person who wants to click through).

    Signals
    -------
    sceneChanged(int)
        0-based scene now shown (after its first frame is reached).
    frameShown(int, int)
        (scene, frame index within the scene) after the session reached a frame.
    sceneFinished(int)
        The scene's last frame is shown; the player waits for the clicker.
    failed(str)
        The lesson cannot be played on (one line naming the scene and field).
    """

    sceneChanged = Signal(int)
    frameShown = Signal(int, int)
    sceneFinished = Signal(int)
    failed = Signal(str)

    def __init__(self, lesson, session, timed: bool = True, parent=None):
        super().__init__(parent)
        self.lesson = lesson
        self.session = session
        self.timed = bool(timed)
        self.scene = -1
        self.frame = None
        self.playing = False
        self._plan = L.plan(lesson)
        self._gen = None
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.advance)

    # -- what to show -------------------------------------------------------------------
    @property
    def scenes(self) -> int:
        return len(self.lesson.scenes)

    @property
    def current(self):
        """The :class:`~visualizer.model.lesson.Scene` shown (None before :meth:`start`)."""
        return self.lesson.scenes[self.scene] if 0 <= self.scene < self.scenes else None

    def highlights(self) -> list:
        """The scene's highlights as the view's items, for the window of copies on show."""
        sc = self.current
        return view_highlights(sc, self.session) if sc is not None else []

    def panels(self) -> tuple:
        """Names of the panels the scene shows beside the view."""
        sc = self.current
        return tuple(sc.panels) if sc is not None else ()

    def caption(self) -> str:
        """The scene's caption (Markdown)."""
        sc = self.current
        return sc.caption if sc is not None else ""

    def title(self) -> str:
        """'n/N · scene title'."""
        sc = self.current
        if sc is None:
            return self.lesson.title
        return f"{self.scene + 1}/{self.scenes} · {sc.title}" if sc.title else f"{self.scene + 1}/{self.scenes}"

    # -- moving -------------------------------------------------------------------------
    def start(self, scene: int = 0) -> bool:
        """Show scene ``scene`` (0-based) from its beginning; False when the lesson cannot be played."""
        return self.go_to(scene)

    def go_to(self, scene: int) -> bool:
        """Replay the lesson up to scene ``scene`` and show its first frame (clamped to the scenes)."""
        k = min(max(int(scene), 0), self.scenes - 1)
        self._timer.stop()
        actions = [a for a in self._plan if a.scene <= k]
        self._gen = L.play(self.lesson, self.session, actions=actions, first_scene=k)
        self.scene = k
        self.playing = True
        return self.advance(announce=True)

    def next_scene(self) -> bool:
        """The next scene (the clicker's PageDown); False at the last one."""
        if self.scene >= self.scenes - 1:
            return False
        return self.go_to(self.scene + 1)

    def previous_scene(self) -> bool:
        """The scene before, from its beginning (PageUp); False at the first one."""
        if self.scene <= 0:
            return False
        return self.go_to(self.scene - 1)

    def restart_scene(self) -> bool:
        """The current scene again from its beginning."""
        return self.go_to(max(self.scene, 0))

    def advance(self, announce: bool = False) -> bool:
        """Show the scene's next frame; False when the scene has ended (or failed)."""
        if self._gen is None:
            return False
        try:
            frame = next(self._gen)
        except StopIteration:
            self._end_scene()
            return False
        except L.LessonError as err:
            self._gen = None
            self.playing = False
            self.failed.emit(str(err))
            return False
        self.frame = frame
        if announce:
            self.sceneChanged.emit(self.scene)
        self.frameShown.emit(frame.scene, frame.index)
        if self.timed:
            self._timer.start(max(1, int(round(1000 * frame.duration))))
        return True

    def finish_scene(self) -> None:
        """Show the scene's last frame now (skip the rest of its animation)."""
        self._timer.stop()
        timed, self.timed = self.timed, False
        try:
            while self.advance():
                pass
        finally:
            self.timed = timed

    def _end_scene(self) -> None:
        self._gen = None
        self.playing = False
        self._timer.stop()
        self.sceneFinished.emit(self.scene)

    def stop(self) -> None:
        """Stop the timer and forget the scene's remaining frames."""
        self._timer.stop()
        self._gen = None
        self.playing = False
