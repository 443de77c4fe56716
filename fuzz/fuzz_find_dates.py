"""Fuzz target: ``find_dates`` never raises on a str; every span lies in the text."""

from __future__ import annotations

import _harness
from _harness import vnadmin


def test_one_input(data: bytes) -> None:
    text = _harness.text(data)
    for mention in vnadmin.find_dates(text):
        assert 0 <= mention.span[0] <= mention.span[1] <= len(text), mention.span


if __name__ == "__main__":
    _harness.main(test_one_input)
