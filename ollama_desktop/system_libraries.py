"""Before Qt starts on Linux: are the system libraries that Qt's X11 (xcb) plugin loads installed?

When one is missing, Qt aborts the process (status 134) with a message that names the wrong
library (it blames `libxcb-cursor0` for any of them, issue #18). This check names the missing
libraries, the packages that have them and the one command that installs them, and the app ends
with status 1 instead.

It costs ~0.2 ms when all is well: each library the plugin needs is looked up in the dynamic
loader's cache (/etc/ld.so.cache, read once). Only when one seems missing does `ldd` run (~10-25
ms), and its "not found" lines are the answer, so a library found some other way is never
reported. No Qt here: it runs before PySide6 is loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

# What Qt 6's xcb plugin (Qt/plugins/platforms/libqxcb.so, Qt/lib/libQt6XcbQpa.so.6) loads from the
# system, directly or through another library (`ldd`, PySide6 6.11): library -> (Debian/Ubuntu
# package, Fedora package). glibc's, libstdc++'s and Qt's own libraries are left out.
XCB_PLUGIN_NEEDS: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libpng16.so.16": ("libpng16-16", "libpng"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libz.so.1": ("zlib1g", "zlib"),
}
# Libraries other Qt 6 builds or its OpenGL integrations load: named in the advice if `ldd` finds
# them missing, but not looked up on every start.
OTHER_PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
}
PACKAGES = {**XCB_PLUGIN_NEEDS, **OTHER_PACKAGES}

LOADER_CACHE = Path("/etc/ld.so.cache")
OS_RELEASE = Path("/etc/os-release")


def first_platform(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first ("xcb", "wayland", "offscreen", ...; "" if none).

    Qt 6.5+'s own rule: `-platform NAME` on the command line, else QT_QPA_PLATFORM, else
    Wayland when the session is one (WAYLAND_DISPLAY or XDG_SESSION_TYPE=wayland), then X11
    when DISPLAY is set. A list ("wayland;xcb") starts with its first; options (":...") are cut.
    """
    name = ""
    for index, arg in enumerate(argv[1:-1], start=1):
        if arg in ("-platform", "--platform"):
            name = argv[index + 1]
    if not name:
        name = environ.get("QT_QPA_PLATFORM", "")
    if not name:
        if "WAYLAND_DISPLAY" in environ or environ.get("XDG_SESSION_TYPE") == "wayland":
            name = "wayland"
        elif "DISPLAY" in environ:
            name = "xcb"
    return name.split(";")[0].split(":")[0].strip()


def missing_in_ldd(output: str) -> list[str]:
    """The libraries `ldd`'s output says are "not found", each once, in order."""
    missing: list[str] = []
    for line in output.splitlines():
        name, arrow, where = line.strip().partition("=>")
        name = name.strip()
        if arrow and where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def pyside_folder() -> Path | None:
    """PySide6's package folder (its Qt/ is inside), found without importing it."""
    import importlib.util  # noqa: PLC0415 - only on Linux

    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if locations:
        return Path(locations[0])
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller build
    return Path(bundle) / "PySide6" if bundle else None


def xcb_plugin_files(pyside: Path) -> list[Path]:
    """The xcb plugin and the Qt library behind it, as PySide6 ships them."""
    return [
        pyside / "Qt" / "plugins" / "platforms" / "libqxcb.so",
        pyside / "Qt" / "lib" / "libQt6XcbQpa.so.6",
    ]


def run_ldd(files: Sequence[Path]) -> str:
    """`ldd FILES`'s output ("" if it cannot run)."""
    import subprocess  # noqa: PLC0415 - only when a library seems missing

    try:
        result = subprocess.run(
            ["ldd", *map(str, files)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def seems_installed(library: str, cache: bytes, folders: Iterable[Path]) -> bool:
    """Whether the loader's `cache` (or one of `folders`) has `library`: a quick first look."""
    name = library.encode()
    return (
        b"/" + name + b"\0" in cache
        or b"\0" + name + b"\0" in cache
        or any((folder / library).exists() for folder in folders)
    )


def missing_libraries(
    files: Sequence[Path],
    *,
    cache: bytes,
    folders: Iterable[Path] = (),
    ldd: Callable[[Sequence[Path]], str] = run_ldd,
) -> list[str]:
    """The libraries `files` need that the system lacks; `ldd` runs only if the cache misses one."""
    folders = list(folders)
    if all(seems_installed(library, cache, folders) for library in XCB_PLUGIN_NEEDS):
        return []
    return missing_in_ldd(ldd(files))


def distribution_family(os_release: str) -> str:
    """ "debian" or "fedora" from /etc/os-release's ID and ID_LIKE; "" for any other."""
    words: list[str] = []
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            words += value.strip().strip("\"'").lower().split()
    if any(word in ("debian", "ubuntu") for word in words):
        return "debian"
    if any(word in ("fedora", "rhel", "centos") for word in words):
        return "fedora"
    return ""


def advice(missing: Sequence[str], family: str = "") -> str:
    """What to tell the user: the missing libraries, their packages, the command that installs them.

    `family` ("debian", "fedora", or "" when unknown) picks the command; "" shows both.
    """
    known = [library for library in missing if library in PACKAGES]
    unknown = [library for library in missing if library not in PACKAGES]
    apt = list(dict.fromkeys(PACKAGES[library][0] for library in known))
    dnf = list(dict.fromkeys(PACKAGES[library][1] for library in known))
    lines = [
        "Ollama Desktop cannot open its window: Qt needs system libraries that are not installed.",
        "Missing:",
    ]
    for library in known:
        deb, rpm = PACKAGES[library]
        package = {"debian": deb, "fedora": rpm}.get(family, f"{deb} on Debian/Ubuntu, {rpm} on Fedora")
        lines.append(f"  {library} (package {package})")
    lines += [f"  {library} (look up which package has this file)" for library in unknown]
    if known:
        apt_command = f"sudo apt install {' '.join(apt)}"
        dnf_command = f"sudo dnf install {' '.join(dnf)}"
        if family:
            command = apt_command if family == "debian" else dnf_command
            lines += ["Install them with this command, then start Ollama Desktop again:", f"  {command}"]
        else:
            lines += [
                "Install them with one of these commands, then start Ollama Desktop again:",
                f"  Debian/Ubuntu: {apt_command}",
                f"  Fedora:        {dnf_command}",
            ]
    return "\n".join(lines)


def check(
    argv: Sequence[str],
    environ: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    find_missing: Callable[[], list[str]] | None = None,
) -> str:
    """The advice to print when Qt's xcb plugin would fail to load; "" when all is well.

    Only on Linux and only when Qt will try X11 first; `find_missing` (tests) replaces the
    lookup of this machine's libraries.
    """
    environ = os.environ if environ is None else environ
    if not platform.startswith("linux") or first_platform(argv, environ) != "xcb":
        return ""
    missing = find_missing() if find_missing is not None else missing_on_this_machine(environ)
    if not missing:
        return ""
    return advice(missing, distribution_family(read_bytes(OS_RELEASE).decode("utf-8", "replace")))


def missing_on_this_machine(environ: Mapping[str, str]) -> list[str]:
    """What this machine's PySide6 xcb plugin needs and cannot find."""
    pyside = pyside_folder()
    if pyside is None:
        return []
    files = [file for file in xcb_plugin_files(pyside) if file.is_file()]
    if not files:
        return []  # a build without the xcb plugin: Qt says so itself
    # Where else the loader looks: LD_LIBRARY_PATH, Qt's own folder, a PyInstaller bundle's top.
    folders = [Path(entry) for entry in environ.get("LD_LIBRARY_PATH", "").split(os.pathsep) if entry]
    folders.append(pyside / "Qt" / "lib")
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle))
    return missing_libraries(files, cache=read_bytes(LOADER_CACHE), folders=folders)


def exit_status(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> int | None:
    """1, after telling the user on stderr what to install, when Qt could not start; else None."""
    text = check(argv, environ)
    if not text:
        return None
    if sys.stderr is not None:
        print(text, file=sys.stderr, flush=True)
    return 1
