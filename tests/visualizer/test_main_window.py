"""The real main window, offscreen: actions step the engine and change what is drawn."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402
import weakref  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

from visualizer.qt import colormaps as cm  # noqa: E402
from visualizer.qt.controls import SPEEDS  # noqa: E402
from visualizer.qt.main_window import MainWindow  # noqa: E402
from visualizer.model.session import Config, Session  # noqa: E402

W, H = 1000, 520
FAST = len(SPEEDS) - 1


def pixels(img: QtGui.QImage) -> np.ndarray:
    img = img.convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    return arr.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, :img.width(), :3].astype(int).copy()


def render(win) -> np.ndarray:
    win.flush()
    return pixels(win.view.render_to_image(W, H))


def at(win, arr, xy, r=1):
    px, py = win.view.view_to_image(*xy, W, H)
    xi, yi = int(round(px)), int(round(py))
    return arr[yi - r:yi + r + 1, xi - r:xi + r + 1].reshape(-1, 3)


def lut_distance(rgb_rows, lut) -> int:
    """Smallest distance from any of the pixels to any colour of the table."""
    d = np.abs(rgb_rows[:, None, :] - lut[None, :, :3].astype(int)).max(axis=2)
    return int(d.min())


def act(win, name) -> QtGui.QAction:
    a = win.findChild(QtGui.QAction, name)
    assert a is not None, name
    return a


@pytest.fixture
def win(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 850)
    return w


def test_actions_exist_with_shortcuts_tooltips_and_object_names(win):
    keys = {"actionStep": "Right", "actionStepBack": "Left", "actionNextPhase": "Shift+Right",
            "actionNextUpdate": "Ctrl+Right", "actionPlay": "Space", "actionReset": "Ctrl+R",
            "actionExport": "Ctrl+E"}
    for name, key in keys.items():
        a = act(win, name)
        assert a.shortcut() == QtGui.QKeySequence(key)
        assert a.toolTip() and key.split("+")[-1].lower() in a.toolTip().lower()
        assert a in win.toolbar.actions()
    assert act(win, "actionPlay").isCheckable()
    for name in ("parametersDock", "costDock", "controlsToolBar"):
        assert win.findChild(QtCore.QObject, name) is not None


def test_next_phase_through_forward_fills_the_hidden_nodes(win):
    s = win.session
    before = render(win)
    T = s.columns
    # the forward phase adds the activation colour bar, which moves the network: each picture
    # is read where its own layout put the node
    hollow = [at(win, before, win.view.node_position("s", c, j))
              for c in range(T) for j in range(s.net.M)]
    assert np.isnan(win.frame.s[1:]).all() and np.isnan(win.frame.y).all()
    act(win, "actionNextPhase").trigger()
    assert s.phase == "forward" and s.position == 2 * s.update.t_end - 2 * s.update.w0
    after = render(win)
    f = win.frame
    assert np.isfinite(f.s).all() and np.isfinite(f.y).all()
    assert f.edge_mode == "signal"
    unrevealed = np.array([236, 236, 236])
    background = np.array([255, 255, 255])
    filled = 0
    for b, (c, j) in zip(hollow, [(c, j) for c in range(T) for j in range(s.net.M)]):
        assert (np.abs(b - unrevealed).max(axis=1) <= 3).any()      # hollow before
        a = at(win, after, win.view.node_position("s", c, j))
        # filled after: neither the hollow grey nor the background at the node's centre
        filled += bool(((np.abs(a - unrevealed).max(axis=1) > 3)
                        & (np.abs(a - background).max(axis=1) > 3)).all())
    assert filled >= T * s.net.M * 0.9


def test_bptt_colours_outlines_and_edges_on_the_diverging_map(win):
    s = win.session
    act(win, "actionNextPhase").trigger()     # forward
    act(win, "actionNextPhase").trigger()     # output error
    mid = render(win)
    assert s.phase == "output"
    act(win, "actionNextPhase").trigger()     # BPTT
    assert s.phase == "bptt"
    after = render(win)
    f = win.frame
    assert f.edge_mode == "error"
    assert np.isfinite(f.delta_s[1:]).all()
    assert np.isfinite(f.edge_U).any()
    # the strongest U edge is drawn in a colour of the diverging map, where nothing was before
    c, j, h = np.unravel_index(np.nanargmax(np.abs(f.edge_U)), f.edge_U.shape)
    xy = win.view.edge_midpoint("U", int(c), int(j), int(h))
    lut = cm.diverging_lut()
    assert lut_distance(at(win, after, xy), lut) <= 12
    assert not np.array_equal(at(win, after, xy), at(win, mid, xy))
    # outlines: the picture changed around the hidden nodes
    diff = np.abs(after - mid).max(axis=2) > 30
    assert diff.sum() > 200


def test_left_undoes_right(win, qtbot):
    s = win.session
    act(win, "actionNextPhase").trigger()
    act(win, "actionStep").trigger()
    before_frame, before_img, pos = win.frame, render(win), s.position
    act(win, "actionStep").trigger()
    assert s.position == pos + 1
    assert not np.array_equal(render(win), before_img)
    act(win, "actionStepBack").trigger()
    assert s.position == pos
    for name in ("x", "s", "y", "edge_V", "edge_U", "edge_W", "delta_s", "delta_y"):
        np.testing.assert_array_equal(getattr(win.frame, name), getattr(before_frame, name))
    assert np.array_equal(render(win), before_img)
    # across the update: the weights come back too
    w0 = {k: v.copy() for k, v in s.net.params().items()}
    act(win, "actionNextUpdate").trigger()
    assert s.trainer.updates == 1 and not np.array_equal(s.net.W, w0["W"])
    act(win, "actionStepBack").trigger()
    assert s.trainer.updates == 0
    for k, v in w0.items():
        np.testing.assert_array_equal(getattr(s.net, k), v)


def test_play_grows_the_cost_curve_and_pause_stops_it(win, qtbot):
    win.speed.set_level(FAST)
    n0 = win.cost_plot.point_counts()[0]
    act(win, "actionPlay").setChecked(True)
    assert win.play.playing
    qtbot.waitUntil(lambda: win.cost_plot.point_counts()[0] > n0 + 20, timeout=5000)
    act(win, "actionPlay").setChecked(False)
    assert not win.play.playing
    win.flush()
    n1, u1 = win.cost_plot.point_counts()[0], win.session.trainer.updates
    qtbot.wait(150)
    win.flush()
    assert win.cost_plot.point_counts()[0] == n1 and win.session.trainer.updates == u1
    assert n1 == len(win.session.curve_updates)


def test_play_at_a_step_rate_reveals_micro_steps(win, qtbot):
    win.speed.set_level(4)          # 30 steps/s
    act(win, "actionPlay").trigger()
    qtbot.waitUntil(lambda: win.session.position >= 3, timeout=3000)
    act(win, "actionPlay").trigger()
    assert not win.play.playing and win.session.trainer.updates == 0


def test_eta_changes_live_without_touching_the_network(win):
    s = win.session
    net, trainer = s.net, s.trainer
    act(win, "actionNextPhase").trigger()
    pos = s.position
    w = {k: v.copy() for k, v in net.params().items()}
    win.parameters.param("eta").setValue(0.37)
    assert s.trainer is trainer and s.net is net
    assert trainer.eta == pytest.approx(0.37) and s.config.eta == pytest.approx(0.37)
    for k, v in w.items():
        np.testing.assert_array_equal(getattr(net, k), v)
    assert s.position == pos
    win.parameters.param("clip_on").setValue(True)
    assert trainer.clip is not None and s.net is net


def test_hidden_size_rebuilds_the_network_and_the_view(win):
    s = win.session
    old = s.net
    M = old.M
    win.parameters.param("M").setValue(M - 3)
    win.flush()
    assert s.net is not old and s.net.M == M - 3
    assert win.frame.shape[1] == M - 3
    assert win.view.node_position("s", 0, M - 4) is not None
    with pytest.raises(IndexError):
        win.view.node_position("s", 0, M - 3)


def test_impossible_choices_are_greyed_and_refused_with_a_message(win):
    s = win.session
    assert s.config.cost == "ce"
    assert "linear" in win.parameters.invalid_choices("output")
    win.parameters.param("output").setValue("linear")
    assert s.config.output != "linear"
    assert win.parameters.param("output").value() == s.config.output
    assert "cross-entropy" in win.statusBar().currentMessage()
    # a task with one output cannot take softmax
    win.parameters.param("task").setValue("temporal-xor")
    assert s.task.name == "temporal-xor" and s.task.O == 1
    assert "softmax" in win.parameters.invalid_choices("output")
    win.parameters.param("output").setValue("softmax")
    assert s.net.output != "softmax" and "softmax" in win.statusBar().currentMessage()


def test_a_task_parameter_and_the_scheme_rebuild(win):
    s = win.session
    win.parameters.param("task").setValue("echo")
    assert s.task.name == "echo"
    win.parameters.param("k").setValue(3)
    assert s.task.params["k"] == 3
    win.parameters.param("scheme").setValue("boden")
    assert s.trainer.scheme.h_prime == 1 and win.parameters.param("h").opts["enabled"]
    win.parameters.param("h").setValue(5)
    assert s.trainer.scheme.h == 5 and s.columns == 1     # the window grows to h copies
    for _ in range(6):
        act(win, "actionNextUpdate").trigger()
    assert s.columns == 5
    win.flush()
    assert win.frame.shape[3] == 5


def test_sample_and_edge_pin(win):
    win.parameters.param("task").setValue("echo")
    s = win.session
    act(win, "actionNextPhase").trigger()
    x0 = win.frame.x.copy()
    win.parameters.param("sample").setValue(3)
    assert s.sample == 2
    assert not np.array_equal(win.frame.x, x0)
    win.edge_combo.setCurrentIndex(4)       # weight w
    assert s.edge_pin == "weight" and win.frame.edge_mode == "weight"
    np.testing.assert_array_equal(win.frame.edge_W[-1], s.net.W)


def test_diverged_pauses_and_shows_the_message(win, qtbot):
    win.speed.set_level(FAST)
    act(win, "actionPlay").setChecked(True)
    qtbot.wait(30)
    win.session.events.emit("diverged", "update 7: the cost is not finite")
    assert not win.play.playing and not act(win, "actionPlay").isChecked()
    assert "not finite" in win.statusBar().currentMessage()


def test_a_real_divergence_stops_play(qtbot):
    s = Session(Config.for_task("adding", hidden="linear", eta=50.0))
    w = MainWindow(s)
    qtbot.addWidget(w)
    w.speed.set_level(FAST)
    act(w, "actionPlay").setChecked(True)
    qtbot.waitUntil(lambda: not w.play.playing, timeout=5000)
    assert "not finite" in w.statusBar().currentMessage()


def test_closing_while_playing_is_clean(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.speed.set_level(FAST)
    act(w, "actionPlay").setChecked(True)
    qtbot.wait(100)
    assert w.play.playing
    w.close()
    u = w.session.trainer.updates
    qtbot.wait(100)
    assert not w.play.playing and w.session.trainer.updates == u


def test_shortcuts_work_with_the_view_focused(win, qtbot):
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.setFocus()
    s = win.session
    qtbot.keyClick(win.view, QtCore.Qt.Key.Key_Right)
    assert s.position == 1
    qtbot.keyClick(win.view, QtCore.Qt.Key.Key_Right)
    qtbot.keyClick(win.view, QtCore.Qt.Key.Key_Left)
    assert s.position == 1
    qtbot.keyClick(win.view, QtCore.Qt.Key.Key_Right, QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert s.phase == "forward" and s.position > 2
    qtbot.keyClick(win.view, QtCore.Qt.Key.Key_Right, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert s.trainer.updates == 1 and s.applied
    qtbot.keyClick(win.view, QtCore.Qt.Key.Key_Space)
    assert win.play.playing
    qtbot.keyClick(win.view, QtCore.Qt.Key.Key_Space)
    assert not win.play.playing
    qtbot.keyClick(win.view, QtCore.Qt.Key.Key_R, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert s.trainer.updates == 0 and s.position == 0


def test_status_bar_and_tooltips_follow_the_step(win):
    s = win.session
    act(win, "actionNextPhase").trigger()
    text = win.status_label.text()
    assert "update 1" in text and "forward" in text and "t = " in text
    tip = win._tooltip("node", "s", s.columns - 1, 0)
    assert "net" in tip and "s<sub>j</sub>" in tip
    act(win, "actionNextPhase").trigger()
    act(win, "actionNextPhase").trigger()
    tip = win._tooltip("node", "s", 0, 0)
    assert "δ" in tip and "f′" in tip
    # where δ_j(t−z) comes from, in the inspector's notation: copy t−z, the next copy t−z+1
    z = s.columns - 1
    assert f"from y(t−{z})" in tip and f"from s(t−{z - 1})" in tip and f"s<sub>0</sub>(t−{z})" in tip
    tip = win._tooltip("edge", "U", 1, 0, 1)
    assert "U[0, 1]" in tip and "error δ·w" in tip


def test_layout_is_restored_at_the_next_start(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.cost_dock.hide()
    w.speed.set_level(2)
    w.close()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    w2.show()
    assert not w2.cost_dock.isVisible()
    assert w2.speed.level() == 2


def test_export_and_help(win, qtbot):
    seen = []                           # the dialog opens modally; close it from the event loop

    def close_dialog():
        for d in QtWidgets.QApplication.topLevelWidgets():
            if isinstance(d, QtWidgets.QDialog) and d.isVisible():
                seen.append(d.windowTitle())
                d.reject()
    QtCore.QTimer.singleShot(50, close_dialog)
    act(win, "actionExport").trigger()
    assert seen
    win.show_how_to_read()
    box = win.findChild(QtWidgets.QMessageBox, "howToReadBox")
    assert box is not None and "unfolded" in box.text()
    box.close()


def test_shortcuts_reach_the_window_from_inside_the_graphics_view(win, qtbot):
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    inner = win.view.findChild(QtWidgets.QGraphicsView)
    inner.setFocus()
    qtbot.keyClick(inner, QtCore.Qt.Key.Key_Right)
    qtbot.keyClick(inner.viewport(), QtCore.Qt.Key.Key_Right)
    assert win.session.position == 2
    qtbot.keyClick(inner, QtCore.Qt.Key.Key_Left)
    assert win.session.position == 1


def test_the_window_users_see_has_every_dock_and_panel(win):
    names = {d.objectName() for d in win.findChildren(QtWidgets.QDockWidget)}
    assert names == {"parametersDock", "costDock", "foldbackDock", "inspectorDock",
                     "vanishingDock", "gradcheckDock", "whoTaughtDock", "factorsDock",
                     "predictionsDock", "generateDock"}
    for key, panel in win.panels.items():
        assert win.docks[key].widget() is panel
    view_menu = {a.text() for a in win.view_menu.actions()}
    assert {d.toggleViewAction().text() for d in win.docks.values()} <= view_menu
    # clicking a node in the view shows its formula in the inspector
    win.view.nodeClicked.emit("s", win.session.columns - 1, 0)
    assert "net" in win.inspector.text


def test_closing_leaves_nothing_subscribed(qtbot):
    s = Session(Config.for_task("echo"))
    before = s.events.count()
    w = MainWindow(s, restore=False)
    qtbot.addWidget(w)
    assert s.events.count() > before
    assert all(p.following for p in w.panels.values())
    w.close()
    assert s.events.count() == before
    assert not any(p.following for p in w.panels.values())
    s.run_updates(2)                    # the closed window draws nothing and raises nothing
    s.step()


def test_a_closed_panel_stops_following(qtbot):
    from visualizer.qt.panels.foldback import FoldbackPanel
    s = Session(Config.for_task("echo"))
    panel = FoldbackPanel(s)
    qtbot.addWidget(panel)
    assert s.events.count("frame") == 1 and s.events.count("structure") == 1
    panel.detach()
    assert s.events.count() == 0
    panel = FoldbackPanel(s)
    panel.deleteLater()                 # Qt deletes it without detach: the model lets go too
    qtbot.waitUntil(lambda: s.events.count() == 0, timeout=2000)
    s.step()


def test_a_dead_view_is_not_kept_alive_by_the_model():
    class View:
        def __init__(self):
            self.seen = 0

        def on_frame(self):
            self.seen += 1
    s = Session(Config.for_task("echo"))
    view = View()
    sub = s.events.connect("frame", view.on_frame)
    s.step()
    assert view.seen == 1 and sub.connected
    ref = weakref.ref(view)
    del view
    gc.collect()
    assert ref() is None
    s.step()                            # the dead subscription ends; no error
    assert s.events.count("frame") == 0 and not sub.connected


def test_tab_bars_show_whole_titles_and_only_the_bars_in_use(qtbot):
    """Nine docks tabbed in two places: each title whole (scroll buttons, not "P…"), and no bar
    Qt left behind on screen (one was left over the cost plot's title)."""
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)
    bars = [b for b in w.findChildren(QtWidgets.QTabBar,
                                      options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
            if b.isVisible() and b.count()]
    titles = sorted(tuple(sorted(b.tabText(i) for i in range(b.count()))) for b in bars)
    assert titles == sorted([
        tuple(sorted(w.docks[k].windowTitle() for k in ("foldback", "predictions"))),
        tuple(sorted(w.docks[k].windowTitle() for k in ("parameters", "inspector", "vanishing",
                                                         "factors", "gradcheck", "whotaught",
                                                         "generate")))])
    for b in bars:
        assert b.elideMode() == QtCore.Qt.TextElideMode.ElideNone and b.usesScrollButtons()
    # the fold-back and Parameters in front, as at every first start
    assert not w.docks["foldback"].visibleRegion().isEmpty()
    assert not w.docks["parameters"].visibleRegion().isEmpty()
    assert w.docks["predictions"].visibleRegion().isEmpty()


def test_the_parameter_trees_root_item_is_forgotten_with_the_tree(qtbot):
    """pyqtgraph keeps a wrapper of the tree's root item, which Qt deletes with the tree unseen
    by the binding; kept alive, the binding handed it out for a later object at the same address
    (a QSpinBox's line edit came back as a QTreeWidgetItem)."""
    import shiboken6
    w = MainWindow(restore=False)
    tree = w.parameters.tree
    handle = tree._invRootItem
    assert isinstance(handle._real_item, QtWidgets.QTreeWidgetItem)
    shiboken6.delete(w)                       # Qt destroys the window, its docks and the tree
    assert handle._real_item is None
