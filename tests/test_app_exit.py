"""The whole app as a process: it exits with status 0 after a long answer, and when closed mid-stream."""

from __future__ import annotations

import subprocess

from tests.fake_ollama import FakeOllama
from tests.processes import run_python


def run_app(fake: FakeOllama, *args: str) -> subprocess.CompletedProcess[str]:
    return run_python("-m", "tests.drive_app", fake.url, *args)


def test_exits_zero_after_streaming_thousands_of_tokens(fake: FakeOllama) -> None:
    tokens = [f" token{i}" for i in range(5000)]
    fake.script(tokens=tokens)
    result = run_app(fake, "Write a long story")
    assert result.returncode == 0, result.stderr
    assert f"kept {len('Write a long story') + len(''.join(tokens))} chars" in result.stdout
    assert fake.requests_to("/api/chat")[-1].json["messages"][-1]["content"] == "Write a long story"


def test_closing_mid_stream_keeps_the_answer_and_exits_zero(fake: FakeOllama) -> None:
    fake.script(tokens=[f" w{i}" for i in range(100_000)], chunk_delay=0.002)
    result = run_app(fake, "Never stop talking", "300")
    assert result.returncode == 0, result.stderr
    kept = int(result.stdout.split("kept ")[1].split()[0])
    # The question and the part of the answer that arrived are both still in the conversation.
    assert kept > len("Never stop talking") + 200
    # The app closed the connection, so the fake stopped generating long before the end.
    request = fake.requests_to("/api/chat")[-1]
    assert request.client_hung_up.wait(5)
    assert request.tokens_sent < 100_000
