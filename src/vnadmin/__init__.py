"""vnadmin: typed, validated data from Vietnamese administrative documents.

>>> import vnadmin
>>> code = vnadmin.parse_code("Số: 30/2020/NÐ–CP")
>>> str(code), code.year, code.doc_type.name
('30/2020/NĐ-CP', 2020, 'Nghị định')
"""

from __future__ import annotations

from vnadmin import codes
from vnadmin.code_model import CodeFamily, DocumentCode
from vnadmin.code_parser import parse_code, scan_code
from vnadmin.errors import ParseError, ValidationError, VnAdminError
from vnadmin.findings import RULES, Finding, Repair, Rule, Severity
from vnadmin.registry import (
    DocCategory,
    DocumentType,
    Issuer,
    IssuerKind,
    Registry,
    default_registry,
)
from vnadmin.text import NormalizedText, canonical_tones, fold, normalize_text, tone_style

__version__ = "0.1.0.dev0"

__all__ = [
    "RULES",
    "CodeFamily",
    "DocCategory",
    "DocumentCode",
    "DocumentType",
    "Finding",
    "Issuer",
    "IssuerKind",
    "NormalizedText",
    "ParseError",
    "Registry",
    "Repair",
    "Rule",
    "Severity",
    "ValidationError",
    "VnAdminError",
    "__version__",
    "canonical_tones",
    "codes",
    "default_registry",
    "fold",
    "normalize_text",
    "parse_code",
    "scan_code",
    "tone_style",
]
