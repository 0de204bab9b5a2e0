"""The chat UI: a thin Gradio app over the assistant's search and answer API.

Run ``python app.py`` or ``assistant serve``. Binds 127.0.0.1 (``GRADIO_SERVER_NAME``
to change it on purpose), port 7860 (``GRADIO_SERVER_PORT``); no share link, no
analytics, no monitoring page. The ``/ask`` endpoint returns the answer as Markdown.
The page speaks Dutch; ``ASSISTANT_UI_LANG=en`` starts it in English (a visitor can switch in the
header, or open ``/?lang=en``).
"""

from __future__ import annotations

import os

from assistant.webapp import build_app, launch

demo = build_app()

if __name__ == "__main__":
    launch(demo, host=os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1",
           port=int(os.environ.get("GRADIO_SERVER_PORT") or 7860))
