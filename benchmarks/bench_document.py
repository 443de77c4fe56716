"""Benchmark: parse_document and lint on real documents, as ratios measured in one run.

Run: ``python benchmarks/bench_document.py``. Reports, each as the median of per-round
ratios, the two sides timed in alternating rounds so that the machine's drift touches both:

* ``parse_document`` over the 14 corpus texts (3–65 kB, about 13 kB on average) and over
  100 kB of them, against a bare ``re.finditer(r"\\S+")`` over the same text (target ≤ 5×);
* ``lint`` against ``parse_document`` on the same texts (target ≤ 1.5×);
* ``parse_document`` on the NFD form of the texts against the NFC form (target ≤ 1.5×).
"""

from __future__ import annotations

import re
import statistics
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from vnadmin import lint, parse_document

ROOT = Path(__file__).resolve().parent.parent
WORDS = re.compile(r"\S+")


def texts() -> list[str]:
    return [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "data" / "texts").glob("*.txt"))
    ]


def _time(fn: Callable[[str], object], docs: Sequence[str], repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        for d in docs:
            fn(d)
    return time.perf_counter() - t0


def paired(
    base: Callable[[str], object],
    fn: Callable[[str], object],
    docs: Sequence[str],
    *,
    base_docs: Sequence[str] | None = None,
    rounds: int = 9,
    repeat: int = 3,
) -> tuple[float, float]:
    """Median over alternating rounds of time(fn on docs) / time(base on base_docs), and
    fn's median time per call in ms."""
    base_docs = docs if base_docs is None else base_docs
    fn(docs[0])
    ratios, per_call = [], []
    for _ in range(rounds):
        t_base = _time(base, base_docs, repeat)
        t_fn = _time(fn, docs, repeat)
        ratios.append(t_fn / t_base)
        per_call.append(t_fn / (repeat * len(docs)) * 1e3)
    return statistics.median(ratios), statistics.median(per_call)


def main() -> int:
    docs = texts()
    big = ("\n\n".join(docs) * 2)[:100_000]
    words = lambda s: sum(1 for _ in WORDS.finditer(s))  # noqa: E731
    for label, sample in (("corpus texts (avg 13 kB)", docs), ("100 kB", [big])):
        r, ms = paired(words, parse_document, sample)
        print(f"parse_document, {label}: {r:.2f}x re.finditer(r'\\S+') ({ms:.2f} ms a text)")
        r, ms = paired(parse_document, lint, sample)
        print(f"lint, {label}: {r:.2f}x parse_document ({ms:.2f} ms a text)")
    nfd = [unicodedata.normalize("NFD", d) for d in docs]
    r, ms = paired(parse_document, parse_document, nfd, base_docs=docs)
    print(f"parse_document on NFD: {r:.2f}x its time on the NFC form ({ms:.2f} ms a text)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
