"""Lint a document against Nghị định 30/2020/NĐ-CP and the rules it rests on.

:func:`lint` runs every check vnadmin has over a whole document and returns the
findings sorted by position. Rules are selected and ignored by id or prefix, as in ruff
(``select=["C", "D1"]``, ``ignore=["C108"]``). Rule families:

* ``C`` document codes (:mod:`vnadmin.codes`), ``D`` dates, times and deadlines,
  ``S`` signature blocks, ``R`` recipient lists (their own modules);
* ``T`` text: decomposed or look-alike characters, mixed tone placement, doubled words;
* ``N`` document structure: missing mandatory parts (NĐ 30, Điều 8.2), type line vs code,
  point letters and the numbering of Điều and khoản (:mod:`vnadmin.structure`);
* ``X`` references: type named vs code, referenced document dated after this one.

>>> [f.rule for f in lint("Căn cứ Quyết định số số 1656/QĐ-UBND ngày 20/7/2025;", select=["T", "X"])]
['T104']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from vnadmin import codes
from vnadmin.dates import check_dates
from vnadmin.deadlines import check_deadlines
from vnadmin.document import Document, parse_document
from vnadmin.findings import RULES, Finding, Rule, Severity, register_rule
from vnadmin.recipients import check_recipients
from vnadmin.registry import DocCategory
from vnadmin.signatures import check_signature
from vnadmin.structure import check_structure
from vnadmin.text import normalize_text, tone_style

__all__ = ["lint", "rules"]

_P8 = "NĐ 30, Điều 8.2"

T101 = register_rule(
    Rule(
        "T101",
        "decomposed-unicode",
        Severity.WARNING,
        "Văn bản dùng Unicode tổ hợp (NFD) thay cho Unicode dựng sẵn: {n} chỗ.",
        "The text uses decomposed Unicode (NFD) instead of precomposed characters: {n} places.",
        "NĐ 30, Phụ lục I, I.1 (phông chữ tiếng Việt Unicode TCVN 6909:2001)",
        bad="Quye\u0302\u0301t đi\u0323nh (NFD)",
        good="Quyết định",
    )
)
T102 = register_rule(
    Rule(
        "T102",
        "lookalike-character",
        Severity.WARNING,
        "Ký tự giống nhưng sai mã: {before!r} thay cho {after!r}.",
        "Look-alike character: {before!r} instead of {after!r}.",
        "NĐ 30, Phụ lục I, I.1 (phông chữ tiếng Việt Unicode TCVN 6909:2001)",
        bad="Ðiều 1 (Ð U+00D0)",
        good="Điều 1 (Đ U+0110)",
    )
)
T103 = register_rule(
    Rule(
        "T103",
        "mixed-tone-placement",
        Severity.INFO,
        "Vị trí dấu thanh không thống nhất trong văn bản: {word!r} (kiểu {style}) trong khi phần lớn dùng kiểu {major}.",
        "Inconsistent tone placement: {word!r} ({style} style) while most of the text uses the {major} style.",
        "NĐ 30, Phụ lục I, I.1; domain notes §9.3",
        bad="Ủy ban … uỷ quyền",
        good="Ủy ban … ủy quyền",
    )
)
T104 = register_rule(
    Rule(
        "T104",
        "doubled-word",
        Severity.WARNING,
        "Từ bị lặp: {word!r}.",
        "Doubled word: {word!r}.",
        "NĐ 30, Điều 3.1 (văn bản chính xác)",
        bad="Quyết định số số 1656/QĐ-UBND",
        good="Quyết định số 1656/QĐ-UBND",
    )
)
N101 = register_rule(
    Rule(
        "N101",
        "missing-part",
        Severity.WARNING,
        "Thiếu thành phần thể thức bắt buộc: {part_vi}.",
        "A mandatory component is missing: {part_en}.",
        _P8,
        bad="(no Nơi nhận)",
        good="Nơi nhận: - Như Điều 3; - Lưu: VT, TCCB.",
    )
)
N102 = register_rule(
    Rule(
        "N102",
        "type-code-mismatch",
        Severity.ERROR,
        "Tên loại văn bản ({name}) không khớp chữ viết tắt trong ký hiệu ({abbr}).",
        "The type line ({name}) does not match the type abbreviation of the code ({abbr}).",
        "NĐ 30, Phụ lục I, II.3; Phụ lục III, I",
        bad="QUYẾT ĐỊNH … Số: 12/KH-UBND",
        good="QUYẾT ĐỊNH … Số: 12/QĐ-UBND",
    )
)
X101 = register_rule(
    Rule(
        "X101",
        "reference-type-mismatch",
        Severity.WARNING,
        "Loại văn bản được dẫn ({name}) không khớp số, ký hiệu {code}.",
        "The type named ({name}) does not match the code {code}.",
        "NĐ 30, Phụ lục I, II.6 (trích dẫn văn bản)",
        bad="Quyết định số 1302/UBDT-DTTS",
        good="Công văn số 1302/UBDT-DTTS",
    )
)
X102 = register_rule(
    Rule(
        "X102",
        "reference-after-issue",
        Severity.ERROR,
        "Văn bản được dẫn ({code}, ngày {ref_date}) có ngày sau ngày ban hành văn bản này ({date}).",
        "The referenced document ({code}, {ref_date}) is dated after this document ({date}).",
        "NĐ 30, Phụ lục I, II.6",
        bad="ngày 05/01/2024 … căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2024",
        good="căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2024",
    )
)

_PARTS = (
    ("national_title", "Quốc hiệu và Tiêu ngữ", "the national title and motto"),
    ("issuer", "tên cơ quan, tổ chức ban hành", "the issuer's name"),
    ("code", "số, ký hiệu", "the number and symbol"),
    ("place_date", "địa danh và thời gian ban hành", "the place and date of issue"),
    ("type_name", "tên loại và trích yếu", "the type and summary"),
    (
        "signatures",
        "chức vụ, họ tên và chữ ký của người có thẩm quyền",
        "the signatory's title, name and signature",
    ),
    ("recipients", "nơi nhận", "the recipient list (Nơi nhận)"),
)
_DOUBLED = re.compile(
    r"\b(?P<w>số|của|và|các|ngày|về|theo|tại|được|là)[ \t]+(?P=w)\b", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]+")


def rules() -> list[Rule]:
    """Every rule of the catalogue, sorted by id."""
    return [RULES[k] for k in sorted(RULES)]


def _selected(rule: str, select: Sequence[str] | None, ignore: Sequence[str] | None) -> bool:
    if select is not None and not any(rule.startswith(p) for p in select):
        return False
    return not (ignore and any(rule.startswith(p) for p in ignore))


def _text_findings(text: str) -> Iterable[Finding]:
    nt = normalize_text(text)
    nfd = [r for r in nt.repairs() if r.kind == "nfc"]
    if nfd:
        yield T101.finding(nfd[0].span, n=len(nfd))
    for r in nt.repairs():
        if r.kind == "lookalike":
            yield T102.finding(r.span, before=r.before, after=r.after)
    styles: list[tuple[str, str, int, int]] = []
    for m in _WORD.finditer(nt.text):
        style = tone_style(m.group())
        if style is not None:
            styles.append((style, m.group(), m.start(), m.end()))
    counts = Counter(st for st, _, _, _ in styles)
    if len(counts) == 2:
        major = "old" if counts["old"] >= counts["new"] else "new"
        for st, word, a, b in styles:
            if st != major:
                yield T103.finding(nt.to_original(a, b), word=word, style=st, major=major)
    for m in _DOUBLED.finditer(nt.text):
        yield T104.finding(nt.to_original(m.start(), m.end()), word=m.group())


def _document_findings(doc: Document) -> Iterable[Finding]:
    for attr, vi, en in _PARTS:
        if not getattr(doc, attr):
            yield N101.finding(None, part_vi=vi, part_en=en)
    code = doc.code
    if code is not None:
        yield from codes.check(code, date=doc.date)
        if (
            doc.doc_type is not None
            and code.type_abbr is not None
            and code.doc_type is not None
            and code.doc_type.name != doc.doc_type.name
            and doc.doc_type.category is not DocCategory.COPY
        ):
            yield N102.finding(code.span, name=doc.type_name, abbr=code.type_abbr)
    for ref in doc.references:
        if ref.type_mismatch:
            yield X101.finding(ref.span, name=ref.type_name, code=str(ref.code))
        if doc.date is not None and ref.date is not None and ref.date > doc.date:
            yield X102.finding(
                ref.span,
                code=str(ref.code),
                ref_date=ref.date.strftime("%d/%m/%Y"),
                date=doc.date.strftime("%d/%m/%Y"),
            )
    for block in doc.signatures:
        yield from check_signature(block)
    if doc.recipients is not None:
        yield from check_recipients(doc.recipients, kinh_gui=doc.addressees is not None)
    yield from check_structure(doc.structure)
    yield from check_dates(doc.text)
    yield from check_deadlines(doc.text, issued=doc.date)


def lint(
    document: str | Document,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> list[Finding]:
    """Every finding for ``document`` (its text or a parsed :class:`Document`).

    Findings are sorted by position (whole-document findings first) and de-duplicated.
    ``select``/``ignore`` take rule ids or prefixes. Never raises on a ``str``.
    """
    doc = document if isinstance(document, Document) else parse_document(document)
    found: list[Finding] = []
    seen: set[tuple[str, tuple[int, int] | None, str]] = set()
    for f in (*_text_findings(doc.text), *_document_findings(doc)):
        key = (f.rule, f.span, f.message_en)
        if key in seen or not _selected(f.rule, select, ignore):
            continue
        seen.add(key)
        found.append(f)
    found.sort(key=lambda f: (f.span or (-1, -1), f.rule))
    return found
