"""The text layer: one normalisation every parser uses, with an exact offset map.

Real documents arrive as NFD (combining tone marks), with ``Ð`` (U+00D0, ETH)
for ``Đ`` (U+0110), en and em dashes, non-breaking and zero-width spaces,
Windows line ends. :func:`normalize_text` turns all of that into one clean
form and keeps a map from every span of the clean text back to the caller's
string, so every value vnadmin returns can point at the exact source text
(domain notes §9.1–9.7).

>>> nt = normalize_text("Số: 30/2020/N\\u00d0\\u2013CP")
>>> nt.text
'Số: 30/2020/NĐ-CP'
>>> nt.to_original(12, 17)
(12, 17)
>>> nfd = "Quye\\u0302\\u0301t đi\\u0323nh"
>>> nt = normalize_text(nfd)
>>> nt.text, len(nfd), len(nt.text)
('Quyết định', 13, 10)
>>> start, end = nt.to_original(6, 10)
>>> nfd[start:end] == "đi\\u0323nh"
True

Tone placement (``hoà`` / ``hòa``) is not touched by :func:`normalize_text`;
compare names with :func:`canonical_tones`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Literal, TypeAlias, TypeVar

import attrs

from vnadmin.findings import Repair

__all__ = [
    "MAX_MARKS",
    "NormalizedText",
    "Source",
    "as_normalized",
    "canonical_tones",
    "fold",
    "fold_words",
    "is_clean",
    "normalize_text",
    "tone_style",
]

# --- character tables -------------------------------------------------------------

_LOOKALIKES = {
    "\u00d0": "\u0110",  # Ð ETH -> Đ
    "\u00f0": "\u0111",  # ð eth -> đ
    "\u0189": "\u0110",  # Ɖ African D -> Đ
    "\u0256": "\u0111",  # ɖ -> đ
}
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
_SPACES = dict.fromkeys(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
    " ",
)
_SLASHES = dict.fromkeys("\uff0f\u2044\u2215", "/")
_NEWLINES = dict.fromkeys("\u2028\u2029\u000b\u000c\u0085", "\n")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

_REPLACE: dict[str, str] = {**_LOOKALIKES, **_DASHES, **_SPACES, **_SLASHES, **_NEWLINES}
_KIND: dict[str, str] = {
    **dict.fromkeys(_LOOKALIKES, "lookalike"),
    **dict.fromkeys(_DASHES, "dash"),
    **dict.fromkeys(_SPACES, "space"),
    **dict.fromkeys(_SLASHES, "slash"),
    **dict.fromkeys(_NEWLINES, "newline"),
}

# Anything the slow path would change, apart from non-NFC sequences.
_MARK_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_DIRTY = re.compile("[\r" + "".join(_REPLACE) + "".join(_INVISIBLE) + _MARK_RANGES + "]")
_BLANKS = frozenset(_SPACES) | _INVISIBLE
_BLANK_RUN = re.compile("[" + "".join(_BLANKS) + "]+")
# A run of combining diacritical marks that all have a combining class (U+034F, the
# grapheme joiner, has none), and the characters normalisation replaces.
_COMBINING_RUN = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_REPLACED = re.compile("[" + "".join(_REPLACE) + "]")
# The units the fast path composes or replaces: a base character with the combining marks
# after it, a run of blanks and invisible characters (one unit, so that a long run costs
# one step; the last blank before a mark is that mark's base), a line end, one character to
# replace.
_UNITS = re.compile(
    "([^"
    + _MARK_RANGES
    + "]["
    + _MARK_RANGES
    + "]+|["
    + "".join(_BLANKS)
    + "]+(?!["
    + _MARK_RANGES
    + "])|\r\n?|["
    + "".join(_REPLACE)
    + "])",
    re.DOTALL,
)
# The blocks that hold every other combining mark (Cyrillic to Mongolian, Coptic, CJK
# tone marks, kana voicing, the rest of the BMP's marks, the supplementary planes): a
# superset, tested against unicodedata, that leaves out the punctuation, symbols and CJK
# ideographs found next to Vietnamese letters (“ ” … •).
_OTHER_MARKS_BMP = "\u0483-\u1aaf\u1b00-\u1cff\u2cef-\u2dff\u302a-\u309a\ua66f-\uabff\ufb1e"
_OTHER_MARKS = _OTHER_MARKS_BMP + "\U00010000-\U0001efff"
# An invisible character between a letter and its marks joins the letter's cluster, and a
# mark after "\r" stands alone: such text (rare) takes the general path.
_HIDDEN_MARK = re.compile("[\r" + "".join(_INVISIBLE) + "][" + _MARK_RANGES + "]")
#: The most combining marks one cluster is composed with. NFC's canonical reordering is
#: quadratic in the length of a run of marks of alternating classes (``"a" + "\u0301\u0323"
#: * 50000`` took 18 s), and no letter carries more than a few marks: a cluster with more
#: marks than this is left as it is (only its invisible characters are removed), in both
#: paths, so normalising is linear and still idempotent.
MAX_MARKS = 32
# A unit of the fast path whose cluster the general path would read longer (another mark
# after it, another mark as its base, a character it replaces or drops before another
# mark): the general path decides then. (Looked for only in text that has such a mark.)
_OTHER_MARK = re.compile("[" + _OTHER_MARKS + "]")
_OTHER_MARK_NEAR = re.compile(
    "[\r" + "".join(_INVISIBLE) + "".join(_REPLACE) + _MARK_RANGES + "][" + _OTHER_MARKS + "]"
    "|[" + _OTHER_MARKS + "][" + _MARK_RANGES + "]"
)
# A cluster with more marks than MAX_MARKS (see the fast paths).
# (one class first: the regex engine skips quickly only to such a start)
_LONG_MARKS = re.compile("[" + _MARK_RANGES + "][" + _MARK_RANGES + "]{" + str(MAX_MARKS) + "}")
# Whatever is not a mark of _MARK_RANGES to compose: other marks, characters to replace or
# remove, line ends.
_RARE = re.compile("[\r" + "".join(_REPLACE) + "".join(_INVISIBLE) + _OTHER_MARKS + "]")
# What the composed form of a text in NFD may not hold for it to be the normalised text
# once its look-alikes, dashes, spaces, slashes and line separators are replaced (see
# _decomposed): a mark left as it was, any other character that _RARE finds (NFC leaves
# each as it is, or maps it to another such character), or a character composed from one
# (kana with a voicing mark, Hangul syllables: tested against the whole Unicode
# database). One bitmap of the BMP: a text with a character beyond it is not looked at.
_UNCLEAN_CLASS = (
    "\r"
    + "".join(_INVISIBLE)
    + _OTHER_MARKS_BMP
    + _MARK_RANGES
    + "\u309e\u30a0-\u30ff\uac00-\ud7a3"
)
_UNCLEAN = re.compile("[" + _UNCLEAN_CLASS + "]")
# (the same scan, stopping at a character to replace too: one pass when there is none)
_UNCLEAN_OR_REPLACED = re.compile("[" + _UNCLEAN_CLASS + "".join(_REPLACE) + "]")
# A line that starts with a mark (its cluster's base is the line break before it).
_LINE_MARK = re.compile("\n[" + _MARK_RANGES + "]")
_MARK = re.compile("[" + _MARK_RANGES + "]")
_SAMPLE = 2000
_DENSE = 50  # "dense": at least one run of dirty characters in 50 of the sample
# (a run of blanks is one unit of the general path however long: it counts once)
_DIRTY_RUNS = re.compile(_DIRTY.pattern + "+")
# The dirty characters that are not marks (replaced, removed, or line ends).
_NOT_MARKS = re.compile("[\r" + "".join(_REPLACE) + "".join(_INVISIBLE) + "]")
_TRANSLATE = str.maketrans({**_REPLACE, **dict.fromkeys(_INVISIBLE), "\r": "\n"})
_NFC = functools.partial(unicodedata.normalize, "NFC")


_T = TypeVar("_T")

# --- the normalised text ----------------------------------------------------------


@attrs.frozen(eq=False, repr=False)
class NormalizedText:
    """A normalised string with an exact map back to the original.

    Attributes:
        original: the caller's string, unchanged.
        text: the normalised string (NFC, look-alikes and dashes fixed,
            invisible characters removed, ``\\r\\n`` → ``\\n``).

    Equality compares the original string (the rest is derived from it).
    """

    original: str
    text: str
    # Changed clusters: normalised [ns, ne) came from original [os, oe).
    # Sorted by ns; deletions have ns == ne. Empty = identity.
    _ns: tuple[int, ...] = attrs.field(default=(), alias="ns")
    _ne: tuple[int, ...] = attrs.field(default=(), alias="ne")
    _os: tuple[int, ...] = attrs.field(default=(), alias="os")
    _oe: tuple[int, ...] = attrs.field(default=(), alias="oe")
    # A reordered text (columns read one after the other, see reordered()): ``text`` is
    # pieces of the normalised text ``_layer.base`` in another order; the clusters above
    # map ``base`` into ``original``.
    _layer: _Reorder | None = attrs.field(default=None, alias="layer")
    # The clusters kept line by line instead (an NFD document, see _normalize_lines).
    _lines: _Lines | _Decomposed | None = attrs.field(default=None, alias="lines")
    # What the steps of one pipeline read from this text and share (see memo()).
    _memos: dict[str, object] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once per text and ``key``: a scan that two steps of the
        pipeline both need (the dates that :func:`~vnadmin.parse_document` finds and that
        :func:`~vnadmin.lint` checks) is done once. Bounded by the number of keys; two
        threads may compute the same value, and both get the one that was stored first
        (``dict.setdefault`` is atomic)."""
        try:
            return self._memos[key]  # type: ignore[return-value]
        except KeyError:
            return self._memos.setdefault(key, compute())  # type: ignore[return-value]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalizedText):
            return NotImplemented
        return self.original == other.original

    def __hash__(self) -> int:
        return hash((NormalizedText, self.original))

    def __repr__(self) -> str:
        return f"NormalizedText({self.text!r}, changes={len(self._changes(0, len(self.original)))})"

    @property
    def is_identity(self) -> bool:
        """True when the text needed no change (``text is original``)."""
        return not self._ns and self._layer is None and self._lines is None

    @property
    def is_reordered(self) -> bool:
        """True when the text reads parts of the original in another order (the columns
        of a table drawn in text, see :meth:`reordered`)."""
        return self._layer is not None

    @property
    def _base(self) -> str:
        """The normalised text the clusters map from (``text`` unless reordered)."""
        return self.text if self._layer is None else self._layer.base

    def _char(self, i: int) -> tuple[int, int]:
        """Original ``(start, end)`` of normalised character ``i``."""
        if self._lines is not None:
            return self._lines.char(i)
        k = bisect.bisect_right(self._ns, i) - 1
        if k < 0:
            return i, i + 1
        if i < self._ne[k]:
            return self._os[k], self._oe[k]
        pos = i + self._oe[k] - self._ne[k]
        return pos, pos + 1

    def _boundary(self, i: int) -> int:
        """Original offset where normalised character ``i`` starts (``len`` at the end)."""
        if i >= len(self._base):
            return len(self.original)
        return self._char(i)[0]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of :attr:`text` to the original string.

        The result covers exactly the original characters that produced the
        normalised characters of the span (a composed letter maps to the whole
        base-plus-marks sequence; removed invisible characters at the edges
        are left out). In a reordered text, a span that joins pieces which are not
        adjacent in the original (two lines of one column of a table) maps to the
        smallest span of the original that holds them all.
        """
        if self._layer is not None:
            start, end = self._layer.to_base(start, end)
        return self._clusters_to_original(start, end)

    def _clusters_to_original(self, start: int, end: int) -> tuple[int, int]:
        n = len(self._base)
        ns = self._ns
        if not 0 <= start <= end <= n:
            start = max(0, min(start, n))
            end = max(start, min(end, n))
        if start == end:
            if not ns and self._lines is None:
                return start, end
            pos = self._boundary(start)
            return pos, pos
        if self._lines is not None:
            return self._lines.span(start, end)
        if not ns:
            return start, end
        # (the two ends inlined from _char: this runs for every span of every value)
        ne, os_, oe = self._ne, self._os, self._oe
        k = bisect.bisect_right(ns, start) - 1
        if k < 0:
            a = start
        elif start < ne[k]:
            a = os_[k]
        else:
            a = start + oe[k] - ne[k]
        last = end - 1
        k = bisect.bisect_right(ns, last, k if k > 0 else 0) - 1
        if k < 0:
            b = end
        elif last < ne[k]:
            b = oe[k]
        else:
            b = end + oe[k] - ne[k]
        return a, b

    def from_original(self, offset: int) -> int:
        """The offset in :attr:`text` of the first normalised character that starts at or
        after ``offset`` of the original (the inverse of :meth:`to_original`).

        >>> nt = normalize_text("Quye\u0302\u0301t đi\u0323nh")
        >>> nt.from_original(8), nt.text[nt.from_original(8):]
        (6, 'định')
        """
        base = self._clusters_from_original(offset)
        return base if self._layer is None else self._layer.from_base(base)

    def _clusters_from_original(self, offset: int) -> int:
        if self._lines is not None:
            return self._lines.from_original(offset)
        if not self._ns:
            return max(0, min(offset, len(self._base)))
        k = bisect.bisect_right(self._os, offset) - 1
        if k < 0:
            return max(0, offset)
        if offset == self._os[k]:
            return self._ns[k]
        if offset < self._oe[k]:
            return self._ne[k]
        return min(self._ne[k] + offset - self._oe[k], len(self._base))

    def repairs(self) -> tuple[Repair, ...]:
        """Every change made, as :class:`~vnadmin.findings.Repair` records."""
        return self.repairs_in(0, len(self.original))

    def repairs_in(self, start: int, end: int) -> tuple[Repair, ...]:
        """The changes whose original span lies within ``[start, end)`` of the original."""
        out = []
        for ns, ne, os_, oe in self._changes(start, end):
            before = self.original[os_:oe]
            after = self._base[ns:ne]
            out.append(Repair(_repair_kind(before), (os_, oe), before, after))
        if self._layer is not None:
            for a, b in self._layer.regions:
                x, y = self._clusters_to_original(a, b)
                if start <= x and y <= end:
                    out.append(Repair("columns", (x, y), self.original[x:y], self._base[a:b]))
            out.sort(key=lambda r: r.span)
        return tuple(out)

    def _changes(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """The changed clusters ``(ns, ne, os, oe)`` whose original span lies within
        ``[start, end)``, in order."""
        if (
            type(self._lines) is _Decomposed
            and _MARK_OR_REPLACED.search(self.original, start, end) is None
        ):
            return []  # (every change of a decomposed text composes a mark or replaces)
        if self._lines is not None:
            return [c for c in self._lines.clusters(start, end) if start <= c[2] and c[3] <= end]
        out = []
        for k in range(bisect.bisect_left(self._os, start), len(self._os)):
            os_, oe = self._os[k], self._oe[k]
            if os_ >= end or oe > end:
                break
            out.append((self._ns[k], self._ne[k], os_, oe))
        return out

    def reordered(
        self, pieces: Sequence[tuple[int, int]], regions: Sequence[tuple[int, int]] = ()
    ) -> NormalizedText:
        r"""The pieces ``text[a:b]`` of this text read in the order given, joined by line
        breaks, with the map back to :attr:`original` kept: how the columns of a table
        drawn in text (``|`` borders, TAB-joined cells, columns set apart by runs of
        spaces) are read one after the other. ``regions`` are the spans of :attr:`text`
        that were reordered (each reported as a ``"columns"`` repair). Pieces must not
        overlap. The text is not normalised again.

        >>> s = "A1 | B1\nA2 | B2"
        >>> nt = normalize_text(s).reordered([(0, 2), (8, 10), (5, 7), (13, 15)])
        >>> nt.text
        'A1\nA2\nB1\nB2'
        >>> a = nt.text.index("B1")
        >>> s[slice(*nt.to_original(a, a + 2))], nt.from_original(13) == nt.text.index("B2")
        ('B1', True)
        """
        if self._layer is not None:
            raise ValueError("the text is already reordered")  # pragma: no cover - internal
        base = self.text
        c: list[int] = []
        o: list[int] = []
        n: list[int] = []
        parts: list[str] = []
        pos = 0
        for a, b in pieces:
            if parts:
                parts.append("\n")
                pos += 1
            c.append(pos)
            o.append(a)
            n.append(b - a)
            parts.append(base[a:b])
            pos += b - a
        order = sorted(range(len(o)), key=o.__getitem__)
        layer = _Reorder(
            base,
            tuple(c),
            tuple(o),
            tuple(n),
            tuple(order),
            tuple(o[k] for k in order),
            tuple(regions),
        )
        return NormalizedText(
            self.original,
            "".join(parts),
            ns=self._ns,
            ne=self._ne,
            os=self._os,
            oe=self._oe,
            layer=layer,
            lines=self._lines,
        )


@attrs.frozen(eq=False, repr=False)
class _Reorder:
    """The map of a reordered text to the normalised text it was cut from (``base``):
    segment ``k`` of the reordered text, at ``c[k]``, is ``base[o[k] : o[k] + n[k]]``; the
    characters between segments were added (line breaks)."""

    base: str
    c: tuple[int, ...]
    o: tuple[int, ...]
    n: tuple[int, ...]
    by_o: tuple[int, ...]  # segment indices sorted by where they start in base
    o_sorted: tuple[int, ...]  # those starts, sorted
    regions: tuple[tuple[int, int], ...]  # the spans of base that were reordered

    def _point(self, i: int, *, end: bool) -> int:
        if end:
            i -= 1
        k = bisect.bisect_right(self.c, i) - 1
        if k < 0:
            return self.o[0] if self.o else 0
        off = i - self.c[k]
        if off >= self.n[k]:  # an added line break
            return self.o[k] + self.n[k]
        return self.o[k] + off + (1 if end else 0)

    def to_base(self, a: int, b: int) -> tuple[int, int]:
        """The span of ``base`` that holds the reordered span ``[a, b)``: exact within a
        segment; across segments, the smallest span of ``base`` that holds them all."""
        if not self.c:
            return 0, 0
        x = self._point(a, end=False)
        if b <= a:
            return x, x
        y = self._point(b, end=True)
        ka = bisect.bisect_right(self.c, a) - 1
        kb = bisect.bisect_right(self.c, b - 1) - 1
        if ka < kb:
            x = min(x, *(self.o[k] for k in range(ka + 1, kb + 1)))
            y = max(y, *(self.o[k] + self.n[k] for k in range(max(ka, 0), kb)))
        return x, max(x, y)

    def from_base(self, offset: int) -> int:
        """Where ``base`` offset ``offset`` went (or the next segment's start)."""
        j = bisect.bisect_right(self.o_sorted, offset) - 1
        if j >= 0:
            k = self.by_o[j]
            if offset < self.o[k] + self.n[k]:
                return self.c[k] + offset - self.o[k]
        if j + 1 < len(self.by_o):
            return self.c[self.by_o[j + 1]]
        return self.c[-1] + self.n[-1] if self.c else 0


def _repair_kind(before: str) -> str:
    if before and _INVISIBLE.issuperset(before):
        return "invisible"
    if before and _BLANKS.issuperset(before):
        return "space"  # a run of blanks (and invisible characters), one unit
    if before == "\r\n" or before == "\r":
        return "newline"
    if len(before) == 1 and before in _KIND:
        return _KIND[before]
    return "nfc"


def is_clean(text: str) -> bool:
    """Whether :func:`normalize_text` would return ``text`` unchanged (cheap check).

    >>> is_clean("30/2020/NĐ-CP"), is_clean("30/2020/N\u00d0-CP")
    (True, False)
    """
    if text.isascii():
        return "\r" not in text and "\x0b" not in text and "\x0c" not in text
    return _DIRTY.search(text) is None and unicodedata.is_normalized("NFC", text)


#: What every finder and parser of running text accepts: the caller's string, or the
#: :class:`NormalizedText` of it that an earlier step built (the text is then not
#: normalised again). Spans always point into the caller's original string.
Source: TypeAlias = "str | NormalizedText"


def as_normalized(source: Source) -> NormalizedText:
    """``source`` itself when it is already normalised, else :func:`normalize_text` of it.

    The one entry point of the pipeline: a document is normalised once, and the
    :class:`NormalizedText` is handed to every finder after that.

    >>> nt = normalize_text("Ðiều 1")
    >>> as_normalized(nt) is nt, as_normalized("Điều 1").text
    (True, 'Điều 1')
    """
    if isinstance(source, NormalizedText):
        return source
    if not isinstance(source, str):
        from vnadmin.errors import VnAdminError

        raise VnAdminError(f"expected str or NormalizedText, not {type(source).__name__}")
    return normalize_text(source)


def read_one(source: object, what: str, example: str) -> tuple[NormalizedText, int, int]:
    """The start of every ``parse`` of one value: ``source`` normalised (once), and the
    bounds of its content in the normalised text, blanks left out. A non-string or blank
    ``source`` raises :class:`~vnadmin.ParseError` with ``reason="empty"``.

    >>> nt, a, b = read_one("  Điều 1.  ", "heading", "Điều 1. Phạm vi điều chỉnh")
    >>> nt.text[a:b]
    'Điều 1.'
    """
    from vnadmin.errors import ParseError

    expected = f"a {what} such as {example}"
    if not isinstance(source, (str, NormalizedText)):
        raise ParseError(
            f"expected str, not {type(source).__name__}",
            input=repr(source),
            span=(0, 0),
            reason="empty",
            expected=expected,
        )
    nt = as_normalized(source)
    s = nt.text
    a = len(s) - len(s.lstrip())
    b = len(s.rstrip())
    if b <= a:
        raise ParseError(
            f"empty {what}",
            input=nt.original,
            span=(0, len(nt.original)),
            reason="empty",
            expected=expected,
        )
    return nt, a, b


def normalize_text(text: str) -> NormalizedText:
    """Normalise ``text`` for parsing, keeping an exact map back to it.

    Steps: Unicode NFC composition; ``Ð``/``ð``/``Ɖ`` → ``Đ``/``đ``; every
    dash-like character (en/em dash, minus, non-breaking hyphen …) → ``-``;
    non-breaking and other fixed-width spaces → a plain space; zero-width
    characters, BOM and soft hyphens removed; look-alike slashes → ``/``;
    ``\\r\\n``, ``\\r`` and other line separators → ``\\n``. Spaces are not
    collapsed and tone placement is not changed, so offsets stay meaningful.

    A cluster with more than :data:`MAX_MARKS` combining marks is left as it is (NFC's
    reordering is quadratic in such a run), so the work is linear in the text.

    Clean input is returned untouched after a cheap check. The function is
    idempotent: ``normalize_text(normalize_text(s).text).text ==
    normalize_text(s).text``. Raises :class:`~vnadmin.VnAdminError` for anything but a
    ``str``.
    """
    _require_str(text)
    return _normalize(text)


def _require_str(text: object) -> None:
    if not isinstance(text, str):
        from vnadmin.errors import VnAdminError

        raise VnAdminError(f"expected str, not {type(text).__name__}")


def _normalize(text: str) -> NormalizedText:
    # Every normalisation goes through here (tests count the calls).
    if is_clean(text):
        return NormalizedText(text, text)
    nfc: str | None = None
    if unicodedata.is_normalized("NFD", text):
        # (a text in NFD has no precomposed letter at all: marks to compose, mostly)
        nfc, fast = _decomposed(text)
        if fast is not None:
            return fast
    # Sparse repairs (a dash, a few look-alikes) are cheapest region by region; text that is
    # dirty throughout (an NFD document, CRLF line ends) is done a unit at a time in C.
    dense = len(_DIRTY_RUNS.findall(text, 0, _SAMPLE)) * _DENSE > min(len(text), _SAMPLE)
    if dense and _RARE.search(text) is None:  # (an NFD document: marks to compose only)
        fast = _normalize_lines(text, plain=True, nfc=nfc)
        if fast is not None:
            return fast
    elif dense and _HIDDEN_MARK.search(text) is None:
        fast = _normalize_lines(text, nfc=nfc) or _normalize_units(text)
        if fast is not None:
            return fast
    return _normalize_slow(text)


def _decomposed(text: str) -> tuple[str, NormalizedText | None]:
    """A text in NFD composed: the NFC of ``text``, and its :class:`NormalizedText`
    (mapped by :class:`_Decomposed`) when that is the general path's result.

    The marks of a text in NFD are in canonical order, so NFC does no reordering (its
    time is linear however long a run of marks). When the result holds nothing that
    ``_UNCLEAN`` finds, every mark composed and the text had nothing to repair but
    characters replaced one for one (a leading mark, a mark after a line break or a run of
    more than :data:`MAX_MARKS` marks cannot compose; they would be left): the result,
    with those replaced, is the general path's, and each normalised character is the
    decomposition of itself or replaces one character. The map then reads where
    the marks are from the text's UTF-16 form: a character of U+0300–U+03FF is the one
    whose high byte is 3, and when there are as many of them as marks composed, they are
    the marks (every composition is with marks of U+0300–U+036F; Greek letters share the
    high byte, and such a text takes the other paths).
    """
    nfc = _NFC(text)
    out = nfc
    if (m := _UNCLEAN_OR_REPLACED.search(nfc)) is not None:
        if m.group() not in _REPLACE or _UNCLEAN.search(nfc, m.end()) is not None:
            return nfc, None
        out = _replace_each(nfc, m.start())  # (one character for one: the map holds)
    utf16 = text.encode("utf-16-le", "surrogatepass")
    if len(utf16) != 2 * len(text):  # (a character beyond the BMP)
        return nfc, None
    high = utf16[1::2].translate(_MARK_BYTE)
    lines = _Decomposed(text, out, high, replaced=out is not nfc)
    if lines.marks != len(text) - len(nfc):
        return nfc, None
    return nfc, NormalizedText(text, out, lines=lines)


def _replace_each(text: str, pos: int) -> str:
    """``text`` with each character of :data:`_REPLACE` replaced, the first at ``pos``: one
    ``str.replace`` (in C) for each kind found, not a lookup for each character."""
    while (m := _REPLACED.search(text, pos)) is not None:
        pos = m.start()
        text = text[:pos] + text[pos:].replace(m.group(), _REPLACE[m.group()])
    return text


def _normalize_lines(
    text: str, *, plain: bool = False, nfc: str | None = None
) -> NormalizedText | None:
    """The general path's result with one NFC call over the whole text and the map kept
    line by line (:class:`_Lines`, each line's clusters found only when a span in it is
    first mapped); ``plain``: the text has no character that ``_RARE`` finds; ``nfc``: the
    NFC of ``text``, when it was computed before. ``None`` when a cluster could be read
    differently from the general path (another script's marks, a mark after a line break,
    too many marks): the caller decides then.
    """
    if text and unicodedata.combining(text[0]):
        return None
    if (
        (not plain and _OTHER_MARK.search(text) is not None)
        or _LINE_MARK.search(text) is not None
        or _LONG_MARKS.search(text) is not None
    ):
        return None
    if nfc is None:
        nfc = _NFC(text)
    if "\r" in nfc:
        nfc = nfc.replace("\r\n", "\n")
    pieces = nfc.split("\n")
    composed = plain or _NOT_MARKS.search(text) is None  # (each line is the NFC of its own)
    if not composed:
        pieces = list(map(str.translate, pieces, itertools.repeat(_TRANSLATE)))
    out = nfc if plain else "\n".join(pieces)
    if out == text:  # (marks that compose with nothing)
        return NormalizedText(text, text)
    o_starts = list(itertools.accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))
    n_starts = list(itertools.accumulate(map(_PLUS_ONE, map(len, pieces)), initial=0))
    # (the last start is one past the end: the line break the last line does not have)
    o_starts[-1] = len(text)
    n_starts[-1] = len(out)
    return NormalizedText(text, out, lines=_Lines(text, out, o_starts, n_starts, composed))


_PLUS_ONE = (1).__add__
#: How many characters of the original a block of :class:`_Decomposed` covers.
_BLOCK = 128
# What a decomposed text changes: a starter and the marks it composes with (in a text that
# has no other combining mark), a run of spaces to replace (one unit, as in the general
# path), another character to replace.
_SPACE_CLASS = "".join(_SPACES)
_CLUSTER = re.compile("[^" + _MARK_RANGES + "][" + _MARK_RANGES + "]+")
_CHANGED = re.compile(
    _CLUSTER.pattern
    + "|(["
    + _SPACE_CLASS
    + "]+|["
    + "".join(_REPLACE.keys() - _SPACES.keys())
    + "])"
)
# A character's high byte (UTF-16) made 3 for U+0300-U+03FF, 0 for any other.
_MARK_BYTE = bytes(3 if i == 3 else 0 for i in range(256))
_SPACE_RUN = re.compile("[" + _SPACE_CLASS + "]{2,}")
_MARK_OR_REPLACED = re.compile("[" + _MARK_RANGES + "".join(_REPLACE) + "]")


class _Decomposed:
    """The map of a text (``original``) that is the NFD of its normalised form ``text``
    (with characters to replace replaced one for one), where no character of ``text`` has
    a combining class: character ``k`` then came from ``NFD(text[k])``, at
    ``len(NFD(text[:k]))``, one starter followed by its marks. ``high`` holds a byte for
    each character of the original, 3 for a mark and 0 for a starter (see
    :func:`_decomposed`).
    The marks before each block of :data:`_BLOCK` characters are counted once; any other
    offset is a block's start plus a count of the marks in between (``bytes.count``, in
    C)."""

    __slots__ = (
        "_at_memo",
        "_changed",
        "_high",
        "_n",
        "_run_ends",
        "_run_starts",
        "marks",
        "original",
        "text",
    )

    def __init__(self, original: str, text: str, high: bytes, *, replaced: bool) -> None:
        self.original = original
        self.text = text
        self._high = high
        size = _BLOCK
        starts = range(0, len(high) + 1, size)
        marks = list(itertools.accumulate(map(high.count, itertools.repeat(3), starts, starts[1:])))
        # _n[b]: how many starters come before block b (the normalised offset there)
        self._n: list[int] = list(map(operator.sub, starts, itertools.chain((0,), marks)))
        #: How many marks the original holds.
        self.marks = (marks[-1] if marks else 0) + high.count(3, starts[-1])
        # Offsets already mapped (a span often starts where another ends, or is mapped by
        # two steps): at most one entry for each offset of ``text``.
        self._at_memo: dict[int, int] = {len(text): len(original)}
        self._changed = _CHANGED if replaced else _CLUSTER
        # Runs of two or more spaces to replace: each is one cluster of the general path
        # (a span that starts or ends inside one takes all of it).
        self._run_starts: list[int] = []
        self._run_ends: list[int] = []
        if replaced:
            for m in _SPACE_RUN.finditer(original):
                self._run_starts.append(m.start())
                self._run_ends.append(m.end())

    def _run(self, offset: int) -> tuple[int, int] | None:
        """The run of spaces that holds original ``offset`` after its first character."""
        i = bisect.bisect_left(self._run_starts, offset) - 1
        if i >= 0 and offset < self._run_ends[i]:
            return self._run_starts[i], self._run_ends[i]
        return None

    def _at(self, k: int) -> int:
        """Original offset where normalised character ``k`` starts (``len`` at the end)."""
        at = self._at_memo.get(k)
        if at is None:
            high, n = self._high, self._n
            b = bisect.bisect_right(n, k) - 1
            start = b * _BLOCK
            j = k - n[b]  # (the starters to pass from the block's start)
            target = start + j  # (where it would be with no mark in between)
            # x with j starters in [start, x) are the fixed points of x -> target + the
            # marks in [start, x), and steps of it go to one from either side; from a first
            # guess at the block's density of marks, a step or two. The offset is then the
            # next starter (a 0 of ``high``: past the marks of the character before).
            starters = n[b + 1] - n[b] if b + 1 < len(n) else len(self.text) - n[b]
            at = target + j * (_BLOCK - starters) // max(starters, 1)
            count = high.count
            while (x := target + count(3, start, at)) != at:
                at = x
            at = high.find(0, at)
            self._at_memo[k] = at
        return at

    def char(self, i: int) -> tuple[int, int]:
        return self.span(i, i + 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        a, b = self._at(start), self._at(end)
        if self._run_starts:
            if (run := self._run(a)) is not None:
                a = run[0]
            if (run := self._run(b)) is not None:
                b = run[1]
        return a, b

    def from_original(self, offset: int) -> int:
        if self._run_starts and (run := self._run(offset)) is not None:
            offset = run[1]  # (inside a run of spaces: the next cluster)
        return self._from(offset)

    def _from(self, offset: int) -> int:
        if offset <= 0:
            return 0
        high = self._high
        offset = high.find(0, offset)  # (inside a cluster: the next one)
        if offset < 0:
            return len(self.text)
        b = offset // _BLOCK
        start = b * _BLOCK
        return self._n[b] + offset - start - high.count(3, start, offset)

    def clusters(self, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
        """The clusters ``(ns, ne, os, oe)`` (a starter and its marks) that meet original
        ``[start, end)``, in order: the runs of marks found in C, the characters between
        two runs counted one for one."""
        k = self._from(start)
        pos_n = k - 1 if k > 0 and self._at(k) > start else k  # (the cluster holding start)
        pos_o = self._at(pos_n)
        if self._run_starts and (run := self._run(pos_o)) is not None:
            pos_n, pos_o = pos_n - (pos_o - run[0]), run[0]  # (spaces: one for one)
        for m in self._changed.finditer(self.original, pos_o):
            os_, oe = m.span()
            if os_ >= end:
                return
            ns = pos_n + os_ - pos_o
            ne = ns + (oe - os_ if m.lastindex else 1)  # (replaced: one for one)
            yield ns, ne, os_, oe
            pos_o, pos_n = oe, ne


_NFD = functools.partial(unicodedata.normalize, "NFD")


class _Lines:
    """The map of a normalised text kept line by line: line ``k`` of the original,
    ``original[o[k]:o[k + 1]]`` (with its line break), gave ``text[n[k]:n[k + 1]]``. A line
    that is the NFD of its normalised form (an NFD document) is mapped word by word
    (:class:`_Words`); any other line by its own :class:`NormalizedText`. Either is built
    the first time a span in the line is mapped. Clusters never cross a line break (a mark
    after one sends the text to the other paths), so the map is the general path's."""

    __slots__ = ("_maps", "composed", "n", "o", "original", "text")

    def __init__(
        self, original: str, text: str, o: list[int], n: list[int], composed: bool = False
    ) -> None:
        self.original = original
        self.text = text
        self.o = o
        self.n = n
        # every normalised line is the NFC of its original line (nothing replaced): a line
        # is then the NFD of its normalised form exactly when it is in NFD, which
        # unicodedata's quick check tells without decomposing (NFD(NFC(x)) == NFD(x))
        self.composed = composed
        self._maps: dict[int, _Prefixes | _Words | NormalizedText] = {}

    def _line(self, k: int) -> _Prefixes | _Words | NormalizedText:
        try:
            return self._maps[k]
        except KeyError:
            pass
        orig = self.original[self.o[k] : self.o[k + 1]]
        new = self.text[self.n[k] : self.n[k + 1]]
        lm: _Prefixes | _Words | NormalizedText
        if orig == new:
            lm = NormalizedText(orig, orig)
        elif _MARK.search(new) is None and (
            unicodedata.is_normalized("NFD", orig) if self.composed else _NFD(new) == orig
        ):
            lm = _Prefixes(orig, new) if len(new) <= _SHORT_LINE else _Words(orig, new)
        else:
            lm = _normalize_units(orig) or _normalize_slow(orig)
        return self._maps.setdefault(k, lm)

    def char(self, i: int) -> tuple[int, int]:
        """Original ``(start, end)`` of normalised character ``i`` (``0 <= i < len``)."""
        k = bisect.bisect_right(self.n, i) - 1
        a, b = self._line(k)._char(i - self.n[k])
        return self.o[k] + a, self.o[k] + b

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of normalised ``[start, end)`` (``0 <= start < end <= len``)."""
        k = bisect.bisect_right(self.n, start) - 1
        if end <= self.n[k + 1]:  # (within one line)
            lm = self._line(k)
            r = start - self.n[k]
            if isinstance(lm, _Prefixes):
                return self.o[k] + lm.at(r), self.o[k] + lm.at(end - self.n[k])
        return self.char(start)[0], self.char(end - 1)[1]

    def from_original(self, offset: int) -> int:
        if offset <= 0:
            return 0
        if offset >= len(self.original):
            return len(self.text)
        k = bisect.bisect_right(self.o, offset) - 1
        return self.n[k] + self._line(k)._clusters_from_original(offset - self.o[k])

    def clusters(self, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
        """The changed clusters ``(ns, ne, os, oe)`` of the lines that meet original
        ``[start, end)``, in order (with some before ``start`` in its line)."""
        k = max(0, bisect.bisect_right(self.o, start) - 1)
        last = len(self.o) - 1
        while k < last and self.o[k] < end:
            lm = self._line(k)
            no, oo = self.n[k], self.o[k]
            if not isinstance(lm, NormalizedText):
                changes: Iterable[tuple[int, int, int, int]] = lm.clusters(start - oo, end - oo)
            else:
                changes = lm._changes(0, len(lm.original))
            for a, b, c, d in changes:
                yield no + a, no + b, oo + c, oo + d
            k += 1


class _Prefixes:
    """The map of a short line that is the NFD of its normalised form ``new``: character
    ``r`` came from ``NFD(new[r])``, at ``len(NFD(new[:r]))`` (each span costs a pass over
    the line, in C)."""

    __slots__ = ("_last", "new", "orig")

    def __init__(self, orig: str, new: str) -> None:
        self.orig = orig
        self.new = new
        self._last = (0, 0)  # the last character placed, and where it starts

    def at(self, r: int) -> int:
        """Where the cluster of character ``r`` starts (from the last one placed, when it
        is not after ``r``: spans are mostly mapped in order)."""
        r0, a0 = self._last
        if r < r0:
            r0 = a0 = 0
        a = a0 + len(_NFD(self.new[r0:r]))
        self._last = (r, a)
        return a

    def _char(self, r: int) -> tuple[int, int]:
        a = self.at(r)
        return a, a + len(_NFD(self.new[r]))

    def _clusters_from_original(self, q: int) -> int:
        orig = self.orig
        while q < len(orig) and unicodedata.combining(orig[q]):
            q += 1  # inside a cluster: the next one
        return len(_NFC(orig[:q]))  # (each cluster composes to one character)

    def clusters(self, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
        r = self._clusters_from_original(max(0, start))
        pos = self.at(r)
        for c in self.new[r:]:
            if pos >= end:
                break
            width = len(_NFD(c))
            if width > 1:
                yield r, r + 1, pos, pos + width
            pos += width
            r += 1


class _Words:
    """The map of a line that is the NFD of its normalised form ``new``: split at spaces
    (which NFD keeps), word ``w`` starts at ``o[w]`` in the original and ``n[w]`` in
    ``new``, and a character's cluster is its decomposition. A line with a word longer than
    :data:`_LONG_WORD` keeps where every character's decomposition starts instead."""

    __slots__ = ("n", "o", "orig", "words")

    def __init__(self, orig: str, new: str) -> None:
        self.orig = orig
        words = new.split(" ")
        if max(map(len, words)) > _LONG_WORD:
            words = list(new)  # (one "word" a character)
            self.o = list(itertools.accumulate(map(len, map(_NFD, words)), initial=0))
            self.n = list(range(len(new) + 1))
        else:
            self.o = list(
                itertools.accumulate(map(_PLUS_ONE, map(len, orig.split(" "))), initial=0)
            )
            self.n = list(itertools.accumulate(map(_PLUS_ONE, map(len, words)), initial=0))
        self.words = words

    def _char(self, r: int) -> tuple[int, int]:
        w = bisect.bisect_right(self.n, r) - 1
        t = r - self.n[w]
        word = self.words[w]
        if t >= len(word):  # the space after the word
            a = self.o[w + 1] - 1
            return a, a + 1
        a = self.o[w] + len(_NFD(word[:t]))
        return a, a + len(_NFD(word[t]))

    def _clusters_from_original(self, q: int) -> int:
        w = bisect.bisect_right(self.o, q) - 1
        if w >= len(self.words):
            return self.n[-1] - 1
        start = self.o[w]
        if q == start:
            return self.n[w]
        orig = self.orig
        while q < len(orig) and unicodedata.combining(orig[q]):
            q += 1  # inside a cluster: the next one
        # (each cluster of the word composes to one character)
        return self.n[w] + len(_NFC(orig[start:q]))

    def clusters(self, start: int, end: int) -> Iterator[tuple[int, int, int, int]]:
        w = max(0, bisect.bisect_right(self.o, start) - 1)
        while w < len(self.words) and self.o[w] < end:
            pos, r = self.o[w], self.n[w]
            for c in self.words[w]:
                width = len(_NFD(c))
                if width > 1:
                    yield r, r + 1, pos, pos + width
                pos += width
                r += 1
            w += 1


# The longest line :class:`_Prefixes` maps, the longest word :class:`_Words` maps.
_SHORT_LINE = 512
_LONG_WORD = 64


def _normalize_units(text: str) -> NormalizedText | None:
    """The general path's result, computed a unit at a time in C (``re.split``, ``map``):
    each base-plus-marks cluster composed, each look-alike, dash or space replaced, each run
    of invisible characters removed, each line end made ``\n``. ``None`` when that would not
    give NFC text (a mark at the start, Hangul, singletons): the general path decides then.
    """
    if _OTHER_MARK.search(text) is not None and _OTHER_MARK_NEAR.search(text) is not None:
        return None
    parts = _UNITS.split(text)
    if parts[0] and unicodedata.combining(parts[0][0]):
        return None
    units = parts[1::2]
    if _LONG_MARKS.search(text) is not None:
        return None  # a cluster with too many marks: left as it is by the general path
    if _NOT_MARKS.search(text) is None:  # only marks to compose (an NFD document)
        new_units = list(map(_NFC, units))
    else:
        new_units = list(map(str.translate, map(_NFC, units), itertools.repeat(_TRANSLATE)))
    if "\r\n" in text:
        new_units = ["\n" if u == "\r\n" else n for u, n in zip(units, new_units, strict=True)]
    parts[1::2] = new_units
    out = "".join(parts)
    if not unicodedata.is_normalized("NFC", out):
        return None
    # The map, unit by unit, with C-level loops: where each unit starts in the normalised
    # text, how much shorter the text has become before it, and which units changed.
    changed = list(map(operator.ne, units, new_units))
    if not any(changed):
        return NormalizedText(text, text)
    starts = list(itertools.accumulate(map(len, parts), initial=0))[1::2][: len(units)]
    old_len = list(map(len, units))
    new_len = list(map(len, new_units))
    shrink = list(itertools.accumulate(map(operator.sub, old_len, new_len), initial=0))
    o_start = list(map(operator.add, starts, shrink))

    def keep(values: Iterable[int]) -> tuple[int, ...]:
        return tuple(itertools.compress(values, changed))

    ns = keep(starts)
    ne = keep(map(operator.add, starts, new_len))
    os_ = keep(o_start)
    oe = keep(map(operator.add, o_start, old_len))
    return NormalizedText(text, out, ns=ns, ne=ne, os=os_, oe=oe)


class _Builder:
    """Accumulates the normalised text and its changed clusters."""

    __slots__ = ("n_out", "ne", "ns", "oe", "os", "out", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[str] = []
        self.ns: list[int] = []
        self.ne: list[int] = []
        self.os: list[int] = []
        self.oe: list[int] = []
        self.n_out = 0

    def keep(self, start: int, end: int) -> None:
        """Copy ``text[start:end]`` unchanged (it needs no work)."""
        if end > start:
            self.out.append(self.text[start:end])
            self.n_out += end - start

    def change(self, start: int, end: int, new: str) -> None:
        self.ns.append(self.n_out)
        self.ne.append(self.n_out + len(new))
        self.os.append(start)
        self.oe.append(end)
        self.out.append(new)
        self.n_out += len(new)

    def region(self, i: int, stop: int) -> int:
        """Normalise the clusters that start in ``[i, stop)``; returns where the
        last one ends (a cluster may run past ``stop``)."""
        text = self.text
        length = len(text)
        combining = unicodedata.combining
        while i < stop:
            ch = text[i]
            if ch in _BLANKS:
                # A run of blanks and invisible characters is one unit; when marks follow
                # it, its last visible character is their base (and starts a cluster).
                run = _BLANK_RUN.match(text, i)
                j = run.end() if run is not None else i + 1
                if j < length and combining(text[j]):
                    k = j - 1
                    while k >= i and text[k] in _INVISIBLE:
                        k -= 1
                    if k >= i:
                        j = k
                if j > i:
                    self.change(i, j, text[i:j].translate(_TRANSLATE))
                    i = j
                    continue
            if ch == "\r":
                j = i + 2 if i + 1 < length and text[i + 1] == "\n" else i + 1
                self.change(i, j, "\n")
                i = j
                continue
            j = i + 1
            hidden = False
            marks = 0
            while j < length:
                run = _COMBINING_RUN.match(text, j)
                if run is not None:  # (a run of common marks at once: a long one costs C)
                    marks += run.end() - j
                    j = run.end()
                    continue
                if combining(text[j]):
                    j += 1
                    marks += 1
                    continue
                if text[j] in _INVISIBLE:
                    # Invisible characters between a letter and its marks belong to
                    # the cluster (and are dropped from it).
                    k = j
                    while k < length and text[k] in _INVISIBLE:
                        k += 1
                    if k < length and combining(text[k]):
                        hidden = True
                        j = k
                        continue
                break
            cluster = text[i:j]
            if j - i == 1 and ch.isascii() and ch not in _REPLACE:
                new = cluster
            else:
                visible = "".join(c for c in cluster if c not in _INVISIBLE) if hidden else cluster
                # (a cluster with too many marks is not composed: see MAX_MARKS)
                new = visible if marks > MAX_MARKS else unicodedata.normalize("NFC", visible)
                if _REPLACED.search(new) is not None:
                    new = "".join(_REPLACE.get(c, c) for c in new)
            if new != cluster:
                self.change(i, j, new)
            else:
                self.keep(i, j)
            i = j
        return i


def _normalize_slow(text: str) -> NormalizedText:
    b = _Builder(text)
    combining = unicodedata.combining
    pos = 0
    search = _DIRTY.search
    while (m := search(text, pos)) is not None:  # (from where the last region ended)
        i = m.start()
        k = i
        while k < len(text) and text[k] in _INVISIBLE:
            k += 1  # invisible characters between a letter and its marks join its cluster
        start = i - 1 if i > pos and k < len(text) and combining(text[k]) else i
        pos = _keep_stretch(b, pos, start)
        if pos > start:
            continue  # the stretch's last cluster (a letter and other marks) took this mark
        pos = b.region(start, i + 1)
    _keep_stretch(b, pos, len(text))
    if not b.ns:
        return NormalizedText(text, text)
    return NormalizedText(
        text,
        "".join(b.out),
        ns=tuple(b.ns),
        ne=tuple(b.ne),
        os=tuple(b.os),
        oe=tuple(b.oe),
    )


def _keep_stretch(b: _Builder, start: int, end: int) -> int:
    """A stretch without dirty characters: copied as is when it is already NFC,
    otherwise normalised cluster by cluster. Returns where the copy ends (past ``end`` when
    the last cluster runs on into the marks after the stretch)."""
    if end <= start:
        return start
    stretch = b.text[start:end]
    if stretch.isascii() or unicodedata.is_normalized("NFC", stretch):
        b.keep(start, end)
        return end
    return b.region(start, end)


# --- keys and tone placement ------------------------------------------------------


def fold_words(text: str) -> str:
    """The comparison key of normalised text: tones in old style, capitals, one space
    between words (the block parsers compare titles and entries by it).

    >>> fold_words("Phó  chủ tịch"), fold_words("Uỷ ban")
    ('PHÓ CHỦ TỊCH', 'ỦY BAN')
    """
    return " ".join(canonical_tones(text).upper().split())


def fold(text: str) -> str:
    """A comparison key of any text: normalised, then :func:`fold_words` without spaces.

    >>> fold("Quyết định  hoà") == fold("QUYẾT ĐỊNH HÒA")
    True
    """
    return fold_words(normalize_text(text).text).replace(" ", "")


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aăâeêioôơuưy")
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_PAIRS = ("oa", "oe", "uy")
# A word whose tone placement can differ between the styles has a run of letters that ends
# in oa / oe / uy with the tone mark on one of the two letters (NFC).
_TONED_PAIR_ALTERNATIVES = (
    "[òóỏõọÒÓỎÕỌ][aeAE]|[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[ùúủũụÙÚỦŨỤ][yY]|[uU][ỳýỷỹỵỲÝỶỸỴ]"
)
_TONED_PAIR = re.compile(f"(?:{_TONED_PAIR_ALTERNATIVES})(?![^\\W\\d_])")  # a word's end
# The same ending at the end of a word of running text, as two patterns that each start
# with one character class (the regex engine skips quickly only to such a start): the tone
# on the first letter of the pair, or on the second.
_TONE_ON_FIRST = re.compile(
    "[òóỏõọÒÓỎÕỌùúủũụÙÚỦŨỤ](?:(?<=[òóỏõọÒÓỎÕỌ])[aeAE]|(?<=[ùúủũụÙÚỦŨỤ])[yY])(?![^\\W\\d_])"
)
_TONE_ON_SECOND = re.compile(
    "[àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ]"
    "(?:(?<=[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])|(?<=[uU][ỳýỷỹỵỲÝỶỸỴ]))(?![^\\W\\d_])"
)


def toned_words(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the words of ``text`` (NFC) whose tone placement can show a style: those
    ending in oa / oe / uy with a tone mark on the pair. Every other word is neutral
    (:func:`tone_style` gives ``None``), so a scan for styles needs only these.

    >>> [("Uỷ ban hoà giải".__getitem__(slice(*s))) for s in toned_words("Uỷ ban hoà giải")]
    ['Uỷ', 'hoà']
    """
    ends = sorted(
        [m.end() for m in _TONE_ON_FIRST.finditer(text)]
        + [m.end() for m in _TONE_ON_SECOND.finditer(text)]
    )
    for end in ends:
        start = end - 2
        while start > 0 and _LETTER.match(text, start - 1):
            start -= 1
        yield start, end


def _tone_word(word: str, style: str) -> str:
    nfd = unicodedata.normalize("NFD", word)
    if len(nfd) < 3:
        return word
    # Only a syllable that ends in oa / oe / uy with the tone on one of them.
    tone_at = -1
    for k, c in enumerate(nfd):
        if c in _TONES:
            tone_at = k
            break
    if tone_at < 0:
        return word
    tone = nfd[tone_at]
    base = nfd[:tone_at] + nfd[tone_at + 1 :]
    if len(base) < 2 or base[-2:].lower() not in _PAIRS:
        return word
    if tone_at not in (len(base) - 1, len(base)):
        return word  # the mark is not on the final pair
    prefix = base[:-2]
    if prefix:
        before = unicodedata.normalize("NFC", prefix)[-1].lower()
        if before in _VOWELS or (base[-2:].lower() == "uy" and before == "q"):
            return word
    target = len(base) - 2 if style == "old" else len(base) - 1
    new = base[: target + 1] + tone + base[target + 1 :]
    return unicodedata.normalize("NFC", new)


def canonical_tones(text: str, style: Literal["old", "new"] = "old") -> str:
    """Place tone marks of ``oa``, ``oe``, ``uy`` syllables in one style.

    The "old" style (the default, dominant in official names: ``Ủy ban``,
    ``Thanh Hóa``) puts the mark on the first vowel; the "new" style on the
    second. Syllables with a final consonant (``hoàn``), ``qu`` + ``y``
    (``quý``) and ``gi`` + vowel (``giá``) are the same in both styles and are
    left alone (domain notes §9.3).

    >>> canonical_tones("Uỷ ban nhân dân tỉnh Thanh Hoá")
    'Ủy ban nhân dân tỉnh Thanh Hóa'
    >>> canonical_tones("CỘNG HÒA, thủy lợi", style="new")
    'CỘNG HOÀ, thuỷ lợi'
    >>> canonical_tones("quý hoàn giá")
    'quý hoàn giá'
    """
    _require_str(text)
    if style not in ("old", "new"):
        from vnadmin.errors import VnAdminError

        raise VnAdminError(f"style must be 'old' or 'new', not {style!r}")
    if text.isascii():
        return text
    return _WORD.sub(lambda m: _tone_word(m.group(), style), text)


def tone_style(word: str) -> Literal["old", "new"] | None:
    """Which tone-placement style a single word shows, or ``None`` if neutral.

    >>> tone_style("uỷ"), tone_style("ủy"), tone_style("quý")
    ('new', 'old', None)
    """
    # (normalize_text, not NFC itself: it bounds the marks a cluster is composed with)
    _require_str(word)
    nfc = word if unicodedata.is_normalized("NFC", word) else normalize_text(word).text
    if _TONED_PAIR.search(nfc) is None:
        return None  # no oa / oe / uy with its tone mark at the end: the same in both styles
    old = canonical_tones(word, "old")
    new = canonical_tones(word, "new")
    if old == new:
        return None
    if nfc == old:
        return "old"
    if nfc == new:
        return "new"
    return None
