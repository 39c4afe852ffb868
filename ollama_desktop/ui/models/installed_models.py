"""The installed models as Qt item models, for the model picker, the Benchmark list and the Models table.

A server may have thousands of models. Item widgets (one QTableWidgetItem or QListWidgetItem per cell,
built in Python) cost milliseconds per hundred rows on every refill; these models keep the tuple the
server sent and answer only for the rows a view draws. A new list is one reset; a change of what sits
in memory touches only the rows whose mark changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ollama_desktop.core.memory.residency import model_key
from ollama_desktop.core.responses import InstalledModel
from ollama_desktop.ui.plain_text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex
NAME_ROLE = Qt.ItemDataRole.UserRole


class ModelRows:
    """The rows (the server's order), where each name sits, and which rows are in memory."""

    def __init__(self) -> None:
        self.models: tuple[InstalledModel, ...] = ()
        self._rows: dict[str, int] = {}
        self._by_key: dict[str, list[int]] | None = None  # built when a memory mark first changes
        self._loaded: frozenset[str] = frozenset()

    def replace(self, models: tuple[InstalledModel, ...]) -> None:
        self.models = models
        self._rows = {}
        self._by_key = None
        for row, model in enumerate(models):
            self._rows.setdefault(model.name, row)

    def row_of(self, name: str) -> int:
        """The row of the model called `name`, -1 when there is none."""
        return self._rows.get(name, -1)

    def is_loaded(self, row: int) -> bool:
        return model_key(self.models[row].name) in self._loaded

    def set_loaded(self, names: Iterable[str]) -> list[int]:
        """Mark the models that sit in memory; the rows whose mark changed."""
        loaded = frozenset(model_key(name) for name in names)
        changed, self._loaded = loaded ^ self._loaded, loaded
        if not changed:
            return []
        if self._by_key is None:
            self._by_key = {}
            for row, model in enumerate(self.models):
                self._by_key.setdefault(model_key(model.name), []).append(row)
        return sorted(row for key in changed for row in self._by_key.get(key, ()))


def _spans(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last) pairs: one dataChanged per run, not per row."""
    spans: list[tuple[int, int]] = []
    for row in rows:
        if spans and spans[-1][1] == row - 1:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    return spans


class ModelListModel(QAbstractListModel):
    """One line a model, from `label(model, in_memory)`; the name is the data of `NAME_ROLE`.

    With `checkable`, each line has a tick box (the Benchmark's "Models to test").
    """

    def __init__(
        self,
        label: Callable[[InstalledModel, bool], str],
        *,
        checkable: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._checkable = checkable
        self._rows = ModelRows()
        self._ticked: set[str] = set()

    @property
    def models(self) -> tuple[InstalledModel, ...]:
        return self._rows.models

    def set_models(self, models: tuple[InstalledModel, ...], ticked: Iterable[str] = ()) -> None:
        self.beginResetModel()
        self._rows.replace(models)
        self._ticked = {name for name in ticked if self._rows.row_of(name) >= 0}
        self.endResetModel()

    def set_loaded(self, names: Iterable[str]) -> None:
        for first, last in _spans(self._rows.set_loaded(names)):
            self.dataChanged.emit(self.index(first), self.index(last), [Qt.ItemDataRole.DisplayRole])

    def row_of(self, name: str) -> int:
        return self._rows.row_of(name)

    def ticked(self) -> list[str]:
        """The ticked models' names, in the list's order."""
        return [model.name for model in self._rows.models if model.name in self._ticked]

    def set_ticked(self, name: str, ticked: bool) -> None:
        row = self._rows.row_of(name)
        if row >= 0:
            self.setData(self.index(row), _check(ticked), Qt.ItemDataRole.CheckStateRole)

    def labels(self) -> list[str]:
        """Every line as shown."""
        return [self._label(model, self._rows.is_loaded(row)) for row, model in enumerate(self._rows.models)]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows.models)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self._checkable else flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or row >= len(self._rows.models):
            return None
        model = self._rows.models[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(model, self._rows.is_loaded(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole line, for when the view elides it; escaped, since a tooltip guesses rich text.
            label = self._label(model, self._rows.is_loaded(row))
            return plain_tooltip(label)
        if role == NAME_ROLE:
            return model.name
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            return _check(model.name in self._ticked)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self._checkable and index.isValid() and role == Qt.ItemDataRole.CheckStateRole):
            return False
        name = self._rows.models[index.row()].name
        if _is_checked(value) == (name in self._ticked):
            return True
        if _is_checked(value):
            self._ticked.add(name)
        else:
            self._ticked.discard(name)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def _check(ticked: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked


def _is_checked(value: Any) -> bool:
    # Views hand the state back as a Qt.CheckState or as its int value, depending on the binding.
    return value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)


class ModelTableModel(QAbstractTableModel):
    """The Models window's table: one row a model, one column a fact; the name is `NAME_ROLE` data.

    `cell(model, column, in_memory)` says what a cell shows; `refresh_column` redraws one column of a
    row when something it shows arrived (the details of a model). Every cell's tooltip is its whole
    text (or `tooltip(model, column, in_memory)` when given), for when the view elides it.
    """

    def __init__(
        self,
        headers: list[str],
        cell: Callable[[InstalledModel, int, bool], str],
        parent: QObject | None = None,
        *,
        tooltip: Callable[[InstalledModel, int, bool], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._cell = cell
        self._tooltip = tooltip or cell
        self._rows = ModelRows()

    @property
    def models(self) -> tuple[InstalledModel, ...]:
        return self._rows.models

    def set_models(self, models: tuple[InstalledModel, ...]) -> None:
        self.beginResetModel()
        self._rows.replace(models)
        self.endResetModel()

    def set_loaded(self, names: Iterable[str], column: int) -> None:
        for first, last in _spans(self._rows.set_loaded(names)):
            self.dataChanged.emit(
                self.index(first, column), self.index(last, column), [Qt.ItemDataRole.DisplayRole]
            )

    def refresh_cell(self, name: str, column: int) -> None:
        row = self._rows.row_of(name)
        if row >= 0:
            index = self.index(row, column)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def row_of(self, name: str) -> int:
        return self._rows.row_of(name)

    def model_at(self, row: int) -> InstalledModel | None:
        return self._rows.models[row] if 0 <= row < len(self._rows.models) else None

    def text(self, row: int, column: int) -> str:
        """What a cell shows."""
        return str(self.data(self.index(row, column)) or "")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows.models)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or row >= len(self._rows.models):
            return None
        model = self._rows.models[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(model, index.column(), self._rows.is_loaded(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            # Names come from the server: escaped, since a tooltip guesses rich text.
            text = self._tooltip(model, index.column(), self._rows.is_loaded(row))
            return plain_tooltip(text) if text else None
        if role == NAME_ROLE:
            return model.name
        return None

    def tooltip(self, row: int, column: int) -> str:
        """A cell's tooltip as the user reads it (the whole text; "" when none)."""
        return str(self.data(self.index(row, column), Qt.ItemDataRole.ToolTipRole) or "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None
