"""Translations: regenerate the `.ts` files from every source, build the `.qm` files, check both.

Run from the repository's top folder:

    python -m tools.i18n                  update: lupdate reads every .py under ollama_desktop/ into
                                          resources/i18n/ollama_desktop_<lang>.ts (new strings come in
                                          as unfinished, strings no longer in the code are dropped),
                                          then lrelease builds the .qm files next to them
    python -m tools.i18n --check          what CI checks (tests/test_i18n.py does the same): lupdate
                                          would change nothing, no entry is unfinished, translations
                                          keep every {placeholder}, %n and &-shortcut, the .qm files are
                                          up to date, and ui/ and controllers/ pass no literal text to Qt
    python -m tools.i18n --todo FILE      write the unfinished entries of every language to FILE (JSON)
    python -m tools.i18n --apply FILE     take the translations filled in FILE, then update

The sources are English. `en` has only the plural forms ("1 model" / "2 models"); zh_TW, zh_CN and ko
translate everything. lupdate and lrelease are the ones PySide6-Essentials installs.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ollama_desktop"
I18N = ROOT / "resources" / "i18n"
CATALOGUE = "ollama_desktop"
# Languages translated in full, and the source language, whose catalogue holds only plural forms.
TRANSLATED = ("zh_TW", "zh_CN", "ko")
PLURAL_ONLY = ("en",)
LANGUAGES = PLURAL_ONLY + TRANSLATED
# Where user-visible text is made: every literal shown to the user must go through tr()/translate().
CHECKED_FOLDERS = ("ui", "controllers")


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"{CATALOGUE}_{language}.qm"


def sources() -> list[Path]:
    """Every Python file of the app, in a stable order."""
    return sorted(PACKAGE.rglob("*.py"))


def qt_tool(name: str) -> str:
    """The path of PySide6's own lupdate or lrelease."""
    import PySide6  # noqa: PLC0415 - only the tools need Qt, not `--help`

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships lupdate and lrelease)")
    return found


def run_lupdate(ts_files: Iterable[Path], *, plural_only: bool = False) -> None:
    with tempfile.TemporaryDirectory() as temp:
        listing = Path(temp) / "sources.lst"
        listing.write_text("".join(f"{path}\n" for path in sources()), encoding="utf-8")
        for ts in ts_files:
            language = ts.stem.removeprefix(f"{CATALOGUE}_")
            command = [qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-sort-messages"]
            command += ["-source-language", "en", "-target-language", language]
            if plural_only:
                command.append("-pluralonly")
            subprocess.run([*command, f"@{listing}", "-ts", str(ts)], check=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def update(folder: Path = I18N) -> None:
    """lupdate every catalogue from the sources, then lrelease them all."""
    folder.mkdir(parents=True, exist_ok=True)
    run_lupdate([ts_path(lang, folder) for lang in PLURAL_ONLY], plural_only=True)
    run_lupdate([ts_path(lang, folder) for lang in TRANSLATED])
    for language in LANGUAGES:
        run_lrelease(ts_path(language, folder), qm_path(language, folder))


# -- reading .ts files ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]  # one per plural form; ("",) when empty
    unfinished: bool

    @property
    def key(self) -> tuple[str, str, str, bool]:
        return (self.context, self.source, self.comment, self.numerus)


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ("",)
            elif numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform")) or ("",)
            else:
                texts = (translation.text or "",)
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    numerus,
                    texts,
                    kind == "unfinished" or not all(texts),
                )
            )
    return messages


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_PERCENT_N = re.compile(r"%L?n")
_SHORTCUT = re.compile(r"&(?!&)\S")


def translation_problems(message: Message) -> list[str]:
    """What a finished translation lost: a {placeholder}, the %n of a plural, the &-shortcut."""
    problems = []
    wanted = sorted(_PLACEHOLDER.findall(message.source))
    for text in message.translations:
        if sorted(_PLACEHOLDER.findall(text)) != wanted:
            problems.append(f"placeholders {wanted} not kept in {text!r}")
        if message.numerus and _PERCENT_N.search(message.source) and not _PERCENT_N.search(text):
            problems.append(f"%n missing in {text!r}")
        if bool(_SHORTCUT.search(message.source)) != bool(_SHORTCUT.search(text)):
            problems.append(f"the &-shortcut of {message.source!r} not kept in {text!r}")
    return problems


# -- checks -------------------------------------------------------------------------------------


def stale_catalogues(folder: Path = I18N) -> dict[str, tuple[list[str], list[str]]]:
    """Per language, what lupdate would add and drop: (added, dropped) source texts."""
    changes = {}
    with tempfile.TemporaryDirectory() as temp:
        copies = Path(temp)
        for language in LANGUAGES:
            if ts_path(language, folder).is_file():
                shutil.copy(ts_path(language, folder), ts_path(language, copies))
        run_lupdate([ts_path(lang, copies) for lang in PLURAL_ONLY], plural_only=True)
        run_lupdate([ts_path(lang, copies) for lang in TRANSLATED])
        for language in LANGUAGES:
            before = (
                {m.key for m in read_ts(ts_path(language, folder))}
                if ts_path(language, folder).is_file()
                else set()
            )
            after = {m.key for m in read_ts(ts_path(language, copies))}
            added = sorted(f"{key[0]}: {key[1]!r}" for key in after - before)
            dropped = sorted(f"{key[0]}: {key[1]!r}" for key in before - after)
            if added or dropped:
                changes[language] = (added, dropped)
    return changes


def unfinished(folder: Path = I18N) -> dict[str, list[Message]]:
    return {lang: [m for m in read_ts(ts_path(lang, folder)) if m.unfinished] for lang in LANGUAGES}


def stale_qm(folder: Path = I18N) -> list[str]:
    """The .qm files that are missing or differ from what lrelease makes of the .ts now."""
    stale = []
    with tempfile.TemporaryDirectory() as temp:
        for language in LANGUAGES:
            fresh = Path(temp) / qm_path(language).name
            run_lrelease(ts_path(language, folder), fresh)
            built = qm_path(language, folder)
            if not built.is_file() or built.read_bytes() != fresh.read_bytes():
                stale.append(built.name)
    return stale


# -- literal text that does not go through tr() -------------------------------------------------

_ALL = None
# Qt methods that show the text they are given: method name -> positions to check (None: all).
TEXT_METHODS: dict[str, tuple[int, ...] | None] = {
    **dict.fromkeys(
        [
            "setText",
            "setToolTip",
            "setStatusTip",
            "setWhatsThis",
            "setWindowTitle",
            "setWindowIconText",
            "setPlaceholderText",
            "setTitle",
            "setLabelText",
            "setInformativeText",
            "setDetailedText",
            "showMessage",
            "addMenu",
            "addAction",
            "addTab",
            "insertTab",
            "setTabText",
            "setTabToolTip",
            "setItemText",
            "setItemToolTip",
            "addItems",
            "setHeaderLabels",
            "setHorizontalHeaderLabels",
            "setVerticalHeaderLabels",
            "setPrefix",
            "setSuffix",
            "setSpecialValueText",
            "setButtonText",
            "setNameFilter",
            "setNameFilters",
            "setHtml",
            "setMarkdown",
            "setPlainText",
            "insertPlainText",
            "insertText",
            "insertHtml",
            "insertMarkdown",
            "setAccessibleName",
            "setAccessibleDescription",
            "setOkButtonText",
            "setCancelButtonText",
        ],
        _ALL,
    ),
    "addItem": (0,),
    "insertItem": (1,),
    "addButton": (0,),
}
# Static helpers of these classes show every text they are given.
TEXT_STATICS = {
    "QMessageBox": {"about", "information", "warning", "critical", "question"},
    "QInputDialog": {"getText", "getItem", "getInt", "getDouble", "getMultiLineText"},
    "QFileDialog": {"getSaveFileName", "getOpenFileName", "getOpenFileNames", "getExistingDirectory"},
}
# Widgets and items whose constructor takes the text they show.
TEXT_CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QCommandLinkButton",
    "QMessageBox",
    "QDockWidget",
    "QToolBar",
    "QListWidgetItem",
    "QTableWidgetItem",
    "QTreeWidgetItem",
    "QStandardItem",
}
TEXT_KEYWORDS = {"text", "title", "label", "toolTip"}
IGNORE_MARK = "i18n: ignore"


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.text}"


_MARKUP = re.compile(r"<[^<>]*>|&\w+;")


def _has_words(text: str) -> bool:
    """Whether `text` has words to translate; markup such as "<br><small>" has none."""
    return any(char.isalpha() for char in _MARKUP.sub("", text))


def _literal_text(node: ast.expr) -> str | None:
    """The user-visible literal in `node` that did not go through tr(), if there is one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _has_words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        return "f-string " + repr("".join(parts)) if _has_words("".join(parts)) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) or _literal_text(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return next((text for text in map(_literal_text, node.elts) if text), None)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _literal_text(node.func.value)
    return None


def _callee(node: ast.Call) -> tuple[str, str]:
    """(owner, name) of a call: ("QMessageBox", "warning"), ("", "QLabel"), ("self.label", "setText")."""
    func = node.func
    if isinstance(func, ast.Name):
        return "", func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else "?"
        return owner, func.attr
    return "?", ""


def _is_translate_call(node: ast.Call) -> bool:
    owner, name = _callee(node)
    return name == "translate" or (name == "tr" and owner != "")


def untranslated_literals(paths: Iterable[Path]) -> list[Finding]:
    """Literal text handed to Qt without tr()/translate(), and tr() calls lupdate cannot read.

    A line that carries the comment `# i18n: ignore` is skipped (say why on it).
    """
    findings = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source, str(path))):
            if not isinstance(node, ast.Call):
                continue
            found = list(_findings_in_call(node))
            for line, text in found:
                if IGNORE_MARK not in lines[line - 1] and IGNORE_MARK not in lines[node.lineno - 1]:
                    findings.append(Finding(path, line, text))
    return findings


def _findings_in_call(node: ast.Call) -> Iterator[tuple[int, str]]:
    owner, name = _callee(node)
    if _is_translate_call(node):
        position = 1 if name == "translate" else 0
        args = node.args
        wanted = [args[0]] if name == "translate" and args else []
        wanted += args[position : position + 1]
        for arg in wanted:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                yield (
                    node.lineno,
                    f"{name}() needs literal text that lupdate can read, not {ast.unparse(arg)}",
                )
        return
    if name in TEXT_CONSTRUCTORS and owner == "":
        checked = list(node.args) + [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
    elif name in TEXT_STATICS.get(owner, ()):
        checked = list(node.args)
    elif name in TEXT_METHODS and owner not in TEXT_STATICS and owner not in ("log", "logging"):
        positions = TEXT_METHODS[name]
        checked = [a for i, a in enumerate(node.args) if positions is None or i in positions]
        checked += [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
    else:
        return
    for arg in checked:
        text = _literal_text(arg)
        if text is not None:
            yield arg.lineno, f"{name}() is given text that is not translated: {text!r}"


@dataclass(frozen=True)
class SourceMessage:
    path: Path
    line: int
    numerus: bool


class _MessageFinder(ast.NodeVisitor):
    """The messages of tr() and translate() calls with literal text, keyed like the .ts files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.classes: list[str] = []
        self.found: dict[tuple[str, str, str], SourceMessage] = {}

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        if not _is_translate_call(node):
            return
        owner, name = _callee(node)
        args = list(node.args)
        if name == "translate":
            context_node, args = (args[0] if args else None), args[1:]
            context = context_node.value if isinstance(context_node, ast.Constant) else None
        else:
            context = (self.classes[-1] if self.classes else "") if owner == "self" else owner
        if not args or not isinstance(context, str):
            return
        source = args[0].value if isinstance(args[0], ast.Constant) else None
        comment = args[1].value if len(args) > 1 and isinstance(args[1], ast.Constant) else ""
        if isinstance(source, str):
            numerus = len(args) > 2 or any(kw.arg == "n" for kw in node.keywords)
            key = (context, source, comment if isinstance(comment, str) else "")
            self.found[key] = SourceMessage(self.path, node.lineno, numerus)


def source_messages(paths: Iterable[Path]) -> dict[tuple[str, str, str], SourceMessage]:
    found: dict[tuple[str, str, str], SourceMessage] = {}
    for path in paths:
        finder = _MessageFinder(path)
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        found.update(finder.found)
    return found


def unread_by_lupdate(folder: Path = I18N) -> list[str]:
    """tr()/translate() calls whose text lupdate missed, or read without its plural.

    lupdate's Python parser drops a `translate()` call whose fourth argument (the count) is not a
    plain name or number, and reads a plural only when it is a number; `self.tr(text, "", n)` in a
    QObject class always works, so plurals outside widgets go in a small QObject class's method.
    """
    catalogue = {(m.context, m.source, m.comment): m.numerus for m in read_ts(ts_path(TRANSLATED[0], folder))}
    problems = []
    for key, where in sorted(source_messages(sources()).items(), key=lambda item: str(item[1].path)):
        place = f"{where.path.relative_to(ROOT)}:{where.line}"
        if key not in catalogue:
            problems.append(f"{place}: lupdate does not read {key[1]!r} (context {key[0]!r})")
        elif catalogue[key] != where.numerus:
            problems.append(
                f"{place}: lupdate does not read {key[1]!r} as a plural: use self.tr in a QObject class"
            )
    return problems


def checked_sources() -> list[Path]:
    return sorted(path for folder in CHECKED_FOLDERS for path in (PACKAGE / folder).rglob("*.py"))


# -- to-do lists for translators ----------------------------------------------------------------


def write_todo(path: Path, folder: Path = I18N) -> int:
    """The unfinished entries of every language as JSON, to be filled in and `--apply`-ed."""
    todo = {
        language: [
            {
                "context": m.context,
                "source": m.source,
                "comment": m.comment,
                "numerus": m.numerus,
                "translation": list(m.translations) if m.numerus else m.translations[0],
            }
            for m in messages
        ]
        for language, messages in unfinished(folder).items()
        if messages
    }
    path.write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return sum(len(entries) for entries in todo.values())


def apply_translations(path: Path, folder: Path = I18N) -> int:
    """Fill the .ts files with the translations in `path` (the `--todo` format); how many were taken."""
    filled = json.loads(path.read_text(encoding="utf-8"))
    taken = 0
    for language, entries in filled.items():
        wanted = {
            (e["context"], e["source"], e.get("comment", "")): e["translation"]
            for e in entries
            if e["translation"] and all(e["translation"] if isinstance(e["translation"], list) else [1])
        }
        ts = ts_path(language, folder)
        tree = ET.parse(ts)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                key = (name, message.findtext("source") or "", message.findtext("comment") or "")
                if key not in wanted:
                    continue
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                text = wanted[key]
                for child in list(translation):
                    translation.remove(child)
                if message.get("numerus") == "yes":
                    translation.text = None
                    for form in text if isinstance(text, list) else [text]:
                        ET.SubElement(translation, "numerusform").text = form
                else:
                    translation.text = text
                translation.attrib.pop("type", None)
                taken += 1
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return taken


# -- command line -------------------------------------------------------------------------------


def check() -> list[str]:
    """Everything CI requires of the translations, as a list of problems (empty when all is well)."""
    problems = [str(finding) for finding in untranslated_literals(checked_sources())]
    problems += unread_by_lupdate()
    for language, (added, dropped) in stale_catalogues().items():
        problems += [f"{language}: lupdate would add {text}" for text in added]
        problems += [f"{language}: lupdate would drop {text}" for text in dropped]
    for language, messages in unfinished().items():
        problems += [f"{language}: unfinished {m.context}: {m.source!r}" for m in messages]
    for language in LANGUAGES:
        for message in read_ts(ts_path(language)):
            if not message.unfinished:
                problems += [f"{language}: {p}" for p in translation_problems(message)]
    problems += [f"{name} is out of date: run python -m tools.i18n" for name in stale_qm()]
    return problems


def summary(folder: Path = I18N) -> str:
    lines = []
    for language in LANGUAGES:
        messages = read_ts(ts_path(language, folder))
        todo = sum(m.unfinished for m in messages)
        lines.append(f"{ts_path(language, folder).name}: {len(messages)} strings, {todo} unfinished")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n", description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="fail if anything is missing or stale")
    group.add_argument("--todo", type=Path, metavar="FILE", help="write the unfinished entries as JSON")
    group.add_argument("--apply", type=Path, metavar="FILE", help="take translations from FILE, then update")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s)" if problems else "translations are complete and up to date")
        return 1 if problems else 0
    if args.todo:
        print(f"{write_todo(args.todo)} unfinished entries written to {args.todo}")
        return 0
    if args.apply:
        print(f"{apply_translations(args.apply)} translations taken from {args.apply}")
    update()
    print(summary())
    if any(unfinished().values()):
        print(
            "Some strings need a translation: python -m tools.i18n --todo todo.json, fill it in, --apply it"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
