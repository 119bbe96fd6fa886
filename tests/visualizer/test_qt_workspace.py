"""The window's File actions, own data, preferences, divergence notice and exception hook."""
import io
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

import core  # noqa: E402
from visualizer.model import workspace
from visualizer.qt import workspace_actions as qt_workspace  # noqa: E402
from visualizer.qt.main_window import MainWindow, default_config  # noqa: E402
from visualizer.model.session import Config, Session  # noqa: E402


class FakeBox:
    """Stands in for QMessageBox: records what would have been shown."""

    Icon = QtWidgets.QMessageBox.Icon
    StandardButton = QtWidgets.QMessageBox.StandardButton
    shown = []

    def __init__(self, icon=None, title="", text="", buttons=None, parent=None):
        self.title, self.text, self.info, self.details, self.visible = title, text, "", "", False
        self.destroyed = self.finished = _Signal()

    def setInformativeText(self, t):
        self.info = t

    def setDetailedText(self, t):
        self.details = t

    def show(self):
        self.visible = True
        FakeBox.shown.append(("box", self.title, self.text + "\n" + self.info, self.details))

    def isVisible(self):
        return self.visible

    def __getattr__(self, name):           # setObjectName, setModal, setAttribute ...
        return lambda *a, **k: None

    @staticmethod
    def warning(parent, title, text, *a):
        FakeBox.shown.append(("warning", title, text, ""))

    @staticmethod
    def information(parent, title, text, *a):
        FakeBox.shown.append(("information", title, text, ""))


class _Signal:
    def connect(self, fn):
        pass


class FakeFiles:
    """Stands in for QFileDialog: answers with the next queued path."""

    answers = []

    @staticmethod
    def getOpenFileName(*a, **k):
        return (FakeFiles.answers.pop(0) if FakeFiles.answers else "", "")

    @staticmethod
    def getSaveFileName(*a, **k):
        return (FakeFiles.answers.pop(0) if FakeFiles.answers else "", "")


@pytest.fixture
def fakes(monkeypatch):
    FakeBox.shown = []
    FakeFiles.answers = []
    monkeypatch.setattr(qt_workspace, "QMessageBox", FakeBox)
    monkeypatch.setattr(qt_workspace, "QFileDialog", FakeFiles)
    return FakeBox.shown


@pytest.fixture
def win(qtbot, tmp_path, fakes):
    w = MainWindow()
    qtbot.addWidget(w)
    helper = qt_workspace.install(w, log_dir=tmp_path / "logs")
    yield w
    helper.hook.uninstall()
    w.action_map["actionPlay"].setChecked(False)


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
    FakeFiles.answers = [str(tmp_path / "first")]           # no extension: .rnnu is added
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
    win.workspace.path = None
    os.replace(tmp_path / "later.rnnu", path)
    first = Session(Config.for_task(s.config.task))
    first.run_updates(5)
    first.step()
    workspace.save(first, tmp_path / "again.rnnu")
    FakeFiles.answers = [str(tmp_path / "again.rnnu")]
    action(win, "actionOpen").trigger()
    assert same(weights(win.session), saved_w) and win.session.position == saved_pos
    assert win.session is s                                    # same object, views connected
    assert "Opened" in win.statusBar().currentMessage()


def test_open_bad_file_says_so_and_changes_nothing(win, tmp_path, fakes):
    win.session.run_updates(3)
    before = (weights(win.session), win.session.position, win.session.config)
    bad = tmp_path / "bad.rnnu"
    bad.write_bytes(b"PK\x03\x04 truncated")
    FakeFiles.answers = [str(bad)]
    action(win, "actionOpen").trigger()
    assert fakes and fakes[-1][0] == "warning" and "damaged" in fakes[-1][2]
    assert same(weights(win.session), before[0])
    assert (win.session.position, win.session.config) == before[1:]
    assert not qt_workspace.open_file(win, tmp_path / "missing.rnnu")
    assert "no such file" in fakes[-1][2]


def test_open_file_helper_for_command_line(win, tmp_path):
    s = Session(Config.for_task("echo"))
    s.run_updates(4)
    workspace.save(s, tmp_path / "e.rnnu")
    assert qt_workspace.open_file(win, tmp_path / "e.rnnu")
    assert win.session.task.name == "echo" and win.session.trainer.updates == 4
    win.flush()
    assert win.frame is not None


def test_load_text_data(win, tmp_path, fakes):
    p = tmp_path / "story.txt"
    p.write_text("Once upon a time there was a tiny network. " * 100)
    FakeFiles.answers = [str(p)]
    action(win, "actionLoadText").trigger()
    assert win.session.task.name == "text:story.txt"
    assert win.session.config.output == "softmax"
    assert any(kind == "information" and "first 2000" in text for kind, _, text, _ in fakes)
    assert win.session.run_updates(3) == 3
    win.flush()
    # a bad file changes nothing
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 50)
    FakeFiles.answers = [str(bad)]
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
    monkeypatch.setattr(qt_workspace.CsvDialog, "exec", exec_)
    FakeFiles.answers = [str(p)]
    action(win, "actionLoadCsv").trigger()
    t = win.session.task
    assert t.name == "csv:runs.csv" and t.X.shape == (10, 5, 1) and t.input_labels == ("u",)
    assert win.session.config.output == "linear" and win.session.config.cost == "sse"
    workspace.save(win.session, tmp_path / "csv.rnnu")     # own data round trip in a window
    assert workspace.load(tmp_path / "csv.rnnu").task.name == "csv:runs.csv"


def test_csv_dialog_refuses_bad_choices(qtbot):
    from core import datasets
    table = datasets.parse_table("a,b\n1,2\n3,4\n")
    d = qt_workspace.CsvDialog(table, "t.csv")
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
    notices = [x for x in fakes if x[0] == "box" and x[1] == "The run diverged"]
    assert len(notices) == 1
    assert "lower learning rate" in notices[0][2] and "clipping" in notices[0][2] \
        and "spectral radius" in notices[0][2]
    assert all(np.isfinite(v).all() for v in s.net.params().values())
    win.flush()                                   # the view draws the last finite state
    action(win, "actionReset").trigger()
    assert s.message == "" and s.trainer.updates == 0
    assert s.run_updates(5) == 5


def test_excepthook_shows_logs_and_goes_on(win, fakes, qtbot, tmp_path, monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)

    def broken():
        raise RuntimeError("a bug in a slot")
    QtCore.QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: any(x[1] == "Unexpected error" for x in fakes), timeout=5000)
    box = [x for x in fakes if x[1] == "Unexpected error"][0]
    log = tmp_path / "logs" / qt_workspace.LOG_NAME
    assert str(log) in box[2] and "RuntimeError: a bug in a slot" in box[2]
    assert "Traceback" in box[3]
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
    assert len([x for x in fakes if x[1] == "Unexpected error"]) == 1


def test_excepthook_falls_back_to_temp_dir(qtbot, tmp_path, monkeypatch):
    w = QtWidgets.QMainWindow()
    qtbot.addWidget(w)
    blocked = tmp_path / "file"
    blocked.write_text("")
    hook = qt_workspace.ErrorHook(w, log_dir=blocked / "sub")      # cannot be created
    monkeypatch.setattr(QtCore.QStandardPaths, "writableLocation", lambda *_: "")
    monkeypatch.setattr(qt_workspace.tempfile, "gettempdir", lambda: str(tmp_path))
    assert hook.log_path() == str(tmp_path / qt_workspace.LOG_NAME)


def test_last_task_is_remembered_and_defaults_restored(qtbot, tmp_path, fakes):
    w1 = MainWindow()
    qtbot.addWidget(w1)
    h1 = qt_workspace.install(w1, excepthook=False)
    w1.session.configure(**Config.for_task("echo", eta=0.02).to_dict())
    w1.close()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    h2 = qt_workspace.install(w2, excepthook=False)
    assert w2.session.config.task == "echo" and w2.session.config.eta == 0.02
    # a command-line choice wins over the remembered one
    w3 = MainWindow(Session(Config.for_task("parity")))
    qtbot.addWidget(w3)
    qt_workspace.install(w3, excepthook=False)
    assert w3.session.config.task == "parity"
    # Restore defaults forgets everything
    w2.param_dock.setFloating(True)
    action(w2, "actionRestoreDefaults").trigger()
    assert w2.session.config == default_config()
    assert not w2.param_dock.isFloating()
    w2.close()
    w4 = MainWindow()
    qtbot.addWidget(w4)
    qt_workspace.install(w4, excepthook=False)
    assert w4.session.config == default_config()
    # turning remembering off forgets the task
    action(w4, "actionRememberSession").setChecked(False)
    assert QtCore.QSettings().value(qt_workspace.KEY_CONFIG) is None
    del h1, h2


def test_damaged_remembered_config_is_ignored(qtbot, fakes):
    QtCore.QSettings().setValue(qt_workspace.KEY_CONFIG, '{"task": "echo", "M": "lots"}')
    w = MainWindow()
    qtbot.addWidget(w)
    qt_workspace.install(w, excepthook=False)
    assert w.session.config == default_config()


def test_the_shipped_sample_text_becomes_a_character_task(win, fakes):
    from visualizer.model.resources import asset
    text = asset("sample.txt").read_text(encoding="utf-8")
    win.workspace.actions["actionLoadSample"].trigger()
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
