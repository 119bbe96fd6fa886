"""Every built-in task under every scheme preset runs through the real window with all panels.

pytest-qt fails a test on any exception raised inside a Qt callback (a throttled
redraw, a panel refresh), so this catches what one task's shapes break in another's.
"""
import pytest

import core
from visualizer.qt.main_window import MainWindow
from visualizer.model.session import Config, Session


@pytest.fixture(scope="module")
def window():
    from PySide6 import QtWidgets
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    w = MainWindow(Session(Config.for_task("hello")), restore=False, panels=True)
    w.show()
    yield w, app
    w.close()
    app.processEvents()


@pytest.mark.parametrize("task", core.TASKS)
def test_task_through_every_phase_with_panels(window, task, qtbot):
    w, app = window
    for scheme in ("elman", "boden", "epochwise", "chunked"):
        w.session.configure(**Config.for_task(task, scheme=scheme).to_dict())
        s = w.session
        assert s.task.name == task and s.config.scheme == scheme
        for _ in range(6):                  # forward, output, BPTT, fold-back, update, next
            s.next_phase()
            app.processEvents()
            w.flush()
            w.insight.flush()
        s.run_updates(4)                    # the window grows or slides; the panels follow
        for mode in ("signal", "error", "share", "weight"):
            s.edge_pin = mode
            w._redraw()
            w.flush()
        s.edge_pin = None
        last = s.columns - 1
        w.view.nodeClicked.emit("s", last, 0)
        w.view.nodeClicked.emit("y", last, 0)
        w.view.edgeClicked.emit("U", last, 0, 0)
        w.view.edgeClicked.emit("W", last, 0, 0)
        w.insight.flush()
        app.processEvents()
        assert w.frame.shape == (s.net.N, s.net.M, s.net.O, s.columns)
        assert len(w.insight.foldback.copy_images["V"]) == s.columns
