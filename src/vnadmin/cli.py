"""The ``vnadmin`` command.

* ``vnadmin code CODE...`` / ``-f FILE``: per code, the parsed parts, the canonical
  form and every finding; exit 1 when a code is invalid.
* ``vnadmin lint FILE...``: ``file:line:col: RULE severity message [article] (location)``;
  ``--select``, ``--ignore``; exit 1 when an error-severity finding is reported.
* ``vnadmin parse FILE...``: the :class:`~vnadmin.Document` as JSON (a list for several).
* ``vnadmin refs FILE...``: the references, as a table or JSON.

Files are ``.docx`` drafts, PDFs with a text layer, Word 97 ``.doc`` files or text in
UTF-8/UTF-16, cp1258, TCVN3 or VNI (told apart by content; ``--encoding`` forces a text
encoding); a directory stands for its ``.txt``, ``.docx``, ``.doc`` and ``.pdf`` files,
recursively. A file that cannot be read is reported and skipped; the others go on, and
the command exits 2.
* ``vnadmin tasks FILE...``: every duty (lead, collaborators, action, deadline, working
  days left, status on ``--today``) as a table, JSON or CSV.
* ``vnadmin meeting FILE...``: the meeting each document calls or reports (start, place,
  chair), as a table, JSON or an iCalendar event (``--format ics``, extra ``vnadmin[ics]``);
  exit 1 when a document names no meeting.
* ``vnadmin calendar YEAR``: the public-sector holidays and make-up days.

Every command takes ``--format table|json``; ``-`` reads stdin; at most :data:`MAX_BYTES` (50 MB) from each file unless ``--max-bytes N``
raises (or lowers) the cap: a longer input, or an endless one such as ``/dev/zero``, is
refused with a message.

Exit status: **0** clean; **1** findings (an invalid code, an error-severity lint
finding), or a closed pipe (``| head``); **2** usage or input error (bad arguments, an
unreadable, undecodable or too large file, an output that cannot take the text, any other
:class:`~vnadmin.VnAdminError`); **3** internal error (a bug: the message asks for a report
at :data:`ISSUES`); 130 interrupted (Ctrl-C). No status prints a traceback.

JSON is written through :mod:`vnadmin.serialization` (enums by value, ISO dates, spans as
``[start, end]``), so :func:`vnadmin.from_dict` reads the values back: ``parse`` writes
``to_dict(document)``; ``refs`` and ``calendar`` a list of values; ``lint`` one object per
finding, ``file``, ``line`` and ``column`` added to the finding's own fields (drop those
three before :func:`vnadmin.from_dict`, which refuses unknown keys); ``code`` one
object per input: ``input``, ``valid``, ``canonical``, ``code`` (the
:class:`~vnadmin.DocumentCode`), ``findings`` and ``error`` (a
:class:`~vnadmin.ParseError` as ``message``, ``input``, ``span``, ``reason``,
``expected``; ``null`` when the code was read).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from vnadmin import __version__, codes
from vnadmin.codes.model import DocumentCode
from vnadmin.errors import ParseError, VnAdminError
from vnadmin.findings import Finding, Severity

if TYPE_CHECKING:
    from vnadmin.document import Document

__all__ = ["ISSUES", "MAX_BYTES", "main", "read_text"]

#: The default cap on the bytes read from one input file (``--max-bytes`` changes it).
MAX_BYTES = 50_000_000

#: Where internal errors (exit status 3) should be reported.
ISSUES = "https://github.com/vnadmin/vnadmin/issues"


class InputError(VnAdminError):
    """A file given on the command line cannot be read or decoded, or is too large."""


def read_text(path: str, max_bytes: int = MAX_BYTES) -> str:
    """Read a text file (``-`` = stdin) as UTF-8 or UTF-16 (by BOM); strip a BOM.

    At most ``max_bytes`` are read: a longer input raises :class:`InputError` (and so
    does an endless one: ``/dev/zero``, a FIFO), without reading the rest."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except MemoryError:
        raise InputError(f"cannot read {path}: not enough memory for {max_bytes} bytes") from None
    if len(data) > max_bytes:
        raise InputError(
            f"{path} is larger than {max_bytes} bytes (the cap); give --max-bytes N to read more"
        )
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode {path} as {encoding.upper()} (byte {exc.start}); "
            "save it as UTF-8 or UTF-16"
        ) from None


def _data(value: object) -> Any:
    """``value`` (vnadmin values, lists and dicts of them) as :func:`vnadmin.to_dict` data."""
    from vnadmin.serialization import to_dict

    return to_dict(value)


def _dump(value: object, out: TextIO) -> None:
    """Write ``value`` in the one JSON dialect of :mod:`vnadmin.serialization`."""
    json.dump(_data(value), out, ensure_ascii=False, indent=2)
    out.write("\n")


@attrs.frozen
class _CodeResult:
    input: str
    code: DocumentCode | None
    error: ParseError | None
    findings: tuple[Finding, ...]

    @property
    def valid(self) -> bool:
        return self.code is not None and not any(
            f.severity is Severity.ERROR for f in self.findings
        )

    def as_data(self) -> dict[str, object]:
        """``{"input", "valid", "canonical", "code", "findings", "error"}``: the code,
        the findings and the error as :func:`vnadmin.to_dict` writes them."""
        return {
            "input": self.input,
            "valid": self.valid,
            "canonical": str(self.code) if self.code is not None else None,
            "code": self.code,
            "findings": list(self.findings),
            "error": self.error,
        }


def _code_inputs(args: argparse.Namespace) -> Iterator[str]:
    yield from args.codes
    for path in args.file or ():
        for line in read_text(path, args.max_bytes).splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def _print_code_table(results: Sequence[_CodeResult], out: TextIO) -> None:
    for r in results:
        mark = "ok " if r.valid else "ERR"
        if r.code is None:
            e = r.error
            assert e is not None
            out.write(f"{mark} {r.input}\n    cannot parse: {e.message} ({e.reason}),")
            out.write(f" expected {e.expected} at {e.span[0]}:{e.span[1]}\n")
            continue
        c = r.code
        out.write(f"{mark} {r.input}  →  {c}\n")
        parts = [f"family={c.family.value}", f"number={c.number}"]
        if c.suffix:
            parts.append(f"suffix={c.suffix}")
        if c.year is not None:
            parts.append(f"year={c.year}")
        if c.type_abbr:
            type_name = c.doc_type.name if c.doc_type else "unknown"
            parts.append(f"type={c.type_abbr} ({type_name})")
        if c.issuers:
            parts.append("issuers=" + ",".join(c.issuers))
        if c.units:
            parts.append("units=" + ",".join(c.units))
        if c.term is not None:
            parts.append(f"term={c.term}")
        out.write("    " + "  ".join(parts) + "\n")
        for f in r.findings:
            out.write(f"    {f.rule} {f.severity.value}: {f.message_en} [{f.article}]\n")


def _cmd_code(args: argparse.Namespace, out: TextIO) -> int:
    results = []
    for text in _code_inputs(args):
        try:
            code = codes.parse(text)
        except ParseError as exc:
            results.append(_CodeResult(text, None, exc, ()))
        else:
            results.append(_CodeResult(text, code, None, codes.check(code)))
    if args.format == "json":
        _dump([r.as_data() for r in results], out)
    else:
        _print_code_table(results, out)
    return 0 if all(r.valid for r in results) else 1


def _split(values: Sequence[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


#: The files a directory given on the command line contributes (searched recursively).
EXTENSIONS = (".txt", ".docx", ".doc", ".pdf")


def _expand(paths: Sequence[str]) -> Iterator[str]:
    """The files named, a directory replaced by its files with :data:`EXTENSIONS` (sorted,
    recursively, hidden entries skipped)."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    os.path.join(root, f)
                    for f in files
                    if not f.startswith(".") and f.lower().endswith(EXTENSIONS)
                ]
            yield from sorted(found)
        else:
            yield path


def _read(path: str, args: argparse.Namespace) -> Document:
    """The document in ``path`` (``-`` = stdin): a .docx, PDF, .doc or text file, told
    apart by content (:func:`vnadmin.read_document`)."""
    from vnadmin.reader import read_document

    if path == "-":
        try:
            data = sys.stdin.buffer.read(args.max_bytes + 1)
        except OSError as exc:
            raise InputError(f"cannot read stdin: {exc.strerror or exc}") from None
        if len(data) > args.max_bytes:
            raise InputError(
                f"stdin is larger than {args.max_bytes} bytes (the cap); give --max-bytes N"
            )
        source: Any = data
    else:
        source = path
    from vnadmin.reader import ReadError

    try:
        return read_document(source, encoding=args.encoding, max_bytes=args.max_bytes)
    except ReadError as exc:
        if exc.reason == "too_large":
            raise InputError(
                f"{path} is larger than {args.max_bytes} bytes (the cap); "
                "give --max-bytes N to read more"
            ) from None
        raise InputError(f"{path}: {exc}") from None
    except InputError:
        raise
    except VnAdminError as exc:
        raise InputError(f"{path}: {exc}") from None


class _Lines:
    """Line and column of offsets in one text, each found by a bisection."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def __call__(self, offset: int) -> tuple[int, int]:
        import bisect

        k = bisect.bisect_right(self.starts, offset) - 1
        return k + 1, offset - self.starts[k] + 1


def _documents(args: argparse.Namespace, paths: Sequence[str]) -> Iterator[tuple[str, Document]]:
    """Each file's document; a file that cannot be read is reported on stderr and skipped
    (the command then exits 2 after the others)."""
    for path in _expand(paths):
        try:
            yield path, _read(path, args)
        except VnAdminError as exc:
            sys.stderr.write(f"vnadmin: error: {exc}\n")
            args.input_errors = getattr(args, "input_errors", 0) + 1


def _where(doc: Document, offset: int) -> str:
    """`` (table 1, row 1, column 2, paragraph 4)`` for a document read from a file."""
    if doc.file is None or doc.file.layout.format == "text":
        return ""
    loc = doc.file.locate(offset)
    return f" ({loc.describe()})" if loc is not None else ""


def _status(args: argparse.Namespace, status: int) -> int:
    return 2 if getattr(args, "input_errors", 0) else status


def _cmd_lint(args: argparse.Namespace, out: TextIO) -> int:
    from vnadmin.linter import lint

    select, ignore = _split(args.select), _split(args.ignore)
    failed = False
    report: list[dict[str, object]] = []
    for path, doc in _documents(args, args.files):
        lines = _Lines(doc.text)
        for f in lint(doc, select=select, ignore=ignore):
            line, col = lines(f.span[0]) if f.span else (1, 1)
            failed = failed or f.severity is Severity.ERROR
            if args.format == "json":
                report.append({"file": path, "line": line, "column": col, **_data(f)})
            else:
                message = f.message_vi if args.lang == "vi" else f.message_en
                where = _where(doc, f.span[0]) if f.span else ""
                out.write(
                    f"{path}:{line}:{col}: {f.rule} {f.severity.value} {message} "
                    f"[{f.article}]{where}\n"
                )
    if args.format == "json":
        _dump(report, out)
    return _status(args, 1 if failed else 0)


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    docs = [doc for _, doc in _documents(args, args.files)]
    if len(args.files) == 1 and len(docs) == 1 and not os.path.isdir(args.files[0]):
        _dump(docs[0], out)
    else:
        _dump(docs, out)
    return _status(args, 0)


def _cmd_refs(args: argparse.Namespace, out: TextIO) -> int:
    found: list[object] = []
    for path, doc in _documents(args, args.files):
        if args.format == "json":
            found += doc.references
            continue
        lines = _Lines(doc.text)
        for r in doc.references:
            line, col = lines(r.span[0])
            date = r.date.isoformat() if r.date else "-"
            out.write(
                f"{path}:{line}:{col}\t{r.code}\t{r.type_name or '-'}\t{date}\t"
                f"{r.issuer_text or '-'}\n"
            )
    if args.format == "json":
        _dump(found, out)
    return _status(args, 0)


def _cmd_tasks(args: argparse.Namespace, out: TextIO) -> int:
    import csv
    import datetime as dt

    from vnadmin.calendar import working_days_between
    from vnadmin.tasks import due_day, task_status

    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    rows: list[dict[str, object]] = []
    found: list[object] = []
    for path, doc in _documents(args, args.files):
        for task in doc.tasks:
            if task.execution_clause and not args.all:
                continue
            found.append(task)
            due = due_day(task, today)
            left = None
            if due is not None:
                try:
                    left = working_days_between(today, due) if due >= today else -1
                except VnAdminError:
                    left = None
            rows.append(
                {
                    "file": path,
                    "section": task.section or "",
                    "lead": task.lead.name if task.lead is not None else "",
                    "collaborators": "; ".join(p.name for p in task.collaborators),
                    "action": task.action,
                    "deadline": due.isoformat() if due is not None else "",
                    "working_days_left": "" if left is None else left,
                    "status": task_status(task, today).value,
                    "proposed": task.proposed,
                }
            )
    if args.format == "json":
        _dump(found, out)
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["file"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        for r in rows:
            out.write(
                f"{r['file']}\t{r['section'] or '-'}\t{r['lead'] or '-'}\t"
                f"{r['deadline'] or '-'}\t{r['working_days_left']}\t{r['status']}\t"
                f"{str(r['action'])[:80]}\n"
            )
    return _status(args, 0)


def _cmd_meeting(args: argparse.Namespace, out: TextIO) -> int:
    meetings = []
    for path, doc in _documents(args, args.files):
        meeting = doc.meeting
        if meeting is None:
            sys.stderr.write(f"vnadmin: {path}: no meeting found\n")
            continue
        meetings.append((path, meeting))
    if args.format == "ics":
        from vnadmin.meetings.ics import to_ics

        for _, meeting in meetings:
            out.write(to_ics(meeting).decode("utf-8"))
    elif args.format == "json":
        _dump([m for _, m in meetings], out)
    else:
        for path, m in meetings:
            start = m.start.isoformat() if m.start is not None else "-"
            out.write(f"{path}\t{start}\t{m.place or '-'}\t{'; '.join(m.chair) or '-'}\n")
    return _status(args, 0 if len(meetings) == len(list(_expand(args.files))) else 1)


def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> int:
    from vnadmin.calendar import holidays

    days = holidays(args.year)
    if args.format == "json":
        _dump(list(days), out)
        return 0
    for h in days:
        name = h.name_vi if args.lang == "vi" else h.name_en
        off = "off " if h.is_day_off else "work"
        out.write(f"{h.date.isoformat()} {h.date.strftime('%a')} {off} {h.kind.value:9} {name}")
        out.write(f"  [{h.source}]\n" if h.source else "\n")
    return 0


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes, got {value!r}")
    return n


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--encoding",
        metavar="NAME",
        help="the encoding of text files (utf-8, cp1258, tcvn3, vni …; default: detected)",
    )
    common.add_argument(
        "--max-bytes",
        type=_positive,
        default=MAX_BYTES,
        metavar="N",
        help=f"read at most N bytes of each input file (default {MAX_BYTES})",
    )
    parser = argparse.ArgumentParser(
        prog="vnadmin",
        description="Typed, validated data from Vietnamese administrative documents.",
        epilog="Exit status: 0 clean, 1 findings, 2 usage or input error, 3 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"vnadmin {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_parser = sub.add_parser

    def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return _add_parser(name, parents=[common], **kwargs)

    p = add_parser("code", help="parse and validate document codes (số, ký hiệu)")
    p.add_argument("codes", nargs="*", metavar="CODE", help="codes, e.g. 30/2020/NĐ-CP")
    p.add_argument(
        "-f", "--file", action="append", metavar="FILE", help="one code per line (- = stdin)"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_code)

    p = add_parser("lint", help="lint documents against Decree 30/2020/NĐ-CP")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="documents: .docx, .pdf, .doc, text; directories"
    )
    p.add_argument(
        "--select", action="append", metavar="RULES", help="rule ids or prefixes, comma separated"
    )
    p.add_argument(
        "--ignore", action="append", metavar="RULES", help="rule ids or prefixes to skip"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "vi"), default="en", help="message language")
    p.set_defaults(func=_cmd_lint)

    p = add_parser("parse", help="parse documents into JSON")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="documents: .docx, .pdf, .doc, text; directories"
    )
    p.add_argument("--format", choices=("json",), default="json")
    p.set_defaults(func=_cmd_parse)

    p = add_parser("refs", help="list the references documents make")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="documents: .docx, .pdf, .doc, text; directories"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_refs)

    p = add_parser("tasks", help="the duties documents assign: lead, deadline, status")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="documents: .docx, .pdf, .doc, text; directories"
    )
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the day statuses are reckoned on")
    p.add_argument(
        "--all", action="store_true", help="also the execution clause (… thi hành Quyết định)"
    )
    p.set_defaults(func=_cmd_tasks)

    p = add_parser("meeting", help="the meeting a document calls or reports")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="documents: .docx, .pdf, .doc, text; directories"
    )
    p.add_argument("--format", choices=("table", "json", "ics"), default="table")
    p.set_defaults(func=_cmd_meeting)

    p = add_parser("calendar", help="public-sector holidays and make-up days of a year")
    p.add_argument("year", type=int)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "vi"), default="en")
    p.set_defaults(func=_cmd_calendar)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0, 1, 2 or 3: see the module)."""
    out = out or sys.stdout
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "code" and not args.codes and not args.file:
            parser.error("give at least one CODE or -f FILE")
    except SystemExit as exc:  # --help, --version (0); a usage error (2, message printed)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        status: int = args.func(args, out)
    except VnAdminError as exc:  # unreadable input (InputError), or any error of the library
        sys.stderr.write(f"vnadmin: error: {exc}\n")
        return 2
    except BrokenPipeError:  # `vnadmin lint --format json doc.txt | head`
        # stdout is flushed again at exit: point it at /dev/null so that cannot fail too
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except UnicodeEncodeError as exc:  # an output in an encoding without Vietnamese
        sys.stderr.write(
            f"vnadmin: error: the output cannot take the text ({exc.encoding}); "
            "set PYTHONIOENCODING=utf-8\n"
        )
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("vnadmin: interrupted\n")
        return 130
    except Exception as exc:  # a bug: a message, no traceback, a status of its own
        sys.stderr.write(
            f"vnadmin: internal error: {type(exc).__name__}: {str(exc)[:200]}\n"
            f"vnadmin: this is a bug; please report this at {ISSUES} "
            "(with the command and, if you can, the input)\n"
        )
        return 3
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
