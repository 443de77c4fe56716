"""The thể thức tables (NĐ 30/2020/NĐ-CP, Phụ lục I) and the formatting read from a file.

:func:`specs` is the table of Phụ lục I, mục V (size, weight, slant, case and alignment of
each component), :func:`measures` the page, margin and spacing measures of Phần I, mục I
and II.6.e, :func:`fonts` the required and the legacy fonts (mục I.4). All three are data
(``vnadmin/data/the_thuc*.tsv``), read once.

>>> spec("national_title").min_pt, spec("national_title").bold, spec("national_title").case
(12.0, 'yes', 'upper')
>>> spec("recipients_heading").accepts_size(12.0), spec("body").accepts_size(12.5)
(True, False)
>>> measure("margin_left").low, measure("margin_left").high
(30.0, 35.0)
"""

from __future__ import annotations

import functools
from typing import Literal

import attrs

from vnadmin._tables import read_table

__all__ = [
    "DocxFormat",
    "FontRule",
    "Measure",
    "ParagraphFormat",
    "RunFormat",
    "SectionFormat",
    "Spec",
    "fonts",
    "measure",
    "measures",
    "spec",
    "specs",
]

Requirement = Literal["yes", "no", "any"]
Case = Literal["upper", "any"]
Align = Literal["center", "justify", "left", "right", "any"]


@attrs.frozen
class Spec:
    """How one component is set (a row of ``the_thuc.tsv``).

    Attributes:
        component: vnadmin's id (``"national_title"``, ``"issuer"`` …).
        name_vi, name_en: the component's name in messages.
        min_pt, max_pt: the font size range in points (both ends pass).
        bold, italic: ``"yes"`` required, ``"no"`` not allowed, ``"any"`` not checked.
        case: ``"upper"`` (chữ in hoa) or ``"any"``.
        align: the paragraph alignment prescribed, or ``"any"``.
        article: where Phụ lục I says it.
        types: the document types it applies to (empty: every type).
        box: the ô số of Phụ lục I, Phần I, mục IV where it is laid out (``"1"``,
            ``"5a"``, ``"7b"`` …; empty for none).
    """

    component: str
    name_vi: str
    name_en: str
    min_pt: float
    max_pt: float
    bold: Requirement
    italic: Requirement
    case: Case
    align: Align
    article: str
    types: tuple[str, ...] = ()
    box: str = ""

    def accepts_size(self, size: float) -> bool:
        """Whether ``size`` (points) is in the prescribed range."""
        return self.min_pt - 1e-6 <= size <= self.max_pt + 1e-6

    @property
    def sizes(self) -> str:
        """The range as the decree writes it (``"12–13"``, ``"14"``)."""
        low, high = _num(self.min_pt), _num(self.max_pt)
        return low if low == high else f"{low}–{high}"


@attrs.frozen
class Measure:
    """A page or spacing measure (a row of ``the_thuc_measures.tsv``); ``high`` is
    ``None`` when there is no upper bound."""

    name: str
    low: float
    high: float | None
    unit: str
    article: str


@attrs.frozen
class FontRule:
    """A row of ``the_thuc_fonts.tsv``: the required font, or a legacy font family."""

    kind: Literal["required", "legacy"]
    name: str
    encoding: str


def _num(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _req(value: str) -> Requirement:
    if value not in ("yes", "no", "any"):
        raise ValueError(f"bad requirement {value!r} in the_thuc.tsv")
    return value  # type: ignore[return-value]


@functools.cache
def specs() -> dict[str, Spec]:
    """The components of Phụ lục I's table, by id."""
    out: dict[str, Spec] = {}
    for row in read_table("the_thuc.tsv"):
        out[row["component"]] = Spec(
            row["component"],
            row["name_vi"],
            row["name_en"],
            float(row["min_pt"]),
            float(row["max_pt"]),
            _req(row["bold"]),
            _req(row["italic"]),
            "upper" if row["case"] == "upper" else "any",
            row["align"],  # type: ignore[arg-type]
            row["article"],
            tuple(t for t in row["types"].split("|") if t),
            row["box"],
        )
    return out


def spec(component: str) -> Spec:
    """The row of ``component`` (``KeyError`` for an unknown id)."""
    return specs()[component]


@functools.cache
def measures() -> dict[str, Measure]:
    """The page and spacing measures, by name."""
    return {
        row["measure"]: Measure(
            row["measure"],
            float(row["low"]),
            float(row["high"]) if row["high"] else None,
            row["unit"],
            row["article"],
        )
        for row in read_table("the_thuc_measures.tsv")
    }


def measure(name: str) -> Measure:
    """The measure ``name`` (``KeyError`` for an unknown one)."""
    return measures()[name]


@functools.cache
def fonts() -> tuple[FontRule, ...]:
    """The required font and the legacy font families, in table order."""
    return tuple(
        FontRule("legacy" if row["kind"] == "legacy" else "required", row["name"], row["encoding"])
        for row in read_table("the_thuc_fonts.tsv")
    )


# -- what a .docx says -------------------------------------------------------------------


@attrs.frozen
class RunFormat:
    """The effective formatting of one run (direct formatting over the character style
    over the paragraph style chain over the document defaults).

    Attributes:
        start, end: the run's text in its paragraph's text (:attr:`ParagraphFormat.text`).
        index: the run's 0-based ordinal among the paragraph's runs with visible text
            (runs of blanks only are left out).
        font: the Latin font name (``None`` when nothing sets one).
        size: in points (``None`` when nothing sets one).
        bold, italic, caps, underline: toggles (``caps``: shown in capitals).
    """

    start: int
    end: int
    index: int
    font: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    underline: bool = False


@attrs.frozen
class ParagraphFormat:
    """The effective formatting of one paragraph, numbered as the reader numbers blocks
    (:attr:`vnadmin.reader.model.Location.paragraph`).

    Attributes:
        index: the paragraph's index (body order, then page headers, then footers).
        kind: ``"paragraph"``, ``"cell"``, ``"textbox"``, ``"header"``, ``"footer"``.
        table, row, column: the cell coordinates, as the reader gives them.
        text: the paragraph's text (as the reader reads it).
        runs: the runs with visible text.
        align: ``"left"``, ``"center"``, ``"right"``, ``"justify"`` (``w:jc``; ``"left"``
            when nothing sets it).
        line: line spacing in lines (``lineRule="auto"``), ``None`` when nothing sets it.
        line_pt: exact or at-least line spacing in points, ``None`` otherwise.
        before, after: spacing before and after, in points.
        first_line: first-line indent in cm (negative: hanging).
        left: left indent in cm.
        rule: whether a rule is drawn with it (a line shape, a bottom border, a line of
            underscores, an underlined text).
        page_field: whether it holds a ``PAGE`` field.
    """

    index: int
    kind: str
    table: int | None
    row: int | None
    column: int | None
    text: str
    runs: tuple[RunFormat, ...] = ()
    align: str = "left"
    line: float | None = None
    line_pt: float | None = None
    before: float = 0.0
    after: float = 0.0
    first_line: float = 0.0
    left: float = 0.0
    rule: bool = False
    page_field: bool = False


@attrs.frozen
class SectionFormat:
    """A section's page setup (``w:sectPr``), sizes in mm.

    Attributes:
        index: 0-based section number.
        width, height: the page size.
        landscape: ``w:orient="landscape"`` or wider than high.
        top, bottom, left, right: the margins (``None`` when not set).
        title_page: a different first page (``w:titlePg``): page 1 gets its own header.
        headers: the paragraph indexes of the section's default (odd-page) header.
        first_headers: those of its first-page header.
        footers: those of its footers.
    """

    index: int
    width: float | None
    height: float | None
    landscape: bool
    top: float | None
    bottom: float | None
    left: float | None
    right: float | None
    title_page: bool = False
    headers: tuple[int, ...] = ()
    first_headers: tuple[int, ...] = ()
    footers: tuple[int, ...] = ()


@attrs.frozen
class DocxFormat:
    """What a ``.docx`` says about its formatting: every paragraph and section.

    Attributes:
        paragraphs: by index (as :attr:`ParagraphFormat.index`).
        sections: in order.
        pages: the page count Word last saved (``docProps/app.xml``), ``None`` if absent.
    """

    paragraphs: tuple[ParagraphFormat, ...] = ()
    sections: tuple[SectionFormat, ...] = ()
    pages: int | None = None
