"""The date rules D101–D108, D112 and the check / validate / is_valid verbs of dates.

* D101–D103: the leading zeros of ``ngày DD tháng MM`` (NĐ 30/2020/NĐ-CP, Phụ lục I, II.4);
* D104: a numeric issuing date; D107: no comma after the place; D108: a blank part
  (NĐ 30, Phụ lục I, II.4);
* D105: a stated weekday that contradicts the date; D106: no such day (BLDS 2015 Điều 145);
* D112: a lower-case weekday word (NĐ 30, Phụ lục II).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeGuard

from vnadmin.dates.finder import Raw, first_raw, mention, scan_raw, weekday_near
from vnadmin.dates.model import WEEKDAY_EN, WEEKDAY_NAMES, DateForm, DateMention, PlaceDate
from vnadmin.dates.parser import _fail, parse_place_date
from vnadmin.errors import ParseError, ValidationError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = [
    "check",
    "check_dates",
    "check_place_date",
    "is_valid",
    "is_valid_place_date",
    "validate",
    "validate_place_date",
]

D101 = rule("D101")
D102 = rule("D102")
D103 = rule("D103")
D104 = rule("D104")
D105 = rule("D105")
D106 = rule("D106")
D107 = rule("D107")
D108 = rule("D108")
D112 = rule("D112")
# The same forms in running text (a date other than the issuing date's): information only.
D115 = rule("D115")
D116 = rule("D116")
D117 = rule("D117")


def _digits(s: str | None) -> TypeGuard[str]:
    """True for a non-empty run of ASCII digits (what the grammar reads as a number)."""
    return s is not None and s.isascii() and s.isdigit()


def _form_findings(
    day_text: str | None,
    day_span: tuple[int, int],
    month_text: str | None,
    month_span: tuple[int, int],
    severity: Severity | None,
    to_original: Callable[[int, int], tuple[int, int]] | None = None,
) -> list[Finding]:
    """D101–D103 on the day and month digits of the issuing date (spans in original
    offsets, or mapped there by ``to_original`` only when a finding is made: most dates
    of a text make none); D115–D117, the same forms at ``INFO``, for a date in running
    text (``severity`` ``INFO``), so that each rule has the one severity the catalogue
    gives."""
    out: list[Finding] = []
    in_text = severity is Severity.INFO
    day_rule, lead_rule, extra_rule = (D115, D116, D117) if in_text else (D101, D102, D103)
    if _digits(day_text) and len(day_text) == 1 and int(day_text) > 0:
        span = day_span if to_original is None else to_original(*day_span)
        out.append(day_rule.finding(span, day=int(day_text), found=day_text))
    if _digits(month_text):
        month = int(month_text)
        lead = month in (1, 2) and len(month_text) == 1
        if lead or (3 <= month <= 12 and month_text.startswith("0")):
            span = month_span if to_original is None else to_original(*month_span)
            found = lead_rule if lead else extra_rule
            out.append(found.finding(span, month=month, found=month_text))
    return out


def _form_may_find(day_text: str, month_text: str) -> bool:
    """False when :func:`_form_findings` finds nothing in these digits for sure: a day of
    two characters, a month neither ``1``/``2`` alone nor written with a leading zero."""
    return (
        len(day_text) == 1 or month_text[:1] == "0" or (len(month_text) == 1 and month_text in "12")
    )


def _mention_findings(m: DateMention, form_severity: Severity | None) -> list[Finding]:
    out: list[Finding] = []
    if m.form is DateForm.WORDS:
        out.extend(
            _form_findings(m.day_text, m.day_span, m.month_text, m.month_span, form_severity)
        )
    out += _weekday_findings(m)
    return out


def _weekday_findings(m: DateMention) -> list[Finding]:
    """D105 and D112 on the weekday stated with ``m``."""
    out: list[Finding] = []
    if m.weekday is None or m.weekday_span is None:
        return out
    value, stated, wspan = m.value, m.weekday, m.weekday_span
    if stated != value.weekday():
        out.append(
            D105.finding(
                (m.span[0], wspan[1]) if wspan[0] > m.span[0] else (wspan[0], m.span[1]),
                date=f"{value:%d/%m/%Y}",
                actual=WEEKDAY_NAMES[value.weekday()],
                stated=WEEKDAY_NAMES[stated],
                actual_en=WEEKDAY_EN[value.weekday()],
                stated_en=WEEKDAY_EN[stated],
            )
        )
    word = m.weekday_text or ""
    good = WEEKDAY_NAMES[stated]
    if (
        word[:1].islower()
        and word.lower().startswith("thứ")
        and not _digits(word[-1:])
        and word != good
    ):
        out.append(D112.finding(wspan, good=good))
    return out


def _phrase_findings(
    nt: NormalizedText, found: list[Raw], form_severity: Severity | None
) -> list[Finding]:
    out: list[Finding] = []
    s, to_original, words = nt.text, nt.to_original, DateForm.WORDS
    for r in found:
        start, end, day, month, year, form, day_text, month_text, day_span, month_span = r
        try:
            value = dt.date(year, month, day)
        except ValueError:
            span = to_original(start, end)
            out.append(D106.finding(span, written=nt.original[span[0] : span[1]]))
            continue
        # The forms are read on the phrase, the weekday on the mention, which is made
        # only for a date with a weekday next to it (a text of bare dates makes none).
        if form is words and _form_may_find(day_text, month_text):
            out += _form_findings(
                day_text, day_span, month_text, month_span, form_severity, to_original
            )
        if weekday_near(s, start, end) is not None:
            out += _weekday_findings(mention(nt, r, value))
    return out


def check(value: DateMention | Source) -> tuple[Finding, ...]:
    """Findings for one date: D101–D103 on a date in words, D105 for a stated weekday
    that contradicts it, D112 for a lower-case weekday word.

    A string is read as one date phrase (a date with an optional weekday; it must hold
    a date, else :class:`~vnadmin.ParseError`), and an impossible date in it gives D106;
    only its first date phrase is read (the text after it costs nothing).

    >>> [f.rule for f in check("ngày 3 tháng 1 năm 2024")]
    ['D101', 'D102']
    >>> [f.rule for f in check("29/9/2025 (thứ Ba)")]
    ['D105']
    """
    if isinstance(value, DateMention):
        return tuple(_mention_findings(value, None))
    nt = as_normalized(value)
    first = first_raw(nt)
    if first is None:
        _fail(nt)
    return tuple(_phrase_findings(nt, [first], None))


def check_dates(text: Source, *, found: Sequence[DateMention] | None = None) -> tuple[Finding, ...]:
    """Findings for every date in running text (find, then check each); never raises.

    Reports impossible dates (D106), stated weekdays that contradict the date (D105),
    lower-case weekday words (D112) and, at ``INFO`` severity for dates in running
    text, the NĐ 30 leading-zero forms of written-out dates (D101–D103). ``found`` are
    the dates :func:`find_dates` already read from ``text`` (a :class:`~vnadmin.Document`'s
    ``dates``): they are checked as they are, and the text is scanned only for the
    impossible dates, which are not values.

    >>> [f.rule for f in check_dates("ngày 29/9/2025 (thứ Ba) và 31/02/2025")]
    ['D105', 'D106']
    """
    nt = as_normalized(text)
    if found is None:
        return tuple(_phrase_findings(nt, scan_raw(nt), Severity.INFO))
    out = [f for m in found for f in _mention_findings(m, Severity.INFO)]
    out += _phrase_findings(nt, [r for r in scan_raw(nt) if r.value is None], Severity.INFO)
    out.sort(key=lambda f: f.span or (-1, -1))
    return tuple(out)


def _raise_errors(findings: tuple[Finding, ...]) -> None:
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise ValidationError(findings)


def validate(value: DateMention | Source) -> DateMention:
    """``value`` (a string: the date it holds) when no finding is an error; else
    :class:`~vnadmin.ValidationError` carrying every finding (D105, D106 are errors).

    >>> validate("29/9/2025 (thứ Hai)").weekday
    0
    >>> validate("29/9/2025 (thứ Ba)")
    Traceback (most recent call last):
    ...
    vnadmin.errors.ValidationError: 29/09/2025 is a Monday, not Tuesday.
    """
    findings = check(value)
    _raise_errors(findings)
    if isinstance(value, DateMention):
        return value
    nt = as_normalized(value)
    r = first_raw(nt)
    assert r is not None  # (check read it)
    day = r.value
    assert day is not None  # an impossible date gave D106, an error
    return mention(nt, r, day)


def is_valid(value: object) -> bool:
    """True if ``value`` (a :class:`DateMention` or a date phrase) holds a date and no
    ERROR finding (an impossible date, a wrong weekday). Never raises.

    >>> is_valid("29/9/2025 (thứ Hai)"), is_valid("29/9/2025 (thứ Ba)"), is_valid(None)
    (True, False, False)
    """
    if not isinstance(value, (str, NormalizedText, DateMention)):
        return False
    try:
        findings = check(value)
    except ParseError:
        return False
    return all(f.severity is not Severity.ERROR for f in findings)


# --- the place-and-date line ------------------------------------------------------


def check_place_date(value: PlaceDate | Source) -> tuple[Finding, ...]:
    """Findings for an issuing line (D101–D104, D107, D108; NĐ 30, Phụ lục I, II.4);
    a string that cannot be read raises :class:`~vnadmin.ParseError`.

    >>> [f.rule for f in check_place_date("Hà Nội ngày 5 tháng 01 năm 2020")]
    ['D107', 'D101']
    >>> check_place_date("Lạng Sơn, ngày 03 tháng 01 năm 2024")
    ()
    """
    pd = value if isinstance(value, PlaceDate) else parse_place_date(value)
    out: list[Finding] = []
    if pd.place is None or pd.place_span is None:
        out.append(D107.finding(pd.date_span))
        return tuple(out)
    if not pd.comma:
        out.append(D107.finding(pd.place_span))
    if pd.form is not DateForm.WORDS:  # a numeric issuing date
        a, b = pd.date_span[0] - pd.span[0], pd.date_span[1] - pd.span[0]
        out.append(D104.finding(pd.date_span, written=pd.text[a:b]))
        return tuple(out)
    missing = [
        name for name, v in (("ngày", pd.day), ("tháng", pd.month), ("năm", pd.year)) if v is None
    ]
    if missing:
        out.append(D108.finding(pd.date_span, missing=", ".join(missing)))
    out.extend(
        _form_findings(
            pd.day_text, pd.day_span or (0, 0), pd.month_text, pd.month_span or (0, 0), None
        )
    )
    return tuple(out)


def validate_place_date(value: PlaceDate | Source) -> PlaceDate:
    """The issuing line when no finding is an error, else
    :class:`~vnadmin.ValidationError`; a string that cannot be read raises
    :class:`~vnadmin.ParseError`.

    >>> validate_place_date("Lạng Sơn, ngày 03 tháng 01 năm 2024").place
    'Lạng Sơn'
    """
    pd = value if isinstance(value, PlaceDate) else parse_place_date(value)
    _raise_errors(check_place_date(pd))
    return pd


def is_valid_place_date(value: object) -> bool:
    """True if ``value`` is (or reads as) an issuing line with no ERROR finding.

    >>> is_valid_place_date("Hà Nội, ngày 05 tháng 01 năm 2020"), is_valid_place_date("xin")
    (True, False)
    """
    if not isinstance(value, (str, NormalizedText, PlaceDate)):
        return False
    try:
        validate_place_date(value)
    except (ParseError, ValidationError):
        return False
    return True
