"""Benchmark: vnadmin.arrow and parse_documents against baselines timed in the same run.

Run: ``python benchmarks/bench_arrow.py [--quick] [--rounds N] [--only codes,documents,duckdb]``
(needs ``vnadmin[arrow]`` and duckdb).
Every figure is a ratio to a baseline timed in alternating rounds (so that the machine's
drift touches both); the median round is reported, with the load average (other work on
the machine slows both sides, the process pool more).

* ``parse_codes`` over 1 M real-shaped codes (numbers varied, ký hiệu drawn from the
  corpus with a Zipf-like skew, 1 % junk, 0.5 % nulls: benchmarks/_arrow_data.py) vs a
  Python loop of ``parse_code`` over the same list (target >= 10x faster; plain and with
  ``dictionary=True``), and vs a native
  ``pyarrow.compute.extract_regex`` of number and tail (target >= 0.2x its speed); both
  sides warm (the parser's memos on 10,000 rows; ``parse_codes`` once at full size, as in
  a long run: the first 1 M-row call grows the Arrow memory pool, about 2x its time);
* the peak Arrow memory of that ``parse_codes`` over its input plus output (target <= 2x);
* ``parse_documents(processes=2, rows=True)`` vs one process, on distinct corpus-shaped
  texts (target >= 1.6x, never slower);
* DuckDB: ``vnadmin_parse_code`` over 1 M rows vs a scalar Python UDF giving the same
  struct row by row (target >= 8x).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from vnadmin import ParseError, parse_code
from vnadmin.arrow import parse_codes, register_duckdb
from vnadmin.arrow._codes import code_row
from vnadmin.batch import parse_documents

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _arrow_data import ROOT, real_shaped


def seconds(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


SPREAD: list[float] = []  # the lowest and highest ratio of the last ``paired``


def paired(
    fn: Callable[[], object], base: Callable[[], object], rounds: int
) -> tuple[float, float, float]:
    """``fn`` and ``base`` timed in alternation: the median round's ``base/fn`` speed-up,
    with that round's seconds of each (the rounds' range in :data:`SPREAD`)."""
    out = []
    for _ in range(rounds):
        b = seconds(base)
        f = seconds(fn)
        out.append((b / f, f, b))
    out.sort()
    SPREAD[:] = [out[0][0], out[-1][0]]
    return out[len(out) // 2]


def spread() -> str:
    return f"rounds {SPREAD[0]:.2f}-{SPREAD[1]:.2f}x"


def loop(data: list[str | None]) -> None:
    for s in data:
        if s is None:
            continue
        with contextlib.suppress(ParseError):
            parse_code(s)


def peak_memory(arr: pa.Array) -> float:
    old = pa.default_memory_pool()
    pool = pa.proxy_memory_pool(old)
    pa.set_memory_pool(pool)
    try:
        out = parse_codes(arr)
        ratio = pool.max_memory() / (arr.nbytes + out.nbytes)
        del out
    finally:
        pa.set_memory_pool(old)
    return ratio


def cpu(fn: Callable[[], object]) -> float:
    """CPU seconds of ``fn``, this process and its (finished) worker processes together:
    what the machine's other work does not inflate."""
    import resource

    def used() -> float:
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    start = used()
    fn()
    return used() - start


def texts(copies: int) -> list[str]:
    """Corpus texts, each copy made distinct (a line of its own at the end), so that no
    cache of a previous reading answers."""
    base = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/texts").glob("*.txt"))
    ]
    return [f"{t}\nBản số {k}.\n" for k in range(copies) for t in base]


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="200,000 codes, fewer texts")
    ap.add_argument("--rounds", type=int, help="alternating rounds (default 3; 5 with --quick)")
    ap.add_argument(
        "--only",
        default="codes,documents,duckdb",
        help="comma-separated sections: codes, documents, duckdb (default: all)",
    )
    args = ap.parse_args()
    quick = args.quick
    only = set(args.only.split(","))
    n = 200_000 if quick else 1_000_000
    rounds = args.rounds or (5 if quick else 3)
    print(
        f"arrow benchmark (Python {sys.version.split()[0]}, pyarrow {pa.__version__}, {os.cpu_count()} cores, {load()})"
    )
    data = real_shaped(n)
    arr = pa.array(data, type=pa.string())
    if "codes" in only:
        codes(arr, data, rounds)
    if "documents" in only:
        documents(6 if quick else 20)
    if "duckdb" in only:
        duck(arr, rounds)
    print(load())
    return 0


def codes(arr: pa.Array, data: list[str | None], rounds: int) -> None:
    n = len(arr)
    parse_codes(arr[:10_000])  # the memos warm, as in any long run,
    parse_codes(arr)  # and the Arrow memory pool grown once to a call of this size
    loop(data[:10_000])
    r, f, b = paired(lambda: parse_codes(arr), lambda: loop(data), rounds)
    print(
        f"parse_codes, {n} codes       {f:6.2f} s vs Python loop {b:6.2f} s  {r:5.1f}x faster (target >= 10x; {spread()})"
    )
    r, f, b = paired(lambda: parse_codes(arr, dictionary=True), lambda: loop(data), rounds)
    print(
        f"parse_codes(dictionary=True)  {f:6.2f} s vs Python loop {b:6.2f} s  {r:5.1f}x faster"
        f" (target >= 10x; {spread()})"
    )
    regex = r"^(?P<number>[0-9]{1,9})(?P<tail>[/-].*)$"
    r, f, b = paired(lambda: parse_codes(arr), lambda: pc.extract_regex(arr, regex), rounds)
    print(
        f"parse_codes, {n} codes       {f:6.2f} s vs native regex {b:6.2f} s  {r:5.2f}x its speed (target >= 0.2x; {spread()})"
    )
    print(
        f"parse_codes, {n} codes       peak Arrow memory {peak_memory(arr):4.2f}x input + output (target <= 2x)"
    )


def documents(copies: int) -> None:
    docs = texts(copies)
    one = lambda: list(parse_documents(docs, rows=True))  # noqa: E731
    two = lambda: list(parse_documents(docs, rows=True, processes=2))  # noqa: E731
    r, f, b = paired(two, one, 3)
    cpu_one = cpu(one)
    cpu_two = cpu(two)
    print(
        f"parse_documents, {len(docs)} texts   2 processes {f:6.2f} s vs one {b:6.2f} s  {r:5.2f}x (target >= 1.6x; {load()})"
    )
    print(
        f"parse_documents, {len(docs)} texts   CPU: one process {cpu_one:5.2f} s, two (parent and"
        f" workers) {cpu_two:5.2f} s: {2 * cpu_one / cpu_two:4.2f}x on two idle cores"
    )


def duck(arr: pa.Array, rounds: int) -> None:
    import duckdb

    n = len(arr)
    con = register_duckdb(duckdb.connect())
    from vnadmin.arrow._engines import DUCKDB_CODE_TYPE

    con.create_function(
        "scalar_parse_code",
        lambda s: code_row(s),
        [duckdb.sqltype("VARCHAR")],
        duckdb.sqltype(DUCKDB_CODE_TYPE),
        null_handling="special",
    )
    con.register("van_ban", pa.table({"so_ky_hieu": arr}))

    def vec() -> object:
        return con.execute(
            "SELECT count(vnadmin_parse_code(so_ky_hieu).canonical) FROM van_ban"
        ).fetchall()

    def sca() -> object:
        return con.execute(
            "SELECT count(scalar_parse_code(so_ky_hieu).canonical) FROM van_ban"
        ).fetchall()

    assert vec() == sca()
    r, f, b = paired(vec, sca, rounds)
    print(
        f"DuckDB, {n} rows             vnadmin_parse_code {f:6.2f} s vs scalar UDF {b:6.2f} s  {r:5.1f}x (target >= 8x; {spread()})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
