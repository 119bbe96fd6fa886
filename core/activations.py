"""Activation functions f (hidden) and g (output), and their slopes.

BPTT.md writes every slope as a function of the unit's output, the way Bodén
does: f'(net) expressed with s = f(net). That is the number the engine uses,
since the forward pass stores s; :func:`hidden_slope_from_net` is the same
slope taken at net, kept so the inspector (and the tests) can show that the
two agree.
"""
from __future__ import annotations

import numpy as np

HIDDEN = ("sigmoid", "tanh", "relu", "linear")
OUTPUT = ("sigmoid", "softmax", "linear")
COSTS = ("sse", "ce")

#: f'(net) written with s = f(net), as text for the UI.
SLOPE_IN_S = {
    "sigmoid": "s (1 − s)",
    "tanh": "1 − s²",
    "relu": "1 if s > 0 else 0",
    "linear": "1",
}

#: γ = max |f'|, the factor of the vanishing-gradient bound.
GAMMA = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0, "linear": 1.0}


def check_name(name: str, valid: tuple[str, ...], what: str) -> str:
    """Return ``name`` if it is one of ``valid``, else raise ValueError naming the choices."""
    if not isinstance(name, str) or name not in valid:
        raise ValueError(f"unknown {what} {name!r}; valid choices: {', '.join(valid)}")
    return name


def sigmoid(a: np.ndarray) -> np.ndarray:
    """Logistic function, computed without overflow for large |a|."""
    out = np.empty_like(a, dtype=np.float64)
    pos = a >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-a[pos]))
    e = np.exp(a[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def hidden(name: str, net: np.ndarray) -> np.ndarray:
    """s = f(net) for the hidden layer; any shape."""
    if name == "sigmoid":
        return sigmoid(net)
    if name == "tanh":
        return np.tanh(net)
    if name == "relu":
        return np.maximum(net, 0.0)
    if name == "linear":
        return net.astype(np.float64, copy=True)
    raise ValueError(f"unknown hidden activation {name!r}; valid choices: {', '.join(HIDDEN)}")


def hidden_slope(name: str, s: np.ndarray) -> np.ndarray:
    """f'(net) written with s = f(net) (BPTT.md's table); any shape."""
    if name == "sigmoid":
        return s * (1.0 - s)
    if name == "tanh":
        return 1.0 - s * s
    if name == "relu":
        return (s > 0).astype(np.float64)
    if name == "linear":
        return np.ones_like(s, dtype=np.float64)
    raise ValueError(f"unknown hidden activation {name!r}; valid choices: {', '.join(HIDDEN)}")


def hidden_into(name: str, net: np.ndarray, out: np.ndarray) -> np.ndarray:
    """s = f(net) written into ``out`` (same shape) without temporaries; returns ``out``.

    The forward pass calls this once per step on one (P, M) array, so it
    allocates nothing. The sigmoid is 1 / (1 + e^(−net)), exact for every net
    (e^(−net) = inf gives 0; the caller silences the overflow warning).
    """
    if name == "tanh":
        return np.tanh(net, out=out)
    if name == "sigmoid":
        np.negative(net, out=out)
        np.exp(out, out=out)
        out += 1.0
        return np.reciprocal(out, out=out)
    if name == "relu":
        return np.maximum(net, 0.0, out=out)
    if name == "linear":
        out[...] = net
        return out
    raise ValueError(f"unknown hidden activation {name!r}; valid choices: {', '.join(HIDDEN)}")


def hidden_slope_into(name: str, s: np.ndarray, out: np.ndarray) -> np.ndarray:
    """f'(net) written with s = f(net) (BPTT.md's table), into ``out``; returns ``out``."""
    if name == "tanh":                      # 1 − s²
        np.multiply(s, s, out=out)
        return np.subtract(1.0, out, out=out)
    if name == "sigmoid":                   # s (1 − s)
        np.subtract(1.0, s, out=out)
        return np.multiply(out, s, out=out)
    if name == "relu":                      # 1 if s > 0 else 0
        return np.greater(s, 0.0, out=out, casting="unsafe")
    if name == "linear":
        out.fill(1.0)
        return out
    raise ValueError(f"unknown hidden activation {name!r}; valid choices: {', '.join(HIDDEN)}")


def hidden_slope_from_net(name: str, net: np.ndarray) -> np.ndarray:
    """f'(net) computed from net directly; equals :func:`hidden_slope` of f(net)."""
    if name == "sigmoid":
        s = sigmoid(net)
        return s * (1.0 - s)
    if name == "tanh":
        return 1.0 / np.cosh(net) ** 2
    if name == "relu":
        return (net > 0).astype(np.float64)
    if name == "linear":
        return np.ones_like(net, dtype=np.float64)
    raise ValueError(f"unknown hidden activation {name!r}; valid choices: {', '.join(HIDDEN)}")


def output(name: str, net: np.ndarray) -> np.ndarray:
    """y = g(net) for the output layer, over the last axis (softmax normalises there)."""
    if name == "sigmoid":
        return sigmoid(net)
    if name == "softmax":
        net = np.ascontiguousarray(net, dtype=np.float64)
        return output_into(name, net, np.empty_like(net))
    if name == "linear":
        return net.astype(np.float64, copy=True)
    raise ValueError(f"unknown output activation {name!r}; valid choices: {', '.join(OUTPUT)}")


def _row_max(rows: np.ndarray) -> np.ndarray:
    """The largest entry of each row of a (R, O) array, shape (R,).

    numpy reduces a short last axis slowly (4× the time of the loop below for
    O = 16), so a few outputs are compared column by column.
    """
    O = rows.shape[1]
    if O > 32:
        return rows.max(axis=1)
    top = rows[:, 0].copy()
    for k in range(1, O):
        np.maximum(top, rows[:, k], out=top)
    return top


#: |net| up to which softmax skips subtracting the row's maximum: e^±600 is a normal float,
#: and a sum of up to 10^35 of them stays finite
_NO_SHIFT = 600.0


def output_into(name: str, net: np.ndarray, out: np.ndarray) -> np.ndarray:
    """y = g(net) written into ``out`` (C-contiguous, same shape, not ``net``); returns ``out``.

    Softmax: e^(net − max) / Σ_k e^(net_k − max) over the last axis, without the
    shift by the row's maximum when every |net| ≤ 600 (the same quotient); the
    sum is a matrix-vector product with ones (faster than numpy's sum over a
    short axis).
    """
    if name == "softmax":
        O = net.shape[-1]
        rows, y = net.reshape(-1, O), out.reshape(-1, O)
        if rows.size and -_NO_SHIFT <= rows.min() and rows.max() <= _NO_SHIFT:
            np.exp(rows, out=y)           # e^net neither overflows nor vanishes: no shift needed
        else:
            np.subtract(rows, _row_max(rows)[:, None], out=y)
            np.exp(y, out=y)
        y /= (y @ np.ones(O))[:, None]
        return out
    if name == "linear":
        out[...] = net
        return out
    out[...] = output(name, net)
    return out


def check_pair(output_name: str, cost: str, n_out: int | None = None) -> None:
    """Raise ValueError for an unknown or impossible (g, cost) choice."""
    check_name(output_name, OUTPUT, "output activation")
    check_name(cost, COSTS, "cost")
    if cost == "ce" and output_name == "linear":
        raise ValueError(
            "cross-entropy is undefined for a linear output; choose output 'sigmoid' or "
            "'softmax' with cost 'ce', or cost 'sse' with a linear output")
    if output_name == "softmax" and n_out is not None and n_out < 2:
        raise ValueError("softmax needs at least two outputs; choose output 'sigmoid' or 'linear' "
                         f"for {n_out} output")


_TINY = np.finfo(np.float64).tiny


def cost_terms(output_name: str, cost: str, y: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Per-unit cost terms, same shape as ``y``; C is their sum over the target steps.

    SSE: ½ (d − y)². CE with softmax: −d ln y. CE with sigmoid (binary):
    −[d ln y + (1 − d) ln(1 − y)].
    """
    if cost == "sse":
        return 0.5 * (d - y) ** 2
    if output_name == "softmax":
        return -d * np.log(np.maximum(y, _TINY))
    return -(d * np.log(np.maximum(y, _TINY)) + (1.0 - d) * np.log(np.maximum(1.0 - y, _TINY)))


def cost_per_step(output_name: str, cost: str, y: np.ndarray, d: np.ndarray,
                  targets: np.ndarray, every: bool, scratch: np.ndarray | None = None
                  ) -> np.ndarray:
    """C(t), shape (L,): the cost terms summed over samples and units at each step.

    ``y`` and ``d`` are (L, P, O), ``targets`` (L, P) (``every`` = all True);
    ``d`` must be zero where no target. Softmax + CE needs only −Σ d ln y, and a
    zero target adds nothing, so it skips the mask. ``scratch`` (shape of ``y``)
    is room for the terms.
    """
    L = y.shape[0]
    if cost == "ce" and output_name == "softmax":
        log_y = np.maximum(y, _TINY, out=scratch)
        np.log(log_y, out=log_y)
        log_y *= d
        return -log_y.reshape(L, -1).sum(axis=1)
    terms = cost_terms(output_name, cost, y, d)
    if not every:
        terms[~targets] = 0.0
    return terms.reshape(L, -1).sum(axis=1)


def output_delta_into(output_name: str, cost: str, y: np.ndarray, d: np.ndarray,
                      out: np.ndarray) -> np.ndarray:
    """:func:`output_delta` written into ``out``; returns ``out``."""
    if cost == "ce" or output_name == "linear":
        return np.subtract(d, y, out=out)
    out[...] = output_delta(output_name, cost, y, d)
    return out


def output_delta(output_name: str, cost: str, y: np.ndarray, d: np.ndarray) -> np.ndarray:
    """δ_k = −∂C/∂net_k for each output unit, shape of ``y`` (last axis k).

    Matched pairs (softmax + CE, sigmoid + CE, linear + SSE) give d − y with
    no g' factor; SSE with sigmoid multiplies by y(1 − y); SSE with softmax
    uses the full Jacobian: δ_q = y_q [(d_q − y_q) − Σ_k (d_k − y_k) y_k].
    """
    e = d - y
    if cost == "ce" or output_name == "linear":
        return e
    if output_name == "sigmoid":
        return e * y * (1.0 - y)
    # SSE + softmax: the source text's diagonal y(1 − y) is wrong here.
    return y * (e - np.sum(e * y, axis=-1, keepdims=True))
