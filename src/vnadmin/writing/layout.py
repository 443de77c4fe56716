"""The presentation values of NĐ 30/2020/NĐ-CP, Phụ lục I, in one typed table.

Everything :func:`vnadmin.render_docx` lays out and :func:`vnadmin.fix` corrects on a
``.docx`` comes from here: the page (Phụ lục I, I.3–I.5: A4 portrait, margins top and
bottom 20–25 mm, left 30–35 mm, right 15–20 mm; page numbers from page 2, centred in the
top margin, 13–14 pt), the font (I.2: Times New Roman, Unicode TCVN 6909:2001, black) and,
for each component (ô số of Phụ lục I, Mục IV, and the font table of Mục V), the size range
the decree allows, the size written, and weight, slant, case and alignment.

Source: NĐ 30/2020/NĐ-CP, Phụ lục I (Phần I, Mục II.1–II.9, Mục IV and the table "Phông
chữ, cỡ chữ, kiểu chữ"); the copies in ``/work/shared/docs/domain.md`` §1.5–1.14 [S2].

>>> COMPONENTS["issuer"].sizes, COMPONENTS["issuer"].bold
((12.0, 13.0), True)
>>> PAGE.width_mm, PAGE.left_mm, FONT
(210.0, 30.0, 'Times New Roman')
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["COMPONENTS", "FONT", "PAGE", "Component", "Page"]

#: The one font of the document (Phụ lục I, I.2).
FONT = "Times New Roman"

Align = Literal["left", "center", "right", "justify"]
Case = Literal["upper", "as_written"]


@attrs.frozen
class Component:
    """How one component is printed.

    Attributes:
        name: the key (``"issuer"``, ``"body"`` …).
        box: the ô số of Phụ lục I, Mục IV (``"2"``, ``"7a"`` …), ``""`` for none.
        sizes: the range of sizes (pt) the decree allows.
        size: the size written by :func:`vnadmin.render_docx` (inside :attr:`sizes`).
        bold, italic: weight and slant.
        case: ``"upper"`` for a component printed in capitals.
        align: the paragraph's alignment.
        before, after: spacing before and after the paragraph (pt).
        indent_mm: first-line indent (mm).
        article: where the values come from.
    """

    name: str
    box: str
    sizes: tuple[float, float]
    size: float
    bold: bool
    italic: bool
    case: Case
    align: Align
    before: float = 0.0
    after: float = 0.0
    indent_mm: float = 0.0
    article: str = ""

    def allows(self, size: float) -> bool:
        """Whether ``size`` (pt) lies in the decree's range."""
        return self.sizes[0] <= size <= self.sizes[1]


@attrs.frozen
class Page:
    """The page (Phụ lục I, I.3–I.5): A4 portrait and its margins (mm)."""

    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    margin_ranges: tuple[tuple[float, float], ...]  # top, bottom, left, right
    header_mm: float  # distance of the page number from the page's top edge
    article: str

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


PAGE = Page(
    width_mm=210.0,
    height_mm=297.0,
    top_mm=20.0,
    bottom_mm=20.0,
    left_mm=30.0,
    right_mm=15.0,
    margin_ranges=((20.0, 25.0), (20.0, 25.0), (30.0, 35.0), (15.0, 20.0)),
    header_mm=10.0,
    article="NĐ 30, Phụ lục I, I.3 (A4, hướng dọc), I.4 (lề trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm)",
)

_P = "NĐ 30, Phụ lục I"
_Row = tuple[str, str, tuple[int, int], float, bool, bool, Case, Align, float, float, float, str]
_ROWS: tuple[_Row, ...] = (
    # name, box, sizes, size, bold, italic, case, align, before, after, indent, article
    ("national", "1", (12, 13), 12, True, False, "upper", "center", 0, 0, 0, f"{_P}, II.1"),
    ("motto", "1", (13, 14), 13, True, False, "as_written", "center", 0, 0, 0, f"{_P}, II.1"),
    ("parent", "2", (12, 13), 12, False, False, "upper", "center", 0, 0, 0, f"{_P}, II.2"),
    ("issuer", "2", (12, 13), 12, True, False, "upper", "center", 0, 0, 0, f"{_P}, II.2"),
    ("code", "3", (13, 13), 13, False, False, "as_written", "center", 6, 0, 0, f"{_P}, II.3"),
    ("place_date", "4", (13, 14), 13, False, True, "as_written", "center", 6, 0, 0, f"{_P}, II.4"),
    ("type", "5a", (13, 14), 14, True, False, "upper", "center", 12, 0, 0, f"{_P}, II.5.a"),
    ("summary", "5a", (13, 14), 14, True, False, "as_written", "center", 0, 0, 0, f"{_P}, II.5.a"),
    ("vv", "5b", (12, 13), 12, False, False, "as_written", "center", 6, 0, 0, f"{_P}, II.5.b"),
    ("urgency", "10b", (13, 14), 13, True, False, "upper", "left", 6, 0, 0, f"{_P}, II.10.b"),
    (
        "addressee",
        "9a",
        (13, 14),
        14,
        False,
        False,
        "as_written",
        "left",
        12,
        0,
        0,
        f"{_P}, II.9.a",
    ),
    ("body", "6", (13, 14), 14, False, False, "as_written", "justify", 0, 6, 12.7, f"{_P}, II.6"),
    ("basis", "6", (13, 14), 14, False, True, "as_written", "justify", 0, 6, 12.7, f"{_P}, II.6"),
    ("heading", "6", (13, 14), 14, True, False, "as_written", "center", 6, 6, 0, f"{_P}, II.6.b"),
    (
        "article",
        "6",
        (13, 14),
        14,
        True,
        False,
        "as_written",
        "justify",
        0,
        6,
        12.7,
        f"{_P}, II.6.b",
    ),
    ("authority", "7a", (13, 14), 13, True, False, "upper", "center", 0, 0, 0, f"{_P}, II.7.a"),
    ("signer", "7b", (13, 14), 14, True, False, "as_written", "center", 60, 0, 0, f"{_P}, II.7.c"),
    ("noi_nhan", "9b", (12, 12), 12, True, True, "as_written", "left", 6, 0, 0, f"{_P}, II.9.b"),
    ("recipient", "9b", (11, 11), 11, False, False, "as_written", "left", 0, 0, 0, f"{_P}, II.9.b"),
    ("page_number", "", (13, 14), 14, False, False, "as_written", "center", 0, 0, 0, f"{_P}, I.5"),
)

#: Every component, by name.
COMPONENTS: dict[str, Component] = {
    row[0]: Component(
        name=row[0],
        box=row[1],
        sizes=(float(row[2][0]), float(row[2][1])),
        size=float(row[3]),
        bold=row[4],
        italic=row[5],
        case=row[6],
        align=row[7],
        before=float(row[8]),
        after=float(row[9]),
        indent_mm=float(row[10]),
        article=row[11],
    )
    for row in _ROWS
}
