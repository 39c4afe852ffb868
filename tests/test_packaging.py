"""The standalone build's decisions, checked without building: what the spec keeps, the version
resource, the icons, the .desktop entry, and that the workflow runs the same scripts as CI.

The build itself is checked by `.ci/run` (`packaging/build.sh --onefile` and the build's --smoke-test).
"""

from __future__ import annotations

import doctest
import fnmatch
import importlib.util
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLibraryInfo

from ollama_desktop import app, i18n
from tests.processes import run_python

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


spec_support = _load("spec_support")


def test_doctests() -> None:
    assert doctest.testmod(spec_support).failed == 0


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
        ("PySide6/Qt/plugins/wayland-decoration-client/libbradient.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-emu-integration.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        # Attached pictures (issue #20)
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqgif.so", True),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
        ("PySide6/plugins/imageformats/qjpeg.dll", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        # Windows wheel layout
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", False),
        ("PySide6/plugins/networkinformation/qnetworklistmanager.dll", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt6Widgets.dll", True),
    ],
)
def test_which_binaries_the_build_keeps(dest: str, kept: bool) -> None:
    assert spec_support.binary_kept(dest) is kept


def test_the_build_keeps_every_plugin_the_smoke_test_asks_for() -> None:
    """The app's --smoke-test and the spec agree, checked on this machine's own Qt plugins."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    installed = [path.relative_to(plugins).as_posix() for path in plugins.rglob("*") if path.is_file()]
    prefix = "PySide6/plugins/" if sys.platform == "win32" else "PySide6/Qt/plugins/"
    for pattern in app._QT_PLUGINS_NEEDED.get(sys.platform, ()):
        matches = fnmatch.filter(installed, pattern)
        assert matches, f"{pattern} is in no installed PySide6"
        assert all(spec_support.binary_kept(prefix + name) for name in matches), pattern


def test_the_app_never_imports_the_standard_modules_the_build_leaves_out() -> None:
    # Everything the app can import at run time, including what it imports late (see app.py).
    script = (
        "import pkgutil, sys, ollama_desktop\n"
        "for info in pkgutil.walk_packages(ollama_desktop.__path__, 'ollama_desktop.'):\n"
        "    if not info.name.endswith('__main__'):\n"
        "        __import__(info.name)\n"
        "import qasync, requests, markdown_it, pygments.lexers, pygments.formatters\n"
        "for name in ('python', 'javascript', 'bash', 'rust', 'c', 'json', 'go'):\n"
        "    pygments.lexers.get_lexer_by_name(name)\n"
        "print(' '.join(name for name in sys.argv[1:] if name in sys.modules))\n"
    )
    result = run_python("-c", script, *spec_support.STDLIB_EXCLUDED, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_only_qtbase_translations_are_kept() -> None:
    assert spec_support.data_kept("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not spec_support.data_kept("PySide6/Qt/translations/qt_help_de.qm")
    assert not spec_support.data_kept("PySide6/translations/qtdeclarative_ko.qm")
    assert spec_support.data_kept("resources/i18n/ollama_desktop_ko.qm")


def test_of_qts_own_translations_only_the_apps_languages_are_kept() -> None:
    languages = spec_support.app_languages()
    assert sorted(languages) == sorted(i18n.LANGUAGES)
    assert spec_support.data_kept("PySide6/Qt/translations/qtbase_ko.qm", languages)
    assert spec_support.data_kept("PySide6/Qt/translations/qtbase_zh_TW.qm", languages)
    assert not spec_support.data_kept("PySide6/Qt/translations/qtbase_de.qm", languages)
    assert not spec_support.data_kept("PySide6/Qt/translations/qt_help_ko.qm", languages)
    # Every language the app speaks has Qt's catalogue for the standard dialogs to keep.
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert all((folder / f"qtbase_{language}.qm").is_file() for language in languages)


def test_libraries_that_only_dropped_plugins_need_go_too() -> None:
    links = {
        "/qt/gtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        "/sys/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
        "/sys/libcairo.so.2": [],
        "/sys/libglib-2.0.so.0": [],
        "/qt/xcb.so": ["libQt6Gui.so.6", "libglib-2.0.so.0"],
        "/qt/libQt6Gui.so.6": [],
    }
    kept = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/xcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/libQt6Gui.so.6", "BINARY"),
        ("libgtk-3.so.0", "/sys/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/sys/libcairo.so.2", "BINARY"),
        ("libglib-2.0.so.0", "/sys/libglib-2.0.so.0", "BINARY"),
    ]
    dropped = [("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/qt/gtk3.so", "BINARY")]
    gone = spec_support.libraries_only_for(kept, dropped, lambda source: links[source])
    assert gone == {"libgtk-3.so.0", "libcairo.so.2"}


def test_qt_modules_not_used_are_excluded(tmp_path: Path) -> None:
    for name in ["QtCore.abi3.so", "QtGui.abi3.so", "QtNetwork.abi3.so", "QtCharts.pyd", "QtQml.pyi"]:
        (tmp_path / name).touch()
    assert spec_support.qt_excludes(tmp_path) == ["PySide6.QtNetwork"]


def test_resources_bundled_are_the_runtime_ones() -> None:
    datas = dict(spec_support.resource_datas())
    names = {Path(source).name: dest for source, dest in datas.items()}
    assert names["ollama-desktop.svg"] == "resources/icons"
    assert "ollama-desktop.ico" in names
    assert not any("screenshots" in source for source in datas)
    assert not any(source.endswith(".ts") for source in datas)


def test_windows_version_resource_comes_from_pyproject() -> None:
    version = spec_support.project_version()
    text = spec_support.windows_version_info(version, "A chat app", "Ollama Desktop.exe")
    recorded: dict[str, object] = {}

    def record(kind: str):  # type: ignore[no-untyped-def]
        def make(*args, **kwargs):  # type: ignore[no-untyped-def]
            recorded.setdefault(kind, []).append((args, kwargs))  # type: ignore[attr-defined]
            return (kind, args, kwargs)

        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    namespace = {name: record(name) for name in [*names, "VarFileInfo", "VarStruct"]}
    eval(text, namespace)  # the way PyInstaller reads a version file
    fixed = recorded["FixedFileInfo"][0][1]  # type: ignore[index]
    assert fixed["filevers"] == spec_support.windows_version(version)
    strings = {args[0]: args[1] for args, _ in recorded["StringStruct"]}  # type: ignore[attr-defined]
    assert strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == "Ollama Desktop.exe"


def test_ico_holds_the_sizes_windows_asks_for() -> None:
    data = (ROOT / "resources" / "icons" / "ollama-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = {struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_desktop_entry() -> None:
    lines = (PACKAGING / "linux" / "ollama-desktop.desktop").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    entry = dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))
    assert entry["Type"] == "Application"
    assert entry["Exec"] == spec_support.LINUX_NAME
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.png").is_file()
    assert entry["Categories"].endswith(";")


def test_workflow_runs_the_build_scripts_ci_runs() -> None:
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    assert "bash packaging/build.sh" in workflow
    assert "./packaging/build.ps1" in workflow
    assert 'python-version: "3.11"' in workflow
    assert "bash packaging/build.sh --onefile" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    spec = (PACKAGING / "ollama_desktop.spec").read_text(encoding="utf-8")
    assert "upx=False" in spec
    assert "console=False" in spec
