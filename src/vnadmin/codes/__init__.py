"""Document codes (số, ký hiệu) with python-stdnum's four verbs.

>>> from vnadmin import codes
>>> codes.compact(" 08 /2015/NÐ-CP ")
'08/2015/NĐ-CP'
>>> codes.format("5/qđ-ubnd")
'05/QĐ-UBND'
>>> codes.is_valid("30/2020/NĐ-CP"), codes.is_valid("5/QĐ-UBND")
(True, False)
>>> [f.rule for f in codes.check("5/2026/TT-BTNMT")]
['C101', 'C111']
>>> codes.validate("5/QĐ-UBND")
Traceback (most recent call last):
...
vnadmin.errors.ValidationError: Number below 10 written without a leading zero: 5 (should be 05).

Rule ids (``C1xx``) are stable; every finding names its article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from vnadmin.codes.model import CodeFamily, DocumentCode
from vnadmin.codes.parser import parse_code, parse_or_none, scan_code
from vnadmin.errors import ValidationError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.registry import DocCategory, IssuerKind, Registry, default_registry

__all__ = [
    "CodeFamily",
    "DocumentCode",
    "check",
    "compact",
    "format",
    "is_valid",
    "parse",
    "parse_code",
    "scan_code",
    "validate",
]

parse = parse_code

_PL1 = "NĐ 30, Phụ lục I, II.3"
_LAW = "Luật 64/2025/QH15, Điều 7; Luật 80/2015/QH13, Điều 10"

C101 = rule("C101")
C102 = rule("C102")
C103 = rule("C103")
C104 = rule("C104")
C105 = rule("C105")
C106 = rule("C106")
C107 = rule("C107")
C108 = rule("C108")
C109 = rule("C109")
C110 = rule("C110")
C111 = rule("C111")
C112 = rule("C112")
C113 = rule("C113")
C114 = rule("C114")
C115 = rule("C115")
C116 = rule("C116")
C117 = rule("C117")
C118 = rule("C118")
C119 = rule("C119")
C120 = rule("C120")

# National Assembly terms (khóa) → years in office. The term's last year is shared
# with the next term's first (elections mid-year).
_TERMS = {
    8: (1987, 1992),
    9: (1992, 1997),
    10: (1997, 2002),
    11: (2002, 2007),
    12: (2007, 2011),
    13: (2011, 2016),
    14: (2016, 2021),
    15: (2021, 2026),
    16: (2026, 2031),
}
_REPAIR_RULES = {
    "space_removed": C103,
    "separator_inserted": C104,
    "separator_removed": C104,
    "slash_to_hyphen": C104,
    "hyphen_inserted": C104,
    "dash": C104,
    "slash": C104,
    "space": C103,
    "lookalike": C105,
    "nfc": C105,
    "invisible": C105,
    "case": C106,
}
# Unregistered abbreviations: capitals, digits and the punctuation C114 warns about.
_CAPITALS = re.compile(r"[A-ZĐ0-9.,&()]+")
_NORMATIVE_ONLY = frozenset({"NĐ", "TT", "TTLT", "NQLT", "L"})
_FIRST_YEAR = 1945


def _coerce(code: str | DocumentCode, registry: Registry | None) -> DocumentCode:
    return code if isinstance(code, DocumentCode) else parse_code(code, registry=registry)


def _repair_findings(code: DocumentCode) -> list[Finding]:
    out: list[Finding] = []
    for rep in code.repairs:
        rule = _REPAIR_RULES.get(rep.kind)
        if rule is None:
            continue
        if rule is C104:
            if rep.before.strip():
                vi = en = f"{rep.before!r} → {rep.after!r}"
            else:
                vi, en = f"thiếu {rep.after!r}", f"missing {rep.after!r}"
            out.append(rule.finding(rep.span, detail_vi=vi, detail_en=en))
        else:
            out.append(rule.finding(rep.span, before=rep.before, after=rep.after))
    return out


def check(
    code: str | DocumentCode,
    *,
    date: dt.date | None = None,
    registry: Registry | None = None,
    today: dt.date | None = None,
) -> tuple[Finding, ...]:
    """Every deviation of ``code`` from the rules, as findings (never raises on
    a parsed code; a string that cannot be parsed raises :class:`ParseError`).

    ``date`` is the document's date of issue when known (it sharpens the
    checks of retired issuer codes); ``today`` bounds plausible years.
    Spans point into the string the code was parsed from.
    """
    reg = registry or default_registry
    c = _coerce(code, reg)
    out = _repair_findings(c)
    span = c.span
    if c.family is CodeFamily.UNNUMBERED or c.number is None:  # C113 after any repair
        out.append(C113.finding(span))
        if c.family is CodeFamily.UNNUMBERED:
            return tuple(out)
    else:
        digits = c.number_text or f"{c.number:02d}"
        fixed = f"{c.number:02d}"
        if c.number < 10 and len(digits) < 2:
            out.append(C101.finding(span, number=digits, fixed=fixed))
        elif len(digits) > len(fixed):
            out.append(C102.finding(span, number=digits, fixed=fixed))
        if c.suffix:
            out.append(C115.finding(span, number=c.number_part))
    if c.family is CodeFamily.LEGACY:
        out.append(C118.finding(span, code=str(c)))
        if c.type_abbr is None and not any(reg.issuer(a) is not None for a in c.issuers):
            out.append(C119.finding(span, symbol=c.symbol))
    year_now = (today or dt.date.today()).year
    if c.year is not None and not (_FIRST_YEAR <= c.year <= year_now + 1):
        out.append(C109.finding(span, year=c.year))
    if c.type_abbr is not None and c.doc_type is None:
        out.append(C107.finding(span, abbr=c.type_abbr))
    if c.type_abbr in _NORMATIVE_ONLY and c.year is None and c.family is not CodeFamily.PARTY:
        assert c.doc_type is not None
        out.append(C116.finding(span, type=c.doc_type.name, type_en=c.doc_type.name_en.lower()))
    if c.family is CodeFamily.NATIONAL_ASSEMBLY and c.term in _TERMS and c.year is not None:
        start, end = _TERMS[c.term]
        if not start <= c.year <= end:
            out.append(C117.finding(span, year=c.year, term=c.term, start=start, end=end))
    day = date or (dt.date(c.year, 12, 31) if c.year is not None else None)
    first_day = date or (dt.date(c.year, 1, 1) if c.year is not None else None)
    kinds: list[IssuerKind] = []
    for abbr in c.issuers:
        iss = reg.issuer(abbr)
        if iss is None:
            out.append(C108.finding(span, abbr=abbr))
            continue
        kinds.append(iss.kind)
        if iss.valid_to is not None and first_day is not None and first_day >= iss.valid_to:
            out.append(
                C111.finding(
                    span,
                    abbr=abbr,
                    until=iss.valid_to.strftime("%d/%m/%Y"),
                    successor=iss.successor or "?",
                )
            )
        if iss.valid_from is not None and day is not None and day < iss.valid_from:
            out.append(C112.finding(span, abbr=abbr, since=iss.valid_from.strftime("%d/%m/%Y")))
    for part in (*c.issuers, *c.units):
        if reg.issuer(part) is None:
            if any(ch in part for ch in ",&."):
                out.append(C114.finding(span, part=part))
            if _CAPITALS.fullmatch(part) is None:
                out.append(C120.finding(span, part=part))
    if (
        c.family is CodeFamily.NORMATIVE
        and c.doc_type is not None
        and c.doc_type.category is DocCategory.NORMATIVE
        and kinds
    ):
        allowed = reg.issuer_kinds_for(c.doc_type.abbr, c.year)
        if allowed is not None and kinds[0] not in allowed:
            out.append(
                C110.finding(
                    span,
                    issuer=c.issuers[0],
                    type=c.doc_type.name,
                    type_en=c.doc_type.name_en.lower(),
                )
            )
    return tuple(out)


def validate(
    code: str | DocumentCode,
    *,
    date: dt.date | None = None,
    registry: Registry | None = None,
) -> DocumentCode:
    """Parse and check ``code`` strictly; return it when no finding is an error.

    Raises :class:`~vnadmin.ParseError` if it cannot be read and
    :class:`~vnadmin.ValidationError` (with every finding) if it breaks a rule.
    Warnings (an unregistered unit code, punctuation inside a unit) do not fail.
    """
    c = _coerce(code, registry)
    findings = check(c, date=date, registry=registry)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise ValidationError(errors)
    return c


def _maybe_valid(reg: Registry) -> Callable[[str], re.Match[str] | None]:
    """What every string :func:`is_valid` accepts matches (property-tested against the
    full check), to reject junk with one regex. A valid code needed no repair — no inner
    space, look-alike, stray separator or miscasing; a number below 10 has its leading
    zero — and its abbreviations are capitals (C120), a registered one with at most one
    lower-case letter (``TTg``, ``QyĐ``). Built per registry from its abbreviations."""
    abbrs = reg.abbreviations()
    upper = {ch for a in abbrs for ch in a if ch.isupper()} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")
    u = "[" + re.escape("".join(sorted(upper))) + r"0-9.,&()]"
    token = f"{u}+(?:[a-zđ]{u}*)?"
    if not all(re.fullmatch(token, a) for a in abbrs):
        token = r"[^\s/\-]+"
    symbol = f"(?:[0-9]{{4}}/)?{token}(?:[-/]{token})*"
    pattern = re.compile(
        r"[ \t\n]*(?:[Kk][Hh][ÔôOo][Nn][Gg][ \t]+[Ss][ỐốOo][ \t\n.,;:]*"
        r"|(?:[Ss][ỐốOo][ \t]*:?[ \t\n]*)?(?:[0-9]{2,9}[^\W\d_]{0,2}|[._…]*)"
        f"[/-]{symbol}"
        r"[ \t\n.,;:]*)"
    )
    reg.cache["maybe_valid"] = pattern.fullmatch
    return pattern.fullmatch


def is_valid(
    code: object, *, date: dt.date | None = None, registry: Registry | None = None
) -> bool:
    """Whether ``code`` is a valid code; never raises.

    >>> is_valid("1656/QĐ-UBND"), is_valid("not a code"), is_valid(None)
    (True, False, False)
    """
    if isinstance(code, str):
        reg = default_registry if registry is None else registry
        maybe = reg.cache.get("maybe_valid") or _maybe_valid(reg)
        if maybe(code) is None:  # type: ignore[operator]
            return False
        parsed = parse_or_none(code, registry=registry)
        if not isinstance(parsed, DocumentCode):
            return False
        code = parsed
    if not isinstance(code, DocumentCode):
        return False
    findings = check(code, date=date, registry=registry)
    return not any(f.severity is Severity.ERROR for f in findings)


def compact(code: str | DocumentCode, *, registry: Registry | None = None) -> str:
    """The code with the noise removed (spaces, look-alikes, dashes, case,
    lost hyphens), keeping the number's digits as written. Idempotent.

    >>> compact("Số: 5 /qđ- ubnd")
    '5/QĐ-UBND'
    """
    return _coerce(code, registry).compact()


def format(
    code: str | DocumentCode, *, prefix: bool = False, registry: Registry | None = None
) -> str:
    """The canonical form (NĐ 30, Phụ lục I, II.3): leading zero below 10, no
    spaces, ``/`` and ``-`` in their places. ``prefix=True`` adds ``Số:``
    (``Số`` without a colon for Party codes, Hướng dẫn 36-HD/VPTW).

    >>> format("5/qđ-ubnd", prefix=True), format("35- CT/TW", prefix=True)
    ('Số: 05/QĐ-UBND', 'Số 35-CT/TW')
    """
    c = _coerce(code, registry)
    text = str(c)
    if prefix and c.family is not CodeFamily.UNNUMBERED:
        return ("Số " if c.family is CodeFamily.PARTY else "Số: ") + text
    return text
