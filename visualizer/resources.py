"""Files shipped in ``assets/`` (installed as the package ``visualizer.assets``)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def asset(name: str) -> Path:
    """Path of the shipped file ``name`` (e.g. ``"sample.txt"``, ``"icon.svg"``)."""
    return Path(str(resources.files("visualizer.assets").joinpath(name)))
