"""Recurring duties: :class:`Recurrence`, read from a duty's text by :func:`find_recurrence`
and expanded to due days through :mod:`dateutil.rrule`.

Periodic reporting is written as a period word and, often, a day rule (research note
``tasks.md`` §1.1 and §4.2; QĐ 23/2018/QĐ-TTg, Điều 12 on periodic reports): ``hằng
tháng``, ``hằng quý``, ``định kỳ 6 tháng/lần`` or ``06 tháng``, ``hằng năm``, ``hằng
tuần``, ``hằng ngày``, with ``trước ngày 15 hằng tháng``, ``trước ngày 15 tháng cuối
quý``, ``trước ngày 20 của tháng đầu quý``, ``trước ngày 15/12 hằng năm``. A day rule
written ``trước ngày X`` makes the duty due on the day before X (the same reading as
:class:`vnadmin.dates.deadlines.Deadline`); ``chậm nhất ngày X`` / ``ngày X`` on X. A
period without a day rule is due on the period's last day. A day the month does not have
(``ngày 31`` in April) falls on the month's last day.

>>> import datetime as dt
>>> r = find_recurrence("Báo cáo định kỳ hằng quý trước ngày 15 tháng cuối quý.")
>>> r.freq, r.day, r.month_of_period, r.before
(<Frequency.QUARTERLY: 'quarterly'>, 15, 'last', True)
>>> [d.isoformat() for d in r.occurrences(dt.date(2026, 1, 1), dt.date(2026, 12, 31))]
['2026-03-14', '2026-06-14', '2026-09-14', '2026-12-14']
>>> r = find_recurrence("gửi báo cáo 6 tháng/lần")
>>> [d.isoformat() for d in r.occurrences(dt.date(2026, 1, 1), dt.date(2027, 1, 1))]
['2026-06-30', '2026-12-31']
"""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs
from dateutil import rrule

__all__ = ["Frequency", "Recurrence", "find_recurrence"]


class Frequency(enum.Enum):
    """The period of a recurring duty."""

    DAILY = "daily"  #: hằng ngày
    WEEKLY = "weekly"  #: hằng tuần
    MONTHLY = "monthly"  #: hằng tháng
    QUARTERLY = "quarterly"  #: hằng quý
    HALF_YEARLY = "half_yearly"  #: 6 tháng (một lần), 6 tháng đầu năm / cuối năm
    YEARLY = "yearly"  #: hằng năm, định kỳ năm


_MONTHS = {
    Frequency.MONTHLY: tuple(range(1, 13)),
    Frequency.QUARTERLY: (3, 6, 9, 12),
    Frequency.HALF_YEARLY: (6, 12),
    Frequency.YEARLY: (12,),
}
_FIRST_MONTHS = {
    Frequency.QUARTERLY: (1, 4, 7, 10),
    Frequency.HALF_YEARLY: (1, 7),
    Frequency.YEARLY: (1,),
}
_WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}


@attrs.frozen(slots=True)
class Recurrence:
    """A recurring duty's period and day rule.

    Attributes:
        freq: :class:`Frequency`.
        day: the day of the month of the rule (``15`` in ``trước ngày 15 …``), or
            ``None`` (the period's last day).
        month: for a yearly rule with a printed month (``trước ngày 15/12 hằng năm``).
        month_of_period: ``"first"`` or ``"last"`` (``tháng đầu quý`` / ``tháng cuối
            quý``), ``None`` for a monthly rule or the default (the period's last month).
        weekday: for a weekly rule, Monday = 0 (``thứ Sáu hằng tuần`` gives 4), or ``None``.
        before: the rule reads ``trước ngày X``: due on the day before X.
        text: the phrase as written (whitespace collapsed).
    """

    freq: Frequency
    day: int | None = None
    month: int | None = None
    month_of_period: str | None = None
    weekday: int | None = None
    before: bool = False
    text: str = ""

    def occurrences(self, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
        """The due days from ``start`` to ``end`` (both included), in order, through
        :func:`dateutil.rrule.rrule`; at most 1000 days."""
        if end < start:
            return ()
        shift = dt.timedelta(days=1 if self.before else 0)
        first = dt.datetime.combine(start + shift, dt.time())
        last = dt.datetime.combine(end + shift, dt.time())
        rule: rrule.rrule
        if self.freq is Frequency.DAILY:
            rule = rrule.rrule(rrule.DAILY, dtstart=first, until=last, count=None)
        elif self.freq is Frequency.WEEKLY:
            wd = 4 if self.weekday is None else self.weekday  # the week's last working day
            rule = rrule.rrule(rrule.WEEKLY, dtstart=first, until=last, byweekday=wd)
        else:
            if self.month is not None:
                months: tuple[int, ...] = (self.month,)
            elif self.month_of_period == "first" and self.freq in _FIRST_MONTHS:
                months = _FIRST_MONTHS[self.freq]
            else:
                months = _MONTHS[self.freq]
            days = (-1,) if self.day is None else (self.day, -1)
            rule = rrule.rrule(
                rrule.MONTHLY,
                dtstart=first,
                until=last,
                bymonth=months,
                bymonthday=days,
                bysetpos=1,
            )
        out: list[dt.date] = []
        for when in rule:
            out.append(when.date() - shift)
            if len(out) >= 1000:
                break
        return tuple(out)


_WS = r"[ \t\n]+"
# After the first letter of a phrase: no letter or digit before that one (the first op of
# every alternative is a literal, so the engine skips in C to the next h, m, t, đ, 0 or 6
# of the lower-cased text and tries nothing in between: a look-ahead or a case-insensitive
# first letter made it try the whole pattern at every position, ~90 ns a character).
_START = r"(?<!\w.)"
_END = r"(?!\w)"
_UNIT = r"(?:tuần|ngày(?![ \t\n]*\d)|tháng|quý|năm)"
_HALF = rf"{_WS}tháng(?:{_WS}(?:một|1){_WS}lần|/{_WS}?lần|{_WS}đầu{_WS}năm)?"
# Matched on the lower-cased text (see find_recurrence): "hằng/hàng/mỗi <unit>", "theo
# quý/năm", "định kỳ quý/năm", "(0)6 tháng (một lần, /lần, đầu năm)".
_PERIOD = re.compile(
    rf"h{_START}[àằ]ng{_WS}{_UNIT}{_END}|m{_START}ỗi{_WS}{_UNIT}{_END}"
    rf"|t{_START}heo{_WS}(?:quý|năm){_END}|đ{_START}ịnh{_WS}kỳ{_WS}(?:quý|năm){_END}"
    rf"|0{_START}6{_HALF}{_END}|6{_START}{_HALF}{_END}"
)
_FREQ_BY_UNIT = {
    "tuần": Frequency.WEEKLY,
    "ngày": Frequency.DAILY,
    "tháng": Frequency.MONTHLY,
    "quý": Frequency.QUARTERLY,
    "năm": Frequency.YEARLY,
}
_DAY_RULE = re.compile(
    r"(?<!\w)(?P<kw>trước|chậm[ \t\n]+nhất(?:[ \t\n]+(?:là|vào))?|vào|trong)[ \t\n]+ngày[ \t\n]+"
    r"(?P<d>\d{1,2})(?:[ \t\n]*/[ \t\n]*(?P<m>\d{1,2})(?![ \t\n]*/[ \t\n]*\d))?"
    r"(?P<tail>(?:[ \t\n]+(?:của|các))?[ \t\n]+tháng[ \t\n]+(?P<pos>đầu|cuối)[ \t\n]+(?:quý|kỳ))?",
    re.IGNORECASE,
)
_WEEKDAY_RULE = re.compile(r"(?<!\w)thứ[ \t\n]+(hai|ba|tư|năm|sáu|bảy)(?!\w)", re.IGNORECASE)


def find_recurrence(text: str) -> Recurrence | None:
    """The recurrence a duty's text states, or ``None`` (one-off, ``thường xuyên`` or a
    bare ``định kỳ`` without a period). The first period word wins; the day rule is the
    first ``trước ngày N`` / ``chậm nhất ngày N`` of the text not followed by a year."""
    if not isinstance(text, str):
        return None
    low = text.lower()
    if len(low) != len(text):  # (İ is the one letter whose lower case is two)
        low = text.replace("\u0130", "i").lower()
    m = _PERIOD.search(low)
    if m is None:
        return None
    phrase_words = m.group().split()
    if phrase_words[0] in ("06", "6"):
        freq = Frequency.HALF_YEARLY
    else:
        freq = _FREQ_BY_UNIT[phrase_words[-1]]
    lo, hi = max(0, m.start() - 120), min(len(text), m.end() + 120)
    day = month = weekday = None
    pos = None
    before = False
    phrase = (m.start(), m.end())
    if freq is Frequency.WEEKLY:
        wm = _WEEKDAY_RULE.search(text, lo, hi)
        if wm is not None:
            weekday = _WEEKDAYS[wm.group(1).casefold()]
    elif freq is not Frequency.DAILY:
        for dm in _DAY_RULE.finditer(text, lo, hi):
            after = text[dm.end() : dm.end() + 12]
            if re.match(r"[ \t\n]*(?:/|năm|-)[ \t\n]*\d", after):
                continue  # a full date: a one-off deadline, not the rule
            d = int(dm.group("d"))
            mo = int(dm.group("m")) if dm.group("m") else None
            if not 1 <= d <= 31 or (mo is not None and not 1 <= mo <= 12):
                continue
            day = d
            if mo is not None and freq in (Frequency.YEARLY, Frequency.HALF_YEARLY):
                month = mo if freq is Frequency.YEARLY else None
                if freq is Frequency.HALF_YEARLY:
                    pos = "first" if mo in (1, 7) else None
            if dm.group("pos"):
                pos = "first" if dm.group("pos").casefold() == "đầu" else "last"
            before = dm.group("kw").casefold() == "trước"
            phrase = (min(phrase[0], dm.start()), max(phrase[1], dm.end()))
            break
    return Recurrence(
        freq=freq,
        day=day,
        month=month,
        month_of_period=pos,
        weekday=weekday,
        before=before,
        text=" ".join(text[phrase[0] : phrase[1]].split()),
    )
