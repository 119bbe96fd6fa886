"""Which states of a session become frames (no Qt): the schedule and the frame count.

The schedule advances a session (an export's own copy, :meth:`Session.copy`)
and yields at each state to capture; the first yield is the state the export
starts from.
"""
from __future__ import annotations

from typing import Iterator, Optional

from visualizer.export.settings import EVERY, MAX_FRAMES, WHATS


def schedule(session, what: str = "updates", every: str = "step", updates: int = 1) -> Iterator[None]:
    """Advance ``session`` and yield at each state to capture.

    The first yield is the starting state. The generator ends after the K-th
    update was applied (``what="updates"``; 1 for ``"update"``), never for
    ``"until"``, and early when an update is refused as not finite
    (``session.message`` says why).
    """
    if what not in WHATS:
        raise ValueError(f"what must be one of {', '.join(WHATS)}, got {what!r}")
    if every not in EVERY:
        raise ValueError(f"every must be one of {', '.join(EVERY)}, got {every!r}")
    if what == "update":
        updates = 1
        while session.position > 0 and session.step_back():
            pass
    advance = {"step": session.step, "phase": session.next_phase, "update": session.next_update}[every]
    yield
    done = 0
    while what == "until" or done < updates:
        if not advance():
            return
        yield
        if session.applied:
            done += 1


def count_frames(session, what: str = "updates", every: str = "step", updates: int = 1,
                 limit: int = MAX_FRAMES) -> Optional[int]:
    """Frames :func:`schedule` yields for ``session`` (run on a copy); None for ``"until"``."""
    if what == "until":
        return None
    if every == "update" and what == "updates":
        return 1 + updates
    n = 0
    for _ in schedule(session.copy(), what, every, updates):
        n += 1
        if n >= limit:
            break
    return n
