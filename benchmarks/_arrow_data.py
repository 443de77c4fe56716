"""Real-shaped columns of codes for the Arrow benchmarks and tests."""

from __future__ import annotations

import random
from pathlib import Path

# (the corpus codes and the junk of the codes benchmark, shared)
from bench_codes import junk as junk_pool
from bench_codes import load_codes as corpus_codes

ROOT = Path(__file__).resolve().parent.parent


def real_shaped(
    n: int, seed: int = 1, junk: float = 0.01, nulls: float = 0.005
) -> list[str | None]:
    """``n`` codes: numbers varied (1 to 9999, a few written with leading zeros), the
    ký hiệu of a corpus code drawn with a Zipf-like skew (the k-th most common 1/k as
    often), ``junk`` of them junk drawn from 1,000 junk strings, ``nulls`` of them null."""
    rng = random.Random(seed)
    codes = corpus_codes()
    rng.shuffle(codes)
    tails = [c[len(c) - len(c.lstrip("0123456789")) :] for c in codes]
    written = dict(zip(tails, codes, strict=True))
    weights = [1 / (k + 1) for k in range(len(tails))]
    pool = junk_pool(1000)
    picked = rng.choices(tails, weights, k=n)
    out: list[str | None] = []
    for tail in picked:
        r = rng.random()
        if r < nulls:
            out.append(None)
        elif r < nulls + junk:
            out.append(rng.choice(pool))
        elif tail[:1] in "/-":
            number = rng.randint(1, 9999)
            out.append(f"{number:02d}{tail}" if rng.random() < 0.7 else f"{number}{tail}")
        else:
            out.append(written[tail])  # as written: ``Không số``, ``30c/NQCP``
    return out
