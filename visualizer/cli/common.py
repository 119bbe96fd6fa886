"""Options shared by the window and the headless sub-commands, and one-line errors.

A user's mistake on the command line gets exit status 2 and one line on
standard error, never a traceback.
"""
from __future__ import annotations

import argparse
import sys

import core
from core import tasks as core_tasks

from visualizer.model import config as conf
from visualizer.model.config import (COST_TEXT, COSTS, DEFAULT_TASK, HIDDEN, LIMITS, OUTPUT,
                                     SCHEMES, TASKS, Config)

#: the option a user types for each bounded number of LIMITS
FLAGS = {"hidden": "--hidden", "eta": "--eta", "h": "--h", "h_prime": "--h-prime",
         "P": "--batch", "seed": "--seed", "clip": "--clip", "updates": "--updates",
         "skip": "--skip", "sequence_length": "--sequence-length"}


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


def _range(key: str) -> str:
    lo, hi = LIMITS[key]
    return f"{conf._show(lo)}..{conf._show(hi)}"


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """--task and the settings of a run; defaults come from the task's recommendation."""
    g = parser.add_argument_group("task and network (defaults: the task's recommended settings)")
    g.add_argument("--task", metavar="NAME",
                   help=f"built-in task: {', '.join(TASKS)} (default {DEFAULT_TASK})")
    g.add_argument("--param", metavar="NAME=VALUE", action="append", default=[],
                   help="a task's own parameter, e.g. --param k=3 for echo (repeatable)")
    g.add_argument("--hidden", metavar="M", type=int, help=f"hidden units M ({_range('hidden')})")
    g.add_argument("--f", dest="f", choices=HIDDEN, help="hidden activation f")
    g.add_argument("--g", dest="g", choices=OUTPUT, help="output activation g")
    g.add_argument("--cost", choices=COSTS,
                   help="cost: " + ", ".join(f"{k} ({v})" for k, v in COST_TEXT.items()))
    g.add_argument("--scheme", choices=SCHEMES,
                   help="BPTT(h; h′) preset: elman (1;1), boden (T;1), epochwise (L;L), "
                        "chunked (k;k), or custom with --h and --h-prime")
    g.add_argument("--h", metavar="H", type=int,
                   help="depth h: copies an error flows through, counting the one it enters "
                        "(boden's T, chunked's k)")
    g.add_argument("--h-prime", dest="h_prime", metavar="H2", type=int,
                   help="h′: steps between updates (custom scheme)")
    g.add_argument("--eta", metavar="η", type=float, help=f"learning rate η ({_range('eta')})")
    g.add_argument("--batch", dest="P", metavar="P", type=int,
                   help=f"sequences per batch P ({_range('P')})")
    g.add_argument("--seed", metavar="S", type=int,
                   help=f"seed of weights and data ({_range('seed')}; default 0)")
    g.add_argument("--clip", metavar="NORM", type=float,
                   help="clip the gradient's global norm (default: off)")
    g.add_argument("--memory-budget", dest="memory_budget", metavar="SIZE",
                   help=f"refuse sizes whose update and views would need more memory than this "
                        f"(e.g. 512M, 4G; default {conf.human_bytes(conf.MEMORY_BUDGET)})")


def _number(name: str, value):
    """``value`` checked against ``LIMITS[name]``; UsageError naming the option the user typed."""
    if value is None:
        return None
    try:
        return conf.check_number(name, value, integer=isinstance(value, int),
                                 name=FLAGS.get(name, f"--{name.replace('_', '-')}"))
    except ValueError as err:
        raise UsageError(str(err)) from None


def memory_budget(args) -> int:
    """The budget in bytes that --memory-budget asks for (the default without it)."""
    text = getattr(args, "memory_budget", None)
    if text is None:
        return conf.MEMORY_BUDGET
    try:
        return conf.parse_memory(text)
    except ValueError as err:
        raise UsageError(f"--{err}") from None


def check_task_memory(cfg: Config, task, args) -> None:
    """UsageError (one line naming the sizes to lower) when ``task`` under ``cfg`` is past the budget."""
    try:
        conf.check_task_memory(cfg, task, budget=memory_budget(args))
    except conf.BudgetError as err:
        raise UsageError(str(err)) from None


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
    task = default_task if args.task is None else args.task
    if task not in TASKS:
        raise UsageError(f"unknown task {task!r}; valid: {', '.join(TASKS)}")
    changes = model_changes(args)
    if args.param:
        changes["task_params"] = _task_params(task, args.param)
    seed = _number("seed", args.seed) or 0
    try:
        cfg = Config.for_task(task, seed=seed, **changes).validate()
        core.activations.check_pair(cfg.output, cfg.cost)
        cfg.scheme_object()
        built = core_tasks.make_task(task, seed=seed, P=cfg.P, **cfg.task_params)
    except ValueError as err:
        raise UsageError(str(err)) from None
    check_task_memory(cfg, built, args)
    return cfg
