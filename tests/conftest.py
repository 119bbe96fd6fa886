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
