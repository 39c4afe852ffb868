"""The chat's colours, light or dark to match the desktop, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextBlockFormat, QTextCharFormat

# A character format property marking text that belongs to the view (names, notes, Copy links, gaps),
# left out when a selection is copied. QTextFormat.UserProperty (0x100000) + 1, written as a number:
# looking the enum up at import time makes PySide build the whole Property enum (~15 ms of start-up).
CHROME_PROPERTY = 0x100001


@dataclass(frozen=True)
class ChatTheme:
    """Colours of the chat transcript. Chosen from the window's palette: a dark desktop gets dark
    bubbles (fixed light bubbles under the palette's light text would be unreadable)."""

    dark: bool
    background: QColor
    text: QColor
    muted: QColor
    link: QColor
    user_bubble: QColor
    user_border: QColor
    assistant_bubble: QColor
    assistant_border: QColor
    error_bubble: QColor
    error_border: QColor
    error_text: QColor
    thinking_background: QColor
    thinking_text: QColor
    quote_text: QColor
    code_text: QColor
    code_header_background: QColor
    inline_code_background: QColor
    table_border: QColor
    table_header_background: QColor
    code_style: str  # a Pygments style name

    @classmethod
    def light(cls) -> ChatTheme:
        return cls(
            dark=False,
            background=QColor("#f4f5f7"),
            text=QColor("#1f2328"),
            muted=QColor("#6a6f76"),
            link=QColor("#0b57d0"),
            user_bubble=QColor("#e3edfd"),
            user_border=QColor("#c5d7f5"),
            assistant_bubble=QColor("#ffffff"),
            assistant_border=QColor("#dde1e6"),
            error_bubble=QColor("#fdecea"),
            error_border=QColor("#f3c3bf"),
            error_text=QColor("#a1261c"),
            thinking_background=QColor("#f4f4f6"),
            thinking_text=QColor("#57606a"),
            quote_text=QColor("#57606a"),
            code_text=QColor("#1f2328"),
            code_header_background=QColor("#eceff2"),
            inline_code_background=QColor("#eef0f3"),
            table_border=QColor("#c9d1d9"),
            table_header_background=QColor("#f0f3f6"),
            code_style="default",
        )

    @classmethod
    def dark_theme(cls) -> ChatTheme:
        return cls(
            dark=True,
            background=QColor("#1b1d21"),
            text=QColor("#e6e8eb"),
            muted=QColor("#9aa0a6"),
            link=QColor("#8ab4f8"),
            user_bubble=QColor("#24344d"),
            user_border=QColor("#33496b"),
            assistant_bubble=QColor("#25282d"),
            assistant_border=QColor("#34383e"),
            error_bubble=QColor("#3d2222"),
            error_border=QColor("#6b3333"),
            error_text=QColor("#f2b8b5"),
            thinking_background=QColor("#2b2e33"),
            thinking_text=QColor("#b0b5bb"),
            quote_text=QColor("#b0b5bb"),
            code_text=QColor("#e6edf3"),
            code_header_background=QColor("#161b22"),
            inline_code_background=QColor("#343941"),
            table_border=QColor("#444c56"),
            table_header_background=QColor("#2d333b"),
            code_style="github-dark",
        )

    @classmethod
    def for_palette(cls, palette: QPalette) -> ChatTheme:
        """Dark when the palette's window colour is dark."""
        if palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5:
            return cls.dark_theme()
        return cls.light()


def spacer_formats(height: float) -> tuple[QTextBlockFormat, QTextCharFormat]:
    """A gap block of about `height` pixels, marked as chrome (left out of copies)."""
    block = QTextBlockFormat()
    block.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    char = QTextCharFormat()
    char.setFontPointSize(1)
    char.setProperty(CHROME_PROPERTY, True)
    return block, char
