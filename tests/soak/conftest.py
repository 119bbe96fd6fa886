"""Soak tests run only when asked for: ``pytest -m soak`` (the default run skips them)."""
import pytest


def pytest_collection_modifyitems(config, items):
    if "soak" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="soak test: run with `pytest -m soak`")
    for item in items:
        if "soak" in item.keywords:
            item.add_marker(skip)
