"""The date values: :class:`DateForm`, :class:`DateMention`, :class:`PlaceDate`.

Values are frozen and slotted; none keeps the caller's whole text, only its own
spans (and, for :class:`PlaceDate`, its own source slice).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

__all__ = ["WEEKDAY_EN", "WEEKDAY_NAMES", "DateForm", "DateMention", "PlaceDate"]

#: Canonical weekday names by ``date.weekday()`` (0 = Monday), NĐ 30 Phụ lục II style.
WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
#: English weekday names, for the English messages.
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class DateForm(enum.Enum):
    """How a date is written."""

    NUMERIC = "numeric"  #: ``20/7/2025``, ``20-7-2025``, ``20.7.2025``
    WORDS = "words"  #: ``ngày 20 tháng 7 năm 2025``
    ISO = "iso"  #: ``2025-07-20``


@attrs.frozen
class DateMention:
    """A date found in a text by :func:`vnadmin.dates.find_dates`.

    Attributes:
        value: the date.
        span: offsets of the date (with a leading ``ngày``) in the caller's string.
        form: :class:`DateForm`.
        day_text: the day digits as written (``"3"``, ``"03"``).
        month_text: the month digits as written.
        weekday: a weekday stated next to the date (0 = Monday), or ``None``.
        weekday_span: offsets of that weekday name, or ``None``.
        day_span: offsets of the day digits.
        month_span: offsets of the month digits.
        weekday_text: the weekday name as written (normalised), or ``None``.
    """

    value: dt.date
    span: tuple[int, int]
    form: DateForm
    day_text: str
    month_text: str
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    day_span: tuple[int, int] = (0, 0)
    month_span: tuple[int, int] = (0, 0)
    weekday_text: str | None = None

    @property
    def weekday_matches(self) -> bool:
        """False when a stated weekday contradicts the date."""
        return self.weekday is None or self.weekday == self.value.weekday()


@attrs.frozen
class PlaceDate:
    """The place-and-date line of a document (địa danh và thời gian ban hành).

    Attributes:
        place: the place name as written (``"Lạng Sơn"``), or ``None``.
        date: the full date, or ``None`` when a part is blank.
        day: the day, or ``None`` if left blank.
        month: the month, or ``None`` if left blank.
        year: the year, or ``None`` if left blank.
        place_span: offsets of the place name in the caller's string.
        date_span: offsets of the date part in the caller's string.
        text: the line's own source slice, ``original[span[0]:span[1]]``.
        span: offsets of the line (place to date) in the caller's string.
        form: :class:`DateForm` of the date part (``WORDS`` or ``NUMERIC``).
        comma: whether a comma follows the place name.
        day_text: the day as written (``"03"``; ``None`` if blank).
        month_text: the month as written (``None`` if blank).
        day_span: offsets of the day, or ``None`` if blank.
        month_span: offsets of the month, or ``None`` if blank.
    """

    place: str | None
    date: dt.date | None
    day: int | None
    month: int | None
    year: int | None
    place_span: tuple[int, int] | None
    date_span: tuple[int, int]
    text: str
    span: tuple[int, int]
    form: DateForm = DateForm.WORDS
    comma: bool = True
    day_text: str | None = None
    month_text: str | None = None
    day_span: tuple[int, int] | None = None
    month_span: tuple[int, int] | None = None
