"""/api/tags and /api/ps answers with missing fields, nulls, unknown fields, huge numbers, odd names."""

from __future__ import annotations

import json

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
