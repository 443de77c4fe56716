"""Finding dates in running text.

:func:`find_dates` normalises once (or takes the caller's
:class:`~vnadmin.text.NormalizedText`) and reads every date through the one grammar
(:mod:`vnadmin.dates.grammar`); spans point into the caller's original string.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from vnadmin.dates import grammar as g
from vnadmin.dates.model import DateForm, DateMention
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = ["find_dates", "match_date"]


@attrs.frozen
class Raw:
    """A date phrase as scanned (the date may not exist), in normalised offsets."""

    start: int
    end: int
    day: int
    month: int
    year: int
    form: DateForm
    day_text: str
    month_text: str
    day_span: tuple[int, int]
    month_span: tuple[int, int]

    @property
    def value(self) -> dt.date | None:
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


def _raw(m: re.Match[str]) -> Raw:
    if m.group("d") is not None:
        k = ("d", "m", "y")
        form = DateForm.NUMERIC
    else:
        k = ("vd", "vm", "vy")
        form = DateForm.WORDS
    d, mo, y = m.group(*k)
    return Raw(m.start(), m.end(), int(d), int(mo), int(y), form, d, mo, m.span(k[0]), m.span(k[1]))


def scan_raw(nt: NormalizedText, start: int = 0, end: int | None = None) -> list[Raw]:
    """Every date phrase in ``nt.text[start:end]``, impossible dates included (the scan of
    the whole text is done once per text: the document parser and the lint share it)."""
    if start == 0 and end is None:
        return list(nt.memo("dates.scan_raw", lambda: tuple(map(_raw, g.scan(nt.text)))))
    return [_raw(m) for m in g.scan(nt.text, start, end)]


def weekday_near(s: str, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """A weekday written right after (``(thứ Hai)``, ``, thứ Hai``) or right before the
    date at ``s[start:end]``: its value and normalised span."""
    after = g.WD_AFTER.match(s, end)
    if after is not None:
        k = "a" if after.group("a") is not None else "b"
        return g.weekday_value(after.group(k)), after.span(k)
    lo = max(0, start - 24)
    before = g.WD_BEFORE.search(s, lo, start)
    if before is not None:
        return g.weekday_value(before.group("w")), before.span("w")
    return None


def mention(nt: NormalizedText, r: Raw, value: dt.date) -> DateMention:
    """The :class:`DateMention` of a scanned phrase whose date exists."""
    s = nt.text
    wd = weekday_near(s, r.start, r.end)
    return DateMention(
        value=value,
        span=nt.to_original(r.start, r.end),
        form=r.form,
        day_text=r.day_text,
        month_text=r.month_text,
        weekday=None if wd is None else wd[0],
        weekday_span=None if wd is None else nt.to_original(*wd[1]),
        day_span=nt.to_original(*r.day_span),
        month_span=nt.to_original(*r.month_span),
        weekday_text=None if wd is None else s[wd[1][0] : wd[1][1]],
    )


def mentions_in(
    nt: NormalizedText, start: int = 0, end: int | None = None
) -> list[tuple[DateMention, int, int]]:
    """The dates of ``nt.text[start:end]`` with their normalised ``(start, end)``."""
    out = []
    for r in scan_raw(nt, start, end):
        value = r.value
        if value is not None:
            out.append((mention(nt, r, value), r.start, r.end))
    return out


def find_dates(text: Source) -> tuple[DateMention, ...]:
    """Every date mention in ``text`` (impossible dates are skipped). Never raises.

    Spans point into the caller's string and include a leading ``ngày``. A weekday
    written right after the date in parentheses or after a comma, or right before
    it, is attached.

    >>> [(m.value.isoformat(), m.span) for m in find_dates("Ngày 03/01/2024, họp.")]
    [('2024-01-03', (0, 15))]
    >>> find_dates("từ 14 giờ 00, ngày 29/9/2025 (thứ Hai)")[0].weekday
    0
    """
    nt = as_normalized(text)
    return tuple(m for m, _, _ in mentions_in(nt))


def match_date(text: str, pos: int = 0) -> tuple[dt.date, int] | None:
    """The date written exactly at ``pos`` of ``text`` (normalised text, as
    :func:`vnadmin.normalize_text` gives it; a leading ``ngày`` included) and the offset
    where it ends, or ``None``. Never raises.

    >>> match_date("ban hành ngày 20/7/2025 của", 9)
    (datetime.date(2025, 7, 20), 23)
    """
    if not isinstance(text, str) or not isinstance(pos, int):
        return None
    m = g.SCAN.match(text, pos)
    if m is None:
        return None
    value = g.date_of_match(m)
    return None if value is None else (value, m.end())
