"""The two columns of a header or closing in text that another tool extracted.

Tools that flatten a document to text draw NĐ 30's two-column header (issuer and ``Số:``
beside the Quốc hiệu and the place-date; Phụ lục I, II, ô 1–4) and closing (Nơi nhận
beside the signature; ô 7, 9) in one of three ways, and each interleaves the columns line
by line:

* ``antiword`` draws the table with ``|`` borders: ``|ỦY BAN NHÂN DÂN   |CỘNG HÒA …|``;
* python-docx-style extractions join a row's cells with a TAB: ``TỈNH LÂM ĐỒNG\\tĐộc lập …``;
* ``pdftotext -layout`` (and pdfplumber's layout mode) set the columns apart with runs
  of spaces, a column's line alone indented to where it sits on the page.

:func:`normalize_document` finds such regions at the top of the text and around each
``Nơi nhận`` and reads their columns one after the other, in the order
:func:`~vnadmin.reader.compose.order_columns` gives for a Word table, through
:meth:`vnadmin.text.NormalizedText.reordered`: spans still point into the caller's string, and
each region read so is reported as a ``"columns"`` repair. Text without such regions is
only normalised (:func:`~vnadmin.text.normalize_text`).

>>> s = ("|BỘ TƯ PHÁP   |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|\\n"
...      "|Số: 12/BTP   |Hà Nội, ngày 02 tháng 01 năm 2026 |\\nV/v x")
>>> print(normalize_document(s).text)
BỘ TƯ PHÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 12/BTP
Hà Nội, ngày 02 tháng 01 năm 2026
V/v x
"""

from __future__ import annotations

import bisect
import itertools
import re

from vnadmin.reader.compose import is_closing, is_header, order_columns
from vnadmin.text import NormalizedText, Source, as_normalized, normalize_text

__all__ = ["normalize_document"]

_HEADER_LINES = 24  # the header of a document sits within its first lines
_CLOSING_LINES = 40  # a closing (Nơi nhận beside the signature) within so many lines
_ABOVE = 4  # the lines of a signature printed above "Nơi nhận:"
_GAP = re.compile(r" {3,}")  # what sets two columns apart on a line without a TAB
_TAB_GAP = re.compile(r"\t[ \t]*")  # … and on a line with one (the cells joined by TABs)
_NOI_NHAN = re.compile(r"^[ \t|]*(?:Nơi|NƠI)[ \t]*(?:nhận|NHẬN)", re.MULTILINE)
_PLACE_DATE = re.compile(r",[ \t]*ngày\b|\bngày\b.{0,20}\btháng\b", re.IGNORECASE)
_CUES = ("|", "\t", "   ")
_PIPE_LINE = re.compile(r"^[ \t]*\|[^\n]*\|", re.MULTILINE)
_KINH_GUI = re.compile(r"(?:Kính|KÍNH)[ \t]+(?:gửi|GỬI)")
# The right column of a page starts this far from the line's start at least (a blank
# number, "Số:        /QĐ-UBND", or a blank day, "ngày      tháng", is not a column gap).
_RIGHT_MIN = 24

_Span = tuple[int, int]


def normalize_document(text: Source, *, columns: bool = True) -> NormalizedText:
    """``text`` normalised, with the columns of its header and closing read one after the
    other when a tool drew them side by side (see the module's description). A
    :class:`~vnadmin.text.NormalizedText` is returned as it is; anything but a ``str``
    raises :class:`~vnadmin.VnAdminError`. ``columns=False`` only normalises (a text
    composed from a file's layout is already in reading order)."""
    if not isinstance(text, str):
        return as_normalized(text)
    nt = normalize_text(text)
    if not columns or not any(cue in text for cue in _CUES):
        return nt
    text = nt.text
    lines = _lines(text)
    pieces: list[_Span] = []
    regions: list[_Span] = []
    done = 0  # lines before this index are placed
    for first, last, cells in _regions(text, lines):
        if first < done:
            continue
        if first > done:
            pieces.append((lines[done][0], lines[first - 1][1]))
        pieces += cells
        regions.append((lines[first][0], lines[last][1]))
        done = last + 1
    if not regions:
        return nt
    if done < len(lines):
        pieces.append((lines[done][0], lines[-1][1]))
    return nt.reordered([p for p in pieces if p[1] > p[0]], regions)


def _lines(text: str) -> list[_Span]:
    """``(start, end)`` of every line (the line break left out), computed in C."""
    lengths = [len(line) + 1 for line in text.split("\n")]
    starts = list(itertools.accumulate(lengths, initial=0))
    return [(a, a + n - 1) for a, n in zip(starts, lengths, strict=False)]


def _strip(text: str, a: int, b: int) -> _Span:
    piece = text[a:b]
    left = piece.lstrip(" \t|")
    if not left:
        return b, b
    return b - len(left), b - (len(left) - len(left.rstrip(" \t|\r")))


def _cells_of(text: str, a: int, b: int) -> tuple[str, list[tuple[int, _Span]]]:
    """The kind of line (``"pipe"``, ``"tab"``, ``"space"``, ``""``) and its cells, each
    with the column (character position) where it starts."""
    line = text[a:b]
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        cells = []
        pos = a + line.index("|") + 1
        index = 0
        while pos < b:
            end = text.find("|", pos, b)
            end = b if end == -1 else end
            x, y = _strip(text, pos, end)
            cells.append((index, (x, y)))
            index += 1
            pos = end + 1
        return "pipe", cells
    x, y = _strip(text, a, b)
    if x >= y:
        return "", []
    if "\t" not in line and "   " not in line:  # (most lines: one cell, no gap)
        return "", [(x - a, (x, y))]
    found: list[tuple[int, _Span]] = []
    pos = x
    if "\t" in line:
        # Cells joined by a TAB: only a TAB sets them apart, and the spaces inside a cell
        # are its own ("Số:        /QĐ-UBND", a blank day "ngày      tháng").
        for m in _TAB_GAP.finditer(text, x, y):
            found.append((pos - a, (pos, pos + len(text[pos : m.start()].rstrip(" ")))))
            pos = m.end()
        found.append((pos - a, (pos, y)))
        return "tab", found
    for m in _GAP.finditer(text, x, y):
        found.append((pos - a, (pos, m.start())))
        pos = m.end()
    found.append((pos - a, (pos, y)))
    return ("space" if len(found) > 1 else ""), found


def _regions(text: str, lines: list[_Span]) -> list[tuple[int, int, list[_Span]]]:
    """The header and closing regions: ``(first line, last line, pieces in reading order)``."""
    out: list[tuple[int, int, list[_Span]]] = []
    head = _region(text, lines, 0, min(len(lines), _HEADER_LINES), header=True)
    if head is not None:
        out.append(head)
    offsets = [a for a, _ in lines]
    seen = 0  # (each line is looked at by one window: a "Nơi nhận" inside one is skipped)
    for m in _NOI_NHAN.finditer(text):
        k = bisect.bisect_right(offsets, m.start()) - 1
        if k < seen:
            continue
        lo, hi = max(0, k - _ABOVE), min(len(lines), k + _CLOSING_LINES)
        seen = hi
        region = _region(text, lines, lo, hi, header=False, anchor=k)
        if region is not None:
            out.append(region)
    # Any other table drawn with "|" borders: its cells row by row, the borders left out.
    covered = [(a, b) for a, b, _ in out]
    read_to = -1  # the last line of the table read last
    for hit in _PIPE_LINE.finditer(text):
        k = bisect.bisect_right(offsets, hit.start()) - 1
        if k <= read_to or any(a <= k <= b for a, b in covered):
            continue
        end = k
        while end + 1 < len(lines) and _is_pipe(text, lines[end + 1]):
            end += 1
        read_to = end
        pieces = [span for j in range(k, end + 1) for _, span in _cells_of(text, *lines[j])[1]]
        out.append((k, end, [p for p in pieces if p[1] > p[0]]))
    out.sort()
    return out


def _is_pipe(text: str, line: _Span) -> bool:
    a, b = line
    while a < b and text[a] in " \t":
        a += 1
    return a < b and text[a] == "|" and text.count("|", a, b) >= 2


def _region(
    text: str,
    lines: list[_Span],
    lo: int,
    hi: int,
    *,
    header: bool,
    anchor: int | None = None,
) -> tuple[int, int, list[_Span]] | None:
    rows: list[tuple[int, str, list[tuple[int, _Span]]]] = []
    for k in range(lo, hi):
        kind, cells = _cells_of(text, *lines[k])
        rows.append((k, kind, cells))
    if any(kind == "pipe" for _, kind, _ in rows):
        first_pipe = next(i for i, r in enumerate(rows) if r[1] == "pipe")
        if not header and anchor is not None and first_pipe > anchor - lo + 1:
            return None  # (the Nơi nhận is not in the table)
        return _pipe_region(text, lines, rows[first_pipe:], header=header)
    if header:
        # from the first line with text to the place-date line
        end = next(
            (
                i
                for i, (k, _, cells) in enumerate(rows)
                if any(_PLACE_DATE.search(text, *span) for _, span in cells)
            ),
            None,
        )
        if end is None:
            return None
        rows = rows[: end + 1]
        while rows and not rows[0][2]:
            rows.pop(0)
    else:
        assert anchor is not None
        first = anchor - lo
        # a signature's lines printed above "Nơi nhận", indented (the right column alone)
        while first > 0 and rows[first - 1][1] == "" and rows[first - 1][2]:
            indent = rows[first - 1][2][0][0]
            if indent < 20:
                break
            first -= 1
        rows = rows[first:]
    if not rows:
        return None
    kinds = {kind for _, kind, _ in rows if kind}
    if not kinds:
        return None
    if "pipe" in kinds:
        return _pipe_region(text, lines, rows, header=header)
    elif "tab" in kinds:
        # cells joined by a TAB: the left cell's last line, then the right cell's first;
        # reading the line's cells one after the other is the reading order. A line
        # without a TAB is one cell's line: its runs of spaces are its own (a centred
        # line's indent, a blank day "ngày        tháng").
        column: list[_Span] = []
        for k, kind, cells in rows:
            if kind == "space":
                column.append(_strip(text, *lines[k]))
            else:
                column += [span for _, span in cells]
        columns = [column]
        header = False
    else:
        found = _by_position(text, rows)
        if found is None:
            return None
        columns = found
    if not header:
        if "tab" not in kinds and not is_closing(text[a:b] for col in columns for a, b in col):
            return None
        if "tab" not in kinds:
            rows, columns = _closing_end(text, rows, columns)
    elif not is_header(text[a:b] for col in columns for a, b in col):
        return None
    pieces = order_columns(columns, lambda span: text[span[0] : span[1]], header=header)
    return rows[0][0], rows[-1][0], [p for p in pieces if p[1] > p[0]]


def _pipe_region(
    text: str,
    lines: list[_Span],
    rows: list[tuple[int, str, list[tuple[int, _Span]]]],
    *,
    header: bool,
) -> tuple[int, int, list[_Span]] | None:
    """A table drawn with ``|`` borders (antiword): all its lines, read column by column; a
    header's ``Kính gửi`` row (a third row, Bộ Tài chính's layout) read after the rest."""
    first = rows[0][0]
    last = first
    while last + 1 < len(lines) and _is_pipe(text, lines[last + 1]):
        last += 1
    table = [(k, *_cells_of(text, *lines[k])) for k in range(first, last + 1)]
    texts = [text[a:b] for _, _, cells in table for _, (a, b) in cells]
    if header and not is_header(texts):
        return None
    if not header and not is_closing(texts):
        return None
    band = len(table)
    if header:
        band = next(
            (
                i
                for i, (_, _, cells) in enumerate(table)
                if any(_KINH_GUI.match(text, a, b) for _, (a, b) in cells)
            ),
            band,
        )

    def span_text(span: _Span) -> str:
        return text[span[0] : span[1]]

    pieces = order_columns(_by_index(table[:band]), span_text, header=header)
    if band < len(table):
        pieces += order_columns(_by_index(table[band:]), span_text, header=False)
    return first, last, [p for p in pieces if p[1] > p[0]]


def _by_index(rows: list[tuple[int, str, list[tuple[int, _Span]]]]) -> list[list[_Span]]:
    columns: dict[int, list[_Span]] = {}
    for _, _, cells in rows:
        for index, span in cells:
            columns.setdefault(index, []).append(span)
    return [columns[i] for i in sorted(columns) if any(b > a for a, b in columns[i])]


def _by_position(
    text: str, rows: list[tuple[int, str, list[tuple[int, _Span]]]]
) -> list[list[_Span]] | None:
    """Columns set apart by runs of spaces. The right column starts, on the lines where
    the widest gap is, at about the same position (its lines are centred, so not exactly);
    every part of a line that starts closer to it than to the left margin is the right
    column's, the others the left's."""
    starts = []
    for _, kind, cells in rows:
        if kind == "space" and len(cells) >= 2:
            gaps = [
                (cells[i][0] - (cells[i - 1][0] + cells[i - 1][1][1] - cells[i - 1][1][0]), i)
                for i in range(1, len(cells))
                if cells[i][0] >= _RIGHT_MIN
                and not _blank_field(text, cells[i - 1][1], cells[i][1])
            ]
            if gaps:
                starts.append(cells[max(gaps)[1]][0])
    if not starts:
        return None
    margin = min(cells[0][0] for _, _, cells in rows if cells)
    threshold = (margin + min(starts)) / 2
    left: list[_Span] = []
    right: list[_Span] = []
    for _, _, cells in rows:
        lparts = [span for at, span in cells if at < threshold]
        rparts = [span for at, span in cells if at >= threshold]
        if lparts:
            left.append((lparts[0][0], lparts[-1][1]))
        if rparts:
            right.append((rparts[0][0], rparts[-1][1]))
    return [left, right]


_LUU = re.compile(r"[-+*•]?[ \t]*(?:Lưu|LƯU)\b")
_ENTRY = re.compile(r"[-+*•]|(?:Lưu|LƯU)\b")


_BLANK_BEFORE = re.compile(r"(?:ngày|tháng|Số|số|Số:|số:)$")
_BLANK_AFTER = re.compile(r"/|tháng\b|năm\b")


def _blank_field(text: str, left: _Span, right: _Span) -> bool:
    """Whether the gap between ``left`` and ``right`` is a field left blank in a draft
    (``Số:        /QĐ-UBND``, ``ngày      tháng 01``), not a gap between columns."""
    return (
        _BLANK_BEFORE.search(text, left[0], left[1]) is not None
        or _BLANK_AFTER.match(text, right[0], right[1]) is not None
    )


def _closing_end(
    text: str,
    rows: list[tuple[int, str, list[tuple[int, _Span]]]],
    columns: list[list[_Span]],
) -> tuple[list[tuple[int, str, list[tuple[int, _Span]]]], list[list[_Span]]]:
    """The closing ends at the line of its last right-column piece, or, when the Nơi nhận
    list runs on below the signature, at its ``Lưu`` line: a footnote or an attachment
    after it stays where it is."""
    if len(columns) < 2 or not columns[-1]:
        return rows, columns
    last = columns[-1][-1][0]
    end = max(i for i, r in enumerate(rows) if r[2] and any(span[0] == last for _, span in r[2]))
    left = columns[0]
    seen_luu = any(_LUU.match(text, a, b) for a, b in left if a <= last)
    while not seen_luu and end + 1 < len(rows):
        cells = rows[end + 1][2]
        if cells and _ENTRY.match(text, cells[0][1][0]) is None:
            # not an entry: the closing ends here, unless it is the rest of an entry
            # wrapped from the line above (which ends without ``;`` or ``.``)
            above = rows[end][2]
            if not above or text[above[0][1][1] - 1] in ";.:":
                break
        end += 1
        if cells and _LUU.match(text, cells[0][1][0]) is not None:
            seen_luu = True
    keep = rows[: end + 1]
    bound = max(span[1] for r in keep for _, span in r[2]) if any(r[2] for r in keep) else last
    return keep, [[s for s in col if s[0] < bound] for col in columns]
