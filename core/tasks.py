"""The built-in tasks: small sequence problems an Elman network can learn while you watch.

Each task is built deterministically from a seed by :func:`make_task` and comes
as a :class:`Task`: the training sequences (time-major, like everything in
``core``), an optional held-out set, labels for the units, a paragraph of text
for the UI and the :class:`Settings` that the learnability tests prove.

The nine tasks, in menu order (:data:`TASKS`):

=================== =============================================================
``hello``           Karpathy's h-e-l-l-o: one word, next character
``temporal-xor``    Elman (1990): bit triples a, b, a⊕b; the third bit is predictable
``elman-letters``   Elman (1990): b→ba, d→dii, g→guuu in six phonetic features
``parity``          running parity of a bit stream
``echo``            y(t) = x(t − k), one-hot symbols
``adding``          Hochreiter & Schmidhuber (1997): add the two marked values
``sine``            predict the next value of a sine wave
``reber``           next-symbol prediction on strings of the Reber grammar
``binary-addition`` two numbers, least significant bit first; output the sum bit
=================== =============================================================

Scores are comparable across tasks: :meth:`Task.score` is the cost C of
BPTT.md (a sum) over the training sequences divided by the number of scored
(step, sample) pairs, i.e. the mean cost of one scored output vector.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

import numpy as np

from core.i18n_marks import QT_TRANSLATE_NOOP

from .bptt import evaluate
from .forward import forward
from .network import Network
from .schemes import PRESETS, Scheme, preset

TASKS = ("hello", "temporal-xor", "elman-letters", "parity", "echo", "adding", "sine",
         "reber", "binary-addition")

#: Largest P and L a task accepts (the views draw one sample at a time, but
#: the engine must stay fast).
MAX_P = 1024
MAX_L = 1000


@dataclass(frozen=True)
class Settings:
    """Recommended training settings of a task, proved by its learnability test.

    With a network ``Network.create(N, M, O, hidden, output, seed=0)`` trained
    by a :class:`~core.training.Trainer` with this scheme, ``eta``, ``cost``
    and the task's ``resample``, the task's :meth:`Task.score` falls below
    ``target_cost`` within ``updates`` updates (for the task built with seed 0
    and the default parameters).

    Attributes
    ----------
    hidden : str
        f, the hidden activation.
    output : str
        g, the output activation.
    cost : {"sse", "ce"}
    M : int
        Hidden units.
    eta : float
        Learning rate η (costs are sums over samples and steps, so η is
        chosen for the task's default P and L).
    scheme : {"elman", "boden", "epochwise", "chunked"}
        Preset of :func:`core.schemes.preset`.
    T : int
        Bodén's window (copies) for ``scheme="boden"``.
    k : int
        Chunk length for ``scheme="chunked"``.
    P : int
        Default number of training sequences.
    updates : int
        Updates within which the score falls below ``target_cost``.
    target_cost : float
        The score level the test proves (see :meth:`Task.score`).
    """

    hidden: str
    output: str
    cost: str
    M: int
    eta: float
    scheme: str
    T: int = 4
    k: int = 4
    P: int = 1
    updates: int = 1000
    target_cost: float = 0.1

    def __post_init__(self):
        if self.scheme not in PRESETS:
            raise ValueError(f"unknown scheme {self.scheme!r}; valid choices: {', '.join(PRESETS)}")

    def make_scheme(self) -> Scheme:
        """The :class:`~core.schemes.Scheme` BPTT(h; h′) these settings name."""
        return preset(self.scheme, T=self.T, k=self.k)


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a task, for validation and for building a UI control.

    Attributes
    ----------
    name : str
    default : int or str
    lo, hi : int
        Valid range, inclusive (for a string parameter: its length).
    text : str
        One line for a tooltip.
    """

    name: str
    default: Any
    lo: int
    hi: int
    text: str


@dataclass(eq=False)
class Task:
    """A built-in task: training sequences, optional held-out ones, labels and settings.

    Arrays are float64 and time-major, like everything in ``core``.

    Attributes
    ----------
    name : str
        Key in :data:`TASKS`.
    title : str
        Short title for a menu.
    description : str
        One paragraph for the UI: what the task is, where it comes from and
        what to watch for.
    N : int
        Inputs per step.
    O : int
        Outputs per step.
    X : ndarray, shape (L, P, N)
        Training inputs x(t).
    D : ndarray, shape (L, P, O)
        Targets d(t) (zero where ``mask`` is False).
    mask : ndarray of bool, shape (L, P)
        Steps that carry a target.
    X_test, D_test : ndarray, shape (L, P_test, N) and (L, P_test, O), or None
        Held-out sequences (None when the task has none).
    mask_test : ndarray of bool, shape (L, P_test), or None
    input_labels : tuple of str
        N short labels for the input units (characters, feature names, "bit"...).
    output_labels : tuple of str
        O labels for the output units.
    recommended : Settings
        Settings the learnability test proves.
    resample : callable or None
        ``resample(rng) -> (X, D, mask)`` of the same shapes as the training
        data, drawn from ``rng`` (a ``numpy.random.Generator``), for generated
        tasks; pass it to the Trainer, which calls it after every pass. None
        for tasks with a fixed training set.
    params : dict
        The task's own parameters as built (e.g. ``{"k": 2, "symbols": 4}``
        for echo): exactly what ``make_task(name, seed, P, **params)`` accepts
        to build the task again.
    details : dict
        What the data are made of, for display and tests, not parameters:
        ``"letters"`` (elman-letters: each sample's letter stream),
        ``"strings"``/``"test_strings"`` (reber), ``"a"``, ``"b"``,
        ``"a_test"``, ``"b_test"`` (binary-addition: the numbers added),
        ``"period"``/``"phase"`` (sine: each sample's wave).
    floor : float
        Lowest score any predictor can reach on the training data, in the
        recommended cost (positive when some targets cannot be predicted,
        e.g. the consonant after a word in ``elman-letters``); 0 when every
        target is predictable.
    seed : int
        The seed the task was built from.
    """

    name: str
    title: str
    description: str
    N: int
    O: int  # noqa: E741 - the paper's name
    X: np.ndarray
    D: np.ndarray
    mask: np.ndarray
    input_labels: tuple
    output_labels: tuple
    recommended: Settings
    X_test: np.ndarray | None = None
    D_test: np.ndarray | None = None
    mask_test: np.ndarray | None = None
    resample: Callable | None = None
    params: dict = field(default_factory=dict)
    details: dict = field(default_factory=dict)
    floor: float = 0.0
    seed: int = 0
    _decoder: Callable | None = field(default=None, repr=False)

    @property
    def L(self) -> int:
        """Sequence length."""
        return self.X.shape[0]

    @property
    def P(self) -> int:
        """Number of training sequences."""
        return self.X.shape[1]

    @property
    def has_test(self) -> bool:
        """Whether the task has held-out sequences."""
        return self.X_test is not None

    def _score(self, net: Network, X, D, mask) -> float:
        n = int(np.count_nonzero(mask))
        if n == 0:
            return 0.0
        return evaluate(net, X, D, cost=self.recommended.cost, mask=mask) / n

    def score(self, net: Network) -> float:
        """Mean cost per scored output vector on the training sequences.

        The cost C of BPTT.md in the recommended cost (a sum over samples and
        steps, over the steps ``mask`` marks), run over the whole sequence
        from s(0) = 0, divided by the number of scored (step, sample) pairs.
        Dividing makes levels comparable across tasks, P and L: for softmax +
        cross-entropy a score of ln(O) is chance, for a sigmoid bit ln 2.

        Parameters
        ----------
        net : Network
            A network with N inputs and O outputs (any f, g that the
            recommended cost accepts).

        Returns
        -------
        float
        """
        return self._score(net, self.X, self.D, self.mask)

    def test_score(self, net: Network) -> float | None:
        """:meth:`score` on the held-out sequences; None if the task has none."""
        if self.X_test is None:
            return None
        return self._score(net, self.X_test, self.D_test, self.mask_test)

    def predict(self, net: Network, test: bool = False) -> np.ndarray:
        """The network's outputs y(t) over the training (or held-out) inputs.

        Returns
        -------
        ndarray, shape (L, P, O)
        """
        X = self.X_test if test else self.X
        if X is None:
            raise ValueError(f"task {self.name!r} has no held-out sequences")
        return forward(net, X).y

    def decode(self, y) -> np.ndarray:
        """What outputs (or targets) mean, one value per output vector.

        Parameters
        ----------
        y : array_like, shape (..., O)
            Outputs y(t) or targets d(t).

        Returns
        -------
        ndarray, shape (...)
            For symbol tasks the most likely symbol (a string, from
            ``output_labels``); for ``elman-letters`` the letter whose
            features are nearest; for bit tasks 0 or 1 (threshold ½); for
            real-valued outputs the value itself.
        """
        y = np.asarray(y, dtype=np.float64)
        if y.shape[-1] != self.O:
            raise ValueError(f"y must have {self.O} values on its last axis, got shape {y.shape}")
        return (self._decoder or value_decoder)(y)


# -- shared helpers -----------------------------------------------------------------

def _onehot(idx: np.ndarray, n: int) -> np.ndarray:
    """One-hot float64 vectors, shape idx.shape + (n,)."""
    return np.eye(n)[np.asarray(idx, dtype=int)]


def argmax_decoder(labels):
    """A decoder giving the label of the largest output: ``decode(y)``, shape y.shape[:-1]."""
    lab = np.array(labels, dtype=object)

    def decode(y):
        return lab[np.argmax(y, axis=-1)].astype(str)
    return decode


def _bit_decoder(y):
    return (y[..., 0] > 0.5).astype(int) if y.shape[-1] == 1 else (y > 0.5).astype(int)


def value_decoder(y):
    """The outputs themselves (one value per vector when O = 1)."""
    return y[..., 0].copy() if y.shape[-1] == 1 else y.copy()


def _bits_floor_ce(p: np.ndarray) -> float:
    """Binary entropy in nats, summed over p's entries."""
    p = np.clip(np.asarray(p, dtype=float), 1e-300, 1.0)
    q = np.clip(1.0 - np.asarray(p, dtype=float), 1e-300, 1.0)
    return float(np.sum(-(p * np.log(p) + q * np.log(q))))


def int_to_bits(n, bits: int) -> np.ndarray:
    """Bits of the non-negative integers ``n``, least significant first.

    Parameters
    ----------
    n : int or array_like of int
    bits : int

    Returns
    -------
    ndarray of int, shape (bits,) + shape of n
    """
    n = np.asarray(n, dtype=np.int64)
    return ((n[None, ...] >> np.arange(bits).reshape((bits,) + (1,) * n.ndim)) & 1).astype(int)


def bits_to_int(b) -> np.ndarray:
    """Integers from bits least significant first along axis 0 (inverse of :func:`int_to_bits`).

    Values are thresholded at ½, so network outputs can be passed directly.
    """
    b = (np.asarray(b, dtype=float) > 0.5).astype(np.int64)
    w = (np.int64(1) << np.arange(b.shape[0], dtype=np.int64)).reshape((-1,) + (1,) * (b.ndim - 1))
    return np.sum(b * w, axis=0)


# -- the Reber grammar ---------------------------------------------------------------

REBER_SYMBOLS = ("B", "T", "P", "S", "X", "V", "E")

#: Reber's (1967) finite-state grammar as edges from each state: symbol → next
#: state. After B comes state 0; state 5 emits E and the string ends.
REBER_GRAPH = (
    {"T": 1, "P": 2},
    {"S": 1, "X": 3},
    {"T": 2, "V": 4},
    {"X": 2, "S": 5},
    {"P": 3, "V": 5},
    {"E": None},
)


def reber_string(rng: np.random.Generator) -> str:
    """One string of the Reber grammar (each branch taken with probability ½)."""
    out, state = ["B"], 0
    while state is not None:
        edges = REBER_GRAPH[state]
        sym = list(edges)[int(rng.integers(len(edges)))]
        out.append(sym)
        state = edges[sym]
    return "".join(out)


def reber_accepts(s: str) -> bool:
    """Whether ``s`` (e.g. "BTXSE") is a complete string of the Reber grammar."""
    return len(s) >= 2 and _reber_state(s) is None


def reber_legal_next(prefix: str) -> tuple:
    """The symbols the grammar allows after ``prefix`` (which starts with "B")."""
    state = _reber_state(prefix)
    return () if state in (None, -1) else tuple(REBER_GRAPH[state])


def _reber_state(prefix: str):
    """Grammar state after ``prefix``: None after E, -1 if the prefix is not in the grammar."""
    if not prefix or prefix[0] != "B":
        return -1
    state = 0
    for c in prefix[1:]:
        if state is None or c not in REBER_GRAPH[state]:
            return -1
        state = REBER_GRAPH[state][c]
    return state


@lru_cache(maxsize=None)
def _reber_finish(state, r: int) -> float:
    """Probability that a random walk from ``state`` emits E within ``r`` more symbols."""
    if state is None:
        return 1.0
    if r <= 0:
        return 0.0
    edges = REBER_GRAPH[state]
    return sum(_reber_finish(nxt, r - 1) for nxt in edges.values()) / len(edges)


def reber_next_probabilities(prefix: str, max_len: int) -> dict:
    """P(next symbol | prefix) for Reber strings of at most ``max_len`` symbols.

    The ``reber`` task draws strings with :func:`reber_string` and keeps only
    those of at most ``max_len`` = L + 1 symbols. Each branch has probability ½, but keeping only short strings favours the
    branches that finish sooner; this is the best any predictor can do.

    Returns
    -------
    dict of str to float
        The legal next symbols and their probabilities (empty after E).
    """
    state = _reber_state(prefix)
    if state in (None, -1):
        return {}
    r = max_len - len(prefix)
    w = {c: _reber_finish(nxt, r - 1) for c, nxt in REBER_GRAPH[state].items()}
    total = sum(w.values())
    return {c: v / total for c, v in w.items()} if total > 0 else {}


# -- Elman's letters ----------------------------------------------------------------

ELMAN_FEATURES = ("consonantal", "vocalic", "interrupted", "high", "back", "voiced")

#: Feature vectors of Elman (1990), Table 1.
ELMAN_LETTERS = {
    "b": (1, 0, 1, 0, 0, 1),
    "d": (1, 0, 1, 1, 0, 1),
    "g": (1, 0, 1, 0, 1, 1),
    "a": (0, 1, 0, 0, 1, 1),
    "i": (0, 1, 0, 1, 0, 1),
    "u": (0, 1, 0, 1, 1, 1),
}
ELMAN_WORDS = {"b": "ba", "d": "dii", "g": "guuu"}


def elman_letter_stream(rng: np.random.Generator, n: int) -> str:
    """``n`` letters of Elman's stream: random consonants b, d, g, each with its vowels."""
    out: list[str] = []
    while len(out) < n:
        out.extend(ELMAN_WORDS["bdg"[int(rng.integers(3))]])
    return "".join(out[:n])


# -- the parameters each task accepts ------------------------------------------------------

TASK_PARAMS: dict[str, tuple[ParamSpec, ...]] = {
    "hello": (ParamSpec("word", "hello", 2, 41, QT_TRANSLATE_NOOP("tasks", "the word to learn (at most 10 distinct characters)")),),
    "temporal-xor": (),
    "elman-letters": (),
    "parity": (),
    "echo": (ParamSpec("k", 2, 0, MAX_L - 1, QT_TRANSLATE_NOOP("tasks", "delay: y(t) = x(t − k)")),
             ParamSpec("symbols", 4, 2, 10, QT_TRANSLATE_NOOP("tasks", "alphabet size"))),
    "adding": (),
    "sine": (),
    "reber": (),
    "binary-addition": (ParamSpec("bits", 8, 1, 30, QT_TRANSLATE_NOOP("tasks", "bits per number (L = bits + 1)")),),
}

#: Default and smallest L of each task (hello and binary-addition derive L from their parameter).
_L_RANGE = {
    "hello": (None, None), "temporal-xor": (24, 3), "elman-letters": (24, 2), "parity": (12, 1),
    "echo": (12, 1), "adding": (10, 2), "sine": (30, 3), "reber": (14, 4),
    "binary-addition": (None, None),
}


def task_params(name: str) -> tuple[ParamSpec, ...]:
    """The task's own parameters (besides P and L) with defaults and valid ranges.

    Raises
    ------
    ValueError
        For an unknown task name (the message lists :data:`TASKS`).
    """
    _check_name(name)
    return TASK_PARAMS[name]


def _check_name(name: str) -> None:
    if name not in TASKS:
        raise ValueError(f"unknown task {name!r}; valid choices: {', '.join(TASKS)}")


def _check_int(what: str, v, lo: int, hi: int) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not lo <= v <= hi:
        raise ValueError(f"{what} must be an integer in {lo}..{hi}, got {v!r}")
    return int(v)


# -- the tasks -------------------------------------------------------------------------

_TEXT = {
    "hello": (
        QT_TRANSLATE_NOOP("tasks", "h-e-l-l-o"),
        QT_TRANSLATE_NOOP("tasks", "Karpathy's smallest character-level example (\"The Unreasonable Effectiveness of "
        "Recurrent Neural Networks\", 2015): the vocabulary {h, e, l, o} in one-hot code, the "
        "input h, e, l, l and the target e, l, l, o, the next character at every step, through "
        "a softmax and cross-entropy. The two l inputs are identical, yet the first must be "
        "followed by l and the second by o: only the hidden state s(t−1), i.e. the recurrent "
        "weights U, can tell them apart. Watch the third and fourth columns: early on both "
        "predict the same mixture of l and o, and they separate once the error has flowed back "
        "through U into the earlier copies.")),
    "temporal-xor": (
        QT_TRANSLATE_NOOP("tasks", "temporal XOR"),
        QT_TRANSLATE_NOOP("tasks", "Elman's first demonstration in \"Finding Structure in Time\" (1990): a stream of bit "
        "triples a, b, a⊕b presented one bit per step; the network is trained to predict the "
        "next bit. The first two bits of each triple are random and cannot be predicted, so "
        "only the step whose target is the third bit (the input is b, the step before was a) "
        "carries a target in the mask; Elman's error curve showed the same thing as a dip every "
        "third step. The network has to remember the previous bit in its hidden state and "
        "combine it with the current one: XOR is not linearly separable, so it needs the "
        "hidden units' nonlinearity as well as U. Fresh bits are drawn at every pass.")),
    "elman-letters": (
        QT_TRANSLATE_NOOP("tasks", "Elman's letters"),
        QT_TRANSLATE_NOOP("tasks", "Elman (1990), \"Finding Structure in Time\": consonants b, d and g chosen at random, "
        "each followed by its own vowels (b→ba, d→dii, g→guuu), each letter coded by six "
        "phonetic features (consonantal, vocalic, interrupted, high, back, voiced); the "
        "network predicts the features of the next letter through sigmoid outputs. The vowels "
        "are predictable once the consonant is seen, and so is the fact that a consonant "
        "follows the last vowel; which consonant it is, is not. Watch the error per step form "
        "Elman's saw-tooth: low inside a word, high where a new consonant begins (the score "
        "cannot fall below the task's floor), and note that features shared by all consonants "
        "(consonantal, interrupted) are predicted even where the letter is not. The held-out "
        "sequences come from another random stream.")),
    "parity": (
        QT_TRANSLATE_NOOP("tasks", "running parity"),
        QT_TRANSLATE_NOOP("tasks", "A random bit stream; the target at every step is the parity (XOR) of all the bits so "
        "far. The network must keep one bit of state and flip it whenever a 1 arrives: a "
        "two-state automaton that U has to hold exactly. Gradient descent finds it step by "
        "step, yet parity is a classic hard case for recurrent nets because the answer depends "
        "on every earlier input (Bengio, Simard & Frasconi 1994 used a parity-like latching "
        "task). Watch s(t) split into two clusters, one per parity, and the errors of late "
        "steps reach far back while the state is not yet stable. Fresh bits at every pass.")),
    "echo": (
        QT_TRANSLATE_NOOP("tasks", "echo (delay k)"),
        QT_TRANSLATE_NOOP("tasks", "A random sequence of one-hot symbols; the target is the input k steps back, "
        "y(t) = x(t − k) (steps t < k carry no target). The simplest memory task: the network "
        "must carry each symbol k steps through its hidden state. Under BPTT the error at t "
        "must reach copy t − k to teach V how to store the symbol, so a window (depth h) "
        "shorter than k + 1 copies cannot learn it: try the Bodén scheme with T ≤ k and watch "
        "the score stay at chance (ln of the alphabet size). Fresh symbols at every pass.")),
    "adding": (
        QT_TRANSLATE_NOOP("tasks", "adding problem"),
        QT_TRANSLATE_NOOP("tasks", "Hochreiter & Schmidhuber's long-short-term-memory benchmark (1997; the variant of Le, "
        "Jaitly & Hinton 2015): two input channels, a value drawn from [0, 1] and a marker; "
        "exactly two steps are marked, one in each half of the sequence, and the target at the "
        "last step only is the sum of the two marked values (linear output, sum of squares). "
        "Always answering 1 scores 1/12 ≈ 0.083; anything lower means the network has learnt to "
        "pick out and keep the marked values. The only error enters at the last step, so every "
        "weight change comes from BPTT: watch δ fade as it flows back towards the first "
        "marker. Kept short here (L = 10) so it learns in minutes; longer L shows the vanishing "
        "gradient. Fresh sequences at every pass.")),
    "sine": (
        QT_TRANSLATE_NOOP("tasks", "sine wave"),
        QT_TRANSLATE_NOOP("tasks", "Predict the next value of a sine wave, x(t + 1), from the values so far; each sample "
        "has its own frequency (a period of 8 to 16 steps) and phase. One value cannot tell a "
        "rising wave from a falling one nor give the frequency, so the first two steps carry no "
        "target; from three values the recurrence x(t + 1) = 2 cos ω · x(t) − x(t − 1) fixes "
        "the rest, and the network has to estimate ω in its state. A linear output with sum "
        "of squares: a regression task. Watch the predictions of the held-out waves (other "
        "frequencies and phases) follow the curves.")),
    "reber": (
        QT_TRANSLATE_NOOP("tasks", "Reber grammar"),
        QT_TRANSLATE_NOOP("tasks", "Strings of Reber's (1967) finite-state grammar, the benchmark of Cleeremans, "
        "Servan-Schreiber & McClelland (1989) and of the LSTM paper: B, then a path through "
        "six states emitting T, P, S, X, V, and finally E. At each step the network predicts "
        "the next symbol (softmax, cross-entropy). Most states allow two successors with "
        "equal chance, so the best possible prediction puts ½ on each legal symbol and the "
        "score cannot fall below the task's floor; the network must learn the grammar's "
        "states in its hidden layer, since the same symbol (S, T, X, P, V) occurs in two "
        "different states. Strings are padded to L steps; the padding carries no target.")),
    "binary-addition": (
        QT_TRANSLATE_NOOP("tasks", "binary addition"),
        QT_TRANSLATE_NOOP("tasks", "Adding two numbers bit by bit, least significant bit first (a classic of Trask's "
        "\"Anyone Can Learn To Code an LSTM\" and of many RNN tutorials): at each step the "
        "inputs are one bit of a and one bit of b, the target is the bit of a + b, and a last "
        "step with both inputs 0 outputs the final carry. The network has to learn the carry: "
        "a one-bit memory that the sum bit depends on. Watch the hidden state split into "
        "'carry' and 'no carry', and check generalisation on the held-out pairs.")),
}


def _rngs(seed: int):
    """Independent generators for the training and the held-out data."""
    return np.random.default_rng(seed), np.random.default_rng([seed, 1])


def _hello(seed, P, L, word="hello"):
    if not isinstance(word, str) or not 2 <= len(word) <= 41:
        raise ValueError(f"word must be a string of 2..41 characters, got {word!r}")
    vocab = tuple(dict.fromkeys(word))
    if len(vocab) > 10:
        raise ValueError(f"word must have at most 10 distinct characters, got {len(vocab)}")
    if P not in (None, 1):
        raise ValueError(f"hello has a single sequence: P must be 1, got {P!r}")
    if L not in (None, len(word) - 1):
        raise ValueError(f"hello's L is len(word) - 1 = {len(word) - 1}, got L={L!r}")
    s = Settings(hidden="tanh", output="softmax", cost="ce", M=8, eta=0.1, scheme="epochwise",
                 P=1, updates=300, target_cost=0.01)
    idx = np.array([vocab.index(c) for c in word])
    n = len(vocab)
    X = _onehot(idx[:-1], n)[:, None, :]
    D = _onehot(idx[1:], n)[:, None, :]
    mask = np.ones(X.shape[:2], dtype=bool)
    # One fixed sequence: its history fixes every successor, so the floor is 0.
    return dict(N=n, O=n, X=X, D=D, mask=mask, input_labels=vocab, output_labels=vocab,
                recommended=s, params={"word": word}, decoder=argmax_decoder(vocab),
                title=None if word == "hello" else "-".join(word))


def _temporal_xor(seed, P, L):
    s = Settings(hidden="sigmoid", output="sigmoid", cost="ce", M=8, eta=0.5, scheme="elman",
                 P=8, updates=6000, target_cost=0.1)
    P = s.P if P is None else P
    L = 24 if L is None else L
    n_tri = (L + 1 + 2) // 3
    t = np.arange(L)
    mask1 = (t % 3 == 1)

    def gen(rng):
        ab = rng.integers(0, 2, size=(n_tri, 2, P))
        bits = np.stack([ab[:, 0], ab[:, 1], ab[:, 0] ^ ab[:, 1]], axis=1).reshape(3 * n_tri, P)
        X = bits[:L, :, None].astype(float)
        D = bits[1:L + 1, :, None].astype(float)
        mask = np.broadcast_to(mask1[:, None], (L, P)).copy()
        D = np.where(mask[..., None], D, 0.0)
        return X, D, mask

    r_train, r_test = _rngs(seed)
    X, D, mask = gen(r_train)
    Xt, Dt, mt = gen(r_test)
    return dict(N=1, O=1, X=X, D=D, mask=mask, X_test=Xt, D_test=Dt, mask_test=mt,
                input_labels=(QT_TRANSLATE_NOOP("tasks", "bit"),),
                output_labels=(QT_TRANSLATE_NOOP("tasks", "next bit"),), recommended=s, resample=gen,
                decoder=_bit_decoder)


def _elman_letters(seed, P, L):
    s = Settings(hidden="sigmoid", output="sigmoid", cost="ce", M=10, eta=0.05,
                 scheme="chunked", k=6, P=4, updates=1500, target_cost=0.45)
    P = s.P if P is None else P
    L = 24 if L is None else L
    feats = {c: np.array(v, dtype=float) for c, v in ELMAN_LETTERS.items()}
    letters = "".join(ELMAN_LETTERS)

    def gen(rng):
        streams = [elman_letter_stream(rng, L + 1) for _ in range(P)]
        F = np.array([[feats[c] for c in st] for st in streams]).transpose(1, 0, 2)  # (L+1, P, 6)
        return F[:L].copy(), F[1:].copy(), np.ones((L, P), dtype=bool), streams

    def resample(rng):
        return gen(rng)[:3]

    r_train, r_test = _rngs(seed)
    X, D, mask, streams = gen(r_train)
    Xt, Dt, mt, _ = gen(r_test)
    # Floor: where the next letter is a consonant (the current one ends a word), the high and
    # back features are 1 with probability 1/3 each; every other target is predictable.
    ends = sum(1 for st in streams for i in range(L) if st[i + 1] in "bdg")
    floor = ends * 2 * _bits_floor_ce(1 / 3) / (L * P)
    table = np.array([feats[c] for c in letters])
    lab = np.array(list(letters))

    def decode(y):
        d2 = ((y[..., None, :] - table) ** 2).sum(axis=-1)
        return lab[np.argmin(d2, axis=-1)]

    return dict(N=6, O=6, X=X, D=D, mask=mask, X_test=Xt, D_test=Dt, mask_test=mt,
                input_labels=ELMAN_FEATURES, output_labels=ELMAN_FEATURES, recommended=s,
                resample=resample, details={"letters": tuple(streams)}, floor=floor,
                decoder=decode)


def _parity(seed, P, L):
    s = Settings(hidden="tanh", output="sigmoid", cost="ce", M=8, eta=0.002, scheme="epochwise",
                 P=16, updates=3000, target_cost=0.1)
    P = s.P if P is None else P
    L = 12 if L is None else L

    def gen(rng):
        b = rng.integers(0, 2, size=(L, P))
        X = b[..., None].astype(float)
        D = (np.cumsum(b, axis=0) % 2)[..., None].astype(float)
        return X, D, np.ones((L, P), dtype=bool)

    r_train, r_test = _rngs(seed)
    X, D, mask = gen(r_train)
    Xt, Dt, mt = gen(r_test)
    return dict(N=1, O=1, X=X, D=D, mask=mask, X_test=Xt, D_test=Dt, mask_test=mt,
                input_labels=(QT_TRANSLATE_NOOP("tasks", "bit"),),
                output_labels=(QT_TRANSLATE_NOOP("tasks", "parity"),), recommended=s, resample=gen,
                decoder=_bit_decoder)


def _echo(seed, P, L, k=2, symbols=4):
    k = _check_int("k", k, 0, MAX_L - 1)
    n = _check_int("symbols", symbols, 2, 10)
    s = Settings(hidden="tanh", output="softmax", cost="ce", M=12, eta=0.05, scheme="boden",
                 T=4, P=16, updates=600, target_cost=0.05)
    P = s.P if P is None else P
    L = 12 if L is None else L
    if k >= L:
        raise ValueError(f"k must be in 0..L-1 = 0..{L - 1} for L = {L}, got {k}")
    labels = tuple("ABCDEFGHIJ"[:n])

    def gen(rng):
        idx = rng.integers(0, n, size=(L, P))
        X = _onehot(idx, n)
        D = np.zeros_like(X)
        D[k:] = X[:L - k]
        mask = np.zeros((L, P), dtype=bool)
        mask[k:] = True
        return X, D, mask

    r_train, r_test = _rngs(seed)
    X, D, mask = gen(r_train)
    Xt, Dt, mt = gen(r_test)
    return dict(N=n, O=n, X=X, D=D, mask=mask, X_test=Xt, D_test=Dt, mask_test=mt,
                input_labels=labels, output_labels=labels, recommended=s, resample=gen,
                params={"k": k, "symbols": n}, decoder=argmax_decoder(labels))


def _adding(seed, P, L):
    s = Settings(hidden="tanh", output="linear", cost="sse", M=16, eta=0.005, scheme="epochwise",
                 P=32, updates=7000, target_cost=0.02)
    P = s.P if P is None else P
    L = 10 if L is None else L
    half = L // 2

    def gen(rng):
        X = np.zeros((L, P, 2))
        X[:, :, 0] = rng.uniform(0.0, 1.0, size=(L, P))
        i = rng.integers(0, half, size=P)
        j = rng.integers(half, L, size=P)
        cols = np.arange(P)
        X[i, cols, 1] = 1.0
        X[j, cols, 1] = 1.0
        D = np.zeros((L, P, 1))
        D[-1, :, 0] = X[i, cols, 0] + X[j, cols, 0]
        mask = np.zeros((L, P), dtype=bool)
        mask[-1] = True
        return X, D, mask

    r_train, r_test = _rngs(seed)
    X, D, mask = gen(r_train)
    Xt, Dt, mt = gen(r_test)
    return dict(N=2, O=1, X=X, D=D, mask=mask, X_test=Xt, D_test=Dt, mask_test=mt,
                input_labels=(QT_TRANSLATE_NOOP("tasks", "value"), QT_TRANSLATE_NOOP("tasks", "marker")),
                output_labels=(QT_TRANSLATE_NOOP("tasks", "sum"),), recommended=s,
                resample=gen, decoder=value_decoder)


def _sine(seed, P, L):
    s = Settings(hidden="tanh", output="linear", cost="sse", M=8, eta=0.003, scheme="chunked",
                 k=10, P=8, updates=1000, target_cost=0.005)
    P = s.P if P is None else P
    L = 30 if L is None else L

    def gen(rng):
        period = rng.uniform(8.0, 16.0, size=P)
        phase = rng.uniform(0.0, 2 * np.pi, size=P)
        t = np.arange(L + 1)[:, None]
        x = np.sin(2 * np.pi * t / period + phase)
        mask = np.ones((L, P), dtype=bool)
        mask[:2] = False
        D = np.where(mask, x[1:], 0.0)[..., None]
        return x[:L, :, None].copy(), D, mask, period, phase

    r_train, r_test = _rngs(seed)
    X, D, mask, period, phase = gen(r_train)
    Xt, Dt, mt, _, _ = gen(r_test)
    return dict(N=1, O=1, X=X, D=D, mask=mask, X_test=Xt, D_test=Dt, mask_test=mt,
                input_labels=("x(t)",), output_labels=("x(t+1)",), recommended=s,
                details={"period": tuple(float(p) for p in period),
                        "phase": tuple(float(p) for p in phase)},
                decoder=value_decoder)


def _reber(seed, P, L):
    s = Settings(hidden="tanh", output="softmax", cost="ce", M=10, eta=0.01, scheme="epochwise",
                 P=16, updates=300, target_cost=0.7)
    P = s.P if P is None else P
    L = 14 if L is None else L
    n = len(REBER_SYMBOLS)

    def gen(rng, floor=False):
        strings = []
        while len(strings) < P:
            st = reber_string(rng)
            if len(st) <= L + 1:
                strings.append(st)
        X = np.zeros((L, P, n))
        D = np.zeros((L, P, n))
        mask = np.zeros((L, P), dtype=bool)
        surprise = 0.0
        for p, st in enumerate(strings):
            idx = [REBER_SYMBOLS.index(c) for c in st]
            m = len(st) - 1
            X[:m, p] = _onehot(idx[:-1], n)
            D[:m, p] = _onehot(idx[1:], n)
            mask[:m, p] = True
            if floor:
                surprise -= sum(np.log(reber_next_probabilities(st[:i + 1], L + 1)[st[i + 1]])
                                for i in range(m))
        return X, D, mask, strings, surprise

    def resample(rng):
        return gen(rng)[:3]

    r_train, r_test = _rngs(seed)
    X, D, mask, strings, surprise = gen(r_train, floor=True)
    Xt, Dt, mt, strings_t, _ = gen(r_test)
    floor = surprise / int(mask.sum())
    return dict(N=n, O=n, X=X, D=D, mask=mask, X_test=Xt, D_test=Dt, mask_test=mt,
                input_labels=REBER_SYMBOLS, output_labels=REBER_SYMBOLS, recommended=s,
                resample=resample,
                details={"strings": tuple(strings), "test_strings": tuple(strings_t)},
                floor=floor, decoder=argmax_decoder(REBER_SYMBOLS))


def _binary_addition(seed, P, L, bits=None):
    if bits is None:
        bits = 8 if L is None else _check_int("L", L, 2, 31) - 1
    bits = _check_int("bits", bits, 1, 30)
    if L is not None and L != bits + 1:
        raise ValueError(f"binary-addition has L = bits + 1 = {bits + 1}, got L={L}")
    L = bits + 1
    s = Settings(hidden="tanh", output="sigmoid", cost="ce", M=8, eta=0.01,
                 scheme="epochwise", P=32, updates=800, target_cost=0.05)
    P = s.P if P is None else P

    def gen(rng):
        a = rng.integers(0, 2 ** bits, size=P)
        b = rng.integers(0, 2 ** bits, size=P)
        X = np.zeros((L, P, 2))
        X[:bits, :, 0] = int_to_bits(a, bits)
        X[:bits, :, 1] = int_to_bits(b, bits)
        D = int_to_bits(a + b, L)[..., None].astype(float)
        return X, D, np.ones((L, P), dtype=bool), a, b

    def resample(rng):
        return gen(rng)[:3]

    r_train, r_test = _rngs(seed)
    X, D, mask, a, b = gen(r_train)
    Xt, Dt, mt, at, bt = gen(r_test)
    return dict(N=2, O=1, X=X, D=D, mask=mask, X_test=Xt, D_test=Dt, mask_test=mt,
                input_labels=(QT_TRANSLATE_NOOP("tasks", "a bit"),
                              QT_TRANSLATE_NOOP("tasks", "b bit")),
                output_labels=(QT_TRANSLATE_NOOP("tasks", "sum bit"),), recommended=s,
                resample=resample,
                params={"bits": bits},
                details={"a": tuple(int(v) for v in a), "b": tuple(int(v) for v in b),
                         "a_test": tuple(int(v) for v in at), "b_test": tuple(int(v) for v in bt)},
                decoder=_bit_decoder)


_BUILDERS = {
    "hello": _hello, "temporal-xor": _temporal_xor, "elman-letters": _elman_letters,
    "parity": _parity, "echo": _echo, "adding": _adding, "sine": _sine, "reber": _reber,
    "binary-addition": _binary_addition,
}


def make_task(name: str, seed: int = 0, P: int | None = None, L: int | None = None,
              **params) -> Task:
    """Build a built-in task deterministically from ``seed``.

    Parameters
    ----------
    name : str
        One of :data:`TASKS`.
    seed : int
        Seed of ``numpy.random.default_rng``: the same seed gives identical
        arrays. The held-out data come from an independent stream of the same
        seed.
    P : int, optional
        Number of training sequences (and held-out ones); the recommended P
        by default. ``hello`` has exactly one.
    L : int, optional
        Steps per sequence; the task's default by default. ``hello`` takes L
        from its word and ``binary-addition`` has L = bits + 1.
    **params
        The task's own parameters, see :func:`task_params` (e.g. ``k`` and
        ``symbols`` for echo, ``bits`` for binary-addition, ``word`` for
        hello).

    Returns
    -------
    Task

    Raises
    ------
    ValueError
        For an unknown name (listing :data:`TASKS`), an unknown parameter
        (listing the valid ones) or a value out of range (giving the range).
    """
    _check_name(name)
    seed = _check_int("seed", seed, 0, 2 ** 63 - 1)
    valid = [p.name for p in TASK_PARAMS[name]]
    for key in params:
        if key not in valid:
            choices = ", ".join(["P", "L"] + valid)
            raise ValueError(f"unknown parameter {key!r} for task {name!r}; valid parameters: "
                             f"{choices}")
    if P is not None:
        P = _check_int("P", P, 1, MAX_P)
    if L is not None and name not in ("hello", "binary-addition"):
        L = _check_int("L", L, _L_RANGE[name][1], MAX_L)
    built = _BUILDERS[name](seed, P, L, **params)
    decoder = built.pop("decoder")
    built.setdefault("params", {})
    title, description = _TEXT[name]
    title = built.pop("title", None) or title
    task = Task(name=name, title=title, description=description, seed=seed,
                _decoder=decoder, **built)
    task.input_labels = tuple(task.input_labels)
    task.output_labels = tuple(task.output_labels)
    return task


def task_info(name: str) -> dict:
    """Title, description, recommended settings and parameters of a task, for a menu.

    Returns
    -------
    dict
        ``{"name", "title", "description", "recommended": Settings,
        "params": tuple of ParamSpec}``.
    """
    _check_name(name)
    t = make_task(name, seed=0)
    return {"name": name, "title": t.title, "description": t.description,
            "recommended": t.recommended, "params": TASK_PARAMS[name]}
