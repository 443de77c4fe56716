"""Generate ``src/vnadmin/data/lunar_vn.tsv``: Tết and Giỗ Tổ dates, 1900-2200.

Run once (``python scripts/gen_lunar_table.py``); the library only reads the
table. The Vietnamese lunisolar calendar is computed astronomically for the
meridian of UTC+7 (which is why it differs from the Chinese calendar, UTC+8, in
some years such as 1985 and 2007):

* new moons from the mean lunation with the main periodic corrections
  (J. Meeus, *Astronomical Algorithms*, ch. 49), plus ΔT;
* the Sun's apparent longitude from the equation of the centre (Meeus ch. 25);
* a lunar month starts on the civil day (UTC+7) of its new moon; month 11 is
  the month containing the winter solstice; in a year with 13 months the first
  month without a major solar term (trung khí) is the leap month.

Columns: ``year`` (solar year), ``tet`` (mùng 1 tháng Giêng), ``gio_to``
(10 tháng 3 âm lịch), both ISO dates in that solar year.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

TZ = 7.0  # hours east of UTC
SYNODIC = 29.530588853
EPOCH_K0 = 2415021.076998695  # JD of the new moon with k = 0 (1900-01-01)
RAD = math.pi / 180.0
FIRST, LAST = 1900, 2200
OUT = Path(__file__).resolve().parent.parent / "src" / "vnadmin" / "data" / "lunar_vn.tsv"


def julian_day(d: dt.date) -> int:
    """Julian day number of a Gregorian date (noon-based integer)."""
    return d.toordinal() + 1721425


def from_julian_day(jd: int) -> dt.date:
    return dt.date.fromordinal(jd - 1721425)


def new_moon(k: int) -> float:
    """Julian date (TT corrected to UT) of the k-th new moon after 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    mean = (
        2415020.75933
        + SYNODIC * k
        + 0.0001178 * t2
        - 0.000000155 * t3
        + 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD)
    )
    sun_anomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD
    moon_anomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD
    arg_lat = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD
    m, mp, f = sun_anomaly, moon_anomaly, arg_lat
    correction = (
        (0.1734 - 0.000393 * t) * math.sin(m)
        + 0.0021 * math.sin(2 * m)
        - 0.4068 * math.sin(mp)
        + 0.0161 * math.sin(2 * mp)
        - 0.0004 * math.sin(3 * mp)
        + 0.0104 * math.sin(2 * f)
        - 0.0051 * math.sin(m + mp)
        - 0.0074 * math.sin(m - mp)
        + 0.0004 * math.sin(2 * f + m)
        - 0.0004 * math.sin(2 * f - m)
        - 0.0006 * math.sin(2 * f + mp)
        + 0.0010 * math.sin(2 * f - mp)
        + 0.0005 * math.sin(m + 2 * mp)
    )
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return mean + correction - delta_t


def new_moon_day(k: int) -> int:
    """Julian day number of the civil day (UTC+7) holding the k-th new moon."""
    return math.floor(new_moon(k) + 0.5 + TZ / 24)


def sun_sector(jd: int) -> int:
    """Which 30° sector (0..11) the Sun's longitude is in at local midnight of day ``jd``."""
    t = (jd - 2451545.5 - TZ / 24) / 36525
    t2 = t * t
    m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    centre = (
        (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(m)
        + (0.019993 - 0.000101 * t) * math.sin(2 * m)
        + 0.000290 * math.sin(3 * m)
    )
    longitude = ((l0 + centre) * RAD) % (2 * math.pi)
    return math.floor(longitude / math.pi * 6)


def month11_start(year: int) -> int:
    """Julian day of the first day of lunar month 11 (holding the winter solstice)."""
    off = julian_day(dt.date(year, 12, 31)) - 2415021
    k = math.floor(off / SYNODIC)
    start = new_moon_day(k)
    if sun_sector(start) >= 9:  # the solstice is still ahead: previous lunation
        start = new_moon_day(k - 1)
    return start


def leap_offset(a11: int) -> int:
    """Offset (months after month 11) of the first month without a major term."""
    k = math.floor((a11 - EPOCH_K0) / SYNODIC + 0.5)
    i = 1
    arc = sun_sector(new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = sun_sector(new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


def month_start(year: int, month: int) -> int:
    """Julian day of the first day of (non-leap) lunar ``month`` of the lunar year
    that begins in solar ``year``."""
    a11 = month11_start(year - 1)
    b11 = month11_start(year)
    k = math.floor((a11 - EPOCH_K0) / SYNODIC + 0.5)
    offset = month + 1 if month < 11 else month - 11  # 11 -> 0, 12 -> 1, 1 -> 2, ...
    if b11 - a11 > 365:
        leap = leap_offset(a11)
        if leap <= offset:
            offset += 1
    return new_moon_day(k + offset)


def main() -> None:
    lines = [
        "# Vietnamese lunar calendar (UTC+7): Tết Nguyên đán and Giỗ Tổ Hùng Vương (10/3 âm lịch).",
        "# Generated by scripts/gen_lunar_table.py; do not edit by hand.",
        "year\ttet\tgio_to",
    ]
    for year in range(FIRST, LAST + 1):
        tet = from_julian_day(month_start(year, 1))
        gio_to = from_julian_day(month_start(year, 3) + 9)
        assert tet.year == year and gio_to.year == year, year
        lines.append(f"{year}\t{tet.isoformat()}\t{gio_to.isoformat()}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({LAST - FIRST + 1} years)")


if __name__ == "__main__":
    main()
