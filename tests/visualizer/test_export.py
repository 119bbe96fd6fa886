"""Export engine, canvas and dialog: sizes, counts, determinism, GIF/MP4, cancel, the window untouched."""
import glob
import importlib.util
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from visualizer import export as ex  # noqa: E402
from visualizer.model.session import Config, Session  # noqa: E402

W, H = 480, 270
HAS_VIDEO = importlib.util.find_spec("imageio_ffmpeg") is not None and importlib.util.find_spec("imageio") is not None


@pytest.fixture
def session():
    return Session(Config.for_task("hello", seed=0))


@pytest.fixture
def render(qapp):
    from visualizer.qt.export_canvas import ExportCanvas
    canvas = ExportCanvas(size=(W, H))
    yield lambda s: canvas.render(s, W, H)
    canvas.deleteLater()


def run_export(session, render, tmp_path, name="out", **kw):
    kw.setdefault("png_dir", str(tmp_path / name))
    kw.setdefault("size", (W, H))
    job = ex.Export(session, ex.ExportSettings(**kw), render)
    return job, job.run()


def pngs(folder):
    return sorted(glob.glob(os.path.join(str(folder), "frame_*.png")))


def rgb(path):
    return np.asarray(Image.open(path).convert("RGB"))


def no_temp_files(folder):
    return [n for n in os.listdir(folder) if n.endswith(".part")] == []


# ---------------------------------------------------------------------- schedule
def test_schedule_counts(session):
    L = len(session.timeline)
    assert ex.count_frames(session, "updates", "step", 1) == 1 + L
    assert ex.count_frames(session, "updates", "update", 3) == 4
    phases = ex.count_frames(session, "updates", "phase", 1)
    assert 1 < phases <= 6
    assert ex.count_frames(session, "until", "step") is None
    assert session.position == 0 and session.trainer.updates == 0     # counting used a copy


def test_current_update_is_replayed_from_its_first_micro_step(session):
    for _ in range(5):
        session.step()
    n = ex.count_frames(session, "update", "step")
    assert n == 1 + len(session.timeline)
    assert session.position == 5


def test_copy_session_has_no_listeners_and_the_same_future(session):
    seen = []
    session.events.connect("frame", lambda *a: seen.append(1))
    c = session.copy()
    c.next_update()
    assert seen == []
    session.next_update()
    for name in ("V", "U", "W"):
        np.testing.assert_array_equal(getattr(c.net, name), getattr(session.net, name))


# ---------------------------------------------------------------------- PNG
def test_png_frames_have_the_size_and_count_and_consecutive_frames_differ(session, render, tmp_path):
    before = {k: v.copy() for k, v in session.net.params().items()}
    pos = session.position
    job, res = run_export(session, render, tmp_path)
    files = pngs(tmp_path / "out")
    assert res.frames == len(files) == job.total == 1 + len(session.timeline)
    assert [os.path.basename(f) for f in files[:2]] == ["frame_00001.png", "frame_00002.png"]
    imgs = [rgb(f) for f in files]
    assert all(a.shape == (H, W, 3) for a in imgs)
    for i in range(1, len(imgs)):
        assert np.any(imgs[i] != imgs[i - 1]), f"frames {i} and {i + 1} are the same"
    # the window's session did not move
    assert session.position == pos and session.trainer.updates == 0
    for k, v in session.net.params().items():
        np.testing.assert_array_equal(v, before[k])


def test_two_runs_are_byte_identical_png_and_gif(session, render, tmp_path):
    out = []
    for name in ("a", "b"):
        gif = tmp_path / f"{name}.gif"
        run_export(session, render, tmp_path, name=name, every="phase", updates=2, gif=str(gif))
        out.append(([open(f, "rb").read() for f in pngs(tmp_path / name)], gif.read_bytes()))
    assert out[0][0] == out[1][0]
    assert out[0][1] == out[1][1]
    assert b"tIME" not in out[0][0][0] and b"tEXt" not in out[0][0][0]


def test_gif_holds_every_frame_with_its_duration(session, render, tmp_path):
    gif = tmp_path / "m.gif"
    _, res = run_export(session, render, tmp_path, png_dir=None, gif=str(gif), fps=12.5)
    im = Image.open(gif)
    assert im.n_frames == res.frames and im.size == (W, H)
    assert im.info.get("loop") == 0
    durations = []
    for i in range(im.n_frames):
        im.seek(i)
        durations.append(im.info["duration"])
    assert durations == [80] * res.frames
    assert no_temp_files(tmp_path)


@pytest.mark.skipif(not HAS_VIDEO, reason="the video extra (imageio, imageio-ffmpeg) is not installed")
def test_mp4_is_written_with_every_frame_padded_to_even(session, render, tmp_path):
    import imageio.v3 as iio
    mp4 = tmp_path / "m.mp4"
    w, h = 321, 181

    from visualizer.qt.export_canvas import ExportCanvas
    canvas = ExportCanvas(size=(w, h))
    job = ex.Export(session, ex.ExportSettings(mp4=str(mp4), size=(w, h), every="phase"),
                    lambda s: canvas.render(s, w, h))
    res = job.run()
    frames = iio.imread(mp4, plugin="pyav") if importlib.util.find_spec("av") else \
        np.stack(list(iio.imiter(mp4, plugin="FFMPEG")))
    assert len(frames) == res.frames > 1
    assert frames.shape[1:3] == (h + 1, w + 1)
    assert no_temp_files(tmp_path)


def test_cancel_keeps_the_pngs_and_writes_no_movie(session, render, tmp_path):
    gif = tmp_path / "c.gif"
    mp4 = tmp_path / "c.mp4"
    holder = {}

    def progress(done, total):
        if done == 3:
            holder["job"].cancel()

    settings = ex.ExportSettings(png_dir=str(tmp_path / "out"), gif=str(gif),
                                 mp4=str(mp4) if HAS_VIDEO else None, size=(W, H))
    job = ex.Export(session, settings, render, progress=progress)
    holder["job"] = job
    res = job.run()
    assert res.cancelled and res.frames == 3
    assert len(pngs(tmp_path / "out")) == 3
    assert not gif.exists() and not mp4.exists()
    assert no_temp_files(tmp_path) and no_temp_files(tmp_path / "out")


def test_a_previous_sequence_in_the_folder_is_replaced(session, render, tmp_path):
    run_export(session, render, tmp_path, every="step")
    (tmp_path / "out" / "notes.txt").write_text("mine")
    _, res = run_export(session, render, tmp_path, every="update")
    assert len(pngs(tmp_path / "out")) == res.frames == 2
    assert (tmp_path / "out" / "notes.txt").read_text() == "mine"


# ---------------------------------------------------------------------- settings
@pytest.mark.parametrize("changes, words", [
    (dict(size=(0, 720)), "size must be between"),
    (dict(fps=0), "fps must be between"),
    (dict(updates=0), "updates must be"),
    (dict(png_dir=None), "nothing to write"),
    (dict(every="often"), "every must be one of"),
])
def test_bad_settings_are_refused_before_anything_is_written(tmp_path, changes, words):
    kw = dict(png_dir=str(tmp_path / "never"))
    kw.update(changes)
    with pytest.raises(ex.ExportError, match=words):
        ex.check_settings(ex.ExportSettings(**kw))
    assert not (tmp_path / "never").exists()


def test_a_folder_under_a_file_is_not_writable(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ex.ExportError, match="not a folder"):
        ex.check_settings(ex.ExportSettings(png_dir=str(tmp_path / "file" / "sub")))


def test_mp4_without_the_extra_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(ex, "video_available", lambda: False)
    with pytest.raises(ex.ExportError, match=r'pip install "rnn-unfold\[video\]"'):
        ex.check_settings(ex.ExportSettings(mp4=str(tmp_path / "m.mp4")))


@pytest.mark.parametrize("text, size", [("1280x720", (1280, 720)), (" 64 X 48 ", (64, 48))])
def test_parse_size(text, size):
    assert ex.parse_size(text) == size


@pytest.mark.parametrize("text", ["0x0", "1280", "axb", "1280x720x3", "-5x10", "99999x10"])
def test_parse_size_refuses(text):
    with pytest.raises(ex.ExportError):
        ex.parse_size(text)


# ---------------------------------------------------------------------- canvas
def test_canvas_is_fixed_size_premultiplied_and_deterministic(session, qapp):
    from PySide6 import QtGui

    from visualizer.qt.export_canvas import ExportCanvas
    a = ExportCanvas(size=(W, H)).render(session)
    b = ExportCanvas(size=(W, H)).render(session)
    assert (a.width(), a.height()) == (W, H)
    assert a.format() == QtGui.QImage.Format.Format_ARGB32_Premultiplied
    assert a.devicePixelRatio() == 1.0
    assert a == b
    no_plot = ExportCanvas(cost_plot=False, size=(W, H)).render(session)
    assert no_plot != a


def test_canvas_draws_extra_panels(session, qapp):
    from PySide6 import QtGui, QtWidgets

    from visualizer.qt.export_canvas import ExportCanvas
    panel = QtWidgets.QLabel("panel")
    panel.setAutoFillBackground(True)
    pal = panel.palette()
    pal.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor(0, 200, 0))
    panel.setPalette(pal)
    canvas = ExportCanvas(cost_plot=False, panels=[panel], size=(W, H))
    arr = ex.image_to_rgb(canvas.render(session))
    r = canvas.layout_rects(W, H)["panel0"]
    assert tuple(arr[r.center().y(), r.right() - 2]) == (0, 200, 0)


# ---------------------------------------------------------------------- insight panels
def mid_foldback(session):
    """Step ``session`` to a micro-step where some but not all copies are folded into the sum."""
    while True:
        assert session.step()
        rv = session.timeline.reveal(session.position)
        L = session.update.t_end - session.update.w0
        if 0 < rv.folded_from < L and not session.applied:
            return session


@pytest.fixture
def panel_canvas(qapp):
    from visualizer.qt.export_canvas import ExportCanvas
    made = []

    def make(**kw):
        kw.setdefault("size", (W, H))
        c = ExportCanvas(**kw)
        made.append(c)
        return c
    yield make
    for c in made:          # pyqtgraph panels alive at exit can crash the interpreter's exit
        c.detach()
        c.deleteLater()


@pytest.mark.parametrize("value, names", [
    ((), ()), ("", ()), ("vanishing,foldback", ("foldback", "vanishing")),
    (["foldback", " Foldback "], ("foldback",)), (("vanishing",), ("vanishing",)),
])
def test_panels_setting_is_normalised(tmp_path, value, names):
    s = ex.check_settings(ex.ExportSettings(png_dir=str(tmp_path / "o"), panels=value))
    assert s.panels == names


@pytest.mark.parametrize("value", ["inspector", "foldback,nope", ("foldback", "gradcheck")])
def test_unknown_panel_is_refused(tmp_path, value):
    with pytest.raises(ex.ExportError, match="panels must be among foldback, vanishing") as info:
        ex.check_settings(ex.ExportSettings(png_dir=str(tmp_path / "never"), panels=value))
    assert "\n" not in str(info.value)
    assert not (tmp_path / "never").exists()


def test_frame_with_panels_shows_them(session, panel_canvas):
    W2, H2 = 960, 540
    mid_foldback(session)
    plain = ex.image_to_rgb(panel_canvas(size=(W2, H2)).render(session))
    canvas = panel_canvas(panels=("foldback", "vanishing"), size=(W2, H2))
    img = canvas.render(session)
    assert (img.width(), img.height()) == (W2, H2)
    arr = ex.image_to_rgb(img)
    rects = canvas.layout_rects(W2, H2)
    assert set(rects) == {"view", "cost", "foldback", "vanishing"}
    for name in ("foldback", "vanishing"):
        r = rects[name]
        a = arr[r.top():r.bottom() + 1, r.left():r.right() + 1]
        b = plain[r.top():r.bottom() + 1, r.left():r.right() + 1]
        assert np.any(a != b), name
        ink = np.any(a < 200, axis=2).mean()               # text, axes, heatmap cells
        assert ink > 0.02, f"{name} is nearly blank ({ink:.3f})"
        assert len(np.unique(a.reshape(-1, 3), axis=0)) > 50, name
    # the fold-back heatmaps use the diverging map: strongly red and strongly blue cells are there
    f = rects["foldback"]
    fb = arr[f.top():f.bottom() + 1, f.left():f.right() + 1].astype(int)
    assert np.any((fb[..., 0] - fb[..., 2]) > 80) and np.any((fb[..., 2] - fb[..., 0]) > 80)
    # the panels follow the session rendered, flushed: the fold-back caption says how far it folded
    panel = canvas.insight["foldback"]
    assert panel.session is session
    rv = session.timeline.reveal(session.position)
    L = session.update.t_end - session.update.w0
    assert f"{L - rv.folded_from} of {L} copies folded" in panel.caption.text()


def test_panels_are_rebuilt_for_another_session(session, panel_canvas):
    canvas = panel_canvas(cost_plot=False, panels=("foldback", "vanishing"))
    canvas.render(session)
    assert all(session.events._callbacks[n] for n in ("frame", "structure"))
    other = session.copy()
    canvas.render(other)
    assert canvas.panel_session is other
    assert {n: p.session for n, p in canvas.insight.items()} == {"foldback": other, "vanishing": other}
    assert not any(session.events._callbacks.values())       # the old panels were detached
    canvas.detach()
    assert canvas.insight == {} and not any(other.events._callbacks.values())


@pytest.mark.parametrize("panels", [("foldback",), ("vanishing",), ("foldback", "vanishing")])
def test_layouts_with_panels_tile_the_frame(panel_canvas, panels):
    for cost in (True, False):
        canvas = panel_canvas(panels=panels, cost_plot=cost)
        rects = canvas.layout_rects(1280, 720)
        assert set(rects) == {"view", *panels} | ({"cost"} if cost else set())
        covered = np.zeros((720, 1280), int)
        for r in rects.values():
            assert r.width() > 100 and r.height() > 100
            covered[r.top():r.bottom() + 1, r.left():r.right() + 1] += 1
        assert np.all(covered == 1), (panels, cost)


def test_export_with_panels_is_byte_identical_and_leaves_the_window_alone(session, panel_canvas, tmp_path):
    session.run_updates(2)
    pos, upd = session.position, session.trainer.updates
    out = []
    for name in ("a", "b"):
        canvas = panel_canvas(panels=("foldback", "vanishing"))
        run_export(session, lambda s, c=canvas: c.render(s, W, H), tmp_path, name=name, every="phase",
                   updates=2, panels=("foldback", "vanishing"))
        assert canvas.panel_session is not session           # the panels followed the exported copy
        out.append([open(f, "rb").read() for f in pngs(tmp_path / name)])
    assert len(out[0]) > 3 and out[0] == out[1]
    assert session.position == pos and session.trainer.updates == upd
    assert not any(session.events._callbacks.values())


# ---------------------------------------------------------------------- dialog
class _StandIn:
    """What the dialog needs of a window, if the main window is not there."""

    def __init__(self, session):
        from visualizer.qt.unfolded.view import UnfoldedView
        self.session = session
        self.view = UnfoldedView()
        self.messages = []

    def show_message(self, text):
        self.messages.append(text)


@pytest.fixture
def window(qtbot, session):
    try:
        from visualizer.qt.main_window import MainWindow
    except ImportError:
        yield _StandIn(session)
        return
    win = MainWindow(session=session, restore=False)
    qtbot.addWidget(win)
    yield win


def test_dialog_exports_k_updates_and_leaves_the_window_alone(qtbot, window, tmp_path):
    from visualizer.qt.export_dialog import ExportDialog
    sess = window.session
    sess.step()
    pos, upd = sess.position, sess.trainer.updates
    dlg = ExportDialog(window)
    qtbot.addWidget(dlg)
    dlg.what_combo.setCurrentIndex(1)
    dlg.updates_spin.setValue(2)
    dlg.every_combo.setCurrentIndex(2)           # every update
    dlg.width_spin.setValue(W)
    dlg.height_spin.setValue(H)
    dlg.format_combo.setCurrentIndex(0)
    dlg.out_edit.setText(str(tmp_path / "frames"))
    assert dlg.start_export()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=10000)
    assert not dlg.result.cancelled
    files = pngs(tmp_path / "frames")
    assert len(files) == dlg.result.frames == 3
    assert rgb(files[0]).shape == (H, W, 3)
    assert sess.position == pos and sess.trainer.updates == upd


def test_dialog_cancel_and_bad_fields(qtbot, window, tmp_path):
    from visualizer.qt.export_dialog import ExportDialog
    dlg = ExportDialog(window)
    qtbot.addWidget(dlg)
    (tmp_path / "file").write_text("x")
    dlg.out_edit.setText(str(tmp_path / "file" / "sub"))
    assert not dlg.start_export()
    assert "not a folder" in dlg.message.text()
    dlg.out_edit.setText(str(tmp_path / "frames"))
    dlg.width_spin.setValue(W)
    dlg.height_spin.setValue(H)
    dlg.format_combo.setCurrentIndex(1)          # GIF
    assert dlg.out_edit.text().endswith(".gif")
    assert dlg.start_export()
    qtbot.waitUntil(lambda: dlg.job.result.frames >= 2, timeout=10000)
    dlg.cancel_export()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=10000)
    assert dlg.result.cancelled
    assert not os.path.exists(dlg.out_edit.text())
    assert no_temp_files(tmp_path)


def test_dialog_disables_mp4_without_the_extra(qtbot, window, monkeypatch):
    monkeypatch.setattr(ex, "video_available", lambda: False)
    from visualizer.qt.export_dialog import ExportDialog
    dlg = ExportDialog(window)
    qtbot.addWidget(dlg)
    item = dlg.format_combo.model().item(2)
    assert not item.isEnabled()
    assert 'pip install "rnn-unfold[video]"' in item.toolTip()


def test_until_stopped_finishes_the_movie_with_the_frames_so_far(session, render, tmp_path):
    gif = tmp_path / "u.gif"
    holder = {}

    def progress(done, total):
        assert total is None
        if done == 4:
            holder["job"].stop()

    job = ex.Export(session, ex.ExportSettings(what="until", every="phase", gif=str(gif), size=(W, H)),
                    render, progress=progress)
    holder["job"] = job
    res = job.run()
    assert res.stopped and not res.cancelled and res.frames == 4
    assert Image.open(gif).n_frames == 4


def test_dialog_panel_checkboxes_reach_the_settings_and_the_frames(qtbot, window, tmp_path):
    from visualizer.qt.export_dialog import ExportDialog
    dlg = ExportDialog(window)
    qtbot.addWidget(dlg)
    assert dlg.export_settings().panels == ()
    assert dlg.foldback_box.toolTip() and dlg.vanishing_box.toolTip()
    dlg.vanishing_box.setChecked(True)
    assert dlg.export_settings().panels == ("vanishing",)
    dlg.foldback_box.setChecked(True)
    assert dlg.export_settings().panels == ("foldback", "vanishing")
    dlg.every_combo.setCurrentIndex(2)           # every update
    dlg.width_spin.setValue(W)
    dlg.height_spin.setValue(H)
    dlg.format_combo.setCurrentIndex(0)
    dlg.out_edit.setText(str(tmp_path / "frames"))
    assert dlg.start_export()
    assert dlg.job.settings.panels == ("foldback", "vanishing")
    assert dlg._canvas.panel_names == ("foldback", "vanishing")
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=20000)
    assert not dlg.result.cancelled and len(pngs(tmp_path / "frames")) == 2


def test_exported_vanishing_history_starts_at_the_update_on_show(session, panel_canvas):
    """The window's earlier updates are not in an export's history; the one on show is."""
    for _ in range(3):
        session.next_update()
    canvas = panel_canvas(cost_plot=False, panels=("vanishing",))
    copy = session.copy()
    canvas.render(copy)
    panel = canvas.insight["vanishing"]
    assert [u for u, _ in panel.history] == [3]
    copy.next_update()
    canvas.render(copy)
    assert [u for u, _ in panel.history] == [3, 4]
    np.testing.assert_array_equal(panel.history_image.image, panel.history_array())
    assert [u for u, _ in session.delta_history.entries] == [1, 2, 3]    # the window's is untouched
    canvas.detach()
