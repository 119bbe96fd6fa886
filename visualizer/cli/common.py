"""Options shared by the window and the headless sub-commands, and one-line errors.

A user's mistake on the command line gets exit status 2 and one line on
standard error, never a traceback.
"""
from __future__ import annotations

import argparse
import math
import sys

import core
from core import tasks as core_tasks

from visualizer.model.config import DEFAULT_TASK, LIMITS, SCHEMES, Config


class UsageError(Exception):
    """A bad command-line value; its message is printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on standard error and exit status 2."""

    def error(self, message):  # noqa: D401 - argparse's hook
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def fail(prog: str, message: str) -> int:
    """Print one error line for ``prog`` and return exit status 2."""
    print(f"{prog}: error: {message}", file=sys.stderr)
    return 2


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """--task and the settings of a run; defaults come from the task's recommendation."""
    g = parser.add_argument_group("task and network (defaults: the task's recommended settings)")
    g.add_argument("--task", metavar="NAME",
                   help=f"built-in task: {', '.join(core_tasks.TASKS)}")
    g.add_argument("--param", metavar="NAME=VALUE", action="append", default=[],
                   help="a task's own parameter, e.g. --param k=3 for echo (repeatable)")
    g.add_argument("--hidden", metavar="M", type=int, help="hidden units M (1..512)")
    g.add_argument("--f", dest="f", choices=core.HIDDEN, help="hidden activation f")
    g.add_argument("--g", dest="g", choices=core.OUTPUT, help="output activation g")
    g.add_argument("--cost", choices=core.COSTS, help="cost: sse or ce (cross-entropy)")
    g.add_argument("--scheme", choices=SCHEMES,
                   help="BPTT(h; h′) preset: elman (1;1), boden (T;1), epochwise (L;L), "
                        "chunked (k;k), or custom with --h and --h-prime")
    g.add_argument("--h", metavar="H", type=int,
                   help="depth h: copies an error flows through, counting the one it enters "
                        "(boden's T, chunked's k)")
    g.add_argument("--h-prime", dest="h_prime", metavar="H2", type=int,
                   help="h′: steps between updates (custom scheme)")
    g.add_argument("--eta", metavar="η", type=float, help="learning rate η (0..100)")
    g.add_argument("--batch", dest="P", metavar="P", type=int, help="sequences per batch P")
    g.add_argument("--seed", metavar="S", type=int, help="seed of weights and data (default 0)")
    g.add_argument("--clip", metavar="NORM", type=float,
                   help="clip the gradient's global norm (default: off)")


def _number(name: str, value):
    lo, hi = LIMITS[name]
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        raise UsageError(f"--{name.replace('_', '-')} must be a finite number")
    if not lo <= value <= hi:
        raise UsageError(f"--{name.replace('_', '-')} must be between {lo:g} and {hi:g}, "
                         f"got {value:g}")
    return value


def _task_params(task: str, items: list[str]) -> dict:
    specs = {p.name: p for p in core_tasks.task_params(task)}
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or name not in specs:
            valid = ", ".join(specs) or "none"
            raise UsageError(f"--param {item!r}: task {task} takes NAME=VALUE with NAME one of: "
                             f"{valid}")
        spec = specs[name]
        try:
            v = type(spec.default)(value)
        except ValueError:
            raise UsageError(f"--param {name} must be a {type(spec.default).__name__}, "
                             f"got {value!r}") from None
        if isinstance(v, int) and not spec.lo <= v <= spec.hi:
            raise UsageError(f"--param {name} must be between {spec.lo} and {spec.hi}, got {v}")
        out[name] = v
    return out


def model_changes(args) -> dict:
    """The Config changes the model options ask for (not the task or its parameters).

    Raises
    ------
    UsageError
        For an out-of-range number or an incomplete custom scheme.
    """
    changes = {}
    for opt, key in (("hidden", "M"), ("eta", "eta"), ("P", "P"), ("clip", "clip"),
                     ("h", "h"), ("h_prime", "h_prime")):
        v = _number(opt, getattr(args, opt))
        if v is not None:
            changes[key] = v
    for opt, key in (("f", "hidden"), ("g", "output"), ("cost", "cost"), ("scheme", "scheme")):
        if getattr(args, opt) is not None:
            changes[key] = getattr(args, opt)
    if changes.get("scheme") == "custom" and ("h" not in changes or "h_prime" not in changes):
        raise UsageError("--scheme custom needs both --h and --h-prime")
    return changes


def config_from_args(args, default_task: str = DEFAULT_TASK) -> Config:
    """The :class:`Config` the options describe.

    Raises
    ------
    UsageError
        For an unknown task, an out-of-range number or an impossible combination.
    """
    task = args.task or default_task
    if task not in core_tasks.TASKS:
        raise UsageError(f"unknown task {task!r}; valid: {', '.join(core_tasks.TASKS)}")
    changes = model_changes(args)
    if args.param:
        changes["task_params"] = _task_params(task, args.param)
    seed = _number("seed", args.seed) or 0
    try:
        cfg = Config.for_task(task, seed=seed, **changes)
        core.activations.check_pair(cfg.output, cfg.cost)
        cfg.scheme_object()
        core_tasks.make_task(task, seed=seed, P=cfg.P, **cfg.task_params)
    except ValueError as err:
        raise UsageError(str(err)) from None
    return cfg
