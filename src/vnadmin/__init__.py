"""vnadmin: typed, validated data from Vietnamese administrative documents.

>>> import vnadmin
>>> code = vnadmin.parse_code("Số: 30/2020/NÐ–CP")
>>> str(code), code.year, code.doc_type.name
('30/2020/NĐ-CP', 2020, 'Nghị định')
"""

from __future__ import annotations

from typing import Any, TypeVar

from vnadmin import calendar, codes
from vnadmin.calendar import (
    Calendar,
    DayKind,
    Holiday,
    add_working_days,
    holidays,
    is_working_day,
    next_working_day,
    working_days_between,
)
from vnadmin.codes.model import CodeFamily, DocumentCode
from vnadmin.codes.parser import parse_code, scan_code
from vnadmin.dates import (
    WEEKDAY_NAMES,
    DateForm,
    DateMention,
    PlaceDate,
    check_dates,
    find_dates,
    format_date,
    format_place_date,
    format_weekday,
    is_valid_date_text,
    parse_date,
    parse_place_date,
    parse_weekday,
    validate_date_text,
    validate_place_date,
)
from vnadmin.dates.deadlines import (
    Anchor,
    Deadline,
    DeadlineKind,
    Unit,
    check_deadlines,
    find_deadlines,
    parse_deadline,
)
from vnadmin.dates.periods import (
    Period,
    PeriodKind,
    add_months,
    find_periods,
    parse_period,
    quarter_range,
)
from vnadmin.dates.times import (
    VN_TZ,
    DateTimeMention,
    TimeForm,
    TimeMention,
    check_times,
    find_datetimes,
    find_times,
    format_datetime,
    format_time,
    parse_datetime,
    parse_time,
)
from vnadmin.document import (
    Document,
    Part,
    Secrecy,
    Urgency,
    parse_document,
)
from vnadmin.errors import ParseError, ValidationError, VnAdminError
from vnadmin.findings import RULES, Finding, Repair, Rule, Severity
from vnadmin.lint import lint
from vnadmin.lint import rules as lint_rules
from vnadmin.recipients import (
    ArchiveNote,
    RecipientEntry,
    RecipientKind,
    RecipientList,
    check_recipients,
    find_recipients,
    format_recipients,
    parse_recipients,
    validate_recipients,
)
from vnadmin.references import (
    Reference,
    ShortReference,
    resolve_references,
)
from vnadmin.references import find_references as extract_references
from vnadmin.references import find_references as find_references
from vnadmin.registry import (
    DocCategory,
    DocumentType,
    Issuer,
    IssuerKind,
    Registry,
    default_registry,
)
from vnadmin.signatures import (
    Authority,
    SignatureBlock,
    SigningMode,
    check_signature,
    find_signatures,
    format_signature,
    parse_signature,
    parse_signatures,
    validate_signature,
)
from vnadmin.structure import Division, DivisionKind, parse_structure
from vnadmin.text import NormalizedText, canonical_tones, fold, normalize_text, tone_style

__version__ = "0.1.0.dev0"

_T = TypeVar("_T")

__all__ = [
    "RULES",
    "VN_TZ",
    "WEEKDAY_NAMES",
    "Anchor",
    "ArchiveNote",
    "Authority",
    "Calendar",
    "CodeFamily",
    "DateForm",
    "DateMention",
    "DateTimeMention",
    "DayKind",
    "Deadline",
    "DeadlineKind",
    "Division",
    "DivisionKind",
    "DocCategory",
    "Document",
    "DocumentCode",
    "DocumentType",
    "Finding",
    "Holiday",
    "Issuer",
    "IssuerKind",
    "NormalizedText",
    "ParseError",
    "Part",
    "Period",
    "PeriodKind",
    "PlaceDate",
    "RecipientEntry",
    "RecipientKind",
    "RecipientList",
    "Reference",
    "Registry",
    "Repair",
    "Rule",
    "Secrecy",
    "Severity",
    "ShortReference",
    "SignatureBlock",
    "SigningMode",
    "TimeForm",
    "TimeMention",
    "Unit",
    "Urgency",
    "ValidationError",
    "VnAdminError",
    "__version__",
    "add_months",
    "add_working_days",
    "calendar",
    "canonical_tones",
    "check_dates",
    "check_deadlines",
    "check_recipients",
    "check_signature",
    "check_times",
    "codes",
    "default_registry",
    "document_json_schema",
    "extract_references",
    "find_dates",
    "find_datetimes",
    "find_deadlines",
    "find_periods",
    "find_recipients",
    "find_signatures",
    "find_times",
    "fold",
    "format_date",
    "format_datetime",
    "format_place_date",
    "format_recipients",
    "format_signature",
    "format_time",
    "format_weekday",
    "from_dict",
    "from_json",
    "holidays",
    "is_valid_date_text",
    "is_working_day",
    "lint",
    "lint_rules",
    "next_working_day",
    "normalize_text",
    "parse_code",
    "parse_date",
    "parse_datetime",
    "parse_deadline",
    "parse_document",
    "parse_period",
    "parse_place_date",
    "parse_recipients",
    "parse_signature",
    "parse_signatures",
    "parse_structure",
    "parse_time",
    "parse_weekday",
    "quarter_range",
    "resolve_references",
    "scan_code",
    "to_dict",
    "to_json",
    "tone_style",
    "validate_date_text",
    "validate_place_date",
    "validate_recipients",
    "validate_signature",
    "working_days_between",
]


def to_json(value: object, *, indent: int | None = None) -> str:
    """Any vnadmin value as JSON (imports cattrs on first use); see :mod:`vnadmin.serialization`."""
    from vnadmin.serialization import to_json as _to_json

    return _to_json(value, indent=indent)


def from_json(text: str, cls: type[_T]) -> _T:
    """Rebuild a ``cls`` from :func:`to_json` output."""
    from vnadmin.serialization import from_json as _from_json

    return _from_json(text, cls)


def to_dict(value: object) -> Any:
    """Any vnadmin value as plain JSON-compatible data."""
    from vnadmin.serialization import to_dict as _to_dict

    return _to_dict(value)


def from_dict(data: Any, cls: type[_T]) -> _T:
    """Rebuild a ``cls`` from :func:`to_dict` data."""
    from vnadmin.serialization import from_dict as _from_dict

    return _from_dict(data, cls)


def document_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Document` as :func:`to_dict` writes it."""
    from vnadmin.serialization import json_schema

    return json_schema(Document)
