"""The prefix-tree alternation behaves as a plain alternation sorted longest first."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from vnadmin._regex import alternation

WORDS = st.lists(st.text(alphabet="abđ ", min_size=1, max_size=5), min_size=1, max_size=8)


@given(WORDS, st.text(alphabet="abđ .", max_size=40))
def test_same_matches_as_a_sorted_alternation(words: list[str], text: str) -> None:
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    for wrap in (r"(?:{})", r"\b(?:{})\b", r"(?:{})(?![^\s])"):
        a = re.compile(wrap.format(alternation(words)))
        b = re.compile(wrap.format(plain))
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
