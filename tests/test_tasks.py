"""Tasks: the two seeds pinned, real phrases of tasks.md §1.1 (E-numbers), negative cases,
status, formatting, robustness (hypothesis)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnadmin
import vnadmin.strategies
from vnadmin.calendar import Calendar
from vnadmin.errors import ParseError, VnAdminError
from vnadmin.tasks import (
    PartyKind,
    Task,
    TaskStatus,
    find,
    find_tasks,
    format_task,
    parse,
    task_status,
)
from vnadmin.text import normalize_text

TEXTS = Path(__file__).resolve().parent / "data" / "texts"


def _row(t: Task) -> tuple[object, ...]:
    return (
        t.section,
        t.lead.name if t.lead else None,
        tuple(p.name for p in t.collaborators),
        tuple(p.name for p in t.report_to),
        t.deadline.due_date.isoformat() if t.deadline and t.deadline.due_date else None,
    )


# ----------------------------------------------------------------- seeds ---------------


def test_seed_ket_luan_every_duty() -> None:
    """[T2] Thông báo kết luận: lead-in "4. Giao Ban Dân tộc … chủ trì, phối hợp …:" gives
    its lead and collaborators to the three bullets (E1-E3); item 5 has two assignees
    (one row each, E7); items 1-3 (Thống nhất, cần…, phân công đồng chí … làm …) and the
    praise (E8) are not tasks."""
    text = (TEXTS / "thong-bao_seed-ket-luan-2024.txt").read_text(encoding="utf-8")
    tasks = find_tasks(text)
    co = ("các cơ quan liên quan",)
    assert [_row(t) for t in tasks] == [
        ("4.-1", "Ban Dân tộc", co, ("Ban cán sự UBND tỉnh",), "2024-01-12"),
        ("4.-2", "Ban Dân tộc", co, ("Trưởng Ban Chỉ đạo",), "2024-01-15"),
        ("4.-3", "Ban Dân tộc", co, ("Trưởng Ban Chỉ đạo",), "2024-01-15"),
        ("5", "Ban Tổ chức", (), (), None),
        ("5", "các Tiểu ban giúp việc Đại hội", (), (), None),
    ]
    first = tasks[0]
    assert first.modality == "giao"
    assert first.action.startswith("Xây dựng dự thảo Chỉ thị của Ban Thường vụ Tỉnh ủy")
    assert any(d.startswith("dự thảo Chỉ thị") for d in first.deliverables)
    assert first.deadline is not None and first.deadline.text == "chậm nhất trong ngày 12/01/2024"
    assert not any(t.proposed or t.execution_clause for t in tasks)
    for t in tasks:
        assert text[t.span[0] : t.span[1]] == t.text


def test_seed_giay_moi_every_duty() -> None:
    """[T1] Giấy mời, section 4 "Tổ chức thực hiện" (E9-E14); "1. Thành phần" (participants)
    and the test-run times (E15, no subject) are not tasks."""
    text = (TEXTS / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
    tasks = find_tasks(text)
    assert [_row(t) for t in tasks] == [
        ("4.a", "Sở Dân tộc và Tôn giáo", (), ("Văn phòng UBND tỉnh",), "2025-09-29"),
        ("4.a", "Sở Dân tộc và Tôn giáo", (), (), None),
        ("4.b", "Thành viên Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh", (), (), None),
        ("4.b", "lãnh đạo các sở, ngành", (), (), None),
        ("4.c", "UBND các xã, phường", (), (), None),
        ("4.c", "UBND các xã, phường", (), ("Sở Dân tộc và Tôn giáo",), None),
        ("4.c", "Các xã có tỷ lệ giải ngân cao", (), (), None),
        (
            "4.d",
            "Sở Khoa học và Công nghệ",
            ("Viễn thông Lạng Sơn", "Trung tâm Thông tin (Văn phòng UBND tỉnh)"),
            (),
            None,
        ),
        ("4.d", "UBND các xã, phường", (), (), None),
    ]
    e9 = tasks[0]
    assert e9.deadline is not None and e9.deadline.due is not None
    assert e9.deadline.due.isoformat() == "2025-09-29T10:00:00+07:00"
    assert "03 bộ bản giấy" in e9.deliverables
    assert tasks[1].modality == "chủ động" and tasks[1].action.startswith("chủ động gửi file")
    assert tasks[2].lead is not None and tasks[2].lead.kind is PartyKind.GROUP_BY_REFERENCE
    assert tasks[4].lead is not None and tasks[4].lead.kind is PartyKind.ORGAN_CLASS
    assert tasks[6].lead is not None and tasks[6].lead.kind is PartyKind.CONDITIONAL
    assert tasks[7].modality == "chủ trì"
    for t in tasks:
        assert text[t.span[0] : t.span[1]] == t.text
        for p in (t.lead, *t.collaborators, *t.report_to):
            assert p is not None and text[p.span[0] : p.span[1]] == p.text


# ------------------------------------------------------------ real phrases -------------

# (E-number of tasks.md §1.1 with its source, text, expected rows (lead, collaborators,
# report_to, deadline day)).
PHRASES: list[tuple[str, str, list[tuple[object, ...]]]] = [
    (
        "E16 [T3] cong-van_3722-VPCP-CN: factored list, 'và' inside one ministry",
        "Giao các Bộ: Công an, Tài chính, Xây dựng, Tư pháp, Nông nghiệp và Môi trường có ý kiến "
        "đối với đề xuất, kiến nghị trước ngày 10 tháng 5 năm 2026 để báo cáo Thủ tướng Chính phủ.",
        [
            (f"Bộ {m}", (), ("Thủ tướng Chính phủ",), "2026-05-09")
            for m in ("Công an", "Tài chính", "Xây dựng", "Tư pháp", "Nông nghiệp và Môi trường")
        ],
    ),
    (
        "E17 [T4] cong-van_2739-VPCP-DMDN: assigner named, conditional escalation",
        "Thủ tướng Chính phủ giao Bộ Kế hoạch và Đầu tư theo chức năng, nhiệm vụ được giao, "
        "nghiên cứu, có giải pháp phù hợp; trường hợp vượt thẩm quyền, báo cáo Thủ tướng Chính phủ.",
        [("Bộ Kế hoạch và Đầu tư", (), ("Thủ tướng Chính phủ",), None)],
    ),
    (
        "E14 [T1] giay-moi seed: X chủ trì, phối hợp với Y và Z",
        "Sở Khoa học và Công nghệ chủ trì, phối hợp với Viễn thông Lạng Sơn và Trung tâm Thông "
        "tin (Văn phòng UBND tỉnh) chuẩn bị chu đáo thiết bị, đường truyền.",
        [
            (
                "Sở Khoa học và Công nghệ",
                ("Viễn thông Lạng Sơn", "Trung tâm Thông tin (Văn phòng UBND tỉnh)"),
                (),
                None,
            )
        ],
    ),
    (
        "E35 [T16] Bình Định 2024: đề nghị as a soft instruction, conditional report",
        "Chủ tịch UBND tỉnh đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh triển khai thực hiện và "
        "báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ) nếu có vấn đề phát sinh vượt thẩm quyền.",
        [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", (), ("Chủ tịch UBND tỉnh",), None)],
    ),
    (
        "E36 [T17] Quảng Nam press: dot date, báo cáo kết quả về X",
        "Yêu cầu Sở Y tế khẩn trương rà soát, triển khai ngay các nhiệm vụ và báo cáo kết quả về "
        "Chủ tịch UBND tỉnh bằng văn bản trước ngày 20.7.2020.",
        [("Sở Y tế", (), ("Chủ tịch UBND tỉnh",), "2020-07-19")],
    ),
    (
        "E42 [T25] NQ 03/NQ-CP: có trách nhiệm, year deadline",
        "Bộ Tài chính có trách nhiệm rà soát các chương trình, kế hoạch hành động để điều chỉnh, "
        "hoàn thành trong năm 2025.",
        [("Bộ Tài chính", (), (), "2025-12-31")],
    ),
    (
        "E58 [T37b] Nghệ An press: giao X phối hợp Y (X leads without chủ trì)",
        "UBND tỉnh Nghệ An giao Sở Thông tin và Truyền thông phối hợp Văn phòng UBND tỉnh, Viễn "
        "thông Nghệ An chuẩn bị các điều kiện cần thiết.",
        [("Sở Thông tin và Truyền thông", ("Văn phòng UBND tỉnh", "Viễn thông Nghệ An"), (), None)],
    ),
    (
        "E29 [T6] quyet-dinh_59-QD-BTNMT: recurrence định kỳ 6 tháng/lần",
        "Văn phòng Bộ chủ trì, phối hợp với các đơn vị trực thuộc Bộ định kỳ 6 tháng/lần tổ chức Hội nghị.",
        [("Văn phòng Bộ", ("các đơn vị trực thuộc Bộ",), (), None)],
    ),
    (
        "E27 [T6] quyet-dinh_59-QD-BTNMT: quarterly, day rule of the last month",
        "Vụ Kế hoạch - Tài chính định kỳ hằng quý tổng hợp, đánh giá tình hình thực hiện, gửi Văn "
        "phòng Bộ trước ngày 15 tháng cuối quý.",
        [("Vụ Kế hoạch - Tài chính", (), ("Văn phòng Bộ",), None)],
    ),
    (
        "[T1] giay-moi seed: 'Đại diện Lãnh đạo: Sở Nội vụ, Sở Tư pháp' expands",
        "Đại diện Lãnh đạo: Sở Nội vụ, Sở Tư pháp chuẩn bị báo cáo.",
        [("Sở Nội vụ", (), (), None), ("Sở Tư pháp", (), (), None)],
    ),
]


@pytest.mark.parametrize(("label", "text", "rows"), PHRASES, ids=[p[0][:3] for p in PHRASES])
def test_real_phrases(label: str, text: str, rows: list[tuple[object, ...]]) -> None:
    assert [_row(t)[1:] for t in find_tasks(text)] == rows, label


def test_phrase_details() -> None:
    e17 = find_tasks(PHRASES[1][1])[0]
    assert e17.condition == "trường hợp vượt thẩm quyền"
    assert e17.modality == "giao"
    assert e17.lead is not None and e17.lead.kind is PartyKind.GROUP_BY_REFERENCE
    e35 = find_tasks(PHRASES[3][1])[0]
    assert e35.modality == "đề nghị" and e35.condition is not None
    assert find_tasks(PHRASES[4][1])[0].modality == "yêu cầu"
    assert find_tasks(PHRASES[5][1])[0].modality == "có trách nhiệm"
    assert find_tasks(PHRASES[7][1])[0].recurrence == "định kỳ 6 tháng/lần"
    e27 = find_tasks(PHRASES[8][1])[0]
    assert e27.recurrence == "định kỳ hằng quý"
    assert e27.deadline is not None and e27.deadline.recurring_months == (3, 6, 9, 12)


def test_execution_clause_kept_and_marked() -> None:
    text = (
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính và Thủ trưởng "
        "các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."
    )
    tasks = find_tasks(text)
    assert [t.lead.name for t in tasks if t.lead] == [
        "Chánh Văn phòng UBND tỉnh",
        "Giám đốc Sở Nội vụ",
        "Giám đốc Sở Tài chính",
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]
    assert all(t.execution_clause and t.section == "3" for t in tasks)
    assert tasks[0].lead is not None and tasks[0].lead.kind is PartyKind.PERSON


def test_proposal_in_a_to_trinh() -> None:
    text = "TỜ TRÌNH\nVề việc tổ chức Hội nghị\n1. Giao Sở Tài chính bố trí kinh phí trước ngày 30/12/2025."
    (t,) = find_tasks(text)
    assert t.proposed and t.lead is not None and t.lead.name == "Sở Tài chính"
    (t2,) = find_tasks("1. Giao Sở Tài chính bố trí kinh phí trước ngày 30/12/2025.")
    assert not t2.proposed


def test_labelled_fields() -> None:
    """P6 (E20-E22): a task title then '- Đơn vị chủ trì: …', '- Thời gian hoàn thành: …'."""
    text = (
        "(2) Sao lưu, duy trì các cơ sở dữ liệu trong hệ thống cũ.\n"
        "- Đơn vị chủ trì thực hiện: Văn phòng UBND tỉnh.\n"
        "- Đơn vị phối hợp: Các sở, ban, ngành; UBND các xã, phường, đặc khu.\n"
        "- Thời gian hoàn thành: Trong tháng 8/2025.\n"
    )
    (t,) = find_tasks(text)
    assert _row(t) == (
        "(2)",
        "Văn phòng UBND tỉnh",
        ("Các sở, ban, ngành", "UBND các xã, phường, đặc khu"),
        (),
        "2025-08-31",
    )
    assert t.action.startswith("Sao lưu")


NEGATIVE = [
    (
        "E6 appointment",
        "3. Đối với dự thảo Quyết định: phân công đồng chí Trưởng Ban Dân tộc làm Trưởng Tiểu ban Nội dung.",
    ),
    (
        "E8 praise",
        "Lãnh đạo UBND tỉnh ghi nhận Ban Dân tộc - cơ quan Thường trực Ban Chỉ đạo đã tích cực, chủ động "
        "xây dựng dự thảo Kế hoạch.",
    ),
    (
        "E19 request from below",
        "Xét đề nghị của Ủy ban nhân dân tỉnh Đồng Nai tại văn bản số 92/TTr-UBND ngày 01/3/2025.",
    ),
    ("E65 giao = hand over", "B đã giao 80% tiền mua nhà cho A."),
    (
        "E66 advisory reply",
        "Trên đây là ý kiến của Bộ Kế hoạch và Đầu tư gửi Tổng công ty để tham khảo thực hiện./.",
    ),
    (
        "E62 accountability",
        "Chịu trách nhiệm toàn diện trước Bộ trưởng về chất lượng và tiến độ triển khai thực hiện các nhiệm vụ được giao.",
    ),
    ("E18 closing formula", "Văn phòng Chính phủ thông báo để các Bộ, cơ quan biết, thực hiện./."),
    ("past action", "Sở Nội vụ đã tổ chức Hội nghị tuyên truyền cải cách hành chính."),
    ("not a body: Bộ chỉ số", "Bộ chỉ số phục vụ người dân thực hiện thủ tục hành chính."),
    ("E15 no subject", "Thời gian kiểm tra, chạy thử đường truyền từ 10 giờ ngày 29/9/2025."),
    (
        "participants",
        "1. Thành phần\n- Đại diện Lãnh đạo: Sở Nội vụ, Sở Tư pháp;\n2. Thời gian: từ 14 giờ 00.",
    ),
]


@pytest.mark.parametrize(("label", "text"), NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_not_tasks(label: str, text: str) -> None:
    assert find_tasks(text) == (), label


# ------------------------------------------------------------------ verbs --------------


def test_verbs_and_normalized_input() -> None:
    text = "Giao Sở Nội vụ rà soát hồ sơ, báo cáo UBND tỉnh trước ngày 15/01/2024."
    assert find(text) == find_tasks(text)
    assert find_tasks(normalize_text(text)) == find_tasks(text)
    assert parse(text).lead is not None
    with pytest.raises(ParseError) as e:
        parse("Trân trọng cảm ơn.")
    assert e.value.reason == "no_task"


def test_spans_into_the_callers_string_with_nfd_input() -> None:
    import unicodedata

    text = unicodedata.normalize(
        "NFD", "Giao Sở Nội vụ rà soát hồ sơ, báo cáo UBND tỉnh trước ngày 15/01/2024."
    )
    (t,) = find_tasks(text)
    assert text[t.span[0] : t.span[1]] == t.text
    assert t.lead is not None and text[t.lead.span[0] : t.lead.span[1]] == t.lead.text
    assert unicodedata.normalize("NFC", t.lead.text) == "Sở Nội vụ"


@pytest.mark.parametrize(
    "text",
    [
        "Giao Sở Nội vụ rà soát hồ sơ, báo cáo UBND tỉnh trước ngày 15/01/2024.",
        "Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản chậm nhất trong ngày 12/01/2024.",
        "Sở Khoa học và Công nghệ chuẩn bị đường truyền.",
    ],
)
def test_format_reads_back(text: str) -> None:
    (t,) = find_tasks(text)
    (back,) = find_tasks(format_task(t))
    assert back.lead is not None and t.lead is not None and back.lead.name == t.lead.name
    assert [p.name for p in back.collaborators] == [p.name for p in t.collaborators]
    assert back.action.split()[:2] == t.action.split()[:2]
    assert (back.deadline.due if back.deadline else None) == (
        t.deadline.due if t.deadline else None
    )


# ------------------------------------------------------------------ status -------------


def _task(text: str) -> Task:
    return find_tasks(text)[0]


def test_status_deadline_day_in_time() -> None:
    t = _task("Giao Sở Nội vụ báo cáo UBND tỉnh chậm nhất trong ngày 15/01/2024.")  # a Monday
    assert task_status(t, dt.date(2024, 1, 2)) is TaskStatus.NOT_DUE
    assert task_status(t, dt.date(2024, 1, 10)) is TaskStatus.DUE_SOON
    assert task_status(t, dt.date(2024, 1, 15)) is TaskStatus.DUE_SOON
    assert task_status(t, dt.date(2024, 1, 16)) is TaskStatus.OVERDUE
    assert (
        task_status(t, dt.date(2024, 1, 20), completed_on=dt.date(2024, 1, 15))
        is TaskStatus.DONE_ON_TIME
    )
    assert (
        task_status(t, dt.date(2024, 1, 20), completed_on=dt.date(2024, 1, 16))
        is TaskStatus.DONE_LATE
    )


def test_status_working_days_and_calendar() -> None:
    t = _task("Giao Sở Nội vụ báo cáo UBND tỉnh chậm nhất trong ngày 15/01/2024.")
    # Fri 12/01: one working day (Mon 15) left with the default calendar
    assert task_status(t, dt.date(2024, 1, 12), soon=1) is TaskStatus.DUE_SOON
    assert task_status(t, dt.date(2024, 1, 9), soon=1) is TaskStatus.NOT_DUE
    # with 10-12/01 made days off, Tue 09/01 has only Wed... no: 10, 11, 12 off → 15 is next
    cal = (
        Calendar()
        .with_day_off(dt.date(2024, 1, 10))
        .with_day_off(dt.date(2024, 1, 11))
        .with_day_off(dt.date(2024, 1, 12))
    )
    assert task_status(t, dt.date(2024, 1, 9), calendar=cal, soon=1) is TaskStatus.DUE_SOON


def test_status_no_deadline_and_recurring() -> None:
    assert (
        task_status(_task("Sở Nội vụ chủ động rà soát hồ sơ."), dt.date(2024, 1, 1))
        is TaskStatus.NO_DEADLINE
    )
    rec = _task(
        "Vụ Kế hoạch - Tài chính định kỳ hằng quý tổng hợp, gửi Văn phòng Bộ trước ngày 15 tháng cuối quý."
    )
    # next occurrence after 01/02/2024: due 14/03/2024 (trước ngày 15)
    assert task_status(rec, dt.date(2024, 2, 1)) is TaskStatus.NOT_DUE
    with pytest.raises(VnAdminError):
        task_status(rec, "2024-01-01")  # type: ignore[arg-type]


# -------------------------------------------------------------- robustness -------------


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_exact(text: str) -> None:
    for t in find_tasks(text):
        assert text[t.span[0] : t.span[1]] == t.text
        for p in (t.lead, *t.collaborators, *t.report_to):
            if p is not None:
                assert text[p.span[0] : p.span[1]] == p.text


_WORDS = st.sampled_from(
    [
        "Giao",
        "Sở",
        "Nội",
        "vụ",
        "chủ trì",
        "phối hợp",
        "với",
        ",",
        ";",
        ":",
        "\n",
        "- ",
        "1. ",
        "a) ",
        "trước ngày 15/01/2024",
        "báo cáo",
        "UBND",
        "tỉnh",
        "các",
        "và",
        "Đề nghị",
        "có trách nhiệm",
        ".",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_never_raises_on_assignment_like_text(text: str) -> None:
    for t in find_tasks(text):
        assert text[t.span[0] : t.span[1]] == t.text
        assert t.span[0] <= t.span[1]


def test_non_text_raises_library_error() -> None:
    with pytest.raises(VnAdminError):
        find_tasks(123)  # type: ignore[arg-type]


def test_corpus_floor() -> None:
    """The corpus score (scripts/score_tasks.py) must not fall below what this version
    reaches: 111/123 labelled tasks with the right lead and deadline (the issue's goal is
    90 %, 111), <= 10 % of the reported tasks matching no label (the issue's goal)."""
    import vnadmin
    from tests.corpus_tasks import DATA, load_labelled, score_file

    labels = target = reports = unmatched = 0
    for entry in load_labelled():
        r = score_file(entry["tasks"], find_tasks(vnadmin.read_document(DATA / entry["file"]).text))
        labels += len(r["rows"])
        target += sum(1 for f, ld, d in r["rows"] if f and ld and d is not False)
        reports += r["reports"]
        unmatched += r["unmatched"]
    assert labels == 123
    assert target >= 111
    assert unmatched <= 0.10 * reports


@settings(max_examples=60, deadline=None)
@given(vnadmin.strategies.tasks())
def test_strategy_tasks_read_back_through_format(task: vnadmin.Task) -> None:
    (back,) = vnadmin.find_tasks(vnadmin.format_task(task))
    assert back.lead is not None and task.lead is not None
    assert back.lead.name == task.lead.name
    assert [p.name for p in back.collaborators] == [p.name for p in task.collaborators]
    assert back.deadline is not None and task.deadline is not None
    assert back.deadline.due == task.deadline.due


def test_from_type_draws_tasks_and_meetings() -> None:
    from hypothesis import strategies as st

    assert isinstance(st.from_type(vnadmin.Task).example(), vnadmin.Task)
    assert isinstance(st.from_type(vnadmin.Meeting).example(), vnadmin.Meeting)


# --- recurrence (QĐ 23/2018/QĐ-TTg periodic reports), expanded through dateutil.rrule ---


def test_recurrence_rules_and_occurrences() -> None:
    from vnadmin.tasks import Frequency, find_recurrence

    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    r = find_recurrence("báo cáo trước ngày 15 hằng tháng")
    assert r is not None and r.freq is Frequency.MONTHLY and (r.day, r.before) == (15, True)
    days = r.occurrences(*year)
    assert len(days) == 12 and days[0] == dt.date(2026, 1, 14) and days[1] == dt.date(2026, 2, 14)
    r = find_recurrence("định kỳ hằng quý, chậm nhất ngày 20 của tháng đầu quý")
    assert r is not None and r.month_of_period == "first" and not r.before
    assert r.occurrences(*year) == tuple(dt.date(2026, m, 20) for m in (1, 4, 7, 10))
    r = find_recurrence("Báo cáo định kỳ 6 tháng/lần")
    assert r is not None and r.freq is Frequency.HALF_YEARLY
    assert r.occurrences(*year) == (dt.date(2026, 6, 30), dt.date(2026, 12, 31))
    r = find_recurrence("hằng năm, gửi trước ngày 15/12")
    assert r is not None and (r.freq, r.day, r.month) == (Frequency.YEARLY, 15, 12)
    assert r.occurrences(dt.date(2025, 1, 1), dt.date(2026, 12, 31)) == (
        dt.date(2025, 12, 14),
        dt.date(2026, 12, 14),
    )
    # a day the month lacks falls on its last day
    r = find_recurrence("chậm nhất ngày 31 hằng tháng")
    assert r is not None
    assert r.occurrences(dt.date(2026, 2, 1), dt.date(2026, 4, 30)) == (
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
        dt.date(2026, 4, 30),
    )
    assert find_recurrence("thứ Sáu hằng tuần").occurrences(  # type: ignore[union-attr]
        dt.date(2026, 1, 1), dt.date(2026, 1, 10)
    ) == (dt.date(2026, 1, 2), dt.date(2026, 1, 9))
    assert r.occurrences(dt.date(2026, 5, 1), dt.date(2026, 4, 1)) == ()
    # one-off and continuous duties have no rule
    assert find_recurrence("hoàn thành trước ngày 15/01/2026") is None
    assert find_recurrence("thường xuyên theo dõi, đôn đốc") is None


PERIOD_WORDS = st.sampled_from(
    [
        "hằng",
        "hàng",
        "mỗi",
        "từng",
        "theo",
        "định",
        "kỳ",
        "06",
        "6",
        "106",
        "tháng",
        "tuần",
        "quý",
        "năm",
        "ngày",
        "một",
        "lần",
        "/",
        "đầu",
        "TS.",
        "thứ",
        "th",
        "x",
        "1",
        "chàng",
        "\n",
        "  ",
        "tháng/lần",
        "kỳ,",
    ]
)


# The period pattern as it was, case-insensitive on the caller's text.
_WS = r"[ \t\n]+"
_EVERY = r"(?:h[àằ]ng|mỗi)"
PERIOD_BEFORE = (
    r"(?<!\w)(?:"
    rf"(?P<week>{_EVERY}{_WS}tuần)|(?P<day>{_EVERY}{_WS}ngày(?![ \t\n]*\d))"
    rf"|(?P<month>{_EVERY}{_WS}tháng)|(?P<quarter>{_EVERY}{_WS}quý|theo{_WS}quý|định{_WS}kỳ{_WS}quý)"
    rf"|(?P<half>0?6{_WS}tháng(?:{_WS}(?:một|1){_WS}lần|/{_WS}?lần|{_WS}đầu{_WS}năm)?)"
    rf"|(?P<year>{_EVERY}{_WS}năm|định{_WS}kỳ{_WS}năm|theo{_WS}năm)"
    r")(?!\w)"
)
FREQ_BEFORE = {
    "week": "WEEKLY",
    "day": "DAILY",
    "month": "MONTHLY",
    "quarter": "QUARTERLY",
    "half": "HALF_YEARLY",
    "year": "YEARLY",
}


@given(st.lists(st.tuples(PERIOD_WORDS, st.sampled_from(["lower", "upper", "title"]))))
def test_the_period_phrase_is_the_one_it_replaced(parts: list[tuple[str, str]]) -> None:
    # On the lower-cased text, with a literal first in every alternative (so the engine
    # skips to the next h, m, t, đ, 0 or 6 in C): the same phrase and frequency.
    import re

    from vnadmin.tasks import find_recurrence

    text = " ".join(getattr(w, case)() for w, case in parts)
    m = re.search(PERIOD_BEFORE, text, re.IGNORECASE)
    r = find_recurrence(text)
    if m is None:
        assert r is None
    else:
        assert r is not None and r.freq.name == FREQ_BEFORE[m.lastgroup or ""]
        assert r.text.startswith(" ".join(m.group().split()))


def test_task_schedule_from_the_duty() -> None:
    (t,) = find_tasks(
        "Giao Sở Nội vụ tổng hợp, báo cáo UBND tỉnh định kỳ hằng quý trước ngày 15 tháng cuối quý."
    )
    assert t.recurrence == "định kỳ hằng quý"
    assert t.schedule is not None and t.schedule.month_of_period == "last"
    assert t.schedule.occurrences(dt.date(2026, 1, 1), dt.date(2026, 6, 30)) == (
        dt.date(2026, 3, 14),
        dt.date(2026, 6, 14),
    )
    (once,) = find_tasks("Giao Sở Nội vụ báo cáo UBND tỉnh trước ngày 15/01/2026.")
    assert once.schedule is None


# --- assigner, registry bodies, co-leads ---


def test_assigner_of_a_conclusion_notice_is_the_chair() -> None:
    tasks = find_tasks((TEXTS / "thong-bao_seed-ket-luan-2024.txt").read_text(encoding="utf-8"))
    assert tasks
    who = {t.assigner for t in tasks}
    assert len(who) == 1
    (a,) = who
    assert a is not None and a.kind is PartyKind.PERSON
    assert a.name.startswith("Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh")


HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/UBND-NC\nX, ngày 05 tháng 01 năm 2026\nV/v rà soát văn bản\n"
    "Kính gửi: Sở Tư pháp\n1. Giao Sở Tư pháp chủ trì, phối hợp với Bộ Tư pháp rà soát văn "
    "bản, báo cáo trước ngày 20/01/2026.\n"
)


def test_assigner_of_a_letter_is_the_issuer_and_bodies_come_from_the_registry() -> None:
    (t,) = find_tasks(HEADER + "Nơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n")
    assert t.assigner is not None
    assert t.assigner.name == "ỦY BAN NHÂN DÂN TỈNH X"  # the wrapped header line joined
    assert t.lead is not None and t.lead.body is None  # a local Sở: no registry entry
    (bo,) = t.collaborators
    assert bo.body is not None and bo.body.abbr == "BTP"
    # signed for another body than the header's: the TM. line's organ
    (t2,) = find_tasks(HEADER + "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN\n")
    assert t2.assigner is not None and t2.assigner.name == "BAN CHỈ ĐẠO"
    # a bare sentence names no assigner
    assert find_tasks("Giao Sở Nội vụ rà soát văn bản.")[0].assigner is None


def test_find_tasks_on_a_document() -> None:
    doc = vnadmin.parse_document(HEADER)
    (t,) = find_tasks(doc)
    assert t.assigner is not None and t.assigner.name.startswith("ỦY BAN NHÂN DÂN")
    assert doc.text[t.span[0] : t.span[1]] == t.text


def test_several_leads_of_one_duty_are_co_leads() -> None:
    a, b = find_tasks("Giao Sở Nội vụ, Sở Tư pháp chủ trì rà soát văn bản.")
    assert [p.name for p in a.co_leads] == ["Sở Tư pháp"]
    assert [p.name for p in b.co_leads] == ["Sở Nội vụ"]
    # without the role word each body has its own duty: no co-lead
    c, d = find_tasks("Giao Sở Nội vụ, Sở Tư pháp rà soát văn bản.")
    assert c.co_leads == () and d.co_leads == ()


# --- lead-in grammar: basis, time adverbials, headings, follow-ups (tasks.md §4.2) ---


def test_basis_then_subject_with_a_directive_verb() -> None:
    (t,) = find_tasks(
        "Căn cứ quy định của Luật Luật sư năm 2006 (được sửa đổi, bổ sung năm 2012), Ủy ban "
        "nhân dân tỉnh, thành phố chỉ đạo các Đoàn Luật sư xây dựng Đề án hợp nhất."
    )
    assert t.lead is not None and t.lead.name == "Ủy ban nhân dân tỉnh, thành phố"
    assert t.action.startswith("chỉ đạo các Đoàn Luật sư")
    # a basis then a report of what was done is no duty
    assert find_tasks("Căn cứ Kế hoạch số 12/KH-UBND, Sở Nội vụ đã kiểm tra 10 đơn vị.") == ()


def test_a_basis_after_the_subject_scopes_the_duty() -> None:
    tasks = find_tasks(
        "Đề nghị Ủy ban nhân dân tỉnh, Đoàn Luật sư căn cứ chức năng, nhiệm vụ của Bộ Tư "
        "pháp phản ánh khó khăn, vướng mắc (nếu có)."
    )
    assert [t.lead.name for t in tasks if t.lead] == ["Ủy ban nhân dân tỉnh", "Đoàn Luật sư"]
    assert all(t.action.startswith("phản ánh khó khăn") for t in tasks)


def test_a_leading_time_adverbial_before_the_subject() -> None:
    (t,) = find_tasks(
        "Trong thời hạn 60 ngày làm việc, Ban Chủ nhiệm Đoàn Luật sư lâm thời có trách "
        "nhiệm tổ chức Đại hội."
    )
    assert t.lead is not None and t.lead.name == "Ban Chủ nhiệm Đoàn Luật sư lâm thời"
    assert t.modality == "có trách nhiệm"


def test_duties_to_come_without_an_assignee() -> None:
    text = (
        "3. Nhiệm vụ cần thực hiện trong thời gian tới\n"
        "- Tiếp tục rà soát, công bố danh mục thủ tục hành chính.\n"
        "- Sở Tài chính tiếp tục kết nối các phần mềm chuyên ngành.\n"
        "Trên đây là báo cáo của Trung tâm"
    )
    tasks = find_tasks(text)
    assert [(t.lead.name if t.lead else None) for t in tasks] == [None, "Sở Tài chính"]
    # the same subject-less bullet under a heading of results is no duty
    past = find_tasks(
        text.replace("Nhiệm vụ cần thực hiện trong thời gian tới", "Kết quả đạt được")
    )
    assert [(t.lead.name if t.lead else None) for t in past] == ["Sở Tài chính"]


def test_a_follow_up_report_sentence_completes_the_duty_before_it() -> None:
    (t,) = find_tasks(
        "6. Giao Văn phòng UBND tỉnh:\na) Theo dõi việc sử dụng chữ ký số. Hằng tuần báo cáo "
        "UBND tỉnh để theo dõi, chỉ đạo."
    )
    assert [p.name for p in t.report_to] == ["UBND tỉnh"]
    assert t.recurrence == "Hằng tuần"


def test_solution_labels_of_a_report_assign() -> None:
    text = (
        "BÁO CÁO\nKết quả cải cách hành chính\n2. Về cải cách thể chế\n"
        "Sở Tư pháp đã thực hiện kiểm tra tại 06/12 đơn vị.\n"
        "Giải pháp khắc phục: Sở Tư pháp tập trung triển khai Kế hoạch số 36/KH-STP, hoàn "
        "thành công tác kiểm tra trước ngày 20/12/2025.\n"
    )
    (t,) = find_tasks(text)
    assert t.lead is not None and t.lead.name == "Sở Tư pháp"
    assert t.deadline is not None and t.deadline.due_date == dt.date(2025, 12, 19)


def test_a_guideline_example_signature_does_not_end_the_body() -> None:
    text = (
        "a) Ký thay mặt:\nVí dụ:\nT/M HỘI ĐỒNG\nCHỦ TỊCH\n(chữ ký)\nHọ và tên\n"
        "III- TỔ CHỨC THỰC HIỆN\n1. Giao Cục Lưu trữ Văn phòng Trung ương Đảng hướng dẫn, kiểm "
        "tra việc thực hiện Hướng dẫn này.\n"
    )
    (t,) = find_tasks(text)
    assert t.lead is not None and t.lead.name == "Cục Lưu trữ Văn phòng Trung ương Đảng"


@pytest.mark.parametrize(
    "text",
    [
        # the courtesy close of a request
        "Bộ Tư pháp trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm chỉ đạo "
        "thực hiện./.",
        # a Giấy mời's own meeting
        "GIẤY MỜI\nỦy ban nhân dân tỉnh tổ chức Họp đánh giá công tác cải cách hành chính "
        "năm 2025.\n",
        # a petition to the superior in the Kiến nghị of a report is the superior's to decide
        # (kept as a proposal: see the proposing rule); the issuer's own act is no duty
        "BAN THƯỜNG VỤ\nSố: 545/HD-BTV\nHƯỚNG DẪN\nBan Thường vụ hướng dẫn một số nội dung "
        "sau đây liên quan đến hợp nhất Hội.\n",
        # "các trường hợp" is no class of bodies
        "Trong các trường hợp khác, sử dụng con dấu của cơ quan, tổ chức.",
    ],
)
def test_not_duties(text: str) -> None:
    assert find_tasks(text) == ()


def test_json_round_trip_keeps_bodies_schedules_and_assigners() -> None:
    (t,) = find_tasks(
        HEADER.replace("rà soát văn bản, báo cáo trước ngày 20/01/2026", "báo cáo hằng tháng")
    )
    assert t.schedule is not None and t.assigner is not None and t.collaborators[0].body
    assert vnadmin.from_json(vnadmin.to_json(t), vnadmin.Task) == t


def test_the_cells_of_a_table_are_passed_over_and_a_duty_after_them_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Short unnumbered items with no verb (a table of scores, names on their own lines)
    give no duty, so no assignee is looked for in them; a duty after them still is."""
    from vnadmin.tasks import finder

    calls = 0
    subject = finder._subject

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return subject(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(finder, "_subject", counting)
    rows = "".join(f"Sở Nội vụ\n{90 + k % 9},{k % 10}\n{k}\n" for k in range(200))
    duty = "Giao Sở Tư pháp chủ trì rà soát văn bản, báo cáo UBND tỉnh trước ngày 15/01/2026."
    (task,) = find_tasks(rows + duty)
    assert task.lead is not None and task.lead.name == "Sở Tư pháp"
    assert calls <= 2  # (the duty's own clause), not one a cell
