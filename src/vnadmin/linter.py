"""Lint a document against Nghị định 30/2020/NĐ-CP and the rules it rests on.

:func:`lint` runs every check vnadmin has over a whole document and returns the
findings sorted by position. Rules are selected and ignored by id or prefix, as in ruff
(``select=["C", "D1"]``, ``ignore=["C108"]``). Rule families:

* ``C`` document codes (:mod:`vnadmin.codes`), ``D`` dates, times and deadlines,
  ``S`` signature blocks, ``R`` recipient lists (their own modules; the ``Nơi nhận:``
  header as written, ``R111``, here);
* ``T`` text: decomposed or look-alike characters, mixed tone placement, doubled words;
* ``N`` document structure: missing mandatory parts (NĐ 30, Điều 8.2), type line vs code,
  point letters and the numbering of Điều and khoản (:mod:`vnadmin.structure`), the
  content's closing ``./.`` (``N105``);
* ``X`` references: type named vs code, referenced document dated after this one;
* ``M`` meetings and duties (:mod:`vnadmin.meetings.rules`: a Giấy mời sent late, a late
  conclusion notice, preparation after the meeting, a duty without a lead, a deadline on a
  day off) — run only when a selection names them (``select=["M"]``, ``--select M``):
  reading a document's meeting and duties costs more than the rest of the lint together.
* ``F`` thể thức of a ``.docx`` (:mod:`vnadmin.formatting`: paper, margins, fonts, the size,
  weight, slant, case and alignment of each component, body spacing, page numbers; NĐ 30,
  Phụ lục I) — run when the document was read from a ``.docx`` (a path, its bytes, or a
  :class:`Document` from :func:`vnadmin.read_document`).

>>> [f.rule for f in lint("Căn cứ Quyết định số số 1656/QĐ-UBND ngày 20/7/2025;", select=["T", "X"])]
['T104']
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from vnadmin import codes, references
from vnadmin.dates import check_dates, check_place_date, deadlines
from vnadmin.dates.deadlines import event_start
from vnadmin.document import Document, parse_document
from vnadmin.findings import RULES, Finding, Rule, rule
from vnadmin.reader.columns import normalize_document
from vnadmin.recipients import check_recipients
from vnadmin.registry import DocCategory
from vnadmin.signatures import check_signature
from vnadmin.structure import check_structure
from vnadmin.text import (
    NormalizedText,
    Source,
    tone_style,
    toned_words,
)

if TYPE_CHECKING:
    from vnadmin.formatting.model import DocxFormat

__all__ = ["lint", "rules"]

_P8 = "NĐ 30, Điều 8.2"

T101 = rule("T101")
T102 = rule("T102")
T103 = rule("T103")
T104 = rule("T104")
N101 = rule("N101")
N102 = rule("N102")
N105 = rule("N105")
R111 = rule("R111")
# The Nơi nhận header as written (R111 asks for "Nơi nhận:").
_NOI_NHAN_HEADER = re.compile(r"n[ơo]i[ \t]*nh[ậa]n(?:[ \t]*:)?", re.IGNORECASE)

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
# A doubled word, looked for in the lower-cased text (a case-insensitive scan is twice as
# slow), the word start checked at each hit (a leading \b would keep the regex engine from
# skipping to the words' first letters); the pattern that ignores case serves text whose
# lower case changes length.
_DOUBLED_WORDS = r"(?P<w>số|của|và|các|ngày|về|theo|tại|được|là)[ \t]+(?P=w)\b"
_DOUBLED = re.compile(_DOUBLED_WORDS)
_DOUBLED_ANY_CASE = re.compile(_DOUBLED_WORDS, re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")


def rules() -> list[Rule]:
    """Every rule of the catalogue, sorted by id."""
    return [RULES[k] for k in sorted(RULES)]


def _selected(rule: str, select: Sequence[str] | None, ignore: Sequence[str] | None) -> bool:
    if select is not None and not any(rule.startswith(p) for p in select):
        return False
    return not (ignore and any(rule.startswith(p) for p in ignore))


def _text_findings(nt: NormalizedText) -> Iterable[Finding]:
    repairs = nt.repairs()
    nfd = [r for r in repairs if r.kind == "nfc"]
    if nfd:
        yield T101.finding(nfd[0].span, n=len(nfd))
    for r in repairs:
        if r.kind == "lookalike":
            yield T102.finding(r.span, before=r.before, after=r.after)
    yield from _tone_findings(nt)
    text = nt.text
    low = text.lower()
    # (a letter whose lower case is longer, such as İ, leaves no shared offsets)
    same = len(low) == len(text)
    doubled = _DOUBLED.finditer(low) if same else _DOUBLED_ANY_CASE.finditer(text)
    for m in doubled:
        a = m.start()
        if a == 0 or not _WORD_CHAR.match(text, a - 1):
            yield T104.finding(nt.to_original(a, m.end()), word=text[a : m.end()])


def _tone_findings(nt: NormalizedText) -> Iterable[Finding]:
    """T103: words whose tone placement is the minority style. Only words ending in a toned
    oa / oe / uy can show a style; each distinct one is classified once."""
    text = nt.text
    found = [(a, b, text[a:b]) for a, b in toned_words(text)]
    styles: dict[str, Literal["old", "new"] | None] = {}
    counts = Counter({"old": 0, "new": 0})
    for _, _, word in found:
        if word not in styles:
            styles[word] = tone_style(word)
        style = styles[word]
        if style is not None:
            counts[style] += 1
    if not counts["old"] or not counts["new"]:
        return
    major = "old" if counts["old"] >= counts["new"] else "new"
    for a, b, word in found:
        style = styles[word]
        if style is not None and style != major:
            yield T103.finding(nt.to_original(a, b), word=word, style=style, major=major)


def _structure_findings(doc: Document, nt: NormalizedText) -> Iterable[Finding]:
    for attr, vi, en in _PARTS:
        if not getattr(doc, attr):
            yield N101.finding(None, part_vi=vi, part_en=en)
    code = doc.code
    if (
        code is not None
        and doc.doc_type is not None
        and code.type_abbr is not None
        and code.doc_type is not None
        and code.doc_type.name != doc.doc_type.name
        and doc.doc_type.category is not DocCategory.COPY
    ):
        yield N102.finding(code.span, name=doc.type_name, abbr=code.type_abbr)
    yield from check_structure(doc.structure)
    body = doc.body
    if body is not None and (doc.signatures or doc.recipients is not None):
        # The templates of Phụ lục III end the content with "./.".
        end = body.span[0] + len(body.text.rstrip())
        if not body.text.rstrip().endswith("./."):
            yield N105.finding((max(body.span[0], end - 1), end))


def _code_findings(doc: Document, nt: NormalizedText) -> Iterable[Finding]:
    if doc.code is not None:
        yield from codes.check(doc.code, date=doc.date)


def _reference_findings(doc: Document, nt: NormalizedText) -> Iterable[Finding]:
    for ref in doc.references:
        yield from references.check(ref, issued=doc.date)


def _signature_findings(doc: Document, nt: NormalizedText) -> Iterable[Finding]:
    for block in doc.signatures:
        yield from check_signature(block)


def _recipient_findings(doc: Document, nt: NormalizedText) -> Iterable[Finding]:
    lst = doc.recipients
    if lst is not None:
        yield from check_recipients(lst, kinh_gui=doc.addressees is not None)
        m = _NOI_NHAN_HEADER.match(doc.text, lst.span[0])
        if m is not None and m.group() != "Nơi nhận:":
            yield R111.finding(m.span(), found=m.group())


_IN_TEXT_FORMS = frozenset(("D115", "D116", "D117"))


def _date_findings(doc: Document, nt: NormalizedText) -> Iterable[Finding]:
    # The issuing line at the catalogue's severities (D101–D104, D107, D108; NĐ 30, Phụ
    # lục I, II.4); its date's digits are then not reported again as a date in the text.
    pd = doc.place_date
    issued: tuple[int, int] | None = None
    if pd is not None:
        yield from check_place_date(pd)
        issued = pd.date_span
    # Impossible dates (D106) are not values, so the dates are checked over the text.
    for f in check_dates(nt, found=doc.dates):
        if (
            issued is not None
            and f.rule in _IN_TEXT_FORMS
            and f.span is not None
            and issued[0] <= f.span[0] < issued[1]
        ):
            continue
        yield f
    event = event_start(nt)
    for d in doc.deadlines:
        yield from deadlines.check(d, issued=doc.date, event=event)


def _format_findings(
    doc: Document, nt: NormalizedText, fmt: DocxFormat | None = None
) -> Iterable[Finding]:
    if doc.file is None or doc.file.layout.format != "docx":
        return ()
    from vnadmin.formatting.rules import check_format

    return check_format(doc, nt, fmt=fmt)


def _meeting_findings(doc: Document, nt: NormalizedText) -> Iterable[Finding]:
    from vnadmin.meetings.rules import check as check_meeting

    return check_meeting(doc, nt)


# Each rule family (the letter its ids start with) and the check that emits it; lint runs
# only the families that a selected rule belongs to.
_FAMILIES: dict[str, Callable[[Document, NormalizedText], Iterable[Finding]]] = {
    "N": _structure_findings,
    "C": _code_findings,
    "X": _reference_findings,
    "S": _signature_findings,
    "R": _recipient_findings,
    "D": _date_findings,
    "M": _meeting_findings,
    "F": _format_findings,
}


#: Families that run only when a selection names them: the M rules read the document's
#: meeting and duties, which costs more than the rest of the lint together.
OPT_IN = frozenset({"M"})


def _wanted_families(select: Sequence[str] | None, ignore: Sequence[str] | None) -> set[str]:
    wanted = {rule_id[0] for rule_id in RULES if _selected(rule_id, select, ignore)}
    if select is None:
        wanted -= OPT_IN
    return wanted


#: File names that a ``str`` passed to :func:`lint` is read as (when such a file exists).
_FILE_SUFFIXES = (".docx", ".doc", ".pdf", ".txt")


def _as_document(
    document: Source | Document | os.PathLike[str] | bytes,
) -> tuple[Source | Document, DocxFormat | None]:
    """A path (``os.PathLike``, or a one-line ``str`` naming an existing ``.docx``,
    ``.doc``, ``.pdf`` or ``.txt`` file) or a file's bytes, read as
    :func:`vnadmin.read_document` reads it (a ``.docx`` with its formatting, from the same
    walk of the file); anything else unchanged."""
    if isinstance(document, str):
        if (
            len(document) > 4096
            or "\n" in document
            or not document.lower().endswith(_FILE_SUFFIXES)
            or not os.path.isfile(document)
        ):
            return document, None
    elif not isinstance(document, (os.PathLike, bytes, bytearray, memoryview)):
        return document, None
    from vnadmin.reader import _documents, detect_format, read_bytes, read_document

    data = read_bytes(document)
    if detect_format(data) != "docx":
        return read_document(data), None
    from vnadmin.formatting.docx import read_layout_and_format

    layout, fmt = read_layout_and_format(data)
    return _documents(layout)[0], fmt


def lint(
    document: Source | Document | os.PathLike[str] | bytes,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> list[Finding]:
    """Every finding for ``document``: its text (a ``str`` or the
    :class:`~vnadmin.text.NormalizedText` of it) or a parsed :class:`Document`.

    The text is normalised once and parsed once; each rule family then checks the parts of
    the :class:`Document`, and only the families a selected rule belongs to run. Findings
    are sorted by position (whole-document findings first) and de-duplicated.
    ``select``/``ignore`` take rule ids or prefixes; the families of :data:`OPT_IN` run only
    when ``select`` names them.

    A file is read with :func:`vnadmin.read_document` first: an ``os.PathLike``, the file's
    ``bytes``, or a ``str`` that names an existing ``.docx``/``.doc``/``.pdf``/``.txt``
    file (one line); the ``F`` rules then check a ``.docx``'s formatting as well. Never
    raises on a ``str`` that is text; a file that cannot be read raises
    :class:`~vnadmin.reader.ReadError`.
    """
    document, fmt = _as_document(document)
    if isinstance(document, Document):
        doc = document
        # (a text composed from a file's layout is already in reading order)
        columns = doc.file is None or doc.file.flat
        nt = normalize_document(doc.text, columns=columns)
    else:
        nt = normalize_document(document)
        doc = parse_document(nt)
    families = _wanted_families(select, ignore)
    parts: list[Iterable[Finding]] = [_text_findings(nt)] if "T" in families else []
    checks = dict(_FAMILIES)
    if fmt is not None:
        checks["F"] = functools.partial(_format_findings, fmt=fmt)
    parts += [check(doc, nt) for letter, check in checks.items() if letter in families]
    found: list[Finding] = []
    seen: set[tuple[str, tuple[int, int] | None, str]] = set()
    for f in itertools.chain.from_iterable(parts):
        key = (f.rule, f.span, f.message_en)
        if key in seen or not _selected(f.rule, select, ignore):
            continue
        seen.add(key)
        found.append(f)
    found.sort(key=lambda f: (f.span or (-1, -1), f.rule))
    return found
