#!/usr/bin/env bash
# Build the standalone app on Linux from a clean venv, then run the build's --smoke-test offscreen.
#
#   bash packaging/build.sh             one-dir: dist/onedir/ollama-desktop/ and its .tar.gz
#   bash packaging/build.sh --onefile   one-file: dist/onefile/ollama-desktop and its .tar.gz
#
# Options: --keep-venv reuses build/packaging-venv if it is there (faster when iterating on the
# spec); PYTHON=python3.11 picks the interpreter (default: python3). Windows: packaging/build.ps1.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=onedir
keep_venv=
for arg in "$@"; do
    case "$arg" in
        --onefile) mode=onefile ;;
        --keep-venv) keep_venv=1 ;;
        *) echo "usage: $0 [--onefile] [--keep-venv]" >&2; exit 2 ;;
    esac
done

venv=build/packaging-venv
# setuptools builds the app's wheel in build/lib: a stale copy there could bring back a deleted module.
rm -rf build/lib build/bdist.* ./*.egg-info
if [ -z "$keep_venv" ] || [ ! -x "$venv/bin/pyinstaller" ]; then
    echo "== packaging: a clean venv with PyInstaller and the app ($venv)"
    rm -rf "$venv"
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r packaging/requirements.txt .
else
    echo "== packaging: the app reinstalled into the kept $venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall .
fi

version=$("$venv/bin/python" -c 'import sys; sys.path.insert(0, "packaging"); import spec_support; print(spec_support.project_version())')
arch=$(uname -m)
dist=dist/$mode
echo "== packaging: PyInstaller, $mode build of Ollama Desktop $version"
rm -rf "$dist" "build/pyinstaller-$mode"
spec_args=()
if [ "$mode" = onefile ]; then spec_args=(-- --onefile); fi
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "build/pyinstaller-$mode" packaging/ollama_desktop.spec "${spec_args[@]}"

# What a Linux user gets: the app, its icon, a .desktop entry and the script that installs it
# into the menu, in one folder; archived as .tar.gz, which keeps the executable bit.
if [ "$mode" = onefile ]; then
    folder=$dist/ollama-desktop-$version-linux-$arch
    mkdir -p "$folder"
    mv "$dist/ollama-desktop" "$folder/ollama-desktop"
else
    folder=$dist/ollama-desktop
fi
exe=$folder/ollama-desktop
cp packaging/linux/ollama-desktop.desktop packaging/linux/install-desktop-entry.sh \
    resources/icons/ollama-desktop.png "$folder/"

echo "== packaging: the build's --smoke-test"
QT_QPA_PLATFORM=offscreen timeout 120 "$exe" --smoke-test

archive=dist/ollama-desktop-$version-linux-$arch.tar.gz
if [ "$mode" = onefile ]; then archive=dist/ollama-desktop-$version-linux-$arch-onefile.tar.gz; fi
tar -C "$(dirname "$folder")" -czf "$archive" "$(basename "$folder")"
echo "== packaging: built $exe ($(du -sh "$folder" | cut -f1) on disk), $archive ($(du -sh "$archive" | cut -f1))"
