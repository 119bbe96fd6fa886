"""``rnn-unfold export``: frames on disk, one-line errors with exit status 2, no display needed."""
import glob
import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from visualizer import export as ex  # noqa: E402
from visualizer.cli import build_parser, main  # noqa: E402

SMALL = ["--size", "480x270"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pngs(folder):
    return sorted(glob.glob(os.path.join(str(folder), "frame_*.png")))


def test_export_writes_frames_and_a_gif(tmp_path, capsys):
    out, gif = tmp_path / "frames", tmp_path / "bptt.gif"
    rc = main(["export", "--task", "hello", "--updates", "1", "--every", "phase", "--out", str(out),
               "--gif", str(gif), "--fps", "5", *SMALL])
    cap = capsys.readouterr()
    assert rc == 0, cap.err
    files = pngs(out)
    assert len(files) > 2
    assert Image.open(files[0]).size == (480, 270)
    im = Image.open(gif)
    assert im.n_frames == len(files) and im.info["duration"] == 200
    assert cap.out.count("\n") == 1 and f"wrote {len(files)} frames" in cap.out
    assert cap.err == ""


def test_same_arguments_give_the_same_bytes(tmp_path, capsys):
    runs = []
    for name in ("a", "b"):
        args = ["export", "--task", "temporal-xor", "--seed", "3", "--hidden", "5", "--skip", "2",
                "--updates", "2", "--every", "update", "--out", str(tmp_path / name), "--no-cost-plot",
                *SMALL]
        assert main(args) == 0
        runs.append([open(f, "rb").read() for f in pngs(tmp_path / name)])
    assert len(runs[0]) == 3 and runs[0] == runs[1]


def test_panels_give_the_same_bytes_twice_and_show_in_the_frames(tmp_path, capsys):
    runs = []
    for name, extra in (("a", ["--panels", "foldback,vanishing"]), ("b", ["--panels", "vanishing,foldback"]),
                        ("plain", [])):
        args = ["export", "--task", "hello", "--seed", "2", "--skip", "1", "--updates", "1", "--every", "phase",
                "--out", str(tmp_path / name), "--size", "640x360", *extra]
        assert main(args) == 0, capsys.readouterr().err
        runs.append([open(f, "rb").read() for f in pngs(tmp_path / name)])
    assert len(runs[0]) > 2 and runs[0] == runs[1]
    assert len(runs[2]) == len(runs[0]) and all(a != b for a, b in zip(runs[0], runs[2]))


def _bad(capsys, argv):
    rc = main(argv)
    cap = capsys.readouterr()
    return rc, cap.err


@pytest.mark.parametrize("extra, words", [
    (["--task", "nope"], "unknown task 'nope'"),
    (["--size", "0x0"], "--size must be between"),
    (["--size", "big"], "--size must be WIDTHxHEIGHT"),
    (["--fps", "0"], "--fps must be between"),
    (["--updates", "0"], "--updates must be at least 1"),
    (["--hidden", "0"], "--hidden must be between"),
    (["--panels", "foldback,inspector"], "--panels must be among foldback, vanishing, whotaught, factors, predictions, got 'inspector'"),
])
def test_bad_input_is_one_line_and_status_2(tmp_path, capsys, extra, words):
    out = tmp_path / "frames"
    rc, err = _bad(capsys, ["export", "--out", str(out), *extra])
    assert rc == 2
    assert err.count("\n") == 1 and err.startswith("rnn-unfold export: error: ")
    assert words in err and "Traceback" not in err
    assert not out.exists()


def test_unwritable_directory(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    rc, err = _bad(capsys, ["export", "--task", "hello", "--out", str(tmp_path / "file" / "frames")])
    assert rc == 2 and err.count("\n") == 1 and "cannot write the output folder" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_directory(tmp_path, capsys):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        rc, err = _bad(capsys, ["export", "--task", "hello", "--out", str(ro)])
    finally:
        ro.chmod(0o700)
    assert rc == 2 and err.count("\n") == 1 and "cannot write" in err


def test_mp4_without_the_video_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(ex, "video_available", lambda: False)
    rc, err = _bad(capsys, ["export", "--task", "hello", "--out", str(tmp_path / "f"),
                            "--mp4", str(tmp_path / "m.mp4")])
    assert rc == 2 and err.count("\n") == 1
    assert 'pip install "rnn-unfold[video]"' in err
    assert os.listdir(tmp_path) == []


def test_argparse_errors_are_one_line(capsys):
    with pytest.raises(SystemExit) as info:
        main(["export", "--out", "x", "--every", "often"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--every" in err


def test_help_documents_every_option():
    sub = build_parser()._subparsers._group_actions[0].choices["export"]
    text = sub.format_help()
    for opt in ("--task", "--updates", "--out", "--every", "--gif", "--mp4", "--size", "--fps", "--seed",
                "--hidden", "--scheme", "--eta", "--no-cost-plot", "--no-caption", "--skip", "--panels"):
        assert opt in text, opt
    assert "export" in build_parser().format_help()
    assert "foldback" in text and "vanishing" in text


def _headless_env():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_subprocess_runs_without_a_display(tmp_path):
    out = tmp_path / "frames"
    p = subprocess.run([sys.executable, "-m", "visualizer", "export", "--task", "hello", "--every", "update",
                        "--out", str(out), *SMALL], capture_output=True, text=True, env=_headless_env(),
                       cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr
    assert len(pngs(out)) == 2
    p = subprocess.run([sys.executable, "-m", "visualizer", "export", "--task", "nope", "--out", str(out)],
                       capture_output=True, text=True, env=_headless_env(), cwd=ROOT, timeout=120)
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "unknown task" in p.stderr
    p = subprocess.run([sys.executable, "-m", "visualizer", "export", "--task", "hello", "--every", "update",
                        "--panels", "foldback,vanishing", "--out", str(tmp_path / "p"), *SMALL],
                       capture_output=True, text=True, env=_headless_env(), cwd=ROOT, timeout=120)
    assert p.returncode == 0, p.stderr          # the panels are deleted before Python exits
    assert len(pngs(tmp_path / "p")) == 2 and p.stderr == ""


def test_load_a_workspace(tmp_path, capsys):
    from visualizer.model import workspace
    from visualizer.model.session import Config, Session
    s = Session(Config.for_task("hello", seed=1))
    s.run_updates(3)
    path = tmp_path / "w.rnnu"
    workspace.save(s, str(path))
    rc = main(["export", "--load", str(path), "--every", "update", "--out", str(tmp_path / "f"), *SMALL])
    assert rc == 0, capsys.readouterr().err
    assert len(pngs(tmp_path / "f")) == 2
    rc, err = _bad(capsys, ["export", "--load", str(tmp_path / "missing.rnnu"), "--out", str(tmp_path / "g")])
    assert rc == 2 and err.count("\n") == 1 and "missing.rnnu" in err
    rc, err = _bad(capsys, ["export", "--load", str(path), "--task", "hello", "--out", str(tmp_path / "g")])
    assert rc == 2 and "--task" in err
    assert not (tmp_path / "g").exists()
