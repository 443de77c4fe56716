"""Read a Word ``.docx`` file into a :class:`~vnadmin.reader.model.Layout`.

python-docx (the ``docx`` extra) opens the package; the body XML is then walked directly
(lxml elements, not python-docx proxies) in document order:

* every ``w:p`` of the body is a block of kind ``"paragraph"``; every paragraph of a
  top-level ``w:tbl`` is a block of kind ``"cell"`` with ``table`` (top-level tables
  counted in body order), ``row`` (``w:tr`` index) and ``column``. The column is the
  **index of the cell in its row** (the ``w:tc`` ordinal), not the grid column: a cell
  spanning two grid columns (``w:gridSpan``) is still one column, so a 2×2 header whose
  rows split the grid differently keeps columns 0 and 1 in both rows, and a 1×3 header
  with a spacer column gives 0, 1, 2. A vertically merged continuation cell
  (``w:vMerge`` without ``restart``, or legacy ``w:hMerge``) yields no block when it is
  empty (it only holds Word's placeholder paragraph). Nested tables are flattened into
  the enclosing cell (same table/row/column). Floating tables (``w:tblpPr``) are
  ordinary tables. Content controls (``w:sdt``), ``w:customXml`` and tracked insertions
  are read in place.
* the text of a paragraph joins the ``w:t`` of its runs, including runs inside
  ``w:hyperlink``, ``w:ins``, ``w:moveTo``, ``w:smartTag``, ``w:fldSimple``, inline
  ``w:sdt``; deleted text (``w:del``, ``w:moveFrom``, ``w:delText``) and field
  instructions (``w:instrText``) are skipped. ``w:br`` (of any type, page breaks
  included) and ``w:cr`` are ``"\\n"``, ``w:tab``/``w:ptab`` ``"\\t"``,
  ``w:noBreakHyphen`` ``"-"``, ``w:softHyphen`` nothing, ``w:sym`` its character
  (a symbol-font code ``F0xx`` read as ``xx``). Math (``m:t``) is read as plain text.
* ``mc:AlternateContent``: only the first non-empty ``mc:Choice`` is read, the
  ``mc:Fallback`` only when no choice has content (Word stores every shape twice, as a
  DrawingML choice and a VML fallback; reading both duplicates a text box's text).
* text boxes (``w:txbxContent``) found in a paragraph's runs become blocks of kind
  ``"textbox"`` right after the paragraph that anchors them (whose own text excludes
  them); they take the anchor's table/row/column, so a text box anchored in a header
  cell is read with that cell's column. Empty text boxes (tick boxes) give no block.
* page headers and footers (the parts referenced by the sections, each part once) follow
  the body: kind ``"header"``, then ``"footer"`` (their tables and text boxes
  flattened, no table coordinates). Footnotes, endnotes and comments are not read (a
  note says so when the body references footnotes).
* ``font``/``size``/``bold``/``italic`` come from the first run with text: its direct
  formatting, else its character style chain, else the paragraph's style chain
  (``w:basedOn``), else ``w:docDefaults`` (cached per style); bold and italic are
  ``False`` when nothing sets them. A font name is the theme's (``w:asciiTheme``: the
  theme part's major/minor Latin typeface), else ``w:ascii``, else ``w:hAnsi``.

Before python-docx sees the bytes the zip is checked: it must open (else ``"corrupt"``)
and hold ``word/document.xml`` (else ``"unsupported"``); no member may be encrypted
(``"encrypted"``); the declared uncompressed total must stay within
:data:`MAX_UNCOMPRESSED`, members larger than 1 MiB within a compression ratio of
:data:`MAX_RATIO`, and the package within :data:`MAX_MEMBERS` members (else
``"too_large"``: a zip bomb; zipfile never inflates a member past its declared size).
XML is parsed by python-docx with ``resolve_entities=False`` (no external entity, no
DTD is loaded). Whatever python-docx, lxml or zipfile raise becomes a
:class:`~vnadmin.reader.ReadError` with reason ``"corrupt"``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import attrs

from vnadmin._extras import require
from vnadmin.errors import VnAdminError
from vnadmin.reader.model import Block, BlockKind, Layout, Location

__all__ = ["MAX_MEMBERS", "MAX_RATIO", "MAX_UNCOMPRESSED", "read_docx"]

#: Largest declared uncompressed size of all members together (bytes).
MAX_UNCOMPRESSED = 200_000_000
#: Largest compression ratio of a member larger than :data:`_RATIO_FLOOR` bytes.
MAX_RATIO = 200
#: Most members a package may hold.
MAX_MEMBERS = 10_000
_RATIO_FLOOR = 1 << 20

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

_P = _W + "p"
_RUN = _W + "r"
_T = _W + "t"
_TBL = _W + "tbl"
_TR = _W + "tr"
_TC = _W + "tc"
_SDT = _W + "sdt"
_SDT_CONTENT = _W + "sdtContent"
_CUSTOM_XML = _W + "customXml"
_INS = _W + "ins"
_DEL = _W + "del"
_MOVE_TO = _W + "moveTo"
_MOVE_FROM = _W + "moveFrom"
_TXBX = _W + "txbxContent"
_AC = _MC + "AlternateContent"
_CHOICE = _MC + "Choice"
_FALLBACK = _MC + "Fallback"
_VAL = _W + "val"

#: Inline elements whose children are read as paragraph content.
_INLINE_CONTAINERS = frozenset(
    _W + name
    for name in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml", "bdo", "dir")
)
#: Block-level wrappers whose children are read as block content.
_BLOCK_CONTAINERS = frozenset((_CUSTOM_XML, _INS, _MOVE_TO))
#: Tracked deletions (skipped).
_GONE = frozenset((_DEL, _MOVE_FROM))
#: Run children that hold drawings, which may hold text boxes.
_DRAWINGS = frozenset((_W + "drawing", _W + "pict", _W + "object"))
#: Run children that are plain characters.
_CHARS = {
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
}
_SYM = _W + "sym"
_MERGES = frozenset((_W + "vMerge", _W + "hMerge"))
_DEL_TEXT = _W + "delText"
_NOTE_REFS = frozenset((_W + "footnoteReference", _W + "endnoteReference"))
_MATH = frozenset((_M + "oMath", _M + "oMathPara"))
_M_T = _M + "t"
_OFF = frozenset(("0", "false", "off"))

_Props = tuple[str | None, float | None, bool | None, bool | None]
_NO_PROPS: _Props = (None, None, None, None)
#: What OOXML assumes when nothing sets a toggle property: not bold, not italic.
_OFF_PROPS: _Props = (None, None, False, False)
# (text, kind, table, row, column, props)
_Record = tuple[str, BlockKind, int | None, int | None, int | None, _Props]


def _fail(message: str, reason: str) -> VnAdminError:
    from vnadmin.reader import ReadError

    return ReadError(message, reason=reason)


def _check_zip(data: bytes) -> None:
    """The safety checks on the package before python-docx opens it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except Exception as exc:
        raise _fail(f"not a valid .docx (zip) file: {exc}", "corrupt") from None
    if len(infos) > MAX_MEMBERS:
        raise _fail(f"the package holds {len(infos):,} members (zip bomb?)", "too_large")
    if not any(info.filename == "word/document.xml" for info in infos):
        raise _fail("a zip file without word/document.xml is not a .docx", "unsupported")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _fail(f"the package member {info.filename} is encrypted", "encrypted")
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _fail(
                f"the member {info.filename} inflates {info.file_size:,} bytes from "
                f"{info.compress_size:,} (zip bomb?)",
                "too_large",
            )
    if total > MAX_UNCOMPRESSED:
        raise _fail(
            f"the package inflates to {total:,} bytes, more than {MAX_UNCOMPRESSED:,} (zip bomb?)",
            "too_large",
        )


def _on(el: Any) -> bool:
    """The value of an OOXML toggle property (``<w:b/>`` is on, ``w:val="0"`` off)."""
    val = el.get(_VAL)
    return val is None or val.lower() not in _OFF


def _rpr_props(rpr: Any, themes: dict[str, str]) -> _Props:
    """Font, size (pt), bold and italic set directly by a ``w:rPr`` (a theme font,
    ``w:asciiTheme``, is looked up in ``themes``: ``{"major": …, "minor": …}``)."""
    if rpr is None:
        return _NO_PROPS
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    for ch in rpr:
        tag = ch.tag
        if tag == _W + "rFonts":
            theme = ch.get(_W + "asciiTheme") or ch.get(_W + "hAnsiTheme")
            font = (
                (themes.get(theme[:5]) if theme else None)
                or ch.get(_W + "ascii")
                or ch.get(_W + "hAnsi")
            )
        elif tag == _W + "sz":
            try:
                size = int(ch.get(_VAL, "")) / 2
            except ValueError:
                size = None
        elif tag == _W + "b":
            bold = _on(ch)
        elif tag == _W + "i":
            italic = _on(ch)
    return (font, size, bold, italic)


def _merge(top: _Props, below: _Props) -> _Props:
    return (
        below[0] if top[0] is None else top[0],
        below[1] if top[1] is None else top[1],
        below[2] if top[2] is None else top[2],
        below[3] if top[3] is None else top[3],
    )


class _Styles:
    """Run properties of styles resolved through ``w:basedOn`` and the doc defaults."""

    def __init__(self, root: Any, themes: dict[str, str]) -> None:
        self.themes = themes
        self.own: dict[str, tuple[str | None, _Props]] = {}
        self.default_para: str | None = None
        self.defaults = _NO_PROPS
        self.resolved: dict[str | None, _Props] = {}
        self.combined: dict[tuple[str | None, str | None], _Props] = {}
        if root is None:
            return
        for el in root:
            tag = el.tag
            if tag == _W + "style":
                sid = el.get(_W + "styleId")
                if sid is None:
                    continue
                based = el.find(_W + "basedOn")
                base = None if based is None else based.get(_VAL)
                self.own[sid] = (base, _rpr_props(el.find(_W + "rPr"), themes))
                if el.get(_W + "type") == "paragraph" and el.get(_W + "default") in ("1", "true"):
                    self.default_para = sid
            elif tag == _W + "docDefaults":
                rpr = el.find(f"{_W}rPrDefault/{_W}rPr")
                self.defaults = _rpr_props(rpr, themes)

    def style(self, sid: str | None) -> _Props:
        """The properties of style ``sid`` through its ``w:basedOn`` chain."""
        if sid in self.resolved:
            return self.resolved[sid]
        chain: list[_Props] = []
        seen: set[str] = set()
        cur = sid
        while cur is not None and cur in self.own and cur not in seen:
            seen.add(cur)
            base, props = self.own[cur]
            chain.append(props)
            cur = base
        out = _NO_PROPS
        for props in reversed(chain):
            out = _merge(props, out)
        self.resolved[sid] = out
        return out

    def effective(self, pstyle: str | None, rstyle: str | None) -> _Props:
        key = (pstyle, rstyle)
        got = self.combined.get(key)
        if got is None:
            para = self.style(pstyle if pstyle is not None else self.default_para)
            got = _merge(_merge(_merge(self.style(rstyle), para), self.defaults), _OFF_PROPS)
            self.combined[key] = got
        return got


def _branch(ac: Any) -> Any:
    """The branch of an ``mc:AlternateContent`` to read: the first non-empty choice, else
    the fallback (``None`` when neither exists)."""
    fallback = None
    for ch in ac:
        tag = ch.tag
        if tag == _CHOICE:
            if len(ch):
                return ch
        elif tag == _FALLBACK:
            fallback = ch
    return fallback


class _Walker:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.records: list[_Record] = []
        self.tables = 0
        self.boxes = 0
        self.deleted = 0
        self.note_refs = 0
        self.fallbacks = 0
        self._font_run: Any = None

    # -- block level -------------------------------------------------------------------

    def blocks(
        self, container: Any, kind: BlockKind, table: int | None, row: int | None, col: int | None
    ) -> None:
        for ch in container:
            tag = ch.tag
            if tag == _P:
                self.paragraph(ch, kind, table, row, col)
            elif tag == _TBL:
                if kind == "paragraph":
                    index = self.tables
                    self.tables += 1
                    self.table(ch, "cell", index, None, None)
                else:
                    self.table(ch, kind, table, row, col)
            elif tag == _SDT:
                content = ch.find(_SDT_CONTENT)
                if content is not None:
                    self.blocks(content, kind, table, row, col)
            elif tag in _BLOCK_CONTAINERS:
                self.blocks(ch, kind, table, row, col)
            elif tag == _AC:
                branch = _branch(ch)
                if branch is not None:
                    self.blocks(branch, kind, table, row, col)
            elif tag in _GONE:
                self.deleted += 1

    def table(
        self, tbl: Any, kind: BlockKind, table: int | None, row: int | None, col: int | None
    ) -> None:
        """A top-level table (``row``/``col`` None: set them per cell) or a nested one
        (flattened into the enclosing cell's coordinates)."""
        top = row is None and kind == "cell"
        for r, tr in enumerate(_children(tbl, _TR)):
            for c, tc in enumerate(_children(tr, _TC)):
                start = len(self.records)
                if top:
                    self.blocks(tc, "cell", table, r, c)
                else:
                    self.blocks(tc, kind, table, row, col)
                if _continuation(tc) and not any(rec[0] for rec in self.records[start:]):
                    del self.records[start:]

    # -- paragraph level ---------------------------------------------------------------

    def paragraph(
        self, p: Any, kind: BlockKind, table: int | None, row: int | None, col: int | None
    ) -> None:
        out: list[str] = []
        boxes: list[Any] = []
        self._font_run = None
        self.inline(p, out, boxes)
        run = self._font_run
        props = _NO_PROPS if run is None else self.props(p, run)
        self.records.append(("".join(out), kind, table, row, col, props))
        box_kind: BlockKind = "textbox" if kind in ("paragraph", "cell") else kind
        for box in boxes:
            start = len(self.records)
            self.blocks(box, box_kind, table, row, col)
            if any(rec[0].strip() for rec in self.records[start:]):
                self.boxes += 1
            else:
                del self.records[start:]

    def inline(self, el: Any, out: list[str], boxes: list[Any]) -> None:
        for ch in el:
            tag = ch.tag
            if tag == _RUN:
                self.run(ch, ch, out, boxes)
            elif tag in _INLINE_CONTAINERS:
                self.inline(ch, out, boxes)
            elif tag == _SDT:
                content = ch.find(_SDT_CONTENT)
                if content is not None:
                    self.inline(content, out, boxes)
            elif tag == _AC:
                branch = _branch(ch)
                if branch is not None:
                    if branch.tag == _FALLBACK:
                        self.fallbacks += 1
                    self.inline(branch, out, boxes)
            elif tag in _GONE:
                self.deleted += 1
            elif tag in _MATH:
                for t in ch.iter(_M_T):
                    if t.text:
                        out.append(t.text)

    def run(self, r: Any, el: Any, out: list[str], boxes: list[Any]) -> None:
        """The content of run ``r`` (``el`` is ``r`` or a branch inside it)."""
        for ch in el:
            tag = ch.tag
            if tag == _T:
                text = ch.text
                if len(ch):  # unresolved entity references: keep the text around them
                    text = (text or "") + "".join(sub.tail or "" for sub in ch)
                if text:
                    out.append(text)
                    if self._font_run is None:
                        self._font_run = r
            elif tag in _CHARS:
                out.append(_CHARS[tag])
            elif tag in _DRAWINGS:
                if next(ch.iter(_TXBX), None) is not None:
                    _find_boxes(ch, boxes)
            elif tag == _AC:
                branch = _branch(ch)
                if branch is not None:
                    if branch.tag == _FALLBACK:
                        self.fallbacks += 1
                    self.run(r, branch, out, boxes)
            elif tag == _SYM:
                out.append(_sym(ch))
            elif tag == _DEL_TEXT:
                self.deleted += 1
            elif tag in _NOTE_REFS:
                self.note_refs += 1

    def props(self, p: Any, r: Any) -> _Props:
        """The effective properties of run ``r`` of paragraph ``p``."""
        rpr = r.find(_W + "rPr")
        direct = _rpr_props(rpr, self.styles.themes)
        if None not in direct:
            return direct
        rstyle = None
        if rpr is not None:
            el = rpr.find(_W + "rStyle")
            if el is not None:
                rstyle = el.get(_VAL)
        pstyle = None
        ppr = p.find(_W + "pPr")
        if ppr is not None:
            el = ppr.find(_W + "pStyle")
            if el is not None:
                pstyle = el.get(_VAL)
        return _merge(direct, self.styles.effective(pstyle, rstyle))


def _children(el: Any, tag: str) -> Iterator[Any]:
    """The children of ``el`` with ``tag``, looking through content controls, custom XML
    and alternate content that wrap rows or cells."""
    for ch in el:
        t = ch.tag
        if t == tag:
            yield ch
        elif t == _SDT:
            content = ch.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif t in _BLOCK_CONTAINERS:
            yield from _children(ch, tag)
        elif t == _AC:
            branch = _branch(ch)
            if branch is not None:
                yield from _children(branch, tag)


def _continuation(tc: Any) -> bool:
    """Whether ``tc`` continues a merged cell (``w:vMerge``/``w:hMerge`` not restarting)."""
    tcpr = tc.find(_W + "tcPr")
    if tcpr is None:
        return False
    return any(el.tag in _MERGES and el.get(_VAL, "continue") != "restart" for el in tcpr)


def _find_boxes(el: Any, boxes: list[Any]) -> None:
    """The outermost ``w:txbxContent`` under ``el``, one branch of each alternate content."""
    for ch in el:
        tag = ch.tag
        if tag == _TXBX:
            boxes.append(ch)
        elif tag == _AC:
            branch = _branch(ch)
            if branch is not None:
                _find_boxes(branch, boxes)
        elif isinstance(tag, str):
            _find_boxes(ch, boxes)


def _sym(el: Any) -> str:
    """The character of a ``w:sym`` (best effort: ``F0xx`` of a symbol font is ``xx``)."""
    try:
        code = int(el.get(_W + "char", ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return ""


def _parts(document: Any) -> tuple[list[Any], list[Any]]:
    """The root elements of the header and footer parts, each part once, in the order
    the sections reference them."""
    body = document.element.body
    related = document.part.related_parts
    headers: list[Any] = []
    footers: list[Any] = []
    seen: set[int] = set()
    for sect in body.iter(_W + "sectPr"):
        for ref in sect:
            tag = ref.tag
            if tag == _W + "headerReference":
                into = headers
            elif tag == _W + "footerReference":
                into = footers
            else:
                continue
            part = related.get(ref.get(_R + "id"))
            element = getattr(part, "element", None)
            if element is None or id(part) in seen:
                continue
            seen.add(id(part))
            into.append(element)
    return headers, footers


_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _theme_fonts(document: Any) -> dict[str, str]:
    """The Latin typefaces of the theme: ``{"major": …, "minor": …}`` (empty when the
    package has no theme part)."""
    fonts: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype != _THEME or rel.is_external:
            continue
        from docx.oxml.parser import parse_xml  # python-docx's parser: no entities resolved

        root = parse_xml(rel.target_part.blob)
        for key in ("major", "minor"):
            latin = root.find(f".//{_A}{key}Font/{_A}latin")
            if latin is not None and latin.get("typeface"):
                fonts[key] = latin.get("typeface")
        break
    return fonts


def _styles_root(document: Any) -> Any:
    try:
        part = document.part._styles_part
    except Exception:
        return None
    return getattr(part, "element", None)


def _open_checked(data: object) -> tuple[bytes, Any]:
    """The bytes of a .docx and its python-docx ``Document``, after the checks every reader
    of a .docx makes (bytes given, a sound zip: see :func:`_check_zip`)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _fail(f"expected the file's bytes, not {type(data).__name__}", "unsupported")
    raw = bytes(data)
    _check_zip(raw)
    return raw, _open(raw)


def _open(data: bytes) -> Any:
    docx = require("docx", "docx")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:
        if isinstance(exc, ValueError) and "is not a Word file" in str(exc):
            kind = str(exc).rpartition("content type is ")[2].strip("'")
            raise _fail(
                f"the package is not a Word document (its main part is {kind})", "unsupported"
            ) from None
        raise _fail(f"cannot read the .docx: {type(exc).__name__}: {exc}", "corrupt") from None


def _walk(document: Any, walker: _Walker | None = None) -> Layout:
    """The layout of an opened document (``walker``: a walker to use, which keeps its
    records; :mod:`vnadmin.formatting.docx` reads the formatting from the same walk)."""
    if walker is None:
        walker = _Walker(_Styles(_styles_root(document), _theme_fonts(document)))
    body = document.element.body
    walker.blocks(body, "paragraph", None, None, None)
    headers, footers = _parts(document)
    for root in headers:
        walker.blocks(root, "header", None, None, None)
    for root in footers:
        walker.blocks(root, "footer", None, None, None)
    blocks = tuple(
        Block(
            text,
            Location(kind=kind, paragraph=i, table=table, row=row, column=col),
            props[0],
            props[1],
            props[2],
            props[3],
        )
        for i, (text, kind, table, row, col, props, *_) in enumerate(walker.records)
    )
    notes: list[str] = []
    if walker.boxes:
        notes.append(f"{walker.boxes} text box(es) read once (mc:Choice, not the VML fallback)")
    if walker.fallbacks:
        notes.append(f"{walker.fallbacks} mc:Fallback branch(es) read where mc:Choice was empty")
    if walker.deleted:
        notes.append("tracked deletions skipped")
    if walker.note_refs:
        notes.append(f"{walker.note_refs} footnote/endnote reference(s); notes not read")
    return Layout(blocks=blocks, format="docx", encoding=None, notes=tuple(notes))


def read_docx(data: bytes) -> Layout:
    """Read the bytes of a ``.docx`` file into a :class:`~vnadmin.reader.model.Layout`
    (see the module docstring for what becomes a block and where it sits).

    Raises :class:`~vnadmin.reader.ReadError` (``"corrupt"``, ``"unsupported"``,
    ``"encrypted"``, ``"too_large"``) for a file that cannot be read safely, and
    :class:`~vnadmin.MissingExtraError` when python-docx is not installed
    (``pip install 'vnadmin[docx]'``).
    """
    data, document = _open_checked(data)
    try:
        return attrs.evolve(_walk(document), source=data)
    except VnAdminError:
        raise
    except Exception as exc:
        raise _fail(f"cannot read the .docx: {type(exc).__name__}: {exc}", "corrupt") from None
