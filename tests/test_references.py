from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import vnadmin
import vnadmin.text
from tests.perturb import perturbed_window
from vnadmin import lint, normalize_text, parse_code, parse_date, references
from vnadmin import strategies as vst
from vnadmin.references import Reference, find_references, resolve_references

from .conftest import DATA, read_tsv
from .growth import growth

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
    refs = find_references("các Quyết định số 01/QĐ-UBND, 02/QĐ-UBND và 03/QĐ-UBND của UBND tỉnh")
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


def test_find_is_linear_in_work() -> None:
    unit = "Quyết định số 01/QĐ-UBND ngày 05/01/2024 của UBND tỉnh; "
    assert growth(lambda n: unit * n, find_references, 100) < 1.2
    assert growth(lambda n: "1/" * n, find_references, 2_000) < 1.2
    assert len(find_references(unit * 2000)) == 2000
    assert find_references("1/" * 50_000) == ()


def test_resolve_is_linear_in_work() -> None:
    """Many full mentions and many short ones: each short mention is resolved without a
    pass over all the references (this was quadratic: 1.6 s at 100 kB)."""
    unit = "Quyết định số 01/QĐ-UBND. Quyết định này. Quyết định nêu trên. Quyết định số 1. "
    assert growth(lambda n: unit * n, resolve_references, 50) < 1.2
    shorts = resolve_references(unit * 300)
    assert len(shorts) == 900
    assert all(s.target is not None and s.target.code.number == 1 for s in shorts if not s.is_self)
    # "nêu trên" resolves to the nearest mention before it, not the first one.
    above = [s for s in shorts if s.text.endswith("nêu trên")]
    assert [s.target.span[0] for s in above[:3]] == [  # type: ignore[union-attr]
        m.span[0] for m in find_references(unit * 3)
    ]


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


# --- the verbs ------------------------------------------------------------------------

TYPE_WORDS = st.sampled_from(
    ["Quyết định", "Nghị định", "Thông tư", "Công văn", "Kế hoạch", "Chỉ thị", "Luật", "văn bản"]
)
ISSUERS = st.sampled_from(
    ["UBND tỉnh Lạng Sơn", "Chính phủ", "Bộ Tài chính", "Chủ tịch UBND tỉnh", "Ban Bí thư"]
)


@st.composite
def mentions(draw: st.DrawFn) -> str:
    """The text of one mention as documents write it: optional type (maybe ``số số``),
    code, optional date (``ngày …``, maybe after ``ban hành``), optional issuer."""
    text = draw(vst.code_texts())
    if draw(st.booleans()):
        text = f"{draw(TYPE_WORDS)} {draw(st.sampled_from(['số', 'số số', 'số:']))} {text}"
    if draw(st.booleans()):
        day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
        lead = draw(st.sampled_from([" ngày ", ", ban hành ngày ", " ngày  "]))
        text += f"{lead}{day.day}/{day.month}/{day.year}"
    if draw(st.booleans()):
        text += f" {draw(st.sampled_from(['của', 'do']))} {draw(ISSUERS)}"
    return text


@given(mentions())
def test_parse_format_round_trip(text: str) -> None:
    ref = references.parse(text)
    canonical = references.format(ref)
    again = references.parse(canonical)
    assert again == ref
    assert again.text == canonical
    assert references.format(again) == canonical
    assert references.find(text) == (ref,)


def test_format_is_the_citation_form() -> None:
    ref = references.parse("Quyết định số số 1656 /QĐ-UBND, ban hành ngày 5/1/2025 do UBND tỉnh")
    assert references.format(ref) == "Quyết định số 1656/QĐ-UBND ngày 05/01/2025 của UBND tỉnh"
    assert references.format("30/2020/NĐ-CP ngày 5/3/2020") == "30/2020/NĐ-CP ngày 05/3/2020"


def test_equality_is_the_meaning_not_the_spans() -> None:
    a = references.parse("Nghị định số 30/2020/NĐ-CP")
    (b,) = references.find("Căn cứ Nghị định số 30/2020/NĐ-CP;")
    assert a == b and hash(a) == hash(b)
    assert a.span != b.span
    assert a != references.parse("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020")
    assert a != references.parse("Thông tư số 30/2020/NĐ-CP")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("  ;", "empty"),
        ("không có số hiệu", "no_reference"),
        ("Căn cứ Quyết định số 01/QĐ-UBND", "leading_text"),
        ("Quyết định số 01/QĐ-UBND về việc", "trailing_text"),
        ("01/QĐ-UBND và 02/QĐ-UBND", "trailing_text"),
    ],
)
def test_parse_errors(text: str, reason: str) -> None:
    with pytest.raises(vnadmin.ParseError) as exc:
        references.parse(text)
    assert exc.value.reason == reason
    a, b = exc.value.span
    assert 0 <= a <= b <= len(text)


def test_parse_allows_a_final_punctuation_mark() -> None:
    assert str(references.parse(" Chỉ thị số 35-CT/TW; ").code) == "35-CT/TW"


def test_check_validate_is_valid() -> None:
    issued = dt.date(2024, 1, 5)
    wrong_type = references.parse("Quyết định số 1302/UBDT-DTTS")
    later = references.parse("Quyết định số 12/QĐ-UBND ngày 10/01/2024")
    fine = references.parse("Quyết định số 12/QĐ-UBND ngày 02/01/2024")
    assert [f.rule for f in references.check(wrong_type)] == ["X101"]
    assert [f.rule for f in references.check(later, issued=issued)] == ["X102"]
    assert references.check(later) == ()
    assert references.check(fine, issued=issued) == ()
    assert references.check(later, issued=issued)[0].span == later.span
    # X101 is a warning, X102 an error.
    assert references.validate(wrong_type) is wrong_type
    with pytest.raises(vnadmin.ValidationError) as exc:
        references.validate(later, issued=issued)
    assert [f.rule for f in exc.value.findings] == ["X102"]
    assert references.is_valid(fine, issued=issued)
    assert not references.is_valid(later, issued=issued)
    assert references.is_valid("Công văn số 1302/UBDT-DTTS")
    assert not references.is_valid("Căn cứ Công văn số 1302/UBDT-DTTS")
    assert not references.is_valid(42)


def test_lint_reports_the_reference_rules() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nSố: 15/QĐ-UBND\nLạng Sơn, ngày 05 tháng 01 năm 2024\n"
        "QUYẾT ĐỊNH\nCăn cứ Quyết định số 1302/UBDT-DTTS; Kế hoạch số 12/KH-UBND ngày 10/01/2024;"
    )
    found = [(f.rule, text[f.span[0] : f.span[1]]) for f in lint(text, select=["X"])]  # type: ignore[index]
    assert found == [
        ("X101", "Quyết định số 1302/UBDT-DTTS"),
        ("X102", "Kế hoạch số 12/KH-UBND ngày 10/01/2024"),
    ]


def test_values_are_lean() -> None:
    text = "Căn cứ Quyết định số 01/QĐ-UBND ngày 05/01/2024 của UBND tỉnh. " + "x " * 5000
    (ref,) = find_references(text)
    assert not hasattr(ref, "__dict__")
    assert ref.text == text[ref.span[0] : ref.span[1]]
    (short,) = resolve_references(text + "Quyết định nêu trên")
    assert not hasattr(short, "__dict__")
    assert short.target == ref


def test_normalises_once() -> None:
    """A str is normalised once at the entry; a NormalizedText is never normalised again."""
    text = (DATA / "texts" / "quyet-dinh_173-QD-BTP.txt").read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text)
    calls = 0
    real = vnadmin.text._normalize

    def counting(s: str) -> vnadmin.NormalizedText:
        nonlocal calls
        calls += 1
        return real(s)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vnadmin.text, "_normalize", counting)
        refs = find_references(nfd)
        assert calls == 1
        nt = normalize_text(nfd)
        calls = 0
        assert find_references(nt) == refs
        assert [r.span for r in find_references(nt)] == [r.span for r in refs]
        resolve_references(nt)
        resolve_references(nt, refs)
        assert calls == 0
        resolve_references(nfd)
        assert calls == 1


# --- exact spans on perturbed real texts ----------------------------------------------

TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted((DATA / "texts").glob("*.txt"))}


def perturbed_windows(size: int = 4000) -> st.SearchStrategy[tuple[str, str]]:
    """A window of a real text and the same window perturbed the way real files are."""
    return perturbed_window(sorted(TEXTS.values()), size)


def _norm(s: str) -> str:
    return normalize_text(s).text


def _assert_exact(text: str, r: Reference) -> None:
    a, b = r.span
    assert text[a:b] == r.text
    assert r.code.source == text[r.code_span[0] : r.code_span[1]]
    assert parse_code(_norm(r.code.source)) == r.code
    for sub in (r.code_span, r.type_span, r.date_span, r.issuer_span):
        if sub is not None:
            assert a <= sub[0] < sub[1] <= b
    if r.type_span is not None:
        assert _norm(text[r.type_span[0] : r.type_span[1]]) == r.type_name
        assert r.type_span[0] == a
    if r.date_span is not None:
        assert parse_date(_norm(text[r.date_span[0] : r.date_span[1]])) == r.date
    else:
        assert r.date is None
    if r.issuer_span is not None:
        assert _norm(text[r.issuer_span[0] : r.issuer_span[1]]) == r.issuer_text
        assert r.issuer_span[1] == b
    else:
        assert r.issuer_text is None


@settings(max_examples=60, deadline=None)
@given(perturbed_windows())
def test_spans_exact_on_perturbed_real_texts(pair: tuple[str, str]) -> None:
    clean, text = pair
    assume(_norm(text) == _norm(clean))
    refs = find_references(text)
    assert refs == find_references(clean)  # the same values, whatever the noise
    prev = 0
    for r in refs:
        assert prev <= r.span[0]
        prev = r.span[1]
        _assert_exact(text, r)
    shorts = resolve_references(text, refs)
    assert [(s.type_name, s.number, s.is_self, s.target) for s in shorts] == [
        (s.type_name, s.number, s.is_self, s.target) for s in resolve_references(clean)
    ]
    for s in shorts:
        assert text[s.span[0] : s.span[1]] == s.text
        assert s.type_span is not None
        assert _norm(text[s.type_span[0] : s.type_span[1]]) == s.type_name


@given(st.one_of(st.text(max_size=80), mentions(), mentions().map(lambda m: f"{m} và {m}")))
def test_parse_raises_only_parse_error_and_is_valid_never_raises(text: str) -> None:
    try:
        ref = references.parse(text)
    except vnadmin.ParseError as exc:
        a, b = exc.span
        assert 0 <= a <= b <= len(text)
        assert not references.is_valid(text)
    else:
        assert text[ref.span[0] : ref.span[1]] == ref.text
        assert text[: ref.span[0]].strip() == ""
        assert references.is_valid(text)  # without a date of issue only X101, a warning


# --- hostile input (issue 10): linear work on adversarial families ----------------------

_BLANKS = " " * 300
#: Families built from the grammar of a mention: ``make(n)`` repeats a unit ``n`` times.
REFERENCE_FAMILIES = {
    "spaced codes": "1/Q Đ ",
    "type words": "Quyết định " * 20 + "số 1/QĐ-UBND. ",
    "số runs": "Quyết định " + "số " * 30 + "1/QĐ-UBND. ",
    "số: runs": "Quyết định" + " số :" * 30 + " 1/QĐ-UBND. ",
    "blanks type-name": "Quyết định" + " " * 150 + ". số 1/QĐ-UBND ",
    "blanks type-số": "Quyết định" + _BLANKS + "số 1/QĐ-UBND ",
    "blanks số-code": "Quyết định số" + _BLANKS + "1/QĐ-UBND ",
    "blanks code-ngày": "Quyết định số 1/QĐ-UBND" + _BLANKS + "ngày 1/1/2020 ",
    "blanks ngày-của": "Quyết định số 1/QĐ-UBND ngày 1/1/2020" + _BLANKS + "của UBND ",
    "blanks của-issuer": "Quyết định số 1/QĐ-UBND của" + _BLANKS + "UBND" + _BLANKS + "x ",
    "blanks in issuer": "Quyết định số 1/QĐ-UBND của UBND" + " " * 90 + "x" + " " * 50 + "y" * 60,
    "separators": "Quyết định số 1/QĐ-UBND" + " ," * 50 + " và 2/QĐ-UBND ",
    "short mentions": "Quyết định số 01/QĐ-UBND. Quyết định này. ",
    "short numbers": "Công văn số " + "1" * 200 + "/ ",
    "caps issuer": "Quyết định số 1/QĐ-UBND của " + "UBND " * 40 + ". ",
    "combining marks": "Quyết định số 1/QĐ-UBND" + "\u0301\u0323" * 100 + " ",
}


@pytest.mark.parametrize("name", sorted(REFERENCE_FAMILIES))
def test_finding_and_resolving_references_is_linear_on_hostile_families(name: str) -> None:
    unit = REFERENCE_FAMILIES[name]
    n = max(2, (1_000 if name == "spaced codes" else 5_000) // len(unit))
    for fn in (find_references, resolve_references):
        assert growth(lambda k: unit * k, fn, n, 10) < 1.5, (name, fn.__name__)


@pytest.mark.parametrize("name", sorted(set(REFERENCE_FAMILIES) - {"spaced codes"}))
def test_a_megabyte_of_a_hostile_family_is_read_in_bounded_time(name: str) -> None:
    # (the work is counted above; this is the guard against a regex that backtracks, whose
    # steps no call count sees: a quadratic pattern takes minutes at 1 MB)
    from .growth import bounded

    unit = REFERENCE_FAMILIES[name]
    text = unit * (1_000_000 // len(unit))
    bounded(lambda: resolve_references(text), 30)


def test_resolve_references_is_linear_at_a_megabyte() -> None:
    from .growth import bounded

    unit = "Quyết định số 01/QĐ-UBND. Quyết định này. "
    assert growth(lambda n: unit * n, resolve_references, 2_400, 10) < 1.2  # 100 kB -> 1 MB
    assert len(bounded(lambda: resolve_references(unit * 24_000), 30)) == 24_000


def test_type_words_are_matched_on_their_case_variants_only() -> None:
    # (re.IGNORECASE would read ſ, ı and the Kelvin sign as letters of a type word)
    text = "Căn cứ Quyết định số 01/QĐ-UBND; Quyết Định này; QUYẾT ĐỊNH nêu trên; Chỉ thı này"
    kinds = [(s.type_name, s.is_self) for s in resolve_references(text)]
    assert kinds == [("Quyết Định", True), ("QUYẾT ĐỊNH", False)]
    assert resolve_references(text)[1].target is not None
    assert resolve_references("Bản ſao này") == ()
    # (the Kelvin sign is a canonical singleton: NFC makes it a K, a letter of the word)
    assert [s.type_name for s in resolve_references("\u212aế hoạch này")] == ["Kế hoạch"]


def test_the_issuer_reading_matches_the_old_pattern() -> None:
    import re

    from vnadmin.references import finder

    old = re.compile(
        r"[ \t]*(?:,[ \t]*)?(?:của|do)[ \t]+(?P<issuer>[^\n,.;:()\[\]0-9|]{1,100}?)"
        r"(?=[ \t]+(?:về|quy định|hướng dẫn|ban hành|phê duyệt|sửa đổi|đã|được|thì|là|và|số)\b"
        r"|[\n,.;:()\[\]0-9|]|$)",
        re.IGNORECASE,
    )

    @given(
        st.lists(
            st.sampled_from(
                [
                    " ",
                    "  ",
                    "\t",
                    "của",
                    "do",
                    "UBND",
                    "tỉnh",
                    "về",
                    "và",
                    "là",
                    ",",
                    ".",
                    "1",
                    "x",
                    "Số",
                    "số",
                    "\n",
                    "y" * 60,
                    "A",
                ]
            ),
            max_size=14,
        ).map("".join)
    )
    @settings(max_examples=2000, deadline=None)
    def same(s: str) -> None:
        m = old.match(s)
        new = finder._issuer_after(s, 0)
        want = None if m is None else m.group("issuer").strip()
        got = None if new is None else s[new[0] : new[1]].strip()
        assert (want or None) == (got or None)

    same()
