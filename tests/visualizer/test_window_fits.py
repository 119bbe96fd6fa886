"""The window fits the screen it opens on (issue 10, items 3-4), checked offscreen with the
screen's available geometry replaced by a laptop's."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6 import QtCore, QtGui  # noqa: E402

from visualizer.qt.main_window import DEFAULT_SIZE, MainWindow  # noqa: E402


@pytest.fixture
def screen_of(monkeypatch):
    def set_size(w, h):
        monkeypatch.setattr(QtGui.QScreen, "availableGeometry",
                            lambda self: QtCore.QRect(0, 0, w, h))
    return set_size


@pytest.mark.parametrize("w,h", [(1280, 720), (1067, 667), (1600, 1000), (2560, 1440)])
def test_first_start_fits_the_available_screen(qtbot, screen_of, w, h):
    screen_of(w, h)
    win = MainWindow(restore=False)
    qtbot.addWidget(win)
    size = win.size()
    assert size.width() <= w and size.height() <= h
    assert size.width() <= DEFAULT_SIZE[0] and size.height() <= DEFAULT_SIZE[1]
    # never larger than the screen, even what the docks and toolbar insist on
    least = win.minimumSizeHint()
    assert least.width() <= w and least.height() <= h, (least, w, h)
    geo = win.geometry()
    assert QtCore.QRect(0, 0, w, h).contains(geo)
    # shown, the docks' minimum sizes take effect: the window must still lie within the screen
    # (a tall "Who taught whom" once grew it past the bottom of a 1067x667 screen)
    win.show()
    qtbot.waitExposed(win)
    assert QtCore.QRect(0, 0, w, h).contains(win.geometry()), (win.geometry(), w, h)


def test_the_view_keeps_most_of_the_height_at_720(qtbot, screen_of):
    screen_of(1280, 720)
    win = MainWindow(restore=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.view.height() >= 0.45 * win.height()
    assert win.docks["cost"].height() >= 150
