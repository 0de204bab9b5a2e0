"""The vector store: the only module that imports chromadb.

Each index build writes one collection. Embedded mode keeps it in
``<build>/chroma`` with a ``PersistentClient``; with ``ASSISTANT_CHROMA_URL``
the collection lives on a ``chroma run`` server, named after the build.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from assistant.model import Chunk

BATCH = 1000
EXACT_MAX = 10_000  # up to this many vectors an unfiltered query is exact (numpy), not Chroma's approximate HNSW


class StoreError(Exception):
    """The store cannot be opened or written; one clear line for the user."""


@dataclass(frozen=True)
class DenseHit:
    """One vector-search result: chunk id and cosine similarity."""

    id: str
    similarity: float


def _chroma():
    """Import chromadb quietly with telemetry off."""
    logging.getLogger("chromadb").setLevel(logging.ERROR)
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb, ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def _client(path: Path | None, url: str | None):
    """A PersistentClient on ``path`` or an HttpClient for ``url``."""
    chromadb, settings = _chroma()
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise StoreError(f"invalid Chroma URL {url!r}: expected http://HOST:PORT")
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=settings,
            )
            client.heartbeat()
        except Exception as exc:  # noqa: BLE001 - connection errors vary by transport
            raise StoreError(f"Chroma server at {url} is not reachable ({type(exc).__name__})") from None
        return client
    assert path is not None
    try:
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except Exception as exc:  # noqa: BLE001
        raise StoreError(f"cannot open the vector store in {path}: {exc}") from None


def check_server(url: str) -> None:
    """Raise StoreError (naming the URL) unless a Chroma server answers at ``url``."""
    _client(None, url)


def metadata_for(chunk: Chunk) -> dict[str, str | int | float | bool]:
    """Chroma metadata for a chunk: scalars only, None values left out."""
    record = chunk.to_record()
    meta: dict[str, str | int | float | bool] = {}
    for key, value in record.items():
        if key in ("text", "index_text", "passage", "sentence_stems") or value is None:
            continue
        if isinstance(value, (dict, list)):
            meta[key] = json.dumps(value, ensure_ascii=False)
        else:
            meta[key] = value
    return meta


class VectorStore:
    """One collection of chunk vectors with their text and metadata."""

    def __init__(self, collection_name: str, *, path: Path | None = None, url: str | None = None,
                 create: bool = True):
        """Open a collection, embedded at ``path`` or on the server at ``url``; create it if ``create``."""
        if (path is None) == (url is None):
            raise ValueError("give exactly one of path and url")
        self.name = collection_name
        self._size: int | None = None
        self._exact: tuple[np.ndarray, np.ndarray] | None = None  # ids and unit vectors, read once for exact search
        self._client = _client(path, url)
        try:
            if create:
                self._collection = self._client.get_or_create_collection(
                    collection_name,
                    configuration={"hnsw": {"space": "cosine"}},
                    embedding_function=None,
                )
            else:
                self._collection = self._client.get_collection(collection_name, embedding_function=None)
        except Exception as exc:  # noqa: BLE001
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot open collection {collection_name}: {first}") from None

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Add chunks with their vectors, in batches."""
        self._size = None
        self._exact = None
        for start in range(0, len(chunks), BATCH):
            batch = chunks[start : start + BATCH]
            try:
                self._collection.add(
                    ids=[c.id for c in batch],
                    embeddings=np.asarray(vectors[start : start + BATCH], dtype=np.float32),
                    documents=[c.text for c in batch],
                    metadatas=[metadata_for(c) for c in batch],
                )
            except Exception as exc:  # noqa: BLE001 - transport and server errors vary
                raise StoreError(f"writing to the vector store failed ({type(exc).__name__}: {exc})") from None

    def count(self) -> int:
        """How many chunks the collection holds."""
        try:
            return self._collection.count()
        except Exception as exc:  # noqa: BLE001
            raise StoreError(f"the vector store did not answer ({type(exc).__name__})") from None

    def ids(self) -> list[str]:
        """All chunk ids in the collection."""
        return list(self._collection.get(include=[])["ids"])

    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[DenseHit]:
        """The ``k`` nearest chunks to ``vector``, most similar first.

        Without a filter, a collection of at most :data:`EXACT_MAX` vectors is searched exactly (cosine over all
        vectors, ties by id), so the same question always gets the same ranking; Chroma's HNSW search is
        approximate and its order beyond the first few hits varied between processes. Filtered queries and
        larger collections go to Chroma.
        """
        if self._size is None:
            self._size = self.count()
        total = self._size
        if total == 0 or k <= 0:
            return []
        if where is None and total <= EXACT_MAX:
            return self._exact_query(vector, min(k, total))
        try:
            result = self._collection.query(
                query_embeddings=np.asarray(vector, dtype=np.float32)[None, :],
                n_results=min(k, total),
                where=where or None,
                include=["distances"],
            )
        except Exception as exc:  # noqa: BLE001 - transport and server errors vary
            raise StoreError(f"the vector store did not answer ({type(exc).__name__})") from None
        return [
            DenseHit(id=chunk_id, similarity=1.0 - float(distance))
            for chunk_id, distance in zip(result["ids"][0], result["distances"][0], strict=True)
        ]

    def _exact_query(self, vector: np.ndarray, k: int) -> list[DenseHit]:
        if self._exact is None:
            try:
                got = self._collection.get(include=["embeddings"])
            except Exception as exc:  # noqa: BLE001 - transport and server errors vary
                raise StoreError(f"the vector store did not answer ({type(exc).__name__})") from None
            matrix = np.asarray(got["embeddings"], dtype=np.float32)
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            self._exact = (np.asarray(got["ids"]), matrix / np.where(norms == 0, 1.0, norms))
        ids, matrix = self._exact
        query = np.asarray(vector, dtype=np.float32)
        query = query / (float(np.linalg.norm(query)) or 1.0)
        similarities = matrix @ query
        order = np.lexsort((ids, -similarities))[:k]  # most similar first, ties by id
        return [DenseHit(id=str(ids[i]), similarity=float(similarities[i])) for i in order]

    def drop(self) -> None:
        """Delete this collection (server mode clean-up of old or failed builds)."""
        try:
            self._client.delete_collection(self.name)
        except Exception as exc:  # noqa: BLE001
            raise StoreError(f"could not delete collection {self.name} ({type(exc).__name__})") from None
