"""Write a :class:`~vnadmin.meetings.model.Meeting` as the items of a Giấy mời (or, for a
``held`` meeting, as the opening of a Thông báo kết luận) that
:func:`~vnadmin.meetings.parser.parse_meeting` reads back: start, place and chair.

The item order follows the seed Giấy mời and QĐ 45/2018/QĐ-TTg (chair, participants,
time, place, content); times are written in the NĐ 30 words form ``14 giờ 00``.
"""

from __future__ import annotations

from vnadmin.dates.formatter import format_weekday
from vnadmin.dates.times import VN_TZ, format_time
from vnadmin.meetings.model import Meeting, MeetingMode

__all__ = ["format_meeting"]

_MODES = {
    MeetingMode.TRUC_TIEP: "Trực tiếp",
    MeetingMode.TRUC_TUYEN: "Trực tuyến",
    MeetingMode.KET_HOP: "Trực tiếp kết hợp trực tuyến",
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _when(m: Meeting) -> str | None:
    if m.start is None:
        return None
    start = m.start.astimezone(VN_TZ) if m.start.tzinfo is not None else m.start
    day = f"ngày {start.day}/{start.month}/{start.year}"
    wd = f" ({format_weekday(start.date())})"
    if not m.time_known:
        half = f"{m.half_day} " if m.half_day else ""
        return f"{half}{day}{wd}"
    out = f"từ {format_time(start.time())}, {day}{wd}"
    if m.end is not None:
        end = m.end.astimezone(VN_TZ) if m.end.tzinfo is not None else m.end
        if end.date() == start.date():
            out = f"từ {format_time(start.time())} đến {format_time(end.time())}, {day}{wd}"
    return out


def format_meeting(m: Meeting) -> str:
    """The meeting as Giấy mời items (``1. Chủ trì: …``, ``Thời gian: …``,
    ``Địa điểm: …``), or a held one as ``Ngày dd/mm/yyyy, <chair> chủ trì <title>.``

    >>> from vnadmin.meetings import parse_meeting
    >>> m = parse_meeting("GIẤY MỜI\\n1. Chủ trì: Đồng chí Nguyễn Văn A.\\n"
    ...                   "2. Thời gian: 14 giờ 00, ngày 29/9/2025.\\n3. Địa điểm: Phòng họp số 2.")
    >>> print(format_meeting(m))
    GIẤY MỜI
    1. Chủ trì: Đồng chí Nguyễn Văn A.
    2. Thời gian: từ 14 giờ 00, ngày 29/9/2025 (thứ Hai).
    3. Địa điểm: Phòng họp số 2.
    """
    lines: list[str] = []
    n = 0

    def item(text: str) -> None:
        nonlocal n
        n += 1
        lines.append(f"{n}. {text}")

    if m.held and m.start is not None:
        start = m.start.astimezone(VN_TZ) if m.start.tzinfo is not None else m.start
        lines.append("THÔNG BÁO")
        if m.title:
            lines.append(f"Kết luận tại {_one_line(m.title)}")
        chair = _one_line(m.chair[0]) if m.chair else "đồng chí Chủ tịch"
        what = _one_line(m.title) if m.title else "cuộc họp"
        lines.append(
            f"Ngày {start.day:02d}/{start.month:02d}/{start.year}, {chair} chủ trì {what}."
        )
        if m.time_known:
            when = _when(m)
            if when:
                item(f"Thời gian: {when}.")
    else:
        lines.append("GIẤY MỜI")
        if m.title:
            lines.append(f"Dự {_one_line(m.title)}")
        if m.chair:
            item("Chủ trì: " + "; ".join(_one_line(c) for c in m.chair) + ".")
        members = [g for g in m.participants if g.members]
        if members:
            item("Thành phần:")
            for g in members:
                for member in g.members:
                    lines.append(f"- {_one_line(member)};")
        when = _when(m)
        if when:
            item(f"Thời gian: {when}.")
    if m.venues:
        item(f"Địa điểm: {_one_line(m.venues[0].place)}.")
    if m.mode is not None:
        item(f"Hình thức: {_MODES[m.mode]}.")
    if m.agenda and not m.held:
        item("Nội dung:")
        lines.extend(f"- {_one_line(a)};" for a in m.agenda)
    return "\n".join(lines)
