"""Hypothesis strategies for vnadmin values, for your own property-based tests.

Install with ``pip install vnadmin[hypothesis]``. Registered through
hypothesis' entry point, so ``st.from_type(DocumentCode)`` works too.

>>> from hypothesis import given
>>> from vnadmin import strategies as vst, parse_code
>>> @given(vst.document_codes())
... def test_round_trip(code):
...     assert parse_code(str(code)) == code
>>> test_round_trip()
"""

from __future__ import annotations

from vnadmin.strategies._codes import (
    code_numbers,
    code_texts,
    document_codes,
    issuer_abbrs,
    type_abbrs,
    years,
)

__all__ = [
    "code_numbers",
    "code_texts",
    "document_codes",
    "issuer_abbrs",
    "type_abbrs",
    "years",
]
