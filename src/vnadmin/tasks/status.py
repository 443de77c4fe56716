"""The deadline state of a task, derived from (deadline, completion day, today).

Practice followed (research note §3.2, after the VOffice/iOffice trackers and the VPCP
wording "đang triển khai trong hạn" / "đã quá hạn chưa hoàn thành"): the deadline day
itself is still in time (a task is overdue from the day after its due day); a task is
"due soon" when at most ``soon`` working days of the calendar (:mod:`vnadmin.calendar`)
remain; a recurring deadline is judged against its next occurrence on or after today
(or on or after the completion day).

>>> import datetime as dt
>>> from vnadmin.tasks import find_tasks
>>> t = find_tasks("Giao Sở Nội vụ báo cáo UBND tỉnh trước ngày 15/01/2024.")[0]
>>> task_status(t, dt.date(2024, 1, 14)).value
'due_soon'
>>> task_status(t, dt.date(2024, 1, 15)).value
'overdue'
"""

from __future__ import annotations

import datetime as dt

from vnadmin.calendar import DEFAULT_CALENDAR, Calendar
from vnadmin.errors import VnAdminError
from vnadmin.tasks.model import Task, TaskStatus

__all__ = ["due_day", "task_status"]


def due_day(task: Task, today: dt.date) -> dt.date | None:
    """The last day the task is in time, or ``None`` when none can be computed."""
    d = task.deadline
    if d is None:
        return None
    if d.due is not None:
        return d.due_date
    try:
        nxt = d.next_due(today)
    except Exception:
        return None
    return None if nxt is None else nxt.date()


def task_status(
    task: Task,
    today: dt.date,
    completed_on: dt.date | None = None,
    calendar: Calendar | None = None,
    *,
    soon: int = 3,
) -> TaskStatus:
    """The :class:`TaskStatus` of ``task`` on ``today``.

    ``completed_on`` is the day the task was done (``None``: not done). ``soon`` is the
    warning window in working days (agencies differ: 3 to 5).
    """
    if not isinstance(today, dt.date) or (
        completed_on is not None and not isinstance(completed_on, dt.date)
    ):
        raise VnAdminError("today and completed_on must be dates")
    if isinstance(today, dt.datetime):
        today = today.date()
    if isinstance(completed_on, dt.datetime):
        completed_on = completed_on.date()
    cal = DEFAULT_CALENDAR if calendar is None else calendar
    due = due_day(task, completed_on if completed_on is not None else today)
    if due is None:
        return TaskStatus.NO_DEADLINE
    if completed_on is not None:
        return TaskStatus.DONE_ON_TIME if completed_on <= due else TaskStatus.DONE_LATE
    if today > due:
        return TaskStatus.OVERDUE
    try:
        left = cal.working_days_between(today, due)
    except Exception:
        left = (due - today).days
    return TaskStatus.DUE_SOON if left <= soon else TaskStatus.NOT_DUE
