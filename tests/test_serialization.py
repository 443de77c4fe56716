"""vnadmin.serialization: one JSON dialect (enums by value), round trips of every value
type, and the hypothesis plugin (cheap at ``import hypothesis``, ``st.from_type`` works)."""

from __future__ import annotations

import contextlib
import datetime
import enum
import functools
import json
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnadmin
from vnadmin import Deadline, Document, Holiday, parse_document
from vnadmin import strategies as vst
from vnadmin.serialization import (
    StructureError,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)

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
        "schema_version": 1,
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


# --- every public value type round-trips -----------------------------------------------------


@functools.cache
def _public_values() -> dict[type, list[object]]:
    """Values of every public attrs type: the parts of the corpus documents, the
    registry, rules, holidays, calendars, and the finders' values on the corpus."""
    found: dict[type, list[object]] = {}

    def add(value: object) -> None:
        for part in _parts(value):
            bucket = found.setdefault(type(part), [])
            if len(bucket) < 40:
                bucket.append(part)

    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        doc = parse_document(text)
        add(doc)
        add(vnadmin.lint(doc))
        add(vnadmin.find_periods(text))
        add(vnadmin.find_times(text))
        add(vnadmin.find_datetimes(text))
        add(vnadmin.resolve_references(text))
        add(vnadmin.fix(text)[1])
        add(vnadmin.Draft.from_document(doc))
    # (recurrences of real duties: tasks.md, 1.1)
    for phrase in (
        "báo cáo định kỳ hằng quý, trước ngày 15 tháng cuối quý",
        "gửi báo cáo hằng tháng trước ngày 20",
        "tổng kết hằng năm",
    ):
        add(vnadmin.find_recurrence(phrase))
        found.setdefault(vnadmin.NormalizedText, []).append(vnadmin.normalize_text(text[:2000]))
    files = Path(__file__).parent / "data" / "files"
    for name in (
        "cong-van_khong-so-BTC-CST-phi-ly-lich-tu-phap-2025.docx",
        "cong-dien_58-CD-VPCP.pdf",
    ):
        doc = vnadmin.read_document(files / name)
        add(doc)
        add(doc.file)
        add(doc.file.layout if doc.file is not None else None)
    for path in TEXTS:
        add(vnadmin.parse_meeting(path.read_text(encoding="utf-8")))
        add(vnadmin.find_tasks(path.read_text(encoding="utf-8")))
    add(vnadmin.resolve_references("Căn cứ Quyết định số 01/QĐ-UBND. Quyết định này."))
    add(vnadmin.find_datetimes("08 giờ 30 phút, ngày 15/10/2025"))
    add(vnadmin.find_periods("quý IV/2024, 6 tháng đầu năm 2025"))
    add(list(vnadmin.lint_rules()))
    add(list(vnadmin.default_registry.issuers()))
    add(list(vnadmin.default_registry.document_types_all()))
    add(list(vnadmin.holidays(2025)))
    day = datetime.date(2025, 12, 31)
    found[vnadmin.Calendar] = [
        vnadmin.Calendar(),
        vnadmin.Calendar(weekend=frozenset({6}), announced=False),
        vnadmin.Calendar().with_day_off(day, "Nghỉ cơ quan").with_working_day(day),
    ]
    found[vnadmin.NormalizedText].append(vnadmin.normalize_text("Ha\u0300 No\u0323i\r\n\u200b"))
    return found


def _public_attrs_types() -> list[type]:
    return [
        t
        for t in (getattr(vnadmin, n) for n in vnadmin.__all__)
        if isinstance(t, type) and attrs.has(t)
    ]


def test_every_public_attrs_type_has_values_and_round_trips() -> None:
    values = _public_values()
    missing = [t.__name__ for t in _public_attrs_types() if not values.get(t)]
    assert not missing
    for tp in _public_attrs_types():
        for value in values[tp]:
            assert _round_trips(value), (tp.__name__, value)
            assert from_dict(to_dict(value), tp) == value


def test_a_calendar_round_trips_and_keeps_working() -> None:
    cal = vnadmin.Calendar().with_day_off(datetime.date(2025, 12, 31), "Nghỉ cơ quan")
    back = from_json(to_json(cal), vnadmin.Calendar)
    assert back == cal and not back.is_working_day(datetime.date(2025, 12, 31))
    assert json.loads(to_json(vnadmin.Calendar())) == {
        "schema_version": 1,
        "extra": [],
        "weekend": [5, 6],
        "announced": True,
    }


# --- strict writing ------------------------------------------------------------------------


class _Foreign:
    pass


@attrs.frozen
class _NotOurs:
    x: int = 1


@pytest.mark.parametrize(
    "value",
    [
        object(),
        _Foreign(),
        _NotOurs(),
        1,
        "text",
        None,
        datetime.date(2025, 1, 1),
        {1: vnadmin.parse_code("1/QĐ-UBND")},
        [vnadmin.parse_code("1/QĐ-UBND"), {1, 2}],
        [float("nan")],
        {"a": _NotOurs()},
    ],
    ids=lambda v: type(v).__name__ if type(v).__repr__ is object.__repr__ else repr(v),
)
def test_writing_anything_else_raises_vnadmin_error(value: object) -> None:
    with pytest.raises(vnadmin.VnAdminError):
        to_json(value)
    with pytest.raises(vnadmin.VnAdminError):
        to_dict(value)


def test_writing_lists_and_dicts_of_values() -> None:
    code = vnadmin.parse_code("1/QĐ-UBND")
    data = json.loads(to_json({"code": code, "valid": True, "n": 1, "items": [code, None]}))
    assert data["code"] == json.loads(to_json(code)) and data["items"][1] is None


# --- strict reading ------------------------------------------------------------------------


def _code_json(**changes: object) -> str:
    data = to_dict(vnadmin.parse_code("12/QĐ-UBND"))
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "path", "why"),
    [
        ('{"number":1,"family":"legacy","issuers":"UBND"}', "$.issuers", "array"),
        ('{"number":1,"family":"LEGACY"}', "$.family", "not a CodeFamily"),
        ('{"number":true,"family":"legacy"}', "$.number", "integer, got a bool"),
        ('{"number":"12","family":"legacy"}', "$.number", "integer, got a string"),
        ('{"number":1.0,"family":"legacy"}', "$.number", "integer"),
        ('{"number":1,"family":"legacy","span":[9,2]}', "$.span", "reversed"),
        ('{"number":1,"family":"legacy","span":[-1,2]}', "$.span", "negative"),
        ('{"number":1,"family":"legacy","span":[1,2,3]}', "$.span", "span"),
        ('{"number":1,"family":"legacy","span":[1,true]}', "$.span", "integers"),
        ('{"number":1,"family":"legacy","source":"\\ud800x"}', "$.source", "surrogate"),
        ('{"number":1,"family":"legacy","issuers":["U\\udfff"]}', "$.issuers[0]", "surrogate"),
        ('{"number":1,"family":"legacy","year":null,"bogus":1}', "$", "unknown key 'bogus'"),
        ('{"number":1}', "$", "missing key 'family'"),
        ('["number", 1]', "$", "expected an object"),
        ("null", "$", "expected an object"),
    ],
)
def test_bad_code_data_is_refused_with_its_path(text: str, path: str, why: str) -> None:
    with pytest.raises(vnadmin.VnAdminError) as info:
        from_json(text, vnadmin.DocumentCode)
    assert str(info.value).startswith(path + ": ") and why in str(info.value)
    assert isinstance(info.value, StructureError) and info.value.path == path


@functools.cache
def _doc_json() -> str:
    for path in TEXTS:
        data = to_dict(parse_document(path.read_text(encoding="utf-8")))
        refs = data.get("references") or [{}]
        if refs[0].get("date") and data.get("spans"):
            return json.dumps(data)
    raise AssertionError("no corpus text with a dated reference")


def _doc_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_doc_json())
    return data


def test_bad_document_data_is_refused_with_its_path() -> None:
    cases: list[tuple[str, Any, str]] = [
        ("references.0.code.number", True, "$.references[0].code.number: expected an integer"),
        ("references.0.code.number", "12", "$.references[0].code.number: expected an integer"),
        ("references.0.span", [9, 2], "$.references[0].span: span [9, 2] is reversed"),
        ("references.0.span", [0, 10**9], "$.references[0].span: span [0, 1000000000] ends beyond"),
        ("references.0.code.family", "NORMATIVE", "$.references[0].code.family: 'NORMATIVE'"),
        ("references.0.date", "2025-13-01", "$.references[0].date: '2025-13-01' is not an ISO"),
        ("references.0.date", 20250101, "$.references[0].date: expected an ISO 8601 date"),
        ("references", {"0": 1}, "$.references: expected an array"),
        ("spans.0", ["code", [1]], "$.spans[0][1]: expected a span"),
        ("spans.0", ["code"], "$.spans[0]: expected an array of 2"),
        ("text", "\ud800" + "x", "$.text: a lone surrogate U+D800"),
    ]
    for where, bad, message in cases:
        data = _doc_data()
        *parents, last = where.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[int(last) if isinstance(node, list) else last] = bad
        with pytest.raises(StructureError) as info:
            from_json(json.dumps(data), Document)
        assert str(info.value).startswith(message), (where, str(info.value))
        with pytest.raises(StructureError):
            from_dict(data, Document)


def test_a_list_is_not_a_document() -> None:
    with pytest.raises(StructureError, match=r"^\$: expected an object"):
        from_json("[]", Document)
    with pytest.raises(StructureError, match=r"^\$: expected an object"):
        from_dict([], Document)


def test_parse_error_data_is_checked() -> None:
    good = {"message": "m", "input": "abc", "span": [0, 3], "reason": "r", "expected": "e"}
    assert from_dict(good, vnadmin.ParseError).span == (0, 3)
    for key, bad in [("span", [0, 4]), ("span", [2, 1]), ("input", 1), ("message", None)]:
        with pytest.raises(StructureError, match=rf"^\$\.{key}: "):
            from_dict({**good, key: bad}, vnadmin.ParseError)
    with pytest.raises(StructureError, match="missing key 'reason'"):
        from_dict({k: v for k, v in good.items() if k != "reason"}, vnadmin.ParseError)


def test_deep_nesting_is_refused_before_anything_recurses() -> None:
    for cls in (Document, vnadmin.DocumentCode, vnadmin.Division, list[vnadmin.Finding]):
        for text in ("[" * 100_000, "[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1"):
            with pytest.raises(vnadmin.VnAdminError):
                from_json(text, cls)
    deep: list[Any] = []
    node = deep
    for _ in range(200_000):  # deeper than the interpreter's recursion limit
        node.append([])
        node = node[0]
    with pytest.raises(StructureError, match="nested deeper than"):
        from_dict(deep, Document)
    with pytest.raises(StructureError, match="nested deeper than"):
        from_dict({"structure": deep}, Document)


def test_a_division_tree_as_deep_as_the_model_allows_is_read() -> None:
    leaf = vnadmin.Division(vnadmin.DivisionKind.POINT, "a", "", (0, 0), (0, 0), ())
    tree = leaf
    for kind in reversed(list(vnadmin.DivisionKind)[:-1]):
        tree = vnadmin.Division(kind, "1", "", (0, 0), (0, 0), (tree,))
    assert from_json(to_json(tree), vnadmin.Division) == tree


def test_non_text_input_to_from_json() -> None:
    with pytest.raises(vnadmin.VnAdminError):
        from_json(12, Document)  # type: ignore[arg-type]
    with pytest.raises(vnadmin.VnAdminError, match="not JSON"):
        from_json(b"\xff", Document)
    with pytest.raises(vnadmin.VnAdminError, match="not JSON"):
        from_json('{"number": ' + "1" * 5000 + "}", vnadmin.DocumentCode)


# --- hostile JSON: only VnAdminError escapes ------------------------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
_KEYS = st.sampled_from(
    ["number", "family", "span", "text", "code", "references", "issuers", "date", "kind"]
)
_JSON_WITH_KEYS = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**6) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(_KEYS | st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=20,
)


def _targets() -> list[Any]:
    return [*_public_attrs_types(), vnadmin.ParseError, list[vnadmin.Finding]]


def _contract(data: object, cls: Any) -> None:
    try:
        value = from_dict(data, cls)
    except vnadmin.VnAdminError:
        pass
    else:
        assert isinstance(value, typing.get_origin(cls) or cls)
    try:
        text = json.dumps(data)
    except (TypeError, ValueError):
        return
    with contextlib.suppress(vnadmin.VnAdminError):
        from_json(text, cls)


@settings(deadline=None)
@given(st.sampled_from(_targets()), _JSON | _JSON_WITH_KEYS)
def test_random_json_raises_only_vnadmin_error(cls: Any, data: object) -> None:
    _contract(data, cls)


def _subtrees(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _subtrees(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data[:3]):
            yield from _subtrees(v, (*path, i))


@settings(deadline=None)  # a whole document is read twice
@given(st.data())
def test_valid_json_with_one_part_replaced_raises_only_vnadmin_error(data: st.DataObject) -> None:
    values = _public_values()
    tp = data.draw(st.sampled_from(_public_attrs_types()), label="type")
    value = data.draw(st.sampled_from(values[tp][:8]), label="value")
    tree = to_dict(value)
    paths = list(_subtrees(tree))
    where = data.draw(st.sampled_from(paths[:400]), label="path")
    replacement = data.draw(_JSON_WITH_KEYS | st.integers() | st.text(), label="replacement")
    if not where:
        tree = replacement
    else:
        node = tree
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = replacement
    _contract(tree, tp)


def test_a_lone_surrogate_is_refused_when_written() -> None:
    """Found by the parse_document fuzz target: to_json wrote what from_json refuses."""
    doc = parse_document("Số: 12/QĐ-UBND\nNội dung \udf93 của văn bản.")
    with pytest.raises(StructureError, match="lone surrogate U\\+DF93"):
        to_json(doc)
    assert isinstance(to_dict(doc), dict)  # (the data itself is still there to inspect)
