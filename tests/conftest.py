"""Shared fixtures and the hypothesis profiles of the test suite.

Profiles (choose with the environment variable ``VNADMIN_HYPOTHESIS_PROFILE``):

``ci`` (the default)
    Fast: about 200 examples a property (the exception-contract tests of
    ``tests/test_contract.py`` run 20 per callable and strategy, :data:`CONTRACT_EXAMPLES`,
    and the memory test 100 texts, :data:`MEMORY_TEXTS`), so the whole suite stays around
    40 s.
``dev``
    100 examples, for a quick local loop.
``quick``
    25 examples a property (5 per callable in the contract tests): the extra interpreter
    runs of ``.ci/run`` (the suite on Python 3.10 at the minimum versions and on 3.13), where
    what is checked is that the code runs there, not a deeper search.
``long``
    The fuzzing run of issue 10: at least 20,000 examples for every property test (also
    those that set their own ``max_examples``), no deadline, no health check on slow data::

        VNADMIN_HYPOTHESIS_PROFILE=long python -m pytest tests/test_contract.py

    Expect hours for the whole suite; run it per file or with ``-k``. The memory test then
    runs the 3,000 texts of issue 10.

``VNADMIN_CONTRACT_EXAMPLES=n`` and ``VNADMIN_MEMORY_TEXTS=n`` override those two counts in
any profile.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

DATA = Path(__file__).parent / "data"

LONG_EXAMPLES = 20_000

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "quick", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long",
    max_examples=LONG_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("VNADMIN_HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)

#: Examples per callable and strategy in the exception-contract tests: few in CI (there are
#: about a hundred of them), the full long-run count otherwise.
#: ``VNADMIN_CONTRACT_EXAMPLES`` sets it directly.
CONTRACT_EXAMPLES = int(
    os.environ.get(
        "VNADMIN_CONTRACT_EXAMPLES",
        {"ci": 20, "dev": 5, "quick": 5}.get(PROFILE, settings.default.max_examples),
    )
)
#: Texts of the memory test (tests/test_contract.py): 100 in CI (about 4 s; a memo bounded
#: by count keeps ~19 MB of them, 0.19 MB a text), the 3,000 of issue 10 in the long profile.
MEMORY_TEXTS = int(os.environ.get("VNADMIN_MEMORY_TEXTS", 3000 if PROFILE == "long" else 100))


#: What marks a test ``slow`` by its name or module: the megabyte, growth, memory and
#: whole-corpus-file tests, about a third of the suite's time, whose answers do not depend
#: on the interpreter or the dependency versions. ``.ci/run`` runs them once, in its main
#: run, and deselects them (``-m "not slow"``) in the runs on the oldest and newest Python.
_SLOW_WORDS = ("megabyte", "linear", "memory", "growth", "bounded_time", "hang", "adversarial")
_SLOW_MODULES = ("test_reader_files.py", "test_reader_pdf.py", "test_adversarial_ratios.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tests (see :data:`_SLOW_WORDS`); in the long profile, raise every
    property test to at least LONG_EXAMPLES examples, overriding the
    ``@settings(max_examples=...)`` some tests give for CI."""
    slow = pytest.mark.slow
    for item in items:
        name = item.name.lower()
        if any(w in name for w in _SLOW_WORDS) or item.path.name in _SLOW_MODULES:
            item.add_marker(slow)
    if PROFILE != "long":
        return
    for item in items:
        fn = getattr(item, "obj", None)
        own = getattr(fn, "_hypothesis_internal_use_settings", None)
        if isinstance(own, settings) and own.max_examples < LONG_EXAMPLES:
            fn._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
                own, max_examples=LONG_EXAMPLES, deadline=None
            )


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV under tests/data, skipping ``#`` comment lines."""
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="session")
def corpus_codes() -> list[dict[str, str]]:
    return read_tsv("codes.tsv")
