"""The commands ``code``, ``parse``, ``refs``, ``tasks``, ``meeting`` and ``calendar``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

import attrs

from vnadmin import codes
from vnadmin.cli._config import UsageError
from vnadmin.cli._inputs import Lines, documents, read_text
from vnadmin.cli._output import dump
from vnadmin.cli._registry import command, status
from vnadmin.codes.model import DocumentCode
from vnadmin.errors import ParseError, VnAdminError
from vnadmin.findings import Finding, Severity

__all__ = ["CALENDAR_YEARS"]

#: The years ``vnadmin calendar`` lists: from 1995, when the first Labour Code (Bộ luật
#: Lao động 1994, its public holidays in Điều 73) took effect, to 2200, where the lunar
#: table of :mod:`vnadmin.calendar` ends (without it there is no Tết to place). Later
#: codes: BLLĐ 2012 (Điều 115, from 2013), BLLĐ 2019 (Điều 112, from 2021).
CALENDAR_YEARS = range(1995, 2201)


# --- code ------------------------------------------------------------------------------


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


def _print_code_table(results: Sequence[_CodeResult], out: TextIO, lang: str) -> None:
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
            message = f.message_vi if lang == "vi" else f.message_en
            out.write(f"    {f.rule} {f.severity.value}: {message} [{f.article}]\n")


def _code_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("codes", nargs="*", metavar="CODE", help="codes, e.g. 30/2020/NĐ-CP")
    p.add_argument(
        "-f", "--file", action="append", metavar="FILE", help="one code per line (- = stdin)"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "vi"), help="message language (default: en)")


@command(
    "code",
    "parse and validate document codes (số, ký hiệu)",
    arguments=_code_arguments,
    documents=False,
)
def _code(args: argparse.Namespace, out: TextIO) -> int:
    if not args.codes and not args.file:
        raise UsageError("give at least one CODE or -f FILE")
    results = []
    for text in _code_inputs(args):
        try:
            code = codes.parse(text)
        except ParseError as exc:
            results.append(_CodeResult(text, None, exc, ()))
        else:
            results.append(_CodeResult(text, code, None, codes.check(code)))
    if args.format == "json":
        dump([r.as_data() for r in results], out)
    else:
        _print_code_table(results, out, args.lang)
    return 0 if all(r.valid for r in results) else 1


# --- parse, refs -----------------------------------------------------------------------


def _json_only(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("json",), default="json")


@command("parse", "parse documents into JSON", arguments=_json_only)
def _parse(args: argparse.Namespace, out: TextIO) -> int:
    docs = [doc for _, doc in documents(args)]
    single = len(args.files) == 1 and (args.files[0] == "-" or not os.path.isdir(args.files[0]))
    if single and len(docs) == 1:
        dump(docs[0], out)
    else:
        dump(docs, out)
    return status(args, 0)


def _table_or_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "json"), default="table")


@command("refs", "list the references documents make", arguments=_table_or_json)
def _refs(args: argparse.Namespace, out: TextIO) -> int:
    found: list[object] = []
    for path, doc in documents(args):
        if args.format == "json":
            found += doc.references
            continue
        lines = Lines(doc.text)
        for r in doc.references:
            line, col = lines(r.span[0])
            date = r.date.isoformat() if r.date else "-"
            out.write(
                f"{path}:{line}:{col}\t{r.code}\t{r.type_name or '-'}\t{date}\t"
                f"{r.issuer_text or '-'}\n"
            )
    if args.format == "json":
        dump(found, out)
    return status(args, 0)


# --- tasks, meeting --------------------------------------------------------------------


def _tasks_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the day statuses are reckoned on")
    p.add_argument(
        "--all", action="store_true", help="also the execution clause (… thi hành Quyết định)"
    )


@command(
    "tasks",
    "the duties documents assign: lead, deadline, status",
    arguments=_tasks_arguments,
)
def _tasks(args: argparse.Namespace, out: TextIO) -> int:
    import csv
    import datetime as dt

    from vnadmin.calendar import working_days_between
    from vnadmin.tasks import due_day, task_status

    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        raise UsageError(f"--today takes a date as YYYY-MM-DD, not {args.today!r}") from None
    rows: list[dict[str, object]] = []
    found: list[object] = []
    for path, doc in documents(args):
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
        dump(found, out)
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
    return status(args, 0)


def _meeting_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("table", "json", "ics"),
        default="table",
        help="ics: an iCalendar event per meeting (needs vnadmin[ics])",
    )


@command(
    "meeting",
    "the meeting a document calls or reports; exit 1 when one names none",
    arguments=_meeting_arguments,
)
def _meeting(args: argparse.Namespace, out: TextIO) -> int:
    meetings = []
    missing = 0
    for path, doc in documents(args):
        meeting = doc.meeting
        if meeting is None:
            sys.stderr.write(f"vnadmin: {path}: no meeting found\n")
            missing += 1
            continue
        meetings.append((path, meeting))
    if args.format == "ics":
        from vnadmin.meetings.ics import to_ics

        for _, meeting in meetings:
            out.write(to_ics(meeting).decode("utf-8"))
    elif args.format == "json":
        dump([m for _, m in meetings], out)
    else:
        for path, m in meetings:
            start = m.start.isoformat() if m.start is not None else "-"
            out.write(f"{path}\t{start}\t{m.place or '-'}\t{'; '.join(m.chair) or '-'}\n")
    return status(args, 1 if missing else 0)


# --- calendar --------------------------------------------------------------------------


def _year(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a year is a number, not {value!r}") from None
    if year not in CALENDAR_YEARS:
        raise argparse.ArgumentTypeError(
            f"the calendar has the years {CALENDAR_YEARS[0]}–{CALENDAR_YEARS[-1]}, not {year} "
            f"(public holidays from the Labour Code of 1994, in force from 1995, to the end "
            f"of the lunar table in {CALENDAR_YEARS[-1]})"
        )
    return year


def _calendar_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "year",
        type=_year,
        metavar="YEAR",
        help=f"{CALENDAR_YEARS[0]}–{CALENDAR_YEARS[-1]}",
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "vi"), help="holiday names' language (default: en)")


@command(
    "calendar",
    "public-sector holidays and make-up days of a year",
    arguments=_calendar_arguments,
    documents=False,
)
def _calendar(args: argparse.Namespace, out: TextIO) -> int:
    from vnadmin.calendar import holidays

    days = holidays(args.year)
    if args.format == "json":
        dump(list(days), out)
        return 0
    for h in days:
        name = h.name_vi if args.lang == "vi" else h.name_en
        off = "off " if h.is_day_off else "work"
        out.write(f"{h.date.isoformat()} {h.date.strftime('%a')} {off} {h.kind.value:9} {name}")
        out.write(f"  [{h.source}]\n" if h.source else "\n")
    return 0
