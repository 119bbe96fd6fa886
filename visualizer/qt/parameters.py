"""The parameters dock: a pyqtgraph ParameterTree over the session's :class:`Config`.

Every entry is bounded. η and clipping change live (``Session.configure``
keeps the network); anything else rebuilds it. Choices that cannot work
(cross-entropy with a linear output, softmax with one output) are greyed out
in their lists with a tooltip saying why; should one get through anyway, the
session refuses it, the tree goes back to the running settings and
:attr:`ParametersPanel.message` carries the reason to the status bar.
"""
from __future__ import annotations

import html

from pyqtgraph.parametertree import Parameter, ParameterTree
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from core import tasks as core_tasks
from core.schemes import PRESET_TEXT

from visualizer.model.explain import H_SENTENCE
from visualizer.model.config import (COST_TEXT, HIDDEN, LIMITS, OUTPUT, SCHEMES,
                                     Config, check_config_memory)
from visualizer.model.i18n_marks import translate
from visualizer.qt.panels.base import Panel

SCHEME_TEXT = dict(PRESET_TEXT, custom=QT_TRANSLATE_NOOP("ParametersPanel",
                                                         "custom BPTT(h; h′): choose both"))
#: said after the one h sentence (explain.H_SENTENCE) in the h parameter's tooltip
H_TIP_TAIL = QT_TRANSLATE_NOOP("ParametersPanel", "h = 1 is Elman's training; h ≥ the sequence "
                               "length is full BPTT.")
HP_TIP = QT_TRANSLATE_NOOP("ParametersPanel", "h′ = steps between updates; the errors of the "
                           "last h′ steps are injected at each update.")

WHY_LINEAR_CE = QT_TRANSLATE_NOOP("ParametersPanel", "cross-entropy is undefined for a linear "
                                  "output: choose the sum-of-squares cost first, or a "
                                  "sigmoid/softmax output")
WHY_SOFTMAX_1 = QT_TRANSLATE_NOOP("ParametersPanel", "softmax needs at least two outputs; this "
                                  "task has one (use sigmoid)")


def cost_names() -> dict:
    """{name shown in the cost list: cost key}, in the language the window speaks."""
    return {translate("config", text): key for key, text in COST_TEXT.items()}


def _p(name, type_, title, value, tip, **opts):
    return dict(name=name, type=type_, title=title, value=value, tip=tip, **opts)


class ParametersPanel(Panel):
    """Task description above a ParameterTree of every setting.

    Signals
    -------
    message(str)
        Something to show in the status bar (a refused choice and why).
    sampleChanged(int)
        The user chose another sample l (0-based); the session already has it.
    """

    message = Signal(str)
    sampleChanged = Signal(int)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setObjectName("parametersPanel")
        #: bytes a setting may need (one update and the views); the Preferences may change it
        self._syncing = False
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(4)
        self.description = QtWidgets.QTextBrowser()
        self.description.setObjectName("taskDescription")
        self.description.setOpenLinks(False)
        self.description.setMaximumHeight(130)
        self.description.setFocusPolicy(QtCore.Qt.FocusPolicy.ClickFocus)
        lay.addWidget(self.description)

        self.params = Parameter.create(name="settings", type="group", children=self._spec())
        self.tree = ParameterTree(showHeader=False)
        self.tree.setObjectName("parameterTree")
        _forget_root_item_with(self.tree)
        self.tree.setParameters(self.params, showTop=False)
        self.tree.header().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.tree, 1)

        for p in self._leaves():
            p.sigValueChanged.connect(self._changed)
        self.sync()
        self.follow({"config": self._on_session, "structure": self._on_session})

    # -- building -----------------------------------------------------------
    def _spec(self):
        cfg = self.session.config
        tr = self.tr
        return [
            dict(name="task_group", type="group", title=self.tr("Task"), children=[
                _p("task", "list", self.tr("task"), cfg.task, self.tr("Which sequence problem to learn"),
                   limits=list(self._task_names())),
                dict(name="task_params", type="group", title=self.tr("task parameters"), children=[]),
                _p("P", "int", self.tr("P (sequences)"), self.session.trainer.P,
                   self.tr("Training sequences trained together (l = 1..P); costs are sums over them"),
                   limits=LIMITS["P"]),
                _p("seed", "int", self.tr("seed"), cfg.seed, self.tr("Seeds the weights and the task's data"),
                   limits=LIMITS["seed"]),
            ]),
            dict(name="net_group", type="group", title=self.tr("Network"), children=[
                _p("M", "int", self.tr("M (hidden units)"), cfg.M, self.tr("Number of hidden units s_j"),
                   limits=LIMITS["hidden"]),
                _p("hidden", "list", self.tr("f (hidden)"), cfg.hidden,
                   self.tr("f: s_j(t) = f(net_j(t))"), limits=list(HIDDEN)),
                _p("output", "list", self.tr("g (output)"), cfg.output,
                   self.tr("g: y_k(t) = g(net_k(t)). Softmax needs two or more outputs; a linear output "
                           "needs the sum-of-squares cost"), limits=list(OUTPUT)),
                _p("cost", "list", self.tr("cost"), cfg.cost,
                   self.tr("The cost C summed over the steps that carry a target. Cross-entropy needs a "
                           "sigmoid or softmax output"), limits=cost_names()),
            ]),
            dict(name="train_group", type="group", title=self.tr("Training"), children=[
                _p("scheme", "list", self.tr("scheme"), cfg.scheme,
                   self.tr("BPTT(h; h′) preset: {presets}").format(presets="; ".join(
                       f"{k}: {translate('schemes', v) if k != 'custom' else tr(v)}"
                       for k, v in SCHEME_TEXT.items())),
                   limits=list(SCHEMES)),
                _p("h", "int", self.tr("h (depth, = T + 1)"), cfg.h or 1,
                   translate("Explain", H_SENTENCE) + " " + tr(H_TIP_TAIL), limits=LIMITS["h"]),
                _p("h_prime", "int", self.tr("h′ (steps/update)"), cfg.h_prime or 1, tr(HP_TIP),
                   limits=LIMITS["h_prime"]),
                _p("eta", "float", self.tr("η (learning rate)"), cfg.eta,
                   self.tr("η: every weight moves by η · Σ δ · input. Changes live, without a reset"),
                   limits=LIMITS["eta"], step=0.1, dec=True, minStep=1e-4, decimals=4),
                _p("clip_on", "bool", self.tr("clip the gradient"), cfg.clip is not None,
                   self.tr("Scale the gradient down when its global norm exceeds the limit "
                           "(changes live, without a reset)")),
                _p("clip", "float", self.tr("clip norm"), cfg.clip or 5.0,
                   self.tr("Largest global norm of the gradient (changes live)"),
                   limits=LIMITS["clip"], step=0.5, dec=True, minStep=1e-3, decimals=4),
            ]),
            dict(name="view_group", type="group", title=self.tr("View"), children=[
                _p("sample", "int", self.tr("sample l"), self.session.sample + 1,
                   self.tr("Which sequence l of the batch the view draws (the fold-back shares are "
                           "summed over all l)"), limits=(1, max(1, self.session.trainer.P))),
            ]),
        ]

    def retranslate(self) -> None:
        """Titles, tips and the cost names again in the language just installed (see
        :mod:`visualizer.qt.i18n`), then the description and the greyed-out reasons."""
        fresh = {}

        def walk(specs):
            for d in specs:
                fresh[d["name"]] = d
                walk(d.get("children", ()))
        walk(self._spec())
        self._syncing = True
        try:
            for name, d in fresh.items():
                p = self.params.child(*self._path(name)) if self._path(name) else None
                if p is not None:
                    p.setOpts(title=d.get("title"), **({"tip": d["tip"]} if d.get("tip") else {}))
            self.param("cost").setLimits(cost_names())
            group = self.params.child("task_group", "task_params")
            for c in group.children():          # rebuilt with tips in the new language
                c.sigValueChanged.disconnect(self._changed)
            group.clearChildren()
        finally:
            self._syncing = False
        self.sync()

    def _path(self, name: str) -> tuple:
        """The path of parameter ``name`` from the root (groups included), or ()."""
        def find(p, trail):
            for c in p.children():
                if c.name() == name:
                    return trail + (name,)
                if c.type() == "group":
                    got = find(c, trail + (c.name(),))
                    if got:
                        return got
            return ()
        return find(self.params, ())

    def _task_names(self):
        names = list(core_tasks.TASKS)
        custom = getattr(self.session, "custom_task", None)
        if custom is not None and custom.name not in names:
            names.append(custom.name)
        return names

    def _leaves(self):
        out = []

        def walk(p):
            for c in p.children():
                if c.type() == "group":
                    walk(c)
                else:
                    out.append(c)
        walk(self.params)
        return out

    def param(self, name: str) -> Parameter:
        """The parameter called ``name`` (task parameters included)."""
        for p in self._leaves():
            if p.name() == name:
                return p
        raise KeyError(name)

    def _task_param_specs(self):
        try:
            return core_tasks.task_params(self.session.config.task)
        except ValueError:          # the user's own task: no parameters
            return ()

    def _rebuild_task_params(self) -> None:
        group = self.params.child("task_group", "task_params")
        specs = self._task_param_specs()
        names = tuple(sp.name for sp in specs)
        have = tuple(c.name() for c in group.children())
        if names != have:
            for c in group.children():
                c.sigValueChanged.disconnect(self._changed)
            group.clearChildren()
            for sp in specs:
                if isinstance(sp.default, str):
                    child = Parameter.create(name=sp.name, type="str", value=sp.default,
                                             tip=self.tr("{text} ({lo}..{hi} characters)").format(
                                                 text=translate("tasks", sp.text), lo=sp.lo, hi=sp.hi))
                else:
                    child = Parameter.create(name=sp.name, type="int", value=sp.default,
                                             limits=(sp.lo, sp.hi), tip=self.tr("{text} ({lo}..{hi})").format(
                                                 text=translate("tasks", sp.text), lo=sp.lo, hi=sp.hi))
                group.addChild(child)
                child.sigValueChanged.connect(self._changed)
        group.setOpts(visible=bool(specs))
        params = dict(self.session.task.params) if hasattr(self.session.task, "params") else {}
        for c in group.children():
            v = self.session.config.task_params.get(c.name(), params.get(c.name()))
            if v is not None and not isinstance(v, (tuple, list)):
                c.setValue(v)

    # -- from the session to the tree ---------------------------------------
    def _on_session(self, *args) -> None:
        self.sync()

    def sync(self) -> None:
        """Show the session's settings (without feeding them back)."""
        s = self.session
        cfg = s.config
        L = s.trainer.L
        self._syncing = True
        try:
            self.param("task").setLimits(self._task_names())
            self.param("task").setValue(cfg.task)
            self._rebuild_task_params()
            self.param("P").setValue(s.trainer.P)
            self.param("seed").setValue(cfg.seed)
            self.param("M").setValue(cfg.M)
            self.param("hidden").setValue(cfg.hidden)
            self.param("output").setValue(cfg.output)
            self.param("cost").setValue(cfg.cost)
            self.param("scheme").setValue(cfg.scheme)
            h = cfg.h if cfg.h is not None else L
            hp = cfg.h_prime if cfg.h_prime is not None else L
            self.param("h").setLimits((max(1, hp if cfg.scheme == "custom" else 1),
                                      min(LIMITS["h"][1], max(L, h))))
            self.param("h").setValue(h)
            self.param("h_prime").setLimits((1, min(LIMITS["h_prime"][1], max(1, h))))
            self.param("h_prime").setValue(hp)
            editable_h = cfg.scheme in ("boden", "chunked", "custom")
            self.param("h").setOpts(readonly=not editable_h, enabled=editable_h)
            self.param("h_prime").setOpts(readonly=cfg.scheme != "custom",
                                          enabled=cfg.scheme == "custom")
            self.param("eta").setValue(cfg.eta)
            self.param("clip_on").setValue(cfg.clip is not None)
            if cfg.clip is not None:
                self.param("clip").setValue(cfg.clip)
            self.param("clip").setOpts(enabled=cfg.clip is not None)
            self.param("sample").setLimits((1, max(1, s.trainer.P)))
            self.param("sample").setValue(s.sample + 1)
        finally:
            self._syncing = False
        self._describe()
        self._grey_invalid()

    def _describe(self) -> None:
        t = self.session.task
        description = translate("tasks", t.description)
        self.description.setHtml(
            f"<b>{html.escape(translate('tasks', getattr(t, 'title', t.name)))}</b> "
            "<span style='color:#555'>" + self.tr(
                "N = {N} inputs, O = {O} outputs, L = {L} steps, scheme {scheme}").format(
                N=t.N, O=t.O, L=t.L, scheme=self.session.trainer.scheme.label())
            + f"</span><br>{html.escape(description)}")
        self.param("task").setOpts(tip=description)
        self._item_tips(self.param("task"), description)

    @staticmethod
    def _items(param):
        return list(getattr(param, "items", {}).keys())

    def _item_tips(self, param, tip) -> None:
        for item in self._items(param):
            item.setToolTip(0, tip)

    def _grey_invalid(self) -> None:
        """Disable the list entries that cannot work with the other settings, saying why."""
        cfg, O = self.session.config, self.session.task.O
        ce = translate("config", COST_TEXT["ce"])
        invalid = {
            "output": {"linear": self.tr(WHY_LINEAR_CE) if cfg.cost == "ce" else "",
                       "softmax": self.tr(WHY_SOFTMAX_1) if O < 2 else ""},
            "cost": {ce: self.tr(WHY_LINEAR_CE) if cfg.output == "linear" else ""},
        }
        for name, reasons in invalid.items():
            for item in self._items(self.param(name)):
                combo = getattr(item, "widget", None)
                model = combo.model() if isinstance(combo, QtWidgets.QComboBox) else None
                if not isinstance(model, QtGui.QStandardItemModel):
                    continue
                for row in range(model.rowCount()):
                    entry = model.item(row)
                    why = reasons.get(entry.text(), "")
                    entry.setEnabled(not why)
                    entry.setToolTip(why)
        for name in ("output", "cost"):
            why = [w for w in invalid[name].values() if w]
            base = self.param(name).opts.get("tip", "")
            self._item_tips(self.param(name), base + ("\n" + self.tr("Not available now: {why}").format(
                why="; ".join(why)) if why else ""))

    def invalid_choices(self, name: str) -> dict:
        """{entry text: reason} of the greyed-out entries of list ``name`` (for tests)."""
        out = {}
        for item in self._items(self.param(name)):
            model = item.widget.model()
            for row in range(model.rowCount()):
                e = model.item(row)
                if not e.isEnabled():
                    out[e.text()] = e.toolTip()
        return out

    # -- from the tree to the session ---------------------------------------
    def _changed(self, param, value) -> None:
        if self._syncing:
            return
        name = param.name()
        s = self.session
        if name == "sample":
            s.sample = int(value) - 1
            self.sampleChanged.emit(s.sample)
            return
        try:
            changes = self._changes(name, value)
            if set(changes) - {"eta", "clip"}:      # a rebuild: check its memory first
                check_config_memory(s.config.with_changes(**changes), task=s.custom_task,
                                    budget=s.memory_budget)
            s.configure(**changes)
        except ValueError as err:
            msg = self.tr("Not possible: {error}").format(error=err)
            self.sync()
            self._item_tips(param, msg)
            self.message.emit(msg)
            return
        self.sync()

    def _changes(self, name: str, value) -> dict:
        s = self.session
        cfg = s.config
        L = s.trainer.L
        if name == "task":
            if value in core_tasks.TASKS:
                new = Config.for_task(value, seed=cfg.seed)
            else:
                new = Config.from_task(s.custom_task, seed=cfg.seed)
            return {f: getattr(new, f) for f in new.to_dict()}
        group = self.params.child("task_group", "task_params")
        if param_in(group, name):
            return {"task_params": {**cfg.task_params, name: value}}
        if name == "clip_on":
            return {"clip": float(self.param("clip").value()) if value else None}
        if name == "clip":
            return {"clip": float(value)} if self.param("clip_on").value() else {}
        if name == "eta":
            return {"eta": float(value)}
        if name == "scheme":
            T = cfg.h if cfg.h and cfg.h > 1 else 4
            T = min(T, L)
            h, hp = {"elman": (1, 1), "boden": (T, 1), "epochwise": (None, None),
                     "chunked": (T, T),
                     "custom": (cfg.h or L, cfg.h_prime or L)}[value]
            return {"scheme": value, "h": h, "h_prime": hp}
        if name == "h":
            if cfg.scheme == "chunked":
                return {"h": int(value), "h_prime": int(value)}
            return {"h": int(value)}
        if name == "h_prime":
            return {"h_prime": int(value)}
        if name in ("P", "seed", "M"):
            return {name: int(value)}
        return {name: value}


def param_in(group: Parameter, name: str) -> bool:
    return any(c.name() == name for c in group.children())


def _forget_root_item_with(tree: ParameterTree) -> None:
    """Drop pyqtgraph's Python handle on the tree's invisible root item when Qt destroys the tree.

    pyqtgraph's TreeWidget keeps ``_invRootItem``, a wrapper of the root item that Qt created
    and deletes with the tree without telling the binding. While that wrapper lived on, the
    binding handed it out for the next object Qt allocated at the same address: a later
    ``QSpinBox.lineEdit()`` came back as a ``QTreeWidgetItem`` (a TypeError in a full test run),
    and a call on such a stale object can crash the process.
    """
    handle = getattr(tree, "_invRootItem", None)
    if handle is None or not hasattr(handle, "_real_item"):
        return

    def forget(*_):
        handle._real_item = None
    tree.destroyed.connect(forget)

