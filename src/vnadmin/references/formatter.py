"""Writing a reference in its canonical form: :func:`format`."""

from __future__ import annotations

import datetime as dt

from vnadmin.references.model import Reference
from vnadmin.text import Source

__all__ = ["format"]


def _date(day: dt.date) -> str:
    """``DD/M/YYYY`` with the NĐ 30 zeros (Phụ lục I, II.4: a day below 10 and the months
    1 and 2 take a leading zero), as documents cite one another (``ngày 03/4/2018``)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def format(reference: Reference | Source) -> str:
    """The canonical mention (NĐ 30, Phụ lục I, II.6): ``<type> số <code> ngày <date> của
    <issuer>``, each part present when the reference has it; the code in its canonical
    form, the type and the issuer as written. ``parse(format(r)) == r``.

    >>> import vnadmin.references as refs
    >>> format(refs.parse("Quyết định số số 1656/ QĐ-UBND ngày 20/7/2025"))
    'Quyết định số 1656/QĐ-UBND ngày 20/7/2025'
    >>> format("Chỉ thị số 35-CT/TW ngày 5/1/2024 của Ban Bí thư")
    'Chỉ thị số 35-CT/TW ngày 05/01/2024 của Ban Bí thư'
    """
    if not isinstance(reference, Reference):
        from vnadmin.references.parser import parse

        reference = parse(reference)
    text = str(reference.code)
    if reference.type_name:
        text = f"{reference.type_name} số {text}"
    if reference.date is not None:
        text += f" ngày {_date(reference.date)}"
    if reference.issuer_text:
        text += f" của {reference.issuer_text}"
    return text
