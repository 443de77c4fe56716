"""Documents, one row each: :func:`documents_table` (and the Parquet writer of
``vnadmin extract``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from vnadmin._extras import require
from vnadmin.batch import ROW_FIELDS, BatchSource, Progress, parse_documents

__all__ = ["document_schema", "documents_table", "write_parquet"]

_BATCH = 256


def document_schema(*, source_path: bool = False) -> Any:
    """The ``pyarrow`` schema of :func:`documents_table` (its columns are
    :data:`vnadmin.batch.ROW_FIELDS`; ``source_path`` first when asked)."""
    pa = require("pyarrow", "arrow", "a table of documents")
    s, i32 = pa.string(), pa.int32()
    ts = pa.timestamp("us", tz="+07:00")  # deadlines are Vietnam time (UTC+7)
    reference = pa.struct(
        [
            ("code", s),
            ("type", s),
            ("date", pa.date32()),
            ("issuer", s),
            ("start", i32),
            ("end", i32),
        ]
    )
    task = pa.struct(
        [
            ("lead", s),
            ("collaborators", pa.list_(s)),
            ("action", s),
            ("due", ts),
            ("start", i32),
            ("end", i32),
        ]
    )
    deadline = pa.struct([("kind", s), ("due", ts), ("text", s), ("start", i32), ("end", i32)])
    types = {
        "source": pa.int64(),
        "part": i32,
        "date": pa.date32(),
        "issuer_parents": pa.list_(s),
        "signing_modes": pa.list_(s),
        "recipient_count": i32,
        "archive_units": pa.list_(s),
        "references": pa.list_(reference),
        "tasks": pa.list_(task),
        "deadlines": pa.list_(deadline),
    }
    fields = [(name, types.get(name, s)) for name in ROW_FIELDS]
    if source_path:
        fields.insert(0, ("source_path", s))
    return pa.schema(fields)


def _batches(rows: Iterable[dict[str, Any]], schema: Any) -> Iterator[Any]:
    pa = require("pyarrow", "arrow", "a table of documents")
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= _BATCH:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)


def documents_table(
    sources: Iterable[BatchSource],
    *,
    processes: int | None = None,
    progress: Progress | None = None,
) -> Any:
    """One row per document (:func:`vnadmin.batch.document_row`), as a ``pyarrow.Table``
    with :func:`document_schema`. ``sources`` are texts, paths or bytes (files are read
    through :func:`vnadmin.read_documents`; one that cannot be read gives a row with its
    ``error``); ``processes`` > 1 parses in worker processes
    (:func:`vnadmin.parse_documents`). Needs ``vnadmin[arrow]``.

    >>> t = documents_table(["Số: 12/QĐ-UBND\\nQUYẾT ĐỊNH\\nVề việc x\\n"])
    >>> t.num_rows, t.column("code").to_pylist(), t.column("type").to_pylist()
    (1, ['12/QĐ-UBND'], ['Quyết định'])
    """
    pa = require("pyarrow", "arrow", "a table of documents")
    schema = document_schema()
    rows = parse_documents(sources, processes=processes, progress=progress, rows=True)
    return pa.Table.from_batches(list(_batches(rows, schema)), schema=schema)


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path) -> None:
    """Write rows (with ``source_path``) to a Parquet file, a batch at a time."""
    pq = require("pyarrow.parquet", "arrow", "writing Parquet")
    schema = document_schema(source_path=True)
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(rows, schema):
            writer.write_batch(batch)
