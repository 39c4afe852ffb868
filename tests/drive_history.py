"""Runs the real app with a saved history and asks one question, printing the answer's progress.

Used by tests/test_history_crash.py in a subprocess that is killed (SIGKILL) mid-answer, so what the
history file holds afterwards can be checked: `python -m tests.drive_history HOST DB QUESTION`.
Each time text reaches the window it prints `chars N` (the answer's length so far), flushed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from ollama_desktop import app as app_module
from ollama_desktop.settings import Settings


def main(argv: list[str]) -> int:
    host, db, question = argv[1], Path(argv[2]), argv[3]
    qapp = QApplication(argv[:1])
    qapp.setApplicationName("Ollama Desktop")
    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat), environ={})
    settings.set_host_override(host)
    window, pool, connection, chat = app_module.build(settings, history_path=db)
    history = window.history
    assert history is not None
    received = [0]

    def ask() -> None:
        window.prompt.setPlainText(question)
        window.send_button.click()

    def on_text(text: str) -> None:
        received[0] += len(text)
        print(f"chars {received[0]}", flush=True)

    connection.models_loaded.connect(lambda models: models and QTimer.singleShot(0, ask))
    chat.reply_text_arrived.connect(on_text)
    chat.reply_finished.connect(lambda _stats: window.close())
    window.show()
    connection.start()
    history.start()
    return app_module.run_until_closed(qapp, pool)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
