"""Two networks worked out by hand so the fold-back can be followed on paper.

First a 1-2-1 network over two steps with SSE; below it, a 1-1-2 network with softmax and
cross-entropy (its working is in the comment above its tests).


Linear f and g with SSE keep every number exact:

    V = [0.5, −1]ᵀ   U = [[0, 1], [0.5, 0]]   W = [1, 2]   θ = 0   s(0) = 0
    x(1) = 1, x(2) = 2        d(1) = 0, d(2) = 1

Forward:
    net(1) = V·1 + U s(0) = [0.5, −1]            s(1) = [0.5, −1]      y(1) = 0.5 − 2 = −1.5
    net(2) = V·2 + U s(1) = [1, −2] + [−1, 0.25] = [0, −1.75]
                                                 s(2) = [0, −1.75]     y(2) = −3.5
    C = ½(0 + 1.5)² + ½(1 + 3.5)² = 1.125 + 10.125 = 11.25

Output errors (linear + SSE: δ_k = d − y):  δ_k(1) = 1.5,  δ_k(2) = 4.5

BPTT (f′ = 1):
    δ_j(2)   = Wᵀ δ_k(2)              = [4.5, 9]
    δ_j(1)   = Wᵀ δ_k(1) + Uᵀ δ_j(2)   = [1.5, 3] + [0.5·9, 1·4.5] = [6, 7.5]

Fold-back, one term per copy, then the sum (without η):
    ΔV: copy 2  δ_j(2) x(2) = [9, 18];  copy 1  δ_j(1) x(1) = [6, 7.5];  sum [15, 25.5]
    ΔU: copy 2  δ_j(2) s(1)ᵀ = [[2.25, −4.5], [4.5, −9]];  copy 1  δ_j(1) s(0)ᵀ = 0
    ΔW: δ_k(1) s(1)ᵀ + δ_k(2) s(2)ᵀ = [0.75, −1.5] + [0, −7.875] = [0.75, −9.375]
    Δθ_j = [10.5, 16.5]      Δθ_k = 6

With depth h = 1 (Elman) the error of step 2 stays in copy 2: δ_j(1) = [1.5, 3],
so ΔV = [9 + 1.5, 18 + 3] = [10.5, 21]; ΔU is unchanged (s(0) = 0).
"""
import numpy as np
import pytest

import core


def network():
    return core.Network(V=[[0.5], [-1.0]], U=[[0.0, 1.0], [0.5, 0.0]], W=[[1.0, 2.0]],
                        theta_h=[0.0, 0.0], theta_o=[0.0], hidden="linear", output="linear")


X = np.array([[[1.0]], [[2.0]]])      # (L=2, P=1, N=1)
D = np.array([[[0.0]], [[1.0]]])


def test_forward_by_hand():
    trace = core.forward(network(), X)
    np.testing.assert_array_equal(trace.s[:, 0], [[0, 0], [0.5, -1], [0, -1.75]])
    np.testing.assert_array_equal(trace.y[:, 0, 0], [-1.5, -3.5])
    assert core.evaluate(network(), X, D) == 11.25


def test_deltas_and_fold_back_by_hand():
    p = core.run_pass(network(), X, D, per_copy=True)
    np.testing.assert_array_equal(p.deltas.delta_o[:, 0, 0], [1.5, 4.5])
    np.testing.assert_array_equal(p.deltas.delta_h[:, 0], [[6, 7.5], [4.5, 9]])
    fb = p.foldback
    np.testing.assert_array_equal(fb.V[:, :, 0], [[6, 7.5], [9, 18]])
    np.testing.assert_array_equal(fb.U[1], [[2.25, -4.5], [4.5, -9]])
    np.testing.assert_array_equal(fb.U[0], np.zeros((2, 2)))
    total = fb.total()
    np.testing.assert_array_equal(total["V"][:, 0], [15, 25.5])
    np.testing.assert_array_equal(total["W"][0], [0.75, -9.375])
    np.testing.assert_array_equal(total["theta_h"], [10.5, 16.5])
    np.testing.assert_array_equal(total["theta_o"], [6])
    g = core.gradients(network(), X, D)
    np.testing.assert_array_equal(g["V"][:, 0], [-15, -25.5])


def test_depth_one_by_hand():
    g = core.gradients(network(), X, D, depth=1)
    np.testing.assert_array_equal(g["V"][:, 0], [-10.5, -21])
    np.testing.assert_array_equal(g["U"], [[-2.25, 4.5], [-4.5, 9]])


def test_one_update_by_hand():
    net = network()
    trainer = core.Trainer(net, X, D, scheme=core.preset("epochwise"), eta=0.1)
    u = trainer.step()
    assert u.cost == 11.25
    np.testing.assert_allclose(net.V[:, 0], [0.5 + 1.5, -1 + 2.55])


# -- cross-entropy with a softmax output, by hand ------------------------------------------------
#
# A 1-1-2 network over two steps, linear f, softmax g, cost CE. The numbers are chosen so that
# the softmax is worked on paper: net_k = [ln 3, 0] gives y = [3/4, 1/4].
#
#     V = [ln 3]   U = [1]   W = [1, 0]ᵀ   θ = 0   s(0) = 0
#     x(1) = 1, x(2) = 0        d(1) = [0, 1], d(2) = [1, 0]
#
# Forward:
#     s(1) = ln 3 · 1 + 1 · 0 = ln 3        net_k(1) = [ln 3, 0]   y(1) = [3, 1] / 4
#     s(2) = ln 3 · 0 + 1 · ln 3 = ln 3     net_k(2) = [ln 3, 0]   y(2) = [3, 1] / 4
#     C = −ln y_2(1) − ln y_1(2) = −ln ¼ − ln ¾ = ln 4 + ln 4/3 = ln 16/3
#
# Output errors (softmax + CE: δ_k = d − y, no g′ factor):
#     δ_k(1) = [0 − ¾, 1 − ¼] = [−¾, ¾]      δ_k(2) = [1 − ¾, 0 − ¼] = [¼, −¼]
#
# BPTT (f′ = 1), Σ_k δ_k w_kj picks δ_1 since W = [1, 0]ᵀ:
#     δ_j(2) = ¼
#     δ_j(1) = −¾ + u · δ_j(2) = −¾ + ¼ = −½
#
# Fold-back (sums without η) and ∂C/∂param = −sum:
#     ΔV = δ_j(1) x(1) + δ_j(2) x(2) = −½              ∂C/∂V = ½
#     ΔU = δ_j(1) s(0) + δ_j(2) s(1) = ¼ ln 3          ∂C/∂U = −¼ ln 3
#     ΔW = δ_k(1) s(1) + δ_k(2) s(2) = [−½, ½] ln 3    ∂C/∂W = [½, −½]ᵀ ln 3
#     Δθ_j = −½ + ¼ = −¼                               ∂C/∂θ_j = ¼
#     Δθ_k = [−½, ½]                                   ∂C/∂θ_k = [½, −½]
#
# Depth h = 1: δ_j(1) = −¾ alone, so ∂C/∂V = ¾ and ∂C/∂θ_j = −(−¾ + ¼) = ½; ∂C/∂U is the same
# (s(0) = 0) and so is ∂C/∂W (it sees only the output errors).

LN3 = np.log(3.0)


def softmax_network():
    return core.Network(V=[[LN3]], U=[[1.0]], W=[[1.0], [0.0]], theta_h=[0.0],
                        theta_o=[0.0, 0.0], hidden="linear", output="softmax")


X_CE = np.array([[[1.0]], [[0.0]]])                   # (L=2, P=1, N=1)
D_CE = np.array([[[0.0, 1.0]], [[1.0, 0.0]]])         # (L=2, P=1, O=2)


def test_softmax_cross_entropy_forward_by_hand():
    trace = core.forward(softmax_network(), X_CE)
    np.testing.assert_allclose(trace.s[:, 0, 0], [0.0, LN3, LN3], rtol=1e-15)
    np.testing.assert_allclose(trace.y[:, 0], [[0.75, 0.25], [0.75, 0.25]], rtol=1e-14)
    assert core.evaluate(softmax_network(), X_CE, D_CE, cost="ce") == pytest.approx(
        np.log(16 / 3), rel=1e-14)


def test_softmax_cross_entropy_deltas_and_gradients_by_hand():
    p = core.run_pass(softmax_network(), X_CE, D_CE, cost="ce", per_copy=True)
    np.testing.assert_allclose(p.deltas.delta_o[:, 0], [[-0.75, 0.75], [0.25, -0.25]],
                               rtol=1e-14)
    np.testing.assert_allclose(p.deltas.delta_h[:, 0, 0], [-0.5, 0.25], rtol=1e-14)
    np.testing.assert_allclose(p.cost_per_step, [np.log(4), np.log(4 / 3)], rtol=1e-14)
    g = p.grads
    np.testing.assert_allclose(g["V"], [[0.5]], rtol=1e-14)
    np.testing.assert_allclose(g["U"], [[-0.25 * LN3]], rtol=1e-14)
    np.testing.assert_allclose(g["W"], [[0.5 * LN3], [-0.5 * LN3]], rtol=1e-14)
    np.testing.assert_allclose(g["theta_h"], [0.25], rtol=1e-14)
    np.testing.assert_allclose(g["theta_o"], [0.5, -0.5], rtol=1e-14)
    # The per-copy terms before the fold-back: copy 1 gives ΔU = 0 (s(0) = 0), copy 2 ¼ ln 3.
    np.testing.assert_allclose(p.foldback.U[:, 0, 0], [0.0, 0.25 * LN3], rtol=1e-14, atol=0)


def test_softmax_cross_entropy_depth_one_by_hand():
    g = core.gradients(softmax_network(), X_CE, D_CE, cost="ce", depth=1)
    np.testing.assert_allclose(g["V"], [[0.75]], rtol=1e-14)
    np.testing.assert_allclose(g["theta_h"], [0.5], rtol=1e-14)
    np.testing.assert_allclose(g["U"], [[-0.25 * LN3]], rtol=1e-14)
    np.testing.assert_allclose(g["W"], [[0.5 * LN3], [-0.5 * LN3]], rtol=1e-14)
