"""Memory residency in plain, translated words: where a model runs, how much, for how long."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QIcon, QPixmap

from ollama_desktop.core.memory.residency import Placement, Residency
from ollama_desktop.ui.locale_format import number_text, size_text

if TYPE_CHECKING:
    from ollama_desktop.core.memory.diagnosis import Diagnosis


class ResidencyTexts(QObject):
    """The texts with plural forms: lupdate reads a plural only from a class's `self.tr(text, "", n)`
    (not from `translate()` with a count that is a variable), so they live here."""

    def context_tokens(self, count: int) -> str:
        return self.tr("Context: %Ln tokens", "", count)


# Colour is never the only signal: every chip also says GPU / split / CPU in words.
PLACEMENT_COLORS = {
    Placement.GPU: QColor("#2e7d32"),
    Placement.SPLIT: QColor("#b26a00"),
    Placement.CPU: QColor("#5f6b7a"),
}


def placement_icon(placement: Placement) -> QIcon:
    """A small square in the placement's colour, for lists (always next to the words)."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(PLACEMENT_COLORS[placement])
    return QIcon(pixmap)


def placement_text(found: Residency) -> str:
    """Where and how much, e.g. "GPU 4.9 GB" or "GPU 3.0 GB + RAM 2.0 GB (40 % CPU)"."""
    if found.placement is Placement.GPU:
        return QCoreApplication.translate("Residency", "GPU {size}").format(size=size_text(found.gpu_bytes))
    if found.placement is Placement.SPLIT:
        return QCoreApplication.translate("Residency", "GPU {gpu} + RAM {ram} ({share} % CPU)").format(
            gpu=size_text(found.gpu_bytes),
            ram=size_text(found.cpu_bytes),
            share=number_text(found.cpu_share * 100, 0),
        )
    return QCoreApplication.translate("Residency", "CPU only, RAM {size}").format(
        size=size_text(found.cpu_bytes)
    )


def expiry_text(found: Residency, now: datetime) -> str:
    """When Ollama will unload it: "unloads in 4 min", "kept loaded", or "" when unknown."""
    if found.kept_loaded(now):
        return QCoreApplication.translate("Residency", "kept loaded")
    left = found.unloads_in(now)
    if left is None:
        return ""
    if left < timedelta(minutes=1):
        return QCoreApplication.translate("Residency", "unloads in {n} s").format(n=int(left.total_seconds()))
    if left < timedelta(hours=2):
        return QCoreApplication.translate("Residency", "unloads in {n} min").format(
            n=round(left.total_seconds() / 60)
        )
    return QCoreApplication.translate("Residency", "unloads in {n} h").format(
        n=round(left.total_seconds() / 3600)
    )


def short_text(found: Residency) -> str:
    """A status-bar-sized label: "llama3.1:8b · GPU 6.0 GB", "… · 40 % CPU", "… · CPU 478 MB"."""
    if found.placement is Placement.GPU:
        where = QCoreApplication.translate("Residency", "GPU {size}").format(size=size_text(found.size))
    elif found.placement is Placement.SPLIT:
        where = QCoreApplication.translate("Residency", "{size} · {share} % CPU").format(
            size=size_text(found.size), share=number_text(found.cpu_share * 100, 0)
        )
    else:
        where = QCoreApplication.translate("Residency", "CPU {size}").format(size=size_text(found.size))
    return f"{found.name} · {where}"


def chip_text(found: Residency, now: datetime) -> str:
    parts = [found.name, placement_text(found)]
    expiry = expiry_text(found, now)
    if expiry:
        parts.append(expiry)
    return " · ".join(parts)


def detail_text(found: Residency, now: datetime) -> str:
    """The tooltip: everything /api/ps said about the model, one fact a line."""
    lines = [
        found.name,
        verdict_text(found),
        QCoreApplication.translate("Residency", "In memory: {size} ({where})").format(
            size=size_text(found.size), where=placement_text(found)
        ),
    ]
    if found.context_length:
        lines.append(ResidencyTexts().context_tokens(found.context_length))
    expiry = expiry_text(found, now)
    if expiry:
        lines.append(expiry[:1].upper() + expiry[1:])
    return "\n".join(lines)


def verdict_text(found: Residency | None, *, loading: bool = False) -> str:
    """The plain-language verdict for the selected model."""
    if loading:
        return QCoreApplication.translate("Residency", "Loading the model into memory…")
    if found is None:
        return QCoreApplication.translate(
            "Residency", "Not in memory: the first answer waits while it loads."
        )
    if found.placement is Placement.GPU:
        return QCoreApplication.translate("Residency", "Runs fully on the GPU.")
    if found.placement is Placement.SPLIT:
        return QCoreApplication.translate(
            "Residency",
            "{share} % runs on the CPU — expect slower answers; a smaller model or a shorter "
            "context would fit.",
        ).format(share=number_text(found.cpu_share * 100, 0))
    return QCoreApplication.translate("Residency", "Runs on the CPU only — expect slower answers.")


def cloud_verdict_text(*, disabled: bool = False) -> str:
    """The verdict for a cloud model: it runs on ollama.com, not in this computer's memory."""
    if disabled:
        return QCoreApplication.translate(
            "Residency",
            "A cloud model, but cloud models are turned off on this server (OLLAMA_NO_CLOUD): choose a "
            "model installed on this computer.",
        )
    return QCoreApplication.translate("Residency", "Runs on ollama.com, uses no memory on this computer.")


def cloud_sign_in_text() -> str:
    """The verdict for a cloud model after the server said it is not signed in (no link)."""
    return QCoreApplication.translate(
        "Residency",
        "Runs on ollama.com: sign the server in first — run “ollama signin” on the server's computer.",
    )


def diagnosis_text(diagnosis: Diagnosis) -> str:
    """The likely cause of a failed answer and what to do about it."""
    # Loaded with the first diagnosis, not with the window (see ResidencyController.diagnose).
    from ollama_desktop.core.memory.diagnosis import Cause  # noqa: PLC0415

    model = diagnosis.model
    others = ", ".join(diagnosis.other_models)
    unload_hint = (
        QCoreApplication.translate("Residency", "Unload the other models ({others}) to free memory.").format(
            others=others
        )
        if others
        else ""
    )
    found = diagnosis.residency
    texts = {
        Cause.UNREACHABLE: QCoreApplication.translate(
            "Residency",
            "Ollama itself stopped answering. It may have crashed or run out of memory: restart "
            "Ollama and try again.",
        ),
        Cause.OUT_OF_MEMORY: QCoreApplication.translate(
            "Residency",
            "There is not enough memory for {model}. Choose a smaller model or a shorter context.",
        ),
        Cause.NOT_LOADED: QCoreApplication.translate(
            "Residency",
            "{model} is not in memory any more: it probably ran out of memory or crashed while "
            "loading. Choose a smaller model, or reduce the context size.",
        ),
        Cause.CPU_ONLY: QCoreApplication.translate(
            "Residency",
            "{model} runs on the CPU only, which is slow. A smaller model or a shorter context would "
            "answer faster.",
        ),
        Cause.PARTLY_CPU: QCoreApplication.translate(
            "Residency",
            "{share} % of {model} runs on the CPU, which slows answers down. A smaller model or a "
            "shorter context would fit in GPU memory.",
        ),
        Cause.BUSY: QCoreApplication.translate(
            "Residency",
            "{model} is fully on the GPU: Ollama may be busy with another request, or the question "
            "is very long. Try again in a moment.",
        ),
    }
    share = number_text(found.cpu_share * 100 if found is not None else 0.0, 0)
    text = texts[diagnosis.cause].format(model=model, share=share)
    if unload_hint and diagnosis.cause is not Cause.UNREACHABLE:
        text += " " + unload_hint
    return text
