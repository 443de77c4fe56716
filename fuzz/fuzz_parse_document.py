"""Fuzz target: ``parse_document`` raises only VnAdminError; what it gives round-trips through JSON."""

from __future__ import annotations

import _harness
from _harness import vnadmin


def test_one_input(data: bytes) -> None:
    text = _harness.text(data)
    try:
        doc = vnadmin.parse_document(text)
        written = vnadmin.to_json(doc)  # (refused for a lone surrogate: no JSON holds one)
    except vnadmin.VnAdminError:
        return
    assert vnadmin.from_json(written, vnadmin.Document) == doc


if __name__ == "__main__":
    _harness.main(test_one_input)
