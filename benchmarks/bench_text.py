"""Benchmark: normalize_text on hostile and NFD text, as ratios measured in one run.

Run: ``python benchmarks/bench_text.py``. Reports, each as the median of per-round ratios
(the two sides timed in alternating rounds), the time of ``normalize_text`` (and of its
repairs, which build the whole span map) on 100 kB of:

* blanks and invisible characters only (``"\\u00a0\\u200b" * 50000``), against 100 kB of
  real text (the corpus texts, NFC) — issue 10;
* the NFD form of the real text, against the NFC form.
"""

from __future__ import annotations

import statistics
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from vnadmin import normalize_text

ROOT = Path(__file__).resolve().parent.parent


def _time(fn: Callable[[str], object], text: str, repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn(text)
    return time.perf_counter() - t0


def paired(fn: Callable[[str], object], text: str, base: str, rounds: int = 9) -> float:
    """Median over alternating rounds of time(fn on text) / time(fn on base)."""
    fn(text)
    ratios = []
    for _ in range(rounds):
        t_base = _time(fn, base, 5)
        ratios.append(_time(fn, text, 5) / t_base)
    return statistics.median(ratios)


def main() -> int:
    docs = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/texts").glob("*.txt"))
    ]
    real = ("\n\n".join(docs) * 2)[:100_000]
    blanks = "\u00a0\u200b" * 50_000
    nfd = unicodedata.normalize("NFD", real)
    nfd_real = unicodedata.normalize("NFD", real)
    with_map: Callable[[str], object] = lambda s: normalize_text(s).repairs()  # noqa: E731
    print(
        f"normalize_text, NBSP+ZWSP: {paired(normalize_text, blanks, nfd_real):.2f}x NFD real text"
    )
    print(
        f"normalize_text + repairs, NBSP+ZWSP: {paired(with_map, blanks, nfd_real):.2f}x NFD real text"
    )
    r = paired(normalize_text, blanks, real)
    print(f"normalize_text, NBSP+ZWSP: {r:.2f}x NFC real text (a cheap check only)")
    print(f"normalize_text, NFD: {paired(normalize_text, nfd, real):.2f}x the NFC form")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
