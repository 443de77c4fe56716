"""Dates, times, periods: seeds, the real-phrase table, properties, robustness."""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle
import re
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.growth import growth, quietly
from tests.perturb import perturbed
from vnadmin.dates import (
    PlaceDate,
    check,
    check_dates,
    check_place_date,
    find_dates,
    format_date,
    format_place_date,
    is_valid_date_text,
    parse_date,
    parse_place_date,
    parse_weekday,
    periods,
    times,
    validate,
)
from vnadmin.dates.deadlines import find_deadlines, parse_deadline
from vnadmin.dates.periods import Period, PeriodKind, find_periods, format_period, parse_period
from vnadmin.dates.times import (
    VN_TZ,
    check_times,
    find_datetimes,
    find_times,
    format_datetime,
    format_time,
    parse_datetime,
    parse_time,
)
from vnadmin.errors import ParseError, ValidationError, VnAdminError
from vnadmin.strategies import (
    date_texts,
    dates,
    period_texts,
    place_date_texts,
    time_texts,
)
from vnadmin.strategies import times as time_values
from vnadmin.text import normalize_text

DATA = Path(__file__).parent / "data"
TEXTS = DATA / "texts"
SEED_INVITE = (TEXTS / "giay-moi_seed-ctmtqg-2025.txt").read_text(encoding="utf-8")
SEED_NOTICE = (TEXTS / "thong-bao_seed-ket-luan-2024.txt").read_text(encoding="utf-8")


def _rows(kind: str) -> list[tuple[str, str, str]]:
    out = []
    for line in (DATA / "date_phrases.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith(("#", "kind\t")):
            continue
        k, phrase, expected, source = line.split("\t")
        if k == kind:
            out.append((phrase, expected, source))
    return out


def test_phrase_table_is_big_and_real() -> None:
    kinds = ["date", "place_date", "datetime", "period", "deadline"]
    rows = [r for k in kinds for r in _rows(k)]
    assert len(rows) >= 80
    for phrase, _, source in rows:
        text = re.sub(r"\s+", " ", (TEXTS / source).read_text(encoding="utf-8"))
        assert phrase in text, (phrase, source)


@pytest.mark.parametrize(("phrase", "expected", "source"), _rows("date"))
def test_real_dates(phrase: str, expected: str, source: str) -> None:
    assert parse_date(phrase) == dt.date.fromisoformat(expected)
    (mention,) = find_dates(phrase)
    assert mention.value == dt.date.fromisoformat(expected)
    assert mention.span == (0, len(phrase))


@pytest.mark.parametrize(("phrase", "expected", "source"), _rows("place_date"))
def test_real_place_dates(phrase: str, expected: str, source: str) -> None:
    pd = parse_place_date(phrase)
    parts = expected.split("|")
    assert pd.place == parts[0]
    if len(parts) == 2:
        assert pd.date == dt.date.fromisoformat(parts[1])
    else:
        assert (pd.date, pd.day, pd.month, pd.year) == (None, None, int(parts[2]), int(parts[3]))


@pytest.mark.parametrize(("phrase", "expected", "source"), _rows("datetime"))
def test_real_datetimes(phrase: str, expected: str, source: str) -> None:
    assert parse_datetime(phrase) == dt.datetime.fromisoformat(expected)
    (found,) = find_datetimes(phrase)
    assert found.value == dt.datetime.fromisoformat(expected)


@pytest.mark.parametrize(("phrase", "expected", "source"), _rows("period"))
def test_real_periods(phrase: str, expected: str, source: str) -> None:
    start, end = expected.split("..")
    p = parse_period(phrase)
    assert (p.start, p.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


# --- the two seeds, every mention -------------------------------------------------


def test_seed_invitation_dates() -> None:
    values = [m.value for m in find_dates(SEED_INVITE)]
    d = dt.date
    assert values == [
        d(2025, 7, 20),
        d(2025, 7, 20),
        d(2025, 9, 29),
        d(2025, 9, 29),
        d(2025, 9, 17),
        d(2025, 9, 29),
        d(2025, 9, 29),
    ]
    for m in find_dates(SEED_INVITE):
        assert parse_date(SEED_INVITE[m.span[0] : m.span[1]]) == m.value
    weekday = [m for m in find_dates(SEED_INVITE) if m.weekday is not None]
    assert len(weekday) == 1 and weekday[0].weekday == 0 and weekday[0].weekday_matches


def test_seed_invitation_times_and_periods() -> None:
    got = [x.value for x in find_datetimes(SEED_INVITE)]
    at = [(10, 0), (14, 0), (10, 0), (13, 0)]
    expected = sorted(dt.datetime(2025, 9, 29, h, mi, tzinfo=VN_TZ) for h, mi in at)
    assert sorted(got) == expected
    assert [t.value for t in find_times(SEED_INVITE)] == [
        dt.time(14, 0),
        dt.time(10, 0),
        dt.time(10, 0),
        dt.time(13, 0),
    ]
    periods = {(p.kind, p.start, p.end) for p in find_periods(SEED_INVITE)}
    assert (PeriodKind.MONTHS_END, dt.date(2025, 10, 1), dt.date(2025, 12, 31)) in periods
    assert (PeriodKind.YEARS, dt.date(2021, 1, 1), dt.date(2025, 12, 31)) in periods
    assert (PeriodKind.YEAR, dt.date(2025, 1, 1), dt.date(2025, 12, 31)) in periods
    assert check_dates(SEED_INVITE) == ()


def test_seed_notice_dates() -> None:
    d = dt.date
    assert [m.value for m in find_dates(SEED_NOTICE)] == [
        d(2024, 1, 3),
        d(2023, 11, 8),
        d(2023, 7, 27),
        d(2023, 7, 27),
        d(2024, 1, 12),
        d(2024, 1, 15),
        d(2024, 1, 15),
    ]
    years = sorted({p.start.year for p in find_periods(SEED_NOTICE) if p.kind is PeriodKind.YEAR})
    assert years == [2019, 2024]


# --- parsing details --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/7/2025", dt.date(2025, 7, 20)),
        ("03/01/2024", dt.date(2024, 1, 3)),
        ("20-7-2025", dt.date(2025, 7, 20)),
        ("20.7.2025", dt.date(2025, 7, 20)),
        ("ngày 03 tháng 01 năm 2024", dt.date(2024, 1, 3)),
        ("ngày 3 tháng 1 năm 2024", dt.date(2024, 1, 3)),
        ("NGÀY 05/01/2024", dt.date(2024, 1, 5)),
        ("nga\u0300y 3 tha\u0301ng 1 na\u0306m 2024", dt.date(2024, 1, 3)),
        ("ngày\u00a020\u00a0tháng\u00a07 năm 2025", dt.date(2025, 7, 20)),
        ("2025-07-20", dt.date(2025, 7, 20)),
    ],
)
def test_parse_date_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("hello", "no_date"),
        ("31/02/2025", "invalid_date"),
        ("xx 20/7/2025", "trailing_text"),
    ],
)
def test_parse_date_errors(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert info.value.reason == reason


def test_spans_map_to_original_nfd() -> None:
    text = "Ha\u0300 Nô\u0323i, nga\u0300y 05 tha\u0301ng 01 na\u0306m 2020"
    pd = parse_place_date(text)
    assert text[pd.place_span[0] : pd.place_span[1]] == "Ha\u0300 Nô\u0323i"
    assert text[pd.date_span[0] : pd.date_span[1]].endswith("2020")
    (m,) = find_dates("Ð\u00e1p ứng ngày 29/9/2025")
    assert m.value == dt.date(2025, 9, 29)


def test_place_date_forms() -> None:
    pd = parse_place_date("Lạng Sơn, ngày 03 tháng 01 năm 2024")
    assert (pd.place, pd.date, pd.place_span) == ("Lạng Sơn", dt.date(2024, 1, 3), (0, 8))
    pd = parse_place_date("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019")
    assert pd.place == "Thành phố Hồ Chí Minh" and pd.date == dt.date(2019, 6, 29)
    assert parse_place_date("TP. Hồ Chí Minh, ngày 29 tháng 6 năm 2019").place == "TP. Hồ Chí Minh"
    blank = parse_place_date("Hà Nội, ngày      tháng 3 năm 2026")
    assert (blank.day, blank.month, blank.year, blank.date) == (None, 3, 2026, None)
    assert pickle.loads(pickle.dumps(pd)) == pd and hash(pd) == hash(pickle.loads(pickle.dumps(pd)))
    assert pd.text == "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019" and not hasattr(
        pd, "__dict__"
    )


def test_place_date_findings() -> None:
    assert check_place_date("Lạng Sơn, ngày 03 tháng 01 năm 2024") == ()
    assert [f.rule for f in check_place_date("Hà Nội, ngày 3 tháng 1 năm 2024")] == [
        "D101",
        "D102",
    ]
    assert [f.rule for f in check_place_date("Hà Nội, ngày 14 tháng 05 năm 2016")] == ["D103"]
    assert [f.rule for f in check_place_date("Hà Nội, 05/01/2020")] == ["D104"]
    assert [f.rule for f in check_place_date("Hà Nội, ngày      tháng 3 năm 2026")] == ["D108"]
    f = check_place_date("Hà Nội, ngày 3 tháng 01 năm 2024")[0]
    assert f.span == (13, 14) and "03" in f.message_vi


def test_format_roundtrip_examples() -> None:
    assert format_date(dt.date(2024, 1, 3)) == "ngày 03 tháng 01 năm 2024"
    assert format_date(dt.date(2020, 2, 5)) == "ngày 05 tháng 02 năm 2020"
    assert format_date(dt.date(2020, 3, 5)) == "ngày 05 tháng 3 năm 2020"
    assert format_date(dt.date(2019, 12, 29)) == "ngày 29 tháng 12 năm 2019"
    line = format_place_date("Lạng Sơn", dt.date(2024, 1, 3))
    assert line == "Lạng Sơn, ngày 03 tháng 01 năm 2024" and check_place_date(line) == ()


def test_weekdays() -> None:
    names = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
    assert [parse_weekday(n) for n in names] == list(range(7))
    assert [parse_weekday(f"Thứ {n}") for n in range(2, 8)] == list(range(6))
    assert parse_weekday("THỨ HAI") == 0 and parse_weekday("chủ nhật") == 6
    with pytest.raises(ParseError):
        parse_weekday("thứ Tám")
    bad = check_dates("ngày 29/9/2025 (thứ Ba)")
    assert [f.rule for f in bad] == ["D105"] and "thứ Hai" in bad[0].message_vi
    assert [f.rule for f in check_dates("thứ Năm (ngày 1-1-2026)")] == []
    assert [f.rule for f in check_dates("thứ Sáu, ngày 1-1-2026")] == ["D105"]
    assert [f.rule for f in check_dates("ngày 29/9/2025 (thứ hai)")] == ["D112"]
    assert not is_valid_date_text("29/9/2025 (thứ Ba)") and is_valid_date_text("29/9/2025 (thứ 2)")


def test_date_findings() -> None:
    assert [f.rule for f in check_dates("xem 31/02/2025")] == ["D106"]
    rules = [(f.rule, f.severity.value) for f in check_dates("ngày 3 tháng 1 năm 2024")]
    # (in running text the issuing date's forms are information only: D115, D116)
    assert rules == [("D115", "info"), ("D116", "info")]
    assert [f.severity.value for f in check("ngày 3 tháng 1 năm 2024")] == ["warning", "warning"]
    with pytest.raises(ParseError):
        check("không có ngày")
    with pytest.raises(ValidationError) as info:
        validate("xem 31/02/2025")
    assert [f.rule for f in info.value.findings] == ["D106"]
    assert validate("ngày 3 tháng 1 năm 2024").value == dt.date(2024, 1, 3)


def test_times() -> None:
    cases = {
        "14 giờ 00": dt.time(14, 0),
        "10 giờ 00 phút": dt.time(10, 0),
        "14h00": dt.time(14, 0),
        "14h": dt.time(14, 0),
        "8 giờ 30 phút": dt.time(8, 30),
        "7h30'": dt.time(7, 30),
        "18h giờ 00 phút": dt.time(18, 0),
    }
    for text, value in cases.items():
        assert parse_time(text) == value, text
    with pytest.raises(ParseError) as info:
        parse_time("25 giờ")
    assert info.value.reason == "invalid_time"
    assert find_times("diện tích 14ha, 5 hộ") == ()
    assert [f.rule for f in check_times("lúc 14h00")] == ["D109"]
    assert parse_datetime("08 giờ 00 ngày 15/01/2024") == dt.datetime(
        2024, 1, 15, 8, 0, tzinfo=VN_TZ
    )
    assert parse_datetime("ngày 29/9/2025, lúc 14 giờ") == dt.datetime(
        2025, 9, 29, 14, tzinfo=VN_TZ
    )


def test_periods() -> None:
    p = parse_period("6 tháng đầu năm 2026")
    assert (p.start, p.end, p.days) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30), 181)
    assert parse_period("quý III năm 2025").end == dt.date(2025, 9, 30)
    assert parse_period("quý IV/2025").start == dt.date(2025, 10, 1)
    assert parse_period("năm 2025").days == 365
    rng = parse_period("từ ngày 01/01/2024 đến hết ngày 31/3/2024")
    assert rng.kind is PeriodKind.RANGE and dt.date(2024, 2, 29) in rng
    assert rng == Period(dt.date(2024, 1, 1), dt.date(2024, 3, 31), PeriodKind.RANGE, (0, 41))
    with pytest.raises(ParseError):
        parse_period("6 tháng đầu năm")


# --- properties -------------------------------------------------------------------


@given(dates())
def test_format_parse_roundtrip(d: dt.date) -> None:
    assert parse_date(format_date(d)) == d
    assert format_date(parse_date(format_date(d))) == format_date(d)


@given(date_texts())
def test_any_written_form_parses(pair: tuple[str, dt.date]) -> None:
    text, d = pair
    assert parse_date(text) == d
    (m,) = find_dates(f"theo văn bản {text} của Bộ")
    assert m.value == d


@given(place_date_texts())
def test_place_date_roundtrip(triple: tuple[str, str, dt.date]) -> None:
    line, place, d = triple
    pd = parse_place_date(line)
    assert (pd.place, pd.date) == (place, d)
    assert check_place_date(line) == ()


@given(time_texts())
def test_time_forms(pair: tuple[str, dt.time]) -> None:
    text, t = pair
    assert parse_time(text) == t


@settings(max_examples=300)
@given(st.text())
def test_never_crash(text: str) -> None:
    for fn in (
        parse_date,
        parse_place_date,
        parse_time,
        parse_datetime,
        parse_period,
        parse_weekday,
    ):
        with contextlib.suppress(VnAdminError):
            fn(text)
    for scan in (find_dates, check_dates, find_times, find_datetimes, check_times, find_periods):
        assert isinstance(scan(text), tuple)


@settings(max_examples=200)
@given(st.text(alphabet="0123456789/.-ngàyth áđếquýIV,()giờhphút", max_size=60))
def test_never_crash_on_date_like_text(text: str) -> None:
    test_never_crash.hypothesis.inner_test(text)  # type: ignore[attr-defined]


# --- adversarial inputs: work must grow linearly ----------------------------------

ADVERSARIAL = [
    "ngày " * 2000,
    "1/" * 5000,
    "ngày 1 tháng " * 1000,
    "12 giờ " * 1500,
    "thứ Hai " * 1200,
    "quý I, " * 1400,
    "Hà Nội" + " " * 9000 + "ngày",
    "29/9/2025 " * 1000,
]


@pytest.mark.parametrize("seed", ADVERSARIAL)
@pytest.mark.parametrize(
    "fn",
    [
        find_dates,
        check_dates,
        find_datetimes,
        find_periods,
        parse_date,
        parse_place_date,
        parse_datetime,
    ],
)
def test_linear_growth(seed: str, fn: Callable[[str], object]) -> None:
    def make(n: int) -> str:
        return (seed * (n // len(seed) + 1))[:n]

    # 10x the input: about 10x the work (quadratic would be ~100x).
    assert growth(make, quietly(fn), 1_000, 10) < 2


@pytest.mark.parametrize(
    "seed",
    ["20/7/2025" + " " * 9000 + "x", "ngày 1 tháng 1" + " " * 9000 + "x", "quý I" + " " * 9000],
)
@pytest.mark.parametrize(
    "fn", [parse_date, parse_place_date, find_dates, find_periods, parse_period, parse_datetime]
)
def test_linear_growth_space_runs(seed: str, fn: Callable[[str], object]) -> None:
    def make(n: int) -> str:
        return seed[:14] + " " * n + "x"

    assert growth(make, quietly(fn), 500, 10) < 2


# --- spans are exact on perturbed real texts --------------------------------------

REAL = sorted(p.read_text(encoding="utf-8") for p in TEXTS.glob("*.txt"))


@st.composite
def perturbed_texts(draw: st.DrawFn) -> str:
    """A 2,500-character window of a real text, perturbed."""
    text = draw(st.sampled_from(REAL))
    start = draw(st.integers(0, max(0, len(text) - 2500)))
    return draw(perturbed(text[start : start + 2500]))


def _norm(s: str) -> str:
    return normalize_text(s).text


def _slice(text: str, span: tuple[int, int] | None) -> str:
    assert span is not None
    return text[span[0] : span[1]]


@settings(max_examples=60, deadline=None)
@given(perturbed_texts())
def test_spans_exact_on_perturbed_texts(text: str) -> None:
    for m in find_dates(text):
        assert parse_date(_slice(text, m.span)) == m.value
        assert _norm(_slice(text, m.day_span)) == m.day_text
        assert _norm(_slice(text, m.month_span)) == m.month_text
        if m.weekday_span is not None:
            assert _norm(_slice(text, m.weekday_span)) == m.weekday_text
            assert parse_weekday(_slice(text, m.weekday_span)) == m.weekday
    for t in find_times(text):
        assert t.text == _slice(text, t.span)
        assert parse_time(t.text) == t.value
    for dtm in find_datetimes(text):
        assert parse_time(_slice(text, dtm.time_span)) == dtm.value.time()
        assert parse_date(_slice(text, dtm.date_span)) == dtm.value.date()
    for p in find_periods(text):
        got = parse_period(_slice(text, p.span))
        assert (got.start, got.end, got.kind) == (p.start, p.end, p.kind)
    for d in find_deadlines(text):
        assert d.text == _slice(text, d.span)
        again = parse_deadline(d.text)
        assert attrs.evolve(again, span=d.span) == d


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_rows("place_date")), st.data())
def test_place_date_spans_exact_when_perturbed(
    row: tuple[str, str, str], data: st.DataObject
) -> None:
    line = data.draw(st.sampled_from(["", "  ", "\n ", "\u200b"])) + row[0] + "\n"
    text = data.draw(perturbed(line))
    pd = parse_place_date(text)
    assert pd.text == _slice(text, pd.span)
    assert pd.place is not None and _norm(_slice(text, pd.place_span)) == pd.place
    assert _norm(_slice(text, pd.date_span)).lower().startswith("ngày")
    if pd.day_span is not None:
        assert _norm(_slice(text, pd.day_span)) == pd.day_text
    if pd.month_span is not None:
        assert _norm(_slice(text, pd.month_span)) == pd.month_text
    again = parse_place_date(pd.text)
    assert (again.place, again.date, again.day, again.month, again.year) == (
        pd.place,
        pd.date,
        pd.day,
        pd.month,
        pd.year,
    )


@settings(max_examples=25, deadline=None)
@given(perturbed_texts())
def test_document_place_date_spans(text: str) -> None:
    import vnadmin

    pd = vnadmin.parse_document(text).place_date
    if pd is None:
        return
    assert pd.text == _slice(text, pd.span)
    if pd.place is not None:
        assert _norm(_slice(text, pd.place_span)) == pd.place
    for span, field in ((pd.day_span, pd.day_text), (pd.month_span, pd.month_text)):
        if span is not None:
            assert _norm(_slice(text, span)) == field


# --- the verbs: format is read back by parse -------------------------------------


@given(time_values())
def test_time_format_roundtrip(t: dt.time) -> None:
    assert parse_time(format_time(t)) == t
    assert parse_time(format_time(t, minutes_word=True)) == t


@given(place_date_texts())
def test_place_date_format_roundtrip(triple: tuple[str, str, dt.date]) -> None:
    pd = parse_place_date(triple[0])
    assert parse_place_date(format_place_date(pd)) == pd


@given(period_texts())
def test_period_format_roundtrip(text: str) -> None:
    p = parse_period(text)
    again = parse_period(format_period(p))
    assert (again.start, again.end, again.kind) == (p.start, p.end, p.kind)


def test_verbs_of_times_and_periods() -> None:
    assert times.parse is parse_time and times.find is find_times
    (t,) = times.find("họp lúc 14h00")
    assert [f.rule for f in times.check(t)] == ["D109"]
    assert times.validate(t) is t and times.is_valid(t)
    with pytest.raises(ValidationError):
        times.validate("25 giờ 00")
    assert not times.is_valid("25 giờ 00") and not times.is_valid(object())
    p = periods.parse("quý IV/2025")
    assert periods.check(p) == () and periods.validate(p) is p and periods.is_valid(p)
    assert not periods.is_valid("quý V/2025")
    assert periods.format(p) == "quý IV/2025"


def test_values_are_lean_and_round_trip_through_json() -> None:
    from vnadmin.serialization import from_json, to_json

    text = (TEXTS / "nghi-quyet_01-2019-NQ-HDTP.txt").read_text(encoding="utf-8")
    pd = parse_place_date("Hà Nội, ngày 11 tháng 01 năm 2019")
    assert from_json(to_json(pd), PlaceDate) == pd and len(to_json(pd)) < 600
    for m in find_dates(text):
        assert from_json(to_json(m), type(m)) == m
    for t in find_times(SEED_INVITE):
        assert t.text == SEED_INVITE[t.span[0] : t.span[1]]
        assert from_json(to_json(t), type(t)) == t


@given(dates(), time_values(), st.booleans())
def test_datetime_format_roundtrip(d: dt.date, t: dt.time, weekday: bool) -> None:
    value = dt.datetime.combine(d, t, tzinfo=VN_TZ)
    assert parse_datetime(format_datetime(value, weekday=weekday)) == value


@settings(max_examples=200)
@given(st.one_of(st.text(), st.none(), st.integers(), st.just(dt.date(2025, 1, 1))))
def test_is_valid_never_raises(value: object) -> None:
    from vnadmin import dates as dates_mod
    from vnadmin.dates import deadlines

    for fn in (
        dates_mod.is_valid,
        dates_mod.is_valid_place_date,
        times.is_valid,
        periods.is_valid,
        deadlines.is_valid,
    ):
        result = fn(value)  # never raises
        if not isinstance(value, str) or not value.strip():
            assert result is False


_CORPUS = sorted((Path(__file__).parent / "data" / "texts").glob("*.txt"))


@pytest.mark.parametrize("path", _CORPUS, ids=lambda p: p.stem)
def test_check_dates_on_found_dates_gives_the_same_findings(path: Path) -> None:
    from vnadmin.dates import check_dates, find_dates

    text = path.read_text(encoding="utf-8") + "\nngày 31/02/2025 (thứ hai)"
    key = lambda f: (f.span, f.rule)  # noqa: E731
    expected = sorted(check_dates(text), key=key)
    assert sorted(check_dates(text, found=find_dates(text)), key=key) == expected
    assert any(f.rule == "D106" for f in expected)


@given(st.text(alphabet="0123456789/ngàytháng năm()thứHaiBa,", max_size=60))
def test_check_dates_on_found_dates_property(text: str) -> None:
    from vnadmin.dates import check_dates, find_dates

    key = lambda f: (f.span, f.rule)  # noqa: E731
    assert sorted(check_dates(text, found=find_dates(text)), key=key) == sorted(
        check_dates(text), key=key
    )


# --- hardening (issue 10): one exception contract, per-item resilience, linear time ----

from tests.growth import bounded, count_work  # noqa: E402
from vnadmin.dates import (  # noqa: E402
    DateMention,
    format_weekday,
    grammar,
    is_valid,
    is_valid_place_date,
    match_date,
    validate_place_date,
)
from vnadmin.dates import deadlines as _deadlines  # noqa: E402
from vnadmin.dates import finder as _finder  # noqa: E402
from vnadmin.dates import model as _model  # noqa: E402
from vnadmin.dates import parser as _parser  # noqa: E402
from vnadmin.dates import rules as _rules  # noqa: E402
from vnadmin.strategies._dates import hostile_date_texts  # noqa: E402
from vnadmin.text import NormalizedText  # noqa: E402

#: Public functions over text that never raise on a ``str``.
NEVER_RAISE: list[Callable[[str], object]] = [
    find_dates,
    check_dates,
    find_times,
    find_datetimes,
    check_times,
    find_periods,
    lambda t: find_periods(t, year=9999),
    lambda t: find_periods(t, year=1),
    is_valid,
    is_valid_date_text,
    is_valid_place_date,
    times.is_valid,
    periods.is_valid,
    lambda t: match_date(t),
    lambda t: match_date(t, len(t) // 2),
    lambda t: list(grammar.scan(t)),
    lambda t: list(grammar.scan_times(t)),
]
#: Public functions over text that raise only a VnAdminError.
MAY_RAISE: list[Callable[[str], object]] = [
    parse_date,
    parse_place_date,
    parse_weekday,
    parse_time,
    parse_datetime,
    parse_period,
    lambda t: parse_period(t, year=9999),
    check,
    check_place_date,
    validate,
    validate_place_date,
    times.check,
    times.validate,
    periods.validate,
]


def _values_contract(text: str) -> None:
    """The verbs over the values read from ``text`` raise nothing but VnAdminError."""
    for m in find_dates(text):
        format_date(m)
        check(m)
        validate_or_none(m)
        assert m.weekday is None or 0 <= m.weekday <= 6
    for t in find_times(text):
        format_time(t)
        times.check(t)
    for d in find_datetimes(text):
        format_datetime(d.value, weekday=True)
    for p in find_periods(text):
        format_period(p)
        periods.check(p)
        assert p.start <= p.end
    with contextlib.suppress(VnAdminError):
        pd = parse_place_date(text)
        format_place_date(pd)
        check_place_date(pd)


def validate_or_none(m: DateMention) -> None:
    with contextlib.suppress(VnAdminError):
        validate(m)


def _contract(text: str) -> None:
    for fn in NEVER_RAISE:
        fn(text)
    for fn in MAY_RAISE:
        with contextlib.suppress(VnAdminError):
            fn(text)
    _values_contract(text)


@given(st.text())
def test_exception_contract_on_any_text(text: str) -> None:
    _contract(text)


@given(hostile_date_texts())
def test_exception_contract_on_the_date_grammar(text: str) -> None:
    _contract(text)


@pytest.mark.parametrize(
    "text",
    [
        "29/9/2025 (thứ ſáu)",
        "29/9/2025 (THỨ HAİ)",
        "29/9/2025, thứ haı",
        "ngày 29 tháng 9 năm 2025 (Chủ nhật)",
        "quý ıv/2025",
        "quý İV/9999",
        "quý IV/9999",
        "Quý II, İİİ/2015",
        "12 tháng đầu năm 9999 và tháng 12/9999",
        "1/²²²²/2025",
        "٣/٣/٢٠٢٥ và ５/５/２０２５",
        "Hà Nội, ngày ² tháng ٣ năm ２０２５",
        "từ ngày 01/01/0001 đến trước ngày 01/01/0001",
        "ngày 31/12/9999 lúc 23 giờ 59",
        "lúc 14 giờ ngày 01/01/0001 (thứ Hai)",
    ],
)
def test_exception_contract_examples(text: str) -> None:
    _contract(text)


def test_case_folded_weekdays_and_quarters_are_read() -> None:
    assert find_dates("29/9/2025 (thứ ſáu)")[0].weekday == 4
    assert find_dates("29/9/2025 (THỨ HAİ)")[0].weekday == 0
    assert find_dates("29/9/2025, thứ haı")[0].weekday == 0
    assert parse_weekday("thứ ſáu") == 4
    assert parse_period("quý ıv/2025").start == dt.date(2025, 10, 1)
    assert parse_period("Quý İİ, İİİ/2015").end == dt.date(2015, 9, 30)


def test_digits_are_ascii() -> None:
    # superscripts and other decimal digits are not numbers of the date grammar
    assert find_dates("1/²/2025") == ()
    assert find_dates("٣/٣/٢٠٢٥") == ()
    assert find_times("１２ giờ") == ()

    # no pattern of the date modules reads \d (Unicode digits) for a number
    def patterns(value: object) -> list[re.Pattern[str]]:
        if isinstance(value, re.Pattern):
            return [value]
        if isinstance(value, (tuple, list)):
            return [p for v in value for p in patterns(v)]
        if isinstance(value, dict):
            return [p for v in value.values() for p in patterns(v)]
        return []

    seen = 0
    for mod in (grammar, _finder, _parser, _rules, periods, times, _deadlines):
        for name, value in vars(mod).items():
            for pattern in patterns(value):
                seen += 1
                assert r"\d" not in pattern.pattern.replace(r"[^\W\d_]", ""), (mod, name)
    assert seen > 30


def test_out_of_range_items_are_skipped_not_the_text() -> None:
    assert [p.end for p in find_periods("quý IV/9999")] == [dt.date(9999, 12, 31)]
    # one impossible period among good ones: the good ones are kept
    got = find_periods("năm 0000, quý I/2025 và tháng 13/2025, năm 2026")
    assert [p.start.year for p in got] == [2025, 2026]
    got = find_dates("ngày 00/00/0000, 31/02/2025 và ngày 15/10/2025")
    assert [m.value for m in got] == [dt.date(2025, 10, 15)]
    assert [f.rule for f in check_dates("31/02/2025 và 29/9/2025 (thứ Ba)")] == ["D106", "D105"]
    got = find_periods("từ ngày 01/01/0001 đến trước ngày 01/01/0001")
    assert [(p.start, p.end) for p in got] == [(dt.date.min, dt.date.min)]


def test_format_weekday_out_of_range() -> None:
    with pytest.raises(VnAdminError):
        format_weekday(7)
    with pytest.raises(VnAdminError):
        format_datetime(dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone.utc))


def test_place_date_refuses_long_input_cheaply() -> None:
    long = "Hà Nội, ngày" + " " * 1_000_000 + "x"
    with pytest.raises(ParseError):
        parse_place_date(long)
    small = count_work(lambda: quietly(parse_place_date)("Hà Nội, ngày" + " " * 5000 + "x"))
    large = count_work(lambda: quietly(parse_place_date)(long))
    assert large <= small + 5  # refused before it is read


def test_values_are_frozen_and_slotted() -> None:
    values = [
        find_dates("29/9/2025 (thứ Hai)")[0],
        parse_place_date("Hà Nội, ngày 05 tháng 01 năm 2020"),
        find_times("14 giờ 00")[0],
        find_datetimes("14 giờ 00, ngày 29/9/2025")[0],
        parse_period("quý IV/2025"),
    ]
    for v in values:
        assert not hasattr(v, "__dict__"), type(v)
        field = attrs.fields(type(v))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(v, field, None)
        with pytest.raises((AttributeError, TypeError)):
            v.extra_attribute = 1  # type: ignore[union-attr]
    assert _model.DateForm.WORDS.value == "words"
    raw = _finder.scan_raw(normalize_text("29/9/2025"))[0]  # (a named tuple)
    assert not hasattr(raw, "__dict__")
    with pytest.raises(AttributeError):
        raw.start = 1  # type: ignore[misc]


# Adversarial families built from the grammar: long blank runs between every pair of
# keywords, repeated separators, long digit runs, long combining-mark runs.
KEYWORDS = [
    "ngày",
    "Ngày",
    "tháng",
    "năm",
    "thứ",
    "(",
    ",",
    "giờ",
    "h",
    "phút",
    "quý",
    "IV",
    "/",
    "-",
    "12",
    "2025",
    "Hà Nội",
    "lúc",
    "từ",
    "đến",
]
FINDERS: list[Callable[[str], object]] = [
    find_dates,
    find_times,
    find_datetimes,
    find_periods,
    check_dates,
    check_times,
    find_deadlines,
    _deadlines.check_deadlines,
    quietly(parse_place_date),
    quietly(parse_date),
    quietly(parse_datetime),
    quietly(parse_period),
]


def _pairs_text(keywords: list[str], run: int) -> str:
    """Every ordered pair of ``keywords`` adjacent once, ``run`` blanks between any two."""
    seq = [keywords[0]]
    for a in keywords:
        for b in keywords:
            seq += [a, b]
    return (" " * run).join(seq)


FAMILIES: dict[str, Callable[[int], str]] = {
    "blank runs between keyword pairs": lambda n: _pairs_text(KEYWORDS, max(1, n // 800)),
    "one long blank run": lambda n: "ngày 12 tháng" + " " * n + "x",
    "repeated separators": lambda n: "1" + "/1" * (n // 2),
    "repeated dot separators": lambda n: "ngày 1" + ".1" * (n // 2),
    "long digit run": lambda n: "ngày " + "1" * n + "/1/2025",
    "digit runs and giờ": lambda n: ("1" * 50 + " giờ ") * (n // 55),
    "repeated weekdays": lambda n: "29/9/2025 " + "(thứ Hai) " * (n // 10),
    "repeated dates": lambda n: "ngày 29/9/2025 (thứ Hai), " * (n // 26),
    "quarters": lambda n: "quý I, II, III, IV/2025 " * (n // 24),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("fn", FINDERS)
def test_linear_work_on_adversarial_families(family: str, fn: Callable[[str], object]) -> None:
    make = FAMILIES[family]
    assert growth(make, fn, 2_000, 10) < 1.6


def test_linear_work_on_combining_mark_runs() -> None:
    # Given as NormalizedText (the normaliser is tested in test_text): the date code alone.
    def make(n: int) -> NormalizedText:
        s = "ngày 1" + "\u0301\u0323" * (n // 2) + "/1/2025 lúc 1" + "\u0301" * n + "h"
        return NormalizedText(s, s)

    for fn in FINDERS[:8]:
        assert growth(make, fn, 2_000, 10) < 1.6, fn


@pytest.mark.parametrize("fn", FINDERS)
def test_one_megabyte_of_adversarial_text_does_not_hang(fn: Callable[[str], object]) -> None:
    # A regex that splits one blank run between two quantifiers is quadratic in the run:
    # at these sizes that is minutes. The bound is a hang guard, not a speed test.
    texts = [
        _pairs_text(KEYWORDS, 2_400),  # about 1 MB
        _pairs_text(["ngày", "tháng", "năm", "12", "Hà Nội", "giờ", "quý", "thứ"], 15_000),
        "Hà Nội, ngày" + " " * 1_000_000 + "x",
        "1" + "/1" * 500_000,
    ]
    for text in texts:
        bounded(lambda t=text: fn(t), 20.0)  # type: ignore[misc]


def test_no_dictionary_is_keyed_by_lowered_matched_text() -> None:
    # A case-insensitive match is read by a pattern with the same flag (the engine's own
    # folding), never by ``str.lower`` into a dictionary (``ſáu``, ``İV`` would miss).
    import inspect

    import vnadmin.calendar as cal

    for mod in (grammar, _finder, _parser, _rules, periods, times, _deadlines, cal):
        src = inspect.getsource(mod)
        assert re.search(r"\[[^\]\n]*\.lower\(\)[^\]\n]*\]", src) is None, mod
        assert re.search(r"(?<!isascii\(\) and )\b\w+\.isdigit\(\)", src) is None, mod


# --- the weekday next to a date: pre-checks against the patterns alone ---------------

#: Every weekday name of WEEKDAY_PATTERN, as documents write them.
_WEEKDAY_NAMES = [f"thứ {w}" for w in ("hai", "ba", "tư", "năm", "sáu", "bảy", "bẩy")]
_WEEKDAY_NAMES += [f"thứ {n}" for n in range(2, 8)] + ["chủ nhật", "cn"]


def test_weekday_last_characters_are_derived_from_the_pattern() -> None:
    # WEEKDAY_LAST is every character that the engine, folding case as the weekday
    # pattern does, matches for the last letter of a weekday name (over every code point).
    for name in _WEEKDAY_NAMES:
        assert re.fullmatch(grammar.WEEKDAY_PATTERN, name, re.IGNORECASE), name
    last = re.compile("|".join(sorted({re.escape(n[-1]) for n in _WEEKDAY_NAMES})), re.I)
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert frozenset(last.findall(every)) == _finder.WEEKDAY_LAST


def _weekday_near_reference(s: str, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    # the two patterns, with no pre-check (what weekday_near must give)
    after = grammar.WD_AFTER.match(s, end)
    if after is not None:
        k = "a" if after.group("a") is not None else "b"
        return grammar.weekday_value(after.group(k)), after.span(k)
    before = grammar.WD_BEFORE.search(s, max(0, start - 24), start)
    if before is not None:
        return grammar.weekday_value(before.group("w")), before.span("w")
    return None


_AROUND = st.lists(
    st.sampled_from(
        [
            *(" ", "\t", "  ", " " * 9, "(", ")", ",", ", ", "x", "9", "ngày ", "\n", "Ư", "İ"),
            *_WEEKDAY_NAMES,
            *("THỨ HAİ", "thứ ſáu", "Chủ Nhật", "CN", "thứ haı", "thứ 8"),
        ]
    ),
    max_size=6,
).map("".join)


@given(_AROUND, st.sampled_from(["29/9/2025", "ngày 3 tháng 10 năm 2025"]), _AROUND)
def test_weekday_near_equals_the_patterns_alone(before: str, date: str, after: str) -> None:
    s = before + date + after
    start, end = len(before), len(before) + len(date)
    assert _finder.weekday_near(s, start, end) == _weekday_near_reference(s, start, end)
