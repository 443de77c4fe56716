"""Adversarial inputs against real text, for every public text function (issue 10).

For each public function that takes text (the table of ``tests/test_contract.py``) and each
adversarial family of ``tests/strategies_adversarial.py`` at ``--size`` characters (100 kB by
default), the time of one call is compared with the time of one call on as much real text
(``tests/data/texts`` concatenated; for the functions that read one recipient list, a
real list of that size: :data:`REAL_INPUT`); every call gets a distinct text (a unique last line),
so no memo answers for it. Rounds alternate real and adversarial calls and the
median of each is kept. Each function runs in its own subprocess; a family that takes longer
than ``--timeout`` seconds (20 by default) is interrupted and reported as ``> 20 s``.

Target of issue 10: no adversarial input takes more than 10x the time of real text.

    PYTHONPATH=src python benchmarks/bench_adversarial.py            # everything
    PYTHONPATH=src python benchmarks/bench_adversarial.py -f find_codes -f lint --size 10000
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

TARGET = 10.0


def real_text(size: int) -> str:
    texts = sorted((ROOT / "tests" / "data" / "texts").glob("*.txt"))
    out = "\n\n".join(p.read_text(encoding="utf-8") for p in texts)
    while len(out) < size:
        out += "\n\n" + out
    return out[:size]


def real_list(size: int) -> str:
    """As many real Nơi nhận entries as fill ``size`` characters, under one header (the
    entries of the lists in ``tests/data/texts``, one a line, in turn).

    The functions that read one recipient list stop where the first list of a real text
    ends, so 100 kB of running text costs them one list; their real input of the same size
    is a list of the same size."""
    from vnadmin import find_recipients

    entries: list[str] = []
    for p in sorted((ROOT / "tests" / "data" / "texts").glob("*.txt")):
        t = p.read_text(encoding="utf-8")
        for r in find_recipients(t):
            if r.kind.name == "NOI_NHAN":
                for line in t[r.span[0] : r.span[1]].split("\n")[1:]:
                    if line.strip().startswith("-") and "Lưu" not in line:
                        entries.append(line.rstrip(" ;.") + ";")
    out = ["Nơi nhận:"]
    total, i = 10, 0
    while total < size - 12:
        out.append(entries[i % len(entries)])
        total += len(out[-1]) + 1
        i += 1
    out.append("- Lưu: VT.")
    return "\n".join(out)[:size]


#: The functions whose real input is one value of the size asked (see :func:`real_list`).
REAL_INPUT = dict.fromkeys(
    ("parse_recipients", "validate_recipients", "is_valid_recipients", "check_recipients"),
    real_list,
)


def functions() -> list[str]:
    from tests.test_contract import TEXT_FUNCTIONS

    return list(TEXT_FUNCTIONS)


class Expired(Exception):
    pass


def _expire(signum: int, frame: object) -> None:
    raise Expired


def measure(name: str, families: list[str], size: int, rounds: int, timeout: float) -> None:
    """In the subprocess: one JSON line per family on stdout."""
    from tests.strategies_adversarial import FAMILIES
    from tests.test_contract import EXTRA_ARGS, PUBLIC

    import vnadmin

    fn = PUBLIC[name]
    extra = EXTRA_ARGS.get(name, ())

    calls = iter(range(1 << 62))

    def once(text: str) -> float:
        # A distinct text every call (a unique last line), so no memo answers for it.
        text = f"{text}\n{next(calls)}"
        start = time.perf_counter()
        try:
            fn(text, *extra)
        except vnadmin.VnAdminError:
            pass
        except Expired:
            raise
        except Exception:  # the contract tests report these; time them all the same
            pass
        return time.perf_counter() - start

    signal.signal(signal.SIGALRM, _expire)
    real = REAL_INPUT.get(name, real_text)(size)
    for family in families:
        text = FAMILIES[family](size)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            once(real)
            once(text)  # warm up both
            reals, advs = [], []
            for _ in range(rounds):
                reals.append(once(real))
                advs.append(once(text))
            row: dict[str, Any] = {
                "family": family,
                "real": statistics.median(reals),
                "adv": statistics.median(advs),
            }
        except Expired:
            row = {"family": family, "real": None, "adv": None, "expired": timeout}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        print(json.dumps(row), flush=True)


def run_function(
    name: str, families: list[str], size: int, rounds: int, timeout: float
) -> list[dict[str, Any]]:
    cmd = [sys.executable, __file__, "--child", name, "--size", str(size)]
    cmd += ["--rounds", str(rounds), "--timeout", str(timeout)]
    for family in families:
        cmd += ["--family", family]
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}")
    limit = (timeout + 5) * len(families) + 30
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, env=env)
        out = proc.stdout
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    done = {r["family"] for r in rows}
    rows += [{"family": f, "expired": timeout} for f in families if f not in done]
    for row in rows:
        row["function"] = name
    return rows


def ratio(row: dict[str, Any]) -> float:
    if row.get("expired"):
        return float("inf")
    return float(row["adv"]) / max(float(row["real"]), 1e-6)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--function", action="append", help="only these functions")
    parser.add_argument("--family", action="append", help="only these families")
    parser.add_argument("--size", type=int, default=100_000, help="characters per input")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per family")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", action="store_true", help="one JSON line per measurement")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    from tests.strategies_adversarial import FAMILIES

    families = args.family or list(FAMILIES)
    if args.child:
        measure(args.child, families, args.size, args.rounds, args.timeout)
        return 0
    names = args.function or functions()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(
            pool.map(
                lambda n: run_function(n, families, args.size, args.rounds, args.timeout),
                names,
            )
        )
    rows = [row for per in results for row in per]
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return 0
    print(f"{args.size} characters, median of {args.rounds} alternating rounds")
    print(f"{'function':34} {'real ms':>9} {'worst family':26} {'adv ms':>10} {'ratio':>8}")
    worst_overall: dict[str, Any] | None = None
    for per in results:
        worst = max(per, key=ratio)
        reals = [r["real"] for r in per if r.get("real") is not None]
        real_ms = (worst.get("real") or statistics.median(reals or [float("nan")])) * 1e3
        adv = f"> {args.timeout:g} s" if worst.get("expired") else f"{worst['adv'] * 1e3:10.2f}"
        print(
            f"{worst['function']:34} {real_ms:9.2f} {worst['family']:26} {adv:>10} {ratio(worst):8.1f}"
        )
        if worst_overall is None or ratio(worst) > ratio(worst_overall):
            worst_overall = worst
    over = sorted((r for r in rows if ratio(r) > TARGET), key=ratio, reverse=True)
    if over:
        print(f"\nover {TARGET:g}x ({len(over)}):")
        for r in over:
            shown = f"> {args.timeout:g} s" if r.get("expired") else f"{ratio(r):.1f}x"
            print(f"  {r['function']:34} {r['family']:26} {shown}")
    if worst_overall is not None:
        print(
            f"\nworst ratio: {ratio(worst_overall):.1f}x "
            f"({worst_overall['function']} on {worst_overall['family']})"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
