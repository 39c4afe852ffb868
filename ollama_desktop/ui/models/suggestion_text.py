"""The words for a suggested download: what it is for, and whether it fits this computer's memory.

One place for the Models window's list and the first-run screen's buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ollama_desktop.core.models.suggestions import Purpose, SuggestedModel, fits_in_memory
from ollama_desktop.ui.locale_format import size_text


def purpose_text(purpose: Purpose) -> str:
    return {
        Purpose.QUICK: QCoreApplication.translate("Suggestions", "small and fast, for quick chats"),
        Purpose.ALL_ROUNDER: QCoreApplication.translate(
            "Suggestions", "a good all-rounder that can use tools"
        ),
        Purpose.REASONING: QCoreApplication.translate(
            "Suggestions", "thinks before it answers, for reasoning"
        ),
        Purpose.CODE: QCoreApplication.translate("Suggestions", "for writing and explaining code"),
        Purpose.VISION: QCoreApplication.translate("Suggestions", "also understands pictures"),
    }[purpose]


def fit_text(model: SuggestedModel, memory: int | None) -> str:
    """ " · fits this computer's memory", " · too big …", or "" when the memory is not known."""
    fits = fits_in_memory(model.size, memory)
    if fits is None:
        return ""
    return (
        QCoreApplication.translate("Suggestions", " · fits this computer's memory")
        if fits
        else QCoreApplication.translate("Suggestions", " · too big for this computer's memory")
    )


def suggestion_text(model: SuggestedModel, memory: int | None) -> str:
    """One line: the name, the size, what it is for, and whether it fits here."""
    text = QCoreApplication.translate("Suggestions", "{name} ({size}): {purpose}").format(
        name=model.name, size=size_text(model.size), purpose=purpose_text(model.purpose)
    )
    return text + fit_text(model, memory)


def button_text(model: SuggestedModel, memory: int | None) -> str:
    """Two lines for a button: "Download name (size)", then what it is for and whether it fits."""
    first = QCoreApplication.translate("Suggestions", "Download {name} ({size})").format(
        name=model.name, size=size_text(model.size)
    )
    return f"{first}\n{purpose_text(model.purpose)}{fit_text(model, memory)}"
