"""The words of a search marked in the chat shown (ChatView.highlight): every match, text only."""

from __future__ import annotations

from PySide6.QtWidgets import QTextEdit

from ollama_desktop.ui.chat.view import ROLE_ASSISTANT, ROLE_USER, ChatEntry, ChatView


def marked(view: ChatView) -> list[str]:
    return [selection.cursor.selectedText() for selection in view.extraSelections()]


def chat(*texts: str) -> list[ChatEntry]:
    return [
        ChatEntry(ROLE_USER, text) if number % 2 == 0 else ChatEntry(ROLE_ASSISTANT, text, "llama3.1:8b")
        for number, text in enumerate(texts)
    ]


def test_every_match_is_marked_whatever_its_case(view: ChatView) -> None:
    view.show_chat(chat("Why is the Sky blue?", "The **SKY** scatters blue light; skyline aside, sky."))
    assert view.highlight(["sky"]) == 4
    assert marked(view) == ["Sky", "SKY", "sky", "sky"]
    assert all(isinstance(selection, QTextEdit.ExtraSelection) for selection in view.extraSelections())
    assert view.highlight(["blue", "light"]) == 3
    assert marked(view) == ["blue", "blue", "light"]
    assert view.toPlainText().count("Sky") == 1  # the text itself is never changed


def test_chinese_korean_and_emoji_before_a_match(view: ChatView) -> None:
    view.show_chat(chat("天空为什么是蓝色的？", "👨‍👩‍👧‍👦 因为瑞利散射，天空看起来是蓝色的。하늘은 파랗다"))
    assert view.highlight(["蓝色"]) == 2
    assert marked(view) == ["蓝色", "蓝色"]  # the emoji's UTF-16 pairs do not shift the marks
    assert view.highlight(["하늘"]) == 1
    assert marked(view) == ["하늘"]


def test_names_and_notes_of_the_view_are_not_marked(view: ChatView) -> None:
    view.show_chat([ChatEntry(ROLE_ASSISTANT, "An answer.", "llama3.1:8b", "Speed note")])
    assert "llama3.1:8b" in view.toPlainText()
    assert view.highlight(["llama"]) == 0
    assert view.highlight(["note"]) == 0
    assert view.highlight(["answer"]) == 1


def test_markup_in_the_chat_is_found_as_text(view: ChatView) -> None:
    view.show_chat(chat("show <b>bold</b> and <img src=x>", "`<img src=x>` is an image tag."))
    assert view.highlight(["<img"]) == 2
    assert marked(view) == ["<img", "<img"]


def test_cleared_by_no_words_and_by_another_chat(view: ChatView) -> None:
    view.show_chat(chat("sky", "sky"))
    assert view.highlight(["sky"]) == 2
    assert view.highlight([]) == 0
    assert view.extraSelections() == []
    view.highlight(["sky"])
    view.show_chat(chat("another sky"))
    assert view.extraSelections() == []
    view.highlight(["sky"])
    view.clear_chat()
    assert view.extraSelections() == []


def test_text_added_later_is_marked_too(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    view.show_chat(chat("sky"))
    assert view.highlight(["sky"]) == 1
    view.add_question("and the sky at night?")
    qtbot.waitUntil(lambda: len(view.extraSelections()) == 2)
    assert marked(view) == ["sky", "sky"]


def test_scrolls_to_the_first_match(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    filler = "\n\n".join(f"Line {number} of filler." for number in range(40))
    view.show_chat(chat("The needle is here.", filler, "More filler.", filler))
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    assert view.highlight(["needle"]) == 1
    selection = view.extraSelections()[0]
    rect = view.cursorRect(selection.cursor)
    assert rect.top() >= 0
    assert rect.bottom() <= view.viewport().height()
    assert bar.value() < bar.maximum()
    assert not view.following  # as if the user had scrolled there: the view stays
