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

    from vnadmin.codes.model import DocumentCode
    from vnadmin.recipients import RecipientList
    from vnadmin.signatures import SignatureBlock

    st.register_type_strategy(DocumentCode, lambda _: _strategy("document_codes"))
    st.register_type_strategy(SignatureBlock, lambda _: _strategy("signature_blocks"))
    st.register_type_strategy(RecipientList, lambda _: _strategy("recipient_lists"))


def _strategy(name: str) -> SearchStrategy[Any]:
    from vnadmin import strategies

    factory = getattr(strategies, name)
    result: SearchStrategy[Any] = factory()
    return result
