"""Fuzz target: ``parse_recipients`` raises only VnAdminError."""

from __future__ import annotations

import _harness
from _harness import vnadmin


def test_one_input(data: bytes) -> None:
    _harness.only_vnadmin_errors(lambda: vnadmin.parse_recipients(_harness.text(data)))


if __name__ == "__main__":
    _harness.main(test_one_input)
