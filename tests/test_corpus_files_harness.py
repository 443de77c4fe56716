"""Tests of the corpus-file scoring harness itself (tests/corpus_files.py, tests/variants.py):
that the fields read off a Document follow expected.json's conventions and that the
not-printed rules of :func:`score` hold. Not the accuracy threshold (that test scores the
reader on the 27 files)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.corpus_files import (
    DATA,
    EXTRA_FIELDS,
    FIELDS,
    actual_fields,
    cited_counts,
    code_key,
    load_expected,
    report,
    score,
)
from vnadmin import parse_document
from vnadmin.dates import PlaceDate

LETTER = (
    "UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nSố: 1376/VP-NC\nLâm Đồng, ngày 06 tháng 4 năm 2026\n"
    "V/v xin ý kiến thành viên UBND tỉnh\n"
    "Kính gửi:\n- Sở Tư pháp;\n- Sở Nội vụ.\n"
    "Văn phòng nhận được Tờ trình số 85/TTr-STP ngày 03/4/2026, căn cứ Nghị định số "
    "126/2024/NĐ-CP và Tờ trình số 85/TTr-STP nêu trên.\n"
    "Nơi nhận:\n- Như trên;\n- Chánh, các PCVP UBND tỉnh;\n- Lưu: VT, NC.Châu.\n"
    "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nTrịnh Ngọc Duệ\n"
)

EXPECTED_LETTER: dict[str, Any] = {
    "file": "letter.docx",
    "code": "1376/VP-NC",
    "code_printed": "1376/VP-NC",
    "type_name": "Công văn",
    "date": "2026-04-06",
    "issuer": "VĂN PHÒNG",
    "issuer_parent": "UBND TỈNH LÂM ĐỒNG",
    "signer_name": "Trịnh Ngọc Duệ",
    "signing_modes": "TL,KT",
    "signer_title": "PHÓ CHÁNH VĂN PHÒNG",
    "noi_nhan_count": 2,
    "archive_units": ["VT", "NC"],
    "addressees": 2,
    "cited_codes": ["85/TTr-STP", "126/2024/NĐ-CP"],
    "summary": "V/v xin ý kiến thành viên UBND tỉnh",
}


# --- expected.json ---------------------------------------------------------------------------


def test_load_expected_lists_the_27_files_with_every_scored_key() -> None:
    rows = load_expected()
    assert len(rows) == 27
    for row in rows:
        assert (DATA / row["file"]).is_file()
        for field in FIELDS:
            assert field in row, (row["file"], field)


def _as_actual(exp: dict[str, Any]) -> dict[str, object]:
    """What a perfect reading gives, in actual_fields' representation."""
    act: dict[str, object] = {f: exp[f] for f in FIELDS}
    act["code"] = code_key(exp["code"]) if exp["code"] is not None else None
    act["cited_codes"] = sorted({code_key(c) for c in exp["cited_codes"]})
    printed = exp.get("code_printed")
    act["code_symbol"] = (
        "".join(printed.split()).lstrip("/") if exp["code"] is None and printed else None
    )
    return act


@pytest.mark.parametrize("exp", load_expected(), ids=lambda e: str(e["file"])[:40])
def test_a_perfect_reading_of_every_corpus_file_scores_all_right(exp: dict[str, Any]) -> None:
    marks = score(exp, _as_actual(exp))
    assert set(marks) == set(FIELDS + EXTRA_FIELDS)
    assert all(m is not False for m in marks.values()), marks
    assert all(marks[f] is True for f in FIELDS)
    r, g, w = cited_counts(exp, _as_actual(exp))
    assert r == g == w == len(set(exp["cited_codes"]))


def test_expected_json_conventions_that_the_harness_relies_on() -> None:
    rows = {r["file"]: r for r in load_expected()}
    assert rows["cong-van_khong-so-BTC-CST-phi-ly-lich-tu-phap-2025.docx"]["date"] == "2025"
    assert rows["bao-cao_khong-so-BC-HCC-lam-dong-bo-chi-so-766-2025-11.docx"]["date"] == "2025-11"
    assert rows["phieu-trinh_10-01-26-PT-NC-lam-dong.docx"]["signing_modes"] is None
    assert rows["quyet-dinh_2319-QD-TTg.pdf"]["signing_modes"] == ""
    assert (
        rows["thong-bao_khong-so-TB-UBND-lam-dong-ket-luan-hoi-nghi-cchc-2026-01.docx"][
            "signing_modes"
        ]
        == "TL,KT"
    )
    for r in rows.values():
        assert isinstance(r["addressees"], int)
        assert r["archive_units"] is None or all("." not in u for u in r["archive_units"])


# --- actual_fields -----------------------------------------------------------------------


def test_actual_fields_of_a_full_letter_match_the_expected_representation() -> None:
    act = actual_fields(parse_document(LETTER))
    assert act["code"] == "1376/VP-NC"
    assert act["code_symbol"] is None
    assert act["type_name"] == "Công văn"
    assert act["date"] == "2026-04-06"
    assert act["issuer"] == "VĂN PHÒNG"
    assert act["issuer_parent"] == "UBND TỈNH LÂM ĐỒNG"
    assert act["signer_name"] == "Trịnh Ngọc Duệ"
    assert act["signing_modes"] == "TL,KT"
    assert act["signer_title"] == "PHÓ CHÁNH VĂN PHÒNG"
    assert act["noi_nhan_count"] == 2  # the Lưu line is not counted
    assert act["archive_units"] == ["VT", "NC"]  # the drafter suffix .Châu is left out
    assert act["addressees"] == 2
    assert act["cited_codes"] == ["126/2024/NĐ-CP", "85/TTr-STP"]  # deduplicated, sorted
    marks = score(EXPECTED_LETTER, act)
    assert all(marks[f] is True for f in FIELDS), marks


def test_an_unnumbered_code_is_none_and_its_symbol_is_kept() -> None:
    act = actual_fields(parse_document(LETTER.replace("Số: 1376/VP-NC", "Số:      /VP-NC")))
    assert act["code"] is None
    assert act["code_symbol"] == "VP-NC"
    exp = {**EXPECTED_LETTER, "code": None, "code_printed": "     /VP-NC"}
    marks = score(exp, act)
    assert marks["code"] is True
    assert marks["code_symbol"] is True
    assert score(exp, {**act, "code_symbol": None})["code_symbol"] is False


def test_the_own_code_is_not_a_cited_code() -> None:
    text = LETTER.replace("126/2024/NĐ-CP", "126/2024/NĐ-CP, Công văn số 1376/VP-NC")
    cited = actual_fields(parse_document(text))["cited_codes"]
    assert isinstance(cited, list)
    assert "1376/VP-NC" not in cited


def test_a_blank_day_gives_year_and_month() -> None:
    act = actual_fields(parse_document(LETTER.replace("ngày 06 tháng 4", "ngày    tháng 4")))
    assert act["date"] == "2026-04"


def _with_place_date(day: int | None, month: int | None, year: int | None) -> dict[str, object]:
    doc = parse_document(LETTER)
    pd = PlaceDate(
        place="Hà Nội",
        date=None,
        day=day,
        month=month,
        year=year,
        place_span=None,
        date_span=(0, 0),
        text="",
        span=(0, 0),
    )
    return actual_fields(attrs.evolve(doc, place_date=pd))


def test_blank_day_and_month_give_the_year_alone() -> None:
    assert _with_place_date(None, None, 2025)["date"] == "2025"
    assert _with_place_date(None, 7, 2025)["date"] == "2025-07"
    assert _with_place_date(None, None, None)["date"] is None


def test_no_place_date_no_signature_no_noi_nhan_read_as_none() -> None:
    act = actual_fields(parse_document("Điều 1. Không có gì.\n"))
    for field in ("code", "date", "signer_name", "signing_modes", "signer_title"):
        assert act[field] is None, field
    assert act["noi_nhan_count"] is None
    assert act["archive_units"] is None
    assert act["addressees"] == 0
    assert act["cited_codes"] == []


def test_signing_in_own_name_is_an_empty_mode_string() -> None:
    text = LETTER.replace(
        "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG"
    )
    act = actual_fields(parse_document(text))
    assert act["signing_modes"] == ""
    assert act["signer_title"] == "CHÁNH VĂN PHÒNG"


def test_a_draft_without_the_name_reads_no_signer_name() -> None:
    act = actual_fields(parse_document(LETTER.replace("Trịnh Ngọc Duệ\n", "")))
    assert act["signer_name"] is None
    assert act["signing_modes"] == "TL,KT"


# --- score -------------------------------------------------------------------------------------

BASE: dict[str, object] = dict.fromkeys(FIELDS) | {
    "addressees": 0,
    "cited_codes": [],
    "code_symbol": None,
}


def test_a_missing_expected_key_is_not_applicable() -> None:
    exp = {"file": "x", "code": "5/QĐ-UBND"}
    marks = score(exp, {**BASE, "code": "05/QĐ-UBND"})
    assert marks["code"] is True
    assert marks["date"] is None
    assert marks["summary"] is None
    assert marks["code_symbol"] is None


@pytest.mark.parametrize(
    ("field", "invented"),
    [
        ("code", "5/QĐ-UBND"),
        ("date", "2026-01-12"),
        ("signer_name", "Phụ"),
        ("signing_modes", ""),
        ("signer_title", "CHỦ TỊCH"),
        ("noi_nhan_count", 0),
        ("archive_units", ["VT"]),
        ("summary", "Thực hiện Chương trình công tác"),
    ],
)
def test_a_field_not_printed_is_right_only_when_nothing_is_read(
    field: str, invented: object
) -> None:
    exp = {"file": "x", field: None}
    assert score(exp, {**BASE, field: None})[field] is True
    assert score(exp, {**BASE, field: invented})[field] is False


def test_own_name_signing_is_a_value_not_a_blank() -> None:
    exp = {"file": "x", "signing_modes": ""}
    assert score(exp, {**BASE, "signing_modes": ""})["signing_modes"] is True
    assert score(exp, {**BASE, "signing_modes": None})["signing_modes"] is False
    assert score(exp, {**BASE, "signing_modes": "KT"})["signing_modes"] is False


def test_a_name_only_in_the_signature_widget_may_be_read_or_not() -> None:
    exp = {"file": "x", "signer_name": None, "signer_name_in_signature_widget": "NGUYỄN TRÍ HÒA"}
    assert score(exp, {**BASE, "signer_name": None})["signer_name"] is True
    assert score(exp, {**BASE, "signer_name": "Nguyễn Trí Hòa"})["signer_name"] is True
    assert score(exp, {**BASE, "signer_name": "Phó Chủ tịch"})["signer_name"] is False


def test_strings_compare_with_blanks_collapsed_but_case_kept() -> None:
    exp = {"file": "x", "issuer": "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "signer_title": "PHÓ CHỦ TỊCH"}
    act = {**BASE, "issuer": "ỦY BAN NHÂN DÂN\n TỈNH  LÂM ĐỒNG", "signer_title": "Phó Chủ tịch"}
    marks = score(exp, act)
    assert marks["issuer"] is True
    assert marks["signer_title"] is False


def test_summary_ignores_vv_case_quotes_and_the_final_stop() -> None:
    exp = {"file": "x", "summary": "V/v giới thiệu Lãnh đạo tham gia Ban"}
    for got in ("giới thiệu Lãnh đạo tham gia Ban", "“V/v giới thiệu lãnh đạo tham gia ban.”"):
        assert score(exp, {**BASE, "summary": got})["summary"] is True, got
    assert score(exp, {**BASE, "summary": "giới thiệu Lãnh đạo"})["summary"] is False


def test_archive_units_are_compared_in_order() -> None:
    exp = {"file": "x", "archive_units": ["VT", "HCC", "NC"]}
    assert score(exp, {**BASE, "archive_units": ["VT", "HCC", "NC"]})["archive_units"] is True
    assert score(exp, {**BASE, "archive_units": ["VT", "HCC NC"]})["archive_units"] is False


def test_cited_codes_are_a_set_with_precision_and_recall() -> None:
    exp = {"file": "x", "cited_codes": ["85/TTr-STP", "126/2024/NĐ-CP", "1/BC-X"]}
    act = {**BASE, "cited_codes": ["126/2024/NĐ-CP", "01/BC-X", "85/TTr-STP"]}
    assert score(exp, act)["cited_codes"] is True
    act2 = {**BASE, "cited_codes": ["126/2024/NĐ-CP", "99/QĐ-UBND"]}
    assert score(exp, act2)["cited_codes"] is False
    assert cited_counts(exp, act2) == (1, 2, 3)


def test_example_and_attachment_codes_are_neutral() -> None:
    exp = {
        "file": "x",
        "cited_codes": ["85/TTr-STP"],
        "attachment_cited_codes": ["123/2013/NĐ-CP", "85/TTr-STP"],
        "example_codes": ["16-BC/ĐH"],
    }
    act = {**BASE, "cited_codes": ["85/TTr-STP", "123/2013/NĐ-CP", "16-BC/ĐH"]}
    assert score(exp, act)["cited_codes"] is True
    assert cited_counts(exp, act) == (1, 1, 1)
    # a neutral code that is also expected still has to be read
    assert score(exp, {**BASE, "cited_codes": ["123/2013/NĐ-CP"]})["cited_codes"] is False


def test_codes_of_the_further_documents_of_a_file_are_neutral() -> None:
    exp = {
        "file": "x",
        "cited_codes": ["1866/BTP-PLHSHC"],
        "extra_documents": [{"pages": "3", "cited_codes": ["202/2025/QH15"]}],
    }
    act = {**BASE, "cited_codes": ["1866/BTP-PLHSHC", "202/2025/QH15"]}
    assert score(exp, act)["cited_codes"] is True
    assert cited_counts(exp, act) == (1, 1, 1)


@given(st.lists(st.sampled_from(["5/QĐ-UBND", "12/2020/NĐ-CP", "3/BC-SNV", "7-HD/TW"])))
def test_cited_codes_order_and_duplicates_do_not_matter(codes: list[str]) -> None:
    exp = {"file": "x", "cited_codes": codes}
    act = {**BASE, "cited_codes": sorted({code_key(c) for c in codes}, reverse=True)}
    assert score(exp, act)["cited_codes"] is True


def test_code_key_reads_the_canonical_form() -> None:
    assert code_key("85   /GM-UBND") == "85/GM-UBND"
    assert code_key("1/BC-X") == code_key("01/BC-X")
    assert code_key("409/TTr-CAT(PC04)") == "409/TTr-CAT(PC04)"  # kept when not parsed whole


# --- report ------------------------------------------------------------------------------------


def test_report_has_the_table_the_overall_rate_and_the_wrong_pairs() -> None:
    act = actual_fields(parse_document(LETTER))
    wrong = {**EXPECTED_LETTER, "file": "wrong.docx", "signer_title": "CHÁNH VĂN PHÒNG"}
    rows = [(EXPECTED_LETTER, act, score(EXPECTED_LETTER, act)), (wrong, act, score(wrong, act))]
    text = report(rows, title="T")
    assert text.startswith("T\n")
    table = {x.split()[0]: x.split()[1:] for x in text.splitlines()[2:18] if x.strip()}
    assert table["signer_title"] == ["1/2", "50.0"]
    assert table["code"] == ["2/2", "100.0"]
    assert table["code_symbol"][:2] == ["0/0", "-"]  # (no unnumbered file here)
    n = 2 * len(FIELDS)
    assert table["OVERALL"] == [f"{n - 1}/{n}", f"{100 * (n - 1) / n:.1f}"]
    assert "cited_codes: precision 4/4 = 100.0%, recall 4/4 = 100.0%" in text
    assert "wrong.docx  signer_title: 'CHÁNH VĂN PHÒNG' | 'PHÓ CHÁNH VĂN PHÒNG'" in text
    assert "letter.docx  " not in text


# --- variants ----------------------------------------------------------------------------------


def _docx(tmp_path: Path) -> Path:
    from docx import Document as new_docx

    d = new_docx()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    t.cell(0, 1).add_paragraph("Lâm Đồng, ngày 12 tháng 01 năm 2026")
    d.add_paragraph("QUYẾT ĐỊNH")
    d.add_paragraph("Thành lập Ban Chỉ đạo")
    p = tmp_path / "x.docx"
    buf = io.BytesIO()
    d.save(buf)
    p.write_bytes(buf.getvalue())
    return p


def test_tab_joined_joins_a_rows_cells_by_tab(tmp_path: Path) -> None:
    from tests.variants import tab_joined

    text = tab_joined(_docx(tmp_path))
    assert text.splitlines() == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày 12 tháng 01 năm 2026",
        "QUYẾT ĐỊNH",
        "Thành lập Ban Chỉ đạo",
    ]


def test_column_order_reads_the_header_table_column_by_column(tmp_path: Path) -> None:
    from tests.variants import column_order

    assert column_order(_docx(tmp_path)).splitlines() == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày 12 tháng 01 năm 2026",
        "QUYẾT ĐỊNH",
        "Thành lập Ban Chỉ đạo",
    ]


def test_the_antiword_like_rendering_draws_padded_bordered_cells(tmp_path: Path) -> None:
    from tests.variants import antiword_text

    lines = [x for x in antiword_text(_docx(tmp_path)).splitlines() if x.startswith("|")]
    assert len(lines) == 3  # the row is as tall as its tallest cell
    assert len({len(x) for x in lines}) == 1  # padded
    assert lines[0].startswith("|ỦY BAN NHÂN DÂN ")
    assert "|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0]
    assert lines[2].split("|")[1].strip() == ""


def test_the_portal_view_adds_a_title_and_page_furniture() -> None:
    from tests.variants import portal_view

    text = LETTER.replace("V/v xin ý kiến", "CÔNG VĂN\nV/v xin ý kiến")
    out = portal_view(text)
    assert out == portal_view(text)  # deterministic
    lines = out.splitlines()
    assert lines[0].startswith("Cập nhật: ")
    assert lines[1].startswith("Lượt xem: ")
    assert "Công văn về việc xin ý kiến thành viên UBND tỉnh" in lines
    assert any(x.startswith("UBND TỈNH LÂM ĐỒNG VĂN PHÒNG CỘNG HÒA") for x in lines)
    assert lines[-2].startswith("Đang trực tuyến: ")
    dropped = portal_view(text, header="drop")
    assert "Số: 1376/VP-NC" not in dropped
    assert "Kính gửi:" in dropped


def test_the_corpus_variants_are_strings() -> None:
    from tests.variants import antiword_text, pdftotext_layout, tab_joined

    rows = load_expected()
    docx = next(DATA / r["file"] for r in rows if r["file"].endswith(".docx"))
    doc = next(DATA / r["file"] for r in rows if r["file"].endswith(".doc"))
    pdf = next(DATA / r["file"] for r in rows if r["file"].endswith(".pdf"))
    assert "CỘNG HÒA" in tab_joined(docx).upper()
    assert "|" in antiword_text(doc)
    assert "  " in pdftotext_layout(pdf)
