"""The insight panels follow the stepping and show the core's numbers."""
import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

import core  # noqa: E402
from core import diagnostics as dg  # noqa: E402
from core import gradcheck as gc  # noqa: E402
from visualizer import cli
from visualizer.model import explain as equations
from visualizer.qt.main_window import PANEL_DOCKS, MainWindow  # noqa: E402
from visualizer.model.session import Config, Session  # noqa: E402


def make(qtbot, config):
    """The real main window (its panels are ``win.foldback``, ``win.inspector``, …)."""
    s = Session(config)
    win = MainWindow(s, restore=False)
    qtbot.addWidget(win)
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    return s, win, win


@pytest.fixture
def boden(qtbot):
    """temporal XOR under BPTT(4; 1), tanh: error at the last copy, flowing back 4 copies."""
    cfg = Config.for_task("temporal-xor").with_changes(scheme="boden", h=4, M=3, hidden="tanh")
    return make(qtbot, cfg)


@pytest.fixture
def epochwise(qtbot):
    """hello, epochwise: errors at every copy, softmax + CE."""
    cfg = Config.for_task("hello").with_changes(M=4, hidden="tanh")
    return make(qtbot, cfg)


def skip_to_window_with_target(s):
    while not s.update.pas.deltas.targets.any():
        s.next_update()
        s.step()
        s.step_back()


def image(item):
    return np.asarray(item.image, dtype=float)


def result_number(html):
    m = re.search(r"<b>([^<]*(?:<sup>[^<]*</sup>)?)</b>", html)
    assert m, html
    return equations.parse_number(m.group(1))


def test_install_adds_named_docks(boden):
    s, win, ins = boden
    names = {d.objectName() for d in win.findChildren(QtWidgets.QDockWidget)}
    assert {name for name, _ in PANEL_DOCKS.values()} <= names
    assert set(ins.panels) == {"foldback", "inspector", "vanishing", "gradcheck", "whotaught",
                               "factors", "predictions", "generate"}
    for key, panel in ins.panels.items():
        assert ins.docks[key].widget() is panel


def check_foldback(s, ins):
    ins.flush()
    fb = s.update.pas.foldback
    rv = s.timeline.reveal(s.position)
    Lw = s.update.t_end - s.update.w0
    off = s.columns - Lw
    p = ins.foldback
    for m in ("V", "U", "W"):
        arr = getattr(fb, m)
        expected = arr[rv.folded_from:].sum(axis=0) if rv.folded_from < Lw else 0 * arr[0]
        np.testing.assert_allclose(image(p.sum_images[m]), expected, rtol=0, atol=1e-15)
        for c in range(s.columns):
            cw = c - off
            shown = 0 <= cw < Lw and (rv.output[cw] if m == "W" else cw >= rv.bptt_from)
            img = image(p.copy_images[m][c])
            if shown:
                np.testing.assert_array_equal(img, arr[cw])
            else:
                assert np.isnan(img).all()
        before = getattr(s.net, m) - (s.update.change[m] if s.applied else 0)
        np.testing.assert_allclose(image(p.before_images[m]), before, atol=1e-15)
        if rv.updated:
            np.testing.assert_allclose(image(p.after_images[m]), getattr(s.net, m), atol=1e-15)
        else:
            assert np.isnan(image(p.after_images[m])).all()


@pytest.mark.parametrize("which", ["boden", "epochwise"])
def test_foldback_panel_follows_every_micro_step(which, request):
    s, win, ins = request.getfixturevalue(which)
    skip_to_window_with_target(s)
    n = len(s.timeline)
    for _ in range(n):
        check_foldback(s, ins)
        s.step()
    check_foldback(s, ins)
    assert s.applied
    # the shared scale covers every term and sum of the update
    fb = s.update.pas.foldback
    top = max(np.abs(getattr(fb, m)).max() for m in ("V", "U", "W"))
    assert ins.foldback.term_range >= top
    assert ins.foldback.term_bar.levels() == pytest.approx((-ins.foldback.term_range,
                                                           ins.foldback.term_range))


def test_inspector_delta_equals_the_core(boden):
    s, win, ins = boden
    skip_to_window_with_target(s)
    T = s.columns
    Lw = s.update.t_end - s.update.w0
    off = T - Lw
    l = s.sample
    seen = 0
    while s.phase != "update" and not s.applied:
        rv = s.timeline.reveal(s.position)
        for cw in range(rv.bptt_from, Lw):
            for j in range(s.net.M):
                win.view.nodeClicked.emit("s", off + cw, j)
                ins.flush()
                want = s.update.pas.deltas.delta_h[cw, l, j]
                got = result_number(ins.inspector.text)
                assert got == pytest.approx(want, rel=5e-5, abs=1e-12)
                assert ins.inspector.equation.value == want
                seen += 1
        s.step()
    assert seen > 0
    text = ins.inspector.text
    # f′ both ways, and that they agree
    assert "1 / cosh²" in text and "1 − s²" in text and "the same number" in text


def test_inspector_forward_and_output(epochwise):
    s, win, ins = epochwise
    T = s.columns
    l = s.sample
    s.step()                                   # s(1) revealed
    win.view.nodeClicked.emit("s", 0, 1)
    assert "net<sub>1</sub>(t−3) = Σ<sub>i</sub>" in ins.inspector.text
    assert result_number(ins.inspector.text) == pytest.approx(s.update.pas.trace.s[1, l, 1], rel=5e-5)
    s.next_phase()
    s.next_phase()                             # output errors shown
    win.view.nodeClicked.emit("y", T - 1, 2)
    want = s.update.pas.deltas.delta_o[T - 1, l, 2]
    assert result_number(ins.inspector.text) == pytest.approx(want, rel=5e-5, abs=1e-12)
    assert "matched pair" in ins.inspector.text


def test_output_delta_for_sse_softmax_uses_the_full_jacobian(qtbot):
    cfg = Config.for_task("hello").with_changes(M=3, cost="sse")
    s, win, ins = make(qtbot, cfg)
    s.next_phase()
    s.next_phase()
    for k in range(s.net.O):
        win.view.nodeClicked.emit("y", 1, k)
        assert result_number(ins.inspector.text) == pytest.approx(
            s.update.pas.deltas.delta_o[1, 0, k], rel=5e-5, abs=1e-12)
    assert "full Jacobian" in ins.inspector.text


def test_weight_page_lists_the_foldback_terms(qtbot):
    cfg = Config.for_task("hello").with_changes(M=6)
    s, win, ins = make(qtbot, cfg)
    s.next_phase()
    s.next_phase()
    s.next_phase()                              # BPTT done
    win.view.edgeClicked.emit("U", 2, 1, 4)
    fb = s.update.pas.foldback
    want = s.update.eta * fb.U[:, 1, 4].sum()
    assert result_number(ins.inspector.text) == pytest.approx(want, rel=5e-5, abs=1e-12)
    assert "η Σ<sub>z</sub> Σ<sub>l</sub>" in ins.inspector.text
    # a cell of the fold-back panel shows the same weight
    ins.foldback.weightClicked.emit("U", 1, 4)
    assert ins.inspector.selection == ("weight", "U", 1, 4)
    # long sums: the largest terms and how many more
    win.view.nodeClicked.emit("s", 3, 0)
    assert re.search(r"\+ \d+ more terms", ins.inspector.text)


def test_expand_sum_counts_the_rest():
    terms = [(f"t{i}", float(i)) for i in range(10)]
    text = equations.expand_sum(terms, max_terms=3)
    assert "t9" in text and "t8" in text and "t7" in text and "t0" not in text
    assert "+ 7 more terms" in text


def test_vanishing_plot_is_the_core_norms(boden):
    s, win, ins = boden
    skip_to_window_with_target(s)
    ins.flush()
    v = ins.vanishing
    # before BPTT has begun the plot shows no δ (issue 10, item 13)
    assert v.curve.yData is None or len(v.curve.yData) == 0
    while s.phase != "foldback":
        s.step()
    ins.flush()
    want = dg.delta_norms(s.update.pas)
    np.testing.assert_allclose(v.result.norms, want)
    np.testing.assert_allclose(v.curve.yData, want)
    assert v.result.rho == pytest.approx(dg.spectral_radius(s.net.U))
    assert v.result.sigma == pytest.approx(dg.sigma_max(s.net.U))
    assert "ρ(U)" in v.info.text and "σ<sub>max</sub>(U)" in v.info.text and "γ" in v.info.text


def test_vanishing_history_follows_updates_and_undo(boden):
    s, win, ins = boden
    v = ins.vanishing
    for _ in range(5):
        s.next_update()
    ins.flush()
    assert [u for u, _ in v.history] == [1, 2, 3, 4, 5]
    a = v.history_array()
    assert a.shape[1] == 5
    np.testing.assert_allclose(np.nan_to_num(a[:, -1], nan=-99),
                               np.nan_to_num(np.pad(np.log10(dg.delta_norms(s.update.pas)),
                                                    (0, a.shape[0] - dg.delta_norms(s.update.pas).size),
                                                    constant_values=np.nan), nan=-99))
    np.testing.assert_array_equal(image(v.history_image), a)
    s.step_back()                               # undo the last update
    ins.flush()
    assert [u for u, _ in v.history] == [1, 2, 3, 4]
    s.run_updates(3)
    ins.flush()
    assert [u for u, _ in v.history][-1] == 7


@pytest.mark.parametrize("rho", [0.5, 3.0])
def test_spectral_radius_control(boden, qtbot, rho):
    s, win, ins = boden
    s.next_phase()
    v = ins.vanishing
    v.rho_spin.setValue(rho)
    qtbot.mouseClick(v.rescale_button, QtCore.Qt.MouseButton.LeftButton)
    assert abs(dg.spectral_radius(s.net.U) - rho) < 1e-9
    # the current update was recomputed with the new U, and the plot follows
    ins.flush()
    assert v.result.rho == pytest.approx(rho, abs=1e-9)
    np.testing.assert_allclose(v.result.norms, dg.delta_norms(s.update.pas))
    # after an applied update too
    s.next_update()
    v.set_radius(0.75)
    assert abs(dg.spectral_radius(s.net.U) - 0.75) < 1e-9
    assert not s.applied


def test_gradcheck_panel_passes_and_fails(boden, qtbot, monkeypatch):
    s, win, ins = boden
    skip_to_window_with_target(s)
    g = ins.gradcheck
    qtbot.mouseClick(g.button, QtCore.Qt.MouseButton.LeftButton)
    assert g.result.ok
    assert [g.table.item(r, 2).text() for r in range(5)] == ["pass"] * 5
    assert equations.parse_number(g.table.item(1, 1).text()) <= 1e-6
    real = gc.engine_gradients

    def wrong(*args):
        out = dict(real(*args))
        out["W"] = out["W"] * 1.01
        return out

    monkeypatch.setattr(gc, "engine_gradients", wrong)
    g.run()
    assert not g.result.ok
    assert g.table.item(2, 2).text() == "FAIL"
    assert g.table.item(0, 2).text() == "pass"


def test_double_click_edits_the_weight_the_engine_uses_next(boden, monkeypatch):
    s, win, ins = boden
    s.next_update()
    s.step()
    s.step()
    asked = {}

    def fake(parent, title, label, value, lo, hi, decimals):
        asked.update(value=value, lo=lo, hi=hi)
        return 0.4321, True

    monkeypatch.setattr(QtWidgets.QInputDialog, "getDouble", staticmethod(fake))
    win.view.edgeDoubleClicked.emit("U", s.columns - 1, 2, 0)
    assert asked["value"] != 0.4321 and asked["lo"] < 0 < asked["hi"]
    assert s.net.U[2, 0] == 0.4321
    assert ins.inspector.selection == ("edge", "U", s.columns - 1, 2, 0)
    copy = s.net.copy()
    s.next_update()                               # apply the update computed with the new weight
    pas = s.update.pas
    trace = core.forward(copy, pas.X, pas.trace.s[0])
    np.testing.assert_array_equal(trace.s, pas.trace.s)
    np.testing.assert_array_equal(trace.y, pas.trace.y)
    # the fold-back panel and the inspector follow
    ins.flush()
    np.testing.assert_allclose(image(ins.foldback.before_images["U"])[2, 0], 0.4321)


def test_cancelled_dialog_changes_nothing(boden, monkeypatch):
    s, win, ins = boden
    before = s.net.U.copy()
    monkeypatch.setattr(QtWidgets.QInputDialog, "getDouble",
                        staticmethod(lambda *a: (9.0, False)))
    assert ins.edit_weight("U", 0, 0, 0) is False
    np.testing.assert_array_equal(s.net.U, before)


def test_panels_survive_a_rebuild(boden):
    s, win, ins = boden
    win.view.nodeClicked.emit("s", 1, 0)
    s.configure(M=5)
    ins.flush()
    assert ins.inspector.selection is None
    assert image(ins.foldback.before_images["U"]).shape == (5, 5)
    assert ins.vanishing.history == []
    s.next_update()
    check_foldback(s, ins)


# -- the command line ----------------------------------------------------------------

def test_cli_gradcheck_passes(capsys):
    assert cli.main(["gradcheck", "--task", "hello", "--hidden", "3"]) == 0
    out = capsys.readouterr().out
    for name in ("V", "U", "W", "θ_h", "θ_o"):
        assert re.search(rf"^\s+{name}\s+\S+\s+ok$", out, re.M), out
    assert cli.main(["gradcheck", "--task", "parity", "--hidden", "3", "--whole"]) == 0


def test_cli_gradcheck_fails_on_corruption(capsys, monkeypatch):
    real = gc.engine_gradients
    monkeypatch.setattr(gc, "engine_gradients",
                        lambda *a: {**real(*a), "theta_h": real(*a)["theta_h"] + 1e-3})
    assert cli.main(["gradcheck", "--task", "hello", "--hidden", "3"]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out


def test_cli_gradcheck_bad_input(capsys):
    assert cli.main(["gradcheck", "--task", "no-such-task"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "unknown task" in err


def test_foldback_panel_follows_the_window_as_it_grows(boden):
    """Under BPTT(4; 1) the window has 1, 2, 3, then 4 copies: the panel re-lays itself."""
    s, win, ins = boden
    seen = []
    for _ in range(5):
        s.next_update()
        ins.flush()
        seen.append(len(ins.foldback.copy_images["U"]))
        assert seen[-1] == s.columns
        fb = s.update.pas.foldback
        np.testing.assert_allclose(ins.foldback.sum_images["U"].image, fb.U.sum(axis=0))
        bptt_from = s.timeline.reveal(s.position).bptt_from
        for c in range(s.columns):          # every copy shows its own term, in its own place
            img = ins.foldback.copy_images["U"][c].image
            if c >= bptt_from:
                np.testing.assert_allclose(img, fb.U[c])
            else:                           # no error reached this copy: nothing drawn
                assert np.isnan(img).all()
    assert seen[:4] == [1, 2, 3, 4]
