"""vnadmin's column functions inside query engines (see the docs page *Columns* for
Polars, Dask and Spark, which need no registration)."""

from __future__ import annotations

from typing import Any

from vnadmin._extras import require
from vnadmin.arrow._codes import is_valid_codes, parse_codes

__all__ = ["DUCKDB_CODE_TYPE", "register_duckdb"]

#: The SQL type of ``vnadmin_parse_code`` (the fields of :func:`parse_codes`).
DUCKDB_CODE_TYPE = (
    "STRUCT(canonical VARCHAR, number BIGINT, suffix VARCHAR, year INTEGER, "
    "type_abbr VARCHAR, type_name VARCHAR, family VARCHAR, issuers VARCHAR[], "
    "units VARCHAR[], unit VARCHAR, term INTEGER, valid BOOLEAN, error VARCHAR)"
)


def register_duckdb(con: Any, *, prefix: str = "vnadmin_") -> Any:
    """Register vectorised (Arrow) SQL functions on the DuckDB connection ``con``:
    ``vnadmin_parse_code(VARCHAR) -> STRUCT(...)`` (:func:`parse_codes`, a NULL stays
    NULL) and ``vnadmin_is_valid_code(VARCHAR) -> BOOLEAN`` (:func:`is_valid_codes`).
    DuckDB hands each function a whole vector of rows at a time. Returns ``con``.
    Needs ``vnadmin[arrow]`` and ``duckdb``::

        con = register_duckdb(duckdb.connect())
        con.execute("SELECT vnadmin_parse_code(so_ky_hieu).canonical FROM van_ban")

    (tested in docs/columns.md and tests/test_arrow_engines.py).
    """
    duckdb = require("duckdb", "arrow", "SQL functions in DuckDB")
    varchar = duckdb.sqltype("VARCHAR")

    def parse(codes: Any) -> Any:
        return parse_codes(codes)

    def valid(codes: Any) -> Any:
        return is_valid_codes(codes)

    con.create_function(
        f"{prefix}parse_code",
        parse,
        [varchar],
        duckdb.sqltype(DUCKDB_CODE_TYPE),
        type="arrow",
        null_handling="special",
    )
    con.create_function(
        f"{prefix}is_valid_code",
        valid,
        [varchar],
        duckdb.sqltype("BOOLEAN"),
        type="arrow",
        null_handling="special",
    )
    return con
