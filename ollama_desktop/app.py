"""Composition root: builds the application, its settings, client, pool, controllers and window."""

from __future__ import annotations

import atexit
import importlib.util
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ollama_desktop import app_version, i18n
from ollama_desktop.controllers.attachments import AttachmentsController
from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.context import ContextController
from ollama_desktop.controllers.current_server import CurrentServerController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.controllers.servers import ServersController
from ollama_desktop.core.history.store import HistoryStore
from ollama_desktop.gc_guard import GuiThreadGarbageCollector, freeze_survivors, freeze_survivors_once
from ollama_desktop.resources import APP_ICON, app_icon, data_folder, resource_path
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.markdown_loader import markdown_ready, start_loading_markdown
from ollama_desktop.ui.color_scheme import apply_color_scheme
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.ui.window.tray import TrayIcon
from ollama_desktop.workers import WorkerPool, share_the_gil

log = logging.getLogger(__name__)

# The saved chats, in the app's data folder (AppLocalDataLocation) beside the log.
HISTORY_FILE = "history.sqlite3"
# Past benchmarks, beside them.
BENCHMARK_FILE = "benchmarks.jsonl"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def setup_logging(folder: Path | None = None) -> Path | None:
    """Log to a rotating file in the app's data folder, with Qt's own messages bridged in.

    The path of the log; None when the folder cannot be written (a file in its place, no
    permission): the log then goes to stderr, and the app goes on (the history banner tells the
    user that chats are not saved, and where it could not write).
    """
    import logging.handlers  # noqa: PLC0415 - called after the first frame

    folder = data_folder() if folder is None else folder
    path = folder / "ollama-desktop.log"
    handler: logging.Handler
    problem = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        problem = f"cannot write the log {path} ({exc.strerror or exc}): logging to stderr"
        # A windowed build on Windows has no stderr at all: then there is no log.
        handler = logging.StreamHandler() if sys.stderr is not None else logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if problem:
        log.warning("%s", problem)
    qInstallMessageHandler(_qt_message)
    # A Qt message during interpreter shutdown would call into a half-torn-down Python and crash.
    atexit.register(qInstallMessageHandler, None)
    return None if problem else path


def build(
    settings: Settings, *, history_path: Path | None = None
) -> tuple[MainWindow, WorkerPool, ConnectionController, ChatController]:
    """The window and what it runs on, wired together; nothing is started and no I/O is done.

    With `history_path`, chats are saved in that SQLite file (`window.history.start()` opens it).
    """
    app = QApplication.instance()
    # Before any worker thread starts: cycles holding Qt objects must be freed on this thread.
    GuiThreadGarbageCollector(parent=app).start()
    pool = WorkerPool(parent=app)
    connection = ConnectionController(pool, settings.host(), parent=app)
    chat = ChatController(pool, lambda: connection.client, parent=app)
    residency = ResidencyController(pool, lambda: connection.client, parent=app)
    context = ContextController(chat, residency, pool, lambda: connection.client, parent=app)
    tray = None
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = TrayIcon(app_icon(), parent=app)
        tray.show()
        # Closing the window may only hide it in the tray; the window quits the app itself.
        QApplication.setQuitOnLastWindowClosed(False)
    models = ModelsController(pool, lambda: connection.client, parent=app)
    servers = ServersController(pool, parent=app)
    benchmark = BenchmarkController(
        pool, lambda: connection.client, data_folder() / BENCHMARK_FILE, parent=app
    )
    history = None
    if history_path is not None:
        # Its own pool of one thread: the file's jobs run in order, and never wait behind a stream.
        history_pool = WorkerPool(max_threads=1, parent=app)
        history = HistoryController(chat, HistoryStore(history_path), history_pool, parent=app)
    current_server = CurrentServerController(settings, connection, residency, servers, parent=app)
    window = MainWindow(
        settings,
        connection,
        chat,
        residency,
        tray=tray,
        models=models,
        servers=servers,
        current_server=current_server,
        history=history,
        benchmark=benchmark,
        context=context,
        # Files are read one at a time on a thread of their own: a PDF read in pure Python takes the
        # GIL in turns with the window, and two at once would take twice the turns.
        attachments=AttachmentsController(WorkerPool(max_threads=1, parent=app), parent=app),
    )
    window.setWindowIcon(app_icon())
    return window, pool, connection, chat


def run_until_closed(app: QApplication, pool: WorkerPool) -> int:
    """Run qasync's loop until the app quits, then wait for the worker threads; the exit status."""
    # asyncio and qasync take ~55 ms to import: called after the first frame.
    import asyncio  # noqa: PLC0415

    import qasync  # noqa: PLC0415

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closing = asyncio.Event()
    app.aboutToQuit.connect(closing.set)
    with loop:
        loop.run_until_complete(closing.wait())
    if not pool.shutdown(timeout_ms=2000):
        log.warning("worker threads still running at exit")
    return 0


# The Qt plugins a standalone build must keep (packaging/spec_support.py leaves the others out):
# the platforms, the input methods CJK input needs, and the SVG icon engine.
_QT_PLUGINS_NEEDED = {
    "linux": (
        "platforms/*qxcb.*",
        "platforms/*qwayland*",
        "platforms/*qoffscreen.*",
        "platforminputcontexts/*ibus*",
        "platforminputcontexts/*compose*",
        "iconengines/*qsvgicon.*",
        # Attached pictures (PNG is built in).
        "imageformats/*qjpeg*",
        "imageformats/*qgif*",
        "imageformats/*qwebp*",
    ),
    "win32": (
        "platforms/qwindows.dll",
        "platforms/qoffscreen.dll",
        "iconengines/qsvgicon.dll",
        "imageformats/qjpeg.dll",
        "imageformats/qgif.dll",
        "imageformats/qwebp.dll",
    ),
}


def _smoke_problems() -> list[str]:
    """What is missing for the app to look and read right: icon, translations, Qt plugins."""
    problems = []
    # A null pixmap from an SVG icon means Qt's SVG icon engine (or libQt6Svg) is missing.
    if not resource_path(APP_ICON).is_file() or app_icon().pixmap(64, 64).isNull():
        problems.append(f"app icon missing or unreadable: {resource_path(APP_ICON)}")
    # Every language's catalogue, and Qt's own for its standard dialogs and buttons.
    qt_translations = i18n.qt_translations_folder()
    for language in i18n.LANGUAGES:
        translator = i18n.translator_for(language)
        if translator is None or translator.isEmpty():
            catalogue = resource_path(f"i18n/{i18n.CATALOGUE}_{language}.qm")
            problems.append(f"translation missing or does not load: {catalogue}")
        if not (qt_translations / f"qtbase_{language}.qm").is_file():
            problems.append(f"Qt's own translation qtbase_{language}.qm missing from {qt_translations}")
    plugin_folders = [Path(folder) for folder in QApplication.libraryPaths()]
    for pattern in _QT_PLUGINS_NEEDED.get(sys.platform, ()):
        if not any(any(folder.glob(pattern)) for folder in plugin_folders):
            problems.append(f"Qt plugin {pattern} missing from {', '.join(map(str, plugin_folders))}")
    # Attached PDF and Word documents are read with these (imported when the first one comes).
    for module in ("pypdf", "docx"):
        if importlib.util.find_spec(module) is None:
            problems.append(f"{module} missing: PDF and Word attachments cannot be read")
    return problems


def smoke_test(window: MainWindow) -> int:
    """Show the window, wait for its first frame, check resources, icons, translations and Qt plugins.

    0 when all is well; otherwise 1, with what is missing on stderr.
    """
    # The same way as a normal start; on a real screen the window is mapped asynchronously.
    show_first_frame(window, timeout_ms=5000)
    problems = []
    if window.isVisible() and window.windowHandle() is not None and window.windowHandle().isExposed():
        # flush: packaging/measure.py times the start by the moment this line arrives
        print("smoke test: the main window is shown", flush=True)
    else:
        problems.append("the main window did not show")
    problems += _smoke_problems()
    window.close()
    for problem in problems:
        print(f"smoke test: {problem}", file=sys.stderr)
    if not problems:
        print(f"smoke test: Ollama Desktop {app_version()} started and closed cleanly", flush=True)
    return 1 if problems else 0


class _FirstPaint(QObject):
    """Ends a local event loop once the watched window has painted, or after `timeout_ms`."""

    def __init__(self, window: MainWindow, timeout_ms: int) -> None:
        super().__init__()
        self._window = window
        self._loop = QEventLoop(self)
        # Timers owned by this object: none can fire at the loop after it is gone.
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.setInterval(timeout_ms)
        self._give_up.timeout.connect(self._loop.quit)
        self._painted = QTimer(self)
        self._painted.setSingleShot(True)
        self._painted.setInterval(0)
        self._painted.timeout.connect(self._loop.quit)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # Quit after this paint has been drawn and flushed, not before.
            self._painted.start()
        return False

    def wait(self) -> None:
        self._give_up.start()
        self._loop.exec()
        self._window.removeEventFilter(self)
        self._give_up.stop()
        self._painted.stop()


def show_first_frame(window: MainWindow, timeout_ms: int = 2000) -> None:
    """Show the window and run Qt's loop until it has painted once (at most `timeout_ms`).

    What is not needed to draw the window (logging to a file, asyncio and qasync, the first calls
    to Ollama) starts after this, so the window appears as early as it can.
    """
    first_paint = _FirstPaint(window, timeout_ms)
    window.show()
    first_paint.wait()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app until its window closes; the exit status."""
    args = list(sys.argv if argv is None else argv)
    share_the_gil()
    smoke = "--smoke-test" in args
    if smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(args)
    app.setApplicationName("Ollama Desktop")
    app.setOrganizationName("Ollama Desktop")
    app.setDesktopFileName("ollama-desktop")
    app.setWindowIcon(app_icon())
    settings = Settings(QSettings())
    # Before any widget exists: widgets read their texts and fonts when they are built.
    language, _translators = i18n.install(app, settings.language)
    i18n.apply_fonts(app, language)
    apply_color_scheme(app)

    window, pool, connection, _chat = build(settings, history_path=data_folder() / HISTORY_FILE)
    if smoke:
        status = smoke_test(window)
        setup_logging()  # a build missing logging.handlers fails the test here
        pool.shutdown(timeout_ms=2000)  # showing the window started its first checks
        return status
    show_first_frame(window)
    if window.closed:
        # Closed or quit before it was even drawn: Qt ignores a quit before its main loop runs.
        pool.shutdown(timeout_ms=2000)
        return 0
    setup_logging()
    app.setApplicationVersion(app_version())
    connection.start()
    if window.history is not None:
        window.history.start()
    # Everything built so far lives as long as the app, and so does the markdown stack the chat
    # view imports after the first frame: keep them out of the garbage collector's full scans,
    # which would otherwise pause the GUI for ~15 ms now and then (see gc_guard).
    QTimer.singleShot(0, freeze_survivors)
    start_loading_markdown()
    freeze_survivors_once(markdown_ready, app)
    # Ctrl+C in a terminal closes the window the normal way.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    return run_until_closed(app, pool)
