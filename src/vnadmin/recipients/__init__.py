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
"""

from __future__ import annotations

import enum
import re

import attrs

from vnadmin.errors import ParseError, ValidationError
from vnadmin.findings import Finding, Repair, Severity, rule
from vnadmin.text import NormalizedText, canonical_tones, normalize_text

__all__ = [
    "ArchiveNote",
    "RecipientEntry",
    "RecipientKind",
    "RecipientList",
    "check_recipients",
    "find_recipients",
    "format_recipients",
    "parse_recipients",
    "validate_recipients",
]


class RecipientKind(enum.Enum):
    """Which list: ``Nơi nhận`` (ô 9b) or ``Kính gửi`` (ô 9a)."""

    NOI_NHAN = "Nơi nhận"
    KINH_GUI = "Kính gửi"


_PURPOSE_WORDS = {
    "b/c": "báo cáo",
    "p/h": "phối hợp",
    "t/h": "thực hiện",
    "đ/b": "để biết",
    "th": "thực hiện",
}


@attrs.frozen
class RecipientEntry:
    """One recipient (or group of recipients).

    Attributes:
        text: the recipient as written, without dash, notes or final
            punctuation (``"VPCP: BTCN, các PCN"``).
        purpose: a note in parentheses saying why it is sent (``"để b/c"``,
            ``"đưa tin"``), or ``None``.
        copies: a copy count (``(02 bản)``, ``02 bản``), or ``None``.
        span: offsets of the entry in the caller's string.
        dashed: whether the entry was written with a leading ``-``.
        terminator: the punctuation that ended it (``";"``, ``"."``, ``","``, ``""``).
    """

    text: str
    purpose: str | None = None
    copies: int | None = None
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    dashed: bool = attrs.field(default=True, eq=False)
    terminator: str = attrs.field(default=";", eq=False)

    @property
    def reference(self) -> str | None:
        """For ``Như trên``, ``Như Điều 3`` …: what is referred to (``"trên"``, ``"Điều 3"``).

        >>> RecipientEntry("Như khoản 2 Điều 1").reference
        'khoản 2 Điều 1'
        """
        m = re.match(r"(?i)như\s+(.+)$", self.text)
        return m.group(1) if m else None

    @property
    def group(self) -> str | None:
        """The body before a colon (``"VPCP"`` of ``"VPCP: BTCN, các PCN"``)."""
        head, sep, _ = self.text.partition(":")
        return head.strip() if sep else None

    @property
    def members(self) -> tuple[str, ...]:
        """The comma-separated parts (``("CT", "các PCT UBND tỉnh")``).

        >>> RecipientEntry("CT, các PCT UBND tỉnh").members
        ('CT', 'các PCT UBND tỉnh')
        """
        _, sep, tail = self.text.partition(":")
        body = tail if sep else self.text
        return tuple(p.strip() for p in body.split(",") if p.strip())

    @property
    def purpose_meaning(self) -> str | None:
        """The purpose with shorthand spelled out (``"để b/c"`` → ``"để báo cáo"``)."""
        if self.purpose is None:
            return None
        words = [_PURPOSE_WORDS.get(w.lower(), w) for w in self.purpose.split()]
        return " ".join(words)


@attrs.frozen
class ArchiveNote:
    """The archive entry ``Lưu: VT, <units>`` plus drafter and copy count (ô 9b, ô 12).

    Attributes:
        units: who keeps copies, as written (``("VT", "KTTH")``).
        drafter: the drafter's initials or name (``"LC"``), or ``None``.
        copies: a copy count written after a unit (``(02b)``), or ``None``.
        span: offsets in the caller's string.
        colon: whether ``Lưu`` was followed by a colon.
    """

    units: tuple[str, ...] = ("VT",)
    drafter: str | None = None
    copies: int | None = None
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    colon: bool = attrs.field(default=True, eq=False)
    dashed: bool = attrs.field(default=True, eq=False)

    def __repr__(self) -> str:
        return (
            f"ArchiveNote(units={self.units!r}, drafter={self.drafter!r}, copies={self.copies!r})"
        )

    def __str__(self) -> str:
        units = list(self.units) or ["VT"]
        last = units[-1]
        if self.drafter:
            last += f"({self.drafter})"
        if self.copies is not None:
            last += f" ({self.copies:02d}b)"
        units[-1] = last
        return "Lưu: " + ", ".join(units) + "."


@attrs.frozen
class RecipientList:
    """A parsed ``Nơi nhận`` or ``Kính gửi`` list.

    Attributes:
        kind: :class:`RecipientKind`.
        entries: the recipients, without the archive entry.
        archive: the ``Lưu`` entry, or ``None``.
        span: offsets of the whole list (header included) in the caller's string.
        archive_index: where the archive entry stood among the entries
            (``len(entries)`` when last).
        repairs: changes made to read the list.
    """

    kind: RecipientKind
    entries: tuple[RecipientEntry, ...] = ()
    archive: ArchiveNote | None = None
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    archive_index: int | None = attrs.field(default=None, eq=False)
    repairs: tuple[Repair, ...] = attrs.field(default=(), eq=False)

    def __len__(self) -> int:
        """Number of entries, the archive entry included."""
        return len(self.entries) + (self.archive is not None)

    def check(self, *, kinh_gui: bool | None = None) -> tuple[Finding, ...]:
        """Every deviation from the rules (see :func:`check_recipients`)."""
        return check_recipients(self, kinh_gui=kinh_gui)

    def validate(self, *, kinh_gui: bool | None = None) -> RecipientList:
        """Return ``self`` or raise :class:`~vnadmin.ValidationError` on errors."""
        return validate_recipients(self, kinh_gui=kinh_gui)


# --- rules ---------------------------------------------------------------------------

_ART = "NĐ 30, Phụ lục I, II.9"
R101 = rule("R101")
R102 = rule("R102")
R103 = rule("R103")
R104 = rule("R104")
R105 = rule("R105")
R106 = rule("R106")
R107 = rule("R107")
R108 = rule("R108")
R109 = rule("R109")
R110 = rule("R110")


def check_recipients(lst: RecipientList, *, kinh_gui: bool | None = None) -> tuple[Finding, ...]:
    """Check ``lst`` against NĐ 30, Phụ lục I, II.9.

    ``kinh_gui`` says whether the document has a ``Kính gửi`` part (``None``:
    unknown, rule ``R108`` is skipped). Rules: ``R101`` leading dash,
    ``R102`` ``;`` after each entry, ``R103`` ``.`` after the last, ``R104``
    archive entry present, ``R105`` archive last, ``R106`` archive starts
    with ``VT``, ``R107`` archive written ``Lưu: VT, …``, ``R108`` ``Như trên``
    only with a Kính gửi, ``R109`` not empty, ``R110`` no archive in Kính gửi.

    >>> r = parse_recipients("Nơi nhận:\\n- Như trên;\\n- Bộ Tư pháp,\\n- Lưu: VT, PC.")
    >>> [f.rule for f in check_recipients(r, kinh_gui=False)]
    ['R102', 'R108']
    """
    out: list[Finding] = []
    entries = lst.entries
    noi_nhan = lst.kind is RecipientKind.NOI_NHAN
    if not entries and lst.archive is None:
        out.append(R109.finding(lst.span, kind=lst.kind.value))
        return tuple(out)
    single_kg = not noi_nhan and len(entries) == 1 and lst.archive is None
    archive_last = lst.archive is not None and (
        lst.archive_index is None or lst.archive_index >= len(entries)
    )
    for i, e in enumerate(entries):
        last = i == len(entries) - 1 and not archive_last
        if not e.dashed and not single_kg:
            out.append(R101.finding(e.span, entry=e.text))
        if single_kg:
            continue
        if not last and e.terminator != ";":
            out.append(R102.finding(e.span, entry=e.text))
        if last and e.terminator != ".":
            out.append(R103.finding(e.span, entry=e.text))
    a = lst.archive
    if a is not None:
        if not a.dashed:
            out.append(R101.finding(a.span, entry="Lưu"))
        if lst.archive_index is not None and lst.archive_index < len(entries):
            out.append(R105.finding(a.span))
        if not a.units or a.units[0] not in ("VT", "Văn thư"):
            out.append(R106.finding(a.span, units=", ".join(a.units) or "—"))
        elif a.units[0] != "VT" or not a.colon:
            found = ("Lưu: " if a.colon else "Lưu ") + a.units[0]
            out.append(R107.finding(a.span, found=found))
        if not noi_nhan:
            out.append(R110.finding(a.span))
    elif noi_nhan:
        out.append(R104.finding(lst.span))
    if noi_nhan and kinh_gui is False:
        for e in entries:
            if _fold(e.text) == "NHƯ TRÊN":
                out.append(R108.finding(e.span))
    return tuple(out)


def validate_recipients(lst: RecipientList, *, kinh_gui: bool | None = None) -> RecipientList:
    """Return ``lst`` if :func:`check_recipients` finds no error, else raise.

    Raises:
        ValidationError: with every finding, when one is an error.
    """
    findings = check_recipients(lst, kinh_gui=kinh_gui)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return lst


# --- parsing -------------------------------------------------------------------------

_HEADER = re.compile(r"(nơi\s+nhận|kính\s+gửi)[ \t]*(:?)", re.IGNORECASE)
_LUU = re.compile(r"lưu\b[ \t]*(:?)", re.IGNORECASE)
_MARK = re.compile(r"(?:TUQ|TM|KT|TL|Q)\.|(?:T/M|K/T|T/L)(?![\w/])")
_STARTERS = re.compile(
    r"\s(?=(?:Phúc đáp|Căn cứ|Thực hiện|Theo|Xét|Trả lời|Vừa qua|Hiện nay|Nhằm|Sau khi|"
    r"Tiếp theo|Triển khai|Ngày \d|Trên cơ sở|Để|Qua|Về việc|Thủ tướng Chính phủ có ý kiến)\b)"
)
_COPIES = re.compile(r"(\d{1,4})\s*(?:bản|b)?\.?", re.IGNORECASE)
_PURPOSE_START = (
    "để",
    "đưa",
    "b/c",
    "p/h",
    "t/h",
    "đ/b",
    "th",
    "thực",
    "phối",
    "báo",
    "biết",
    "chỉ",
    "đăng",
    "theo",
    "xem",
    "giám",
    "kiểm",
    "thi",
)


def _fold(text: str) -> str:
    return " ".join(canonical_tones(text).upper().split())


def parse_recipients(text: str) -> RecipientList:
    """Read a ``Nơi nhận:`` or ``Kính gửi:`` list to its end.

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
    nt = normalize_text(text)
    s = nt.text
    lead = len(s) - len(s.lstrip())
    if lead == len(s):
        raise ParseError(
            "no recipient list",
            input=text,
            span=(0, len(text)),
            reason="empty",
            expected="Nơi nhận:",
        )
    m = _HEADER.match(s, lead)
    if m is None and not s.startswith("-", lead) and not _LUU.match(s, lead):
        end = s.find("\n", lead)
        end = len(s) if end < 0 else end
        raise ParseError(
            "a recipient list starts with 'Nơi nhận:' or 'Kính gửi:'",
            input=text,
            span=nt.to_original(lead, end),
            reason="no_header",
            expected="Nơi nhận: or Kính gửi:",
        )
    lst, _ = _scan(nt, lead, m)
    return lst


def find_recipients(text: str) -> tuple[RecipientList, ...]:
    """Every ``Kính gửi`` and ``Nơi nhận`` list of a whole document; never raises.

    >>> doc = "V/v X Kính gửi: Bộ Nội vụ.\\nNội dung./.\\nNơi nhận:\\n- Như trên;\\n- Lưu: VT."
    >>> [(r.kind.name, len(r)) for r in find_recipients(doc)]
    [('KINH_GUI', 1), ('NOI_NHAN', 2)]
    """
    try:
        nt = normalize_text(text)
        return tuple(lst for lst, _, _ in _find_all(nt))
    except Exception:  # pragma: no cover - defensive: the locator never raises
        return ()


def _find_all(nt: NormalizedText) -> list[tuple[RecipientList, int, int]]:
    s = nt.text
    out: list[tuple[RecipientList, int, int]] = []
    pos = 0
    for m in _HEADER.finditer(s):
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
        lst, end = _scan(nt, m.start(), m)
        if lst.entries or lst.archive is not None:
            out.append((lst, m.start(), end))
            pos = end
    return out


def _list_bounds(nt: NormalizedText) -> list[tuple[int, int]]:
    """``(start, end)`` (normalised text) of each Nơi nhận list, for the signature locator."""
    return [(a, b) for lst, a, b in _find_all(nt) if lst.kind is RecipientKind.NOI_NHAN]


def _entry_follows(s: str, p: int) -> bool:
    """True when a ``-`` entry starts one of the next few lines after ``p``."""
    pos = p
    for _ in range(6):
        eol = s.find("\n", pos)
        if eol < 0:
            return False
        j = eol + 1
        while j < len(s) and s[j] in " \t\n":
            j += 1
        if j < len(s) and s[j] == "-":
            return True
        if j >= len(s) or not _looks_foreign(s, j):
            return False
        pos = j
    return False


def _looks_foreign(s: str, p: int) -> bool:
    """True when the text at ``p`` starts a signature block or a title in capitals."""
    if _MARK.match(s, p):
        return True
    m = re.match(r"\S+(?:\s+\S+)?", s[p : p + 60])
    if not m:
        return False
    words = m.group().split()
    first = words[0].strip(",.;:")
    letters = [c for c in first if c.isalpha()]
    return (
        len(letters) > 1
        and all(c.isupper() for c in letters)
        and (len(words) < 2 or any(c.isupper() for c in words[1]))
        and not first.isascii()
    ) or first in ("BỘ", "GIÁM", "CHỦ", "THỦ", "CHÁNH", "TRƯỞNG", "PHÓ", "TỔNG")


def _scan(
    nt: NormalizedText, start: int, header: re.Match[str] | None
) -> tuple[RecipientList, int]:
    s = nt.text
    n = len(s)
    kind = RecipientKind.NOI_NHAN
    p = start
    repairs: list[Repair] = []
    if header is not None:
        if _fold(header.group(1)).startswith("K"):
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
            if kind is RecipientKind.NOI_NHAN and _looks_foreign(s, q) and _entry_follows(s, q):
                # Signature text interleaved with the list (two-column layout).
                p = s.find("\n", q)
                continue
            # "- Thủ tướng Chính phủ; các Phó TTCP;": one dashed line, one entry.
            joins_previous = bool(
                not crossed and prev_term == ";" and raw and raw[-1][2] and not _looks_foreign(s, q)
            )
            if not joins_previous:
                if first:
                    if kind is RecipientKind.NOI_NHAN and not crossed and _looks_foreign(s, q):
                        break
                elif (
                    prev_term == "."
                    or (not crossed and prev_term == "")
                    or _looks_foreign(s, q)
                    or _HEADER.match(s, q)
                    or (kind is RecipientKind.KINH_GUI and prev_term == ";" and crossed)
                ):
                    break
                else:
                    # Continuation of the previous entry on the next line.
                    joins_previous = bool(prev_term in (",", "") and crossed and raw)
            if joins_previous:
                e_end, term = _entry_end(s, q)
                a, _, d = raw[-1]
                raw[-1] = (a, e_end, d)
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
    return s[j] == "-" or bool(_MARK.match(s, j)) or _looks_foreign(s, j)


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
    m = re.search(r"\s(\d{1,4})\s*bản$", body)
    if m and copies is None:
        copies = int(m.group(1))
        body = body[: m.start()].rstrip()
    if not dashed:
        repairs.append(Repair("dash_missing", nt.to_original(a, a), "", "- "))
    return RecipientEntry(
        text=body.rstrip(" ,;"),
        purpose=purpose,
        copies=copies,
        span=nt.to_original(a, b + len(term)),
        dashed=dashed,
        terminator=term,
    )


def _is_purpose(inner: str) -> bool:
    if not inner:
        return False
    if inner[0].islower():
        return True
    first = inner.split()[0].lower()
    return first in _PURPOSE_START


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
        i += 1
    body = s[m.end() : end]
    parts = [" ".join(x.split()) for x in body.split(",")]
    parts = [x for x in parts if x]
    units: list[str] = []
    drafter: str | None = None
    copies: int | None = None
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        while True:
            pm = re.search(r"\(([^()]*)\)\s*$", part)
            if pm is None:
                break
            inner = pm.group(1).strip()
            cm = _COPIES.fullmatch(inner)
            if cm:
                copies = int(cm.group(1))
            elif last and drafter is None and re.fullmatch(r"[^\W\d_]{1,4}", inner):
                drafter = inner
            else:
                break
            part = part[: pm.start()].rstrip(" .")
        if last and drafter is None:
            dm = re.fullmatch(r"(.*[^\W\d_]{2,})\.([^\W\d_]{1,4})", part)
            if dm:
                part, drafter = dm.group(1), dm.group(2)
        if part:
            units.append(part)
    a_end = end + term
    # A drafter's name glued after the final period: "… (2b). Trung Anh".
    if term and end < n and s[end] == ".":
        glued = _glued_name(s, a_end)
        if glued is not None:
            if drafter is None:
                drafter = glued[0]
            a_end = glued[1]
    note = ArchiveNote(
        units=tuple(units),
        drafter=drafter,
        copies=copies,
        span=nt.to_original(p, a_end),
        colon=colon,
        dashed=dashed,
    )
    return note, a_end


def _glued_name(s: str, p: int) -> tuple[str, int] | None:
    """1–3 capitalised words after ``p`` followed by capitals, a line end or the end."""
    toks = list(re.finditer(r"[ \t]*(\S+)", s[p : p + 120]))[:4]
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
            if not (len(letters) > 1 and all(c.isupper() for c in letters)) and not _MARK.match(
                rest
            ):
                continue
        return " ".join(words), end
    return None


# --- writing -------------------------------------------------------------------------


def format_recipients(lst: RecipientList) -> str:
    """Write ``lst`` in NĐ 30 form (Phụ lục I, II.9).

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
