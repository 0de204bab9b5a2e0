"""The chat UI: a thin Gradio app over the assistant's search and answer API.

Run ``python app.py`` or ``assistant serve``. Binds 127.0.0.1; no share link,
no analytics. The ``/ask`` endpoint returns the answer as Markdown.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from assistant.webapp import build_app, launch

demo = build_app()

if __name__ == "__main__":
    launch(demo)
