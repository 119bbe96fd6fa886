"""For the lecture hall: zoom, themes, presentation mode, vector export and lessons, on rendered pixels and files."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import subprocess  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

from visualizer.model import lesson as L  # noqa: E402
from visualizer.model import themes as T  # noqa: E402
from visualizer.model.frames import build_frame  # noqa: E402
from visualizer.model.session import Session  # noqa: E402
from visualizer.qt import theme as qt_theme  # noqa: E402
from visualizer.qt.unfolded.view import UnfoldedView  # noqa: E402

SMALL_LESSON = """
version = 1
title = "Three steps"

[[scene]]
title = "Start"
task = "hello"
start = { update = 1, micro = 0 }
hold = 1
panels = ["foldback"]
highlight = ["s_2(1)", { copy = 2 }]
caption = "The **first** scene: nothing computed yet."

[[scene]]
title = "Forward"
step = 3
speed = 4
panels = ["cost", "inspector"]
highlight = [{ matrix = "U", row = 0, col = 1, t = 2 }]
caption = "Three micro-steps of the forward pass."
"""


@pytest.fixture(autouse=True)
def restore_app(qapp):
    """Theme and zoom change the application: put it back for the other tests."""
    font = QtGui.QFont(qapp.font())
    style = qapp.style().name()
    palette = QtGui.QPalette(qapp.palette())
    yield
    qapp.setFont(font)
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setPalette(palette)
    qt_theme.apply_to_app(T.DEFAULT_THEME, None)
    qt_theme.set_current(T.DEFAULT_THEME)


def pixels(img: QtGui.QImage) -> np.ndarray:
    img = img.convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(img.constBits(), dtype=np.uint8, count=img.sizeInBytes())
    return arr.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, :img.width()].copy()


def small_lesson(tmp_path=None):
    return L.loads(SMALL_LESSON, base_dir=tmp_path)


def stepped_session(n=5):
    s = Session()
    for _ in range(n):
        s.step()
    return s


def view_for(session, theme="light", scale=1.0):
    v = UnfoldedView()
    v.set_style(theme, scale)
    v.set_structure(session.net.N, session.net.M, session.net.O, session.columns)
    v.set_frame(build_frame(session))
    return v


def ink_rows(arr, colour, region, tol=40):
    """Rows of ``region`` (x0, y0, x1, y1) holding pixels near ``colour``: (first, last) or None."""
    x0, y0, x1, y1 = region
    sub = arr[y0:y1, x0:x1, :3].astype(int)
    near = (np.abs(sub - np.asarray(colour)).max(axis=2) <= tol).any(axis=1)
    rows = np.flatnonzero(near)
    return (rows[0] + y0, rows[-1] + y0) if rows.size else None


def run_width(arr, x, y, background, tol=12):
    """Width of the run of non-background pixels through (x, y) along the row."""
    row = arr[int(round(y)), :, :3].astype(int)
    off = np.abs(row - np.asarray(background)).max(axis=1) > tol
    xi = int(round(x))
    if not off[xi]:
        return 0
    a = xi
    while a > 0 and off[a - 1]:
        a -= 1
    b = xi
    while b < len(row) - 1 and off[b + 1]:
        b += 1
    return b - a + 1


# -- zoom -----------------------------------------------------------------------------------

def test_zoom_enlarges_drawn_text_and_nodes(qapp):
    s = stepped_session(3)
    W, H = 1600, 1000
    measured = {}
    for k in (1.0, 2.0):
        v = view_for(s, "light", k)
        arr = pixels(v.render_to_image(W, H))
        th = v.theme
        # the title line (foreground colour) in the header band
        first, last = ink_rows(arr, th.foreground, (0, 0, W // 2, round(30 * k)))
        # an input node (filled: 0 and 1 are dark and light on the sequential map): its drawn width
        px, py = v.view_to_image(*v.node_position("x", 0, 0), W, H)
        node = run_width(arr, px, py, th.background)
        measured[k] = (last - first + 1, node, v.node_size_px)
        v.deleteLater()
    text1, node1, size1 = measured[1.0]
    text2, node2, size2 = measured[2.0]
    assert 1.6 <= text2 / text1 <= 2.4, measured
    # nodes grow as far as the rows of units leave room (the layout, not the zoom, bounds them)
    assert size2 > 1.25 * size1 and node2 > 1.25 * node1, measured


def test_zoom_controller_steps_clamps_and_remembers(qapp):
    from visualizer.qt.zoom import ZoomController
    z = ZoomController()
    seen = []
    z.changed.connect(seen.append)
    base = qapp.font().pointSizeF()
    assert z.zoom_in() == 1.1 and seen[-1] == 1.1
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.1, rel=0.02)
    for _ in range(20):
        z.zoom_in()
    assert z.factor == T.ZOOM_LIMITS[1]
    for _ in range(20):
        z.zoom_out()
    assert z.factor == T.ZOOM_LIMITS[0]
    z.set_factor(2.0)
    assert ZoomController().factor == 2.0          # remembered in QSettings
    z.reset()
    assert z.factor == 1.0 and ZoomController().factor == 1.0
    assert qapp.font().pointSizeF() == pytest.approx(base, rel=0.02)


@pytest.fixture
def window(qtbot):
    from visualizer.qt import lecture
    from visualizer.qt.main_window import MainWindow
    w = MainWindow(Session(), restore=False)
    qtbot.addWidget(w)
    assert isinstance(w.lecture, lecture.Lecture)       # the window installs it itself
    yield w
    w.lecture.detach()


def _cut_off(widget) -> list:
    """Visible labels and buttons narrower or lower than their text needs."""
    bad = []
    for w in widget.findChildren(QtWidgets.QWidget):
        if not w.isVisible() or w.width() <= 0 or w.visibleRegion().isEmpty():   # e.g. a tab not on show
            continue
        if isinstance(w, (QtWidgets.QLabel, QtWidgets.QAbstractButton)) and w.text() \
                and not getattr(w, "wordWrap", lambda: False)():
            if isinstance(w, QtWidgets.QLabel) and w.textFormat() == QtCore.Qt.TextFormat.RichText:
                continue
            need = w.minimumSizeHint()
            if w.width() + 1 < need.width() or w.height() + 1 < need.height():
                bad.append((type(w).__name__, w.objectName(), w.text()[:30], w.size().toTuple(),
                            need.toTuple()))
    return bad


def test_nothing_is_cut_off_at_200_percent_on_a_1600x1000_screen(window, qtbot):
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.lecture.zoom.set_factor(2.0)
    window.resize(1600, 1000)
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    # the window's layout fits the screen: it did not have to grow past it
    assert window.width() <= 1600 and window.height() <= 1000, window.size()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1600 and hint.height() <= 1000, hint
    # every toolbar action is on the bar, not folded into the overflow menu
    for tb in window.findChildren(QtWidgets.QToolBar):
        if tb.isVisible():
            for a in tb.actions():
                if a.isSeparator() or not a.isVisible():
                    continue
                wd = tb.widgetForAction(a)
                assert wd is None or wd.isVisible(), a.text()
    assert _cut_off(window) == []
    # and each tabbed dock, when its tab is brought up
    for dock in window.findChildren(QtWidgets.QDockWidget):
        if window.tabifiedDockWidgets(dock):
            dock.raise_()
            for _ in range(3):
                QtWidgets.QApplication.processEvents()
            assert _cut_off(dock) == [], dock.objectName()
    # the view drew zoomed: the colour bars' labels lie inside the picture
    v = window.view
    assert v.scale == 2.0
    arr = pixels(v.render_to_image(max(v.width(), 200), max(v.height(), 200)))
    right = arr[:, -3:, :3].astype(int)
    assert (np.abs(right - np.asarray(v.theme.background)).max(axis=2) <= 12).all()


# -- themes ---------------------------------------------------------------------------------

def _text_regions(view, W, H):
    """Pixel boxes of text in a view rendered W x H: title, legend, a colour bar's tick labels."""
    k = view.scale
    bars = view._bars.sceneBoundingRect()
    x_tick = int(bars.left() + 4 * k + view._bars.BAR_W * k + 5 * k)
    return {"title": (0, 0, W // 2, round(24 * k)),
            "legend": (0, H - round(22 * k), W // 2, H),
            "colour bar ticks": (x_tick, int(bars.top() + 30 * k), x_tick + round(40 * k), int(bars.bottom())),
            "colour bar titles": (int(bars.left()), int(bars.top()), int(bars.right()), int(bars.top() + 34 * k))}


@pytest.mark.parametrize("name", T.THEMES)
def test_each_theme_renders_text_above_aa_and_zero_at_the_background(qapp, name):
    th = T.theme(name)
    s = stepped_session(len(Session().timeline) - 3)      # into BPTT: δ outlines and their colour bar
    W, H = 1200, 640
    v = view_for(s, name, 1.0)
    arr = pixels(v.render_to_image(W, H))
    assert tuple(arr[2, W - 2, :3]) == th.background
    for what, box in _text_regions(v, W, H).items():
        ratio = T.text_contrast(arr, th.background, region=box)
        assert ratio >= T.AA_TEXT, f"{name}: {what} at {ratio:.2f} : 1"
    # the δ map's zero is the background: s(0) = 0 is drawn in the background colour (tanh: diverging fill)
    assert s.config.hidden == "tanh"
    px, py = v.view_to_image(*v.node_position("s", -1, 0), W, H)
    centre = arr[int(round(py)), int(round(px)), :3].astype(int)
    assert np.abs(centre - np.asarray(th.background)).max() <= 3, (name, centre)
    seq, div = qt_theme.luts(name)
    assert tuple(div[len(div) // 2, :3]) == th.background


@pytest.mark.parametrize("name", T.THEMES)
def test_each_theme_export_frame_with_panels_passes_contrast(qapp, name):
    from visualizer.qt.export_canvas import ExportCanvas
    th = T.theme(name)
    s = stepped_session(6)
    c = ExportCanvas(panels=("foldback", "vanishing"), theme=name)
    try:
        W, H = 1280, 720
        arr = pixels(c.render(s, W, H))
        rects = c.layout_rects(W, H)
    finally:
        c.detach()
    cost = rects["cost"]
    # the cost plot's info line and axis labels are text in the theme's colours
    info = (cost.left() + cost.width() // 2, cost.top(), cost.right(), cost.top() + 20)
    axis = (cost.left(), cost.bottom() - 30, cost.right(), cost.bottom())
    for what, box in (("cost info", info), ("cost axis", axis)):
        assert T.text_contrast(arr, th.background, region=box) >= T.AA_TEXT, (name, what)
    # and the backgrounds are the theme's, panels included
    fb = rects["foldback"]
    assert tuple(arr[fb.top() + 3, fb.left() + 3, :3]) == th.background


def test_theme_controller_switches_remembers_and_paints_the_palette(qapp):
    ctl = qt_theme.ThemeController()
    seen = []
    ctl.changed.connect(lambda t: seen.append(t.name))
    ctl.set_theme("dark")
    assert seen == ["dark"] and qt_theme.current().name == "dark"
    win = qapp.palette().color(QtGui.QPalette.ColorRole.Window)
    assert (win.red(), win.green(), win.blue()) == T.theme("dark").background
    assert qt_theme.ThemeController().name == "dark"           # remembered
    assert qt_theme.ThemeController(name="high-contrast").name == "high-contrast"   # --theme wins
    with pytest.raises(ValueError, match="valid choices"):
        ctl.set_theme("sepia")


def test_window_theme_menu_recolours_view_and_plots(window, qtbot):
    acts = {n: window.findChild(QtGui.QAction, "actionTheme_" + n.replace("-", "_")) for n in T.THEMES}
    assert all(acts.values())
    acts["dark"].trigger()
    assert window.view.theme.name == "dark"
    img = pixels(window.view.render_to_image(400, 300))
    assert tuple(img[2, 398, :3]) == T.theme("dark").background
    bg = window.cost_plot.plot.backgroundBrush().color()
    assert (bg.red(), bg.green(), bg.blue()) == T.theme("dark").background
    zin = window.findChild(QtGui.QAction, "actionZoomIn")
    assert QtGui.QKeySequence("Ctrl+=") in zin.shortcuts()
    zin.trigger()
    zin.trigger()
    assert window.view.scale == pytest.approx(1.25)
    axis = window.cost_plot.plot.getPlotItem().getAxis("bottom")
    assert axis.style["tickFont"].pixelSize() == round(11 * 1.25)       # the cost plot zooms too
    window.findChild(QtGui.QAction, "actionZoomReset").trigger()
    assert window.view.scale == 1.0


# -- vector export --------------------------------------------------------------------------

def test_svg_of_a_frame_parses_and_keeps_labels_as_text_and_nodes_as_shapes(qapp, tmp_path):
    from visualizer.qt import vector_export as ve
    from visualizer.qt.export_canvas import ExportCanvas
    s = stepped_session(4)
    c = ExportCanvas(theme="dark")
    path = tmp_path / "frame.svg"
    ve.write_svg(str(path), lambda p: c.paint(p, s, 1280, 720), 1280, 720, title="frame")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    tags = [e.tag.split("}")[-1] for e in root.iter()]
    texts = {"".join(e.itertext()).strip() for e in root.iter() if e.tag.endswith("text")}
    for label in ("x(t)", "s(t)", "y(t)", "t=1", "t=4"):
        assert label in texts, label
    n_nodes = s.columns * (s.net.N + s.net.O) + (s.columns + 1) * s.net.M
    assert tags.count("path") >= n_nodes            # one vector shape per node, not a pixmap
    assert tags.count("polyline") + tags.count("path") > n_nodes   # and the edges as lines
    assert root.get("viewBox").split()[-2:] == ["1280", "720"]


def test_view_part_and_panel_export_from_the_window(window, tmp_path):
    lec = window.lecture
    for part, ext in (("view", ".svg"), ("view", ".pdf"), ("cost", ".svg"), ("frame", ".png")):
        path = lec.export_to(str(tmp_path / f"{part}{ext}"), part)
        assert os.path.getsize(path) > 500
    ET.parse(tmp_path / "view.svg")
    assert (tmp_path / "view.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(ValueError, match=".svg, .pdf or .png"):
        lec.export_to(str(tmp_path / "view.txt"), "view")
    lec.copy_view()
    img = QtWidgets.QApplication.clipboard().image()
    assert not img.isNull() and img.width() >= 64


def _pdf_pages(path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
    data = open(path, "rb").read()
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def test_lesson_pdf_has_one_page_per_frame_and_svgs_one_file_each(qapp, tmp_path):
    from visualizer.qt.lesson_canvas import render_lesson
    les = small_lesson(tmp_path)
    n = L.rehearse(les)
    res = render_lesson(les, size=(640, 360), theme="high-contrast", pdf=str(tmp_path / "h.pdf"),
                        svg_dir=str(tmp_path / "svg"))
    assert res["frames"] == n == 1 + 1 + 3
    assert _pdf_pages(tmp_path / "h.pdf") == n
    svgs = sorted(os.listdir(tmp_path / "svg"))
    assert svgs == [f"frame_{i:05d}.svg" for i in range(1, n + 1)]
    root = ET.parse(tmp_path / "svg" / svgs[0]).getroot()
    texts = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
    assert "Scene 1 of 2" in texts and "first" in texts     # the caption is text too


def test_a_lesson_renders_twice_to_identical_frames(qapp, tmp_path):
    from visualizer.qt.lesson_canvas import render_lesson
    les = small_lesson(tmp_path)
    for run in ("a", "b"):
        render_lesson(les, size=(640, 360), theme="dark", scale=1.25, png_dir=str(tmp_path / run),
                      gif=str(tmp_path / f"{run}.gif"))
    a = sorted(os.listdir(tmp_path / "a"))
    assert a == sorted(os.listdir(tmp_path / "b")) and len(a) == 5
    for name in a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a.gif").read_bytes() == (tmp_path / "b.gif").read_bytes()
    # and the frames differ from one another (the lesson moved)
    assert (tmp_path / "a" / a[1]).read_bytes() != (tmp_path / "a" / a[-1]).read_bytes()


def test_lesson_frame_shows_highlight_and_caption(qapp):
    from visualizer.qt.lesson_canvas import CAPTION_SHARE, LessonCanvas
    les = small_lesson()
    s = Session()
    frame = next(L.play(les, s))
    canvas = LessonCanvas(les, size=(900, 600), theme="light")
    try:
        arr = pixels(canvas.render(s, frame))
        view = canvas._canvas(les.scenes[0], s).view
    finally:
        canvas.close()
    th = T.theme("light")
    assert view.highlights[0] == ("node", "s", 0, 2)      # t = 1 is the first column
    band_top = 600 - round(600 * CAPTION_SHARE)
    assert T.text_contrast(arr, th.background, region=(0, band_top + 4, 900, 600)) >= T.AA_TEXT
    # the highlight colour is drawn (the ring round s_2(1))
    hl = np.abs(arr[:band_top, :, :3].astype(int) - np.asarray(th.highlight)).max(axis=2) <= 10
    assert hl.sum() > 30


def test_movie_clock_carries_rounding():
    from visualizer.export.vector import repeats
    r = repeats([0.25, 0.25, 0.25, 0.25], 10)      # 2.5 frames each: 2s and 3s, no drift
    assert sum(r) == 10 and set(r) == {2, 3}
    assert sum(repeats([1 / 3] * 30, 10)) == 100
    assert repeats([0.0, 0.0], 10) == [1, 1]
    with pytest.raises(ValueError, match="fps"):
        repeats([1.0], 0)


# -- presentation mode ------------------------------------------------------------------------

def test_presentation_keys_step_the_session_blank_and_leave(qtbot):
    from visualizer.qt.presentation import PresentationWindow
    s = Session()
    pw = PresentationWindow(s, panel="vanishing", theme="dark", scale=1.5)
    qtbot.addWidget(pw)
    pw.resize(1200, 800)
    pw.show()
    left = []
    pw.left.connect(lambda: left.append(True))
    K = QtCore.Qt.Key
    qtbot.keyClick(pw, K.Key_PageDown)
    qtbot.keyClick(pw, K.Key_Right)
    assert s.position == 2
    assert "y(1)" in pw.sentence.text()            # what the micro-step just did, in one sentence
    qtbot.keyClick(pw, K.Key_PageUp)
    assert s.position == 1 and "s(1)" in pw.sentence.text()
    qtbot.keyClick(pw, K.Key_B)
    assert pw.blanked and pw.blank.isVisible()
    qtbot.keyClick(pw, K.Key_PageDown)             # a blank screen does not step unseen
    assert s.position == 1
    qtbot.keyClick(pw, K.Key_B)
    assert not pw.blanked
    qtbot.keyClick(pw, K.Key_P)
    assert pw.panel_name == "cost"
    f = pw.sentence.font()
    assert f.pixelSize() >= 30                       # large: 24 px at 100 %, zoomed 150 %, fitted
    qtbot.keyClick(pw, K.Key_Escape)
    assert left == [True] and not pw.isVisible()
    s.step()                                         # it stopped following the session
    assert s.position == 2


def test_presentation_plays_a_lesson_scene_by_scene(qtbot):
    from visualizer.qt.lesson_player import LessonPlayer
    from visualizer.qt.presentation import PresentationWindow
    s = Session()
    les = small_lesson()
    player = LessonPlayer(les, s, timed=False)
    assert player.start(0)
    pw = PresentationWindow(s, player=player)
    qtbot.addWidget(pw)
    pw.show()
    assert player.scene == 0 and pw.panel_name == "foldback"
    assert "first" in pw.caption.text() and pw.title_label.text().startswith("1/2")
    qtbot.keyClick(pw, QtCore.Qt.Key.Key_PageDown)
    assert player.scene == 1 and pw.panel_name == "cost"      # the scene's first panel
    player.finish_scene()
    assert s.position == 3
    qtbot.keyClick(pw, QtCore.Qt.Key.Key_PageUp)
    assert player.scene == 0 and s.position == 0 and s.status()["update"] == 1
    pw.close()


def test_window_lesson_clicker_keys_and_captions(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "three.toml"
    path.write_text(SMALL_LESSON, encoding="utf-8")
    lec = window.lecture
    assert lec.open_lesson(str(path))
    assert lec.caption_dock.isVisible() is not None
    assert "first" in lec.caption_label.text()
    assert window.view.highlights
    lec.player.timed = False
    window.findChild(QtGui.QAction, "actionNextScene").trigger()
    assert lec.player.scene == 1 and "Three" in lec.caption_label.text()
    lec.player.finish_scene()
    assert window.session.position == 3
    window.findChild(QtGui.QAction, "actionPreviousScene").trigger()
    assert lec.player.scene == 0 and window.session.position == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(SMALL_LESSON.replace("step = 3", "stpe = 3"), encoding="utf-8")
    warned = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    assert not lec.open_lesson(str(bad))
    assert warned == ["bad.toml: scene 2 ('Forward'): unknown field 'stpe' (did you mean 'step'?)"]
    assert lec.player.scene == 0 and window.session.position == 0     # the open lesson stays


def test_step_sentences_name_the_micro_step():
    from visualizer.model.step_sentence import sentence
    s = Session()
    said = [sentence(s)]
    while s.step():
        said.append(sentence(s))
        if s.applied:
            break
    assert said[0].startswith("Nothing is computed yet")
    assert any("BPTT starts" in t for t in said) and any("ΔU" in t for t in said)
    assert said[-1].startswith("The weights change")
    assert all("{" not in t for t in said)


def test_vector_planning_imports_no_qt():
    import sys
    code = ("import sys, visualizer.export.vector, visualizer.model.step_sentence; "
            "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    assert out.stdout.strip() == "False", out.stderr


# -- the command line ---------------------------------------------------------------------------

def _cli(argv, capsys):
    from visualizer.cli import main
    rc = main(argv)
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


@pytest.mark.parametrize("body, says", [
    (SMALL_LESSON.replace("step = 3", "stpe = 3"), "scene 2 ('Forward'): unknown field 'stpe'"),
    (SMALL_LESSON.replace("step = 3", "step = -1"), "scene 2 ('Forward'):"),
    (SMALL_LESSON.replace('task = "hello"', 'workspace = "missing.rnnu"'), "scene 1 ('Start'):"),
    (SMALL_LESSON.replace("step = 3", "start = { micro = 500 }"), "scene 2 ('Forward'): micro-step 500"),
    # ^ only playing finds it: the update has fewer micro-steps
])
def test_malformed_lessons_exit_2_with_one_line_and_write_nothing(tmp_path, capsys, body, says):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    rc, stdout, err = _cli(["export", "--lesson", str(path), "--pdf", str(tmp_path / "h.pdf"),
                            "--out", str(out)], capsys)
    assert rc == 2 and stdout == ""
    assert err.count("\n") == 1 and says in err and err.startswith("rnn-unfold export: "), err
    assert not out.exists() and not (tmp_path / "h.pdf").exists()


def test_missing_lesson_file_and_bad_options_exit_2(tmp_path, capsys):
    for argv, says in ((["--lesson", str(tmp_path / "nope.toml"), "--pdf", str(tmp_path / "a.pdf")],
                        "nope.toml: cannot be read"),
                       (["--lesson", str(tmp_path / "nope.toml")], "nothing to write"),
                       (["--task", "hello", "--out", str(tmp_path / "f"), "--scale", "9"], "--scale"),
                       (["--lesson", "x.toml", "--task", "hello", "--pdf", "a.pdf"], "drop --task")):
        rc, stdout, err = _cli(["export", *argv], capsys)
        assert rc == 2 and err.count("\n") == 1 and says in err, (argv, err)


def test_cli_renders_a_lesson_and_vector_frames(tmp_path, capsys):
    path = tmp_path / "three.toml"
    path.write_text(SMALL_LESSON, encoding="utf-8")
    rc, stdout, err = _cli(["export", "--lesson", str(path), "--size", "480x270", "--theme", "dark",
                            "--scale", "1.5", "--pdf", str(tmp_path / "h.pdf"), "--out", str(tmp_path / "png")],
                           capsys)
    assert rc == 0, err
    assert "Three steps: 5 frames of 480x270" in stdout
    assert _pdf_pages(tmp_path / "h.pdf") == 5 and len(os.listdir(tmp_path / "png")) == 5
    # without a lesson: the exported frames as SVG files and PDF pages too
    rc, stdout, err = _cli(["export", "--task", "hello", "--updates", "1", "--every", "phase",
                            "--size", "480x270", "--theme", "high-contrast", "--svg", str(tmp_path / "svg"),
                            "--pdf", str(tmp_path / "f.pdf")], capsys)
    assert rc == 0, err
    svgs = sorted(os.listdir(tmp_path / "svg"))
    assert svgs and svgs[0] == "frame_00001.svg"
    assert _pdf_pages(tmp_path / "f.pdf") == len(svgs)
    ET.parse(tmp_path / "svg" / svgs[-1])
