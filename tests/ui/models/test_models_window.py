"""The models window, downloads, the first-run screens, and the offer to download a missing model."""

from __future__ import annotations

import doctest
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt

from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.settings import Settings
from ollama_desktop.ui import screen_fit
from ollama_desktop.ui.chat.welcome_panel import Screen, WelcomePanel
from ollama_desktop.ui.models import dialog as models_dialog
from ollama_desktop.ui.models.dialog import ModelsDialog
from ollama_desktop.ui.screen_fit import fit_to_screen
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeModel, FakeOllama

SMALL = FakeModel("gemma3:1b", 815_319_791, "999.89M", family="gemma3")


def make_window(qtbot, pool: WorkerPool, settings: Settings, url: str) -> MainWindow:  # type: ignore[no-untyped-def]
    settings.set_host_override(url)
    connection = ConnectionController(
        pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50, recheck_ms=100, models_ms=100
    )
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client)
    models = ModelsController(pool, lambda: connection.client)
    window = MainWindow(settings, connection, chat, residency, models=models)
    qtbot.addWidget(window)
    window.show()
    connection.start()
    return window


@pytest.fixture
def window(qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    fake.registry[SMALL.name] = SMALL
    main = make_window(qtbot, pool, settings, fake.url)
    qtbot.waitUntil(lambda: main.model_picker.count() == 2)
    yield main
    main.close()


def open_models(qtbot, window: MainWindow) -> ModelsDialog:  # type: ignore[no-untyped-def]
    window.window_actions.models_action.trigger()
    dialog = window.models_pane._models_dialog
    assert dialog is not None
    return dialog


def test_models_window_lists_details_and_capabilities(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load("gemma3:270m")
    window._residency.refresh_now()
    qtbot.waitUntil(lambda: bool(window._residency.loaded))
    dialog = open_models(qtbot, window)
    cells = dialog.table_model
    assert [cells.text(row, 0) for row in range(cells.rowCount())] == ["llama3.1:8b", "gemma3:270m"]
    assert cells.text(0, 1) == "8.0B"
    assert cells.text(0, 3) == "4.9 GB"
    assert cells.text(1, 5) == "yes"  # in memory
    qtbot.waitUntil(lambda: cells.text(0, 6) == "chat")
    dialog.table.selectRow(0)
    qtbot.waitUntil(lambda: "Longest context:" in dialog.details.toPlainText())
    facts = dialog.details.toPlainText()
    assert "Family: llama" in facts
    assert "Size on disk: 4.9 GB" in facts
    assert "Can do: chat" in facts
    # The raw parts (template, stop words) are folded under "Advanced", closed until clicked.
    assert "Template:" not in facts
    assert "<|end|>" not in facts
    assert not dialog.advanced.isVisible()
    assert "Template:" in dialog.advanced.toPlainText()
    assert '"<|end|>"' in dialog.advanced.toPlainText()  # the stop word
    dialog.advanced_button.click()
    assert dialog.advanced.isVisible()
    dialog.advanced_button.click()
    assert not dialog.advanced.isVisible()


def test_delete_confirmation_is_true_for_downloaded_and_home_made_models(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(models_dialog, "ask_yes_no", answer)
    assert not ModelsDialog.confirm_delete(None, "my-own-model")  # type: ignore[arg-type]
    assert asked == [
        "Delete my-own-model from this Ollama server? If it came from ollama.com, downloading it again "
        "takes time; a model you made yourself is gone for good."
    ]


LONG_NAME = "hf.co/bartowski/Llama-3.1-8B-Inst:Q4_K_M"  # 40 characters


def test_a_long_name_gets_the_room_and_its_whole_text_on_hover(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    assert len(LONG_NAME) == 40
    fake.add_model(
        FakeModel(LONG_NAME, 4_900_000_000, "8.0B", family="llama", capabilities=("completion", "tools"))
    )
    window._connection.refresh_models()
    qtbot.waitUntil(lambda: window.model_picker.count() == 3)
    dialog = open_models(qtbot, window)
    qtbot.waitUntil(lambda: dialog.table_model.row_of(LONG_NAME) >= 0)
    fit_to_screen(dialog, dialog.PREFERRED_SIZE, QRect(0, 0, 1366, 728))
    row = dialog.table_model.row_of(LONG_NAME)
    qtbot.waitUntil(lambda: dialog.table_model.text(row, 6) == "chat, tools")
    header = dialog.table.horizontalHeader()
    qtbot.waitUntil(
        lambda: header.sectionSize(6) >= dialog.table.fontMetrics().horizontalAdvance("chat, tools")
    )
    # The name column has the room; "Modified" shows the day only, its time on hover.
    assert header.sectionSize(0) > header.sectionSize(4)
    day = dialog.table_model.text(row, 4)
    assert day
    assert dialog.table_model.tooltip(row, 4).startswith(day + " ")
    assert len(dialog.table_model.tooltip(row, 4)) > len(day) + 3  # and the time
    # Whatever the table cuts, the whole text is the cell's tooltip.
    assert dialog.table_model.tooltip(row, 0) == LONG_NAME
    assert dialog.table_model.tooltip(row, 6) == "chat, tools"
    shown = dialog.table.fontMetrics().elidedText(
        LONG_NAME, Qt.TextElideMode.ElideMiddle, header.sectionSize(0) - 8
    )
    assert shown == LONG_NAME  # at 1366 pixels wide, a 40-character name is shown whole
    size = dialog.size() + screen_fit.WINDOW_FRAME
    assert size.width() <= 1366
    assert size.height() <= 728


def test_dialog_helpers_doctests() -> None:
    for module in (models_dialog, screen_fit):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0
        assert result.failed == 0


def test_suggested_downloads_say_what_each_is_for_and_whether_it_fits(
    qtbot, pool: WorkerPool, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    controller = ModelsController(pool, lambda: client)
    dialog = ModelsDialog(controller, fake.url, memory=3_000_000_000)  # a small computer: 3 GB
    qtbot.addWidget(dialog)
    texts = [dialog.pull_name.itemText(i) for i in range(dialog.pull_name.count())]
    assert texts[0] == "gemma3:1b (815 MB): small and fast, for quick chats · fits this computer's memory"
    assert "a good start" not in " ".join(texts)
    assert len({text.split(": ", 1)[1].split(" · ")[0] for text in texts}) == len(texts)  # each for something
    assert texts[-1].startswith("gemma3:4b (3.3 GB): also understands pictures")
    assert texts[-1].endswith("too big for this computer's memory")  # 3.3 GB × 1.2 > 3 GB
    unknown = ModelsDialog(controller, "http://gpu-box:11434")  # another computer's memory: not said
    qtbot.addWidget(unknown)
    assert "memory" not in unknown.pull_name.itemText(0)


def test_delete_with_confirmation_updates_list_and_picker(
    qtbot, window: MainWindow, fake: FakeOllama, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_models(qtbot, window)
    answers = iter([False, True])
    monkeypatch.setattr(ModelsDialog, "confirm_delete", staticmethod(lambda parent, name: next(answers)))
    dialog.table.selectRow(1)
    dialog.delete_button.click()  # "No": nothing happens
    assert fake.requests_to("/api/delete") == []
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: window.model_picker.count() == 1)
    assert dialog.table_model.rowCount() == 1
    assert "gemma3:270m was deleted." in dialog.status_label.text()
    assert fake.requests_to("/api/delete")[0].json == {"model": "gemma3:270m"}


def details_follow_the_selection(dialog: ModelsDialog) -> bool:
    """The details pane is about the selected row, or empty when none is selected."""
    text = dialog.details.toPlainText()
    selected = dialog.selected_model()
    if not selected:
        return text == ""
    return text.startswith(selected) or text == f"Loading details of {selected}…"


def test_after_a_delete_the_details_never_show_the_deleted_model(
    qtbot, window: MainWindow, fake: FakeOllama, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fake.add_model(FakeModel("phi4:14b", 9_100_000_000, "14.7B", family="phi3"))
    window._connection.refresh_models()
    qtbot.waitUntil(lambda: window.model_picker.count() == 3)
    dialog = open_models(qtbot, window)
    monkeypatch.setattr(ModelsDialog, "confirm_delete", staticmethod(lambda parent, name: True))
    dialog.select_model("llama3.1:8b")  # the middle row
    qtbot.waitUntil(lambda: "Template:" in dialog.advanced.toPlainText())
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: dialog.table_model.rowCount() == 2)
    assert "llama3.1:8b" not in dialog.details.toPlainText()
    assert details_follow_the_selection(dialog)
    assert not dialog.delete_button.isEnabled() or dialog.selected_model() != "llama3.1:8b"


def test_a_model_removed_elsewhere_leaves_the_details(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    dialog = open_models(qtbot, window)
    dialog.select_model("gemma3:270m")
    qtbot.waitUntil(lambda: "Template:" in dialog.advanced.toPlainText())
    fake.remove_model("gemma3:270m")  # `ollama rm` in a terminal, the window open
    qtbot.waitUntil(lambda: dialog.table_model.row_of("gemma3:270m") < 0)
    assert dialog.details.toPlainText() == ""
    assert dialog.selected_model() == ""
    assert not dialog.delete_button.isEnabled()


def test_models_pulled_elsewhere_appear_while_open_and_when_opened_again(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_models(qtbot, window)
    dialog.select_model("gemma3:270m")
    fake.add_model(FakeModel("phi4:14b", 9_100_000_000, "14.7B", family="phi3"))  # a terminal pull
    qtbot.waitUntil(lambda: dialog.table_model.row_of("phi4:14b") == 0)
    assert window.model_picker.count() == 3
    assert dialog.selected_model() == "gemma3:270m"  # the selection stays on its model
    dialog.close()
    assert not window._connection.watching_models  # closed: no more reading for it
    fake.add_model(FakeModel("qwen3:4b", 2_500_000_000, "4.0B", family="qwen3"))
    dialog = open_models(qtbot, window)
    qtbot.waitUntil(lambda: dialog.table_model.row_of("qwen3:4b") == 0)
    assert window._connection.watching_models


def test_details_are_asked_once_per_model_version(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window._chat.capabilities("llama3.1:8b") is not None)  # the chat's own look-up
    before = len(fake.requests_to("/api/show"))
    dialog = open_models(qtbot, window)
    # Both rows are in view: wait for both answers (closing the window would cancel one on its way).
    qtbot.waitUntil(lambda: dialog.table_model.text(0, 6) == dialog.table_model.text(1, 6) == "chat")
    dialog.select_model("gemma3:270m")
    qtbot.waitUntil(lambda: "Template:" in dialog.advanced.toPlainText())
    dialog.close()
    dialog = open_models(qtbot, window)
    dialog.select_model("llama3.1:8b")
    assert "Template:" in dialog.advanced.toPlainText()  # kept: shown at once
    assert len(fake.requests_to("/api/show")) - before == 2
    fake.add_model(FakeModel("gemma3:270m", 253_113_877, "268.10M", family="gemma3"))  # pulled again
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/show")) - before == 3)
    assert fake.requests_to("/api/show")[-1].json == {"model": "gemma3:270m"}


def test_details_that_fail_say_so_and_are_asked_again_when_picked(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window._chat.capabilities("llama3.1:8b") is not None)
    fake.route_override["/api/show"] = (500, b'{"error":"model blob is corrupt"}', "application/json")
    dialog = open_models(qtbot, window)
    dialog.select_model("gemma3:270m")
    qtbot.waitUntil(lambda: "model blob is corrupt" in dialog.details.toPlainText())
    qtbot.waitUntil(lambda: dialog._loader.pending == 0)
    asked = len(fake.requests_to("/api/show"))
    del fake.route_override["/api/show"]
    dialog.select_model("llama3.1:8b")  # failed too (it was in view): picked, it is asked again
    qtbot.waitUntil(lambda: "Template:" in dialog.advanced.toPlainText())
    assert len(fake.requests_to("/api/show")) == asked + 1
    assert dialog.table_model.text(1, 6) == ""  # gemma's failure is remembered: not asked again unseen


def test_pull_with_progress_then_ready(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.pull_delay = 0.05
    fake.pull_steps = 6
    dialog = open_models(qtbot, window)
    dialog.pull_name.setCurrentIndex(0)  # the first suggestion
    assert dialog.pull_box.pull_text() == "gemma3:1b"
    fractions: list[int] = []
    dialog.progress.valueChanged.connect(fractions.append)
    dialog.pull_button.click()
    assert dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: "ready to chat" in dialog.pull_label.text(), timeout=5000)
    assert fractions == sorted(fractions)
    assert len(set(fractions)) >= 2  # the bar moved through the download
    qtbot.waitUntil(lambda: window.model_picker.count() == 3)
    assert not dialog.progress.isVisible()


def test_pull_offline_and_unknown_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = open_models(qtbot, window)
    dialog.pull_name.setEditText("mistral:7b")
    dialog.pull_button.click()
    qtbot.waitUntil(lambda: "connected to the internet" in dialog.pull_label.text())
    assert dialog.pull_button.isEnabled()


def test_pull_error_inside_the_stream(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.pull_error = "pull model manifest: file does not exist"
    dialog = open_models(qtbot, window)
    dialog.pull_name.setEditText("gemma3:1b")
    dialog.pull_button.click()
    qtbot.waitUntil(lambda: "no model called “gemma3:1b”" in dialog.pull_label.text())


def test_cancel_pull_closes_the_connection(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.pull_steps = 1000
    fake.pull_delay = 0.01
    dialog = open_models(qtbot, window)
    dialog.pull_name.setEditText("gemma3:1b")
    dialog.pull_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0)
    dialog.cancel_button.click()
    assert "cancelled" in dialog.pull_label.text()
    assert fake.requests_to("/api/pull")[-1].client_hung_up.wait(5)
    assert "gemma3:1b" not in fake.models


def test_missing_model_offers_to_download_it(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.registry["llama3.1:8b"] = fake.models.pop("llama3.1:8b")  # deleted elsewhere; still in the library
    window.prompt.setPlainText("hello")
    window.send_button.click()
    qtbot.waitUntil(window.models_pane.offer_bar.isVisible)
    assert "“llama3.1:8b” is not installed" in window.models_pane.offer_label.text()
    window.models_pane.offer_button.click()
    dialog = window.models_pane._models_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: "ready to chat" in dialog.pull_label.text(), timeout=5000)
    assert "llama3.1:8b" in fake.models
    assert window.prompt.toPlainText() == "hello"  # the question waits to be sent again


def test_first_run_not_running_then_appears(qtbot, pool: WorkerPool, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    server = FakeOllama(sample_models()).start()
    port, url = server.port, server.url
    server.stop()
    window = make_window(qtbot, pool, settings, url)
    qtbot.waitUntil(lambda: window.chat_stack.currentWidget() is window.welcome)
    assert window.welcome.current is Screen.NOT_RUNNING
    assert "https://ollama.com/download" in window.welcome.body.text()
    revived = FakeOllama(sample_models(), port=port).start()
    try:
        qtbot.waitUntil(lambda: window.chat_stack.currentWidget() is window.chat_view, timeout=5000)
        revived.stop()
        qtbot.waitUntil(lambda: window.chat_stack.currentWidget() is window.welcome, timeout=5000)
    finally:
        revived.stop()
        window.close()


def test_screen_for_another_computer(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = WelcomePanel()
    qtbot.addWidget(panel)
    panel.show_screen(Screen.HOST_UNREACHABLE, "http://gpu-box:11434")
    assert "http://gpu-box:11434" in panel.body.text()
    assert panel.settings_button.isVisibleTo(panel)
    assert not any(button.isVisibleTo(panel) for button in panel.pull_buttons)


def test_first_run_no_models_and_download(qtbot, pool: WorkerPool, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    server = FakeOllama([]).start()
    server.registry[SMALL.name] = SMALL
    try:
        window = make_window(qtbot, pool, settings, server.url)
        qtbot.waitUntil(lambda: window.welcome.current is Screen.NO_MODELS)
        assert window.chat_stack.currentWidget() is window.welcome
        window.welcome.pull_buttons[0].click()
        qtbot.waitUntil(lambda: window.chat_stack.currentWidget() is window.chat_view, timeout=5000)
        assert window.model_picker.current_model() == "gemma3:1b"
        window.close()
    finally:
        server.stop()


def test_welcome_never_hides_a_conversation(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, pool, settings, fake.url)
    qtbot.waitUntil(lambda: window.model_picker.count() == 2)
    window.prompt.setPlainText("hi")
    window.send_button.click()
    qtbot.waitUntil(lambda: "tokens/s" in window.reply_label.text())
    fake.stop()
    window._connection.check_now()
    qtbot.waitUntil(lambda: "not reachable" in window.connection_label.text(), timeout=5000)
    assert window.chat_stack.currentWidget() is window.chat_view
    window.close()


def test_benchmark_opens_from_the_main_window(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings.set_host_override(fake.url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS)
    chat = ChatController(pool, lambda: connection.client)
    benchmark = BenchmarkController(pool, lambda: connection.client, tmp_path / "benchmarks.jsonl")
    residency = ResidencyController(pool, lambda: connection.client)
    window = MainWindow(settings, connection, chat, residency, benchmark=benchmark)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    assert window.window_actions.benchmark_action.isVisible()
    dialog = window.models_pane.open_benchmark()
    assert dialog is not None
    assert dialog.isVisible()
    # The main window's model is the one ticked, one question, two runs: two runs in all.
    current = window.model_picker.current_model()
    assert current
    assert dialog.chosen_models() == [current]
    assert dialog.setup.run_count() == 2
    assert window.models_pane.open_benchmark() is dialog  # one dialog, kept with its results
    other = next(m.name for m in connection.models if m.name != current)
    window.model_picker.setCurrentIndex(window.model_picker.findData(other))
    assert window.model_picker.current_model() == other
    assert window.models_pane.open_benchmark() is dialog
    assert dialog.chosen_models() == [other]  # the ticks were the default: they follow the window
    window.close()
