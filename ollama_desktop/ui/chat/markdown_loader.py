"""The markdown stack (markdown-it, Pygments, common lexers), imported on a background thread.

The app starts it just after the first frame, and the chat view at the first answer; until it is
done, answers show as plain text. Nothing here imports the stack at module level: this module is
loaded before the first frame.
"""

from __future__ import annotations

import importlib
import threading

# Lexers worth having ready before the first code block closes (their first use costs ~10–40 ms).
_COMMON_LANGUAGES = ("python", "javascript", "typescript", "bash", "json", "c", "cpp", "java", "go", "rust")


class MarkdownLoader:
    """Imports the markdown stack (markdown-it, Pygments, common lexers) on a background thread.

    Why: together they are ~150 ms of imports. On the GUI thread that is a frozen window at start-up
    or at the first answer. On a thread the GUI keeps running; an answer that arrives meanwhile is
    shown as plain text and rendered properly once the imports are done.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._done = threading.Event()

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._load, name="markdown-import", daemon=True)
                self._thread.start()

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    def wait(self) -> None:
        """Block until loaded (for callers that cannot show plain text instead)."""
        self.start()
        self._done.wait()

    def _load(self) -> None:
        # Only pure-Python packages here. Our own renderer module touches PySide6 types at import,
        # and PySide6 initialises types lazily without thread safety: importing it here while the
        # GUI thread ran the garbage collector crashed the app. It is imported on the GUI thread
        # when first used, which is cheap once these are loaded.
        try:
            for name in (
                "markdown_it",
                "markdown_it.token",
                "pygments.style",
                "pygments.styles",
                "pygments.util",
            ):
                importlib.import_module(name)
            importlib.import_module("ollama_desktop.core.chat.markdown_blocks")
            lexers = importlib.import_module("pygments.lexers")
            for name in _COMMON_LANGUAGES:
                list(lexers.get_lexer_by_name(name).get_tokens("x = 1\n"))  # builds its tables once
        finally:
            self._done.set()


# The one loader of the app. Read it as `markdown_loader.LOADER` (not imported by name): tests put
# a loader that is never ready in its place.
LOADER = MarkdownLoader()


def start_loading_markdown() -> None:
    """Start importing the markdown stack in the background (the view does it after its first frame)."""
    LOADER.start()


def markdown_ready() -> bool:
    """Whether answers can be rendered as markdown yet (until then they show as plain text)."""
    return LOADER.ready
