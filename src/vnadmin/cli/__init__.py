"""The ``vnadmin`` command (reference: ``docs/cli.md``, generated from the parser).

* ``vnadmin lint FILE...``: findings as ``file:line:col: RULE severity message [article]``,
  JSON, SARIF 2.1.0 (``--format sarif``, for GitHub code scanning) or GitHub workflow
  commands (``--format github``, annotations); ``--select``, ``--ignore``, ``--fail-on``;
  a summary line on stderr.
* ``vnadmin parse FILE...``: the :class:`~vnadmin.Document` as JSON (a list for several).
* ``vnadmin refs FILE...``: the references, as a table or JSON.
* ``vnadmin tasks FILE...``: every duty (lead, collaborators, action, deadline, working
  days left, status on ``--today``) as a table, JSON or CSV.
* ``vnadmin meeting FILE...``: the meeting each document calls or reports, as a table,
  JSON or an iCalendar event (``--format ics``, extra ``vnadmin[ics]``); exit 1 when a
  document names no meeting.
* ``vnadmin code CODE...`` / ``-f FILE``: per code, the parsed parts, the canonical form
  and every finding; exit 1 when a code is invalid.
* ``vnadmin calendar YEAR``: the public-sector holidays and make-up days
  (:data:`~vnadmin.cli._commands.CALENDAR_YEARS`: 1995–2200).

Documents are ``.docx`` drafts, PDFs with a text layer, Word 97 ``.doc`` files or text in
UTF-8/UTF-16, cp1258, TCVN3 or VNI (told apart by content; ``--encoding`` forces a text
encoding); ``-`` reads stdin; a directory stands for its files that match ``--include``
(default ``*.txt *.md *.docx *.doc *.pdf``), recursively. At most :data:`MAX_BYTES`
(50 MB) are read from each file unless ``--max-bytes N``. A file that cannot be read is
reported on stderr and skipped; the others go on (their output is still written, JSON
too), and the command exits 2.

Settings come from ``[tool.vnadmin]`` in the nearest ``pyproject.toml`` or a
``vnadmin.toml`` (:mod:`vnadmin.cli._config`); ``--config FILE``, ``--no-config``.
``--output FILE`` writes UTF-8 to a file; on a stdout whose encoding cannot take
Vietnamese (``PYTHONIOENCODING=ascii``) the text gets ``\\u`` escapes instead of failing.

Exit status: **0** clean; **1** findings at or above ``--fail-on`` (default ``error``),
an invalid code, a document without a meeting, or a closed pipe (``| head``); **2** usage
or input error (bad arguments, an unknown rule id, a bad configuration, an unreadable,
undecodable or too large file, any other :class:`~vnadmin.VnAdminError`); **3** internal
error (a bug: the message asks for a report at :data:`ISSUES`); 130 interrupted (Ctrl-C).
No status prints a traceback.

JSON is written through :mod:`vnadmin.serialization` (enums by value, ISO dates, spans as
``[start, end]``), so :func:`vnadmin.from_dict` reads the values back: ``parse`` writes
``to_dict(document)``; ``refs`` and ``calendar`` a list of values; ``lint`` one object per
finding, ``file``, ``line`` and ``column`` added to the finding's own fields (drop those
three before :func:`vnadmin.from_dict`, which refuses unknown keys); ``code`` one
object per input: ``input``, ``valid``, ``canonical``, ``code``, ``findings`` and ``error``.

A subcommand is registered with :func:`vnadmin.cli._registry.command` in a module listed
in :data:`MODULES`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from vnadmin import __version__, codes
from vnadmin.cli import _registry
from vnadmin.cli._config import Config, UsageError, find_config, load_config
from vnadmin.cli._inputs import (
    DEFAULT_INCLUDE,
    EXTENSIONS,
    MAX_BYTES,
    InputError,
    Lines,
    read_text,
)
from vnadmin.cli._output import tolerant
from vnadmin.errors import VnAdminError

__all__ = [
    "EXIT_STATUSES",
    "ISSUES",
    "MAX_BYTES",
    "MODULES",
    "InputError",
    "build_parser",
    "main",
    "read_text",
]

#: Where internal errors (exit status 3) should be reported.
ISSUES = "https://github.com/vnadmin/vnadmin/issues"

#: The modules that register subcommands, imported when the parser is built.
MODULES = ("vnadmin.cli._lint", "vnadmin.cli._commands", "vnadmin.cli._extract")

#: The exit statuses of every command.
EXIT_STATUSES = {
    0: "clean: no finding at or above --fail-on, every file read",
    1: "findings at or above --fail-on (lint; default: error), an invalid code (code), "
    "a document without a meeting (meeting); also a closed pipe (`| head`)",
    2: "usage or input error: bad arguments, an unknown rule id or prefix, a bad "
    "configuration, a file that cannot be read (the others are still processed)",
    3: "internal error (a bug; the message says where to report it)",
    130: "interrupted (Ctrl-C)",
}

_Lines = Lines  # (the name the line index had before the package)
__all__ += ["DEFAULT_INCLUDE", "EXTENSIONS", "codes"]


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes, got {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``vnadmin`` and every registered subcommand."""
    for name in MODULES:
        importlib.import_module(name)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-o", "--output", metavar="FILE", help="write the output to FILE (UTF-8), not stdout"
    )
    common.add_argument(
        "--config",
        metavar="FILE",
        help="the configuration file (default: the nearest vnadmin.toml, or pyproject.toml "
        "with [tool.vnadmin], from the first path's directory upward)",
    )
    common.add_argument("--no-config", action="store_true", help="read no configuration file")
    common.add_argument(
        "--max-bytes",
        type=_positive,
        default=MAX_BYTES,
        metavar="N",
        help=f"read at most N bytes of each input file (default {MAX_BYTES})",
    )
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="documents (.docx, .pdf, .doc, text), directories (searched recursively), - for stdin",
    )
    reading.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="the files a directory contributes, comma separated or repeated (default: "
        + " ".join(DEFAULT_INCLUDE)
        + ")",
    )
    reading.add_argument(
        "--encoding",
        metavar="NAME",
        help="the encoding of text files (utf-8, cp1258, tcvn3, vni …; default: detected)",
    )
    epilog = "Exit status: " + "; ".join(
        f"{k} {v.split(':')[0].split(' (')[0]}" for k, v in EXIT_STATUSES.items() if k < 100
    )
    parser = argparse.ArgumentParser(
        prog="vnadmin",
        description="Typed, validated data from Vietnamese administrative documents.",
        epilog=epilog + ".",
    )
    parser.add_argument("--version", action="version", version=f"vnadmin {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for c in _registry.COMMANDS.values():
        parents = [common, reading] if c.documents else [common]
        p = sub.add_parser(c.name, parents=parents, help=c.help, description=c.description)
        c.arguments(p)
        p.set_defaults(func=c.run)
    return parser


def _settings(args: argparse.Namespace) -> Config:
    if args.no_config:
        return Config()
    if args.config:
        return load_config(args.config)
    files = getattr(args, "files", None) or []
    start = files[0] if files and files[0] != "-" and os.path.exists(files[0]) else None
    path = find_config(start)
    return load_config(path) if path is not None else Config()


def _resolve(args: argparse.Namespace) -> None:
    """Fill what the command line left out from the configuration, then the defaults."""
    config = args.settings = _settings(args)
    if hasattr(args, "lang"):
        args.lang = args.lang or config.lang or "en"
    if hasattr(args, "fail_on"):
        args.fail_on = args.fail_on or config.fail_on or "error"
    if hasattr(args, "files"):
        if args.include:
            args.include = tuple(
                p.strip() for item in args.include for p in item.split(",") if p.strip()
            )
        else:
            args.include = config.include or DEFAULT_INCLUDE


def _run(args: argparse.Namespace, out: TextIO | None) -> int:
    _resolve(args)
    if not args.output or getattr(args, "fix", False):  # (lint --fix: the fixed file)
        stream = out if out is not None else tolerant(sys.stdout)
        status: int = args.func(args, stream)
        stream.flush()
        return status
    try:
        f = open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    with f:
        status = args.func(args, f)
    return status


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0, 1, 2 or 3: see the module)."""
    tolerant(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0); a usage error (2, message printed)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _run(args, out)
    except VnAdminError as exc:  # a usage or input error, or any error of the library
        sys.stderr.write(f"vnadmin: error: {exc}\n")
        return 2
    except BrokenPipeError:  # `vnadmin lint --format json doc.txt | head`
        # stdout is flushed again at exit: point it at /dev/null so that cannot fail too
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except UnicodeEncodeError as exc:  # an output that refuses even the escapes
        sys.stderr.write(
            f"vnadmin: error: the output cannot take the text ({exc.encoding}); "
            "set PYTHONIOENCODING=utf-8 or give --output FILE\n"
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
