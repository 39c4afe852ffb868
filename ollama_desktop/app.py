"""Composition root: builds the application, its settings, client, pool, controllers and window."""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

import qasync
from PySide6.QtCore import QMessageLogContext, QSettings, QStandardPaths, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ollama_desktop import __version__
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.resources import APP_ICON, app_icon, resource_path
from ollama_desktop.settings import Settings
from ollama_desktop.ui.main_window import MainWindow
from ollama_desktop.ui.tray import TrayIcon
from ollama_desktop.workers import WorkerPool

log = logging.getLogger(__name__)

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def setup_logging() -> Path:
    """Log to a rotating file in the app's data folder, with Qt's own messages bridged in."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ollama-desktop.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    qInstallMessageHandler(_qt_message)
    return path


def build(settings: Settings) -> tuple[MainWindow, WorkerPool, ConnectionController, ChatController]:
    """The window and what it runs on, wired together; nothing is started and no I/O is done."""
    app = QApplication.instance()
    pool = WorkerPool(parent=app)
    connection = ConnectionController(pool, settings.host(), parent=app)
    chat = ChatController(pool, lambda: connection.client, parent=app)
    residency = ResidencyController(pool, lambda: connection.client, parent=app)
    tray = None
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = TrayIcon(app_icon(), parent=app)
        tray.show()
        # Closing the window may only hide it in the tray; the window quits the app itself.
        QApplication.setQuitOnLastWindowClosed(False)
    window = MainWindow(settings, connection, chat, residency, tray=tray)
    window.setWindowIcon(app_icon())
    return window, pool, connection, chat


def run_until_closed(app: QApplication, pool: WorkerPool) -> int:
    """Run qasync's loop until the app quits, then wait for the worker threads; the exit status."""
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closing = asyncio.Event()
    app.aboutToQuit.connect(closing.set)
    with loop:
        loop.run_until_complete(closing.wait())
    if not pool.shutdown(timeout_ms=2000):
        log.warning("worker threads still running at exit")
    return 0


def smoke_test(window: MainWindow) -> int:
    """Show the window once and check the resources load: 0 when all is well."""
    problems = []
    if not resource_path(APP_ICON).is_file() or app_icon().isNull():
        problems.append(f"app icon missing: {resource_path(APP_ICON)}")
    window.show()
    QApplication.processEvents()
    if not window.isVisible():
        problems.append("the main window did not show")
    window.close()
    for problem in problems:
        print(f"smoke test: {problem}", file=sys.stderr)
    if not problems:
        print(f"smoke test: Ollama Desktop {__version__} started and closed cleanly")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app until its window closes; the exit status."""
    args = list(sys.argv if argv is None else argv)
    smoke = "--smoke-test" in args
    if smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(args)
    app.setApplicationName("Ollama Desktop")
    app.setOrganizationName("Ollama Desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("ollama-desktop")
    app.setWindowIcon(app_icon())
    setup_logging()

    window, pool, connection, _chat = build(Settings(QSettings()))
    if smoke:
        return smoke_test(window)
    window.show()
    connection.start()
    # Ctrl+C in a terminal closes the window the normal way.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    return run_until_closed(app, pool)
