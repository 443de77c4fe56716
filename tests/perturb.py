"""The one perturbation of real texts that every exact-span property test uses.

Real files spell a text in ways that change its characters but not its meaning: decomposed
Unicode (NFD), ``Ð`` (U+00D0) for ``Đ``, CRLF line ends, non-breaking spaces, zero-width
spaces. A finder run on the perturbed text must find the same values, with spans that slice
the perturbed (the caller's) string exactly.
"""

from __future__ import annotations

import random
import unicodedata

from hypothesis import strategies as st


@st.composite
def perturbed(draw: st.DrawFn, text: str) -> str:
    """``text`` perturbed as real files are: NFD, ``Ð`` for ``Đ``, CRLF, some spaces as NBSP,
    zero-width spaces inserted (never between ``\\r`` and ``\\n``, nor before a combining
    mark: either would change the text, not only its spelling)."""
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    if draw(st.booleans()):
        text = text.replace("Đ", "\u00d0")
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    rnd = random.Random(draw(st.integers(0, 2**32)))
    nbsp = draw(st.sampled_from([0.0, 0.1, 0.5]))
    zwsp = draw(st.sampled_from([0.0, 0.02, 0.2]))
    out: list[str] = []
    for c in text:
        if c == " " and rnd.random() < nbsp:
            c = "\u00a0"
        if out and out[-1] != "\r" and not unicodedata.combining(c) and rnd.random() < zwsp:
            out.append("\u200b")
        out.append(c)
    return "".join(out)


@st.composite
def perturbed_window(draw: st.DrawFn, texts: list[str], size: int) -> tuple[str, str]:
    """A window of at most ``size`` characters of one of ``texts``, and that window
    perturbed."""
    full = draw(st.sampled_from(texts))
    start = draw(st.integers(0, max(0, len(full) - size)))
    clean = full[start : start + size]
    return clean, draw(perturbed(clean))
