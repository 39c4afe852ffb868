"""Where a loaded model sits: all in GPU memory, split between GPU and system RAM, or CPU only.

Computed from /api/ps: `size` is the model's whole footprint in memory, `size_vram` the part in GPU
memory. Ollama reports `size_vram == 0` on a machine with no usable GPU.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ollama_desktop.core.responses import RunningModel

# Ollama's `keep_alive: -1` gives an expiry centuries ahead (2319 was seen); anything this far
# means "kept loaded until unloaded by hand".
FOREVER = timedelta(days=365 * 50)


class Placement(enum.Enum):
    GPU = "gpu"
    SPLIT = "split"
    CPU = "cpu"


@dataclass(frozen=True)
class Residency:
    """One loaded model's memory, in bytes, and when Ollama will unload it."""

    name: str
    placement: Placement
    size: int
    gpu_bytes: int
    cpu_bytes: int
    context_length: int
    expires_at: datetime | None

    @property
    def cpu_share(self) -> float:
        """The fraction (0..1) of the model held in system RAM, which the CPU has to work through."""
        return self.cpu_bytes / self.size if self.size else (1.0 if self.placement is Placement.CPU else 0.0)

    def kept_loaded(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at - now > FOREVER

    def unloads_in(self, now: datetime) -> timedelta | None:
        """Time left before Ollama unloads it; None when unknown or kept loaded."""
        if self.expires_at is None or self.kept_loaded(now):
            return None
        return max(self.expires_at - now, timedelta(0))


def residency(model: RunningModel) -> Residency:
    """Classify one /api/ps entry.

    >>> from ollama_desktop.core.responses import RunningModel
    >>> residency(RunningModel("a", size=8, size_vram=8)).placement.value
    'gpu'
    >>> r = residency(RunningModel("b", size=10, size_vram=6))
    >>> r.placement.value, r.gpu_bytes, r.cpu_bytes, r.cpu_share
    ('split', 6, 4, 0.4)
    >>> residency(RunningModel("c", size=10, size_vram=0)).placement.value
    'cpu'
    >>> residency(RunningModel("d", size=10, size_vram=12)).gpu_bytes  # more VRAM than size: all on GPU
    10
    """
    size = max(model.size, 0)
    vram = max(model.size_vram, 0)
    if size == 0:
        size = vram
    gpu = min(vram, size)
    cpu = size - gpu
    if size and gpu >= size:
        placement = Placement.GPU
    elif gpu > 0:
        placement = Placement.SPLIT
    else:
        placement = Placement.CPU
    return Residency(model.name, placement, size, gpu, cpu, model.context_length, model.expires_at)


def same_model(a: str, b: str) -> bool:
    """Whether two names mean the same model, `:latest` being the default tag.

    >>> same_model("llama3", "llama3:latest"), same_model("llama3:8b", "llama3"), same_model("A:1", "a:1")
    (True, False, True)
    """
    return model_key(a) == model_key(b)


def model_key(name: str) -> str:
    """What `same_model` compares: equal keys mean the same model (for look-ups in a dict or set).

    >>> model_key(" Llama3 "), model_key("hf.co/x/y:Q4"), model_key("hf.co/x:y/z")
    ('llama3:latest', 'hf.co/x/y:q4', 'hf.co/x:y/z:latest')
    """
    name = name.strip().lower()
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"


def find(name: str, loaded: tuple[RunningModel, ...]) -> Residency | None:
    """The residency of `name` if it is loaded."""
    for model in loaded:
        if same_model(model.name, name):
            return residency(model)
    return None


def now_utc() -> datetime:
    return datetime.now(UTC)


def keep_alive_left(model: Residency, now: datetime) -> int | None:
    """The `keep_alive` that keeps `model` in memory as long as it was going to stay at `now`.

    -1 when it was kept for good, the seconds it had left (at least 1), 0 when its time is up, and
    None (the server's default) when its expiry is unknown.

    >>> from datetime import UTC, datetime, timedelta
    >>> now = datetime(2026, 1, 1, tzinfo=UTC)
    >>> def model(expires):
    ...     return Residency("m", Placement.CPU, 1, 0, 1, 0, expires)
    >>> [keep_alive_left(model(e), now) for e in (now + timedelta(seconds=90.2), now.replace(year=2319),
    ...                                             now - timedelta(seconds=5), None)]
    [91, -1, 0, None]
    """
    if model.kept_loaded(now):
        return -1
    left = model.unloads_in(now)
    if left is None:
        return None
    seconds = left.total_seconds()
    return max(1, math.ceil(seconds)) if seconds > 0 else 0
