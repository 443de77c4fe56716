"""Recipient lists: ``Nơi nhận`` and ``Kính gửi`` (NĐ 30, Phụ lục I, II.9; ô 9a, 9b, 12).

``Kính gửi:`` names the bodies that act on a công văn, tờ trình or báo cáo;
``Nơi nhận:`` lists every recipient, one per line starting with ``-`` and
ending with ``;``, the last line being the archive entry ``- Lưu: VT, <unit>.``

>>> r = parse_recipients('''Nơi nhận:
... - Như trên;
... - Thủ tướng, PTTgTT (để b/c);
... - Văn phòng Chính phủ (02 bản);
... - Lưu: VT, KTTH(LC).''')
>>> [(e.text, e.purpose, e.copies) for e in r.entries]
[('Như trên', None, None), ('Thủ tướng, PTTgTT', 'để b/c', None), ('Văn phòng Chính phủ', None, 2)]
>>> r.archive
ArchiveNote(units=('VT', 'KTTH'), drafter='LC', copies=None)

Hostile input: every function reads its text in time linear in its length (notes in
brackets, nested or repeated, ``-`` and ``;`` runs, long ``Lưu:`` unit lists, blank runs
of any length; tested by counting work on adversarial families and at 1 MB), and only
:class:`~vnadmin.VnAdminError` escapes; :func:`find_recipients` and :func:`is_valid`
never raise. Copy counts are ASCII digits (``(02 bản)``; ``(０２ bản)`` stays in the text).

The package offers the same verbs as every concept of vnadmin: :func:`parse`,
:func:`find`, :func:`format`, :func:`check`, :func:`validate`, :func:`is_valid`
(and the long names ``parse_recipients`` … kept for the top-level namespace).
Modules: :mod:`~vnadmin.recipients.model`, :mod:`~vnadmin.recipients.parser`,
:mod:`~vnadmin.recipients.finder`, :mod:`~vnadmin.recipients.formatter`,
:mod:`~vnadmin.recipients.rules`; the layout knowledge shared with
:mod:`vnadmin.signatures` is in :mod:`vnadmin.layout`.
"""

from __future__ import annotations

from vnadmin.recipients.finder import find_recipients
from vnadmin.recipients.formatter import format_recipients
from vnadmin.recipients.model import ArchiveNote, RecipientEntry, RecipientKind, RecipientList
from vnadmin.recipients.parser import parse_recipients
from vnadmin.recipients.rules import (
    check_recipients,
    is_valid,
    is_valid_recipients,
    validate_recipients,
)

__all__ = [
    "ArchiveNote",
    "RecipientEntry",
    "RecipientKind",
    "RecipientList",
    "check",
    "check_recipients",
    "find",
    "find_recipients",
    "format",
    "format_recipients",
    "is_valid",
    "is_valid_recipients",
    "parse",
    "parse_recipients",
    "validate",
    "validate_recipients",
]

#: :func:`parse_recipients`: one list, raises :class:`~vnadmin.ParseError`.
parse = parse_recipients
#: :func:`find_recipients`: every list of a document, a tuple sorted by position.
find = find_recipients
#: :func:`format_recipients`: the canonical form, ``parse(format(r)) == r``.
format = format_recipients
#: :func:`check_recipients`: a list in, a tuple of findings out.
check = check_recipients
#: :func:`validate_recipients`: the list, or :class:`~vnadmin.ValidationError`.
validate = validate_recipients
