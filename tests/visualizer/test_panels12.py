"""Issue 12's panels: who taught whom, vanishing factors, predictions, generate.

The panels' numbers are the core's arrays (core.attribution, core.sampling),
the matrix fills in as BPTT plays, the mouse emits the right signals, bad
input is refused with one message, and each panel draws a real picture.
"""
import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from core import attribution as at  # noqa: E402
from core import sampling  # noqa: E402
from visualizer.model import attribution_frame as af  # noqa: E402
from visualizer.model.attribution_equation import cell_equation, fmt  # noqa: E402
from visualizer.model.session import Config, Session  # noqa: E402
from visualizer.qt.panels.factors import VanishingFactorsPanel  # noqa: E402
from visualizer.qt.panels.generate import GeneratePanel  # noqa: E402
from visualizer.qt.panels.predictions import PredictionStrip  # noqa: E402
from visualizer.qt.panels.who_taught import WhoTaughtPanel  # noqa: E402

TOL = 1e-12


@pytest.fixture
def made(qtbot):
    """Build panels that detach when the test ends."""
    panels = []

    def make(cls, session, size=(640, 820)):
        p = cls(session)
        qtbot.addWidget(p)
        p.resize(*size)
        p.show()
        qtbot.waitExposed(p)
        panels.append(p)
        return p

    yield make
    for p in panels:
        p.detach()


def xor(scheme: str, **changes) -> Session:
    return Session(Config.for_task("temporal-xor").with_changes(scheme=scheme, **changes))


def to_target_window(s: Session) -> None:
    """Move to the start of the next update whose window carries an error."""
    for _ in range(50):
        s.step()
        if s.update.pas.deltas.targets.any():
            return
        s.next_update()
    raise AssertionError("no window with a target")


def finish(s: Session, panel=None) -> None:
    while not s.applied:
        s.step()
    if panel is not None:
        panel.refresh()


def close(a, b):
    np.testing.assert_allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float),
                               rtol=TOL, atol=TOL, equal_nan=True)


# -- who taught whom -------------------------------------------------------------------

@pytest.mark.parametrize("param", ["V", "U", "theta_h"])
def test_who_taught_shows_the_cores_matrix_and_totals(made, param):
    s = Session(Config.for_task("hello").with_changes(scheme="epochwise"))
    s.next_update()
    s.step()
    panel = made(WhoTaughtPanel, s)
    panel.set_param(param)
    pas = s.update.pas
    while s.phase != "foldback":            # BPTT done, the update not applied yet
        s.step()
    panel.refresh()
    f = panel.frame
    w = at.who_taught_whom(pas, param)
    assert f.param == param and f.complete and f.A.shape == w.A.shape
    close(np.where(w.reached, w.A, np.nan), f.A)
    close(np.where(w.reached.any(axis=1), w.row_norms, np.nan), f.row_norms)
    close(np.where(w.reached.any(axis=0), w.col_norms, np.nan), f.col_norms)
    assert f.total_norm == pytest.approx(np.linalg.norm(s.update.grads[param]), rel=1e-12)
    # the column totals are the fold-back terms, the grand total the gradient
    close(w.cols, getattr(pas.foldback, param))
    # what is drawn is log₁₀ of those values, clipped to the colour bar's levels
    drawn = panel.image.image
    lo, hi = panel.bar.levels()
    assert (lo, hi) == pytest.approx(f.levels)
    close(drawn, np.where(w.reached, np.clip(np.log10(np.where(w.A > 0, w.A, 10 ** lo)), lo, hi),
                          np.nan))
    with np.errstate(divide="ignore"):
        close(panel.row_image.image[:, 0], np.clip(np.log10(f.row_norms), lo, hi))


def test_matrix_fills_in_as_bptt_plays(made):
    s = xor("boden")
    to_target_window(s)
    panel = made(WhoTaughtPanel, s)
    w = at.who_taught_whom(s.update.pas, "U")
    off = panel.frame.w0 - panel.frame.c0
    seen = []
    while not s.applied:
        panel.refresh()
        f = panel.frame
        rv = s.timeline.reveal(s.position)
        expect = w.reached & (np.arange(f.L)[None, :] >= rv.bptt_from)
        np.testing.assert_array_equal(f.revealed[:, off:], expect)
        np.testing.assert_array_equal(f.pending[:, off:], w.reached & ~expect)
        np.testing.assert_array_equal(np.isfinite(panel.image.image[:, off:]), expect)
        # a column's total appears with its column, the rows' when their error is carried back
        np.testing.assert_array_equal(np.isfinite(f.col_norms[off:]), expect.any(axis=0))
        assert f.complete == (not (w.reached & ~expect).any())
        seen.append(int(expect.sum()))
        s.step()
    assert seen[0] == 0 and seen[-1] == int(w.reached.sum())
    assert all(a <= b for a, b in zip(seen, seen[1:]))
    assert len(set(seen)) > 2                           # it grew copy by copy


def test_truncation_cells_are_the_full_depth_values(made):
    s = xor("elman")
    for _ in range(3):
        s.next_update()
    to_target_window(s)
    while s.update.w0 < 2:                              # a window with copies before it
        s.next_update()
        to_target_window(s)
    expect = at.truncation_for_update(s.trainer, s.update)   # before the update is applied
    panel = made(WhoTaughtPanel, s)
    panel.refresh()
    assert not panel.frame.cut.any()                    # nothing cut shown while BPTT runs
    while s.phase != "foldback":
        s.step()
    panel.refresh()
    f = panel.frame
    w0, L = s.update.w0, s.columns
    assert f.truncated and f.c0 == 0 and f.K == w0 + L
    rows = slice(w0, w0 + L)
    np.testing.assert_array_equal(f.cut, expect.cut[rows])
    close(f.A[f.cut], expect.A_full["U"][rows][expect.cut[rows]])
    for p in ("V", "U", "W"):
        assert f.cosine[p] == pytest.approx(expect.cosine[p], abs=TOL)
        assert f.rel_error[p] == pytest.approx(expect.rel_error[p], abs=TOL)
    assert f.cut_share["U"] == pytest.approx(expect.cut_share["U"], abs=TOL)
    assert f.cosine["U"] < 1 - 1e-6                     # Elman's scheme loses something
    share = f"{100 * expect.cut_share['U']:.3g} %"
    assert share in panel.caption.text()
    # hatched: the hatch path covers exactly the cut cells
    assert panel.hatch_item.path().boundingRect().width() == pytest.approx(
        np.nonzero(f.cut.any(axis=0))[0].size, abs=1e-9)
    panel.cut_check.setChecked(False)                   # only the window's copies
    assert panel.frame.K == L and not panel.frame.cut.any()


def test_history_over_updates_elman_against_epochwise(made):
    for scheme, below_one in (("elman", True), ("epochwise", False)):
        s = xor(scheme)
        panel = made(WhoTaughtPanel, s)
        for _ in range(12):
            s.step()
            panel.refresh()             # the tracker is lazy: it itemizes the drawn update
            finish(s)
        panel.refresh()
        f = panel.frame
        hist = af.tracker_for(s).history
        assert len(hist) == 12 and list(f.history_updates) == list(range(1, 13))
        cos = f.history_cosine["U"]
        if below_one:
            assert np.nanmin(cos) < 1 - 1e-6
        else:
            close(cos, np.ones(12))
            close(f.history_rel_error["U"], np.zeros(12))
        x, y = panel.cos_curves["U"].getData()
        close(y, cos)
        # stepping back over an applied update forgets it
        s.step_back()
        panel.refresh()
        assert list(panel.frame.history_updates) == list(range(1, 12))


def test_hovering_a_row_and_clicking_a_cell_emit_signals(made, qtbot):
    s = Session(Config.for_task("hello").with_changes(scheme="epochwise"))
    s.step()
    panel = made(WhoTaughtPanel, s)
    while s.phase != "foldback":
        s.step()
    panel.refresh()
    qtbot.wait(20)
    f = panel.frame
    tau, c = 3, 1

    def view_pos(r, k):
        scene = panel.image.mapToScene(QtCore.QPointF(k + 0.5, r + 0.5))
        return panel.glw.mapFromScene(scene)

    with qtbot.waitSignal(panel.sourceHovered, timeout=2000) as hovered:
        QTest.mouseMove(panel.glw.viewport(), view_pos(tau, c))
    assert hovered.args == [tau]
    assert "t = 4" in panel.readout.text()
    with qtbot.waitSignal(panel.cellClicked, timeout=2000) as clicked:
        qtbot.mouseClick(panel.glw.viewport(), QtCore.Qt.MouseButton.LeftButton,
                         pos=view_pos(tau, c))
    assert clicked.args == ["U", tau, c]
    cell = at.cell(s.update.pas, tau, c, "U")
    assert np.linalg.norm(cell) == pytest.approx(f.A[tau, c], rel=1e-12)
    with qtbot.waitSignal(panel.sourceHovered, timeout=2000) as left:
        QtWidgets.QApplication.sendEvent(panel.glw, QtCore.QEvent(QtCore.QEvent.Type.Leave))
    assert left.args == [-1]
    # the keyboard does the same: arrows move a cell cursor (hovering its row), Enter clicks
    panel.glw.setFocus()
    with qtbot.waitSignal(panel.sourceHovered, timeout=2000) as keyed:
        QTest.keyClick(panel.glw, QtCore.Qt.Key.Key_Up)     # starts at the last error's own copy
    assert keyed.args == [f.L - 1] and panel.cursor == (f.L - 1, f.L - 1)
    for key in (QtCore.Qt.Key.Key_Up, QtCore.Qt.Key.Key_Left, QtCore.Qt.Key.Key_Left):
        QTest.keyClick(panel.glw, key)
    assert panel.cursor == (f.L - 2, f.L - 3)
    with qtbot.waitSignal(panel.cellClicked, timeout=2000) as entered:
        QTest.keyClick(panel.glw, QtCore.Qt.Key.Key_Return)
    assert entered.args == ["U", f.L - 2, f.L - 3]
    with qtbot.waitSignal(panel.sourceHovered, timeout=2000) as escaped:
        QTest.keyClick(panel.glw, QtCore.Qt.Key.Key_Escape)
    assert escaped.args == [-1] and panel.cursor is None
    # the selector offers every error source and emits the chosen one
    with qtbot.waitSignal(panel.sourceSelected, timeout=2000) as chosen:
        panel.source_combo.setCurrentIndex(panel.source_combo.findData(2))
    assert chosen.args == [2] and panel.source == 2


# -- vanishing factors -----------------------------------------------------------------

def test_factors_are_the_cores_and_follow_bptt(made):
    s = Session(Config.for_task("hello").with_changes(scheme="epochwise", hidden="sigmoid"))
    s.next_update()
    s.step()
    panel = made(VanishingFactorsPanel, s, (460, 560))
    pas = s.update.pas
    U = s.pass_weights()["U"]
    while s.phase != "bptt":
        s.step()
    panel.refresh()
    assert np.isfinite(panel.frame.measured).sum() == 0      # one copy of δ: no step back yet
    s.step()
    panel.refresh()
    assert np.isfinite(panel.frame.measured).sum() == 1
    while s.phase != "foldback":
        s.step()
    for source in (-1, 2):
        panel.set_source(source)
        panel.refresh()
        assert panel.source == source
        f = panel.frame
        core_f = at.vanishing_factors(pas, U, "sigmoid", source=None if source < 0 else source)
        close(f.u_factor, core_f.u_factor)
        close(f.fprime_factor, core_f.fprime_factor)
        close(f.measured, core_f.measured)
        ok = np.isfinite(f.measured)
        assert ok.sum() >= 1
        close(f.u_factor[ok] * f.fprime_factor[ok], f.measured[ok])   # the product is exact
        x, y = panel.measured_curve.getData()                 # the plot's log axis: log₁₀
        close(y, np.log10(f.measured[ok]))
    sat = at.saturation(pas, "sigmoid")
    np.testing.assert_array_equal(panel.frame.saturated, sat.counts)
    np.testing.assert_array_equal(panel.sat_bars.opts["height"], sat.counts)


# -- predictions -----------------------------------------------------------------------

def test_prediction_strip_is_the_cores_and_fills_in(made):
    s = Session(Config.for_task("reber"))
    s.run_updates(50)
    s.step()
    panel = made(PredictionStrip, s, (900, 130))
    pas = s.update.pas
    names = sampling.symbol_names(s.task, "output")
    p = sampling.predictions(s.net, pas.X, pas.D, mask=pas.deltas.targets, names=names,
                             trace=pas.trace)
    l = s.sample
    revealed_before = None
    while s.phase == "forward":
        panel.refresh()
        f = panel.frame
        rv = s.timeline.reveal(s.position)
        np.testing.assert_array_equal(f.revealed, np.arange(f.L) < rv.y)
        assert all(t == "" for t, r in zip(f.predicted, f.revealed) if not r)
        revealed_before = f.revealed
        s.step()
    assert revealed_before.all()
    panel.refresh()
    f = panel.frame
    assert f.predicted == list(p.predicted_names()[:, l])
    close(f.probability, p.probability[:, l])
    np.testing.assert_array_equal(f.right, p.right[:, l])
    np.testing.assert_array_equal(f.wrong, p.scored[:, l] & ~p.right[:, l])
    c = int(np.nonzero(p.scored[:, l])[0][0])
    lines = panel.cell_lines(c)
    assert lines[2] == f"d: {p.target_names()[c, l]}"
    assert lines[3].startswith(f"{p.predicted_names()[c, l]} {100 * p.probability[c, l]:.0f}%")
    assert ("✓" in lines[3]) == bool(p.right[c, l])
    inputs = sampling.input_symbols(pas.X)[:, l]
    assert lines[1] == f"x: {names[inputs[c]]}"


def test_prediction_strip_regression_shows_values(made):
    s = Session(Config.for_task("sine"))
    s.next_update()
    panel = made(PredictionStrip, s, (900, 130))
    panel.refresh()
    f = panel.frame
    assert f.kind == "values"
    y = s.update.pas.trace.y[:, s.sample, 0]
    assert f.predicted == [f"{v:.3g}" for v in y]
    assert not f.right.any() and not f.wrong.any()
    assert "‖d − y‖" in panel.summary.text()


# -- generate --------------------------------------------------------------------------

def test_generate_matches_the_core_and_refuses_bad_input(made):
    s = Session(Config.for_task("reber"))
    s.run_updates(20)
    panel = made(GeneratePanel, s, (380, 360))
    panel.prefix_edit.setText("BT")
    panel.length_spin.setValue(30)
    panel.temperature_spin.setValue(0.8)
    panel.seed_spin.setValue(7)
    QTest.mouseClick(panel.button, QtCore.Qt.MouseButton.LeftButton)
    names = sampling.symbol_names(s.task, "output")
    expect = sampling.generate(s.net, "BT", 30, temperature=0.8, seed=7, names=names,
                               s0=s.trainer.s0[0])
    assert panel.output.toPlainText() == expect.text()
    assert len(panel.output.toPlainText()) == 32
    # bad input: one message in the panel, the last sample kept
    for bad, word in (("B#", "prefix"), ("   ", "prefix"), ("B<", "'&lt;'")):
        panel.prefix_edit.setText(bad)
        assert panel.generate() is False
        msg = panel.message.text()
        assert word in msg and "#a00000" in msg and "Traceback" not in msg
        assert panel.output.toPlainText() == expect.text()


def test_generate_says_why_a_network_cannot(made):
    s = Session(Config.for_task("sine"))
    panel = made(GeneratePanel, s, (380, 360))
    assert not panel.button.isEnabled()
    assert "cannot generate" in panel.message.text() and "linear outputs" in panel.message.text()
    assert panel.generate() is False
    assert panel.output.toPlainText() == ""


# -- pictures, detaching, no Qt in the model ---------------------------------------------

def _colours(path) -> int:
    img = QtGui.QImage(str(path))
    assert not img.isNull()
    img = img.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    ptr = img.constBits()
    a = np.frombuffer(ptr, dtype=np.uint32, count=img.width() * img.height())
    return int(np.unique(a).size)


def test_each_panel_renders_a_picture(made, tmp_path):
    s = xor("elman")
    for _ in range(30):
        s.next_update()
    to_target_window(s)
    who = made(WhoTaughtPanel, s, (640, 820))
    s2 = Session(Config.for_task("reber"))
    s2.run_updates(100)
    fac = made(VanishingFactorsPanel, s2, (460, 560))
    pred = made(PredictionStrip, s2, (900, 130))
    gen = made(GeneratePanel, s2, (380, 360))
    s2.step()
    while s2.phase != "foldback":
        s2.step()
    finish(s, who)
    gen.generate()
    for name, panel in (("who", who), ("factors", fac), ("predictions", pred),
                        ("generate", gen)):
        panel.refresh()
        QtWidgets.QApplication.processEvents()
        path = tmp_path / f"{name}.png"
        assert panel.grab().save(str(path))
        assert _colours(path) > 30, name


def test_detached_panels_stop_following(made):
    s = xor("boden")
    calls = []
    panels = [made(cls, s) for cls in (WhoTaughtPanel, VanishingFactorsPanel, PredictionStrip,
                                       GeneratePanel)]
    for p in panels:
        p.refresh = lambda p=p: calls.append(p)
        p.throttle._fn = p.refresh
        p.detach()
    s.step()
    s.reset()
    QtWidgets.QApplication.processEvents()
    assert calls == []


def test_frames_import_no_qt():
    code = ("import sys; import visualizer.model.attribution_frame, "
            "visualizer.model.factors_frame, visualizer.model.prediction_frame, "
            "visualizer.model.attribution_equation; "
            "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_frame_refuses_an_unknown_param():
    s = xor("boden")
    with pytest.raises(ValueError, match="param"):
        af.build_who_taught_frame(s, "X")


def test_a_clicked_cell_has_its_formula_with_live_numbers():
    s = Session(Config.for_task("hello").with_changes(scheme="epochwise"))
    s.step()
    pas = s.update.pas
    for param in ("V", "U", "theta_h"):
        e = cell_equation(s, param, 3, 1)
        cell = at.cell(pas, 3, 1, param)
        assert e.value == pytest.approx(np.linalg.norm(cell), rel=1e-12)
        close(e.cell, cell)
        assert f"<b>{fmt(e.value)}</b>" in e.html
        delta = at.source_deltas(pas)[3, 1, s.sample]
        assert fmt(delta[0]) in e.html
    assert "never reached" in cell_equation(s, "U", 1, 3).html
    with pytest.raises(ValueError, match="param"):
        cell_equation(s, "W", 1, 1)
    with pytest.raises(ValueError, match="tau"):
        cell_equation(s, "U", 99, 1)


# -- in the real window, and in exports ------------------------------------------------------

@pytest.fixture
def window(qtbot):
    """The real MainWindow on hello under epochwise BPTT, at 1280x720."""
    from visualizer.qt.main_window import MainWindow
    s = Session(Config.for_task("hello").with_changes(scheme="epochwise"))
    win = MainWindow(s, restore=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_the_panels_are_in_the_real_window(window):
    from visualizer.qt.main_window import PANEL_DOCKS
    kinds = {"whotaught": WhoTaughtPanel, "factors": VanishingFactorsPanel,
             "predictions": PredictionStrip, "generate": GeneratePanel}
    for key, cls in kinds.items():
        panel = window.panels[key]
        assert isinstance(panel, cls) and panel.following
        dock = window.docks[key]
        assert dock.widget() is panel and dock.objectName() == PANEL_DOCKS[key][0]
        assert dock.windowTitle() == PANEL_DOCKS[key][1]
        assert dock.toggleViewAction() in window.view_menu.actions()
    # at 1280x720 every dock gets at least its panel's minimum size (nothing is cut)
    for key in kinds:
        window.docks[key].raise_()
        QtWidgets.QApplication.processEvents()
        panel = window.panels[key]
        assert panel.width() >= panel.minimumSizeHint().width()
        assert panel.height() >= panel.minimumSizeHint().height(), key
    assert window.size() == QtCore.QSize(1280, 720)


def test_clicking_a_who_taught_cell_fills_the_inspector(window, qtbot):
    s = window.session
    s.step()
    while s.phase != "foldback":
        s.step()
    window.docks["whotaught"].raise_()
    window.flush()
    panel = window.who_taught
    panel.refresh()
    # the keyboard's cell cursor: it starts at the error entering last, on its own copy
    panel.glw.setFocus()
    QTest.keyClick(panel.glw, QtCore.Qt.Key.Key_Left)      # one copy further back
    r, k = panel.cursor
    assert panel.frame.computed[r, k]
    QTest.keyClick(panel.glw, QtCore.Qt.Key.Key_Return)
    c = panel.frame.window_column(k)
    insp = window.inspector
    assert insp.selection == ("cell", "U", r, c)
    expect = cell_equation(s, "U", r, c)
    assert insp.text == expect.html
    A = np.linalg.norm(at.cell(s.update.pas, r, c, "U"))
    assert f"<b>{fmt(A)}</b>" in insp.text
    assert fmt(at.source_deltas(s.update.pas)[r, c, s.sample][0]) in insp.text
    # live: the page follows the session (the next update has other numbers)
    s.next_update()
    s.step()
    while s.phase != "foldback":
        s.step()
    window.flush()
    assert insp.text == cell_equation(s, "U", r, c).html


def test_the_one_error_source_view_draws_that_errors_delta(window):
    from visualizer.model.frames import build_frame
    from visualizer.qt import colormaps as cm
    from visualizer.qt import theme as qt_theme
    from visualizer.qt.unfolded import view as view_module
    s = window.session
    s.step()
    while s.phase != "foldback":
        s.step()
    tau = 2
    window.who_taught.sourceSelected.emit(tau)       # the panel's selector
    window.flush()
    assert s.error_source == tau and window.factors.source == tau
    f = window.frame
    expect = at.source_deltas(s.update.pas)[tau][:, s.sample]        # (L, M)
    close(f.delta_s[1:], expect)
    assert np.isnan(f.delta_s[0]).all()
    # only the error entering at τ is an output δ
    assert np.isfinite(f.delta_y[tau]).all() and np.isnan(np.delete(f.delta_y, tau, 0)).all()
    assert "alone" in f.title
    assert not np.allclose(f.delta_s[1:], build_frame(s, source=-1).delta_s[1:])
    # the outlines of the hidden nodes are these δ through the theme's diverging LUT
    v = window.view
    n_x = v._n_x
    pens = v._nodes.data["pen"][n_x:n_x + v._n_s]
    idx = cm.signed_to_index(np.ravel(f.delta_s), v._delta_range)
    lut = qt_theme.luts(v._theme.name, cm.LUT_SIZE)[1]
    for pen, i, d in zip(pens, idx, np.ravel(f.delta_s)):
        if np.isfinite(d):
            want = lut[view_module._node_level(np.array([i]))[0]]
            got = pen.color()
            assert (got.red(), got.green(), got.blue()) == tuple(int(a) for a in want[:3])
    # hovering a row shows that error for as long as the mouse is on it
    window.who_taught.sourceHovered.emit(0)
    close(window.frame.delta_s[1:], at.source_deltas(s.update.pas)[0][:, s.sample])
    window.who_taught.sourceHovered.emit(-1)
    close(window.frame.delta_s[1:], expect)
    window.who_taught.sourceSelected.emit(-1)
    assert s.error_source is None
    close(window.frame.delta_s[1:], s.update.pas.deltas.delta_h[:, s.sample])


def test_build_frame_refuses_a_source_outside_the_window():
    from visualizer.model.frames import check_source
    s = xor("epochwise")
    s.step()
    assert check_source(s, -1) is None and check_source(s, None) is None
    assert check_source(s, 3) == 3
    with pytest.raises(ValueError, match="source must be a window column"):
        check_source(s, s.columns)


def _pngs(folder):
    import glob
    return sorted(glob.glob(os.path.join(str(folder), "frame_*.png")))


@pytest.mark.parametrize("panel", ["whotaught", "factors", "predictions"])
def test_export_with_each_new_panel_writes_frames(tmp_path, capsys, panel):
    from visualizer.cli import main
    base = ["export", "--task", "hello", "--scheme", "epochwise", "--updates", "1", "--every",
            "phase", "--size", "640x360"]
    assert main([*base, "--out", str(tmp_path / "plain")]) == 0
    assert main([*base, "--panels", panel, "--out", str(tmp_path / panel)]) == 0, \
        capsys.readouterr().err
    plain, with_panel = _pngs(tmp_path / "plain"), _pngs(tmp_path / panel)
    assert len(with_panel) == len(plain) > 2
    for a, b in zip(plain, with_panel):
        assert open(a, "rb").read() != open(b, "rb").read()
        assert QtGui.QImage(b).size() == QtCore.QSize(640, 360)
    assert _colours(with_panel[-1]) > 30


def test_export_source_changes_the_frames(tmp_path, capsys):
    from visualizer.cli import main
    base = ["export", "--task", "hello", "--scheme", "epochwise", "--updates", "1", "--every",
            "update", "--size", "640x360", "--no-cost-plot"]
    assert main([*base, "--out", str(tmp_path / "all")]) == 0
    assert main([*base, "--source", "2", "--out", str(tmp_path / "one")]) == 0, \
        capsys.readouterr().err
    assert main([*base, "--source", "-1", "--out", str(tmp_path / "minus")]) == 0
    every, one, minus = (_pngs(tmp_path / n) for n in ("all", "one", "minus"))
    assert len(every) == len(one) == 2
    assert open(every[-1], "rb").read() != open(one[-1], "rb").read()
    assert [open(f, "rb").read() for f in every] == [open(f, "rb").read() for f in minus]


@pytest.mark.parametrize("extra, words", [
    (["--panels", "whotaught,who"], "--panels must be among foldback, vanishing, whotaught, "
                                    "factors, predictions, got 'who'"),
    (["--source", "x"], "--source must be a whole number ≥ 0 (or -1 for every error), got 'x'"),
    (["--source", "-2"], "--source must be a whole number ≥ 0"),
    (["--source", "4"], "--source must be a window column 0..3 (or -1 for every error), got 4"),
])
def test_bad_panels_or_source_exit_2_with_one_line(tmp_path, capsys, extra, words):
    from visualizer.cli import main
    out = tmp_path / "never"
    rc = main(["export", "--task", "hello", "--scheme", "epochwise", "--updates", "1",
               "--out", str(out), *extra])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    assert not out.exists()


def test_the_export_dialog_offers_the_new_panels_and_the_source(window):
    from visualizer.qt.export_dialog import ExportDialog
    window.session.error_source = 1
    dialog = ExportDialog(window)
    try:
        assert dialog.source_spin.value() == 1
        assert dialog.source_spin.maximum() == window.session.columns - 1
        dialog.whotaught_box.setChecked(True)
        dialog.predictions_box.setChecked(True)
        st = dialog.export_settings()
        assert st.panels == ("whotaught", "predictions") and st.source == 1
        dialog.source_spin.setValue(-1)
        assert dialog.export_settings().source is None
    finally:
        dialog.deleteLater()


def test_an_update_without_per_error_detail_is_not_drawn_and_raises_nothing(made):
    """Fast play may show an update prepared without δ split by source."""
    from visualizer.model.frames import build_frame
    s = xor("epochwise")
    s.step()
    panel = made(WhoTaughtPanel, s)
    before = panel.frame
    s.error_source = 2
    s.update.pas.deltas.by_source = None
    panel.refresh()
    assert panel.frame is before and "without its per-error detail" in panel.caption.text()
    f = build_frame(s)                     # the view falls back to every error
    assert "alone" not in f.title
