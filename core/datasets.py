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

import codecs
import csv
import math
import os
import stat
from collections import Counter
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .tasks import MAX_L, MAX_P, Settings, Task, argmax_decoder, value_decoder

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
#: Lines and characters per line that the delimiter guess looks at.
SNIFF_LINES = 20
SNIFF_CHARS = 4096
#: Bytes read at a time (and how often a cancel callback is asked).
READ_CHUNK = 1 << 20


class DataError(ValueError):
    """The user's data cannot be used; the message is one line that says why."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


# -- reading files ------------------------------------------------------------------

class Cancelled(DataError):
    """The reader was asked to stop (its ``cancel`` callback returned True)."""

    def __init__(self, message: str = "cancelled"):
        super().__init__(message)


def read_file(path, max_bytes: int = MAX_FILE_BYTES, error=DataError,
              cancel: Callable[[], bool] | None = None, what: str = "file") -> bytes:
    """The bytes of the regular file at ``path``, never more than ``max_bytes``.

    Only a regular file is read (a symlink is followed to its target): a
    folder, a FIFO, a device such as ``/dev/zero`` or a socket is refused at
    once, without waiting on it, and at most ``max_bytes + 1`` bytes are ever
    read, whatever the file claims its size is. Pure: safe to call from a
    worker thread.

    Parameters
    ----------
    path : str or os.PathLike
    max_bytes : int
        Largest size accepted.
    error : type
        The exception raised for every problem (a one-line message).
    cancel : callable, optional
        Asked between chunks; when it returns True the read stops with
        :class:`Cancelled`.
    what : str
        What the file should be, for the messages ("workspace file").

    Returns
    -------
    bytes
    """
    if not os.fspath(path):
        raise error(f"no {what} name given (the name is empty)")
    name = os.path.basename(os.fspath(path)) or os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise error(f"{name} is a folder, not a {what}") from None
    except FileNotFoundError:
        raise error(f"{name}: no such file") from None
    except OSError as err:
        raise error(f"cannot read {name}: {err.strerror or err}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error(f"{name} is a folder, not a {what}")
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{name} is not a regular file (a pipe, device or socket); refused")
        if st.st_size > max_bytes:
            raise error(f"{name} is {size_text(st.st_size, max_bytes)} (use a smaller {what})")
        parts, total = [], 0
        while True:
            if cancel is not None and cancel():
                raise Cancelled(f"reading {name} was cancelled")
            chunk = os.read(fd, min(READ_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            if total > max_bytes:        # the file grew while being read
                raise error(f"{name} is more than {size_text(total, max_bytes)} "
                            f"(use a smaller {what})")
        return b"".join(parts)
    except OSError as err:
        raise error(f"cannot read {name}: {err.strerror or err}") from None
    finally:
        os.close(fd)


def _read_bytes(path, cancel=None) -> bytes:
    name = os.path.basename(os.fspath(path))
    data = read_file(path, MAX_FILE_BYTES, cancel=cancel)
    if not data.strip():
        raise DataError(f"{name} is empty")
    return data


def human(n: float) -> str:
    """A size in bytes for a person: "512 bytes", "20.0 MB" (1 MB = 2**20 bytes)."""
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def size_text(size: int, limit: int) -> str:
    """ "21.0 MB; the limit is 20.0 MB", exact bytes where the rounded sizes would look alike."""
    a, b = human(size), human(limit)
    if a == b:
        a, b = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{a}; the limit is {b}"


#: Byte-order marks, longest first: text that starts with one is read in its encoding.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, name: str = "the file") -> str:
    """``data`` as text: by its byte-order mark (UTF-8/16/32), else UTF-8, else Latin-1.

    Raises
    ------
    DataError
        When it looks binary (NUL bytes without a UTF-16/32 mark, or many control characters).
    """
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise DataError(f"{name} starts with a {codec.upper()} mark but is not "
                                f"{codec.upper()} text") from None
            if codec == "utf-8-sig" and "\x00" in text[:65536]:
                raise DataError(f"{name} looks binary (it contains NUL bytes), not text")
            break
    if text is None:
        if b"\x00" in data[:65536]:
            raise DataError(f"{name} looks binary (it contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
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
                        eta=_eta(P * k, 0.0, base=2.0), scheme="chunked", k=k, P=P,
                        updates=2000, target_cost=1.5)
    labels = tuple(_show(c) for c in vocab)
    shown = "".join(text[:40]).replace("\n", " ")
    description = (f"Your text {name}: next-character prediction, min-char-rnn style. "
                   f"{V} symbols one-hot, softmax and cross-entropy (chance is ln {V} = "
                   f"{math.log(V):.2f}). It starts: “{shown}…”. " +
                   " ".join(n[0].upper() + n[1:] + "." for n in notes))
    return Task(name=f"text:{name}", title=f"text: {name}", description=description, N=V, O=V,
                X=X, D=D, mask=mask, input_labels=labels, output_labels=labels,
                recommended=settings, params={"source": "text", "vocab": "".join(vocab),
                                              "notes": notes},
                seed=int(seed), _decoder=argmax_decoder(vocab))


def _show(c: str) -> str:
    return {"\n": "⏎", " ": "␣", "\t": "⇥"}.get(c, c)


def _eta(terms: int, log_scale: float, base: float = 1.0) -> float:
    """An η for a summed cost of ``terms`` output terms of size 10**``log_scale``, rounded down to 1-2-5.

    Worked out in logarithms so that values up to the largest float give a tiny
    η instead of an overflow; never below 1e-300.
    """
    log_raw = math.log10(base) - math.log10(max(1, terms)) - max(0.0, log_scale)
    e = max(-300, math.floor(log_raw))
    for m in (5, 2, 1):
        if math.log10(m) + e <= log_raw:
            return float(f"{m}e{e}")
    return float(f"1e{e}")


def _log10_at_least_1(v: float) -> float:
    """log10(max(1, v)) for any finite non-negative v."""
    return math.log10(v) if v > 1 else 0.0


def load_text(path, L: int = TEXT_L, max_chars: int = TEXT_MAX_CHARS,
              max_vocab: int = TEXT_MAX_VOCAB, seed: int = 0, max_bytes: int | None = None,
              cancel: Callable[[], bool] | None = None) -> Task:
    """:func:`text_task` on the file at ``path``; DataError for an unusable file.

    ``max_bytes`` bounds the task's arrays (see :func:`csv_task`); ``cancel`` is
    asked while reading (see :func:`read_file`).
    """
    name = os.path.basename(os.fspath(path))
    text = decode_text(_read_bytes(path, cancel), name)
    if not text.strip():
        raise DataError(f"{name} holds only white space")
    task = text_task(text, name=name, L=L, max_chars=max_chars, max_vocab=max_vocab, seed=seed)
    if max_bytes is not None:
        _check_data_bytes(task.L, task.P, task.N, task.O, max_bytes, name)
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


def read_table(path, cancel: Callable[[], bool] | None = None) -> Table:
    """Read a CSV (comma, semicolon or tab separated) for :func:`csv_task` and a column chooser.

    Pure (no shared state): safe to run in a worker thread. ``cancel`` is asked
    while reading and every few thousand rows; True stops with :class:`Cancelled`.

    Raises
    ------
    DataError
        Empty, binary, ragged (rows with different numbers of fields) or too large files.
    """
    name = os.path.basename(os.fspath(path))
    return parse_table(decode_text(_read_bytes(path, cancel), name), name, cancel=cancel)


def guess_delimiter(lines) -> str:
    """Comma, semicolon or tab: the one that splits the first lines into equally many fields.

    Looks at :data:`SNIFF_LINES` lines of at most :data:`SNIFF_CHARS` characters
    and counts each candidate outside double quotes: linear in the sample, unlike
    ``csv.Sniffer`` (quadratic on long lines).
    """
    sample = [ln[:SNIFF_CHARS] for ln in lines[:SNIFF_LINES]]
    best, best_score = ",", (0, 0)
    for delim in (",", ";", "\t"):
        counts = []
        for ln in sample:
            n, quoted = 0, False
            for c in ln:
                if c == '"':
                    quoted = not quoted
                elif c == delim and not quoted:
                    n += 1
            counts.append(n)
        if not counts or max(counts) == 0:
            continue
        common = Counter(counts).most_common(1)[0]
        score = (common[1] if common[0] else 0, common[0])   # lines that agree, then fields
        if score > best_score:
            best, best_score = delim, score
    return best


def parse_table(text: str, name: str = "the CSV file",
                cancel: Callable[[], bool] | None = None) -> Table:
    """:func:`read_table` on text already read."""
    lines = text.split("\n")
    content = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if not content:
        raise DataError(f"{name} has no rows")
    delim = guess_delimiter(content)
    parsed = []                      # (lineno, fields) or None for a blank line
    n_rows = 0
    for lineno, line in enumerate(lines, start=1):
        if cancel is not None and lineno % 4096 == 0 and cancel():
            raise Cancelled(f"reading {name} was cancelled")
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


def _check_data_bytes(L: int, P: int, N: int, O: int, max_bytes: int, name: str) -> None:  # noqa: E741
    """DataError when the task's arrays alone (X, D and copies: 4 · L · P · (N + O) floats) pass ``max_bytes``."""
    need = 4 * 8 * L * P * (N + O)
    if need > max_bytes:
        raise DataError(f"{name} pads to {P} sequence(s) of {L} steps with {N} input(s) and "
                        f"{O} target(s): its arrays alone need about {human(need)}, more than "
                        f"the memory budget of {human(max_bytes)}; use fewer or shorter "
                        "sequences (padding to the longest one costs memory) or fewer columns")


def csv_task(table: Table, inputs, targets, sequence_column=None, sequence_length=None,
             name: str = "data", seed: int = 0, max_bytes: int | None = None) -> Task:
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
    max_bytes : int, optional
        Refuse (before allocating) sizes whose arrays would pass this many bytes.

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
    if max_bytes is not None:
        _check_data_bytes(L, P, N, O, max_bytes, name)
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
                        eta=_eta(P * k * O, 2 * _log10_at_least_1(ds) + _log10_at_least_1(xs)),
                        scheme="chunked", k=k, P=P, updates=2000, target_cost=0.01)
    in_labels = tuple(table.columns[c] for c in ins)
    out_labels = tuple(table.columns[c] for c in outs)
    description = (f"Your data {name}: {P} sequence(s) of up to {L} steps ({how}); inputs "
                   f"{', '.join(in_labels)}, targets {', '.join(out_labels)} of the same row, "
                   "linear outputs and sum of squares. " +
                   " ".join(n[0].upper() + n[1:] + "." for n in notes))

    params = {"source": "csv", "inputs": list(in_labels), "targets": list(out_labels),
              "sequence_column": None if seq_col is None else table.columns[seq_col],
              "sequence_length": None if sequence_length is None else int(sequence_length),
              "notes": notes}
    return Task(name=f"csv:{name}", title=f"CSV: {name}", description=description, N=N, O=O,
                X=X, D=D, mask=mask, input_labels=in_labels, output_labels=out_labels,
                recommended=settings, params=params, seed=int(seed), _decoder=value_decoder)


def load_csv(path, inputs, targets, sequence_column=None, sequence_length=None,
             seed: int = 0, max_bytes: int | None = None,
             cancel: Callable[[], bool] | None = None) -> Task:
    """:func:`csv_task` on the file at ``path``; DataError for an unusable file or choice."""
    name = os.path.basename(os.fspath(path))
    task = csv_task(read_table(path, cancel=cancel), inputs, targets,
                    sequence_column=sequence_column, sequence_length=sequence_length, name=name,
                    seed=seed, max_bytes=max_bytes)
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
        vocab = list(str(params.get("vocab", "")))
        decode = argmax_decoder(vocab if len(vocab) == O else labels_out)
    else:
        decode = value_decoder
    return Task(name=name, title=title or name, description=description, N=N, O=O, X=X, D=D,
                mask=mask.copy(), input_labels=labels_in, output_labels=labels_out,
                recommended=recommended, params=params, seed=int(seed), _decoder=decode)


def notes(task: Task) -> list[str]:
    """The caps and adjustments applied when ``task`` was built from a file (may be empty)."""
    return list(task.params.get("notes", [])) if isinstance(task.params, dict) else []


__all__ = ["Cancelled", "DataError", "Table", "csv_task", "decode_text", "guess_delimiter",
           "load_csv", "load_text", "notes", "parse_columns", "parse_table", "read_file",
           "read_table", "task_from_arrays", "text_task",
           "MAX_FILE_BYTES", "TEXT_MAX_CHARS", "TEXT_MAX_VOCAB", "OTHER"]
