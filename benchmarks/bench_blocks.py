"""Time signature-block and recipient-list parsing against a bare regex pass.

Run: ``PYTHONPATH=src python benchmarks/bench_blocks.py [rounds]``. For each input the
script times the vnadmin function and a bare ``re.finditer(r"\\S+")`` over the same text
in alternating rounds (baseline, function, baseline, function …) and prints the median of
the per-round ratios (machine speed cancels out of the ratio). The last rows give the
median ratio over the whole corpus (every document of ``tests/data/texts``).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from vnadmin.layout import find_headers, find_marks
from vnadmin.recipients import find_recipients, parse_recipients
from vnadmin.signatures import find_signatures, parse_signature

TEXTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "texts"

BLOCKS = {
    "flat TM": "TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Tấn Dũng",
    "TM>KT flat": "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Chiến",
    "TL>KT lines": "TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\n(Đã ký)\n\nVũ Quang Khánh",
    "KT + post": "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH UBND TỈNH\nĐoàn Thanh Sơn",
}
LISTS = {
    "noi nhan 5": (
        "Nơi nhận:\n- Như trên;\n- Thủ tướng, PTTgTT Phạm Gia Túc (để b/c);\n"
        "- UBND TP. Hồ Chí Minh;\n- VPCP: BTCN, PCN, các Vụ: TH, PL;\n- Lưu: VT, CN (02b)."
    ),
    "flattened": "Nơi nhận: - Như trên; - VPCP; - VCCI; - Lưu: VT, QLKTTW.",
}
_BARE = re.compile(r"\S+")
# The whole-text scans the finders ran before the literal prefilters of vnadmin.layout
# (a case-insensitive regex over every character), kept here as the reference.
_OLD_MARK = re.compile(r"(TUQ|TM|KT|TL|Q)\.|(T/M|K/T|T/L)\.?", re.IGNORECASE)
_OLD_HEADER = re.compile(r"(nơi\s+nhận|kính\s+gửi)[ \t]*(:?)", re.IGNORECASE)
SCANS: dict[str, Callable[[str], object]] = {
    "mark scan, case-insensitive regex (before)": lambda t: list(_OLD_MARK.finditer(t)),
    "mark scan, layout.find_marks (after)": lambda t: list(find_marks(t)),
    "header scan, case-insensitive regex (before)": lambda t: list(_OLD_HEADER.finditer(t)),
    "header scan, layout.find_headers (after)": lambda t: list(find_headers(t)),
}


def _bare(text: str) -> None:
    for _ in _BARE.finditer(text):
        pass


def _clock(fn: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return time.perf_counter() - start


def ratio(fn: Callable[[str], object], text: str, rounds: int = 15) -> tuple[float, float]:
    """Median over ``rounds`` of (time of ``fn(text)``) / (time of the bare pass); µs/call."""
    number = 1
    while _clock(lambda: fn(text), number) < 0.02:
        number *= 2
    ratios: list[float] = []
    per_call: list[float] = []
    for _ in range(rounds):
        base = _clock(lambda: _bare(text), number)
        ours = _clock(lambda: fn(text), number)
        ratios.append(ours / base)
        per_call.append(ours / number * 1e6)
    return statistics.median(ratios), statistics.median(per_call)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    print(f"{'input':<48} {'chars':>7} {'µs/call':>10} {'ratio':>8}")

    def row(label: str, fn: Callable[[str], object], text: str) -> float:
        r, us = ratio(fn, text, rounds)
        print(f"{label:<48} {len(text):>7} {us:>10.1f} {r:>8.1f}")
        return r

    for name, text in BLOCKS.items():
        row(f"parse_signature: {name}", parse_signature, text)
    for name, text in LISTS.items():
        row(f"parse_recipients: {name}", parse_recipients, text)
    docs = sorted(TEXTS.glob("*.txt"))
    sig: list[float] = []
    rec: list[float] = []
    for path in docs:
        text = path.read_text(encoding="utf-8")
        sig.append(row(f"find_signatures: {path.stem[:30]}", find_signatures, text))
        rec.append(row(f"find_recipients: {path.stem[:30]}", find_recipients, text))
    print(f"{'find_signatures: corpus median':<48} {'':>7} {'':>10} {statistics.median(sig):>8.1f}")
    print(f"{'find_recipients: corpus median':<48} {'':>7} {'':>10} {statistics.median(rec):>8.1f}")
    whole = "\n".join(p.read_text(encoding="utf-8") for p in docs)
    for label, fn in SCANS.items():
        row(label, fn, whole)


if __name__ == "__main__":
    main()
