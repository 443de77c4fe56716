"""Titles and words of signature blocks, read from ``data/signing_titles.tsv`` and
``data/signing_words.tsv`` (NĐ 30/2020/NĐ-CP, Điều 13 and Phụ lục I, II.7; Phụ lục II on
capitals). Loaded once; every look-up is a dict or set look-up.

>>> title_at(["PHÓ", "CHỦ", "TỊCH", "UBND"], 0), title_at(["VỤ", "TRƯỞNG"], 0)
(3, 2)
>>> sentence_case("PHÓ CHÁNH VĂN PHÒNG"), title_en("THỨ TRƯỞNG")
('Phó Chánh Văn phòng', 'Deputy Minister')
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

import attrs

from vnadmin._tables import read_table
from vnadmin.layout import fold

__all__ = [
    "clean_word",
    "is_abbr",
    "is_degree",
    "is_deputy",
    "key",
    "sentence_case",
    "tables",
    "title_at",
    "title_en",
]


@attrs.frozen
class Tables:
    """The signature tables, loaded once (:func:`tables`)."""

    #: first word → title phrases starting with it, longest first
    titles: dict[str, tuple[tuple[str, ...], ...]]
    en: dict[str, str]
    head_prefix: frozenset[str]
    keep_upper: frozenset[str]
    org: frozenset[str]
    proper_after: frozenset[str]
    degree: frozenset[str]
    ranks: frozenset[tuple[str, str]]


@functools.cache
def tables() -> Tables:
    """The tables of ``signing_titles.tsv`` and ``signing_words.tsv``."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    en: dict[str, str] = {}
    for row in read_table("signing_titles.tsv"):
        phrase = tuple(row["phrase"].split())
        if row["kind"] == "title":
            by_first.setdefault(phrase[0], []).append(phrase)
        if row["en"]:
            en[" ".join(phrase)] = row["en"]
    roles: dict[str, set[str]] = {}
    for row in read_table("signing_words.tsv"):
        roles.setdefault(row["role"], set()).add(row["word"])
    ranks = frozenset((a, b) for a, b in (r.split() for r in roles.get("rank", ())))
    return Tables(
        titles={k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
        en=en,
        head_prefix=frozenset(roles.get("head_prefix", ())),
        keep_upper=frozenset(roles.get("keep_upper", ())),
        org=frozenset(roles.get("org", ())),
        proper_after=frozenset(roles.get("proper_after", ())),
        degree=frozenset(roles.get("degree", ())),
        ranks=ranks,
    )


def key(text: str) -> str:
    """The comparison key of a title (commas read as spaces)."""
    return fold(text.replace(",", " "))


def clean_word(word: str) -> str:
    """The key of one token, without its edge punctuation."""
    return fold(word.strip(",;:."))


@functools.cache
def title_starters() -> frozenset[str]:
    """Every key :func:`title_at` can find a title at: the first words of the table's
    titles, ``PHÓ``, ``TRƯỞNG`` and the words before ``TRƯỞNG``."""
    t = tables()
    return frozenset((*t.titles, *t.head_prefix, "PHÓ", "TRƯỞNG"))


def title_at(words: Sequence[str], i: int, stop: int | None = None) -> int:
    """Length in words of a title phrase starting at ``words[i]`` (0 if none).

    ``words`` are keys (:func:`clean_word`). A title start is a phrase of the table,
    ``PHÓ`` + a title, or a word followed by ``TRƯỞNG`` (BỘ TRƯỞNG, VỤ TRƯỞNG …).
    """
    n = len(words) if stop is None else min(stop, len(words))
    if i >= n:
        return 0
    w = words[i]
    if w == "PHÓ":
        if i + 1 < n and words[i + 1] == "PHÓ":
            return 1
        rest = title_at(words, i + 1, n)
        return 1 + rest if rest else (2 if i + 1 < n else 1)
    t = tables()
    for phrase in t.titles.get(w, ()):
        k = len(phrase)
        if i + k <= n and tuple(words[i : i + k]) == phrase:
            return k
    if i + 1 < n and words[i + 1] == "TRƯỞNG" and w in t.head_prefix:
        return 2
    if w == "TRƯỞNG" and i + 1 < n:
        return 2
    return 0


def is_deputy(title: str) -> bool:
    """A deputy's title (``PHÓ …``, ``THỨ TRƯỞNG``): who signs ``KT.`` (NĐ 30, Điều 13.1)."""
    k = key(title)
    return k.startswith(("PHÓ ", "THỨ TRƯỞNG")) or " PHÓ " in f" {k} "


def is_degree(word: str) -> bool:
    """An academic title or honour written before a name (``PGS.TS.``; Phụ lục I, II.7.c)."""
    parts = [p for p in fold(word).split(".") if p]
    degree = tables().degree
    return bool(parts) and all(p in degree for p in parts) and ("." in word or len(parts) == 1)


def is_rank(first: str, second: str) -> bool:
    """A military or police rank of two words (``Đại tá``, ``Thiếu tướng``)."""
    return (clean_word(first), clean_word(second)) in tables().ranks


def is_abbr(word: str) -> bool:
    """An abbreviation kept in capitals in sentence case (``UBND``, ``TP.``, ``HĐND``)."""
    if word in tables().keep_upper:
        return True
    base = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    base = base.replace("Đ", "D")
    return len(word) > 1 and not any(c in "AEIOUY" for c in base)


def sentence_case(title: str) -> str:
    """``"PHÓ CHÁNH VĂN PHÒNG"`` → ``"Phó Chánh Văn phòng"`` (NĐ 30, Phụ lục II; a heuristic)."""
    t = tables()
    words = title.split()
    keys = [clean_word(w) for w in words]
    out: list[str] = []
    in_title: set[int] = set()
    cap_next = True
    i = 0
    while i < len(words):
        k = title_at(keys, i) if keys[i] != "PHÓ" else 1
        span = max(k, 1)
        if k:
            in_title.update(range(i, i + k))
        for j in range(i, min(i + span, len(words))):
            w = words[j]
            if is_abbr(clean_word(w)):
                out.append(w)
            elif (
                cap_next
                or (j > 0 and keys[j - 1] == "CHÁNH" and keys[j] in t.proper_after)
                or (
                    k == 0
                    and j > 1
                    and keys[j - 1] in t.org
                    and keys[j - 2] != "ỦY"
                    and j - 1 not in in_title
                )
            ):
                out.append(w[:1].upper() + w[1:].lower())
            else:
                out.append(w.lower())
            cap_next = False
        if k and i + span < len(words) and keys[i + span] in t.proper_after:
            cap_next = True
        if keys[i] == "PHÓ":
            cap_next = True
        i += span
    return " ".join(out)


def title_en(title: str) -> str:
    """An English gloss of a title or body (``THỨ TRƯỞNG`` → ``Deputy Minister``)."""
    return tables().en.get(key(title), sentence_case(title))
