"""The translation catalogue: where it lives, how lupdate/lrelease rebuild it, and the checks CI runs.

The source of every translation is ``assets/i18n/rnn-unfold_<lang>.ts`` (Qt's
TS XML, kept in the repository, written by ``pyside6-lupdate`` over the Python
sources of ``core/`` and ``visualizer/``); the window loads the compiled
``assets/i18n/rnn-unfold_<lang>.qm`` that ``pyside6-lrelease`` makes from it,
shipped in the package. Commands (run from a checkout)::

    python -m visualizer.qt.i18n update      # lupdate the .ts, refill moved strings, lrelease the .qm
    python -m visualizer.qt.i18n check       # CI: every string translated, the .ts and .qm current
    python -m visualizer.qt.i18n untranslated  # list the strings without a translation
    python -m visualizer.qt.i18n lint        # list string literals handed to Qt without tr()
    python -m visualizer.qt.i18n walk        # open the window in Chinese, list English left on it

Locations are not stored (``-locations none``), so editing code around a
string does not change the catalogue; only a new, changed or removed string does.
"""
from __future__ import annotations

import ast
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from visualizer.model.resources import assets_dir

#: the catalogue's base name: rnn-unfold_<lang>.ts / .qm
CATALOGUE = "rnn-unfold"
#: the languages that have a catalogue (English is the source language)
TRANSLATED = ("zh_CN",)
#: the repository root (a checkout: core/ and visualizer/ side by side)
ROOT = Path(__file__).resolve().parents[2]
#: the folders lupdate reads
SOURCES = ("core", "visualizer")

_FIELD = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rs])?(?::[^{}]*)?\}|%n|%L?\d")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[^>]*>")


@dataclass(frozen=True)
class Message:
    """One entry of a catalogue.

    Attributes
    ----------
    context, source, translation : str
        ``translation`` is "" when there is none.
    finished : bool
        False for entries lupdate marked unfinished (new, or changed in the source).
    comment : str
        The disambiguation, if any.
    """

    context: str
    source: str
    translation: str
    finished: bool = True
    comment: str = ""


def i18n_dir(root: Path | None = None) -> Path:
    """The folder holding the catalogues: ``root/assets/i18n`` of a checkout, else the one
    installed with the package (which ships the .qm files only)."""
    if root is not None:
        return Path(root) / "assets" / "i18n"
    return assets_dir() / "i18n"


def ts_path(lang: str, root: Path | None = None) -> Path:
    """The TS source of ``lang`` (in a checkout's ``assets/i18n``)."""
    return i18n_dir(root) / f"{CATALOGUE}_{lang}.ts"


def qm_path(lang: str, root: Path | None = None) -> Path:
    """The compiled catalogue of ``lang`` (the window loads the installed one)."""
    return i18n_dir(root) / f"{CATALOGUE}_{lang}.qm"


# -- reading catalogues ---------------------------------------------------------------

def read_ts(path: Path, include_vanished: bool = False) -> list[Message]:
    """The messages of a TS file (vanished/obsolete ones only with ``include_vanished``)."""
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if kind in ("vanished", "obsolete") and not include_vanished:
                continue
            forms = tr.findall("numerusform") if tr is not None else []
            text = (forms[0].text or "") if forms else ((tr.text or "") if tr is not None else "")
            out.append(Message(name, m.findtext("source") or "", text,
                               finished=kind == "" and bool(text), comment=m.findtext("comment") or ""))
    return out


def read_qm(path: Path) -> list[Message]:
    """The messages of a compiled ``.qm`` file (lrelease keeps context and source text).

    Only the parts this program writes are read: the Messages block's records
    (translation, source text, context, comment); numerus forms give the first.
    """
    data = Path(path).read_bytes()
    if len(data) < 16:
        return []
    pos, messages = 16, b""
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1:pos + 5])[0]
        if tag == 0x69:
            messages = data[pos + 5:pos + 5 + length]
        pos += 5 + length
    out, rec, i = [], {}, 0
    while i < len(messages):
        tag = messages[i]
        i += 1
        if tag == 1:                                     # end of one message
            if "source" in rec:
                out.append(Message(rec.get("context", ""), rec["source"], rec.get("translation", ""),
                                   comment=rec.get("comment", "")))
            rec = {}
            continue
        if tag in (5,):                                  # Obsolete1: a 4-byte field
            i += 4
            continue
        (n,) = struct.unpack(">I", messages[i:i + 4])
        i += 4
        if n == 0xFFFFFFFF:
            continue
        blob = messages[i:i + n]
        i += n
        if tag == 3:
            rec.setdefault("translation", blob.decode("utf-16-be"))
        elif tag == 6:
            rec["source"] = blob.decode("utf-8")
        elif tag == 7:
            rec["context"] = blob.decode("utf-8")
        elif tag == 8:
            rec["comment"] = blob.decode("utf-8")
    return out


# -- checks on one message --------------------------------------------------------------

def fields(text: str) -> list[str]:
    """The format fields of a text ({name}, %1, %n), sorted: a translation must keep them all."""
    return sorted(_FIELD.findall(text))


def tags(text: str) -> list[str]:
    """The rich-text tag names of a text, sorted: a translation keeps the markup."""
    return sorted(t.lower() for t in _TAG.findall(text))


def problems(msg: Message) -> list[str]:
    """What is wrong with one translated message (empty when it is fine)."""
    out = []
    if not msg.finished or not msg.translation:
        return ["no translation"]
    if fields(msg.source) != fields(msg.translation):
        out.append(f"fields differ: {fields(msg.source)} vs {fields(msg.translation)}")
    if tags(msg.source) != tags(msg.translation):
        out.append("rich-text tags differ")
    if _mnemonic(msg.source) != _mnemonic(msg.translation):
        out.append("mnemonic (&) kept on one side only")
    return out


def _mnemonic(text: str) -> bool:
    """Whether ``text`` marks a mnemonic: an "&" before a character (not "&&", an entity or " & ")."""
    return re.search(r"&[^\s&]", re.sub(r"&(?:[a-zA-Z]+|#\d+);|&&", "", text)) is not None


# -- running the tools --------------------------------------------------------------------

def _tool(name: str) -> str:
    """Path of pyside6-lupdate / pyside6-lrelease (beside this Python first)."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise FileNotFoundError(f"pyside6-{name} not found (it comes with PySide6-Essentials)")


def source_files(root: Path = ROOT) -> list[Path]:
    """The Python files lupdate reads, sorted (tests and the marks' own definitions left out)."""
    files = []
    for folder in SOURCES:
        files.extend(p for p in sorted((root / folder).rglob("*.py")) if p.name != "i18n_marks.py")
    return files


def run_lupdate(ts: Path, root: Path = ROOT, obsolete: bool = False) -> str:
    """Extract the marked strings of the sources into ``ts`` (merging what it holds); lupdate's report."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(p) for p in source_files(root)))
    args = [_tool("lupdate"), f"@{lst.name}", "-locations", "none", "-target-language",
            ts.stem.split("_", 1)[1], "-ts", str(ts)]
    if not obsolete:
        args.insert(1, "-no-obsolete")
    try:
        done = subprocess.run(args, capture_output=True, text=True, check=True)
    finally:
        Path(lst.name).unlink(missing_ok=True)
    return done.stdout + done.stderr


def run_lrelease(ts: Path, qm: Path) -> str:
    """Compile ``ts`` into ``qm``; lrelease's report."""
    done = subprocess.run([_tool("lrelease"), str(ts), "-qm", str(qm)], capture_output=True,
                          text=True, check=True)
    return done.stdout + done.stderr


def tidy(ts: Path) -> None:
    """Drop lupdate's extracted comments: it takes any ``#:`` line above a call for one, and
    this project writes those above constants, so they would only make the catalogue churn."""
    tree = ET.parse(ts)
    for m in tree.getroot().iter("message"):
        for c in m.findall("extracomment"):
            m.remove(c)
    _write_ts(tree, ts)


def refill(ts: Path, memory: dict[str, str]) -> int:
    """Give unfinished entries whose source text ``memory`` knows that translation; returns how many.

    A string that moved to another context (a class renamed, code moved to
    another module) comes back from lupdate unfinished; its text and meaning
    are unchanged, so the translation it had is kept.
    """
    tree = ET.parse(ts)
    n = 0
    for m in tree.getroot().iter("message"):
        tr = m.find("translation")
        if tr is None or tr.get("type") != "unfinished" or m.get("numerus") == "yes":
            continue
        text = memory.get(m.findtext("source") or "")
        if text:
            tr.text = text
            del tr.attrib["type"]
            n += 1
    if n:
        _write_ts(tree, ts)
    return n


def _write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def memory_of(ts: Path) -> dict[str, str]:
    """source text -> translation of every finished entry (vanished ones too)."""
    if not ts.exists():
        return {}
    return {m.source: m.translation for m in read_ts(ts, include_vanished=True)
            if m.translation and m.finished}


def update(lang: str = "zh_CN", root: Path = ROOT) -> str:
    """Regenerate ``lang``'s TS from the sources, refill moved strings, compile the QM; a report."""
    ts, qm = ts_path(lang, root), qm_path(lang, root)
    memory = memory_of(ts)
    report = run_lupdate(ts, root)
    n = refill(ts, memory)
    tidy(ts)
    report += run_lrelease(ts, qm)
    missing = [m for m in read_ts(ts) if not m.finished]
    report += f"refilled {n} moved string(s); {len(missing)} without a translation\n"
    return report


def check(lang: str = "zh_CN", root: Path = ROOT) -> list[str]:
    """What keeps ``lang``'s catalogue from being complete and current (empty when all is well).

    lupdate runs into a temporary copy of the TS: every string of the sources
    must be there with a translation that keeps its fields, markup and
    mnemonic, the copy must hold nothing the repository's TS lacks, and the
    shipped QM must be exactly what lrelease makes from the TS.
    """
    ts, qm = ts_path(lang, root), qm_path(lang, root)
    if not ts.exists():
        return [f"{ts} is missing: run python -m visualizer.qt.i18n update"]
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts.name
        shutil.copy(ts, copy)
        run_lupdate(copy, root)
        refill(copy, memory_of(ts))
        now = {(m.context, m.source, m.comment) for m in read_ts(copy)}
        kept = {(m.context, m.source, m.comment) for m in read_ts(ts)}
        for m in read_ts(copy):
            if not m.context:
                out.append(f"{m.source!r}: no context: a bare tr() alias (write self.tr(...) or "
                           "QCoreApplication.translate('Context', ...))")
            for p in problems(m):
                out.append(f"{m.context}: {m.source!r}: {p}")
        for key in sorted(now - kept):
            out.append(f"{key[0]}: {key[1]!r}: not in {ts.name} yet")
        for key in sorted(kept - now):
            out.append(f"{key[0]}: {key[1]!r}: no longer in the sources (run update)")
        fresh = Path(tmp) / qm.name
        run_lrelease(ts, fresh)
        if not qm.exists():
            out.append(f"{qm.name} is missing: run python -m visualizer.qt.i18n update")
        elif fresh.read_bytes() != qm.read_bytes():
            out.append(f"{qm.name} is not what lrelease makes from {ts.name}: run update")
    return out


# -- literals handed to Qt without tr() ------------------------------------------------------

#: calls whose string argument a person reads
VISIBLE_CALLS = {
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setTitle",
    "setPlaceholderText", "setPrefix", "setSuffix", "setSpecialValueText", "addMenu", "addAction",
    "addItem", "addItems", "addTab", "setTabText", "setTabToolTip", "setItemText", "setHtml",
    "setPlainText", "showMessage", "setLabel", "setLabelText", "QLabel", "QPushButton",
    "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QDockWidget", "QToolBar", "QMenu",
    "information", "warning", "critical", "question", "about", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory", "setHeaderLabels", "setHorizontalHeaderLabels",
}
_WORD = re.compile(r"[A-Za-z]{3,}")


def lint(root: Path = ROOT) -> list[str]:
    """String literals (and f-strings) passed straight to a Qt call that shows them, as file:line.

    A heuristic for finding text added without ``self.tr``/``translate``: it
    looks only at literal arguments of the calls in :data:`VISIBLE_CALLS`
    inside ``visualizer/qt``.
    """
    out = []
    for path in sorted((root / "visualizer" / "qt").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name not in VISIBLE_CALLS:
                continue
            for arg in list(node.args) + [k.value for k in node.keywords if k.arg in ("text", "title")]:
                text = _literal(arg)
                if text in ("left", "right", "top", "bottom"):      # pyqtgraph's axis names
                    continue
                if text and _WORD.search(re.sub(r"<[^>]*>", "", text)):
                    rel = path.relative_to(root)
                    out.append(f"{rel}:{node.lineno}: {name}({text[:60]!r})")
    return out


def _literal(node) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return ""
