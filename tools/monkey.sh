#!/bin/sh
# Release check: a long monkey run on the real window (default 100000 events, seeds 1..5).
# Usage: tools/monkey.sh [EVENTS] [SEEDS]   e.g. tools/monkey.sh 200000 11,12,13
set -e
cd "$(dirname "$0")/.."
export SCIATICA_MONKEY_EVENTS="${1:-100000}" SCIATICA_MONKEY_SEED="${2:-1,2,3,4,5}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" PYQTGRAPH_QT_LIB=PySide6
exec python -m pytest -q tests/test_monkey.py
