"""Killing the app (SIGKILL) in the middle of an answer loses at most the last second of it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ollama_desktop.core.history.store import HistoryStore, MessageStatus
from tests.fake_ollama import FakeOllama

ROOT = Path(__file__).resolve().parents[1]
# How long the answer streams before the kill; several save periods (FLUSH_MS) fit in it.
STREAM_S = 3.0
# The promise: at most the last second of text is lost.
MAX_LOST_S = 1.0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_killed_mid_answer_the_question_and_all_but_the_last_second_are_saved(
    fake: FakeOllama, tmp_path: Path
) -> None:
    tokens = [f" w{i:05d}" for i in range(100_000)]
    fake.script(tokens=tokens, chunk_delay=0.002)
    db = tmp_path / "history.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    errors = tmp_path / "stderr.txt"
    seen: list[tuple[float, int]] = []  # (when this process read it, the answer's length then)
    streamed_enough = threading.Event()
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-m", "tests.drive_history", fake.url, str(db), "Tell me everything"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as process,
    ):

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith("chars "):
                    seen.append((time.monotonic(), int(line.split()[1])))
                    if seen[-1][0] - seen[0][0] >= STREAM_S:
                        streamed_enough.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            assert streamed_enough.wait(30), errors.read_text()
        finally:
            killed_at = time.monotonic()
            process.kill()  # SIGKILL: no closeEvent, no last save
            process.wait(10)
            reader.join(10)
    assert process.returncode == -9, errors.read_text()

    store = HistoryStore(db)
    report = store.open()  # what the next start of the app does: it finds the cut answer
    (summary,) = store.list_conversations()
    conversation = store.load(summary.uid)
    store.close()
    assert report.interrupted_answers == 1
    question, answer = conversation.path
    assert (question.content, question.status) == ("Tell me everything", MessageStatus.SENT)
    assert answer.status is MessageStatus.INTERRUPTED
    full = "".join(tokens)
    assert full.startswith(answer.content)
    # Everything the window had shown a second before the kill is in the file.
    shown_a_second_before = max(chars for when, chars in seen if when <= killed_at - MAX_LOST_S)
    shown_at_kill = seen[-1][1]
    assert len(answer.content) >= shown_a_second_before, (len(answer.content), seen[-20:], killed_at)
    lost = shown_at_kill - len(answer.content)
    rate = (seen[-1][1] - seen[0][1]) / (seen[-1][0] - seen[0][0])
    print(
        f"\nSIGKILL after {STREAM_S:.0f} s: {shown_at_kill} chars shown, {len(answer.content)} saved, "
        f"{max(lost, 0)} lost ≈ {max(lost, 0) / rate:.2f} s of text at {rate:.0f} chars/s"
    )
