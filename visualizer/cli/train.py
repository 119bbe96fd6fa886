"""Train without a window and save a workspace file.

Start from a built-in task (--task NAME and the model options), from your own
data (--text FILE, or --csv FILE --inputs COLS --targets COLS), or continue a
saved workspace (--load FILE). Training K updates, saving, and training J more
from the file gives exactly the weights of K + J updates in one go. Progress
goes to standard error, the final cost to standard output.

Examples:
  rnn-unfold train --task echo --param k=3 --updates 2000 --save echo.rnnu
  rnn-unfold train --load echo.rnnu --updates 1000 --save echo-more.rnnu
  rnn-unfold train --csv data.csv --inputs 0,1 --targets 2 --sequence-length 20 --updates 500

Exit status: 0 done, 1 the run diverged or the file could not be written
(the last finite state is still saved), 2 a bad option or an unusable file.
"""
from __future__ import annotations

import argparse
import math
import signal
import sys
import threading
import time

from core import activations
from core import datasets

from visualizer.cli.common import (UsageError, _number, add_model_options, check_task_memory,
                                   config_from_args, fail, memory_budget, model_changes)
from visualizer.model import workspace
from visualizer.model.config import LIMITS

PROG = "rnn-unfold train"
MAX_UPDATES = LIMITS["updates"][1]
#: Options that change the network or the task (not allowed with --load).
_STRUCTURAL = {"task": "--task", "param": "--param", "hidden": "--hidden", "f": "--f",
               "g": "--g", "cost": "--cost", "scheme": "--scheme", "h": "--h",
               "h_prime": "--h-prime", "P": "--batch", "seed": "--seed"}


def add_data_options(parser: argparse.ArgumentParser) -> None:
    """--text / --csv and the CSV's column options (shared with ``export``)."""
    g = parser.add_argument_group("your own data (instead of --task)")
    g.add_argument("--text", metavar="FILE",
                   help=f"a text file: next-character prediction (the first "
                        f"{datasets.TEXT_MAX_CHARS} characters, at most "
                        f"{datasets.TEXT_MAX_VOCAB} symbols)")
    g.add_argument("--csv", metavar="FILE", help="a CSV file of numeric sequences")
    g.add_argument("--inputs", metavar="COLS",
                   help="input columns of the CSV by name or number, e.g. 0,1")
    g.add_argument("--targets", metavar="COLS", help="target columns of the CSV, e.g. 2")
    g.add_argument("--sequence-column", dest="sequence_column", metavar="NAME",
                   help="rows with the same value in this column form one sequence "
                        "(default: blank lines separate sequences)")
    g.add_argument("--sequence-length", dest="sequence_length", metavar="L", type=int,
                   help="cut the rows into sequences of L steps (for --text: steps per sequence)")


def task_from_args(args, seed: int = 0):
    """The user's Task the data options describe, or None when none was given.

    Raises
    ------
    UsageError
        For conflicting options or an unusable file (the DataError's message).
    """
    text, csv_file = getattr(args, "text", None), getattr(args, "csv", None)
    inputs, targets = getattr(args, "inputs", None), getattr(args, "targets", None)
    seq_col = getattr(args, "sequence_column", None)
    seq_len = getattr(args, "sequence_length", None)
    if text and csv_file:
        raise UsageError("give --text or --csv, not both")
    if (text or csv_file) and getattr(args, "task", None):
        raise UsageError("give --task or your own data (--text/--csv), not both")
    if not csv_file and (inputs or targets or seq_col):
        raise UsageError("--inputs, --targets and --sequence-column need --csv")
    _number("sequence_length", seq_len)
    for flag, value in (("--text", text), ("--csv", csv_file)):
        if value is not None and not value:
            raise UsageError(f"{flag} needs a file name")
    budget = memory_budget(args)
    try:
        if text:
            return datasets.load_text(text, L=seq_len or datasets.TEXT_L, seed=seed,
                                      max_bytes=budget)
        if csv_file:
            if not inputs or not targets:
                raise UsageError("--csv needs --inputs and --targets (column names or numbers)")
            if seq_col is not None and seq_len is not None:
                raise UsageError("give --sequence-column or --sequence-length, not both")
            return datasets.load_csv(csv_file, inputs, targets, sequence_column=seq_col,
                                     sequence_length=seq_len, seed=seed, max_bytes=budget)
    except datasets.DataError as err:
        raise UsageError(str(err)) from None
    return None


def config_for_task(args, task):
    """The Config for the user's ``task`` with the model options on top (UsageError if bad)."""
    from visualizer.model.session import Config
    if args.param:
        raise UsageError("--param applies to built-in tasks only")
    if args.P is not None:
        raise UsageError("--batch does not apply to your own data (its sequences are the batch)")
    changes = model_changes(args)       # --batch was refused above
    seed = _number("seed", args.seed) or 0
    try:
        cfg = Config.from_task(task, seed=seed, **changes).validate()
        activations.check_pair(cfg.output, cfg.cost)
        cfg.scheme_object()
    except ValueError as err:
        raise UsageError(str(err)) from None
    check_task_memory(cfg, task, args)
    return cfg


def session_from_args(args):
    """The Session that --load, the data options or the model options describe.

    Raises
    ------
    UsageError
        For bad or conflicting options and unusable files (workspace or data).
    """
    from visualizer.model.session import Session
    if getattr(args, "load", None) is not None:
        given = [flag for key, flag in _STRUCTURAL.items()
                 if getattr(args, key, None) not in (None, [])]
        given += [f"--{k}" for k in ("text", "csv") if getattr(args, k, None)]
        if given:
            raise UsageError(f"{given[0]} cannot change a loaded workspace; only --eta and "
                             "--clip can")
        try:
            session = workspace.load(args.load, budget=memory_budget(args))
        except workspace.WorkspaceError as err:
            raise UsageError(str(err)) from None
        live = {}
        if args.eta is not None:
            live["eta"] = _number("eta", args.eta)
        if args.clip is not None:
            live["clip"] = _number("clip", args.clip)
        if live:
            try:
                session.configure(**live)
            except ValueError as err:
                raise UsageError(str(err)) from None
        return session
    seed = _number("seed", args.seed) or 0
    task = task_from_args(args, seed=seed)
    try:
        if task is not None:
            return Session(config_for_task(args, task), task=task)
        return Session(config_from_args(args))
    except ValueError as err:
        raise UsageError(str(err)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``rnn-unfold train``."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    g = parser.add_argument_group("training")
    g.add_argument("--load", metavar="FILE", help="continue from a workspace file")
    g.add_argument("--updates", metavar="K", type=int, required=True,
                   help=f"updates to train (0..{MAX_UPDATES})")
    g.add_argument("--save", metavar="FILE", help="write the workspace here (.rnnu)")
    g.add_argument("--quiet", action="store_true", help="no progress lines")
    add_model_options(parser)
    add_data_options(parser)


def _updates(n: int) -> str:
    return f"{n} update" if n == 1 else f"{n} updates"


def run(args) -> int:
    """Train, report, save; returns the exit status (130 after Ctrl-C, saving first with --save)."""
    try:
        K = _number("updates", args.updates)
        if args.save is not None:
            workspace.check_target(args.save, flag="--save")
        session = session_from_args(args)
    except (UsageError, workspace.WorkspaceError) as err:
        return fail(PROG, str(err))
    for note in datasets.notes(session.task):
        print(f"{PROG}: note: {note}", file=sys.stderr)
    try:
        status = _train(session, K, quiet=args.quiet)
    except KeyboardInterrupt:
        # Keep what was trained: the session holds only whole updates.
        done = f"interrupted after {_updates(session.trainer.updates)}"
        if args.save is None:
            print(f"{PROG}: {done}; nothing saved (no --save)", file=sys.stderr)
            return 130
        try:
            workspace.save(session, args.save)
        except KeyboardInterrupt:
            print(f"{PROG}: {done}; interrupted again while saving: {args.save} was not "
                  "changed", file=sys.stderr)
            return 130
        except workspace.WorkspaceError as err:
            print(f"{PROG}: {done}; not saved: {err}", file=sys.stderr)
            return 130
        print(f"{PROG}: {done}; saved {args.save}", file=sys.stderr)
        return 130
    st = session.status()
    cost = st["cost"]
    applied = _updates(st["applied"])
    line = (f"final cost {cost:.6g} after {applied}" if not math.isnan(cost)
            else f"no cost recorded after {applied}")
    test = session.curve_eval[-1][2] if session.curve_eval else None
    score = session.task.score(session.net)
    line += f" (score {score:.6g}"
    line += f", held-out {test:.6g})" if test is not None else ")"
    print(f"{line}; task {session.task.name}, {session.trainer.scheme.label()}")
    if args.save is not None:
        try:
            workspace.save(session, args.save)
        except workspace.WorkspaceError as err:
            print(f"{PROG}: error: {err}", file=sys.stderr)
            return 1
        print(f"saved {args.save}")
    return status


class _Interrupt:
    """Ctrl-C while training: the first asks the loop to stop after the update it is in
    (so whole updates are kept and can be saved), a second one interrupts at once."""

    def __init__(self):
        self.asked = False
        self._old = None

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum, frame):
        if self.asked:
            raise KeyboardInterrupt
        self.asked = True

    def __exit__(self, *exc):
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)
        return False


def _train(session, K: int, quiet: bool = False) -> int:
    """Run K updates in chunks of about a tenth of a second; KeyboardInterrupt after Ctrl-C."""
    done, last = 0, time.monotonic()
    chunk = 1
    start = session.trainer.updates
    with _Interrupt() as stop:
        while done < K:
            if stop.asked:
                raise KeyboardInterrupt
            n = min(chunk, K - done)
            t0 = time.monotonic()
            got = session.run_updates(n)
            spent = time.monotonic() - t0
            done += got
            if got < n:
                print(f"{PROG}: {session.message}", file=sys.stderr)
                return 1
            # grow or shrink the chunk so that Ctrl-C and progress lines answer quickly
            chunk = min(1000, chunk * 2) if spent < 0.05 else max(1, chunk // 2) if spent > 0.2 else chunk
            now = time.monotonic()
            if not quiet and (now - last > 1.0 or done == K):
                last = now
                cost = session.status()["cost"]
                print(f"update {start + done} ({done}/{K})  cost {cost:.6g}", file=sys.stderr)
        if stop.asked:
            raise KeyboardInterrupt
    return 0

__all__ = ["add_arguments", "add_data_options", "config_for_task", "run",
           "session_from_args", "task_from_args"]
