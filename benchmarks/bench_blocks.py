"""Time signature-block and recipient-list parsing against a bare regex pass.

Run: ``python benchmarks/bench_blocks.py``. For each input the script prints
the microseconds per call of the vnadmin function and of a bare tokenising
regex (``\\S+``) over the same text, measured in the same run, and their ratio
(machine speed cancels out of the ratio).
"""

from __future__ import annotations

import re
import timeit
from collections.abc import Callable
from pathlib import Path

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


def _per_call(fn: Callable[[], object]) -> float:
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=5, number=number)) / number * 1e6


def _row(label: str, fn: Callable[[str], object], text: str) -> None:
    ours = _per_call(lambda: fn(text))
    bare = _per_call(lambda: _BARE.findall(text))
    print(f"{label:<44} {len(text):>7} {ours:>10.1f} {bare:>9.2f} {ours / bare:>8.1f}")


def main() -> None:
    print(f"{'input':<44} {'chars':>7} {'µs/call':>10} {'regex µs':>9} {'ratio':>8}")
    for name, text in BLOCKS.items():
        _row(f"parse_signature: {name}", parse_signature, text)
    for name, text in LISTS.items():
        _row(f"parse_recipients: {name}", parse_recipients, text)
    for path in sorted(TEXTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _row(f"find_signatures: {path.stem[:26]}", find_signatures, text)
        _row(f"find_recipients: {path.stem[:26]}", find_recipients, text)


if __name__ == "__main__":
    main()
