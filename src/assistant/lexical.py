"""The Dutch lexical index: bm25s over PyStemmer-stemmed tokens.

Dossier codes (``B1-K1-W5``, ``P3-K2``, ``P1``) and crebo numbers stay whole
tokens; OCR variants of codes (``BI-K2-W2``, ``WS5``) are normalised first.
The index is saved beside the vectors and loaded memory-mapped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

DEFAULT_STEMMER = "dutch_porter"

_CODE = re.compile(r"\b([bp])([0-9]+|i)-k([0-9]+|i)(?:-w[a-z]?([0-9]+))?(?![\w-])", re.IGNORECASE)
_TOKEN = re.compile(r"[bp]\d+-k\d+(?:-w\d+)?|\bp\d+\b|\d+|[^\W\d_]+", re.IGNORECASE)

# Function words that carry no topic (a short, explicit list).
STOPWORDS = frozenset(
    """
    de het een en of in op aan van voor met bij tot uit om te als dat die dit deze
    zijn is zij ze hij haar hem hun zich er naar door over onder ook nog wel niet
    wordt worden werd kan kunnen moet moeten zal zullen heeft hebben had wat welke
    wie waar hoe dan dus maar want waarbij waarin daarbij daarin eventueel
    the a an and or of in on at to for with by from is are be as that this which
    what where how who does do did it its into about
    """.split()
)


def _normalise_code(match: re.Match[str]) -> str:
    part, part_no, task_no, process_no = match.groups()
    part_no = "1" if part_no.lower() == "i" else part_no
    task_no = "1" if task_no.lower() == "i" else task_no
    code = f"{part}{part_no}-k{task_no}"
    return code + (f"-w{process_no}" if process_no else "")


@lru_cache(maxsize=4)
def _stemmer(name: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(name)


def tokenize(text: str, stemmer: str = DEFAULT_STEMMER) -> list[str]:
    """Lexical tokens of a text: whole codes and numbers, stemmed words."""
    text = _CODE.sub(_normalise_code, text.lower())
    tokens = []
    words = []
    for token in _TOKEN.findall(text):
        if "-" in token or token.isdigit() or re.fullmatch(r"p\d+", token):
            tokens.append(token)
        elif token not in STOPWORDS and len(token) > 1:
            words.append(token)
    return tokens + _stemmer(stemmer).stemWords(words)


@dataclass(frozen=True)
class LexicalHit:
    """One lexical result: chunk id and BM25 score."""

    id: str
    score: float


class LexicalIndex:
    """BM25 over chunk texts, with the chunk ids in index order."""

    def __init__(self, retriever: bm25s.BM25, ids: Sequence[str], stemmer: str):
        self._retriever = retriever
        self.ids = list(ids)
        self.stemmer = stemmer

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str], stemmer: str = DEFAULT_STEMMER) -> LexicalIndex:
        """Index ``texts`` (one per id)."""
        retriever = bm25s.BM25()
        corpus = [tokenize(text, stemmer) or ["_leeg_"] for text in texts]
        retriever.index(corpus, show_progress=False)
        return cls(retriever, ids, stemmer)

    def save(self, directory: Path) -> None:
        """Write the index, its ids and its settings into ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        self._retriever.save(str(directory))
        meta = {"ids": self.ids, "stemmer": self.stemmer, "bm25s": bm25s.__version__}
        (directory / "lexical.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        """Load an index written by :meth:`save`, memory-mapped."""
        meta = json.loads((directory / "lexical.json").read_text(encoding="utf-8"))
        retriever = bm25s.BM25.load(str(directory), mmap=True)
        return cls(retriever, meta["ids"], meta["stemmer"])

    def search(self, query: str, k: int) -> list[LexicalHit]:
        """The ``k`` best chunks for ``query``; chunks with score 0 are left out."""
        tokens = tokenize(query, self.stemmer)
        if not tokens or not self.ids:
            return []
        docs, scores = self._retriever.retrieve(
            [tokens], k=min(k, len(self.ids)), show_progress=False, n_threads=1
        )
        return [
            LexicalHit(self.ids[int(doc)], float(score))
            for doc, score in zip(np.asarray(docs)[0], np.asarray(scores)[0], strict=True)
            if score > 0
        ]
