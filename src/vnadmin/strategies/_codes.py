"""Strategies for document codes."""

from __future__ import annotations

from hypothesis import strategies as st

from vnadmin.codes.model import DocumentCode
from vnadmin.codes.parser import parse_code
from vnadmin.registry import DocCategory, IssuerKind, default_registry

__all__ = ["code_numbers", "code_texts", "document_codes", "issuer_abbrs", "type_abbrs", "years"]

_UNITS = ("VP", "TCCB", "KGVX", "DTTS", "QLKTTW", "ĐMDN", "CN", "GDTrH", "NVTW", "VX", "KTTH")


def code_numbers(max_value: int = 9999) -> st.SearchStrategy[int]:
    """Running numbers, 1 … ``max_value``."""
    return st.integers(min_value=1, max_value=max_value)


def years(min_year: int = 1990, max_year: int = 2026) -> st.SearchStrategy[int]:
    """Plausible years of issue."""
    return st.integers(min_value=min_year, max_value=max_year)


def type_abbrs(category: DocCategory = DocCategory.ADMINISTRATIVE) -> st.SearchStrategy[str]:
    """Registered type abbreviations of ``category``."""
    abbrs = sorted(
        {t.abbr for t in default_registry.document_types_all() if t.abbr and t.category is category}
    )
    return st.sampled_from(abbrs)


def issuer_abbrs(*kinds: IssuerKind) -> st.SearchStrategy[str]:
    """Registered issuer codes (current ones), optionally of some kinds only."""
    wanted = set(kinds) if kinds else None
    abbrs = sorted(
        i.abbr
        for i in default_registry.issuers()
        if i.valid_to is None
        and i.kind not in (IssuerKind.LEGISLATURE, IssuerKind.PARTY)
        and (wanted is None or i.kind in wanted)
    )
    return st.sampled_from(abbrs)


def _normative_issuer(type_abbr: str) -> st.SearchStrategy[str]:
    kinds = default_registry.issuer_kinds_for(type_abbr, 2024) or ()
    kinds = tuple(k for k in kinds if k not in (IssuerKind.LEGISLATURE, IssuerKind.FRONT))
    return issuer_abbrs(*kinds) if kinds else issuer_abbrs(IssuerKind.MINISTRY)


@st.composite
def code_texts(draw: st.DrawFn) -> str:
    """Canonical code strings of every family (``05/QĐ-UBND``, ``30/2020/NĐ-CP``,
    ``80/2015/QH13``, ``1302/UBDT-DTTS``, ``01/2016/TTLT-BTC-BCT``, ``35-CT/TW``,
    ``05/SY-UBND``)."""
    n = draw(code_numbers())
    number = f"{n:02d}"
    shape = draw(st.sampled_from(["admin", "cv", "normative", "qh", "joint", "party", "copy"]))
    if shape == "admin":
        t = draw(type_abbrs())
        i = draw(issuer_abbrs())
        return f"{number}/{t}-{i}"
    if shape == "cv":
        i = draw(issuer_abbrs())
        u = draw(st.sampled_from(_UNITS))
        return f"{number}/{i}-{u}"
    if shape == "normative":
        t = draw(st.sampled_from(["NĐ", "TT", "QĐ", "NQ"]))
        i = draw(_normative_issuer(t))
        return f"{number}/{draw(years())}/{t}-{i}"
    if shape == "qh":
        term = draw(st.integers(min_value=11, max_value=16))
        year = 2002 + 5 * (term - 11) + draw(st.integers(min_value=0, max_value=4))
        body = draw(st.sampled_from(["QH", "UBTVQH"]))
        return f"{number}/{year}/{body}{term}"
    if shape == "joint":
        a, b = draw(
            st.lists(issuer_abbrs(IssuerKind.MINISTRY), min_size=2, max_size=2, unique=True)
        )
        return f"{number}/{draw(years())}/TTLT-{a}-{b}"
    if shape == "party":
        t = draw(type_abbrs(DocCategory.PARTY))
        i = draw(st.sampled_from(["TW", "TU", "ĐU", "BTCTW", "VPTW", "BTGTU"]))
        return f"{number}-{t}/{i}"
    t = draw(type_abbrs(DocCategory.COPY))
    return f"{number}/{t}-{draw(issuer_abbrs())}"


def document_codes() -> st.SearchStrategy[DocumentCode]:
    """:class:`~vnadmin.DocumentCode` values of every family."""
    return code_texts().map(parse_code)
