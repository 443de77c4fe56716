from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import vnadmin

DATA = Path(__file__).parent / "data"

settings.register_profile("ci", max_examples=200, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100)
settings.load_profile("ci")


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV under tests/data, skipping ``#`` comment lines."""
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="session")
def corpus_codes() -> list[dict[str, str]]:
    return read_tsv("codes.tsv")


def line_events(fn: Callable[[str], object], arg: str) -> int:
    """Python line events executed by ``fn(arg)``: a machine-independent op count
    for growth tests (no timed asserts)."""
    count = 0

    def tracer(frame: object, event: str, _: object) -> object:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)  # type: ignore[arg-type]
    try:
        fn(arg)
    except vnadmin.VnAdminError:
        pass
    finally:
        sys.settrace(old)
    return count
