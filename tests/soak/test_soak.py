"""Long runs: 10,000 updates played in the real window (all panels) must not grow memory by 20 MB.

Run with ``pytest -m soak tests/soak`` (skipped in the default run).
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

import pytest  # noqa: E402

pytestmark = pytest.mark.soak

UPDATES = 10_000
LIMIT_MB = 20.0


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        resident = int(fh.read().split()[1])
    return resident * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.parametrize("task", ["hello", "echo"])
def test_play_10000_updates_memory_flat(qtbot, task, tmp_path):
    from visualizer.qt import error_hook
    from visualizer.qt.controls import SPEEDS
    from visualizer.qt.main_window import MainWindow
    from visualizer.model.session import Config, Session

    win = MainWindow(Session(Config.for_task(task)))
    qtbot.addWidget(win)
    hook = error_hook.install(win, log_dir=tmp_path)
    win.show()
    win.speed.set_level(len(SPEEDS) - 1)              # fast: whole updates, ~30 redraws a second
    play = win.action_map["actionPlay"]

    def play_until(n):
        play.setChecked(True)
        qtbot.waitUntil(lambda: win.session.trainer.updates >= n or not win.play.playing,
                        timeout=600_000)
        play.setChecked(False)
        win.flush()

    play_until(500)                                    # warm-up: caches, plot items, fonts
    gc.collect()
    tracemalloc.start()
    rss0 = rss_mb()
    snap0 = tracemalloc.take_snapshot()
    t0 = time.perf_counter()
    play_until(500 + UPDATES)
    elapsed = time.perf_counter() - t0
    for _ in range(3):                                  # and some stepping on top
        for name in ("actionStep", "actionNextPhase", "actionNextUpdate"):
            win.action_map[name].trigger()
    win.flush()
    gc.collect()
    rss1 = rss_mb()
    snap1 = tracemalloc.take_snapshot()
    tracemalloc.stop()
    py_growth = sum(s.size_diff for s in snap1.compare_to(snap0, "filename")) / 2**20
    assert win.session.trainer.updates >= 500 + UPDATES, win.session.message
    print(f"\n{task}: {UPDATES} updates in {elapsed:.1f} s; RSS {rss0:.1f} → {rss1:.1f} MB "
          f"(+{rss1 - rss0:.1f}); Python heap +{py_growth:.2f} MB; "
          f"curve points {len(win.session.curve_updates)}")
    assert rss1 - rss0 < LIMIT_MB
    assert py_growth < LIMIT_MB
    hook.uninstall()
