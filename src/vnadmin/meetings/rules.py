"""The rule family ``M``: meetings and the duties of a document, checked against the
chế độ họp of QĐ 45/2018/QĐ-TTg and the one-lead rule of the Quy chế làm việc mẫu
(NĐ 39/2022/NĐ-CP).

* M101 — a Giấy mời dated fewer than :data:`NOTICE_DAYS` working days before its meeting;
* M102 — a Thông báo kết luận dated more than :data:`CONCLUSION_DAYS` working days after
  the meeting it reports;
* M103 — a preparation deadline of a Giấy mời after the meeting starts;
* M104 — a duty that names no lead (info);
* M105 — a deadline on a stated date that is a day off of the civil-service calendar
  (not a month or a quarter that ends on one);
* M106 — a duty written with more than one lead (``Sở A, Sở B chủ trì …``): NĐ 39/2022
  wants one chủ trì per duty, the others phối hợp (one finding per duty, not per row).

The two day counts are parameters of :func:`check`: agencies' own working rules differ
(3 working days for a conclusion notice in some).

>>> import vnadmin
>>> doc = vnadmin.parse_document(
...     "ỦY BAN NHÂN DÂN TỈNH X\\nSố: 05/GM-UBND\\nX, ngày 20 tháng 01 năm 2026\\nGIẤY MỜI\\n"
...     "Họp bàn\\n\\n1. Chủ trì: Đồng chí A, Chủ tịch UBND tỉnh.\\n"
...     "2. Thời gian: 14 giờ 00, ngày 21/01/2026.\\n3. Địa điểm: Phòng họp số 1.\\n")
>>> [f.rule for f in check(doc)]
['M101']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vnadmin.dates.deadlines import DeadlineKind
from vnadmin.errors import VnAdminError
from vnadmin.findings import Finding, rule

if TYPE_CHECKING:
    from vnadmin.calendar import Calendar
    from vnadmin.document import Document
    from vnadmin.text import NormalizedText

__all__ = ["CONCLUSION_DAYS", "NOTICE_DAYS", "check"]

#: Working days a Giấy mời must reach invitees before a regular meeting (QĐ 45/2018).
NOTICE_DAYS = 3
#: Working days after a meeting within which its conclusion notice is issued (QĐ 45/2018).
CONCLUSION_DAYS = 5

M101, M102, M103, M104, M105, M106 = (rule(f"M10{k}") for k in range(1, 7))


def check(
    doc: Document,
    nt: NormalizedText | None = None,
    *,
    notice_days: int = NOTICE_DAYS,
    conclusion_days: int = CONCLUSION_DAYS,
    calendar: Calendar | None = None,
) -> Iterator[Finding]:
    """The M findings of ``doc`` (its meeting and its duties). ``nt`` is the normalised
    text the document was parsed from, when the caller has it (:func:`vnadmin.lint`): the
    meeting and the duties are then read from it, not normalised again."""
    from vnadmin.calendar import Calendar as _Calendar
    from vnadmin.meetings.parser import parse_meeting
    from vnadmin.tasks import find_tasks

    cal = calendar if calendar is not None else _Calendar()
    meeting = doc.meeting if nt is None else parse_meeting(nt)
    tasks = doc.tasks if nt is None else find_tasks(nt)
    issued = doc.date
    span = doc.span_of("place_date")
    if meeting is not None and meeting.start is not None and issued is not None:
        day = meeting.start.date()
        try:
            if doc.type_name == "Giấy mời" and not meeting.held and day >= issued:
                days = cal.working_days_between(issued, day)
                if days < notice_days:
                    yield M101.finding(
                        span, issued=_d(issued), meeting=_d(day), days=days, minimum=notice_days
                    )
            if meeting.held and doc.type_name == "Thông báo" and issued >= day:
                days = cal.working_days_between(day, issued)
                if days > conclusion_days:
                    yield M102.finding(
                        span, issued=_d(issued), meeting=_d(day), days=days, maximum=conclusion_days
                    )
        except VnAdminError:  # pragma: no cover - dates outside the calendar's years
            pass
    several: set[tuple[int, int]] = set()
    for task in tasks:
        if task.execution_clause:
            continue
        if task.lead is None:
            yield M104.finding(task.span, action=task.action[:80])
        if task.co_leads and task.span not in several:
            several.add(task.span)
            names = (task.lead, *task.co_leads) if task.lead is not None else task.co_leads
            yield M106.finding(
                task.span,
                count=len(names),
                leads=", ".join(p.name for p in names),
                action=task.action[:80],
            )
        due = task.deadline.due if task.deadline is not None else None
        if due is None:
            continue
        if (
            meeting is not None
            and meeting.start is not None
            and not meeting.held
            and doc.type_name == "Giấy mời"
            and due > meeting.start
            and meeting.time_known
        ):
            yield M103.finding(
                task.deadline.span if task.deadline is not None else task.span,
                due=_d(due.date()),
                meeting=meeting.start.strftime("%H:%M %d/%m/%Y"),
            )
        try:
            off = not cal.is_working_day(due.date())
        except VnAdminError:  # pragma: no cover - outside the calendar's years
            off = False
        if off and task.deadline is not None and task.deadline.kind is DeadlineKind.FIXED:
            yield M105.finding(
                task.deadline.span, due=_d(due.date()), day=_weekday(due.date(), cal)
            )


def _d(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _weekday(day: dt.date, cal: Calendar) -> str:
    if day.weekday() == 6:
        return "Chủ nhật"
    if day.weekday() == 5:
        return "thứ Bảy"
    return "ngày lễ, nghỉ"
