"""Animation export (no Qt in the planning): which states of a session become frames, and the writers.

Modules: :mod:`~visualizer.export.settings` (what to export, checked),
:mod:`~visualizer.export.plan` (the schedule), :mod:`~visualizer.export.writers`
(PNG, GIF, MP4) and :mod:`~visualizer.export.job` (:class:`Export`); their
public names are re-exported here (``from visualizer import export as ex; ex.Export``).

The engine is light on Qt: it never draws. It advances a *copy* of a
:class:`~visualizer.model.session.Session` along a schedule, asks a ``render``
callable (normally :meth:`visualizer.qt.export_canvas.ExportCanvas.render`)
for one ``QImage`` per captured state, and hands the image to the writers.
The export dialog and the ``rnn-unfold export`` command drive the same
:class:`Export`, so a given seed and task give the same frames from both.

Schedule
    ``what``: ``"update"`` the micro-steps of the update in progress (replayed
    from its first micro-step; an update already applied is replayed when it
    can be undone, otherwise the next one is taken), ``"updates"`` the next K
    updates from the current state, ``"until"`` from the current state until
    :meth:`Export.stop` (or :data:`MAX_FRAMES`). ``every``: ``"step"`` a frame
    after each micro-step, ``"phase"`` after each phase, ``"update"`` after
    each whole update. The first frame is always the state the export starts
    from.

The window is never disturbed
    :class:`Export` works on :meth:`Session.copy` (a deep copy of the engine
    objects with fresh, unconnected events): the window's session keeps its
    position, weights, curves and random state. The copy keeps the window's
    sample l and pinned edge mode, so frames show what the window shows.

Writers
    PNG sequence ``frame_00001.png`` … written by ``QImage.save`` (opaque RGB,
    no text chunks, no timestamps: the same frames give the same bytes), each
    through a temporary name and ``os.replace``; previous ``frame_NNNNN.png``
    files of the folder are removed first so the folder holds one sequence.
    GIF through Pillow with one fixed palette for all frames (the colour maps
    plus the first frame's colours; no dithering), ``loop=0``, the duration in
    milliseconds rounded to GIF's 10 ms ticks; Pillow merges a frame identical
    to the one before into a single longer frame. MP4 (H.264, yuv420p) through
    imageio-ffmpeg, frames padded to even sizes with the background colour.
    A movie is written to a hidden temporary file in its target folder and
    renamed into place only when complete: a cancelled or failed export never
    leaves a half-written GIF or MP4 (the PNGs written so far are kept).
"""
from visualizer.export.job import Export, ExportResult
from visualizer.export.plan import count_frames, schedule
from visualizer.export.settings import (DEFAULT_SIZE, EVERY, FPS_LIMITS, MAX_FRAMES, MAX_UPDATES,
                                        PANELS, PNG_QUALITY, SIZE_LIMITS, VIDEO_HINT, WHATS,
                                        ExportError, ExportSettings, check_settings, frame_name,
                                        gif_duration_ms, parse_panels, parse_size, parse_source,
                                        require_video,
                                        video_available)
from visualizer.export.writers import (GifWriter, Mp4Writer, PngSequenceWriter, image_to_keys,
                                       image_to_rgb)

__all__ = ["WHATS", "EVERY", "PANELS", "VIDEO_HINT", "DEFAULT_SIZE", "SIZE_LIMITS", "FPS_LIMITS",
           "MAX_UPDATES", "MAX_FRAMES", "PNG_QUALITY", "ExportError", "ExportSettings",
           "ExportResult", "Export", "schedule", "count_frames", "check_settings", "parse_size",
           "parse_panels", "parse_source", "video_available", "require_video", "gif_duration_ms", "image_to_rgb",
           "image_to_keys", "frame_name", "PngSequenceWriter", "GifWriter", "Mp4Writer"]
