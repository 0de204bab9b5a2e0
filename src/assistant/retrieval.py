"""Hybrid retrieval: Dutch BM25 and multilingual vectors, fused by reciprocal rank.

Filters (dossier, profile, version, kind, level) are checked against the values
the index holds; a profile filter includes the basisdeel of that profile's
dossier (``Hit.basisdeel``). Identical passages are grouped into one hit with
``also_in``. A hit's JSON carries its ``links`` (``assistant.curriculum``).
"""

from __future__ import annotations

import re
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from assistant.crosswalk import counterparts
from assistant.curriculum import CONTEXT_KINDS, asked_parts, asks_change, matcher_for, profile_dossiers
from assistant.embedders import Embedder
from assistant.index import OpenIndex
from assistant.lexical import STOPWORDS, sentence_stem_lines, split_sentences, tokenize
from assistant.model import WERKPROCES, Chunk
from assistant.query import QueryPlan, Vocabulary, understand
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
    basisdeel: bool = False  # shown for a profile filter because the basisdeel is part of every profile
    corpus: tuple[Chunk, ...] | None = field(default=None, repr=False, compare=False)

    def links(self) -> dict | None:
        """The unit's links (see ``assistant.curriculum``), when the hit knows its index's chunks."""
        if self.corpus is None:
            return None
        from assistant.curriculum import links, matcher_for

        return links(self.chunk, self.corpus, matcher_for(self.corpus))

    def as_json(self) -> dict:
        """The HIT object of the public interface (plus a few extra fields)."""
        c = self.chunk
        record = {
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
            "text": c.passage or c.text,
            "also_in": list(self.also_in),
            "similar_in": list(c.similar_in),
            "best_sentence": self.best_sentence,
            "basisdeel": self.basisdeel,
            "extract": c.extract,
        }
        links = self.links()
        if links is not None:
            record["links"] = links
        return record


def valid_text(text: str) -> str:
    """``text`` without what cannot be UTF-8 (lone surrogates) and without U+FFFD replacement marks."""
    if not text:
        return text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").replace("\ufffd", "")


def clean_query(query: str) -> str:
    """Strip control and format characters, fold white space, cap the length.

    Raises:
        BadQuery: when nothing searchable is left.
    """
    query = valid_text(query[: MAX_QUERY_CHARS * 4])
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


def validate_filters(filters: Filters, vocabulary: Vocabulary) -> None:
    """Check every filter value against the values the index holds.

    Raises:
        BadQuery: naming the unknown value and listing the valid ones.
    """
    values = vocabulary.filter_values
    for name in ("dossier", "profile", "version", "kind"):
        value = getattr(filters, name)
        options = values.get(name, frozenset())
        if value is not None and value.strip().lower() not in {o.lower() for o in options}:
            raise BadQuery(f"onbekende {name} {value!r}; kies uit: {', '.join(sorted(options))}")
    if filters.level is not None and str(filters.level) not in values.get("level", frozenset()):
        raise BadQuery(f"onbekend niveau {filters.level}; kies uit: {', '.join(sorted(values.get('level', [])))}")


def in_basisdeel(chunk: Chunk, basis: frozenset[tuple[str | None, str | None]]) -> bool:
    """Whether a chunk is in the basisdeel of one of the (dossier, version) pairs in ``basis``."""
    code = chunk.code or chunk.kerntaak_code or ""
    return chunk.profile is None and code.upper().startswith("B") and (chunk.dossier, chunk.version) in basis


def passes(chunk: Chunk, filters: Filters, basis: frozenset[tuple[str | None, str | None]] = frozenset()) -> bool:
    """Whether a chunk satisfies every filter.

    ``basis``: the dossier versions that have the filtered profile; their basisdeel passes the profile filter.
    """
    if filters.dossier and not _matches(filters.dossier, chunk.dossier, chunk.dossier_abbr):
        return False
    if filters.profile and not (_matches(filters.profile, chunk.profile, chunk.profile_abbr)
                                or in_basisdeel(chunk, basis)):
        return False
    if filters.version and not _matches(filters.version, chunk.version):
        return False
    if filters.kind and not _matches(filters.kind, chunk.kind):
        return False
    return filters.level is None or chunk.level == filters.level


def best_sentence(text: str, query: str | set[str]) -> str:
    """The sentence of ``text`` sharing the most query stems (the first on ties).

    ``query`` is the question, or its token set when the caller has it already.
    """
    wanted = set(tokenize(query)) if isinstance(query, str) else query
    return _best(sentence_stems(text), wanted)


def best_sentence_of(chunk: Chunk, wanted: set[str], query: str = "") -> str:
    """:func:`best_sentence` of a chunk's text, with the sentence stems its index prepared at ingest; ``query``, the
    question as typed, names the language level it asks for ("3F")."""
    prepared = chunk.sentence_stems
    if prepared is None:
        return _best(sentence_stems(chunk.text), wanted, chunk.text, query)
    sentences = split_sentences(chunk.text)
    if len(sentences) != len(prepared):  # not from this pipeline: compute them
        return _best(sentence_stems(chunk.text), wanted, chunk.text, query)
    return _best(tuple(zip(sentences, (frozenset(line.split()) for line in prepared), strict=True)), wanted,
                 chunk.text, query)


SENTENCE_MIN_STEMS = 4  # a line with fewer word stems is a heading or a label, not a sentence to quote


_LEVEL_HEAD = re.compile(r"\b(?:niveau|level)\s*([1-4])\s*:?\s*$", re.IGNORECASE)
# a level or requirement asked ("what level is required?", "welke eisen …?"): the line with the language levels
# ("Luisteren A2, …", "Nederlands 3F") comes first, as does the sentence under the level the question names
# ("Niveau 2:\nDe medewerker toont …")
_REQUIREMENT_ASKED = frozenset({"level", "niveau", "eis", "requir", "required", "requirement", "requirements"})
_LANGUAGE_ASKED = frozenset({"nederland", "engel", "english", "dutch", "tal", "languag", "language", "languages",
                             "vreemd", "mvt", "reken", "duit", "fran", "german", "french", "taaleis",
                             "referentieniveau"})
_LANGUAGE_LEVEL = re.compile(r"\b(?:[ABC][12]\b(?!-)|[1-4]F\b)")
_LANGUAGE_LEVEL_TYPED = re.compile(_LANGUAGE_LEVEL.pattern, re.IGNORECASE)  # "3f", "b1" as a question types them


def _best(sentences: tuple[tuple[str, frozenset[str]], ...], wanted: set[str], text: str = "",
          query: str = "") -> str:
    if not sentences:
        return ""
    levels = {w for w in wanted if w in ("1", "2", "3", "4")}
    named = {m.upper() for m in _LANGUAGE_LEVEL_TYPED.findall(query)}  # "Nederlands op niveau 3F": that line
    required = bool(wanted & _REQUIREMENT_ASKED) and bool(named or wanted & _LANGUAGE_ASKED)
    scores = [(_under_level(sentence, text, levels) or (required and _says_level(sentence, named)),
               len(wanted & stems), len(stems) >= SENTENCE_MIN_STEMS) for sentence, stems in sentences]
    return sentences[scores.index(max(scores))][0]  # on a tie the first that is no heading ("Nederlandse taal")


def _says_level(sentence: str, named: set[str]) -> bool:
    """Whether ``sentence`` states a language level: one of ``named`` when the question names any."""
    said = set(_LANGUAGE_LEVEL.findall(sentence))
    return bool(said & named) if named else bool(said)


def _under_level(sentence: str, text: str, levels: set[str]) -> bool:
    """Whether ``sentence`` stands in ``text`` right under a level heading the question names ("Niveau 2:")."""
    at = text.find(sentence) if levels and text else -1
    head = _LEVEL_HEAD.search(text[max(0, at - 20):at]) if at > 0 else None
    return head is not None and head.group(1) in levels


@lru_cache(maxsize=8192)
def sentence_stems(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The sentences of ``text``, each with its word stems (cached: query-independent)."""
    lines = sentence_stem_lines(text)
    return tuple(zip(split_sentences(text), (frozenset(line.split()) for line in lines), strict=True))


@dataclass(frozen=True)
class RetrievalConfig:
    """How to retrieve: which sides, how to fuse, which query understanding.

    Scores are weighted reciprocal-rank fusion, ``weight / (rrf_k + rank)``,
    plus boosts for what the question names exactly (see ``assistant.query``).
    """

    lexical: bool = True
    dense: bool = True
    understanding: bool = True
    glossary: bool = True
    translated_query: bool = False
    translated_weight: float = 0.5
    fusion: str = "linear"
    rrf_k: int = RRF_K
    lexical_weight: float = 1.6
    dense_weight: float = 1.0
    code_boost: float = 1.0
    scope_boost: float = 0.02
    competence_boost: float = 0.03
    level_boost: float = 0.03
    year_boost: float = 0.01
    kind_boost: float = 0.015
    description_boost: float = 0.01
    phrase_boost: float = 0.005
    candidates: int = CANDIDATES
    context_penalty: float = 0.01  # dossier context parts (vakkennis, wetgeving, ...) not asked for; curriculum.md
    part_boost: float = 0.01  # a context part the question asks for (curriculum.PART_HINTS)
    counterpart_boost: float = 0.05  # "what changed": counterparts of the named werkproces (assistant.crosswalk)


DEFAULT_CONFIG = RetrievalConfig()


def boost(chunk: Chunk, plan: QueryPlan, config: RetrievalConfig, parts: frozenset[str] = frozenset()) -> float:
    """Extra score for what the question names exactly: code, dossier/profile, competence, level, year.

    ``parts``: the context kinds the question asks for (``curriculum.asked_parts``); a context part it does
    not ask for gets ``context_penalty`` off, one it asks for ``part_boost`` on.
    """
    extra = 0.0
    if chunk.kind in CONTEXT_KINDS:
        extra += config.part_boost if chunk.kind in parts else -config.context_penalty
    if plan.codes and chunk.code and chunk.code.upper() in plan.codes:
        extra += config.code_boost
    if plan.crebos and chunk.crebo in plan.crebos and chunk.kind in ("profiel", "beroepsbeschrijving"):
        extra += config.code_boost
    if plan.scopes and plan.scope_index.contains(chunk):
        extra += config.scope_boost
        if chunk.kind in ("profiel", "beroepsbeschrijving") and not plan.codes and plan.scope_index.describes(chunk):
            extra += config.description_boost
    if plan.kinds and chunk.kind in plan.kinds:
        extra += config.kind_boost
    if plan.competences and chunk.competence in plan.competences:
        extra += config.competence_boost
        if plan.level is not None and chunk.level == plan.level:
            extra += config.level_boost
    elif plan.level is not None and chunk.level == plan.level:
        extra += config.level_boost / 2
    if plan.year and chunk.version and chunk.version.startswith(plan.year):
        extra += config.year_boost
    return extra


def _contributions(ranked: list[tuple[str, float]], weight: float, config: RetrievalConfig) -> dict[str, float]:
    """One ranking's share of the fused score: by rank (RRF) or by normalised score (linear)."""
    if not ranked:
        return {}
    if config.fusion == "linear":
        top = max(score for _, score in ranked)
        low = min(score for _, score in ranked)
        span = (top - low) or 1.0
        return {chunk_id: weight * (score - low) / span for chunk_id, score in ranked}
    return {chunk_id: weight / (config.rrf_k + rank + 1) for rank, (chunk_id, _) in enumerate(ranked)}


def boost_scale(config: RetrievalConfig) -> float:
    """Boosts are set on the RRF scale; the linear fusion's scores are ``rrf_k + 1`` times larger."""
    return float(config.rrf_k + 1) if config.fusion == "linear" else 1.0


Ranking = tuple[list[tuple[str, float]], float]

# The dense side (query embedding and vector search, native code that releases the GIL)
# runs here while the calling thread understands the query and searches lexically.
_DENSE_WORKERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="assistant-dense")


def dense_rankings(
    index: OpenIndex, embedder: Embedder, texts: list[str], weights: list[float], pool: int, where: dict | None
) -> list[Ranking]:
    """Embed ``texts`` in one batch and rank the store's chunks for each, with its weight."""
    vectors = embedder.embed_batch(texts, query=True)
    rankings = []
    for vector, weight in zip(vectors, weights, strict=False):
        hits = index.store.query(vector, pool, where)
        rankings.append(([(h.id, h.similarity) for h in hits], weight))
    return rankings


def fused_scores(
    index: OpenIndex,
    embedder: Embedder | None,
    plan: QueryPlan,
    config: RetrievalConfig,
    pool: int,
    where: dict | None = None,
    dense: Future[list[Ranking]] | None = None,
) -> dict[str, float]:
    """Fusion of the lexical and dense rankings, plus boosts.

    ``dense`` is the dense side already started for ``plan.text`` (see :func:`search`);
    without it the dense side runs here. Boosts go to the fused candidates and to
    every chunk whose code or competence the question names (found through the
    vocabulary, not a scan).
    """
    rankings: list[Ranking] = []
    if config.lexical:
        text = plan.lexical_text if config.understanding and config.glossary else plan.text
        rankings.append(([(h.id, h.score) for h in index.lexical.search(text, pool)], config.lexical_weight))
    if dense is not None:
        rankings.extend(dense.result())
    elif config.dense and embedder is not None:
        texts = [plan.text]
        if config.understanding and config.translated_query and plan.expansions:
            texts.append(" ".join(plan.expansions))
        weights = [config.dense_weight, config.translated_weight * config.dense_weight]
        rankings.extend(dense_rankings(index, embedder, texts, weights, pool, where))
    scores: dict[str, float] = {}
    for ranked, weight in rankings:
        for chunk_id, value in _contributions(ranked, weight, config).items():
            scores[chunk_id] = scores.get(chunk_id, 0.0) + value
    if not config.understanding:
        return scores
    vocabulary = index.vocabulary
    named = [i for code in plan.codes for i in vocabulary.by_code.get(code, ())]
    named += [i for name in plan.competences for i in vocabulary.by_competence.get(name, ())]
    if plan.crebos or (plan.scopes and plan.kinds):
        named += [i for dossier in plan.scope_index.dossiers for i in vocabulary.descriptions.get(dossier, ())]
    ranked_ids = set(scores)
    for chunk_id in named:
        scores.setdefault(chunk_id, 0.0)
    scale = boost_scale(config)
    parts = asked_parts(plan.text) if config.context_penalty or config.part_boost else frozenset()
    if config.counterpart_boost and plan.codes and asks_change(plan.text):
        for chunk_id, extra in counterpart_scores(index, named, config.counterpart_boost).items():
            scores[chunk_id] = scores.get(chunk_id, 0.0) + scale * extra
    phrases = query_phrases(plan.lexical_text if config.glossary else plan.text) if config.phrase_boost else ()
    haystacks = index.phrase_texts if phrases else {}
    for chunk_id in list(scores):
        chunk = index.by_id.get(chunk_id)
        if chunk is not None:
            extra = boost(chunk, plan, config, parts)
            if phrases and chunk_id in ranked_ids:
                extra += config.phrase_boost * phrase_matches(haystacks[chunk_id], phrases)
            scores[chunk_id] += scale * extra
    return scores


def counterpart_scores(index: OpenIndex, named: list[str], weight: float) -> dict[str, float]:
    """For a question about what changed: the counterparts (by content) of the werkprocessen it names by code."""
    by_key = {(c.dossier, c.version, c.profile, c.code): c.id for c in index.chunks
              if c.kind == WERKPROCES and c.variant is None and c.part == 1}
    found: dict[str, float] = {}
    matcher = matcher_for(index.chunks)
    for chunk_id in dict.fromkeys(named):
        chunk = index.by_id.get(chunk_id)
        if chunk is None or chunk.kind != WERKPROCES or chunk.variant is not None:
            continue
        for cp in counterparts(index.chunks, chunk, matcher):
            target = by_key.get((cp["dossier"], cp["version"], cp["profile"], cp["code"]))
            if target:
                found[target] = max(found.get(target, 0.0), weight)
    return found


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def query_phrases(text: str) -> tuple[str, ...]:
    """Adjacent content-word pairs of a query (and its glossary terms), lower-cased."""
    words = [w.lower() for w in _WORD.findall(text)]
    pairs = []
    for left, right in pairwise(words):
        if left not in STOPWORDS and right not in STOPWORDS and len(left) > 2 and len(right) > 2:
            pairs.append(f"{left} {right}")
    return tuple(dict.fromkeys(pairs))


def phrase_matches(haystack: str, phrases: tuple[str, ...], cap: int = 3) -> int:
    """How many of the query's word pairs occur verbatim in ``haystack`` (at most ``cap``).

    ``haystack`` is a chunk's :func:`assistant.model.phrase_text`, prepared once per index.
    """
    return min(cap, sum(1 for phrase in phrases if phrase in haystack))


def chroma_where(
    filters: Filters, vocabulary: Vocabulary, basis: frozenset[tuple[str | None, str | None]] = frozenset()
) -> dict | None:
    """The filters as a Chroma ``where`` clause, with values as the index stores them."""
    clauses: list[dict] = []

    def stored(name: str, value: str) -> list[str]:
        return sorted(v for v in vocabulary.filter_values.get(name, ()) if v.lower() == value.strip().lower())

    def either(name: str, value: str, *fields: str) -> None:
        options = [{field: {"$in": stored(name, value)}} for field in fields]
        clauses.append({"$or": options})

    if filters.dossier:
        either("dossier", filters.dossier, "dossier", "dossier_abbr")
    if filters.profile:
        either("profile", filters.profile, "profile", "profile_abbr")
        dossiers = sorted({d for d, _ in basis if d})
        if dossiers:  # the basisdeel of the profile's dossier; passes() checks the code and version
            clauses[-1]["$or"].append({"dossier": {"$in": dossiers}})
    if filters.version:
        clauses.append({"version": {"$in": stored("version", filters.version)}})
    if filters.kind:
        clauses.append({"kind": {"$in": stored("kind", filters.kind)}})
    if filters.level is not None:
        clauses.append({"level": {"$eq": filters.level}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def search(
    index: OpenIndex,
    embedder: Embedder | None,
    query: str,
    k: int = 10,
    filters: Filters | None = None,
    config: RetrievalConfig = DEFAULT_CONFIG,
) -> list[Hit]:
    """The ``k`` best hits for ``query``, one per unit and per group of identical passages.

    Raises:
        BadQuery: empty query or unknown filter value.
    """
    query = clean_query(query)
    filters = filters or Filters()
    validate_filters(filters, index.vocabulary)
    filtered = filters != Filters()
    pool = max(config.candidates, 4 * k) * (10 if filtered else 1)
    basis = profile_dossiers(index.chunks, filters.profile) if filters.profile else frozenset()
    where = chroma_where(filters, index.vocabulary, basis) if filtered else None
    dense = None
    if config.dense and embedder is not None and not (config.understanding and config.translated_query):
        dense = _DENSE_WORKERS.submit(dense_rankings, index, embedder, [query], [config.dense_weight], pool, where)
    plan = understand(query, index.vocabulary)
    scores = fused_scores(index, embedder, plan, config, pool, where, dense)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    wanted = set(tokenize(plan.lexical_text))
    hits: list[Hit] = []
    seen: set[str] = set()
    for chunk_id, score in ranked:
        chunk = index.by_id.get(chunk_id)
        if chunk is None or not passes(chunk, filters, basis):
            continue
        keys = {chunk.unit_key, chunk.group or chunk.unit_key}
        if keys & seen:
            continue
        seen.update(keys)
        via_basis = bool(filters.profile) and in_basisdeel(chunk, basis)
        hits.append(Hit(chunk, score, chunk.also_in, best_sentence_of(chunk, wanted, query), via_basis,
                        index.chunks))
        if len(hits) >= k:
            break
    return hits
