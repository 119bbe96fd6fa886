"""Benchmark: how long the main window (all docks and panels) takes to open, and to close.

Run as ``python tests/benchmarks/bench_window.py [RUNS]``. Prints a markdown
table; asserts nothing (the tests never assert a clock). "open" is
``MainWindow()`` + ``show()`` + the first drawn frame; "close" is ``close()``
and the deletion of the window and everything in it.
"""
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from PySide6 import QtCore, QtWidgets  # noqa: E402

from visualizer.qt.main_window import MainWindow  # noqa: E402


def main(runs: int = 5) -> None:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                             tempfile.mkdtemp(prefix="rnnu-bench-"))
    opened, closed = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        w = MainWindow()
        w.show()
        app.processEvents()
        t1 = time.perf_counter()
        w.close()
        w.deleteLater()
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
        t2 = time.perf_counter()
        opened.append(t1 - t0)
        closed.append(t2 - t1)
    print("| step | median (s) | first (s) |")
    print("|---|---|---|")
    print(f"| open (docks, panels, first frame) | {statistics.median(opened):.3f} | {opened[0]:.3f} |")
    print(f"| close and delete | {statistics.median(closed):.3f} | {closed[0]:.3f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
