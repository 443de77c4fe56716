"""Fuzz target: ``lint`` never raises on a str."""

from __future__ import annotations

import _harness
from _harness import vnadmin


def test_one_input(data: bytes) -> None:
    vnadmin.lint(_harness.text(data))


if __name__ == "__main__":
    _harness.main(test_one_input)
