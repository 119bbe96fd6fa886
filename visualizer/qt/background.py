"""Run a pure function off the GUI thread behind a progress dialog with Cancel.

The readers and checks this serves (``core.datasets.read_table``,
``core.datasets.csv_task``, ``core.gradcheck.gradcheck_update``) are pure
functions of their arguments: they run on a worker thread while the window
keeps drawing. The dialog appears only when the work takes longer than
:data:`SHOW_AFTER_MS`; Cancel returns at once and the late result is dropped
(the function touches nothing shared, so letting it finish is harmless).
"""
from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass

from PySide6 import QtCore, QtWidgets

#: no dialog for work shorter than this
SHOW_AFTER_MS = 300
#: how often the GUI thread looks whether the worker has finished
POLL_MS = 20


@dataclass
class Outcome:
    """What :func:`run_in_background` returns.

    Attributes
    ----------
    cancelled : bool
        The user pressed Cancel (``value`` and ``error`` are then None).
    value : object
        The function's result.
    error : BaseException or None
        What it raised.
    """

    cancelled: bool = False
    value: object = None
    error: BaseException | None = None


def run_in_background(parent, label: str, fn, *args, **kwargs) -> Outcome:
    """Call ``fn(*args, **kwargs)`` on a worker thread; wait in a local event loop.

    Parameters
    ----------
    parent : QWidget
        The progress dialog's parent.
    label : str
        What the dialog says is going on (already translated).
    fn : callable
        A function that shares no state with the GUI thread.

    Returns
    -------
    Outcome
    """
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="rnnu-work")
    future = pool.submit(fn, *args, **kwargs)
    pool.shutdown(wait=False)          # the thread ends with the function
    dialog = QtWidgets.QProgressDialog(
        label, QtCore.QCoreApplication.translate("Background", "Cancel"), 0, 0, parent)
    dialog.setObjectName("backgroundProgress")
    dialog.setWindowTitle(QtCore.QCoreApplication.translate("Background", "Working…"))
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    loop = QtCore.QEventLoop()
    timer = QtCore.QTimer(dialog)
    timer.setInterval(POLL_MS)
    timer.timeout.connect(lambda: (future.done() or dialog.wasCanceled()) and loop.quit())
    dialog.canceled.connect(loop.quit)
    timer.start()
    dialog.setValue(0)                 # starts the minimum-duration clock
    if not future.done():
        loop.exec()
    timer.stop()
    cancelled = dialog.wasCanceled() and not future.done()
    dialog.reset()
    dialog.deleteLater()
    if cancelled:
        future.cancel()
        return Outcome(cancelled=True)
    error = future.exception()
    return Outcome(value=None if error else future.result(), error=error)
