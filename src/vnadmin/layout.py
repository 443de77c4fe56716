"""Layout knowledge the block parsers share: signing marks, capitals, the Nơi nhận header.

The end of a document lays the signature block (NĐ 30/2020/NĐ-CP, Điều 13 and Phụ lục I,
II.7; ô 7a–7c) beside the recipient lists (Phụ lục I, II.9; ô 9a, 9b): ``Nơi nhận:`` is
written flush left, level with the signer's quyền hạn line, so in plain text the two
columns often share lines. :mod:`vnadmin.signatures` and :mod:`vnadmin.recipients` both
need to tell one column from the other; what they both know lives here, once:

* the signing marks ``TM.``, ``KT.``, ``TL.``, ``TUQ.``, ``Q.`` and the Party forms
  ``T/M``, ``K/T``, ``T/L`` (Hướng dẫn 36-HD/VPTW) — :data:`MARK`, :func:`find_marks`,
  :func:`strict_mark_at`;
* words and lines in capitals (the titles of ô 7a/7b) — :func:`is_upper_word`,
  :func:`starts_foreign`, and the two columns sharing lines — :func:`entry_follows`;
* capitalised name syllables (ô 7b) — :func:`is_name_word`;
* the tokens of the block region (:func:`tokens`, notes in brackets :func:`is_note`) and
  the Nơi nhận entries that share a line with the signature column (:func:`skip_entry`);
* the ``Nơi nhận`` / ``Kính gửi`` headers — :data:`HEADER`, :func:`find_headers`,
  :func:`is_noi_nhan_words`;
* one comparison key (:func:`fold`) and the mapping of whitespace-collapsed fields back to
  their text (:func:`collapsed_span`, :func:`trim`).

Every function works on the normalised text (``NormalizedText.text``) in its coordinates.

>>> s = "Nơi nhận:        KT. BỘ TRƯỞNG"
>>> [(m.start(), m.group()) for m in find_marks(s)]
[(17, 'KT.')]
>>> [(m.start(), m.group(1)) for m in find_headers(s)]
[(0, 'Nơi nhận')]
>>> starts_foreign(s, 17), fold("Như  trên")
(True, 'NHƯ TRÊN')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from vnadmin.text import fold_words

__all__ = [
    "FOLD_MEMO_MAX",
    "HEADER",
    "MARK",
    "LazyTokens",
    "Tok",
    "collapsed_span",
    "entry_follows",
    "find_headers",
    "find_marks",
    "fold",
    "is_name_word",
    "is_noi_nhan_words",
    "is_note",
    "is_upper_word",
    "mark_ok_at",
    "signature_at",
    "skip_entry",
    "starts_foreign",
    "strict_mark_at",
    "tokens",
    "trim",
]

#: A signing mark (NĐ 30, Phụ lục I, II.7.b), any case: group 1 the state mark without its
#: period (``TUQ``, ``TM``, ``KT``, ``TL``, ``Q``), group 2 a Party mark (``T/M``, ``K/T``,
#: ``T/L``; Hướng dẫn 36-HD/VPTW), whose period is optional.
MARK = re.compile(r"(TUQ|TM|KT|TL|Q)\.|(T/M|K/T|T/L)\.?", re.IGNORECASE)

# The literal prefilter of a mark in running text: the first letter in capitals (a mark
# written in lower case never starts a block), the others in any case. Case-sensitive, so
# the regex engine scans for the first letters [TKQ] in C; MARK is matched only at a hit.
_MARK_HIT = re.compile(r"T[Uu][Qq]\.|T[MmLl]\.|K[Tt]\.|Q\.|T/[MmLl]|K/[Tt]")


def mark_ok_at(s: str, m: re.Match[str]) -> bool:
    """Whether the mark ``m`` can start a signature block in ``s``.

    Not inside a word or a code (``QĐ-TTg.``, ``1/TM.``), written with a capital first
    letter, and followed (over spaces and line breaks) by a word starting in capitals.
    """
    a = m.start()
    if a > 0 and (s[a - 1].isalnum() or s[a - 1] in "/."):
        return False
    j = m.end()
    n = len(s)
    while j < n and s[j] in " \t\n":
        j += 1
    return j < n and s[j].isupper() and s[a].isupper()


def find_marks(s: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The :data:`MARK` matches of ``s[start:end]`` that can start a block (:func:`mark_ok_at`).

    A literal prefilter finds the candidates; the full pattern runs only at them.

    >>> [m.group() for m in find_marks("QĐ-TTg. TM. CHÍNH PHỦ tm. x K/T BAN")]
    ['TM.', 'K/T']
    """
    stop = len(s) if end is None else end
    pos = start
    while True:
        hit = _MARK_HIT.search(s, pos, stop)
        if hit is None:
            return
        m = MARK.match(s, hit.start(), stop)
        if m is None:  # pragma: no cover - the prefilter only finds marks
            pos = hit.end()
            continue
        if mark_ok_at(s, m):
            yield m
        pos = m.end()


def strict_mark_at(s: str, p: int) -> bool:
    """A mark written in capitals at ``p`` (``KT.``, ``T/M`` not followed by a letter or ``/``).

    >>> strict_mark_at("KT. BỘ TRƯỞNG", 0), strict_mark_at("Kt. Bộ", 0), strict_mark_at("T/MX", 0)
    (True, False, False)
    """
    m = MARK.match(s, p)
    if m is None:
        return False
    state = m.group(1)
    if state is not None:
        return state.isupper()
    party = m.group(2)
    if not party.isupper():
        return False
    e = m.start(2) + 3
    return e >= len(s) or not (s[e].isalnum() or s[e] in "_/")


def is_upper_word(word: str) -> bool:
    """A word whose letters are all capitals (``BỘ``, ``UBND``, ``TRƯỞNG,``)."""
    if not word.isupper():  # (what every such word is, and most words are not: in C)
        return False
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_NAME_PARTS = re.compile(r"['’-]")


def is_name_word(word: str) -> bool:
    """A capitalised name syllable: ``Nguyễn``, ``A``, ``H'Hen``, ``Niê`` (ô 7b).

    >>> is_name_word("Nguyễn"), is_name_word("H'Hen"), is_name_word("BỘ"), is_name_word("và")
    (True, True, False, False)
    """
    if not word[:1].isupper():
        return False
    for part in _NAME_PARTS.split(word):
        if not part.isalpha() or not part[0].isupper():
            return False
        if len(part) > 1 and not part[1:].islower():
            return False
    return True


# Words that open a title line in capitals (ô 7a/7b) even when written in ASCII capitals.
_TITLE_OPENERS = frozenset(("BỘ", "GIÁM", "CHỦ", "THỦ", "CHÁNH", "TRƯỞNG", "PHÓ", "TỔNG"))
_TWO_WORDS = re.compile(r"\S+(?:\s+\S+)?")
# Longer than any word of a title in capitals (``NGHIỆP,`` …) with its brackets.
_WORD_MAX = 24
_TERMINATORS = frozenset(",.;:")
_AFTER_TERMINATOR = frozenset((*",.;:", " ", "\t", "\n", ""))


def starts_foreign(s: str, p: int) -> bool:
    """Whether the text at ``p`` starts a signature block or a title in capitals.

    Used to tell the signature column from the Nơi nhận column when both share lines.

    >>> starts_foreign("TM. ỦY BAN", 0), starts_foreign("PHÓ CHỦ TỊCH", 0), starts_foreign("Bộ Tư pháp;", 0)
    (True, True, False)
    """
    if s[p : p + 1] in _TERMINATORS and s[p + 1 : p + 2] in _AFTER_TERMINATOR:
        # A lone terminator, or a run of them (``;;;;``, a word no title starts with):
        # rejected in constant time, not by reading the window behind each of them.
        return False
    if strict_mark_at(s, p):
        return True
    m = _TWO_WORDS.match(s, p, min(len(s), p + 60))
    if not m:
        return False
    words = m.group().split()
    first = words[0].strip(",.;:")
    if first in _TITLE_OPENERS:
        return True
    # Cheap rejections first (a run of punctuation, a word in lower case, a word longer
    # than any title word): the letters are looked at only for a short word in capitals.
    if len(first) > _WORD_MAX or first.isascii() or not first.isupper():
        return False
    letters = [c for c in first if c.isalpha()]
    return (
        len(letters) > 1
        and all(c.isupper() for c in letters)
        and (len(words) < 2 or any(c.isupper() for c in words[1]))
    )


def entry_follows(s: str, p: int) -> bool:
    """Whether a dashed Nơi nhận entry starts one of the next few lines after ``p``, over
    lines of the signature column (:func:`starts_foreign`): the two columns share lines.

    >>> entry_follows("KT. BỘ TRƯỞNG\\n- Như trên;", 0), entry_follows("Căn cứ\\nĐiều 1", 0)
    (True, False)
    """
    pos = p
    n = len(s)
    for _ in range(6):
        eol = s.find("\n", pos)
        if eol < 0:
            return False
        j = eol + 1
        while j < n and s[j] in " \t\n":
            j += 1
        if j < n and s[j] == "-":
            return True
        if j >= n or not starts_foreign(s, j):
            return False
        pos = j
    return False


_TOKEN = re.compile(r"\([^()\n]{0,300}\)|\[[^\[\]\n]{0,300}\]|[^\s()\[\]]+|[()\[\]]")

#: A token of the block region: (start, end, text) in the normalised text.
Tok = tuple[int, int, str]


def tokens(s: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``s[start:end]``: notes in brackets (``(Đã ký)``), words, lone brackets.

    >>> [t for _, _, t in tokens("KT. BỘ TRƯỞNG (Đã ký) Lê A", 0, 26)]
    ['KT.', 'BỘ', 'TRƯỞNG', '(Đã ký)', 'Lê', 'A']
    """
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s, start, end)]


def is_note(tok: str) -> bool:
    """A placeholder or seal note in brackets (``(Đã ký)``, ``[ký số]``)."""
    return tok[:1] in "([" and len(tok) > 1


class LazyTokens:
    """The tokens of ``s[start:end]`` (as :func:`tokens`), read only as far as asked.

    A locator that looks at a few tokens after each candidate start does not tokenise
    the whole window behind it.
    """

    __slots__ = ("_it", "items")

    def __init__(self, s: str, start: int, end: int) -> None:
        self.items: list[Tok] = []
        self._it = _TOKEN.finditer(s, start, end)

    def has(self, k: int) -> bool:
        """Whether token ``k`` exists (reading up to it)."""
        items = self.items
        while len(items) <= k:
            m = next(self._it, None)
            if m is None:
                return False
            items.append((m.start(), m.end(), m.group()))
        return True

    def __getitem__(self, k: int) -> Tok:
        return self.items[k]

    def window(self, a: int, b: int) -> list[Tok]:
        """Tokens ``a`` to ``b - 1`` (fewer at the end of the text)."""
        self.has(b - 1)
        return self.items[a:b]


def signature_at(s: str, j: int) -> bool:
    """Whether a signature block starts at ``s[j]`` inside a line of the Nơi nhận column: a
    signing mark in capitals (``KT.``, ``TL.``, ``T/M`` …) or a signing title of two words
    or more in capitals (``PHÓ TRƯỞNG BAN``; NĐ 30, Phụ lục I, II.7).

    >>> signature_at("NC.Châu KT. CHỦ TỊCH", 8), signature_at("VT, PHÓ TRƯỞNG BAN", 4)
    (True, True)
    >>> signature_at("VT, KTTH", 4), signature_at("Sở Nội vụ", 0)
    (False, False)
    """
    if not s[j : j + 1].isupper():
        return False
    if strict_mark_at(s, j):
        return True
    words = s[j : j + 40].split()[:4]
    if len(words) < 2 or not all(is_upper_word(w) and len(w) > 1 for w in words[:2]):
        return False
    from vnadmin.signatures.titles import clean_word, title_at

    return title_at([clean_word(w) for w in words], 0) >= 2


def skip_entry(s: str, toks: LazyTokens, i: int) -> int:
    """The index of the first token after the Nơi nhận entry starting at ``toks[i]`` when
    the entry shares its line with the signature column: the entry runs to its ``;`` or
    ``.``, or to the end of the line (blanks before the line break included), or to a
    signing mark printed on its line (``- Lưu: VT, NC.Châu KT. CHỦ TỊCH``).
    """
    first = i
    while (
        toks.has(i)
        and not (i > first and signature_at(s, toks[i][0]))
        and not toks[i][2].endswith((";", "."))
        and not (toks.has(i + 1) and "\n" in s[toks[i][1] : toks[i + 1][0]])
    ):
        i += 1
    if toks.has(i) and i > first and signature_at(s, toks[i][0]):
        return i  # the signature printed on the entry's line
    return i + 1


#: The header of a recipient list (NĐ 30, Phụ lục I, II.9; ô 9a, 9b), any case: group 1
#: ``Nơi nhận`` or ``Kính gửi`` as written, group 2 the colon (``""`` when missing).
HEADER = re.compile(r"(nơi\s+nhận|kính\s+gửi)[ \t]*(:?)", re.IGNORECASE)
# The literal prefilter of a header: the second letter of "Nơi" / "Kính" (rare letters,
# scanned for in C), then its first letter behind it, in either case.
_HEADER_HIT = re.compile(r"[ơƠíÍ](?<=[NnKk].)")


def find_headers(s: str, start: int = 0) -> Iterator[re.Match[str]]:
    """Every :data:`HEADER` match of ``s`` from ``start``, left to right, not overlapping.

    >>> [m.group() for m in find_headers("KÍNH GỬI: Bộ. Nơi  nhận ...")]
    ['KÍNH GỬI:', 'Nơi  nhận ']
    """
    pos = start
    while True:
        hit = _HEADER_HIT.search(s, pos + 1)
        if hit is None:
            return
        at = hit.start() - 1
        m = HEADER.match(s, at)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()


def is_noi_nhan_words(word: str, next_word: str) -> bool:
    """Whether two tokens are the ``Nơi nhận`` header as written in the signature column."""
    return word == "Nơi" and next_word.startswith("nhận")


_fold_memo = functools.lru_cache(maxsize=8192)(fold_words)
#: The longest text :func:`fold` memoises: the memo holds at most 8192 entries of at most
#: this length (a few MB), however long the words of a hostile text are.
FOLD_MEMO_MAX = 64


def fold(text: str) -> str:
    """The one fold of the block parsers (:func:`vnadmin.text.fold_words`; the text is
    already normalised), memoised for short texts: a document repeats its titles and
    entries. Longer texts are folded without being kept.

    >>> fold("Như  trên"), fold("x" * 100) == "X" * 100
    ('NHƯ TRÊN', True)
    """
    if len(text) <= FOLD_MEMO_MAX:
        return _fold_memo(text)
    return fold_words(text)


def trim(s: str, a: int, b: int, chars: str = " \t\n,;:") -> tuple[int, int]:
    """``(a, b)`` moved inwards past ``chars`` at both ends of ``s[a:b]``."""
    while a < b and s[a] in chars:
        a += 1
    while b > a and s[b - 1] in chars:
        b -= 1
    return a, b


_NON_SPACE = re.compile(r"\S+")


def collapsed_span(s: str, a: int, b: int, i: int, j: int) -> tuple[int, int]:
    """Where ``collapsed[i:j]`` lies in ``s``, for ``collapsed = " ".join(s[a:b].split())``.

    >>> s = "x  Bộ   Tư\\n pháp (để b/c)"
    >>> a, b = collapsed_span(s, 0, len(s), 2, 12)
    >>> s[a:b]
    'Bộ   Tư\\n pháp'
    """
    seg = s[a:b]
    core = seg.lstrip()
    if " ".join(core.split()) == core.rstrip():  # nothing to collapse inside: offsets carry over
        lead = a + len(seg) - len(core)
        return lead + i, lead + max(i, j)
    if j <= i:
        pos = _collapsed_pos(s, a, b, i, end=False)
        return pos, pos
    return _collapsed_pos(s, a, b, i, end=False), _collapsed_end(s, a, b, j)


def _collapsed_end(s: str, a: int, b: int, k: int) -> int:
    """``_collapsed_pos(s, a, b, k, end=True)`` for ``k >= 1``, walking from whichever end
    of ``s[a:b]`` is nearer: the end of collapsed character ``k - 1`` is where that
    character starts in the reversed segment, counted from the segment's end (an entry
    that runs to the end of a long segment is not walked word by word from its start)."""
    seg = s[a:b]
    size = len(" ".join(seg.split()))
    if k > size or k <= size - k:
        return _collapsed_pos(s, a, b, k, end=True)
    rev = seg[::-1]
    return a + len(seg) - _collapsed_pos(rev, 0, len(rev), size - k, end=False)


def _collapsed_pos(s: str, a: int, b: int, k: int, *, end: bool) -> int:
    cum = 0
    last = a
    for m in _NON_SPACE.finditer(s, a, b):
        w = m.end() - m.start()
        if k < cum + w or (end and k == cum + w):
            return m.start() + (k - cum)
        cum += w + 1
        last = m.end()
        if k < cum:  # the collapsed space after this word
            return last
    return last
