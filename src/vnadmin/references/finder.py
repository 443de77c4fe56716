"""Finding the references a text makes to other documents, with exact spans.

:func:`find` reads mentions such as ``Quyết định số 1656/QĐ-UBND ngày 20/7/2025 của UBND
tỉnh``, ``Nghị định số 30/2020/NĐ-CP``, ``Luật Ban hành văn bản quy phạm pháp luật số
64/2025/QH15``, lists (``các Quyết định số 01/QĐ-UBND, 02/QĐ-UBND``), bare codes and Party
codes, and returns them sorted and non-overlapping, each with the spans of the code, the
type word, the date, the issuer and the whole mention in the caller's string. It never
raises.

Short references (``Quyết định này``, ``Kế hoạch nêu trên``, ``Công văn số 1302``) are
found and resolved against the full mentions by :func:`resolve_references`, a separate
step (as eyecite separates finding from resolving).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence

from vnadmin._regex import alternation
from vnadmin.codes.finder import split_bare
from vnadmin.codes.model import CodeFamily, DocumentCode
from vnadmin.codes.parser import ReadCache, _read, memo
from vnadmin.dates import match_date
from vnadmin.references.model import Reference, ShortReference
from vnadmin.registry import default_registry
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = ["find", "resolve_references"]

# Type words that introduce a reference, longest first so that "Thông tư liên tịch"
# wins over "Thông tư". Built from the registry's type names plus generic words.
_EXTRA_TYPES = (
    "văn bản",
    "Văn bản hợp nhất",
    "Công văn",
    "Hiến pháp",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
)
_TYPE_NAMES = default_registry.type_names(*_EXTRA_TYPES)


def _case_variants(name: str) -> set[str]:
    """The ways a type word is written: as listed, lower case, capitalised, every word
    capitalised, upper case. Type words are matched case-sensitively on these (not with
    ``re.IGNORECASE``, which also reads ``ſ``, ``ı`` and the Kelvin sign as letters of the
    name), so the lower-cased match is always a key of the tables built from the names."""
    low = name.lower()
    return {name, low, low[:1].upper() + low[1:], low.title(), name.upper()}


_TYPE_RE = alternation({v for n in _TYPE_NAMES for v in _case_variants(n)})
_TYPE_WORD = re.compile(r"\b(?:" + _TYPE_RE + r")\b")
_TYPES_BY_LAST_WORD: dict[str, list[tuple[int, str]]] = {}
for _name in sorted({n.lower() for n in _TYPE_NAMES}, key=len, reverse=True):
    _TYPES_BY_LAST_WORD.setdefault(_name.rsplit(" ", 1)[-1], []).append((len(_name), _name))
# After the type word: an optional name (no sentence punctuation, at most _NAME_MAX
# characters), then the run of "số" that ends the head (see _names_the_code).
_NAME_MAX = 160
_NAME_STOP = frozenset(".;:()")
_LIST_GAP = re.compile(r"[ \t]*(?:,|;|\bvà\b|\bhoặc\b)(?:[ \t]*\bsố\b)?[ \t]*", re.IGNORECASE)
# Where a code may start: a number that starts a word (no letter, digit, ``_``, ``/``,
# ``.`` or ``-`` before it), a separator, then a letter or a year. The pattern starts with
# its digit (the engine skips to digits at C speed) and looks behind only there, so a text
# of separators, or of one code repeated, costs one match per candidate and no Python.
_CANDIDATE = re.compile(
    r"[0-9](?<![\w/.\-][0-9])[0-9]{0,8}[a-zđ]{0,2}[ \t]?[/-][ \t]?"
    r"(?=[A-Za-zĐđ]|[0-9]{4}[ \t]?/)"
)


def _candidates(s: str) -> list[int]:
    """Offsets where a code may start (:data:`_CANDIDATE`), in order."""
    return list(_iter_candidates(s))


def _iter_candidates(s: str) -> Iterator[int]:
    """:func:`_candidates`, found as far as they are taken."""
    return (m.start() for m in _CANDIDATE.finditer(s))


_FORM_NUMBER = re.compile(r"\b(?:Mẫu|mẫu|biểu|Biểu|Phụ lục|phụ lục)[ \t]+(?:số[ \t]*)?$")
# The issuer after a code: "của"/"do", then at most _ISSUER_MAX characters that are no
# sentence punctuation or digit, up to the first word that starts the rest of the sentence
# or the first such character. The blanks after "của" and the issuer's first character are
# disjoint; the stop words are searched only where a run of blanks starts, in the issuer's
# window (a run of blanks is never read twice).
_ISSUER_MAX = 100
_ISSUER_HEAD = re.compile(r"[ \t]*(?:,[ \t]*)?(?:của|do)[ \t]+(?=[^\n,.;:()\[\]0-9| \t])", re.I)
_ISSUER_RUN = re.compile(rf"[^\n,.;:()\[\]0-9|]{{1,{_ISSUER_MAX}}}")
_BLANKS_START = re.compile(r"(?<![ \t])[ \t]")
_ISSUER_STOP = re.compile(
    r"[ \t]+(?:về|quy định|hướng dẫn|ban hành|phê duyệt|sửa đổi|đã|được|thì|là|và|số)\b", re.I
)
_DATE_GAP = re.compile(r"[ \t]{0,25}(?:,[ \t]{0,25})?(?:ban hành[ \t]{0,25})?", re.IGNORECASE)
_LOOKBACK = 200


def _so_run_start(head: str) -> int | None:
    """Where the run of ``số`` words ending ``head`` starts (``Quyết định số số: ``), as
    ``(?:\\bsố\\b\\s*:?\\s*)+$`` would find it, read backwards (no scan of the head)."""
    found = None
    i = len(head)
    while True:
        j = i
        while j and head[j - 1].isspace():
            j -= 1
        if j and head[j - 1] == ":":
            j -= 1
            while j and head[j - 1].isspace():
                j -= 1
        if j >= 2 and head[j - 2 : j].lower() == "số" and (j == 2 or not _is_word(head[j - 3])):
            found = i = j - 2
        else:
            return found


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _type_ending_at(head: str, end: int) -> tuple[int, str] | None:
    """The longest type word ending exactly at ``head[end]``: dict lookups by last word."""
    i = end
    while i and not head[i - 1].isspace():
        i -= 1
    for size, key in _TYPES_BY_LAST_WORD.get(head[i:end].lower(), ()):
        start = end - size
        if (
            start >= 0
            and head[start:end].lower() == key
            and (start == 0 or not _is_word(head[start - 1]))
        ):
            return start, head[start:end]
    return None


def _type_before(head: str, so: int | None) -> tuple[int, str] | None:
    """The nearest type word that introduces the code ending ``head`` (its offset and
    text): ``<Type> số``, ``<Type> <name> số`` or ``<Type> `` right before the code.
    ``so`` is where the run of ``số`` ending ``head`` starts (:func:`_so_run_start`)."""
    stripped = len(head[:so].rstrip()) if so is not None else len(head.rstrip())
    direct = _type_ending_at(head, stripped)
    if so is None:
        # Only ``<Type> `` right before the code is possible.
        return direct if direct is not None and stripped < len(head) else None
    if direct is not None and direct[1][:1].isupper():
        return direct
    words = list(_TYPE_WORD.finditer(head))
    # A capitalised type word (``Luật Ban hành … pháp luật số``) beats a lowercase one
    # inside the name; lowercase words (``văn bản số``) are the fallback.
    for capital in (True, False):
        for m in reversed(words):
            if capital and not m.group()[:1].isupper():
                continue
            if _names_the_code(head, m.end(), so):
                return m.start(), m.group()
    return None


def _ok_code(code: DocumentCode) -> bool:
    """Reject what the scanner reads but is no document code (dates, fractions, and a
    number followed by an ordinary word across a spaced dash: "Phòng họp số 2 - Văn
    phòng" is no code ``02-Văn``)."""
    if (
        code.family is CodeFamily.LEGACY
        and " " in code.source
        and any(len(p) >= 3 and p[0].isupper() and p[1:].islower() for p in code.issuers)
    ):
        return False
    return _ok_parts(code.type_abbr, code.issuers, code.units)


@functools.lru_cache(maxsize=4096)
def _ok_parts(type_abbr: str | None, issuers: tuple[str, ...], units: tuple[str, ...]) -> bool:
    parts = [*issuers, *units, *([type_abbr] if type_abbr else [])]
    if not parts:
        return False
    return all(p[:1].isalpha() for p in parts) and any(any(ch.isupper() for ch in p) for p in parts)


_DROP, _KEEP, _BARE = 0, 1, 2


def _verdict(code: DocumentCode) -> int:
    """What the finder does with a code wherever it is read: ``_DROP`` it (no document
    code, :func:`_ok_code`), ``_KEEP`` it, or keep it only where something introduces it
    (``_BARE``: a split type abbreviation alone, see :func:`_introduced`)."""
    if not _ok_code(code):
        return _DROP
    return _BARE if split_bare(code) else _KEEP


def _issuer_after(s: str, end: int) -> tuple[int, int] | None:
    """Where the issuer named after ``end`` (``của UBND tỉnh``) starts and ends."""
    head = _ISSUER_HEAD.match(s, end)
    if head is None:
        return None
    first = head.end()
    stop = _ISSUER_RUN.match(s, first).end()  # type: ignore[union-attr]
    for blanks in _BLANKS_START.finditer(s, first + 1, stop + 1):
        if _ISSUER_STOP.match(s, blanks.start()):
            return first, blanks.start()
    if stop < len(s) and stop - first == _ISSUER_MAX and _ISSUER_RUN.match(s, stop):
        return None  # longer than an issuer, and no word ends it
    return first, stop


def _names_the_code(head: str, after_type: int, so: int) -> bool:
    """Whether ``head[after_type:]`` is a name (at most ``_NAME_MAX`` characters, no
    sentence punctuation) then the run of ``số`` at ``so`` that ends ``head``: what
    ``[^.;:()]{0,160}?\\s*(?:\\bsố\\b\\s*:?\\s*)+`` matched, read without a regex
    (its quantifiers all matched the same blanks)."""
    if after_type > so:
        return False
    name = head[after_type:so].rstrip()
    return len(name) <= _NAME_MAX and _NAME_STOP.isdisjoint(name)


def _introduced(
    s: str, start: int, so: int | None, tw: tuple[int, str] | None, prev: str | None, end: int
) -> bool:
    """Whether something before the code at ``start`` makes it a mention: a type word
    (``Quyết định 1/Q Đ``), ``số`` (``số 1/Q Đ``) or a list that a typed mention began
    (``Quyết định số 1/QĐ-UBND, 2/Q Đ``). A ký hiệu read only by closing a blank, with no
    issuer (:func:`~vnadmin.codes.finder.split_bare`), is a reference only then."""
    return (
        tw is not None
        or so is not None
        or (prev is not None and _LIST_GAP.fullmatch(s, end, start) is not None)
    )


_QUICK_BACK = 40


_SEEN_MAX = 256


def _plainly_alone(
    s: str, floor: int, start: int, prev: str | None, end: int, seen: dict[str, bool]
) -> bool:
    """Whether nothing before ``start`` (down to ``floor``) can introduce a code there
    (see :func:`_introduced`), decided on the last word before it: no ``số``, no word
    that ends a type name, no list of a typed mention. ``False`` when unsure (the full
    reading of the head decides then). A few string operations, no loop in Python;
    ``seen`` keeps the verdict on the last words of at most :data:`_SEEN_MAX` windows
    (a text repeating one run asks about one window again and again)."""
    window = s[max(floor, start - _QUICK_BACK) : start]
    alone = seen.get(window)
    if alone is None:
        words = window.rsplit(None, 1)
        last = words[-1].lower() if words else ""
        alone = bool(words) and not ("số" in last or last == ":" or last in _TYPES_BY_LAST_WORD)
        if len(seen) < _SEEN_MAX:
            seen[window] = alone
    return alone and (prev is None or _LIST_GAP.fullmatch(s, end, start) is None)


def _date_after(s: str, end: int) -> tuple[dt.date, int, int] | None:
    """The date written right after a code (``… , ban hành ngày 20/7/2025``) in the
    normalised text, where it starts (its ``ngày`` included) and where it ends."""
    gap = _DATE_GAP.match(s, end)
    if gap is None or gap.end() - end > 24:
        return None
    found = match_date(s, gap.end())
    return None if found is None else (found[0], gap.end(), found[1])


def find(source: Source) -> tuple[Reference, ...]:
    """Every reference to another document in ``source``, sorted and non-overlapping.

    ``source`` is the caller's string or its :class:`~vnadmin.NormalizedText` (then it is
    not normalised again). Never raises. Every span points into the caller's string
    (also when it is NFD or holds look-alike characters). Linear time in the text, also on
    hostile input (long runs of blanks between the words of a mention, repeated type words,
    ``số`` and separators; tested up to 1 MB).

    >>> [str(r.code) for r in find(
    ...     "các Quyết định số 01/QĐ-UBND, 02/QĐ-UBND và Chỉ thị số 35-CT/TW")]
    ['01/QĐ-UBND', '02/QĐ-UBND', '35-CT/TW']
    >>> r = find("Căn cứ Quyết định số số 1656/QĐ-UBND ngày 20/7/2025 của UBND tỉnh;")[0]
    >>> r.type_name, str(r.code), r.date.isoformat(), r.issuer_text
    ('Quyết định', '1656/QĐ-UBND', '2025-07-20', 'UBND tỉnh')
    >>> r.text, r.type_span, r.code_span, r.date_span, r.issuer_span
    ('Quyết định số số 1656/QĐ-UBND ngày 20/7/2025 của UBND tỉnh', (7, 17), (24, 36), (37, 51), (56, 65))
    """
    if not isinstance(source, (str, NormalizedText)) or not source:
        return ()
    return tuple(mentions(as_normalized(source)))


#: How far after its start a reference may have its code: the type phrase and ``số``
#: words it reads before a code (:data:`_LOOKBACK` characters), and the code's first.
REACH = _LOOKBACK + 1


def mentions(nt: NormalizedText, *, before: int | None = None) -> Iterator[Reference]:
    """The references of :func:`find`, in order, read only as far as they are taken;
    ``before``: only those whose code starts before that normalised offset
    (:func:`~vnadmin.references.parser.parse` takes the first whose code is within
    :data:`REACH` of the start)."""
    s = nt.text
    original = nt.original
    last_end = 0  # normalised offset where the previous mention ended
    prev_type: str | None = None
    prev_code_end = -1
    memos = memo(default_registry)
    cache = ReadCache()  # this text's stretches read before (a text repeating one run)
    identity = nt.is_identity
    seen: dict[str, bool] = {}  # see _plainly_alone
    # What the head of a mention says (its run of "số", its type word), for at most
    # _SEEN_MAX heads: a text repeating one mention reads its head once.
    heads: dict[str, tuple[int | None, tuple[int, str] | None]] = {}
    for start in _iter_candidates(s):
        if before is not None and start >= before:
            return
        if start < last_end:
            continue
        if identity and (entry := cache.peek(s, start)) is not None:
            # A stretch read before: its verdict decides before a code is built for it.
            verdict = entry[2].get("ref")
            if verdict == _DROP or entry[0] is None:
                continue
            if verdict == _BARE and _plainly_alone(
                s, max(last_end, start - _LOOKBACK), start, prev_type, prev_code_end, seen
            ):
                continue
        code, stop = _read(nt, start, memos, cache)
        if code is None:
            continue
        entry = cache.last  # the verdicts on a stretch read before are kept with it
        if entry is None:
            verdict = _verdict(code)
        elif (verdict := entry[2].get("ref")) is None:
            verdict = entry[2]["ref"] = _verdict(code)
        if verdict == _DROP:
            continue
        head = s[max(last_end, start - _LOOKBACK) : start]
        read = heads.get(head)
        if read is None:
            read = (so := _so_run_start(head), _type_before(head, so))
            if len(heads) < _SEEN_MAX:
                heads[head] = read
        so, tw = read
        if verdict == _BARE and not _introduced(s, start, so, tw, prev_type, prev_code_end):
            continue
        if _FORM_NUMBER.search(head, max(0, len(head) - 24)):
            last_end = stop
            continue
        type_name: str | None = None
        type_span: tuple[int, int] | None = None
        mention_start = start
        if tw is not None:
            mention_start = start - len(head) + tw[0]
            type_name = tw[1]
            type_span = nt.to_original(mention_start, mention_start + len(type_name))
        else:
            if so is not None:
                mention_start = start - len(head) + so
            if prev_type is not None and _LIST_GAP.fullmatch(s, prev_code_end, start):
                type_name = prev_type
        end = stop
        code_o = code.span
        date = _date_after(s, stop)
        end_o = code_o[1]
        date_span: tuple[int, int] | None = None
        if date is not None:
            end = date[2]
            date_span = nt.to_original(date[1], end)
            end_o = date_span[1]
        im = _issuer_after(s, end)
        issuer = None
        issuer_span: tuple[int, int] | None = None
        if im is not None:
            raw = s[im[0] : im[1]]
            issuer = raw.strip()
            if issuer and _TYPE_WORD.match(issuer) is None:
                first = im[0] + len(raw) - len(raw.lstrip())
                issuer_span = nt.to_original(first, first + len(issuer))
                end = first + len(issuer)
                end_o = issuer_span[1]
            else:
                issuer = None
        if type_span is not None:
            start_o = type_span[0]
        elif mention_start == start:
            start_o = code_o[0]
        else:
            start_o = nt.to_original(mention_start, mention_start + 1)[0]
        yield Reference(
            code=code,
            type_name=type_name,
            date=date[0] if date is not None else None,
            issuer_text=issuer,
            code_span=code_o,
            span=(start_o, end_o),
            text=original[start_o:end_o],
            type_span=type_span,
            date_span=date_span,
            issuer_span=issuer_span,
        )
        prev_type = type_name
        prev_code_end = stop
        last_end = max(stop, end)


# --- short references -----------------------------------------------------------------

_SHORT = re.compile(
    r"\b(?P<type>" + _TYPE_RE + r")[ \t]+(?i:(?P<self>này)|(?P<above>nêu trên|trên|nói trên|đã nêu)"
    r"|số[ \t]+(?P<number>[0-9]{1,9})(?![0-9/-]))"
)


def resolve_references(
    source: Source, references: Sequence[Reference] | None = None
) -> tuple[ShortReference, ...]:
    """Find short references in ``source`` and resolve them against full ones.

    ``… này`` is the document itself; ``… nêu trên`` the nearest full mention of that
    type before it; ``… số N`` the first full mention of that type with number ``N``.
    ``references`` are the full mentions already found in the same text
    (:func:`find` of it when omitted). Linear in the text and the references. Never raises.

    >>> text = ("Căn cứ Công văn số 1302/UBDT-DTTS ngày 27/7/2023; thực hiện Công văn số 1302, "
    ...         "Quyết định này quy định …")
    >>> [(s.text, s.is_self, s.target and str(s.target.code)) for s in resolve_references(text)]
    [('Công văn số 1302', False, '1302/UBDT-DTTS'), ('Quyết định này', True, None)]
    """
    if not isinstance(source, (str, NormalizedText)) or not source:
        return ()
    nt = as_normalized(source)
    refs = sorted(
        find(nt) if references is None else references, key=lambda r: (r.span, r.code_span)
    )
    by_number: dict[tuple[str, int | None], Reference] = {}
    for r in refs:
        by_number.setdefault(((r.type_name or "").lower(), r.code.number), r)
    last_of_type: dict[str, Reference] = {}  # the last full mention ending before the cursor
    closed = 0  # refs[:closed] end at or before the cursor
    covering = 0  # refs[:covering] start at or before the cursor
    furthest = -1
    out: list[ShortReference] = []
    original = nt.original
    for m in _SHORT.finditer(nt.text):
        span = nt.to_original(m.start(), m.end())
        at = span[0]
        while covering < len(refs) and refs[covering].span[0] <= at:
            furthest = max(furthest, refs[covering].span[1])
            covering += 1
        while closed < len(refs) and refs[closed].span[1] <= at:
            r = refs[closed]
            if r.type_name:
                last_of_type[r.type_name.lower()] = r
            closed += 1
        if at < furthest:
            continue  # inside a full mention
        kind = m.group("type").lower()
        target: Reference | None = None
        number = int(m.group("number")) if m.group("number") else None
        if m.group("above"):
            target = last_of_type.get(kind)
        elif number is not None:
            target = by_number.get((kind, number))
        out.append(
            ShortReference(
                type_name=m.group("type"),
                span=span,
                text=original[span[0] : span[1]],
                number=number,
                is_self=m.group("self") is not None,
                target=target,
                type_span=nt.to_original(m.start("type"), m.end("type")),
            )
        )
    return tuple(out)
