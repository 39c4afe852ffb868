"""Residency maths on real /api/ps payloads and on made-up GPU, split and CPU cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ollama_desktop.core.errors import (
    ModelNotFound,
    OutOfMemory,
    RequestTimedOut,
    ServerError,
    StreamIncomplete,
)
from ollama_desktop.core.memory.diagnosis import Cause, diagnose, worth_diagnosing
from ollama_desktop.core.memory.keep_alive import KeepAlive
from ollama_desktop.core.memory.residency import Placement, find, residency, same_model
from ollama_desktop.core.responses import RunningModel, parse_ps
from tests.transcripts import load_transcript

NOW = datetime(2026, 11, 22, 2, 30, tzinfo=UTC)


def test_real_ps_payload_cpu_only() -> None:
    (model,) = parse_ps(load_transcript("08_ps_loaded").json())
    found = residency(model)
    assert found.placement is Placement.CPU
    assert (found.size, found.gpu_bytes, found.cpu_bytes) == (477798912, 0, 477798912)
    assert found.cpu_share == 1.0
    assert found.context_length == 4096
    assert found.unloads_in(NOW) == timedelta(minutes=2, seconds=45, microseconds=505384)
    assert not found.kept_loaded(NOW)


def test_real_ps_keep_alive_forever_is_kept_loaded() -> None:
    (model,) = parse_ps(load_transcript("47_ps_keepalive_forever").json())
    found = residency(model)
    assert found.kept_loaded(NOW)
    assert found.unloads_in(NOW) is None


def test_real_ps_empty() -> None:
    assert parse_ps(load_transcript("03_ps_empty").json()) == ()


@pytest.mark.parametrize(
    ("size", "vram", "placement", "gpu", "cpu"),
    [
        (8_000, 8_000, Placement.GPU, 8_000, 0),
        (10_000, 6_200, Placement.SPLIT, 6_200, 3_800),
        (10_000, 0, Placement.CPU, 0, 10_000),
        (10_000, 12_000, Placement.GPU, 10_000, 0),  # more VRAM than size: never a negative CPU part
        (0, 5_000, Placement.GPU, 5_000, 0),  # size missing: what is in VRAM is all there is
        (0, 0, Placement.CPU, 0, 0),
    ],
)
def test_made_up_cases(size: int, vram: int, placement: Placement, gpu: int, cpu: int) -> None:
    found = residency(RunningModel("m", size=size, size_vram=vram))
    assert (found.placement, found.gpu_bytes, found.cpu_bytes) == (placement, gpu, cpu)


def test_missing_fields_parse_to_neutral_values() -> None:
    (model,) = parse_ps({"models": [{"name": "x", "size": None, "expires_at": None, "unknown": [1]}]})
    assert residency(model).placement is Placement.CPU
    assert residency(model).unloads_in(NOW) is None


def test_names_with_and_without_latest() -> None:
    loaded = (RunningModel("llama3:latest", size=1, size_vram=1),)
    assert same_model("llama3", "llama3:latest")
    assert same_model("library/llama3", "library/llama3:latest")
    assert not same_model("llama3:8b", "llama3:70b")
    assert find("llama3", loaded) is not None
    assert find("llama3:8b", loaded) is None


def test_expired_time_is_zero_not_negative() -> None:
    found = residency(RunningModel("m", size=1, expires_at=NOW - timedelta(seconds=5)))
    assert found.unloads_in(NOW) == timedelta(0)


@pytest.mark.parametrize(
    ("error", "worth"),
    [
        (RequestTimedOut("x"), True),
        (StreamIncomplete("x"), True),
        (OutOfMemory(500, "out of memory"), True),
        (ServerError(500, "boom"), True),
        (ServerError(400, "bad"), False),
        (ModelNotFound(404, "model 'x' not found"), False),
    ],
)
def test_which_errors_are_diagnosed(error: Exception, worth: bool) -> None:
    assert worth_diagnosing(error) is worth  # type: ignore[arg-type]


def test_diagnosis_causes() -> None:
    gpu = RunningModel("m", size=10, size_vram=10)
    cpu = RunningModel("m", size=10, size_vram=0)
    other = RunningModel("big:70b", size=40, size_vram=20)
    timeout = RequestTimedOut("x")
    assert diagnose(timeout, "m", (gpu,)).cause is Cause.BUSY
    assert diagnose(timeout, "m", (cpu,)).cause is Cause.CPU_ONLY
    assert diagnose(timeout, "m", (other,)).cause is Cause.NOT_LOADED
    assert diagnose(timeout, "m", (other,)).other_models == ("big:70b",)
    assert diagnose(OutOfMemory(500, "x"), "m", (other,)).cause is Cause.OUT_OF_MEMORY
    assert diagnose(timeout, "m", None).cause is Cause.UNREACHABLE


def test_keep_alive_choices() -> None:
    assert KeepAlive.from_setting("forever") is KeepAlive.FOREVER
    assert KeepAlive.from_setting("nonsense") is KeepAlive.DEFAULT
    assert KeepAlive.from_setting(None) is KeepAlive.DEFAULT


# -- odd expiry dates: an unknown expiry, or the far future, never an exception --------------------

ZONES = st.one_of(
    st.just("Z"),
    st.just(""),
    st.builds("{}{:02d}:{:02d}".format, st.sampled_from("+-"), st.integers(0, 99), st.integers(0, 99)),
)
TIMESTAMPS = st.builds(
    "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}{}".format,
    st.integers(0, 9999),
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(0, 25),
    st.integers(0, 60),
    st.integers(0, 60),
    st.sampled_from(["", ".5", ".505384705", ".000000000001"]),
    ZONES,
)


@settings(max_examples=500)
@given(st.one_of(TIMESTAMPS, st.text(max_size=40)))
def test_any_expiry_is_a_time_ollama_could_mean_or_unknown(text: str) -> None:
    (model,) = parse_ps({"models": [{"name": "m", "size": 1, "expires_at": text}]})
    expires = model.expires_at
    if expires is not None:
        assert expires.tzinfo is not None
        assert datetime(2000, 1, 1, tzinfo=UTC) <= expires <= datetime(9999, 1, 1, tzinfo=UTC)
        expires.astimezone()  # shown in local time somewhere: must stay inside the calendar
    found = residency(model)
    for now in (NOW, datetime(2000, 1, 1, tzinfo=UTC), datetime(9998, 12, 31, tzinfo=UTC)):
        left = found.unloads_in(now)
        assert left is None or left >= timedelta(0)
        found.kept_loaded(now)


@pytest.mark.parametrize(
    ("text", "kept_loaded", "unknown"),
    [
        ("0001-01-01T00:00:00+14:00", False, True),  # raised OverflowError on every poll
        ("0001-01-01T00:00:00Z", False, True),  # Go's zero time: "not set"
        ("1999-12-31T23:59:59Z", False, True),
        ("9999-12-31T23:00:00-05:00", True, False),  # raised OverflowError
        ("9999-12-31T23:59:59.999999999Z", True, False),
        ("2319-03-04T02:17:07.5Z", True, False),  # keep_alive -1, as recorded
        ("2026-11-22T02:35:00+00:00", False, False),
    ],
)
def test_dates_at_the_ends_of_the_calendar(text: str, kept_loaded: bool, unknown: bool) -> None:
    (model,) = parse_ps({"models": [{"name": "m", "size": 1, "expires_at": text}]})
    found = residency(model)
    assert found.kept_loaded(NOW) is kept_loaded
    assert (model.expires_at is None) is unknown
