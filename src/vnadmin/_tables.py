"""The one reader of vnadmin's data tables (``src/vnadmin/data/*.tsv``).

Every table is UTF-8, tab-separated, with ``#`` comment lines that name its sources and a
header row. A missing trailing cell reads as ``""``; ``\\n`` in a cell stands for a line break.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["read_table"]


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of ``vnadmin/data/<name>`` as dicts keyed by the header row.

    >>> rows = read_table("document_types.tsv")
    >>> sorted(rows[0])
    ['abbr', 'article', 'category', 'name', 'name_en']
    """
    text = resources.files("vnadmin.data").joinpath(name).read_text(encoding="utf-8")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cells = [c.replace("\\n", "\n") for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return rows
