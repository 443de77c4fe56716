"""Values of the tasks package: :class:`Party`, :class:`Task`, :class:`TaskStatus`.

A task is one duty given to one lead (chủ trì): tracking practice keeps one row per
assignee ("dòng nhận việc", research note §3.2; NĐ 39/2022/NĐ-CP expects one lead per
duty), so a duty written once for several assignees ("Giao Sở A, Sở B …") becomes one
:class:`Task` per assignee, all sharing the sentence's span.
"""

from __future__ import annotations

import enum

import attrs

from vnadmin.dates.deadlines import Deadline
from vnadmin.registry import Issuer
from vnadmin.tasks.recurrence import Recurrence

__all__ = ["Party", "PartyKind", "Task", "TaskStatus"]


class PartyKind(enum.Enum):
    """What sort of assignee a :class:`Party` names."""

    ORGAN = "organ"  #: one named body ("Sở Nội vụ")
    ORGAN_CLASS = "organ_class"  #: a class of bodies ("UBND các xã, phường")
    GROUP_BY_REFERENCE = "group_by_reference"  #: defined by another text ("theo Quyết định số …")
    PERSON = "person"  #: an office holder or a person with a title ("Chủ tịch UBND tỉnh")
    CONDITIONAL = "conditional"  #: a predicate ("Các xã có tỷ lệ giải ngân cao")


@attrs.frozen(slots=True)
class Party:
    """A body, class of bodies or person named in a task.

    Attributes:
        name: the name as written (whitespace collapsed; a factored list's head
            noun put back: "Đại diện Lãnh đạo: Sở Nội vụ" gives "Sở Nội vụ").
        kind: :class:`PartyKind`.
        span: offsets of the written name in the caller's string.
        text: ``original[span[0]:span[1]]``.
        body: the registry's issuer (:mod:`vnadmin.registry`) whose name this is
            ("Bộ Tư pháp" gives the ``BTP`` entry), or ``None`` when none is known
            (a local Sở, a class of bodies, a person).
    """

    name: str
    kind: PartyKind
    span: tuple[int, int]
    text: str
    body: Issuer | None = None


@attrs.frozen(slots=True)
class Task:
    """One duty of one lead.

    Attributes:
        lead: the chủ trì, or the body the duty is given to when no role word is
            written; ``None`` when the text names none.
        collaborators: the phối hợp bodies.
        action: what to do (the sentence's verb phrase, whitespace collapsed).
        deliverables: products named ("dự thảo Chỉ thị …", "03 bộ bản giấy").
        report_to: who the result is reported, sent or submitted to.
        deadline: the first deadline phrase of the duty (``vnadmin.dates.deadlines``).
        recurrence: the recurrence phrase ("định kỳ hằng quý", "thường xuyên").
        modality: the assigning word ("giao", "yêu cầu", "đề nghị", "chỉ đạo",
            "có trách nhiệm", "chủ động", "chủ trì", "phải", "cần") or ``None``.
        condition: a condition clause ("trường hợp vượt thẩm quyền").
        section: the numbering path of the item ("4.-2", "III.2.a").
        proposed: True when the document proposes the duty to a superior (a Tờ
            trình or a Báo cáo writing "Giao …").
        execution_clause: True for the standing "… chịu trách nhiệm thi hành Quyết
            định này" (routine, not a tracked task under QĐ 23/2018/QĐ-TTg).
        span: offsets of the duty in the caller's string.
        text: ``original[span[0]:span[1]]``.
        schedule: the recurrence read as a rule (:class:`Recurrence`: period and day
            rule, expanded by :meth:`Recurrence.occurrences`), or ``None``.
        assigner: who gives the duty: for a Thông báo kết luận the chair who concluded
            (not the office that signed it), otherwise the organ the document is signed
            for (``TM. Ủy ban nhân dân``, or the issuer); ``None`` when not known
            (a bare sentence).
        co_leads: the other bodies written as chủ trì of the same duty ("Sở A, Sở B
            chủ trì …"): the duty is still one row per lead, but NĐ 39/2022/NĐ-CP wants
            one lead per duty, so lint rule M106 flags it; empty otherwise (a duty given
            to several bodies without the role word is several duties, one each).
    """

    lead: Party | None
    collaborators: tuple[Party, ...]
    action: str
    deliverables: tuple[str, ...]
    report_to: tuple[Party, ...]
    deadline: Deadline | None
    recurrence: str | None
    modality: str | None
    condition: str | None
    section: str | None
    proposed: bool
    execution_clause: bool
    span: tuple[int, int]
    text: str
    schedule: Recurrence | None = None
    assigner: Party | None = None
    co_leads: tuple[Party, ...] = ()


class TaskStatus(enum.Enum):
    """The deadline state of a task (research note §3.2), derived, never stored."""

    NOT_DUE = "not_due"  #: not done, the deadline more than the warning window away
    DUE_SOON = "due_soon"  #: not done, the deadline within the warning window (or today)
    OVERDUE = "overdue"  #: not done, the deadline day has passed
    DONE_ON_TIME = "done_on_time"  #: done on or before the deadline day
    DONE_LATE = "done_late"  #: done after the deadline day
    NO_DEADLINE = "no_deadline"  #: no due day can be computed
