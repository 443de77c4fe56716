"""The command-line reference page (``docs/cli.md``), written from the parser itself.

``python -m vnadmin.cli._reference docs/cli.md`` rewrites the page; a test checks that
the page in the repository is what :func:`render` writes. The tables are built from the
parser's arguments (not from argparse's help formatter, whose layout changes between
Python versions), so the page is the same on every Python.
"""

from __future__ import annotations

import argparse
import sys

from vnadmin.cli import EXIT_STATUSES, build_parser
from vnadmin.cli._config import CONFIG_KEYS
from vnadmin.cli._inputs import DEFAULT_INCLUDE, MAX_BYTES

__all__ = ["render"]


def _cell(text: str) -> str:
    """Plain help text as a Markdown table cell."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")


def _option(action: argparse.Action) -> str:
    if not action.option_strings:
        name = action.metavar if isinstance(action.metavar, str) else action.dest
        return f"`{name}`" + (" …" if action.nargs in ("+", "*") else "")
    value = ""
    if action.nargs != 0:
        if action.choices is not None:
            value = " {" + ",".join(str(c) for c in action.choices) + "}"
        else:
            metavar = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
            value = f" {metavar}"
    return ", ".join(f"`{o}{value}`" for o in action.option_strings)


def _help(action: argparse.Action) -> str:
    text = action.help or ""
    default = action.default
    shown = (
        default not in (None, False, argparse.SUPPRESS)
        and action.nargs != 0
        and "default" not in text
        and action.option_strings
    )
    if shown:
        text = f"{text} (default: {default})" if text else f"default: {default}"
    if action.nargs == "+":
        text += " (one or more)"
    elif action.nargs == "*":
        text += " (any number)"
    if isinstance(action, argparse._AppendAction):
        text += " (repeatable)"
    return _cell(text)


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}  # pragma: no cover


def render() -> str:
    """The Markdown of the reference page."""
    parser = build_parser()
    commands = _subparsers(parser)
    helps = {
        a.dest: a.help
        for p in parser._actions
        if isinstance(p, argparse._SubParsersAction)
        for a in p._choices_actions
    }
    out = [
        "# Command line",
        "",
        "<!-- Generated from the parser by `python -m vnadmin.cli._reference docs/cli.md`;",
        "     tests/test_cli_formats.py checks that this page is up to date. -->",
        "",
        "`vnadmin COMMAND [options] FILE...` (also `python -m vnadmin`). The commands that",
        "read documents take files, directories (searched recursively for the files that",
        "match `--include`, by default " + ", ".join(f"`{p}`" for p in DEFAULT_INCLUDE) + ")",
        "and `-` for stdin; a file that cannot be read is reported on stderr and skipped,",
        "the others are still processed (their output, JSON too, is still written), and the",
        f"command exits 2. At most {MAX_BYTES} bytes are read from each file (`--max-bytes`).",
        "",
        "Output goes to stdout (`--output FILE` writes UTF-8 to a file); a stdout whose",
        "encoding cannot take Vietnamese (`PYTHONIOENCODING=ascii`, a cp1258 console) gets",
        "`\\u` escapes instead of an error, JSON stays valid JSON; a closed pipe (`| head`)",
        "ends the command quietly. Messages are in English unless `--lang vi` or the",
        'configuration\'s `lang = "vi"`.',
        "",
        "## Exit status",
        "",
        "| status | meaning |",
        "|---|---|",
        *[f"| {k} | {_cell(v)} |" for k, v in EXIT_STATUSES.items()],
        "",
        "`lint` exits 1 when a finding is at or above `--fail-on` (default `error`: warnings",
        "and info are reported but pass; `--fail-on warning` fails on warnings too, as ruff",
        "fails on any finding it reports). A file that cannot be read makes the status 2",
        "whatever was found in the others.",
        "",
        "## Configuration",
        "",
        "The nearest configuration file is read: from the directory of the first path given",
        "(the current directory for `-`) upward, in each directory a `vnadmin.toml` (its top",
        "level) first, then a `pyproject.toml` with a `[tool.vnadmin]` table. `--config FILE`",
        "names the file, `--no-config` reads none. The command line wins over the file.",
        "Python 3.10 needs `tomli` installed to read one (`pip install tomli`).",
        "",
        "```toml",
        "[tool.vnadmin]",
        'select = ["C", "D", "N", "M"]',
        'ignore = ["T103"]',
        'fail-on = "warning"',
        'lang = "vi"',
        'include = ["*.docx", "*.pdf"]',
        "notice-days = 5",
        "",
        "[tool.vnadmin.per-file-ignores]",
        '"drafts/*" = ["N101"]',
        "```",
        "",
        "| key | type | meaning |",
        "|---|---|---|",
        *[f"| `{k}` | {t} | {d} |" for k, (t, d) in CONFIG_KEYS.items()],
        "",
        "Rule ids and prefixes are case-insensitive (`n101` is `N101`); one that names no",
        "rule is a usage error (exit 2) that names it. The rules: [the catalogue](rules/index.md).",
        "",
        "## Commands",
        "",
    ]
    for name, sub in commands.items():
        out += [f"### vnadmin {name}", "", _cell(helps.get(name) or sub.description or ""), ""]
        out += ["| argument | description |", "|---|---|"]
        for action in sorted(sub._actions, key=lambda a: bool(a.option_strings)):
            if isinstance(action, argparse._HelpAction):
                continue
            out.append(f"| {_option(action)} | {_help(action)} |")
        out.append("")
    out += [
        "## Output formats of `lint`",
        "",
        "- `text` (or `table`): `file:line:col: RULE severity message [article]`, and where",
        "  in a .docx or PDF the text is (`(table 1, row 2, paragraph 3)`).",
        "- `json`: a list, one object per finding: its own fields (`rule`, `severity`,",
        "  `message_vi`, `message_en`, `article`, `span`) and `file`, `line`, `column`.",
        "- `sarif`: a SARIF 2.1.0 log for GitHub code scanning (`github/codeql-action/upload-sarif`):",
        "  the rule catalogue as the driver's rules (id, name, descriptions and help in",
        "  Vietnamese and English, the rule's page, its default level) and one result per",
        "  finding with its region (columns in Unicode code points); files that could not",
        "  be read become tool notifications.",
        "- `github`: workflow commands, `::error file=…,line=…,col=…,endLine=…,endColumn=…,"
        "title=RULE::message`",
        "  (`::warning`, `::notice` for the other severities): annotations on the pull request.",
        "",
        "Lines and columns count in the document's text: a .docx or PDF's text in reading",
        "order. A summary line (files, findings by severity) goes to stderr (`-q` drops it),",
        "and on a terminal a progress line while a long batch is read.",
        "",
    ]
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    text = render()
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
