"""Reading exactly one reference: :func:`parse`."""

from __future__ import annotations

from vnadmin.errors import ParseError
from vnadmin.references.finder import REACH, mentions
from vnadmin.references.model import Reference
from vnadmin.text import Source, read_one

__all__ = ["parse"]

_END_PUNCTUATION = ".,;"


def parse(text: Source) -> Reference:
    """Read ``text`` as exactly one mention of a document (NĐ 30, Phụ lục I, II.6:
    ``<type> số <code> ngày <date> của <issuer>``, every part but the code optional).

    Surrounding spaces and one final ``.``, ``,`` or ``;`` are allowed. Spans point into
    ``text``. Raises :class:`~vnadmin.ParseError` (``reason``: ``empty``,
    ``no_reference``, ``leading_text``, ``trailing_text``). The text is read only as far
    as a reference that starts it can reach before its code (its type phrase and ``số``:
    :data:`~vnadmin.references.finder.REACH` characters) and then to the reference's end,
    so a long text costs no more than its start: one whose first characters hold no
    reference is ``no_reference``, wherever a reference follows.

    >>> r = parse("Quyết định số 1656/QĐ-UBND ngày 20/7/2025 của UBND tỉnh Lạng Sơn")
    >>> r.type_name, str(r.code), r.date.isoformat(), r.issuer_text
    ('Quyết định', '1656/QĐ-UBND', '2025-07-20', 'UBND tỉnh Lạng Sơn')
    >>> parse("Căn cứ Quyết định số 1656/QĐ-UBND")
    Traceback (most recent call last):
    ...
    vnadmin.errors.ParseError: text before the reference (reason=leading_text, span=0:6, expected a type word or a code)
    """
    nt, a, b = read_one(text, "reference", "Quyết định số 1656/QĐ-UBND")
    s = nt.text
    original = nt.original
    if s[b - 1] in _END_PUNCTUATION:
        b = len(s[: b - 1].rstrip())
    if b <= a:
        raise ParseError(
            "empty reference",
            input=original,
            span=(0, len(original)),
            reason="empty",
            expected="a reference such as Quyết định số 1656/QĐ-UBND",
        )
    first = next(mentions(nt, before=a + REACH), None)
    if first is None:
        raise ParseError(
            "no reference to a document",
            input=original,
            span=nt.to_original(a, b),
            reason="no_reference",
            expected="a document code such as 1656/QĐ-UBND",
        )
    start = nt.from_original(first.span[0])
    if start > a:
        raise ParseError(
            "text before the reference",
            input=original,
            span=nt.to_original(a, len(s[:start].rstrip())),
            reason="leading_text",
            expected="a type word or a code",
        )
    end = nt.from_original(first.span[1])
    if end < b:
        raise ParseError(
            "text after the reference",
            input=original,
            span=nt.to_original(end, b),
            reason="trailing_text",
            expected="the end of the reference",
        )
    return first
