"""Settings, read once from the environment into a frozen dataclass."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from assistant.embedders import DEFAULT_EMBEDDER

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_CORPUS = PROJECT_ROOT / "data"
MAX_QUERY_CHARS = 2000


@dataclass(frozen=True)
class Settings:
    """Where the index lives and which services to use.

    Attributes:
        index_dir: the index directory (``ASSISTANT_INDEX``, default ``index/``).
        embedder: embedder spec (``ASSISTANT_EMBEDDER``: use, e5, minilm, st:NAME).
        chroma_url: a Chroma server URL (``ASSISTANT_CHROMA_URL``) or None.
        llm_url: an OpenAI-compatible endpoint (``ASSISTANT_LLM_URL``) or None.
        llm_model: model name for that endpoint (``ASSISTANT_LLM_MODEL``).
        llm_key: API key for that endpoint (``ASSISTANT_LLM_KEY``).
    """

    index_dir: Path
    embedder: str = DEFAULT_EMBEDDER
    chroma_url: str | None = None
    llm_url: str | None = None
    llm_model: str | None = None
    llm_key: str | None = None

    @classmethod
    def from_env(cls, index_dir: str | Path | None = None) -> Settings:
        """Settings from the environment; an explicit ``index_dir`` wins."""
        env = os.environ
        chosen = index_dir or env.get("ASSISTANT_INDEX") or "index"
        return cls(
            index_dir=Path(chosen),
            embedder=env.get("ASSISTANT_EMBEDDER") or DEFAULT_EMBEDDER,
            chroma_url=env.get("ASSISTANT_CHROMA_URL") or None,
            llm_url=env.get("ASSISTANT_LLM_URL") or None,
            llm_model=env.get("ASSISTANT_LLM_MODEL") or None,
            llm_key=env.get("ASSISTANT_LLM_KEY") or None,
        )
