"""The JSON dialect's version and its strict JSON Schema (docs/document.schema.json).

Provenance: the documents are tests/data/texts (copied from the shared corpus, see
tests/data/README.md).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import vnadmin
from vnadmin.document import Document
from vnadmin.serialization import SCHEMA_VERSION, StructureError, from_dict, json_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "docs" / "document.schema.json"
TEXTS = sorted((ROOT / "tests" / "data" / "texts").glob("*.txt"))


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def documents() -> list[dict[str, Any]]:
    out = []
    for path in TEXTS:
        doc = vnadmin.parse_document(path.read_text(encoding="utf-8"))
        out.append(json.loads(vnadmin.to_json(doc)))
    return out


def test_committed_schema_is_the_generated_one() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(Document) == vnadmin.document_json_schema()


def test_every_object_is_closed() -> None:
    schema = json_schema(Document)
    objects = [schema, *schema["$defs"].values()]
    assert all(o["additionalProperties"] is False for o in objects)
    assert all(set(o["required"]) <= set(o["properties"]) for o in objects)
    assert schema["required"][0] == "schema_version"


def test_documents_validate(documents: list[dict[str, Any]]) -> None:
    validator = _validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    assert len(documents) >= 10
    for data in documents:
        assert data["schema_version"] == SCHEMA_VERSION
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, errors[:3]


def _with_reference(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return copy.deepcopy(next(d for d in documents if d.get("references")))


def test_an_added_key_fails(documents: list[dict[str, Any]]) -> None:
    validator = _validator(json_schema(Document))
    root = _with_reference(documents)
    root["comment"] = "not vnadmin's"
    assert not validator.is_valid(root)
    nested = _with_reference(documents)
    nested["references"][0]["code"]["colour"] = "blue"
    assert not validator.is_valid(nested)
    # and from_json refuses both, naming where
    with pytest.raises(StructureError) as err:
        from_dict(nested, Document)
    assert err.value.path == "$.references[0].code"


def test_a_deleted_code_fails(documents: list[dict[str, Any]]) -> None:
    validator = _validator(json_schema(Document))
    data = _with_reference(documents)
    del data["references"][0]["code"]
    errors = list(validator.iter_errors(data))
    assert errors
    assert any("'code' is a required property" in e.message for e in errors)
    with pytest.raises(StructureError, match=r"^\$\.references\[0\]: missing key 'code'"):
        from_dict(data, Document)


def test_a_missing_version_fails_validation_but_reads(documents: list[dict[str, Any]]) -> None:
    validator = _validator(json_schema(Document))
    data = copy.deepcopy(documents[0])
    del data["schema_version"]
    assert not validator.is_valid(data)
    assert from_dict(data, Document) == from_dict(documents[0], Document)


@pytest.mark.parametrize("version", [0, 2, "1", True, None])
def test_an_unknown_version_is_refused(documents: list[dict[str, Any]], version: Any) -> None:
    data = dict(documents[0], schema_version=version)
    with pytest.raises(StructureError) as err:
        from_dict(data, Document)
    assert err.value.path == "$.schema_version"
    assert isinstance(err.value, vnadmin.VnAdminError)


def test_version_at_the_top_of_each_value_only() -> None:
    code = vnadmin.parse_code("30/2020/NĐ-CP")
    ref_doc = vnadmin.parse_document("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020.")
    data = vnadmin.to_dict(ref_doc)
    assert next(iter(data)) == "schema_version"
    assert all("schema_version" not in r for r in data.get("references", []))
    listed = vnadmin.to_dict([code, code])
    assert [d["schema_version"] for d in listed] == [1, 1]
    assert vnadmin.from_json(vnadmin.to_json([code]), list[vnadmin.DocumentCode]) == [code]
    keyed = vnadmin.to_dict({"a": code})
    assert keyed["a"]["schema_version"] == 1
    assert vnadmin.from_dict(keyed, dict[str, vnadmin.DocumentCode]) == {"a": code}
    # a version inside a value is an unknown key there
    inner = dict(data)
    if inner.get("references"):
        inner["references"] = [dict(inner["references"][0], schema_version=1)]
        with pytest.raises(StructureError, match="unknown key 'schema_version'"):
            from_dict(inner, Document)


_SIGNED = (
    "BỘ TƯ PHÁP\nSố: 12/BTP-VP\n\nHà Nội, ngày 05 tháng 3 năm 2024\n\n"
    "Kính gửi: Các đơn vị.\n\nNội dung.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn A\n"
)


def test_error_paths_are_attributes() -> None:
    data = json.loads(vnadmin.to_json(vnadmin.parse_document(_SIGNED)))
    assert data["signatures"][0]["chain"][0]["mode"] == "KT"
    assert jsonschema.Draft202012Validator(json_schema(Document)).is_valid(data)
    data["signatures"][0]["chain"][0]["mode"] = "bogus"
    with pytest.raises(StructureError) as err:
        vnadmin.from_json(json.dumps(data), Document)
    assert err.value.path == "$.signatures[0].chain[0].mode"
    assert str(err.value).startswith("$.signatures[0].chain[0].mode: ")
