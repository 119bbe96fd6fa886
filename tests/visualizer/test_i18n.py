"""The window in Chinese as well as English: the catalogue is complete and current, follows the
glossary, leaves no English on the window, and switching language re-labels the open window."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

from visualizer.model import i18n_marks  # noqa: E402
from visualizer.qt import i18n, i18n_catalogue as catalogue, i18n_check  # noqa: E402
from visualizer.qt.i18n_walk import Catalogue, visible_texts  # noqa: E402

#: the checkout the tests run from (the catalogue's TS source lives here, not in the package)
ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary-zh.md"


@pytest.fixture
def english(qapp):
    """Every test starts and ends in English, whatever it switched to."""
    i18n.set_language(qapp, "en")
    yield qapp
    i18n.set_language(qapp, "en")


def translation(context, source):
    return QtCore.QCoreApplication.translate(context, source)


# -- the catalogue ------------------------------------------------------------------------

def test_lupdate_finds_every_string_translated_and_the_qm_is_current():
    faults = catalogue.check("zh_CN", ROOT)
    assert faults == [], "\n".join(faults[:40]) + "\n(fix: python -m visualizer.qt.i18n update, then translate)"


def test_every_translation_keeps_its_fields_markup_and_mnemonic():
    msgs = catalogue.read_ts(catalogue.ts_path("zh_CN", ROOT))
    assert msgs
    bad = [f"{m.context}: {m.source!r}: {p}" for m in msgs for p in catalogue.problems(m)]
    assert bad == []


def test_one_source_text_has_one_translation_in_every_context():
    """Live re-labelling finds a text by its words alone, so a text must not mean two things."""
    seen, clash = {}, []
    for m in catalogue.read_ts(catalogue.ts_path("zh_CN", ROOT)):
        if seen.setdefault(m.source, m.translation) != m.translation:
            clash.append(f"{m.source!r}: {seen[m.source]!r} vs {m.translation!r} ({m.context})")
    assert clash == []


def test_the_compiled_catalogue_reads_back_as_its_source():
    ts = {(m.context, m.source, m.translation) for m in catalogue.read_ts(catalogue.ts_path("zh_CN", ROOT))}
    qm = {(m.context, m.source, m.translation) for m in catalogue.read_qm(catalogue.qm_path("zh_CN", ROOT))}
    assert qm == ts


def glossary():
    """(English alternatives, Chinese alternatives) of every ✓ row, and the exceptions."""
    terms, exceptions = [], set()
    section = ""
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif section == "Terms" and line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) >= 3 and cells[2] == "✓":
                terms.append(([e.strip() for e in cells[0].split("/")],
                              [z.strip() for z in cells[1].split("/")]))
        elif section == "Exceptions" and line.startswith("- `"):
            exceptions.add(line.split("`")[1])
    return terms, exceptions


def test_the_glossary_reads_and_holds_the_core_terms():
    terms, _ = glossary()
    zh = {z for _, zs in terms for z in zs}
    for term in ("前向传播", "随时间反向传播", "展开", "误差项", "折叠", "学习率", "消失", "爆炸",
                 "隐藏层", "输出层", "代价", "损失", "副本", "截断"):
        assert term in zh


def test_the_catalogue_uses_the_glossary_term_wherever_the_english_term_appears():
    terms, exceptions = glossary()
    bad = []
    for m in catalogue.read_ts(catalogue.ts_path("zh_CN", ROOT)):
        if m.source in exceptions:
            continue
        words = re.sub(r"<[^>]*>|&(?=\w)|\{[^{}]*\}", "", m.source)    # markup, mnemonics, fields
        for english, chinese in terms:
            hit = any(re.search(rf"(?<![\w-]){re.escape(e)}(?![\w-])", words, re.I) for e in english)
            if hit and not any(z in m.translation for z in chinese):
                bad.append(f"{m.source[:70]!r}: {english[0]!r} should read {'/'.join(chinese)} "
                           f"in {m.translation[:70]!r}")
    assert bad == [], "\n".join(bad[:30])


# -- the model's marks --------------------------------------------------------------------

def test_the_marks_and_the_model_import_no_qt():
    code = ("import sys; import core.i18n_marks, visualizer.model.i18n_marks, visualizer.model.explain, visualizer.model.session; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
            "assert not bad, bad; "
            "from visualizer.model.i18n_marks import translate, QT_TRANSLATE_NOOP; "
            "assert translate('c', 'text {n}').format(n=2) == 'text 2'; "
            "assert QT_TRANSLATE_NOOP('c', 'x') == 'x'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_the_model_translates_through_the_language_set(english):
    msgs = [m for m in catalogue.read_ts(catalogue.ts_path("zh_CN", ROOT)) if "{" in m.source]
    assert msgs, "the catalogue holds templates with fields"
    m = msgs[0]
    assert i18n_marks.translate(m.context, m.source) == m.source
    i18n.set_language(english, "zh_CN")
    assert i18n_marks.translate(m.context, m.source) == m.translation
    i18n.set_language(english, "en")
    assert i18n_marks.translate(m.context, m.source) == m.source


def test_an_unknown_language_is_refused_naming_the_choices(english):
    with pytest.raises(ValueError, match="zh_CN"):
        i18n.set_language(english, "klingon")
    assert i18n.current_language() == "en"


def test_the_system_locale_chooses_the_language():
    C = QtCore.QLocale
    assert i18n.system_language(C(C.Language.Chinese, C.Country.China)) == "zh_CN"
    assert i18n.system_language(C(C.Language.Chinese, C.Country.Taiwan)) == "zh_CN"
    assert i18n.system_language(C(C.Language.English, C.Country.UnitedStates)) == "en"
    assert i18n.system_language(C(C.Language.German, C.Country.Germany)) == "en"


def test_the_saved_choice_wins_over_the_system_and_system_follows_the_locale(english):
    QtCore.QSettings().setValue(i18n.SETTINGS_KEY, "zh_CN")
    try:
        assert i18n.resolve(None) == "zh_CN"
        assert i18n.resolve("en") == "en"
        QtCore.QSettings().setValue(i18n.SETTINGS_KEY, "system")
        assert i18n.resolve(None) == i18n.system_language()
    finally:
        QtCore.QSettings().remove(i18n.SETTINGS_KEY)


def test_qt_own_catalogue_translates_standard_buttons(english):
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.NoIcon, "t", "x",
                                QtWidgets.QMessageBox.StandardButton.Cancel)
    before = box.button(QtWidgets.QMessageBox.StandardButton.Cancel).text()
    i18n.set_language(english, "zh_CN")
    box2 = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.NoIcon, "t", "x",
                                 QtWidgets.QMessageBox.StandardButton.Cancel)
    after = box2.button(QtWidgets.QMessageBox.StandardButton.Cancel).text()
    assert "Cancel" in before.replace("&", "")
    assert after != before and "取消" in after


# -- re-labelling in place ------------------------------------------------------------------

def test_a_template_is_matched_and_its_fields_carried_over():
    table = {("c", "update {n}"): "更新 {n}", ("c", "forward"): "前向传播",
             ("c", "phase: {name}"): "阶段：{name}"}
    cat = Catalogue([(c, s, t) for (c, s), t in table.items()], lambda c, s: table[(c, s)])
    assert cat.say("update 12") == "更新 12"
    assert cat.say("更新 7") == "更新 7"
    assert cat.say("phase: forward") == "阶段：前向传播"
    assert cat.say("forward") == "前向传播"
    assert cat.say("something else") is None
    assert cat.say("update of each copy") is None        # words the catalogue does not know


def test_relabel_changes_labels_actions_menus_and_combo_entries(english):
    table = {("t", "&File"): "文件(&F)", ("t", "Speed"): "速度", ("t", "signal x·w"): "信号 x·w"}
    back = {v: k[1] for k, v in table.items()}
    lang = {"now": "zh"}

    def say(c, s):
        return table[(c, s)] if lang["now"] == "zh" else s
    cat = Catalogue([(c, s, t) for (c, s), t in table.items()], say)
    win = QtWidgets.QMainWindow()
    menu = win.menuBar().addMenu("&File")
    label = QtWidgets.QLabel("Speed", win)
    combo = QtWidgets.QComboBox(win)
    combo.addItems(["signal x·w", "5"])
    from visualizer.qt.i18n_walk import relabel
    assert relabel(win, cat) == 3
    assert (menu.title(), label.text(), combo.itemText(0), combo.itemText(1)) == ("文件(&F)", "速度", "信号 x·w", "5")
    lang["now"] = "en"
    relabel(win, cat)
    assert (menu.title(), label.text(), combo.itemText(0)) == ("&File", "Speed", "signal x·w")
    assert set(back) == {"文件(&F)", "速度", "信号 x·w"}
    win.deleteLater()


# -- the real window --------------------------------------------------------------------------

@pytest.fixture
def window(english, qtbot):
    from visualizer.qt.main_window import MainWindow
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def _menu_titles(w):
    return [a.menu().title() for a in w.menuBar().actions() if a.menu() is not None]


def test_under_zh_CN_no_english_is_left_on_the_window(english, qtbot):
    from visualizer.qt.main_window import MainWindow
    i18n.set_language(english, "zh_CN")          # as at start-up: the language before the window
    w = MainWindow(restore=False)
    qtbot.addWidget(w)
    w.show()
    found = i18n_check.english_on_window("zh_CN", window=w)
    assert found == [], "\n".join(found[:60])


def test_the_panels_outside_the_window_speak_chinese_too(english, qtbot):
    """The issue-12 panels (who taught whom, vanishing factors, predictions, generate)."""
    from visualizer.model.config import default_config
    from visualizer.model.session import Session
    from visualizer.qt.panels.factors import VanishingFactorsPanel
    from visualizer.qt.panels.generate import GeneratePanel
    from visualizer.qt.panels.predictions import PredictionStrip
    from visualizer.qt.panels.who_taught import WhoTaughtPanel
    i18n.set_language(english, "zh_CN")
    s = Session(default_config())
    for _ in range(3):
        s.next_phase()
    left = []
    for cls in (VanishingFactorsPanel, GeneratePanel, PredictionStrip, WhoTaughtPanel):
        w = cls(s)
        qtbot.addWidget(w)
        w.show()
        w.flush()
        left += [f"{cls.__name__}: {line}" for line in i18n_check.english_in(w)]
        w.detach()
    assert left == [], "\n".join(left)


def test_the_english_window_is_walked_and_reads_english(window):
    """The walker sees the window's strings (else the Chinese test would pass on nothing)."""
    texts = [t.text for t in visible_texts(window)]
    assert len(texts) > 40
    assert any(i18n_check.english_words(t) for t in texts)


def test_switching_language_live_relabels_the_open_window(window):
    dock = window.param_dock
    en_menus, en_dock = _menu_titles(window), dock.windowTitle()
    assert "&File" in en_menus or any("File" in m for m in en_menus)
    i18n.set_language(None, "zh_CN")
    zh_menus, zh_dock = _menu_titles(window), dock.windowTitle()
    assert zh_menus[0] != en_menus[0] and re.search(r"[\u4e00-\u9fff]", zh_menus[0])
    assert zh_dock != en_dock and re.search(r"[\u4e00-\u9fff]", zh_dock)
    left = i18n_check.english_in(window)
    assert left == [], "\n".join(left[:40])
    i18n.set_language(None, "en")
    assert _menu_titles(window) == en_menus and dock.windowTitle() == en_dock


def test_preferences_language_menu_switches_live(window):
    menu = window.findChild(QtWidgets.QMenu, "languageMenu")
    assert menu is not None, "Preferences ▸ Language"
    act = window.findChild(QtCore.QObject, "actionLanguage_zh_CN")
    try:
        act.trigger()
        assert i18n.current_language() == "zh_CN"
        assert re.search(r"[\u4e00-\u9fff]", window.param_dock.windowTitle())
        assert QtCore.QSettings().value(i18n.SETTINGS_KEY) == "zh_CN"
        window.findChild(QtCore.QObject, "actionLanguage_en").trigger()
        assert i18n.current_language() == "en"
        assert menu.title() == "&Language"
    finally:
        QtCore.QSettings().remove(i18n.SETTINGS_KEY)


# -- the command line --------------------------------------------------------------------------

def test_rnn_unfold_and_export_accept_lang_and_refuse_others(capsys):
    from visualizer.cli import build_parser
    p = build_parser()
    assert p.parse_args(["--lang", "zh_CN"]).lang == "zh_CN"
    assert p.parse_args(["export", "--out", "x", "--lang", "en"]).lang == "en"
    assert p.parse_args(["export", "--out", "x"]).lang == "en"       # frames the same everywhere
    with pytest.raises(SystemExit) as e:
        p.parse_args(["--lang", "fr"])
    assert e.value.code == 2
    assert "zh_CN" in capsys.readouterr().err


def test_export_lang_zh_CN_draws_chinese_captions_and_leaves_the_language(english, tmp_path):
    from PIL import Image, ImageChops

    from visualizer.cli import main
    shots = {}
    for lang in ("en", "zh_CN"):
        out = tmp_path / lang
        assert main(["export", "--task", "hello", "--updates", "1", "--every", "update",
                     "--size", "480x300", "--out", str(out), "--lang", lang]) == 0
        shots[lang] = Image.open(sorted(out.glob("frame_*.png"))[-1]).convert("RGB")
        assert i18n.current_language() == "en"
    # same network, same numbers: only the words differ
    assert ImageChops.difference(shots["en"], shots["zh_CN"]).getbbox() is not None


def test_the_caption_and_status_line_speak_the_language(english):
    from visualizer.model.config import default_config
    from visualizer.model.session import Session
    s = Session(default_config())
    s.next_phase()
    en = s.caption()
    i18n.set_language(english, "zh_CN")
    zh = s.caption()
    assert en != zh and "更新" in zh and re.search(r"[\u4e00-\u9fff]", zh)
