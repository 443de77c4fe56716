"""Read a PDF's text layer into lines, with NĐ 30's two-column header and closing marked.

The library is pdfminer.six, the engine pdfplumber ships (extra ``pdf``). Measured on
the 10 corpus PDFs (``scripts/compare_pdf_libs.py``, ``benchmarks/bench_read_pdf.py``):
pypdf's plain text extraction takes 0.43x the time of pdfplumber's and both give NFC
Vietnamese, but pypdf reports positions only per text-show operation (its text matrix,
without glyph widths, before the CTM; 59 runs for the 2 pages of the Sở Tư pháp letter),
which cannot place a column gap, while pdfminer gives every glyph's box. Neither library's
plain text has the stamped numbers (they live in annotation appearances, see below).
Driving pdfminer directly (a device that keeps upright glyphs as tuples: no layout
analysis, no path or image objects) makes :func:`read_pdf` take 0.68x the time of
pdfplumber's ``extract_text`` on the corpus, columns and stamps included.

What :func:`read_pdf` does (NĐ 30/2020/NĐ-CP Phụ lục I: ô 1–4 above, ô 7–9 below, laid
out as two side-by-side columns):

* Glyphs of the page and of its annotations' appearance streams (e-office systems stamp
  the number and the day at issuance as signature-widget appearances: ``Số: 85 /GM-UBND``)
  are grouped into lines by baseline; a short stamped fragment a little off the baseline
  joins the line whose gap it fills. Each line is a block ``kind="line"`` with ``page``
  (1-based) and ``bbox`` (x0, top, x1, bottom in points from the top-left corner).
* A line with a gap much wider than word spacing whose right part starts past 40 % of the
  page width is two blocks (left and right column).
* Two-column regions: the header (from the top of a page that opens a document through the
  place-date line ``…, ngày … tháng … năm …``, the ``Số:`` line or the last split line near
  the top) and each closing (from ``Nơi nhận`` or a signing mark ``TM./KT./TL./TUQ./Q.``
  on the right half, with right-column lines just above it, to the last right-column
  line after the ``Lưu`` entry). Their blocks get ``table`` (region index), ``row`` (line
  index in the region) and ``column`` (0 left, 1 right, by the region's split x).
* Lone page numbers at page tops/bottoms and an issuing-service stamp line
  (``Cơ quan phát hành: …``) stay ordinary blocks outside the regions. Lines are kept as
  printed: a code split across lines (``2764/QĐ-`` ⏎ ``TTg``) and footnotes between body
  lines are left to the composer and the parsers.
* :attr:`Layout.signers`: the names in the signature fields (``/V /Name``, else the
  subject common name of the signing certificate in ``/Contents``).
* A text layer of OCR noise (``uY BAN NgAN nAN``: letter-case patterns no Vietnamese word
  has) is still returned, with a note. Errors: :class:`~vnadmin.reader.ReadError` with
  reason ``"encrypted"`` (a password is needed), ``"no_text"`` (no text layer; vnadmin does
  no OCR), ``"corrupt"`` (anything the parser cannot read). At most :data:`MAX_PAGES`
  pages are read (a note says so).
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from vnadmin._extras import require
from vnadmin.errors import VnAdminError
from vnadmin.reader import ReadError
from vnadmin.reader.model import Block, Layout, Location

if TYPE_CHECKING:
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage

__all__ = ["MAX_PAGES", "read_pdf"]

#: Pages read at most; the rest of a longer file is left out (with a note).
MAX_PAGES = 500


class _Char(NamedTuple):
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # baseline, from the page top
    text: str
    font: str
    size: float


class _Seg(NamedTuple):
    """A run of a line: the whole line, or one of its two columns."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    font: str
    size: float


class _Line(NamedTuple):
    chars: list[_Char]
    segs: list[_Seg]
    page: int
    split: bool  # two columns side by side


_PLACE_DATE = re.compile(r"ngày\b.{0,20}tháng\b.{0,20}năm\b", re.IGNORECASE)
_SO = re.compile(r"^\s*Số\s*:?\s*(?:[\d/-]|$)", re.IGNORECASE)
_NOI_NHAN = re.compile(r"^\s*N[ơo]i\s+nh[ậa]n\b", re.IGNORECASE)
_MARK = re.compile(r"^\s*(?:TM|KT|TL|TUQ|Q)\s*\.|^\s*(?:T/M|K/T|T/L)\b")
_LUU = re.compile(r"^\s*[-–+]?\s*Lưu\b", re.IGNORECASE)
_STAMP = re.compile(r"^\s*Cơ quan phát hành\b", re.IGNORECASE)
_PAGE_NO = re.compile(r"^\s*[-–]?\s*\d{1,4}\s*[-–]?\s*$")
_MOTTO = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN|ĐOÀN\s+TNCS|Độc\s+lập", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_CN = re.compile(rb"\x06\x03\x55\x04\x03([\x0c\x13\x14\x1e])", re.DOTALL)
_CA_NAME = re.compile(r"CA\b|chung th[uự]c|dấu thời gian|Root|Certificat", re.IGNORECASE)
_SUBSET = re.compile(r"^[A-Z]{6}\+")


def read_pdf(data: bytes) -> Layout:
    """Read a PDF file's text layer into a :class:`Layout` (see the module docstring).

    Raises :class:`~vnadmin.reader.ReadError` (``"encrypted"``, ``"no_text"``,
    ``"corrupt"``) and :class:`~vnadmin.MissingExtraError` without the ``pdf`` extra;
    nothing else on any bytes.
    """
    require("pdfminer", "pdf")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pdfminer warns on damaged files; we raise
            return _read(bytes(data))
    except VnAdminError:
        raise
    except (Exception, RecursionError, MemoryError) as exc:
        raise ReadError(
            f"cannot read the PDF: {type(exc).__name__}: {exc}", reason="corrupt"
        ) from exc


# --- glyph collection -------------------------------------------------------------------


def _collect(data: bytes) -> tuple[list[tuple[float, float, list[_Char]]], int, int, Any]:
    """Every page's (width, height, glyphs), the page count, the number of glyphs in the
    pages' own content (stamps in annotations not counted), and the document."""
    from pdfminer.pdfdocument import (
        PDFDocument,
        PDFEncryptionError,
        PDFPasswordIncorrect,
    )
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    logger = logging.getLogger("pdfminer")
    if logger.level == logging.NOTSET:  # unless the caller configured it: no warnings
        logger.setLevel(logging.ERROR)
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise ReadError("the PDF is encrypted and needs a password", reason="encrypted") from None
    except PDFEncryptionError as exc:
        raise ReadError(f"the PDF is encrypted: {exc}", reason="encrypted") from None
    rsrc = PDFResourceManager(caching=True)
    device = _device_class()(rsrc)
    interp = PDFPageInterpreter(rsrc, device)
    pages: list[tuple[float, float, list[_Char]]] = []
    count = 0
    content = 0
    for page in PDFPage.create_pages(doc):
        count += 1
        if count > MAX_PAGES:
            if count > 100_000:
                break
            continue
        _process_page(interp, device, page)
        pages.append((device.width, device.height, device.chars))
        content += device.content_chars
    return pages, count, content, doc


def _device_class() -> Any:
    from pdfminer.pdfdevice import PDFTextDevice
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_rect

    class Device(PDFTextDevice):
        """Keeps each upright glyph as a :class:`_Char`; ignores paths and images."""

        width = 0.0
        height = 0.0
        content_chars = 0  # glyphs of the page's own content (not of annotations)
        chars: list[_Char]

        def begin_page(self, page: PDFPage, ctm: tuple[float, ...]) -> None:
            x0, y0, x1, y1 = apply_matrix_rect(ctm, page.mediabox)  # type: ignore[arg-type]
            self.width = abs(x1 - x0)
            self.height = abs(y1 - y0)
            self.chars = []

        def render_char(
            self,
            matrix: tuple[float, float, float, float, float, float],
            font: Any,
            fontsize: float,
            scaling: float,
            rise: float,
            cid: int,
            ncs: object,
            graphicstate: object,
        ) -> float:
            adv = float(font.char_width(cid)) * fontsize * scaling
            a, b, c, d, e, f = matrix
            if abs(b) > 1e-6 or abs(c) > 0.5 * d or a <= 0 or d <= 0:
                return adv  # rotated or mirrored text: watermarks, vertical stamps
            # (a shear is kept: e-office stamps slant an italic day with the text matrix)
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                return adv
            if not isinstance(text, str) or not text:
                return adv
            descent = float(font.get_descent()) * fontsize
            h = self.height
            low = d * (descent + rise) + f
            high = d * (descent + rise + fontsize) + f
            name = font.fontname
            self.chars.append(
                _Char(
                    e,
                    e + a * adv,
                    h - high,
                    h - low,
                    h - (d * rise + f),
                    text,
                    name if isinstance(name, str) else str(name),
                    high - low,
                )
            )
            return adv

    return Device


def _process_page(interp: PDFPageInterpreter, device: Any, page: PDFPage) -> None:
    """pdfminer's ``process_page`` plus the appearance streams of the annotations."""
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import apply_matrix_rect, mult_matrix

    x0, y0, x1, y1 = page.mediabox
    rotate = page.rotate
    if rotate == 90:
        ctm = (0, -1, 1, 0, -y0, x1)
    elif rotate == 180:
        ctm = (-1, 0, 0, -1, x1, y1)
    elif rotate == 270:
        ctm = (0, 1, -1, 0, y1, -x0)
    else:
        ctm = (1, 0, 0, 1, -x0, -y0)
    device.begin_page(page, ctm)
    interp.render_contents(page.resources, page.contents, ctm=ctm)
    device.content_chars = sum(1 for ch in device.chars if not ch.text.isspace())
    annots = resolve1(page.annots)
    for ref in annots if isinstance(annots, list) else ():
        annot = resolve1(ref)
        if not isinstance(annot, dict):
            continue
        flags = resolve1(annot.get("F"))
        if isinstance(flags, int) and flags & 0b100010:  # Hidden, NoView
            continue
        ap = resolve1(annot.get("AP"))
        stream = resolve1(ap.get("N")) if isinstance(ap, dict) else None
        if isinstance(stream, dict):  # appearance states: pick /AS
            state = resolve1(annot.get("AS"))
            stream = resolve1(stream.get(state.name)) if isinstance(state, PSLiteral) else None
        if not isinstance(stream, PDFStream):
            continue
        rect = _floats(resolve1(annot.get("Rect")))
        bbox = _floats(resolve1(stream.get("BBox")))
        if rect is None or bbox is None:
            continue
        m = _floats(resolve1(stream.get("Matrix")), 6) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        matrix = (m[0], m[1], m[2], m[3], m[4], m[5])
        bx0, by0, bx1, by1 = apply_matrix_rect(matrix, (bbox[0], bbox[1], bbox[2], bbox[3]))
        rx0, rx1 = sorted((rect[0], rect[2]))
        ry0, ry1 = sorted((rect[1], rect[3]))
        if bx1 - bx0 <= 0 or by1 - by0 <= 0:
            continue
        sx = (rx1 - rx0) / (bx1 - bx0)
        sy = (ry1 - ry0) / (by1 - by0)
        fit = (sx, 0.0, 0.0, sy, rx0 - bx0 * sx, ry0 - by0 * sy)
        res = resolve1(stream.get("Resources"))
        resources = res if isinstance(res, dict) else page.resources
        sub = type(interp)(interp.rsrcmgr, device)
        sub.render_contents(resources, [stream], ctm=mult_matrix(mult_matrix(matrix, fit), ctm))


def _floats(value: object, n: int = 4) -> tuple[float, ...] | None:
    from pdfminer.pdftypes import resolve1

    if not isinstance(value, list) or len(value) != n:
        return None
    out = tuple(resolve1(v) for v in value)
    if not all(isinstance(v, (int, float)) for v in out):
        return None
    return tuple(float(v) for v in out)


# --- lines ------------------------------------------------------------------------------


def _lines(chars: list[_Char], page: int, width: float) -> list[_Line]:
    """Glyphs grouped by baseline, stamped fragments merged, each line's segments."""
    if not chars:
        return []
    chars = sorted(chars, key=lambda ch: ch.base)
    groups: list[list[_Char]] = []
    ref = -1e9
    tol = 0.0
    for ch in chars:
        if ch.base - ref > tol:
            groups.append([ch])
            ref = ch.base
            tol = max(1.0, 0.3 * ch.size)
        else:
            groups[-1].append(ch)
    for group in groups:
        group.sort(key=lambda ch: ch.x0)
    if len(groups) <= 3000:  # a real page has < 100 lines; bound the work on hostile ones
        groups = _merge_stamps(groups)
    out: list[_Line] = []
    for group in groups:
        segs, split = _segments(group, width)
        if segs:
            out.append(_Line(group, segs, page, split))
    return out


def _ink(group: Sequence[_Char]) -> list[_Char]:
    return [ch for ch in group if not ch.text.isspace()]


def _merge_stamps(groups: list[list[_Char]]) -> list[list[_Char]]:
    """A short fragment (a stamped number or day) slightly off a neighbouring line's
    baseline, sitting in a horizontal gap of that line, joins it."""
    i = 0
    while i < len(groups):
        ink = _ink(groups[i])
        if 0 < len(ink) <= 6:
            x0, x1 = ink[0].x0, ink[-1].x1
            size = max(ch.size for ch in ink)
            best = -1
            best_d = 0.8 * size
            for j in (i - 1, i + 1):
                if not 0 <= j < len(groups):
                    continue
                other = _ink(groups[j])
                if len(other) <= len(ink) or not other:
                    continue
                d = abs(statistics.median(ch.base for ch in other) - ink[0].base)
                overlap = any(ch.x0 < x1 - 0.5 and ch.x1 > x0 + 0.5 for ch in other)
                inside = (other[0].x0 < x0 and other[-1].x1 > x1 - 0.5) or d < 0.4 * size
                if d < best_d and not overlap and inside:
                    best, best_d = j, d
            if best >= 0:
                groups[best] = sorted(groups[best] + groups[i], key=lambda ch: ch.x0)
                del groups[i]
                i = max(0, i - 1)
                continue
        i += 1
    return groups


def _gaps(ink: list[_Char]) -> Iterator[tuple[int, float]]:
    """(index of the glyph after the gap, gap width) between consecutive glyphs."""
    right = ink[0].x1
    for k in range(1, len(ink)):
        ch = ink[k]
        yield k, ch.x0 - right
        if ch.x1 > right:
            right = ch.x1


def _segments(group: list[_Char], width: float) -> tuple[list[_Seg], bool]:
    ink = _ink(group)
    if not ink:
        return [], False
    size = statistics.median(ch.size for ch in ink) or 1.0
    best_k, best_gap = 0, max(2.5 * size, 18.0)
    for k, gap in _gaps(ink):
        if gap > best_gap and ink[k].x0 >= 0.4 * width and ink[0].x0 < 0.4 * width:
            best_k, best_gap = k, gap
    if best_k:
        cut = ink[best_k].x0
        left = [ch for ch in group if ch.x0 < cut]
        right = [ch for ch in group if ch.x0 >= cut]
        segs = [s for s in (_seg(left), _seg(right)) if s is not None]
        return segs, len(segs) == 2
    seg = _seg(group)
    return ([seg] if seg else []), False


def _seg(chars: Sequence[_Char]) -> _Seg | None:
    """The text of glyphs in x order: a space where the file has one or where the gap
    is wider than a fifth of the font size; overprinted duplicates (fake bold) dropped."""
    parts: list[str] = []
    prev: _Char | None = None
    first: _Char | None = None
    x0 = x1 = top = bottom = 0.0
    n = len(chars)
    for i, ch in enumerate(chars):
        if ch.text.isspace():
            # A space glyph under stamped ink (a number stamped into a blank) is no space.
            mid = (ch.x0 + ch.x1) / 2
            nxt = next((c for c in chars[i + 1 : min(n, i + 4)] if not c.text.isspace()), None)
            covered = (prev is not None and prev.x1 > mid) or (nxt is not None and nxt.x0 < mid)
            if parts and parts[-1] != " " and not covered:
                parts.append(" ")
            continue
        if prev is not None:
            if ch.text == prev.text and abs(ch.x0 - prev.x0) < 0.5 and abs(ch.top - prev.top) < 1:
                continue
            if parts[-1] != " " and ch.x0 - prev.x1 > 0.2 * max(ch.size, prev.size):
                parts.append(" ")
            x1 = max(x1, ch.x1)
            top = min(top, ch.top)
            bottom = max(bottom, ch.bottom)
        else:
            first = ch
            x0, x1, top, bottom = ch.x0, ch.x1, ch.top, ch.bottom
        parts.append(ch.text)
        prev = ch
    if first is None:
        return None
    text = "".join(parts).strip()
    return _Seg(text, x0, x1, top, bottom, _SUBSET.sub("", first.font), first.size)


# --- regions ----------------------------------------------------------------------------


def _is_page_number(line: _Line, height: float) -> bool:
    seg = line.segs[0]
    return (
        len(line.segs) == 1
        and _PAGE_NO.match(seg.text) is not None
        and (seg.top < 0.12 * height or seg.bottom > 0.88 * height)
    )


def _header(lines: list[_Line], width: float, height: float, first: bool) -> range | None:
    """The header region's line indexes on a page: from the top through the place-date
    line, the ``Số:`` line or the last split line in the top part of the page."""
    start = 0
    while start < len(lines) and (
        _is_page_number(lines[start], height) or _STAMP.match(lines[start].segs[0].text)
    ):
        start += 1
    end = -1
    motto = False
    for i in range(start, len(lines)):
        line = lines[i]
        seg = line.segs[0]
        if seg.top > 0.45 * height or re.match(r"\s*Kính\s+gửi", seg.text, re.IGNORECASE):
            break
        text = " ".join(s.text for s in line.segs)
        if _MOTTO.search(text):
            motto = True
        elif not line.split and seg.x0 < 0.3 * width and seg.x1 > 0.7 * width:
            break  # a full-width body line
        if line.split or _PLACE_DATE.search(text) or _SO.match(seg.text):
            end = i
    if end < start or not (first or motto):
        return None
    return range(start, end + 1)


def _closing_starts(lines: list[_Line], width: float) -> list[tuple[int, int]]:
    """Indexes of the lines that open a closing: ``Nơi nhận`` at a line start on the left,
    else a signing mark on the right half; right-column lines just above join it."""
    starts: list[int] = []
    for i, line in enumerate(lines):
        seg0 = line.segs[0]
        if _NOI_NHAN.match(seg0.text) and seg0.x0 < 0.35 * width:
            starts.append(i)
    if not starts:
        for i, line in enumerate(lines):
            seg = line.segs[-1]
            if _MARK.match(seg.text) and seg.x0 >= 0.4 * width:
                starts.append(i)
                break
    out: list[tuple[int, int]] = []
    for i in starts:
        j = i
        while (
            j > 0
            and i - j < 3
            and not lines[j - 1].split
            and lines[j - 1].segs[0].x0 >= 0.45 * width
            and lines[j - 1].page == lines[i].page
            and lines[j].segs[0].top - lines[j - 1].segs[0].bottom < 3 * lines[j].segs[0].size
        ):
            j -= 1
        out.append((j, i))
    return out


def _closing_end(
    lines: list[_Line], start: int, anchor: int, width: float, heights: list[float]
) -> int:
    """The last line of the closing that starts at ``start`` (``anchor``: its
    ``Nơi nhận`` or signing-mark line)."""
    end = start
    seen_luu = False
    split_x = _split_x(lines[start : start + 12], width)
    rights = [ln.segs[-1].x0 for ln in lines[start : start + 12] if ln.split]
    limit = max(0.65 * width, min(rights, default=split_x))
    i = start
    while i < len(lines):
        line = lines[i]
        seg0 = line.segs[0]
        if _is_page_number(line, heights[line.page - 1]):
            i += 1
            continue
        if i > anchor and _NOI_NHAN.match(seg0.text):
            break
        right_only = not line.split and seg0.x0 >= split_x - seg0.size
        left_only = not line.split and not right_only
        crosses = left_only and i > anchor and seg0.x1 > limit + 2 * seg0.size
        if crosses and not _resplit(line, split_x)[1:]:
            break  # text across the columns: the body resumes
        prev = lines[end]
        gap = seg0.top - prev.segs[0].bottom if prev.page == line.page else 0.0
        if seen_luu and left_only and (prev.page != line.page or gap > 1.5 * seg0.size):
            break  # the left column ended with the Lưu entry
        if gap > (12 if right_only else 4) * seg0.size:
            break  # too far below: not the same block (a signature image fits in 12 lines)
        if any(_LUU.match(s.text) for s in line.segs if s.x0 < 0.4 * width):
            seen_luu = True
        end = i
        i += 1
    return end


def _split_x(lines: Sequence[_Line], width: float) -> float:
    lefts = [ln.segs[0].x1 for ln in lines if ln.split]
    rights = [ln.segs[1].x0 for ln in lines if ln.split]
    if lefts and rights:
        if max(lefts) < min(rights):
            return (max(lefts) + min(rights)) / 2
        return statistics.median((a + b) / 2 for a, b in zip(lefts, rights, strict=False))
    return width / 2


def _resplit(line: _Line, split_x: float) -> list[_Seg]:
    """Inside a region: a line whose text crosses the split with a clear gap there is
    two columns even when the gap is narrower than the page-wide threshold."""
    if line.split:
        return line.segs
    ink = _ink(line.chars)
    if len(ink) < 2:
        return line.segs
    size = statistics.median(ch.size for ch in ink) or 1.0
    best_k, best_gap = 0, 0.6 * size
    for k, gap in _gaps(ink):
        if gap > best_gap and ink[k].x0 >= split_x - 2 * size and ink[k - 1].x1 <= split_x + size:
            best_k, best_gap = k, gap
    if not best_k:
        return line.segs
    cut = ink[best_k].x0
    left = _seg([ch for ch in line.chars if ch.x0 < cut])
    right = _seg([ch for ch in line.chars if ch.x0 >= cut])
    return [s for s in (left, right) if s is not None]


# --- the layout -------------------------------------------------------------------------


def _read(data: bytes) -> Layout:
    pages, count, content, doc = _collect(data)
    if count == 0:
        raise ReadError("the PDF has no pages (damaged or not a PDF)", reason="corrupt")
    truncated = b"%%EOF" not in data[-4096:]
    lines: list[_Line] = []
    widths: list[float] = []
    heights: list[float] = []
    regions: list[tuple[int, int, float]] = []  # (first line, last line, split x)
    for number, (width, height, chars) in enumerate(pages, start=1):
        widths.append(width)
        heights.append(height)
        page_lines = _lines(chars, number, width)
        header = _header(page_lines, width, height, number == 1)
        if header is not None:
            part = page_lines[header.start : header.stop]
            regions.append(
                (len(lines) + header.start, len(lines) + header.stop - 1, _split_x(part, width))
            )
        lines.extend(page_lines)
    if not content:  # stamps and signature appearances alone are no text layer
        if truncated:
            raise ReadError("the PDF is truncated or damaged", reason="corrupt")
        raise ReadError(
            "the PDF has no text layer (a scan?); vnadmin does no OCR", reason="no_text"
        )
    width = widths[0] if widths else 595.0
    taken = {i for first, last, _ in regions for i in range(first, last + 1)}
    for start, anchor in _closing_starts(lines, width):
        if start in taken:
            continue
        end = _closing_end(lines, start, anchor, width, heights)
        end = next((i - 1 for i in range(start, end + 1) if i in taken), end)
        regions.append((start, end, _split_x(lines[start : end + 1], width)))
        taken.update(range(start, end + 1))
    regions.sort()
    blocks = _blocks(lines, regions, heights)
    notes: list[str] = []
    if count > MAX_PAGES:
        notes.append(f"read the first {MAX_PAGES} of {count} pages")
    if truncated:
        notes.append("the file looks truncated (no %%EOF); read what could be recovered")
    if _ocr_noise(blocks):
        notes.append("text layer looks like OCR noise")
    return Layout(
        blocks=tuple(blocks),
        format="pdf",
        signers=tuple(_signers(doc)),
        pages=count,
        notes=tuple(notes),
    )


def _blocks(
    lines: list[_Line], regions: list[tuple[int, int, float]], heights: list[float]
) -> list[Block]:
    region_of: dict[int, tuple[int, int, float]] = {}
    for index, (first, last, split_x) in enumerate(regions):
        for i in range(first, last + 1):
            region_of[i] = (index, first, split_x)
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        where = region_of.get(i)
        if where is not None and _is_page_number(line, heights[line.page - 1]):
            where = None
        segs = line.segs if where is None else _resplit(line, where[2])
        for seg in segs:
            if where is None:
                loc = Location(
                    kind="line",
                    paragraph=len(blocks),
                    page=line.page,
                    bbox=(seg.x0, seg.top, seg.x1, seg.bottom),
                )
            else:
                index, first, split_x = where
                column = 0 if (seg.x0 + seg.x1) / 2 < split_x else 1
                loc = Location(
                    kind="line",
                    paragraph=len(blocks),
                    table=index,
                    row=i - first,
                    column=column,
                    page=line.page,
                    bbox=(seg.x0, seg.top, seg.x1, seg.bottom),
                )
            font = seg.font
            low = font.lower()
            blocks.append(
                Block(
                    seg.text,
                    loc,
                    font=font or None,
                    size=round(seg.size, 2),
                    bold="bold" in low or "black" in low,
                    italic="italic" in low or "oblique" in low,
                )
            )
    return blocks


def _ocr_noise(blocks: Sequence[Block]) -> bool:
    """Vietnamese words are lower case, capitalised or all capitals; a lower-case letter
    followed by a capital inside a word (``uY``, ``NgAN``) is an OCR misreading."""
    words = 0
    odd = 0
    for block in blocks:
        for m in _WORD.finditer(block.text):
            words += 1
            word = m.group()
            if word.islower() or word.isupper() or word.istitle():
                continue
            if any(a.islower() and b.isupper() for a, b in itertools.pairwise(word)):
                odd += 1
    return odd >= 5 and odd > 0.05 * words


# --- signatures -------------------------------------------------------------------------


def _signers(doc: Any) -> list[str]:
    from pdfminer.pdftypes import resolve1

    try:
        form = resolve1(doc.catalog.get("AcroForm"))
    except Exception:
        return []
    if not isinstance(form, dict):
        return []
    names: list[str] = []
    stack = [(f, None) for f in reversed(_list(resolve1(form.get("Fields"))))]
    seen = 0
    while stack and seen < 1000:
        seen += 1
        ref, parent_ft = stack.pop()
        field = resolve1(ref)
        if not isinstance(field, dict):
            continue
        ft = resolve1(field.get("FT")) or parent_ft
        kids = _list(resolve1(field.get("Kids")))
        stack.extend((k, ft) for k in reversed(kids))
        if getattr(ft, "name", None) != "Sig":
            continue
        value = resolve1(field.get("V"))
        if not isinstance(value, dict):
            continue
        name = _text(resolve1(value.get("Name")))
        if not name:
            contents = resolve1(value.get("Contents"))
            name = _cert_name(contents) if isinstance(contents, bytes) else None
        if name and name not in names:
            names.append(name)
    return names


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        from pdfminer.utils import decode_text

        text = unicodedata.normalize("NFC", decode_text(value)).strip()
        return text or None
    return None


def _cert_name(der: bytes) -> str | None:
    """The first common name (X.520 ``CN``) in a PKCS#7 signature that is not a
    certification authority's: the signing certificate's subject."""
    der = der[:200_000]
    for m in _CN.finditer(der):
        pos = m.end()
        if pos >= len(der):
            break
        n = der[pos]
        pos += 1
        if n & 0x80:
            k = n & 0x7F
            if k > 2:
                continue
            n = int.from_bytes(der[pos : pos + k], "big")
            pos += k
        raw = der[pos : pos + n]
        tag = m.group(1)
        codec = {b"\x0c": "utf-8", b"\x1e": "utf-16-be"}.get(tag, "latin-1")
        name = unicodedata.normalize("NFC", raw.decode(codec, "replace")).strip()
        if name and not _CA_NAME.search(name):
            return name
    return None
