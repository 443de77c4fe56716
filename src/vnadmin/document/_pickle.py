"""A compact pickle of a :class:`~vnadmin.Document`.

Pickled as its fields, a document repeated most of its text: the body, each legal basis,
each division of the structure, each reference, date, deadline, signature and recipient
keeps its own copy of the characters it was read from (a new string, sliced from the
text), and pickle writes every copy out again, so a document pickled to about 3× its text
(34 kB for 17 kB). Here the text is written once; any other string of the document that
occurs in the text is written as the offsets of one occurrence (a persistent id) and
sliced again on loading. That alone gives 1.1× the text (UTF-8) for long documents but
up to 2× for a short letter (the names of the classes and fields, the spans); so the
whole, text included, is then compressed (zlib, level 1: about 1 ms for 100 kB), which
leaves well under 1× the text. Document types are written by their fields and loaded as
the shipped registry's own entries (:meth:`vnadmin.registry.DocumentType.__reduce__`).
"""

from __future__ import annotations

import io
import pickle
import zlib
from typing import Any

__all__ = ["dump_fields", "load_fields"]

#: Strings shorter than this are written as they are (an offset pair is about as long).
_MIN = 8


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, text: str) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.text = text
        self.seen: dict[int, tuple[int, int] | None] = {}

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) is not str or len(obj) < _MIN or obj is self.text:
            return None
        key = id(obj)
        seen = self.seen
        if key in seen:
            return seen[key]
        at = self.text.find(obj)
        found = (at, at + len(obj)) if at >= 0 else None
        seen[key] = found
        return found


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file)
        self.text = ""

    def persistent_load(self, pid: Any) -> Any:
        start, end = pid
        return self.text[start:end]


def dump_fields(values: tuple[Any, ...], text: str) -> bytes:
    """``text`` and ``values`` pickled (the strings of ``values`` found in ``text`` written
    as offsets), compressed."""
    buf = io.BytesIO()
    pickler = _Pickler(buf, text)
    pickler.dump(text)  # first, alone: the loader needs it to slice the rest
    pickler.dump(values)
    pickler.seen.clear()  # ids are only meaningful while the objects are alive
    return zlib.compress(buf.getvalue(), 1)


def load_fields(blob: bytes) -> tuple[str, Any]:
    """The text and the values :func:`dump_fields` wrote, their strings sliced from the
    text again."""
    unpickler = _Unpickler(io.BytesIO(zlib.decompress(blob)))
    text = unpickler.load()
    if type(text) is not str:
        raise pickle.UnpicklingError("not the pickle of a document")
    unpickler.text = text
    return text, unpickler.load()
