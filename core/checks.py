"""Argument checks at the core's door: each bad argument gives one ValueError naming it.

Every public entry point (``Network``, ``Network.create``, ``forward``,
``gradients``, ``run_pass``, ``evaluate``, ``Trainer``, ``gradcheck``) passes
its arguments through these functions before it allocates or computes
anything, so a wrong type, shape, size or value never reaches numpy as
numpy's own message (TypeError, OverflowError, IndexError, …).
"""
from __future__ import annotations

import math
import numbers

import numpy as np

#: the largest count (N, M, O, L, P, depth h) the core takes
MAX_COUNT = 10**6
#: the most weights a network may have (2 GiB of float64): past it, numpy would fail to allocate
MAX_WEIGHTS = 2**28


def _finite(value) -> float | None:
    """``value`` as a finite float if it is a real number (not a bool), else None."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        return None
    try:
        f = float(value)
    except (OverflowError, ValueError, TypeError):      # an int past 1.8e308, say
        return None
    return f if math.isfinite(f) else None


def shown(value) -> str:
    """repr(value), cut to 40 characters for a one-line message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def count(value, name: str, *, maximum: int = MAX_COUNT) -> int:
    """``value`` as an int in 1..maximum, or ValueError naming ``name``.

    Integers (Python or numpy) and integral floats pass; bool, None, strings,
    NaN, ±inf, fractions and numbers past ``maximum`` do not.
    """
    f = _finite(value)
    if f is None or not f.is_integer() or not 1 <= f <= maximum:
        raise ValueError(f"{name} must be a positive integer (1 to {maximum:,}), "
                         f"got {shown(value)}")
    return int(f)


def depth(value):
    """h of BPTT.md: None (full BPTT) or a positive integer."""
    if value is None:
        return None
    f = _finite(value)
    if f is None or not f.is_integer() or f < 1:
        raise ValueError("depth must be a positive integer or None (full BPTT), "
                         f"got {shown(value)}")
    return int(value)


def number(value, name: str, *, minimum: float = 0.0, strict: bool = False,
           maximum: float = math.inf) -> float:
    """``value`` as a finite float ≥ ``minimum`` (> it when ``strict``) and ≤ ``maximum``."""
    f = _finite(value)
    ok = f is not None and (f > minimum if strict else f >= minimum) and f <= maximum
    if ok:
        value = f
    if not ok:
        rel = ">" if strict else "≥"
        top = f" and ≤ {maximum:g}" if math.isfinite(maximum) else ""
        raise ValueError(f"{name} must be a finite number {rel} {minimum:g}{top}, "
                         f"got {shown(value)}")
    return value


def name(value, valid: tuple[str, ...], what: str) -> str:
    """``value`` if it is one of the strings ``valid``, else ValueError listing them."""
    if not isinstance(value, str) or value not in valid:
        raise ValueError(f"unknown {what} {value!r}; valid choices: {', '.join(valid)}")
    return value


def real_array(value, name: str, expected: str) -> np.ndarray:
    """``value`` as a float64 array; ValueError for None, complex, text, objects or ragged lists.

    ``expected`` is the shape in words (e.g. "(L, P, 3)"), for the message.
    """
    if value is None:
        raise ValueError(f"{name} must be an array of shape {expected}, got None")
    try:
        a = np.asarray(value)
    except (ValueError, TypeError):                  # ragged nested lists
        raise ValueError(f"{name} must be an array of shape {expected}, "
                         "got a ragged sequence") from None
    if a.dtype.kind not in "biuf":
        what = "complex numbers" if a.dtype.kind == "c" else f"values of type {a.dtype}"
        raise ValueError(f"{name} must hold real numbers (shape {expected}), got {what}")
    return a.astype(np.float64, copy=False)


def sequences(value, n: int, name: str = "X") -> np.ndarray:
    """Time-major sequences (L, P, n) as float64; a (L, n) array is one sample.

    L and P must be at least 1: an empty sequence has no step to unfold.
    """
    expected = f"(L, P, {n})"
    a = real_array(value, name, expected)
    if a.ndim == 2:
        a = a[:, None, :]
    if a.ndim != 3 or a.shape[2] != n:
        raise ValueError(f"{name} must have shape {expected} (time-major; or (L, {n}) for one "
                         f"sample), got {a.shape}")
    if a.shape[0] == 0 or a.shape[1] == 0:
        raise ValueError(f"{name} must have shape {expected} with L ≥ 1 steps and P ≥ 1 "
                         f"samples, got {a.shape}")
    return a


def matching(X: np.ndarray, D, n_out: int, name: str = "D") -> np.ndarray:
    """Targets D of shape (L, P, O) for the inputs X (L, P, N): the same L and P, no broadcasting."""
    L, P, _ = X.shape
    expected = f"(L, P, O) = {(L, P, n_out)} to match X {X.shape}"
    a = real_array(D, name, expected)
    if a.ndim == 2 and P == 1:
        a = a[:, None, :]
    if a.shape != (L, P, n_out):
        raise ValueError(f"{name} must have shape {expected}, got {a.shape}")
    return a


def mask(value, L: int, P: int) -> np.ndarray:
    """The target mask as bool (L, P); None means every step carries a target."""
    if value is None:
        return np.ones((L, P), dtype=bool)
    a = real_array(value, "mask", f"(L, P) = {(L, P)} or (L,)")
    if a.ndim == 1 and a.shape == (L,):
        a = np.repeat(a[:, None], P, axis=1)
    if a.shape != (L, P):
        raise ValueError(f"mask must have shape (L, P) = {(L, P)} or (L,) = ({L},), got {a.shape}")
    if not np.isin(a, (0.0, 1.0)).all():
        raise ValueError("mask must hold booleans (True where a step carries a target)")
    return a.astype(bool)


def state(value, P: int, M: int) -> np.ndarray:
    """s(0) as a new float64 array (P, M): zeros for None, a (M,) vector is repeated."""
    if value is None:
        return np.zeros((P, M))
    a = real_array(value, "s0", f"(P, M) = {(P, M)} or (M,) = ({M},)")
    if a.shape == (M,):
        return np.repeat(a[None, :], P, axis=0)
    if a.shape != (P, M):
        raise ValueError(f"s0 must have shape (P, M) = {(P, M)} or (M,) = ({M},), got {a.shape}")
    return a.copy()


def first_copies(value, L: int) -> np.ndarray:
    """``start`` of run_pass: for each of the L steps t, an int copy index in 0..t."""
    a = real_array(value, "start", f"(L,) = ({L},)")
    if a.shape != (L,) or not np.array_equal(a, np.round(a)) or (a < 0).any() \
            or (a > np.arange(L)).any():
        raise ValueError(f"start must have shape (L,) = ({L},) and hold, for each step t, a copy "
                         "index in 0..t")
    return a.astype(int)
