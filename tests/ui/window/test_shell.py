"""The window as a chat app (issue 18, item 4): a header with the pickers, the memory chip and icon
buttons; no text toolbar; a composer with Send/Stop inside; a readable chat column; light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QToolBar, QToolButton

from ollama_desktop.ui import color_scheme
from ollama_desktop.ui.chat.theme import ChatTheme
from ollama_desktop.ui.chat.view import CHAT_COLUMN_WIDTH
from ollama_desktop.ui.elided_label import ElidedLabel
from ollama_desktop.ui.icons import icon
from ollama_desktop.ui.screen_fit import WINDOW_FRAME, fit_to_screen
from ollama_desktop.ui.window.main_window import MainWindow
from tests.fake_ollama import FakeOllama


def test_the_header_holds_icons_for_the_tools_and_there_is_no_text_toolbar(window: MainWindow) -> None:
    assert window.findChildren(QToolBar) == []
    buttons = {button.defaultAction(): button for button in window.header.findChildren(QToolButton)}
    actions = window.window_actions
    for action in (
        actions.models_action,
        actions.benchmark_action,
        actions.options_action,
        actions.server_action,
    ):
        button = buttons[action]
        assert not button.icon().isNull()
        assert button.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonIconOnly
        assert button.toolTip()  # what it does, in words
    assert window.header.isAncestorOf(window.model_picker)
    assert window.header.isAncestorOf(window.residency_indicator)  # the one place to see memory
    assert not window.status_line.isAncestorOf(window.residency_indicator)


def test_send_and_stop_share_the_composer(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    composer = window.composer
    assert composer.isAncestorOf(window.prompt)
    assert composer.isAncestorOf(window.send_button)
    assert window.send_button.isVisibleTo(window)
    assert not window.stop_button.isVisibleTo(window)
    fake.script(tokens=["word "] * 200, chunk_delay=0.01)
    window.prompt.setPlainText("Why?")
    window.send_button.click()
    qtbot.waitUntil(lambda: window.stop_button.isVisibleTo(window))
    assert not window.send_button.isVisibleTo(window)
    window.stop_button.click()
    qtbot.waitUntil(lambda: window.send_button.isVisibleTo(window))
    assert window.send_button.accessibleName() == "Send"


def test_a_wide_window_keeps_the_chat_a_readable_column(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1900, 900)
    view = window.chat_view
    qtbot.waitUntil(lambda: view.width() > CHAT_COLUMN_WIDTH + 200)
    margins = view.viewportMargins()
    assert view.viewport().width() <= CHAT_COLUMN_WIDTH
    assert abs(margins.left() - margins.right()) <= 1  # centred
    assert window.composer.width() <= CHAT_COLUMN_WIDTH
    window.resize(700, 600)
    qtbot.waitUntil(lambda: view.viewportMargins().left() == 0)


def test_the_first_window_fits_a_laptop_screen(window: MainWindow) -> None:
    size = fit_to_screen(window, QSize(1000, 720), QRect(0, 0, 1366, 728))
    assert size.width() + WINDOW_FRAME.width() <= 1366
    assert size.height() + WINDOW_FRAME.height() <= 728


def test_icons_are_drawn_in_the_palettes_text_colour(qapp: QApplication) -> None:
    light, dark = QPalette(qapp.palette()), color_scheme.dark_palette()
    for palette in (light, dark):
        image = icon("arrow-up", palette, 24).pixmap(24, 24).toImage()
        colours = {
            image.pixelColor(x, y).name()
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha() == 255
        }
        assert palette.color(QPalette.ColorRole.ButtonText).name() in colours


@pytest.mark.parametrize(("asked", "dark"), [("dark", True), ("light", False)])
def test_the_colour_scheme_can_be_asked_for(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, asked: str, dark: bool
) -> None:
    monkeypatch.setenv(color_scheme.OVERRIDE, asked)
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    try:
        assert color_scheme.apply_color_scheme(qapp) is dark
        assert ChatTheme.for_palette(qapp.palette()) == (
            ChatTheme.for_palette(color_scheme.dark_palette()) if dark else ChatTheme.for_palette(palette)
        )
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


def test_without_a_wish_the_system_decides(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(color_scheme.OVERRIDE, raising=False)
    assert color_scheme.wanted_scheme(qapp) == qapp.styleHints().colorScheme()


def test_a_long_status_is_cut_with_an_ellipsis_and_whole_on_hover(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = "The answer stopped at the limit you set for its length; the app keeps what arrived so far."
    window.show_notice(text)
    label = window.status_line.notice_label
    label.resize(200, label.height())
    shown = QLabel.text(label)  # what is drawn
    assert shown.endswith("…")
    assert text.startswith(shown[:-1])
    assert label.text() == text
    assert label.toolTip() == text
    label.resize(2000, label.height())
    assert QLabel.text(label) == text


def test_a_long_model_name_ends_in_an_ellipsis_and_is_whole_on_hover(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    picker = window.model_picker
    picker.resize(160, picker.height())
    picker.grab()  # paints: the label is cut to the room, the tooltip has all of it
    assert picker.currentText() in picker.toolTip()
    assert picker.fontMetrics().horizontalAdvance(picker.currentText()) > 160


def test_a_cut_status_shows_server_words_as_text_on_hover(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = ElidedLabel("Waiting for " + 'x<img src="/dev/zero">' * 20)
    qtbot.addWidget(label)
    label.resize(150, 20)
    assert QLabel.text(label).endswith("…")
    assert "&lt;img" in label.toolTip()  # escaped: Qt would draw a raw "<img" as markup
