"""Thumbs up/down on answers, appended to a local JSON Lines log.

The log is ``ASSISTANT_FEEDBACK_LOG`` when set, else ``<index dir>/feedback.jsonl``.
One object per vote: ``{"timestamp", "question", "vote", "hit_ids"}``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

LOG_NAME = "feedback.jsonl"
MAX_QUESTION_CHARS = 2000
_LOCK = threading.Lock()
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Vote:
    """One vote on one answer."""

    timestamp: str
    question: str
    vote: str
    hit_ids: tuple[str, ...]


def log_path(index_dir: Path, environ: dict[str, str] | None = None) -> Path:
    """Where votes go: ``ASSISTANT_FEEDBACK_LOG`` or ``<index dir>/feedback.jsonl``."""
    env = os.environ if environ is None else environ
    chosen = env.get("ASSISTANT_FEEDBACK_LOG")
    return Path(chosen) if chosen else Path(index_dir) / LOG_NAME


def vote_name(liked: bool | str | None) -> str:
    """``up`` or ``down`` for Gradio's like data (True/False or "Like"/"Dislike"); other strings kept."""
    if liked is True or liked == "Like":
        return "up"
    if liked is False or liked == "Dislike":
        return "down"
    return str(liked or "none")[:40]


def make_vote(question: str, liked: bool | str | None, hit_ids: Sequence[str], now: datetime | None = None) -> Vote:
    """A vote stamped with the current UTC time."""
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return Vote(stamp, question[:MAX_QUESTION_CHARS], vote_name(liked), tuple(hit_ids))


def append(path: Path, vote: Vote) -> bool:
    """Append one vote as a JSON line; False (and a log warning) when the file cannot be written."""
    line = json.dumps({**asdict(vote), "hit_ids": list(vote.hit_ids)}, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _LOCK, open(path, "a", encoding="utf-8") as handle:
            handle.write(line)
    except OSError as exc:
        logger.warning("feedback not written to %s: %s", path, exc)
        return False
    return True


def read(path: Path) -> list[dict]:
    """All votes in a log (for tests and reports)."""
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
