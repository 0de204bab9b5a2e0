"""Settings, read once from the environment into a frozen dataclass."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from assistant.embedders import DEFAULT_EMBEDDER

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_CORPUS = PROJECT_ROOT / "data"
MAX_QUERY_CHARS = 2000

# Limits (README "Limits" and docs/reliability.md list each with the message that is shown when it is hit).
MAX_FILTER_CHARS = 200  # one /ask filter value (dossier, profile, version, kind, level)
MAX_JSON_BYTES = 4 * 1024 * 1024  # one JSON request to the web app (an event or an /ask call); 413 past it
EXPORT_MAX_AGE_SECONDS = 30 * 60  # export files older than this are removed
EXPORT_MAX_BYTES = 20 * 1024 * 1024  # all export files together; the oldest go first past this
EXPORT_SWEEP_SECONDS = 60  # how often the export folder is swept for files the app did not register
FEEDBACK_MAX_BYTES = 5 * 1024 * 1024  # feedback log size before it is rotated
FEEDBACK_BACKUPS = 2  # rotated logs kept (feedback.jsonl.1, .2): at most 15 MB of feedback on disk
FEEDBACK_RETENTION_DAYS = 90  # votes older than this are deleted
FEEDBACK_PER_SESSION = 10  # votes per browser session per FEEDBACK_WINDOW_SECONDS
FEEDBACK_PER_APP = 120  # votes from all sessions together per FEEDBACK_WINDOW_SECONDS
FEEDBACK_WINDOW_SECONDS = 60
FEEDBACK_QUESTION_CHARS = 200  # stored question text, after minimising (see assistant.feedback)
FEEDBACK_COMMENT_CHARS = 500  # an optional comment on a thumbs-down


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
