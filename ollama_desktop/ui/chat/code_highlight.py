"""Syntax colours for the code blocks of answers: Pygments tokens turned into Qt character formats.

A code block is highlighted once, when its closing fence arrives (Pygments costs ~60–90 µs a line);
while it streams it is shown in plain monospace. Pygments is imported with this module, which the
chat view loads only after the window's first frame.
"""

from __future__ import annotations

from collections import OrderedDict

from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.style import Style
from pygments.styles import get_style_by_name
from pygments.token import _TokenType
from pygments.util import ClassNotFound
from PySide6.QtGui import QColor, QFont, QTextCharFormat

# Past this many lines a block stays plain: highlighting it at once would freeze the window for
# longer than a user forgives (about 90 ms per 1,000 lines).
MAX_LINES = 1500
_CACHE_SIZE = 64

Run = tuple[str, QTextCharFormat]


class CodeHighlighter:
    """Turns code into runs of (text, format) in one Pygments style; remembers recent results.

    Thread: GUI thread (it builds Qt formats).
    """

    def __init__(self, style_name: str, base: QTextCharFormat) -> None:
        self._style: type[Style] = get_style_by_name(style_name)
        self._base = base
        self._formats: dict[_TokenType, QTextCharFormat] = {}
        self._lexers: dict[str, Lexer | None] = {}
        self._cache: OrderedDict[tuple[str, str], list[Run]] = OrderedDict()

    @property
    def background(self) -> QColor:
        return QColor(self._style.background_color or "#f8f8f8")

    def runs(self, code: str, language: str) -> list[Run] | None:
        """The code cut into coloured runs, or None when it is to be shown plain."""
        lexer = self._lexer(language)
        if lexer is None or code.count("\n") > MAX_LINES:
            return None
        key = (language, code)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        runs: list[Run] = []
        for token_type, value in lexer.get_tokens(code):
            if not value:
                continue
            fmt = self._format(token_type)
            if runs and runs[-1][1] is fmt:
                runs[-1] = (runs[-1][0] + value, fmt)
            else:
                runs.append((value, fmt))
        self._cache[key] = runs
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return runs

    def _lexer(self, language: str) -> Lexer | None:
        name = language.strip().lower()
        if not name:
            return None
        if name not in self._lexers:
            try:
                # ensurenl/stripnl off: the runs must give back exactly the code they were given.
                self._lexers[name] = get_lexer_by_name(name, stripnl=False, ensurenl=False)
            except ClassNotFound:
                self._lexers[name] = None
        return self._lexers[name]

    def _format(self, token_type: _TokenType) -> QTextCharFormat:
        fmt = self._formats.get(token_type)
        if fmt is None:
            style = self._style.style_for_token(token_type)
            fmt = QTextCharFormat(self._base)
            if style["color"]:
                fmt.setForeground(QColor(f"#{style['color']}"))
            if style["bold"]:
                fmt.setFontWeight(QFont.Weight.Bold)
            if style["italic"]:
                fmt.setFontItalic(True)
            if style["underline"]:
                fmt.setFontUnderline(True)
            self._formats[token_type] = fmt
        return fmt
