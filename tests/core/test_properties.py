"""Property-based tests of the core (hypothesis): random shapes, names and values.

The contract: ``forward``, ``gradients`` and the ``Trainer`` return finite
results or raise ValueError (``Trainer.apply`` raises NonFiniteError for an
update that is not finite, leaving the weights as they were); nothing else.
Non-finite or overflowing *input values* are not rejected by the core (NaN
targets at unscored steps are part of the API): for them the result, when
there is one, is checked part by part.
"""
import string

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import core
from core import datasets
from core.errors import NonFiniteError

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

names_h = st.one_of(st.sampled_from(core.HIDDEN), st.text(string.ascii_letters, max_size=8))
names_o = st.one_of(st.sampled_from(core.OUTPUT), st.text(string.ascii_letters, max_size=8))
names_c = st.one_of(st.sampled_from(core.COSTS), st.text(string.ascii_letters, max_size=4))
depths = st.one_of(st.none(), st.integers(-2, 8))
moderate = st.floats(-3.0, 3.0, allow_nan=False, allow_infinity=False)
anything = st.floats(allow_nan=True, allow_infinity=True, width=64)


@st.composite
def problems(draw, values=moderate, weights=moderate):
    N, M, O = draw(st.integers(1, 4)), draw(st.integers(1, 5)), draw(st.integers(1, 4))
    L, P = draw(st.integers(1, 6)), draw(st.integers(1, 4))
    hidden, output, cost = draw(names_h), draw(names_o), draw(names_c)
    shape_x = draw(st.sampled_from([(L, P, N), (L, P, N + 1), (L, N), (L, P, N, 1)]))
    X = draw(hnp.arrays(np.float64, shape_x, elements=values))
    D = draw(hnp.arrays(np.float64, (L, P, O), elements=values))
    params = {"V": (M, N), "U": (M, M), "W": (O, M), "theta_h": (M,), "theta_o": (O,)}
    w = {k: draw(hnp.arrays(np.float64, s, elements=weights)) for k, s in params.items()}
    mask = draw(st.one_of(st.none(), hnp.arrays(bool, (L, P))))
    return dict(N=N, M=M, O=O, L=L, P=P, hidden=hidden, output=output, cost=cost, X=X, D=D,
                w=w, mask=mask, depth=draw(depths))


def _network(p):
    return core.Network(**p["w"], hidden=p["hidden"], output=p["output"])


def _finite(obj):
    if isinstance(obj, dict):
        return all(np.isfinite(v).all() for v in obj.values())
    return all(np.isfinite(getattr(obj, k)).all() for k in ("net_h", "s", "net_o", "y"))


@SETTINGS
@given(problems())
def test_forward_and_gradients_finite_or_value_error(p):
    try:
        net = _network(p)
        trace = core.forward(net, p["X"])
        grads = core.gradients(net, p["X"], p["D"], cost=p["cost"], depth=p["depth"],
                               mask=p["mask"])
    except ValueError:
        return
    assert _finite(trace)
    assert _finite(grads)
    assert set(grads) == set(core.PARAMS)
    for k, g in grads.items():
        assert g.shape == getattr(net, k).shape


RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "relu": (0.0, np.inf),
          "linear": (-np.inf, np.inf), "softmax": (0.0, 1.0)}


def _in_range(a, name):
    lo, hi = RANGES[name]
    ok = np.isnan(a) | ((a >= lo) & (a <= hi))
    return bool(ok.all())


@SETTINGS
@given(problems(values=anything, weights=st.floats(-1e3, 1e3)))
def test_any_values_give_value_error_or_a_checked_result(p):
    """NaN, ±inf and huge inputs: a ValueError, or a result whose every part is checked."""
    with np.errstate(all="ignore"):
        try:
            net = _network(p)
            trace = core.forward(net, p["X"])
            bptt_pass = core.run_pass(net, p["X"], p["D"], cost=p["cost"], depth=p["depth"],
                                      mask=p["mask"], by_source=True, per_copy=True)
            grads = core.gradients(net, p["X"], p["D"], cost=p["cost"], depth=p["depth"],
                                   mask=p["mask"])
            cost = core.evaluate(net, p["X"], p["D"], cost=p["cost"], mask=p["mask"])
        except ValueError:
            # Refused: then the inputs really were wrong (names, shapes or depth).
            bad_shape = np.ndim(p["X"]) == 4 or np.shape(p["X"])[-1] != p["N"] \
                or (np.ndim(p["X"]) == 2 and p["P"] != 1)
            assert (p["hidden"] not in core.HIDDEN or p["output"] not in core.OUTPUT
                    or p["cost"] not in core.COSTS or bad_shape
                    or (p["depth"] is not None and p["depth"] < 1)
                    or (p["output"] == "softmax" and p["O"] < 2)
                    or (p["output"] == "linear" and p["cost"] == "ce"))
            return
    L, P, M, O = p["L"], p["P"], p["M"], p["O"]
    # Shapes and the state s(0) = 0 in front.
    assert trace.s.shape == (L + 1, P, M) and trace.y.shape == (L, P, O)
    assert not trace.s[0].any()
    # Every activation within its function's range (or NaN where the input was NaN).
    assert _in_range(trace.s[1:], net.hidden)
    assert _in_range(trace.y, net.output)
    # The same numbers by every road: forward, the view's pass, the fast gradients, evaluate.
    np.testing.assert_array_equal(bptt_pass.trace.y, trace.y)
    for k in core.PARAMS:
        assert grads[k].shape == getattr(net, k).shape
        np.testing.assert_array_equal(grads[k], bptt_pass.grads[k])
    np.testing.assert_array_equal(cost, bptt_pass.cost)
    # No error where no target: δ_k is exactly zero at unscored steps, even for NaN targets.
    targets = bptt_pass.deltas.targets
    assert not bptt_pass.deltas.delta_o[~targets].any()
    np.testing.assert_array_equal(bptt_pass.cost_per_step[~targets.any(axis=1)], 0.0)


@SETTINGS
@given(problems(), st.floats(0.0, 100.0), st.one_of(st.none(), st.floats(1e-3, 1e3)),
       st.sampled_from(core.PRESETS), st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_trainer_applies_finite_updates_or_refuses(p, eta, clip, scheme, T, seed):
    try:
        net = _network(p)
        trainer = core.Trainer(net, p["X"], p["D"], mask=p["mask"],
                          scheme=core.preset(scheme, T=T, k=T), cost=p["cost"], eta=eta,
                          clip=clip, seed=seed)
    except ValueError:
        return
    for _ in range(12):
        before = {k: v.copy() for k, v in net.params().items()}
        upd = trainer.prepare()
        try:
            trainer.apply(upd)
        except NonFiniteError as err:
            assert not upd.finite and err.what
            for k, v in before.items():
                assert np.array_equal(v, getattr(net, k))     # weights untouched
            return
        assert upd.finite and np.isfinite(upd.cost)
        assert all(np.isfinite(v).all() for v in net.params().values())


@SETTINGS
@given(st.text(min_size=0, max_size=300), st.integers(1, 40), st.integers(2, 50))
def test_text_task_or_data_error(text, L, vocab):
    try:
        task = datasets.text_task(text, L=L, max_vocab=vocab)
    except datasets.DataError as err:
        assert "\n" not in str(err)
        return
    assert task.N == task.O <= vocab
    assert task.X.shape == task.D.shape == (task.L, task.P, task.N)
    assert (task.X.sum(axis=2) == 1).all()


@SETTINGS
@given(st.lists(st.lists(st.one_of(st.floats(-1e6, 1e6).map(repr), st.text(",\"\n ", max_size=2),
                                   st.sampled_from(["", "nan", "x", "1e999"])),
                         min_size=1, max_size=4), max_size=12))
def test_csv_task_or_data_error(rows):
    text = "\n".join(",".join(r) for r in rows)
    try:
        table = datasets.parse_table(text)
        n = len(table.columns)
        task = datasets.csv_task(table, list(range(max(1, n - 1))), [n - 1])
    except datasets.DataError as err:
        assert "\n" not in str(err)
        return
    assert np.isfinite(task.X).all() and np.isfinite(task.D).all()
    assert task.mask.any(axis=0).all()


def test_trainer_state_round_trip_property():
    """state() / load_state() continue identically (the basis of workspace files)."""
    rng = np.random.default_rng(1)
    for _ in range(10):
        L, P, N, M, O = rng.integers(2, 7), rng.integers(1, 4), rng.integers(1, 4), \
            rng.integers(1, 5), rng.integers(1, 4)
        X, D = rng.normal(size=(L, P, N)), rng.normal(size=(L, P, O))

        def resample(r, X=X, D=D):
            return X + r.normal(size=X.shape), D, None
        a = core.Trainer(core.Network.create(N, M, O, "tanh", "linear", seed=3), X, D,
                         scheme=core.preset("chunked", k=2), eta=0.01, resample=resample, seed=5)
        a.train(int(rng.integers(0, 7)))
        b = core.Trainer(a.net.copy(), X, D, scheme=core.preset("chunked", k=2), eta=0.01,
                         resample=resample, seed=99)
        b.load_state(a.state())
        a.train(9)
        b.train(9)
        for k in core.PARAMS:
            assert np.array_equal(getattr(a.net, k), getattr(b.net, k))


@pytest.mark.parametrize("bad", ["Tanh", "", "softmax"])
def test_bad_hidden_name_is_value_error(bad):
    with pytest.raises(ValueError, match="valid"):
        core.Network.create(2, 3, 2, hidden=bad)
