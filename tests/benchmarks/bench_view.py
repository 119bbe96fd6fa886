"""Benchmark: recolour + render of the unfolded view, against a naive baseline and variants.

Run as ``python tests/benchmarks/bench_view.py``.  Prints markdown tables;
asserts nothing.  Each run = ``set_frame`` with new random values +
``render_to_image(1600, 600)``.  The baseline draws one ``QGraphicsLineItem``
per edge (``setPen`` per edge per frame) and renders the same size.

The second table measures ideas side by side in one run (interleaved, so a
burst of load on a shared machine hits all of them): the view as shipped,
pyqtgraph's own per-node symbol lookup (what the view did before), fewer
colour bins, and leaving out the edges of the colour bins nearest the
background.  The colour distances (CIE76 ΔE between neighbouring bins, and
between the zero bin and the background) are printed with them: they are
why the last two are not kept.
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
    return _time(view, N, M, O, T, runs)


def _time(view, N, M, O, T, runs):
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


# ------------------------------------------------------------------ variants
def lab(rgb):
    """CIELAB of sRGB bytes ``(..., 3)`` (D65)."""
    c = np.asarray(rgb, dtype=float) / 255.0
    c = np.where(c > 0.04045, ((c + 0.055) / 1.055) ** 2.4, c / 12.92)
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = c @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


def bin_colors(nbins):
    """The edge colour of each of ``nbins`` bins, as the view picks them from the table."""
    lut = cm.diverging_lut()
    pos = np.rint(np.arange(nbins) * (len(lut) - 1) / (nbins - 1)).astype(int)
    return lut[pos, :3]


def make_variant(name, N, M, O, T):
    """A view set up as variant ``name`` (see the module notes)."""
    import visualizer.qt.unfolded.view as V
    view = UnfoldedView()
    if name.startswith("bins "):
        nb = int(name.split()[1])
        view._n_bins_saved = V.N_EDGE_BINS
        V.N_EDGE_BINS = nb
        view._build_styles()
    if name == "pyqtgraph node lookup":
        view._node_rects = lambda data, b, pi: np.zeros(len(b), dtype=data["sourceRect"].dtype)
    if name.startswith("skip "):
        # leave out the bins within the given ΔE of the background (after the view sorted them)
        limit = float(name.split()[1])
        de = np.linalg.norm(lab(bin_colors(V.N_EDGE_BINS)) - lab(cm.BACKGROUND[:3]), axis=-1)
        skip = {id(view._bin_pens[i]) for i in np.flatnonzero(de < limit)}
        recolor = view._recolor_edges

        def recolor_skipping(f):
            recolor(f)
            kept = [g for g in view._edges._groups if id(g[0]) not in skip]
            view._n_drawn = sum(g[2] for g in kept)
            view._edges.set_lines(view._edges._lines, kept)
        view._recolor_edges = recolor_skipping
    view.set_structure(N, M, O, T)
    return view


def run_variants(N, M, O, T, names, runs, rounds=3):
    """Median ms and drawn edges of each variant, measured in interleaved rounds."""
    import visualizer.qt.unfolded.view as V
    rng = np.random.default_rng(0)
    frames = [random_frame(rng, N, M, O, T) for _ in range(4)]
    times = {n: [] for n in names}
    drawn = {}
    for _ in range(rounds):
        for name in names:
            saved = V.N_EDGE_BINS
            view = make_variant(name, N, M, O, T)
            try:
                view.set_frame(frames[0])
                view.render_to_image(WIDTH, HEIGHT)
                for i in range(runs):
                    t0 = time.perf_counter()
                    view.set_frame(frames[i % len(frames)])
                    view.render_to_image(WIDTH, HEIGHT)
                    times[name].append(time.perf_counter() - t0)
                drawn[name] = view.drawn_edge_count
            finally:
                V.N_EDGE_BINS = saved
                view.deleteLater()
    return {n: (float(np.median(times[n])) * 1e3, drawn[n]) for n in names}


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

    de_bg = np.linalg.norm(lab(bin_colors(64)) - lab(cm.BACKGROUND[:3]), axis=-1)
    print(f"\nCIE76 ΔE of the zero bins to the background: {de_bg.min():.1f} "
          "(2.3 is one just noticeable difference)")
    for nb in (64, 32, 16):
        d = np.linalg.norm(np.diff(lab(bin_colors(nb)), axis=0), axis=-1)
        print(f"CIE76 ΔE between neighbouring bins, {nb} bins: {d.min():.1f} .. {d.max():.1f}")
    names = ["as shipped", "pyqtgraph node lookup", "bins 32", "bins 16", "skip 2.3", "skip 12"]
    for (N, M, O, T, label) in ((8, 32, 8, 32, "T=32, M=32"), (8, 128, 8, 64, "T=64, M=128, LOD 60k")):
        res = run_variants(N, M, O, T, names, runs=8 if M == 32 else 5)
        print(f"\nvariants, {label}: median ms of set_frame + render (interleaved rounds)\n")
        print("| variant | drawn | ms |")
        print("|---|---:|---:|")
        for name in names:
            ms, d = res[name]
            print(f"| {name} | {d:,} | {ms:.1f} |")


if __name__ == "__main__":
    main()
