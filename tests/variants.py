"""Text variants of the corpus files in ``tests/data/files/``: the forms in which users get the
text of one real document (a Word dump, antiword, pdftotext -layout, a portal's print view).

Every function builds its text from the file itself, deterministically and offline; the
score script (``scripts/score_files.py``) parses each variant and scores it against
``expected.json``, so a reader or parser change can be measured on every form at once.

* :func:`tab_joined` — python-docx body order: paragraphs, and for tables each row's
  cells joined by TAB (a cell's own lines by ``\\n``), rows by ``\\n``.
* :func:`column_order` — the same, but the header and closing tables read column by
  column (column 0 top-down, then column 1), the order of the reader's composer.
* :func:`antiword_text` — ``antiword -w 0`` for ``.doc``; for ``.docx`` an antiword-like
  rendering (tables drawn with ``|`` borders, cells padded, one line per cell line).
* :func:`pdftotext_layout` — pdfplumber ``extract_text(layout=True)`` (pdftotext
  ``-layout``-like: columns separated by runs of spaces).
* :func:`pdf_text` — pdfplumber ``extract_text()`` of each page, joined.
* :func:`portal_view` — a portal print view of a text: the header run into one line (or
  dropped), a sentence-case title line on top, page furniture added at top and bottom.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "antiword_text",
    "column_order",
    "docx_antiword_like",
    "fallback_text",
    "pdf_text",
    "pdftotext_layout",
    "portal_view",
    "tab_joined",
]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P = f"{{{_W}}}p"
_TBL = f"{{{_W}}}tbl"
_TR = f"{{{_W}}}tr"
_TC = f"{{{_W}}}tc"
_SDT = f"{{{_W}}}sdt"
_SDT_CONTENT = f"{{{_W}}}sdtContent"
_TXBX = f"{{{_W}}}txbxContent"
_FALLBACK = f"{{{_MC}}}Fallback"


# --- Word (.docx) ---------------------------------------------------------------------------


def _paragraph_text(p: Any) -> str:
    """A ``w:p``'s text as python-docx gives it (``w:br`` → ``\\n``, ``w:tab`` → TAB)."""
    from docx.text.paragraph import Paragraph

    return str(Paragraph(p, None).text)  # type: ignore[arg-type]  # (no story part needed)


def _textbox_paragraphs(p: Any) -> Iterator[Any]:
    """The paragraphs of the text boxes anchored in ``p`` (``mc:Choice`` only: the
    ``mc:Fallback`` VML copy of the same shape is skipped)."""
    for box in p.iter(_TXBX):
        node = box.getparent()
        fallback = False
        while node is not None and node is not p:
            if node.tag == _FALLBACK:
                fallback = True
                break
            node = node.getparent()
        if not fallback:
            yield from box.iter(_P)


def _paragraph_lines(p: Any, textboxes: bool) -> list[str]:
    """A paragraph's text, then (when ``textboxes``) its text boxes' paragraphs."""
    lines = [_paragraph_text(p)]
    if textboxes:
        lines.extend(_paragraph_text(q) for q in _textbox_paragraphs(p))
    return lines


def _children(el: Any) -> Iterator[Any]:
    """Body-level children of ``el``, content controls (``w:sdt``) opened."""
    for child in el.iterchildren():
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content)
        else:
            yield child


def _cell_lines(tc: Any, textboxes: bool) -> list[str]:
    """A cell's lines: its paragraphs, nested tables flattened (each nested row's cells
    joined by TAB)."""
    lines: list[str] = []
    for child in _children(tc):
        if child.tag == _P:
            lines.extend(_paragraph_lines(child, textboxes))
        elif child.tag == _TBL:
            for rows in _table_rows(child, textboxes):
                lines.append("\t".join("\n".join(c) for c in rows))
    return lines


def _table_rows(tbl: Any, textboxes: bool) -> list[list[list[str]]]:
    """Rows → cells → lines of a ``w:tbl`` (the row's own ``w:tc``: a merged cell once)."""
    rows: list[list[list[str]]] = []
    for tr in _children(tbl):
        if tr.tag != _TR:
            continue
        rows.append([_cell_lines(tc, textboxes) for tc in _children(tr) if tc.tag == _TC])
    return rows


def _docx_body(path: str | Path) -> Any:
    from docx import Document as open_docx

    return open_docx(str(path)).element.body


def tab_joined(docx_path: str | Path, *, textboxes: bool = True) -> str:
    """The text of a ``.docx`` in body order: each paragraph a line (its ``<w:br/>`` breaks
    as ``\\n``), each table row a line of its cells' texts joined by TAB (a cell's
    paragraphs joined by ``\\n``). Text-box paragraphs (``mc:Choice`` copy) follow the
    paragraph they are anchored in, unless ``textboxes`` is false."""
    out: list[str] = []
    for child in _children(_docx_body(docx_path)):
        if child.tag == _P:
            out.extend(_paragraph_lines(child, textboxes))
        elif child.tag == _TBL:
            for cells in _table_rows(child, textboxes):
                out.append("\t".join("\n".join(c) for c in cells))
    return "\n".join(out) + "\n"


def _column_lines(rows: list[list[list[str]]]) -> list[str]:
    """A table read column by column: every row's cell 0 top-down, then every cell 1 …
    (empty cells and spacer columns give nothing)."""
    ncols = max((len(r) for r in rows), default=0)
    out: list[str] = []
    for col in range(ncols):
        for r in rows:
            if col < len(r):
                out.extend(r[col])
    return out


def column_order(docx_path: str | Path, *, textboxes: bool = True) -> str:
    """Like :func:`tab_joined`, but the header table (the first table of the body) and each
    closing table (a table holding ``Nơi nhận``) are read column by column — column 0
    top-down, then column 1 — as the reader's composer lays out NĐ 30's two-column
    header (issuer, Số, V/v | Quốc hiệu, motto, place-date) and closing (Nơi nhận |
    signature). Other tables keep one line per row, cells joined by TAB."""
    out: list[str] = []
    first = True
    for child in _children(_docx_body(docx_path)):
        if child.tag == _P:
            out.extend(_paragraph_lines(child, textboxes))
        elif child.tag == _TBL:
            rows = _table_rows(child, textboxes)
            closing = any("Nơi nhận" in line for r in rows for c in r for line in c)
            if first or closing:
                out.extend(_column_lines(rows))
            else:
                out.extend("\t".join("\n".join(c) for c in cells) for cells in rows)
            first = False
    return "\n".join(out) + "\n"


_INDENT = "      "


def _first_line_indented(p: Any) -> bool:
    ind = p.find(f"{{{_W}}}pPr/{{{_W}}}ind")
    if ind is None:
        return False
    first = ind.get(f"{{{_W}}}firstLine") or "0"
    try:
        return int(float(first)) > 0
    except ValueError:
        return False


def _antiword_table(rows: list[list[list[str]]]) -> list[str]:
    """Rows drawn as antiword draws them: ``|cell|cell|``, each cell padded to its column's
    width, a row as tall as its tallest cell (tabs inside a cell become spaces)."""
    ncols = max((len(r) for r in rows), default=0)
    widths = [10] * ncols
    flat: list[list[list[str]]] = []
    for r in rows:
        cells = []
        for c in r:
            lines: list[str] = []
            for line in c:
                lines.extend(x.replace("\t", " ") for x in line.split("\n"))
            cells.append(lines)
        cells += [[] for _ in range(ncols - len(cells))]
        flat.append(cells)
        for i, c in enumerate(cells):
            widths[i] = max(widths[i], *(len(x) + 2 for x in c)) if c else widths[i]
    out = []
    for cells in flat:
        height = max((len(c) for c in cells), default=0) or 1
        for k in range(height):
            parts = [(c[k] if k < len(c) else "").ljust(widths[i]) for i, c in enumerate(cells)]
            out.append("|" + "|".join(parts) + "|")
    return out


def docx_antiword_like(docx_path: str | Path) -> str:
    """A ``.docx`` rendered the way ``antiword -w 0`` renders a ``.doc``: a paragraph per
    line (``<w:br/>`` breaks as new lines) followed by a blank line, a first-line indent as
    six spaces, tables drawn with ``|`` borders and padded cells, a blank line around each
    table. (Text boxes are left out, as antiword leaves them out.)"""
    out: list[str] = [""]
    for child in _children(_docx_body(docx_path)):
        if child.tag == _P:
            text = _paragraph_text(child)
            if text.strip():
                indent = _INDENT if _first_line_indented(child) else ""
                out.extend((indent + text.replace("\t", " ")).split("\n"))
            out.append("")
        elif child.tag == _TBL:
            out.append("")
            out.extend(_antiword_table(_table_rows(child, textboxes=False)))
            out.append("")
    return "\n".join(out) + "\n"


# --- Word 97 (.doc) -------------------------------------------------------------------------


def antiword_text(path: str | Path) -> str:
    """``antiword -w 0 -m UTF-8.txt`` of a ``.doc``; for a ``.docx``,
    :func:`docx_antiword_like`. Raises ``RuntimeError`` when antiword fails."""
    p = Path(path)
    if p.suffix.lower() == ".docx":
        return docx_antiword_like(p)
    res = subprocess.run(
        ["antiword", "-w", "0", "-m", "UTF-8.txt", str(p)],
        capture_output=True,
        check=False,
        timeout=60,
    )
    if res.returncode != 0:
        raise RuntimeError(f"antiword failed on {p.name}: {res.stderr.decode(errors='replace')}")
    return res.stdout.decode("utf-8", errors="replace")


# --- PDF ------------------------------------------------------------------------------------


def _pdf_pages(path: str | Path, layout: bool) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = [(page.extract_text(layout=layout) or "") for page in pdf.pages]
    if layout:
        pages = ["\n".join(line.rstrip() for line in pg.split("\n")) for pg in pages]
    return "\n".join(pages) + "\n"


def pdf_text(pdf_path: str | Path) -> str:
    """pdfplumber ``page.extract_text()`` of each page, joined by ``\\n``."""
    return _pdf_pages(pdf_path, layout=False)


def pdftotext_layout(pdf_path: str | Path) -> str:
    """pdfplumber ``extract_text(layout=True)`` of each page (trailing blanks of each line
    dropped), joined by ``\\n``: like ``pdftotext -layout``, the columns of one line are
    separated by runs of spaces."""
    return _pdf_pages(pdf_path, layout=True)


def fallback_text(path: str | Path) -> str:
    """The development text of a corpus file until the real reader lands: .docx →
    :func:`tab_joined`, .pdf → :func:`pdf_text`, .doc → :func:`antiword_text`."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        return tab_joined(path)
    if suffix == ".pdf":
        return pdf_text(path)
    if suffix == ".doc":
        return antiword_text(path)
    raise ValueError(f"not a corpus file format: {path}")


# --- portal print view ----------------------------------------------------------------------

_PLACE_DATE = re.compile(r",\s*ngày\b.{0,20}?\bnăm\s+\d{4}")
_SO_LINE = re.compile(r"(?:^|[\s|])Số\b")
_HEADER_LINES = 25
_VV = re.compile(r"^\s*V/v[:.]?\s*")
_VV_ANY = re.compile(r"[“\"]?V/v[:.]?\s+")


# Lines that start the body, not a trích yếu (a Giấy mời prints none: its body follows).
_BODY_START = re.compile(
    r"(?:Kính gửi|Căn cứ|Thực hiện|Theo|Xét|Nhằm|Để|Hiện nay|Ngày|Vào|Sau|Trên cơ sở|Điều"
    r"|Phần|Chương|Mục|[0-9]+[.)]|[IVX]+[.-]|[-+•])(?!\w)"
)


def _is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _type_names() -> dict[str, str]:
    from vnadmin.registry import default_registry

    return {n.upper(): n for n in default_registry.type_names("Công văn")}


def _clean(line: str) -> str:
    """A line with table borders and runs of blanks collapsed to one space."""
    return " ".join(line.replace("|", " ").split())


def _header_end(lines: list[str]) -> int:
    """Index after the last header line: the later of the ``Số`` and the place-date line
    among the first lines (0 when neither is found)."""
    end = 0
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if _PLACE_DATE.search(line) or _SO_LINE.search(line):
            end = i + 1
    return end


def _title(lines: list[str], start: int) -> tuple[str | None, int, int]:
    """The type line in capitals after ``start`` and the trích yếu under it: the
    sentence-case title, and where the type line and the trích yếu end."""
    names = _type_names()
    for i in range(start, min(len(lines), start + 40)):
        key = _clean(lines[i])
        if key in names:
            summary: list[str] = []
            j = i + 1
            while j < len(lines) and not lines[j].strip() and j < i + 3:
                j += 1
            while j < len(lines) and lines[j].strip() and len(summary) < 4:
                text = _clean(lines[j])
                if _BODY_START.match(text) or not text.strip("-_*=. "):
                    break
                if summary and _is_caps_line(text):
                    break  # (the next heading: the signer's title of a Quyết định …)
                summary.append(text)
                j += 1
                if text.endswith((".", ":", ";")) or _is_caps_line(text):
                    break
            if summary and summary[-1].endswith((":", ";")):
                summary = []  # (body text, not a trích yếu)
            body = " ".join(summary)
            body = _VV.sub("về việc ", body) if _VV.match(body) else body
            if _is_caps_line(body):
                body = body.lower()
            elif body and body[:1].isupper() and not body[:2].isupper():
                body = body[0].lower() + body[1:]
            return (f"{names[key]} {body}".strip(), i, j)
    for i in range(min(len(lines), start + 6)):
        m = _VV_ANY.search(lines[i])
        if m is not None:  # a công văn: no type line, the V/v under the number
            body = re.split(r"\s{2,}|\t|\|", lines[i][m.end() :])[0].strip()
            return (f"Công văn về việc {body}", i, i + 1)
    return None, start, start


def portal_view(text: str, *, header: str = "run") -> str:
    """``text`` as a web portal prints it: page furniture lines (``Cập nhật: …``,
    ``Lượt xem: …``) at the top, a sentence-case title line (the type word, then the trích
    yếu: ``Giấy mời họp …``, ``Quyết định thành lập …``, ``Công văn về việc …``), the
    header run into one line (``header="run"``) or dropped (``header="drop"``), the rest of
    the text as it is, and ``Đang trực tuyến: …`` / ``Lượt xem`` furniture at the bottom.
    Table borders (``|``) and TABs of the header are read as blanks. The numbers of the
    furniture are derived from the text (deterministic)."""
    if header not in ("run", "drop"):
        raise ValueError("header must be 'run' or 'drop'")
    text = unicodedata.normalize("NFC", text)
    lines = text.replace("\t", "  ").split("\n")
    # (a header line of a TAB-joined text can hold several cell lines)
    while lines and not lines[0].strip():
        lines.pop(0)
    end = _header_end(lines)
    title, _, _ = _title(lines, end)
    seed = zlib.crc32(text.encode("utf-8"))
    day, month, hour, minute = 1 + seed % 28, 1 + (seed >> 5) % 12, (seed >> 9) % 24, seed % 60
    top = [
        f"Cập nhật: {day:02d}/{month:02d}/2026 {hour:02d}:{minute:02d}",
        f"Lượt xem: {100 + seed % 900}",
        "",
    ]
    if title:
        top += [title, ""]
    head = " ".join(_clean(x) for x in lines[:end] if _clean(x))
    if header == "run" and head:
        top += [head, ""]
    bottom = ["", f"Đang trực tuyến: {10 + (seed >> 3) % 400}", "Tổng lượt truy cập: 1.234.567"]
    return "\n".join([*top, *lines[end:], *bottom]) + "\n"


#: Each variant by the name ``scripts/score_files.py --variant`` gives it.
VARIANTS = {
    "tab": tab_joined,
    "columns": column_order,
    "antiword": antiword_text,
    "layout": pdftotext_layout,
}
