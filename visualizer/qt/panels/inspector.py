"""The equation inspector: the formula of the clicked node, edge or weight, with live numbers.

Click a node or an edge of the unfolded view (or a cell of the fold-back
panel's matrices) and this panel shows its formula from BPTT.md in the
source's notation, the same formula with the current update's numbers put
in, and the result (see :mod:`visualizer.model.explain`). The page follows the
stepping: it is rebuilt on every frame, so a δ appears as soon as BPTT has
computed it.
"""
from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from visualizer.model import explain as eq
from visualizer.model.attribution_equation import cell_equation
from visualizer.qt.panels.base import Panel

#: the page shown before anything is clicked (translated where it is shown, context "InspectorPanel")
HINT = QT_TRANSLATE_NOOP(
    "InspectorPanel",
    "<h3>Equation inspector</h3><p>Click a node or an edge of the unfolded view, or a cell "
    "of the fold-back matrices, to see its formula from BPTT.md with the live numbers put in."
    "</p><p>Nodes show the forward pass (net<sub>j</sub>(t), s<sub>j</sub>(t) = "
    "f(net<sub>j</sub>(t))) and, once BPTT reaches them, their error δ with both ways of "
    "writing f′. Edges show the weight's fold-back sum Δu<sub>jh</sub> = η Σ<sub>z</sub> "
    "Σ<sub>l</sub> …. Double-click an edge to type a new weight.</p>")


class InspectorPanel(Panel):
    """Shows :class:`~visualizer.model.explain.Equation` pages for the current selection.

    Attributes
    ----------
    label : QLabel
        The rich text.
    selection : tuple or None
        ``("node", layer, column, unit)``, ``("edge", matrix, column, row, col)``,
        ``("weight", matrix, row, col)`` or ``("cell", param, τ, c)``.
    equation : Equation or None
        The page shown.
    """

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setObjectName("inspectorPanel")
        self.setMinimumWidth(380)
        self.selection = None
        self.equation = None
        self.label = QtWidgets.QLabel(self.tr(HINT))
        self.label.setObjectName("inspectorText")
        self.label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setMargin(6)
        f = self.label.font()
        f.setPointSizeF(max(f.pointSizeF(), 10.5))
        self.label.setFont(f)
        self.label.setStyleSheet("QLabel { background: white; color: #1e1e1e; }")
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.label)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)
        self.follow({"frame": self._on_frame, "structure": self._on_structure})

    # -- selection ----------------------------------------------------------------
    def show_node(self, layer: str, column: int, unit: int) -> None:
        """Show a node (the view's nodeClicked arguments)."""
        self.selection = ("node", layer, int(column), int(unit))
        self.refresh()

    def show_edge(self, matrix: str, column: int, row: int, col: int) -> None:
        """Show an edge (the view's edgeClicked arguments)."""
        self.selection = ("edge", matrix, int(column), int(row), int(col))
        self.refresh()

    def show_weight(self, matrix: str, row: int, col: int) -> None:
        """Show a weight matrix cell."""
        self.selection = ("weight", matrix, int(row), int(col))
        self.refresh()

    def show_cell(self, param: str, tau: int, c: int) -> None:
        """Show one who-taught-whom cell C(τ, c) (the panel's cellClicked arguments)."""
        self.selection = ("cell", param, int(tau), int(c))
        self.refresh()

    def clear(self) -> None:
        """Back to the hint."""
        self.selection = None
        self.equation = None
        self.label.setText(self.tr(HINT))

    # -- following the session --------------------------------------------------------
    def _on_frame(self, *args) -> None:
        if self.selection is not None:
            self.throttle.request()

    def _on_structure(self, *args) -> None:
        self.clear()

    def flush(self) -> None:
        """Draw a pending frame now."""
        self.throttle.flush()

    def refresh(self) -> None:
        """Rebuild the page of the selection for the session's current state."""
        sel = self.selection
        if sel is None:
            return
        try:
            if sel[0] == "node":
                e = eq.node_equation(self.session, *sel[1:])
            elif sel[0] == "edge":
                e = eq.edge_equation(self.session, *sel[1:])
            elif sel[0] == "cell":
                e = cell_equation(self.session, *sel[1:])
            else:
                e = eq.weight_equation(self.session, *sel[1:])
        except (IndexError, ValueError) as err:     # a selection from a network of another shape
            self.selection = None
            self.equation = None
            self.label.setText(self.tr(HINT) + f"<p style='color:#a00'>({html.escape(str(err))})</p>")
            return
        self.equation = e
        self.label.setText(e.html)

    @property
    def text(self) -> str:
        """The rich text shown."""
        return self.label.text()
