"""BPTT(h; h′) training: the identity of BPTT.md, windows, determinism, non-finite updates."""
import numpy as np
import pytest

import core


def data(L=12, P=3, N=3, O=2, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(L, P, N))
    D = np.eye(O)[rng.integers(0, O, (L, P))]
    return X, D


def test_boden_unlimited_summed_over_every_step_is_epochwise():
    X, D = data()
    net = core.Network.create(3, 5, 2, hidden="tanh", output="softmax", seed=3)
    epochwise = core.gradients(net, X, D, cost="ce")
    # η = 0 holds the weights fixed while the scheme walks the sequence.
    trainer = core.Trainer(net, X, D, scheme=core.Scheme(None, 1), cost="ce", eta=0.0)
    total = {k: np.zeros_like(v) for k, v in epochwise.items()}
    for _ in range(X.shape[0]):
        u = trainer.step()
        for k in total:
            total[k] += u.grads[k]
    for k in total:
        np.testing.assert_allclose(total[k], epochwise[k], rtol=1e-12, atol=1e-13)


def test_windows_of_the_presets():
    L = 7
    assert list(core.windows(core.preset("elman"), L)) == [(t, t + 1, t) for t in range(L)]
    assert list(core.windows(core.preset("boden", T=3), L))[4] == (2, 5, 4)
    assert list(core.windows(core.preset("epochwise"), L)) == [(0, 7, 0)]
    assert list(core.windows(core.preset("chunked", k=3), L)) == [(0, 3, 0), (3, 6, 3),
                                                                  (6, 7, 6)]
    assert core.Scheme(5, 2).label() == "BPTT(5; 2)"
    with pytest.raises(ValueError, match="h ≥ h′"):
        core.Scheme(2, 5)
    with pytest.raises(ValueError, match="elman, boden, epochwise, chunked"):
        core.preset("rtrl")


def test_boden_window_is_depth_T_gradient_of_the_step():
    # Under BPTT(T; 1), the update at step t is the depth-T gradient of C(t) alone.
    X, D = data(L=9)
    net = core.Network.create(3, 4, 2, hidden="sigmoid", output="softmax", seed=1)
    trainer = core.Trainer(net, X, D, scheme=core.preset("boden", T=3), cost="ce", eta=0.0)
    for t in range(9):
        u = trainer.step()
        mask = np.zeros((9, 3), bool)
        mask[t] = True
        ref = core.gradients(net, X, D, cost="ce", depth=3, mask=mask)
        for k in ref:
            np.testing.assert_allclose(u.grads[k], ref[k], rtol=1e-12, atol=1e-14)


def test_chunked_carries_the_state_and_cuts_the_gradient():
    X, D = data(L=8)
    net = core.Network.create(3, 4, 2, hidden="tanh", output="softmax", seed=2)
    ref = net.copy()
    trainer = core.Trainer(net, X, D, scheme=core.preset("chunked", k=4), cost="ce", eta=0.2)
    trainer.step()
    # By hand: first chunk from s(0) = 0, second from the state the first chunk reached.
    g1 = core.gradients(ref, X[:4], D[:4], cost="ce")
    s4 = core.forward(ref, X[:4]).s[-1]
    for k, a in ref.params().items():
        a -= 0.2 * g1[k]
    g2 = core.gradients(ref, X[4:], D[4:], cost="ce", s0=s4)
    trainer.step()
    for k, a in ref.params().items():
        a -= 0.2 * g2[k]
        np.testing.assert_allclose(getattr(net, k), a, rtol=1e-13, atol=1e-15)
    assert trainer.epoch == 1 and len(trainer.epoch_costs) == 1


def test_same_seed_same_run_bit_for_bit():
    def run():
        X, D = data()
        net = core.Network.create(3, 6, 2, hidden="tanh", output="softmax", seed=9)
        trainer = core.Trainer(net, X, D, scheme=core.preset("boden", T=4), cost="ce", eta=0.3,
                          resample=lambda rng: (rng.normal(size=X.shape), D, None), seed=4)
        costs = trainer.train(40)
        return costs, net
    c1, n1 = run()
    c2, n2 = run()
    assert c1 == c2
    assert all(np.array_equal(n1.params()[k], n2.params()[k]) for k in core.PARAMS)


def test_non_finite_update_is_refused_and_weights_kept():
    X, D = data()
    net = core.Network.create(3, 4, 2, hidden="linear", output="linear", seed=0)
    net.U[...] = 50 * np.eye(4)
    trainer = core.Trainer(net, X * 1e200, D, scheme=core.preset("epochwise"), eta=1.0)
    before = {k: v.copy() for k, v in net.params().items()}
    u = trainer.prepare()
    assert not u.finite and u.nonfinite
    with pytest.raises(core.NonFiniteError, match="not finite.*lower η"):
        trainer.apply(u)
    assert all(np.array_equal(before[k], getattr(net, k)) for k in core.PARAMS)
    assert trainer.updates == 0 and trainer.history == []


def test_clipping_limits_the_global_norm_and_is_off_by_default():
    X, D = data()
    net = core.Network.create(3, 4, 2, hidden="tanh", output="softmax", seed=0)
    free = core.Trainer(net.copy(), X, D, scheme=core.preset("epochwise"), cost="ce")
    u = free.prepare()
    assert not u.clipped and free.clip is None
    clipped = core.Trainer(net.copy(), X, D, scheme=core.preset("epochwise"), cost="ce",
                           clip=0.1 * u.grad_norm)
    v = clipped.prepare()
    assert v.clipped
    norm = np.sqrt(sum(np.sum(g * g) for g in v.grads.values()))
    assert norm == pytest.approx(0.1 * u.grad_norm, rel=1e-12)


def test_state_round_trip_continues_identically():
    X, D = data()
    make = lambda: core.Network.create(3, 5, 2, hidden="tanh", output="softmax", seed=1)
    resample = lambda rng: (rng.normal(size=X.shape), D, None)
    a = core.Trainer(make(), X, D, scheme=core.preset("chunked", k=5), cost="ce", eta=0.1,
                     resample=resample, seed=2)
    a.train(7)
    net_b = a.net.copy()
    b = core.Trainer(net_b, X, D, scheme=core.preset("chunked", k=5), cost="ce", eta=0.1,
                     resample=resample, seed=99)
    b.load_state(a.state())
    assert a.train(10) == b.train(10)
    assert np.array_equal(a.net.U, b.net.U)


def test_a_state_without_the_sequences_keeps_the_data_and_s_held():
    X, D = data()
    net = core.Network.create(3, 5, 2, hidden="tanh", output="softmax", seed=1)
    a = core.Trainer(net, X, D, scheme=core.preset("chunked", k=4), cost="ce", eta=0.1, seed=2)
    a.train(1)
    lean = a.state(sequences=False)
    assert not {"X", "D", "mask", "s_hist"} & set(lean)
    whole = a.state()
    params = {k: v.copy() for k, v in a.net.params().items()}
    first = a.train(1)
    for k, v in params.items():
        getattr(a.net, k)[...] = v
    rows = a.s_hist[:5].copy()
    a.load_state(lean)                    # the data and s now held are kept
    assert a.updates == whole["updates"] and np.array_equal(a.s_hist[:5], rows)
    assert a.X is not None and np.array_equal(a.X, whole["X"])
    assert a.train(1) == first            # the same update again: s up to its window unchanged


def test_timeline_reveals_in_order():
    X, D = data(L=4)
    net = core.Network.create(3, 4, 2, output="softmax", seed=0)
    trainer = core.Trainer(net, X, D, scheme=core.preset("epochwise"), cost="ce")
    tl = core.Timeline.of_update(trainer.prepare(detail=True))
    phases = [s.phase for s in tl.steps]
    assert phases == ["forward"] * 8 + ["output"] * 4 + ["bptt"] * 4 + ["foldback"] * 4 + ["update"]
    assert tl.reveal(0).s == 0 and tl.reveal(3).s == 2 and tl.reveal(3).y == 1
    assert tl.end_of_phase(0) == 8 and tl.end_of_phase(8) == 12 and tl.end_of_phase(12) == 16
    r = tl.reveal(14)
    assert r.bptt_from == 2 and r.folded_from == 4 and not r.updated
    assert tl.reveal(len(tl)).updated
    bptt = [s for s in tl.steps if s.phase == "bptt"]
    assert [s.z for s in bptt] == [0, 1, 2, 3]


def test_timeline_start_of_phase():
    X, D = data(L=3)
    net = core.Network.create(3, 4, 2, output="softmax", seed=0)
    tl = core.Timeline.of_update(core.Trainer(net, X, D, scheme=core.preset("epochwise"),
                                              cost="ce").prepare())
    assert [tl.start_of_phase(p) for p in core.PHASES] == [0, 6, 9, 12, 15]
    assert tl.step(tl.start_of_phase("bptt") + 1).phase == "bptt"
    assert core.Timeline(2, []).start_of_phase("output") == len(core.Timeline(2, []))
