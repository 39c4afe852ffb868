"""Suggested first downloads: what each is for, and whether it fits this computer's memory."""

from __future__ import annotations

import doctest

import pytest

from ollama_desktop.core.models import suggestions
from ollama_desktop.core.models.suggestions import SUGGESTIONS, Purpose, fits_in_memory, total_memory

GB = 1_000_000_000


def test_doctests() -> None:
    result = doctest.testmod(suggestions, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_each_suggestion_is_for_something_else() -> None:
    assert len({s.purpose for s in SUGGESTIONS}) == len(SUGGESTIONS)
    assert {s.purpose for s in SUGGESTIONS} == set(Purpose)
    assert SUGGESTIONS[0].name == "gemma3:1b"  # the smallest first


@pytest.mark.parametrize(
    ("size", "memory", "fits"),
    [
        (815_000_000, 8 * GB, True),
        (3_300_000_000, 4 * GB, True),
        (3_400_000_000, 4 * GB, False),
        (GB, None, None),
    ],
)
def test_a_model_fits_when_its_size_and_a_fifth_is_below_the_memory(
    size: int, memory: int | None, fits: bool | None
) -> None:
    assert fits_in_memory(size, memory) is fits


def test_total_memory_is_read_from_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    values = {"SC_PHYS_PAGES": 2_097_152, "SC_PAGE_SIZE": 4096}
    monkeypatch.setattr(suggestions.sys, "platform", "linux")
    monkeypatch.setattr(suggestions.os, "sysconf", values.__getitem__)
    assert total_memory() == 8 * 1024**3


def test_unreadable_memory_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_name: str) -> int:
        raise ValueError("unsupported")

    monkeypatch.setattr(suggestions.sys, "platform", "linux")
    monkeypatch.setattr(suggestions.os, "sysconf", fail)
    assert total_memory() is None


def test_this_computer_has_some_memory() -> None:
    memory = total_memory()
    assert memory is not None
    assert memory > 100_000_000
