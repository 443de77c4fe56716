"""Finding dates in running text.

:func:`find_dates` normalises once (or takes the caller's
:class:`~vnadmin.text.NormalizedText`) and reads every date through the one grammar
(:mod:`vnadmin.dates.grammar`); spans point into the caller's original string.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from vnadmin.dates import grammar as g
from vnadmin.dates.model import DateForm, DateMention
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = ["find_dates", "match_date"]


class Raw(NamedTuple):
    """A date phrase as scanned (the date may not exist), in normalised offsets. (A named
    tuple, not a frozen attrs class: one is made for every date phrase of a text, and
    building a tuple costs a third of setting ten frozen fields.)"""

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


_NUMERIC, _WORDS = DateForm.NUMERIC, DateForm.WORDS
#: The value of every day or month as the grammar reads it (one or two ASCII digits): a
#: dictionary hit costs half an ``int()`` of a string.
_SMALL = {f"{i:0{w}d}": i for w in (1, 2) for i in range(100)}


def _raw(m: re.Match[str]) -> Raw:
    # The last group of a match is the year: ``y`` (numeric) or ``vy`` (in words).
    if m.lastgroup == "y":
        d, mo, y = m.group("d", "m", "y")
        return Raw(
            *m.span(), _SMALL[d], _SMALL[mo], int(y), _NUMERIC, d, mo, m.span("d"), m.span("m")
        )
    d, mo, y = m.group("vd", "vm", "vy")
    return Raw(*m.span(), _SMALL[d], _SMALL[mo], int(y), _WORDS, d, mo, m.span("vd"), m.span("vm"))


def scan_raw(nt: NormalizedText, start: int = 0, end: int | None = None) -> list[Raw]:
    """Every date phrase in ``nt.text[start:end]``, impossible dates included (the scan of
    the whole text is done once per text: the document parser and the lint share it)."""
    if start == 0 and end is None:
        return list(nt.memo("dates.scan_raw", lambda: tuple(map(_raw, g.scan(nt.text)))))
    return [_raw(m) for m in g.scan(nt.text, start, end)]


def first_raw(nt: NormalizedText) -> Raw | None:
    """``scan_raw(nt)[0]`` (or ``None``), reading the text only up to that phrase."""
    return next(map(_raw, g.scan(nt.text)), None)


#: What a weekday after a date opens with, after blanks (:data:`~.grammar.WD_AFTER`).
_WD_OPEN = frozenset("(,")
#: The characters that can end a weekday name as :data:`~.grammar.WEEKDAY_PATTERN`
#: matches it (case folded by the engine: ``hai`` ends on i, I, İ or ı); a test derives
#: this set from the pattern over every code point.
WEEKDAY_LAST = frozenset("234567AIMNTUYaimntuyİıƯư")


def weekday_near(s: str, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """A weekday written right after (``(thứ Hai)``, ``, thứ Hai``) or right before the
    date at ``s[start:end]``: its value and normalised span.

    Each pattern runs only where the characters next to the date allow it (after
    blanks, a ``(`` or ``,`` after the date; a character that ends a weekday name
    before it): most dates have neither, and cost a few slices.
    """
    head = s[end : end + 8].lstrip(" \t")
    if head[:1] in _WD_OPEN or (not head and end + 8 < len(s)):
        after = g.WD_AFTER.match(s, end)
        if after is not None:
            k = "a" if after.group("a") is not None else "b"
            return g.weekday_value(after.group(k)), after.span(k)
    lo = start - 24 if start > 24 else 0
    tail = s[lo:start]
    if tail[-1:] == "\n":  # the pattern's ``$`` also matches before a last newline
        tail = tail[:-1]
    tail = tail.rstrip(" \t")
    if tail[-1:] in _WD_OPEN:
        tail = tail[:-1].rstrip(" \t")
    if tail[-1:] not in WEEKDAY_LAST:
        return None
    before = g.WD_BEFORE.search(s, lo, start)
    if before is not None:
        return g.weekday_value(before.group("w")), before.span("w")
    return None


def mention(nt: NormalizedText, r: Raw, value: dt.date) -> DateMention:
    """The :class:`DateMention` of a scanned phrase whose date exists."""
    s = nt.text
    wd = weekday_near(s, r.start, r.end)
    to_original = nt.to_original
    return DateMention(
        value,
        to_original(r.start, r.end),
        r.form,
        r.day_text,
        r.month_text,
        None if wd is None else wd[0],
        None if wd is None else to_original(*wd[1]),
        to_original(*r.day_span),
        to_original(*r.month_span),
        None if wd is None else s[wd[1][0] : wd[1][1]],
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


def first_mention(nt: NormalizedText) -> tuple[DateMention, int, int] | None:
    """``mentions_in(nt)[0]`` (or ``None``), reading the text only up to that date."""
    for m in g.scan(nt.text):
        r = _raw(m)
        value = r.value
        if value is not None:
            return mention(nt, r, value), r.start, r.end
    return None


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
    if nt.is_identity and not isinstance(text, NormalizedText):
        # No other reader shares this text's scan, and its spans are the caller's own:
        # each match becomes its mention directly (a text of nothing but dates costs
        # its scan and one value a date, not a phrase record and span mappings besides).
        return tuple(_mentions_of_matches(nt.text))
    return tuple(m for m, _, _ in mentions_in(nt))


def _mentions_of_matches(s: str) -> Iterator[DateMention]:
    """:func:`mention` of every phrase of :func:`scan_raw` in ``s``, for a text that
    normalisation left as it was (``to_original`` is the identity)."""
    date = dt.date
    for m in g.scan(s):
        if m.lastgroup == "y":  # (as in _raw)
            d, mo, y = m.group("d", "m", "y")
            form, dk, mk = _NUMERIC, "d", "m"
        else:
            d, mo, y = m.group("vd", "vm", "vy")
            form, dk, mk = _WORDS, "vd", "vm"
        try:
            value = date(int(y), _SMALL[mo], _SMALL[d])
        except ValueError:
            continue
        start, end = m.span()
        wd = weekday_near(s, start, end)
        if wd is None:
            yield DateMention(
                value, (start, end), form, d, mo, None, None, m.span(dk), m.span(mk), None
            )
        else:
            yield DateMention(
                value,
                (start, end),
                form,
                d,
                mo,
                wd[0],
                wd[1],
                m.span(dk),
                m.span(mk),
                s[wd[1][0] : wd[1][1]],
            )


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
