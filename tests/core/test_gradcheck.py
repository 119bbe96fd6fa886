"""core.gradcheck: central differences with .detach() depth semantics, on every task."""
import numpy as np
import pytest

import core
from core import gradcheck as gc
from core import tasks


def random_problem(seed=0, L=6, P=3, N=2, M=4, O=2, hidden="tanh", output="sigmoid"):
    rng = np.random.default_rng(seed)
    net = core.Network.create(N, M, O, hidden=hidden, output=output, seed=seed, scale=0.9)
    X = rng.normal(size=(L, P, N))
    D = rng.uniform(size=(L, P, O))
    mask = rng.uniform(size=(L, P)) > 0.4
    mask[-1] = True
    s0 = rng.normal(scale=0.5, size=(P, M))
    return net, X, D, mask, s0


@pytest.mark.parametrize("depth", [None, 1, 2, 4])
@pytest.mark.parametrize("cost", ["sse", "ce"])
def test_engine_passes(depth, cost):
    net, X, D, mask, s0 = random_problem(seed=7)
    before = {k: v.copy() for k, v in net.params().items()}
    r = gc.gradcheck(net, X, D, cost=cost, depth=depth, s0=s0, mask=mask)
    assert r.ok, r.errors
    assert set(r.errors) == set(core.PARAMS)
    assert all(np.array_equal(before[k], getattr(net, k)) for k in core.PARAMS)   # net untouched


def test_depth_semantics_matter():
    """The numeric side really holds the state entering copy t−h+1 (.detach()): depth-2
    gradients differ from full-BPTT ones, and each passes only against its own depth."""
    net, X, D, mask, s0 = random_problem(seed=2, L=7)
    g2 = core.gradients(net, X, D, cost="sse", depth=2, s0=s0, mask=mask)
    gfull = core.gradients(net, X, D, cost="sse", s0=s0, mask=mask)
    assert gc.relative_error(g2["U"], gfull["U"]) > 1e-3
    assert gc.gradcheck(net, X, D, cost="sse", depth=2, s0=s0, mask=mask).ok


def test_truncated_cost_with_full_depth_is_the_cost():
    net, X, D, mask, s0 = random_problem(seed=5)
    s = core.forward(net, X, s0).s
    full = gc.truncated_cost(net, X, D, "ce", None, s, mask)
    deep = gc.truncated_cost(net, X, D, "ce", X.shape[0] + 3, s, mask)
    assert full == pytest.approx(core.evaluate(net, X, D, cost="ce", s0=s0, mask=mask), rel=1e-12)
    assert deep == pytest.approx(full, rel=1e-12)


def first_window_with_target(trainer):
    upd = trainer.prepare()
    while not upd.bptt_pass.deltas.targets.any():
        trainer.apply(upd)
        upd = trainer.prepare()
    return upd


@pytest.mark.parametrize("name", tasks.TASKS)
def test_every_task_passes(name):
    """Recommended settings with a small M: the update window and the whole sequence."""
    task = tasks.make_task(name, seed=0)
    rec = task.recommended
    net = core.Network.create(task.N, 3, task.O, hidden=rec.hidden, output=rec.output, seed=0)
    trainer = core.Trainer(net, task.X, task.D, mask=task.mask, scheme=rec.make_scheme(),
                           cost=rec.cost, eta=rec.eta)
    trainer.train(2)                                  # not at the initial weights only
    upd = first_window_with_target(trainer)
    r = gc.gradcheck_update(net, upd, rec.cost)
    assert r.ok, (name, r.errors)
    whole = gc.gradcheck(net, task.X, task.D, cost=rec.cost, depth=rec.make_scheme().h,
                         mask=task.mask)
    assert whole.ok, (name, whole.errors)


def test_a_corrupted_gradient_fails(monkeypatch):
    net, X, D, mask, s0 = random_problem(seed=3)
    real = gc.engine_gradients

    def wrong(*args):
        g = real(*args)
        g["U"] = g["U"].copy()
        g["U"][0, 1] *= 1.001                          # 0.1 % off in one entry
        return g

    monkeypatch.setattr(gc, "engine_gradients", wrong)
    r = gc.gradcheck(net, X, D, cost="sse", s0=s0, mask=mask)
    assert not r.ok
    assert r.passed == {"V": True, "U": False, "W": True, "theta_h": True, "theta_o": True}
    assert r.errors["U"] > 1e-6
    assert "FAIL" in "\n".join(r.lines())


def test_relative_error_measure():
    assert gc.relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert gc.relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert gc.relative_error([1.0], [1.1]) == pytest.approx(0.1 / 2.1)
    assert gc.relative_error([np.nan], [1.0]) == float("inf")
