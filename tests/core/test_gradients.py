"""Analytic gradients against central finite differences, for every (f, g, cost, depth).

The finite differences are core.gradcheck's (the one oracle; test_gradcheck.py
checks that it fails on a gradient 0.1 % off and that full depth differentiates
core.evaluate exactly).
"""
import itertools
import zlib

import numpy as np
import pytest

import core
from core import activations as act
from core import gradcheck as gc

PAIRS = [("sigmoid", "sse"), ("sigmoid", "ce"), ("softmax", "sse"), ("softmax", "ce"),
         ("linear", "sse")]


def problem(output, seed, L=5, P=3, N=3, M=4, O=3):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(L, P, N))
    if output == "softmax":
        D = rng.dirichlet(np.ones(O), size=(L, P))
    elif output == "sigmoid":
        D = rng.uniform(size=(L, P, O))
    else:
        D = rng.normal(size=(L, P, O))
    mask = rng.uniform(size=(L, P)) > 0.35
    mask[-1, 0] = True
    s0 = rng.normal(scale=0.5, size=(P, M))
    return X, D, mask, s0


@pytest.mark.parametrize("hidden", core.HIDDEN)
@pytest.mark.parametrize("output,cost", PAIRS)
@pytest.mark.parametrize("depth", [None, 1, 2, 3])
def test_gradients_match_finite_differences(hidden, output, cost, depth):
    seed = zlib.crc32(f"{hidden}{output}{cost}{depth}".encode())
    for with_mask, with_s0 in itertools.product([False, True], repeat=2):
        X, D, mask, s0 = problem(output, seed)
        net = core.Network.create(3, 4, 3, hidden=hidden, output=output, seed=seed % 1000,
                                  scale=0.9)
        m = mask if with_mask else None
        s = s0 if with_s0 else None
        # core.gradcheck is the one finite-difference oracle (ε = 1e−6, .detach() depth).
        check = gc.gradcheck(net, X, D, cost=cost, depth=depth, s0=s, mask=m)
        analytic = core.gradients(net, X, D, cost=cost, depth=depth, s0=s, mask=m)
        for name in core.PARAMS:
            assert analytic[name].shape == getattr(net, name).shape
            np.testing.assert_array_equal(check.analytic[name], analytic[name])
            assert check.errors[name] < 1e-6, (name, with_mask, with_s0, check.errors)


def test_depth_at_least_the_sequence_length_is_full_bptt():
    X, D, mask, s0 = problem("sigmoid", 1)
    net = core.Network.create(3, 4, 3, hidden="tanh", seed=1)
    full = core.gradients(net, X, D, depth=None, mask=mask)
    for h in (5, 6, 50):
        deep = core.gradients(net, X, D, depth=h, mask=mask)
        for name in core.PARAMS:
            np.testing.assert_allclose(deep[name], full[name], rtol=1e-13, atol=1e-14)


def test_per_copy_terms_and_per_source_deltas_add_up():
    X, D, mask, s0 = problem("softmax", 2, L=6)
    net = core.Network.create(3, 4, 3, hidden="tanh", output="softmax", seed=2)
    for depth in (None, 1, 2, 4):
        p = core.run_pass(net, X, D, "ce", depth=depth, s0=s0, mask=mask,
                          by_source=True, per_copy=True)
        plain = core.gradients(net, X, D, "ce", depth=depth, s0=s0, mask=mask)
        for name in core.PARAMS:
            np.testing.assert_allclose(-getattr(p.foldback, name).sum(0), plain[name],
                                       rtol=1e-12, atol=1e-13)
        # by_source[z, t] lands on copy t − z; their sum is δ_h.
        src = p.deltas.by_source
        total = np.zeros_like(p.deltas.delta_h)
        for z in range(src.shape[0]):
            total[:6 - z] += src[z, z:]
            reach = np.arange(6) - p.deltas.start + 1
            assert not src[z][reach <= z].any()
        np.testing.assert_allclose(total, p.deltas.delta_h, rtol=1e-12, atol=1e-14)
        # W sees only steps where error entered.
        assert not p.foldback.W[~mask.any(axis=1)].any()


def test_slope_written_with_s_equals_slope_at_net():
    net = np.linspace(-4, 4, 41)
    for name in core.HIDDEN:
        s = act.hidden(name, net)
        np.testing.assert_allclose(act.hidden_slope(name, s),
                                   act.hidden_slope_from_net(name, net), atol=1e-15)
    # Putting s where net belongs is the trap the source text hints at.
    s = np.tanh(net)
    assert np.max(np.abs((1 - np.tanh(s) ** 2) - act.hidden_slope("tanh", s))) > 0.1


def test_softmax_sse_uses_the_full_jacobian_not_the_diagonal():
    rng = np.random.default_rng(0)
    y = act.output("softmax", rng.normal(size=(5, 4)))
    d = rng.dirichlet(np.ones(4), size=5)
    J = np.einsum("pq,qk->pqk", y, np.eye(4)) - np.einsum("pq,pk->pqk", y, y)  # ∂y_q/∂net_k
    exact = np.einsum("pq,pqk->pk", d - y, J)
    np.testing.assert_allclose(act.output_delta("softmax", "sse", y, d), exact, atol=1e-15)
    diagonal = (d - y) * y * (1 - y)
    assert np.max(np.abs(diagonal - exact)) > 1e-3


def test_reused_arrays_never_leak_into_results():
    """core.gradients reuses its pass's arrays from call to call: what it returned stays put."""
    X, D, mask, s0 = problem("softmax", 4)
    net = core.Network.create(3, 4, 3, hidden="tanh", output="softmax", seed=4)
    first = core.gradients(net, X, D, cost="ce", mask=mask)
    kept = {k: v.copy() for k, v in first.items()}
    core.gradients(net, X[::-1].copy(), D, cost="ce", s0=s0)          # same sizes, other numbers
    core.gradients(net, X[:3], D[:3], cost="ce")                       # other sizes
    again = core.gradients(net, X, D, cost="ce", mask=mask)
    fresh = core.run_pass(net, X, D, cost="ce", mask=mask).grads       # arrays of its own
    for k in core.PARAMS:
        np.testing.assert_array_equal(first[k], kept[k])
        np.testing.assert_array_equal(again[k], kept[k])
        np.testing.assert_array_equal(fresh[k], kept[k])
        assert not np.shares_memory(first[k], again[k])
