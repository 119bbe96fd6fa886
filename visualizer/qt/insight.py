"""The insight panels, installed into a main window in one call.

    panels = insight.install(window)

``window`` is a ``QMainWindow`` with ``.session`` (a
:class:`~visualizer.model.session.Session`) and ``.view`` (the
:class:`~visualizer.qt.unfolded.view.UnfoldedView`). :func:`install` adds four
dock widgets (object names :data:`DOCKS`, so ``saveState``/``restoreState``
keep their layout), connects the view's signals and returns the panels:

- click a node  → the inspector shows its formula (``view.nodeClicked``);
- click an edge → the inspector shows its weight (``view.edgeClicked``);
- double-click an edge → a dialog to type the weight (``view.edgeDoubleClicked``),
  set through ``session.set_weight``: the view, the plots and the inspector follow;
- click a cell of the fold-back matrices → the inspector shows that weight.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6 import QtCore, QtWidgets

from visualizer.qt.panels.foldback import FoldbackPanel
from visualizer.qt.panels.gradcheck import GradcheckPanel
from visualizer.qt.panels.inspector import InspectorPanel
from visualizer.qt.panels.vanishing import VanishingPanel

#: dock object names, by panel
DOCKS = {"foldback": "foldbackDock", "inspector": "inspectorDock",
         "vanishing": "vanishingDock", "gradcheck": "gradcheckDock"}
TITLES = {"foldback": "Fold-back", "inspector": "Equation inspector",
          "vanishing": "Vanishing / exploding", "gradcheck": "Gradient check"}
#: bounds of a typed weight
WEIGHT_LIMIT = 100.0
SYMBOL = {"V": ("v", "j", "i"), "U": ("u", "j", "h"), "W": ("w", "k", "j")}


@dataclass
class Insight:
    """What :func:`install` returns.

    Attributes
    ----------
    foldback, inspector, vanishing, gradcheck : QWidget
        The panels.
    docks : dict of str to QDockWidget
        By the same keys; ``docks[k].toggleViewAction()`` is a ready menu action.
    """

    foldback: FoldbackPanel
    inspector: InspectorPanel
    vanishing: VanishingPanel
    gradcheck: GradcheckPanel
    docks: dict = field(default_factory=dict)
    window: object = None

    def panels(self) -> dict:
        """The four panels by key."""
        return {"foldback": self.foldback, "inspector": self.inspector,
                "vanishing": self.vanishing, "gradcheck": self.gradcheck}

    def flush(self) -> None:
        """Draw every pending frame now."""
        for p in (self.foldback, self.inspector, self.vanishing):
            p.flush()

    def detach(self) -> None:
        """Stop every panel following the session (e.g. in the window's closeEvent)."""
        for p in self.panels().values():
            p.detach()

    def edit_weight(self, matrix: str, column: int, row: int, col: int) -> bool:
        """Ask for a new value of an edge's weight and set it (the double-click handler).

        Returns True when a weight was set.
        """
        return edit_weight(self.window, self.window.session, matrix, row, col,
                           inspector=self.inspector, column=column)


def edit_weight(parent, session, matrix: str, row: int, col: int, inspector=None,
                column: int | None = None) -> bool:
    """``QInputDialog.getDouble`` for one weight, then ``session.set_weight``."""
    letter, r, c = SYMBOL[matrix]
    value = float(getattr(session.net, matrix)[row, col])
    label = (f"{letter}_{row},{col} ({matrix}[{row}, {col}], shared by every copy)"
             f"\nnew value ({-WEIGHT_LIMIT:g} … {WEIGHT_LIMIT:g}):")
    new, ok = QtWidgets.QInputDialog.getDouble(parent, "Edit weight", label, value,
                                               -WEIGHT_LIMIT, WEIGHT_LIMIT, 6)
    if not ok:
        return False
    session.set_weight(matrix, (row, col), float(new))
    if inspector is not None:
        if column is None:
            inspector.show_weight(matrix, row, col)
        else:
            inspector.show_edge(matrix, column, row, col)
    return True


def install(window) -> Insight:
    """Add the insight panels to ``window`` as dock widgets and wire the view's signals.

    Parameters
    ----------
    window : QMainWindow
        With ``.session`` and ``.view``.

    Returns
    -------
    Insight
    """
    session, view = window.session, window.view
    ins = Insight(foldback=FoldbackPanel(session), inspector=InspectorPanel(session),
                  vanishing=VanishingPanel(session), gradcheck=GradcheckPanel(session),
                  window=window)
    area = QtCore.Qt.DockWidgetArea
    for key, panel in ins.panels().items():
        dock = QtWidgets.QDockWidget(TITLES[key], window)
        dock.setObjectName(DOCKS[key])
        dock.setWidget(panel)
        ins.docks[key] = dock
    window.addDockWidget(area.BottomDockWidgetArea, ins.docks["foldback"])
    window.addDockWidget(area.RightDockWidgetArea, ins.docks["inspector"])
    window.addDockWidget(area.RightDockWidgetArea, ins.docks["vanishing"])
    window.tabifyDockWidget(ins.docks["vanishing"], ins.docks["gradcheck"])
    ins.docks["vanishing"].raise_()

    view.nodeClicked.connect(ins.inspector.show_node)
    view.edgeClicked.connect(ins.inspector.show_edge)
    view.edgeDoubleClicked.connect(ins.edit_weight)
    ins.foldback.weightClicked.connect(ins.inspector.show_weight)
    return ins
