"""Reading one date, one weekday name or one place-and-date line.

Parsers raise :class:`vnadmin.errors.ParseError` with ``reason`` one of ``"empty"``,
``"no_date"``, ``"invalid_date"`` (e.g. ``31/02/2025``), ``"trailing_text"``,
``"no_weekday"``. The issuing-line form is NĐ 30/2020/NĐ-CP, Phụ lục I, II.4.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NoReturn

from vnadmin.dates import grammar as g
from vnadmin.dates.model import DateForm, PlaceDate
from vnadmin.errors import ParseError
from vnadmin.text import NormalizedText, Source, as_normalized, read_one

__all__ = ["parse_date", "parse_place_date", "parse_weekday"]


def parse_weekday(text: Source) -> int:
    """Read a weekday name as ``date.weekday()`` (0 = Monday … 6 = Sunday).

    >>> parse_weekday("thứ Hai"), parse_weekday("Thứ 7"), parse_weekday("CHỦ NHẬT")
    (0, 5, 6)
    """
    nt = as_normalized(text)
    m = g.WEEKDAY_FULL.fullmatch(nt.text)
    if m is None:
        raise ParseError(
            "not a weekday name",
            input=nt.original,
            span=(0, len(nt.original)),
            reason="empty" if not nt.text.strip() else "no_weekday",
            expected="thứ Hai … thứ Bảy, Chủ nhật",
        )
    return g.weekday_value(m.group(1))


def parse_date(text: Source) -> dt.date:
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
    m: re.Match[str] | None = None
    nt: NormalizedText | None = None
    if isinstance(text, str):
        m = g.FULL.fullmatch(text)  # the clean case, without building a NormalizedText
        original = text
    elif isinstance(text, NormalizedText):
        nt, original = text, text.original
    else:  # not text: read_one raises ParseError(empty)
        nt, _, _ = read_one(text, "date", "20/7/2025")
        original = nt.original
    if m is None:
        nt = nt or as_normalized(text)
        m = g.FULL.fullmatch(nt.text)
        if m is None:
            _fail(nt)
    value = g.date_of_match(m)
    if value is None:
        core = m.group(0).strip().rstrip(".,;").strip()
        start = m.group(0).index(core) if core else 0
        span = (start, start + len(core))
        if nt is not None:
            span = nt.to_original(*span)
        raise ParseError(
            f"no such date {core}",
            input=original,
            span=span,
            reason="invalid_date",
            expected="a real calendar date",
        )
    return value


def _fail(nt: NormalizedText) -> NoReturn:
    text = nt.original
    if not nt.text.strip():
        raise ParseError(
            "empty date", input=text, span=(0, len(text)), reason="empty", expected="a date"
        )
    found = next(g.scan(nt.text), None)
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


def _int_or_none(s: str | None) -> int | None:
    return int(s) if s is not None and s.isascii() and s.isdigit() else None


#: The longest issuing line read (normalised characters); longer text is refused at once.
LINE_LIMIT = 400
# The longest string normalised to look for one: normalising may remove characters
# (zero-width ones) and compose marks, but a line is refused before its text is
# normalised when it is this long.
_RAW_LIMIT = 10 * LINE_LIMIT


def _too_long(text: str, span: tuple[int, int]) -> ParseError:
    return ParseError(
        "too long for a place-and-date line",
        input=text,
        span=span,
        reason="no_date",
        expected=f"<place>, ngày DD tháng MM năm YYYY (at most {LINE_LIMIT} characters)",
    )


def parse_place_date(text: Source) -> PlaceDate:
    """Read ``<place>, ngày DD tháng MM năm YYYY``; blank parts stay ``None``.

    >>> pd = parse_place_date("Hà Nội, ngày      tháng 3 năm 2026")
    >>> pd.day, pd.month, pd.year, pd.date
    (None, 3, 2026, None)
    >>> parse_place_date("TP. Hồ Chí Minh, ngày 29 tháng 6 năm 2019").place
    'TP. Hồ Chí Minh'
    """
    if isinstance(text, str) and len(text) > _RAW_LIMIT:
        raise _too_long(text, (0, len(text)))
    nt = as_normalized(text)
    return place_date_in(nt, 0, len(nt.text))


def place_match(nt: NormalizedText, start: int, end: int) -> re.Match[str] | None:
    """The match of a place-and-date pattern over ``nt.text[start:end]``, if any."""
    s = nt.text
    return g.PLACE_DATE.fullmatch(s, start, end) or g.PLACE_NUMERIC.fullmatch(s, start, end)


def place_date_in(nt: NormalizedText, start: int, end: int) -> PlaceDate:
    """Read the place-and-date line ``nt.text[start:end]``; spans point into
    ``nt.original`` (how a document parser reads the line in place)."""
    text = nt.original
    s = nt.text
    if end - start > LINE_LIMIT:  # an issuing line is short; refuse early (and cheaply)
        raise _too_long(text, nt.to_original(start, end))
    m = place_match(nt, start, end)
    if m is None:
        if not s[start:end].strip():
            raise ParseError(
                "empty",
                input=text,
                span=nt.to_original(start, end),
                reason="empty",
                expected="a place and a date",
            )
        f = g.FULL.fullmatch(s, start, end)
        d = g.date_of_match(f) if f is not None else None
        if d is None:
            raise ParseError(
                "not a place-and-date line",
                input=text,
                span=nt.to_original(start, end),
                reason="no_date",
                expected="<place>, ngày DD tháng MM năm YYYY",
            )
        seg = s[start:end]
        lo = start + len(seg) - len(seg.lstrip())
        hi = start + len(seg.rstrip())
        span = nt.to_original(lo, hi)
        form = DateForm.WORDS if f is not None and f.group("vd") is not None else DateForm.NUMERIC
        if f is not None and f.group("iy") is not None:
            form = DateForm.ISO
        return PlaceDate(
            None, d, d.day, d.month, d.year, None, span, text[span[0] : span[1]], span, form
        )
    day: int | None
    month: int | None
    year: int | None
    if m.re is g.PLACE_NUMERIC:
        keys, form = ("d", "m", "y"), DateForm.NUMERIC
        day, month, year = (int(m.group(k)) for k in keys)
    else:
        keys, form = ("vd", "vm", "vy"), DateForm.WORDS
        day, month, year = (_int_or_none(m.group(k)) for k in keys)
    value: dt.date | None = None
    date_span = nt.to_original(*m.span("date"))
    if day is not None and month is not None and year is not None:
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise ParseError(
                "no such date",
                input=text,
                span=date_span,
                reason="invalid_date",
                expected="a real calendar date",
            ) from None
    place_span = nt.to_original(*m.span("place"))
    span = (place_span[0], date_span[1])
    day_text, month_text = m.group(keys[0]), m.group(keys[1])
    return PlaceDate(
        place=m.group("place"),
        date=value,
        day=day,
        month=month,
        year=year,
        place_span=place_span,
        date_span=date_span,
        text=text[span[0] : span[1]],
        span=span,
        form=form,
        comma=m.group("comma") is not None,
        day_text=day_text,
        month_text=month_text,
        day_span=None if day_text is None else nt.to_original(*m.span(keys[0])),
        month_span=None if month_text is None else nt.to_original(*m.span(keys[1])),
    )
