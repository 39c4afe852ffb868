"""The messages of a conversation: ids, states, versions, and what of them is sent to Ollama."""

from __future__ import annotations

from ollama_desktop.core.chat.conversation import (
    ROLE_ASSISTANT,
    ROLE_USER,
    ChatMessage,
    Conversation,
    MessageState,
)
from ollama_desktop.core.responses import ReplyStats


def test_every_message_gets_its_own_id_which_takes_no_part_in_equality() -> None:
    first, second = ChatMessage(ROLE_USER, "Hi"), ChatMessage(ROLE_USER, "Hi")
    assert first.id
    assert second.id
    assert first.id != second.id
    assert first == second  # the same message to Ollama


def test_a_message_is_found_by_its_id_while_it_is_in_the_conversation() -> None:
    conversation = Conversation()
    conversation.add(ROLE_USER, "question")
    answer = ChatMessage(ROLE_ASSISTANT, "answer", state=MessageState.STOPPED)
    conversation.append(answer)
    assert conversation.find(answer.id) is answer
    assert conversation.find(conversation.messages[0].id) is conversation.messages[0]
    conversation.clear()
    assert conversation.find(answer.id) is None


def test_a_new_message_defaults_to_done_with_no_reasoning_stats_or_versions() -> None:
    message = ChatMessage(ROLE_ASSISTANT, "text")
    assert (message.state, message.thinking, message.stats, message.versions) == (
        MessageState.DONE,
        "",
        None,
        (),
    )
    assert [str(state) for state in MessageState] == ["streaming", "done", "stopped", "failed", "interrupted"]


def test_a_replacement_keeps_every_earlier_version_oldest_first() -> None:
    first = ChatMessage(ROLE_ASSISTANT, "one")
    second = ChatMessage(ROLE_ASSISTANT, "two").replacing(first)
    third = ChatMessage(ROLE_ASSISTANT, "three", state=MessageState.FAILED).replacing(second)
    assert [version.content for version in third.versions] == ["one", "two"]
    assert [version.id for version in third.versions] == [first.id, second.id]
    # A version does not carry its own versions again: the list is flat.
    assert all(version.versions == () for version in third.versions)
    assert third.state is MessageState.FAILED
    assert third.id not in {first.id, second.id}


def test_only_role_and_content_are_sent() -> None:
    conversation = Conversation()
    conversation.add(ROLE_USER, "Why?")
    stats = ReplyStats(eval_count=3)
    answer = ChatMessage(ROLE_ASSISTANT, "Because.", "I thought.", MessageState.DONE, stats)
    conversation.append(answer.replacing(ChatMessage(ROLE_ASSISTANT, "Old.")))
    body = conversation.request("llama3").to_json(stream=True)
    assert body["messages"] == [
        {"role": "user", "content": "Why?"},
        {"role": "assistant", "content": "Because."},
    ]
