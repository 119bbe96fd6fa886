"""Compare the engine's gradients with central finite differences (ε = 1e-6, clipping off).

By default the check runs on the task's first update window that carries a
target, exactly as the window computes it (the window's inputs and targets,
every error reaching the window's first copy). With --whole it runs on the
whole training sequence with the scheme's depth h (the state entering copy
t−h+1 held constant for each target step t, PyTorch's .detach()). Prints the
largest relative error of V, U, W, θ_h, θ_o; exit status 1 if any is above
1e-6, 2 for bad input.
"""
from __future__ import annotations

import sys

import numpy as np

import core

from core import gradcheck as gc

from visualizer.cli.common import UsageError, add_model_options, config_from_args, fail
from visualizer.model.config import LIMITS, gradcheck_work

PROG = "rnn-unfold gradcheck"


def add_arguments(parser) -> None:
    """Options of ``rnn-unfold gradcheck``."""
    add_model_options(parser)
    parser.add_argument("--whole", action="store_true",
                        help="check the whole sequence with the scheme's depth h instead of the "
                             "first update window")
    parser.add_argument("--tolerance", type=float, default=gc.TOLERANCE, metavar="TOL",
                        help=f"largest relative error that passes (default {gc.TOLERANCE:g})")


def run(args) -> int:
    """Run the check; 0 if every parameter passes, 1 if one fails, 2 for bad input."""
    try:
        config = config_from_args(args)
        tol = float(args.tolerance)
        if not (np.isfinite(tol) and tol > 0):
            raise UsageError(f"--tolerance must be a positive number, got {args.tolerance!r}")
    except UsageError as err:
        return fail(PROG, str(err))
    from visualizer.model.session import Session
    session = Session(config)
    tr = session.trainer
    # Finite differences cost two passes per weight: refuse sizes that would run for minutes.
    L = tr.L if args.whole else max(t_end - w0 for w0, t_end, _ in core.windows(tr.scheme, tr.L))
    work, limit = gradcheck_work(L, tr.P, config.M, session.net.N, session.net.O), \
        LIMITS["gradcheck_work"][1]
    if work > limit:
        return fail(PROG, f"checking {config.M} hidden units over {L} steps and {tr.P} "
                          f"sequence(s) means {work:.2g} multiply-adds, more than the limit "
                          f"{limit:.2g}: lower --hidden or --batch"
                          + ("" if not args.whole else ", or drop --whole"))
    if args.whole:
        depth = tr.scheme.h
        what = (f"whole sequence: L = {tr.L}, P = {tr.P}, depth h = "
                f"{'∞' if depth is None else depth}")
        result = gc.gradcheck(session.net, tr.X, tr.D, cost=tr.cost, depth=depth, s0=tr.s0,
                              mask=tr.mask, tolerance=tol)
    else:
        upd = tr.prepare()
        for _ in range(len(list(core.windows(tr.scheme, tr.L))) - 1):
            if upd.pas.deltas.targets.any():
                break
            tr.apply(upd)                 # a window without a target has nothing to check
            upd = tr.prepare()
        what = (f"update {upd.index + 1}: window steps {upd.w0 + 1}-{upd.t_end}, P = {tr.P}, "
                f"every error reaching the window start")
        result = gc.gradcheck_update(session.net, upd, tr.cost, tolerance=tol)
    print(f"{config.task}: {tr.scheme.label()}, f = {config.hidden}, g = {config.output}, "
          f"cost = {config.cost}, M = {config.M}; {what}")
    print(f"central differences, eps = {result.eps:g}, clipping off; "
          f"error = max|a - n| / (max|a| + max|n|)")
    for name in ("V", "U", "W", "theta_h", "theta_o"):
        status = "ok" if result.passed[name] else "FAIL"
        print(f"  {gc.LABELS[name]:<4} {result.errors[name]:.3e}  {status}")
    print("passed" if result.ok else f"FAILED: largest error {result.worst:.3e} > {tol:g}")
    sys.stdout.flush()
    return 0 if result.ok else 1
