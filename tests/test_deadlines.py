"""Deadlines: the seeds, BLDS 2015 Điều 144-148, symbolic anchors, robustness."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import pickle
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.growth import growth
from vnadmin.calendar import Calendar
from vnadmin.dates import deadlines as dl
from vnadmin.dates.deadlines import (
    Anchor,
    Deadline,
    DeadlineKind,
    Unit,
    check_deadlines,
    find_deadlines,
    format_deadline,
    parse_deadline,
)
from vnadmin.dates.times import VN_TZ
from vnadmin.errors import ParseError, VnAdminError
from vnadmin.strategies import deadline_texts, deadlines
from vnadmin.text import normalize_text

DATA = Path(__file__).parent / "data"
TEXTS = DATA / "texts"
D = dt.date


def _at(y: int, m: int, d: int, h: int = 23, mi: int = 59) -> dt.datetime:
    if (h, mi) == (23, 59):
        return dt.datetime(y, m, d, 23, 59, 59, 999999, tzinfo=VN_TZ)
    return dt.datetime(y, m, d, h, mi, tzinfo=VN_TZ)


def _rows() -> list[tuple[str, str]]:
    out = []
    for line in (DATA / "date_phrases.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[0] == "deadline":
            out.append((parts[1], parts[2]))
    return out


@pytest.mark.parametrize(("phrase", "expected"), _rows())
def test_real_deadlines(phrase: str, expected: str) -> None:
    assert parse_deadline(phrase).due == dt.datetime.fromisoformat(expected)


def test_seed_invitation_deadline() -> None:
    text = (TEXTS / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
    found = [d for d in find_deadlines(text) if d.kind is DeadlineKind.FIXED]
    assert [d.due for d in found] == [_at(2025, 9, 29, 10, 0)]
    assert text[found[0].span[0] : found[0].span[1]] == "chậm nhất 10 giờ 00 phút, ngày 29/9/2025"


def test_seed_notice_deadlines() -> None:
    text = (TEXTS / "thong-bao_seed-ket-luan-2024.txt").read_text(encoding="utf-8")
    dues = [d.due for d in find_deadlines(text)]
    assert dues == [_at(2024, 1, 12), _at(2024, 1, 15), _at(2024, 1, 15)]


def test_fixed_forms() -> None:
    assert parse_deadline("trước ngày 15/01/2024").due == _at(2024, 1, 14)
    assert parse_deadline("trước ngày 15/01/2024").exclusive_day
    assert parse_deadline("trước 16 giờ 00 ngày 20/10/2025").due == _at(2025, 10, 20, 16, 0)
    assert parse_deadline("chậm nhất ngày 15/10/2025").due == _at(2025, 10, 15)


def test_relative_symbolic_then_computed() -> None:
    text = "trong thời hạn 05 ngày làm việc kể từ ngày nhận được"
    d = parse_deadline(text)
    assert (d.kind, d.amount, d.unit, d.anchor, d.due, d.needs) == (
        DeadlineKind.RELATIVE,
        5,
        Unit.WORKING_DAY,
        Anchor.RECEIVED,
        None,
        "received",
    )
    assert d.is_met(D(2030, 1, 1)) is None
    # Received Fri 24/01/2025; Tết Ất Tỵ 27/01-31/01 off: 03/02 … 07/02.
    assert parse_deadline(text, received=D(2025, 1, 24)).due == _at(2025, 2, 7)


def test_calendar_days_blds_148() -> None:
    # Điều 147: event day not counted; Điều 148: ends 24:00 of the last day.
    assert parse_deadline("trong 30 ngày kể từ ngày ký", issued=D(2025, 3, 3)).due == _at(
        2025, 4, 2
    )
    # last day Sat 05/4/2025 -> Giỗ Tổ Mon 07/4 -> ends Tue 08/4
    assert parse_deadline("trong 30 ngày kể từ ngày ký", issued=D(2025, 3, 6)).due == _at(
        2025, 4, 8
    )
    d = parse_deadline("trong 30 ngày kể từ ngày ký")
    assert d.needs == "issued" and d.anchor is Anchor.ISSUED
    # month period to a month without that day: last day of that month
    assert parse_deadline("trong 01 tháng kể từ ngày ký", issued=D(2025, 1, 31)).due == _at(
        2025, 2, 28
    )
    assert parse_deadline("sau 15 (mười lăm) ngày kể từ ngày ký", issued=D(2025, 6, 2)).amount == 15


def test_other_anchor_and_recurring_and_period() -> None:
    d = parse_deadline("trong thời hạn 10 ngày kể từ ngày kết thúc hội nghị")
    assert d.anchor is Anchor.OTHER and d.needs == "anchor" and d.anchor_text == "kết thúc hội nghị"
    r = parse_deadline("trước ngày 20 hằng tháng")
    assert (
        r.kind is DeadlineKind.RECURRING and r.recurring_day == 20 and r.needs == "reference_date"
    )
    assert r.next_due(D(2025, 3, 5)) == _at(2025, 3, 19)
    assert r.next_due(D(2025, 3, 25)) == _at(2025, 4, 19)
    q = parse_deadline("trong quý IV/2025")
    assert q.kind is DeadlineKind.PERIOD and q.due == _at(2025, 12, 31)


def test_custom_calendar() -> None:
    cal = Calendar().with_day_off(D(2025, 6, 3))
    base = parse_deadline("trong 01 ngày làm việc kể từ ngày nhận được", received=D(2025, 6, 2))
    moved = parse_deadline(
        "trong 01 ngày làm việc kể từ ngày nhận được", received=D(2025, 6, 2), calendar=cal
    )
    assert (base.due_date, moved.due_date) == (D(2025, 6, 3), D(2025, 6, 4))


def test_values_and_findings() -> None:
    d = parse_deadline("chậm nhất trong ngày 12/01/2024")
    assert pickle.loads(pickle.dumps(d)) == d and hash(d) == hash(pickle.loads(pickle.dumps(d)))
    assert d.is_met(_at(2024, 1, 12, 23, 0)) and not d.is_met(D(2024, 1, 13))
    assert [f.rule for f in check_deadlines("chậm nhất ngày 01/9/2025")] == ["D111"]
    assert check_deadlines("chậm nhất ngày 03/9/2025") == ()


@pytest.mark.parametrize(("text", "reason"), [("", "empty"), ("xin chào", "no_deadline")])
def test_errors(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_deadline(text)
    assert info.value.reason == reason


@given(deadline_texts())
def test_generated_phrases_parse(text: str) -> None:
    d = parse_deadline(text, issued=D(2025, 1, 15), received=D(2025, 1, 15))
    assert d.kind is DeadlineKind.RECURRING or d.due is not None
    if d.due is not None:
        assert d.due.utcoffset() == dt.timedelta(hours=7)


def _shapes_at_triggers(text: str) -> list[int]:
    from vnadmin.dates import deadlines as mod

    s = normalize_text(text).text
    return [
        sum(p.match(s, t.start(), t.start() + mod._WINDOW) is not None for p in shapes)
        for t in mod.triggers(s)
        for shapes in [(mod._FIXED, mod._REL, mod._PERIOD, mod._RECUR)]
    ]


@pytest.mark.parametrize(("phrase", "expected"), _rows())
def test_phrase_shapes_exclude_one_another(phrase: str, expected: str) -> None:
    """parse_deadline tries the shapes a trigger word can start in any order: at most
    one may match."""
    assert max(_shapes_at_triggers(phrase), default=0) <= 1


@given(deadline_texts())
def test_generated_phrase_shapes_exclude_one_another(text: str) -> None:
    assert max(_shapes_at_triggers(text), default=0) <= 1


@given(deadlines())
def test_deadline_strategy(d: object) -> None:
    assert pickle.loads(pickle.dumps(d)) == d


@settings(max_examples=300)
@given(st.text())
def test_never_crash(text: str) -> None:
    with contextlib.suppress(VnAdminError):
        parse_deadline(text, issued=D(2025, 1, 1), received=D(2025, 1, 1))
    assert isinstance(find_deadlines(text), tuple)
    assert isinstance(check_deadlines(text), tuple)


@pytest.mark.parametrize(
    "seed",
    [
        "chậm nhất " * 1000,
        "trong 5 ngày kể từ " * 600,
        "trước" + " " * 9000,
        "trước ngày 1/1/2025; " * 500,
        "Chậm nhất ngày 03/9/2025, trong quý IV/2025. " * 200,
    ],
)
def test_linear_growth(seed: str) -> None:
    def make(n: int) -> str:
        return (seed * (n // len(seed) + 1))[:n]

    # 10x the input: about 10x the work (quadratic would be ~100x).
    assert growth(make, find_deadlines, 1_000, 10) < 2
    assert growth(make, check_deadlines, 1_000, 10) < 2


@pytest.mark.parametrize(
    "text",
    [
        "Đối với khoảng thời gian trước ngày 01-01-2006 thì áp dụng Bộ luật Dân sự năm 1995",
        "từ ngày 01-01-2006 đến trước ngày 01-01-2017, Tòa án áp dụng",
        "hợp đồng xác lập trước ngày 01-01-2017 nhưng thuộc trường hợp",
        "văn bản được ban hành trước ngày 01/7/2025",
    ],
)
def test_points_of_reference_in_rules_are_not_deadlines(text: str) -> None:
    assert find_deadlines(text) == ()


def test_quarterly_recurring_deadline() -> None:
    d = parse_deadline("báo cáo trước ngày 15 tháng cuối quý")
    assert d.kind is DeadlineKind.RECURRING
    assert (d.recurring_day, d.recurring_months, d.exclusive_day) == (15, (3, 6, 9, 12), True)
    assert d.next_due(D(2025, 4, 20)) == _at(2025, 6, 14)
    assert d.next_due(D(2025, 6, 15)) == _at(2025, 9, 14)
    first = parse_deadline("chậm nhất ngày 10 của tháng đầu quý")
    assert first.next_due(D(2025, 11, 1)) == _at(2026, 1, 10)


def test_deadline_before_issue_and_after_event() -> None:
    text = (TEXTS / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
    assert [f.rule for f in check_deadlines(text, issued=D(2025, 9, 26))] == []
    late = text.replace("chậm nhất 10 giờ 00 phút, ngày 29/9/2025", "chậm nhất ngày 30/9/2025")
    assert [f.rule for f in check_deadlines(late, issued=D(2025, 9, 26))] == ["D114"]
    assert [f.rule for f in check_deadlines(text, issued=D(2025, 10, 2))] == ["D113"]
    # "trước ngày X" long before the issue date is a point of reference, not a deadline.
    old = "Hợp đồng được thực hiện xong trước ngày 01-01-2017 thì áp dụng"
    assert check_deadlines(old, issued=D(2019, 4, 11)) == ()
    assert [f.rule for f in check_deadlines(old, issued=D(2017, 1, 20))] == ["D113"]


@given(deadlines())
def test_format_roundtrip(d: Deadline) -> None:
    again = parse_deadline(format_deadline(d), issued=D(2025, 1, 15), received=D(2025, 1, 15))
    assert attrs.evolve(again, span=d.span, text=d.text, anchor_text=d.anchor_text) == d
    assert again.text == format_deadline(d)


def test_values_are_lean() -> None:
    text = (TEXTS / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
    for d in find_deadlines(text):
        assert d.text == text[d.span[0] : d.span[1]] and len(d.text) < 200
        assert not hasattr(d, "__dict__")


def test_verbs() -> None:
    assert dl.parse is parse_deadline and dl.find is find_deadlines
    d = dl.parse("chậm nhất ngày 01/9/2025")
    assert [f.rule for f in dl.check(d)] == ["D111"]
    assert dl.validate(d) is d and dl.is_valid(d)  # D111 is INFO: valid
    late = dl.parse("chậm nhất ngày 30/9/2025")
    event = dt.datetime(2025, 9, 29, 14, tzinfo=VN_TZ)
    assert [f.rule for f in dl.check(late, event=event, issued=D(2025, 10, 1))] == [
        "D113",
        "D114",
    ]
    assert not dl.is_valid("xin chào") and not dl.is_valid(3)
    # check_deadlines over text is find, then check each
    text = "2. Thời gian: 14 giờ 00, ngày 29/9/2025.\nĐăng ký chậm nhất ngày 30/9/2025."
    found = dl.find(text)
    assert dl.check_deadlines(text, issued=D(2025, 10, 1)) == tuple(
        f for x in found for f in dl.check(x, issued=D(2025, 10, 1), event=dl.event_start(text))
    )


def test_one_normalisation_per_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    import vnadmin.text as vt
    from vnadmin.dates import check_dates, find_dates
    from vnadmin.dates.periods import find_periods
    from vnadmin.dates.times import check_times, find_datetimes, find_times

    text = (TEXTS / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
    text = text.replace("\n", "\r\n")
    calls = []
    real = vt._normalize

    def counting(s: str) -> vt.NormalizedText:
        calls.append(len(s))
        return real(s)

    monkeypatch.setattr(vt, "_normalize", counting)
    for fn in (
        find_dates,
        check_dates,
        find_times,
        check_times,
        find_datetimes,
        find_periods,
        find_deadlines,
        check_deadlines,
    ):
        calls.clear()
        fn(text)
        assert calls == [len(text)], fn
        nt = vt.normalize_text(text)
        calls.clear()
        fn(nt)
        assert calls == [], fn


def test_occurrences_follow_the_months_it_recurs_in() -> None:
    d = parse_deadline("chậm nhất ngày 31 tháng giữa quý")  # day 31 of Feb, May, Aug, Nov
    got = [x.date() for x in itertools.islice(d.occurrences(D(2025, 1, 1)), 4)]
    assert got == [D(2025, 2, 28), D(2025, 5, 31), D(2025, 8, 31), D(2025, 11, 30)]
    fixed = parse_deadline("chậm nhất ngày 15/10/2025")
    assert list(fixed.occurrences(D(2020, 1, 1))) == [fixed.due]
    assert fixed.next_due(D(2020, 1, 1)) == fixed.due


def test_deadline_json_is_small() -> None:
    from vnadmin.serialization import from_json, to_json

    text = (TEXTS / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
    for d in find_deadlines(text):
        data = to_json(d)
        assert len(data) < 600 and from_json(data, Deadline) == d


# --- hardening (issue 10) -----------------------------------------------------------

from tests.growth import bounded  # noqa: E402
from vnadmin.strategies._dates import hostile_date_texts  # noqa: E402

EXTREMES = [None, D(1, 1, 1), D(9999, 12, 31), D(2025, 1, 15)]


def _deadline_contract(text: str) -> None:
    for anchor in EXTREMES:
        for d in find_deadlines(text, issued=anchor, received=anchor):
            with contextlib.suppress(VnAdminError):
                format_deadline(d)
            for event in (None, dt.datetime(9999, 12, 31, 23, 59), dt.datetime(1, 1, 1, 0, 0)):
                dl.check(d, issued=anchor, event=event)
            list(itertools.islice(d.occurrences(D(9999, 11, 1)), 3))
            list(itertools.islice(d.occurrences(D(1, 1, 1)), 3))
            d.is_met(D(2025, 1, 1))
        check_deadlines(text, issued=anchor, received=anchor)
        assert dl.is_valid(text, issued=anchor, received=anchor) in (True, False)
        with contextlib.suppress(VnAdminError):
            parse_deadline(text, issued=anchor, received=anchor)
        with contextlib.suppress(VnAdminError):
            dl.validate(text, issued=anchor, received=anchor)
    dl.event_start(text)


@given(st.text())
def test_exception_contract_on_any_text(text: str) -> None:
    _deadline_contract(text)


@given(hostile_date_texts())
def test_exception_contract_on_the_date_grammar(text: str) -> None:
    _deadline_contract(text)


@pytest.mark.parametrize(
    "text",
    [
        "trong 5 ngàylàmviệc kể từ ngày ký",
        "trước ngày 5 tháng gİữa quý",
        "trong quý İV/2025",
        "trong quý IV/9999",
        "chậm nhất ngày 31/12/9999",
        "trước ngày 01/01/0001",
        "trong 9999 ngày làm việc kể từ ngày nhận được",
        "trong 9999 năm kể từ ngày ký",
        "trước ngày 1 hằng tháng",
        "2. Thời gian: 23 giờ 59, ngày 31/12/9999.\nchậm nhất ngày 31/12/9999",
    ],
)
def test_exception_contract_examples(text: str) -> None:
    _deadline_contract(text)


def test_one_bad_deadline_does_not_drop_the_others() -> None:
    text = "chậm nhất ngày 15/10/2025. trước ngày 01/01/0001."
    assert [d.due_date for d in find_deadlines(text)] == [D(2025, 10, 15)]
    text = (
        "Chậm nhất ngày 01/9/2025. trước ngày 01/01/0001.\n2. Thời gian: 8 giờ 00, ngày 30/8/2025."
    )
    rules = [f.rule for f in check_deadlines(text, issued=D(2025, 10, 1))]
    assert rules == ["D111", "D113", "D114"]
    # a relative deadline whose due falls past 9999-12-31 is skipped, not the text
    text = "trong 30 ngày kể từ ngày ký; chậm nhất ngày 20/10/2025"
    got = find_deadlines(text, issued=D(9999, 12, 20))
    assert [d.kind for d in got] == [DeadlineKind.FIXED]
    with pytest.raises(ParseError) as err:
        parse_deadline("trước ngày 01/01/0001")
    assert err.value.reason == "out_of_range"


def test_case_folded_words_are_read() -> None:
    d = parse_deadline("trước ngày 5 tháng gİữa quý")
    assert d.recurring_months == (2, 5, 8, 11)
    assert parse_deadline("trong quý İV/2025").due_date == D(2025, 12, 31)
    d = parse_deadline("trong 5 ngàylàmviệc kể từ ngày ký", issued=D(2025, 1, 1))
    assert d.unit is Unit.WORKING_DAY
    assert parse_deadline("TRƯỚC NGÀY 15/01/2024").exclusive_day


def test_recurring_occurrences_stop_at_the_range_of_dates() -> None:
    d = parse_deadline("trước ngày 1 hằng tháng")
    assert list(d.occurrences(D(9999, 11, 5))) == [
        dt.datetime(9999, 11, 30, 23, 59, 59, 999999, VN_TZ)
    ]
    first = next(d.occurrences(D(1, 1, 1)))
    assert first.date() == D(1, 1, 31)
    with pytest.raises(VnAdminError):
        next(attrs.evolve(d, recurring_day=0).occurrences(D(2025, 1, 1)))


def test_deadline_values_are_frozen() -> None:
    d = parse_deadline("chậm nhất ngày 15/10/2025")
    assert not hasattr(d, "__dict__")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        d.due = None  # type: ignore[misc]


# Long blank runs between every pair of the deadline grammar's keywords, and runs just
# under the window of a trigger (where every optional word re-read the run before).
DL_KEYWORDS = [
    "chậm nhất",
    "là",
    "trong",
    "trước",
    "ngày",
    "kể từ",
    "quý",
    "IV/2025",
    "5",
    "15/10/2025",
    "giờ",
    "hằng tháng",
    "nhận",
    ".",
]


def _pairs(run: int) -> str:
    seq = [DL_KEYWORDS[0]]
    for a in DL_KEYWORDS:
        for b in DL_KEYWORDS:
            seq += [a, b]
    return (" " * run).join(seq)


DL_FAMILIES = {
    "pairs, short runs": lambda n: _pairs(max(1, n // 400)),
    "pairs, runs under the window": lambda n: (_pairs(230) * (n // 90_000 + 1))[:n],
    "trigger then a window of blanks": lambda n: ("chậm nhất" + " " * 230 + "ngày ") * (n // 244),
    "relative with a long event": lambda n: (
        ("trong 5 ngày kể từ x" + " " * 200 + "y ") * (n // 222)
    ),
    "repeated triggers": lambda n: "trong " * (n // 6),
}


@pytest.mark.parametrize("family", sorted(DL_FAMILIES))
def test_linear_work_on_adversarial_families(family: str) -> None:
    make = DL_FAMILIES[family]
    assert growth(make, find_deadlines, 10_000, 10) < 1.6
    assert growth(make, check_deadlines, 10_000, 10) < 1.6


def test_one_megabyte_of_adversarial_deadlines_does_not_hang() -> None:
    for make in DL_FAMILIES.values():
        text = make(1_000_000)
        bounded(
            lambda t=text: check_deadlines(t, issued=D(2025, 1, 1), received=D(2025, 1, 1)), 20.0
        )  # type: ignore[misc]


_TRIGGER_TEXT = st.lists(
    st.sampled_from(
        [
            "chậm nhất",
            "Chậm nhất",
            "CHẬM NHẤT",
            "trước",
            "TRƯỚC",
            "tRước",
            "trong",
            "Trong",
            "không quá",
            "hạn chót",
            "đến hết",
            "ĐẾN HẾT",
            "hoàn thành",
            "vào ngày",
            "sau 5",
            "İ",
            "trongtrong",
            " ",
            "\n",
            "ngày 15/10/2025",
            "x",
        ]
    ),
    max_size=30,
).map("".join)


@given(_TRIGGER_TEXT)
def test_triggers_are_the_anchor_patterns_matches(text: str) -> None:
    """The trigger words found through str.find on the lower-case text are those the
    case-sensitive anchor pattern finds, left to right, not overlapping."""
    expected = []
    pos = 0
    while (hit := dl._ANCHOR.search(text, pos)) is not None:
        t = dl._TRIGGER.match(text, hit.start())
        if t is None:
            pos = hit.start() + 1
            continue
        expected.append(t.span())
        pos = t.end()
    assert [t.span() for t in dl.triggers(text)] == expected


@given(st.text(alphabet=st.characters(blacklist_characters="0123456789"), max_size=300))
def test_no_deadline_phrase_is_without_a_digit(text: str) -> None:
    """The scan passes over a trigger with no ASCII digit in its window: that holds only
    while every phrase shape needs one."""
    for shapes in dl._BY_TRIGGER.values():
        for pattern in shapes:
            assert pattern.search(text) is None
