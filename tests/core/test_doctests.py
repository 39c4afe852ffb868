"""The examples in core's docstrings are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "benchmark",
    "benchmark_compare",
    "benchmark_export",
    "benchmark_store",
    "diagnosis",
    "errors",
    "host",
    "keep_alive",
    "machine",
    "ndjson",
    "prompt_cache",
    "pull",
    "residency",
    "responses",
    "servers",
    "think_split",
    "units",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"ollama_desktop.core.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
