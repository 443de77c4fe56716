"""Fuzz target: ``find_deadlines`` never raises on a str (with and without an issue date)."""

from __future__ import annotations

import _harness
from _harness import vnadmin

_ISSUED = __import__("datetime").date(2025, 10, 15)


def test_one_input(data: bytes) -> None:
    text = _harness.text(data)
    vnadmin.find_deadlines(text)
    vnadmin.find_deadlines(text, issued=_ISSUED)


if __name__ == "__main__":
    _harness.main(test_one_input)
