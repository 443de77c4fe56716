"""Benchmark: parse_code and is_valid against a bare ``re`` baseline, same run.

Run: ``python benchmarks/bench_codes.py``. Reports the median µs per call over the
real corpus codes (tests/data/codes.tsv) for

* ``parse_code`` vs a bare ``re.fullmatch`` of a simple code pattern;
* ``codes.is_valid`` on junk strings vs the same ``re.fullmatch`` on the junk.

Ratios, not absolute times, are what we track (targets: parse <= 5x, junk <= 3x).
"""

from __future__ import annotations

import csv
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from vnadmin import codes, parse_code

ROOT = Path(__file__).resolve().parent.parent
CODE_RE = re.compile(r"(?:Số:?\s*)?\d+[a-z]?[/-](?:\d{4}/)?[^\s/-]+(?:[-/][^\s/-]+)*")


def load_codes() -> list[str]:
    with open(ROOT / "tests" / "data" / "codes.tsv", encoding="utf-8", newline="") as fh:
        return [row["code"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def junk(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abcdefghij ĐđQUBND-/,.0123456789ngày tháng năm"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 30))) for _ in range(n)]


def per_call_us(fn: Callable[[str], object], items: Sequence[str], repeat: int = 7) -> float:
    """Median over ``repeat`` rounds of the mean µs per call over ``items``."""
    rounds = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for s in items:
            fn(s)
        rounds.append((time.perf_counter() - t0) / len(items) * 1e6)
    return statistics.median(rounds)


def safe_parse(s: str) -> object:
    try:
        return parse_code(s)
    except ValueError:
        return None


def paired(
    fn: Callable[[str], object], base: Callable[[str], object], items: Sequence[str]
) -> tuple[float, float, float]:
    """``fn`` and ``base`` timed in alternation (so that the machine's drift touches
    both): the median per-round ratio, with that round's µs per call of each."""
    rounds = []
    for _ in range(9):
        b = per_call_us(base, items, repeat=1)
        f = per_call_us(fn, items, repeat=1)
        rounds.append((f / b, f, b))
    return sorted(rounds)[len(rounds) // 2]


def main() -> int:
    corpus = load_codes()
    bad = junk(len(corpus))
    for s in corpus:  # warm the per-registry memo, as any long run does
        safe_parse(s)
    parse_ratio, parse, base_corpus = paired(safe_parse, CODE_RE.fullmatch, corpus)
    valid_ratio, valid, base_junk = paired(codes.is_valid, CODE_RE.fullmatch, bad)
    print(
        f"codes: {len(corpus)} corpus codes, {len(bad)} junk strings (Python {sys.version.split()[0]})"
    )
    print(f"re.fullmatch (corpus)  {base_corpus:8.2f} µs/call")
    print(f"parse_code   (corpus)  {parse:8.2f} µs/call   ratio {parse_ratio:5.1f}x (target <= 5x)")
    print(f"re.fullmatch (junk)    {base_junk:8.2f} µs/call")
    print(f"is_valid     (junk)    {valid:8.2f} µs/call   ratio {valid_ratio:5.1f}x (target <= 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
