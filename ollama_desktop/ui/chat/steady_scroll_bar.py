"""A scroll bar that repaints only when what it shows has changed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QWidget

_QUIET_CHANGES = (
    QAbstractSlider.SliderChange.SliderRangeChange,
    QAbstractSlider.SliderChange.SliderValueChange,
    QAbstractSlider.SliderChange.SliderStepsChange,
)


class SteadyScrollBar(QScrollBar):
    """Skips the repaint of range, step and value changes that leave the bar looking the same.

    Why: while an answer streams in, the range grows with every new line and the view follows the
    end, and Qt repaints the bar each time (Fusion: ~0.5 ms, as much as the frame's text), although
    in a long chat the handle moves by less than a pixel. How the bar looks is the handle's
    rectangle and whether it is at either end (its arrows show that); a change that alters either
    repaints all of it. The comparison waits for the end of the change: following the end, the
    range grows first and the value follows, and in between the bar is briefly not at its end.
    Whatever else changes how the bar looks (size, style, hover) repaints it in Qt as before.

    Thread: GUI thread.
    """

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._shown: tuple[object, ...] | None = None  # the look of the last repaint asked for
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(0)
        self._check.timeout.connect(self._update_if_changed)

    def _look(self) -> tuple[object, ...]:
        # Imported when first needed: QStyle's many enums cost ~8 ms to load, before the first frame.
        from PySide6.QtWidgets import QStyle, QStyleOptionSlider  # noqa: PLC0415

        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, self
        )
        value = self.value()
        return (handle.getRect(), value <= self.minimum(), value >= self.maximum())

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        if change in _QUIET_CHANGES:
            if not self._check.isActive():
                self._check.start()
            return
        super().sliderChange(change)

    @Slot()
    def _update_if_changed(self) -> None:
        if not self.isVisible():
            self._shown = None  # painted whole when shown
            return
        look = self._look()
        if look != self._shown:
            self._shown = look
            self.update()
