"""From a layout to one text in reading order, with a map back to the blocks.

NĐ 30/2020/NĐ-CP lays out the header (Phụ lục I, II: ô 1 issuer and ô 3 số, ký hiệu on the
left; ô 1 Quốc hiệu and Tiêu ngữ and ô 4 place-date on the right) and the closing (ô 9a/9b
Nơi nhận on the left; ô 7 the signature on the right) as two side-by-side columns, in Word
as borderless tables. Read row by row, cell by cell, the columns would interleave; here
each two-column table is read in the order the parser expects, which is the order of the
components in Điều 8 of the decree:

* a header table: the left column down to the ``Số`` line, the right column down to the
  place-date line, then the rest of the left column (``Số:``, ``V/v``) and of the right;
  a table of several rows is read row by row, each row so;
* a closing table: the left column whole (Nơi nhận), then the right (the signature);
* any other table: row by row, a row cell by cell.

Blocks are joined with ``"\\n"`` and a table is followed by an empty line. The result keeps
every block's start in the text, so a span of the parsed document maps back to the block,
and so to its place in the file (:meth:`Composed.locate`).

>>> from vnadmin.reader.model import Block, Location
>>> def cell(text, row, col):
...     return Block(text, Location("cell", table=0, row=row, column=col))
>>> layout = Layout(blocks=(
...     cell("UBND TỈNH LÂM ĐỒNG", 0, 0), cell("Số: 12/UBND-NC", 0, 0),
...     cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0, 1),
...     cell("Độc lập - Tự do - Hạnh phúc", 0, 1),
...     cell("Lâm Đồng, ngày 02 tháng 01 năm 2026", 0, 1),
...     Block("Kính gửi: Sở Nội vụ.", Location("paragraph"))))
>>> doc = compose(layout)
>>> print(doc.text)
UBND TỈNH LÂM ĐỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/UBND-NC
Lâm Đồng, ngày 02 tháng 01 năm 2026
<BLANKLINE>
Kính gửi: Sở Nội vụ.
>>> doc.locate(doc.text.index("12/")).describe()
'table 1, row 1, column 1'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from vnadmin.reader.model import Block, Layout, Location
from vnadmin.text import is_clean, normalize_text

__all__ = [
    "FileText",
    "compose",
    "is_closing",
    "is_header",
    "order_columns",
    "split_documents",
]

_T = TypeVar("_T")

# What tells a header table and a closing table apart, read on the normalised text of a
# cell's first lines (NĐ 30, Phụ lục I, II: ô 1, 3, 4 and 7, 9).
_NATIONAL = re.compile(
    r"C[ỘO]NG\s*H[ÒO]A\s*X[ÃA]\s*H[ỘO]I|ĐẢNG\s*CỘNG\s*SẢN\s*VIỆT\s*NAM|Độc\s*lập\s*-\s*Tự\s*do"
    r"|ĐOÀN\s*TNCS\s*HỒ\s*CHÍ\s*MINH",
    re.IGNORECASE,
)
_SO_LINE = re.compile(r"[ \t]*S[ốỐ](?:[ \t]*(?:hiệu|HIỆU))?[ \t]*(?::|[0-9]|[ \t]{2}|/|$)")
_PLACE_DATE = re.compile(r",[ \t]*(?:ngày|NGÀY)\b|\bngày\b.{0,20}\btháng\b", re.IGNORECASE)
_NOI_NHAN = re.compile(r"[ \t]*(?:Nơi|NƠI)[ \t]*(?:nhận|NHẬN)")
_MARK = re.compile(r"[ \t]*(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?[ \t]*[A-ZĐÂĂÊÔƠƯ]")


def _norm(text: str) -> str:
    return text if is_clean(text) else normalize_text(text).text


@attrs.frozen
class FileText:
    """A layout's text in reading order and where each block starts in it.

    Attributes:
        text: the text that :func:`vnadmin.parse_document` reads.
        blocks: the layout's blocks in the order they were placed in :attr:`text`.
        starts: where each of :attr:`blocks` starts in :attr:`text`.
        layout: the layout read from the file (its format, encoding, signers, notes).
    """

    text: str
    blocks: tuple[Block, ...]
    starts: tuple[int, ...]
    layout: Layout = attrs.field(eq=False, repr=False)

    @property
    def flat(self) -> bool:
        """Whether the text came without its layout (a text file, a ``.doc`` read with
        antiword): tables drawn in it are then read by
        :func:`vnadmin.reader.columns.normalize_document`."""
        return self.layout.format in ("text", "doc") and not any(
            b.location.table is not None for b in self.blocks
        )

    def block_at(self, offset: int) -> Block | None:
        """The block that holds ``offset`` of :attr:`text` (``None`` between blocks)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        block = self.blocks[k]
        if offset > self.starts[k] + len(block.text):
            return None
        return block

    def locate(self, offset: int | tuple[int, int]) -> Location | None:
        """The location in the file of ``offset`` (or of a span's start) of :attr:`text`."""
        if isinstance(offset, tuple):
            offset = offset[0]
        block = self.block_at(offset)
        return None if block is None else block.location


def _tables(blocks: Sequence[Block]) -> list[tuple[int | None, list[Block]]]:
    """The blocks cut into runs: ``(table index, blocks)`` for each table, ``(None, …)`` for
    the paragraphs between them."""
    runs: list[tuple[int | None, list[Block]]] = []
    for block in blocks:
        table = block.location.table
        if runs and runs[-1][0] == table:
            runs[-1][1].append(block)
        else:
            runs.append((table, [block]))
    return runs


def _cells(blocks: Iterable[Block]) -> dict[int, dict[int, list[Block]]]:
    rows: dict[int, dict[int, list[Block]]] = {}
    for block in blocks:
        loc = block.location
        rows.setdefault(loc.row or 0, {}).setdefault(loc.column or 0, []).append(block)
    return rows


def _first(
    items: Sequence[_T],
    text: Callable[[_T], str],
    pattern: re.Pattern[str],
    *,
    search: bool = False,
) -> int:
    """The index of the first item whose normalised text matches ``pattern``, or -1."""
    for i, item in enumerate(items):
        t = _norm(text(item))
        if (pattern.search(t) if search else pattern.match(t)) is not None:
            return i
    return -1


def is_header(texts: Iterable[str]) -> bool:
    """Whether a two-column table whose cells hold ``texts`` is a document's header: it
    holds the Quốc hiệu, the Tiêu ngữ or the Party's name (NĐ 30, Phụ lục I, ô 1)."""
    return any(_NATIONAL.search(_norm(t)) is not None for t in texts)


def is_closing(texts: Iterable[str]) -> bool:
    """Whether a two-column table whose cells hold ``texts`` is a document's closing: a
    ``Nơi nhận`` (ô 9b) or a signing mark (ô 7a) starts one of them."""
    return any(
        _NOI_NHAN.match(n) is not None or _MARK.match(n) is not None for n in map(_norm, texts)
    )


def order_columns(
    columns: Sequence[Sequence[_T]], text: Callable[[_T], str], *, header: bool
) -> list[_T]:
    """The reading order of one row of a two-column table, given its columns left to right.

    A header row: the left column down to its ``Số`` line, the middle columns, the right
    column down to its place-date line, then the rest of the left column and of the right
    (so the issuer comes before the Quốc hiệu and ``Số:`` before the place-date, as in
    Điều 8 of NĐ 30). Any other row: the columns one after the other.
    """
    if not columns:
        return []
    if not header or len(columns) == 1:
        return [item for col in columns for item in col]
    left, right = columns[0], columns[-1]
    middle = [item for col in columns[1:-1] for item in col]
    i = _first(left, text, _SO_LINE)
    j = _first(right, text, _PLACE_DATE, search=True)
    if i <= 0 or j < 0:
        return [*left, *middle, *right]
    return [*left[:i], *middle, *right[:j], *left[i:], *right[j:]]


def _text(block: Block) -> str:
    return block.text


def _table_order(blocks: list[Block], index: int) -> list[Block]:
    rows = _cells(blocks)
    if all(b.location.kind == "line" for b in blocks):
        # A PDF region: its rows are printed lines, its columns are the table's (a cell
        # spans many lines), so the region is read as one row.
        merged: dict[int, list[Block]] = {}
        for row in sorted(rows):
            for col, cell in rows[row].items():
                merged.setdefault(col, []).extend(cell)
        rows = {0: merged}
    texts = [b.text for b in blocks]
    header = index == 0 or is_header(texts)
    if not header and is_closing(texts):
        by_column: dict[int, list[Block]] = {}
        for row in sorted(rows):
            for col in sorted(rows[row]):
                by_column.setdefault(col, []).extend(rows[row][col])
        return order_columns([by_column[c] for c in sorted(by_column)], _text, header=False)
    out: list[Block] = []
    for row in sorted(rows):
        columns = [
            rows[row][c] for c in sorted(rows[row]) if any(b.text.strip() for b in rows[row][c])
        ]
        out += order_columns(columns, _text, header=header)
    return out


def compose(layout: Layout) -> FileText:
    """The text of ``layout`` in reading order (see the module's description)."""
    placed: list[Block] = []
    breaks: set[int] = set()  # indices of placed blocks after which an empty line goes
    body = [b for b in layout.blocks if b.location.kind not in ("header", "footer")]
    furniture = [b for b in layout.blocks if b.location.kind in ("header", "footer")]
    seen_tables = 0
    for table, run in _tables(body):
        if table is None:
            placed += run
            continue
        placed += _table_order(run, seen_tables)
        seen_tables += 1
        breaks.add(len(placed) - 1)
    if furniture:
        breaks.add(len(placed) - 1)
        placed += furniture
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for k, block in enumerate(placed):
        starts.append(pos)
        parts.append(block.text)
        sep = "\n\n" if k in breaks else "\n"
        parts.append(sep)
        pos += len(block.text) + len(sep)
    text = "".join(parts[:-1]) if parts else ""
    return FileText(text, tuple(placed), tuple(starts), layout)


def split_documents(layout: Layout) -> list[Layout]:
    """The documents of one file (a letter with an attached opinion form and a draft
    decision; three letters in one PDF): a new document starts at a table (or PDF region)
    holding the Quốc hiệu, or the Party's ``ĐẢNG CỘNG SẢN VIỆT NAM``, or at a paragraph
    starting with it, that comes after the Nơi nhận of the one before.

    >>> from vnadmin.reader.model import Block
    >>> one = [Block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), Block("Nơi nhận:"), Block("- Lưu: VT.")]
    >>> [len(x.blocks) for x in split_documents(Layout(blocks=tuple(one * 2)))]
    [3, 3]
    """
    if len(layout.blocks) == 1 and layout.format in ("text", "doc"):
        return _split_text(layout)
    cuts = [0]
    closed = False
    index = 0
    for table, run in _tables(layout.blocks):
        texts = [_norm(b.text) for b in run]
        if table is not None:
            if closed and any(_NATIONAL.search(t) is not None for t in texts):
                cuts.append(index)
                closed = False
            closed = closed or any(_NOI_NHAN.match(t) is not None for t in texts)
        else:
            for k, t in enumerate(texts):
                if closed and _NATIONAL.match(t) is not None:
                    cuts.append(index + k)
                    closed = False
                closed = closed or _NOI_NHAN.match(t) is not None
        index += len(run)
    if len(cuts) == 1:
        return [layout]
    cuts.append(len(layout.blocks))
    return [
        attrs.evolve(layout, blocks=layout.blocks[a:b])
        for a, b in itertools.pairwise(cuts)
        if b > a
    ]


_LINE_NOI_NHAN = re.compile(r"^[ \t|]*(?:Nơi|NƠI)[ \t]*(?:nhận|NHẬN)", re.MULTILINE)
_LINE_NATIONAL = re.compile(
    r"^[ \t|]*(?:C[ỘO]NG[ \t]*H[ÒO]A[ \t]*X[ÃA][ \t]*H[ỘO]I|ĐẢNG[ \t]*CỘNG[ \t]*SẢN|"
    r"[^\n|]{0,80}\|[ \t]*C[ỘO]NG[ \t]*H[ÒO]A[ \t]*X[ÃA][ \t]*H[ỘO]I)",
    re.MULTILINE,
)


def _split_text(layout: Layout) -> list[Layout]:
    """The documents of a layout that is one text (a text file, a ``.doc`` read with
    antiword): cut at the start of a line (or of the table drawn in text) that holds a Quốc
    hiệu after a Nơi nhận line."""
    (block,) = layout.blocks
    text = _norm(block.text)
    if len(text) != len(block.text):
        return [layout]  # (cut positions are read on the text as it is)
    cuts = [0]
    pos = 0
    while True:
        nn = _LINE_NOI_NHAN.search(text, pos)
        if nn is None:
            break
        nat = _LINE_NATIONAL.search(text, nn.end())
        if nat is None:
            break
        cut = nat.start()
        # (the table drawn with "|" that holds it starts at its first "|" line)
        while cut > 0:
            prev = text.rfind("\n", 0, cut - 1) + 1
            if text[prev:cut].lstrip().startswith("|") and text[cut:].lstrip().startswith("|"):
                cut = prev
            else:
                break
        cuts.append(cut)
        pos = nat.end()
    if len(cuts) == 1:
        return [layout]
    cuts.append(len(block.text))
    return [
        attrs.evolve(layout, blocks=(attrs.evolve(block, text=block.text[a:b]),))
        for a, b in itertools.pairwise(cuts)
        if block.text[a:b].strip()
    ]
