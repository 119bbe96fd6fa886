"""core.sampling: per-step predictions against the targets, and min-char-rnn style generation."""
import math

import numpy as np
import pytest

import core
from core import datasets
from core import sampling as sm


def trained(name, updates=None, seed=0, **params):
    task = core.make_task(name, seed=seed, **params)
    rec = task.recommended
    net = core.Network.create(task.N, rec.M, task.O, rec.hidden, rec.output, seed=seed)
    tr = core.Trainer(net, task.X, task.D, mask=task.mask, scheme=rec.make_scheme(), cost=rec.cost,
                      eta=rec.eta, resample=task.resample)
    tr.train(rec.updates if updates is None else updates)
    return task, net


def softmax(a):
    e = np.exp(a - a.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# -- predictions --------------------------------------------------------------------

def test_symbol_predictions_are_argmax_with_probability_and_respect_the_mask():
    task, net = trained("echo", updates=50)
    p = sm.task_predictions(net, task)
    y = core.forward(net, task.X).y
    assert p.kind == "symbol"
    np.testing.assert_array_equal(p.predicted, np.argmax(y, axis=-1))
    np.testing.assert_allclose(p.probability, np.max(y, axis=-1), rtol=0, atol=0)
    np.testing.assert_array_equal(p.scored, task.mask)
    target = np.argmax(task.D, axis=-1)
    np.testing.assert_array_equal(p.target[task.mask], target[task.mask])
    assert np.all(p.target[~task.mask] == -1)          # echo's first k steps have no target
    assert not p.right[~task.mask].any()
    np.testing.assert_array_equal(p.right[task.mask], (np.argmax(y, -1) == target)[task.mask])
    assert p.accuracy == pytest.approx(p.right.sum() / task.mask.sum())
    assert set(p.predicted_names().ravel()) <= set("ABCD")
    assert p.target_names()[0, 0] == ""


def test_a_trained_network_is_right_on_hello():
    task, net = trained("hello")
    p = sm.task_predictions(net, task)
    assert p.right.all() and p.accuracy == 1.0
    assert "".join(p.predicted_names()[:, 0]) == "ello"
    assert (p.probability > 0.5).all()


def test_bits_single_unit():
    task = core.make_task("temporal-xor")
    net = core.Network.create(1, 8, 1, "sigmoid", "sigmoid", seed=1)
    p = sm.task_predictions(net, task)
    y = core.forward(net, task.X).y[..., 0]
    assert p.kind == "bits" and p.names == ("0", "1")
    np.testing.assert_array_equal(p.predicted, (y > 0.5).astype(int))
    np.testing.assert_allclose(p.probability, np.maximum(y, 1 - y))
    m = task.mask
    np.testing.assert_array_equal(p.right[m], ((y > 0.5) == (task.D[..., 0] > 0.5))[m])
    assert not p.right[~m].any() and np.all(p.target[~m] == -1)


def test_bits_several_units_every_unit_must_agree():
    net = core.Network.create(2, 3, 3, "tanh", "sigmoid", seed=0)
    X = np.zeros((2, 1, 2))
    y = core.forward(net, X).y
    D = (y > 0.5).astype(float)
    D[1, 0, 2] = 1 - D[1, 0, 2]                        # one unit wrong at step 1
    p = sm.predictions(net, X, D)
    assert p.right[0, 0] and not p.right[1, 0]
    np.testing.assert_array_equal(p.predicted, np.argmax(y, axis=-1))


def test_values_for_regression():
    task = core.make_task("adding")
    net = core.Network.create(2, 8, 1, "tanh", "linear", seed=0)
    p = sm.task_predictions(net, task)
    y = core.forward(net, task.X).y
    assert p.kind == "values" and math.isnan(p.accuracy)
    np.testing.assert_array_equal(p.y, y)
    assert np.isnan(p.error[:-1]).all()                # only the last step is scored
    np.testing.assert_allclose(p.error[-1], np.abs(task.D[-1, :, 0] - y[-1, :, 0]))
    assert (p.predicted == -1).all() and not p.right.any()


def test_no_targets_nothing_scored():
    net = core.Network.create(3, 4, 3, "tanh", "softmax", seed=0)
    p = sm.predictions(net, np.eye(3)[[0, 1, 2]][:, None, :])
    assert not p.scored.any() and math.isnan(p.accuracy)
    assert p.names == ("0", "1", "2")


def test_names_from_the_task_or_indices():
    task = core.make_task("reber")
    assert sm.symbol_names(task) == core.tasks.REBER_SYMBOLS
    task.output_names = tuple(f"<{c}>" for c in core.tasks.REBER_SYMBOLS)   # when tasks have them
    assert sm.symbol_names(task)[0] == "<B>"
    assert sm.symbol_names(task, "input") == core.tasks.REBER_SYMBOLS
    text = datasets.text_task("ab a\nb ab a\nb " * 5, name="t")
    assert set(sm.symbol_names(text)) == set("ab \n")      # the characters, not ␣ and ⏎
    assert sm.symbol_names(None) is None
    with pytest.raises(ValueError, match="names"):
        sm.predictions(core.Network.create(2, 2, 2, output="softmax"), np.zeros((1, 1, 2)),
                       names=("a",))


def test_input_symbols():
    X = np.zeros((3, 1, 3))
    X[0, 0, 2] = 1
    X[1, 0, :] = 0.5
    np.testing.assert_array_equal(sm.input_symbols(X)[:, 0], [2, -1, -1])
    np.testing.assert_array_equal(sm.input_symbols(np.array([[[1.0]], [[0.0]], [[0.3]]]))[:, 0],
                                  [1, 0, -1])


# -- generation ---------------------------------------------------------------------

def test_generation_is_deterministic_and_respects_length_and_vocabulary():
    task, net = trained("reber", updates=100)
    names = sm.symbol_names(task)
    a = sm.generate(net, "BT", 200, temperature=0.8, seed=0, names=names)
    b = sm.generate(net, "BT", 200, temperature=0.8, seed=0, names=names)
    c = sm.generate(net, "BT", 200, temperature=0.8, seed=1, names=names)
    np.testing.assert_array_equal(a.indices, b.indices)
    np.testing.assert_array_equal(a.probabilities, b.probabilities)
    assert not np.array_equal(a.indices, c.indices)
    assert a.indices.shape == (200,) and a.indices.min() >= 0 and a.indices.max() < len(names)
    assert a.text().startswith("BT") and len(a.text()) == 202
    assert set(a.text()) <= set(names)
    assert len(a.symbols()) == 200 and a.symbols(with_prefix=True)[:2] == ["B", "T"]


def test_each_drawn_symbol_is_fed_back_and_has_its_tempered_probability():
    task, net = trained("hello", updates=100)
    T = 1.7
    s = sm.generate(net, [0, 1], 30, temperature=T, seed=3)
    seq = np.concatenate([s.prefix, s.indices])
    # Running the whole sequence at once: the outputs after each input give the drawn symbol's p.
    net_o = core.forward(net, np.eye(4)[seq[:-1]][:, None, :]).net_o[:, 0]
    p = softmax(net_o / T)[len(s.prefix) - 1:]
    np.testing.assert_allclose(s.probabilities, p[np.arange(30), s.indices], rtol=1e-12)


def test_low_temperature_is_argmax_and_frequencies_follow_p():
    task, net = trained("hello", updates=30)
    s = sm.generate(net, "h", 12, temperature=1e-6, seed=0, names=sm.symbol_names(task))
    seq = np.concatenate([s.prefix, s.indices])
    y = core.forward(net, np.eye(4)[seq[:-1]][:, None, :]).y[:, 0]
    np.testing.assert_array_equal(s.indices, np.argmax(y, axis=-1))
    # First drawn symbol at T = 1 over many seeds: its frequencies are y(1).
    p = core.forward(net, np.eye(4)[[0]][:, None, :]).y[0, 0]
    draws = np.array([sm.generate(net, "h", 1, 1.0, seed=k, names=sm.symbol_names(task)).indices[0]
                      for k in range(4000)])
    freq = np.bincount(draws, minlength=4) / 4000
    np.testing.assert_allclose(freq, p, atol=0.03)


def test_text_task_generates_characters():
    text = datasets.text_task("abc abd\n" * 40, name="t")
    net = core.Network.create(text.N, 8, text.O, "tanh", "softmax", seed=0)
    assert sm.task_generation_problem(net, text) is None
    s = sm.generate(net, "ab ", 20, 0.8, seed=0, names=sm.symbol_names(text))
    assert s.text().startswith("ab ") and len(s.text()) == 23
    assert set(s.text()) <= set("abcd \n")


@pytest.mark.parametrize("kwargs,what", [
    (dict(temperature=0), "temperature"), (dict(temperature=-1.0), "temperature"),
    (dict(temperature=float("nan")), "temperature"), (dict(temperature=float("inf")), "temperature"),
    (dict(temperature="hot"), "temperature"), (dict(length=0), "length"),
    (dict(length=sm.MAX_LENGTH + 1), "length"), (dict(length=2.5), "length"),
    (dict(length=True), "length"), (dict(seed=-1), "seed"), (dict(prefix=""), "prefix"),
    (dict(prefix="hx"), "prefix"), (dict(prefix=[7]), "prefix"), (dict(prefix=[0, "z"]), "prefix"),
    (dict(prefix="h" * (sm.MAX_LENGTH + 1)), "prefix"), (dict(s0=np.zeros(3)), "s0"),
    (dict(names=("a", "b")), "names"),
])
def test_bad_input_is_one_value_error_naming_the_argument(kwargs, what):
    task = core.make_task("hello")
    net = core.Network.create(4, 8, 4, "tanh", "softmax", seed=0)
    args = dict(prefix="h", length=5, temperature=1.0, seed=0, names=sm.symbol_names(task))
    args.update(kwargs)
    with pytest.raises(ValueError, match=what) as err:
        sm.generate(net, **args)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("name", ["temporal-xor", "adding", "binary-addition", "elman-letters"])
def test_tasks_without_symbols_cannot_generate(name):
    task = core.make_task(name)
    rec = task.recommended
    net = core.Network.create(task.N, rec.M, task.O, rec.hidden, rec.output)
    problem = sm.task_generation_problem(net, task)
    assert problem and "\n" not in problem
    with pytest.raises(ValueError, match="net"):
        sm.generate(net, [0], 5)


@pytest.mark.parametrize("name", ["hello", "echo", "reber"])
def test_symbol_tasks_can_generate(name):
    task = core.make_task(name)
    rec = task.recommended
    net = core.Network.create(task.N, rec.M, task.O, rec.hidden, rec.output)
    assert sm.task_generation_problem(net, task) is None
