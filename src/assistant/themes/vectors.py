"""Meaning for the theme scan: vectors of the corpus's words and sentences from the index's own embedder.

Used for three things (docs/theme-scan.md): near words of a theme from the corpus vocabulary (also across
languages: *volunteers* → vrijwilligers), a word-sense guard (a matched sentence whose meaning is far from
the theme counts less: *de diversiteit aan werkzaamheden*), and pseudo-relevance feedback (the theme's
vector moved towards its best sentences). Vectors are computed once per corpus and cached on disk beside
the index (``cache/themescan-*.npz``); a read-only index keeps them in memory only.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.lexical import STOPWORDS
from assistant.themes.corpus import Corpus
from assistant.themes.words import EXTRA_STOPWORDS

logger = logging.getLogger(__name__)
MIN_WORD_CHARS = 4
KEEP_CACHES = 3  # vector caches kept in INDEX/cache (one per build; the newest ones)
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Meaning:
    """Unit vectors of the vocabulary's content words and of every sentence (and title) text."""

    embedder: object
    words: tuple[str, ...]
    word_vectors: np.ndarray
    sentences: dict[str, int]
    sentence_vectors: np.ndarray
    word_rows: dict[str, tuple[int, ...]]
    hubness: np.ndarray  # per word: mean cosine to its 10 nearest other words (CSLS, docs/theme-scan.md)

    def near_scores(self, vector: np.ndarray) -> np.ndarray:
        """CSLS score of every word for a query vector: ``2·cos − hubness(word) − hubness(query)``.

        Plain cosine favours "hub" words that are near everything (*bekwaamheid*, *overtuigingskracht*);
        CSLS (cross-domain similarity local scaling) subtracts how near each side is to its own neighbours.
        """
        sims = self.word_vectors @ vector
        top = np.sort(sims)[-10:] if len(sims) else np.zeros(1)
        return 2 * sims - self.hubness - float(top.mean())

    def embed(self, texts: list[str]) -> np.ndarray:
        """Query vectors for ``texts`` (unit length)."""
        return np.asarray(self.embedder.embed_batch(texts, query=True), dtype=np.float32)

    def context_similarity(self, word: str, vector: np.ndarray) -> float:
        """Cosine between ``vector`` and the mean vector of the sentences that hold ``word``."""
        rows = self.word_rows.get(word)
        if not rows:
            return 0.0
        mean = self.sentence_vectors[list(rows)].mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return float(mean @ vector) / norm if norm else 0.0

    def sentence_vector(self, text: str) -> np.ndarray | None:
        """The stored vector of a sentence text, or None."""
        row = self.sentences.get(text)
        return None if row is None else self.sentence_vectors[row]


def vocabulary_words(corpus: Corpus) -> tuple[str, ...]:
    """The words that can be near words: content words of at least :data:`MIN_WORD_CHARS` letters."""
    return tuple(sorted(w for w in corpus.vocabulary if len(w) >= MIN_WORD_CHARS and w not in STOPWORDS
                        and w not in EXTRA_STOPWORDS))


def sentence_texts(corpus: Corpus) -> tuple[str, ...]:
    """Every distinct sentence and title text of the corpus, in a stable order."""
    texts = [s.text for u in corpus.units for s in u.sentences] + [u.title.text for u in corpus.units if u.title]
    return tuple(dict.fromkeys(texts))


def _embed(embedder, texts: tuple[str, ...], batch: int = 256) -> np.ndarray:
    parts = [np.asarray(embedder.embed_batch(list(texts[i:i + batch])), dtype=np.float32)
             for i in range(0, len(texts), batch)]
    dimension = getattr(embedder, "dimension", 1)
    return np.vstack(parts) if parts else np.zeros((0, dimension), dtype=np.float32)


def hubness(vectors: np.ndarray, k: int = 10, block: int = 512) -> np.ndarray:
    """Per row: the mean cosine to its ``k`` nearest other rows (computed in blocks to bound memory)."""
    found = np.zeros(len(vectors), dtype=np.float32)
    for start in range(0, len(vectors), block):
        sims = vectors[start:start + block] @ vectors.T
        for i in range(sims.shape[0]):
            sims[i, start + i] = -1.0
        kk = min(k, max(1, vectors.shape[0] - 1))
        found[start:start + block] = np.sort(sims, axis=1)[:, -kk:].mean(axis=1) if vectors.shape[0] > 1 else 0.0
    return found


def _cache_file(index, embedder_id: str, words: tuple[str, ...], sentences: tuple[str, ...]) -> Path | None:
    try:
        directory = Path(index.settings.index_dir) / "cache"
    except AttributeError:
        return None
    digest = hashlib.sha256("\n".join([embedder_id, *words, "\f", *sentences]).encode("utf-8", "replace"))
    safe_id = "".join(ch if ch.isalnum() else "-" for ch in embedder_id)[:40]
    return directory / f"themescan-{safe_id}-{digest.hexdigest()[:16]}.npz"


def _read(path: Path | None, words: int, sentences: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    if path is None or not path.is_file():
        return None
    try:
        with np.load(path) as data:
            w, s, h = data["words"], data["sentences"], data["hubness"]
        if w.shape[0] == words and s.shape[0] == sentences and h.shape[0] == words:
            return w.astype(np.float32), s.astype(np.float32), h.astype(np.float32)
    except (OSError, ValueError, KeyError) as exc:
        logger.info("theme-scan vector cache %s unreadable: %s", path, exc)
    return None


def _write(path: Path | None, word_vectors: np.ndarray, sentence_vectors: np.ndarray, hubs: np.ndarray) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part.npz")
        np.savez(partial, words=word_vectors, sentences=sentence_vectors, hubness=hubs)
        partial.replace(path)
        older = sorted(path.parent.glob("themescan-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in older[KEEP_CACHES:]:
            stale.unlink(missing_ok=True)  # earlier builds' vectors: keep the disk use bounded
    except OSError as exc:  # a read-only index: keep the vectors in memory only
        logger.info("theme-scan vector cache not written (%s): %s", path, exc)


def meaning_for(index, corpus: Corpus) -> Meaning | None:
    """The :class:`Meaning` of a corpus (computed once, then cached), or None when no embedder can be loaded."""
    if corpus.meaning is not None:
        return corpus.meaning  # type: ignore[return-value]
    from assistant.embedders import EmbedderError, load

    with _LOCK:
        if corpus.meaning is not None:
            return corpus.meaning  # type: ignore[return-value]
        try:
            spec = index.manifest["embedder"]["spec"]
            embedder_id = index.manifest["embedder"]["id"]
            embedder = load(spec)
        except (EmbedderError, KeyError, TypeError, AttributeError, OSError) as exc:
            logger.warning("theme scan without meaning vectors: %s", exc)
            return None
        words = vocabulary_words(corpus)
        sentences = sentence_texts(corpus)
        path = _cache_file(index, embedder_id, words, sentences)
        cached = _read(path, len(words), len(sentences))
        if cached is None:
            word_vectors = _embed(embedder, words)
            cached = (word_vectors, _embed(embedder, sentences), hubness(word_vectors))
            _write(path, *cached)
        rows = {t: i for i, t in enumerate(sentences)}
        word_rows: dict[str, list[int]] = {}
        for unit in corpus.units:
            for sentence in (*unit.sentences, *([unit.title] if unit.title else [])):
                for word, _, _ in sentence.words:
                    word_rows.setdefault(word, []).append(rows[sentence.text])
        corpus.meaning = Meaning(embedder, words, cached[0], rows, cached[1],
                                 {w: tuple(dict.fromkeys(r)) for w, r in word_rows.items()}, cached[2])
        return corpus.meaning  # type: ignore[return-value]
