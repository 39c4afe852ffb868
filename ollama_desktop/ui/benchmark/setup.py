"""The Benchmark dialog's left panel: which models, which questions, how many runs, cold or warm."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QListView,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.core.benchmark.runs import (
    BUILTIN_PROMPTS,
    DEFAULT_PROMPT_KEYS,
    DEFAULT_RUNS,
    BenchmarkConfig,
    BenchmarkPrompt,
    custom_prompt,
    plan,
)
from ollama_desktop.core.responses import InstalledModel
from ollama_desktop.core.units import model_label
from ollama_desktop.ui.benchmark.texts import prompt_titles
from ollama_desktop.ui.locale_format import size_text
from ollama_desktop.ui.models.installed_models import ModelListModel

_MAX_RUNS = 20


class BenchmarkSetup(QWidget):
    """Models, questions and how to run them; the dialog disables it while a benchmark runs.

    Signals:
        changed: the choice changed (a model or question ticked, the user's own question typed).
    """

    changed = Signal()

    def __init__(self, current_model: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current_model = current_model  # the main window's model: the one ticked at first
        # A model/view list: thousands of installed models cost one reset, not one item each.
        self.model_ticks = ModelListModel(
            lambda model, _in_memory: model_label(model, size_text), checkable=True, parent=self
        )
        self.model_list = QListView()
        self.model_list.setModel(self.model_ticks)
        self.model_list.setUniformItemSizes(True)
        self.model_list.setMinimumHeight(90)
        self.model_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.model_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.prompt_boxes: dict[str, QCheckBox] = {}
        titles = prompt_titles()
        for prompt in BUILTIN_PROMPTS:
            box = QCheckBox(titles[prompt.key])
            box.setToolTip(prompt.text)
            box.setChecked(prompt.key in DEFAULT_PROMPT_KEYS)
            self.prompt_boxes[prompt.key] = box
        self.custom_box = QCheckBox(self.tr("Your own:"))
        self.custom_edit = QLineEdit()
        self.custom_edit.setPlaceholderText(self.tr("Type a question to ask every model"))
        self.runs_spin = QSpinBox()
        self.runs_spin.setRange(1, _MAX_RUNS)
        self.runs_spin.setValue(DEFAULT_RUNS)
        self._build_modes()
        self._build_layout()
        self.model_ticks.dataChanged.connect(self.changed)
        for box in self.prompt_boxes.values():
            box.toggled.connect(self.changed)
        self.custom_box.toggled.connect(self.changed)
        self.custom_edit.textEdited.connect(self._on_custom_edited)
        self.runs_spin.valueChanged.connect(self.changed)
        self.cold_radio.toggled.connect(self.changed)

    def _build_modes(self) -> None:
        self.warm_radio = QRadioButton(self.tr("Warm: load each model once first"))
        self.warm_radio.setToolTip(
            self.tr(
                "The model is loaded before its first run and stays loaded: only answering is measured.",
            )
        )
        self.cold_radio = QRadioButton(self.tr("Cold: unload before every run"))
        self.cold_radio.setToolTip(
            self.tr(
                "The model is taken out of memory before every run, so each run also measures how long "
                "loading takes. Slower.",
            )
        )
        self.warm_radio.setChecked(True)
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.cold_radio)
        self._mode_group.addButton(self.warm_radio)

    def _build_layout(self) -> None:
        models_box = QGroupBox(self.tr("Models to test"))
        QVBoxLayout(models_box).addWidget(self.model_list)

        prompts_box = QGroupBox(self.tr("Questions to ask"))
        prompts = QGridLayout(prompts_box)
        for index, box in enumerate(self.prompt_boxes.values()):
            prompts.addWidget(box, index % 3, index // 3)
        prompts.addWidget(self.custom_box, 3, 0)
        prompts.addWidget(self.custom_edit, 4, 0, 1, 2)

        how_box = QGroupBox(self.tr("How"))
        how = QFormLayout(how_box)
        how.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        how.addRow(self.tr("Runs per model and question:"), self.runs_spin)
        how.addRow(self.warm_radio)
        how.addRow(self.cold_radio)

        panel = QVBoxLayout(self)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addWidget(models_box, 1)
        panel.addWidget(prompts_box)
        panel.addWidget(how_box)
        self.setFixedWidth(340)

    @Slot(object)
    def set_models(self, models: Sequence[InstalledModel]) -> None:
        """Offer these models, keeping the ticks of the ones offered before."""
        models = tuple(models)
        if models == self.model_ticks.models:
            return
        ticked = set(self.chosen_models())
        known = {model.name for model in self.model_ticks.models}
        # A model new to the list starts ticked only when it is the main window's model.
        self.model_ticks.set_models(
            models,
            ticked=[
                m.name
                for m in models
                if (m.name in ticked if m.name in known else m.name == self._current_model)
            ],
        )
        self.changed.emit()

    def set_current_model(self, name: str) -> None:
        """The main window's model changed: tick it instead, unless the user chose the models."""
        if name == self._current_model:
            return
        untouched = set(self.chosen_models()) <= {self._current_model}
        self._current_model = name
        if untouched:
            for model in self.chosen_models():
                self.model_ticks.set_ticked(model, False)
            self.model_ticks.set_ticked(name, True)

    def chosen_models(self) -> list[str]:
        return self.model_ticks.ticked()

    def set_model_checked(self, name: str, checked: bool) -> None:
        """Tick or untick one model (as a click on its box does)."""
        self.model_ticks.set_ticked(name, checked)

    def chosen_prompts(self) -> tuple[BenchmarkPrompt, ...]:
        prompts = [p for p in BUILTIN_PROMPTS if self.prompt_boxes[p.key].isChecked()]
        if self.custom_box.isChecked() and self.custom_edit.text().strip():
            prompts.append(custom_prompt(self.custom_edit.text()))
        return tuple(prompts)

    def config(self) -> BenchmarkConfig:
        """The benchmark the user set up."""
        return BenchmarkConfig(
            tuple(self.chosen_models()),
            self.chosen_prompts(),
            self.runs_spin.value(),
            self.cold_radio.isChecked(),
        )

    def run_count(self) -> int:
        """How many runs the benchmark set up would make (the length of its plan)."""
        return len(plan(self.config()))

    def hint(self) -> str:
        """What the choice amounts to, or what is missing for a benchmark."""
        config = self.config()
        if not self.model_ticks.rowCount():
            return self.tr("No models are installed yet, so there is nothing to test.")
        if not config.models:
            if not self._current_model:
                return self.tr(
                    "No model is chosen in the main window, so none is ticked: tick the models to test."
                )
            return self.tr("Tick at least one model to test.")
        if not config.prompts:
            return self.tr("Tick at least one question, or type your own.")
        total = self.tr("%n runs in all.", "", self.run_count())
        if config.cold:
            how = self.tr("Each run loads its model first, so it takes longer.")
        else:
            how = self.tr("Each model is loaded once before its runs; that load is not counted as a run.")
        return f"{total} {how}"

    @Slot(str)
    def _on_custom_edited(self, text: str) -> None:
        self.custom_box.setChecked(bool(text.strip()))
        self.changed.emit()
