"""Registries: document types and issuers, as typed tables with their sources.

The tables live in ``vnadmin/data/*.tsv`` (each row names the article or source
it comes from). They are read once, on first use, into dictionaries; every
lookup is a dict hit. Users add their own unit codes with
:meth:`Registry.add_issuer` (on :data:`default_registry` or on a copy from
:meth:`Registry.copy`).

>>> from vnadmin.registry import default_registry, DocCategory
>>> default_registry.document_type("QyĐ", DocCategory.ADMINISTRATIVE).name
'Quy định'
>>> default_registry.document_type("QĐi", DocCategory.PARTY).name
'Quy định'
>>> default_registry.issuer("BNNMT").name
'Bộ Nông nghiệp và Môi trường'
>>> default_registry.issuer("QH15").kind
<IssuerKind.LEGISLATURE: 'legislature'>
>>> default_registry.issuer("SGDĐT").kind
<IssuerKind.LOCAL_DEPARTMENT: 'local_department'>
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
import threading
from collections.abc import Iterable
from typing import Any

import attrs

from vnadmin._tables import read_table

__all__ = [
    "DocCategory",
    "DocumentType",
    "Issuer",
    "IssuerKind",
    "Registry",
    "default_registry",
]


class DocCategory(enum.Enum):
    """Which system of rules a document type belongs to."""

    ADMINISTRATIVE = "administrative"  #: văn bản hành chính (NĐ 30, Điều 7)
    NORMATIVE = "normative"  #: văn bản quy phạm pháp luật (Luật 64/2025/QH15, Điều 4)
    PARTY = "party"  #: văn bản của Đảng (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW)
    COPY = "copy"  #: bản sao (NĐ 30, Phụ lục I, Phần II)
    #: forms that offices use internally and NĐ 30's list does not name (Phiếu trình,
    #: Phiếu xin ý kiến …): known so that they are read, not validated as NĐ 30 types
    INTERNAL = "internal"


@attrs.frozen
class DocumentType:
    """A document type: its abbreviation (``""`` if none), names and source."""

    abbr: str
    category: DocCategory
    name: str
    name_en: str
    article: str

    def __str__(self) -> str:
        return self.name

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its fields; read back as the shipped registry's own entry when that
        entry is equal (so ``code.doc_type is`` the registry's after a round trip)."""
        return _document_type, (self.abbr, self.category, self.name, self.name_en, self.article)


def _document_type(
    abbr: str, category: DocCategory, name: str, name_en: str, article: str
) -> DocumentType:
    made = DocumentType(abbr, category, name, name_en, article)
    entry = default_registry.type_by_name(name, category)
    return entry if entry is not None and entry == made else made


class IssuerKind(enum.Enum):
    """What kind of body an issuer code stands for."""

    LEGISLATURE = "legislature"
    PRESIDENT = "president"
    GOVERNMENT = "government"
    PRIME_MINISTER = "prime_minister"
    MINISTRY = "ministry"
    COURT = "court"
    JUDICIAL_COUNCIL = "judicial_council"
    PROCURACY = "procuracy"
    AUDIT = "audit"
    AGENCY = "agency"
    FRONT = "front"
    LOCAL_COUNCIL = "local_council"
    LOCAL_COMMITTEE = "local_committee"
    LOCAL_DEPARTMENT = "local_department"
    PARTY = "party"
    USER = "user"


#: Kinds that count as separate issuers when several appear in one ký hiệu.
JOINT_KINDS = frozenset(IssuerKind) - {IssuerKind.LOCAL_DEPARTMENT, IssuerKind.PARTY}


@attrs.frozen
class Issuer:
    """An issuer code (``abbr``) and what it stands for.

    ``valid_to`` is the first day the code is no longer used (``None`` = in use);
    ``successor`` the code that replaced it.
    """

    abbr: str
    kind: IssuerKind
    name: str
    name_en: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor: str | None = None
    source: str = ""
    term: int | None = None

    def valid_on(self, day: dt.date) -> bool:
        """Whether the code was in use on ``day``."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day < self.valid_to


@attrs.frozen
class _TypeIssuerRule:
    kind: IssuerKind
    from_year: int | None
    to_year: int | None
    article: str


# Every state of every registry gets its own number: parsers key their memos on it, so a
# memo never answers for a registry that has changed since (or for another registry).
# A change takes a new number before it touches the tables and another after (under one
# lock for every registry, so changes never interleave and numbers only grow): a reading
# that sees the same number before and after it saw one whole state, and a parser stores
# a reading only then (see :class:`vnadmin.codes.parser.Memo`).
_VERSIONS = itertools.count(1)
_CHANGING = threading.RLock()

_TERMED = re.compile(r"(UBTVQH|QH)([0-9]{1,2})")
_DEPARTMENT = re.compile(r"S[A-ZĐ][A-ZĐ&]{1,10}")


def _key(abbr: str) -> str:
    """Case- and dot-insensitive key: ``qđ`` / ``QĐ`` / ``Q.Đ`` → ``QĐ``."""
    return abbr.replace(".", "").upper()


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Registry:
    """Document types and issuers, indexed for dict lookups.

    Build one with :meth:`load` (the shipped tables) or use
    :data:`default_registry`. Lookups are exact first (abbreviations are
    case- and Đ-sensitive: ``HD`` ≠ ``HĐ``, ``CTr`` ≠ ``CTR``), with
    case-insensitive ``*_folded`` variants for lenient parsing.
    """

    def __init__(self) -> None:
        self._types: dict[tuple[str, DocCategory], DocumentType] = {}
        self._types_by_abbr: dict[str, list[DocumentType]] = {}
        self._types_folded: dict[str, str] = {}
        self._types_by_name: dict[tuple[str, DocCategory], DocumentType] = {}
        self._issuers: dict[str, Issuer] = {}
        self._issuers_folded: dict[str, str] = {}
        self._type_issuers: dict[str, list[_TypeIssuerRule]] = {}
        self._version = next(_VERSIONS)

    @classmethod
    def load(cls) -> Registry:
        """A registry filled from the shipped tables in ``vnadmin/data``."""
        reg = cls()
        for row in read_table("document_types.tsv"):
            reg.add_document_type(
                DocumentType(
                    abbr=row["abbr"],
                    category=DocCategory(row["category"]),
                    name=row["name"],
                    name_en=row["name_en"],
                    article=row["article"],
                )
            )
        for row in read_table("issuers.tsv"):
            reg.add_issuer(
                Issuer(
                    abbr=row["abbr"],
                    kind=IssuerKind(row["kind"]),
                    name=row["name"],
                    name_en=row["name_en"],
                    valid_from=_date(row["valid_from"]),
                    valid_to=_date(row["valid_to"]),
                    successor=row["successor"] or None,
                    source=row["source"],
                )
            )
        for row in read_table("type_issuers.tsv"):
            reg._type_issuers.setdefault(row["type"], []).append(
                _TypeIssuerRule(
                    kind=IssuerKind(row["issuer_kind"]),
                    from_year=int(row["from_year"]) if row["from_year"] else None,
                    to_year=int(row["to_year"]) if row["to_year"] else None,
                    article=row["article"],
                )
            )
        return reg

    def copy(self) -> Registry:
        """An independent copy, to extend without touching this one."""
        new = Registry()
        with _CHANGING:  # no change of this one while it is read
            for t in self._types.values():
                new.add_document_type(t)
            for t in self._types_by_name.values():
                if not t.abbr:
                    new.add_document_type(t)
            for i in self._issuers.values():
                new.add_issuer(i)
            new._type_issuers = {k: list(v) for k, v in self._type_issuers.items()}
        return new

    @property
    def version(self) -> int:
        """A number that changes whenever an entry is added, unique across registries.

        Parsers key their memos on it (with the registry), so a registry that changes
        never gets an answer memoised before the change.

        >>> reg = default_registry.copy()
        >>> before = reg.version
        >>> reg.add_issuer(Issuer("TTCNTT", IssuerKind.USER, "Trung tâm CNTT"))
        >>> reg.version != before, reg.version != default_registry.version
        (True, True)
        """
        return self._version

    # -- adding ------------------------------------------------------------------

    def add_document_type(self, doc_type: DocumentType) -> None:
        """Add (or replace) a document type."""
        with _CHANGING:
            self._version = next(_VERSIONS)  # before and after the change: see _VERSIONS
            self._types_by_name[(doc_type.name, doc_type.category)] = doc_type
            if doc_type.abbr:
                self._types[(doc_type.abbr, doc_type.category)] = doc_type
                same = self._types_by_abbr.get(doc_type.abbr, [])
                self._types_by_abbr[doc_type.abbr] = [
                    *(t for t in same if t.category is not doc_type.category),
                    doc_type,
                ]
                self._types_folded.setdefault(_key(doc_type.abbr), doc_type.abbr)
            self._version = next(_VERSIONS)

    def add_issuer(self, issuer: Issuer) -> None:
        """Add (or replace) an issuer code, e.g. a unit code of your own.

        >>> reg = default_registry.copy()
        >>> reg.add_issuer(Issuer("TTCNTT", IssuerKind.USER, "Trung tâm Công nghệ thông tin"))
        >>> reg.issuer("TTCNTT").name
        'Trung tâm Công nghệ thông tin'
        """
        with _CHANGING:
            self._version = next(_VERSIONS)  # before and after the change: see _VERSIONS
            self._issuers[issuer.abbr] = issuer
            self._issuers_folded.setdefault(_key(issuer.abbr), issuer.abbr)
            self._version = next(_VERSIONS)

    # -- lookups -----------------------------------------------------------------

    def document_type(self, abbr: str, category: DocCategory) -> DocumentType | None:
        """The type with this exact abbreviation in ``category``, if any."""
        return self._types.get((abbr, category))

    def document_types(self, abbr: str) -> tuple[DocumentType, ...]:
        """Every type (of any category) with this exact abbreviation."""
        return tuple(self._types_by_abbr.get(abbr, ()))

    def type_by_name(self, name: str, category: DocCategory) -> DocumentType | None:
        """The type called ``name`` (``"Công văn"``) in ``category``."""
        return self._types_by_name.get((name, category))

    def type_abbr_folded(self, abbr: str) -> str | None:
        """The registered spelling of a type abbreviation, ignoring case and dots."""
        return self._types_folded.get(_key(abbr))

    def is_type(self, abbr: str) -> bool:
        """Whether ``abbr`` is exactly a registered type abbreviation."""
        return abbr in self._types_by_abbr

    def issuer(self, abbr: str) -> Issuer | None:
        """The issuer for this exact code; termed (``QH15``) and ``S…`` codes by pattern."""
        found = self._issuers.get(abbr)
        if found is not None:
            return found
        m = _TERMED.fullmatch(abbr)
        if m is not None:
            base = self._issuers.get(m.group(1))
            if base is not None:
                return attrs.evolve(base, abbr=abbr, term=int(m.group(2)))
        if _DEPARTMENT.fullmatch(abbr):
            return Issuer(abbr, IssuerKind.LOCAL_DEPARTMENT, "Sở (cơ quan chuyên môn cấp tỉnh)")
        return None

    def abbreviations(self) -> frozenset[str]:
        """Every registered type and issuer abbreviation (patterns aside)."""
        with _CHANGING:
            return frozenset(self._types_by_abbr) | frozenset(self._issuers)

    def issuer_abbr_folded(self, abbr: str) -> str | None:
        """The registered spelling of an issuer code, ignoring case and dots."""
        key = _key(abbr)
        found = self._issuers_folded.get(key)
        if found is not None:
            return found
        m = _TERMED.fullmatch(key)
        if m is not None:
            return key
        return None

    def issuer_kinds_for(self, abbr: str, year: int | None) -> tuple[IssuerKind, ...] | None:
        """Issuer kinds allowed to issue normative type ``abbr`` in ``year``.

        ``None`` when the registry has no rule for the type.
        """
        rules = self._type_issuers.get(abbr)
        if rules is None:
            return None
        return tuple(
            r.kind
            for r in rules
            if year is None
            or (
                (r.from_year is None or year >= r.from_year)
                and (r.to_year is None or year <= r.to_year)
            )
        )

    def issuers(self) -> Iterable[Issuer]:
        """Every registered issuer."""
        return self._issuers.values()

    def type_names(self, *extra: str) -> tuple[str, ...]:
        """Every type name (plus ``extra``), longest first — the order a regex
        alternation needs so that ``Thông tư liên tịch`` wins over ``Thông tư``."""
        names = {t.name for t in self._types_by_name.values()} | set(extra)
        return tuple(sorted(names, key=len, reverse=True))

    def document_types_all(self) -> Iterable[DocumentType]:
        """Every registered document type (including those without abbreviation)."""
        return self._types_by_name.values()


#: The registry every parser uses unless given another one.
default_registry: Registry = Registry.load()
