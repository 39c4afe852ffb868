#!/usr/bin/env bash
# The README's pictures of the window and its dialogs, light and dark, as resources/screenshots/*.png.
#
#   bash tools/readme_screenshots.sh [SCREENSHOT_SH]
#
# Runs the fake Ollama on port 11801 (two models loaded, so the memory chips show a GPU and a split
# model) and the app under Xvfb at 1366x768 with fresh settings, asking one question each time
# (tools/screenshot_app.py). Look at every picture afterwards. tools/language_screenshots.sh makes
# the main window in each language.
set -euo pipefail
cd "$(dirname "$0")/.."
shot=${1:-../shared/tools/screenshot.sh}
python=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
"$python" -m tests.fake_ollama --port 11801 --chunk-delay 0.01 >"$work/fake.log" 2>&1 &
fake=$!
trap 'kill "$fake" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 2
for model in qwen2.5:14b llama3.1:8b; do  # loaded: a split and a GPU chip in the header
    curl -s -o /dev/null -d "{\"model\": \"$model\", \"keep_alive\": -1}" http://127.0.0.1:11801/api/generate
done
take() {  # take NAME SCHEME MODEL WINDOW
    rm -rf "$work/cfg" "$work/data"
    env OLLAMA_HOST=127.0.0.1:11801 XDG_CONFIG_HOME="$work/cfg" XDG_DATA_HOME="$work/data" \
        OLLAMA_DESKTOP_COLOR_SCHEME="$2" LANG=en_US.UTF-8 LANGUAGE=en SCREEN_SIZE=1366x768x24 \
        bash "$shot" "resources/screenshots/$1.png" 9 -- \
        "$python" -m tools.screenshot_app "Why is the sky blue? Show it in code." "$3" "$4"
}
take chat-markdown light deepseek-r1:8b ""
take chat-markdown-dark dark deepseek-r1:8b ""
take models light "" models
take benchmark light "" benchmark
take benchmark-dark dark "" benchmark
take unload-dialog dark "" memory
