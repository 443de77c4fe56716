"""Benchmark: ``vnadmin lint`` in each output format against the library's own loop.

Run: ``python benchmarks/bench_cli.py``. The baseline, timed in the same run, reads every
corpus text (tests/data/texts) with ``read_document`` and lints it with ``vnadmin.lint``;
the command (``main(["lint", "--format", F, DIR])``, in-process, output to a StringIO)
does the same plus the directory walk, the line index, the formatting and, for SARIF, the
rule catalogue. Rounds alternate baseline and command; each ratio is the median of 7
rounds. Second, one text of many findings (a doubled word on each of 5 000 lines and on
each of 50 000): the command's time over the baseline's at both sizes — a line index that
were not linear would show as a ratio growing with the size.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import vnadmin  # noqa: E402
from vnadmin.cli import main as cli  # noqa: E402

FORMATS = ("text", "json", "sarif", "github")


def once(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def ratios(
    paths: list[Path], argv: list[str], rounds: int = 7, select: list[str] | None = None
) -> float:
    def baseline() -> None:
        for p in paths:
            vnadmin.lint(vnadmin.read_document(p), select=select)

    def command() -> None:
        cli(["lint", "--no-config", "-q", *argv], out=io.StringIO())

    found = []
    for _ in range(rounds):
        found.append(once(command) / once(baseline))
    return statistics.median(found)


def main() -> int:
    texts = ROOT / "tests" / "data" / "texts"
    paths = sorted(texts.glob("*.txt"))
    print(f"{len(paths)} corpus texts, {sum(p.stat().st_size for p in paths) / 1e3:.0f} kB")
    for fmt in FORMATS:
        r = ratios(paths, ["--format", fmt, str(texts)])
        print(f"lint --format {fmt:6} / read_document + lint: {r:.2f}x")
    with tempfile.TemporaryDirectory() as tmp:
        line = "Căn cứ Quyết định số số 1656/QĐ-UBND ngày 20/7/2025 của của UBND tỉnh;\n"
        for n in (5_000, 50_000):
            p = Path(tmp) / f"many-{n}.txt"
            p.write_text(line * n, encoding="utf-8")
            for fmt in ("text", "sarif"):
                argv = ["--format", fmt, "--select", "T104", str(p)]
                r = ratios([p], argv, 3, ["T104"])
                print(f"{n:6} lines, {2 * n} findings: lint --format {fmt} / library: {r:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
