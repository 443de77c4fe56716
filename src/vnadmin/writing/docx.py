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


class _Writer:
    def __init__(self) -> None:
        docx = require("docx", "docx", "writing a .docx")
        self.shared = require("docx.shared", "docx", "writing a .docx")
        self.ns = require("docx.oxml.ns", "docx", "writing a .docx")
        self.oxml = require("docx.oxml", "docx", "writing a .docx")
        enum_style = require("docx.enum.style", "docx", "writing a .docx")
        enum_text = require("docx.enum.text", "docx", "writing a .docx")
        self.align = {
            "left": enum_text.WD_ALIGN_PARAGRAPH.LEFT,
            "center": enum_text.WD_ALIGN_PARAGRAPH.CENTER,
            "right": enum_text.WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": enum_text.WD_ALIGN_PARAGRAPH.JUSTIFY,
        }
        self.doc: Any = docx.Document()
        self._paragraph_type = enum_style.WD_STYLE_TYPE.PARAGRAPH
        self._defaults()
        self.styles = {name: self._style(c) for name, c in COMPONENTS.items()}
        self.styles["rule"] = self._rule_style()

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

    def _style(self, comp: Component) -> Any:
        shared = self.shared
        style = self.doc.styles.add_style(f"VN {comp.name}", self._paragraph_type)
        style.base_style = self.doc.styles["Normal"]
        font = style.font
        font.name = FONT
        font.size = shared.Pt(comp.size)
        font.bold = comp.bold
        font.italic = comp.italic
        self._fonts(style.element.get_or_add_rPr())
        pf = style.paragraph_format
        pf.alignment = self.align[comp.align]
        pf.space_before = shared.Pt(comp.before)
        pf.space_after = shared.Pt(comp.after)
        pf.first_line_indent = shared.Mm(comp.indent_mm) if comp.indent_mm else None
        pf.line_spacing = _LINE_SPACING if comp.name in ("body", "basis", "article") else 1.0
        return style

    def _rule_style(self) -> Any:
        style = self.doc.styles.add_style("VN rule", self._paragraph_type)
        style.base_style = self.doc.styles["Normal"]
        style.font.size = self.shared.Pt(2)
        pf = style.paragraph_format
        pf.space_before = pf.space_after = self.shared.Pt(0)
        pf.line_spacing = 1.0
        return style

    # -- content --------------------------------------------------------------------------

    def para(self, container: Any, text: str, comp: str, *, first: bool = False) -> Any:
        style = self.styles[comp]
        if COMPONENTS[comp].case == "upper":
            text = text.upper()
        if first:
            p = container.paragraphs[0]
            p.style = style
            if text:
                p.add_run(text)
            return p
        return container.add_paragraph(text, style)

    def rule(self, container: Any, width_mm: float, length: float) -> None:
        """An empty paragraph with a bottom border ``length`` × ``width_mm`` long, centred
        (the solid rules of Phụ lục I, II.1, II.2, II.5.a)."""
        p = container.add_paragraph("", self.styles["rule"])
        side = self.shared.Mm(width_mm * (1 - length) / 2)
        p.paragraph_format.left_indent = side
        p.paragraph_format.right_indent = side
        qn = self.ns.qn
        ppr = p._p.get_or_add_pPr()
        bdr = self.oxml.OxmlElement("w:pBdr")
        bottom = self.oxml.OxmlElement("w:bottom")
        bottom.set(qn("w:val"), "single")
        bottom.set(qn("w:sz"), "6")
        bottom.set(qn("w:space"), "1")
        bottom.set(qn("w:color"), "000000")
        bdr.append(bottom)
        ppr.append(bdr)

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
