"""Stop latency and time to first token, through the app's controller and with raw requests.

Run: `python -m tests.perf.chat_latency` (offscreen). Prints median and worst over the rounds.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import requests
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.workers import WorkerPool
from tests.conftest import sample_models
from tests.fake_ollama import FakeOllama

ROUNDS = 30


def wait_until(condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def summary(name: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"{name:<48} median {statistics.median(ms):7.2f} ms   worst {ms[-1]:7.2f} ms   (n={len(ms)})"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    fake = FakeOllama(sample_models()).start()
    pool = WorkerPool()
    client = OllamaClient(fake.url)
    chat = ChatController(pool, lambda: client)
    chat.set_model("llama3.1:8b")
    first: list[float] = []
    chat.first_token_arrived.connect(lambda _s: first.append(time.monotonic()))

    stop_mid, stop_queued, ttft_app, ttft_raw = [], [], [], []
    for _ in range(ROUNDS):
        # Stop mid-stream: from stop() to the server seeing the connection closed.
        fake.script(tokens=[f" t{i}" for i in range(100_000)], chunk_delay=0.001)
        first.clear()
        chat.send("talk")
        wait_until(lambda: first)
        started = time.monotonic()
        chat.stop()
        request = fake.requests_to("/api/chat")[-1]
        request.client_hung_up.wait(5)
        stop_mid.append((request.hung_up_at or time.monotonic()) - started)

        # Stop while the request waits for the first byte (model loading).
        fake.script(tokens=["x"], first_byte_delay=30)
        chat.send("load")
        wait_until(
            lambda: (
                len(fake.requests_to("/api/chat"))
                and fake.requests_to("/api/chat")[-1].json["messages"][-1]["content"] == "load"
            )
        )
        started = time.monotonic()
        chat.stop()
        request = fake.requests_to("/api/chat")[-1]
        request.client_hung_up.wait(5)
        stop_queued.append((request.hung_up_at or time.monotonic()) - started)
        chat.new_chat()

        # Time to first token through the controller (Send to the signal on the GUI thread) ...
        fake.script(tokens=["a", "b", "c"])
        first.clear()
        started = time.monotonic()
        chat.send("hi")
        wait_until(lambda: first)
        ttft_app.append(first[0] - started)
        wait_until(lambda: not chat.busy)
        chat.new_chat()

        # ... and with plain requests, the way the original script did it.
        fake.script(tokens=["a", "b", "c"])
        started = time.monotonic()
        with requests.post(
            f"{fake.url}/api/chat",
            json={"model": "llama3.1:8b", "messages": [{"role": "user", "content": "hi"}]},
            stream=True,
            timeout=10,
        ) as response:
            next(response.iter_lines())
            ttft_raw.append(time.monotonic() - started)
            for _line in response.iter_lines():
                pass

    print(summary("Stop mid-stream -> server sees hang-up", stop_mid))
    print(summary("Stop while waiting for first byte -> hang-up", stop_queued))
    print(summary("time to first token, app (Send -> GUI signal)", ttft_app))
    print(summary("time to first token, raw requests", ttft_raw))
    QTimer.singleShot(0, app.quit)
    pool.shutdown(2000)
    fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
