"""Test-wide settings: Qt runs offscreen, settings go to a temporary file, widgets die with their test.

pytest-qt closes the widgets a test registered with ``qtbot.addWidget`` and calls
``deleteLater`` on them, but ``processEvents`` outside an event loop never runs
deferred deletions: without the teardown below every window of the run (with
its pyqtgraph scenes) stayed alive until the interpreter exited, and was then
destroyed in whatever order Python's finalisation chose, which crashed the
interpreter at exit in some runs. Each test's widgets are now deleted, by Qt,
at the end of that test.
"""
import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """QSettings in a temporary folder, never the user's real configuration."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    try:
        from PySide6 import QtCore
    except ImportError:          # core tests run without Qt
        yield
        return
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                             str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _unsaved_work_question_answered(monkeypatch):
    """Closing a window with unsaved work asks Save / Discard / Cancel in a modal box, which
    would wait forever offscreen: answer "discard" unless a test answers it itself."""
    fa = sys.modules.get("visualizer.qt.file_actions")
    if fa is not None:
        monkeypatch.setattr(fa.FileActions, "ask_discard", lambda self: "discard")
    yield


@pytest.fixture(autouse=True)
def _message_boxes_never_wait(monkeypatch):
    """A modal message box waits forever offscreen, so a test that meets one it did not
    expect hung instead of failing: make such a box fail the test with its text."""
    if "PySide6.QtWidgets" not in sys.modules:
        yield
        return
    from PySide6 import QtWidgets

    def unexpected(kind):
        def box(*args, **kwargs):
            text = next((a for a in args[2:3] if isinstance(a, str)), "")
            raise AssertionError(f"unexpected QMessageBox.{kind}: {text}")
        return box

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QtWidgets.QMessageBox, kind, unexpected(kind))
    yield


def _delete_later_now() -> None:
    """Run the deferred deletions (``deleteLater``) that are pending, then collect cycles."""
    from PySide6 import QtCore
    app = QtCore.QCoreApplication.instance()
    if app is not None:
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture(autouse=True)
def _widgets_die_with_their_test(request):
    """After the test (and pytest-qt's close + deleteLater), delete its widgets now."""
    yield
    if "PySide6.QtCore" in sys.modules:
        _delete_later_now()
