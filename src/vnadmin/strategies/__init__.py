"""Hypothesis strategies for vnadmin values, for your own property-based tests.

Install with ``pip install vnadmin[hypothesis]``. Registered through hypothesis' entry
point (lazily: this module is imported on the first ``st.from_type`` only), so
``st.from_type(T)`` draws these values too for ``T`` in :class:`~vnadmin.DocumentCode`,
:class:`~vnadmin.SignatureBlock`, :class:`~vnadmin.RecipientList`,
:class:`~vnadmin.Deadline`, :class:`~vnadmin.Holiday` and :class:`~vnadmin.Document`,
and for every other public value type (:func:`values`: ``st.from_type(vnadmin.Reference)``,
``st.from_type(vnadmin.Calendar)`` …), values that ``vnadmin.to_json`` writes and
``vnadmin.from_json`` reads back equal.

>>> from hypothesis import given
>>> from vnadmin import strategies as vst, parse_code
>>> @given(vst.document_codes())
... def test_round_trip(code):
...     assert parse_code(str(code)) == code
>>> test_round_trip()
"""

from __future__ import annotations

from vnadmin.strategies._blocks import block_texts, recipient_lists, signature_blocks
from vnadmin.strategies._codes import (
    code_numbers,
    code_texts,
    document_codes,
    issuer_abbrs,
    type_abbrs,
    years,
)
from vnadmin.strategies._dates import (
    date_texts,
    dates,
    deadline_texts,
    deadlines,
    holidays,
    hostile_date_texts,
    period_texts,
    place_date_texts,
    time_texts,
    times,
    weekday_names,
)
from vnadmin.strategies._documents import DocumentDraft, documents, parsed_documents
from vnadmin.strategies._values import calendars, spans, values
from vnadmin.strategies._work import meetings, tasks

__all__ = [
    "DocumentDraft",
    "block_texts",
    "calendars",
    "code_numbers",
    "code_texts",
    "date_texts",
    "dates",
    "deadline_texts",
    "deadlines",
    "document_codes",
    "documents",
    "holidays",
    "hostile_date_texts",
    "issuer_abbrs",
    "meetings",
    "parsed_documents",
    "period_texts",
    "place_date_texts",
    "recipient_lists",
    "signature_blocks",
    "spans",
    "tasks",
    "time_texts",
    "times",
    "type_abbrs",
    "values",
    "weekday_names",
    "years",
]
