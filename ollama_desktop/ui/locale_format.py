"""Numbers, sizes and dates as the user's language writes them (QLocale: decimal separator, digit
groups, the order of day, month and year).

`core/units.py` keeps the locale-free forms for files and logs; what the window shows goes through
here. The app sets the default QLocale at start (app.py), so `QLocale()` is the user's locale.

Every date or time the window shows goes through `date_text`, `time_text` or `date_time_text`: the
locale's short formats, except where those are no help. The C locale (``LANG=C.UTF-8``) writes
"2 12 2026 05:28", and a format of bare numbers between spaces cannot be told apart from a list of
numbers: those become ISO-like, "2026-12-02 05:28".
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

_SI = QLocale.DataSizeFormat.DataSizeSIFormat


def size_text(size: int) -> str:
    """A byte count in decimal units like `ollama list`: one decimal below 10, none above.

    "4.9 GB", "253 MB" in English; "4,9 GB" in German; "900 바이트" in Korean.
    """
    scaled = float(abs(size))
    while scaled >= 1000:
        scaled /= 1000
    decimals = 1 if abs(size) >= 1000 and scaled < 10 else 0
    return QLocale().formattedDataSize(size, decimals, _SI)


def number_text(value: float, decimals: int) -> str:
    """`value` with `decimals` digits after the locale's decimal separator ("40.0", "40,0")."""
    return QLocale().toString(float(value), "f", decimals)


def count_text(count: int) -> str:
    """A whole number with the locale's digit grouping ("12,345", "12.345")."""
    return QLocale().toString(count)


# The fallbacks: year first, unambiguous in every language, and what the C locale means to say.
ISO_DATE = "yyyy-MM-dd"
ISO_TIME = "HH:mm"
# A date format of numbers with nothing but spaces between them ("d MM yyyy"; "d MMM yyyy" names
# the month, and is kept).
_NUMBERS_AND_SPACES = re.compile(r"(?:d{1,2}|M{1,2}|y{2}|y{4})(?:\s+(?:d{1,2}|M{1,2}|y{2}|y{4}))+")


def _formats(locale: QLocale) -> tuple[str, str]:
    """The (date, time) formats to write with: the locale's short ones, or the ISO-like ones."""
    date_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
    time_format = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if locale.language() == QLocale.Language.C or _NUMBERS_AND_SPACES.fullmatch(date_format.strip()):
        return ISO_DATE, ISO_TIME
    if not time_format.strip():
        time_format = ISO_TIME
    return date_format, time_format


def date_text(day: QDate) -> str:
    """A day in the locale's short form: "12/2/26", "2026/12/2", "26. 12. 2."; C: "2026-12-02"."""
    if not day.isValid():
        return ""
    locale = QLocale()
    return locale.toString(day, _formats(locale)[0])


def time_text(moment: QTime) -> str:
    """A time of day in the locale's short form: "5:28 AM", "오전 5:28", "05:28"."""
    if not moment.isValid():
        return ""
    locale = QLocale()
    return locale.toString(moment, _formats(locale)[1])


def date_time_text(moment: datetime | QDateTime | float) -> str:
    """A moment in local time, date then time: "12/2/26 5:28 AM"; C locale: "2026-12-02 05:28".

    `moment` is an aware (or local) datetime, a QDateTime, or seconds since the epoch; "" when it
    cannot be shown (out of range).
    """
    if isinstance(moment, QDateTime):
        stamp = moment.toLocalTime()
    else:
        try:
            seconds = moment.timestamp() if isinstance(moment, datetime) else float(moment)
        except (OverflowError, ValueError, OSError):
            return ""
        if not -62_135_596_800 <= seconds <= 253_402_300_799:  # years 1 to 9999 (and not NaN)
            return ""
        stamp = QDateTime.fromSecsSinceEpoch(int(seconds))
    if not stamp.isValid():
        return ""
    locale = QLocale()
    date_format, time_format = _formats(locale)
    return f"{locale.toString(stamp.date(), date_format)} {locale.toString(stamp.time(), time_format)}"
