"""The inspector page of one who-taught-whom cell: C(τ, c) = Σ_l δ^(τ)(c) · input, with the live numbers (no Qt).

Clicking a cell of the "Who taught whom" panel emits ``(param, τ, c)``; this
module writes its page: the formula in BPTT.md's notation, the numbers of
sample l (δ^(τ)(c) and the input it multiplies), the cell's Frobenius norm
A[τ, c] (the panel's colour), and its share of the error's row and of the
update's total. The page has the same fields as the inspector's other pages
(title, html, value, kind), so the inspector shows it like them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core import attribution as at
from visualizer.model.i18n_marks import translate



#: the input each parameter's δ multiplies, and its index letters
INPUT = {"V": ("x", "i"), "U": ("s", "h"), "theta_h": (None, None)}
PARAM_HTML = {"V": "V", "U": "U", "theta_h": "θ<sub>h</sub>"}
#: entries of a vector written out
MAX_ENTRIES = 6


@dataclass
class CellEquation:
    """One inspector page for a cell (τ, c).

    Attributes
    ----------
    title : str
    html : str
        Qt rich text; its first <b> is the main result, A[τ, c].
    value : float
        A[τ, c] = ‖C(τ, c)‖_F.
    kind : str
        "cell".
    cell : ndarray
        C(τ, c), the parameter's shape.
    """

    title: str
    html: str
    value: float
    kind: str
    cell: np.ndarray


def fmt(v: float) -> str:
    """A number for rich text: 4 significant digits, a real minus sign."""
    v = float(v)
    if not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("∞" if v > 0 else "−∞")
    return f"{v:.4g}".replace("-", "−")


def _vector(v: np.ndarray) -> str:
    items = [fmt(a) for a in np.ravel(v)[:MAX_ENTRIES]]
    more = " …" if np.size(v) > MAX_ENTRIES else ""
    return "(" + ", ".join(items) + more + ")"


def cell_equation(session, param: str, tau: int, c: int) -> CellEquation:
    """The page of cell (τ, c) of ``param`` in the session's current update.

    Parameters
    ----------
    session : Session
    param : {"V", "U", "theta_h"}
    tau, c : int
        Window columns (0-based): where the error entered, and the copy.

    Returns
    -------
    CellEquation

    Raises
    ------
    ValueError
        For an unknown ``param`` or a column outside the window.
    """
    if param not in INPUT:
        raise ValueError(f"param must be one of {', '.join(INPUT)}, got {param!r}")
    upd = session.update
    pas = upd.pas
    C = at.cell(pas, tau, c, param)            # checks τ and c
    A = float(np.linalg.norm(C))
    w = at.who_taught_whom(pas, param, cells=False)
    l = session.sample
    t_step, c_step = upd.w0 + tau + 1, upd.w0 + c + 1
    delta = at.source_deltas(pas)[tau, c, l] if c <= tau else np.zeros(pas.trace.s.shape[2])
    name = PARAM_HTML[param]
    letter, idx = INPUT[param]
    if letter == "x":
        inp, inp_text = pas.X[c, l], f"x(c) = x({c_step})"
    elif letter == "s":
        inp, inp_text = pas.trace.s[c, l], f"s(c−1) = s({c_step - 1})"
    else:
        inp, inp_text = None, ""
    formula = (f"C<sub>{name}</sub>(τ, c) = Σ<sub>l</sub> δ<sup>(τ)</sup>(c) "
               + (f"{inp_text.split(' = ')[0]}<sup>T</sup>" if inp is not None else ""))
    lines = [
        "<h3>" + translate("CellEquation", "Who taught whom: one cell") + "</h3>",
        f"<p>{formula}</p>",
        "<p>" + translate("CellEquation", "τ: the error that entered at step t = {t}; c: the copy at "
                                      "step {c}.").format(t=t_step, c=c_step) + "</p>",
        "<p>A[τ, c] = ‖C<sub>" + name + "</sub>(τ, c)‖<sub>F</sub> = <b>" + fmt(A) + "</b></p>",
    ]
    if c > tau or not w.reached[tau, c]:
        lines.append("<p>" + translate("CellEquation", "This error never reached this copy: the cell "
                                                   "is zero.") + "</p>")
    else:
        lines.append("<p>" + translate("CellEquation", "Sample l = {l}:").format(l=l + 1) +
                     f"<br>δ<sup>(τ)</sup>(c) = {_vector(delta)}" +
                     (f"<br>{inp_text} = {_vector(inp)}" if inp is not None else "") + "</p>")
        row, total = float(w.row_norms[tau]), float(w.total_norm)
        lines.append("<p>" + translate("CellEquation", "Of this error's whole change ‖Σ<sub>c</sub> C(τ, c)‖ = {row}, and of the "
                "update's ‖Δ{p}‖/η = {total}.").format(row=fmt(row), p=name, total=fmt(total))
            + "</p>")
    return CellEquation(title=f"C_{param}({tau}, {c})", html="".join(lines), value=A, kind="cell",
                        cell=C)
