"""Periods: date ranges named in documents.

Forms read: ``từ ngày 01/01/2024 đến hết ngày 31/3/2024``; ``03 tháng cuối năm
2025``; ``6 tháng đầu năm 2026``; ``nửa đầu năm 2026``; ``quý III năm 2025``;
``quý IV/2025``; ``Quý II, III/2015``; ``tháng 9/2024``; ``tháng 12 năm 2024``;
``năm 2025``; ``giai đoạn 2021 - 2025``. Every period is a closed range of
dates (``start`` and ``end`` both included). BLDS 2015 Điều 146: ``đầu năm`` is
01 January and ``cuối năm`` 31 December; ``nửa năm`` is six months.


A period that does not exist (``tháng 13/2025``, ``năm 0000``) is skipped by
:func:`find_periods`, never the reason the rest of the text yields nothing; the last
periods of year 9999 (``quý IV/9999``) end on 9999-12-31.

Verbs: :func:`parse` (:func:`parse_period`), :func:`find` (:func:`find_periods`),
:func:`format` (:func:`format_period`), :func:`check`, :func:`validate`,
:func:`is_valid`. The dates of a range are read through :mod:`vnadmin.dates.grammar`.

>>> p = parse_period("03 tháng cuối năm 2025")
>>> p.start, p.end
(datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))
>>> parse_period("quý IV/2025").start
datetime.date(2025, 10, 1)
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from calendar import monthrange
from collections.abc import Iterator

import attrs

from vnadmin.dates.finder import scan_raw
from vnadmin.errors import ParseError, ValidationError, VnAdminError
from vnadmin.findings import Finding
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = [
    "Period",
    "PeriodKind",
    "add_months",
    "check",
    "find",
    "find_periods",
    "format",
    "format_period",
    "is_valid",
    "parse",
    "parse_period",
    "quarter_range",
    "validate",
]


def add_months(day: dt.date, n: int) -> dt.date:
    """``day`` moved by ``n`` months, clamped to the last day of a shorter month
    (``dateutil.relativedelta``).

    BLDS 2015 Điều 148: a period in months ends on the same day of the last
    month, or on that month's last day if it has no such day.

    >>> add_months(dt.date(2025, 1, 31), 1), add_months(dt.date(2024, 2, 29), 12)
    (datetime.date(2025, 2, 28), datetime.date(2025, 2, 28))
    """
    from dateutil.relativedelta import relativedelta  # imported on first use

    try:
        out: dt.date = day + relativedelta(months=n)
    except (ValueError, OverflowError):  # past 9999-12-31 or before 0001-01-01
        raise VnAdminError(f"{day.isoformat()} moved by {n} months is out of range") from None
    return out


class PeriodKind(enum.Enum):
    """What sort of period was written."""

    RANGE = "range"  #: từ ngày … đến ngày …
    MONTHS_START = "months_start"  #: N tháng đầu năm
    MONTHS_END = "months_end"  #: N tháng cuối năm
    QUARTER = "quarter"  #: quý I…IV (or several)
    MONTH = "month"  #: tháng 9/2024
    YEAR = "year"  #: năm 2025
    YEARS = "years"  #: giai đoạn 2021 - 2025


@attrs.frozen
class Period:
    """A closed range of dates.

    Attributes:
        start: first day.
        end: last day (included).
        kind: :class:`PeriodKind`.
        span: offsets in the caller's string.
    """

    start: dt.date
    end: dt.date
    kind: PeriodKind
    span: tuple[int, int]

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


_Q = r"(?:iv|iii|ii|i|[1-4])(?![\w])"
# The number of a quarter is read by a pattern with the same flag as the one that found
# it, so the lookup folds case as the match did (``ıv``, ``İV`` match ``iv``).
_Q_VALUE = re.compile(r"(?P<q4>iv|4)|(?P<q3>iii|3)|(?P<q2>ii|2)|(?P<q1>i|1)", re.IGNORECASE)
_Q_RE = re.compile(_Q, re.IGNORECASE)


def _quarter(numeral: str) -> int:
    m = _Q_VALUE.fullmatch(numeral)
    if m is None or m.lastgroup is None:
        raise VnAdminError(f"not a quarter: {numeral[:20]!r}")
    return int(m.lastgroup[1])


_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"


def _words(*words: str) -> re.Pattern[str]:
    """A case-sensitive prefilter: each word as written, capitalised and in capitals."""
    return re.compile("|".join(v for w in words for v in (w, w.capitalize(), w.upper())))


# Each pattern with the literal anchor every match of it starts with: the whole-text
# scans run the case-insensitive pattern only where the case-sensitive anchor is.
_DIGITS_THANG = re.compile(r"[0-9]{1,2}\s*(?:tháng|Tháng|THÁNG)")
_ANCHORS = {
    "digits": _DIGITS_THANG,
    "nửa": _words("nửa"),
    "quý": _words("quý"),
    "giai": _words("giai"),
    "tháng": _words("tháng"),
    "năm": _words("năm"),
}
_PATTERNS: tuple[tuple[PeriodKind, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        PeriodKind.MONTHS_START,
        re.compile(r"(?<![0-9])(?P<n>[0-9]{1,2})\s*tháng\s*đầu\s*năm(?:\s*" + _YEAR + ")?", re.I),
        _ANCHORS["digits"],
    ),
    (
        PeriodKind.MONTHS_END,
        re.compile(r"(?<![0-9])(?P<n>[0-9]{1,2})\s*tháng\s*cuối\s*năm(?:\s*" + _YEAR + ")?", re.I),
        _ANCHORS["digits"],
    ),
    (
        PeriodKind.MONTHS_START,
        re.compile(r"nửa\s*(?P<half>đầu)\s*năm(?:\s*" + _YEAR + ")?", re.I),
        _ANCHORS["nửa"],
    ),
    (
        PeriodKind.MONTHS_END,
        re.compile(r"nửa\s*(?P<half>cuối)\s*năm(?:\s*" + _YEAR + ")?", re.I),
        _ANCHORS["nửa"],
    ),
    (
        PeriodKind.QUARTER,
        re.compile(
            r"quý\s*(?P<q>" + _Q + r")(?P<more>(?:\s*(?:,|và|-)\s*" + _Q + r"){0,3})"
            r"(?:\s*(?:/|(?:,\s*)?năm)\s*" + _YEAR + ")?",
            re.I,
        ),
        _ANCHORS["quý"],
    ),
    (
        PeriodKind.YEARS,
        re.compile(r"giai\s*đoạn\s*(?P<y1>[0-9]{4})\s*-\s*(?P<y2>[0-9]{4})(?![0-9])", re.I),
        _ANCHORS["giai"],
    ),
    (
        PeriodKind.MONTH,
        re.compile(r"tháng\s*(?P<m>[0-9]{1,2})\s*(?:/|-|(?:,\s*)?năm)\s*" + _YEAR, re.I),
        _ANCHORS["tháng"],
    ),
    (
        PeriodKind.YEAR,
        re.compile(r"(?<![\w/])năm\s*" + _YEAR + r"(?![/\-][0-9])", re.I),
        _ANCHORS["năm"],
    ),
)


def _matches(
    pattern: re.Pattern[str], anchor: re.Pattern[str], s: str, lo: int, hi: int
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(s, lo, hi)`` gives, for anchors in the usual cases."""
    pos = lo
    while True:
        hit = anchor.search(s, pos, hi)
        if hit is None:
            return
        m = pattern.match(s, hit.start(), hi)
        if m is None:
            pos = hit.start() + 1
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


_RANGE_JOIN = re.compile(
    r"\s*(?:đến|tới|-)\s*(?:(?P<through>hết)\s*|(?P<before>trước)\s*)?(?:ngày\s*)?$", re.I
)
_RANGE_LEAD = re.compile(r"(?:từ|kể\s*từ)\s*(?:ngày\s*)?$", re.I)


def quarter_range(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of ``quarter`` (1–4) of ``year``.

    >>> quarter_range(2025, 3)
    (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))
    """
    if not 1 <= quarter <= 4:
        raise VnAdminError("quarter must be 1-4")
    if not 1 <= year <= 9999:
        raise VnAdminError(f"year {year} is out of range (1-9999)")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year, 3 * quarter, 31 if quarter in (1, 4) else 30)
    return start, end


def _month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` of ``year``."""
    return dt.date(year, month, monthrange(year, month)[1])


def _build(kind: PeriodKind, m: re.Match[str], year: int | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the period ``m`` names, or ``None`` when there is no
    such period (month 13, quý IV/9999 would end in year 10000): that one is skipped."""
    try:
        return _build_or_raise(kind, m, year)
    except (ValueError, OverflowError):  # out of the range of dates (VnAdminError too)
        return None


def _build_or_raise(
    kind: PeriodKind, m: re.Match[str], year: int | None
) -> tuple[dt.date, dt.date] | None:
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else year
    if kind is PeriodKind.YEARS:
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 < y1 or y1 < 1:
            return None
        return dt.date(y1, 1, 1), dt.date(y2, 12, 31)
    if y is None or not 1 <= y <= 9999:
        return None
    if kind in (PeriodKind.MONTHS_START, PeriodKind.MONTHS_END):
        n = 6 if g.get("half") else int(g["n"])
        if not 1 <= n <= 12:
            return None
        if kind is PeriodKind.MONTHS_START:
            return dt.date(y, 1, 1), _month_end(y, n)
        return dt.date(y, 13 - n, 1), dt.date(y, 12, 31)
    if kind is PeriodKind.QUARTER:
        qs = [_quarter(m.group("q"))]
        qs += [_quarter(x) for x in _Q_RE.findall(m.group("more") or "")]
        return quarter_range(y, min(qs))[0], quarter_range(y, max(qs))[1]
    if kind is PeriodKind.MONTH:
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        return dt.date(y, month, 1), _month_end(y, month)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _candidates(
    nt: NormalizedText, year: int | None, lo: int = 0, hi: int | None = None
) -> list[tuple[int, int, dt.date, dt.date, PeriodKind]]:
    """The periods of ``nt.text[lo:hi]`` in normalised offsets, sorted, not overlapping."""
    s = nt.text
    hi = len(s) if hi is None else hi
    found: list[tuple[int, int, dt.date, dt.date, PeriodKind]] = []
    # (the date phrases' values and offsets: no DateMention is needed for them)
    dates = [(r.value, r.start, r.end) for r in scan_raw(nt, lo, hi) if r.value is not None]
    # date ranges: "từ (ngày) D1 đến (hết) (ngày) D2"
    for (av, a0, a1), (bv, b0, b1) in zip(dates, dates[1:], strict=False):  # noqa: RUF007
        between = s[a1:b0]
        join = _RANGE_JOIN.match(between) if len(between) <= 24 else None
        if join is not None and av <= bv:
            last = bv - dt.timedelta(days=1) if join.group("before") and bv > av else bv
            lead = _RANGE_LEAD.search(s[max(lo, a0 - 12) : a0])
            start = a0 - (len(lead.group(0)) if lead else 0)
            found.append((start, b1, av, max(av, last), PeriodKind.RANGE))
    # one flag per character of the slice (offsets relative to lo)
    in_date = bytearray(hi - lo + 1)
    for _, a0, a1 in dates:
        in_date[a0 - lo : a1 - lo] = b"\x01" * (a1 - a0)
    for kind, pattern, anchor in _PATTERNS:
        for m in _matches(pattern, anchor, s, lo, hi):
            if in_date.find(1, m.start() - lo, m.end() - lo) >= 0:
                continue  # (a period never lies across a lone date: not built)
            built = _build(kind, m, year)
            if built is not None:
                found.append((m.start(), m.end(), built[0], built[1], kind))
    # longest first, then earliest; drop overlaps
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, dt.date, dt.date, PeriodKind]] = []
    used = bytearray(hi - lo + 1)
    for c in found:
        a, b = max(c[0], lo) - lo, c[1] - lo
        if any(used[a:b]):
            continue
        used[a:b] = b"\x01" * (b - a)
        chosen.append(c)
    return sorted(chosen)


def find_periods(text: Source, *, year: int | None = None) -> tuple[Period, ...]:
    """Every period in ``text``; ``year`` fills periods written without one. Never raises.

    >>> [(p.kind.value, str(p.start), str(p.end)) for p in find_periods("giai đoạn 2021 - 2025")]
    [('years', '2021-01-01', '2025-12-31')]
    """
    nt = as_normalized(text)
    return tuple(
        Period(start, end, kind, nt.to_original(s, e))
        for s, e, start, end, kind in _candidates(nt, year)
    )


#: The most characters one period is read in (a range of two dates in words with runs of
#: blanks between its words, as PDF extraction leaves them, is a few hundred): a longer
#: text is no one period, and only that much of it is read to say why.
PERIOD_MAX = 2000


def period_in(nt: NormalizedText, lo: int, hi: int, *, year: int | None = None) -> Period:
    """The one period written in ``nt.text[lo:hi]`` (spans into ``nt.original``), read
    in at most :data:`PERIOD_MAX` characters from its first."""
    s = nt.text
    seg = s[lo:hi]
    stripped = seg.strip().rstrip(".;,").strip()
    lead = lo + len(seg) - len(seg.lstrip())
    found = _candidates(nt, year, lo, min(hi, lead + PERIOD_MAX))
    for st, en, start, end, kind in found:
        if st == lead and en == lead + len(stripped):
            return Period(start, end, kind, nt.to_original(st, en))
    span = nt.to_original(lo, hi)
    if not stripped:
        raise ParseError("empty", input=nt.original, span=span, reason="empty", expected="a period")
    raise ParseError(
        "no period" if not found else "text around the period",
        input=nt.original,
        span=span,
        reason="no_period" if not found else "trailing_text",
        expected="a period such as quý IV/2025 or 6 tháng đầu năm 2026",
    )


def parse_period(text: Source, *, year: int | None = None) -> Period:
    """Read one period; ``ParseError`` (``empty``, ``no_period``, ``trailing_text``).

    Only the first :data:`PERIOD_MAX` characters after leading blanks are read (a text
    longer than that is no one period: ``trailing_text`` when they hold a period,
    ``no_period`` when they hold none).

    >>> p = parse_period("từ ngày 08/02/2024 đến hết ngày 14/02/2024")
    >>> p.kind.value, p.days
    ('range', 7)
    >>> parse_period("6 tháng đầu năm", year=2026).end
    datetime.date(2026, 6, 30)
    """
    nt = as_normalized(text)
    return period_in(nt, 0, len(nt.text), year=year)


_ROMAN_OF = ("", "I", "II", "III", "IV")


def format_period(value: Period) -> str:
    """The canonical text of a period, by its kind (``parse_period(format_period(p))``
    gives the same start, end and kind).

    >>> format_period(parse_period("Quý II, III/2015"))
    'quý II, III/2015'
    >>> format_period(parse_period("từ ngày 1/1/2024 đến ngày 31/3/2024"))
    'từ ngày 01/01/2024 đến hết ngày 31/03/2024'
    """
    a, b, kind = value.start, value.end, value.kind
    if kind is PeriodKind.RANGE:
        return f"từ ngày {a:%d/%m/%Y} đến hết ngày {b:%d/%m/%Y}"
    if kind is PeriodKind.MONTHS_START:
        return f"{b.month:02d} tháng đầu năm {a.year}"
    if kind is PeriodKind.MONTHS_END:
        return f"{13 - a.month:02d} tháng cuối năm {a.year}"
    if kind is PeriodKind.QUARTER:
        qs = range((a.month + 2) // 3, (b.month + 2) // 3 + 1)
        return "quý " + ", ".join(_ROMAN_OF[q] for q in qs) + f"/{a.year}"
    if kind is PeriodKind.MONTH:
        return f"tháng {a.month}/{a.year}"
    if kind is PeriodKind.YEARS:
        return f"giai đoạn {a.year} - {b.year}"
    return f"năm {a.year}"


def check(value: Period) -> tuple[Finding, ...]:
    """Findings for a period: none today (every period read is a real range of days;
    BLDS 2015 Điều 146 fixes what ``đầu năm`` / ``cuối năm`` / ``nửa năm`` mean)."""
    return ()


def validate(value: Period | Source, *, year: int | None = None) -> Period:
    """The period (a string: the one it names) when no finding is an error, else
    :class:`~vnadmin.ValidationError`; an unreadable string raises ``ParseError``.

    >>> validate("quý IV/2025").days
    92
    """
    p = value if isinstance(value, Period) else parse_period(value, year=year)
    findings = check(p)
    if findings:
        raise ValidationError(findings)
    return p


def is_valid(value: object, *, year: int | None = None) -> bool:
    """True if ``value`` is (or names) a period. Never raises.

    >>> is_valid("quý IV/2025"), is_valid("quý V/2025"), is_valid(3)
    (True, False, False)
    """
    if not isinstance(value, (str, NormalizedText, Period)):
        return False
    try:
        validate(value, year=year)
    except (ParseError, ValidationError):
        return False
    return True


#: ``parse(text) -> Period`` (:func:`parse_period`).
parse = parse_period
#: ``find(source) -> tuple[Period, ...]`` (:func:`find_periods`).
find = find_periods
#: ``format(period) -> str`` (:func:`format_period`).
format = format_period
