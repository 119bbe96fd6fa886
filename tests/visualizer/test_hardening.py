"""Issue 11, item by item: each attack built small in the test, each refused with one line or handled."""
import io
import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
import zipfile

import numpy as np
import pytest

from core import datasets
from visualizer.cli import main
from visualizer.model import workspace
from visualizer.model.config import Config
from visualizer.model.session import Session
from visualizer.model.workspace import WorkspaceError

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cli(*argv, timeout=120, **kw):
    """Run ``python -m visualizer`` in a fresh process (so a hang or a crash cannot stop the suite)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONWARNINGS="default")
    return subprocess.run([sys.executable, "-m", "visualizer", *map(str, argv)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, **kw)


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def small_session(**changes) -> Session:
    return Session(Config.for_task("hello", **changes))


# -- 1. unbounded reads ------------------------------------------------------------------

@pytest.mark.parametrize("reader", ["workspace", "text", "csv"])
def test_a_symlink_to_dev_zero_is_refused_at_once(tmp_path, reader):
    link = tmp_path / "zero.rnnu"
    os.symlink("/dev/zero", link)
    tracemalloc.start()
    try:
        if reader == "workspace":
            with pytest.raises(WorkspaceError, match="not a regular file"):
                workspace.load(link)
        elif reader == "text":
            with pytest.raises(datasets.DataError, match="not a regular file"):
                datasets.load_text(link)
        else:
            with pytest.raises(datasets.DataError, match="not a regular file"):
                datasets.load_csv(link, "0", "1")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20


@pytest.mark.parametrize("option", ["--load", "--text", "--csv"])
def test_a_fifo_does_not_block(tmp_path, option):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    extra = ["--inputs", "0", "--targets", "1"] if option == "--csv" else []
    r = cli("train", option, fifo, *extra, "--updates", "1", timeout=60)
    assert r.returncode == 2
    assert "not a regular file" in one_line(r.stderr)


def test_reads_stop_at_the_limit_whatever_the_size_says(tmp_path, monkeypatch):
    """A file that grows past the limit while read (here: the limit lowered) is refused."""
    f = tmp_path / "t.txt"
    f.write_text("hello world " * 100)
    with pytest.raises(datasets.DataError, match="the limit is"):
        datasets.read_file(f, max_bytes=100)
    calls = []
    with pytest.raises(datasets.Cancelled):
        datasets.read_file(f, cancel=lambda: calls.append(1) or True)
    assert calls


# -- 2. ordinary numbers crash the CSV loader ---------------------------------------------

@pytest.mark.parametrize("x,d", [("0.5", "1e154"), ("1e308", "0.5"), ("-1e308", "1e308")])
def test_huge_numbers_load_and_train_without_a_traceback(tmp_path, x, d):
    f = tmp_path / "big.csv"
    f.write_text("x,d\n" + "".join(f"{x},{d}\n0.1,0.2\n" for _ in range(5)))
    task = datasets.load_csv(f, "x", "d")
    assert 0 < task.recommended.eta < 1e-100
    r = cli("train", "--csv", f, "--inputs", "x", "--targets", "d", "--updates", "3", "--quiet")
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr and "Warning" not in r.stderr


# -- 3. sniffing is bounded ---------------------------------------------------------------

def test_delimiter_guess_reads_a_bounded_sample_without_csv_sniffer(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets.csv, "Sniffer", None)          # never used
    head = "1,2," + "3" * datasets.SNIFF_CHARS
    tail = ";" * 10 * datasets.SNIFF_CHARS                       # past the sample: not seen
    assert datasets.guess_delimiter([head + tail] * 3) == ","
    assert datasets.guess_delimiter(["a;b;c", "1;2;3"]) == ";"
    assert datasets.guess_delimiter(["a\tb", "1\t2"]) == "\t"
    assert datasets.guess_delimiter(['"x,y";b', '"1,5";2']) == ";"
    # the 200 KB one-line file of the issue reads (linear time) and is refused as one row
    f = tmp_path / "line.csv"
    f.write_text(",".join(["1"] * 100_000))
    with pytest.raises(datasets.DataError, match="columns"):
        datasets.read_table(f)


# -- 4. sizes within the limits that need more memory than the budget ---------------------

def _padded_csv(tmp_path):
    """One 1000-row sequence and 1023 one-row sequences: 13 KB that pads to L = 1000, P = 1024."""
    f = tmp_path / "pad.csv"
    rows = ["x,d"] + ["0.1,0.2"] * 1000 + ["", "0.1,0.2"] * 1023
    f.write_text("\n".join(rows) + "\n")
    return f


def test_a_small_csv_that_pads_past_the_budget_is_refused(tmp_path):
    f = _padded_csv(tmp_path)
    assert f.stat().st_size < 20_000
    r = cli("train", "--csv", f, "--inputs", "x", "--targets", "d", "--hidden", "512",
            "--updates", "1")
    assert r.returncode == 2
    line = one_line(r.stderr)
    assert "memory budget" in line and "lower" in line and "P = 1024" in line
    # the data alone past a small budget: refused by the reader, before its arrays exist
    with pytest.raises(datasets.DataError, match="memory budget"):
        datasets.load_csv(f, "x", "d", max_bytes=1 << 20)


def _custom_workspace(tmp_path, edit_meta=None, edit_arrays=None) -> str:
    task = datasets.text_task("abcabcabcabd", name="t.txt", L=4)
    s = Session(Config.from_task(task), task=task)
    meta, arrays = workspace.describe(s)
    if edit_meta:
        edit_meta(meta)
    if edit_arrays:
        edit_arrays(arrays)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("workspace.json", json.dumps(meta))
        zf.writestr("arrays.npz", buf.getvalue())
    path = tmp_path / "crafted.rnnu"
    path.write_bytes(out.getvalue())
    return path


def test_a_workspace_past_the_budget_is_refused_before_the_network_is_built(tmp_path):
    def big_M(meta):
        meta["config"]["M"] = 512
        meta["network"]["M"] = 512
        meta["task"]["input_labels"] = meta["task"]["output_labels"] = ["x"] * 10**6

    def wide(arrays):                               # N = O = 10^6 inputs and outputs
        for key in ("task_X", "task_D"):
            arrays[key] = np.zeros(arrays[key].shape[:2] + (10**6,))
    path = _custom_workspace(tmp_path, big_M, wide)
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(WorkspaceError, match="memory budget") as info:
            workspace.load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "\n" not in str(info.value)
    assert peak < 1 << 30                        # 4 GB of V was never allocated


def _npz_with_header(shape) -> bytes:
    """arrays.npz whose one .npy declares ``shape`` and holds 16 bytes."""
    header = {"descr": "<f8", "fortran_order": False, "shape": shape}
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, header)
    buf.write(b"\0" * 16)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("net_V.npy", buf.getvalue())
    return inner.getvalue()


def test_a_huge_npy_header_is_refused_without_memory_error(tmp_path):
    meta, _ = workspace.describe(small_session())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("workspace.json", json.dumps(meta))
        zf.writestr("arrays.npz", _npz_with_header((10**12,)))
    path = tmp_path / "huge.rnnu"
    path.write_bytes(out.getvalue())
    with pytest.raises(WorkspaceError, match="declares shape"):
        workspace.load(path)
    r = cli("train", "--load", path, "--updates", "1")
    assert r.returncode == 2 and "declares shape" in one_line(r.stderr)


def test_a_zip_bomb_is_refused_before_decompression(tmp_path):
    meta, _ = workspace.describe(small_session())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("workspace.json", json.dumps(meta))
        zf.writestr("arrays.npz", b"\0" * (300 << 20))          # 300 MB of zeros, ~300 KB packed
    path = tmp_path / "bomb.rnnu"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        with pytest.raises(WorkspaceError, match="quarter of the memory budget"):
            workspace.load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20                       # decompressed nothing


# -- 5. work with no bound -----------------------------------------------------------------

def test_gradcheck_refuses_sizes_that_would_run_for_minutes():
    r = cli("gradcheck", "--hidden", "512")
    assert r.returncode == 2
    assert "--hidden" in one_line(r.stderr)


@pytest.mark.parametrize("skip", [10**9, 10**30, -1])
def test_export_refuses_an_unbounded_skip(tmp_path, skip, capsys):
    assert main(["export", "--skip", str(skip), "--out", str(tmp_path / "f")]) == 2
    line = one_line(capsys.readouterr().err)
    assert "--skip must be between 0 and" in line and str(skip) in line


# -- 7. a file that opens can be saved ----------------------------------------------------

def _deep(n):
    v = 1
    for _ in range(n):
        v = {"a": v}
    return v


def test_json_nested_900_deep_is_refused_on_load_and_on_save(tmp_path):
    def deep(meta):
        meta["task"]["params"]["x"] = _deep(900)
    path = _custom_workspace(tmp_path, edit_meta=deep)
    with pytest.raises(WorkspaceError, match="nests more than"):
        workspace.load(path)
    task = datasets.text_task("abcabcabcabd", name="t.txt", L=4)
    task.params["x"] = _deep(900)
    s = Session(Config.from_task(task), task=task)
    with pytest.raises(WorkspaceError, match="nests more than"):
        workspace.save(s, tmp_path / "deep.rnnu")
    assert not (tmp_path / "deep.rnnu").exists()


# -- 8. signals ---------------------------------------------------------------------------

def _interrupt(args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    p = subprocess.Popen([sys.executable, "-m", "visualizer", *map(str, args)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stderr.readline()                # the first progress line: training has begun
    assert line.startswith("update"), line
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    return p.returncode, err


def test_ctrl_c_during_train_saves_atomically_and_exits_130(tmp_path):
    save = tmp_path / "w.rnnu"
    rc, err = _interrupt(["train", "--task", "parity", "--updates", "10000000", "--save", save],
                         tmp_path)
    assert rc == 130
    tail = [ln for ln in err.splitlines() if not ln.startswith("update ")]
    line = one_line("\n".join(tail))
    assert "interrupted after" in line and "saved" in line
    n = int(line.split("interrupted after ")[1].split()[0])
    assert workspace.load(save).trainer.updates == n
    assert [p.name for p in tmp_path.iterdir()] == ["w.rnnu"]        # no temporary left


def test_ctrl_c_during_train_without_save_says_so(tmp_path):
    rc, err = _interrupt(["train", "--task", "parity", "--updates", "10000000"], tmp_path)
    assert rc == 130
    tail = [ln for ln in err.splitlines() if not ln.startswith("update ")]
    assert "nothing saved" in one_line("\n".join(tail))


def test_a_stale_temporary_of_the_same_target_is_removed(tmp_path):
    target = tmp_path / "w.rnnu"
    stale = tmp_path / (workspace._temp_prefix(str(target)) + "dead.tmp")
    stale.write_bytes(b"\0" * 1000)                    # what a SIGKILL during a save leaves
    other = tmp_path / (workspace._temp_prefix(str(tmp_path / "x.rnnu")) + "dead.tmp")
    other.write_bytes(b"x")
    workspace.save(small_session(), target)
    assert not stale.exists() and other.exists() and target.exists()


def test_a_temporary_in_use_is_kept(tmp_path):
    fcntl = pytest.importorskip("fcntl")
    target = tmp_path / "w.rnnu"
    live = tmp_path / (workspace._temp_prefix(str(target)) + "live.tmp")
    with open(live, "wb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        workspace.save(small_session(), target)
        assert live.exists()


# -- 9. save names ------------------------------------------------------------------------

def test_a_254_character_name_can_be_saved(tmp_path):
    target = tmp_path / ("a" * 249 + ".rnnu")
    workspace.save(small_session(), target)
    assert workspace.load(target).config.task == "hello"


def test_save_empty_is_a_usage_error(capsys, tmp_path):
    assert main(["train", "--task", "hello", "--updates", "1", "--save", ""]) == 2
    assert "--save" in one_line(capsys.readouterr().err)


def test_saving_replaces_only_a_regular_file(tmp_path):
    real = tmp_path / "real.rnnu"
    real.write_bytes(b"keep")
    link = tmp_path / "link.rnnu"
    os.symlink(real, link)
    fifo = tmp_path / "fifo.rnnu"
    os.mkfifo(fifo)
    for target, match in ((link, "symbolic link"), (fifo, "not a regular file"),
                          ("/dev/null", "not a regular file"), (tmp_path, "folder")):
        with pytest.raises(WorkspaceError, match=match):
            workspace.save(small_session(), target)
    assert os.path.islink(link) and real.read_bytes() == b"keep"
    r = cli("train", "--task", "hello", "--updates", "1", "--save", link)
    assert r.returncode == 2 and "symbolic link" in one_line(r.stderr)


# -- 10. messages -------------------------------------------------------------------------

def test_divergence_prints_no_warning_and_the_true_count(tmp_path):
    save = tmp_path / "d.rnnu"
    r = cli("train", "--task", "sine", "--eta", "100", "--updates", "200", "--quiet",
            "--save", save)
    assert r.returncode == 1
    assert "Warning" not in r.stderr and "Traceback" not in r.stderr
    applied = workspace.load(save).trainer.updates
    assert f"after {applied} updates" in r.stdout


@pytest.mark.parametrize("K,text", [(0, "after 0 updates"), (1, "after 1 update ")])
def test_update_counts_read_right(capsys, K, text):
    assert main(["train", "--task", "hello", "--updates", str(K), "--quiet"]) == 0
    assert text in capsys.readouterr().out


@pytest.mark.parametrize("argv,needle", [
    (["--task", ""], "unknown task ''"),
    (["--task", "parity", "--batch", "5000"], "--batch must be between 1 and 1024, got 5000"),
    (["--seed", str(2**32)], "--seed must be between 0 and 4294967295, got 4294967296"),
])
def test_messages_name_the_option_and_exact_numbers(capsys, argv, needle):
    assert main(["train", *argv, "--updates", "1"]) == 2
    assert needle in one_line(capsys.readouterr().err)


def test_a_file_one_byte_over_the_limit_shows_its_real_size(tmp_path):
    f = tmp_path / "big.txt"
    with open(f, "wb") as fh:                     # sparse: nothing is written
        fh.truncate(datasets.MAX_FILE_BYTES + 1)
    with pytest.raises(datasets.DataError) as info:
        datasets.load_text(f)
    msg = str(info.value)
    assert f"{datasets.MAX_FILE_BYTES + 1:,} bytes" in msg
    assert f"{datasets.MAX_FILE_BYTES:,} bytes" in msg


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_text_with_a_bom_is_read(tmp_path, encoding):
    f = tmp_path / "u.txt"
    text = "héllo wörld, héllo wörld"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    f.write_bytes(data)
    task = datasets.load_text(f)
    assert set(task.params["vocab"]) == set(text)


@pytest.mark.parametrize("flag", ["--gif", "--mp4"])
def test_export_never_writes_over_a_device(tmp_path, flag, capsys):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    before = os.stat("/dev/full").st_mode
    assert main(["export", "--task", "hello", "--updates", "1", "--out", str(tmp_path),
                 flag, "/dev/full"]) == 2
    assert "not a regular file" in one_line(capsys.readouterr().err)
    assert os.stat("/dev/full").st_mode == before


@pytest.mark.parametrize("command", ["gradcheck", "export", "train"])
def test_ctrl_c_in_any_command_is_one_line_and_130(monkeypatch, capsys, command, tmp_path):
    import importlib
    module = importlib.import_module(f"visualizer.cli.{command}")

    def interrupted(args):
        raise KeyboardInterrupt
    monkeypatch.setattr(module, "run", interrupted)
    argv = {"gradcheck": [], "export": ["--out", str(tmp_path)], "train": ["--updates", "1"]}
    assert main([command, *argv[command]]) == 130
    assert one_line(capsys.readouterr().err) == f"rnn-unfold {command}: interrupted"


def test_ctrl_c_during_gradcheck_in_a_real_process():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    p = subprocess.Popen([sys.executable, "-m", "visualizer", "gradcheck", "--hidden", "240"],
                         cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    time.sleep(1.5)                           # started, not finished (about ten seconds of work)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    if p.returncode == 0:
        pytest.skip("the check finished before the signal")
    assert p.returncode == 130
    assert one_line(err) == "rnn-unfold gradcheck: interrupted"
