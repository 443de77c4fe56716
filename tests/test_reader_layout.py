"""Reading order of layouts and of text drawn in columns: the same fields as the plain text,
spans that slice the caller's string to each field."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnadmin
from tests.layouts import STYLES, as_layout, side_by_side
from vnadmin.reader.columns import normalize_document
from vnadmin.reader.compose import compose, split_documents
from vnadmin.reader.model import Block, Layout, Location
from vnadmin.strategies import DocumentDraft, documents

_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fields(doc: vnadmin.Document) -> dict[str, object]:
    sig = doc.signature
    return {
        "code": str(doc.code) if doc.code else None,
        "issuer": doc.issuer,
        "parents": doc.issuer_parents,
        "date": doc.date,
        "place": doc.place,
        "type": doc.type_name,
        "summary": doc.summary,
        "recipients": None if doc.recipients is None else len(doc.recipients.entries),
        "archive": None
        if doc.recipients is None or doc.recipients.archive is None
        else doc.recipients.archive.units,
        "signer": None
        if sig is None
        else (sig.signer_name, sig.signer_title, tuple(a.mode for a in sig.chain)),
        "references": tuple(str(r.code) for r in doc.references),
    }


def assert_exact_spans(doc: vnadmin.Document, text: str) -> None:
    """Each single-column field's span slices ``text`` to the field's own text."""
    if doc.code is not None:
        a, b = doc.code.span
        assert text[a:b] == doc.code.source
    if doc.place_date is not None:
        a, b = doc.place_date.span
        assert text[a:b] == doc.place_date.text
    sig = doc.signature
    if sig is not None and sig.signer_name:
        a, b = sig.name_span
        assert " ".join(text[a:b].split()) == sig.signer_name
    if sig is not None and sig.signer_title:
        a, b = sig.signer_title_span
        assert " ".join(text[a:b].split()) == sig.signer_title
    for ref in doc.references:
        a, b = ref.span
        assert ref.code.source in text[a:b]


@_SETTINGS
@given(documents(), st.sampled_from(STYLES))
def test_columns_drawn_in_text_read_as_the_plain_text(draft: DocumentDraft, style: str) -> None:
    plain = vnadmin.parse_document(draft.render())
    text = side_by_side(draft, style)
    doc = vnadmin.parse_document(text)
    assert fields(doc) == fields(plain)
    assert_exact_spans(doc, text)


@_SETTINGS
@given(documents(), st.sampled_from(["2x2", "1x2"]))
def test_word_tables_composed_in_reading_order(draft: DocumentDraft, shape: str) -> None:
    plain = vnadmin.parse_document(draft.render())
    composed = compose(as_layout(draft, table_shape=shape))
    doc = vnadmin.parse_document(composed.text)
    assert fields(doc) == fields(plain)
    assert_exact_spans(doc, composed.text)
    # the code sits in the header table's left column
    loc = composed.locate(doc.code.span)
    assert (loc.table, loc.column) == (0, 0)
    if doc.signature is not None and doc.signature.signer_name:
        loc = composed.locate(doc.signature.name_span)
        assert (loc.table, loc.column) == (1, 1)


@pytest.mark.parametrize("style", STYLES)
def test_reordered_text_is_normalised_once_and_reports_the_columns(style: str) -> None:
    text = side_by_side(_fixed_draft(), style)
    nt = normalize_document(text)
    kinds = [r.kind for r in nt.repairs()]
    if style == "tab":
        assert nt.text.count("\t") == 0 or "columns" in kinds
    else:
        assert kinds.count("columns") == 2  # the header and the closing
    # the map is exact inside a piece, and from_original inverts to_original there
    i = nt.text.index("Số:")
    a, b = nt.to_original(i, i + 3)
    assert text[a:b] == "Số:"
    assert nt.from_original(a) == i


def _fixed_draft() -> DocumentDraft:
    from vnadmin.recipients import parse_recipients
    from vnadmin.signatures import parse_signature

    return DocumentDraft(
        issuer="ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
        issuer_line="ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN",
        code=vnadmin.parse_code("12/QĐ-UBND"),
        place="Lạng Sơn",
        date=vnadmin.parse_date("ngày 02 tháng 01 năm 2026"),
        type_line="QUYẾT ĐỊNH",
        summary="Về việc tổ chức hội nghị",
        references=(vnadmin.parse_code("05/KH-UBND"),),
        recipients=parse_recipients("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, NC."),
        signature=parse_signature("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn An"),
    )


def test_antiword_closing_with_a_line_after_the_luu_entry() -> None:
    text = (
        "|Nơi nhận:                 |TL. CHỦ TỊCH              |\n"
        "|- Như thành phần mời;     |KT. CHÁNH VĂN PHÒNG       |\n"
        "|- Lưu: VT, NC.Châu        |PHÓ CHÁNH VĂN PHÒNG       |\n"
        "|                          |                          |\n"
        "|Các đơn vị tải tài liệu tại:|Trịnh Ngọc Duệ          |\n"
    )
    doc = vnadmin.parse_document("Nội dung./.\n" + text)
    sig = doc.signature
    assert sig is not None
    assert [a.mode.value for a in sig.chain] == ["TL", "KT"]
    assert (sig.signer_title, sig.signer_name) == ("PHÓ CHÁNH VĂN PHÒNG", "Trịnh Ngọc Duệ")
    assert doc.recipients is not None and doc.recipients.archive is not None
    assert doc.recipients.archive.units[:2] == ("VT", "NC")


def test_pdftotext_layout_signature_beside_the_list() -> None:
    text = (
        "    Đề nghị các đồng chí dự họp đúng thành phần./.\n"
        "    Nơi nhận:                               TL. CHỦ TỊCH\n"
        "    - Như thành phần mời;               KT. CHÁNH  VĂN PHÒNG\n"
        "    - PCT. UBND tỉnh (Đ/c Phúc);\n"
        "                                       PHÓ  CHÁNH  VĂN  PHÒNG\n"
        "    - Phòng HCQT;\n"
        "    - Lưu: VT, HCC, NC.\n"
        "                                            Trịnh Ngọc Duệ\n"
        "    1 Văn phòng UBND tỉnh về cải cách thủ tục hành chính; Sở Tư pháp về cải\n"
    )
    doc = vnadmin.parse_document(text)
    sig = doc.signature
    assert sig is not None and sig.signer_name == "Trịnh Ngọc Duệ"
    assert sig.signer_title == "PHÓ CHÁNH VĂN PHÒNG"
    assert doc.recipients is not None and len(doc.recipients.entries) == 3
    assert doc.recipients.archive is not None and doc.recipients.archive.units == (
        "VT",
        "HCC",
        "NC",
    )


@pytest.mark.parametrize(
    ("header", "place", "month", "year"),
    [
        # The cells of a draft's header joined by TABs, as python-docx-style extractions
        # give them (the shapes of tests/data/files' Lâm Đồng and Bộ Tài chính drafts): a
        # blank number and a blank day are runs of spaces inside a cell, not column gaps.
        (
            "ỦY BAN NHÂN DÂN\n TỈNH LÂM ĐỒNG\n\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n\n"
            "Số:        /QĐ-UBND\tLâm Đồng, ngày      tháng 01 năm 2026\n\nQUYẾT ĐỊNH\n",
            "Lâm Đồng",
            1,
            2026,
        ),
        (
            "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nSố:           /UBND-NC\nV/v tập trung triển khai\n"
            "tại gia đình, cộng đồng\t\t\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "     Độc lập - Tự do - Hạnh phúc\n  \n"
            "             Lâm Đồng, ngày        tháng 10 năm 2025\n\n\t     \n",
            "Lâm Đồng",
            10,
            2025,
        ),
        (
            "BỘ TÀI CHÍNH\n\n\nSố:          /BTC-CST\nV/v dự thảo Thông tư\n"
            "\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Hà Nội, ngày     tháng    năm 2025\n\n\t\nKính gửi: \t\n- Các Bộ;\n",
            "Hà Nội",
            None,
            2025,
        ),
    ],
)
def test_tab_joined_draft_headers_keep_blank_parts_inside_their_cells(
    header: str, place: str, month: int | None, year: int
) -> None:
    doc = vnadmin.parse_document(header)
    pd = doc.place_date
    assert pd is not None and (pd.place, pd.day, pd.month, pd.year) == (place, None, month, year)
    a, b = pd.span
    assert header[a:b] == pd.text
    assert doc.issuer is not None and doc.issuer.endswith(("LÂM ĐỒNG", "TÀI CHÍNH"))


def test_a_tab_ends_the_place_name() -> None:
    # "…/QĐ-UBND<TAB>Lâm Đồng, ngày …" on one line: the place is the right cell's words
    doc = vnadmin.parse_document("Số: 12/QĐ-UBND\tLâm Đồng, ngày 05 tháng 01 năm 2026\n")
    assert doc.place == "Lâm Đồng" and doc.date is not None and doc.date.day == 5


def test_pdftotext_layout_name_beside_a_list_line_below_the_title() -> None:
    # The shape of quyet-dinh_2319-QD-TTg.pdf's closing in pdfplumber's layout text: the
    # title beside "Nơi nhận:", the name beside an entry further down, the list going on
    # below it (the list's span in the caller's string covers the signature too).
    text = (
        "    Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n\n"
        "    Nơi nhận:                                  THỦ  TƯỚNG\n"
        "    - Như Điều 1;\n"
        "    - Ban Bí thư Trung ương Đảng;\n"
        "    - Văn phòng Chủ tịch nước;                Phạm Minh Chính\n"
        "    - Văn phòng Quốc hội;\n"
        "    - VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT,\n"
        "    các Vụ, Cục, đơn vị trực thuộc, Công báo;\n"
        "    - Lưu: VT, KSTT (2).\n"
    )
    doc = vnadmin.parse_document(text)
    sig = doc.signature
    assert sig is not None and (sig.signer_title, sig.signer_name) == (
        "THỦ TƯỚNG",
        "Phạm Minh Chính",
    )
    assert doc.recipients is not None and doc.recipients.archive is not None
    assert doc.recipients.archive.units == ("VT", "KSTT")
    a, b = sig.name_span
    assert text[a:b] == "Phạm Minh Chính"


@pytest.mark.parametrize(
    ("title", "type_name"),
    [("CÔNG   ĐIỆN", "Công điện"), ("QUYẾT   ĐỊNH", "Quyết định"), ("TỜ  TRÌNH", "Tờ trình")],
)
def test_a_title_in_spaced_capitals_is_the_type(title: str, type_name: str) -> None:
    # a PDF's text of a title set in spaced capitals (cong-dien_58-CD-VPCP.pdf)
    text = (
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 58/CĐ-VPCP\nHà Nội, ngày 10 tháng 01 năm 2026\n\n"
        f"                 {title}\n"
        "      Phiên họp lần thứ nhất Ban Chỉ đạo quốc gia về dữ liệu.\n"
        "                  _________________\n\n"
        "           VĂN  PHÒNG  CHÍNH  PHỦ  điện:\n"
        "      - Các đồng chí thành viên Ban Chỉ đạo quốc gia về dữ liệu;\n"
    )
    doc = vnadmin.parse_document(text)
    assert doc.type_name == type_name
    assert doc.summary == "Phiên họp lần thứ nhất Ban Chỉ đạo quốc gia về dữ liệu."


def test_text_without_columns_is_not_reordered() -> None:
    text = "Điều 1.   Phạm vi\tđiều chỉnh | không phải bảng\nNội dung."
    nt = normalize_document(text)
    assert not nt.is_reordered and nt.text == text


def test_split_documents_and_locate() -> None:
    a, b = as_layout(_fixed_draft()), as_layout(_fixed_draft())
    shift = len(a.blocks)
    moved = tuple(
        Block(
            x.text,
            Location(
                x.location.kind,
                paragraph=(x.location.paragraph or 0) + shift,
                table=None if x.location.table is None else x.location.table + 2,
                row=x.location.row,
                column=x.location.column,
            ),
        )
        for x in b.blocks
    )
    both = Layout(blocks=a.blocks + moved, format="docx")
    parts = split_documents(both)
    assert [len(p.blocks) for p in parts] == [len(a.blocks), len(b.blocks)]
    docs = [vnadmin.parse_document(compose(p).text) for p in parts]
    assert [str(d.code) for d in docs] == ["12/QĐ-UBND", "12/QĐ-UBND"]


def test_file_text_pickles_and_documents_keep_it_out_of_equality_and_json() -> None:
    composed = compose(as_layout(_fixed_draft()))
    doc = vnadmin.parse_document(composed.text)
    import attrs

    with_file = attrs.evolve(doc, file=composed)
    assert with_file == doc
    assert with_file.locate("code") == composed.locate(doc.span_of("code"))
    assert doc.locate("code") is None
    assert vnadmin.to_json(with_file) == vnadmin.to_json(doc)
    assert pickle.loads(pickle.dumps(composed)) == composed
