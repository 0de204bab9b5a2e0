#!/usr/bin/env bash
# Install everything the tests need and run the whole suite (unit, integration, lint).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
# Browser tests (tests/test_ui_browser.py) drive Debian's Chromium through Playwright (the python package
# comes with the test extra; Playwright cannot download its own browser builds here).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi
export GRADIO_ANALYTICS_ENABLED=False
.venv/bin/ruff check .
.venv/bin/python -m pytest -q "$@"
