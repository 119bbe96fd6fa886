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
- ``"config"``: the configuration changed (argument: the names that changed);
- ``"edited"``: the user changed weights (argument: a :class:`WeightChange`), for an undo stack.

The window and the headless export drive the same object; an export steps a
:meth:`Session.copy`. Weight edits go through :meth:`Session.set_weight`,
:meth:`Session.set_matrix` and :meth:`Session.rescale_U` (which returns what it
changed, so it can be undone). Step back reaches into the micro-steps of the
last :data:`~visualizer.model.config.HISTORY_UPDATES` updates applied one by
one (``history``: the weights and trainer state before each, and the update
itself). ``training_cost()`` is the cost over the whole training sequence with
the weights now, evaluated again after any change of the weights. ``delta_history`` keeps ‖δ(t−z)‖ of the applied
updates (the vanishing panel's history), undone with its update.
"""
from __future__ import annotations

import copy as _copy
import math
from collections import deque
from dataclasses import dataclass, fields

import numpy as np

import core
from core import diagnostics
from core import tasks as core_tasks
from core.timeline import PHASE_TEXT

from visualizer.model import config as config_module
from visualizer.model.config import (HISTORY_BUDGET_SHARE, HISTORY_UPDATES, LIVE, PHASE_EDGE_MODE, Config,  # noqa: F401
                                     default_config, scheme_window)
from visualizer.model.events import Events
from visualizer.model.explain import caption_text
from visualizer.model.vanishing_frame import DeltaHistory
from visualizer.model.i18n_marks import translate

#: the events a Session emits (see the module notes)
EVENTS = ("structure", "window", "frame", "cost", "diverged", "config", "edited")

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
        self.discarded = None      # what the last rebuilding configure() threw away (a snapshot)
        #: bytes this session may hold; the step-back history keeps within a share of it
        self.memory_budget = config_module.MEMORY_BUDGET
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
        self._eval_due = False     # an epoch ended in fast play and is not evaluated yet
        #: (weights before, trainer state before, (curve_updates, curve_eval) before, the update)
        #: of the last updates applied one by one, newest last
        self.history: deque = deque(maxlen=HISTORY_UPDATES)
        self._weights_version = 0       # counts weight changes (for the cached training cost)
        self._cost_cache = None
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
        config = Config.from_task(task, seed=self.config.seed, **changes)
        config_module.check_task_memory(config, task, budget=self.memory_budget,
                                        what="these data with their settings")
        old_task, old_config = self.custom_task, self.config
        self.custom_task = task
        try:
            self._build(config)
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
        #: what the rebuild discarded (an undo of this change puts it back)
        self.discarded = self.snapshot()
        try:
            self._build(new)
        except ValueError:
            self._build(old)
            raise
        self.events.emit("config", tuple(changes))

    def snapshot(self) -> dict:
        """Weights, trainer state, curves and position, to come back to after a rebuild
        with the same configuration (:meth:`restore_snapshot`)."""
        return {"config": self.config, "params": {k: v.copy() for k, v in self.net.params().items()},
                "state": self.trainer.state(), "curves": (list(self.curve_updates),
                                                          list(self.curve_eval)),
                "update": self.update, "position": self.position,
                "history": list(self.history), "delta": _copy.deepcopy(self.delta_history)}

    def restore_snapshot(self, snap: dict) -> None:
        """Go back to a :meth:`snapshot` (rebuilding with its configuration first if needed).

        Raises
        ------
        ValueError
            When the snapshot's configuration cannot be built any more.
        """
        if snap["config"] != self.config:
            self._build(snap["config"])
        for name, a in snap["params"].items():
            getattr(self.net, name)[...] = a
        self.trainer.load_state(snap["state"])
        self.curve_updates, self.curve_eval = (list(c) for c in snap["curves"])
        self.update = snap["update"]
        self.timeline = core.Timeline.of_update(self.update)
        self.position = snap["position"]
        self.history.clear()
        self.history.extend(snap["history"])
        self.delta_history = _copy.deepcopy(snap["delta"])
        self._weights_version += 1
        self.events.emit("structure")
        self.events.emit("cost")
        self._emit_frame()

    def reset(self) -> None:
        """Start again from the configuration: the same seed gives the same run."""
        self._build(self.config)

    def set_weight(self, name: str, index: tuple, value: float) -> "WeightChange":
        """Set one weight (e.g. ``("U", (j, h), 0.5)``); the current update is recomputed with it.

        Returns
        -------
        WeightChange
            The whole parameter before and after (also emitted as ``"edited"``).

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
        before = a.copy()
        if self.applied:
            self._prepare()
        a[index] = value
        self.refresh()
        return self._edited(name, before)

    def _edited(self, name: str, before: np.ndarray, what: str = "edit") -> "WeightChange":
        change = WeightChange(name, before, getattr(self.net, name).copy(), what)
        self.events.emit("edited", change)
        return change

    def set_matrix(self, name: str, values, record: bool = True,
                   what: str = "edit") -> "WeightChange":
        """Replace a whole parameter (e.g. ``U``); the current update is recomputed with it.

        Parameters
        ----------
        name : str
            One of ``core.PARAMS``.
        values : array_like
            The new values, of the parameter's shape, all finite.
        record : bool
            Emit ``"edited"`` (False for an undo stack's own undo/redo).
        what : str
            What the change was ("edit", "rescale"), carried by the WeightChange.

        Returns
        -------
        WeightChange
            The parameter before and after.

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
        before = a.copy()
        if self.applied:
            self._prepare()
        a[...] = v
        self.refresh()
        if not record:
            return WeightChange(name, before, a.copy(), what)
        return self._edited(name, before, what)

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
        after = diagnostics.rescale_to_radius(self.net.U.copy(), rho)
        return self.set_matrix("U", after, what="rescale")

    def copy(self) -> "Session":
        """A deep copy that nobody listens to: stepping it leaves this session and its views alone.

        Everything is copied (network, trainer and its random state, position,
        curves, delta history, sample, pinned edge mode) but the step-back history,
        of which only the newest update is kept; the copy has fresh events.
        """
        # of the step-back history only the newest update (enough to replay the one on show)
        last = deque([_copy.deepcopy(self.history[-1])] if self.history else [],
                     maxlen=self.history.maxlen)
        memo = {id(self.events): Events(*EVENTS), id(self.history): last}
        if self.discarded is not None:
            memo[id(self.discarded)] = None
        return _copy.deepcopy(self, memo)

    def refresh(self) -> None:
        """Recompute the current update after the weights were changed in place."""
        p = self.position
        if p >= len(self.timeline):
            p = 0
        self._prepare()
        self.position = min(p, len(self.timeline) - 1)
        self._weights_version += 1
        self.events.emit("cost")        # every shown cost is evaluated again with the new weights
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
        """One micro-step back; across an update boundary into the previous update's last micro-step.

        Stepping back over an applied update restores the weights, trainer state
        and curves from before it (kept for the last :data:`HISTORY_UPDATES`
        updates applied one by one). False at the start of the kept history.
        """
        if self.applied:
            if not self.history:
                return False
            self._restore(self.history.pop())
            self.position = len(self.timeline) - 1
        elif self.position > 0:
            self.position -= 1
        elif self.history:
            self._restore(self.history.pop())
            self.position = len(self.timeline) - 1
        else:
            return False
        self._emit_frame()
        return True

    # -- the step-back history ---------------------------------------------------
    # An entry is (weights, trainer state, curves, update, sequences). The trainer state of an
    # entry made at an update leaves out the arrays as long as the training sequence; its
    # ``sequences`` holds what is needed to put them back: the data arrays (the trainer replaces
    # them at a new epoch, it never writes into them, so a reference is enough) and either the
    # old state history s (when the update ended an epoch the trainer started a new one) or the
    # rows of it the update overwrote. A long text therefore costs one window's rows per entry,
    # not a copy of the whole sequence. ``sequences`` is None when the state is whole.

    def _before_apply(self) -> tuple:
        """The history entry for the update about to be applied (see above)."""
        tr, u = self.trainer, self.update
        rows = slice(u.first + 1, u.t_end + 1)          # what Trainer.apply writes into s_hist
        seq = {"X": tr.X, "D": tr.D, "mask": tr.mask, "s_hist": tr.s_hist,
               "rows": (rows, tr.s_hist[rows].copy())}
        return ({k: v.copy() for k, v in self.net.params().items()}, tr.state(sequences=False),
                (list(self.curve_updates), list(self.curve_eval)), u, seq)

    def _remember(self, entry: tuple) -> None:
        """Keep ``entry`` (made by :meth:`_before_apply`) now that its update was applied."""
        seq = entry[4]
        if self.trainer.s_hist is seq["s_hist"]:
            seq["s_hist"] = None            # the same array: the overwritten rows are enough
        else:
            seq["rows"] = None              # a new epoch's array: the old one is kept whole
        self.history.append(entry)
        # the newest entries, within a share of the memory budget (at least the newest one)
        room = int(self.memory_budget * HISTORY_BUDGET_SHARE)
        total, seen = 0, set()      # an array shared by entries (the data) is counted once
        for i, e in enumerate(reversed(self.history)):
            total += _nbytes(e, seen)
            if total > room and i > 0:
                for _ in range(len(self.history) - i):
                    self.history.popleft()
                break

    def _whole_state(self, entry: tuple) -> dict:
        """The trainer state of ``entry`` with its sequence arrays, as :meth:`Trainer.state`
        gives it; only for the newest entry (its rows are relative to the s now held)."""
        state, seq = entry[1], entry[4]
        if seq is None:
            return state
        if seq["s_hist"] is not None:
            s_hist = seq["s_hist"]
        else:
            s_hist = self.trainer.s_hist.copy()
            rows, old = seq["rows"]
            s_hist[rows] = old
        return dict(state, X=seq["X"], D=seq["D"], mask=seq["mask"], s_hist=s_hist)

    def _restore(self, entry) -> None:
        """Go back to before an applied update: weights, trainer state, curves; show that update."""
        params, _, (cu, ce), update, _ = entry
        state = self._whole_state(entry)
        for name, a in params.items():
            getattr(self.net, name)[...] = a
        self.trainer.load_state(state)
        self.curve_updates, self.curve_eval = list(cu), list(ce)
        self.delta_history.truncate(self.trainer.updates)
        self.update = update
        self.timeline = core.Timeline.of_update(update)
        self.message = ""
        self._weights_version += 1
        self.events.emit("cost")

    @property
    def at_start(self) -> bool:
        """Nothing to step back to: the first micro-step of the kept history."""
        return not self.history and (self.position == 0 or self.applied)

    @property
    def _undo(self):
        """The newest history entry as (weights, trainer state, curves) while its update is shown
        applied, else None (what a workspace saves to step back after loading)."""
        if self.applied and self.history:
            params, _, curves = self.history[-1][:3]
            return params, self._whole_state(self.history[-1]), curves
        return None

    @_undo.setter
    def _undo(self, value) -> None:
        self.history.clear()
        if value is not None:
            self.history.append((*value, self.update, None))

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
        entry = self._before_apply() if undoable else None
        updates_before = self.trainer.updates
        epoch = self.trainer.epoch
        try:
            self.trainer.apply(self.update)
        except core.NonFiniteError as err:
            self.message = str(err)
            self.events.emit("diverged", self.message)
            return False
        self.message = ""
        self._weights_version += 1
        if entry is not None:
            self._remember(entry)
        scored = int(self.update.pas.deltas.targets.sum())
        if scored:      # a window with no target (e.g. before the adding problem's last step) has no cost
            # measured with the weights before the update: plotted at the updates those weights had
            # (so under epochwise BPTT it lies on the whole-sequence curve, not one update after it)
            self.curve_updates.append((updates_before, self.update.cost / scored))
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
        if n > 1:
            self.history.clear()      # played fast: step back only into the last one
        for i in range(n):
            if i or fresh:
                self.update = self.trainer.prepare(detail=i == n - 1)
            if not self._apply(undoable=i == n - 1, emit=False, evaluate=every_epoch):
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
    def training_cost(self) -> float:
        """The cost per scored output over the whole training sequence with the weights now.

        The same measure as the cost plot's blue curve (``task.score``), evaluated
        again after every change of the weights (an update, an edit, a step back)
        and cached until the next one.
        """
        key = (self._weights_version, self.trainer.updates)
        if self._cost_cache is None or self._cost_cache[0] != key:
            with np.errstate(all="ignore"):
                self._cost_cache = (key, float(self.task.score(self.net)))
        return self._cost_cache[1]

    def pass_weights(self) -> dict:
        """V, U, W, θ as the current pass used them: before the update, also once it is applied.

        Returns
        -------
        dict of str to ndarray
            The network's own arrays while the update is pending, copies after.
        """
        # a refused update (index == updates applied) was never added: the net holds its weights
        if not self.applied or self.update.index >= self.trainer.updates:
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
                "cost": last, "training_cost": self.training_cost(), "window": (self.update.w0 + 1, self.update.t_end),
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
    what : str
        "edit" (weights typed) or "rescale" (:meth:`Session.rescale_U`).
    """

    name: str
    before: np.ndarray
    after: np.ndarray
    what: str = "edit"


def _check_live(cfg: Config) -> None:
    if not (isinstance(cfg.eta, (int, float)) and math.isfinite(cfg.eta) and cfg.eta >= 0):
        raise ValueError(f"η must be a finite number ≥ 0, got {cfg.eta!r}")
    if cfg.clip is not None and not (math.isfinite(cfg.clip) and cfg.clip > 0):
        raise ValueError(f"clipping must be a positive number or off, got {cfg.clip!r}")


def _nbytes(obj, seen=None) -> int:
    """Bytes of the numpy arrays reachable from ``obj`` (containers and dataclasses walked,
    each array counted once): what a history entry holds."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        return obj.nbytes
    if isinstance(obj, dict):
        return sum(_nbytes(v, seen) for v in obj.values())
    if isinstance(obj, (list, tuple)):
        return sum(_nbytes(v, seen) for v in obj if not isinstance(v, (int, float, str)))
    if hasattr(obj, "__dataclass_fields__"):
        return sum(_nbytes(getattr(obj, f.name, None), seen) for f in fields(obj))
    return 0
