"""The one configuration: one default task, one set of limits and vocabularies, read alike by every reader."""
import os
import subprocess
import sys
import tracemalloc

import pytest

from visualizer.cli import build_parser
from visualizer.cli.common import UsageError, _number, config_from_args
from visualizer.model import config as conf
from visualizer.model.config import (DEFAULT_TASK, EDGE_MODES, LIMITS, SCHEMES, BudgetError, Config,
                                     check_memory, default_config, memory_estimate)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def parsed(*argv):
    return config_from_args(build_parser().parse_args(list(argv)))


def test_no_option_and_a_seed_open_the_same_task():
    plain, seeded = parsed(), parsed("--seed", "3")
    assert plain.task == seeded.task == DEFAULT_TASK
    assert plain == default_config()
    assert seeded == default_config().with_changes(seed=3)


def test_field_defaults_are_the_default_tasks_recommendation():
    assert Config() == default_config()
    assert Config().task == DEFAULT_TASK


def test_an_empty_task_name_is_refused():
    with pytest.raises(UsageError, match="unknown task ''"):
        parsed("--task", "")


@pytest.mark.parametrize("key", ["hidden", "eta", "h", "h_prime", "P", "seed", "clip"])
def test_command_line_accepts_exactly_the_limits(key):
    lo, hi = LIMITS[key]
    assert _number(key, lo) == lo and _number(key, hi) == hi
    over = hi + 1 if isinstance(hi, int) else hi * 1.5
    under = lo - 1 if isinstance(lo, int) else lo / 2 if lo > 0 else -1.0
    for bad in (over, under):
        with pytest.raises(UsageError, match="between"):
            _number(key, bad)


@pytest.fixture
def panel(qtbot):
    from visualizer.model.session import Session
    from visualizer.qt.parameters import ParametersPanel
    p = ParametersPanel(Session())
    qtbot.addWidget(p)
    yield p
    p.detach()


def _limits(panel, name):
    return tuple(panel.param(name).opts["limits"])


def test_the_parameter_panels_limits_are_the_command_lines(panel):
    """Read both: the panel's bounds and the numbers the CLI's check accepts."""
    for name, key in (("M", "hidden"), ("eta", "eta"), ("P", "P"), ("seed", "seed"),
                      ("clip", "clip")):
        lo, hi = _limits(panel, name)
        assert (lo, hi) == LIMITS[key], name
        assert _number(key, hi) == hi
        with pytest.raises(UsageError):
            _number(key, hi + (1 if isinstance(hi, int) else hi))
    # h and h′ are narrowed to the task's sequence (h ≤ L), never widened past the limits
    for name in ("h", "h_prime"):
        lo, hi = _limits(panel, name)
        assert LIMITS[name][0] <= lo <= hi <= LIMITS[name][1]


def test_every_vocabulary_reader_agrees(panel):
    from visualizer.model import explain, session, view_frame, workspace
    parser = build_parser()
    choices = {a.dest: a.choices for a in parser._actions if a.choices}
    assert tuple(choices["f"]) == conf.HIDDEN == tuple(panel.param("hidden").opts["limits"])
    assert tuple(choices["g"]) == conf.OUTPUT == tuple(panel.param("output").opts["limits"])
    assert tuple(choices["cost"]) == conf.COSTS
    assert set(panel.param("cost").opts["limits"].values()) == set(conf.COSTS)
    assert tuple(choices["scheme"]) == SCHEMES == tuple(panel.param("scheme").opts["limits"])
    assert set(conf.TASKS) <= set(panel.param("task").opts["limits"])
    assert workspace.EDGE_MODES == (None,) + EDGE_MODES
    assert set(conf.PHASE_EDGE_MODE.values()) <= set(EDGE_MODES)
    assert {session.default_edge_mode(p) for p in conf.PHASE_EDGE_MODE} <= set(EDGE_MODES)
    assert set(explain.EDGE_MODE_TEXT) == set(EDGE_MODES)
    assert set(view_frame.__dict__.get("EDGE_TEXT", {}) or EDGE_MODES) <= set(EDGE_MODES)


def test_workspace_and_config_import_neither_cli_nor_qt():
    code = ("import sys; import visualizer.model.workspace, visualizer.model.config; "
            "bad = [m for m in sys.modules if m.startswith(('visualizer.cli', 'PySide6', "
            "'visualizer.qt'))]; print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_read_text_sample_is_gone_and_decoders_are_shared():
    from core import datasets, tasks
    assert not hasattr(datasets, "read_text_sample")
    assert datasets.value_decoder is tasks.value_decoder


@pytest.mark.parametrize("task,M,P,scheme", [("reber", 32, 256, "epochwise"),
                                             ("sine", 64, 128, "chunked"),
                                             ("binary-addition", 48, 256, "epochwise")])
def test_memory_estimate_bounds_what_a_session_uses(task, M, P, scheme):
    """The estimate is an upper bound of tracemalloc's peak, and not a loose one (within 2x)."""
    from visualizer.model.session import Session
    cfg = Config.for_task(task, M=M, P=P, scheme=scheme)
    tracemalloc.start()
    try:
        s = Session(cfg)
        s.run_updates(2)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    t = s.task
    est = memory_estimate(t.L, t.P, M, t.N, t.O, conf.window_copies(cfg, t.L))["total"]
    assert peak <= est * 1.1 + (8 << 20)
    assert est <= 2 * peak + (8 << 20)


def test_past_the_budget_one_line_names_the_sizes_to_lower():
    with pytest.raises(BudgetError) as info:
        check_memory(L=1000, P=1024, M=512, N=1, O=1, T=8)
    msg = str(info.value)
    assert "\n" not in msg and "1.0 GB" in msg and "lower" in msg
    assert "the batch P" in msg and "the hidden units M" in msg
    check_memory(L=1000, P=1024, M=512, N=1, O=1, T=8, budget=16 << 30)    # a larger budget


def test_memory_budget_option(capsys):
    from visualizer.cli import main
    assert main(["train", "--task", "reber", "--hidden", "512", "--batch", "1024",
                 "--updates", "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "memory budget" in err[0] and "lower" in err[0]
    assert main(["train", "--task", "reber", "--hidden", "512", "--batch", "1024",
                 "--updates", "0", "--memory-budget", "lots"]) == 2
    assert "memory budget must be a size" in capsys.readouterr().err
    assert conf.parse_memory("2G") == 2 << 30 and conf.parse_memory("512") == 512 << 20
    assert conf.MEMORY_BUDGET == 1 << 30 and conf.MEMORY_BUDGET_SETTING == "memory_budget"


def test_panel_refuses_a_setting_past_the_budget(panel):
    panel.session.memory_budget = 4 << 20         # M = 512 needs about 13 MiB of weights
    messages = []
    panel.message.connect(messages.append)
    M = panel.session.config.M
    panel.param("M").setValue(512)
    assert panel.session.config.M == M
    assert messages and "memory budget" in messages[0]


def test_export_limits_are_the_configurations(capsys):
    import visualizer.export as ex
    from visualizer.cli import main
    assert ex.SIZE_LIMITS == LIMITS["size"] and ex.FPS_LIMITS == LIMITS["fps"]
    assert ex.MAX_UPDATES == LIMITS["export_updates"][1] and ex.MAX_FRAMES == LIMITS["frames"][1]
    assert ex.DEFAULT_SIZE == conf.EXPORT_SIZE
    hi = LIMITS["export_updates"][1]
    assert main(["export", "--updates", str(hi + 1), "--out", "unused"]) == 2
    assert str(hi) in capsys.readouterr().err
