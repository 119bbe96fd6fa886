"""core.diagnostics: ‖δ(t−z)‖ from a pass, the bound of BPTT.md, ρ(U), σ_max(U), rescaling U."""
import numpy as np
import pytest

import core
from core import diagnostics as dg


def problem(hidden, M=6, L=9, P=3, N=2, O=2, seed=0, rho=None, output="linear"):
    rng = np.random.default_rng(seed)
    net = core.Network.create(N, M, O, hidden=hidden, output=output, seed=seed, scale=0.8)
    if rho is not None:
        net.U[...] = dg.rescale_to_radius(net.U, rho)
    X = rng.normal(size=(L, P, N))
    D = rng.normal(size=(L, P, O))
    mask = rng.uniform(size=(L, P)) > 0.5
    mask[-1] = True
    return net, X, D, mask


def test_norms_are_the_per_source_deltas():
    net, X, D, mask = problem("tanh")
    bptt_pass = core.run_pass(net, X, D, mask=mask, by_source=True)
    t = X.shape[0] - 1
    norms = dg.delta_norms(bptt_pass)
    assert norms.shape == (t + 1,)
    for z in range(t + 1):
        assert norms[z] == pytest.approx(np.linalg.norm(bptt_pass.deltas.by_source[z, t]), rel=1e-12)
    one = dg.delta_norms(bptt_pass, sample=1)
    assert one[3] == pytest.approx(np.linalg.norm(bptt_pass.deltas.by_source[3, t, 1]), rel=1e-12)


def test_z0_is_the_entering_error():
    """‖δ(t)‖ = ‖D(t) Wᵀ δ_o(t)‖, the factor the bound starts from."""
    net, X, D, mask = problem("sigmoid", output="sigmoid")
    D = np.clip(np.abs(D), 0, 1)
    bptt_pass = core.run_pass(net, X, D, mask=mask, by_source=True)
    t = X.shape[0] - 1
    slope = core.activations.hidden_slope("sigmoid", bptt_pass.trace.s[t + 1])
    entering = slope * (bptt_pass.deltas.delta_o[t] @ net.W)
    assert dg.delta_norms(bptt_pass)[0] == pytest.approx(np.linalg.norm(entering), rel=1e-12)


@pytest.mark.parametrize("hidden", core.HIDDEN)
@pytest.mark.parametrize("rho", [0.5, 1.0, 3.0])
def test_bound_holds(hidden, rho):
    net, X, D, mask = problem(hidden, rho=rho, seed=3)
    bptt_pass = core.run_pass(net, X, D, mask=mask, by_source=True, depth=5)
    v = dg.vanishing(bptt_pass, net.U, hidden)
    assert v.z.size == 5                                   # depth 5: the error flows through 5 copies
    assert np.all(v.norms <= v.bound * (1 + 1e-12) + 1e-300)
    assert v.gamma == core.activations.GAMMA[hidden]
    assert v.bound[0] == pytest.approx(v.norms[0])


def test_vanishing_and_exploding_as_bptt_md_measures():
    """tanh, 50 units: ρ = 0.5 vanishes (≈6e−4 at z = 10), ρ = 3 explodes."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(41, 4, 3))
    D = rng.normal(size=(41, 4, 1))
    mask = np.zeros((41, 4), bool)
    mask[-1] = True
    out = {}
    for rho in (0.5, 3.0):
        net = core.Network.create(3, 50, 1, hidden="tanh", output="linear", seed=1)
        net.U[...] = dg.rescale_to_radius(net.U, rho)
        bptt_pass = core.run_pass(net, X, D, mask=mask, by_source=True)
        out[rho] = dg.delta_norms(bptt_pass)
    assert out[0.5][10] < 1e-2 * out[0.5][0] and out[0.5][40] < 1e-10
    assert out[3.0][10] > 5 * out[3.0][0] and out[3.0][40] > 1e3


def test_radius_and_singular_value():
    U = np.array([[0.0, 2.0], [0.5, 0.0]])
    assert dg.spectral_radius(U) == pytest.approx(1.0)
    assert dg.sigma_max(U) == pytest.approx(2.0)
    assert dg.sigma_max(U) >= dg.spectral_radius(U)


@pytest.mark.parametrize("rho", [0.25, 0.5, 1.0, 3.0, 7.5])
def test_rescale_sets_the_spectral_radius(rho):
    U = np.random.default_rng(4).normal(size=(12, 12))
    V = dg.rescale_to_radius(U, rho)
    assert abs(dg.spectral_radius(V) - rho) < 1e-9
    assert np.allclose(V / U, V[0, 0] / U[0, 0])          # a pure scaling


def test_rescale_refuses_what_it_cannot_do():
    with pytest.raises(ValueError, match="spectral radius 0"):
        dg.rescale_to_radius(np.zeros((3, 3)), 1.0)
    with pytest.raises(ValueError, match="≥ 0"):
        dg.rescale_to_radius(np.eye(3), -1.0)
    with pytest.raises(ValueError, match="valid choices"):
        dg.gamma("cosine")


def test_no_target_means_no_curve():
    net, X, D, _ = problem("tanh")
    mask = np.zeros(X.shape[:2], bool)
    bptt_pass = core.run_pass(net, X, D, mask=mask, by_source=True)
    v = dg.vanishing(bptt_pass, net.U, "tanh")
    assert v.t == -1 and v.norms.size == 0 and v.bound.size == 0


def test_needs_per_source_deltas():
    net, X, D, mask = problem("tanh")
    bptt_pass = core.run_pass(net, X, D, mask=mask)
    with pytest.raises(ValueError, match="by_source"):
        dg.delta_norms(bptt_pass)
