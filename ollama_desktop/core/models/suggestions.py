"""Models to suggest for a first download: what each is good for, and whether it fits this computer.

No Qt here: the Models window turns the `purpose` keys into translated words. Sizes are the
download sizes the Ollama library lists; a model needs about that much memory plus some room for
its context, so it fits when its size times `MEMORY_FACTOR` is below the computer's total memory.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from enum import Enum

log = logging.getLogger(__name__)

# A loaded model takes its file's size plus its context (KV cache) and working buffers.
MEMORY_FACTOR = 1.2


class Purpose(Enum):
    """What a suggested model is good for (the UI words each)."""

    QUICK = "quick"  # small and fast, quick chats
    REASONING = "reasoning"  # thinks before it answers
    ALL_ROUNDER = "all_rounder"  # a good all-rounder, can use tools
    CODE = "code"  # writing and explaining code
    VISION = "vision"  # reads pictures too


@dataclass(frozen=True)
class SuggestedModel:
    """One model offered for a first download.

    Attributes:
        name: the name to pull, e.g. "gemma3:1b".
        size: its download size in bytes (from the Ollama library's listing).
        purpose: what it is good for.
    """

    name: str
    size: int
    purpose: Purpose


# Small current models, each good at something else; all run on a CPU with 8 GB of memory.
SUGGESTIONS: tuple[SuggestedModel, ...] = (
    SuggestedModel("gemma3:1b", 815_000_000, Purpose.QUICK),
    SuggestedModel("llama3.2:3b", 2_000_000_000, Purpose.ALL_ROUNDER),
    SuggestedModel("qwen3:1.7b", 1_400_000_000, Purpose.REASONING),
    SuggestedModel("qwen2.5-coder:1.5b", 986_000_000, Purpose.CODE),
    SuggestedModel("gemma3:4b", 3_300_000_000, Purpose.VISION),
)


def fits_in_memory(size: int, total_memory: int | None) -> bool | None:
    """Whether a model of `size` bytes fits in `total_memory` bytes; None when the memory is unknown.

    >>> GB = 1_000_000_000
    >>> fits_in_memory(3 * GB, 8 * GB)
    True
    >>> fits_in_memory(7 * GB, 8 * GB)  # 8.4 GB needed
    False
    >>> fits_in_memory(3 * GB, None) is None
    True
    >>> fits_in_memory(3 * GB, 0) is None
    True
    """
    if not total_memory or total_memory <= 0:
        return None
    return size * MEMORY_FACTOR < total_memory


def _posix_memory() -> int | None:
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        page_size = os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
    return pages * page_size if pages > 0 and page_size > 0 else None


def _windows_memory() -> int | None:
    import ctypes  # noqa: PLC0415 - Windows only, and not before the first frame

    class MemoryStatusEx(ctypes.Structure):
        _fields_ = [
            ("dwLength", ctypes.c_ulong),
            ("dwMemoryLoad", ctypes.c_ulong),
            ("ullTotalPhys", ctypes.c_ulonglong),
            ("ullAvailPhys", ctypes.c_ulonglong),
            ("ullTotalPageFile", ctypes.c_ulonglong),
            ("ullAvailPageFile", ctypes.c_ulonglong),
            ("ullTotalVirtual", ctypes.c_ulonglong),
            ("ullAvailVirtual", ctypes.c_ulonglong),
            ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatusEx()
    status.dwLength = ctypes.sizeof(MemoryStatusEx)
    try:
        ok = ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return int(status.ullTotalPhys) if ok and status.ullTotalPhys > 0 else None


def total_memory() -> int | None:
    """This computer's memory (RAM) in bytes; None when it cannot be read.

    >>> memory = total_memory()
    >>> memory is None or memory > 0
    True
    """
    try:
        return _windows_memory() if sys.platform == "win32" else _posix_memory()
    except Exception:  # an unknown size is said as nothing, never as a crash
        log.debug("could not read the memory size", exc_info=True)
        return None
