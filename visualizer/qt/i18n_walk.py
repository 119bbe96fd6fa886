"""Every string a person reads in a window, found by walking its widgets, and re-labelled in place.

:func:`visible_texts` yields each text on a widget tree: window and dock
titles, menus, actions (text, tooltip, status tip), labels, buttons, group
boxes, combo-box entries, tabs, tree/table/list items and headers, spin-box
prefixes, pyqtgraph parameter titles and tips, plot axis labels and titles,
text drawn in graphics scenes, and read-only text browsers. The language test
reads them; :func:`relabel` changes each one it can into the language now
installed, and then calls ``retranslate()`` on every object in the tree that
has one (for text built from live numbers, which is simply built again).

Re-labelling looks a text up in the catalogue, by its English source or by
its translation in any language: an exact match is translated again with
``QCoreApplication.translate`` under its context; a text made from a
template with fields ("update {n}") is matched against the template, its
fields carried over (and translated themselves when they are catalogue
texts). A text the catalogue does not know (a number, a task's name) is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6 import QtCore, QtGui, QtWidgets

try:                                     # pyqtgraph is a dependency, but keep the walker usable alone
    import pyqtgraph as pg
    from pyqtgraph.parametertree import ParameterTree
except ImportError:                      # pragma: no cover
    pg = None
    ParameterTree = ()


@dataclass
class Text:
    """One string on screen.

    Attributes
    ----------
    where : str
        Which object and property, for messages ("QAction actionStep: text").
    text : str
        What it reads now.
    set : callable or None
        Changes it (None when its owner must rebuild it, e.g. a text browser).
    rich : bool
        Qt rich text (tags are markup, not words).
    key : str or None
        What to look up in the catalogue when it is not the whole text (a
        tooltip ending in its shortcut); ``set`` then takes the new key.
    """

    where: str
    text: str
    set: Callable[[str], None] | None = None
    rich: bool = False
    key: str | None = None
    owner: object = None

    @property
    def lookup(self) -> str:
        """The part of the text the catalogue knows (the text itself unless told)."""
        return self.text if self.key is None else self.key


def _name(obj) -> str:
    n = obj.objectName() if isinstance(obj, QtCore.QObject) else ""
    return f"{type(obj).__name__}{' ' + n if n else ''}"


def _default_tip(action: QtGui.QAction) -> str:
    """The tooltip Qt derives from an action's text when none was set."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "...")


def _inside(widget: QtWidgets.QWidget, kind) -> bool:
    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, kind):
            return True
        w = w.parentWidget()
    return False


def visible_texts(root: QtCore.QObject) -> Iterator[Text]:
    """Every string a person can read on ``root`` and its children (see the module's docstring)."""
    objs = [root] + root.findChildren(QtCore.QObject)
    seen_params = set()
    for obj in objs:
        for t in _texts_of(obj, seen_params):
            t.owner = obj
            yield t


def _texts_of(obj, seen_params: set) -> Iterator[Text]:
    if isinstance(obj, QtGui.QAction):
        yield from _action_texts(obj)
    elif isinstance(obj, QtWidgets.QWidget):
        if obj.isHidden() and not (obj.isWindow() or isinstance(obj, QtWidgets.QDockWidget)):
            return                       # hidden on purpose (an inactive editor, a spare label)
        yield from _widget_texts(obj)
        if ParameterTree and isinstance(obj, ParameterTree):
            yield from _parameter_texts(obj, seen_params)
        if isinstance(obj, QtWidgets.QGraphicsView) and obj.scene() is not None:
            yield from _scene_texts(obj)


def _action_texts(a: QtGui.QAction) -> Iterator[Text]:
    n = _name(a)
    if a.isSeparator() or a.menu() is not None:        # a menu's action follows its title
        return
    if isinstance(a.parent(), QtWidgets.QDockWidget) and a.text() == a.parent().windowTitle():
        return                                          # a dock's toggle action follows its title
    if a.text():
        yield Text(f"{n}: text", a.text(), a.setText)
    tip = a.toolTip()
    if tip and tip != _default_tip(a):
        yield _tip_with_shortcut(a, n, tip)
    if a.statusTip():
        yield Text(f"{n}: statusTip", a.statusTip(), a.setStatusTip)
    if a.whatsThis():
        yield Text(f"{n}: whatsThis", a.whatsThis(), a.setWhatsThis, True)


_KEY_SUFFIX = re.compile(r"^(?P<tip>.*\S) \((?P<key>[^ ()]+)\)$", re.S)


def _is_key_text(text: str, key: QtGui.QKeySequence) -> bool:
    """Whether ``text`` writes ``key``: in Qt's portable form, in the language now spoken, or
    (just after a switch) in the one spoken before, whose key names are not ASCII words."""
    F = QtGui.QKeySequence.SequenceFormat
    if text in (key.toString(F.PortableText), key.toString(F.NativeText)):
        return True
    return "." not in text and any(ord(ch) > 127 for ch in text)


def _tip_with_shortcut(a: QtGui.QAction, n: str, tip: str) -> Text:
    """An action's tooltip; one ending in its shortcut, "Play faster (])", is looked up
    without it and gets the shortcut back as the new language writes it (Qt translates
    key names: "Right" is "右方向" in Chinese)."""
    m = _KEY_SUFFIX.match(tip)
    if m is None or a.shortcut().isEmpty() or not _is_key_text(m.group("key"), a.shortcut()):
        return Text(f"{n}: toolTip", tip, a.setToolTip, QtGui.Qt.mightBeRichText(tip))
    base = m.group("tip")

    def set_tip(text: str, a=a) -> None:
        key = a.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
        a.setToolTip(f"{text} ({key})")
    return Text(f"{n}: toolTip", tip, set_tip, QtGui.Qt.mightBeRichText(tip), key=base)


def _widget_texts(w: QtWidgets.QWidget) -> Iterator[Text]:
    n = _name(w)
    W = QtWidgets
    if (w.isWindow() or isinstance(w, W.QDockWidget)) and w.windowTitle():
        yield Text(f"{n}: windowTitle", w.windowTitle(), w.setWindowTitle)
    in_params = bool(ParameterTree) and _inside(w, ParameterTree)
    tool_button_action = isinstance(w, W.QToolButton) and w.defaultAction() is not None
    if w.toolTip() and not tool_button_action:
        yield Text(f"{n}: toolTip", w.toolTip(), None if in_params else w.setToolTip,
                   QtGui.Qt.mightBeRichText(w.toolTip()))
    if w.statusTip() and not tool_button_action:
        yield Text(f"{n}: statusTip", w.statusTip(), w.setStatusTip)
    if w.whatsThis():
        yield Text(f"{n}: whatsThis", w.whatsThis(), w.setWhatsThis, True)
    if isinstance(w, W.QMenu) and w.title():
        yield Text(f"{n}: title", w.title(), w.setTitle)
    elif isinstance(w, W.QLabel) and w.text():
        rich = w.textFormat() == QtCore.Qt.TextFormat.RichText or (
            w.textFormat() == QtCore.Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(w.text()))
        yield Text(f"{n}: text", w.text(), w.setText, rich)
    elif isinstance(w, W.QAbstractButton) and w.text() and not tool_button_action:
        yield Text(f"{n}: text", w.text(), None if in_params else w.setText)
    elif isinstance(w, W.QGroupBox) and w.title():
        yield Text(f"{n}: title", w.title(), w.setTitle)
    elif isinstance(w, W.QLineEdit):
        if w.placeholderText():
            yield Text(f"{n}: placeholderText", w.placeholderText(), w.setPlaceholderText)
        if w.isReadOnly() and w.text() and not isinstance(w.parentWidget(), W.QAbstractSpinBox):
            yield Text(f"{n}: text", w.text(), w.setText)
    elif isinstance(w, W.QComboBox):
        for i in range(w.count()):
            setter = None if (in_params or w.isEditable()) else (lambda t, i=i, w=w: w.setItemText(i, t))
            yield Text(f"{n}: item {i}", w.itemText(i), setter)
            tip = w.itemData(i, QtCore.Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                yield Text(f"{n}: item {i} toolTip", tip,
                           None if in_params else (lambda t, i=i, w=w: w.setItemData(
                               i, t, QtCore.Qt.ItemDataRole.ToolTipRole)))
    elif isinstance(w, W.QAbstractSpinBox) and isinstance(w, (W.QSpinBox, W.QDoubleSpinBox)):
        for prop in ("prefix", "suffix", "specialValueText"):
            text = getattr(w, prop)()
            if text.strip():
                setter = getattr(w, "set" + prop[0].upper() + prop[1:])
                yield Text(f"{n}: {prop}", text, None if in_params else setter)
    elif isinstance(w, W.QTabWidget):
        for i in range(w.count()):
            yield Text(f"{n}: tab {i}", w.tabText(i), lambda t, i=i, w=w: w.setTabText(i, t))
            if w.tabToolTip(i):
                yield Text(f"{n}: tab {i} toolTip", w.tabToolTip(i),
                           lambda t, i=i, w=w: w.setTabToolTip(i, t))
    elif isinstance(w, W.QToolBox):
        for i in range(w.count()):
            yield Text(f"{n}: page {i}", w.itemText(i), lambda t, i=i, w=w: w.setItemText(i, t))
    elif isinstance(w, W.QTextEdit) and w.isReadOnly():
        text = w.toPlainText()
        if text.strip():
            yield Text(f"{n}: document", text, None)
    elif isinstance(w, W.QTreeWidget):
        is_params = bool(ParameterTree) and isinstance(w, ParameterTree)
        # a parameter tree's titles are its parameters' (walked as such); its tips are its own
        yield from _tree_texts(w, n, editable=not in_params and not is_params, titles=not is_params)
    elif isinstance(w, W.QTableWidget):
        yield from _table_texts(w, n)
    elif isinstance(w, W.QListWidget):
        for i in range(w.count()):
            it = w.item(i)
            yield Text(f"{n}: item {i}", it.text(), it.setText)
            if it.toolTip():
                yield Text(f"{n}: item {i} toolTip", it.toolTip(), it.setToolTip)
    elif isinstance(w, W.QAbstractItemView) and _inside(w, W.QComboBox):
        return                                          # a combo box's list: walked as its items
    elif isinstance(w, W.QAbstractItemView) and isinstance(w.model(), QtGui.QStandardItemModel):
        yield from _model_texts(w.model(), n)
    if isinstance(w, (W.QTableView, W.QTreeView)) and not isinstance(w, (W.QTreeWidget, W.QTableWidget)):
        model = w.model()
        if model is not None:
            top = QtCore.QModelIndex()
            for orient, label in ((QtCore.Qt.Orientation.Horizontal, "column"),
                                  (QtCore.Qt.Orientation.Vertical, "row")):
                try:
                    count = model.columnCount(top) if label == "column" else model.rowCount(top)
                except TypeError:                       # a list model: no columns to name
                    continue
                for i in range(min(count, 64)):
                    h = model.headerData(i, orient, QtCore.Qt.ItemDataRole.DisplayRole)
                    if isinstance(h, str) and h and not h.isdigit():
                        yield Text(f"{n}: {label} header {i}", h,
                                   lambda t, i=i, o=orient, m=model: m.setHeaderData(i, o, t))


def _tree_texts(w, n, editable: bool, titles: bool = True) -> Iterator[Text]:
    head = w.headerItem()
    if head is not None and not w.isHeaderHidden() and titles:
        for c in range(w.columnCount()):
            if head.text(c) and not head.text(c).isdigit():
                yield Text(f"{n}: header {c}", head.text(c),
                           (lambda t, c=c, h=head: h.setText(c, t)) if editable else None)
    it = QtWidgets.QTreeWidgetItemIterator(w)
    while it.value():
        item = it.value()
        for c in range(w.columnCount()):
            if item.text(c) and titles:
                yield Text(f"{n}: item {item.text(0)!r} col {c}", item.text(c),
                           (lambda t, c=c, i=item: i.setText(c, t)) if editable else None)
            if item.toolTip(c):
                yield Text(f"{n}: item {item.text(0)!r} toolTip {c}", item.toolTip(c),
                           (lambda t, c=c, i=item: i.setToolTip(c, t)) if editable else None,
                           QtGui.Qt.mightBeRichText(item.toolTip(c)))
        it += 1


def _table_texts(w, n) -> Iterator[Text]:
    for c in range(w.columnCount()):
        h = w.horizontalHeaderItem(c)
        if h is not None and h.text():
            yield Text(f"{n}: column header {c}", h.text(), h.setText)
    for r in range(w.rowCount()):
        h = w.verticalHeaderItem(r)
        if h is not None and h.text():
            yield Text(f"{n}: row header {r}", h.text(), h.setText)
        for c in range(w.columnCount()):
            it = w.item(r, c)
            if it is not None and it.text():
                yield Text(f"{n}: cell {r},{c}", it.text(), it.setText)
            if it is not None and it.toolTip():
                yield Text(f"{n}: cell {r},{c} toolTip", it.toolTip(), it.setToolTip)


def _model_texts(model: QtGui.QStandardItemModel, n) -> Iterator[Text]:
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            it = model.item(r, c)
            if it is not None and it.text():
                yield Text(f"{n}: cell {r},{c}", it.text(), it.setText)
            if it is not None and it.toolTip():
                yield Text(f"{n}: cell {r},{c} toolTip", it.toolTip(), it.setToolTip)


def _parameter_texts(tree, seen: set) -> Iterator[Text]:
    """Titles, tips and named choices of a pyqtgraph ParameterTree's parameters."""
    top = tree.invisibleRootItem()
    params = []
    for i in range(top.childCount()):
        p = getattr(top.child(i), "param", None)
        if p is not None:
            params.append(p)
    while params:
        p = params.pop()
        if id(p) in seen:
            continue
        seen.add(id(p))
        params.extend(p.children())
        n = f"Parameter {p.name()}"
        title = p.opts.get("title")
        if title:
            yield Text(f"{n}: title", title, lambda t, p=p: p.setOpts(title=t))
        tip = p.opts.get("tip")
        if tip:
            yield Text(f"{n}: tip", tip, lambda t, p=p: p.setOpts(tip=t))
        limits = p.opts.get("limits")
        if p.type() == "list" and isinstance(limits, dict):
            for key in list(limits):
                yield Text(f"{n}: choice", str(key), lambda t, p=p, k=key: _rename_choice(p, k, t))


def _rename_choice(p, old: str, new: str) -> None:
    """Rename one named choice of a list parameter, keeping the order and the value chosen."""
    if old == new:
        return
    limits = {(new if k == old else k): v for k, v in p.opts["limits"].items()}
    value = p.value()
    p.setLimits(limits)
    p.setValue(value)


def _scene_texts(view: QtWidgets.QGraphicsView) -> Iterator[Text]:
    """Labels drawn in a graphics scene: pyqtgraph's axis labels, titles, legends, text items."""
    n = _name(view)
    for item in view.scene().items():
        if pg is not None and isinstance(item, pg.AxisItem):
            if item.labelText:
                yield Text(f"{n}: axis {item.orientation} label", item.labelText,
                           lambda t, a=item: a.setLabel(text=t, units=a.labelUnits or None))
        elif pg is not None and isinstance(item, pg.LabelItem):
            if item.text:
                yield Text(f"{n}: label", item.text, item.setText, True)
        elif pg is not None and isinstance(item, pg.TextItem):
            text = item.textItem.toPlainText()
            if text:
                yield Text(f"{n}: text item", text, item.setText)
        elif isinstance(item, QtWidgets.QGraphicsSimpleTextItem):
            if item.text():
                yield Text(f"{n}: scene text", item.text(), item.setText)
        elif isinstance(item, QtWidgets.QGraphicsTextItem):
            parent = item.parentItem()
            if pg is not None and isinstance(parent, (pg.TextItem, pg.LabelItem)):
                continue
            if item.toPlainText():
                yield Text(f"{n}: scene text", item.toPlainText(), item.setPlainText)


# -- re-labelling ------------------------------------------------------------------------

_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:![rs])?(?::[^{}]*)?\}|%(\d)")
#: a field's value with a word like this must itself be a catalogue text to be carried over
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


class Catalogue:
    """Looks a text up by its English source or any translation, and says it in the language now installed.

    Parameters
    ----------
    messages : iterable of (context, source, translation)
        Every catalogue's entries (the English sources are their own key).
    translate : callable
        ``translate(context, source) -> str`` in the language now installed.
    """

    def __init__(self, messages, translate):
        self._translate = translate
        self._exact: dict[str, tuple[str, str]] = {}
        #: every (context, source) a text may come from, when there are several ("参数" is
        #: both "Parameters" and "parameter"): the owner's context decides
        self._all: dict[str, list[tuple[str, str]]] = {}
        templates = {}
        for context, source, translation in messages:
            for text in (source, translation):
                if text:
                    self._exact.setdefault(text, (context, source))
                    if (context, source) not in self._all.setdefault(text, []):
                        self._all[text].append((context, source))
                    if _FIELD.search(text) and re.search(r"\w", _FIELD.sub("", text)):
                        templates.setdefault(text, (context, source))
        # longest literal first: the most specific template wins
        self._templates = [(self._ends(t), self._pattern(t), ctx, src) for t, (ctx, src) in
                           sorted(templates.items(), key=lambda kv: -len(_FIELD.sub("", kv[0])))]

    @staticmethod
    def _ends(text: str) -> tuple[str, str]:
        """The literal text before the first field and after the last: a cheap first test."""
        spans = [m.span() for m in _FIELD.finditer(text)]
        return text[:spans[0][0]], text[spans[-1][1]:]

    @staticmethod
    def _pattern(text: str) -> re.Pattern:
        out, pos, names = [], 0, set()
        for m in _FIELD.finditer(text):
            out.append(re.escape(text[pos:m.start()]))
            name = m.group(1) or f"_{m.group(2)}"
            out.append(f"(?P={name})" if name in names else f"(?P<{name}>.+?)")
            names.add(name)
            pos = m.end()
        out.append(re.escape(text[pos:]))
        return re.compile("".join(out), re.S)

    def say(self, text: str, depth: int = 0, contexts: frozenset = frozenset()) -> str | None:
        """``text`` in the installed language, or None when the catalogue does not know it.

        ``contexts``: the class names of the text's owner and its parents; when the text
        could come from several sources, the one filed under one of them wins.
        """
        hit = self._exact.get(text)
        if hit is not None:
            sources = {src for _, src in self._all[text]}
            if len(sources) > 1:
                hit = next((c for c in self._all[text] if c[0] in contexts), hit)
            return self._translate(*hit)
        if depth > 2:
            return None
        for (head, tail), pattern, ctx, src in self._templates:
            if not (text.startswith(head) and text.endswith(tail)):
                continue
            m = pattern.fullmatch(text)
            if m is None:
                continue
            values = {}
            for k, v in m.groupdict().items():
                said = self.say(v, depth + 1)
                if said is None and _LATIN_WORD.search(v):
                    break                # a field holding words the catalogue does not know:
                values[k] = v if said is None else said     # not this template ("cost {v}")
            if len(values) != len(m.groupdict()):
                continue
            target = self._translate(ctx, src)

            def fill(f, values=values):
                return values.get(f.group(1) or f"_{f.group(2)}", f.group(0))
            return _FIELD.sub(fill, target)
        return None


def _contexts(obj) -> frozenset:
    """Class names (with their bases) of ``obj`` and of every QObject parent: the contexts
    its texts were most likely translated under."""
    names = set()
    while obj is not None:
        names.update(k.__name__ for k in type(obj).__mro__)
        obj = obj.parent() if isinstance(obj, QtCore.QObject) else None
    return frozenset(names)


def relabel(root: QtCore.QObject, catalogue: Catalogue) -> int:
    """Say every known text on ``root`` in the installed language, then call ``retranslate()`` hooks.

    Returns
    -------
    int
        How many texts changed.
    """
    changed = 0
    for t in list(visible_texts(root)):
        if t.set is None:
            continue
        new = catalogue.say(t.lookup, contexts=_contexts(t.owner))
        if new is not None and new != t.lookup:
            t.set(new)
            changed += 1
    for obj in [root] + root.findChildren(QtCore.QObject):
        hook = getattr(type(obj), "retranslate", None)
        if callable(hook):
            obj.retranslate()
    return changed
