"""core against PyTorch autograd, float64, to 1e-10 (BPTT.md, "Checks that must hold").

The reference network is written by hand in torch with the same formulas
(an explicit loop over t), so every (f, g, cost, depth) combination is
checked, with and without a mask and an initial state s(0). A finite depth h
is computed the way BPTT.md defines it: the cost of each target step t in a
graph where the state entering copy t − h + 1 is ``.detach()``ed, summed over t.

Then the tanh / softmax / CE case is checked once more against torch's own
``nn.RNN`` + ``nn.Linear`` + ``F.cross_entropy(reduction="sum")``, and the
chunked training scheme BPTT(k; k) against truncated BPTT by chunks with a
detached carried state and plain SGD.
"""
from __future__ import annotations

import itertools

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import torch.nn.functional as F  # noqa: E402

import core  # noqa: E402

RTOL = 1e-10
ATOL = 1e-10

HIDDEN = ("sigmoid", "tanh", "relu", "linear")
PAIRS = (("sigmoid", "sse"), ("sigmoid", "ce"), ("softmax", "sse"), ("softmax", "ce"),
         ("linear", "sse"))
DEPTHS = (None, 1, 2, 3)

L, P, N, M, O = 7, 3, 3, 5, 4


# -- data ---------------------------------------------------------------------------
def make_problem(hidden, output, cost, with_mask, with_s0, seed=0):
    """A network, inputs, targets (NaN where unscored), mask and s(0) as numpy arrays."""
    rng = np.random.default_rng(seed)
    net = core.Network.create(N, M, O, hidden=hidden, output=output, seed=seed, scale=0.8)
    net.theta_h[...] = rng.uniform(-0.3, 0.3, M)
    net.theta_o[...] = rng.uniform(-0.3, 0.3, O)
    X = rng.normal(size=(L, P, N))
    if output == "softmax" and cost == "ce":
        D = rng.dirichlet(np.ones(O), size=(L, P))           # probability vectors
    elif output == "sigmoid":
        D = rng.uniform(0.05, 0.95, size=(L, P, O))
    else:
        D = rng.normal(size=(L, P, O))
    mask = None
    if with_mask:
        mask = rng.random((L, P)) < 0.5
        mask[-1, 0] = True          # at least one target, late enough for depth to matter
        mask[0, :] = False          # a step without any target
        D = np.where(mask[..., None], D, np.nan)   # the API allows NaN at unscored steps
    s0 = rng.uniform(-0.5, 0.5, (P, M)) if with_s0 else None
    return net, X, D, mask, s0


# -- the hand-written torch reference ----------------------------------------------
def t_hidden(name, a):
    return {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
            "linear": lambda z: z}[name](a)


def t_cost_terms(output, cost, net_o, d):
    """Per-(sample, unit) cost at one step from the output's net input, shape (P, O)."""
    if cost == "sse":
        y = {"sigmoid": torch.sigmoid, "linear": lambda z: z,
             "softmax": lambda z: torch.softmax(z, dim=-1)}[output](net_o)
        return 0.5 * (d - y) ** 2
    if output == "softmax":
        return -d * torch.log_softmax(net_o, dim=-1)
    return F.binary_cross_entropy_with_logits(net_o, d, reduction="none")


def t_output(output, net_o):
    return {"sigmoid": torch.sigmoid, "linear": lambda z: z,
            "softmax": lambda z: torch.softmax(z, dim=-1)}[output](net_o)


def torch_reference(net, X, D, cost, depth, mask, s0):
    """Forward values s, y and ∂C/∂param by autograd, for depth h (None = full)."""
    p = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True)
         for k, v in net.params().items()}
    Xt = torch.tensor(X, dtype=torch.float64)
    m = np.ones((L, P), dtype=bool) if mask is None else mask
    Dt = torch.tensor(np.where(m[..., None], D, 0.0), dtype=torch.float64)
    mt = torch.tensor(m, dtype=torch.float64)[..., None]
    s_init = torch.zeros(P, M, dtype=torch.float64) if s0 is None else \
        torch.tensor(s0, dtype=torch.float64)

    def step(s_prev, t):
        net_h = Xt[t] @ p["V"].T + s_prev @ p["U"].T + p["theta_h"]
        s = t_hidden(net.hidden, net_h)
        return s, s @ p["W"].T + p["theta_o"]

    # Full forward: the values to compare, and the states a truncated graph starts from.
    states, ys = [s_init], []
    cost_total = 0.0
    for t in range(L):
        s, net_o = step(states[-1], t)
        states.append(s)
        ys.append(t_output(net.output, net_o))
        if depth is None:
            cost_total = cost_total + (mt[t] * t_cost_terms(net.output, cost, net_o, Dt[t])).sum()
    if depth is not None:
        for t in range(L):
            if not m[t].any():
                continue
            first = max(t - depth + 1, 0)             # the earliest copy the error reaches
            s = states[first].detach()                # the state entering it is a constant
            for tau in range(first, t + 1):
                s, net_o = step(s, tau)
            cost_total = cost_total + (mt[t] * t_cost_terms(net.output, cost, net_o, Dt[t])).sum()
    cost_total.backward()
    s_all = torch.stack(states).detach().numpy()
    y_all = torch.stack(ys).detach().numpy()
    return s_all, y_all, {k: v.grad.numpy() for k, v in p.items()}, cost_total.item()


def assert_close(actual, expected, what):
    np.testing.assert_allclose(actual, expected, rtol=RTOL, atol=ATOL, err_msg=what)


# -- every combination --------------------------------------------------------------
CASES = list(itertools.product(HIDDEN, PAIRS, DEPTHS, (False, True), (False, True)))


@pytest.mark.parametrize(
    "hidden,pair,depth,with_mask,with_s0", CASES,
    ids=[f"{h}-{g}+{c}-h{d}-{'mask' if m else 'all'}-{'s0' if s else 'zero'}"
         for h, (g, c), d, m, s in CASES])
def test_matches_autograd(hidden, pair, depth, with_mask, with_s0):
    output, cost = pair
    net, X, D, mask, s0 = make_problem(hidden, output, cost, with_mask, with_s0)
    s_ref, y_ref, g_ref, c_ref = torch_reference(net, X, D, cost, depth, mask, s0)

    trace = core.forward(net, X, s0=s0)
    assert_close(trace.s, s_ref, "trace.s")
    assert_close(trace.y, y_ref, "trace.y")

    grads = core.gradients(net, X, D, cost=cost, depth=depth, s0=s0, mask=mask)
    assert set(grads) == set(core.PARAMS)
    for name in core.PARAMS:
        assert grads[name].shape == getattr(net, name).shape
        assert_close(grads[name], g_ref[name], f"dC/d{name}")
    if depth is None:   # with truncation the reference sums a different graph, same cost
        assert core.evaluate(net, X, D, cost=cost, s0=s0, mask=mask) == \
            pytest.approx(c_ref, rel=1e-12, abs=1e-12)


def test_depth_is_effective():
    """The truncated cases above test something: depth 1, 2 and full differ."""
    net, X, D, mask, s0 = make_problem("tanh", "softmax", "ce", False, True)
    g = {h: core.gradients(net, X, D, cost="ce", depth=h, s0=s0)["U"] for h in (1, 2, None)}
    assert not np.allclose(g[1], g[2]) and not np.allclose(g[2], g[None])
    assert np.allclose(core.gradients(net, X, D, cost="ce", depth=L, s0=s0)["U"], g[None],
                       rtol=1e-13, atol=1e-13)


# -- torch's own nn.RNN -------------------------------------------------------------
@pytest.mark.parametrize("with_mask", [False, True])
def test_matches_nn_rnn(with_mask):
    """tanh / softmax / CE, full depth: nn.RNN + nn.Linear + F.cross_entropy(sum)."""
    rng = np.random.default_rng(3)
    net = core.Network.create(N, M, O, hidden="tanh", output="softmax", seed=3, scale=0.8)
    net.theta_h[...] = rng.uniform(-0.3, 0.3, M)
    net.theta_o[...] = rng.uniform(-0.3, 0.3, O)
    X = rng.normal(size=(L, P, N))
    labels = rng.integers(0, O, size=(L, P))
    D = np.eye(O)[labels]
    s0 = rng.uniform(-0.5, 0.5, (P, M))
    mask = rng.random((L, P)) < 0.6 if with_mask else None

    rnn = torch.nn.RNN(N, M, nonlinearity="tanh", bias=True).double()
    lin = torch.nn.Linear(M, O).double()
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(torch.tensor(net.V))
        rnn.weight_hh_l0.copy_(torch.tensor(net.U))
        rnn.bias_ih_l0.copy_(torch.tensor(net.theta_h))
        rnn.bias_hh_l0.zero_()
        lin.weight.copy_(torch.tensor(net.W))
        lin.bias.copy_(torch.tensor(net.theta_o))
    target = torch.tensor(labels)
    if mask is not None:
        target = torch.where(torch.tensor(mask), target, torch.tensor(-100))
    out, _ = rnn(torch.tensor(X), torch.tensor(s0)[None])
    logits = lin(out)
    loss = F.cross_entropy(logits.reshape(-1, O), target.reshape(-1), reduction="sum",
                           ignore_index=-100)
    loss.backward()

    trace = core.forward(net, X, s0=s0)
    assert_close(trace.s[1:], out.detach().numpy(), "trace.s vs nn.RNN output")
    assert_close(trace.y, torch.softmax(logits, -1).detach().numpy(), "trace.y")
    grads = core.gradients(net, X, D, cost="ce", s0=s0, mask=mask)
    expected = {"V": rnn.weight_ih_l0.grad, "U": rnn.weight_hh_l0.grad,
                "theta_h": rnn.bias_ih_l0.grad, "W": lin.weight.grad, "theta_o": lin.bias.grad}
    for name, g in expected.items():
        assert_close(grads[name], g.numpy(), f"dC/d{name}")
    # θ_j enters net_j once: bias_hh gets the same gradient as bias_ih.
    assert_close(grads["theta_h"], rnn.bias_hh_l0.grad.numpy(), "bias_hh")
    assert core.evaluate(net, X, D, cost="ce", s0=s0, mask=mask) == \
        pytest.approx(loss.item(), rel=1e-12)


# -- training under the chunked scheme ----------------------------------------------
@pytest.mark.parametrize("length", [6, 7])
@pytest.mark.parametrize("with_mask", [False, True])
def test_chunked_trainer_matches_truncated_bptt(length, with_mask):
    """Trainer with BPTT(k; k) = torch truncated BPTT by chunks, detached carried state, SGD.

    The classic loop (min-char-rnn, Keras): chunks of k = 3 steps, the state
    carried from one chunk into the next as a constant; with L = 7 the last
    chunk has one step. 6 updates cross the end of the sequence, where the
    state restarts from s(0).
    """
    k, eta, n_updates = 3, 0.2, 6
    rng = np.random.default_rng(7)
    net = core.Network.create(N, M, O, hidden="tanh", output="softmax", seed=7, scale=0.8)
    net.theta_h[...] = rng.uniform(-0.3, 0.3, M)
    X = rng.normal(size=(length, P, N))
    D = np.eye(O)[rng.integers(0, O, size=(length, P))]
    s0 = rng.uniform(-0.5, 0.5, (P, M))
    mask = rng.random((length, P)) < 0.6 if with_mask else np.ones((length, P), dtype=bool)

    p = {name: torch.tensor(v, dtype=torch.float64, requires_grad=True)
         for name, v in net.params().items()}
    trainer = core.Trainer(net, X, D, mask=mask if with_mask else None, s0=s0,
                           scheme=core.preset("chunked", k=k), cost="ce", eta=eta)

    Xt, Dt = torch.tensor(X), torch.tensor(D)
    mt = torch.tensor(mask, dtype=torch.float64)[..., None]
    s = torch.tensor(s0)
    t0 = 0
    costs = []
    for _ in range(n_updates):
        if t0 >= length:                    # a new pass through the sequence
            t0, s = 0, torch.tensor(s0)
        s = s.detach()                      # the carried state is a constant
        loss = 0.0
        for t in range(t0, min(t0 + k, length)):
            s = torch.tanh(Xt[t] @ p["V"].T + s @ p["U"].T + p["theta_h"])
            net_o = s @ p["W"].T + p["theta_o"]
            loss = loss + (mt[t] * -Dt[t] * torch.log_softmax(net_o, -1)).sum()
        for v in p.values():
            v.grad = None
        loss.backward()
        with torch.no_grad():
            for v in p.values():
                v -= eta * v.grad
        costs.append(loss.item())
        t0 += k

    history = trainer.train(n_updates)
    np.testing.assert_allclose(history, costs, rtol=1e-10, atol=1e-12)
    for name in core.PARAMS:
        assert_close(getattr(net, name), p[name].detach().numpy(), name)
