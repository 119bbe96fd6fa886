"""Bad arguments at the core's door: one ValueError that names the argument (issues 9 and 11).

Every public function (Network, Network.create, forward, gradients, run_pass,
evaluate, Trainer, gradcheck) is given a wrong type, a wrong shape, an empty
sequence, complex numbers or an impossible size; each must raise ValueError
(nothing else) with the argument's name, and where a shape is at fault, the
expected shape, in the message.
"""
import math

import numpy as np
import pytest

import core
from core import gradcheck as gc

NET = core.Network.create(2, 3, 2, hidden="tanh", output="softmax", seed=0)
X = np.random.default_rng(0).normal(size=(4, 3, 2))          # (L, P, N)
D = np.eye(2)[np.random.default_rng(1).integers(0, 2, (4, 3))]   # (L, P, O)


def refused(match, fn, *args, **kw):
    with pytest.raises(ValueError, match=match) as err:
        fn(*args, **kw)
    assert type(err.value) is ValueError
    assert "\n" not in str(err.value)
    return str(err.value)


@pytest.mark.parametrize("bad", [None, math.inf, math.nan, True, 10**20, 0, -3, 2.5, "3",
                                 np.float64("nan"), [3]])
@pytest.mark.parametrize("arg", ["n_in", "n_hidden", "n_out"])
def test_create_refuses_bad_sizes(arg, bad):
    sizes = {"n_in": 2, "n_hidden": 3, "n_out": 2, arg: bad}
    refused(arg, core.Network.create, sizes["n_in"], sizes["n_hidden"], sizes["n_out"])


def test_create_refuses_a_network_too_big_to_allocate():
    refused("n_hidden", core.Network.create, 2, 10**6 - 1, 2)


def test_create_refuses_bad_names_seed_and_scale():
    refused("hidden activation", core.Network.create, 2, 3, 2, hidden=None)
    refused("output activation", core.Network.create, 2, 3, 2, output=["sigmoid"])
    refused("seed", core.Network.create, 2, 3, 2, seed=-1)
    refused("seed", core.Network.create, 2, 3, 2, seed=1.5)
    refused("scale", core.Network.create, 2, 3, 2, scale=math.nan)
    refused("scale", core.Network.create, 2, 3, 2, scale=0.0)


def weights(**change):
    w = dict(V=np.ones((3, 2)), U=np.zeros((3, 3)), W=np.ones((2, 3)), theta_h=np.zeros(3),
             theta_o=np.zeros(2))
    w.update(change)
    return w


@pytest.mark.parametrize("change,match", [
    (dict(V=np.ones((0, 2)), U=np.zeros((0, 0)), W=np.ones((2, 0)), theta_h=np.zeros(0)),
     r"V must have shape \(M, N\) with M, N ≥ 1"),                     # M = 0
    (dict(V=np.ones((3, 0))), r"V must have shape \(M, N\)"),          # N = 0
    (dict(W=np.ones(3)), r"W must have shape \(O, M\)"),               # 1-D W
    (dict(W=np.ones((0, 3)), theta_o=np.zeros(0)), r"W must have shape \(O, M\)"),
    (dict(U=np.zeros((3, 2))), r"U must have shape \(M, M\) = \(3, 3\)"),
    (dict(theta_h=np.zeros(4)), r"theta_h must have shape \(M,\) = \(3,\)"),
    (dict(V=np.ones((3, 2)) + 1j), "V must hold real numbers"),
    (dict(U=[["a", "b", "c"]] * 3), "U must hold real numbers"),
    (dict(theta_o=None), "theta_o must be an array"),
    (dict(V=[[1.0, 2.0], [3.0]]), "V must be an array"),              # ragged
    (dict(U=np.full((3, 3), np.nan)), "U must hold finite numbers"),
])
def test_network_refuses_bad_weights(change, match):
    refused(match, core.Network, **weights(**change))


def test_network_refuses_a_non_string_activation():
    refused("hidden activation", core.Network, **weights(), hidden=1)


@pytest.mark.parametrize("fn", ["forward", "gradients", "run_pass", "evaluate", "gradcheck"])
def test_every_entry_point_refuses_bad_inputs(fn):
    call = {"forward": lambda x, **kw: core.forward(NET, x, **kw),
            "gradients": lambda x, **kw: core.gradients(NET, x, D[:, :x.shape[1]]
                                                        if np.ndim(x) == 3 and 0 not in
                                                        np.shape(x) else D, **kw),
            "run_pass": lambda x, **kw: core.run_pass(NET, x, D, **kw),
            "evaluate": lambda x, **kw: core.evaluate(NET, x, D, **kw),
            "gradcheck": lambda x, **kw: gc.gradcheck(NET, x, D, params=("theta_o",), **kw)}[fn]
    refused(r"X must have shape \(L, P, 2\)", call, np.zeros((0, 3, 2)))       # L = 0
    refused(r"X must have shape \(L, P, 2\)", call, np.zeros((4, 0, 2)))       # P = 0
    refused(r"X must have shape \(L, P, 2\)", call, np.zeros((4, 3, 5)))       # wrong N
    refused(r"X must have shape \(L, P, 2\)", call, np.zeros(4))               # 1-D
    refused(r"X must hold real numbers", call, X + 1j)                         # complex
    refused(r"X must hold real numbers", call, np.full((4, 3, 2), "a"))
    refused(r"X must be an array", call, None)
    refused(r"s0 must have shape \(P, M\) = \(3, 3\)", call, X, s0=np.zeros((2, 3)))
    refused(r"s0 must hold real numbers", call, X, s0=np.zeros(3) + 1j)
    entry = {"forward": core.forward, "gradients": core.gradients, "run_pass": core.run_pass,
             "evaluate": core.evaluate, "gradcheck": gc.gradcheck}[fn]
    refused("net must be a core.Network", entry, "net", *((X,) if fn == "forward" else (X, D)))


@pytest.mark.parametrize("fn", [core.gradients, core.run_pass, core.evaluate, gc.gradcheck])
def test_targets_must_match_the_inputs_exactly(fn):
    # A D with P = 1 used to be broadcast over the 3 samples by evaluate.
    msg = refused(r"D must have shape \(L, P, O\) = \(4, 3, 2\)", fn, NET, X, D[:, :1])
    assert "(4, 1, 2)" in msg
    refused(r"D must have shape \(L, P, O\) = \(4, 3, 2\)", fn, NET, X, D[:3])
    refused(r"D must have shape \(L, P, O\)", fn, NET, X, D[..., :1])
    refused("D must hold real numbers", fn, NET, X, D + 0j)
    refused("D must be an array", fn, NET, X, None)


@pytest.mark.parametrize("fn", [core.gradients, core.run_pass, core.evaluate, gc.gradcheck])
def test_masks_and_costs_are_checked(fn):
    refused(r"mask must have shape \(L, P\) = \(4, 3\)", fn, NET, X, D, mask=np.ones((4, 2)))
    refused("mask must hold booleans", fn, NET, X, D, mask=np.full((4, 3), 0.5))
    refused("mask must hold real numbers", fn, NET, X, D, mask=np.ones((4, 3)) * 1j)
    refused("unknown cost", fn, NET, X, D, cost=None)
    refused("unknown cost", fn, NET, X, D, cost="mse")


@pytest.mark.parametrize("depth", ["a", 0, -1, True, math.inf, 2.5, math.nan, [2]])
@pytest.mark.parametrize("fn", [core.gradients, core.run_pass, gc.gradcheck])
def test_depth_must_be_a_positive_integer_or_none(fn, depth):
    refused("depth must be a positive integer or None", fn, NET, X, D, depth=depth)


def test_run_pass_checks_start_and_flags():
    refused(r"start must have shape \(L,\) = \(4,\)", core.run_pass, NET, X, D, start=[0, 0])
    refused("start must have shape", core.run_pass, NET, X, D, start=[0, 0, 3, 0])
    refused("by_source must be True or False", core.run_pass, NET, X, D, by_source="yes")
    refused("per_copy must be True or False", core.run_pass, NET, X, D, per_copy=None)


def test_gradcheck_checks_its_own_arguments():
    refused("eps", gc.gradcheck, NET, X, D, eps=0.0)
    refused("tolerance", gc.gradcheck, NET, X, D, tolerance=math.nan)
    refused("params", gc.gradcheck, NET, X, D, params=("Q",))
    refused("params", gc.gradcheck, NET, X, D, params="V")


# -- the trainer ----------------------------------------------------------------------
def make_trainer(**kw):
    return core.Trainer(NET.copy(), X, D, cost="ce", scheme=core.preset("epochwise"), **kw)


@pytest.mark.parametrize("eta", [math.nan, math.inf, -math.inf, -1.0, "a", None, True, 1e308,
                                 1j, [0.1]])
def test_trainer_refuses_bad_eta(eta):
    refused(r"eta \(η\) must be a finite number ≥ 0", make_trainer, eta=eta)
    trainer = make_trainer(eta=0.5)
    refused(r"eta \(η\)", setattr, trainer, "eta", eta)
    assert trainer.eta == 0.5                                  # unchanged by the refused value


def test_trainer_takes_any_sane_eta():
    for eta in (0, 0.0, 1e-12, 100, np.float64(3.5), 1e6):
        assert make_trainer(eta=eta).eta == float(eta)


@pytest.mark.parametrize("clip", [0, 0.0, -1.0, math.nan, math.inf, "x", True])
def test_trainer_refuses_bad_clip(clip):
    refused("clip must be a finite number > 0", make_trainer, clip=clip)
    trainer = make_trainer(clip=2.0)
    refused("clip", setattr, trainer, "clip", clip)
    assert trainer.clip == 2.0
    trainer.clip = None
    assert trainer.clip is None


def test_trainer_refuses_a_scheme_by_name_and_other_bad_arguments():
    msg = refused("scheme must be a core.Scheme", core.Trainer, NET.copy(), X, D, scheme="boden")
    assert "core.preset('boden')" in msg
    refused("scheme must be a core.Scheme", core.Trainer, NET.copy(), X, D, scheme=(4, 1))
    refused("X must hold real numbers", core.Trainer, NET.copy(), X + 1j, D)
    refused(r"X must have shape \(L, P, 2\)", core.Trainer, NET.copy(), X[:0], D[:0])
    refused(r"D must have shape \(L, P, O\) = \(4, 3, 2\)", core.Trainer, NET.copy(), X, D[:, :1])
    refused("net must be a core.Network", core.Trainer, None, X, D)
    refused("unknown cost", core.Trainer, NET.copy(), X, D, cost="mse")
    refused("seed", core.Trainer, NET.copy(), X, D, seed=-1)
    refused("seed", core.Trainer, NET.copy(), X, D, seed=None)
    refused("resample", core.Trainer, NET.copy(), X, D, resample=3)
    refused("n must be a non-negative integer", make_trainer().train, -1)
    refused("n must be a non-negative integer", make_trainer().train, 2.0)
    refused("update must be a core.Update", make_trainer().apply, None)


def test_guard_refuses_new_weights_that_overflow_and_says_so_truly():
    # Linear f and g, SSE: s(1) = 1e153 and y = 1e150 keep the cost (5e299) and every gradient
    # finite (∂C/∂W = 1e303), but η · ∂C/∂W = 1e309 overflows, so w + Δw = −inf.
    net = core.Network(V=[[1.0]], U=[[0.0]], W=[[1e-3]], theta_h=[0.0], theta_o=[0.0],
                       hidden="linear", output="linear")
    trainer = core.Trainer(net, [[[1e153]]], [[[0.0]]], scheme=core.preset("epochwise"), eta=1e6)
    before = {k: v.copy() for k, v in net.params().items()}
    upd = trainer.prepare()
    assert np.isfinite(upd.cost) and all(np.isfinite(g).all() for g in upd.grads.values())
    assert not upd.finite and upd.nonfinite == "new weights of W"
    with pytest.raises(core.NonFiniteError) as err:
        trainer.apply(upd)
    assert err.value.what == "new weights of W"
    assert "no weight was changed" in str(err.value)
    for k, v in before.items():
        np.testing.assert_array_equal(getattr(net, k), v)
    assert trainer.updates == 0 and trainer.history == []


def test_guard_checks_the_weights_again_at_apply():
    # Weights changed between prepare and apply (U rescaled, say): apply sums them again and
    # checks the sums, rather than trusting prepare's verdict.
    net = core.Network.create(2, 3, 2, hidden="tanh", output="softmax", seed=2)
    trainer = core.Trainer(net, X, D, cost="ce", scheme=core.preset("epochwise"), eta=1.0)
    upd = trainer.prepare()
    assert upd.finite
    name = "U"
    upd.change[name][1, 2] = 1e300
    net.U[1, 2] = np.finfo(np.float64).max
    before = {k: v.copy() for k, v in net.params().items()}
    with pytest.raises(core.NonFiniteError, match=f"new weights of {name}"):
        trainer.apply(upd)
    for k, v in before.items():
        np.testing.assert_array_equal(getattr(net, k), v)


def test_update_keeps_its_old_attribute_name():
    upd = make_trainer().prepare()
    assert upd.pas is upd.bptt_pass


def test_numbers_past_float_range_are_refused_in_one_short_line():
    huge = 10**400                                   # an int float() cannot hold
    msg = refused("n_hidden", core.Network.create, 2, huge, 2)
    assert len(msg) < 120
    refused("depth", core.gradients, NET, X, D, depth=huge)
    refused(r"eta \(η\)", make_trainer, eta=huge)
    refused("clip", make_trainer, clip=-huge)
