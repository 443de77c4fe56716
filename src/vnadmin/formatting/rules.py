"""The F rules: thể thức checks of a ``.docx`` against NĐ 30/2020/NĐ-CP, Phụ lục I.

:func:`check_format` reads the file behind a :class:`~vnadmin.Document` (its bytes are
kept by the reader, :attr:`vnadmin.reader.model.Layout.source`) with
:func:`vnadmin.formatting.docx.read_format`, finds each component through the parsed
document (its spans, signature blocks, recipient lists, legal bases and body), maps the
spans back to paragraphs and runs, and compares what Word would show with the tables of
:mod:`vnadmin.formatting.model`:

* F101–F103 page: A4 (mục I.1), portrait (I.2, landscape allowed for tables: info),
  margins (I.3);
* F104–F105 fonts: Times New Roman (I.4); a legacy 8-bit font (.VnTime, VNI-Times);
* F106–F110 per component (mục II, III and the table of mục V): size, bold, italic,
  capitals, alignment;
* F111–F112 the rules below the Tiêu ngữ (II.1.b) and the issuer's name (II.2.b);
* F113–F115 the body (II.6.e): line spacing, spacing between paragraphs, first-line
  indent — one finding each for the whole body, at its first paragraph, with the count;
* F116–F118 page numbers (I.7): in the header, centred, not on page 1, present.

Documents in the Party's format (Hướng dẫn 36-HD/VPTW, ``ĐẢNG CỘNG SẢN VIỆT NAM``) get
the page and font checks only: their components are set by other rules.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

import attrs

from vnadmin.document import _MOTTO, _NATIONAL, _PARTY, Document
from vnadmin.errors import VnAdminError
from vnadmin.findings import Finding, rule
from vnadmin.formatting.docx import read_format
from vnadmin.formatting.model import (
    DocxFormat,
    ParagraphFormat,
    RunFormat,
    Spec,
    fonts,
    measure,
    spec,
)
from vnadmin.reader.columns import normalize_document
from vnadmin.text import NormalizedText

__all__ = ["check_format", "format_of"]

_SIDES = (
    ("top", "trên", "top"),
    ("bottom", "dưới", "bottom"),
    ("left", "trái", "left"),
    ("right", "phải", "right"),
)
_ALIGN_VI = {"left": "trái", "center": "giữa", "right": "phải", "justify": "đều hai lề"}
_ALIGN_EN = {"left": "left", "center": "centred", "right": "right", "justify": "justified"}
# (paragraph, start, end) of a component in a paragraph's text
_Segment = tuple[ParagraphFormat, int, int]


def format_of(document: Document) -> DocxFormat | None:
    """The formatting of the ``.docx`` a document was read from (``None`` when there is
    none: text, a PDF, a ``.doc``)."""
    file = document.file
    if file is None or file.layout.format != "docx" or file.layout.source is None:
        return None
    return read_format(file.layout.source)


class _Map:
    """Spans of the document's text ↔ paragraphs of the file."""

    def __init__(self, document: Document, fmt: DocxFormat) -> None:
        self.fmt = fmt
        file = document.file
        self.starts: tuple[int, ...] = ()
        self.indexes: list[int] = []
        self.offset: dict[int, int] = {}
        if file is None:
            return
        self.starts = file.starts
        paragraphs = fmt.paragraphs
        for block, start in zip(file.blocks, file.starts, strict=True):
            k = block.location.paragraph
            ok = k is not None and k < len(paragraphs) and paragraphs[k].text == block.text
            self.indexes.append(k if ok and k is not None else -1)
            if ok and k is not None:
                self.offset[k] = start

    def segments(self, span: tuple[int, int]) -> list[_Segment]:
        a, b = span
        out: list[_Segment] = []
        k = max(0, bisect.bisect_right(self.starts, a) - 1)
        while k < len(self.starts) and self.starts[k] < max(b, a + 1):
            index = self.indexes[k]
            if index >= 0:
                para = self.fmt.paragraphs[index]
                start = self.starts[k]
                lo, hi = max(a, start) - start, min(b, start + len(para.text)) - start
                if hi > lo:
                    out.append((para, lo, hi))
            k += 1
        return out

    def span(
        self, para: ParagraphFormat, lo: int = 0, hi: int | None = None
    ) -> tuple[int, int] | None:
        start = self.offset.get(para.index)
        if start is None:
            return None
        return (start + lo, start + (len(para.text) if hi is None else hi))


# One character for which str.isalnum() holds (\w is exactly those and "_").
_ALNUM = re.compile(r"[^\W_]")


def _letters(s: str) -> bool:
    """Whether ``s`` holds a letter or a digit."""
    return _ALNUM.search(s) is not None


def _runs(seg: _Segment) -> Iterator[tuple[RunFormat, int, int]]:
    para, lo, hi = seg
    for r in para.runs:
        a, b = max(r.start, lo), min(r.end, hi)
        if b > a and _letters(para.text[a:b]):
            yield r, a, b


def _off_size(p: ParagraphFormat, sp: Spec) -> bool:
    """Whether a run of ``p`` with a letter or digit has a size out of ``sp``'s range
    (the size looked at first: most runs pass it)."""
    n = len(p.text)
    return any(
        r.size is not None
        and not sp.accepts_size(r.size)
        and min(r.end, n) > r.start
        and _letters(p.text[r.start : min(r.end, n)])
        for r in p.runs
    )


def _is_upper(segs: list[_Segment]) -> bool:
    """Whether the letters of the segments are (at least 90 %) capitals as shown."""
    total = upper = 0
    for para, lo, hi in segs:
        text = para.text
        for r in para.runs:
            a, b = max(r.start, lo), min(r.end, hi)
            if b <= a:
                continue
            piece = text[a:b]
            lower = sum(map(str.islower, piece))
            letters = lower + sum(map(str.isupper, piece))
            # (a piece with no cased letter adds nothing; one without a letter or digit,
            # such as "Ⓐ", is left out as _runs leaves it out)
            if not letters or not _letters(piece):
                continue
            total += letters
            upper += letters if r.caps else letters - lower
    return total == 0 or upper >= 0.9 * total


class _Checker:
    def __init__(self, document: Document, nt: NormalizedText, fmt: DocxFormat) -> None:
        self.doc = document
        self.nt = nt
        self.fmt = fmt
        self.map = _Map(document, fmt)
        self.found: list[Finding] = []
        self.done: set[int] = set()  # paragraphs checked as a component (not body)

    # -- components ---------------------------------------------------------------------

    def component(self, sp: Spec, span: tuple[int, int] | None) -> None:
        if span is None or span[1] <= span[0]:
            return
        segs = [s for s in self.map.segments(span) if _letters(s[0].text[s[1] : s[2]])]
        if not segs:
            return
        self.check_segments(sp, segs)

    def check_segments(self, sp: Spec, segs: list[_Segment], *, n: int | None = None) -> None:
        names = {"component_vi": sp.name_vi, "component_en": sp.name_en}
        if n is not None:
            names = {
                "component_vi": f"{sp.name_vi} ({n} đoạn)",
                "component_en": f"{sp.name_en} ({n} paragraphs)",
            }
        for seg in segs:
            self.done.add(seg[0].index)
        runs = [(seg[0], r, a, b) for seg in segs for r, a, b in _runs(seg)]
        for para, r, a, b in runs:
            if r.size is not None and not sp.accepts_size(r.size):
                self.add(
                    "F106",
                    self.map.span(para, a, b),
                    sp,
                    size=f"{r.size:g}",
                    expected=sp.sizes,
                    **names,
                )
                break
        for attr, rid, yes_vi, no_vi, yes_en, no_en in (
            ("bold", "F107", "phải in đậm", "không in đậm", "should be bold", "should not be bold"),
            (
                "italic",
                "F108",
                "phải in nghiêng",
                "không in nghiêng",
                "should be italic",
                "should be upright",
            ),
        ):
            want = getattr(sp, attr)
            if want == "any":
                continue
            for para, r, a, b in runs:
                if getattr(r, attr) != (want == "yes"):
                    vi, en = (yes_vi, yes_en) if want == "yes" else (no_vi, no_en)
                    self.add(
                        rid, self.map.span(para, a, b), sp, expected_vi=vi, expected_en=en, **names
                    )
                    break
        if sp.case == "upper" and not _is_upper(segs):
            para, lo, hi = segs[0]
            self.add("F109", self.map.span(para, lo, hi), sp, **names)
        if sp.align != "any":
            allowed = {sp.align, "justify"} if sp.align == "left" else {sp.align}
            for para, lo, hi in segs:
                # (a line placed by hand, with leading blanks or an indent, is positioned)
                placed = para.text[:1] in (" ", "\t") or para.first_line or para.left
                if para.align not in allowed and not (sp.align == "center" and placed):
                    self.add(
                        "F110",
                        self.map.span(para, lo, hi),
                        sp,
                        found_vi=_ALIGN_VI.get(para.align, para.align),
                        found_en=_ALIGN_EN.get(para.align, para.align),
                        expected_vi=_ALIGN_VI[sp.align],
                        expected_en=_ALIGN_EN[sp.align],
                        **names,
                    )
                    break

    def add(
        self, rid: str, span: tuple[int, int] | None, sp: Spec | None = None, **params: object
    ) -> None:
        # (a measure reads 25.4 in English and 25,4 in Vietnamese: ``{value}``, ``{value_vi}``)
        for key, value in list(params.items()):
            if isinstance(value, float):
                params[key] = _num(value)
                params[key + "_vi"] = _num(value).replace(".", ",")
        f = rule(rid).finding(span, severity=None, **params)
        if sp is not None:
            f = attrs.evolve(f, article=sp.article)
        self.found.append(f)

    def components(self) -> None:
        doc = self.doc
        s = self.nt.text
        head = min(len(s), 4000)
        qm = _NATIONAL.search(s, 0, head)
        if qm is not None:
            self.component(spec("national_title"), self.nt.to_original(qm.start(), qm.end()))
            mm = _MOTTO.search(s, qm.end(), min(head, qm.end() + 200))
            if mm is not None:
                end = mm.end()
                while end > mm.start() and s[end - 1] in " \t-":
                    end -= 1
                motto = self.nt.to_original(mm.start(), end)
                self.component(spec("motto"), motto)
                self.rule_below("F111", motto)
        issuer = doc.span_of("issuer")
        if issuer is not None:
            text = doc.text
            for parent in doc.issuer_parents:
                at = text.rfind(parent, max(0, issuer[0] - 400), issuer[0])
                if at >= 0:
                    self.component(spec("parent_issuer"), (at, at + len(parent)))
            self.component(spec("issuer"), issuer)
            self.rule_below("F112", issuer)
        code = doc.span_of("code") or doc.span_of("blank_code")
        if code is not None:
            segs = self.map.segments(code)
            if segs:
                para, lo, _ = segs[0]
                so = para.text.rfind("Số", 0, lo)
                if so >= 0 and not para.text[so + 2 : lo].strip(" \t:"):
                    code = (code[0] - (lo - so), code[1])
            self.component(spec("code"), code)
        self.component(spec("place_date"), doc.span_of("place_date"))
        summary = doc.span_of("summary")
        if summary is None and doc.summary:
            # (a công văn's V/v line: the parser keeps its text, not its span)
            text = doc.text
            after = code[1] if code is not None else 0
            first = doc.summary.split("\n")[0]
            at = text.find(first, after, after + 800)
            if at >= 0:
                vv = text.rfind("V/v", max(0, at - 8), at)
                summary = (vv if vv >= 0 else at, at + len(first))
        cv = doc.type_name == "Công văn" or (
            summary is not None and doc.text[summary[0] : summary[0] + 3].lower() == "v/v"
        )
        if not cv:
            self.component(spec("type_name"), doc.span_of("type"))
        self.component(spec("cv_summary" if cv else "summary"), summary)
        basis = spec("legal_basis")
        if not basis.types or doc.type_name in basis.types:
            for part in doc.legal_bases:
                self.component(basis, part.span)
        if doc.addressees is not None:
            self.component(spec("kinh_gui"), doc.addressees.span)
        rec = doc.recipients
        if rec is not None:
            a, b = rec.span
            colon = doc.text.find(":", a, min(b, a + 40))
            line = doc.text.find("\n", a, b)
            end = colon + 1 if colon >= 0 else (line if line >= 0 else b)
            self.component(spec("recipients_heading"), (a, end))
            entry = spec("recipient_entry")
            for e in rec.entries:
                self.component(entry, e.span)
            if rec.archive is not None:
                self.component(entry, rec.archive.span)
        for sig in doc.signatures:
            for auth in sig.chain:
                self.component(spec("authority"), auth.span)
            self.component(spec("signer_title"), sig.signer_title_span)
            for post in sig.post_spans:
                self.component(spec("signer_title"), post)
            self.component(spec("signer_name"), sig.name_span)

    def rule_below(self, rid: str, span: tuple[int, int]) -> None:
        """A rule drawn with the paragraph of ``span`` or within the next two paragraphs
        of the same cell (a line shape, a bottom border, underscores, underlining)."""
        segs = self.map.segments(span)
        if not segs:
            return
        last = segs[-1][0]
        paras = self.fmt.paragraphs
        # the same column of the same table (a header table often draws the rule in the
        # row below), or the body paragraphs that follow; up to the next line of text
        column = (last.kind, last.table, last.column)
        if last.rule:
            return
        for p in paras[last.index + 1 : last.index + 12]:
            if p.kind != "textbox" and (p.kind, p.table, p.column) != column:
                continue
            if p.rule:
                return
            if p.kind != "textbox" and _letters(p.text):
                break
        self.add(rid, span)

    # -- body ---------------------------------------------------------------------------

    def body(self) -> None:
        doc = self.doc
        if doc.body is None:
            return
        a, b = doc.body.span
        skip = set(self.done)
        for part in doc.legal_bases:
            skip.update(seg[0].index for seg in self.map.segments(part.span))
        paras = [
            seg[0]
            for seg in self.map.segments((a, b))
            if seg[0].kind == "paragraph" and seg[0].index not in skip and seg[0].text.strip()
        ]
        if not paras:
            return
        sp = spec("body")
        sized = [p for p in paras if _off_size(p, sp)]
        if sized:
            self.check_segments(sp, [(sized[0], 0, len(sized[0].text))], n=len(sized))
        # prose: the paragraphs of running text (not a centred heading, not in capitals)
        prose = [p for p in paras if p.align != "center" and not _is_upper([(p, 0, len(p.text))])]
        unaligned = [p for p in prose if p.align != "justify" and len(p.text) >= 80]
        if unaligned:
            p = unaligned[0]
            self.add(
                "F110",
                self.map.span(p),
                sp,
                component_vi=f"{sp.name_vi} ({len(unaligned)} đoạn)",
                component_en=f"{sp.name_en} ({len(unaligned)} paragraphs)",
                found_vi=_ALIGN_VI.get(p.align, p.align),
                found_en=_ALIGN_EN.get(p.align, p.align),
                expected_vi=_ALIGN_VI["justify"],
                expected_en=_ALIGN_EN["justify"],
            )
        self.spacing(paras, prose)

    def spacing(self, paras: list[ParagraphFormat], prose: list[ParagraphFormat]) -> None:
        ls = measure("line_spacing")
        high = ls.high if ls.high is not None else ls.low
        bad_lines: list[tuple[ParagraphFormat, float]] = []
        for p in paras:
            lines = p.line
            if lines is None and p.line_pt is not None:
                sizes = [r.size for r in p.runs if r.size is not None]
                size = max(sizes) if sizes else 13.0
                lines = p.line_pt / (1.15 * size)  # Times New Roman's line is 1.15 em
            if lines is not None and not (ls.low - 0.1 <= lines <= high + 0.05):
                bad_lines.append((p, lines))
        if bad_lines:
            p, lines = bad_lines[0]
            self.add("F113", self.map.span(p), value=float(lines), n=len(bad_lines))
        gap = measure("paragraph_spacing")
        tight: list[tuple[ParagraphFormat, float]] = []
        for prev, p in itertools.pairwise(prose):
            if p.index != prev.index + 1:
                continue
            # (Word adds the space after a paragraph and the space before the next)
            space = prev.after + p.before
            if space < gap.low - 0.05:
                tight.append((p, space))
        if tight:
            p, space = tight[0]
            self.add("F114", self.map.span(p), value=float(space), n=len(tight))
        ind = measure("first_line_indent")
        tol = measure("indent_tolerance").low
        allowed = [ind.low] + ([ind.high] if ind.high is not None else [])
        off = [p for p in prose if not any(abs(p.first_line - x) <= tol for x in allowed)]
        if off:
            p = off[0]
            self.add("F115", self.map.span(p), value=float(p.first_line), n=len(off))

    # -- page, fonts, page numbers ------------------------------------------------------

    def page(self) -> None:
        w, h, tol = measure("paper_width"), measure("paper_height"), measure("paper_tolerance")
        for sec in self.fmt.sections:
            n = sec.index + 1
            if sec.width is not None and sec.height is not None:
                short, long_ = sorted((sec.width, sec.height))
                if abs(short - w.low) > tol.low or abs(long_ - h.low) > tol.low:
                    self.add(
                        "F101", None, width=float(sec.width), height=float(sec.height), section=n
                    )
            if sec.landscape:
                self.add("F102", None, section=n)
            for side, vi, en in _SIDES:
                value = getattr(sec, side)
                m = measure(f"margin_{side}")
                if value is None or m.high is None:
                    continue
                if not (m.low - 0.1 <= abs(value) <= m.high + 0.1):
                    self.add(
                        "F103",
                        None,
                        side_vi=vi,
                        side_en=en,
                        value=float(abs(value)),
                        low=float(m.low),
                        high=float(m.high),
                        section=n,
                    )

    def fonts(self) -> None:
        rules = fonts()
        required = tuple(r.name.lower() for r in rules if r.kind == "required")
        legacy = [(r.name.lower(), r.encoding) for r in rules if r.kind == "legacy"]
        seen: dict[str, list[tuple[ParagraphFormat, RunFormat]]] = {}
        wrong: dict[str, bool] = {}  # (a font name: whether it is not the required font)
        for p in self.fmt.paragraphs:
            fonts_here: set[str] = set()
            for r in p.runs:
                font = r.font
                if font is None or font in fonts_here or not _letters(p.text[r.start : r.end]):
                    continue
                fonts_here.add(font)
                bad = wrong.get(font)
                if bad is None:
                    bad = wrong[font] = not font.lower().startswith(required)
                if bad:
                    seen.setdefault(font, []).append((p, r))
        for font, where in seen.items():
            p, r = where[0]
            low = font.lower()
            enc = next((e for prefix, e in legacy if low.startswith(prefix)), None)
            span = self.map.span(p, r.start, r.end)
            if enc is not None:
                self.add("F105", span, font=font, encoding=enc, n=len(where))
            else:
                self.add("F104", span, font=font, n=len(where))

    def page_numbers(self) -> None:
        paras = self.fmt.paragraphs
        sp = spec("page_number")
        checked: set[int] = set()
        anywhere = any(p.page_field for p in paras if p.kind in ("header", "footer"))
        for sec in self.fmt.sections:
            heads = [paras[i] for i in sec.headers if paras[i].page_field]
            feet = [paras[i] for i in sec.footers if paras[i].page_field]
            if not heads and feet and feet[0].index not in checked:
                checked.add(feet[0].index)
                self.add(
                    "F116",
                    self.map.span(feet[0]),
                    problem_vi="đặt ở chân trang, không ở lề trên",
                    problem_en="is in the footer, not the top margin",
                )
            for p in heads:
                if p.index in checked:
                    continue
                checked.add(p.index)
                if p.align != "center":
                    self.add(
                        "F116",
                        self.map.span(p),
                        problem_vi=f"canh {_ALIGN_VI.get(p.align, p.align)}, không canh giữa",
                        problem_en=f"is {_ALIGN_EN.get(p.align, p.align)}, not centred",
                    )
                segs = [(p, 0, len(p.text))]
                if _letters(p.text):
                    for r, a, b in _runs(segs[0]):
                        if r.size is not None and not sp.accepts_size(r.size):
                            self.add(
                                "F106",
                                self.map.span(p, a, b),
                                sp,
                                component_vi=sp.name_vi,
                                component_en=sp.name_en,
                                size=f"{r.size:g}",
                                expected=sp.sizes,
                            )
                            break
                if not sec.title_page:
                    self.add("F117", self.map.span(p))
        if not anywhere and self.fmt.pages is not None and self.fmt.pages > 1:
            self.add("F118", None, pages=self.fmt.pages)

    def annexes(self) -> None:
        doc = self.doc
        after = 0
        if doc.recipients is not None:
            after = doc.recipients.span[1]
        elif doc.signatures:
            after = doc.signatures[-1].span[1]
        if after == 0:
            return
        paras = self.fmt.paragraphs
        for p in paras:
            start = self.map.offset.get(p.index)
            if start is None or start < after or p.kind != "paragraph":
                continue
            words = p.text.split()
            if not (
                1 <= len(words) <= 3
                and words[0].lower() in ("phụ", "phụlục")
                and " ".join(words[:2]).lower() == "phụ lục"
            ):
                continue
            self.component(spec("annex_heading"), self.map.span(p))
            for q in paras[p.index + 1 : p.index + 4]:
                if q.text.strip():
                    if q.kind == "paragraph" and not q.text.lstrip().startswith("("):
                        self.component(spec("annex_title"), self.map.span(q))
                    break


def _num(x: float) -> str:
    return f"{round(x, 2):g}"


def check_format(
    document: Document, nt: NormalizedText | None = None, *, fmt: DocxFormat | None = None
) -> list[Finding]:
    """The F findings of a document read from a ``.docx`` (``[]`` for any other).

    ``nt`` is the normalised text of the document when the caller has it, ``fmt`` the
    file's formatting when it was read with the document
    (:func:`vnadmin.formatting.docx.read_layout_and_format`). Spans point
    into :attr:`Document.text`; page setup findings and paragraphs outside the text
    (a second document of the same file) have no span.
    """
    if fmt is None:
        fmt = format_of(document)
    if fmt is None:
        return []
    if nt is None:
        nt = normalize_document(document.text, columns=False)
    try:
        return _check(document, nt, fmt)
    except VnAdminError:
        raise
    except (IndexError, KeyError, ValueError, TypeError, AttributeError) as exc:  # defensive
        raise VnAdminError(f"cannot check the formatting: {type(exc).__name__}: {exc}") from exc


def _check(document: Document, nt: NormalizedText, fmt: DocxFormat) -> list[Finding]:
    checker = _Checker(document, nt, fmt)
    checker.page()
    checker.fonts()
    party = _PARTY.search(nt.text, 0, min(len(nt.text), 4000)) is not None
    if not party:
        checker.components()
        checker.body()
        checker.annexes()
    checker.page_numbers()
    return checker.found
