"""Read the meeting a document calls or reports: :func:`parse_meeting`.

Layouts read (all seen in real texts, see ``docs`` tasks research §2):

* Giấy mời with labelled items: ``1. Chủ trì:``, ``2. Thành phần mời:`` (dash lines; groups
  ``a) Cấp tỉnh: tại <phòng họp>`` / ``1. Điểm cầu <nơi>:``; a member marked ``- Chủ trì``
  or ``: Chủ trì điểm cầu …`` is the chair), ``Thời gian:`` (``từ 14 giờ 00, ngày
  29/9/2025 (thứ Hai)``, ``14h00``, ``7 giờ 30’``, a time and its date on two lines,
  ``sáng``/``chiều``), ``Địa điểm:``, ``Hình thức:``, ``Nội dung:`` (agenda), and the
  preparation part (``Phân công chuẩn bị`` / ``Tổ chức thực hiện``), whose test runs,
  arrival and registration lines become notes. QĐ 45/2018/QĐ-TTg requires a Giấy mời to
  state the chair, participants, content, time and place.
* A Công điện inviting to a meeting (``Phiên họp do <chair> chủ trì.``, ``I. Thời gian:``).
* A Thông báo kết luận: ``Ngày 03/01/2024, đồng chí <chair> chủ trì <meeting>.`` →
  ``held=True``, the day only.
* A schedule entry (``- 14 giờ, <chair> chủ trì họp …. Địa điểm: …``).

Text is read line by line: wrapped lines are joined into items (a line that opens with
no list marker or label, after a line that does not end a sentence, continues it); every
pattern is anchored or bounded, so the work is linear in the text. Never raises on a
``str``.
"""

from __future__ import annotations

import datetime as dt
import re

from vnadmin.dates import find_dates
from vnadmin.dates import grammar as g
from vnadmin.dates.times import VN_TZ, find_datetimes, find_times
from vnadmin.errors import VnAdminError
from vnadmin.meetings.model import AgendaItem, Meeting, MeetingMode, ParticipantGroup, Venue
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = ["agenda_item", "find_meetings", "parse_meeting"]

_MARKER = re.compile(
    r"(?P<num>(?:\d{1,2}\.){1,3}|[IVXL]{1,6}\.|[a-zđ]\))[ \t]+|(?P<dash>[-+•*])[ \t]*",
)
_LABEL = re.compile(
    r"(?P<l>chủ[ \t]+trì(?:[ \t]+(?:hội[ \t]+nghị|cuộc[ \t]+họp|phiên[ \t]+họp|họp))?"
    r"|thành[ \t]+phần[^:\n]{0,40}|thời[ \t]+gian[^:\n]{0,40}|địa[ \t]+điểm[^:\n]{0,20}"
    r"|hình[ \t]+thức[^:\n]{0,20}|nội[ \t]+dung[^:\n]{0,30}|điểm[ \t]+cầu[^:\n]{0,200}"
    r"|cấp[ \t]+[^:\n]{1,60})[ \t]*:[ \t]*",
    re.IGNORECASE,
)
#: A section heading printed without a colon: ``1. Thành phần``, ``III. Thời gian, địa điểm``.
_BARE = re.compile(
    r"(?P<l>thành[ \t]+phần(?:[ \t]+(?:dự[ \t]+họp|mời|tham[ \t]+dự))?|thời[ \t]+gian"
    r"(?:[ \t]*,[ \t]*địa[ \t]+điểm)?|địa[ \t]+điểm|nội[ \t]+dung|chủ[ \t]+trì)[ \t.]*",
    re.IGNORECASE,
)
_PREAMBLE = re.compile(
    r"(?:Thực[ \t]+hiện|Căn[ \t]+cứ|Kính[ \t]+gửi|Nhằm|Được[ \t]+sự|Sau[ \t]+khi"
    r"|Tham[ \t]+dự)(?![^\W_])|Ngày[ \t]+\d{1,2}[ \t]*(?:[/.-]|tháng)"
)
_PREP = re.compile(
    r"(?:phân[ \t]+công[ \t]+chuẩn[ \t]+bị|tổ[ \t]+chức[ \t]+thực[ \t]+hiện"
    r"|công[ \t]+tác[ \t]+chuẩn[ \t]+bị)(?![^\W_])",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"nơi[ \t]+nhận(?![^\W_])", re.IGNORECASE)
_NOTE = re.compile(
    r"chạy[ \t]+thử|thử[ \t]+lại|kiểm[ \t]+tra[^\n]{0,30}đường[ \t]+truyền|kết[ \t]+nối[ \t]+thử"
    r"|trang[ \t]+phục|có[ \t]+mặt|đúng[ \t]+thành[ \t]+phần|đăng[ \t]+ký|đúng[ \t]+giờ"
    r"|tải[ \t]+tài[ \t]+liệu",
    re.IGNORECASE,
)
_MEETING_WORD = re.compile(
    r"(?<![^\W_])(?:(?:phiên|cuộc|buổi)[ \t]+họp|họp|hội[ \t]+nghị|đại[ \t]+hội|hội[ \t]+thảo|tọa[ \t]+đàm|toạ[ \t]+đàm"
    r"|buổi[ \t]+làm[ \t]+việc|giao[ \t]+ban)(?![^\W_])",
    re.IGNORECASE,
)
_CHAIR_WORD = re.compile(r"(?<![^\W_])chủ[ \t]+trì(?![^\W_])", re.IGNORECASE)
_WD_PAREN = re.compile(r"[ \t]*\([ \t]*(?:" + g.WEEKDAY_PATTERN + r")[ \t]*\)", re.IGNORECASE)
_HALF_DAY = re.compile(r"(?<![^\W_])(sáng|chiều|tối|trưa)(?![^\W_])", re.IGNORECASE)
_WEEKDAY = re.compile(r"(" + g.WEEKDAY_PATTERN + r")", re.IGNORECASE)
_INVITED = re.compile(r"\([ \t]*do[ \t]+([^()]{1,80}?)[ \t]+mời[ \t]*\)", re.IGNORECASE)
_HEADING = re.compile(
    r"(GIẤY[ \t]+MỜI|GIẤY[ \t]+TRIỆU[ \t]+TẬP|CÔNG[ \t]+ĐIỆN|THÔNG[ \t]+BÁO(?:[ \t]+TRIỆU[ \t]+TẬP)?"
    r"|LỊCH[ \t]+[^\n]{0,60})$"
)
_PLACE_LABEL = re.compile(
    r"(?<![^\W_])địa[ \t]+điểm[^:\n]{0,20}:[ \t]*(?:tại[ \t]+)?", re.IGNORECASE
)
_PLACE_IN = re.compile(
    r"(?:địa[ \t]+điểm[ \t]*:|điểm[ \t]+tại|(?<![^\W_])tại)[ \t]+", re.IGNORECASE
)
_SUBTITLE_LEAD = re.compile(r"(?:dự|về[ \t]+việc|v/v)[ \t]+", re.IGNORECASE)
_TAI = re.compile(r"tại[ \t]+", re.IGNORECASE)
_ORGANISE = re.compile(
    r"[ \t](?:tổ[ \t]+chức|trân[ \t]+trọng[ \t]+kính[ \t]+mời|kính[ \t]+mời|mời[ \t]+họp"
    r"|triệu[ \t]+tập)[ \t]",
    re.IGNORECASE,
)
_ATTEND = re.compile(r"(?:tham[ \t]+dự|cùng[ \t]+dự)[^,;.\n]{0,25}?[ \t]có[ \t]+", re.IGNORECASE)
_MAX_TRIES = 20  # "Thời gian" items read before giving up on a start
_MAX_ITEM = 4000  # an item longer than this is cut (a runaway paragraph, not a field)


class _Item:
    """One logical line: wrapped physical lines joined."""

    __slots__ = ("body", "end", "marker", "start", "text")

    def __init__(self, start: int, end: int, text: str, marker: str | None, body: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.marker = marker  # "num", "dash", or None
        self.body = body


def _lines(s: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(s)
    while pos <= n:
        nl = s.find("\n", pos)
        if nl < 0:
            nl = n
        a, b = pos, nl
        while a < b and s[a] in " \t|":
            a += 1
        while b > a and s[b - 1] in " \t|":
            b -= 1
        if a < b:
            seg = s[a:b]
            if not (seg.isdigit() or set(seg) <= set("_-=*. ")):
                out.append((a, b))
        pos = nl + 1
    return out


def _starts_item(seg: str) -> bool:
    m = _MARKER.match(seg)
    if m is not None and (m.group("num") is not None or m.group("dash") is not None):
        return True
    return (
        _PREAMBLE.match(seg) is not None
        or _LABEL.match(seg) is not None
        or _PREP.match(seg) is not None
        or _CLOSE.match(seg) is not None
        or _HEADING.match(seg) is not None
    )


def _items(s: str) -> list[_Item]:
    groups: list[list[tuple[int, int]]] = []
    for a, b in _lines(s):
        seg = s[a:b]
        if groups:
            pa, pb = groups[-1][-1]
            prev = s[pa:pb]
            first = seg[0]
            ends = prev[-1] in ".:;!?" or _HEADING.match(prev) is not None
            if not _starts_item(seg) and not (ends and (first.isupper() or first == "(")):
                groups[-1].append((a, b))
                continue
        groups.append([(a, b)])
    out: list[_Item] = []
    for grp in groups:
        text = " ".join(" ".join(s[a:b].split()) for a, b in grp)[:_MAX_ITEM]
        m = _MARKER.match(text)
        marker: str | None = None
        body = text
        if m is not None and (m.group("num") is not None or m.group("dash") is not None):
            marker = "num" if m.group("num") is not None else "dash"
            body = text[m.end() :]
            if marker == "num" and m.group("num")[0].islower():
                marker = "letter"
        out.append(_Item(grp[0][0], grp[-1][1], text, marker, body))
    return out


def _clean(text: str) -> str:
    t = text.strip()
    while t and t[-1] in ".;,:/ ":
        t = t[:-1]
    return t.strip()


def _mode_of(text: str) -> MeetingMode | None:
    low = text.lower()
    live = "trực tiếp" in low
    online = "trực tuyến" in low or "truyền hình" in low or "điểm cầu" in low
    if (live and online) or ("kết hợp" in low and (live or online)):
        return MeetingMode.KET_HOP
    if online:
        return MeetingMode.TRUC_TUYEN
    if live:
        return MeetingMode.TRUC_TIEP
    return None


class _When:
    __slots__ = ("end", "half", "start", "text", "time_known", "weekday_ok")

    def __init__(self) -> None:
        self.start: dt.datetime | None = None
        self.end: dt.datetime | None = None
        self.text: str | None = None
        self.time_known = False
        self.half: str | None = None
        self.weekday_ok: bool | None = None


def _read_when(text: str, extra: str | None = None) -> _When | None:
    """The start (and end) of a time phrase; ``extra`` is the next item, read when the
    phrase holds a time without its date or a date without its time."""
    w = _When()
    dts = find_datetimes(text)
    dates = find_dates(text)
    times = find_times(text)
    if not dates and extra is not None:
        more = find_dates(extra)
        if more and times:
            dates = more
            w.text = _clean(text + " " + extra)
    elif dates and not times and extra is not None:
        more_t = find_times(extra)
        if more_t:
            times = more_t
            w.text = _clean(text + " " + extra)
    if not dates:
        return None
    d0 = dates[0]
    if dts and times and times[0].span[0] < dts[0].time_span[0]:
        # "từ 8 giờ 00 đến 11 giờ 30, ngày 3/3/2025": the date joins the later time
        w.start = dt.datetime.combine(dts[0].value.date(), times[0].value, tzinfo=VN_TZ)
        w.time_known = True
        after = dts[0].span[1]
    elif dts:
        w.start = dts[0].value
        w.time_known = True
        after = dts[0].span[1]
    elif times:
        w.start = dt.datetime.combine(d0.value, times[0].value, tzinfo=VN_TZ)
        w.time_known = True
        after = max(d0.span[1], times[0].span[1])
    else:
        w.start = dt.datetime.combine(d0.value, dt.time(0, 0), tzinfo=VN_TZ)
        after = d0.span[1]
    low = text.lower()
    # the end: "đến 11 giờ 30", "đến ngày 16/01/2025"
    k = low.find("đến", 0)
    if k >= 0:
        later_t = [t for t in times if t.span[0] > k]
        later_d = [d for d in dates if d.span[0] > k]
        if later_t and w.time_known and w.start is not None:
            day = later_d[0].value if later_d else w.start.date()
            w.end = dt.datetime.combine(day, later_t[0].value, tzinfo=VN_TZ)
        elif later_d:
            w.end = dt.datetime.combine(later_d[0].value, dt.time(0, 0), tzinfo=VN_TZ)
    half = _HALF_DAY.search(text)
    if half is not None:
        w.half = half.group(1).lower()
    stated = d0.weekday
    if stated is None:
        wm = _WEEKDAY.search(text, min(after, d0.span[1]))
        if wm is not None and wm.start() - d0.span[1] <= 20:
            stated = g.weekday_value(wm.group(1))
    if stated is not None:
        w.weekday_ok = stated == d0.value.weekday()
    if w.text is None:
        w.text = _clean(text)
    return w


def _chair_of_member(body: str) -> str | None:
    """``"Đồng chí X - Chủ tịch UBND tỉnh: Chủ trì điểm cầu tại tỉnh;"`` → ``"Đồng chí X -
    Chủ tịch UBND tỉnh"``; None unless ``chủ trì`` is a trailing role."""
    last = None
    for m in _CHAIR_WORD.finditer(body):
        last = m
    if last is None:
        return None
    tail = body[last.end() :]
    if len(tail) > 40 or tail.lstrip().startswith(","):
        return None
    head = body[: last.start()].rstrip(" \t-:–,(")
    if len(head) < 4 or body.lower().startswith("giao"):
        return None
    return head


def _strip_address(text: str) -> str:
    return text[9:] if text.startswith("đồng chí ") else text


_TB_LEAD = re.compile(r"(?:(sáng|chiều|tối|trưa)[ \t]+)?(?=ngày[ \t]*\d)", re.IGNORECASE)


def _tb_sentence(
    text: str,
) -> tuple[dt.date, str, str | None, str | None, str | None, bool | None] | None:
    """``Ngày 03/01/2024, đồng chí X, titles chủ trì <meeting>.`` (also ``Chiều ngày …``,
    ``Ngày …, tại <place>, đồng chí …``) → (day, chair, meeting, place, half-day, weekday
    matches)."""
    lead = _TB_LEAD.match(text)
    if lead is None:
        return None
    dates = find_dates(text[: lead.end() + 60])
    if not dates or dates[0].span[0] != lead.end():
        return None
    rest_at = dates[0].span[1]
    stated = dates[0].weekday
    p = _WD_PAREN.match(text, rest_at)
    if p is not None:
        wm = _WEEKDAY.search(text, rest_at, p.end())
        if wm is not None:
            stated = g.weekday_value(wm.group(1))
        rest_at = p.end()
    if text[rest_at : rest_at + 1] != ",":
        return None
    m = _CHAIR_WORD.search(text, rest_at, rest_at + 400)
    if m is None:
        return None
    who = text[rest_at + 1 : m.start()].strip()
    place = None
    if who.lower().startswith("tại "):
        k = who.lower().find("đồng chí ")
        if k < 0:
            return None
        place = _clean(who[4:k]) or None
        who = who[k:]
    if who.endswith(" đã"):
        who = who[:-3].rstrip()
    who = _strip_address(who)
    if not who:
        return None
    stop = text.find(". ", m.end())
    event = _clean(text[m.end() : stop if stop >= 0 else len(text)])
    half = lead.group(1).lower() if lead.group(1) else None
    ok = None if stated is None else stated == dates[0].value.weekday()
    return dates[0].value, who, event or None, place, half, ok


def _entry(body: str) -> tuple[_When, str | None, str | None, str | None] | None:
    """A schedule entry ``14 giờ, ngày 22/01/2026, <chair> chủ trì <what>. Địa điểm: <place>``
    → (when, chair, title, place); None unless it opens with a time and names a meeting."""
    lead = body.lstrip("( ")
    off = len(body) - len(lead)
    times = find_times(body[: off + 12])
    if not times or times[0].span[0] > off + 1:
        return None
    ch = _CHAIR_WORD.search(body)
    if ch is None and _MEETING_WORD.search(body) is None:
        return None
    w = _read_when(body)
    if w is None or not w.time_known:
        return None
    dts = find_datetimes(body)
    stop = dts[0].span[1] if dts else times[0].span[1]
    pl = _PLACE_IN.search(body, stop)
    place = None
    if pl is not None:
        end = body.find(". ", pl.end())
        place = _clean(body[pl.end() : end if end >= 0 else len(body)]) or None
    chair = title = None
    if ch is not None:
        chair = body[stop : ch.start()].lstrip(" ,.;:)-") or None
        if chair is not None:
            chair = _clean(chair) or None
        end = body.find(". ", ch.end())
        what_end = end if end >= 0 else len(body)
        if pl is not None and ch.end() < pl.start() < what_end:
            what_end = pl.start()
        title = _clean(body[ch.end() : what_end]) or None
    w.text = _clean(body[:stop])
    return w, chair, title, place


def _prose(text: str) -> tuple[_When, str | None] | None:
    """A time in a prose invitation: ``… tổ chức Hội nghị vào lúc 14 giờ 00, ngày
    29/9/2025, tại Hội trường A.`` → (when, place). Only a time joined to its date counts,
    so the date of a cited document (``Quyết định số … ngày 20/7/2025``) is never a start."""
    dts = find_datetimes(text)
    if not dts:
        return None
    d = dts[0]
    w = _read_when(text[d.time_span[0] : d.span[1] + 40])
    if w is None:
        return None
    w.start = d.value
    w.time_known = True
    w.text = text[d.time_span[0] : d.span[1]]
    place = None
    pl = _PLACE_IN.search(text, d.span[1], d.span[1] + 40)
    if pl is not None:
        end = text.find(". ", pl.end())
        semi = text.find(";", pl.end())
        if semi >= 0 and (end < 0 or semi < end):
            end = semi
        place = _clean(text[pl.end() : end if end >= 0 else len(text)]) or None
    return w, place


def _organiser(text: str) -> str | None:
    m = _ORGANISE.search(text)
    if m is None:
        return None
    head = text[: m.start()]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(")"))
    who = head[cut + 1 :].strip()
    if not who or not who[0].isupper() or len(who) > 150 or who.lower().startswith("thực hiện"):
        return None
    return who


def _title_after_organise(text: str) -> str | None:
    m = _ORGANISE.search(text)
    if m is None:
        return None
    rest = text[m.end() :]
    if _MEETING_WORD.match(rest) is None:
        k = rest.find("dự ", 0, 60)  # "kính mời Đồng chí dự Phiên họp …"
        if k < 0 or _MEETING_WORD.match(rest, k + 3) is None:
            return None
        rest = rest[k + 3 :]
    ends = (
        ". ",
        " do ",
        " theo hình thức",
        " với ",
        " vào ",
        " lúc ",
        " tại ",
        " từ ",
        ", thời gian",
    )
    stops = [i for i in (rest.find(e) for e in ends) if i > 0]
    end = min(stops) if stops else len(rest)
    return _clean(rest[:end]) or None


def _split_attendees(text: str) -> tuple[str, ...]:
    parts = [p.strip() for p in text.split(";")]
    if parts:
        last = parts[-1]
        k = last.find(" và các ")
        if k > 0:
            parts[-1:] = [last[:k], last[k + 4 :]]
    return tuple(_clean(p) for p in parts if _clean(p))


_PRESENT_VERB = r"(?:trình[ \t]+bày|báo[ \t]+cáo|phát[ \t]+biểu|thông[ \t]+qua|thực[ \t]+hiện|chủ[ \t]+trì|điều[ \t]+hành|tham[ \t]+luận)"
_PAREN_TAIL = re.compile(r"\((?P<who>[^()]{2,120}?)(?:[ \t]+" + _PRESENT_VERB + r")?\)[ \t.;]*$")
_DO_TAIL = re.compile(
    r"(?:[,;][ \t]*|[ \t]+)do[ \t]+(?P<who>[^,;()]{2,120}?)[ \t]+" + _PRESENT_VERB + r"[ \t.;]*$"
)
_LEAD_VERB = re.compile(r"[ \t]+" + _PRESENT_VERB + r"(?![^\W_])")
_SLOT_GAP = re.compile(r"[ \t]*(?:-|–|—|đến|tới)[ \t]*$", re.IGNORECASE)
_SLOT_HEAD = re.compile(r"[ \t(]*(?:[Tt]ừ[ \t]+|[Ll]úc[ \t]+)?$")
_SLOT_TAIL = re.compile(r"[ \t)]*(?:[:,.–—-][ \t]*)*")


def _is_party(text: str) -> bool:
    from vnadmin.tasks.finder import _starts_name

    return _starts_name(text, 0)


def agenda_item(text: str) -> AgendaItem:
    """One agenda line read into its time slot, content and presenting unit.

    >>> a = agenda_item("14h00 - 14h15: Báo cáo kết quả năm 2025 (Sở Nội vụ trình bày);")
    >>> a.start.isoformat(), a.end.isoformat(), a.content, a.presenter
    ('14:00:00', '14:15:00', 'Báo cáo kết quả năm 2025', 'Sở Nội vụ')
    >>> agenda_item("Sở Tài chính báo cáo tình hình giải ngân").presenter
    'Sở Tài chính'
    >>> agenda_item("Thảo luận, cho ý kiến").presenter is None
    True
    """
    if not isinstance(text, str):
        raise VnAdminError(f"an agenda line is text, not {type(text).__name__}")
    raw = _clean(" ".join(text.split()).lstrip("-+•* "))
    body = raw
    start = end = None
    times = find_times(body[:60])
    if times and _SLOT_HEAD.fullmatch(body[: times[0].span[0]]) is not None:
        start = times[0].value
        cut = times[0].span[1]
        if len(times) > 1 and _SLOT_GAP.fullmatch(body[cut : times[1].span[0]]) is not None:
            end = times[1].value
            cut = times[1].span[1]
        tail = _SLOT_TAIL.match(body, cut)
        body = body[tail.end() if tail is not None else cut :]
    presenter = None
    m = _PAREN_TAIL.search(body)
    if m is not None and _is_party(m.group("who").strip()):
        presenter = _clean(m.group("who"))
        body = body[: m.start()]
    else:
        m2 = _DO_TAIL.search(body)
        if m2 is not None and _is_party(m2.group("who").strip()):
            presenter = _clean(m2.group("who"))
            body = body[: m2.start()]
        elif _is_party(body):
            lv = _LEAD_VERB.search(body, 0, 160)
            if lv is not None:
                presenter = _clean(body[: lv.start()])
                body = body[lv.start() :].strip()
                body = body[:1].upper() + body[1:]
    content = _clean(body.strip(" ,:-–")) or raw
    return AgendaItem(text=raw, content=content, start=start, end=end, presenter=presenter)


def parse_meeting(source: Source) -> Meeting | None:
    """The meeting ``source`` calls (Giấy mời, Thông báo triệu tập, Công điện, a schedule
    entry) or reports (Thông báo kết luận: ``held``), or ``None`` when it names none
    (no time, place or chair of a meeting). Never raises on a ``str``.

    >>> m = parse_meeting("GIẤY MỜI\\n1. Chủ trì: Đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh.\\n"
    ...                   "2. Thời gian: 14 giờ 00, ngày 29/9/2025 (thứ Hai).\\n"
    ...                   "3. Địa điểm: Phòng họp số 2, UBND tỉnh.")
    >>> m.chair, m.start.isoformat(), m.place, m.weekday_ok
    (('Đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh',), '2025-09-29T14:00:00+07:00', \
'Phòng họp số 2, UBND tỉnh', True)
    >>> parse_meeting("Công văn về việc báo cáo số liệu.") is None
    True

    A lịch công tác with several entries gives its first entry (:func:`find_meetings`
    gives them all).
    """
    nt = as_normalized(source)
    found = _schedule_meetings(nt)
    if found:
        return found[0]
    return _parse(nt)


def _schedule_meetings(nt: NormalizedText) -> list[Meeting]:
    """The entries of ``nt`` when it is a schedule: two timed entries under day headers,
    or one under a ``LỊCH …`` heading; else empty."""
    if _DAY_HEAD_ANY.search(nt.text) is None:
        return []
    try:
        entries = _schedule(nt)
    except Exception:  # pragma: no cover - a finder reports what it can
        return []
    if len(entries) >= 2 or (entries and _SCHEDULE_HEAD.search(nt.text, 0, 3000)):
        return entries
    return []


def _parse(nt: NormalizedText) -> Meeting | None:
    s = nt.text
    items = _items(s)
    title: str | None = None
    organiser: str | None = None
    chairs: list[str] = []
    member_chairs: list[str] = []
    sentence_chairs: list[str] = []
    when: _When | None = None
    mode: MeetingMode | None = None
    venues: list[list[str | None]] = []  # [place, point, invited_by]
    main_place: str | None = None
    groups: list[tuple[str | None, list[str], int | None]] = []  # label, members, venue index
    agenda: list[str] = []
    notes: list[str] = []
    held = False
    used: list[_Item] = []
    state: str | None = None
    heading: str | None = None
    cue = False
    preamble_done = False
    time_tries = 0
    prose: tuple[_When, str | None] | None = None

    for i, it in enumerate(items):
        body = it.body
        low = body.lower()
        if _CLOSE.match(body) is not None:
            break
        h = _HEADING.match(it.text)
        if h is not None and heading is None:
            heading = h.group(1).upper()
            if heading.startswith(("GIẤY", "CÔNG ĐIỆN", "LỊCH")) or "TRIỆU" in heading:
                cue = True
                used.append(it)
            if i + 1 < len(items):
                nxt = items[i + 1]
                sub = _SUBTITLE_LEAD.match(nxt.text)
                if sub is not None and nxt.marker is None:
                    title = _clean(nxt.text[sub.end() :])
                    used.append(nxt)
                elif (
                    heading.startswith("CÔNG ĐIỆN")
                    and nxt.marker is None
                    and _MEETING_WORD.search(nxt.text) is not None
                ):
                    title = _clean(nxt.text)
                    used.append(nxt)
            continue
        lab = _LABEL.match(body) or _BARE.fullmatch(body)
        label = " ".join(lab.group("l").lower().split()) if lab is not None else ""
        rest = body[lab.end() :] if lab is not None else ""
        lab_end = lab.end() if lab is not None else 0
        head_end = lab.end("l") if lab is not None else 0
        if (
            _NOTE.search(body) is not None
            and not label.startswith(("thành phần", "điểm cầu"))
            and (state is not None or label.startswith("thời gian"))
        ):
            notes.append(_clean(it.text if it.marker is None else body))
            used.append(it)
            continue
        if label.startswith("chủ trì"):
            chairs.extend(c for c in (_clean(x) for x in rest.split(";")) if c)
            used.append(it)
            state = "chair"
            continue
        if label.startswith("thời gian"):
            time_tries += 1
            if time_tries <= _MAX_TRIES and (when is None or not when.time_known):
                extra = None
                if (
                    i + 1 < len(items)
                    and items[i + 1].marker is None
                    and _LABEL.match(items[i + 1].body) is None
                ):
                    extra = items[i + 1].text
                inline = _PLACE_LABEL.search(rest)
                w = _read_when(rest[: inline.start()] if inline else rest, extra)
                if w is not None:
                    when = w
                    used.append(it)
                    if inline is not None and main_place is None:
                        main_place = _clean(rest[inline.end() :]) or None
                    elif "địa điểm" in label and main_place is None:
                        t = _TAI.search(rest)
                        if t is not None and t.start() > 0:
                            main_place = _clean(rest[t.end() :])
                    cue = cue or _MEETING_WORD.search(rest) is not None
            state = "time"
            continue
        if label.startswith("địa điểm"):
            place = rest
            t = _TAI.match(place)
            if t is not None:
                place = place[t.end() :]
            if _clean(place):
                main_place = _clean(place)
                used.append(it)
            state = "place"
            continue
        if label.startswith("hình thức"):
            mode = _mode_of(rest) or mode
            used.append(it)
            state = "mode"
            continue
        if label.startswith("nội dung"):
            if _clean(rest):
                agenda.append(_clean(rest))
            used.append(it)
            state = "agenda"
            continue
        if label.startswith("thành phần"):
            if groups and state == "participants" and not groups[-1][1]:
                pass  # "Thành phần:" under an "Điểm cầu …:" heading
            else:
                groups.append((_clean(body[:lab_end]) or None, [], None))
            if _clean(rest):
                groups[-1][1].append(_clean(rest))
            used.append(it)
            state = "participants"
            continue
        if label.startswith(("điểm cầu", "cấp ")):
            point = _clean(body[:head_end])
            place = rest
            if label.startswith("điểm cầu"):
                place = body[len("điểm cầu") : head_end] + (" " + rest if rest else "")
            t = _TAI.match(place.strip())
            place = place.strip()[t.end() :] if t is not None else place
            place = _clean(place)
            if place.lower().endswith(", gồm") or place.lower().endswith(" gồm"):
                place = _clean(place[: place.lower().rfind("gồm")])
            venues.append([place or point, point, None])
            lbl = _clean(it.text[: len(it.text) - len(body)] + point) if it.marker else point
            groups.append((lbl, [], len(venues) - 1))
            used.append(it)
            state = "participants"
            continue
        if _PREP.match(body) is not None:
            state = "prep"
            continue
        if it.marker in ("dash", "letter") and state == "participants" and groups:
            member = _clean(body)
            groups[-1][1].append(member)
            used.append(it)
            inv = _INVITED.search(body)
            if inv is not None and groups[-1][2] is not None:
                venues[groups[-1][2]][2] = inv.group(1).strip()
            c = _chair_of_member(member)
            if c is not None:
                member_chairs.append(c)
            continue
        if it.marker == "dash" and state == "agenda":
            agenda.append(_clean(body))
            used.append(it)
            continue
        if it.marker == "dash" and state == "chair":
            chairs.append(_clean(body))
            used.append(it)
            continue
        if it.marker is not None and it.marker != "dash":
            state = "other" if state is not None else None
        # sentences of the preamble or of a conclusion notice
        tb = _tb_sentence(it.text) if not preamble_done else None
        if tb is not None:
            day, who, event, tb_place, tb_half, tb_wd = tb
            w = _When()
            w.start = dt.datetime.combine(day, dt.time(0, 0), tzinfo=VN_TZ)
            w.text = it.text[: it.text.find(",")]
            w.half = tb_half
            w.weekday_ok = tb_wd
            if tb_place and main_place is None:
                main_place = tb_place
            if when is None:
                when = w
            sentence_chairs.append(who)
            if event:
                title = event
            held = True
            cue = True
            used.append(it)
            att = _ATTEND.search(it.text)
            if att is not None:
                stop = it.text.find(". ", att.end())
                groups.append(
                    (
                        "Tham dự",
                        list(_split_attendees(it.text[att.end() : stop if stop > 0 else None])),
                        None,
                    )
                )
            preamble_done = True
            continue
        if when is None and not chairs and not groups:
            entry = _entry(body)
            if entry is not None:
                when, e_who, what, where = entry
                if e_who:
                    sentence_chairs.append(e_who)
                if what and title is None:
                    title = what
                if where and main_place is None:
                    main_place = where
                cue = True
                used.append(it)
                continue
        if state is None or state == "other":
            att = _ATTEND.match(it.text)
            if att is not None and held and not groups:
                stop = it.text.find(". ", att.end())
                groups.append(
                    (
                        "Tham dự",
                        list(_split_attendees(it.text[att.end() : stop if stop > 0 else None])),
                        None,
                    )
                )
                used.append(it)
                continue
            ch = _CHAIR_WORD.search(it.text)
            if ch is not None:
                k = it.text.rfind(" do ", max(0, ch.start() - 200), ch.start())
                tail = it.text[ch.end() : ch.end() + 1]
                if (
                    k >= 0
                    and tail in ("", ".", ",", ";", ")")
                    and _MEETING_WORD.search(it.text, max(0, k - 200), k) is not None
                ):
                    who = _clean(it.text[k + 4 : ch.start()])
                    if who:
                        sentence_chairs.append(who)
                        used.append(it)
            if state is None and not held:
                if organiser is None:
                    organiser = _organiser(it.text)
                    if organiser is not None:
                        used.append(it)
                if title is None:
                    title = _title_after_organise(it.text)
                if mode is None:
                    hk = low.find("hình thức")
                    if hk >= 0:
                        mode = _mode_of(body[hk : hk + 60])
                    elif "tổ chức trực tuyến" in low or "họp trực tuyến" in low:
                        mode = MeetingMode.TRUC_TUYEN
                if _MEETING_WORD.search(it.text) is not None:
                    cue = cue or "mời" in low or "tổ chức" in low
                    if prose is None:
                        prose = _prose(it.text)
                        if prose is not None:
                            used.append(it)
    if prose is not None and (when is None or when.start is None):
        when = prose[0]
        if main_place is None and prose[1] is not None:
            main_place = prose[1]
    chair = tuple(chairs or member_chairs or sentence_chairs)
    all_venues: list[Venue] = []
    if main_place:
        all_venues.append(Venue(main_place))
    all_venues.extend(Venue(str(p), pt, inv) for p, pt, inv in venues)
    if mode is None and any(v.point and "điểm cầu" in v.point.lower() for v in all_venues):
        mode = MeetingMode.TRUC_TUYEN
    start = when.start if when is not None else None
    if start is None and not all_venues and not chair:
        return None
    if not cue and not (chair and (start is not None or all_venues)):
        return None
    if not used:
        return None
    if title is None and agenda:
        title = agenda[0]
    a = min(x.start for x in used)
    b = max(x.end for x in used)
    span = nt.to_original(a, b)
    return Meeting(
        title=title,
        organiser=organiser,
        chair=chair,
        start=start,
        end=when.end if when is not None else None,
        start_text=when.text if when is not None else None,
        weekday_ok=when.weekday_ok if when is not None else None,
        mode=mode,
        venues=tuple(all_venues),
        participants=tuple(ParticipantGroup(lbl, tuple(ms)) for lbl, ms, _ in groups if ms),
        agenda=tuple(agenda),
        notes=tuple(notes),
        held=held,
        span=span,
        text=nt.original[span[0] : span[1]],
        time_known=when.time_known if when is not None else False,
        half_day=when.half if when is not None else None,
        agenda_items=tuple(agenda_item(x) for x in agenda),
    )


_DAY_HEAD = re.compile(
    r"[-•* \t]*(?:(?:thứ[ \t]+(?:hai|ba|tư|năm|sáu|bảy|[2-7]))|chủ[ \t]+nhật)[ \t]*(?:[,:(–-][ \t]*)?"
    r"(?:ngày[ \t]*)?(?P<d>\d{1,2})[ \t]*[/.-][ \t]*(?P<m>\d{1,2})(?:[ \t]*[/.-][ \t]*(?P<y>\d{4}))?"
    r"[ \t)]*(?::[ \t]*)?",
    re.IGNORECASE,
)
_DAY_HEAD_ANY = re.compile(
    r"^[-•* \t|]*(?:thứ[ \t]+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ[ \t]+nhật)[ \t,:(–-]*(?:ngày[ \t]*)?\d",
    re.IGNORECASE | re.M,
)
_HALF_HEAD = re.compile(r"[-•* \t]*(?P<h>sáng|chiều|tối|trưa)[ \t]*(?::|,|$)[ \t]*", re.IGNORECASE)
_SCHEDULE_HEAD = re.compile(r"^[ \t|]*(?:LỊCH|Lịch)[ \t]+[^\n]{0,120}$", re.M)
_MAX_MEETINGS = 500


def find_meetings(source: Source) -> tuple[Meeting, ...]:
    """Every meeting of ``source``: the entries of a lịch công tác / lịch làm việc / lịch
    họp (day headers ``THỨ HAI 14/3`` or ``Thứ Ba, ngày 28/5/2024`` with timed entries ``-
    7 giờ 30’, <who> chủ trì họp …. Địa điểm: …``, half-day headers ``Sáng:``/``Chiều:``;
    a day without its year takes the year of the schedule's first full date), else the one
    meeting of :func:`parse_meeting` (an invitation, a conclusion notice). In text order;
    never raises on a ``str``.

    >>> ms = find_meetings("LỊCH CÔNG TÁC TUẦN (từ ngày 12/01/2026 đến ngày 16/01/2026)\\n"
    ...     "THỨ HAI 12/01\\n- 8 giờ 00, Chủ tịch UBND tỉnh chủ trì họp giao ban. Địa điểm: "
    ...     "Phòng họp số 1.\\nTHỨ BA 13/01\\n- 14 giờ 30, Phó Chủ tịch Nguyễn Văn B dự Hội "
    ...     "nghị tổng kết. Địa điểm: Hội trường tỉnh.")
    >>> [(m.start.isoformat(), m.place) for m in ms]
    [('2026-01-12T08:00:00+07:00', 'Phòng họp số 1'), ('2026-01-13T14:30:00+07:00', 'Hội trường tỉnh')]
    """
    nt = as_normalized(source)
    entries = _schedule_meetings(nt)
    if entries:
        return tuple(entries)
    one = _parse(nt)
    return () if one is None else (one,)


def _schedule(nt: NormalizedText) -> list[Meeting]:
    """The timed entries under day headers, read line by line (a schedule's headers carry
    no final stop, so the item joiner of :func:`parse_meeting` is not used)."""
    s = nt.text
    year: int | None = None
    first_day: dt.date | None = None
    for d in find_dates(s[:1500]):
        year, first_day = d.value.year, d.value
        break
    day: dt.date | None = None
    half: str | None = None
    out: list[Meeting] = []
    cur: list[int] | None = None  # [start, end] of the entry being read
    cur_day: tuple[dt.date, str | None] | None = None

    def flush() -> None:
        if cur is not None and cur_day is not None and len(out) < _MAX_MEETINGS:
            m = _day_entry(nt, cur[0], cur[1], cur_day[0], cur_day[1])
            if m is not None:
                out.append(m)

    for a, b in _lines(s):
        line = s[a:b]
        at = a
        dh = _DAY_HEAD.match(line)
        if dh is not None and (dh.group("y") or year is not None):
            flush()
            cur = None
            y = int(dh.group("y")) if dh.group("y") else year
            assert y is not None
            try:
                day = dt.date(y, int(dh.group("m")), int(dh.group("d")))
            except ValueError:
                day = None
                continue
            if (
                not dh.group("y")
                and first_day is not None
                and day < first_day - dt.timedelta(days=31)
            ):
                day = day.replace(year=day.year + 1)  # a week across the new year
            half = None
            at = a + dh.end()
        hh = _HALF_HEAD.match(s, at, b)
        if hh is not None and day is not None:
            flush()
            cur = None
            half = hh.group("h").lower()
            at = hh.end()
        if at >= b or day is None:
            continue
        seg = s[at:b].lstrip("-•*+ \t")
        starts = at != a or s[at] in "-•*+" or find_times(seg[:14]) != ()
        if starts and _timed(seg):
            flush()
            cur = [at, b]
            cur_day = (day, half)
        elif cur is not None and not starts:
            cur[1] = b  # a wrapped line of the entry
        else:
            flush()
            cur = None
    flush()
    return out


def _timed(seg: str) -> bool:
    lead = seg.lstrip("( ")
    off = len(seg) - len(lead)
    times = find_times(seg[: off + 14])
    return bool(times) and times[0].span[0] <= off + 1


_WHO_VERB = re.compile(
    r"[ \t]+(?P<v>chủ[ \t]+trì|dự|làm[ \t]+việc|tiếp|họp|đi|kiểm[ \t]+tra|thăm|đón|gặp)(?![^\W_])",
    re.IGNORECASE,
)
_SCHED_PLACE = re.compile(
    r"(?:(?<![^\W_])điểm[ \t]+(?:tập[ \t]+trung[ \t]+)?tại|(?<![^\W_])địa[ \t]+điểm[ \t]*:|(?<![^\W_])tại)[ \t]+",
    re.IGNORECASE,
)


def _day_entry(
    nt: NormalizedText, a: int, b: int, day: dt.date, half: str | None
) -> Meeting | None:
    """One timed entry under a day header: ``7 giờ 30’, <who> <verb> <what>. Điểm tại
    <place>.`` (the day from the header; a date printed in the entry wins)."""
    raw = " ".join(nt.text[a:b].split()).lstrip("-•*+ ")
    lead = raw.lstrip("( ")
    off = len(raw) - len(lead)
    times = find_times(raw[: off + 14])
    if not times:
        return None
    t0 = times[0]
    when = _read_when(raw) if find_dates(raw[: t0.span[1] + 30]) else None
    if when is None or not when.time_known:
        when = _When()
        when.start = dt.datetime.combine(day, t0.value, tzinfo=VN_TZ)
        when.time_known = True
        later = [t for t in find_times(raw[: t0.span[1] + 20]) if t.span[0] > t0.span[0]]
        if later and _SLOT_GAP.fullmatch(raw[t0.span[1] : later[0].span[0]]) is not None:
            when.end = dt.datetime.combine(day, later[0].value, tzinfo=VN_TZ)
    when.text = _clean(raw[off : t0.span[1]])
    rest_at = t0.span[1]
    if when.end is not None:
        rest_at = raw.find(",", rest_at) + 1 or rest_at
    rest = raw[rest_at:].lstrip(" ,.:)-–’'′")
    wv = _WHO_VERB.search(rest, 0, 200)
    who = None
    what = rest
    if wv is not None:
        who = _clean(rest[: wv.start()]) or None
        what = rest[wv.start() :].strip()
        if wv.group("v").lower().replace("\t", " ") in ("chủ trì", "dự"):
            what = rest[wv.end() :].strip()
    pl = _SCHED_PLACE.search(what)
    place = None
    if pl is not None:
        stop = what.find(". ", pl.end())
        place = _clean(what[pl.end() : stop if stop >= 0 else len(what)]) or None
        what = what[: pl.start()]
    stop = what.find(". ")
    title = _clean(what[:stop] if stop >= 0 else what) or None
    if title is not None and _MEETING_WORD.search(title) is None and wv is None:
        return None  # a timed line that is neither a meeting nor someone's engagement
    chairs: tuple[str, ...] = ()
    groups: tuple[ParticipantGroup, ...] = ()
    if who and wv is not None:
        if wv.group("v").lower().startswith("chủ"):
            chairs = (who,)
        else:
            groups = (ParticipantGroup("Tham dự", (who,)),)
    span = nt.to_original(a, b)
    return Meeting(
        title=title,
        organiser=None,
        chair=chairs,
        start=when.start,
        end=when.end,
        start_text=when.text,
        weekday_ok=when.weekday_ok,
        mode=_mode_of(raw),
        venues=(Venue(place),) if place else (),
        participants=groups,
        agenda=(),
        notes=(),
        held=False,
        span=span,
        text=nt.original[span[0] : span[1]],
        time_known=True,
        half_day=when.half or half,
    )
