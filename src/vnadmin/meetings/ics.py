"""A meeting as an RFC 5545 calendar event, through the ``icalendar`` package (optional
extra ``ics``: ``pip install 'vnadmin[ics]'``).

The event carries SUMMARY (the title), DTSTART/DTEND (in UTC; a DATE when only the day is
known),
LOCATION (the venues joined with ``; ``) and a DESCRIPTION listing chair, organiser, mode,
participants, agenda and notes. The UID is derived from the meeting's text, so the same
invitation gives the same event.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from vnadmin._extras import require
from vnadmin.errors import VnAdminError
from vnadmin.meetings.model import Meeting

__all__ = ["to_ics"]


def _description(m: Meeting) -> str:
    out: list[str] = []
    if m.chair:
        out.append("Chủ trì: " + "; ".join(m.chair))
    if m.organiser:
        out.append(f"Cơ quan tổ chức: {m.organiser}")
    if m.mode is not None:
        out.append(f"Hình thức: {m.mode.value}")
    for v in m.venues[1:] if len(m.venues) > 1 else ():
        point = f"{v.point}: " if v.point else ""
        invited = f" (do {v.invited_by} mời)" if v.invited_by else ""
        out.append(f"Điểm cầu - {point}{v.place}{invited}")
    for g in m.participants:
        out.append(f"{g.label or 'Thành phần'}:")
        out.extend(f"- {x}" for x in g.members)
    if m.agenda:
        out.append("Nội dung:")
        out.extend(f"- {x}" for x in m.agenda)
    out.extend(m.notes)
    return "\n".join(out)


def to_ics(meeting: Meeting, *, stamp: dt.datetime | None = None) -> bytes:
    """The meeting as a ``VCALENDAR`` with one ``VEVENT`` (bytes, CRLF lines).

    ``stamp`` is the DTSTAMP (default: now, UTC). A meeting without a start raises
    :class:`~vnadmin.VnAdminError` (RFC 5545 needs DTSTART); without the ``icalendar``
    package, :class:`~vnadmin.MissingExtraError`.
    """
    if meeting.start is None:
        raise VnAdminError("a meeting without a start cannot be a calendar event")
    ical = require("icalendar", "ics", "writing a calendar event")
    try:
        cal = ical.Calendar()
        cal.add("prodid", "-//vnadmin//meetings//VI")
        cal.add("version", "2.0")
        ev = ical.Event()
        digest = hashlib.sha1(meeting.text.encode("utf-8", "surrogatepass")).hexdigest()
        ev.add("uid", f"{digest[:32]}@vnadmin")
        ev.add("dtstamp", stamp or dt.datetime.now(dt.timezone.utc))
        if meeting.time_known:
            # UTC ("…Z"): a TZID would need a VTIMEZONE block (RFC 5545, 3.2.19)
            ev.add("dtstart", meeting.start.astimezone(dt.timezone.utc))
            if meeting.end is not None and meeting.end > meeting.start:
                ev.add("dtend", meeting.end.astimezone(dt.timezone.utc))
        else:
            ev.add("dtstart", meeting.start.date())
            last = meeting.end.date() if meeting.end is not None else meeting.start.date()
            ev.add("dtend", max(last, meeting.start.date()) + dt.timedelta(days=1))
        ev.add("summary", meeting.title or "Cuộc họp")
        if meeting.venues:
            ev.add("location", "; ".join(v.place for v in meeting.venues))
        desc = _description(meeting)
        if desc:
            ev.add("description", desc)
        if meeting.held:
            ev.add("status", "CONFIRMED")
        cal.add_component(ev)
        data = cal.to_ical()
    except VnAdminError:
        raise
    except Exception as exc:  # a library failure on odd values: keep the contract
        raise VnAdminError(f"could not write the calendar event: {exc}") from exc
    return bytes(data)
