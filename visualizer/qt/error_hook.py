"""The window's ``sys.excepthook``: an unexpected exception is logged, shown, and the program goes on.

The traceback is appended to ``rnn-unfold-errors.log`` under QStandardPaths'
AppDataLocation (or the temporary folder when that cannot be written),
written to standard error, and shown in one non-modal dialog that gives the
log's path; later errors while that dialog is open go to the log only.
"""
from __future__ import annotations

import datetime
import os
import sys
import tempfile
import traceback
import weakref

from PySide6 import QtCore, QtWidgets

LOG_NAME = "rnn-unfold-errors.log"
#: the log is rotated (one old copy kept) past this size
LOG_MAX_BYTES = 1 << 20
#: a summary longer than this is cut in the dialog (the log has all of it)
SUMMARY_CHARS = 400


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ErrorHook", text)


class ErrorHook:
    """``sys.excepthook`` for a main window: log, show, go on.

    Parameters
    ----------
    window : MainWindow or QWidget
        The dialog's parent; a :class:`~visualizer.qt.main_window.MainWindow`
        also gets the summary in its status bar.
    log_dir : path, optional
        Folder of the log (default: AppDataLocation, else the temporary folder).
    """

    def __init__(self, window, log_dir=None):
        self.window = weakref.ref(window)
        self.log_dir = log_dir
        self.previous = sys.excepthook
        self._busy = False
        self.box: QtWidgets.QMessageBox | None = None
        self.count = 0

    def log_path(self) -> str:
        """Where exceptions are logged (created on first use)."""
        candidates = []
        if self.log_dir:
            candidates.append(os.fspath(self.log_dir))
        loc = QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.AppDataLocation)
        if loc:
            candidates.append(loc)
        candidates.append(tempfile.gettempdir())
        for d in candidates:
            try:
                os.makedirs(d, exist_ok=True)
                path = os.path.join(d, LOG_NAME)
                with open(path, "a", encoding="utf-8"):
                    pass
                return path
            except OSError:
                continue
        return os.path.join(tempfile.gettempdir(), LOG_NAME)

    def write_log(self, text: str) -> str:
        """Append ``text`` to the log; returns its path (a failed write is not an error)."""
        path = self.log_path()
        try:
            if os.path.exists(path) and os.path.getsize(path) > LOG_MAX_BYTES:
                os.replace(path, path + ".1")
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(text)
        except OSError:
            pass
        return path

    def __call__(self, etype, value, tb):
        if issubclass(etype, (KeyboardInterrupt, SystemExit)) or self._busy:
            return (self.previous or sys.__excepthook__)(etype, value, tb)
        self._busy = True
        try:
            self.count += 1
            details = "".join(traceback.format_exception(etype, value, tb))
            stamp = datetime.datetime.now().isoformat(timespec="seconds")
            path = self.write_log(f"--- {stamp} rnn-unfold: unexpected error\n{details}\n")
            sys.stderr.write(details)
            self.show(etype, value, details, path)
        except Exception:          # noqa: BLE001 - the hook itself must never fail
            sys.__excepthook__(etype, value, tb)
        finally:
            self._busy = False

    def show(self, etype, value, details: str, path: str) -> None:
        """The status-bar line and (one at a time) the dialog."""
        from visualizer.qt.main_window import MainWindow
        win = self.window()
        summary = f"{etype.__name__}: {value}".strip()
        if len(summary) > SUMMARY_CHARS:
            summary = summary[:SUMMARY_CHARS - 3] + "…"
        if isinstance(win, MainWindow):
            win.show_message(_tr("Unexpected error (logged to {path}): {summary}")
                             .format(path=path, summary=summary), 0)
        if self.box is not None:       # one dialog at a time; later errors are in the log
            return
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Critical, _tr("Unexpected error"),
            _tr("Something went wrong inside rnn-unfold. The program goes on; if what you see "
                "looks wrong, press Reset or open a saved workspace."),
            QtWidgets.QMessageBox.StandardButton.Ok, win)
        box.setObjectName("errorDialog")
        box.setInformativeText(_tr("{summary}\n\nThe details were written to:\n{path}")
                               .format(summary=summary, path=path))
        box.setDetailedText(details)
        box.setModal(False)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.finished.connect(self._closed)
        box.show()

    def _closed(self, *_):
        self.box = None

    def uninstall(self) -> None:
        """Put the previous hook back (if this one is still installed)."""
        if sys.excepthook is self:
            sys.excepthook = self.previous


def install(window, log_dir=None) -> ErrorHook:
    """Make an :class:`ErrorHook` for ``window`` the process's ``sys.excepthook``.

    It is uninstalled when the window is destroyed.
    """
    hook = ErrorHook(window, log_dir=log_dir)
    sys.excepthook = hook
    window.destroyed.connect(lambda *_: hook.uninstall())
    return hook
