"""One sentence on what an unload achieved, shared by the dialog, the status bar and the tray."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ollama_desktop.core.units import human_bytes
from ollama_desktop.core.unloading import UnloadResult


def unload_summary(result: UnloadResult) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("Unload", text)

    if not result.released and not result.still_loaded:
        return tr("Nothing to free: no model was in memory.")
    parts = []
    if result.released:
        text = tr("Freed {size} of memory").format(size=human_bytes(result.freed_bytes))
        if result.freed_vram:
            text += tr(" ({size} of it GPU memory)").format(size=human_bytes(result.freed_vram))
        parts.append(text + ".")
    if result.still_loaded:
        names = ", ".join(model.name for model in result.still_loaded)
        parts.append(
            tr("Ollama did not release {names}. It may still be answering; try again in a moment.").format(
                names=names
            )
        )
    return " ".join(parts)
