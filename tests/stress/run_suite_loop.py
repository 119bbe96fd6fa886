"""Run the full test suite N times, each in a fresh process, and count the crashes.

    python tests/stress/run_suite_loop.py            # 30 runs
    python tests/stress/run_suite_loop.py -n 5 -- -x tests/visualizer

A crash is a run killed by a signal (a negative return code, e.g. -11 for a
segmentation fault), or one whose output contains "Fatal Python error"
(faulthandler's report, which names the test and the stack). Failing tests are
counted separately: they are not crashes. Every run uses ``python -X
faulthandler``; the output of each crashed run is kept in ``--log-dir``.
Prints one line per run and the totals; exits 1 if any run crashed, 2 if
none crashed but some run failed, 0 otherwise.

This file is not collected by pytest (its name does not start with ``test_``).
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
#: runs when -n is not given (the goal: 0 crashes in 30)
DEFAULT_RUNS = 30
#: a run taking longer than this is stopped and counted as a crash (a hang)
TIMEOUT_S = 1800


def crashed(returncode: int, output: str) -> bool:
    """Whether a run died rather than finished (failed tests are not a crash)."""
    return returncode < 0 or "Fatal Python error" in output or returncode in (134, 139)


def describe(returncode: int) -> str:
    """``-11`` → ``SIGSEGV``; other codes as they are."""
    if returncode < 0:
        try:
            return signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
    return f"exit {returncode}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=DEFAULT_RUNS,
                        help=f"how many runs (default {DEFAULT_RUNS})")
    parser.add_argument("--log-dir", default=os.path.join(tempfile.gettempdir(), "rnnu-stress"),
                        help="where the output of crashed runs is kept")
    parser.add_argument("pytest_args", nargs="*",
                        help="arguments for pytest after -- (default: -q, the whole suite)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    os.makedirs(args.log_dir, exist_ok=True)
    cmd = [sys.executable, "-X", "faulthandler", "-m", "pytest", "-q",
           *args.pytest_args]
    crashes = failures = 0
    for i in range(1, args.runs + 1):
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S)
            code, out = p.returncode, p.stdout + p.stderr
        except subprocess.TimeoutExpired as err:
            code, out = -signal.SIGKILL, f"timeout after {TIMEOUT_S} s\n{err.stdout or ''}"
        took = time.perf_counter() - t0
        tail = out.strip().splitlines()[-1] if out.strip() else ""
        if crashed(code, out):
            crashes += 1
            log = os.path.join(args.log_dir, f"run{i:03d}.log")
            with open(log, "w", encoding="utf-8") as fh:
                fh.write(out)
            print(f"run {i}/{args.runs}: CRASH ({describe(code)}) in {took:.0f} s; output in {log}",
                  flush=True)
        else:
            failures += code != 0
            print(f"run {i}/{args.runs}: {describe(code)} in {took:.0f} s: {tail}", flush=True)
    print(f"{crashes} crash(es) and {failures} failing run(s) in {args.runs} runs")
    return 1 if crashes else (2 if failures else 0)


if __name__ == "__main__":
    sys.exit(main())
