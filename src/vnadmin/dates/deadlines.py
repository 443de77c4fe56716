"""Deadlines (thời hạn) and their due instants, per Bộ luật Dân sự 2015 Điều 144–148.

Rules applied (BLDS 2015, Luật số 91/2015/QH13):

* Điều 147: a period in days, weeks, months or years does not count the day of
  the event that starts it; counting starts the next day.
* Điều 148: a period in days ends at 24:00 of its last day; in months, on the
  same day of the last month (or that month's last day if it has no such day);
  **if the last day is a weekly rest day or a public holiday, the period ends at
  the end of the next working day**.
* ``ngày làm việc`` counts only working days of the public-sector calendar
  (:mod:`vnadmin.calendar`).
* ``trước ngày X`` means by the end of the day before X; ``chậm nhất (trong) ngày
  X`` by the end of X; ``trước 16 giờ 00 ngày X`` / ``chậm nhất 10 giờ 00, ngày X``
  by that time on X.

A phrase whose due instant would fall outside 0001-01-01 … 9999-12-31 (``trước ngày
01/01/0001``, or 30 days from an anchor on 20/12/9999) is skipped by the finders — the
other phrases of the text are still read — and :func:`parse_deadline` raises
``ParseError(reason="out_of_range")`` for it. A phrase does not run across a gap of more
than 16 blanks (a column gap of a PDF extraction), and the scan is linear in the text.

``Deadline.due`` is the last allowed instant, timezone-aware in Vietnam time
(:data:`vnadmin.dates.times.VN_TZ`); "24:00" is written as ``23:59:59.999999``.


Verbs: :func:`parse` (:func:`parse_deadline`), :func:`find` (:func:`find_deadlines`),
:func:`format` (:func:`format_deadline`), :func:`check` (one deadline: D111, D113,
D114), :func:`validate`, :func:`is_valid`; :func:`check_deadlines` finds, then checks,
over running text. The dates and times of day in a phrase are read through the one
grammar, :mod:`vnadmin.dates.grammar`.

>>> d = parse_deadline("chậm nhất 10 giờ 00 phút, ngày 29/9/2025")
>>> d.due.isoformat()
'2025-09-29T10:00:00+07:00'
>>> parse_deadline("trước ngày 15/01/2024").due.isoformat()
'2024-01-14T23:59:59.999999+07:00'
>>> r = parse_deadline("trong thời hạn 05 ngày làm việc kể từ ngày nhận được")
>>> r.due is None, r.needs
(True, 'received')
>>> import datetime as dt
>>> parse_deadline("trong thời hạn 05 ngày làm việc kể từ ngày nhận được",
...                received=dt.date(2025, 4, 25)).due_date   # Sat 26/4 worked; 30/4-4/5 off
datetime.date(2025, 5, 6)
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from calendar import monthrange
from collections.abc import Iterator

import attrs

from vnadmin._regex import alternation
from vnadmin.calendar import DEFAULT_CALENDAR, Calendar
from vnadmin.dates import grammar as g
from vnadmin.dates.periods import add_months, period_in
from vnadmin.dates.times import VN_TZ, datetimes_in
from vnadmin.errors import ParseError, ValidationError, VnAdminError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = [
    "Anchor",
    "Deadline",
    "DeadlineKind",
    "Unit",
    "check",
    "check_deadlines",
    "find",
    "find_deadlines",
    "format",
    "format_deadline",
    "is_valid",
    "parse",
    "parse_deadline",
    "validate",
]

D111 = rule("D111")

D113 = rule("D113")
D114 = rule("D114")

_END_OF_DAY = dt.time(23, 59, 59, 999999)


class DeadlineKind(enum.Enum):
    """What sort of deadline."""

    FIXED = "fixed"  #: a stated date (and maybe time)
    RELATIVE = "relative"  #: N days/months … from an event
    RECURRING = "recurring"  #: day N of every month
    PERIOD = "period"  #: within a named period (quý IV/2025)


class Unit(enum.Enum):
    """Unit of a relative deadline."""

    DAY = "day"
    WORKING_DAY = "working_day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Anchor(enum.Enum):
    """The event a relative deadline counts from."""

    RECEIVED = "received"  #: kể từ ngày nhận được (nhận đủ hồ sơ …)
    ISSUED = "issued"  #: kể từ ngày ký / ban hành
    OTHER = "other"  #: any other event


@attrs.frozen
class Deadline:
    """A deadline read from text.

    Attributes:
        kind: :class:`DeadlineKind`.
        due: the last allowed instant (aware, UTC+7), or ``None`` while a
            relative deadline lacks its anchor date (see :attr:`needs`) or for a
            recurring one (see :meth:`next_due`).
        amount: N of a relative deadline.
        unit: :class:`Unit` of a relative deadline (``WORKING_DAY`` counts only
            working days; ``DAY`` counts calendar days).
        anchor: :class:`Anchor` of a relative deadline.
        anchor_text: the event as written (``"nhận được"``).
        anchor_date: the date of that event when given.
        recurring_day: day of the month of a recurring deadline.
        recurring_months: the months it recurs in (``(3, 6, 9, 12)`` for ``tháng cuối
            quý``); empty for every month.
        exclusive_day: True for ``trước ngày X`` (X itself is late).
        span: offsets in the caller's string.
        text: the phrase's own source slice, ``original[span[0]:span[1]]``.
    """

    kind: DeadlineKind
    due: dt.datetime | None
    span: tuple[int, int]
    text: str
    amount: int | None = None
    unit: Unit | None = None
    anchor: Anchor | None = None
    anchor_text: str = ""
    anchor_date: dt.date | None = None
    recurring_day: int | None = None
    exclusive_day: bool = False
    recurring_months: tuple[int, ...] = ()

    @property
    def due_date(self) -> dt.date | None:
        """The calendar day of :attr:`due` (Vietnam time)."""
        return None if self.due is None else self.due.date()

    @property
    def needs(self) -> str | None:
        """What is missing to compute :attr:`due`: ``"received"``, ``"issued"``,
        ``"anchor"``, ``"reference_date"`` (recurring) or ``None``."""
        if self.due is not None:
            return None
        if self.kind is DeadlineKind.RECURRING:
            return "reference_date"
        if self.anchor is Anchor.RECEIVED:
            return "received"
        if self.anchor is Anchor.ISSUED:
            return "issued"
        return "anchor"

    @property
    def is_relative(self) -> bool:
        """True for deadlines counted from an event."""
        return self.kind is DeadlineKind.RELATIVE

    def occurrences(self, after: dt.date) -> Iterator[dt.datetime]:
        """For a recurring deadline, its due instants on or after ``after``, in order,
        up to the last day of year 9999 (day N of a shorter month is its last day). A
        deadline that does not recur yields its :attr:`due`, if known. A recurring day
        outside 1-31 raises :class:`~vnadmin.VnAdminError`.

        >>> import itertools
        >>> d = parse_deadline("trước ngày 31 tháng cuối quý")
        >>> [t.date().isoformat() for t in itertools.islice(d.occurrences(dt.date(2025, 5, 1)), 3)]
        ['2025-06-29', '2025-09-29', '2025-12-30']
        """
        if self.recurring_day is None:
            if self.due is not None:
                yield self.due
            return
        day = self.recurring_day
        if not isinstance(day, int) or not 1 <= day <= 31:
            raise VnAdminError(f"a recurring day is 1-31, not {day!r}")
        months = frozenset(self.recurring_months or range(1, 13))
        if not months & frozenset(range(1, 13)):
            return
        year, month = after.year, after.month
        while year <= 9999:
            if month in months:
                target = dt.date(year, month, min(day, monthrange(year, month)[1]))
                # "trước ngày N": by the end of the day before (there is none before 0001-01-01)
                skip = self.exclusive_day and target == dt.date.min
                if self.exclusive_day and not skip:
                    target -= dt.timedelta(days=1)
                if not skip and target >= after:
                    yield dt.datetime.combine(target, _END_OF_DAY, tzinfo=VN_TZ)
            month += 1
            if month > 12:
                year, month = year + 1, 1

    def next_due(self, after: dt.date) -> dt.datetime | None:
        """For a recurring deadline, the first due instant on or after ``after``."""
        return next(self.occurrences(after), None)

    def is_met(self, at: dt.datetime | dt.date) -> bool | None:
        """True if ``at`` is on time, ``None`` when :attr:`due` is unknown.

        A date alone counts as its start (00:00, Vietnam time).
        """
        if self.due is None:
            return None
        if not isinstance(at, dt.datetime):
            at = dt.datetime.combine(at, dt.time(), tzinfo=VN_TZ)
        elif at.tzinfo is None:
            at = at.replace(tzinfo=VN_TZ)
        return at <= self.due


# --- patterns ---------------------------------------------------------------------

_NUM = r"(?P<n>[0-9]{1,4})(?:\s*\([^()\n]{0,40}\))?"
# The date and the time of day come from the one grammar (vnadmin.dates.grammar).
_DATE = r"(?P<date>" + g.DATE + ")"
_TIME = r"(?P<time>" + g.TIME + ")"
# Every run of blanks is read by one quantifier: an optional word brings its own
# leading blanks ("chậm nhất(?:\s*là)?\s*"), and the event ends on a character that is
# not blank, so the look-ahead's blanks are not also the event's.
_REL = re.compile(
    r"(?:trong(?:\s*(?:thời\s*hạn|vòng))?|chậm\s*nhất(?:\s*là)?(?:\s*sau)?|không\s*quá|sau)\s*"
    + _NUM
    + r"\s*(?P<unit>(?P<u_working_day>ngày\s*làm\s*việc)|(?P<u_day>ngày)|(?P<u_week>tuần)"
    r"|(?P<u_month>tháng)|(?P<u_year>năm))"
    r"\s*(?:,\s*)?(?:kể\s*)?từ(?:\s*(?:ngày|khi|thời\s*điểm))?\s*"
    r"(?P<event>[^\s,.;:()](?:[^,.;:\n()]{0,58}?[^\s,.;:()])?)"
    r"(?=\s*(?:[,.;:\n()]|$|cho\s|để\s|theo\s|và\s|thì\s))",
    re.IGNORECASE,
)
_FIXED = re.compile(
    r"(?P<lead>chậm\s*nhất(?:\s*là)?(?:\s*(?:trong|vào|đến(?:\s*hết)?))?\s*|(?P<truoc>trước)\s*"
    r"|hạn\s*chót(?:\s*là)?\s*|đến\s*hết\s*|hoàn\s*thành\s*trong\s*)"
    r"(?:(?:" + _TIME + r")\s*(?:,\s*)?)?" + _DATE,
    re.IGNORECASE,
)
_RECUR = re.compile(
    r"(?P<lead>(?P<truoc>trước)|chậm\s*nhất(?:\s*là)?|vào)\s*ngày\s*(?P<d>[0-9]{1,2})\s*"
    r"(?:(?:hằng|hàng|mỗi|của\s*mỗi)\s*tháng"
    r"|(?:của\s*)?tháng\s*(?P<q>(?P<q_dau>đầu)|(?P<q_giua>giữa)|(?P<q_cuoi>cuối))"
    r"\s*(?:của\s*)?(?:mỗi\s*|hằng\s*|hàng\s*)?quý)",
    re.IGNORECASE,
)
_QUARTER_MONTHS = {"đầu": (1, 4, 7, 10), "giữa": (2, 5, 8, 11), "cuối": (3, 6, 9, 12)}
# The group of _RECUR that names each part of a quarter (read by group, not by a
# lowered key: the match folds case as the engine does, ``gİữa`` included).
_QUARTER_GROUPS = {"q_dau": "đầu", "q_giua": "giữa", "q_cuoi": "cuối"}
# Words before "trước ngày X" that make it a point in time of a legal rule, not a deadline
# ("khoảng thời gian trước ngày 01-01-2006", "từ … đến trước ngày …", "giao kết trước ngày …").
_NOT_A_DEADLINE = re.compile(
    r"(?:thời\s*gian|thời\s*điểm|khoảng|đến|xảy\s*ra|phát\s*sinh|hiệu\s*lực|ban\s*hành"
    r"|được\s*ký|ký\s*kết|giao\s*kết|xác\s*lập|thụ\s*lý|có|đã|từ)\s*$",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"(?:trong|chậm\s*nhất(?:\s*là)?(?:\s*trong)?|hoàn\s*thành\s*trong)\s*"
    r"(?P<p>quý\s*(?:iv|iii|ii|i|[1-4])(?![\w])\s*(?:/|(?:,\s*)?năm)\s*[0-9]{4}"
    r"|[0-9]{1,2}\s*tháng\s*(?:đầu|cuối)\s*năm\s*[0-9]{4}"
    r"|tháng\s*[0-9]{1,2}\s*(?:/|(?:,\s*)?năm)\s*[0-9]{4}|năm\s*[0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
# The literal first syllable of every trigger, in the three cases documents use:
# a case-sensitive prefilter the engine scans fast; _TRIGGER runs only at its hits.
_TRIGGER_WORDS = ("chậm", "trước", "trong", "không", "hạn", "đến", "hoàn", "vào", "sau")
_TRIGGER_FORMS = tuple((w, (w, w.capitalize(), w.upper())) for w in _TRIGGER_WORDS)
_ANCHOR = re.compile(alternation(v for _, forms in _TRIGGER_FORMS for v in forms))
_TRIGGER = re.compile(
    r"(?P<cham>chậm\s*nhất)|(?P<truoc>trước)|(?P<trong>trong)|(?P<khong>không\s*quá)"
    r"|(?P<han>hạn\s*chót)|(?P<den>đến\s*hết)|(?P<hoan>hoàn\s*thành)|(?P<vao>vào\s*ngày)"
    r"|(?P<sau>sau\s*[0-9])",
    re.IGNORECASE,
)

_RECEIVED = re.compile(r"nhận|tiếp\s*nhận", re.IGNORECASE)
_ISSUED = re.compile(
    r"^(?:ký|ban\s*hành|ký\s*ban\s*hành|thông\s*qua|văn\s*bản\s*này\s*được\s*ký)", re.IGNORECASE
)


def _eod(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, 23, 59, 59, 999999, VN_TZ)


def _relative_due(anchor: dt.date, n: int, unit: Unit, cal: Calendar) -> dt.datetime:
    if unit is Unit.WORKING_DAY:
        return _eod(cal.add_working_days(anchor, n))
    if unit is Unit.DAY:
        last = anchor + dt.timedelta(days=n)
    elif unit is Unit.WEEK:
        last = anchor + dt.timedelta(weeks=n)
    elif unit is Unit.MONTH:
        last = add_months(anchor, n)  # Điều 148: day N, or the month's last
    else:
        last = add_months(anchor, 12 * n)
    return _eod(cal.next_working_day(last))  # Điều 148: roll past rest days and holidays


def _from_match(
    m: re.Match[str],
    nt: NormalizedText,
    issued: dt.date | None,
    received: dt.date | None,
    cal: Calendar,
) -> Deadline | None:
    span = nt.to_original(*m.span())
    text = nt.original[span[0] : span[1]]
    if m.re is _REL:
        n = int(m.group("n"))
        unit = next(u for u in Unit if m.group("u_" + u.value) is not None)
        event = " ".join(m.group("event").split())
        if _RECEIVED.search(event):
            anchor, anchor_date = Anchor.RECEIVED, received
        elif _ISSUED.match(event):
            anchor, anchor_date = Anchor.ISSUED, issued
        else:
            anchor, anchor_date = Anchor.OTHER, None
        due = _relative_due(anchor_date, n, unit, cal) if anchor_date is not None else None
        return Deadline(DeadlineKind.RELATIVE, due, span, text, n, unit, anchor, event, anchor_date)
    if m.re is _RECUR:
        day = int(m.group("d"))
        if not 1 <= day <= 31:
            return None
        exclusive = m.group("truoc") is not None
        q = next((w for k, w in _QUARTER_GROUPS.items() if m.group(k) is not None), None)
        return Deadline(
            DeadlineKind.RECURRING,
            None,
            span,
            text,
            recurring_day=day,
            exclusive_day=exclusive,
            recurring_months=_QUARTER_MONTHS[q] if q else (),
        )
    if m.re is _PERIOD:
        try:
            p = period_in(nt, *m.span("p"))
        except ParseError:
            return None
        return Deadline(DeadlineKind.PERIOD, _eod(p.end), span, text)
    # fixed
    when = g.date_of_match(m)
    if when is None:  # no such day (31/02)
        return None
    if m.group("time") is not None:
        h = int(m.group("h"))
        mi = int(m.group("mi") or 0)
        if h > 23 or mi > 59:
            return None
        due = dt.datetime(when.year, when.month, when.day, h, mi, tzinfo=VN_TZ)
        return Deadline(DeadlineKind.FIXED, due, span, text)
    if m.group("truoc") is not None:
        if _NOT_A_DEADLINE.search(nt.text, max(0, m.start() - 24), m.start()):
            return None
        return Deadline(
            DeadlineKind.FIXED, _eod(when - dt.timedelta(days=1)), span, text, exclusive_day=True
        )
    return Deadline(DeadlineKind.FIXED, _eod(when), span, text)


# Which phrases each trigger word can start (the four shapes exclude one another: a
# fixed date needs d/m/yyyy or a time, a relative one "kể từ", a recurring one "hằng
# tháng", a period "quý"/"đầu"/"cuối"/"năm"), the commonest first.
_BY_TRIGGER: dict[str | None, tuple[re.Pattern[str], ...]] = {
    "cham": (_FIXED, _REL, _PERIOD, _RECUR),
    "truoc": (_FIXED, _RECUR),
    "trong": (_REL, _PERIOD),
    "khong": (_REL,),
    "han": (_FIXED,),
    "den": (_FIXED,),
    "hoan": (_PERIOD, _FIXED),
    "vao": (_RECUR,),
    "sau": (_REL,),
}
_WINDOW = 240
# A phrase does not run across a gap of more than _GAP blanks (a column gap of a PDF
# extraction): the window of a trigger ends that far into the next such gap, so the
# blanks of a phrase's optional words are never read again and again over a long run.
_GAP = 16
_GAPS = re.compile(r"\s{" + str(_GAP + 1) + ",}")
# Every phrase of _BY_TRIGGER holds an ASCII digit (a date, an amount, a year, a day).
_DIGIT = re.compile("[0-9]")


def triggers(s: str) -> Iterator[re.Match[str]]:
    """The trigger words of ``s`` (what ``_TRIGGER.finditer`` gives for the usual
    cases), found through the case-sensitive prefilter."""
    pos = 0
    match = _TRIGGER.match
    for at in _anchors(s):
        if at < pos:
            continue
        t = match(s, at)
        if t is not None:
            yield t
            pos = t.end()


def _anchors(s: str) -> list[int]:
    """Where a trigger word starts in ``s`` (in lower case, capitalised or in capitals:
    what ``_ANCHOR`` finds), in order. Each word is found by ``str.find`` on the lower-case
    text, much faster than a pattern that must stop at every ``t``, ``c`` or ``h``."""
    low = s.lower()
    if len(low) != len(s):  # (a character that lowers to two: positions would shift)
        out, pos = [], 0
        while (hit := _ANCHOR.search(s, pos)) is not None:
            out.append(hit.start())
            pos = hit.start() + 1
        return out
    found: list[int] = []
    for word, forms in _TRIGGER_FORMS:
        n = len(word)
        i = low.find(word)
        while i >= 0:
            if s[i : i + n] in forms:
                found.append(i)
            i = low.find(word, i + n)
    found.sort()
    return found


def _scan(
    nt: NormalizedText,
    issued: dt.date | None,
    received: dt.date | None,
    cal: Calendar,
    *,
    first: bool = False,
    skipped: list[tuple[int, int]] | None = None,
) -> list[Deadline]:
    """The deadlines of ``nt``, left to right. A phrase whose due instant would fall
    outside the range of dates (``trước ngày 01/01/0001``) is skipped (its normalised
    span appended to ``skipped``), and the scan goes on: one bad phrase never costs the
    others."""
    s = nt.text
    out: list[Deadline] = []
    pos = 0
    trigger = _TRIGGER.match
    scan_at = 0
    # the first long run of blanks at or after ``known_from`` starts at ``nxt`` (None: no
    # run starts before ``known_to``): found as the triggers need it, each blank read once
    known_from = known_to = 0
    nxt: int | None = None
    digit = -1  # the first ASCII digit at or after the last trigger looked at
    for hit in _anchors(s):
        # the prefiltered triggers (what triggers(s) yields), inlined: this loop is hot
        if hit < scan_at:
            continue
        t = trigger(s, hit)
        if t is None:
            continue
        scan_at = t.end()
        at = t.start()
        if at < pos or (at > 0 and s[at - 1].isalnum()):
            continue
        need_to = at + _WINDOW - _GAP  # (a run from there on leaves the window whole)
        if not (
            known_from <= at
            and ((nxt is not None and nxt >= at) or (nxt is None and known_to >= need_to))
        ):
            lo = known_to if nxt is None and known_from <= at <= known_to else at
            run = _GAPS.search(s, lo, need_to + _GAP + 1)
            known_from, known_to, nxt = at, need_to, run.start() if run else None
        stop = at + _WINDOW if nxt is None else min(at + _WINDOW, nxt + _GAP)
        if digit < at:
            hit_digit = _DIGIT.search(s, at)
            digit = hit_digit.start() if hit_digit else len(s)
        if digit >= stop:
            continue  # every phrase holds a number: none can start here
        for pattern in _BY_TRIGGER[t.lastgroup]:
            # phrases are short: bounding the window keeps the scan linear
            m = pattern.match(s, at, stop)
            if m is None:
                continue
            try:
                d = _from_match(m, nt, issued, received, cal)
            except (ValueError, OverflowError):  # a date out of range: this phrase only
                if skipped is not None:
                    skipped.append(m.span())
                continue
            if d is not None:
                out.append(d)
                if first:
                    return out
                pos = m.end()
                break
    return out


def find_deadlines(
    text: Source,
    *,
    issued: dt.date | None = None,
    received: dt.date | None = None,
    calendar: Calendar | None = None,
) -> tuple[Deadline, ...]:
    """Every deadline phrase in ``text``. Never raises.

    >>> [d.due_date for d in find_deadlines("hoàn thành chậm nhất trong ngày 12/01/2024.")]
    [datetime.date(2024, 1, 12)]
    """
    nt = as_normalized(text)
    return tuple(_scan(nt, issued, received, calendar or DEFAULT_CALENDAR))


def parse_deadline(
    text: Source,
    *,
    issued: dt.date | None = None,
    received: dt.date | None = None,
    calendar: Calendar | None = None,
) -> Deadline:
    """Read one deadline phrase (the first one in ``text``).

    ``issued`` and ``received`` are the anchor dates of ``kể từ ngày ký`` /
    ``ban hành`` and ``kể từ ngày nhận được`` periods. ``ParseError`` reasons:
    ``empty``, ``no_deadline``, ``out_of_range``.

    >>> d = parse_deadline("trong 30 ngày kể từ ngày ký", issued=dt.date(2025, 8, 2))
    >>> d.due_date, d.unit.value      # 01/9 is a holiday, 02/9 too: rolls to 03/9
    (datetime.date(2025, 9, 3), 'day')
    >>> parse_deadline("trước ngày 20 hằng tháng").next_due(dt.date(2025, 3, 25)).date()
    datetime.date(2025, 4, 19)
    >>> parse_deadline("trong quý IV/2025").due_date
    datetime.date(2025, 12, 31)
    """
    nt = as_normalized(text)
    original = nt.original
    if not nt.text.strip():
        raise ParseError(
            "empty", input=original, span=(0, len(original)), reason="empty", expected="a deadline"
        )
    skipped: list[tuple[int, int]] = []
    found = _scan(nt, issued, received, calendar or DEFAULT_CALENDAR, first=True, skipped=skipped)
    if not found and skipped:
        raise ParseError(
            "date out of range",
            input=original,
            span=nt.to_original(*skipped[0]),
            reason="out_of_range",
            expected="a deadline between 0001-01-01 and 9999-12-31",
        )
    if not found:
        raise ParseError(
            "no deadline found",
            input=original,
            span=(0, len(original)),
            reason="no_deadline",
            expected="a deadline such as 'chậm nhất ngày 15/10/2025' or 'trong 05 ngày làm việc kể từ …'",
        )
    return found[0]


_UNIT_WORDS = {
    Unit.DAY: "ngày",
    Unit.WORKING_DAY: "ngày làm việc",
    Unit.WEEK: "tuần",
    Unit.MONTH: "tháng",
    Unit.YEAR: "năm",
}
_QUARTER_WORD: dict[tuple[int, ...], str] = {v: k for k, v in _QUARTER_MONTHS.items()}


def format_deadline(value: Deadline) -> str:
    """The canonical phrase of a deadline: ``parse_deadline(format_deadline(d))`` reads
    the same deadline back (with the same ``issued`` / ``received`` dates). A value
    that names no deadline (a relative one without its amount, a due instant that is
    out of range in Vietnam time) raises :class:`~vnadmin.VnAdminError`.

    >>> format_deadline(parse_deadline("hạn chót là 16 giờ ngày 20/10/2025"))
    'chậm nhất 16 giờ 00, ngày 20/10/2025'
    >>> format_deadline(parse_deadline("trước ngày 20 hằng tháng"))
    'trước ngày 20 hằng tháng'
    """
    try:
        return _format(value)
    except (AssertionError, KeyError, ValueError, OverflowError, TypeError, AttributeError):
        raise VnAdminError(f"cannot write this deadline: {value!r}"[:300]) from None


def _format(value: Deadline) -> str:
    k = value.kind
    if k is DeadlineKind.RELATIVE:
        assert value.amount is not None and value.unit is not None
        return (
            f"trong thời hạn {value.amount:02d} {_UNIT_WORDS[value.unit]} kể từ ngày "
            f"{value.anchor_text}"
        )
    if k is DeadlineKind.RECURRING:
        lead = "trước" if value.exclusive_day else "chậm nhất"
        if value.recurring_months:
            where = f"tháng {_QUARTER_WORD[value.recurring_months]} quý"
        else:
            where = "hằng tháng"
        return f"{lead} ngày {value.recurring_day} {where}"
    assert value.due is not None
    due = value.due.astimezone(VN_TZ)
    if k is DeadlineKind.PERIOD:
        return f"chậm nhất trong tháng {due.month}/{due.year}"
    if value.exclusive_day:
        return f"trước ngày {due.date() + dt.timedelta(days=1):%d/%m/%Y}"
    if due.timetz().replace(tzinfo=None) == _END_OF_DAY:
        return f"chậm nhất ngày {due:%d/%m/%Y}"
    return f"chậm nhất {due:%H} giờ {due:%M}, ngày {due:%d/%m/%Y}"


# The time field of an invitation or a meeting notice ("2. Thời gian: từ 14 giờ 00, ngày …").
_EVENT_FIELD = re.compile(
    r"^[ \t]*(?:[0-9]+[.)][ \t]*|[-+*•][ \t]*)?Thời[ \t]+gian"
    r"(?:[ \t]+(?:họp|tổ[ \t]+chức|khai[ \t]+mạc|làm[ \t]+việc|diễn[ \t]+ra))?[ \t]*:(?P<rest>[^\n]*)",
    re.MULTILINE,
)


_REFERENCE_POINT_DAYS = 31


def event_start(text: Source) -> dt.datetime | None:
    """When the event a document announces starts: the first date-time of its
    ``Thời gian:`` field, if it has one.

    >>> event_start("2. Thời gian: 14 giờ 00, ngày 29/9/2025.").isoformat()
    '2025-09-29T14:00:00+07:00'
    """
    nt = as_normalized(text)
    for m in _EVENT_FIELD.finditer(nt.text):
        found = datetimes_in(nt, *m.span("rest"))
        if found:
            return found[0].value
    return None


def check(
    value: Deadline,
    *,
    issued: dt.date | None = None,
    event: dt.datetime | None = None,
    calendar: Calendar | None = None,
) -> tuple[Finding, ...]:
    """Findings for one deadline.

    D111: a stated due date on a day off (BLDS Điều 148; not for ``trước ngày X``, whose
    bound is X itself). D113: a fixed deadline before ``issued``, the document's date of
    issue — except ``trước ngày X`` more than a month before it, which is read as a point
    of reference of a rule (``hợp đồng được thực hiện xong trước ngày 01-01-2017``), not a
    deadline. D114: a fixed deadline after ``event``, the start of the event the document
    announces (see :func:`event_start`).

    >>> [f.rule for f in check(parse_deadline("chậm nhất ngày 01/9/2025"))]
    ['D111']
    """
    d = value
    if d.kind is not DeadlineKind.FIXED or d.due is None:
        return ()
    cal = calendar or DEFAULT_CALENDAR
    out: list[Finding] = []
    day = d.due.date()
    due = f"{day:%d/%m/%Y}"
    if not cal.is_working_day(day) and not d.exclusive_day:
        try:
            moved = f"{cal.next_working_day(day):%d/%m/%Y}"
        except VnAdminError:  # no working day left before 9999-12-31
            moved = "…"
        out.append(D111.finding(d.span, date=due, moved=moved))
    if (
        issued is not None
        and day < issued
        and not (d.exclusive_day and (issued - day).days > _REFERENCE_POINT_DAYS)
    ):
        out.append(D113.finding(d.span, due=due, date=f"{issued:%d/%m/%Y}"))
    if event is not None and event.tzinfo is None:
        event = event.replace(tzinfo=VN_TZ)  # a naive instant is Vietnam time
    if event is not None and d.due > event:
        out.append(D114.finding(d.span, due=due, event=f"{event:%H:%M %d/%m/%Y}"))
    return tuple(out)


def check_deadlines(
    text: Source,
    *,
    issued: dt.date | None = None,
    received: dt.date | None = None,
    calendar: Calendar | None = None,
) -> tuple[Finding, ...]:
    """Findings for the deadlines of running text: find them, then :func:`check` each
    (``event`` is the start of the text's ``Thời gian:`` field). Never raises.

    >>> [f.rule for f in check_deadlines("chậm nhất ngày 01/9/2025")]
    ['D111']
    >>> text = "2. Thời gian: 14 giờ 00, ngày 29/9/2025.\\nĐăng ký chậm nhất ngày 30/9/2025."
    >>> [f.rule for f in check_deadlines(text, issued=dt.date(2025, 10, 1))]
    ['D113', 'D114']
    """
    nt = as_normalized(text)
    cal = calendar or DEFAULT_CALENDAR
    event = event_start(nt)
    out: list[Finding] = []
    for d in find_deadlines(nt, issued=issued, received=received, calendar=cal):
        out.extend(check(d, issued=issued, event=event, calendar=cal))
    return tuple(out)


def validate(
    value: Deadline | Source,
    *,
    issued: dt.date | None = None,
    received: dt.date | None = None,
    event: dt.datetime | None = None,
    calendar: Calendar | None = None,
) -> Deadline:
    """The deadline (a string: the first one it holds) when no finding is an error,
    else :class:`~vnadmin.ValidationError`; an unreadable string raises ``ParseError``.

    >>> validate("chậm nhất ngày 15/10/2025").due_date
    datetime.date(2025, 10, 15)
    """
    d = (
        value
        if isinstance(value, Deadline)
        else parse_deadline(value, issued=issued, received=received, calendar=calendar)
    )
    findings = check(d, issued=issued, event=event, calendar=calendar)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return d


def is_valid(value: object, **kwargs: object) -> bool:
    """True if ``value`` is (or reads as) a deadline with no ERROR finding. Never raises.

    >>> is_valid("trước ngày 15/01/2024"), is_valid("xin chào"), is_valid(None)
    (True, False, False)
    """
    if not isinstance(value, (str, NormalizedText, Deadline)):
        return False
    try:
        validate(value, **kwargs)  # type: ignore[arg-type]
    except (ParseError, ValidationError, TypeError):
        return False
    return True


#: ``parse(text) -> Deadline`` (:func:`parse_deadline`).
parse = parse_deadline
#: ``find(source) -> tuple[Deadline, ...]`` (:func:`find_deadlines`).
find = find_deadlines
#: ``format(deadline) -> str`` (:func:`format_deadline`).
format = format_deadline
