"""Preferences ▸ Memory budget: the window's budget, kept across starts, refused when it is not a
size, and used by every check (parameters, the user's data, the step-back history)."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

from visualizer.model.config import MEMORY_BUDGET  # noqa: E402
from visualizer.qt.main_window import MainWindow  # noqa: E402
from visualizer.qt.preferences import KEY_BUDGET  # noqa: E402


def answer(monkeypatch, text, ok=True):
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", lambda *a, **k: (text, ok))


def test_the_budget_is_asked_for_kept_and_used_at_the_next_start(win, qtbot, monkeypatch):
    assert win.session.memory_budget == MEMORY_BUDGET
    action = win.findChild(QtGui.QAction, "actionMemoryBudget")
    assert action is not None and action in win.preferences.menu.actions()
    answer(monkeypatch, "2G")
    action.trigger()
    assert win.session.memory_budget == 2 << 30
    assert "2.0 GB" in win.statusBar().currentMessage()
    again = MainWindow(restore=False)
    qtbot.addWidget(again)
    assert again.session.memory_budget == 2 << 30


def test_a_budget_that_is_not_a_size_is_refused_with_its_reason(win, monkeypatch):
    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    for text in ("lots", "1K", "-5G", "nan", "10000T"):
        answer(monkeypatch, text)
        assert not win.preferences.ask_memory_budget()
        assert win.session.memory_budget == MEMORY_BUDGET
    assert len(shown) == 5 and all("memory budget must" in m for m in shown)
    answer(monkeypatch, "", ok=False)                      # Cancel changes nothing
    assert not win.preferences.ask_memory_budget()


def test_a_damaged_stored_budget_falls_back_to_the_default(qtbot):
    QtCore.QSettings().setValue(KEY_BUDGET, "garbage")
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    assert w.session.memory_budget == MEMORY_BUDGET
    assert QtCore.QSettings().value(KEY_BUDGET) is None


def test_the_users_data_are_refused_past_the_budget_and_nothing_changes(win, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    monkeypatch.setattr(QtWidgets.QMessageBox, "information", lambda *a: None)  # notes on the data
    path = tmp_path / "long.txt"
    path.write_text("abcdefghijklmnopqrstuvwxyz0123456789 " * 3000, encoding="utf-8")
    task_before, config_before = win.session.task.name, win.session.config
    win.preferences.set_memory_budget(1 << 20, remember=False)      # 1 MiB
    assert not win.file_actions.load_text(str(path))
    assert warned and "memory budget" in warned[0] and "lower" in warned[0]
    assert win.session.task.name == task_before and win.session.config == config_before
    win.preferences.set_memory_budget(MEMORY_BUDGET, remember=False)
    assert win.file_actions.load_text(str(path))
    assert win.session.task.name != task_before
