"""The PDF reader: the corpus PDFs' two-column header and closing, stamps, signers, and
hostile input (encrypted, image-only, corrupt, random bytes)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnadmin
from vnadmin._extras import MissingExtraError
from vnadmin.reader import Block, Layout, ReadError, read_layout
from vnadmin.reader import pdf as pdf_module
from vnadmin.reader.pdf import read_pdf

pytest.importorskip("pdfminer")

FILES = Path(__file__).parent / "data" / "files"
EXPECTED: dict[str, dict[str, Any]] = {
    e["file"]: e
    for e in json.loads((FILES / "expected.json").read_text("utf-8"))
    if e["file"].endswith(".pdf")
}
PDFS = sorted(EXPECTED)
_WS = re.compile(r"\s+")


@cache
def layout_of(name: str) -> Layout:
    return read_pdf((FILES / name).read_bytes())


def squeeze(text: str) -> str:
    return _WS.sub(" ", text).strip()


def column(layout: Layout, table: int, col: int) -> list[Block]:
    return [b for b in layout.blocks if b.location.table == table and b.location.column == col]


def column_text(layout: Layout, table: int, col: int) -> str:
    return squeeze(" ".join(b.text for b in column(layout, table, col)))


def regions(layout: Layout) -> list[int]:
    return sorted({b.location.table for b in layout.blocks if b.location.table is not None})


def closing(layout: Layout) -> int:
    """The first region whose left column holds ``Nơi nhận``."""
    for t in regions(layout):
        if "Nơi nhận" in column_text(layout, t, 0):
            return t
    raise AssertionError("no closing region")


# --- the corpus ---------------------------------------------------------------------------


def test_corpus_has_the_ten_pdfs() -> None:
    assert len(PDFS) == 10


@pytest.mark.parametrize("name", PDFS)
def test_layout_basics(name: str) -> None:
    layout = layout_of(name)
    assert layout.format == "pdf"
    assert layout.pages is not None and layout.pages >= 1
    assert "text layer looks like OCR noise" not in layout.notes
    assert layout.blocks
    for i, block in enumerate(layout.blocks):
        loc = block.location
        assert loc.kind == "line"
        assert loc.paragraph == i
        assert loc.page is not None and 1 <= loc.page <= layout.pages
        assert loc.bbox is not None
        x0, top, x1, bottom = loc.bbox
        assert 0 <= x0 <= x1 <= 842 and 0 <= top <= bottom <= 900
        assert block.text and block.text == block.text.strip()
        if loc.table is not None:
            assert loc.row is not None and loc.row >= 0
            assert loc.column in (0, 1)
    pages = [b.location.page for b in layout.blocks]
    assert pages == sorted(pages)  # page by page


@pytest.mark.parametrize("name", [n for n in PDFS if EXPECTED[n]["header_table"]])
def test_header_region(name: str) -> None:
    layout = layout_of(name)
    exp = EXPECTED[name]
    assert regions(layout) and regions(layout)[0] == 0
    header = [b for b in layout.blocks if b.location.table == 0]
    assert {b.location.page for b in header} == {1}
    left = column_text(layout, 0, 0)
    right = column_text(layout, 0, 1).replace("HOÀ", "HÒA")
    assert squeeze(exp["issuer"]) in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right or "ĐOÀN TNCS HỒ CHÍ MINH" in right
    assert "CỘNG" not in left
    assert re.search(r"ngày .*tháng .*năm \d{4}", right)
    # Rows grow with the line index inside the region.
    rows = [b.location.row for b in header]
    assert rows == sorted(rows)


@pytest.mark.parametrize("name", PDFS)
def test_so_line_is_one_block_with_the_stamped_number(name: str) -> None:
    """E-office systems stamp the number into a blank as a signature-widget appearance
    (``Số: 85 /GM-UBND``): positions put it back into the line, in one block."""
    layout = layout_of(name)
    code = squeeze(EXPECTED[name]["code_printed"])
    so = [b for b in column(layout, 0, 0) if b.text.startswith("Số")]
    assert len(so) == 1
    assert code in squeeze(so[0].text)


@pytest.mark.parametrize("name", PDFS)
def test_closing_region(name: str) -> None:
    layout = layout_of(name)
    exp = EXPECTED[name]
    t = closing(layout)
    assert t > 0
    left = column_text(layout, t, 0)
    right = column_text(layout, t, 1)
    assert left.startswith("Nơi nhận")
    assert re.search(r"Lưu", left)
    assert "Nơi nhận" not in right
    if exp["signer_name"]:
        assert exp["signer_name"] in right
        assert exp["signer_name"] not in left
    else:  # the name exists only in the signature appearance / certificate
        assert "NGUYỄN TRÍ HÒA" in layout.signers
    assert exp["signer_title"].split()[-1] in right


def test_closing_title_above_noi_nhan_joins_the_region() -> None:
    layout = layout_of("cong-van_788-STP-HCBT-binh-thuan.pdf")
    t = closing(layout)
    right = column(layout, t, 1)
    assert right[0].text == "GIÁM ĐỐC"
    assert right[-1].text == "Phạm Thị Minh Hiếu"


def test_closing_stops_before_text_across_the_columns() -> None:
    layout = layout_of("cong-dien_58-CD-VPCP.pdf")
    t = closing(layout)
    assert column(layout, t, 1)[-1].text == "Phạm Mạnh Cường"
    phone = [b for b in layout.blocks if b.text.startswith("Số điện thoại liên hệ")]
    assert phone and all(b.location.table is None for b in phone)


def test_every_letter_of_a_file_with_three_gets_its_regions() -> None:
    layout = layout_of("cong-van_3917-BTP-BTTP.pdf")
    by_page: dict[int, set[int]] = {}
    for b in layout.blocks:
        if b.location.table is not None and b.location.page is not None:
            by_page.setdefault(b.location.page, set()).add(b.location.table)
    assert len(regions(layout)) == 6  # three headers, three closings
    assert len(by_page[3]) == 2 and len(by_page[4]) == 2


def test_issuing_stamp_line_stays_outside_the_header() -> None:
    layout = layout_of("quyet-dinh_2319-QD-TTg.pdf")
    stamp = [b for b in layout.blocks if b.text.startswith("Cơ quan phát hành")]
    assert stamp and stamp[0].location.table is None
    assert layout.blocks.index(stamp[0]) < layout.blocks.index(column(layout, 0, 0)[0])


def test_stamped_day_is_read() -> None:
    """The day is stamped slanted (a sheared text matrix): still read, in its line."""
    layout = layout_of("giay-moi_85-GM-UBND-lam-dong.pdf")
    assert "Lâm Đồng, ngày 19 tháng 01 năm 2026" in column_text(layout, 0, 1)


def test_signers_from_signature_fields() -> None:
    assert layout_of("giay-moi_85-GM-UBND-lam-dong.pdf").signers[0] == "Trịnh Ngọc Duệ"
    assert "Nguyễn Minh" in layout_of("quyet-dinh_2536-QD-UBND-lam-dong.pdf").signers
    assert layout_of("huong-dan_545-HD-BTV-hiep-hoi-cong-chung-vien.pdf").signers == (
        "NGUYỄN TRÍ HÒA",
    )
    assert layout_of("cong-van_156-CV-TDTN-BCTD-TTN-lam-dong.pdf").signers == ()
    for name in PDFS:
        for signer in layout_of(name).signers:
            assert "CA" not in signer.split() and "RootCA" not in signer


def test_page_numbers_are_lone_blocks_outside_regions() -> None:
    layout = layout_of("huong-dan_545-HD-BTV-hiep-hoi-cong-chung-vien.pdf")
    page7 = [b for b in layout.blocks if b.location.page == 7]
    assert [b.text for b in page7] == ["7"]
    assert page7[0].location.table is None


def test_read_layout_dispatches_to_the_pdf_reader() -> None:
    layout = read_layout(FILES / "cong-van_156-CV-TDTN-BCTD-TTN-lam-dong.pdf")
    assert layout.format == "pdf" and layout.pages == 1


# --- synthetic PDFs -------------------------------------------------------------------------


Run = tuple[float, float, float, str]


def make_pdf(
    pages: list[list[Run]],
    *,
    truncate: bool = False,
    stamps: dict[int, list[Run]] | None = None,
) -> bytes:
    """A minimal PDF: each page a list of ``(x, top, size, text)``; one simple font whose
    /Differences give the non-ASCII letters ``uniXXXX`` names (every glyph 500 units wide).
    ``stamps`` (page index → runs) are drawn as signature-widget appearance streams, the
    way e-office systems stamp the number and the day at issuance."""
    stamps = stamps or {}
    runs = [run for page in pages for run in page] + [r for v in stamps.values() for r in v]
    extra = sorted({ch for *_, text in runs for ch in text if ord(ch) > 126})
    assert len(extra) <= 128
    code = {ch: 128 + i for i, ch in enumerate(extra)}
    diffs = " ".join(f"/uni{ord(ch):04X}" for ch in extra)
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages, below
        (
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255"
            f" /Widths [{' '.join(['500'] * 256)}]"
            f" /Encoding << /Type /Encoding /Differences [128 {diffs}] >> >>"
        ).encode(),
    ]

    def show(x: float, y: float, size: float, text: str) -> bytes:
        raw = bytes(code.get(ch, ord(ch)) for ch in text)
        esc = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        return b"BT /F1 %.1f Tf %.2f %.2f Td (" % (size, x, y) + esc + b") Tj ET"

    def stream(attrs: bytes, content: bytes) -> bytes:
        return b"<< %s /Length %d >>\nstream\n" % (attrs, len(content)) + content + b"\nendstream"

    kids = []
    for index, page in enumerate(pages):
        content = b"\n".join(show(x, 842 - top - size, size, text) for x, top, size, text in page)
        annots = []
        for x, top, size, text in stamps.get(index, []):
            w, h = len(text) * size / 2 + 4, size + 4
            objs.append(
                stream(
                    b"/Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f]"
                    b" /Resources << /Font << /F1 3 0 R >> >>" % (w, h),
                    show(0, 2, size, text),
                )
            )
            y0 = 842 - top - size - 2
            objs.append(
                b"<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /Rect [%.2f %.2f %.2f %.2f]"
                b" /AP << /N %d 0 R >> >>" % (x, y0, x + w, y0 + h, len(objs))
            )
            annots.append(b"%d 0 R" % len(objs))
        objs.append(stream(b"", content))
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R /Annots [%s] >>"
            % (len(objs), b" ".join(annots))
        )
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        xref,
    )
    return bytes(out[: len(out) // 2]) if truncate else bytes(out)


HEADER_PAGE = [
    (90, 60, 13, "ỦY BAN NHÂN DÂN"),
    (300, 60, 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (100, 75, 13, "TỈNH LÂM ĐỒNG"),
    (330, 75, 14, "Độc lập - Tự do - Hạnh phúc"),
    (100, 100, 13, "Số:             /QĐ-UBND"),
    (300, 100, 13, "Lâm Đồng, ngày          tháng 01 năm 2026"),
    (250, 140, 14, "QUYẾT ĐỊNH"),
    (85, 180, 14, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
    (85, 500, 12, "Nơi nhận:"),
    (380, 500, 13, "KT. CHỦ TỊCH"),
    (85, 514, 11, "- Như Điều 3;"),
    (380, 516, 13, "PHÓ CHỦ TỊCH"),
    (85, 528, 11, "- Lưu: VT, NC."),
    (390, 600, 14, "Nguyễn Minh"),
    (85, 640, 14, "Phụ lục kèm theo Quyết định này trải ra cả hai cột của trang in"),
]


# The number (2 pt below the baseline) and the day, stamped over the blanks.
STAMPS = {0: [(135, 102, 13, "85"), (395, 100, 13, "19")]}


def test_synthetic_header_and_closing() -> None:
    layout = read_pdf(make_pdf([HEADER_PAGE], stamps=STAMPS))
    assert layout.pages == 1 and layout.notes == ()
    assert column_text(layout, 0, 0) == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG Số: 85 /QĐ-UBND"
    assert column_text(layout, 0, 1) == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
        " Lâm Đồng, ngày 19 tháng 01 năm 2026"
    )
    assert column_text(layout, 1, 0) == "Nơi nhận: - Như Điều 3; - Lưu: VT, NC."
    assert column_text(layout, 1, 1) == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Minh"
    outside = [b.text for b in layout.blocks if b.location.table is None]
    assert outside[0] == "QUYẾT ĐỊNH"
    assert outside[-1].startswith("Phụ lục")
    so = next(b for b in layout.blocks if b.text.startswith("Số"))
    assert so.location.row == 2 and so.location.bbox is not None
    assert so.location.bbox[0] == pytest.approx(100, abs=0.5)
    assert so.font == "Helvetica"


def test_a_line_with_two_columns_outside_regions_is_two_blocks() -> None:
    page = [(85, 300, 12, "Bảng 1"), (85, 400, 12, "Cột trái"), (400, 400, 12, "Cột phải")]
    layout = read_pdf(make_pdf([page]))
    assert [b.text for b in layout.blocks] == ["Bảng 1", "Cột trái", "Cột phải"]
    left, right = layout.blocks[1].location.bbox, layout.blocks[2].location.bbox
    assert left is not None and right is not None
    assert left[2] < 200 < 400 == pytest.approx(right[0])
    assert layout.blocks[1].location.table is None


def test_ocr_noise_is_noted() -> None:
    noise = [(85, 60 + 20 * i, 12, "uY BAN NgAN nAN tlNH LaM dONG sO NoI vU") for i in range(5)]
    layout = read_pdf(make_pdf([noise]))
    assert "text layer looks like OCR noise" in layout.notes
    assert layout.blocks


def test_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 2)
    layout = read_pdf(make_pdf([[(85, 100, 12, f"Trang {i}")] for i in range(1, 4)]))
    assert layout.pages == 3
    assert [b.text for b in layout.blocks] == ["Trang 1", "Trang 2"]
    assert "read the first 2 of 3 pages" in layout.notes


@pytest.mark.parametrize("stamps", [None, {0: [(135, 102, 13, "85")]}])
def test_no_text_layer(stamps: dict[int, list[Run]] | None) -> None:
    """A scan has no text layer even when a signing service stamped a number on it."""
    with pytest.raises(ReadError) as info:
        read_pdf(make_pdf([[]], stamps=stamps))
    assert info.value.reason == "no_text"
    assert "no text layer" in str(info.value) and "OCR" in str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
        b"not a pdf at all",
        b"",
    ],
)
def test_corrupt(data: bytes) -> None:
    with pytest.raises(ReadError) as info:
        read_pdf(data)
    assert info.value.reason == "corrupt"


def test_truncated() -> None:
    with pytest.raises(ReadError) as info:
        read_pdf(make_pdf([HEADER_PAGE], truncate=True))
    assert info.value.reason == "corrupt"
    data = (FILES / "cong-van_156-CV-TDTN-BCTD-TTN-lam-dong.pdf").read_bytes()
    half = data[: len(data) // 2]
    try:
        layout = read_pdf(half)
    except ReadError as exc:
        reason = exc.reason
    else:
        reason = "read"
        assert any("truncated" in note for note in layout.notes)
    assert reason in ("corrupt", "no_text", "read")


def _encrypt(data: bytes, user: str) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted() -> None:
    with pytest.raises(ReadError) as info:
        read_pdf(_encrypt(make_pdf([HEADER_PAGE]), "secret"))
    assert info.value.reason == "encrypted"


def test_encrypted_with_an_empty_user_password_is_read() -> None:
    layout = read_pdf(_encrypt(make_pdf([HEADER_PAGE]), ""))
    assert column_text(layout, 1, 1) == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Minh"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), st.binary(max_size=400).map(lambda b: b"%PDF-1.4\n" + b)))
def test_random_bytes_raise_only_read_error(data: bytes) -> None:
    with contextlib.suppress(ReadError):
        read_pdf(data)


_SMALL = make_pdf([HEADER_PAGE], stamps=STAMPS)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_SMALL) - 1), st.integers(0, 255)), max_size=8))
def test_mutated_pdfs_raise_only_read_error(edits: list[tuple[int, int]]) -> None:
    data = bytearray(_SMALL)
    for pos, value in edits:
        data[pos] = value
    try:
        layout = read_pdf(bytes(data))
    except ReadError:
        return
    assert layout.format == "pdf"


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_corpus_pdf_raises_only_read_error(data: st.DataObject) -> None:
    raw = bytearray((FILES / "cong-van_156-CV-TDTN-BCTD-TTN-lam-dong.pdf").read_bytes())
    for _ in range(data.draw(st.integers(1, 20))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    with contextlib.suppress(ReadError):
        read_pdf(bytes(raw))


def test_errors_are_vnadmin_errors() -> None:
    with pytest.raises(vnadmin.VnAdminError):
        read_pdf(b"%PDF-1.4 garbage")


def test_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pdfminer", None)
    with pytest.raises(MissingExtraError) as info:
        read_pdf(_SMALL)
    assert "vnadmin[pdf]" in str(info.value)


def test_closing_across_a_page_break() -> None:
    """The Nơi nhận list continues on the next page after its page number; the region
    ends before an appendix title below the signature."""
    page1 = [
        (85, 60, 13, "ỦY BAN NHÂN DÂN"),
        (300, 60, 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (100, 100, 13, "Số: 12/UBND-VX"),
        (300, 100, 13, "Lâm Đồng, ngày 2 tháng 3 năm 2026"),
        (85, 700, 12, "Nơi nhận:"),
        (380, 700, 13, "TM. ỦY BAN NHÂN DÂN"),
        (85, 714, 11, "- Như trên;"),
        (380, 716, 13, "CHỦ TỊCH"),
        (85, 728, 11, "- Sở Y tế;"),
    ]
    page2 = [
        (290, 30, 12, "2"),
        (85, 60, 11, "- Lưu: VT, VX."),
        (390, 120, 14, "Hồ Văn Mười"),
        (85, 300, 14, "PHỤ LỤC"),
        (85, 330, 14, "Danh sách các đơn vị được giao nhiệm vụ tại Điều 2 kèm theo văn bản"),
    ]
    layout = read_pdf(make_pdf([page1, page2]))
    assert column_text(layout, 1, 0) == "Nơi nhận: - Như trên; - Sở Y tế; - Lưu: VT, VX."
    assert column_text(layout, 1, 1) == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Hồ Văn Mười"
    outside = [(b.location.page, b.text) for b in layout.blocks if b.location.table is None]
    assert outside[0] == (2, "2")
    assert outside[1] == (2, "PHỤ LỤC")
