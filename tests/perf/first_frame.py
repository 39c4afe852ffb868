"""Start of the app to the first frame of its window, warm and cold.

Run: `python -m tests.perf.first_frame` (offscreen, ~15 s). Prints the medians, and for scale the
same figure for a bare PySide6 window (the floor on this machine: Python and Qt themselves);
`stream_view` prints them in its table too.

The child process starts the way `startup.main` and `app.main` do (`startup.prepare`, QApplication,
settings, translations, `build`, `show_first_frame`) and prints the moment its window's first paint
begins; the time counts from the moment the parent launched it, so the interpreter's own start is
included. The child runs this module, so what it imports at its top is timed too: only what the
app imports anyway (`statistics` and `subprocess` are imported by the parent's functions). The child
may write bytecode caches (a user's installation has them: pip compiles on install, and Python
caches what it compiles); one unmeasured start fills them.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def _report_first_paint(window: QWidget) -> None:
    """Print the moment `window` begins its first paint, then end the process at once."""
    from PySide6.QtCore import QEvent, QObject  # noqa: PLC0415 - this module imports no Qt at its top

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"FIRST_FRAME {time.monotonic():.6f}", flush=True)
                os._exit(0)
            return False

    window.installEventFilter(FirstPaint(window))


def child() -> None:
    """Start the app as `startup.main` does and print the moment its window begins its first paint."""
    from ollama_desktop import startup  # noqa: PLC0415 - everything from here on is timed

    startup.prepare()  # as the app's entry does, before anything else loads
    import tempfile  # noqa: PLC0415

    from PySide6.QtCore import QSettings  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from ollama_desktop import app as app_module  # noqa: PLC0415
    from ollama_desktop import i18n  # noqa: PLC0415
    from ollama_desktop.settings import Settings  # noqa: PLC0415

    qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName("Ollama Desktop")
    folder = tempfile.mkdtemp()
    settings = Settings(QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat), environ={})
    settings.set_host_override("http://127.0.0.1:9")
    language, _translators = i18n.install(qapp, settings.language)
    i18n.apply_fonts(qapp, language)
    window, *_rest = app_module.build(settings, history_path=Path(folder) / app_module.HISTORY_FILE)
    _report_first_paint(window)
    app_module.show_first_frame(window)


def bare_child() -> None:
    """For scale: the least a PySide6 app can do, a main window with a text view, to its first paint."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser  # noqa: PLC0415 - timed from here

    qapp = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTextBrowser())
    window.resize(900, 700)
    _report_first_paint(window)
    window.show()
    qapp.exec()


def _evict_from_page_cache(folders: list[Path]) -> None:
    """Drop these files from the OS page cache (Linux), so the next start reads them from disk."""
    if not hasattr(os, "posix_fadvise"):
        return
    for folder in folders:
        for path in folder.rglob("*"):
            try:
                if path.is_file() and not path.is_symlink():
                    fd = os.open(path, os.O_RDONLY)
                    try:
                        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                    finally:
                        os.close(fd)
            except OSError:
                continue


def start_to_first_frame(*, cold: bool, bare: bool = False) -> float:
    """Milliseconds from launching the child to its window's first paint (`bare`: of `bare_child`)."""
    import subprocess  # noqa: PLC0415 - the parent's own: the child must import only what the app does

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cold:
        import sysconfig  # noqa: PLC0415

        roots = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"], str(Path.cwd())}
        _evict_from_page_cache([Path(root) for root in roots])
    started = time.monotonic()
    output = subprocess.run(
        [sys.executable, "-m", "tests.perf.first_frame", "--bare-child" if bare else "--child"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("FIRST_FRAME"))
    return (float(line.split()[1]) - started) * 1000


def medians(warm_runs: int = 5, cold_runs: int = 3) -> tuple[float, float, float]:
    """(warm, cold, bare warm) medians in milliseconds, after unmeasured starts that fill the caches."""
    import statistics  # noqa: PLC0415 - as subprocess above

    start_to_first_frame(cold=False)
    start_to_first_frame(cold=False, bare=True)
    warm = statistics.median(start_to_first_frame(cold=False) for _ in range(warm_runs))
    cold = statistics.median(start_to_first_frame(cold=True) for _ in range(cold_runs))
    bare = statistics.median(start_to_first_frame(cold=False, bare=True) for _ in range(warm_runs))
    return warm, cold, bare


def main() -> int:
    if "--child" in sys.argv[1:]:
        child()
        return 1  # the child exits from its first paint
    if "--bare-child" in sys.argv[1:]:
        bare_child()
        return 1
    warm, cold, bare = medians()
    print(f"start to first frame: warm {warm:.0f} ms (median of 5), cold {cold:.0f} ms (median of 3)")
    print(f"a bare PySide6 window (QMainWindow and QTextBrowser), warm: {bare:.0f} ms (median of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
