"""The values of a signature block: :class:`SigningMode`, :class:`Authority`, :class:`SignatureBlock`.

A signature block (NĐ 30/2020/NĐ-CP, Điều 13 and Phụ lục I, II.7; ô 7a–7c) is a chain of
signing authorities, the signer's own title, further posts and the name.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from vnadmin.errors import VnAdminError
from vnadmin.findings import Repair

if TYPE_CHECKING:
    from vnadmin.findings import Finding

__all__ = ["Authority", "SignatureBlock", "SigningMode"]


class SigningMode(enum.Enum):
    """How the signer signs for someone else (NĐ 30, Điều 13; Phụ lục I, II.7.b).

    >>> SigningMode.KT.meaning_vi, SigningMode.KT.meaning_en
    ('ký thay', 'signing for')
    """

    TM = "TM"
    KT = "KT"
    TL = "TL"
    TUQ = "TUQ"
    Q = "Q"

    @property
    def meaning_vi(self) -> str:
        """The Vietnamese meaning (``thay mặt``, ``ký thay`` …)."""
        return _MEANING_VI[self]

    @property
    def meaning_en(self) -> str:
        """An English gloss (``on behalf of``, ``signing for`` …)."""
        return _MEANING_EN[self]

    def mark(self, party_style: bool = False) -> str:
        """The mark as written: ``"KT."``, or ``"K/T"`` in Party style (Hướng dẫn 36-HD/VPTW).

        >>> SigningMode.TM.mark(), SigningMode.TM.mark(party_style=True)
        ('TM.', 'T/M')
        """
        if party_style and self in _PARTY_MARK:
            return _PARTY_MARK[self]
        return f"{self.value}."


_MEANING_VI = {
    SigningMode.TM: "thay mặt",
    SigningMode.KT: "ký thay",
    SigningMode.TL: "thừa lệnh",
    SigningMode.TUQ: "thừa ủy quyền",
    SigningMode.Q: "quyền",
}
_MEANING_EN = {
    SigningMode.TM: "on behalf of",
    SigningMode.KT: "signing for",
    SigningMode.TL: "by order of",
    SigningMode.TUQ: "by authorisation of",
    SigningMode.Q: "acting",
}
_PARTY_MARK = {SigningMode.TM: "T/M", SigningMode.KT: "K/T", SigningMode.TL: "T/L"}


@attrs.frozen
class Authority:
    """One line of the chain: a signing mode and the principal's title (ô 7a).

    Attributes:
        mode: :class:`SigningMode`.
        title: the principal as written (``"CHỦ TỊCH"``, ``"ỦY BAN NHÂN DÂN"``);
            for ``Q.`` the head's title the signer acts as.
        party_style: ``True`` when written ``T/M``, ``K/T``, ``T/L``
            (Hướng dẫn 36-HD/VPTW).
        span: offsets of the whole line (mark and title) in the caller's string.
        title_span: offsets of :attr:`title` alone (``(0, 0)`` when built by hand).
    """

    mode: SigningMode
    title: str
    party_style: bool = False
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    title_span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)

    def __str__(self) -> str:
        return f"{self.mode.mark(self.party_style)} {self.title}".rstrip()


@attrs.frozen
class SignatureBlock:
    """A parsed signature block (NĐ 30, Điều 13; Phụ lục I, II.7).

    Equality compares the meaning (chain, titles, name, honours, notes), not
    the spans or repairs.

    Attributes:
        chain: the authorities, outermost first (``TL. CHỦ TỊCH`` before
            ``KT. CHÁNH VĂN PHÒNG``).
        signer_title: the signer's own title (ô 7b); ``""`` when the chain ends
            in ``Q.`` (the signer is the acting head) or none is written.
        other_posts: further posts written above the name (``PHÓ CHỦ TỊCH UBND
            TỈNH`` under a Ban's title).
        signer_name: the name as written, without honours or degrees.
        honours: academic titles, degrees or ranks written before the name.
        notes: placeholders and seal notes (``(Đã ký)``, ``(Ký tên, đóng dấu)``).
        span: offsets of the whole block in the caller's string.
        signer_title_span, name_span: offsets of those parts (``(0, 0)`` if absent).
        post_spans: offsets of each of ``other_posts``.
        repairs: changes made to read the block (``KT.CHỦ`` → ``KT. CHỦ``).

    Every span slices the caller's string to text that normalises to its field
    (the block read in place, even when its lines are interleaved with a Nơi nhận list),
    except for a title whose words continue after a Nơi nhận entry that shares the line:
    its span runs from its first word to its last, the entry between.
    """

    chain: tuple[Authority, ...] = ()
    signer_title: str = ""
    other_posts: tuple[str, ...] = ()
    signer_name: str = ""
    honours: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    signer_title_span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    name_span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)
    post_spans: tuple[tuple[int, int], ...] = attrs.field(default=(), eq=False)
    repairs: tuple[Repair, ...] = attrs.field(default=(), eq=False)

    @property
    def modes(self) -> tuple[SigningMode, ...]:
        """The signing modes of the chain, outermost first."""
        return tuple(a.mode for a in self.chain)

    @property
    def party_style(self) -> bool:
        """True when any mark is written in Party style (``T/M`` …)."""
        return any(a.party_style for a in self.chain)

    def title_lines(self) -> tuple[str, ...]:
        """The title lines as NĐ 30 lays them out (chain, signer title, posts).

        >>> from vnadmin.signatures import parse_signature
        >>> parse_signature("TL. BỘ TRƯỞNG CHÁNH VĂN PHÒNG Nguyễn Đức Tâm").title_lines()
        ('TL. BỘ TRƯỞNG', 'CHÁNH VĂN PHÒNG')
        """
        lines = [str(a) for a in self.chain]
        if self.signer_title:
            lines.append(self.signer_title)
        lines.extend(self.other_posts)
        return tuple(lines)

    def describe(self, lang: str = "vi") -> str:
        """Say in words who signs for whom (``lang`` is ``"vi"`` or ``"en"``; NĐ 30, Điều 13).

        Raises:
            VnAdminError: for any other ``lang``.

        >>> from vnadmin.signatures import parse_signature
        >>> b = parse_signature("TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG Vũ Quang Khánh")
        >>> b.describe()
        'Phó Chánh Văn phòng ký thay Chánh Văn phòng, thừa lệnh Chủ tịch'
        >>> b.describe("en")
        'Deputy Chief of Office, signing for the Chief of Office, by order of the Chairman'
        """
        from vnadmin.signatures.titles import sentence_case, title_en

        if lang not in ("vi", "en"):
            raise VnAdminError(f"lang must be 'vi' or 'en', not {lang!r}")
        en = lang == "en"
        name = title_en if en else sentence_case
        chain = list(self.chain)
        if chain and chain[-1].mode is SigningMode.Q:
            acting = chain.pop()
            signer = f"Acting {name(acting.title)}" if en else f"Quyền {name(acting.title)}"
        elif self.signer_title:
            signer = name(self.signer_title)
        else:
            signer = "the signer" if en else "Người ký"
        if not chain:
            return signer
        clauses = []
        for a in reversed(chain):
            if en:
                clauses.append(f"{a.mode.meaning_en} the {name(a.title)}")
            else:
                clauses.append(f"{a.mode.meaning_vi} {name(a.title)}")
        sep = ", " if en else " "
        return signer + sep + ", ".join(clauses)

    def check(self) -> tuple[Finding, ...]:
        """Every deviation from NĐ 30, Điều 13 (see :func:`~vnadmin.signatures.check`)."""
        from vnadmin.signatures.rules import check_signature

        return check_signature(self)

    def validate(self) -> SignatureBlock:
        """Return ``self``, or raise :class:`~vnadmin.ValidationError` on errors."""
        from vnadmin.signatures.rules import validate_signature

        return validate_signature(self)
