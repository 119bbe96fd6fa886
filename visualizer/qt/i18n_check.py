"""English left on the translated window: the words a Chinese reader would still meet, and where.

:func:`english_words` finds the words of a text outside :func:`allowed_words`
(symbols of the mathematics, names of people, formats and the program, and the
vocabularies one types on the command line: task, activation, cost and scheme
names). :func:`english_on_window` builds the main window with its panels in a
language, steps it into BPTT so every panel has content, opens its dialogs
and lists every visible string that still holds English, as "where: text".
"""
from __future__ import annotations

import html
import importlib
import inspect
import pkgutil
import re

from PySide6 import QtCore, QtGui, QtWidgets

from visualizer.qt.i18n_walk import visible_texts

#: words that stay as they are in every language: notation, names, formats, units of code
ALLOWED = {
    # the method, the network, people and references
    "BPTT", "RNN", "RNNLM", "Elman", "Bodén", "Boden", "Werbos", "Jordan", "Mikael", "Keras", "Karpathy",
    "PyTorch", "NumPy", "numpy", "PySide6", "PySide", "Qt", "pyqtgraph", "min-char-rnn", "MIT", "LSTM", "GRU",
    # file formats and programs
    "PNG", "GIF", "MP4", "CSV", "TOML", "JSON", "SVG", "ffmpeg", "imageio", "Pillow", "HTML", "UTF-8",
    # the mathematics: costs, activations, functions
    "SSE", "CE", "tanh", "sigmoid", "ReLU", "relu", "softmax", "net", "max", "min", "cosh", "exp",
    "log", "cos", "sin", "NaN", "inf", "argmax", "sgn", "sign", "std", "RMS", "Adam", "SGD",
    # keys named in shortcuts
    "Ctrl", "Shift", "Alt", "Meta", "Space", "Esc", "Del", "PgUp", "PgDown", "Home", "End", "Tab",
    "F1", "Backspace", "Return", "Enter",
    # the program's name, and each language's own name
    "rnn-unfold", "English",
    # colour maps named in the help
    "viridis", "magma", "inferno", "plasma", "cividis", "turbo",
}

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9]*(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿ0-9]+)*")


def allowed_words() -> set[str]:
    """:data:`ALLOWED` plus the names of the configuration's vocabularies (typed as they are)."""
    words = set(ALLOWED)
    try:
        from core import tasks as core_tasks
        from visualizer.model import config
        words.update(core_tasks.TASKS)
        for name in core_tasks.TASKS:           # --param NAME=VALUE: typed as they are
            words.update(sp.name for sp in core_tasks.task_params(name))
        words.update(getattr(config, "SCHEMES", ()))
        for name in ("HIDDEN", "OUTPUT", "COSTS", "ACTIVATIONS", "HIDDEN_ACTIVATIONS",
                     "OUTPUT_ACTIVATIONS", "EDGE_MODES", "THEMES"):
            vocab = getattr(config, name, ())
            words.update(str(v) for v in vocab)
    except ImportError:           # pragma: no cover
        pass
    words.update(kept_in_translations())
    return words


def kept_in_translations() -> set[str]:
    """Capitalised Latin words the translations keep on purpose: names of people and of works.

    A translator who leaves "Hochreiter" or a book's title in a Chinese text says
    it is a name; lower-case English kept in a translation is not excused.
    """
    from visualizer.qt import i18n_catalogue as catalogue
    out = set()
    for lang in catalogue.TRANSLATED:
        path = catalogue.qm_path(lang)
        if not path.exists():
            continue
        for m in catalogue.read_qm(path):
            out.update(w for w in _WORD.findall(plain(m.translation)) if w[:1].isupper())
    return out


def plain(text: str, rich: bool = False) -> str:
    """The words of a text: rich-text tags, entities and mnemonics removed."""
    if rich or QtGui.Qt.mightBeRichText(text):
        text = re.sub(r"<style.*?</style>", " ", text, flags=re.S | re.I)
        text = re.sub(r"<[^>]*>", " ", text)
        text = html.unescape(text)
    text = re.sub(r"&(?=\w)", "", text)        # mnemonics: "&File", "文件(&F)"
    text = text.replace("rnn-unfold", " ").replace("min-char-rnn", " ")
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[\w*]*\.[A-Za-z][A-Za-z0-9]{1,4}\b", " ", text)   # file names: *.gif, .rnnu, frame_1.png
    text = re.sub(r"\b\d+(?:\.\d+)?e[+-]?\d+\b", " ", text)     # 1.2e-05
    return text


def english_words(text: str, rich: bool = False, allowed: set[str] | None = None) -> list[str]:
    """The English words of ``text``: two or more Latin letters, not an allowed name or symbol."""
    allowed = allowed_words() if allowed is None else allowed
    lower = {w.lower() for w in allowed}
    out = []
    for w in _WORD.findall(plain(text, rich)):
        letters = re.sub(r"[^A-Za-zÀ-ÖØ-öø-ÿ]", "", w)
        if len(letters) < 2 or w in allowed or w.lower() in lower:
            continue
        if re.fullmatch(r"[A-Za-z]{1,2}\d*", w) or re.fullmatch(r"[A-Za-z]\d+[A-Za-z]?", w) \
                or re.fullmatch(r"[A-Za-z](?:-[A-Za-z])+", w):      # a word spelled out: h-e-l-l-o
            continue                          # symbols: V, s0, y2, t1, BPTT(h; h′) indices
        out.append(w)
    return out


def english_in(root: QtCore.QObject, allowed: set[str] | None = None) -> list[str]:
    """"where: text" for each visible string on ``root`` that holds English words."""
    allowed = allowed_words() if allowed is None else allowed
    out, seen = [], set()
    for t in visible_texts(root):
        if t.text in seen:          # one report per text (a tip on a parameter and on its editor)
            continue
        seen.add(t.text)
        words = english_words(t.text, t.rich, allowed)
        if words:
            out.append(f"{t.where}: {' '.join(dict.fromkeys(words))}  ⟨{t.text[:90]!r}⟩")
    return out


def dialog_classes():
    """Every QDialog subclass defined in ``visualizer.qt`` (its modules imported)."""
    import visualizer.qt as pkg
    found = []
    for info in pkgutil.walk_packages(pkg.__path__, "visualizer.qt."):
        if info.name.endswith(("i18n", "i18n_check", "__main__")):
            continue
        try:
            mod = importlib.import_module(info.name)
        except Exception:          # noqa: BLE001 (an optional module that cannot load here)
            continue
        for _, cls in inspect.getmembers(mod, inspect.isclass):
            if (issubclass(cls, QtWidgets.QDialog) and cls.__module__ == mod.__name__
                    and cls not in found):
                found.append(cls)
    return found


def english_on_window(lang: str = "zh_CN", window=None, steps: int = 0) -> list[str]:
    """Open the main window (panels on) in ``lang`` and list every visible string left in English.

    The window is stepped into the BPTT phase so panels, status line and
    tooltips show live text; the How-to-read box, the About box and every
    dialog class of ``visualizer.qt`` that can be built from the window alone
    are opened and walked too; node and edge tooltips are asked for.

    Parameters
    ----------
    lang : str
        The language to check.
    window : MainWindow, optional
        An open window to check (the language is set on the running app).
    steps : int
        Extra micro-steps before checking (default: through the forward
        phase and into BPTT).
    """
    from visualizer.qt import i18n

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    i18n.set_language(app, lang)
    own = window is None
    if own:
        from visualizer.qt.main_window import MainWindow
        window = MainWindow(restore=False)
        window.show()
    out = []
    try:
        s = window.session
        for _ in range(3):
            s.next_phase()
        for _ in range(steps):
            s.step()
        window.flush()
        if getattr(window, "insight", None) is not None:
            window.insight.flush()
        app.processEvents()
        out += english_in(window)
        out += [f"status bar: {w}" for w in english_words(window.statusBar().currentMessage())]
        out += _tooltips(window)
        out += _dialogs(window)
    finally:
        if own:
            window.close()
            window.deleteLater()
            QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    return out


def _tooltips(window) -> list[str]:
    """The unfolded view's node and edge tooltips, for a few nodes and edges."""
    out = []
    provider = getattr(window, "_tooltip", None)
    if provider is None:
        return out
    s = window.session
    cols = range(-1, s.columns)
    for c in cols:
        for layer in ("x", "s", "y"):
            text = provider("node", layer, c, 0)
            out += [f"tooltip node {layer} {c}: {w}" for w in english_words(text, True)]
        for matrix in ("V", "U", "W"):
            text = provider("edge", matrix, c, 0, 0)
            out += [f"tooltip edge {matrix} {c}: {w}" for w in english_words(text, True)]
    return sorted(set(out))


def _dialogs(window) -> list[str]:
    out = []
    opened = []
    for name in ("show_how_to_read",):
        fn = getattr(window, name, None)
        if fn is not None:
            fn()
    for cls in dialog_classes():
        try:
            d = cls(window)
        except Exception:           # noqa: BLE001 (needs more than the window)
            continue
        opened.append(d)
    box = QtWidgets.QMessageBox(window)     # the About box, built as show_about builds it
    if hasattr(window, "about_text"):
        box.setText(window.about_text())
        opened.append(box)
    for top in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(top, QtWidgets.QDialog) and top.parentWidget() is window and top not in opened:
            opened.append(top)
    for d in opened:
        out += [f"dialog {type(d).__name__}: {line}" for line in english_in(d)]
        d.close()
        d.deleteLater()
    return out
