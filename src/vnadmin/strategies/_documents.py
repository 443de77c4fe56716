"""Strategies for whole documents: drafts that render to NĐ 30 text."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from vnadmin.codes.model import CodeFamily, DocumentCode
from vnadmin.codes.parser import parse_code
from vnadmin.dates import format_place_date
from vnadmin.document import Document, Urgency, parse_document
from vnadmin.recipients import RecipientKind, RecipientList, format_recipients
from vnadmin.signatures import SignatureBlock, format_signature
from vnadmin.strategies._blocks import recipient_lists, signature_blocks
from vnadmin.strategies._codes import code_texts

__all__ = ["DocumentDraft", "documents", "parsed_documents"]

_ISSUERS = (
    ("UBND", "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
    ("BTP", "BỘ TƯ PHÁP", "BỘ TƯ PHÁP"),
    ("BTC", "BỘ TÀI CHÍNH", "BỘ TÀI CHÍNH"),
    ("VPCP", "VĂN PHÒNG CHÍNH PHỦ", "VĂN PHÒNG CHÍNH PHỦ"),
)
_TYPES = (("QĐ", "QUYẾT ĐỊNH"), ("KH", "KẾ HOẠCH"), ("TB", "THÔNG BÁO"), ("BC", "BÁO CÁO"))
_PLACES = ("Hà Nội", "Lạng Sơn", "Thành phố Hồ Chí Minh", "Đà Nẵng")
_SUMMARIES = (
    "Về việc tổ chức hội nghị",
    "Ban hành Kế hoạch thực hiện năm 2025",
    "Về công tác văn thư",
)
_ARTICLE_TITLES = (
    "Phạm vi điều chỉnh",
    "Đối tượng áp dụng",
    "Tổ chức thực hiện",
    "Hiệu lực thi hành",
)


@attrs.frozen
class DocumentDraft:
    """The parts of a generated document; :meth:`render` writes its NĐ 30 text."""

    issuer: str
    issuer_line: str
    code: DocumentCode
    place: str
    date: dt.date
    type_line: str
    summary: str
    references: tuple[DocumentCode, ...]
    recipients: RecipientList
    signature: SignatureBlock
    urgency: Urgency | None = None
    articles: tuple[tuple[str, int], ...] = ()  # (title, number of clauses)

    def header(self) -> tuple[list[str], list[str]]:
        """The header's two columns (NĐ 30, Phụ lục I, II: ô 1–4): the issuer and ``Số:``
        on the left; the Quốc hiệu, Tiêu ngữ and place-date on the right."""
        left = [*self.issuer_line.split("\n"), f"Số: {self.code}"]
        right = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            format_place_date(self.place, self.date),
        ]
        return left, right

    def body(self) -> list[str]:
        """The lines between the header and the closing: urgency, type, trích yếu, căn cứ,
        articles and the closing sentence."""
        bases = [
            f"Căn cứ Quyết định số {c} ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh;"
            for c in self.references
        ]
        articles = [
            f"Điều {n}. {title}"
            + "".join(f"\n{k}. Nội dung khoản {k} của Điều {n}." for k in range(1, clauses + 1))
            for n, (title, clauses) in enumerate(self.articles, start=1)
        ]
        return [
            *([self.urgency.value.upper()] if self.urgency is not None else []),
            self.type_line,
            self.summary,
            "",
            *bases,
            *articles,
            "Nội dung chính của văn bản./.",
        ]

    def closing(self) -> tuple[list[str], list[str]]:
        """The closing's two columns (ô 9b and ô 7): Nơi nhận on the left, the signature on
        the right."""
        return (
            format_recipients(self.recipients).split("\n"),
            format_signature(self.signature).split("\n"),
        )

    def render(self) -> str:
        """The document as text, one component per line (NĐ 30, Phụ lục I, IV)."""
        (hl, hr), (cl, cr) = self.header(), self.closing()
        issuer_lines = self.issuer_line.count("\n") + 1
        head = [*hl[:issuer_lines], *hr[:2], *hl[issuer_lines:]]
        urgency = [self.body()[0]] if self.urgency is not None else []
        rest = self.body()[len(urgency) :]
        return "\n".join([*head, *urgency, hr[2], "", *rest, "", *cl, *cr, ""])


def _refs() -> st.SearchStrategy[tuple[DocumentCode, ...]]:
    return st.lists(code_texts().map(parse_code), max_size=3).map(tuple)


@st.composite
def documents(draw: st.DrawFn) -> DocumentDraft:
    """:class:`DocumentDraft` values; ``parse_document(d.render())`` gives their parts back."""
    abbr, line, name = draw(st.sampled_from(_ISSUERS))
    type_abbr, type_line = draw(st.sampled_from(_TYPES))
    number = draw(st.integers(min_value=1, max_value=3000))
    code = parse_code(f"{number:02d}/{type_abbr}-{abbr}")
    assert code.family is CodeFamily.ADMINISTRATIVE
    recipients = draw(recipient_lists().filter(lambda r: r.kind is RecipientKind.NOI_NHAN))
    return DocumentDraft(
        issuer=name,
        issuer_line=line,
        code=code,
        place=draw(st.sampled_from(_PLACES)),
        date=draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2026, 12, 31))),
        type_line=type_line,
        summary=draw(st.sampled_from(_SUMMARIES)),
        references=draw(_refs()),
        recipients=recipients,
        signature=draw(signature_blocks()),
        urgency=draw(st.none() | st.sampled_from(Urgency)),
        articles=tuple(
            draw(
                st.lists(st.tuples(st.sampled_from(_ARTICLE_TITLES), st.integers(0, 3)), max_size=4)
            )
        ),
    )


def parsed_documents() -> st.SearchStrategy[Document]:
    """:class:`~vnadmin.Document` values: :func:`documents` drafts rendered in the NĐ 30
    layout (Phụ lục I) and read back with :func:`~vnadmin.parse_document`; what
    ``st.from_type(Document)`` draws."""
    return documents().map(lambda draft: parse_document(draft.render()))
