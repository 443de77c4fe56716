"""Whole documents: text in, a typed :class:`Document` out.

:func:`parse_document` reads document text as users really get it — extracted from PDF or
Word, or crawled from web pages: header lines flattened onto one line, no header at all
(text starting at the type name), a crawler's title line on top, tables in the body,
appendices after the signature, the signature before or after Nơi nhận. It locates the
components of NĐ 30, Điều 8 (Quốc hiệu, issuer, số/ký hiệu, place and date, type and
trích yếu, signature, Nơi nhận); a component that is missing is ``None``, never invented.

>>> doc = parse_document(
...     "BỘ TƯ PHÁP\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nĐộc lập - Tự do - Hạnh phúc\\n"
...     "Số: 173/QĐ-BTP\\nHà Nội, ngày 29 tháng 01 năm 2015\\nQUYẾT ĐỊNH\\nBan hành Kế hoạch\\n"
...     "Căn cứ Nghị định số 22/2013/NĐ-CP ngày 13/3/2013 của Chính phủ;\\n"
...     "Nơi nhận:\\n- Như Điều 3;\\n- Lưu: VT, PC.\\nKT. BỘ TRƯỞNG\\nTHỨ TRƯỞNG\\nĐinh Trung Tụng\\n")
>>> str(doc.code), doc.issuer, doc.type_name, doc.date.isoformat(), doc.place
('173/QĐ-BTP', 'BỘ TƯ PHÁP', 'Quyết định', '2015-01-29', 'Hà Nội')
>>> doc.signature.signer_name, len(doc.recipients)
('Đinh Trung Tụng', 2)
>>> [str(r.code) for r in doc.references]
['22/2013/NĐ-CP']
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from vnadmin._regex import alternation
from vnadmin._tables import read_table
from vnadmin.codes.model import CodeFamily, DocumentCode
from vnadmin.codes.parser import scan_code
from vnadmin.dates import DateMention, PlaceDate, find_dates, parse_place_date
from vnadmin.dates.deadlines import Deadline, find_deadlines
from vnadmin.errors import ValidationError, VnAdminError
from vnadmin.findings import Finding, Severity
from vnadmin.reader.columns import normalize_document
from vnadmin.reader.compose import FileText
from vnadmin.reader.model import Location
from vnadmin.recipients import RecipientKind, RecipientList, find_recipients
from vnadmin.references import Reference, find_references
from vnadmin.registry import DocCategory, DocumentType, default_registry
from vnadmin.signatures import SignatureBlock, find_signatures
from vnadmin.structure import Division, DivisionKind, parse_structure
from vnadmin.text import NormalizedText, Source, fold_words

if TYPE_CHECKING:
    from vnadmin.meetings import Meeting
    from vnadmin.tasks import Task

__all__ = [
    "Document",
    "Part",
    "Secrecy",
    "Urgency",
    "check",
    "format",
    "format_document",
    "is_valid",
    "parse",
    "parse_document",
    "validate",
]


class Urgency(enum.Enum):
    """Dấu chỉ mức độ khẩn (NĐ 30, Điều 4 and Phụ lục I, ô 10b)."""

    HOA_TOC = "Hỏa tốc"
    THUONG_KHAN = "Thượng khẩn"
    KHAN = "Khẩn"


class Secrecy(enum.Enum):
    """Dấu chỉ độ mật (Luật Bảo vệ bí mật nhà nước 2018; NĐ 30, Phụ lục I, ô 10a)."""

    TUYET_MAT = "Tuyệt mật"
    TOI_MAT = "Tối mật"
    MAT = "Mật"


@attrs.frozen
class Part:
    """A stretch of the document: its text as written and its span in the caller's string."""

    text: str
    span: tuple[int, int]


_HEADER_LIMIT = 4000
_NATIONAL = re.compile(
    r"C[ỘO]NG[ \t]+H(?:ÒA|OÀ|OA)[ \t]+X[ÃA][ \t]+H[ỘO]I[ \t]+CH[ỦU][ \t]+NGH[ĨI]A[ \t]+VI[ỆE]T[ \t]+NAM",
    re.IGNORECASE,
)
# The Party's header (Hướng dẫn 36-HD/VPTW, 1.1) and the Đoàn's, which takes its place
# ("ĐOÀN TNCS HỒ CHÍ MINH", Hướng dẫn of the Đoàn's Central Committee on its documents).
_PARTY = re.compile(
    r"ĐẢNG[ \t]+CỘNG[ \t]+SẢN[ \t]+VIỆT[ \t]+NAM"
    r"|ĐOÀN[ \t]+(?:TNCS|THANH[ \t]+NIÊN[ \t]+CỘNG[ \t]+SẢN)[ \t]+HỒ[ \t]+CHÍ[ \t]+MINH"
)
_MOTTO = re.compile(
    r"Độc[ \t]+lập[ \t]*-[ \t]*Tự[ \t]+do[ \t]*-[ \t]*Hạnh[ \t]+phúc[ \t-]*", re.IGNORECASE
)
# (each run of blanks is read by one quantifier: the optional parts start with a non-blank)
_SO = re.compile(r"(?<![^\s:])S[ốỐ](?:[ \t]*hiệu)?(?:[ \t]*:)?[ \t\n]*")
# The place starts a word (a search does not try every letter of a long word in capitals);
# its words are separated by one or two spaces, which no word contains (a TAB or a wider
# gap is a column break: "Số: …/QĐ-UBND<TAB>Lâm Đồng, ngày …" as Word copies a
# two-column header), and a word has at most 30 characters, so a start inside a long run
# of capitals and slashes ("1/A/A/A…") costs at most that many steps, not the rest of it.
_PLACE_DATE = re.compile(
    r"(?<![^\W\d_])"
    r"(?P<place>(?:(?:Thành phố|Thị xã|Thị trấn|TP\.?)[ \t]+)?"
    r"(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][^\s,]{0,30} {1,2}){0,4}"
    r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][^\s,]{0,30})"
    # A blank day (or month, in a draft) is spaces alone, or dots/underscores: one blank
    # run before it, one after it (no two adjacent quantifiers can share a run of blanks).
    r",[ \t]*ngày[ \t]+(?:(?:[0-9]{1,2}|[_.…]+)[ \t]*)?"
    r"tháng[ \t]+(?:(?:[0-9]{1,2}|[_.…]+)[ \t]+)?năm[ \t]+[0-9]{4}"
)
_TYPE_NAMES = default_registry.type_names("Công văn")
_TYPE_BY_UPPER = {n.upper(): n for n in _TYPE_NAMES}
# (The words of the type may be set apart by up to four spaces: a PDF's text of a title
# set in spaced capitals, "QUYẾT   ĐỊNH", "CÔNG   ĐIỆN".)
_TYPE_LINE = re.compile(
    r"(?<![^\s\-])(?P<type>"
    + alternation((n.upper() for n in _TYPE_NAMES), blank=" {1,4}")
    + r")(?![^\s])"
)
# The type word in sentence case starting a title line, followed by the trích yếu on it.
_TITLE_LINE = re.compile(
    r"^[ \t]*(?P<type>" + alternation(n for n in _TYPE_NAMES if n != "Công văn") + r")(?=[ \t]+\w)",
    re.MULTILINE,
)
# A công văn's summary: after "V/v", up to the line end or to a place-and-date set on the
# same line (``V/v triển khai …   Hà Nội, ngày …``): see _vv_summary.
_VV = re.compile(r"(?<![^\s“\"])V/v[ \t]+")
_COMMA_NGAY = re.compile(r",[ \t]*ngày")
_VV_WORD_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")


def _past_blanks(s: str, pos: int) -> int:
    """Where the text after ``pos`` starts again past blanks and blank lines (at most 200
    characters on)."""
    stop = min(len(s), pos + 200)
    while pos < stop and s[pos] in " \t\n":
        pos += 1
    return pos


def _vv_under(s: str, after: tuple[int, ...], before: int) -> bool:
    """Whether a ``V/v`` line starts right after one of the offsets ``after`` (blanks
    between), before ``before``."""
    for pos in after:
        m = _VV.match(s, _past_blanks(s, pos))
        if m is not None and m.start() < before:
            return True
    return False


def _vv_summary(s: str, limit: int) -> str | None:
    """The trích yếu after the first ``V/v`` of ``s[:limit]``: its first line
    (:func:`_vv_line`), and the lines it is wrapped onto."""
    found = _vv_line(s, limit)
    if found is None:
        return None
    first, end, line_end = found
    if end < line_end:  # a place-date set on the same line ends the trích yếu
        return first.rstrip('”"') or None
    # A trích yếu wrapped over the next lines of its cell (NĐ 30, Phụ lục I, II.5.b): up to
    # a blank line, the place-date, a line in capitals or one that starts the body.
    parts = [first]
    pos = line_end + 1
    for _ in range(_VV_LINES):
        if pos >= limit:
            break
        nxt = s.find("\n", pos, limit)
        nxt = limit if nxt == -1 else nxt
        line = s[pos:nxt].strip()
        if (
            not line
            or _is_caps(line)
            or _VV_STOP.match(line) is not None
            or _COMMA_NGAY.search(line) is not None
        ):
            break
        parts.append(line)
        pos = nxt + 1
    return " ".join(parts).rstrip('”"') or None


def _vv_line(s: str, limit: int) -> tuple[str, int, int] | None:
    """The first line of the summary (with where it ends and where its line ends) after the first ``V/v`` of ``s[:limit]``: what
    ``V/v[ \\t]+(.*?)(?=[ \\t]+[A-ZĐ][^\\s,]*(?:[ \\t]+[A-ZĐ][^\\s,]*)*,[ \\t]*ngày|$|\\n)``
    found, read in one pass: each ``, ngày`` of the line, and the words in capitals before
    it read backwards (they never reach past the ``,`` before), instead of a look-ahead
    that read the words again from every position of the summary."""
    m = _VV.search(s, 0, limit)
    if m is None:
        return None
    start = m.end()
    line_end = s.find("\n", start, limit)
    line_end = limit if line_end == -1 else line_end
    end = line_end
    # A header run into one line (a portal's page): the Quốc hiệu after the trích yếu.
    qh = _NATIONAL.search(s, start, line_end)
    if qh is not None:
        end = qh.start()
    for c in _COMMA_NGAY.finditer(s, start, end):
        k = c.start()
        best = -1  # the earliest start of the look-ahead: a run of blanks before a word
        while True:
            t = k
            while t > start and not s[t - 1].isspace() and s[t - 1] != ",":
                t -= 1
            if t == k or s[t] not in _VV_WORD_START or s[t - 1] not in " \t":
                break
            if t == start:
                break  # (the blanks after "V/v" are the summary's start, never given back)
            b = t
            while s[b - 1] in " \t":
                b -= 1
            best = b
            if b <= start or s[b - 1].isspace() or s[b - 1] == ",":
                break
            k = b
        if best != -1:
            end = best
            break
    first = s[start:end].strip()
    return (first, end, line_end) if first else None


_VV_LINES = 5
_DIEN = re.compile(
    r"(?m:^)[ \t]*[A-ZĐ][A-ZĐÂĂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ \t]{2,80}?[ \t]điện[ \t]*:"
)
_VV_STOP = re.compile(
    r"(?:Kính[ \t]+gửi|Căn[ \t]+cứ|Thực[ \t]+hiện|Số\b|Xét\b|Theo\b|Nơi[ \t]+nhận)"
)


_SUMMARY_BODY = (
    r"\nCăn cứ|\nKính gửi|\n[ \t]*Điều[ \t]+1\b|Căn cứ|Kính gửi:"
    # a line that starts the body, or a rule drawn under the trích yếu
    r"|\n[ \t]*(?:Thực[ \t]+hiện|Xét[ \t]+đề[ \t]+nghị|Theo[ \t]+đề[ \t]+nghị)\b|\n[ \t]*[-_*]{3,}"
    # the authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …")
    r"|\n[ \t]*(?:CHỦ[ \t]+TỊCH|BỘ[ \t]+TRƯỞNG|THỦ[ \t]+TƯỚNG|GIÁM[ \t]+ĐỐC)[ \t]"
)
_SUMMARY_STOP = re.compile(r"\n[ \t]*\n|" + _SUMMARY_BODY)
_BODY_START = re.compile(r"(?:Thực[ \t]+hiện|Căn[ \t]+cứ|Kính[ \t]+gửi|Xét[ \t]+đề[ \t]+nghị)\b")
_SUMMARY_STOP_SPACED = re.compile(r"\n[ \t]*\n[ \t]*\n|" + _SUMMARY_BODY)


def _drop_trailing_rule(line: str) -> str:
    """``line`` without a rule of dashes (two or more) at its end and the blanks around it:
    what ``re.sub(r"[ \\t]*-{2,}[ \\t]*$", "", line)`` gives, without trying every blank
    and dash of the line as a start."""
    stripped = line.rstrip(" \t")
    undashed = stripped.rstrip("-")
    if len(stripped) - len(undashed) >= 2:
        return undashed.rstrip(" \t")
    return line


# Stamps are printed in capitals (NĐ 30, Phụ lục I, ô 10a/10b; domain notes §1.12).
_STAMPS: dict[str, Urgency | Secrecy] = {
    "HỎA TỐC": Urgency.HOA_TOC,
    "HOẢ TỐC": Urgency.HOA_TOC,
    "THƯỢNG KHẨN": Urgency.THUONG_KHAN,
    "KHẨN": Urgency.KHAN,
    "TUYỆT MẬT": Secrecy.TUYET_MAT,
    "TỐI MẬT": Secrecy.TOI_MAT,
    "MẬT": Secrecy.MAT,
}
_STAMP = re.compile(r"(?<!\w)(?:" + alternation(_STAMPS) + r")(?!\w)")
_WORDS = re.compile(r"\S+")
_STAMP_WINDOW = 80
# Căn cứ lines: at a line start (or after ";"), up to ";" or the line end, or to where a
# flattened preamble goes on ("…, Xét đề nghị …", "QUYẾT ĐỊNH:"). The start and the cut are
# found by two patterns in which every run of blanks is read once (a cut starts only at
# the first blank of a run).
_BASIS_START = re.compile(r"(?:^|(?<=;))[ \t]*(?P<b>Căn[ \t]+cứ\b)", re.MULTILINE)
_BASIS_CUT = re.compile(
    r",?(?<![ \t])[ \t]+(?:Xét|Theo[ \t]+đề[ \t]+(?:nghị|xuất)|Căn[ \t]+cứ)\b"
    r"|(?<![ \t])[ \t]+[A-ZĐ][A-ZĐ ]{5,79}:"
)


def _legal_bases(s: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where each căn cứ line of ``s[start:end]`` starts and ends (trailing ``,.`` and
    blanks left out)."""
    pos = start
    while True:
        m = _BASIS_START.search(s, pos, end)
        if m is None:
            return
        a = m.start("b")
        line_end = s.find("\n", a, end)
        line_end = end if line_end == -1 else line_end
        semi = s.find(";", a, line_end)  # (within the line: never a scan to the end)
        stop = line_end if semi == -1 else semi
        cut = _BASIS_CUT.search(s, m.end("b"), stop)
        b = cut.start() if cut is not None else stop
        b = a + len(s[a:b].rstrip(" \t,."))
        yield a, b
        pos = max(b, m.end())


_BODY_END = (DivisionKind.PART, DivisionKind.CHAPTER, DivisionKind.SECTION, DivisionKind.ARTICLE)


def _is_caps_word(word: str) -> bool:
    return word.isalpha() and word.isupper()


def _stamp_stands_alone(s: str, m: re.Match[str]) -> bool:
    """A stamp is not part of a title in capitals (``KHẨN TRƯƠNG``, ``BÍ MẬT``): the words
    beside it on its line, unless set apart by a column gap, are not words in capitals."""
    # (a window of the line on either side: a line of stamps is not read again per stamp)
    lo = max(0, m.start() - _STAMP_WINDOW)
    line_start = s.rfind("\n", lo, m.start())
    before = s[lo if line_start == -1 else line_start + 1 : m.start()]
    hi = min(len(s), m.end() + _STAMP_WINDOW)
    line_end = s.find("\n", m.end(), hi)
    after = s[m.end() : hi if line_end == -1 else line_end]
    prev, nxt = before.split()[-1:], after.split()[:1]
    if prev and not before.endswith(("  ", "\t")) and _is_caps_word(prev[0]):
        return False
    return not (nxt and not after.startswith(("  ", "\t")) and _is_caps_word(nxt[0]))


def _stamps(s: str, start: int, end: int) -> tuple[Urgency | None, Secrecy | None, list[_Span]]:
    """The first urgency and the first secrecy stamp, and their named spans."""
    urgency: Urgency | None = None
    secrecy: Secrecy | None = None
    spans: list[_Span] = []
    for m in _STAMP.finditer(s, start, end):
        mark = _STAMPS[m.group()]
        if not _stamp_stands_alone(s, m):
            continue
        if isinstance(mark, Urgency) and urgency is None:
            urgency = mark
            spans.append(("urgency", m.span()))
        elif isinstance(mark, Secrecy) and secrecy is None:
            secrecy = mark
            spans.append(("secrecy", m.span()))
    return urgency, secrecy, spans


@attrs.frozen
class Document:
    """A parsed document. Parts that the text does not contain are ``None``.

    Attributes:
        code: the document's own số, ký hiệu (``None`` while the number is blank).
        blank_code: a draft's ký hiệu printed with the number left blank
            (``Số:      /QĐ-UBND``, filled in on the day of issue), else ``None``.
        issuer: the issuing body's name as written (ô 2), e.g. ``"BỘ TƯ PHÁP"``.
        issuer_parents: superior bodies printed above it (cơ quan chủ quản).
        national_title: whether the Quốc hiệu and Tiêu ngữ (or the Party's
            ``ĐẢNG CỘNG SẢN VIỆT NAM``) are present.
        place_date: the place-and-date line (ô 4).
        type_name: the document type (ô 5a), e.g. ``"Quyết định"``; ``"Công văn"``
            for a công văn.
        doc_type: the registry entry for ``type_name``.
        summary: the trích yếu (ô 5a/5b), as written on one line.
        signatures: the signature blocks (ô 7), in order.
        recipients: the Nơi nhận list (ô 9b).
        addressees: the Kính gửi list (ô 9a).
        references: mentions of other documents (the document's own code excluded).
        urgency: the urgency mark (``HỎA TỐC``, ``THƯỢNG KHẨN``, ``KHẨN``; ô 10b).
        secrecy: the secrecy mark (``TUYỆT MẬT``, ``TỐI MẬT``, ``MẬT``; ô 10a).
        legal_bases: the căn cứ lines (``Căn cứ Luật …;``), each as written.
        body: the content (ô 6), from after the trích yếu to the signature or Nơi nhận.
        structure: the body's Phần/Chương/Mục/Điều/khoản/điểm (:mod:`vnadmin.structure`).
        dates: every date mentioned in the text (:func:`vnadmin.find_dates`).
        deadlines: every deadline phrase (:func:`vnadmin.find_deadlines`), relative ones
            anchored to the date of issue.
        spans: offsets in the caller's string of ``issuer``, ``code``,
            ``place_date``, ``type``, ``summary``, ``urgency`` and ``secrecy`` (keys
            present when found); the other parts carry their own spans.
        text: the caller's string (kept for linting; not part of equality). For a
            document read from a file (:func:`vnadmin.read_document`), the file's text in
            reading order.
        file: for a document read from a file, its blocks and where each starts in
            :attr:`text` (:class:`vnadmin.reader.compose.FileText`): a span maps back to
            its paragraph, table cell or PDF line with :meth:`locate`. ``None`` for
            text. Not part of equality, not written to JSON.
    """

    code: DocumentCode | None = None
    blank_code: DocumentCode | None = None
    issuer: str | None = None
    issuer_parents: tuple[str, ...] = ()
    national_title: bool = False
    place_date: PlaceDate | None = None
    type_name: str | None = None
    doc_type: DocumentType | None = None
    summary: str | None = None
    signatures: tuple[SignatureBlock, ...] = ()
    recipients: RecipientList | None = None
    addressees: RecipientList | None = None
    references: tuple[Reference, ...] = ()
    urgency: Urgency | None = None
    secrecy: Secrecy | None = None
    legal_bases: tuple[Part, ...] = ()
    body: Part | None = None
    structure: tuple[Division, ...] = ()
    dates: tuple[DateMention, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    spans: tuple[tuple[str, tuple[int, int]], ...] = attrs.field(default=(), eq=False)
    text: str = attrs.field(default="", eq=False, repr=False)
    file: FileText | None = attrs.field(
        default=None, eq=False, repr=False, metadata={"json": False}
    )

    @property
    def date(self) -> dt.date | None:
        """The date of issue, when fully written."""
        return self.place_date.date if self.place_date is not None else None

    @property
    def place(self) -> str | None:
        """The place of issue (địa danh)."""
        return self.place_date.place if self.place_date is not None else None

    @property
    def signature(self) -> SignatureBlock | None:
        """The first (main) signature block."""
        return self.signatures[0] if self.signatures else None

    @property
    def meeting(self) -> Meeting | None:
        """The meeting the document calls (Giấy mời, Công điện, Thông báo triệu tập) or
        reports (Thông báo kết luận), read from :attr:`text` by
        :func:`vnadmin.parse_meeting` on first use (recent documents' meetings are kept in a
        small bounded cache); spans point into :attr:`text`. ``None`` when it names none."""
        return _meeting_of(self.text, self.file is None or self.file.flat)

    @property
    def tasks(self) -> tuple[Task, ...]:
        """The duties the document assigns (:func:`vnadmin.find_tasks`: lead, collaborators,
        action, report target, deadline …), read from :attr:`text` on first use (a small
        bounded cache keeps recent documents'); spans point into :attr:`text`."""
        return _tasks_of(self.text, self.file is None or self.file.flat)

    def __reduce__(self) -> tuple[Any, ...]:
        """A compact pickle (:mod:`vnadmin.document._pickle`): the text once, the other
        fields without their copies of it."""
        from vnadmin.document._pickle import dump_fields

        values = tuple(getattr(self, a.name) for a in _FIELDS if a.name != "text")
        return _unpickle, (dump_fields(values, self.text),)

    def span_of(self, part: str) -> tuple[int, int] | None:
        """Offsets of a header part (``"issuer"``, ``"code"``, ``"type"`` …)."""
        return dict(self.spans).get(part)

    def locate(self, where: str | int | tuple[int, int]) -> Location | None:
        """Where a header part (``"code"`` …), an offset or a span of :attr:`text` sits in
        the file the document was read from (paragraph, table cell, PDF page and box);
        ``None`` for a document parsed from text, or a part not found."""
        if self.file is None:
            return None
        if isinstance(where, str):
            span = self.span_of(where)
            if span is None:
                return None
            where = span
        return self.file.locate(where)


_FIELDS = attrs.fields(Document)


def _unpickle(blob: bytes) -> Document:
    from vnadmin.document._pickle import load_fields

    text, values = load_fields(blob)
    names = [a.name for a in _FIELDS if a.name != "text"]
    return Document(**dict(zip(names, values, strict=True)), text=text)


@functools.lru_cache(maxsize=32)
def _tasks_of(text: str, columns: bool) -> tuple[Task, ...]:
    from vnadmin.tasks import find_tasks

    return find_tasks(normalize_document(text, columns=columns))


@functools.lru_cache(maxsize=32)
def _meeting_of(text: str, columns: bool) -> Meeting | None:
    from vnadmin.meetings import parse_meeting

    return parse_meeting(normalize_document(text, columns=columns))


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


_Span = tuple[str, tuple[int, int]]
_Piece = tuple[str, int, int, bool]  # text, start, end, wraps (ends with a hyphen)


def _piece(s: str, start: int, end: int) -> _Piece | None:
    """A line of the issuer column, rules of dashes and ``*`` dropped (None if empty)."""
    raw = _drop_trailing_rule(s[start:end]).rstrip()
    stripped = raw.strip(" \t*-_=")
    if not stripped:
        return None
    offset = start + s[start:end].index(stripped)
    return stripped, offset, offset + len(stripped), raw.endswith("-") and not raw.endswith("--")


def _caps_tail(line: str) -> str:
    """The words in capitals (at least two) that end ``line``, or ``""``."""
    start = None
    count = 0
    for m in reversed(list(_WORDS.finditer(line))):
        w = m.group()
        if w == "-" or _is_caps_word(w):
            start = m.start()
            count += w != "-"
        else:
            break
    return line[start:] if start is not None and count >= 2 else ""


def _issuer_lines(s: str, qstart: int) -> list[_Piece]:
    """Uppercase lines right before the Quốc hiệu (or ``Số:``), top to bottom."""
    found: list[_Piece] = []
    # Extractions that put a blank line after every line keep one blank line inside the
    # block; otherwise a blank line ends it.
    above = s[max(0, qstart - 400) : qstart].split("\n")
    blanks_allowed = 1 if 2 * sum(1 for x in above if not x.strip()) >= len(above) - 1 else 0
    blanks = 0
    blanks_seen = False
    pos = qstart
    while pos > 0:
        line_start = s.rfind("\n", 0, pos) + 1
        piece = _piece(s, line_start, pos)
        if piece is None:
            if found:
                blanks_seen = True
                blanks += 1
                if blanks > blanks_allowed:
                    break
            pos = line_start - 1
            continue
        blanks = 0
        if not _is_caps(piece[0]):
            if not blanks_seen and ":" not in piece[0]:
                # The block's top line glued onto the line before it (a crawler's title
                # line): the run of words in capitals at its end. (Not after a label: a
                # signing service's "Cơ quan phát hành: VĂN PHÒNG CHÍNH PHỦ".)
                tail = _caps_tail(piece[0])
                if tail:
                    a = piece[1] + len(piece[0]) - len(tail)
                    found.insert(0, (tail, a, a + len(tail), piece[3]))
            break
        found.insert(0, piece)
        pos = line_start - 1
    return found


def _column_lines(s: str, start: int, end: int, motto: tuple[int, int] | None) -> list[_Piece]:
    """The issuer column where the extraction interleaved it with the Quốc hiệu column
    (``UBND TỈNH X   CỘNG HÒA …`` / ``SỞ Y   Độc lập - Tự do - Hạnh phúc``): the capitals
    between the Quốc hiệu and ``Số:``, the motto left out."""
    found: list[_Piece] = []
    pos = start
    while pos < end:
        line_end = s.find("\n", pos, end)
        line_end = end if line_end == -1 else line_end
        for a, b in (
            ((pos, motto[0]), (motto[1], line_end))
            if motto is not None and pos <= motto[0] < line_end
            else ((pos, line_end),)
        ):
            piece = _piece(s, a, b) if a < b else None
            if piece is None:
                continue
            if not _is_caps(piece[0]):
                return found
            found.append(piece)
        pos = line_end + 1
    return found


# A line that starts with the unit of a locality continues a body's name printed on two
# lines (``ỦY BAN NHÂN DÂN`` / ``TỈNH LÂM ĐỒNG``; NĐ 30, Phụ lục I, II.2: the name of the
# issuing body may be set on several lines) unless the line above already names one.
_LOCALITY = re.compile(
    r"(?:TỈNH|THÀNH[ \t]+PHỐ|TP\.|HUYỆN|QUẬN|THỊ[ \t]+XÃ|THỊ[ \t]+TRẤN|XÃ|PHƯỜNG|ĐẶC[ \t]+KHU)(?![^\W\d_])"
)
_WRAP_END = re.compile(r"(?:,|[ \t]VÀ|[ \t]CỦA|[ \t]VỀ)$")


@functools.cache
def _body_words() -> frozenset[str]:
    """The words that start a body's name (``data/body_words.tsv``), loaded once."""
    return frozenset(row["word"] for row in read_table("body_words.tsv"))


def _starts_body(line: str) -> bool:
    words = line.split()
    body = _body_words()
    return any(" ".join(words[:n]) in body for n in (1, 2, 3))


def _continues(above: str, line: str) -> bool:
    """Whether ``line`` continues the name on the line ``above`` (one body's name set on
    two lines), rather than naming a body under it: the line above ends on a comma or
    ``VÀ``, or this line names a locality the line above lacks (``ỦY BAN NHÂN DÂN`` /
    ``TỈNH LÂM ĐỒNG``), or starts with no word that starts a body's name
    (``TRUNG TÂM PHỤC VỤ`` / ``HÀNH CHÍNH CÔNG``)."""
    if _WRAP_END.search(above) is not None or line.startswith("VÀ "):
        return True
    if _LOCALITY.match(line) is not None:
        return _LOCALITY.search(above) is None
    return not _starts_body(line) and not _starts_body(fold_words(line))


def _merge_wrapped(pieces: list[_Piece]) -> list[tuple[str, int, int]]:
    """Join names wrapped after a hyphen (``SỞ LAO ĐỘNG -`` / ``THƯƠNG BINH VÀ XÃ HỘI``),
    a comma or ``VÀ``, and a body's name whose locality is on the next line."""
    merged: list[_Piece] = []
    for line in pieces:
        if merged and not merged[-1][3] and _continues(merged[-1][0], line[0]):
            prev = merged.pop()
            merged.append((f"{prev[0]} {line[0]}", prev[1], line[2], line[3]))
        elif merged and merged[-1][3]:
            prev = merged.pop()
            merged.append((f"{prev[0]} - {line[0]}", prev[1], line[2], line[3]))
        else:
            merged.append(line)
    return [(text, a, b) for text, a, b, _ in merged]


def _find_code(nt: NormalizedText, start: int, limit: int) -> tuple[DocumentCode, int, int] | None:
    """The first ``Số: <code>`` from ``start``: the code, where it ends, where ``Số`` starts."""
    s = nt.text
    for m in _SO.finditer(s, start, limit):
        found = scan_code(nt, m.end())
        if found is not None:
            return found[0], found[1], m.start()
    return None


def _doc_type(name: str) -> DocumentType | None:
    for category in (
        DocCategory.NORMATIVE,
        DocCategory.ADMINISTRATIVE,
        DocCategory.PARTY,
        DocCategory.INTERNAL,
    ):
        t = default_registry.type_by_name(name, category)
        if t is not None:
            return t
    return None


def parse_document(source: Source) -> Document:
    """Parse the text of a whole document into a :class:`Document`.

    ``source`` is the text, or the :class:`~vnadmin.text.NormalizedText` of it (the text is
    normalised once, here, and every part is read from that one normalised text; spans
    point into the caller's string). Lenient and never inventive: a component that is not
    found is ``None``. Raises only :class:`~vnadmin.VnAdminError`. Linear time in the text,
    also on hostile input (long runs of blanks between the header's keywords, of capitals,
    of dashes, of combining marks; repeated ``Căn cứ`` and ``Điều``; tested up to 1 MB).
    """
    nt = normalize_document(source)
    try:
        return _parse(nt)
    except VnAdminError:
        raise
    except (IndexError, ValueError, KeyError) as exc:  # pragma: no cover - defensive
        raise VnAdminError(f"cannot parse the document: {exc}") from exc


def _parse(nt: NormalizedText) -> Document:
    text = nt.original
    s = nt.text
    head_limit = min(len(s), _HEADER_LIMIT)
    spans: list[_Span] = []
    qm = _NATIONAL.search(s, 0, head_limit) or _PARTY.search(s, 0, head_limit)
    issuer: str | None = None
    parents: tuple[str, ...] = ()
    cursor = 0
    pieces: list[_Piece] = []
    motto: tuple[int, int] | None = None
    if qm is not None:
        pieces = _issuer_lines(s, qm.start())
        cursor = qm.end()
        mm = _MOTTO.match(s, cursor) or _MOTTO.search(s, cursor, min(head_limit, cursor + 80))
        if mm is not None:
            motto = mm.span()
            cursor = mm.end()
    code: DocumentCode | None = None
    found = _find_code(nt, cursor, head_limit)
    early = False
    if found is None and qm is not None:
        # A header run into one column (a portal's page): "… TỈNH X Số: 85/GM-UBND CỘNG
        # HÒA …", the số before the Quốc hiệu.
        found = _find_code(nt, max(0, qm.start() - 600), qm.start())
        early = found is not None
    blank_code: DocumentCode | None = None
    if found is not None and found[0].number is None:
        # A draft: "Số:      /QĐ-UBND", the number left blank until the day of issue.
        blank_code = found[0]
        spans.append(("blank_code", blank_code.span))
    if found is not None:
        code, stop, so_start = found
        if blank_code is None:
            spans.append(("code", code.span))
        cursor = cursor if early else stop
        if early:
            pieces = _issuer_lines(s, so_start)
        elif qm is not None:
            pieces += _column_lines(s, qm.end(), so_start, motto)
        else:
            # No Quốc hiệu (e.g. a record rebuilt from a database): the issuer is the
            # block of capitals above "Số:".
            pieces = _issuer_lines(s, so_start)
    lines = _merge_wrapped(pieces)
    if lines:
        issuer = lines[-1][0]
        parents = tuple(x[0] for x in lines[:-1])
        spans.insert(0, ("issuer", nt.to_original(lines[-1][1], lines[-1][2])))
    place_date: PlaceDate | None = None
    pm = _PLACE_DATE.search(s, cursor, head_limit)
    if pm is not None and (code is not None or qm is not None or pm.start() < 600):
        piece = s[pm.start() : pm.end()]
        try:
            pd = parse_place_date(piece)
        except VnAdminError:
            pd = None
        if pd is not None:
            o = nt.to_original(pm.start(), pm.end())
            place_date = _shift_place_date(pd, text, o[0], nt, pm.start())
            spans.append(("place_date", o))
            cursor = max(cursor, pm.end())
    type_name: str | None = None
    summary: str | None = None
    tm = _TYPE_LINE.search(s, cursor, head_limit)
    if tm is not None and found is not None and _vv_under(s, (found[1], cursor), tm.start()):
        # A công văn: its trích yếu "V/v …" sits right under the header (NĐ 30, Phụ lục
        # I, II.5.b); a type line further on is an attached draft's ("QUYẾT ĐỊNH").
        tm = None
    if tm is None and cursor == 0 and qm is None:
        # A portal's rendering: no header, the title in sentence case on one of the first
        # lines ("Giấy mời họp ngày …", "Thông báo lịch công tác …").
        tm = _TITLE_LINE.search(s, 0, min(len(s), 300))
    if tm is not None and (cursor > 0 or tm.start() < 200):
        written = " ".join(tm.group("type").split())
        type_name = _TYPE_BY_UPPER.get(written, written.capitalize())
        spans.append(("type", nt.to_original(tm.start("type"), tm.end("type"))))
        first = _past_blanks(s, tm.end())  # (blank lines between the type and the trích yếu)
        window = s[first : first + 600]
        # An extraction that puts a blank line after every line (antiword): there a
        # paragraph ends at two blank lines.
        window_lines = window.split("\n")
        filled = sum(1 for line in window_lines if line.strip())
        spaced = filled >= 2 and len(window_lines) - filled >= filled - 1
        stop_at = _SUMMARY_STOP_SPACED if spaced else _SUMMARY_STOP
        sm = stop_at.search(s, first, min(len(s), first + 600))
        end = sm.start() if sm is not None else min(len(s), first + 300)
        if _BODY_START.match(s, first) is not None:
            end = first  # no trích yếu: the body starts at once (a Giấy mời)
        if tm.re is _TITLE_LINE:  # a title line: the trích yếu is the rest of the line
            line_end = s.find("\n", tm.end(), end)
            end = end if line_end == -1 else line_end
        raw = s[tm.end() : end]
        summary = " ".join(raw.split()) or None
        if summary is not None:
            lead = len(raw) - len(raw.lstrip())
            spans.append(("summary", nt.to_original(tm.end() + lead, tm.end() + len(raw.rstrip()))))
    if code is not None and code.family is CodeFamily.CONG_VAN and type_name is None:
        type_name = "Công văn"
        if _VV.search(s, 0, head_limit) is not None:
            summary = _vv_summary(s, head_limit)
    if type_name is None and (code is None or code.family is CodeFamily.LEGACY):
        vv = _VV.search(s, 0, min(head_limit, cursor + 400))
        if vv is not None:
            # A "V/v" trích yếu and no type name: a công văn (NĐ 30, Phụ lục I, II.5.b),
            # also when the ký hiệu does not say so (a draft's "Số:    /BCĐ").
            type_name = "Công văn"
            summary = _vv_summary(s, head_limit)
    doc_type = _doc_type(type_name) if type_name else None
    if doc_type is None and code is not None and code.doc_type is not None and type_name is None:
        doc_type = code.doc_type
        type_name = doc_type.name
    if summary is None and type_name == "Công văn":
        summary = _vv_summary(s, min(head_limit, cursor + 600))
    if summary is None and tm is None and cursor > 0:
        # The type word printed in sentence case as the start of the title under the
        # header (a Hướng dẫn of an association: "Hướng dẫn một số nội dung …").
        first = _past_blanks(s, cursor)
        title = _TITLE_LINE.match(s, first)
        if title is not None and (type_name is None or title.group("type") == type_name):
            sm = _SUMMARY_STOP.search(s, first, min(len(s), first + 600))
            end = sm.start() if sm is not None else min(len(s), first + 300)
            raw = s[first:end].rstrip()
            summary = " ".join(raw.split()) or None
            if type_name is None:
                type_name = title.group("type")
                doc_type = _doc_type(type_name)
            if summary is not None:
                spans.append(("summary", nt.to_original(first, first + len(raw))))
    recipients = addressees = None
    lists = find_recipients(nt)
    for lst in lists:
        if lst.kind is RecipientKind.NOI_NHAN and recipients is None:
            recipients = lst
        elif lst.kind is RecipientKind.KINH_GUI and addressees is None:
            addressees = lst
    if addressees is None and type_name == "Công điện":
        # A công điện's addressees follow "<ISSUER> điện:" (NĐ 30, Phụ lục III, mẫu 1.8).
        dm = _DIEN.search(s, cursor, min(len(s), cursor + 1500))
        if dm is not None:
            from vnadmin.recipients.parser import scan_list

            addressees, _ = scan_list(nt, dm.end(), None, kind=RecipientKind.KINH_GUI)
            if not addressees.entries:
                addressees = None
    references = tuple(r for r in find_references(nt) if code is None or r.code != code)
    signatures = find_signatures(nt, recipients=lists)
    # The body: after the trích yếu (or whatever header was read) up to the signature or
    # the Nơi nhận, whichever comes first.
    header_end = cursor
    for name, (_, b) in spans:
        if name in ("type", "summary", "place_date", "code"):
            header_end = max(header_end, nt.from_original(b))
    urgency, secrecy, mark_spans = _stamps(s, 0, min(header_end, head_limit))
    spans += [(name, nt.to_original(*span)) for name, span in mark_spans]
    ends = [nt.from_original(x.span[0]) for x in signatures]
    if recipients is not None:
        ends.append(nt.from_original(recipients.span[0]))
    body_end = min((e for e in ends if e > header_end), default=len(s))
    body = structure = None
    legal_bases: list[Part] = []
    if body_end > header_end:
        o = nt.to_original(header_end, body_end)
        raw = text[o[0] : o[1]]
        lead = len(raw) - len(raw.lstrip())
        o = (o[0] + lead, o[0] + len(raw.rstrip()))
        if o[1] > o[0]:
            body = Part(text[o[0] : o[1]], o)
            structure = parse_structure(nt, o[0], o[1])
            first = next((d.span[0] for d in structure if d.kind in _BODY_END), o[1])
            for ba, bb in _legal_bases(s, nt.from_original(o[0]), nt.from_original(first)):
                bo = nt.to_original(ba, bb)
                legal_bases.append(Part(text[bo[0] : bo[1]], bo))
    return Document(
        code=None if blank_code is not None else code,
        blank_code=blank_code,
        issuer=issuer,
        issuer_parents=parents,
        national_title=qm is not None,
        place_date=place_date,
        type_name=type_name,
        doc_type=doc_type,
        summary=summary,
        signatures=signatures,
        recipients=recipients,
        addressees=addressees,
        references=references,
        urgency=urgency,
        secrecy=secrecy,
        legal_bases=tuple(legal_bases),
        body=body,
        structure=structure or (),
        dates=find_dates(nt),
        deadlines=find_deadlines(nt, issued=place_date.date if place_date else None),
        spans=tuple(spans),
        text=text,
    )


def _shift_place_date(
    pd: PlaceDate, original: str, ostart: int, nt: NormalizedText, nstart: int
) -> PlaceDate:
    """Move the spans of a place-date parsed from a slice into the caller's string."""

    def shift(span: tuple[int, int]) -> tuple[int, int]:
        return nt.to_original(nstart + span[0], nstart + span[1])

    def shift_or_none(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else shift(span)

    span = shift(pd.span)
    return attrs.evolve(
        pd,
        place_span=shift_or_none(pd.place_span),
        date_span=shift(pd.date_span),
        day_span=shift_or_none(pd.day_span),
        month_span=shift_or_none(pd.month_span),
        span=span,
        text=original[span[0] : span[1]],
    )


#: The verb ``parse`` of this concept: :func:`parse_document`.
parse = parse_document


def format_document(doc: Document) -> str:
    """The document as plain text in NĐ 30's order of components (Điều 8): issuer, Quốc
    hiệu and Tiêu ngữ, số and ký hiệu, place and date, type and trích yếu (or ``V/v`` for a
    công văn), Kính gửi, the body, Nơi nhận and the signature blocks, each written by its
    own concept's ``format``. Reading it back gives the same components.

    >>> doc = parse_document("BỘ TƯ PHÁP\\nSố: 173/QĐ-BTP\\nHà Nội, ngày 29 tháng 01 năm 2015\\n"
    ...                      "QUYẾT ĐỊNH\\nBan hành Kế hoạch\\nĐiều 1. Ban hành.")
    >>> print(format_document(doc))
    BỘ TƯ PHÁP
    Số: 173/QĐ-BTP
    Hà Nội, ngày 29 tháng 01 năm 2015
    QUYẾT ĐỊNH
    Ban hành Kế hoạch
    <BLANKLINE>
    Điều 1. Ban hành.
    """
    from vnadmin.dates import format_place_date
    from vnadmin.recipients import format_recipients
    from vnadmin.signatures import format_signature

    lines: list[str] = []
    if doc.issuer is not None:
        lines += [*doc.issuer_parents, doc.issuer]
    if doc.national_title:
        lines += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    if doc.code is not None:
        lines.append(f"Số: {doc.code}")
    elif doc.blank_code is not None:
        lines.append(f"Số:      {doc.blank_code}")
    if doc.place_date is not None:
        lines.append(format_place_date(doc.place_date))
    for stamp in (doc.urgency, doc.secrecy):
        if stamp is not None:
            lines.append(stamp.value.upper())
    if doc.type_name is not None and doc.type_name != "Công văn":
        lines.append(doc.type_name.upper())
        if doc.summary:
            # the trích yếu ends at a blank line (two, in a double-spaced text)
            lines += [doc.summary, "", ""]
    elif doc.summary:
        lines += [f"V/v {doc.summary}", ""]
    if doc.addressees is not None:
        lines.append(format_recipients(doc.addressees))
    if doc.body is not None:
        lines.append(doc.body.text)
    if doc.recipients is not None:
        lines.append(format_recipients(doc.recipients))
    lines += [format_signature(block) for block in doc.signatures]
    return "\n".join(lines)


#: The verb ``format`` of this concept: :func:`format_document`.
format = format_document


def check(
    document: Source | Document,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> tuple[Finding, ...]:
    """Every finding for a document: :func:`vnadmin.lint` as a tuple."""
    from vnadmin.linter import lint

    return tuple(lint(document, select=select, ignore=ignore))


def validate(document: Source | Document) -> Document:
    """The parsed document, or :class:`~vnadmin.ValidationError` carrying the findings when
    any of them is an error."""
    doc = document if isinstance(document, Document) else parse_document(document)
    findings = check(doc)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return doc


def is_valid(document: object) -> bool:
    """Whether :func:`validate` would accept ``document`` (a text or a Document); never
    raises."""
    if not isinstance(document, (str, NormalizedText, Document)):
        return False
    try:
        validate(document)
    except VnAdminError:
        return False
    return True
