"""Every built-in task under every scheme preset runs through the real window with all panels.

pytest-qt fails a test on any exception raised inside a Qt callback (a throttled
redraw, a panel refresh), so this catches what one task's shapes break in another's.
What is checked is what the window shows: the frame it drew, the edge mode the
toolbar chose, the nodes the view placed, the inspector's page and the
fold-back's columns.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import core  # noqa: E402
from visualizer.model.session import Config, Session  # noqa: E402
from visualizer.qt.main_window import EDGE_CHOICES, MainWindow  # noqa: E402


@pytest.fixture
def window(qtbot):
    w = MainWindow(Session(Config.for_task("hello")), restore=False)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.parametrize("task", core.TASKS)
def test_task_through_every_phase_with_panels(window, task, qtbot):
    w = window
    for scheme in ("elman", "boden", "epochwise", "chunked"):
        w.session.configure(**Config.for_task(task, scheme=scheme).to_dict())
        s = w.session
        assert s.task.name == task and s.config.scheme == scheme
        for _ in range(6):                  # forward, output, BPTT, fold-back, update, next
            w.action_map["actionNextPhase"].trigger()
            w.flush()
        w.action_map["actionNextUpdate"].trigger()
        s.run_updates(4)                    # the window grows or slides; the panels follow
        for index, (_, mode) in enumerate(EDGE_CHOICES):
            w.edge_combo.setCurrentIndex(index)
            w.flush()
            assert s.edge_pin == mode
            if mode is not None:
                assert w.frame.edge_mode == mode
        w.edge_combo.setCurrentIndex(0)
        last = s.columns - 1
        w.view.nodeClicked.emit("y", last, 0)
        w.view.edgeClicked.emit("W", last, 0, 0)
        w.view.nodeClicked.emit("s", last, 0)
        w.flush()
        assert "s<sub>" in w.inspector.text or "net" in w.inspector.text
        w.view.edgeClicked.emit("U", last, 0, 0)
        w.flush()
        assert w.inspector.equation is not None
        N, M, O = s.net.N, s.net.M, s.net.O
        assert w.frame.shape == (N, M, O, s.columns)
        assert w.view.node_position("y", last, O - 1) is not None
        with pytest.raises(IndexError):
            w.view.node_position("s", last, M)
        assert len(w.foldback.copy_images["V"]) == s.columns
        drawn = np.asarray(w.foldback.sum_images["W"].image)
        assert drawn.shape in ((O, M), (M, O))
        assert "update" in w.status_label.text()
