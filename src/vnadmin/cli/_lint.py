"""``vnadmin lint``: findings as text, JSON, SARIF 2.1.0 or GitHub workflow commands."""

from __future__ import annotations

import argparse
import os
import sys
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from vnadmin import __version__
from vnadmin.cli._config import SEVERITIES, UsageError, rule_ids
from vnadmin.cli._inputs import Lines, documents
from vnadmin.cli._output import data, dump
from vnadmin.cli._registry import command, status
from vnadmin.findings import RULES, Finding, Rule, Severity

if TYPE_CHECKING:
    from vnadmin.document import Document

__all__ = ["DOCS", "FORMATS", "SARIF_SCHEMA", "github_command", "sarif_log"]

#: Where the rule pages are (a rule's SARIF ``helpUri`` is ``{DOCS}/rules/{id}.html``).
DOCS = "https://vnadmin.readthedocs.io/en/latest"
#: The ``$schema`` of a SARIF log.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The output formats of ``lint`` (``table`` is another name of ``text``).
FORMATS = ("text", "table", "json", "sarif", "github")

_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_FAMILIES = {
    "C": "codes",
    "D": "dates",
    "F": "format",
    "M": "meetings",
    "N": "structure",
    "R": "recipients",
    "S": "signatures",
    "T": "text",
    "X": "references",
}


@attrs.frozen
class Reported:
    """One finding as reported: the file, the finding, its 1-based start and end (the end
    column is the column after the last character, as in SARIF) and, for a .docx or PDF,
    where in the file it is (``table 1, row 2``)."""

    path: str
    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    where: str = ""

    def message(self, lang: str) -> str:
        f = self.finding
        text = f.message_vi if lang == "vi" else f.message_en
        return f"{text} [{f.article}]" + (f" ({self.where})" if self.where else "")


def _where(doc: Document, offset: int) -> str:
    """Where ``offset`` is in the file a document was read from, for a person:
    ``paragraph 12 «Kính gửi: Sở Nội vụ…»`` in a .docx (as Word counts, with the
    paragraph's first words), ``page 2`` … in a PDF."""
    if doc.file is None or doc.file.layout.format == "text":
        return ""
    if doc.file.layout.format == "docx":
        from vnadmin.formatting import location_label

        return location_label(doc, (offset, offset)) or ""
    loc = doc.file.locate(offset)
    return loc.describe() if loc is not None else ""


def _lint_document(
    doc: Document,
    select: Sequence[str] | None,
    ignore: Sequence[str],
    notice_days: int | None,
    conclusion_days: int | None,
) -> list[Finding]:
    """:func:`vnadmin.lint`, with the M101/M102 day counts of the configuration."""
    from vnadmin import linter

    if notice_days is None and conclusion_days is None:
        return linter.lint(doc, select=select, ignore=ignore or None)
    found = linter.lint(doc, select=select, ignore=[*ignore, "M"])
    wanted = select is not None and any(
        r.startswith("M") and linter._selected(r, select, ignore) for r in RULES
    )
    if not wanted:
        return found
    from vnadmin.meetings import rules as m

    seen = {(f.rule, f.span, f.message_en) for f in found}
    for f in m.check(
        doc,
        notice_days=m.NOTICE_DAYS if notice_days is None else notice_days,
        conclusion_days=m.CONCLUSION_DAYS if conclusion_days is None else conclusion_days,
    ):
        key = (f.rule, f.span, f.message_en)
        if key not in seen and linter._selected(f.rule, select, ignore):
            seen.add(key)
            found.append(f)
    found.sort(key=lambda f: (f.span or (-1, -1), f.rule))
    return found


def _reported(path: str, doc: Document, findings: Iterable[Finding]) -> Iterable[Reported]:
    lines = Lines(doc.text)  # one index per document, each offset then found by bisection
    for f in findings:
        if f.span is None:
            yield Reported(path, f, 1, 1, 1, 1)
            continue
        line, col = lines(f.span[0])
        end_line, end_col = lines(f.span[1])
        yield Reported(path, f, line, col, end_line, end_col, _where(doc, f.span[0]))


# --- SARIF 2.1.0 -----------------------------------------------------------------------


def _rule_help(rule: Rule) -> tuple[str, str]:
    """The help of ``rule`` as text and as Markdown, in Vietnamese and English."""
    text = [
        f"{rule.message_vi}",
        f"{rule.message_en}",
        f"Nguồn / Source: {rule.article}",
    ]
    md = [
        f"**{rule.id}** ({rule.name}, {rule.severity.value})",
        "",
        f"- Tiếng Việt: {rule.message_vi}",
        f"- English: {rule.message_en}",
        f"- Nguồn / Source: {rule.article}",
    ]
    if rule.bad:
        text.append(f"Sai / Bad: {rule.bad.replace(chr(10), ' / ')}")
        md += ["", "Sai / Bad:", "", "```text", rule.bad, "```"]
    if rule.good:
        text.append(f"Đúng / Good: {rule.good.replace(chr(10), ' / ')}")
        md += ["", "Đúng / Good:", "", "```text", rule.good, "```"]
    md += ["", f"{DOCS}/rules/{rule.id}.html"]
    return "\n".join(text), "\n".join(md)


def sarif_rule(rule: Rule) -> dict[str, Any]:
    """The ``reportingDescriptor`` of ``rule``: id, name, descriptions and help in both
    languages, the help page, the default level."""
    text, markdown = _rule_help(rule)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.message_en} / {rule.message_vi}"},
        "fullDescription": {
            "text": f"{rule.message_en}\n{rule.message_vi}\nSource: {rule.article}"
        },
        "help": {"text": text, "markdown": markdown},
        "helpUri": f"{DOCS}/rules/{rule.id}.html",
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {
            "tags": ["vnadmin", _FAMILIES.get(rule.id[0], rule.id[0])],
            "article": rule.article,
        },
    }


def _uri(path: str) -> tuple[str, str | None]:
    """The artifact URI of ``path`` and its base: relative to the current directory
    (``%SRCROOT%``) when under it, else an absolute ``file:`` URI."""
    if path == "-":
        return "stdin", None
    rel = os.path.relpath(os.path.abspath(path))
    if not rel.startswith(os.pardir):
        return urllib.parse.quote(rel.replace(os.sep, "/")), "%SRCROOT%"
    return urllib.parse.urljoin("file:", urllib.parse.quote(_posix_abs(path))), None


def _posix_abs(path: str) -> str:
    from pathlib import Path

    return Path(path).resolve().as_posix()


def sarif_log(
    reported: Sequence[Reported], lang: str, bad_files: Sequence[tuple[str, str]] = ()
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of one run (GitHub code scanning takes it): the whole rule
    catalogue as the driver's rules, one result per finding, one notification per file
    that could not be read."""
    rules = sorted(RULES.values(), key=lambda r: r.id)
    index = {r.id: k for k, r in enumerate(rules)}
    results = []
    uris: dict[str, tuple[str, str | None]] = {}  # (one URI a file)
    for r in reported:
        f = r.finding
        if r.path not in uris:
            uris[r.path] = _uri(r.path)
        uri, base = uris[r.path]
        artifact: dict[str, Any] = {"uri": uri}
        if base is not None:
            artifact["uriBaseId"] = base
        region: dict[str, int] = {"startLine": r.line}
        if f.span is not None:
            region.update(startColumn=r.column, endLine=r.end_line, endColumn=r.end_column)
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": r.message(lang)},
            "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)[0]}}}],
        }
        for path, message in bad_files
    ]
    cwd = _posix_abs(os.getcwd()).rstrip("/") + "/"
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "vnadmin",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": DOCS,
                        "rules": [sarif_rule(r) for r in rules],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not bad_files,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "originalUriBaseIds": {
                    "%SRCROOT%": {"uri": urllib.parse.urljoin("file:", urllib.parse.quote(cwd))}
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


# --- GitHub workflow commands ----------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(r: Reported, lang: str) -> str:
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`` (``warning``
    and ``notice`` for the other severities), escaped as the runner wants."""
    f = r.finding
    props = [f"file={_escape_property(r.path)}"]
    if f.span is not None:
        props += [
            f"line={r.line}",
            f"col={r.column}",
            f"endLine={r.end_line}",
            f"endColumn={r.end_column}",
        ]
    props.append(f"title={_escape_property(f.rule)}")
    return f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(r.message(lang))}"


# --- the command -----------------------------------------------------------------------


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="rule ids or prefixes to check, comma separated, case-insensitive "
        "(replaces the configuration's select; the family M runs only when selected)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="rule ids or prefixes not to report (added to the configuration's ignore)",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: file:line:col: RULE severity message [article]; json: one object per "
        "finding; sarif: SARIF 2.1.0 (GitHub code scanning); github: workflow commands "
        "(annotations)",
    )
    p.add_argument("--lang", choices=("en", "vi"), help="message language (default: en)")
    p.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="exit 1 when a finding of this severity or a worse one is reported (default: error)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    p.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe fixes (vnadmin.fix) and write the fixed file to --output "
        "(a directory for several files) or, with --in-place, over the input; each fix "
        "is printed",
    )
    p.add_argument("--in-place", action="store_true", help="with --fix: overwrite the input files")


def _summary(files: int, counts: Counter[Severity], unread: int) -> str:
    def n(k: int, word: str) -> str:
        return f"{k} {word}" + ("" if k == 1 or word == "info" else "s")

    total = sum(counts.values())
    text = f"vnadmin: {n(files, 'file')}, {n(total, 'finding')}"
    if total:
        text += (
            f" ({n(counts[Severity.ERROR], 'error')}, {n(counts[Severity.WARNING], 'warning')}, "
            f"{n(counts[Severity.INFO], 'info')})"
        )
    if unread:
        text += f"; {n(unread, 'file')} could not be read"
    return text


@command("lint", "lint documents against Decree 30/2020/NĐ-CP", arguments=_arguments)
def _lint(args: argparse.Namespace, out: TextIO) -> int:
    if args.fix:
        from vnadmin.writing import run_fix

        # (run_fix's 1, a file that could not be read or fixed, is an input error here)
        code = run_fix(args.files, args.output, args.in_place, out)
        return status(args, 2 if code == 1 else code)
    if args.in_place:
        raise UsageError("--in-place goes with --fix")
    config = args.settings
    select = rule_ids(args.select, "--select") if args.select else config.select
    ignore = (*config.ignore, *(rule_ids(args.ignore, "--ignore") if args.ignore else ()))
    threshold = _RANK[Severity(args.fail_on)]
    fmt = "text" if args.format == "table" else args.format
    counts: Counter[Severity] = Counter()
    collected: list[Reported] = []
    for path, doc in documents(args):
        findings = _lint_document(
            doc,
            select,
            (*ignore, *config.ignored_in(path)),
            config.notice_days,
            config.conclusion_days,
        )
        for r in _reported(path, doc, findings):
            f = r.finding
            counts[f.severity] += 1
            if fmt == "text":
                where = f" ({r.where})" if r.where else ""
                message = f.message_vi if args.lang == "vi" else f.message_en
                out.write(
                    f"{path}:{r.line}:{r.column}: {f.rule} {f.severity.value} {message} "
                    f"[{f.article}]{where}\n"
                )
            elif fmt == "github":
                out.write(github_command(r, args.lang) + "\n")
            else:
                collected.append(r)
    if fmt == "json":
        dump(
            [
                {"file": r.path, "line": r.line, "column": r.column, **data(r.finding)}
                for r in collected
            ],
            out,
            raw=True,
        )
    elif fmt == "sarif":
        dump(sarif_log(collected, args.lang, getattr(args, "bad_files", ())), out, raw=True)
    out.flush()
    if not args.quiet:
        unread = getattr(args, "input_errors", 0)
        sys.stderr.write(_summary(getattr(args, "file_count", 0) - unread, counts, unread) + "\n")
    failed = any(_RANK[s] >= threshold for s, k in counts.items() if k)
    return status(args, 1 if failed else 0)
