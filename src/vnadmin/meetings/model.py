"""The meeting values: :class:`Meeting`, :class:`Venue`, :class:`ParticipantGroup`,
:class:`MeetingMode`.

A Giấy mời must state the chair, the participants, the content, the time and the place
(QĐ 45/2018/QĐ-TTg, chế độ họp); these are the fields read here. Values are frozen and
slotted; a :class:`Meeting` keeps its own source slice (``text``) and span only.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

__all__ = ["AgendaItem", "Meeting", "MeetingMode", "ParticipantGroup", "Venue"]


class MeetingMode(enum.Enum):
    """Hình thức of a meeting."""

    TRUC_TIEP = "trực tiếp"  #: in person
    TRUC_TUYEN = "trực tuyến"  #: online (hội nghị truyền hình, điểm cầu)
    KET_HOP = "kết hợp"  #: both: "trực tiếp và trực tuyến", "trực tiếp kết hợp trực tuyến"


@attrs.frozen
class Venue:
    """A place where the meeting is held.

    Attributes:
        place: the place as printed, lines joined (``"Phòng họp số 2 - Văn phòng UBND
            tỉnh"``).
        point: the connection point or level it serves, as printed (``"Cấp tỉnh"``,
            ``"Điểm cầu Trụ sở Chính phủ"``), or ``None`` for a plain ``Địa điểm``.
        invited_by: who invites the participants there (``"UBND xã, phường"`` from
            ``"(do UBND xã, phường mời)"``), or ``None``.
    """

    place: str
    point: str | None = None
    invited_by: str | None = None


@attrs.frozen
class ParticipantGroup:
    """One group of the Thành phần: its label (``"a) Cấp tỉnh"``, ``"Thành phần mời"``)
    and its member lines as printed (dashes and final ``;``/``.`` removed)."""

    label: str | None
    members: tuple[str, ...] = ()


@attrs.frozen
class AgendaItem:
    """One item of the Nội dung or chương trình of a meeting.

    Attributes:
        text: the item as printed (dash and final ``;``/``.`` removed).
        content: what is done, the time slot and presenter taken off (``"Báo cáo kết quả
            thực hiện nhiệm vụ năm 2025"``).
        start: the slot's start when printed (``"14h00 - 14h15: …"``, ``"Từ 8 giờ 00 đến 8
            giờ 15: …"``, ``"(8h30) …"``), else ``None``.
        end: the slot's end when printed, else ``None``.
        presenter: who presents, when printed: ``"(Sở Nội vụ trình bày)"``, ``"… do Sở Tư
            pháp báo cáo"``, ``"Sở Tài chính báo cáo …"``, ``"(Văn phòng UBND tỉnh)"``.
    """

    text: str
    content: str
    start: dt.time | None = None
    end: dt.time | None = None
    presenter: str | None = None


@attrs.frozen
class Meeting:
    """A meeting called by a Giấy mời, a Thông báo triệu tập, a Công điện or a schedule
    entry, or reported (``held``) by a Thông báo kết luận.

    Attributes:
        title: what the meeting is (``"Hội nghị đánh giá …"``), or ``None``.
        organiser: the body that calls it (``"Ủy ban nhân dân tỉnh"``), or ``None``.
        chair: one entry per chair, each the person with the titles as printed
            (a dual capacity stays in one entry: ``"Đồng chí Đoàn Thanh Sơn, Phó Chủ tịch
            UBND tỉnh, Phó Trưởng Ban Thường trực Ban Chỉ đạo"``).
        start: aware start in :data:`vnadmin.dates.times.VN_TZ`; midnight when only the
            day is known (``time_known`` False).
        end: the end, when printed, or ``None``.
        start_text: the time phrase as printed (``"từ 14 giờ 00, ngày 29/9/2025 (thứ
            Hai)"``), or ``None``.
        weekday_ok: whether the stated weekday matches the date (``None``: none stated).
        mode: :class:`MeetingMode`, or ``None`` when not printed.
        venues: the places, the main ``Địa điểm`` first, then the connection points.
        participants: the groups of the Thành phần (or the ``Tham dự`` of a conclusion).
        agenda: the Nội dung items.
        notes: practical notes as printed: technical test runs (``"chạy thử đường truyền
            từ 10 giờ …"``), dress, arrival, registration.
        held: True for a past meeting reported by a Thông báo kết luận.
        span: offsets of the meeting's text in the caller's string.
        text: ``original[span[0]:span[1]]``.
        time_known: whether ``start`` carries a printed time of day.
        half_day: ``"sáng"``, ``"chiều"``, ``"tối"`` or ``"trưa"`` when printed, else ``None``.
        agenda_items: the :attr:`agenda` read as :class:`AgendaItem` values (time slot and
            presenting unit where printed), one per agenda entry.
    """

    title: str | None
    organiser: str | None
    chair: tuple[str, ...]
    start: dt.datetime | None
    end: dt.datetime | None
    start_text: str | None
    weekday_ok: bool | None
    mode: MeetingMode | None
    venues: tuple[Venue, ...]
    participants: tuple[ParticipantGroup, ...]
    agenda: tuple[str, ...]
    notes: tuple[str, ...]
    held: bool
    span: tuple[int, int]
    text: str
    time_known: bool = True
    half_day: str | None = None
    agenda_items: tuple[AgendaItem, ...] = ()

    @property
    def place(self) -> str | None:
        """The first venue's place, or ``None``."""
        return self.venues[0].place if self.venues else None
