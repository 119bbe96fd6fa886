"""The one configuration: the default task, every limit, the vocabularies, the memory budget and validation.

Written once here and imported by every reader: the command line, the parameter
panel, the workspace reader and the session. Engine vocabularies (tasks, f, g,
costs, presets) are core's and re-exported from here, so readers need one
import. No Qt.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields, replace

import core
from core import sampling as core_sampling
from core import tasks as core_tasks
from core.datasets import human as human_bytes
from core.i18n_marks import QT_TRANSLATE_NOOP

# -- vocabularies ---------------------------------------------------------------------

#: the built-in tasks, in menu order (core owns them)
TASKS = core_tasks.TASKS
#: the task the window and every command open when none is named
DEFAULT_TASK = "hello"
#: f, the hidden activations; g, the output activations; the costs (core owns them)
HIDDEN = core.HIDDEN
OUTPUT = core.OUTPUT
COSTS = core.COSTS
#: what each cost is called where a person reads it
COST_TEXT = {"sse": "SSE", "ce": QT_TRANSLATE_NOOP("config", "cross-entropy")}
#: training schemes: the presets of BPTT(h; h′) and "custom"
SCHEMES = core.PRESETS + ("custom",)
#: what an edge of the unfolded network can show
EDGE_MODES = ("signal", "error", "share", "weight")
#: the languages the window speaks (code -> the language's own name; English is the source)
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
#: what --lang and Preferences ▸ Language accept: a language, or the system's
LANGUAGE_CHOICES = ("system",) + tuple(LANGUAGES)
#: what an edge shows by default in each phase of an update
PHASE_EDGE_MODE = {"forward": "signal", "output": "error", "bptt": "error", "foldback": "share",
                   "update": "weight"}
#: colour themes, in menu order (View ▸ Theme, --theme), and the one used when none is chosen
THEMES = ("light", "dark", "high-contrast")
DEFAULT_THEME = "light"
#: (lo, hi) of the interface zoom (Ctrl+= / Ctrl+−, export --scale): 75 % .. 300 %
ZOOM_LIMITS = (0.75, 3.0)
#: the steps Ctrl+= / Ctrl+− move through (factors, 1.0 = 100 %)
ZOOM_LEVELS = (0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
#: panels a lesson's scene may show beside the unfolded view
LESSON_PANELS = ("foldback", "inspector", "vanishing", "gradcheck", "cost")
#: frames per second of a lesson's movie (each lesson frame repeated for the time it is shown)
LESSON_FPS = 10.0

# -- limits ---------------------------------------------------------------------------

#: (lo, hi) of every bounded number, for the window and the command line alike.
#: hidden = M; eta = η; h, h_prime = BPTT(h; h′); P = sequences; L = steps per sequence;
#: clip = the gradient norm; updates = one train run; skip = updates trained before an
#: export; sequence_length = the user's data cut into sequences; memory_mib = the budget;
#: gradcheck_work = multiply-adds of a finite-difference check; export_updates, fps, size
#: (a side, in pixels) and frames bound an export; workspace_* bound a workspace file: its
#: size, its unpacked members, its JSON's size and nesting, its number of arrays.
LIMITS = {"hidden": (1, 512), "eta": (0.0, 100.0), "h": (1, 10_000), "h_prime": (1, 10_000),
          "P": (1, core_tasks.MAX_P), "L": (1, core_tasks.MAX_L), "seed": (0, 2**32 - 1),
          "clip": (1e-9, 1e9), "updates": (0, 10_000_000), "skip": (0, 1_000_000),
          "sequence_length": (1, core_tasks.MAX_L), "memory_mib": (64, 1024 * 1024),
          "gradcheck_work": (1, 3 * 10**10),
          "export_updates": (1, 100_000), "fps": (0.1, 60.0), "size": (32, 8192),
          "frames": (1, 20_000),
          "workspace_bytes": (0, 512 << 20), "workspace_unpacked": (0, 1 << 30),
          "workspace_json_bytes": (0, 16 << 20), "workspace_json_depth": (1, 32),
          "workspace_arrays": (0, 200)}


def gradcheck_work(L: int, P: int, M: int, N: int, O: int) -> int:  # noqa: E741
    """Multiply-adds of a finite-difference check: two passes over L steps and P samples per weight."""
    weights = M * N + M * M + O * M + M + O
    return 2 * weights * L * P * (M * (N + M + O))

#: the default size of an exported frame, in pixels
EXPORT_SIZE = (1280, 720)

#: settings that change without rebuilding the network
LIVE = ("eta", "clip")
#: whole updates Step back (Left) can return through, and the undo stack's depth
HISTORY_UPDATES = 50
#: the share of the memory budget the step-back history may hold (the newest update is always kept)
HISTORY_BUDGET_SHARE = 0.25

# -- insight panels ---------------------------------------------------------------------

#: updates kept in the vanishing/exploding panel's ‖δ(t−z)‖ history
VANISHING_HISTORY = 500
#: updates kept in the who-taught-whom panel's scheme-vs-full history
ATTRIBUTION_HISTORY = 500
#: generating: symbols drawn after the prefix, at most (core owns the bound) and by default
GENERATE_MAX_LENGTH = core_sampling.MAX_LENGTH
GENERATE_LENGTH = 200
#: generating: the temperature T of softmax(net / T), by default and its range
GENERATE_TEMPERATURE = 1.0
TEMPERATURE_RANGE = (0.01, 100.0)

# -- the memory budget ------------------------------------------------------------------

#: the Preferences key of the budget and its default, in bytes (1 GiB)
MEMORY_BUDGET_SETTING = "memory_budget"
MEMORY_BUDGET = 1 << 30
#: bytes of one float64
_F8 = 8


def parse_memory(text) -> int:
    """Bytes from "1G", "512M", "1.5GiB", "2048" (MiB when there is no unit).

    Raises
    ------
    ValueError
        For text that is not a size, or one outside ``LIMITS["memory_mib"]``.
    """
    s = str(text).strip().lower().replace(" ", "")
    units = (("gib", 1 << 30), ("mib", 1 << 20), ("tib", 1 << 40), ("gb", 1 << 30),
             ("mb", 1 << 20), ("tb", 1 << 40), ("g", 1 << 30), ("m", 1 << 20), ("t", 1 << 40))
    scale = 1 << 20
    for unit, size in units:
        if s.endswith(unit):
            s, scale = s[: -len(unit)], size
            break
    try:
        value = float(s)
    except ValueError:
        raise ValueError(f"memory budget must be a size such as 1G or 512M, got {text!r}") from None
    lo, hi = LIMITS["memory_mib"]
    if not (math.isfinite(value) and lo << 20 <= value * scale <= hi << 20):
        raise ValueError(f"memory budget must be between {lo} MiB and {hi >> 10} GiB, "
                         f"got {text!r}")
    return int(value * scale)


def memory_estimate(L: int, P: int, M: int, N: int, O: int, T: int | None = None) -> dict:  # noqa: E741
    """Bytes one update and the views need, worked out from the sizes before anything is built.

    Parameters
    ----------
    L, P, M, N, O : int
        Steps per sequence, sequences, hidden units, inputs, outputs.
    T : int, optional
        Copies of one update's window (at most L; the whole sequence when None).

    Returns
    -------
    dict of str to int
        ``"data"`` (training and held-out X, D, the trainer's copies and the
        state history s, (L + 1, P, M)), ``"weights"`` (V, U, W, θ and their
        copies for undo and the gradient), ``"update"`` (the window's forward
        trace, δ, the per-source deltas (T, T, P, M) and per-copy fold-back
        terms the views draw), ``"evaluate"`` (a forward pass over the whole
        sequence for the score) and ``"total"``.
    """
    L, P, M, N, O = (max(1, int(v)) for v in (L, P, M, N, O))
    T = L if T is None else max(1, min(int(T), L))
    data = _F8 * (4 * L * P * (N + O) + (L + 1) * P * M) + 2 * L * P
    # the score over the whole sequence (the cost curve): a forward pass's s, net and y
    evaluate = _F8 * (2 * (L + 1) * P * M + 3 * L * P * O)
    weights = 6 * _F8 * (M * N + M * M + O * M + M + O)
    update = _F8 * (T * P * (4 * M + 3 * O)            # net, s, y, δ_o, δ_h and temporaries
                    + 3 * T * T * P * M                 # per-source δ(t − z) and its two fronts
                    + T * (M * N + M * M + O * M + M + O))  # per-copy fold-back terms
    return {"data": data, "weights": weights, "update": update, "evaluate": evaluate,
            "total": data + weights + update + evaluate}


class BudgetError(ValueError):
    """The sizes need more memory than the budget; the message says which to lower."""


def check_memory(L: int, P: int, M: int, N: int, O: int, T: int | None = None,  # noqa: E741
                 budget: int | None = None, what: str = "these settings") -> int:
    """Raise :class:`BudgetError` (one line naming the sizes to lower) past the budget.

    Returns
    -------
    int
        The estimated total in bytes.
    """
    budget = MEMORY_BUDGET if budget is None else int(budget)
    est = memory_estimate(L, P, M, N, O, T)
    if est["total"] <= budget:
        return est["total"]
    T = L if T is None else max(1, min(int(T), L))
    # Name the sizes in the order of their share of the estimate, largest first.
    shares = {"the sequence length L": (est["data"] + est["evaluate"]) / 2 + est["update"] * (T == L),
              "the batch P": est["data"] + est["update"] + est["evaluate"],
              "the hidden units M": 3 * _F8 * (L + 1) * P * M + est["weights"] + est["update"],
              "the window h (copies per update)": est["update"] * (T < L or T > 1),
              "the inputs N and outputs O": _F8 * 4 * L * P * (N + O) + 6 * _F8 * M * (N + O)}
    order = [k for k, v in sorted(shares.items(), key=lambda kv: -kv[1]) if v > 0][:3]
    raise BudgetError(f"{what} would need about {human_bytes(est['total'])} (L = {L}, P = {P}, "
                      f"M = {M}, N = {N}, O = {O}, {T} copies per update), more than the memory "
                      f"budget of {human_bytes(budget)}: lower {', '.join(order)} "
                      "(or raise the budget, --memory-budget)")


def window_copies(config: "Config", L: int) -> int:
    """Copies in one update's window under ``config``'s scheme: h (h ≥ h′), at most L."""
    return max(1, min(int(L), config.h if config.h is not None else int(L)))


def scheme_window(name: str, T: int | None, k: int | None) -> tuple:
    """(h, h′) of a preset name."""
    if name == "custom":
        return T, k
    s = core.preset(name, T=T or 4, k=k or 4)
    return s.h, s.h_prime


#: the default task's recommended settings: the Config field defaults below are these
_REC = core_tasks.task_info(DEFAULT_TASK)["recommended"]
_H, _H_PRIME = scheme_window(_REC.scheme, _REC.T, _REC.k)


def _default_params() -> dict:
    return {p.name: p.default for p in core_tasks.task_params(DEFAULT_TASK)}


@dataclass(frozen=True)
class Config:
    """Everything that defines a run; the task's recommended settings fill the rest.

    The field defaults are the recommended settings of :data:`DEFAULT_TASK`,
    so ``Config() == default_config()``.

    Attributes
    ----------
    task : str
        A name of :data:`TASKS`, or a user's task ("text:…", "csv:…").
    task_params : dict
        The task's own parameters (e.g. ``{"k": 2}`` for echo).
    M : int
        Hidden units.
    hidden, output, cost : str
        f, g and the cost.
    eta : float
        η, the learning rate (live).
    scheme : str
        "elman", "boden", "epochwise", "chunked" or "custom".
    h, h_prime : int or None
        BPTT(h; h′); None = unlimited / the whole sequence. Set by the preset
        except for "custom".
    P : int or None
        Sequences in the batch (None = the task's default).
    seed : int
        Seeds the weights and the task's data.
    clip : float or None
        Gradient-norm clipping (live); None = off.
    """

    task: str = DEFAULT_TASK
    task_params: dict = field(default_factory=_default_params)
    M: int = _REC.M
    hidden: str = _REC.hidden
    output: str = _REC.output
    cost: str = _REC.cost
    eta: float = _REC.eta
    scheme: str = _REC.scheme
    h: int | None = _H
    h_prime: int | None = _H_PRIME
    P: int | None = None
    seed: int = 0
    clip: float | None = None

    def validate(self) -> "Config":
        """Check every field against :data:`LIMITS` and the vocabularies; returns self.

        Raises
        ------
        ValueError
            Naming the first setting that is wrong and what it may be.
        """
        if not isinstance(self.task, str) or not self.task:
            raise ValueError(f"task must be a task name, got {self.task!r}")
        if not isinstance(self.task_params, dict):
            raise ValueError("task_params must be a dict")
        for key, valid in (("hidden", HIDDEN), ("output", OUTPUT), ("cost", COSTS),
                           ("scheme", SCHEMES)):
            if getattr(self, key) not in valid:
                raise ValueError(f"{key} must be one of {', '.join(valid)}, "
                                 f"got {getattr(self, key)!r}")
        check_number("hidden", self.M, integer=True, name="M")
        check_number("eta", self.eta, name="eta")
        check_number("seed", self.seed, integer=True, name="seed")
        for key in ("h", "h_prime", "P"):
            if getattr(self, key) is not None:
                check_number(key, getattr(self, key), integer=True, name=key)
        if self.clip is not None:
            check_number("clip", self.clip, name="clip")
        return self

    @classmethod
    def for_task(cls, task: str, seed: int = 0, **changes) -> "Config":
        """The task's recommended settings, with ``changes`` on top."""
        return cls.from_task(core_tasks.make_task(task, seed=seed), seed=seed, **changes)

    @classmethod
    def from_task(cls, task, seed: int = 0, **changes) -> "Config":
        """The recommended settings of a :class:`core.tasks.Task` object (built-in or the user's)."""
        rec = task.recommended
        scheme = rec.scheme
        h, hp = scheme_window(scheme, rec.T, rec.k)
        cfg = cls(task=task.name, task_params=dict(task.params), M=rec.M, hidden=rec.hidden, output=rec.output, cost=rec.cost,
                  eta=rec.eta, scheme=scheme, h=h, h_prime=hp, P=None, seed=seed)
        return cfg.with_changes(**changes) if changes else cfg

    def with_changes(self, **changes) -> "Config":
        """A copy with ``changes``; a preset name also sets h and h′ (unless given)."""
        if "scheme" in changes and changes["scheme"] != "custom":
            if "h" not in changes or "h_prime" not in changes:
                T = changes.get("h") or (self.h if self.h and self.h > 1 else 4)
                h, hp = scheme_window(changes["scheme"], T, changes.get("h") or self.h or 4)
                changes.setdefault("h", h)
                changes.setdefault("h_prime", hp)
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"unknown setting(s) {', '.join(sorted(unknown))}; "
                             f"valid: {', '.join(sorted(known))}")
        return replace(self, **changes)

    def scheme_object(self) -> core.Scheme:
        """The BPTT(h; h′) this configuration trains with."""
        return core.Scheme(self.h, self.h_prime)

    def to_dict(self) -> dict:
        """JSON-able description."""
        return asdict(self)


def default_config() -> Config:
    """The recommended settings of :data:`DEFAULT_TASK`."""
    return Config.for_task(DEFAULT_TASK)


def check_number(key: str, value, integer: bool = False, name: str | None = None):
    """``value`` if it lies within ``LIMITS[key]``, else ValueError naming ``name`` and the range.

    Integers are shown exactly (a seed of 2**32 is "between 0 and 4294967295, got 4294967296").
    """
    lo, hi = LIMITS[key]
    name = name or key
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            (integer and not float(value).is_integer()):
        kind = "a whole number" if integer else "a number"
        raise ValueError(f"{name} must be {kind}, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if not lo <= value <= hi:
        raise ValueError(f"{name} must be between {_show(lo)} and {_show(hi)}, got {_show(value)}")
    return int(value) if integer else value


def _show(v) -> str:
    return str(v) if isinstance(v, int) else f"{v:g}"


def check_task_memory(config: Config, task, budget: int | None = None,
                      what: str = "this task with these settings") -> int:
    """:func:`check_memory` for ``task`` (anything with L, P, N, O) trained under ``config``.

    Call it before the network and trainer are built: the task's own arrays
    are bounded by its readers, the rest is only estimated here.
    """
    return check_memory(task.L, task.P, config.M, task.N, task.O,
                        T=window_copies(config, task.L), budget=budget, what=what)


def check_config_memory(config: Config, task=None, budget: int | None = None) -> int:
    """:func:`check_task_memory` for a configuration about to be built.

    A built-in task is built (its data are small: P ≤ 1024, short sequences) to
    learn L, N and O; the user's own ``task`` is passed in. Nothing of the
    network is allocated.
    """
    if config.task in TASKS:
        task = core_tasks.make_task(config.task, seed=config.seed, P=config.P, **config.task_params)
    if task is None:
        raise ValueError(f"unknown task {config.task!r}; valid: {', '.join(TASKS)}")
    return check_task_memory(config, task, budget=budget)
