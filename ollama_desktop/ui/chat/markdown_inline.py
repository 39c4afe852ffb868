"""Markdown's inline tokens (emphasis, code, links, breaks) written at a QTextCursor; which links may open.

Part of the markdown writer (`markdown_render`): images are never loaded and only web links become
links, whatever the server sends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

if TYPE_CHECKING:
    from markdown_it.token import Token

    from ollama_desktop.ui.chat.markdown_render import MarkdownWriter

LINE_SEPARATOR = "\u2028"  # a line break inside a paragraph (markdown's soft and hard breaks)

_SAFE_SCHEMES = {"http", "https"}


def is_web_link(href: str) -> bool:
    """Whether a link may be opened in the browser: http(s) with a host, nothing else.

    >>> is_web_link("https://ollama.com/library"), is_web_link("javascript:alert(1)")
    (True, False)
    >>> is_web_link("file:///etc/passwd"), is_web_link("/relative/page")
    (False, False)
    """
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.scheme.lower() in _SAFE_SCHEMES and bool(parts.netloc)


class InlineWriter:
    """Inline tokens (emphasis, code, links, breaks) written with a stack of character formats."""

    def __init__(self, writer: MarkdownWriter, cursor: QTextCursor, base: QTextCharFormat) -> None:
        self.w = writer
        self.cursor = cursor
        self.stack = [base]

    def push(self, change: Callable[[QTextCharFormat], None]) -> None:
        fmt = QTextCharFormat(self.stack[-1])
        change(fmt)
        self.stack.append(fmt)

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()

    def write(self, children: list[Token]) -> None:
        for token in children:
            kind = token.type
            if kind == "text":
                if token.content:
                    self.cursor.insertText(token.content, self.stack[-1])
            elif kind in ("softbreak", "hardbreak"):
                self.cursor.insertText(LINE_SEPARATOR, self.stack[-1])
            elif kind == "strong_open":
                self.push(lambda fmt: fmt.setFontWeight(QFont.Weight.Bold))
            elif kind == "em_open":
                self.push(lambda fmt: fmt.setFontItalic(True))
            elif kind == "s_open":
                self.push(lambda fmt: fmt.setFontStrikeOut(True))
            elif kind in ("strong_close", "em_close", "s_close", "link_close"):
                self.pop()
            elif kind == "code_inline":
                fmt = QTextCharFormat(self.stack[-1])
                fmt.merge(self.w.inline_code_format)
                self.cursor.insertText(token.content, fmt)
            elif kind == "link_open":
                self.push(self._link_change(str(token.attrs.get("href", ""))))
            elif kind == "image":
                self._image(token)

    def _link_change(self, href: str) -> Callable[[QTextCharFormat], None]:
        def change(fmt: QTextCharFormat) -> None:
            # Only web links become links; anything else (file:, mailto:, relative) stays plain text.
            if is_web_link(href):
                fmt.merge(self.w.link_format(href))

        return change

    def _image(self, token: Token) -> None:
        """Images are never loaded: the alt text becomes a link to the picture."""
        src = str(token.attrs.get("src", ""))
        alt = token.content or src
        fmt = QTextCharFormat(self.stack[-1])
        if is_web_link(src):
            fmt.merge(self.w.link_format(src))
        self.cursor.insertText(
            QCoreApplication.translate("MarkdownWriter", "[image: {alt}]").format(alt=alt), fmt
        )
