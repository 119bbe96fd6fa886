"""Safety and honest numbers: unsaved work is asked about, the title names the workspace,
every shown cost has one definition and follows weight changes, the export says what it writes."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6 import QtCore, QtGui, QtTest, QtWidgets  # noqa: E402

from visualizer.model import explain  # noqa: E402
from visualizer.model.session import Session  # noqa: E402
from visualizer.qt.export_dialog import ExportDialog  # noqa: E402
from visualizer.qt.file_actions import FileActions  # noqa: E402
from visualizer.qt.main_window import MainWindow  # noqa: E402
from visualizer.qt.version import version  # noqa: E402


def act(win, name) -> QtGui.QAction:
    a = win.findChild(QtGui.QAction, name)
    assert a is not None, name
    return a


# -- title, modified marker, asking before discarding -------------------------------------------

def test_title_names_the_workspace_with_the_modified_marker(win, tmp_path):
    assert win.windowTitle().startswith("untitled[*]")
    assert not win.isWindowModified()
    act(win, "actionNextUpdate").trigger()
    assert win.isWindowModified()
    assert win.file_actions.save_to(str(tmp_path / "run.rnnu"))
    assert win.windowTitle().startswith("run.rnnu[*]") and not win.isWindowModified()
    win.session.set_weight("U", (0, 0), 0.1)
    assert win.isWindowModified()


@pytest.mark.parametrize("answer, closes", [("cancel", False), ("discard", True), ("save", True)])
def test_closing_with_unsaved_work_asks(qtbot, monkeypatch, tmp_path, answer, closes):
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    w.show()
    asked = []
    monkeypatch.setattr(FileActions, "ask_discard", lambda self: asked.append(1) or answer)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "kept"), ""))
    act(w, "actionNextUpdate").trigger()
    assert w.close() is closes
    assert asked == [1]
    assert w.isVisible() is not closes
    if answer == "save":
        assert (tmp_path / "kept.rnnu").is_file()


#: the real question, kept before the test-wide fixture answers it with "discard"
ASK_DISCARD = FileActions.ask_discard


@pytest.mark.parametrize("key, answer", [(QtCore.Qt.Key.Key_S, "save"),
                                         (QtCore.Qt.Key.Key_D, "discard"),
                                         (QtCore.Qt.Key.Key_Escape, "cancel")])
def test_the_question_answers_from_the_keyboard(win, qtbot, key, answer):
    seen = []

    def press():
        box = QtWidgets.QApplication.activeModalWidget()
        seen.append((box.objectName(), sorted(b.text() for b in box.buttons())))
        QtTest.QTest.keyClick(box, key)
    QtCore.QTimer.singleShot(50, press)
    assert ASK_DISCARD(win.file_actions) == answer
    assert seen == [("discardQuestion", ["&Discard", "&Save", "Cancel"])]


def test_closing_without_unsaved_work_does_not_ask(qtbot, monkeypatch):
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    w.show()
    monkeypatch.setattr(FileActions, "ask_discard", lambda self: pytest.fail("asked"))
    act(w, "actionStep").trigger()        # revealing a micro-step changes nothing to save
    assert w.close()


def test_open_and_own_data_ask_first_and_cancel_changes_nothing(win, monkeypatch):
    act(win, "actionNextUpdate").trigger()
    monkeypatch.setattr(FileActions, "ask_discard", lambda self: "cancel")

    def no_dialog(*a, **k):
        raise AssertionError("a file dialog opened although the user cancelled")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", no_dialog)
    task = win.session.task.name
    act(win, "actionOpen").trigger()
    act(win, "actionLoadText").trigger()
    act(win, "actionLoadCsv").trigger()
    act(win, "actionLoadSample").trigger()
    assert win.session.task.name == task and win.session.trainer.updates == 1


def test_about_shows_the_version(win, monkeypatch):
    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "about", lambda parent, title, text: shown.append(text))
    act(win, "actionAbout").trigger()
    assert version() != "unknown"
    assert f"Version {version()}" in shown[0]


# -- messages ------------------------------------------------------------------------------------

def test_a_task_change_says_the_network_was_rebuilt(win):
    win.parameters.param("task").setValue("reber")
    msg = win.statusBar().currentMessage()
    assert "rebuilt" in msg and "unchanged" not in msg
    win.session.configure(eta=0.05)
    assert "unchanged" in win.statusBar().currentMessage()


# -- costs -----------------------------------------------------------------------------------------

def test_epochwise_update_cost_is_not_the_whole_sequence_curve_shifted():
    s = Session()
    s.configure(scheme="epochwise", h=None, h_prime=None)
    for _ in range(5):
        s.next_update()
    grey = dict(s.curve_updates)
    blue = {u: c for u, c, _ in s.curve_eval}
    # the same cost measured with the same weights sits at the same place on the axis
    for u, c in grey.items():
        assert c == pytest.approx(blue[u], rel=1e-9)
    assert grey[0] != pytest.approx(blue[1])


def test_status_and_header_show_the_same_named_cost_and_follow_weight_changes(win):
    s = win.session
    for _ in range(3):
        act(win, "actionNextUpdate").trigger()
    act(win, "actionStep").trigger()
    win.flush()

    def shown():
        status = win.status_label.text()
        header = win.cost_plot.info.text()
        part = [p for p in status.split("   ·   ") if p.startswith("training cost")]
        assert len(part) == 1 and part[0] in header
        return part[0]

    text = shown()
    assert text == explain.training_cost_text(s.task.score(s.net))
    s.set_weight("W", (0, 0), 3.0)
    win.flush()
    assert shown() != text
    assert shown() == explain.training_cost_text(s.task.score(s.net))
    s.rescale_U(0.3)
    win.flush()
    assert shown() == explain.training_cost_text(s.task.score(s.net))
    act(win, "actionUndo").trigger()
    win.flush()
    assert shown() == explain.training_cost_text(s.task.score(s.net))


def test_counts_read_in_the_singular_and_plural(win):
    act(win, "actionNextUpdate").trigger()
    win.flush()
    assert "1 update " in win.cost_plot.info.text() + " "
    assert "1 updates" not in win.cost_plot.info.text()
    act(win, "actionNextUpdate").trigger()
    win.flush()
    assert "2 updates" in win.cost_plot.info.text()


# -- export dialog ---------------------------------------------------------------------------------

def test_one_update_mid_update_writes_the_frames_the_dialog_says(qtbot, win, tmp_path):
    s = win.session
    for _ in range(3):
        s.step()
    dlg = ExportDialog(win)
    qtbot.addWidget(dlg)
    dlg.what_combo.setCurrentIndex(1)
    dlg.updates_spin.setValue(1)
    dlg.every_combo.setCurrentIndex(0)      # every micro-step
    dlg.width_spin.setValue(320)
    dlg.height_spin.setValue(200)
    dlg.format_combo.setCurrentIndex(0)
    dlg.out_edit.setText(str(tmp_path / "frames"))
    n = len(s.timeline) - s.position + 1     # from here to the end of the update in progress
    assert dlg.frame_count() == n
    assert f"writes {n} frames" in dlg.count_label.text()
    assert "the one in progress is the first" in dlg.what_combo.currentText()
    assert dlg.start_export()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=20000)
    assert dlg.result.frames == n == len(list((tmp_path / "frames").glob("*.png")))


@pytest.mark.parametrize("index, ext", [(1, ".gif"), (2, ".mp4")])
def test_a_movie_path_without_extension_gets_it(qtbot, win, tmp_path, index, ext):
    dlg = ExportDialog(win)
    qtbot.addWidget(dlg)
    dlg.format_combo.setCurrentIndex(index)
    dlg.out_edit.setText(str(tmp_path / "movie"))
    st = dlg.export_settings()
    assert (st.gif or st.mp4) == str(tmp_path / "movie") + ext


# -- Restore defaults ------------------------------------------------------------------------------

def _layout(w):
    """Which docks are tabbed together and floating, and the tab bars a person sees."""
    rect = w.rect()
    bars = [t.tabText(t.currentIndex()) for t in w.findChildren(QtWidgets.QTabBar)
            if t.count() and t.isVisible() and rect.intersects(t.geometry())]
    docks = {k: (w.dockWidgetArea(d).name, d.isFloating(), d.isVisible(),
                 sorted(x.objectName() for x in w.tabifiedDockWidgets(d)))
             for k, d in w.docks.items()}
    return docks, sorted(bars)


def test_restore_defaults_gives_the_first_start_layout_and_keeps_it_after_a_restart(qtbot):
    app = QtWidgets.QApplication.instance()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    app.processEvents()
    first = _layout(w)
    assert first[1] == ["Fold-back", "Parameters"]        # the two tab groups' fronts
    w.docks["gradcheck"].raise_()
    w.docks["vanishing"].setFloating(True)
    w.docks["cost"].hide()
    app.processEvents()
    assert _layout(w) != first
    w.preferences.restore_defaults()
    app.processEvents()
    assert _layout(w) == first              # two tab bars, their first tabs in front, none floating
    w.close()                                 # saves the layout
    app.processEvents()
    w2 = MainWindow()                         # the same QSettings file
    qtbot.addWidget(w2)
    w2.show()
    app.processEvents()
    assert _layout(w2) == first


def test_speed_is_shown_in_one_unit_per_range(win):
    from visualizer.qt.controls import SPEEDS
    for sp in SPEEDS:
        unit = {"steps": "micro-step", "updates": "update", "fast": "fast"}[sp.kind]
        assert unit in sp.label
        assert "steps/s" not in sp.label.replace("micro-steps/s", "")
    tip = win.speed.slider.toolTip()
    assert "micro-steps/s" in tip and "updates/s" in tip
    win.speed.set_level(4)
    act(win, "actionPlay").trigger()
    assert win.speed.label.text() in win.statusBar().currentMessage()
    act(win, "actionPlay").trigger()


def test_h_is_related_to_t_in_one_sentence_everywhere(win):
    assert explain.H_SENTENCE in win.parameters.param("h").opts["tip"]
    assert "(copies back, = T)" not in str(win.parameters.param("h").opts)
    assert "= T + 1" in win.parameters.param("h").opts["title"]
    from visualizer.qt.main_window import HOW_TO_READ
    assert "{h_sentence}" in HOW_TO_READ and "BPTT(T; 1)" not in HOW_TO_READ
    readme = open(os.path.join(os.path.dirname(__file__), "..", "..", "README.md"),
                  encoding="utf-8").read()
    assert " ".join(explain.H_SENTENCE.split()[:8]) in " ".join(readme.split())
    assert "BPTT.md" not in readme and "DESIGN.md" not in readme and "docs/bptt.md" in readme
    eq = explain.weight_equation(win.session, "U", 0, 0)
    assert "h = T + 1 copies" in str(eq.html if hasattr(eq, "html") else eq)
