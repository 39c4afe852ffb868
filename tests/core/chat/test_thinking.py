"""Thinking levels (issue #19 item 4): which choices a model and server offer, and what is sent."""

from __future__ import annotations

import pytest

from ollama_desktop.core.chat.conversation import ChatOptions, Conversation
from ollama_desktop.core.chat.thinking import (
    HIGH,
    LOW,
    MAX,
    MEDIUM,
    ThinkSupport,
    at_least,
    levels_only_model,
    version_key,
)


def test_versions_compare_by_their_numbers() -> None:
    assert version_key("0.12.11") == (0, 12, 11)
    assert version_key("0.22.0-rc3") == (0, 22, 0)
    assert version_key("garbage") is None
    assert at_least("0.22.0", (0, 22, 0))
    assert at_least("0.100.0", (0, 22, 0))
    assert not at_least("0.9.6", (0, 11, 0))
    assert not at_least("", (0, 11, 0))  # unknown: taken as old, a bool is always understood


@pytest.mark.parametrize(
    ("version", "levels_only", "choices"),
    [
        ("0.9.0", False, (None, True, False)),
        ("0.9.0", True, (None, True, False)),  # too old for levels: GPT-OSS still gets a bool
        ("0.11.0", False, (None, False, LOW, MEDIUM, HIGH)),
        ("0.21.9", True, (None, LOW, MEDIUM, HIGH)),
        ("0.22.0", False, (None, False, LOW, MEDIUM, HIGH, MAX)),
        ("0.30.0", True, (None, LOW, MEDIUM, HIGH, MAX)),
    ],
)
def test_choices_by_server_and_model(version: str, levels_only: bool, choices: tuple[object, ...]) -> None:
    support = ThinkSupport.of(version, can_think=True, levels_only=levels_only)
    assert support.choices() == choices


def test_levels_only_models_are_gpt_oss_by_family_or_name() -> None:
    assert levels_only_model("gpt-oss:20b")
    assert levels_only_model("gpt-oss:120b-cloud")
    assert levels_only_model("my-reasoner:latest", "gptoss")
    assert not levels_only_model("deepseek-r1:8b", "qwen2")


@pytest.mark.parametrize(
    ("version", "chosen", "sent"),
    [
        ("0.24.0", LOW, LOW),
        ("0.24.0", HIGH, HIGH),
        ("0.24.0", MAX, MAX),
        ("0.21.0", MAX, HIGH),  # "max" only from 0.22
        ("0.9.0", LOW, True),  # an old server decodes a bool: a level would be a 400
        ("0.9.0", MAX, True),
        ("0.24.0", True, True),
        ("0.24.0", False, False),
        ("0.24.0", None, None),
    ],
)
def test_the_request_carries_what_the_server_takes(version: str, chosen: object, sent: object) -> None:
    conversation = Conversation(ChatOptions(think=chosen))  # type: ignore[arg-type]
    conversation.add("user", "hi")
    support = ThinkSupport.of(version, can_think=True)
    body = conversation.request("m", think=support).to_json(stream=True)
    assert body.get("think") == sent
    assert ("think" in body) == (sent is not None)


def test_no_level_for_a_model_that_cannot_think_and_no_off_for_one_that_always_does() -> None:
    conversation = Conversation(ChatOptions(think=HIGH))
    cannot = ThinkSupport.of("0.24.0", can_think=False)
    assert conversation.request("llama", think=cannot).think is None
    conversation.set_options(ChatOptions(think=False))
    assert conversation.request("llama", think=cannot).think is False  # always safe
    gpt_oss = ThinkSupport.of("0.24.0", can_think=True, levels_only=True)
    assert conversation.request("gpt-oss:20b", think=gpt_oss).think is None  # a bool is ignored


def test_what_the_control_shows_for_a_choice_made_elsewhere() -> None:
    old = ThinkSupport.of("0.9.0", can_think=True)
    new = ThinkSupport.of("0.21.0", can_think=True, levels_only=True)
    assert old.shown(HIGH) is True
    assert new.shown(True) == MEDIUM  # the server reads true as medium
    assert new.shown(MAX) == HIGH
    assert new.shown(False) is None  # no Off: the default it is
