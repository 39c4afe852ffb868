"""The Language menu: a language with no font is named once with its package; "Restart now" restarts."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from ollama_desktop import i18n, restart
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.settings import Settings
from ollama_desktop.ui.window.actions import WindowActions
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS

RESTART_EN = "Ollama Desktop will use the new language the next time it starts."
RESTART_KO = "Ollama Desktop을 다음에 시작할 때 새 언어로 바뀝니다."


def no_font_for(*languages: str):  # type: ignore[no-untyped-def]
    """A font lookup where none of `languages` can be drawn (the others can)."""
    lacking = {i18n.WRITING_SYSTEMS[language] for language in languages}

    def families(system: QFontDatabase.WritingSystem) -> list[str]:
        return [] if system in lacking else ["Noto Sans CJK"]

    return staticmethod(families)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[object]]:
    """What the window says: the restart notices (answered "Later") and the missing-font notices."""
    said: dict[str, list[object]] = {"restart": [], "font": []}
    monkeypatch.setattr(
        WindowActions, "tell_restart_needed", staticmethod(lambda parent, text: said["restart"].append(text))
    )
    monkeypatch.setattr(
        WindowActions,
        "tell_font_missing",
        staticmethod(lambda parent, title, text: said["font"].append((title, text))),
    )
    monkeypatch.setattr(restart, "_requested", False)
    return said


def make_window(qtbot, pool: WorkerPool, settings: Settings) -> MainWindow:  # type: ignore[no-untyped-def]
    connection = ConnectionController(pool, "http://127.0.0.1:1", timeouts=TEST_TIMEOUTS)
    residency = ResidencyController(pool, lambda: connection.client)
    window = MainWindow(settings, connection, ChatController(pool, lambda: connection.client), residency)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()  # the check of the language in use runs once the window is up
    return window


def test_the_font_check_asks_for_the_languages_writing_system() -> None:
    asked: list[QFontDatabase.WritingSystem] = []

    def none(system: QFontDatabase.WritingSystem) -> list[str]:
        asked.append(system)
        return []

    assert i18n.lacks_font("ko", none)
    assert i18n.lacks_font("zh_TW", none)
    assert i18n.lacks_font("zh_CN", none)
    assert asked == [
        QFontDatabase.WritingSystem.Korean,
        QFontDatabase.WritingSystem.TraditionalChinese,
        QFontDatabase.WritingSystem.SimplifiedChinese,
    ]
    assert not i18n.lacks_font("en", none)
    assert not i18n.lacks_font("ko", lambda system: ["Noto Sans CJK KR"])
    assert i18n.readable("ko", none) == "en"
    assert i18n.readable("ko", lambda system: ["Noto Sans CJK KR"]) == "ko"


def test_choosing_a_language_with_no_font_says_which_package_once(
    qtbot, pool: WorkerPool, settings: Settings, told, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(WindowActions, "font_families", no_font_for("ko"))
    window = make_window(qtbot, pool, settings)
    actions = window.window_actions
    actions.language_actions["ko"].trigger()
    assert settings.language == "ko"
    [text] = told["restart"]
    # In the language in use only: Korean would be empty boxes.
    assert RESTART_EN in text
    assert RESTART_KO not in text
    assert "No font for Korean is installed" in text
    assert "fonts-noto-cjk (Debian, Ubuntu)" in text
    assert "google-noto-sans-cjk-fonts (Fedora)" in text
    assert settings.font_warned == ["ko"]
    # Once per language: back and forth, the font is not named again.
    actions.language_actions[i18n.SYSTEM].trigger()
    actions.language_actions["ko"].trigger()
    assert told["restart"][-1] == RESTART_EN
    assert told["font"] == []


def test_a_language_with_a_font_gets_the_notice_in_both_languages(
    qtbot, pool: WorkerPool, settings: Settings, told, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(WindowActions, "font_families", no_font_for("zh_TW"))
    window = make_window(qtbot, pool, settings)
    window.window_actions.language_actions["ko"].trigger()
    assert told["restart"] == [f"{RESTART_EN}\n\n{RESTART_KO}"]
    assert settings.font_warned == []


def test_starting_in_a_language_with_no_font_says_so_in_english_once(
    qtbot, pool: WorkerPool, settings: Settings, told, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(WindowActions, "font_families", no_font_for("ko"))
    settings.set_language("ko")  # or a Korean system: the same language is in use
    make_window(qtbot, pool, settings)
    [(title, text)] = told["font"]
    assert title == "Language"
    assert text.startswith("No font for Korean is installed, so its text shows as empty boxes.")
    assert "fonts-noto-cjk" in text
    assert settings.font_warned == ["ko"]
    make_window(qtbot, pool, settings)  # the next start
    assert len(told["font"]) == 1


def test_starting_in_a_language_with_its_font_says_nothing(
    qtbot, pool: WorkerPool, settings: Settings, told, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(WindowActions, "font_families", no_font_for("zh_CN"))
    settings.set_language("ko")
    make_window(qtbot, pool, settings)
    assert told["font"] == []
    assert settings.font_warned == []


def test_restart_now_quits_like_quit_then_starts_the_same_command(
    qtbot, pool: WorkerPool, settings: Settings, told, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(WindowActions, "font_families", no_font_for())
    monkeypatch.setattr(WindowActions, "tell_restart_needed", staticmethod(lambda parent, text: True))
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window = make_window(qtbot, pool, settings)
    window.window_actions.language_actions["zh_TW"].trigger()
    # The Quit action's way out: the window closed for good, its state saved, the app told to quit.
    assert window.closed
    assert not window.isVisible()
    assert quits == [True]
    assert settings.language == "zh_TW"
    assert settings.window_geometry is not None
    assert restart.requested()
    # After the loop has ended (startup.main): the same program, with the same arguments, detached.
    started: list[tuple[str, list[str]]] = []
    assert restart.start_again_if_requested(
        lambda program, args: started.append((program, list(args))) or True
    )
    assert started == [(sys.executable, sys.orig_argv[1:])]
    assert not restart.requested()
    assert not restart.start_again_if_requested(
        lambda program, args: started.append((program, list(args))) or True
    )
    assert len(started) == 1


def test_later_keeps_the_window_open(qtbot, pool: WorkerPool, settings: Settings, told, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(WindowActions, "font_families", no_font_for())
    monkeypatch.setattr(WindowActions, "tell_restart_needed", staticmethod(lambda parent, text: False))
    window = make_window(qtbot, pool, settings)
    window.window_actions.language_actions["zh_CN"].trigger()
    assert settings.language == "zh_CN"
    assert not window.closed
    assert window.isVisible()
    assert not restart.requested()
