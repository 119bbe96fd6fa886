"""Presentation mode (F5; Esc leaves): full screen, the view and one chosen panel, a large caption.

:class:`PresentationWindow` shows the window's session in a full-screen window
of its own: the unfolded view, one panel beside it (the fold-back, the
equation inspector, the vanishing-gradient panel or the cost plot; P cycles
through them) and, under both, a large caption saying in one sentence what
the micro-step just shown does (:mod:`visualizer.model.step_sentence`). While
a lesson plays, the caption is the scene's own text, the scene's first panel
is shown and its highlights are drawn.

Keys, as a clicker sends them: PageDown, → and ↓ step (the next scene while a
lesson plays), PageUp, ← and ↑ step back (the previous scene); B (or the
period key some clickers send) blanks the screen and brings it back; Esc
leaves. Everything is drawn in the window's theme at its zoom.
"""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from visualizer.model import step_sentence as SS
from visualizer.model import themes
from visualizer.model.config import LESSON_PANELS
from visualizer.model.frames import build_frame
from visualizer.qt import theme as qt_theme
from visualizer.qt.throttle import Throttle
from visualizer.qt.unfolded.view import UnfoldedView

__all__ = ["PresentationWindow", "PANEL_CHOICES", "CAPTION_PX"]

#: the panels presentation mode can show beside the view, in the order P cycles through them ("" none):
#: a lesson's panels but the gradient check, which waits for a person to press its button
PANEL_CHOICES = tuple(p for p in LESSON_PANELS if p != "gradcheck") + ("",)
#: the one-sentence caption's font size in pixels at 100 % (a lesson's caption: LESSON_SHARE of it)
CAPTION_PX = 24
LESSON_SHARE = 0.75
#: most of the window's height the captions take (their fonts shrink to fit)
CAPTION_ROOM = 0.36
#: keys that step forward / back (a clicker sends PageDown / PageUp)
FORWARD_KEYS = (QtCore.Qt.Key.Key_PageDown, QtCore.Qt.Key.Key_Right, QtCore.Qt.Key.Key_Down,
                QtCore.Qt.Key.Key_Space)
BACK_KEYS = (QtCore.Qt.Key.Key_PageUp, QtCore.Qt.Key.Key_Left, QtCore.Qt.Key.Key_Up)
BLANK_KEYS = (QtCore.Qt.Key.Key_B, QtCore.Qt.Key.Key_Period)


def _make_panel(name: str, session):
    """A fresh panel ``name`` following ``session`` (None for no panel)."""
    if name == "foldback":
        from visualizer.qt.panels.foldback import FoldbackPanel
        return FoldbackPanel(session)
    if name == "inspector":
        from visualizer.qt.panels.inspector import InspectorPanel
        return InspectorPanel(session)
    if name == "vanishing":
        from visualizer.qt.panels.vanishing import VanishingPanel
        return VanishingPanel(session)
    if name == "cost":
        from visualizer.qt.cost_plot import CostPlot
        return CostPlot(session)
    return None


def _disconnect(events, name, fn, sub) -> None:
    if sub is not None and hasattr(sub, "disconnect"):
        sub.disconnect()
    else:
        events.disconnect(name, fn)


class PresentationWindow(QtWidgets.QWidget):
    """The full-screen presentation of a session.

    Parameters
    ----------
    session : Session
        The window's session (stepped by the keys).
    panel : str
        The panel shown first, one of :data:`PANEL_CHOICES` ("" for none).
    theme : Theme or str, optional
        Default: the window's (:func:`visualizer.qt.theme.current`).
    scale : float
        The zoom of the view and the caption (the window's zoom).
    player : LessonPlayer, optional
        A lesson being played: the keys move scene by scene.

    Signals
    -------
    left()
        The person left presentation mode (Esc or the window closed).
    """

    left = Signal()

    def __init__(self, session, panel: str = "foldback", theme=None, scale: float = 1.0, player=None,
                 parent=None):
        super().__init__(parent, QtCore.Qt.WindowType.Window)
        self.setObjectName("presentationWindow")
        self.setWindowTitle(self.tr("rnn-unfold: presentation"))
        self.session = session
        self.player = None
        self.theme = qt_theme.current() if theme is None else \
            (themes.theme(theme) if isinstance(theme, str) else theme)
        self.scale = themes.clamp_zoom(scale)
        self.blanked = False
        self.panel_name = ""
        self.panel = None
        self._subs = []
        self._closed = False

        self.view = UnfoldedView()
        self.view.setObjectName("presentationView")
        self.view.set_style(self.theme, self.scale)
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("presentationTitle")
        self.title_label.setWordWrap(True)
        self.caption = QtWidgets.QLabel()
        self.caption.setObjectName("presentationCaption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop)
        self.caption.setTextFormat(QtCore.Qt.TextFormat.MarkdownText)
        self.sentence = QtWidgets.QLabel()
        self.sentence.setObjectName("presentationSentence")
        self.sentence.setWordWrap(True)
        self.blank = QtWidgets.QWidget(self)
        self.blank.setObjectName("presentationBlank")
        self.blank.setAutoFillBackground(True)
        pal = self.blank.palette()
        pal.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor(0, 0, 0))
        self.blank.setPalette(pal)
        self.blank.hide()

        lay = QtWidgets.QVBoxLayout(self)
        k = self.scale
        lay.setContentsMargins(round(12 * k), round(8 * k), round(12 * k), round(8 * k))
        lay.setSpacing(round(6 * k))
        lay.addWidget(self.splitter, 1)
        lay.addWidget(self.title_label)
        lay.addWidget(self.caption)
        lay.addWidget(self.sentence)
        for w in (self.view, self.caption, self.sentence, self.title_label, self.splitter):
            w.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self._apply_style()

        self._throttle = Throttle(self._draw, parent=self)
        ev = session.events
        for name, fn in (("structure", self._on_structure), ("window", self._on_structure),
                         ("frame", self._on_frame)):
            self._subs.append((name, fn, ev.connect(name, fn)))
        self._on_structure()
        self.set_panel(panel)
        if player is not None:
            self.set_player(player)
        self._draw()

    # -- style -------------------------------------------------------------------------
    def _apply_style(self) -> None:
        th, k = self.theme, self.scale
        self.setAutoFillBackground(True)
        self.setPalette(qt_theme.palette(th))
        big = QtGui.QFont()
        big.setPixelSize(round(CAPTION_PX * k))
        self.sentence.setFont(big)
        mid = QtGui.QFont()
        mid.setPixelSize(round(LESSON_SHARE * CAPTION_PX * k))
        self.caption.setFont(mid)
        title = QtGui.QFont(big)
        title.setBold(True)
        self.title_label.setFont(title)
        fg = th.hex("foreground")
        self.sentence.setStyleSheet(f"QLabel {{ color: {fg}; }}")
        self.caption.setStyleSheet(f"QLabel {{ color: {fg}; }}")
        self.title_label.setStyleSheet(f"QLabel {{ color: {fg}; }}")

    def _fit_captions(self) -> None:
        """Shrink the captions' fonts until they take at most :data:`CAPTION_ROOM` of the height."""
        k = self.scale
        width = max(200, self.width() - round(24 * k))
        room = CAPTION_ROOM * max(self.height(), 200)
        labels = [w for w in (self.title_label, self.caption, self.sentence) if not w.isHidden()]
        base = {self.sentence: CAPTION_PX, self.title_label: CAPTION_PX,
                self.caption: LESSON_SHARE * CAPTION_PX}
        shrink = 1.0
        for _ in range(12):
            for w in labels:
                f = w.font()
                f.setPixelSize(max(9, round(base[w] * k * shrink)))
                w.setFont(f)
            used = sum(w.heightForWidth(width) if w.wordWrap() else w.sizeHint().height() for w in labels)
            if used <= room:
                break
            shrink *= 0.9

    def set_style(self, theme=None, scale: float | None = None) -> None:
        """Follow the window's theme and zoom."""
        if theme is not None:
            self.theme = themes.theme(theme) if isinstance(theme, str) else theme
        if scale is not None:
            self.scale = themes.clamp_zoom(scale)
        self.view.set_style(self.theme, self.scale)
        self._apply_style()
        if self.panel is not None:
            qt_theme.restyle(self.panel, self.theme)

    # -- contents ------------------------------------------------------------------------
    def set_panel(self, name: str) -> None:
        """Show the panel ``name`` (one of :data:`PANEL_CHOICES`) beside the view."""
        if name not in PANEL_CHOICES:
            raise ValueError(f"panel must be one of {', '.join(p for p in PANEL_CHOICES if p)} or '', "
                             f"got {name!r}")
        if name == self.panel_name and (self.panel is not None or not name):
            return
        self._drop_panel()
        self.panel_name = name
        self.panel = _make_panel(name, self.session)
        if self.panel is not None:
            self.panel.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
            self.splitter.addWidget(self.panel)
            self.splitter.setSizes([700, 300])      # the network keeps most of the width
            qt_theme.restyle(self.panel, self.theme)
            self._refresh_panel()

    def _drop_panel(self) -> None:
        if self.panel is None:
            return
        detach = getattr(self.panel, "detach", None)
        if detach is not None:
            detach()
        self.panel.hide()
        self.panel.setParent(None)
        self.panel.deleteLater()
        self.panel = None

    def cycle_panel(self) -> str:
        """The next panel of :data:`PANEL_CHOICES` (the P key)."""
        i = PANEL_CHOICES.index(self.panel_name) if self.panel_name in PANEL_CHOICES else -1
        self.set_panel(PANEL_CHOICES[(i + 1) % len(PANEL_CHOICES)])
        return self.panel_name

    def set_player(self, player) -> None:
        """Follow a lesson player: its scenes' captions, panels and highlights."""
        self.player = player
        if player is not None:
            player.frameShown.connect(self._on_lesson_frame)
            player.sceneChanged.connect(self._on_scene)
            if player.current is not None:
                self._on_scene(player.scene)
        self._draw()

    def _on_scene(self, _scene: int) -> None:
        names = [p for p in self.player.panels() if p in PANEL_CHOICES]
        if names:
            self.set_panel(names[0])
        self._draw()

    def _on_lesson_frame(self, *_args) -> None:
        self._throttle.pending = True
        self._throttle.flush()

    # -- following the session --------------------------------------------------------------
    def _on_structure(self, *_args) -> None:
        s = self.session
        self.view.set_structure(s.net.N, s.net.M, s.net.O, s.columns)
        self._throttle.request()

    def _on_frame(self, *_args) -> None:
        self._throttle.request()

    def _refresh_panel(self) -> None:
        if self.panel is None:
            return
        if self.player is not None and self.panel_name == "inspector":
            for h in self.player.highlights():
                if h[0] in ("node", "edge"):
                    (self.panel.show_node if h[0] == "node" else self.panel.show_edge)(*h[1:])
                    break
        for name in ("flush", "refresh"):
            fn = getattr(self.panel, name, None)
            if fn is not None:
                fn()
                break
        qt_theme.restyle(self.panel, self.theme)

    def _draw(self) -> None:
        if self._closed:
            return
        self.view.set_frame(build_frame(self.session))
        self.view.set_highlights(self.player.highlights() if self.player is not None else ())
        template, fields = SS.step_sentence(self.session)
        self.sentence.setText(QtCore.QCoreApplication.translate(SS.CONTEXT, template).format(**fields))
        if self.player is not None and self.player.current is not None:
            self.title_label.setText(self.player.title())
            self.title_label.show()
            self.caption.setText(self.player.caption())
            self.caption.show()
        else:
            self.title_label.hide()
            self.caption.hide()
        self._fit_captions()
        self._refresh_panel()

    def flush(self) -> None:
        """Draw a pending frame now."""
        self._throttle.flush()

    # -- keys ------------------------------------------------------------------------------
    def step_forward(self) -> None:
        """PageDown: one micro-step, or the next scene while a lesson plays."""
        if self.player is not None:
            self.player.next_scene()
        else:
            self.session.step()
        self._throttle.pending = True
        self.flush()

    def step_back(self) -> None:
        """PageUp: one micro-step back, or the previous scene while a lesson plays."""
        if self.player is not None:
            self.player.previous_scene()
        else:
            self.session.step_back()
        self._throttle.pending = True
        self.flush()

    def toggle_blank(self) -> None:
        """B: blank the screen, or bring it back."""
        self.blanked = not self.blanked
        if self.blanked:
            self.blank.setGeometry(self.rect())
            self.blank.raise_()
            self.blank.show()
        else:
            self.blank.hide()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        if key == QtCore.Qt.Key.Key_Escape:
            if self.blanked:
                self.toggle_blank()
            else:
                self.close()
        elif key in BLANK_KEYS:
            self.toggle_blank()
        elif self.blanked:
            pass            # a blanked screen stays blank: no step happens unseen
        elif key in FORWARD_KEYS:
            self.step_forward()
        elif key in BACK_KEYS:
            self.step_back()
        elif key == QtCore.Qt.Key.Key_P:
            self.cycle_panel()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_captions()
        if self.blanked:
            self.blank.setGeometry(self.rect())

    def present(self) -> None:
        """Show full screen and take the keyboard."""
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self._throttle.stop()
            ev = self.session.events
            for name, fn, sub in self._subs:
                _disconnect(ev, name, fn, sub)
            self._subs = []
            self._drop_panel()
            if self.player is not None:
                for sig, fn in ((self.player.frameShown, self._on_lesson_frame),
                                (self.player.sceneChanged, self._on_scene)):
                    try:
                        sig.disconnect(fn)
                    except (RuntimeError, TypeError):
                        pass
            self.left.emit()
        super().closeEvent(event)
