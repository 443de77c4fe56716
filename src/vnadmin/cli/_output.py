"""Writing the output: JSON in the one dialect of :mod:`vnadmin.serialization`, streams
that cannot take every character."""

from __future__ import annotations

import codecs
import contextlib
import io
import json
from typing import Any, TextIO

__all__ = ["data", "dump", "takes_unicode", "tolerant"]


def data(value: object) -> Any:
    """``value`` (vnadmin values, lists and dicts of them) as :func:`vnadmin.to_dict` data."""
    from vnadmin.serialization import to_dict

    return to_dict(value)


def takes_unicode(out: TextIO) -> bool:
    """Whether ``out`` can take every character (a UTF encoding, or no encoding at all:
    a :class:`io.StringIO`)."""
    encoding = getattr(out, "encoding", None)
    if not encoding:
        return True
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def dump(value: object, out: TextIO, *, raw: bool = False) -> None:
    """Write ``value`` as JSON (``raw``: plain JSON data, else through
    :mod:`vnadmin.serialization`); a stream that cannot take every character gets
    ``\\u`` escapes, so the JSON stays valid."""
    json.dump(value if raw else data(value), out, ensure_ascii=not takes_unicode(out), indent=2)
    out.write("\n")


def tolerant(stream: TextIO) -> TextIO:
    """``stream`` writing what its encoding cannot take as ``\\x``/``\\u`` escapes
    (``PYTHONIOENCODING=ascii``, a cp1258 console) instead of failing."""
    if isinstance(stream, io.TextIOWrapper) and not takes_unicode(stream):
        # (a closed stream, or one that cannot be reconfigured, is left as it is)
        with contextlib.suppress(ValueError, OSError, AttributeError):
            stream.reconfigure(errors="backslashreplace")
    return stream
