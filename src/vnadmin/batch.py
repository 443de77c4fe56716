"""Many documents at once: :func:`parse_documents`, and the ``vnadmin extract`` command.

:func:`parse_documents` streams results in input order, in this process or in worker
processes. What it yields:

* ``rows=True``: one flat :func:`document_row` dict per document (the columns of
  :func:`vnadmin.arrow.documents_table`, plain Python values: ``str``, ``int``,
  :class:`datetime.date`, lists and dicts of them). Worker processes build the rows
  themselves, so only these small dicts cross the process boundary.
* ``rows=False`` (the default): :class:`~vnadmin.Document` values. From worker processes a
  document comes back as its compact pickle (:meth:`vnadmin.Document.__reduce__`: its text
  once, and its parts without their copies of that text), never as the default graph of
  pickled objects, and its document types are the registry's own again.

A source is a text (``str``), or a file (a path or the file's ``bytes``, read through
:func:`vnadmin.read_documents`: a file holding several documents gives several). A file
that cannot be read raises its :class:`~vnadmin.VnAdminError` at its place in the stream
(``rows=False``), or gives one row whose ``error`` column holds the message (``rows=True``).

>>> rows = list(parse_documents(["Số: 12/QĐ-UBND\\nQUYẾT ĐỊNH\\nVề việc x\\n"], rows=True))
>>> rows[0]["code"], rows[0]["type"], rows[0]["error"]
('12/QĐ-UBND', 'Quyết định', None)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sized
from pathlib import Path
from typing import Any, TextIO

from vnadmin.document import Document, parse_document
from vnadmin.errors import VnAdminError

__all__ = ["ROW_FIELDS", "add_parser", "document_row", "parse_documents", "run"]

#: A source: a document's text, or a file's path or bytes.
BatchSource = str | bytes | os.PathLike[str]
#: ``progress(done, total)``: sources done so far, and how many there are (``None`` when
#: the input has no length).
Progress = Callable[[int, int | None], object]

#: The keys of a :func:`document_row`, in column order.
ROW_FIELDS = (
    "source",
    "part",
    "error",
    "code",
    "blank_code",
    "type",
    "date",
    "place",
    "issuer",
    "issuer_parents",
    "summary",
    "urgency",
    "secrecy",
    "signer",
    "signer_title",
    "signing_modes",
    "recipient_count",
    "archive_units",
    "references",
    "tasks",
    "deadlines",
)


def _due(deadline: Any) -> dt.datetime | None:
    return None if deadline is None else deadline.due


def document_row(doc: Document, source: int = 0, part: int = 0) -> dict[str, Any]:
    """One document as a flat row (:data:`ROW_FIELDS`): ``source`` is the index of its
    source in the input, ``part`` its index among the documents of that source.

    ``code`` is ``str(doc.code)``; ``signer``, ``signer_title`` and ``signing_modes`` (mode
    values, outermost first) are the main signature's; ``recipient_count`` counts the Nơi
    nhận entries without the Lưu entry, whose units are ``archive_units`` (``None`` when
    there is no such list or entry); ``references``, ``tasks`` and ``deadlines`` are lists
    of dicts with their spans as ``start``/``end``.
    """
    sig = doc.signature
    rec = doc.recipients
    return {
        "source": source,
        "part": part,
        "error": None,
        "code": None if doc.code is None else str(doc.code),
        "blank_code": None if doc.blank_code is None else str(doc.blank_code),
        "type": doc.type_name,
        "date": doc.date,
        "place": doc.place,
        "issuer": doc.issuer,
        "issuer_parents": list(doc.issuer_parents),
        "summary": doc.summary,
        "urgency": None if doc.urgency is None else doc.urgency.value,
        "secrecy": None if doc.secrecy is None else doc.secrecy.value,
        "signer": None if sig is None else sig.signer_name,
        "signer_title": None if sig is None else sig.signer_title,
        "signing_modes": [] if sig is None else [m.value for m in sig.modes],
        "recipient_count": None if rec is None else len(rec.entries),
        "archive_units": None if rec is None or rec.archive is None else list(rec.archive.units),
        "references": [
            {
                "code": str(r.code),
                "type": r.type_name,
                "date": r.date,
                "issuer": r.issuer_text,
                "start": r.span[0],
                "end": r.span[1],
            }
            for r in doc.references
        ],
        "tasks": [
            {
                "lead": None if t.lead is None else t.lead.name,
                "collaborators": [p.name for p in t.collaborators],
                "action": t.action,
                "due": _due(t.deadline),
                "start": t.span[0],
                "end": t.span[1],
            }
            for t in doc.tasks
        ],
        "deadlines": [
            {
                "kind": d.kind.value,
                "due": d.due,
                "text": d.text,
                "start": d.span[0],
                "end": d.span[1],
            }
            for d in doc.deadlines
        ],
    }


def _error_row(source: int, exc: VnAdminError) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ROW_FIELDS)
    row.update(source=source, part=0, error=str(exc))
    row.update(issuer_parents=[], signing_modes=[], references=[], tasks=[], deadlines=[])
    return row


def _documents(source: BatchSource) -> tuple[Document, ...]:
    if isinstance(source, str):
        return (parse_document(source),)
    if isinstance(source, (bytes, bytearray, memoryview, os.PathLike)):
        from vnadmin.reader import read_documents

        return read_documents(bytes(source) if not isinstance(source, os.PathLike) else source)
    raise VnAdminError(f"a source is a text, a path or bytes, not {type(source).__name__}")


def _portable(exc: VnAdminError) -> VnAdminError:
    """``exc``, or a plain :class:`VnAdminError` with its message when it would not come
    back whole from a worker process."""
    import pickle

    try:
        back = pickle.loads(pickle.dumps(exc))
    except Exception:
        back = None
    return exc if isinstance(back, VnAdminError) else VnAdminError(str(exc))


def _work(item: tuple[int, BatchSource, bool]) -> list[Any]:
    """One source, in a worker (or here): its rows, or its documents, or its error."""
    index, source, rows = item
    try:
        docs = _documents(source)
    except VnAdminError as exc:
        return [_error_row(index, exc)] if rows else [_portable(exc)]
    if rows:
        return [document_row(d, index, k) for k, d in enumerate(docs)]
    return list(docs)


def parse_documents(
    sources: Iterable[BatchSource],
    *,
    processes: int | None = None,
    chunksize: int = 4,
    progress: Progress | None = None,
    rows: bool = False,
) -> Iterator[Any]:
    """Parse many documents, streaming the results in input order (see the module's
    docstring for what is yielded). ``processes`` > 1 parses in that many worker
    processes (``None`` or 1: in this process), ``chunksize`` sources at a time;
    ``progress(done, total)`` is called after each source. Raises
    :class:`~vnadmin.VnAdminError` for a bad argument.
    """
    if processes is not None and (not isinstance(processes, int) or processes < 1):
        raise VnAdminError(f"processes must be a positive number, not {processes!r}")
    if not isinstance(chunksize, int) or chunksize < 1:
        raise VnAdminError(f"chunksize must be a positive number, not {chunksize!r}")
    total = len(sources) if isinstance(sources, Sized) else None
    items = ((k, s, rows) for k, s in enumerate(sources))
    if processes is None or processes == 1:
        results: Iterable[list[Any]] = map(_work, items)
        yield from _stream(results, total, progress)
        return
    import multiprocessing

    with multiprocessing.get_context().Pool(processes) as pool:
        yield from _stream(pool.imap(_work, items, chunksize), total, progress)


def _stream(
    results: Iterable[list[Any]], total: int | None, progress: Progress | None
) -> Iterator[Any]:
    for done, batch in enumerate(results, 1):
        for value in batch:
            if isinstance(value, VnAdminError):
                raise value
            yield value
        if progress is not None:
            progress(done, total)


# --- the command ----------------------------------------------------------------------


def add_parser(subparsers: Any, **kwargs: Any) -> argparse.ArgumentParser:
    """Add ``extract`` to an ``argparse`` sub-parser set (``kwargs`` go to
    ``add_parser``, e.g. ``parents=[common]``); its function is :func:`run`."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "extract", help="documents to one row each: a Parquet or JSON Lines file", **kwargs
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of documents")
    p.add_argument(
        "--to", required=True, metavar="OUT", help="out.parquet (vnadmin[arrow]) or out.jsonl"
    )
    p.add_argument("--processes", type=int, default=None, help="worker processes")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=run)
    return p


def _files(paths: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        else:
            out.append(path)
    return out


def _json_default(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)  # pragma: no cover - rows hold only these


def run(args: argparse.Namespace, out: TextIO) -> int:
    """``vnadmin extract PATH… --to OUT``: one row per document (:func:`document_row`, a
    ``source_path`` column added), progress on stderr; 2 when a file could not be read (the CLI's input error)."""
    files = _files(args.paths)
    to = Path(args.to)
    if to.suffix not in (".parquet", ".jsonl"):
        raise VnAdminError(f"--to must end in .parquet or .jsonl, not {to.name!r}")
    err = sys.stderr

    tty = err.isatty()

    def show(done: int, total: int | None) -> None:
        # (on a terminal, one line rewritten; in a log, every 100th file and the last)
        if not args.quiet and (tty or done == total or done % 100 == 0):
            end = "\n" if done == total or not tty else ""
            lead = "\r" if tty else ""
            print(f"{lead}extract: {done}/{total} files", end=end, file=err, flush=True)

    stream = parse_documents(files, processes=args.processes, progress=show, rows=True)
    failed = 0
    count = 0
    if to.suffix == ".jsonl":
        with open(to, "w", encoding="utf-8") as fh:
            for row in stream:
                row = {"source_path": str(files[row["source"]]), **row}
                failed += row["error"] is not None
                count += 1
                fh.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
    else:
        from vnadmin.arrow._documents import write_parquet

        def counted() -> Iterator[dict[str, Any]]:
            nonlocal failed, count
            for row in stream:
                failed += row["error"] is not None
                count += 1
                yield {"source_path": str(files[row["source"]]), **row}

        write_parquet(counted(), to)
    print(f"{count} documents from {len(files)} files to {to} ({failed} failed)", file=out)
    return 2 if failed else 0  # (a file that could not be read: an input error)
