"""Hypothesis strategies for signature blocks and recipient lists.

Every value drawn round-trips: ``parse_signature(format_signature(b)) == b``
and ``parse_recipients(format_recipients(r)) == r``.
"""

from __future__ import annotations

from hypothesis import strategies as st

from vnadmin.recipients import ArchiveNote, RecipientEntry, RecipientKind, RecipientList
from vnadmin.signatures import Authority, SignatureBlock, SigningMode

__all__ = ["block_texts", "recipient_lists", "signature_blocks"]

_BODIES = (
    "ỦY BAN NHÂN DÂN",
    "CHÍNH PHỦ",
    "HỘI ĐỒNG THẨM PHÁN",
    "HỘI ĐỒNG NHÂN DÂN",
    "BAN THƯỜNG VỤ",
    "BAN CHẤP HÀNH",
)
_HEADS = (
    "BỘ TRƯỞNG",
    "CHỦ TỊCH",
    "GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG",
    "TRƯỞNG BAN",
    "BỘ TRƯỞNG, CHỦ NHIỆM",
    "VỤ TRƯỞNG VỤ PHÁP CHẾ",
    "BỘ TRƯỞNG BỘ NGOẠI GIAO",
    "CHỦ TỊCH UBND TỈNH",
)
_DEPUTIES = (
    "PHÓ CHỦ TỊCH",
    "THỨ TRƯỞNG",
    "PHÓ GIÁM ĐỐC",
    "PHÓ CHÁNH VĂN PHÒNG",
    "PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
    "PHÓ CHỦ NHIỆM",
    "PHÓ VỤ TRƯỞNG",
)
_OWN = (*_HEADS, *_DEPUTIES, "THỦ TƯỚNG", "CHÁNH ÁN", "CỤC TRƯỞNG CỤC LỄ TÂN NHÀ NƯỚC")
_POSTS = ("PHÓ CHỦ TỊCH UBND TỈNH", "GIÁM ĐỐC SỞ TƯ PHÁP", "BỘ TRƯỞNG BỘ TÀI CHÍNH")
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
_MIDDLE = ("Văn", "Thị", "Đức", "Quốc", "Mạnh", "Thanh", "Hòa", "Tiến")
_GIVEN = ("Dũng", "Tâm", "Hương", "Bình", "Khánh", "Sơn", "Chi", "An", "Tụng", "Cường")
_HONOURS = ((), ("TS.",), ("PGS.TS.",), ("GS.TSKH.",))
_NOTES = ((), ("(Đã ký)",), ("(Ký tên, đóng dấu)",), ("(Ký, ghi rõ họ tên)",))
_SHAPES = (
    (),
    (SigningMode.TM,),
    (SigningMode.KT,),
    (SigningMode.TL,),
    (SigningMode.TUQ,),
    (SigningMode.Q,),
    (SigningMode.TM, SigningMode.KT),
    (SigningMode.TL, SigningMode.KT),
    (SigningMode.TM, SigningMode.Q),
)


@st.composite
def _names(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(_SURNAMES))]
    parts += draw(st.lists(st.sampled_from(_MIDDLE), max_size=2))
    parts.append(draw(st.sampled_from(_GIVEN)))
    return " ".join(parts)


@st.composite
def _signature_blocks(draw: st.DrawFn) -> SignatureBlock:
    shape = draw(st.sampled_from(_SHAPES))
    chain = []
    for mode in shape:
        pool = _BODIES if mode is SigningMode.TM else _HEADS
        party = mode in (SigningMode.TM, SigningMode.KT, SigningMode.TL) and draw(st.booleans())
        chain.append(Authority(mode, draw(st.sampled_from(pool)), party))
    if shape and shape[-1] is SigningMode.Q:
        signer_title = ""
    elif shape and shape[-1] is SigningMode.KT:
        signer_title = draw(st.sampled_from(_DEPUTIES))
    else:
        signer_title = draw(st.sampled_from(_OWN))
    posts: tuple[str, ...] = ()
    if signer_title:
        posts = tuple(draw(st.lists(st.sampled_from(_POSTS), max_size=1)))
    return SignatureBlock(
        chain=tuple(chain),
        signer_title=signer_title,
        other_posts=posts,
        signer_name=draw(_names()),
        honours=draw(st.sampled_from(_HONOURS)),
        notes=draw(st.sampled_from(_NOTES)),
    )


def signature_blocks() -> st.SearchStrategy[SignatureBlock]:
    """Valid-looking :class:`~vnadmin.signatures.SignatureBlock` values (NĐ 30, Điều 13).

    Chains follow the allowed shapes (``TM.→KT.``, ``TL.→KT.``, ``TM.→Q.``),
    Party marks are drawn too; every value round-trips through
    :func:`~vnadmin.signatures.format_signature`.
    """
    return _signature_blocks()


_RECIPIENTS = (
    "Như trên",
    "Như Điều 3",
    "Như thành phần mời",
    "Văn phòng Chính phủ",
    "Bộ Tư pháp",
    "UBND tỉnh Lạng Sơn",
    "CT, các PCT UBND tỉnh",
    "VPCP: BTCN, các PCN, TGĐ Cổng TTĐT",
    "Cổng TTĐT tỉnh",
    "Sở Lao động - Thương binh và Xã hội",
    "Cục Kiểm tra văn bản QPPL (Bộ Tư pháp)",
    "Ủy ban nhân dân tỉnh Đồng Nai",
)
_PURPOSES = ("để b/c", "đưa tin", "p/h", "để biết", "t/h", "để thực hiện")
_UNITS = ("TCCB", "KTTH", "ĐMDN", "Vụ PC&QLKH", "KGVX2", "TH", "Văn thư")
_DRAFTERS = ("LC", "NTA", "D")


@st.composite
def _entries(draw: st.DrawFn) -> RecipientEntry:
    return RecipientEntry(
        text=draw(st.sampled_from(_RECIPIENTS)),
        purpose=draw(st.none() | st.sampled_from(_PURPOSES)),
        copies=draw(st.none() | st.integers(1, 200)),
    )


@st.composite
def _archives(draw: st.DrawFn) -> ArchiveNote:
    first = draw(st.sampled_from(("VT", "Văn thư")))
    units = (first, *draw(st.lists(st.sampled_from(_UNITS[:-1]), max_size=2)))
    return ArchiveNote(
        units=units,
        drafter=draw(st.none() | st.sampled_from(_DRAFTERS)),
        copies=draw(st.none() | st.integers(1, 200)),
    )


@st.composite
def _recipient_lists(draw: st.DrawFn) -> RecipientList:
    kind = draw(st.sampled_from(RecipientKind))
    if kind is RecipientKind.KINH_GUI:
        entries = draw(st.lists(_entries(), min_size=1, max_size=4))
        return RecipientList(kind, tuple(entries), None)
    entries = draw(st.lists(_entries(), max_size=6))
    archive = draw(_archives()) if not entries else draw(st.none() | _archives())
    return RecipientList(kind, tuple(entries), archive)


def recipient_lists() -> st.SearchStrategy[RecipientList]:
    """:class:`~vnadmin.recipients.RecipientList` values (NĐ 30, Phụ lục I, II.9).

    Every value round-trips through :func:`~vnadmin.recipients.format_recipients`.
    """
    return _recipient_lists()


# The tokens of the block grammar (Phụ lục I, II.7 and II.9) with the hostile variants of
# each: case variants that fold differently (ſ ı İ, the Kelvin sign K, ß), non-ASCII
# digits in copy counts, combining marks, controls and long blank runs.
_BLOCK_TOKENS = (
    "Nơi nhận:",
    "NƠI NHẬN",
    "nơi  nhận",
    "Kính gửi:",
    "KÍNH GỬI",
    "\u212aính gửi:",
    "Kính gửi",
    "- ",
    "-",
    ";",
    ",",
    ".",
    "./.",
    ":",
    "Lưu",
    "Lưu:",
    "LƯU",
    "VT",
    "Văn thư",
    "(",
    ")",
    "[",
    "]",
    "(02 bản)",
    "(０３)",
    "(٣b)",
    "(²)",
    "(để b/c)",
    "(Đã ký)",
    "Đã ký",
    "(LC)",
    ".D",
    "TM.",
    "KT.",
    "TL.",
    "TUQ.",
    "Q.",
    "T/M",
    "K/T",
    "T/L",
    "\u212aT.",
    "tm.",
    "Kt.",
    "KT.CHỦ",
    "BỘ TRƯỞNG",
    "THỨ TRƯỞNG",
    "CHỦ TỊCH",
    "PHÓ",
    "GIÁM ĐỐC",
    "ỦY BAN NHÂN DÂN",
    "TS.",
    "ThS.",
    "PGS.TS.",
    "Đại tá",
    "Lê",
    "Văn",
    "An",
    "H'Hen",
    "ſ",
    "ı",
    "İ",
    "ß",
    "\u0301",
    "\u0323\u0301",
    "\x00",
    "\x1f",
    "\u200b",
    "\n",
    " ",
    "\t",
    "\r\n",
    "0001",
    "9999",
)


def block_texts() -> st.SearchStrategy[str]:
    """Texts mixing the tokens of signature blocks and recipient lists with their hostile
    variants (case variants ſ ı İ K ß, non-ASCII digits, combining marks, controls, blank
    runs), for exception-contract tests: ``parse_*`` raise only
    :class:`~vnadmin.VnAdminError`, ``find_*`` and ``is_valid`` never raise.
    """
    token = st.sampled_from(_BLOCK_TOKENS) | st.text(max_size=3)
    blank = st.integers(1, 40).map(lambda k: " " * k) | st.integers(1, 5).map(lambda k: "\n" * k)
    return st.lists(token | blank, max_size=40).map("".join)
