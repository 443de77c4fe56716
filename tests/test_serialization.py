"""vnadmin.serialization: one JSON dialect (enums by value), round trips of every value
type, and the hypothesis plugin (cheap at ``import hypothesis``, ``st.from_type`` works)."""

from __future__ import annotations

import enum
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnadmin
from vnadmin import Deadline, Document, Holiday, parse_document
from vnadmin import strategies as vst
from vnadmin.serialization import from_dict, from_json, json_schema, to_dict, to_json

from .conftest import DATA

TEXTS = sorted((DATA / "texts").glob("*.txt"))
SRC = Path(vnadmin.__file__).resolve().parent.parent


def _round_trips(value: object) -> bool:
    return from_json(to_json(value), type(value)) == value


def _parts(value: object) -> Iterator[object]:
    """``value`` and every attrs value nested in it (fields, tuples)."""
    if isinstance(value, tuple | list):
        for item in value:
            yield from _parts(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _parts(getattr(value, field.name))


def _enums(value: object) -> Iterator[enum.Enum]:
    if isinstance(value, enum.Enum):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _enums(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _enums(getattr(value, field.name))


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)
    elif isinstance(data, dict):
        for item in data.values():
            yield from _strings(item)


# --- round trips ---------------------------------------------------------------------


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_every_part_of_every_corpus_document_round_trips(path: Path) -> None:
    doc = parse_document(path.read_text(encoding="utf-8"))
    parts = list(_parts(doc))
    assert len({type(p) for p in parts}) >= 4, path.name
    for part in parts:
        assert _round_trips(part), (type(part).__name__, part)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_findings_round_trip(path: Path) -> None:
    findings = vnadmin.lint(path.read_text(encoding="utf-8"))
    for f in findings:
        assert _round_trips(f)
    assert from_json(to_json(list(findings)), list[vnadmin.Finding]) == list(findings)


def test_rules_issuers_and_holidays_round_trip() -> None:
    for r in vnadmin.lint_rules():
        assert _round_trips(r)
    for issuer in vnadmin.default_registry.issuers():
        assert _round_trips(issuer)
    for year in (2024, 2025, 2026):
        for h in vnadmin.holidays(year):
            assert _round_trips(h)


@given(vst.document_codes())
def test_code_round_trip(code: vnadmin.DocumentCode) -> None:
    assert _round_trips(code)
    assert from_dict(to_dict(code), vnadmin.DocumentCode) == code


@given(vst.signature_blocks())
def test_signature_round_trip(block: vnadmin.SignatureBlock) -> None:
    assert _round_trips(block)


@given(vst.recipient_lists())
def test_recipients_round_trip(lst: vnadmin.RecipientList) -> None:
    assert _round_trips(lst)


@given(vst.deadlines())
def test_deadline_round_trip(d: Deadline) -> None:
    assert _round_trips(d)


@given(vst.parsed_documents())
def test_generated_document_round_trip(doc: Document) -> None:
    for part in _parts(doc):
        assert _round_trips(part)


# --- the dialect -----------------------------------------------------------------------


def test_enums_are_written_by_value_everywhere() -> None:
    docs = [parse_document(p.read_text(encoding="utf-8")) for p in TEXTS]
    members = {m for doc in docs for m in _enums(doc)}
    assert len({type(m) for m in members}) >= 4
    strings = {s for doc in docs for s in _strings(to_dict(doc))}
    for m in members:
        assert m.value in strings, m
        if m.name != m.value:
            assert json.dumps(m.name) not in to_json([d for d in docs if m in set(_enums(d))])
    code = vnadmin.parse_code("30/2020/NĐ-CP")
    data = to_dict(code)
    assert data["family"] == "normative" and data["doc_type"]["category"] == "normative"
    assert to_dict(vnadmin.lint_rules()[0])["severity"] in {"error", "warning", "info"}


def test_enum_names_are_not_read() -> None:
    data = to_dict(vnadmin.parse_code("30/2020/NĐ-CP"))
    data["family"] = "NORMATIVE"
    with pytest.raises(vnadmin.VnAdminError, match=r"^\$\.family: .NORMATIVE. is not a CodeFamily"):
        from_dict(data, vnadmin.DocumentCode)


def test_schema_lists_enum_values() -> None:
    schema = json_schema(Document)
    family = schema["$defs"]["DocumentCode"]["properties"]["family"]
    assert family == {"type": "string", "enum": [f.value for f in vnadmin.CodeFamily]}
    assert "Nơi nhận" in json.dumps(schema["$defs"]["RecipientList"], ensure_ascii=False)


def test_parse_error_as_data() -> None:
    with pytest.raises(vnadmin.ParseError) as info:
        vnadmin.parse_code("hello")
    data = to_dict(info.value)
    assert data == {
        "message": info.value.message,
        "input": "hello",
        "span": [0, 5],
        "reason": "no_number",
        "expected": info.value.expected,
    }
    back = from_dict(data, vnadmin.ParseError)
    assert (back.reason, back.span, back.input) == ("no_number", (0, 5), "hello")


# --- the hypothesis plugin ---------------------------------------------------------------


@given(st.from_type(Holiday))
def test_from_type_holiday(h: Holiday) -> None:
    assert h in vnadmin.holidays(h.date.year)


@given(st.from_type(Deadline))
def test_from_type_deadline(d: Deadline) -> None:
    # drawn from written deadlines with both anchor dates known: each has its due date
    # (a recurring one its day of the month)
    assert (d.due is None) == (d.kind is vnadmin.DeadlineKind.RECURRING)
    assert d.recurring_day is not None or d.kind is not vnadmin.DeadlineKind.RECURRING


@given(st.from_type(Document))
def test_from_type_document(doc: Document) -> None:
    assert doc.code is not None and doc.signature is not None and doc.recipients is not None
    assert doc.place_date is not None and doc.type_name


@given(
    st.from_type(vnadmin.DocumentCode),
    st.from_type(vnadmin.SignatureBlock),
    st.from_type(vnadmin.RecipientList),
)
def test_from_type_blocks(
    code: vnadmin.DocumentCode, block: vnadmin.SignatureBlock, lst: vnadmin.RecipientList
) -> None:
    assert vnadmin.parse_code(str(code)) == code
    assert vnadmin.parse_signature(vnadmin.format_signature(block)) == block
    assert vnadmin.parse_recipients(vnadmin.format_recipients(lst)) == lst


def _python(code: str) -> str:
    env = {"PYTHONPATH": str(SRC), "PATH": ""}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return proc.stdout


def test_import_hypothesis_loads_nothing_beyond_import_vnadmin() -> None:
    show = "import sys, json; print(json.dumps([m for m in sys.modules if 'vnadmin' in m]))"
    with_hypothesis = set(json.loads(_python(f"import hypothesis; {show}")))
    plain = set(json.loads(_python(f"import vnadmin; {show}")))
    assert "vnadmin._hypothesis_hook" in with_hypothesis  # the entry point is installed
    assert with_hypothesis - plain == {"vnadmin._hypothesis_hook"}
    assert not any(m.startswith("vnadmin.strategies") for m in with_hypothesis)


_LATE_IMPORT = """
import importlib.util, sys, json
# a bare vnadmin package (its __init__ not run), as a lazy one would leave it
spec = importlib.util.find_spec("vnadmin")
sys.modules["vnadmin"] = importlib.util.module_from_spec(spec)
import hypothesis
from hypothesis import strategies as st
before = sorted(m for m in sys.modules if m.startswith("vnadmin."))
from vnadmin.calendar import Holiday
from vnadmin.codes.model import DocumentCode
from vnadmin.dates.deadlines import Deadline
from vnadmin.document import Document
from vnadmin.recipients import RecipientList
from vnadmin.signatures import SignatureBlock
drawn = [type(st.from_type(t).example()).__name__
         for t in (Holiday, DocumentCode, Deadline, Document, RecipientList, SignatureBlock)]
print(json.dumps({"before": before, "drawn": drawn}))
"""


def test_from_type_works_for_modules_imported_after_hypothesis() -> None:
    out = json.loads(_python(_LATE_IMPORT))
    assert out["before"] == ["vnadmin._hypothesis_hook"]
    assert out["drawn"] == [
        "Holiday",
        "DocumentCode",
        "Deadline",
        "Document",
        "RecipientList",
        "SignatureBlock",
    ]


def test_a_document_is_written_lean() -> None:
    """The document's text is written once: parts point into it. Sizes are UTF-8 bytes of
    the JSON, against the JSON of the text alone."""
    total_text = total_json = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        doc = parse_document(text)
        data = to_dict(doc)
        assert data["text"] == text
        assert "text" not in (data.get("body") or {})
        written = len(json.dumps(data, ensure_ascii=False).encode())
        alone = len(json.dumps(text, ensure_ascii=False).encode())
        total_text += alone
        total_json += written
        if len(text) > 20_000:
            assert written <= 1.6 * alone, path.name
    assert total_json <= 1.5 * total_text


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_lean_document_json_round_trips_exactly(form: str) -> None:
    import unicodedata

    for path in TEXTS[:6]:
        text = unicodedata.normalize(form, path.read_text(encoding="utf-8"))
        doc = parse_document(text)
        back = from_json(to_json(doc), Document)
        assert back == doc
        assert back.text == text
        assert back.body == doc.body and back.legal_bases == doc.legal_bases
        assert [r.text for r in back.references] == [r.text for r in doc.references]
        assert [d.title_span for d in back.structure] == [d.title_span for d in doc.structure]


def test_a_user_type_is_written_whole() -> None:
    from vnadmin.registry import DocCategory, DocumentType

    user = DocumentType("XX", DocCategory.ADMINISTRATIVE, "Phiếu xx", "XX slip", "user table")
    code = attrs.evolve(vnadmin.parse_code("12/QĐ-UBND"), doc_type=user)
    doc = Document(code=code, text="Số: 12/QĐ-UBND")
    data = to_dict(doc)
    assert data["code"]["doc_type"]["article"] == "user table"
    assert from_dict(data, Document).code.doc_type == user
