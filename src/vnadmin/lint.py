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

from vnadmin import codes, references
from vnadmin.dates import check_dates
from vnadmin.dates.deadlines import check_deadlines
from vnadmin.document import Document, parse_document
from vnadmin.findings import RULES, Finding, Rule, rule
from vnadmin.recipients import check_recipients
from vnadmin.registry import DocCategory
from vnadmin.signatures import check_signature
from vnadmin.structure import check_structure
from vnadmin.text import normalize_text, tone_style

__all__ = ["lint", "rules"]

_P8 = "NĐ 30, Điều 8.2"

T101 = rule("T101")
T102 = rule("T102")
T103 = rule("T103")
T104 = rule("T104")
N101 = rule("N101")
N102 = rule("N102")

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
        yield from references.check(ref, issued=doc.date)
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
