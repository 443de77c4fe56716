"""Hypothesis strategies for dates, times, deadlines and their written forms.

Only this module imports hypothesis; ``vnadmin.strategies`` re-exports it.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from vnadmin import calendar
from vnadmin.calendar import Holiday
from vnadmin.dates import WEEKDAY_NAMES, format_date
from vnadmin.dates.deadlines import Deadline, parse_deadline

__all__ = [
    "date_texts",
    "dates",
    "deadline_texts",
    "deadlines",
    "holidays",
    "hostile_date_texts",
    "period_texts",
    "place_date_texts",
    "time_texts",
    "times",
    "weekday_names",
]


def dates(
    min_value: dt.date = dt.date(1945, 1, 1), max_value: dt.date = dt.date(2100, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Dates in a range (default 1945–2100)."""
    return st.dates(min_value=min_value, max_value=max_value)


def times() -> st.SearchStrategy[dt.time]:
    """Times of day to the minute, as written in documents."""
    return st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))


def weekday_names() -> st.SearchStrategy[str]:
    """Weekday names in the forms seen in documents (``thứ Hai``, ``Thứ 2``, ``chủ nhật`` …)."""
    digits = [f"thứ {n}" for n in range(2, 8)]
    return st.sampled_from(
        [
            *WEEKDAY_NAMES,
            *digits,
            *(w.upper() for w in WEEKDAY_NAMES),
            *(w.lower() for w in WEEKDAY_NAMES),
        ]
    )


@st.composite
def date_texts(
    draw: st.DrawFn, value: st.SearchStrategy[dt.date] | None = None
) -> tuple[str, dt.date]:
    """``(text, date)`` pairs: a date written in any usual form."""
    d = draw(value if value is not None else dates())
    style = draw(st.sampled_from(["nd30", "loose", "slash", "slash0", "dash", "dot"]))
    if style == "nd30":
        text = format_date(d)
    elif style == "loose":
        text = f"ngày {d.day} tháng {d.month} năm {d.year}"
    elif style == "slash":
        text = f"{d.day}/{d.month}/{d.year}"
    elif style == "slash0":
        text = f"{d.day:02d}/{d.month:02d}/{d.year}"
    elif style == "dash":
        text = f"{d.day}-{d.month}-{d.year}"
    else:
        text = f"{d.day}.{d.month}.{d.year}"
    return text, d


@st.composite
def time_texts(draw: st.DrawFn) -> tuple[str, dt.time]:
    """``(text, time)`` pairs: ``14 giờ 00``, ``14h00``, ``8 giờ 30 phút`` …"""
    t = draw(times())
    style = draw(st.sampled_from(["gio", "gio_phut", "h", "h_bare"]))
    if style == "h_bare" and t.minute != 0:
        style = "h"
    text = {
        "gio": f"{t.hour:02d} giờ {t.minute:02d}",
        "gio_phut": f"{t.hour} giờ {t.minute:02d} phút",
        "h": f"{t.hour}h{t.minute:02d}",
        "h_bare": f"{t.hour}h",
    }[style]
    return text, t


@st.composite
def place_date_texts(draw: st.DrawFn) -> tuple[str, str, dt.date]:
    """``(line, place, date)`` issuing lines in the NĐ 30 form."""
    place = draw(
        st.sampled_from(
            ["Hà Nội", "Lạng Sơn", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "Đà Nẵng"]
        )
    )
    d = draw(dates())
    return f"{place}, {format_date(d)}", place, d


@st.composite
def deadline_texts(draw: st.DrawFn) -> str:
    """Deadline phrases of the usual shapes (fixed, relative, recurring, period)."""
    d = draw(dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)))
    n = draw(st.integers(1, 90))
    return draw(
        st.sampled_from(
            [
                f"chậm nhất ngày {d:%d/%m/%Y}",
                f"chậm nhất trong ngày {d.day}/{d.month}/{d.year}",
                f"trước ngày {d.day:02d}/{d.month:02d}/{d.year}",
                f"trước 16 giờ 00 ngày {d.day}/{d.month}/{d.year}",
                f"chậm nhất 10 giờ 00 phút, {format_date(d)}",
                f"trong thời hạn {n:02d} ngày làm việc kể từ ngày nhận được",
                f"trong {n} ngày kể từ ngày ký",
                f"trước ngày {min(n, 28)} hằng tháng",
                f"trước ngày {min(n, 28)} tháng {['đầu', 'giữa', 'cuối'][n % 3]} quý",
                f"trong quý {['I', 'II', 'III', 'IV'][n % 4]}/{d.year}",
            ]
        )
    )


@st.composite
def period_texts(draw: st.DrawFn) -> str:
    """Period phrases of every kind (ranges, quarters, months, years, parts of a year)."""
    d = draw(dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)))
    e = d + dt.timedelta(days=draw(st.integers(0, 400)))
    n = draw(st.integers(1, 12))
    q1 = draw(st.integers(1, 4))
    q2 = draw(st.integers(q1, 4))
    roman = ["I", "II", "III", "IV"]
    quarters = ", ".join(roman[q - 1] for q in range(q1, q2 + 1))
    return draw(
        st.sampled_from(
            [
                f"từ ngày {d:%d/%m/%Y} đến hết ngày {e:%d/%m/%Y}",
                f"từ ngày {d.day}/{d.month}/{d.year} đến ngày {e.day}/{e.month}/{e.year}",
                f"{n} tháng đầu năm {d.year}",
                f"{n:02d} tháng cuối năm {d.year}",
                f"nửa đầu năm {d.year}",
                f"quý {quarters}/{d.year}",
                f"quý {roman[q1 - 1]} năm {d.year}",
                f"tháng {d.month}/{d.year}",
                f"tháng {d.month} năm {d.year}",
                f"năm {d.year}",
                f"giai đoạn {d.year} - {e.year}",
            ]
        )
    )


def deadlines() -> st.SearchStrategy[Deadline]:
    """Parsed :class:`vnadmin.dates.deadlines.Deadline` values."""

    return deadline_texts().map(
        lambda t: parse_deadline(t, issued=dt.date(2025, 1, 15), received=dt.date(2025, 1, 15))
    )


def holidays(min_year: int = 2020, max_year: int = 2030) -> st.SearchStrategy[Holiday]:
    """Entries of the default public-sector calendar (:func:`vnadmin.holidays`) of a year
    in ``min_year`` … ``max_year``: holidays, nghỉ bù, swapped and make-up days
    (BLLĐ 2019, Điều 112)."""
    return st.integers(min_year, max_year).flatmap(
        lambda year: st.sampled_from(calendar.holidays(year))
    )


# The tokens of the date grammar, with the case variants the regex engine folds and
# ``str.lower`` does not (ſ ı İ K ß), digits that are not ASCII (² ٣ ５), extreme years,
# blanks, combining marks and controls.
_HOSTILE_TOKENS = (
    *("ngày", "Ngày", "NGÀY", "tháng", "Tháng", "THÁNG", "năm", "Năm", "NĂM"),
    *("thứ", "Thứ", "THỨ", "hai", "Hai", "haı", "HAİ", "ba", "tư", "năm", "sáu", "ſáu"),
    *("SÁU", "bảy", "bẩy", "chủ nhật", "Chủ nhật", "CN", "(thứ ſáu)", ", thứ Haİ"),
    *("giờ", "Giờ", "h", "H", "g", "phút", "p", "'", ":", "lúc", "hồi", "vào", "từ"),
    *("quý", "Quý", "QUÝ", "I", "II", "III", "IV", "ıv", "İV", "ı", "İ", "và"),
    *("chậm nhất", "Chậm nhất", "chậm nhất là", "trước", "Trước", "trong", "trong thời hạn"),
    *("kể từ", "kể từ ngày", "đến", "đến hết", "hết", "hạn chót là", "hoàn thành trong"),
    *("không quá", "sau", "ngày làm việc", "ngàylàmviệc", "tuần", "nhận được", "ký"),
    *("hằng tháng", "tháng đầu", "tháng giữa", "tháng gİữa", "tháng cuối", "đầu năm"),
    *("cuối năm", "nửa đầu năm", "giai đoạn", "Thời gian:", "\n2. Thời gian: ", "Hà Nội, "),
    *("K", "ß", "ẞ", "ſ", "Hà Nội", "TP. Hồ Chí Minh"),
    *("0", "1", "01", "9", "12", "13", "29", "31", "32", "00", "99", "2025", "0001"),
    *("0000", "9999", "10000", "²", "²²", "٣", "٢٠٢٥", "５", "１２", "２０２５"),
    *("/", ".", "-", ",", ";", "(", ")", "…", "_", "..."),
    *(" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u200b", "\ufeff", "\u00ad"),
    *("\u0301", "\u0323", "\u0301\u0323", "\x00", "\x1f", "\x7f", "\ud7ff"),
)


@st.composite
def _hostile_date(draw: st.DrawFn) -> str:
    num = st.sampled_from(["1", "01", "9", "29", "31", "12", "13", "00", "²", "٣", "５", "１２"])
    year = st.sampled_from(["0001", "0000", "9999", "10000", "2025", "²⁰²⁵", "２０２５", "٢٠٢٥"])
    blank = st.sampled_from(["", " ", "  ", "\t", " " * 40, "\u00a0", "\u0301"])
    sep = draw(st.sampled_from(["/", ".", "-", " tháng ", " Tháng ", " THÁNG "]))
    lead = draw(st.sampled_from(["", "ngày ", "Ngày ", "NGÀY ", "chậm nhất ", "trước ngày "]))
    tail = draw(st.sampled_from(["", " (thứ ſáu)", ", thứ Haİ", " năm ", " lúc 14 giờ"]))
    parts = [lead, draw(num), draw(blank), sep, draw(blank), draw(num), draw(blank)]
    parts += [" năm " if "tháng" in sep.lower() else sep, draw(year), tail]
    return "".join(parts)


def hostile_date_texts(max_tokens: int = 30) -> st.SearchStrategy[str]:
    """Texts built from the tokens of the date grammar, for exception-contract tests:
    date, time, period and deadline words in case variants (``ſáu``, ``HAİ``, ``İV``),
    non-ASCII digits (``²``, ``٣``, ``５``), years ``0001`` … ``10000``, separators,
    blank runs, combining marks and controls, joined in any order."""
    token = st.one_of(
        st.sampled_from(_HOSTILE_TOKENS),
        _hostile_date(),
        st.integers(0, 10000).map(str),
        st.integers(0, 9999).map(lambda n: f"{n:04d}"),
        st.integers(1, 300).map(lambda n: " " * n),
        st.integers(1, 40).map(lambda n: "\u0301\u0323" * n),
        st.text(max_size=3),
    )
    return st.lists(token, max_size=max_tokens).map("".join)
