"""Runs the real app in this process and uses it like a person: ask, read, close the window.

Used by tests/test_app_exit.py in a subprocess, so the exit status and leftovers of the whole process
can be checked: `python -m tests.drive_app HOST QUESTION [stop-after-chars]`.
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
    host, question = argv[1], argv[2]
    stop_after = int(argv[3]) if len(argv) > 3 else 0
    qapp = QApplication(argv[:1])
    qapp.setApplicationName("Ollama Desktop")
    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat), environ={})
    settings.set_host_override(host)
    window, pool, connection, chat = app_module.build(settings)

    def ask() -> None:
        window.prompt.setPlainText(question)
        window.send_button.click()

    def on_text(_text: str) -> None:
        if stop_after and len(window.chat_view.toPlainText()) >= stop_after:
            window.close()  # closing mid-stream: the answer must be kept and the process end cleanly

    connection.models_loaded.connect(lambda models: models and QTimer.singleShot(0, ask))
    chat.reply_text_arrived.connect(on_text)
    chat.reply_finished.connect(lambda _stats: window.close())
    chat.reply_failed.connect(lambda error: (print(f"failed: {error}", file=sys.stderr), window.close()))
    window.destroyed.connect(lambda: None)
    qapp.aboutToQuit.connect(
        lambda: print(f"kept {len(''.join(m.content for m in chat.conversation.messages))} chars")
    )
    window.show()
    connection.start()
    return app_module.run_until_closed(qapp, pool)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
