"""The app talks to the configured Ollama and nothing else, and loads nothing an answer points at."""

from __future__ import annotations

import socket
import sys
import threading
from typing import Any

from ollama_desktop.settings import Settings
from ollama_desktop.workers import WorkerPool
from tests.fake_ollama import FakeOllama
from tests.faults.conftest import StallMeter, open_app

# While a test records, this list starts with RECORDING and collects every address connected to.
RECORDING = ("recording",)
_recording: list[Any] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    # Audit hooks cannot be removed; this one only records while a test switched it on.
    if _recording and event == "socket.connect":
        _recording.append(args[1])


sys.addaudithook(_audit)


class Listener:
    """A bare TCP port that counts who connects to it (a remote image host, in the test)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def test_only_the_configured_host_is_contacted(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    _recording.clear()
    _recording.append(RECORDING)
    try:
        app = open_app(qtbot, pool, settings, fake.url)
        fake.script(tokens=["Hi", " there", " — see https://example.com"])
        app.ask("hello")
        qtbot.waitUntil(lambda: "tokens/s" in app.window.reply_label.text())
        app.window.window_actions.warm_up_action.trigger()
        # The chat loaded the model already: wait for the warm-up's own answer, or its request could
        # reach the server after the unload and load the model again.
        qtbot.waitUntil(lambda: not app.residency.loading and bool(app.window.residency_indicator.chips))
        app.window.window_actions.free_memory_action.trigger()
        qtbot.waitUntil(lambda: "Freed" in app.window.notice_text())
        contacted = {args for args in _recording[1:]}
    finally:
        _recording.clear()
    assert contacted == {("127.0.0.1", fake.port)}


def test_images_in_an_answer_are_not_loaded(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    listener = Listener()
    try:
        app = open_app(qtbot, pool, settings, fake.url)
        image = f"http://127.0.0.1:{listener.port}/img.png"
        fake.script(tokens=["Look: ", f"![x]({image})", "\n\n", f'<img src="{image}">', " done"])
        app.ask("show me")
        qtbot.waitUntil(lambda: "tokens/s" in app.window.reply_label.text())
        app.window.resize(app.window.width() + 10, app.window.height())  # a re-layout, a repaint
        qtbot.waitUntil(app.window.chat_view.isVisible)
        assert listener.connections == 0
    finally:
        with stall.excluding():
            listener.close()
