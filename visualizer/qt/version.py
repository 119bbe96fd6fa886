"""The program's version: from the installed package's metadata, or pyproject.toml in a checkout."""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

#: the distribution name in pyproject.toml
DIST = "rnn-unfold"


def version() -> str:
    """``"0.3.0"``: the installed rnn-unfold's version, else the checkout's pyproject.toml's,
    else ``"unknown"``."""
    try:
        return metadata.version(DIST)
    except metadata.PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        m = re.search(r'(?m)^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"))
    except OSError:
        m = None
    return m.group(1) if m else "unknown"
