"""The ``vnadmin`` command.

* ``vnadmin code CODE...`` / ``-f FILE``: per code, the parsed parts, the canonical
  form and every finding; exit 1 when a code is invalid.
* ``vnadmin lint FILE...``: ``file:line:col: RULE severity message``; ``--select``,
  ``--ignore``; exit 1 when an error-severity finding is reported.
* ``vnadmin parse FILE``: the :class:`~vnadmin.Document` as JSON.
* ``vnadmin refs FILE``: the references, as a table or JSON.
* ``vnadmin calendar YEAR``: the public-sector holidays and make-up days.

Every command takes ``--format table|json``; ``-`` reads stdin; UTF-8 and UTF-16
files are read. Unreadable or undecodable input gives a message and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from vnadmin import __version__, codes
from vnadmin.codes.model import DocumentCode
from vnadmin.errors import ParseError, VnAdminError
from vnadmin.findings import Finding, Severity

__all__ = ["main", "read_text"]


class InputError(VnAdminError):
    """A file given on the command line cannot be read or decoded."""


def read_text(path: str) -> str:
    """Read a text file (``-`` = stdin) as UTF-8 or UTF-16 (by BOM); strip a BOM."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode {path} as {encoding.upper()} (byte {exc.start}); "
            "save it as UTF-8 or UTF-16"
        ) from None


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "message_vi": f.message_vi,
        "message_en": f.message_en,
        "article": f.article,
        "span": list(f.span) if f.span else None,
    }


def _code_json(text: str, code: DocumentCode | None, error: ParseError | None) -> dict[str, Any]:
    if code is None:
        assert error is not None
        return {
            "input": text,
            "valid": False,
            "error": {
                "reason": error.reason,
                "message": error.message,
                "span": list(error.span),
                "expected": error.expected,
            },
        }
    findings = codes.check(code)
    return {
        "input": text,
        "canonical": str(code),
        "valid": not any(f.severity is Severity.ERROR for f in findings),
        "family": code.family.value,
        "number": code.number,
        "suffix": code.suffix or None,
        "year": code.year,
        "type": code.type_abbr,
        "type_name": code.doc_type.name if code.doc_type else None,
        "issuers": list(code.issuers),
        "units": list(code.units),
        "term": code.term,
        "span": list(code.span),
        "repairs": [
            {"kind": r.kind, "span": list(r.span), "before": r.before, "after": r.after}
            for r in code.repairs
        ],
        "findings": [_finding_json(f) for f in findings],
    }


def _code_inputs(args: argparse.Namespace) -> Iterator[str]:
    yield from args.codes
    for path in args.file or ():
        for line in read_text(path).splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def _print_code_table(results: Sequence[dict[str, Any]], out: TextIO) -> None:
    for r in results:
        mark = "ok " if r["valid"] else "ERR"
        if "error" in r:
            e = r["error"]
            out.write(f"{mark} {r['input']}\n    cannot parse: {e['message']} ({e['reason']}),")
            out.write(f" expected {e['expected']} at {e['span'][0]}:{e['span'][1]}\n")
            continue
        out.write(f"{mark} {r['input']}  →  {r['canonical']}\n")
        parts = [f"family={r['family']}", f"number={r['number']}"]
        if r["suffix"]:
            parts.append(f"suffix={r['suffix']}")
        if r["year"] is not None:
            parts.append(f"year={r['year']}")
        if r["type"]:
            parts.append(f"type={r['type']} ({r['type_name'] or 'unknown'})")
        if r["issuers"]:
            parts.append("issuers=" + ",".join(r["issuers"]))
        if r["units"]:
            parts.append("units=" + ",".join(r["units"]))
        if r["term"] is not None:
            parts.append(f"term={r['term']}")
        out.write("    " + "  ".join(parts) + "\n")
        for f in r["findings"]:
            out.write(f"    {f['rule']} {f['severity']}: {f['message_en']} [{f['article']}]\n")


def _cmd_code(args: argparse.Namespace, out: TextIO) -> int:
    results = []
    for text in _code_inputs(args):
        try:
            results.append(_code_json(text, codes.parse(text), None))
        except ParseError as exc:
            results.append(_code_json(text, None, exc))
    if args.format == "json":
        json.dump(results, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_code_table(results, out)
    return 0 if all(r["valid"] for r in results) else 1


def _split(values: Sequence[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _cmd_lint(args: argparse.Namespace, out: TextIO) -> int:
    from vnadmin.findings import line_col
    from vnadmin.linter import lint

    select, ignore = _split(args.select), _split(args.ignore)
    failed = False
    report: list[dict[str, Any]] = []
    for path in args.files:
        text = read_text(path)
        for f in lint(text, select=select, ignore=ignore):
            line, col = line_col(text, f.span[0]) if f.span else (1, 1)
            failed = failed or f.severity is Severity.ERROR
            if args.format == "json":
                report.append({"file": path, "line": line, "column": col, **_finding_json(f)})
            else:
                message = f.message_vi if args.lang == "vi" else f.message_en
                out.write(
                    f"{path}:{line}:{col}: {f.rule} {f.severity.value} {message} [{f.article}]\n"
                )
    if args.format == "json":
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return 1 if failed else 0


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    from vnadmin.document import parse_document
    from vnadmin.serialization import to_dict

    data = to_dict(parse_document(read_text(args.file)))
    data.pop("text", None)
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def _cmd_refs(args: argparse.Namespace, out: TextIO) -> int:
    from vnadmin.findings import line_col
    from vnadmin.references import find_references
    from vnadmin.serialization import to_dict

    text = read_text(args.file)
    refs = find_references(text)
    if args.format == "json":
        json.dump([to_dict(r) for r in refs], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for r in refs:
        line, col = line_col(text, r.span[0])
        date = r.date.isoformat() if r.date else "-"
        out.write(f"{line}:{col}\t{r.code}\t{r.type_name or '-'}\t{date}\t{r.issuer_text or '-'}\n")
    return 0


def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> int:
    from vnadmin.calendar import holidays
    from vnadmin.serialization import to_dict

    days = holidays(args.year)
    if args.format == "json":
        json.dump([to_dict(h) for h in days], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for h in days:
        name = h.name_vi if args.lang == "vi" else h.name_en
        off = "off " if h.is_day_off else "work"
        out.write(f"{h.date.isoformat()} {h.date.strftime('%a')} {off} {h.kind.value:9} {name}")
        out.write(f"  [{h.source}]\n" if h.source else "\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnadmin",
        description="Typed, validated data from Vietnamese administrative documents.",
    )
    parser.add_argument("--version", action="version", version=f"vnadmin {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("code", help="parse and validate document codes (số, ký hiệu)")
    p.add_argument("codes", nargs="*", metavar="CODE", help="codes, e.g. 30/2020/NĐ-CP")
    p.add_argument(
        "-f", "--file", action="append", metavar="FILE", help="one code per line (- = stdin)"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_code)

    p = sub.add_parser("lint", help="lint documents against Decree 30/2020/NĐ-CP")
    p.add_argument("files", nargs="+", metavar="FILE", help="document text files (- = stdin)")
    p.add_argument(
        "--select", action="append", metavar="RULES", help="rule ids or prefixes, comma separated"
    )
    p.add_argument(
        "--ignore", action="append", metavar="RULES", help="rule ids or prefixes to skip"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "vi"), default="en", help="message language")
    p.set_defaults(func=_cmd_lint)

    p = sub.add_parser("parse", help="parse a document into JSON")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("json",), default="json")
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser("refs", help="list the references a document makes")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_refs)

    p = sub.add_parser("calendar", help="public-sector holidays and make-up days of a year")
    p.add_argument("year", type=int)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "vi"), default="en")
    p.set_defaults(func=_cmd_calendar)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "code" and not args.codes and not args.file:
        parser.error("give at least one CODE or -f FILE")
    try:
        status: int = args.func(args, out)
    except InputError as exc:
        sys.stderr.write(f"vnadmin: error: {exc}\n")
        return 2
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
