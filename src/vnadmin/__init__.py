"""vnadmin: typed, validated data from Vietnamese administrative documents.

>>> import vnadmin
>>> code = vnadmin.parse_code("Số: 30/2020/NÐ–CP")
>>> str(code), code.year, code.doc_type.name
('30/2020/NĐ-CP', 2020, 'Nghị định')
"""

from __future__ import annotations

from vnadmin.errors import ParseError, ValidationError, VnAdminError
from vnadmin.findings import RULES, Finding, Repair, Rule, Severity
from vnadmin.text import NormalizedText, canonical_tones, fold, normalize_text, tone_style

__version__ = "0.1.0.dev0"

__all__ = [
    "RULES",
    "Finding",
    "NormalizedText",
    "ParseError",
    "Repair",
    "Rule",
    "Severity",
    "ValidationError",
    "VnAdminError",
    "__version__",
    "canonical_tones",
    "fold",
    "normalize_text",
    "tone_style",
]
