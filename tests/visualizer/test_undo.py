"""Undo and step back: Ctrl+Z / Ctrl+Shift+Z over weight edits, Rescale U and parameter changes;
Left across update boundaries into the previous updates' micro-steps."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6 import QtGui, QtWidgets  # noqa: E402

from visualizer.model.config import HISTORY_UPDATES  # noqa: E402
from visualizer.model.session import Session  # noqa: E402


def act(win, name) -> QtGui.QAction:
    a = win.findChild(QtGui.QAction, name)
    assert a is not None, name
    return a


def weights(s):
    return {k: v.copy() for k, v in s.net.params().items()}


def same(a, b):
    return all(np.array_equal(a[k], b[k]) for k in a)


def test_left_crosses_update_boundaries_into_the_previous_micro_steps(win):
    s = win.session
    before = []
    for _ in range(3):
        before.append((weights(s), len(s.curve_updates)))
        act(win, "actionNextUpdate").trigger()
    act(win, "actionStep").trigger()                 # first micro-step of update 4
    assert s.position == 1 and s.trainer.updates == 3
    act(win, "actionStepBack").trigger()
    assert s.position == 0
    for k in (2, 1, 0):
        act(win, "actionStepBack").trigger()       # into update k+1's last micro-step
        assert s.trainer.updates == k
        assert s.position == len(s.timeline) - 1 and not s.applied
        assert same(weights(s), before[k][0])
        assert len(s.curve_updates) == before[k][1]
        for _ in range(len(s.timeline) - 1):        # back through its micro-steps
            act(win, "actionStepBack").trigger()
        assert s.position == 0
    # the start of the run: Left says so
    act(win, "actionStepBack").trigger()
    assert s.position == 0 and s.trainer.updates == 0
    assert "start of the run" in win.statusBar().currentMessage()


def test_the_step_history_keeps_at_least_twenty_updates():
    assert HISTORY_UPDATES >= 20
    s = Session()
    for _ in range(HISTORY_UPDATES + 5):
        s.next_update()
    back = 0
    while s.step_back():
        if s.position == len(s.timeline) - 1:
            back += 1
    assert back == HISTORY_UPDATES
    assert s.trainer.updates == 5


def test_stepping_forward_again_after_stepping_back_gives_the_same_run():
    a, b = Session(), Session()
    for _ in range(3):
        a.next_update()
        b.next_update()
    for _ in range(2 * len(a.timeline)):
        a.step_back()
    while a.trainer.updates < 3 or not a.applied:
        a.step()
    assert same(weights(a), weights(b))
    assert a.curve_updates == b.curve_updates


def test_ctrl_z_undoes_a_typed_weight_and_ctrl_shift_z_redoes_it(win, monkeypatch):
    s = win.session
    assert act(win, "actionUndo").shortcut().toString() == "Ctrl+Z"
    assert act(win, "actionRedo").shortcut().toString() == "Ctrl+Shift+Z"
    assert not act(win, "actionUndo").isEnabled()
    old = s.net.U.copy()
    monkeypatch.setattr(QtWidgets.QInputDialog, "getDouble", lambda *a, **k: (0.75, True))
    assert win.edit_weight("U", 1, 0, 1)
    assert s.net.U[0, 1] == 0.75
    undo = act(win, "actionUndo")
    assert undo.isEnabled() and "Edit U" in undo.text()
    undo.trigger()
    np.testing.assert_array_equal(s.net.U, old)
    redo = act(win, "actionRedo")
    assert "Edit U" in redo.text()
    redo.trigger()
    assert s.net.U[0, 1] == 0.75


def test_rescale_u_is_undone(win):
    s = win.session
    old = s.net.U.copy()
    change = s.rescale_U(0.5)
    np.testing.assert_array_equal(change.before, old)
    assert abs(s.net.spectral_radius() - 0.5) < 1e-9
    assert act(win, "actionUndo").text().endswith("Rescale U")
    act(win, "actionUndo").trigger()
    np.testing.assert_array_equal(s.net.U, old)
    act(win, "actionRedo").trigger()
    assert abs(s.net.spectral_radius() - 0.5) < 1e-9


def test_a_rebuilding_parameter_change_is_undone_with_the_trained_network(win):
    s = win.session
    for _ in range(3):
        s.next_update()
    trained, M = weights(s), s.config.M
    s.configure(M=M + 2)
    assert s.net.M == M + 2 and s.trainer.updates == 0
    assert "Change M" in act(win, "actionUndo").text()
    act(win, "actionUndo").trigger()
    assert s.config.M == M and s.trainer.updates == 3 and same(weights(s), trained)
    act(win, "actionRedo").trigger()
    assert s.net.M == M + 2


def test_a_live_change_of_eta_is_undone(win):
    s = win.session
    eta = s.config.eta
    s.configure(eta=eta * 2)
    act(win, "actionUndo").trigger()
    assert s.config.eta == eta and s.trainer.eta == eta


def _whole(s):
    """Everything the trainer would save, with the sequence arrays (of s only the rows written
    so far: the rest is uninitialised memory, np.empty)."""
    st = s.trainer.state()
    st["s_hist"] = st["s_hist"][:s.trainer.window[0] + 1]
    return st


def _same_state(a, b):
    for k in a:
        if isinstance(a[k], np.ndarray):
            assert np.array_equal(a[k], b[k]), k
        else:
            assert a[k] == b[k], k


def test_stepping_back_through_new_epochs_with_new_data_restores_each_state_exactly():
    """temporal-xor draws new training sequences at each pass: stepping back over the end of a
    pass must bring back the old data and the old state history s, not only the weights."""
    from visualizer.model.config import Config
    s = Session(Config.for_task("temporal-xor", P=2, scheme="chunked", h=6, h_prime=6))
    per_pass = len(list(s.trainer._windows))
    seen = []
    for _ in range(2 * per_pass + 1):           # over two ends of a pass
        seen.append((weights(s), _whole(s), list(s.curve_updates)))
        s.next_update()
    assert s.trainer.epoch == 2
    for w, st, curve in reversed(seen):
        while True:                               # back to that update's first micro-step
            assert s.step_back()
            if s.position == 0 and not s.applied:
                break
        assert same(weights(s), w)
        _same_state(_whole(s), st)
        assert s.curve_updates == curve


def test_the_step_history_does_not_copy_the_training_data_at_each_update():
    from visualizer.model.session import _nbytes
    s = Session()
    data = s.trainer.X.nbytes + s.trainer.D.nbytes + s.trainer.mask.nbytes
    for _ in range(20):
        s.next_update()
    seen = set()
    held = sum(_nbytes(e, seen) for e in s.history)
    one_update = _nbytes(s.history[-1][3])
    # the data counted once (shared), plus per entry its weights, window rows and update
    assert held < data + 20 * (one_update + 4 * _nbytes(s.net.params()) + 4096), (held, data)


def test_the_step_history_keeps_within_its_share_of_the_memory_budget():
    from visualizer.model.config import HISTORY_BUDGET_SHARE
    from visualizer.model.session import _nbytes
    s = Session()
    s.next_update()
    entry = _nbytes(s.history[-1])
    s.memory_budget = int(5.5 * entry / HISTORY_BUDGET_SHARE)     # room for about five entries
    for _ in range(20):
        s.next_update()
    assert 3 <= len(s.history) <= 6
    s.memory_budget = 1                                           # no room: the newest is kept
    s.next_update()
    assert len(s.history) == 1 and s.step_back()
