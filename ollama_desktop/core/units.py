"""Numbers as people read them: sizes in decimal units, like `ollama list` shows them."""

from __future__ import annotations

from collections.abc import Callable

from ollama_desktop.core.responses import InstalledModel

_UNITS = (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3))


def human_bytes(size: int) -> str:
    """A byte count in the unit `ollama list` would use.

    >>> human_bytes(4920753328), human_bytes(253113877), human_bytes(900), human_bytes(12_000_000_000_000)
    ('4.9 GB', '253 MB', '900 B', '12 TB')
    """
    for unit, factor in _UNITS:
        if size >= factor:
            value = size / factor
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{size} B"


def model_label(model: InstalledModel, size_text: Callable[[int], str] = human_bytes) -> str:
    """One line for the model picker: name · parameters · quantization · size.

    The window passes its locale-aware `size_text`; `human_bytes` is the locale-free default.

    >>> from ollama_desktop.core.responses import ModelDetails
    >>> details = ModelDetails("llama", "8.0B", "Q4_K_M")
    >>> model_label(InstalledModel("llama3.1:8b", 4920753328, details=details))
    'llama3.1:8b · 8.0B · Q4_K_M · 4.9 GB'
    >>> model_label(InstalledModel("mystery"))
    'mystery'
    """
    parts = [model.name, model.details.parameter_size, model.details.quantization_level]
    if model.size:
        parts.append(size_text(model.size))
    return " · ".join(part for part in parts if part)
