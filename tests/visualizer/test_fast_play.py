"""Fast play computes only what is shown: sparse evaluation, and the view's shortcuts draw the same pixels."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from visualizer.model.config import Config  # noqa: E402
from visualizer.model.session import Session  # noqa: E402


def _weights(s):
    return {k: v.copy() for k, v in s.net.params().items()}


def test_sparse_evaluation_trains_the_same_and_evaluates_once_per_call():
    every = Session(Config.for_task("elman-letters", seed=3))
    sparse = Session(Config.for_task("elman-letters", seed=3))
    assert every.run_updates(12) == sparse.run_updates(12, every_epoch=False) == 12
    for name, w in _weights(every).items():
        np.testing.assert_array_equal(w, sparse.net.params()[name])
    assert every.curve_updates == sparse.curve_updates
    # several epochs ended: one point each in the full curve, one for the whole call in the sparse one
    assert len(every.curve_eval) >= 3
    assert len(sparse.curve_eval) == 2 and sparse.curve_eval[0] == every.curve_eval[0]
    update, train, test = sparse.curve_eval[-1]
    assert update == sparse.trainer.updates == 12
    assert train == sparse.task.score(sparse.net)
    # the shown update is still computed in detail (per copy, per source)
    assert sparse.update.pas.deltas.by_source is not None
    # no epoch ends within a call: nothing evaluated
    n = len(sparse.curve_eval)
    epoch = sparse.trainer.epoch
    sparse.run_updates(1, every_epoch=False)
    assert len(sparse.curve_eval) == n + (sparse.trainer.epoch != epoch)


def test_sparse_evaluation_records_the_epoch_before_a_refused_update():
    s = Session(Config.for_task("sine", eta=100.0, hidden="linear", scheme="epochwise"))
    s.net.U[...] = 30 * np.eye(s.net.M)
    s.refresh()
    n0 = len(s.curve_eval)
    done = s.run_updates(50, every_epoch=False)
    assert done < 50 and "not finite" in s.message      # diverged and said so
    # epochwise: every applied update ended an epoch; the last one is evaluated, once
    assert done >= 1 and len(s.curve_eval) == n0 + 1
    assert s.curve_eval[-1][0] == s.trainer.updates == done


def test_node_symbols_looked_up_per_pair_draw_what_pyqtgraph_draws(qapp):
    from visualizer.model.view_frame import ViewFrame
    from visualizer.qt.unfolded.view import UnfoldedView

    N, M, O, T = 3, 6, 2, 4
    rng = np.random.default_rng(7)
    frame = ViewFrame(
        x=rng.random((T, N)), s=rng.uniform(-1, 1, (T + 1, M)), y=rng.random((T, O)),
        edge_V=rng.normal(size=(T, M, N)), edge_U=rng.normal(size=(T, M, M)),
        edge_W=rng.normal(size=(T, O, M)),
        delta_s=rng.normal(size=(T + 1, M)), delta_y=rng.normal(size=(T, O)),
        edge_mode="error", steps=list(range(1, T + 1)), z=list(range(T - 1, -1, -1)),
        active_column=1, active_layer="s", direction="backward", caption="c", title="t")
    frame.s[2, 3] = np.nan       # a node not revealed yet: grey fill, grey outline
    images = []
    for own_lookup in (True, False):
        v = UnfoldedView()
        if not own_lookup:      # pyqtgraph looks every spot up itself
            v._node_rects = lambda data, b, pi: np.zeros(len(b), dtype=data["sourceRect"].dtype)
        v.set_structure(N, M, O, T)
        v.set_frame(frame)
        v.set_frame(frame)      # a second frame reuses the atlas entries
        if own_lookup:
            rects = v._nodes.data["sourceRect"]
            assert (rects["w"] > 0).all()       # every node has its symbol
        images.append(v.render_to_image(500, 300))
        v.deleteLater()
    assert images[0] == images[1]


def test_fast_play_tells_the_views_only_when_a_redraw_is_affordable(qapp):
    from visualizer.qt.controls import SPEEDS, PlayController

    s = Session(Config.for_task("elman-letters", seed=1))
    frames, costs = [], []
    s.events.connect("frame", lambda *a: frames.append(s.trainer.updates))
    s.events.connect("cost", lambda *a: costs.append(s.trainer.updates))
    play = PlayController(s)
    play.set_level(len(SPEEDS) - 1)
    assert play.speed.kind == "fast"
    play.set_playing(True)
    play._redraw = 1e3          # a redraw "costs" 1000 s: no slice may afford telling the views
    for _ in range(5):
        play._tick()
    assert s.trainer.updates > 5 and frames == [] and costs == []
    assert len(s.curve_eval) == 1                   # epochs ended, none evaluated yet
    play.set_playing(False)     # pausing shows where training is
    assert frames == costs == [s.trainer.updates]
    assert s.position == len(s.timeline) and s.update.pas.deltas.by_source is not None
    assert len(s.curve_eval) == 2 and s.curve_eval[-1][0] == s.trainer.updates
    assert s.curve_eval[-1][1] == s.task.score(s.net)


def test_fast_play_tells_the_views_when_a_redraw_is_cheap(qapp):
    from visualizer.qt.controls import SPEEDS, PlayController

    s = Session(Config.for_task("elman-letters", seed=1))
    frames = []
    s.events.connect("frame", lambda *a: frames.append(s.trainer.updates))
    play = PlayController(s)
    play.set_level(len(SPEEDS) - 1)
    play.set_playing(True)
    for _ in range(12):
        play._tick()            # free redraws: shown as often as 30 a second allows
    shown_while_playing = len(frames)
    play.set_playing(False)
    assert 1 <= shown_while_playing <= 12
    assert frames[-1] == s.trainer.updates and frames == sorted(set(frames))
