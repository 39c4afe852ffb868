"""Numbers and sizes as the user's language writes them (QLocale: decimal separator, digit groups).

`core/units.py` keeps the locale-free forms for files and logs; what the window shows goes through
here. The app sets the default QLocale at start (app.py), so `QLocale()` is the user's locale.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

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
