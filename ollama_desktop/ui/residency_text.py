"""Memory residency in plain, translated words: where a model runs, how much, for how long."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPixmap

from ollama_desktop.core.diagnosis import Cause, Diagnosis
from ollama_desktop.core.residency import Placement, Residency
from ollama_desktop.core.units import human_bytes

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Residency", text)


def placement_text(found: Residency) -> str:
    """Where and how much, e.g. "GPU 4.9 GB" or "GPU 3.0 GB + RAM 2.0 GB (40 % CPU)"."""
    if found.placement is Placement.GPU:
        return _tr("GPU {size}").format(size=human_bytes(found.gpu_bytes))
    if found.placement is Placement.SPLIT:
        return _tr("GPU {gpu} + RAM {ram} ({share:.0f} % CPU)").format(
            gpu=human_bytes(found.gpu_bytes), ram=human_bytes(found.cpu_bytes), share=found.cpu_share * 100
        )
    return _tr("CPU only, RAM {size}").format(size=human_bytes(found.cpu_bytes))


def expiry_text(found: Residency, now: datetime) -> str:
    """When Ollama will unload it: "unloads in 4 min", "kept loaded", or "" when unknown."""
    if found.kept_loaded(now):
        return _tr("kept loaded")
    left = found.unloads_in(now)
    if left is None:
        return ""
    if left < timedelta(minutes=1):
        return _tr("unloads in {n} s").format(n=int(left.total_seconds()))
    if left < timedelta(hours=2):
        return _tr("unloads in {n} min").format(n=round(left.total_seconds() / 60))
    return _tr("unloads in {n} h").format(n=round(left.total_seconds() / 3600))


def short_text(found: Residency) -> str:
    """A status-bar-sized label: "llama3.1:8b · GPU 6.0 GB", "… · 40 % CPU", "… · CPU 478 MB"."""
    if found.placement is Placement.GPU:
        where = _tr("GPU {size}").format(size=human_bytes(found.size))
    elif found.placement is Placement.SPLIT:
        where = _tr("{size} · {share:.0f} % CPU").format(
            size=human_bytes(found.size), share=found.cpu_share * 100
        )
    else:
        where = _tr("CPU {size}").format(size=human_bytes(found.size))
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
        _tr("In memory: {size} ({where})").format(size=human_bytes(found.size), where=placement_text(found)),
    ]
    if found.context_length:
        lines.append(_tr("Context: {n} tokens").format(n=found.context_length))
    expiry = expiry_text(found, now)
    if expiry:
        lines.append(expiry[:1].upper() + expiry[1:])
    return "\n".join(lines)


def verdict_text(found: Residency | None, *, loading: bool = False) -> str:
    """The plain-language verdict for the selected model."""
    if loading:
        return _tr("Loading the model into memory…")
    if found is None:
        return _tr("Not in memory: the first answer waits while it loads.")
    if found.placement is Placement.GPU:
        return _tr("Runs fully on the GPU.")
    if found.placement is Placement.SPLIT:
        return _tr(
            "{share:.0f} % runs on the CPU — expect slower answers; a smaller model or a shorter "
            "context would fit."
        ).format(share=found.cpu_share * 100)
    return _tr("Runs on the CPU only — expect slower answers.")


def diagnosis_text(diagnosis: Diagnosis) -> str:
    """The likely cause of a failed answer and what to do about it."""
    model = diagnosis.model
    others = ", ".join(diagnosis.other_models)
    unload_hint = (
        _tr("Unload the other models ({others}) to free memory.").format(others=others) if others else ""
    )
    found = diagnosis.residency
    texts = {
        Cause.UNREACHABLE: _tr(
            "Ollama itself stopped answering. It may have crashed or run out of memory: restart "
            "Ollama and try again."
        ),
        Cause.OUT_OF_MEMORY: _tr(
            "There is not enough memory for {model}. Choose a smaller model or a shorter context."
        ),
        Cause.NOT_LOADED: _tr(
            "{model} is not in memory any more: it probably ran out of memory or crashed while "
            "loading. Choose a smaller model, or reduce the context size."
        ),
        Cause.CPU_ONLY: _tr(
            "{model} runs on the CPU only, which is slow. A smaller model or a shorter context would "
            "answer faster."
        ),
        Cause.PARTLY_CPU: _tr(
            "{share:.0f} % of {model} runs on the CPU, which slows answers down. A smaller model or a "
            "shorter context would fit in GPU memory."
        ),
        Cause.BUSY: _tr(
            "{model} is fully on the GPU: Ollama may be busy with another request, or the question "
            "is very long. Try again in a moment."
        ),
    }
    share = found.cpu_share * 100 if found is not None else 0.0
    text = texts[diagnosis.cause].format(model=model, share=share)
    if unload_hint and diagnosis.cause is not Cause.UNREACHABLE:
        text += " " + unload_hint
    return text
