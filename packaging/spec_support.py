"""What `ollama_desktop.spec` decides, as plain functions that tests can check without PyInstaller.

The spec imports this module; `tests/test_packaging.py` checks it. Nothing here imports PyInstaller.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]

APP_NAME = "Ollama Desktop"
# Linux file names stay lower-case and without spaces; Windows users see "Ollama Desktop.exe".
LINUX_NAME = "ollama-desktop"

# The PySide6 modules the app may import. Every other one is excluded, so that nothing drags one
# in by accident (PySide6/__init__.py mentions QtNetwork, for one). QtSvg is here because the SVG
# icon engine needs libQt6Svg; QtCharts once a chart is drawn (it comes with PySide6-Addons).
QT_MODULES_KEPT = frozenset({"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtCharts"})

# The Qt plugins the bundle keeps, by plugin folder; a folder not named here is left out whole.
# Patterns match the file name without "lib" and extension (libqxcb.so, qwindows.dll -> qxcb, qwindows).
QT_PLUGINS_KEPT: dict[str, tuple[str, ...]] = {
    # X11, Wayland and Windows, and offscreen for --smoke-test and CI. Not: eglfs, linuxfb, vnc,
    # minimal, vkkhrdisplay, direct2d (embedded or unused back ends).
    "platforms": ("qxcb", "qwayland*", "qwindows", "qoffscreen"),
    "xcbglintegrations": ("*",),
    # xdg-shell is what every desktop compositor speaks; the others are for embedded shells.
    "wayland-shell-integration": ("xdg-shell",),
    # Window decorations drawn by the app itself, on compositors that do not draw them (GNOME).
    "wayland-decoration-client": ("*",),
    # The "-server" buffer integrations are for Qt-based compositors, not for clients.
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
    # Input methods: CJK input goes through ibus (and fcitx5's ibus front end), dead keys
    # through compose. An fcitx plugin built for this Qt, if one is ever collected, stays too.
    "platforminputcontexts": ("compose*", "ibus*", "fcitx*"),
    # The portal theme is small; the GTK3 theme drags in gtk, cairo, pango and friends (~10 MB).
    "platformthemes": ("qxdgdesktopportal",),
    "iconengines": ("qsvgicon",),
    # PNG is built into QtGui; SVG is the app icon, ICO the Windows one. JPEG, GIF and WebP are the
    # pictures a user attaches to a question (controllers/attachment_preparing.py decodes them).
    "imageformats": ("qsvg", "qico", "qjpeg", "qgif", "qwebp"),
    # Windows 11 and Windows Vista styles (qmodernwindowsstyle.dll); Linux wheels ship none.
    "styles": ("*",),
}

# Libraries left out by name. opengl32sw.dll is Mesa's software OpenGL for Windows (20 MB); a
# widgets app that creates no OpenGL context never loads it.
LIBRARIES_DROPPED = frozenset({"opengl32sw.dll"})

_QT_PLUGIN = re.compile(r"^PySide6/(?:Qt/)?plugins/([^/]+)/([^/]+)$")
_QT_TRANSLATION = re.compile(r"^PySide6/(?:Qt/)?translations/([^/]+)$")

Toc = list[tuple[str, str, str]]


def _posix(dest: str) -> str:
    return PurePosixPath(dest.replace("\\", "/")).as_posix()


def _basename(dest: str) -> str:
    return _posix(dest).rsplit("/", 1)[-1].lower()


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The version in pyproject.toml, the one source of it."""
    with pyproject.open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def project_description(pyproject: Path = ROOT / "pyproject.toml") -> str:
    with pyproject.open("rb") as file:
        return str(tomllib.load(file)["project"]["description"])


# Packages the app imports only inside a function, when the first PDF or Word document is attached.
# PyInstaller finds such imports too; naming them keeps them bundled if the import ever moves behind
# importlib. python-docx's templates come with pyinstaller-hooks-contrib's hook-docx.py.
HIDDEN_IMPORTS = ("pypdf", "docx")

# Standard modules the app never imports but that something in the module graph mentions. Bundled,
# multiprocessing brings PyInstaller's runtime hook, which imports it on every start (~15 ms).
STDLIB_EXCLUDED = ("tkinter", "multiprocessing")


def qt_excludes(pyside_dir: Path) -> list[str]:
    """`PySide6.<module>` for every binding module installed in `pyside_dir` that the app does not use."""
    installed = {
        path.name.split(".", 1)[0] for path in pyside_dir.glob("Qt*.*") if path.suffix in {".so", ".pyd"}
    }
    return sorted(f"PySide6.{module}" for module in installed - QT_MODULES_KEPT)


def plugin_stem(filename: str) -> str:
    """The plugin's name as the patterns in QT_PLUGINS_KEPT spell it.

    >>> plugin_stem("libqxcb.so"), plugin_stem("qwindows.dll"), plugin_stem("libqt-plugin-wayland-egl.so")
    ('qxcb', 'qwindows', 'qt-plugin-wayland-egl')
    """
    stem = filename.split(".", 1)[0]
    if stem.startswith("lib") and not filename.endswith(".dll"):
        stem = stem[3:]
    return stem


def binary_kept(dest: str) -> bool:
    """Whether a collected binary, by its path in the bundle, goes into the build."""
    path = _posix(dest)
    if _basename(path) in LIBRARIES_DROPPED:
        return False
    match = _QT_PLUGIN.match(path)
    if not match:
        return True
    folder, filename = match.groups()
    stem = plugin_stem(filename)
    return any(fnmatch.fnmatchcase(stem, pattern) for pattern in QT_PLUGINS_KEPT.get(folder, ()))


def data_kept(dest: str, languages: Iterable[str] = ()) -> bool:
    """Whether a collected data file goes into the build: of Qt's translations, only qtbase's, and
    of those only the `languages` the app speaks (all of them when none are given).

    The app installs Qt's qtbase translator for the standard dialogs, in its own language; the
    other catalogues are for modules it does not use, or for languages it cannot switch to.
    """
    match = _QT_TRANSLATION.match(_posix(dest))
    if match is None:
        return True
    name = match.group(1)
    wanted = [f"qtbase_{language}.qm" for language in languages]
    return name.startswith("qtbase_") and (not wanted or name in wanted)


def app_languages() -> list[str]:
    """The language codes the app ships catalogues for (resources/i18n/ollama_desktop_<code>.ts)."""
    sources = (ROOT / "resources" / "i18n").glob("ollama_desktop_*.ts")
    return sorted(path.stem.removeprefix("ollama_desktop_") for path in sources)


def libraries_only_for(binaries: Toc, dropped: Toc, imports: Callable[[str], Iterable[str]]) -> set[str]:
    """Names (lower-case) of the collected libraries that only the dropped binaries need.

    PyInstaller collects each plugin's libraries along with it (the GTK3 theme brings gtk, cairo
    and pango); once the plugin is dropped they must go too. A library stays if anything kept
    links to it, directly or not. `imports(source_path)` names the libraries a binary links to.
    """
    by_name = {_basename(dest): source for dest, source, _ in binaries}

    def reached(sources: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(sources)
        while todo:
            for name in imports(todo.pop()):
                key = _basename(name)
                if key in by_name and key not in seen:
                    seen.add(key)
                    todo.append(by_name[key])
        return seen

    candidates = reached(source for _, source, _ in dropped)
    roots = [(dest, source) for dest, source, _ in binaries if _basename(dest) not in candidates]
    needed = {_basename(dest) for dest, _ in roots} | reached(source for _, source in roots)
    return candidates - needed


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, destination folder) for the files of `resources/` the app reads at run time.

    Screenshots are for the README and `.ts` files are translation sources; `.qm` files are what
    the app loads.
    """
    resources = root / "resources"
    datas = []
    for path in sorted(resources.rglob("*")):
        relative = path.relative_to(resources)
        if path.is_dir() or relative.parts[0] == "screenshots" or path.suffix == ".ts":
            continue
        datas.append((str(path), str(PurePosixPath("resources", *relative.parts[:-1]))))
    return datas


def windows_version(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource.

    >>> windows_version("0.1.0"), windows_version("1.2"), windows_version("2.0.1rc1+local")
    ((0, 1, 0, 0), (1, 2, 0, 0), (2, 0, 1, 0))
    """
    match = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(part) for part in match.group(0).split(".")] if match else []
    first, second, third, fourth = (*numbers, 0, 0, 0, 0)[:4]
    return first, second, third, fourth


def windows_version_info(version: str, description: str, exe_name: str) -> str:
    """The text of a PyInstaller version file (what `pyi-grab_version` writes) for the .exe."""
    numbers = windows_version(version)
    strings = {
        "CompanyName": f"{APP_NAME} contributors",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": "MIT License",
        "OriginalFilename": exe_name,
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    structs = ",\n          ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""# Generated by packaging/ollama_desktop.spec from pyproject.toml; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [{structs}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
