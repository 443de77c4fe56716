"""The rules of references: X101 (the type named contradicts the code) and X102 (the
document cited is dated after the one citing it), NĐ 30, Phụ lục I, II.6."""

from __future__ import annotations

import datetime as dt

from vnadmin.errors import ValidationError, VnAdminError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.references.model import Reference
from vnadmin.references.parser import parse
from vnadmin.text import Source

__all__ = ["check", "is_valid", "validate"]

X101 = rule("X101")
X102 = rule("X102")


def _coerce(reference: Reference | Source) -> Reference:
    return reference if isinstance(reference, Reference) else parse(reference)


def check(reference: Reference | Source, *, issued: dt.date | None = None) -> tuple[Finding, ...]:
    """Every deviation of ``reference`` from the rules (never raises on a
    :class:`Reference`; a string is read with :func:`parse`, which may raise).

    ``issued`` is the date of the document that makes the reference (for X102). The
    findings' spans are the mention's span.

    >>> import datetime as dt
    >>> [f.rule for f in check("Quyết định số 1302/UBDT-DTTS ngày 10/01/2024",
    ...                        issued=dt.date(2024, 1, 5))]
    ['X101', 'X102']
    """
    ref = _coerce(reference)
    out: list[Finding] = []
    if ref.type_mismatch:
        out.append(X101.finding(ref.span, name=ref.type_name, code=str(ref.code)))
    if issued is not None and ref.date is not None and ref.date > issued:
        out.append(
            X102.finding(
                ref.span,
                code=str(ref.code),
                ref_date=ref.date.strftime("%d/%m/%Y"),
                date=issued.strftime("%d/%m/%Y"),
            )
        )
    return tuple(out)


def validate(reference: Reference | Source, *, issued: dt.date | None = None) -> Reference:
    """``reference`` when no finding of :func:`check` is an error; else raises
    :class:`~vnadmin.ValidationError` carrying every finding (a string that cannot be read
    raises :class:`~vnadmin.ParseError`)."""
    ref = _coerce(reference)
    findings = check(ref, issued=issued)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return ref


def is_valid(reference: object, *, issued: dt.date | None = None) -> bool:
    """Whether ``reference`` (a :class:`Reference` or the text of one) is read and breaks
    no error rule. Never raises.

    >>> import datetime as dt
    >>> is_valid("Quyết định số 12/QĐ-UBND ngày 02/01/2024", issued=dt.date(2024, 1, 5))
    True
    >>> is_valid("Quyết định số 12/QĐ-UBND ngày 10/01/2024", issued=dt.date(2024, 1, 5))
    False
    >>> is_valid("not a reference"), is_valid(None)
    (False, False)
    """
    if not isinstance(reference, (Reference, str)):
        return False
    try:
        validate(reference, issued=issued)
    except VnAdminError:
        return False
    return True
