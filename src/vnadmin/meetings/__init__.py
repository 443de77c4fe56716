"""Meetings: the meeting a Giấy mời, Công điện or schedule entry calls, or a Thông báo kết
luận reports (QĐ 45/2018/QĐ-TTg, chế độ họp).

Verbs: :func:`parse` (:func:`parse_meeting`), :func:`find` (:func:`find_meetings`: every
entry of a lịch công tác), :func:`format` (:func:`format_meeting`);
:func:`vnadmin.meetings.ics.to_ics` writes an RFC 5545 event (optional extra ``ics``).

Decisions:

* ``Meeting.chair`` holds one entry per chair, each the person with every title as printed
  (a dual capacity stays one entry); a labelled ``Chủ trì:`` wins over a member marked
  ``- Chủ trì`` in the Thành phần, which wins over a sentence ``… do <X> chủ trì.``
* A day without a printed time (a conclusion notice's ``Ngày 03/01/2024``, ``sáng ngày …``,
  a proposed window ``từ ngày … đến ngày …``) gives ``start`` at midnight with
  ``time_known=False`` (``half_day`` keeps ``sáng``/``chiều``); the calendar event is then
  an all-day one.
* ``venues`` lists the ``Địa điểm`` first, then each level or điểm cầu with its place and
  who invites there; ``Meeting.place`` is the first.
* A document is a meeting only when it prints a start, a place or a chair of one and says
  so (an invitation heading, ``tổ chức``/``mời`` + a meeting word, a conclusion's opening
  sentence, a schedule entry opening with its time); else ``None``.
* A lịch công tác / lịch làm việc (day headers ``THỨ HAI 14/3`` with timed entries) holds
  several meetings: :func:`find_meetings` gives one per entry (the leader before ``chủ
  trì`` is its chair, before ``dự``/``làm việc`` a participant), :func:`parse_meeting` the
  first.
* ``agenda_items`` reads each agenda line into its time slot (``14h00 - 14h15``) and the
  presenting unit where printed (``(Sở Nội vụ trình bày)``, ``do … báo cáo``).
* Preparation duties (``Phân công chuẩn bị``, ``Tổ chức thực hiện``) are tasks, read by the
  tasks finder; only their test runs, arrival, dress and registration lines are ``notes``.
"""

from __future__ import annotations

from vnadmin.meetings.formatter import format_meeting
from vnadmin.meetings.model import AgendaItem, Meeting, MeetingMode, ParticipantGroup, Venue
from vnadmin.meetings.parser import agenda_item, find_meetings, parse_meeting

__all__ = [
    "AgendaItem",
    "Meeting",
    "MeetingMode",
    "ParticipantGroup",
    "Venue",
    "agenda_item",
    "find",
    "find_meetings",
    "format",
    "format_meeting",
    "parse",
    "parse_meeting",
]

#: ``parse(source) -> Meeting | None`` (:func:`parse_meeting`).
parse = parse_meeting
#: ``find(source) -> tuple[Meeting, ...]`` (:func:`find_meetings`).
find = find_meetings
#: ``format(meeting) -> str`` (:func:`format_meeting`).
format = format_meeting
