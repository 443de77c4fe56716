"""Times of day and date-times (24-hour clock, Vietnam time UTC+7).

Forms read: ``14 giờ 00``, ``10 giờ 00 phút``, ``8 giờ 30 phút``, ``14h00``,
``14h``, ``7h30'``, ``14g30``, the sloppy ``18h giờ 00 phút`` and ``14:30``
(only in :func:`parse_time`). Date-times join a time and a date:
``14 giờ 00, ngày 29/9/2025 (thứ Hai)``, ``từ 10 giờ ngày 29/9/2025``,
``08 giờ 00 ngày 15/01/2024``, ``ngày 29/9/2025, lúc 14 giờ``.

Values are timezone-aware with :data:`VN_TZ` (a fixed ``UTC+07:00`` offset;
Việt Nam has no daylight saving time, so no tz database is needed).

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

from vnadmin.dates import (
    WEEKDAY_PATTERN,
    DateMention,
    _weekday_value,
    find_dates,
    parse_date,
)
from vnadmin.errors import ParseError
from vnadmin.findings import Finding, rule
from vnadmin.text import NormalizedText, normalize_text

__all__ = [
    "VN_TZ",
    "DateTimeMention",
    "TimeForm",
    "TimeMention",
    "check_times",
    "find_datetimes",
    "find_times",
    "format_datetime",
    "format_time",
    "parse_datetime",
    "parse_time",
]

#: Vietnam time, UTC+07:00 (no daylight saving time).
VN_TZ = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")

D109 = rule("D109")
D110 = rule("D110")

_TIME = (
    r"(?<![\w.,/:])(?P<h>\d{1,2})[ \t]*"
    r"(?:(?P<gio>giờ)|(?P<hh>h)(?:[ \t]*giờ)?|(?P<g>g)(?=[ \t]*\d))"
    r"(?:[ \t]*(?P<mi>\d{1,2})(?!\d)(?:[ \t]*(?P<unit>phút|p(?![^\W\d_])|'))?)?"
    r"(?![^\W\d_])"
)
_TIME_RE = re.compile(_TIME, re.IGNORECASE)
_TIME_FULL = re.compile(
    r"\s*(?:(?:vào\s*)?(?:lúc|hồi)\s*)?(?:" + _TIME + r"|(?P<ch>\d{1,2}):(?P<cm>\d{2}))\s*",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"\s*(?:(?:từ|vào|lúc|hồi|vào\s*lúc|vào\s*hồi|bắt\s*đầu\s*từ)\s+)?", re.IGNORECASE
)
_JOIN_TD = re.compile(r"[ \t]*(?:,[ \t]*)?(?=(?:ngày[ \t]*)?\d)", re.IGNORECASE)
_JOIN_DT = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:(?:vào[ \t]*)?(?:lúc|hồi)[ \t]*|từ[ \t]*)?(?=\d)", re.IGNORECASE
)
_WD_PAREN = re.compile(r"[ \t]*\([ \t]*(?P<w>" + WEEKDAY_PATTERN + r")[ \t]*\)", re.IGNORECASE)


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
    """

    value: dt.time
    span: tuple[int, int]
    form: TimeForm


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


def parse_time(text: str) -> dt.time:
    """Read a time of day; ``ParseError`` reasons ``empty``, ``no_time``, ``invalid_time``.

    >>> parse_time("14 giờ 00"), parse_time("lúc 10 giờ 00 phút"), parse_time("14:30")
    (datetime.time(14, 0), datetime.time(10, 0), datetime.time(14, 30))
    """
    nt = normalize_text(text)
    m = _TIME_FULL.fullmatch(nt.text)
    if m is None:
        raise ParseError(
            "not a time of day",
            input=text,
            span=(0, len(text)),
            reason="empty" if not nt.text.strip() else "no_time",
            expected="a time such as 14 giờ 00 or 14h00",
        )
    value = _time_of(m)
    if value is None:
        raise ParseError(
            "no such time of day",
            input=text,
            span=(0, len(text)),
            reason="invalid_time",
            expected="hours 0-23 and minutes 0-59",
        )
    return value


def format_time(value: dt.time, *, minutes_word: bool = False) -> str:
    """Write a time as in official text: ``14 giờ 00`` (``14 giờ 00 phút``).

    >>> import datetime as dt
    >>> format_time(dt.time(8, 30)), format_time(dt.time(10, 0), minutes_word=True)
    ('08 giờ 30', '10 giờ 00 phút')
    """
    out = f"{value.hour:02d} giờ {value.minute:02d}"
    return out + " phút" if minutes_word else out


def format_datetime(value: dt.datetime, *, weekday: bool = False) -> str:
    """``14 giờ 00, ngày 29/9/2025`` (``(thứ Hai)`` appended with ``weekday=True``).

    Aware values are converted to Vietnam time first.

    >>> import datetime as dt
    >>> format_datetime(dt.datetime(2025, 9, 29, 14, 0), weekday=True)
    '14 giờ 00, ngày 29/9/2025 (thứ Hai)'
    """
    from vnadmin.dates import format_weekday

    if value.tzinfo is not None:
        value = value.astimezone(VN_TZ)
    out = f"{format_time(value.time())}, ngày {value.day}/{value.month}/{value.year}"
    return f"{out} ({format_weekday(value.date())})" if weekday else out


def find_times(text: str) -> tuple[TimeMention, ...]:
    """Every time of day in ``text`` (impossible ones skipped). Never raises.

    >>> [(t.value.isoformat(), t.span) for t in find_times("từ 10 giờ ngày 29/9, thử lại 13h30")]
    [('10:00:00', (3, 9)), ('13:30:00', (29, 34))]
    """
    nt = normalize_text(text)
    out = []
    for m in _TIME_RE.finditer(nt.text):
        value = _time_of(m)
        if value is not None:
            out.append(TimeMention(value, nt.to_original(*m.span()), _form(m)))
    return tuple(out)


def check_times(text: str) -> tuple[Finding, ...]:
    """Findings for times in ``text``: D110 (impossible), D109 (compact form). Never raises.

    >>> [f.rule for f in check_times("họp lúc 14h00, kết thúc 25 giờ 00")]
    ['D109', 'D110']
    """
    nt = normalize_text(text)
    out: list[Finding] = []
    for m in _TIME_RE.finditer(nt.text):
        span = nt.to_original(*m.span())
        written = text[span[0] : span[1]]
        value = _time_of(m)
        if value is None:
            out.append(D110.finding(span, written=written))
        elif m.group("gio") is None:
            out.append(D109.finding(span, written=written, good=format_time(value)))
    return tuple(out)


def _combine(d: dt.date, t: dt.time) -> dt.datetime:
    return dt.datetime.combine(d, t, tzinfo=VN_TZ)


def find_datetimes(text: str) -> tuple[DateTimeMention, ...]:
    """Every time joined to a date (either order). Never raises.

    >>> [m.value.isoformat() for m in find_datetimes("chậm nhất 10 giờ 00 phút, ngày 29/9/2025;")]
    ['2025-09-29T10:00:00+07:00']
    """
    nt = normalize_text(text)
    s = nt.text
    dates = find_dates(text)
    by_start: dict[int, DateMention] = {}
    by_end: dict[int, DateMention] = {}
    for dm in dates:
        ns = nt.from_original(dm.span[0])
        ne = nt.from_original(dm.span[1])
        by_start[ns] = dm
        by_end[ne] = dm
    out: list[DateTimeMention] = []
    used: set[int] = set()
    for m in _TIME_RE.finditer(s):
        value = _time_of(m)
        if value is None:
            continue
        j = _JOIN_TD.match(s, m.end())
        if j is not None and j.end() in by_start:
            dm = by_start[j.end()]
            end = dm.span[1]
            wd = dm.weekday
            if dm.weekday_span is not None and dm.weekday_span[0] >= dm.span[1]:
                end = _paren_end(s, nt, nt.from_original(dm.span[1]), end)
            tspan = nt.to_original(*m.span())
            out.append(
                DateTimeMention(_combine(dm.value, value), (tspan[0], end), tspan, dm.span, wd)
            )
            used.add(id(dm))
            continue
        # date first: "ngày 29/9/2025, lúc 14 giờ"
        k = m.start()
        for ne in range(k, max(0, k - 24) - 1, -1):
            dm_or_none = by_end.get(ne)
            if dm_or_none is None or id(dm_or_none) in used:
                continue
            dm = dm_or_none
            jd = _JOIN_DT.match(s, _skip_paren(s, ne))
            if jd is not None and jd.end() == k and ne <= k:
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
                used.add(id(dm))
                break
    return tuple(sorted(out, key=lambda x: x.span))


def _paren_end(s: str, nt: NormalizedText, norm_end: int, fallback: int) -> int:
    p = _WD_PAREN.match(s, norm_end)
    return nt.to_original(norm_end, p.end())[1] if p is not None else fallback


def parse_datetime(text: str) -> dt.datetime:
    """Read a time and a date (either order, optional ``từ``/``lúc`` and weekday).

    A stated weekday is not checked here; see :func:`vnadmin.dates.check_dates`.

    >>> parse_datetime("từ 10 giờ ngày 29/9/2025").isoformat()
    '2025-09-29T10:00:00+07:00'
    >>> parse_datetime("08 giờ 00 ngày 15/01/2024").hour
    8
    """
    nt = normalize_text(text)
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
                input=text,
                span=nt.to_original(*m.span()),
                reason="invalid_time",
                expected="hours 0-23 and minutes 0-59",
            )
        return _combine(parse_date(rest), time_value)
    # date first
    for dm in find_dates(s):
        ne = dm.span[1]
        if s[: dm.span[0]].strip().lower() not in ("", "ngày"):
            break
        jd = _JOIN_DT.match(s, _skip_paren(s, ne))
        if jd is None:
            break
        t = parse_time(s[jd.end() :])
        return _combine(dm.value, t)
    raise ParseError(
        "not a date and time",
        input=text,
        span=(0, len(text)),
        reason="empty" if not s.strip() else "no_datetime",
        expected="a time and a date such as 14 giờ 00, ngày 29/9/2025",
    )


def _skip_paren(s: str, pos: int) -> int:
    p = _WD_PAREN.match(s, pos)
    return p.end() if p is not None else pos


def _strip_weekday(rest: str) -> str:
    stripped = rest.rstrip().rstrip(".;,").rstrip()
    p = re.search(r"\(\s*(" + WEEKDAY_PATTERN + r")\s*\)$", stripped, re.IGNORECASE)
    if p is not None:
        _weekday_value(p.group(1))
        return stripped[: p.start()]
    return stripped
