"""Columns in, columns out: vnadmin at archive scale, on Apache Arrow (``vnadmin[arrow]``).

* :func:`parse_codes` and :func:`is_valid_codes`: a column of codes (a pyarrow array, a
  polars or pandas ``Series``, any iterable of ``str | None``) to a struct or boolean
  column, each distinct ký hiệu read once by vnadmin's own parser;
* :func:`documents_table`: one row per document, flat columns;
* :func:`register_duckdb`: ``vnadmin_parse_code`` and ``vnadmin_is_valid_code`` as
  vectorised DuckDB SQL functions.

See the docs page *Columns* for Polars, DuckDB, Dask and Spark recipes. Importing this
module imports no optional library; each function raises
:class:`~vnadmin.MissingExtraError` when pyarrow is missing.
"""

from __future__ import annotations

from vnadmin.arrow._codes import (
    CODE_FIELDS,
    code_row,
    code_struct_type,
    is_valid_codes,
    parse_codes,
    to_arrow,
)
from vnadmin.arrow._documents import document_schema, documents_table
from vnadmin.arrow._engines import register_duckdb

__all__ = [
    "CODE_FIELDS",
    "code_row",
    "code_struct_type",
    "document_schema",
    "documents_table",
    "is_valid_codes",
    "parse_codes",
    "register_duckdb",
    "to_arrow",
]
