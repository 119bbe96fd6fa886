"""One export: schedule a copy of a session, render each state, hand it to the writers."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

from visualizer.export.plan import count_frames, schedule
from visualizer.export.settings import ExportSettings, check_settings
from visualizer.export.writers import GifWriter, Mp4Writer, PngSequenceWriter


@dataclass
class ExportResult:
    """What an export did."""

    frames: int = 0
    total: Optional[int] = None
    cancelled: bool = False
    stopped: bool = False
    message: str = ""            # why it ended early (an update refused as not finite), else ""
    seconds: float = 0.0
    files: list = field(default_factory=list)   # movies written (absolute paths)
    png_dir: Optional[str] = None


class Export:
    """One export: schedule a copy of ``session``, render each state, write it.

    Parameters
    ----------
    session : Session
        The window's session (or any); it is copied, never advanced.
    settings : ExportSettings
        Checked by :func:`check_settings` here (raises :class:`ExportError`).
    render : callable
        ``render(session) -> QImage`` of ``settings.size``.
    progress : callable, optional
        ``progress(done, total)`` after each frame (total None when unknown).
    copy : bool
        False: advance ``session`` itself (the command line's own session).

    Use :meth:`run` to export in one go, or iterate :meth:`frames` to export
    one frame per step (the dialog does, from a timer). :meth:`cancel` stops
    and discards the movies (PNGs written so far stay); :meth:`stop` stops and
    finishes them.
    """

    def __init__(self, session, settings: ExportSettings, render: Callable, progress: Callable = None,
                 copy: bool = True):
        self.settings = check_settings(settings)
        self.session = session.copy() if copy else session
        self.render = render
        self.progress = progress
        self.total = count_frames(self.session, self.settings.what, self.settings.every,
                                  self.settings.updates, self.settings.max_frames)
        if self.total is not None:
            self.total = min(self.total, self.settings.max_frames)
        self._cancel = False
        self._stop = False
        self.result = ExportResult(total=self.total, png_dir=self.settings.png_dir)

    def cancel(self) -> None:
        """Stop after the frame in progress; keep the PNGs, write no movie."""
        self._cancel = True

    def stop(self) -> None:
        """Stop after the frame in progress and finish the movies with the frames so far."""
        self._stop = True

    @property
    def cancelled(self) -> bool:
        return self._cancel

    def _writers(self):
        s = self.settings
        ws = []
        if s.png_dir:
            ws.append(PngSequenceWriter(s.png_dir))
        if s.gif:
            ws.append(GifWriter(s.gif, s.fps))
        if s.mp4:
            ws.append(Mp4Writer(s.mp4, s.fps))
        return ws

    def frames(self) -> Iterator[int]:
        """Render and write one frame per iteration; yields the number of frames written."""
        s, res = self.settings, self.result
        t0 = time.perf_counter()
        writers = self._writers()
        ok = False
        try:
            for _ in schedule(self.session, s.what, s.every, s.updates):
                if self._cancel or self._stop:
                    break
                image = self.render(self.session)
                for w in writers:
                    w.add(image)
                res.frames += 1
                res.seconds = time.perf_counter() - t0
                if self.progress is not None:
                    self.progress(res.frames, self.total)
                yield res.frames
                if res.frames >= s.max_frames:
                    break
            if self.session.message:
                res.message = self.session.message
            ok = not self._cancel
        finally:
            res.cancelled = self._cancel or not ok
            res.stopped = self._stop
            if ok:
                for w in writers:
                    w.finish()
                res.files = [p for p in (s.gif, s.mp4) if p]
            else:
                for w in writers:
                    w.abort()
            res.seconds = time.perf_counter() - t0

    def run(self) -> ExportResult:
        """Export every frame; returns the :class:`ExportResult`."""
        for _ in self.frames():
            pass
        return self.result
