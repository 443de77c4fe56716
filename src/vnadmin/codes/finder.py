"""Finding document codes in running text: :func:`find`.

A code starts where a number starts a word and is followed by ``/`` or ``-`` (spaces
around the separator allowed) and a letter or a year (NĐ 30, Phụ lục I, II.3), or where
``Số:`` is followed by a placeholder for the number assigned at signing (``Số: …/QĐ-UBND``,
NĐ 30, Điều 15). From each such place the scanner of :mod:`vnadmin.codes.parser` reads
as far as the code goes; what it reads is kept when its parts are abbreviations
(registered, or capitals with at most one lower-case letter; NĐ 30, Phụ lục III), which
sets dates (``20/7/2025``), fractions and numbered headings (``02 - Giấy …``) apart. A run the scanner has read (a code or not) is not searched again.
"""

from __future__ import annotations

import re

from vnadmin.codes.model import DocumentCode
from vnadmin.codes.parser import ReadCache, _read, memo
from vnadmin.registry import Registry, default_registry
from vnadmin.text import Source, as_normalized

__all__ = ["find", "find_codes"]

# A number, a letter suffix (``30c``), the separator, then a letter or a year.
_CANDIDATE = re.compile(
    r"[0-9]{1,9}(?:[a-zđ]{1,2}|[A-Z])?[ \t]?[/-][ \t]?(?=[^\W\d_]|[0-9]{4}[ \t]?/)"
)
# The same where the number starts a word (``[^\W_]`` is what ``str.isalnum`` takes).
_CANDIDATE_AT_WORD = re.compile(r"(?<![^\W_])" + _CANDIDATE.pattern)
# ``Số:`` before a placeholder (``…``, ``....``) or a bare ``/``.
_UNNUMBERED = re.compile(r"[Ss][ốỐ][ \t]*:[ \t]*(?=[._…]+[ \t]*/|/)")


def find(source: Source, *, registry: Registry | None = None) -> tuple[DocumentCode, ...]:
    """Every document code in ``source`` (a string or its
    :class:`~vnadmin.NormalizedText`), sorted by position and not overlapping. Spans
    and repairs point into the caller's original string. Never raises on a string.

    >>> text = "Căn cứ Nghị định số 30/2020/NÐ-CP ngày 05/3/2020; Số: …/QĐ-UBND"
    >>> [(str(c), c.span, c.source) for c in find(text)]
    [('30/2020/NĐ-CP', (20, 33), '30/2020/NÐ-CP'), ('/QĐ-UBND', (54, 63), '…/QĐ-UBND')]
    """
    nt = as_normalized(source)
    s = nt.text
    starts = _candidates(s)
    if "ố" in s or "Ố" in s:
        starts.extend(m.end() for m in _UNNUMBERED.finditer(s))
        starts.sort()
    reg = default_registry if registry is None else registry
    memos = memo(reg)  # one state of the registry for the whole text
    out: list[DocumentCode] = []
    last = 0
    cache = ReadCache()  # this text's stretches read before (a text repeating one run)
    identity = nt.is_identity
    for start in starts:
        if start < last:
            continue
        if identity and (entry := cache.peek(s, start)) is not None:
            # A stretch read before: its verdicts decide before a code is built for it.
            verdicts = entry[2]
            if entry[0] is None or verdicts.get("code_like") is False:
                last = entry[1] + start
                continue
            if verdicts.get("split_bare") and not after_so(s, start):
                last = entry[1] + start
                continue
        code, last = _read(nt, start, memos, cache)
        # A run the scanner read as a whole is not searched again inside (a code glued
        # to what comes before it is not a code of its own): the work stays linear.
        if code is None:
            continue
        entry = cache.last  # the verdicts on a stretch read before are kept with it
        if entry is None:
            like = _code_like(code, reg)
            bare = like and split_bare(code)
        else:
            verdicts = entry[2]
            if (like := verdicts.get("code_like")) is None:
                like = verdicts["code_like"] = _code_like(code, reg)
            if (bare := verdicts.get("split_bare")) is None:
                bare = verdicts["split_bare"] = split_bare(code)
        if like and (not bare or after_so(s, start)):
            out.append(code)
    return tuple(out)


def split_bare(code: DocumentCode) -> bool:
    """Whether ``code``'s ký hiệu is a type abbreviation alone (no issuer, no unit) that
    was read only by closing a blank (``1/Q Đ``, ``12 / QĐ``): too weak a reading to be
    a code of its own in running text. It stands when ``số`` (or, for a reference, a type
    word) introduces it; a split ký hiệu that names its issuer (``1/Q Đ-UBND``, a lost
    hyphen) always stands (NĐ 30, Phụ lục I, II.3: the ký hiệu is the type's
    abbreviation, then the issuer's)."""
    return (
        code.type_abbr is not None
        and not code.issuers
        and not code.units
        and any(r.kind == "space_removed" for r in code.repairs)
    )


_SO_WINDOW = 12


def after_so(s: str, start: int) -> bool:
    """Whether ``s[:start]`` ends with the word ``số`` (``Số:``, ``số``, ``SỐ :``) and
    at most a few blanks: a bounded look back, no scan."""
    j = start
    floor = max(0, start - _SO_WINDOW)
    while j > floor and s[j - 1] in " \t":
        j -= 1
    if j > floor and s[j - 1] == ":":
        j -= 1
        while j > floor and s[j - 1] in " \t":
            j -= 1
    return (
        j >= 2
        and s[j - 2 : j].lower() == "số"
        and (j == 2 or not (s[j - 3].isalnum() or s[j - 3] == "_"))
    )


def _candidates(s: str) -> list[int]:
    """Offsets where :data:`_CANDIDATE` matches and the number starts a word, in order:
    what ``finditer`` gives with that filter, found by one pattern whose look-behind
    refuses an offset inside a word at once (a long run of digits is not tried for a
    number of up to 9 digits at every digit)."""
    return [m.start() for m in _CANDIDATE_AT_WORD.finditer(s)]


#: The top-level name of :func:`find`.
find_codes = find


def _code_like(code: DocumentCode, reg: Registry) -> bool:
    """Whether what the scanner read is a code: its parts are abbreviations. Each starts
    with a letter, one has a capital, and each is registered or written in capitals
    with at most one lower-case letter (``GDTrH``) — not a word (``Giấy``, ``ngày``)."""
    parts = [*code.issuers, *code.units, *([code.type_abbr] if code.type_abbr else [])]
    if not parts or not all(p[:1].isalpha() for p in parts):
        return False
    cased = {r.after for r in code.repairs if r.kind == "case"}
    capital = False
    for p in parts:
        if reg.issuer(p) is not None or reg.is_type(p):
            capital = True
            continue
        if p in cased or sum(ch.islower() for ch in p) > 1:
            return False
        capital = capital or any(ch.isupper() for ch in p)
    return capital
