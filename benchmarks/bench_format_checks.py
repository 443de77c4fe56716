"""Time :func:`vnadmin.lint` on a ``.docx`` (text rules and the F thể thức rules) against
:func:`vnadmin.read_document` of the same file.

Run: ``PYTHONPATH=src python benchmarks/bench_format_checks.py [rounds]``. For each corpus
``.docx`` (``tests/data/files``) the script times, in alternating rounds (baseline, lint,
baseline, lint …), the baseline — ``read_document(data)``, the file read and parsed — and
``lint(data)``, which reads the file the same way and its formatting in the same walk
(:func:`vnadmin.formatting.docx.read_layout_and_format`: each run's ``w:rPr`` and each
paragraph's ``w:pPr`` read as the walk reaches them), then runs every default rule family,
and prints the median of the per-round ratios (machine speed cancels out of the ratio).
The last rows give the ratio of the summed medians over the whole corpus, the median of
the files' ratios and the worst file's. Target (issue 15): lint at most 2x read_document.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from bench_read_docx import _clock  # (the same clock as the reading benchmark)

from vnadmin.linter import lint
from vnadmin.reader import read_document

FILES = Path(__file__).resolve().parent.parent / "tests" / "data" / "files"
TARGET = 2.0


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    print(f"{'file':<64} {'read ms':>8} {'lint ms':>8} {'ratio':>6}")
    total_read = 0.0
    total_lint = 0.0
    worst = 0.0
    per_file: list[float] = []
    for path in sorted(FILES.glob("*.docx")):
        data = path.read_bytes()
        lint(data)  # (warm the tables and caches once)
        number = 1
        while _clock(read_document, data, number) < 0.05:
            number *= 2
        ratios: list[float] = []
        reads: list[float] = []
        lints: list[float] = []
        for _ in range(rounds):
            base = _clock(read_document, data, number)
            mine = _clock(lint, data, number)
            ratios.append(mine / base)
            reads.append(base / number)
            lints.append(mine / number)
        ratio = statistics.median(ratios)
        worst = max(worst, ratio)
        per_file.append(ratio)
        read_ms, lint_ms = statistics.median(reads), statistics.median(lints)
        total_read += read_ms
        total_lint += lint_ms
        print(f"{path.name[:64]:<64} {read_ms * 1000:8.1f} {lint_ms * 1000:8.1f} {ratio:6.2f}")
    print(
        f"{'whole corpus':<64} {total_read * 1000:8.1f} {total_lint * 1000:8.1f} "
        f"{total_lint / total_read:6.2f}"
    )
    print(f"median of the files' ratios {statistics.median(per_file):.2f} (target <= {TARGET})")
    print(f"worst file ratio {worst:.2f} (target <= {TARGET})")


if __name__ == "__main__":
    main()
