"""Time :func:`vnadmin.render_docx` against python-docx writing the same paragraphs with no
formatting (issue 15).

Run: ``PYTHONPATH=src python benchmarks/bench_render_docx.py [rounds]``. The document is a
generated Quyết định of about three pages (header, 23 articles, most of two clauses, Nơi nhận,
signature). The baseline — ``docx.Document()``, one ``add_paragraph`` per line of the same
text (:func:`vnadmin.format_document`), ``save`` into memory — and ``render_docx`` (styles of
Phụ lục I, header and closing tables, rules, page numbers, save) are timed in alternating
rounds; the script prints the median of the per-round ratios (machine speed cancels out).
Target: at most 2x the baseline.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable

import docx

import vnadmin
from vnadmin.document import format_document
from vnadmin.writing import render_docx

TARGET = 2.0


def sample() -> vnadmin.Document:
    """A Quyết định of about three A4 pages."""
    articles = "\n".join(
        f"Điều {n}. Nội dung Điều {n}\n"
        f"1. Cơ quan, đơn vị có trách nhiệm thực hiện nhiệm vụ được giao tại Điều {n}, "
        "bảo đảm đúng tiến độ, chất lượng và hiệu quả.\n"
        "2. Định kỳ báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh."
        for n in range(1, 23)
    )
    return vnadmin.parse_document(
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-UBND\nLạng Sơn, ngày 05 tháng 01 năm 2026\n"
        "QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2025;\n"
        f"{articles}\nĐiều 23. Quyết định này có hiệu lực từ ngày ký./.\n"
        "Nơi nhận:\n- Như Điều 23;\n- Văn phòng Chính phủ;\n- Lưu: VT, NC.\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"
    )


def baseline(lines: list[str]) -> bytes:
    """python-docx writing the lines as plain paragraphs."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _clock(fn: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return time.perf_counter() - start


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    doc = sample()
    lines = format_document(doc).split("\n")
    number = 1
    while _clock(lambda: baseline(lines), number) < 0.2:
        number *= 2
    ratios: list[float] = []
    bases: list[float] = []
    ours: list[float] = []
    for _ in range(rounds):
        base = _clock(lambda: baseline(lines), number)
        mine = _clock(lambda: render_docx(doc), number)
        ratios.append(mine / base)
        bases.append(base / number)
        ours.append(mine / number)
    ratio = statistics.median(ratios)
    print(f"paragraphs {len(lines)}, calls per round {number}, rounds {rounds}")
    print(
        f"baseline {statistics.median(bases) * 1e3:.2f} ms, render_docx "
        f"{statistics.median(ours) * 1e3:.2f} ms, ratio {ratio:.2f}x (target <= {TARGET:.1f}x)"
    )


if __name__ == "__main__":
    main()
