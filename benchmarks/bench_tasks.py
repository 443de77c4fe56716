"""Benchmark: find_tasks against parse_document on the same text (issue 12: <= 1.5x).

Run: ``python benchmarks/bench_tasks.py``. For every corpus text (tests/data/texts) and the
text of every labelled corpus file (tests/data/files, read once with ``read_document``),
``parse_document(text)`` and ``find_tasks(text)`` are timed in alternating rounds; the
ratio is the median of the per-round ratios of the summed times. Also reports the
throughput at 100 kB and 1 MB of repeated text (linearity: the 1 MB rate should stay
within 90 % of the 100 kB rate).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vnadmin import parse_document, read_document  # noqa: E402
from vnadmin.tasks import find_tasks  # noqa: E402


def once(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def texts() -> list[str]:
    out = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests" / "data" / "texts").glob("*.txt"))
    ]
    for p in sorted((ROOT / "tests" / "data" / "files").iterdir()):
        if p.suffix in (".docx", ".doc", ".pdf"):
            try:
                out.append(read_document(p).text)
            except Exception as e:
                print(f"skip {p.name}: {e}")
    return out


def main() -> int:
    docs = texts()
    ratios = []
    for _ in range(7):
        t_parse = sum(once(lambda d=d: parse_document(d)) for d in docs)
        t_tasks = sum(once(lambda d=d: find_tasks(d)) for d in docs)
        ratios.append(t_tasks / t_parse)
    print(f"{len(docs)} documents, {sum(map(len, docs)) / 1e3:.0f} kB")
    print(
        f"find_tasks / parse_document (median of 7 alternating rounds): {statistics.median(ratios):.2f}x (target <= 1.5x)"
    )
    base = "\n\n".join(docs)
    small = (base * (100_000 // len(base) + 1))[:100_000]
    big = small * 10
    r_small = statistics.median(len(small) / once(lambda: find_tasks(small)) for _ in range(3))
    r_big = statistics.median(len(big) / once(lambda: find_tasks(big)) for _ in range(3))
    print(
        f"throughput 100 kB: {r_small / 1e6:.2f} MB/s, 1 MB: {r_big / 1e6:.2f} MB/s ({100 * r_big / r_small:.0f} %)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
