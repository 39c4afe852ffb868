"""One sentence on what an unload achieved, shared by the dialog, the status bar and the tray."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ollama_desktop.ui.locale_format import size_text

if TYPE_CHECKING:
    from ollama_desktop.core.memory.unloading import UnloadResult


def unload_summary(result: UnloadResult) -> str:
    if not result.released and not result.still_loaded:
        return QCoreApplication.translate("Unload", "Nothing to free: no model was in memory.")
    parts = []
    if result.released:
        size = size_text(result.freed_bytes)
        if result.freed_vram:
            text = QCoreApplication.translate("Unload", "Freed {size} of memory ({gpu} of it GPU memory).")
            parts.append(text.format(size=size, gpu=size_text(result.freed_vram)))
        else:
            parts.append(QCoreApplication.translate("Unload", "Freed {size} of memory.").format(size=size))
    if result.still_loaded:
        names = ", ".join(model.name for model in result.still_loaded)
        parts.append(
            QCoreApplication.translate(
                "Unload", "Ollama did not release {names}. It may still be answering; try again in a moment."
            ).format(names=names)
        )
    return " ".join(parts)
