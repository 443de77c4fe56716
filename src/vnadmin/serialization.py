"""JSON for every vnadmin value, through one preconfigured cattrs converter.

The one JSON dialect of vnadmin (the ``vnadmin`` command writes it too): dates and
date-times are ISO 8601 strings; enums are written by VALUE, the readable and stable
form (``"normative"``, ``"warning"``, ``"KT"``, ``"Nơi nhận"``); spans are
``[start, end]`` lists; tuples become lists. ``from_json(to_json(x), type(x)) == x``
for every model, on every attrs and cattrs version the declared floors admit
(``.ci/min-versions`` runs the suite at the floors).
A :class:`~vnadmin.ParseError` is written as its ``message``, ``input``, ``span``,
``reason`` and ``expected``.

Inside a :class:`~vnadmin.Document`, a part's own source text is not written again when it
is exactly the document's ``text`` at the part's span (a code's ``source``, a body's or a
reference's ``text``, a title at its ``title_span``, a day's ``day_text`` at its
``day_span`` …): the document's text is written once, and reading the JSON back slices it
again. A document type of the shipped registry is written as its ``category`` and
``name``, and read back from the registry; fields at their default are left out. The round
trip is exact, and the JSON of a document is not several times the size of its text.

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
    _register_values(conv)
    # Documents go through a second converter that leaves defaults out, and their parts'
    # own texts are taken out (and put back) around it.
    from vnadmin.document import Document

    plain = cattrs.Converter(omit_if_default=True)
    _register_values(plain)
    conv.register_unstructure_hook(Document, lambda doc: _lean(plain.unstructure(doc), doc.text))
    conv.register_structure_hook(Document, lambda data, cls: plain.structure(_full(data, cls), cls))
    return conv


def _register_values(conv: cattrs.Converter) -> None:
    """The hooks of the dialect: ISO dates and times, enums by value, parse errors."""
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


@functools.cache
def _source_fields(cls: type[Any]) -> tuple[tuple[str, str], ...]:
    """The ``(field, span field)`` pairs of ``cls`` whose text is the document's at the
    span: ``text``/``source`` at ``span``, ``X_text`` at ``X_span``, ``X`` at ``X_span``."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in attrs.fields(cls)}
    pairs = []
    for name in sorted(names):
        if name in ("text", "source"):
            span = "text_span" if "text_span" in names else "span"
        elif name.endswith("_text"):
            span = name[: -len("_text")] + "_span"
        else:
            span = f"{name}_span"
        if span in names and hints[name] in (str, str | None):
            pairs.append((name, span))
    return tuple(pairs)


def _walk(tp: Any, data: Any, text: str, strip: bool) -> None:
    """Drop (``strip``) or restore, in ``data`` of type ``tp``, every source-backed field."""
    if data is None:
        return
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is not type(None):
                _walk(arg, data, text, strip)
        return
    if origin is tuple and isinstance(data, (list, tuple)):
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            for item in data:
                _walk(args[0], item, text, strip)
        return
    if not (isinstance(tp, type) and attrs.has(tp) and isinstance(data, dict)):
        return
    if tp.__name__ == "DocumentType":
        _registry_entry(data, strip)
        return
    for name, span_name in _source_fields(tp):
        span = data.get(span_name)
        if not (isinstance(span, (list, tuple)) and len(span) == 2):
            continue
        a, b = span
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a <= b <= len(text)):
            continue
        if strip and data.get(name) == text[a:b]:
            del data[name]
        elif not strip and name not in data:
            data[name] = text[a:b]
    hints = typing.get_type_hints(tp)
    for f in attrs.fields(tp):
        if f.name in data:
            _walk(hints[f.name], data[f.name], text, strip)


_FROM_REGISTRY = ("abbr", "name_en", "article")


def _may_be_left_out(cls: Any) -> set[str]:
    if cls.__name__ == "DocumentType":
        return set(_FROM_REGISTRY)
    return {name for name, _ in _source_fields(cls)}


def _registry_entry(data: dict[str, Any], strip: bool) -> None:
    """A document type of the shipped registry is written as its category and name only
    (a code's type, repeated for every reference, is otherwise most of its JSON)."""
    from vnadmin.registry import DocCategory, default_registry

    try:
        entry = default_registry.type_by_name(data["name"], DocCategory(data["category"]))
    except (KeyError, ValueError, TypeError):
        return
    if entry is None:
        return
    if strip:
        if all(data.get(k) == getattr(entry, k) for k in _FROM_REGISTRY):
            for k in _FROM_REGISTRY:
                del data[k]
    else:
        for k in _FROM_REGISTRY:
            data.setdefault(k, getattr(entry, k))


def _lean(data: dict[str, Any], text: str) -> dict[str, Any]:
    from vnadmin.document import Document

    _walk(Document, data, text, strip=True)
    return data


def _full(data: Any, cls: type[Any]) -> Any:
    if isinstance(data, dict) and isinstance(data.get("text"), str):
        data = json.loads(json.dumps(data))  # a copy: the caller's data is left as it is
        _walk(cls, data, data["text"], strip=False)
    return data


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
                # A part's own text, and a shipped type's abbr, name_en and article, are
                # left out inside a document (see the module's docstring).
                "required": [
                    f.name
                    for f in fields
                    if f.default is attrs.NOTHING and f.name not in _may_be_left_out(tp)
                ],
            }
        return {"$ref": f"#/$defs/{name}"}
    return {}
