"""What the window needs before its first frame, and only that: heavy imports come after it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore

from ollama_desktop import app, startup
from ollama_desktop.core import units
from ollama_desktop.settings import Settings
from tests.fake_ollama import FakeOllama
from tests.perf.first_frame import start_to_first_frame
from tests.processes import run_python

# Each costs 10-130 ms to import; none is needed to draw the window (see app.show_first_frame).
DEFERRED = (
    "requests",
    "urllib3",
    "asyncio",
    "qasync",
    "markdown_it",
    "pygments",
    "PySide6.QtCharts",
    "importlib.metadata",
    "logging.handlers",
    # Ours, only needed once a chat is exported, memory is freed or a failure is explained (1-2 ms each).
    "ollama_desktop.core.history.export",
    "ollama_desktop.core.memory.diagnosis",
    "ollama_desktop.core.memory.unloading",
    # The app builds the benchmark's controller; the dialog, the runner and the statistics behind
    # it load when the user first opens the Benchmark (with QtCharts, ~60 ms).
    "ollama_desktop.ui.benchmark.dialog",
    "ollama_desktop.controllers.benchmark_worker",
    "ollama_desktop.core.benchmark.runs",
    "ollama_desktop.core.benchmark.machine",
    # The prompt cache's hashing and the escaping of server text need neither before the first frame.
    "hashlib",
    "html",
    # This computer's memory on Windows (the suggested downloads), asked when the list is shown.
    "ctypes",
)


def test_building_the_window_imports_none_of_the_heavy_modules() -> None:
    script = (
        "import sys, tempfile, os\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ollama_desktop import app\n"
        "from ollama_desktop.settings import Settings\n"
        "qapp = QApplication([])\n"
        "path = os.path.join(tempfile.mkdtemp(), 's.ini')\n"
        "settings = Settings(QSettings(path, QSettings.Format.IniFormat), environ={})\n"
        "settings.set_host_override('http://127.0.0.1:9')\n"
        "window, *_ = app.build(settings)\n"
        "print(' '.join(m for m in sys.argv[1:] if m in sys.modules))\n"
    )
    result = run_python("-c", script, *DEFERRED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_the_entry_point_prepares_before_the_apps_modules_load() -> None:
    # As `ollama-desktop` and `python -m ollama_desktop` start: the collector off from the first
    # line (gc_guard's takes over once the window is built), PySide6's module check quickened.
    script = (
        "import gc, sys\n"
        "from ollama_desktop import startup\n"
        "startup.prepare()\n"
        "check = sys.modules['shibokensupport.feature']._mod_uses_pyside\n"
        "ours = sorted(m for m in sys.modules if m.startswith('ollama_desktop.'))\n"
        "print(gc.isenabled(), getattr(check, 'quickened', False), ' '.join(ours))\n"
    )
    result = run_python("-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "ollama_desktop.startup"]


def test_the_quickened_pyside_module_check_gives_pysides_own_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # put back after the test
    assert startup.quicken_pyside_module_check()
    quick = feature._mod_uses_pyside
    assert quick is not original
    assert not startup.quicken_pyside_module_check()  # once is enough
    # With and without "PySide6" in the source, a stdlib module, a builtin and an extension module.
    modules = [app, units, json, sys, QtCore]
    assert [quick(module) for module in modules] == [original(module) for module in modules]
    assert [quick(module) for module in modules] == [True, False, False, False, False]


def test_the_first_frame_is_measured_from_a_real_start() -> None:
    # The benchmark's child process really starts the app and reports its first paint.
    assert start_to_first_frame(cold=False) > 0


def test_the_smoke_test_says_when_the_window_is_shown_then_checks_and_exits_zero(tmp_path: Path) -> None:
    places = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = run_python("-m", "ollama_desktop", "--smoke-test", env={**places, "OLLAMA_HOST": "127.0.0.1:9"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "smoke test: the main window is shown"
    assert "started and closed cleanly" in lines[-1]


def test_the_smoke_test_fails_with_a_message_when_the_icon_is_missing(
    qtbot, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(app, "APP_ICON", "icons/no-such-icon.svg")
    window, pool, *_ = app.build(settings)
    qtbot.addWidget(window)
    try:
        assert app.smoke_test(window) == 1
    finally:
        pool.shutdown(timeout_ms=2000)
    assert "app icon missing or unreadable" in capsys.readouterr().err


def test_a_data_folder_that_cannot_be_written_still_starts_says_where_and_chats(
    tmp_path: Path, fake: FakeOllama
) -> None:
    # Tests run as root, which no permission stops: a file in the folder's place stops everyone.
    data_home = tmp_path / "data"
    data_home.mkdir()
    (data_home / "Ollama Desktop").write_text("not a folder")
    folder = data_home / "Ollama Desktop" / "Ollama Desktop"  # AppLocalDataLocation: organisation/app
    fake.script(tokens=["Still", " here."])
    env = {
        "XDG_DATA_HOME": str(data_home),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "OLLAMA_HOST": fake.url,
    }
    result = run_python("-m", "tests.drive_start", "Are you there?", env=env)
    # It used to exit at once with a traceback from the logging set-up.
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # The log went to stderr instead.
    assert f"cannot write the log {folder / 'ollama-desktop.log'}" in result.stderr
    banner = result.stdout.split("banner: ", 1)[1].splitlines()[0]
    assert banner.startswith(f"Your chats cannot be saved: the app cannot write in its folder {folder}.")
    chat = result.stdout.split("chat: ", 1)[1]
    assert "Are you there?" in chat
    assert "Still here." in chat
