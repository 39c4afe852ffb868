#!/bin/sh
# Put Ollama Desktop into the desktop's application menu, for this user, pointing at the
# ollama-desktop executable beside this script. Run it again after moving the folder;
# remove it with: rm ~/.local/share/applications/ollama-desktop.desktop
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
[ -x "$here/ollama-desktop" ] || { echo "no ollama-desktop executable in $here" >&2; exit 1; }
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/ollama-desktop.png" "$data/icons/hicolor/256x256/apps/ollama-desktop.png"
# Exec needs the full path; quote it in case the folder's path has spaces.
sed "s|^Exec=.*|Exec=\"$here/ollama-desktop\"|" "$here/ollama-desktop.desktop" \
    > "$data/applications/ollama-desktop.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Ollama Desktop is in the application menu (entry: $data/applications/ollama-desktop.desktop)"
