"""References to other documents, with the same verbs as every concept.

============================  ===============================================================
verb                          what it does
============================  ===============================================================
``find(source)``              every full mention in running text, a sorted tuple with spans
``parse(text)``               exactly one mention; raises :class:`~vnadmin.ParseError`
``format(ref)``               the canonical mention; ``parse(format(r)) == r``
``check(ref, issued=…)``      findings X101, X102 (NĐ 30, Phụ lục I, II.6)
``validate(ref, issued=…)``   ``ref``, or raises :class:`~vnadmin.ValidationError`
``is_valid(ref_or_text)``     ``True``/``False``, never raises
``resolve_references``        short mentions (``Quyết định này``) resolved to full ones
============================  ===============================================================

>>> from vnadmin import references
>>> r = references.parse("Quyết định số số 1656/QĐ-UBND ngày 20/7/2025 của UBND tỉnh")
>>> references.format(r)
'Quyết định số 1656/QĐ-UBND ngày 20/7/2025 của UBND tỉnh'
>>> [str(x.code) for x in references.find("theo Quyết định số 01/QĐ-UBND và 02/QĐ-UBND")]
['01/QĐ-UBND', '02/QĐ-UBND']
>>> references.check(references.parse("Quyết định số 1302/UBDT-DTTS"))[0].rule
'X101'
"""

from __future__ import annotations

from vnadmin.references.finder import find, resolve_references
from vnadmin.references.formatter import format
from vnadmin.references.model import Reference, ShortReference
from vnadmin.references.parser import parse
from vnadmin.references.rules import check, is_valid, validate

__all__ = [
    "Reference",
    "ShortReference",
    "check",
    "find",
    "find_references",
    "format",
    "format_reference",
    "is_valid",
    "parse",
    "parse_reference",
    "resolve_references",
    "validate",
]

#: Top-level names (``vnadmin.find_references`` …).
find_references = find
parse_reference = parse
format_reference = format
