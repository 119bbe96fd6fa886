"""Start the window: ``run(args)`` is what ``rnn-unfold`` (with no sub-command) calls."""
from __future__ import annotations

import sys


def _config_from(args):
    """A Config from the command line's namespace (any attribute may be missing)."""
    from visualizer.qt.main_window import default_config
    from visualizer.model.session import Config

    task = getattr(args, "task", None) if args is not None else None
    seed = getattr(args, "seed", None) if args is not None else None
    if task is None and seed is None:
        return default_config()
    from visualizer.qt.main_window import DEFAULT_TASK
    return Config.for_task(task or DEFAULT_TASK, seed=int(seed or 0))


def run(args=None, config=None) -> int:
    """Create the QApplication and the main window, show it and run the event loop.

    Parameters
    ----------
    args : argparse.Namespace, optional
        May carry ``task`` and ``seed``, and ``open`` (a workspace file).
    config : Config, optional
        The settings the command line asked for (wins over ``args``).

    Returns
    -------
    int
        The exit code of the event loop.
    """
    from PySide6 import QtCore, QtWidgets

    QtCore.QCoreApplication.setApplicationName("rnn-unfold")
    QtCore.QCoreApplication.setOrganizationName("rnn-unfold")
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationDisplayName("rnn-unfold")
    from PySide6 import QtGui

    from visualizer.model.resources import asset
    app.setWindowIcon(QtGui.QIcon(str(asset("icon.svg"))))

    from visualizer.qt.main_window import MainWindow
    from visualizer.model.session import Session

    try:
        session = Session(config or _config_from(args))
    except ValueError as err:
        print(f"rnn-unfold: {err}", file=sys.stderr)
        return 2
    window = MainWindow(session, panels=True)
    from visualizer.qt import workspace_actions as qt_workspace
    chosen = config is not None or getattr(args, "open", None) or getattr(args, "task", None)
    qt_workspace.install(window, restore_session=not chosen)
    window.show()
    if getattr(args, "open", None):
        qt_workspace.open_file(window, args.open)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(run())
