"""The app as a user starts it, asking one question by itself: for the screenshots in each language.

    python -m tools.screenshot_app QUESTION [MODEL]

Starts like `ollama-desktop` (the language and fonts from the settings or the system: set LANG and
LANGUAGE), waits for the model list, picks MODEL if given, types QUESTION and presses Send, and
keeps running until it is ended. `tools/language_screenshots.sh` runs it under Xvfb in each
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
    window.show()
    connection.start()
    if window.history is not None:
        window.history.start()
    return app_module.run_until_closed(qapp, pool)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
