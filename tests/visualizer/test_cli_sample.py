"""``rnn-unfold sample``: generation from a workspace or a task, deterministic, one-line errors."""
import os
import subprocess
import sys

import numpy as np
import pytest

from core import sampling
from visualizer import cli
from visualizer.model import workspace

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def run(capsys, *argv):
    """Exit status, standard output and error of ``rnn-unfold *argv`` (argparse errors included)."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def hello_file(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("ws") / "hello.rnnu")
    assert cli.main(["train", "--task", "hello", "--updates", "300", "--save", path,
                     "--quiet"]) == 0
    return path


@pytest.fixture(scope="module")
def text_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("txt")
    txt = folder / "t.txt"
    txt.write_text("the cat sat on the mat.\nthe rat ate the hat.\n" * 10)
    path = str(folder / "text.rnnu")
    assert cli.main(["train", "--text", str(txt), "--updates", "200", "--save", path,
                     "--quiet"]) == 0
    return path


def test_sample_a_trained_workspace(hello_file, capsys):
    code, out, err = run(capsys, "sample", "--load", hello_file, "--length", "200",
                         "--temperature", "0.8", "--seed", "0")
    assert code == 0, err
    text = out.rstrip("\n")
    assert len(text) == 201 and text.startswith("hello")       # prefix "h", then what it learnt
    assert set(text) <= set("helo")
    assert "after 300 updates" in err and "T = 0.8" in err
    # The same as the library's generation from the loaded network.
    session = workspace.load(hello_file)
    names = sampling.symbol_names(session.task)
    s = sampling.generate(session.net, "h", 200, 0.8, seed=0, names=names,
                          s0=session.trainer.s0[0])
    assert text == s.text()


def test_deterministic_under_a_seed(hello_file, capsys):
    args = ["sample", "--load", hello_file, "--length", "100", "--temperature", "3"]
    a = run(capsys, *args, "--seed", "5")[1]
    b = run(capsys, *args, "--seed", "5")[1]
    c = run(capsys, *args, "--seed", "6")[1]
    assert a == b and a != c


def test_text_workspace_keeps_the_characters(text_file, capsys):
    code, out, err = run(capsys, "sample", "--load", text_file, "--length", "80", "--prefix",
                         "the ", "--seed", "1")
    assert code == 0, err
    assert out.startswith("the ") and len(out) == len("the ") + 80 + 1
    assert set(out[:-1]) <= set("the cat sat on the mat.\nrat ate hat")


def test_task_without_load(capsys):
    code, out, err = run(capsys, "sample", "--task", "reber", "--prefix", "BT", "--length", "40")
    assert code == 0, err
    assert out.startswith("BT") and len(out.strip()) == 42
    assert set(out.strip()) <= set("BTPSXVE")
    code, out, err = run(capsys, "sample", "--task", "echo", "--param", "symbols=6",
                         "--length", "30")
    assert code == 0, err
    assert set(out.strip()) <= set("ABCDEF")


@pytest.mark.parametrize("argv,words", [
    (["--temperature", "0"], "--temperature"),
    (["--temperature", "-1"], "--temperature"),
    (["--temperature", "nan"], "--temperature"),
    (["--length", "0"], "--length"),
    (["--length", str(sampling.MAX_LENGTH + 1)], "--length"),
    (["--length", "ten"], "--length"),
    (["--seed", "-3"], "--seed"),
    (["--prefix", "hx"], "--prefix"),
    (["--task", "hello"], "not both"),
    (["--param", "k=2"], "--param"),
])
def test_bad_input_exits_2_with_one_line(hello_file, capsys, argv, words):
    code, out, err = run(capsys, "sample", "--load", hello_file, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and words in err and "Traceback" not in err


@pytest.mark.parametrize("argv,words", [
    ([], "--load"),
    (["--task", "nope"], "unknown task"),
    (["--task", "adding"], "softmax"),
    (["--task", "temporal-xor"], "softmax"),
    (["--load", "/nonexistent/x.rnnu"], "x.rnnu"),
])
def test_unusable_network_exits_2(capsys, argv, words):
    code, out, err = run(capsys, "sample", *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err


def test_headless_without_qt(hello_file):
    code = ("import sys; from visualizer import cli; "
            f"rc = cli.main(['sample', '--load', {hello_file!r}, '--length', '20', '--seed', '0']); "
            "assert rc == 0; assert not any(m.startswith('PySide6') for m in sys.modules), "
            "'Qt imported'")
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.strip()) == 21
    assert np.all([c in "helo" for c in res.stdout.strip()])
