"""The embedding cache: vectors keyed by (embedder id, text hash) in SQLite.

Rebuilds never re-embed a text they have embedded before. Each batch is
committed as soon as it is computed, so a killed ingest keeps its progress.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import numpy as np


def text_hash(text: str) -> str:
    """The cache key of a text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """A small SQLite table of float32 vectors."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors ("
            "embedder TEXT NOT NULL, hash TEXT NOT NULL, vector BLOB NOT NULL, "
            "PRIMARY KEY (embedder, hash))"
        )
        self._db.commit()

    def get_many(self, embedder: str, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        """The cached vectors among ``hashes``."""
        found: dict[str, np.ndarray] = {}
        wanted = list(dict.fromkeys(hashes))
        for start in range(0, len(wanted), 500):
            batch = wanted[start : start + 500]
            marks = ",".join("?" * len(batch))
            rows = self._db.execute(
                f"SELECT hash, vector FROM vectors WHERE embedder = ? AND hash IN ({marks})",
                [embedder, *batch],
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put_many(self, embedder: str, items: dict[str, np.ndarray]) -> None:
        """Store vectors and commit."""
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors (embedder, hash, vector) VALUES (?, ?, ?)",
            [(embedder, key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items.items()],
        )
        self._db.commit()

    def close(self) -> None:
        """Close the database."""
        self._db.close()
