"""Read the effective formatting of a ``.docx``: runs, paragraphs and sections.

The paragraphs are walked by the reader's walker (:mod:`vnadmin.reader.docx`), so their
indexes and texts are those of the blocks of :func:`vnadmin.read_document`, and a span of
the document's text maps to a paragraph and a run. Each property is resolved as Word
resolves it (ECMA-376 Part 1, 17.7.2, style hierarchy):

* run properties: the run's direct ``w:rPr``, then its character style (``w:rStyle``)
  through ``w:basedOn``, then the paragraph's style (``w:pStyle``, else the default
  paragraph style) through ``w:basedOn``, then ``w:docDefaults/w:rPrDefault``; a theme
  font (``w:asciiTheme``) is the theme's major/minor Latin typeface;
* paragraph properties (alignment, spacing, indentation): the direct ``w:pPr``, then the
  paragraph style chain, then ``w:docDefaults/w:pPrDefault``.

Table styles (``w:tblStyle``) and numbering indents are not applied (NĐ 30 drafts set
their header tables' text directly).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import attrs

from vnadmin.errors import VnAdminError
from vnadmin.formatting.model import (
    DocxFormat,
    ParagraphFormat,
    RunFormat,
    SectionFormat,
)
from vnadmin.reader.docx import (
    _W,
    _fail,
    _open_checked,
    _Styles,
    _styles_root,
    _theme_fonts,
    _walk,
    _Walker,
)
from vnadmin.reader.model import Layout

__all__ = ["read_format", "read_layout_and_format"]

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_VAL = _W + "val"
_OFF = frozenset(("0", "false", "off", "none"))
_TWIPS_PER_MM = 1440 / 25.4
# A paragraph that is only a rule drawn with characters (underscores, dashes, box lines).
_RULE_TEXT = re.compile(r"[ \t]*[_\-–—─━=.…]{3,}[ \t]*")
_PAGE_FIELD = re.compile(r"(?<![A-Z])PAGE(?![A-Z])")
_SHAPES = frozenset((_W + "drawing", _W + "pict", _W + "object"))

_RFONTS, _SZ, _B, _I, _CAPS, _U = (
    _W + "rFonts",
    _W + "sz",
    _W + "b",
    _W + "i",
    _W + "caps",
    _W + "u",
)
_ASCII_THEME, _HANSI_THEME, _ASCII, _HANSI = (
    _W + "asciiTheme",
    _W + "hAnsiTheme",
    _W + "ascii",
    _W + "hAnsi",
)
_RPR, _RSTYLE, _PPR, _PSTYLE = _W + "rPr", _W + "rStyle", _W + "pPr", _W + "pStyle"
_P = _W + "p"
_HDR_FTR = frozenset((_W + "hdr", _W + "ftr"))

_RProps = dict[str, Any]
_PProps = dict[str, Any]
_RunTuple = tuple[str | None, float | None, bool, bool, bool, bool]


def _toggle(el: Any) -> bool:
    val = el.get(_VAL)
    return val is None or val.lower() not in _OFF


_RPR_TAGS = tuple(_W + t for t in ("rStyle", "rFonts", "sz", "b", "i", "caps", "u"))
_PPR_TAGS = frozenset(_W + t for t in ("pStyle", "jc", "spacing", "ind", "pBdr"))
# what a w:rPr sets directly: (rStyle, font, size, bold, italic, caps, underline), None
# where it sets nothing
_Direct = tuple[
    str | None, str | None, float | None, bool | None, bool | None, bool | None, bool | None
]
_NOTHING: _Direct = (None, None, None, None, None, None, None)
_SLOT = {tag: k for k, tag in enumerate(_RPR_TAGS)}


def _first(el: Any, tag: str) -> Any:
    """The first child of ``el`` with ``tag`` (``w:rPr`` of a run, ``w:pPr`` of a
    paragraph: the schema puts it first, so that child is tried before a search)."""
    if len(el):
        first = el[0]
        if first.tag == tag:
            return first
    return next(el.iterchildren(tag), None)


def _direct(rpr: Any, themes: dict[str, str]) -> _Direct:
    """What ``rpr`` (a ``w:rPr``) sets, its children read in order (a later one wins)."""
    got: list[Any] = list(_NOTHING)
    for ch in rpr:
        k = _SLOT.get(ch.tag)
        if k is None:
            continue
        if k == 2:  # (the commonest first: w:sz, w:rFonts)
            try:
                got[2] = int(ch.get(_VAL, "")) / 2
            except ValueError:
                continue  # (not a number: nothing set)
        elif k == 1:
            theme = ch.get(_ASCII_THEME) or ch.get(_HANSI_THEME)
            font = (themes.get(theme[:5]) if theme else None) or ch.get(_ASCII) or ch.get(_HANSI)
            if font:
                got[1] = font
        elif k == 0:
            got[0] = ch.get(_VAL)
        elif k == 6:
            got[6] = (ch.get(_VAL) or "single").lower() not in _OFF
        else:
            val = ch.get(_VAL)
            got[k] = val is None or val.lower() not in _OFF
    return tuple(got)


_KEYS = ("rstyle", "font", "size", "bold", "italic", "caps", "underline")


def _rpr(rpr: Any, themes: dict[str, str]) -> _RProps:
    """What a style's ``w:rPr`` sets, by property name."""
    if rpr is None:
        return {}
    return {k: v for k, v in zip(_KEYS, _direct(rpr, themes), strict=True) if v is not None}


def _twips(el: Any, name: str) -> float | None:
    raw = el.get(_W + name)
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        return None


def _ppr(ppr: Any) -> _PProps:
    """What a ``w:pPr`` sets (its children read in order: a later one wins)."""
    out: _PProps = {}
    if ppr is None:
        return out
    for ch in ppr:
        tag = ch.tag
        if tag not in _PPR_TAGS:
            continue
        if tag == _PSTYLE:
            out["pstyle"] = ch.get(_VAL)
        elif tag == _W + "jc":
            out["align"] = ch.get(_VAL)
        elif tag == _W + "spacing":
            for key in ("before", "after", "line"):
                v = _twips(ch, key)
                if v is not None:
                    out[key] = v
            rule = ch.get(_W + "lineRule")
            if rule is not None:
                out["lineRule"] = rule
        elif tag == _W + "ind":
            first = _twips(ch, "firstLine")
            hanging = _twips(ch, "hanging")
            if hanging is not None:
                out["first"] = -hanging
            elif first is not None:
                out["first"] = first
            left = _twips(ch, "left")
            if left is None:
                left = _twips(ch, "start")
            if left is not None:
                out["left"] = left
        elif tag == _W + "pBdr":
            bottom = ch.find(_W + "bottom")
            if bottom is not None and (bottom.get(_VAL) or "").lower() not in ("nil", "none"):
                out["border"] = True
    return out


class _Resolver:
    """Paragraph and run properties through the style chains (cached per style pair; a
    style's own properties are read when a chain first reaches it)."""

    def __init__(self, root: Any, themes: dict[str, str]) -> None:
        self.themes = themes
        self._styles: dict[str, Any] = {}
        self._own: dict[str, tuple[str | None, _PProps, _RProps]] = {}
        self.default_para: str | None = None
        self.pdefaults: _PProps = {}
        self.rdefaults: _RProps = {}
        self._p: dict[str | None, _PProps] = {}
        self._r: dict[str | None, _RProps] = {}
        self._combined: dict[tuple[str | None, str | None], _RProps] = {}
        self._plain: dict[str | None, _RunTuple] = {}
        # a run's properties by its paragraph style and what its w:rPr sets: the runs of
        # a document share a few dozen (bounded by the document)
        self._by_direct: dict[tuple[str | None, _Direct], _RunTuple] = {}
        self._fields: dict[tuple[str | None, tuple[tuple[str, Any], ...]], _ParaTuple] = {}
        if root is None:
            return
        for el in root:
            if el.tag == _W + "style":
                sid = el.get(_W + "styleId")
                if sid is None:
                    continue
                self._styles[sid] = el
                if el.get(_W + "type") == "paragraph" and el.get(_W + "default") in ("1", "true"):
                    self.default_para = sid
            elif el.tag == _W + "docDefaults":
                self.rdefaults = _rpr(el.find(f"{_W}rPrDefault/{_W}rPr"), themes)
                self.pdefaults = _ppr(el.find(f"{_W}pPrDefault/{_W}pPr"))

    def own(self, sid: str) -> tuple[str | None, _PProps, _RProps] | None:
        """The style ``sid``'s ``w:basedOn`` and what its ``w:pPr`` and ``w:rPr`` set
        (``None`` for a style the document does not define)."""
        got = self._own.get(sid)
        if got is None:
            el = self._styles.get(sid)
            if el is None:
                return None
            based = next(el.iterchildren(_W + "basedOn"), None)
            base = None if based is None else based.get(_VAL)
            ppr = next(el.iterchildren(_PPR), None)
            rpr = next(el.iterchildren(_RPR), None)
            got = self._own[sid] = (base, _ppr(ppr), _rpr(rpr, self.themes))
        return got

    def _chain(self, sid: str | None, which: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: set[str] = set()
        cur = sid
        while cur is not None and cur not in seen:
            own = self.own(cur)
            if own is None:
                break
            seen.add(cur)
            base, pprops, rprops = own
            for k, v in (pprops if which == 1 else rprops).items():
                out.setdefault(k, v)
            cur = base
        return out

    def para(self, pstyle: str | None) -> _PProps:
        sid = pstyle if pstyle is not None else self.default_para
        got = self._p.get(sid)
        if got is None:
            got = self._chain(sid, 1)
            for k, v in self.pdefaults.items():
                got.setdefault(k, v)
            self._p[sid] = got
        return got

    def para_fields(self, pstyle: str | None, direct: _PProps) -> _ParaTuple:
        """The paragraph-level fields of a paragraph of style ``pstyle`` whose ``w:pPr``
        sets ``direct`` (cached: a document's paragraphs share a few dozen)."""
        key = (pstyle, tuple(direct.items()))
        got = self._fields.get(key)
        if got is not None:
            return got
        pp = dict(direct)
        pp.pop("pstyle", None)
        for k, v in self.para(pstyle).items():
            pp.setdefault(k, v)
        raw_line = pp.get("line")
        line = line_pt = None
        if raw_line is not None:
            if pp.get("lineRule", "auto") == "auto":
                line = raw_line / 240
            else:
                line_pt = raw_line / 20
        align = pp.get("align") or "left"
        got = self._fields[key] = (
            _ALIGNS.get(align, align),
            line,
            line_pt,
            pp.get("before", 0.0) / 20,
            pp.get("after", 0.0) / 20,
            pp.get("first", 0.0) / 567,
            pp.get("left", 0.0) / 567,
            bool(pp.get("border")),
        )
        return got

    def run_props(self, pstyle: str | None, direct: _Direct | None) -> _RunTuple:
        """Font, size, bold, italic, caps, underline of a run in a paragraph of style
        ``pstyle`` whose ``w:rPr`` sets ``direct`` (``None``: the run has no ``w:rPr``)."""
        if direct is None:  # (nothing set directly: the paragraph style decides)
            return self._plain_run(pstyle)
        key = (pstyle, direct)
        got = self._by_direct.get(key)
        if got is None:
            if direct == _NOTHING:
                got = self._plain_run(pstyle)
            else:
                props = dict(self.run(pstyle, direct[0]))
                for k, v in zip(_KEYS[1:], direct[1:], strict=True):
                    if v is not None:
                        props[k] = v
                got = self._tuple(props)
            self._by_direct[key] = got
        return got

    def _plain_run(self, pstyle: str | None) -> _RunTuple:
        got = self._plain.get(pstyle)
        if got is None:
            got = self._plain[pstyle] = self._tuple(dict(self.run(pstyle, None)))
        return got

    @staticmethod
    def _tuple(props: _RProps) -> _RunTuple:
        return (
            props.get("font"),
            props.get("size"),
            bool(props.get("bold", False)),
            bool(props.get("italic", False)),
            bool(props.get("caps", False)),
            bool(props.get("underline", False)),
        )

    def run(self, pstyle: str | None, rstyle: str | None) -> _RProps:
        key = (pstyle, rstyle)
        got = self._combined.get(key)
        if got is None:
            got = dict(self._chain(rstyle, 2)) if rstyle is not None else {}
            sid = pstyle if pstyle is not None else self.default_para
            para = self._r.get(sid)
            if para is None:
                para = self._r[sid] = self._chain(sid, 2)
            for src in (para, self.rdefaults):
                for k, v in src.items():
                    got.setdefault(k, v)
            self._combined[key] = got
        return got


# a run's extent in its paragraph's text and what its w:rPr sets (None: it has none)
_Span = tuple[int, int, "_Direct | None"]


class _FormatWalker(_Walker):
    """The reader's walker, keeping for each paragraph its element, what its ``w:pPr`` sets
    and its runs' extents with what their ``w:rPr`` set: read as the walk reaches each
    element, while its XML is at hand."""

    def __init__(self, styles: _Styles) -> None:
        super().__init__(styles)
        self._runs: list[_Span] = []
        self._pos = 0
        self.parts: dict[int, tuple[int, int]] = {}
        self.roots: list[Any] = []

    def blocks(
        self, container: Any, kind: Any, table: int | None, row: int | None, col: int | None
    ) -> None:
        if container.tag not in _HDR_FTR:
            super().blocks(container, kind, table, row, col)
            return
        start = len(self.records)
        super().blocks(container, kind, table, row, col)
        self.parts[id(container)] = (start, len(self.records))
        self.roots.append(container)

    def paragraph(
        self, p: Any, kind: Any, table: int | None, row: int | None, col: int | None
    ) -> None:
        runs: list[_Span] = []
        direct = _ppr(_first(p, _PPR))
        saved = (self._runs, self._pos)
        self._runs, self._pos = runs, 0
        k = len(self.records)
        super().paragraph(p, kind, table, row, col)
        # (the record carries its element and runs: records dropped later take them along)
        self.records[k] = (*self.records[k], (p, direct, runs))  # type: ignore[assignment]
        self._runs, self._pos = saved

    def run(self, r: Any, el: Any, out: list[str], boxes: list[Any]) -> None:
        n = len(out)
        super().run(r, el, out, boxes)
        if el is r and len(out) > n:
            added = len(out[n]) if len(out) == n + 1 else sum(map(len, out[n:]))
            if added:
                first = r[0]  # (the run has content: a child)
                rpr = first if first.tag == _RPR else next(r.iterchildren(_RPR), None)
                direct = None if rpr is None else _direct(rpr, self.styles.themes)
                self._runs.append((self._pos, self._pos + added, direct))
                self._pos += added


def _shaped(roots: list[Any]) -> set[Any]:
    """The paragraphs (``w:p``) under ``roots`` that hold a drawing, a VML picture or an
    embedded object at any depth: one scan of each part for the shapes (there are few),
    then up from each."""
    out: set[Any] = set()
    for root in roots:
        for el in root.iter(*_SHAPES):
            up = el.getparent()
            while up is not None:
                if up.tag == _P:
                    if up in out:
                        break  # (its ancestors are in already)
                    out.add(up)
                up = up.getparent()
    return out


def _page_field(p: Any) -> bool:
    for el in p.iter(_W + "instrText", _W + "fldSimple"):
        instr = el.text if el.tag == _W + "instrText" else el.get(_W + "instr")
        if instr and _PAGE_FIELD.search(instr.upper()):
            return True
    return False


# The paragraph-level fields of a ParagraphFormat (align, line, line_pt, before, after,
# first-line indent, left indent, bottom border) from what its w:pPr sets
_ParaTuple = tuple[str, float | None, float | None, float, float, float, float, bool]
_ALIGNS = {"both": "justify", "distribute": "justify", "start": "left", "end": "right"}


def _paragraph(
    index: int, record: tuple[Any, ...], res: _Resolver, shaped: set[Any]
) -> ParagraphFormat:
    text, kind, table, row, col, _props, (p, pp, spans) = record
    pstyle = pp.get("pstyle")
    fields = res.para_fields(pstyle, pp)
    runs: list[RunFormat] = []
    underlined = bool(spans)
    for start, end, direct in spans:
        if text[start:end].isspace():
            continue  # (blanks: no check looks at them)
        fmt = RunFormat(start, end, len(runs), *res.run_props(pstyle, direct))
        if not fmt.underline:
            underlined = False
        runs.append(fmt)
    rule = (
        fields[7]
        or p in shaped
        or (underlined and bool(text.strip()))
        or (len(text) < 200 and bool(text.strip()) and _RULE_TEXT.fullmatch(text) is not None)
    )
    return ParagraphFormat(
        index,
        kind,
        table,
        row,
        col,
        text,
        tuple(runs),
        *fields[:7],
        rule,
        kind in ("header", "footer") and _page_field(p),
    )


def _mm(el: Any, name: str) -> float | None:
    v = None if el is None else _twips(el, name)
    return None if v is None else v / _TWIPS_PER_MM


def _pages(data: bytes) -> int | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            raw = zf.read("docProps/app.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    m = re.search(rb"<Pages>([0-9]{1,6})</Pages>", raw[:100_000])
    return int(m.group(1)) if m else None


def read_layout_and_format(data: bytes) -> tuple[Layout, DocxFormat]:
    """The layout of the ``.docx`` in ``data`` (as :func:`vnadmin.reader.docx.read_docx`
    reads it) and its formatting, from one opening and one walk of the file.

    Raises :class:`~vnadmin.reader.ReadError` for a file that cannot be read and
    :class:`~vnadmin.MissingExtraError` without python-docx, as ``read_docx`` does.
    """
    data, document = _open_checked(data)
    try:
        themes = _theme_fonts(document)
        root = _styles_root(document)
        walker = _FormatWalker(_Styles(root, themes))
        layout = attrs.evolve(_walk(document, walker), source=data)
        return layout, _format(document, walker, _Resolver(root, themes), data)
    except VnAdminError:
        raise
    except Exception as exc:
        raise _fail(f"cannot read the .docx: {type(exc).__name__}: {exc}", "corrupt") from None


def read_format(data: bytes) -> DocxFormat:
    """The formatting of the ``.docx`` in ``data`` (see the module docstring); errors as
    for :func:`read_layout_and_format`."""
    return read_layout_and_format(data)[1]


def _format(document: Any, walker: _FormatWalker, res: _Resolver, data: bytes) -> DocxFormat:
    body = document.element.body
    related = document.part.related_parts
    ranges = walker.parts
    shaped = _shaped([document.element, *walker.roots])
    paragraphs = tuple(_paragraph(i, rec, res, shaped) for i, rec in enumerate(walker.records))
    sections: list[SectionFormat] = []
    for k, sect in enumerate(body.iter(_W + "sectPr")):
        pg = sect.find(_W + "pgSz")
        mar = sect.find(_W + "pgMar")
        width, height = _mm(pg, "w"), _mm(pg, "h")
        landscape = (pg is not None and pg.get(_W + "orient") == "landscape") or (
            width is not None and height is not None and width > height
        )
        heads: dict[str, tuple[int, ...]] = {"default": (), "first": (), "footer": ()}
        for ref in sect:
            if ref.tag not in (_W + "headerReference", _W + "footerReference"):
                continue
            part = related.get(ref.get(_R + "id"))
            element = getattr(part, "element", None)
            if element is None or id(element) not in ranges:
                continue
            a, b = ranges[id(element)]
            if ref.tag == _W + "footerReference":
                heads["footer"] += tuple(range(a, b))
            elif ref.get(_W + "type", "default") == "first":
                heads["first"] = tuple(range(a, b))
            elif ref.get(_W + "type", "default") == "default":
                heads["default"] = tuple(range(a, b))
        title = sect.find(_W + "titlePg")
        sections.append(
            SectionFormat(
                k,
                width,
                height,
                landscape,
                _mm(mar, "top"),
                _mm(mar, "bottom"),
                _mm(mar, "left"),
                _mm(mar, "right"),
                title is not None and _toggle(title),
                heads["default"],
                heads["first"],
                heads["footer"],
            )
        )
    return DocxFormat(paragraphs, tuple(sections), _pages(data))
