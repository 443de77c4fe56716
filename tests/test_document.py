from __future__ import annotations

import json
import pathlib
import re
import unicodedata
from collections.abc import Callable, Iterator

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnadmin
from tests.perturb import perturbed_window
from vnadmin import Document, lint, parse_document
from vnadmin import strategies as vst
from vnadmin.findings import RULES, Severity

from .conftest import DATA, read_tsv

TEXT_FILES = sorted((DATA / "texts").glob("*.txt"))

EXPECTED = read_tsv("texts/expected.tsv")
NO_HEADER = {"giay-moi_seed-ctmtqg-2025.txt", "thong-bao_seed-ket-luan-2024.txt"}


def _fields(doc: Document) -> dict[str, str]:
    pd = doc.place_date
    if doc.date is not None:
        date = doc.date.isoformat()
    elif pd is not None and pd.year and pd.month:
        date = f"{pd.year}-{pd.month:02d}"
    else:
        date = ""
    sig = doc.signature
    return {
        "code": str(doc.code) if doc.code else "",
        "doc_type": doc.type_name or "",
        "date": date,
        "issuer": " / ".join([*doc.issuer_parents, doc.issuer]) if doc.issuer else "",
        "signer": sig.signer_name if sig else "",
        "signing_mode": " > ".join(a.mode.mark(a.party_style) for a in sig.chain) if sig else "",
        "signature_titles": " / ".join(sig.title_lines()) if sig else "",
        "noi_nhan_count": str(len(doc.recipients)) if doc.recipients else "0",
    }


@pytest.mark.parametrize("row", EXPECTED, ids=[r["file"] for r in EXPECTED])
def test_expected_fields(row: dict[str, str]) -> None:
    """Every field of expected.tsv (14 real texts); issuers of the two seeds are
    only named in their bodies, so the header has none to read."""
    doc = parse_document((DATA / "texts" / row["file"]).read_text(encoding="utf-8"))
    got = _fields(doc)
    for key, value in got.items():
        if key == "issuer" and row["file"] in NO_HEADER:
            assert value == ""
            continue
        assert value == row[key], key


def test_missing_parts_are_none_not_invented() -> None:
    doc = parse_document(
        (DATA / "texts" / "thong-bao_seed-ket-luan-2024.txt").read_text(encoding="utf-8")
    )
    assert doc.code is None and doc.issuer is None and doc.place_date is None
    assert not doc.national_title
    assert doc.type_name == "Thông báo"


def test_header_spans_point_into_the_text() -> None:
    text = (DATA / "texts" / "quyet-dinh_707-QD-TTg.txt").read_text(encoding="utf-8")
    doc = parse_document(text)
    issuer = doc.span_of("issuer")
    code = doc.span_of("code")
    assert issuer is not None and text[issuer[0] : issuer[1]] == "THỦ TƯỚNG CHÍNH PHỦ"
    assert code is not None and text[code[0] : code[1]] == "707/QĐ-TTg"


def test_nfd_document_parses_the_same() -> None:
    text = (DATA / "texts" / "nghi-dinh_36-2015-ND-CP.txt").read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text).replace("Đ", "\u00d0")
    a, b = parse_document(text), parse_document(nfd)
    assert _fields(a) == _fields(b)
    span = b.span_of("code")
    assert span is not None and nfd[span[0] : span[1]] == b.code.source  # type: ignore[union-attr]


@given(st.text(max_size=300))
def test_parse_document_never_raises(text: str) -> None:
    doc = parse_document(text)
    assert isinstance(doc, Document)


# --- lint ---------------------------------------------------------------------------


def test_lint_seed_findings() -> None:
    text = (DATA / "texts" / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
    found = lint(text)
    rules = [f.rule for f in found]
    assert "T104" in rules  # "số số"
    assert "R101" in rules  # an entry without its dash
    for f in found:
        assert f.rule in RULES and f.message_vi and f.message_en and f.article
        if f.span is not None:
            assert 0 <= f.span[0] <= f.span[1] <= len(text)


def test_lint_select_and_ignore() -> None:
    text = (DATA / "texts" / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
    assert {f.rule[0] for f in lint(text, select=["T"])} == {"T"}
    assert "T104" not in [f.rule for f in lint(text, ignore=["T104"])]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Căn cứ Quyết định số 1302/UBDT-DTTS ngày 27/7/2023;", "X101"),
        ("Ủy ban nhân dân tỉnh; ủy quyền; uỷ quyền cho Sở", "T103"),
        ("Căn cứ Nghi\u0323 đi\u0323nh", "T101"),
        ("\u00d0iều 1", "T102"),
        ("họp ngày 29/9/2025 (thứ Ba)", "D105"),
    ],
)
def test_lint_rules_fire(text: str, rule: str) -> None:
    assert rule in [f.rule for f in lint(text)]


def test_reference_after_issue_date() -> None:
    text = (
        "BỘ TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/QĐ-BTP\nHà Nội, ngày 05 tháng 01 năm 2024\nQUYẾT ĐỊNH\nVề việc X\n"
        "Căn cứ Quyết định số 15/QĐ-BTP ngày 10/01/2024 của Bộ trưởng;\n"
    )
    assert "X102" in [f.rule for f in lint(text)]


def test_type_line_vs_code() -> None:
    text = (
        "UBND TỈNH X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nQUYẾT ĐỊNH\nVề việc X\n"
    )
    assert "N102" in [f.rule for f in lint(text)]


def test_a_cong_van_with_an_attached_draft_keeps_its_v_v_summary() -> None:
    # cong-van_1376-VP-NC-lam-dong.doc as antiword gives it: a công văn asking for
    # opinions on a draft decision, whose "QUYẾT ĐỊNH" follows within the first pages.
    text = (
        "UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 1376/VP-NC\nLâm Đồng, ngày 06 tháng 4 năm 2026\n"
        "V/v xin ý kiến thành viên\nUBND tỉnh\n\n"
        "Kính gửi: Các đồng chí Thành viên UBND tỉnh\n\n"
        "Văn phòng kính đề nghị các đồng chí tham gia ý kiến đối với dự thảo Quyết định.\n\n"
        "QUYẾT ĐỊNH\nVề việc phê duyệt Đề án tổ chức Đại hội\n"
    )
    doc = vnadmin.parse_document(text)
    assert doc.type_name == "Công văn"
    assert doc.summary == "xin ý kiến thành viên UBND tỉnh"
    # a type line right under the header is still the type, V/v or not further on
    doc = vnadmin.parse_document(text.replace("V/v xin ý kiến thành viên\nUBND tỉnh\n", ""))
    assert doc.type_name == "Quyết định"


@given(st.text(max_size=300))
def test_lint_never_raises(text: str) -> None:
    for f in lint(text):
        assert isinstance(f.severity, Severity)


def test_every_rule_documents_itself() -> None:
    for rule in vnadmin.lint_rules():
        assert rule.article and rule.message_vi and rule.message_en
        assert rule.bad and rule.good, rule.id


# --- JSON ---------------------------------------------------------------------------


def test_document_json_round_trip() -> None:
    for path in sorted((DATA / "texts").glob("*.txt")):
        doc = parse_document(path.read_text(encoding="utf-8"))
        assert vnadmin.from_json(vnadmin.to_json(doc), Document) == doc


@given(vst.document_codes())
def test_code_json_round_trip(code: vnadmin.DocumentCode) -> None:
    assert vnadmin.from_json(vnadmin.to_json(code), vnadmin.DocumentCode) == code


@given(vst.signature_blocks())
def test_signature_json_round_trip(block: vnadmin.SignatureBlock) -> None:
    assert vnadmin.from_json(vnadmin.to_json(block), vnadmin.SignatureBlock) == block


@given(vst.recipient_lists())
def test_recipients_json_round_trip(lst: vnadmin.RecipientList) -> None:
    assert vnadmin.from_json(vnadmin.to_json(lst), vnadmin.RecipientList) == lst


@given(vst.deadlines())
def test_deadline_json_round_trip(d: vnadmin.Deadline) -> None:
    assert vnadmin.from_json(vnadmin.to_json(d), vnadmin.Deadline) == d


def test_calendar_json_round_trip() -> None:
    for h in vnadmin.holidays(2026):
        assert vnadmin.from_json(vnadmin.to_json(h), vnadmin.Holiday) == h


def test_json_uses_iso_dates_and_enum_values() -> None:
    doc = parse_document((DATA / "texts" / "quyet-dinh_173-QD-BTP.txt").read_text(encoding="utf-8"))
    data = json.loads(vnadmin.to_json(doc))
    assert data["place_date"]["date"] == "2015-01-29"
    assert data["code"]["family"] == "administrative"
    assert data["signatures"][0]["chain"][0]["mode"] == "KT"


def test_bad_json_raises_vnadmin_error() -> None:
    with pytest.raises(vnadmin.VnAdminError):
        vnadmin.from_json("{not json", Document)
    with pytest.raises(vnadmin.VnAdminError):
        vnadmin.from_json('{"number": "x"}', vnadmin.DocumentCode)


def test_schema_file_is_current() -> None:
    path = DATA.parent.parent / "docs" / "document.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == vnadmin.document_json_schema()


@given(vst.documents())
def test_generated_documents_parse_back(draft: vst.DocumentDraft) -> None:
    text = draft.render()
    doc = parse_document(text)
    assert doc.code == draft.code
    assert doc.issuer == draft.issuer
    assert doc.place == draft.place and doc.date == draft.date
    assert doc.type_name is not None and doc.type_name.upper() == draft.type_line
    assert doc.summary == draft.summary
    assert doc.recipients == draft.recipients
    assert doc.signature == draft.signature
    assert [r.code for r in doc.references] == list(draft.references)
    assert doc.urgency is draft.urgency
    assert len(doc.legal_bases) == len(draft.references)
    assert [(d.label, d.title, len(d.children)) for d in doc.structure] == [
        (str(n), title, clauses) for n, (title, clauses) in enumerate(draft.articles, start=1)
    ]


# What text extraction does to real documents; the fields read must not change.
_LAYOUTS = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "lookalike-d": lambda t: t.replace("Đ", "\u00d0"),
    "nbsp": lambda t: t.replace(" ", "\u00a0", 200),
    "blank-after-every-line": lambda t: t.replace("\n", "\n\n"),
    "no-blank-lines": lambda t: re.sub(r"\n\s*\n", "\n", t),
    "crawler-title": lambda t: "Quyết định 123 - Thư viện văn bản\n" + t,
    "crawler-title-glued": lambda t: "Quyết định 123 - Thư viện văn bản " + t,
    "trailing-spaces": lambda t: t.replace("\n", "  \n"),
    "tabs": lambda t: t.replace("  ", "\t"),
}


def _canonical(fields: dict[str, str]) -> dict[str, str]:
    return {k: unicodedata.normalize("NFC", v).replace("\u00d0", "Đ") for k, v in fields.items()}


@pytest.mark.parametrize("layout", sorted(_LAYOUTS))
@pytest.mark.parametrize("row", EXPECTED, ids=[r["file"] for r in EXPECTED])
def test_fields_survive_extraction_noise(row: dict[str, str], layout: str) -> None:
    text = (DATA / "texts" / row["file"]).read_text(encoding="utf-8")
    noisy = _LAYOUTS[layout](text)
    assert _canonical(_fields(parse_document(noisy))) == _canonical(_fields(parse_document(text)))


_HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nSố: 12/UBND-KTTH{mark}\nLạng Sơn, ngày 03 tháng 01 năm 2024\n"
    "V/v {summary}\nKính gửi: Sở Tài chính.\nCăn cứ Quyết định số 1656/QĐ-UBND;\n"
    "Ủy ban nhân dân tỉnh đề nghị ...\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHồ Tiến Thiệu\n"
)


@pytest.mark.parametrize(
    ("mark", "summary", "urgency", "secrecy"),
    [
        ("\nHỎA TỐC", "triển khai", vnadmin.Urgency.HOA_TOC, None),
        ("\nHOẢ TỐC", "triển khai", vnadmin.Urgency.HOA_TOC, None),
        ("      THƯỢNG KHẨN", "triển khai", vnadmin.Urgency.THUONG_KHAN, None),
        ("\nKHẨN\nMẬT", "triển khai", vnadmin.Urgency.KHAN, vnadmin.Secrecy.MAT),
        ("\nTỐI MẬT", "triển khai", None, vnadmin.Secrecy.TOI_MAT),
        ("", "KHẨN TRƯƠNG TRIỂN KHAI", None, None),  # a word of the summary, not a stamp
        ("", "BẢO VỆ BÍ MẬT NHÀ NƯỚC", None, None),
    ],
)
def test_urgency_and_secrecy_marks(
    mark: str,
    summary: str,
    urgency: vnadmin.Urgency | None,
    secrecy: vnadmin.Secrecy | None,
) -> None:
    text = _HEADER.format(mark=mark, summary=summary)
    doc = parse_document(text)
    assert (doc.urgency, doc.secrecy) == (urgency, secrecy)
    for name, value in (("urgency", urgency), ("secrecy", secrecy)):
        span = doc.span_of(name)
        if value is None:
            assert span is None
        else:
            assert span is not None and text[span[0] : span[1]].upper() in mark
    assert str(doc.code) == "12/UBND-KTTH"


def test_body_and_legal_bases_point_into_the_text() -> None:
    text = (DATA / "texts" / "thong-tu_21-2026-TT-BCT.txt").read_text(encoding="utf-8")
    doc = parse_document(text)
    assert doc.body is not None and text[doc.body.span[0] : doc.body.span[1]] == doc.body.text
    assert doc.body.text.startswith("Căn cứ")
    assert len(doc.legal_bases) == 3
    for basis in doc.legal_bases:
        assert basis.text.startswith("Căn cứ") and not basis.text.endswith((";", ","))
        assert text[basis.span[0] : basis.span[1]] == basis.text
        assert doc.body.span[0] <= basis.span[0] < basis.span[1] <= doc.body.span[1]
    # The body ends before the signature and the Nơi nhận.
    decree = parse_document(
        (DATA / "texts" / "nghi-dinh_36-2015-ND-CP.txt").read_text(encoding="utf-8")
    )
    assert decree.body is not None and decree.signature is not None
    assert decree.recipients is not None
    assert decree.body.span[1] <= min(decree.signature.span[0], decree.recipients.span[0])
    assert decree.body.text.endswith("thi hành Nghị định này./.")


def test_flattened_preamble_bases() -> None:
    """QĐ 173/QĐ-BTP runs its last căn cứ, the Xét đề nghị line and QUYẾT ĐỊNH together."""
    text = (DATA / "texts" / "quyet-dinh_173-QD-BTP.txt").read_text(encoding="utf-8")
    bases = parse_document(text).legal_bases
    assert [b.text[:30] for b in bases] == [
        "Căn cứ Nghị định số 22/2013/NĐ",
        "Căn cứ Chương trình số 1249a/C",
    ]
    assert bases[1].text.endswith("giai đoạn 2014 - 2020")


@pytest.mark.parametrize(
    ("text", "bases"),
    [
        ("Căn cứ" + " " * 5000 + "x", 1),
        ("Căn cứ Luật A;" + " \t" * 3000 + "Căn cứ Luật B" + " " * 3000 + "QUYẾT ĐỊNH:", 2),
        ("Căn cứ " + "A " * 5000, 1),
        ("Căn cứ Luật A," + " " * 5000 + "Xét đề nghị", 1),
    ],
)
def test_legal_bases_read_blank_runs_once(text: str, bases: int) -> None:
    from tests.growth import bounded

    doc = bounded(lambda: parse_document("QUYẾT ĐỊNH\nVề việc x\n" + text))
    assert len(doc.legal_bases) == bases
    assert all(p.text.startswith("Căn cứ") and p.text == p.text.strip() for p in doc.legal_bases)


@pytest.mark.parametrize("blanks", [10, 4000])
def test_place_date_with_a_long_blank_run(blanks: int) -> None:
    from tests.growth import bounded

    text = "Số: 12/QĐ-UBND\nHà Nội, ngày" + " " * blanks + "x"
    doc = bounded(lambda: parse_document(text))
    assert doc.place_date is None
    blank_day = "Số: 12/QĐ-UBND\nHà Nội, ngày" + " " * min(blanks, 40) + "tháng 7 năm 2025\n"
    assert bounded(lambda: parse_document(blank_day)).place == "Hà Nội"


def _components(doc: Document) -> tuple[object, ...]:
    """What format_document writes: the header, the signature, the recipients and the
    references of the body (appendices after the signature are not part of the model)."""
    sig = doc.signature
    body = doc.body.span if doc.body is not None else (0, 0)
    return (
        doc.code,
        doc.issuer,
        doc.issuer_parents,
        doc.national_title,
        doc.date,
        doc.place,
        doc.type_name,
        doc.summary,
        doc.urgency,
        doc.secrecy,
        None if sig is None else (sig.signer_name, sig.modes, tuple(map(str, sig.chain))),
        None if doc.recipients is None else len(doc.recipients),
        frozenset(r.code for r in doc.references if body[0] <= r.span[0] < body[1]),
    )


@pytest.mark.parametrize("path", sorted((DATA / "texts").glob("*.txt")), ids=lambda p: p.stem)
def test_format_document_reads_back_to_the_same_components(path: pathlib.Path) -> None:
    doc = parse_document(path.read_text(encoding="utf-8"))
    again = parse_document(vnadmin.document.format(doc))
    if doc.summary is None:  # the header-less seeds: the body's first line is read as one
        again = attrs.evolve(again, summary=None)
    assert _components(again) == _components(doc)


def test_document_verbs() -> None:
    from vnadmin import document

    text = (DATA / "texts" / "quyet-dinh_173-QD-BTP.txt").read_text(encoding="utf-8")
    doc = document.parse(text)
    assert document.check(doc) == tuple(lint(doc))
    errors = [f for f in document.check(doc) if f.severity is vnadmin.Severity.ERROR]
    assert document.is_valid(doc) is (not errors) is document.is_valid(text)
    bad = text.replace("Số: 173/QĐ-BTP", "Số: 173/KH-BTP")
    assert "N102" in {f.rule for f in document.check(bad)}
    assert not document.is_valid(bad)
    with pytest.raises(vnadmin.ValidationError) as info:
        document.validate(bad)
    assert any(f.rule == "N102" for f in info.value.findings)
    assert document.is_valid(12345) is False


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Căn cứ Quyết định số số 12/QĐ-UBND", ["số số"]),
        ("Số số 12; Của của; VÀ  VÀ", ["Số số", "Của của", "VÀ  VÀ"]),
        ("thuộc các các xã và và\tvà", ["các các", "và và"]),
        ("bảo các cácx; tráng là lành; xsố số", []),
        ("İİ các các", ["các các"]),  # lower case of İ is two characters
    ],
)
def test_doubled_words(text: str, words: list[str]) -> None:
    found = lint(text, select=["T104"])
    assert [text[f.span[0] : f.span[1]] for f in found if f.span] == words


# --- every span of every part, on perturbed real texts ----------------------------------


def _parts(value: object) -> Iterator[object]:
    """``value`` and every attrs value inside it, at any depth."""
    if attrs.has(type(value)):
        yield value
        for f in attrs.fields(type(value)):
            yield from _parts(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _parts(item)


def _spans(value: object) -> Iterator[tuple[str, tuple[int, int]]]:
    for f in attrs.fields(type(value)):
        v = getattr(value, f.name)
        if f.name.endswith("span") and isinstance(v, tuple) and len(v) == 2:
            yield f.name, v
        elif f.name.endswith("spans") and isinstance(v, tuple):
            for s in v:  # spans, or (name, span) pairs (Document.spans)
                s = s[1] if isinstance(s[0], str) else s
                yield f.name, s


def _same_words(a: str, b: str) -> bool:
    """Whether ``a`` (as written) reads as ``b`` (a field: normalised, or the text as
    written itself), blanks collapsed."""

    def words(x: str) -> str:
        return " ".join(vnadmin.normalize_text(x).text.split())

    return words(a) == words(b)


@settings(max_examples=40, deadline=None)
@given(perturbed_window(sorted(p.read_text(encoding="utf-8") for p in TEXT_FILES), 8000))
def test_every_span_of_a_document_is_exact(pair: tuple[str, str]) -> None:
    clean, text = pair
    doc = parse_document(text)
    for part in _parts(doc):
        names = {f.name for f in attrs.fields(type(part))}
        for name, (a, b) in _spans(part):
            assert 0 <= a <= b <= len(text), (type(part).__name__, name)
        for name in names:
            field = getattr(part, name)
            span_name = (
                ("text_span" if "text_span" in names else "span")
                if name in ("text", "source")
                else name[: -len("_text")] + "_span"
                if name.endswith("_text")
                else f"{name}_span"
            )
            span = getattr(part, span_name, None) if span_name in names else None
            if not isinstance(field, str) or not isinstance(span, tuple):
                continue
            written = text[span[0] : span[1]]
            assert _same_words(written, field), (type(part).__name__, name, written, field)
    again = parse_document(clean)
    assert (doc.code, doc.date, doc.type_name) == (again.code, again.date, again.type_name)


# --- hostile input (issue 10): linear work on adversarial families ----------------------

_HEADER_WORDS = [
    "UBND TỈNH X",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 12/QĐ-UBND",
    "Hà Nội, ngày 20 tháng 7 năm 2025",
    "QUYẾT ĐỊNH",
    "V/v triển khai",
    "Căn cứ Luật số 1/2020/QH14;",
    "Điều 1. Phạm vi",
    "Nơi nhận:",
    "- Như trên;",
    "KT. CHỦ TỊCH",
]


def _blank_between_every_pair(blank: str) -> Callable[[int], str]:
    """Each pair of header keywords, a run of ``blank`` of length n between them (and
    between the words of each keyword)."""

    def make(n: int) -> str:
        gap = blank * n
        words = [w.replace(" ", gap) for w in _HEADER_WORDS]
        return gap.join(words) + gap + gap.join(a + gap + b for a in words for b in words)

    return make


DOCUMENT_FAMILIES: dict[str, Callable[[int], str]] = {
    "spaces between keywords": _blank_between_every_pair(" "),
    "tabs between keywords": _blank_between_every_pair("\t"),
    "newlines between keywords": _blank_between_every_pair("\n"),
    "repeated căn cứ": lambda n: "Căn cứ x\n" * n,
    "căn cứ on one line": lambda n: "Căn cứ x " * n,
    "căn cứ with blank runs": lambda n: ("Căn cứ x" + " " * 200 + "A") * n,
    "căn cứ cut in capitals": lambda n: "Căn cứ x" + (" " * 50 + "ABCDEF") * n,
    "repeated articles": lambda n: "Điều 1.\n" * n,
    "articles on one line": lambda n: "Điều 1. " * n,
    "nested units": lambda n: "Phần I\nChương I\nMục 1\nTiểu mục 1\nĐiều 1. x\n1. y\na) z\n" * n,
    "capitals": lambda n: "A" * n,
    "capital words": lambda n: "HÀ NỘI " * n,
    "capital words and comma": lambda n: "HÀ " * n + ", ngày",
    "rules": lambda n: "UBND " + "-" * n + "x\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "rules of blanks": lambda n: "UBND" + " " * n + "-x\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "repeated rules": lambda n: "---- \n" * n,
    "stamps": lambda n: "KHẨN " * n,
    "V/v capitals": lambda n: "Số: 1/UBND-VP\nV/v " + "A " * n,
    "số runs": lambda n: "Số " * n + "1/QĐ-UBND",
    "place-date blanks": lambda n: "Số: 1/QĐ-UBND\nHà Nội" + " " * n + ", ngày" + " " * n + "x",
    "combining marks": lambda n: "Điều 1. a" + "\u0301\u0323" * n,
    "marks on every letter": lambda n: "Quye\u0302\u0301t đi\u0323nh " * n,
}


@pytest.mark.parametrize("name", sorted(DOCUMENT_FAMILIES))
def test_parse_document_lint_and_structure_are_linear_on_hostile_families(name: str) -> None:
    from tests.growth import growth

    make = DOCUMENT_FAMILIES[name]
    n = max(1, 10_000 // max(1, len(make(1))))  # 10 kB -> 100 kB
    for fn in (parse_document, vnadmin.lint, vnadmin.parse_structure):
        assert growth(make, fn, n, 10) < 1.6, (name, fn.__name__)


_DENSE_FAMILIES = {"nested units", "repeated articles", "số runs", "marks on every letter"}


@pytest.mark.parametrize("name", sorted(DOCUMENT_FAMILIES))
def test_a_megabyte_of_a_hostile_document_is_read_in_bounded_time(name: str) -> None:
    # (the guard against a regex that backtracks: no call count sees its steps)
    from tests.growth import bounded

    make = DOCUMENT_FAMILIES[name]
    size = 250_000 if name in _DENSE_FAMILIES else 1_000_000  # (dense in values: slower)
    n = 1
    while len(make(n)) < size:
        n *= 2
    text = make(n)
    bounded(lambda: vnadmin.lint(text), 60)


def test_the_vv_summary_matches_the_old_pattern() -> None:
    import re

    from vnadmin import document

    old = re.compile(
        r"(?<![^\s“\"])V/v[ \t]+(?P<summary>[^\n]*?)"
        r"(?=[ \t]+[A-ZĐ][^\s,]*(?:[ \t]+[A-ZĐ][^\s,]*)*,[ \t]*ngày|$|\n)"
    )
    pieces = ["V/v", " ", "  ", "\t", "A", "Hà", "Nội", ",", " ngày", "ngày", "x", "\n", "Đ"]

    @given(st.lists(st.sampled_from([*pieces, "aB", ",ngày", "\x0c", "\x1c"]), max_size=16))
    @settings(max_examples=1000, deadline=None)
    def same(parts: list[str]) -> None:
        s = "".join(parts)
        m = old.search(s)
        want = None if m is None else (m.group("summary").strip() or None)
        found = document._vv_line(s, len(s))
        assert (None if found is None else found[0]) == want

    same()


def test_the_trailing_rule_matches_the_old_pattern() -> None:
    import re

    from vnadmin import document

    old = re.compile(r"[ \t]*-{2,}[ \t]*$")

    @given(st.lists(st.sampled_from(["-", " ", "\t", "x", "--", "*"]), max_size=12).map("".join))
    @settings(max_examples=500, deadline=None)
    def same(s: str) -> None:
        assert document._drop_trailing_rule(s) == old.sub("", s)

    same()
