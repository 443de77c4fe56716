"""Writing document codes: :func:`format` (canonical) and :func:`compact` (as written,
noise removed). The canonical form is NĐ 30/2020/NĐ-CP, Phụ lục I, II.3: a leading zero
below 10, no spaces, ``/`` and ``-`` in their places; Party codes follow Hướng dẫn
36-HD/VPTW (``Số 35-CT/TW``)."""

from __future__ import annotations

from vnadmin.codes.model import CodeFamily, DocumentCode
from vnadmin.codes.parser import parse_code
from vnadmin.registry import Registry

__all__ = ["compact", "format"]


def _coerce(code: str | DocumentCode, registry: Registry | None) -> DocumentCode:
    return code if isinstance(code, DocumentCode) else parse_code(code, registry=registry)


def compact(code: str | DocumentCode, *, registry: Registry | None = None) -> str:
    """The code with the noise removed (spaces, look-alikes, dashes, case,
    lost hyphens), keeping the number's digits as written. Idempotent.

    >>> compact("Số: 5 /qđ- ubnd")
    '5/QĐ-UBND'
    """
    return _coerce(code, registry).compact()


def format(
    code: str | DocumentCode, *, prefix: bool = False, registry: Registry | None = None
) -> str:
    """The canonical form (NĐ 30, Phụ lục I, II.3): leading zero below 10, no
    spaces, ``/`` and ``-`` in their places. ``prefix=True`` adds ``Số:``
    (``Số`` without a colon for Party codes, Hướng dẫn 36-HD/VPTW).

    >>> format("5/qđ-ubnd", prefix=True), format("35- CT/TW", prefix=True)
    ('Số: 05/QĐ-UBND', 'Số 35-CT/TW')
    """
    c = _coerce(code, registry)
    text = str(c)
    if prefix and c.family is not CodeFamily.UNNUMBERED:
        return ("Số " if c.family is CodeFamily.PARTY else "Số: ") + text
    return text
