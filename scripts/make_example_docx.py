"""Write ``examples/cong-van-mau.docx``: a công văn laid out as NĐ 30 prescribes (a
borderless two-column header table, the trích yếu under ``Số:``, a closing table with Nơi
nhận beside the signature), with one slip a clerk's check should catch: a number below 10
written without its leading zero (NĐ 30, Phụ lục I, II.3).

Run: ``python scripts/make_example_docx.py`` (needs ``pip install "vnadmin[docx]"``). The
people and the letter are invented.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "examples" / "cong-van-mau.docx"


def cell_lines(cell: object, lines: list[str], *, bold: bool = False) -> None:
    first = cell.paragraphs[0]  # type: ignore[attr-defined]
    for k, line in enumerate(lines):
        p = first if k == 0 else cell.add_paragraph()  # type: ignore[attr-defined]
        run = p.add_run(line)
        run.bold = bold and bool(line) and not line.startswith(("Số", "V/v", "-"))
        run.font.size = Pt(13)


def main() -> None:
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"  # type: ignore[union-attr]
    style.font.size = Pt(14)  # type: ignore[union-attr]
    head = d.add_table(rows=1, cols=2)
    cell_lines(
        head.cell(0, 0),
        [
            "ỦY BAN NHÂN DÂN",
            "XÃ HÒA BÌNH",
            "",
            "Số: 5/UBND-VP",
            "V/v tổ chức tiếp công dân",
            "định kỳ tháng 01 năm 2026",
        ],
        bold=True,
    )
    cell_lines(
        head.cell(0, 1),
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "",
            "Hòa Bình, ngày 05 tháng 01 năm 2026",
        ],
        bold=True,
    )
    d.add_paragraph("")
    d.add_paragraph("Kính gửi: Các thôn, tổ dân phố trên địa bàn xã.")
    d.add_paragraph(
        "Thực hiện Luật Tiếp công dân số 42/2013/QH13 ngày 25 tháng 11 năm 2013, Ủy ban nhân "
        "dân xã thông báo lịch tiếp công dân định kỳ tháng 01 năm 2026 như sau:"
    )
    d.add_paragraph("1. Thời gian: từ 08 giờ 00 phút, ngày 15 tháng 01 năm 2026.")
    d.add_paragraph("2. Địa điểm: Trụ sở Ủy ban nhân dân xã.")
    d.add_paragraph(
        "Giao Văn phòng Ủy ban nhân dân xã chủ trì, phối hợp với các thôn thông báo rộng rãi "
        "đến Nhân dân, hoàn thành trước ngày 10 tháng 01 năm 2026./."
    )
    close = d.add_table(rows=1, cols=2)
    cell_lines(
        close.cell(0, 0),
        ["Nơi nhận:", "- Như trên;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP."],
    )
    cell_lines(
        close.cell(0, 1),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Nguyễn Văn Bình"],
        bold=True,
    )
    OUT.parent.mkdir(exist_ok=True)
    d.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
