"""Vanishing and exploding gradients: ‖δ(t−z)‖ against z, and the bound of BPTT.md.

BPTT.md writes the error that entered at step t, after z copies back, as

    δ(t−z) = D(t−z) Uᵀ D(t−z+1) Uᵀ … D(t) Wᵀ δ_o(t),     D(τ) = diag f′(net(τ))

so that ‖δ(t−z)‖ ≤ (γ σ_max(U))^z ‖D(t) Wᵀ δ_o(t)‖ with γ = max |f′|
(¼ for the sigmoid, 1 for tanh). Everything here reads a
:class:`~core.bptt.Pass` computed with ``by_source=True`` (the Trainer's
``prepare(detail=True)`` does that); nothing is recomputed.

Norms over a batch are Frobenius norms over the P samples and M units (the
bound holds sample by sample, hence also for the batch); pass ``sample`` for
one sample l.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import GAMMA


@dataclass
class Vanishing:
    """‖δ(t−z)‖ against z for the error that entered at one step t.

    Attributes
    ----------
    t : int
        Column (0-based step of the pass) where the error entered.
    z : ndarray of int, shape (Z,)
        0, 1, …: copies back from t (Z = copies the error flows through).
    norms : ndarray, shape (Z,)
        ‖δ(t−z)‖ (batch Frobenius norm, or one sample's).
    bound : ndarray, shape (Z,)
        (γ σ_max(U))^z ‖D(t) Wᵀ δ_o(t)‖ = (γ σ_max(U))^z · norms[0].
    rho, sigma, gamma : float
        ρ(U) (largest |eigenvalue|), σ_max(U) (largest singular value), γ = max |f′|.
    """

    t: int
    z: np.ndarray
    norms: np.ndarray
    bound: np.ndarray
    rho: float
    sigma: float
    gamma: float

    @property
    def factor(self) -> float:
        """γ σ_max(U): below 1 the bound vanishes geometrically."""
        return self.gamma * self.sigma


def spectral_radius(U) -> float:
    """ρ(U), the largest |eigenvalue| of U (0 for an empty matrix)."""
    U = np.asarray(U, dtype=np.float64)
    return float(np.max(np.abs(np.linalg.eigvals(U)))) if U.size else 0.0


def sigma_max(U) -> float:
    """σ_max(U), the largest singular value (the spectral norm ‖U‖₂)."""
    U = np.asarray(U, dtype=np.float64)
    return float(np.linalg.norm(U, 2)) if U.size else 0.0


def gamma(hidden: str) -> float:
    """γ = max |f′| of the hidden activation f (¼ sigmoid, 1 tanh, ReLU, linear)."""
    if hidden not in GAMMA:
        raise ValueError(f"unknown hidden activation {hidden!r}; valid choices: {', '.join(GAMMA)}")
    return GAMMA[hidden]


def rescale_to_radius(U, rho: float) -> np.ndarray:
    """U scaled so that its spectral radius is ``rho`` (a new array).

    Raises
    ------
    ValueError
        For a negative or non-finite ``rho``, or when ρ(U) = 0 (nothing to scale).
    """
    rho = float(rho)
    if not np.isfinite(rho) or rho < 0:
        raise ValueError(f"the spectral radius must be a finite number ≥ 0, got {rho!r}")
    U = np.asarray(U, dtype=np.float64)
    r = spectral_radius(U)
    if r == 0.0:
        raise ValueError("U has spectral radius 0 (nilpotent or zero): it cannot be rescaled")
    return U * (rho / r)


def last_error_step(bptt_pass) -> int | None:
    """The last column of ``bptt_pass`` that carries a target (None if none does)."""
    cols = np.nonzero(bptt_pass.deltas.targets.any(axis=1))[0]
    return int(cols[-1]) if cols.size else None


def delta_norms(bptt_pass, t: int | None = None, sample: int | None = None) -> np.ndarray:
    """‖δ(t−z)‖ for z = 0 … (copies reached − 1), from ``bptt_pass.deltas.by_source``.

    Parameters
    ----------
    bptt_pass : Pass
        Computed with ``by_source=True``.
    t : int, optional
        Column where the error entered; the last one with a target by default.
    sample : int, optional
        One sample l; the Frobenius norm over the batch by default.

    Returns
    -------
    ndarray, shape (Z,)
        Empty when no error enters at ``t``.
    """
    src = bptt_pass.deltas.by_source
    if src is None:
        raise ValueError("the pass has no per-source deltas: run it with by_source=True "
                         "(Trainer.prepare(detail=True))")
    if t is None:
        t = last_error_step(bptt_pass)
        if t is None:
            return np.zeros(0)
    if not bptt_pass.deltas.targets[t].any():
        return np.zeros(0)
    copies = min(t - int(bptt_pass.deltas.start[t]) + 1, src.shape[0])
    d = src[:copies, t]                         # (Z, P, M)
    if sample is not None:
        d = d[:, sample:sample + 1]
    return np.sqrt(np.sum(d * d, axis=(1, 2)))


def vanishing(bptt_pass, U, hidden: str, t: int | None = None, sample: int | None = None) -> Vanishing:
    """‖δ(t−z)‖ against z with the bound (γ σ_max(U))^z ‖D(t) Wᵀ δ_o(t)‖.

    Parameters
    ----------
    bptt_pass : Pass
        Computed with ``by_source=True``.
    U : ndarray, shape (M, M)
        The recurrent weights the pass was computed with.
    hidden : str
        f, for γ.
    t, sample
        As in :func:`delta_norms`.
    """
    if t is None:
        t = last_error_step(bptt_pass)
    norms = delta_norms(bptt_pass, t, sample) if t is not None else np.zeros(0)
    z = np.arange(norms.size)
    rho, sig, gam = spectral_radius(U), sigma_max(U), gamma(hidden)
    with np.errstate(over="ignore", invalid="ignore"):
        bound = (gam * sig) ** z * (norms[0] if norms.size else 0.0)
    return Vanishing(t=-1 if t is None else int(t), z=z, norms=norms, bound=bound, rho=rho,
                     sigma=sig, gamma=gam)
