#!/usr/bin/env bash
# The main window in each language, as resources/screenshots/main-window-<lang>.png.
#
#   bash tools/language_screenshots.sh [SCREENSHOT_SH]
#
# Runs the fake Ollama on port 11800 and, for each language, the app under Xvfb with that LANG and a
# fresh settings and data folder, asking one question in that language (tools/screenshot_app.py).
# SCREENSHOT_SH is the shared screenshot tool (default ../shared/tools/screenshot.sh; it installs
# Xvfb and the Noto CJK fonts when they are missing). Look at every picture afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
shot=${1:-../shared/tools/screenshot.sh}
python=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
"$python" -m tests.fake_ollama --port 11800 --chunk-delay 0.02 >"$work/fake.log" 2>&1 &
fake=$!
trap 'kill "$fake" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 2
declare -A questions=(
    [en]="Why is the sky blue?"
    [zh_TW]="天空為什麼是藍色的？"
    [zh_CN]="天空为什么是蓝色的？"
    [ko]="하늘은 왜 파란가요?"
)
declare -A locales=([en]=en_US.UTF-8 [zh_TW]=zh_TW.UTF-8 [zh_CN]=zh_CN.UTF-8 [ko]=ko_KR.UTF-8)
for lang in en zh_TW zh_CN ko; do
    rm -rf "$work/cfg" "$work/data"
    env OLLAMA_HOST=127.0.0.1:11800 XDG_CONFIG_HOME="$work/cfg" XDG_DATA_HOME="$work/data" \
        LANG="${locales[$lang]}" LANGUAGE="$lang" LC_ALL= \
        bash "$shot" "resources/screenshots/main-window-$lang.png" 8 -- \
        "$python" -m tools.screenshot_app "${questions[$lang]}"
done
