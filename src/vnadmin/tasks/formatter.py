"""Writing a task back as one assignment sentence that :func:`find_tasks` reads back.

The form is pattern P1 of the research note (§1.2): ``Giao <lead> [chủ trì, phối hợp
với <co>] <action>; hoàn thành, báo cáo <W> <deadline>.``
"""

from __future__ import annotations

from vnadmin.dates.deadlines import format_deadline
from vnadmin.tasks.model import Task

__all__ = ["format_task"]


def format_task(task: Task) -> str:
    """One sentence for ``task`` (lead, collaborators, action, report target, deadline).

    >>> from vnadmin.tasks import find_tasks
    >>> t = find_tasks("Giao Sở Nội vụ rà soát hồ sơ, báo cáo UBND tỉnh trước ngày 15/01/2024.")[0]
    >>> format_task(t)
    'Giao Sở Nội vụ rà soát hồ sơ, báo cáo UBND tỉnh trước ngày 15/01/2024.'
    """
    parts: list[str] = []
    if task.lead is not None:
        parts.append(f"Giao {task.lead.name}")
        if task.collaborators:
            co = ", ".join(p.name for p in task.collaborators)
            parts.append(f" chủ trì, phối hợp với {co}")
        parts.append(" ")
    action = task.action.strip().rstrip(".;,")
    if task.deadline is not None and task.deadline.text and task.deadline.text in action:
        action = action.replace(task.deadline.text, "").rstrip(" ,;")
    parts.append(action if task.lead is not None else action[:1].upper() + action[1:])
    if task.deadline is not None:
        try:
            dl = format_deadline(task.deadline)
        except Exception:
            dl = task.deadline.text
        parts.append(f" {dl}")
    return "".join(parts) + "."
