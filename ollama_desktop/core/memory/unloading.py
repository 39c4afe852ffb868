"""Freeing memory: ask Ollama to unload models, then prove it by watching /api/ps."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import RequestCancelled
from ollama_desktop.core.memory.residency import find, same_model
from ollama_desktop.core.responses import RunningModel, is_cloud_model


@dataclass(frozen=True)
class UnloadResult:
    """What an unload achieved, as /api/ps showed it afterwards."""

    released: tuple[RunningModel, ...]  # asked and gone
    still_loaded: tuple[RunningModel, ...]  # asked but Ollama kept them
    loaded_after: tuple[RunningModel, ...]  # everything /api/ps listed at the end

    @property
    def freed_bytes(self) -> int:
        return sum(model.size for model in self.released)

    @property
    def freed_vram(self) -> int:
        return sum(min(model.size_vram, model.size) for model in self.released)


def unload_and_confirm(
    client: OllamaClient,
    names: Iterable[str] | None,
    token: CancelToken,
    *,
    confirm_timeout: float = 10.0,
    poll_interval: float = 0.25,
) -> UnloadResult:
    """Unload `names` (every loaded model when None) and poll /api/ps until they are gone.

    Only models that are loaded and were asked for are touched. Raises `RequestCancelled` when the
    token is cancelled, and the client's errors when the server fails.
    """
    before = client.ps(token)
    wanted = None if names is None else list(names)
    # A cloud model uses no memory here: it is never sent keep_alive 0, even if a server lists it.
    targets = tuple(
        m
        for m in before
        if not is_cloud_model(m.name) and (wanted is None or any(same_model(m.name, n) for n in wanted))
    )
    for model in targets:
        client.unload(model.name, token)
    deadline = time.monotonic() + confirm_timeout
    while True:
        after = client.ps(token)
        remaining = tuple(m for m in targets if find(m.name, after) is not None)
        if not remaining or time.monotonic() >= deadline:
            break
        if token.wait(poll_interval):
            raise RequestCancelled("unload")
    released = tuple(m for m in targets if m not in remaining)
    return UnloadResult(released, remaining, after)
