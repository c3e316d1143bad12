#!/usr/bin/env bash
# Build a double-click, one-folder app with PyInstaller from a clean virtual environment, then
# smoke-test it: the built program renders a screenshot offscreen and exits 0.
#   tools/build_bundle.sh [OUT_DIR]      (default: build/bundle; the app is OUT_DIR/dist/sciatica-atlas/)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-build/bundle}"
rm -rf "$OUT"
mkdir -p "$OUT"
python3 -m venv "$OUT/venv"
"$OUT/venv/bin/python" -m pip install --quiet --upgrade pip
"$OUT/venv/bin/python" -m pip install --quiet . "pyinstaller>=6"
"$OUT/venv/bin/pyinstaller" --noconfirm --clean --onedir --windowed \
    --name sciatica-atlas \
    --distpath "$OUT/dist" --workpath "$OUT/work" --specpath "$OUT" \
    --collect-data viewer --collect-data viewer.data --collect-data viewer.assets \
    --collect-submodules viewer \
    --hidden-import viewer.ui.app \
    tools/bundle_entry.py >"$OUT/pyinstaller.log" 2>&1 || { tail -30 "$OUT/pyinstaller.log"; exit 1; }
APP="$OUT/dist/sciatica-atlas/sciatica-atlas"
# smoke test: the frozen app loads its content and drawings and renders offscreen
QT_QPA_PLATFORM=offscreen "$APP" check
QT_QPA_PLATFORM=offscreen "$APP" screenshot "$OUT/smoke.png" --select calf
QT_QPA_PLATFORM=offscreen "$APP" --lang es list regions | grep -q "Pantorrilla"   # catalog and overlay shipped
QT_QPA_PLATFORM=offscreen "$APP" list quizzes | grep -q "questions"              # tours and quizzes shipped
python3 - "$OUT/smoke.png" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, "the bundled app did not render"
PY
echo "built $APP; smoke test passed ($OUT/smoke.png)"
