"""The window's language: Qt translators for our catalogue and Qt's own, switched live.

``set_language(app, "zh_CN" | "en" | "system")`` removes the translators it
installed before, installs ``assets/i18n/rnn-unfold_zh_CN.qm`` and Qt's
``qtbase_zh_CN.qm`` (so standard dialogs and message-box buttons match), points
the Qt-free model's :func:`~visualizer.model.i18n_marks.translate` at
``QCoreApplication.translate`` and re-labels every open window in place
(:mod:`visualizer.qt.i18n_walk`): menus, docks, actions, tooltips and panels
change without a restart, and objects that build text from live numbers get
their ``retranslate()`` called. The language chosen in Preferences ▸ Language is
remembered in QSettings; "system" follows the system locale.

The catalogue is maintained with ``python -m visualizer.qt.i18n update|check|
untranslated|lint|walk`` (see :mod:`visualizer.qt.i18n_catalogue`).
"""
from __future__ import annotations

import sys

from PySide6 import QtCore, QtGui, QtWidgets

from visualizer.model import i18n_marks
from visualizer.model.config import LANGUAGE_CHOICES, LANGUAGES
from visualizer.qt import i18n_catalogue as catalogue
from visualizer.qt.i18n_walk import Catalogue, relabel

#: what the user may ask for: a language of :data:`LANGUAGES`, or the system's
CHOICES = LANGUAGE_CHOICES
#: the QSettings key of the chosen language
SETTINGS_KEY = "i18n/language"

_installed: list[QtCore.QTranslator] = []
_current = "en"
_catalogue: Catalogue | None = None


def system_language(locale: QtCore.QLocale | None = None) -> str:
    """The language of :data:`LANGUAGES` that suits ``locale`` (the system's by default)."""
    loc = locale or QtCore.QLocale.system()
    if loc.language() == QtCore.QLocale.Language.Chinese:
        return "zh_CN"
    return "en"


def check_language(lang: str) -> str:
    """``lang`` if it is one of :data:`CHOICES`, else a ValueError naming the choices."""
    if lang not in CHOICES:
        raise ValueError(f"language {lang!r} is not available; choose one of {', '.join(CHOICES)}")
    return lang


def resolve(lang: str | None = None) -> str:
    """The language to use: ``lang`` if given, else the one saved in QSettings, else the system's."""
    if lang in (None, ""):
        saved = QtCore.QSettings().value(SETTINGS_KEY)
        lang = saved if saved in CHOICES else "system"
    check_language(lang)
    return system_language() if lang == "system" else lang


def current_language() -> str:
    """The language the translators installed by :func:`set_language` speak ("en" at first)."""
    return _current


def _qt_translations_dir() -> str:
    return QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)


def _load(app: QtCore.QCoreApplication, lang: str) -> list[QtCore.QTranslator]:
    """Install the translators of ``lang``: Qt's own first, ours last (the last installed is asked first)."""
    out = []
    for name, folder in (("qtbase", _qt_translations_dir()), (catalogue.CATALOGUE, str(catalogue.i18n_dir()))):
        tr = QtCore.QTranslator(app)
        if tr.load(f"{name}_{lang}", folder):
            app.installTranslator(tr)
            out.append(tr)
        elif name == catalogue.CATALOGUE:
            raise FileNotFoundError(f"the {lang} catalogue is missing: {catalogue.qm_path(lang)}")
    return out


def _translate(context: str, text: str, disambiguation: str | None = None) -> str:
    return QtCore.QCoreApplication.translate(context, text, disambiguation)


def known_texts() -> Catalogue:
    """Every catalogue text (English and translated), for re-labelling a window in place."""
    global _catalogue
    if _catalogue is None:
        msgs = []
        for lang in catalogue.TRANSLATED:
            path = catalogue.qm_path(lang)
            if path.exists():
                msgs.extend((m.context, m.source, m.translation) for m in catalogue.read_qm(path))
        _catalogue = Catalogue(msgs, _translate)
    return _catalogue


def set_language(app: QtCore.QCoreApplication | None, lang: str | None = None,
                 remember: bool = False) -> str:
    """Speak ``lang`` from now on, re-labelling the open windows.

    Parameters
    ----------
    app : QCoreApplication, optional
        Defaults to the running instance.
    lang : str, optional
        "zh_CN", "en" or "system"; None: the saved choice, else the system's.
    remember : bool
        Save ``lang`` in QSettings (Preferences ▸ Language does).

    Returns
    -------
    str
        The language now spoken ("zh_CN" or "en").
    """
    global _installed, _current
    app = app or QtCore.QCoreApplication.instance()
    wanted = check_language(lang) if lang else None
    code = resolve(wanted)
    if remember and wanted:
        QtCore.QSettings().setValue(SETTINGS_KEY, wanted)
    if app is None:
        raise RuntimeError("set_language needs a QCoreApplication")
    for tr in _installed:
        app.removeTranslator(tr)
        tr.deleteLater()
    _installed = _load(app, code) if code != "en" else []
    _current = code
    i18n_marks.set_translator(_translate if _installed else None)
    if isinstance(app, QtWidgets.QApplication):
        texts = known_texts()
        for w in app.topLevelWidgets():
            # children windows are walked with their parent; a closed window (perhaps being
            # deleted) is left alone
            if w.parentWidget() is None and w.isVisible():
                relabel(w, texts)
    return code


# -- Preferences ▸ Language -------------------------------------------------------------

def language_menu(parent: QtWidgets.QWidget) -> QtWidgets.QMenu:
    """The Language menu (for Preferences): "System default" and each language by its own name.

    The entry checked is the saved choice; choosing one switches live and is remembered.
    """
    menu = QtWidgets.QMenu(QtCore.QCoreApplication.translate("i18n", "&Language"), parent)
    menu.setObjectName("languageMenu")
    group = QtGui.QActionGroup(menu)
    saved = QtCore.QSettings().value(SETTINGS_KEY)
    for code in CHOICES:
        # each language by its own name, so a reader finds theirs whatever is spoken now
        text = (QtCore.QCoreApplication.translate("i18n", "System default") if code == "system"
                else LANGUAGES[code])
        act = menu.addAction(text)
        act.setObjectName(f"actionLanguage_{code}")
        act.setCheckable(True)
        act.setChecked(code == (saved if saved in CHOICES else "system"))
        act.setData(code)
        group.addAction(act)
        act.triggered.connect(lambda _=False, c=code: set_language(None, c, remember=True))
    return menu


def main(argv=None) -> int:
    """``python -m visualizer.qt.i18n update|check|untranslated|lint|walk``; returns the exit status."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m visualizer.qt.i18n",
                                     description="Maintain rnn-unfold's translation catalogue.")
    parser.add_argument("command", choices=("update", "check", "untranslated", "lint", "walk"))
    parser.add_argument("--lang", default="zh_CN", choices=catalogue.TRANSLATED)
    args = parser.parse_args(argv)
    if args.command == "update":
        print(catalogue.update(args.lang), end="")
        return 0
    if args.command == "check":
        faults = catalogue.check(args.lang)
        for f in faults:
            print(f, file=sys.stderr)
        print(f"i18n: {args.lang} catalogue " + ("complete and current" if not faults
                                                 else f"has {len(faults)} fault(s)"),
              file=sys.stderr if faults else sys.stdout)
        return 1 if faults else 0
    if args.command == "untranslated":
        faults = catalogue.check(args.lang)
        for f in faults:
            print(f)
        return 1 if faults else 0
    if args.command == "lint":
        found = catalogue.lint()
        print("\n".join(found) if found else "no literal text handed to Qt without tr()")
        return 1 if found else 0
    from visualizer.qt import i18n_check
    found = i18n_check.english_on_window(args.lang)
    print("\n".join(found) if found else f"no English left on the window in {args.lang}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
