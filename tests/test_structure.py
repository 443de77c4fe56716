"""Body structure (Phần/Chương/Mục/Điều/khoản/điểm) on real documents and rules N103/N104."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnadmin import DivisionKind, lint, parse_document, parse_structure
from vnadmin.structure import VIETNAMESE_LETTERS, check_structure

from .conftest import DATA


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
