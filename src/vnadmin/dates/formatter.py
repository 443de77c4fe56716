"""Writing dates, weekdays and issuing lines the NĐ 30 way (Phụ lục I, II.4; Phụ lục II)."""

from __future__ import annotations

import datetime as dt

from vnadmin.dates.model import WEEKDAY_NAMES, DateMention, PlaceDate
from vnadmin.errors import VnAdminError

__all__ = ["format_date", "format_place_date", "format_weekday"]


def format_weekday(day: dt.date | int) -> str:
    """The NĐ 30 name of a weekday (``thứ Hai`` … ``Chủ nhật``).

    >>> import datetime as dt
    >>> format_weekday(dt.date(2025, 9, 29)), format_weekday(6)
    ('thứ Hai', 'Chủ nhật')
    """
    n = day if isinstance(day, int) else day.weekday()
    if not 0 <= n <= 6:
        raise VnAdminError(f"a weekday is 0 (Monday) to 6 (Sunday), not {n}")
    return WEEKDAY_NAMES[n]


def format_date(day: dt.date | DateMention, *, prefix: bool = True) -> str:
    """Write ``day`` the NĐ 30 way (Phụ lục I, II.4): a leading zero for days below
    10 and for months 1 and 2 only. A :class:`DateMention` is written with its date.

    >>> import datetime as dt
    >>> format_date(dt.date(2024, 1, 3)), format_date(dt.date(2019, 6, 29), prefix=False)
    ('ngày 03 tháng 01 năm 2024', '29 tháng 6 năm 2019')
    """
    if isinstance(day, DateMention):
        day = day.value
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    body = f"{day.day:02d} tháng {month} năm {day.year}"
    return f"ngày {body}" if prefix else body


def format_place_date(place: str | PlaceDate, day: dt.date | None = None) -> str:
    """The issuing line ``<place>, ngày DD tháng M năm YYYY`` (NĐ 30, Phụ lục I, II.4).

    A :class:`PlaceDate` is written from its place and date (blank parts stay blank:
    ``ngày … tháng 3 năm 2026``).

    >>> import datetime as dt
    >>> format_place_date("Thành phố Hồ Chí Minh", dt.date(2019, 6, 29))
    'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019'
    """
    if isinstance(place, PlaceDate):
        pd = place
        if pd.date is not None:
            body = format_date(pd.date)
        else:
            d = "…" if pd.day is None else f"{pd.day:02d}"
            m = "…" if pd.month is None else (f"{pd.month:02d}" if pd.month <= 2 else str(pd.month))
            y = "…" if pd.year is None else str(pd.year)
            body = f"ngày {d} tháng {m} năm {y}"
        return f"{pd.place.strip()}, {body}" if pd.place else body
    if day is None:
        raise VnAdminError("format_place_date(place, day) needs a date")
    return f"{place.strip()}, {format_date(day)}"
