"""Benchmark of the who-taught-whom matrix against one core.run_pass with by_source=True.

Run from the repository root::

    python tests/benchmarks/bench_attribution.py [--repeats 30]

It measures and prints; it asserts no times (pytest never collects it). At
L = 24, M = 32, P = 16 (N = O = 8, tanh, softmax, cross-entropy, full depth,
every step scored) it times, side by side in one process and taking turns:

- ``pass``: ``core.run_pass(..., by_source=True)``, the pass the matrix reads;
- ``matrix U``: ``attribution.who_taught_whom(pass, "U")``, every C_U(τ, c),
  the matrix A = ‖C_U‖_F and the row, column and grand totals;
- ``cells=False``: the same cells computed, only A and the totals kept;
- ``matrix V, U, θ_h``: the same for the panel's three selectors, with and
  without the cells kept (alternating sizes of the kept cells defeat the
  allocator's reuse: the fresh pages are what the kept version pays for).

The goal of the issue: the matrix costs at most 2× one pass.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
import core  # noqa: E402
from core import attribution  # noqa: E402

CONFIG = dict(N=8, M=32, O=8, L=24, P=16)


def make_problem(N, M, O, L, P, seed=0):
    rng = np.random.default_rng(seed)
    net = core.Network.create(N, M, O, hidden="tanh", output="softmax", seed=seed)
    X = np.eye(N)[rng.integers(0, N, size=(L, P))]
    D = np.eye(O)[rng.integers(0, O, size=(L, P))]
    return net, X, D


def median_times(runners: dict, repeats: int, warmup: int = 3, rounds: int = 3) -> dict:
    """Median seconds per call of each runner, the runners taking turns in blocks."""
    times = {name: [] for name in runners}
    per_round = max(1, -(-repeats // rounds))
    for _ in range(rounds):
        for name, fn in runners.items():
            for _ in range(warmup):
                fn()
            for _ in range(per_round):
                t0 = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=30, help="timed calls per runner")
    args = ap.parse_args(argv)
    net, X, D = make_problem(**CONFIG)
    pas = core.run_pass(net, X, D, cost="ce", by_source=True)

    def run_pass():
        core.run_pass(net, X, D, cost="ce", by_source=True)

    def matrix_u():
        attribution.who_taught_whom(pas, "U")

    def matrix_u_lean():
        attribution.who_taught_whom(pas, "U", cells=False)

    def matrix_all():
        for name in attribution.RECURRENT:
            attribution.who_taught_whom(pas, name)

    def matrix_all_lean():
        for name in attribution.RECURRENT:
            attribution.who_taught_whom(pas, name, cells=False)

    t = median_times({"pass": run_pass, "matrix U": matrix_u, "matrix U lean": matrix_u_lean,
                      "matrix V, U, θ_h": matrix_all, "matrix V, U, θ_h lean": matrix_all_lean},
                     args.repeats)
    w = attribution.who_taught_whom(pas, "U")
    err = float(np.max(np.abs(w.total + pas.grads["U"])))
    print(f"who taught whom at L = {CONFIG['L']}, M = {CONFIG['M']}, P = {CONFIG['P']}, "
          f"N = O = {CONFIG['N']} (tanh, softmax, ce, full depth), median of {args.repeats}")
    print(f"  core.run_pass(by_source=True)   {t['pass'] * 1e3:8.3f} ms")
    print(f"  who_taught_whom(pass, 'U')      {t['matrix U'] * 1e3:8.3f} ms   "
          f"ratio {t['matrix U'] / t['pass']:.2f}x   (goal <= 2x)")
    print(f"  ... cells=False (A and totals) {t['matrix U lean'] * 1e3:8.3f} ms   "
          f"ratio {t['matrix U lean'] / t['pass']:.2f}x")
    print(f"  ... for V, U and theta_h        {t['matrix V, U, θ_h'] * 1e3:8.3f} ms   "
          f"ratio {t['matrix V, U, θ_h'] / t['pass']:.2f}x")
    print(f"  ... for V, U and theta_h, lean  {t['matrix V, U, θ_h lean'] * 1e3:8.3f} ms   "
          f"ratio {t['matrix V, U, θ_h lean'] / t['pass']:.2f}x")
    print(f"  C_U cells: {w.C.shape}; max |Σ C_U + ∂C/∂U| = {err:.1e}")


if __name__ == "__main__":
    main()
