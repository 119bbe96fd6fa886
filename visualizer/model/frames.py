"""From a session's state to a :class:`~visualizer.model.view_frame.ViewFrame` (no Qt).

What each node and edge shows is decided here, from the arrays the core
computed; nothing is recomputed. Values of one sample l are drawn, except the
fold-back shares, which are the copy's whole contribution Σ_l δ·input (what
is added into ΔV, ΔU, ΔW).
"""
from __future__ import annotations

import numpy as np

from visualizer.model.view_frame import ViewFrame
from visualizer.model.i18n_marks import translate

NODE_RANGE = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "softmax": (0.0, 1.0)}


def _range(kind: str, values: np.ndarray) -> tuple[float, bool]:
    """Fill range and whether it is signed (diverging map) for an activation kind."""
    if kind in NODE_RANGE:
        lo, hi = NODE_RANGE[kind]
        return (lo, hi), lo < 0
    finite = values[np.isfinite(values)]
    top = float(np.max(np.abs(finite))) if finite.size else 1.0
    top = top if top > 0 else 1.0
    if kind == "relu":
        return (0.0, top), False
    return (-top, top), True


def check_source(session, source) -> int | None:
    """``source`` as a window column τ where an output error enters, or None for every error.

    Parameters
    ----------
    session : Session
    source : int or None
        τ, 0-based within the current update's window; None or −1: all errors.

    Raises
    ------
    ValueError
        For a τ outside the window, or an update not split by error source.
    """
    if source is None or int(source) == -1:
        return None
    L = session.columns
    if isinstance(source, bool) or not 0 <= int(source) < L:
        raise ValueError(f"source must be a window column 0..{L - 1} (or -1 for every error), "
                         f"got {source!r}")
    if session.update.pas.deltas.by_source is None:
        raise ValueError("source needs the update's errors split by source (a detailed pass)")
    return int(source)


def source_delta_h(pas, tau: int) -> np.ndarray:
    """δ^(τ)(c) for every copy c: the hidden δ due to the error entering at τ alone.

    The row ``core.attribution.source_deltas(pas)[τ]`` without building the others.

    Parameters
    ----------
    pas : Pass
        Computed with ``by_source=True``.
    tau : int

    Returns
    -------
    ndarray, shape (L, P, M)
        Zero at copies the error does not reach (c > τ or beyond the window's depth).
    """
    by = pas.deltas.by_source                   # (Z, L, P, M): [z, τ] = δ(τ − z) of source τ
    out = np.zeros(by.shape[1:])
    for z in range(min(by.shape[0], tau + 1)):
        out[tau - z] = by[z, tau]
    return out


def build_frame(session, source: int | None = None) -> ViewFrame:
    """The picture of ``session`` at its current micro-step.

    One column per copy of the current update's window (``session.columns``).

    Parameters
    ----------
    session : Session
    source : int, optional
        The "one error source" view: hidden δ (outlines, error edges) and the output δ
        are those of the error entering at window column τ alone,
        ``core.attribution.source_deltas(pas)[τ]``. By default ``session.error_source``;
        None or −1 (or a τ this update cannot split) shows every error.
    """
    upd = session.update
    pas = upd.pas
    if source is None:
        source = getattr(session, "error_source", None)
    try:
        source = check_source(session, source)
    except ValueError:                  # a τ of another window: every error, as the model says
        source = None
    tr = pas.trace
    tl = session.timeline
    rv = tl.reveal(session.position)
    l = session.sample
    net = session.net
    T = session.columns                 # the window's copies, t = w0 + 1 … t_end
    N, M, O = net.N, net.M, net.O
    nan = np.nan

    x = pas.X[:, l].copy()              # the inputs are known before anything is revealed
    s = np.full((T + 1, M), nan)
    y = np.full((T, O), nan)
    s[0] = tr.s[0, l]
    s[1:1 + rv.s] = tr.s[1:1 + rv.s, l]
    y[:rv.y] = tr.y[:rv.y, l]

    delta_s = np.full((T + 1, M), nan)
    delta_y = np.full((T, O), nan)
    dcols = np.nonzero(rv.output)[0]
    delta_h = pas.deltas.delta_h
    if source is not None:              # one error alone: its δ_k at τ, its δ_j flowing back
        dcols = dcols[dcols == source]
        delta_h = source_delta_h(pas, source)
    delta_y[dcols] = pas.deltas.delta_o[dcols, l]
    if rv.bptt_from < T:
        delta_s[1 + rv.bptt_from:] = delta_h[rv.bptt_from:, l]

    mode = session.edge_mode
    # signals and errors travelled along the weights the pass was computed with
    used = session.pass_weights()
    V, U, W = used["V"], used["U"], used["W"]
    eV = np.full((T, M, N), nan)
    eU = np.full((T, M, M), nan)
    eW = np.full((T, O, M), nan)
    if mode == "weight":                # the weights as they are now
        eV[:] = net.V
        eU[:] = net.U
        eW[:] = net.W
    elif mode == "signal":
        ns, ny = rv.s, rv.y
        eV[:ns] = pas.X[:ns, l, None, :] * V
        eU[:ns] = tr.s[:ns, l, None, :] * U
        eW[:ny] = tr.s[1:1 + ny, l, None, :] * W
    elif mode == "error":
        eW[dcols] = pas.deltas.delta_o[dcols, l, :, None] * W
        if rv.bptt_from < T:
            # the error δ_j(t) travels back along u_jh into s_h(t−1)
            eU[rv.bptt_from:] = delta_h[rv.bptt_from:, l, :, None] * U
    else:  # share
        fb = pas.foldback
        c0 = rv.folded_from
        if c0 < T:
            eV[c0:] = fb.V[c0:]
            eU[c0:] = fb.U[c0:]
            eW[c0:] = fb.W[c0:]

    rng_s, div_s = _range(net.hidden, tr.s[:, l])
    rng_y, div_y = _range(net.output, tr.y[:, l])
    rng_x, div_x = _range("linear" if (pas.X < 0).any() else "relu", pas.X[:, l])
    if not div_x and rng_x[1] <= 1.0:
        rng_x = (0.0, 1.0)

    st = tl.step(session.position)
    phase = session.phase
    active_column = active_layer = None
    if st is not None and st.column >= 0:
        active_column = st.column
        active_layer = {"forward": st.layer, "output": "y", "bptt": "s", "foldback": "s"}[phase]
    # the fold-back adds the copies up; no signal travels then
    direction = {"forward": "forward", "output": "backward", "bptt": "backward"}.get(phase)
    if session.position == 0:
        direction = None
    steps = [upd.w0 + c + 1 for c in range(T)]
    z = [T - 1 - c for c in range(T)]
    title = translate("Explain", "{task}: {scheme}, sample l = {l}").format(
        task=session.task.title, scheme=session.trainer.scheme.label(), l=l + 1)
    if source is not None:
        title += translate("Explain", "; δ of the error at t = {t} alone").format(
            t=upd.w0 + source + 1)
    return ViewFrame(
        x=x, s=s, y=y, edge_V=eV, edge_U=eU, edge_W=eW,
        node_range_x=rng_x, node_range_s=rng_s, node_range_y=rng_y,
        node_diverging_x=div_x, node_diverging_s=div_s, node_diverging_y=div_y,
        # no outline scale until some δ is revealed
        delta_s=delta_s if np.isfinite(delta_s).any() else None,
        delta_y=delta_y if np.isfinite(delta_y).any() else None, edge_mode=mode,
        steps=steps, z=z, active_column=active_column, active_layer=active_layer,
        direction=direction, caption=session.caption(),
        phase=phase if session.position > 0 else None,
        input_labels=tuple(str(v) for v in session.task.input_labels),
        output_labels=tuple(str(v) for v in session.task.output_labels),
        title=title,
        s0_label="s(0)" if upd.w0 == 0 else f"s({upd.w0})")
