#!/usr/bin/env bash
# Install everything the tests need and run the whole suite (unit, integration, lint).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
export GRADIO_ANALYTICS_ENABLED=False
.venv/bin/ruff check .
.venv/bin/python -m pytest -q "$@"
