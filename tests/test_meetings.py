"""Meetings (issue 12): parse_meeting on the seeds, the labelled corpus files, real
phrases and negatives; format_meeting read back; to_ics."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnadmin import read_document
from vnadmin.dates.times import VN_TZ
from vnadmin.errors import VnAdminError
from vnadmin.meetings import (
    Meeting,
    MeetingMode,
    ParticipantGroup,
    Venue,
    format,
    format_meeting,
    parse,
    parse_meeting,
)
from vnadmin.text import normalize_text

DATA = Path(__file__).parent / "data"
FILES = DATA / "files"
TEXTS = DATA / "texts"
EXPECTED = json.loads((FILES / "expected.json").read_text(encoding="utf-8"))


def vn(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


@pytest.fixture(scope="module")
def gm_seed() -> str:
    return (TEXTS / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tb_seed() -> str:
    return (TEXTS / "thong-bao_seed-ket-luan-2024.txt").read_text(encoding="utf-8")


# --- the seeds ---------------------------------------------------------------------


def test_giay_moi_seed(gm_seed: str) -> None:
    m = parse_meeting(gm_seed)
    assert m is not None
    assert m.title == (
        "Hội nghị đánh giá, đẩy nhanh tiến độ thực hiện Chương trình mục tiêu quốc gia phát "
        "triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm 2025"
    )
    assert m.organiser == "Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh"
    # dual capacity: one chair, both titles
    assert m.chair == (
        "Đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh, Phó Trưởng Ban Thường trực Ban Chỉ đạo",
    )
    assert m.start == vn(2025, 9, 29, 14, 0)
    assert m.start.utcoffset() == dt.timedelta(hours=7)
    assert m.end is None
    assert m.time_known and m.weekday_ok is True
    assert m.start_text == "từ 14 giờ 00, ngày 29/9/2025 (thứ Hai)"
    assert m.mode is MeetingMode.KET_HOP
    assert m.venues == (
        Venue("phòng họp trực tuyến tầng 4, trụ sở UBND tỉnh", "Cấp tỉnh"),
        Venue("phòng họp trực tuyến các xã, phường", "Cấp xã, phường", "UBND xã, phường"),
    )
    assert [g.label for g in m.participants] == ["a) Cấp tỉnh", "b) Cấp xã, phường"]
    assert [len(g.members) for g in m.participants] == [4, 3]
    assert m.participants[0].members[2] == "Đại diện Lãnh đạo: Sở Nội vụ, Sở Tư pháp"
    assert len(m.agenda) == 3
    assert (
        m.agenda[1]
        == "Giải đáp các khó khăn, vướng mắc, hướng dẫn, chia sẻ cách thức thực hiện hiệu quả"
    )
    assert m.notes == (
        "Thời gian kiểm tra, chạy thử đường truyền từ 10 giờ ngày 29/9/2025 và thử lại từ 13 giờ "
        "ngày 29/9/2025",
    )
    assert not m.held
    assert gm_seed[m.span[0] : m.span[1]] == m.text
    assert m.text.startswith("GIẤY MỜI \n\nDự Hội nghị đánh giá")
    assert m.text.endswith("thử \n\nlại từ 13 giờ ngày 29/9/2025.")


def test_thong_bao_seed_reports_a_held_meeting(tb_seed: str) -> None:
    m = parse_meeting(tb_seed)
    assert m is not None
    assert m.held
    assert m.start == vn(2024, 1, 3, 0, 0) and not m.time_known
    assert m.chair == ("Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo",)
    assert m.title is not None and m.title.startswith("cuộc họp Ban Chỉ đạo Đại hội đại biểu")
    assert m.participants == (
        ParticipantGroup(
            "Tham dự",
            (
                "các thành viên Ban Chỉ đạo theo Quyết định số 1822/QĐ-UBND ngày 08/11/2023 của "
                "Chủ tịch UBND tỉnh",
            ),
        ),
    )
    assert m.venues == () and m.place is None
    assert tb_seed[m.span[0] : m.span[1]] == m.text
    assert m.text.startswith("Ngày 03/01/2024, đồng chí Đoàn Thanh Sơn")


def test_conclusion_with_half_day_and_place() -> None:
    m = parse_meeting(
        "THÔNG BÁO\nChiều ngày 22/01/2026 (thứ Năm), tại Hội trường tầng 3, đồng chí Nguyễn Văn "
        "A, Phó Chủ tịch UBND tỉnh chủ trì Hội nghị sơ kết. Tham dự có Sở Nội vụ; Sở Tư pháp."
    )
    assert m is not None and m.held
    assert m.start == vn(2026, 1, 22, 0, 0) and m.half_day == "chiều"
    assert m.weekday_ok is True
    assert m.place == "Hội trường tầng 3"
    assert m.chair == ("Nguyễn Văn A, Phó Chủ tịch UBND tỉnh",)
    assert m.title == "Hội nghị sơ kết"
    assert m.participants[0].members == ("Sở Nội vụ", "Sở Tư pháp")


# --- the labelled corpus files -------------------------------------------------------


def _fold(text: str) -> str:
    t = re.sub(r"\([^()]*\)", " ", text.lower())
    t = " ".join(re.sub(r"[^\w\s]", " ", t).split())
    return t[len("đồng chí ") :] if t.startswith("đồng chí ") else t


LABELLED = [e for e in EXPECTED if e.get("meeting") is not None]
UNLABELLED = [e["file"] for e in EXPECTED if e.get("meeting") is None]


def test_six_meetings_are_labelled() -> None:
    assert len(LABELLED) == 6


@pytest.mark.parametrize("entry", LABELLED, ids=[e["file"] for e in LABELLED])
def test_corpus_meeting_start_place_chair(entry: dict[str, object]) -> None:
    text = read_document(FILES / str(entry["file"])).text
    label = entry["meeting"]
    assert isinstance(label, dict)
    m = parse_meeting(text)
    start, place, chair = label.get("start"), label.get("place"), label.get("chair")
    if start is None and place is None and chair is None:
        # the letter names the meeting but prints neither time, place nor chair
        assert m is None
        return
    assert m is not None
    assert text[m.span[0] : m.span[1]] == m.text
    if start is None:
        assert m.start is None
    elif str(start).startswith("symbolic:"):
        assert m.start is not None and not m.time_known
        d = m.start.date()
        assert f"{d.day:02d}/{d.month:02d}/{d.year}" in str(start)
    elif "T" in str(start):
        assert m.time_known and m.start is not None
        assert m.start.strftime("%Y-%m-%dT%H:%M") == start
    else:
        assert m.start is not None and m.start.date().isoformat() == start
        assert m.held
    if place is None:
        assert m.venues == ()
    else:
        words = {w for v in m.venues for w in _fold(v.place).split()}
        assert m.place is not None and set(_fold(m.place).split()) <= set(_fold(str(place)).split())
        assert set(_fold(str(place)).split()) <= words
    if chair is None:
        assert m.chair == ()
    else:
        assert m.chair and _fold(m.chair[0]) == _fold(str(chair))


def test_corpus_details() -> None:
    texts = {e["file"]: read_document(FILES / e["file"]).text for e in LABELLED}
    gm85 = parse_meeting(texts["giay-moi_85-GM-UBND-lam-dong.pdf"])
    assert gm85 is not None
    assert gm85.half_day == "chiều" and gm85.weekday_ok is True
    assert gm85.start_text == "từ 14h00 ngày 22/01/2026 (Chiều thứ Năm)"
    assert sum(len(g.members) for g in gm85.participants) == 8
    assert gm85.organiser == "Ủy ban nhân dân tỉnh"
    gm45 = parse_meeting(texts["giay-moi_45-GM-UBND-lam-dong.doc"])
    assert gm45 is not None
    assert gm45.chair == ("Đồng chí Hồ Văn Mười - Chủ tịch UBND tỉnh",)
    assert sum(len(g.members) for g in gm45.participants) == 12
    assert gm45.agenda == ("Phiên họp lần thứ nhất Ban Chỉ đạo quốc gia về dữ liệu",)
    cd = parse_meeting(texts["cong-dien_58-CD-VPCP.pdf"])
    assert cd is not None
    assert cd.mode is MeetingMode.KET_HOP
    assert cd.chair == ("Thủ tướng Chính phủ Phạm Minh Chính, Trưởng Ban Chỉ đạo",)
    assert [v.point for v in cd.venues] == [
        None,
        "Điểm cầu Trụ sở Chính phủ (Phòng Hội đàm, Tầng 2, Nhà 9 tầng)",
        "Điểm cầu các tỉnh, thành phố trực thuộc Trung ương",
    ]
    assert cd.venues[2].invited_by == "địa phương"
    assert any("dangkyhop@chinhphu.vn" in n for n in cd.notes)
    pt = parse_meeting(texts["phieu-trinh_10-01-26-PT-NC-lam-dong.docx"])
    assert pt is not None
    assert pt.mode is MeetingMode.TRUC_TUYEN
    assert pt.end == vn(2025, 1, 16, 0, 0)
    tb = parse_meeting(
        texts["thong-bao_khong-so-TB-UBND-lam-dong-ket-luan-hoi-nghi-cchc-2026-01.docx"]
    )
    assert tb is not None and tb.held
    assert tb.participants[0].members == (
        "đại diện lãnh đạo các sở, ban, ngành tỉnh",
        "lãnh đạo Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
        "đại diện VNPT Lâm Đồng",
        "các đơn vị liên quan",
    )


@pytest.mark.parametrize("name", UNLABELLED)
def test_corpus_files_without_a_meeting(name: str) -> None:
    assert parse_meeting(read_document(FILES / name).text) is None


@pytest.mark.parametrize(
    "name", sorted(p.name for p in TEXTS.glob("*.txt") if "seed" not in p.name)
)
def test_texts_without_a_meeting(name: str) -> None:
    assert parse_meeting((TEXTS / name).read_text(encoding="utf-8")) is None


# --- real phrases --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "start", "time_known"),
    [
        ("08h00’ ngày 15/01/2024 (thứ Hai)", vn(2024, 1, 15, 8, 0), True),
        ("7 giờ 30’, ngày 12/01/2026", vn(2026, 1, 12, 7, 30), True),
        ("14 giờ, ngày 22/01/2026 (thứ Năm)", vn(2026, 1, 22, 14, 0), True),
        (
            "01 buổi, bắt đầu lúc 14 giờ 30, ngày 12 tháng 01 năm 2026 (thứ Hai)",
            vn(2026, 1, 12, 14, 30),
            True,
        ),
        ("14 giờ 00\nngày 29/9/2025 (thứ Hai)", vn(2025, 9, 29, 14, 0), True),
        ("14 giờ 00.\nNgày 29/9/2025.", vn(2025, 9, 29, 14, 0), True),
        ("ngày 29/9/2025.\n14 giờ 00.", vn(2025, 9, 29, 14, 0), True),
        ("sáng ngày 22/01/2026", vn(2026, 1, 22, 0, 0), False),
    ],
)
def test_times(when: str, start: dt.datetime, time_known: bool) -> None:
    m = parse_meeting(f"GIẤY MỜI\n1. Thời gian: {when}\n2. Địa điểm: Phòng họp số 1.")
    assert m is not None
    assert m.start == start and m.time_known is time_known
    assert m.place == "Phòng họp số 1"


def test_half_day_and_weekday_mismatch() -> None:
    m = parse_meeting("GIẤY MỜI\nThời gian: chiều ngày 29/9/2025 (thứ Ba).\nĐịa điểm: Hội trường.")
    assert m is not None
    assert m.half_day == "chiều" and not m.time_known
    assert m.weekday_ok is False  # 29/9/2025 is a Monday


def test_start_and_end() -> None:
    m = parse_meeting(
        "THÔNG BÁO TRIỆU TẬP\nThời gian: từ 8 giờ 00 đến 11 giờ 30, ngày 3/3/2025.\n"
        "Địa điểm: Hội trường tầng 2."
    )
    assert m is not None
    assert (m.start, m.end) == (vn(2025, 3, 3, 8, 0), vn(2025, 3, 3, 11, 30))


def test_schedule_entry() -> None:
    m = parse_meeting(
        "- 14 giờ, ngày 22/01/2026 (thứ Năm), Chủ tịch UBND tỉnh chủ trì họp Ban Chỉ đạo. "
        "Địa điểm: Phòng họp số 2."
    )
    assert m is not None
    assert m.start == vn(2026, 1, 22, 14, 0) and m.weekday_ok is True
    assert m.chair == ("Chủ tịch UBND tỉnh",)
    assert m.place == "Phòng họp số 2"
    assert m.title == "họp Ban Chỉ đạo"


@pytest.mark.parametrize(
    "text",
    [
        "GIẤY MỜI\n1. Chủ trì hội nghị: Đồng chí A.\n2. Thời gian họp: 14 giờ 00, ngày 29/9/2025.\n"
        "3. Địa điểm họp: tại Hội trường A.",
        "GIẤY MỜI\n1. Chủ trì: Đồng chí A.\n2. Thời gian: 14 giờ 00, ngày 29/9/2025. Địa điểm: "
        "Hội trường A.",
    ],
)
def test_label_variants(text: str) -> None:
    m = parse_meeting(text)
    assert m is not None
    assert (m.chair, m.start, m.place) == (("Đồng chí A",), vn(2025, 9, 29, 14, 0), "Hội trường A")


def test_prose_invitation() -> None:
    text = (
        "Kính gửi: Sở Nội vụ.\nThực hiện Quyết định số 12/QĐ-UBND ngày 20/7/2025, Ủy ban nhân dân "
        "tỉnh tổ chức Hội nghị tổng kết vào lúc 14 giờ 00, ngày 29/9/2025 (thứ Hai), tại Hội "
        "trường tầng 3, số 36 Trần Phú. Trân trọng kính mời."
    )
    m = parse_meeting(text)
    assert m is not None
    assert m.title == "Hội nghị tổng kết" and m.organiser == "Ủy ban nhân dân tỉnh"
    assert m.start == vn(2025, 9, 29, 14, 0) and m.weekday_ok is True
    assert m.place == "Hội trường tầng 3, số 36 Trần Phú"


def test_chair_in_a_do_sentence() -> None:
    m = parse_meeting(
        "Văn phòng Chính phủ trân trọng kính mời Đồng chí dự Phiên họp lần thứ nhất do Thủ tướng "
        "Chính phủ chủ trì.\nI. Thời gian: 14 giờ 30 phút, ngày 12/01/2026."
    )
    assert m is not None
    assert m.chair == ("Thủ tướng Chính phủ",)
    assert m.title == "Phiên họp lần thứ nhất"
    assert m.organiser == "Văn phòng Chính phủ"
    # "các dự thảo do Ban Dân tộc chủ trì xây dựng" names who drafts, not a chair
    assert parse_meeting("Cơ bản nhất trí với các dự thảo do Ban Dân tộc chủ trì xây dựng.") is None


def test_chair_marked_in_the_participant_list() -> None:
    m = parse_meeting(
        "GIẤY MỜI\n1. Thành phần:\n- Đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh - Chủ trì;\n"
        "- Đại diện Lãnh đạo: Sở Nội vụ, Sở Tư pháp.\n2. Thời gian: 14 giờ 00, ngày 29/9/2025."
    )
    assert m is not None
    assert m.chair == ("Đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh",)
    assert m.participants[0].members[1] == "Đại diện Lãnh đạo: Sở Nội vụ, Sở Tư pháp"


def test_preparation_duty_with_chu_tri_is_not_the_chair() -> None:
    m = parse_meeting(
        "GIẤY MỜI\n1. Chủ trì: Đồng chí B.\n2. Thời gian: 14 giờ 00, ngày 29/9/2025.\n"
        "3. Phân công chuẩn bị\n- Giao Công an tỉnh chủ trì, phối hợp với Sở Tư pháp chuẩn bị báo cáo."
    )
    assert m is not None and m.chair == ("Đồng chí B",)


def test_span_exact_and_mapped_back_from_nfd() -> None:
    body = "1. Chủ trì: Đồng chí Nguyễn Văn A.\n2. Thời gian: 14 giờ 00, ngày 29/9/2025."
    src = "GIẤY MỜI\n" + body + "\nNơi nhận:\n- Như trên;"
    m = parse_meeting(src)
    assert m is not None
    assert m.span == (0, 9 + len(body)) and m.text == "GIẤY MỜI\n" + body
    nfd = unicodedata.normalize("NFD", src)
    m2 = parse_meeting(nfd)
    assert m2 is not None
    assert m2.text == nfd[m2.span[0] : m2.span[1]]
    assert unicodedata.normalize("NFC", m2.text) == m.text
    assert parse_meeting(normalize_text(src)) == m


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Công văn về việc báo cáo số liệu.",
        "Kế hoạch kiểm tra\nThời gian: từ ngày 01/3/2025 đến ngày 30/3/2025.\nĐịa điểm: các xã.",
        "Giao Sở Tư pháp chủ trì, phối hợp với các cơ quan liên quan hoàn thành trước ngày 10/5/2026.",
        "Ngày 03/01/2024, Sở Nội vụ ban hành Công văn số 12/SNV-TCBM.",
        "- Cấp trưởng ký trực tiếp.\n- Cấp phó ký thay.",
    ],
)
def test_no_meeting(text: str) -> None:
    assert parse_meeting(text) is None


def test_verbs() -> None:
    assert parse is parse_meeting and format is format_meeting


def test_non_str_raises_vnadmin_error() -> None:
    with pytest.raises(VnAdminError):
        parse_meeting(b"GIAY MOI")  # type: ignore[arg-type]


# --- properties ----------------------------------------------------------------------


@given(st.text(max_size=400))
def test_never_raises_on_text(text: str) -> None:
    m = parse_meeting(text)
    if m is not None:
        assert text[m.span[0] : m.span[1]] == m.text


_PIECES = st.sampled_from(
    [
        "GIẤY MỜI",
        "1. Chủ trì:",
        "- ",
        "Thời gian:",
        "Địa điểm:",
        "14 giờ 00",
        "ngày 29/9/2025",
        "(thứ Hai)",
        "Thành phần:",
        "a) Cấp tỉnh: tại",
        "Điểm cầu",
        "chủ trì",
        "\n",
        "\n\n",
        ".",
        ";",
        ":",
        "Nơi nhận:",
        "Ngày 03/01/2024,",
        "đồng chí",
        "08h00’",
        "sáng",
        "đến",
        "(do",
        "mời)",
        "Hình thức: trực tuyến",
        "Nội dung:",
        "Phiên họp do",
        "x",
    ]
)


@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_never_raises_on_meeting_words(text: str) -> None:
    m = parse_meeting(text)
    if m is not None:
        assert text[m.span[0] : m.span[1]] == m.text
        assert m.start is None or m.start.tzinfo is not None


from vnadmin.strategies import meetings  # noqa: E402  (the strategy users get)


@given(meetings())
def test_format_reads_back(m: Meeting) -> None:
    back = parse_meeting(format_meeting(m))
    assert back is not None
    assert back.start == m.start and back.time_known == m.time_known
    assert back.place == m.place
    assert back.chair == m.chair
    assert back.held == m.held
    assert back.mode == m.mode
    assert [(a.content, a.presenter) for a in back.agenda_items] == [
        (a.content, a.presenter) for a in m.agenda_items
    ]


@pytest.mark.parametrize("entry", LABELLED[:1] + LABELLED[3:], ids=lambda e: e["file"])
def test_format_reads_back_real_meetings(entry: dict[str, str]) -> None:
    m = parse_meeting(read_document(FILES / entry["file"]).text)
    assert m is not None
    back = parse_meeting(format_meeting(m))
    assert back is not None
    assert (back.start, back.place, back.chair) == (m.start, m.place, m.chair)


# --- ics -----------------------------------------------------------------------------


def test_to_ics(gm_seed: str) -> None:
    icalendar = pytest.importorskip("icalendar")
    from vnadmin.meetings.ics import to_ics

    m = parse_meeting(gm_seed)
    assert m is not None
    stamp = dt.datetime(2025, 9, 20, tzinfo=dt.timezone.utc)
    data = to_ics(m, stamp=stamp)
    assert data == to_ics(m, stamp=stamp)  # deterministic
    cal = icalendar.Calendar.from_ical(data)
    (ev,) = [c for c in cal.walk() if c.name == "VEVENT"]
    assert ev.decoded("dtstart") == m.start
    assert str(ev["summary"]) == m.title
    assert str(ev["location"]).startswith("phòng họp trực tuyến tầng 4")
    assert "Chủ trì: Đồng chí Đoàn Thanh Sơn" in str(ev["description"])


def test_to_ics_day_only(tb_seed: str) -> None:
    icalendar = pytest.importorskip("icalendar")
    from vnadmin.meetings.ics import to_ics

    m = parse_meeting(tb_seed)
    assert m is not None
    cal = icalendar.Calendar.from_ical(to_ics(m))
    (ev,) = [c for c in cal.walk() if c.name == "VEVENT"]
    assert ev.decoded("dtstart") == dt.date(2024, 1, 3)
    assert ev.decoded("dtend") == dt.date(2024, 1, 4)


def test_to_ics_needs_a_start_and_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from vnadmin._extras import MissingExtraError
    from vnadmin.meetings.ics import to_ics

    m = parse_meeting("GIẤY MỜI\nChủ trì: Đồng chí A.\nĐịa điểm: Hội trường.")
    assert m is not None and m.start is None
    with pytest.raises(VnAdminError):
        to_ics(m)
    m2 = parse_meeting("GIẤY MỜI\nThời gian: 14 giờ 00, ngày 29/9/2025.\nĐịa điểm: Hội trường.")
    assert m2 is not None
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(MissingExtraError, match=r"vnadmin\[ics\]"):
        to_ics(m2)


def test_json_round_trip(gm_seed: str) -> None:
    from vnadmin.serialization import from_json, to_json

    m = parse_meeting(gm_seed)
    assert m is not None
    assert from_json(to_json(m), Meeting) == m


# --- agenda items (time slots, presenting units) ---


def test_agenda_items_read_time_slots_and_presenters() -> None:
    from vnadmin.meetings import agenda_item

    a = agenda_item("- Từ 8 giờ 00 đến 8 giờ 15: Khai mạc hội nghị (Văn phòng UBND tỉnh);")
    assert (a.start, a.end) == (dt.time(8, 0), dt.time(8, 15))
    assert (a.content, a.presenter) == ("Khai mạc hội nghị", "Văn phòng UBND tỉnh")
    b = agenda_item("(8h30) Hội nghị Thường trực Tỉnh ủy")
    assert b.start == dt.time(8, 30) and b.end is None and b.presenter is None
    c = agenda_item("Báo cáo tình hình thực hiện do Sở Tư pháp trình bày.")
    assert (c.content, c.presenter) == ("Báo cáo tình hình thực hiện", "Sở Tư pháp")
    d = agenda_item("Sở Tài chính báo cáo tình hình giải ngân vốn đầu tư công")
    assert d.presenter == "Sở Tài chính" and d.content.startswith("Báo cáo tình hình")
    # a reference in brackets is no presenter; a plain item keeps its text
    e = agenda_item("Đánh giá kết quả (theo Quyết định số 12/QĐ-UBND)")
    assert e.presenter is None and e.content == e.text


def test_meeting_agenda_items_follow_the_agenda() -> None:
    m = parse_meeting(
        "GIẤY MỜI\n1. Chủ trì: Đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh.\n"
        "2. Thời gian: 14 giờ 00, ngày 29/9/2025 (thứ Hai).\n3. Địa điểm: Phòng họp số 2.\n"
        "4. Nội dung:\n- 14h00 - 14h15: Báo cáo kết quả năm 2025 (Sở Nội vụ trình bày);\n"
        "- Thảo luận, cho ý kiến.\n"
    )
    assert m is not None and len(m.agenda) == len(m.agenda_items) == 2
    first, second = m.agenda_items
    assert (first.start, first.end, first.presenter) == (dt.time(14), dt.time(14, 15), "Sở Nội vụ")
    assert second.start is None and second.presenter is None


# --- several meetings: a lịch công tác ---

SCHEDULE = """LỊCH LÀM VIỆC CỦA CHỦ TỊCH, CÁC PHÓ CHỦ TỊCH UBND TỈNH
Từ ngày 14/3 đến ngày 18/3/2022 (Điều chỉnh lần 9)
THỨ HAI 14/3
- 7 giờ 30’, Chủ tịch UBND tỉnh dự Hội nghị giao ban công tác tháng 3. Điểm tại Hội
trường Tỉnh ủy.
- 14 giờ, Phó Chủ tịch Trương Cảnh Tuyên chủ trì họp nghe báo cáo đề án. Mời Sở Nội vụ.
Điểm tại phòng họp số 1 UBND tỉnh.
THỨ BA 15/3
Sáng:
- 8 giờ 00, Chủ tịch UBND tỉnh tiếp công dân định kỳ tại Trụ sở Tiếp công dân tỉnh.
Chiều: 14 giờ 00, Phó Chủ tịch dự họp Ban Chỉ đạo. Địa điểm: Phòng họp số 2.
"""


def test_find_meetings_reads_every_entry_of_a_schedule() -> None:
    from vnadmin.meetings import find, find_meetings

    ms = find_meetings(SCHEDULE)
    assert find is find_meetings
    assert [m.start.isoformat() for m in ms if m.start] == [
        "2022-03-14T07:30:00+07:00",
        "2022-03-14T14:00:00+07:00",
        "2022-03-15T08:00:00+07:00",
        "2022-03-15T14:00:00+07:00",
    ]
    assert ms[0].place == "Hội trường Tỉnh ủy"  # a wrapped entry line joined
    assert ms[0].chair == () and ms[0].participants[0].members == ("Chủ tịch UBND tỉnh",)
    assert ms[1].chair == ("Phó Chủ tịch Trương Cảnh Tuyên",)
    assert ms[1].place == "phòng họp số 1 UBND tỉnh"
    assert [m.half_day for m in ms] == [None, None, "sáng", "chiều"]
    for m in ms:
        assert SCHEDULE[m.span[0] : m.span[1]] == m.text
    # parse_meeting gives the first entry
    first = parse_meeting(SCHEDULE)
    assert first is not None and first.start == ms[0].start


def test_find_meetings_across_the_new_year_and_on_single_documents() -> None:
    from vnadmin.meetings import find_meetings

    ms = find_meetings(
        "LỊCH CÔNG TÁC TUẦN (từ ngày 29/12/2025 đến ngày 02/01/2026)\n"
        "THỨ TƯ 31/12\n- 8 giờ 00, Chủ tịch UBND tỉnh chủ trì họp tổng kết năm.\n"
        "THỨ SÁU 02/01\n- 14 giờ 00, Chủ tịch UBND tỉnh chủ trì họp triển khai nhiệm vụ năm.\n"
    )
    assert [m.start.date() for m in ms if m.start] == [dt.date(2025, 12, 31), dt.date(2026, 1, 2)]
    # an invitation is one meeting; a text without one gives none
    one = find_meetings(
        "GIẤY MỜI\n1. Chủ trì: Đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh.\n"
        "2. Thời gian: 14 giờ 00, ngày 29/9/2025.\n3. Địa điểm: Phòng họp số 2.\n"
    )
    assert len(one) == 1 and one[0].place == "Phòng họp số 2"
    assert find_meetings("Công văn về việc báo cáo số liệu.") == ()
    # a day header without a timed entry is no meeting
    assert find_meetings("THỨ HAI 14/3/2022\nSáng: làm việc tại cơ quan.\n") == ()
