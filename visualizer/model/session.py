"""The state the window shows, without Qt: task, network, trainer, and the position in an update.

A :class:`Session` owns the engine objects of :mod:`core` and reveals one
update micro-step by micro-step (the update is computed whole by
``Trainer.prepare(detail=True)``, so stepping costs nothing). Views subscribe
to its :class:`~visualizer.model.events.Events`:

- ``"structure"``: the network changed shape or was rebuilt (rebuild geometry);
- ``"window"``: the number of copies drawn changed (the window grows to T copies at the
  start of a sequence under BPTT(T; 1)): re-lay the columns;
- ``"frame"``: something visible changed (recolour);
- ``"cost"``: a cost was recorded;
- ``"diverged"``: an update was refused as not finite (argument: the message);
- ``"config"``: the configuration changed (argument: the names that changed).

The window and the headless export drive the same object; an export steps a
:meth:`Session.copy`. Weight edits go through :meth:`Session.set_weight`,
:meth:`Session.set_matrix` and :meth:`Session.rescale_U` (which returns what it
changed, so it can be undone). ``delta_history`` keeps ‖δ(t−z)‖ of the applied
updates (the vanishing panel's history), undone with its update.
"""
from __future__ import annotations

import copy as _copy
import math
from dataclasses import dataclass, fields

import numpy as np

import core
from core import diagnostics
from core import tasks as core_tasks
from core.timeline import PHASE_TEXT

from visualizer.model.config import (LIVE, PHASE_EDGE_MODE, Config, default_config,  # noqa: F401
                                     scheme_window)
from visualizer.model.events import Events
from visualizer.model.explain import caption_text
from visualizer.model.vanishing_frame import DeltaHistory
from visualizer.model.i18n_marks import translate

#: the events a Session emits (see the module notes)
EVENTS = ("structure", "window", "frame", "cost", "diverged", "config")

def default_edge_mode(phase: str) -> str:
    """What an edge shows by default in each phase."""
    return PHASE_EDGE_MODE[phase]


class Session:
    """A task, a network, its trainer and the reveal position within the current update.

    Parameters
    ----------
    config : Config, optional
        Defaults to the recommended settings of the default task.
    """

    def __init__(self, config: Config | None = None, task=None):
        self.events = Events(*EVENTS)
        self.custom_task = task    # a Task not in core.tasks.TASKS (the user's own data), or None
        self.sample = 0            # the sample l drawn
        self.edge_pin = None       # None = follow the phase, else "signal"|"error"|"share"|"weight"
        self.message = ""          # the last divergence message ("" while all is finite)
        self.error_source = None   # the view's "one error source": window column τ, None = all
        self.attribution = None    # the who-taught-whom tracker, made lazily by whoever draws it
        if config is None:
            config = Config.from_task(task) if task is not None else default_config()
        self._build(config)

    # -- building ----------------------------------------------------------
    def _build(self, config: Config) -> None:
        task = self._make_task(config)
        net = core.Network.create(task.N, config.M, task.O, hidden=config.hidden,
                                  output=config.output, seed=config.seed)
        trainer = core.Trainer(net, task.X, task.D, mask=task.mask, scheme=config.scheme_object(),
                               cost=config.cost, eta=config.eta, clip=config.clip,
                               resample=task.resample, seed=config.seed)
        self.config, self.task, self.net, self.trainer = config, task, net, trainer
        self.sample = min(self.sample, trainer.P - 1)
        self.message = ""
        self.curve_updates: list[tuple[int, float]] = []   # (update, cost per scored output)
        self.curve_eval: list[tuple[int, float, float | None]] = []  # (update, train, held-out)
        self._record_eval()
        #: ‖δ(t−z)‖ of each applied update that was computed in detail (the vanishing panel's history)
        self.delta_history = DeltaHistory()
        self._undo = None
        self._eval_due = False     # an epoch ended in fast play and is not evaluated yet
        self._prepare()
        self._drawn_columns = self.columns
        self.events.emit("structure")
        self.events.emit("frame")

    def _make_task(self, config: Config):
        if config.task in core_tasks.TASKS:
            return core_tasks.make_task(config.task, seed=config.seed, P=config.P,
                                        **config.task_params)
        if self.custom_task is not None and self.custom_task.name == config.task:
            return self.custom_task
        raise ValueError(f"unknown task {config.task!r}; valid: {', '.join(core_tasks.TASKS)} "
                         "or a loaded data file")

    def use_task(self, task, **changes) -> None:
        """Train on ``task`` (e.g. built from the user's file) with its recommended settings.

        Raises
        ------
        ValueError
            When the settings cannot be used; the session is left as it was.
        """
        old_task, old_config = self.custom_task, self.config
        self.custom_task = task
        try:
            self._build(Config.from_task(task, seed=self.config.seed, **changes))
        except ValueError:
            self.custom_task = old_task
            self._build(old_config)
            raise
        self.events.emit("config", ("task",))

    def _prepare(self) -> None:
        self.update = self.trainer.prepare(detail=True)
        self.timeline = core.Timeline.of_update(self.update)
        self.position = 0

    @property
    def columns(self) -> int:
        """Copies drawn: those of the current update's window (fewer at the sequence start
        under BPTT(T; 1), where the window has not yet grown to T copies)."""
        return self.update.t_end - self.update.w0

    def _emit_frame(self) -> None:
        """Tell the views to redraw; first to re-lay the columns when the window's length changed."""
        if self.columns != self._drawn_columns:
            self._drawn_columns = self.columns
            self.events.emit("window")
        self.events.emit("frame")

    def configure(self, **changes) -> None:
        """Change settings: η and clipping live, anything else rebuilds the network.

        Raises
        ------
        ValueError
            For an impossible combination; the session is left as it was.
        """
        new = self.config.with_changes(**changes)
        if new == self.config:
            return
        live_only = all(getattr(new, f.name) == getattr(self.config, f.name)
                        for f in fields(Config) if f.name not in LIVE)
        if live_only:
            _check_live(new)
            self.config = new
            self.trainer.eta = new.eta
            self.trainer.clip = new.clip
            # the prepared update was computed with the old η: recompute it, keep the position
            if self.position < len(self.timeline):
                p = self.position
                self._prepare()
                self.position = min(p, len(self.timeline))
            self.events.emit("config", tuple(changes))
            self._emit_frame()
            return
        old = self.config
        try:
            self._build(new)
        except ValueError:
            self._build(old)
            raise
        self.events.emit("config", tuple(changes))

    def reset(self) -> None:
        """Start again from the configuration: the same seed gives the same run."""
        self._build(self.config)

    def set_weight(self, name: str, index: tuple, value: float) -> None:
        """Set one weight (e.g. ``("U", (j, h), 0.5)``); the current update is recomputed with it.

        Raises
        ------
        ValueError
            For an unknown parameter, an index outside it, or a non-finite value.
        """
        if name not in core.PARAMS:
            raise ValueError(f"unknown parameter {name!r}; valid: {', '.join(core.PARAMS)}")
        a = getattr(self.net, name)
        index = tuple(int(i) for i in np.atleast_1d(index))
        if len(index) != a.ndim or any(not 0 <= i < n for i, n in zip(index, a.shape)):
            raise ValueError(f"{name} has shape {a.shape}; index {index} is outside it")
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"a weight must be a finite number, got {value!r}")
        if self.applied:
            self._prepare()
        a[index] = value
        self.refresh()

    def set_matrix(self, name: str, values) -> None:
        """Replace a whole parameter (e.g. ``U``); the current update is recomputed with it.

        Parameters
        ----------
        name : str
            One of ``core.PARAMS``.
        values : array_like
            The new values, of the parameter's shape, all finite.

        Raises
        ------
        ValueError
            For an unknown parameter, a wrong shape or a non-finite value; nothing changes.
        """
        if name not in core.PARAMS:
            raise ValueError(f"unknown parameter {name!r}; valid: {', '.join(core.PARAMS)}")
        a = getattr(self.net, name)
        v = np.asarray(values, dtype=np.float64)
        if v.shape != a.shape:
            raise ValueError(f"{name} has shape {a.shape}, got values of shape {v.shape}")
        if not np.isfinite(v).all():
            raise ValueError(f"{name} must be finite")
        if self.applied:
            self._prepare()
        a[...] = v
        self.refresh()

    def rescale_U(self, rho: float) -> "WeightChange":
        """Scale U so that its spectral radius ρ(U) is ``rho``; the current update is recomputed.

        Emits ``"frame"`` (and ``"window"`` when the drawn window changes), as
        any weight edit does. After an applied update the next one is prepared.

        Parameters
        ----------
        rho : float
            The spectral radius wanted, > 0.

        Returns
        -------
        WeightChange
            U before and after (``session.set_matrix("U", change.before)`` undoes it).

        Raises
        ------
        ValueError
            For a ρ that is not a positive finite number, or a U with no nonzero eigenvalue.
        """
        before = self.net.U.copy()
        after = diagnostics.rescale_to_radius(before, rho)
        self.set_matrix("U", after)
        return WeightChange("U", before, self.net.U.copy())

    def copy(self) -> "Session":
        """A deep copy that nobody listens to: stepping it leaves this session and its views alone.

        Everything is copied (network, trainer and its random state, position,
        curves, history, sample, pinned edge mode); the copy has fresh events.
        """
        return _copy.deepcopy(self, {id(self.events): Events(*EVENTS)})

    def refresh(self) -> None:
        """Recompute the current update after the weights were changed in place."""
        p = self.position
        self._undo = None
        if p >= len(self.timeline):
            p = 0
        self._prepare()
        self.position = min(p, len(self.timeline) - 1)
        self._emit_frame()

    # -- stepping ----------------------------------------------------------
    @property
    def phase(self) -> str:
        """The phase in progress."""
        return self.timeline.phase(self.position)

    @property
    def applied(self) -> bool:
        """The current update's weight change has been made."""
        return self.position == len(self.timeline)

    def step(self) -> bool:
        """One micro-step forward; False when the update was refused as not finite."""
        if self.applied:
            self._prepare()
            self.position = 1
            self._emit_frame()
            return True
        return self._goto(self.position + 1)

    def step_back(self) -> bool:
        """One micro-step back within the current update (free: the pass is computed)."""
        if self.position == 0:
            return False
        if self.applied and self._undo is not None:
            params, state, curves = self._undo
            for name, a in params.items():
                getattr(self.net, name)[...] = a
            self.trainer.load_state(state)
            self.curve_updates, self.curve_eval = curves
            self.delta_history.truncate(self.trainer.updates)
            self._undo = None
            self.events.emit("cost")
        elif self.applied:
            return False
        self.position -= 1
        self._emit_frame()
        return True

    def next_phase(self) -> bool:
        """Jump to the end of the phase in progress."""
        if self.applied:
            self._prepare()
        return self._goto(self.timeline.end_of_phase(self.position))

    def next_update(self) -> bool:
        """Finish the current update (or do the next one whole)."""
        if self.applied:
            self._prepare()
        return self._goto(len(self.timeline))

    def _goto(self, p: int) -> bool:
        p = min(p, len(self.timeline))
        if p == len(self.timeline) and not self.applied:
            if not self._apply(undoable=True):
                self.position = len(self.timeline) - 1
                self._emit_frame()
                return False
        self.position = p
        self._emit_frame()
        return True

    def _apply(self, undoable: bool, emit: bool = True, evaluate: bool = True) -> bool:
        if undoable:
            self._undo = ({k: v.copy() for k, v in self.net.params().items()},
                          self.trainer.state(),
                          (list(self.curve_updates), list(self.curve_eval)))
        epoch = self.trainer.epoch
        try:
            self.trainer.apply(self.update)
        except core.NonFiniteError as err:
            self._undo = None
            self.message = str(err)
            self.events.emit("diverged", self.message)
            return False
        self.message = ""
        scored = int(self.update.pas.deltas.targets.sum())
        if scored:      # a window with no target (e.g. before the adding problem's last step) has no cost
            self.curve_updates.append((self.trainer.updates, self.update.cost / scored))
        if self.trainer.epoch != epoch:
            if evaluate:
                self._record_eval()
            else:
                self._eval_due = True
        if self.update.pas.deltas.by_source is not None:
            self.delta_history.record(self.trainer.updates, diagnostics.delta_norms(self.update.pas))
        if emit:
            self.events.emit("cost")
        return True

    def run_updates(self, n: int, every_epoch: bool = True, emit: bool = True) -> int:
        """Apply ``n`` whole updates as fast as possible; the last one is kept for display.

        Only the last update is computed in detail (per copy, per source): the
        ones before it are never shown.

        Parameters
        ----------
        n : int
            Number of updates.
        every_epoch : bool
            True: the training and held-out costs are evaluated at every end of
            an epoch (the learning curve has one point per epoch). False (fast
            play): only when the result is shown (``emit``), once, if an epoch
            ended since the last time; the evaluation is a forward pass over the
            whole data set and would otherwise cost more than the updates on
            tasks whose epoch is a few updates long (a loaded text).
        emit : bool
            False: tell the views nothing (fast play between two redraws); a
            later :meth:`show_progress` does. A refused update is always told.

        Returns
        -------
        int
            The number applied (fewer when one was refused as not finite).
        """
        done = 0
        fresh = self.applied          # the current update is spent: start a new one
        for i in range(n):
            if i or fresh:
                self.update = self.trainer.prepare(detail=i == n - 1)
            if not self._apply(undoable=False, emit=False, evaluate=every_epoch):
                self._evaluate_due()
                self.events.emit("cost")
                self._prepare()       # show the refused update's last finite state
                self.position = len(self.timeline) - 1
                self._emit_frame()
                return done
            done += 1
        if n:
            self.timeline = core.Timeline.of_update(self.update)
            self.position = len(self.timeline)
            self._undo = None
            if emit:
                self.show_progress()
        return done

    def show_progress(self) -> None:
        """Tell the views about updates run without telling (``run_updates(emit=False)``):
        evaluate the epoch that ended meanwhile, if any, then emit ``cost`` and ``frame``."""
        self._evaluate_due()
        self.events.emit("cost")
        self._emit_frame()

    def _evaluate_due(self) -> None:
        if self._eval_due:
            self._eval_due = False
            self._record_eval()

    def _record_eval(self) -> None:
        with np.errstate(all="ignore"):     # a diverging run is reported, not warned about
            train = self.task.score(self.net)
            test = self.task.test_score(self.net)
        self.curve_eval.append((self.trainer.updates, train, test))

    # -- what is shown -----------------------------------------------------
    def pass_weights(self) -> dict:
        """V, U, W, θ as the current pass used them: before the update, also once it is applied.

        Returns
        -------
        dict of str to ndarray
            The network's own arrays while the update is pending, copies after.
        """
        if not self.applied:
            return self.net.params()
        return {name: getattr(self.net, name) - self.update.change[name] for name in core.PARAMS}

    @property
    def edge_mode(self) -> str:
        """What the edges show now: the pinned mode, or the phase's default."""
        return self.edge_pin or default_edge_mode(self.phase)

    def status(self) -> dict:
        """Update, phase, t, z and cost, for the status bar and captions."""
        st = self.timeline.step(self.position)
        col = st.column if st is not None and st.column >= 0 else None
        t = self.update.w0 + col + 1 if col is not None else None
        last = self.curve_updates[-1][1] if self.curve_updates else math.nan
        # the update on show, counted from 1: the one being revealed, or the one just applied
        shown = self.trainer.updates if self.applied else self.trainer.updates + 1
        return {"update": shown, "applied": self.trainer.updates, "epoch": self.trainer.epoch,
                "phase": self.phase, "phase_text": translate("phases", PHASE_TEXT[self.phase]),
                "micro": self.position, "micro_total": len(self.timeline),
                "t": t, "z": st.z if st is not None and st.z >= 0 else None,
                "cost": last, "window": (self.update.w0 + 1, self.update.t_end),
                "scheme": self.trainer.scheme.label()}

    def caption(self) -> str:
        """One line: task, update, phase, t, z, cost (in :mod:`~visualizer.model.explain`'s words)."""
        return caption_text(self.task.name, self.status())


@dataclass(frozen=True)
class WeightChange:
    """What a change of a whole parameter did, so that it can be undone.

    Attributes
    ----------
    name : str
        The parameter (``"U"``).
    before, after : ndarray
        Its values before and after, of its shape.
    """

    name: str
    before: np.ndarray
    after: np.ndarray


def _check_live(cfg: Config) -> None:
    if not (isinstance(cfg.eta, (int, float)) and math.isfinite(cfg.eta) and cfg.eta >= 0):
        raise ValueError(f"η must be a finite number ≥ 0, got {cfg.eta!r}")
    if cfg.clip is not None and not (math.isfinite(cfg.clip) and cfg.clip > 0):
        raise ValueError(f"clipping must be a positive number or off, got {cfg.clip!r}")
