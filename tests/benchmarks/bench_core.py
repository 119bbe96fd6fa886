"""Benchmark of core.gradients against its sequential bound, PyTorch autograd and a Python loop.

Run from the repository root::

    python tests/benchmarks/bench_core.py [--repeats 15]

It measures and prints; it asserts no times (pytest never collects it).

BPTT has an irreducible serial part, and this script times it in the same run,
on the same arrays, as *the sequential bound*:

- 2·L step products (P×M)·(M×M), one per step forwards (s(t−1) Uᵀ) and one
  backwards (δ(t) U), each written into a preallocated array (``out=``);
- the fold-back products ΔV, ΔU, ΔW, each one large matmul over all copies;
- f and f′ on one step's (P, M) array, in place, L times each.

``core.gradients`` and ``core.run_pass`` (with the per-copy terms a view
asks for) are reported as a ratio to that bound, next to PyTorch's ratio
(``nn.RNN`` + ``Linear`` + ``cross_entropy`` + ``backward``, float64, the same
threads) and a per-sample loop in the style of min-char-rnn. Full BPTT of an
Elman network with tanh hidden units, softmax outputs and cross-entropy, at
N = O = 16, L = 32, P = 64 and M = 32 and 256. The goals of issue 15:
core.gradients at most 1.3× the bound at M = 256 and at most 2× at M = 32.

All runners take turns in blocks that each start with a warm-up, and the
median is reported.
"""
from __future__ import annotations

import argparse
import ctypes
import glob
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
import core  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:        # the comparison column is left empty
    torch = None

CONFIGS = [  # (N = O, M, L, P)
    dict(N=16, M=32, O=16, L=32, P=64),
    dict(N=16, M=256, O=16, L=32, P=64),
]


def numpy_blas_threads() -> int | None:
    """Threads of numpy's bundled OpenBLAS, asked from the library itself."""
    libdir = os.path.join(os.path.dirname(np.__file__) + ".libs")
    for path in glob.glob(os.path.join(libdir, "libscipy_openblas*.so*")):
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads",
                     "openblas_get_num_threads64_", "openblas_get_num_threads"):
            fn = getattr(lib, name, None)
            if fn is not None:
                fn.restype = ctypes.c_int
                return int(fn())
    return None


def core_flops(N, M, O, L, P) -> int:
    """Floating-point operations of core.gradients' matmuls, full depth, no mask.

    A (a × b) @ (b × c) product counts 2·a·b·c. Over all L steps, P samples:
      forward   X V^T  2·LP·N·M     s(t−1) U^T  2·LP·M·M     s W^T       2·LP·M·O
      backward  δ_o W  2·LP·O·M     δ(t) U      2·LP·M·M
      fold-back δ^T X  2·LP·M·N     δ^T s(t−1)  2·LP·M·M     δ_o^T s     2·LP·O·M
    total = 2·L·P·(3·M² + 2·M·N + 3·M·O); elementwise work (f, f', softmax) is not counted.
    """
    return 2 * L * P * (3 * M * M + 2 * M * N + 3 * M * O)


def set_numpy_blas_threads(n: int) -> bool:
    """Ask numpy's bundled OpenBLAS to use ``n`` threads; False when it cannot be reached."""
    libdir = os.path.join(os.path.dirname(np.__file__) + ".libs")
    for path in glob.glob(os.path.join(libdir, "libscipy_openblas*.so*")):
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                     "openblas_set_num_threads64_", "openblas_set_num_threads"):
            fn = getattr(lib, name, None)
            if fn is not None:
                fn(ctypes.c_int(n))
                return True
    return False


def make_data(N, M, O, L, P, seed=0):
    rng = np.random.default_rng(seed)
    net = core.Network.create(N, M, O, hidden="tanh", output="softmax", seed=seed)
    X = np.eye(N)[rng.integers(0, N, size=(L, P))]           # one-hot, like characters
    labels = rng.integers(0, O, size=(L, P))
    D = np.eye(O)[labels]
    return net, X, D, labels


# -- (a) core ---------------------------------------------------------------------
def core_runner(net, X, D):
    def run():
        return core.gradients(net, X, D, cost="ce")
    return run


def pass_runner(net, X, D):
    def run():
        return core.run_pass(net, X, D, cost="ce", per_copy=True)
    return run


# -- the sequential bound ------------------------------------------------------------
def bound_runners(net, X, D) -> dict:
    """The serial work of one full-BPTT pass, on the pass's own arrays: see the module docstring.

    Returns runners for its three parts; their medians add up to the bound.
    """
    L, P, N = X.shape
    M = net.M
    p = core.run_pass(net, X, D, cost="ce")
    s, delta_j, delta_k = p.trace.s, p.deltas.delta_h, p.deltas.delta_o
    U, U_T = net.U, net.U.T
    buf = np.empty((P, M))
    step_s = s[L // 2 + 1]

    def step_products():
        for t in range(L):
            np.matmul(s[t], U_T, out=buf)               # forwards: s(t−1) Uᵀ
        for t in range(L - 1, -1, -1):
            np.matmul(delta_j[t], U, out=buf)           # backwards: δ(t) U

    dT = delta_j.reshape(L * P, M).T
    kT = delta_k.reshape(L * P, -1).T
    X2, s_prev, s_now = X.reshape(L * P, N), s[:-1].reshape(L * P, M), s[1:].reshape(L * P, M)
    gV, gU, gW = np.empty((M, N)), np.empty((M, M)), np.empty((kT.shape[0], M))

    def fold_back():
        np.matmul(dT, X2, out=gV)
        np.matmul(dT, s_prev, out=gU)
        np.matmul(kT, s_now, out=gW)

    net_step = p.trace.net_h[L // 2]
    out = np.empty((P, M))

    def f_and_slope():
        for _ in range(L):
            np.tanh(net_step, out=out)                  # f on one step's array
        for _ in range(L):
            np.multiply(step_s, step_s, out=out)        # f′ = 1 − s², in place
            np.subtract(1.0, out, out=out)

    return {"bound: step products": step_products, "bound: fold-back": fold_back,
            "bound: f and f′": f_and_slope}


# -- (b) PyTorch --------------------------------------------------------------------
def torch_runner(net, X, labels):
    N, M, O = net.N, net.M, net.O
    rnn = torch.nn.RNN(N, M, nonlinearity="tanh", bias=True).double()
    lin = torch.nn.Linear(M, O).double()
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(torch.from_numpy(net.V))
        rnn.weight_hh_l0.copy_(torch.from_numpy(net.U))
        rnn.bias_ih_l0.copy_(torch.from_numpy(net.theta_h))
        rnn.bias_hh_l0.zero_()
        lin.weight.copy_(torch.from_numpy(net.W))
        lin.bias.copy_(torch.from_numpy(net.theta_o))
    params = list(rnn.parameters()) + list(lin.parameters())
    x = torch.from_numpy(X)
    target = torch.from_numpy(labels).reshape(-1)

    def run():
        for p in params:
            p.grad = None
        out, _ = rnn(x)                        # h0 = zeros, like core's default s(0)
        loss = F.cross_entropy(lin(out).reshape(-1, O), target, reduction="sum")
        loss.backward()
        return {"V": rnn.weight_ih_l0.grad, "U": rnn.weight_hh_l0.grad,
                "theta_h": rnn.bias_ih_l0.grad, "W": lin.weight.grad, "theta_o": lin.bias.grad}
    return run


# -- (c) a per-sample loop, min-char-rnn style ------------------------------------
def loop_runner(net, X, D):
    Wxh, Whh, Why, bh, by = net.V, net.U, net.W, net.theta_h, net.theta_o
    L, P, _ = X.shape

    def run():
        dWxh, dWhh, dWhy = np.zeros_like(Wxh), np.zeros_like(Whh), np.zeros_like(Why)
        dbh, dby = np.zeros_like(bh), np.zeros_like(by)
        for l in range(P):
            xs, hs, ps = {}, {-1: np.zeros(net.M)}, {}
            for t in range(L):
                xs[t] = X[t, l]
                hs[t] = np.tanh(Wxh @ xs[t] + Whh @ hs[t - 1] + bh)
                ys = Why @ hs[t] + by
                e = np.exp(ys - ys.max())
                ps[t] = e / e.sum()
            dhnext = np.zeros(net.M)
            for t in reversed(range(L)):
                dy = ps[t] - D[t, l]
                dWhy += np.outer(dy, hs[t])
                dby += dy
                dh = Why.T @ dy + dhnext
                dhraw = (1 - hs[t] * hs[t]) * dh
                dbh += dhraw
                dWxh += np.outer(dhraw, xs[t])
                dWhh += np.outer(dhraw, hs[t - 1])
                dhnext = Whh.T @ dhraw
        return {"V": dWxh, "U": dWhh, "W": dWhy, "theta_h": dbh, "theta_o": dby}
    return run


def median_times(runners: dict, repeats: int, warmup: int = 1, rounds: int | None = None,
                 best: dict | None = None) -> dict:
    """Median seconds of each runner (and, into ``best``, the fastest call).

    The runners take turns in ``rounds`` blocks (one per timed call by default,
    so a drifting machine load hits them alike); each block starts with
    ``warmup`` untimed calls. torch's
    OpenMP workers spin for 200 ms after a call (KMP_BLOCKTIME), so the next
    runner waits until they have fallen asleep before it is timed on the same
    2 cores.
    """
    times = {name: [] for name in runners}
    rounds = repeats if rounds is None else rounds
    per_round = max(1, -(-repeats // rounds))
    for _ in range(rounds):
        for name, run in runners.items():
            for _ in range(warmup):
                run()
            for _ in range(per_round):
                t0 = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - t0)
            if name == "torch":
                time.sleep(0.4)
    if best is not None:
        best.update({name: min(ts) for name, ts in times.items()})
    return {name: statistics.median(ts) for name, ts in times.items()}


def max_rel_diff(a: dict, b: dict) -> float:
    out = 0.0
    for k in core.PARAMS:
        x, y = np.asarray(a[k]), np.asarray(b[k].detach() if hasattr(b[k], "detach") else b[k])
        out = max(out, float(np.max(np.abs(x - y)) / max(np.max(np.abs(y)), 1e-300)))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=30, help="timed calls per runner and configuration")
    ap.add_argument("--loop-repeats", type=int, default=1,
                    help="timed rounds of the slow per-sample loop (0 = skip it)")
    ap.add_argument("--threads", type=int, default=None,
                    help="BLAS threads for numpy and torch alike (default: numpy's own); "
                         "1 gives steadier figures on a loaded machine")
    args = ap.parse_args(argv)

    if args.threads is not None:
        set_numpy_blas_threads(args.threads)
    blas = numpy_blas_threads()
    threads = blas if blas is not None else (os.cpu_count() or 1)
    if torch is not None:
        torch.set_num_threads(threads)
    print(f"numpy {np.__version__}: OpenBLAS threads = {blas if blas is not None else '?'}; "
          f"torch {torch.__version__ if torch else '(absent)'}: "
          f"threads = {torch.get_num_threads() if torch else '-'}; cpus = {os.cpu_count()}")
    print(f"load average before the run: {os.getloadavg()[0]:.2f} (timings are noisy when > 0)\n")

    rows = []
    for cfg in CONFIGS:
        N, M, O, L, P = cfg["N"], cfg["M"], cfg["O"], cfg["L"], cfg["P"]
        label = f"N=O={N}, M={M}, L={L}, P={P}"
        net, X, D, labels = make_data(N, M, O, L, P)
        runners = dict(bound_runners(net, X, D))
        runners["core.gradients"] = core_runner(net, X, D)
        runners["core.run_pass(per_copy)"] = pass_runner(net, X, D)
        if torch is not None:
            runners["torch"] = torch_runner(net, X, labels)
        ref = runners["core.gradients"]()
        if torch is not None:
            print(f"{label}: max relative difference core vs torch "
                  f"{max_rel_diff(ref, runners['torch']()):.1e}")
        fastest = {}
        t = median_times(runners, args.repeats, best=fastest)
        if args.loop_repeats:
            loop = loop_runner(net, X, D)
            print(f"{label}: max relative difference core vs loop {max_rel_diff(ref, loop()):.1e}")
            t["loop"] = median_times({"loop": loop}, args.loop_repeats, warmup=0,
                                     rounds=1)["loop"]
        bound = sum(v for k, v in t.items() if k.startswith("bound"))
        best_bound = sum(v for k, v in fastest.items() if k.startswith("bound"))
        parts = ", ".join(f"{k[7:]} {v * 1e3:.2f}" for k, v in t.items() if k.startswith("bound"))
        print(f"{label}: bound {bound * 1e3:.2f} ms = {parts} ms; core "
              f"{core_flops(N, M, O, L, P) / t['core.gradients'] / 1e9:.1f} GFLOP/s")
        print(f"{label}: fastest calls: bound {best_bound * 1e3:.2f} ms, " + ", ".join(
            f"{name} {fastest[name] / best_bound:.2f}×" for name in
            ("core.gradients", "core.run_pass(per_copy)", "torch") if name in fastest))
        rows.append((label, bound, t))

    print()
    print("| config | bound ms | core.gradients ms (× bound) | core.run_pass per-copy ms (× bound) "
          "| torch ms (× bound) | loop ms (× bound) |")
    print("|---|---|---|---|---|---|")
    for label, bound, t in rows:
        cells = []
        for name in ("core.gradients", "core.run_pass(per_copy)", "torch", "loop"):
            v = t.get(name)
            cells.append("-" if v is None else f"{v * 1e3:.2f} ({v / bound:.2f}×)")
        print(f"| {label} | {bound * 1e3:.2f} | " + " | ".join(cells) + " |")
    print(f"\nload average after the run: {os.getloadavg()[0]:.2f}")
    print("goals: core.gradients ≤ 1.3× the bound at M = 256 and ≤ 2× at M = 32")


if __name__ == "__main__":
    main()
