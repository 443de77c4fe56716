"""Document codes (số, ký hiệu): the same verbs as every other concept.

>>> from vnadmin import codes
>>> codes.parse("Số: 1656/QĐ-UBND")
DocumentCode('1656/QĐ-UBND', family=ADMINISTRATIVE)
>>> [str(c) for c in codes.find("theo Nghị định 30/2020/NĐ-CP và Công văn 1302/UBDT-DTTS")]
['30/2020/NĐ-CP', '1302/UBDT-DTTS']
>>> codes.compact(" 08 /2015/NÐ-CP ")
'08/2015/NĐ-CP'
>>> codes.format("5/qđ-ubnd")
'05/QĐ-UBND'
>>> codes.is_valid("30/2020/NĐ-CP"), codes.is_valid("5/QĐ-UBND")
(True, False)
>>> [f.rule for f in codes.check("5/2026/TT-BTNMT")]
['C101', 'C111']
>>> codes.validate("5/QĐ-UBND")
Traceback (most recent call last):
...
vnadmin.errors.ValidationError: Number below 10 written without a leading zero: 5 (should be 05).

Modules: :mod:`~vnadmin.codes.model` (the values), :mod:`~vnadmin.codes.parser`
(``parse``, ``scan_code``), :mod:`~vnadmin.codes.finder` (``find``),
:mod:`~vnadmin.codes.formatter` (``format``, ``compact``) and
:mod:`~vnadmin.codes.rules` (``check``, ``validate``, ``is_valid``; the ``C1xx``
rules, stable ids, each finding names its article).
"""

from __future__ import annotations

from vnadmin.codes.finder import find, find_codes
from vnadmin.codes.formatter import compact, format
from vnadmin.codes.model import CodeFamily, DocumentCode
from vnadmin.codes.parser import parse_code, scan_code
from vnadmin.codes.rules import check, is_valid, validate

__all__ = [
    "CodeFamily",
    "DocumentCode",
    "check",
    "compact",
    "find",
    "find_codes",
    "format",
    "is_valid",
    "parse",
    "parse_code",
    "scan_code",
    "validate",
]

#: One code, raising :class:`~vnadmin.ParseError` (the top-level name is ``parse_code``).
parse = parse_code
