"""The public-sector calendar: announced schedules, the lunar table, holidays/lunar-vn."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnadmin.calendar import (
    Calendar,
    DayKind,
    add_working_days,
    gio_to_date,
    holidays,
    is_working_day,
    lunar_new_year,
    next_working_day,
    working_days_between,
)

D = dt.date
LUNAR = Path(__file__).resolve().parents[1] / "src" / "vnadmin" / "data" / "lunar_vn.tsv"


def _weekdays_off(year: int) -> set[dt.date]:
    day, out = D(year, 1, 1), set()
    while day.year == year:
        if day.weekday() < 5 and not is_working_day(day):
            out.add(day)
        day += dt.timedelta(days=1)
    return out


def _span(a: dt.date, b: dt.date) -> set[dt.date]:
    return {a + dt.timedelta(days=i) for i in range((b - a).days + 1)}


# Official public-sector breaks (domain notes §5.2 and the announcements cited in
# data/holidays_vn.tsv); weekends inside them are implied.
OFFICIAL = {
    2024: [
        _span(D(2024, 1, 1), D(2024, 1, 1)),
        _span(D(2024, 2, 8), D(2024, 2, 14)),
        {D(2024, 4, 18)},
        _span(D(2024, 4, 27), D(2024, 5, 1)),
        _span(D(2024, 8, 31), D(2024, 9, 3)),
    ],
    2025: [
        {D(2025, 1, 1)},
        _span(D(2025, 1, 25), D(2025, 2, 2)),
        _span(D(2025, 4, 5), D(2025, 4, 7)),
        _span(D(2025, 4, 30), D(2025, 5, 4)),
        _span(D(2025, 8, 30), D(2025, 9, 2)),
    ],
    2026: [
        _span(D(2026, 1, 1), D(2026, 1, 4)),
        _span(D(2026, 2, 14), D(2026, 2, 22)),
        _span(D(2026, 4, 25), D(2026, 4, 27)),
        _span(D(2026, 4, 30), D(2026, 5, 3)),
        _span(D(2026, 8, 29), D(2026, 9, 2)),
        {D(2026, 11, 24)},
    ],
}
MAKEUP = {2024: {D(2024, 5, 4)}, 2025: {D(2025, 4, 26)}, 2026: {D(2026, 1, 10), D(2026, 8, 22)}}


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_official_schedule_day_by_day(year: int) -> None:
    off: set[dt.date] = set().union(*OFFICIAL[year])
    day = D(year, 1, 1)
    while day.year == year:
        expected = day not in off and (day.weekday() < 5 or day in MAKEUP[year])
        assert is_working_day(day) == expected, day
        day += dt.timedelta(days=1)


def test_every_entry_has_a_source() -> None:
    for year in range(2020, 2027):
        for h in holidays(year):
            assert h.source and h.status in {"confirmed", "reported", "unconfirmed"}, h
            assert h.name_vi and h.name_en


def test_holiday_counts_by_law() -> None:
    # BLLĐ 2019 Điều 112: 11 days (12 from 2026 with 24/11).
    for year, n in [
        (2021, 11),
        (2022, 11),
        (2023, 11),
        (2024, 11),
        (2025, 11),
        (2026, 12),
        (2027, 12),
    ]:
        assert sum(h.kind is DayKind.HOLIDAY for h in holidays(year)) == n, year


def test_rule_years() -> None:
    got = {h.date: h.kind for h in holidays(2027)}
    assert got[D(2027, 2, 5)] is DayKind.HOLIDAY  # giao thừa, 1 day before mùng 1 (06/02)
    assert got[D(2027, 2, 10)] is DayKind.OBSERVED  # nghỉ bù for Sat/Sun inside Tết
    assert got[D(2027, 9, 3)] is DayKind.HOLIDAY  # Thu 02/9 -> adjacent Fri 03/9
    assert got[D(2027, 5, 3)] is DayKind.OBSERVED  # 01/5 on Saturday


# Differences from python-holidays (VN) on weekdays, 2020-2030, each with its reason.
_SAT_TET = (
    "no announcement (rule year): a Tết day on Saturday gets its nghỉ bù on the next working"
    " day after Tết (BLLĐ 2019 Điều 111 khoản 3); python-holidays moves it to the day before"
)
HOLIDAYS_LIB_DIFFERENCES: dict[dt.date, str] = {
    D(2026, 1, 2): "swap 02/01 <-> Sat 10/01/2026 (12729/VPCP-KGVX) is not in python-holidays",
    D(2027, 2, 4): _SAT_TET,
    D(2027, 2, 11): _SAT_TET,
    D(2028, 1, 24): _SAT_TET,
    D(2028, 1, 31): _SAT_TET,
    D(2030, 1, 31): _SAT_TET,
    D(2030, 2, 7): _SAT_TET,
}


def _lib_weekdays_off(year: int) -> set[dt.date]:
    hol = pytest.importorskip("holidays")
    vn = hol.country_holidays("VN", years=year)
    return {d for d in vn if d.weekday() < 5 and d.year == year}


@pytest.mark.parametrize("year", range(2020, 2031))
def test_agrees_with_python_holidays(year: int) -> None:
    mine = _weekdays_off(year)
    lib = _lib_weekdays_off(year)
    diff = mine ^ lib
    assert diff == {d for d in HOLIDAYS_LIB_DIFFERENCES if d.year == year}, sorted(diff)


def test_python_holidays_differences_are_real() -> None:
    for day in HOLIDAYS_LIB_DIFFERENCES:
        assert (day in _weekdays_off(day.year)) != (day in _lib_weekdays_off(day.year)), day


# --- the lunar table --------------------------------------------------------------


def _table() -> dict[int, tuple[dt.date, dt.date]]:
    rows = [
        line.split("\t")
        for line in LUNAR.read_text(encoding="utf-8").splitlines()
        if line[:1].isdigit()
    ]
    return {int(y): (D.fromisoformat(t), D.fromisoformat(g)) for y, t, g in rows}


def test_lunar_table_covers_1900_2200() -> None:
    table = _table()
    assert sorted(table) == list(range(1900, 2201))
    for year, (tet, gio) in table.items():
        assert D(year, 1, 19) <= tet <= D(year, 2, 21)
        assert 67 <= (gio - tet).days <= 98


def test_lunar_table_vietnam_not_china() -> None:
    assert lunar_new_year(1985) == D(1985, 1, 21)  # Chinese calendar: 20/02/1985
    assert lunar_new_year(2007) == D(2007, 2, 17)  # Chinese calendar: 18/02/2007
    assert gio_to_date(2024) == D(2024, 4, 18)


def test_lunar_table_against_lunar_vn() -> None:
    lunar_vn = pytest.importorskip("lunar_vn")
    lo, hi = lunar_vn.SUPPORTED_YEAR_RANGE
    for year, (tet, gio) in _table().items():
        if lo <= year <= hi:
            assert lunar_vn.lunar_to_solar(lunar_vn.LunarDate(1, 1, year, False)) == tet, year
            assert lunar_vn.lunar_to_solar(lunar_vn.LunarDate(10, 3, year, False)) == gio, year


def test_lunar_table_against_python_holidays() -> None:
    pytest.importorskip("holidays")
    from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar

    cal = _ChineseLunisolar(VIETNAMESE_CALENDAR)
    checked = 0
    for year, (tet, gio) in _table().items():
        lib_tet, _ = cal.lunar_new_year_date(year)
        lib_gio, _ = cal.hung_kings_date(year)
        if lib_tet is None:
            continue
        assert (lib_tet, lib_gio) == (tet, gio), year
        checked += 1
    assert checked >= 190


# --- the Calendar value and properties --------------------------------------------


def test_calendar_value() -> None:
    cal = (
        Calendar()
        .with_day_off(D(2025, 12, 31), "Nghỉ cơ quan")
        .with_swap(D(2025, 6, 2), D(2025, 6, 7))
    )
    assert not cal.is_working_day(D(2025, 12, 31)) and is_working_day(D(2025, 12, 31))
    assert not cal.is_working_day(D(2025, 6, 2)) and cal.is_working_day(D(2025, 6, 7))
    assert cal == pickle.loads(pickle.dumps(cal)) and hash(cal) == hash(
        pickle.loads(pickle.dumps(cal))
    )
    assert Calendar() == Calendar() and cal != Calendar()
    rules = Calendar(announced=False)
    assert rules.is_working_day(D(2024, 4, 29))  # no 2450/VPCP-KGVX swap without announcements
    assert next_working_day(D(2025, 1, 25)) == D(2025, 2, 3)


def test_working_day_examples() -> None:
    assert add_working_days(D(2025, 1, 24), 1) == D(2025, 2, 3)
    assert add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)  # make-up Saturday
    assert add_working_days(D(2025, 2, 3), -1) == D(2025, 1, 24)
    assert working_days_between(D(2025, 1, 24), D(2025, 2, 3)) == 1
    assert add_working_days(D(2025, 1, 1), 0) == D(2025, 1, 1)


days = st.dates(min_value=D(1990, 1, 1), max_value=D(2150, 12, 31))


@given(days, st.integers(0, 400))
def test_add_working_days_lands_on_working_days(day: dt.date, n: int) -> None:
    got = add_working_days(day, n)
    if n:
        assert is_working_day(got) and got > day
    assert working_days_between(day, got) == n


@given(days, st.integers(0, 300), st.integers(0, 300))
def test_add_working_days_monotone(day: dt.date, a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert add_working_days(day, lo) <= add_working_days(day, hi)


@given(days, days)
def test_between_agrees_with_add(a: dt.date, b: dt.date) -> None:
    n = working_days_between(a, b)
    assert working_days_between(b, a) == -n
    if a <= b and is_working_day(b):
        assert add_working_days(a, n) == b


# --- hardening (issue 10) -----------------------------------------------------------

import attrs  # noqa: E402

from tests.growth import count_work  # noqa: E402
from vnadmin import from_json, to_json  # noqa: E402
from vnadmin.calendar import Holiday  # noqa: E402
from vnadmin.errors import VnAdminError  # noqa: E402


def _naive_add(cal: Calendar, day: dt.date, n: int) -> dt.date:
    step = dt.timedelta(days=1 if n >= 0 else -1)
    left = abs(n)
    while left:
        day += step
        if cal.is_working_day(day):
            left -= 1
    return day


CALENDARS = [
    Calendar(),
    Calendar(announced=False),
    Calendar(weekend={6}),
    Calendar().with_swap(D(2025, 12, 29), D(2025, 12, 27)).with_day_off(D(2026, 1, 5)),
]


@given(
    st.sampled_from(CALENDARS),
    st.dates(D(2018, 1, 1), D(2030, 12, 31)),
    st.integers(-800, 800),
    st.integers(-800, 800),
)
def test_year_at_a_time_counts_agree_with_day_by_day(
    cal: Calendar, day: dt.date, n: int, span: int
) -> None:
    assert cal.add_working_days(day, n) == _naive_add(cal, day, n)
    end = day + dt.timedelta(days=span)
    lo, hi = min(day, end), max(day, end)
    count = sum(cal.is_working_day(lo + dt.timedelta(days=k)) for k in range(1, (hi - lo).days + 1))
    assert cal.working_days_between(day, end) == (count if end >= day else -count)


@pytest.mark.parametrize(
    "call",
    [
        lambda: add_working_days(D(2025, 1, 1), 10**7),
        lambda: add_working_days(D(2025, 1, 1), -(10**6)),
        lambda: add_working_days(D(9999, 12, 30), 5),
        lambda: add_working_days(D(1, 1, 2), -5),
        lambda: Calendar(weekend=range(7), announced=False).next_working_day(D(2025, 1, 1)),
        lambda: Calendar(weekend={7}),
        lambda: Calendar(extra=[1]),  # type: ignore[list-item]
        lambda: lunar_new_year(1800),
        lambda: gio_to_date(2300),
    ],
)
def test_out_of_range_raises_vnadmin_error(call: object) -> None:
    with pytest.raises(VnAdminError):
        call()  # type: ignore[operator]


def test_huge_counts_cost_years_not_days() -> None:
    # 100,000 working days cross about 140,000 days and 384 years: fewer calls than days
    # (day by day, each day is several calls), most of them computing the years' holidays
    work = count_work(lambda: Calendar().add_working_days(D(2025, 1, 1), 100_000))
    assert work < 140_000
    assert working_days_between(D(1, 1, 1), D(9999, 12, 31)) > 2_500_000
    assert next_working_day(D(9999, 12, 31)) == D(9999, 12, 31)


def test_calendar_values_are_frozen_and_serialisable() -> None:
    cal = CALENDARS[3]
    h = cal.holidays(2025)[0]
    for v in (cal, h):
        assert not hasattr(v, "__dict__")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(v, attrs.fields(type(v))[0].name, None)
    for c in CALENDARS:
        assert from_json(to_json(c), Calendar) == c
    assert from_json(to_json(h), Holiday) == h
    assert Calendar(weekend={6, 5}) == Calendar() and Calendar().weekend == (5, 6)


def test_the_memo_of_years_is_bounded() -> None:
    cal = Calendar()
    for year in range(1, 2000):
        cal.is_working_day(D(year, 6, 1))
    assert len(cal._cache) <= 256
