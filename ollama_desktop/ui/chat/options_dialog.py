"""Per-chat settings: the system prompt and the common model options."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.core.chat.thinking import HIGH, LOW, MAX, MEDIUM, Think, ThinkSupport


def _same(data: object, choice: Think) -> bool:
    return type(data) is type(choice) and data == choice


class ChatOptionsDialog(QDialog):
    """Edits a ChatOptions. The lowest value of each box means "the model's default" (not sent).

    `think` says what the chat's model and server take (`ThinkSupport`): the Think choices are the
    model's default, then Off / Low / Medium / High (Max from Ollama 0.22) where the server takes
    levels, without Off for a model that always reasons (GPT-OSS), and On / Off on older servers. A
    model that cannot reason (its capabilities lack "thinking") greys the choice out; not known
    yet leaves it available. `can_think` alone (no `think`) is the same without levels.
    """

    def __init__(
        self,
        options: ChatOptions,
        parent: QWidget | None = None,
        *,
        can_think: bool | None = None,
        think: ThinkSupport | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chat settings"))
        default = self.tr("Model default")

        self.system_prompt = QPlainTextEdit(options.system_prompt)
        self.system_prompt.setPlaceholderText(self.tr("For example: Answer briefly, in Traditional Chinese."))
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(-0.1, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setDecimals(1)
        self.temperature.setSpecialValueText(default)
        self.temperature.setValue(options.temperature if options.temperature is not None else -0.1)
        self.num_predict = self._count_box(options.num_predict, 0, 1_000_000, default)
        self.num_ctx = self._count_box(options.num_ctx, 0, 1_048_576, default)
        self.num_ctx.setSingleStep(1024)
        self.seed = self._count_box(options.seed, -1, 2**31 - 1, self.tr("Random"))
        support = think if think is not None else ThinkSupport(can_think=can_think)
        self.think = QComboBox()
        words = self._think_words(default)
        for choice in support.choices():
            self.think.addItem(words[choice], choice)
        # findData would take True for 1 and False for 0: compare by identity and value.
        shown = support.shown(options.think)
        self.think.setCurrentIndex(
            next(
                (i for i in range(self.think.count()) if _same(self.think.itemData(i), shown)),
                0,
            )
        )
        if support.can_think is False:
            self.think.setEnabled(False)
            self.think.setToolTip(self.tr("This model cannot think before answering."))
        else:
            self.think.setToolTip(self.tr("For reasoning models such as DeepSeek-R1 or Qwen 3."))

        form = QFormLayout()
        form.addRow(self.tr("System prompt:"), self.system_prompt)
        form.addRow(self.tr("Temperature (creativity):"), self.temperature)
        form.addRow(self.tr("Longest answer (tokens):"), self.num_predict)
        form.addRow(self.tr("Context size (tokens):"), self.num_ctx)
        form.addRow(self.tr("Seed (same seed, same answer):"), self.seed)
        form.addRow(self.tr("Thinking (reasoning models):"), self.think)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self._restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _think_words(self, default: str) -> dict[Think, str]:
        return {
            None: default,
            True: self.tr("On: think first, show the reasoning"),
            False: self.tr("Off: answer directly (faster)"),
            LOW: self.tr("Low: think briefly"),
            MEDIUM: self.tr("Medium"),
            HIGH: self.tr("High: think longer"),
            MAX: self.tr("Max: think as long as it takes"),
        }

    @staticmethod
    def _count_box(value: int | None, lowest: int, highest: int, special: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(lowest, highest)
        box.setSpecialValueText(special)
        box.setValue(value if value is not None else lowest)
        return box

    def _restore_defaults(self) -> None:
        self.temperature.setValue(self.temperature.minimum())
        for box in (self.num_predict, self.num_ctx, self.seed):
            box.setValue(box.minimum())
        self.think.setCurrentIndex(0)

    def options(self) -> ChatOptions:
        """What the dialog shows now."""

        def unless_lowest(box: QSpinBox) -> int | None:
            return None if box.value() == box.minimum() else box.value()

        temperature = self.temperature.value()
        return ChatOptions(
            system_prompt=self.system_prompt.toPlainText(),
            temperature=None if temperature == self.temperature.minimum() else temperature,
            num_predict=unless_lowest(self.num_predict),
            num_ctx=unless_lowest(self.num_ctx),
            seed=unless_lowest(self.seed),
            think=self.think.currentData(),
        )

    @classmethod
    def ask(
        cls,
        options: ChatOptions,
        parent: QWidget | None = None,
        *,
        can_think: bool | None = None,
        think: ThinkSupport | None = None,
    ) -> ChatOptions | None:
        """Show the dialog; the new options, or None when cancelled. Tests replace this."""
        dialog = cls(options, parent, can_think=can_think, think=think)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
