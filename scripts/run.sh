#!/usr/bin/env bash
# Install, build or update index/ from the bundled corpus, and start the chat UI on 127.0.0.1:7860.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export GRADIO_ANALYTICS_ENABLED=False
# Incremental: a no-op when index/ is up to date; exit 1 (some inputs failed) still leaves a usable index.
.venv/bin/assistant ingest || [ $? -eq 1 ]
exec .venv/bin/python app.py
