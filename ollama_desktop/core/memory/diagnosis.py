"""Why an answer timed out, stalled or failed, judged from what /api/ps says right after."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ollama_desktop.core.errors import (
    OllamaError,
    OutOfMemory,
    RequestTimedOut,
    ServerError,
    StreamIncomplete,
)
from ollama_desktop.core.memory.residency import Placement, Residency, find
from ollama_desktop.core.responses import RunningModel


class Cause(enum.Enum):
    """The likely cause, each with its own advice in the UI."""

    UNREACHABLE = "unreachable"  # the server itself is gone
    OUT_OF_MEMORY = "out_of_memory"  # Ollama said so
    NOT_LOADED = "not_loaded"  # the model is not in memory any more: it crashed or could not load
    CPU_ONLY = "cpu_only"  # loaded, but entirely in system RAM: very slow
    PARTLY_CPU = "partly_cpu"  # split between GPU and system RAM: slow
    BUSY = "busy"  # fully on the GPU: likely queued behind another request, or a very long prompt


@dataclass(frozen=True)
class Diagnosis:
    cause: Cause
    model: str
    residency: Residency | None = None
    other_models: tuple[str, ...] = ()  # what else holds memory (the user can unload these)


def worth_diagnosing(error: OllamaError) -> bool:
    """Errors whose cause /api/ps can tell: timeouts, stalls, lost streams and server failures."""
    if isinstance(error, RequestTimedOut | StreamIncomplete | OutOfMemory):
        return True
    return isinstance(error, ServerError) and error.status >= 500


def diagnose(error: OllamaError, model: str, loaded: tuple[RunningModel, ...] | None) -> Diagnosis:
    """The likely cause of `error` for `model`, given /api/ps (None when /api/ps failed too).

    >>> from ollama_desktop.core.errors import RequestTimedOut
    >>> diagnose(RequestTimedOut("x"), "m", None).cause.value
    'unreachable'
    >>> diagnose(RequestTimedOut("x"), "m", ()).cause.value
    'not_loaded'
    >>> loaded = (RunningModel("m:latest", size=10, size_vram=6), RunningModel("other", size=5, size_vram=5))
    >>> found = diagnose(RequestTimedOut("x"), "m", loaded)
    >>> found.cause.value, found.other_models
    ('partly_cpu', ('other',))
    """
    if loaded is None:
        return Diagnosis(Cause.UNREACHABLE, model)
    here = find(model, loaded)
    others = tuple(m.name for m in loaded if here is None or m.name != here.name)
    if isinstance(error, OutOfMemory):
        return Diagnosis(Cause.OUT_OF_MEMORY, model, here, others)
    if here is None:
        return Diagnosis(Cause.NOT_LOADED, model, None, others)
    cause = {Placement.CPU: Cause.CPU_ONLY, Placement.SPLIT: Cause.PARTLY_CPU, Placement.GPU: Cause.BUSY}
    return Diagnosis(cause[here.placement], model, here, others)
