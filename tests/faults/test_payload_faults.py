"""/api/tags and /api/ps answers with missing fields, nulls, unknown fields, huge numbers, odd names."""

from __future__ import annotations

import json
import re

import pytest

from ollama_desktop.settings import Settings
from ollama_desktop.workers import WorkerPool
from tests.fake_ollama import FakeOllama
from tests.faults.conftest import StallMeter, open_app

JSON = "application/json; charset=utf-8"

TAGS = {
    "missing fields": {"models": [{"name": "bare:latest"}]},
    "nulls": {"models": [{"name": "nulls:1b", "size": None, "details": None, "modified_at": None}]},
    "unknown fields": {
        "models": [{"name": "extra:2b", "size": 2_000_000_000, "shiny": {"new": [1, 2]}}],
        "next": 1,
    },
    "huge numbers": {"models": [{"name": "huge:1t", "size": 10**30, "details": {"parameter_size": "1000T"}}]},
    "non-ASCII names": {
        "models": [{"name": "羊驼-中文:7b", "size": 4 * 10**9}, {"name": "라마:8b", "size": 5 * 10**9}]
    },
    "wrong types": {"models": [{"name": 42, "model": "typed:1b", "size": "big", "details": ["x"]}]},
}

PS = {
    "missing fields": {"models": [{"name": "bare:latest"}]},
    "nulls": {"models": [{"name": "nulls:1b", "size": None, "size_vram": None, "expires_at": None}]},
    "unknown fields": {"models": [{"name": "extra:2b", "size": 10, "size_vram": 10, "gpu": "RTX"}]},
    "huge numbers": {
        "models": [{"name": "huge:1t", "size": 10**30, "size_vram": 10**31, "context_length": 2**70}]
    },
    "non-ASCII names": {"models": [{"name": "羊驼-中文:7b", "size": 10, "size_vram": 4}]},
    "wrong types": {"models": [{"name": "typed:1b", "size": "10", "size_vram": [], "expires_at": 5}]},
}


@pytest.mark.parametrize("case", list(TAGS))
def test_odd_tags(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter, case: str
) -> None:  # type: ignore[no-untyped-def]
    fake.route_override["/api/tags"] = (200, json.dumps(TAGS[case]).encode(), JSON)
    app = open_app(qtbot, pool, settings, fake.url)
    picker = app.window.model_picker
    expected = [m["name"] if isinstance(m["name"], str) else m["model"] for m in TAGS[case]["models"]]  # type: ignore[index]
    assert [picker.itemData(i) for i in range(picker.count())] == expected
    assert all(picker.itemText(i) for i in range(picker.count()))


@pytest.mark.parametrize("case", list(PS))
def test_odd_ps(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter, case: str
) -> None:  # type: ignore[no-untyped-def]
    fake.route_override["/api/ps"] = (200, json.dumps(PS[case]).encode(), JSON)
    app = open_app(qtbot, pool, settings, fake.url)
    qtbot.waitUntil(lambda: len(app.window.residency_indicator.chips) == len(PS[case]["models"]))  # type: ignore[arg-type]
    names = [model["name"] for model in PS[case]["models"]]  # type: ignore[index]
    assert all(
        chip.text().startswith(name)
        for chip, name in zip(app.window.residency_indicator.chips, names, strict=True)
    )


@pytest.mark.parametrize(
    ("route", "body"),
    [("/api/ps", b"not json"), ("/api/ps", b'{"models": 5}'), ("/api/tags", b"[]"), ("/api/tags", b"")],
    ids=["ps-not-json", "ps-models-not-a-list", "tags-a-list", "tags-empty"],
)
def test_unreadable_answers(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter, route: str, body: bytes
) -> None:  # type: ignore[no-untyped-def]
    fake.route_override[route] = (200, body, JSON)
    app = open_app(qtbot, pool, settings, fake.url, wait=False)
    if route == "/api/ps":
        qtbot.waitUntil(lambda: len(fake.requests_to("/api/ps")) >= 1)
        qtbot.waitUntil(lambda: app.window.residency_indicator._empty.text() == "Memory: unknown")
    else:
        qtbot.waitUntil(lambda: len(fake.requests_to("/api/tags")) >= 2)  # it keeps retrying
        assert app.window.model_picker.count() == 0
    # The chat itself is unaffected where it can be: typing and the window still work.
    app.window.prompt.setPlainText("still here")
    assert app.window.prompt.toPlainText() == "still here"


# -- odd values never raise (issue 16, items 9 and 10) ------------------------------------------------

ODD_DATES = {
    "year-one-east": "0001-01-01T00:00:00+14:00",
    "year-one": "0001-01-01T00:00:00Z",
    "year-9999-west": "9999-12-31T23:00:00-05:00",
}


def test_odd_expiry_dates_are_unknown_or_kept_loaded(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    # Every poll used to raise OverflowError: every model "unknown", Free memory "Something unexpected".
    loaded = [
        {"name": name, "size": 10**9, "size_vram": 0, "expires_at": date} for name, date in ODD_DATES.items()
    ]
    fake.route_override["/api/ps"] = (200, json.dumps({"models": loaded}).encode(), JSON)
    app = open_app(qtbot, pool, settings, fake.url)
    indicator = app.window.residency_indicator
    qtbot.waitUntil(lambda: len(indicator.chips) == len(ODD_DATES))
    tips = {chip.text().split(" · ")[0]: chip.toolTip() for chip in indicator.chips}
    assert "\nKept loaded\n" in tips["year-9999-west"]
    for name in ("year-one-east", "year-one"):  # no expiry: unknown, so the tooltip says nothing of it
        assert tips[name].startswith(name + "\nRuns on the CPU only")
        assert "nloads" not in tips[name]
        assert "Kept" not in tips[name]
    app.window.window_actions.free_memory_action.trigger()
    # The fake's /api/ps keeps listing them (it is overridden): the unload is reported as not done.
    qtbot.waitUntil(lambda: "year-one" in app.window.notice_text(), timeout=5000)
    assert "unexpected" not in app.window.notice_text()
    assert len(indicator.chips) == len(ODD_DATES)  # still listed, not "Memory: unknown"


ODD_COUNTERS = {
    "eval_count 2**31": {"eval_count": 2**31, "eval_duration": 1_000_000_000},
    "eval_count 2**63 over 1 ns": {"eval_count": 2**63 - 1, "eval_duration": 1, "prompt_eval_count": 2**64},
    "negative and huge durations": {"eval_count": 7, "eval_duration": -1, "load_duration": 10**30},
    "floats out of range": {"eval_count": 1e308, "eval_duration": 1e-300, "prompt_eval_duration": 1e308},
}


@pytest.mark.parametrize("case", list(ODD_COUNTERS))
def test_odd_counters_close_the_answer_without_absurd_figures(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter, case: str
) -> None:  # type: ignore[no-untyped-def]
    def line(content: str, **extra: object) -> bytes:
        message = {"role": "assistant", "content": content}
        return json.dumps({"model": "llama3.1:8b", "message": message, **extra}).encode()

    final = line("", done=True, done_reason="stop", **ODD_COUNTERS[case])
    fake.script(raw_lines=[line("Llamas", done=False), line(" hum.", done=False), final])
    app = open_app(qtbot, pool, settings, fake.url)
    app.ask("Tell me about llamas")
    # The answer is closed: the chat is idle and the status line no longer says "Answering…".
    qtbot.waitUntil(lambda: not app.chat.busy)
    qtbot.waitUntil(lambda: "Answering" not in app.window.reply_label.text())
    assert "Llamas hum." in app.transcript()
    shown = app.window.reply_label.text() + " " + app.transcript()
    figures = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", shown)]
    assert all(figure < 1_000_000 for figure in figures), shown


def test_no_prompt_speed_after_a_prompt_cache_hit(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    # Ollama counts the cached history in prompt_eval_count but times only the new question:
    # the follow-up's figure read 9,743 tokens/s on a CPU.
    fake.prompt_cache = True
    app = open_app(qtbot, pool, settings, fake.url)
    app.ask("Tell me about llamas, their history, their wool and the places in the Andes they live in")
    qtbot.waitUntil(lambda: "tokens/s" in app.window.reply_label.text())
    first = app.window.reply_label.text()
    tps = fake.models[app.chat.model].prompt_tps
    assert f"prompt {tps:,.0f} tokens/s" in first
    app.ask("And alpacas?")
    qtbot.waitUntil(lambda: not app.chat.busy and app.window.reply_label.text() != first)
    qtbot.waitUntil(lambda: "tokens/s" in app.window.reply_label.text())
    assert fake.requests_to("/api/chat")[-1].json["messages"][-1]["content"] == "And alpacas?"
    assert "prompt" not in app.window.reply_label.text()
    assert app.window.reply_label.text().count("tokens/s") == 1  # the answer's own speed stays
