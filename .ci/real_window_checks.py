"""Checks of the real window on a real X server, driven by the real pointer (xdotool).

Run by ``.ci/real-window`` with DISPLAY set to an Xvfb screen and QT_QPA_PLATFORM=xcb:

    python .ci/real_window_checks.py OUT_DIR

It opens the window as a first start does (fresh settings), then checks what the offscreen
tests cannot see:

- the whole window lies within the screen's available geometry, and every visible widget of
  every dock (each tab raised in turn) lies within its dock (nothing cut off at this screen
  size); a picture of each dock (OUT_DIR/dock-NAME-WxH.png);
- the pointer resting on a hidden unit keeps its tooltip up 2 s later (Qt's own ToolTip event
  used to hide it after about a second), and the tooltip names that unit;
- a click on the unit brings the equation inspector into view with that unit's formula;
- a screenshot of the screen (OUT_DIR/window-WxH.png).

Exits non-zero with one line per failed check.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time


def pump(app, seconds: float) -> None:
    """Run the event loop for ``seconds`` (the checks run inside the program's own process)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)


def main(out_dir: str) -> int:
    from PySide6 import QtCore, QtWidgets

    QtCore.QCoreApplication.setApplicationName("rnn-unfold")
    QtCore.QCoreApplication.setOrganizationName("rnn-unfold-real-window-check")
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                             tempfile.mkdtemp())
    app = QtWidgets.QApplication(["rnn-unfold"])

    from visualizer.qt.main_window import MainWindow

    window = MainWindow()
    window.show()
    pump(app, 1.0)
    # Qt shows tooltips only in the active window; with no window manager, focus it ourselves
    xdotool("windowfocus", "--sync", str(int(window.winId())))
    window.activateWindow()
    pump(app, 2.0)
    failures: list[str] = []
    screen = window.screen().availableGeometry()
    size = f"{screen.width()}x{screen.height()}"
    scale = os.environ.get("QT_SCALE_FACTOR", "")
    if scale and scale != "1":
        size += f"-scale{scale}"

    # -- fits the screen -----------------------------------------------------------------------
    frame = window.frameGeometry()
    if not screen.contains(frame):
        failures.append(f"window {frame.getRect()} is not within the screen {screen.getRect()}")
    # every dock, the tabs behind others raised in turn, as its content is at this size
    docks = window.findChildren(QtWidgets.QDockWidget)
    for dock in docks:
        if dock.isHidden():
            continue
        dock.raise_()
        pump(app, 0.4)
        failures += _dock_cut_offs(dock)
        dock.grab().save(os.path.join(out_dir, f"dock-{dock.objectName()}-{size}.png"))
    window.raise_first_tabs()                    # back to the first-start tabs
    pump(app, 0.4)

    # -- hover: the tooltip stays while the pointer rests ---------------------------------------
    view = window.view
    gv = view.findChild(QtWidgets.QGraphicsView)
    session = window.session
    column = session.window_columns() - 1 if hasattr(session, "window_columns") else 0
    unit = 0
    scene_pos = view.node_position_scene("s", column, unit)
    local = gv.mapFromScene(scene_pos)
    glob = gv.viewport().mapToGlobal(local)
    # xdotool works in the screen's device pixels; Qt's global positions are logical ones
    dpr = window.devicePixelRatioF()
    gx, gy = round(glob.x() * dpr), round(glob.y() * dpr)
    xdotool("mousemove", str(gx + 5), str(gy + 5))
    pump(app, 0.2)
    xdotool("mousemove", str(gx), str(gy))
    pump(app, 0.8)
    tip_now = _tooltip_shown()
    pump(app, 2.0)
    tip_later = _tooltip_shown()
    if not tip_now:
        failures.append("no tooltip over a hidden unit")
    elif not tip_later:
        failures.append("the tooltip over a hidden unit vanished within 2 s while the pointer rested")
    elif "s" not in tip_later:
        failures.append(f"the tooltip does not name the hidden unit: {tip_later[:80]!r}")

    # -- click: the inspector comes into view with that node's formula --------------------------
    xdotool("click", "1")
    pump(app, 1.0)
    inspector = window.findChild(QtWidgets.QDockWidget, "inspectorDock")
    if inspector is None:
        failures.append("no inspector dock")
    else:
        if not inspector.isVisible() or inspector.visibleRegion().isEmpty():
            failures.append("a click on a node left the equation inspector hidden")
        text = window.inspector.text
        if "net" not in text or "s" not in text:
            failures.append(f"the inspector does not show the node's formula: {text[:80]!r}")

    # -- screenshot --------------------------------------------------------------------------------
    pump(app, 0.5)
    shot = os.path.join(out_dir, f"window-{size}.png")
    subprocess.run(["import", "-window", "root", shot], check=True)
    print(f"real-window-checks {size}: screenshot {shot}", file=sys.stderr)

    window.close()
    pump(app, 0.3)
    for f in failures:
        print(f"real-window-checks {size}: FAILED: {f}", file=sys.stderr)
    if not failures:
        print(f"real-window-checks {size}: fits the screen, tooltip stays, click opens the "
              f"inspector", file=sys.stderr)
    return 1 if failures else 0


def _dock_cut_offs(dock) -> list:
    """One line per dock whose visible widgets reach past it (a scroll area's content may)."""
    from PySide6 import QtCore, QtWidgets

    inner = dock.rect().adjusted(-1, -1, 1, 1)
    for w in dock.widget().findChildren(QtWidgets.QWidget):
        if not w.isVisible() or w.visibleRegion().isEmpty() or w.isWindow():
            continue
        if _in_scroll_area(w, dock):
            continue  # content of a scroll area may extend past it: it scrolls
        r = QtCore.QRect(w.mapTo(dock, QtCore.QPoint(0, 0)), w.size())
        if not inner.contains(r):
            return [f"{dock.objectName()}: {type(w).__name__} '{w.objectName()}' "
                    f"{r.getRect()} is cut off by its dock {dock.rect().getRect()}"]
    return []


def _tooltip_shown() -> str:
    """The text of the tooltip on screen, or "" (judged by the tooltip window itself)."""
    from PySide6 import QtWidgets

    for w in QtWidgets.QApplication.topLevelWidgets():
        if w.inherits("QTipLabel") and w.isVisible():
            return QtWidgets.QToolTip.text() or getattr(w, "text", lambda: "")()
    return ""


def _in_scroll_area(w, stop) -> bool:
    """Whether ``w`` lies inside a scroll area below ``stop`` (its content may extend past it)."""
    from PySide6 import QtWidgets

    p = w.parentWidget()
    while p is not None and p is not stop:
        if isinstance(p, QtWidgets.QAbstractScrollArea):
            return True
        p = p.parentWidget()
    return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()))
