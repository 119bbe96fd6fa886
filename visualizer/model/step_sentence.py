"""One sentence saying what the current micro-step does, for presentation captions. No Qt.

:func:`step_sentence` reads a session's position and returns a template and
its fields; the window translates the template (context
:data:`CONTEXT`, ``QCoreApplication.translate``) and fills it in, so every
sentence a person reads goes through Qt's translations while this module stays
Qt-free. :func:`sentence` fills it in untranslated (the command line, tests).
The notation is BPTT.md's: t is the sequence step as the view labels it
(t = 1 is the first input), z the copies back from the window's last column.
"""
from __future__ import annotations

__all__ = ["CONTEXT", "TEMPLATES", "step_sentence", "sentence"]

#: the translation context of the templates
CONTEXT = "StepSentence"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context`` (Qt's macro, without Qt): returns it unchanged."""
    return text


#: one template per kind of micro-step (marked for lupdate; translated in Qt, context :data:`CONTEXT`)
TEMPLATES = {
    "start": QT_TRANSLATE_NOOP(
        "StepSentence", "Nothing is computed yet: only the state s({t0}) entering the window is known."),
    "forward_s": QT_TRANSLATE_NOOP(
        "StepSentence", "Copy t = {t} computes its hidden state s({t}) = f(V x({t}) + U s({tm}) + θ) "
                        "from the input and the previous state."),
    "forward_y": QT_TRANSLATE_NOOP(
        "StepSentence", "Copy t = {t} computes its output y({t}) = g(W s({t}) + θ_o) from the hidden state."),
    "output": QT_TRANSLATE_NOOP(
        "StepSentence", "The error enters at step t = {t}: δ_k({t}) compares the output y({t}) with the "
                        "target d({t})."),
    "bptt_first": QT_TRANSLATE_NOOP(
        "StepSentence", "BPTT starts at copy t = {t}: δ_j({t}) = f′(net_j({t})) Σ_k δ_k({t}) w_kj brings "
                        "the output error into the hidden layer."),
    "bptt": QT_TRANSLATE_NOOP(
        "StepSentence", "The error flows one copy back to t = {t} (z = {z}): δ_j({t}) = f′(net_j({t})) "
                        "Σ_h δ_h({tp}) u_hj."),
    "bptt_own": QT_TRANSLATE_NOOP(
        "StepSentence", "The error flows one copy back to t = {t} (z = {z}) and meets the error entering "
                        "there: δ_j({t}) = f′(net_j({t})) (Σ_h δ_h({tp}) u_hj + Σ_k δ_k({t}) w_kj)."),
    "foldback": QT_TRANSLATE_NOOP(
        "StepSentence", "Copy t = {t} (z = {z}) adds its share η δ({t}) x({t})ᵀ into ΔV and "
                        "η δ({t}) s({tm})ᵀ into ΔU."),
    "foldback_own": QT_TRANSLATE_NOOP(
        "StepSentence", "Copy t = {t} (z = {z}) adds its share η δ({t}) x({t})ᵀ into ΔV, "
                        "η δ({t}) s({tm})ᵀ into ΔU and η δ_o({t}) s({t})ᵀ into ΔW."),
    "update": QT_TRANSLATE_NOOP(
        "StepSentence", "The weights change by their folded sums, w ← w + Δw, and the cost {cost} is "
                        "recorded."),
}


def step_sentence(session) -> tuple[str, dict]:
    """The template key's text and the fields of the micro-step the session has just revealed.

    Parameters
    ----------
    session : visualizer.model.session.Session

    Returns
    -------
    (str, dict)
        An untranslated template of :data:`TEMPLATES` and the values of its fields.
    """
    tl = session.timeline
    p = session.position
    w0 = session.update.w0
    st = tl.step(p)
    if st is None:
        return TEMPLATES["start"], {"t0": w0}
    t = w0 + st.column + 1
    if st.phase == "forward":
        key = "forward_s" if st.layer == "s" else "forward_y"
        return TEMPLATES[key], {"t": t, "tm": t - 1}
    if st.phase == "output":
        return TEMPLATES["output"], {"t": t}
    if st.phase == "bptt":
        prev = tl.step(p - 1)
        if prev is None or prev.phase != "bptt":
            return TEMPLATES["bptt_first"], {"t": t}
        key = "bptt_own" if st.column in tl.target_columns else "bptt"
        return TEMPLATES[key], {"t": t, "tp": t + 1, "z": st.z}
    if st.phase == "foldback":
        key = "foldback_own" if st.column in tl.target_columns else "foldback"
        return TEMPLATES[key], {"t": t, "tm": t - 1, "z": st.z}
    cost = session.curve_updates[-1][1] if session.curve_updates else float("nan")
    return TEMPLATES["update"], {"cost": f"{cost:.4g}"}


def sentence(session) -> str:
    """:func:`step_sentence` filled in, untranslated."""
    template, fields = step_sentence(session)
    return template.format(**fields)
