"""The engine recipes of docs/columns.md (Polars, DuckDB, Dask, Spark), run as written.

Each ``python`` block of the page that starts with ``# recipe: NAME`` is run; it leaves the
canonical codes of its sample column in ``result``. A recipe is skipped when its engine is
not installed; Spark's only runs with ``VNADMIN_TEST_SPARK=1`` (PySpark needs Java).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")

PAGE = Path(__file__).resolve().parent.parent / "docs" / "columns.md"
_BLOCK = re.compile(r"```python\n# recipe: (\w+)\n(.*?)```", re.DOTALL)
RECIPES = dict(_BLOCK.findall(PAGE.read_text(encoding="utf-8")))
ENGINES = {"polars": "polars", "duckdb": "duckdb", "dask": "dask.dataframe", "spark": "pyspark"}
SAMPLE = ["Số: 05/QĐ-UBND", None, "junk", "30/2020/NĐ-CP"]


def test_every_engine_has_a_recipe() -> None:
    assert set(RECIPES) == set(ENGINES)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_recipe(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if engine == "spark":
        if os.environ.get("VNADMIN_TEST_SPARK") != "1":
            pytest.skip("Spark recipe: set VNADMIN_TEST_SPARK=1 (needs pyspark and Java)")
        # The recipe sets PYSPARK_PYTHON when unset: restored after the test.
        monkeypatch.setenv("PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON", sys.executable))
    pytest.importorskip(ENGINES[engine])
    from vnadmin.arrow import parse_codes

    namespace: dict[str, object] = {"__name__": f"recipe_{engine}"}
    exec(compile(RECIPES[engine], f"{PAGE}:{engine}", "exec"), namespace)
    assert namespace["result"] == parse_codes(SAMPLE).field("canonical").to_pylist()


def test_duckdb_functions_match_parse_codes() -> None:
    duckdb = pytest.importorskip("duckdb")
    import pyarrow as pa

    from vnadmin.arrow import is_valid_codes, parse_codes, register_duckdb

    from .test_arrow import CORPUS, JUNK

    data = [*CORPUS, *JUNK, None]
    con = register_duckdb(duckdb.connect())
    con.register("van_ban", pa.table({"so_ky_hieu": pa.array(data, pa.string())}))
    rows = con.execute(
        "SELECT vnadmin_parse_code(so_ky_hieu), vnadmin_is_valid_code(so_ky_hieu) FROM van_ban"
    ).fetchall()
    assert [r[0] for r in rows] == parse_codes(data).to_pylist()
    assert [r[1] for r in rows] == is_valid_codes(data).to_pylist()
