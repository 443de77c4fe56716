"""The rules of recipient lists (NĐ 30/2020/NĐ-CP, Phụ lục I, II.9): :func:`check_recipients`,
:func:`validate_recipients`, :func:`is_valid`. The rule texts live in ``data/rules.tsv``
(ids ``R101``–``R110``).
"""

from __future__ import annotations

from vnadmin.errors import ValidationError, VnAdminError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.layout import fold
from vnadmin.recipients.model import RecipientKind, RecipientList
from vnadmin.recipients.parser import parse_recipients
from vnadmin.text import Source

__all__ = ["check_recipients", "is_valid", "is_valid_recipients", "validate_recipients"]

R101 = rule("R101")
R102 = rule("R102")
R103 = rule("R103")
R104 = rule("R104")
R105 = rule("R105")
R106 = rule("R106")
R107 = rule("R107")
R108 = rule("R108")
R109 = rule("R109")
R110 = rule("R110")


def _coerce(lst: RecipientList | Source) -> RecipientList:
    return lst if isinstance(lst, RecipientList) else parse_recipients(lst)


def check_recipients(
    lst: RecipientList | Source, *, kinh_gui: bool | None = None
) -> tuple[Finding, ...]:
    """Check ``lst`` against NĐ 30, Phụ lục I, II.9 (never raises on a parsed list; a
    string is read with :func:`parse_recipients`, which raises :class:`~vnadmin.ParseError`
    when it holds no list).

    ``kinh_gui`` says whether the document has a ``Kính gửi`` part (``None``:
    unknown, rule ``R108`` is skipped). Rules: ``R101`` leading dash,
    ``R102`` ``;`` after each entry, ``R103`` ``.`` after the last, ``R104``
    archive entry present, ``R105`` archive last, ``R106`` archive starts
    with ``VT``, ``R107`` archive written ``Lưu: VT, …``, ``R108`` ``Như trên``
    only with a Kính gửi, ``R109`` not empty, ``R110`` no archive in Kính gửi.

    >>> r = parse_recipients("Nơi nhận:\\n- Như trên;\\n- Bộ Tư pháp,\\n- Lưu: VT, PC.")
    >>> [f.rule for f in check_recipients(r, kinh_gui=False)]
    ['R102', 'R108']
    """
    lst = _coerce(lst)
    out: list[Finding] = []
    entries = lst.entries
    noi_nhan = lst.kind is RecipientKind.NOI_NHAN
    if not entries and lst.archive is None:
        out.append(R109.finding(lst.span, kind=lst.kind.value))
        return tuple(out)
    single_kg = not noi_nhan and len(entries) == 1 and lst.archive is None
    archive_last = lst.archive is not None and (
        lst.archive_index is None or lst.archive_index >= len(entries)
    )
    for i, e in enumerate(entries):
        last = i == len(entries) - 1 and not archive_last
        if not e.dashed and not single_kg:
            out.append(R101.finding(e.span, entry=e.text))
        if single_kg:
            continue
        if not last and e.terminator != ";":
            out.append(R102.finding(e.span, entry=e.text))
        if last and e.terminator != ".":
            out.append(R103.finding(e.span, entry=e.text))
    a = lst.archive
    if a is not None:
        if not a.dashed:
            out.append(R101.finding(a.span, entry="Lưu"))
        if lst.archive_index is not None and lst.archive_index < len(entries):
            out.append(R105.finding(a.span))
        if not a.units or a.units[0] not in ("VT", "Văn thư"):
            out.append(R106.finding(a.span, units=", ".join(a.units) or "—"))
        elif a.units[0] != "VT" or not a.colon:
            found = ("Lưu: " if a.colon else "Lưu ") + a.units[0]
            out.append(R107.finding(a.span, found=found))
        if not noi_nhan:
            out.append(R110.finding(a.span))
    elif noi_nhan:
        out.append(R104.finding(lst.span))
    if noi_nhan and kinh_gui is False:
        for e in entries:
            if fold(e.text) == "NHƯ TRÊN":
                out.append(R108.finding(e.span))
    return tuple(out)


def validate_recipients(
    lst: RecipientList | Source, *, kinh_gui: bool | None = None
) -> RecipientList:
    """Return ``lst`` (read from a string with :func:`parse_recipients`) if
    :func:`check_recipients` finds no error, else raise.

    Raises:
        ValidationError: with every finding, when one is an error.
        ParseError: a string that holds no list.
    """
    lst = _coerce(lst)
    findings = check_recipients(lst, kinh_gui=kinh_gui)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return lst


def is_valid(value: RecipientList | Source, *, kinh_gui: bool | None = None) -> bool:
    """Whether a list (or the text of one, read with :func:`parse_recipients`) has no error
    under NĐ 30, Phụ lục I, II.9; never raises.

    >>> is_valid("Nơi nhận:\\n- Như trên;\\n- Lưu: VT, TH.")
    True
    >>> is_valid("Nơi nhận:"), is_valid("Căn cứ"), is_valid(None)
    (False, False, False)
    """
    try:
        if not isinstance(value, RecipientList):
            value = parse_recipients(value)
        findings = check_recipients(value, kinh_gui=kinh_gui)
        return not any(f.severity is Severity.ERROR for f in findings)
    except (VnAdminError, TypeError):
        return False


#: :func:`is_valid` under the long name of the top-level namespace.
is_valid_recipients = is_valid
