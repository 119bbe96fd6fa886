"""The Qt-free session: stepping, undo, live and structural changes, and what frames show."""
import numpy as np
import pytest

import core
from visualizer.model.frames import build_frame
from visualizer.model.session import Config, Session


@pytest.fixture
def session():
    return Session(Config.for_task("hello", scheme="epochwise"))


def test_step_reveals_phases_in_order(session):
    seen = []
    while not session.applied:
        session.step()
        seen.append(session.phase)
    order = [p for i, p in enumerate(seen) if i == 0 or seen[i - 1] != p]
    assert order == ["forward", "output", "bptt", "foldback", "update"]
    assert session.trainer.updates == 1 and len(session.curve_updates) == 1


def test_step_back_undoes_step_exactly(session):
    for _ in range(5):
        session.step()
    before = build_frame(session)
    session.step()
    session.step_back()
    after = build_frame(session)
    for name in ("x", "s", "y", "edge_V", "edge_U", "edge_W"):
        np.testing.assert_array_equal(getattr(before, name), getattr(after, name))


def test_step_back_over_the_update_restores_weights(session):
    session.next_phase()
    V = session.net.V.copy()
    session.next_update()
    assert not np.array_equal(V, session.net.V)
    session.step_back()
    np.testing.assert_array_equal(V, session.net.V)
    assert session.trainer.updates == 0 and session.curve_updates == []
    session.step()
    assert session.trainer.updates == 1


def test_next_phase_jumps_to_the_end_of_each_phase(session):
    session.next_phase()
    assert session.phase == "forward" and session.timeline.phase(session.position + 1) == "output"
    session.next_phase()
    assert session.phase == "output"


def test_fast_updates_equal_stepped_updates():
    a = Session(Config.for_task("temporal-xor", scheme="boden", h=3))
    b = Session(Config.for_task("temporal-xor", scheme="boden", h=3))
    a.run_updates(25)
    for _ in range(25):
        b.next_update()
    for name in core.PARAMS:
        np.testing.assert_array_equal(getattr(a.net, name), getattr(b.net, name))
    assert a.curve_updates == b.curve_updates


def test_eta_is_live_and_structure_rebuilds(session):
    session.step()
    net = session.net
    events = []
    session.events.connect("structure", lambda: events.append("structure"))
    session.configure(eta=0.5)
    assert session.net is net and session.trainer.eta == 0.5 and events == []
    assert session.position == 1
    session.configure(M=9)
    assert session.net.M == 9 and events == ["structure"]


def test_impossible_choice_leaves_the_session_as_it_was(session):
    cfg = session.config
    with pytest.raises(ValueError, match="linear output"):
        session.configure(output="linear", cost="ce")
    assert session.config == cfg and session.net.output == cfg.output


def test_divergence_is_reported_and_weights_kept():
    s = Session(Config.for_task("sine", eta=100.0, hidden="linear", scheme="epochwise"))
    s.net.U[...] = 30 * np.eye(s.net.M)
    s.refresh()
    messages = []
    s.events.connect("diverged", messages.append)
    U = s.net.U.copy()
    done = s.run_updates(50)
    assert messages and "not finite" in messages[0] and "lower η" in messages[0]
    assert done < 50 and not s.applied
    assert np.isfinite(s.net.U).all()
    if done == 0:
        np.testing.assert_array_equal(U, s.net.U)
    s.reset()
    assert s.message == "" and s.trainer.updates == 0


def test_frame_follows_the_phase(session):
    f = build_frame(session)
    assert np.isnan(f.s[1:]).all() and not np.isnan(f.s[0]).any()
    session.next_phase()                       # forward done
    f = build_frame(session)
    assert f.edge_mode == "signal" and not np.isnan(f.s).any() and not np.isnan(f.y).any()
    assert f.delta_s is None and f.delta_y is None
    l = session.sample
    np.testing.assert_allclose(f.edge_W[0], session.update.pas.trace.s[1, l][None, :] *
                               session.net.W)
    session.next_phase()                       # output errors
    session.next_phase()                       # BPTT
    f = build_frame(session)
    assert f.edge_mode == "error" and f.direction == "backward"
    np.testing.assert_allclose(f.delta_s[1:], session.update.pas.deltas.delta_h[:, l])
    assert np.isnan(f.edge_V).all()            # errors do not flow into the inputs
    session.next_phase()                       # fold-back
    f = build_frame(session)
    assert f.edge_mode == "share"
    np.testing.assert_allclose(f.edge_U, session.update.pas.foldback.U)
    session.edge_pin = "weight"
    f = build_frame(session)
    np.testing.assert_array_equal(f.edge_V[2], session.net.V)


def test_window_slides_under_boden():
    s = Session(Config.for_task("hello", scheme="boden", h=2))
    rebuilt = []
    s.events.connect("window", lambda: rebuilt.append(s.columns))
    assert s.columns == 1                   # the window grows to T copies, then slides
    steps = []
    for _ in range(4):
        s.next_update()
        s.step()
        steps.append(build_frame(s).steps)
    assert steps == [[1, 2], [2, 3], [3, 4], [1]]
    assert rebuilt == [2, 1]
