"""Benchmark: document codes against a bare ``re`` baseline timed in the same run.

Run: ``python benchmarks/bench_codes.py [--quick]``. Every figure is a ratio to a
baseline timed in alternating rounds (so that the machine's drift touches both); the
median round is reported.

* ``parse_code`` on the real corpus codes (tests/data/codes.tsv), memo warm, vs a bare
  ``re.fullmatch`` of a simple code pattern over the same strings;
* ``codes.is_valid`` on the valid corpus codes vs that ``re.fullmatch`` (target <= 5x),
  and on junk strings vs ``re.fullmatch`` on the junk (target <= 3x);
* ``parse_code`` on a stream of 50,000 codes with distinct ký hiệu (tails), after one
  pass over them, vs the same kind of codes whose tails are few, hence memoised
  (target <= 1.5x: the parser's memo holds them all, and never clears all at once);
* the memory of 1 M parsed ``DocumentCode`` values (distinct numbers), measured with
  tracemalloc, per value (target <= 250 B), and the share of the garbage collector in
  parsing (and keeping) them.
"""

from __future__ import annotations

import csv
import gc
import random
import re
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from vnadmin import codes, parse_code

ROOT = Path(__file__).resolve().parent.parent
CODE_RE = re.compile(r"(?:Số:?\s*)?\d+[a-z]?[/-](?:\d{4}/)?[^\s/-]+(?:[-/][^\s/-]+)*")

_TYPES = ("QĐ", "CV", "TB", "KH", "BC", "TTr", "CT", "HD", "TTg")
_ISSUERS = ("UBND", "BTC", "BCT", "SNV", "STC", "BNV", "VPCP", "SGDĐT", "BYT", "BXD")


def load_codes() -> list[str]:
    with open(ROOT / "tests" / "data" / "codes.tsv", encoding="utf-8", newline="") as fh:
        return [row["code"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def junk(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abcdefghij ĐđQUBND-/,.0123456789ngày tháng năm"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 30))) for _ in range(n)]


def distinct_tails(n: int, seed: int = 11) -> list[str]:
    """``n`` codes ``NN/TYPE-ISSUER-UNIT`` with ``n`` distinct tails (made-up units)."""
    rng = random.Random(seed)
    letters = "ABCDEGHKLMNPQRSTVXY"
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        unit = "".join(rng.choice(letters) for _ in range(rng.randint(3, 6)))
        tail = f"/{rng.choice(_TYPES)}-{rng.choice(_ISSUERS)}-{unit}"
        if tail in seen:
            continue
        seen.add(tail)
        out.append(f"{rng.randint(10, 9999)}{tail}")
    return out


def per_call_us(fn: Callable[[str], object], items: Sequence[str]) -> float:
    t0 = time.perf_counter()
    for s in items:
        fn(s)
    return (time.perf_counter() - t0) / len(items) * 1e6


def paired(
    fn: Callable[[str], object],
    base: Callable[[str], object],
    items: Sequence[str],
    base_items: Sequence[str] | None = None,
    rounds: int = 9,
) -> tuple[float, float, float]:
    """``fn`` on ``items`` and ``base`` on ``base_items`` (default: the same) timed in
    alternation: the median per-round ratio, with that round's µs per call of each."""
    out = []
    for _ in range(rounds):
        b = per_call_us(base, base_items if base_items is not None else items)
        f = per_call_us(fn, items)
        out.append((f / b, f, b))
    return sorted(out)[len(out) // 2]


def safe_parse(s: str) -> object:
    try:
        return parse_code(s)
    except ValueError:
        return None


def gc_share(n: int) -> tuple[float, float]:
    """Seconds to parse (and keep) ``n`` codes with the garbage collector on, and the share
    of that time the collector takes (the same parses with it off are the baseline)."""
    texts = [f"{k:02d}{_TAILS[k % len(_TAILS)]}" for k in range(1, n + 1)]

    def run() -> float:
        t0 = time.perf_counter()
        kept = [parse_code(t) for t in texts]
        elapsed = time.perf_counter() - t0
        del kept
        gc.collect()
        return elapsed

    on = run()
    gc.disable()
    try:
        off = run()
    finally:
        gc.enable()
    return on, (on - off) / on


def bytes_per_code(n: int) -> float:
    """tracemalloc's count of what ``n`` parsed codes (distinct numbers) hold, per code."""
    texts = [f"{k:02d}{_TAILS[k % len(_TAILS)]}" for k in range(1, n + 1)]
    for t in _TAILS:
        parse_code("10" + t)  # memo warm: the memo is not what is measured
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [parse_code(t) for t in texts]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(kept) == n
    return (after - before) / n


_TAILS = ("/QĐ-UBND", "/2020/NĐ-CP", "/UBND-VP", "/2016/TTLT-BTC-BCT", "-CT/TW", "/TTr-SNV")


def main() -> int:
    quick = "--quick" in sys.argv
    corpus = load_codes()
    valid = [c for c in corpus if codes.is_valid(c)]
    bad = junk(len(corpus))
    for s in corpus:  # warm the memo, as any long run does
        safe_parse(s)
    print(f"codes benchmark (Python {sys.version.split()[0]})")
    r, f, b = paired(safe_parse, CODE_RE.fullmatch, corpus)
    print(f"parse_code, {len(corpus)} corpus codes   {f:6.2f} µs vs re {b:5.2f} µs   {r:5.1f}x")
    r, f, b = paired(codes.is_valid, CODE_RE.fullmatch, valid)
    print(
        f"is_valid, {len(valid)} valid codes      {f:6.2f} µs vs re {b:5.2f} µs   {r:5.1f}x"
        " (target <= 5x)"
    )
    r, f, b = paired(codes.is_valid, CODE_RE.fullmatch, bad)
    print(
        f"is_valid, {len(bad)} junk strings      {f:6.2f} µs vs re {b:5.2f} µs   {r:5.1f}x"
        " (target <= 3x)"
    )
    n = 20_000 if quick else 50_000
    stream = distinct_tails(n)
    few = stream[:500] * (n // 500)
    for s in stream:  # one pass: the first reading of each tail is the scanner's
        safe_parse(s)
    r, f, b = paired(safe_parse, safe_parse, stream, few, rounds=5)
    print(
        f"parse_code, {n} distinct tails      {f:6.2f} µs vs warm {b:5.2f} µs {r:5.2f}x"
        " (target <= 1.5x)"
    )
    m = 100_000 if quick else 1_000_000
    print(f"memory, {m} parsed DocumentCode    {bytes_per_code(m):6.0f} B each (target <= 250 B)")
    seconds, share = gc_share(m)
    print(
        f"parse and keep {m} codes        {seconds:6.2f} s, garbage collection {share:4.0%} of it"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
