"""core.attribution: who taught whom, what truncation throws away, why δ vanishes."""
import numpy as np
import pytest

import core
from core import attribution as at

TOL = 1e-12


def problem(hidden="tanh", output="linear", M=5, L=8, P=3, N=2, O=2, seed=0, scale=0.9):
    rng = np.random.default_rng(seed)
    net = core.Network.create(N, M, O, hidden=hidden, output=output, seed=seed, scale=scale)
    net.theta_h[...] = rng.normal(scale=0.3, size=M)
    X = rng.normal(size=(L, P, N))
    if output == "linear":
        D = rng.normal(size=(L, P, O))
    else:
        D = (rng.uniform(size=(L, P, O)) > 0.5).astype(float)
    mask = rng.uniform(size=(L, P)) > 0.4
    mask[-1] = True
    mask[2] = False                        # a step without any target
    s0 = rng.normal(scale=0.5, size=(P, M))
    return net, X, D, mask, s0


def close(a, b, tol=TOL):
    a, b = np.asarray(a), np.asarray(b)
    scale = max(1.0, float(np.max(np.abs(b))) if b.size else 1.0)
    np.testing.assert_allclose(a, b, rtol=0, atol=tol * scale)


CASES = [("tanh", "linear", "sse", None), ("sigmoid", "sigmoid", "ce", 3),
         ("relu", "softmax", "ce", None), ("linear", "sigmoid", "sse", 2)]


# -- who taught whom ----------------------------------------------------------------

@pytest.mark.parametrize("hidden,output,cost,depth", CASES)
def test_totals_are_the_foldback_and_the_gradient(hidden, output, cost, depth):
    net, X, D, mask, s0 = problem(hidden, output)
    pas = core.run_pass(net, X, D, cost=cost, depth=depth, s0=s0, mask=mask, by_source=True,
                        per_copy=True)
    grads = core.gradients(net, X, D, cost=cost, depth=depth, s0=s0, mask=mask)
    for name in core.PARAMS:
        w = at.who_taught_whom(pas, name)
        close(w.cols, getattr(pas.foldback, name))           # column totals: fold-back terms
        close(w.total, -grads[name])                          # grand total: the update's gradient
        close(w.C.sum(axis=(0, 1)), -grads[name])
        assert w.total_norm == pytest.approx(np.linalg.norm(grads[name]), rel=1e-12, abs=1e-15)
        close(w.A, np.sqrt(np.sum(w.C.reshape(w.C.shape[:2] + (-1,)) ** 2, axis=2)))
        assert not np.any(w.A[~w.reached])                    # nothing outside the reached cells
        lean = at.who_taught_whom(pas, name, cells=False)
        assert lean.C is None
        for key in ("A", "rows", "cols", "total"):
            np.testing.assert_array_equal(getattr(lean, key), getattr(w, key))


@pytest.mark.parametrize("hidden,output,cost,depth", CASES)
def test_row_totals_are_one_error_alone(hidden, output, cost, depth):
    """Row τ is the gradient of C(τ) alone (the mask keeps only step τ), and its folded back deltas."""
    net, X, D, mask, s0 = problem(hidden, output)
    pas = core.run_pass(net, X, D, cost=cost, depth=depth, s0=s0, mask=mask, by_source=True)
    rows = {name: at.who_taught_whom(pas, name).rows for name in core.PARAMS}
    L = X.shape[0]
    src = pas.deltas.by_source
    for tau in range(L):
        only = np.zeros_like(mask)
        only[tau] = mask[tau]
        g = core.gradients(net, X, D, cost=cost, depth=depth, s0=s0, mask=only)
        for name in core.PARAMS:
            close(rows[name][tau], -g[name])
        # The per-source deltas folded back by hand: Σ_z δ^(τ)(τ−z) s(τ−z−1)ᵀ.
        by_hand = sum(src[z, tau].T @ pas.trace.s[tau - z] for z in range(min(tau + 1, len(src))))
        close(rows["U"][tau], by_hand)


def test_source_deltas_add_up_to_the_total_delta():
    net, X, D, mask, s0 = problem()
    pas = core.run_pass(net, X, D, depth=3, s0=s0, mask=mask, by_source=True)
    R = at.source_deltas(pas)
    close(R.sum(axis=0), pas.deltas.delta_h)
    assert not np.any(R[2])                                   # step 2 carries no target
    assert not np.any(R[7, :5])                               # depth 3: copies 5, 6, 7 only
    assert np.all(np.any(R[7, 5:], axis=(1, 2)))


def test_cells_and_the_reached_matrix():
    net, X, D, mask, s0 = problem()
    pas = core.run_pass(net, X, D, depth=2, s0=s0, mask=mask, by_source=True)
    cells = at.reached(pas)
    assert cells[7, 7] and cells[7, 6] and not cells[7, 5] and not cells[6, 7]
    assert not cells[2].any()
    for name in core.PARAMS:
        C = at.contributions(pas, name)
        for tau, c in [(7, 7), (7, 6), (7, 5), (4, 4), (3, 5)]:
            close(at.cell(pas, tau, c, name), C[tau, c])
    with pytest.raises(ValueError, match="param"):
        at.who_taught_whom(pas, "X")
    with pytest.raises(ValueError, match="tau"):
        at.cell(pas, 8, 0)


def test_needs_per_source_deltas():
    net, X, D, mask, s0 = problem()
    pas = core.run_pass(net, X, D, mask=mask)
    with pytest.raises(ValueError, match="by_source"):
        at.who_taught_whom(pas)


def test_trainer_update_totals_are_its_gradient():
    task = core.make_task("temporal-xor", seed=0)
    rec = task.recommended
    net = core.Network.create(task.N, rec.M, task.O, rec.hidden, rec.output, seed=0)
    tr = core.Trainer(net, task.X, task.D, mask=task.mask, scheme=core.preset("boden", T=4),
                      cost=rec.cost, eta=rec.eta)
    for _ in range(6):
        upd = tr.prepare(detail=True)
        steps = np.arange(upd.w0, upd.t_end)
        mask = task.mask[upd.w0:upd.t_end] & (steps >= upd.first)[:, None]
        g = core.gradients(net, task.X[upd.w0:upd.t_end], task.D[upd.w0:upd.t_end], cost=rec.cost,
                           s0=tr.s_hist[upd.w0], mask=mask)
        for name in core.PARAMS:
            close(at.who_taught_whom(upd.pas, name).total, -upd.grads[name])
            close(at.who_taught_whom(upd.pas, name).total, -g[name])
        tr.apply(upd)


# -- what truncation throws away ----------------------------------------------------

def frozen_trainer(scheme, task_name="temporal-xor", updates=60, seed=0):
    """A trainer after some updates, then held (η = 0) so the history is one trajectory."""
    task = core.make_task(task_name, seed=seed)
    rec = task.recommended
    net = core.Network.create(task.N, rec.M, task.O, rec.hidden, rec.output, seed=seed)
    warm = core.Trainer(net, task.X, task.D, mask=task.mask, scheme=core.preset("epochwise"),
                        cost=rec.cost, eta=rec.eta)
    warm.train(updates)
    tr = core.Trainer(net, task.X, task.D, mask=task.mask, scheme=scheme, cost=rec.cost, eta=0.0)
    return task, net, tr


@pytest.mark.parametrize("scheme", [core.preset("elman"), core.preset("boden", T=3),
                                    core.preset("chunked", k=4), core.Scheme(5, 2)])
def test_computed_cells_equal_full_depth_and_the_cut_is_what_is_missing(scheme):
    task, net, tr = frozen_trainer(scheme)
    seen_cut = False
    for _ in range(len(list(core.windows(scheme, tr.L)))):
        upd = tr.prepare(detail=True)
        trunc = at.truncation_for_update(tr, upd)
        T = upd.t_end
        steps = np.arange(T)
        mask = task.mask[:T] & (steps >= upd.first)[:, None]
        # Full-depth BPTT of the same errors on the same weights, from s(0): with η = 0 the
        # recorded history is the trajectory these weights give.
        full = core.run_pass(net, task.X[:T], task.D[:T], cost=tr.cost, s0=tr.s0, mask=mask,
                             by_source=True)
        for name in at.RECURRENT:
            ref = at.who_taught_whom(full, name)
            close(trunc.A_full[name], ref.A)
            close(trunc.full[name], -full.grads[name])
            win = at.who_taught_whom(upd.pas, name)            # the scheme's own cells
            w0 = upd.w0
            close(win.A[win.reached], ref.A[w0:, w0:][win.reached])
            assert np.array_equal(trunc.computed[w0:, w0:], win.reached)
            # The cut cells are exactly what is missing from the scheme's gradient.
            close(ref.C[trunc.cut].sum(axis=0), trunc.full[name] - trunc.scheme[name])
            close(trunc.cut_total[name], ref.C[trunc.cut].sum(axis=0))
            nf = np.linalg.norm(trunc.full[name])
            if nf:
                assert trunc.cut_share[name] == pytest.approx(
                    np.linalg.norm(ref.C[trunc.cut].sum(axis=0)) / nf, rel=1e-9)
                assert trunc.cut_mass[name] == pytest.approx(ref.A[trunc.cut].sum() / ref.A.sum(),
                                                             rel=1e-9)
        assert not np.any(trunc.computed & trunc.cut)
        seen_cut |= bool(trunc.cut.any())
        tr.apply(upd)
    assert seen_cut


def test_epochwise_loses_nothing():
    task, net, tr = frozen_trainer(core.preset("epochwise"))
    upd = tr.prepare(detail=True)
    trunc = at.truncation_for_update(tr, upd)
    assert not trunc.cut.any()
    for name in core.PARAMS:
        assert trunc.cosine[name] == pytest.approx(1.0, abs=1e-12)
        assert trunc.rel_error[name] == pytest.approx(0.0, abs=1e-12)
        assert trunc.cut_share[name] == pytest.approx(0.0, abs=1e-12)


def test_elman_scheme_on_temporal_xor_loses_direction():
    """Elman's BPTT(1; 1): the gradient of a scored step points elsewhere than full BPTT's."""
    task, net, tr = frozen_trainer(core.preset("elman"), updates=200)
    cos_u, cos_v, cos_w = [], [], []
    for _ in range(tr.L):
        upd = tr.prepare(detail=True)
        trunc = at.truncation_for_update(tr, upd)
        if upd.pas.deltas.targets.any():
            cos_u.append(trunc.cosine["U"])
            cos_v.append(trunc.cosine["V"])
            cos_w.append(trunc.cosine["W"])
            assert trunc.cut.any()
            assert trunc.rel_error["U"] == pytest.approx(trunc.cut_share["U"], rel=1e-9, abs=1e-15)
        else:
            assert trunc.cosine["U"] == 1.0 and trunc.rel_error["U"] == 0.0   # nothing to lose
        tr.apply(upd)
    # (The first scored step reaches only copy 0, where s(0) = 0 and U learns nothing from it.)
    assert min(cos_u) < 1 - 1e-3 and min(cos_v) < 1 - 1e-3
    assert sum(c < 1 - 1e-6 for c in cos_u) >= len(cos_u) - 1
    np.testing.assert_allclose(cos_w, 1.0, atol=1e-12)      # W only sees the step itself


def test_truncation_refuses_a_history_that_does_not_fit():
    task, net, tr = frozen_trainer(core.preset("boden", T=3), updates=0)
    for _ in range(5):
        tr.apply(tr.prepare())
    upd = tr.prepare(detail=True)
    with pytest.raises(ValueError, match="s_before"):
        at.truncation(net, upd.pas, tr.X[:upd.w0], tr.s_hist[:upd.w0 + 1] + 1.0)
    with pytest.raises(ValueError, match="X_before"):
        at.truncation(net, upd.pas, tr.X[:upd.w0, :, :0], tr.s_hist[:upd.w0 + 1])


# -- why δ vanishes -----------------------------------------------------------------

@pytest.mark.parametrize("hidden", core.HIDDEN)
@pytest.mark.parametrize("depth", [None, 4])
def test_u_factor_times_fprime_factor_is_the_measured_ratio(hidden, depth):
    net, X, D, mask, s0 = problem(hidden, "linear", M=6, L=10, scale=1.2)
    pas = core.run_pass(net, X, D, depth=depth, s0=s0, mask=mask, by_source=True)
    L = X.shape[0]
    checked = 0
    for sample in (None, 1):
        allf = at.vanishing_factors_by_source(pas, net.U, hidden, sample=sample)
        for tau in range(L):
            f = at.vanishing_factors(pas, net.U, hidden, source=tau, sample=sample)
            for arr, ref in zip((f.u_factor, f.fprime_factor, f.measured),
                                (allf.u_factor[tau], allf.fprime_factor[tau], allf.measured[tau])):
                np.testing.assert_allclose(arr, ref, rtol=1e-12, atol=0)   # nan where ref is nan
            ok = np.isfinite(f.fprime_factor)
            np.testing.assert_allclose(f.u_factor[ok] * f.fprime_factor[ok], f.measured[ok],
                                       rtol=1e-12, atol=0)
            # Where Uᵀδ(c) = 0 the f′ factor is nan and U factor = measured ratio = 0.
            zero_u = np.isfinite(f.u_factor) & ~ok
            assert np.all(f.u_factor[zero_u] == 0) and np.all(f.measured[zero_u] == 0)
            # The measured ratio is read from the pass's own deltas.
            src = pas.deltas.by_source
            for c in np.nonzero(np.isfinite(f.measured))[0]:
                a, b = src[tau - c, tau], src[tau - c + 1, tau]
                if sample is not None:
                    a, b = a[sample], b[sample]
                assert f.measured[c] == pytest.approx(np.linalg.norm(b) / np.linalg.norm(a),
                                                      rel=1e-12)
                checked += 1
        whole = at.vanishing_factors(pas, net.U, hidden, sample=sample)
        ok = np.isfinite(whole.fprime_factor)
        np.testing.assert_allclose(whole.u_factor[ok] * whole.fprime_factor[ok],
                                   whole.measured[ok], rtol=1e-12, atol=0)
        assert np.isnan(whole.measured[0])
    assert checked > 20


def test_whole_update_at_full_depth_is_the_total_delta_without_the_entering_error():
    net, X, D, mask, s0 = problem("tanh", M=6, L=9)
    pas = core.run_pass(net, X, D, s0=s0, mask=mask, by_source=True)
    f = at.vanishing_factors(pas, net.U, "tanh")
    dh = pas.deltas.delta_h
    slope = core.activations.hidden_slope("tanh", pas.trace.s[1:])
    entering = slope * (pas.deltas.delta_o @ net.W)
    for c in range(1, X.shape[0]):
        assert f.norm_from[c] == pytest.approx(np.linalg.norm(dh[c]), rel=1e-12)
        assert f.norm_to[c] == pytest.approx(np.linalg.norm(dh[c - 1] - entering[c - 1]),
                                             rel=1e-10)


def test_zero_delta_gives_nan():
    net, X, D, mask, s0 = problem("relu", M=4)
    net.U[...] = 0.0                                         # nothing travels back
    pas = core.run_pass(net, X, D, s0=s0, mask=mask, by_source=True)
    f = at.vanishing_factors(pas, net.U, "relu", source=7)
    assert np.all(f.u_factor[np.isfinite(f.u_factor)] == 0)
    assert np.isnan(f.fprime_factor).all()
    assert f.measured[7] == 0.0 and np.isnan(f.measured[6])  # δ(6) = 0: no ratio from copy 6


def test_sigmoid_factor_is_at_most_a_quarter_and_saturation_counts():
    net, X, D, mask, s0 = problem("sigmoid", M=6, L=10, scale=4.0)
    pas = core.run_pass(net, X, D, s0=s0, mask=mask, by_source=True)
    f = at.vanishing_factors_by_source(pas, net.U, "sigmoid")
    assert np.nanmax(f.fprime_factor) <= 0.25 + 1e-15
    sat = at.saturation(pas, "sigmoid")
    slope = core.activations.hidden_slope("sigmoid", pas.trace.s[1:])
    assert sat.threshold == 0.025
    np.testing.assert_array_equal(sat.saturated, slope < 0.025)
    np.testing.assert_array_equal(sat.counts, (slope < 0.025).sum(axis=(1, 2)))
    assert sat.counts.sum() > 0
    one = at.saturation(pas, "sigmoid", sample=2)
    np.testing.assert_array_equal(one.counts, (slope[:, 2] < 0.025).sum(axis=1))
    np.testing.assert_allclose(one.fraction, one.counts / 6)
    assert at.saturation(pas, "linear").counts.sum() == 0
    with pytest.raises(ValueError, match="sample"):
        at.saturation(pas, "sigmoid", sample=3)


def test_relu_off_units_are_saturated():
    net, X, D, mask, s0 = problem("relu", M=6)
    pas = core.run_pass(net, X, D, s0=s0, mask=mask, by_source=True)
    sat = at.saturation(pas, "relu")
    np.testing.assert_array_equal(sat.saturated, pas.trace.s[1:] <= 0)


def test_live_training_computed_cells_are_the_schemes_own():
    """While training (η > 0), the full-depth extension keeps the scheme's cells as they are."""
    task = core.make_task("temporal-xor", seed=1)
    rec = task.recommended
    net = core.Network.create(task.N, rec.M, task.O, rec.hidden, rec.output, seed=1)
    tr = core.Trainer(net, task.X, task.D, mask=task.mask, scheme=core.preset("boden", T=3),
                      cost=rec.cost, eta=rec.eta)
    for _ in range(2 * tr.L):
        upd = tr.prepare(detail=True)
        trunc = at.truncation_for_update(tr, upd)
        w0 = upd.w0
        for name in at.RECURRENT:
            own = at.who_taught_whom(upd.pas, name, cells=False)
            close(trunc.A_full[name][w0:, w0:][own.reached], own.A[own.reached])
            close(trunc.scheme[name], own.total)
            close(trunc.full[name] - trunc.cut_total[name], own.total)
        tr.apply(upd)


def test_no_qt_in_a_fresh_interpreter():
    import subprocess
    import sys
    code = ("import sys; from core import attribution, sampling; "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=__file__.rsplit("/tests/", 1)[0], timeout=60)
    assert res.returncode == 0, res.stderr
