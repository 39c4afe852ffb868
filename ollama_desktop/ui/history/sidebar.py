"""The list of past conversations beside the chat: New chat, search, open, rename, delete, export."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.core.history.store import ConversationSummary, SearchHit
from ollama_desktop.ui.history.texts import snippet_html, snippet_parts, when_text
from ollama_desktop.ui.plain_text import html_text, plain_label, plain_tooltip

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

UID_ROLE = Qt.ItemDataRole.UserRole
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2  # the saved title, to tell a rename from no change
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # a search result's words around the match: snippet_parts
_PADDING = 6
# The list opens this wide, or this many average characters, whichever is wider: a title of a few
# words, and a search result's words around the match, fit.
START_WIDTH = 260
START_CHARS = 28
MIN_CHARS = 20


Parts = list[tuple[str, bool]]


def fit_parts(parts: Parts, width: int, plain: QFontMetrics, bold: QFontMetrics) -> Parts:
    """The runs of a snippet (text, bold) that fit in `width` pixels, the first match in sight.

    When the text before the first match would push it out of sight, its start is cut with "…" so
    that the match stands about a third of the way in; what does not fit at the end ends with "…".
    """

    def measure(run: tuple[str, bool]) -> int:
        return (bold if run[1] else plain).horizontalAdvance(run[0])

    if sum(measure(run) for run in parts) <= width:
        return list(parts)
    first = next((number for number, run in enumerate(parts) if run[1]), None)
    fitted = list(parts)
    if first is not None and first > 0:
        before = "".join(text for text, _bold in parts[:first])
        room = width // 3 - plain.horizontalAdvance("…")
        if plain.horizontalAdvance(before) + measure(parts[first]) > width:
            cut = 0
            while cut < len(before) and plain.horizontalAdvance(before[cut:]) > room:
                cut += 1
            kept = before[cut:]
            if cut and (space := kept.find(" ")) != -1 and space < len(kept) - 1:
                kept = kept[space + 1 :]  # from the start of a word
            prefix = "…" if cut or before.startswith("…") else ""
            fitted = [(prefix + kept.lstrip("…"), False), *parts[first:]]
    shown: Parts = []
    left = width
    for run in fitted:
        size = measure(run)
        if size <= left:
            shown.append(run)
            left -= size
            continue
        metrics = bold if run[1] else plain
        cut_text = metrics.elidedText(run[0], Qt.TextElideMode.ElideRight, left)
        if cut_text:
            shown.append((cut_text, run[1]))
        break
    return shown


class ConversationDelegate(QStyledItemDelegate):
    """Paints a conversation on two lines: its title in bold, then its model and date (or the
    words around a search match, the matched words in bold) in a smaller, quieter font. Editing
    edits the title."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # Imported when the first chat is drawn (the list fills after the window's first frame):
        # QStyle's many enums cost ~10 ms to load.
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem  # noqa: PLC0415

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if selected else QPalette.ColorGroup.Normal
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(_PADDING + 2, _PADDING // 2, -_PADDING, -_PADDING // 2)
        title_font = QFont(opt.font)
        title_font.setBold(True)
        small_font = QFont(opt.font)
        small_font.setPointSizeF(max(opt.font.pointSizeF() - 1, 6))
        title_metrics = QFontMetrics(title_font)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(opt.palette.color(group, text_role))
        line = rect.adjusted(0, 0, 0, -(rect.height() - title_metrics.height()))
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        subtitle = index.data(SUBTITLE_ROLE)
        parts = index.data(SNIPPET_ROLE)
        if isinstance(subtitle, str) and subtitle:
            painter.setFont(small_font)
            if not selected:
                painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
            small_metrics = QFontMetrics(small_font)
            below = rect.adjusted(0, title_metrics.height() + 1, 0, 0)
            if isinstance(parts, list) and parts:
                self._paint_parts(painter, below, parts, small_font)
            else:
                painter.drawText(
                    below,
                    Qt.AlignmentFlag.AlignTop,
                    small_metrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, rect.width()),
                )
        painter.restore()

    @staticmethod
    def _paint_parts(painter: QPainter, rect: QRect, parts: Parts, font: QFont) -> None:
        """A search result's snippet, the matched words in bold (drawn as text: nothing is markup)."""
        bold_font = QFont(font)
        bold_font.setBold(True)
        plain, bold = QFontMetrics(font), QFontMetrics(bold_font)
        x = rect.left()
        for text, is_bold in fit_parts(parts, rect.width(), plain, bold):
            painter.setFont(bold_font if is_bold else font)
            painter.drawText(
                QRect(x, rect.top(), rect.right() - x + 1, rect.height()), Qt.AlignmentFlag.AlignTop, text
            )
            x += (bold if is_bold else plain).horizontalAdvance(text)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        title_font = QFont(option.font)
        title_font.setBold(True)
        small_font = QFont(option.font)
        small_font.setPointSizeF(max(option.font.pointSizeF() - 1, 6))
        height = QFontMetrics(title_font).height() + QFontMetrics(small_font).height() + _PADDING + 3
        return QSize(200, height)


class HistorySidebar(QWidget):
    """Past conversations, newest first, with a search box over every message.

    Click (or Enter) opens a conversation; F2 or the context menu renames it; Delete or the context
    menu deletes it, with Undo for a few seconds. Searching waits for a pause in typing.

    Thread: GUI thread.
    """

    new_chat_requested = Signal()
    open_requested = Signal(str)  # uid
    rename_requested = Signal(str, str)  # uid, title
    delete_requested = Signal(str, str)  # uid, title
    undo_requested = Signal(str)  # uid
    purge_requested = Signal(str)  # uid: the undo time is over
    export_requested = Signal(str, str)  # uid, "markdown" or "json"
    search_requested = Signal(str)  # words ("" when the box was cleared)

    UNDO_MS = 10_000
    SEARCH_DELAY_MS = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summaries: tuple[ConversationSummary, ...] = ()
        self._current = ""
        self._deleted_uid = ""
        self._unavailable = ""

        self.new_chat_button = QPushButton(self.tr("New chat"))
        self.new_chat_button.setToolTip(self.tr("Start a new chat (Ctrl+N)"))
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search all chats"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search all chats"))
        self.list = QListWidget()
        self.list.setItemDelegate(ConversationDelegate(self.list))
        self.list.setAccessibleName(self.tr("Saved chats"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        # Chat titles, model names, search words and folder names are data: plain text only.
        self.empty_label = plain_label()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.undo_label = plain_label()
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_bar.hide()

        self._build_actions()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(self.UNDO_MS)
        self._build_layout()
        self._connect()
        self._show_items([])

    def _build_actions(self) -> None:
        self.rename_action = QAction(self.tr("Rename"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.export_markdown_action = QAction(self.tr("Export as Markdown…"), self)
        self.export_json_action = QAction(self.tr("Export as JSON (can be imported again)…"), self)
        self.list.addAction(self.delete_action)

    def _build_layout(self) -> None:
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(6, 4, 6, 4)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.new_chat_button)
        layout.addWidget(self.search_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.undo_bar)

    def _connect(self) -> None:
        self.new_chat_button.clicked.connect(self.new_chat_requested)
        self.search_box.textChanged.connect(self._on_search_text_changed)
        self._search_timer.timeout.connect(self._on_search_due)
        self.list.itemClicked.connect(self._on_item_chosen)
        self.list.itemActivated.connect(self._on_item_chosen)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.rename_action.triggered.connect(self._on_rename_triggered)
        self.delete_action.triggered.connect(self._on_delete_triggered)
        self.export_markdown_action.triggered.connect(lambda: self._export("markdown"))
        self.export_json_action.triggered.connect(lambda: self._export("json"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self._undo_timer.timeout.connect(self._on_undo_expired)

    def sizeHint(self) -> QSize:
        # The width the dock opens at (the user's own width is kept with the window's state).
        return QSize(max(START_WIDTH, self.fontMetrics().averageCharWidth() * START_CHARS), 400)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * MIN_CHARS, 200)

    # -- what the controller tells -----------------------------------------------------------------

    @property
    def searching(self) -> bool:
        return bool(self.search_box.text().strip())

    @property
    def search_words(self) -> tuple[str, ...]:
        """The words searched for now (none when no search is on)."""
        return tuple(self.search_box.text().split())

    def show_conversations(self, summaries: Sequence[ConversationSummary]) -> None:
        """The whole list, newest first (shown unless a search is on)."""
        self._summaries = tuple(summaries)
        if not self.searching:
            self._show_items([(summary, self._subtitle(summary), None) for summary in summaries])

    def show_search_results(self, words: str, hits: Sequence[SearchHit]) -> None:
        if words != self.search_box.text().strip():
            return  # the user typed on meanwhile
        if not words:
            self.show_conversations(self._summaries)
            return
        terms = words.split()
        self._show_items(
            [
                (hit.summary, hit.snippet or self._subtitle(hit.summary), snippet_parts(hit.snippet, terms))
                for hit in hits
            ]
        )

    def set_current(self, uid: str) -> None:
        """Highlight the conversation shown in the chat ("" for a new one)."""
        self._current = uid
        self.list.blockSignals(True)
        self.list.clearSelection()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(UID_ROLE) == uid:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                break
        self.list.blockSignals(False)

    def set_unavailable(self, text: str) -> None:
        """Saved chats cannot be shown; `text` says why ("" when they can again)."""
        self._unavailable = text
        self._update_empty_label()

    def show_deleted(self, uid: str, title: str) -> None:
        """Offer Undo for a few seconds; then the conversation is removed for good."""
        if self._deleted_uid and self._deleted_uid != uid:
            self.purge_requested.emit(self._deleted_uid)
        self._deleted_uid = uid
        shown = title or self.tr("The chat")
        self.undo_label.setText(self.tr("Deleted “{title}”.").format(title=shown))
        self.undo_bar.show()
        self._undo_timer.start()

    def uid_at(self, row: int) -> str:
        item = self.list.item(row)
        value = item.data(UID_ROLE) if item is not None else ""
        return value if isinstance(value, str) else ""

    def titles(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    # -- building the list -------------------------------------------------------------------------

    def _subtitle(self, summary: ConversationSummary) -> str:
        when = when_text(summary.updated_at)
        return f"{summary.model} · {when}" if summary.model else when

    def _show_items(self, rows: list[tuple[ConversationSummary, str, Parts | None]]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        untitled = self.tr("Untitled chat")
        for summary, subtitle, parts in rows:
            title = summary.title or untitled
            item = QListWidgetItem(title)
            item.setData(UID_ROLE, summary.uid)
            item.setData(TITLE_ROLE, summary.title)
            item.setData(SUBTITLE_ROLE, subtitle)
            if parts:
                # The whole title, then the words around the match with the match in bold: rich
                # text the app writes, every piece of the chat's text escaped in it.
                item.setData(SNIPPET_ROLE, parts)
                about, snippet = html_text(self._subtitle(summary)), snippet_html(parts)
                item.setToolTip(
                    f'<p style="white-space:pre-wrap"><b>{html_text(title)}</b><br>{about}<br>{snippet}</p>'
                )
            else:
                item.setToolTip(plain_tooltip(f"{title}\n{self._subtitle(summary)}"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.set_current(self._current)
        self._update_empty_label()

    def _update_empty_label(self) -> None:
        empty = self.list.count() == 0
        if self._unavailable:
            text = self._unavailable
        elif self.searching:
            text = self.tr("No chat contains “{words}”.").format(words=self.search_box.text().strip())
        else:
            text = self.tr("Your chats are kept here. Ask a question to start one.")
        self.empty_label.setText(text)
        self.empty_label.setVisible(empty)
        self.list.setVisible(not empty)

    # -- the user's actions --------------------------------------------------------------------

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    @Slot()
    def _on_search_due(self) -> None:
        words = self.search_box.text().strip()
        if not words:
            self.show_conversations(self._summaries)
        self.search_requested.emit(words)

    @Slot(QListWidgetItem)
    def _on_item_chosen(self, item: QListWidgetItem) -> None:
        uid = item.data(UID_ROLE)
        if isinstance(uid, str) and uid:
            self.open_requested.emit(uid)

    @Slot(QListWidgetItem)
    def _on_item_changed(self, item: QListWidgetItem) -> None:
        uid, before = item.data(UID_ROLE), item.data(TITLE_ROLE)
        title = " ".join(item.text().split())
        if not title:
            self.list.blockSignals(True)
            item.setText(before or self.tr("Untitled chat"))
            self.list.blockSignals(False)
        elif isinstance(uid, str) and title != before:
            self.list.blockSignals(True)
            item.setData(TITLE_ROLE, title)
            self.list.blockSignals(False)
            self.rename_requested.emit(uid, title)

    @Slot(QPoint)
    def _on_context_menu_requested(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        open_action = menu.addAction(self.tr("Open"))
        open_action.triggered.connect(lambda: self._on_item_chosen(item))
        menu.addAction(self.rename_action)
        menu.addSeparator()
        menu.addAction(self.export_markdown_action)
        menu.addAction(self.export_json_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.list.viewport().mapToGlobal(position))

    @Slot()
    def _on_rename_triggered(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    @Slot()
    def _on_delete_triggered(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        uid, title = item.data(UID_ROLE), item.data(TITLE_ROLE)
        if isinstance(uid, str):
            self.delete_requested.emit(uid, title if isinstance(title, str) else "")

    def _export(self, kind: str) -> None:
        item = self.list.currentItem()
        uid = item.data(UID_ROLE) if item is not None else None
        if isinstance(uid, str):
            self.export_requested.emit(uid, kind)

    @Slot()
    def _on_undo_clicked(self) -> None:
        uid, self._deleted_uid = self._deleted_uid, ""
        self._undo_timer.stop()
        self.undo_bar.hide()
        if uid:
            self.undo_requested.emit(uid)

    @Slot()
    def _on_undo_expired(self) -> None:
        uid, self._deleted_uid = self._deleted_uid, ""
        self.undo_bar.hide()
        if uid:
            self.purge_requested.emit(uid)
