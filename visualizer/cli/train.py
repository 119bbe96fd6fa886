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
import os
import sys
import time

from core import activations
from core import datasets

from visualizer.cli.common import UsageError, _number, add_model_options, config_from_args, fail, model_changes

PROG = "rnn-unfold train"
MAX_UPDATES = 10_000_000
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
    if seq_len is not None and not 1 <= seq_len <= 1000:
        raise UsageError(f"--sequence-length must be between 1 and 1000, got {seq_len}")
    try:
        if text:
            return datasets.load_text(text, L=seq_len or datasets.TEXT_L, seed=seed)
        if csv_file:
            if not inputs or not targets:
                raise UsageError("--csv needs --inputs and --targets (column names or numbers)")
            if seq_col is not None and seq_len is not None:
                raise UsageError("give --sequence-column or --sequence-length, not both")
            return datasets.load_csv(csv_file, inputs, targets, sequence_column=seq_col,
                                     sequence_length=seq_len, seed=seed)
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
        cfg = Config.from_task(task, seed=seed, **changes)
        activations.check_pair(cfg.output, cfg.cost)
        cfg.scheme_object()
    except ValueError as err:
        raise UsageError(str(err)) from None
    return cfg


def session_from_args(args):
    """The Session that --load, the data options or the model options describe.

    Raises
    ------
    UsageError
        For bad or conflicting options and unusable files (workspace or data).
    """
    from visualizer.model import workspace
    from visualizer.model.session import Session
    if getattr(args, "load", None):
        given = [flag for key, flag in _STRUCTURAL.items()
                 if getattr(args, key, None) not in (None, [])]
        given += [f"--{k}" for k in ("text", "csv") if getattr(args, k, None)]
        if given:
            raise UsageError(f"{given[0]} cannot change a loaded workspace; only --eta and "
                             "--clip can")
        try:
            session = workspace.load(args.load)
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


def run(args) -> int:
    """Train, report, save; returns the exit status."""
    from visualizer.model import workspace
    K = args.updates
    if not 0 <= K <= MAX_UPDATES:
        return fail(PROG, f"--updates must be between 0 and {MAX_UPDATES}, got {K}")
    if args.save:
        folder = os.path.dirname(os.path.abspath(args.save))
        if not os.path.isdir(folder):
            return fail(PROG, f"--save: the folder {folder} does not exist")
        if os.path.isdir(args.save):
            return fail(PROG, f"--save: {args.save} is a folder")
    try:
        session = session_from_args(args)
    except UsageError as err:
        return fail(PROG, str(err))
    for note in datasets.notes(session.task):
        print(f"{PROG}: note: {note}", file=sys.stderr)
    status = _train(session, K, quiet=args.quiet)
    st = session.status()
    cost = st["cost"]
    line = (f"final cost {cost:.6g} after {st['update']} updates" if not math.isnan(cost)
            else f"no cost recorded after {st['update']} updates")
    test = session.curve_eval[-1][2] if session.curve_eval else None
    score = session.task.score(session.net)
    line += f" (score {score:.6g}"
    line += f", held-out {test:.6g})" if test is not None else ")"
    print(f"{line}; task {session.task.name}, {session.trainer.scheme.label()}")
    if args.save:
        try:
            workspace.save(session, args.save)
        except workspace.WorkspaceError as err:
            print(f"{PROG}: error: {err}", file=sys.stderr)
            return 1
        print(f"saved {args.save}")
    return status


def _train(session, K: int, quiet: bool = False) -> int:
    done, last = 0, time.monotonic()
    chunk = max(1, min(1000, K // 100 or 1))
    start = session.trainer.updates
    while done < K:
        n = min(chunk, K - done)
        got = session.run_updates(n)
        done += got
        if got < n:
            print(f"{PROG}: {session.message}", file=sys.stderr)
            return 1
        now = time.monotonic()
        if not quiet and (now - last > 1.0 or done == K):
            last = now
            cost = session.status()["cost"]
            print(f"update {start + done} ({done}/{K})  cost {cost:.6g}", file=sys.stderr)
    return 0


__all__ = ["add_arguments", "add_data_options", "config_for_task", "run",
           "session_from_args", "task_from_args"]
