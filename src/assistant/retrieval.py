"""Hybrid retrieval: Dutch BM25 and multilingual vectors, fused by reciprocal rank.

Filters (dossier, profile, version, kind, level) are checked against the values
the index holds; identical passages are grouped into one hit with ``also_in``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.embedders import Embedder
from assistant.index import OpenIndex
from assistant.lexical import tokenize
from assistant.model import Chunk
from assistant.settings import MAX_QUERY_CHARS

RRF_K = 60
CANDIDATES = 50


class BadQuery(ValueError):
    """A query or filter the user must correct; the message is one line."""


@dataclass(frozen=True)
class Filters:
    """Optional restrictions on hits; names or abbreviations, case-insensitive."""

    dossier: str | None = None
    profile: str | None = None
    version: str | None = None
    kind: str | None = None
    level: int | None = None


@dataclass(frozen=True)
class Hit:
    """One search result."""

    chunk: Chunk
    score: float
    also_in: tuple[str, ...]
    best_sentence: str

    def as_json(self) -> dict:
        """The HIT object of the public interface (plus a few extra fields)."""
        c = self.chunk
        return {
            "id": c.id,
            "score": round(self.score, 6),
            "kind": c.kind,
            "dossier": c.dossier,
            "dossier_abbr": c.dossier_abbr,
            "profile": c.profile,
            "profile_abbr": c.profile_abbr,
            "version": c.version,
            "crebo": c.crebo,
            "code": c.code,
            "title": c.title,
            "competence": c.competence,
            "level": c.level,
            "kerntaak_code": c.kerntaak_code,
            "kerntaak_title": c.kerntaak_title,
            "source": c.source,
            "location": c.location.as_dict(),
            "text": c.text,
            "also_in": list(self.also_in),
            "best_sentence": self.best_sentence,
        }


def clean_query(query: str) -> str:
    """Strip control and format characters, fold white space, cap the length.

    Raises:
        BadQuery: when nothing searchable is left.
    """
    query = query[: MAX_QUERY_CHARS * 4]
    kept = []
    for char in query:
        category = unicodedata.category(char)
        if char.isspace():
            kept.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(char)
    cleaned = " ".join("".join(kept).split())[:MAX_QUERY_CHARS]
    if not cleaned:
        raise BadQuery("lege vraag: typ een vraag of zoekterm (empty query)")
    return cleaned


def _matches(value: str, *candidates: str | None) -> bool:
    folded = value.strip().lower()
    return any(c is not None and c.lower() == folded for c in candidates)


def validate_filters(filters: Filters, chunks: tuple[Chunk, ...]) -> None:
    """Check every filter value against the index.

    Raises:
        BadQuery: naming the unknown value and listing the valid ones.
    """
    def check(name: str, value: str | None, options: set[str]) -> None:
        if value is not None and value.strip().lower() not in {o.lower() for o in options}:
            raise BadQuery(f"onbekende {name} {value!r}; kies uit: {', '.join(sorted(options))}")

    check("dossier", filters.dossier, {x for c in chunks for x in (c.dossier, c.dossier_abbr) if x})
    check("profile", filters.profile, {x for c in chunks for x in (c.profile, c.profile_abbr) if x})
    check("version", filters.version, {c.version for c in chunks if c.version})
    check("kind", filters.kind, {c.kind for c in chunks})
    if filters.level is not None and filters.level not in {c.level for c in chunks if c.level}:
        raise BadQuery(f"onbekend niveau {filters.level}; kies uit: 1, 2, 3, 4")


def passes(chunk: Chunk, filters: Filters) -> bool:
    """Whether a chunk satisfies every filter."""
    if filters.dossier and not _matches(filters.dossier, chunk.dossier, chunk.dossier_abbr):
        return False
    if filters.profile and not _matches(filters.profile, chunk.profile, chunk.profile_abbr):
        return False
    if filters.version and not _matches(filters.version, chunk.version):
        return False
    if filters.kind and not _matches(filters.kind, chunk.kind):
        return False
    return filters.level is None or chunk.level == filters.level


_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_CODE_IN_QUERY = re.compile(r"\b[BP][1-9I]-K[0-9]+(?:-W[A-Za-z]?[0-9]+)?\b|\bP[0-9]+\b", re.IGNORECASE)
_LEVEL_IN_QUERY = re.compile(r"\b(?:niveau|level)\s*([1-4])\b", re.IGNORECASE)
EXACT_BOOST = 1.0


def _query_codes(query: str) -> set[str]:
    """Dossier codes named in a query, normalised (OCR variants included)."""
    return {t.upper() for t in tokenize(" ".join(_CODE_IN_QUERY.findall(query))) if any(ch.isdigit() for ch in t)}


def exact_boost(chunk: Chunk, codes: set[str], level: int | None, competences: set[str]) -> float:
    """Extra score for chunks whose code, level or competence the query names exactly."""
    boost = 0.0
    if chunk.code and chunk.code.upper() in codes:
        boost += EXACT_BOOST
    if chunk.competence and chunk.competence.lower() in competences:
        boost += EXACT_BOOST / 2
        if level is not None and chunk.level == level:
            boost += EXACT_BOOST / 2
    return boost


def best_sentence(text: str, query: str) -> str:
    """The sentence of ``text`` sharing the most query tokens (the first on ties)."""
    wanted = set(tokenize(query))
    best, best_score = "", -1
    for sentence in _SENTENCE.split(text):
        sentence = sentence.strip().removeprefix("- ")
        if not sentence or (sentence.endswith(":") and len(sentence.split()) <= 6):
            continue
        score = len(wanted & set(tokenize(sentence)))
        if score > best_score:
            best, best_score = sentence, score
    return best


def search(index: OpenIndex, embedder: Embedder, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
    """The ``k`` best hits for ``query``.

    Raises:
        BadQuery: empty query or unknown filter value.
    """
    query = clean_query(query)
    filters = filters or Filters()
    validate_filters(filters, index.chunks)
    pool = max(CANDIDATES, 4 * k)
    filtered = filters != Filters()
    if filtered:
        pool = len(index.chunks)
    scores: dict[str, float] = {}
    for rank, hit in enumerate(index.lexical.search(query, pool)):
        scores[hit.id] = scores.get(hit.id, 0.0) + 1.0 / (RRF_K + rank + 1)
    vector = embedder.embed_batch([query], query=True)[0]
    for rank, hit in enumerate(index.store.query(vector, pool)):
        scores[hit.id] = scores.get(hit.id, 0.0) + 1.0 / (RRF_K + rank + 1)
    codes = _query_codes(query)
    level_match = _LEVEL_IN_QUERY.search(query)
    level = int(level_match.group(1)) if level_match else None
    folded = query.lower()
    competences = {c.competence.lower() for c in index.chunks if c.competence and c.competence.lower() in folded}
    if codes or competences:
        for chunk in index.chunks:
            boost = exact_boost(chunk, codes, level, competences)
            if boost:
                scores[chunk.id] = scores.get(chunk.id, 0.0) + boost
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    hits: list[Hit] = []
    seen_groups: set[str] = set()
    for chunk_id, score in ranked:
        chunk = index.by_id.get(chunk_id)
        if chunk is None or not passes(chunk, filters):
            continue
        keys = {chunk.unit_key, chunk.group or chunk.unit_key}
        if keys & seen_groups:
            continue
        seen_groups.update(keys)
        hits.append(Hit(chunk, score, chunk.also_in, best_sentence(chunk.text, query)))
        if len(hits) >= k:
            break
    return hits
