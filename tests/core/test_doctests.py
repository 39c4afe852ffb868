"""The examples in core's docstrings are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "benchmark.runs",
    "benchmark.compare",
    "benchmark.export",
    "benchmark.store",
    "memory.diagnosis",
    "errors",
    "servers.host",
    "memory.keep_alive",
    "benchmark.machine",
    "ndjson",
    "chat.prompt_cache",
    "models.pull",
    "memory.residency",
    "responses",
    "servers.known",
    "chat.think_split",
    "chat.context",
    "history.records",
    "chat.thinking",
    "units",
    "attachments.files",
    "attachments.attachment",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"ollama_desktop.core.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
