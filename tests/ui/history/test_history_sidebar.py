"""The chat list on its own: what it shows, and what it asks for."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from ollama_desktop.core.history.store import ConversationSummary, SearchHit
from ollama_desktop.ui.history.sidebar import SUBTITLE_ROLE, HistorySidebar
from ollama_desktop.ui.history.texts import when_text

NOW = time.time()
CHATS = (
    ConversationSummary("b", "Second", "gemma3:270m", NOW - 60, NOW - 60),
    ConversationSummary("a", "", "llama3.1:8b", NOW - 7200, NOW - 7200),
)


def make(qtbot) -> HistorySidebar:  # type: ignore[no-untyped-def]
    sidebar = HistorySidebar()
    qtbot.addWidget(sidebar)
    sidebar.show()
    return sidebar


def test_an_empty_list_says_what_it_is_for(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = make(qtbot)
    assert sidebar.list.isHidden()
    assert "Your chats are kept here" in sidebar.empty_label.text()
    sidebar.set_unavailable("Your saved chats cannot be shown right now.")
    assert sidebar.empty_label.text() == "Your saved chats cannot be shown right now."


def test_titles_models_and_dates_and_the_current_chat(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = make(qtbot)
    sidebar.show_conversations(CHATS)
    assert sidebar.titles() == ["Second", "Untitled chat"]
    assert sidebar.list.item(0).data(SUBTITLE_ROLE) == f"gemma3:270m · {when_text(NOW - 60)}"
    sidebar.set_current("a")
    assert sidebar.list.currentRow() == 1
    sidebar.set_current("")
    assert sidebar.list.selectedItems() == []
    with qtbot.waitSignal(sidebar.open_requested) as opened:
        rect = sidebar.list.visualItemRect(sidebar.list.item(0))
        qtbot.mouseClick(sidebar.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["b"]


def test_search_waits_for_a_pause_and_ignores_late_results(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = make(qtbot)
    sidebar.show_conversations(CHATS)
    asked: list[str] = []
    sidebar.search_requested.connect(asked.append)
    with qtbot.waitSignal(sidebar.search_requested):
        qtbot.keyClicks(sidebar.search_box, "sky")
    assert asked == ["sky"]  # one search for three key presses
    sidebar.show_search_results("sk", [SearchHit(CHATS[1], "too late")])
    assert sidebar.titles() == ["Second", "Untitled chat"]  # an answer for older words is dropped
    sidebar.show_search_results("sky", [SearchHit(CHATS[0], "…the sky is blue…")])
    assert sidebar.titles() == ["Second"]
    assert sidebar.list.item(0).data(SUBTITLE_ROLE) == "…the sky is blue…"
    sidebar.show_conversations(CHATS)  # the list changed meanwhile: the results stay
    assert sidebar.titles() == ["Second"]
    with qtbot.waitSignal(sidebar.search_requested):
        sidebar.search_box.clear()
    assert sidebar.titles() == ["Second", "Untitled chat"]


def test_an_empty_new_title_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = make(qtbot)
    sidebar.show_conversations(CHATS)
    renamed: list[tuple[str, str]] = []
    sidebar.rename_requested.connect(lambda uid, title: renamed.append((uid, title)))
    sidebar.list.item(0).setText("   ")
    assert sidebar.titles()[0] == "Second"
    sidebar.list.item(0).setText("  New   name ")
    assert renamed == [("b", "New name")]


def test_a_second_delete_makes_the_first_final(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = make(qtbot)
    sidebar.show_conversations(CHATS)
    purged: list[str] = []
    sidebar.purge_requested.connect(purged.append)
    sidebar.show_deleted("a", "")
    assert "The chat" in sidebar.undo_label.text()
    sidebar.show_deleted("b", "Second")
    assert purged == ["a"]
    assert "Second" in sidebar.undo_label.text()
    with qtbot.waitSignal(sidebar.undo_requested) as undone:
        qtbot.mouseClick(sidebar.undo_button, Qt.MouseButton.LeftButton)
    assert undone.args == ["b"]
    assert purged == ["a"]
