"""Thể thức checks of ``.docx`` files against NĐ 30/2020/NĐ-CP, Phụ lục I (rule family ``F``).

* :mod:`vnadmin.formatting.model`: Phụ lục I's table as data (:func:`specs`,
  :func:`measures`, :func:`fonts`) and the formatting read from a file;
* :mod:`vnadmin.formatting.docx`: :func:`read_format`, the effective run and paragraph
  properties (direct formatting over the style chain) and the page setup of a ``.docx``;
* :mod:`vnadmin.formatting.rules`: :func:`check_format`, the F rules.

:func:`vnadmin.lint` runs them on a document read from a ``.docx``;
:func:`location_label` names where a finding sits: ``'paragraph 12 «Kính gửi: Sở Nội vụ»'``.
"""

from __future__ import annotations

from vnadmin.document import Document
from vnadmin.findings import Finding
from vnadmin.formatting.model import (
    DocxFormat,
    Measure,
    ParagraphFormat,
    RunFormat,
    SectionFormat,
    Spec,
    fonts,
    measure,
    measures,
    spec,
    specs,
)

__all__ = [
    "DocxFormat",
    "Measure",
    "ParagraphFormat",
    "RunFormat",
    "SectionFormat",
    "Spec",
    "check_format",
    "fonts",
    "location_label",
    "measure",
    "measures",
    "read_format",
    "spec",
    "specs",
]


def __getattr__(name: str) -> object:
    # (the readers need python-docx: imported on first use, never by ``import vnadmin``)
    if name == "check_format":
        from vnadmin.formatting.rules import check_format

        return check_format
    if name == "read_format":
        from vnadmin.formatting.docx import read_format

        return read_format
    raise AttributeError(name)


def location_label(
    document: Document, finding: Finding | tuple[int, int] | None, *, words: int = 6
) -> str | None:
    """Where a finding (or a span) sits in the file a document was read from, for a
    person: ``'paragraph 12 «Kính gửi: Sở Nội vụ»'`` (1-based, as Word counts; a table
    cell, text box or page header is named: ``'table 1, row 1, column 2, paragraph 4
    «SỞ NỘI VỤ»'``), the paragraph's first ``words`` words quoted. ``None`` without a
    span, or for a document parsed from text.

    >>> from vnadmin.reader.compose import compose
    >>> from vnadmin.reader.model import Block, Layout, Location
    >>> import attrs, vnadmin
    >>> blocks = (Block("Kính gửi: Sở Nội vụ tỉnh Lâm Đồng.", Location(paragraph=11)),)
    >>> doc = attrs.evolve(vnadmin.parse_document(blocks[0].text), file=compose(Layout(blocks)))
    >>> location_label(doc, (0, 8))
    'paragraph 12 «Kính gửi: Sở Nội vụ tỉnh…»'
    """
    span = finding.span if isinstance(finding, Finding) else finding
    if span is None or document.file is None:
        return None
    block = document.file.block_at(span[0])
    if block is None:
        return None
    where = block.location.describe()
    parts = block.text.split()
    if not parts:
        return where
    quoted = " ".join(parts[:words]) + ("…" if len(parts) > words else "")
    return f"{where} «{quoted}»"
