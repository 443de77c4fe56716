"""The M rules: meetings and duties against QĐ 45/2018/QĐ-TTg and NĐ 39/2022/NĐ-CP."""

from __future__ import annotations

import vnadmin
from vnadmin.meetings.rules import check

HEAD = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 05/{abbr}-UBND\nX, ngày {day} tháng 01 năm 2026\n"


def _invitation(issued: str, meeting: str, extra: str = "") -> vnadmin.Document:
    return vnadmin.parse_document(
        HEAD.format(abbr="GM", day=issued)
        + "GIẤY MỜI\nHọp bàn công tác\n\n1. Chủ trì: Đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh.\n"
        + f"2. Thời gian: 14 giờ 00, ngày {meeting}/01/2026.\n3. Địa điểm: Phòng họp số 1.\n"
        + extra
    )


def test_m101_an_invitation_sent_late() -> None:
    assert [f.rule for f in check(_invitation("20", "21"))] == ["M101"]
    assert [f.rule for f in check(_invitation("15", "21"))] == []  # 4 working days
    # the threshold is a parameter (agencies' rules differ)
    assert [f.rule for f in check(_invitation("15", "21"), notice_days=5)] == ["M101"]
    f = next(iter(check(_invitation("20", "21"))))
    assert "20/01/2026" in f.message_vi and "1 working day" in f.message_en


def test_m103_preparation_after_the_meeting_and_m105_day_off() -> None:
    doc = _invitation(
        "12",
        "21",
        "4. Phân công chuẩn bị:\n"
        "- Giao Sở Nội vụ chủ trì chuẩn bị tài liệu, hoàn thành trước ngày 25/01/2026.\n",
    )
    rules = [f.rule for f in check(doc)]
    assert "M103" in rules and "M105" in rules  # due 24/01/2026, a Saturday


def test_m102_a_late_conclusion_notice() -> None:
    doc = vnadmin.parse_document(
        HEAD.format(abbr="TB", day="20")
        + "THÔNG BÁO\nKết luận của đồng chí Chủ tịch UBND tỉnh\n\n"
        + "Ngày 05/01/2026, đồng chí Nguyễn Văn A, Chủ tịch UBND tỉnh chủ trì cuộc họp tại "
        + "Phòng họp số 1.\n"
    )
    assert doc.meeting is not None and doc.meeting.held
    assert [f.rule for f in check(doc)] == ["M102"]
    assert [f.rule for f in check(doc, conclusion_days=15)] == []


def test_lint_runs_the_family_when_selected() -> None:
    doc = _invitation("20", "21")
    assert {f.rule for f in vnadmin.lint(doc, select=["M"])} == {"M101"}
    assert {f.rule for f in vnadmin.lint(doc, select=["M101", "C"])} >= {"M101"}
    # opt-in: not in a plain lint, nor with other families ignored
    assert all(not f.rule.startswith("M") for f in vnadmin.lint(doc))
    assert all(not f.rule.startswith("M") for f in vnadmin.lint(doc, ignore=["C"]))


def test_m106_a_duty_with_two_leads_once_per_duty() -> None:
    doc = vnadmin.parse_document(
        HEAD.format(abbr="UBND", day="12")
        + "V/v rà soát văn bản\n\n"
        + "1. Giao Sở Nội vụ, Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật.\n"
        + "2. Giao Sở Tài chính, Sở Xây dựng rà soát định mức chi.\n"
        + "3. Giao Sở Y tế chủ trì, phối hợp với Sở Nội vụ rà soát hồ sơ.\n"
    )
    found = [f for f in check(doc) if f.rule == "M106"]
    # item 1 names two chủ trì; item 2 gives a duty to each (no role word); item 3 one lead
    assert len(found) == 1
    assert "Sở Nội vụ, Sở Tư pháp" in found[0].message_vi
    assert "2 lead units" in found[0].message_en
    assert doc.text[found[0].span[0] : found[0].span[1]].startswith("Giao Sở Nội vụ, Sở Tư pháp")
