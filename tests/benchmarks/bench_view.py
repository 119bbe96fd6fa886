"""Benchmark: recolour + render of the unfolded view, against a naive baseline.

Run as ``python tests/benchmarks/bench_view.py``.  Prints a markdown table;
asserts nothing.  Each run = ``set_frame`` with new random values +
``render_to_image(1600, 600)``.  The baseline draws one ``QGraphicsLineItem``
per edge (``setPen`` per edge per frame) and renders the same size.
"""
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import numpy as np  # noqa: E402
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

from visualizer.qt import colormaps as cm  # noqa: E402
from visualizer.qt.unfolded.view import UnfoldedView  # noqa: E402
from visualizer.model.view_frame import ViewFrame  # noqa: E402

WIDTH, HEIGHT = 1600, 600


def random_frame(rng, N, M, O, T):
    return ViewFrame(
        x=rng.random((T, N)), s=rng.random((T + 1, M)), y=rng.random((T, O)),
        edge_V=rng.normal(size=(T, M, N)), edge_U=rng.normal(size=(T, M, M)),
        edge_W=rng.normal(size=(T, O, M)),
        delta_s=rng.normal(size=(T + 1, M)), delta_y=rng.normal(size=(T, O)),
        edge_mode="error", steps=list(range(1, T + 1)), z=list(range(T - 1, -1, -1)),
        active_column=T // 2, active_layer="s", direction="backward",
        caption="benchmark", title="bench_view")


def time_view(N, M, O, T, runs, lod=None):
    view = UnfoldedView()
    if lod is not None:
        view.lod_max_edges = lod
    view.set_structure(N, M, O, T)
    rng = np.random.default_rng(0)
    frames = [random_frame(rng, N, M, O, T) for _ in range(min(runs, 4))]
    view.set_frame(frames[0])
    view.render_to_image(WIDTH, HEIGHT)  # warm up (atlas, fonts)
    ts = []
    for i in range(runs):
        t0 = time.perf_counter()
        view.set_frame(frames[i % len(frames)])
        view.render_to_image(WIDTH, HEIGHT)
        ts.append(time.perf_counter() - t0)
    drawn = view.drawn_edge_count
    view.deleteLater()
    return float(np.median(ts)) * 1e3, drawn


def time_baseline(N, M, O, T, runs):
    """One QGraphicsLineItem per edge, pen set per edge per frame."""
    view = UnfoldedView()
    view.set_structure(N, M, O, T)
    ends = view._endpoints  # same geometry as the view, in view coordinates
    scene = QtWidgets.QGraphicsScene()
    scene.setSceneRect(0, 0, WIDTH, HEIGHT)
    x0, x1 = ends[:, [0, 2]].min(), ends[:, [0, 2]].max()
    y0, y1 = ends[:, [1, 3]].min(), ends[:, [1, 3]].max()
    sx, sy = (WIDTH - 100) / (x1 - x0), (HEIGHT - 100) / (y1 - y0)
    px = 50 + (ends[:, [0, 2]] - x0) * sx
    py = HEIGHT - 50 - (ends[:, [1, 3]] - y0) * sy
    items = []
    for (a, b), (c, d) in zip(px, py):
        it = QtWidgets.QGraphicsLineItem(a, c, b, d)
        scene.addItem(it)
        items.append(it)
    lut = cm.diverging_lut()
    rng = np.random.default_rng(0)
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        vals = rng.normal(size=len(items))
        idx = cm.signed_to_index(vals, np.abs(vals).max())
        for it, k in zip(items, idx):
            r, g, b, a = lut[k]
            pen = QtGui.QPen(QtGui.QColor(int(r), int(g), int(b)), 0)
            it.setPen(pen)
        img = QtGui.QImage(WIDTH, HEIGHT, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(QtGui.QColor("white"))
        p = QtGui.QPainter(img)
        scene.render(p, QtCore.QRectF(0, 0, WIDTH, HEIGHT), QtCore.QRectF(0, 0, WIDTH, HEIGHT))
        p.end()
        ts.append(time.perf_counter() - t0)
    view.deleteLater()
    return float(np.median(ts)) * 1e3


def main():
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841
    rows = []
    N, M, O, T = 8, 32, 8, 32
    E = T * (M * N + M * M + O * M)
    view_ms, drawn = time_view(N, M, O, T, runs=30)
    base_ms = time_baseline(N, M, O, T, runs=5)
    rows.append((f"T={T}, N=O={N}, M={M}", E, drawn, view_ms, base_ms))
    N, M, O, T = 8, 128, 8, 64
    E = T * (M * N + M * M + O * M)
    lod_ms, lod_drawn = time_view(N, M, O, T, runs=15)
    full_ms, full_drawn = time_view(N, M, O, T, runs=5, lod=10 ** 9)
    rows.append((f"T={T}, N=O={N}, M={M}, LOD 60k", E, lod_drawn, lod_ms, None))
    rows.append((f"T={T}, N=O={N}, M={M}, no LOD", E, full_drawn, full_ms, None))

    print(f"\nset_frame (new random values) + render_to_image({WIDTH}x{HEIGHT}), median\n")
    print("| case | edges | drawn | view ms | baseline ms (QGraphicsLineItem/edge) | speed-up |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, e, d, v, b in rows:
        bs = f"{b:.1f}" if b is not None else "–"
        sp = f"{b / v:.1f}x" if b is not None else "–"
        print(f"| {name} | {e:,} | {d:,} | {v:.1f} | {bs} | {sp} |")


if __name__ == "__main__":
    main()
