"""Safe fixes: what :func:`fix` corrects in a text or a ``.docx`` without asking.

A fix is *safe* when the corrected form follows from the text alone and changes nothing a
person meant: NĐ 30/2020/NĐ-CP writes it one way only.

* the document's số, ký hiệu in its canonical form (Phụ lục I, II.3): a leading zero below
  10 (``C101``), no extra zeros (``C102``), no spaces (``C103``), ``/`` and ``-`` in their
  places and lost hyphens put back (``C104``), look-alike letters such as ``Ð`` (``C105``),
  the abbreviations' case (``C106``, ``C120``);
* the leading zeros of the date of issue (Phụ lục I, II.4): ``ngày 03``, ``tháng 01``,
  ``tháng 02``, but ``tháng 5`` (``D101``–``D103``);
* ``./.`` at the end of the content (Phụ lục III, the templates; ``N105``);
* ``Nơi nhận:`` with its colon and in its case (Phụ lục I, II.9.b; ``R111``), a dash before
  each recipient (``R101``), ``;`` after each and ``.`` after the last (``R102``, ``R103``),
  ``Lưu:`` with its colon (``R107``);
* on a ``.docx`` also the font (Times New Roman, Phụ lục I, I.2) of every run and the size
  of each component outside the range of Phụ lục I (:data:`DOCX_RULES`). Runs are edited in
  place: a run that no fix concerns keeps its properties exactly, and a text fix changes
  only the characters it replaces.

>>> fixed, fixes = fix("Số: 5/QÐ-UBND\\nLạng Sơn, ngày 3 tháng 1 năm 2024\\n")
>>> print(fixed)
Số: 05/QĐ-UBND
Lạng Sơn, ngày 03 tháng 01 năm 2024
<BLANKLINE>
>>> [(f.rule, f.before, f.after) for f in fixes]
[('C101', '5/QÐ-UBND', '05/QĐ-UBND'), ('D101', '3', '03'), ('D102', '1', '01')]
"""

from __future__ import annotations

import bisect
import os
import pathlib
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import attrs

from vnadmin.codes.model import CodeFamily
from vnadmin.document import Document, parse_document
from vnadmin.errors import VnAdminError
from vnadmin.findings import line_col
from vnadmin.recipients import RecipientKind
from vnadmin.text import NormalizedText

__all__ = ["DOCX_RULES", "FIXABLE", "Fix", "fix", "fix_docx", "fix_text", "run_fix"]

#: The rule ids of the fixes made on a ``.docx``'s formatting: the thể thức rules of
#: family F they answer (F104 the font, F106 the size; NĐ 30, Phụ lục I).
DOCX_RULES = {"font": "F104", "size": "F106"}

_CODE_RULES = ("C101", "C102", "C103", "C104", "C105", "C106", "C120")
#: Every rule :func:`fix` corrects.
FIXABLE = frozenset(
    (
        *_CODE_RULES,
        *("D101", "D102", "D103", "N105", "R101", "R102", "R103", "R107", "R111"),
        *DOCX_RULES.values(),
    )
)

_BODY_KINDS = frozenset(("body", "basis", "heading", "article"))
_NOI_NHAN = re.compile(r"n[ơo]i[ \t]*nh[ậa]n(?:[ \t]*:)?", re.IGNORECASE)
_END_MARK = "./."


@attrs.frozen
class Fix:
    """One fix made by :func:`fix`.

    Attributes:
        rule: the rule it clears (``"C101"`` …, see :data:`FIXABLE`).
        span: offsets in the input of the text replaced (an insertion is an empty span);
            on a ``.docx``, offsets into the text of paragraph :attr:`paragraph`.
        before: the text as written (for a format fix: the font or size as written).
        after: the text written instead (the font or size written).
        paragraph: on a ``.docx``, the paragraph's index in body order (as
            :attr:`vnadmin.Location.paragraph` counts them); ``None`` for text.
    """

    rule: str
    span: tuple[int, int]
    before: str
    after: str
    paragraph: int | None = None


_Edit = tuple[int, int, str, str]  # start, end, replacement, rule


def _code_edits(doc: Document, text: str) -> Iterable[_Edit]:
    from vnadmin import codes
    from vnadmin.codes.parser import parse_code

    code = doc.code
    if code is None:
        return
    if not code.number_text.isdigit() or code.suffix or code.family is CodeFamily.LEGACY:
        return  # (a number such as "10-01", an older form: they may mean more than the rules know)
    a, b = code.span
    written = text[a:b]
    canonical = str(code)
    if not written or written == canonical:
        return
    found = {f.rule for f in codes.check(code)}
    fixed = [r for r in _CODE_RULES if r in found]
    if not fixed:
        return
    try:
        again = {f.rule for f in codes.check(parse_code(canonical))}
    except VnAdminError:
        return
    if again & set(fixed):
        return
    yield a, b, canonical, fixed[0]


def _date_edits(doc: Document, text: str) -> Iterable[_Edit]:
    pd = doc.place_date
    if pd is None:
        return
    if pd.day is not None and pd.day_span is not None and pd.day < 10:
        a, b = pd.day_span
        if text[a:b] == str(pd.day):
            yield a, b, f"{pd.day:02d}", "D101"
    if pd.month is not None and pd.month_span is not None:
        a, b = pd.month_span
        want = f"{pd.month:02d}" if pd.month <= 2 else str(pd.month)
        written = text[a:b]
        if written.isdigit() and written != want and int(written) == pd.month:
            yield a, b, want, "D102" if pd.month <= 2 else "D103"


def _body_edits(doc: Document, text: str) -> Iterable[_Edit]:
    if doc.body is None or not (doc.signatures or doc.recipients is not None):
        return
    end = doc.body.span[1]
    body = doc.body.text.rstrip()
    if not body or body.endswith(_END_MARK):
        return
    if body.endswith(".") and not body.endswith(".."):
        yield end, end, "/.", "N105"
    elif body[-1].isalnum() or body[-1] in ')”"':
        yield end, end, _END_MARK, "N105"


def _recipient_edits(doc: Document, text: str) -> Iterable[_Edit]:
    lst = doc.recipients
    if lst is None or lst.kind is not RecipientKind.NOI_NHAN:
        return
    a = lst.span[0]
    m = _NOI_NHAN.match(text, a)
    if m is not None and m.group() != "Nơi nhận:":
        yield a, m.end(), "Nơi nhận:", "R111"
    entries = lst.entries
    archive = lst.archive
    archive_last = archive is not None and (
        lst.archive_index is None or lst.archive_index >= len(entries)
    )
    for i, e in enumerate(entries):
        if not e.dashed:
            yield e.span[0], e.span[0], "- ", "R101"
        last = i == len(entries) - 1 and not archive_last
        want = "." if last else ";"
        if e.terminator == want:
            continue
        b = e.span[1]
        if e.terminator == "":
            yield b, b, want, "R103" if last else "R102"
        elif text[b - len(e.terminator) : b] == e.terminator and e.terminator in ",.;:":
            yield b - len(e.terminator), b, want, "R103" if last else "R102"
    if archive is not None:
        if not archive.dashed:
            yield archive.span[0], archive.span[0], "- ", "R101"
        s = archive.span[0]
        if not archive.colon and text.startswith("Lưu", s) and archive.units[:1] == ("VT",):
            yield s + 3, s + 3, ":", "R107"


def _edits(doc: Document, text: str) -> list[_Edit]:
    """Every safe edit of ``text`` (whose parse is ``doc``), sorted, none overlapping."""
    found = [
        *_code_edits(doc, text),
        *_date_edits(doc, text),
        *_body_edits(doc, text),
        *_recipient_edits(doc, text),
    ]
    found.sort(key=lambda e: (e[0], e[1]))
    out: list[_Edit] = []
    for e in found:
        if out and (e[0] < out[-1][1] or (e[0] == out[-1][0] and e[1] == out[-1][1])):
            continue
        out.append(e)
    return out


def fix_text(text: str) -> tuple[str, tuple[Fix, ...]]:
    """``text`` with every safe fix applied, and the fixes (spans into ``text``)."""
    doc = parse_document(text)
    edits = _edits(doc, text)
    parts: list[str] = []
    pos = 0
    fixes: list[Fix] = []
    for a, b, new, rule in edits:
        parts += [text[pos:a], new]
        fixes.append(Fix(rule, (a, b), text[a:b], new))
        pos = b
    parts.append(text[pos:])
    return "".join(parts), tuple(fixes)


# -- .docx ---------------------------------------------------------------------------------


def _walker_class() -> Any:
    from vnadmin.reader.docx import _Walker

    class Walker(_Walker):
        """The reader's walk, remembering the ``w:p`` of each record."""

        def __init__(self, styles: Any) -> None:
            super().__init__(styles)
            self.elements: dict[int, Any] = {}

        def paragraph(self, p: Any, kind: Any, table: Any, row: Any, col: Any) -> None:
            index = len(self.records)
            super().paragraph(p, kind, table, row, col)
            self.elements[index] = p

    return Walker


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP_UP = frozenset((_W + "txbxContent", _W + "del", _W + "moveFrom"))


def _runs(p: Any) -> list[Any]:
    """The runs of paragraph ``p`` (inside hyperlinks, insertions …; not inside text
    boxes or deletions)."""
    out = []
    for r in p.iter(_W + "r"):
        ok = True
        for up in r.iterancestors():
            if up is p:
                break
            if up.tag in _SKIP_UP:
                ok = False
                break
        if ok:
            out.append(r)
    return out


def _texts(p: Any) -> list[tuple[Any, int]]:
    """The ``w:t`` elements of ``p`` with where each starts in the paragraph's text (as
    the reader joins it: tabs and breaks count one character)."""
    out: list[tuple[Any, int]] = []
    pos = 0
    for r in _runs(p):
        for ch in r:
            if ch.tag == _W + "t":
                out.append((ch, pos))
                pos += len(ch.text or "")
            elif ch.tag in (_W + "tab", _W + "ptab", _W + "br", _W + "cr", _W + "noBreakHyphen"):
                pos += 1
    return out


def _narrow(before: str, after: str) -> tuple[int, int, str]:
    """The part of ``after`` that differs from ``before``: how many characters the two share
    at the start and at the end, and ``after`` between them (so that a fix touches only the
    runs that hold what changes)."""
    n = min(len(before), len(after))
    x = 0
    while x < n and before[x] == after[x]:
        x += 1
    y = 0
    while y < n - x and before[-1 - y] == after[-1 - y]:
        y += 1
    return x, y, after[x : len(after) - y]


def _splice(p: Any, a: int, b: int, new: str) -> bool:
    """Replace characters ``a:b`` of paragraph ``p``'s text by ``new``, in the runs that
    hold them (``new`` goes into the run of the first character replaced, or of the
    character before an insertion); ``False`` when the span is not in ``w:t`` text."""
    texts = _texts(p)
    if not texts:
        return False
    placed = False
    # An insertion goes into the run that ends at ``a``, or into the one that starts there
    # when it joins that run's word (the ``0`` of ``05`` goes with the number's run).
    forward = a == b and new[-1:].isalnum()
    for k, (t, start) in enumerate(texts):
        value = t.text or ""
        end = start + len(value)
        if a == b:
            later = k + 1 < len(texts) and texts[k + 1][1] == a and (texts[k + 1][0].text or "")
            if forward and a == end and later:
                continue
            if (start < a <= end) or (a == start):
                k = a - start
                t.text = value[:k] + new + value[k:]
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                return True
            continue
        lo, hi = max(a, start), min(b, end)
        if lo >= hi:
            continue
        piece = "" if placed else new
        t.text = value[: lo - start] + piece + value[hi - start :]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        placed = True
    return placed


def _component(doc: Document, start: int, end: int, text: str, cong_van: bool) -> str | None:
    """The component of the block at ``start:end`` of ``doc.text``."""
    from vnadmin.writing.docx import _kind

    def inside(span: tuple[int, int] | None) -> bool:
        return span is not None and span[0] < end and start < span[1]

    spans = dict(doc.spans)
    for name, comp in (
        ("code", "code"),
        ("place_date", "place_date"),
        ("type", "type"),
        ("summary", "vv" if cong_van else "summary"),
        ("urgency", "urgency"),
        ("secrecy", "urgency"),
        ("issuer", "issuer"),
    ):
        if inside(spans.get(name)):
            return comp
    line = text.strip()
    if line.upper().startswith(("CỘNG HÒA", "CỘNG HOÀ")):
        return "national"
    if line.startswith("Độc lập"):
        return "motto"
    if doc.addressees is not None and inside(doc.addressees.span):
        return "addressee"
    if doc.recipients is not None and inside(doc.recipients.span):
        return "noi_nhan" if start <= doc.recipients.span[0] < end else "recipient"
    for sig in doc.signatures:
        if inside(sig.span):
            return "signer" if inside(sig.name_span) else "authority"
    if doc.body is not None and inside(doc.body.span):
        return _kind(line)
    issuer = spans.get("issuer")
    if issuer is not None and end <= issuer[0] and line.isupper():
        return "parent"
    return None


def fix_docx(data: bytes) -> tuple[bytes, tuple[Fix, ...]]:
    """The ``.docx`` ``data`` with every safe fix applied (its text, its fonts and sizes),
    and the fixes."""
    from vnadmin.reader.columns import normalize_document
    from vnadmin.reader.compose import compose
    from vnadmin.reader.docx import _check_zip, _open, _Styles, _styles_root, _theme_fonts
    from vnadmin.reader.model import Block, Layout, Location
    from vnadmin.writing.layout import COMPONENTS, FONT

    shared = require_docx_shared()
    _check_zip(data)
    document = _open(data)
    walker = _walker_class()(_Styles(_styles_root(document), _theme_fonts(document)))
    walker.blocks(document.element.body, "paragraph", None, None, None)
    blocks = tuple(
        Block(text, Location(kind=kind, paragraph=i, table=table, row=row, column=col))
        for i, (text, kind, table, row, col, _) in enumerate(walker.records)
    )
    composed = compose(Layout(blocks=blocks, format="docx"))
    doc = parse_document(normalize_document(composed.text, columns=False))
    text = composed.text
    fixes: list[Fix] = []
    # text fixes, paragraph by paragraph (an edit that crosses paragraphs is left alone)
    by_para: dict[int, list[tuple[int, int, str, str]]] = {}
    for a, b, new, rule in _edits(doc, text):
        k = bisect.bisect_right(composed.starts, a) - 1
        if k < 0:
            continue
        block = composed.blocks[k]
        off = composed.starts[k]
        if b - off > len(block.text) or block.location.paragraph is None:
            continue
        by_para.setdefault(block.location.paragraph, []).append((a - off, b - off, new, rule))
    for index, edits in by_para.items():
        p = walker.elements.get(index)
        if p is None:
            continue
        para_text = blocks[index].text
        for a, b, new, rule in sorted(edits, reverse=True):
            x, y, middle = _narrow(para_text[a:b], new)
            if _splice(p, a + x, b - y, middle):
                fixes.append(Fix(rule, (a, b), para_text[a:b], new, index))
    # fonts and sizes, run by run
    cong_van = doc.type_name is None or doc.type_name == "Công văn"
    # A Party document follows Hướng dẫn 36-HD/VPTW, whose sizes differ: fonts only.
    party = doc.code is not None and doc.code.family is CodeFamily.PARTY
    for k, block in enumerate(composed.blocks):
        where = block.location.paragraph
        p = None if where is None else walker.elements.get(where)
        if p is None or not block.text.strip():
            continue
        start = composed.starts[k]
        name = _component(doc, start, start + len(block.text), block.text, cong_van)
        comp = None if name is None or party else COMPONENTS[name]
        if block.location.table is not None and name in _BODY_KINDS:
            comp = None  # a table of the content: the decree sets no size for it
        pos = 0
        for r in _runs(p):
            run_text = "".join(t.text or "" for t in r.iter(_W + "t"))
            if not run_text:
                continue
            span = (pos, pos + len(run_text))
            pos += len(run_text)
            font, size, _, _ = walker.props(p, r)
            # (a face of the family, "Times New Roman Bold", is left alone: it carries
            # the weight)
            if font is not None and not font.startswith(FONT):
                rpr = r.get_or_add_rPr()
                fonts = rpr.get_or_add_rFonts()
                for attr in ("asciiTheme", "hAnsiTheme"):
                    fonts.attrib.pop(_W + attr, None)
                rpr.rFonts_ascii = FONT
                rpr.rFonts_hAnsi = FONT
                fixes.append(Fix(DOCX_RULES["font"], span, font, FONT, where))
            if comp is not None and size is not None and not comp.allows(size):
                r.get_or_add_rPr().sz_val = shared.Pt(comp.size)
                fixes.append(
                    Fix(DOCX_RULES["size"], span, f"{size:g} pt", f"{comp.size:g} pt", where)
                )
    if not fixes:
        return data, ()
    import io

    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), tuple(fixes)


def require_docx_shared() -> Any:
    from vnadmin._extras import require

    return require("docx.shared", "docx", "fixing a .docx")


def fix(
    document: str | bytes | os.PathLike[str] | Document | NormalizedText,
) -> tuple[str | bytes, tuple[Fix, ...]]:
    """Apply every safe fix to ``document`` and say what was fixed.

    ``document`` is document text (a ``str`` that is not the path of an existing file),
    a :class:`~vnadmin.Document` (its :attr:`~vnadmin.Document.text` is fixed), a path,
    or a file's bytes. Text comes back as the fixed ``str``; a ``.docx`` (path or bytes)
    as the fixed file's bytes. Each :class:`Fix` names its rule and the text replaced.
    Fixing the result again changes nothing; :func:`vnadmin.lint` no longer reports the
    fixed rules. Raises only :class:`~vnadmin.VnAdminError` (a
    :class:`~vnadmin.ReadError` for a file that cannot be read).
    """
    from vnadmin.reader import detect_format, read_bytes

    if isinstance(document, Document):
        return fix_text(document.text)
    if isinstance(document, NormalizedText):
        return fix_text(document.original)
    if isinstance(document, str) and not _is_path(document):
        return fix_text(document)
    if not isinstance(document, (str, bytes, bytearray, memoryview, os.PathLike)):
        raise VnAdminError(f"fix takes text, a path or bytes, not {type(document).__name__}")
    data = read_bytes(document)
    fmt = detect_format(data)
    if fmt == "docx":
        try:
            return fix_docx(data)
        except VnAdminError:
            raise
        except Exception as exc:  # pragma: no cover - defensive
            raise VnAdminError(f"cannot fix the .docx: {type(exc).__name__}: {exc}") from exc
    if fmt != "text":
        raise VnAdminError(f"fix writes text and .docx files; this is a {fmt} file")
    from vnadmin.reader.plain import read_text

    layout = read_text(data)
    return fix_text("\n".join(b.text for b in layout.blocks))


def _is_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and os.path.isfile(value)


def run_fix(
    paths: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str] | None,
    in_place: bool,
    out: TextIO,
) -> int:
    """``vnadmin lint --fix FILE… [-o OUTPUT] [--in-place]``: fix each file, write the
    result to ``output`` (a file for one input, a directory for several) or back over the
    input with ``in_place``, and print each fix to ``out``
    (``FILE:LINE:COL: RULE 'before' -> 'after'``; ``FILE:¶N:…`` for a ``.docx``).

    The input is never overwritten unless ``in_place``. Returns 0 when done, 1 when a file
    could not be read or fixed, 2 for a usage error (no output and no ``in_place``, several
    inputs and an output that is not a directory, an output that is the input).
    """
    if not paths:
        print("vnadmin lint --fix: no file given", file=out)
        return 2
    if output is None and not in_place:
        print("vnadmin lint --fix: give -o OUTPUT or --in-place", file=out)
        return 2
    if output is not None and in_place:
        print("vnadmin lint --fix: -o and --in-place exclude each other", file=out)
        return 2
    if output is not None and len(paths) > 1 and not os.path.isdir(output):
        print("vnadmin lint --fix: several files need -o DIRECTORY", file=out)
        return 2
    status = 0
    for path in paths:
        if in_place:
            target = os.fspath(path)
        elif output is not None and os.path.isdir(output):
            target = os.path.join(output, os.path.basename(os.fspath(path)))
        else:
            assert output is not None
            target = os.fspath(output)
        if (
            not in_place
            and os.path.exists(target)
            and os.path.exists(path)
            and os.path.samefile(target, path)
        ):
            print(f"{os.fspath(path)}: refusing to overwrite the input (use --in-place)", file=out)
            return 2
        try:
            fixed, fixes = fix(pathlib.Path(path))  # (a str would be read as text)
        except VnAdminError as exc:
            print(f"{os.fspath(path)}: {exc}", file=out)
            status = 1
            continue
        if isinstance(fixed, str):
            source = _source_text(path)
            for f in fixes:
                line, col = line_col(source, f.span[0]) if source is not None else (0, 0)
                print(
                    f"{os.fspath(path)}:{line}:{col}: {f.rule} {f.before!r} -> {f.after!r}",
                    file=out,
                )
            written: str | bytes = fixed
        else:
            for f in fixes:
                where = f"¶{(f.paragraph or 0) + 1}:{f.span[0] + 1}"
                print(f"{os.fspath(path)}:{where}: {f.rule} {f.before!r} -> {f.after!r}", file=out)
            written = fixed
        try:
            if isinstance(written, str):  # (a text file is written back in UTF-8)
                with open(target, "w", encoding="utf-8", newline="") as fh:
                    fh.write(written)
            else:
                with open(target, "wb") as fh:
                    fh.write(written)
        except OSError as exc:
            print(f"{target}: cannot write: {exc}", file=out)
            status = 1
            continue
        print(f"{os.fspath(path)}: {len(fixes)} fix(es) -> {target}", file=out)
    return status


def _source_text(path: str | os.PathLike[str]) -> str | None:
    from vnadmin.reader import read_bytes
    from vnadmin.reader.plain import read_text

    try:
        return "\n".join(b.text for b in read_text(read_bytes(path)).blocks)
    except VnAdminError:
        return None
