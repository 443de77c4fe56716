"""The C1xx rules for document codes: :func:`check`, :func:`validate`, :func:`is_valid`.

Sources: NĐ 30/2020/NĐ-CP, Phụ lục I, II.3 (administrative codes) and Phụ lục III
(abbreviations); Luật 64/2025/QH15, Điều 7 and Luật 80/2015/QH13, Điều 10 (normative
codes); Hướng dẫn 36-HD/VPTW (Party codes). Rule ids are stable; the texts are in
``vnadmin/data/rules.tsv``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from vnadmin.codes.model import CodeFamily, DocumentCode, from_shape
from vnadmin.codes.parser import _MISS, Memo, Table, _memo_for, parse_code, parse_or_none
from vnadmin.errors import ValidationError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.registry import DocCategory, IssuerKind, Registry, default_registry

__all__ = ["check", "is_valid", "validate"]

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
    # A year the calendar has not (0000, or a value built by hand) dates nothing.
    dated = c.year is not None and dt.MINYEAR <= c.year <= dt.MAXYEAR
    day = date or (dt.date(c.year, 12, 31) if dated and c.year is not None else None)
    first_day = date or (dt.date(c.year, 1, 1) if dated and c.year is not None else None)
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
    :class:`~vnadmin.ValidationError` (its ``findings`` are every finding of
    :func:`check`) if it breaks a rule. Warnings (an unregistered unit code,
    punctuation inside a unit) do not fail.

    >>> validate("30/2020/NĐ-CP")
    DocumentCode('30/2020/NĐ-CP', family=NORMATIVE)
    >>> try:
    ...     validate("5/QĐ-XYZ")
    ... except ValidationError as e:
    ...     print([(f.rule, f.severity.value) for f in e.findings])
    [('C101', 'error'), ('C108', 'warning')]
    """
    c = _coerce(code, registry)
    findings = check(c, date=date, registry=registry)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return c


# --- is_valid: one regex for junk, one memo hit for a valid code ---------------------------


def _valid_pattern(reg: Registry) -> re.Pattern[str]:
    """What every string :func:`is_valid` accepts matches (property-tested against the
    full check), to reject junk with one regex. A valid code needed no repair — no inner
    space, look-alike, stray separator or miscasing; a number below 10 has its leading
    zero (NĐ 30, Phụ lục I, II.3) — and its abbreviations are capitals (C120), a
    registered one with at most one lower-case letter (``TTg``, ``QyĐ``). Inside a part
    ``.``, ``,`` and ``&`` stand between two letters or digits (as the scanner reads
    them), so the pattern never has two quantifiers over the same characters side by
    side. Group 1 is the number when it is plain digits, group 2 the rest of the code
    (the tail whose reading :func:`_tail_valid` memoises). Built per registry version
    from its abbreviations."""
    abbrs = reg.abbreviations()
    upper = {ch for a in abbrs for ch in a if ch.isupper()} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")
    u = "[" + re.escape("".join(sorted(upper))) + "0-9]"
    run = f"{u}+(?:[.,&]{u}+)*"
    token = f"{run}(?:[.,&]?[a-zđ](?:[.,&]?{run})?)?"
    if not all(re.fullmatch(token, a) for a in abbrs):
        token = r"[^\W_]+(?:[.,&][^\W_]+)*"
    symbol = f"(?:[0-9]{{4}}/)?{token}(?:[-/]{token})*"
    return re.compile(
        r"[ \t\n]*(?:[Kk][Hh][ÔôOo][Nn][Gg][ \t]+[Ss][ỐốOo][ \t\n.,;:]*"
        r"|(?:[Ss][ỐốOo](?:[ \t]*:)?[ \t\n]*)?"
        r"(?:([0-9]{2,9})|[0-9]{2,9}[^\W\d_]{1,2}|[._…]*)"
        f"([/-]{symbol})"
        r"[ \t\n.,;:]*)"
    )


class _Checks:
    """What :func:`is_valid` memoises for one state of one registry: its junk pattern and,
    per tail, whether a code with that tail is valid (a :class:`~vnadmin.codes.parser.Table`
    on the tail alone, bounded in entries and key length, filled only from one whole
    state of the registry)."""

    __slots__ = ("maybe", "memo", "registry", "valid", "version")

    def __init__(self, registry: Registry, version: int) -> None:
        self.registry = registry
        self.version = version
        self.memo = _memo_for(registry, version)
        self.maybe = _valid_pattern(registry).fullmatch
        self.valid = Table(self, functools.partial(_tail_valid, self.memo), 1 << 16)


@functools.lru_cache(maxsize=16)
def _checks_for(registry: Registry, version: int) -> _Checks:
    return _Checks(registry, version)


# The registry used last, its version and its memos: one identity test instead of a call.
_last: tuple[object, int, Any, Any] = (None, -1, None, None)


def _tail_valid(memos: Memo, tail: str) -> bool | None:
    """Whether a code made of a well-written number and ``tail`` is valid (``None``: it
    depends on more than the tail — the scanner reads it another way, or the year is
    judged against today's, C109)."""
    shape = memos.shape(tail)
    if shape is None:
        return None
    code = from_shape(shape, 10, "10", "", (0, 0), shape[-1])
    reg = memos.registry
    errors = [f.rule for f in check(code, registry=reg) if f.severity is Severity.ERROR]
    if "C109" in errors:
        return None
    return not errors


def is_valid(
    code: object, *, date: dt.date | None = None, registry: Registry | None = None
) -> bool:
    """Whether ``code`` (a :class:`DocumentCode` or a string) is a valid code: it
    parses and :func:`check` finds no error. Never raises.

    >>> is_valid("1656/QĐ-UBND"), is_valid("not a code"), is_valid(None)
    (True, False, False)
    """
    global _last
    if isinstance(code, str):
        reg = default_registry if registry is None else registry
        last = _last
        if last[0] is not reg or last[1] != reg._version:
            checks = _checks_for(reg, reg._version)
            last = _last = (reg, checks.version, checks.maybe, checks.valid)
        m = last[2](code)
        if m is None:
            return False
        number = m.group(1)
        if number is not None and date is None:
            tail = m.group(2)
            ok = last[3].get(tail, _MISS)
            if ok is _MISS:
                ok = last[3].fill(tail)
            if ok is not None:
                # C101/C102: a number below 10 has one leading zero, others none.
                return ok and (len(number) == 2 or number[0] != "0")
        parsed = parse_or_none(code, registry=reg)
        if parsed is None:
            return False
        code = parsed
    if not isinstance(code, DocumentCode):
        return False
    findings = check(code, date=date, registry=registry)
    return not any(f.severity is Severity.ERROR for f in findings)
