"""The public API of DESIGN.md: shapes, dtypes, names, errors."""
import subprocess
import sys

import numpy as np
import pytest

import core


def test_create_and_shapes():
    net = core.Network.create(3, 5, 2, hidden="tanh", output="softmax", seed=0)
    assert (net.V.shape, net.U.shape, net.W.shape) == ((5, 3), (5, 5), (2, 5))
    assert net.theta_h.shape == (5,) and net.theta_o.shape == (2,)
    assert all(a.dtype == np.float64 for a in net.params().values())
    X = np.zeros((7, 4, 3))
    trace = core.forward(net, X)
    assert trace.net_h.shape == (7, 4, 5) and trace.s.shape == (8, 4, 5)
    assert trace.net_o.shape == (7, 4, 2) and trace.y.shape == (7, 4, 2)
    np.testing.assert_array_equal(trace.s[0], 0.0)
    s0 = np.full((4, 5), 0.25)
    assert np.all(core.forward(net, X, s0=s0).s[0] == 0.25)
    np.testing.assert_allclose(trace.y.sum(-1), 1.0)


def test_same_seed_same_network():
    a = core.Network.create(2, 3, 2, seed=5)
    b = core.Network.create(2, 3, 2, seed=5)
    c = core.Network.create(2, 3, 2, seed=6)
    assert all(np.array_equal(a.params()[k], b.params()[k]) for k in core.PARAMS)
    assert not np.array_equal(a.V, c.V)


def test_explicit_constructor():
    net = core.Network(V=np.ones((2, 1)), U=np.zeros((2, 2)), W=np.ones((1, 2)),
                       theta_h=np.zeros(2), theta_o=np.zeros(1), hidden="relu", output="linear")
    assert (net.N, net.M, net.O) == (1, 2, 1)


@pytest.mark.parametrize("kwargs,words", [
    (dict(hidden="softplus"), ["sigmoid", "tanh", "relu", "linear"]),
    (dict(output="relu"), ["sigmoid", "softmax", "linear"]),
    (dict(output="softmax", n_out=1), ["softmax", "two outputs"]),
])
def test_unknown_names_and_impossible_pairs(kwargs, words):
    n_out = kwargs.pop("n_out", 2)
    with pytest.raises(ValueError) as err:
        core.Network.create(2, 3, n_out, **kwargs)
    for w in words:
        assert w in str(err.value)


def test_cost_names_and_ce_with_linear_output():
    net = core.Network.create(2, 3, 2, output="linear")
    X, D = np.zeros((3, 1, 2)), np.zeros((3, 1, 2))
    with pytest.raises(ValueError, match="cross-entropy is undefined for a linear output"):
        core.gradients(net, X, D, cost="ce")
    with pytest.raises(ValueError, match="sse, ce"):
        core.gradients(net, X, D, cost="mse")
    with pytest.raises(ValueError, match="depth"):
        core.gradients(net, X, D, depth=0)
    with pytest.raises(ValueError, match=r"\(L, P, 2\)"):
        core.gradients(net, np.zeros((3, 1, 5)), D)


def test_gradient_sign_is_autograds():
    # One small step against the gradient lowers the cost.
    rng = np.random.default_rng(0)
    net = core.Network.create(2, 4, 2, hidden="tanh", output="softmax", seed=1)
    X = rng.normal(size=(6, 3, 2))
    D = np.eye(2)[rng.integers(0, 2, (6, 3))]
    before = core.evaluate(net, X, D, "ce")
    g = core.gradients(net, X, D, "ce")
    for name, a in net.params().items():
        a -= 1e-3 * g[name]
    assert core.evaluate(net, X, D, "ce") < before


def test_core_imports_no_qt():
    code = ("import sys, core; bad = [m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph')]; print(bad); "
            "sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
