"""The engine's gradients against central finite differences (BPTT.md, "Checks that must hold").

The quantity BPTT with depth h differentiates is Σ_t C(t), where for each
target step t the state entering copy t−h+1 is held at its unperturbed value
(PyTorch's ``.detach()``); with h = None (full BPTT) that is simply the cost C.
:func:`gradcheck` perturbs every weight by ±ε (ε = 1e−6, float64), evaluates
that quantity and compares (C(w+ε) − C(w−ε)) / 2ε with the engine's
``∂C/∂param``. Clipping never enters: the engine's gradients are taken from
:func:`core.bptt.gradients`, which does not clip.

The error of a parameter is the largest absolute difference over its entries
divided by the sum of the largest magnitudes, max|a − n| / (max|a| + max|n|),
floored so that an all-zero gradient compares as exact: the same measure the
core tests use.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import activations as act
from . import bptt
from . import checks
from .forward import check_network, forward
from .network import PARAMS, Network

#: relative error above which a parameter fails the check
TOLERANCE = 1e-6
#: step of the central differences
EPS = 1e-6

#: how the UI names each parameter
LABELS = {"V": "V", "U": "U", "W": "W", "theta_h": "θ_h", "theta_o": "θ_o"}


@dataclass
class GradCheck:
    """The result of :func:`gradcheck`.

    Attributes
    ----------
    errors : dict of str to float
        Largest relative error per parameter (V, U, W, theta_h, theta_o).
    analytic, numeric : dict of str to ndarray
        ∂C/∂param from the engine and from central differences.
    tolerance, eps : float
    depth : int or None
    """

    errors: dict
    analytic: dict
    numeric: dict
    tolerance: float = TOLERANCE
    eps: float = EPS
    depth: int | None = None
    evaluations: int = field(default=0)

    @property
    def passed(self) -> dict:
        """Per parameter: error ≤ tolerance."""
        return {k: bool(e <= self.tolerance) for k, e in self.errors.items()}

    @property
    def ok(self) -> bool:
        """Every parameter passes."""
        return all(self.passed.values())

    @property
    def worst(self) -> float:
        """The largest error over all parameters."""
        return max(self.errors.values()) if self.errors else 0.0

    def lines(self) -> list[str]:
        """One line per parameter, e.g. ``"U      3.1e-09  ok"``."""
        return [f"{LABELS[k]:<4} {self.errors[k]:9.2e}  {'ok' if self.passed[k] else 'FAIL'}"
                for k in self.errors]


def relative_error(a, b) -> float:
    """max|a − b| / (max|a| + max|b|), with the denominator floored at 1e−12."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0:
        return 0.0
    den = max(float(np.max(np.abs(a)) + np.max(np.abs(b))), 1e-12)
    err = float(np.max(np.abs(a - b))) / den
    return err if np.isfinite(err) else float("inf")


def truncated_cost(net: Network, X, D, cost: str, depth, s_base, targets) -> float:
    """Σ_t C(t) with the state entering copy t−h+1 taken from ``s_base`` (held constant).

    Parameters
    ----------
    s_base : ndarray, shape (L+1, P, M)
        The unperturbed states; s_base[0] = s(0).
    targets : ndarray of bool, shape (L, P)
    """
    if depth is None:
        y = forward(net, X, s_base[0]).y
        terms = act.cost_terms(net.output, cost, y, D)
        return float(np.where(targets[..., None], terms, 0.0).sum())
    total = 0.0
    for t in np.nonzero(targets.any(axis=1))[0]:
        start = max(0, int(t) - int(depth) + 1)
        y = forward(net, X[start:t + 1], s_base[start]).y[-1]
        terms = act.cost_terms(net.output, cost, y, D[t])
        total += float(np.where(targets[t][:, None], terms, 0.0).sum())
    return total


def engine_gradients(net: Network, X, D, cost: str, depth, s0, mask) -> dict:
    """The engine's ∂C/∂param (no clipping). Tests monkeypatch this to corrupt it."""
    return bptt.gradients(net, X, D, cost=cost, depth=depth, s0=s0, mask=mask)


def gradcheck(net: Network, X, D, cost: str = "sse", depth=None, s0=None, mask=None,
              eps: float = EPS, tolerance: float = TOLERANCE,
              params=PARAMS) -> GradCheck:
    """Compare the engine's gradients with central finite differences.

    Parameters
    ----------
    net : Network
        Left unchanged (a copy is perturbed).
    X : array_like, shape (L, P, N)
    D : array_like, shape (L, P, O)
    cost : {"sse", "ce"}
    depth : int or None
        h of BPTT.md (None = full BPTT).
    s0 : array_like, shape (P, M) or (M,), optional
    mask : array_like of bool, shape (L, P), optional
    eps : float
        Step of the central differences.
    tolerance : float
        Largest relative error that passes.
    params : sequence of str
        Which parameters to check (all five by default).

    Returns
    -------
    GradCheck

    Raises
    ------
    ValueError
        For any argument of the wrong type, shape or value (named in the message).
    """
    check_network(net)
    bptt.check_cost(net, cost)
    X = checks.sequences(X, net.N)
    D = checks.matching(X, D, net.O)
    L, P, _ = X.shape
    targets = checks.mask(mask, L, P)
    Dz = np.where(targets[..., None], D, 0.0)
    s0 = checks.state(s0, P, net.M)
    depth = checks.depth(depth)
    eps = checks.number(eps, "eps", strict=True)
    tolerance = checks.number(tolerance, "tolerance", strict=True)
    if isinstance(params, str) or not all(isinstance(p, str) and p in PARAMS for p in params):
        raise ValueError(f"params must be a sequence of names from {', '.join(PARAMS)}, "
                         f"got {checks.shown(params)}")
    analytic = engine_gradients(net, X, Dz, cost, depth, s0, targets)
    work = net.copy()
    s_base = forward(work, X, s0).s
    numeric, errors, n = {}, {}, 0
    with np.errstate(all="ignore"):
        for name in params:
            weights = getattr(work, name)
            g = np.zeros_like(weights)
            for idx in np.ndindex(weights.shape):
                old = weights[idx]
                weights[idx] = old + eps
                plus = truncated_cost(work, X, Dz, cost, depth, s_base, targets)
                weights[idx] = old - eps
                minus = truncated_cost(work, X, Dz, cost, depth, s_base, targets)
                weights[idx] = old
                g[idx] = (plus - minus) / (2.0 * eps)
                n += 2
            numeric[name] = g
            errors[name] = relative_error(analytic[name], g)
    return GradCheck(errors=errors, analytic={k: analytic[k] for k in params}, numeric=numeric,
                     tolerance=tolerance, eps=eps, depth=depth, evaluations=n)


def gradcheck_update(net: Network, update, cost: str, **kw) -> GradCheck:
    """:func:`gradcheck` on the window of a prepared :class:`~core.training.Update`.

    The window's inputs, targets and target mask, s(0) = the state entering the
    window (``update.bptt_pass.trace.s[0]``) and full depth inside the window (every
    error reaches the window's first copy, as the Trainer computes it).
    """
    window = update.bptt_pass
    return gradcheck(net, window.X, window.D, cost=cost, depth=None, s0=window.trace.s[0],
                     mask=window.deltas.targets, **kw)
