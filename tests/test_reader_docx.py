"""The .docx reader: corpus files, synthetic documents built with python-docx, hostile
packages (truncated, garbled, zip bombs, XXE, encrypted members) and a round-trip property."""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import struct
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnadmin.reader import ReadError, read_layout
from vnadmin.reader.docx import MAX_UNCOMPRESSED, read_docx
from vnadmin.reader.model import Block, Layout

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

FILES = Path(__file__).parent / "data" / "files"
CORPUS = sorted(FILES.glob("*.docx"))
EXPECTED = {e["file"]: e for e in json.loads((FILES / "expected.json").read_text("utf-8"))}

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _texts(layout: Layout) -> list[str]:
    return [b.text for b in layout.blocks]


def _joined(layout: Layout) -> str:
    return "\n".join(_texts(layout))


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _build(fill: Callable[[Any], None]) -> Layout:
    document = docx.Document()
    fill(document)
    return read_docx(_save(document))


def _xml_paragraph(inner: str) -> Any:
    return parse_xml(f"<w:p {NSDECL}>{inner}</w:p>")


def _append_body(document: Any, element: Any) -> None:
    body = document.element.body
    body.insert(len(body) - 1, element)  # before the final w:sectPr


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _txbx(*paragraphs: str) -> str:
    inner = "".join(f"<w:p>{_run(p)}</w:p>" if p else "<w:p/>" for p in paragraphs)
    return f"<w:txbxContent>{inner}</w:txbxContent>"


def _text_box_run(*paragraphs: str, choice: bool = True, fallback: bool = True) -> str:
    """A run holding a text box the way Word writes it: a DrawingML choice and a VML
    fallback with the same text."""
    choice_xml = (
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData uri="x">'
        f"<wps:wsp><wps:txbx>{_txbx(*paragraphs)}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        if choice
        else '<mc:Choice Requires="wps"/>'
    )
    fallback_xml = (
        f"<mc:Fallback><w:pict><v:rect><v:textbox>{_txbx(*paragraphs)}</v:textbox></v:rect>"
        "</w:pict></mc:Fallback>"
        if fallback
        else ""
    )
    return f"<w:r><mc:AlternateContent>{choice_xml}{fallback_xml}</mc:AlternateContent></w:r>"


# -- the corpus ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def layouts() -> dict[str, Layout]:
    return {path.name: read_docx(path.read_bytes()) for path in CORPUS}


def test_corpus_has_fourteen_docx() -> None:
    assert len(CORPUS) == 14


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:40])
def test_corpus_layout_shape(path: Path, layouts: dict[str, Layout]) -> None:
    layout = layouts[path.name]
    assert layout.format == "docx"
    assert layout.encoding is None
    assert [b.location.paragraph for b in layout.blocks] == list(range(len(layout.blocks)))
    kinds = [b.location.kind for b in layout.blocks]
    # headers and footers come after every body block, headers before footers
    tail = [k in ("header", "footer") for k in kinds]
    assert tail == sorted(tail)
    footer_at = [i for i, k in enumerate(kinds) if k == "footer"]
    header_at = [i for i, k in enumerate(kinds) if k == "header"]
    assert not header_at or not footer_at or max(header_at) < min(footer_at)
    for block in layout.blocks:
        loc = block.location
        if loc.kind == "cell":
            assert loc.table is not None and loc.row is not None and loc.column is not None
        if loc.kind in ("paragraph", "header", "footer"):
            assert loc.table is None
    # the duplicated-shape pattern of a naive w:t dump ('DỰ THẢODỰ THẢO') never appears:
    # a text box's text is neither in its anchor paragraph nor read twice in a row
    joined = _joined(layout)
    anchor = ""
    for block in layout.blocks:
        text = block.text.strip()
        if block.location.kind != "textbox":
            anchor = block.text
        elif text:
            assert text not in anchor
            assert f"{text}{text}" not in joined
            assert f"{text}\n{text}" not in joined


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:40])
def test_corpus_header_table(path: Path, layouts: dict[str, Layout]) -> None:
    assert EXPECTED[path.name]["header_table"]
    header = [b for b in layouts[path.name].blocks if b.location.table == 0]
    assert header, "the first table is the header"
    assert all(b.location.kind in ("cell", "textbox") for b in header)
    columns = {b.location.column for b in header if b.text.strip()}
    assert columns in ({0, 1}, {0, 2})
    left = "\n".join(b.text for b in header if b.location.column == 0)
    right = "\n".join(b.text for b in header if b.location.column == max(columns))
    assert "Số" in left
    assert any(m in right.upper() for m in ("CỘNG HÒA", "CỘNG HOÀ", "ĐẢNG CỘNG SẢN"))


def test_corpus_spacer_column(layouts: dict[str, Layout]) -> None:
    name = "cong-van_khong-so-UBND-NC-lam-dong-cai-nghien-tu-nguyen-2025-10.docx"
    header = [b for b in layouts[name].blocks if b.location.table == 0 and b.text.strip()]
    assert {b.location.column for b in header} == {0, 2}
    assert {b.location.row for b in header} == {0}


def _closing_table(layout: Layout) -> int | None:
    for block in layout.blocks:
        if block.location.kind == "cell" and block.text.strip().startswith("Nơi nhận"):
            return block.location.table
    return None


SIGNED = [
    p for p in CORPUS if EXPECTED[p.name]["signer_name"] and EXPECTED[p.name]["closing_table"]
]


@pytest.mark.parametrize("path", SIGNED, ids=lambda p: p.name[:40])
def test_corpus_signer_is_last_block_of_right_column(
    path: Path, layouts: dict[str, Layout]
) -> None:
    layout = layouts[path.name]
    table = _closing_table(layout)
    assert table is not None and table > 0
    cells = [b for b in layout.blocks if b.location.table == table and b.text.strip()]
    right = max(b.location.column for b in cells if b.location.column is not None)
    assert right >= 1
    last = [b for b in cells if b.location.column == right][-1]
    name = EXPECTED[path.name]["signer_name"]
    # the name line may carry a rank before the name ('Thiếu tướng …')
    assert last.text.strip().split("\n")[-1].strip().endswith(name)


def test_corpus_signed_files_are_most_of_the_corpus() -> None:
    assert len(SIGNED) >= 10


def test_corpus_draft_stamp_once(layouts: dict[str, Layout]) -> None:
    layout = layouts["ke-hoach_du-thao-KH-UBND-lam-dong-kiem-tra-cchc-2026-01.docx"]
    assert _joined(layout).count("DỰ THẢO") == 1
    (stamp,) = [b for b in layout.blocks if "DỰ THẢO" in b.text]
    assert stamp.location.kind == "textbox"
    assert stamp.location.table == 0
    anchor = layout.blocks[stamp.location.paragraph - 1]  # type: ignore[operator]
    assert "DỰ THẢO" not in anchor.text


def test_corpus_vv_text_box_once(layouts: dict[str, Layout]) -> None:
    layout = layouts["cong-van_khong-so-UBND-NC-lam-dong-cai-nghien-tu-nguyen-2025-10.docx"]
    joined = _joined(layout)
    assert joined.count("V/v tập trung triển khai thực hiện") == 1
    assert joined.count("công tác cai nghiện ma túy tự nguyện") == 1
    blocks = layout.blocks
    (i,) = [i for i, b in enumerate(blocks) if b.text.startswith("V/v ")]
    assert blocks[i].location.kind == "textbox"
    assert (blocks[i].location.table, blocks[i].location.column) == (0, 0)
    # right after its anchor, the 'Số:' paragraph of the left header cell
    assert blocks[i - 1].text.startswith("Số:")
    assert blocks[i - 1].location.kind == "cell"
    assert blocks[i + 1].text == "công tác cai nghiện ma túy tự nguyện "
    assert blocks[i + 2].text == "tại gia đình, cộng đồng"
    assert any("text box" in note for note in layout.notes)


def test_corpus_empty_tick_boxes_give_no_block(layouts: dict[str, Layout]) -> None:
    layout = layouts["phieu-trinh_10-01-26-PT-NC-lam-dong.docx"]
    assert all(b.location.kind != "textbox" for b in layout.blocks)


def test_corpus_breaks_inside_cells(layouts: dict[str, Layout]) -> None:
    layout = layouts["huong-dan_36-HD-VPTW.docx"]
    first = [b.text for b in layout.blocks if b.location.table == 0 and b.location.column == 0]
    assert any("BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG" in t for t in first)


def test_corpus_fonts(layouts: dict[str, Layout]) -> None:
    layout = layouts["thong-bao_khong-so-TB-UBND-lam-dong-ket-luan-hoi-nghi-cchc-2026-01.docx"]
    body = [b for b in layout.blocks if b.location.kind == "paragraph" and b.text.strip()]
    assert body
    assert all(b.font is not None and b.size is not None for b in body)
    assert {b.font for b in body} >= {"Times New Roman"}
    party = layouts["huong-dan_36-HD-VPTW.docx"]
    fonts = [b.font for b in party.blocks if b.location.kind == "paragraph" and b.text.strip()]
    assert fonts.count("Arial") > len(fonts) / 2


def test_read_layout_dispatches_docx() -> None:
    layout = read_layout(CORPUS[0])
    assert layout.format == "docx"
    assert layout.blocks


# -- synthetic documents --------------------------------------------------------------------


def test_paragraphs_and_table_cells() -> None:
    def fill(d: Any) -> None:
        d.add_paragraph("before")
        table = d.add_table(rows=2, cols=2)
        for r in range(2):
            for c in range(2):
                table.cell(r, c).text = f"r{r}c{c}"
        table.cell(1, 1).add_paragraph("second")
        d.add_paragraph("between")
        d.add_table(rows=1, cols=1).cell(0, 0).text = "t1"
        d.add_paragraph("after")

    layout = _build(fill)
    got = [
        (b.text, b.location.kind, b.location.table, b.location.row, b.location.column)
        for b in layout.blocks
    ]
    assert got == [
        ("before", "paragraph", None, None, None),
        ("r0c0", "cell", 0, 0, 0),
        ("r0c1", "cell", 0, 0, 1),
        ("r1c0", "cell", 0, 1, 0),
        ("r1c1", "cell", 0, 1, 1),
        ("second", "cell", 0, 1, 1),
        ("between", "paragraph", None, None, None),
        ("t1", "cell", 1, 0, 0),
        ("after", "paragraph", None, None, None),
    ]
    assert [b.location.paragraph for b in layout.blocks] == list(range(9))
    assert layout.format == "docx" and layout.notes == ()


def test_breaks_tabs_and_special_characters() -> None:
    from docx.enum.text import WD_BREAK

    def fill(d: Any) -> None:
        p = d.add_paragraph()
        run = p.add_run("CHỦ TỊCH")
        run.add_break()
        run.add_break()
        p.add_run("Hồ Văn Mười")
        p2 = d.add_paragraph("a")
        p2.add_run().add_tab()
        p2.add_run("b")
        p2.add_run().add_break(WD_BREAK.PAGE)
        p2.add_run("c")
        _append_body(
            d,
            _xml_paragraph(
                "<w:r><w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t><w:cr/><w:softHyphen/>"
                '<w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:char="2022"/>'
                '<w:sym w:char="zz"/><w:ptab w:relativeTo="margin" w:alignment="right" '
                'w:leader="none"/></w:r>'
            ),
        )

    assert _texts(_build(fill)) == ["CHỦ TỊCH\n\nHồ Văn Mười", "a\tb\nc", "x-y\n\xb7\u2022\t"]


def test_run_containers_deletions_and_fields() -> None:
    inner = (
        _run("A")
        + f'<w:hyperlink r:id="rId99">{_run("B")}</w:hyperlink>'
        + f'<w:ins w:id="1" w:author="x">{_run("C")}</w:ins>'
        + '<w:del w:id="2" w:author="x"><w:r><w:delText>GONE</w:delText></w:r></w:del>'
        + f'<w:smartTag w:uri="u" w:element="place">{_run("D")}</w:smartTag>'
        + f'<w:fldSimple w:instr=" PAGE ">{_run("E")}</w:fldSimple>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://x" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run("F")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + f"<w:sdt><w:sdtPr/><w:sdtContent>{_run('G')}</w:sdtContent></w:sdt>"
        + f'<w:moveFrom w:id="3" w:author="x">{_run("MOVED")}</w:moveFrom>'
        + f'<w:moveTo w:id="4" w:author="x">{_run("H")}</w:moveTo>'
        + f"<w:customXml>{_run('I')}</w:customXml>"
    )
    layout = _build(lambda d: _append_body(d, _xml_paragraph(inner)))
    assert _texts(layout) == ["ABCDEFGHI"]
    assert "tracked deletions skipped" in layout.notes


def test_block_level_content_controls() -> None:
    def fill(d: Any) -> None:
        d.add_paragraph("one")
        sdt = parse_xml(
            f"<w:sdt {NSDECL}><w:sdtPr/><w:sdtContent><w:p>{_run('two')}</w:p>"
            f"<w:tbl><w:tr><w:tc><w:p>{_run('cell')}</w:p></w:tc></w:tr></w:tbl>"
            "</w:sdtContent></w:sdt>"
        )
        _append_body(d, sdt)
        d.add_paragraph("three")

    layout = _build(fill)
    assert _texts(layout) == ["one", "two", "cell", "three"]
    assert layout.blocks[2].location.kind == "cell"
    assert layout.blocks[2].location.table == 0


def test_rows_and_cells_wrapped_in_content_controls() -> None:
    tbl = parse_xml(
        f'<w:tbl {NSDECL}><w:tblPr><w:tblpPr w:leftFromText="180"/></w:tblPr>'
        f"<w:sdt><w:sdtContent><w:tr><w:tc><w:p>{_run('a')}</w:p></w:tc>"
        f"<w:sdt><w:sdtContent><w:tc><w:p>{_run('b')}</w:p></w:tc></w:sdtContent></w:sdt>"
        f"</w:tr></w:sdtContent></w:sdt><w:tr><w:tc><w:p>{_run('c')}</w:p></w:tc></w:tr></w:tbl>"
    )
    layout = _build(lambda d: _append_body(d, tbl))
    got = [(b.text, b.location.row, b.location.column) for b in layout.blocks]
    assert got == [("a", 0, 0), ("b", 0, 1), ("c", 1, 0)]


def test_merged_cells_column_is_the_cell_index() -> None:
    def fill(d: Any) -> None:
        table = d.add_table(rows=3, cols=3)
        table.cell(0, 0).merge(table.cell(0, 1))  # gridSpan=2
        table.cell(0, 0).text = "wide"
        table.cell(0, 2).text = "right"
        table.cell(1, 0).merge(table.cell(2, 0))  # vMerge restart / continue
        table.cell(1, 0).text = "tall"
        table.cell(1, 1).text = "m1"
        table.cell(1, 2).text = "r1"
        table.cell(2, 1).text = "m2"
        table.cell(2, 2).text = "r2"

    layout = _build(fill)
    got = [(b.text, b.location.row, b.location.column) for b in layout.blocks]
    # the gridSpan cell is column 0 and its neighbour column 1 (cell index, not grid
    # column); the empty vMerge continuation cell gives no block
    assert got == [
        ("wide", 0, 0),
        ("right", 0, 1),
        ("tall", 1, 0),
        ("m1", 1, 1),
        ("r1", 1, 2),
        ("m2", 2, 1),
        ("r2", 2, 2),
    ]


def test_nested_tables_flatten_into_the_cell() -> None:
    def fill(d: Any) -> None:
        outer = d.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "left"
        cell = outer.cell(0, 1)
        cell.text = "right"
        inner = cell.add_table(rows=2, cols=2)
        for r in range(2):
            for c in range(2):
                inner.cell(r, c).text = f"n{r}{c}"
        d.add_table(rows=1, cols=1).cell(0, 0).text = "next"

    layout = _build(fill)
    got = [(b.text, b.location.table, b.location.row, b.location.column) for b in layout.blocks]
    assert got[:6] == [
        ("left", 0, 0, 0),
        ("right", 0, 0, 1),
        ("n00", 0, 0, 1),
        ("n01", 0, 0, 1),
        ("n10", 0, 0, 1),
        ("n11", 0, 0, 1),
    ]
    # nested tables are not counted: the next top-level table is table 1
    assert got[-1] == ("next", 1, 0, 0)


def test_headers_and_footers_after_the_body_once_per_part() -> None:
    from docx.enum.section import WD_SECTION

    def fill(d: Any) -> None:
        d.sections[0].header.paragraphs[0].text = "page header"
        d.sections[0].footer.paragraphs[0].text = "page footer"
        d.add_paragraph("body 1")
        d.add_section(WD_SECTION.NEW_PAGE)  # linked to the previous: no parts of its own
        d.add_paragraph("body 2")

    layout = _build(fill)
    got = [(b.text, b.location.kind) for b in layout.blocks]
    assert got == [
        ("body 1", "paragraph"),
        ("", "paragraph"),  # the paragraph that carries the first section's w:sectPr
        ("body 2", "paragraph"),
        ("page header", "header"),
        ("page footer", "footer"),
    ]


def test_header_referenced_twice_is_read_once() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "shared header"
    document.add_paragraph("body")
    sect = document.sections[0]._sectPr
    ref = sect.find(f"{{{W_NS}}}headerReference")
    rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    first = parse_xml(f'<w:headerReference {NSDECL} w:type="first" r:id="{rid}"/>')
    ref.addnext(first)
    layout = read_docx(_save(document))
    assert [b.text for b in layout.blocks if b.location.kind == "header"] == ["shared header"]


def test_text_box_read_once_after_its_anchor() -> None:
    def fill(d: Any) -> None:
        d.add_paragraph("first")
        _append_body(d, _xml_paragraph(_run("Số: 12/UBND") + _text_box_run("V/v một", "hai")))
        d.add_paragraph("last")

    layout = _build(fill)
    got = [(b.text, b.location.kind) for b in layout.blocks]
    assert got == [
        ("first", "paragraph"),
        ("Số: 12/UBND", "paragraph"),
        ("V/v một", "textbox"),
        ("hai", "textbox"),
        ("last", "paragraph"),
    ]
    assert [b.location.paragraph for b in layout.blocks] == [0, 1, 2, 3, 4]


def test_text_box_in_a_cell_keeps_the_cell() -> None:
    def fill(d: Any) -> None:
        table = d.add_table(rows=1, cols=2)
        cell = table.cell(0, 0)
        cell.text = "UBND"
        cell._tc.append(_xml_paragraph(_run("Số:") + _text_box_run("DỰ THẢO")))
        table.cell(0, 1).text = "CỘNG HÒA"

    layout = _build(fill)
    got = [(b.text, b.location.kind, b.location.table, b.location.column) for b in layout.blocks]
    assert got == [
        ("UBND", "cell", 0, 0),
        ("Số:", "cell", 0, 0),
        ("DỰ THẢO", "textbox", 0, 0),
        ("CỘNG HÒA", "cell", 0, 1),
    ]


def test_empty_text_box_gives_no_block() -> None:
    def fill(d: Any) -> None:
        _append_body(d, _xml_paragraph(_run("tick") + _text_box_run("", " ")))

    assert [(b.text, b.location.kind) for b in _build(fill).blocks] == [("tick", "paragraph")]


def test_fallback_read_only_when_the_choice_is_empty() -> None:
    def fill(d: Any) -> None:
        _append_body(d, _xml_paragraph(_text_box_run("only VML", choice=False)))
        _append_body(d, _xml_paragraph(_text_box_run("only DrawingML", fallback=False)))

    layout = _build(fill)
    assert [(b.text, b.location.kind) for b in layout.blocks] == [
        ("", "paragraph"),
        ("only VML", "textbox"),
        ("", "paragraph"),
        ("only DrawingML", "textbox"),
    ]
    assert any("mc:Fallback" in note for note in layout.notes)


def test_alternate_content_of_text_reads_one_branch() -> None:
    inner = (
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        f"{_run('new')}</mc:Choice><mc:Fallback>{_run('old')}</mc:Fallback>"
        "</mc:AlternateContent>"
    )
    layout = _build(lambda d: _append_body(d, _xml_paragraph(inner)))
    assert _texts(layout) == ["new"]


def test_nested_text_box() -> None:
    inner_box = _text_box_run("inner")
    outer = (
        "<w:r><w:drawing><wps:txbx><w:txbxContent>"
        f"<w:p>{_run('outer')}{inner_box}</w:p>"
        "</w:txbxContent></wps:txbx></w:drawing></w:r>"
    )
    layout = _build(lambda d: _append_body(d, _xml_paragraph(_run("anchor") + outer)))
    assert [(b.text, b.location.kind) for b in layout.blocks] == [
        ("anchor", "paragraph"),
        ("outer", "textbox"),
        ("inner", "textbox"),
    ]


def test_fonts_from_direct_formatting_and_the_style_chain() -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    def fill(d: Any) -> None:
        normal = d.styles["Normal"]
        normal.font.name = "VNI-Times"
        normal.font.size = Pt(13)
        strong = d.styles.add_style("Strong Para", WD_STYLE_TYPE.PARAGRAPH)
        strong.base_style = normal
        strong.font.bold = True
        p = d.add_paragraph()
        run = p.add_run("direct")
        run.font.name = "Times New Roman"
        run.font.size = Pt(14)
        run.font.italic = True
        d.add_paragraph("from Normal")
        d.add_paragraph("from Strong Para", style="Strong Para")
        d.add_paragraph("")
        p = d.add_paragraph()
        p.add_run("")
        off = p.add_run("bold off")
        off.font.bold = False

    blocks = _build(fill).blocks
    props = [(b.font, b.size, b.bold, b.italic) for b in blocks]
    assert props == [
        ("Times New Roman", 14.0, False, True),
        ("VNI-Times", 13.0, False, False),
        ("VNI-Times", 13.0, True, False),
        (None, None, None, None),
        ("VNI-Times", 13.0, False, False),
    ]


def test_style_cycle_does_not_hang() -> None:
    document = docx.Document()
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/>'
            "<w:rPr><w:b/></w:rPr></w:style>"
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/>'
            '<w:rPr><w:sz w:val="x"/></w:rPr></w:style>'
        )
    )
    _append_body(document, _xml_paragraph('<w:pPr><w:pStyle w:val="A"/></w:pPr>' + _run("t")))
    (block,) = read_docx(_save(document)).blocks
    assert block.text == "t" and block.bold is True


# -- hostile input --------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("hello")
    return _save(document)


def _rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """``data`` with members replaced or added (``None``: removed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in replace:
                new = replace[info.filename]
                if new is not None:
                    dst.writestr(info.filename, new, zipfile.ZIP_DEFLATED)
            else:
                dst.writestr(info, src.read(info.filename))
        for name, new in replace.items():
            if new is not None and name not in src.namelist():
                dst.writestr(name, new, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _reason(data: Any) -> str:
    with pytest.raises(ReadError) as info:
        read_docx(data)
    return info.value.reason


def test_truncated_zip_is_corrupt() -> None:
    data = _docx_bytes()
    for cut in (10, len(data) // 2, len(data) - 30):
        assert _reason(data[:cut]) == "corrupt"


def test_not_a_zip_is_corrupt() -> None:
    assert _reason(b"PK\x03\x04" + bytes(100)) == "corrupt"
    assert _reason(b"") == "corrupt"


def test_garbled_member_is_corrupt() -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(2000))
    assert _reason(_rezip(_docx_bytes(), {"word/document.xml": garbage})) == "corrupt"
    assert _reason(_rezip(_docx_bytes(), {"word/styles.xml": b"<w:styles"})) == "corrupt"
    assert _reason(_rezip(_docx_bytes(), {"[Content_Types].xml": None})) == "corrupt"


def test_flipped_bytes_inside_a_member_are_corrupt() -> None:
    data = bytearray(_docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    # the compressed data starts after the local header (30 bytes + name + extra)
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 5, start + 5 + 40):
        data[i] ^= 0x5A
    assert _reason(bytes(data)) == "corrupt"


def test_zip_without_document_xml_is_unsupported() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert _reason(out.getvalue()) == "unsupported"
    assert _reason(_rezip(_docx_bytes(), {"word/document.xml": None})) == "unsupported"


def test_not_bytes_is_unsupported() -> None:
    assert _reason("word/document.xml") == "unsupported"


def _patch_central(data: bytes, member: str, patch: Callable[[bytearray, int], None]) -> bytes:
    """Patch the central-directory entry of ``member`` (``patch(buf, entry_offset)``)."""
    buf = bytearray(data)
    pos = 0
    while True:
        pos = buf.find(b"PK\x01\x02", pos)
        assert pos >= 0, member
        name_len = struct.unpack_from("<H", buf, pos + 28)[0]
        if buf[pos + 46 : pos + 46 + name_len].decode() == member:
            patch(buf, pos)
            return bytes(buf)
        pos += 4


def test_zip_bomb_declared_size_is_too_large() -> None:
    def huge(buf: bytearray, pos: int) -> None:
        struct.pack_into("<I", buf, pos + 24, MAX_UNCOMPRESSED + 1)  # uncompressed size

    assert _reason(_patch_central(_docx_bytes(), "word/document.xml", huge)) == "too_large"


def test_zip_bomb_compression_ratio_is_too_large() -> None:
    bomb = b"<w:document/>" + b" " * 5_000_000
    assert _reason(_rezip(_docx_bytes(), {"word/media/zeros.xml": bomb})) == "too_large"


def test_encrypted_member_is_encrypted() -> None:
    def flag(buf: bytearray, pos: int) -> None:
        buf[pos + 8] |= 0x1

    assert _reason(_patch_central(_docx_bytes(), "word/document.xml", flag)) == "encrypted"


def test_xxe_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4711", "utf-8")
    document = _rezip(_docx_bytes(), {})
    with zipfile.ZipFile(io.BytesIO(document)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    head, rest = xml.split("?>", 1)
    doctype = (
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
        '<!ENTITY lol "lollollollollollollollollol">]>'
    )
    rest = rest.replace(">hello<", ">hello &xxe; &lol; end<")
    assert "&xxe;" in rest
    data = _rezip(document, {"word/document.xml": (head + "?>" + doctype + rest).encode()})
    try:
        layout = read_docx(data)
    except ReadError:
        return
    assert "TOP-SECRET" not in _joined(layout)
    assert "lollol" not in _joined(layout)
    text = _texts(layout)[0]
    assert text.startswith("hello") and text.endswith("end")


def test_not_a_word_package_is_unsupported() -> None:
    data = _docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = zf.read("[Content_Types].xml").decode()
    types = types.replace("document.main+xml", "template.main+xml")
    assert "template.main+xml" in types
    with pytest.raises(ReadError, match="template") as info:
        read_docx(_rezip(data, {"[Content_Types].xml": types.encode()}))
    assert info.value.reason == "unsupported"


def test_excessive_nesting_is_corrupt() -> None:
    data = _docx_bytes()
    inner = f"<w:p>{_run('deep')}</w:p>"
    for _ in range(300):
        inner = f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    xml = xml.replace("<w:body>", "<w:body>" + inner)
    assert _reason(_rezip(data, {"word/document.xml": xml.encode()})) == "corrupt"


def test_nesting_within_the_parser_limit_is_read() -> None:
    data = _docx_bytes()
    inner = f"<w:p>{_run('deep')}</w:p>"
    for _ in range(100):
        inner = f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    xml = xml.replace("<w:body>", "<w:body>" + inner)
    assert _texts(read_docx(_rezip(data, {"word/document.xml": xml.encode()}))) == [
        "deep",
        "hello",
    ]


def test_bytes_like_input() -> None:
    data = _docx_bytes()
    assert _texts(read_docx(bytearray(data))) == _texts(read_docx(memoryview(data))) == ["hello"]


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from vnadmin._extras import MissingExtraError

    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'vnadmin\[docx\]'"):
        read_docx(_VALID)


@settings(max_examples=60)
@given(st.binary(max_size=2000))
def test_random_bytes_raise_only_read_errors(data: bytes) -> None:
    for candidate in (data, b"PK\x03\x04" + data):
        with contextlib.suppress(ReadError):
            read_docx(candidate)


_VALID = _docx_bytes()


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(0, len(_VALID) - 1), st.integers(1, 255)), max_size=8))
def test_mutated_docx_raises_only_read_errors(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_VALID)
    for pos, xor in flips:
        data[pos] ^= xor
    try:
        layout = read_docx(bytes(data))
    except ReadError:
        return
    assert all(isinstance(b, Block) for b in layout.blocks)


# -- round trip -----------------------------------------------------------------------------

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"), blacklist_characters="\r")
    | st.sampled_from("\t\n áàảãạăằẳẵặâầẩẫậđéèẻẽẹêềểễệ ỦY BAN NHÂN DÂN"),
    max_size=40,
)


@settings(max_examples=40)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("p"), _TEXT),
            st.tuples(
                st.just("t"),
                st.lists(
                    st.lists(st.lists(_TEXT, min_size=1, max_size=2), min_size=1, max_size=3),
                    min_size=1,
                    max_size=3,
                ),
            ),
        ),
        max_size=6,
    )
)
def test_round_trip(items: list[tuple[str, Any]]) -> None:
    document = docx.Document()
    expected: list[tuple[str, str, int | None, int | None, int | None]] = []
    tables = 0
    for item in items:
        if item[0] == "p":
            document.add_paragraph(item[1])
            expected.append((item[1], "paragraph", None, None, None))
            continue
        rows = item[1]
        ncols = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=ncols)
        for r, row in enumerate(rows):
            for c in range(ncols):
                paragraphs = row[c] if c < len(row) else [""]
                cell = table.cell(r, c)
                cell.text = paragraphs[0]
                for more in paragraphs[1:]:
                    cell.add_paragraph(more)
                expected.extend((t, "cell", tables, r, c) for t in paragraphs)
        tables += 1
    layout = read_docx(_save(document))
    got = [
        (b.text, b.location.kind, b.location.table, b.location.row, b.location.column)
        for b in layout.blocks
    ]
    assert got == expected


def test_theme_font_resolved() -> None:
    data = _docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        theme = next(n for n in zf.namelist() if n.startswith("word/theme/"))
        xml = zf.read(theme).decode("utf-8")
    minor = re.search(r"<a:minorFont>\s*<a:latin typeface=\"([^\"]+)\"", xml)
    assert minor is not None
    (block,) = read_docx(data).blocks
    assert block.text == "hello"
    assert block.font == minor.group(1)  # docDefaults: w:asciiTheme="minorHAnsi"


def test_text_box_in_a_header_stays_a_header_block() -> None:
    def fill(d: Any) -> None:
        d.add_paragraph("body")
        header = d.sections[0].header
        header.paragraphs[0]._p.append(parse_xml(f"<w:r {NSDECL}><w:t>page </w:t></w:r>"))
        header._element.append(_xml_paragraph(_run("anchor") + _text_box_run("DỰ THẢO")))

    layout = _build(fill)
    assert [(b.text, b.location.kind) for b in layout.blocks] == [
        ("body", "paragraph"),
        ("page ", "header"),
        ("anchor", "header"),
        ("DỰ THẢO", "header"),
    ]
