"""Whatever the server sends is drawn as text: HTML in a model name never reaches Qt's rich text.

A model called ``x<img src="/some/path">`` made the GUI thread open and read that file: Qt draws a
label, a tooltip, a message box or a chart label as rich text when its text looks like HTML, and rich
text loads the images it names (a FIFO froze the window for good, /dev/zero ate the memory). Here
every field the app shows carries ``<img src="PATH">`` where PATH is a FIFO: if anything opens it,
a watcher process notices. The window is then searched for a label, tooltip or chart text that
would render the tag, and the tag must show as written, as text.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChart, QChartView
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QIcon, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QToolTip, QWidget

from ollama_desktop.core.benchmark.runs import RunResult, summarize
from ollama_desktop.core.responses import ReplyStats, RunningModel
from ollama_desktop.core.servers.known import Server
from ollama_desktop.settings import Settings
from ollama_desktop.ui.benchmark.chart import ChartSet, SpeedChart
from ollama_desktop.ui.chat.welcome_panel import Screen
from ollama_desktop.ui.memory.unload_dialog import UnloadDialog
from ollama_desktop.ui.models.dialog import ModelsDialog
from ollama_desktop.ui.plain_text import (
    html_text,
    menu_text,
    message_box,
    plain_label,
    plain_tooltip,
    set_plain,
)
from ollama_desktop.ui.servers.dialog import ServerDialog
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.ui.window.tray import TrayIcon
from ollama_desktop.workers import WorkerPool
from tests.fake_ollama import FakeModel, FakeOllama, RawAnswer, go_json
from tests.faults.conftest import open_app

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo"), reason="Windows has no FIFO (os.mkfifo): how these tests see a file opened"
)

# How the tag shows when it is drawn as text.
TAG = "<img src="

# The watcher is another process: were the GUI thread to open the FIFO, it would block in open()
# holding the GIL, and a thread of this process could never run to answer it. Each open by a reader
# is counted before the writer closes, so the reader's end-of-file comes after the count.
_WATCHER = """
import os, sys
fifo, log = sys.argv[1], sys.argv[2]
while True:
    fd = os.open(fifo, os.O_WRONLY)  # returns when something opens the FIFO to read it
    with open(log, "a") as out:
        out.write("x")
    os.close(fd)
"""


class FifoProbe:
    """A FIFO that counts how often something opened it, and the HTML that points at it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "probe"
        os.mkfifo(self.path)
        self._log = folder / "opened.log"
        self._process = subprocess.Popen([sys.executable, "-c", _WATCHER, str(self.path), str(self._log)])
        self.html = f'x<img src="{self.path}"><b>bold</b>&amp;'

    @property
    def opened(self) -> int:
        try:
            return len(self._log.read_text())
        except FileNotFoundError:
            return 0

    def close(self) -> None:
        self._process.kill()
        self._process.wait()


@pytest.fixture
def probe(tmp_path: Path) -> Iterator[FifoProbe]:
    fifo = FifoProbe(tmp_path)
    try:
        yield fifo
    finally:
        fifo.close()


def _drawn_rich(text: str, text_format: Qt.TextFormat) -> bool:
    if text_format == Qt.TextFormat.PlainText:
        return False
    return text_format != Qt.TextFormat.AutoText or GuiQt.mightBeRichText(text)


def _chart_texts(chart: QChart) -> list[str]:
    """What QtCharts lays out as rich text: titles, axis labels, legend labels."""
    texts = [chart.title()]
    for axis in chart.axes():
        texts.append(axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            texts += axis.categories()
    for series in chart.series():
        if isinstance(series, QBarSeries):
            texts += [bar_set.label() for bar_set in series.barSets()]
    texts += [marker.label() for marker in chart.legend().markers()]
    return texts


def rich_text_leaks() -> list[str]:
    """Every place of every window where the tag would be drawn as rich text (and load its file)."""
    leaks = []
    for widget in QApplication.allWidgets():
        where = f"{type(widget).__name__} in {type(widget.window()).__name__}"
        text = widget.text() if isinstance(widget, QLabel) else ""
        if TAG in text and _drawn_rich(text, widget.textFormat()):  # type: ignore[attr-defined]
            leaks.append(f"label {where}: {text!r}")
        if TAG in widget.toolTip() and GuiQt.mightBeRichText(widget.toolTip()):
            leaks.append(f"tooltip of {where}: {widget.toolTip()!r}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(QModelIndex()), 200)):
                # Some models hide columnCount(): walk the columns while they exist.
                for column in range(50):
                    index = model.index(row, column)
                    if not index.isValid():
                        break
                    tip = index.data(Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str) and TAG in tip and GuiQt.mightBeRichText(tip):
                        leaks.append(f"item tooltip in {where}: {tip!r}")
        if isinstance(widget, QChartView):
            leaks += [f"chart text in {where}: {t!r}" for t in _chart_texts(widget.chart()) if TAG in t]
    return leaks


def tooltip_shows(tip: object) -> str:
    """The words a tooltip shows: its text, or the text of its rich text (never loaded: parsed only)."""
    if not isinstance(tip, str) or not GuiQt.mightBeRichText(tip):
        return tip if isinstance(tip, str) else ""
    assert TAG not in tip, tip  # rich text with the tag in it would load the file
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def shows_as_text(label: QLabel, text: str) -> bool:
    """`text`, tag and all, is on `label` and drawn as written."""
    return text in label.text() and label.textFormat() == Qt.TextFormat.PlainText


def assert_all_plain(probe: FifoProbe) -> None:
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.grab()  # paint everything now, as the screen would
    assert rich_text_leaks() == []
    assert probe.opened == 0


def html_model(name: str, **kwargs: object) -> FakeModel:
    return FakeModel(name, 4_920_753_328, **kwargs)  # type: ignore[arg-type]


# -- the helpers ---------------------------------------------------------------------------------


def test_the_probe_sees_a_label_that_renders_the_tag(qtbot, probe: FifoProbe) -> None:  # type: ignore[no-untyped-def]
    """The control: Qt's guess does open the file, so the other tests can fail."""
    label = QLabel(probe.html)
    qtbot.addWidget(label)
    label.grab()
    assert probe.opened >= 1
    assert rich_text_leaks() != []


def test_plain_labels_draw_the_tag_as_text(qtbot, probe: FifoProbe) -> None:  # type: ignore[no-untyped-def]
    made = plain_label(probe.html)
    told = QLabel()  # AutoText, as a QLabel starts
    set_plain(told, probe.html)
    rich = QLabel()
    rich.setTextFormat(Qt.TextFormat.RichText)
    rich.setText(f"Suggested: <b>{html_text(probe.html)}</b>")
    for label in (made, told, rich):
        qtbot.addWidget(label)
        label.grab()
    assert made.text() == told.text() == probe.html
    assert told.textFormat() == Qt.TextFormat.PlainText
    document = QTextDocument()
    document.setHtml(rich.text())
    assert document.toPlainText() == f"Suggested: {probe.html}"
    assert rich_text_leaks() == []
    assert probe.opened == 0


@pytest.mark.parametrize(
    "text",
    [
        "Details: model not found",
        "llama3.1:8b\nRuns fully on the GPU.\n\nClick to free memory.",
        'x<img src="PATH">&amp; <b>bold</b>\n  two  spaces\tand a tab',
        "&lt;img&gt; on the first line",
        'first line\nx<img src="PATH">',
    ],
)
def test_a_plain_tooltip_shows_the_text_as_it_is(qtbot, probe: FifoProbe, text: str) -> None:  # type: ignore[no-untyped-def]
    text = text.replace("PATH", str(probe.path))
    tip = plain_tooltip(text)
    assert tooltip_shows(tip) == text
    if not GuiQt.mightBeRichText(text):
        assert tip == text  # Qt shows it as plain text anyway: left as it is
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    QToolTip.showText(widget.mapToGlobal(QPoint(5, 5)), tip, widget)
    qtbot.waitUntil(QToolTip.isVisible)
    QToolTip.hideText()
    assert probe.opened == 0
    assert plain_tooltip("") == ""


def test_menus_and_message_boxes_keep_outside_text_as_written(qtbot, probe: FifoProbe) -> None:  # type: ignore[no-untyped-def]
    assert menu_text("R&D model") == "R&&D model"
    box = message_box(None, "Delete model?", f"Delete {probe.html} from this Ollama server?")
    qtbot.addWidget(box)
    box.show()
    box.grab()
    shown = [label for label in box.findChildren(QLabel) if TAG in label.text()]
    assert shown
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)
    assert probe.opened == 0


def test_the_tray_lists_models_as_written(qtbot, probe: FifoProbe) -> None:  # type: ignore[no-untyped-def]
    tray = TrayIcon(QIcon())
    name = "R&D " + probe.html
    tray.show_models((RunningModel(name, 10**9, 10**9, expires_at=datetime(2099, 1, 1, tzinfo=UTC)),))
    texts = [action.text() for action in tray.menu.actions()]
    assert any(text.startswith(menu_text(name) + " · ") for text in texts)
    # Where Qt draws the tray's tooltip, its first line (the app's name) makes it plain text.
    assert not GuiQt.mightBeRichText(tray.toolTip())
    assert name in tray.toolTip()


def test_chart_labels_are_escaped(qtbot, probe: FifoProbe) -> None:  # type: ignore[no-untyped-def]
    chart = SpeedChart()
    qtbot.addWidget(chart)
    stats = ReplyStats("stop", eval_count=100, eval_duration=10**10)
    summaries = summarize([RunResult(probe.html, "short", run, stats=stats) for run in (1, 2)])
    chart.show_sets([ChartSet(probe.html, summaries), ChartSet("before", summaries)])
    chart.show()
    chart.grab()
    assert chart.models == [probe.html]
    assert list(chart.bar_values()) == [probe.html, "before"]
    assert html_text(probe.html) in _chart_texts(chart.chart())
    assert rich_text_leaks() == []
    assert probe.opened == 0


# -- the real window on a server that puts HTML in everything ----------------------------------------


@pytest.fixture
def hostile(probe: FifoProbe) -> Iterator[FakeOllama]:
    """A server whose models, details, capabilities and version are all HTML pointing at the FIFO."""
    html = probe.html
    models = [
        html_model(
            f"{html}:7b",
            parameter_size=f"{html}B",
            quantization_level=f"Q4 {html}",
            family=f"fam {html}",
            capabilities=("completion", f"can {html}"),
        ),
        html_model(f"second {html}:1b", placement="cpu"),
        html_model("plain:1b"),
    ]
    server = FakeOllama(models, version=f"0.24 {html}").start()
    try:
        yield server
    finally:
        server.stop()


def select(window: MainWindow, name: str) -> None:
    index = window.model_picker.findData(name, Qt.ItemDataRole.UserRole)
    assert index >= 0, name
    window.model_picker.setCurrentIndex(index)


def test_the_main_window_shows_server_text_as_text(
    qtbot, pool: WorkerPool, settings: Settings, hostile: FakeOllama, probe: FifoProbe
) -> None:  # type: ignore[no-untyped-def]
    fake, html = hostile, probe.html
    name, second = f"{html}:7b", f"second {html}:1b"
    settings.set_servers([Server(f"box {html}", fake.url)])
    app = open_app(qtbot, pool, settings, fake.url, with_models=True, with_servers=True)
    window = app.window
    select(window, name)

    # The model picker, the server picker and the status bar.
    assert html in window.model_picker.currentText()
    assert f"{html}B · Q4 {html}" in window.model_picker.currentText()
    picker = window.server_choice.picker
    qtbot.waitUntil(lambda: picker.itemText(1) == f"● box {html} — Ollama 0.24 {html}", timeout=5000)
    assert shows_as_text(window.connection_label, f"Ollama 0.24 {html}")

    # Loading fails with the server's words: a notice, with the words in its tooltip.
    fake.route_override["/api/chat"] = (500, go_json({"error": f"load {html}"}), "application/json")
    window.window_actions.warm_up_action.trigger()
    notice = window.status_line.notice_label
    qtbot.waitUntil(lambda: f"load {html}" in tooltip_shows(notice.toolTip()), timeout=5000)
    del fake.route_override["/api/chat"]

    # An answer: "Waiting for <name>…", then the model in memory (chips and their tooltips).
    app.ask("hello")
    assert shows_as_text(window.reply_label, f"Waiting for {name}")  # said at once, before any answer
    qtbot.waitUntil(lambda: "tokens/s" in window.reply_label.text(), timeout=5000)
    indicator = window.residency_indicator
    qtbot.waitUntil(lambda: any(shows_as_text(chip, name) for chip in indicator.chips), timeout=5000)
    assert any(tooltip_shows(chip.toolTip()).startswith(name + "\n") for chip in indicator.chips)

    # An answer that fails with the server's words.
    fake.script(tokens=["Half"], error_after=1, error_message=f"boom {html}")
    app.ask("again")
    qtbot.waitUntil(lambda: window.reply_label.text() == "The answer failed.", timeout=5000)
    assert f"boom {html}" in app.transcript()

    # A model that went away meanwhile: the offer to download it names it.
    select(window, second)
    fake.remove_model(second)
    app.ask("and you?")
    qtbot.waitUntil(lambda: shows_as_text(window.models_pane.offer_label, second), timeout=5000)

    # Free memory: Ollama keeps the model, and the dialog and the status bar say which.
    fake.ignore_unload = True
    window.window_actions.unload_dialog_action.trigger()
    unload = window.findChild(UnloadDialog)
    assert unload is not None
    qtbot.waitUntil(unload.unload_all_button.isEnabled, timeout=5000)
    assert any(html in unload.models.item(row).text() for row in range(unload.models.count()))
    unload.unload_all_button.click()
    qtbot.waitUntil(lambda: shows_as_text(unload.result_label, name), timeout=5000)
    assert shows_as_text(window.status_line.notice_label, name)

    # The server dialog's check names the version.
    dialog = ServerDialog(fake.url, settings.default_host(), app.connection.probe, window)
    dialog.show()
    dialog.check()
    qtbot.waitUntil(lambda: shows_as_text(dialog.result_label, f"Ollama 0.24 {html}"), timeout=5000)

    assert_all_plain(probe)


def test_the_models_window_shows_server_text_as_text(
    qtbot, pool: WorkerPool, settings: Settings, hostile: FakeOllama, probe: FifoProbe, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fake, html = hostile, probe.html
    name = f"{html}:7b"
    app = open_app(qtbot, pool, settings, fake.url, with_models=True)
    dialog = app.window.models_pane.open_models()
    assert dialog is not None
    dialog.select_model(name)
    qtbot.waitUntil(lambda: f"Family: fam {html}" in dialog.details.toPlainText(), timeout=5000)
    assert f"can {html}" in dialog.details.toPlainText()
    row = dialog.table_model.row_of(name)
    assert dialog.table_model.text(row, 0) == name

    # A download whose status lines and error are the server's words.
    pulled = f"new {html}:1b"
    fake.registry[pulled] = html_model(pulled)
    fake.pull_notes = [f"note {html}"]
    fake.pull_error = f"broken {html}"
    dialog.offer_pull(pulled)
    dialog.pull_button.click()
    qtbot.waitUntil(lambda: f"broken {html}" in tooltip_shows(dialog.pull_label.toolTip()), timeout=5000)
    assert dialog.pull_label.textFormat() == Qt.TextFormat.PlainText

    # Delete, with the question answered Yes.
    asked: list[str] = []
    monkeypatch.setattr(
        ModelsDialog, "confirm_delete", staticmethod(lambda _parent, model: asked.append(model) or True)
    )
    dialog.select_model(name)
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: shows_as_text(dialog.status_label, f"{name} was deleted."), timeout=5000)
    assert asked == [name]

    assert_all_plain(probe)


def test_the_benchmark_shows_server_text_as_text(
    qtbot, pool: WorkerPool, settings: Settings, hostile: FakeOllama, probe: FifoProbe, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    fake, html = hostile, probe.html
    name = f"{html}:7b"
    # The benchmark history goes to the test's folder, not to one that outlives it.
    app = open_app(
        qtbot, pool, settings, fake.url, with_models=True, benchmarks=tmp_path / "benchmarks.jsonl"
    )
    dialog = app.window.models_pane.open_benchmark()
    assert dialog is not None
    for model in dialog.setup.model_ticks.models:
        dialog.set_model_checked(model.name, model.name == name)
    for key, box in dialog.setup.prompt_boxes.items():
        box.setChecked(key == "short")
    dialog.setup.runs_spin.setValue(2)
    dialog.setup.warm_radio.setChecked(True)
    fake.default_tokens = ["Blue", " sky", "."]
    fake.script(status=500, error_message=f"failed {html}")  # the first run fails with these words
    with qtbot.waitSignal(dialog.controller.finished, timeout=15_000):
        dialog.run_button.click()

    assert [row[0] for row in dialog.results.runs_table.texts()] == [name, name]
    assert dialog.results.chart.models == [name]
    assert html_text(name) in dialog.results.suggestion_label.text()
    assert name not in dialog.results.suggestion_label.text()
    assert shows_as_text(dialog.environment_label, f"0.24 {html}")
    tips = [
        dialog.results.runs_table.model().index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(2)
        for column in range(dialog.results.runs_table.model().columnCount())
    ]
    assert any(f"failed {html}" in tooltip_shows(tip) for tip in tips)

    assert_all_plain(probe)


def test_a_redirect_to_an_html_address_is_named_as_text(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, probe: FifoProbe
) -> None:  # type: ignore[no-untyped-def]
    """The other address a redirect names is the server's text too (status bar, first-run screen)."""
    location = f"http://elsewhere.example/{probe.html}"
    fake.route_answer["/api/version"] = RawAnswer(307, headers=[("Location", location)])
    app = open_app(qtbot, pool, settings, fake.url, wait=False)
    welcome = app.window.welcome
    qtbot.waitUntil(lambda: welcome.current is Screen.NOT_OLLAMA, timeout=5000)
    assert shows_as_text(app.window.connection_label, location)
    assert html_text(location) in welcome.body.text()
    assert location not in welcome.body.text()
    assert_all_plain(probe)
