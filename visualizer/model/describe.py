"""Old name of :mod:`visualizer.model.explain`, kept only for main_window.py (owned elsewhere).

Remove it once ``visualizer/qt/main_window.py`` imports ``explain`` (``describe.status_text``
and ``describe.tooltip`` become ``explain.status_text`` and ``explain.tooltip``).
"""
from visualizer.model.explain import status_text, tooltip  # noqa: F401
