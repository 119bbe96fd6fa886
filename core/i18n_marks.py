"""Marks for text a person reads, written in core (no Qt): ``QT_TRANSLATE_NOOP(context, text)``.

core never imports Qt, so it cannot translate; it only marks. ``pyside6-lupdate``
recognises calls named ``QT_TRANSLATE_NOOP`` and copies the text into the
catalogue under ``context``; the window translates the same text when it shows
it (``visualizer.model.i18n_marks.translate(context, text)``). The call
returns ``text`` unchanged, so core's strings stay English everywhere else.
"""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Return ``text`` unchanged; lupdate files it under ``context``."""
    return text
