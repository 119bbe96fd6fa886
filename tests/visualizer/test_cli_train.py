"""``rnn-unfold train``: K + J updates equal K, save, J more; bad input exits 2 with one line."""
import numpy as np
import pytest

import core
from visualizer import cli
from visualizer.model import workspace


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def same_weights(a, b):
    return all(np.array_equal(getattr(a.net, k), getattr(b.net, k)) for k in core.PARAMS)


@pytest.mark.parametrize("task,extra", [("echo", []), ("temporal-xor", ["--scheme", "chunked",
                                                                        "--h", "3"]),
                                        ("adding", ["--clip", "1"]), ("reber", [])])
def test_k_plus_j_equals_k_save_j(tmp_path, capsys, task, extra):
    K, J = 37, 25
    one, first, second = (str(tmp_path / n) for n in ("one.rnnu", "k.rnnu", "kj.rnnu"))
    code, out, err = run(capsys, "train", "--task", task, *extra, "--updates", str(K + J),
                         "--save", one)
    assert code == 0, err
    assert "final cost" in out and f"after {K + J} updates" in out
    assert run(capsys, "train", "--task", task, *extra, "--updates", str(K), "--save",
               first, "--quiet")[0] == 0
    code, out, err = run(capsys, "train", "--load", first, "--updates", str(J), "--save", second)
    assert code == 0, err
    assert f"after {K + J} updates" in out
    a, b = workspace.load(one), workspace.load(second)
    assert same_weights(a, b)
    assert a.curve_updates == b.curve_updates
    assert a.trainer.rng.bit_generator.state == b.trainer.rng.bit_generator.state


def test_progress_on_stderr_and_final_cost_on_stdout(tmp_path, capsys):
    code, out, err = run(capsys, "train", "--task", "hello", "--updates", "50")
    assert code == 0
    assert "update 50" in err and "cost" in err
    assert out.startswith("final cost")


def test_own_data(tmp_path, capsys):
    txt = tmp_path / "t.txt"
    txt.write_text("abcabd abcabd abcabd " * 20)
    code, out, err = run(capsys, "train", "--text", str(txt), "--updates", "20", "--save",
                         str(tmp_path / "t.rnnu"), "--quiet")
    assert code == 0, err
    assert "text:t.txt" in out and "note:" in err
    csv = tmp_path / "d.csv"
    csv.write_text("a,b,c\n" + "".join(f"{i % 5},{i % 3},{(i % 5) / 5}\n" for i in range(40)))
    code, out, err = run(capsys, "train", "--csv", str(csv), "--inputs", "a,b", "--targets",
                         "c", "--sequence-length", "8", "--updates", "10", "--hidden", "4",
                         "--save", str(tmp_path / "c.rnnu"))
    assert code == 0, err
    s = workspace.load(tmp_path / "c.rnnu")
    assert s.net.M == 4 and s.task.X.shape == (8, 5, 2) and s.trainer.updates == 10


def test_divergence_exits_1_and_saves_last_finite_state(tmp_path, capsys):
    path = tmp_path / "d.rnnu"
    with np.errstate(all="ignore"):
        code, out, err = run(capsys, "train", "--task", "adding", "--eta", "50", "--updates",
                             "500", "--save", str(path), "--quiet")
    assert code == 1
    assert "not finite" in err and "η" in err
    s = workspace.load(path)
    assert all(np.isfinite(v).all() for v in s.net.params().values())


def _bad_cases(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01" * 100)
    ragged = tmp_path / "r.csv"
    ragged.write_text("a,b\n1,2\n3\n")
    notnum = tmp_path / "n.csv"
    notnum.write_text("a,b\n1,2\n3,x\n")
    junk = tmp_path / "junk.rnnu"
    junk.write_bytes(b"junk" * 20)
    good = tmp_path / "good.rnnu"
    return [
        ["--task", "nope"], ["--hidden", "0"], ["--hidden", "513"], ["--hidden", "x"],
        ["--eta", "-1"], ["--eta", "101"], ["--eta", "nan"], ["--eta", "inf"],
        ["--h", "0"], ["--h-prime", "0"], ["--h", "2", "--h-prime", "3", "--scheme", "custom"],
        ["--scheme", "custom"], ["--scheme", "bogus"], ["--batch", "0"], ["--batch", "2000"],
        ["--seed", "-1"], ["--seed", str(2**32)], ["--clip", "0"], ["--clip", "nan"],
        ["--f", "Tanh"], ["--g", "bogus"], ["--cost", "mse"], ["--g", "linear", "--cost", "ce"],
        ["--param", "k=3"], ["--task", "echo", "--param", "k=x"],
        ["--task", "echo", "--param", "k=5000"], ["--task", "echo", "--param", "z=1"],
        ["--task", "hello", "--batch", "3"],
        ["--updates", "-1"], ["--updates", "many"],
        ["--save", str(tmp_path / "no" / "x.rnnu")], ["--save", str(tmp_path)],
        ["--load", str(tmp_path / "missing.rnnu")], ["--load", str(junk)],
        ["--load", str(good), "--hidden", "4"], ["--load", str(good), "--task", "echo"],
        ["--load", str(good), "--eta", "500"],
        ["--text", str(empty)], ["--text", str(binary)], ["--text", str(tmp_path / "none")],
        ["--csv", str(ragged), "--inputs", "a", "--targets", "b"],
        ["--csv", str(notnum), "--inputs", "a", "--targets", "b"],
        ["--csv", str(ragged)], ["--inputs", "0"],
        ["--csv", str(ragged), "--text", str(empty), "--inputs", "a", "--targets", "b"],
        ["--task", "echo", "--text", str(empty)],
        ["--text", str(tmp_path / "none"), "--sequence-length", "0"],
        ["--bogus-option"],
    ]


def test_every_bad_option_exits_2_with_one_line(tmp_path, capsys):
    assert run(capsys, "train", "--task", "hello", "--updates", "1", "--save",
               str(tmp_path / "good.rnnu"), "--quiet")[0] == 0
    for case in _bad_cases(tmp_path):
        argv = ["train", *case]
        if "--updates" not in case:
            argv += ["--updates", "3"]
        try:
            code = cli.main(argv)
        except SystemExit as exc:          # argparse's own errors
            code = exc.code
        out, err = capsys.readouterr()
        assert code == 2, (case, out, err)
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert len(lines) == 1, (case, err)
        assert "error" in lines[0] and "Traceback" not in err


def test_updates_is_required(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["train", "--task", "hello"])
    assert info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_help_describes_the_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["train", "--help"])
    out = capsys.readouterr().out
    for word in ("--load", "--save", "--updates", "--csv", "--sequence-column", "--text"):
        assert word in out
