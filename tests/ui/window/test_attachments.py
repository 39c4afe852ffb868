"""Files in the window (issue #20): the attach button, drops, pastes, chips, and Send with them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from ollama_desktop.controllers.attachments import AttachmentsController
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.context import ContextController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.attachments_pane import AttachmentsPane
from ollama_desktop.ui.chat.context_gauge import GREY, RED
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.attachment_files import png
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeModel, FakeOllama

SEEING = FakeModel(
    "gemma3:4b", 3_338_801_804, "4.3B", "Q4_K_M", "gemma3", capabilities=("completion", "vision")
)


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    """The sample models (which cannot see) and one that can."""
    server = FakeOllama([*sample_models(), SEEING]).start()
    try:
        yield server
    finally:
        server.stop()


def _pane(window: MainWindow) -> AttachmentsPane:
    return window.attachments_pane


def _files(window: MainWindow) -> AttachmentsController:
    return window.attachments_pane.attachments


def _read(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(_files(window)) > 0 and not _files(window).busy)


def _choose(window: MainWindow, model: str) -> None:
    picker = window.model_picker
    picker.setCurrentIndex(picker.findData(model))


def _knows(qtbot, window: MainWindow, *models: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the chat knows what these models can do (/api/show on a 0.24 server)."""
    chat = window._chat
    qtbot.waitUntil(lambda: all(chat.capabilities(model) is not None for model in models))


def _drop(window: MainWindow, mime: QMimeData) -> bool:
    """Drag `mime` over the window and drop it; whether the window took the drag."""
    point = QPoint(window.width() // 2, window.height() // 3)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, actions, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(point), actions, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def _urls(*paths: Path | str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) if isinstance(p, Path) else QUrl(p) for p in paths])
    return mime


def _links(window: MainWindow) -> dict[str, str]:
    """The links in the chat's notices: label -> href."""
    found: dict[str, str] = {}
    block = window.chat_view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                found[fragment.text()] = fragment.charFormat().anchorHref()
            fragments += 1
        block = block.next()
    return found


def _text_file(tmp_path: Path, name: str = "notes.txt", text: str = "The launch moved to Tuesday.") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _picture_file(tmp_path: Path, name: str = "chart.png") -> Path:
    path = tmp_path / name
    path.write_bytes(png(64, 48))
    return path


def test_the_composer_has_an_attach_button_and_chips(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    composer = window.composer
    button = composer.attach_button
    assert button.accessibleName() == "Attach files"
    assert not button.icon().isNull()
    assert composer.isAncestorOf(button)
    assert composer.isAncestorOf(_pane(window).chips)
    assert not _pane(window).chips.isVisibleTo(window)
    chosen = [_text_file(tmp_path), _picture_file(tmp_path)]
    asked: list[str] = []
    folders: list[str] = []

    def choose_files(_parent, _title, filters, folder):  # type: ignore[no-untyped-def]
        asked.append(filters)
        folders.append(folder)
        return [str(p) for p in chosen]

    monkeypatch.setattr(AttachmentsPane, "choose_files", staticmethod(choose_files))
    button.click()
    assert "*.png" in asked[0]
    assert "*.pdf" in asked[0]
    assert "All files (*)" in asked[0]
    assert folders == [QDir.homePath()]  # not the folder the app was started from
    _read(qtbot, window)
    chips = _pane(window).chips
    assert chips.isVisibleTo(window)
    text_chip, picture_chip = (chips.chip_named(name) for name in ("notes.txt", "chart.png"))
    assert text_chip is not None
    assert picture_chip is not None
    assert text_chip.detail_label.text() == "28 bytes · ~7 tokens"
    assert picture_chip.detail_label.text().endswith("~256 tokens")
    assert not picture_chip.icon_label.pixmap().isNull()
    # Removed with ×: the chip goes, and the file with it.
    picture_chip.remove_button.click()
    assert [a.name for a in _files(window).ready()] == ["notes.txt"]
    assert chips.chip_named("chart.png") is None
    button.click()  # the dialog opens again where the files were found
    assert folders[-1] == str(tmp_path)


def test_files_dropped_on_the_window_are_attached(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert _drop(window, _urls(_text_file(tmp_path), _picture_file(tmp_path)))
    _read(qtbot, window)
    assert [a.name for a in _files(window).ready()] == ["notes.txt", "chart.png"]
    assert window.prompt.toPlainText() == ""  # nothing went into the text


def test_a_dropped_folder_and_a_web_address_are_refused_in_words(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "Reports"
    folder.mkdir()
    assert _drop(window, _urls(folder))
    # In the chat, whole (the status bar would cut a sentence this long).
    qtbot.waitUntil(lambda: "“Reports” is a folder, not a file" in window.chat_view.toPlainText())
    assert len(_files(window)) == 0
    assert _drop(window, _urls("https://example.com/report.pdf"))
    assert "That is a web address, not a file on this computer" in window.chat_view.toPlainText()
    assert len(_files(window)) == 0


def test_a_picture_pasted_into_the_prompt_is_attached(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.prompt.setPlainText("What is this?")
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    mime = QMimeData()
    mime.setImageData(image)
    assert window.prompt.canInsertFromMimeData(mime)
    window.prompt.insertFromMimeData(mime)
    _read(qtbot, window)
    (picture,) = _files(window).ready()
    assert picture.name == "Pasted picture"
    assert (picture.width, picture.height) == (300, 200)
    assert window.prompt.toPlainText() == "What is this?"


def test_files_pasted_into_the_prompt_are_attached_and_text_is_text(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    window.prompt.insertFromMimeData(_urls(_text_file(tmp_path)))
    _read(qtbot, window)
    assert [a.name for a in _files(window).ready()] == ["notes.txt"]
    plain = QMimeData()
    plain.setText("just words")
    window.prompt.insertFromMimeData(plain)
    assert window.prompt.toPlainText() == "just words"
    # A web link pasted or dropped on the prompt is text, as it always was.
    window.prompt.insertFromMimeData(_urls("https://example.com/a"))
    assert "https://example.com/a" in window.prompt.toPlainText()
    assert len(_files(window)) == 1


def test_send_to_a_seeing_model_carries_the_picture_and_the_document(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, fake: FakeOllama, tmp_path: Path
) -> None:
    _choose(window, "gemma3:4b")
    _knows(qtbot, window, "gemma3:4b")
    path = _text_file(tmp_path)
    _files(window).add_paths([path, _picture_file(tmp_path)])
    _read(qtbot, window)
    path.unlink()  # read when added: it still goes
    window.prompt.setPlainText("When is the launch?")
    window.send_button.click()
    qtbot.waitUntil(lambda: not window._chat.busy and len(fake.requests_to("/api/chat")) == 1)
    message = fake.requests_to("/api/chat")[-1].json["messages"][-1]
    assert len(message["images"]) == 1
    assert "[File: notes.txt]" in message["content"]
    assert "Tuesday" in message["content"]
    assert message["content"].endswith("When is the launch?")
    assert window.prompt.toPlainText() == ""
    assert len(_files(window)) == 0
    assert not _pane(window).chips.isVisibleTo(window)
    assert "When is the launch?" in window.chat_view.toPlainText()


def test_files_alone_are_sent_without_text(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, fake: FakeOllama, tmp_path: Path
) -> None:
    _files(window).add_paths([_text_file(tmp_path)])
    _read(qtbot, window)
    window.send_button.click()
    qtbot.waitUntil(lambda: not window._chat.busy and len(fake.requests_to("/api/chat")) == 1)
    message = fake.requests_to("/api/chat")[-1].json["messages"][-1]
    assert message["content"].startswith("[File: notes.txt]")


def test_a_model_that_cannot_see_is_not_sent_pictures(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, fake: FakeOllama, tmp_path: Path
) -> None:
    _choose(window, "llama3.1:8b")
    _files(window).add_paths([_picture_file(tmp_path)])
    _read(qtbot, window)
    _knows(qtbot, window, "llama3.1:8b", "gemma3:4b", "gemma3:270m")  # looked up once a picture came
    window.prompt.setPlainText("What does the chart say?")
    window.send_button.click()
    transcript = window.chat_view.toPlainText()
    assert "llama3.1:8b cannot see pictures. gemma3:4b can:" in transcript
    assert fake.requests_to("/api/chat") == []
    assert window.prompt.toPlainText() == "What does the chart say?"
    assert [a.name for a in _files(window).ready()] == ["chart.png"]
    # One click on the link chooses the model that can see; Send then sends.
    href = _links(window)["Switch to gemma3:4b"]
    window.chat_view.anchorClicked.emit(QUrl(href))
    assert window.model_picker.current_model() == "gemma3:4b"
    assert window._chat.model == "gemma3:4b"
    window.send_button.click()
    qtbot.waitUntil(lambda: not window._chat.busy and len(fake.requests_to("/api/chat")) == 1)
    assert len(fake.requests_to("/api/chat")[-1].json["messages"][-1]["images"]) == 1


def test_a_chat_with_pictures_is_not_sent_to_a_model_that_cannot_see(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, fake: FakeOllama, tmp_path: Path
) -> None:
    # The whole history goes with every question: the server refuses any picture in it.
    _choose(window, "gemma3:4b")
    _files(window).add_paths([_picture_file(tmp_path)])
    _read(qtbot, window)
    _knows(qtbot, window, "llama3.1:8b", "gemma3:4b")
    window.prompt.setPlainText("What does the chart say?")
    window.send_button.click()
    qtbot.waitUntil(lambda: not window._chat.busy and len(fake.requests_to("/api/chat")) == 1)
    _choose(window, "llama3.1:8b")
    window.prompt.setPlainText("And in words?")
    window.send_button.click()
    assert "llama3.1:8b cannot see pictures. gemma3:4b can:" in window.chat_view.toPlainText()
    assert len(fake.requests_to("/api/chat")) == 1
    assert window.prompt.toPlainText() == "And in words?"


def test_when_no_model_can_see_the_models_window_is_offered(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, fake: FakeOllama, tmp_path: Path, monkeypatch
) -> None:
    fake.models.pop("gemma3:4b")
    with qtbot.waitSignal(window._connection.models_loaded):
        window._connection.refresh_models()
    opened: list[bool] = []
    monkeypatch.setattr(window.models_pane, "open_models", lambda: opened.append(True))
    _files(window).add_paths([_picture_file(tmp_path)])
    _read(qtbot, window)
    _knows(qtbot, window, "llama3.1:8b", "gemma3:270m")
    window.prompt.setPlainText("And this?")
    window.send_button.click()
    assert "none of the models installed here can" in window.chat_view.toPlainText()
    assert fake.requests_to("/api/chat") == []
    window.chat_view.anchorClicked.emit(QUrl(_links(window)["Open Models"]))
    assert opened == [True]


def test_send_while_a_file_is_read_waits(qtbot, window: MainWindow, fake: FakeOllama, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _files(window).add_paths([_text_file(tmp_path, "report.txt")])
    window.prompt.setPlainText("Summarise it.")
    assert _files(window).busy  # read on the pool: Send comes first here
    window.send_button.click()
    assert window.notice_text() == "Still reading report.txt…"
    assert window.prompt.toPlainText() == "Summarise it."
    _read(qtbot, window)
    assert fake.requests_to("/api/chat") == []
    window.send_button.click()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 1)
    qtbot.waitUntil(lambda: not window._chat.busy)


def test_a_failed_answer_gives_the_text_and_the_files_back(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, fake: FakeOllama, tmp_path: Path, monkeypatch
) -> None:
    # What llama3.1:8b can do is unknown here: the picture goes, and the server refuses it.
    monkeypatch.setattr(window._chat.models, "capabilities", lambda _model: None)
    _choose(window, "llama3.1:8b")
    _files(window).add_paths([_picture_file(tmp_path), _text_file(tmp_path)])
    _read(qtbot, window)
    window.prompt.setPlainText("Look at this.")
    window.send_button.click()
    qtbot.waitUntil(lambda: not window._chat.busy and len(fake.requests_to("/api/chat")) == 1)
    qtbot.waitUntil(lambda: window.prompt.toPlainText() == "Look at this.")
    assert [a.name for a in _files(window).ready()] == ["chart.png", "notes.txt"]
    chips = _pane(window).chips
    assert chips.isVisibleTo(window)
    assert chips.chip_named("chart.png") is not None
    assert "cannot see pictures" in window.chat_view.toPlainText()


@pytest.fixture
def gauged(qtbot, pool: WorkerPool, fake: FakeOllama, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The window with its context gauge, files read on the app's pool (as app.py builds it)."""
    settings.set_host_override(fake.url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100)
    context = ContextController(chat, residency, pool, lambda: connection.client)
    main = MainWindow(
        settings, connection, chat, residency, context=context, attachments=AttachmentsController(pool)
    )
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    yield main
    main.close()


def test_the_gauge_counts_the_files_and_warns_before_a_file_too_big(  # type: ignore[no-untyped-def]
    qtbot, gauged: MainWindow, fake: FakeOllama, tmp_path: Path
) -> None:
    window = gauged
    assert window.context_pane is not None
    gauge = window.context_pane.gauge
    window._chat.set_options(ChatOptions(num_ctx=512))
    qtbot.waitUntil(lambda: gauge.label.text() == "0 / 512 tokens")
    _files(window).add_paths([_text_file(tmp_path, "short.txt", "a few words")])
    _read(qtbot, window)
    tokens = _files(window).tokens()
    qtbot.waitUntil(lambda: gauge.label.text() == f"{tokens} / 512 tokens")
    assert gauge.level == GREY
    _files(window).add_paths([_text_file(tmp_path, "book.txt", "word " * 3000)])
    _read(qtbot, window)
    qtbot.waitUntil(lambda: gauge.level == RED)
    # Files alone, too big: the first Send warns, the second sends.
    window.send_button.click()
    assert window.notice_text().startswith("This question may not fit")
    assert fake.requests_to("/api/chat") == []
    window.send_button.click()
    qtbot.waitUntil(lambda: not window._chat.busy and len(fake.requests_to("/api/chat")) == 1)
    assert len(_files(window)) == 0  # sent: the chips are gone, the file is in the chat now


def test_more_than_ten_files_are_refused_in_words(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = [_text_file(tmp_path, f"part{number}.txt", f"part {number}") for number in range(12)]
    assert _drop(window, _urls(*paths))
    assert "At most 10 files go with one question: 2 more were left out." in window.chat_view.toPlainText()
    _read(qtbot, window)
    assert len(_pane(window).chips.chips) == 10


def test_a_copy_from_a_spreadsheet_pastes_as_text(window: MainWindow) -> None:
    mime = QMimeData()
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    mime.setImageData(image)  # a picture of the cells, beside their text
    mime.setText("Q3\t12%")
    window.prompt.insertFromMimeData(mime)
    assert window.prompt.toPlainText() == "Q3\t12%"
    assert len(_files(window)) == 0
