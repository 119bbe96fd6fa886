"""Words and numbers for what the window shows (no Qt): tooltips and the status line.

The tooltip of a node or an edge is built from the session (the pass the
current update computed, the weights) and the frame on screen (what has been
revealed so far), so it never shows a value the picture does not show yet.
Names follow BPTT.md: x(t), s(t), y(t), V, U, W, θ, δ, η, f, g, z, l.
"""
from __future__ import annotations

import math

import numpy as np

from visualizer.model.view_frame import ViewFrame

#: f′(net) written with s = f(net) (BPTT.md, "f′(s) or f′(net)?")
SLOPE_TEXT = {"sigmoid": "s (1 − s)", "tanh": "1 − s²", "relu": "1 if s > 0 else 0", "linear": "1"}
EDGE_MODE_TEXT = {"signal": "signal x·w", "error": "error δ·w", "share": "share δ·input",
                  "weight": "weight w"}


def fmt(v) -> str:
    """A number in at most four significant digits ("—" for NaN or None)."""
    if v is None:
        return "—"
    v = float(v)
    if math.isnan(v):
        return "—"
    if v == 0:
        return "0"
    a = abs(v)
    if a >= 1e4 or a < 1e-3:
        return f"{v:.3e}"
    return f"{v:.4g}"


def _slope(name: str, s: float) -> float:
    return {"sigmoid": s * (1 - s), "tanh": 1 - s * s, "relu": float(s > 0), "linear": 1.0}[name]


def _window(session, c: int):
    """(window column or None, sequence step t, copy z) of view column ``c``."""
    upd = session.update
    Lw = upd.t_end - upd.w0
    wc = c - (session.columns - Lw)
    if c == -1:
        return -1, upd.w0, None
    if wc < 0:
        return None, None, None
    return wc, upd.w0 + wc + 1, Lw - 1 - wc


def _label(labels, i: int) -> str:
    try:
        lab = str(labels[i])
    except (IndexError, TypeError):
        return ""
    return f" “{_html(lab)}”" if lab else ""


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows) -> str:
    cells = "".join(f"<tr><td>{k}</td><td align='right'>&nbsp;&nbsp;{v}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"


def node_tooltip(session, frame: ViewFrame, layer: str, c: int, unit: int) -> str:
    """Rich text for the node ``unit`` of ``layer`` ('x', 's' or 'y') in view column ``c``."""
    wc, t, z = _window(session, c)
    if wc is None:
        return f"<i>column {c}: outside the current window</i>"
    net = session.net
    tr = session.update.pas.trace
    l = session.sample
    where = f"t = {t}" + (f", copy z = {z}" if z is not None else "") + f", sample l = {l + 1}"
    if layer == "x":
        rows = [("x<sub>i</sub>(t)", fmt(frame.x[c, unit]))]
        return (f"<b>input x<sub>{unit}</sub>({t})</b>{_label(session.task.input_labels, unit)}"
                f"<br>{where}{_table(rows)}")
    if layer == "s":
        s = frame.s[c + 1, unit]
        title = f"<b>hidden s<sub>{unit}</sub>({t})</b>"
        if wc == -1:
            return (f"{title}: the state entering the window (a constant: no error flows "
                    f"further back)<br>sample l = {l + 1}" + _table([("s<sub>j</sub>", fmt(s))]))
        revealed = not math.isnan(s)
        rows = [("net<sub>j</sub>(t)", fmt(tr.net_h[wc, l, unit]) if revealed else "—"),
                (f"s<sub>j</sub>(t) = f(net), f = {net.hidden}", fmt(s))]
        d = frame.delta_s[c + 1, unit] if frame.delta_s is not None else math.nan
        if not math.isnan(d):
            rows.append(("δ<sub>j</sub>(t)", fmt(d)))
            rows.append((f"= f′(net<sub>j</sub>) = {SLOPE_TEXT[net.hidden]}", fmt(_slope(net.hidden, s))))
            rows.extend(_delta_sources(session, wc, unit, _slope(net.hidden, s), d))
        text = f"{title}<br>{where}{_table(rows)}"
        if math.isnan(d) and revealed:
            text += "<i>δ not computed yet at this micro-step</i>"
        elif not revealed:
            text += "<i>not computed yet at this micro-step</i>"
        return text
    # output
    y = frame.y[c, unit]
    revealed = not math.isnan(y)
    rows = [("net<sub>k</sub>(t)", fmt(tr.net_o[wc, l, unit]) if revealed else "—"),
            (f"y<sub>k</sub>(t) = g(net), g = {net.output}", fmt(y))]
    targets = session.update.pas.deltas.targets
    if targets[wc, l]:
        rows.append(("target d<sub>k</sub>(t)", fmt(session.update.pas.D[wc, l, unit])))
    d = frame.delta_y[c, unit] if frame.delta_y is not None else math.nan
    if not math.isnan(d):
        rows.append(("δ<sub>k</sub>(t)", fmt(d)))
    text = f"<b>output y<sub>{unit}</sub>({t})</b>{_label(session.task.output_labels, unit)}<br>{where}{_table(rows)}"
    if not targets[wc, l]:
        text += "<i>no target at this step: no error enters here</i>"
    elif not revealed:
        text += "<i>not computed yet at this micro-step</i>"
    return text


def _pass_weights(session):
    """V, U, W as the current pass used them (before its update was applied)."""
    net = session.net
    if session.applied:
        ch = session.update.change
        return net.V - ch["V"], net.U - ch["U"], net.W - ch["W"]
    return net.V, net.U, net.W


def _delta_sources(session, wc: int, j: int, slope: float, d: float):
    """Rows splitting δ_j(t) into what y(t) and s(t+1) send back (when they add up)."""
    pas = session.update.pas
    l = session.sample
    _, U, W = _pass_weights(session)
    from_y = float(pas.deltas.delta_o[wc, l] @ W[:, j])
    Lw = pas.deltas.delta_h.shape[0]
    from_s = float(pas.deltas.delta_h[wc + 1, l] @ U[:, j]) if wc + 1 < Lw else 0.0
    if not math.isclose(slope * (from_y + from_s), d, rel_tol=1e-6, abs_tol=1e-12):
        return []
    if wc + 1 >= Lw:        # the last copy: only its own output sends error back
        return [("&nbsp;&nbsp;× Σ<sub>k</sub> δ<sub>k</sub>(t) w<sub>kj</sub>  from y(t)", fmt(from_y))]
    return [("&nbsp;&nbsp;× ( Σ<sub>k</sub> δ<sub>k</sub>(t) w<sub>kj</sub>  from y(t)", fmt(from_y)),
            ("&nbsp;&nbsp;+ Σ<sub>h</sub> δ<sub>h</sub>(t+1) u<sub>hj</sub>  from s(t+1) )", fmt(from_s))]


_EDGE_NAMES = {
    "V": ("v", "x", "i", "s", "j", "input → hidden"),
    "U": ("u", "s", "h", "s", "j", "previous hidden → hidden"),
    "W": ("w", "s", "j", "y", "k", "hidden → output"),
}


def edge_tooltip(session, frame: ViewFrame, matrix: str, c: int, row: int, col: int) -> str:
    """Rich text for the edge ``matrix[row, col]`` into view column ``c``."""
    wc, t, z = _window(session, c)
    if wc is None:
        return f"<i>column {c}: outside the current window</i>"
    w_name, src, si, dst, di, what = _EDGE_NAMES[matrix]
    src_t = t - 1 if matrix == "U" else t
    title = (f"<b>{w_name}<sub>{di}{si}</sub></b> = {w_name}<sub>{row},{col}</sub>: "
             f"{src}<sub>{col}</sub>({src_t}) → {dst}<sub>{row}</sub>({t}) ({what})")
    now = getattr(session.net, matrix)[row, col]
    rows = [(f"{matrix}[{row}, {col}] now", fmt(now))]
    if session.applied:
        before = now - session.update.change[matrix][row, col]
        rows.insert(0, (f"{matrix}[{row}, {col}] during this pass", fmt(before)))
        rows.append(("change −η ∂C/∂w", fmt(session.update.change[matrix][row, col])))
    value = getattr(frame, f"edge_{matrix}")[c, row, col]
    mode = frame.edge_mode
    rows.append((f"shown: {EDGE_MODE_TEXT.get(mode, mode)}", fmt(value)))
    if mode == "share" and not math.isnan(value):
        rows.append(("η × share (this copy's part of Δw)", fmt(session.update.eta * value)))
    text = f"{title}<br>t = {t}, copy z = {z}, sample l = {session.sample + 1}{_table(rows)}"
    if math.isnan(value):
        text += "<i>nothing flows along this edge at this micro-step</i>"
    return text


def tooltip(session, frame: ViewFrame | None, kind: str, *index) -> str:
    """The tooltip provider of the unfolded view: ``tooltip(session, frame, 'node'|'edge', ...)``."""
    if frame is None:
        return ""
    try:
        if kind == "node":
            return node_tooltip(session, frame, *index)
        if kind == "edge":
            return edge_tooltip(session, frame, *index)
    except (IndexError, ValueError):   # the structure changed under the mouse
        return ""
    return ""


def status_text(st: dict) -> str:
    """One line for the status bar from :meth:`Session.status`."""
    parts = [f"update {st['update']}", f"phase: {st['phase_text']}",
             f"step {st['micro']}/{st['micro_total']}"]
    parts.append(f"t = {st['t']}" if st.get("t") is not None else "t = —")
    parts.append(f"z = {st['z']}" if st.get("z") is not None else "z = —")
    cost = st.get("cost")
    parts.append("cost —" if cost is None or (isinstance(cost, float) and math.isnan(cost))
                 else f"cost {cost:.4g}")
    parts.append(st.get("scheme", ""))
    return "   ·   ".join(p for p in parts if p)


def curve_arrays(curve, ncols: int) -> np.ndarray:
    """A list of tuples as a float array of shape (n, ncols), None as NaN."""
    if not curve:
        return np.zeros((0, ncols))
    return np.array([[math.nan if v is None else v for v in row] for row in curve], dtype=float)
