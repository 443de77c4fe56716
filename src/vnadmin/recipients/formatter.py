"""Writing recipient lists in NĐ 30 form (Phụ lục I, II.9): :func:`format_recipients`."""

from __future__ import annotations

from vnadmin.recipients.model import RecipientEntry, RecipientKind, RecipientList

__all__ = ["format_recipients"]


def format_recipients(lst: RecipientList) -> str:
    """Write ``lst`` in NĐ 30 form (Phụ lục I, II.9); ``parse_recipients(format_recipients(r)) == r``.

    >>> from vnadmin.recipients import parse_recipients
    >>> r = parse_recipients("Nơi nhận: - Như trên; - VPCP (để b/c), - Lưu VT, TH.")
    >>> print(format_recipients(r))
    Nơi nhận:
    - Như trên;
    - VPCP (để b/c);
    - Lưu: VT, TH.
    >>> print(format_recipients(parse_recipients("Kính gửi: Bộ Nội vụ")))
    Kính gửi: Bộ Nội vụ.
    """
    header = f"{lst.kind.value}:"
    items = [_fmt_entry(e) for e in lst.entries]
    if lst.kind is RecipientKind.KINH_GUI and len(items) == 1 and lst.archive is None:
        return f"{header} {items[0]}."
    if lst.archive is not None:
        items.append(str(lst.archive)[:-1])
    lines = [header]
    for i, item in enumerate(items):
        lines.append(f"- {item}{'.' if i == len(items) - 1 else ';'}")
    return "\n".join(lines)


def _fmt_entry(e: RecipientEntry) -> str:
    out = e.text
    if e.copies is not None:
        out += f" ({e.copies:02d} bản)"
    if e.purpose is not None:
        out += f" ({e.purpose})"
    return out
