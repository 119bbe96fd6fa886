"""What the network predicts, step by step, and sequences it generates from its own predictions.

:func:`predictions` reads y(t) against d(t): for symbol outputs (softmax) the
predicted symbol argmax_k y_k(t) with its probability, for sigmoid outputs the
units' bits (y > ½), for linear outputs the values; right or wrong where the
mask puts a target.

:func:`generate` samples a sequence the way min-char-rnn does while it
trains: run the prefix through the network, draw the next symbol from
softmax(net_k / T) (T the temperature), feed its one-hot code back as the next
input x(t+1), and repeat. It needs a text or symbol task: softmax outputs over
the same symbols as the one-hot inputs (N = O).

Symbol names come from the task when it has them (``output_names``, or for a
text task its characters, or its ``output_labels``); otherwise symbols are
their indices "0", "1", ….
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .bptt import target_mask
from .forward import Trace, as_sequences, forward

#: Longest generated sequence (and longest prefix) :func:`generate` accepts.
MAX_LENGTH = 10_000
#: The kinds of output :func:`predictions` tells apart, by the output activation g.
KINDS = {"softmax": "symbol", "sigmoid": "bits", "linear": "values"}


# -- symbol names -------------------------------------------------------------------

def symbol_names(task, side: str = "output") -> tuple[str, ...] | None:
    """The names of a task's symbols on one side, or None when it has none.

    Looks for ``task.input_names`` / ``task.output_names`` first; a text task
    (built from a file) has its characters in ``params["vocab"]``; otherwise
    the unit labels ``input_labels`` / ``output_labels`` (for a one-hot task
    each unit is a symbol).

    Parameters
    ----------
    task : Task or None
    side : {"input", "output"}

    Returns
    -------
    tuple of str, or None
    """
    if side not in ("input", "output"):
        raise ValueError(f"side must be 'input' or 'output', got {side!r}")
    if task is None:
        return None
    n = task.N if side == "input" else task.O
    names = getattr(task, f"{side}_names", None)
    if names is None:
        vocab = (getattr(task, "params", None) or {}).get("vocab")
        if isinstance(vocab, str) and len(vocab) == n:
            names = tuple(vocab)
    if names is None:
        names = getattr(task, f"{side}_labels", None)
    if names is None or len(names) != n:
        return None
    return tuple(str(s) for s in names)


def _names(names, n: int) -> tuple[str, ...]:
    if names is None:
        return tuple(str(i) for i in range(n))
    names = tuple(str(s) for s in names)
    if len(names) != n:
        raise ValueError(f"names must hold {n} symbol names, got {len(names)}")
    return names


# -- predictions --------------------------------------------------------------------

@dataclass
class Predictions:
    """The network's prediction at every step, against the target.

    Attributes
    ----------
    kind : {"symbol", "bits", "values"}
        softmax outputs are one symbol per step; sigmoid outputs are bits
        (one per unit); linear outputs are values (regression).
    y : ndarray, shape (L, P, O)
        Outputs y(t).
    d : ndarray, shape (L, P, O)
        Targets d(t) (zero where there is none).
    scored : ndarray of bool, shape (L, P)
        Steps that carry a target (the mask).
    predicted : ndarray of int, shape (L, P)
        The predicted symbol: argmax_k y_k(t) (for a single sigmoid unit its
        bit, y > ½); −1 for values.
    probability : ndarray, shape (L, P)
        Its probability: y_k(t) of the predicted unit (for a single sigmoid
        unit max(y, 1 − y)); nan for values.
    target : ndarray of int, shape (L, P)
        The target symbol (argmax_k d_k(t), or the bit d > ½); −1 where no
        target or for values.
    right : ndarray of bool, shape (L, P)
        Where scored: symbol — predicted == target; bits — every unit's bit
        y_k > ½ equals d_k > ½. False where not scored and for values.
    error : ndarray, shape (L, P)
        ‖d(t) − y(t)‖ where scored, nan elsewhere (what the strip shows for
        regression).
    names : tuple of str
        Names of the output symbols (indices as text when unknown; "0", "1"
        for a single sigmoid unit).
    """

    kind: str
    y: np.ndarray
    d: np.ndarray
    scored: np.ndarray
    predicted: np.ndarray
    probability: np.ndarray
    target: np.ndarray
    right: np.ndarray
    error: np.ndarray
    names: tuple

    @property
    def classified(self) -> np.ndarray:
        """(L, P) bool: the steps counted as right or wrong (scored, and not values)."""
        return self.scored if self.kind != "values" else np.zeros_like(self.scored)

    @property
    def accuracy(self) -> float:
        """Share of the classified steps that are right (nan when none is)."""
        n = int(self.classified.sum())
        return float(self.right.sum() / n) if n else float("nan")

    def predicted_names(self) -> np.ndarray:
        """(L, P) array of str: the predicted symbols' names ("" for values)."""
        return self._named(self.predicted)

    def target_names(self) -> np.ndarray:
        """(L, P) array of str: the targets' names ("" where none or for values)."""
        return self._named(self.target)

    def _named(self, idx: np.ndarray) -> np.ndarray:
        lab = np.array(list(self.names) + [""], dtype=object)     # −1 → ""
        return lab[idx].astype(str)


def predictions(net, X, D=None, mask=None, s0=None, names=None, trace: Trace | None = None
                ) -> Predictions:
    """Per step, the predicted symbol and its probability (or the values), right or wrong.

    Parameters
    ----------
    net : Network
    X : array_like, shape (L, P, N)
    D : array_like, shape (L, P, O), optional
        Targets d(t); without them nothing is scored.
    mask : array_like of bool, shape (L, P) or (L,), optional
        Steps that carry a target; every step by default (when D is given).
    s0 : array_like, shape (P, M) or (M,), optional
    names : sequence of str, optional
        O names of the output symbols (e.g. ``symbol_names(task)``).
    trace : Trace, optional
        A forward pass already computed over ``X`` from ``s0`` (not recomputed).

    Returns
    -------
    Predictions
    """
    X = as_sequences(X, net.N)
    L, P, _ = X.shape
    if trace is None:
        trace = forward(net, X, s0)
    y = trace.y
    if y.shape != (L, P, net.O):
        raise ValueError(f"trace must be the forward pass over X, got y of shape {y.shape}")
    if D is None:
        D = np.zeros((L, P, net.O))
        scored = np.zeros((L, P), dtype=bool)
    else:
        D = as_sequences(D, net.O, "D")
        if D.shape[:2] != (L, P):
            raise ValueError(f"D must have shape {(L, P, net.O)} to match X, got {D.shape}")
        scored = target_mask(mask, L, P)
    d = np.where(scored[..., None], D, 0.0)            # NaN targets where unscored are fine
    kind = KINDS[net.output]
    with np.errstate(over="ignore"):      # a diverged y gives an error of inf, which is shown as such
        error = np.where(scored, np.sqrt(np.sum((d - y) ** 2, axis=-1)), np.nan)
    none = np.full((L, P), -1)
    if kind == "values":
        return Predictions(kind=kind, y=y.copy(), d=d, scored=scored, predicted=none,
                           probability=np.full((L, P), np.nan), target=none.copy(),
                           right=np.zeros((L, P), dtype=bool), error=error,
                           names=_names(names, net.O))
    if kind == "bits" and net.O == 1:
        predicted = (y[..., 0] > 0.5).astype(int)
        probability = np.where(predicted == 1, y[..., 0], 1.0 - y[..., 0])
        target = (d[..., 0] > 0.5).astype(int)
        unit_names = ("0", "1")
    else:
        predicted = np.argmax(y, axis=-1)
        probability = np.take_along_axis(y, predicted[..., None], axis=-1)[..., 0]
        target = np.argmax(d, axis=-1)
        unit_names = _names(names, net.O)
    if kind == "symbol":
        right = predicted == target
    else:
        right = np.all((y > 0.5) == (d > 0.5), axis=-1)
    return Predictions(kind=kind, y=y.copy(), d=d, scored=scored, predicted=predicted,
                       probability=probability, target=np.where(scored, target, -1),
                       right=right & scored, error=error, names=unit_names)


def task_predictions(net, task, test: bool = False) -> Predictions:
    """:func:`predictions` on a task's training (or held-out) sequences, with its symbol names."""
    X, D, mask = ((task.X_test, task.D_test, task.mask_test) if test else
                  (task.X, task.D, task.mask))
    if X is None:
        raise ValueError(f"task {task.name!r} has no held-out sequences")
    names = symbol_names(task, "output")
    return predictions(net, X, D, mask=mask, names=names)


def input_symbols(X) -> np.ndarray:
    """The input symbol of each step: the index of a one-hot x(t), −1 when x(t) is not one-hot.

    Parameters
    ----------
    X : array_like, shape (L, P, N)

    Returns
    -------
    ndarray of int, shape (L, P)
        For a single binary input the bit itself (0 or 1).
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 3:
        raise ValueError(f"X must have shape (L, P, N), got {X.shape}")
    if X.shape[2] == 1:
        x = X[..., 0]
        return np.where((x == 0) | (x == 1), x, -1).astype(int)
    onehot = (np.sum(X == 1, axis=-1) == 1) & (np.sum(X != 0, axis=-1) == 1)
    return np.where(onehot, np.argmax(X, axis=-1), -1)


# -- generation ---------------------------------------------------------------------

@dataclass
class Sample:
    """A sequence generated from the network's own predictions.

    Attributes
    ----------
    prefix : ndarray of int, shape (K,)
        The given symbols (indices).
    indices : ndarray of int, shape (length,)
        The generated symbols, in order.
    probabilities : ndarray, shape (length,)
        The probability each drawn symbol had under softmax(net_k / T).
    names : tuple of str
        Names of the O symbols.
    temperature : float
    seed : int
    """

    prefix: np.ndarray
    indices: np.ndarray
    probabilities: np.ndarray
    names: tuple
    temperature: float
    seed: int

    def symbols(self, with_prefix: bool = False) -> list[str]:
        """The generated symbols' names (after the prefix's, if asked)."""
        idx = np.concatenate([self.prefix, self.indices]) if with_prefix else self.indices
        return [self.names[i] for i in idx]

    def text(self, with_prefix: bool = True) -> str:
        """The symbols as one string: joined directly when every name is one character,
        else with spaces."""
        sep = "" if all(len(n) == 1 for n in self.names) else " "
        return sep.join(self.symbols(with_prefix))


def generation_problem(net, names=None) -> str | None:
    """Why ``net`` cannot generate (one sentence), or None when it can.

    Generation needs softmax outputs over the same symbols as the one-hot
    inputs: N = O, and the same names on both sides when both are known.
    """
    if net.output != "softmax":
        what = {"sigmoid": "sigmoid outputs (bits)", "linear": "linear outputs (values)"}
        return (f"generation needs a text or symbol task with softmax outputs; this network has "
                f"{what.get(net.output, net.output)}")
    if net.N != net.O:
        return (f"generation feeds each drawn symbol back as the next input, so it needs as many "
                f"inputs as outputs; this network has N = {net.N}, O = {net.O}")
    if names is not None and len(names) != net.O:
        return f"names must hold {net.O} symbol names, got {len(names)}"
    return None


def task_generation_problem(net, task) -> str | None:
    """:func:`generation_problem` for a task: also the input and output symbols must agree."""
    problem = generation_problem(net, symbol_names(task, "output"))
    if problem:
        return problem
    ins, outs = symbol_names(task, "input"), symbol_names(task, "output")
    if ins is not None and outs is not None and ins != outs:
        return (f"generation needs the same symbols in and out; task {task.name} reads "
                f"{', '.join(ins[:4])}… and predicts {', '.join(outs[:4])}…")
    return None


def _check_int(what: str, v, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not lo <= v <= hi:
        raise ValueError(f"{what} must be an integer in {lo}..{hi}, got {v!r}")
    return int(v)


def parse_prefix(prefix, names) -> np.ndarray:
    """The prefix as symbol indices.

    Parameters
    ----------
    prefix : str or sequence of (int or str)
        A string is read one character per symbol when every name is one
        character, else as names separated by white space; a sequence may
        mix indices and names.
    names : sequence of str
        The O symbol names.

    Returns
    -------
    ndarray of int, shape (K,)

    Raises
    ------
    ValueError
        Naming ``prefix``: empty, too long, or a symbol outside the vocabulary.
    """
    names = tuple(names)
    lookup = {n: i for i, n in enumerate(names)}
    if isinstance(prefix, str):
        # One character per symbol; names longer than a character are separated by spaces.
        items = list(prefix) if all(len(n) == 1 for n in names) else prefix.split()
    else:
        try:
            items = list(prefix)
        except TypeError:
            raise ValueError(f"prefix must be a string or a sequence of symbols, got {prefix!r}") \
                from None
    if not 1 <= len(items) <= MAX_LENGTH:
        raise ValueError(f"prefix must hold 1..{MAX_LENGTH} symbols, got {len(items)}")
    out = []
    for item in items:
        if isinstance(item, (int, np.integer)) and not isinstance(item, bool):
            if not 0 <= item < len(names):
                raise ValueError(f"prefix symbol {item!r} is outside the vocabulary of "
                                 f"{len(names)} symbols (0..{len(names) - 1})")
            out.append(int(item))
        elif isinstance(item, str) and item in lookup:
            out.append(lookup[item])
        else:
            shown = " ".join(names[:40]) + (" …" if len(names) > 40 else "")
            raise ValueError(f"prefix symbol {item!r} is not in the vocabulary: {shown}")
    return np.array(out, dtype=int)


def generate(net, prefix, length: int, temperature: float = 1.0, seed: int = 0, names=None,
             s0=None) -> Sample:
    """Sample ``length`` symbols from the network's own predictions (min-char-rnn style).

    The prefix runs through the network from ``s0``; then, ``length`` times,
    the next symbol is drawn from p_k = softmax(net_k(t) / T), and its
    one-hot code is the next input. T → 0 approaches argmax, T = 1 samples
    y(t) itself, large T approaches uniform.

    Parameters
    ----------
    net : Network
        softmax outputs, N = O (see :func:`generation_problem`).
    prefix : str or sequence of (int or str)
        At least one symbol, see :func:`parse_prefix`.
    length : int
        Symbols to generate, 1..MAX_LENGTH.
    temperature : float
        T > 0, finite.
    seed : int
        Seed of ``numpy.random.default_rng``: the same seed gives the same sample.
    names : sequence of str, optional
        The O symbol names; "0", "1", … by default.
    s0 : array_like, shape (M,), optional
        State before the prefix; zeros by default.

    Returns
    -------
    Sample

    Raises
    ------
    ValueError
        Naming the argument: ``temperature`` not a finite number > 0,
        ``length`` outside 1..MAX_LENGTH, ``seed`` not an integer ≥ 0,
        ``prefix`` empty or with symbols outside the vocabulary, ``net`` that
        cannot generate, ``s0`` of the wrong shape.
    """
    problem = generation_problem(net, names)
    if problem:
        raise ValueError(problem if problem.startswith("names") else f"net: {problem}")
    names = _names(names, net.O)
    try:
        T = float(temperature)
    except (TypeError, ValueError):
        raise ValueError(f"temperature must be a number > 0, got {temperature!r}") from None
    if isinstance(temperature, bool) or not math.isfinite(T) or T <= 0:
        raise ValueError(f"temperature must be a finite number > 0, got {temperature!r}")
    length = _check_int("length", length, 1, MAX_LENGTH)
    seed = _check_int("seed", seed, 0, 2 ** 63 - 1)
    idx = parse_prefix(prefix, names)
    M, O = net.M, net.O
    if s0 is None:
        h = np.zeros((1, M))
    else:
        h = np.asarray(s0, dtype=np.float64)
        if h.shape not in ((M,), (1, M)):
            raise ValueError(f"s0 must have shape ({M},), got {h.shape}")
        h = h.reshape(1, M)
    rng = np.random.default_rng(seed)
    eye = np.eye(O)
    trace = forward(net, eye[idx][:, None, :], s0=h)
    net_o, h = trace.net_o[-1, 0], trace.s[-1]
    out = np.empty(length, dtype=int)
    probs = np.empty(length)
    for i in range(length):
        a = net_o / T
        p = np.exp(a - a.max())
        p /= p.sum()
        cum = np.cumsum(p)
        k = min(int(np.searchsorted(cum, rng.random() * cum[-1], side="right")), O - 1)
        out[i], probs[i] = k, p[k]
        if i + 1 < length:
            step = forward(net, eye[k][None, None, :], s0=h)
            net_o, h = step.net_o[0, 0], step.s[1]
    return Sample(prefix=idx, indices=out, probabilities=probs, names=names, temperature=T,
                  seed=seed)
