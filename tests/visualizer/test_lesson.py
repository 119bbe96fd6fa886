"""Lessons: the TOML format is validated with one-line messages, and plays against a real Session."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core import diagnostics
from visualizer.model import lesson as L
from visualizer.model import workspace
from visualizer.model.config import LIMITS, Config
from visualizer.model.session import Session

ROOT = Path(__file__).resolve().parents[2]
HEAD = 'title = "T"\n'


def scene(body: str, title: str = "S") -> str:
    return f'[[scene]]\ntitle = "{title}"\n{body}\n'


def played(lesson, session=None):
    """Play ``lesson``; return the session and, per frame, (frame, status, position, timeline)."""
    s = session or Session()
    out = [(f, s.status(), s.position, s.timeline) for f in L.play(lesson, s)]
    return s, out


def last_frames(out) -> dict:
    """Scene index → (status, position, timeline) of its last frame."""
    d = {}
    for f, st, pos, tl in out:
        d[f.scene] = (st, pos, tl)
    return d


# -- the shipped lessons ------------------------------------------------------------------

def test_two_lessons_ship_and_parse():
    paths = L.shipped()
    titles = {L.load(p).title for p in paths}
    assert titles == {"Where δ_j(t−1) comes from", "Vanishing and exploding gradients"}
    for p in paths:
        les = L.load(p)
        assert all(sc.caption.strip() for sc in les.scenes)
        assert les.scenes[0].task == "hello"


def _shipped(name):
    return L.load(L.lessons_dir() / name)


def test_delta_lesson_ends_each_scene_where_it_says():
    les = _shipped("delta-one-copy-back.toml")
    s, out = played(les)
    ends = last_frames(out)
    # every scene that steps "to the end of" a phase stands on that phase's last micro-step
    for i, sc in enumerate(les.scenes):
        st, pos, tl = ends[i]
        if sc.step is not None and sc.step.to_end_of:
            assert tl.steps[pos - 1].phase == sc.step.to_end_of
            assert pos == len(tl) or tl.steps[pos].phase != sc.step.to_end_of
    # scene 1 opens update 4 (the first full window of BPTT(4; 1)) with nothing revealed
    first = out[0]
    assert first[0].scene == 0 and first[1]["update"] == 4 and first[2] == 0
    assert first[3].L == 4 and first[1]["scheme"].startswith("BPTT(4")
    # the "one copy back" scene ends with δ_j revealed for the copy t = 3 (window column 2)
    k = next(i for i, sc in enumerate(les.scenes) if "one copy back" in sc.title)
    st, pos, tl = ends[k]
    assert tl.steps[pos - 1].phase == "bptt" and tl.steps[pos - 1].column == 2
    assert tl.reveal(pos).bptt_from == 2
    assert les.scenes[k].highlights[0] == L.Highlight("node", 3, layer="s", unit=2)
    # and the lesson ends with update 4 applied
    assert s.applied and s.trainer.updates == 4
    # frame durations: each scene's first frame is held, the others last 1 / speed
    for f, *_ in out:
        sc = les.scenes[f.scene]
        assert f.duration == (sc.hold if f.index == 0 else 1.0 / sc.speed)


def test_vanishing_lesson_rescales_u_and_the_norms_fall_then_grow():
    les = _shipped("vanishing-exploding.toml")
    s = Session()
    seen = {}
    for f in L.play(les, s):
        if f.scene in (0, 2) and s.phase == "bptt" and s.position == s.timeline.end_of_phase(
                s.timeline.start_of_phase("bptt")):
            U = s.pass_weights()["U"]
            v = diagnostics.vanishing(s.update.pas, U, s.net.hidden)
            seen[f.scene] = (diagnostics.spectral_radius(U), v.norms)
    (rho0, n0), (rho2, n2) = seen[0], seen[2]
    assert rho0 == pytest.approx(0.5) and rho2 == pytest.approx(3.0)
    assert np.all(np.diff(n0) < 0)            # vanishing: ‖δ(t−z)‖ falls with z
    assert n2[-1] > 10 * n2[0]                # exploding: grows by more than 10 over 3 copies
    assert s.trainer.updates == 20
    assert "vanishing" in les.scenes[0].panels


def test_a_lesson_plays_twice_to_identical_states():
    les = _shipped("vanishing-exploding.toml")

    def run():
        s = Session()
        rec = []
        for f in L.play(les, s):
            rec.append((f, s.position, s.trainer.updates, s.net.U.tobytes()))
        return rec

    assert run() == run()


def test_plan_is_pure_and_names_every_step():
    les = _shipped("delta-one-copy-back.toml")
    a, b = L.plan(les), L.plan(les)
    assert a == b
    kinds = [x.kind for x in a]
    assert kinds[:2] == ["new_run", "start"]
    assert kinds.count("start") == len(les.scenes)
    assert {x.kind for x in a} <= {"new_run", "configure", "start", "micro", "to_end_of", "updates"}


# -- positions ------------------------------------------------------------------------------

def test_start_forward_backward_and_phase():
    text = HEAD + scene('task = "hello"\nstart = { update = 3, micro = 5 }', "a") + \
        scene('start = { update = 2, phase = "bptt" }', "b") + \
        scene('start = { micro = 2 }\nstep = { updates = 2 }', "c")
    les = L.loads(text)
    s, out = played(les)
    (f0, st0, p0, _), (f1, st1, p1, tl1), (f2, st2, p2, _) = out[:3]
    assert (st0["update"], p0) == (3, 5)
    # scene b lies behind scene a: the run restarts from the seed and replays to update 2
    assert (st1["update"], p1) == (2, tl1.start_of_phase("bptt"))
    assert st1["applied"] == 1
    # scene c: micro 2 of the update in progress lies behind: the run restarts once more
    assert (st2["update"], p2, st2["applied"]) == (2, 2, 1)
    # two updates: update 2 finished, then update 3 whole
    assert s.trainer.updates == 3 and s.applied


def test_replay_gives_the_same_weights_as_a_straight_run():
    les = L.loads(HEAD + scene('task = "hello"\nstart = { update = 5 }', "a") +
                  scene('start = { update = 2 }\nstep = { updates = 3 }', "b"))
    s, _ = played(les)
    ref = Session(Config.for_task("hello"))
    ref.run_updates(4)
    assert s.trainer.updates == 4
    for name in ("V", "U", "W"):
        assert np.array_equal(getattr(s.net, name), getattr(ref.net, name))


def test_live_setting_continues_the_run_and_others_restart_it():
    les = L.loads(HEAD + scene('task = "hello"\nstep = { updates = 2 }', "a") +
                  scene('settings = { eta = 0.5 }\nstep = { updates = 1 }', "b") +
                  scene('settings = { M = 5 }', "c"))
    assert [sc.restart for sc in les.scenes] == [True, False, True]
    s = Session()
    marks = {}
    for f in L.play(les, s):
        marks[f.scene] = (s.trainer.updates, s.config.eta, s.config.M)
    assert marks[1] == (3, 0.5, 8)           # continued: 2 + 1 updates, η live
    assert marks[2] == (0, 0.5, 5)           # rebuilt with M = 5 (η carried over)


def test_rho_u_applies_to_the_fresh_network():
    les = L.loads(HEAD + scene('task = "hello"\nsettings = { rho_U = 0.7, seed = 3 }', "a"))
    s, _ = played(les)
    assert s.config.seed == 3
    assert diagnostics.spectral_radius(s.net.U) == pytest.approx(0.7)


def test_a_workspace_scene_plays_from_the_saved_state(tmp_path):
    src = Session(Config.for_task("hello"))
    src.run_updates(3)
    workspace.save(src, tmp_path / "w.rnnu")
    (tmp_path / "l.toml").write_text(HEAD + scene(
        'workspace = "w.rnnu"\nsettings = { eta = 0.3 }\nstep = { updates = 1 }', "w"),
        encoding="utf-8")
    les = L.load(tmp_path / "l.toml")
    s, out = played(les)
    assert out[0][1]["applied"] == 3
    assert s.trainer.updates == 4 and s.config.eta == 0.3


def test_play_errors_name_the_scene():
    les = L.loads(HEAD + scene('task = "hello"\nstart = { update = 1, micro = 500 }', "Far"))
    with pytest.raises(L.LessonError, match=r"^scene 1 \('Far'\): micro-step 500 is beyond"):
        list(L.play(les, Session()))


def test_highlight_forms():
    les = L.loads(HEAD + scene(
        'task = "hello"\nhighlight = ["s_2(3)", { layer = "y", unit = 1, t = 4 }, '
        '{ matrix = "U", row = 1, col = 2, t = 3 }, { copy = 0 }, { source = 4 }]', "h"))
    h = les.scenes[0].highlights
    assert [x.kind for x in h] == ["node", "node", "edge", "copy", "source"]
    assert h[0].label() == "s_2(3)" and h[2].label() == "u_1,2(3)"
    assert h[0].window_column(0) == 2 and h[0].window_column(1) == 1 and h[3].window_column(0) == -1


# -- malformed lessons: one ValueError, one line, naming the scene and the field ---------------

BAD = [
    (scene('task = "hello"\nstpes = 3', "Vanishing"),
     "scene 1 ('Vanishing'): unknown field 'stpes' (did you mean 'step'?)", "stpes"),
    (scene('task = "helo"'), "scene 1 ('S'): 'task' must be one of hello", "task"),
    (scene('task = 3'), "'task' must be one of", "task"),
    (scene('task = "hello"\nsettings = { M = 0 }'), "'settings.M' = 0 is outside", "settings.M"),
    (scene('task = "hello"\nsettings = { M = 100000 }'), "is outside 1..", "settings.M"),
    (scene('task = "hello"\nsettings = { eta = -1 }'), "'settings.eta' = -1.0 is outside",
     "settings.eta"),
    (scene('task = "hello"\nsettings = { eta = "fast" }'), "'settings.eta' must be a number",
     "settings.eta"),
    (scene('task = "hello"\nsettings = { eta = nan }'), "'settings.eta' = nan is outside",
     "settings.eta"),
    (scene('task = "hello"\nsettings = { h = 0 }'), "'settings.h' = 0 is outside", "settings.h"),
    (scene('task = "hello"\nsettings = { seed = -1 }'), "'settings.seed' = -1 is outside",
     "settings.seed"),
    (scene('task = "hello"\nsettings = { P = 2000 }'), "'settings.P' = 2000 is outside",
     "settings.P"),
    (scene('task = "hello"\nsettings = { clip = 0 }'), "'settings.clip' = 0.0 is outside",
     "settings.clip"),
    (scene('task = "hello"\nsettings = { M = true }'), "'settings.M' must be an integer",
     "settings.M"),
    (scene('task = "hello"\nsettings = { hidden = "gelu" }'), "'settings.hidden' must be one of",
     "settings.hidden"),
    (scene('task = "hello"\nsettings = { output = "linear" }'), "cross-entropy is undefined",
     "settings.output"),
    (scene('task = "hello"\nsettings = { rho_U = 0 }'), "'settings.rho_U' = 0.0 is outside",
     "settings.rho_U"),
    (scene('task = "hello"\nsettings = { speed = 1 }'), "unknown field 'settings.speed'",
     "settings.speed"),
    (scene('task = "echo"\nsettings = { task_params = { k = 99 } }'), "k must be",
     "settings.task_params"),
    (scene('task = "hello"\nsettings = { P = 2 }'), "hello has a single sequence", "settings.P"),
    (scene('task = "hello"\nsettings = { task_params = { word = "h" } }'), "word must be",
     "settings.task_params"),
    (scene('task = "hello"\nsettings = { task_params = { k = 2 } }'), "unknown parameter 'k'",
     "settings.task_params"),
    (scene('task = "parity"\nsettings = { output = "softmax", cost = "sse" }'),
     "softmax needs at least two outputs", "settings.output"),
    (scene('workspace = "nowhere.rnnu"'), "workspace file 'nowhere.rnnu' not found", "workspace"),
    (scene('task = "hello"\nworkspace = "w.rnnu"'), "either 'task' or 'workspace'", "workspace"),
    (scene('step = 3'), "the first scene must name a 'task' or a 'workspace'", "task"),
    (scene('task = "hello"\nstep = -1'), "'step' = -1 is outside", "step"),
    (scene('task = "hello"\nstep = { micro = 2, updates = 1 }'), "exactly one of", "step"),
    (scene('task = "hello"\nstep = { to_end_of = "backprop" }'),
     "'step.to_end_of' must be one of forward, output, bptt, foldback, update", "step.to_end_of"),
    (scene('task = "hello"\nstep = "lots"'), "'step' must be a number of micro-steps", "step"),
    (scene('task = "hello"\nstart = { update = 0 }'), "'start.update' = 0 is outside",
     "start.update"),
    (scene('task = "hello"\nstart = { micro = 1, phase = "bptt" }'), "not both", "start.phase"),
    (scene('task = "hello"\nstart = { when = 1 }'), "unknown field 'start.when'", "start.when"),
    (scene('task = "hello"\nstart = 4'), "'start' must be a table", "start"),
    (scene('task = "hello"\nspeed = 0'), "'speed' = 0.0 is outside", "speed"),
    (scene('task = "hello"\npanels = ["inspectr"]'), "'panels' must be one of foldback", "panels"),
    (scene('task = "hello"\npanels = "cost"'), "'panels' must be an array", "panels"),
    (scene('task = "hello"\npanels = ["cost", "cost"]'), "named twice", "panels"),
    (scene('task = "hello"\nhighlight = ["s2(3)"]'), "is not written like", "highlight[1]"),
    (scene('task = "hello"\nhighlight = ["s_9(3)"]'), "'highlight[1].unit' = 9 is outside 0..7",
     "highlight[1].unit"),
    (scene('task = "hello"\nhighlight = ["x_1(0)"]'), "'highlight[1].t' = 0 is outside 1..4",
     "highlight[1].t"),
    (scene('task = "hello"\nhighlight = ["s_1(5)"]'), "'highlight[1].t' = 5 is outside 0..4",
     "highlight[1].t"),
    (scene('task = "hello"\nhighlight = [{ matrix = "Q", row = 0, col = 0, t = 1 }]'),
     "'highlight[1].matrix' must be one of V, U, W", "highlight[1].matrix"),
    (scene('task = "hello"\nhighlight = [{ matrix = "W", row = 4, col = 0, t = 1 }]'),
     "'highlight[1].row' = 4 is outside 0..3", "highlight[1].row"),
    (scene('task = "hello"\nhighlight = [{ matrix = "U", row = 0, t = 1 }]'),
     "'highlight[1]' must be one of", "highlight[1]"),
    (scene('task = "adding"\nhighlight = [{ source = 3 }]'),
     "no error enters at step 3", "highlight[1].source"),
    (scene('task = "hello"\ncaption = 3'), "'caption' must be a string", "caption"),
    (scene('task = "hello"') + scene('settings = { eta = 0.2 }\nstpe = 1', "Second"),
     "scene 2 ('Second'): unknown field 'stpe'", "stpe"),
]


@pytest.mark.parametrize("body, message, field", BAD, ids=[b[2] + str(i) for i, b in enumerate(BAD)])
def test_malformed_scenes_are_refused_with_one_line(tmp_path, body, message, field):
    with pytest.raises(L.LessonError) as info:
        L.loads(HEAD + body, base_dir=tmp_path)
    err = info.value
    assert isinstance(err, ValueError)
    text = str(err)
    assert "\n" not in text
    assert message in text
    assert text.startswith("scene ")
    assert err.field == field and err.scene is not None


@pytest.mark.parametrize("text, message", [
    ('title = "T"\n', "the lesson has no scenes"),
    ('title = "T"\nscene = []\n', "the lesson has no scenes"),
    ('title = "T"\nscene = 3\n', "'scene' must be an array of tables"),
    (scene('task = "hello"'), "missing field 'title'"),
    ('title = ""\n' + scene('task = "hello"'), "the title is empty"),
    ('title = "T"\nversion = 2\n' + scene('task = "hello"'), "version must be 1"),
    ('title = "T"\nauthor = "me"\n' + scene('task = "hello"'), "unknown field 'author'"),
    ('title = "T"\n[[scene]\n', "not TOML"),
    ('title = T\n', "not TOML"),
    ('title = "T"\na = ' + "[" * 50_000 + "]" * 50_000 + "\n", "nested too deeply"),
    ('title = "T"\na = ' + "{b=" * 5_000 + "1" + "}" * 5_000 + "\n", "nested too deeply"),
])
def test_malformed_lessons_are_refused(text, message):
    with pytest.raises(L.LessonError, match=None) as info:
        L.loads(text)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_load_refuses_bad_files_with_the_file_name(tmp_path):
    big = tmp_path / "big.toml"
    big.write_text(HEAD + "# " + "x" * L.MAX_BYTES + "\n" + scene('task = "hello"'))
    with pytest.raises(L.LessonError, match=r"^big\.toml: the file is larger than 1024 KiB$"):
        L.load(big)
    with pytest.raises(L.LessonError, match=r"^lessons: not a regular file$"):
        (tmp_path / "lessons").mkdir()
        L.load(tmp_path / "lessons")
    with pytest.raises(L.LessonError, match=r"^none\.toml: cannot be read"):
        L.load(tmp_path / "none.toml")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"title = \"\xff\xfe\"\n")
    with pytest.raises(L.LessonError, match=r"^bin\.toml: not UTF-8 text$"):
        L.load(binary)
    bad = tmp_path / "bad.toml"
    bad.write_text(HEAD + scene('task = "hello"\nstpes = 1', "Vanishing"), encoding="utf-8")
    with pytest.raises(L.LessonError) as info:
        L.load(bad)
    assert str(info.value) == ("bad.toml: scene 1 ('Vanishing'): unknown field 'stpes' "
                               "(did you mean 'step'?)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_load_does_not_block_on_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(L.LessonError, match="not a regular file"):
        L.load(fifo)


def test_limits_come_from_the_configuration():
    lo, hi = LIMITS["eta"]
    ok = L.loads(HEAD + scene(f'task = "hello"\nsettings = {{ eta = {hi} }}'))
    assert ok.scenes[0].config.eta == hi
    with pytest.raises(L.LessonError):
        L.loads(HEAD + scene(f'task = "hello"\nsettings = {{ eta = {hi * 1.01} }}'))


# -- no Qt ------------------------------------------------------------------------------------

def test_lesson_and_themes_import_no_qt():
    code = ("import sys; import visualizer.model.lesson, visualizer.model.themes; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_new_preset_in_a_continuing_scene_sets_its_own_window():
    les = L.loads(HEAD + scene('task = "hello"\nsettings = { scheme = "boden", h = 3 }', "a") +
                  scene('settings = { scheme = "epochwise" }', "b") +
                  scene('settings = { M = 4 }', "c"))
    a, b, c = (sc.config for sc in les.scenes)
    assert (a.scheme, a.h, a.h_prime) == ("boden", 3, 1)
    assert (b.scheme, b.h, b.h_prime) == ("epochwise", None, None)
    assert (c.scheme, c.h, c.h_prime, c.M) == ("epochwise", None, None, 4)


def test_playing_from_a_later_scene_gives_the_state_it_began_with():
    les = _shipped("delta-one-copy-back.toml")
    whole = Session()
    states = {}
    for f in L.play(les, whole):
        if f.index == 0:
            states[f.scene] = (whole.trainer.updates, whole.position, whole.net.U.tobytes())
    s = Session()
    frames = L.play(les, s, first_scene=4)
    f = next(frames)
    assert (f.scene, f.index) == (4, 0)
    assert (s.trainer.updates, s.position, s.net.U.tobytes()) == states[4]


def test_rehearse_counts_frames_and_finds_play_time_faults():
    les = _shipped("delta-one-copy-back.toml")
    n = L.rehearse(les)
    assert n == sum(1 for _ in L.play(les, Session()))
    # 8 scene openings + 8 forward + 1 output + 1 + 1 + 2 bptt + 4 fold-back + 1 update
    assert n == 8 + 8 + 1 + 1 + 1 + 2 + 4 + 1
    bad = L.loads(HEAD + scene('task = "hello"', "a") +
                  scene('start = { update = 2, micro = 99 }', "Too far"))
    with pytest.raises(L.LessonError, match=r"^scene 2 \('Too far'\): micro-step 99 is beyond "
                                            r"the 21 micro-steps of update 2$"):
        L.rehearse(bad)


def test_full_and_off_words():
    les = L.loads(HEAD + scene('task = "parity"\nsettings = { scheme = "custom", h = "full", '
                               'h_prime = 3, clip = "off" }', "w"))
    c = les.scenes[0].config
    assert (c.scheme, c.h, c.h_prime, c.clip) == ("custom", None, 3, None)
    s, _ = played(les)
    assert s.trainer.scheme.h is None and s.trainer.scheme.h_prime == 3
    with pytest.raises(L.LessonError, match=r"'settings.h' must be an integer or \"full\""):
        L.loads(HEAD + scene('task = "parity"\nsettings = { h = "all" }'))
    with pytest.raises(L.LessonError, match=r"'settings.clip' must be a number or \"off\""):
        L.loads(HEAD + scene('task = "parity"\nsettings = { clip = "none" }'))
