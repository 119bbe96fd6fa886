"""The window's File actions, own data, preferences, divergence notice and exception hook."""
import io
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

import core  # noqa: E402
from visualizer.model import workspace  # noqa: E402
from visualizer.model.config import default_config  # noqa: E402
from visualizer.model.session import Config, Session  # noqa: E402
from visualizer.qt import error_hook, preferences  # noqa: E402
from visualizer.qt.controls import DEFAULT_SPEED  # noqa: E402
from visualizer.qt.csv_dialog import CsvDialog  # noqa: E402
from visualizer.qt.main_window import MainWindow  # noqa: E402


@pytest.fixture
def fakes(monkeypatch):
    """Modal message boxes and file dialogs answered without showing them.

    Returns the list of (kind, title, text) shown; ``FILES`` queues the paths the
    file dialogs answer with.
    """
    shown = []
    FILES.clear()

    def box(kind):
        def answer(parent, title, text, *a, **k):
            shown.append((kind, title, text))
            return QtWidgets.QMessageBox.StandardButton.Ok
        return staticmethod(answer)

    def path(*a, **k):
        return (FILES.pop(0) if FILES else "", "")
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", box("warning"))
    monkeypatch.setattr(QtWidgets.QMessageBox, "information", box("information"))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", staticmethod(path))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(path))
    return shown


FILES = []


@pytest.fixture
def win(qtbot, tmp_path, fakes):
    w = MainWindow()
    qtbot.addWidget(w)
    hook = error_hook.install(w, log_dir=tmp_path / "logs")
    yield w
    hook.uninstall()
    w.pause()


def action(win, name) -> QtGui.QAction:
    a = win.findChild(QtGui.QAction, name)
    assert a is not None, name
    return a


def weights(s):
    return {k: getattr(s.net, k).copy() for k in core.PARAMS}


def same(a, b):
    return all(np.array_equal(a[k], b[k]) for k in a)


def test_file_menu_actions_and_shortcuts(win):
    file_menu = win.menuBar().actions()[0].menu()
    assert file_menu is win.file_menu
    names = [a.objectName() for a in file_menu.actions()]
    for name in ("actionOpen", "actionSave", "actionSaveAs", "actionLoadText", "actionLoadCsv"):
        assert name in names
    assert action(win, "actionOpen").shortcut() == QtGui.QKeySequence("Ctrl+O")
    assert action(win, "actionSave").shortcut() == QtGui.QKeySequence("Ctrl+S")
    assert action(win, "actionSaveAs").shortcut() == QtGui.QKeySequence("Ctrl+Shift+S")
    prefs = win.findChild(QtWidgets.QMenu, "menuPreferences")
    assert "actionRestoreDefaults" in [a.objectName() for a in prefs.actions()]


def test_save_as_save_and_open(win, tmp_path, fakes, qtbot):
    s = win.session
    s.run_updates(5)
    s.step()
    FILES[:] = [str(tmp_path / "first")]           # no extension: .rnnu is added
    action(win, "actionSaveAs").trigger()
    path = tmp_path / "first.rnnu"
    assert path.exists()
    saved_w, saved_pos = weights(s), s.position
    s.run_updates(10)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    qtbot.keyClick(win, QtCore.Qt.Key.Key_S, QtCore.Qt.KeyboardModifier.ControlModifier)
    later = workspace.load(path)                              # Ctrl+S wrote to the same file
    assert later.trainer.updates == s.trainer.updates
    workspace.save(later, tmp_path / "later.rnnu")
    # open the first state again (through File ▸ Open…)
    win.file_actions.path = None
    os.replace(tmp_path / "later.rnnu", path)
    first = Session(Config.for_task(s.config.task))
    first.run_updates(5)
    first.step()
    workspace.save(first, tmp_path / "again.rnnu")
    FILES[:] = [str(tmp_path / "again.rnnu")]
    action(win, "actionOpen").trigger()
    assert same(weights(win.session), saved_w) and win.session.position == saved_pos
    assert win.session is s                                    # same object, views connected
    assert "Opened" in win.statusBar().currentMessage()


def test_open_bad_file_says_so_and_changes_nothing(win, tmp_path, fakes):
    win.session.run_updates(3)
    before = (weights(win.session), win.session.position, win.session.config)
    bad = tmp_path / "bad.rnnu"
    bad.write_bytes(b"PK\x03\x04 truncated")
    FILES[:] = [str(bad)]
    action(win, "actionOpen").trigger()
    assert fakes and fakes[-1][0] == "warning" and "damaged" in fakes[-1][2]
    assert same(weights(win.session), before[0])
    assert (win.session.position, win.session.config) == before[1:]
    assert not win.file_actions.open(tmp_path / "missing.rnnu")
    assert "no such file" in fakes[-1][2]


def test_open_file_helper_for_command_line(win, tmp_path):
    s = Session(Config.for_task("echo"))
    s.run_updates(4)
    workspace.save(s, tmp_path / "e.rnnu")
    assert win.file_actions.open(tmp_path / "e.rnnu")
    assert win.session.task.name == "echo" and win.session.trainer.updates == 4
    win.flush()
    assert win.frame is not None


def test_load_text_data(win, tmp_path, fakes):
    p = tmp_path / "story.txt"
    p.write_text("Once upon a time there was a tiny network. " * 100)
    FILES[:] = [str(p)]
    action(win, "actionLoadText").trigger()
    assert win.session.task.name == "text:story.txt"
    assert win.session.config.output == "softmax"
    assert any(kind == "information" and "first 2000" in text for kind, _, text in fakes)
    assert win.session.run_updates(3) == 3
    win.flush()
    # a bad file changes nothing
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 50)
    FILES[:] = [str(bad)]
    action(win, "actionLoadText").trigger()
    assert win.session.task.name == "text:story.txt"
    assert fakes[-1][0] == "warning" and "binary" in fakes[-1][2]


def test_load_csv_data_with_the_dialog(win, tmp_path, fakes, monkeypatch):
    p = tmp_path / "runs.csv"
    p.write_text("run,u,y\n" + "".join(f"r{i // 10},{i % 10 / 10},{(i % 10) ** 2 / 100}\n"
                                       for i in range(50)))

    def exec_(dialog):
        dialog.set_choice([1], [2], mode=1, column=0)
        dialog.accept()
        return QtWidgets.QDialog.DialogCode.Accepted
    monkeypatch.setattr(CsvDialog, "exec", exec_)
    FILES[:] = [str(p)]
    action(win, "actionLoadCsv").trigger()
    t = win.session.task
    assert t.name == "csv:runs.csv" and t.X.shape == (10, 5, 1) and t.input_labels == ("u",)
    assert win.session.config.output == "linear" and win.session.config.cost == "sse"
    workspace.save(win.session, tmp_path / "csv.rnnu")     # own data round trip in a window
    assert workspace.load(tmp_path / "csv.rnnu").task.name == "csv:runs.csv"


def test_csv_dialog_refuses_bad_choices(qtbot):
    from core import datasets
    table = datasets.parse_table("a,b\n1,2\n3,4\n")
    d = CsvDialog(table, "t.csv")
    qtbot.addWidget(d)
    d.set_choice([0], [])
    d.accept()
    assert d.task is None and "target" in d.error.text()
    d.set_choice([0], [0, 1], mode=2, length=5)
    d.accept()
    assert d.task is None and "fewer than" in d.error.text()
    d.set_choice([0], [1], mode=2, length=1)
    d.accept()
    assert d.task is not None and d.task.X.shape == (1, 2, 1)


def test_divergence_pauses_and_says_what_to_try(win, fakes, qtbot):
    win.session.configure(**Config.for_task("adding", eta=50.0).to_dict())
    from visualizer.qt.controls import SPEEDS
    win.speed.set_level(len(SPEEDS) - 1)                       # "fast"
    with np.errstate(all="ignore"):
        action(win, "actionPlay").setChecked(True)
        qtbot.waitUntil(lambda: not win.play.playing, timeout=10000)
    s = win.session
    assert s.message and "not finite" in s.message
    assert "Diverged" in win.statusBar().currentMessage()
    notices = win.findChildren(QtWidgets.QMessageBox, "divergedNotice")
    assert len(notices) == 1 and notices[0].isVisible()
    advice = notices[0].informativeText()
    assert "lower learning rate" in advice and "clipping" in advice and "spectral radius" in advice
    notices[0].close()
    assert all(np.isfinite(v).all() for v in s.net.params().values())
    win.flush()                                   # the view draws the last finite state
    action(win, "actionReset").trigger()
    assert s.message == "" and s.trainer.updates == 0
    assert s.run_updates(5) == 5


def test_excepthook_shows_logs_and_goes_on(win, qtbot, tmp_path, monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)

    def broken():
        raise RuntimeError("a bug in a slot")
    QtCore.QTimer.singleShot(0, broken)
    hook = sys.excepthook
    qtbot.waitUntil(lambda: hook.box is not None, timeout=5000)
    box = hook.box
    assert box.isVisible() and box.windowTitle() == "Unexpected error"
    log = tmp_path / "logs" / error_hook.LOG_NAME
    assert str(log) in box.informativeText()
    assert "RuntimeError: a bug in a slot" in box.informativeText()
    assert "Traceback" in box.detailedText()
    assert "RuntimeError: a bug in a slot" in win.statusBar().currentMessage()
    assert "a bug in a slot" in log.read_text()
    assert "Traceback" in err.getvalue()                       # and on standard error
    # the program goes on
    n = win.session.trainer.updates
    action(win, "actionNextUpdate").trigger()
    assert win.session.trainer.updates == n + 1
    # a second error while the first dialog is open: logged, no second dialog
    QtCore.QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: log.read_text().count("rnn-unfold: unexpected error") >= 2,
                    timeout=5000)
    assert hook.box is box and hook.count == 2
    assert len(win.findChildren(QtWidgets.QMessageBox, "errorDialog")) == 1
    box.close()


def test_excepthook_falls_back_to_temp_dir(qtbot, tmp_path, monkeypatch):
    w = QtWidgets.QMainWindow()
    qtbot.addWidget(w)
    blocked = tmp_path / "file"
    blocked.write_text("")
    hook = error_hook.ErrorHook(w, log_dir=blocked / "sub")      # cannot be created
    monkeypatch.setattr(QtCore.QStandardPaths, "writableLocation", lambda *_: "")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    assert hook.log_path() == str(tmp_path / error_hook.LOG_NAME)


def test_last_task_is_remembered_and_defaults_restored(qtbot, tmp_path, fakes):
    w1 = MainWindow()
    qtbot.addWidget(w1)
    w1.session.configure(**Config.for_task("echo", eta=0.02).to_dict())
    w1.close()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    assert w2.session.config.task == "echo" and w2.session.config.eta == 0.02
    # a command-line choice wins over the remembered one
    w3 = MainWindow(Session(Config.for_task("parity")))
    qtbot.addWidget(w3)
    assert w3.session.config.task == "parity"
    # Restore defaults forgets everything and puts the docks back, without a second window
    w2.show()
    w2.param_dock.setFloating(True)
    w2.cost_dock.hide()
    w2.speed.set_level(1)
    windows = [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    action(w2, "actionRestoreDefaults").trigger()
    assert w2.session.config == default_config()
    assert not w2.param_dock.isFloating() and w2.cost_dock.isVisible()
    assert w2.speed.level() == DEFAULT_SPEED
    assert [w for w in QtWidgets.QApplication.topLevelWidgets()
            if isinstance(w, MainWindow)] == windows
    w2.close()
    w4 = MainWindow()
    qtbot.addWidget(w4)
    assert w4.session.config == default_config()
    # turning remembering off forgets the task
    action(w4, "actionRememberSession").setChecked(False)
    assert QtCore.QSettings().value(preferences.KEY_CONFIG) is None


def test_damaged_remembered_config_is_ignored(qtbot, fakes):
    QtCore.QSettings().setValue(preferences.KEY_CONFIG, '{"task": "echo", "M": "lots"}')
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.session.config == default_config()
    assert QtCore.QSettings().value(preferences.KEY_CONFIG) != '{"task": "echo", "M": "lots"}'


def test_the_shipped_sample_text_becomes_a_character_task(win, fakes):
    from visualizer.model.resources import asset
    text = asset("sample.txt").read_text(encoding="utf-8")
    win.file_actions.actions["actionLoadSample"].trigger()
    s = win.session
    assert [kind for kind, *_ in fakes] == ["information"]  # what was applied, no warning
    assert "sample.txt" in fakes[0][2]
    assert s.config.output == "softmax" and s.config.cost == "ce"
    vocab = set(s.task.input_labels)
    assert {"A", "l", "i", "c", "e"} <= vocab
    # next-character targets: the target at t is the input at t + 1
    X, D = s.task.X, s.task.D
    np.testing.assert_array_equal(D[:-1], X[1:])
    assert len(text) > 400
    s.run_updates(3)
    assert s.trainer.updates == 3


def test_the_window_icon_is_shipped_and_loads(qtbot):
    from PySide6 import QtGui

    from visualizer.model.resources import asset
    icon = QtGui.QIcon(str(asset("icon.svg")))
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull()


def test_background_work_runs_off_the_gui_thread_and_can_be_cancelled(qtbot):
    import threading

    from visualizer.qt.background import run_in_background
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    out = run_in_background(parent, "which thread", threading.get_ident)
    assert not out.cancelled and out.error is None
    assert out.value != threading.get_ident()
    assert isinstance(run_in_background(parent, "fails", lambda: 1 / 0).error, ZeroDivisionError)
    release = threading.Event()

    def slow():
        release.wait(30)
        return "late"

    def cancel():
        dialog = parent.findChild(QtWidgets.QProgressDialog, "backgroundProgress")
        dialog.findChild(QtWidgets.QPushButton).click()          # the Cancel button
    QtCore.QTimer.singleShot(100, cancel)
    out = run_in_background(parent, "slow", slow)
    release.set()
    assert out.cancelled and out.value is None


def test_the_gradient_check_runs_in_the_background_on_copies(qtbot):
    w = MainWindow(Session(Config.for_task("echo")), restore=False)
    qtbot.addWidget(w)
    w.action_map["actionNextPhase"].trigger()
    net = w.session.net
    result = w.gradcheck.run()
    assert result.ok and w.gradcheck.table.item(0, 2).text() == "pass"
    assert w.session.net is net                           # the check worked on a copy
