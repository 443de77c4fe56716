"""Signature blocks: quyền hạn, chức vụ and họ tên of the signer.

A signature block (NĐ 30/2020/NĐ-CP, Điều 13 and Phụ lục I, II.7; ô 7a–7c)
is a chain of signing authorities (``TM.``, ``KT.``, ``TL.``, ``TUQ.``,
``Q.``), each followed by its principal's title, then the signer's own title,
any further posts the signer holds, and the name::

    TL. CHỦ TỊCH
    KT. CHÁNH VĂN PHÒNG
    PHÓ CHÁNH VĂN PHÒNG

    Vũ Quang Khánh

:func:`parse_signature` reads one block in any real layout (one element per
line, or flattened on one line as crawled pages show it):

>>> b = parse_signature("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Chiến")
>>> [a.mode.name for a in b.chain], b.signer_title, b.signer_name
(['TM', 'KT'], 'PHÓ CHỦ TỊCH', 'Trần Văn Chiến')
>>> b.describe()
'Phó Chủ tịch ký thay Chủ tịch, thay mặt Ủy ban nhân dân'
>>> print(format_signature(b))
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
<BLANKLINE>
Trần Văn Chiến

Party documents write the marks with a slash and no period (``T/M``, ``K/T``,
``T/L``; Hướng dẫn 36-HD/VPTW): they are read as a Party style, not an error.
"""

from __future__ import annotations

import enum
import itertools
import re
import unicodedata
from collections.abc import Sequence

import attrs

from vnadmin.errors import ParseError, ValidationError
from vnadmin.findings import Finding, Repair, Severity, rule
from vnadmin.text import NormalizedText, canonical_tones, normalize_text

__all__ = [
    "Authority",
    "SignatureBlock",
    "SigningMode",
    "check_signature",
    "find_signatures",
    "format_signature",
    "parse_signature",
    "parse_signatures",
    "validate_signature",
]


# --- the model -----------------------------------------------------------------------


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
        """The mark as written: ``"KT."``, or ``"K/T"`` in Party style.

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
    """One line of the chain: a signing mode and the principal's title.

    Attributes:
        mode: :class:`SigningMode`.
        title: the principal as written (``"CHỦ TỊCH"``, ``"ỦY BAN NHÂN DÂN"``);
            for ``Q.`` the head's title the signer acts as.
        party_style: ``True`` when written ``T/M``, ``K/T``, ``T/L``
            (Hướng dẫn 36-HD/VPTW).
        span: offsets of the whole line in the caller's string.
    """

    mode: SigningMode
    title: str
    party_style: bool = False
    span: tuple[int, int] = attrs.field(default=(0, 0), eq=False)

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

        >>> parse_signature("TL. BỘ TRƯỞNG CHÁNH VĂN PHÒNG Nguyễn Đức Tâm").title_lines()
        ('TL. BỘ TRƯỞNG', 'CHÁNH VĂN PHÒNG')
        """
        lines = [str(a) for a in self.chain]
        if self.signer_title:
            lines.append(self.signer_title)
        lines.extend(self.other_posts)
        return tuple(lines)

    def describe(self, lang: str = "vi") -> str:
        """Say in words who signs for whom (``lang`` is ``"vi"`` or ``"en"``).

        >>> b = parse_signature("TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG Vũ Quang Khánh")
        >>> b.describe()
        'Phó Chánh Văn phòng ký thay Chánh Văn phòng, thừa lệnh Chủ tịch'
        >>> b.describe("en")
        'Deputy Chief of Office, signing for the Chief of Office, by order of the Chairman'
        """
        if lang not in ("vi", "en"):
            raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
        en = lang == "en"
        name = _title_en if en else _sentence_case
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
        """Every deviation from NĐ 30, Điều 13 (see :func:`check_signature`)."""
        return check_signature(self)

    def validate(self) -> SignatureBlock:
        """Return ``self``, or raise :class:`~vnadmin.ValidationError` on errors."""
        return validate_signature(self)


# --- rules ---------------------------------------------------------------------------

S101 = rule("S101")
S102 = rule("S102")
S103 = rule("S103")
S104 = rule("S104")
S105 = rule("S105")
S106 = rule("S106")
S107 = rule("S107")
S108 = rule("S108")
S109 = rule("S109")
S110 = rule("S110")

_ALLOWED_PAIRS = frozenset(
    {
        (SigningMode.TM, SigningMode.KT),
        (SigningMode.TL, SigningMode.KT),
        (SigningMode.TM, SigningMode.Q),
    }
)


def check_signature(block: SignatureBlock) -> tuple[Finding, ...]:
    """Check ``block`` against NĐ 30, Điều 13 and Phụ lục I, II.7.

    Rules: ``S101`` allowed chains, ``S102`` repeated mode, ``S103`` nothing
    after ``TUQ.``, ``S104`` ``KT.`` signed by a deputy, ``S105`` ``TM.``
    names a collective, ``S106`` ``Q.`` before a head's title, ``S107`` no
    honours before the name, ``S108`` titles in capitals, ``S109`` a name is
    written, ``S110`` Party-style marks (information only).

    >>> [f.rule for f in check_signature(parse_signature("KT. GIÁM ĐỐC GIÁM ĐỐC Lê Văn Hai"))]
    ['S104']
    """
    out: list[Finding] = []
    chain = block.chain
    seen: set[SigningMode] = set()
    for i, a in enumerate(chain):
        if a.mode in seen:
            out.append(S102.finding(a.span, mode=a.mode.mark()))
        seen.add(a.mode)
        if a.party_style:
            out.append(S110.finding(a.span, mark=a.mode.mark(True)))
        if i == 0:
            continue
        prev = chain[i - 1]
        if prev.mode is SigningMode.TUQ:
            out.append(S103.finding(a.span, mode=a.mode.mark()))
        elif (prev.mode, a.mode) not in _ALLOWED_PAIRS and prev.mode is not a.mode:
            text = " → ".join(x.mode.mark() for x in chain)
            out.append(S101.finding(a.span, chain=text))
    for i, a in enumerate(chain):
        key = _key(a.title)
        if a.mode is SigningMode.TM and _title_at(key.split(), 0) == len(key.split()) > 0:
            out.append(S105.finding(a.span, title=a.title))
        if a.mode is SigningMode.Q and (key.startswith("PHÓ ") or i != len(chain) - 1):
            out.append(S106.finding(a.span, title=a.title))
    if chain and chain[-1].mode is SigningMode.KT and not _is_deputy(block.signer_title):
        out.append(S104.finding(block.signer_title_span, title=block.signer_title or "—"))
    if block.honours:
        out.append(S107.finding(block.name_span, honours=" ".join(block.honours)))
    for a in chain:
        if a.title != a.title.upper():
            out.append(S108.finding(a.span, title=str(a)))
    for title, span in [
        (block.signer_title, block.signer_title_span),
        *list(
            zip(
                block.other_posts,
                block.post_spans or [(0, 0)] * len(block.other_posts),
                strict=False,
            )
        ),
    ]:
        if title and title != title.upper():
            out.append(S108.finding(span, title=title))
    if not block.signer_name:
        out.append(S109.finding(block.span))
    return tuple(out)


def validate_signature(block: SignatureBlock) -> SignatureBlock:
    """Return ``block`` if :func:`check_signature` finds no error, else raise.

    Raises:
        ValidationError: with every finding when at least one is an error.

    >>> validate_signature(parse_signature("TUQ. CHỦ TỊCH KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê An"))
    Traceback (most recent call last):
    ...
    vnadmin.errors.ValidationError: Nothing may follow TUQ. (no sub-delegation); found KT.
    """
    findings = check_signature(block)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return block


def _is_deputy(title: str) -> bool:
    key = _key(title)
    return key.startswith(("PHÓ ", "THỨ TRƯỞNG")) or " PHÓ " in f" {key} "


# --- titles --------------------------------------------------------------------------

# Title phrases (upper case, old tone style). A title start is one of these,
# ``PHÓ`` + a title, or a word followed by ``TRƯỞNG`` (BỘ TRƯỞNG, VỤ TRƯỞNG …).
_TITLES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(t.split())
            for t in (
                "THỦ TƯỚNG",
                "CHỦ TỊCH",
                "CHỦ NHIỆM",
                "GIÁM ĐỐC",
                "TỔNG GIÁM ĐỐC",
                "CHÁNH ÁN",
                "CHÁNH VĂN PHÒNG",
                "CHÁNH THANH TRA",
                "TỔNG THANH TRA",
                "TỔNG KIỂM TOÁN",
                "TỔNG CỤC TRƯỞNG",
                "KIỂM TOÁN TRƯỞNG",
                "THỐNG ĐỐC",
                "BÍ THƯ",
                "TỔNG BÍ THƯ",
                "TỔNG THƯ KÝ",
                "ỦY VIÊN",
                "TRƯỞNG BAN",
                "TRƯỞNG PHÒNG",
                "TRƯỞNG ĐOÀN",
                "TRƯỞNG KHOA",
                "CHỈ HUY TRƯỞNG",
                "KẾ TOÁN TRƯỞNG",
                "TƯ LỆNH",
                "CHÍNH ỦY",
                "ĐẠI SỨ",
                "TỔNG LÃNH SỰ",
                "CHỦ NHIỆM ỦY BAN",
            )
        ),
        key=len,
        reverse=True,
    )
)


# Words X of "X TRƯỞNG" head titles (BỘ TRƯỞNG, VỤ TRƯỞNG, HIỆU TRƯỞNG …).
_HEAD_PREFIX = frozenset(
    [
        "BỘ",
        "THỨ",
        "VỤ",
        "CỤC",
        "VIỆN",
        "HIỆU",
        "TỔ",
        "ĐOÀN",
        "TRẠM",
        "XÃ",
        "ẤP",
        "THÔN",
        "KHOA",
        "ĐỘI",
        "LỚP",
        "NHÓM",
        "XƯỞNG",
    ]
)


def _key(text: str) -> str:
    return " ".join(canonical_tones(text).upper().replace(",", " ").split())


def _clean_word(word: str) -> str:
    return canonical_tones(word.strip(",;:.")).upper()


def _title_at(words: Sequence[str], i: int, stop: int | None = None) -> int:
    """Length in words of a title phrase starting at ``words[i]`` (0 if none).

    ``words`` are already upper-cased keys.
    """
    n = len(words) if stop is None else min(stop, len(words))
    if i >= n:
        return 0
    if words[i] == "PHÓ":
        if i + 1 < n and words[i + 1] == "PHÓ":
            return 1
        rest = _title_at(words, i + 1, n)
        return 1 + rest if rest else (2 if i + 1 < n else 1)
    for phrase in _TITLES:
        k = len(phrase)
        if i + k <= n and tuple(words[i : i + k]) == phrase:
            return k
    if i + 1 < n and words[i + 1] == "TRƯỞNG" and words[i] in _HEAD_PREFIX:
        return 2
    if words[i] == "TRƯỞNG" and i + 1 < n:
        return 2
    return 0


_KEEP_UPPER = frozenset(
    {"UBND", "HĐND", "TAND", "TANDTC", "VKSND", "VKSNDTC", "MTTQ", "TW", "TƯ", "TP.", "TP"}
)
# Organisation words whose next word starts a proper name (Sở Nội vụ, Bộ Tài chính).
_ORG_WORDS = frozenset({"BỘ", "SỞ", "VỤ", "CỤC", "VIỆN", "BAN"})
_PROPER_AFTER = frozenset({"VĂN", "BỘ", "VỤ", "CỤC", "SỞ", "BAN", "TỔNG", "VIỆN", "HỘI"})


def _is_abbr(word: str) -> bool:
    if word in _KEEP_UPPER:
        return True
    base = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    base = base.replace("Đ", "D")
    return len(word) > 1 and not any(c in "AEIOUY" for c in base)


def _sentence_case(title: str) -> str:
    """``"PHÓ CHÁNH VĂN PHÒNG"`` → ``"Phó Chánh Văn phòng"`` (a heuristic)."""
    words = title.split()
    keys = [_clean_word(w) for w in words]
    out: list[str] = []
    in_title: set[int] = set()
    cap_next = True
    i = 0
    while i < len(words):
        k = _title_at(keys, i) if keys[i] != "PHÓ" else 1
        span = max(k, 1)
        if k:
            in_title.update(range(i, i + k))
        for j in range(i, min(i + span, len(words))):
            w = words[j]
            if _is_abbr(_clean_word(w)):
                out.append(w)
            elif (
                cap_next
                or (j > 0 and keys[j - 1] == "CHÁNH" and keys[j] in _PROPER_AFTER)
                or (
                    k == 0
                    and j > 1
                    and keys[j - 1] in _ORG_WORDS
                    and keys[j - 2] != "ỦY"
                    and j - 1 not in in_title
                )
            ):
                out.append(w[:1].upper() + w[1:].lower())
            else:
                out.append(w.lower())
            cap_next = False
        if k and i + span < len(words) and keys[i + span] in _PROPER_AFTER:
            cap_next = True
        if keys[i] == "PHÓ":
            cap_next = True
        i += span
    return " ".join(out)


_EN_TITLES = {
    "THỦ TƯỚNG": "Prime Minister",
    "BỘ TRƯỞNG": "Minister",
    "THỨ TRƯỞNG": "Deputy Minister",
    "CHỦ TỊCH": "Chairman",
    "PHÓ CHỦ TỊCH": "Vice Chairman",
    "CHỦ NHIỆM": "Chairman",
    "PHÓ CHỦ NHIỆM": "Vice Chairman",
    "BỘ TRƯỞNG CHỦ NHIỆM": "Minister, Chairman",
    "CHÁNH VĂN PHÒNG": "Chief of Office",
    "PHÓ CHÁNH VĂN PHÒNG": "Deputy Chief of Office",
    "GIÁM ĐỐC": "Director",
    "PHÓ GIÁM ĐỐC": "Deputy Director",
    "CHÁNH ÁN": "Chief Justice",
    "TRƯỞNG BAN": "Head",
    "PHÓ TRƯỞNG BAN": "Deputy Head",
    "VỤ TRƯỞNG": "Director General",
    "CỤC TRƯỞNG": "Director General",
    "CHÍNH PHỦ": "Government",
    "ỦY BAN NHÂN DÂN": "People's Committee",
    "HỘI ĐỒNG NHÂN DÂN": "People's Council",
    "HỘI ĐỒNG THẨM PHÁN": "Council of Judges",
}


def _title_en(title: str) -> str:
    return _EN_TITLES.get(_key(title), _sentence_case(title))


# --- tokenising ----------------------------------------------------------------------

_TOKEN = re.compile(r"\([^()\n]{0,300}\)|\[[^\[\]\n]{0,300}\]|[^\s()\[\]]+|[()\[\]]")
_MARK = re.compile(r"(TUQ|TM|KT|TL|Q)\.|(T/M|K/T|T/L)\.?", re.IGNORECASE)
_DEGREE_PARTS = frozenset(
    [
        "GS",
        "PGS",
        "TS",
        "TSKH",
        "THS",
        "BS",
        "BSCKI",
        "BSCKII",
        "DS",
        "KS",
        "CN",
        "LS",
        "NGND",
        "NGƯT",
        "NSND",
        "NSƯT",
        "TTND",
        "TTƯT",
        "TH",
        "S",
    ]
)
_RANKS = frozenset(
    {
        ("ĐẠI", "TƯỚNG"),
        ("THƯỢNG", "TƯỚNG"),
        ("TRUNG", "TƯỚNG"),
        ("THIẾU", "TƯỚNG"),
        ("ĐẠI", "TÁ"),
        ("THƯỢNG", "TÁ"),
        ("TRUNG", "TÁ"),
        ("THIẾU", "TÁ"),
        ("ĐẠI", "ÚY"),
        ("THƯỢNG", "ÚY"),
        ("TRUNG", "ÚY"),
        ("THIẾU", "ÚY"),
    }
)

_Tok = tuple[int, int, str]


def _tokens(s: str, start: int, end: int) -> list[_Tok]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s, start, end)]


def _is_note(tok: str) -> bool:
    return tok[:1] in "([" and len(tok) > 1


def _is_name_word(word: str) -> bool:
    """A capitalised name syllable: ``Nguyễn``, ``A``, ``H'Hen``, ``Niê``."""
    if not word[:1].isupper():
        return False
    for part in re.split(r"['’-]", word):
        if not part.isalpha() or not part[0].isupper():
            return False
        if len(part) > 1 and not part[1:].islower():
            return False
    return True


def _is_degree(word: str) -> bool:
    parts = [p for p in canonical_tones(word).upper().split(".") if p]
    return (
        bool(parts) and all(p in _DEGREE_PARTS for p in parts) and ("." in word or len(parts) == 1)
    )


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# --- parsing -------------------------------------------------------------------------


def parse_signature(text: str) -> SignatureBlock:
    """Read one signature block in any real layout.

    Accepts one element per line, flattened blocks, marks without a space
    (``KT.CHỦ TỊCH``, recorded as a repair), Party marks (``T/M``, ``K/T``,
    ``T/L``), placeholders and seal notes (``(Đã ký)``, ``(Ký, ghi rõ họ
    tên)``), and honours before the name (kept apart in ``honours``).

    Raises:
        ParseError: ``reason`` is ``"empty"`` (nothing to read),
            ``"no_title"`` (no title or name), ``"text_before_mode"`` (words
            before the first mark) or ``"empty_principal"`` (a mark with no title).

    >>> b = parse_signature('''KT. TRƯỞNG BAN
    ... PHÓ TRƯỞNG BAN THƯỜNG TRỰC
    ... PHÓ CHỦ TỊCH UBND TỈNH
    ... Đoàn Thanh Sơn''')
    >>> b.signer_title, b.other_posts
    ('PHÓ TRƯỞNG BAN THƯỜNG TRỰC', ('PHÓ CHỦ TỊCH UBND TỈNH',))
    >>> parse_signature("KT.CHỦ TỊCH\\nPHÓ CHỦ TỊCH\\n(Đã ký)\\nLê Hoa").repairs[0].kind
    'space_missing'
    """
    nt = normalize_text(text)
    s = nt.text
    return _parse_range(nt, 0, len(s))


def parse_signatures(text: str) -> tuple[SignatureBlock, ...]:
    """Read every signature block of ``text`` (joint documents sign side by side).

    Blocks are split after each name; a block written in two columns whose
    first line repeats the same mark (``KT. BỘ TRƯỞNG KT. BỘ TRƯỞNG``) is read
    column by column.

    Raises:
        ParseError: as :func:`parse_signature`, when no block can be read.

    >>> bs = parse_signatures("BỘ TRƯỞNG BỘ TÀI CHÍNH Lê An BỘ TRƯỞNG BỘ TƯ PHÁP Trần Bình")
    >>> [(b.signer_title, b.signer_name) for b in bs]
    [('BỘ TRƯỞNG BỘ TÀI CHÍNH', 'Lê An'), ('BỘ TRƯỞNG BỘ TƯ PHÁP', 'Trần Bình')]
    """
    nt = normalize_text(text)
    s = nt.text
    if not s.strip():
        raise ParseError(
            "no signature block",
            input=text,
            span=(0, len(text)),
            reason="empty",
            expected="a title",
        )
    columns = _columns(nt)
    if columns:
        return columns
    blocks: list[SignatureBlock] = []
    pos = 0
    for end in _name_ends(s):
        if s[pos:end].strip():
            blocks.append(_parse_range(nt, pos, end))
        pos = end
    tail = _tokens(s, pos, len(s))
    # Trailing notes after the last name belong to no block.
    if tail and not (blocks and all(_is_note(t[2]) for t in tail)):
        blocks.append(_parse_range(nt, pos, len(s)))
    return tuple(blocks)


def _name_ends(s: str) -> list[int]:
    """Offsets just after each name run that is followed by a new title."""
    toks = _tokens(s, 0, len(s))
    ends: list[int] = []
    i = 0
    while i < len(toks):
        if _is_name_word(toks[i][2]) and not _is_upper_word(toks[i][2]):
            j = i
            while j + 1 < len(toks) and _is_name_word(toks[j + 1][2]):
                j += 1
            k = j + 1
            while k < len(toks) and _is_note(toks[k][2]):
                k += 1
            if k < len(toks) and (
                _MARK.fullmatch(toks[k][2]) or (_is_upper_word(toks[k][2]) and len(toks[k][2]) > 1)
            ):
                ends.append(toks[j][1])
            i = j + 1
        else:
            i += 1
    return ends


def _columns(nt: NormalizedText) -> tuple[SignatureBlock, ...]:
    """Two or more blocks laid out in columns, line by line (best effort)."""
    s = nt.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", s) if m.group().strip()]
    if len(lines) < 2:
        return ()
    first = s[lines[0][0] : lines[0][1]]
    marks = [m for m in _MARK.finditer(first) if _mark_ok(first, m)]
    kinds = {_mode_of(m)[0] for m in marks}
    if len(marks) < 2 or len(kinds) != 1:
        return ()
    k = len(marks)
    cols: list[list[tuple[int, int]]] = [[] for _ in range(k)]
    for ls, le in lines:
        parts = _split_line(s, ls, le, k)
        if parts is None:
            return ()
        for c, part in enumerate(parts):
            cols[c].append(part)
    out: list[SignatureBlock] = []
    for col in cols:
        pieces = [s[a:b] for a, b in col]
        sub = "\n".join(pieces)
        try:
            block = parse_signature(sub)
        except ParseError:
            return ()
        spans = [nt.to_original(a, b) for a, b in col]
        out.append(attrs.evolve(block, span=(spans[0][0], spans[-1][1])))
    return tuple(out)


def _split_line(s: str, ls: int, le: int, k: int) -> list[tuple[int, int]] | None:
    line = s[ls:le]
    marks = [m for m in _MARK.finditer(line) if _mark_ok(line, m)]
    if len(marks) == k:
        cuts = [m.start() for m in marks]
    else:
        toks = _tokens(s, ls, le)
        if toks and all(_is_name_word(t[2]) or _is_note(t[2]) for t in toks):
            names = [t for t in toks if _is_name_word(t[2])]
            if len(names) % k:
                return None
            per = len(names) // k
            cuts = [names[c * per][0] - ls for c in range(k)]
        else:
            words = [t for t in toks if not _is_note(t[2])]
            keys = [_clean_word(t[2]) for t in words]
            starts = [
                i
                for i in _title_starts(keys, 0, len(words))
                if i == 0 or not _joined(words, keys, i)
            ]
            if len(starts) != k:
                return None
            cuts = [words[i][0] - ls for i in starts]
    cuts[0] = 0
    bounds = [*cuts, len(line)]
    return [(ls + bounds[c], ls + bounds[c + 1]) for c in range(k)]


def _mark_ok(line: str, m: re.Match[str]) -> bool:
    if m.start() > 0 and (line[m.start() - 1].isalnum() or line[m.start() - 1] in "/."):
        return False
    rest = line[m.end() :].lstrip()
    if not rest or not rest[0].isupper():
        return False
    return m.group(1) is not None or m.group(2) is not None


def _mode_of(m: re.Match[str]) -> tuple[SigningMode, bool]:
    if m.group(1) is not None:
        return SigningMode(m.group(1).upper()), False
    party = m.group(2).upper()
    return {"T/M": SigningMode.TM, "K/T": SigningMode.KT, "T/L": SigningMode.TL}[party], True


def _err(
    nt: NormalizedText, msg: str, span: tuple[int, int], reason: str, expected: str
) -> ParseError:
    return ParseError(
        msg, input=nt.original, span=nt.to_original(*span), reason=reason, expected=expected
    )


def _join(s: str, toks: Sequence[_Tok]) -> str:
    return " ".join(t[2] for t in toks).strip(" ,;:")


def _parse_range(nt: NormalizedText, start: int, end: int) -> SignatureBlock:
    s = nt.text
    toks = _tokens(s, start, end)
    if not toks:
        raise _err(nt, "no signature block", (start, end), "empty", "a signing title and a name")
    repairs: list[Repair] = []
    notes: list[str] = []
    # Split marks glued to the next word ("KT.CHỦ").
    split: list[_Tok] = []
    for a, b, t in toks:
        m = _MARK.match(t)
        if m and m.end() < len(t) and t[m.end()].isupper() and not _is_degree(t):
            split.append((a, a + m.end(), t[: m.end()]))
            split.append((a + m.end(), b, t[m.end() :]))
            o = nt.to_original(a, b)
            repairs.append(Repair("space_missing", o, t, f"{t[: m.end()]} {t[m.end() :]}"))
        else:
            split.append((a, b, t))
    toks = split
    # Notes and placeholders anywhere.
    kept: list[_Tok] = []
    i = 0
    while i < len(toks):
        a, b, t = toks[i]
        if _is_note(t):
            notes.append(" ".join(t.split()))
        elif t.lower() == "đã" and i + 1 < len(toks) and toks[i + 1][2].lower().rstrip(".") == "ký":
            notes.append(f"{t} {toks[i + 1][2]}")
            i += 1
        else:
            kept.append((a, b, t))
        i += 1
    toks = kept
    # The name: the last run of capitalised words.
    j = len(toks)
    while (
        j > 0
        and _is_name_word(toks[j - 1][2])
        and not (_is_upper_word(toks[j - 1][2]) and len(toks[j - 1][2]) > 1)
    ):
        j -= 1
        if len(toks) - j >= 7:
            break
    name_toks = toks[j:]
    head = toks[:j]
    honours: list[str] = []
    # Ranks written in title case inside the run ("Thiếu Tướng Lê A").
    if (
        len(name_toks) >= 3
        and (
            _clean_word(name_toks[0][2]),
            _clean_word(name_toks[1][2]),
        )
        in _RANKS
    ):
        honours.append(f"{name_toks[0][2]} {name_toks[1][2]}")
        name_toks = name_toks[2:]
    while head and name_toks:
        w = head[-1][2]
        if _is_degree(w) and not (_is_upper_word(w) and "." not in w and len(head) > 1):
            honours.insert(0, w)
            head = head[:-1]
        elif len(head) >= 2 and (_clean_word(head[-2][2]), _clean_word(w)) in _RANKS:
            honours.insert(0, f"{head[-2][2]} {w}")
            head = head[:-2]
        else:
            break
    if not head and not name_toks:
        raise _err(
            nt, "no title or name in the signature block", (start, end), "no_title", "a title"
        )
    # Marks and words of the title part.
    marks: list[tuple[int, SigningMode, bool, _Tok]] = []
    words: list[_Tok] = []
    for tok in head:
        m = _MARK.fullmatch(tok[2])
        if m:
            mode, party = _mode_of(m)
            if mode is SigningMode.Q and m.group(1) != "Q":
                words.append(tok)
                continue
            marks.append((len(words), mode, party, tok))
        else:
            words.append(tok)
    keys = [_clean_word(w[2]) for w in words]
    breaks = frozenset(i for i in range(1, len(words)) if "\n" in s[words[i - 1][1] : words[i][0]])
    chain: list[Authority] = []
    if marks and marks[0][0] > 0:
        first = words[0]
        raise _err(
            nt,
            "words before the first signing mark",
            (first[0], words[marks[0][0] - 1][1]),
            "text_before_mode",
            "TM., KT., TL., TUQ. or Q. first",
        )
    rest_from = 0
    for n, (wi, mode, party, mtok) in enumerate(marks):
        stop = marks[n + 1][0] if n + 1 < len(marks) else len(words)
        if n + 1 == len(marks):
            stop = _principal_end(words, keys, wi, stop, breaks)
        if stop <= wi:
            raise _err(
                nt,
                f"{mtok[2]} has no title after it",
                (mtok[0], mtok[1]),
                "empty_principal",
                "the principal's title",
            )
        seg = words[wi:stop]
        span = nt.to_original(mtok[0], seg[-1][1])
        chain.append(Authority(mode, _join(s, seg), party, span))
        rest_from = stop
    posts: list[tuple[str, tuple[int, int]]] = []
    rest = list(range(rest_from, len(words)))
    if rest:
        cut = [rest_from, *_splits(words, keys, rest_from, len(words), breaks), len(words)]
        for a, b in itertools.pairwise(cut):
            if b > a:
                seg = words[a:b]
                posts.append((_join(s, seg), nt.to_original(seg[0][0], seg[-1][1])))
    # Tokens inside a title are the words between; skip over-long titles check.
    signer_title, st_span = posts[0] if posts else ("", (0, 0))
    name = " ".join(t[2] for t in name_toks)
    name_span = nt.to_original(name_toks[0][0], name_toks[-1][1]) if name_toks else (0, 0)
    all_toks = toks
    b_start = min(t[0] for t in all_toks) if all_toks else start
    b_end = max(t[1] for t in all_toks) if all_toks else end
    return SignatureBlock(
        chain=tuple(chain),
        signer_title=signer_title,
        other_posts=tuple(p for p, _ in posts[1:]),
        signer_name=name,
        honours=tuple(honours),
        notes=tuple(notes),
        span=nt.to_original(b_start, b_end),
        signer_title_span=st_span,
        name_span=name_span,
        post_spans=tuple(sp for _, sp in posts[1:]),
        repairs=tuple(repairs),
    )


def _joined(words: Sequence[_Tok], keys: Sequence[str], i: int) -> bool:
    return i > 0 and (words[i - 1][2].endswith(",") or keys[i - 1] in ("VÀ", "&", "KIÊM"))


def _title_starts(
    keys: Sequence[str], start: int, stop: int, breaks: frozenset[int] = frozenset()
) -> list[int]:
    """Title starts found by a left-to-right scan of ``keys[start:stop]``.

    A title phrase does not run over a line break (``breaks`` holds the
    indices of words that start a line).
    """
    out = []
    j = start
    while j < stop:
        k = _title_at(keys, j, stop)
        if k and any(x in breaks for x in range(j + 1, j + k)):
            k = 0
        if k:
            out.append(j)
        j += max(k, 1)
    return out


def _splits(
    words: Sequence[_Tok],
    keys: Sequence[str],
    start: int,
    stop: int,
    breaks: frozenset[int] = frozenset(),
) -> list[int]:
    """Where a new title begins (not joined to the previous by ``,`` or ``VÀ``)."""
    return [
        i
        for i in _title_starts(keys, start, stop, breaks)
        if i > start and not _joined(words, keys, i)
    ]


def _principal_end(
    words: Sequence[_Tok], keys: Sequence[str], start: int, stop: int, breaks: frozenset[int]
) -> int:
    cuts = _splits(words, keys, start, stop, breaks)
    return cuts[0] if cuts else stop


# --- writing -------------------------------------------------------------------------


def format_signature(block: SignatureBlock) -> str:
    """Write ``block`` in NĐ 30 layout: one element per line, a blank line, the name.

    >>> print(format_signature(parse_signature("TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Tấn Dũng")))
    TM. CHÍNH PHỦ
    THỦ TƯỚNG
    <BLANKLINE>
    Nguyễn Tấn Dũng
    """
    lines = list(block.title_lines())
    lines.append("")
    lines.extend(block.notes)
    if block.signer_name:
        lines.append(" ".join([*block.honours, block.signer_name]))
    return "\n".join(lines).strip("\n")


# --- locating ------------------------------------------------------------------------


def find_signatures(text: str, *, every: bool = False) -> tuple[SignatureBlock, ...]:
    """Find the signature block(s) of a whole document; never raises.

    Looks for signing marks (``TM.``, ``KT.``, ``TL.``, ``TUQ.``, ``Q.``,
    ``T/M`` …) followed by titles in capitals and a name, and for unmarked
    blocks (``BỘ TRƯỞNG`` + name) right after the Nơi nhận list or the
    closing ``./.``. Nơi nhận entries interleaved on the same lines are
    skipped. When the document has a Nơi nhận list, only the blocks next to
    the first one are returned (forms in annexes carry template blocks);
    ``every=True`` returns every block found. Spans point into ``text``.

    >>> doc = "Nơi nhận:\\n- Như trên;\\n- Lưu: VT, TH.\\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Văn A PHỤ LỤC"
    >>> [(b.title_lines(), b.signer_name) for b in find_signatures(doc)]
    [(('KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'), 'Lê Văn A')]
    """
    try:
        return _find(text, every)
    except Exception:  # pragma: no cover - defensive: the locator never raises
        return ()


def _find(text: str, every: bool) -> tuple[SignatureBlock, ...]:
    from vnadmin.recipients import _list_bounds  # local: avoid an import cycle

    nt = normalize_text(text)
    s = nt.text
    starts: list[tuple[int, bool]] = []
    for m in _MARK.finditer(s):
        if _mark_ok_at(s, m):
            starts.append((m.start(), True))
    lists = _list_bounds(nt)
    for _, end in lists:
        starts.append((end, False))
    for m in re.finditer(r"\./\.", s):
        starts.append((m.end(), False))
    starts.sort()
    found: list[tuple[int, int, SignatureBlock]] = []
    consumed = -1
    for pos, marked in starts:
        if pos < consumed:
            continue
        scanned = _scan_block(s, pos, marked)
        if scanned is None:
            continue
        b_start, b_end, pieces = scanned
        sub = "\n".join(s[a:b] for a, b in pieces)
        try:
            block = _parse_pieces(nt, pieces, sub)
        except ParseError:
            consumed = b_end
            continue
        found.append((b_start, b_end, block))
        consumed = b_end
    if every or not lists:
        return tuple(b for _, _, b in found)
    l_start, l_end = lists[0]
    out: list[SignatureBlock] = []
    last_end = -1
    for b_start, b_end, block in found:
        near = l_start - 600 <= b_start <= l_end + 300 or b_start - l_end <= 300 < b_end - l_start
        if near or (out and 0 <= b_start - last_end <= 80):
            out.append(block)
            last_end = b_end
        elif out:
            break
    return tuple(out) if out else tuple(b for _, _, b in found)


def _mark_ok_at(s: str, m: re.Match[str]) -> bool:
    a = m.start()
    if a > 0 and (s[a - 1].isalnum() or s[a - 1] in "/."):
        return False
    j = m.end()
    while j < len(s) and s[j] in " \t\n":
        j += 1
    return j < len(s) and s[j].isupper() and s[a].isupper()


def _scan_block(s: str, pos: int, marked: bool) -> tuple[int, int, list[tuple[int, int]]] | None:
    """Extent of a block starting at ``pos``: pieces of (start, end) to read."""
    toks = _tokens(s, pos, min(len(s), pos + 800))
    pieces: list[tuple[int, int]] = []
    i = 0
    n = len(toks)
    title_words = 0
    keys: list[str] = []
    cur_start: int | None = None
    cur_end = pos
    while i < n:
        a, b, t = toks[i]
        line_start = a == 0 or "\n" in s[cur_end:a] or (not pieces and cur_start is None)
        if (t == "-" and line_start and "\n" in s[max(pos, a - 200) : a + 1]) or (
            t.startswith("-") and line_start and title_words and "\n" in s[cur_end:a]
        ):
            # A recipient entry interleaved with the block: skip to ; or . on this line.
            if cur_start is not None:
                pieces.append((cur_start, cur_end))
                cur_start = None
            while (
                i < n
                and not toks[i][2].endswith((";", "."))
                and "\n" not in s[toks[i][1] : toks[i][1] + 1]
            ):
                i += 1
            i += 1
            continue
        if t == "Nơi" and i + 1 < n and toks[i + 1][2].startswith("nhận"):
            # A Nơi nhận header between the lines of the block (two-column layout).
            if cur_start is not None:
                pieces.append((cur_start, cur_end))
                cur_start = None
            i += 2
            continue
        m = _MARK.fullmatch(t) or _MARK.match(t)
        if (
            (m and (m.group(1) is None or m.group(1).isupper() or m.group(2)))
            or _is_note(t)
            or t.lower() in ("đã", "ký", "ký.")
        ):
            pass
        elif _is_upper_word(t) and (len(t.strip(",.;:&-")) > 1 or t in ("&", ",", "-")):
            if (
                title_words == 0
                and not marked
                and not _title_at(
                    [_clean_word(t), *[_clean_word(x[2]) for x in toks[i + 1 : i + 4]]], 0
                )
            ):
                return None
            title_words += 1
            keys.append(_clean_word(t))
        elif t in ("&", "-", ","):
            pass
        elif _is_name_word(t) and title_words:
            # The name: up to the end of the line, at most 6 words.
            j = i
            while (
                j + 1 < n
                and j - i < 5
                and _is_name_word(toks[j + 1][2])
                and not (_is_upper_word(toks[j + 1][2]) and len(toks[j + 1][2]) > 1)
                and "\n" not in s[toks[j][1] : toks[j + 1][0]]
            ):
                j += 1
            if cur_start is None:
                cur_start = a
            cur_end = toks[j][1]
            pieces.append((cur_start, cur_end))
            return pieces[0][0], cur_end, pieces
        elif _is_degree(t) and title_words:
            pass
        else:
            break
        if cur_start is None:
            cur_start = a
        cur_end = b
        i += 1
    if title_words and cur_start is not None:
        pieces.append((cur_start, cur_end))
    if not pieces or not title_words:
        return None
    # A block without a name: accept only with a mark and a note or at the end.
    if marked:
        return pieces[0][0], pieces[-1][1], pieces
    return None


def _parse_pieces(nt: NormalizedText, pieces: list[tuple[int, int]], sub: str) -> SignatureBlock:
    if len(pieces) == 1:
        return _parse_range(nt, *pieces[0])
    # Several pieces (entries skipped in between): parse the joined text and
    # map spans through the pieces.
    block = parse_signature(sub)
    offsets: list[tuple[int, int]] = []
    acc = 0
    for a, b in pieces:
        offsets.append((acc, a))
        acc += b - a + 1

    def move(span: tuple[int, int]) -> tuple[int, int]:
        def one(x: int, is_end: bool) -> int:
            for k in range(len(offsets) - 1, -1, -1):
                base, real = offsets[k]
                if x > base or (x == base and not is_end):
                    return real + (x - base)
            return pieces[0][0] + x

        a, b = one(span[0], False), one(span[1], True)
        return nt.to_original(a, max(a, b))

    return attrs.evolve(
        block,
        chain=tuple(attrs.evolve(x, span=move(x.span)) for x in block.chain),
        span=move(block.span),
        signer_title_span=move(block.signer_title_span) if block.signer_title else (0, 0),
        name_span=move(block.name_span) if block.signer_name else (0, 0),
        post_spans=tuple(move(p) for p in block.post_spans),
    )
