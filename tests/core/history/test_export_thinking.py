"""A reasoning model's reasoning in the Markdown export: its own quoted section, never raw tags."""

from __future__ import annotations

import json

from ollama_desktop.core.history.export import MarkdownLabels, to_json, to_markdown
from ollama_desktop.core.history.store import (
    ConversationRecord,
    MessageStatus,
    StoredConversation,
    StoredMessage,
)


def export(content: str, thinking: str = "", labels: MarkdownLabels | None = None) -> str:
    question = StoredMessage("q", None, "user", "Why is the sky blue?", MessageStatus.SENT, created_at=0)
    answer = StoredMessage("a", "q", "assistant", content, MessageStatus.DONE, "r1", 1, thinking=thinking)
    conversation = StoredConversation(ConversationRecord("c", "Sky"), (question, answer), (("q",), ("a",)))
    return to_markdown(conversation, labels)


def test_think_tags_become_a_quoted_reasoning_section() -> None:
    text = export("<think>\nShort question.\n\nAnswer briefly.\n</think>\n\nBecause of *scattering*.")
    assert "<think>" not in text
    assert "</think>" not in text
    assert (
        "## Assistant (r1)\n\n> **Reasoning**\n>\n> Short question.\n>\n> Answer briefly.\n\n"
        "Because of *scattering*.\n"
    ) in text


def test_the_thinking_ollama_sends_apart_is_exported_too() -> None:
    text = export("Blue.", thinking="The user wants\none line.", labels=MarkdownLabels(reasoning="Réflexion"))
    assert "> **Réflexion**\n>\n> The user wants\n> one line.\n\nBlue.\n" in text


def test_an_answer_without_reasoning_has_no_reasoning_section() -> None:
    text = export("Plain <think> in the middle is text.")
    assert "Reasoning" not in text
    assert "\nPlain <think> in the middle is text.\n" in text


def test_a_question_is_never_taken_for_reasoning() -> None:
    question = StoredMessage("q", None, "user", "<think>my words</think>", MessageStatus.SENT, created_at=0)
    conversation = StoredConversation(ConversationRecord("c", "Odd"), (question,), (("q",),))
    assert "## You\n\n<think>my words</think>\n" in to_markdown(conversation)


def test_an_answer_saved_with_tags_by_an_older_version_is_read_split() -> None:
    answer = StoredMessage("a", "q", "assistant", " <think>x</think>\n\nYo", MessageStatus.DONE, thinking="y")
    assert (answer.content, answer.thinking) == ("Yo", "y\n\nx")
    assert answer.as_chat_message().content == "Yo"
    question = StoredMessage("q", None, "user", "<think>mine</think>", MessageStatus.SENT)
    assert question.content == "<think>mine</think>"  # a question is the user's own text


def test_the_json_export_keeps_answer_and_reasoning_apart() -> None:
    question = StoredMessage("q", None, "user", "Hi", MessageStatus.SENT, created_at=0)
    answer = StoredMessage("a", "q", "assistant", "Yo", MessageStatus.DONE, thinking="y")
    conversation = StoredConversation(ConversationRecord("c", "Hi"), (question, answer), (("q",), ("a",)))
    saved = json.loads(to_json(conversation))["messages"][1]
    assert (saved["content"], saved["thinking"]) == ("Yo", "y")
