"""Fuzz target: ``scan_code`` and ``find_codes`` never raise on a str; a scan ends inside the text."""

from __future__ import annotations

import _harness
from _harness import vnadmin


def test_one_input(data: bytes) -> None:
    text = _harness.text(data)
    found = vnadmin.scan_code(text)
    if found is not None:
        _code, end = found
        assert 0 <= end <= len(text), (end, len(text))
    for code in vnadmin.find_codes(text):
        assert 0 <= code.span[0] <= code.span[1] <= len(text), code.span


if __name__ == "__main__":
    _harness.main(test_one_input)
