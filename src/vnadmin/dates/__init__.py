"""Dates: parsing, formatting, the place-and-date line, weekdays and date checks.

Forms read (after :func:`vnadmin.text.normalize_text`, so NFD text, ``Ð`` and
non-breaking spaces are fine): ``20/7/2025``, ``03/01/2024``, ``20-7-2025``,
``20.7.2025``, ``2025-07-20`` and ``ngày 03 tháng 01 năm 2024`` /
``ngày 3 tháng 1 năm 2024``.

NĐ 30/2020/NĐ-CP, Phụ lục I, II.4 fixes the issuing-date form: the place name,
a comma, then ``ngày DD tháng M năm YYYY`` with a leading zero for days below 10
and for months 1 and 2 only (``tháng 01``, ``tháng 02``, but ``tháng 3``).

>>> parse_date("ngày 03 tháng 01 năm 2024")
datetime.date(2024, 1, 3)
>>> parse_date("20.7.2025")
datetime.date(2025, 7, 20)
>>> import datetime as dt
>>> format_date(dt.date(2020, 3, 5))
'ngày 05 tháng 3 năm 2020'
>>> pd = parse_place_date("Lạng Sơn, ngày 03 tháng 01 năm 2024")
>>> pd.place, pd.date, pd.place_span
('Lạng Sơn', datetime.date(2024, 1, 3), (0, 8))
>>> [f.rule for f in check_dates("ngày 3 tháng 1 năm 2024 (thứ Năm)")]
['D101', 'D102', 'D105']

Parsers raise :class:`vnadmin.errors.ParseError` with ``reason`` one of
``"empty"``, ``"no_date"``, ``"invalid_date"`` (e.g. ``31/02/2025``),
``"trailing_text"``, ``"no_weekday"``, ``"no_place"``. Scanners
(:func:`find_dates`, :func:`check_dates`) never raise.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import NoReturn

import attrs

from vnadmin.errors import ParseError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.text import NormalizedText, normalize_text

__all__ = [
    "WEEKDAY_NAMES",
    "DateForm",
    "DateMention",
    "PlaceDate",
    "check_dates",
    "find_dates",
    "format_date",
    "format_place_date",
    "format_weekday",
    "is_valid_date_text",
    "match_date",
    "parse_date",
    "parse_place_date",
    "parse_weekday",
    "validate_date_text",
    "validate_place_date",
]

_ND30 = "NĐ 30/2020/NĐ-CP, Phụ lục I, II.4"

D101 = rule("D101")
D102 = rule("D102")
D103 = rule("D103")
D104 = rule("D104")
D105 = rule("D105")
D106 = rule("D106")
D107 = rule("D107")
D108 = rule("D108")
D112 = rule("D112")

# --- weekdays ---------------------------------------------------------------------

#: Canonical weekday names by ``date.weekday()`` (0 = Monday), NĐ 30 Phụ lục II style.
WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD_WORDS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "bẩy": 5}
_WD_DIGITS = {"2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}

WEEKDAY_PATTERN = r"(?:thứ[ \t]*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ[ \t]*nhật|CN)(?![^\W_])"
_WEEKDAY_FULL = re.compile(r"\s*(" + WEEKDAY_PATTERN + r")\s*", re.IGNORECASE)


def _weekday_value(word: str) -> int:
    w = " ".join(word.split()).lower()
    if w.startswith("chủ") or w == "cn":
        return 6
    tail = w[3:].strip()
    return _WD_DIGITS[tail] if tail in _WD_DIGITS else _WD_WORDS[tail]


def parse_weekday(text: str) -> int:
    """Read a weekday name as ``date.weekday()`` (0 = Monday … 6 = Sunday).

    >>> parse_weekday("thứ Hai"), parse_weekday("Thứ 7"), parse_weekday("CHỦ NHẬT")
    (0, 5, 6)
    """
    nt = normalize_text(text)
    m = _WEEKDAY_FULL.fullmatch(nt.text)
    if m is None:
        raise ParseError(
            "not a weekday name",
            input=text,
            span=(0, len(text)),
            reason="empty" if not text.strip() else "no_weekday",
            expected="thứ Hai … thứ Bảy, Chủ nhật",
        )
    return _weekday_value(m.group(1))


def format_weekday(day: dt.date | int) -> str:
    """The NĐ 30 name of a weekday (``thứ Hai`` … ``Chủ nhật``).

    >>> import datetime as dt
    >>> format_weekday(dt.date(2025, 9, 29))
    'thứ Hai'
    """
    return WEEKDAY_NAMES[day if isinstance(day, int) else day.weekday()]


# --- patterns ---------------------------------------------------------------------

_NUMERIC = (
    r"(?<![\w/.\-])(?P<d>\d{1,2})[ \t]*(?P<sep>[/.\-])[ \t]*(?P<m>\d{1,2})"
    r"[ \t]*(?P=sep)[ \t]*(?P<y>\d{4})(?!\d)"
)
_VERBAL = r"(?P<vd>\d{1,2})\s*tháng\s*(?P<vm>\d{1,2})\s*(?:,\s*)?năm\s*(?P<vy>\d{4})(?!\d)"
_ISO = r"(?<![\w/.\-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d\w])"
_SCAN = re.compile(
    r"(?:(?P<ngay>ngày)\s*)?(?:" + _NUMERIC + "|" + _VERBAL + ")",
    re.IGNORECASE,
)
_FULL = re.compile(
    r"\s*(?:ngày\s*)?(?:" + _NUMERIC + "|" + _VERBAL + "|" + _ISO + r")\s*(?:[.,;]\s*)?",
    re.IGNORECASE,
)
_WD_AFTER = re.compile(
    r"[ \t]*(?:\([ \t]*(?P<a>"
    + WEEKDAY_PATTERN
    + r")[ \t]*\)|,[ \t]*(?P<b>"
    + WEEKDAY_PATTERN
    + "))",
    re.IGNORECASE,
)
_WD_BEFORE = re.compile(
    r"(?P<w>" + WEEKDAY_PATTERN + r")[ \t]*[,(]?[ \t]*$",
    re.IGNORECASE,
)


class DateForm(enum.Enum):
    """How a date is written."""

    NUMERIC = "numeric"  #: ``20/7/2025``, ``20-7-2025``, ``20.7.2025``
    WORDS = "words"  #: ``ngày 20 tháng 7 năm 2025``
    ISO = "iso"  #: ``2025-07-20``


@attrs.frozen
class DateMention:
    """A date found in a text by :func:`find_dates`.

    Attributes:
        value: the date.
        span: offsets of the date (with a leading ``ngày``) in the caller's string.
        form: :class:`DateForm`.
        day_text: the day digits as written (``"3"``, ``"03"``).
        month_text: the month digits as written.
        weekday: a weekday stated next to the date (0 = Monday), or ``None``.
        weekday_span: offsets of that weekday name, or ``None``.
    """

    value: dt.date
    span: tuple[int, int]
    form: DateForm
    day_text: str
    month_text: str
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None

    @property
    def weekday_matches(self) -> bool:
        """False when a stated weekday contradicts the date."""
        return self.weekday is None or self.weekday == self.value.weekday()


@attrs.frozen
class _Raw:
    start: int  # normalised offsets
    end: int
    day: int
    month: int
    year: int
    form: DateForm
    day_text: str
    month_text: str
    day_span: tuple[int, int]
    month_span: tuple[int, int]


def _raw(m: re.Match[str]) -> _Raw:
    if m.group("d") is not None:
        return _Raw(
            m.start(),
            m.end(),
            int(m.group("d")),
            int(m.group("m")),
            int(m.group("y")),
            DateForm.NUMERIC,
            m.group("d"),
            m.group("m"),
            m.span("d"),
            m.span("m"),
        )
    if m.re is _FULL and m.group("iy") is not None:
        return _Raw(
            m.start(),
            m.end(),
            int(m.group("id")),
            int(m.group("im")),
            int(m.group("iy")),
            DateForm.ISO,
            m.group("id"),
            m.group("im"),
            m.span("id"),
            m.span("im"),
        )
    return _Raw(
        m.start(),
        m.end(),
        int(m.group("vd")),
        int(m.group("vm")),
        int(m.group("vy")),
        DateForm.WORDS,
        m.group("vd"),
        m.group("vm"),
        m.span("vd"),
        m.span("vm"),
    )


def date_of_match(m: re.Match[str]) -> dt.date | None:
    """The date a match of a date pattern names, or ``None`` if there is no such day.

    The pattern names its parts ``d``/``m``/``y`` (numeric), ``vd``/``vm``/``vy`` (in
    words) and, optionally, ``id``/``im``/``iy`` (ISO), as this module's patterns do.
    """
    if m.group("d") is not None:
        ymd = m.group("y", "m", "d")
    elif "iy" in m.re.groupindex and m.group("iy") is not None:
        ymd = m.group("iy", "im", "id")
    else:
        ymd = m.group("vy", "vm", "vd")
    try:
        return dt.date(int(ymd[0]), int(ymd[1]), int(ymd[2]))
    except ValueError:
        return None


def _to_date(r: _Raw) -> dt.date | None:
    try:
        return dt.date(r.year, r.month, r.day)
    except ValueError:
        return None


# --- parse / format ---------------------------------------------------------------


def parse_date(text: str) -> dt.date:
    """Read one date written in any usual Vietnamese form.

    Accepts an optional leading ``ngày`` and surrounding spaces or a final
    ``.``/``,``/``;``. Raises :class:`~vnadmin.errors.ParseError`
    (``reason``: ``empty``, ``no_date``, ``trailing_text``, ``invalid_date``).

    >>> parse_date("ngày 3 tháng 1 năm 2024"), parse_date("20-7-2025")
    (datetime.date(2024, 1, 3), datetime.date(2025, 7, 20))
    >>> parse_date("31/02/2025")
    Traceback (most recent call last):
    ...
    vnadmin.errors.ParseError: no such date 31/02/2025 (reason=invalid_date, span=0:10, expected a real calendar date)
    """
    m = _FULL.fullmatch(text)
    nt: NormalizedText | None = None
    if m is None:
        nt = normalize_text(text)
        m = _FULL.fullmatch(nt.text)
    if m is None:
        _fail(text, nt or normalize_text(text))
    value = date_of_match(m)
    if value is None:
        core = m.group(0).strip().rstrip(".,;").strip()
        start = m.group(0).index(core) if core else 0
        span = (start, start + len(core))
        if nt is not None:
            span = nt.to_original(*span)
        raise ParseError(
            f"no such date {core}",
            input=text,
            span=span,
            reason="invalid_date",
            expected="a real calendar date",
        )
    return value


def _fail(text: str, nt: NormalizedText) -> NoReturn:
    if not nt.text.strip():
        raise ParseError(
            "empty date", input=text, span=(0, len(text)), reason="empty", expected="a date"
        )
    found = _SCAN.search(nt.text)
    if found is None:
        raise ParseError(
            "no date found",
            input=text,
            span=(0, len(text)),
            reason="no_date",
            expected="a date such as 20/7/2025 or ngày 20 tháng 7 năm 2025",
        )
    s, e = found.span()
    span = nt.to_original(e, len(nt.text)) if nt.text[:s].strip() == "" else nt.to_original(0, s)
    raise ParseError(
        "text around the date",
        input=text,
        span=span,
        reason="trailing_text",
        expected="only a date",
    )


def format_date(day: dt.date, *, prefix: bool = True) -> str:
    """Write ``day`` the NĐ 30 way (Phụ lục I, II.4).

    >>> import datetime as dt
    >>> format_date(dt.date(2024, 1, 3)), format_date(dt.date(2019, 6, 29), prefix=False)
    ('ngày 03 tháng 01 năm 2024', '29 tháng 6 năm 2019')
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    body = f"{day.day:02d} tháng {month} năm {day.year}"
    return f"ngày {body}" if prefix else body


def format_place_date(place: str, day: dt.date) -> str:
    """The issuing line ``<place>, ngày DD tháng M năm YYYY`` (NĐ 30, Phụ lục I, II.4).

    >>> import datetime as dt
    >>> format_place_date("Thành phố Hồ Chí Minh", dt.date(2019, 6, 29))
    'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019'
    """
    return f"{place.strip()}, {format_date(day)}"


# --- the place-and-date line ------------------------------------------------------

_BLANK = r"[._…]+"
_PLACE_DATE = re.compile(
    r"\s*(?P<place>[^\W\d_][^,\n]{0,79}?)\s*(?:(?P<comma>,)\s*)?"
    r"(?P<date>(?P<ngay>ngày)(?:\s*(?P<d>\d{1,2}|" + _BLANK + r"))?"
    r"\s*tháng(?:\s*(?P<m>\d{1,2}|" + _BLANK + r"))?"
    r"\s*(?:,\s*)?năm(?:\s*(?P<y>\d{4}|\d{0,3}" + _BLANK + r"))?)"
    r"\s*(?:[.]\s*)?",
    re.IGNORECASE,
)
_PLACE_NUMERIC = re.compile(
    r"\s*(?P<place>[^\W\d_][^,\n]{0,79}?)\s*(?:(?P<comma>,)\s*)?(?P<date>(?:ngày\s*)?"
    + _NUMERIC
    + r")\s*(?:[.]\s*)?",
    re.IGNORECASE,
)


@attrs.frozen
class PlaceDate:
    """The place-and-date line of a document (địa danh và thời gian ban hành).

    Attributes:
        place: the place name as written (``"Lạng Sơn"``), or ``None``.
        date: the full date, or ``None`` when a part is blank.
        day: the day, or ``None`` if left blank.
        month: the month, or ``None`` if left blank.
        year: the year, or ``None`` if left blank.
        place_span: offsets of the place name in the caller's string.
        date_span: offsets of the date part in the caller's string.
        text: the caller's string.
    """

    place: str | None
    date: dt.date | None
    day: int | None
    month: int | None
    year: int | None
    place_span: tuple[int, int] | None
    date_span: tuple[int, int]
    text: str


def _int_or_none(s: str | None) -> int | None:
    return int(s) if s is not None and s.isdigit() else None


def parse_place_date(text: str) -> PlaceDate:
    """Read ``<place>, ngày DD tháng MM năm YYYY``; blank parts stay ``None``.

    >>> pd = parse_place_date("Hà Nội, ngày      tháng 3 năm 2026")
    >>> pd.day, pd.month, pd.year, pd.date
    (None, 3, 2026, None)
    >>> parse_place_date("TP. Hồ Chí Minh, ngày 29 tháng 6 năm 2019").place
    'TP. Hồ Chí Minh'
    """
    nt = normalize_text(text)
    s = nt.text
    if len(s) > 400:  # an issuing line is short; refuse early (and cheaply)
        raise ParseError(
            "too long for a place-and-date line",
            input=text,
            span=(0, len(text)),
            reason="no_date",
            expected="<place>, ngày DD tháng MM năm YYYY",
        )
    m = _PLACE_DATE.fullmatch(s) or _PLACE_NUMERIC.fullmatch(s)
    if m is None:
        if not s.strip():
            raise ParseError(
                "empty",
                input=text,
                span=(0, len(text)),
                reason="empty",
                expected="a place and a date",
            )
        try:
            d = parse_date(text)
        except ParseError:
            raise ParseError(
                "not a place-and-date line",
                input=text,
                span=(0, len(text)),
                reason="no_date",
                expected="<place>, ngày DD tháng MM năm YYYY",
            ) from None
        span = nt.to_original(len(s) - len(s.lstrip()), len(s.rstrip()))
        return PlaceDate(None, d, d.day, d.month, d.year, None, span, text)
    day: int | None
    month: int | None
    year: int | None
    if m.re is _PLACE_NUMERIC:
        day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    else:
        day, month, year = (_int_or_none(m.group(g)) for g in ("d", "m", "y"))
    value: dt.date | None = None
    if day is not None and month is not None and year is not None:
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise ParseError(
                "no such date",
                input=text,
                span=nt.to_original(*m.span("date")),
                reason="invalid_date",
                expected="a real calendar date",
            ) from None
    return PlaceDate(
        place=m.group("place"),
        date=value,
        day=day,
        month=month,
        year=year,
        place_span=nt.to_original(*m.span("place")),
        date_span=nt.to_original(*m.span("date")),
        text=text,
    )


def validate_place_date(text: str) -> tuple[Finding, ...]:
    """Findings for an issuing line (D101–D108); raises ``ParseError`` if unreadable.

    >>> [f.rule for f in validate_place_date("Hà Nội ngày 5 tháng 01 năm 2020")]
    ['D107', 'D101']
    >>> validate_place_date("Lạng Sơn, ngày 03 tháng 01 năm 2024")
    ()
    """
    pd = parse_place_date(text)
    nt = normalize_text(text)
    out: list[Finding] = []
    m = _PLACE_DATE.fullmatch(nt.text)
    if pd.place is None:
        out.append(D107.finding(pd.date_span))
    elif m is None:  # numeric issuing date
        n = _PLACE_NUMERIC.fullmatch(nt.text)
        if n is not None and n.group("comma") is None:
            out.append(D107.finding(pd.place_span))
        out.append(D104.finding(pd.date_span, written=text[pd.date_span[0] : pd.date_span[1]]))
        return tuple(out)
    if m is None:
        return tuple(out)
    if m.group("comma") is None:
        out.append(D107.finding(pd.place_span))
    missing = [
        name for name, v in (("ngày", pd.day), ("tháng", pd.month), ("năm", pd.year)) if v is None
    ]
    if missing:
        out.append(D108.finding(pd.date_span, missing=", ".join(missing)))
    out.extend(_form_findings(m.group("d"), m.span("d"), m.group("m"), m.span("m"), nt, None))
    return tuple(out)


def _form_findings(
    day_text: str | None,
    day_span: tuple[int, int],
    month_text: str | None,
    month_span: tuple[int, int],
    nt: NormalizedText,
    severity: Severity | None,
) -> list[Finding]:
    out: list[Finding] = []
    if day_text and day_text.isdigit() and len(day_text) == 1 and int(day_text) > 0:
        out.append(D101.finding(nt.to_original(*day_span), severity=severity, day=int(day_text)))
    if month_text and month_text.isdigit():
        month = int(month_text)
        if month in (1, 2) and len(month_text) == 1:
            out.append(D102.finding(nt.to_original(*month_span), severity=severity, month=month))
        elif 3 <= month <= 12 and month_text.startswith("0"):
            out.append(D103.finding(nt.to_original(*month_span), severity=severity, month=month))
    return out


# --- scanning ---------------------------------------------------------------------


def _weekday_near(s: str, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    after = _WD_AFTER.match(s, end)
    if after is not None:
        g = "a" if after.group("a") is not None else "b"
        return _weekday_value(after.group(g)), after.span(g)
    lo = max(0, start - 24)
    before = _WD_BEFORE.search(s[lo:start])
    if before is not None:
        ws, we = before.span("w")
        return _weekday_value(before.group("w")), (lo + ws, lo + we)
    return None


def _scan(nt: NormalizedText) -> list[tuple[_Raw, re.Match[str]]]:
    return [(_raw(m), m) for m in _SCAN.finditer(nt.text)]


def match_date(text: str, pos: int = 0) -> tuple[dt.date, int] | None:
    """The date written exactly at ``pos`` of ``text`` (normalised text, as
    :func:`vnadmin.normalize_text` gives it; a leading ``ngày`` included) and the offset
    where it ends, or ``None``. Never raises.

    >>> match_date("ban hành ngày 20/7/2025 của", 9)
    (datetime.date(2025, 7, 20), 23)
    """
    m = _SCAN.match(text, pos)
    if m is None:
        return None
    value = date_of_match(m)
    return None if value is None else (value, m.end())


def find_dates(text: str) -> tuple[DateMention, ...]:
    """Every date mention in ``text`` (impossible dates are skipped). Never raises.

    Spans point into ``text`` itself and include a leading ``ngày``. A weekday
    written right after the date in parentheses or after a comma, or right
    before it, is attached.

    >>> [(m.value.isoformat(), m.span) for m in find_dates("Ngày 03/01/2024, họp.")]
    [('2024-01-03', (0, 15))]
    >>> find_dates("từ 14 giờ 00, ngày 29/9/2025 (thứ Hai)")[0].weekday
    0
    """
    nt = normalize_text(text)
    out: list[DateMention] = []
    for r, _m in _scan(nt):
        value = _to_date(r)
        if value is None:
            continue
        wd = _weekday_near(nt.text, r.start, r.end)
        out.append(
            DateMention(
                value=value,
                span=nt.to_original(r.start, r.end),
                form=r.form,
                day_text=r.day_text,
                month_text=r.month_text,
                weekday=None if wd is None else wd[0],
                weekday_span=None if wd is None else nt.to_original(*wd[1]),
            )
        )
    return tuple(out)


def check_dates(text: str) -> tuple[Finding, ...]:
    """Findings for every date in ``text``; never raises.

    Reports impossible dates (D106), stated weekdays that contradict the date
    (D105), lower-case weekday words (D112) and, at ``INFO`` severity for dates in
    running text, the NĐ 30 leading-zero forms of written-out dates (D101–D103).

    >>> [f.rule for f in check_dates("ngày 29/9/2025 (thứ Ba) và 31/02/2025")]
    ['D105', 'D106']
    """
    nt = normalize_text(text)
    s = nt.text
    out: list[Finding] = []
    for r, _m in _scan(nt):
        span = nt.to_original(r.start, r.end)
        value = _to_date(r)
        if value is None:
            out.append(D106.finding(span, written=text[span[0] : span[1]]))
            continue
        if r.form is DateForm.WORDS:
            out.extend(
                _form_findings(
                    r.day_text, r.day_span, r.month_text, r.month_span, nt, Severity.INFO
                )
            )
        wd = _weekday_near(s, r.start, r.end)
        if wd is None:
            continue
        stated, wspan = wd
        if stated != value.weekday():
            out.append(
                D105.finding(
                    nt.to_original(r.start, wspan[1])
                    if wspan[0] > r.start
                    else nt.to_original(wspan[0], r.end),
                    date=f"{value:%d/%m/%Y}",
                    actual=WEEKDAY_NAMES[value.weekday()],
                    stated=WEEKDAY_NAMES[stated],
                    actual_en=_WEEKDAY_EN[value.weekday()],
                    stated_en=_WEEKDAY_EN[stated],
                )
            )
        word = s[wspan[0] : wspan[1]]
        good = WEEKDAY_NAMES[stated]
        if (
            word[:1].islower()
            and word.lower().startswith("thứ")
            and not word[-1].isdigit()
            and word != good
        ):
            out.append(D112.finding(nt.to_original(*wspan), good=good))
    return tuple(out)


def validate_date_text(text: str) -> tuple[Finding, ...]:
    """Findings for one date phrase (a date with an optional weekday).

    Like :func:`check_dates` but the form rules D101–D103 keep their default
    severity, and the text must hold a date (``ParseError`` otherwise).

    >>> [f.rule for f in validate_date_text("ngày 3 tháng 1 năm 2024")]
    ['D101', 'D102']
    """
    nt = normalize_text(text)
    found = _scan(nt)
    if not found:
        _fail(text, nt)
    out: list[Finding] = []
    for f in check_dates(text):
        if f.rule in ("D101", "D102", "D103"):
            rule = {"D101": D101, "D102": D102, "D103": D103}[f.rule]
            f = attrs.evolve(f, severity=rule.severity)
        out.append(f)
    return tuple(out)


def is_valid_date_text(text: str) -> bool:
    """True if ``text`` holds a date and no ERROR finding (impossible date, wrong weekday).

    >>> is_valid_date_text("29/9/2025 (thứ Hai)"), is_valid_date_text("29/9/2025 (thứ Ba)")
    (True, False)
    """
    try:
        findings = validate_date_text(text)
    except ParseError:
        return False
    return all(f.severity is not Severity.ERROR for f in findings)
