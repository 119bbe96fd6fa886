"""The export dialog (File ▸ Export…, Ctrl+E): frames of what the window shows, as PNGs, a GIF or an MP4.

The dialog builds :class:`~visualizer.export.ExportSettings` from its fields
and runs :class:`~visualizer.export.Export`, the engine the command line uses,
one frame per timer tick (each about 40 ms at 1280×720), so the window keeps
repainting and the progress dialog's Cancel is always heard.

Exporting never disturbs the user's session: the export steps a deep copy of
the window's session (:meth:`~visualizer.model.session.Session.copy`: network,
trainer with its random state, curves, position, sample and pinned edge mode),
so the window stays where it was, and exporting the same state twice gives the
same frames. The frames are drawn by an :class:`~visualizer.qt.export_canvas.ExportCanvas`
of their own (the same view and cost plot classes, the whole network fitted),
not by the window's widgets; the fold-back and vanishing-gradient panels, when
ticked, are likewise built for the exported copy and follow it.

Cancel keeps the PNG frames already written and writes no GIF or MP4 (a movie
is renamed into place only when complete). For "everything from now until
stopped" the button is Stop, which ends the export and finishes the movie with
the frames so far.
"""
from __future__ import annotations

import os

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from visualizer.qt.plural import plural

from visualizer import export as ex

__all__ = ["ExportDialog"]

#: (label, key) of each choice; the labels are translated where they are shown (context "ExportDialog")
WHAT_CHOICES = (
    (QT_TRANSLATE_NOOP("ExportDialog", "the micro-steps of the current update"), "update"),
    (QT_TRANSLATE_NOOP("ExportDialog", "to the end of the K-th update (the one in progress is the first)"), "updates"),
    (QT_TRANSLATE_NOOP("ExportDialog", "everything from now until stopped"), "until"),
)
EVERY_CHOICES = ((QT_TRANSLATE_NOOP("ExportDialog", "every micro-step"), "step"),
                 (QT_TRANSLATE_NOOP("ExportDialog", "every phase"), "phase"),
                 (QT_TRANSLATE_NOOP("ExportDialog", "every update"), "update"))
FORMATS = ((QT_TRANSLATE_NOOP("ExportDialog", "PNG sequence (frame_00001.png, …)"), "png"),
           (QT_TRANSLATE_NOOP("ExportDialog", "GIF (looping)"), "gif"),
           (QT_TRANSLATE_NOOP("ExportDialog", "MP4 (H.264)"), "mp4"))
MP4_TIP = QT_TRANSLATE_NOOP("ExportDialog", "MP4 needs the video extra: {hint}")
#: frames counted ahead for the dialog's "writes N frames" line (beyond it: "more than N")
COUNT_LIMIT = 2000


class ExportDialog(QtWidgets.QDialog):
    """Export frames of ``main_window.session`` as the window draws them.

    Parameters
    ----------
    main_window : QWidget
        Anything with a ``.session`` (the dialog reads it, never changes it)
        and optionally ``.show_message(text)`` for the summary.

    Attributes
    ----------
    job : Export or None
        The export in progress (or the last one).
    result : ExportResult or None
        What the last export did, when it has ended.
    """

    finished_export = QtCore.Signal(object)

    def __init__(self, main_window, parent=None):
        if parent is None and isinstance(main_window, QtWidgets.QWidget):
            parent = main_window
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export frames"))
        self.main = main_window
        self.session = main_window.session
        self.job = None
        self.result = None
        self._frames = None
        self._canvas = None
        self._progress = None
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self._build()
        self._load_settings()
        self._on_what()
        self._on_format()

    # ------------------------------------------------------------------ ui
    def _build(self) -> None:
        form = QtWidgets.QFormLayout()
        self.what_combo = QtWidgets.QComboBox(objectName="exportWhat")
        for text, key in WHAT_CHOICES:
            self.what_combo.addItem(self.tr(text), key)
        self.what_combo.setCurrentIndex(1)
        self.updates_spin = QtWidgets.QSpinBox(objectName="exportUpdates")
        self.updates_spin.setRange(1, ex.MAX_UPDATES)
        self.updates_spin.setValue(1)
        self.updates_spin.setPrefix("K = ")
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.what_combo, 1)
        row.addWidget(self.updates_spin)
        form.addRow(self.tr("What"), row)

        self.every_combo = QtWidgets.QComboBox(objectName="exportEvery")
        for text, key in EVERY_CHOICES:
            self.every_combo.addItem(self.tr(text), key)
        form.addRow(self.tr("How often"), self.every_combo)
        self.count_label = QtWidgets.QLabel(objectName="exportCount")
        form.addRow("", self.count_label)

        self.width_spin = QtWidgets.QSpinBox(objectName="exportWidth")
        self.height_spin = QtWidgets.QSpinBox(objectName="exportHeight")
        lo, hi = ex.SIZE_LIMITS
        for sp, v in ((self.width_spin, ex.DEFAULT_SIZE[0]), (self.height_spin, ex.DEFAULT_SIZE[1])):
            sp.setRange(lo, hi)
            sp.setValue(v)
            sp.setSuffix(" px")
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.width_spin)
        row.addWidget(QtWidgets.QLabel("×"))
        row.addWidget(self.height_spin)
        row.addStretch(1)
        form.addRow(self.tr("Size"), row)

        self.format_combo = QtWidgets.QComboBox(objectName="exportFormat")
        mp4_tip = self.tr(MP4_TIP).format(hint=ex.VIDEO_HINT)
        for text, key in FORMATS:
            self.format_combo.addItem(self.tr(text), key)
        if not ex.video_available():
            item = self.format_combo.model().item(2)
            item.setEnabled(False)
            item.setToolTip(mp4_tip)
            self.format_combo.setItemData(2, mp4_tip, QtCore.Qt.ItemDataRole.ToolTipRole)
            self.format_combo.setToolTip(mp4_tip)
        form.addRow(self.tr("Format"), self.format_combo)

        self.fps_spin = QtWidgets.QDoubleSpinBox(objectName="exportFps")
        self.fps_spin.setRange(ex.FPS_LIMITS[0], ex.FPS_LIMITS[1])
        self.fps_spin.setDecimals(1)
        self.fps_spin.setValue(10.0)
        self.fps_spin.setSuffix(self.tr(" frames/s"))
        self.fps_spin.setToolTip(self.tr("Playback speed of the GIF or MP4 (a GIF frame lasts a multiple "
                                         "of 10 ms)"))
        form.addRow(self.tr("Speed"), self.fps_spin)

        self.cost_box = QtWidgets.QCheckBox(self.tr("include the cost plot"), objectName="exportCostPlot")
        self.cost_box.setChecked(True)
        self.caption_box = QtWidgets.QCheckBox(
            self.tr("include the caption (task, update, phase, t, z, cost)"),
                                               objectName="exportCaption")
        self.caption_box.setChecked(True)
        form.addRow("", self.cost_box)
        form.addRow("", self.caption_box)
        self.foldback_box = QtWidgets.QCheckBox(self.tr("include the fold-back panel"),
                                                objectName="exportFoldback")
        self.foldback_box.setToolTip(self.tr("Draw the fold-back panel under the network: each copy's "
                                             "contribution to ΔV, ΔU, ΔW, their running sum and the "
                                             "weights before and after the update"))
        self.vanishing_box = QtWidgets.QCheckBox(self.tr("include the vanishing-gradient panel"),
                                                 objectName="exportVanishing")
        self.vanishing_box.setToolTip(self.tr("Draw the vanishing / exploding panel: ‖δ(t−z)‖ against z "
                                              "with its bound, and its history over the exported updates"))
        form.addRow("", self.foldback_box)
        form.addRow("", self.vanishing_box)
        self.whotaught_box = QtWidgets.QCheckBox(self.tr("include the who-taught-whom panel"),
                                                 objectName="exportWhoTaught")
        self.whotaught_box.setToolTip(self.tr(
            "Draw A[τ, c] = ‖C_U(τ, c)‖: which error (row τ) changed U through which copy "
            "(column c), with what truncation cut and the scheme-vs-full history"))
        self.factors_box = QtWidgets.QCheckBox(self.tr("include the why-δ-vanishes panel"),
                                               objectName="exportFactors")
        self.factors_box.setToolTip(self.tr(
            "Draw the U factor and the f′ factor of each step back beside the measured "
            "‖δ(c−1)‖/‖δ(c)‖, and the saturated units per copy"))
        self.predictions_box = QtWidgets.QCheckBox(self.tr("include the prediction strip"),
                                                   objectName="exportPredictions")
        self.predictions_box.setToolTip(self.tr(
            "Draw under the network, per step, the input, the target and the predicted symbol "
            "with its probability, right or wrong"))
        for box in (self.whotaught_box, self.factors_box, self.predictions_box):
            form.addRow("", box)
        self.source_spin = QtWidgets.QSpinBox(objectName="exportSource")
        self.source_spin.setRange(-1, max(0, self.session.columns - 1))
        chosen = getattr(self.session, "error_source", None)    # the view's, by default
        self.source_spin.setValue(-1 if chosen is None else int(chosen))
        self.source_spin.setSpecialValueText(self.tr("every error"))
        self.source_spin.setToolTip(self.tr(
            "The one-error-source view: draw the hidden δ of the error entering at this copy "
            "of the update's window alone (0 = the window's first copy)"))
        form.addRow(self.tr("One error source τ"), self.source_spin)

        self.out_edit = QtWidgets.QLineEdit(objectName="exportOutput")
        self.browse_button = QtWidgets.QPushButton(self.tr("Choose…"), objectName="exportBrowse")
        self.browse_button.clicked.connect(self._browse)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.out_edit, 1)
        row.addWidget(self.browse_button)
        self.out_label = QtWidgets.QLabel(self.tr("Folder"))
        form.addRow(self.out_label, row)

        self.message = QtWidgets.QLabel(objectName="exportMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00000")

        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        note = QtWidgets.QLabel(self.tr("The export replays a copy of the session: the window stays "
                                        "where it is."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        lay = QtWidgets.QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)

        self.what_combo.currentIndexChanged.connect(self._on_what)
        self.every_combo.currentIndexChanged.connect(self._update_count)
        self.updates_spin.valueChanged.connect(self._update_count)
        self.format_combo.currentIndexChanged.connect(self._on_format)

    def _on_what(self, *args) -> None:
        self.updates_spin.setEnabled(self.what_combo.currentData() == "updates")
        self._update_count()

    def frame_count(self):
        """Frames the export will write from the session's state now (None: until stopped;
        counted on a copy, at most :data:`COUNT_LIMIT`)."""
        return ex.count_frames(self.session, self.what_combo.currentData(),
                               self.every_combo.currentData(), self.updates_spin.value(),
                               limit=COUNT_LIMIT)

    def _update_count(self, *args) -> None:
        n = self.frame_count()
        if n is None:
            text = self.tr("writes frames until you press Stop")
        elif n >= COUNT_LIMIT:
            text = plural(self.tr("writes more than %n frame(s)", "", COUNT_LIMIT), COUNT_LIMIT)
        else:
            text = plural(self.tr("writes %n frame(s), the first the state shown now", "", n), n)
        self.count_label.setText(text)

    def _on_format(self, *args) -> None:
        fmt = self.format_combo.currentData()
        self.fps_spin.setEnabled(fmt != "png")
        self.out_label.setText(self.tr("Folder") if fmt == "png" else self.tr("File"))
        text = self.out_edit.text().strip()
        if not text:
            return
        base, ext = os.path.splitext(text)
        if fmt == "png" and ext.lower() in (".gif", ".mp4"):
            self.out_edit.setText(os.path.dirname(text) or text)
        elif fmt != "png":
            if ext.lower() in (".gif", ".mp4"):
                self.out_edit.setText(base + "." + fmt)
            else:
                self.out_edit.setText(os.path.join(text, f"rnn-unfold.{fmt}"))

    def _browse(self) -> None:
        fmt = self.format_combo.currentData()
        start = self.out_edit.text().strip() or os.path.expanduser("~")
        if fmt == "png":
            path = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Folder for the PNG frames"), start)
        else:
            flt = self.tr("GIF image (*.gif)") if fmt == "gif" else self.tr("MP4 video (*.mp4)")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Save the {format}").format(format=fmt.upper()), start, flt)
            if path and not path.lower().endswith("." + fmt):
                path += "." + fmt
        if path:
            self.out_edit.setText(path)

    def _load_settings(self) -> None:
        st = QtCore.QSettings()
        folder = st.value("export/folder") or os.path.join(os.path.expanduser("~"), "rnn-unfold-frames")
        self.out_edit.setText(str(folder))

    def _save_settings(self) -> None:
        st = QtCore.QSettings()
        text = self.out_edit.text().strip()
        st.setValue("export/folder", text if self.format_combo.currentData() == "png" else os.path.dirname(text))

    # -------------------------------------------------------------- settings
    def export_settings(self) -> ex.ExportSettings:
        """The :class:`~visualizer.export.ExportSettings` the fields describe (not yet checked)."""
        fmt = self.format_combo.currentData()
        out = self.out_edit.text().strip()
        if fmt != "png" and out and not os.path.splitext(out)[1]:
            out += "." + fmt        # a movie path typed without its extension gets it
        return ex.ExportSettings(
            what=self.what_combo.currentData(), updates=self.updates_spin.value(),
            every=self.every_combo.currentData(),
            size=(self.width_spin.value(), self.height_spin.value()), fps=self.fps_spin.value(),
            png_dir=out if fmt == "png" and out else None,
            gif=out if fmt == "gif" and out else None,
            mp4=out if fmt == "mp4" and out else None,
            cost_plot=self.cost_box.isChecked(), caption=self.caption_box.isChecked(),
            panels=tuple(name for name, box in (("foldback", self.foldback_box),
                                                ("vanishing", self.vanishing_box),
                                                ("whotaught", self.whotaught_box),
                                                ("factors", self.factors_box),
                                                ("predictions", self.predictions_box))
                         if box.isChecked()),
            source=None if self.source_spin.value() < 0 else self.source_spin.value())

    # ---------------------------------------------------------------- export
    @property
    def running(self) -> bool:
        return self._frames is not None

    def start_export(self) -> bool:
        """Check the fields and start exporting; False (with the reason shown) when they are wrong."""
        if self.running:
            return False
        self.message.setText("")
        from visualizer.qt.export_canvas import ExportCanvas
        try:
            settings = ex.check_settings(self.export_settings())
            canvas = ExportCanvas(cost_plot=settings.cost_plot, caption=settings.caption,
                                  panels=settings.panels, size=settings.size,
                                  source=settings.source)
            w, h = settings.size
            self.job = ex.Export(self.session, settings, lambda s: canvas.render(s, w, h))
        except ex.ExportError as err:
            self.message.setText(str(err))
            return False
        self._save_settings()
        self._canvas = canvas
        self.result = None
        total = self.job.total
        until = settings.what == "until"
        pd = QtWidgets.QProgressDialog(self)
        pd.setObjectName("exportProgress")
        pd.setWindowTitle(self.tr("Exporting"))
        pd.setLabelText(self.tr("Rendering frames…"))
        pd.setCancelButtonText(self.tr("Stop") if until else self.tr("Cancel"))
        pd.setRange(0, total or 0)
        pd.setAutoClose(False)
        pd.setAutoReset(False)
        pd.setMinimumDuration(0)
        pd.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        pd.canceled.connect(self.job.stop if until else self.job.cancel)
        self._progress = pd
        pd.setValue(0)
        self.export_button.setEnabled(False)
        self._frames = self.job.frames()
        self._timer.start()
        return True

    def cancel_export(self) -> None:
        """What the progress dialog's Cancel does (Stop for "until stopped")."""
        if self.job is not None:
            (self.job.stop if self.job.settings.what == "until" else self.job.cancel)()

    def _tick(self) -> None:
        try:
            done = next(self._frames)
        except StopIteration:
            self._finish()
            return
        except Exception as err:  # noqa: BLE001 - a failed write is reported, not raised into Qt
            self._finish(error=err)
            return
        pd = self._progress
        total = self.job.total
        pd.setLabelText(self.tr("frame {done}/{total}").format(done=done, total=total) if total
                        else self.tr("frame {done}").format(done=done))
        if total:
            pd.setValue(min(done, total))

    def _finish(self, error=None) -> None:
        self._timer.stop()
        self._frames = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if self._canvas is not None:
            self._canvas.detach()              # the insight panels stop following the exported copy
            self._canvas.deleteLater()
            self._canvas = None
        self.export_button.setEnabled(True)
        res = self.job.result
        self.result = res
        s = self.job.settings
        where = s.png_dir or s.gif or s.mp4
        if error is not None:
            text = self.tr("Export failed after {n} frames: {error}").format(n=res.frames, error=error)
        elif res.cancelled:
            text = (self.tr("Cancelled: {n} PNG frames kept in {where}").format(n=res.frames, where=where)
                    if s.png_dir else self.tr("Cancelled: nothing was written"))
        else:
            text = self.tr("Exported {n} frames to {where}").format(n=res.frames, where=where)
            if res.message:
                text += " " + self.tr("(stopped early: {why})").format(why=res.message)
        self.message.setStyleSheet("color: #b00000" if error or res.cancelled else "color: #006030")
        self.message.setText(text)
        if hasattr(self.main, "show_message"):
            self.main.show_message(text)
        self.finished_export.emit(res)

    def reject(self) -> None:
        if self.running:
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            self.cancel_export()
            event.ignore()
            return
        super().closeEvent(event)
