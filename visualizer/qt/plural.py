"""Counted phrases ("1 update", "2 updates") through Qt's numerus translation.

The source text marks the plural the Qt way, ``"%n update(s)"``, and is translated
where it is written, with its count, so that lupdate marks it numerus::

    plural(self.tr("%n update(s)", "", n), n)

A catalogue gives each language its forms. Without one (English) the ``(s)``/``(es)``
marks are still in the text: they are resolved here, so the window never reads "1 updates".
"""
from __future__ import annotations

import re

_MARK = re.compile(r"\((e?s)\)")


def plural(translated: str, n: int) -> str:
    """``translated`` (``%n`` already replaced by Qt) with its plural marks resolved for ``n``.

    Parameters
    ----------
    translated : str
        What ``tr(text, "", n)`` returned for a source text such as ``"%n update(s)"``.
    n : int
        The count.
    """
    return _MARK.sub("" if int(n) == 1 else r"\1", translated)
