"""The Qt-free model behind the panels: frames equal the core's arrays, copy, rescale_U, the formatter."""
import json
import math
import os
import pkgutil
import subprocess
import sys

import numpy as np
import pytest

import core
from core import diagnostics as dg
from visualizer.model import colors, explain
from visualizer.model.foldback_frame import MATRICES, build_foldback_frame
from visualizer.model.session import Config, Session
from visualizer.model.vanishing_frame import build_vanishing_frame, history_array

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def boden():
    return Session(Config.for_task("temporal-xor").with_changes(scheme="boden", h=4, M=3,
                                                                hidden="tanh"))


def check_foldback_frame(s, f):
    fb = s.update.pas.foldback
    rv = s.timeline.reveal(s.position)
    Lw = s.update.t_end - s.update.w0
    off = s.columns - Lw
    assert f.shape == (s.net.N, s.net.M, s.net.O, s.columns)
    for m in MATRICES:
        arr = getattr(fb, m)
        want_sum = arr[rv.folded_from:].sum(axis=0) if rv.folded_from < Lw else 0 * arr[0]
        np.testing.assert_array_equal(f.sum_image(m), want_sum)
        for c in range(s.columns):
            cw = c - off
            shown = 0 <= cw < Lw and bool(rv.output[cw] if m == "W" else cw >= rv.bptt_from)
            if shown:
                np.testing.assert_array_equal(f.copy_image(m, c), arr[cw])
            else:
                assert np.isnan(f.copy_image(m, c)).all()
        before = getattr(s.net, m) - (s.update.change[m] if s.applied else 0)
        np.testing.assert_allclose(f.before_image(m), before, rtol=0, atol=1e-15)
        if rv.updated:
            np.testing.assert_allclose(f.after_image(m), getattr(s.net, m), rtol=0, atol=1e-15)
        else:
            assert np.isnan(f.after_image(m)).all()
    top = max(np.abs(getattr(fb, m)).max() for m in MATRICES)
    assert f.term_range >= top


def test_foldback_frame_is_the_core_arrays_at_every_micro_step(boden):
    s = boden
    for _ in range(3):
        s.next_update()
    s.step()
    prev = None
    while True:
        f = build_foldback_frame(s, prev)
        check_foldback_frame(s, f)
        prev = f
        if s.applied:
            break
        s.step()
    assert "copies folded" in f.caption


def test_vanishing_frame_is_the_core_norms_and_history(boden):
    s = boden
    for _ in range(5):
        s.next_update()
    f = build_vanishing_frame(s)
    want = dg.delta_norms(s.update.pas)
    np.testing.assert_array_equal(f.result.norms, want)
    np.testing.assert_array_equal(f.norms, np.where(want > 0, want, np.nan))
    assert f.result.rho == pytest.approx(dg.spectral_radius(s.pass_weights()["U"]))
    assert f.history_updates == [1, 2, 3, 4, 5]
    with np.errstate(divide="ignore"):
        np.testing.assert_array_equal(f.history[:want.size, -1], np.log10(want))
    # the history is the model's: an undone update leaves it, a later start hides earlier ones
    s.step_back()
    assert [u for u, _ in s.delta_history.entries] == [1, 2, 3, 4]
    assert build_vanishing_frame(s, first_update=3).history_updates == [3, 4]
    assert history_array([]).shape == (0, 0)


@pytest.mark.parametrize("rho", [0.5, 3.0])
def test_rescale_U_sets_the_spectral_radius_and_can_be_undone(boden, rho):
    s = boden
    s.next_update()                                # also after an applied update
    seen = []
    s.events.connect("frame", lambda *a: seen.append("frame"))
    change = s.rescale_U(rho)
    assert abs(dg.spectral_radius(s.net.U) - rho) < 1e-9
    assert seen and not s.applied
    np.testing.assert_array_equal(change.after, s.net.U)
    # the pass on show was computed with the new U
    pas = s.update.pas
    np.testing.assert_allclose(core.forward(s.net, pas.X, pas.trace.s[0]).s, pas.trace.s)
    s.set_matrix("U", change.before)
    np.testing.assert_array_equal(s.net.U, change.before)
    with pytest.raises(ValueError):
        s.rescale_U(-1.0)
    with pytest.raises(ValueError, match="shape"):
        s.set_matrix("U", np.zeros((2, 2)))
    np.testing.assert_array_equal(s.net.U, change.before)


def test_copy_is_independent_of_the_original(boden):
    s = boden
    s.next_update()
    s.step()
    heard = []
    s.events.connect("frame", lambda *a: heard.append(1))
    c = s.copy()
    assert c.position == s.position and c.delta_history.entries[0][0] == 1
    U = s.net.U.copy()
    curve = list(s.curve_updates)
    c.run_updates(3)
    c.rescale_U(2.0)
    c.sample = 1
    assert heard == []
    np.testing.assert_array_equal(s.net.U, U)
    assert s.curve_updates == curve and len(s.delta_history) == 1 and s.sample == 0
    assert c.net is not s.net and c.trainer is not s.trainer and c.events is not s.events
    # the same future: the original stepped the same way gives the same weights
    d = s.copy()
    s.run_updates(3)
    d.run_updates(3)
    for name in core.PARAMS:
        np.testing.assert_array_equal(getattr(d.net, name), getattr(s.net, name))


@pytest.mark.parametrize("value, plain, rich", [
    (1.92e154, "1.92×10¹⁵⁴", "1.92×10<sup>154</sup>"),
    (-3e-12, "−3×10⁻¹²", "−3×10<sup>−12</sup>"),
    (0.0, "0", "0"),
    (math.nan, "NaN", "NaN"),
    (math.inf, "∞", "∞"),
    (-math.inf, "−∞", "−∞"),
    (0.672, "0.672", "0.672"),
    (-1234.5678, "−1235", "−1235"),
    (99999.99, "1×10⁵", "1×10<sup>5</sup>"),
    (12345.6, "1.235×10⁴", "1.235×10<sup>4</sup>"),
])
def test_the_formatter_keeps_the_whole_number(value, plain, rich):
    assert explain.fmt(value) == plain
    assert explain.fmt(value, html=True) == rich
    back = explain.parse_number(plain)
    assert (math.isnan(back) and math.isnan(value)) or back == pytest.approx(value, rel=1e-3)
    assert explain.fmt(None) == "—"


def test_tooltip_and_inspector_write_a_copy_the_same_way(boden):
    s = boden
    for _ in range(4):
        s.next_update()
    s.step()
    s.next_phase()
    s.next_phase()
    s.next_phase()                                   # BPTT done
    from visualizer.model.frames import build_frame
    frame = build_frame(s)
    z = s.columns - 1
    tip = explain.tooltip(s, frame, "node", "s", 0, 1)
    page = explain.node_equation(s, "s", 0, 1)
    for text in (tip, page.html):
        assert f"δ<sub>1</sub>(t−{z})" in text or f"δ<sub>j</sub>(t−{z})" in text
        assert f"δ<sub>h</sub>(t−{z - 1})" in text     # the copy the error comes back from
    assert f"<b>hidden s<sub>1</sub>(t−{z})</b>" in tip
    assert "t+1" not in tip


def test_colour_tables_equal_pyqtgraphs():
    pg = pytest.importorskip("pyqtgraph")
    for name in (colors.DIVERGING_NAME, colors.SEQUENTIAL_NAME, "CET-CBD1"):
        for n in (256, 64):
            want = np.asarray(pg.colormap.get(name, skipCache=True).getLookupTable(nPts=n, alpha=True))
            np.testing.assert_array_equal(colors.lookup_table(name, n), want)


def _modules(package: str) -> list:
    pkg = __import__(package, fromlist=["_"])
    return [package] + [f"{package}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)]


def test_model_and_export_import_no_qt():
    names = _modules("visualizer.model") + _modules("visualizer.export")
    code = ("import importlib, json, sys\n"
            f"for n in {names!r}: importlib.import_module(n)\n"
            "from visualizer.model import colors; colors.diverging_lut()\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'pyqtgraph', 'shiboken6'))))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
    assert "visualizer.export.plan" in names and "visualizer.model.explain" in names


def test_the_frame_carries_the_tasks_unit_names():
    from visualizer.model.config import default_config
    from visualizer.model.frames import build_frame
    from visualizer.model.session import Session

    s = Session(default_config())
    f = build_frame(s)
    assert f.input_labels == tuple(s.task.input_labels)
    assert f.output_labels == tuple(s.task.output_labels)
    assert f.phase is None                      # nothing stepped yet: no banner
    s.step()
    assert build_frame(s).phase == "forward"


def test_the_vanishing_plot_shows_only_the_deltas_bptt_has_reached():
    from visualizer.model.config import default_config
    from visualizer.model.session import Session
    from visualizer.model.vanishing_frame import build_vanishing_frame

    s = Session(default_config())
    s.step()                                    # forward pass: no δ(t−z) yet
    f = build_vanishing_frame(s)
    assert f.result is not None and np.isnan(f.norms).all()
    assert "appears during BPTT" in f.title
    seen = []
    while s.phase != "foldback":
        s.step()
        seen.append(int(np.isfinite(build_vanishing_frame(s).norms).sum()))
    assert seen == sorted(seen) and seen[-1] == len(f.z)   # one copy more at a time, then all
    assert seen[0] == 0
