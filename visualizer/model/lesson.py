"""Lessons: a walk-through written by hand in TOML, parsed, validated and played against a Session. No Qt.

A lesson is a title and a list of scenes. Each scene says which run it shows (a
built-in task with its settings, or a workspace file), where it starts, how far
it steps and how fast, which panels are shown beside the unfolded view, what
is highlighted and a caption in Markdown. The format is documented field by
field in ``docs/lessons.md``; two lessons ship in ``assets/lessons/``.

API::

    les = lesson.load(path)                    # or lesson.loads(text, base_dir=...)
    actions = lesson.plan(les)                 # pure: what a player or an exporter executes
    for frame in lesson.play(les, session):    # drives a Session, one Frame per picture
        draw(session, les.scenes[frame.scene]) # its panels, highlights and caption,
                                               # shown for frame.duration seconds
    n = lesson.rehearse(les)                   # play headless: faults only playing finds

A malformed lesson is refused with one :class:`LessonError` (a ValueError) whose
one-line message names the scene (number and title) and the field, e.g.
``scene 2 ('Vanishing'): unknown field 'stpes' (did you mean 'step'?)``.

Positions follow the view's labels: t is the step of the sequence as the
column labels write it (t = 1 is the first input, s(0) is t = 0) and units
count from 0 as the view's unit labels do. Updates count from 1 from the start
of a run; micro-steps count from 0 (nothing revealed) within an update.
"""
from __future__ import annotations

import difflib
import math
import os
import re
import stat
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping

from core import diagnostics
from core import tasks as core_tasks
from core.activations import COSTS, HIDDEN, OUTPUT, check_pair
from core.timeline import PHASES

from visualizer.model.config import LESSON_PANELS, LIMITS, LIVE, SCHEMES, Config

# -- vocabularies and limits (the lead may move these into config) ---------------------

#: the format version this module reads
VERSION = 1
#: file name extension of a lesson
EXTENSION = ".toml"
#: largest lesson file read (bytes)
MAX_BYTES = 1 << 20
#: most scenes in one lesson
MAX_SCENES = 500
#: longest caption / description (characters)
MAX_TEXT = 20_000
#: longest title (characters)
MAX_TITLE = 200
#: panels a scene may show beside the unfolded view (the configuration's vocabulary)
PANELS = LESSON_PANELS
#: node layers: input x(t), hidden s(t), output y(t)
LAYERS = ("x", "s", "y")
#: weight matrices an edge highlight may name
MATRICES = ("V", "U", "W")
#: settings a scene may give: every field of Config but ``task``, plus ``rho_U``
SETTINGS = tuple(f.name for f in fields(Config) if f.name != "task") + ("rho_U",)
#: (lo, hi) of the lesson's own numbers; the settings' limits come from config.LIMITS
LESSON_LIMITS = {"speed": (0.05, 60.0), "hold": (0.0, 600.0), "rho_U": (1e-3, 100.0),
                 "micro": (0, 100_000), "updates": (1, 100_000), "update": (1, 1_000_000)}
#: default steps per second and seconds the first frame of a scene is held
DEFAULT_SPEED = 2.0
DEFAULT_HOLD = 2.0

_TOP_FIELDS = ("version", "title", "description", "scene")
_SCENE_FIELDS = ("title", "task", "workspace", "settings", "start", "step", "speed", "hold",
                 "panels", "highlight", "caption")
_START_FIELDS = ("update", "micro", "phase")
_STEP_FIELDS = ("micro", "to_end_of", "updates")
_NODE_RE = re.compile(r"^\s*([xsy])_(\d+)\s*\(\s*(\d+)\s*\)\s*$")
# M's limits are LIMITS["hidden"] in config (the spin box's name); accept either key
_M_LIMITS = LIMITS.get("M", LIMITS.get("hidden"))


class LessonError(ValueError):
    """A lesson cannot be read, or cannot be played; the message is one line.

    Attributes
    ----------
    scene : int or None
        1-based number of the scene at fault (None for the lesson as a whole).
    field : str or None
        The field at fault (dotted for nested ones, e.g. ``"start.phase"``).
    """

    def __init__(self, message: str, scene: int | None = None, field: str | None = None):
        super().__init__(" ".join(str(message).split()))
        self.scene = scene
        self.field = field


# -- the parsed lesson -------------------------------------------------------------------

@dataclass(frozen=True)
class Start:
    """Where a scene starts.

    Attributes
    ----------
    update : int or None
        The update shown, counted from 1 from the start of the run (None: the
        update in progress when the scene begins).
    micro : int or None
        Micro-steps revealed within it (0 = nothing; the update's length = applied).
    phase : str or None
        Instead of ``micro``: just before the first micro-step of this phase
        (one of :data:`core.timeline.PHASES`).
    """

    update: int | None = None
    micro: int | None = None
    phase: str | None = None


@dataclass(frozen=True)
class Step:
    """How far a scene steps; exactly one attribute is set.

    Attributes
    ----------
    micro : int or None
        This many micro-steps, one frame each.
    to_end_of : str or None
        Micro-steps until the last micro-step of this phase (into the next
        update if the current one has passed it), one frame each.
    updates : int or None
        This many whole updates (the one in progress is finished first), one
        frame each.
    """

    micro: int | None = None
    to_end_of: str | None = None
    updates: int | None = None

    @property
    def kind(self) -> str:
        """"micro", "to_end_of" or "updates"."""
        return "micro" if self.micro is not None else "to_end_of" if self.to_end_of else "updates"


@dataclass(frozen=True)
class Highlight:
    """Something a scene points at.

    Attributes
    ----------
    kind : {"node", "edge", "copy", "source"}
    layer : str
        ``"x"``, ``"s"`` or ``"y"`` for a node ("" otherwise).
    unit : int
        0-based unit of a node (−1 otherwise).
    t : int
        Step of the sequence: the node's copy, the copy an edge enters, the
        highlighted copy, or the step τ where the error source enters.
    matrix : str
        ``"V"``, ``"U"`` or ``"W"`` for an edge ("" otherwise).
    row, col : int
        The weight's indices in its matrix (v_ji: row j, col i; u_jh; w_kj), −1 otherwise.
    """

    kind: str
    t: int
    layer: str = ""
    unit: int = -1
    matrix: str = ""
    row: int = -1
    col: int = -1

    def label(self) -> str:
        """Plain text, e.g. ``s_2(3)``, ``u_12(3)``, ``copy t=3``, ``error source τ=4``."""
        if self.kind == "node":
            return f"{self.layer}_{self.unit}({self.t})"
        if self.kind == "edge":
            return f"{self.matrix.lower()}_{self.row},{self.col}({self.t})"
        if self.kind == "copy":
            return f"copy t={self.t}"
        return f"error source τ={self.t}"

    def window_column(self, w0: int) -> int:
        """Column of the drawn window holding step t, for a window that starts after step ``w0``.

        Parameters
        ----------
        w0 : int
            Steps before the window (``session.update.w0``).

        Returns
        -------
        int
            ``t − w0 − 1``: −1 is the s(w0) column at the far left; a value outside
            ``-1 .. columns−1`` means the step is not in the window on show.
        """
        return self.t - int(w0) - 1


@dataclass(frozen=True)
class Scene:
    """One scene, validated and resolved.

    Attributes
    ----------
    number : int
        1-based position in the lesson.
    title : str
    task : str or None
        The built-in task named by this scene (None: not named here).
    workspace : Path or None
        The workspace file (absolute) of the run in effect: named by this scene or
        by the scene that started the run; None for a task's run.
    settings : Mapping
        The settings this scene gives (read-only), as written.
    config : Config or None
        The run's configuration in effect (None while a workspace's run is shown).
    rho_U : float or None
        ρ(U) the run's U is rescaled to when it starts (None: as built).
    restart : bool
        The scene starts a new run (it names a task or a workspace, or changes
        a setting that rebuilds the network); False: it continues the previous
        scene's run (with ``live`` changes).
    live : Mapping
        η / clipping changes applied without restarting: this scene's own in a task's
        run (its ``config`` already holds them); in a workspace's run all those given
        since the workspace was opened (applying them again changes nothing).
    start : Start or None
        None: where the previous scene ended (a new run: update 1, micro-step 0).
    step : Step or None
        None: no stepping, the scene is one picture.
    speed : float
        Steps (frames) per second.
    hold : float
        Seconds the scene's first frame stays.
    panels : tuple of str
        Names of :data:`PANELS` shown beside the view, in order.
    highlights : tuple of Highlight
    caption : str
        Markdown.
    """

    number: int
    title: str
    task: str | None
    workspace: Path | None
    settings: Mapping
    config: Config | None
    rho_U: float | None
    restart: bool
    live: Mapping
    start: Start | None
    step: Step | None
    speed: float
    hold: float
    panels: tuple
    highlights: tuple
    caption: str


@dataclass(frozen=True)
class Lesson:
    """A parsed, validated lesson.

    Attributes
    ----------
    title : str
    description : str
        Markdown (may be empty).
    scenes : tuple of Scene
        At least one.
    path : Path or None
        The file it was read from.
    """

    title: str
    description: str
    scenes: tuple
    path: Path | None = None


# -- reading -----------------------------------------------------------------------------

def load(path) -> Lesson:
    """Read and validate the lesson file ``path``.

    Only a regular file of at most :data:`MAX_BYTES` bytes is read; a workspace
    named by a scene is found relative to the lesson's folder.

    Raises
    ------
    LessonError
        For a missing, non-regular, too large, non-UTF-8 or non-TOML file, or any
        fault of its content (the message starts with the file's name).
    """
    p = Path(path)
    try:
        st = os.stat(p)
        if not stat.S_ISREG(st.st_mode):
            raise LessonError(f"{p.name}: not a regular file")
        if st.st_size > MAX_BYTES:
            raise LessonError(f"{p.name}: the file is larger than {MAX_BYTES // 1024} KiB")
        with open(p, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as err:
        raise LessonError(f"{p.name}: cannot be read ({err.strerror or err})") from None
    if len(data) > MAX_BYTES:     # grew between stat and read
        raise LessonError(f"{p.name}: the file is larger than {MAX_BYTES // 1024} KiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LessonError(f"{p.name}: not UTF-8 text") from None
    try:
        return loads(text, base_dir=p.resolve().parent, path=p)
    except LessonError as err:
        raise LessonError(f"{p.name}: {err}", err.scene, err.field) from None


def loads(text: str, base_dir=None, path=None) -> Lesson:
    """Parse and validate a lesson from TOML text.

    Parameters
    ----------
    text : str
        The TOML document.
    base_dir : path-like, optional
        Folder that workspace paths are relative to (default: the current folder).
    path : path-like, optional
        Recorded as :attr:`Lesson.path`.

    Raises
    ------
    LessonError
    """
    if len(text) > MAX_BYTES:
        raise LessonError(f"the lesson is larger than {MAX_BYTES // 1024} KiB")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LessonError(f"not TOML: {err}") from None
    except RecursionError:      # tomllib recurses into nested arrays and inline tables
        raise LessonError("not TOML that a lesson can hold: arrays or tables nested too "
                          "deeply") from None
    return from_dict(doc, base_dir=base_dir, path=path)


def from_dict(doc: Mapping, base_dir=None, path=None) -> Lesson:
    """Validate a lesson already read into plain data (as :mod:`tomllib` gives it).

    Raises
    ------
    LessonError
    """
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    if not isinstance(doc, Mapping):
        raise LessonError("a lesson is a TOML table")
    _unknown(doc, _TOP_FIELDS, None, "")
    version = doc.get("version", VERSION)
    if isinstance(version, bool) or version != VERSION:
        raise LessonError(f"version must be {VERSION}, got {version!r}", field="version")
    if "title" not in doc:
        raise LessonError("missing field 'title'", field="title")
    title = _text(doc["title"], None, "title", MAX_TITLE)
    if not title.strip():
        raise LessonError("the title is empty", field="title")
    description = _text(doc.get("description", ""), None, "description", MAX_TEXT)
    raw = doc.get("scene")
    if raw is None or (isinstance(raw, list) and not raw):
        raise LessonError("the lesson has no scenes: add at least one [[scene]]", field="scene")
    if not isinstance(raw, list) or not all(isinstance(s, Mapping) for s in raw):
        raise LessonError("'scene' must be an array of tables ([[scene]])", field="scene")
    if len(raw) > MAX_SCENES:
        raise LessonError(f"at most {MAX_SCENES} scenes, got {len(raw)}", field="scene")
    scenes = []
    run = _Run()
    for n, s in enumerate(raw, 1):
        scenes.append(_scene(n, s, base, run))
    return Lesson(title=title, description=description, scenes=tuple(scenes),
                  path=Path(path) if path is not None else None)


# -- validation helpers ------------------------------------------------------------------

class _Where:
    """Formats 'scene n ('title'): ' prefixes."""

    def __init__(self, number: int | None, title: str | None = None):
        self.number, self.title = number, title

    def err(self, field: str | None, message: str) -> LessonError:
        if self.number is None:
            return LessonError(message, None, field)
        name = f" ({self.title!r})" if self.title else ""
        return LessonError(f"scene {self.number}{name}: {message}", self.number, field)


def _unknown(d: Mapping, valid, where: _Where | None, prefix: str) -> None:
    for key in d:
        if key not in valid:
            near = difflib.get_close_matches(str(key), valid, n=1)
            hint = f" (did you mean '{prefix}{near[0]}'?)" if near else \
                f"; valid: {', '.join(valid)}"
            msg = f"unknown field '{prefix}{key}'{hint}"
            raise (where.err(prefix + str(key), msg) if where else LessonError(msg, None, str(key)))


def _kind(v) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "an array", dict: "a table"}.get(type(v), type(v).__name__)


def _text(v, where, name, limit) -> str:
    if not isinstance(v, str):
        msg = f"'{name}' must be a string, got {_kind(v)}"
        raise where.err(name, msg) if where else LessonError(msg, None, name)
    if len(v) > limit:
        msg = f"'{name}' is longer than {limit} characters"
        raise where.err(name, msg) if where else LessonError(msg, None, name)
    return v


def _int(v, where: _Where, name: str, lo, hi) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise where.err(name, f"'{name}' must be an integer, got {_kind(v)} {v!r}")
    if not lo <= v <= hi:
        raise where.err(name, f"'{name}' = {v} is outside {lo}..{hi}")
    return v


def _num(v, where: _Where, name: str, lo, hi, open_lo: bool = False) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise where.err(name, f"'{name}' must be a number, got {_kind(v)} {v!r}")
    v = float(v)
    if not math.isfinite(v) or v < lo or v > hi or (open_lo and v <= lo):
        lb = "(" if open_lo else "["
        raise where.err(name, f"'{name}' = {v!r} is outside {lb}{lo:g}, {hi:g}]")
    return v


def _choice(v, where: _Where, name: str, valid) -> str:
    if not isinstance(v, str) or v not in valid:
        got = repr(v) if isinstance(v, str) else f"{_kind(v)} {v!r}"
        raise where.err(name, f"'{name}' must be one of {', '.join(valid)}; got {got}")
    return v


class _Run:
    """What the scenes so far leave behind, while validating: the run a scene continues."""

    def __init__(self):
        self.config: Config | None = None     # None before the first run, or for a workspace
        self.workspace: Path | None = None    # the workspace file of the run in effect
        self.live: dict = {}                  # η / clipping given since a workspace run began
        self.rho_U: float | None = None
        self.task = None                      # the core Task (for highlight ranges)


def _settings(raw, where: _Where) -> dict:
    if not isinstance(raw, Mapping):
        raise where.err("settings", f"'settings' must be a table, got {_kind(raw)}")
    _unknown(raw, SETTINGS, where, "settings.")
    out = {}
    for key, v in raw.items():
        name = f"settings.{key}"
        if key == "task_params":
            if not isinstance(v, Mapping):
                raise where.err(name, f"'{name}' must be a table, got {_kind(v)}")
            out[key] = dict(v)
        elif key == "M":
            out[key] = _int(v, where, name, *_M_LIMITS)
        elif key in ("hidden", "output", "cost", "scheme"):
            out[key] = _choice(v, where, name, {"hidden": HIDDEN, "output": OUTPUT, "cost": COSTS,
                                                "scheme": SCHEMES}[key])
        elif key in ("h", "h_prime"):
            out[key] = None if v == "full" else _int(v, where, name, *LIMITS[key]) \
                if not isinstance(v, str) else _bad_full(where, name, v)
        elif key in ("P", "seed"):
            out[key] = _int(v, where, name, *LIMITS[key])
        elif key == "eta":
            out[key] = _num(v, where, name, *LIMITS["eta"])
        elif key == "clip":
            out[key] = None if v == "off" else _num(v, where, name, *LIMITS["clip"]) \
                if not isinstance(v, str) else _bad_full(where, name, v, "off", "a number")
        elif key == "rho_U":
            out[key] = _num(v, where, name, *LESSON_LIMITS["rho_U"])
    return out


def _bad_full(where, name, v, word="full", what="an integer"):
    raise where.err(name, f"'{name}' must be {what} or \"{word}\", got {v!r}")


def _scene(n: int, s: Mapping, base: Path, run: _Run) -> Scene:
    title = s.get("title", "")
    where = _Where(n, title if isinstance(title, str) else None)
    _unknown(s, _SCENE_FIELDS, where, "")
    title = _text(title, where, "title", MAX_TITLE)
    if "task" in s and "workspace" in s:
        raise where.err("workspace", "give either 'task' or 'workspace', not both")
    task = _choice(s["task"], where, "task", core_tasks.TASKS) if "task" in s else None
    wpath = None
    if "workspace" in s:
        w = _text(s["workspace"], where, "workspace", 4096)
        wpath = (base / w).resolve()
        if not wpath.is_file():
            raise where.err("workspace", f"workspace file '{w}' not found (looked for {wpath})")
    settings = _settings(s.get("settings", {}), where)
    rho = settings.pop("rho_U", None)

    # -- which run: a new one, or the previous one continued --------------------------
    if task is not None:
        restart, config, live = True, _config(task, settings, where), {}
        run.workspace, run.rho_U = None, rho
    elif wpath is not None:
        bad = [k for k in settings if k not in LIVE]
        if bad:
            raise where.err(f"settings.{bad[0]}", f"setting '{bad[0]}' cannot be combined with a "
                            f"workspace (only {', '.join(LIVE)} and rho_U; the workspace holds the rest)")
        restart, config, live = True, None, dict(settings)
        run.workspace, run.rho_U = wpath, rho
    else:
        if run.config is None and run.workspace is None:
            raise where.err("task", "the first scene must name a 'task' or a 'workspace'")
        rebuild = [k for k in settings if k not in LIVE]
        if rebuild and run.workspace is not None:
            raise where.err(f"settings.{rebuild[0]}", f"setting '{rebuild[0]}' needs a 'task': the "
                            "run continued here comes from a workspace")
        live = {**run.live, **settings} if run.workspace is not None else {}
        restart = bool(rebuild) or rho is not None
        if run.workspace is not None:
            config = None
        elif restart:
            inherited = _changes(run.config)
            if "scheme" in settings:      # a new preset sets its own h and h′ unless given
                inherited.pop("h")
                inherited.pop("h_prime")
            config = _config(run.config.task, {**inherited, **settings}, where)
        else:
            config = run.config.with_changes(**settings)
            live = dict(settings)
        if rho is not None:
            run.rho_U = rho
    run.live = live if run.workspace is not None else {}
    if restart or config is None:       # a continued run keeps its task (live changes only)
        run.task = _task_of(config, where) if config is not None else None
    run.config = config

    start = _start(s["start"], where) if "start" in s else None
    step = _step(s["step"], where) if "step" in s else None
    speed = _num(s.get("speed", DEFAULT_SPEED), where, "speed", *LESSON_LIMITS["speed"])
    hold = _num(s.get("hold", DEFAULT_HOLD), where, "hold", *LESSON_LIMITS["hold"])
    panels = s.get("panels", [])
    if not isinstance(panels, list):
        raise where.err("panels", f"'panels' must be an array of names, got {_kind(panels)}")
    for p in panels:
        _choice(p, where, "panels", PANELS)
    if len(set(panels)) != len(panels):
        raise where.err("panels", "a panel is named twice in 'panels'")
    hl = s.get("highlight", [])
    if isinstance(hl, (str, Mapping)):
        hl = [hl]
    if not isinstance(hl, list):
        raise where.err("highlight", f"'highlight' must be a node name, a table or an array of "
                        f"them, got {_kind(hl)}")
    highlights = tuple(_highlight(h, where, i, run.task, run.config) for i, h in enumerate(hl, 1))
    caption = _text(s.get("caption", ""), where, "caption", MAX_TEXT)
    return Scene(number=n, title=title, task=task, workspace=run.workspace,
                 settings=MappingProxyType(dict(s.get("settings", {}))),
                 config=run.config, rho_U=run.rho_U,
                 restart=restart, live=MappingProxyType(live), start=start, step=step,
                 speed=speed, hold=hold, panels=tuple(panels), highlights=highlights,
                 caption=caption)


def _changes(cfg: Config) -> dict:
    """The settings of ``cfg`` as a change set for Config.for_task."""
    d = {f.name: getattr(cfg, f.name) for f in fields(Config)}
    d.pop("task")
    return d


def _config(task: str, settings: dict, where: _Where) -> Config:
    s = dict(settings)
    seed = s.pop("seed", 0)
    try:
        cfg = Config.for_task(task, seed=seed, **s)
    except ValueError as err:
        key = next((k for k in ("task_params", "scheme", "h", "h_prime") if k in s), "settings")
        raise where.err(f"settings.{key}", f"'settings.{key}': {err}") from None
    if cfg.scheme == "custom" and (cfg.h is not None and cfg.h_prime is not None
                                   and cfg.h < cfg.h_prime):
        raise where.err("settings.h", f"h must be ≥ h′ (BPTT(h; h′)), got h = {cfg.h}, "
                        f"h_prime = {cfg.h_prime}")
    try:
        check_pair(cfg.output, cfg.cost)
    except ValueError as err:
        key = "settings.cost" if "cost" in s else "settings.output"
        raise where.err(key, f"'{key}': {err}") from None
    validate = getattr(cfg, "validate", None)      # a fuller check, where config offers one
    if callable(validate):
        try:
            validate()
        except ValueError as err:
            raise where.err("settings", f"'settings': {err}") from None
    return cfg


def _task_of(cfg: Config, where: _Where):
    """The task the run trains on (for the highlights' ranges), checking P and task_params."""
    key = "settings.P"
    try:
        if cfg.P is not None:       # P alone first, so a fault is put on the right field
            core_tasks.make_task(cfg.task, seed=cfg.seed, P=cfg.P)
        key = "settings.task_params"
        t = core_tasks.make_task(cfg.task, seed=cfg.seed, P=cfg.P, **cfg.task_params)
        key = "settings.output"
        check_pair(cfg.output, cfg.cost, t.O)
        return t
    except (ValueError, TypeError) as err:
        raise where.err(key, f"'{key}': {err}") from None


def _start(v, where: _Where) -> Start:
    if not isinstance(v, Mapping):
        raise where.err("start", "'start' must be a table such as { update = 2, phase = \"bptt\" }, "
                        f"got {_kind(v)} {v!r}")
    _unknown(v, _START_FIELDS, where, "start.")
    if "micro" in v and "phase" in v:
        raise where.err("start.phase", "give either 'start.micro' or 'start.phase', not both")
    if not v:
        raise where.err("start", "'start' is empty: give update, micro or phase")
    u = _int(v["update"], where, "start.update", *LESSON_LIMITS["update"]) if "update" in v else None
    m = _int(v["micro"], where, "start.micro", *LESSON_LIMITS["micro"]) if "micro" in v else None
    p = _choice(v["phase"], where, "start.phase", PHASES) if "phase" in v else None
    return Start(update=u, micro=m, phase=p)


def _step(v, where: _Where) -> Step:
    if isinstance(v, int) and not isinstance(v, bool):
        return Step(micro=_int(v, where, "step", *LESSON_LIMITS["micro"]))
    if not isinstance(v, Mapping):
        raise where.err("step", "'step' must be a number of micro-steps or a table such as "
                        f"{{ to_end_of = \"bptt\" }}, got {_kind(v)} {v!r}")
    _unknown(v, _STEP_FIELDS, where, "step.")
    if len(v) != 1:
        raise where.err("step", "'step' needs exactly one of micro, to_end_of, updates")
    if "micro" in v:
        return Step(micro=_int(v["micro"], where, "step.micro", *LESSON_LIMITS["micro"]))
    if "to_end_of" in v:
        return Step(to_end_of=_choice(v["to_end_of"], where, "step.to_end_of", PHASES))
    return Step(updates=_int(v["updates"], where, "step.updates", *LESSON_LIMITS["updates"]))


def _highlight(h, where: _Where, i: int, task, cfg: Config | None) -> Highlight:
    name = f"highlight[{i}]"
    if isinstance(h, str):
        h = {"node": h}
    if not isinstance(h, Mapping):
        raise where.err(name, f"'{name}' must be a node name like \"s_2(3)\" or a table, "
                        f"got {_kind(h)}")
    keys = set(h)
    shapes = {"node": {"node"}, "layer": {"layer", "unit", "t"},
              "matrix": {"matrix", "row", "col", "t"}, "copy": {"copy"}, "source": {"source"}}
    kind = next((k for k in shapes if k in keys), None)
    if kind is None or keys != shapes[kind]:
        raise where.err(name, f"'{name}' must be one of {{ node = \"s_2(3)\" }}, "
                        "{ layer = \"s\", unit = 2, t = 3 }, { matrix = \"U\", row = 1, col = 2, t = 3 }, "
                        f"{{ copy = 3 }}, {{ source = 4 }}; got the fields {', '.join(sorted(map(str, keys)))}")
    L = task.L if task is not None else None
    sizes = None
    if task is not None and cfg is not None:
        sizes = {"x": task.N, "s": cfg.M, "y": task.O}

    def t_of(v, lo, what):
        t = _int(v, where, f"{name}.{what}", lo, L if L is not None else LESSON_LIMITS["update"][1])
        return t

    if kind == "node":
        v = h["node"]
        m = _NODE_RE.match(v) if isinstance(v, str) else None
        if m is None:
            raise where.err(name, f"'{name}': node {v!r} is not written like \"s_2(3)\" "
                            "(layer x, s or y, unit from 0, step t)")
        h = {"layer": m.group(1), "unit": int(m.group(2)), "t": int(m.group(3))}
        kind = "layer"
    if kind == "layer":
        layer = _choice(h["layer"], where, f"{name}.layer", LAYERS)
        hi = sizes[layer] - 1 if sizes else _M_LIMITS[1]
        unit = _int(h["unit"], where, f"{name}.unit", 0, hi)
        t = t_of(h["t"], 0 if layer == "s" else 1, "t")
        return Highlight("node", t, layer=layer, unit=unit)
    if kind == "matrix":
        mat = _choice(h["matrix"], where, f"{name}.matrix", MATRICES)
        if sizes:
            rows, cols = {"V": (sizes["s"], sizes["x"]), "U": (sizes["s"], sizes["s"]),
                          "W": (sizes["y"], sizes["s"])}[mat]
        else:
            rows = cols = _M_LIMITS[1]
        row = _int(h["row"], where, f"{name}.row", 0, rows - 1)
        col = _int(h["col"], where, f"{name}.col", 0, cols - 1)
        t = t_of(h["t"], 1, "t")
        return Highlight("edge", t, matrix=mat, row=row, col=col)
    if kind == "copy":
        return Highlight("copy", t_of(h["copy"], 0, "copy"))
    tau = t_of(h["source"], 1, "source")
    if task is not None and not bool(task.mask[tau - 1].any()):
        raise where.err(f"{name}.source", f"no error enters at step {tau}: it carries no target")
    return Highlight("source", tau)


# -- the plan ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Action:
    """One instruction of a lesson's plan.

    Attributes
    ----------
    scene : int
        0-based index into :attr:`Lesson.scenes`.
    kind : str
        ``"new_run"`` (arg: the Scene whose run starts: its ``config`` or
        ``workspace``, ``rho_U`` and ``live``), ``"configure"`` (arg: dict of
        live changes), ``"start"`` (arg: Start or None; one frame), ``"micro"``
        (arg: int; one frame per micro-step), ``"to_end_of"`` (arg: phase;
        one frame per micro-step), ``"updates"`` (arg: int; one frame per update).
    arg : object
    """

    scene: int
    kind: str
    arg: Any = None


def plan(lesson: Lesson) -> tuple:
    """The instructions that play ``lesson``, in order, without touching a session.

    Every scene contributes an optional ``new_run`` or ``configure``, one ``start``
    (the frame the caption first appears on) and at most one stepping action.

    Returns
    -------
    tuple of Action
    """
    out = []
    for i, sc in enumerate(lesson.scenes):
        if sc.restart:
            out.append(Action(i, "new_run", sc))
        elif sc.live:
            out.append(Action(i, "configure", dict(sc.live)))
        out.append(Action(i, "start", sc.start))
        if sc.step is not None:
            out.append(Action(i, "micro" if sc.step.micro is not None else sc.step.kind,
                              sc.step.micro if sc.step.micro is not None
                              else sc.step.to_end_of or sc.step.updates))
    return tuple(out)


@dataclass(frozen=True)
class Frame:
    """A picture to draw while playing: the session stands where it should be shown.

    Attributes
    ----------
    scene : int
        0-based index into :attr:`Lesson.scenes` (its panels, highlights, caption).
    index : int
        Frame number within the scene (0 = the scene's first picture).
    kind : str
        The :class:`Action` kind that produced it (``"start"``, ``"micro"``,
        ``"to_end_of"`` or ``"updates"``).
    duration : float
        Seconds it stays: the scene's ``hold`` for its first frame, 1 / ``speed`` after.
    """

    scene: int
    index: int
    kind: str
    duration: float


def play(lesson: Lesson, session, actions=None, first_scene: int = 0) -> Iterator[Frame]:
    """Drive ``session`` through ``lesson``, yielding a :class:`Frame` whenever a picture is due.

    The session is changed only through its public methods (``configure``,
    ``reset``, ``refresh``, ``step``, ``step_back``, ``next_update``,
    ``run_updates``; read: ``status()``, ``timeline``, ``position``,
    ``applied``, ``net``), so a player in the window and the headless exporter
    give the same, deterministic sequence. The generator is lazy: a player
    calls ``next`` once per tick of its timer.

    Parameters
    ----------
    lesson : Lesson
    session : visualizer.model.session.Session
    actions : sequence of Action, optional
        A plan (default: :func:`plan` of ``lesson``).
    first_scene : int
        0-based scene to start showing at: the scenes before it are played without
        yielding (a player's "previous scene" replays the lesson up to there, which
        gives exactly the state the scene began with).

    Raises
    ------
    LessonError
        When a position cannot be reached (a micro-step beyond the update's end, a
        phase that never comes) or the run diverges; the message names the scene.
    """
    setup = None
    for a in (plan(lesson) if actions is None else actions):
        sc = lesson.scenes[a.scene]
        where = _Where(sc.number, sc.title)
        if a.kind == "new_run":
            setup = sc
            _new_run(session, sc, where)
        elif a.kind == "configure":
            session.configure(**a.arg)
        elif a.kind == "start":
            if a.arg is not None:
                _reach(session, a.arg, setup, where)
            if a.scene >= first_scene:
                yield Frame(a.scene, 0, "start", sc.hold)
        else:
            for k, _ in enumerate(_stepper(session, a, where), 1):
                if a.scene >= first_scene:
                    yield Frame(a.scene, k, a.kind, 1.0 / sc.speed)


def rehearse(lesson: Lesson, session=None) -> int:
    """Play ``lesson`` headless to the end, to find faults only playing reveals.

    Static validation cannot know how many micro-steps an update has or whether a
    run stays finite; a command line can rehearse a lesson before it renders
    anything, and refuse it with one line.

    Parameters
    ----------
    lesson : Lesson
    session : Session, optional
        Played against (default: a new :class:`~visualizer.model.session.Session`).

    Returns
    -------
    int
        The number of frames the lesson gives.

    Raises
    ------
    LessonError
    """
    if session is None:
        from visualizer.model.session import Session
        session = Session()
    return sum(1 for _ in play(lesson, session))


def _new_run(session, sc: Scene, where: _Where) -> None:
    try:
        if sc.config is None:
            from visualizer.model import workspace as ws     # imported only when a lesson needs it
            ws.load_into(session, sc.workspace)
            if sc.live:
                session.configure(**dict(sc.live))
        else:
            cfg = sc.config
            session.configure(**_changes(cfg), task=cfg.task)
            session.reset()
        if sc.rho_U is not None:
            session.net.U[...] = diagnostics.rescale_to_radius(session.net.U, sc.rho_U)
            session.refresh()
    except LessonError:
        raise
    except ValueError as err:
        raise where.err("settings", f"the run cannot start: {err}") from None


def _place(session) -> tuple[int, int]:
    """(updates applied before the update on show, micro-steps revealed in it)."""
    st = session.status()
    if session.applied:
        return st["applied"] - 1, st["micro_total"]
    return st["applied"], st["micro"]


def _reach(session, start: Start, setup: Scene | None, where: _Where) -> None:
    """Bring the session to ``start``, restarting the run when ``start`` lies behind it."""
    before, pos = _place(session)
    if start.update is not None:
        tb = start.update - 1
    else:                       # the update in progress, or the next one once it is applied
        tb = before + 1 if session.applied else before
    behind = tb < before
    if tb == before:
        if start.phase is not None:
            behind = pos > session.timeline.start_of_phase(start.phase)
        else:
            behind = (start.micro or 0) < pos
    if behind:
        if setup is None:
            raise where.err("start", "the start lies behind the run and there is no run to restart")
        _new_run(session, setup, where)
        before, pos = _place(session)
    if tb > before:
        k = tb - session.status()["applied"]    # whole updates still to apply before update tb+1
        if k > 0:
            done = session.run_updates(k)
            if done != k:
                raise where.err("start", f"the run diverged before update {tb + 1}: "
                                f"{getattr(session, 'message', '')}")
        session.step()          # open update tb+1 ...
        session.step_back()     # ... with nothing revealed yet
        before, pos = _place(session)
    total = len(session.timeline)
    m = session.timeline.start_of_phase(start.phase) if start.phase is not None else (start.micro or 0)
    if m > total:
        raise where.err("start.micro", f"micro-step {m} is beyond the {total} micro-steps of "
                        f"update {tb + 1}")
    while pos < m:
        if not session.step():
            raise where.err("start", f"the run diverged: {getattr(session, 'message', '')}")
        before, pos = _place(session)


def _at_end_of(session, phase: str) -> bool:
    p = session.position
    tl = session.timeline
    if p == 0:
        return False
    return tl.steps[p - 1].phase == phase and (p == len(tl) or tl.steps[p].phase != phase)


def _stepper(session, a: Action, where: _Where) -> Iterator[None]:
    """Perform a stepping action, yielding after each change worth a frame."""
    if a.kind == "micro":
        for _ in range(a.arg):
            if not session.step():
                raise where.err("step", f"the update was refused as not finite: "
                                f"{getattr(session, 'message', '')}")
            yield
    elif a.kind == "updates":
        for _ in range(a.arg):
            if not session.next_update():
                raise where.err("step", f"the update was refused as not finite: "
                                f"{getattr(session, 'message', '')}")
            yield
    else:
        phase = a.arg
        budget = 2 * len(session.timeline) + 2    # the phase comes within this update or the next
        while not _at_end_of(session, phase):
            if budget == 0:
                raise where.err("step.to_end_of", f"the phase '{phase}' never comes in this run")
            budget -= 1
            if not session.step():
                raise where.err("step", f"the update was refused as not finite: "
                                f"{getattr(session, 'message', '')}")
            yield


def lessons_dir() -> Path:
    """The folder of the shipped lessons (``assets/lessons``)."""
    from visualizer.model.resources import assets_dir
    return assets_dir() / "lessons"


def shipped() -> tuple:
    """Paths of the shipped lessons, sorted by name."""
    return tuple(sorted(lessons_dir().glob("*" + EXTENSION)))
