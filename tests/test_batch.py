"""parse_documents (streamed, in order, worker processes) and ``vnadmin extract``."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

import vnadmin
from vnadmin.batch import ROW_FIELDS, add_parser, document_row, parse_documents, run
from vnadmin.errors import VnAdminError

TEXTS = sorted((Path(__file__).parent / "data" / "texts").glob("*.txt"))


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in TEXTS]


def test_documents_in_input_order_with_progress() -> None:
    seen: list[tuple[int, int | None]] = []
    docs = list(parse_documents(texts(), progress=lambda d, t: seen.append((d, t))))
    assert docs == [vnadmin.parse_document(t) for t in texts()]
    assert seen == [(k, len(TEXTS)) for k in range(1, len(TEXTS) + 1)]


def test_worker_processes_give_the_same_stream() -> None:
    data = texts()[:6]
    assert list(parse_documents(data, processes=2, chunksize=2)) == list(parse_documents(data))
    rows = list(parse_documents(iter(data), processes=2, rows=True))
    assert rows == [document_row(vnadmin.parse_document(t), k) for k, t in enumerate(data)]
    assert all(list(r) == list(ROW_FIELDS) for r in rows)
    docs = list(parse_documents(data[:2], processes=2))
    for doc in docs:  # rebuilt from the compact pickle: the registry's own types
        assert doc.doc_type is None or doc.doc_type is vnadmin.default_registry.type_by_name(
            doc.doc_type.name, doc.doc_type.category
        )


def test_a_bad_file_raises_at_its_place_or_gives_an_error_row() -> None:
    stream = parse_documents([texts()[0], b"\x00\x01\xff" * 5])
    assert isinstance(next(stream), vnadmin.Document)
    with pytest.raises(VnAdminError):
        next(stream)
    stream = parse_documents([texts()[0], b"\x00\x01\xff" * 5], processes=2)
    assert isinstance(next(stream), vnadmin.Document)
    with pytest.raises(VnAdminError):
        next(stream)
    rows = list(parse_documents([b"\x00\x01\xff" * 5, texts()[0]], rows=True))
    assert rows[0]["error"] and rows[1]["error"] is None and rows[1]["source"] == 1


@pytest.mark.parametrize("kwargs", [{"processes": 0}, {"processes": "2"}, {"chunksize": 0}])
def test_bad_arguments(kwargs: dict[str, object]) -> None:
    with pytest.raises(VnAdminError):
        list(parse_documents(["x"], **kwargs))  # type: ignore[arg-type]
    with pytest.raises(VnAdminError):
        list(parse_documents([42]))  # type: ignore[list-item]


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["extract", *argv])


def test_extract_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    to = tmp_path / "out.jsonl"
    folder = tmp_path / "in"
    folder.mkdir()
    for p in TEXTS[:3]:
        (folder / p.name).write_bytes(p.read_bytes())
    assert run(_args(str(folder), str(TEXTS[3]), "--to", str(to)), out) == 0
    lines = [json.loads(line) for line in to.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source_path"]).name for r in lines] == [p.name for p in TEXTS[:4]]
    want = [vnadmin.read_document(p) for p in TEXTS[:4]]
    assert [r["code"] for r in lines] == [d.code and str(d.code) for d in want]
    assert [r["date"] for r in lines] == [d.date and d.date.isoformat() for d in want]
    assert "4 documents from 4 files" in out.getvalue()
    assert "extract: 4/4 files" in capsys.readouterr().err


def test_extract_parquet_with_processes(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    to = tmp_path / "out.parquet"
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\xff" * 5)
    argv = (*map(str, TEXTS[:3]), str(bad), "--to", str(to), "--processes", "2", "--quiet")
    assert run(_args(*argv), io.StringIO()) == 2  # one file could not be read (an input error)
    table = pq.read_table(to)
    assert table.num_rows == 4
    assert table.column("error").to_pylist()[:3] == [None] * 3
    assert table.column("code").to_pylist()[:3] == [
        str(vnadmin.read_document(p).code) for p in TEXTS[:3]
    ]


def test_extract_refuses_another_format(tmp_path: Path) -> None:
    with pytest.raises(VnAdminError):
        run(_args(str(TEXTS[0]), "--to", str(tmp_path / "out.csv")), io.StringIO())
