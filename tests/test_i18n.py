"""Translations: every visible text goes through tr(), the catalogues are complete and current, and the
window speaks English, Traditional Chinese, Simplified Chinese and Korean.

The catalogue checks run the same code as `python -m tools.i18n --check` (lupdate and lrelease from
PySide6-Essentials); when one fails, `python -m tools.i18n` updates the .ts and .qm files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from ollama_desktop import i18n
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.errors import OutOfMemory, Reason, ServerError, ServerUnreachable
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.reply_speeds import ReplySpeeds, describe_live_speed
from ollama_desktop.ui.chat.view import ChatView
from ollama_desktop.ui.locale_format import count_text, number_text, size_text
from ollama_desktop.ui.messages import explain_error, explain_pull_error
from ollama_desktop.ui.window.actions import WindowActions
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tools import i18n as tool

# -- the sources and the catalogues --------------------------------------------------------------


def test_ui_and_controllers_hand_no_literal_text_to_qt() -> None:
    findings = tool.untranslated_literals(tool.checked_sources())
    assert [str(f) for f in findings] == []


def test_the_checker_finds_literals_and_unreadable_tr_calls(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "class W:\n"
        "    def f(self, name):\n"
        '        self.label.setText("Hello")\n'
        '        QLabel(f"Model {name}")\n'
        '        QMessageBox.warning(self, "Oops", self.tr("fine"))\n'
        "        self.tr(name)\n"
        '        self.label.setText(self.tr("fine") + " GB")\n'
        '        self.label.setText("—")\n'
        '        self.combo.addItem(self.tr("Warm"), "warm")\n'
        '        log.warning("for the log")\n'
        '        self.label.setText("<br><small>")\n'
        '        self.label.setText("kept")  # i18n: ignore (a brand name)\n',
        encoding="utf-8",
    )
    found = [(f.line, f.text.split(":")[0]) for f in tool.untranslated_literals([sample])]
    assert found == [
        (3, "setText() is given text that is not translated"),
        (4, "QLabel() is given text that is not translated"),
        (5, "warning() is given text that is not translated"),
        (6, "tr() needs literal text that lupdate can read, not name"),
        (7, "setText() is given text that is not translated"),
    ]


def test_lupdate_reads_every_tr_call() -> None:
    """lupdate's Python parser silently skips some calls (a translate() plural with a variable)."""
    assert tool.unread_by_lupdate() == []


def test_lupdate_would_change_nothing() -> None:
    assert tool.stale_catalogues() == {}


def test_no_entry_is_unfinished() -> None:
    assert {lang: [m.source for m in todo] for lang, todo in tool.unfinished().items() if todo} == {}


def test_translations_keep_placeholders_plurals_and_shortcuts() -> None:
    problems = {
        (language, message.source): tool.translation_problems(message)
        for language in tool.LANGUAGES
        for message in tool.read_ts(tool.ts_path(language))
        if tool.translation_problems(message)
    }
    assert problems == {}


def test_qm_files_are_built_from_the_current_ts_files() -> None:
    assert tool.stale_qm() == []


def test_every_language_has_a_catalogue_and_qt_translations() -> None:
    assert set(tool.LANGUAGES) == set(i18n.LANGUAGES)
    for language in i18n.LANGUAGES:
        assert i18n.translator_for(language) is not None
        assert (i18n.qt_translations_folder() / f"qtbase_{language}.qm").is_file()


# -- the app in each language ---------------------------------------------------------------------


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[object]:
    """Install a language's translators the way app.py does; everything is put back afterwards."""
    installed: list[object] = []
    before = QLocale()

    def install(choice: str) -> str:
        language, translators = i18n.install(qapp, choice)
        installed.extend(translators)
        return language

    yield install
    i18n.uninstall(qapp, installed)  # type: ignore[arg-type]
    QLocale.setDefault(before)


CHAT_MENU = {"en": "&Chat", "zh_TW": "對話(&C)", "zh_CN": "对话(&C)", "ko": "대화(&C)"}
SEND = {"en": "Send", "zh_TW": "傳送", "zh_CN": "发送", "ko": "보내기"}
QT_CANCEL = {"en": "Cancel", "zh_TW": "取消", "zh_CN": "取消", "ko": "취소"}


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_main_window_speaks_the_language(
    qtbot, pool: WorkerPool, settings: Settings, speak, language: str
) -> None:  # type: ignore[no-untyped-def]
    assert speak(language) == language
    settings.set_host_override("http://127.0.0.1:1")
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS)
    residency = ResidencyController(pool, lambda: connection.client)
    window = MainWindow(settings, connection, ChatController(pool, lambda: connection.client), residency)
    qtbot.addWidget(window)
    window.show()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == CHAT_MENU[language]
    assert window.send_button.accessibleName() == SEND[language]  # an icon button, named for screen readers
    assert window.window_actions.language_actions[language].text() == i18n.LANGUAGES[language]
    if language != "en":
        assert not any(text.isascii() for text in menus[:1] + menus[2:])
    # Qt's own buttons come from its qtbase catalogue.
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == QT_CANCEL[language]
    box.deleteLater()


def test_plurals_follow_the_language(speak) -> None:  # type: ignore[no-untyped-def]
    assert ReplySpeeds().tokens(1) == "1 tokens"  # no catalogue: the source text
    speak("en")
    assert ReplySpeeds().tokens(1) == "1 token"
    assert ReplySpeeds().tokens(1234) == "1,234 tokens"
    assert describe_live_speed(1, 0.1) == "1 token"
    speak("ko")
    assert ReplySpeeds().tokens(1) == "토큰 1개"
    assert ReplySpeeds().tokens(2) == "토큰 2개"


def test_numbers_and_sizes_follow_the_locale(speak) -> None:  # type: ignore[no-untyped-def]
    assert (size_text(4_920_753_328), size_text(253_113_877), number_text(40, 1)) == (
        "4.9 GB",
        "253 MB",
        "40.0",
    )
    QLocale.setDefault(QLocale("de_DE"))
    assert (size_text(4_920_753_328), number_text(40, 1), count_text(12345)) == ("4,9 GB", "40,0", "12.345")
    speak("ko")
    assert size_text(900) == "900 바이트"


@pytest.mark.parametrize(
    ("tags", "language"),
    [
        (["zh-Hant-TW", "zh-TW"], "zh_TW"),
        (["zh-HK"], "zh_TW"),
        (["zh-Hans-CN"], "zh_CN"),
        (["zh-SG"], "zh_CN"),
        (["ko-KR"], "ko"),
        (["de-DE", "ko", "en"], "ko"),
        (["fr-FR", "de"], "en"),
        (["en-GB", "zh-TW"], "en"),
    ],
)
def test_system_language(tags: list[str], language: str) -> None:
    assert i18n.system_language(tags) == language


def test_cjk_fonts_match_the_language() -> None:
    installed = [
        "DejaVu Sans",
        "Noto Sans CJK JP",
        "Noto Sans CJK KR",
        "Noto Sans CJK SC",
        "Noto Sans CJK TC",
    ]
    assert i18n.cjk_font_families("zh_TW", installed) == ["Noto Sans CJK TC"]
    assert i18n.cjk_font_families("zh_CN", installed) == ["Noto Sans CJK SC"]
    assert i18n.cjk_font_families("ko", installed) == ["Noto Sans CJK KR"]
    assert i18n.cjk_font_families("ja", installed) == ["Noto Sans CJK JP"]
    assert i18n.cjk_font_families("ko", ["Malgun Gothic", "Noto Sans CJK KR"]) == ["Malgun Gothic"]
    assert i18n.cjk_font_families("ko", ["DejaVu Sans"]) == []
    assert i18n.cjk_font_families(None, installed) == []
    assert i18n.cjk_style("zh_CN") == "zh_CN"


def test_language_choice_is_stored_and_applies_at_the_next_start(
    qtbot, pool: WorkerPool, settings: Settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    monkeypatch.setattr(
        WindowActions, "tell_restart_needed", staticmethod(lambda parent, text: told.append(text))
    )
    # A system with fonts for every language (tests/ui/window/test_language.py: one without).
    monkeypatch.setattr(WindowActions, "font_families", staticmethod(lambda system: ["Noto Sans CJK"]))
    connection = ConnectionController(pool, "http://127.0.0.1:1", timeouts=TEST_TIMEOUTS)
    residency = ResidencyController(pool, lambda: connection.client)
    window = MainWindow(settings, connection, ChatController(pool, lambda: connection.client), residency)
    qtbot.addWidget(window)
    assert window.window_actions.language_actions[i18n.SYSTEM].isChecked()
    window.window_actions.language_actions["ko"].trigger()
    assert settings.language == "ko"
    assert told == [
        "Ollama Desktop will use the new language the next time it starts.\n\n"
        "Ollama Desktop을 다음에 시작할 때 새 언어로 바뀝니다."
    ]
    window.window_actions.language_actions[i18n.SYSTEM].trigger()
    assert settings.language == ""


def test_unknown_stored_language_follows_the_system(settings: Settings) -> None:
    settings.set_language("xx")
    assert i18n.resolve(settings.language) == i18n.system_language()
    settings.set_language("zh_TW")
    assert i18n.resolve(settings.language) == "zh_TW"


# -- Ollama's own words stay reachable under "Details" ----------------------------------------------


def test_errors_say_what_to_do_and_keep_ollamas_words_as_details() -> None:
    oom = explain_error(OutOfMemory(500, "model requires more system memory (9 GiB)"), "h", "m")
    assert "Close other models" in oom.message
    assert "9 GiB" not in oom.message
    assert oom.details == "model requires more system memory (9 GiB)"
    assert oom.tooltip == "Details: model requires more system memory (9 GiB)"
    other = explain_error(ServerError(400, 'option "num_ctx" is invalid'), "h", "m")
    assert "Try again" in other.message
    assert other.details == 'option "num_ctx" is invalid'
    # A problem on the wire: its reason in words, never the exception's own text (issue 16).
    refused = ServerUnreachable("/api/version: NewConnectionError(...)", reason=Reason.REFUSED)
    down = explain_error(refused, "http://127.0.0.1:11434", "")
    assert "http://127.0.0.1:11434" in down.message
    assert down.details == "nothing accepts connections at that address and port"
    pull = explain_pull_error(ServerError(500, "pull model manifest: file does not exist"), "nope:1b")
    assert "Check the spelling" in pull.message
    assert pull.details == "pull model manifest: file does not exist"


def test_chat_shows_details_under_the_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ChatView()
    qtbot.addWidget(view)
    view.add_error("Ollama reported a problem.", "runner crashed")
    text = view.toPlainText()
    assert text.index("Ollama reported a problem.") < text.index("Details: runner crashed")


def test_untranslated_text_is_the_english_source() -> None:
    assert QCoreApplication.translate("MainWindow", "&Chat") == "&Chat"
