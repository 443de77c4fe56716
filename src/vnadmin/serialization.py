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

Every value written on its own (the value given to :func:`to_dict` or :func:`to_json`, or
each item of a list, tuple or dict given to them) is a JSON object that opens with
``"schema_version": 1`` (:data:`SCHEMA_VERSION`); the values nested inside it carry no
version of their own. :func:`from_dict` accepts the key at those places (and data without
it, as older releases wrote), and refuses a version it does not know. A future release that
changes the dialect incompatibly raises the version; the JSON Schema of :func:`json_schema`
(``docs/document.schema.json`` for a document) requires it at the root and admits no key
it does not list.

Reading is strict (see :func:`from_dict`): a value of the wrong JSON type, a tuple of
the wrong length, an enum name instead of its value, a reversed, negative or (inside a
document) out-of-range span, a lone surrogate, an unknown or missing key, or nesting deeper
than :data:`MAX_DEPTH` raise a :class:`StructureError` (a :class:`~vnadmin.VnAdminError`)
whose message starts with the path of the bad value, e.g. ``$.references[0].code.number``,
and whose ``path`` attribute is that path; a value that a model itself refuses (an attrs
validator) is reported with the path cattrs gives it, e.g. ``$.signatures[0].chain[0].mode``.
Writing is strict too: :func:`to_dict` and :func:`to_json` take vnadmin values (and lists,
tuples and dicts of them) and raise :class:`~vnadmin.VnAdminError` on anything else.

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
import math
import re
import types
import typing
from typing import Any, TypeVar

import attrs
import cattrs

from vnadmin.errors import ParseError, VnAdminError

__all__ = [
    "MAX_DEPTH",
    "SCHEMA_VERSION",
    "StructureError",
    "converter",
    "from_dict",
    "from_json",
    "json_schema",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

#: The deepest nesting of JSON arrays and objects :func:`from_dict` reads. The deepest
#: value of the model, a :class:`~vnadmin.Document` whose structure has all seven levels of
#: :class:`~vnadmin.DivisionKind` (each a ``Division`` in a ``children`` list), is about 25.
MAX_DEPTH = 64

#: The version of the JSON dialect, written as ``"schema_version"`` at the top of every
#: value written on its own (see the module's docstring).
SCHEMA_VERSION = 1
_VERSION_KEY = "schema_version"


class StructureError(VnAdminError):
    """Data that is not the JSON of the requested type; ``path`` locates the bad value
    (``$`` is the root, ``$.references[0].code.number`` a field of an item)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


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
    conv.register_unstructure_hook(
        Document,
        lambda doc: _lean(
            plain.unstructure(doc if doc.file is None else attrs.evolve(doc, file=None)), doc.text
        ),
    )
    conv.register_structure_hook(Document, lambda data, cls: plain.structure(_full(data, cls), cls))
    return conv


def _has_unwritten(tp: Any) -> bool:
    return attrs.has(tp) and any(not f.metadata.get("json", True) for f in attrs.fields(tp))


def _unwritten_hook(conv: cattrs.Converter, cls: Any) -> Any:
    from cattrs.gen import make_dict_unstructure_fn, override

    omitted: dict[str, Any] = {
        f.name: override(omit=True) for f in attrs.fields(cls) if not f.metadata.get("json", True)
    }
    return make_dict_unstructure_fn(
        cls, conv, _cattrs_omit_if_default=conv.omit_if_default, **omitted
    )


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
    # Fields kept out of JSON (``metadata={"json": False}``: a file's bytes) are not written.
    conv.register_unstructure_hook_factory(_has_unwritten, lambda cls: _unwritten_hook(conv, cls))
    conv.register_structure_hook(ParseError, _parse_error)
    # A calendar is its three init fields (not its cache, not a frozenset); a normalised
    # text is its original (the rest is derived from it) and, for readers, its text.
    from vnadmin.calendar import Calendar, Holiday
    from vnadmin.text import NormalizedText, normalize_text

    conv.register_unstructure_hook(
        Calendar,
        lambda c: {
            "extra": conv.unstructure(c.extra),
            "weekend": sorted(c.weekend),
            "announced": c.announced,
        },
    )
    conv.register_structure_hook(
        Calendar,
        lambda d, _: Calendar(
            extra=conv.structure(d.get("extra", []), tuple[Holiday, ...]),
            weekend=frozenset(d.get("weekend", (5, 6))),
            announced=d.get("announced", True),
        ),
    )
    conv.register_unstructure_hook(
        NormalizedText, lambda t: {"original": t.original, "text": t.text}
    )
    conv.register_structure_hook(NormalizedText, lambda d, _: normalize_text(d["original"]))


@functools.cache
def _source_fields(cls: type[Any]) -> tuple[tuple[str, str], ...]:
    """The ``(field, span field)`` pairs of ``cls`` whose text is the document's at the
    span: ``text``/``source`` at ``span``, ``X_text`` at ``X_span``, ``X`` at ``X_span``."""
    hints = _hints(typing.cast(Any, cls))
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
    hints = _hints(tp)
    for f in attrs.fields(tp):
        if f.name in data:
            _walk(hints[f.name], data[f.name], text, strip)


@functools.cache
def _hints(tp: Any) -> dict[str, Any]:
    """``typing.get_type_hints(tp)``, once per class (it evaluates every annotation)."""
    return typing.get_type_hints(tp)


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
    """``value`` (a vnadmin value, or a list, tuple or dict of them) as plain
    JSON-compatible data; raises :class:`~vnadmin.VnAdminError` on any other value.

    >>> to_dict(object())
    Traceback (most recent call last):
    ...
    vnadmin.serialization.StructureError: $: cannot write an object as vnadmin JSON ...
    """
    if not isinstance(value, (list, tuple, dict)) and not _is_vnadmin(type(value)):
        raise StructureError(
            "$", f"cannot write {_kind(value)} as vnadmin JSON (not a vnadmin value)"
        )
    _writable(value, "$", 0)
    try:
        data = converter().unstructure(value)
    except Exception as exc:  # pragma: no cover - _writable admits only what the hooks take
        raise VnAdminError(f"cannot write {type(value).__name__}: {exc}") from exc
    if isinstance(value, (list, tuple)):
        return [_versioned(v, d) for v, d in zip(value, data, strict=True)]
    if isinstance(value, dict):
        return {k: _versioned(value[k], d) for k, d in data.items()}
    return _versioned(value, data)


def _versioned(value: object, data: Any) -> Any:
    """``data`` with ``schema_version`` first when it is the object of a vnadmin value."""
    if isinstance(data, dict) and not isinstance(value, dict) and _is_vnadmin(type(value)):
        return {_VERSION_KEY: SCHEMA_VERSION, **data}
    return data


def _unversioned(data: Any, cls: Any) -> Any:
    """``data`` without the ``schema_version`` :func:`to_dict` writes for ``cls`` (at the
    root, or in each item of a list, tuple or dict of values); a version other than
    :data:`SCHEMA_VERSION` raises :class:`StructureError`."""
    origin = typing.get_origin(cls)
    args = typing.get_args(cls)
    if isinstance(data, list) and origin in (list, tuple) and args:
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return [
                _unversioned_one(d, a, f"$[{i}]")
                for i, (d, a) in enumerate(zip(data, args, strict=False))
            ] + data[len(args) :]
        return [_unversioned_one(d, args[0], f"$[{i}]") for i, d in enumerate(data)]
    if isinstance(data, dict) and origin is dict and len(args) == 2:
        return {k: _unversioned_one(d, args[1], f"$.{k}") for k, d in data.items()}
    return _unversioned_one(data, cls, "$")


def _unversioned_one(data: Any, cls: Any, path: str) -> Any:
    if not (isinstance(data, dict) and _VERSION_KEY in data):
        return data
    if not (isinstance(cls, type) and _is_vnadmin(cls)):
        return data  # not a value's own object: the strict check reports the key
    version = data[_VERSION_KEY]
    if type(version) is not int or version != SCHEMA_VERSION:
        raise StructureError(
            f"{path}.{_VERSION_KEY}",
            f"schema version {str(version)[:20]!r} is not {SCHEMA_VERSION}, the one this "
            "release reads",
        )
    return {k: v for k, v in data.items() if k != _VERSION_KEY}


def to_json(value: object, *, indent: int | None = None) -> str:
    """``value`` as a JSON string (UTF-8 characters kept); see :func:`to_dict`. A value
    that holds a lone surrogate (text decoded with ``surrogateescape``, say) raises
    :class:`StructureError`: no UTF-8 JSON can carry it, and :func:`from_json` refuses it."""
    out = json.dumps(to_dict(value), ensure_ascii=False, indent=indent)
    m = _SURROGATE.search(out)
    if m is not None:
        raise StructureError("$", f"a lone surrogate U+{ord(m[0]):04X} cannot be written as JSON")
    return out


def from_dict(data: Any, cls: type[T]) -> T:
    """Rebuild a ``cls`` from :func:`to_dict` data; raises :class:`StructureError` (a
    :class:`~vnadmin.VnAdminError`, its message led by the path of the bad value) on data
    that is not what :func:`to_dict` writes for ``cls``.

    >>> import vnadmin
    >>> data = {"number": True, "family": "legacy"}
    >>> from_dict(data, vnadmin.DocumentCode)
    Traceback (most recent call last):
    ...
    vnadmin.serialization.StructureError: $.number: expected an integer, got a bool
    """
    _check_depth(data)
    data = _unversioned(data, cls)
    _check(cls, data, "$", None)
    try:
        return converter().structure(data, cls)
    except VnAdminError:
        raise
    except Exception as exc:  # an attrs validator of the model (ValueError), cattrs
        path, message = _cattrs_path(exc)
        raise StructureError(path, f"cannot build {_name(cls)} from this data: {message}") from exc


def _cattrs_path(exc: Exception) -> tuple[str, str]:
    """The path cattrs gives the innermost error of ``exc`` (``$.signatures[0].chain[0]``)
    and that error's message; ``("$", str(exc))`` for an error that is not cattrs'."""
    if not isinstance(exc, cattrs.BaseValidationError):
        return "$", str(exc)
    try:
        lines = cattrs.transform_error(exc, path="$")
    except Exception:  # pragma: no cover - transform_error formats any cattrs error
        return "$", str(exc)
    for line in lines:
        head, sep, path = line.rpartition(" @ ")
        if sep:
            return path, head
    return "$", str(exc)  # pragma: no cover - every transformed line names its path


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Rebuild a ``cls`` from :func:`to_json` output (strict, see :func:`from_dict`).

    >>> import vnadmin
    >>> from_json("[" * 100_000, vnadmin.Document)
    Traceback (most recent call last):
    ...
    vnadmin.serialization.StructureError: $: nested deeper than ...
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise StructureError("$", f"expected JSON text, got a {type(text).__name__}")
    try:
        data = json.loads(text)
    except RecursionError:
        raise StructureError("$", f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, too many digits
        raise VnAdminError(f"not JSON: {exc}") from exc
    return from_dict(data, cls)


# --- strict reading and writing ----------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp)


def _kind(data: Any) -> str:
    if data is None:
        return "null"
    if isinstance(data, (dict, list, str, bool, int)):
        return {dict: "an object", list: "an array", str: "a string", bool: "a bool"}.get(
            type(data), "an integer"
        )
    name = type(data).__name__
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def _check_depth(data: Any) -> None:
    """Iteratively: no array or object nested deeper than MAX_DEPTH (before anything
    recursive reads ``data``)."""
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth > MAX_DEPTH:
            raise StructureError("$", f"nested deeper than {MAX_DEPTH} levels")
        stack.extend((c, depth + 1) for c in children)


def _is_vnadmin(tp: type[Any]) -> bool:
    module = getattr(tp, "__module__", "") or ""
    return (module == "vnadmin" or module.startswith("vnadmin.")) and (
        attrs.has(tp) or issubclass(tp, (enum.Enum, ParseError))
    )


def _writable(value: Any, path: str, depth: int) -> None:
    """Raise unless ``value`` is what the converter writes as the vnadmin dialect."""
    if depth > MAX_DEPTH:
        raise StructureError(path, f"nested deeper than {MAX_DEPTH} levels")
    tp = type(value)
    if value is None or tp in (bool, int, str) or isinstance(value, (dt.date, dt.time)):
        return
    if tp is float:
        if not math.isfinite(value):
            raise StructureError(path, f"cannot write {value!r} as JSON")
        return
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _writable(item, f"{path}[{i}]", depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise StructureError(path, f"a key {key!r} is not a string")
            _writable(item, f"{path}.{key}", depth + 1)
        return
    if _is_vnadmin(tp):
        if isinstance(value, (enum.Enum, ParseError)) or tp.__name__ in _HOOKED:
            return
        for f in attrs.fields(tp):
            if f.metadata.get("json", True):  # (a field kept out of JSON is not written)
                _writable(getattr(value, f.name), f"{path}.{f.name}", depth + 1)
        return
    raise StructureError(path, f"cannot write {_kind(value)} as vnadmin JSON")


_HOOKED = ("Calendar", "NormalizedText")


def _fail(path: str, expected: str, data: Any) -> typing.NoReturn:
    raise StructureError(path, f"expected {expected}, got {_kind(data)}")


def _text(data: Any, path: str, expected: str = "a string") -> str:
    if type(data) is not str:
        _fail(path, expected, data)
    m = _SURROGATE.search(data)
    if m is not None:
        raise StructureError(path, f"a lone surrogate U+{ord(m[0]):04X} at {m.start()}")
    return data


def _check(tp: Any, data: Any, path: str, limit: int | None) -> None:
    """Raise :class:`StructureError` unless ``data`` is what :func:`to_dict` writes for a
    ``tp``; ``limit``: the length of the enclosing document's text (spans end within it)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any or tp is object:
        return
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if data is None and len(options) < len(args):
            return
        if len(options) == 1:
            _check(options[0], data, path, limit)
            return
        for option in options:
            try:
                _check(option, data, path, limit)
            except StructureError:
                continue
            return
        _fail(path, " or ".join(_name(o) for o in args), data)
    if tp is type(None):
        if data is not None:
            _fail(path, "null", data)
    elif tp is bool:
        if type(data) is not bool:
            _fail(path, "a bool", data)
    elif tp is int:
        if type(data) is not int:
            _fail(path, "an integer", data)
    elif tp is float:
        if type(data) not in (int, float) or not math.isfinite(data):
            _fail(path, "a number", data)
    elif tp is str:
        _text(data, path)
    elif tp in (dt.datetime, dt.date, dt.time):
        value = _text(data, path, f"an ISO 8601 {tp.__name__}")
        try:
            tp.fromisoformat(value)
        except ValueError:
            raise StructureError(path, f"{value[:40]!r} is not an ISO 8601 {tp.__name__}") from None
    elif origin is tuple or origin in (list, set, frozenset) or tp in (list, tuple):
        _check_array(tp, origin, args, data, path, limit)
    elif origin is dict:
        if not isinstance(data, dict):
            _fail(path, "an object", data)
        for key, item in data.items():
            _text(key, f"{path} (a key)")
            _check(args[1], item, f"{path}.{key}", limit)
    elif origin is typing.Literal:
        if not any(type(data) is type(v) and data == v for v in args):
            raise StructureError(path, f"{str(data)[:40]!r} is not one of {list(args)}")
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        if not any(type(data) is type(m.value) and data == m.value for m in tp):
            values = ", ".join(repr(m.value) for m in tp)
            if isinstance(data, str) and len(data) > 40:
                data = data[:40] + "…"
            raise StructureError(path, f"{data!r} is not a {tp.__name__} (one of {values})")
    elif tp is ParseError:
        _check_object(data, path, _PARSE_ERROR, required=set(_PARSE_ERROR), limit=None)
        text = data["input"]
        _check_span(data["span"], f"{path}.span", len(text))
    elif isinstance(tp, type) and attrs.has(tp):
        _check_attrs(tp, data, path, limit)
    else:
        raise StructureError(path, f"{_name(tp)} is not a vnadmin JSON type")


_PARSE_ERROR: dict[str, Any] = {
    "message": str,
    "input": str,
    "span": tuple[int, int],
    "reason": str,
    "expected": str,
}


def _check_array(
    tp: Any, origin: Any, args: tuple[Any, ...], data: Any, path: str, limit: int | None
) -> None:
    if not isinstance(data, (list, tuple)):
        _fail(path, "an array", data)
    if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        if args == (int, int):
            _check_span(data, path, limit)
            return
        if len(data) != len(args):
            raise StructureError(path, f"expected an array of {len(args)}, got {len(data)}")
        for i, (arg, item) in enumerate(zip(args, data, strict=True)):
            _check(arg, item, f"{path}[{i}]", limit)
        return
    item_type = args[0] if args else Any
    for i, item in enumerate(data):
        _check(item_type, item, f"{path}[{i}]", limit)


def _check_span(data: Any, path: str, limit: int | None) -> None:
    """A span: ``[start, end]``, integers, ``0 <= start <= end`` (``<= limit``)."""
    if not isinstance(data, (list, tuple)) or len(data) != 2:
        _fail(path, "a span [start, end]", data)
    a, b = data
    if type(a) is not int or type(b) is not int:
        raise StructureError(path, "a span's start and end are integers")
    if not 0 <= a <= b:
        raise StructureError(path, f"span [{a}, {b}] is reversed or negative")
    if limit is not None and b > limit:
        raise StructureError(path, f"span [{a}, {b}] ends beyond the text ({limit} characters)")


def _check_object(
    data: Any, path: str, fields: dict[str, Any], required: set[str], limit: int | None
) -> None:
    if not isinstance(data, dict):
        _fail(path, "an object", data)
    for key in data:
        if key not in fields:
            shown = key[:40] if isinstance(key, str) else repr(key)
            raise StructureError(path, f"unknown key {shown!r}")
    for key, item in data.items():  # the values first: a bad span is why a text is missing
        _check(fields[key], item, f"{path}.{key}", limit)
    for key in sorted(required - data.keys()):
        raise StructureError(path, f"missing key {key!r}")


@functools.cache
def _fields(tp: Any) -> tuple[dict[str, Any], frozenset[str]]:
    """The keys of ``tp``'s JSON, their types, and the required ones."""
    if tp.__name__ == "Calendar":
        from vnadmin.calendar import Holiday

        return {"extra": tuple[Holiday, ...], "weekend": tuple[int, ...], "announced": bool}, (
            frozenset()
        )
    if tp.__name__ == "NormalizedText":
        return {"original": str, "text": str}, frozenset({"original"})
    hints = _hints(tp)
    fields = {f.name: hints[f.name] for f in attrs.fields(tp)}
    required = frozenset(f.name for f in attrs.fields(tp) if f.init and f.default is attrs.NOTHING)
    return fields, required


def _check_attrs(tp: Any, data: Any, path: str, limit: int | None) -> None:
    if not isinstance(data, dict):
        _fail(path, f"an object (a {tp.__name__})", data)
    if tp.__name__ == "Document":
        from vnadmin.document import Document

        if tp is Document:
            limit = len(_text(data.get("text", ""), f"{path}.text"))
            data = _full(data, tp)  # parts' own texts put back from the document's text
    elif tp.__name__ == "DocumentType":
        data = dict(data)
        _registry_entry(data, strip=False)
    fields, required = _fields(tp)
    _check_object(data, path, fields, set(required), limit)
    if tp.__name__ == "Calendar" and any(not 0 <= d <= 6 for d in data.get("weekend", ())):
        raise StructureError(f"{path}.weekend", "weekdays are 0 (Monday) to 6 (Sunday)")


# --- JSON Schema ------------------------------------------------------------------------


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """A strict JSON Schema (draft 2020-12) for what :func:`to_dict` gives for ``cls``, a
    vnadmin value type: generated from the attrs classes, every object lists its keys
    (``additionalProperties: false``) and the ones :func:`to_dict` always writes
    (``required``); the root requires ``"schema_version": 1``.

    >>> from vnadmin.document import Document
    >>> schema = json_schema(Document)
    >>> schema["$defs"]["DocumentCode"]["properties"]["year"]
    {'anyOf': [{'type': 'integer'}, {'type': 'null'}]}
    >>> schema["properties"]["schema_version"], schema["additionalProperties"]
    ({'const': 1}, False)
    """
    defs: dict[str, Any] = {}
    root = _schema(cls, defs)
    ref = root.get("$ref", "")
    if ref.startswith("#/$defs/"):  # the root: the value's own object, with the version
        own = defs[ref[len("#/$defs/") :]]
        root = {
            **own,
            "properties": {_VERSION_KEY: {"const": SCHEMA_VERSION}, **own["properties"]},
            "required": [_VERSION_KEY, *own["required"]],
        }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **root, "$defs": defs}


_TIME = r"\d{2}:\d{2}:\d{2}(\.\d{6})?([+-]\d{2}:\d{2}(:\d{2}(\.\d{6})?)?)?"


def _object(description: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


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
    # ``isoformat()``: a time or date-time may be naive (no offset), which JSON Schema's
    # "time" and "date-time" formats (RFC 3339) refuse: a pattern says what is written.
    if tp is dt.datetime:
        return {"type": "string", "pattern": f"^\\d{{4}}-\\d{{2}}-\\d{{2}}T{_TIME}$"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    if tp is dt.time:
        return {"type": "string", "pattern": f"^{_TIME}$"}
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
    if origin is typing.Literal:
        return {"enum": list(args)}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        values = [m.value for m in tp]
        if all(isinstance(v, str) for v in values):
            return {"type": "string", "enum": values}
        return {"enum": values}
    if tp is ParseError:
        if "ParseError" not in defs:
            defs["ParseError"] = {}
            props = {k: _schema(v, defs) for k, v in _PARSE_ERROR.items()}
            defs["ParseError"] = _object("A parse error.", props, list(_PARSE_ERROR))
        return {"$ref": "#/$defs/ParseError"}
    if isinstance(tp, type) and attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            description = (tp.__doc__ or "").strip().split("\n")[0]
            if name in _HOOKED:  # written by its own hook (see _register_values)
                keys, required = _fields(tp)
                props = {k: _schema(v, defs) for k, v in keys.items()}
                if name == "Calendar":
                    props["weekend"] = {
                        "type": "array",
                        "items": {"type": "integer", "minimum": 0, "maximum": 6},
                    }
                defs[name] = _object(description, props, sorted(required))
                return {"$ref": f"#/$defs/{name}"}
            hints = _hints(tp)
            fields = [f for f in attrs.fields(tp) if f.metadata.get("json", True)]
            defs[name] = _object(
                description,
                {f.name: _schema(hints[f.name], defs) for f in fields},
                # A part's own text, and a shipped type's abbr, name_en and article, are
                # left out inside a document (see the module's docstring).
                [
                    f.name
                    for f in fields
                    if f.default is attrs.NOTHING and f.name not in _may_be_left_out(tp)
                ],
            )
        return {"$ref": f"#/$defs/{name}"}
    return {}
