"""Starting the app again after it quit: the right command, and only after the app has ended."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import pytest

from ollama_desktop import app, restart, startup, system_libraries


@pytest.fixture(autouse=True)
def _no_request_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(restart, "_requested", False)
    monkeypatch.setenv(restart.PYINSTALLER_RESET, "")  # remembers it was unset: put back after the test
    monkeypatch.delenv(restart.PYINSTALLER_RESET)


def test_from_source_the_interpreter_runs_the_same_command_line() -> None:
    assert restart.command(
        executable="/venv/bin/python",
        orig_argv=["python3", "-X", "utf8", "-m", "ollama_desktop"],
        frozen=False,
    ) == ("/venv/bin/python", ["-X", "utf8", "-m", "ollama_desktop"])
    assert restart.command(
        executable="/venv/bin/python",
        orig_argv=["/venv/bin/python", "/venv/bin/ollama-desktop"],
        frozen=False,
    ) == ("/venv/bin/python", ["/venv/bin/ollama-desktop"])


def test_a_frozen_build_runs_its_executable_with_the_apps_arguments() -> None:
    assert restart.command(
        executable="/opt/Ollama Desktop/Ollama Desktop",
        argv=["/opt/Ollama Desktop/Ollama Desktop", "--verbose"],
        frozen=True,
    ) == ("/opt/Ollama Desktop/Ollama Desktop", ["--verbose"])


def test_a_frozen_build_is_told_to_unpack_afresh() -> None:
    started: list[tuple[str, Sequence[str]]] = []
    restart.request()
    assert restart.start_again_if_requested(
        lambda program, args: started.append((program, args)) or True, frozen=True
    )
    assert started == [(sys.executable, sys.argv[1:])]
    assert os.environ[restart.PYINSTALLER_RESET] == "1"


def test_nothing_starts_without_a_request() -> None:
    started: list[str] = []
    assert not restart.start_again_if_requested(lambda program, args: started.append(program) or True)
    assert started == []


def test_the_entry_point_starts_the_app_again_after_it_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []

    def run_app(argv: Sequence[str] | None) -> int:
        events.append("app ran")
        restart.request()  # "Restart now"
        events.append("app ended")
        return 0

    def start(program: str, arguments: Sequence[str]) -> bool:
        events.append(f"started {program} {' '.join(arguments)}")
        return True

    monkeypatch.setattr(startup, "prepare", lambda: None)
    monkeypatch.setattr(system_libraries, "exit_status", lambda argv: None)
    monkeypatch.setattr(app, "main", run_app)
    monkeypatch.setattr(restart, "start_detached", start)
    assert startup.main(["ollama-desktop"]) == 0
    assert events == ["app ran", "app ended", f"started {sys.executable} {' '.join(sys.orig_argv[1:])}"]
    assert not restart.requested()
