"""Strategies for meetings and tasks: values whose rendered text reads back."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from vnadmin.dates.times import VN_TZ
from vnadmin.meetings import Meeting, MeetingMode, Venue, agenda_item
from vnadmin.tasks import Task, find_tasks

__all__ = ["meetings", "tasks"]

_NAME = (
    st.text(alphabet="abcdeghiklmnoprstuvxyàáạăâđêôơư ", min_size=3, max_size=30)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: len(s) >= 3)
)


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    """:class:`~vnadmin.Meeting` values; ``parse_meeting(format_meeting(m))`` gives their
    start, place, chair, mode, ``held`` and agenda items (with their presenters) back."""
    start = draw(
        st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31))
    )
    start = start.replace(second=0, microsecond=0, tzinfo=VN_TZ)
    time_known = draw(st.booleans())
    if not time_known:
        start = start.replace(hour=0, minute=0)
    held = draw(st.booleans())
    agenda: tuple[str, ...] = ()
    if not held:
        items = draw(
            st.lists(
                st.tuples(st.sampled_from(_ACTIONS), st.sampled_from((None, *_BODIES))),
                max_size=3,
            )
        )
        agenda = tuple(
            (a[:1].upper() + a[1:]) + (f" ({who} trình bày)" if who else "") for a, who in items
        )
    return Meeting(
        title="Hội nghị " + draw(_NAME),
        organiser=None,
        chair=("Đồng chí " + draw(_NAME).title() + ", Chủ tịch UBND tỉnh",),
        start=start,
        end=None,
        start_text=None,
        weekday_ok=True,
        mode=draw(st.sampled_from([None, *MeetingMode])),
        venues=(Venue("Phòng họp " + draw(_NAME)),),
        participants=(),
        agenda=agenda,
        notes=(),
        held=held,
        span=(0, 0),
        text="",
        time_known=time_known,
        agenda_items=tuple(agenda_item(x) for x in agenda),
    )


_BODIES = (
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Nông nghiệp và Môi trường",
    "Văn phòng UBND tỉnh",
    "Công an tỉnh",
    "Ban Dân tộc",
)
_ACTIONS = (
    "xây dựng dự thảo Kế hoạch tổ chức hội nghị",
    "rà soát, tổng hợp danh sách đại biểu",
    "chuẩn bị báo cáo kết quả thực hiện",
    "hoàn thiện hồ sơ trình UBND tỉnh",
)


@st.composite
def tasks(draw: st.DrawFn) -> Task:
    """:class:`~vnadmin.Task` values read from a sentence of a công văn giao nhiệm vụ
    ("Giao X chủ trì, phối hợp với Y …, hoàn thành trước ngày …"); ``find_tasks`` on
    ``format_task(t)`` gives their lead, collaborators, action and deadline back."""
    lead = draw(st.sampled_from(_BODIES))
    others = [b for b in _BODIES if b != lead]
    collaborators = draw(st.lists(st.sampled_from(others), max_size=2, unique=True))
    action = draw(st.sampled_from(_ACTIONS))
    day = draw(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)))
    with_ = f", phối hợp với {', '.join(collaborators)}" if collaborators else ""
    text = f"Giao {lead} chủ trì{with_} {action}, hoàn thành trước ngày {day:%d/%m/%Y}."
    found = find_tasks(text)
    if len(found) != 1:  # pragma: no cover - every sentence of this grammar reads as one
        raise AssertionError(f"not one task: {text!r} -> {found!r}")
    return found[0]
