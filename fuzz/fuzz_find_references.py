"""Fuzz target: ``find_references`` never raises on a str; every span lies in the text."""

from __future__ import annotations

import _harness
from _harness import vnadmin


def test_one_input(data: bytes) -> None:
    text = _harness.text(data)
    for ref in vnadmin.find_references(text):
        assert 0 <= ref.span[0] <= ref.span[1] <= len(text), ref.span


if __name__ == "__main__":
    _harness.main(test_one_input)
