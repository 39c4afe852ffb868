"""Before Qt starts: the missing system libraries of Qt's xcb plugin, named with their packages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from ollama_desktop import startup, system_libraries
from ollama_desktop.system_libraries import (
    XCB_PLUGIN_NEEDS,
    advice,
    check,
    distribution_family,
    first_platform,
    missing_in_ldd,
    missing_libraries,
)

# What `ldd` says on a fresh Debian 12 (issue #18): two libraries missing, each listed twice.
LDD_OUTPUT = """\
/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so:
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f5b)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f5a)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f5c)
/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6:
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
"""


def cache_of(libraries: Sequence[str]) -> bytes:
    """A loader cache (its string table is what is searched) that has `libraries`."""
    return b"glibc-ld.so.cache1.1\0" + b"".join(
        name.encode() + b"\0/usr/lib/x86_64-linux-gnu/" + name.encode() + b"\0" for name in libraries
    )


def test_the_platform_qt_tries_first() -> None:
    argv = ["ollama-desktop"]
    assert first_platform(argv, {"DISPLAY": ":0"}) == "xcb"
    assert first_platform(argv, {}) == ""
    assert first_platform(argv, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert first_platform(argv, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}) == "xcb"
    assert first_platform(argv, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nomitshm;wayland"}) == "xcb"
    # A Wayland session: Qt 6.5+ tries Wayland first, then X11 through XWayland.
    assert first_platform(argv, {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
    assert first_platform(argv, {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}) == "wayland"
    assert first_platform(argv, {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}) == "xcb"
    # The command line wins over the environment.
    assert first_platform([*argv, "-platform", "offscreen"], {"DISPLAY": ":0"}) == "offscreen"
    assert first_platform([*argv, "--platform", "xcb"], {"WAYLAND_DISPLAY": "w", "DISPLAY": ":0"}) == "xcb"


def test_ldds_not_found_lines_are_the_missing_libraries() -> None:
    assert missing_in_ldd(LDD_OUTPUT) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert missing_in_ldd("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []
    assert missing_in_ldd("") == []


def test_ldd_runs_only_when_the_loader_cache_misses_a_library() -> None:
    calls: list[Sequence[Path]] = []

    def ldd(files: Sequence[Path]) -> str:
        calls.append(files)
        return LDD_OUTPUT

    files = [Path("libqxcb.so"), Path("libQt6XcbQpa.so.6")]
    assert missing_libraries(files, cache=cache_of(list(XCB_PLUGIN_NEEDS)), ldd=ldd) == []
    assert calls == []
    # libGL.so.1 must not pass for libEGL.so.1, nor libxcb.so.1 for libX11-xcb.so.1.
    lacking = [name for name in XCB_PLUGIN_NEEDS if name not in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")]
    assert missing_libraries(files, cache=cache_of(lacking), ldd=ldd) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]
    assert calls == [files]


def test_a_library_in_another_folder_of_the_loader_counts(tmp_path: Path) -> None:
    (tmp_path / "libxcb-icccm.so.4").touch()
    (tmp_path / "libxcb-keysyms.so.1").touch()
    lacking = [name for name in XCB_PLUGIN_NEEDS if name not in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")]
    assert missing_libraries([], cache=cache_of(lacking), folders=[tmp_path], ldd=lambda files: "boom") == []


def test_the_advice_names_the_packages_and_the_command() -> None:
    missing = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    debian = advice(missing, "debian")
    assert "libxcb-icccm.so.4 (package libxcb-icccm4)" in debian
    assert "libxcb-keysyms.so.1 (package libxcb-keysyms1)" in debian
    assert "  sudo apt install libxcb-icccm4 libxcb-keysyms1" in debian.splitlines()
    assert "dnf" not in debian
    fedora = advice(missing, "fedora")
    assert "  sudo dnf install xcb-util-wm xcb-util-keysyms" in fedora.splitlines()
    assert "apt" not in fedora
    either = advice([*missing, "libxcb-randr.so.0", "libxcb-shape.so.0", "libfoo.so.7"])
    assert "  Debian/Ubuntu: sudo apt install libxcb-icccm4 libxcb-keysyms1 libxcb-randr0 libxcb-shape0" in (
        either.splitlines()
    )
    # Both come from Fedora's libxcb: named once.
    assert "  Fedora:        sudo dnf install xcb-util-wm xcb-util-keysyms libxcb" in either.splitlines()
    assert "libfoo.so.7 (look up which package has this file)" in either


def test_the_distribution_comes_from_os_release() -> None:
    assert distribution_family('PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n') == "debian"
    assert distribution_family("ID=linuxmint\nID_LIKE=ubuntu\n") == "debian"
    assert distribution_family('ID="rocky"\nID_LIKE="rhel centos fedora"\n') == "fedora"
    assert distribution_family("ID=fedora\n") == "fedora"
    assert distribution_family("ID=arch\n") == ""
    assert distribution_family("") == ""


def test_checked_only_on_linux_when_qt_will_use_x11() -> None:
    found = ["libxcb-icccm.so.4"]
    argv = ["ollama-desktop"]

    def lookup() -> list[str]:
        return found

    assert "libxcb-icccm4" in check(argv, {"DISPLAY": ":0"}, platform="linux", find_missing=lookup)
    assert "libxcb-icccm4" in check(
        argv, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, platform="linux", find_missing=lookup
    )
    for environ in (
        {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"},
        {"WAYLAND_DISPLAY": "w", "DISPLAY": ":0"},
        {},
    ):
        assert check(argv, environ, platform="linux", find_missing=lookup) == ""
    assert check(argv, {"DISPLAY": ":0"}, platform="win32", find_missing=lookup) == ""
    assert check(argv, {"DISPLAY": ":0"}, platform="darwin", find_missing=lookup) == ""
    found.clear()
    assert check(argv, {"DISPLAY": ":0"}, platform="linux", find_missing=lookup) == ""


@pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="the check is for Linux's X11 libraries; elsewhere Qt brings what it needs",
)
def test_the_entry_point_says_what_to_install_and_ends_with_status_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(system_libraries, "missing_on_this_machine", lambda environ: ["libxcb-keysyms.so.1"])
    monkeypatch.setenv("DISPLAY", ":0")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    prepared: list[bool] = []
    monkeypatch.setattr(startup, "prepare", lambda: prepared.append(True))
    assert startup.main(["ollama-desktop"]) == 1
    assert "libxcb-keysyms.so.1" in capsys.readouterr().err
    assert prepared == []


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None,
    reason="compares with ldd, which only Linux has",
)
def test_the_check_on_this_machine_reports_what_ldd_says() -> None:
    pyside = system_libraries.pyside_folder()
    assert pyside is not None
    files = system_libraries.xcb_plugin_files(pyside)
    assert all(file.is_file() for file in files)
    said = subprocess.run(["ldd", *map(str, files)], capture_output=True, text=True, check=False).stdout
    expected = sorted({line.split("=>")[0].strip() for line in said.splitlines() if "=> not found" in line})
    assert sorted(system_libraries.missing_on_this_machine({})) == expected
