"""The subcommands of ``vnadmin``: each is registered with :func:`command`.

A module adds one in a few lines, then its name goes in :data:`vnadmin.cli.MODULES`::

    def _arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=("table", "json"), default="table")

    @command("extract", "…", arguments=_arguments)
    def _extract(args: argparse.Namespace, out: TextIO) -> int:
        for path, doc in documents(args):
            ...
        return status(args, 0)

A command that reads documents (``documents=True``, the default) gets the ``FILE...``
arguments (files, directories, ``-``) and ``--include``, ``--encoding``, ``--max-bytes``;
:func:`vnadmin.cli._inputs.documents` reads them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

import attrs

__all__ = ["COMMANDS", "Command", "command", "status"]

Handler = Callable[[argparse.Namespace, TextIO], int]
Arguments = Callable[[argparse.ArgumentParser], None]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    return None


@attrs.frozen
class Command:
    """One subcommand: its name, one-line help, arguments and handler."""

    name: str
    help: str
    run: Handler
    arguments: Arguments = _no_arguments
    documents: bool = True
    description: str = ""


#: Every registered subcommand, in the order of registration (the order of ``--help``).
COMMANDS: dict[str, Command] = {}


def command(
    name: str,
    help: str,
    *,
    arguments: Arguments = _no_arguments,
    documents: bool = True,
    description: str = "",
) -> Callable[[Handler], Handler]:
    """Register the decorated handler as the subcommand ``name``."""

    def register(run: Handler) -> Handler:
        COMMANDS[name] = Command(name, help, run, arguments, documents, description or help)
        return run

    return register


def status(args: argparse.Namespace, value: int) -> int:
    """The exit status: 2 when a file could not be read, else ``value``."""
    return 2 if getattr(args, "input_errors", 0) else value
