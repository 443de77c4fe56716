"""A document to be written: its parts, typed (:class:`Draft`).

:func:`vnadmin.render_docx` lays a :class:`Draft` (or a parsed :class:`~vnadmin.Document`,
through :meth:`Draft.from_document`) out as NĐ 30/2020/NĐ-CP, Phụ lục I prescribes.

>>> import datetime as dt
>>> from vnadmin.dates import format_place_date
>>> d = Draft(issuer="BỘ TƯ PHÁP", code="5/qđ-btp", type_name="Quyết định",
...           place_date=format_place_date("Hà Nội", dt.date(2025, 1, 3)),
...           summary="Về việc tổ chức hội nghị", body=("Điều 1. Tổ chức hội nghị.",))
>>> str(d.code), d.is_cong_van
('05/QĐ-BTP', False)
"""

from __future__ import annotations

import attrs

from vnadmin.codes.model import DocumentCode
from vnadmin.codes.parser import parse_code
from vnadmin.document import Document, Secrecy, Urgency
from vnadmin.recipients import RecipientList
from vnadmin.signatures import SignatureBlock

__all__ = ["Draft"]


def _code(value: DocumentCode | str | None) -> DocumentCode | None:
    if value is None or isinstance(value, DocumentCode):
        return value
    return parse_code(value)


def _strs(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(value)


def _blocks(value: tuple[SignatureBlock, ...] | list[SignatureBlock]) -> tuple[SignatureBlock, ...]:
    return tuple(value)


def _lines(value: tuple[str, ...] | list[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split("\n")
    return tuple(line.strip() for line in value if line.strip())


@attrs.frozen
class Draft:
    """The typed parts of a document in the order of NĐ 30, Điều 8.

    Attributes:
        issuer: the issuing body (ô 2), in capitals (``"BỘ TƯ PHÁP"``).
        issuer_parents: superior bodies printed above it (not bold).
        national_title: whether the Quốc hiệu and Tiêu ngữ are printed (ô 1).
        code: the số, ký hiệu (ô 3; a string is read with :func:`vnadmin.parse_code`);
            ``None`` prints ``Số:`` followed by ``blank_symbol`` (a draft not yet numbered).
        blank_symbol: the ký hiệu of a draft with its number left blank (``"/QĐ-UBND"``).
        place_date: the place-and-date line (ô 4), e.g. from
            :func:`vnadmin.format_place_date`.
        type_name: the type (ô 5a), ``"Công văn"`` or ``None`` for a công văn.
        summary: the trích yếu (ô 5a, or after ``V/v`` for a công văn, ô 5b).
        urgency, secrecy: the stamps (ô 10b, 10a).
        addressees: the Kính gửi list (ô 9a).
        body: the paragraphs of the content (ô 6), in order.
        signatures: the signature blocks (ô 7).
        recipients: the Nơi nhận list (ô 9b).
    """

    issuer: str | None = None
    issuer_parents: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    national_title: bool = True
    code: DocumentCode | None = attrs.field(default=None, converter=_code)
    blank_symbol: str | None = None
    place_date: str | None = None
    type_name: str | None = None
    summary: str | None = None
    urgency: Urgency | None = None
    secrecy: Secrecy | None = None
    addressees: RecipientList | None = None
    body: tuple[str, ...] = attrs.field(default=(), converter=_lines)
    signatures: tuple[SignatureBlock, ...] = attrs.field(default=(), converter=_blocks)
    recipients: RecipientList | None = None

    @property
    def is_cong_van(self) -> bool:
        """A công văn: no type name, the trích yếu after ``V/v`` (NĐ 30, Phụ lục I, II.5.b)."""
        return self.type_name is None or self.type_name == "Công văn"

    @classmethod
    def from_document(cls, doc: Document) -> Draft:
        """The parts of a parsed document (its body split into its lines)."""
        from vnadmin.dates import format_place_date

        blank = None
        if doc.code is None and doc.blank_code is not None:
            blank = str(doc.blank_code)
        return cls(
            issuer=doc.issuer,
            issuer_parents=doc.issuer_parents,
            national_title=doc.national_title,
            code=doc.code,
            blank_symbol=blank,
            place_date=None if doc.place_date is None else format_place_date(doc.place_date),
            type_name=doc.type_name,
            summary=doc.summary,
            urgency=doc.urgency,
            secrecy=doc.secrecy,
            addressees=doc.addressees,
            body=_body(doc),
            signatures=doc.signatures,
            recipients=doc.recipients,
        )


def _body(doc: Document) -> str:
    """The body's text without the Kính gửi list read inside it."""
    if doc.body is None:
        return ""
    a, b = doc.body.span
    kg = doc.addressees
    if kg is not None and a <= kg.span[0] < b:
        return doc.text[a : kg.span[0]] + "\n" + doc.text[min(b, kg.span[1]) : b]
    return doc.body.text
