"""The main window: the unfolded view in the centre, the settings, cost plot and panels in docks.

The window composes its parts explicitly: the view, the stepping controls, the
parameters and cost-plot docks, the four insight panels (fold-back, equation
inspector, vanishing/exploding gradients, gradient check), the File actions
and the preferences. It owns one :class:`~visualizer.model.session.Session`
and subscribes to its events: "structure" rebuilds the view's geometry,
"frame" and "cost" mark the view and the plot out of date. Drawing is
throttled to ~30 frames a second; a frame that arrives before the last one was
drawn replaces it (dropped, never queued). A user's step is drawn at once.
Closing the window disconnects everything it and its panels subscribed to.
"""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from visualizer.model import explain
from visualizer.model.config import LIVE, default_config
from visualizer.model.frames import build_frame
from visualizer.model.i18n_marks import translate
from visualizer.model.session import Session
from visualizer.qt.controls import DEFAULT_SPEED, PlayController, SpeedControl, make_actions
from visualizer.qt.cost_plot import CostPlot
from visualizer.qt.export_dialog import ExportDialog
from visualizer.qt.file_actions import FileActions
from visualizer.qt.lecture import install as install_lecture
from visualizer.qt.panels.base import Panel
from visualizer.qt.panels.factors import VanishingFactorsPanel
from visualizer.qt.panels.foldback import FoldbackPanel
from visualizer.qt.panels.generate import GeneratePanel
from visualizer.qt.panels.gradcheck import GradcheckPanel
from visualizer.qt.panels.inspector import InspectorPanel
from visualizer.qt.panels.predictions import PredictionStrip
from visualizer.qt.panels.vanishing import VanishingPanel
from visualizer.qt.panels.who_taught import WhoTaughtPanel
from visualizer.qt.parameters import ParametersPanel
from visualizer.qt.preferences import Preferences
from visualizer.qt.throttle import Throttle
from visualizer.qt.undo import UndoHistory
from visualizer.qt.unfolded.view import UnfoldedView
from visualizer.qt.version import version

#: what the edges can show: (text of the toolbar's choice, Session.edge_pin)
EDGE_CHOICES = (
    (QT_TRANSLATE_NOOP("MainWindow", "follow the phase"), None),
    (QT_TRANSLATE_NOOP("MainWindow", "signal x·w"), "signal"),
    (QT_TRANSLATE_NOOP("MainWindow", "error δ·w"), "error"),
    (QT_TRANSLATE_NOOP("MainWindow", "share δ·input"), "share"),
    (QT_TRANSLATE_NOOP("MainWindow", "weight w"), "weight"),
)
#: the insight panels' docks: key → (object name, title); saveState keys on the object name
PANEL_DOCKS = {
    "foldback": ("foldbackDock", QT_TRANSLATE_NOOP("MainWindow", "Fold-back")),
    "inspector": ("inspectorDock", QT_TRANSLATE_NOOP("MainWindow", "Equation inspector")),
    "vanishing": ("vanishingDock", QT_TRANSLATE_NOOP("MainWindow", "Vanishing / exploding")),
    "gradcheck": ("gradcheckDock", QT_TRANSLATE_NOOP("MainWindow", "Gradient check")),
    "whotaught": ("whoTaughtDock", QT_TRANSLATE_NOOP("MainWindow", "Who taught whom")),
    "factors": ("factorsDock", QT_TRANSLATE_NOOP("MainWindow", "Why δ vanishes")),
    "predictions": ("predictionsDock", QT_TRANSLATE_NOOP("MainWindow", "Predictions")),
    "generate": ("generateDock", QT_TRANSLATE_NOOP("MainWindow", "Generate")),
}
#: the size a fresh window opens at, and gets back from Restore defaults
DEFAULT_SIZE = (1400, 850)
#: at most this share of the available screen at the first start (a 1280×720 laptop included)
SCREEN_SHARE = 0.92
#: the bottom docks' (cost plot, fold-back) share of the first-start height
BOTTOM_DOCK_SHARE = 0.28
#: bounds of a weight typed after double-clicking an edge
WEIGHT_LIMIT = 100.0
#: the weight letter and its (row, column) index letters, BPTT.md's notation
WEIGHT_SYMBOL = {"V": ("v", "j", "i"), "U": ("u", "j", "h"), "W": ("w", "k", "j")}

DIVERGED_ADVICE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "The view keeps the last finite state; nothing was changed by the refused update.\n\n"
    "Try one of these, then press Reset (Ctrl+R) or go on stepping:\n"
    "• a lower learning rate η (now {eta:g});\n"
    "• gradient clipping (now {clip});\n"
    "• a smaller spectral radius of U (now ρ(U) = {rho:.3g}): fewer hidden units, "
    "another seed, or a shorter window h.")

HOW_TO_READ = QT_TRANSLATE_NOOP("MainWindow", """
<h3>How to read this view</h3>
<p>The Elman network is drawn <b>unfolded</b>: one column per copy, time running left to right.
In each column x(t) sits at the bottom, s(t) in the middle, y(t) at the top; s(0), the state
entering the window, stands alone at the far left. <b>V</b> edges rise from x(t) to s(t),
<b>W</b> edges from s(t) to y(t), <b>U</b> edges run from s(t−1) to s(t). Every copy shares
the same V, U, W.</p>
<p><b>Node fill</b> is the activation (viridis for 0..1, blue–grey–red for tanh's signed range);
hollow grey means not computed yet. During the backward phases the <b>node outline</b> is δ on
a blue–grey–red map centred on zero.</p>
<p><b>Edges</b> follow the phase unless pinned in the toolbar: the <i>signal</i> x·w in the forward
pass, the <i>error</i> δ·w travelling back in BPTT (δ<sub>j</sub>(t−1) = f′(net<sub>j</sub>(t−1))
Σ<sub>h</sub> δ<sub>h</sub>(t) u<sub>hj</sub>: the U edges into a column carry exactly these terms),
and in the fold-back each copy's <i>share</i> δ·input, which is summed over the copies z and the
samples l into one change per weight: Δv<sub>ji</sub> = η Σ<sub>z</sub> Σ<sub>l</sub>
δ<sub>j</sub>(t−z) x<sub>i</sub>(t−z).</p>
<p>An update runs: <b>forward</b> (s(t), y(t) one step at a time) → <b>output error</b> δ<sub>k</sub>
→ <b>BPTT</b> δ<sub>j</sub>(t−z), one copy back at a time → <b>fold-back</b> → <b>update</b>.
<b>Step</b> (→) reveals one micro-step, <b>Step back</b> (←) undoes it, Shift+→ jumps to the end of
the phase, Ctrl+→ finishes the update, Space plays.</p>
<p>{h_sentence}</p>
<p>Hover a node or an edge for its numbers: net, s or y, δ, the weight and what it carries now.
Drag to pan, wheel to zoom, double-click empty space to fit the network again.</p>
""")

ABOUT = QT_TRANSLATE_NOOP("MainWindow", """
<h3>rnn-unfold</h3>
<p>See backpropagation through time: an Elman network unfolded over its time steps, stepped
through the forward pass, BPTT and the weight fold-back while the cost is plotted.</p>
<p>Version {version}</p>
<p>Notation of Mikael Bodén, <i>A guide to recurrent neural networks and backpropagation</i>
(2002). Numpy engine; PySide6 and pyqtgraph views. MIT licence.</p>
""")


class MainWindow(QtWidgets.QMainWindow):
    """The rnn-unfold window.

    Parameters
    ----------
    session : Session, optional
        What to show. Without one the window opens the default task, or the
        task and settings remembered from the last run when ``restore`` is set.
    restore : bool
        Restore geometry, dock layout, speed and (without ``session``) the
        remembered task from QSettings.

    Attributes
    ----------
    session : Session
    view : UnfoldedView
    parameters : ParametersPanel
    cost_plot : CostPlot
    panels : dict of str to Panel
        The insight panels: foldback, inspector, vanishing, gradcheck (also
        attributes of the same names).
    docks : dict of str to QDockWidget
        parameters, cost and one per panel.
    file_actions : FileActions
    preferences : Preferences
    action_map : dict of str to QAction
        The stepping actions by object name.
    lecture : visualizer.qt.lecture.Lecture
        Zoom, themes, presentation mode, Export view… and lessons.
    """

    # class defaults: childEvent runs inside QMainWindow.__init__, before __init__ sets them
    _closing = False
    _tab_bars_pending = False

    def __init__(self, session: Session | None = None, restore: bool = True, parent=None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("rnn-unfold: backpropagation through time, unfolded"))
        remembered = session is None and restore
        self.session = session or Session(default_config())
        self.frame = None
        self._closing = False
        self._subscriptions = []
        self._notice = None

        self.view = UnfoldedView()
        self.view.setObjectName("unfoldedView")
        self.view.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.setCentralWidget(self.view)
        self.view.set_tooltip_provider(self._tooltip)

        self.play = PlayController(self.session, self)
        self.action_map = make_actions(self)
        self.file_actions = FileActions(self)
        self.undo = UndoHistory(self.session, self)
        self.preferences = Preferences(self)
        self._build_docks()
        self._build_panels()
        self._build_toolbar()
        self._build_menus()
        self._build_status()
        self._connect()

        self._view_throttle = Throttle(self._draw_frame, parent=self)
        self._plot_throttle = Throttle(self.cost_plot.refresh, parent=self)
        self._follow({"structure": self._on_structure, "window": self._on_structure,
                      "frame": self._on_frame, "cost": self._on_cost,
                      "diverged": self._on_diverged, "config": self._on_config})
        self.session.memory_budget = self.preferences.memory_budget()
        if remembered:
            self.preferences.restore_last()
        self.preferences.remember()
        self.undo.forget()                    # the starting state is nobody's edit
        self.file_actions.set_modified(False)
        self._on_structure()
        self._view_throttle.pending = self._plot_throttle.pending = True
        self.flush()
        # zoom, themes, presentation mode, Export view…, lessons (remembered zoom and theme)
        self.lecture = install_lecture(self, remember=restore)

        self.fit_to_screen()
        # the layout Restore defaults goes back to: this window's own, before any saved one
        self._default_state = self.saveState()
        if restore:
            self.restore_layout()

    # -- building -------------------------------------------------------------
    def _dock(self, name: str, title: str, widget) -> QtWidgets.QDockWidget:
        dock = QtWidgets.QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _build_docks(self) -> None:
        area = QtCore.Qt.DockWidgetArea
        self.parameters = ParametersPanel(self.session)
        self.param_dock = self._dock("parametersDock", self.tr("Parameters"), self.parameters)
        self.param_dock.setMinimumWidth(300)
        self.addDockWidget(area.RightDockWidgetArea, self.param_dock)
        self.cost_plot = CostPlot(self.session)
        self.cost_dock = self._dock("costDock", self.tr("Cost"), self.cost_plot)
        self.addDockWidget(area.BottomDockWidgetArea, self.cost_dock)
        # the parameters run the full height; the cost plot sits under the view
        self.setCorner(QtCore.Qt.Corner.BottomRightCorner, area.RightDockWidgetArea)
        self.setCorner(QtCore.Qt.Corner.TopRightCorner, area.RightDockWidgetArea)
        self.resizeDocks([self.param_dock], [340], QtCore.Qt.Orientation.Horizontal)
        self.resizeDocks([self.cost_dock], [200], QtCore.Qt.Orientation.Vertical)
        self.docks = {"parameters": self.param_dock, "cost": self.cost_dock}

    def _build_panels(self) -> None:
        """The insight panels: the fold-back under the view, the others tabbed with the parameters."""
        s = self.session
        self.foldback = FoldbackPanel(s)
        self.inspector = InspectorPanel(s)
        self.vanishing = VanishingPanel(s)
        self.gradcheck = GradcheckPanel(s)
        self.panels: dict[str, Panel] = {"foldback": self.foldback, "inspector": self.inspector,
                                         "vanishing": self.vanishing, "gradcheck": self.gradcheck}
        area = QtCore.Qt.DockWidgetArea
        for key, panel in self.panels.items():
            name, title = PANEL_DOCKS[key]
            self.docks[key] = self._dock(name, self.tr(title), panel)
        self.addDockWidget(area.BottomDockWidgetArea, self.docks["foldback"])
        previous = self.param_dock
        for key in ("inspector", "vanishing", "gradcheck"):
            self.addDockWidget(area.RightDockWidgetArea, self.docks[key])
            self.tabifyDockWidget(previous, self.docks[key])
            previous = self.docks[key]
        self.param_dock.raise_()
        # room for the ΔV, ΔU, ΔW rows under the view
        self.resizeDocks([self.docks["foldback"]], [270], QtCore.Qt.Orientation.Vertical)

        self._build_insight12()

        self.view.nodeClicked.connect(self.inspector.show_node)
        self.view.edgeClicked.connect(self.inspector.show_edge)
        self.view.edgeDoubleClicked.connect(self.edit_weight)
        self.foldback.weightClicked.connect(self.inspector.show_weight)
        self._build_selection()

    def _build_selection(self) -> None:
        """A click selects: marked in the view and the fold-back, the inspector raised; Escape clears."""
        self.view.selectionChanged.connect(self._on_selection)
        self.foldback.weightClicked.connect(
            lambda m, r, k: self.view.set_selection(("weight", m, r, k)))
        clear = QtGui.QAction(self.tr("Clear the selection"), self)
        clear.setObjectName("actionClearSelection")
        clear.setShortcut(QtGui.QKeySequence(QtCore.Qt.Key.Key_Escape))
        clear.triggered.connect(self.view.clear_selection)
        self.addAction(clear)
        self.clear_selection_action = clear

    def _on_selection(self, sel) -> None:
        if sel is None:
            self.foldback.mark_weight(None)
            self.inspector.clear()
            return
        if sel[0] == "node":
            self.foldback.mark_weight(None)
            self.inspector.show_node(*sel[1:])
        elif sel[0] == "edge":
            self.foldback.mark_weight(sel[1], sel[3], sel[4])
            self.inspector.show_edge(*sel[1:])
        else:
            self.foldback.mark_weight(*sel[1:])
            self.inspector.show_weight(*sel[1:])
        self.show_inspector()

    def show_inspector(self) -> None:
        """Bring the equation inspector's dock into view (in front of its tab siblings)."""
        dock = self.docks["inspector"]
        if dock.isHidden():
            dock.show()
        dock.raise_()

    def _build_insight12(self) -> None:
        """Who taught whom and Generate tabbed right, Why δ vanishes with Vanishing / exploding,
        the prediction strip under the view; their signals reach the inspector and the view."""
        s = self.session
        self.who_taught = WhoTaughtPanel(s)
        self.who_taught.lazy_when_hidden = True       # itemize only what someone looks at
        self.factors = VanishingFactorsPanel(s)
        self.factors.lazy_when_hidden = True
        self.predictions = PredictionStrip(s)
        self.generate = GeneratePanel(s)
        self.hovered_source = -1
        area = QtCore.Qt.DockWidgetArea
        for key in ("whotaught", "factors", "predictions", "generate"):
            panel = {"whotaught": self.who_taught, "factors": self.factors,
                     "predictions": self.predictions, "generate": self.generate}[key]
            self.panels[key] = panel
            name, title = PANEL_DOCKS[key]
            self.docks[key] = self._dock(name, self.tr(title), panel)
        self.addDockWidget(area.RightDockWidgetArea, self.docks["factors"])
        self.tabifyDockWidget(self.docks["vanishing"], self.docks["factors"])
        previous = self.docks["gradcheck"]
        for key in ("whotaught", "generate"):
            self.addDockWidget(area.RightDockWidgetArea, self.docks[key])
            self.tabifyDockWidget(previous, self.docks[key])
            previous = self.docks[key]
        # the prediction strip is wide and short: a tab behind the fold-back, which costs the
        # network no height at 720 lines (a dock of its own under the view did) and the window
        # no width at 200 % (beside the cost plot it did)
        self.tabifyDockWidget(self.docks["foldback"], self.docks["predictions"])
        self.raise_first_tabs()

        self.who_taught.cellClicked.connect(self._show_cell)
        self.who_taught.sourceSelected.connect(self.factors.set_source)
        self.who_taught.sourceSelected.connect(self.set_error_source)
        self.who_taught.sourceHovered.connect(self._on_source_hovered)

    def _show_cell(self, param: str, tau: int, c: int) -> None:
        self.inspector.show_cell(param, tau, c)
        self.docks["inspector"].raise_()

    def set_error_source(self, tau: int) -> None:
        """The view's "one error source": the error entering at window column τ (−1: all)."""
        self.session.error_source = None if tau < 0 else int(tau)
        self.redraw()

    def _on_source_hovered(self, tau: int) -> None:
        self.hovered_source = int(tau)
        self.redraw()

    def view_source(self) -> int | None:
        """The error source the view draws: the hovered row, else the chosen one (None: all)."""
        return self.hovered_source if self.hovered_source >= 0 else self.session.error_source

    def _build_toolbar(self) -> None:
        tb = QtWidgets.QToolBar(self.tr("Controls"), self)
        tb.setObjectName("controlsToolBar")
        tb.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setIconSize(QtCore.QSize(18, 18))
        a = self.action_map
        for name in ("actionStepBack", "actionStep", "actionNextPhase", "actionNextUpdate"):
            tb.addAction(a[name])
        tb.addSeparator()
        tb.addAction(a["actionPlay"])
        self.speed = SpeedControl(self.play.level)
        tb.addWidget(self.speed)
        tb.addSeparator()
        lab = QtWidgets.QLabel(self.tr(" Edges show "))
        self.edge_combo = QtWidgets.QComboBox()
        self.edge_combo.setObjectName("edgeModeCombo")
        self.edge_combo.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        for text, _ in EDGE_CHOICES:
            self.edge_combo.addItem(self.tr(text))
        tip = self.tr("What the edges show: by default it follows the phase (signal x·w forward, "
                      "error δ·w in BPTT, each copy's share δ·input in the fold-back); pin one, "
                      "or the weight w itself")
        lab.setToolTip(tip)
        self.edge_combo.setToolTip(tip)
        tb.addWidget(lab)
        tb.addWidget(self.edge_combo)
        tb.addSeparator()
        tb.addAction(a["actionReset"])
        tb.addAction(a["actionExport"])
        self.addToolBar(QtCore.Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb

    def _build_menus(self) -> None:
        a = self.action_map
        mb = self.menuBar()
        file_menu = self.file_menu = mb.addMenu(self.tr("&File"))
        file_menu.setObjectName("menuFile")
        self.file_actions.add_to(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(a["actionExport"])
        file_menu.addSeparator()
        file_menu.addMenu(self.preferences.menu)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setObjectName("actionQuit")
        quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self._build_edit_menu(mb)

        run = mb.addMenu(self.tr("&Run"))
        run.setObjectName("menuRun")
        for name in ("actionStep", "actionStepBack", "actionNextPhase", "actionNextUpdate"):
            run.addAction(a[name])
        run.addSeparator()
        for name in ("actionPlay", "actionSlower", "actionFaster"):
            run.addAction(a[name])
        run.addSeparator()
        run.addAction(a["actionReset"])

        view = self.view_menu = mb.addMenu(self.tr("&View"))
        view.setObjectName("menuView")
        fit = view.addAction(self.tr("&Fit the network"))
        fit.setObjectName("actionFitView")
        fit.setShortcut(QtGui.QKeySequence("Ctrl+0"))
        fit.setToolTip(self.tr("Fit the whole network into the view again after zooming or "
                               "panning"))
        fit.triggered.connect(self.view.reset_view)
        self.addAction(fit)
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addAction(self.toolbar.toggleViewAction())

        help_menu = mb.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        how = help_menu.addAction(self.tr("How to &read this view"))
        how.setObjectName("actionHowToRead")
        how.setShortcut(QtGui.QKeySequence.StandardKey.HelpContents)
        how.triggered.connect(self.show_how_to_read)
        about = help_menu.addAction(self.tr("&About rnn-unfold"))
        about.setObjectName("actionAbout")
        about.triggered.connect(self.show_about)
        for m in (file_menu, run, view, help_menu):
            m.setToolTipsVisible(True)

    def _build_edit_menu(self, mb) -> None:
        """Edit ▸ Undo / Redo (Ctrl+Z, Ctrl+Shift+Z), named after what they will undo or redo."""
        edit = self.edit_menu = mb.addMenu(self.tr("&Edit"))
        edit.setObjectName("menuEdit")
        stack = self.undo.stack
        undo = stack.createUndoAction(self, self.tr("&Undo"))
        undo.setObjectName("actionUndo")
        undo.setShortcuts([QtGui.QKeySequence("Ctrl+Z")])
        redo = stack.createRedoAction(self, self.tr("&Redo"))
        redo.setObjectName("actionRedo")
        redo.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+Z"), QtGui.QKeySequence("Ctrl+Y")])
        for a in (undo, redo):
            a.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(lambda _=False: self.flush())
            edit.addAction(a)
            self.addAction(a)
        self.action_map["actionUndo"], self.action_map["actionRedo"] = undo, redo

    def step_back(self) -> bool:
        """Left: one micro-step back, into the previous update across its boundary; at the
        start of the kept history the status bar says so."""
        self._user_step(lambda: None)
        if self.session.step_back():
            self.flush()
            return True
        if self.session.trainer.updates == 0:
            self.show_message(self.tr("This is the start of the run: nothing to step back to"))
        else:
            self.show_message(self.tr(
                "Nothing further back is kept: stepping back reaches the last {n} updates "
                "stepped through (updates played fast keep only the last one)").format(
                n=self.session.history.maxlen))
        return False

    def _build_status(self) -> None:
        self.status_label = QtWidgets.QLabel()
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addPermanentWidget(self.status_label)

    def _connect(self) -> None:
        a = self.action_map
        a["actionStep"].triggered.connect(lambda: self._user_step(self.session.step))
        a["actionStepBack"].triggered.connect(lambda _=False: self.step_back())
        a["actionNextPhase"].triggered.connect(lambda: self._user_step(self.session.next_phase))
        a["actionNextUpdate"].triggered.connect(lambda: self._user_step(self.session.next_update))
        a["actionPlay"].toggled.connect(self.play.set_playing)
        a["actionReset"].triggered.connect(self.reset)
        a["actionExport"].triggered.connect(self.open_export_dialog)
        a["actionSlower"].triggered.connect(lambda: self.speed.set_level(self.speed.level() - 1))
        a["actionFaster"].triggered.connect(lambda: self.speed.set_level(self.speed.level() + 1))
        self.play.playingChanged.connect(self._on_playing)
        self.play.stopped.connect(
            lambda msg: self.show_message(self.tr("Stopped: {reason}").format(reason=msg)))
        self.speed.levelChanged.connect(self.play.set_level)
        self.edge_combo.currentIndexChanged.connect(self._on_edge_choice)
        self.parameters.message.connect(self.show_message)
        self.parameters.sampleChanged.connect(lambda _: self.redraw())

    def _follow(self, handlers: dict) -> None:
        for name, fn in handlers.items():
            self._subscriptions.append(self.session.events.connect(name, fn))

    # -- session events ---------------------------------------------------------
    def _on_structure(self) -> None:
        s = self.session
        self.view.set_structure(s.net.N, s.net.M, s.net.O, s.columns)
        self.frame = None
        self._view_throttle.request()
        self._plot_throttle.request()

    def _on_frame(self) -> None:
        self._view_throttle.request()

    def _on_cost(self) -> None:
        self._plot_throttle.request()

    def _on_config(self, names=()) -> None:
        self._plot_throttle.request()
        self.preferences.remember()
        if "task" in names:
            self.show_message(self.tr("Now training on {task}: the network was rebuilt (new "
                                      "weights, update 0)").format(task=self.session.task.name))
        elif set(names) - set(LIVE):
            self.show_message(self.tr("The network was rebuilt with the new settings (new "
                                      "weights, update 0); Ctrl+Z brings the old one back"))
        elif set(names) & {"eta", "clip"}:
            self.show_message(self.tr("η and clipping apply from this update on (the network "
                                      "is unchanged)"))

    def _on_diverged(self, message: str) -> None:
        self.pause()
        self.show_message(self.tr("Diverged: {message}").format(message=message), 0)
        self._show_diverged_notice(message)

    def _show_diverged_notice(self, message: str) -> None:
        """One non-modal notice of what to try; a later divergence updates it."""
        cfg = self.session.config
        clip = self.tr("off") if cfg.clip is None else self.tr("at norm {clip:g}").format(
            clip=cfg.clip)
        advice = self.tr(DIVERGED_ADVICE).format(eta=cfg.eta, clip=clip,
                                                 rho=self.session.net.spectral_radius())
        if self._notice is not None:
            self._notice.setInformativeText(advice)
            return
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Warning, self.tr("The run diverged"),
            self.tr("The cost or a gradient became NaN or infinite: {message}").format(
                message=message), QtWidgets.QMessageBox.StandardButton.Ok, self)
        box.setObjectName("divergedNotice")
        box.setInformativeText(advice)
        box.setModal(False)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._notice_closed)
        self._notice = box
        box.show()

    def _notice_closed(self, *_) -> None:
        self._notice = None

    # -- drawing ------------------------------------------------------------------
    def _draw_frame(self) -> None:
        if self._closing:
            return
        self.frame = build_frame(self.session, source=self.view_source())
        self.view.set_frame(self.frame)
        self.status_label.setText(explain.status_text(self.session.status()))

    def flush(self) -> None:
        """Draw whatever is pending now: the view, the cost plot and the panels."""
        self._view_throttle.flush()
        self._plot_throttle.flush()
        for panel in self.panels.values():
            panel.flush()

    def retranslate(self) -> None:
        """Text built from live numbers (status line, view, plot), built again in the language
        just installed; :mod:`visualizer.qt.i18n` re-labels the rest of the window itself."""
        self._view_throttle.pending = self._plot_throttle.pending = True
        self.flush()

    def redraw(self) -> None:
        """Draw the view again now (e.g. after the edge choice or the sample changed)."""
        self._view_throttle.pending = True
        self._view_throttle.flush()

    def _tooltip(self, kind, *index) -> str:
        return explain.tooltip(self.session, self.frame, kind, *index)

    # -- actions ------------------------------------------------------------------
    def pause(self) -> None:
        """Stop playing (the Play action follows)."""
        self.action_map["actionPlay"].setChecked(False)
        self.play.set_playing(False)

    def _user_step(self, fn) -> None:
        if self.play.playing:
            self.pause()
        fn()
        self.flush()

    def _on_playing(self, on: bool) -> None:
        act = self.action_map["actionPlay"]
        if act.isChecked() != on:
            act.blockSignals(True)
            act.setChecked(on)
            act.blockSignals(False)
        icon = (QtWidgets.QStyle.StandardPixmap.SP_MediaPause if on
                else QtWidgets.QStyle.StandardPixmap.SP_MediaPlay)
        act.setIcon(self.style().standardIcon(icon))
        act.setText(self.tr("&Pause") if on else self.tr("&Play"))
        if on:
            self.show_message(self.tr("Playing at {speed}").format(
                speed=self.speed.label.text()))
        else:
            self.flush()
            if not self.session.message:
                self.show_message(self.tr("Paused"), 3000)

    def _on_edge_choice(self, index: int) -> None:
        self.session.edge_pin = EDGE_CHOICES[index][1]
        self.redraw()

    def reset(self) -> None:
        """Start again from the current settings."""
        self.pause()
        self.session.reset()
        self.flush()
        self.show_message(self.tr("Reset: same settings, same seed, update 0"))

    def edit_weight(self, matrix: str, column: int, row: int, col: int) -> bool:
        """Ask for a new value of an edge's weight and set it (the view's double-click).

        Returns True when a weight was set; the inspector then shows the edge.
        """
        letter, r, c = WEIGHT_SYMBOL[matrix]
        value = float(self.session.net.params()[matrix][row, col])
        label = self.tr("{letter}_{row},{col} ({matrix}[{row}, {col}], shared by every copy)\n"
                        "new value ({low:g} … {high:g}):").format(
            letter=letter, row=row, col=col, matrix=matrix, low=-WEIGHT_LIMIT, high=WEIGHT_LIMIT)
        new, ok = QtWidgets.QInputDialog.getDouble(self, self.tr("Edit weight"), label, value,
                                                   -WEIGHT_LIMIT, WEIGHT_LIMIT, 6)
        if not ok:
            return False
        self.session.set_weight(matrix, (row, col), float(new))
        self.inspector.show_edge(matrix, column, row, col)
        return True

    def open_export_dialog(self) -> None:
        """File ▸ Export frames…: the export dialog, modal."""
        self.pause()
        dialog = ExportDialog(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def show_message(self, text: str, timeout: int = 8000) -> None:
        """A message in the status bar (``timeout`` 0 keeps it until the next one).

        Elided to the room left of the permanent fields (the whole text in the bar's tooltip),
        so it never runs over them.
        """
        bar = self.statusBar()
        shown = text
        if bar.isVisible():         # laid out: its widths are real
            room = bar.width() - 24
            if not self.status_label.isHidden():
                room -= self.status_label.width() + 16
            shown = bar.fontMetrics().elidedText(text, QtCore.Qt.TextElideMode.ElideRight,
                                                 max(room, 80))
        bar.setToolTip(text if shown != text else "")
        bar.showMessage(shown, timeout)

    def show_how_to_read(self) -> None:
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.NoIcon,
                                    self.tr("How to read this view"), self.tr(HOW_TO_READ).format(
                                        h_sentence=translate("Explain", explain.H_SENTENCE_HTML)),
                                    QtWidgets.QMessageBox.StandardButton.Close, self)
        box.setObjectName("howToReadBox")
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        box.setModal(False)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def about_text(self) -> str:
        """Help ▸ About's text, with the version, in the language the window speaks."""
        return self.tr(ABOUT).format(version=version())

    def show_about(self) -> None:
        QtWidgets.QMessageBox.about(self, self.tr("About rnn-unfold"), self.about_text())

    # -- settings -----------------------------------------------------------------
    def restore_layout(self) -> None:
        """Geometry, dock layout and speed from the last run, if any."""
        st = QtCore.QSettings()
        geo = st.value("window/geometry")
        state = st.value("window/state")
        if geo is not None:
            self.restoreGeometry(geo)
        if state is not None:
            self.restoreState(state)
            # the bars get their places when the window is first laid out
            QtCore.QTimer.singleShot(0, self, self._tidy_tab_bars)
        level = st.value("play/speed")
        if level is not None:
            try:
                self.speed.set_level(int(level))
            except (TypeError, ValueError):
                pass

    def default_size(self) -> QtCore.QSize:
        """The first-start size: :data:`DEFAULT_SIZE`, shrunk to fit 90 % of the available screen."""
        screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
        w, h = DEFAULT_SIZE
        if screen is not None:
            avail = screen.availableGeometry()
            w = min(w, int(avail.width() * SCREEN_SHARE))
            h = min(h, int(avail.height() * SCREEN_SHARE))
        return QtCore.QSize(w, h)

    def fit_to_screen(self) -> None:
        """Size the window to :meth:`default_size` and centre it on the available screen."""
        size = self.default_size()
        self.resize(size)
        # the network keeps most of the height; the cost plot and fold-back scroll below it
        self.resizeDocks([self.cost_dock], [max(180, int(size.height() * BOTTOM_DOCK_SHARE))],
                         QtCore.Qt.Orientation.Vertical)
        screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            self.move(avail.left() + max(0, (avail.width() - size.width()) // 2),
                      avail.top() + max(0, (avail.height() - size.height()) // 2))

    def restore_default_layout(self) -> None:
        """Docks, toolbar, size and speed as this window had them when it was built."""
        # restoreState alone docks, shows and tabs them as saved; showing each dock first
        # (as this did) put every tab of a group on screen at once, one over the other
        self.restoreState(self._default_state)
        self._tidy_tab_bars()
        if not self.isMaximized() and not self.isFullScreen():
            self.fit_to_screen()
        # some bars only get their places when the new layout is first shown
        QtCore.QTimer.singleShot(0, self, self._tidy_tab_bars)
        # as at the first start: Parameters and the fold-back in front of their tabs
        # (restoreState keeps whichever tab was raised last)
        self.raise_first_tabs()
        self.speed.set_level(DEFAULT_SPEED)

    def raise_first_tabs(self) -> None:
        """Parameters and the fold-back in front of the docks tabbed with them."""
        self.param_dock.raise_()
        if "foldback" in self.docks:
            self.docks["foldback"].raise_()

    def childEvent(self, event: QtCore.QChildEvent) -> None:
        """Qt builds the docks' tab bars as it tabs them: once the event loop runs, tidy them."""
        super().childEvent(event)
        if event.added() and not self._tab_bars_pending and not self._closing:
            self._tab_bars_pending = True
            QtCore.QTimer.singleShot(0, self, self._tidy_tab_bars)

    def _tidy_tab_bars(self) -> None:
        """Whole tab titles, and only the tab bars in use on screen.

        Qt elides every title to fit its bar ("P…", "E…" with eight tabs at 1280 pixels): whole
        titles and scroll buttons instead. Qt also leaves bars it no longer uses on screen: after
        restoreState on a window already tabbed, the old bar at the same place as the new one,
        showing another tab than the one in front; after tabbing a third dock into a group, the
        group's first bar where the group was before the window was laid out. A bar in use lies
        just under the docks it names, exactly as wide; the others are hidden.
        """
        self._tab_bars_pending = False
        if self._closing:
            return
        self.layout().activate()
        docks = {d.windowTitle(): d for d in self.findChildren(QtWidgets.QDockWidget)}
        bars = [t for t in self.findChildren(QtWidgets.QTabBar,
                                             options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
                if not t.isHidden() and t.count()]
        kept = set()
        for bar in reversed(bars):              # the newest is the last child
            bar.setElideMode(QtCore.Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
            place = bar.geometry().getRect()
            if place in kept or not self._under_its_dock(bar, docks):
                bar.hide()
            else:
                kept.add(place)

    @staticmethod
    def _under_its_dock(bar: QtWidgets.QTabBar, docks: dict) -> bool:
        g = bar.geometry()
        for i in range(bar.count()):
            dock = docks.get(bar.tabText(i))
            if dock is None or dock.isHidden() or dock.isFloating():
                continue
            d = dock.geometry()
            # Qt lays its bar out exactly under the docks' column: as wide, as far left
            if (abs(g.left() - d.left()) <= 2 and abs(g.width() - d.width()) <= 4
                    and abs(g.top() - d.bottom()) <= g.height()):
                return True
        return False

    def save_layout(self) -> None:
        st = QtCore.QSettings()
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())
        st.setValue("play/speed", self.speed.level())
        st.sync()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        """Ask about unsaved work; then stop playing, stop following the session (window,
        parameters, panels), save the layout."""
        if not self._closing and not self.file_actions.maybe_discard():
            event.ignore()
            return
        self._closing = True
        self.file_actions.detach()
        self.undo.detach()
        self.pause()
        self._view_throttle.stop()
        self._plot_throttle.stop()
        for sub in self._subscriptions:
            sub.disconnect()
        self._subscriptions.clear()
        self.parameters.detach()
        for panel in self.panels.values():
            panel.detach()
        self.view.set_tooltip_provider(None)
        self.lecture.detach()
        self.save_layout()
        super().closeEvent(event)
