"""Generate a sequence from a network's own predictions, as min-char-rnn does while it trains.

The prefix runs through the network; then each next symbol is drawn from
softmax(net_k / T) at temperature T and fed back as the next input. Works for
text and symbol tasks (softmax outputs over the input's symbols): a workspace
trained on your text, hello, echo, reber. The sample goes to standard output,
a line saying what was sampled to standard error.

Examples:
  rnn-unfold sample --load text.rnnu --length 200 --temperature 0.8 --seed 0
  rnn-unfold sample --task reber --prefix BT --length 50

With --task the network is the task's untrained one (recommended settings,
weights from seed 0); train it first with ``rnn-unfold train --save``.

Exit status: 0 done, 2 a bad option, an unusable file or a task that cannot
generate.
"""
from __future__ import annotations

import argparse
import math
import sys

from core import sampling
from core import tasks as core_tasks

from visualizer.cli.common import UsageError, fail

from visualizer.model.config import GENERATE_LENGTH as DEFAULT_LENGTH
from visualizer.model.config import GENERATE_MAX_LENGTH as MAX_LENGTH
from visualizer.model.config import GENERATE_TEMPERATURE as DEFAULT_TEMPERATURE

PROG = "rnn-unfold sample"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``rnn-unfold sample``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    g = parser.add_argument_group("network")
    g.add_argument("--load", metavar="FILE", help="a workspace file (.rnnu) to sample from")
    g.add_argument("--task", metavar="NAME",
                   help=f"a built-in task instead, untrained: {', '.join(core_tasks.TASKS)}")
    g.add_argument("--param", metavar="NAME=VALUE", action="append", default=[],
                   help="a built-in task's own parameter, e.g. --param symbols=6 for echo")
    g = parser.add_argument_group("sampling")
    g.add_argument("--length", metavar="N", type=int, default=DEFAULT_LENGTH,
                   help=f"symbols to generate (1..{MAX_LENGTH}, default {DEFAULT_LENGTH})")
    g.add_argument("--temperature", metavar="T", type=float, default=DEFAULT_TEMPERATURE,
                   help="T > 0: below 1 sharper (→ argmax), above 1 flatter "
                        f"(default {DEFAULT_TEMPERATURE:g})")
    g.add_argument("--seed", metavar="S", type=int, default=0,
                   help="seed of the draws (default 0): the same seed, the same sample")
    g.add_argument("--prefix", metavar="TEXT",
                   help="symbols to start from (one character each; names separated by spaces "
                        "when they are longer); default: the first input of the training data")


def _session(args):
    from visualizer.cli.common import config_from_args
    from visualizer.model import workspace
    from visualizer.model.session import Session
    if args.load and args.task:
        raise UsageError("give --load or --task, not both")
    if args.load:
        if args.param:
            raise UsageError("--param cannot change a loaded workspace")
        try:
            return workspace.load(args.load)
        except workspace.WorkspaceError as err:
            raise UsageError(str(err)) from None
    if not args.task:
        raise UsageError("give --load FILE (a trained workspace) or --task NAME")
    model = argparse.Namespace(task=args.task, param=args.param, hidden=None, f=None, g=None,
                               cost=None, scheme=None, h=None, h_prime=None, eta=None, P=None,
                               seed=None, clip=None)
    try:
        return Session(config_from_args(model))
    except ValueError as err:
        raise UsageError(str(err)) from None


def _default_prefix(task, names) -> list:
    first = sampling.input_symbols(task.X[:1, :1])[0, 0]
    return [int(first) if first >= 0 else 0]


def run(args) -> int:
    """Sample and print; returns the exit status."""
    T = args.temperature
    if not (math.isfinite(T) and T > 0):
        return fail(PROG, f"--temperature must be a finite number > 0, got {T:g}")
    if not 1 <= args.length <= MAX_LENGTH:
        return fail(PROG, f"--length must be between 1 and {MAX_LENGTH}, "
                          f"got {args.length}")
    if args.seed < 0:
        return fail(PROG, f"--seed must be an integer ≥ 0, got {args.seed}")
    try:
        session = _session(args)
    except UsageError as err:
        return fail(PROG, str(err))
    net, task = session.net, session.task
    problem = sampling.task_generation_problem(net, task)
    if problem:
        return fail(PROG, f"task {task.name}: {problem}")
    names = sampling.symbol_names(task, "output")
    if names is None:
        names = tuple(str(i) for i in range(net.O))
    prefix = args.prefix if args.prefix is not None else _default_prefix(task, names)
    s0 = session.trainer.s0[0]
    try:
        sample = sampling.generate(net, prefix, args.length, temperature=T, seed=args.seed,
                                   names=names, s0=s0)
    except ValueError as err:
        msg = str(err)
        for arg in ("prefix", "length", "temperature", "seed"):
            if msg.startswith(arg):
                msg = "--" + msg
                break
        return fail(PROG, msg)
    print(f"{PROG}: task {task.name}, after {session.trainer.updates} updates; "
          f"{args.length} symbols at T = {T:g}, seed {args.seed}", file=sys.stderr)
    sys.stdout.write(sample.text() + "\n")
    sys.stdout.flush()
    return 0


__all__ = ["add_arguments", "run"]
