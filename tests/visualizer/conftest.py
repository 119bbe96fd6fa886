"""Fixtures shared by the window tests."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def win(qtbot):
    """The main window as a user first meets it (panels on), without restoring a saved layout.
    A test module that needs another window defines its own ``win``, which takes precedence."""
    from visualizer.qt.main_window import MainWindow
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    return w
