"""The user's own data: text and CSV files become tasks, or one clear DataError."""
import numpy as np
import pytest

import core
from core import datasets
from core.datasets import DataError


def write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


# -- text -------------------------------------------------------------------------------

def test_text_task_is_next_character_prediction(tmp_path):
    text = "hello world, hello there. " * 10
    task = datasets.load_text(write(tmp_path, "h.txt", text), L=10)
    vocab = sorted(set(text))
    assert task.N == task.O == len(vocab)
    assert task.X.shape == (10, (len(text) - 1) // 10, len(vocab))
    assert (task.X.sum(axis=2) == 1).all() and task.mask.all()
    # the target at step t is the input at step t + 1 of the same stream
    stream = task.X.transpose(1, 0, 2).reshape(-1, task.N)
    targets = task.D.transpose(1, 0, 2).reshape(-1, task.N)
    assert np.array_equal(stream[1:], targets[:-1])
    assert "".join(task.decode(task.X[:, 0])) == text[:10]
    r = task.recommended
    assert (r.hidden, r.output, r.cost, r.scheme) == ("tanh", "softmax", "ce", "chunked")
    assert task.name == "text:h.txt"


def test_text_caps_are_applied_and_stated(tmp_path):
    rng = np.random.default_rng(0)
    chars = [chr(c) for c in range(0x21, 0x21 + 70)]
    text = "".join(rng.choice(chars, size=5000))
    task = datasets.load_text(write(tmp_path, "big.txt", text))
    assert task.N == datasets.TEXT_MAX_VOCAB
    assert task.input_labels[-1] == datasets.OTHER
    assert task.P * task.L <= datasets.TEXT_MAX_CHARS
    notes = datasets.notes(task)
    assert any("first 2000" in n for n in notes)
    assert any("share the symbol" in n for n in notes)
    assert "first 2000" in task.description


def test_text_learns_something(tmp_path):
    from visualizer.model.session import Session
    task = datasets.text_task("the cat sat on the mat. " * 40, name="cat")
    s = Session(task=task)
    s.run_updates(150)
    first, last = s.curve_updates[0][1], s.curve_updates[-1][1]
    assert last < 0.6 * first


@pytest.mark.parametrize("data,match", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02binary\x00" * 20, "binary"),
    (bytes(range(256)) * 8, "binary"), (b"aaaa", "single character"), (b"ab", "at least 3"),
])
def test_bad_text_files(tmp_path, data, match):
    with pytest.raises(DataError, match=match) as info:
        datasets.load_text(write(tmp_path, "bad.txt", data))
    assert "\n" not in str(info.value)


def test_enormous_and_missing_files(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "MAX_FILE_BYTES", 1000)
    with pytest.raises(DataError, match="limit"):
        datasets.load_text(write(tmp_path, "big.txt", "abc" * 1000))
    with pytest.raises(DataError, match="limit"):
        datasets.read_table(write(tmp_path, "big.csv", "1,2\n" * 1000))
    with pytest.raises(DataError, match="no such file"):
        datasets.load_text(tmp_path / "nope.txt")
    with pytest.raises(DataError, match="folder"):
        datasets.load_text(tmp_path)


def test_latin1_text_is_read(tmp_path):
    task = datasets.load_text(write(tmp_path, "l.txt", "café olé été " .encode("latin-1") * 5))
    assert "é" in task.input_labels


# -- CSV --------------------------------------------------------------------------------

CSV = "x,y,d\n0.1,0.2,0.3\n0.2,0.3,0.4\n\n0.5,0.1,0.2\n0.3,0.3,0.3\n0.1,0.1,0.1\n"


def test_csv_blank_lines_separate_sequences(tmp_path):
    task = datasets.load_csv(write(tmp_path, "a.csv", CSV), "x,y", "d")
    assert task.X.shape == (3, 2, 2) and task.D.shape == (3, 2, 1)
    assert task.mask.tolist() == [[True, True], [True, True], [False, True]]
    assert task.input_labels == ("x", "y") and task.output_labels == ("d",)
    assert task.X[1, 0].tolist() == [0.2, 0.3] and task.D[2, 1, 0] == 0.1
    r = task.recommended
    assert (r.hidden, r.output, r.cost, r.scheme) == ("tanh", "linear", "sse", "chunked")
    assert any("padded" in n for n in datasets.notes(task))


def test_csv_sequence_column_and_fixed_length(tmp_path):
    rows = "id;a;b\n" + "".join(f"{'s' + str(i % 3)};{i};{i / 10}\n" for i in range(12))
    p = write(tmp_path, "b.csv", rows)
    task = datasets.load_csv(p, ["a"], ["b"], sequence_column="id")
    assert task.X.shape == (4, 3, 1)
    assert task.X[:, 0, 0].tolist() == [0, 3, 6, 9]
    task = datasets.load_csv(p, "1", "2", sequence_length=5)
    assert task.X.shape == (5, 2, 1)
    assert any("left out" in n for n in datasets.notes(task))


def test_csv_without_header_uses_numbers(tmp_path):
    task = datasets.load_csv(write(tmp_path, "c.csv", "1\t2\t3\n4\t5\t6\n"), "0,1", "2")
    assert task.input_labels == ("0", "1") and task.X.shape == (2, 1, 2)


@pytest.mark.parametrize("text,kw,match", [
    ("x,y\n1,2\n3\n", {}, "ragged"),
    ("x,y\n1,2\n3,abc\n", {}, "not a number"),
    ("x,y\n1,2\n3,nan\n", {}, "finite"),
    ("x,y\n1,2\n", {"inputs": "z"}, "no input column"),
    ("x,y\n1,2\n", {"inputs": "5"}, "outside"),
    ("x,y\n", {}, "no data rows"),
    ("x,y\n1,2\n", {"sequence_length": 5}, "fewer than"),
    ("x,y\n1,2\n", {"sequence_length": 1, "sequence_column": "x"}, "not both"),
    ("x,y\n1,2\n", {"sequence_column": "y"}, "cannot also be"),
    ("x,y\n1,2\n", {"targets": ""}, "no target"),
])
def test_bad_csv(tmp_path, text, kw, match):
    args = {"inputs": "x", "targets": "y", **kw}
    with pytest.raises(DataError, match=match) as info:
        datasets.load_csv(write(tmp_path, "bad.csv", text), **args)
    assert "\n" not in str(info.value)


def test_csv_too_many_sequences_or_steps(tmp_path):
    many = "\n\n".join("1,2" for _ in range(1100))
    with pytest.raises(DataError, match="sequences"):
        datasets.load_csv(write(tmp_path, "m.csv", many), "0", "1")
    long = "".join("1,2\n" for _ in range(1500))
    with pytest.raises(DataError, match="limit is 1000"):
        datasets.load_csv(write(tmp_path, "l.csv", long), "0", "1")


def test_binary_csv(tmp_path):
    with pytest.raises(DataError, match="binary"):
        datasets.read_table(write(tmp_path, "x.csv", b"\x89PNG\r\n\x1a\n\x00\x00"))


def test_csv_task_trains(tmp_path):
    from visualizer.model.session import Session
    t = np.arange(200)
    rows = "x,next\n" + "".join(f"{np.sin(i / 3):.5f},{np.sin((i + 1) / 3):.5f}\n" for i in t)
    task = datasets.load_csv(write(tmp_path, "s.csv", rows), "x", "next", sequence_length=20)
    s = Session(task=task)
    assert s.run_updates(300) == 300
    assert s.curve_updates[-1][1] < 0.5 * s.curve_updates[0][1]


def test_task_from_arrays_checks():
    X = np.zeros((3, 2, 1))
    with pytest.raises(DataError):
        datasets.task_from_arrays("csv:x", X, np.full((3, 2, 1), np.nan))
    with pytest.raises(DataError):
        datasets.task_from_arrays("csv:x", X, np.zeros((4, 2, 1)))
    with pytest.raises(DataError):
        datasets.task_from_arrays("csv:x", X, X, recommended={"bogus": 1})
    t = datasets.task_from_arrays("csv:x", X, X)
    assert t.N == t.O == 1 and isinstance(t, core.tasks.Task)


def test_core_datasets_imports_no_qt():
    import subprocess
    import sys
    code = ("import sys, core.datasets; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_file_tasks_name_their_units(tmp_path):
    """Text tasks by their characters (white space shown), CSV tasks by their column names."""
    from core import datasets as ds
    t = ds.text_task("ab ab\nab", name="t")
    assert set(t.input_labels) == {"a", "b", "␣", "⏎"} and t.output_labels == t.input_labels
    f = tmp_path / "d.csv"
    f.write_text("speed,angle,force\n1,2,3\n4,5,6\n")
    c = ds.load_csv(f, "speed,angle", "force")
    assert c.input_labels == ("speed", "angle") and c.output_labels == ("force",)
