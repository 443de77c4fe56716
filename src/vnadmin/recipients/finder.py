"""Locating recipient lists in a whole document: :func:`find_recipients`
(NĐ 30/2020/NĐ-CP, Phụ lục I, II.9; ô 9a ``Kính gửi``, ô 9b ``Nơi nhận``)."""

from __future__ import annotations

from vnadmin.layout import find_headers
from vnadmin.recipients.model import RecipientKind, RecipientList
from vnadmin.recipients.parser import scan_list
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = ["find_recipients", "list_bounds", "noi_nhan_bounds"]


def find_recipients(source: Source) -> tuple[RecipientList, ...]:
    """Every ``Kính gửi`` and ``Nơi nhận`` list of a whole document, sorted by position;
    never raises. Spans point into the caller's string.

    >>> doc = "V/v X Kính gửi: Bộ Nội vụ.\\nNội dung./.\\nNơi nhận:\\n- Như trên;\\n- Lưu: VT."
    >>> [(r.kind.name, len(r)) for r in find_recipients(doc)]
    [('KINH_GUI', 1), ('NOI_NHAN', 2)]
    """
    try:
        nt = as_normalized(source)
        return tuple(lst for lst, _, _ in _found(nt))
    except Exception:  # pragma: no cover - defensive: the locator never raises
        return ()


def _found(nt: NormalizedText) -> tuple[tuple[RecipientList, int, int], ...]:
    """The lists of ``nt`` with their normalised ``(start, end)``, scanned once per text
    (the document parser, the signature finder and the lint share the scan)."""
    return nt.memo("recipients.found", lambda: tuple(_find_all(nt)))


def _find_all(nt: NormalizedText) -> list[tuple[RecipientList, int, int]]:
    s = nt.text
    out: list[tuple[RecipientList, int, int]] = []
    pos = 0
    for m in find_headers(s):
        if m.start() < pos:
            continue
        before = s[max(0, m.start() - 1) : m.start()]
        if before and before.isalnum():
            continue
        if not m.group(2):
            # Without a colon only at a line start followed by a new line or "-".
            nxt = s[m.end() : m.end() + 3].lstrip(" \t")
            if not nxt.startswith(("\n", "-")):
                continue
        lst, end = scan_list(nt, m.start(), m)
        if lst.entries or lst.archive is not None:
            out.append((lst, m.start(), end))
            pos = end
    return out


def noi_nhan_bounds(nt: NormalizedText) -> list[tuple[int, int]]:
    """``(start, end)`` (normalised offsets) of each Nơi nhận list, for the signature finder."""
    return [(a, b) for lst, a, b in _found(nt) if lst.kind is RecipientKind.NOI_NHAN]


def list_bounds(nt: NormalizedText, lst: RecipientList) -> tuple[int, int]:
    """``lst``'s ``(start, end)`` in normalised offsets: as the scan of ``nt`` found it
    when ``lst`` is one of its lists, else its span mapped from the caller's string. (In
    a text whose columns were read one after the other, a list's span in the caller's
    string also covers the signature printed beside it, and its end maps past that.)"""
    for found, a, b in _found(nt):
        if found is lst:
            return a, b
    return nt.from_original(lst.span[0]), nt.from_original(lst.span[1])
