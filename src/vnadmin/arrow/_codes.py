"""Document codes, a column at a time (the work behind :func:`vnadmin.arrow.parse_codes`).

How a column is read, with no Python code run per row: the leading digits are trimmed
natively (``pyarrow.compute.ascii_ltrim``), leaving the *tail* (``/QĐ-UBND``,
``/2020/NĐ-CP``) and, from the byte lengths, the count of digits; the tails are
dictionary-encoded and each DISTINCT tail is read once by the parser's own memo
(:attr:`vnadmin.codes.parser.Memo.shape`, the very reading :func:`vnadmin.parse_code` uses
on its fast path), and only when the parser's fast path would read that string (same
conditions, checked on the tail and the count of digits); every other string (junk,
``Số:`` prefixes, suffixed numbers, repairs the fast path leaves to the scanner) is
parsed through :func:`vnadmin.parse_code` itself, once per distinct string. The per-tail
and per-string values are broadcast to the rows with one ``take`` a field (one take of a
struct of them all measured slower, 1.8x the time of the takes a field). The
number-dependent fields are computed natively: ``number`` from the digits' bytes (a
gather a digit place), ``valid`` with C101/C102 on the number as written, and
``canonical`` is the string itself wherever it is written canonically (the number as
``f"{n:02d}"``, the tail as its canonical rest: nearly every row), else it is joined from
the number and the tail's canonical rest (or is the per-string canonical form).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vnadmin._extras import require
from vnadmin.codes.model import DocumentCode, from_shape
from vnadmin.codes.parser import _FAST, _TRAILING, memo, parse_code
from vnadmin.codes.rules import _checks_for, is_valid
from vnadmin.errors import ParseError, VnAdminError
from vnadmin.registry import Registry, default_registry

__all__ = ["CODE_FIELDS", "code_struct_type", "is_valid_codes", "parse_codes", "to_arrow"]

#: The fields of a :func:`parse_codes` struct, in order.
CODE_FIELDS = (
    "canonical",
    "number",
    "suffix",
    "year",
    "type_abbr",
    "type_name",
    "family",
    "issuers",
    "units",
    "unit",
    "term",
    "valid",
    "error",
)

# The tail is what follows the leading digits.
_DIGITS = "0123456789"
_FAST_TAIL, _VALID_TAIL, _SAME_TAIL = 1, 2, 4


def _pa() -> Any:
    return require("pyarrow", "arrow", "columns of codes")


#: The fields (by index) that ``dictionary=True`` gives as dictionary arrays.
_CATEGORICAL = frozenset(
    CODE_FIELDS.index(f) for f in ("suffix", "type_abbr", "type_name", "family", "unit", "error")
)


def code_struct_type(*, dictionary: bool = False) -> Any:
    """The ``pyarrow`` struct type :func:`parse_codes` returns (with ``dictionary=True``:
    ``suffix``, ``type_abbr``, ``type_name``, ``family``, ``unit`` and ``error`` as
    ``dictionary<int32, string>``)."""
    pa = _pa()
    plain = _plain_struct_type()
    if not dictionary:
        return plain
    cat = pa.dictionary(pa.int32(), pa.string())
    return pa.struct(
        [pa.field(f.name, cat) if i in _CATEGORICAL else f for i, f in enumerate(plain)]
    )


def _plain_struct_type() -> Any:
    pa = _pa()
    return pa.struct(
        [
            ("canonical", pa.string()),
            ("number", pa.int64()),
            ("suffix", pa.string()),
            ("year", pa.int32()),
            ("type_abbr", pa.string()),
            ("type_name", pa.string()),
            ("family", pa.string()),
            ("issuers", pa.list_(pa.string())),
            ("units", pa.list_(pa.string())),
            ("unit", pa.string()),
            ("term", pa.int32()),
            ("valid", pa.bool_()),
            ("error", pa.string()),
        ]
    )


def to_arrow(codes: object) -> Any:
    """``codes`` as one ``pyarrow`` string array: a pyarrow ``Array`` or ``ChunkedArray``, a
    polars or pandas ``Series``, or any iterable of ``str | None`` (nulls stay null).
    Raises :class:`~vnadmin.VnAdminError` on anything else."""
    pa = _pa()
    arr: Any = codes
    module = type(codes).__module__.split(".")[0]
    try:
        if module == "polars":
            arr = codes.to_arrow()  # type: ignore[attr-defined]
        elif module == "pandas":
            arr = pa.array(codes, from_pandas=True)
        elif not isinstance(codes, (pa.Array, pa.ChunkedArray)):
            if isinstance(codes, (str, bytes)) or not isinstance(codes, Iterable):
                raise VnAdminError(f"expected a column of codes, got {type(codes).__name__}")
            arr = pa.array(list(codes), type=pa.string())
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
        if pa.types.is_dictionary(arr.type):
            arr = arr.dictionary_decode()
        if pa.types.is_null(arr.type):
            arr = arr.cast(pa.string())
        if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
            if not pa.types.is_string_view(arr.type):
                raise VnAdminError(f"expected a column of strings, got {arr.type}")
            arr = arr.cast(pa.large_string())
    except (pa.ArrowException, TypeError, ValueError) as exc:
        if isinstance(exc, VnAdminError):
            raise
        raise VnAdminError(f"expected a column of strings: {exc}") from exc
    return arr


def _row(code: DocumentCode) -> list[Any]:
    """The struct fields of one parsed code (``valid`` and ``error`` left to the caller)."""
    return [
        str(code),
        code.number,
        code.suffix,
        code.year,
        code.type_abbr,
        code.doc_type.name if code.doc_type is not None else None,
        code.family.value,
        list(code.issuers),
        list(code.units),
        code.unit,
        code.term,
    ]


def code_row(text: str | None, *, registry: Registry | None = None) -> dict[str, Any] | None:
    """The row API: one string's struct fields, through :func:`vnadmin.parse_code` and
    :func:`vnadmin.codes.is_valid` (``None`` for ``None``). :func:`parse_codes` gives
    exactly these values, a column at a time."""
    if text is None:
        return None
    try:
        values = _row(parse_code(text, registry=registry))
        error = None
    except ParseError as exc:
        values = [None] * 11
        error = exc.reason
    values += [is_valid(text, registry=registry), error]
    return dict(zip(CODE_FIELDS, values, strict=True))


def _columns(rows: list[list[Any]]) -> list[Any]:
    pa = _pa()
    types = _plain_struct_type()
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(CODE_FIELDS)
    return [pa.array(list(col), type=types.field(i).type) for i, col in enumerate(cols)]


def parse_codes(
    codes: object, *, registry: Registry | None = None, dictionary: bool = False
) -> Any:
    """Parse a column of document codes: a ``pyarrow.StructArray`` (fields
    :data:`CODE_FIELDS`, see :func:`code_struct_type`), one row per input row, with exactly
    the values of :func:`vnadmin.parse_code` (``canonical`` is ``str(code)``, ``family`` its
    value, ``type_name`` the registry name) and :func:`vnadmin.codes.is_valid`; a string
    that is no code has ``error`` set to the :class:`~vnadmin.ParseError` ``reason`` (the
    other fields null, ``valid`` false); a null stays null. With ``dictionary=True`` the
    few-valued string fields are dictionary arrays broadcast without a copy (the same
    values; less memory, a quarter less time). Needs ``vnadmin[arrow]``.

    >>> import pyarrow as pa
    >>> out = parse_codes(pa.array(["1656/QĐ-UBND", "5/2026/TT-BTNMT", "junk", None]))
    >>> [r and (r["canonical"], r["family"], r["valid"], r["error"]) for r in out.to_pylist()]
    [('1656/QĐ-UBND', 'administrative', True, None), ('05/2026/TT-BTNMT', 'normative', False, None), (None, None, False, 'no_number'), None]
    """
    pa = _pa()
    pc = require("pyarrow.compute", "arrow", "columns of codes")
    reg = default_registry if registry is None else registry
    arr = to_arrow(codes)
    stype = code_struct_type(dictionary=dictionary)
    n = len(arr)
    if n == 0:
        return pa.array([], type=stype)
    memos = memo(reg)
    checks = _checks_for(reg, reg._version)
    shape_of_tail = memos.shape
    tail_valid = checks.valid
    maybe = checks.maybe

    # 1. The tail (what follows the leading digits) and the count of those digits,
    # natively; the distinct tails. (``ascii_ltrim``: a digit is one byte, and no byte of
    # a longer UTF-8 character is one.)
    tail = pc.ascii_ltrim(arr, _DIGITS)
    width = pc.cast(pc.subtract(pc.binary_length(arr), pc.binary_length(tail)), pa.int32())
    enc = pc.dictionary_encode(tail)
    del tail
    tails: list[str] = enc.dictionary.to_pylist()

    # 2. Each distinct tail once: the reading of ``1`` + tail, when the fast path takes it.
    rows: list[list[Any]] = []
    # A tail's flags: 0 when the fast path does not read it, else _FAST_TAIL, plus
    # _VALID_TAIL (valid after a well-written number) and _SAME_TAIL (the canonical
    # form's rest is the tail as written): one take gives every row all three.
    flags: list[int] = []
    for t in tails:
        shape = None
        verdict: bool | None = None
        if t[:1] in ("/", "-") and t[-1] not in _TRAILING and _FAST.fullmatch("1" + t):
            shape = shape_of_tail(t)
            if shape is not None:
                verdict = tail_valid(t)
                if verdict is not None:
                    verdict = verdict and maybe("10" + t) is not None
        if shape is None or verdict is None:
            flags.append(0)
            rows.append([None] * 11 + [None, None])
            continue
        code = from_shape(shape, 1, "1", "1" + t, (0, len(t) + 1), shape[-1])
        row = _row(code)
        row[0] = row[0][2:]  # "01" + the rest: the rest, the number is put back per row
        flags.append(
            _FAST_TAIL | (_VALID_TAIL if verdict else 0) | (_SAME_TAIL if row[0] == t else 0)
        )
        rows.append([*row, verdict, None])
    # The rows the fast path reads: a fast tail after one to nine digits.
    row_flags = pc.fill_null(_take(pa.array(flags, pa.int8()), enc.indices), 0)
    plain = pc.and_(pc.greater(width, 0), pc.less_equal(width, 9))
    fast_mask = pc.and_kleene(pc.not_equal(row_flags, 0), plain)  # a null row: false

    # 3. Every other string (and every null), once per distinct string, through the row
    # API itself.
    slow = pc.invert(fast_mask)
    senc = pc.dictionary_encode(pc.filter(arr, slow))
    for s in senc.dictionary.to_pylist():
        fields = code_row(s, registry=reg)
        assert fields is not None
        rows.append(list(fields.values()))
    k = len(tails)
    per_key = _columns(rows)

    def slow_values(i: int) -> Any:
        """Field ``i`` of the slow rows, in their order (for ``replace_with_mask``)."""
        return _take(per_key[i].slice(k), senc.indices)

    # 4. Broadcast: a key per row into the per-tail and per-string values (null: null);
    # a column all null needs no take, a categorical one with ``dictionary`` no copy.
    key = pc.replace_with_mask(enc.indices, slow, pc.add(senc.indices, pa.scalar(k, pa.int32())))
    cols = [
        None
        if i in (0, 1, 11)
        else pa.nulls(n, stype.field(i).type)
        if col.null_count == len(col)
        else pa.DictionaryArray.from_arrays(key, col)
        if dictionary and i in _CATEGORICAL
        else _take(col, key)
        for i, col in enumerate(per_key)
    ]

    # 5. The number-dependent fields of the fast rows, natively. The number: read from
    # the digits' bytes. C101/C102 on the number as written: two digits, or more without
    # a leading zero; then it is written as in the canonical form (``f"{n:02d}"``).
    number = _leading_numbers(arr, pc.if_else(fast_mask, width, 0))
    number_ok = pc.or_(
        pc.equal(width, 2), pc.and_(pc.greater(width, 2), pc.invert(pc.starts_with(arr, "0")))
    )
    cols[1] = pc.replace_with_mask(number, slow, slow_values(1))
    verdicts = pc.and_(pc.not_equal(pc.bit_wise_and(row_flags, _VALID_TAIL), 0), number_ok)
    cols[11] = pc.replace_with_mask(pc.fill_null(verdicts, False), slow, slow_values(11))
    # ``canonical``: the string itself where it is written canonically (the number and
    # the tail as in the canonical form: nearly every row), else the number as
    # ``f"{n:02d}"`` and the tail's canonical rest, or the per-string canonical form.
    same_rows = pc.not_equal(pc.bit_wise_and(row_flags, _SAME_TAIL), 0)
    other = pc.invert(pc.fill_null(pc.and_(pc.and_(fast_mask, number_ok), same_rows), False))
    sub_fast = pc.filter(fast_mask, other)
    numtext = pc.utf8_lpad(pc.cast(pc.filter(number, other), pa.string()), width=2, padding="0")
    numtext = pc.if_else(sub_fast, numtext, pa.scalar("", pa.string()))
    rest = _take(per_key[0], pc.filter(key, other))
    base = arr if pa.types.is_string(arr.type) else pc.cast(arr, pa.string())
    cols[0] = pc.replace_with_mask(base, other, pc.binary_join_element_wise(numtext, rest, ""))
    return pa.StructArray.from_arrays(cols, fields=list(stype), mask=pc.is_null(arr))


def _take(values: Any, indices: Any) -> Any:
    """``pyarrow.compute.take`` for indices made here, each known to be in bounds (a
    dictionary's indices, keys offset past them, byte offsets clamped to the buffer):
    without the bounds check (a quarter less time for a column of strings)."""
    pc = require("pyarrow.compute", "arrow", "columns of codes")
    return pc.take(values, indices, boundscheck=False)


def _leading_numbers(arr: Any, width: Any) -> Any:
    """The number written by the first ``width`` bytes (ASCII digits, at most nine) of
    each string of ``arr``, as ``int64`` (0 where ``width`` is 0), read natively from
    the strings' bytes: one gather a digit place, no string built and no regex run."""
    pa = _pa()
    pc = require("pyarrow.compute", "arrow", "columns of codes")
    value = pc.multiply(width, pa.scalar(0, pa.int32()))
    top = pc.max(width).as_py() or 0
    if top:
        bufs = arr.buffers()
        otype = pa.int64() if pa.types.is_large_string(arr.type) else pa.int32()
        start = pa.Array.from_buffers(otype, len(arr), [None, bufs[1]], offset=arr.offset)
        data = pa.Array.from_buffers(pa.uint8(), bufs[2].size, [None, bufs[2]])
        last = pa.scalar(bufs[2].size - 1, otype)
        for place in range(top):
            at = pc.min_element_wise(pc.add(start, pa.scalar(place, otype)), last)
            digit = pc.subtract(pc.cast(_take(data, at), pa.int32()), 48)
            more = pc.add(pc.multiply(value, 10), digit)
            value = pc.if_else(pc.greater(width, place), more, value)
    return pc.cast(value, pa.int64())


def is_valid_codes(codes: object, *, registry: Registry | None = None) -> Any:
    """:func:`vnadmin.codes.is_valid` over a column: a ``pyarrow.BooleanArray``, null for a
    null. Needs ``vnadmin[arrow]``.

    >>> import pyarrow as pa
    >>> is_valid_codes(pa.array(["30/2020/NĐ-CP", "5/QĐ-UBND", None])).to_pylist()
    [True, False, None]
    """
    pc = require("pyarrow.compute", "arrow", "columns of codes")
    return pc.struct_field(parse_codes(codes, registry=registry), "valid")
