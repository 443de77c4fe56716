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

The same verbs as every concept:

=============================  ==============================================================
verb                           what it does
=============================  ==============================================================
``find(source, start, end)``   the tree of a body (:func:`parse_structure`), spans exact
``parse(text)``                exactly one heading (``Điều 5a. Sửa đổi``), a unit without
                               children; raises :class:`~vnadmin.ParseError`
``format(division)``           the heading's canonical text; ``parse(format(d)) == d`` for a
                               unit without children
``check(divisions)``           findings N103, N104 over a tree
``validate(divisions)``        the tree, or raises :class:`~vnadmin.ValidationError`
``is_valid(value_or_text)``    ``True``/``False``, never raises
=============================  ==============================================================

>>> format(parse("Điều 5a . Sửa đổi"))
'Điều 5a. Sửa đổi'
>>> print(format(chapter))
Chương I
QUY ĐỊNH CHUNG
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterator, Sequence

import attrs

from vnadmin.errors import ParseError, ValidationError, VnAdminError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.text import NormalizedText, Source, as_normalized, read_one

__all__ = [
    "VIETNAMESE_LETTERS",
    "Division",
    "DivisionKind",
    "check",
    "check_structure",
    "find",
    "format",
    "is_valid",
    "parse",
    "parse_structure",
    "validate",
]

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
            caller's string, up to the end of the title.
        span: offsets of the whole unit, up to the next unit of the same or a higher level.
        children: the units directly inside it.
        title_span: offsets of the title in the caller's string (``None`` when there is
            no title).

    Equality compares ``kind``, ``label``, ``title`` and ``children``; the spans are
    provenance only.
    """

    kind: DivisionKind
    label: str
    title: str
    heading_span: tuple[int, int] = attrs.field(eq=False)
    span: tuple[int, int] = attrs.field(eq=False)
    children: tuple[Division, ...] = ()
    title_span: tuple[int, int] | None = attrs.field(default=None, eq=False)

    def walk(self) -> Iterator[Division]:
        """This unit and every unit inside it, in document order (iteratively: a tree built
        by hand may be deeper than the recursion limit)."""
        stack: list[Division] = [self]
        while stack:
            d = stack.pop()
            yield d
            stack.extend(reversed(d.children))


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
# The heading kinds in the order of _HEADING's alternatives, with their label group and
# rank (looked up by position: an Enum hashes in Python, and this loop runs per heading).
_KINDS = tuple((name, *_KIND_OF[name]) for name in _KIND_OF)
_NAMES = tuple(_KIND_OF)
_RANKS = tuple(_RANK[kind] for _, kind, _ in _KINDS)
_CLAUSE_RANK = _RANK[DivisionKind.CLAUSE]
_POINT_RANK = _RANK[DivisionKind.POINT]
_CLAUSE_HOLDERS = frozenset(_RANK[k] for k in _HOLDS_CLAUSES)
_POINT_HOLDERS = frozenset(_RANK[k] for k in _HOLDS_POINTS)


def _kind_at(m: re.Match[str]) -> int:
    """The position in :data:`_KINDS` of the alternative of ``_HEADING`` that matched."""
    found = m.group(*_NAMES)
    for i, g in enumerate(found):
        if g is not None:
            return i
    raise AssertionError("a heading matches one alternative")  # pragma: no cover


_TITLE_LINE = re.compile(r"\n[ \t]*(?P<t>[^\n]+)")


@attrs.define
class _Open:
    kind: DivisionKind
    rank: int
    label: str
    title: str
    heading: tuple[int, int]
    start: int
    title_span: tuple[int, int] | None
    children: list[Division] = attrs.Factory(list)


def _title(nt: NormalizedText, m: re.Match[str], group: str) -> tuple[str, tuple[int, int] | None]:
    """The title in ``group`` of ``m``, stripped, and its span in the caller's string."""
    raw = m.group(group)
    title = raw.strip()
    if not title:
        return "", None
    a = m.start(group) + len(raw) - len(raw.lstrip())
    return title, nt.to_original(a, a + len(title))


def parse_structure(source: Source, start: int = 0, end: int | None = None) -> tuple[Division, ...]:
    """The outermost units of ``source[start:end]`` with their units inside. Never raises.

    ``source`` is the caller's string or its :class:`~vnadmin.NormalizedText` (not
    normalised again); ``start`` and ``end`` are offsets into the caller's original string,
    and so is every span returned. Administrative documents number their sections ``I.``,
    ``II.`` (read as :attr:`DivisionKind.SECTION`), then ``1.`` and ``a)``. A khoản is only
    read inside an Điều or a section and a điểm inside those or a khoản, so the loose
    numbered lists of a công văn are not taken for clauses (NĐ 30, Phụ lục I, II.5).
    Linear time in the text, also on hostile input (tested up to 1 MB).
    """
    if not isinstance(source, (str, NormalizedText)):
        return ()
    if not isinstance(start, int) or not (end is None or isinstance(end, int)):
        return ()
    nt = as_normalized(source)
    s = nt.text
    a = nt.from_original(start)
    b = len(s) if end is None else nt.from_original(end)
    stack: list[_Open] = []
    top: list[Division] = []

    def close(at: int) -> None:
        node = stack.pop()
        if node.rank in _POINT_HOLDERS:
            holds[1] -= 1
            if node.rank in _CLAUSE_HOLDERS:
                holds[0] -= 1
        while at > node.start and s[at - 1].isspace():
            at -= 1
        span = nt.to_original(node.start, at)
        div = Division(
            node.kind,
            node.label,
            node.title,
            node.heading,
            span,
            tuple(node.children),
            node.title_span,
        )
        (stack[-1].children if stack else top).append(div)

    # how many open units can hold a khoản (an Điều or a section) and a điểm (those or a
    # khoản): counted as units open and close, so a heading costs no pass over the stack
    holds = [0, 0]
    for m in _HEADING.finditer(s, a, b):
        i = _kind_at(m)
        _, kind, label_group = _KINDS[i]
        rank = _RANKS[i]
        if rank == _CLAUSE_RANK and not holds[0]:
            continue
        if rank == _POINT_RANK and not holds[1]:
            continue
        while stack and stack[-1].rank >= rank:
            close(m.start())
        title, title_span = _title(nt, m, "title")
        heading_end = m.end("title")
        if not title and kind in (DivisionKind.PART, DivisionKind.CHAPTER, DivisionKind.SECTION):
            t = _TITLE_LINE.match(s, m.end())
            if t is not None and t.end() <= b and not _HEADING.match(s, t.start() + 1):
                title, title_span = _title(nt, t, "t")
                heading_end = t.end("t")
        label = " ".join(m.group(label_group).split())
        lead = m.start()
        while s[lead] in " \t":
            lead += 1
        while heading_end > lead and s[heading_end - 1].isspace():
            heading_end -= 1
        stack.append(
            _Open(kind, rank, label, title, nt.to_original(lead, heading_end), lead, title_span)
        )
        if rank in _POINT_HOLDERS:
            holds[1] += 1
            if rank in _CLAUSE_HOLDERS:
                holds[0] += 1
    while stack:
        close(b)
    return tuple(top)


def _is_number(label: str) -> bool:
    """ASCII digits only (``str.isdigit`` is also true for ``²`` and ``٣``, which ``int``
    refuses or reads as another number)."""
    return label.isascii() and label.isdigit()


def check_structure(divisions: Division | Sequence[Division] | Source) -> tuple[Finding, ...]:
    """N103 for point letters out of the Vietnamese alphabetical order, N104 for Điều and
    khoản not numbered one after another (NĐ 30, Phụ lục I, II.5). Inserted units
    (``Điều 5a``, ``a1)``) are allowed, and a list may start again at ``a)``. A text is
    read with :func:`parse_structure` first. Never raises on a tree or a text; anything
    else raises :class:`~vnadmin.VnAdminError`."""
    if isinstance(divisions, (str, NormalizedText)):
        divisions = parse_structure(divisions)
    if isinstance(divisions, Division):
        divisions = (divisions,)
    if not isinstance(divisions, (tuple, list)) or not all(
        isinstance(d, Division) for d in divisions
    ):
        raise VnAdminError(f"expected divisions, not {type(divisions).__name__}")
    units = [d for top in divisions for d in top.walk()]
    out: list[Finding] = []
    articles = [d for d in units if d.kind is DivisionKind.ARTICLE and _is_number(d.label)]
    for prev, d in itertools.pairwise(articles):
        if int(d.label) != int(prev.label) + 1:
            out.append(N104.finding(d.heading_span, kind="Điều", got=d.label, prev=prev.label))
    for siblings in (divisions, *(d.children for d in units)):
        clauses = [d for d in siblings if d.kind is DivisionKind.CLAUSE and _is_number(d.label)]
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


find = parse_structure
check = check_structure

_TITLED_BELOW = frozenset({DivisionKind.PART, DivisionKind.CHAPTER, DivisionKind.SECTION})
_ROMAN_LABEL = re.compile(_ROMAN)


def parse(text: Source) -> Division:
    """Read ``text`` as exactly one heading: ``Phần thứ nhất``, ``Chương I`` (its title on
    the same line or the next), ``Mục 2``, ``I. MỤC ĐÍCH``, ``Điều 5a. Sửa đổi``, ``1. …``,
    ``a) …``. The unit has no children; its spans point into ``text``. Unlike
    :func:`parse_structure`, a khoản or a điểm is read without an Điều around it.

    Raises :class:`~vnadmin.ParseError` (``reason``: ``empty``, ``no_heading``,
    ``trailing_text``).

    >>> d = parse("Chương II\\nQUY ĐỊNH CỤ THỂ")
    >>> d.kind.value, d.label, d.title
    ('Chương', 'II', 'QUY ĐỊNH CỤ THỂ')
    >>> parse("đ) Nhiệm vụ.").label
    'đ'
    """
    nt, a, b = read_one(text, "heading", "Điều 1. Phạm vi điều chỉnh")
    s = nt.text
    original = nt.original
    padded = s[:b] + " "  # a heading with no title ends the text (``1.``, ``a)``)
    m = _HEADING.match(padded, s.rfind("\n", 0, a) + 1)
    if m is None:
        raise ParseError(
            "no heading of a Phần, Chương, Mục, Điều, khoản or điểm",
            input=original,
            span=nt.to_original(a, b),
            reason="no_heading",
            expected="Phần, Chương, Mục, Điều N., N. or a)",
        )
    _, kind, label_group = _KINDS[_kind_at(m)]
    # (the matches are on ``padded``, whose offsets are those of ``s`` up to ``b``)
    title, title_span = _title(nt, m, "title")
    heading_end = min(m.end("title"), b)
    if not title and kind in _TITLED_BELOW:
        t = _TITLE_LINE.match(padded, m.end())
        if t is not None:
            title, title_span = _title(nt, t, "t")
            heading_end = min(t.end("t"), b)
    while heading_end > a and s[heading_end - 1].isspace():
        heading_end -= 1
    if heading_end < b:
        raise ParseError(
            "text after the heading",
            input=original,
            span=nt.to_original(heading_end, b),
            reason="trailing_text",
            expected="the end of the heading",
        )
    label = " ".join(m.group(label_group).split())
    span = nt.to_original(a, heading_end)
    return Division(kind, label, title, span, span, (), title_span)


def format(division: Division | Source) -> str:
    """The canonical text of a unit's heading (NĐ 30, Phụ lục I, II.5): ``Phần``,
    ``Chương`` and ``Mục`` with the title on the next line, ``I. TITLE`` for the Roman
    sections of administrative documents, ``Tiểu mục 1. Title``, ``Điều 5a. Title``,
    ``1. text``, ``a) text``. Children are not written.

    >>> format(parse("Mục 2. Quy định riêng"))
    'Mục 2\\nQuy định riêng'
    >>> format("a)  nội dung")
    'a) nội dung'
    """
    d = division if isinstance(division, Division) else parse(division)
    kind, label, title = d.kind, d.label, d.title
    if kind is DivisionKind.SECTION and _ROMAN_LABEL.fullmatch(label):
        head, below = f"{label}.", False
    elif kind in _TITLED_BELOW:
        head, below = f"{kind.value} {label}", True
    elif kind is DivisionKind.SUBSECTION or kind is DivisionKind.ARTICLE:
        head, below = f"{kind.value} {label}.", False
    elif kind is DivisionKind.CLAUSE:
        head, below = f"{label}.", False
    else:
        head, below = f"{label})", False
    if not title:
        return head
    return f"{head}\n{title}" if below else f"{head} {title}"


def validate(divisions: Division | Sequence[Division]) -> tuple[Division, ...]:
    """The tree when no finding of :func:`check` is an error, else raises
    :class:`~vnadmin.ValidationError` carrying every finding. N103 and N104 are warnings
    (a misnumbered body is still a body), so a tree read by :func:`parse_structure` passes.
    """
    if isinstance(divisions, Division):
        tree: tuple[Division, ...] = (divisions,)
    elif isinstance(divisions, (tuple, list)):
        tree = tuple(divisions)
    else:
        raise VnAdminError(f"expected divisions, not {type(divisions).__name__}")
    findings = check_structure(tree)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return tree


def is_valid(value: object) -> bool:
    """Whether ``value`` is a heading's text that :func:`parse` reads, or a unit or tree of
    units, with no error finding. Never raises.

    >>> is_valid("Điều 1. Phạm vi"), is_valid("Điều một"), is_valid(None)
    (True, False, False)
    """
    try:
        if isinstance(value, str):
            value = parse(value)
        if isinstance(value, Division):
            value = (value,)
        if not isinstance(value, (tuple, list)) or not all(isinstance(d, Division) for d in value):
            return False
        validate(value)
    except VnAdminError:
        return False
    return True
