"""Writing signature blocks in NĐ 30 layout (Phụ lục I, II.7): :func:`format_signature`."""

from __future__ import annotations

from vnadmin.signatures.model import SignatureBlock

__all__ = ["format_signature"]


def format_signature(block: SignatureBlock) -> str:
    """Write ``block`` in NĐ 30 layout: one element per line, a blank line, the name.

    ``parse_signature(format_signature(b)) == b`` for every block.

    >>> from vnadmin.signatures import parse_signature
    >>> print(format_signature(parse_signature("TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Tấn Dũng")))
    TM. CHÍNH PHỦ
    THỦ TƯỚNG
    <BLANKLINE>
    Nguyễn Tấn Dũng
    """
    lines = list(block.title_lines())
    lines.append("")
    lines.extend(block.notes)
    if block.signer_name:
        lines.append(" ".join([*block.honours, block.signer_name]))
    return "\n".join(lines).strip("\n")
