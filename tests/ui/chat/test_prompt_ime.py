"""Enter and input methods: composing text is never sent half-done, and one Enter sends after a commit.

The input method is simulated with the QInputMethodEvents a real one sends: preedit text while a
syllable or a pinyin word is being composed, a commit string when it is done.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent

from ollama_desktop.ui.chat.prompt_edit import PromptEdit


@pytest.fixture
def prompt(qtbot) -> PromptEdit:  # type: ignore[no-untyped-def]
    edit = PromptEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


def preedit(edit: PromptEdit, text: str, commit: str = "") -> None:
    """What an input method sends while composing: `commit` is done, `text` is still being composed."""
    event = QInputMethodEvent(text, [])
    if commit:
        event.setCommitString(commit)
    edit.inputMethodEvent(event)


def commit(edit: PromptEdit, text: str) -> None:
    """The input method ends the composition with `text`."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    edit.inputMethodEvent(event)


# 한국어 typed on a 2-set (두벌식) keyboard: each syllable grows jamo by jamo, and the next
# consonant either joins it or starts the next syllable, which commits the one before.
KOREAN = [
    ("ㅎ", ""),
    ("하", ""),
    ("한", ""),
    ("ㄱ", "한"),
    ("구", ""),
    ("국", ""),
    ("ㅇ", "국"),
    ("어", ""),
]
# 你好世界 typed in pinyin: letters in the preedit, then the phrase picked from the candidates.
CHINESE = [("n", ""), ("ni", ""), ("ni h", ""), ("ni ha", ""), ("ni hao", ""), ("ni hao shi jie", "")]


def sent(qtbot, edit: PromptEdit) -> list[str]:  # type: ignore[no-untyped-def]
    messages: list[str] = []
    edit.submitted.connect(messages.append)
    return messages


def test_korean_enter_while_a_syllable_is_composing_commits_it_and_does_not_send(qtbot, prompt) -> None:  # type: ignore[no-untyped-def]
    messages = sent(qtbot, prompt)
    for text, done in KOREAN:
        preedit(prompt, text, done)
    assert prompt.composing
    assert prompt.toPlainText() == "한국"
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert messages == []
    assert not prompt.composing
    assert prompt.toPlainText() == "한국어"  # the syllable is kept, and no new line was added
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert messages == ["한국어"]


def test_korean_commit_then_enter_sends_at_once(qtbot, prompt) -> None:  # type: ignore[no-untyped-def]
    """What a Korean input method does on Enter: commit the last syllable, then pass the Enter on."""
    messages = sent(qtbot, prompt)
    for text, done in KOREAN:
        preedit(prompt, text, done)
    commit(prompt, "어")
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert messages == ["한국어"]


def test_chinese_enter_while_pinyin_is_composing_does_not_send(qtbot, prompt) -> None:  # type: ignore[no-untyped-def]
    messages = sent(qtbot, prompt)
    prompt.insertPlainText("請問 ")  # typed earlier (QTest cannot type CJK key clicks)
    for text, done in CHINESE:
        preedit(prompt, text, done)
    qtbot.keyClick(prompt, Qt.Key.Key_Enter)
    assert messages == []
    assert not prompt.composing
    # Enter during pinyin keeps the letters as typed (how Chinese users type a word in English).
    assert prompt.toPlainText() == "請問 ni hao shi jie"


def test_chinese_phrase_committed_then_enter_sends(qtbot, prompt) -> None:  # type: ignore[no-untyped-def]
    messages = sent(qtbot, prompt)
    for text, done in CHINESE:
        preedit(prompt, text, done)
    commit(prompt, "你好世界")
    assert prompt.toPlainText() == "你好世界"
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert messages == ["你好世界"]


def test_shift_enter_while_composing_only_commits(qtbot, prompt) -> None:  # type: ignore[no-untyped-def]
    messages = sent(qtbot, prompt)
    preedit(prompt, "한")
    qtbot.keyClick(prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert messages == []
    assert prompt.toPlainText() == "한"
    qtbot.keyClick(prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert prompt.toPlainText() == "한\n"
