"""Translation in Qt-free code: marks lupdate finds, and a hook the window fills with Qt's translator.

The model builds strings a person reads (explanations, phase texts, the status
line, parameter descriptions, messages) but never imports Qt. Two calls serve it:

``translate(context, text)``
    Translated now, through whatever the window installed with
    :func:`set_translator` (``QCoreApplication.translate`` once a language is
    chosen); the text itself when nothing is installed (tests, the command line).
    Templates carry named fields and are formatted *after* translation:
    ``translate("status", "update {n}").format(n=3)``, so a translation may
    reorder them.
``QT_TRANSLATE_NOOP(context, text)``
    Only a mark: returns ``text``. For constants built at import time (tables
    of names, task descriptions); whoever shows one calls
    ``translate(context, constant)`` at display time.

``pyside6-lupdate`` recognises both names (bare or as ``i18n_marks.translate``)
with string-literal arguments: never pass it an f-string or a variable.
"""
from __future__ import annotations

from collections.abc import Callable

from core.i18n_marks import QT_TRANSLATE_NOOP  # noqa: F401  (re-exported: one mark for both)

_translator: Callable[[str, str], str] | None = None


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """``text`` in the chosen language (unchanged when no translator is installed).

    Parameters
    ----------
    context : str
        The catalogue's context (one per module, e.g. ``"describe"``).
    text : str
        The English source, a literal (lupdate reads it from the call).
    disambiguation : str, optional
        Tells two identical source texts of one context apart.
    """
    fn = _translator
    if fn is None:
        return text
    return fn(context, text, disambiguation) if disambiguation else fn(context, text)


def set_translator(fn: Callable[..., str] | None) -> Callable[..., str] | None:
    """Install ``fn(context, text[, disambiguation])`` as the translator; returns the previous one."""
    global _translator
    previous, _translator = _translator, fn
    return previous
