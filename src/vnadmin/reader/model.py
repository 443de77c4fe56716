"""The layout model between a file and the parser: blocks, where they sit, and the file.

A reader (:mod:`vnadmin.reader.docx`, :mod:`~vnadmin.reader.pdf`, :mod:`~vnadmin.reader.doc`,
:mod:`~vnadmin.reader.plain`) turns a file into a :class:`Layout`: the file's text as
:class:`Block` values in reading order, each with the :class:`Location` it came from.
NĐ 30/2020/NĐ-CP lays the header and the closing of a document out as two side-by-side
columns (Phụ lục I, II: ô 1–4 above, ô 7–9 below); a block knows which table, row and
column it sits in, so :func:`vnadmin.reader.compose.compose` can read each column whole
instead of interleaving them.

>>> loc = Location(kind="cell", paragraph=3, table=0, row=0, column=1)
>>> loc.describe()
'table 1, row 1, column 2, paragraph 4'
>>> Location(kind="line", page=2, bbox=(56.7, 80.0, 300.2, 93.5)).describe()
'page 2, x 57, y 80'
"""

from __future__ import annotations

from typing import Literal

import attrs

from vnadmin.findings import Repair

__all__ = ["Block", "BlockKind", "FileFormat", "Layout", "Location"]

#: What a block is: a body paragraph, a paragraph of a table cell, a paragraph of a text
#: box (``w:txbxContent``), of a page header or footer, or one line of a PDF page.
BlockKind = Literal["paragraph", "cell", "textbox", "header", "footer", "line"]

#: The format a layout was read from (detected from the content, never from the name).
FileFormat = Literal["docx", "pdf", "doc", "text"]


def _bbox(
    value: tuple[float, float, float, float] | None,
) -> tuple[float, float, float, float] | None:
    return None if value is None else tuple(float(x) for x in value)  # type: ignore[return-value]


@attrs.frozen
class Location:
    """Where a block sits in its file, so that a tool can highlight a field.

    Attributes:
        kind: see :data:`BlockKind`.
        paragraph: 0-based index of the paragraph in the file's body order (Word: every
            ``w:p`` of the body, of its tables and its text boxes, in document order).
        table: 0-based index of the table in the body (Word ``w:tbl``; for a PDF the
            two-column region the reader recognised), ``None`` outside tables.
        row, column: 0-based cell coordinates in that table.
        page: 1-based page number (PDF; ``None`` for Word files, which carry no pages).
        bbox: ``(x0, top, x1, bottom)`` in PDF points from the page's top-left corner.
    """

    kind: BlockKind = "paragraph"
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = attrs.field(default=None, converter=_bbox)

    def describe(self) -> str:
        """A place a person can find: ``'table 1, row 1, column 2, paragraph 4'``,
        ``'page 2, x 57, y 80'`` (1-based, as Word and PDF viewers count)."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.kind in ("textbox", "header", "footer"):
            parts.append({"textbox": "text box", "header": "page header"}.get(self.kind, "footer"))
        if self.table is not None:
            parts.append(f"table {self.table + 1}")
            if self.row is not None:
                parts.append(f"row {self.row + 1}")
            if self.column is not None:
                parts.append(f"column {self.column + 1}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph + 1}")
        if self.bbox is not None:
            parts.append(f"x {round(self.bbox[0])}, y {round(self.bbox[1])}")
        return ", ".join(parts)


@attrs.frozen
class Block:
    """One paragraph (Word: a ``w:p``; a ``<w:br/>`` inside it is ``"\\n"``) or one line
    of a PDF page (a line that holds both columns is two blocks).

    Attributes:
        text: the block's text, as the file holds it (converted to Unicode when the file
            uses a legacy encoding; not otherwise normalised).
        location: where it sits.
        font: the font name of its first run that has text, when the file says
            (informative only: legacy font names survive on Unicode text, so text is
            never decoded by font name).
        size: that run's font size in points, when known.
        bold, italic: that run's weight and slant, when known.
    """

    text: str
    location: Location = Location()
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None


@attrs.frozen
class Layout:
    """A file read as blocks.

    Attributes:
        blocks: every block in reading order (Word: body order, a table row by row and a
            row cell by cell; PDF: page by page, top to bottom, a two-column region's
            lines with ``table``/``row``/``column`` set).
        format: what the file was (see :data:`FileFormat`).
        encoding: the text encoding that was decoded (``"utf-8"``, ``"cp1258"``,
            ``"tcvn3"``, ``"vni"`` …), ``None`` for formats that carry Unicode.
        repairs: conversions made while reading (a legacy encoding converted to Unicode,
            a text box read from ``mc:Choice`` …), spans into the joined text of the
            blocks they occurred in (see :attr:`Repair.span`).
        signers: the names in the file's digital signatures (PDF signature fields), in
            order; a signer's name sometimes exists only there.
        pages: the number of pages (PDF), else ``None``.
        notes: what the reader noticed that a caller may want to know (``"no text
            layer"``, ``"converted with antiword"`` …).
        source: the file's bytes, kept for a ``.docx`` so that its formatting can be
            checked (:mod:`vnadmin.formatting`); not part of equality or the repr.
    """

    blocks: tuple[Block, ...] = ()
    format: FileFormat = "text"
    encoding: str | None = None
    repairs: tuple[Repair, ...] = ()
    signers: tuple[str, ...] = ()
    pages: int | None = None
    notes: tuple[str, ...] = ()
    source: bytes | None = attrs.field(default=None, eq=False, repr=False, metadata={"json": False})
