"""Lay a generated document out as the tools that flatten real files do (for the tests).

A :class:`vnadmin.strategies.DocumentDraft` knows its two-column header and closing; these
functions draw them side by side the way ``antiword`` (``|`` borders), python-docx-style
extractions (a row's cells joined by a TAB) and ``pdftotext -layout`` (runs of spaces)
do, and as a :class:`~vnadmin.reader.model.Layout` of Word table cells.
"""

from __future__ import annotations

from itertools import zip_longest

from vnadmin.reader.model import Block, Layout, Location
from vnadmin.strategies import DocumentDraft

STYLES = ("pipe", "tab", "spaces")


def _pipe(left: list[str], right: list[str]) -> list[str]:
    wl = max(map(len, left), default=0) + 4
    wr = max(map(len, right), default=0) + 4
    return [f"|{a:<{wl}}|{b:<{wr}}|" for a, b in zip_longest(left, right, fillvalue="")]


def _spaces(left: list[str], right: list[str], indent: int = 4) -> list[str]:
    at = max(40, max(map(len, left), default=0) + indent + 6)  # the page's centre
    out = []
    for a, b in zip_longest(left, right, fillvalue=""):
        line = " " * indent + a if a else ""
        if b:
            line = f"{line:<{at}}{b}"
        out.append(line.rstrip())
    return out


def _tab(rows: list[tuple[list[str], list[str]]]) -> list[str]:
    return ["\n".join(a) + "\t" + "\n".join(b) for a, b in rows]


def side_by_side(draft: DocumentDraft, style: str) -> str:
    """The draft's text with its header and closing drawn in two columns."""
    (hl, hr), (cl, cr) = draft.header(), draft.closing()
    n = len(hl) - 1  # the issuer's lines; then "Số:"
    if style == "pipe":
        head, close = _pipe(hl, hr), _pipe(cl, cr)
    elif style == "spaces":
        head, close = _spaces(hl, hr), _spaces(cl, cr)
    else:  # a 2x2 header (issuer | Quốc hiệu, Số | place-date) and a 1x2 closing
        head = _tab([(hl[:n], hr[:2]), (hl[n:], hr[2:])])
        close = _tab([(cl, cr)])
    return "\n".join(["", *head, "", *draft.body(), "", *close, ""])


def as_layout(draft: DocumentDraft, *, table_shape: str = "2x2") -> Layout:
    """The draft as Word would hold it: a header table, body paragraphs, a closing table."""
    (hl, hr), (cl, cr) = draft.header(), draft.closing()
    n = len(hl) - 1
    blocks: list[Block] = []
    para = 0

    def cell(text: str, table: int, row: int, column: int) -> None:
        nonlocal para
        blocks.append(
            Block(text, Location("cell", paragraph=para, table=table, row=row, column=column))
        )
        para += 1

    if table_shape == "2x2":
        for r, (left, right) in enumerate(((hl[:n], hr[:2]), (hl[n:], hr[2:]))):
            for t in left:
                cell(t, 0, r, 0)
            for t in right:
                cell(t, 0, r, 1)
    else:  # 1x2: every line of a column in one cell
        for t in hl:
            cell(t, 0, 0, 0)
        for t in hr:
            cell(t, 0, 0, 1)
    for line in "\n".join(draft.body()).split("\n"):
        blocks.append(Block(line, Location("paragraph", paragraph=para)))
        para += 1
    for t in cl:
        cell(t, 1, 0, 0)
    for t in cr:
        cell(t, 1, 0, 1)
    return Layout(blocks=tuple(blocks), format="docx")
