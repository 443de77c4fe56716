"""Benchmark: import costs, each against a baseline timed in the same run.

Run: ``python benchmarks/bench_import.py [ROUNDS]`` (default 21) with vnadmin installed
(or ``PYTHONPATH=src``). Every measurement is one fresh interpreter that times only the
import statement (``time.perf_counter`` around it, interpreter start-up excluded), with
.pyc files written and used (``PYTHONDONTWRITEBYTECODE`` is dropped). The
cases run in alternating order, round after round; each ratio is the median of the
per-round ratios.

* ``import vnadmin`` vs ``import attrs`` (target: ratio <= 1.5);
* ``import hypothesis`` with its plugins (vnadmin's entry point,
  ``vnadmin._hypothesis_hook``) vs the same with ``HYPOTHESIS_NO_PLUGINS=1`` plus the
  entry-point scan hypothesis does anyway (``importlib.metadata.entry_points``), so the
  difference is what vnadmin's plugin adds (target: <= 10 ms).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Mapping

_TIMER = """\
import time
t0 = time.perf_counter()
{stmt}
print(time.perf_counter() - t0)
"""

CASES: dict[str, tuple[str, Mapping[str, str]]] = {
    "vnadmin": ("import vnadmin", {}),
    "attrs": ("import attrs", {}),
    "hypothesis+plugin": ("import hypothesis", {}),
    "hypothesis-plugin": (
        "import hypothesis, importlib.metadata\n"
        "importlib.metadata.entry_points(group='hypothesis')",
        {"HYPOTHESIS_NO_PLUGINS": "1"},
    ),
}


def time_import(stmt: str, extra_env: Mapping[str, str]) -> float:
    """Seconds the statement takes in a fresh interpreter."""
    # .pyc files written and used, as in an installed package
    drop = {"HYPOTHESIS_NO_PLUGINS", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra_env)
    out = subprocess.run(
        [sys.executable, "-c", _TIMER.format(stmt=stmt)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return float(out.split()[-1])


def measure(rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in CASES}
    names = list(CASES)
    for name in names:  # warm the file-system cache and the .pyc files once
        time_import(*CASES[name])
    for r in range(rounds):
        order = names if r % 2 == 0 else names[::-1]
        for name in order:
            times[name].append(time_import(*CASES[name]))
    return times


def median_ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def median_diff_ms(a: list[float], b: list[float]) -> float:
    return statistics.median((x - y) * 1e3 for x, y in zip(a, b, strict=True))


def main(argv: list[str]) -> int:
    rounds = int(argv[1]) if len(argv) > 1 else 21
    t = measure(rounds)
    for name, values in t.items():
        print(f"{name:20} median {statistics.median(values) * 1e3:7.1f} ms")
    ratio = median_ratio(t["vnadmin"], t["attrs"])
    print(f"import vnadmin / import attrs:        {ratio:5.2f}x  (target <= 1.5x)")
    diff = median_diff_ms(t["hypothesis+plugin"], t["hypothesis-plugin"])
    ratio = median_ratio(t["hypothesis+plugin"], t["hypothesis-plugin"])
    print(
        f"import hypothesis, plugin - no plugin: {diff:+5.1f} ms ({ratio:4.2f}x)  (target <= 10 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
