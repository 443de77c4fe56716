from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnadmin import parse_code
from vnadmin import strategies as vst
from vnadmin.references import find_references, resolve_references

from .conftest import DATA, read_tsv

# The origin of each corpus text, as written in the source column of codes.tsv.
ORIGINS = {
    "cong-van_2739-VPCP-DMDN.txt": "Công_văn_2739_VPCP-ĐMDN",
    "cong-van_3397-BKHDT-QLKTTW.txt": "Công_văn_3397_BKHĐT-QLKTTW",
    "quyet-dinh_173-QD-BTP.txt": "crawl/dan_su/Quyết_định_173_QĐ-BTP.txt",
    "quyet-dinh_59-QD-BTNMT.txt": "crawl/dat_dai/Quyết_định_59_QĐ-BTNMT.txt",
    "nghi-quyet_01-2019-NQ-HDTP.txt": "crawl/dan_su/Nghị_quyết_01_2019_NQ-HĐTP.txt",
    "nghi-quyet_02-2022-NQ-HDTP.txt": "crawl/dan_su/Nghị_quyết_02_2022_NQ-HĐTP.txt",
    "nghi-dinh_36-2015-ND-CP.txt": "crawl/hai_quan/Nghị_định_36_2015_NĐ-CP.txt",
    "thong-tu_79-2022-TT-BTC.txt": "crawl/hai_quan/Thông_tư_79_2022_TT-BTC.txt",
    "cong-van_3722-VPCP-CN.txt": "real_cv_3722",
    "quyet-dinh_707-QD-TTg.txt": "real_qd_707",
    "thong-tu_21-2026-TT-BCT.txt": "real_tt_21",
    "to-trinh_148-TTr-SLDTBXH.txt": "thi-thpt-v2",
    "giay-moi_seed-ctmtqg-2025.txt": "000_14542046cb7d5eb8",
    "thong-bao_seed-ket-luan-2024.txt": "003_d55b982405a6bb87",
}


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@pytest.mark.parametrize("name", sorted(ORIGINS))
def test_recall_of_corpus_codes(name: str) -> None:
    """Every code that codes.tsv attributes to a text is found in it."""
    text = (DATA / "texts" / name).read_text(encoding="utf-8")
    wanted = [r["code"] for r in read_tsv("codes.tsv") if _nfc(ORIGINS[name]) in _nfc(r["source"])]
    assert wanted
    found = {r.code for r in find_references(text)}
    missing = [w for w in wanted if parse_code(w) not in found]
    assert missing == []


def test_spans_are_exact_sorted_and_disjoint() -> None:
    for path in sorted((DATA / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        refs = find_references(text)
        prev = 0
        for r in refs:
            assert prev <= r.span[0] <= r.code_span[0] < r.code_span[1] <= r.span[1]
            assert text[r.span[0] : r.span[1]] == r.text
            assert text[r.code_span[0] : r.code_span[1]] == r.code.source
            prev = r.span[1]


SEED_CASES = [
    (
        "Căn cứ Quyết định số số 1656/QĐ-UBND ngày 20/7/2025 của UBND tỉnh Lạng Sơn;",
        "Quyết định",
        "1656/QĐ-UBND",
        "2025-07-20",
        "UBND tỉnh Lạng Sơn",
    ),
    ("Công văn số 1302/UBDT-DTTS ngày 27/7/2023", "Công văn", "1302/UBDT-DTTS", "2023-07-27", None),
    (
        "theo Nghị định số 30/2020/NĐ-CP của Chính phủ.",
        "Nghị định",
        "30/2020/NĐ-CP",
        None,
        "Chính phủ",
    ),
    (
        "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15",
        "Luật",
        "64/2025/QH15",
        None,
        None,
    ),
    ("thực hiện Chỉ thị số 35-CT/TW", "Chỉ thị", "35-CT/TW", None, None),
    (
        "Quyết định số \n\n1822/QĐ-UBND ngày 08/11/2023 của Chủ tịch UBND tỉnh.",
        "Quyết định",
        "1822/QĐ-UBND",
        "2023-11-08",
        "Chủ tịch UBND tỉnh",
    ),
]


@pytest.mark.parametrize(("text", "type_name", "code", "date", "issuer"), SEED_CASES)
def test_mentions(
    text: str, type_name: str, code: str, date: str | None, issuer: str | None
) -> None:
    (r,) = find_references(text)
    assert r.type_name == type_name
    assert str(r.code) == code
    assert (r.date.isoformat() if r.date else None) == date
    assert r.issuer_text == issuer
    assert r.text.startswith(type_name)


def test_lists_inherit_the_type() -> None:
    refs = find_references(
        "các Quyết định số 01/QĐ-UBND, 02/QĐ-UBND và 03/QĐ-UBND của UBND tỉnh"
    )
    assert [str(r.code) for r in refs] == ["01/QĐ-UBND", "02/QĐ-UBND", "03/QĐ-UBND"]
    assert [r.type_name for r in refs] == ["Quyết định"] * 3


def test_type_mismatch_is_detected() -> None:
    (r,) = find_references("Quyết định số 1302/UBDT-DTTS")
    assert r.type_mismatch
    (r,) = find_references("Quyết định số 1302/QĐ-UBDT")
    assert not r.type_mismatch


def test_dates_and_fractions_are_not_codes() -> None:
    assert find_references("ngày 20/7/2025, tỷ lệ 3/4, năm 2024-2025, Mẫu số 01/ĐK") == ()


def test_nfd_and_lookalikes_keep_original_spans() -> None:
    text = (
        unicodedata.normalize("NFD", "Căn cứ Nghị định số 30/2020/NĐ-CP") + " và 08/2015/N\u00d0-CP"
    )
    refs = find_references(text)
    assert [str(r.code) for r in refs] == ["30/2020/NĐ-CP", "08/2015/NĐ-CP"]
    for r in refs:
        assert text[r.code_span[0] : r.code_span[1]] == r.code.source


def test_short_references_resolve() -> None:
    text = (
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND tỉnh; Công văn số 1302/UBDT-DTTS. "
        "Thực hiện Kế hoạch nêu trên và Công văn số 1302, Quyết định này có hiệu lực."
    )
    shorts = resolve_references(text)
    assert [(s.text, s.is_self) for s in shorts] == [
        ("Kế hoạch nêu trên", False),
        ("Công văn số 1302", False),
        ("Quyết định này", True),
    ]
    assert str(shorts[0].target.code) == "12/KH-UBND"  # type: ignore[union-attr]
    assert str(shorts[1].target.code) == "1302/UBDT-DTTS"  # type: ignore[union-attr]
    assert shorts[2].target is None


WORDS = st.sampled_from(
    [
        "Căn cứ",
        "thực hiện",
        "theo",
        "ủy ban",
        "nhân dân",
        "tỉnh",
        "về việc",
        "báo cáo",
        "ngày",
        "năm",
        "và",
        ",",
    ]
)
PROSE = st.lists(WORDS, max_size=12).map(" ".join)


@given(PROSE, vst.code_texts(), PROSE)
def test_planted_code_found_once_at_its_span(before: str, code: str, after: str) -> None:
    text = f"{before} số {code} {after}"
    start = len(before) + 4
    refs = find_references(text)
    hits = [r for r in refs if r.code_span == (start, start + len(code))]
    assert len(hits) == 1
    assert str(hits[0].code) == code
    assert len(refs) == 1


@given(st.text())
def test_never_raises(text: str) -> None:
    refs = find_references(text)
    prev = 0
    for r in refs:
        assert r.span[0] >= prev
        prev = r.span[1]
    resolve_references(text, refs)


def test_linear_on_long_inputs() -> None:
    unit = "Quyết định số 01/QĐ-UBND ngày 05/01/2024 của UBND tỉnh; "
    small = find_references(unit * 200)
    big = find_references(unit * 2000)
    assert len(big) == 10 * len(small) == 2000
    junk = "1/" * 50_000
    assert find_references(junk) == ()


# Hand-checked: every code extracted from these texts is a real mention of a document
# (the text's own code, in the crawler title and the header, included) — no false positives.
HAND_CHECKED = {
    "quyet-dinh_173-QD-BTP.txt": [
        "173/QĐ-BTP",
        "173/QĐ-BTP",
        "22/2013/NĐ-CP",
        "1249a/CTPH-UBDT-BTP",
        "173/QĐ-BTP",
        "1249a/CTPH-UBDT-BTP",
    ],
    "cong-van_3722-VPCP-CN.txt": ["3722/VPCP-CN", "92/TTr-UBND", "92/TTr-UBND"],
    "thong-tu_21-2026-TT-BCT.txt": [
        "21/2026/TT-BCT",
        "18/2025/TT-BCT",
        "64/2025/QH15",
        "87/2025/QH15",
        "40/2025/NĐ-CP",
        "109/2025/NĐ-CP",
        "193/2025/NĐ-CP",
        "83/2014/NĐ-CP",
        "95/2021/NĐ-CP",
        "80/2023/NĐ-CP",
        "14-KL/TW",
        "18/2025/TT-BCT",
        "18/2025/TT-BCT",
        "18/2025/TT-BCT",
    ],
    "nghi-dinh_36-2015-ND-CP.txt": ["36/2015/NĐ-CP", "36/2015/NĐ-CP"],
}


@pytest.mark.parametrize("name", sorted(HAND_CHECKED))
def test_no_false_positives_in_hand_checked_sample(name: str) -> None:
    text = (DATA / "texts" / name).read_text(encoding="utf-8")
    assert [r.code.source for r in find_references(text)] == HAND_CHECKED[name]


_LOOKBEHIND_CANDIDATE = re.compile(
    r"(?<![\w/.-])[0-9]{1,9}[a-zđ]{0,2}[ \t]?[/-][ \t]?(?=[A-Za-zĐđ]|[0-9]{4}[ \t]?/)"
)


@given(st.text(alphabet=st.sampled_from("0123456789 \t\n/-.aQĐđxb_,"), max_size=60))
def test_candidates_are_what_a_look_behind_regex_finds(s: str) -> None:
    from vnadmin.references.finder import _candidates

    assert _candidates(s) == [m.start() for m in _LOOKBEHIND_CANDIDATE.finditer(s)]


def test_values_are_frozen_hashable_picklable() -> None:
    import pickle

    import attrs

    from vnadmin.text import normalize_text

    ref = find_references("theo Quyết định số 1656/QĐ-UBND ngày 20/7/2025 của UBND tỉnh")[0]
    nt = normalize_text("Quye\u0302\u0301t đi\u0323nh")
    for value in (ref, nt, ref.code):
        again = pickle.loads(pickle.dumps(value))
        assert again == value and hash(again) == hash(value)
        field = attrs.fields(type(value))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, field, None)
    assert pickle.loads(pickle.dumps(nt)).to_original(0, 5) == nt.to_original(0, 5)
