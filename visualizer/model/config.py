"""The one configuration: the default task, every limit, the vocabularies and the settings of a run.

Written once here and imported by every reader: the command line, the parameter
panel, the workspace reader and the session. No Qt.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace

import core
from core import tasks as core_tasks

#: the task the window and every command open when none is named
DEFAULT_TASK = "hello"

#: training schemes: the presets of BPTT(h; h′) and "custom"
SCHEMES = core.PRESETS + ("custom",)

#: (lo, hi) of every bounded number, for the window and the command line alike
LIMITS = {"hidden": (1, 512), "eta": (0.0, 100.0), "h": (1, 10_000), "h_prime": (1, 10_000),
          "P": (1, 1024), "seed": (0, 2**32 - 1), "clip": (1e-9, 1e9)}

#: settings that change without rebuilding the network
LIVE = ("eta", "clip")


@dataclass(frozen=True)
class Config:
    """Everything that defines a run; the task's recommended settings fill the rest.

    Attributes
    ----------
    task : str
        A name of ``core.tasks.TASKS``.
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
    task_params: dict = field(default_factory=dict)
    M: int = 6
    hidden: str = "tanh"
    output: str = "sigmoid"
    cost: str = "ce"
    eta: float = 0.1
    scheme: str = "boden"
    h: int | None = 4
    h_prime: int | None = 1
    P: int | None = None
    seed: int = 0
    clip: float | None = None

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


def scheme_window(name: str, T: int | None, k: int | None) -> tuple:
    """(h, h′) of a preset name."""
    if name == "custom":
        return T, k
    s = core.preset(name, T=T or 4, k=k or 4)
    return s.h, s.h_prime




def default_config() -> Config:
    """The recommended settings of :data:`DEFAULT_TASK`."""
    return Config.for_task(DEFAULT_TASK)
