"""Meetings: the meeting a Giấy mời, Công điện or schedule entry calls, or a Thông báo kết
luận reports (QĐ 45/2018/QĐ-TTg, chế độ họp).

Verbs: :func:`parse` (:func:`parse_meeting`), :func:`format` (:func:`format_meeting`);
:func:`vnadmin.meetings.ics.to_ics` writes an RFC 5545 event (optional extra ``ics``).
"""

from __future__ import annotations

from vnadmin.meetings.formatter import format_meeting
from vnadmin.meetings.model import Meeting, MeetingMode, ParticipantGroup, Venue
from vnadmin.meetings.parser import parse_meeting

__all__ = [
    "Meeting",
    "MeetingMode",
    "ParticipantGroup",
    "Venue",
    "format",
    "format_meeting",
    "parse",
    "parse_meeting",
]

#: ``parse(source) -> Meeting | None`` (:func:`parse_meeting`).
parse = parse_meeting
#: ``format(meeting) -> str`` (:func:`format_meeting`).
format = format_meeting
