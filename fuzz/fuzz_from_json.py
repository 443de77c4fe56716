"""Fuzz target: ``from_json`` into every public value type raises only VnAdminError."""

from __future__ import annotations

from typing import Any

import _harness
import attrs
from _harness import vnadmin

_TYPES: list[Any] = [
    t
    for t in (getattr(vnadmin, name) for name in vnadmin.__all__)
    if isinstance(t, type) and attrs.has(t)
]
_TYPES.append(vnadmin.ParseError)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    cls = _TYPES[data[0] % len(_TYPES)]
    text = data[1:].decode("utf-8", "replace")
    _harness.only_vnadmin_errors(lambda: vnadmin.from_json(text, cls))
    _harness.only_vnadmin_errors(lambda: vnadmin.from_json(data[1:], cls))  # bytes


if __name__ == "__main__":
    _harness.main(test_one_input)
