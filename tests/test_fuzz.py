"""The atheris targets of fuzz/ import and run without atheris (on real and hostile
inputs), so they do not rot between fuzzing runs; ``fuzz/run.py`` is their runner."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
TARGETS = sorted(p.stem for p in FUZZ.glob("fuzz_*.py"))
INPUTS = [
    b"",
    b"\0" + "Số: 12/QĐ-UBND\nHà Nội, ngày 15 tháng 10 năm 2025\n".encode(),
    b"\0" + (FUZZ.parent / "examples" / "thong-bao-ket-luan-2024.txt").read_bytes(),
    b"\x01\xff\xfe\x00\xd8abc",  # any code points, lone surrogates included
    b"\0\xff\xfe invalid UTF-8",
    b'\x05{"number": 1, "family": "legacy"}',
    b"\x03[[[[[[[[[[",
]


def test_a_target_per_entry_point() -> None:
    assert {t.removeprefix("fuzz_") for t in TARGETS} == {
        "parse_code",
        "scan_code",
        "find_dates",
        "find_deadlines",
        "parse_signature",
        "parse_recipients",
        "find_references",
        "parse_document",
        "lint",
        "from_json",
    }


@pytest.mark.parametrize("target", TARGETS)
def test_target_runs_on_seeds(target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(FUZZ))
    module = importlib.import_module(target)
    for data in INPUTS:
        module.test_one_input(data)


def test_runner_lists_every_target(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(FUZZ))
    run = importlib.import_module("run")
    assert [f"fuzz_{t}" for t in run.TARGETS] == TARGETS
    assert "atheris" not in sys.modules or sys.modules["atheris"] is not None
