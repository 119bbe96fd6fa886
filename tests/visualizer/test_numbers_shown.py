"""Numbers shown whole (issue 10, item 7): the cost axis never shows an offset or a factor a
reader must apply, its ticks go through explain.fmt; the status message never spills."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from visualizer.model.config import default_config  # noqa: E402
from visualizer.model.session import Session  # noqa: E402
from visualizer.qt.cost_plot import CostPlot, PlainAxis  # noqa: E402


@pytest.fixture
def plot(qtbot):
    p = CostPlot(Session(default_config()))
    qtbot.addWidget(p)
    p.resize(500, 260)
    p.show()
    return p


def test_ticks_are_whole_numbers(qtbot):
    a = PlainAxis("left")
    assert a.tickStrings([0.63, 0.64, 0.65], 1, 0.01) == ["0.63", "0.64", "0.65"]
    assert a.tickStrings([0.6305, 0.631], 1, 0.0005) == ["0.6305", "0.631"]
    assert a.tickStrings([2e273, 6e273], 1, 2e273) == ["2×10²⁷³", "6×10²⁷³"]
    assert a.tickStrings([0, 200, 400], 1, 200) == ["0", "200", "400"]
    a.setLogMode(False, True)
    assert a.tickStrings([-2, 0, 1], 1, 1) == ["0.01", "1", "10"]


@pytest.mark.parametrize("values", [[6.3e273, 6.5e273, 6.7e273], [0.630, 0.650, 0.670],
                                    [0.6301, 0.6302, 0.6303]])
def test_the_cost_axis_label_carries_no_factor(plot, qtbot, values):
    pi = plot.plot.getPlotItem()
    pi.plot([0, 1, 2], values)
    pi.getViewBox().autoRange()
    qtbot.wait(20)
    for name in ("left", "bottom"):
        ax = pi.getAxis(name)
        assert isinstance(ax, PlainAxis)
        label = ax.labelString()
        assert "x1e" not in label and "x0.0" not in label and "(" not in label.split("cost")[-1], \
            label
        lo, hi = ax.range
        for level in ax.tickValues(lo, hi, 300):
            for text in ax.tickStrings(level[1], ax.scale, level[0]):
                assert "e+" not in text and "e-" not in text, text


def test_a_long_status_message_stops_before_the_permanent_fields(qtbot):
    from visualizer.qt.main_window import MainWindow

    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    w.resize(1280, 700)
    w.show()
    qtbot.waitExposed(w)
    long = "η and clipping apply from this update on " * 20
    w.show_message(long)
    bar = w.statusBar()
    shown = bar.currentMessage()
    assert shown != long and shown.endswith("…")
    assert bar.toolTip() == long
    left_of_fields = w.status_label.mapTo(bar, w.status_label.rect().topLeft()).x()
    assert bar.fontMetrics().horizontalAdvance(shown) < left_of_fields
    w.show_message("Paused")
    assert bar.currentMessage() == "Paused" and bar.toolTip() == ""
