"""JSON for every vnadmin value, through one preconfigured cattrs converter.

The one JSON dialect of vnadmin (the ``vnadmin`` command writes it too): dates and
date-times are ISO 8601 strings; enums are written by VALUE, the readable and stable
form (``"normative"``, ``"warning"``, ``"KT"``, ``"Nơi nhận"``); spans are
``[start, end]`` lists; tuples become lists. ``from_json(to_json(x), type(x)) == x``
for every model, on every attrs and cattrs version the declared floors admit
(``.ci/min-versions`` runs the suite at the floors).
A :class:`~vnadmin.ParseError` is written as its ``message``, ``input``, ``span``,
``reason`` and ``expected``.

This module imports cattrs; ``import vnadmin`` does not (the top-level
:func:`vnadmin.to_json` and friends import it on first use).

>>> import vnadmin
>>> code = vnadmin.parse_code("30/2020/NĐ-CP")
>>> s = vnadmin.to_json(code)
>>> vnadmin.from_json(s, vnadmin.DocumentCode) == code
True
>>> vnadmin.to_dict(code)["family"]
'normative'
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import types
import typing
from typing import Any, TypeVar

import attrs
import cattrs

from vnadmin.errors import ParseError, VnAdminError

__all__ = ["converter", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]

T = TypeVar("T")


@functools.cache
def converter() -> cattrs.Converter:
    """The shared converter (built once)."""
    conv = cattrs.Converter()
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    conv.register_unstructure_hook(dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(dt.datetime, lambda v, _: dt.datetime.fromisoformat(v))
    conv.register_unstructure_hook(dt.time, lambda t: t.isoformat())
    conv.register_structure_hook(dt.time, lambda v, _: dt.time.fromisoformat(v))
    # Enums by value. On cattrs 23.2-25.3 the built-in enum *structure* hook (by value)
    # wins over a predicate hook registered here while the unstructure hook is ours: the
    # two directions agree on every version only if both use values.
    conv.register_unstructure_hook_func(_is_enum, _enum_value)
    conv.register_structure_hook_func(_is_enum, _enum_member)
    conv.register_unstructure_hook(ParseError, _parse_error_dict)
    conv.register_structure_hook(ParseError, _parse_error)
    return conv


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _enum_member(value: Any, tp: type[enum.Enum]) -> enum.Enum:
    return tp(value)


def _parse_error_dict(exc: ParseError) -> dict[str, Any]:
    return {
        "message": exc.message,
        "input": exc.input,
        "span": list(exc.span),
        "reason": exc.reason,
        "expected": exc.expected,
    }


def _parse_error(data: Any, _: type[ParseError]) -> ParseError:
    start, end = data["span"]
    return ParseError(
        str(data["message"]),
        input=str(data["input"]),
        span=(int(start), int(end)),
        reason=str(data["reason"]),
        expected=str(data["expected"]),
    )


def to_dict(value: object) -> Any:
    """``value`` as plain JSON-compatible data."""
    return converter().unstructure(value)


def from_dict(data: Any, cls: type[T]) -> T:
    """Rebuild a ``cls`` from :func:`to_dict` data; raises :class:`VnAdminError` on bad data."""
    try:
        return converter().structure(data, cls)
    except Exception as exc:  # cattrs raises ClassValidationError / KeyError / TypeError
        raise VnAdminError(f"cannot build {cls.__name__} from this data: {exc}") from exc


def to_json(value: object, *, indent: int | None = None) -> str:
    """``value`` as a JSON string (UTF-8 characters kept)."""
    return json.dumps(to_dict(value), ensure_ascii=False, indent=indent)


def from_json(text: str, cls: type[T]) -> T:
    """Rebuild a ``cls`` from :func:`to_json` output."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise VnAdminError(f"not JSON: {exc}") from exc
    return from_dict(data, cls)


# --- JSON Schema ------------------------------------------------------------------------


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for what :func:`to_dict` gives for ``cls``.

    >>> from vnadmin.document import Document
    >>> json_schema(Document)["$defs"]["DocumentCode"]["properties"]["year"]
    {'anyOf': [{'type': 'integer'}, {'type': 'null'}]}
    """
    defs: dict[str, Any] = {}
    root = _schema(cls, defs)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **root, "$defs": defs}


def _schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema(a, defs) for a in args]}
    if tp is type(None):
        return {"type": "null"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is dt.datetime:
        return {"type": "string", "format": "date-time"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    if tp is dt.time:
        return {"type": "string", "format": "time"}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema(args[0], defs)}
        return {
            "type": "array",
            "prefixItems": [_schema(a, defs) for a in args],
            "minItems": len(args),
            "maxItems": len(args),
        }
    if origin in (list, typing.Sequence):
        return {"type": "array", "items": _schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema(args[1], defs)}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        values = [m.value for m in tp]
        if all(isinstance(v, str) for v in values):
            return {"type": "string", "enum": values}
        return {"enum": values}
    if isinstance(tp, type) and attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            hints = typing.get_type_hints(tp)
            fields = attrs.fields(tp)
            defs[name] = {
                "type": "object",
                "description": (tp.__doc__ or "").strip().split("\n")[0],
                "properties": {f.name: _schema(hints[f.name], defs) for f in fields},
                "required": [f.name for f in fields if f.default is attrs.NOTHING],
            }
        return {"$ref": f"#/$defs/{name}"}
    return {}
