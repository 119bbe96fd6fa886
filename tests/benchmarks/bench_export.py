"""Export speed at 1280x720: PNG frames per second, and the time to assemble a 100-frame GIF.

A script (it measures and prints; it asserts no times):

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_export.py [--frames 100] [--task hello]

Goals: >= 20 frames/s for a PNG sequence, a 100-frame GIF in < 5 s.
Rows: rendering alone (ExportCanvas.render), PNG sequence at several
``QImage.save`` qualities (the export uses visualizer.export.PNG_QUALITY), the
GIF writer on pre-rendered frames (one fixed palette, no dithering) and, when
the video extra is installed, the MP4 writer.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from PySide6 import QtWidgets  # noqa: E402

from visualizer import export as ex  # noqa: E402
from visualizer.qt.export_canvas import ExportCanvas  # noqa: E402
from visualizer.model.session import Config, Session  # noqa: E402


def states(task: str, n: int):
    """A session copy stepped through ``n`` micro-steps (yields the session at each)."""
    s = Session(Config.for_task(task))
    for i, _ in enumerate(ex.schedule(s, "until", "step")):
        if i >= n:
            return
        yield s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=100)
    ap.add_argument("--task", default="hello")
    ap.add_argument("--size", default="1280x720")
    a = ap.parse_args()
    w, h = ex.parse_size(a.size)
    n = a.frames
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841
    canvas = ExportCanvas(size=(w, h))
    rows = []
    tmp = tempfile.mkdtemp(prefix="bench-export-")
    try:
        # warm-up: fonts, caches
        for s in states(a.task, 3):
            canvas.render(s, w, h)

        t0 = time.perf_counter()
        images = [canvas.render(s, w, h) for s in states(a.task, n)]
        dt = time.perf_counter() - t0
        rows.append(("render only (ExportCanvas.render)", n, dt))

        for q in (-1, 50, ex.PNG_QUALITY, 100):
            d = os.path.join(tmp, f"png{q}")
            t0 = time.perf_counter()
            wr = ex.PngSequenceWriter(d, quality=q)
            for s in states(a.task, n):
                wr.add(canvas.render(s, w, h))
            dt = time.perf_counter() - t0
            size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)) / n / 1024
            label = f"PNG sequence, render + save, quality {q}" + (" (used)" if q == ex.PNG_QUALITY else "")
            rows.append((f"{label}, {size:.0f} KiB/frame", n, dt))

        t0 = time.perf_counter()
        job = ex.Export(Session(Config.for_task(a.task)),
                        ex.ExportSettings(what="until", max_frames=n, png_dir=os.path.join(tmp, "job"),
                                          size=(w, h)),
                        lambda s: canvas.render(s, w, h))
        res = job.run()
        rows.append(("Export.run, PNG sequence (what the CLI does)", res.frames, time.perf_counter() - t0))

        gif = os.path.join(tmp, "m.gif")
        t0 = time.perf_counter()
        g = ex.GifWriter(gif, 10)
        for img in images:
            g.add(img)
        g.finish()
        dt = time.perf_counter() - t0
        rows.append((f"GIF assembly of pre-rendered frames, {os.path.getsize(gif) / 1024:.0f} KiB", n, dt))

        if ex.video_available():
            mp4 = os.path.join(tmp, "m.mp4")
            t0 = time.perf_counter()
            m = ex.Mp4Writer(mp4, 10)
            for img in images:
                m.add(img)
            m.finish()
            dt = time.perf_counter() - t0
            rows.append((f"MP4 assembly of pre-rendered frames, {os.path.getsize(mp4) / 1024:.0f} KiB", n, dt))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"\nExport at {w}x{h}, task {a.task} ({n} frames)\n")
    print("| what | frames | time (s) | frames/s | ms/frame |")
    print("|---|---:|---:|---:|---:|")
    for label, k, dt in rows:
        print(f"| {label} | {k} | {dt:.2f} | {k / dt:.1f} | {1000 * dt / k:.1f} |")
    print("\ngoals: PNG sequence >= 20 frames/s; 100-frame GIF < 5 s")


if __name__ == "__main__":
    main()
