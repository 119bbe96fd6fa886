"""Workspace files: exact round trip, atomic saving, and every kind of bad file refused cleanly."""
import io
import json
import os
import pickle
import zipfile

import numpy as np
import pytest

import core
import core.tasks
from core import datasets
from visualizer.model import workspace
from visualizer.model.session import Config, Session
from visualizer.model.workspace import WorkspaceError


def weights(s):
    return {k: getattr(s.net, k).copy() for k in core.PARAMS}


def same_weights(a, b):
    return all(np.array_equal(getattr(a.net, k), getattr(b.net, k)) for k in core.PARAMS)


def fingerprint(s):
    return (weights(s), s.config, s.position, list(s.curve_updates), list(s.curve_eval),
            s.trainer.updates, s.trainer.rng.bit_generator.state, s.message, s.task.name)


def same_fingerprint(a, b):
    wa, *ra = a
    wb, *rb = b
    return all(np.array_equal(wa[k], wb[k]) for k in wa) and ra == rb


def pack(meta, arrays):
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("workspace.json", json.dumps(meta))
        zf.writestr("arrays.npz", buf.getvalue())
    return out.getvalue()


def text_task():
    return datasets.text_task("the quick brown fox jumps over the lazy dog. " * 8, name="fox")


def csv_task():
    rows = "x,d\n" + "".join(f"{np.sin(i / 3):.4f},{np.sin((i + 1) / 3):.4f}\n"
                             for i in range(60))
    return datasets.csv_task(datasets.parse_table(rows), "x", "d", sequence_length=12,
                             name="sine.csv")


def make(kind):
    if kind == "text":
        return Session(task=text_task())
    if kind == "csv":
        return Session(task=csv_task())
    return Session(Config.for_task(kind))


POSITIONS = {
    "start": lambda s: None,
    "micro": lambda s: [s.run_updates(7), [s.step() for _ in range(3)]],
    "phase": lambda s: [s.run_updates(7), [s.next_phase() for _ in range(2)]],
    "applied": lambda s: [s.run_updates(7), s.next_update()],
    "fast": lambda s: s.run_updates(12),
}


# -- round trip -----------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["hello", "temporal-xor", "echo", "adding", "text", "csv"])
@pytest.mark.parametrize("where", list(POSITIONS))
def test_round_trip_continues_bit_for_bit(tmp_path, kind, where):
    a, b = make(kind), make(kind)
    for s in (a, b):
        POSITIONS[where](s)
    path = tmp_path / "w.rnnu"
    workspace.save(a, path)
    c = workspace.load(path)
    assert c.config == b.config or kind in ("text", "csv")
    assert c.curve_updates == b.curve_updates
    assert c.curve_eval == b.curve_eval
    if where != "fast":                     # a fast run resumes before the next update
        assert c.position == b.position and c.phase == b.phase
    for i in range(20):                      # the next 20 micro-steps
        b.step()
        c.step()
        assert same_weights(b, c), i
    b.run_updates(20)                        # and the next 20 whole updates
    c.run_updates(20)
    assert same_weights(b, c)
    assert c.curve_updates == b.curve_updates
    assert c.trainer.rng.bit_generator.state == b.trainer.rng.bit_generator.state


def test_applied_update_can_be_stepped_back_after_opening(tmp_path):
    a = make("echo")
    a.run_updates(3)
    a.next_update()
    workspace.save(a, tmp_path / "w.rnnu")
    c = workspace.load(tmp_path / "w.rnnu")
    assert c.applied
    assert a.step_back() and c.step_back()
    assert same_weights(a, c) and a.position == c.position


def test_diverged_session_round_trip(tmp_path):
    a = Session(Config.for_task("adding", eta=50.0))
    with np.errstate(all="ignore"):
        n = a.run_updates(200)
    assert n < 200 and a.message
    workspace.save(a, tmp_path / "d.rnnu")
    c = workspace.load(tmp_path / "d.rnnu")
    assert c.message == a.message and c.position == a.position
    assert same_weights(a, c)
    assert all(np.isfinite(v).all() for v in c.net.params().values())


def test_load_into_keeps_listeners_and_emits(tmp_path):
    src = make("echo")
    src.run_updates(4)
    workspace.save(src, tmp_path / "w.rnnu")
    s = make("hello")
    seen = []
    for name in ("structure", "frame", "cost", "config"):
        s.events.connect(name, lambda *a, n=name: seen.append(n))
    events = s.events
    workspace.load_into(s, tmp_path / "w.rnnu")
    assert s.events is events
    assert {"structure", "frame", "cost", "config"} <= set(seen)
    assert s.task.name == "echo" and same_weights(s, src)


def test_cli_load_api_for_export(tmp_path):
    s = make("text")
    workspace.save(s, tmp_path / "t.rnnu")
    t = workspace.load(str(tmp_path / "t.rnnu"))
    assert isinstance(t, Session) and t.task.name == "text:fox"
    assert t.task.decode(t.task.X[:3, 0]).tolist() == list("the")


# -- atomic saving ----------------------------------------------------------------------

def test_crash_mid_save_leaves_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "w.rnnu"
    s = make("echo")
    workspace.save(s, path)
    old = path.read_bytes()
    s.run_updates(10)

    def half(fh, data):
        fh.write(data[:len(data) // 2])
        raise RuntimeError("power cut")
    monkeypatch.setattr(workspace, "_write_all", half)
    with pytest.raises(RuntimeError, match="power cut"):
        workspace.save(s, path)
    assert path.read_bytes() == old
    assert os.listdir(tmp_path) == ["w.rnnu"]
    monkeypatch.undo()
    workspace.load(path)                      # still a good file


def test_failed_replace_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "w.rnnu"

    def boom(a, b):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(workspace.os, "replace", boom)
    with pytest.raises(WorkspaceError, match="No space left") as info:
        workspace.save(make("hello"), path)
    assert "\n" not in str(info.value)
    assert os.listdir(tmp_path) == []


def test_save_into_missing_folder_is_workspace_error(tmp_path):
    with pytest.raises(WorkspaceError):
        workspace.save(make("hello"), tmp_path / "no" / "w.rnnu")


def test_file_is_a_zip_with_json_and_npz_and_no_pickles(tmp_path):
    path = tmp_path / "w.rnnu"
    workspace.save(make("text"), path)
    with zipfile.ZipFile(path) as zf:
        assert set(zf.namelist()) == {"workspace.json", "arrays.npz"}
        meta = json.loads(zf.read("workspace.json"))
        npz = np.load(io.BytesIO(zf.read("arrays.npz")), allow_pickle=False)
        assert all(npz[k].dtype != object for k in npz.files)
    assert meta["format"] == workspace.FORMAT and meta["version"] == workspace.VERSION


# -- bad files: refused with WorkspaceError, the open session untouched -------------------

@pytest.fixture
def good(tmp_path):
    s = make("echo")
    s.run_updates(3)
    s.step()
    path = tmp_path / "good.rnnu"
    workspace.save(s, path)
    return path


@pytest.fixture
def victim():
    s = make("hello")
    s.run_updates(2)
    s.step()
    return s


def refused(victim, data, tmp_path, match=None):
    path = tmp_path / "bad.rnnu"
    path.write_bytes(data)
    before = fingerprint(victim)
    with pytest.raises(WorkspaceError, match=match) as info:
        workspace.load_into(victim, path)
    msg = str(info.value)
    assert msg and "\n" not in msg
    assert same_fingerprint(before, fingerprint(victim))
    return msg


def test_truncated_at_every_tenth_byte(good, victim, tmp_path):
    data = good.read_bytes()
    before = fingerprint(victim)
    for n in range(0, len(data), 10):
        with pytest.raises(WorkspaceError):
            workspace.from_bytes(data[:n], "t.rnnu")
    refused(victim, data[: len(data) // 2], tmp_path)
    assert same_fingerprint(before, fingerprint(victim))


def test_flipped_bytes(good, victim, tmp_path):
    data = bytearray(good.read_bytes())
    rng = np.random.default_rng(0)
    for _ in range(300):
        bad = bytearray(data)
        for i in rng.integers(0, len(bad), size=3):
            bad[i] ^= int(rng.integers(1, 256))
        try:
            workspace.from_bytes(bytes(bad), "f.rnnu")
        except WorkspaceError:
            pass          # either refused with WorkspaceError or (rarely, a harmless byte) read


def test_random_bytes_and_empty(victim, tmp_path):
    rng = np.random.default_rng(1)
    assert "not an rnn-unfold" in refused(victim, rng.bytes(5000), tmp_path)
    refused(victim, b"", tmp_path)
    refused(victim, b"PK\x03\x04" + rng.bytes(300), tmp_path, "damaged")


def test_foreign_zip(victim, tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    assert "not an rnn-unfold" in refused(victim, buf.getvalue(), tmp_path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("workspace.json", json.dumps({"format": "something else", "version": 1}))
        zf.writestr("arrays.npz", b"")
    refused(victim, buf.getvalue(), tmp_path, "not an rnn-unfold")


def test_newer_version(good, victim, tmp_path):
    meta, arrays = workspace.describe(workspace.load(good))
    meta["version"] = workspace.VERSION + 1
    msg = refused(victim, pack(meta, arrays), tmp_path, "newer")
    assert "update" in msg


def test_pickled_object_array(good, victim, tmp_path):
    meta, arrays = workspace.describe(workspace.load(good))
    arrays["net_V"] = np.array([{"evil": 1}, None], dtype=object)
    refused(victim, pack(meta, arrays), tmp_path, "object|pickle")

    class Boom:
        def __reduce__(self):
            return (os.system, ("echo pwned > /dev/null",))
    arrays["net_V"] = np.array([Boom()], dtype=object)
    refused(victim, pack(meta, arrays), tmp_path, "object|pickle")
    # a raw pickle instead of the npz
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("workspace.json", json.dumps(meta))
        zf.writestr("arrays.npz", pickle.dumps(arrays))
    refused(victim, buf.getvalue(), tmp_path)


def test_nan_weights_and_state(good, victim, tmp_path):
    for key in ("net_U", "tr_s0", "tr_X", "tr_history", "before_V"):
        meta, arrays = workspace.describe(workspace.load(good))
        if key not in arrays:
            continue
        arrays[key] = arrays[key].copy()
        arrays[key].flat[0] = np.nan
        refused(victim, pack(meta, arrays), tmp_path, "NaN|infinite|costs")
    meta, arrays = workspace.describe(workspace.load(good))
    arrays["net_W"] = np.full_like(arrays["net_W"], np.inf)
    refused(victim, pack(meta, arrays), tmp_path, "infinite")


def test_wrong_shapes_and_dtypes(good, victim, tmp_path):
    for key, value in (("net_V", np.zeros((2, 2))), ("net_U", np.zeros(3)),
                       ("tr_mask", np.zeros((12, 16))), ("tr_s_hist", np.zeros((1, 1, 1))),
                       ("net_W", np.array(["a", "b"])), ("curve_updates_i", np.zeros(3)),
                       ("task_X", np.zeros((1, 1, 1)))):
        meta, arrays = workspace.describe(workspace.load(good))
        arrays[key] = value
        refused(victim, pack(meta, arrays), tmp_path)


def test_missing_arrays(good, victim, tmp_path):
    meta, arrays = workspace.describe(workspace.load(good))
    for key in list(arrays):
        if key.startswith("task_"):
            continue              # built-in tasks are rebuilt; their arrays only detect change
        a = dict(arrays)
        del a[key]
        refused(victim, pack(meta, a), tmp_path, "missing")


def _drop(meta, path):
    d = meta
    for k in path[:-1]:
        d = d[k]
    del d[path[-1]]


def _set(meta, path, value):
    d = meta
    for k in path[:-1]:
        d = d[k]
    d[path[-1]] = value


def test_missing_keys(good, victim, tmp_path):
    meta0, arrays = workspace.describe(workspace.load(good))
    paths = [(k,) for k in meta0]
    for section in ("config", "trainer", "view", "task", "network"):
        paths += [(section, k) for k in meta0[section]]
    paths += [("trainer", "rng", "state"), ("trainer", "rng", "bit_generator")]
    for path in paths:
        meta = json.loads(json.dumps(meta0))
        _drop(meta, path)
        refused(victim, pack(meta, arrays), tmp_path)


@pytest.mark.parametrize("path,value", [
    (("config", "M"), "6"), (("config", "M"), 6.5), (("config", "M"), True), (("config", "M"), 0),
    (("config", "eta"), "fast"), (("config", "eta"), 1e9), (("config", "eta"), None),
    (("config", "hidden"), "tanhh"), (("config", "task"), "nonsense"), (("config", "task"), 7),
    (("config", "scheme"), 3), (("config", "h"), -1), (("config", "seed"), -5),
    (("config", "task_params"), []), (("config", "task_params"), {"k": "two"}),
    (("config", "clip"), "off"), (("config", "bogus"), 1),
    (("trainer", "k"), 1.5), (("trainer", "k"), 10**6), (("trainer", "updates"), 2),
    (("trainer", "epoch"), -1), (("trainer", "epoch_cost"), "x"), (("trainer", "rng"), []),
    (("trainer", "rng", "bit_generator"), "MT19937"), (("trainer", "rng", "state", "state"), -1),
    (("trainer", "rng", "state", "state"), "0"), (("view", "position"), -1),
    (("view", "position"), 10**6), (("view", "sample"), 99), (("view", "edge_pin"), "x"),
    (("view", "applied"), "yes"), (("view", "message"), 3), (("task", "builtin"), "yes"),
    (("task", "name"), "parity"), (("network", "M"), 99), (("network", "hidden"), "relu"),
    (("before",), 5), (("version",), "1"), (("version",), 0), (("format",), None),
])
def test_wrong_types_and_values(good, victim, tmp_path, path, value):
    meta, arrays = workspace.describe(workspace.load(good))
    _set(meta, path, value)
    refused(victim, pack(meta, arrays), tmp_path)


def test_not_json_and_not_an_object(good, victim, tmp_path):
    meta, arrays = workspace.describe(workspace.load(good))
    for text in (b"{not json", b"[1, 2]", b"\xff\xfe", json.dumps(meta).replace(
            '"eta": 0.05', '"eta": NaN').encode()):
        buf = io.BytesIO()
        npz = io.BytesIO()
        np.savez(npz, **arrays)
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("workspace.json", text)
            zf.writestr("arrays.npz", npz.getvalue())
        refused(victim, buf.getvalue(), tmp_path)


def test_builtin_task_that_changed_is_detected(good, victim, tmp_path):
    meta, arrays = workspace.describe(workspace.load(good))
    arrays["task_X"] = arrays["task_X"][:, ::-1].copy()
    refused(victim, pack(meta, arrays), tmp_path, "other data")


def test_custom_task_checks(tmp_path, victim):
    meta, arrays = workspace.describe(make("csv"))
    for path, value in ((("task", "input_labels"), "x"), (("task", "recommended"), {"a": 1}),
                        (("task", "name"), "echo"), (("task", "params"), [])):
        m = json.loads(json.dumps(meta))
        _set(m, path, value)
        refused(victim, pack(m, arrays), tmp_path)
    a = dict(arrays)
    a["task_D"] = np.full_like(a["task_D"], np.nan)
    refused(victim, pack(meta, a), tmp_path, "NaN")


def test_unreadable_paths(tmp_path, victim):
    with pytest.raises(WorkspaceError, match="no such file"):
        workspace.load_into(victim, tmp_path / "missing.rnnu")
    with pytest.raises(WorkspaceError, match="folder"):
        workspace.load_into(victim, tmp_path)


def test_zip_bomb_refused(victim, tmp_path, monkeypatch):
    monkeypatch.setattr(workspace, "MAX_UNPACKED_BYTES", 10_000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("workspace.json", b"{" + b" " * 100_000 + b"}")
        zf.writestr("arrays.npz", b"")
    refused(victim, buf.getvalue(), tmp_path, "unpacks")


@pytest.mark.parametrize("task", core.tasks.TASKS)
def test_every_builtin_task_round_trips(tmp_path, task):
    a, b = make(task), make(task)
    for s in (a, b):
        s.run_updates(30)                     # crosses pass boundaries: resampled data, rng used
        s.step()
    workspace.save(a, tmp_path / "t.rnnu")
    c = workspace.load(tmp_path / "t.rnnu")
    b.run_updates(40)
    c.run_updates(40)
    assert same_weights(b, c) and c.curve_eval == b.curve_eval


def test_saving_keeps_the_file_mode(tmp_path):
    path = tmp_path / "w.rnnu"
    workspace.save(make("hello"), path)
    os.chmod(path, 0o640)
    workspace.save(make("hello"), path)
    assert (os.stat(path).st_mode & 0o777) == 0o640


def test_unit_names_survive_a_save_and_load(tmp_path):
    """The names of the user's units are saved with the task and read back."""
    from core import datasets as ds
    from visualizer.model import workspace as ws
    from visualizer.model.session import Config, Session
    f = tmp_path / "d.csv"
    f.write_text("speed,angle,force\n1,2,3\n4,5,6\n\n7,8,9\n")
    task = ds.load_csv(f, "speed,angle", "force")
    s = Session(Config.from_task(task), task=task)
    ws.save(s, tmp_path / "u.rnnu")
    back = ws.load(tmp_path / "u.rnnu").task
    assert back.input_labels == ("speed", "angle") and back.output_labels == ("force",)
    hello = ws.from_bytes(ws.to_bytes(Session())).task
    assert hello.input_labels == ("h", "e", "l", "o")
