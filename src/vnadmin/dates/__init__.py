"""Dates: parsing, finding, formatting and checking dates, weekdays and the issuing line.

Forms read (after :func:`vnadmin.text.normalize_text`, so NFD text, ``Ð`` and
non-breaking spaces are fine): ``20/7/2025``, ``03/01/2024``, ``20-7-2025``,
``20.7.2025``, ``2025-07-20`` and ``ngày 03 tháng 01 năm 2024`` /
``ngày 3 tháng 1 năm 2024``.

NĐ 30/2020/NĐ-CP, Phụ lục I, II.4 fixes the issuing-date form: the place name,
a comma, then ``ngày DD tháng M năm YYYY`` with a leading zero for days below 10
and for months 1 and 2 only (``tháng 01``, ``tháng 02``, but ``tháng 3``).

The package holds the verbs of dates (:func:`parse`, :func:`find`, :func:`format`,
:func:`check`, :func:`validate`, :func:`is_valid`); times, periods and deadlines have
the same verbs in :mod:`vnadmin.dates.times`, :mod:`vnadmin.dates.periods` and
:mod:`vnadmin.dates.deadlines`. Every date is read through the one grammar,
:mod:`vnadmin.dates.grammar`.

>>> parse_date("ngày 03 tháng 01 năm 2024")
datetime.date(2024, 1, 3)
>>> parse_date("20.7.2025")
datetime.date(2025, 7, 20)
>>> import datetime as dt
>>> format_date(dt.date(2020, 3, 5))
'ngày 05 tháng 3 năm 2020'
>>> pd = parse_place_date("Lạng Sơn, ngày 03 tháng 01 năm 2024")
>>> pd.place, pd.date, pd.place_span
('Lạng Sơn', datetime.date(2024, 1, 3), (0, 8))
>>> [f.rule for f in check_dates("ngày 3 tháng 1 năm 2024 (thứ Năm)")]
['D115', 'D116', 'D105']
>>> [f.rule for f in check(find("ngày 29/9/2025 (thứ Ba)")[0])]
['D105']

Parsers raise :class:`vnadmin.errors.ParseError` with ``reason`` one of
``"empty"``, ``"no_date"``, ``"invalid_date"`` (e.g. ``31/02/2025``),
``"trailing_text"``, ``"no_weekday"``, ``"no_place"``. Finders
(:func:`find_dates`, :func:`check_dates`) never raise.
"""

from __future__ import annotations

import datetime as dt

from vnadmin.dates.finder import find_dates, match_date
from vnadmin.dates.formatter import format_date, format_place_date, format_weekday
from vnadmin.dates.grammar import WEEKDAY_PATTERN, date_of_match
from vnadmin.dates.model import WEEKDAY_NAMES, DateForm, DateMention, PlaceDate
from vnadmin.dates.parser import parse_date, parse_place_date, parse_weekday
from vnadmin.dates.rules import check as _check_date
from vnadmin.dates.rules import (
    check_dates,
    check_place_date,
    is_valid_place_date,
    validate_place_date,
)
from vnadmin.dates.rules import is_valid as _is_valid_date
from vnadmin.dates.rules import validate as _validate_date
from vnadmin.findings import Finding
from vnadmin.text import Source

__all__ = [
    "WEEKDAY_NAMES",
    "WEEKDAY_PATTERN",
    "DateForm",
    "DateMention",
    "PlaceDate",
    "check",
    "check_dates",
    "check_place_date",
    "date_of_match",
    "find",
    "find_dates",
    "format",
    "format_date",
    "format_place_date",
    "format_weekday",
    "is_valid",
    "is_valid_date_text",
    "is_valid_place_date",
    "match_date",
    "parse",
    "parse_date",
    "parse_place_date",
    "parse_weekday",
    "validate",
    "validate_date_text",
    "validate_place_date",
]

#: ``parse(text) -> datetime.date`` (:func:`parse_date`).
parse = parse_date
#: ``find(source) -> tuple[DateMention, ...]`` (:func:`find_dates`).
find = find_dates


def format(value: dt.date | DateMention | PlaceDate) -> str:
    """The NĐ 30 text of a date (:func:`format_date`) or of an issuing line
    (:func:`format_place_date`); :func:`parse` / :func:`parse_place_date` read it back.

    >>> format(parse_place_date("Hà Nội, ngày 5 tháng 1 năm 2020"))
    'Hà Nội, ngày 05 tháng 01 năm 2020'
    """
    if isinstance(value, PlaceDate):
        return format_place_date(value)
    return format_date(value)


def check(value: DateMention | PlaceDate | Source) -> tuple[Finding, ...]:
    """Findings for one date (a :class:`DateMention` or a date phrase: D101–D103, D105,
    D106, D112) or one issuing line (a :class:`PlaceDate`: :func:`check_place_date`).
    See :func:`vnadmin.dates.rules.check`.

    >>> [f.rule for f in check("ngày 3 tháng 1 năm 2024")]
    ['D101', 'D102']
    """
    if isinstance(value, PlaceDate):
        return check_place_date(value)
    return _check_date(value)


def validate(value: DateMention | PlaceDate | Source) -> DateMention | PlaceDate:
    """``value`` (a phrase: the :class:`DateMention` it holds) when no finding is an
    error, else :class:`~vnadmin.ValidationError` carrying every finding.

    >>> validate("29/9/2025 (thứ Hai)").weekday
    0
    """
    if isinstance(value, PlaceDate):
        return validate_place_date(value)
    return _validate_date(value)


def is_valid(value: object) -> bool:
    """Whether ``value`` (a :class:`DateMention`, a :class:`PlaceDate` or a date phrase)
    has no ERROR finding; never raises.

    >>> is_valid("29/9/2025 (thứ Hai)"), is_valid("31/02/2025"), is_valid(None)
    (True, False, False)
    """
    if isinstance(value, PlaceDate):
        return is_valid_place_date(value)
    return _is_valid_date(value)


#: The former names of :func:`validate` and :func:`is_valid` over a date phrase
#: (``validate_date_text`` now raises ``ValidationError`` instead of returning findings).
validate_date_text = _validate_date
is_valid_date_text = _is_valid_date
