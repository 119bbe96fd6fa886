"""The user's own data as a :class:`core.tasks.Task`: a text file or a CSV of numeric sequences.

Pure Python and numpy (no Qt). Every problem with a file, whatever it is
(empty, binary, ragged, non-numeric, enormous, not enough data), raises a
:class:`DataError` whose message is one line for a dialog or a terminal; the
caller's state is never touched because nothing is built until the whole file
has been read and checked.

Text: a character-level task in the manner of min-char-rnn. The vocabulary
comes from the file (one-hot coded), the target at each step is the next
character. Caps keep the network drawable and fast: the first
:data:`TEXT_MAX_CHARS` characters are used, and when there are more than
:data:`TEXT_MAX_VOCAB` distinct characters the rarest ones share one "other"
symbol (``¤``). Each cap that was applied is stated in ``task.params["notes"]``
(and in the task's description).

CSV: numeric columns, some of them inputs x(t), some targets d(t) of the same
row (put the next value in its own column for a prediction task). Sequences
are separated by blank lines (the default), by a sequence-id column (rows with
the same id form one sequence, in the order of the file), or cut at a fixed
length. Sequences of different lengths are padded; the padding carries no
target (``mask`` is False there).

Recommended settings: softmax + cross-entropy for text, linear + sum of
squares for CSV, tanh hidden units, the chunked scheme BPTT(k; k), and an η
scaled by the number of terms the summed cost has per update.
"""
from __future__ import annotations

import csv
import math
import os
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .tasks import MAX_L, MAX_P, Settings, Task

#: Largest file read at all, in bytes.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Characters of a text file used for training.
TEXT_MAX_CHARS = 2000
#: Distinct symbols of a text task, "other" included.
TEXT_MAX_VOCAB = 40
#: Default sequence length of a text task (min-char-rnn uses 25).
TEXT_L = 24
#: Symbol that stands for every character beyond the vocabulary cap.
OTHER = "¤"
#: Largest numbers of CSV rows and of input or target columns.
CSV_MAX_ROWS = 200_000
CSV_MAX_COLUMNS = 256


class DataError(ValueError):
    """The user's data cannot be used; the message is one line that says why."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


# -- reading files ------------------------------------------------------------------

def _read_bytes(path) -> bytes:
    name = os.path.basename(os.fspath(path))
    if os.path.isdir(path):
        raise DataError(f"{name} is a folder, not a file")
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise DataError(f"{name} is {_human(size)}; the limit is {_human(MAX_FILE_BYTES)} "
                            "(use a shorter excerpt)")
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except DataError:
        raise
    except IsADirectoryError:
        raise DataError(f"{name} is a folder, not a file") from None
    except FileNotFoundError:
        raise DataError(f"{name}: no such file") from None
    except OSError as err:
        raise DataError(f"cannot read {name}: {err.strerror or err}") from None
    if len(data) > MAX_FILE_BYTES:
        raise DataError(f"{name} is larger than {_human(MAX_FILE_BYTES)} (use a shorter excerpt)")
    if not data.strip():
        raise DataError(f"{name} is empty")
    return data


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def decode_text(data: bytes, name: str = "the file") -> str:
    """``data`` as text (UTF-8, else Latin-1), or DataError if it looks binary."""
    if b"\x00" in data[:65536]:
        raise DataError(f"{name} looks binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    sample = text[:65536]
    ctrl = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    if sample and ctrl / len(sample) > 0.02:
        raise DataError(f"{name} looks binary ({ctrl} control characters in the first "
                        f"{len(sample)}), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- text ---------------------------------------------------------------------------

def text_task(text: str, name: str = "text", L: int = TEXT_L, max_chars: int = TEXT_MAX_CHARS,
              max_vocab: int = TEXT_MAX_VOCAB, seed: int = 0) -> Task:
    """A next-character task on ``text``.

    Parameters
    ----------
    text : str
    name : str
        Shown in menus and captions; the task's name is ``"text:" + name``.
    L : int
        Steps per sequence (shortened for a short text).
    max_chars : int
        Only the first ``max_chars`` characters are used.
    max_vocab : int
        At most this many symbols (2..200); the rarest characters beyond
        ``max_vocab − 1`` share the symbol :data:`OTHER`.
    seed : int
        Recorded in the task (the data themselves are not random).

    Returns
    -------
    Task
        X (L, P, V) one-hot characters, D (L, P, V) the next ones, mask all
        True; ``params`` holds ``source="text"``, the vocabulary and
        ``notes`` (the caps applied, as sentences).

    Raises
    ------
    DataError
    """
    if not isinstance(text, str):
        raise DataError("text must be a string")
    if not 2 <= int(max_vocab) <= 200:
        raise DataError(f"the vocabulary cap must be in 2..200, got {max_vocab}")
    if not 1 <= int(L) <= MAX_L:
        raise DataError(f"the sequence length must be in 1..{MAX_L}, got {L}")
    notes = []
    if len(text) > max_chars:
        notes.append(f"only the first {max_chars} of {len(text)} characters are used")
        text = text[:max_chars]
    if len(text) < 3:
        raise DataError(f"{name} has {len(text)} character(s); at least 3 are needed")
    counts = Counter(text)
    if len(counts) < 2:
        raise DataError(f"{name} uses a single character ({next(iter(counts))!r}); "
                        "at least 2 distinct ones are needed")
    # Most frequent first; ties in order of first appearance (deterministic).
    order = sorted(counts, key=lambda c: (-counts[c], text.index(c)))
    if len(order) > max_vocab:
        keep = order[:max_vocab - 1]
        rare = len(order) - len(keep)
        notes.append(f"the {max_vocab - 1} most frequent of {len(order)} distinct characters "
                     f"are kept; the other {rare} share the symbol {OTHER}")
        vocab = sorted(keep) + [OTHER]
    else:
        vocab = sorted(order)
    index = {c: i for i, c in enumerate(vocab)}
    other = index.get(OTHER) if len(order) > max_vocab else None
    idx = np.array([index.get(c, other) for c in text], dtype=int)
    n_pairs = len(idx) - 1
    L = min(int(L), n_pairs)
    P = min(n_pairs // L, MAX_P)
    used = P * L
    if used < n_pairs:
        notes.append(f"cut into {P} sequences of {L} steps; the last {n_pairs - used} "
                     "character(s) are left out")
    else:
        notes.append(f"cut into {P} sequence(s) of {L} steps")
    V = len(vocab)
    eye = np.eye(V)
    X = eye[idx[:used]].reshape(P, L, V).transpose(1, 0, 2).copy()
    D = eye[idx[1:used + 1]].reshape(P, L, V).transpose(1, 0, 2).copy()
    mask = np.ones((L, P), dtype=bool)
    k = min(L, 8)
    settings = Settings(hidden="tanh", output="softmax", cost="ce", M=min(32, max(8, V)),
                        eta=_eta(P * k, 1.0, base=2.0), scheme="chunked", k=k, P=P,
                        updates=2000, target_cost=1.5)
    labels = tuple(_show(c) for c in vocab)
    shown = "".join(text[:40]).replace("\n", " ")
    description = (f"Your text {name}: next-character prediction, min-char-rnn style. "
                   f"{V} symbols one-hot, softmax and cross-entropy (chance is ln {V} = "
                   f"{math.log(V):.2f}). It starts: “{shown}…”. " +
                   " ".join(n[0].upper() + n[1:] + "." for n in notes))
    lab = np.array(vocab, dtype=object)

    def decode(y):
        return lab[np.argmax(y, axis=-1)].astype(str)

    return Task(name=f"text:{name}", title=f"text: {name}", description=description, N=V, O=V,
                X=X, D=D, mask=mask, input_labels=labels, output_labels=labels,
                recommended=settings, params={"source": "text", "vocab": "".join(vocab),
                                              "notes": notes},
                seed=int(seed), _decoder=decode)


def _show(c: str) -> str:
    return {"\n": "⏎", " ": "␣", "\t": "⇥"}.get(c, c)


def _eta(terms: int, scale: float, base: float = 1.0) -> float:
    """An η for a summed cost of ``terms`` output terms of size ``scale``, rounded down to 1-2-5."""
    raw = base / max(1.0, terms * max(scale, 1e-12))
    e = math.floor(math.log10(raw))
    for m in (5, 2, 1):
        if m * 10 ** e <= raw:
            return float(f"{m}e{e}")
    return raw


def load_text(path, L: int = TEXT_L, max_chars: int = TEXT_MAX_CHARS,
              max_vocab: int = TEXT_MAX_VOCAB, seed: int = 0) -> Task:
    """:func:`text_task` on the file at ``path``; DataError for an unusable file."""
    name = os.path.basename(os.fspath(path))
    text = decode_text(_read_bytes(path), name)
    if not text.strip():
        raise DataError(f"{name} holds only white space")
    task = text_task(text, name=name, L=L, max_chars=max_chars, max_vocab=max_vocab, seed=seed)
    task.params["file"] = name
    return task


# -- CSV ----------------------------------------------------------------------------

@dataclass
class Table:
    """A CSV file read whole: column names and the rows, split into blocks at blank lines.

    Attributes
    ----------
    columns : list of str
        Names from the header, or "0", "1", … when there is none.
    header : bool
    blocks : list of list of (int, list of str)
        Runs of rows between blank lines; each row with its line number (1-based).
    """

    columns: list
    header: bool
    blocks: list

    @property
    def rows(self) -> int:
        """Number of data rows."""
        return sum(len(b) for b in self.blocks)


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def read_table(path) -> Table:
    """Read a CSV (comma, semicolon or tab separated) for :func:`csv_task` and a column chooser.

    Raises
    ------
    DataError
        Empty, binary, ragged (rows with different numbers of fields) or too large files.
    """
    name = os.path.basename(os.fspath(path))
    return parse_table(decode_text(_read_bytes(path), name), name)


def parse_table(text: str, name: str = "the CSV file") -> Table:
    """:func:`read_table` on text already read."""
    lines = text.split("\n")
    content = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if not content:
        raise DataError(f"{name} has no rows")
    try:
        dialect = csv.Sniffer().sniff("\n".join(content[:20]), delimiters=",;\t")
        delim = dialect.delimiter
    except csv.Error:
        delim = ","
    parsed = []                      # (lineno, fields) or None for a blank line
    n_rows = 0
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            parsed.append(None)
            continue
        if line.lstrip().startswith("#"):
            continue
        try:
            fields = [f.strip() for f in next(csv.reader([line], delimiter=delim))]
        except (csv.Error, StopIteration) as err:
            raise DataError(f"{name}, line {lineno}: {err}") from None
        n_rows += 1
        if n_rows > CSV_MAX_ROWS + 1:
            raise DataError(f"{name} has more than {CSV_MAX_ROWS} rows; use a shorter excerpt")
        parsed.append((lineno, fields))
    rows = [r for r in parsed if r is not None]
    first = rows[0][1]
    width = len(first)
    if width > 4 * CSV_MAX_COLUMNS:
        raise DataError(f"{name} has {width} columns; the limit is {4 * CSV_MAX_COLUMNS}")
    # A header: the first row has a field that is not a number where the next row has one
    # (or, alone, any field that is not a number).
    nxt = rows[1][1] if len(rows) > 1 else None
    header = any(f and not _is_number(f) and (nxt is None or (i < len(nxt) and _is_number(nxt[i])))
                 for i, f in enumerate(first))
    if header:
        columns = first
        if len(set(columns)) != len(columns):
            raise DataError(f"{name}: the header names a column twice")
        parsed = parsed[parsed.index(rows[0]) + 1:]
    else:
        columns = [str(i) for i in range(width)]
    blocks, block = [], []
    for item in parsed:
        if item is None:
            if block:
                blocks.append(block)
                block = []
            continue
        lineno, fields = item
        if len(fields) != width:
            raise DataError(f"{name}, line {lineno}: {len(fields)} field(s) where the "
                            f"{'header' if header else 'first row'} has {width} (ragged rows)")
        block.append(item)
    if block:
        blocks.append(block)
    if not blocks:
        raise DataError(f"{name} has a header but no data rows")
    if sum(len(b) for b in blocks) > CSV_MAX_ROWS:
        raise DataError(f"{name} has more than {CSV_MAX_ROWS} rows; use a shorter excerpt")
    return Table(columns=list(columns), header=header, blocks=blocks)


def column_index(table: Table, spec, what: str = "column") -> int:
    """The index of a column given by name or by 0-based number."""
    s = str(spec).strip()
    if s in table.columns:
        return table.columns.index(s)
    try:
        i = int(s)
    except ValueError:
        raise DataError(f"no {what} {s!r}; the columns are: {', '.join(table.columns)}") from None
    if not 0 <= i < len(table.columns):
        raise DataError(f"{what} {i} is outside 0..{len(table.columns) - 1}")
    return i


def parse_columns(table: Table, spec, what: str) -> list[int]:
    """Column indices from "0,1", "x,y", a list of names or numbers."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    items = [str(i).strip() for i in items if str(i).strip()]
    if not items:
        raise DataError(f"no {what} columns given")
    out = [column_index(table, i, f"{what} column") for i in items]
    if len(set(out)) != len(out):
        raise DataError(f"a {what} column is named twice")
    if len(out) > CSV_MAX_COLUMNS:
        raise DataError(f"{len(out)} {what} columns; the limit is {CSV_MAX_COLUMNS}")
    return out


def csv_task(table: Table, inputs, targets, sequence_column=None, sequence_length=None,
             name: str = "data", seed: int = 0) -> Task:
    """A sequence task from the numeric columns of ``table``.

    Parameters
    ----------
    table : Table
    inputs, targets : str or list
        Columns by name or 0-based number ("0,1" or ["x", "y"]).
    sequence_column : str or int, optional
        Rows with the same value in this column form one sequence (in the
        order of first appearance).
    sequence_length : int, optional
        Cut the rows, in order, into sequences of this many steps (a
        remainder shorter than that is left out). Without either option the
        blank lines separate the sequences.
    name : str
        The task is named ``"csv:" + name``.

    Returns
    -------
    Task
        Linear output and sum of squares recommended; padding steps carry no target.

    Raises
    ------
    DataError
    """
    if sequence_column is not None and sequence_length is not None:
        raise DataError("give either a sequence column or a sequence length, not both")
    ins = parse_columns(table, inputs, "input")
    outs = parse_columns(table, targets, "target")
    seq_col = None if sequence_column is None else column_index(table, sequence_column,
                                                                "sequence column")
    if seq_col is not None and (seq_col in ins or seq_col in outs):
        raise DataError("the sequence column cannot also be an input or a target")
    rows = [r for b in table.blocks for r in b]
    used = ins + outs

    def numbers(row):
        lineno, fields = row
        vals = []
        for c in used:
            f = fields[c]
            try:
                v = float(f)
            except ValueError:
                raise DataError(f"{name}, line {lineno}, column {table.columns[c]}: "
                                f"{f!r} is not a number") from None
            if not math.isfinite(v):
                raise DataError(f"{name}, line {lineno}, column {table.columns[c]}: "
                                f"{f} is not a finite number")
            vals.append(v)
        return vals

    notes = []
    if seq_col is not None:
        groups: dict = {}
        for row in rows:
            groups.setdefault(row[1][seq_col], []).append(row)
        seqs = list(groups.values())
        how = f"sequences by column {table.columns[seq_col]}"
    elif sequence_length is not None:
        n = int(sequence_length)
        if not 1 <= n <= MAX_L:
            raise DataError(f"the sequence length must be in 1..{MAX_L}, got {n}")
        if len(rows) < n:
            raise DataError(f"{name} has {len(rows)} rows, fewer than one sequence of {n}")
        seqs = [rows[i:i + n] for i in range(0, len(rows) - n + 1, n)]
        left = len(rows) - n * len(seqs)
        if left:
            notes.append(f"the last {left} row(s) do not fill a sequence of {n} and are left out")
        how = f"sequences of {n} rows"
    else:
        seqs = table.blocks
        how = "sequences separated by blank lines"
    P = len(seqs)
    if P > MAX_P:
        raise DataError(f"{name} has {P} sequences; the limit is {MAX_P}")
    L = max(len(s) for s in seqs)
    if L > MAX_L:
        raise DataError(f"{name} has a sequence of {L} rows; the limit is {MAX_L} "
                        "(separate sequences by blank lines, a sequence column or a length)")
    N, O = len(ins), len(outs)
    X = np.zeros((L, P, N))
    D = np.zeros((L, P, O))
    mask = np.zeros((L, P), dtype=bool)
    for p, seq in enumerate(seqs):
        for t, row in enumerate(seq):
            v = numbers(row)
            X[t, p] = v[:N]
            D[t, p] = v[N:]
            mask[t, p] = True
    lengths = {len(s) for s in seqs}
    if len(lengths) > 1:
        notes.append(f"sequences have {min(lengths)} to {L} steps; the shorter ones are padded "
                     "and the padding carries no target")
    xs = float(np.max(np.abs(X))) if X.size else 1.0
    ds = float(np.max(np.abs(D[mask]))) if mask.any() else 1.0
    if max(xs, ds) > 10:
        notes.append(f"values reach {max(xs, ds):.3g}: consider scaling them to about ±1")
    k = min(L, 8)
    settings = Settings(hidden="tanh", output="linear", cost="sse", M=8,
                        eta=_eta(P * k * O, max(1.0, ds) ** 2 * max(1.0, xs)),
                        scheme="chunked", k=k, P=P, updates=2000, target_cost=0.01)
    in_labels = tuple(table.columns[c] for c in ins)
    out_labels = tuple(table.columns[c] for c in outs)
    description = (f"Your data {name}: {P} sequence(s) of up to {L} steps ({how}); inputs "
                   f"{', '.join(in_labels)}, targets {', '.join(out_labels)} of the same row, "
                   "linear outputs and sum of squares. " +
                   " ".join(n[0].upper() + n[1:] + "." for n in notes))

    def decode(y):
        return y[..., 0].copy() if y.shape[-1] == 1 else y.copy()

    params = {"source": "csv", "inputs": list(in_labels), "targets": list(out_labels),
              "sequence_column": None if seq_col is None else table.columns[seq_col],
              "sequence_length": None if sequence_length is None else int(sequence_length),
              "notes": notes}
    return Task(name=f"csv:{name}", title=f"CSV: {name}", description=description, N=N, O=O,
                X=X, D=D, mask=mask, input_labels=in_labels, output_labels=out_labels,
                recommended=settings, params=params, seed=int(seed), _decoder=decode)


def load_csv(path, inputs, targets, sequence_column=None, sequence_length=None,
             seed: int = 0) -> Task:
    """:func:`csv_task` on the file at ``path``; DataError for an unusable file or choice."""
    name = os.path.basename(os.fspath(path))
    task = csv_task(read_table(path), inputs, targets, sequence_column=sequence_column,
                    sequence_length=sequence_length, name=name, seed=seed)
    task.params["file"] = name
    return task


def task_from_arrays(name: str, X, D, mask=None, input_labels=None, output_labels=None,
                     recommended: Settings | dict | None = None, params: dict | None = None,
                     description: str = "", title: str | None = None, seed: int = 0) -> Task:
    """A user's Task from arrays (e.g. read back from a workspace file), checked.

    Raises
    ------
    DataError
        For wrong shapes or types, non-finite values, or settings that do not exist.
    """
    try:
        X = np.asarray(X, dtype=np.float64)
        D = np.asarray(D, dtype=np.float64)
    except (TypeError, ValueError):
        raise DataError("the data are not numeric arrays") from None
    if X.ndim != 3 or D.ndim != 3 or X.shape[:2] != D.shape[:2] or 0 in X.shape or 0 in D.shape:
        raise DataError(f"inputs {X.shape} and targets {D.shape} must be (L, P, N) and (L, P, O)")
    L, P, N = X.shape
    O = D.shape[2]
    if L > MAX_L or P > MAX_P:
        raise DataError(f"{L} steps × {P} sequences is beyond the limits {MAX_L} × {MAX_P}")
    if mask is None:
        mask = np.ones((L, P), dtype=bool)
    mask = np.asarray(mask)
    if mask.shape != (L, P) or mask.dtype != bool:
        raise DataError(f"the target mask must be booleans of shape {(L, P)}")
    if not (np.isfinite(X).all() and np.isfinite(D).all()):
        raise DataError("the data hold NaN or infinite values")
    labels_in = tuple(str(s) for s in (input_labels or [str(i) for i in range(N)]))
    labels_out = tuple(str(s) for s in (output_labels or [str(i) for i in range(O)]))
    if len(labels_in) != N or len(labels_out) != O:
        raise DataError("the unit labels do not match the data")
    if isinstance(recommended, dict):
        try:
            recommended = Settings(**recommended)
        except (TypeError, ValueError) as err:
            raise DataError(f"the recommended settings are not valid: {err}") from None
    if recommended is None:
        recommended = Settings(hidden="tanh", output="linear", cost="sse", M=8, eta=0.01,
                               scheme="chunked", k=min(L, 8), P=P)
    params = dict(params or {})
    if params.get("source") == "text":
        lab = np.array(list(str(params.get("vocab", ""))) or list(labels_out), dtype=object)
        if len(lab) != O:
            lab = np.array(labels_out, dtype=object)

        def decode(y):
            return lab[np.argmax(y, axis=-1)].astype(str)
    else:
        def decode(y):
            return y[..., 0].copy() if y.shape[-1] == 1 else y.copy()
    return Task(name=name, title=title or name, description=description, N=N, O=O, X=X, D=D,
                mask=mask.copy(), input_labels=labels_in, output_labels=labels_out,
                recommended=recommended, params=params, seed=int(seed), _decoder=decode)


def notes(task: Task) -> list[str]:
    """The caps and adjustments applied when ``task`` was built from a file (may be empty)."""
    return list(task.params.get("notes", [])) if isinstance(task.params, dict) else []


def read_text_sample(path) -> str:
    """The first characters of a file for a preview (DataError if unusable)."""
    name = os.path.basename(os.fspath(path))
    return decode_text(_read_bytes(path), name)[:2000]


__all__ = ["DataError", "Table", "csv_task", "decode_text", "load_csv", "load_text", "notes",
           "parse_columns", "parse_table", "read_table", "task_from_arrays", "text_task",
           "MAX_FILE_BYTES", "TEXT_MAX_CHARS", "TEXT_MAX_VOCAB", "OTHER"]
