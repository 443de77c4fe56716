"""Time :func:`vnadmin.read_document` and its reader :func:`vnadmin.reader.docx.read_docx`
against python-docx's own text dump (the column ``document``: the whole pipeline, file to
parsed :class:`~vnadmin.Document`).

Run: ``PYTHONPATH=src python benchmarks/bench_read_docx.py [rounds]``. For each corpus
``.docx`` (``tests/data/files``) the script times, in alternating rounds (baseline,
reader, baseline, reader …), the baseline — ``docx.Document(BytesIO(data))``, then
every ``paragraph.text`` and every table's ``row.cells`` ``cell.text`` through
python-docx's proxies — and ``read_docx(data)`` (zip checks, the same open, the XML
walk, styles, text boxes, headers and footers), and prints the median of the per-round
ratios (machine speed cancels out of the ratio). The column ``vs open`` compares with
``docx.Document(BytesIO(data))`` alone (timed in the same rounds), the floor any reader
built on python-docx pays. The last row gives the ratios of the summed times over the
whole corpus. Target: at most 1.5x the baseline.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx

from vnadmin.reader import read_document
from vnadmin.reader.docx import read_docx

FILES = Path(__file__).resolve().parent.parent / "tests" / "data" / "files"


def baseline(data: bytes) -> None:
    """python-docx's own walk: open, paragraphs' text, tables' cells' text."""
    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        _ = paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


def open_only(data: bytes) -> None:
    """python-docx opening the package, nothing read."""
    docx.Document(io.BytesIO(data))


def _clock(fn: Callable[[bytes], object], data: bytes, number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn(data)
    return time.perf_counter() - start


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    print(
        f"{'file':<64} {'KB':>6} {'base ms':>8} {'ours ms':>8} {'ratio':>6} {'vs open':>7} "
        f"{'document':>8}"
    )
    total_base = 0.0
    total_ours = 0.0
    total_open = 0.0
    total_doc = 0.0
    for path in sorted(FILES.glob("*.docx")):
        data = path.read_bytes()
        number = 1
        while _clock(baseline, data, number) < 0.05:
            number *= 2
        ratios: list[float] = []
        over_open: list[float] = []
        bases: list[float] = []
        ours: list[float] = []
        opens: list[float] = []
        docs: list[float] = []
        for _ in range(rounds):
            base = _clock(baseline, data, number)
            mine = _clock(read_docx, data, number)
            bare = _clock(open_only, data, number)
            whole = _clock(read_document, data, number)
            docs.append(whole / base)
            ratios.append(mine / base)
            over_open.append(mine / bare)
            bases.append(base / number)
            ours.append(mine / number)
            opens.append(bare / number)
        base_ms = statistics.median(bases) * 1e3
        ours_ms = statistics.median(ours) * 1e3
        total_base += base_ms
        total_ours += ours_ms
        total_open += statistics.median(opens) * 1e3
        total_doc += statistics.median(docs) * base_ms
        print(
            f"{path.name[:64]:<64} {len(data) // 1024:>6} {base_ms:>8.2f} {ours_ms:>8.2f} "
            f"{statistics.median(ratios):>5.2f}x {statistics.median(over_open):>6.2f}x "
            f"{statistics.median(docs):>7.2f}x"
        )
    print(
        f"{'corpus (summed medians)':<64} {'':>6} {total_base:>8.2f} {total_ours:>8.2f} "
        f"{total_ours / total_base:>5.2f}x {total_ours / total_open:>6.2f}x "
        f"{total_doc / total_base:>7.2f}x"
    )


if __name__ == "__main__":
    main()
