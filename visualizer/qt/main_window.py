"""The main window: the unfolded view in the centre, parameters and cost plot in docks.

The window owns one :class:`~visualizer.model.session.Session` and subscribes to its
events: "structure" rebuilds the view's geometry, "frame" and "cost" mark the
view and the plot out of date. Drawing is throttled to ~30 frames a second; a
frame that arrives before the last one was drawn replaces it (dropped, never
queued). A user's step is drawn at once.
"""
from __future__ import annotations

import importlib
import importlib.util

from PySide6 import QtCore, QtGui, QtWidgets

from visualizer.model import describe
from visualizer.model.frames import build_frame
from visualizer.qt.controls import SPEEDS, PlayController, SpeedControl, make_actions
from visualizer.qt.cost_plot import CostPlot
from visualizer.qt.parameters import ParametersPanel
from visualizer.qt.throttle import Throttle
from visualizer.qt.unfolded.view import UnfoldedView
from visualizer.model.session import Config, Session

#: the task the window opens with: every column carries a target, the picture is small
#: enough to read (4 copies of 4-8-4 units) and the cost falls within seconds at 30 updates/s
from visualizer.model.config import DEFAULT_TASK, default_config  # noqa: F401

EDGE_CHOICES = (
    ("follow the phase", None),
    ("signal x·w", "signal"),
    ("error δ·w", "error"),
    ("share δ·input", "share"),
    ("weight w", "weight"),
)

HOW_TO_READ = """
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
<p><b>h</b> counts the copies an error flows through, including the one where it enters (the T of
Bodén's BPTT(T; 1)); the source text's Σ<sub>z=0</sub><sup>T</sup> means h = T + 1.</p>
<p>Hover a node or an edge for its numbers: net, s or y, δ, the weight and what it carries now.
Drag to pan, wheel to zoom, double-click empty space to fit the network again.</p>
"""

ABOUT = """
<h3>rnn-unfold</h3>
<p>See backpropagation through time: an Elman network unfolded over its time steps, stepped
through the forward pass, BPTT and the weight fold-back while the cost is plotted.</p>
<p>Notation of Mikael Bodén, <i>A guide to recurrent neural networks and backpropagation</i>
(2002). Numpy engine; PySide6 and pyqtgraph views. MIT licence.</p>
"""




class MainWindow(QtWidgets.QMainWindow):
    """The rnn-unfold window.

    Parameters
    ----------
    session : Session, optional
        Defaults to :func:`default_config`.
    restore : bool
        Restore geometry and dock layout from QSettings.
    panels : bool
        Add the insight panels (fold-back, inspector, vanishing gradients,
        gradient check) before the layout is restored, so their docks come
        back where they were.
    """

    def __init__(self, session: Session | None = None, restore: bool = True, panels: bool = False,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle("rnn-unfold: backpropagation through time, unfolded")
        self.session = session or Session(default_config())
        self.frame = None
        self._closing = False

        self.view = UnfoldedView()
        self.view.setObjectName("unfoldedView")
        self.view.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.setCentralWidget(self.view)
        self.view.set_tooltip_provider(self._tooltip)

        self.play = PlayController(self.session, self)
        self.action_map = make_actions(self)
        self._build_docks()
        self._build_toolbar()
        self._build_menus()
        self._build_status()
        self._connect()

        self._view_throttle = Throttle(self._draw_frame, parent=self)
        self._plot_throttle = Throttle(self.cost_plot.refresh, parent=self)
        ev = self.session.events
        ev.connect("structure", self._on_structure)
        ev.connect("window", self._on_structure)
        ev.connect("frame", self._on_frame)
        ev.connect("cost", self._on_cost)
        ev.connect("diverged", self._on_diverged)
        ev.connect("config", self._on_config)
        self._on_structure()
        self._view_throttle.pending = self._plot_throttle.pending = True
        self.flush()

        self.insight = None
        if panels:
            from visualizer.qt import insight
            self.insight = insight.install(self)
            for dock in self.insight.docks.values():
                self.view_menu.addAction(dock.toggleViewAction())
            # One tab group on the right keeps the view wide; the parameters come first.
            docks = self.insight.docks
            previous = self.param_dock
            for key in ("inspector", "vanishing", "gradcheck"):
                if key in docks:
                    self.tabifyDockWidget(previous, docks[key])
                    previous = docks[key]
            self.param_dock.raise_()
            if "foldback" in docks:     # room for the ΔV, ΔU, ΔW rows under the view
                self.resizeDocks([docks["foldback"]], [270], QtCore.Qt.Orientation.Vertical)

        self.resize(1400, 850)
        if restore:
            self.restore_layout()

    # -- building -------------------------------------------------------------
    def _build_docks(self) -> None:
        self.parameters = ParametersPanel(self.session)
        self.param_dock = QtWidgets.QDockWidget("Parameters", self)
        self.param_dock.setObjectName("parametersDock")
        self.param_dock.setWidget(self.parameters)
        self.param_dock.setMinimumWidth(300)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self.param_dock)

        self.cost_plot = CostPlot(self.session)
        self.cost_dock = QtWidgets.QDockWidget("Cost", self)
        self.cost_dock.setObjectName("costDock")
        self.cost_dock.setWidget(self.cost_plot)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.BottomDockWidgetArea, self.cost_dock)
        # the parameters run the full height; the cost plot sits under the view
        self.setCorner(QtCore.Qt.Corner.BottomRightCorner, QtCore.Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(QtCore.Qt.Corner.TopRightCorner, QtCore.Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.param_dock], [340], QtCore.Qt.Orientation.Horizontal)
        self.resizeDocks([self.cost_dock], [200], QtCore.Qt.Orientation.Vertical)

    def _build_toolbar(self) -> None:
        tb = QtWidgets.QToolBar("Controls", self)
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
        lab = QtWidgets.QLabel(" Edges show ")
        self.edge_combo = QtWidgets.QComboBox()
        self.edge_combo.setObjectName("edgeModeCombo")
        self.edge_combo.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        for text, _ in EDGE_CHOICES:
            self.edge_combo.addItem(text)
        tip = ("What the edges show: by default it follows the phase (signal x·w forward, error δ·w "
               "in BPTT, each copy's share δ·input in the fold-back); pin one, or the weight w itself")
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
        file_menu = mb.addMenu("&File")
        file_menu.addAction(a["actionExport"])
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit")
        quit_action.setObjectName("actionQuit")
        quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        run = mb.addMenu("&Run")
        for name in ("actionStep", "actionStepBack", "actionNextPhase", "actionNextUpdate"):
            run.addAction(a[name])
        run.addSeparator()
        for name in ("actionPlay", "actionSlower", "actionFaster"):
            run.addAction(a[name])
        run.addSeparator()
        run.addAction(a["actionReset"])

        view = self.view_menu = mb.addMenu("&View")
        fit = view.addAction("&Fit the network")
        fit.setObjectName("actionFitView")
        fit.setShortcut(QtGui.QKeySequence("Ctrl+0"))
        fit.setToolTip("Fit the whole network into the view again after zooming or panning")
        fit.triggered.connect(self.view.reset_view)
        self.addAction(fit)
        view.addSeparator()
        view.addAction(self.param_dock.toggleViewAction())
        view.addAction(self.cost_dock.toggleViewAction())
        view.addAction(self.toolbar.toggleViewAction())

        help_menu = mb.addMenu("&Help")
        how = help_menu.addAction("How to &read this view")
        how.setObjectName("actionHowToRead")
        how.setShortcut(QtGui.QKeySequence.StandardKey.HelpContents)
        how.triggered.connect(self.show_how_to_read)
        about = help_menu.addAction("&About rnn-unfold")
        about.setObjectName("actionAbout")
        about.triggered.connect(self.show_about)
        for m in (file_menu, run, view, help_menu):
            m.setToolTipsVisible(True)

    def _build_status(self) -> None:
        self.status_label = QtWidgets.QLabel()
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addPermanentWidget(self.status_label)

    def _connect(self) -> None:
        a = self.action_map
        a["actionStep"].triggered.connect(lambda: self._user_step(self.session.step))
        a["actionStepBack"].triggered.connect(lambda: self._user_step(self.session.step_back))
        a["actionNextPhase"].triggered.connect(lambda: self._user_step(self.session.next_phase))
        a["actionNextUpdate"].triggered.connect(lambda: self._user_step(self.session.next_update))
        a["actionPlay"].toggled.connect(self.play.set_playing)
        a["actionReset"].triggered.connect(self.reset)
        a["actionExport"].triggered.connect(self.open_export_dialog)
        a["actionSlower"].triggered.connect(lambda: self.speed.set_level(self.speed.level() - 1))
        a["actionFaster"].triggered.connect(lambda: self.speed.set_level(self.speed.level() + 1))
        self.play.playingChanged.connect(self._on_playing)
        self.play.stopped.connect(lambda msg: self.show_message(f"Stopped: {msg}"))
        self.speed.levelChanged.connect(self.play.set_level)
        self.edge_combo.currentIndexChanged.connect(self._on_edge_choice)
        self.parameters.message.connect(self.show_message)
        self.parameters.sampleChanged.connect(lambda _: self._redraw())

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
        if set(names) & {"eta", "clip"}:
            self.show_message("η and clipping apply from this update on (the network is unchanged)")

    def _on_diverged(self, message: str) -> None:
        self.action_map["actionPlay"].setChecked(False)
        self.play.set_playing(False)
        self.show_message(f"Diverged: {message}", 0)

    # -- drawing ------------------------------------------------------------------
    def _draw_frame(self) -> None:
        if self._closing:
            return
        self.frame = build_frame(self.session)
        self.view.set_frame(self.frame)
        self.status_label.setText(describe.status_text(self.session.status()))

    def flush(self) -> None:
        """Draw whatever is pending now (view and cost plot)."""
        self._view_throttle.flush()
        self._plot_throttle.flush()

    def _redraw(self) -> None:
        self._view_throttle.pending = True
        self._view_throttle.flush()

    def _tooltip(self, kind, *index) -> str:
        return describe.tooltip(self.session, self.frame, kind, *index)

    # -- actions ------------------------------------------------------------------
    def _user_step(self, fn) -> None:
        if self.play.playing:
            self.action_map["actionPlay"].setChecked(False)
        fn()
        self.flush()

    def _on_playing(self, on: bool) -> None:
        act = self.action_map["actionPlay"]
        if act.isChecked() != on:
            act.blockSignals(True)
            act.setChecked(on)
            act.blockSignals(False)
        style = self.style()
        icon = "SP_MediaPause" if on else "SP_MediaPlay"
        act.setIcon(style.standardIcon(getattr(QtWidgets.QStyle.StandardPixmap, icon)))
        act.setText("&Pause" if on else "&Play")
        if on:
            self.show_message(f"Playing at {SPEEDS[self.play.level].label}")
        else:
            self.flush()
            if not self.session.message:
                self.show_message("Paused", 3000)

    def _on_edge_choice(self, index: int) -> None:
        self.session.edge_pin = EDGE_CHOICES[index][1]
        self._redraw()

    def reset(self) -> None:
        """Start again from the current settings."""
        self.action_map["actionPlay"].setChecked(False)
        self.session.reset()
        self.flush()
        self.show_message("Reset: same settings, same seed, update 0")

    def open_export_dialog(self) -> None:
        """The export dialog (visualizer.qt.export_dialog), if it is installed."""
        self.action_map["actionPlay"].setChecked(False)
        if importlib.util.find_spec("visualizer.qt.export_dialog") is None:
            self.show_message("Export is not available in this build")
            return
        module = importlib.import_module("visualizer.qt.export_dialog")
        module.ExportDialog(self).exec()

    def show_message(self, text: str, timeout: int = 8000) -> None:
        """A message in the status bar (``timeout`` 0 keeps it until the next one)."""
        self.statusBar().showMessage(text, timeout)

    def show_how_to_read(self) -> None:
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.NoIcon, "How to read this view",
                                    HOW_TO_READ, QtWidgets.QMessageBox.StandardButton.Close, self)
        box.setObjectName("howToReadBox")
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        box.setModal(False)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def show_about(self) -> None:
        QtWidgets.QMessageBox.about(self, "About rnn-unfold", ABOUT)

    # -- settings -----------------------------------------------------------------
    def restore_layout(self) -> None:
        """Geometry and dock layout from the last run, if any."""
        st = QtCore.QSettings()
        geo = st.value("window/geometry")
        state = st.value("window/state")
        if geo is not None:
            self.restoreGeometry(geo)
        if state is not None:
            self.restoreState(state)
        level = st.value("play/speed")
        if level is not None:
            try:
                self.speed.set_level(int(level))
            except (TypeError, ValueError):
                pass

    def save_layout(self) -> None:
        st = QtCore.QSettings()
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())
        st.setValue("play/speed", self.speed.level())
        st.sync()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self._closing = True
        self.play.set_playing(False)
        self._view_throttle.stop()
        self._plot_throttle.stop()
        ev = self.session.events
        for name, fn in (("structure", self._on_structure), ("window", self._on_structure),
                         ("frame", self._on_frame),
                         ("cost", self._on_cost), ("diverged", self._on_diverged),
                         ("config", self._on_config)):
            ev.disconnect(name, fn)
        self.parameters.detach()
        if self.insight is not None:
            self.insight.detach()
        self.view.set_tooltip_provider(None)
        self.save_layout()
        super().closeEvent(event)
