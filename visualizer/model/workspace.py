"""Workspace files (``.rnnu``): the whole state of a session, saved and opened again. No Qt.

A workspace file is one zip container holding

- ``workspace.json``: the description: format name and version, the
  configuration (:meth:`Config.to_dict`), the task (a built-in one by name,
  seed and parameters; the user's own with its labels and settings), the
  trainer's scalars (position along the sequence, update and epoch counts,
  the random generator's state) and the position in the timeline;
- ``arrays.npz``: every array: the weights, the trainer's data and state
  history, the task's data (also for built-in tasks, to detect a task that
  changed since the file was written), the cost curves and, when the session
  stands just after an update that can be undone, the state before it.

Arrays are read with ``allow_pickle=False`` and the JSON holds only numbers,
strings, lists and objects, so nothing in a workspace file can run code.

Saving is atomic: the bytes go to a temporary file in the same folder, are
flushed to disk (fsync) and replace the old file in one ``os.replace``; a crash
in the middle leaves the previous file whole and no temporary file behind.
Opening checks everything (format, version, names, types, shapes, finite
numbers) before anything is changed; any problem raises :class:`WorkspaceError`
with a one-line message. A session opened from a file continues exactly as
the saved one would have: the next updates are bit for bit the same.

API::

    workspace.save(session, path)        # atomic
    session = workspace.load(path)       # a new Session
    workspace.load_into(session, path)   # replace an open session's state in place (views stay connected)
"""
from __future__ import annotations

import io
import json
import math
import os
import tempfile
import zipfile
import zlib
from dataclasses import asdict, fields

import numpy as np

import core
from core import datasets
from core import tasks as core_tasks

from visualizer.model.config import LIMITS, SCHEMES
from visualizer.model.session import Config, Session

FORMAT = "rnn-unfold workspace"
VERSION = 1
EXTENSION = ".rnnu"
FILE_FILTER = "rnn-unfold workspace (*.rnnu);;All files (*)"
#: Largest workspace file opened, and largest total of its unpacked members.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
EDGE_MODES = (None, "signal", "error", "share", "weight")
_JSON = "workspace.json"
_NPZ = "arrays.npz"
_STATE_ARRAYS = ("X", "D", "mask", "s0", "s_hist", "history", "epoch_costs")


class WorkspaceError(ValueError):
    """A workspace file cannot be written or opened; the message is one line."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


# -- saving --------------------------------------------------------------------------

def save(session: Session, path) -> None:
    """Write ``session`` to ``path`` atomically (the old file stays whole on any failure).

    Raises
    ------
    WorkspaceError
        When the file cannot be written (permissions, disk full...).
    """
    data = to_bytes(session)
    try:
        _atomic_write(os.fspath(path), data)
    except OSError as err:
        raise WorkspaceError(f"cannot save {os.path.basename(os.fspath(path))}: "
                             f"{err.strerror or err}") from None


def to_bytes(session: Session) -> bytes:
    """The workspace file's bytes for ``session``."""
    meta, arrays = describe(session)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(_JSON, json.dumps(meta, indent=1, ensure_ascii=False, allow_nan=False))
        zf.writestr(_NPZ, buf.getvalue())
    return out.getvalue()


def describe(session: Session) -> tuple[dict, dict]:
    """(JSON-able description, arrays by name) of ``session``."""
    tr, net, task = session.trainer, session.net, session.task
    builtin = session.config.task in core_tasks.TASKS
    arrays: dict[str, np.ndarray] = {}
    for name in core.PARAMS:
        arrays[f"net_{name}"] = np.array(getattr(net, name), dtype=np.float64)
    state = tr.state()
    _put_state(arrays, "tr", _clean_state(state, tr.scheme))
    for key in ("X", "D", "mask", "X_test", "D_test", "mask_test"):
        value = getattr(task, key)
        if value is not None:
            arrays[f"task_{key}"] = np.array(value)
    arrays["curve_updates_i"] = np.array([u for u, _ in session.curve_updates], dtype=np.int64)
    arrays["curve_updates_c"] = np.array([c for _, c in session.curve_updates], dtype=np.float64)
    arrays["curve_eval_i"] = np.array([u for u, _, _ in session.curve_eval], dtype=np.int64)
    arrays["curve_eval_train"] = np.array([a for _, a, _ in session.curve_eval], dtype=np.float64)
    arrays["curve_eval_test"] = np.array([math.nan if b is None else b
                                          for _, _, b in session.curve_eval], dtype=np.float64)
    applied = session.applied
    before = None
    if applied and session._undo is not None:
        params, bstate, (bu, be) = session._undo
        for name in core.PARAMS:
            arrays[f"before_{name}"] = np.array(params[name], dtype=np.float64)
        _put_state(arrays, "before", _clean_state(bstate, tr.scheme))
        before = {"k": int(bstate["k"]), "updates": int(bstate["updates"]),
                  "epoch": int(bstate["epoch"]), "epoch_cost": float(bstate["epoch_cost"]),
                  "rng": _jsonable(bstate["rng"]), "curve_updates": len(bu), "curve_eval": len(be)}
    if builtin:
        task_meta = {"builtin": True, "name": task.name}
    else:
        task_meta = {"builtin": False, "name": task.name, "title": task.title,
                     "description": task.description,
                     "input_labels": list(task.input_labels),
                     "output_labels": list(task.output_labels),
                     "recommended": asdict(task.recommended), "params": _jsonable(task.params),
                     "seed": int(task.seed)}
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "config": _jsonable(session.config.to_dict()),
        "task": task_meta,
        "network": {"N": net.N, "M": net.M, "O": net.O, "hidden": net.hidden,
                    "output": net.output},
        "trainer": {"k": int(state["k"]), "updates": int(state["updates"]),
                    "epoch": int(state["epoch"]), "epoch_cost": float(state["epoch_cost"]),
                    "rng": _jsonable(state["rng"])},
        "view": {"position": int(session.position), "applied": bool(applied),
                 "sample": int(session.sample), "edge_pin": session.edge_pin,
                 "message": str(session.message)},
        "before": before,
    }
    return meta, arrays


def _clean_state(state: dict, scheme) -> dict:
    """The trainer state with the not-yet-computed rows of s_hist zeroed (they hold garbage)."""
    state = dict(state)
    wins = list(core.windows(scheme, state["X"].shape[0]))
    k = int(state["k"])
    first = wins[k][2] if 0 <= k < len(wins) else 0
    s_hist = np.array(state["s_hist"], dtype=np.float64)
    s_hist[first + 1:] = 0.0
    state["s_hist"] = s_hist
    return state


def _put_state(arrays: dict, prefix: str, state: dict) -> None:
    for key in _STATE_ARRAYS:
        dtype = bool if key == "mask" else np.float64
        arrays[f"{prefix}_{key}"] = np.array(state[key], dtype=dtype)


def _jsonable(obj):
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.floating,)):
        return float(obj)
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    return obj


def _write_all(fh, data: bytes) -> None:
    """Write ``data`` to ``fh`` in chunks (a separate function so a test can make it fail)."""
    view = memoryview(data)
    for i in range(0, len(view), 1 << 16):
        fh.write(view[i:i + (1 << 16)])


def _atomic_write(path: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp",
                               dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = os.stat(path).st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:                                  # make the rename itself durable (POSIX)
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


# -- opening -------------------------------------------------------------------------

def load(path) -> Session:
    """A new :class:`Session` from the workspace file at ``path``.

    Raises
    ------
    WorkspaceError
        For a missing, unreadable, truncated, corrupted, foreign or newer-version file,
        or one whose contents do not fit together. Nothing else is changed.
    """
    name = os.path.basename(os.fspath(path))
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise WorkspaceError(f"{name} is larger than a workspace file can be "
                                 f"({size / 2**20:.0f} MB)")
        with open(path, "rb") as fh:
            data = fh.read()
    except WorkspaceError:
        raise
    except IsADirectoryError:
        raise WorkspaceError(f"{name} is a folder, not a workspace file") from None
    except FileNotFoundError:
        raise WorkspaceError(f"{name}: no such file") from None
    except OSError as err:
        raise WorkspaceError(f"cannot read {name}: {err.strerror or err}") from None
    return from_bytes(data, name)


def load_into(session: Session, path) -> None:
    """Replace the state of the open ``session`` by the file's; its listeners stay connected.

    The file is read and checked completely first: on WorkspaceError ``session`` is untouched.
    """
    new = load(path)
    adopt(session, new)


def adopt(session: Session, new: Session) -> None:
    """Move everything but the event lists from ``new`` into ``session`` and tell the views."""
    for key, value in vars(new).items():
        if key != "events":
            setattr(session, key, value)
    session.events.emit("structure")
    session.events.emit("config", tuple(f.name for f in fields(Config)))
    session.events.emit("cost")
    session.events.emit("frame")


def from_bytes(data: bytes, name: str = "the file") -> Session:
    """:func:`load` on the bytes of a workspace file."""
    meta, arrays = _unpack(data, name)
    try:
        return from_parts(meta, arrays)
    except WorkspaceError as err:
        raise WorkspaceError(f"{name}: {err}") from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
            ArithmeticError) as err:
        raise WorkspaceError(f"{name} is not a valid workspace: {_one_line(err)}") from None


def _one_line(err) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) < 300 else text[:297] + "…"


def _unpack(data: bytes, name: str) -> tuple[dict, dict]:
    if not data.startswith(b"PK"):
        raise WorkspaceError(f"{name} is not an rnn-unfold workspace file")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise WorkspaceError(f"{name} is damaged or truncated (not a complete zip container)") \
            from None
    with zf:
        names = set(zf.namelist())
        if _JSON not in names or _NPZ not in names:
            raise WorkspaceError(f"{name} is a zip file but not an rnn-unfold workspace "
                                 f"(no {_JSON if _JSON not in names else _NPZ} inside)")
        if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED_BYTES:
            raise WorkspaceError(f"{name} unpacks to more than "
                                 f"{MAX_UNPACKED_BYTES // 2**20} MB; refused")
        try:
            text = zf.read(_JSON)
            npz = zf.read(_NPZ)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError):
            raise WorkspaceError(f"{name} is damaged (a member fails its check)") from None
    try:
        meta = json.loads(text.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WorkspaceError(f"{name} is damaged ({_JSON} is not valid JSON)") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise WorkspaceError(f"{name} is not an rnn-unfold workspace file (unknown format)")
    version = meta.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise WorkspaceError(f"{name} has an invalid format version {version!r}")
    if version > VERSION:
        raise WorkspaceError(f"{name} was written by a newer rnn-unfold (workspace format "
                             f"{version}; this version reads up to {VERSION}): update rnn-unfold")
    return meta, _read_npz(npz, name)


def _no_constant(token):
    raise ValueError(f"{token} is not allowed")


def _read_npz(data: bytes, name: str) -> dict:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            if sum(i.file_size for i in inner.infolist()) > MAX_UNPACKED_BYTES:
                raise WorkspaceError(f"{name}: the arrays unpack to more than "
                                     f"{MAX_UNPACKED_BYTES // 2**20} MB; refused")
            if len(inner.infolist()) > 200:
                raise WorkspaceError(f"{name}: too many arrays")
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise WorkspaceError(f"{name} is damaged ({_NPZ} is not a valid array archive)") from None
    arrays = {}
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            for key in npz.files:
                a = npz[key]
                if not isinstance(a, np.ndarray) or a.dtype.kind not in "biuf":
                    raise WorkspaceError(f"{name}: array {key!r} is not numeric "
                                         f"(dtype {getattr(a, 'dtype', type(a))})")
                arrays[key] = a
    except WorkspaceError:
        raise
    except ValueError as err:
        if "pickle" in str(err).lower() or "object" in str(err).lower():
            raise WorkspaceError(f"{name} holds an object (pickled) array; refused: "
                                 "a workspace file holds only numbers") from None
        raise WorkspaceError(f"{name} is damaged ({_NPZ}: {_one_line(err)})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, TypeError,
            RuntimeError, NotImplementedError) as err:
        raise WorkspaceError(f"{name} is damaged ({_NPZ}: {_one_line(err)})") from None
    return arrays


# -- checks --------------------------------------------------------------------------

def _obj(meta: dict, key: str, what: str | None = None) -> dict:
    v = meta.get(key)
    if not isinstance(v, dict):
        raise WorkspaceError(f"{what or key} is missing or not an object")
    return v


def _int(d: dict, key: str, lo: int = 0, hi: int = 2**63 - 1, what: str | None = None) -> int:
    v = d.get(key)
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        raise WorkspaceError(f"{what or key} must be an integer in {lo}..{hi}, got {v!r}")
    return v


def _float(d: dict, key: str, what: str | None = None) -> float:
    v = d.get(key)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise WorkspaceError(f"{what or key} must be a finite number, got {v!r}")
    return float(v)


def _str(d: dict, key: str, what: str | None = None) -> str:
    v = d.get(key)
    if not isinstance(v, str):
        raise WorkspaceError(f"{what or key} must be text, got {type(v).__name__}")
    return v


def _array(arrays: dict, key: str, shape=None, kind: str = "f", finite: bool = True,
           ndim: int | None = None) -> np.ndarray:
    if key not in arrays:
        raise WorkspaceError(f"array {key} is missing")
    a = arrays[key]
    if kind == "b":
        if a.dtype != bool:
            raise WorkspaceError(f"array {key} must hold booleans, holds {a.dtype}")
    elif kind == "i":
        if a.dtype.kind not in "iu":
            raise WorkspaceError(f"array {key} must hold integers, holds {a.dtype}")
        a = a.astype(np.int64)
    else:
        if a.dtype.kind not in "fiu":
            raise WorkspaceError(f"array {key} must hold numbers, holds {a.dtype}")
        a = a.astype(np.float64)
    if shape is not None and a.shape != tuple(shape):
        raise WorkspaceError(f"array {key} has shape {a.shape}, expected {tuple(shape)}")
    if ndim is not None and a.ndim != ndim:
        raise WorkspaceError(f"array {key} must have {ndim} dimension(s), has {a.ndim}")
    if finite and kind == "f" and not np.isfinite(a).all():
        raise WorkspaceError(f"array {key} holds NaN or infinite values")
    return a


def config_from_dict(d) -> Config:
    """A :class:`Config` from its JSON description, every field checked."""
    if not isinstance(d, dict):
        raise WorkspaceError("config is missing or not an object")
    known = {f.name for f in fields(Config)}
    unknown = set(d) - known
    if unknown:
        raise WorkspaceError(f"config has unknown setting(s) {', '.join(sorted(unknown))}")
    missing = known - set(d)
    if missing:
        raise WorkspaceError(f"config lacks {', '.join(sorted(missing))}")
    task = _str(d, "task", "config.task")
    if not isinstance(d["task_params"], dict):
        raise WorkspaceError("config.task_params must be an object")
    M = _int(d, "M", *LIMITS["hidden"], what="config.M")
    for key, valid in (("hidden", core.HIDDEN), ("output", core.OUTPUT), ("cost", core.COSTS),
                       ("scheme", SCHEMES)):
        if d[key] not in valid:
            raise WorkspaceError(f"config.{key} {d[key]!r} is not one of {', '.join(valid)}")
    eta = _float(d, "eta", "config.eta")
    if not LIMITS["eta"][0] <= eta <= LIMITS["eta"][1]:
        raise WorkspaceError(f"config.eta must be in {LIMITS['eta'][0]:g}..{LIMITS['eta'][1]:g}")
    hs = {}
    for key in ("h", "h_prime", "P"):
        lim = LIMITS[key]
        hs[key] = None if d[key] is None else _int(d, key, *lim, what=f"config.{key}")
    seed = _int(d, "seed", *LIMITS["seed"], what="config.seed")
    clip = None if d["clip"] is None else _float(d, "clip", "config.clip")
    if clip is not None and not LIMITS["clip"][0] <= clip <= LIMITS["clip"][1]:
        raise WorkspaceError("config.clip is out of range")
    params = {k: (tuple(v) if isinstance(v, list) and task in core_tasks.TASKS else v)
              for k, v in d["task_params"].items()}
    return Config(task=task, task_params=params, M=M, hidden=d["hidden"], output=d["output"],
                  cost=d["cost"], eta=eta, scheme=d["scheme"], h=hs["h"], h_prime=hs["h_prime"],
                  P=hs["P"], seed=seed, clip=clip)


def _custom_task(tmeta: dict, arrays: dict):
    name = _str(tmeta, "name", "task.name")
    if name in core_tasks.TASKS:
        raise WorkspaceError(f"task {name!r} is marked as the user's own but is a built-in name")
    labels = {}
    for key in ("input_labels", "output_labels"):
        v = tmeta.get(key)
        if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
            raise WorkspaceError(f"task.{key} must be a list of text")
        labels[key] = v
    rec = tmeta.get("recommended")
    if not isinstance(rec, dict):
        raise WorkspaceError("task.recommended is missing")
    params = tmeta.get("params", {})
    if not isinstance(params, dict):
        raise WorkspaceError("task.params must be an object")
    X = _array(arrays, "task_X", ndim=3)
    D = _array(arrays, "task_D", ndim=3)
    mask = _array(arrays, "task_mask", kind="b", ndim=2)
    try:
        return datasets.task_from_arrays(
            name, X, D, mask, input_labels=labels["input_labels"],
            output_labels=labels["output_labels"], recommended=rec, params=params,
            description=str(tmeta.get("description", "")), title=str(tmeta.get("title", name)),
            seed=_int(tmeta, "seed", 0, 2**63 - 1, "task.seed"))
    except datasets.DataError as err:
        raise WorkspaceError(f"the saved data: {err}") from None


def _state(arrays: dict, prefix: str, scalars: dict, shapes: dict, what: str) -> dict:
    L, P, N, O, M = shapes["L"], shapes["P"], shapes["N"], shapes["O"], shapes["M"]
    st = {"X": _array(arrays, f"{prefix}_X", (L, P, N)),
          "D": _array(arrays, f"{prefix}_D", (L, P, O)),
          "mask": _array(arrays, f"{prefix}_mask", (L, P), kind="b"),
          "s0": _array(arrays, f"{prefix}_s0", (P, M)),
          "s_hist": _array(arrays, f"{prefix}_s_hist", (L + 1, P, M)),
          "history": _array(arrays, f"{prefix}_history", ndim=1),
          "epoch_costs": _array(arrays, f"{prefix}_epoch_costs", ndim=1)}
    st["k"] = _int(scalars, "k", 0, shapes["windows"] - 1, f"{what}.k")
    st["updates"] = _int(scalars, "updates", what=f"{what}.updates")
    st["epoch"] = _int(scalars, "epoch", what=f"{what}.epoch")
    st["epoch_cost"] = _float(scalars, "epoch_cost", f"{what}.epoch_cost")
    if len(st["history"]) != st["updates"]:
        raise WorkspaceError(f"{what}: {len(st['history'])} costs recorded for "
                             f"{st['updates']} updates")
    if len(st["epoch_costs"]) != st["epoch"]:
        raise WorkspaceError(f"{what}: {len(st['epoch_costs'])} pass costs for "
                             f"{st['epoch']} passes")
    st["rng"] = _rng_state(scalars.get("rng"), shapes["rng_name"], what)
    return st


def _rng_state(rng, expected: str, what: str) -> dict:
    if not isinstance(rng, dict) or rng.get("bit_generator") != expected:
        raise WorkspaceError(f"{what}.rng is not a {expected} generator state")
    inner = rng.get("state")
    if not isinstance(inner, dict) or not inner:
        raise WorkspaceError(f"{what}.rng.state is missing")
    for key, v in list(inner.items()) + [(k, rng.get(k)) for k in ("has_uint32", "uinteger")]:
        if isinstance(v, bool) or not isinstance(v, int) or v < 0 or v >= 2**128:
            raise WorkspaceError(f"{what}.rng.{key} must be a non-negative integer")
    try:
        np.random.default_rng().bit_generator.state = rng   # check it is accepted
    except (ValueError, TypeError, KeyError, OverflowError):
        raise WorkspaceError(f"{what}.rng is not a valid generator state") from None
    return rng


def _weights(arrays: dict, prefix: str, net) -> dict:
    return {name: _array(arrays, f"{prefix}_{name}", getattr(net, name).shape)
            for name in core.PARAMS}


def _set(session: Session, weights: dict, state: dict) -> None:
    for name, a in weights.items():
        getattr(session.net, name)[...] = a
    session.trainer.load_state(state)


def from_parts(meta: dict, arrays: dict) -> Session:
    """A new session from a checked description and its arrays (see :func:`describe`)."""
    config = config_from_dict(meta.get("config"))
    tmeta = _obj(meta, "task")
    builtin = tmeta.get("builtin")
    if not isinstance(builtin, bool):
        raise WorkspaceError("task.builtin must be true or false")
    if _str(tmeta, "name", "task.name") != config.task:
        raise WorkspaceError("the task's name and the configuration's disagree")
    if builtin:
        if config.task not in core_tasks.TASKS:
            raise WorkspaceError(f"unknown built-in task {config.task!r}; valid: "
                                 f"{', '.join(core_tasks.TASKS)}")
        session = Session(config)
        task = session.task
        for key in ("X", "D", "mask"):
            saved = arrays.get(f"task_{key}")
            if saved is not None and (saved.shape != getattr(task, key).shape
                                      or not np.array_equal(saved, getattr(task, key))):
                raise WorkspaceError(f"the built-in task {config.task} gives other data than "
                                     "when the file was saved (a different rnn-unfold version?)")
    else:
        task = _custom_task(tmeta, arrays)
        session = Session(config, task=task)
    net, tr = session.net, session.trainer
    nmeta = _obj(meta, "network")
    for key in ("N", "M", "O"):
        if nmeta.get(key) != getattr(net, key):
            raise WorkspaceError(f"network.{key} = {nmeta.get(key)!r} does not match the task and "
                                 f"configuration ({getattr(net, key)})")
    if nmeta.get("hidden") != net.hidden or nmeta.get("output") != net.output:
        raise WorkspaceError("network activations do not match the configuration")
    shapes = {"L": tr.L, "P": tr.P, "N": net.N, "O": net.O, "M": net.M,
              "windows": len(list(core.windows(tr.scheme, tr.L))),
              "rng_name": type(tr.rng.bit_generator).__name__}
    weights = _weights(arrays, "net", net)
    state = _state(arrays, "tr", _obj(meta, "trainer"), shapes, "trainer")
    # curves
    ci = _array(arrays, "curve_updates_i", kind="i", ndim=1)
    cc = _array(arrays, "curve_updates_c", ci.shape)
    ei = _array(arrays, "curve_eval_i", kind="i", ndim=1)
    etr = _array(arrays, "curve_eval_train", ei.shape, finite=False)
    ete = _array(arrays, "curve_eval_test", ei.shape, finite=False)
    has_test = task.has_test
    curve_updates = [(int(u), float(c)) for u, c in zip(ci, cc)]
    curve_eval = [(int(u), float(a), (float(b) if has_test else None))
                  for u, a, b in zip(ei, etr, ete)]
    view = _obj(meta, "view")
    applied = view.get("applied")
    if not isinstance(applied, bool):
        raise WorkspaceError("view.applied must be true or false")
    if "before" not in meta:
        raise WorkspaceError("before is missing (null when there is no undo state)")
    before = meta.get("before")
    if before is not None and not (isinstance(before, dict) and applied):
        raise WorkspaceError("before must be an object, and only after an update")
    sample = _int(view, "sample", 0, tr.P - 1, "view.sample")
    if "edge_pin" not in view:
        raise WorkspaceError("view.edge_pin is missing")
    edge_pin = view.get("edge_pin")
    if edge_pin not in EDGE_MODES:
        raise WorkspaceError(f"view.edge_pin {edge_pin!r} is not one of "
                             f"{', '.join(str(m) for m in EDGE_MODES)}")
    message = _str(view, "message", "view.message")
    position = _int(view, "position", 0, 10**9, "view.position")
    undo = None
    try:
        if before is not None:
            bweights = _weights(arrays, "before", net)
            bstate = _state(arrays, "before", before, shapes, "before")
            nu = _int(before, "curve_updates", 0, len(curve_updates), "before.curve_updates")
            ne = _int(before, "curve_eval", 0, len(curve_eval), "before.curve_eval")
            _set(session, bweights, bstate)
            session._prepare()
            undo = ({k: v.copy() for k, v in bweights.items()}, session.trainer.state(),
                    (curve_updates[:nu], curve_eval[:ne]))
            _set(session, weights, state)
            position = len(session.timeline)
        else:
            _set(session, weights, state)
            session._prepare()
            if applied:
                position = 0      # the update shown was played fast: resume before the next one
            elif position >= len(session.timeline):
                raise WorkspaceError(f"view.position {position} is outside the update's "
                                     f"{len(session.timeline)} micro-steps")
    except ValueError as err:
        if isinstance(err, WorkspaceError):
            raise
        raise WorkspaceError(f"the saved state does not fit: {_one_line(err)}") from None
    session.position = position
    session._undo = undo
    session.curve_updates = curve_updates
    session.curve_eval = curve_eval
    session.sample = sample
    session.edge_pin = edge_pin
    session.message = message
    return session


__all__ = ["EXTENSION", "FILE_FILTER", "FORMAT", "VERSION", "WorkspaceError", "adopt",
           "config_from_dict", "describe", "from_bytes", "from_parts", "load", "load_into",
           "save", "to_bytes"]
