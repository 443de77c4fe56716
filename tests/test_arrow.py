"""vnadmin.arrow: columns of codes and of documents give the row API's values."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnadmin
from vnadmin import codes
from vnadmin.errors import ParseError, VnAdminError

pa = pytest.importorskip("pyarrow")

from vnadmin.arrow import (  # noqa: E402
    CODE_FIELDS,
    code_struct_type,
    documents_table,
    is_valid_codes,
    parse_codes,
)

from .conftest import read_tsv  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from _arrow_data import real_shaped  # noqa: E402

TEXTS = sorted((Path(__file__).parent / "data" / "texts").glob("*.txt"))
CORPUS = [row["code"] for row in read_tsv("codes.tsv")]
JUNK = [
    "",
    " ",
    "junk",
    "Số:",
    "Số: 12/QĐ-UBND",
    "5/QĐ-UBND",
    "005/QĐ-UBND",
    "30/2020/NĐ-CP.",
    "30/2020/NĐ-CP;  ",
    "Không số",
    "12a/QĐ",
    "1234567890/QĐ-UBND",
    "12/",
    "12-",
    "/QĐ-UBND",
    "12/2099/NĐ-CP",
    "12/QĐ UBND",
    "12 /QĐ-UBND",
    "١٢/QĐ-UBND",
    "12/qđ-ubnd",
    "12/QĐ-UBND\u200b",
    "12/QĐ-UBND extra words here",
]


def expected(text: str | None) -> dict[str, object] | None:
    """The row API, spelled out: parse_code and codes.is_valid."""
    if text is None:
        return None
    try:
        c = vnadmin.parse_code(text)
    except ParseError as exc:
        row: dict[str, object] = dict.fromkeys(CODE_FIELDS)
        row.update(valid=codes.is_valid(text), error=exc.reason)
        return row
    return {
        "canonical": str(c),
        "number": c.number,
        "suffix": c.suffix,
        "year": c.year,
        "type_abbr": c.type_abbr,
        "type_name": None if c.doc_type is None else c.doc_type.name,
        "family": c.family.value,
        "issuers": list(c.issuers),
        "units": list(c.units),
        "unit": c.unit,
        "term": c.term,
        "valid": codes.is_valid(text),
        "error": None,
    }


@pytest.mark.parametrize("dictionary", [False, True])
def test_corpus_codes_junk_and_nulls_as_the_row_api(dictionary: bool) -> None:
    data = [*CORPUS, *JUNK, None, *[None] * 3]
    out = parse_codes(pa.array(data, type=pa.string()), dictionary=dictionary)
    assert out.type == code_struct_type(dictionary=dictionary)
    assert isinstance(out, pa.StructArray)
    assert len(out) == len(data)
    assert out.to_pylist() == [expected(s) for s in data]
    assert out.null_count == 4


def test_numbers_varied_on_every_corpus_tail() -> None:
    tails = [c[len(c) - len(c.lstrip("0123456789")) :] for c in CORPUS]
    data = [f"{n}{t}" for n in ("1", "07", "007", "10", "123", "999999999") for t in tails]
    assert parse_codes(data).to_pylist() == [expected(s) for s in data]


def test_real_shaped_sample() -> None:
    data = real_shaped(5000, seed=3)
    want = [expected(s) for s in data]
    assert parse_codes(data).to_pylist() == want
    assert parse_codes(data, dictionary=True).to_pylist() == want


_code_like = st.one_of(
    st.sampled_from(CORPUS),
    st.builds(
        lambda n, c: str(n) + c[len(c) - len(c.lstrip("0123456789")) :],
        st.integers(0, 10**10),
        st.sampled_from(CORPUS),
    ),
    st.text(alphabet="0123456789/-QĐUBNDđ .,;:Số\u200b", max_size=20),
    st.text(max_size=12),
    st.none(),
)


@settings(max_examples=60)
@given(st.lists(_code_like, max_size=30))
def test_any_column_as_the_row_api(data: list[str | None]) -> None:
    assert parse_codes(data).to_pylist() == [expected(s) for s in data]
    assert is_valid_codes(data).to_pylist() == [
        None if s is None else codes.is_valid(s) for s in data
    ]


def test_inputs_of_every_kind() -> None:
    data = ["30/2020/NĐ-CP", None, "junk", "05/QĐ-UBND"]
    want = parse_codes(data).to_pylist()
    assert parse_codes(pa.array(data, type=pa.large_string())).to_pylist() == want
    assert parse_codes(pa.chunked_array([data[:2], data[2:]])).to_pylist() == want
    assert parse_codes(pa.array(data).dictionary_encode()).to_pylist() == want
    assert parse_codes(iter(data)).to_pylist() == want
    assert parse_codes([]).to_pylist() == []
    assert parse_codes([None, None]).to_pylist() == [None, None]
    assert parse_codes([None, None], dictionary=True).to_pylist() == [None, None]
    pl = pytest.importorskip("polars")
    assert parse_codes(pl.Series(data)).to_pylist() == want
    pd = pytest.importorskip("pandas")
    assert parse_codes(pd.Series(data)).to_pylist() == want


def test_slices_and_offsets_read_the_right_bytes() -> None:
    """The numbers are read from the strings' bytes: a slice (an offset into shared
    buffers), a large or view string column, and codes at the very end of the data
    buffer give the row API's values."""
    tails = ["/QĐ-UBND", "/2020/NĐ-CP", "-QĐ", "/NĐCP"]
    data = [
        *real_shaped(600, seed=7),
        *[f"{n}{t}" for n in ("7", "007", "42", "123456789", "0") for t in tails],
        "12",
        "",
        "9/QĐ-UBND",
    ]
    arr = pa.array(data, type=pa.string())
    for lo, hi in [(0, len(data)), (1, len(data)), (333, len(data) - 1), (len(data) - 1, None)]:
        part = arr[lo:hi]
        want = [expected(s) for s in data[lo:hi]]
        assert part.offset == lo
        assert parse_codes(part).to_pylist() == want
        assert parse_codes(part.cast(pa.large_string())).to_pylist() == want
        try:
            view = part.cast(pa.string_view())
        except pa.ArrowNotImplementedError:  # pyarrow < 17 casts to no string view
            continue
        assert parse_codes(view).to_pylist() == want
    assert parse_codes(["", "", None]).to_pylist() == [expected(""), expected(""), None]


@pytest.mark.parametrize("bad", [42, "30/2020/NĐ-CP", [1, 2], b"bytes"])
def test_not_a_column_raises_vnadmin_error(bad: object) -> None:
    with pytest.raises(VnAdminError):
        parse_codes(bad)


def test_is_valid_codes() -> None:
    data = [*CORPUS, *JUNK, None]
    out = is_valid_codes(data)
    assert out.type == pa.bool_()
    assert out.to_pylist() == [None if s is None else codes.is_valid(s) for s in data]


def test_memory_within_twice_input_plus_output() -> None:
    """Peak Arrow memory of parse_codes (a pool that counts only its own allocations)
    is within 2x the input's and the output's Arrow size; measured at 1 M rows too
    (benchmarks/bench_arrow.py: 1.2x)."""
    arr = pa.array(real_shaped(50_000, seed=5))
    parse_codes(arr[:100])  # the memos warm, as in any long run
    old = pa.default_memory_pool()
    pool = pa.proxy_memory_pool(old)
    pa.set_memory_pool(pool)
    try:
        out = parse_codes(arr)
        peak, size = pool.max_memory(), arr.nbytes + out.nbytes
        del out  # freed while its pool is alive
    finally:
        pa.set_memory_pool(old)
    assert peak <= 2 * size


# --- documents --------------------------------------------------------------------------


def expected_row(doc: vnadmin.Document) -> dict[str, object]:
    sig = doc.signature
    rec = doc.recipients
    return {
        "code": None if doc.code is None else str(doc.code),
        "type": doc.type_name,
        "date": doc.date,
        "issuer": doc.issuer,
        "issuer_parents": list(doc.issuer_parents),
        "signer": None if sig is None else sig.signer_name,
        "signing_modes": [] if sig is None else [a.mode.value for a in sig.chain],
        "recipient_count": None if rec is None else len(rec.entries),
        "archive_units": None if rec is None or rec.archive is None else list(rec.archive.units),
        "references": [str(r.code) for r in doc.references],
        "reference_spans": [r.span for r in doc.references],
        "tasks": [t.action for t in doc.tasks],
        "deadlines": [(d.kind.value, d.due, d.text) for d in doc.deadlines],
    }


def table_row(row: dict[str, object]) -> dict[str, object]:
    refs = row["references"]
    assert isinstance(refs, list)
    tasks, deadlines = row["tasks"], row["deadlines"]
    assert isinstance(tasks, list) and isinstance(deadlines, list)
    out = {k: row[k] for k in ("code", "type", "date", "issuer", "issuer_parents", "signer")}
    out.update(
        signing_modes=row["signing_modes"],
        recipient_count=row["recipient_count"],
        archive_units=row["archive_units"],
        references=[r["code"] for r in refs],
        reference_spans=[(r["start"], r["end"]) for r in refs],
        tasks=[t["action"] for t in tasks],
        deadlines=[(d["kind"], d["due"], d["text"]) for d in deadlines],
    )
    return out


def test_documents_table_as_the_row_api() -> None:
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    table = documents_table(texts)
    assert table.num_rows == len(texts)
    assert table.column("source").to_pylist() == list(range(len(texts)))
    rows = table.to_pylist()
    for text, row in zip(texts, rows, strict=True):
        assert row["error"] is None
        assert table_row(row) == expected_row(vnadmin.parse_document(text))
    assert any(r["references"] for r in rows) and any(r["deadlines"] for r in rows)


def test_documents_table_from_paths_bytes_and_processes() -> None:
    table = documents_table(TEXTS[:4])
    docs = [(k, d) for k, p in enumerate(TEXTS[:4]) for d in vnadmin.read_documents(p)]
    assert table.column("source").to_pylist() == [k for k, _ in docs]
    for row, (_, doc) in zip(table.to_pylist(), docs, strict=True):
        assert table_row(row) == expected_row(doc)
    data = [p.read_bytes() for p in TEXTS[:4]]
    assert documents_table(data, processes=2) == documents_table(data) == table
    bad = documents_table([b"\x00\x01 not a document \xff" * 3, TEXTS[0]]).to_pylist()
    assert bad[0]["error"] is not None and bad[0]["code"] is None
    assert bad[-1]["source"] == 1 and bad[-1]["error"] is None


# --- pickling -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_document_pickles_compactly(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = vnadmin.parse_document(text)
    blob = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(blob) <= 1.5 * len(text.encode("utf-8"))
    back = pickle.loads(blob)
    assert back == doc and back.text == doc.text and back.spans == doc.spans
    assert [r.text for r in back.references] == [r.text for r in doc.references]
    assert back.body == doc.body and (back.body is None or back.body.text == doc.body.text)
    for r in back.references:
        t = r.code.doc_type
        if t is not None:
            assert t is vnadmin.default_registry.type_by_name(t.name, t.category)


def test_code_pickle_shares_the_registry_type() -> None:
    code = vnadmin.parse_code("30/2020/NĐ-CP")
    back = pickle.loads(pickle.dumps(code))
    assert back == code and back.doc_type is code.doc_type
    own = vnadmin.registry.DocumentType(
        "ZZ", vnadmin.registry.DocCategory.ADMINISTRATIVE, "Zz", "Zz", "none"
    )
    assert pickle.loads(pickle.dumps(own)) == own
