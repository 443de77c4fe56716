"""The presentation values of NĐ 30/2020/NĐ-CP, Phụ lục I, as the writer uses them.

Everything :func:`vnadmin.render_docx` lays out and :func:`vnadmin.fix` corrects on a
``.docx`` comes from here, and every value the decree prescribes comes from the thể thức
tables that the F checks read (:mod:`vnadmin.formatting.model`, ``vnadmin/data/the_thuc*.tsv``:
one home): the page (Phụ lục I, I.1–I.3: A4 portrait, margins top and bottom 20–25 mm,
left 30–35 mm, right 15–20 mm, from ``the_thuc_measures.tsv``), the font (I.4: Times New
Roman, from ``the_thuc_fonts.tsv``) and, for each component, the size range, weight, slant,
case and alignment and the ô số of Mục IV (``the_thuc.tsv``). What the decree leaves open
is chosen here, inside what it allows: the size written (one end of the range), the weight
or slant where the table says "any" (upright, not bold), the alignment where it prescribes
none, the spacing before and after each paragraph (the body's 6 pt between paragraphs and
its 1,27 cm first-line indent are the measures of II.6.e) and where the page number sits.

>>> COMPONENTS["issuer"].sizes, COMPONENTS["issuer"].bold, COMPONENTS["issuer"].box
((12.0, 13.0), True, '2')
>>> PAGE.width_mm, PAGE.left_mm, FONT
(210.0, 30.0, 'Times New Roman')
"""

from __future__ import annotations

from typing import Literal

import attrs

from vnadmin.formatting.model import Spec, fonts, measure, specs

__all__ = ["COMPONENTS", "FONT", "PAGE", "Component", "Page"]

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
        row: the row of ``the_thuc.tsv`` (:func:`vnadmin.formatting.spec`) it follows.
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
    row: str = ""

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


def _font() -> str:
    return next(f.name for f in fonts() if f.kind == "required")


#: The one font of the document (Phụ lục I, I.4).
FONT = _font()


def _page() -> Page:
    sides = ("top", "bottom", "left", "right")
    ranges = []
    for side in sides:
        m = measure(f"margin_{side}")
        ranges.append((m.low, m.low if m.high is None else m.high))
    width, height = measure("paper_width"), measure("paper_height")
    return Page(
        width_mm=width.low,
        height_mm=height.low,
        # each margin at the low end of its range: the widest text area the decree allows
        top_mm=ranges[0][0],
        bottom_mm=ranges[1][0],
        left_mm=ranges[2][0],
        right_mm=ranges[3][0],
        margin_ranges=tuple(ranges),
        header_mm=10.0,  # (the page number, centred in the top margin: I.7)
        article=f"{width.article} (A4, portrait); {measure('margin_top').article} (margins)",
    )


#: The page: A4 portrait, the margins at the low end of their ranges.
PAGE = _page()

# What the writer chooses for each component, keyed by its name, with the row of
# the_thuc.tsv it follows: (row, size written: "min"/"max" of the row's range, alignment
# where the row prescribes none, before, after (pt), first-line indent (cm) where the
# row's values leave them open). "body" spacing and indent: the measures of II.6.e.
_Choice = tuple[str, str, Align, float, float | str, float | str]
_CHOICES: dict[str, _Choice] = {
    "national": ("national_title", "min", "center", 0, 0, 0),
    "motto": ("motto", "min", "center", 0, 0, 0),
    "parent": ("parent_issuer", "min", "center", 0, 0, 0),
    "issuer": ("issuer", "min", "center", 0, 0, 0),
    "code": ("code", "min", "center", 6, 0, 0),
    "place_date": ("place_date", "min", "center", 6, 0, 0),
    "type": ("type_name", "max", "center", 12, 0, 0),
    "summary": ("summary", "max", "center", 0, 0, 0),
    "vv": ("cv_summary", "min", "center", 6, 0, 0),
    "urgency": ("urgency", "min", "left", 6, 0, 0),
    "addressee": ("kinh_gui", "max", "left", 12, 0, 0),
    "body": ("body", "max", "justify", 0, "spacing", "indent"),
    "basis": ("legal_basis", "max", "justify", 0, "spacing", "indent"),
    "heading": ("section_heading", "max", "center", 6, "spacing", 0),
    "article": ("article_heading", "max", "justify", 0, "spacing", "indent"),
    "authority": ("authority", "min", "center", 0, 0, 0),
    "signer": ("signer_name", "max", "center", 60, 0, 0),  # (60 pt: room for the signature)
    "noi_nhan": ("recipients_heading", "min", "left", 6, 0, 0),
    "recipient": ("recipient_entry", "min", "left", 0, 0, 0),
    "page_number": ("page_number", "max", "center", 0, 0, 0),
}


def _component(name: str, choice: _Choice) -> Component:
    row, which, align, before, after, indent = choice
    sp: Spec = specs()[row]
    if after == "spacing":
        after = measure("paragraph_spacing").low
    if indent == "indent":
        high = measure("first_line_indent").high
        indent = 0.0 if high is None else high
    return Component(
        name=name,
        box=sp.box,
        sizes=(sp.min_pt, sp.max_pt),
        size=sp.min_pt if which == "min" else sp.max_pt,
        bold=sp.bold == "yes",
        italic=sp.italic == "yes",
        case="upper" if sp.case == "upper" else "as_written",
        align=align if sp.align == "any" else sp.align,
        before=float(before),
        after=float(after),
        indent_mm=float(indent) * 10,
        article=sp.article,
        row=row,
    )


#: Every component, by name.
COMPONENTS: dict[str, Component] = {
    name: _component(name, choice) for name, choice in _CHOICES.items()
}
