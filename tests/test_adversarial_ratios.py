"""Work per repetition on the adversarial families that cost most against real text
(issue 10, benchmarks/bench_adversarial.py): linear was not enough, the constant counts.

Work is counted (tests/growth.py), never timed. Each bound is a few times what the
scanners do now and well under what they did before (in brackets: calls or lines per
repetition then), so a return of the heavy path fails here on any machine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.growth import count_lines, count_work, growth, quietly
from tests.strategies_adversarial import FAMILIES
from vnadmin import (
    check_dates,
    find_codes,
    find_dates,
    find_datetimes,
    find_periods,
    find_references,
    find_signatures,
    find_tasks,
    normalize_text,
    parse_recipients,
    parse_signatures,
    resolve_references,
)

# (function, family, characters per repetition, bound on calls per repetition)
CALLS: list[tuple[Callable[[str], Any], str, int, float]] = [
    (find_codes, "code_tokens", 6, 20.0),  # 169: a full scan of each "1/Q Đ"; 11 a lookup
    (find_references, "code_tokens", 6, 25.0),  # 190; 41 with a Reference built for each
    (resolve_references, "code_tokens", 6, 25.0),  # 44
    (find_signatures, "signing_marks", 4, 45.0),  # 63: tokens read after each "KT."
    (parse_signatures, "signing_marks", 4, 55.0),  # 63: the first line's marks read twice
    (parse_signatures, "nested_parens", 1, 24.0),  # 32: the text tokenised three times
    (find_dates, "dates_run", 25, 30.0),  # 38: a phrase record, then the mention
    (check_dates, "dates_run", 25, 40.0),  # 48: a mention built for each date
    (find_tasks, "honours", 4, 12.0),  # 37: each "TS." ended a sentence
    (find_datetimes, "dates_run", 25, 25.0),  # 37: a DateMention for each date, no time
    (find_periods, "dates_run", 25, 70.0),  # 93: DateMentions, and "năm 9999" built in each
]

# (function, family, characters per repetition, bound on Python lines per repetition)
LINES: list[tuple[Callable[[str], Any], str, int, float]] = [
    (find_codes, "code_tokens", 6, 40.0),  # 60
    (find_references, "code_tokens", 6, 50.0),  # 156
    (find_dates, "dates_run", 25, 75.0),  # 101
    (check_dates, "dates_run", 25, 90.0),  # 118
    (parse_signatures, "nested_parens", 1, 40.0),  # 47
    (find_tasks, "honours", 4, 12.0),  # 81
    (find_datetimes, "dates_run", 25, 60.0),  # 105
]


@pytest.mark.parametrize(("fn", "family", "unit", "bound"), CALLS)
def test_calls_per_repetition(
    fn: Callable[[str], Any], family: str, unit: int, bound: float
) -> None:
    run = quietly(fn)
    text = FAMILIES[family](12_000)
    run(text)  # tables and memos loaded on a first call are not the input's work
    per = count_work(lambda: run(text + "\n1")) / (len(text) / unit)
    assert per <= bound


@pytest.mark.parametrize(("fn", "family", "unit", "bound"), LINES)
def test_lines_per_repetition(
    fn: Callable[[str], Any], family: str, unit: int, bound: float
) -> None:
    run = quietly(fn)
    text = FAMILIES[family](12_000)
    run(text)
    per = count_lines(lambda: run(text + "\n1")) / (len(text) / unit)
    assert per <= bound


def test_recipients_parens_lines_per_note() -> None:
    # "- Lưu: VT, X(1)(1)(1)…": the archive line is read past in one regex match and the
    # run of one note is skipped by string comparison (42 lines per note before).
    run = quietly(parse_recipients)
    text = FAMILIES["recipients_parens"](12_000)
    run(text)
    per = count_lines(lambda: run(text + "\n1")) / (len(text) / 3)
    assert per <= 5.0


@pytest.mark.parametrize(
    ("fn", "family"),
    [
        (find_codes, "code_tokens"),
        (find_references, "code_tokens"),
        (find_signatures, "signing_marks"),
        (parse_recipients, "recipients_parens"),
        (find_dates, "dates_run"),
        (check_dates, "dates_run"),
        (parse_signatures, "nested_parens"),
        (find_tasks, "honours"),
    ],
)
def test_still_linear(fn: Callable[[str], Any], family: str) -> None:
    # The per-text cache of the code scanner is bounded: past it, the work stays linear.
    assert growth(FAMILIES[family], quietly(fn), 3_000, k=8) < 1.5


@pytest.mark.parametrize(
    ("unit", "at", "read"),
    [("Số: 1/Q Đ ", 4, "01/QĐ"), ("1/Q Đ-UBND ", 0, "01/QĐ-UBND"), ("số 1 / QĐ ", 3, "01/QĐ")],
)
def test_repeated_codes_read_as_once(unit: str, at: int, read: str) -> None:
    # What the cache answers is what the scanner reads: every repetition alike, moved.
    codes = find_codes(unit * 50 + "x")
    assert len(codes) == 50
    first = codes[0]
    step = len(unit)
    for k, code in enumerate(codes):
        assert str(code) == str(first) == read
        assert code.span == (step * k + at, step * k + len(unit.rstrip()))
        assert [r.span for r in code.repairs] == [
            (a + step * k, b + step * k) for a, b in (r.span for r in first.repairs)
        ]
    refs = find_references(unit * 50 + "x")
    assert [r.code for r in refs] == list(codes)


@pytest.mark.parametrize(
    ("text", "codes", "refs"),
    [
        ("1/Q Đ " * 50, 0, 0),  # a type abbreviation split by a blank, nothing before it
        ("12 / QĐ và 1/Q Đ x", 0, 0),
        ("Số: 12/Q Đ x", 1, 1),
        ("Quyết định 1/Q Đ x", 0, 1),  # a type word introduces the reference
        ("Quyết định số 1/QĐ-UBND, 2/Q Đ x", 1, 2),  # a list a typed mention began
        ("1/Q Đ-UBND x", 1, 1),  # a lost hyphen: the issuer is named
    ],
)
def test_a_split_type_abbreviation_alone_needs_an_introduction(
    text: str, codes: int, refs: int
) -> None:
    assert len(find_codes(text)) == codes
    assert len(find_references(text)) == refs
    # what each finder skips, it skips also the second time in one text (the kept verdict)
    assert len(find_codes(text + " " + text)) == 2 * codes
    assert len(find_references(text + ". " + text)) == 2 * refs


def test_archive_run_of_notes_reads_as_before() -> None:
    one = parse_recipients("Nơi nhận:\n- Lưu: VT, X(1)(1)(1)(1)(1)(1).")
    assert one.archive is not None
    assert one.archive.units == ("VT", "X")
    assert one.archive.copies == 1
    drafter = parse_recipients("Nơi nhận:\n- Lưu: VT, X(AB)(AB)(AB).")
    assert drafter.archive is not None
    assert drafter.archive.drafter == "AB"


def test_an_honour_before_a_name_ends_no_sentence() -> None:
    # "Giao TS. Nguyễn Văn A …": the task was cut at "TS." and lost (NĐ 30, Phụ lục I,
    # II.7.c: honours are written before the name).
    text = "Giao TS. Nguyễn Văn A, Giám đốc Sở Tư pháp, chủ trì thực hiện trước ngày 15/10/2025."
    leads = {t.lead.name for t in find_tasks(text) if t.lead is not None}
    assert "TS. Nguyễn Văn A" in leads
    two = "Sở Tư pháp phối hợp với PGS.TS. Lê An thực hiện. Sở Nội vụ báo cáo trước ngày 1/1/2026."
    tasks = find_tasks(two)
    assert [t.lead.name for t in tasks if t.lead is not None] == ["Sở Tư pháp", "Sở Nội vụ"]
    assert [c.name for c in tasks[0].collaborators] == ["PGS.TS. Lê An"]
    # a sentence that ends in another abbreviation still ends there
    assert len(find_tasks("Sở Tư pháp thực hiện ở UBND. Sở Nội vụ báo cáo.")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 03/01/2024, họp; ngày 29/9/2025 (thứ Hai), thứ ba, 30-9-2025 và 31/2/2025.",
        "ngày 3 tháng 1 năm 2024 (thứ tư), ngày 03 tháng 02 năm 2024, thứ Ba; Chủ nhật, 5/10/2025",
        FAMILIES["dates_run"](600),
    ],
)
def test_dates_read_straight_from_the_scan_are_the_mapped_ones(text: str) -> None:
    # find_dates on a text normalisation leaves alone builds each mention from its match;
    # through a NormalizedText, the shared phrase records and the span mapping are used.
    assert find_dates(text) == find_dates(normalize_text(text))
    assert check_dates(text) == check_dates(normalize_text(text))


def test_one_value_readers_stop_at_what_decides() -> None:
    # parse_datetime reads the text up to its first date, parse_reference no further than
    # a reference that starts the text can reach: what follows costs nothing (they read
    # every date or mention before; parse_reference 13-24x real text on code_tokens).
    from vnadmin import parse_datetime, parse_reference

    def work(fn: Callable[[str], Any], text: str) -> int:
        run = quietly(fn)
        run(text)
        return count_work(lambda: run(text + " "))

    head = "ngày 29/9/2025, 14 giờ 30 "
    assert (
        work(parse_datetime, head + "ngày 1/10/2025 " * 400)
        <= work(parse_datetime, head + "ngày 1/10/2025 " * 4) + 10
    )
    mention = "Quyết định số 01/QĐ-UBND. "
    assert work(parse_reference, mention * 400) <= work(parse_reference, mention * 4) + 10
    from vnadmin import dates

    run = "ngày 29 tháng 9 năm 2025 "
    for fn in (dates.check, dates.is_valid, dates.validate):
        assert work(fn, run * 400) <= work(fn, run * 4) + 10
    assert [f.rule for f in dates.check("31/02/2025 và 29/9/2025 (thứ Ba)")] == ["D106"]
    from vnadmin import ParseError, parse_period
    from vnadmin.dates.periods import PERIOD_MAX

    for fn in (parse_period, dates.periods.is_valid):
        assert work(fn, "quý IV/2025 " + run * 4000) <= work(fn, "quý IV/2025 " + run * 100)
    for gap, reason in ((PERIOD_MAX - 30, "trailing_text"), (PERIOD_MAX + 1, "no_period")):
        with pytest.raises(ParseError) as info:
            parse_period(" " * 3 + "x" * gap + " quý IV/2025 x")
        assert info.value.reason == reason
    for family in ("code_tokens", "code_slashes", "blanks_between_keywords", "resolve_refs"):
        make = FAMILIES[family]
        assert work(parse_reference, make(100_000)) <= work(parse_reference, make(2_000)) + 10


def test_a_reference_beyond_the_reach_of_one_is_not_read_for() -> None:
    from vnadmin import ParseError, parse_reference
    from vnadmin.references.finder import REACH

    code = "Quyết định số 01/QĐ-UBND"
    for gap, reason in ((REACH - len("số 01") - 12, "leading_text"), (REACH + 1, "no_reference")):
        text = "x" * gap + " " + code
        with pytest.raises(ParseError) as info:
            parse_reference(text)
        assert info.value.reason == reason
        if reason == "leading_text":
            assert info.value.span == (0, gap)


def test_the_date_anchor_is_the_one_it_replaced() -> None:
    # Only the last two digits of a run can start a date: the look-ahead changes the
    # engine's work on digit runs, not the anchors found.
    import re

    from vnadmin.dates import grammar

    before = re.compile(r"[0-9][0-9]?(?:[ \t]*[/.\-][ \t]*[0-9]|\s*(?:tháng|Tháng|THÁNG))")
    texts = [FAMILIES[name](2_000) for name in FAMILIES]
    texts += ["1/2 12/3 123/4 1234 tháng 5, 99999-1, ngày 0101 tháng 02", "7" * 50 + "/1"]
    for text in texts:
        assert [m.start() for m in grammar._ANCHOR.finditer(text)] == [
            m.start() for m in before.finditer(text)
        ]
