"""A strategy for every public value type: :func:`values` (``st.from_type`` uses it).

The types with a strategy of their own (codes, signature blocks, recipient lists,
deadlines, holidays, documents, meetings, tasks, calendars) use it; every other public
attrs class is built field by field (``st.builds``) with the values :func:`vnadmin.to_json`
can write and :func:`vnadmin.from_json` reads back: spans ``[start, end]`` with
``0 <= start <= end``, finite floats, text without lone surrogates, at most three items a
tuple (a :class:`~vnadmin.Division`'s ``children`` nest through :func:`hypothesis.strategies.deferred`).
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from vnadmin.calendar import Calendar

__all__ = ["calendars", "spans", "values"]

_SPAN = tuple[int, int]


def spans(max_start: int = 2_000, max_length: int = 200) -> st.SearchStrategy[tuple[int, int]]:
    """``(start, end)`` with ``0 <= start <= end``."""
    return st.tuples(st.integers(0, max_start), st.integers(0, max_length)).map(
        lambda ab: (ab[0], ab[0] + ab[1])
    )


def calendars() -> st.SearchStrategy[Calendar]:
    """:class:`~vnadmin.Calendar` values: a few user entries, up to two rest days a week
    (any of Monday … Sunday), announced schedules on or off."""
    from vnadmin.strategies._dates import holidays

    return st.builds(
        Calendar,
        extra=st.lists(holidays(), max_size=3).map(tuple),
        weekend=st.frozensets(st.integers(0, 6), max_size=2),
        announced=st.booleans(),
    )


def _own() -> dict[type[Any], Callable[[], st.SearchStrategy[Any]]]:
    """The types with a strategy of their own (imported on first use)."""
    from vnadmin.calendar import Holiday
    from vnadmin.codes.model import DocumentCode
    from vnadmin.dates.deadlines import Deadline
    from vnadmin.document import Document
    from vnadmin.meetings.model import Meeting
    from vnadmin.recipients.model import RecipientList
    from vnadmin.signatures.model import SignatureBlock
    from vnadmin.strategies import _blocks, _codes, _dates, _documents, _work
    from vnadmin.tasks.model import Task

    return {
        DocumentCode: _codes.document_codes,
        SignatureBlock: _blocks.signature_blocks,
        RecipientList: _blocks.recipient_lists,
        Deadline: _dates.deadlines,
        Holiday: _dates.holidays,
        Document: _documents.parsed_documents,
        Meeting: _work.meetings,
        Task: _work.tasks,
        Calendar: calendars,
    }


@functools.cache
def values(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Values of ``cls``, a public vnadmin value type (an attrs class of
    ``vnadmin.__all__``), that pass :func:`vnadmin.to_json` and read back equal.

    >>> import vnadmin
    >>> from hypothesis import given
    >>> @given(values(vnadmin.Reference))
    ... def test_round_trip(ref):
    ...     assert vnadmin.from_json(vnadmin.to_json(ref), vnadmin.Reference) == ref
    >>> test_round_trip()
    """
    own = _own().get(cls)
    if own is not None:
        return own()
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise TypeError(f"{cls!r} is not a vnadmin value type")
    hints = typing.get_type_hints(cls)
    fields = {_alias(f): _field(hints[f.name]) for f in attrs.fields(cls) if f.init}
    return st.builds(cls, **fields)


def _alias(f: Any) -> str:
    alias = getattr(f, "alias", None)  # attrs >= 22.2; before, the name without "_"
    return alias if isinstance(alias, str) else str(f.name).lstrip("_")


def _field(tp: Any) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp == _SPAN:
        return spans()
    if origin in (typing.Union, types.UnionType):
        return st.one_of([_field(a) for a in args])
    if tp is type(None):
        return st.none()
    if tp is float:
        return st.floats(allow_nan=False, allow_infinity=False, width=32)
    if tp is str:
        return st.text(max_size=30)
    if tp is dt.datetime:
        return st.datetimes(timezones=st.none() | st.just(dt.timezone(dt.timedelta(hours=7))))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(_field(args[0]), max_size=3).map(tuple)
        return st.tuples(*(_field(a) for a in args))
    if isinstance(tp, type) and attrs.has(tp) and (tp.__module__ or "").startswith("vnadmin"):
        return st.deferred(lambda: values(tp))
    return st.from_type(tp)
