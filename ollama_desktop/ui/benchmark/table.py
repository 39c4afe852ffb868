"""A read-only, sortable table of benchmark figures that sorts numbers as numbers.

The rows live in a small QAbstractTableModel over plain Python data rather than a
QStandardItemModel: refilling a QStandardItemModel (`clear()`) deletes Python-created items on the
C++ side while PySide keeps their wrappers, and a later object at the same address (a QtCharts
legend marker, seen here) was handed back as a stale QStandardItem.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ollama_desktop.ui.plain_text import plain_tooltip

# Where a cell's sort key is read: a float for figures, the text otherwise.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# What a missing figure ("–") sorts as: below every real one.
MISSING = -1.0

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Cell:
    """What one table cell shows, and what it sorts by."""

    text: str
    key: float | str | None = None
    tooltip: str = ""


class CellModel(QAbstractTableModel):
    """Rows of `Cell`s under a header, read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._tips: dict[str, str] = {}
        self._rows: list[list[Cell]] = []

    def set_rows(
        self, header: Sequence[str], rows: Sequence[Sequence[Cell]], tips: Mapping[str, str]
    ) -> None:
        self.beginResetModel()
        self._header = list(header)
        self._tips = dict(tips)
        self._rows = [list(row) for row in rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if index.column() >= len(row):
            return None
        cell = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == SORT_ROLE:
            return cell.text if cell.key is None else cell.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(cell.tooltip) or None  # the server's error text
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(cell.key, float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._header):
            return None
        heading = self._header[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return heading
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(heading)
        return None


class ResultsTable(QTableView):
    """A `CellModel` behind a sorting proxy; click a heading to sort by it.

    Sorting survives refills: rows added while a benchmark runs land in sorted order.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells = CellModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.cells)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def set_rows(
        self, header: Sequence[str], rows: Sequence[Sequence[Cell]], tips: Mapping[str, str] | None = None
    ) -> None:
        """Replace the contents; headings found in `tips` get it as their tooltip."""
        self.cells.set_rows(header, rows, tips or {})
        # A column with nothing in it ("Problem" when every run went well) takes no room: at
        # 1366×768 it pushed the table into a horizontal scroll bar.
        for column in range(len(header)):
            self.setColumnHidden(column, bool(rows) and not any(row[column].text for row in rows))
        self.resizeColumnsToContents()

    def texts(self) -> list[list[str]]:
        """What the table shows, row by row in the displayed (sorted) order."""
        proxy = self.proxy
        return [
            [str(proxy.index(row, column).data()) for column in range(proxy.columnCount())]
            for row in range(proxy.rowCount())
        ]

    def headings(self) -> list[str]:
        return [
            str(self.cells.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.cells.columnCount())
        ]

    def column(self, heading: str) -> int:
        """The index of the column with this heading (-1 when there is none)."""
        headings = self.headings()
        return headings.index(heading) if heading in headings else -1
