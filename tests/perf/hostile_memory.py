"""Peak memory of the client against the issue-16 floods: huge, endless and compressed answers.

Run: `python -m tests.perf.hostile_memory [case ...]` (all cases by default). Each case runs the
real client, with the app's own caps and timeouts, in a fresh process against the fake server in
this one, and prints that process's peak RSS (`ru_maxrss`), its RSS before the call (the imports),
the error the call ended with and how long it took. The goal is a peak of at most 300 MB each.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.fake_ollama import FakeOllama, RawAnswer, gzip_bomb, repeated

MB = 1024 * 1024
PIECE = 64 * 1024
GOAL_MB = 300
# case -> (path, the fake's answer, the client call, as the client process runs it)
CASES: dict[str, tuple[str, Callable[[], RawAnswer], str]] = {
    "a 500 with a 200 MB body": (
        "/api/chat",
        lambda: RawAnswer(
            500, [("Content-Type", "text/plain")], body=repeated(b"x" * PIECE, 200 * MB // PIECE)
        ),
        "chat",
    ),
    "a 10 MB gzip body that unpacks to 10 GB (/api/tags)": (
        "/api/tags",
        lambda: RawAnswer(200, [("Content-Encoding", "gzip")], body=gzip_bomb(10 * 1024 * MB)),
        "tags",
    ),
    "the same gzip bomb as a chat stream": (
        "/api/chat",
        lambda: RawAnswer(200, [("Content-Encoding", "gzip")], body=gzip_bomb(10 * 1024 * MB)),
        "chat",
    ),
    "an endless /api/tags at 50 MB/s": (
        "/api/tags",
        lambda: RawAnswer(200, body=repeated(b" " * PIECE), piece_delay=PIECE / (50 * MB)),
        "tags",
    ),
    "a 300 MB line sent with a Content-Length": (
        "/api/chat",
        lambda: RawAnswer(200, body=repeated(b"a" * PIECE, 300 * MB // PIECE), length=300 * MB),
        "chat",
    ),
}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def client_main(url: str, call: str) -> None:
    """In the measured process: one call with the app's defaults, then the figures as JSON."""
    from ollama_desktop.core.chat.conversation import ChatMessage, ChatRequest  # noqa: PLC0415
    from ollama_desktop.core.client import OllamaClient  # noqa: PLC0415 - after the baseline
    from ollama_desktop.core.errors import OllamaError  # noqa: PLC0415

    client = OllamaClient(url)
    client.version()  # imports requests and opens the connection: part of the baseline
    before = rss_mb()
    started = time.monotonic()
    outcome: dict[str, Any] = {}
    try:
        if call == "tags":
            client.tags()
        else:
            for _ in client.chat(ChatRequest("llama3.1:8b", (ChatMessage("user", "hi"),), {})):
                pass
        outcome["error"] = "none"
    except OllamaError as exc:
        outcome["error"] = f"{type(exc).__name__} ({exc.reason.value if exc.reason else '-'})"
    outcome["seconds"] = time.monotonic() - started
    outcome["before_mb"] = before
    outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(outcome))


def main(names: list[str]) -> int:
    chosen = names or list(CASES)
    worst = 0.0
    print(f"{'case':<55} {'peak':>8} {'before':>8} {'time':>7}  ended with")
    for name in chosen:
        path, answer, call = CASES[name]
        with FakeOllama() as fake:
            fake.route_answer[path] = answer()
            result = subprocess.run(
                [sys.executable, "-m", "tests.perf.hostile_memory", "--client", fake.url, call],
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
                cwd=Path(__file__).resolve().parents[2],
            )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        worst = max(worst, figures["peak_mb"])
        print(
            f"{name:<55} {figures['peak_mb']:6.0f} MB {figures['before_mb']:6.0f} MB "
            f"{figures['seconds']:5.2f} s  {figures['error']}"
        )
    print(f"worst peak {worst:.0f} MB (goal: at most {GOAL_MB} MB each)")
    return 0 if worst <= GOAL_MB else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--client":
        client_main(sys.argv[2], sys.argv[3])
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
