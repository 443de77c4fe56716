"""Benchmark: the date and deadline parsers and finders, as ratios to a bare ``re`` baseline.

Run: ``python benchmarks/bench_dates.py``. Every figure is a ratio to a baseline timed in
the same run, in alternating rounds (baseline, subject, baseline, subject …); the median of
the per-round ratios is printed:

* ``parse_date`` vs a bare compiled-regex ``fullmatch`` on the same strings;
* ``parse_deadline`` vs a bare ``re.search`` of a simple deadline pattern;
* ``find_dates`` / ``find_deadlines`` (and the ``check_*`` that ``lint`` runs) over 10 kB and 100 kB of ``tests/data/texts`` vs a
  bare ``re.finditer(r"\\S+")`` over the same text.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from vnadmin.dates import check_dates, find_dates, parse_date
from vnadmin.dates.deadlines import check_deadlines, find_deadlines, parse_deadline

ROOT = Path(__file__).resolve().parent.parent
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
WORDS = re.compile(r"\S+")


def corpus(size: int) -> str:
    """``size`` characters of the real texts, repeated as needed."""
    texts = sorted((ROOT / "tests" / "data" / "texts").glob("*.txt"))
    whole = "\n\n".join(p.read_text(encoding="utf-8") for p in texts)
    return (whole * (size // len(whole) + 1))[:size]


def _time(fn: Callable[[], object], loops: int) -> float:
    t0 = time.perf_counter()
    for _ in range(loops):
        fn()
    return time.perf_counter() - t0


def ratio(
    subject: Callable[[], object], base: Callable[[], object], rounds: int = 31, loops: int = 1
) -> float:
    """Median over alternating rounds of time(subject) / time(base)."""
    out = []
    for _ in range(rounds):
        b = _time(base, loops)
        s = _time(subject, loops)
        out.append(s / b)
    return statistics.median(out)


def _each(fn: Callable[[str], object], items: list[str]) -> Callable[[], object]:
    def run() -> None:
        for s in items:
            fn(s)

    return run


def main() -> None:
    print(
        f"parse_date      / re.fullmatch : "
        f"{ratio(_each(parse_date, DATES), _each(BARE.fullmatch, DATES), loops=100):6.1f}x"
    )
    print(
        f"parse_deadline  / re.search    : "
        f"{ratio(_each(parse_deadline, DEADLINES), _each(BARE_DL.search, DEADLINES), loops=50):6.1f}x"
    )
    for size in (10_000, 100_000):
        text = corpus(size)

        def bare(t: str = text) -> object:
            return sum(1 for _ in WORDS.finditer(t))

        loops = 20 if size == 10_000 else 2
        for name, fn in (
            ("find_dates", find_dates),
            ("find_deadlines", find_deadlines),
            ("check_dates", check_dates),
            ("check_deadlines", check_deadlines),
        ):
            r = ratio(lambda f=fn, t=text: f(t), bare, loops=loops)  # type: ignore[misc]
            print(f"{name:15} / finditer(\\S+) : {r:6.1f}x  ({size // 1000} kB)")


if __name__ == "__main__":
    main()
