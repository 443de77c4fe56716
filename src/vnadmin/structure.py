"""The structure of a document's body: Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm.

NĐ 30, Phụ lục I, II.5 and the drafting rules for legal documents (domain notes §1.8):
``Phần`` and ``Chương`` are numbered in Roman numerals, ``Mục`` and ``Tiểu mục`` in Arabic,
articles are ``Điều N.``, clauses ``1.``, points ``a)`` in the **Vietnamese alphabet**
(a, b, c, d, đ, e, g, h, i, k, … — there is ``đ)`` and no ``f)``, ``j)``, ``w)``, ``z)``);
inserted provisions take a letter or digit suffix (``Điều 5a``, ``a1)``).

>>> body = '''Chương I
... QUY ĐỊNH CHUNG
... Điều 1. Phạm vi điều chỉnh
... 1. Nghị định này quy định:
... a) Tiêu chí;
... đ) Nhiệm vụ.
... Điều 2. Đối tượng áp dụng'''
>>> [(d.kind.value, d.label, d.title) for d in parse_structure(body)]
[('Chương', 'I', 'QUY ĐỊNH CHUNG')]
>>> chapter = parse_structure(body)[0]
>>> [(d.label, d.title) for d in chapter.children]
[('1', 'Phạm vi điều chỉnh'), ('2', 'Đối tượng áp dụng')]
>>> [p.label for p in chapter.children[0].children[0].children]
['a', 'đ']
>>> [f.rule for f in check_structure(parse_structure(body))]
['N103']
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterator, Sequence

import attrs

from vnadmin.findings import Finding, rule
from vnadmin.text import normalize_text

__all__ = ["VIETNAMESE_LETTERS", "Division", "DivisionKind", "check_structure", "parse_structure"]

#: Point letters in order (Vietnamese alphabet without the letters ă, â, ê, ô, ơ, ư).
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
_NEXT_LETTER = dict(itertools.pairwise(VIETNAMESE_LETTERS))

N103 = rule("N103")
N104 = rule("N104")


class DivisionKind(enum.Enum):
    """A level of the body's structure, outermost first."""

    PART = "Phần"
    CHAPTER = "Chương"
    SECTION = "Mục"
    SUBSECTION = "Tiểu mục"
    ARTICLE = "Điều"
    CLAUSE = "khoản"
    POINT = "điểm"


_RANK = {k: i for i, k in enumerate(DivisionKind)}


@attrs.frozen
class Division:
    """One unit of the body (a Chương, an Điều, a khoản …) and the units inside it.

    Attributes:
        kind: :class:`DivisionKind`.
        label: its number or letter as written (``"I"``, ``"5a"``, ``"2"``, ``"đ"``).
        title: the title of a Phần/Chương/Mục/Điều, or the first line of a khoản/điểm.
        heading_span: offsets of the heading (``Điều 1. Phạm vi điều chỉnh``) in the
            caller's string.
        span: offsets of the whole unit, up to the next unit of the same or a higher level.
        children: the units directly inside it.
    """

    kind: DivisionKind
    label: str
    title: str
    heading_span: tuple[int, int]
    span: tuple[int, int]
    children: tuple[Division, ...] = ()

    def walk(self) -> Iterator[Division]:
        """This unit and every unit inside it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


_ROMAN = r"[IVXLC]+"
_HEADING = re.compile(
    r"^[ \t]*(?:"
    r"(?P<part>(?i:phần))[ \t]+(?P<pl>(?i:thứ[ \t]+\w+)|" + _ROMAN + r"|[0-9]+)"
    r"|(?P<chapter>Chương|CHƯƠNG)[ \t]+(?P<cl>" + _ROMAN + r"|[0-9]+)"
    r"|(?P<sub>Tiểu[ \t]+mục|TIỂU[ \t]+MỤC)[ \t]+(?P<sl>[0-9]+)"
    r"|(?P<section>Mục|MỤC)[ \t]+(?P<ml>[0-9]+|" + _ROMAN + r")"
    r"|(?P<roman>(?P<rl>" + _ROMAN + r")\.)(?=[ \t])"
    r"|(?P<article>Điều)[ \t]+(?P<al>[0-9]{1,4}[a-zđ]?)[ \t]*[.:]"
    r"|(?P<clause>(?P<kl>[0-9]{1,3}[a-zđ]?)\.)(?=[ \t])"
    r"|(?P<point>(?P<xl>[a-zđ][0-9]?)\))(?=[ \t])"
    r")(?![^\s.:])[ \t]*[.:]?[ \t]*(?P<title>[^\n]*)",
    re.MULTILINE,
)
_KIND_OF = {
    "part": (DivisionKind.PART, "pl"),
    "chapter": (DivisionKind.CHAPTER, "cl"),
    "sub": (DivisionKind.SUBSECTION, "sl"),
    "section": (DivisionKind.SECTION, "ml"),
    "roman": (DivisionKind.SECTION, "rl"),
    "article": (DivisionKind.ARTICLE, "al"),
    "clause": (DivisionKind.CLAUSE, "kl"),
    "point": (DivisionKind.POINT, "xl"),
}
_HOLDS_CLAUSES = frozenset({DivisionKind.ARTICLE, DivisionKind.SECTION})
_HOLDS_POINTS = _HOLDS_CLAUSES | {DivisionKind.CLAUSE}
_TITLE_LINE = re.compile(r"\n[ \t]*(?P<t>[^\n]+)")


@attrs.define
class _Open:
    kind: DivisionKind
    label: str
    title: str
    heading: tuple[int, int]
    start: int
    children: list[Division] = attrs.Factory(list)


def parse_structure(text: str, start: int = 0, end: int | None = None) -> tuple[Division, ...]:
    """The outermost units of ``text[start:end]`` with their units inside. Never raises.

    Administrative documents number their sections ``I.``, ``II.`` (read as
    :attr:`DivisionKind.SECTION`), then ``1.`` and ``a)``. A khoản is only read inside an
    Điều or a section and a điểm inside those or a khoản, so the loose numbered lists of a
    công văn are not taken for clauses.
    """
    if not isinstance(text, str):
        return ()
    nt = normalize_text(text)
    s = nt.text
    a = nt.from_original(start)
    b = len(s) if end is None else nt.from_original(end)
    stack: list[_Open] = []
    top: list[Division] = []

    def close(at: int) -> None:
        node = stack.pop()
        while at > node.start and s[at - 1].isspace():
            at -= 1
        span = nt.to_original(node.start, at)
        div = Division(node.kind, node.label, node.title, node.heading, span, tuple(node.children))
        (stack[-1].children if stack else top).append(div)

    for m in _HEADING.finditer(s, a, b):
        name = next(k for k in _KIND_OF if m.group(k) is not None)
        kind, label_group = _KIND_OF[name]
        inside = {o.kind for o in stack}
        if kind is DivisionKind.CLAUSE and not inside & _HOLDS_CLAUSES:
            continue
        if kind is DivisionKind.POINT and not inside & _HOLDS_POINTS:
            continue
        while stack and _RANK[stack[-1].kind] >= _RANK[kind]:
            close(m.start())
        title = m.group("title").strip()
        heading_end = m.end("title")
        if not title and kind in (DivisionKind.PART, DivisionKind.CHAPTER, DivisionKind.SECTION):
            t = _TITLE_LINE.match(s, m.end())
            if t is not None and t.end() <= b and not _HEADING.match(s, t.start() + 1):
                title = t.group("t").strip()
                heading_end = t.end("t")
        label = " ".join(m.group(label_group).split())
        lead = m.start()
        while s[lead] in " \t":
            lead += 1
        stack.append(_Open(kind, label, title, nt.to_original(lead, heading_end), lead))
    while stack:
        close(b)
    return tuple(top)


def check_structure(divisions: Sequence[Division]) -> tuple[Finding, ...]:
    """N103 for point letters out of the Vietnamese alphabetical order, N104 for Điều and
    khoản not numbered one after another. Inserted units (``Điều 5a``, ``a1)``) are
    allowed, and a list may start again at ``a)``. Never raises."""
    units = [d for top in divisions for d in top.walk()]
    out: list[Finding] = []
    articles = [d for d in units if d.kind is DivisionKind.ARTICLE and d.label.isdigit()]
    for prev, d in itertools.pairwise(articles):
        if int(d.label) != int(prev.label) + 1:
            out.append(N104.finding(d.heading_span, kind="Điều", got=d.label, prev=prev.label))
    for siblings in (divisions, *(d.children for d in units)):
        clauses = [d for d in siblings if d.kind is DivisionKind.CLAUSE and d.label.isdigit()]
        for prev, d in itertools.pairwise(clauses):
            if int(d.label) != int(prev.label) + 1:
                out.append(N104.finding(d.heading_span, kind="Khoản", got=d.label, prev=prev.label))
        points = [d for d in siblings if d.kind is DivisionKind.POINT and len(d.label) == 1]
        for prev, d in itertools.pairwise(points):
            expected = _NEXT_LETTER.get(prev.label, "?")
            if d.label not in ("a", expected):
                out.append(
                    N103.finding(d.heading_span, got=d.label, prev=prev.label, expected=expected)
                )
    out.sort(key=lambda f: f.span or (0, 0))
    return tuple(out)
