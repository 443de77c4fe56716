"""Findings, rules and repairs: what validation and linting report.

A :class:`Rule` is a catalogued check with a stable id (``C101``, ``D102`` …),
a default severity, bilingual message templates and the article of the law it
comes from. The catalogue is data: ``vnadmin/data/rules.tsv``, loaded once on first use;
:data:`RULES` is the whole of it, and modules take their rules with :func:`rule`.

A :class:`Finding` is one deviation found in one text, with its span.
A :class:`Repair` records one change a lenient parser made to read its input.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping

import attrs

__all__ = [
    "RULES",
    "Finding",
    "Repair",
    "Rule",
    "Severity",
    "line_col",
    "rule",
]


class Severity(enum.Enum):
    """How serious a finding is. ``ERROR`` makes ``is_valid`` false."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Repair:
    """One change made by a lenient parser to read its input.

    Attributes:
        kind: stable id of the repair (``"lookalike"``, ``"space_removed"``,
            ``"dash"``, ``"hyphen_inserted"``, ``"case"`` …).
        span: offsets in the caller's original string of the text repaired.
        before: the text as written.
        after: what it was read as.
    """

    kind: str
    span: tuple[int, int]
    before: str
    after: str

    def shifted(self, offset: int) -> Repair:
        """The same repair with its span moved by ``offset`` characters."""
        return Repair(
            self.kind, (self.span[0] + offset, self.span[1] + offset), self.before, self.after
        )


@attrs.frozen
class Finding:
    """One deviation from the rules, located in the checked text.

    Attributes:
        rule: the stable rule id, e.g. ``"C101"``.
        severity: :class:`Severity`.
        message_vi: the message in Vietnamese.
        message_en: the message in English.
        article: where the rule comes from (``"NĐ 30, Phụ lục I, II.3"``).
        span: ``(start, end)`` in the checked text, or ``None`` for the whole.
    """

    rule: str
    severity: Severity
    message_vi: str
    message_en: str
    article: str
    span: tuple[int, int] | None = None

    def shifted(self, offset: int) -> Finding:
        """The same finding with its span moved by ``offset`` characters."""
        if self.span is None:
            return self
        return attrs.evolve(self, span=(self.span[0] + offset, self.span[1] + offset))


@attrs.frozen
class Rule:
    """A catalogued check.

    ``message_vi`` and ``message_en`` are :meth:`str.format` templates filled by
    :meth:`finding`. ``bad`` and ``good`` are short examples shown in the docs.
    """

    id: str
    name: str
    severity: Severity
    message_vi: str
    message_en: str
    article: str
    bad: str = ""
    good: str = ""

    def finding(
        self,
        span: tuple[int, int] | None = None,
        *,
        severity: Severity | None = None,
        **params: object,
    ) -> Finding:
        """Build a :class:`Finding` of this rule, filling the message templates."""
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message_vi=self.message_vi.format(**params),
            message_en=self.message_en.format(**params),
            article=self.article,
            span=span,
        )


@functools.cache
def _catalogue() -> dict[str, Rule]:
    from vnadmin._tables import read_table

    return {
        row["id"]: Rule(
            row["id"],
            row["name"],
            Severity(row["severity"]),
            row["message_vi"],
            row["message_en"],
            row["article"],
            row["bad"],
            row["good"],
        )
        for row in read_table("rules.tsv")
    }


class _Rules(Mapping[str, Rule]):
    """The read-only catalogue, loaded from ``rules.tsv`` on first access."""

    def __getitem__(self, key: str) -> Rule:
        return _catalogue()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(_catalogue())

    def __len__(self) -> int:
        return len(_catalogue())

    def __repr__(self) -> str:
        return f"<vnadmin rule catalogue: {len(self)} rules>"


#: Every rule of the catalogue, by id (read-only).
RULES: Mapping[str, Rule] = _Rules()


def rule(rule_id: str) -> Rule:
    """The catalogued rule ``rule_id`` (``KeyError`` for an id not in ``rules.tsv``).

    >>> rule("C101").article
    'NĐ 30, Phụ lục I, II.3'
    """
    return _catalogue()[rule_id]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of ``offset`` in ``text``.

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
