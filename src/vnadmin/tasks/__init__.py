"""Tasks (nhiệm vụ): who must do what, with whom, by when (issue 12, research note tasks.md).

Verbs: :func:`find` (:func:`find_tasks`), :func:`parse` (one task sentence),
:func:`format` (:func:`format_task`); :func:`task_status` derives the deadline state.

>>> t = parse("Sở Khoa học và Công nghệ chủ trì, phối hợp với Viễn thông Lạng Sơn chuẩn bị "
...           "đường truyền chậm nhất ngày 29/9/2025.")
>>> t.lead.name, t.collaborators[0].name, t.deadline.due_date.isoformat()
('Sở Khoa học và Công nghệ', 'Viễn thông Lạng Sơn', '2025-09-29')
"""

from __future__ import annotations

from vnadmin.errors import ParseError
from vnadmin.tasks.finder import find_tasks
from vnadmin.tasks.formatter import format_task
from vnadmin.tasks.model import Party, PartyKind, Task, TaskStatus
from vnadmin.tasks.recurrence import Frequency, Recurrence, find_recurrence
from vnadmin.tasks.status import due_day, task_status
from vnadmin.text import NormalizedText

__all__ = [
    "Frequency",
    "Party",
    "PartyKind",
    "Recurrence",
    "Task",
    "TaskStatus",
    "due_day",
    "find",
    "find_recurrence",
    "find_tasks",
    "format",
    "format_task",
    "parse",
    "task_status",
]

find = find_tasks
format = format_task


def parse(text: str | NormalizedText) -> Task:
    """The one task of ``text`` (the first, when a sentence gives several assignees).

    Raises :class:`vnadmin.errors.ParseError` (``reason="no_task"``) when none is found.
    """
    found = find_tasks(text)
    if not found:
        src = text if isinstance(text, str) else text.original
        raise ParseError(
            "no task found",
            input=src,
            span=(0, len(src)),
            reason="no_task",
            expected="an assignment sentence (Giao X …, X chủ trì …, Đề nghị X …)",
        )
    return found[0]
