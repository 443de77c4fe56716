"""Hypothesis entry point: registers strategies for vnadmin's types.

Kept apart from :mod:`vnadmin.strategies` (which imports hypothesis) so that
loading the entry point while hypothesis initialises causes no import cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis: ``st.from_type(DocumentCode)`` etc. then work."""
    from hypothesis import strategies as st

    from vnadmin.code_model import DocumentCode

    st.register_type_strategy(DocumentCode, lambda _: _codes())


def _codes() -> SearchStrategy[Any]:
    from vnadmin.strategies import document_codes

    return document_codes()
