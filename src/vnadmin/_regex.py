"""Regex building blocks shared by the parsers."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation"]

_Trie = dict[str, "_Trie"]  # character → subtree; "" marks the end of a word


def alternation(words: Iterable[str], *, blank: str | None = None) -> str:
    """A regex matching any of ``words``, as a prefix tree: the engine then tests one
    character per position instead of every word. Where several words match at one
    position, the longest that lets the rest of the pattern match wins (what a plain
    alternation sorted longest first gives).

    >>> p = re.compile(alternation(["Thông tư", "Thông tư liên tịch", "Thông báo"]))
    >>> p.pattern
    'Thông\\\\ (?:báo|tư(?:\\\\ liên\\\\ tịch)?)'
    >>> p.match("Thông tư liên tịch số").group()
    'Thông tư liên tịch'

    ``blank``, when given, is the pattern a space in a word stands for (``r"[ \\t]+"``:
    any run of blanks between the words of a phrase).
    """
    tree: _Trie = {}
    for word in words:
        if not word:
            continue
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(tree, blank)


def _pattern(node: _Trie, blank: str | None) -> str:
    ends = "" in node
    branches = [
        (blank if ch == " " and blank is not None else re.escape(ch)) + _pattern(node[ch], blank)
        for ch in sorted(node)
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
