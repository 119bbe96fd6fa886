"""Fuzzed workspaces and CSVs (random sizes, nesting and numbers): refused with one line, or loaded within the budget."""
import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import tracemalloc

from core import datasets
from visualizer.model import config as conf
from visualizer.model import workspace
from visualizer.model.config import Config
from visualizer.model.session import Session

BUDGET = conf.MEMORY_BUDGET
#: the deadline is the issue's "never more than 30 s" per input
FUZZ = settings(max_examples=25, deadline=30_000,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class Peak:
    """Peak of Python's and numpy's allocations inside the block (tracemalloc)."""

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.bytes = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return False


def one_line(err: Exception) -> str:
    msg = str(err)
    assert msg and "\n" not in msg
    return msg


def _within(session) -> None:
    t = session.task
    est = conf.memory_estimate(t.L, t.P, session.config.M, t.N, t.O,
                               conf.window_copies(session.config, t.L))["total"]
    assert est <= BUDGET


numbers = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**400, 10**400),
                    st.sampled_from(["1e154", "1e308", "-1e308", "nan", "x", "", "1e999"]))


@FUZZ
@given(lengths=st.lists(st.integers(1, 1200), min_size=1, max_size=40),
       many_ones=st.integers(0, 1100), cols=st.integers(2, 4), values=st.lists(numbers, max_size=8),
       hidden=st.sampled_from([None, 8, 128, 512]))
# Found by this test in a stress run: the score's forward pass took the arrays of BPTT too
# (1.28 GB at a peak against an estimate of 0.9 GB), which the budget does not count.
@example(lengths=[359], many_ones=688, cols=2, values=[], hidden=128)
def test_fuzzed_csv_is_refused_or_fits(tmp_path_factory, lengths, many_ones, cols, values, hidden):
    d = tmp_path_factory.mktemp("csv")
    f = d / "f.csv"
    vals = [str(v) for v in values] or ["0.5"]
    blocks = []
    for i, n in enumerate(lengths + [1] * many_ones):
        blocks.append("\n".join(",".join(vals[(i + r + c) % len(vals)] for c in range(cols))
                                for r in range(n)))
    f.write_text("\n\n".join(blocks) + "\n")
    with Peak() as peak:
        try:
            task = datasets.load_csv(f, "0", str(cols - 1), max_bytes=BUDGET)
            cfg = Config.from_task(task, **({"M": hidden} if hidden else {}))
            conf.check_task_memory(cfg, task)
            s = Session(cfg, task=task)
            s.run_updates(1)
            _within(s)
        except (datasets.DataError, conf.BudgetError, ValueError) as err:
            one_line(err)
    assert peak.bytes < BUDGET + (200 << 20)


def _nest(depth: int, leaf):
    for _ in range(depth):
        leaf = [leaf] if depth % 2 else {"k": leaf}
    return leaf


@FUZZ
@given(depth=st.one_of(st.just(0), st.integers(0, 1200)), M=st.integers(1, 600),
       P=st.one_of(st.just(16), st.integers(1, 1100)),
       shape=st.lists(st.integers(0, 10**7), min_size=0, max_size=5),
       eta=st.one_of(st.just(0.01), st.floats(allow_nan=True, allow_infinity=True),
                     st.integers(-5, 10**30)),
       drop=st.sampled_from([None, None, None, "config", "task", "network", "trainer", "view",
                             "before"]),
       zeros=st.one_of(st.just(0), st.integers(0, 64 << 20)))
def test_fuzzed_workspace_is_refused_or_fits(tmp_path_factory, depth, M, P, shape, eta, drop,
                                             zeros):
    s = Session(Config.for_task("reber"))
    meta, arrays = workspace.describe(s)
    meta["config"]["task_params"] = {"deep": _nest(depth, 1)} if depth else {}
    meta["config"]["M"] = meta["network"]["M"] = M
    meta["config"]["P"] = P
    meta["config"]["eta"] = eta
    if drop:
        meta.pop(drop)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    inner = buf.getvalue()
    if len(shape) > 1:                            # an extra array whose header declares `shape`
        header = {"descr": "<f8", "fortran_order": False, "shape": tuple(shape)}
        h = io.BytesIO()
        np.lib.format.write_array_header_1_0(h, header)
        extra = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(inner)) as src, zipfile.ZipFile(extra, "w") as dst:
            for info in src.infolist():
                dst.writestr(info, src.read(info))
            dst.writestr("extra.npy", h.getvalue() + b"\0" * 64)
        inner = extra.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("workspace.json", json.dumps(meta, allow_nan=True))
        zf.writestr("arrays.npz", inner)
        if zeros:
            zf.writestr("padding", b"\0" * zeros)
    path = tmp_path_factory.mktemp("ws") / "w.rnnu"
    path.write_bytes(out.getvalue())
    with Peak() as peak:
        try:
            loaded = workspace.load(path)
            _within(loaded)
        except workspace.WorkspaceError as err:
            one_line(err)
    assert peak.bytes < BUDGET + (200 << 20)


@pytest.mark.parametrize("depth", [31, 33])
def test_nesting_at_the_depth_limit(tmp_path, depth):
    """The depth limit is exact: a file that loads can be saved again."""
    task = datasets.text_task("abcabcabcabd", name="t.txt", L=4)
    task.params["x"] = _nest(depth - 3, 1)         # meta → task → params → x …
    s = Session(Config.from_task(task), task=task)
    path = tmp_path / "d.rnnu"
    try:
        workspace.save(s, path)
    except workspace.WorkspaceError as err:
        assert "nests" in one_line(err)
        return
    again = workspace.load(path)
    workspace.save(again, tmp_path / "again.rnnu")
