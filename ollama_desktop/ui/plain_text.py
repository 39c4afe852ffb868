"""The one way to put text that came from outside the app on screen: always as plain text.

Qt guesses the format of a text in many places: a QLabel left at AutoText, every tooltip (an
item's ToolTipRole too), a QMessageBox made with a static function, and QtCharts' titles, axis
labels and legend. When the first line of a text looks like HTML (`Qt.mightBeRichText`), it is
drawn as rich text, and rich text loads the images it names: a model called
``x<img src="/dev/zero">`` made the GUI thread read that file. Model names, versions, error texts,
/api/show fields and chat titles (an imported file) are data, so a widget that may show them uses
these helpers:

- `plain_label` / `set_plain`: a QLabel that draws its text as it is (`Qt.TextFormat.PlainText`);
- `plain_tooltip`: a tooltip that shows the text as it is (tooltips have no format setting);
- `html_text`: outside text put into rich text the app writes itself (chart labels, a bold name);
- `menu_text`: outside text as a QAction or QMenu text, where ``&`` would mark a shortcut key;
- `message_box` / `ask_yes_no`: a message box whose text is plain.

Combobox, list and table items draw their text plainly already; only their tooltips need
`plain_tooltip`. Window titles are plain too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

# Rich text made only of escaped text: Qt takes it for rich text (it starts with a tag) and finds no
# tag inside to act on. "pre-wrap" keeps the spaces and line breaks a plain tooltip would show.
_TOOLTIP = '<p style="white-space:pre-wrap">{}</p>'


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows `text`, and whatever it is given later, as plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def set_plain(label: QLabel, text: str) -> None:
    """Show `text` on `label` as plain text, whatever format the label had."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that Qt shows as it is, never as markup.

    A tooltip is drawn as rich text exactly when `Qt.mightBeRichText` says so (QToolTip, item views
    and text documents all ask it). Text it takes for plain is returned as it is, so most tooltips
    look and wrap as before; the rest becomes rich text that holds only the escaped text.

    >>> plain_tooltip('x<img src="/dev/zero">&amp;')
    '<p style="white-space:pre-wrap">x&lt;img src="/dev/zero"&gt;&amp;amp;</p>'
    >>> plain_tooltip("Details: model not found"), plain_tooltip("")
    ('Details: model not found', '')
    """
    if not GuiQt.mightBeRichText(text):
        return text
    return _TOOLTIP.format(_escape(text, quote=False))


def _escape(text: str, *, quote: bool = True) -> str:
    """`html.escape`, without importing `html` (and its entity tables) before the first frame."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;") if quote else text


def html_text(text: str) -> str:
    """`text` escaped for rich text that the app writes around it (`<b>{model}</b>`).

    >>> import html
    >>> sample = "<a href='x'>&" + '"</a>'
    >>> html_text(sample) == html.escape(sample)
    True
    >>> html_text('a<b>"&"')
    'a&lt;b&gt;&quot;&amp;&quot;'
    """
    return _escape(text)


def notification_text(text: str) -> str:
    """`text` for a system notification (the tray's balloon).

    Linux notification servers read markup in a notification's body, Windows and macOS show it
    literally, so no escape suits all: the angle brackets become look-alike signs that mean
    nothing to any of them.

    >>> notification_text('x<img src="/dev/zero">')
    'x‹img src="/dev/zero"›'
    """
    return text.replace("<", "‹").replace(">", "›")


def menu_text(text: str) -> str:
    """`text` for a QAction or QMenu: a single ``&`` would underline the next letter and hide itself.

    >>> menu_text("R&D model")
    'R&&D model'
    """
    return text.replace("&", "&&")


def message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
) -> QMessageBox:
    """A message box whose text is plain (the static `QMessageBox.question()` and its kin guess)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setTextFormat(Qt.TextFormat.PlainText)  # before the text: it is never laid out as rich text
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(buttons)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a Yes/No question whose text may name outside things; True for Yes."""
    return message_box(parent, title, text).exec() == QMessageBox.StandardButton.Yes
