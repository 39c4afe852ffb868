"""Search, open, list, load and save times of the history file with 10,000 messages.

Run: `python -m tests.perf.history_search [MESSAGES]`. Builds a throw-away file of realistic chats
(English with some Korean and Chinese, answers of 200-2,000 characters), then times each operation
over several rounds and prints median and worst, with SQLite FTS5 (trigram) and with plain LIKE.
The goal: any search answers in under 100 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ollama_desktop.core.history.store import (
    ConversationRecord,
    HistoryStore,
    MessageStatus,
    StoredMessage,
    new_uid,
    title_from,
)
from ollama_desktop.core.responses import ReplyStats

ROUNDS = 20
PER_CHAT = 20  # messages per conversation: 10 questions, 10 answers

WORDS = [
    "the",
    "model",
    "answer",
    "memory",
    "context",
    "token",
    "python",
    "function",
    "error",
    "server",
    "window",
    "install",
    "update",
    "question",
    "network",
    "file",
    "folder",
    "system",
    "prompt",
    "temperature",
    "speed",
    "graphics",
    "card",
    "driver",
    "linux",
    "windows",
    "recipe",
    "travel",
    "history",
    "science",
    "music",
    "garden",
    "weather",
    "budget",
    "letter",
    "summary",
    "translate",
    "explain",
    "example",
    "because",
    "however",
    "therefore",
    "really",
    "simple",
    "quickly",
    "carefully",
    "together",
]
CJK = ["서울의 날씨", "맑습니다", "天气很好", "今天怎么样", "東京の天気", "감사합니다"]
QUERIES = [
    ("a common word", "model"),
    ("two common words", "memory token"),
    ("a rare word", "xylophone"),
    ("a phrase in one chat", "purple elephant orchestra"),
    ("nothing matches", "zzzqqqxxx"),
    ("Korean, 2 characters (LIKE)", "서울"),
    ("Chinese, 4 characters", "天气很好"),
    ("a title word", "budget"),
]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    if rng.random() < 0.1:
        text += " " + rng.choice(CJK)
    return text.capitalize() + "."


def build(store: HistoryStore, messages: int, rng: random.Random) -> None:
    now = time.time() - messages * 60
    for chat in range(messages // PER_CHAT):
        records: list[StoredMessage] = []
        parent = None
        for turn in range(PER_CHAT // 2):
            question = sentence(rng, rng.randint(5, 40))
            if chat == 7 and turn == 3:
                question += " Write about a purple elephant orchestra."
            if chat == 42 and turn == 1:
                question += " xylophone"
            answer = " ".join(sentence(rng, rng.randint(8, 25)) for _ in range(rng.randint(2, 12)))
            q = StoredMessage(new_uid(), parent, "user", question, MessageStatus.SENT, "", now)
            a = StoredMessage(
                new_uid(),
                q.uid,
                "assistant",
                answer,
                MessageStatus.DONE,
                "llama3.1:8b",
                now + 5,
                ReplyStats("stop", 10**9, 0, 20, 10**8, 200, 5 * 10**9),
            )
            records += [q, a]
            parent = a.uid
            now += 60
        record = ConversationRecord(
            new_uid(),
            title_from(records[0].content),
            model="llama3.1:8b",
            created_at=now,
            updated_at=now,
            leaf_uid=parent,
        )
        store.save(record, records)


def timed(call: Callable[[], Any], rounds: int = ROUNDS) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return times, result


def line(name: str, times: list[float], extra: str = "") -> str:
    ms = sorted(t * 1000 for t in times)
    return f"  {name:<34} median {statistics.median(ms):7.2f} ms   worst {ms[-1]:7.2f} ms  {extra}"


def main() -> int:
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        store = HistoryStore(path)
        store.open()
        started = time.perf_counter()
        build(store, messages, rng)
        print(
            f"built {store.message_count()} messages in {time.perf_counter() - started:.1f} s, "
            f"file {path.stat().st_size / 1e6:.1f} MB (+ WAL), FTS5 trigram: {store.full_text_search}"
        )
        store.close()

        times, _ = timed(lambda: HistoryStore(path).open(), rounds=5)
        print(line("open (quick_check, migrate, recover)", times))
        store = HistoryStore(path)
        store.open()
        times, listed = timed(store.list_conversations)
        print(line("list all conversations", times, f"{len(listed)} chats"))
        times, _ = timed(lambda: store.load(listed[0].uid))
        print(line("load one conversation (20 messages)", times))

        record = ConversationRecord(new_uid(), "timing", created_at=1, updated_at=1)
        question = StoredMessage(new_uid(), None, "user", "timing question", MessageStatus.SENT)
        answer = StoredMessage(new_uid(), question.uid, "assistant", "", MessageStatus.STREAMING, "m")
        store.save(record, [question])
        growing: list[str] = []

        def save_streaming() -> None:
            growing.append("word " * 40)
            store.save(record, [StoredMessage(**{**answer.__dict__, "content": "".join(growing)})])

        times, _ = timed(save_streaming, rounds=50)
        print(line("save a streaming answer (twice a second)", times, "up to 10 kB, not indexed yet"))
        final = StoredMessage(**{**answer.__dict__, "content": "".join(growing), "status": "done"})
        times, _ = timed(lambda: store.save(record, [final]), rounds=1)
        print(line("save the finished answer (indexed)", times))
        times, _ = timed(lambda: store.save(record, [StoredMessage(new_uid(), None, "user", "q", "sent")]))
        print(line("save a question", times))

        for mode in ("FTS5 trigram", "LIKE only"):
            store._fts = mode == "FTS5 trigram"
            print(f"search, {mode}:")
            for name, words in QUERIES:
                times, hits = timed(lambda words=words: store.search(words))
                print(line(f"{name} ({words})", times, f"{len(hits)} chats"))
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
