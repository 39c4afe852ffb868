"""The app as a user starts it, asking one question by itself: for the screenshots in each language.

    python -m tools.screenshot_app QUESTION [MODEL] [WINDOW]

Starts like `ollama-desktop` (the language and fonts from the settings or the system: set LANG and
LANGUAGE; OLLAMA_DESKTOP_COLOR_SCHEME=dark for the dark pictures), waits for the model list, picks
MODEL if given ("" for the first), types QUESTION and presses Send, opens WINDOW ("models",
"benchmark", "memory") once the answer is in, and keeps running until it is ended.
`tools/language_screenshots.sh` runs it under Xvfb in each
language against the fake Ollama.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from ollama_desktop import app as app_module
from ollama_desktop import i18n
from ollama_desktop.resources import data_folder
from ollama_desktop.settings import Settings
from ollama_desktop.ui.color_scheme import apply_color_scheme


def main(argv: list[str]) -> int:
    question = argv[1]
    model = argv[2] if len(argv) > 2 else ""
    opened = argv[3] if len(argv) > 3 else ""
    qapp = QApplication(argv[:1])
    qapp.setApplicationName("Ollama Desktop")
    qapp.setOrganizationName("Ollama Desktop")
    settings = Settings(QSettings())
    language, _translators = i18n.install(qapp, settings.language)
    families = i18n.apply_fonts(qapp, language)
    apply_color_scheme(qapp)  # as the app does: OLLAMA_DESKTOP_COLOR_SCHEME=dark for the dark pictures
    print(f"language {language}, fonts {families}", flush=True)
    history = data_folder() / app_module.HISTORY_FILE
    window, pool, connection, _chat = app_module.build(settings, history_path=history)
    window.resize(1100, 680)

    def ask() -> None:
        if model:
            window.model_picker.setCurrentIndex(window.model_picker.findData(model, Qt.ItemDataRole.UserRole))
        window.prompt.setPlainText(question)
        window.send_button.click()

    asked: list[bool] = []

    def on_models(models: object) -> None:
        if models and not asked:
            asked.append(True)
            QTimer.singleShot(300, ask)

    connection.models_loaded.connect(on_models)
    actions = window.window_actions
    to_open = {
        "models": actions.models_action,
        "benchmark": actions.benchmark_action,
        "memory": actions.unload_dialog_action,
    }.get(opened)
    if to_open is not None:
        _chat.reply_finished.connect(lambda _stats: QTimer.singleShot(500, to_open.trigger))
    window.show()
    connection.start()
    if window.history is not None:
        window.history.start()
    return app_module.run_until_closed(qapp, pool)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
