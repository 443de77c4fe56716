"""``vnadmin extract PATH… --to out.parquet|out.jsonl``: one row per document, through
:func:`vnadmin.parse_documents` (worker processes with ``--processes``), progress on stderr."""

from __future__ import annotations

import argparse
from typing import TextIO

from vnadmin.cli._registry import command

__all__: list[str] = []


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of documents")
    p.add_argument(
        "--to", required=True, metavar="OUT", help="out.parquet (vnadmin[arrow]) or out.jsonl"
    )
    p.add_argument("--processes", type=int, default=None, help="worker processes")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")


@command(
    "extract",
    "documents to one row each: a Parquet or JSON Lines file",
    arguments=_arguments,
    documents=False,
)
def _extract(args: argparse.Namespace, out: TextIO) -> int:
    from vnadmin import batch

    return batch.run(args, out)
