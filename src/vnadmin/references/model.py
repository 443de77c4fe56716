"""The values of references: :class:`Reference` (a full mention of another document) and
:class:`ShortReference` (``Quyết định này``, ``Kế hoạch nêu trên``, ``Công văn số 1302``).

Equality and hashing use the meaning (code, type, date, issuer …), as for
:class:`~vnadmin.DocumentCode`; the spans and the source slice are provenance only, so a
reference read back from its canonical text (:func:`vnadmin.references.format`) equals the
one it was written from.
"""

from __future__ import annotations

import datetime as dt

import attrs

from vnadmin.codes.model import CodeFamily, DocumentCode

__all__ = ["Reference", "ShortReference"]

_LAW_WORDS = frozenset({"luật", "bộ luật", "hiến pháp", "pháp lệnh"})


@attrs.frozen
class Reference:
    """A mention of another document.

    NĐ 30, Phụ lục I, II.6: a document is cited by its type, number and symbol, date and
    issuer.

    Attributes:
        code: the document code referred to.
        type_name: the type named in the text (``"Quyết định"``), as written, or ``None``.
        date: the date written right after the code, if any.
        issuer_text: the issuer named after ``của``/``do``, as written, if any.
        code_span: offsets of the code in the caller's string.
        span: offsets of the whole mention (type word … issuer) in the caller's string.
        text: the caller's text at ``span`` (only this slice, never the whole text).
        type_span: offsets of the type word, when there is one in the mention.
        date_span: offsets of the date (a leading ``ngày`` included), when there is one.
        issuer_span: offsets of the issuer, when there is one.

    Only ``code``, ``type_name``, ``date`` and ``issuer_text`` take part in equality.
    """

    code: DocumentCode
    type_name: str | None
    date: dt.date | None
    issuer_text: str | None
    code_span: tuple[int, int] = attrs.field(eq=False)
    span: tuple[int, int] = attrs.field(eq=False)
    text: str = attrs.field(eq=False)
    type_span: tuple[int, int] | None = attrs.field(eq=False, default=None)
    date_span: tuple[int, int] | None = attrs.field(eq=False, default=None)
    issuer_span: tuple[int, int] | None = attrs.field(eq=False, default=None)

    @property
    def type_mismatch(self) -> bool:
        """True when the type named in the text contradicts the code's type
        (``Quyết định số 1302/UBDT-DTTS`` names a decision but the code is a công văn)."""
        named = (self.type_name or "").lower()
        if not named or named == "văn bản" or self.code.family is CodeFamily.LEGACY:
            return False
        if self.code.family is CodeFamily.CONG_VAN:
            return named != "công văn"
        if self.code.doc_type is None:
            return False
        return named != self.code.doc_type.name.lower() and not (
            named in _LAW_WORDS and self.code.family is CodeFamily.NATIONAL_ASSEMBLY
        )


@attrs.frozen
class ShortReference:
    """A short mention: ``Quyết định này``, ``Kế hoạch nêu trên``, ``Công văn số 1302``.

    ``target`` is the full :class:`Reference` it resolves to (``None`` if it cannot
    be resolved); ``is_self`` is true for ``… này`` (the document itself). ``span`` and
    ``text`` are the caller's string and its slice; ``type_span`` the type word's offsets.
    """

    type_name: str
    span: tuple[int, int]
    text: str
    number: int | None = None
    is_self: bool = False
    target: Reference | None = None
    type_span: tuple[int, int] | None = None
