#!/usr/bin/env bash
# Install the project into .venv/ (idempotent). Usage: scripts/install.sh [test]
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${extra:-run}"
if [ ! -f "$stamp" ]; then
  # torch first: 2.13.0 is the CPU build on this machine's local disk (a plain
  # 'torch' would pull a multi-GB CUDA build).
  .venv/bin/pip install -q --disable-pip-version-check torch==2.13.0
  if [ -n "$extra" ]; then
    .venv/bin/pip install -q --disable-pip-version-check -e ".[$extra]"
  else
    .venv/bin/pip install -q --disable-pip-version-check -e .
  fi
  touch "$stamp"
fi
