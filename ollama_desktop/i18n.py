"""The user's language: which one, its translators (the app's and Qt's own), number formats and fonts.

`install()` runs once at start, before any widget exists (app.py): Qt widgets read their texts when
they are built, so a new language choice takes effect at the next start. The translations are
`resources/i18n/ollama_desktop_<code>.qm` (built by `python -m tools.i18n`) and Qt's own
`qtbase_<code>.qm` for the standard dialogs and buttons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from ollama_desktop.resources import resource_path

log = logging.getLogger(__name__)

SYSTEM = ""  # the stored choice that follows the system's language
ENGLISH = "en"
# Every language the app speaks: its code and its name in its own words (the menu shows these).
LANGUAGES: dict[str, str] = {
    ENGLISH: "English",
    "zh_TW": "繁體中文",
    "zh_CN": "简体中文",
    "ko": "한국어",
}
CATALOGUE = "ollama_desktop"

# Fonts that draw Chinese and Korean well, per language, best first: Windows, macOS, then Linux
# (Noto Sans CJK / Source Han Sans, the usual fontconfig choice). Han characters look different in
# Traditional and Simplified Chinese and in Japanese, so the font must match the language; the
# first one installed is put right after the system's UI font, which keeps drawing Latin text.
CJK_FONTS: dict[str, tuple[str, ...]] = {
    "zh_TW": (
        "Microsoft JhengHei UI",
        "Microsoft JhengHei",
        "PingFang TC",
        "Noto Sans CJK TC",
        "Source Han Sans TC",
        "Noto Sans TC",
        "AR PL UMing TW",
    ),
    "zh_HK": ("Microsoft JhengHei UI", "PingFang HK", "Noto Sans CJK HK", "Noto Sans CJK TC", "Noto Sans HK"),
    "zh_CN": (
        "Microsoft YaHei UI",
        "Microsoft YaHei",
        "PingFang SC",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Noto Sans SC",
        "WenQuanYi Micro Hei",
    ),
    "ko": (
        "Malgun Gothic",
        "Apple SD Gothic Neo",
        "Noto Sans CJK KR",
        "Source Han Sans K",
        "Source Han Sans KR",
        "Noto Sans KR",
        "NanumGothic",
    ),
    "ja": (
        "Yu Gothic UI",
        "Meiryo UI",
        "Hiragino Sans",
        "Noto Sans CJK JP",
        "Source Han Sans JP",
        "Noto Sans JP",
        "IPAGothic",
    ),
}

# The script each language is written in (English: Latin, which every system can draw). Without a
# font for it, the language's text shows as empty boxes (issue #18): the app then says which
# package to install, on Linux the Noto CJK fonts.
WRITING_SYSTEMS: dict[str, QFontDatabase.WritingSystem] = {
    "zh_TW": QFontDatabase.WritingSystem.TraditionalChinese,
    "zh_CN": QFontDatabase.WritingSystem.SimplifiedChinese,
    "ko": QFontDatabase.WritingSystem.Korean,
}
CJK_FONT_PACKAGES = {"debian": "fonts-noto-cjk", "fedora": "google-noto-sans-cjk-fonts"}

FontFamilies = Callable[[QFontDatabase.WritingSystem], Sequence[str]]


def lacks_font(language: str, families: FontFamilies | None = None) -> bool:
    """Whether no installed font can draw `language` (`families`: the fonts for a writing system,
    QFontDatabase's by default)."""
    system = WRITING_SYSTEMS.get(language)
    if system is None:
        return False
    return not (QFontDatabase.families if families is None else families)(system)


def readable(language: str, families: FontFamilies | None = None) -> str:
    """`language`, or English when no installed font can draw it."""
    return ENGLISH if lacks_font(language, families) else language


def language_of(locale: QLocale) -> str | None:
    """The app's language for one locale, or None when the app does not speak it.

    Chinese goes by its script: Traditional (Taiwan, Hong Kong, Macao) or Simplified (elsewhere).
    """
    language = locale.language()
    if language == QLocale.Language.English:
        return ENGLISH
    if language == QLocale.Language.Korean:
        return "ko"
    if language == QLocale.Language.Chinese:
        return "zh_TW" if locale.script() == QLocale.Script.TraditionalHanScript else "zh_CN"
    return None


def system_language(ui_languages: Iterable[str] | None = None) -> str:
    """The first of the user's preferred languages that the app speaks; English if none.

    `ui_languages` are BCP 47 tags in the user's order (QLocale.system().uiLanguages(): on Linux
    from LANGUAGE and LANG, on Windows and macOS from the system settings).
    """
    tags = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    for tag in tags:
        found = language_of(QLocale(tag))
        if found is not None:
            return found
    return ENGLISH


def resolve(choice: str) -> str:
    """The language to use for a stored choice ("" follows the system)."""
    return choice if choice in LANGUAGES else system_language()


def locale_for(language: str) -> QLocale:
    """The locale for numbers, sizes and dates: the system's when it speaks `language` (keeping,
    say, British dates for English), else the language's main locale."""
    system = QLocale.system()
    if language_of(system) == language:
        return system
    return QLocale(language)


def qt_translations_folder() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install(app: QCoreApplication, choice: str) -> tuple[str, list[QTranslator]]:
    """Make `choice` (a code of LANGUAGES, or SYSTEM) the app's language, before widgets are built.

    Sets the default QLocale and installs the app's and Qt's translators. Returns the language
    used and the translators installed (`uninstall` takes them out again; tests do).
    """
    language = resolve(choice)
    # Following the system: its formats too (a German system shows "4,9 GB" in the English UI).
    QLocale.setDefault(locale_for(language) if choice in LANGUAGES else QLocale.system())
    translators = []
    for folder, name in (
        (qt_translations_folder(), f"qtbase_{language}.qm"),
        (resource_path("i18n"), f"{CATALOGUE}_{language}.qm"),
    ):
        translator = QTranslator(app)
        if translator.load(str(folder / name)) and app.installTranslator(translator):
            translators.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
            translator.deleteLater()
    log.info("language: %s (chosen: %s)", language, choice or "system")
    return language, translators


def translator_for(language: str) -> QTranslator | None:
    """The app's catalogue for `language`, loaded but not installed; None if there is none."""
    translator = QTranslator()
    return translator if translator.load(str(resource_path("i18n") / f"{CATALOGUE}_{language}.qm")) else None


def translated_in(language: str) -> Callable[[str, str], str]:
    """A `translate(context, text)` that answers in `language` (with the source text if it cannot)."""
    translator = translator_for(language)

    def translate(context: str, text: str) -> str:
        return (translator.translate(context, text) if translator is not None else "") or text

    return translate


def uninstall(app: QCoreApplication, translators: Iterable[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()


def cjk_style(language: str) -> str | None:
    """Which Han glyph style the fonts should follow: the UI language's, else the system's."""
    if language in CJK_FONTS:
        return language
    system = QLocale.system()
    if system.language() == QLocale.Language.Japanese:
        return "ja"
    if system.language() == QLocale.Language.Chinese and system.territory() in (
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    ):
        return "zh_HK"
    return language_of(system) if language_of(system) in CJK_FONTS else None


def cjk_font_families(style: str | None, installed: Iterable[str]) -> list[str]:
    """The first installed font of `style`'s list (empty: leave it to the system's fallback)."""
    if style is None:
        return []
    have = set(installed)
    return [family for family in CJK_FONTS[style] if family in have][:1]


def apply_fonts(app: QGuiApplication, language: str) -> list[str]:
    """Put a CJK font that suits `language` behind the system UI font; the families now used."""
    extra = cjk_font_families(cjk_style(language), QFontDatabase.families())
    font = QFont(app.font())
    # The family really used, not an alias such as "Sans Serif": in a list, an alias can lose to
    # the CJK font, which would then draw Latin text too (wider, with taller lines).
    families = list(dict.fromkeys([QFontInfo(font).family(), *extra]))
    if extra:
        font.setFamilies(families)
        app.setFont(font)
    log.info("fonts: %s", ", ".join(families))
    return families
