"""Write a document as a Word ``.docx`` laid out as NĐ 30/2020/NĐ-CP, Phụ lục I prescribes.

:func:`render_docx` needs the ``docx`` extra (python-docx). The layout:

* A4 portrait, the margins of :data:`vnadmin.writing.layout.PAGE`; page numbers from page 2,
  centred in the header (a different first-page header, a ``PAGE`` field; Phụ lục I, I.5);
* the header as a borderless 2×2 table: the issuer (its superior bodies above it, not
  bold) with a short rule below on the left, the Quốc hiệu and Tiêu ngữ with a rule below
  on the right; then ``Số:`` (and a công văn's ``V/v`` trích yếu, and the stamps) on the
  left, the place-date on the right (ô 1–4, 5b, 10);
* the type name bold and centred, the trích yếu under it with a short rule below (ô 5a);
* ``Kính gửi`` (ô 9a), the body (ô 6): justified, first-line indent, 6 pt after each
  paragraph; căn cứ lines italic, ``Điều`` lines and headings bold;
* the closing as a borderless 1×2 table: ``Nơi nhận:`` bold italic 12 pt with its entries
  in 11 pt on the left (ô 9b), the authority and title bold in capitals and the signer's
  name bold on the right (ô 7).

Every font, size and spacing comes from :mod:`vnadmin.writing.layout`, each component a
paragraph style (``VN issuer``, ``VN body`` …), so a reader sees them on every paragraph.
"""

from __future__ import annotations

import io
import re
from typing import Any

from vnadmin._extras import require
from vnadmin.document import Document
from vnadmin.errors import VnAdminError
from vnadmin.reader.docx import _W
from vnadmin.recipients import format_recipients
from vnadmin.writing.draft import Draft
from vnadmin.writing.layout import COMPONENTS, FONT, PAGE, Component

__all__ = ["render_docx"]

_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_MOTTO = "Độc lập - Tự do - Hạnh phúc"
_HEADER_LEFT_MM = 70.0
_CLOSING_LEFT_MM = 80.0
_HEADING = re.compile(r"(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)[ \t]+[0-9IVXLC]+\b")
_ARTICLE = re.compile(r"Điều[ \t]+[0-9]+[a-z]?\.")
_LINE_SPACING = 1.15
_WNS = _W[1:-1]  # (the WordprocessingML namespace, as the reader spells it)
_P, _PPR, _PSTYLE = _W + "p", _W + "pPr", _W + "pStyle"
_R, _T, _VAL = _W + "r", _W + "t", _W + "val"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF): dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def _style_xml(name: str, comp: Component) -> str:
    """The ``w:style`` of a component: its spacing, indent, alignment, font and size."""
    line = round(240 * (_LINE_SPACING if name in ("body", "basis", "article") else 1.0))
    indent = (
        f'<w:ind w:firstLine="{round(comp.indent_mm / 25.4 * 1440)}"/>' if comp.indent_mm else ""
    )
    half = round(comp.size * 2)
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="VN{name}">'
        f'<w:name w:val="VN {name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:spacing w:before="{round(comp.before * 20)}" w:after="{round(comp.after * 20)}"'
        f' w:line="{line}" w:lineRule="auto"/>{indent}<w:jc w:val="{_JC[comp.align]}"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
        f"{'<w:b/><w:bCs/>' if comp.bold else ''}{'<w:i/><w:iCs/>' if comp.italic else ''}"
        f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr></w:style>'
    )


class _Writer:
    def __init__(self) -> None:
        docx = require("docx", "docx", "writing a .docx")
        self.shared = require("docx.shared", "docx", "writing a .docx")
        self.ns = require("docx.oxml.ns", "docx", "writing a .docx")
        self.oxml = require("docx.oxml", "docx", "writing a .docx")
        enum_text = require("docx.enum.text", "docx", "writing a .docx")
        self.align = {
            "left": enum_text.WD_ALIGN_PARAGRAPH.LEFT,
            "center": enum_text.WD_ALIGN_PARAGRAPH.CENTER,
            "right": enum_text.WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": enum_text.WD_ALIGN_PARAGRAPH.JUSTIFY,
        }
        self.doc: Any = docx.Document()
        self._defaults()
        self._styles_xml()

    # -- document settings ---------------------------------------------------------------

    def _fonts(self, rpr: Any) -> None:
        """Times New Roman for every script slot of ``rpr`` (no theme font)."""
        qn = self.ns.qn
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = self.oxml.OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)

    def _defaults(self) -> None:
        shared = self.shared
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = shared.Pt(COMPONENTS["body"].size)
        self._fonts(normal.element.get_or_add_rPr())
        defaults = self.doc.styles.element.find(self.ns.qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{self.ns.qn('w:rPrDefault')}/{self.ns.qn('w:rPr')}")
            if rpr is not None:
                self._fonts(rpr)
        section = self.doc.sections[0]
        section.page_width = shared.Mm(PAGE.width_mm)
        section.page_height = shared.Mm(PAGE.height_mm)
        section.top_margin = shared.Mm(PAGE.top_mm)
        section.bottom_margin = shared.Mm(PAGE.bottom_mm)
        section.left_margin = shared.Mm(PAGE.left_mm)
        section.right_margin = shared.Mm(PAGE.right_mm)
        section.header_distance = shared.Mm(PAGE.header_mm)
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        comp = COMPONENTS["page_number"]
        p.alignment = self.align[comp.align]
        self._page_field(p, comp)
        section.first_page_header.is_linked_to_previous = False

    def _page_field(self, p: Any, comp: Component) -> None:
        """A ``PAGE`` field (no cached result: the viewer computes it)."""
        OxmlElement = self.oxml.OxmlElement
        qn = self.ns.qn
        for kind in ("begin", "instr", "end"):
            run = p.add_run()
            run.font.size = self.shared.Pt(comp.size)
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = " PAGE "
                run._r.append(instr)
            else:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                run._r.append(fld)

    def _styles_xml(self) -> None:
        """The paragraph style of each component (``VN issuer``, ``VN body`` …) and of the
        rules, added to the styles part in one parse."""
        parts = [_style_xml(c.name, c) for c in COMPONENTS.values()]
        parts.append(
            '<w:style w:type="paragraph" w:customStyle="1" w:styleId="VNrule">'
            '<w:name w:val="VN rule"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            '<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:style>'
        )
        xml = f'<w:styles xmlns:w="{_WNS}">{"".join(parts)}</w:styles>'
        root = self.doc.styles.element
        for el in list(self.oxml.parse_xml(xml)):
            root.append(el)

    # -- content --------------------------------------------------------------------------

    def _fill(self, p: Any, text: str, style_id: str) -> None:
        """Give the ``w:p`` element ``p`` its style and its text (one run)."""
        ppr = p.find(_PPR)
        if ppr is None:
            ppr = p.makeelement(_PPR, {})
            p.insert(0, ppr)
        ppr.insert(0, p.makeelement(_PSTYLE, {_VAL: style_id}))
        text = _NOT_XML.sub("", text)
        if text:
            r = p.makeelement(_R, {})
            t = r.makeelement(_T, {_SPACE: "preserve"} if text != text.strip() else {})
            t.text = text
            r.append(t)
            p.append(r)

    def para(self, container: Any, text: str, comp: str, *, first: bool = False) -> Any:
        if COMPONENTS[comp].case == "upper":
            text = text.upper()
        style_id = "VN" + comp
        if container is self.doc:
            p = self.oxml.OxmlElement("w:p")
            self.doc.element.body.sectPr.addprevious(p)
        elif first:
            p = container._tc.find(_P)
        else:
            p = self.oxml.OxmlElement("w:p")
            container._tc.append(p)
        self._fill(p, text, style_id)
        return p

    def rule(self, container: Any, width_mm: float, length: float) -> None:
        """An empty paragraph with a bottom border ``length`` × ``width_mm`` long, centred
        (the solid rules of Phụ lục I, II.1, II.2, II.5.a)."""
        side = round(width_mm * (1 - length) / 2 / 25.4 * 1440)
        xml = (
            f'<w:p xmlns:w="{_WNS}"><w:pPr><w:pStyle w:val="VNrule"/><w:pBdr>'
            '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
            f'<w:ind w:left="{side}" w:right="{side}"/></w:pPr></w:p>'
        )
        p = self.oxml.parse_xml(xml)
        if container is self.doc:
            self.doc.element.body.sectPr.addprevious(p)
        else:
            container._tc.append(p)

    def table(self, rows: int, left_mm: float) -> tuple[Any, tuple[float, float]]:
        table = self.doc.add_table(rows=rows, cols=2)
        table.autofit = False
        widths = (left_mm, PAGE.text_width_mm - left_mm)
        for row in table.rows:
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = self.shared.Mm(w)
        return table, widths

    def header(self, d: Draft) -> None:
        table, (lw, rw) = self.table(2, _HEADER_LEFT_MM)
        left, right = table.cell(0, 0), table.cell(0, 1)
        first = True
        for parent in d.issuer_parents:
            self.para(left, parent, "parent", first=first)
            first = False
        if d.issuer is not None:
            self.para(left, d.issuer, "issuer", first=first)
            self.rule(left, lw, 0.4)
        if d.national_title:
            self.para(right, _NATIONAL, "national", first=True)
            self.para(right, _MOTTO, "motto")
            self.rule(right, rw, 0.7)
        left, right = table.cell(1, 0), table.cell(1, 1)
        if d.code is not None:
            self.para(left, f"Số: {d.code}", "code", first=True)
        else:
            self.para(left, f"Số:      {d.blank_symbol or ''}".rstrip(), "code", first=True)
        if d.is_cong_van and d.summary:
            self.para(left, f"V/v {d.summary}", "vv")
        for stamp in (d.urgency, d.secrecy):
            if stamp is not None:
                self.para(left, stamp.value, "urgency")
        if d.place_date is not None:
            self.para(right, d.place_date, "place_date", first=True)

    def title(self, d: Draft) -> None:
        if d.is_cong_van:
            return
        assert d.type_name is not None
        self.para(self.doc, d.type_name, "type")
        if d.summary:
            self.para(self.doc, d.summary, "summary")
            self.rule(self.doc, PAGE.text_width_mm, 0.25)

    def body(self, d: Draft) -> None:
        if d.addressees is not None:
            for line in format_recipients(d.addressees).split("\n"):
                self.para(self.doc, line, "addressee")
        for line in d.body:
            self.para(self.doc, line, _kind(line))

    def closing(self, d: Draft) -> None:
        if d.recipients is None and not d.signatures:
            return
        table, _ = self.table(1, _CLOSING_LEFT_MM)
        left, right = table.cell(0, 0), table.cell(0, 1)
        if d.recipients is not None:
            lines = format_recipients(d.recipients).split("\n")
            self.para(left, lines[0], "noi_nhan", first=True)
            for line in lines[1:]:
                self.para(left, line, "recipient")
        first = True
        for block in d.signatures:
            for line in block.title_lines():
                self.para(right, line, "authority", first=first)
                first = False
            for note in block.notes:
                self.para(right, note, "signer", first=first)
                first = False
            if block.signer_name:
                name = " ".join([*block.honours, block.signer_name])
                self.para(right, name, "signer", first=first)
                first = False

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _kind(line: str) -> str:
    """The component of a body line: a căn cứ line, a heading, an article or a paragraph."""
    if line.startswith("Căn cứ"):
        return "basis"
    if _HEADING.match(line) is not None:
        return "heading"
    if _ARTICLE.match(line) is not None and len(line) <= 160:
        return "article"
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and len(line) <= 160:
        return "heading"
    return "body"


def render_docx(document: Document | Draft | str) -> bytes:
    """The ``.docx`` bytes of ``document`` (a :class:`~vnadmin.Document`, a
    :class:`~vnadmin.writing.Draft`, or document text, parsed first), laid out as NĐ 30,
    Phụ lục I prescribes (see :mod:`vnadmin.writing.docx`). :func:`vnadmin.read_document`
    reads the file back to the same components.

    Raises :class:`~vnadmin.MissingExtraError` without python-docx
    (``pip install 'vnadmin[docx]'``), :class:`~vnadmin.VnAdminError` for anything else.
    """
    if isinstance(document, str):
        from vnadmin.document import parse_document

        document = parse_document(document)
    if isinstance(document, Document):
        draft = Draft.from_document(document)
    elif isinstance(document, Draft):
        draft = document
    else:
        raise VnAdminError(
            f"render_docx takes a Document, a Draft or text, not {type(document).__name__}"
        )
    writer = _Writer()
    try:
        writer.header(draft)
        writer.title(draft)
        writer.body(draft)
        writer.closing(draft)
        return writer.save()
    except VnAdminError:
        raise
    except Exception as exc:  # pragma: no cover - defensive
        raise VnAdminError(f"cannot write the .docx: {type(exc).__name__}: {exc}") from exc
