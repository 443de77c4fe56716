"""The values of recipient lists: :class:`RecipientKind`, :class:`RecipientEntry`,
:class:`ArchiveNote`, :class:`RecipientList` (NĐ 30/2020/NĐ-CP, Phụ lục I, II.9; ô 9a, 9b, 12).
"""

from __future__ import annotations

import enum
import functools
import re
from typing import TYPE_CHECKING

import attrs

from vnadmin._tables import read_table
from vnadmin.findings import Repair

if TYPE_CHECKING:
    from vnadmin.findings import Finding

__all__ = ["ArchiveNote", "RecipientEntry", "RecipientKind", "RecipientList", "purposes"]


class RecipientKind(enum.Enum):
    """Which list: ``Nơi nhận`` (ô 9b) or ``Kính gửi`` (ô 9a)."""

    NOI_NHAN = "Nơi nhận"
    KINH_GUI = "Kính gửi"


@functools.cache
def purposes() -> dict[str, str]:
    """First words of a purpose note → the meaning of a shorthand (``""`` when written in
    full), from ``data/recipient_purposes.tsv``.

    >>> purposes()["b/c"], purposes()["đưa"]
    ('báo cáo', '')
    """
    return {row["word"]: row["meaning"] for row in read_table("recipient_purposes.tsv")}


_AS_ABOVE = re.compile(r"(?i)như\s+(\S.*)\Z", re.DOTALL)


@attrs.frozen
class RecipientEntry:
    """One recipient (or group of recipients).

    Attributes:
        text: the recipient as written, without dash, notes or final
            punctuation, spaces collapsed (``"VPCP: BTCN, các PCN"``).
        purpose: a note in parentheses saying why it is sent (``"để b/c"``,
            ``"đưa tin"``), or ``None``.
        copies: a copy count (``(02 bản)``, ``02 bản``), or ``None``.
        span: offsets of the entry (notes and terminator included) in the caller's string.
        dashed: whether the entry was written with a leading ``-``.
        terminator: the punctuation that ended it (``";"``, ``"."``, ``","``, ``""``).
        text_span: offsets of :attr:`text` alone in the caller's string.
    """

    text: str
    purpose: str | None = None
    copies: int | None = None
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    dashed: bool = attrs.field(default=True, eq=False)
    terminator: str = attrs.field(default=";", eq=False)
    text_span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)

    @property
    def reference(self) -> str | None:
        """For ``Như trên``, ``Như Điều 3`` …: what is referred to (``"trên"``, ``"Điều 3"``).

        >>> RecipientEntry("Như khoản 2 Điều 1").reference
        'khoản 2 Điều 1'
        """
        m = _AS_ABOVE.match(self.text)
        return m.group(1) if m else None

    @property
    def group(self) -> str | None:
        """The body before a colon (``"VPCP"`` of ``"VPCP: BTCN, các PCN"``)."""
        head, sep, _ = self.text.partition(":")
        return head.strip() if sep else None

    @property
    def members(self) -> tuple[str, ...]:
        """The comma-separated parts (``("CT", "các PCT UBND tỉnh")``).

        >>> RecipientEntry("CT, các PCT UBND tỉnh").members
        ('CT', 'các PCT UBND tỉnh')
        """
        _, sep, tail = self.text.partition(":")
        body = tail if sep else self.text
        return tuple(p.strip() for p in body.split(",") if p.strip())

    @property
    def purpose_meaning(self) -> str | None:
        """The purpose with shorthand spelled out (``"để b/c"`` → ``"để báo cáo"``)."""
        if self.purpose is None:
            return None
        table = purposes()
        words = [table.get(w.lower()) or w for w in self.purpose.split()]
        return " ".join(words)


@attrs.frozen
class ArchiveNote:
    """The archive entry ``Lưu: VT, <units>`` plus drafter and copy count (ô 9b, ô 12).

    Attributes:
        units: who keeps copies, as written (``("VT", "KTTH")``).
        drafter: the drafter's initials or name (``"LC"``), or ``None``.
        copies: a copy count written after a unit (``(02b)``), or ``None``.
        teams: the teams written in brackets after a unit, as ``(unit, team)`` pairs
            (``Lưu: VT, PC04 (Đội 1).`` → ``(("PC04", "Đội 1"),)``); the unit itself is
            in :attr:`units` without them.
        span: offsets in the caller's string.
        colon: whether ``Lưu`` was followed by a colon.
        dashed: whether the entry was written with a leading ``-``.
        unit_spans: offsets of each of :attr:`units`.
        drafter_span: offsets of :attr:`drafter` (``(0, 0)`` when there is none).
    """

    units: tuple[str, ...] = ("VT",)
    drafter: str | None = None
    copies: int | None = None
    teams: tuple[tuple[str, str], ...] = ()
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    colon: bool = attrs.field(default=True, eq=False)
    dashed: bool = attrs.field(default=True, eq=False)
    unit_spans: tuple[tuple[int, int], ...] = attrs.field(default=(), eq=False)
    drafter_span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)

    def __repr__(self) -> str:
        return (
            f"ArchiveNote(units={self.units!r}, drafter={self.drafter!r}, copies={self.copies!r})"
        )

    def __str__(self) -> str:
        teams = dict(self.teams)
        units = [f"{u} ({teams[u]})" if u in teams else u for u in self.units] or ["VT"]
        last = units[-1]
        initials = self.drafter is not None and len(self.drafter) <= 4
        if self.drafter and initials:
            last += f"({self.drafter})"
        elif self.drafter and self.copies is None:
            last += f".{self.drafter}"  # a given name: "NC.Thạch"
        if self.copies is not None:
            last += f" ({self.copies:02d}b)"
            if self.drafter and not initials:
                last += f" {self.drafter}"
        units[-1] = last
        return "Lưu: " + ", ".join(units) + "."


@attrs.frozen
class RecipientList:
    """A parsed ``Nơi nhận`` or ``Kính gửi`` list.

    Attributes:
        kind: :class:`RecipientKind`.
        entries: the recipients, without the archive entry.
        archive: the ``Lưu`` entry, or ``None``.
        span: offsets of the whole list (header included) in the caller's string.
        archive_index: where the archive entry stood among the entries
            (``len(entries)`` when last).
        repairs: changes made to read the list.
    """

    kind: RecipientKind
    entries: tuple[RecipientEntry, ...] = ()
    archive: ArchiveNote | None = None
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    archive_index: int | None = attrs.field(default=None, eq=False)
    repairs: tuple[Repair, ...] = attrs.field(default=(), eq=False)

    def __len__(self) -> int:
        """Number of entries, the archive entry included."""
        return len(self.entries) + (self.archive is not None)

    def check(self, *, kinh_gui: bool | None = None) -> tuple[Finding, ...]:
        """Every deviation from the rules (see :func:`~vnadmin.recipients.check`)."""
        from vnadmin.recipients.rules import check_recipients

        return check_recipients(self, kinh_gui=kinh_gui)

    def validate(self, *, kinh_gui: bool | None = None) -> RecipientList:
        """Return ``self`` or raise :class:`~vnadmin.ValidationError` on errors."""
        from vnadmin.recipients.rules import validate_recipients

        return validate_recipients(self, kinh_gui=kinh_gui)
