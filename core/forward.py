"""The forward pass: net_j(t), s(t), net_k(t), y(t) for every step, vectorised over samples."""
from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from . import activations as act
from . import checks
from .network import Network


@dataclass
class Trace:
    """What the forward pass stored.

    Attributes
    ----------
    net_h : ndarray, shape (L, P, M)
        net_j(t) of the hidden layer for t = 1..L (index t−1).
    s : ndarray, shape (L+1, P, M)
        s[0] = s(0), s[t] = s(t) = f(net_j(t)).
    net_o : ndarray, shape (L, P, O)
        net_k(t) of the output layer.
    y : ndarray, shape (L, P, O)
        y(t) = g(net_k(t)).
    """

    net_h: np.ndarray
    s: np.ndarray
    net_o: np.ndarray
    y: np.ndarray


class Buffers:
    """The arrays of one pass for sizes (L, P, N, M, O), allocated once and written in place.

    :func:`core.gradients` keeps one per thread and reuses it from call to
    call: on this project's machines a product written into a fresh numpy
    array cost up to 20× the same product written into an array used before
    (README, "Benchmarks"). :func:`core.run_pass` returns its arrays to the
    caller, so it takes new ones every time. ``backward=False`` leaves out the
    arrays of BPTT (δ, f′, the cost terms, the gradients; they stay None): a
    forward pass alone, e.g. :func:`core.evaluate` over a long sequence, then
    holds two (L, P, M) arrays instead of four, as the memory budget counts it.
    """

    def __init__(self, L: int, P: int, N: int, M: int, O: int, backward: bool = True):
        self.sizes = (L, P, N, M, O)
        self.s = np.empty((L + 1, P, M))          # s(0) … s(L)
        self.net_j = np.empty((L, P, M))
        self.net_k = np.empty((L, P, O))
        self.y = np.empty((L, P, O))
        self.recurrent = np.empty((P, M))         # Σ_h s_h(t−1) u_jh of one step
        self.from_later = self.delta_k = self.scratch = self.delta_j = self.slope = None
        self.grads = None
        if not backward:
            return
        self.from_later = np.empty((P, M))        # Σ_h δ_h(c+1) u_hj of one copy
        self.delta_k = np.empty((L, P, O))
        self.scratch = np.empty((L, P, O))        # the cost terms
        self.delta_j = np.empty((L, P, M))
        self.slope = np.empty((L, P, M))          # f'(net_j(c))
        self.grads = {"V": np.empty((M, N)), "U": np.empty((M, M)), "W": np.empty((O, M))}


_reused = threading.local()


#: the most float64 entries a thread keeps for reuse (32 MiB): a larger pass takes new arrays,
#: whose allocation is then small next to the pass, and gives them back when it ends
REUSE_LIMIT = 2**22


def reused_buffers(L: int, P: int, N: int, M: int, O: int) -> Buffers:
    """This thread's :class:`Buffers` for these sizes (made anew when the sizes change)."""
    buffers = getattr(_reused, "buffers", None)
    if buffers is None or buffers.sizes != (L, P, N, M, O):
        _reused.buffers = None
        buffers = Buffers(L, P, N, M, O)
        if L * P * (4 * M + 3 * O) + P * M <= REUSE_LIMIT:
            _reused.buffers = buffers
    return buffers


def as_sequences(X, n: int, what: str = "X") -> np.ndarray:
    """``X`` as a float64 array of shape (L, P, n), accepting (L, n) for one sample.

    Raises ValueError naming ``what`` for a wrong shape, type or an empty sequence.
    """
    return checks.sequences(X, n, what)


def initial_state(s0, P: int, M: int) -> np.ndarray:
    """s(0) as a new array of shape (P, M): zeros for None, a (M,) vector is repeated."""
    return checks.state(s0, P, M)


def check_network(net) -> Network:
    """``net`` if it is a :class:`Network`, else ValueError."""
    if not isinstance(net, Network):
        raise ValueError(f"net must be a core.Network, got {type(net).__name__}")
    return net


def run_forward(net: Network, X: np.ndarray, s0: np.ndarray,
                buffers: Buffers | None = None) -> Trace:
    """The forward pass over checked arrays: X float64 (L, P, N), s0 float64 (P, M).

    Writes into ``buffers`` (new ones by default) and returns a Trace of them.
    """
    L, P, N = X.shape
    M, O = net.M, net.O
    if buffers is None:
        buffers = Buffers(L, P, N, M, O, backward=False)
    s, net_j, net_k, recurrent = buffers.s, buffers.net_j, buffers.net_k, buffers.recurrent
    s[0] = s0
    # The input term has no recurrence, so it is one matmul over all steps
    # (2-D, samples and steps stacked: faster than numpy's batched 3-D matmul).
    np.matmul(X.reshape(L * P, N), net.V.T, out=net_j.reshape(L * P, M))
    net_j += net.theta_h
    U_T = net.U.T
    f, name = act.hidden_into, net.hidden
    with np.errstate(over="ignore"):        # the sigmoid's e^(−net) may overflow to inf: exact
        for t in range(L):
            # s has s(0) in front, so s[t] is the state *entering* step t (0-based): the
            # paper's s(t−1) of this copy, and s[t + 1] is the s(t) it produces.
            net_j[t] += np.matmul(s[t], U_T, out=recurrent)
            f(name, net_j[t], out=s[t + 1])
    np.matmul(s[1:].reshape(L * P, M), net.W.T, out=net_k.reshape(L * P, O))
    net_k += net.theta_o
    return Trace(net_h=net_j, s=s, net_o=net_k, y=act.output_into(net.output, net_k, buffers.y))


def forward(net: Network, X, s0=None) -> Trace:
    """Run the network over the sequences ``X``.

    Parameters
    ----------
    net : Network
    X : array_like, shape (L, P, N)
        Inputs x(t), time-major (a (L, N) array is one sample); L, P ≥ 1.
    s0 : array_like, shape (P, M) or (M,), optional
        Initial state s(0); zeros by default.

    Returns
    -------
    Trace
        net_h (L, P, M), s (L+1, P, M), net_o (L, P, O), y (L, P, O).

    Raises
    ------
    ValueError
        For a wrong type or shape of any argument, complex numbers, or L = 0 or P = 0.
    """
    check_network(net)
    X = checks.sequences(X, net.N)
    return run_forward(net, X, checks.state(s0, X.shape[1], net.M))
