"""Where the shipped data lives: ``assets/`` beside the package in a checkout, ``visualizer/assets`` installed."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # visualizer/
# Installed, setuptools maps the repository's top-level assets/ into the package; in a
# checkout they sit beside it. Either way the folder is found by path, so nothing is imported.
_CANDIDATES = (_PACKAGE / "assets", _PACKAGE.parent / "assets")


def assets_dir() -> Path:
    """The folder holding the shipped files (icon, sample text, lessons)."""
    for folder in _CANDIDATES:
        if (folder / "icon.svg").is_file():
            return folder
    raise FileNotFoundError("rnn-unfold's data files (assets/) are missing from this installation")


def asset(name: str) -> Path:
    """Path of the shipped file ``name`` (e.g. ``"sample.txt"``, ``"icon.svg"``)."""
    return assets_dir() / name
