"""Compare pdfplumber and pypdf on the corpus PDFs (the choice behind vnadmin.reader.pdf).

Run: ``PYTHONPATH=src python scripts/compare_pdf_libs.py [rounds]``. For each of the PDFs
in ``tests/data/files`` it prints the time of plain text extraction over all pages (median
of ``rounds``, alternating the libraries), whether the text is NFC, whether the clerk's
fields of ``expected.json`` (``code_printed`` with its spacing collapsed, ``issuer``,
``signer_name``) occur in the text (whitespace-insensitive), and how many words /
glyphs come with positions: pdfplumber's ``extract_words`` and pypdf's ``visitor_text``
(text matrix x/y per text-show operation, not per glyph, without widths). The third row
is vnadmin's own reader (pdfminer.six driven directly; words in positioned line blocks).
"""

from __future__ import annotations

import io
import json
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdf

from vnadmin.reader.pdf import read_pdf

FILES = Path(__file__).resolve().parent.parent / "tests" / "data" / "files"
_WS = re.compile(r"\s+")


def plumber_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pypdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def vnadmin_text(data: bytes) -> str:
    return "\n".join(block.text for block in read_pdf(data).blocks)


def vnadmin_positions(data: bytes) -> int:
    return sum(len(block.text.split()) for block in read_pdf(data).blocks)


def plumber_positions(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_words()) for page in pdf.pages)


def pypdf_positions(data: bytes) -> int:
    reader = pypdf.PdfReader(io.BytesIO(data))
    count = 0

    def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
        nonlocal count
        if text.strip():
            count += 1

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return count


def clock(fn: Callable[[bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    fn(data)
    return time.perf_counter() - start


def found(field: str | None, text: str) -> str:
    if not field:
        return "-"
    squeeze = _WS.sub("", text)
    return "yes" if _WS.sub("", field) in squeeze else "NO"


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    expected = {e["file"]: e for e in json.loads((FILES / "expected.json").read_text("utf-8"))}
    head = f"{'file':<34} {'lib':<11} {'ms':>7} {'NFC':>4} {'code':>5} {'issuer':>6} {'signer':>6} {'positioned':>10}"
    print(head)
    totals = {"pdfplumber": 0.0, "pypdf": 0.0, "read_pdf": 0.0}
    for path in sorted(FILES.glob("*.pdf")):
        data = path.read_bytes()
        exp = expected[path.name]
        times: dict[str, list[float]] = {"pdfplumber": [], "pypdf": [], "read_pdf": []}
        for _ in range(rounds):
            times["pdfplumber"].append(clock(plumber_text, data))
            times["pypdf"].append(clock(pypdf_text, data))
            times["read_pdf"].append(clock(vnadmin_text, data))
        for lib, fn, pos in (
            ("pdfplumber", plumber_text, plumber_positions),
            ("pypdf", pypdf_text, pypdf_positions),
            ("read_pdf", vnadmin_text, vnadmin_positions),
        ):
            text = fn(data)
            ms = statistics.median(times[lib]) * 1000
            totals[lib] += ms
            nfc = "yes" if unicodedata.is_normalized("NFC", text) else "NO"
            print(
                f"{path.name[:34]:<34} {lib:<11} {ms:>7.1f} {nfc:>4} "
                f"{found(exp['code_printed'], text):>5} {found(exp['issuer'], text):>6} "
                f"{found(exp['signer_name'], text):>6} {pos(data):>10}"
            )
    base = totals["pdfplumber"]
    print(
        f"total: pdfplumber extract_text {base:.0f} ms, pypdf extract_text "
        f"{totals['pypdf']:.0f} ms ({totals['pypdf'] / base:.2f}x), vnadmin read_pdf "
        f"{totals['read_pdf']:.0f} ms ({totals['read_pdf'] / base:.2f}x; lines, columns, stamps)"
    )


if __name__ == "__main__":
    main()
