"""A 1-2-1 network over two steps, worked out by hand so the fold-back can be followed on paper.

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

import core


def network():
    return core.Network(V=[[0.5], [-1.0]], U=[[0.0, 1.0], [0.5, 0.0]], W=[[1.0, 2.0]],
                        theta_h=[0.0, 0.0], theta_o=[0.0], hidden="linear", output="linear")


X = np.array([[[1.0]], [[2.0]]])      # (L=2, P=1, N=1)
D = np.array([[[0.0]], [[1.0]]])


def test_forward_by_hand():
    tr = core.forward(network(), X)
    np.testing.assert_array_equal(tr.s[:, 0], [[0, 0], [0.5, -1], [0, -1.75]])
    np.testing.assert_array_equal(tr.y[:, 0, 0], [-1.5, -3.5])
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
    tr = core.Trainer(net, X, D, scheme=core.preset("epochwise"), eta=0.1)
    u = tr.step()
    assert u.cost == 11.25
    np.testing.assert_allclose(net.V[:, 0], [0.5 + 1.5, -1 + 2.55])
