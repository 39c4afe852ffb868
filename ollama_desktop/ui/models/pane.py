"""The window's models part: the Models and Benchmark windows, and the offer to download a missing model."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton, QWidget

from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.responses import InstalledModel, RunningModel
from ollama_desktop.ui.plain_text import plain_label
from ollama_desktop.ui.window.actions import WindowActions

# The dialogs are imported when first opened, not with the window: together they cost ~90 ms of
# imports (QtCharts and the benchmark alone ~70 ms) that the first frame would otherwise wait for.
if TYPE_CHECKING:
    from ollama_desktop.ui.benchmark.dialog import BenchmarkDialog
    from ollama_desktop.ui.models.dialog import ModelsDialog


class ModelsPane(QObject):
    """Opens the Models window (without a models controller: never) and the Benchmark window (without
    a benchmark controller: never), each made once and kept; offers to download a model that a chat
    asked for and the server does not have. The window places `offer_bar` in its layout."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        connection: ConnectionController,
        residency: ResidencyController,
        actions: WindowActions,
        models: ModelsController | None,
        benchmark: BenchmarkController | None,
        current_model: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(window)
        self._current_model = current_model  # the main window's model: the Benchmark's first pick
        self._window = window
        self._connection = connection
        self._residency = residency
        self._models = models
        self._benchmark = benchmark
        self._models_dialog: ModelsDialog | None = None
        self._benchmark_dialog: BenchmarkDialog | None = None
        self._missing_model = ""
        self._build_offer_bar()
        actions.models_action.triggered.connect(self.open_models)
        actions.benchmark_action.triggered.connect(self.open_benchmark)
        connection.models_loaded.connect(self._on_models_loaded)
        residency.loaded_changed.connect(self._on_loaded_changed)
        if models is not None:
            models.pull_finished.connect(self._on_models_changed)
            models.deleted.connect(self._on_models_changed)

    def _build_offer_bar(self) -> None:
        self.offer_label = plain_label()
        self.offer_label.setWordWrap(True)
        self.offer_button = QPushButton(self.tr("Download it"))
        self.offer_button.clicked.connect(self._on_offer_clicked)
        self.offer_bar = QWidget()
        offer_layout = QHBoxLayout(self.offer_bar)
        offer_layout.setContentsMargins(0, 0, 0, 0)
        offer_layout.addWidget(self.offer_label, 1)
        offer_layout.addWidget(self.offer_button)
        dismiss = QPushButton(self.tr("Not now"))
        dismiss.clicked.connect(self.offer_bar.hide)
        offer_layout.addWidget(dismiss)
        self.offer_bar.hide()

    @Slot()
    def open_models(self) -> ModelsDialog | None:
        if self._models is None:
            return None
        if self._models_dialog is None:
            from ollama_desktop.ui.models.dialog import ModelsDialog  # noqa: PLC0415 - dialogs load when opened

            self._models_dialog = ModelsDialog(self._models, self._connection.client.host, self._window)
            # While it shows, the list is read again now and then: models pulled in a terminal appear.
            self._models_dialog.shown_changed.connect(self._connection.watch_models)
        self._models_dialog.set_models(self._connection.models)
        self._models_dialog.set_loaded(self._residency.loaded)
        self._models_dialog.show()
        self._models_dialog.raise_()
        self._connection.recheck_models()  # also when it was open already: the user asks to look
        return self._models_dialog

    @Slot()
    def open_benchmark(self) -> BenchmarkDialog | None:
        if self._benchmark is None:
            return None
        if self._benchmark_dialog is None:
            from ollama_desktop.ui.benchmark.dialog import BenchmarkDialog  # noqa: PLC0415 - dialogs load when opened

            self._benchmark_dialog = BenchmarkDialog(
                self._benchmark, self._connection.models, self._window, current_model=self._current_model()
            )
            self._connection.models_loaded.connect(self._benchmark_dialog.set_models)
        else:
            self._benchmark_dialog.set_current_model(self._current_model())
        self._benchmark_dialog.show()
        self._benchmark_dialog.raise_()
        return self._benchmark_dialog

    def close_benchmark(self) -> None:
        """The app ends: the benchmark window goes, and hears no more of the model list."""
        if self._benchmark_dialog is not None:
            self._connection.models_loaded.disconnect(self._benchmark_dialog.set_models)
            self._benchmark_dialog.close()

    @Slot(str)
    def pull_model(self, name: str) -> None:
        """Open the models window on `name` and start downloading it."""
        dialog = self.open_models()
        if dialog is not None:
            dialog.offer_pull(name)
            dialog.pull_button.click()

    @Slot(str)
    def offer_download(self, model: str) -> None:
        if self._models is not None:
            # Kept: the picker moves on to another model once the list is reloaded.
            self._missing_model = model
            self.offer_label.setText(
                self.tr("“{model}” is not installed on this server. Download it now?").format(model=model)
            )
            self.offer_bar.show()

    @Slot()
    def _on_offer_clicked(self) -> None:
        self.offer_bar.hide()
        self.pull_model(self._missing_model)

    @Slot()
    def _on_models_changed(self) -> None:
        self._connection.refresh_models()
        self._residency.refresh_now()

    @Slot(object)
    def _on_models_loaded(self, models: tuple[InstalledModel, ...]) -> None:
        if self._models_dialog is not None:
            self._models_dialog.set_models(models)

    @Slot(object)
    def _on_loaded_changed(self, loaded: tuple[RunningModel, ...]) -> None:
        if self._models_dialog is not None:
            self._models_dialog.set_loaded(loaded)
