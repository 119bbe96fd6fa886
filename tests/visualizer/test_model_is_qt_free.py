"""The model side and export planning load without Qt: checked in a fresh interpreter.

Every module of ``visualizer.model`` and ``visualizer.export`` (found by walking
the packages, so a new module is checked too) is imported; afterwards no
PySide6, shiboken6 or pyqtgraph module may be in ``sys.modules``.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QT = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")

SCRIPT = r"""
import importlib, pkgutil, sys
names = []
for package in ("visualizer.model", "visualizer.export"):
    pkg = importlib.import_module(package)
    names.append(package)
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in %r)
print("MODULES", " ".join(names))
print("QT", " ".join(qt))
"""


def test_model_and_export_import_without_qt():
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    p = subprocess.run([sys.executable, "-c", SCRIPT % (QT,)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    lines = dict(line.split(" ", 1) if " " in line else (line, "") for line in p.stdout.splitlines())
    modules = lines["MODULES"].split()
    assert "visualizer.model.session" in modules and "visualizer.model.events" in modules
    assert "visualizer.model.config" in modules
    assert lines["QT"].split() == [], f"Qt loaded by {modules}"
