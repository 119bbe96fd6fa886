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

Saving is atomic: the bytes go to a temporary file in the same folder (a
short name, ``.rnnu-<hash of the target>-<random>.tmp``, so the longest legal
target name still works), are flushed to disk (fsync) and replace the old file
in one ``os.replace``; a crash in the middle leaves the previous file whole, and
a temporary file left by a killed save of the same target is removed by the
next save. Only a regular file (or nothing) is ever replaced: never a symlink,
a folder or a device.

Opening reads only a regular file, at most :data:`MAX_FILE_BYTES`; the sizes
the zip declares are checked before anything is decompressed, every array's
header before its data, the JSON's nesting depth, and the memory the session
would need (:func:`visualizer.model.config.check_memory`) before the network is
built. Everything (format, version, names, types, shapes, finite numbers) is
checked before anything is changed; any problem raises :class:`WorkspaceError`
with a one-line message. A session opened from a file continues exactly as
the saved one would have: the next updates are bit for bit the same.

API::

    workspace.save(session, path)        # atomic
    session = workspace.load(path)       # a new Session
    workspace.load_into(session, path)   # replace an open session's state in place (views stay connected)
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import os
import secrets
import stat
import time
import zipfile
import zlib
from dataclasses import asdict, fields

import numpy as np

import core
from core import datasets
from core import tasks as core_tasks

from visualizer.model import config as conf
from visualizer.model.config import COSTS, HIDDEN, LIMITS, OUTPUT, SCHEMES, TASKS
from visualizer.model.session import Config, Session

try:                                    # POSIX: a save in progress holds a lock on its temporary file
    import fcntl
except ImportError:                     # pragma: no cover - Windows
    fcntl = None

FORMAT = "rnn-unfold workspace"
VERSION = 1
EXTENSION = ".rnnu"
FILE_FILTER = "rnn-unfold workspace (*.rnnu);;All files (*)"
#: Largest workspace file opened, largest total of its unpacked members, largest
#: workspace.json, deepest nesting of its objects and lists, most arrays (the configuration's).
MAX_FILE_BYTES = LIMITS["workspace_bytes"][1]
MAX_UNPACKED_BYTES = LIMITS["workspace_unpacked"][1]
MAX_JSON_BYTES = LIMITS["workspace_json_bytes"][1]
MAX_JSON_DEPTH = LIMITS["workspace_json_depth"][1]
MAX_ARRAYS = LIMITS["workspace_arrays"][1]
#: What view.edge_pin may hold: None (follow the phase) or an edge mode.
EDGE_MODES = (None,) + conf.EDGE_MODES
#: A stale temporary file of a killed save is removed when older than this (without locks).
STALE_SECONDS = 60
_JSON = "workspace.json"
_NPZ = "arrays.npz"
_STATE_ARRAYS = ("X", "D", "mask", "s0", "s_hist", "history", "epoch_costs")


class WorkspaceError(ValueError):
    """A workspace file cannot be written or opened; the message is one line."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


# -- saving --------------------------------------------------------------------------

def check_target(path, flag: str | None = None) -> None:
    """WorkspaceError unless ``path`` can be saved to: a regular file or nothing, in a folder.

    ``flag`` (e.g. "--save") starts the message when the path comes from the command line.
    """
    where = f"{flag}: " if flag else ""
    p = os.fspath(path)
    if not p:
        raise WorkspaceError(f"{where}the file name is empty")
    folder = os.path.dirname(os.path.abspath(p))
    if not os.path.isdir(folder):
        raise WorkspaceError(f"{where}the folder {folder} does not exist")
    try:
        st = os.lstat(p)
    except FileNotFoundError:
        return
    except OSError as err:
        raise WorkspaceError(f"{where}cannot save {os.path.basename(p)}: "
                             f"{err.strerror or err}") from None
    if stat.S_ISDIR(st.st_mode):
        raise WorkspaceError(f"{where}{p} is a folder")
    if not stat.S_ISREG(st.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "not a regular file"
        raise WorkspaceError(f"{where}{p} is {kind}; a workspace replaces only a regular file")


def save(session: Session, path) -> None:
    """Write ``session`` to ``path`` atomically (the old file stays whole on any failure).

    Raises
    ------
    WorkspaceError
        When ``path`` is not a regular file or nothing (:func:`check_target`), or the file
        cannot be written (permissions, disk full...).
    """
    check_target(path)
    data = to_bytes(session)
    try:
        _atomic_write(os.fspath(path), data)
    except OSError as err:
        raise WorkspaceError(f"cannot save {os.path.basename(os.fspath(path))}: "
                             f"{err.strerror or err}") from None


def to_bytes(session: Session) -> bytes:
    """The workspace file's bytes for ``session``.

    Raises
    ------
    WorkspaceError
        When the task's parameters nest deeper than :data:`MAX_JSON_DEPTH` (the file could
        not be opened again).
    """
    # Checked before describing: the description is built recursively.
    _check_depth({"config": {"task_params": session.config.task_params},
                  "task": {"params": session.task.params}})
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
    builtin = session.config.task in TASKS
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


def _temp_prefix(path: str) -> str:
    """Short prefix of the temporary files of ``path``: the same for every save of it."""
    digest = hashlib.sha1(os.path.abspath(path).encode("utf-8", "surrogateescape")).hexdigest()
    return f".rnnu-{digest[:12]}-"


def _remove_stale(folder: str, prefix: str) -> None:
    """Remove temporary files of the same target that no save holds any more."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for n in names:
        full = os.path.join(folder, n)
        try:
            st = os.lstat(full)
            if not stat.S_ISREG(st.st_mode):
                continue
            if fcntl is None:
                if time.time() - st.st_mtime > STALE_SECONDS:
                    os.unlink(full)
                continue
            fd = os.open(full, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)   # held by a live save: skip
            except OSError:
                continue
            finally:
                os.close(fd)
            os.unlink(full)
        except OSError:
            continue


def _atomic_write(path: str, data: bytes) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    prefix = _temp_prefix(path)
    _remove_stale(folder, prefix)
    tmp = os.path.join(folder, prefix + secrets.token_hex(4) + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            if fcntl is not None:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)   # tells other saves it is alive
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
            os.replace(tmp, path)           # while still locked: no save removes it meanwhile
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

def load(path, budget: int | None = None, cancel=None) -> Session:
    """A new :class:`Session` from the workspace file at ``path``.

    Parameters
    ----------
    path : str or os.PathLike
        A regular file (a pipe or device is refused at once).
    budget : int, optional
        Memory budget in bytes (default :data:`visualizer.model.config.MEMORY_BUDGET`).
    cancel : callable, optional
        Asked while reading; True stops with WorkspaceError.

    Raises
    ------
    WorkspaceError
        For a missing, unreadable, truncated, corrupted, foreign or newer-version file,
        one whose contents do not fit together, or one that needs more memory than the
        budget. Nothing else is changed.
    """
    name = os.path.basename(os.fspath(path))
    data = datasets.read_file(path, MAX_FILE_BYTES, error=WorkspaceError, cancel=cancel,
                              what="workspace file")
    return from_bytes(data, name, budget=budget)


def load_into(session: Session, path, budget: int | None = None) -> None:
    """Replace the state of the open ``session`` by the file's; its listeners stay connected.

    The file is read and checked completely first: on WorkspaceError ``session`` is untouched.
    """
    new = load(path, budget=budget)
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


def from_bytes(data: bytes, name: str = "the file", budget: int | None = None) -> Session:
    """:func:`load` on the bytes of a workspace file."""
    budget = conf.MEMORY_BUDGET if budget is None else int(budget)
    meta, arrays = _unpack(data, name, budget)
    try:
        return from_parts(meta, arrays, budget=budget)
    except WorkspaceError as err:
        raise WorkspaceError(f"{name}: {err}") from None
    except MemoryError:
        raise WorkspaceError(f"{name} needs more memory than this machine has; lower the "
                             "memory budget (--memory-budget) to have it refused earlier") from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
            ArithmeticError, RecursionError) as err:
        raise WorkspaceError(f"{name} is not a valid workspace: {_one_line(err)}") from None


def _one_line(err) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) < 300 else text[:297] + "…"


def _unpack(data: bytes, name: str, budget: int = conf.MEMORY_BUDGET) -> tuple[dict, dict]:
    if not data.startswith(b"PK"):
        raise WorkspaceError(f"{name} is not an rnn-unfold workspace file")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError):
        raise WorkspaceError(f"{name} is damaged or truncated (not a complete zip container)") \
            from None
    # The arrays may unpack to at most a quarter of the budget: the session copies them.
    npz_limit = min(MAX_UNPACKED_BYTES, budget // 4)
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if _JSON not in names or _NPZ not in names:
            raise WorkspaceError(f"{name} is a zip file but not an rnn-unfold workspace "
                                 f"(no {_JSON if _JSON not in names else _NPZ} inside)")
        if len(infos) > 8:
            raise WorkspaceError(f"{name} holds {len(infos)} members; a workspace holds 2")
        # Declared sizes first (nothing is decompressed yet); the reads below stop at them too.
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise WorkspaceError(f"{name} unpacks to "
                                 f"{datasets.size_text(total, MAX_UNPACKED_BYTES)}; refused")
        if zf.getinfo(_JSON).file_size > MAX_JSON_BYTES:
            raise WorkspaceError(f"{name}: {_JSON} unpacks to "
                                 f"{datasets.size_text(zf.getinfo(_JSON).file_size, MAX_JSON_BYTES)}")
        if zf.getinfo(_NPZ).file_size > npz_limit:
            raise WorkspaceError(f"{name}: the arrays unpack to "
                                 f"{datasets.size_text(zf.getinfo(_NPZ).file_size, npz_limit)} "
                                 "(a quarter of the memory budget); refused")
        text = _read_member(zf, _JSON, min(MAX_JSON_BYTES, MAX_UNPACKED_BYTES), name)
        npz = _read_member(zf, _NPZ, npz_limit, name)
    try:
        meta = json.loads(text.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WorkspaceError(f"{name} is damaged ({_JSON} is not valid JSON)") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise WorkspaceError(f"{name} is not an rnn-unfold workspace file (unknown format)")
    _check_depth(meta, name)
    version = meta.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise WorkspaceError(f"{name} has an invalid format version {version!r}")
    if version > VERSION:
        raise WorkspaceError(f"{name} was written by a newer rnn-unfold (workspace format "
                             f"{version}; this version reads up to {VERSION}): update rnn-unfold")
    return meta, _read_npz(npz, name, npz_limit)


def _read_member(zf: zipfile.ZipFile, member: str, limit: int, name: str) -> bytes:
    """A member's bytes, decompressed in chunks and never past ``limit`` (whatever it declares)."""
    try:
        with zf.open(member) as fh:
            parts, total = [], 0
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise WorkspaceError(f"{name}: {member} unpacks to more than "
                                         f"{datasets.human(limit)}; refused")
                parts.append(chunk)
            return b"".join(parts)
    except WorkspaceError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError):
        raise WorkspaceError(f"{name} is damaged (a member fails its check)") from None


def _check_depth(obj, name: str | None = None) -> None:
    """WorkspaceError when objects and lists nest deeper than :data:`MAX_JSON_DEPTH` (iterative)."""
    stack = [(obj, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            where = f"{name}: " if name else ""
            raise WorkspaceError(f"{where}the description nests more than {MAX_JSON_DEPTH} "
                                 "levels deep (the task parameters?); refused")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend((v, depth + 1) for v in item)


def _no_constant(token):
    raise ValueError(f"{token} is not allowed")


def _read_npz(data: bytes, name: str, limit: int = MAX_UNPACKED_BYTES) -> dict:
    """The arrays of arrays.npz: each .npy header checked against its stored size first."""
    arrays = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            infos = inner.infolist()
            if len(infos) > MAX_ARRAYS:
                raise WorkspaceError(f"{name}: too many arrays ({len(infos)}; at most "
                                     f"{MAX_ARRAYS})")
            declared = sum(i.file_size for i in infos)
            if declared > limit:
                raise WorkspaceError(f"{name}: the arrays unpack to "
                                     f"{datasets.size_text(declared, limit)}; refused")
            for info in infos:
                key = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
                with inner.open(info) as fh:
                    arrays[key] = _read_npy(fh, info.file_size, key, name)
    except WorkspaceError:
        raise
    except MemoryError:
        raise WorkspaceError(f"{name}: an array does not fit in memory; refused") from None
    except ValueError as err:
        if "pickle" in str(err).lower() or "object" in str(err).lower():
            raise WorkspaceError(f"{name} holds an object (pickled) array; refused: "
                                 "a workspace file holds only numbers") from None
        raise WorkspaceError(f"{name} is damaged ({_NPZ}: {_one_line(err)})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, TypeError,
            RuntimeError, NotImplementedError, OverflowError) as err:
        raise WorkspaceError(f"{name} is damaged ({_NPZ}: {_one_line(err)})") from None
    return arrays


def _read_npy(fh, stored: int, key: str, name: str) -> np.ndarray:
    """One .npy array; its header's shape and dtype are checked before any data is read."""
    fmt = np.lib.format
    version = fmt.read_magic(fh)
    if version == (1, 0):
        shape, fortran, dtype = fmt.read_array_header_1_0(fh)
    elif version in ((2, 0), (3, 0)):
        shape, fortran, dtype = fmt.read_array_header_2_0(fh)
    else:
        raise WorkspaceError(f"{name}: array {key!r} has an unknown format {version}")
    if dtype.hasobject or dtype.kind not in "biuf":
        raise WorkspaceError(f"{name}: array {key!r} is not numeric (dtype {dtype}); a workspace "
                             "file holds only numbers")
    count = 1
    for n in shape:
        count *= int(n)
    if len(shape) > 4 or count * dtype.itemsize > stored:
        raise WorkspaceError(f"{name}: array {key!r} declares shape {tuple(shape)}, more than "
                             f"its {stored} stored bytes; damaged")
    raw = fh.read(count * dtype.itemsize)
    if len(raw) != count * dtype.itemsize:
        raise WorkspaceError(f"{name}: array {key!r} is truncated")
    a = np.frombuffer(raw, dtype=dtype).reshape(shape, order="F" if fortran else "C")
    return a.copy()


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
    for key, valid in (("hidden", HIDDEN), ("output", OUTPUT), ("cost", COSTS),
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
    params = {k: (tuple(v) if isinstance(v, list) and task in TASKS else v)
              for k, v in d["task_params"].items()}
    return Config(task=task, task_params=params, M=M, hidden=d["hidden"], output=d["output"],
                  cost=d["cost"], eta=eta, scheme=d["scheme"], h=hs["h"], h_prime=hs["h_prime"],
                  P=hs["P"], seed=seed, clip=clip)


def _custom_task(tmeta: dict, arrays: dict):
    name = _str(tmeta, "name", "task.name")
    if name in TASKS:
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


def _check_budget(config: Config, task, budget: int | None) -> None:
    try:
        conf.check_task_memory(config, task, budget=budget, what="this workspace")
    except conf.BudgetError as err:
        raise WorkspaceError(str(err)) from None


def from_parts(meta: dict, arrays: dict, budget: int | None = None) -> Session:
    """A new session from a checked description and its arrays (see :func:`describe`).

    The memory the session needs is checked against ``budget`` before it is built.
    """
    config = config_from_dict(meta.get("config"))
    tmeta = _obj(meta, "task")
    builtin = tmeta.get("builtin")
    if not isinstance(builtin, bool):
        raise WorkspaceError("task.builtin must be true or false")
    if _str(tmeta, "name", "task.name") != config.task:
        raise WorkspaceError("the task's name and the configuration's disagree")
    if builtin:
        if config.task not in TASKS:
            raise WorkspaceError(f"unknown built-in task {config.task!r}; valid: "
                                 f"{', '.join(TASKS)}")
        try:
            built = core_tasks.make_task(config.task, seed=config.seed, P=config.P,
                                         **config.task_params)
        except (ValueError, TypeError) as err:
            raise WorkspaceError(f"the task's settings: {_one_line(err)}") from None
        _check_budget(config, built, budget)
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
        _check_budget(config, task, budget)
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
           "check_target", "config_from_dict", "describe", "from_bytes", "from_parts", "load", "load_into",
           "save", "to_bytes"]
