#!/usr/bin/env bash
# Install everything the tests need and run the whole suite (unit, integration, lint).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
# Browser tests (tests/test_ui_browser.py) drive Debian's Chromium through Playwright (Playwright cannot
# download its own browser builds here). Until playwright is in the test extra, install it here.
command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
  || echo "scripts/test.sh: chromium could not be installed; the browser tests will be skipped" >&2
.venv/bin/python -c "import playwright" 2>/dev/null || .venv/bin/pip install -q --disable-pip-version-check "playwright>=1.50"
export GRADIO_ANALYTICS_ENABLED=False
.venv/bin/ruff check .
.venv/bin/python -m pytest -q "$@"
