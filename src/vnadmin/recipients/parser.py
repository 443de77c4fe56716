"""Reading recipient lists: :func:`parse_recipients` (NĐ 30/2020/NĐ-CP, Phụ lục I, II.9;
ô 9a, 9b, 12).

Entries, notes, copy counts and the archive entry are read in place in the normalised
text; every span (the list, each entry and its text, the archive entry, its units and
its drafter) maps back to the caller's string exactly.
"""

from __future__ import annotations

import re

from vnadmin.errors import ParseError
from vnadmin.findings import Repair
from vnadmin.layout import (
    HEADER,
    collapsed_span,
    entry_follows,
    signature_at,
    starts_foreign,
    strict_mark_at,
)
from vnadmin.recipients.model import (
    ArchiveNote,
    RecipientEntry,
    RecipientKind,
    RecipientList,
    purposes,
)
from vnadmin.text import NormalizedText, Source, read_one

__all__ = ["parse_recipients", "scan_list"]

_LUU = re.compile(r"lưu\b[ \t]*(:?)", re.IGNORECASE)
_STARTERS = re.compile(
    r"\s(?=(?:Phúc đáp|Căn cứ|Thực hiện|Theo|Xét|Trả lời|Vừa qua|Hiện nay|Nhằm|Sau khi|"
    r"Tiếp theo|Triển khai|Ngày [0-9]|Trên cơ sở|Để|Qua|Về việc|Thủ tướng Chính phủ có ý kiến)\b)"
)
_COPIES = re.compile(r"([0-9]{1,4})\s*(?:bản|b)?\.?", re.IGNORECASE)
# A team in brackets after a unit ("PC04 (Đội 1)", "CST (PLP)"), a drafter's name after
# the brackets ("TH (2) Thạch").
_TEAM = re.compile(r"[^\W\d_][\w .&-]{0,40}")
_NAME = re.compile(r"[A-ZĐ][^\W\d_A-ZĐ]{1,9}")  # a drafter's given name: "NC.Thạch"
_NAME_AFTER_PAREN = re.compile(r"\)[ \t]+([A-ZĐ][^\W\d_]{1,15})$")
_COPIES_AFTER = re.compile(r"\s([0-9]{1,4})\s*bản\Z")
_INITIALS = re.compile(r"[^\W\d_]{1,4}")
_LETTER = re.compile(r"[^\W\d_]")
_GLUED = re.compile(r"[ \t]*(\S+)")
# What the archive entry reads past at bracket depth 0 (see _archive): a character that
# neither ends it nor opens or closes a bracket, or a note in brackets without brackets
# inside (which nothing ends). The alternatives start differently and the match never
# fails, so it never backtracks.
_ARCHIVE_PLAIN = re.compile(r"(?:[^();.\n \t]|\([^()]*\))*")
# The same for an entry (see _entry_end), which a line break ends inside brackets too.
_ENTRY_PLAIN = re.compile(r"(?:[^();.\n-]|\([^()\n]*\))*")


def _paren_at_end(text: str, e: int) -> tuple[int, int] | None:
    """The offsets of ``(`` and ``)`` of a note without brackets inside that ends
    ``text[:e]`` (blanks after it allowed), or ``None``. Reads only the note."""
    c = e
    while c > 0 and text[c - 1].isspace():
        c -= 1
    if c == 0 or text[c - 1] != ")":
        return None
    c -= 1
    o = c - 1
    while o >= 0 and text[o] not in "()":
        o -= 1
    if o < 0 or text[o] != "(":
        return None
    return o, c


def _ends_in_letters(text: str) -> bool:
    """Whether ``text`` ends with two letters (a unit before ``.D``)."""
    return len(text) >= 2 and all(_LETTER.fullmatch(c) for c in text[-2:])


def parse_recipients(text: Source) -> RecipientList:
    """Read a ``Nơi nhận:`` or ``Kính gửi:`` list to its end (NĐ 30, Phụ lục I, II.9).

    Accepts entries with or without dashes, continuation lines, a whole list
    flattened on one line, notes (``(để b/c)``) and copy counts (``(02 bản)``),
    and archive variants (``Lưu VT, X.``, ``Lưu: Văn thư, X (3b).``,
    ``KTTH(LC)``, ``KHTC.D.``, a drafter's name glued after the period).
    Text after the list (a signature block) is left unread.

    Raises:
        ParseError: ``reason`` is ``"empty"`` (blank input) or ``"no_header"``
            (the text starts with neither ``Nơi nhận`` nor ``Kính gửi`` nor ``-``).

    >>> r = parse_recipients("Nơi nhận: - Như trên; - VPCP; - Lưu VT, KGVX2.")
    >>> len(r), r.archive.units, r.archive.colon
    (3, ('VT', 'KGVX2'), False)
    >>> parse_recipients("- Lưu: VT, ĐMDN (2b). Trung Anh").archive
    ArchiveNote(units=('VT', 'ĐMDN'), drafter='Trung Anh', copies=2)
    """
    nt, lead, _ = read_one(text, "recipient list", "Nơi nhận: - Như trên; - Lưu: VT.")
    s = nt.text
    m = HEADER.match(s, lead)
    if m is None and not s.startswith("-", lead) and not _LUU.match(s, lead):
        end = s.find("\n", lead)
        end = len(s) if end < 0 else end
        raise ParseError(
            "a recipient list starts with 'Nơi nhận:' or 'Kính gửi:'",
            input=nt.original,
            span=nt.to_original(lead, end),
            reason="no_header",
            expected="Nơi nhận: or Kính gửi:",
        )
    lst, _ = scan_list(nt, lead, m)
    return lst


def scan_list(
    nt: NormalizedText,
    start: int,
    header: re.Match[str] | None,
    kind: RecipientKind = RecipientKind.NOI_NHAN,
) -> tuple[RecipientList, int]:
    """Read the list that starts at ``start`` of ``nt.text`` (after ``header`` when given;
    without one, a list of ``kind``); returns the list and where it ends (normalised
    offsets)."""
    s = nt.text
    n = len(s)
    p = start
    repairs: list[Repair] = []
    if header is not None:
        # The second letter tells the headers apart (HEADER matches case-insensitively,
        # so the first may be the Kelvin sign): ``ơ`` of Nơi, ``í`` of Kính.
        if header.group(1)[1] in "íÍ":
            kind = RecipientKind.KINH_GUI
        p = header.end()
        if not header.group(2):
            repairs.append(
                Repair("colon_inserted", nt.to_original(*header.span()), header.group(), "…:")
            )
    raw: list[tuple[int, int, bool]] = []  # (start, end, dashed) of entry bodies
    terms: list[str] = []
    archive: ArchiveNote | None = None
    archive_index: int | None = None
    prev_term = ""  # ";", ".", "," or "" of the previous entry
    prev_colon = False  # the previous entry is dashed and opens a list with a colon
    first = True
    end_pos = p
    while True:
        q = p
        crossed = False
        while q < n and s[q] in " \t\n":
            crossed = crossed or s[q] == "\n"
            q += 1
        if q >= n:
            break
        dashed = s[q] == "-"
        if dashed and not (crossed or first or prev_term in (";", ".", ",")):
            dashed = False
        body = q + 1 if dashed else q
        while body < n and s[body] in " \t":
            body += 1
        if not dashed:
            if archive is not None:
                break
            if kind is RecipientKind.NOI_NHAN and starts_foreign(s, q) and entry_follows(s, q):
                # Signature text interleaved with the list (two-column layout).
                p = s.find("\n", q)
                continue
            # "- Thủ tướng Chính phủ; các Phó TTCP;": one dashed line, one entry.
            joins_previous = bool(
                not crossed and prev_term == ";" and raw and raw[-1][2] and not starts_foreign(s, q)
            )
            if not joins_previous:
                if first:
                    if kind is RecipientKind.NOI_NHAN and not crossed and starts_foreign(s, q):
                        break
                elif (
                    prev_term == "."
                    or (not crossed and prev_term == "")
                    or starts_foreign(s, q)
                    or HEADER.match(s, q)
                    or (kind is RecipientKind.KINH_GUI and prev_term == ";" and crossed)
                ):
                    break
                else:
                    # Continuation of the previous entry on the next line; undashed lines
                    # after a dashed entry that opens a list with a colon are its items
                    # ("- VPCP: BTCN, các PCN;" / "Trợ lý, Thư ký TTg;" / "Cổng TTĐT;").
                    joins_previous = bool(
                        crossed
                        and raw
                        and (
                            prev_term in (",", "")
                            or (kind is RecipientKind.NOI_NHAN and prev_colon)
                        )
                    )
            if joins_previous:
                e_end, term = _entry_end(s, q)
                a, _, d = raw[-1]
                raw[-1] = (a, e_end, d)
                prev_colon = prev_colon or (d and ":" in s[q:e_end])
                terms[-1] = term
                prev_term = term
                p = end_pos = e_end + len(term)
                continue
        elif archive is not None and not crossed:
            break
        if _LUU.match(s, body) and (kind is RecipientKind.NOI_NHAN or dashed):
            note, a_end = _archive(nt, body, dashed)
            archive = note
            archive_index = len(raw)
            p = end_pos = a_end
            first = False
            prev_term = "."
            continue
        if archive is not None and not dashed:
            break
        if kind is RecipientKind.KINH_GUI and first and not dashed and not crossed:
            e_end, term = _single_line(s, body)
        else:
            e_end, term = _entry_end(s, body)
        if e_end <= body and not term:
            break
        raw.append((body, e_end, dashed))
        prev_colon = dashed and ":" in s[body:e_end]
        terms.append(term)
        prev_term = term
        first = False
        p = end_pos = e_end + len(term)
        if kind is RecipientKind.KINH_GUI and not dashed and len(raw) == 1 and not crossed:
            break
    entries = []
    for (a, b, dashed), term in zip(raw, terms, strict=True):
        entries.append(_entry(nt, a, b, dashed, term, repairs))
    if archive_index is not None and archive_index >= len(entries):
        archive_index = len(entries)
    span = nt.to_original(start, max(start, end_pos))
    return (
        RecipientList(
            kind=kind,
            entries=tuple(entries),
            archive=archive,
            span=span,
            archive_index=archive_index,
            repairs=tuple(repairs),
        ),
        end_pos,
    )


def _entry_end(s: str, p: int) -> tuple[int, str]:
    """End of an entry body starting at ``p`` and its terminator."""
    n = len(s)
    depth = 0
    i = p
    while i < n:
        if depth == 0:
            # Plain characters and notes in brackets without brackets inside, at once.
            i = _ENTRY_PLAIN.match(s, i).end()  # type: ignore[union-attr]
            if i >= n:
                break
        c = s[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == "\n":
            j = i
            while j > p and s[j - 1] in " \t":
                j -= 1
            if j > p and s[j - 1] == ",":
                return j - 1, ","
            return j, ""
        elif depth == 0 and c == ";":
            return i, ";"
        elif depth == 0 and c == "." and _period_ends(s, i):
            return i, "."
        elif depth == 0 and c == "-" and i > p and s[i - 1] in " \t" and _dash_starts(s, i):
            j = i
            while j > p and s[j - 1] in " \t":
                j -= 1
            if j > p and s[j - 1] == ",":
                return j - 1, ","
            return j, ""
        i += 1
    return n, ""


def _dash_starts(s: str, i: int) -> bool:
    """A `` - `` inside a flattened line that starts a new entry (after ``,``)."""
    j = i - 1
    while j >= 0 and s[j] in " \t":
        j -= 1
    return j >= 0 and s[j] == ","


def _period_ends(s: str, i: int) -> bool:
    """A period at ``i`` ends an entry: at the line end, or before `` - `` or a mark."""
    j = i + 1
    n = len(s)
    if j < n and s[j] == "/":
        return False
    while j < n and s[j] in " \t":
        j += 1
    if j >= n or s[j] == "\n":
        return True
    if j == i + 1:
        return False
    return s[j] == "-" or strict_mark_at(s, j) or starts_foreign(s, j)


def _single_line(s: str, p: int) -> tuple[int, str]:
    """A single Kính gửi recipient on the header's line."""
    e, term = _entry_end(s, p)
    m = _STARTERS.search(s, p, e)
    if m is not None:
        j = m.start()
        return j, ""
    return e, term


def _entry(
    nt: NormalizedText, a: int, b: int, dashed: bool, term: str, repairs: list[Repair]
) -> RecipientEntry:
    s = nt.text
    body = " ".join(s[a:b].split())
    copies: int | None = None
    purpose: str | None = None
    while body.endswith(")"):
        depth = 0
        k = len(body) - 1
        while k >= 0:
            if body[k] == ")":
                depth += 1
            elif body[k] == "(":
                depth -= 1
                if depth == 0:
                    break
            k -= 1
        if k < 0:
            break
        inner = body[k + 1 : -1].strip()
        cm = _COPIES.fullmatch(inner)
        if cm and copies is None:
            copies = int(cm.group(1))
        elif purpose is None and _is_purpose(inner):
            purpose = inner
        else:
            break
        body = body[:k].rstrip()
    m = _COPIES_AFTER.search(body)
    if m and copies is None:
        copies = int(m.group(1))
        body = body[: m.start()].rstrip()
    if not dashed:
        repairs.append(Repair("dash_missing", nt.to_original(a, a), "", "- "))
    text = body.rstrip(" ,;")
    ta, tb = collapsed_span(s, a, b, 0, len(text))
    return RecipientEntry(
        text=text,
        purpose=purpose,
        copies=copies,
        span=nt.to_original(a, b + len(term)),
        dashed=dashed,
        terminator=term,
        text_span=nt.to_original(ta, tb),
    )


def _is_purpose(inner: str) -> bool:
    if not inner:
        return False
    if inner[0].islower():
        return True
    first = inner.split()[0].lower()
    return first in purposes()


def _archive(nt: NormalizedText, p: int, dashed: bool) -> tuple[ArchiveNote, int]:
    """Read ``Lưu[:] units.`` from ``p``; returns the note and the end offset."""
    s = nt.text
    n = len(s)
    m = _LUU.match(s, p)
    assert m is not None
    colon = bool(m.group(1))
    i = m.end()
    depth = 0
    end = n
    term = 0
    while i < n:
        if depth == 0:
            # Plain characters and notes in brackets without brackets inside, at once.
            i = _ARCHIVE_PLAIN.match(s, i).end()  # type: ignore[union-attr]
            if i >= n:
                break
        c = s[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == "\n" and depth == 0:
            # A wrapped archive line continues after a trailing comma.
            j = i
            while j > p and s[j - 1] in " \t":
                j -= 1
            if j > p and s[j - 1] == ",":
                i += 1
                continue
            end = j
            break
        elif (depth == 0 and c == ";") or (
            depth == 0 and c == "." and (i + 1 >= n or s[i + 1] in " \t\n")
        ):
            end, term = i, 1
            break
        elif depth == 0 and c in " \t" and i + 1 < n and signature_at(s, i + 1):
            # The signature printed on the Lưu line ("Lưu: VT, NC.Châu  KT. CHỦ TỊCH",
            # a portal's flattened two columns): the archive entry ends before it.
            end = i
            while end > m.end() and s[end - 1] in " \t":
                end -= 1
            break
        i += 1
    # The comma-separated parts, each with its place in s (collapsed text, start, end).
    parts: list[tuple[str, int, int]] = []
    q = m.end()
    for piece in s[m.end() : end].split(","):
        collapsed = " ".join(piece.split())
        if collapsed:
            parts.append((collapsed, q, q + len(piece)))
        q += len(piece) + 1
    units: list[str] = []
    unit_spans: list[tuple[int, int]] = []
    drafter: str | None = None
    drafter_at: tuple[int, int] = (0, 0)
    copies: int | None = None
    teams: list[tuple[str, str]] = []
    for k, (whole, pa, pb) in enumerate(parts):
        last = k == len(parts) - 1
        team: str | None = None
        if last and drafter is None:
            # A drafter's name after the brackets: "TH (2) Thạch".
            gm = _NAME_AFTER_PAREN.search(whole)
            if gm is not None:
                drafter = gm.group(1)
                drafter_at = collapsed_span(s, pa, pb, gm.start(1), gm.end(1))
                whole = whole[: gm.start(1)].rstrip()
        # Notes in brackets at the end of the part, read backwards by index (``e`` is the
        # end of what is left): one pass over the part however many notes it ends with.
        e = len(whole)
        prev_note = ""
        while True:
            paren = _paren_at_end(whole, e)
            if paren is None:
                break
            o, close = paren
            raw_inner = whole[o + 1 : close]
            inner = raw_inner.strip()
            cm = _COPIES.fullmatch(inner)
            if inner in ("", "b"):
                pass  # a copy count left blank in a draft: "(    b)"
            elif cm:
                copies = int(cm.group(1))
            elif last and drafter is None and _INITIALS.fullmatch(inner):
                drafter = inner
                i0 = o + 1 + len(raw_inner) - len(raw_inner.lstrip())
                drafter_at = collapsed_span(s, pa, pb, i0, i0 + len(inner))
            elif _TEAM.fullmatch(inner) and o > 0:
                team = inner
            else:
                break
            e = o
            same = whole[o : close + 1]
            if same == prev_note:
                # The second of a run of one note: more of it, glued, do what it did
                # (``(1)(1)(1)…``; the first may have been the drafter): skipped at once.
                size = len(same)
                while e > size and whole[e - size : e] == same:
                    e -= size
            prev_note = same
            while e > 0 and whole[e - 1] in " .":
                e -= 1
        part = whole[:e]
        if last and drafter is None:
            head, dot, tail = part.rpartition(".")
            if (
                dot
                and (_INITIALS.fullmatch(tail) or _NAME.fullmatch(tail))
                and _ends_in_letters(head)
            ):
                drafter = tail
                drafter_at = collapsed_span(s, pa, pb, len(head) + 1, len(part))
                part = head
        if part:
            units.append(part)
            unit_spans.append(collapsed_span(s, pa, pb, 0, len(part)))
            if team is not None:
                teams.append((part, team))
    a_end = end + term
    # A drafter's name glued after the final period: "… (2b). Trung Anh".
    if term and end < n and s[end] == ".":
        glued = _glued_name(s, a_end)
        if glued is not None:
            if drafter is None:
                drafter = glued[0]
                drafter_at = (glued[1], glued[2])
            a_end = glued[2]
    note = ArchiveNote(
        units=tuple(units),
        drafter=drafter,
        copies=copies,
        teams=tuple(teams),
        span=nt.to_original(p, a_end),
        colon=colon,
        dashed=dashed,
        unit_spans=tuple(nt.to_original(x, y) for x, y in unit_spans),
        drafter_span=nt.to_original(*drafter_at) if drafter is not None else (0, 0),
    )
    return note, a_end


def _glued_name(s: str, p: int) -> tuple[str, int, int] | None:
    """1–3 capitalised words after ``p`` followed by capitals, a line end or the end:
    the name, its start and its end."""
    toks = list(_GLUED.finditer(s[p : p + 120]))[:4]
    if not toks or not toks[0].group().startswith((" ", "\t")):
        return None
    for k in (3, 2, 1):
        if len(toks) < k:
            continue
        words = [t.group(1) for t in toks[:k]]
        if not all(
            w[0].isupper() and (len(w) == 1 or w[1:].islower()) and w.isalpha() for w in words
        ):
            continue
        end = p + toks[k - 1].end()
        rest = s[end : end + 40].lstrip(" \t")
        if rest and rest[0] != "\n":
            nxt = rest.split()[0]
            letters = [c for c in nxt if c.isalpha()]
            if not (len(letters) > 1 and all(c.isupper() for c in letters)) and not strict_mark_at(
                rest, 0
            ):
                continue
        return " ".join(words), p + toks[0].start(1), end
    return None
