"""Signature blocks: quyền hạn, chức vụ and họ tên of the signer.

A signature block (NĐ 30/2020/NĐ-CP, Điều 13 and Phụ lục I, II.7; ô 7a–7c)
is a chain of signing authorities (``TM.``, ``KT.``, ``TL.``, ``TUQ.``,
``Q.``), each followed by its principal's title, then the signer's own title,
any further posts the signer holds, and the name::

    TL. CHỦ TỊCH
    KT. CHÁNH VĂN PHÒNG
    PHÓ CHÁNH VĂN PHÒNG

    Vũ Quang Khánh

:func:`parse_signature` reads one block in any real layout (one element per
line, or flattened on one line as crawled pages show it):

>>> b = parse_signature("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Chiến")
>>> [a.mode.name for a in b.chain], b.signer_title, b.signer_name
(['TM', 'KT'], 'PHÓ CHỦ TỊCH', 'Trần Văn Chiến')
>>> b.describe()
'Phó Chủ tịch ký thay Chủ tịch, thay mặt Ủy ban nhân dân'
>>> print(format_signature(b))
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
<BLANKLINE>
Trần Văn Chiến

Party documents write the marks with a slash and no period (``T/M``, ``K/T``,
``T/L``; Hướng dẫn 36-HD/VPTW): they are read as a Party style, not an error.

Hostile input: every function reads its text in time linear in its length (marks,
honours, capitals, brackets, dashes and blank runs of any length; tested by counting work
on adversarial families and at 1 MB), and only :class:`~vnadmin.VnAdminError` escapes;
:func:`find_signatures` and :func:`is_valid` never raise.

The package offers the same verbs as every concept of vnadmin: :func:`parse`,
:func:`find`, :func:`format`, :func:`check`, :func:`validate`, :func:`is_valid`
(and the long names ``parse_signature`` … kept for the top-level namespace).
Modules: :mod:`~vnadmin.signatures.model` (values), :mod:`~vnadmin.signatures.parser`,
:mod:`~vnadmin.signatures.finder`, :mod:`~vnadmin.signatures.formatter`,
:mod:`~vnadmin.signatures.rules`, :mod:`~vnadmin.signatures.titles` (the title tables);
the layout knowledge shared with :mod:`vnadmin.recipients` is in :mod:`vnadmin.layout`.
"""

from __future__ import annotations

from vnadmin.signatures.finder import find_signatures
from vnadmin.signatures.formatter import format_signature
from vnadmin.signatures.model import Authority, SignatureBlock, SigningMode
from vnadmin.signatures.parser import parse_signature, parse_signatures
from vnadmin.signatures.rules import (
    check_signature,
    is_valid,
    is_valid_signature,
    validate_signature,
)

__all__ = [
    "Authority",
    "SignatureBlock",
    "SigningMode",
    "check",
    "check_signature",
    "find",
    "find_signatures",
    "format",
    "format_signature",
    "is_valid",
    "is_valid_signature",
    "parse",
    "parse_signature",
    "parse_signatures",
    "validate",
    "validate_signature",
]

#: :func:`parse_signature`: one block, raises :class:`~vnadmin.ParseError`.
parse = parse_signature
#: :func:`find_signatures`: every block of a document, a tuple sorted by position.
find = find_signatures
#: :func:`format_signature`: the canonical layout, ``parse(format(b)) == b``.
format = format_signature
#: :func:`check_signature`: a block in, a tuple of findings out.
check = check_signature
#: :func:`validate_signature`: the block, or :class:`~vnadmin.ValidationError`.
validate = validate_signature
