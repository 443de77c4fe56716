"""The one date grammar: every pattern that reads a date, a weekday or a time of day.

Dates, place-and-date lines, times, periods, deadlines and references all read their
dates and times through the fragments and compiled patterns of this module (NĐ
30/2020/NĐ-CP, Phụ lục I, II.4 for the written-out form ``ngày DD tháng MM năm YYYY``).

Group names of the date fragments: ``d``/``sep``/``m``/``y`` (numeric ``20/7/2025``),
``vd``/``vm``/``vy`` (in words ``ngày 20 tháng 7 năm 2025``) and ``id``/``im``/``iy``
(ISO ``2025-07-20``, only in :data:`FULL`). :func:`date_of_match` reads any of them.

Scanning a whole text goes through :func:`scan`: a case-sensitive prefilter on the
literal anchors of a date (one or two digits followed by a separator or by ``tháng`` /
``Tháng`` / ``THÁNG``) finds the candidates, and the full pattern runs only there.

Hostile input: numbers are ASCII digits (``[0-9]``: ``²`` or ``٣`` are not read as
digits); a case-insensitive match is turned into a value by a pattern with the same flag
(:func:`weekday_value`), never by ``str.lower`` and a dictionary, so ``thứ ſáu`` or
``THỨ HAİ`` read as the engine matched them; and no two quantifiers of a pattern can
share a run of blanks (an optional word brings its own leading blanks, a place name
ends on a character that is not blank), so every scan is linear in the text — the
tests run every finder on 1 MB of adversarial text built from this grammar.

>>> [m.group() for m in scan("Hà Nội, ngày 03 tháng 01 năm 2024; hạn 20/7/2025.")]
['ngày 03 tháng 01 năm 2024', '20/7/2025']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from vnadmin.errors import VnAdminError

__all__ = [
    "DATE",
    "FULL",
    "ISO",
    "NUMERIC",
    "SCAN",
    "TIME",
    "VERBAL",
    "WEEKDAY_PATTERN",
    "date_of_match",
    "scan",
]

# --- weekdays ---------------------------------------------------------------------

#: A weekday name (``thứ Hai`` … ``thứ Bảy``, ``thứ 2`` … ``thứ 7``, ``Chủ nhật``, ``CN``).
WEEKDAY_PATTERN = r"(?:thứ[ \t]*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ[ \t]*nhật|CN)(?![^\W_])"
WEEKDAY_FULL = re.compile(r"\s*(" + WEEKDAY_PATTERN + r")\s*", re.IGNORECASE)
#: A weekday right after a date: ``(thứ Hai)`` or ``, thứ Hai``.
WD_AFTER = re.compile(
    r"[ \t]*(?:\([ \t]*(?P<a>"
    + WEEKDAY_PATTERN
    + r")[ \t]*\)|,[ \t]*(?P<b>"
    + WEEKDAY_PATTERN
    + "))",
    re.IGNORECASE,
)
#: A weekday right before a date: ``thứ Năm (ngày …``, ``thứ Sáu, ngày …``.
WD_BEFORE = re.compile(r"(?P<w>" + WEEKDAY_PATTERN + r")[ \t]*(?:[,(][ \t]*)?$", re.IGNORECASE)
#: A weekday in parentheses (``(thứ Hai)``).
WD_PAREN = re.compile(r"[ \t]*\([ \t]*(?P<w>" + WEEKDAY_PATTERN + r")[ \t]*\)", re.IGNORECASE)

# The value of a weekday name is read by this pattern, with the same flag as
# WEEKDAY_PATTERN: the engine folds case for the lookup exactly as it did for the match
# (``ſáu``, ``haı`` and ``HAİ`` match under IGNORECASE, and ``str.lower`` gives none of
# ``sáu``, ``hai``: a dictionary keyed by lowered text would miss them).
_WD_VALUE = re.compile(
    r"thứ[ \t]*(?:(?P<w0>hai|2)|(?P<w1>ba|3)|(?P<w2>tư|4)|(?P<w3>năm|5)|(?P<w4>sáu|6)"
    r"|(?P<w5>bảy|bẩy|7))|(?P<w6>chủ[ \t]*nhật|CN)",
    re.IGNORECASE,
)


def weekday_value(word: str) -> int:
    """``date.weekday()`` of a weekday name matched by :data:`WEEKDAY_PATTERN`.

    >>> weekday_value("thứ ſáu"), weekday_value("THỨ HAİ"), weekday_value("Chủ nhật")
    (4, 0, 6)
    """
    m = _WD_VALUE.fullmatch(word)
    if m is None or m.lastgroup is None:
        raise VnAdminError(f"not a weekday name: {word[:40]!r}")
    return int(m.lastgroup[1])


# --- dates ------------------------------------------------------------------------

#: ``20/7/2025``, ``20-7-2025``, ``20.7.2025`` (one separator throughout).
NUMERIC = (
    r"(?<![\w/.\-])(?P<d>[0-9]{1,2})[ \t]*(?P<sep>[/.\-])[ \t]*(?P<m>[0-9]{1,2})"
    r"[ \t]*(?P=sep)[ \t]*(?P<y>[0-9]{4})(?![0-9])"
)
#: ``20 tháng 7 năm 2025`` (after an optional ``ngày``).
VERBAL = (
    r"(?P<vd>[0-9]{1,2})\s*tháng\s*(?P<vm>[0-9]{1,2})\s*(?:,\s*)?năm\s*(?P<vy>[0-9]{4})(?![0-9])"
)
#: ``2025-07-20``.
ISO = r"(?<![\w/.\-])(?P<iy>[0-9]{4})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2})(?!\w)"
#: A date in running text, with an optional leading ``ngày`` (group ``ngay``).
DATE = r"(?:(?P<ngay>ngày)\s*)?(?:" + NUMERIC + "|" + VERBAL + ")"

SCAN = re.compile(DATE, re.IGNORECASE)
#: One whole date phrase (what :func:`vnadmin.dates.parse_date` accepts).
FULL = re.compile(
    r"\s*(?:ngày\s*)?(?:" + NUMERIC + "|" + VERBAL + "|" + ISO + r")\s*(?:[.,;]\s*)?",
    re.IGNORECASE,
)
# The literal anchors every match of SCAN holds where its date starts: one or two
# digits, then a separator or "tháng" (in the cases documents use). Case-sensitive and
# starting with a digit class, so the engine skips straight to digits (a leading
# look-behind would make it try every position: 4x slower on real text); NUMERIC's own
# look-behind, checked by SCAN.match, rejects a candidate inside a longer number, and a
# rejected candidate moves the scan one character on, so ``1/1/1/1…`` stays linear.
# (``[0-9][0-9]?`` rather than ``[0-9]{1,2}``, and the digit after the separator, which
# NUMERIC needs anyway, so that list numbers such as ``1.`` are not candidates: measured.)
# Only the last two digits of a run can start it: the look-ahead after the first digit
# turns every other digit of a long run away in two steps (a run of 100,000 digits costs
# the engine a few milliseconds, not a failed attempt at each separator and ``tháng``).
_ANCHOR = re.compile(
    r"[0-9](?![0-9][0-9])[0-9]?(?:[ \t]*[/.\-][ \t]*[0-9]|\s*(?:tháng|Tháng|THÁNG))"
)
_NGAY = frozenset({"ngày", "Ngày", "NGÀY"})
_NGAY_SPACE = frozenset(w + " " for w in _NGAY)


def scan(s: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of :data:`SCAN` in ``s[pos:endpos]``, left to right, not overlapping
    (what ``SCAN.finditer`` gives for the usual cases of ``ngày``/``tháng``), found
    through the case-sensitive prefilter."""
    end = len(s) if endpos is None else endpos
    search = _ANCHOR.search
    match = SCAN.match
    while True:
        hit = search(s, pos, end)
        if hit is None:
            return
        at = hit.start()
        m = None
        # ``ngày`` and one space before the digits, the usual case, without walking back.
        ngay_space = at - 5 >= pos and s[at - 5 : at] in _NGAY_SPACE
        back = at - 1 if ngay_space else blank_start(s, at, pos)
        if back - 4 >= pos and s[back - 4 : back] in _NGAY:
            m = match(s, back - 4, end)
        if m is None:
            m = match(s, at, end)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()


def blank_start(s: str, at: int, lo: int = 0) -> int:
    """Where the run of blanks that ends at ``at`` starts (not before ``lo``); read
    backwards in slices, so a long run costs a few C calls, not one call a character."""
    while at > lo:
        k = max(lo, at - 64)
        kept = len(s[k:at].rstrip())
        if kept:
            return k + kept
        at = k
    return lo


def date_of_match(m: re.Match[str]) -> dt.date | None:
    """The date a match of a date pattern names, or ``None`` if there is no such day.

    The pattern names its parts as this module's fragments do (``d``/``m``/``y``,
    ``vd``/``vm``/``vy`` and, optionally, ``id``/``im``/``iy``).
    """
    if m.group("d") is not None:
        ymd = m.group("y", "m", "d")
    elif "iy" in m.re.groupindex and m.group("iy") is not None:
        ymd = m.group("iy", "im", "id")
    else:
        ymd = m.group("vy", "vm", "vd")
    try:
        return dt.date(int(ymd[0]), int(ymd[1]), int(ymd[2]))
    except ValueError:
        return None


# --- place-and-date line ----------------------------------------------------------

_BLANK = r"[._…]+"
# The place: a letter, then at most 79 characters ending on one that is not blank, so
# the blank run after it is read once (by the ``\s*`` that follows), never split
# between the place and that quantifier.
_PLACE = r"(?P<place>[^\W\d_](?:[^,\n]{0,78}?[^\s,])?)"
#: ``<place>, ngày DD tháng MM năm YYYY`` with blanks allowed (``ngày …… tháng 3``).
#: Each run of blanks is read by one quantifier: a blank part is a token of its own
#: (``[._…]+``, or nothing), followed by its blanks.
PLACE_DATE = re.compile(
    r"\s*" + _PLACE + r"\s*(?:(?P<comma>,)\s*)?"
    r"(?P<date>(?P<ngay>ngày)\s*(?:(?P<vd>[0-9]{1,2}|" + _BLANK + r")\s*)?"
    r"tháng\s*(?:(?P<vm>[0-9]{1,2}|" + _BLANK + r")\s*)?"
    r"(?:,\s*)?năm(?:\s*(?P<vy>[0-9]{4}|[0-9]{0,3}" + _BLANK + r"))?)"
    r"\s*(?:[.]\s*)?",
    re.IGNORECASE,
)
#: ``<place>, 05/01/2020`` (a numeric issuing date, against D104).
PLACE_NUMERIC = re.compile(
    r"\s*"
    + _PLACE
    + r"\s*(?:(?P<comma>,)\s*)?(?P<date>(?:ngày\s*)?"
    + NUMERIC
    + r")\s*(?:[.]\s*)?",
    re.IGNORECASE,
)

# --- times of day -----------------------------------------------------------------

#: ``14 giờ 00``, ``10 giờ 00 phút``, ``14h00``, ``14h``, ``7h30'``, ``14g30``,
#: ``18h giờ 00 phút`` (groups ``h``, ``gio``/``hh``/``g``, ``mi``, ``unit``).
TIME = (
    r"(?<![\w.,/:])(?P<h>[0-9]{1,2})[ \t]*"
    r"(?:(?P<gio>giờ)|(?P<hh>h)(?:[ \t]*giờ)?|(?P<g>g)(?=[ \t]*[0-9]))"
    r"(?:[ \t]*(?P<mi>[0-9]{1,2})(?![0-9])(?:[ \t]*(?P<unit>phút|p(?![^\W\d_])|'))?)?"
    r"(?![^\W\d_])"
)
TIME_RE = re.compile(TIME, re.IGNORECASE)
#: A whole time phrase (``lúc 14 giờ``, ``14:30``).
TIME_FULL = re.compile(
    r"\s*(?:(?:vào\s*)?(?:lúc|hồi)\s*)?(?:" + TIME + r"|(?P<ch>[0-9]{1,2}):(?P<cm>[0-9]{2}))\s*",
    re.IGNORECASE,
)
_TIME_ANCHOR = re.compile(r"(?<![\w.,/:])[0-9]{1,2}[ \t]*(?:giờ|Giờ|GIỜ|[hHgG])")


def scan_times(s: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of :data:`TIME_RE` in ``s[pos:endpos]`` through a case-sensitive
    prefilter on their anchors (digits, then ``giờ`` or ``h``/``g``)."""
    end = len(s) if endpos is None else endpos
    search = _TIME_ANCHOR.search
    match = TIME_RE.match
    while True:
        hit = search(s, pos, end)
        if hit is None:
            return
        m = match(s, hit.start(), end)
        if m is None:
            pos = hit.start() + 1
            continue
        yield m
        pos = m.end()
