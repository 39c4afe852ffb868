"""The chat view: markdown rendering (streamed = whole), thinking, links, copying, scrolling, history."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from ollama_desktop.core.chat import markdown_blocks
from ollama_desktop.ui.chat import fold as chat_fold
from ollama_desktop.ui.chat import markdown_loader
from ollama_desktop.ui.chat.scroll import OLDER_AHEAD_SCREENS
from ollama_desktop.ui.chat.theme import ChatTheme
from ollama_desktop.ui.chat.view import (
    CHROME_PROPERTY,
    ROLE_ASSISTANT,
    ROLE_ERROR,
    ROLE_USER,
    ChatEntry,
    ChatView,
)

ANSWER = """# Why the sky is blue

Sunlight is *scattered* by air (see [Rayleigh](https://en.wikipedia.org/wiki/Rayleigh_scattering)).

- short waves scatter most
- long waves pass
  - mostly

| colour | wavelength |
|:-------|-----------:|
| blue   | 450 nm     |
| red    | 700 nm     |

```python
def scatter(wavelength):

    return 1 / wavelength**4
```

> The sky is blue.

天空看起来是蓝色的，是因为**瑞利散射**。하늘 👨‍👩‍👧‍👦

---
That is all."""


def signature(view: ChatView, index: int = -1) -> list[tuple[Any, ...]]:
    """Everything the eye sees in one message: per block its text, heading, list, table cell, margins;
    per run its weight, slant, font, colours and link. Copy-link numbers are left out (they count)."""
    document = view.document()
    first, last = view.message_range(index)
    blocks = []
    block = document.findBlock(first)
    while block.isValid() and block.position() <= last:
        fmt = block.blockFormat()
        text_list = block.textList()
        table = QTextCursor(block).currentTable()
        cell = table.cellAt(block.position()) if table else None
        runs = []
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            char = fragment.charFormat()
            runs.append(
                (
                    fragment.text(),
                    char.fontWeight(),
                    char.fontItalic(),
                    tuple(char.fontFamilies() or ()),
                    char.foreground().color().name(),
                    char.background().color().name() if char.background().style() else "",
                    re.sub(r"/\d+$", "", char.anchorHref()),
                )
            )
            if char.anchorHref().startswith("ollama-desktop:thinking"):
                runs[-1] = ("(thinking toggle)", *runs[-1][1:])  # its time is known only when streamed
            iterator += 1
        blocks.append(
            (
                fmt.headingLevel(),
                fmt.indent(),
                fmt.leftMargin(),
                fmt.bottomMargin(),
                fmt.lineHeight(),
                text_list.format().style() if text_list else None,
                text_list.format().indent() if text_list else None,
                (cell.row(), cell.column(), table.rows(), table.columns()) if cell else None,
                fmt.background().color().name() if fmt.background().style() else "",
                fmt.textIndent(),
                fmt.lineHeight(),
                tuple(runs),
            )
        )
        block = block.next()
    return blocks


def stream_into(view: ChatView, pieces: list[str], *, thinking: list[str] | None = None) -> None:
    """Stream an answer the way the app does: a piece per frame, the view rendering between them."""
    view.begin_reply("llama3.1:8b")
    for piece in thinking or []:
        view.append_thinking(piece)
        QApplication.processEvents()
    for piece in pieces:
        view.append_reply(piece)
        QApplication.processEvents()
    view.end_reply("note")


def one_shot(view: ChatView, text: str, thinking: str = "") -> None:
    view.show_chat([ChatEntry(ROLE_ASSISTANT, text, "llama3.1:8b", "note", thinking)])


def body_text(view: ChatView, index: int = -1) -> str:
    first, last = view.message_range(index)
    cursor = QTextCursor(view.document())
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selection().toPlainText()


# -- streamed equals whole -------------------------------------------------------------------------

AWKWARD_CUTS = {
    "inside a code fence": ANSWER.index("return 1"),
    "inside the fence's closing line": ANSWER.index("```\n\n>") + 2,
    "inside a table row": ANSWER.index("450 nm"),
    "inside the table's delimiter row": ANSWER.index("-----------:"),
    "between a list and its nested item": ANSWER.index("  - mostly"),
    "mid CJK text": ANSWER.index("蓝色"),
    "inside an emoji sequence": ANSWER.index("👨") + 2,
    "inside a link": ANSWER.index("Rayleigh_scattering"),
    "right after a heading's hash": 1,
}


@pytest.mark.parametrize("cut", list(AWKWARD_CUTS.values()), ids=list(AWKWARD_CUTS))
def test_streamed_answer_renders_like_the_whole_text(view: ChatView, cut: int) -> None:
    one_shot(view, ANSWER)
    expected = signature(view)
    view.clear_chat()
    stream_into(view, [ANSWER[:cut], ANSWER[cut:]])
    assert signature(view) == expected


def test_streamed_token_by_token_renders_like_the_whole_text(view: ChatView) -> None:
    one_shot(view, ANSWER)
    expected = signature(view)
    view.clear_chat()
    stream_into(view, re.findall(r"\s*\S+|\s+", ANSWER))
    assert signature(view) == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(min_value=0, max_value=len(ANSWER)), max_size=30))
def test_streamed_at_any_cuts_renders_like_the_whole_text(view: ChatView, cuts: list[int]) -> None:
    view.clear_chat()
    one_shot(view, ANSWER)
    expected = signature(view)
    view.clear_chat()
    points = sorted(set(cuts))
    stream_into(view, [ANSWER[a:b] for a, b in zip([0, *points], [*points, len(ANSWER)], strict=True)])
    assert signature(view) == expected


def test_think_tags_cut_anywhere_render_like_the_whole_text(view: ChatView) -> None:
    text = "<think>\nThe user wants **one** line.\n</think>\n\nBlue, because of *scattering*."
    one_shot(view, text)
    expected = signature(view)
    for cut in range(len(text) + 1):
        view.clear_chat()
        stream_into(view, [text[:cut], text[cut:]])
        assert signature(view) == expected, f"cut at {cut}: {text[:cut]!r}"


def test_markdown_is_rendered_with_its_formats(view: ChatView) -> None:
    """The first block keeps its heading (QTextCursor.insertMarkdown drops it), code is highlighted."""
    stream_into(view, ["# Title\n\n", "Some **bold**.\n\n```python\nx = 1\n```\n"])
    blocks = signature(view)
    assert blocks[1][0] == 1  # the first block of the body is a level-1 heading
    assert blocks[1][-1][0][0] == "Title"
    bold = [run for block in blocks for run in block[-1] if run[0] == "bold"]
    assert bold
    assert bold[0][1] == 700
    code_background = view._writer().highlighter.background.name()
    code_runs = [run for block in blocks if block[8] == code_background for run in block[-1]]
    assert "".join(run[0] for run in code_runs) == "x = 1"
    assert len({run[4] for run in code_runs}) > 1  # Pygments gave the code more than one colour


@pytest.mark.parametrize(
    ("line", "words", "in_list"),
    [
        ("- item one", [" two", " three"], True),
        ("12. item one", [" two", " three"], True),
        ("- -", [" -"], False),  # a rule once complete, not an item
        ("1", [".5 litres"], False),  # not an ordered list after all
    ],
)
def test_words_added_to_a_list_item_while_it_streams_show_as_the_whole_text_would(
    view: ChatView, line: str, words: list[str], in_list: bool
) -> None:
    """Mid-stream, before the answer ends and everything is written again in full."""
    view.begin_reply("llama3.1:8b")
    text = ""
    for piece in ["Intro.\n\n", line, *words]:
        text += piece
        view.append_reply(piece)
        QApplication.processEvents()
    block = view.document().findBlock(view.message_range(-1)[1] - 1)
    while block.isValid() and not block.text().strip():
        block = block.previous()
    shown = block.text()
    assert shown.endswith(text.split("\n")[-1].split(" ", 1)[-1]) or not in_list
    assert (block.textList() is not None) == in_list
    view.end_reply("note")


def test_first_token_is_a_fence(view: ChatView) -> None:
    text = "```js\nlet a = 1;\n```\nDone."
    one_shot(view, text)
    expected = signature(view)
    view.clear_chat()
    stream_into(view, list(text))
    assert signature(view) == expected


# -- thinking --------------------------------------------------------------------------------------


def test_thinking_folds_away_when_the_answer_starts(view: ChatView) -> None:
    view.begin_reply("deepseek-r1:8b")
    view.append_thinking("Let me think about *colours*.")
    QApplication.processEvents()
    assert "Thinking…" in view.toPlainText()
    assert "Let me think about colours." in view.toPlainText()
    view.append_reply("Blue.")
    QApplication.processEvents()
    text = view.toPlainText()
    assert "▸ Thought for" in text
    assert "Let me think" not in text  # collapsed
    assert "Blue." in text
    view.end_reply("done")
    message = view._messages[max(view._messages)]
    view.anchorClicked.emit(QUrl(f"ollama-desktop:thinking/{message.number}"))
    assert "Let me think about colours." in view.toPlainText()
    assert "▾ Thought for" in view.toPlainText()
    view.anchorClicked.emit(QUrl(f"ollama-desktop:thinking/{message.number}"))
    assert "Let me think" not in view.toPlainText()


def test_tags_in_the_answer_are_the_answers_text(view: ChatView) -> None:
    # ChatController splits a <think> block off before the view sees it; what reaches the view as
    # answer is the model's text, tags and all.
    stream_into(view, ["<thi", "nk>shown</th", "ink> as written."])
    assert "<think>shown</think> as written." in body_text(view)


def test_thinking_can_be_opened_while_it_streams(view: ChatView) -> None:
    view.begin_reply("deepseek-r1:8b")
    view.append_thinking("first part. ")
    QApplication.processEvents()
    view.append_reply("Answer starts")
    QApplication.processEvents()
    message = view._messages[max(view._messages)]
    view.anchorClicked.emit(QUrl(f"ollama-desktop:thinking/{message.number}"))
    view.append_reply(" and goes on.")
    QApplication.processEvents()
    view.end_reply()
    text = view.toPlainText()
    assert "first part." in text
    assert "Answer starts and goes on." in text


# -- links, images, copying --------------------------------------------------------------------------


def test_only_clicked_web_links_open(view: ChatView, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString())))
    stream_into(view, ["[web](https://ollama.com) [file](file:///etc/passwd) [js](javascript:alert(1))"])
    hrefs = [run[6] for block in signature(view) for run in block[-1] if run[6]]
    assert "https://ollama.com" in hrefs
    assert not any(href.startswith(("file:", "javascript:")) for href in hrefs)
    assert opened == []  # rendering opened nothing
    view.anchorClicked.emit(QUrl("https://ollama.com"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    view.anchorClicked.emit(QUrl("mailto:someone@example.com"))
    assert opened == ["https://ollama.com"]


def test_images_become_links_and_nothing_is_loaded(view: ChatView) -> None:
    stream_into(view, ["Look: ![a cat](http://127.0.0.1:9/cat.png) and <img src='http://127.0.0.1:9/x.png'>"])
    text = body_text(view)
    assert "[image: a cat]" in text
    assert "<img src=" in text  # raw HTML is shown as text, never interpreted
    assert (
        view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("http://127.0.0.1:9/cat.png"))
        is None
    )
    assert "\ufffc" not in view.toPlainText()  # no image object in the document


def test_copy_buttons_copy_the_code_and_the_message(view: ChatView) -> None:
    stream_into(view, ["Here:\n\n```sh\necho one\necho two\n```\n\nand ```inline```."])
    code_links = [
        run[6]
        for block in signature(view)
        for run in block[-1]
        if run[6].startswith("ollama-desktop:copy-code")
    ]
    assert len(code_links) == 1
    href = next(
        fragment_href
        for fragment_href in _anchor_hrefs(view)
        if fragment_href.startswith("ollama-desktop:copy-code/")
    )
    view.anchorClicked.emit(QUrl(href))
    assert QGuiApplication.clipboard().text() == "echo one\necho two"
    message = view._messages[max(view._messages)]
    view.anchorClicked.emit(QUrl(f"ollama-desktop:copy-message/{message.number}"))
    assert (
        QGuiApplication.clipboard().text() == "Here:\n\n```sh\necho one\necho two\n```\n\nand ```inline```."
    )


def _anchor_hrefs(view: ChatView) -> list[str]:
    hrefs = []
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            href = iterator.fragment().charFormat().anchorHref()
            if href:
                hrefs.append(href)
            iterator += 1
        block = block.next()
    return hrefs


def test_a_streaming_code_block_does_not_pile_up_copies(view: ChatView) -> None:
    view.begin_reply("m")
    view.append_reply("```\n")
    for number in range(200):
        view.append_reply(f"line {number}\n")
        QApplication.processEvents()
    assert len(view._codes) <= 1
    view.end_reply()
    assert len(view._codes) == 1


def test_copying_a_selection_leaves_out_names_and_buttons(view: ChatView) -> None:
    view.add_question("What colour?")
    stream_into(view, ["Blue.\n\n```\ncode line\n```"])
    view.selectAll()
    text = view.createMimeDataFromSelection().text()
    assert "What colour?" in text
    assert "Blue." in text
    assert "code line" in text
    assert "Copy" not in text
    assert "llama3.1:8b" not in text
    assert "note" not in text


def test_view_labels_are_marked_as_chrome(view: ChatView) -> None:
    view.add_question("hi")
    block = view.document().findBlock(view.message_range(0)[0])
    assert block.text() == "You"
    assert block.begin().fragment().charFormat().boolProperty(CHROME_PROPERTY)


# -- notes, errors, questions ------------------------------------------------------------------------


def test_live_note_then_final_note(view: ChatView) -> None:
    view.begin_reply("m")
    view.append_reply("Hello")
    QApplication.processEvents()
    view.set_reply_note("≈ 40.0 tokens/s · 12 tokens")
    assert "≈ 40.0 tokens/s" in view.toPlainText()
    view.end_reply("41.2 tokens/s · prompt 400 tokens/s · load 0.10 s · first token 0.05 s")
    text = view.toPlainText()
    assert "≈ 40.0" not in text
    assert "41.2 tokens/s · prompt 400 tokens/s · load 0.10 s" in text


def test_questions_and_errors_are_plain_text(view: ChatView) -> None:
    view.add_question("Is *this* markdown?\nSecond line")
    view.add_error("Cannot reach Ollama at **host**.")
    text = view.toPlainText()
    assert "Is *this* markdown?\nSecond line" in text
    assert "Cannot reach Ollama at **host**." in text
    assert view.message_count() == 2


def test_a_stopped_answer_before_markdown_loaded_is_rendered_once_loaded(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    class NotYet:
        ready = False

        def start(self) -> None:
            pass

    loader = NotYet()
    monkeypatch.setattr(markdown_loader, "LOADER", loader)
    view = ChatView()
    qtbot.addWidget(view)
    view.begin_reply("m")
    view.append_reply("# Big title\n\nText")
    qtbot.waitUntil(lambda: "# Big title" in view.toPlainText())  # plain text for now
    view.end_reply("Stopped.")
    assert view.rendering_pending
    loader.ready = True
    qtbot.waitUntil(lambda: not view.rendering_pending)
    assert "# Big title" not in view.toPlainText()
    assert "Big title" in view.toPlainText()
    assert "Stopped." in view.toPlainText()


# -- scrolling -------------------------------------------------------------------------------------


def test_follows_the_end_until_the_user_scrolls_up(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    bar = view.verticalScrollBar()
    view.begin_reply("m")
    for number in range(60):
        view.append_reply(f"Paragraph {number}.\n\n")
        QApplication.processEvents()
    assert bar.maximum() > 0
    assert bar.value() == bar.maximum()
    assert view.following
    assert not view.jump_button.isVisible()

    bar.setValue(bar.maximum() // 3)  # the user scrolls up to read
    assert not view.following
    assert view.jump_button.isVisible()
    kept = bar.value()
    for number in range(60, 90):
        view.append_reply(f"Paragraph {number}.\n\n")
        QApplication.processEvents()
    assert bar.value() == kept
    qtbot.mouseClick(view.jump_button, Qt.MouseButton.LeftButton)
    assert bar.value() == bar.maximum()
    assert view.following
    assert not view.jump_button.isVisible()
    view.append_reply("More.\n\n")
    view.end_reply()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())


# -- opening a long chat -----------------------------------------------------------------------------


def _long_chat(pairs: int) -> list[ChatEntry]:
    entries = []
    for number in range(pairs):
        entries.append(ChatEntry(ROLE_USER, f"Question {number}"))
        entries.append(ChatEntry(ROLE_ASSISTANT, f"Answer {number}\n\n" + ANSWER, "llama3.1:8b", "note"))
    entries.append(ChatEntry(ROLE_ERROR, "The last one failed."))
    return entries


def _screens_above(view: ChatView) -> float:
    return view.verticalScrollBar().value() / view.viewport().height()


def test_a_long_chat_opens_at_its_newest_and_adds_older_messages_as_the_user_scrolls_up(
    qtbot, view: ChatView
) -> None:  # type: ignore[no-untyped-def]
    entries = _long_chat(80)
    view.show_chat(entries)
    assert "The last one failed." in view.toPlainText()
    # Older messages come in above until two screens of them are ready to scroll to, then stop.
    qtbot.waitUntil(lambda: _screens_above(view) >= OLDER_AHEAD_SCREENS)
    assert view.loading_history
    assert "Question 0\n" not in view.toPlainText()
    assert view.verticalScrollBar().value() == view.verticalScrollBar().maximum()

    bar = view.verticalScrollBar()
    while view.loading_history:
        bar.setValue(0)
        first_shown = view.message_count()
        qtbot.waitUntil(lambda: view.message_count() > first_shown or not view.loading_history)  # noqa: B023
        qtbot.waitUntil(lambda: _screens_above(view) >= OLDER_AHEAD_SCREENS or not view.loading_history)
    text = view.toPlainText()
    assert text.index("Question 0\n") < text.index("Question 1\n") < text.index("The last one failed.")
    assert view.message_count() == len(entries)


def test_scrolling_back_keeps_the_message_in_view_where_it_was(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    view.show_chat(_long_chat(80))
    qtbot.waitUntil(lambda: _screens_above(view) >= OLDER_AHEAD_SCREENS)
    bar = view.verticalScrollBar()
    bar.setValue(view.viewport().height() // 2)  # near the top: more is added above
    block = view.cursorForPosition(view.viewport().rect().center()).block()
    layout = view.document().documentLayout()

    def on_screen() -> float:
        return layout.blockBoundingRect(block).top() - bar.value()

    where = on_screen()
    shown = view.message_count()
    qtbot.waitUntil(lambda: view.message_count() > shown)
    qtbot.waitUntil(lambda: _screens_above(view) >= OLDER_AHEAD_SCREENS or not view.loading_history)
    assert abs(on_screen() - where) <= 1


def test_opening_a_thinking_section_after_older_messages_came_in_keeps_it_in_place(
    qtbot, view: ChatView
) -> None:  # type: ignore[no-untyped-def]
    entries = []
    for number in range(60):
        entries.append(ChatEntry(ROLE_USER, f"Question {number}"))
        entries.append(ChatEntry(ROLE_ASSISTANT, ANSWER, "deepseek-r1:8b", "note", "Reasoning " * 80))
    view.show_chat(entries)
    qtbot.waitUntil(lambda: _screens_above(view) >= OLDER_AHEAD_SCREENS)
    bar = view.verticalScrollBar()
    shown = view.message_count()
    bar.setValue(0)
    qtbot.waitUntil(lambda: view.message_count() > shown)
    qtbot.waitUntil(lambda: _screens_above(view) >= OLDER_AHEAD_SCREENS or not view.loading_history)
    # The topmost answer on screen: open its thinking, which goes in below its toggle.
    top = view.cursorForPosition(view.viewport().rect().topLeft()).position()
    message = next(m for m in view._order if m.role == ROLE_ASSISTANT and m.start.position() >= top)
    block = view.document().findBlock(message.start.position())
    layout = view.document().documentLayout()
    where = layout.blockBoundingRect(block).top() - bar.value()
    view.anchorClicked.emit(QUrl(f"ollama-desktop:thinking/{message.number}"))
    qtbot.waitUntil(lambda: message.thinking_open)
    QApplication.processEvents()
    assert layout.blockBoundingRect(block).top() - bar.value() == where


def test_a_new_question_goes_last_and_older_messages_still_come_in_above(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    entries = [ChatEntry(ROLE_USER, "x" * 5000 + f" old {number}") for number in range(20)]
    view.show_chat(entries)
    view.add_question("newest")
    assert view.toPlainText().rstrip("\u200b\n ").endswith("newest\nCopy")
    bar = view.verticalScrollBar()
    while view.loading_history:
        bar.setValue(0)
        shown = view.message_count()
        qtbot.waitUntil(lambda: view.message_count() > shown or not view.loading_history)  # noqa: B023
    text = view.toPlainText()
    assert text.index(" old 0") < text.index(" old 19") < text.index("newest")


def test_older_messages_wait_while_an_answer_is_written(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    view.show_chat(_long_chat(80))
    qtbot.waitUntil(lambda: _screens_above(view) >= OLDER_AHEAD_SCREENS)
    view.begin_reply("llama3.1:8b")
    view.append_reply("Streaming ")
    shown = view.message_count()
    view.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    assert view.message_count() == shown  # nothing goes in above an answer being written
    view.end_reply("note")
    qtbot.waitUntil(lambda: view.message_count() > shown)


def test_a_rendered_history_answer_equals_the_streamed_one(view: ChatView) -> None:
    view.show_chat([ChatEntry(ROLE_USER, "q"), ChatEntry(ROLE_ASSISTANT, ANSWER, "llama3.1:8b", "note")])
    expected = signature(view)
    view.clear_chat()
    view.add_question("q")
    stream_into(view, [ANSWER[i : i + 7] for i in range(0, len(ANSWER), 7)])
    assert signature(view) == expected


# -- theme -----------------------------------------------------------------------------------------


def test_dark_desktop_gets_dark_bubbles() -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    assert ChatTheme.for_palette(palette).dark
    palette.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    assert not ChatTheme.for_palette(palette).dark


# -- what arrived is what is shown; long blocks and enormous words (issue 16) ------------------------


def answer_shown(view: ChatView) -> str:
    """The last answer's text as it is on screen: between its title and its footer."""
    message = view._messages[max(view._messages)]
    assert message.footer is not None
    document = view.document()
    cursor = QTextCursor(document)
    cursor.setPosition(document.findBlock(message.start.position()).next().position())
    cursor.setPosition(message.footer.position() - 1, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selection().toPlainText()


def answer_blocks(view: ChatView) -> list[str]:
    first, last = view.message_range(-1)
    blocks = []
    block = view.document().findBlock(first)
    while block.isValid() and block.position() <= last:
        blocks.append(block.text())
        block = block.next()
    return blocks


def copied_message(view: ChatView) -> str:
    message = view._messages[max(view._messages)]
    view.anchorClicked.emit(QUrl(f"ollama-desktop:copy-message/{message.number}"))
    return QGuiApplication.clipboard().text()


@pytest.mark.parametrize(
    "tokens",
    [
        ["PINEAPPLE0 ", "PINEAPPLE1 ", "PINEAPPLE2 "],
        ["Hello", " world ", " and  two ", "spaces\t", "then"],
        ["First line\n", "second line\n", "third"],
        ["One.\n", "Two "],
    ],
)
def test_what_is_on_screen_is_what_arrived_at_every_frame(view: ChatView, tokens: list[str]) -> None:
    view.begin_reply("llama3.1:8b")
    arrived = ""
    for token in tokens:
        arrived += token
        view.append_reply(token)
        QApplication.processEvents()
        assert answer_shown(view) == arrived
    view.end_reply("note")
    assert answer_shown(view) == arrived.strip()


def test_a_paragraph_longer_than_the_limit_is_shown_in_pieces_and_copied_whole(view: ChatView) -> None:
    text = " ".join(f"word{number}" for number in range(6000))  # ~50,000 characters, one paragraph
    stream_into(view, [text[i : i + 200] for i in range(0, len(text), 200)])
    blocks = answer_blocks(view)
    assert max(len(block) for block in blocks) <= markdown_blocks.BLOCK_LIMIT
    assert len([block for block in blocks if block.startswith("word")]) > 1
    assert answer_shown(view).split() == text.split()
    assert copied_message(view) == text


def test_an_enormous_word_is_shown_whole_a_piece_at_a_time(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    word = "x" * 200_000
    view.begin_reply("llama3.1:8b")
    view.append_reply(word)
    view.end_reply("note")
    assert view.rendering_pending  # not written in one go: the window would freeze
    assert len(answer_shown(view)) < len(word)
    qtbot.waitUntil(lambda: not view.rendering_pending, timeout=20_000)
    blocks = answer_blocks(view)
    assert max(len(block) for block in blocks) <= markdown_blocks.BLOCK_LIMIT
    assert "".join(answer_shown(view).split()) == word
    assert copied_message(view) == word
    assert "note" in view.toPlainText()


def test_a_long_code_block_is_one_box_and_copied_whole(view: ChatView) -> None:
    code = "\n".join(f"value_{number} = compute({number})" for number in range(1200))
    text = f"Here:\n\n```python\n{code}\n```\n\nDone."
    stream_into(view, [text[i : i + 300] for i in range(0, len(text), 300)])
    hrefs = [href for href in _anchor_hrefs(view) if href.startswith("ollama-desktop:copy-code/")]
    assert len(hrefs) == 1  # one header, one Copy link
    view.anchorClicked.emit(QUrl(hrefs[0]))
    assert QGuiApplication.clipboard().text() == code
    code_background = view._writer().highlighter.background.name()
    code_lines = [row[-1] for row in signature(view) if row[8] == code_background]
    assert len(code_lines) == 1200
    assert answer_shown(view).endswith("Done.")


def test_a_long_answer_opened_from_the_history_is_written_as_it_streamed(qtbot, view: ChatView) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Intro.\n\n"
        + "".join(f"- item {number} with a few words\n" for number in range(500))
        + "\n"
        + " ".join(f"w{number}" for number in range(3000))
        + "\n\n```python\n"
        + "\n".join(f"line_{number} = {number}" for number in range(700))
        + "\n```\n\n"
        + "y" * 9000
        + "\n\n| a | b |\n|---|---|\n"
        + "| 1 | 2 |\n" * 500
    )
    rnd = random.Random(16)
    cuts = sorted(rnd.sample(range(1, len(text)), 400))
    stream_into(view, [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)])
    streamed = signature(view)
    view.clear_chat()
    view.show_chat([ChatEntry(ROLE_ASSISTANT, text, "llama3.1:8b", "note")])
    assert view.rendering_pending  # a piece at a time, as it streamed
    qtbot.waitUntil(lambda: not view.rendering_pending, timeout=20_000)
    assert signature(view) == streamed
    assert copied_message(view) == text.strip()


# -- a very long answer: the display folds, the text stays whole (issue 16, item 4) ------------------

FOLD_NOTE = "The beginning of this long answer"


def _mixed_long_answer() -> str:
    return (
        "Intro.\n\n"
        + "".join(f"- item {number} with a few words\n" for number in range(300))
        + "\n"
        + " ".join(f"w{number}" for number in range(2000))
        + "\n\n```python\n"
        + "\n".join(f"line_{number} = {number}" for number in range(400))
        + "\n```\n\n"
        + "y" * 9000
        + "\n\n| a | b |\n|---|---|\n"
        + "| 1 | 2 |\n" * 300
        + "\nThe end of it."
    )


def _stream_in_random_pieces(view: ChatView, text: str) -> None:
    rnd = random.Random(4)
    cuts = sorted(rnd.sample(range(1, len(text)), 300))
    stream_into(view, [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)])
    QApplication.processEvents()  # the last fold, in an edit of its own after the last render


def test_a_very_long_answer_folds_its_beginning_and_copies_whole(
    view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _mixed_long_answer()
    _stream_in_random_pieces(view, text)
    whole = signature(view)
    view.clear_chat()
    monkeypatch.setattr(chat_fold, "FOLD_WEIGHT", 6_000)
    _stream_in_random_pieces(view, text)
    shown = answer_shown(view)
    first_line, _, rest = shown.partition("\n")
    assert first_line.startswith(FOLD_NOTE)
    assert re.search(r"\(\d[\d.,]* kB\)", first_line)  # how much is not shown
    assert len(rest) < 6_000 + markdown_blocks.BLOCK_LIMIT  # the limit, and the newest piece
    assert "- item 0 " not in shown
    assert "Intro." not in shown
    # What is still shown is the end of the answer, block for block as it is shown unfolded.
    folded = signature(view)
    kept = len(folded) - 2  # after the title and the fold line
    assert folded[2:] == whole[-kept:]
    assert len(whole) > 2 * kept
    assert copied_message(view) == text
    # Selecting it all copies the answer's text, without the view's own line.
    view.selectAll()
    assert FOLD_NOTE not in view.createMimeDataFromSelection().text()


def test_a_very_long_answer_opened_from_the_history_folds_the_same_way(
    qtbot,
    view: ChatView,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(chat_fold, "FOLD_WEIGHT", 6_000)
    text = _mixed_long_answer()
    _stream_in_random_pieces(view, text)
    streamed = signature(view)
    view.clear_chat()
    view.show_chat([ChatEntry(ROLE_ASSISTANT, text, "llama3.1:8b", "note")])
    qtbot.waitUntil(lambda: not view.rendering_pending, timeout=20_000)
    assert signature(view) == streamed
    assert answer_shown(view).startswith(FOLD_NOTE)
    assert copied_message(view) == text


def test_an_answer_within_the_fold_limit_is_never_folded(
    view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _mixed_long_answer()
    _stream_in_random_pieces(view, text)
    blocks = len(answer_blocks(view))
    view.clear_chat()
    # Its characters and blocks as the fold counts them (see FOLD_WEIGHT), at most: within the limit.
    monkeypatch.setattr(chat_fold, "FOLD_WEIGHT", len(text) + (chat_fold.FOLD_BLOCK_WEIGHT + 1) * blocks)
    _stream_in_random_pieces(view, text)
    shown = answer_shown(view)
    assert FOLD_NOTE not in shown
    assert shown.startswith("Intro.")
    assert copied_message(view) == text


def test_a_folded_code_block_keeps_no_copy_of_its_code(
    view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat_fold, "FOLD_WEIGHT", 6_000)
    code = "\n".join(f"value_{number} = compute({number})" for number in range(3000))
    text = f"```python\n{code}"  # a fence that never closes, as in a flood
    stream_into(view, [text[i : i + 300] for i in range(0, len(text), 300)])
    assert answer_shown(view).startswith(FOLD_NOTE)
    assert sum(len(view._codes.get(number) or "") for number in range(view._codes.next_number)) < 20_000
    assert copied_message(view) == text


def test_folding_keeps_what_the_user_reads_where_it_is(
    view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat_fold, "FOLD_WEIGHT", 4_000)
    bar = view.verticalScrollBar()
    view.begin_reply("m")
    number = 0
    while not answer_shown(view).startswith(FOLD_NOTE):
        view.append_reply(f"Paragraph {number} of a long answer that goes on and on.\n\n")
        number += 1
        QApplication.processEvents()
    bar.setValue(bar.value() - view.viewport().height() // 2)  # the user scrolls up to read
    assert not view.following
    center = view.viewport().rect().center()
    read = view.cursorForPosition(center).block().text()
    top = view.cursorRect(view.cursorForPosition(center)).top()
    folded = answer_shown(view).partition("\n")[0]
    for more in range(number, number + 10):  # enough for another fold (see FOLD_SLACK)
        view.append_reply(f"Paragraph {more} of a long answer that goes on and on.\n\n")
        QApplication.processEvents()
    assert answer_shown(view).partition("\n")[0] != folded  # folded again: more is not shown
    assert view.cursorForPosition(center).block().text() == read
    assert abs(view.cursorRect(view.cursorForPosition(center)).top() - top) <= 2
    view.end_reply()


def test_the_fold_line_of_an_answer_that_starts_with_a_list_is_no_list_item(
    view: ChatView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chat_fold, "FOLD_WEIGHT", 3_000)
    text = "".join(f"- item {number} of a long list\n" for number in range(400))
    stream_into(view, [text[i : i + 120] for i in range(0, len(text), 120)])
    QApplication.processEvents()
    first, _last = view.message_range(-1)
    line = view.document().findBlock(first).next()
    assert line.text().startswith(FOLD_NOTE)
    assert line.textList() is None
    assert line.next().textList() is not None  # the items after it still are
    assert copied_message(view) == text.strip()
