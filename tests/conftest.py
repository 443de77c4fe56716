from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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
