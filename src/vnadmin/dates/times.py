"""Times of day and date-times (24-hour clock, Vietnam time UTC+7).

Forms read: ``14 giờ 00``, ``10 giờ 00 phút``, ``8 giờ 30 phút``, ``14h00``,
``14h``, ``7h30'``, ``14g30``, the sloppy ``18h giờ 00 phút`` and ``14:30``
(only in :func:`parse_time`). Date-times join a time and a date:
``14 giờ 00, ngày 29/9/2025 (thứ Hai)``, ``từ 10 giờ ngày 29/9/2025``,
``08 giờ 00 ngày 15/01/2024``, ``ngày 29/9/2025, lúc 14 giờ``.

Values are timezone-aware with :data:`VN_TZ` (a fixed ``UTC+07:00`` offset;
Việt Nam has no daylight saving time, so no tz database is needed).


Verbs: :func:`parse` (:func:`parse_time`), :func:`find` (:func:`find_times`),
:func:`format` (:func:`format_time`), :func:`check` (one time: D109, D110),
:func:`validate`, :func:`is_valid`; :func:`check_times` finds, then checks, over
running text. Patterns come from :mod:`vnadmin.dates.grammar`.

>>> parse_time("8 giờ 30 phút"), parse_time("7h30'")
(datetime.time(8, 30), datetime.time(7, 30))
>>> parse_datetime("14 giờ 00, ngày 29/9/2025 (thứ Hai)").isoformat()
'2025-09-29T14:00:00+07:00'
>>> format_time(parse_time("14h"))
'14 giờ 00'
"""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

from vnadmin.dates import grammar as g
from vnadmin.dates.finder import Raw, first_mention, mention, scan_raw
from vnadmin.dates.formatter import format_weekday
from vnadmin.dates.model import DateMention
from vnadmin.dates.parser import parse_date
from vnadmin.errors import ParseError, ValidationError, VnAdminError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = [
    "VN_TZ",
    "DateTimeMention",
    "TimeForm",
    "TimeMention",
    "check",
    "check_times",
    "find",
    "find_datetimes",
    "find_times",
    "format",
    "format_datetime",
    "format_time",
    "is_valid",
    "parse",
    "parse_datetime",
    "parse_time",
    "validate",
]

#: Vietnam time, UTC+07:00 (no daylight saving time).
VN_TZ = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")

D109 = rule("D109")
D110 = rule("D110")

_TIME_RE = g.TIME_RE
_TIME_FULL = g.TIME_FULL
_LEAD = re.compile(
    r"\s*(?:(?:vào\s*lúc|vào\s*hồi|bắt\s*đầu\s*từ|từ|vào|lúc|hồi)\s+)?", re.IGNORECASE
)
_JOIN_TD = re.compile(r"[ \t]*(?:,[ \t]*)?(?=(?:ngày[ \t]*)?[0-9])", re.IGNORECASE)
_JOIN_DT = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:(?:vào[ \t]*)?(?:lúc|hồi)[ \t]*|từ[ \t]*)?(?=[0-9])", re.IGNORECASE
)
_WD_PAREN = g.WD_PAREN
_WD_TAIL = re.compile(r"\(\s*(" + g.WEEKDAY_PATTERN + r")\s*\)$", re.IGNORECASE)


class TimeForm(enum.Enum):
    """How a time is written."""

    WORDS = "words"  #: ``14 giờ 00`` / ``14 giờ 00 phút``
    COMPACT = "compact"  #: ``14h00``, ``14h``, ``14g30``
    COLON = "colon"  #: ``14:30``


@attrs.frozen
class TimeMention:
    """A time of day found by :func:`find_times`.

    Attributes:
        value: the time.
        span: offsets in the caller's string.
        form: :class:`TimeForm`.
        text: its own source slice, ``original[span[0]:span[1]]``.
    """

    value: dt.time
    span: tuple[int, int]
    form: TimeForm
    text: str = ""


@attrs.frozen
class DateTimeMention:
    """A time joined to a date, found by :func:`find_datetimes`.

    Attributes:
        value: aware :class:`datetime.datetime` in :data:`VN_TZ`.
        span: offsets of the whole phrase in the caller's string.
        time_span: offsets of the time part.
        date_span: offsets of the date part.
        weekday: a stated weekday (0 = Monday) or ``None``.
    """

    value: dt.datetime
    span: tuple[int, int]
    time_span: tuple[int, int]
    date_span: tuple[int, int]
    weekday: int | None = None


def _time_of(m: re.Match[str]) -> dt.time | None:
    if m.re is _TIME_FULL and m.group("ch") is not None:
        h, mi = int(m.group("ch")), int(m.group("cm"))
    else:
        h = int(m.group("h"))
        mi = int(m.group("mi")) if m.group("mi") is not None else 0
    if h > 23 or mi > 59:
        return None
    return dt.time(h, mi)


def _form(m: re.Match[str]) -> TimeForm:
    if m.re is _TIME_FULL and m.group("ch") is not None:
        return TimeForm.COLON
    return TimeForm.WORDS if m.group("gio") is not None else TimeForm.COMPACT


def _read(nt: NormalizedText) -> tuple[re.Match[str], tuple[int, int]]:
    """The whole-phrase match of a time and the normalised span of the time itself."""
    m = _TIME_FULL.fullmatch(nt.text)
    if m is None:
        raise ParseError(
            "not a time of day",
            input=nt.original,
            span=(0, len(nt.original)),
            reason="empty" if not nt.text.strip() else "no_time",
            expected="a time such as 14 giờ 00 or 14h00",
        )
    k = "ch" if m.group("ch") is not None else "h"
    end = m.end("cm") if k == "ch" else m.end(0) - (len(m.group(0)) - len(m.group(0).rstrip()))
    return m, (m.start(k), end)


def parse_time(text: Source) -> dt.time:
    """Read a time of day; ``ParseError`` reasons ``empty``, ``no_time``, ``invalid_time``.

    >>> parse_time("14 giờ 00"), parse_time("lúc 10 giờ 00 phút"), parse_time("14:30")
    (datetime.time(14, 0), datetime.time(10, 0), datetime.time(14, 30))
    """
    nt = as_normalized(text)
    m, _ = _read(nt)
    value = _time_of(m)
    if value is None:
        raise ParseError(
            "no such time of day",
            input=nt.original,
            span=(0, len(nt.original)),
            reason="invalid_time",
            expected="hours 0-23 and minutes 0-59",
        )
    return value


def format_time(value: dt.time | TimeMention, *, minutes_word: bool = False) -> str:
    """Write a time as in official text: ``14 giờ 00`` (``14 giờ 00 phút``).

    >>> import datetime as dt
    >>> format_time(dt.time(8, 30)), format_time(dt.time(10, 0), minutes_word=True)
    ('08 giờ 30', '10 giờ 00 phút')
    """
    if isinstance(value, TimeMention):
        value = value.value
    out = f"{value.hour:02d} giờ {value.minute:02d}"
    return out + " phút" if minutes_word else out


def format_datetime(value: dt.datetime, *, weekday: bool = False) -> str:
    """``14 giờ 00, ngày 29/9/2025`` (``(thứ Hai)`` appended with ``weekday=True``).

    Aware values are converted to Vietnam time first.

    >>> import datetime as dt
    >>> format_datetime(dt.datetime(2025, 9, 29, 14, 0), weekday=True)
    '14 giờ 00, ngày 29/9/2025 (thứ Hai)'
    """
    if value.tzinfo is not None:
        try:
            value = value.astimezone(VN_TZ)
        except OverflowError:  # 9999-12-31 late in UTC is past the last day in Vietnam
            raise VnAdminError(f"{value.isoformat()} is out of range in Vietnam time") from None
    out = f"{format_time(value.time())}, ngày {value.day}/{value.month}/{value.year}"
    return f"{out} ({format_weekday(value.date())})" if weekday else out


def times_in(
    nt: NormalizedText, start: int = 0, end: int | None = None
) -> list[tuple[re.Match[str], dt.time | None]]:
    """The time phrases of ``nt.text[start:end]`` (impossible ones with ``None``)."""
    return [(m, _time_of(m)) for m in g.scan_times(nt.text, start, end)]


def _mention(nt: NormalizedText, m: re.Match[str], value: dt.time) -> TimeMention:
    span = nt.to_original(*m.span())
    return TimeMention(value, span, _form(m), nt.original[span[0] : span[1]])


def find_times(text: Source) -> tuple[TimeMention, ...]:
    """Every time of day in ``text`` (impossible ones skipped). Never raises.

    >>> [(t.value.isoformat(), t.span) for t in find_times("từ 10 giờ ngày 29/9, thử lại 13h30")]
    [('10:00:00', (3, 9)), ('13:30:00', (29, 34))]
    """
    nt = as_normalized(text)
    return tuple(_mention(nt, m, v) for m, v in times_in(nt) if v is not None)


def _mention_findings(t: TimeMention) -> list[Finding]:
    if t.form is TimeForm.WORDS:
        return []
    return [D109.finding(t.span, written=t.text, good=format_time(t.value))]


def check(value: TimeMention | Source) -> tuple[Finding, ...]:
    """Findings for one time of day: D109 (a compact form such as ``14h00``; NĐ 30,
    Phụ lục III), and for a string that names no such time, D110 (BLDS 2015 Điều 146).
    A string that holds no time raises :class:`~vnadmin.ParseError`.

    >>> [f.rule for f in check("14h00")], [f.rule for f in check("25 giờ 00")]
    (['D109'], ['D110'])
    """
    if isinstance(value, TimeMention):
        return tuple(_mention_findings(value))
    nt = as_normalized(value)
    m, core = _read(nt)
    span = nt.to_original(*core)
    written = nt.original[span[0] : span[1]]
    t = _time_of(m)
    if t is None:
        return (D110.finding(span, written=written),)
    return tuple(_mention_findings(TimeMention(t, span, _form(m), written)))


def check_times(text: Source) -> tuple[Finding, ...]:
    """Findings for the times of running text (find, then check each): D110
    (impossible), D109 (compact form). Never raises.

    >>> [f.rule for f in check_times("họp lúc 14h00, kết thúc 25 giờ 00")]
    ['D109', 'D110']
    """
    nt = as_normalized(text)
    out: list[Finding] = []
    for m, value in times_in(nt):
        if value is None:
            span = nt.to_original(*m.span())
            out.append(D110.finding(span, written=nt.original[span[0] : span[1]]))
        else:
            out.extend(_mention_findings(_mention(nt, m, value)))
    return tuple(out)


def validate(value: TimeMention | Source) -> TimeMention:
    """``value`` (a string: the time it names) when no finding is an error (D110 is),
    else :class:`~vnadmin.ValidationError`.

    >>> validate("14 giờ 30").value
    datetime.time(14, 30)
    """
    findings = check(value)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    if isinstance(value, TimeMention):
        return value
    nt = as_normalized(value)
    m, core = _read(nt)
    t = _time_of(m)
    assert t is not None  # else D110, an error
    span = nt.to_original(*core)
    return TimeMention(t, span, _form(m), nt.original[span[0] : span[1]])


def is_valid(value: object) -> bool:
    """True if ``value`` is (or names) a possible time of day. Never raises.

    >>> is_valid("14 giờ 00"), is_valid("25 giờ"), is_valid(None)
    (True, False, False)
    """
    if not isinstance(value, (str, NormalizedText, TimeMention)):
        return False
    try:
        validate(value)
    except (ParseError, ValidationError):
        return False
    return True


def _combine(d: dt.date, t: dt.time) -> dt.datetime:
    return dt.datetime.combine(d, t, tzinfo=VN_TZ)


def datetimes_in(
    nt: NormalizedText, start: int = 0, end: int | None = None
) -> list[DateTimeMention]:
    """The date-times of ``nt.text[start:end]``, sorted by span."""
    s = nt.text
    # The date phrases by where they start and end; a DateMention is made only for one
    # joined to a time (a text of dates and no time makes none).
    by_start: dict[int, Raw] = {}
    by_end: dict[int, Raw] = {}
    for r in scan_raw(nt, start, end):
        if r.value is not None:
            by_start[r.start] = r
            by_end[r.end] = r

    def made(r: Raw) -> DateMention:
        assert r.value is not None
        return mention(nt, r, r.value)

    out: list[DateTimeMention] = []
    used: set[int] = set()
    lo = start
    for m, value in times_in(nt, start, end):
        if value is None:
            continue
        j = _JOIN_TD.match(s, m.end(), len(s) if end is None else end)
        if j is not None and j.end() in by_start:
            r = by_start[j.end()]
            dm, ns, ne = made(r), r.start, r.end
            oend = dm.span[1]
            if dm.weekday_span is not None and dm.weekday_span[0] >= dm.span[1]:
                p = _WD_PAREN.match(s, ne)
                if p is not None:
                    oend = nt.to_original(ne, p.end())[1]
            tspan = nt.to_original(*m.span())
            out.append(
                DateTimeMention(
                    _combine(dm.value, value), (tspan[0], oend), tspan, dm.span, dm.weekday
                )
            )
            used.add(ns)
            continue
        # date first: "ngày 29/9/2025, lúc 14 giờ"
        k = m.start()
        for e in range(k, max(lo, k - 24) - 1, -1):
            hit = by_end.get(e)
            if hit is None or hit.start in used:
                continue
            jd = _JOIN_DT.match(s, _skip_paren(s, e))
            if jd is not None and jd.end() == k:
                dm = made(hit)
                tspan = nt.to_original(*m.span())
                out.append(
                    DateTimeMention(
                        _combine(dm.value, value),
                        (dm.span[0], tspan[1]),
                        tspan,
                        dm.span,
                        dm.weekday,
                    )
                )
                used.add(hit.start)
                break
    return sorted(out, key=lambda x: x.span)


def find_datetimes(text: Source) -> tuple[DateTimeMention, ...]:
    """Every time joined to a date (either order). Never raises.

    >>> [m.value.isoformat() for m in find_datetimes("chậm nhất 10 giờ 00 phút, ngày 29/9/2025;")]
    ['2025-09-29T10:00:00+07:00']
    """
    return tuple(datetimes_in(as_normalized(text)))


def parse_datetime(text: Source) -> dt.datetime:
    """Read a time and a date (either order, optional ``từ``/``lúc`` and weekday).

    A stated weekday is not checked here; see :func:`vnadmin.dates.check_dates`.

    >>> parse_datetime("từ 10 giờ ngày 29/9/2025").isoformat()
    '2025-09-29T10:00:00+07:00'
    >>> parse_datetime("08 giờ 00 ngày 15/01/2024").hour
    8
    """
    nt = as_normalized(text)
    s = nt.text
    lead = _LEAD.match(s)
    pos = lead.end() if lead else 0
    m = _TIME_RE.match(s, pos)
    if m is not None:
        j = _JOIN_TD.match(s, m.end())
        rest = s[j.end() :] if j is not None else s[m.end() :]
        time_value = _time_of(m)
        rest = _strip_weekday(rest)
        if time_value is None:
            raise ParseError(
                "no such time of day",
                input=nt.original,
                span=nt.to_original(*m.span()),
                reason="invalid_time",
                expected="hours 0-23 and minutes 0-59",
            )
        return _combine(parse_date(rest), time_value)
    # date first: only the first date of the text can be it (the rest is not read)
    found = first_mention(nt)
    if found is not None:
        dm, ns, ne = found
        jd = _JOIN_DT.match(s, _skip_paren(s, ne))
        if s[:ns].strip().lower() in ("", "ngày") and jd is not None:
            t = parse_time(s[jd.end() :])
            return _combine(dm.value, t)
    raise ParseError(
        "not a date and time",
        input=nt.original,
        span=(0, len(nt.original)),
        reason="empty" if not s.strip() else "no_datetime",
        expected="a time and a date such as 14 giờ 00, ngày 29/9/2025",
    )


def _skip_paren(s: str, pos: int) -> int:
    p = _WD_PAREN.match(s, pos)
    return p.end() if p is not None else pos


def _strip_weekday(rest: str) -> str:
    stripped = rest.rstrip().rstrip(".;,").rstrip()
    p = _WD_TAIL.search(stripped)
    if p is not None:
        return stripped[: p.start()]
    return stripped


#: ``parse(text) -> datetime.time`` (:func:`parse_time`).
parse = parse_time
#: ``find(source) -> tuple[TimeMention, ...]`` (:func:`find_times`).
find = find_times
#: ``format(time) -> str`` (:func:`format_time`).
format = format_time
