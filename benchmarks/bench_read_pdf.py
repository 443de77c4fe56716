"""Time :func:`vnadmin.read_document` (and its reader, :func:`vnadmin.reader.pdf.read_pdf`)
against pdfplumber's plain text extraction.

Run: ``PYTHONPATH=src python benchmarks/bench_read_pdf.py [rounds]``. For each corpus PDF
(``tests/data/files/*.pdf``) the script times ``read_pdf(data)`` and the baseline
``"\\n".join(page.extract_text() for page in pdfplumber.open(data).pages)`` in alternating
rounds (baseline, read_pdf, baseline, read_pdf …) and prints the median of the per-round
ratios (machine speed cancels out of the ratio); the last row is the ratio of the summed
medians over the corpus. Target: ≤ 1.5x.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from vnadmin.reader import read_document
from vnadmin.reader.pdf import read_pdf

FILES = Path(__file__).resolve().parent.parent / "tests" / "data" / "files"
TARGET = 1.5


def baseline(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _clock(fn: Callable[[bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    fn(data)
    return time.perf_counter() - start


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(
        f"{'file':<52} {'baseline ms':>12} {'read_pdf ms':>12} {'ratio':>7} {'read_document':>13}"
    )
    total_base = total_ours = total_doc = 0.0
    for path in sorted(FILES.glob("*.pdf")):
        data = path.read_bytes()
        read_pdf(data)  # warm the imports
        base: list[float] = []
        ours: list[float] = []
        whole: list[float] = []
        ratios: list[float] = []
        for _ in range(rounds):
            b = _clock(baseline, data)
            o = _clock(read_pdf, data)
            d = _clock(read_document, data)
            base.append(b)
            ours.append(o)
            whole.append(d)
            ratios.append(o / b)
        mb, mo, md = statistics.median(base), statistics.median(ours), statistics.median(whole)
        total_base += mb
        total_ours += mo
        total_doc += md
        print(
            f"{path.name[:52]:<52} {mb * 1e3:>12.1f} {mo * 1e3:>12.1f} "
            f"{statistics.median(ratios):>7.2f} {md / mb:>12.2f}x"
        )
    ratio = total_ours / total_base
    verdict = "ok" if total_doc / total_base <= TARGET else "OVER TARGET"
    print(
        f"{'corpus (sum of medians)':<52} {total_base * 1e3:>12.1f} {total_ours * 1e3:>12.1f} "
        f"{ratio:>7.2f} {total_doc / total_base:>12.2f}x  target (read_document) <= {TARGET} "
        f"{verdict}"
    )


if __name__ == "__main__":
    main()
