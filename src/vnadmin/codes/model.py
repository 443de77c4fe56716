"""The :class:`DocumentCode` value (số, ký hiệu) and its families."""

from __future__ import annotations

import enum

import attrs

from vnadmin.findings import Repair
from vnadmin.registry import DocumentType

__all__ = ["CodeFamily", "DocumentCode"]

_new = object.__new__


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


@attrs.frozen(repr=False, slots=False)
class DocumentCode:
    """A parsed document code (số, ký hiệu).

    Build one with :func:`vnadmin.parse_code`. Equality and hashing use the
    meaning (number, year, type, issuers, units, family …), not how the code
    was written: ``source``, ``span``, ``number_text`` and ``repairs`` are
    kept for provenance only.

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


# DocumentCode is a frozen attrs *dict* class: the parsers, which make a great many of them
# from values they have already checked, fill a fresh instance's ``__dict__`` directly
# (attrs' generated ``__init__`` costs more than the rest of a fast-path parse). Nothing
# else may do this, and only before the instance is handed out.


def code_fields(code: DocumentCode) -> dict[str, object]:
    """A copy of ``code``'s field values, to serve as a template for :func:`make_code`."""
    return dict(code.__dict__)


def make_code(template: dict[str, object], **fields: object) -> DocumentCode:
    """A new :class:`DocumentCode` with ``template``'s values and then ``fields``."""
    code: DocumentCode = _new(DocumentCode)
    d = code.__dict__
    d.update(template)
    d.update(fields)
    return code
