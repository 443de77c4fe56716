"""vnadmin: typed, validated data from Vietnamese administrative documents.

>>> import vnadmin
>>> code = vnadmin.parse_code("Số: 30/2020/NÐ–CP")
>>> str(code), code.year, code.doc_type.name
('30/2020/NĐ-CP', 2020, 'Nghị định')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from vnadmin import calendar, codes
    from vnadmin._extras import MissingExtraError
    from vnadmin.batch import parse_documents
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
    from vnadmin.codes.finder import find_codes
    from vnadmin.codes.model import CodeFamily, DocumentCode
    from vnadmin.codes.parser import parse_code, scan_code
    from vnadmin.dates import (
        WEEKDAY_NAMES,
        DateForm,
        DateMention,
        PlaceDate,
        check_dates,
        check_place_date,
        find_dates,
        format_date,
        format_place_date,
        format_weekday,
        is_valid_date_text,
        is_valid_place_date,
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
        format_deadline,
        parse_deadline,
    )
    from vnadmin.dates.periods import (
        Period,
        PeriodKind,
        add_months,
        find_periods,
        format_period,
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
        format_document,
        parse_document,
    )
    from vnadmin.errors import InternalError, ParseError, ValidationError, VnAdminError
    from vnadmin.findings import RULES, Finding, Repair, Rule, Severity
    from vnadmin.formatting import location_label
    from vnadmin.formatting.docx import read_format
    from vnadmin.formatting.rules import check_format
    from vnadmin.linter import lint
    from vnadmin.linter import rules as lint_rules
    from vnadmin.meetings import (
        AgendaItem,
        Meeting,
        MeetingMode,
        ParticipantGroup,
        Venue,
        agenda_item,
        find_meetings,
        format_meeting,
        parse_meeting,
    )
    from vnadmin.reader import ReadError, read_document, read_documents, read_layout
    from vnadmin.reader.compose import FileText
    from vnadmin.reader.model import Block, Layout, Location
    from vnadmin.recipients import (
        ArchiveNote,
        RecipientEntry,
        RecipientKind,
        RecipientList,
        check_recipients,
        find_recipients,
        format_recipients,
        is_valid_recipients,
        parse_recipients,
        validate_recipients,
    )
    from vnadmin.references import (
        Reference,
        ShortReference,
        find_references,
        format_reference,
        parse_reference,
        resolve_references,
    )
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
        is_valid_signature,
        parse_signature,
        parse_signatures,
        validate_signature,
    )
    from vnadmin.structure import Division, DivisionKind, check_structure, parse_structure
    from vnadmin.tasks import (
        Frequency,
        Party,
        PartyKind,
        Recurrence,
        Task,
        TaskStatus,
        find_recurrence,
        find_tasks,
        format_task,
        task_status,
    )
    from vnadmin.text import NormalizedText, canonical_tones, fold, normalize_text, tone_style
    from vnadmin.writing import Draft, Fix, fix, render_docx

__version__ = "0.1.0.dev0"

_T = TypeVar("_T")

# The public API, loaded lazily: name -> "module" (the same name there) or "module:attr";
# the names in _SUBMODULES are the modules themselves. ``import vnadmin`` imports none of them; the first use of a name imports its
# module (PEP 562). tests/test_api.py checks this table against the TYPE_CHECKING imports.
_EXPORTS: dict[str, str] = {
    "Calendar": "vnadmin.calendar",
    "DayKind": "vnadmin.calendar",
    "Holiday": "vnadmin.calendar",
    "add_working_days": "vnadmin.calendar",
    "holidays": "vnadmin.calendar",
    "is_working_day": "vnadmin.calendar",
    "next_working_day": "vnadmin.calendar",
    "working_days_between": "vnadmin.calendar",
    "CodeFamily": "vnadmin.codes.model",
    "DocumentCode": "vnadmin.codes.model",
    "parse_code": "vnadmin.codes.parser",
    "find_codes": "vnadmin.codes.finder",
    "scan_code": "vnadmin.codes.parser",
    "WEEKDAY_NAMES": "vnadmin.dates",
    "DateForm": "vnadmin.dates",
    "DateMention": "vnadmin.dates",
    "PlaceDate": "vnadmin.dates",
    "check_dates": "vnadmin.dates",
    "check_place_date": "vnadmin.dates",
    "is_valid_place_date": "vnadmin.dates",
    "format_deadline": "vnadmin.dates.deadlines",
    "format_period": "vnadmin.dates.periods",
    "find_dates": "vnadmin.dates",
    "format_date": "vnadmin.dates",
    "format_place_date": "vnadmin.dates",
    "format_weekday": "vnadmin.dates",
    "is_valid_date_text": "vnadmin.dates",
    "parse_date": "vnadmin.dates",
    "parse_place_date": "vnadmin.dates",
    "parse_weekday": "vnadmin.dates",
    "validate_date_text": "vnadmin.dates",
    "validate_place_date": "vnadmin.dates",
    "Anchor": "vnadmin.dates.deadlines",
    "Deadline": "vnadmin.dates.deadlines",
    "DeadlineKind": "vnadmin.dates.deadlines",
    "Unit": "vnadmin.dates.deadlines",
    "check_deadlines": "vnadmin.dates.deadlines",
    "find_deadlines": "vnadmin.dates.deadlines",
    "parse_deadline": "vnadmin.dates.deadlines",
    "Period": "vnadmin.dates.periods",
    "PeriodKind": "vnadmin.dates.periods",
    "add_months": "vnadmin.dates.periods",
    "find_periods": "vnadmin.dates.periods",
    "parse_period": "vnadmin.dates.periods",
    "quarter_range": "vnadmin.dates.periods",
    "VN_TZ": "vnadmin.dates.times",
    "DateTimeMention": "vnadmin.dates.times",
    "TimeForm": "vnadmin.dates.times",
    "TimeMention": "vnadmin.dates.times",
    "check_times": "vnadmin.dates.times",
    "find_datetimes": "vnadmin.dates.times",
    "find_times": "vnadmin.dates.times",
    "format_datetime": "vnadmin.dates.times",
    "format_time": "vnadmin.dates.times",
    "parse_datetime": "vnadmin.dates.times",
    "parse_time": "vnadmin.dates.times",
    "Document": "vnadmin.document",
    "Part": "vnadmin.document",
    "Secrecy": "vnadmin.document",
    "Urgency": "vnadmin.document",
    "parse_document": "vnadmin.document",
    "parse_documents": "vnadmin.batch",
    "format_document": "vnadmin.document",
    "Draft": "vnadmin.writing",
    "Fix": "vnadmin.writing",
    "fix": "vnadmin.writing",
    "render_docx": "vnadmin.writing",
    "check_format": "vnadmin.formatting.rules",
    "read_format": "vnadmin.formatting.docx",
    "location_label": "vnadmin.formatting",
    "Block": "vnadmin.reader.model",
    "Layout": "vnadmin.reader.model",
    "Location": "vnadmin.reader.model",
    "FileText": "vnadmin.reader.compose",
    "MissingExtraError": "vnadmin._extras",
    "ReadError": "vnadmin.reader",
    "read_document": "vnadmin.reader",
    "read_documents": "vnadmin.reader",
    "read_layout": "vnadmin.reader",
    "Meeting": "vnadmin.meetings",
    "MeetingMode": "vnadmin.meetings",
    "ParticipantGroup": "vnadmin.meetings",
    "Venue": "vnadmin.meetings",
    "format_meeting": "vnadmin.meetings",
    "parse_meeting": "vnadmin.meetings",
    "find_meetings": "vnadmin.meetings",
    "AgendaItem": "vnadmin.meetings",
    "agenda_item": "vnadmin.meetings",
    "Recurrence": "vnadmin.tasks",
    "Frequency": "vnadmin.tasks",
    "find_recurrence": "vnadmin.tasks",
    "Party": "vnadmin.tasks",
    "PartyKind": "vnadmin.tasks",
    "Task": "vnadmin.tasks",
    "TaskStatus": "vnadmin.tasks",
    "find_tasks": "vnadmin.tasks",
    "format_task": "vnadmin.tasks",
    "task_status": "vnadmin.tasks",
    "ParseError": "vnadmin.errors",
    "ValidationError": "vnadmin.errors",
    "VnAdminError": "vnadmin.errors",
    "InternalError": "vnadmin.errors",
    "RULES": "vnadmin.findings",
    "Finding": "vnadmin.findings",
    "Repair": "vnadmin.findings",
    "Rule": "vnadmin.findings",
    "Severity": "vnadmin.findings",
    "lint": "vnadmin.linter",
    "lint_rules": "vnadmin.linter:rules",
    "ArchiveNote": "vnadmin.recipients",
    "RecipientEntry": "vnadmin.recipients",
    "RecipientKind": "vnadmin.recipients",
    "RecipientList": "vnadmin.recipients",
    "check_recipients": "vnadmin.recipients",
    "find_recipients": "vnadmin.recipients",
    "format_recipients": "vnadmin.recipients",
    "parse_recipients": "vnadmin.recipients",
    "validate_recipients": "vnadmin.recipients",
    "Reference": "vnadmin.references",
    "ShortReference": "vnadmin.references",
    "find_references": "vnadmin.references",
    "format_reference": "vnadmin.references",
    "parse_reference": "vnadmin.references",
    "resolve_references": "vnadmin.references",
    "DocCategory": "vnadmin.registry",
    "DocumentType": "vnadmin.registry",
    "Issuer": "vnadmin.registry",
    "IssuerKind": "vnadmin.registry",
    "Registry": "vnadmin.registry",
    "default_registry": "vnadmin.registry",
    "Authority": "vnadmin.signatures",
    "SignatureBlock": "vnadmin.signatures",
    "SigningMode": "vnadmin.signatures",
    "check_signature": "vnadmin.signatures",
    "find_signatures": "vnadmin.signatures",
    "is_valid_signature": "vnadmin.signatures",
    "is_valid_recipients": "vnadmin.recipients",
    "format_signature": "vnadmin.signatures",
    "parse_signature": "vnadmin.signatures",
    "parse_signatures": "vnadmin.signatures",
    "validate_signature": "vnadmin.signatures",
    "Division": "vnadmin.structure",
    "DivisionKind": "vnadmin.structure",
    "parse_structure": "vnadmin.structure",
    "check_structure": "vnadmin.structure",
    "NormalizedText": "vnadmin.text",
    "canonical_tones": "vnadmin.text",
    "fold": "vnadmin.text",
    "normalize_text": "vnadmin.text",
    "tone_style": "vnadmin.text",
}
_SUBMODULES = frozenset({"calendar", "codes"})

__all__ = [
    "RULES",
    "VN_TZ",
    "WEEKDAY_NAMES",
    "AgendaItem",
    "Anchor",
    "ArchiveNote",
    "Authority",
    "Block",
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
    "Draft",
    "FileText",
    "Finding",
    "Fix",
    "Frequency",
    "Holiday",
    "InternalError",
    "Issuer",
    "IssuerKind",
    "Layout",
    "Location",
    "Meeting",
    "MeetingMode",
    "MissingExtraError",
    "NormalizedText",
    "ParseError",
    "Part",
    "ParticipantGroup",
    "Party",
    "PartyKind",
    "Period",
    "PeriodKind",
    "PlaceDate",
    "ReadError",
    "RecipientEntry",
    "RecipientKind",
    "RecipientList",
    "Recurrence",
    "Reference",
    "Registry",
    "Repair",
    "Rule",
    "Secrecy",
    "Severity",
    "ShortReference",
    "SignatureBlock",
    "SigningMode",
    "Task",
    "TaskStatus",
    "TimeForm",
    "TimeMention",
    "Unit",
    "Urgency",
    "ValidationError",
    "Venue",
    "VnAdminError",
    "__version__",
    "add_months",
    "add_working_days",
    "agenda_item",
    "calendar",
    "canonical_tones",
    "check_dates",
    "check_deadlines",
    "check_format",
    "check_place_date",
    "check_recipients",
    "check_signature",
    "check_structure",
    "check_times",
    "codes",
    "default_registry",
    "document_json_schema",
    "find_codes",
    "find_dates",
    "find_datetimes",
    "find_deadlines",
    "find_meetings",
    "find_periods",
    "find_recipients",
    "find_recurrence",
    "find_references",
    "find_signatures",
    "find_tasks",
    "find_times",
    "fix",
    "fold",
    "format_date",
    "format_datetime",
    "format_deadline",
    "format_document",
    "format_meeting",
    "format_period",
    "format_place_date",
    "format_recipients",
    "format_reference",
    "format_signature",
    "format_task",
    "format_time",
    "format_weekday",
    "from_dict",
    "from_json",
    "holidays",
    "is_valid_date_text",
    "is_valid_place_date",
    "is_valid_recipients",
    "is_valid_signature",
    "is_working_day",
    "lint",
    "lint_rules",
    "location_label",
    "next_working_day",
    "normalize_text",
    "parse_code",
    "parse_date",
    "parse_datetime",
    "parse_deadline",
    "parse_document",
    "parse_documents",
    "parse_meeting",
    "parse_period",
    "parse_place_date",
    "parse_recipients",
    "parse_reference",
    "parse_signature",
    "parse_signatures",
    "parse_structure",
    "parse_time",
    "parse_weekday",
    "quarter_range",
    "read_document",
    "read_documents",
    "read_format",
    "read_layout",
    "render_docx",
    "resolve_references",
    "scan_code",
    "task_status",
    "to_dict",
    "to_json",
    "tone_style",
    "validate_date_text",
    "validate_place_date",
    "validate_recipients",
    "validate_signature",
    "working_days_between",
]


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'vnadmin' has no attribute {name!r}")
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    value = (
        module if module_name == f"vnadmin.{name}" and not attr else getattr(module, attr or name)
    )
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
    from vnadmin.document import Document
    from vnadmin.serialization import json_schema

    return json_schema(Document)
