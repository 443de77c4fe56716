"""Scoring a :class:`vnadmin.Document` against what a clerk reads off a real file
(``tests/data/files/expected.json``; its keys are described in ``tests/data/files/README.md``).

* :func:`load_expected` — the 27 labelled files.
* :func:`actual_fields` — the scored fields read off a Document, in expected.json's
  representation (codes canonical, dates ISO or ``YYYY-MM`` / ``YYYY`` when blank …).
* :func:`score` — per field ``True`` / ``False`` / ``None`` (not applicable).
* :func:`cited_counts` — precision and recall counts of ``cited_codes``.
* :func:`report` — the per-field table, the overall rate and every wrong pair.

The rule of the target ("every field that the file prints is read right"): a field the file
prints is right when read equal; a field the file does not print (expected ``null``:
blank number, no place-date line, no signature block, a draft without the signer's name,
no Nơi nhận …) is right only when nothing is read for it (no invented value). A field is
not applicable (``None``) only when its key is missing from the expected object.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from vnadmin.codes.model import DocumentCode
from vnadmin.document import Document
from vnadmin.recipients import RecipientKind

__all__ = [
    "DATA",
    "EXTRA_FIELDS",
    "FIELDS",
    "actual_fields",
    "cited_counts",
    "code_key",
    "load_expected",
    "report",
    "score",
]

DATA = Path(__file__).resolve().parent / "data" / "files"

#: The fields of issue 11 (tasks and meeting are scored elsewhere).
FIELDS: tuple[str, ...] = (
    "code",
    "type_name",
    "date",
    "issuer",
    "issuer_parent",
    "signer_name",
    "signing_modes",
    "signer_title",
    "noi_nhan_count",
    "archive_units",
    "addressees",
    "cited_codes",
    "summary",
)
#: Scored and reported, but outside the overall rate: ``code_symbol`` — for a file whose
#: number is blank (``code`` null), the ký hiệu that it does print (``/QĐ-UBND`` →
#: ``QĐ-UBND``), so that a draft's code is not "right" merely because nothing was read.
EXTRA_FIELDS: tuple[str, ...] = ("code_symbol",)


def load_expected() -> list[dict[str, Any]]:
    """The labelled files of ``tests/data/files/expected.json``, in its order."""
    with (DATA / "expected.json").open(encoding="utf-8") as fh:
        rows: list[dict[str, Any]] = json.load(fh)
    return rows


# --- normal forms ---------------------------------------------------------------------------


def _collapse(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def code_key(code: str) -> str:
    """A code's comparison form: NFC, blanks removed, and the canonical form that
    :func:`vnadmin.parse_code` gives when it reads the whole string (so ``01/BC-X`` and
    ``1/BC-X`` compare equal, as the parser's canonical form does)."""
    from vnadmin import parse_code
    from vnadmin.errors import VnAdminError

    s = "".join(unicodedata.normalize("NFC", code).split())
    try:
        parsed = parse_code(s)
    except VnAdminError:
        return s
    return str(parsed) if parsed.number is not None else s


def _code_str(code: DocumentCode | None) -> str | None:
    """The canonical own code, ``None`` when absent or its number is blank."""
    if code is None or code.number is None:
        return None
    return code_key(str(code))


def _date_str(doc: Document) -> str | None:
    """ISO date; ``YYYY-MM`` when the day is blank, ``YYYY`` when day and month are."""
    pd = doc.place_date
    if pd is None:
        return None
    if pd.date is not None:
        return pd.date.isoformat()
    if pd.year is None:
        return None
    if pd.month is None:
        return f"{pd.year:04d}"
    if pd.day is None:
        return f"{pd.year:04d}-{pd.month:02d}"
    return f"{pd.year:04d}-{pd.month:02d}-{pd.day:02d}"  # (an impossible date as written)


_VV = re.compile(r"^(?:V/v|Về việc)[:.]?\s+", re.IGNORECASE)


def _summary_key(s: str) -> str:
    """The trích yếu compared: blanks collapsed, case folded, a leading ``V/v`` or
    ``Về việc`` and quotation marks and the final full stop left out."""
    t = _collapse(s).strip("\"“”' ")
    t = _VV.sub("", t)
    return t.rstrip(". ").casefold()


# --- reading a Document ---------------------------------------------------------------------


def actual_fields(doc: Document) -> dict[str, object]:
    """The scored fields of ``doc`` in expected.json's representation:

    * ``code``: canonical str (:func:`code_key`), ``None`` when absent or unnumbered;
      ``code_symbol``: the ký hiệu of an unnumbered code (``QĐ-UBND``), else ``None``;
    * ``date``: ISO / ``YYYY-MM`` / ``YYYY`` / ``None`` (see :func:`_date_str`);
    * ``issuer``; ``issuer_parent``: the parent lines joined by a space (``None`` if none);
    * ``signer_name`` (``None`` when empty), ``signing_modes`` (chain modes top-down joined
      by ``,``; ``""`` in own name; ``None`` when there is no signature block),
      ``signer_title`` (``None`` when empty or no block) — all of the first block;
    * ``noi_nhan_count``: entries of the Nơi nhận list without the Lưu line; ``None``
      without a Nơi nhận list; ``archive_units``: the Lưu line's units (list), ``None``
      without one;
    * ``addressees``: Kính gửi entries, 0 when none;
    * ``cited_codes``: sorted canonical codes of ``doc.references`` (own code excluded,
      deduplicated);
    * ``summary``: the trích yếu as the Document holds it (``None`` if absent).
    """
    own = _code_str(doc.code)
    blank = doc.blank_code if doc.blank_code is not None else doc.code
    symbol = blank.symbol if blank is not None and blank.number is None else None
    sig = doc.signature
    rec = doc.recipients
    if rec is not None and rec.kind is not RecipientKind.NOI_NHAN:
        rec = None
    cited = {code_key(str(r.code)) for r in doc.references}
    cited.discard(own or "")
    return {
        "code": own,
        "code_symbol": symbol or None,
        "type_name": doc.type_name,
        "date": _date_str(doc),
        "issuer": _collapse(doc.issuer) if doc.issuer else None,
        "issuer_parent": _collapse(" ".join(doc.issuer_parents)) or None,
        "signer_name": (_collapse(sig.signer_name) or None) if sig is not None else None,
        "signing_modes": ",".join(m.value for m in sig.modes) if sig is not None else None,
        "signer_title": (_collapse(sig.signer_title) or None) if sig is not None else None,
        "noi_nhan_count": len(rec.entries) if rec is not None else None,
        "archive_units": (
            [_collapse(u) for u in rec.archive.units]
            if rec is not None and rec.archive is not None
            else None
        ),
        "addressees": len(doc.addressees.entries) if doc.addressees is not None else 0,
        "cited_codes": sorted(cited),
        "summary": doc.summary,
    }


# --- scoring --------------------------------------------------------------------------------


def _expected_symbol(exp: Mapping[str, Any]) -> str | None:
    """The printed ký hiệu of a file whose number is blank (``/TTr- CAT-PC04`` →
    ``TTr-CAT-PC04``), ``None`` otherwise."""
    printed = exp.get("code_printed")
    if exp.get("code") is not None or not isinstance(printed, str):
        return None
    s = "".join(unicodedata.normalize("NFC", printed).split())
    return s.lstrip("/") or None


def _neutral_codes(exp: Mapping[str, Any]) -> set[str]:
    """Codes that are neither credited nor held against ``cited_codes``: the example
    numbers of a formatting guide, codes cited only in an attached document of the file, and
    codes cited by the further documents of a multi-document file (expected.json
    ``example_codes``, ``attachment_cited_codes``, ``extra_documents[].cited_codes``):
    expected.json describes the first document only."""
    out: set[str] = set()
    for key in ("example_codes", "attachment_cited_codes"):
        out.update(code_key(c) for c in exp.get(key) or ())
    for extra in exp.get("extra_documents") or ():
        if isinstance(extra, Mapping):
            out.update(code_key(c) for c in extra.get("cited_codes") or ())
    return out


def _cited_sets(exp: Mapping[str, Any], act: Mapping[str, object]) -> tuple[set[str], set[str]]:
    want = {code_key(c) for c in exp.get("cited_codes") or ()}
    got_raw = act.get("cited_codes")
    got = {str(c) for c in got_raw} if isinstance(got_raw, Iterable) else set()
    got -= _neutral_codes(exp) - want
    return want, got


def cited_counts(exp: Mapping[str, Any], act: Mapping[str, object]) -> tuple[int, int, int]:
    """``(right, read, expected)`` counts of ``cited_codes``: codes read that are expected,
    codes read (neutral codes left out, see :func:`_neutral_codes`), codes expected.
    Precision is right/read, recall right/expected."""
    want, got = _cited_sets(exp, act)
    return len(want & got), len(got), len(want)


def _empty(v: object) -> bool:
    return v is None or v == "" or v == []


def _equal(field: str, want: object, got: object) -> bool:
    if field == "code":
        return isinstance(got, str) and code_key(str(want)) == got
    if field == "summary":
        return isinstance(got, str) and _summary_key(str(want)) == _summary_key(got)
    if field == "archive_units":
        return (
            isinstance(want, list)
            and isinstance(got, list)
            and ([_collapse(str(u)) for u in want] == [_collapse(str(u)) for u in got])
        )
    if isinstance(want, str):
        return isinstance(got, str) and _collapse(want) == _collapse(got)
    return want == got


def score(expected: Mapping[str, Any], actual: Mapping[str, object]) -> dict[str, bool | None]:
    """Per field of :data:`FIELDS` and :data:`EXTRA_FIELDS`: ``True`` right, ``False``
    wrong, ``None`` not applicable.

    Rules:

    * key missing from ``expected`` → ``None`` (not applicable);
    * expected ``null`` (the file does not print it: blank number, no place-date, no
      signature block, a draft with no name under the title, no Nơi nhận …) → ``True``
      only when nothing was read (``None``/``""``/``[]``): an invented value is wrong.
      One exception: a signer name that the file carries only in the PDF signature widget
      (``signer_name_in_signature_widget``) may also be read (case-insensitively);
    * ``signing_modes`` ``""`` (signs in own name) is a value, not a blank: ``None`` read
      for it (no signature block found) is wrong, and ``""`` read where the file has no
      signature block (expected ``null``) is an invented block, wrong too;
    * ``code``: canonical forms compared (:func:`code_key`); ``code_symbol`` only for a
      file whose number is blank (else ``None``): the printed ký hiệu without blanks;
    * strings: blanks collapsed, otherwise exact (case kept: titles and issuers are
      printed in capitals); ``summary``: also case-folded, a leading ``V/v``/``Về việc``,
      quotes and the final full stop left out;
    * ``archive_units``: the same units in the same order;
    * ``cited_codes``: ``True`` when the sets are equal, neutral codes (see
      :func:`_neutral_codes`) left out of the set read; precision and recall are counted
      by :func:`cited_counts`.
    """
    out: dict[str, bool | None] = {}
    for field in FIELDS + EXTRA_FIELDS:
        if field == "code_symbol":
            want_sym = _expected_symbol(expected)
            got_sym = actual.get("code_symbol")
            out[field] = (
                None
                if want_sym is None
                else isinstance(got_sym, str) and "".join(got_sym.split()) == want_sym
            )
            continue
        if field not in expected:
            out[field] = None
            continue
        want = expected[field]
        got = actual.get(field)
        if field == "cited_codes":
            w, g = _cited_sets(expected, actual)
            out[field] = w == g
        elif want is None:
            widget = expected.get("signer_name_in_signature_widget")
            nothing = got is None if field == "signing_modes" else _empty(got)
            out[field] = nothing or (
                field == "signer_name"
                and isinstance(widget, str)
                and isinstance(got, str)
                and _collapse(widget).casefold() == _collapse(got).casefold()
            )
        else:
            out[field] = _equal(field, want, got)
    return out


# --- report ---------------------------------------------------------------------------------

Row = tuple[Mapping[str, Any], Mapping[str, object], Mapping[str, bool | None]]


def _show(v: object) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(str(x) for x in v) + "]"
    return repr(v)


def _cited_diff(exp: Mapping[str, Any], act: Mapping[str, object]) -> tuple[str, str]:
    want, got = _cited_sets(exp, act)
    return _show(sorted(want - got)), _show(sorted(got - want))


def report(rows: Sequence[Row], *, title: str = "") -> str:
    """A per-field table (right/total, %), the overall rate over the (file, field) pairs of
    :data:`FIELDS`, ``cited_codes`` precision and recall, and each wrong pair with the
    expected and the actual value. ``rows`` are ``(expected, actual, score)`` triples."""
    lines: list[str] = []
    if title:
        lines += [title, ""]
    width = max(len(f) for f in FIELDS + EXTRA_FIELDS)
    lines.append(f"{'field':<{width}}  right/total      %")
    tot_right = tot_n = 0
    for field in FIELDS + EXTRA_FIELDS:
        marks = [s[field] for _, _, s in rows if s.get(field) is not None]
        right = sum(1 for m in marks if m)
        n = len(marks)
        pct = f"{100 * right / n:5.1f}" if n else "    -"
        extra = "  (not in overall)" if field in EXTRA_FIELDS else ""
        lines.append(f"{field:<{width}}  {right:>5}/{n:<5}  {pct}{extra}")
        if field in FIELDS:
            tot_right += right
            tot_n += n
    pct_all = 100 * tot_right / tot_n if tot_n else 0.0
    lines.append(f"{'OVERALL':<{width}}  {tot_right:>5}/{tot_n:<5}  {pct_all:5.1f}")
    right = read = want = 0
    for e, a, _ in rows:
        r, g, w = cited_counts(e, a)
        right, read, want = right + r, read + g, want + w
    prec = f"{100 * right / read:.1f}%" if read else "-"
    rec = f"{100 * right / want:.1f}%" if want else "-"
    lines.append(f"cited_codes: precision {right}/{read} = {prec}, recall {right}/{want} = {rec}")
    lines += ["", f"files: {len(rows)}", "", "wrong (file, field): expected | actual"]
    for e, a, s in rows:
        for field in FIELDS + EXTRA_FIELDS:
            if s.get(field) is not False:
                continue
            if field == "cited_codes":
                missed, extra_codes = _cited_diff(e, a)
                detail = f"missed {missed} | extra {extra_codes}"
            elif field == "code_symbol":
                detail = f"{_expected_symbol(e)!r} | {a.get(field)!r}"
            else:
                detail = f"{_show(e.get(field))} | {_show(a.get(field))}"
            lines.append(f"  {e.get('file')}  {field}: {detail}")
    return "\n".join(lines) + "\n"
