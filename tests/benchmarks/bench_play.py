"""Benchmark: updates per second of "fast" play in the real window, against headless training.

Run as ``python tests/benchmarks/bench_play.py [seconds]`` (default 6 s per
measurement).  Prints a markdown table; asserts nothing.  For each task, in
the same run:

* **headless**: a bare ``core.Trainer`` loop, ``prepare(detail=False)`` +
  ``apply`` for the given seconds (what ``rnn-unfold train`` does, minus its
  progress lines);
* **window**: the real :class:`MainWindow` (offscreen, shown, with the insight
  panels), the speed control at its fastest level, playing for the same
  seconds (after WARMUP seconds of play not counted) while the Qt event loop
  runs and the window redraws.

The ratio window / headless is the share of the training speed the window
keeps (goal: at least 80 %).  The two measurements alternate twice and the
medians are reported, so a burst of load on a shared machine hits both.
"""
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import numpy as np  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

from core import datasets  # noqa: E402
from visualizer.model.config import Config  # noqa: E402
from visualizer.model.resources import asset  # noqa: E402
from visualizer.model.session import Session  # noqa: E402


#: seconds of play before the count starts
WARMUP = 1.0


def make_session(kind: str) -> Session:
    """A fresh session on the built-in task ``kind`` or, for ``"sample text"``, the shipped text."""
    if kind == "sample text":
        task = datasets.load_text(str(asset("sample.txt")), seed=0)
        return Session(Config.from_task(task, seed=0), task=task)
    return Session(Config.for_task(kind, seed=0))


def headless(kind: str, seconds: float) -> float:
    """Updates per second of a bare Trainer loop on the task's recommended settings."""
    trainer = make_session(kind).trainer
    for _ in range(20):                      # warm up
        trainer.apply(trainer.prepare(detail=False))
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for _ in range(20):
            trainer.apply(trainer.prepare(detail=False))
        n += 20
    return n / (time.perf_counter() - t0)


def windowed(kind: str, seconds: float) -> tuple[float, int]:
    """Updates per second while the shown window plays at its fastest speed; and frames drawn."""
    from visualizer.qt.main_window import MainWindow
    app = QtWidgets.QApplication.instance()
    win = MainWindow(make_session(kind), restore=False)
    win.show()
    app.processEvents()
    frames = [0]
    set_frame = win.view.set_frame

    def counting(frame):
        frames[0] += 1
        set_frame(frame)
    win.view.set_frame = counting
    win.speed.set_level(win.speed.slider.maximum())
    trainer = win.session.trainer
    win.action_map["actionPlay"].setChecked(True)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < WARMUP:     # the first paints, and play finds its rhythm
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    frames[0] = 0
    start = trainer.updates
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    win.action_map["actionPlay"].setChecked(False)
    elapsed = time.perf_counter() - t0
    done = win.session.trainer.updates - start
    win.close()
    win.deleteLater()
    app.processEvents()
    return done / elapsed, frames[0]


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    seconds = float(argv[0]) if argv else 6.0
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841
    print(f"\nfast play in the shown window (offscreen, with its panels) vs a headless Trainer, "
          f"{seconds:g} s each, median of 2\n")
    print("| task | headless updates/s | window updates/s | ratio | frames drawn/s |")
    print("|---|---:|---:|---:|---:|")
    for kind in ("elman-letters", "sample text"):
        hs, ws, fs = [], [], []
        for _ in range(2):
            hs.append(headless(kind, seconds))
            w, f = windowed(kind, seconds)
            ws.append(w)
            fs.append(f / seconds)
        h, w = float(np.median(hs)), float(np.median(ws))
        print(f"| {kind} | {h:,.0f} | {w:,.0f} | {w / h:.0%} | {np.median(fs):.0f} |", flush=True)


if __name__ == "__main__":
    main()
