"""The main window's actions, menus and toolbar; the window connects them to what they do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox, QWidget

from ollama_desktop import app_version, i18n, restart
from ollama_desktop.core.memory.keep_alive import KeepAlive
from ollama_desktop.settings import Settings


class WindowActions(QObject):
    """Builds the window's menus (Chat, Ollama, Memory, Help) from its actions; the header shows the
    most used ones as icons (ui/window/header.py).

    The Chat menu is kept (`chat_menu`) so that the history pane can add its actions to it. The
    choices made here that are only settings (language, keeping models in memory) are stored here.
    A language this system has no font for is named once, with the package that has one: when it
    is chosen, and when the app starts in it.
    """

    keep_alive_chosen = Signal(object)  # KeepAlive

    def __init__(
        self, window: QMainWindow, settings: Settings, *, models: bool, benchmark: bool, tray: bool
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        # The language in use: app.py installed it from the same setting, before the window.
        self._language = i18n.resolve(settings.language)
        self._build_actions(models=models, benchmark=benchmark)
        self._build_memory_actions(tray=tray)
        self._build_menus()
        self.about_action.triggered.connect(self._on_about_triggered)
        # Once the window is up: its texts are empty boxes when no font can draw the language.
        QTimer.singleShot(0, self, self._check_font_in_use)

    def _build_actions(self, *, models: bool, benchmark: bool) -> None:
        window = self._window
        self.new_chat_action = QAction(self.tr("&New chat"), window)
        self.new_chat_action.setShortcut(QKeySequence.StandardKey.New)
        self.stop_action = QAction(self.tr("&Stop answer"), window)
        self.stop_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.stop_action.setEnabled(False)
        self.options_action = QAction(self.tr("Chat &settings…"), window)
        self.server_action = QAction(self.tr("Ollama &server…"), window)
        self.remove_server_action = QAction(self.tr("Remove this server"), window)
        self.refresh_action = QAction(self.tr("&Refresh models"), window)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.quit_action = QAction(self.tr("&Quit"), window)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction(self.tr("&About Ollama Desktop"), window)
        self.models_action = QAction(self.tr("&Models…"), window)
        self.models_action.setToolTip(self.tr("Installed models: details, delete, download new ones"))
        self.models_action.setShortcut(QKeySequence("Ctrl+M"))
        self.models_action.setVisible(models)
        self.benchmark_action = QAction(self.tr("&Benchmark models…"), window)
        self.benchmark_action.setToolTip(
            self.tr("Find out which of your models answers fastest on this computer")
        )
        self.benchmark_action.setVisible(benchmark)

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        self.chat_menu = bar.addMenu(self.tr("&Chat"))
        for action in (self.new_chat_action, self.stop_action, self.options_action):
            self.chat_menu.addAction(action)
        self.chat_menu.addSeparator()
        self.chat_menu.addAction(self.quit_action)
        server_menu = bar.addMenu(self.tr("&Ollama"))
        server_menu.addAction(self.models_action)
        server_menu.addAction(self.benchmark_action)
        server_menu.addAction(self.refresh_action)
        server_menu.addAction(self.server_action)
        server_menu.addAction(self.remove_server_action)
        memory_menu = bar.addMenu(self.tr("&Memory"))
        memory_menu.addAction(self.free_memory_action)
        memory_menu.addAction(self.unload_dialog_action)
        memory_menu.addAction(self.warm_up_action)
        memory_menu.addSeparator()
        keep_menu = memory_menu.addMenu(self.tr("&Keep models in memory"))
        keep_menu.addActions(list(self.keep_alive_actions.values()))
        memory_menu.addAction(self.close_to_tray_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._build_language_menu(help_menu)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_language_menu(self, menu: QMenu) -> None:
        """System / English / 繁體中文 / 简体中文 / 한국어: each language named in its own words."""
        self.language_menu = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self._window)
        self.language_actions: dict[str, QAction] = {}
        system = self.tr("System language ({language})").format(
            language=i18n.LANGUAGES[i18n.system_language()]
        )
        for code, name in {i18n.SYSTEM: system, **i18n.LANGUAGES}.items():
            action = QAction(name, group)
            action.setCheckable(True)
            action.setChecked(
                code == (self._settings.language if self._settings.language in i18n.LANGUAGES else "")
            )
            action.setData(code)
            self.language_actions[code] = action
            self.language_menu.addAction(action)
        group.triggered.connect(self._on_language_triggered)

    def _build_memory_actions(self, *, tray: bool) -> None:
        window = self._window
        self.free_memory_action = QAction(self.tr("&Free all memory now"), window)
        self.free_memory_action.setToolTip(
            self.tr("Unload every model now, freeing its GPU and system memory")
        )
        self.free_memory_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        # The dialog the memory chip opens: what sits in memory, and freeing it model by model.
        self.unload_dialog_action = QAction(self.tr("&Memory in use…"), window)
        self.unload_dialog_action.setShortcut(QKeySequence("Ctrl+U"))
        self.warm_up_action = QAction(self.tr("&Load model now"), window)
        self.warm_up_action.setToolTip(
            self.tr("Load the selected model into memory so the first answer starts at once")
        )
        self.warm_up_action.setShortcut(QKeySequence("Ctrl+L"))
        self.keep_alive_actions: dict[KeepAlive, QAction] = {}
        keep_alive_group = QActionGroup(window)
        labels = {
            KeepAlive.AFTER_ANSWER: self.tr("Free memory right after each answer"),
            KeepAlive.DEFAULT: self.tr("Keep for 5 minutes (Ollama's default)"),
            KeepAlive.ONE_HOUR: self.tr("Keep for 1 hour"),
            KeepAlive.FOREVER: self.tr("Keep loaded until I unload it"),
        }
        for choice, label in labels.items():
            action = QAction(label, keep_alive_group)
            action.setCheckable(True)
            action.setChecked(choice is self._settings.keep_alive)
            action.setData(choice.value)
            self.keep_alive_actions[choice] = action
        keep_alive_group.triggered.connect(self._on_keep_alive_triggered)
        self.close_to_tray_action = QAction(
            self.tr("Keep running in the tray when the window is closed"), window
        )
        self.close_to_tray_action.setCheckable(True)
        self.close_to_tray_action.setChecked(bool(self._settings.close_to_tray))
        self.close_to_tray_action.setVisible(tray)
        self.close_to_tray_action.toggled.connect(self._settings.set_close_to_tray)

    @Slot(QAction)
    def _on_keep_alive_triggered(self, action: QAction) -> None:
        choice = KeepAlive.from_setting(action.data())
        self._settings.set_keep_alive(choice)
        self.keep_alive_chosen.emit(choice)

    @Slot(QAction)
    def _on_language_triggered(self, action: QAction) -> None:
        code = action.data() if isinstance(action.data(), str) else i18n.SYSTEM
        if code == self._settings.language:
            return
        self._settings.set_language(code)
        chosen = i18n.resolve(code)
        # Said in the language in use now and, below, in the one chosen (it takes over at the next
        # start); in English instead of a language no installed font can draw.
        now = self._translate_in(self._language)
        notices = [_restart_notice(now)]
        if not i18n.lacks_font(chosen, self.font_families):
            notices.append(_restart_notice(i18n.translated_in(chosen)))
        notices.append(self._font_notice_once(chosen, now))
        if self.tell_restart_needed(self._window, "\n\n".join(filter(None, dict.fromkeys(notices)))):
            restart.request()
            # The way Quit goes: the window closes, the chats are saved, the app ends; then
            # startup.main starts it again.
            self.quit_action.trigger()

    @staticmethod
    def tell_restart_needed(parent: QWidget, text: str) -> bool:
        """Say that the language changes at the next start; True for "Restart now". Tests replace this."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QApplication.translate("WindowActions", "Language"),
            text,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        restart_now = box.addButton(
            QApplication.translate("WindowActions", "Restart now"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QApplication.translate("WindowActions", "Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart_now)
        box.exec()
        restarting = box.clickedButton() is restart_now
        box.deleteLater()
        return restarting

    @staticmethod
    def font_families(system: QFontDatabase.WritingSystem) -> list[str]:
        """The installed font families that can draw `system`; tests replace this."""
        return QFontDatabase.families(system)

    @staticmethod
    def tell_font_missing(parent: QWidget, title: str, text: str) -> None:
        """Say that the language in use has no font, without waiting for an answer; tests replace this."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _translate_in(self, language: str) -> Callable[[str, str], str]:
        """The app's translation when `language` is in use and drawable, else English."""
        if i18n.readable(language, self.font_families) != language:
            return i18n.translated_in(i18n.ENGLISH)
        return QApplication.translate if language == self._language else i18n.translated_in(language)

    def _font_notice_once(self, language: str, translate: Callable[[str, str], str]) -> str:
        """The notice that `language` has no font here, the first time only ("" otherwise)."""
        if not i18n.lacks_font(language, self.font_families) or language in self._settings.font_warned:
            return ""
        self._settings.add_font_warned(language)
        return _font_notice(translate, language)

    @Slot()
    def _check_font_in_use(self) -> None:
        translate = self._translate_in(self._language)
        text = self._font_notice_once(self._language, translate)
        if text:
            self.tell_font_missing(self._window, translate("WindowActions", "Language"), text)

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self._window,
            self.tr("About Ollama Desktop"),
            self.tr("Ollama Desktop {version}\nA desktop chat app for the Ollama server.").format(
                version=app_version()
            ),
        )


def _restart_notice(translate: Callable[[str, str], str]) -> str:
    """The notice after choosing a language, through `translate` (the app's, or another language's)."""
    return translate("WindowActions", "Ollama Desktop will use the new language the next time it starts.")


def _font_notice(translate: Callable[[str, str], str], language: str) -> str:
    """That no installed font can draw `language`, and which package has one, through `translate`."""
    names = {
        "zh_TW": translate("WindowActions", "Traditional Chinese"),
        "zh_CN": translate("WindowActions", "Simplified Chinese"),
        "ko": translate("WindowActions", "Korean"),
    }
    return translate(
        "WindowActions",
        "No font for {language} is installed, so its text shows as empty boxes. Install the package "
        "{debian} (Debian, Ubuntu) or {fedora} (Fedora), then start Ollama Desktop again.",
    ).format(
        language=names.get(language, language),
        debian=i18n.CJK_FONT_PACKAGES["debian"],
        fedora=i18n.CJK_FONT_PACKAGES["fedora"],
    )
