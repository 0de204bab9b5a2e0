"""The Dutch lexical index: bm25s over PyStemmer-stemmed tokens.

Dossier codes (``B1-K1-W5``, ``P3-K2``, ``P1``) and crebo numbers stay whole
tokens; OCR variants of codes (``BI-K2-W2``, ``WS5``) are normalised first.
The index is saved beside the vectors and loaded memory-mapped.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

DEFAULT_STEMMER = "dutch_porter"  # "dutch" stems begeleiden/begeleiding to "beleid": measured worse
SPLIT_COMPOUNDS = True  # compound parts added as tokens: measured better (docs/retrieval.md)

_CODE = re.compile(r"\b([bp])([0-9]+|i)-\s?k([0-9]+|i)(?:-\s?w[a-z]?([0-9]+))?(?![\w-])", re.IGNORECASE)
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


def codes_in(text: str) -> list[str]:
    """The unit codes a text names, as the index writes them (OCR forms read: ``BI-K2-WS5`` → ``B1-K2-W5``; a
    space after a hyphen at a line break: ``P1- K1-W1`` → ``P1-K1-W1``)."""
    return list(dict.fromkeys(_normalise_code(m).upper() for m in _CODE.finditer(text)))


@lru_cache(maxsize=4)
def _stemmer(name: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(name)


_PROFILE_CODE = re.compile(r"p\d+")
MIN_PART = 4
COMPOUND_MIN_COUNT = 2


def split_compound(word: str, vocabulary: Collection[str]) -> list[str]:
    """The two known words a compound is made of (``kindercentrum`` -> kinder, centrum), or [].

    A linking ``s`` or ``e`` between the parts is allowed (``ontwikkelingsgerichte``).
    """
    if len(word) < 2 * MIN_PART + 1:
        return []
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if tail not in vocabulary:
            continue
        if head in vocabulary:
            return [head, tail]
        if head[-1] in "se" and head[:-1] in vocabulary and len(head) > MIN_PART:
            return [head[:-1], tail]
    return []


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text (no codes, numbers or stop words)."""
    return [t for t in _TOKEN.findall(text.lower()) if t.isalpha() and t not in STOPWORDS and len(t) > 1]


def tokenize(text: str, stemmer: str = DEFAULT_STEMMER, compounds: frozenset[str] | None = None) -> list[str]:
    """Lexical tokens of a text: whole codes and numbers, stemmed words.

    With ``compounds`` (a vocabulary), the parts of compound words are added too.
    """
    text = _CODE.sub(_normalise_code, text.lower())
    tokens = []
    words = []
    for token in _TOKEN.findall(text):
        if "-" in token or token.isdigit() or _PROFILE_CODE.fullmatch(token):
            tokens.append(token)
        elif token not in STOPWORDS and len(token) > 1:
            words.append(token)
            if compounds:
                words.extend(split_compound(token, compounds))
    return tokens + stem_words(words, stemmer)


def stem_words(words: list[str], stemmer: str = DEFAULT_STEMMER) -> list[str]:
    """Stem Dutch words, keeping abstract nouns in -heid (-heden) whole.

    The Snowball stemmers strip ``deskundigheid`` (expertise) to ``deskund``,
    which then matches ``deskundigen`` (experts); kept whole, with the plural
    folded onto the singular, they stay apart (measured: docs/retrieval.md).
    """
    stems = _stemmer(stemmer).stemWords(words)
    return [
        word if word.endswith("heid") else word[:-5] + "heid" if word.endswith("heden") else stem
        for word, stem in zip(words, stems, strict=True)
    ]


_UNDOUBLED = re.compile(r"[^aeiouy]([aeou])[^aeiouy]$")  # Snowball's Dutch stemmer undoubles a long vowel here


def written_forms(stem: str) -> tuple[str, ...]:
    """The start of each written form of a stem, where the stem itself is no prefix of it: a stem in -heid also
    starts its plural (*mogelijkheid* → *mogelijkheden*, see :func:`stem_words`), and a stem whose long vowel the
    stemmer undoubled starts its words with the vowel doubled (*vroegschol* → *vroegschoolse*, *voorrad* →
    *voorraad*)."""
    if stem.endswith("heid"):
        return stem, stem[:-4] + "heden"
    vowel = _UNDOUBLED.search(stem)
    if vowel:
        return stem, stem[:-1] + vowel.group(1) + stem[-1]
    return (stem,)


_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_LETTERS = re.compile(r"[^\W\d_]+")


def split_sentences(text: str) -> list[str]:
    """The sentences of a passage, list items as sentences, short headings (``Gedrag:``) left out."""
    sentences = []
    for sentence in _SENTENCE.split(text):
        sentence = sentence.strip().removeprefix("- ")
        if sentence and not (sentence.endswith(":") and len(sentence.split()) <= 6):
            sentences.append(sentence)
    return sentences


def sentence_stem_lines(text: str, stemmer: str = DEFAULT_STEMMER) -> list[str]:
    """For each of :func:`split_sentences`, its distinct word stems, space-separated.

    Query-independent: ingest stores them with each chunk, so that choosing the
    sentence to highlight costs a set intersection per sentence at query time.
    """
    words = [_LETTERS.findall(sentence.lower()) for sentence in split_sentences(text)]
    unique = list(dict.fromkeys(w for ws in words for w in ws))
    stem_of = dict(zip(unique, stem_words(unique, stemmer), strict=True))
    return [" ".join(dict.fromkeys(stem_of[w] for w in ws)) for ws in words]


def lexical_text(chunk) -> str:
    """What BM25 indexes for a chunk: its index text plus its crebo number."""
    return f"{chunk.index_text}\ncrebo {chunk.crebo}" if chunk.crebo else chunk.index_text


@dataclass(frozen=True)
class LexicalHit:
    """One lexical result: chunk id and BM25 score."""

    id: str
    score: float


class LexicalIndex:
    """BM25 over chunk texts, with the chunk ids in index order."""

    def __init__(self, retriever: bm25s.BM25, ids: Sequence[str], stemmer: str,
                 compounds: frozenset[str] | None = None):
        self._retriever = retriever
        self.ids = list(ids)
        self.stemmer = stemmer
        self.compounds = compounds

    @classmethod
    def build(
        cls,
        ids: Sequence[str],
        texts: Sequence[str],
        stemmer: str = DEFAULT_STEMMER,
        split_compounds: bool = False,
    ) -> LexicalIndex:
        """Index ``texts`` (one per id); optionally split compounds on the texts' own vocabulary."""
        compounds = None
        if split_compounds:
            counts = Counter(w for text in texts for w in words_of(text) if len(w) >= MIN_PART)
            compounds = frozenset(w for w, n in counts.items() if n >= COMPOUND_MIN_COUNT)
        retriever = bm25s.BM25()
        corpus = [tokenize(text, stemmer, compounds) or ["_leeg_"] for text in texts]
        retriever.index(corpus, show_progress=False)
        return cls(retriever, ids, stemmer, compounds)

    def save(self, directory: Path) -> None:
        """Write the index, its ids and its settings into ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        self._retriever.save(str(directory))
        meta = {
            "ids": self.ids,
            "stemmer": self.stemmer,
            "bm25s": bm25s.__version__,
            "compounds": sorted(self.compounds) if self.compounds else None,
        }
        (directory / "lexical.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        """Load an index written by :meth:`save`, memory-mapped."""
        meta = json.loads((directory / "lexical.json").read_text(encoding="utf-8"))
        retriever = bm25s.BM25.load(str(directory), mmap=True)
        compounds = frozenset(meta["compounds"]) if meta.get("compounds") else None
        return cls(retriever, meta["ids"], meta["stemmer"], compounds)

    def search(self, query: str, k: int) -> list[LexicalHit]:
        """The ``k`` best chunks for ``query``; chunks with score 0 are left out."""
        tokens = list(dict.fromkeys(tokenize(query, self.stemmer, self.compounds)))
        if not tokens or not self.ids:
            return []
        docs, scores = self._retriever.retrieve(
            [tokens], k=min(k, len(self.ids)), show_progress=False, n_threads=0
        )
        return [
            LexicalHit(self.ids[int(doc)], float(score))
            for doc, score in zip(np.asarray(docs)[0], np.asarray(scores)[0], strict=True)
            if score > 0
        ]
