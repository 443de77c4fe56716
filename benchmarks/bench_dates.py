"""Benchmark: parse_date / parse_deadline against a bare ``re`` match; add_working_days.

Run: ``python benchmarks/bench_dates.py``. Prints the median µs per call and the
ratio to a bare compiled-regex ``fullmatch`` on the same strings in the same run.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import time
from collections.abc import Callable

from vnadmin.calendar import add_working_days
from vnadmin.dates import parse_date
from vnadmin.dates.deadlines import parse_deadline

DATES = [
    "20/7/2025",
    "03/01/2024",
    "20-7-2025",
    "ngày 03 tháng 01 năm 2024",
    "ngày 3 tháng 1 năm 2024",
    "ngày 29 tháng 6 năm 2019",
]
DEADLINES = [
    "chậm nhất 10 giờ 00 phút, ngày 29/9/2025",
    "chậm nhất trong ngày 12/01/2024",
    "trước ngày 15/01/2024",
    "trong thời hạn 05 ngày làm việc kể từ ngày nhận được",
]
BARE = re.compile(r"(?:ngày )?(\d{1,2})[/-](\d{1,2})[/-](\d{4})|ngày (\d+) tháng (\d+) năm (\d{4})")
BARE_DL = re.compile(
    r"(chậm nhất|trước|trong)[^\n]*?(\d{1,2})[/](\d{1,2})[/](\d{4})|trong thời hạn (\d+) ngày"
)


def median_us(
    fn: Callable[[str], object], items: list[str], rounds: int = 15, loops: int = 400
) -> float:
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(loops):
            for s in items:
                fn(s)
        samples.append((time.perf_counter() - t0) / (loops * len(items)) * 1e6)
    return statistics.median(samples)


def main() -> None:
    bare = median_us(BARE.fullmatch, DATES)
    pd = median_us(parse_date, DATES)
    bare_dl = median_us(BARE_DL.search, DEADLINES)
    pdl = median_us(parse_deadline, DEADLINES)
    day = dt.date(2025, 1, 2)
    awd = median_us(lambda _s: add_working_days(day, 250), ["x"], rounds=9, loops=200)
    print(f"bare re.fullmatch (dates)  : {bare:8.2f} µs/call")
    print(f"parse_date                 : {pd:8.2f} µs/call  ({pd / bare:.1f}x bare re)")
    print(f"bare re.search (deadlines) : {bare_dl:8.2f} µs/call")
    print(f"parse_deadline             : {pdl:8.2f} µs/call  ({pdl / bare_dl:.1f}x bare re)")
    print(f"add_working_days(d, 250)   : {awd:8.2f} µs/call")


if __name__ == "__main__":
    main()
