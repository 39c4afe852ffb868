"""The examples in the docstrings of ui helpers are tests too (these need Qt, unlike core's)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["chat.markdown_inline", "plain_text"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"ollama_desktop.ui.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
