"""Search results in the chat list: the words around the match with the match in bold, whole titles
on hover, the list's width, and the matches marked in the chat opened from a result."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from ollama_desktop.core.history.store import ConversationSummary, HistoryStore, SearchHit
from ollama_desktop.settings import Settings
from ollama_desktop.ui.history.sidebar import (
    SNIPPET_ROLE,
    START_CHARS,
    START_WIDTH,
    SUBTITLE_ROLE,
    HistorySidebar,
    fit_parts,
)
from ollama_desktop.ui.history.texts import snippet_parts
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.fake_ollama import FakeOllama
from tests.ui.history.test_history_window import ask, click_row, history_of, new_chat, open_window

NOW = time.time()
LONG_TITLE = "A rather long title about planning a three-day trip to Kyoto in spring on a budget"
SNIPPET = "…of the afternoon light over the hills, the sky turns a deep orange and then a darker blue…"


class RecordingPainter(QPainter):
    """A painter that keeps what the delegate writes, and in which font weight."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[tuple[str, bool]] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        self.texts.append((str(args[-1]), self.font().bold()))
        super().drawText(*args)  # type: ignore[call-overload]


def painted(sidebar: HistorySidebar, row: int) -> list[tuple[str, bool]]:
    """What the list draws for `row`, as (text, bold) runs."""
    view = sidebar.list
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualItemRect(view.item(row))
    option.widget = view
    image = QImage(option.rect.right() + 1, option.rect.bottom() + 1, QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    try:
        view.itemDelegate().paint(painter, option, view.model().index(row, 0))
    finally:
        painter.end()
    return painter.texts


def sidebar_of(qtbot, width: int = 0) -> HistorySidebar:  # type: ignore[no-untyped-def]
    sidebar = HistorySidebar()
    qtbot.addWidget(sidebar)
    sidebar.resize(width or sidebar.sizeHint().width(), 400)
    sidebar.show()
    return sidebar


def search(qtbot, sidebar: HistorySidebar, words: str, hits: list[SearchHit]) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(sidebar.search_requested):
        sidebar.search_box.setText(words)
    sidebar.show_search_results(words, hits)


def test_a_result_shows_the_words_around_the_match_with_the_match_in_bold(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = sidebar_of(qtbot)
    summary = ConversationSummary("a", "Sunsets", "llama3.1:8b", NOW, NOW)
    search(qtbot, sidebar, "sky", [SearchHit(summary, SNIPPET)])
    item = sidebar.list.item(0)
    assert item.data(SUBTITLE_ROLE) == SNIPPET
    assert ("sky", True) in item.data(SNIPPET_ROLE)
    runs = painted(sidebar, 0)
    assert runs[0] == ("Sunsets", True)  # the title, in bold as always
    snippet_runs = runs[1:]
    assert ("sky", True) in snippet_runs  # the match is drawn, in bold
    assert all(not bold for text, bold in snippet_runs if text != "sky")
    assert snippet_runs[-1][0].endswith("…")  # the rest does not fit: cut with "…"


def test_the_match_stays_in_sight_in_a_narrow_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = sidebar_of(qtbot, sidebar_of(qtbot).minimumSizeHint().width())
    summary = ConversationSummary("a", "Sunsets", "llama3.1:8b", NOW, NOW)
    search(qtbot, sidebar, "orange", [SearchHit(summary, SNIPPET)])
    snippet_runs = painted(sidebar, 0)[1:]
    assert ("orange", True) in snippet_runs
    assert snippet_runs[0][0].startswith("…")  # the words before it were cut at the start
    assert "afternoon" not in snippet_runs[0][0]


def test_fit_parts_cuts_the_start_then_the_end() -> None:
    font = QFont()
    plain = QFontMetrics(font)
    font.setBold(True)
    bold = QFontMetrics(font)
    words = "one two three four five six seven eight nine ten eleven twelve MATCH and more"
    parts = snippet_parts(words, ["match"])
    whole = sum((bold if b else plain).horizontalAdvance(t) for t, b in parts)
    assert fit_parts(parts, whole, plain, bold) == parts
    narrow = plain.horizontalAdvance("one two three four five")
    fitted = fit_parts(parts, narrow, plain, bold)
    assert fitted[0][0].startswith("…")
    assert not fitted[0][0].startswith("…one")
    assert fitted[1] == ("MATCH", True)
    assert sum((bold if b else plain).horizontalAdvance(t) for t, b in fitted) <= narrow


def test_markup_in_a_chat_is_shown_as_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = sidebar_of(qtbot)
    summary = ConversationSummary("a", "<b>Bold</b> title <img src=x>", "llama3.1:8b", NOW, NOW)
    snippet = 'say <b>sky</b> then <img src=x> & "quotes"'
    search(qtbot, sidebar, "sky", [SearchHit(summary, snippet)])
    item = sidebar.list.item(0)
    tooltip = item.toolTip()
    assert "&lt;img src=x&gt;" in tooltip
    assert "&lt;b&gt;Bold&lt;/b&gt; title &lt;img src=x&gt;" in tooltip  # the whole title, as text
    assert "&lt;b&gt;<b>sky</b>&lt;/b&gt;" in tooltip  # the match in bold, its tags as text
    assert "<img" not in tooltip
    assert item.text() == "<b>Bold</b> title <img src=x>"
    runs = painted(sidebar, 0)
    drawn = "".join(text for text, _bold in runs[1:])
    assert drawn.startswith("say <b>")
    assert "sky" in drawn


def test_titles_are_cut_with_an_ellipsis_and_whole_on_hover(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = sidebar_of(qtbot)
    sidebar.show_conversations([ConversationSummary("a", LONG_TITLE, "llama3.1:8b", NOW, NOW)])
    title, bold = painted(sidebar, 0)[0]
    assert bold
    assert title.endswith("…")
    assert LONG_TITLE.startswith(title[:-1])
    assert len(title) >= 20  # more than two words
    assert sidebar.list.item(0).toolTip().startswith(LONG_TITLE + "\n")


def test_chinese_results_are_matched_inside_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = sidebar_of(qtbot)
    summary = ConversationSummary("a", "天空", "qwen3:1.7b", NOW, NOW)
    search(qtbot, sidebar, "蓝色", [SearchHit(summary, "因为瑞利散射，天空看起来是蓝色的。")])
    assert sidebar.list.item(0).data(SNIPPET_ROLE) == [
        ("因为瑞利散射，天空看起来是", False),
        ("蓝色", True),
        ("的。", False),
    ]
    assert ("蓝色", True) in painted(sidebar, 0)


def test_the_list_opens_wide_enough_and_keeps_the_width_the_user_gave_it(
    qtbot, pool: WorkerPool, history_pool: WorkerPool, fake: FakeOllama, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, pool, history_pool, fake, settings, HistoryStore(tmp_path / "h.sqlite3"))
    dock, sidebar = window.history_pane.history_dock, window.history_pane.history_sidebar
    assert dock is not None
    assert sidebar is not None
    wanted = max(START_WIDTH, sidebar.fontMetrics().averageCharWidth() * START_CHARS)
    qtbot.waitUntil(lambda: sidebar.width() == wanted)
    assert window.chat_view.width() > sidebar.width()
    window.resizeDocks([dock], [wanted + 24], Qt.Orientation.Horizontal)  # the user drags it wider
    qtbot.waitUntil(lambda: sidebar.width() == wanted + 24)
    window.close()
    history_of(window).shutdown()
    qtbot.waitUntil(lambda: history_pool.active_threads() == 0)

    again = open_window(qtbot, pool, history_pool, fake, settings, HistoryStore(tmp_path / "h.sqlite3"))
    sidebar = again.history_pane.history_sidebar
    assert sidebar is not None
    qtbot.waitUntil(lambda: sidebar.width() == wanted + 24)
    again.close()


def test_a_chat_opened_from_a_result_marks_the_words(
    qtbot, pool: WorkerPool, history_pool: WorkerPool, fake: FakeOllama, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, pool, history_pool, fake, settings, HistoryStore(tmp_path / "h.sqlite3"))
    try:
        marks_in_result_chat(qtbot, window, fake)
    finally:
        window.close()


def marks_in_result_chat(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["Rayleigh <b>Scattering</b> makes it blue. <img src=x> scattering again."])
    ask(qtbot, window, "Why is the sky blue?")
    new_chat(qtbot, window)
    fake.script(tokens=["Boil the pasta."])
    ask(qtbot, window, "Dinner idea?")
    sidebar = window.history_pane.history_sidebar
    assert sidebar is not None
    with qtbot.waitSignal(history_of(window).search_finished):
        qtbot.keyClicks(sidebar.search_box, "scattering")
    assert sidebar.titles() == ["Why is the sky blue?"]
    item = sidebar.list.item(0)
    parts = item.data(SNIPPET_ROLE)
    assert [text for text, bold in parts if bold] == ["Scattering", "scattering"]
    assert "&lt;img src=x&gt;" in item.toolTip()
    assert "<img" not in item.toolTip()

    with qtbot.waitSignal(history_of(window).current_changed):
        click_row(qtbot, sidebar, 0)
    view = window.chat_view
    assert [s.cursor.selectedText() for s in view.extraSelections()] == ["Scattering", "scattering"]

    with qtbot.waitSignal(history_of(window).search_finished):
        sidebar.search_box.clear()
    assert view.extraSelections() == []

    # Opened again from a search, then another chat from the plain list: the marks go.
    with qtbot.waitSignal(history_of(window).search_finished):
        qtbot.keyClicks(sidebar.search_box, "BLUE")
    click_row(qtbot, sidebar, 0)  # the chat shown already: marked at once
    assert {s.cursor.selectedText() for s in view.extraSelections()} == {"blue"}
    with qtbot.waitSignal(history_of(window).search_finished):
        sidebar.search_box.clear()
    with qtbot.waitSignal(history_of(window).current_changed):
        click_row(qtbot, sidebar, 0)  # "Dinner idea?"
    assert "pasta" in view.toPlainText()
    assert view.extraSelections() == []
