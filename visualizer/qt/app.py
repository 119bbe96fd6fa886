"""Start the window: ``run(args, config)`` is what ``rnn-unfold`` (with no sub-command) calls."""
from __future__ import annotations

import signal
import sys

#: how often Python gets control back from Qt's event loop to notice Ctrl+C (ms)
SIGNAL_POLL_MS = 200


def run(args=None, config=None) -> int:
    """Create the QApplication and the main window, show it and run the event loop.

    Parameters
    ----------
    args : argparse.Namespace, optional
        ``rnn-unfold``'s options; ``args.open`` names a workspace file to open.
    config : Config, optional
        The settings the command line asked for. Without it (and without a file
        to open) the window opens the task remembered from the last run, or the
        default task.

    Returns
    -------
    int
        The exit code of the event loop (2 when the settings are refused).
    """
    from PySide6 import QtCore, QtGui, QtWidgets

    from visualizer.model.config import default_config
    from visualizer.model.resources import asset
    from visualizer.model.session import Session
    from visualizer.qt import error_hook
    from visualizer.qt.main_window import MainWindow

    QtCore.QCoreApplication.setApplicationName("rnn-unfold")
    QtCore.QCoreApplication.setOrganizationName("rnn-unfold")
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationDisplayName("rnn-unfold")
    app.setWindowIcon(QtGui.QIcon(str(asset("icon.svg"))))
    from visualizer.qt import i18n
    # --lang for this run, else Preferences ▸ Language, else the system's (before any text is built)
    i18n.set_language(app, getattr(args, "lang", None) if args is not None else None)

    path = args.open if args is not None else None
    session = None
    if config is not None or path:
        try:
            session = Session(config or default_config())
        except ValueError as err:
            print(f"rnn-unfold: {err}", file=sys.stderr)
            return 2
    window = MainWindow(session)
    theme = getattr(args, "theme", None) if args is not None else None
    if theme:                       # --theme: this run's colours, not remembered
        window.lecture.theme.set_theme(theme, remember=False)
    # deleted by Qt when closed, inside the event loop, not by Python's finalisation at exit
    window.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    error_hook.install(window)
    # Ctrl+C in the terminal closes the window as the Quit action does (layout saved);
    # the timer lets the Python handler run while Qt's loop waits for events
    signal.signal(signal.SIGINT, lambda *_: window.close())
    wake = QtCore.QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(SIGNAL_POLL_MS)
    if getattr(args, "memory_budget", None) is not None:     # --memory-budget: this run's
        from visualizer.cli.common import memory_budget
        window.preferences.set_memory_budget(memory_budget(args), remember=False)
    window.show()
    if path:
        window.file_actions.open(path)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(run())
