"""Reading document codes: a linear scanner over normalised text.

The scanner accepts what real documents contain (domain notes §9.5–9.10,
corpus README) and records each repair:

* spaces around separators and inside a known abbreviation
  (``08 /2015/NĐ-CP``, ``37- CT/TW``, ``15/QĐ- U BND``);
* look-alikes and dashes (``NÐ``, ``NĐ–CP``), via :mod:`vnadmin.text`;
* lost hyphens (``1961/QĐUBND``, ``61/2018/NĐCP``, ``30c/NQCP``);
* ``/`` for ``-`` in the ký hiệu (``09/2024/QĐ/UBND``);
* lower case (``nđ-cp``) and miscased abbreviations (``ttg``);
* letter suffixes (``1249a``), commas, ``&`` and dots inside units;
* a leading ``Số:`` / ``số`` / ``Số``; unnumbered forms (``Số: /QĐ-UBND``,
  ``Số: …/QĐ-UBND``, ``Không số``).

It never backtracks: each character is looked at a bounded number of times, and
tokens are read lazily, so reading a code in running text stops where the code ends.
The shapes read are those of NĐ 30/2020/NĐ-CP, Phụ lục I, II.3 (see
:class:`~vnadmin.codes.model.CodeFamily`). How each ký hiệu reads is memoised per
registry state (:class:`Memo`), so a clean code costs one regex match and one memo hit.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import attrs

from vnadmin.codes.model import CodeFamily, DocumentCode, Shape, from_shape, shape_of
from vnadmin.errors import ParseError
from vnadmin.findings import Repair
from vnadmin.registry import (
    JOINT_KINDS,
    DocCategory,
    DocumentType,
    IssuerKind,
    Registry,
    default_registry,
)
from vnadmin.text import NormalizedText, Source, as_normalized, is_clean, normalize_text, read_one

__all__ = ["parse_code", "parse_or_none", "scan_code"]

_PREFIX = re.compile(r"[ \t\n]*(?:s[ốo]|S[ỐO])(?:[ \t]*:[ \t\n]*|[ \t\n]+|(?=[0-9./…_]))", re.I)
_KHONG_SO = re.compile(r"[ \t\n]*kh[ôo]ng[ \t]+s[ốo][ \t\n.;,:]*", re.I)
_NUMBER = re.compile(r"([0-9]{1,9})([a-zđ]{1,2}|[A-Z])?")
_PLACEHOLDER = frozenset("._…")
_WORD_JOINERS = frozenset("&.,")
_TRAILING = frozenset(" \t\n.,;:")
_MAX_SPLIT = 24
# A code has at most _MAX_TOKENS tokens (words, separators) of at most _MAX_WORD
# characters each (the longest in the corpus: 13 tokens, 21 characters): reading one from
# any place reads a bounded stretch of words, so a caller that tries every place of a
# text does linear work. A longer run is not a code (reason "too_long").
_MAX_TOKENS = 40
_MAX_WORD = 64
_SPACE = frozenset(" \t")
_BLANKS = re.compile(r"[ \t\n]+")
_LINEBREAK_OK = frozenset("/-")


@attrs.frozen
class _Tok:
    kind: str  # "word" | "sep" | "hole"
    text: str
    start: int
    end: int
    space_before: bool = False


def _unit_in_brackets(s: str, j: int, n: int) -> int:
    """Where a unit in brackets that starts at ``s[j] == "("`` ends (after its ``)``), or
    ``j``: capitals and digits, at most 10 (``TTr-CAT(PC04)``: the police's department)."""
    close = s.find(")", j + 1, min(n, j + 12))
    inner = s[j + 1 : close] if close != -1 else ""
    return close + 1 if inner.isalnum() and inner.isupper() and inner.isascii() else j


def _tokens(s: str, i: int, limit: int, end: list[int]) -> Iterator[_Tok]:
    """Tokens of a code starting at ``s[i]``, read lazily (the reader stops taking them
    where the code ends, so running text after a code is not read); stops at the first
    character that cannot belong to a code, and leaves that offset in ``end[0]``. Stops
    after :data:`_MAX_TOKENS` tokens or at a word longer than :data:`_MAX_WORD`, setting
    ``end[1]`` (the run is too long to be a code); ``end[2]`` is the end of the last
    token given; ``end[3]`` is kept at least one past the last character looked at (the
    result of a scan depends on ``s[i:end[3]]`` alone, see :func:`_read_cached`)."""
    last_kind = ""
    n = limit
    space = False
    end[0] = i
    count = 0
    while i < n:
        if count >= _MAX_TOKENS:
            end[1] = 1
            break
        count += 1
        c = s[i]
        if c in _SPACE or (c == "\n" and last_kind == "sep"):
            blanks = _BLANKS.match(s, i, n)
            assert blanks is not None
            j = blanks.end()
            if j >= end[3]:
                end[3] = j + 1
            if last_kind and last_kind != "sep":
                # A line break ends a code unless it follows a separator or comes before
                # one (and is the only one).
                breaks = s.count("\n", i, j)
                if breaks and (breaks > 1 or j >= n or s[j] not in _LINEBREAK_OK):
                    end[0] = i
                    return
            space = True
            i = j
            continue
        if i >= end[3]:
            end[3] = i + 1
        if c == "/" or c == "-":
            end[2] = i + 1
            yield _Tok("sep", c, i, i + 1, space)
            last_kind = "sep"
            space = False
            i += 1
            continue
        if c.isalnum():
            j = i + 1
            cap = min(n, i + _MAX_WORD + 1)
            while j < cap:
                d = s[j]
                if d.isalnum():
                    j += 1
                elif d in _WORD_JOINERS and j + 1 < n and s[j + 1].isalnum():
                    j += 2
                elif d == "(" and (k := _unit_in_brackets(s, j, n)) > j:
                    j = k  # a unit in brackets glued to the word: "CAT(PC04)"
                else:
                    break
            if j + 12 > end[3]:
                end[3] = j + 12  # the break, a joiner's next, a unit in brackets
            if j - i > _MAX_WORD:  # the start of a word too long for a code, and the end
                end[0] = end[2] = j
                end[1] = 1
                yield _Tok("word", s[i:j], i, j, space)
                return
            end[2] = j
            yield _Tok("word", s[i:j], i, j, space)
            last_kind = "word"
            space = False
            i = j
            continue
        if c in _PLACEHOLDER and not last_kind:
            j = i
            cap = min(n, i + _MAX_WORD + 1)
            while j < cap and s[j] in _PLACEHOLDER:
                j += 1
            if j >= end[3]:
                end[3] = j + 1
            if j - i > _MAX_WORD:
                end[1] = 1
            end[2] = j
            yield _Tok("hole", s[i:j], i, j, space)
            last_kind = "hole"
            space = False
            i = j
            continue
        break
    end[0] = i


def _digits(text: str) -> bool:
    """Whether ``text`` is ASCII digits only (``str.isdigit`` also takes ``²``, ``٣``)."""
    return text.isascii() and text.isdigit()


class _Fail(Exception):
    def __init__(self, reason: str, expected: str, start: int, end: int, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.expected = expected
        self.start = start
        self.end = end
        self.message = message
        self.stop = end


class _Builder:
    """What one scan reads with: the text, the memos (read once, at the start) and their
    registry, and the repairs made so far."""

    __slots__ = ("memo", "nt", "registry", "repairs")

    def __init__(self, nt: NormalizedText, memo: Memo) -> None:
        self.nt = nt
        self.memo = memo
        self.registry = memo.registry
        self.repairs: list[Repair] = []

    def repair(self, kind: str, start: int, end: int, after: str) -> None:
        o = self.nt.to_original(start, end)
        self.repairs.append(Repair(kind, o, self.nt.original[o[0] : o[1]], after))


@attrs.frozen
class _Head:
    number: int | None
    suffix: str
    year: int | None
    number_text: str
    separator: str
    source: str = ""
    span: tuple[int, int] = (0, 0)


def _code(
    head: _Head,
    family: CodeFamily,
    *,
    type_abbr: str | None = None,
    doc_type: DocumentType | None = None,
    issuers: tuple[str, ...] = (),
    units: tuple[str, ...] = (),
    term: int | None = None,
    type_after_slash: bool = False,
) -> DocumentCode:
    return DocumentCode(
        number=head.number,
        family=family,
        suffix=head.suffix,
        year=head.year,
        type_abbr=type_abbr,
        doc_type=doc_type,
        issuers=issuers,
        units=units,
        term=term,
        separator=head.separator,
        type_after_slash=type_after_slash,
        number_text=head.number_text,
        source=head.source,
        span=head.span,
    )


@attrs.frozen
class _Seg:
    text: str
    start: int
    end: int


def _join_spaced_words(b: _Builder, tokens: Iterable[_Tok]) -> list[_Tok]:
    """Resolve spaces: around separators they are noise; between the number and
    letters they stand for a lost separator; between two words they are joined
    only when the result is a known abbreviation. Otherwise the code ends (and no
    further token is read)."""
    out: list[_Tok] = []
    src = iter(tokens)
    k = -1  # index of ``t`` among the tokens read
    while (t := next(src, None)) is not None:
        k += 1
        if t.space_before and out:
            prev = out[-1]
            if t.kind == "sep" or prev.kind == "sep":
                b.repair("space_removed", prev.end, t.start, "")
            elif k == 1 and prev.kind == "word" and _digits(prev.text) and t.text[:1].isalpha():
                rest = [t, *src]  # whether a '/' comes later decides the separator
                src = iter(rest[1:])
                has_slash = any(x.kind == "sep" and x.text == "/" for x in rest)
                sep = "-" if has_slash else "/"
                b.repair("separator_inserted", prev.end, t.start, sep)
                out.append(_Tok("sep", sep, prev.end, t.start))
            elif prev.kind == "word" and t.kind == "word" and b.memo.known(prev.text + t.text):
                b.repair("space_removed", prev.end, t.start, "")
                out[-1] = _Tok("word", prev.text + t.text, prev.start, t.end, prev.space_before)
                continue
            else:
                return out
        out.append(t)
    return out


def _is_known(reg: Registry, word: str) -> bool:
    """Whether ``word`` is a registered abbreviation (ignoring case and dots); memoised
    in :attr:`Memo.known`."""
    return reg.type_abbr_folded(word) is not None or reg.issuer_abbr_folded(word) is not None


# --- memos ---------------------------------------------------------------------------------
#
# The parser's memos belong to one state of one registry (a registry that changes gets
# new ones: its version is part of the key, so no answer memoised before the change is
# ever given after it). Each is bounded by its entry count AND by the total length of its
# keys, and only keys of at most _KEY_MAX characters are kept (a longer ký hiệu is read
# again each time: the work is linear in it anyway), so what a memo holds is bounded in
# bytes whatever the input. A full memo drops its oldest entry, one at a time, never all
# at once. A reading is stored only when the registry's version is the same after it as
# when the memo was made: a change begins and ends with a new version (see
# vnadmin.registry), so a stored reading saw one whole state, the memo's own.
_KEY_MAX = 64
_KNOWN_MAX = 1 << 14
_SHAPE_MAX = 1 << 16  # > 50,000 distinct ký hiệu stay memoised (benchmarks/bench_codes.py)
_MISS: Any = object()


class _Owner(Protocol):
    registry: Registry
    version: int


class Table:
    """A bounded memo: ``get`` is a plain dict's (``_MISS`` when absent); :meth:`fill`
    computes and stores. At most ``entries`` keys of at most :data:`_KEY_MAX`
    characters (``entries * _KEY_MAX`` characters of keys at most); the oldest goes
    first when full."""

    __slots__ = ("compute", "data", "entries", "get", "lock", "owner")

    def __init__(self, owner: _Owner, compute: Callable[[str], Any], entries: int) -> None:
        self.owner = owner
        self.compute = compute
        self.entries = entries
        self.data: dict[str, Any] = {}
        self.get = self.data.get
        self.lock = threading.Lock()

    def __call__(self, key: str) -> Any:
        found = self.get(key, _MISS)
        return self.fill(key) if found is _MISS else found

    def fill(self, key: str) -> Any:
        value = self.compute(key)
        owner = self.owner
        if len(key) <= _KEY_MAX and owner.registry._version == owner.version:
            data = self.data
            with self.lock:  # readers only read: every change of ``data`` is made here
                while len(data) >= self.entries:
                    del data[next(iter(data))]
                data[key] = value
        return value

    def __len__(self) -> int:
        return len(self.data)


class Memo:
    """The memos of the parser for ``registry`` at ``version``: :attr:`shape` (how a
    ký hiệu reads) and :attr:`known` (whether a word is a registered abbreviation)."""

    __slots__ = ("known", "registry", "shape", "version")

    def __init__(self, registry: Registry, version: int) -> None:
        self.registry = registry
        self.version = version
        self.shape = Table(self, functools.partial(_read_shape, self), _SHAPE_MAX)
        self.known = Table(self, functools.partial(_is_known, registry), _KNOWN_MAX)


@functools.lru_cache(maxsize=16)
def _memo_for(registry: Registry, version: int) -> Memo:
    return Memo(registry, version)


# The registry used last, its version and its memos: one identity test instead of a call.
_last_memo: tuple[object, int, Any] = (None, -1, None)


def memo(registry: Registry) -> Memo:
    """The memos for ``registry`` as it is now (the last one used is at hand). Read once
    at the start of a parse: the whole parse uses them."""
    global _last_memo
    last = _last_memo
    if last[0] is registry and last[1] == registry._version:
        found: Memo = last[2]
        return found
    found = _memo_for(registry, registry._version)
    _last_memo = (registry, found.version, found)
    return found


def scan_code(
    text: str | NormalizedText,
    pos: int = 0,
    *,
    registry: Registry | None = None,
    end: int | None = None,
) -> tuple[DocumentCode, int] | None:
    """Read one code starting exactly at ``pos`` of the normalised text.

    Returns the code and the offset (in the normalised text) where it ends, or
    ``None`` when no code starts there (or ``pos`` is outside the text). Never
    raises. Spans and repairs of the result point into the original string. This is
    the building block of :func:`vnadmin.find_references`.

    It reads at most 40 tokens (words and separators) of at most 64 characters each,
    and the blanks between them: a caller that scans from every candidate of a text
    does work linear in the text.
    """
    nt = as_normalized(text)
    if not 0 <= pos < len(nt.text):
        return None
    m = memo(default_registry if registry is None else registry)
    if end is None:
        fast = _scan_fast(nt, pos, m)
        if fast is not None:
            return fast
    try:
        code, stop = _scan(nt, pos, m, end)
    except _Fail:
        return None
    return code, stop


def _scan(
    nt: NormalizedText, pos: int, m: Memo, limit: int | None, reach: list[int] | None = None
) -> tuple[DocumentCode, int]:
    s = nt.text
    n = len(s) if limit is None else min(limit, len(s))
    b = _Builder(nt, m)
    end = [pos, 0, pos, pos + 1] if reach is None else reach
    toks = _join_spaced_words(b, _tokens(s, pos, n, end))
    stop = end[0]
    try:
        if end[1] and toks and toks[-1].end >= end[2]:  # the code would go on
            at = toks[-1].end if toks else pos
            raise _Fail("too_long", "a code (a few short words)", pos, at, "too long for a code")
        return _read_tokens(nt, pos, b, toks, stop)
    except _Fail as fail:
        fail.stop = toks[-1].end if toks else pos  # where the code-shaped run ends
        raise


def _read_tokens(
    nt: NormalizedText, pos: int, b: _Builder, toks: list[_Tok], stop: int
) -> tuple[DocumentCode, int]:
    # Drop separators left dangling at the end (``05/QĐ-``) — they end the code.
    dangling = bool(toks) and toks[-1].kind == "sep"
    while toks and toks[-1].kind == "sep":
        toks.pop()
    if not toks:
        raise _Fail("no_number", "a number such as 05 or 1656", pos, max(pos, stop), "no code here")
    stop = toks[-1].end
    first = toks[0]
    number: int | None
    number_text = ""
    suffix = ""
    if first.kind == "hole" or (first.kind == "sep" and first.text == "/"):
        number = None
        rest = toks[1:] if first.kind == "hole" else toks
        if not rest or rest[0].kind != "sep" or rest[0].text != "/":
            raise _Fail("no_number", "a number before '/'", first.start, first.end, "no number")
    elif first.kind == "word" and "0" <= first.text[0] <= "9":
        m = _NUMBER.fullmatch(first.text)
        if m is None:
            bad = re.match(r"[0-9]*", first.text)
            cut = first.start + (bad.end() if bad else 0)
            if len(first.text) > 9 and _digits(first.text):
                raise _Fail(
                    "number_too_long", "at most 9 digits", first.start, first.end, "number too long"
                )
            raise _Fail(
                "bad_number",
                "digits, then '/' or '-'",
                cut,
                first.end,
                "unexpected text after the number",
            )
        number_text = m.group(1)
        number = int(number_text)
        suffix = m.group(2) or ""
        rest = toks[1:]
    else:
        raise _Fail("no_number", "a number such as 05 or 1656", first.start, first.end, "no number")
    if not rest and dangling:
        at = first.end
        raise _Fail("no_symbol", "a ký hiệu such as QĐ-UBND", at, at, "the ký hiệu is missing")
    if not rest or rest[0].kind != "sep":
        at = rest[0].start if rest else first.end
        raise _Fail(
            "no_separator", "'/' or '-' after the number", at, at, "no '/' after the number"
        )
    sep = rest[0].text
    body = rest[1:]
    year: int | None = None
    if (
        sep == "/"
        and len(body) >= 3
        and body[0].kind == "word"
        and len(body[0].text) == 4
        and _digits(body[0].text)
        and body[1].kind == "sep"
    ):
        year = int(body[0].text)
        if body[1].text != "/":
            b.repair("slash_to_hyphen", body[1].start, body[1].end, "/")
        body = body[2:]
    if dangling and len(body) == 1 and _digits(body[0].text) and len(body[0].text) == 4:
        body = []
    if not body:
        at = rest[-1].end
        raise _Fail("no_symbol", "a ký hiệu such as QĐ-UBND", at, at, "the ký hiệu is missing")
    # Words and separators must alternate; doubled separators are noise.
    left: list[_Seg] = []
    right: list[_Seg] = []
    target = left
    expect_word = True
    for t in body:
        if t.kind == "hole":
            raise _Fail("unexpected", "a ký hiệu", t.start, t.end, "unexpected placeholder")
        if t.kind == "sep":
            if expect_word:
                b.repair("separator_removed", t.start, t.end, "")
                continue
            if t.text == "/":
                if sep == "-" and target is left:
                    target = right
                else:
                    b.repair("slash_to_hyphen", t.start, t.end, "-")
            expect_word = True
            continue
        target.append(_Seg(t.text, t.start, t.end))
        expect_word = False
    code = _classify(b, number, suffix, number_text, year, sep, left, right)
    o = nt.to_original(pos if number is None else first.start, stop)
    code = from_shape(
        shape_of(code),
        code.number,
        code.number_text,
        nt.original[o[0] : o[1]],
        o,
        tuple(sorted([*_text_repairs(nt, o), *b.repairs], key=lambda r: r.span)),
    )
    return code, stop


def _text_repairs(nt: NormalizedText, span: tuple[int, int]) -> list[Repair]:
    if nt.is_identity:
        return []
    return list(nt.repairs_in(span[0], span[1]))


# --- segment resolution -------------------------------------------------------------


def _canon(b: _Builder, seg: _Seg, *, as_type: bool) -> str:
    """The registered spelling of a segment, repairing case; else as written
    (all-lowercase unknown words are upper-cased)."""
    reg = b.registry
    text = seg.text
    if as_type and reg.is_type(text):
        return text
    if reg.issuer(text) is not None:
        return text
    folded = reg.type_abbr_folded(text) if as_type else None
    if folded is None:
        folded = reg.issuer_abbr_folded(text)
    if folded is not None and "." not in text:
        if folded != text:
            b.repair("case", seg.start, seg.end, folded)
        return folded
    if text.islower():
        up = text.upper()
        b.repair("case", seg.start, seg.end, up)
        return up
    return text


def _split_lost_hyphen(b: _Builder, seg: _Seg, *, type_first: bool) -> list[_Seg] | None:
    """Split ``QĐUBND`` into ``QĐ`` + ``UBND`` when both halves are known."""
    text = seg.text
    reg = b.registry
    if len(text) > _MAX_SPLIT or b.memo.known(text):
        return None
    for k in range(1, len(text)):
        head, tail = text[:k], text[k:]
        head_ok = reg.type_abbr_folded(head) if type_first else reg.issuer_abbr_folded(head)
        if head_ok is None:
            continue
        if reg.issuer_abbr_folded(tail) is not None or reg.issuer(tail) is not None:
            b.repair("hyphen_inserted", seg.start + k, seg.start + k, "-")
            return [_Seg(head, seg.start, seg.start + k), _Seg(tail, seg.start + k, seg.end)]
    return None


def _expand(b: _Builder, segs: list[_Seg]) -> list[_Seg]:
    out: list[_Seg] = []
    for k, seg in enumerate(segs):
        split = _split_lost_hyphen(b, seg, type_first=(k == 0))
        out.extend(split or [seg])
    return out


def _is_type(reg: Registry, abbr: str) -> bool:
    return reg.is_type(abbr) or reg.type_abbr_folded(abbr) is not None


def _classify(
    b: _Builder,
    number: int | None,
    suffix: str,
    number_text: str,
    year: int | None,
    sep: str,
    left: list[_Seg],
    right: list[_Seg],
    source: str = "",
    span: tuple[int, int] = (0, 0),
) -> DocumentCode:
    reg = b.registry
    base = _Head(number, suffix, year, number_text, sep, source, span)
    if sep == "-":
        return _classify_dash(b, base, left, right)
    segs = _expand(b, left)
    head = segs[0]
    # National Assembly: NN/YYYY/QHkk, NN/YYYY/UBTVQHkk
    if len(segs) == 1 and year is not None:
        iss = reg.issuer(_canon(b, head, as_type=False))
        if iss is not None and iss.term is not None:
            return _code(base, CodeFamily.NATIONAL_ASSEMBLY, issuers=(iss.abbr,), term=iss.term)
    head_is_type = _is_type(reg, head.text)
    head_issuer = reg.issuer(head.text) or reg.issuer(reg.issuer_abbr_folded(head.text) or "")
    if head_is_type and not (head_issuer is not None and not reg.is_type(head.text)):
        tabbr = _canon(b, head, as_type=True)
        others = [_canon(b, s, as_type=False) for s in segs[1:]]
        if reg.document_type(tabbr, DocCategory.COPY) is not None:
            return _code(
                base,
                CodeFamily.COPY,
                type_abbr=tabbr,
                doc_type=reg.document_type(tabbr, DocCategory.COPY),
                issuers=tuple(others[:1]),
                units=tuple(others[1:]),
            )
        category = DocCategory.NORMATIVE if year is not None else DocCategory.ADMINISTRATIVE
        dtype = (
            reg.document_type(tabbr, category)
            or (
                reg.document_type(tabbr, DocCategory.ADMINISTRATIVE)
                if year is not None
                else reg.document_type(tabbr, DocCategory.NORMATIVE)
            )
            or reg.document_type(tabbr, DocCategory.INTERNAL)
        )
        joint = tabbr.endswith("LT") or _joint_issuers(reg, others) >= 2
        if joint:
            return _code(
                base, CodeFamily.JOINT, type_abbr=tabbr, doc_type=dtype, issuers=tuple(others)
            )
        family = CodeFamily.NORMATIVE if year is not None else CodeFamily.ADMINISTRATIVE
        return _code(
            base,
            family,
            type_abbr=tabbr,
            doc_type=dtype,
            issuers=tuple(others[:1]),
            units=tuple(others[1:]),
        )
    names = [_canon(b, s, as_type=False) for s in segs]
    if head_issuer is None and len(names) > 1 and reg.issuer(names[1]) is not None:
        if _joint_issuers(reg, names[1:]) >= 2:
            # Unknown type abbreviation followed by several known issuers.
            return _code(base, CodeFamily.JOINT, type_abbr=names[0], issuers=tuple(names[1:]))
        # Unknown abbreviation before a known issuer: an unregistered type.
        family = CodeFamily.NORMATIVE if year is not None else CodeFamily.ADMINISTRATIVE
        return _code(base, family, type_abbr=names[0], issuers=(names[1],), units=tuple(names[2:]))
    if len(names) == 1 or year is not None:
        return _code(base, CodeFamily.LEGACY, issuers=(names[0],), units=tuple(names[1:]))
    return _code(
        base,
        CodeFamily.CONG_VAN,
        issuers=(names[0],),
        units=tuple(names[1:]),
        doc_type=reg.type_by_name("Công văn", DocCategory.ADMINISTRATIVE),
    )


def _joint_issuers(reg: Registry, names: list[str]) -> int:
    count = 0
    for name in names:
        iss = reg.issuer(name)
        if iss is not None and iss.kind in JOINT_KINDS:
            count += 1
    return count


def _classify_dash(b: _Builder, base: _Head, left: list[_Seg], right: list[_Seg]) -> DocumentCode:
    reg = b.registry
    if not right:
        segs = _expand(b, left)
        if len(segs) == 1 and _is_type(reg, segs[0].text):
            tabbr = _canon(b, segs[0], as_type=True)
            return _code(base, CodeFamily.LEGACY, type_abbr=tabbr, doc_type=_state_type(reg, tabbr))
        names = [_canon(b, s, as_type=False) for s in segs]
        return _code(base, CodeFamily.LEGACY, issuers=tuple(names))
    if len(right) == 1 and not _is_type(reg, left[0].text) and _is_type(reg, right[0].text):
        # Older style ``106-TĐC/QĐ``: issuer first, type after the slash.
        tabbr = _canon(b, right[0], as_type=True)
        return _code(
            base,
            CodeFamily.LEGACY,
            type_abbr=tabbr,
            doc_type=_state_type(reg, tabbr),
            issuers=tuple(_canon(b, s, as_type=False) for s in left),
            type_after_slash=True,
        )
    tabbr = _canon(b, left[0], as_type=True)
    units = tuple(_canon(b, s, as_type=False) for s in left[1:])
    issuers = tuple(_canon(b, s, as_type=False) for s in right)
    first = reg.issuer(issuers[0])
    party = (first is not None and first.kind is IssuerKind.PARTY) or (
        reg.document_type(tabbr, DocCategory.PARTY) is not None
        and not any(
            reg.document_type(tabbr, c) for c in (DocCategory.ADMINISTRATIVE, DocCategory.NORMATIVE)
        )
    )
    if party:
        return _code(
            base,
            CodeFamily.PARTY,
            type_abbr=tabbr,
            doc_type=reg.document_type(tabbr, DocCategory.PARTY),
            issuers=issuers,
            units=units,
        )
    return _code(
        base,
        CodeFamily.LEGACY,
        type_abbr=tabbr,
        doc_type=_state_type(reg, tabbr),
        issuers=issuers,
        units=units,
    )


def _state_type(reg: Registry, abbr: str) -> DocumentType | None:
    return reg.document_type(abbr, DocCategory.NORMATIVE) or reg.document_type(
        abbr, DocCategory.ADMINISTRATIVE
    )


# --- fast path -------------------------------------------------------------------------

# A code's number, separator, optional year and ký hiệu. Which ký hiệu reads how is
# decided once by the general scanner (on ``1/...`` or ``1/2000/...``) and memoised per
# registry version, so the fast path gives exactly what the scanner gives (tested on the
# corpus and on generated codes) while costing one regex match and one memo hit.
_FAST = re.compile(r"([0-9]{1,9})([/-](?:[0-9]{4}/)?[^\s/\-]\S{0,63}(?: \S{1,63}){0,4})")
_TAIL = re.compile(r"([/-])(?:([0-9]{4})/)?(.*)", re.DOTALL)
# Spans (0, n) are shared: most parsed strings hold just the code.
_ZERO_SPANS = tuple((0, n) for n in range(128))


def _read_shape(memos: Memo, tail: str) -> Shape | None:
    """The shape (every field but the number and the provenance, see
    :data:`~vnadmin.codes.model.SHAPE_FIELDS`) of a code whose number is followed by
    ``tail`` (``/QĐ-UBND``, ``/2020/NĐ-CP``), as the general scanner reads ``1`` +
    ``tail`` — repairs relative to the start of ``tail`` — or ``None`` when the scanner
    reads it another way (it fails, or the number changes). Memoised in
    :attr:`Memo.shape`."""
    m = _TAIL.fullmatch(tail)
    assert m is not None
    sep, year_text = m.group(1), m.group(2)
    synthetic = "1" + tail
    # A tail cut from normalised text is clean: no normalisation is run for it.
    nt = NormalizedText(synthetic, synthetic) if is_clean(synthetic) else normalize_text(synthetic)
    try:
        code, stop = _scan(nt, 0, memos, None)
    except _Fail:
        return None
    if (
        stop == len(synthetic)
        and code.number == 1
        and not code.suffix
        and code.year == (None if year_text is None else int(year_text))
        and code.separator == sep
        and all(r.span[0] >= 1 for r in code.repairs)
    ):
        # Repairs (``NĐCP``, ``QĐ/UBND``, ``NQ- CP``) are kept relative to the tail.
        shape = shape_of(code)
        return (*shape[:-1], tuple(r.shifted(-1) for r in code.repairs))
    return None


def _fast(text: str, reg: Registry) -> DocumentCode | None:
    """Codes with a clean number (and year), without tokenising: the ký hiệu's reading
    is memoised. Returns ``None`` whenever the general scanner is needed."""
    start = 0
    if text[:1] in "Ss":
        pm = _PREFIX.match(text)
        if pm is not None:
            start = pm.end()
    end = len(text)
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    m = _FAST.fullmatch(text, start, end)
    if m is None:
        return None
    number_text, tail = m.groups()
    last = _last_memo  # memo(reg), inlined: this is the hot path
    table = (last[2] if last[0] is reg and last[1] == reg._version else memo(reg)).shape
    shape = table.get(tail, _MISS)
    if shape is _MISS:
        shape = table.fill(tail)
    if shape is None:
        return None
    repairs = shape[-1]
    if repairs:
        at = m.start(2)
        repairs = tuple(r.shifted(at) for r in repairs)
    if start == 0 and end == len(text):
        source = text  # the caller's string itself: nothing copied
        span = _ZERO_SPANS[end] if end < 128 else (0, end)
    else:
        source = m.group()
        span = (start, end)
    return from_shape(shape, int(number_text), number_text, source, span, repairs)


# In running text: a clean code, then what follows must end it for the scanner (no
# word joined across a space, no separator after spaces or a line break).
_RUN = re.compile(
    r"([0-9]{1,9})([/-](?:[0-9]{4}/)?"
    r"(?:[^\W_]+(?:[&.,][^\W_]+)*[/-])*([^\W_]+(?:[&.,][^\W_]+)*))"
)
_RUN_WINDOW = 9 + _KEY_MAX + 2  # the number, then one character more than a memoised tail
_RUN_WORD = re.compile(r"[^\W_]+(?:[&.,][^\W_]+)*")
_RUN_GAP = re.compile(r"[ \t\n]+")


def _scan_fast(nt: NormalizedText, pos: int, memos: Memo) -> tuple[DocumentCode, int] | None:
    """:func:`_scan` for a clean code in running text; ``None`` when unsure (and for a
    ký hiệu too long to memoise)."""
    s = nt.text
    # Read in a window just long enough for a memoisable code: a longer one (or a long
    # run of words and separators) is left to the scanner, which reads a bounded number
    # of tokens, so trying this at every candidate of a text stays linear.
    m = _RUN.match(s, pos, pos + _RUN_WINDOW)
    if m is None or m.end(2) - m.start(2) > _KEY_MAX:
        return None
    e = m.end()
    if e < len(s):
        c = s[e]
        if c in "/-" or (c in "&.," and e + 1 < len(s) and s[e + 1].isalnum()):
            return None
        if c == "(" and _unit_in_brackets(s, e, len(s)) > e:
            return None  # a unit in brackets: the scanner reads it
        if c in " \t\n":
            gap = _RUN_GAP.match(s, e)
            assert gap is not None
            j = gap.end()
            if j < len(s):
                nxt = s[j]
                if nxt in "/-":
                    return None
                if nxt.isalnum() and "\n" not in gap.group():
                    w = _RUN_WORD.match(s, j, j + _MAX_WORD + 1)  # longer: no abbreviation
                    if w is None or (
                        w.end() - j <= _MAX_WORD and memos.known(m.group(3) + w.group())
                    ):
                        return None
    number_text, tail = m.group(1, 2)
    shape = memos.shape(tail)
    if shape is None or shape[-1]:
        return None
    o = nt.to_original(pos, e)
    if not nt.is_identity and (o[1] - o[0] != e - pos or nt.repairs_in(*o)):
        return None
    code = from_shape(shape, int(number_text), number_text, nt.original[o[0] : o[1]], o, ())
    return code, e


def _read(
    nt: NormalizedText, pos: int, m: Memo, cache: ReadCache | None = None
) -> tuple[DocumentCode | None, int]:
    """:func:`scan_code` for the finder: the code read at ``pos`` (``None`` when there is
    none) and where the code-shaped run read from ``pos`` ends (also on failure).
    ``cache`` (one per text, see :class:`ReadCache`) answers for a stretch read before."""
    if cache is not None and nt.is_identity:
        hit = cache.get(nt.text, pos)
        if hit is not None:
            return hit
    fast = _scan_fast(nt, pos, m)
    if fast is not None:
        if cache is not None:
            cache.last = None
        return fast
    if cache is not None and nt.is_identity:
        return cache.scan(nt, pos, m)
    try:
        return _scan(nt, pos, m, None)
    except _Fail as fail:
        return None, max(fail.stop, pos + 1)


_CACHE_ENTRIES = 512
_CACHE_KEY = 160
_CACHE_LENGTHS = 6


class ReadCache:
    """What the general scanner read in one text that normalisation left as it was: a
    stretch (the characters the scan looked at) -> the result, relative to its start.

    What a scan gives depends only on the characters it looked at (the tokenizer keeps
    how far it looked) and the registry, so a stretch equal to one read before gives that
    result again, moved (and the fast path, where it answers, gives what the scanner
    gives): a text that repeats one code-shaped run (``1/Q Đ`` ten thousand times) costs
    one scan, then a lookup per candidate. Bounded: at most :data:`_CACHE_ENTRIES`
    stretches of at most :data:`_CACHE_KEY` characters, of at most
    :data:`_CACHE_LENGTHS` distinct lengths (each lookup tries those). :attr:`last` is
    the entry that gave (or took) the last result — a list whose third item is a dict
    where the caller may keep its own verdicts on that code — or ``None``."""

    __slots__ = ("entries", "last", "lengths")

    def __init__(self) -> None:
        self.entries: dict[str, list[Any]] = {}
        self.lengths: list[int] = []
        self.last: list[Any] | None = None

    def get(self, s: str, pos: int) -> tuple[DocumentCode | None, int] | None:
        """The result kept for the stretch at ``pos``, moved there, or ``None``."""
        entries = self.entries
        for length in self.lengths:
            entry = entries.get(s[pos : pos + length])
            if entry is not None:
                self.last = entry
                kept = entry[0]
                if kept is None:
                    return None, entry[1] + pos
                shape, number, number_text, source, span, kept_repairs = kept
                repairs = (
                    tuple([Repair(k, (a + pos, z + pos), w, r) for k, a, z, w, r in kept_repairs])
                    if kept_repairs
                    else ()
                )
                code = from_shape(
                    shape, number, number_text, source, (span[0] + pos, span[1] + pos), repairs
                )
                return code, entry[1] + pos
        self.last = None
        return None

    def peek(self, s: str, pos: int) -> list[Any] | None:
        """The entry kept for the stretch at ``pos`` (the one :meth:`get` would answer
        from), without building its code: a finder reads the verdicts it kept in the
        entry's dict (``entry[2]``) before it pays for a code it would drop. ``entry[0]``
        is ``None`` when the stretch reads as no code; the run ends at ``entry[1] + pos``."""
        entries = self.entries
        for length in self.lengths:
            entry = entries.get(s[pos : pos + length])
            if entry is not None:
                return entry
        return None

    def scan(self, nt: NormalizedText, pos: int, m: Memo) -> tuple[DocumentCode | None, int]:
        """:func:`_scan` at ``pos`` (failure as ``None``), its result kept."""
        self.last = None
        s = nt.text
        reach = [pos, 0, pos, pos + 1]
        result: tuple[DocumentCode | None, int]
        try:
            result = _scan(nt, pos, m, None, reach)
        except _Fail as fail:
            result = None, max(fail.stop, pos + 1)
        # A scan that looked at the end of the text depends on where it ends: not kept.
        length = reach[3] - pos
        if reach[3] >= len(s) or length > _CACHE_KEY or len(self.entries) >= _CACHE_ENTRIES:
            return result
        if length not in self.lengths:
            if len(self.lengths) >= _CACHE_LENGTHS:
                return result
            self.lengths.append(length)
        code, stop = result
        kept = None
        if code is not None:
            kept = (
                shape_of(code),
                code.number,
                code.number_text,
                code.source,
                (code.span[0] - pos, code.span[1] - pos),
                tuple(
                    (r.kind, r.span[0] - pos, r.span[1] - pos, r.before, r.after)
                    for r in code.repairs
                ),
            )
        entry: list[Any] = [kept, stop - pos, {}]
        self.entries[s[pos : pos + length]] = entry
        self.last = entry
        return result


# --- the public entry point -----------------------------------------------------------


def parse_code(text: Source, *, registry: Registry | None = None) -> DocumentCode:
    """Parse one document code (số, ký hiệu), leniently.

    ``text`` holds one code, optionally preceded by ``Số:``/``số`` and
    followed by punctuation (NĐ 30, Phụ lục I, II.3); a
    :class:`~vnadmin.NormalizedText` is read without normalising it again. Raises :class:`~vnadmin.ParseError` with a
    ``reason`` of ``"empty"``, ``"no_number"``, ``"bad_number"``,
    ``"number_too_long"``, ``"no_separator"``, ``"no_symbol"``, ``"too_long"``
    (more than 40 tokens, or a word of more than 64 characters) or
    ``"trailing_text"``. Raises nothing else on a string.

    >>> c = parse_code("Số: 1656/QĐ-UBND")
    >>> c.number, c.doc_type.name, c.issuers, c.family.value
    (1656, 'Quyết định', ('UBND',), 'administrative')
    >>> str(parse_code("61/2018/NĐCP"))
    '61/2018/NĐ-CP'
    >>> c = parse_code("123/UBND-VP")
    >>> c.family.value, c.issuers, c.units
    ('cong_van', ('UBND',), ('VP',))
    >>> parse_code("Số: /QĐ-UBND").is_unnumbered
    True
    """
    reg = default_registry if registry is None else registry
    if isinstance(text, str):
        code = _fast(text, reg)
        if code is not None:
            return code
        result = _parse(text, reg, explain=True)
        original = text
    elif isinstance(text, NormalizedText):
        result = (_fast(text.text, reg) if text.is_identity else None) or _parse(
            text, reg, explain=True
        )
        original = text.original
    else:  # not text: one error model (ParseError, reason "empty"), as every parse
        read_one(text, "code", "1656/QĐ-UBND")
        raise AssertionError("unreachable")  # pragma: no cover - read_one raised
    if isinstance(result, DocumentCode):
        return result
    assert result is not None
    message, reason, span, expected = result
    raise ParseError(message, input=original, span=span, reason=reason, expected=expected)


_Failure = tuple[str, str, tuple[int, int], str]
# What any code parse_code accepts must start with (checked on the raw text, so it
# allows NFD marks, invisible characters and dash look-alikes): a cheap reject for junk.
# (W* once: the white space before ``Số`` and after it, or before the number, is one run
# for the engine, never two quantifiers over the same characters side by side.)
_W = r"[\s\u200b-\u200d\u2060\ufeff]"
_START = re.compile(
    rf"{_W}*"
    rf"(?:[Ss][ốoỐO\u0300-\u036f]{{1,3}}[^0-9/／⁄∕._…]{{0,16}}{_W}*)?"
    r"(?:[0-9][0-9\u200b-\u200d\u2060\ufeff]{0,30}(?:[a-zđ]{1,2}|[A-Z])?"
    rf"{_W}*"
    r"[/／⁄∕\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]"
    rf"|[0-9]{{1,9}}{_W}+[^\W\d_]"
    r"|[._…][._…\s]*[/／⁄∕]"
    r"|[/／⁄∕]"
    r"|[Kk])"
)


def parse_or_none(text: str, *, registry: Registry | None = None) -> DocumentCode | None:
    """:func:`parse_code` without exceptions: the code, or ``None`` when ``text``
    is not one (cheaper than catching :class:`ParseError` on junk)."""
    if _START.match(text) is None:
        return None
    reg = default_registry if registry is None else registry
    result = _fast(text, reg) or _parse(text, reg, explain=False)
    return result if isinstance(result, DocumentCode) else None


def _parse(text: Source, reg: Registry, *, explain: bool) -> DocumentCode | _Failure | None:
    """The general path: normalise, then scan; a failure is described when ``explain``."""
    nt = as_normalized(text)
    text = nt.original
    s = nt.text
    if not s.strip():
        return ("empty input", "empty", (0, len(text)), "a code") if explain else None
    m = _KHONG_SO.fullmatch(s)
    if m is not None:
        o = nt.to_original(len(s) - len(s.lstrip()), len(s.rstrip(" \t\n.;,:")))
        return DocumentCode(
            number=None,
            family=CodeFamily.UNNUMBERED,
            source=text[o[0] : o[1]],
            span=o,
            repairs=tuple(_text_repairs(nt, o)),
        )
    pos = 0
    pm = _PREFIX.match(s)
    if pm is not None and pm.end() < len(s):
        pos = pm.end()
    while pos < len(s) and s[pos] in " \t\n":
        pos += 1
    try:
        code, stop = _scan(nt, pos, memo(reg), None)
    except _Fail as fail:
        if not explain:
            return None
        return fail.message, fail.reason, nt.to_original(fail.start, fail.end), fail.expected
    tail = stop
    while tail < len(s) and s[tail] in _TRAILING:
        tail += 1
    if tail < len(s):
        if not explain:
            return None
        o = nt.to_original(stop, len(s))
        return "unexpected text after the code", "trailing_text", o, "the end of the code"
    return code
