"""The :class:`DocumentCode` value (số, ký hiệu) and its families."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from vnadmin.findings import Repair
from vnadmin.registry import DocumentType

__all__ = ["CodeFamily", "DocumentCode"]


class CodeFamily(enum.Enum):
    """The shape of a code, which decides how it is read and written.

    ======================  ===============================  =========================
    family                  shape                            example
    ======================  ===============================  =========================
    ``ADMINISTRATIVE``      ``NN/TYPE-ISSUER[-UNIT]``         ``05/QĐ-UBND``
    ``CONG_VAN``            ``NN/ISSUER-UNIT``                ``1302/UBDT-DTTS``
    ``NORMATIVE``           ``NN/YYYY/TYPE-ISSUER``           ``30/2020/NĐ-CP``
    ``NATIONAL_ASSEMBLY``   ``NN/YYYY/QHkk`` (khóa ``kk``)    ``80/2015/QH13``
    ``JOINT``               ``NN/YYYY/TTLT-A-B``              ``01/2016/TTLT-BTC-BCT``
    ``COPY``                ``NN/SY-ISSUER``                  ``05/SY-UBND``
    ``PARTY``               ``NN-TYPE/ISSUER``                ``35-CT/TW``
    ``LEGACY``              older forms                       ``299/TTg``, ``52-CP``
    ``UNNUMBERED``          ``Không số``                      ``Không số``
    ======================  ===============================  =========================
    """

    ADMINISTRATIVE = "administrative"
    CONG_VAN = "cong_van"
    NORMATIVE = "normative"
    NATIONAL_ASSEMBLY = "national_assembly"
    JOINT = "joint"
    COPY = "copy"
    PARTY = "party"
    LEGACY = "legacy"
    UNNUMBERED = "unnumbered"


@attrs.frozen(repr=False, weakref_slot=False)
class DocumentCode:
    """A parsed document code (số, ký hiệu).

    Build one with :func:`vnadmin.parse_code`. Equality and hashing use the
    meaning (number, year, type, issuers, units, family …), not how the code
    was written: ``source``, ``span``, ``number_text`` and ``repairs`` are
    kept for provenance only. Frozen, hashable, picklable and slotted (no
    ``__dict__``, no weak references): ~150 B, plus its own number and source.

    Attributes:
        number: the running number (``None`` when not yet assigned).
        suffix: a letter written after the number (the ``c`` of ``30c``).
        year: the year segment of normative and National Assembly codes.
        type_abbr: the type abbreviation as canonicalised (``"QĐ"``), or ``None``.
        doc_type: the registry entry for ``type_abbr`` in this family, if known.
        issuers: the issuing bodies (several for joint codes), as written
            (``"TTg"`` stays ``"TTg"``).
        units: the drafting unit of a công văn, or sub-units after the issuer.
        family: :class:`CodeFamily`.
        term: the khóa of the National Assembly for ``QHkk``/``UBTVQHkk``.
        separator: ``"/"`` after the number (state style) or ``"-"`` (Party and
            older styles).
        type_after_slash: older codes written issuer first (``106-TĐC/QĐ``).
        source: the exact text of the code in the caller's string.
        span: ``(start, end)`` of ``source`` in the caller's string.
        number_text: the digits as written (``"5"``, ``"005"``).
        repairs: every change made to read the code.
    """

    number: int | None
    family: CodeFamily
    suffix: str = ""
    year: int | None = None
    type_abbr: str | None = None
    doc_type: DocumentType | None = None
    issuers: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    term: int | None = None
    separator: str = "/"
    type_after_slash: bool = False
    source: str = attrs.field(default="", eq=False)
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    number_text: str = attrs.field(default="", eq=False)
    repairs: tuple[Repair, ...] = attrs.field(default=(), eq=False)

    # -- derived views -------------------------------------------------------------

    @property
    def is_unnumbered(self) -> bool:
        """True when no number has been assigned (``Số: /QĐ-UBND``, ``Không số``)."""
        return self.number is None

    @property
    def issuer(self) -> str | None:
        """The (first) issuer code, or ``None``."""
        return self.issuers[0] if self.issuers else None

    @property
    def unit(self) -> str | None:
        """The drafting unit of a công văn (first unit), or ``None``."""
        return self.units[0] if self.units else None

    @property
    def number_part(self) -> str:
        """The number as written canonically (``"05"``, ``"1249a"``, ``""``)."""
        if self.number is None:
            return ""
        return f"{self.number:02d}{self.suffix}"

    @property
    def symbol(self) -> str:
        """The ký hiệu: everything after the number (and year)."""
        if self.family is CodeFamily.UNNUMBERED:
            return ""
        head = [self.type_abbr] if self.type_abbr else []
        if self.separator == "-" and self.type_abbr and self.type_after_slash:
            return f"{'-'.join(self.issuers)}/{self.type_abbr}"
        if self.separator == "-" and self.type_abbr:
            left = "-".join([*head, *self.units])
            return f"{left}/{'-'.join(self.issuers)}" if self.issuers else left
        return "-".join([*head, *self.issuers, *self.units])

    def compact(self) -> str:
        """Like :meth:`__str__` but the number keeps the digits as written."""
        return self._render(self.number_text or self.number_part)

    def _render(self, number: str) -> str:
        if self.family is CodeFamily.UNNUMBERED:
            return "Không số"
        if self.number is not None and self.suffix and not number.endswith(self.suffix):
            number += self.suffix
        if self.separator == "-":
            return f"{number}-{self.symbol}"
        year = f"{self.year}/" if self.year is not None else ""
        return f"{number}/{year}{self.symbol}"

    def __str__(self) -> str:
        return self._render(self.number_part)

    def __repr__(self) -> str:
        return f"DocumentCode({str(self)!r}, family={self.family.name})"


# --- building many codes fast ---------------------------------------------------------
#
# The parsers make a great many codes from values they have already checked: the
# reading of a ký hiệu (its *shape*: every field but the number and the provenance) is
# memoised, and a code is that shape plus a number. attrs' generated ``__init__`` of a
# frozen slotted class sets each of the 15 fields through ``object.__setattr__``
# (~0.75 µs, more than the rest of a memoised parse). Instead the fields are stored on a
# plain twin class with the very same slots, whose instance then becomes a DocumentCode
# (``__class__`` assignment between classes of one layout): ~0.15 µs. Only
# :func:`from_shape` does this, and only before the instance is handed out.

#: The fields a shape holds, in order (``repairs`` relative to the start of the tail).
SHAPE_FIELDS = (
    "family",
    "suffix",
    "year",
    "type_abbr",
    "doc_type",
    "issuers",
    "units",
    "term",
    "separator",
    "type_after_slash",
    "repairs",
)
Shape = tuple[Any, ...]


class Draft:
    """A mutable twin of :class:`DocumentCode` (the same slots), to fill before it becomes one."""

    __slots__ = DocumentCode.__slots__  # type: ignore[attr-defined]


def shape_of(code: DocumentCode) -> Shape:
    """The :data:`SHAPE_FIELDS` values of ``code``, as a template for :func:`from_shape`."""
    return tuple(getattr(code, name) for name in SHAPE_FIELDS)


def _from_shape_init(
    shape: Shape,
    number: int | None,
    number_text: str,
    source: str,
    span: tuple[int, int],
    repairs: tuple[Repair, ...],
) -> DocumentCode:
    fields = dict(zip(SHAPE_FIELDS, shape, strict=True))
    fields.update(number=number, number_text=number_text, source=source, span=span)
    fields["repairs"] = repairs
    return DocumentCode(**fields)


def _from_shape_draft(
    shape: Shape,
    number: int | None,
    number_text: str,
    source: str,
    span: tuple[int, int],
    repairs: tuple[Repair, ...],
) -> DocumentCode:
    d: Any = _new(Draft)
    (
        d.family,
        d.suffix,
        d.year,
        d.type_abbr,
        d.doc_type,
        d.issuers,
        d.units,
        d.term,
        d.separator,
        d.type_after_slash,
        _,
    ) = shape
    d.number = number
    d.number_text = number_text
    d.source = source
    d.span = span
    d.repairs = repairs
    d.__class__ = DocumentCode
    code: DocumentCode = d
    return code


_new = object.__new__


def _draft_works() -> bool:
    """Whether this interpreter allows the ``__class__`` switch (CPython does)."""
    try:
        probe = _from_shape_draft(
            (CodeFamily.LEGACY, "", None, None, None, (), (), None, "/", False, ()),
            1,
            "1",
            "",
            (0, 0),
            (),
        )
    except TypeError:  # pragma: no cover - another layout rule
        return False
    return type(probe) is DocumentCode and probe == DocumentCode(1, CodeFamily.LEGACY)


#: Whether a :class:`Draft` may become a :class:`DocumentCode` here.
DRAFTS = _draft_works()
#: A new :class:`DocumentCode` from a shape, a number and its provenance.
from_shape = _from_shape_draft if DRAFTS else _from_shape_init
