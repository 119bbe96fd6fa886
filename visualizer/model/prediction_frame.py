"""What the prediction strip and the generate panel show (no Qt): per step, input, target, prediction.

One cell per column of the current update's window, for the sample l the
view draws: the input symbol, the target and the predicted symbol with its
probability (:func:`core.sampling.predictions` over the pass's own trace, so
nothing is recomputed), right or wrong where a target is scored; for
regression (linear outputs) the target and output values. A cell's
prediction appears when the forward pass has computed y(t), in step with
the view. :func:`generate_sample` samples a sequence from the session's
network for the generate panel.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import sampling


@dataclass
class PredictionFrame:
    """One picture of the prediction strip.

    Attributes
    ----------
    kind : {"symbol", "bits", "values"}
    steps : ndarray of int, shape (L,)
        Sequence step t (from 1) of each window column.
    inputs : list of str
        The input symbol of each step ("" when x(t) is not a symbol; the
        values, shortened, otherwise).
    targets : list of str
        The target ("" where none is scored).
    predicted : list of str
        The predicted symbol, or the output values; "" until y(t) is revealed.
    probability : ndarray, shape (L,)
        The predicted symbol's probability; NaN for values and until revealed.
    scored : ndarray of bool, shape (L,)
    revealed : ndarray of bool, shape (L,)
        y(t) has been computed.
    right, wrong : ndarray of bool, shape (L,)
        Marked right / wrong (revealed, scored, and not values).
    error : ndarray, shape (L,)
        ‖d(t) − y(t)‖ where scored and revealed (NaN elsewhere).
    active : int or None
        The column of the micro-step just revealed (highlighted).
    sample : int
        l, 0-based.
    """

    kind: str
    steps: np.ndarray
    inputs: list
    targets: list
    predicted: list
    probability: np.ndarray
    scored: np.ndarray
    revealed: np.ndarray
    right: np.ndarray
    wrong: np.ndarray
    error: np.ndarray
    active: int | None
    sample: int

    @property
    def L(self) -> int:
        """Columns."""
        return self.steps.size


def _values(v: np.ndarray) -> str:
    if np.size(v) > 1 and not np.any(v):
        return "–"                      # no input at this step (e.g. padding after a sequence)
    return " ".join(f"{x:.3g}" for x in np.ravel(v)[:3]) + (" …" if np.size(v) > 3 else "")


def build_prediction_frame(session) -> PredictionFrame:
    """The prediction strip's picture of ``session`` now (its sample l, its micro-step)."""
    upd = session.update
    pas = upd.pas
    net = session.net
    l = session.sample
    L = pas.X.shape[0]
    names_out = sampling.symbol_names(session.task, "output")
    names_in = sampling.symbol_names(session.task, "input")
    scored_mask = pas.deltas.targets
    p = sampling.predictions(net, pas.X, pas.D, mask=scored_mask, names=names_out,
                             trace=pas.trace)
    rv = session.timeline.reveal(session.position)
    revealed = np.arange(L) < rv.y
    scored = p.scored[:, l]
    sym_in = sampling.input_symbols(pas.X)[:, l]
    if net.N == 1 or p.kind != "symbol":   # bits and values: the input's values
        inputs = [_values(pas.X[t, l]) for t in range(L)]
    elif names_in is not None:
        inputs = [names_in[k] if k >= 0 else _values(pas.X[t, l]) for t, k in enumerate(sym_in)]
    else:
        inputs = [str(k) if k >= 0 else _values(pas.X[t, l]) for t, k in enumerate(sym_in)]
    if p.kind == "values":
        targets = [_values(p.d[t, l]) if scored[t] else "" for t in range(L)]
        predicted = [_values(p.y[t, l]) if revealed[t] else "" for t in range(L)]
        prob = np.full(L, np.nan)
    else:
        tn, pn = p.target_names()[:, l], p.predicted_names()[:, l]
        targets = [str(tn[t]) if scored[t] else "" for t in range(L)]
        predicted = [str(pn[t]) if revealed[t] else "" for t in range(L)]
        prob = np.where(revealed, p.probability[:, l], np.nan)
    marked = revealed & scored & (p.kind != "values")
    st = session.timeline.step(session.position)
    active = st.column if st is not None and st.column >= 0 else None
    return PredictionFrame(kind=p.kind, steps=upd.w0 + np.arange(L) + 1, inputs=inputs,
                           targets=targets, predicted=predicted, probability=prob,
                           scored=scored, revealed=revealed, right=marked & p.right[:, l],
                           wrong=marked & ~p.right[:, l],
                           error=np.where(revealed, p.error[:, l], np.nan), active=active,
                           sample=l)


def generation_problem(session) -> str | None:
    """Why the session's network cannot generate (one sentence from the core), or None."""
    return sampling.task_generation_problem(session.net, session.task)


def generate_sample(session, prefix, length, temperature, seed) -> sampling.Sample:
    """Sample ``length`` symbols from the session's network after ``prefix``.

    Starts from the trainer's initial state s(0) of sample 0, as
    ``rnn-unfold sample`` does.

    Raises
    ------
    ValueError
        One message naming the bad argument (or why the network cannot generate).
    """
    problem = generation_problem(session)
    if problem:
        raise ValueError(problem)
    names = sampling.symbol_names(session.task, "output")
    if names is None:
        names = tuple(str(i) for i in range(session.net.O))
    return sampling.generate(session.net, prefix, length, temperature=temperature, seed=seed,
                             names=names, s0=session.trainer.s0[0])


def default_prefix(session) -> str:
    """The first input symbol of the training data, as text (what the CLI starts from)."""
    names = sampling.symbol_names(session.task, "output")
    first = int(sampling.input_symbols(session.task.X[:1, :1])[0, 0])
    if names is None or first < 0:
        return names[0] if names else "0"
    return names[first]
