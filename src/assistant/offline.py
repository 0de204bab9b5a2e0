"""Offline and no-telemetry defaults for the whole process.

Some libraries read these switches once, when they are imported (huggingface_hub
reads ``HF_HUB_OFFLINE`` at import, and gradio imports huggingface_hub). So they are
set when the :mod:`assistant` package is imported, before anything else loads.
``ASSISTANT_ALLOW_HUB=1`` lets a user with a model hub download models on purpose.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

NO_TELEMETRY = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def apply(environ: MutableMapping[str, str] = os.environ) -> None:
    """Turn telemetry off (unless set) and the model hub off (unless ``ASSISTANT_ALLOW_HUB=1``)."""
    for name, value in NO_TELEMETRY.items():
        environ.setdefault(name, value)
    if environ.get("ASSISTANT_ALLOW_HUB") != "1":
        environ.update(OFFLINE)
