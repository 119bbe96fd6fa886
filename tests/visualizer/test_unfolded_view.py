"""The unfolded view draws what the frame says: checked on rendered pixels."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6 import QtCore, QtGui  # noqa: E402

from visualizer.qt import colormaps as cm  # noqa: E402
from visualizer.qt.unfolded.view import UnfoldedView  # noqa: E402
from visualizer.model.view_frame import ViewFrame  # noqa: E402

W, H = 900, 420
N, M, O, T = 2, 3, 2, 3


def _div_lut():
    """The δ map the view draws with: the light theme's, centred on its white background."""
    from visualizer.qt import theme as qt_theme
    return qt_theme.luts("light")[1]


def pixels(img: QtGui.QImage) -> np.ndarray:
    """(H, W, 4) RGBA copy of a QImage."""
    img = img.convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    return arr.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, : img.width()].copy()


def patch(arr, x, y, r=1):
    xi, yi = int(round(x)), int(round(y))
    return arr[yi - r: yi + r + 1, xi - r: xi + r + 1, :3].reshape(-1, 3).astype(int)


def closest(arr, x, y, rgb, r=1):
    """Smallest colour distance to ``rgb`` among pixels around (x, y)."""
    d = np.abs(patch(arr, x, y, r) - np.asarray(rgb[:3], dtype=int)).max(axis=1)
    return int(d.min())


def base_frame(**kw):
    f = ViewFrame.empty(N, M, O, T, steps=[4, 5, 6], z=[2, 1, 0])
    f.x[:] = 0.5
    f.s[:] = 0.5
    f.y[:] = 0.5
    for k, v in kw.items():
        setattr(f, k, v)
    return f


@pytest.fixture
def view(qtbot):
    v = UnfoldedView()
    qtbot.addWidget(v)
    v.set_structure(N, M, O, T)
    return v


def test_edge_colours_are_the_ends_of_the_diverging_map(view):
    eV = np.full((T, M, N), -2.0)
    eV[1, 2, 0] = 2.0
    view.set_frame(base_frame(edge_V=eV))
    arr = pixels(view.render_to_image(W, H))
    lut = _div_lut()
    red, blue = lut[-1], lut[0]
    assert red[0] > 150 and red[2] < 60 and blue[2] > 150 and blue[0] < 80  # the map is what we think

    px, py = view.view_to_image(*view.edge_midpoint("V", 1, 2, 0), W, H)
    assert closest(arr, px, py, red) <= 12, patch(arr, px, py)

    px, py = view.view_to_image(*view.edge_midpoint("V", 0, 0, 1), W, H)
    assert closest(arr, px, py, blue) <= 12, patch(arr, px, py)
    assert closest(arr, px, py, red) > 100


def test_nan_edges_are_not_drawn(view):
    eV = np.full((T, M, N), 1.0)
    eV[2] = np.nan
    view.set_frame(base_frame(edge_V=eV))
    arr = pixels(view.render_to_image(W, H))
    bg = np.asarray(cm.BACKGROUND[:3])
    for r, c in [(0, 0), (2, 1), (1, 0)]:
        px, py = view.view_to_image(*view.edge_midpoint("V", 2, r, c), W, H)
        assert (patch(arr, px, py, 2) == bg).all(), f"hidden edge V[2,{r},{c}] was drawn"
        # the same edge one column to the left is finite and drawn
        px, py = view.view_to_image(*view.edge_midpoint("V", 1, r, c), W, H)
        assert not (patch(arr, px, py, 1) == bg).all(), "finite edge missing"


def test_u_edge_from_s0_column(view):
    eU = np.full((T, M, M), np.nan)
    eU[0, 1, 2] = -1.0  # s_2(0) -> s_1 in column 0
    view.set_frame(base_frame(edge_U=eU))
    arr = pixels(view.render_to_image(W, H))
    x1, y1, x2, y2 = view.edge_endpoints("U", 0, 1, 2)
    assert (x1, y1) == view.node_position("s", -1, 2)
    assert (x2, y2) == view.node_position("s", 0, 1)
    px, py = view.view_to_image(*view.edge_midpoint("U", 0, 1, 2), W, H)
    assert closest(arr, px, py, _div_lut()[0]) <= 12


def test_node_fill_is_the_lut_colour(view):
    s = np.full((T + 1, M), 0.5)
    s[2, 1] = 0.75  # column 1, unit 1
    s[0, 0] = np.nan  # s(0) unit 0 not revealed
    x = np.full((T, N), 0.5)
    x[0, 1] = -0.6  # diverging x, range (-1.2, 1.2)
    view.set_frame(base_frame(s=s, x=x, node_range_x=(-1.2, 1.2), node_diverging_x=True))
    assert view.node_size_px >= 6
    arr = pixels(view.render_to_image(W, H))
    seq = cm.sequential_lut()
    want = seq[int(round(0.75 * (cm.LUT_SIZE - 1)))]
    px, py = view.view_to_image(*view.node_position("s", 1, 1), W, H)
    assert closest(arr, px, py, want) <= 6, (patch(arr, px, py), want)
    other = seq[int(round(0.5 * (cm.LUT_SIZE - 1)))]
    assert closest(arr, px, py, other, r=0) > 30  # and it is not the neighbours' colour

    want = _div_lut()[int(round(0.25 * (cm.LUT_SIZE - 1)))]
    px, py = view.view_to_image(*view.node_position("x", 0, 1), W, H)
    assert closest(arr, px, py, want) <= 6, (patch(arr, px, py), want)

    px, py = view.view_to_image(*view.node_position("s", -1, 0), W, H)
    c = patch(arr, px, py, 0)[0]
    assert c.min() > 200 and c.max() - c.min() < 10 and (c < 255).any()  # hollow light grey


def test_delta_outline_colour(view):
    ds = np.full((T + 1, M), np.nan)
    ds[3, 0] = 5.0
    view.set_frame(base_frame(delta_s=ds))
    view.render_to_image(W, H)  # sets the render layout
    arr = pixels(view.render_to_image(W, H))
    x, y = view.node_position("s", 2, 0)
    px, py = view.view_to_image(x, y, W, H)
    r = view.node_size_px / 2
    ring = [closest(arr, px + dx, py, _div_lut()[-1], r=0) for dx in np.arange(r - 2.5, r + 0.6, 0.5)]
    assert min(ring) <= 25, ring


@pytest.mark.parametrize("size", [(320, 200), (1600, 600), (1000, 1000), (1234, 567)])
def test_render_size_and_format(view, size):
    view.set_frame(base_frame(edge_V=np.ones((T, M, N))))
    img = view.render_to_image(*size)
    assert (img.width(), img.height()) == size
    assert img.format() == QtGui.QImage.Format.Format_ARGB32_Premultiplied
    assert img.devicePixelRatio() == 1.0


def test_render_does_not_disturb_the_shown_widget(view, qtbot):
    view.resize(700, 380)
    view.show()
    qtbot.waitExposed(view)
    before = view.node_position_scene("s", 1, 1)
    view.render_to_image(1500, 900)
    after = view.node_position_scene("s", 1, 1)
    assert (before.x(), before.y()) == pytest.approx((after.x(), after.y()))


def _shown(view, qtbot):
    view.resize(900, 450)
    view.show()
    qtbot.waitExposed(view)
    eV = np.full((T, M, N), 0.3)
    view.set_frame(base_frame(edge_V=eV))
    qtbot.wait(20)
    return view._glw  # the graphics view whose viewport receives the mouse


def _to_viewport(gv, scene_pt):
    return gv.mapFromScene(scene_pt)


def _move(qtbot, gv, pos):
    """Move the mouse to ``pos`` coming from an empty corner.

    Qt drops a move to the position the cursor already has (it may still be
    there from an earlier test), so go somewhere else first.
    """
    qtbot.mouseMove(gv.viewport(), QtCore.QPoint(2, gv.viewport().height() - 2))
    qtbot.wait(5)
    qtbot.mouseMove(gv.viewport(), pos)


def test_hover_node_emits_layer_column_unit(view, qtbot):
    gv = _shown(view, qtbot)
    calls = []
    view.set_tooltip_provider(lambda kind, *idx: calls.append((kind,) + idx) or f"<b>{kind}</b> {idx}")
    for layer, c, u in [("s", 1, 2), ("y", 2, 0), ("s", -1, 1), ("x", 0, 1)]:
        pos = _to_viewport(gv, view.node_position_scene(layer, c, u))
        with qtbot.waitSignal(view.nodeHovered, timeout=1000) as blocker:
            _move(qtbot, gv, pos)
        assert blocker.args == [layer, c, u]
        assert view.hovered == ("node", layer, c, u)
    assert calls[-1] == ("node", "x", 0, 1)
    # the tooltip follows the frames while hovering
    n = len(calls)
    view.set_frame(base_frame())
    assert len(calls) == n + 1


def test_hover_and_click_edge(view, qtbot):
    gv = _shown(view, qtbot)
    pos = _to_viewport(gv, view.edge_midpoint_scene("V", 1, 0, 1))
    # an edge hidden under another edge's midpoint would make this ambiguous: use a far one
    with qtbot.waitSignal(view.edgeHovered, timeout=1000) as blocker:
        _move(qtbot, gv, pos)
    m, c, row, col = blocker.args
    assert (m, c) == ("V", 1)
    # whatever edge is reported, the cursor must lie on it
    x1, y1, x2, y2 = view.edge_endpoints(m, c, row, col)
    p1 = view._vb.mapViewToScene(QtCore.QPointF(x1, y1))
    p2 = view._vb.mapViewToScene(QtCore.QPointF(x2, y2))
    sp = gv.mapToScene(pos)
    ex, ey = p2.x() - p1.x(), p2.y() - p1.y()
    d = ex * (sp.y() - p1.y()) - ey * (sp.x() - p1.x())
    assert abs(d) / np.hypot(ex, ey) < view.hit_radius_px
    with qtbot.waitSignal(view.edgeClicked, timeout=1000):
        qtbot.mouseClick(gv.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)


def test_click_node(view, qtbot):
    gv = _shown(view, qtbot)
    pos = _to_viewport(gv, view.node_position_scene("y", 1, 1))
    with qtbot.waitSignal(view.nodeClicked, timeout=1000) as blocker:
        qtbot.mouseClick(gv.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["y", 1, 1]


def test_hit_test_ignores_hidden_edges(view):
    view.set_frame(base_frame())  # every edge NaN
    x, y = view.edge_midpoint("V", 1, 0, 1)
    view.render_to_image(W, H)
    assert view.hit_test(x, y) is None


def test_lod_above_limit(qtbot):
    v = UnfoldedView()
    qtbot.addWidget(v)
    n, m, o, t = 8, 96, 8, 10
    v.set_structure(n, m, o, t)
    rng = np.random.default_rng(0)
    f = ViewFrame.empty(n, m, o, t)
    f.edge_V = rng.normal(size=(t, m, n))
    f.edge_U = rng.normal(size=(t, m, m))
    f.edge_W = rng.normal(size=(t, o, m))
    total = t * (m * n + m * m + o * m)
    assert total > 100_000
    v.set_frame(f)
    assert v.drawn_edge_count == v.lod_max_edges
    assert v.lod_message == f"showing strongest {v.lod_max_edges:,} of {total:,} edges"
    # the strongest are the ones drawn
    allv = np.abs(np.concatenate([f.edge_V.ravel(), f.edge_U.ravel(), f.edge_W.ravel()]))
    drawn = np.zeros(total, bool)
    drawn[v._vis_ids] = True
    assert allv[drawn].min() >= allv[~drawn].max()
    # and the notice is on screen: dark red text in the footer strip
    arr = pixels(v.render_to_image(1200, 500))
    foot = arr[-30:, :, :3].astype(int)
    assert ((foot[..., 0] > 120) & (foot[..., 1] < 60) & (foot[..., 2] < 60)).sum() > 30
    # below the limit: everything drawn, no notice
    v.lod_max_edges = 10 ** 9
    v.set_frame(f)
    assert v.drawn_edge_count == total and v.lod_message == ""


def test_structure_mismatch_is_refused(view):
    with pytest.raises(ValueError, match="edge_V"):
        view.set_frame(base_frame(edge_V=np.zeros((T, M, N + 1))))


def test_symmetric_range_helper():
    assert cm.symmetric_range(np.array([np.nan, -3.0, 2.0])) == 3.0
    assert cm.symmetric_range(np.array([np.nan])) == 1e-12
    assert cm.symmetric_range(None, fixed=-0.5) == 0.5
    idx = cm.signed_to_index(np.array([-1.0, 0.0, 1.0, np.nan, 7.0]), 1.0, 64)
    assert idx.tolist() == [0, 32, 63, -1, 63]


# -- issue 10: colour bars, banner ------------------------------------------------------------
def test_colour_bar_ticks_keep_the_whole_exponent_and_fit_their_slot(view):
    bars = view._bars
    huge = (("edges", "x·w", -1.92e154, 1.92e154, True))
    ticks = bars.ticks(*huge[2:])
    assert ticks[0] == "1.92×10¹⁵⁴" and ticks[2] == "−1.92×10¹⁵⁴"
    width = bars.slot_width(huge)
    from visualizer.qt.unfolded.view import _font
    need = bars.BAR_W + 6 + QtGui.QFontMetricsF(_font(11)).horizontalAdvance(ticks[2])
    assert width >= need
    f = base_frame(edge_V=np.full((T, M, N), 1.92e154))
    view.set_frame(f)
    slots = bars._slots
    # each bar starts where the previous one's slot ends: no overlap
    assert all(a[0] + a[1] <= b[0] + 1e-9 for a, b in zip(slots, slots[1:]))
    assert bars.maximumWidth() >= slots[-1][0] + slots[-1][1]


def test_an_edge_scale_without_values_reads_dashes_not_zeros(view):
    view.set_frame(base_frame())          # nothing revealed: all edges NaN
    edge_bar = [b for b in view._bars._bars if b[0] == "edges"][0]
    assert view._bars.ticks(*edge_bar[2:]) == ("—", "0", "—")


def test_the_network_does_not_move_when_the_delta_bar_appears(view):
    view.resize(W, H)
    view.set_frame(base_frame(edge_V=np.full((T, M, N), 0.3)))
    before = view.view_to_image(*view.node_position("s", 0, 0), W, H)
    width = view._bars.maximumWidth()
    d = np.full((T + 1, M), 0.2)
    view.set_frame(base_frame(edge_V=np.full((T, M, N), 0.3), delta_s=d))
    assert [b[0] for b in view._bars._bars][-1] == "outline"
    assert view._bars.maximumWidth() == width
    assert view.view_to_image(*view.node_position("s", 0, 0), W, H) == before


def test_every_phase_after_the_start_has_a_banner(view):
    assert view._banner(base_frame()) is None
    for phase, direction in (("forward", "forward"), ("bptt", "backward"), ("foldback", None),
                             ("update", None)):
        text, _ = view._banner(base_frame(phase=phase, direction=direction))
        assert text
    view.set_frame(base_frame(phase="foldback"))
    arr_fold = pixels(view.render_to_image(W, H))
    view.set_frame(base_frame())
    arr_none = pixels(view.render_to_image(W, H))
    assert np.abs(arr_fold[:90, :400].astype(int) - arr_none[:90, :400]).max() > 60


def test_rows_are_named_by_the_tasks_units(view):
    view.set_frame(base_frame(input_labels=("h", "a very long name of a unit"),
                              output_labels=("next bit", "")))
    assert view.row_label("x", 0) == "h"
    long = view.row_label("x", 1)
    assert long.endswith("…") and len(long) < len("a very long name of a unit")
    assert view.row_label("y", 0) == "next bit"
    assert view.row_label("y", 1) == "1"          # unnamed: numbered
    assert view.row_label("s", 2) == "2"          # hidden units keep their index j
    view.set_frame(base_frame(input_labels=("only one",)))   # a count that does not match
    assert view.row_label("x", 0) == "0"


def test_long_row_labels_widen_the_left_margin_and_are_drawn(view):
    view.resize(W, H)
    view.set_frame(base_frame())
    plain = view.view_to_image(*view.node_position("s", -1, 0), W, H)
    view.set_frame(base_frame(input_labels=("interrupted", "consonantal"),
                              output_labels=("voiced", "back")))
    named = view.view_to_image(*view.node_position("s", -1, 0), W, H)
    assert named[0] > plain[0]                    # room made for the names
    arr = pixels(view.render_to_image(W, H))
    px, py = view.view_to_image(*view.node_position("x", 0, 0), W, H)
    strip = arr[int(py) - 6:int(py) + 7, 0:int(named[0]) - 10, :3].astype(int)
    assert (strip.max(axis=2) < 150).sum() > 20   # dark text left of the network on that row


def test_many_copies_scroll_sideways_at_a_readable_column_width(qtbot):
    from visualizer.qt.unfolded.view import MIN_COLUMN_PX

    v = UnfoldedView()
    qtbot.addWidget(v)
    v.resize(900, 420)
    v.show()
    qtbot.waitExposed(v)
    TT = 40
    v.set_structure(N, M, O, TT)
    f = ViewFrame.empty(N, M, O, TT, steps=list(range(1, TT + 1)), z=list(range(TT - 1, -1, -1)))
    f.x[:] = f.s[:] = f.y[:] = 0.5
    v.set_frame(f)
    assert v.scrolls_sideways
    kx, _ = v._px_per_unit()
    assert kx >= MIN_COLUMN_PX - 1e-6
    (x0, x1), _ = v._vb.viewRange()
    assert x1 >= TT - 1                            # starts at the last copies
    f.active_column = 0                            # stepping the forward pass: column 0 shown
    v.set_frame(f)
    (x0, x1), _ = v._vb.viewRange()
    assert x0 <= -0.5 and x1 >= 0.5
    v._hbar.setValue(v._hbar.maximum())            # the scroll bar moves the columns
    (x0b, x1b), _ = v._vb.viewRange()
    assert x0b > x0 and x1b >= TT - 1
    # a picture still shows every copy
    img = pixels(v.render_to_image(1200, 500))
    for c in (0, TT - 1):
        px, py = v.view_to_image(*v.node_position("s", c, 0), 1200, 500)
        assert 0 <= px < 1200
    assert v.scrolls_sideways                      # and the widget keeps scrolling after it
    assert img.shape[1] == 1200


def test_few_copies_do_not_scroll(view):
    view.resize(W, H)
    view.set_frame(base_frame())
    assert not view.scrolls_sideways


def test_at_960x540_every_colour_bar_and_its_ticks_fit_the_picture(view):
    """Issue 10, item 6: the README's export size clipped the fourth colour bar."""
    d = np.full((T + 1, M), 3.3e-7)
    big = np.full((T, M, N), -1.92e154)
    # s on tanh's signed scale: a fill bar of its own, four bars in all
    view.set_frame(base_frame(edge_V=big, delta_s=d, node_range_s=(-1.0, 1.0),
                              node_diverging_s=True))
    assert len(view._bars._bars) == 4
    with view._layout_at(960, 540):
        right = view._bars.mapRectToScene(view._bars.boundingRect()).right()
        x0, w = view._bars._slots[-1]
        last = view._bars.mapToScene(QtCore.QPointF(4 + x0 + w, 0)).x()
        net_right = view._vb.mapViewToScene(QtCore.QPointF(*view.node_position("y", T - 1, 0))).x()
    assert right <= 960 and last <= 960 + 1e-6
    assert net_right < right - view._bars.boundingRect().width()   # the network left of the bars


def test_exported_foldback_says_nothing_about_clicking(qtbot):
    from visualizer.model.config import default_config
    from visualizer.model.session import Session
    from visualizer.qt.panels.foldback import FoldbackPanel

    s = Session(default_config())
    s.step()
    for scroll, hint in ((True, True), (False, False)):
        p = FoldbackPanel(s, scroll=scroll)
        qtbot.addWidget(p)
        p.flush()
        p.refresh()
        assert ("Click a cell" in p.caption.text()) == hint
        p.detach()
