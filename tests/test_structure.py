"""Body structure (Phần/Chương/Mục/Điều/khoản/điểm) on real documents and rules N103/N104."""

from __future__ import annotations

import unicodedata

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import vnadmin
import vnadmin.text
from tests.perturb import perturbed_window
from vnadmin import (
    Division,
    DivisionKind,
    lint,
    normalize_text,
    parse_document,
    parse_structure,
    structure,
)
from vnadmin.structure import VIETNAMESE_LETTERS, check_structure

from .conftest import DATA
from .growth import growth


def _text(name: str) -> str:
    return (DATA / "texts" / name).read_text(encoding="utf-8")


def _count(divisions: tuple[object, ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    for top in divisions:
        for d in top.walk():  # type: ignore[attr-defined]
            out[d.kind.value] = out.get(d.kind.value, 0) + 1
    return out


def test_decree_structure() -> None:
    """Nghị định 36/2015/NĐ-CP: 4 chapters, 12 articles, clauses and points inside them."""
    text = _text("nghi-dinh_36-2015-ND-CP.txt")
    doc = parse_document(text)
    chapters = doc.structure
    assert [c.kind for c in chapters] == [DivisionKind.CHAPTER] * 4
    assert [c.label for c in chapters] == ["I", "II", "III", "IV"]
    articles = [d for c in chapters for d in c.children]
    assert [a.label for a in articles] == [str(n) for n in range(1, 13)]
    assert all(a.kind is DivisionKind.ARTICLE and a.title for a in articles)
    assert _count(chapters) == {"Chương": 4, "Điều": 12, "khoản": 32, "điểm": 31}
    for d in (x for c in chapters for x in c.walk()):
        assert text[d.heading_span[0] :].startswith(text[d.span[0] : d.heading_span[1]])
        assert doc.body is not None
        assert doc.body.span[0] <= d.span[0] < d.span[1] <= doc.body.span[1]


def test_administrative_sections_clauses_points() -> None:
    body = "I. MỤC ĐÍCH\n1. Mục đích\na) Một;\nb) Hai.\n2. Yêu cầu\nII. NỘI DUNG\n1. Xây dựng"
    top = parse_structure(body)
    assert [(d.kind, d.label, d.title) for d in top] == [
        (DivisionKind.SECTION, "I", "MỤC ĐÍCH"),
        (DivisionKind.SECTION, "II", "NỘI DUNG"),
    ]
    assert [c.label for c in top[0].children] == ["1", "2"]
    assert [p.label for p in top[0].children[0].children] == ["a", "b"]


def test_loose_lists_of_a_cong_van_are_not_clauses() -> None:
    assert parse_structure("Kính gửi: Bộ\n1. Đề nghị ...\n2. Báo cáo ...\na) nội dung") == ()


@pytest.mark.parametrize(
    ("points", "findings"),
    [
        ("a b c d đ e g", []),
        ("a b c d e", ["N103"]),  # e after d: đ is missing
        ("a b c d đ e f", ["N103"]),  # no f in the Vietnamese alphabet
        ("a b a b", []),  # a list may start again
        ("a a1 b", []),  # inserted point
    ],
)
def test_point_letters(points: str, findings: list[str]) -> None:
    body = "Điều 1. Phạm vi\n1. Khoản:\n" + "".join(f"{p}) nội dung;\n" for p in points.split())
    assert [f.rule for f in check_structure(parse_structure(body))] == findings


def test_article_and_clause_numbering() -> None:
    body = "Điều 1. A\n1. x\n3. y\nĐiều 3. B\nĐiều 3a. C\nĐiều 4. D"
    found = check_structure(parse_structure(body))
    assert [(f.rule, body[f.span[0] : f.span[1]]) for f in found] == [
        ("N104", "3. y"),
        ("N104", "Điều 3. B"),
    ]


def test_lint_reads_the_structure_of_the_body() -> None:
    decree = _text("nghi-dinh_36-2015-ND-CP.txt")
    assert lint(decree, select=["N103", "N104"]) == []
    broken = decree.replace("\nđ) ", "\ne) ", 1)
    assert [f.rule for f in lint(broken, select=["N103"])] == ["N103"]
    # Thông tư 79/2022/TT-BTC as extracted lost its "Điều 2." heading.
    lost = lint(_text("thong-tu_79-2022-TT-BTC.txt"), select=["N104"])
    assert [f.message_en for f in lost] == ["Điều 3 does not follow Điều 1."]


@given(st.lists(st.sampled_from(VIETNAMESE_LETTERS), min_size=1, max_size=8))
def test_points_in_order_have_no_finding_and_spans_nest(letters: list[str]) -> None:
    ordered = sorted(set(letters), key=VIETNAMESE_LETTERS.index)
    ordered = list(VIETNAMESE_LETTERS[: len(ordered)])
    body = "Điều 1. A\n1. Khoản\n" + "".join(f"{p}) nội dung {p};\n" for p in ordered)
    top = parse_structure(body)
    assert check_structure(top) == ()
    points = top[0].children[0].children
    assert [p.label for p in points] == ordered
    for outer in top[0].walk():
        for inner in outer.children:
            assert outer.span[0] <= inner.span[0] <= inner.span[1] <= outer.span[1]


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    for d in parse_structure(text):
        assert 0 <= d.span[0] <= d.span[1] <= len(text)
    check_structure(parse_structure(text))


def test_check_takes_one_unit_or_a_tree() -> None:
    body = "Điều 1. A\n1. x\n3. y"
    (article,) = parse_structure(body)
    assert structure.check(article) == structure.check((article,)) == check_structure([article])
    assert [f.rule for f in structure.check(article)] == ["N104"]


# --- one heading: parse and format ----------------------------------------------------

TITLES = st.sampled_from(
    ["", "QUY ĐỊNH CHUNG", "Phạm vi điều chỉnh", "Nghị định này quy định:", "Tiêu chí;", "x  y"]
)


@st.composite
def leaf_divisions(draw: st.DrawFn) -> Division:
    kind = draw(st.sampled_from(list(DivisionKind)))
    roman = st.sampled_from(["I", "II", "IV", "IX", "XII"])
    number = st.integers(1, 300).map(str)
    label = {
        DivisionKind.PART: st.sampled_from(["thứ nhất", "thứ hai", "I", "2"]),
        DivisionKind.CHAPTER: roman | number,
        DivisionKind.SECTION: roman | number,
        DivisionKind.SUBSECTION: number,
        DivisionKind.ARTICLE: number | st.sampled_from(["5a", "12đ"]),
        DivisionKind.CLAUSE: number | st.sampled_from(["2a"]),
        DivisionKind.POINT: st.sampled_from([*VIETNAMESE_LETTERS, "a1", "đ2"]),
    }[kind]
    return Division(kind, draw(label), draw(TITLES), (0, 0), (0, 0))


@given(leaf_divisions())
def test_parse_format_round_trip(d: Division) -> None:
    text = structure.format(d)
    again = structure.parse(text)
    assert again == d
    assert again.heading_span == again.span == (0, len(text))
    assert structure.format(again) == text


@pytest.mark.parametrize(
    ("text", "kind", "label", "title"),
    [
        ("Chương I. QUY ĐỊNH CHUNG", DivisionKind.CHAPTER, "I", "QUY ĐỊNH CHUNG"),
        ("  CHƯƠNG IV\n  ĐIỀU KHOẢN THI HÀNH  ", DivisionKind.CHAPTER, "IV", "ĐIỀU KHOẢN THI HÀNH"),
        ("Phần thứ  hai\nQUY ĐỊNH", DivisionKind.PART, "thứ hai", "QUY ĐỊNH"),
        ("Điều 5a: Sửa đổi", DivisionKind.ARTICLE, "5a", "Sửa đổi"),
        ("II. NỘI DUNG", DivisionKind.SECTION, "II", "NỘI DUNG"),
        ("Tiểu mục 2. Thủ tục", DivisionKind.SUBSECTION, "2", "Thủ tục"),
        ("3.", DivisionKind.CLAUSE, "3", ""),
        ("đ) Nhiệm vụ khác.", DivisionKind.POINT, "đ", "Nhiệm vụ khác."),
    ],
)
def test_parse_one_heading(text: str, kind: DivisionKind, label: str, title: str) -> None:
    d = structure.parse(text)
    assert (d.kind, d.label, d.title, d.children) == (kind, label, title, ())
    a, b = d.heading_span
    assert text[a:b] == text.strip()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        (" \n ", "empty"),
        ("Điều một. Phạm vi", "no_heading"),
        ("Khoản 1. không phải tiêu đề", "no_heading"),
        ("Điều 1. Phạm vi\nĐiều 2. Đối tượng", "trailing_text"),
        ("1. khoản\nthêm một dòng", "trailing_text"),
    ],
)
def test_parse_errors(text: str, reason: str) -> None:
    with pytest.raises(vnadmin.ParseError) as exc:
        structure.parse(text)
    assert exc.value.reason == reason


def test_validate_and_is_valid() -> None:
    tree = parse_structure("Điều 1. A\n1. x\n3. y\nĐiều 3. B")
    # N103/N104 are warnings: a misnumbered body is reported, not rejected.
    assert [f.rule for f in structure.check(tree)] == ["N104", "N104"]
    assert structure.validate(tree) == tree
    assert structure.is_valid(tree)
    assert structure.is_valid("Điều 1. Phạm vi")
    assert not structure.is_valid("Điều một")
    assert not structure.is_valid(["Điều 1."])
    assert not structure.is_valid(None)


def test_values_are_lean() -> None:
    (article,) = parse_structure("Điều 1. A\n1. x")
    assert not hasattr(article, "__dict__")
    assert {f.name for f in attrs.fields(Division)} == {
        "kind",
        "label",
        "title",
        "heading_span",
        "span",
        "children",
        "title_span",
    }
    assert article.title_span is not None
    assert "Điều 1. A\n1. x"[slice(*article.title_span)] == article.title == "A"


def test_linear_in_work() -> None:
    unit = "Điều 1. Phạm vi\n1. Khoản một:\na) điểm;\nb) điểm.\n2. Khoản hai.\n"
    assert growth(lambda n: unit * n, parse_structure, 50) < 1.2


# --- normalised once, offsets into the original ------------------------------------------


def test_offsets_into_the_original_with_a_normalized_text() -> None:
    text = unicodedata.normalize("NFD", _text("nghi-dinh_36-2015-ND-CP.txt")).replace("\n", "\r\n")
    nt = normalize_text(text)
    a = text.index(unicodedata.normalize("NFD", "Chương II"))
    b = text.index(unicodedata.normalize("NFD", "Chương IV"))
    calls = 0
    real = vnadmin.text._normalize

    def counting(s: str) -> vnadmin.NormalizedText:
        nonlocal calls
        calls += 1
        return real(s)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(vnadmin.text, "_normalize", counting)
        from_nt = parse_structure(nt, a, b)
        assert calls == 0
        from_str = parse_structure(text, a, b)
        assert calls == 1
    assert from_nt == from_str
    assert [c.label for c in from_nt] == ["II", "III"]
    spans = [(d.span, d.heading_span) for top in from_nt for d in top.walk()]
    assert spans == [(d.span, d.heading_span) for top in from_str for d in top.walk()]
    assert all(a <= s[0] < s[1] <= b for s, _ in spans)


# --- exact spans on perturbed real texts ----------------------------------------------

TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted((DATA / "texts").glob("*.txt"))}


def perturbed_texts() -> st.SearchStrategy[tuple[str, str]]:
    """A real text and the same text perturbed the way real files are."""
    return perturbed_window([TEXTS[k] for k in sorted(TEXTS)], 10**9)


def _check_exact(text: str, d: Division, outer: tuple[int, int]) -> None:
    a, b = d.span
    ha, hb = d.heading_span
    assert outer[0] <= a == ha < hb <= b <= outer[1]
    heading = structure.parse(normalize_text(text[ha:hb]).text)
    assert heading == attrs.evolve(d, children=())
    assert text[b - 1 : b].strip()  # no trailing blank
    if d.title_span is not None:
        ta, tb = d.title_span
        assert ha <= ta < tb <= hb
        assert " ".join(normalize_text(text[ta:tb]).text.split()) == " ".join(d.title.split())
    else:
        assert d.title == ""
    prev = a
    for child in d.children:
        assert child.span[0] >= max(prev, hb)
        prev = child.span[1]
        _check_exact(text, child, d.span)


@settings(max_examples=40, deadline=None)
@given(perturbed_texts())
def test_spans_exact_on_perturbed_real_texts(pair: tuple[str, str]) -> None:
    clean, text = pair
    assume(normalize_text(text).text == normalize_text(clean).text)
    tree = parse_structure(text)
    assert tree == parse_structure(clean)  # the same values, whatever the noise
    prev = 0
    for d in tree:
        assert d.span[0] >= prev
        prev = d.span[1]
        _check_exact(text, d, (0, len(text)))


@given(st.one_of(st.text(max_size=60), leaf_divisions().map(structure.format)))
def test_parse_raises_only_parse_error_and_is_valid_never_raises(text: str) -> None:
    try:
        d = structure.parse(text)
    except vnadmin.ParseError as exc:
        a, b = exc.span
        assert 0 <= a <= b <= len(text)
        assert not structure.is_valid(text)
    else:
        assert d.children == ()
        nt = normalize_text(text)
        assert normalize_text(text[d.span[0] : d.span[1]]).text == nt.text.strip()
        assert structure.is_valid(text)
