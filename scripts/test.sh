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
# The accessibility tests (tests/test_accessibility.py) inject axe-core from npm into the page. It goes into
# .test-tools/ (gitignored), once per version; without the registry those tests are skipped with the reason.
AXE_VERSION=4.14.1
if ! grep -qs "\"version\": \"${AXE_VERSION}\"" .test-tools/node_modules/axe-core/package.json \
    && command -v npm >/dev/null 2>&1; then
  npm install --prefix .test-tools --no-audit --no-fund --no-save --silent --fetch-retries=1 \
    --fetch-timeout=30000 "axe-core@${AXE_VERSION}" \
    || echo "axe-core could not be installed from npm; the accessibility tests will be skipped" >&2
fi
export GRADIO_ANALYTICS_ENABLED=False
.venv/bin/ruff check .
.venv/bin/python -m pytest -q "$@"
