"""The forward pass: net_j(t), s(t), net_k(t), y(t) for every step, vectorised over samples."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import activations as act
from .network import Network


@dataclass
class Trace:
    """What the forward pass stored.

    Attributes
    ----------
    net_h : ndarray, shape (L, P, M)
        net_j(t) for t = 1..L (index t−1).
    s : ndarray, shape (L+1, P, M)
        s[0] = s(0), s[t] = s(t) = f(net_j(t)).
    net_o : ndarray, shape (L, P, O)
        net_k(t).
    y : ndarray, shape (L, P, O)
        y(t) = g(net_k(t)).
    """

    net_h: np.ndarray
    s: np.ndarray
    net_o: np.ndarray
    y: np.ndarray


def as_sequences(X, n: int, what: str = "X") -> np.ndarray:
    """``X`` as a float64 array of shape (L, P, n), accepting (L, n) for one sample."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim == 2:
        X = X[:, None, :]
    if X.ndim != 3 or X.shape[2] != n:
        raise ValueError(f"{what} must have shape (L, P, {n}) (time-major), got {X.shape}")
    return X


def initial_state(s0, P: int, M: int) -> np.ndarray:
    """s(0) as an array of shape (P, M): zeros for None, a (M,) vector is broadcast."""
    if s0 is None:
        return np.zeros((P, M))
    s0 = np.asarray(s0, dtype=np.float64)
    try:
        return np.broadcast_to(s0, (P, M)).copy()
    except ValueError:
        raise ValueError(f"s0 must have shape (P, M) = {(P, M)} or (M,), got {s0.shape}") from None


def forward(net: Network, X, s0=None) -> Trace:
    """Run the network over the sequences ``X``.

    Parameters
    ----------
    net : Network
    X : array_like, shape (L, P, N)
        Inputs x(t), time-major (a (L, N) array is one sample).
    s0 : array_like, shape (P, M) or (M,), optional
        Initial state s(0); zeros by default.

    Returns
    -------
    Trace
        net_h (L, P, M), s (L+1, P, M), net_o (L, P, O), y (L, P, O).
    """
    X = as_sequences(X, net.N)
    L, P, N = X.shape
    M, O = net.M, net.O
    s = np.empty((L + 1, P, M))
    s[0] = initial_state(s0, P, M)
    # The input term has no recurrence, so it is one matmul over all steps
    # (2-D, samples and steps stacked: faster than numpy's batched 3-D matmul).
    net_h = (X.reshape(L * P, N) @ net.V.T).reshape(L, P, M)
    net_h += net.theta_h
    recurrent = np.empty((P, M))                          # Σ_h s_h(t−1) u_jh, reused
    for t in range(L):
        net_h[t] += np.matmul(s[t], net.U.T, out=recurrent)
        s[t + 1] = act.hidden(net.hidden, net_h[t])
    net_o = (s[1:].reshape(L * P, M) @ net.W.T).reshape(L, P, O)
    net_o += net.theta_o
    return Trace(net_h=net_h, s=s, net_o=net_o, y=act.output(net.output, net_o))
