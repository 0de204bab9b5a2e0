"""A retrieval assistant for Dutch vocational education (mbo) qualification dossiers.

Importing the package makes the process offline and telemetry-free by default
(see :mod:`assistant.offline`), before gradio, chromadb or huggingface_hub load.
"""

from assistant import offline

offline.apply()

__version__ = "0.1.0"
