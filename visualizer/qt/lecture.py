"""The lecture-hall actions of the main window: zoom, themes, presentation mode, vector export, lessons.

:func:`install` adds to a :class:`~visualizer.qt.main_window.MainWindow`:

* View ▸ Zoom in / Zoom out / Actual size (Ctrl+= / Ctrl+− / Ctrl+0): the whole
  interface from 75 % to 300 % (:class:`~visualizer.qt.zoom.ZoomController`):
  the application font, the unfolded view's nodes, labels and line widths, the
  plots' axis fonts; remembered between runs;
* View ▸ Theme ▸ light / dark / high-contrast (:class:`~visualizer.qt.theme.ThemeController`),
  remembered; the command line's ``--theme`` wins for that run;
* View ▸ Presentation mode (F5; Esc leaves): :class:`~visualizer.qt.presentation.PresentationWindow`;
* File ▸ Export view… (Ctrl+Shift+E): the view, a panel, the cost plot or the
  whole frame as SVG, PDF or PNG; Edit ▸ Copy view as image (Ctrl+Shift+C);
* File ▸ Open lesson…: plays a lesson (:class:`~visualizer.qt.lesson_player.LessonPlayer`)
  with its caption in a dock, the scene's panels raised and its highlights
  drawn; PageDown / PageUp (a clicker) move scene by scene.

The window keeps what it is; everything here reaches it through its public
attributes (``session``, ``view``, ``cost_plot``, ``panels``, ``docks``,
``file_menu``, ``view_menu``).
"""
from __future__ import annotations

import os

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from visualizer.model import lesson as L
from visualizer.model import themes
from visualizer.qt import theme as qt_theme
from visualizer.qt import vector_export as ve
from visualizer.qt import zoom as qt_zoom

__all__ = ["Lecture", "install", "EXPORT_PARTS"]

#: what File ▸ Export view… can export: (key, text)
EXPORT_PARTS = (
    ("view", QT_TRANSLATE_NOOP("Lecture", "The unfolded view")),
    ("frame", QT_TRANSLATE_NOOP("Lecture", "The whole frame (view, cost plot, fold-back and vanishing panels)")),
    ("cost", QT_TRANSLATE_NOOP("Lecture", "The cost plot")),
    ("foldback", QT_TRANSLATE_NOOP("Lecture", "The fold-back panel")),
    ("inspector", QT_TRANSLATE_NOOP("Lecture", "The equation inspector")),
    ("vanishing", QT_TRANSLATE_NOOP("Lecture", "The vanishing / exploding panel")),
    ("gradcheck", QT_TRANSLATE_NOOP("Lecture", "The gradient check panel")),
)
THEME_TEXT = {"light": QT_TRANSLATE_NOOP("Lecture", "&Light"),
              "dark": QT_TRANSLATE_NOOP("Lecture", "&Dark"),
              "high-contrast": QT_TRANSLATE_NOOP("Lecture", "&High contrast (projectors)")}


def _panels(window) -> dict:
    """The window's insight panels by name (whichever way this window keeps them)."""
    panels = getattr(window, "panels", None)
    if isinstance(panels, dict):
        return panels
    ins = getattr(window, "insight", None)
    if ins is None:
        return {}
    got = getattr(ins, "panels", None)
    got = got() if callable(got) else got
    return dict(got or {})


def _docks(window) -> dict:
    docks = getattr(window, "docks", None)
    if isinstance(docks, dict):
        return docks
    out = {"parameters": getattr(window, "param_dock", None), "cost": getattr(window, "cost_dock", None)}
    ins = getattr(window, "insight", None)
    if ins is not None:
        out.update(getattr(ins, "docks", {}) or {})
    return {k: v for k, v in out.items() if v is not None}


class Lecture(QtCore.QObject):
    """The lecture-hall controller of one main window (see the module notes).

    Attributes
    ----------
    theme : ThemeController
    zoom : ZoomController
    presentation : PresentationWindow or None
    player : LessonPlayer or None
    actions : dict of str to QAction
    """

    def __init__(self, window, theme: str | None = None, remember: bool = True):
        super().__init__(window)
        self.window = window
        self.theme = qt_theme.ThemeController(self, name=theme, remember=remember)
        self.zoom = qt_zoom.ZoomController(remember=remember, parent=self)
        self.presentation = None
        self.player = None
        self.caption_dock = None
        self.actions = {}
        self._fit_timer = QtCore.QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit)
        self._build_actions()
        self.theme.changed.connect(self._on_theme)
        self.zoom.changed.connect(self._on_zoom)
        self.theme.apply()
        self.zoom.apply()
        window.installEventFilter(self)

    def tr(self, text: str) -> str:          # noqa: D102 - one translation context for the module
        return QtCore.QCoreApplication.translate("Lecture", text)

    # -- actions ------------------------------------------------------------------------
    def _action(self, name: str, text: str, shortcut=None, slot=None, tip: str = "") -> QtGui.QAction:
        a = QtGui.QAction(self.tr(text), self.window)
        a.setObjectName(name)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                a.setShortcuts([QtGui.QKeySequence(s) for s in shortcut])
            else:
                a.setShortcut(QtGui.QKeySequence(shortcut))
        if tip:
            a.setToolTip(self.tr(tip))
            a.setStatusTip(self.tr(tip))
        if slot is not None:
            a.triggered.connect(slot)
        self.window.addAction(a)        # shortcuts work with the menu bar hidden (presentation)
        self.actions[name] = a
        return a

    def _build_actions(self) -> None:
        w = self.window
        zi = self._action(
            "actionZoomIn", QT_TRANSLATE_NOOP("Lecture", "Zoom &in"), ["Ctrl+=", "Ctrl++"], self.zoom.zoom_in,
            QT_TRANSLATE_NOOP("Lecture", "Enlarge the whole interface: fonts, nodes, lines and plots (up to 300 %)"))
        zo = self._action(
            "actionZoomOut", QT_TRANSLATE_NOOP("Lecture", "Zoom &out"), ["Ctrl+-"], self.zoom.zoom_out,
            QT_TRANSLATE_NOOP("Lecture", "Shrink the whole interface (down to 75 %)"))
        z0 = self._action(
            "actionZoomReset", QT_TRANSLATE_NOOP("Lecture", "&Actual size"), ["Ctrl+0"], self.zoom.reset,
            QT_TRANSLATE_NOOP("Lecture", "Back to 100 %"))
        pres = self._action(
            "actionPresentation", QT_TRANSLATE_NOOP("Lecture", "&Presentation mode"), "F5", self.present,
            QT_TRANSLATE_NOOP("Lecture", "Full screen: the view, one panel and a large caption; "
                                         "PageDown / PageUp step, B blanks the screen, Esc leaves"))
        exp = self._action(
            "actionExportView", QT_TRANSLATE_NOOP("Lecture", "Export &view…"), "Ctrl+Shift+E", self.export_view,
            QT_TRANSLATE_NOOP("Lecture", "Save the view, a panel or the whole frame as SVG, PDF or PNG"))
        cp = self._action(
            "actionCopyView", QT_TRANSLATE_NOOP("Lecture", "&Copy view as image"), "Ctrl+Shift+C", self.copy_view,
            QT_TRANSLATE_NOOP("Lecture", "Put a picture of the unfolded view on the clipboard"))
        les = self._action(
            "actionOpenLesson", QT_TRANSLATE_NOOP("Lecture", "Open &lesson…"), "Ctrl+Shift+L", self.open_lesson,
            QT_TRANSLATE_NOOP("Lecture", "Play a walk-through written as a lesson file (TOML); "
                                         "PageDown / PageUp move scene by scene"))
        nxt = self._action("actionNextScene", QT_TRANSLATE_NOOP("Lecture", "Next scene"), ["PgDown"],
                           self.next_scene)
        prv = self._action("actionPreviousScene", QT_TRANSLATE_NOOP("Lecture", "Previous scene"), ["PgUp"],
                           self.previous_scene)
        end = self._action("actionCloseLesson", QT_TRANSLATE_NOOP("Lecture", "Close lesson"), None,
                           self.close_lesson)
        for a in (nxt, prv, end):
            a.setEnabled(False)
        group = QtGui.QActionGroup(self)
        group.setExclusive(True)
        self.theme_actions = {}
        for name in themes.THEMES:
            a = QtGui.QAction(self.tr(THEME_TEXT[name]), self.window)
            a.setObjectName("actionTheme_" + name.replace("-", "_"))
            a.setCheckable(True)
            a.setChecked(name == self.theme.name)
            a.triggered.connect(lambda _=False, n=name: self.theme.set_theme(n))
            group.addAction(a)
            self.theme_actions[name] = a

        view_menu = getattr(w, "view_menu", None)
        if view_menu is not None:
            # the network's own fit keeps its place, without the Ctrl+0 that zoom takes now
            for act in view_menu.actions():
                if act.objectName() == "actionFitView":
                    act.setShortcut(QtGui.QKeySequence("Ctrl+Shift+0"))
            view_menu.addSeparator()
            for a in (zi, zo, z0):
                view_menu.addAction(a)
            menu = view_menu.addMenu(self.tr("&Theme"))
            menu.setObjectName("menuTheme")
            for a in self.theme_actions.values():
                menu.addAction(a)
            self.theme_menu = menu
            view_menu.addSeparator()
            view_menu.addAction(pres)
        file_menu = getattr(w, "file_menu", None)
        if file_menu is None:
            file_menu = next((m for m in w.menuBar().findChildren(QtWidgets.QMenu)
                              if m.title().replace("&", "") in ("File", self.tr("File"))), None)
        if file_menu is not None:
            first = file_menu.actions()[0] if file_menu.actions() else None
            lesson_menu = QtWidgets.QMenu(self.tr("&Lesson"), file_menu)
            lesson_menu.setObjectName("menuLesson")
            for a in (nxt, prv, end):
                lesson_menu.addAction(a)
            self.lesson_menu = lesson_menu
            # before Quit (and before Preferences when the window has them)
            before = next((a for a in file_menu.actions()
                           if a.objectName() == "actionQuit" or (a.menu() is not None and a.menu().objectName()
                                                                  .lower().startswith("menupref"))), None)
            for a in (exp, cp):
                file_menu.insertAction(before, a)
            file_menu.insertSeparator(before)
            file_menu.insertAction(before, les)
            file_menu.insertMenu(before, lesson_menu)
            file_menu.insertSeparator(before)
            del first

    # -- theme and zoom ----------------------------------------------------------------------
    def _targets(self) -> list:
        w = self.window
        out = [getattr(w, "cost_plot", None)] + list(_panels(w).values())
        out.append(getattr(w, "parameters", None))
        return [t for t in out if t is not None]

    def _on_theme(self, th) -> None:
        a = self.theme_actions.get(th.name)
        if a is not None and not a.isChecked():
            a.setChecked(True)
        self.window.view.set_style(theme=th)
        for t in self._targets():
            qt_theme.restyle(t, th)
        if self.presentation is not None:
            self.presentation.set_style(theme=th)

    def _fit_toolbars(self) -> None:
        """Icons grow with the zoom; a bar too long for the window puts its texts under the icons, or
        drops them (the tooltips stay)."""
        w = self.window
        style = QtCore.Qt.ToolButtonStyle
        for tb in w.findChildren(QtWidgets.QToolBar):
            if tb.property("baseIconSize") is None:
                tb.setProperty("baseIconSize", tb.iconSize().width())
                tb.setProperty("baseButtonStyle", int(tb.toolButtonStyle().value))
            side = round(int(tb.property("baseIconSize")) * self.zoom.factor)
            tb.setIconSize(QtCore.QSize(side, side))
            tb.setToolButtonStyle(style(int(tb.property("baseButtonStyle"))))
            room = w.width() if tb.orientation() == QtCore.Qt.Orientation.Horizontal else w.height()
            for fallback in (style.ToolButtonTextUnderIcon, style.ToolButtonIconOnly):
                if tb.sizeHint().width() <= room or tb.toolButtonStyle() == style.ToolButtonIconOnly:
                    break
                tb.setToolButtonStyle(fallback)

    def _fit_docks(self) -> None:
        """Side docks at least as wide as their contents need at this zoom (nothing cut off).

        Docks tabbed together share one width: the widest need of the group is given to
        the tab on show.
        """
        w = self.window
        area = QtCore.Qt.DockWidgetArea

        def need(dock) -> int:
            inner = dock.widget()
            kids = [c.minimumSizeHint().width() for c in inner.findChildren(QtWidgets.QWidget)
                    if isinstance(c, (QtWidgets.QLabel, QtWidgets.QAbstractButton)) and not c.isHidden()]
            return max([inner.minimumSizeHint().width()] + kids) + 24

        grow, seen = {}, set()
        for dock in w.findChildren(QtWidgets.QDockWidget):
            if dock in seen or dock.isHidden() or dock.isFloating() or dock.widget() is None:
                continue
            if w.dockWidgetArea(dock) not in (area.LeftDockWidgetArea, area.RightDockWidgetArea):
                continue
            group = [dock] + [d for d in w.tabifiedDockWidgets(dock) if not d.isHidden()]
            seen.update(group)
            shown = next((d for d in group if not d.visibleRegion().isEmpty()), dock)
            want = max(need(d) for d in group)
            if shown.width() < want:
                grow[shown] = want
        if grow:
            w.resizeDocks(list(grow), list(grow.values()), QtCore.Qt.Orientation.Horizontal)

    def _fit(self) -> None:
        self._fit_toolbars()
        self._fit_docks()

    def eventFilter(self, obj, event) -> bool:
        # fonts reach the widgets through events, and docks change their needs when a tab is
        # brought up: fit again once things have settled (one timer: requests coalesce)
        if obj is self.window and event.type() in (QtCore.QEvent.Type.Resize,
                                                    QtCore.QEvent.Type.LayoutRequest):
            self._fit_timer.start()
        return False

    def _on_zoom(self, factor: float) -> None:
        self._fit_toolbars()
        # the new font reaches the widgets through events: measure again once it has
        self._fit_timer.start()
        self.window.view.set_style(scale=factor)
        for t in self._targets():
            qt_zoom.scale_plots(t, factor)
        if self.presentation is not None:
            self.presentation.set_style(scale=factor)
        show = getattr(self.window, "show_message", None)
        if show is not None:
            show(self.tr("Zoom {percent} %").format(percent=self.zoom.percent), 2000)

    # -- presentation -----------------------------------------------------------------------
    def present(self) -> None:
        """Enter presentation mode (F5); Esc leaves it."""
        from visualizer.qt.presentation import PresentationWindow
        if self.presentation is not None:
            self.presentation.present()
            return
        pause = getattr(self.window, "pause", None)
        if pause is not None:
            pause()
        panel = "foldback"
        if self.player is not None and self.player.panels():
            panel = next((p for p in self.player.panels() if p in ("foldback", "inspector", "vanishing",
                                                                   "cost")), "foldback")
        self.presentation = PresentationWindow(self.window.session, panel=panel, theme=self.theme.theme,
                                               scale=self.zoom.factor, player=self.player)
        self.presentation.left.connect(self._left_presentation)
        self.presentation.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.presentation.present()

    def _left_presentation(self) -> None:
        self.presentation = None
        self.window.activateWindow()

    # -- export -------------------------------------------------------------------------------
    def view_image(self) -> QtGui.QImage:
        """The view as shown (its size on screen, at pixel ratio 1)."""
        v = self.window.view
        return v.render_to_image(max(v.width(), 64), max(v.height(), 64))

    def copy_view(self) -> None:
        """Ctrl+Shift+C: the view to the clipboard as an image."""
        ve.copy_image(self.view_image())
        show = getattr(self.window, "show_message", None)
        if show is not None:
            show(self.tr("The view is on the clipboard"), 3000)

    def paint_part(self, part: str, width: int, height: int):
        """A paint callable for ``part`` (a key of :data:`EXPORT_PARTS`) at ``width x height``."""
        w = self.window
        if part == "view":
            return lambda p: w.view.paint_to(p, width, height)
        if part == "frame":
            from visualizer.qt.export_canvas import ExportCanvas
            canvas = ExportCanvas(panels=("foldback", "vanishing"), theme=self.theme.theme,
                                  scale=self.zoom.factor)
            canvas.view.set_highlights(w.view.highlights)

            def paint(p, c=canvas):
                try:
                    c.paint(p, w.session, width, height)
                finally:
                    c.detach()
            return paint
        widget = w.cost_plot if part == "cost" else _panels(w).get(part)
        if widget is None:
            raise ValueError(self.tr("there is no {part} panel in this window").format(part=part))

        def paint_widget(p, wd=widget):
            p.fillRect(QtCore.QRect(0, 0, width, height), qt_theme.qcolor(self.theme.theme.background))
            sx, sy = width / max(wd.width(), 1), height / max(wd.height(), 1)
            p.scale(min(sx, sy), min(sx, sy))
            wd.render(p, QtCore.QPoint(0, 0), QtGui.QRegion(),
                      QtWidgets.QWidget.RenderFlag.DrawChildren | QtWidgets.QWidget.RenderFlag.DrawWindowBackground)
        return paint_widget

    def part_size(self, part: str) -> tuple[int, int]:
        """The size a part is exported at: its size on screen (the whole frame: the export default)."""
        w = self.window
        if part == "frame":
            from visualizer.export import DEFAULT_SIZE
            return DEFAULT_SIZE
        widget = w.view if part == "view" else (w.cost_plot if part == "cost" else _panels(w).get(part))
        if widget is None or widget.width() < 32 or widget.height() < 32:
            return (1280, 720)
        return widget.width(), widget.height()

    def export_to(self, path: str, part: str = "view", size=None) -> str:
        """Write ``part`` to ``path``; the format follows the extension (.svg, .pdf or .png)."""
        ext = os.path.splitext(path)[1].lower()
        if ext not in (".svg", ".pdf", ".png"):
            raise ValueError(self.tr("the file must end in .svg, .pdf or .png, got {name}").format(
                name=os.path.basename(path)))
        width, height = size or self.part_size(part)
        paint = self.paint_part(part, width, height)
        title = self.window.windowTitle()
        if ext == ".svg":
            ve.write_svg(path, paint, width, height, title=title)
        elif ext == ".pdf":
            ve.write_pdf(path, [paint], width, height, title=title)
        else:
            img = ve.render_image(paint, width, height, self.theme.theme.background)
            if not img.save(path, "PNG"):
                raise OSError(self.tr("cannot write {name}").format(name=path))
        return path

    def export_view(self) -> None:
        """File ▸ Export view… (Ctrl+Shift+E): choose the part, then the file."""
        pause = getattr(self.window, "pause", None)
        if pause is not None:
            pause()
        dlg = QtWidgets.QDialog(self.window)
        dlg.setObjectName("exportViewDialog")
        dlg.setWindowTitle(self.tr("Export view"))
        form = QtWidgets.QFormLayout(dlg)
        combo = QtWidgets.QComboBox()
        combo.setObjectName("exportPartCombo")
        panels = _panels(self.window)
        for key, text in EXPORT_PARTS:
            if key in ("view", "frame", "cost") or key in panels:
                combo.addItem(self.tr(text), key)
        form.addRow(self.tr("What"), combo)
        note = QtWidgets.QLabel(self.tr("SVG and PDF keep lines as lines and text as text: "
                                        "they scale to any size in slides and papers."))
        note.setWordWrap(True)
        form.addRow(note)
        box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Save
                                         | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(dlg.accept)
        box.rejected.connect(dlg.reject)
        form.addRow(box)
        if dlg.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        part = combo.currentData()
        suggested = f"rnn-unfold-{part}.svg"     # a file name, not text to translate
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.window, self.tr("Export view"), suggested,
            self.tr("SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)"))
        if not path:
            return
        if not os.path.splitext(path)[1]:
            path += ".svg"
        try:
            self.export_to(path, part)
        except (OSError, ValueError) as err:
            QtWidgets.QMessageBox.warning(self.window, self.tr("Export view"), str(err))
            return
        show = getattr(self.window, "show_message", None)
        if show is not None:
            show(self.tr("Wrote {name}").format(name=path))

    # -- lessons --------------------------------------------------------------------------------
    def open_lesson(self, path: str | None = None) -> bool:
        """File ▸ Open lesson…: read a lesson and show its first scene; False when refused."""
        if not path:
            start = str(L.lessons_dir())
            path, _ = QtWidgets.QFileDialog.getOpenFileName(
                self.window, self.tr("Open lesson"), start, self.tr("Lessons (*.toml)"))
            if not path:
                return False
        try:
            les = L.load(path)
        except L.LessonError as err:
            QtWidgets.QMessageBox.warning(self.window, self.tr("Open lesson"), str(err))
            return False
        return self.play_lesson(les)

    def play_lesson(self, les) -> bool:
        """Play a parsed lesson in this window from its first scene."""
        from visualizer.qt.lesson_player import LessonPlayer
        self.close_lesson()
        pause = getattr(self.window, "pause", None)
        if pause is not None:
            pause()
        self.player = LessonPlayer(les, self.window.session, parent=self)
        self.player.frameShown.connect(self._on_lesson_frame)
        self.player.sceneChanged.connect(self._on_scene)
        self.player.failed.connect(self._on_lesson_failed)
        self._ensure_caption_dock()
        for name in ("actionNextScene", "actionPreviousScene", "actionCloseLesson"):
            self.actions[name].setEnabled(True)
        if self.presentation is not None:
            self.presentation.set_player(self.player)
        return self.player.start(0)

    def close_lesson(self) -> None:
        """Stop the lesson; the window keeps the state it shows."""
        if self.player is not None:
            self.player.stop()
            self.player.deleteLater()
            self.player = None
        self.window.view.set_highlights(())
        if self.caption_dock is not None:
            self.caption_dock.hide()
        for name in ("actionNextScene", "actionPreviousScene", "actionCloseLesson"):
            self.actions[name].setEnabled(False)

    def next_scene(self) -> None:
        if self.player is not None:
            self.player.next_scene()

    def previous_scene(self) -> None:
        if self.player is not None:
            self.player.previous_scene()

    def _ensure_caption_dock(self) -> None:
        if self.caption_dock is None:
            dock = QtWidgets.QDockWidget(self.tr("Lesson"), self.window)
            dock.setObjectName("lessonDock")
            box = QtWidgets.QWidget()
            lay = QtWidgets.QVBoxLayout(box)
            self.caption_title = QtWidgets.QLabel()
            self.caption_title.setObjectName("lessonSceneTitle")
            f = self.caption_title.font()
            f.setBold(True)
            self.caption_title.setFont(f)
            self.caption_label = QtWidgets.QLabel()
            self.caption_label.setObjectName("lessonCaption")
            self.caption_label.setTextFormat(QtCore.Qt.TextFormat.MarkdownText)
            self.caption_label.setWordWrap(True)
            self.caption_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
            buttons = QtWidgets.QHBoxLayout()
            for name in ("actionPreviousScene", "actionNextScene"):
                b = QtWidgets.QToolButton()
                b.setDefaultAction(self.actions[name])
                b.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
                buttons.addWidget(b)
            buttons.addStretch(1)
            lay.addWidget(self.caption_title)
            scroll = QtWidgets.QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.caption_label)
            lay.addWidget(scroll, 1)
            lay.addLayout(buttons)
            dock.setWidget(box)
            self.window.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            self.caption_dock = dock
        self.caption_dock.setWindowTitle(self.tr("Lesson: {title}").format(title=self.player.lesson.title))
        self.caption_dock.show()

    def _on_scene(self, _scene: int) -> None:
        p = self.player
        self.caption_title.setText(p.title())
        self.caption_label.setText(p.caption())
        docks = _docks(self.window)
        for name in p.panels():
            dock = docks.get(name)
            if dock is not None:
                dock.show()
                dock.raise_()

    def _on_lesson_frame(self, *_args) -> None:
        w = self.window
        w.view.set_highlights(self.player.highlights() if self.player is not None else ())
        flush = getattr(w, "flush", None)
        if flush is not None:
            flush()
        if self.player is not None and "inspector" in self.player.panels():
            insp = _panels(w).get("inspector")
            for h in self.player.highlights():
                if insp is not None and h[0] in ("node", "edge"):
                    (insp.show_node if h[0] == "node" else insp.show_edge)(*h[1:])
                    break

    def _on_lesson_failed(self, message: str) -> None:
        QtWidgets.QMessageBox.warning(self.window, self.tr("Lesson"), message)
        self.close_lesson()

    def detach(self) -> None:
        """Close the presentation and the lesson (the window is closing)."""
        if self.presentation is not None:
            self.presentation.close()
            self.presentation = None
        self.close_lesson()


def install(window, theme: str | None = None, remember: bool = True) -> Lecture:
    """Add the lecture-hall actions to ``window``; returns the controller (also ``window.lecture``).

    Parameters
    ----------
    window : MainWindow
    theme : str, optional
        A theme for this run (``--theme``); default: the remembered one.
    remember : bool
        Read and write the zoom and theme in ``QSettings``.
    """
    lec = Lecture(window, theme=theme, remember=remember)
    window.lecture = lec
    return lec
