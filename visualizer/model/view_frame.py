"""Everything one picture of the unfolded network needs (no Qt).

A :class:`ViewFrame` is what the stepping timeline hands to
:class:`visualizer.qt.unfolded.view.UnfoldedView`.  All arrays are float64;
NaN means "not revealed yet" (node drawn hollow and grey, edge not drawn).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

__all__ = ["ViewFrame"]


def _nan(shape):
    return np.full(shape, np.nan, dtype=np.float64)


@dataclass
class ViewFrame:
    """One picture of an Elman network unfolded over T copies.

    Attributes
    ----------
    x : numpy.ndarray
        ``(T, N)`` input activations x_i of each column.
    s : numpy.ndarray
        ``(T + 1, M)`` hidden activations; ``s[0]`` is s(0) (the column left
        of copy 0), ``s[c + 1]`` is the hidden layer of column ``c``.
    y : numpy.ndarray
        ``(T, O)`` output activations.
    node_range_x, node_range_s, node_range_y : tuple of float
        ``(lo, hi)`` of the fill colour scale of each layer.
    node_diverging_x, node_diverging_s, node_diverging_y : bool
        True: the layer's fill uses the diverging map (signed range, e.g.
        tanh); False: the sequential map.
    delta_s : numpy.ndarray or None
        ``(T + 1, M)`` δ_j drawn as node outline (diverging map), NaN = none.
    delta_y : numpy.ndarray or None
        ``(T, O)`` δ_k drawn as node outline.
    edge_V : numpy.ndarray
        ``(T, M, N)``: value shown by the edge x_i(c) -> s_j(c) at ``[c, j, i]``.
    edge_U : numpy.ndarray
        ``(T, M, M)``: ``[c, j, h]`` is the edge s_h(c-1) -> s_j(c) (from the
        s(0) column when ``c == 0``).
    edge_W : numpy.ndarray
        ``(T, O, M)``: ``[c, k, j]`` is the edge s_j(c) -> y_k(c).
    edge_mode : str
        ``'signal'``, ``'error'``, ``'share'`` or ``'weight'`` (legend text).
    edge_range : float or None
        Symmetric colour range ±edge_range of the edges; None: ±max|finite|.
    delta_range : float or None
        Same for the δ outlines.
    steps : list of int
        The sequence step t of each column (length T).
    z : list of (int or None)
        Copy index z of each column (length T), None to omit.
    active_column : int or None
        Highlighted column (-1 = s(0) column).
    active_layer : str or None
        ``'x'``, ``'s'`` or ``'y'``: outlined layer of the active column.
    direction : str or None
        ``'forward'`` (signal flows up/right) or ``'backward'`` (BPTT:
        left/down), None for no arrows.
    input_labels, output_labels : tuple of str
        Names of the input units x_i and output units y_k (the task's ``input_labels`` /
        ``output_labels``); empty: the rows are numbered.
    phase : str or None
        The phase shown (one of ``core.PHASES``) for the banner over the network; None
        before the first step.
    caption : str
        One line of text under the title.
    title : str
        Title line.
    s0_label : str
        Label of the initial-state column (``"s(0)"``, or ``"s(t0)"`` when
        the window slides).
    """

    x: np.ndarray
    s: np.ndarray
    y: np.ndarray
    edge_V: np.ndarray
    edge_U: np.ndarray
    edge_W: np.ndarray
    node_range_x: tuple = (0.0, 1.0)
    node_range_s: tuple = (0.0, 1.0)
    node_range_y: tuple = (0.0, 1.0)
    node_diverging_x: bool = False
    node_diverging_s: bool = False
    node_diverging_y: bool = False
    delta_s: Optional[np.ndarray] = None
    delta_y: Optional[np.ndarray] = None
    edge_mode: str = "signal"
    edge_range: Optional[float] = None
    delta_range: Optional[float] = None
    steps: list = field(default_factory=list)
    z: list = field(default_factory=list)
    active_column: Optional[int] = None
    active_layer: Optional[str] = None
    direction: Optional[str] = None
    phase: Optional[str] = None
    input_labels: tuple = ()
    output_labels: tuple = ()
    caption: str = ""
    title: str = ""
    s0_label: str = "s(0)"

    @property
    def shape(self):
        """``(N, M, O, T)`` implied by the arrays."""
        T, N = np.shape(self.x)
        M = np.shape(self.s)[1]
        O = np.shape(self.y)[1]
        return N, M, O, T

    @classmethod
    def empty(cls, N: int, M: int, O: int, T: int, **kwargs) -> "ViewFrame":
        """A frame where nothing is revealed yet (all NaN).

        Parameters
        ----------
        N, M, O, T : int
            Input, hidden, output sizes and number of copies.
        **kwargs
            Any other field, e.g. ``caption=...``.

        Returns
        -------
        ViewFrame
        """
        kw = dict(
            x=_nan((T, N)), s=_nan((T + 1, M)), y=_nan((T, O)),
            edge_V=_nan((T, M, N)), edge_U=_nan((T, M, M)), edge_W=_nan((T, O, M)),
            steps=list(range(1, T + 1)), z=[None] * T,
        )
        kw.update(kwargs)
        return cls(**kw)

    def validate(self, N: int, M: int, O: int, T: int) -> None:
        """Raise ValueError if an array does not fit the structure.

        Parameters
        ----------
        N, M, O, T : int
            The structure the frame must match.
        """
        want = {
            "x": (T, N), "s": (T + 1, M), "y": (T, O),
            "edge_V": (T, M, N), "edge_U": (T, M, M), "edge_W": (T, O, M),
            "delta_s": (T + 1, M), "delta_y": (T, O),
        }
        for name, shp in want.items():
            a = getattr(self, name)
            if a is None:
                continue
            if np.shape(a) != shp:
                raise ValueError(
                    f"ViewFrame.{name} has shape {np.shape(a)}, expected {shp} "
                    f"for N={N}, M={M}, O={O}, T={T}")
