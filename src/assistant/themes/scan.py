"""Step 4 of the scan: the whole scan of an index for a theme (anchors, matrix, terms, suggestions).

:func:`scan` runs the steps: expand (:mod:`~assistant.themes.expand`) → match (:mod:`~assistant.themes.match`)
→ score (:mod:`~assistant.themes.score`), with meaning vectors (:mod:`~assistant.themes.vectors`) for near
words, the sense guard and pseudo-relevance feedback. Identical passages (chunks sharing ``group``) are
listed once with "ook in …"; the matrix still counts them in every row they stand in.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from assistant.lexical import STOPWORDS
from assistant.model import COMPETENTIE, COMPETENTIENIVEAU, KERNTAAK, Chunk
from assistant.themes.corpus import Corpus, ScanUnit, corpus_for, unit_ref
from assistant.themes.expand import (
    Expansion,
    Term,
    base,
    check_theme,
    dutch_text,
    expand_theme,
    parse_terms,
    translations,
)
from assistant.themes.limits import SCAN_BUDGET_SECONDS, ScanTooSlow
from assistant.themes.match import Matcher, matcher
from assistant.themes.match import candidates as match_candidates
from assistant.themes.score import UnitScore, dense_kern, score_unit, strength
from assistant.themes.settings import CONTEXT, ScanSettings
from assistant.themes.thesaurus import load as load_thesaurus
from assistant.themes.words import content_words, fold

DEFAULT = ScanSettings()
DENSE_WEIGHT = 1.0  # with --dense: score + DENSE_WEIGHT × max(0, cosine(theme, unit)) (docs/theme-scan.md)
OTHER_COLUMN = "overig"


@dataclass(frozen=True)
class Anchor:
    """One listed unit: where it is, how strongly it carries the theme, and the sentences that do."""

    unit: ScanUnit
    result: UnitScore
    also: tuple[ScanUnit, ...] = ()
    dense: float | None = None
    label: str = "zijdelings"

    @property
    def chunk(self) -> Chunk:
        """The unit's first chunk (its metadata)."""
        return self.unit.chunk

    @property
    def score(self) -> float:
        """The unit's score (see :func:`score_unit`)."""
        return self.result.score

    @property
    def strength(self) -> str:
        """``kern`` or ``zijdelings``."""
        return self.label

    @property
    def members(self) -> tuple[ScanUnit, ...]:
        """This unit and the units with the identical passage elsewhere."""
        return (self.unit, *self.also)

    @property
    def heading(self) -> str:
        """``CODE: Title`` (plain text), or the title or kind alone."""
        c = self.chunk
        head = f"{c.code}: {c.title}" if c.code and c.title else (c.code or c.title or c.kind)
        if c.variant and c.profile:
            head += f" (aanvulling {c.profile_abbr or c.profile})"
        return head

    def also_labels(self) -> list[str]:
        """Where the identical passage also stands (dossier/profile abbreviation and version year)."""
        return [short_label(u.chunk) for u in self.also]

    def citation_parts(self) -> list[str]:
        """dossier · version · profile · code · title · ``file r. a-b`` (plain text, empty parts left out)."""
        c = self.chunk
        parts = [c.dossier or "", c.version or "", c.profile or "", c.code or "", c.title or "",
                 f"{c.source} {c.location.label()}"]
        return [p for p in parts if p]

    def as_json(self) -> dict:
        """The anchor as a JSON-ready dict."""
        c = self.chunk
        return {
            "ref": self.unit.ref,
            "id": c.id,
            "kind": c.kind,
            "dossier": c.dossier,
            "dossier_abbr": c.dossier_abbr,
            "version": c.version,
            "profile": c.profile,
            "profile_abbr": c.profile_abbr,
            "kerntaak": self.unit.kerntaak,
            "kerntaak_title": c.title if c.kind == KERNTAAK else c.kerntaak_title,
            "code": c.code,
            "title": c.title,
            "competence": c.competence,
            "level": c.level,
            "strength": self.strength,
            "score": self.score,
            "title_match": self.result.title is not None,
            "density": self.result.density,
            "dense_similarity": None if self.dense is None else round(self.dense, 4),
            "sentences": [{"text": s.text, "terms": list(s.terms), "weight": s.weight} for s in self.result.sentences],
            "source": c.source,
            "location": c.location.as_dict(),
            "also_in": [
                {"dossier": u.chunk.dossier, "version": u.chunk.version, "profile": u.chunk.profile,
                 "label": short_label(u.chunk), "ref": u.ref, "source": u.chunk.source,
                 "location": u.chunk.location.as_dict()}
                for u in self.also
            ],
        }


@dataclass(frozen=True)
class Matrix:
    """Dossiers/profiles × kerntaken: anchors per cell (None where the row has no such kerntaak)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, str | None, str | None, str | None]], ...]
    cells: dict
    extracts: frozenset = frozenset()  # rows whose source is an extract: a 0 there is "niet in het extract"

    def count(self, row: tuple, column: str) -> int | None:
        """The count in one cell, or None when that row has no such kerntaak."""
        return self.cells.get((row, column))

    def as_json(self) -> dict:
        """Columns and rows with their cells."""
        return {
            "columns": list(self.columns),
            "rows": [
                {"label": label, "source": key[0], "dossier": key[1], "version": key[2], "profile": key[3],
                 "extract": key in self.extracts,
                 "cells": {col: self.cells.get((key, col)) for col in self.columns}}
                for label, key in self.rows
            ],
        }


@dataclass(frozen=True)
class TermReport:
    """One term as shown: how it was found, what it matched in the corpus, in how many listed units."""

    term: Term
    variants: tuple[str, ...]
    units: int


@dataclass(frozen=True)
class ScanResult:
    """The overview for one theme."""

    expansion: Expansion
    anchors: tuple[Anchor, ...]
    matrix: Matrix
    terms: tuple[TermReport, ...]
    scanned: int
    seconds: float
    filters: dict
    suggestions: tuple[str, ...] = ()
    settings: ScanSettings = DEFAULT
    notes: tuple[str, ...] = ()
    vectors: np.ndarray | None = field(default=None, compare=False, repr=False)  # final theme vectors; not in JSON

    @property
    def theme(self) -> str:
        """The theme as given (cleaned)."""
        return self.expansion.theme

    def counts(self) -> dict[str, int]:
        """Listed anchors, kern and zijdelings, and units counted (with the identical passages)."""
        kern = sum(1 for a in self.anchors if a.strength == "kern")
        return {"anchors": len(self.anchors), "kern": kern, "zijdelings": len(self.anchors) - kern,
                "units": sum(len(a.members) for a in self.anchors)}

    def found_refs(self) -> set[str]:
        """References of every unit the scan lists, with the identical passages it stands for."""
        return {u.ref for a in self.anchors for u in a.members}

    def as_json(self) -> dict:
        """The whole result as a JSON-ready dict."""
        return {
            "theme": self.theme,
            "phrases": list(self.expansion.phrases),
            "terms_overridden": self.expansion.overridden,
            "terms": [{"term": r.term.text, "weight": r.term.weight, "origin": r.term.origin,
                       "variants": list(r.variants), "units": r.units} for r in self.terms],
            "exclude": list(self.expansion.exclude),
            "terms_text": self.expansion.as_text(),
            "filters": self.filters,
            "counts": self.counts(),
            "thresholds": {"listed": self.settings.min_score, "kern": self.settings.kern_score},
            "anchors": [a.as_json() for a in self.anchors],
            "matrix": self.matrix.as_json(),
            "scanned_units": self.scanned,
            "seconds": round(self.seconds, 3),
            "suggestions": list(self.suggestions),
            "found": bool(self.anchors),
            "notes": list(self.notes),
        }


def short_label(chunk: Chunk) -> str:
    """``GPM 2021``, ``PW 2015 · OA``: dossier (abbreviation), version year, profile (abbreviation)."""
    name = chunk.dossier_abbr or chunk.dossier or chunk.source
    year = (chunk.version or "")[:4]
    head = f"{name} {year}".strip()
    profile = chunk.profile_abbr or chunk.profile
    return f"{head} · {profile}" if profile and profile != name else head


def _passes(chunk: Chunk, dossier: str | None, version: str | None, profile: str | None) -> bool:
    def same(value: str | None, *candidates: str | None) -> bool:
        return value is None or any(c is not None and c.lower() == value.strip().lower() for c in candidates)

    return (same(dossier, chunk.dossier, chunk.dossier_abbr) and same(version, chunk.version)
            and same(profile, chunk.profile, chunk.profile_abbr))


def dense_similarities(index, embedder, theme: str) -> dict[str, float]:
    """Cosine similarity between the theme and each unit (the best of its chunks), from the vector store."""
    vector = embedder.embed_batch([theme], query=True)[0]
    hits = index.store.query(vector, len(index.chunks))
    by_chunk = {h.id: h.similarity for h in hits}
    best: dict[str, float] = {}
    for chunk in index.chunks:
        if chunk.id in by_chunk:
            ref = unit_ref(chunk)
            best[ref] = max(best.get(ref, -1.0), by_chunk[chunk.id])
    return best


def _normalised(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def theme_vectors(meaning, expansion: Expansion) -> np.ndarray:
    """The theme's meaning vectors: the whole theme, and each phrase when there are several."""
    texts = [expansion.theme, *(expansion.phrases if len(expansion.phrases) > 1 else ())]
    return meaning.embed(list(dict.fromkeys(texts)))


def _closeness(meaning, vectors: np.ndarray):
    """Per sentence text: its best cosine to the theme's vectors (None for an unknown text)."""
    best = (meaning.sentence_vectors @ vectors.T).max(axis=1) if len(meaning.sentences) else np.zeros(0)
    rows = meaning.sentences

    def closeness(text: str) -> float | None:
        row = rows.get(text)
        return None if row is None else float(best[row])

    return closeness


SLICE = 32  # units scored per turn of the search lock (a question waits for at most one slice)


def _check_budget(started: float, budget: float) -> None:
    """Stop a scan whose own CPU time (this thread's, so neither other jobs nor waiting for the lock count)
    passed ``budget`` seconds."""
    if time.thread_time() - started > budget:
        raise ScanTooSlow(f"de scan duurde langer dan {budget:g} s en is gestopt: gebruik minder of kortere "
                          f"termen (scan stopped after {budget:g} s: use fewer terms)")


def _score_all(units: Sequence[ScanUnit], matchers: Sequence[Matcher], settings: ScanSettings, closeness,
               started: float, budget: float, corpus: Corpus, lock) -> list[tuple[ScanUnit, UnitScore]]:
    scored = []
    shared = not isinstance(lock, contextlib.nullcontext)
    with lock:
        possible = match_candidates(corpus, matchers)
    for first in range(0, len(units), SLICE):
        _check_budget(started, budget)
        with lock:
            for unit in units[first:first + SLICE]:
                result = score_unit(unit, matchers, settings, closeness, possible) if matchers or closeness else (
                    UnitScore(0.0, (), None, 0.0, len(unit.sentences)))
                scored.append((unit, result))
        if shared:
            time.sleep(0)  # let a waiting search take the lock between slices
    return scored


# the origins the scan may reweigh (not a pinned thesaurus term, not an edited list)
AUTOMATIC = ("thema", "glossarium", "vertaling", "samenstelling", "verwant", "terugkoppeling")


def specific(expansion: Expansion, matchers: Sequence[Matcher], corpus: Corpus,
             settings: ScanSettings) -> tuple[Expansion, list[Matcher]]:
    """Specificity: a found term whose matched corpus words stand in more than ``specific_share`` of all units
    weighs as a context term (*geven* matches *geeft* in a third of the units).

    Only the scan's own terms are reweighed (not a thesaurus entry a school pinned, not an edited list); the
    share counts every corpus word the term matches (forms, participles, compounds), not the word alone.
    """
    if not settings.specificity or not corpus.units:
        return expansion, list(matchers)
    terms, compiled = [], []
    for term, found in zip(expansion.terms, matchers, strict=True):
        if (term.weight > CONTEXT and term.origin in AUTOMATIC and found.alternatives
                and all(len(a) == 1 for a in found.alternatives)
                and corpus.units_with(found.trigger_words()) / len(corpus.units) > settings.specific_share):
            term = replace(term, weight=CONTEXT)
            found = replace(found, term=term)
        terms.append(term)
        compiled.append(found)
    return replace(expansion, terms=tuple(terms)), compiled


def families(matchers: Sequence[Matcher]) -> list[Matcher]:
    """Each one-word term marked with its family: the first term that matches a corpus word it matches
    (*ondersteunt*, *ondersteunen*, *ondersteuning*). A sentence counts a family once, so two forms of one
    word are not "two context terms together"."""
    marked: list[Matcher] = []
    seen: list[tuple[frozenset[str], str]] = []
    entries: dict[str, str] = {}  # a glossary entry's alternatives (*zorg*, *verzorging* for *care*): one family
    for found in matchers:
        words = found.trigger_words() if all(len(a) == 1 for a in found.alternatives) else frozenset()
        family = next((key for other, key in seen if words & other), None)
        if words and found.term.stands_for:
            family = entries.setdefault(found.term.stands_for, family or found.term.text)
        family = family or found.term.text
        if words:
            seen.append((words, family))
        marked.append(replace(found, family=family))
    return marked


def _feedback_vectors(meaning, vectors: np.ndarray, scored, settings: ScanSettings) -> np.ndarray:
    """Pseudo-relevance feedback: each theme vector moved towards the best-matching sentences of the first pass."""
    best: list[tuple[float, str]] = []
    for _, result in scored:
        for sentence in result.sentences:
            if sentence.weight >= 1.0:
                best.append((result.score, sentence.text))
    best.sort(key=lambda item: -item[0])
    rows = [meaning.sentence_vector(t) for _, t in best[: settings.feedback_sentences]]
    rows = [r for r in rows if r is not None]
    if not rows:
        return vectors
    centre = _normalised(np.mean(rows, axis=0))
    return np.vstack([_normalised(v + settings.feedback_weight * centre) for v in vectors]).astype(np.float32)


def feedback_words(corpus: Corpus, meaning, vectors: np.ndarray, scored, settings: ScanSettings) -> list[str]:
    """Pseudo-relevance feedback terms: words over-represented in the best units of a first pass.

    Score per word: its share of the best units × log(units / units holding it); kept when it stands in at
    least two of them, is not generic, and its sentences are close to the theme's meaning.
    """
    if settings.feedback_terms <= 0:
        return []
    best = sorted((item for item in scored if item[1].sentences), key=lambda item: -item[1].score)
    best = best[: settings.feedback_units]
    if len(best) < 2:
        return []
    counts: dict[str, int] = {}
    for unit, _ in best:
        seen = {w for s in unit.sentences for w, _, _ in s.words if len(w) >= 4 and w not in STOPWORDS}
        for word in seen:
            counts[word] = counts.get(word, 0) + 1
    total = len(corpus.units)
    ranked = []
    for word, n in counts.items():
        share = corpus.unit_counts[word] / total
        if n < 2 or share > settings.generic_share or word not in meaning.word_rows:
            continue
        ranked.append((n / len(best) * float(np.log(total / max(1, corpus.unit_counts[word]))), word))
    ranked.sort(reverse=True)
    kept = []
    for _, word in ranked:
        if len(kept) >= settings.feedback_terms:
            break
        if max(meaning.context_similarity(word, v) for v in vectors) >= settings.feedback_context_min:
            kept.append(word)
    return kept


def scan(
    index,
    theme: str,
    terms: str | None = None,
    dossier: str | None = None,
    version: str | None = None,
    profile: str | None = None,
    similarities: dict[str, float] | None = None,
    dense_weight: float = 0.0,
    corpus: Corpus | None = None,
    settings: ScanSettings | None = None,
    meaning=None,
    budget: float = SCAN_BUDGET_SECONDS,
    lock=None,
) -> ScanResult:
    """Scan an index for a theme: the anchors in document order, the matrix, the expansion.

    Args:
        index: an open index (its chunks; its embedder for meaning vectors, loaded once).
        theme: one phrase or a few, comma-separated, Dutch or English.
        terms: an edited term list that replaces the expansion (see :func:`~assistant.themes.expand.parse_terms`).
        dossier, version, profile: optional filters (name or abbreviation, case-insensitive).
        similarities, dense_weight: optional whole-unit dense similarities (``--dense``) added to the score.
        corpus: a prepared corpus (default: built once per index).
        settings: method switches, weights and thresholds (default: the calibrated ones).
        meaning: prepared meaning vectors (default: from the index's embedder; none when it cannot be loaded).
        budget: seconds a scan may take before it stops with :class:`~assistant.themes.limits.ScanTooSlow`.
        lock: a lock shared with searches (the web app's); the scan takes it per step and per slice of
            :data:`SLICE` units, so a search waits for at most one slice.

    Raises:
        BadTheme: empty or too long theme, or an unusable term list; ScanTooSlow over the budget.
    """
    from assistant.themes.vectors import meaning_for

    started = time.perf_counter()
    settings = settings or ScanSettings()
    lock = lock if lock is not None else contextlib.nullcontext()
    corpus = corpus or corpus_for(index)
    uses_meaning = settings.near or settings.sense or settings.dense or settings.dense_kern or settings.feedback
    cleaned = check_theme(theme)
    if terms is not None and terms.strip():
        parse_terms(terms)  # a bad list is refused before any work
    if meaning is None and uses_meaning and index is not None:
        with lock:
            meaning = meaning_for(index, corpus)
    notes: list[str] = []
    if meaning is None and uses_meaning:
        notes.append("zonder betekenis: het model van de index is niet te laden, alleen woorden tellen "
                     "(no meaning vectors: words only)")
    clock = time.thread_time()  # the budget counts this thread's CPU from here (loading the model once is not)
    vectors = None
    with lock:
        if meaning is not None and uses_meaning:
            probe = Expansion(cleaned, tuple(p.strip() for p in re.split(r"[,;\n]+", cleaned) if p.strip()), ())
            vectors = theme_vectors(meaning, probe)
            if settings.translate and not (terms is not None and terms.strip()):
                dutch = dutch_text(cleaned, translations(cleaned, corpus, meaning, settings))
                if dutch != fold(cleaned):  # the theme in Dutch words: its meaning is the Dutch pipeline's
                    vectors = theme_vectors(meaning, Expansion(dutch, tuple(
                        p.strip() for p in re.split(r"[,;\n]+", dutch) if p.strip()), ()))
        expansion = expand_theme(theme, corpus, terms, settings, meaning, vectors)
    units = [u for u in corpus.units if _passes(u.chunk, dossier, version, profile)]

    def run(expansion: Expansion, vectors) -> tuple[Expansion, list[Matcher], list[tuple[ScanUnit, UnitScore]]]:
        with lock:
            matchers = [matcher(corpus, t, expansion.exclude, settings.morphology, settings.compounds,
                                not settings.participles_apart, settings.adjectives_apart, settings.nouns_separable)
                        for t in expansion.terms]
            if not expansion.overridden:
                expansion, matchers = specific(expansion, matchers, corpus, settings)
        matchers = [m for m in matchers if m.alternatives]
        if settings.forms_once:
            matchers = families(matchers)
        closeness = _closeness(meaning, vectors) if vectors is not None and (
            settings.sense or settings.dense or settings.dense_kern) else None
        return expansion, matchers, _score_all(units, matchers, settings, closeness, clock, budget, corpus, lock)

    expansion, matchers, scored = run(expansion, vectors)
    if settings.feedback and vectors is not None and not expansion.overridden:
        with lock:
            first = vectors
            vectors = _feedback_vectors(meaning, vectors, scored, settings)
            extra = feedback_words(corpus, meaning, vectors, scored, settings)
            near_from = np.vstack([first, vectors]) if settings.near_keep else vectors  # feedback adds near words
            expansion = expand_theme(theme, corpus, terms, settings, meaning, near_from, extra)
        expansion, matchers, scored = run(expansion, vectors)
    anchors: list[Anchor] = []
    by_duplicate: dict[str, int] = {}
    for unit, result in scored:
        dense = similarities.get(unit.ref) if similarities is not None else None
        if dense is not None and dense_weight and (result.sentences or result.title):
            result = replace(result, score=round(result.score + dense_weight * max(0.0, dense), 3))
        if not dense_kern(result, settings) and (result.score < settings.min_score
                                                 or not (result.sentences or result.title)):
            continue
        key = unit.duplicate_key
        if key in by_duplicate:
            first = anchors[by_duplicate[key]]
            anchors[by_duplicate[key]] = replace(first, also=(*first.also, unit))
            continue
        by_duplicate[key] = len(anchors)
        label = strength(result, settings)
        anchors.append(Anchor(unit, result, (), dense, label))
    reports = []
    per_anchor = [anchor_terms(a) for a in anchors]
    for compiled in matchers:
        listed = sum(1 for found in per_anchor if compiled.term.text in found)
        reports.append(TermReport(compiled.term, compiled.variants(), listed))
    for term in expansion.terms:
        if not any(r.term == term for r in reports):
            reports.append(TermReport(term, (), 0))
    filters = {k: v for k, v in (("dossier", dossier), ("version", version), ("profile", profile)) if v}
    suggestions = () if anchors else suggest(expansion, corpus)
    return ScanResult(
        expansion=expansion,
        anchors=tuple(anchors),
        matrix=build_matrix(units, anchors),
        terms=tuple(reports),
        scanned=len(units),
        seconds=time.perf_counter() - started,
        filters=filters,
        suggestions=suggestions,
        settings=settings,
        notes=(*notes, *expansion.notes),
        vectors=vectors,
    )


def anchor_terms(anchor: Anchor) -> set[str]:
    found = {t for s in anchor.result.sentences for t in s.terms}
    if anchor.result.title:
        found.update(anchor.result.title.terms)
    return found


# --------------------------------------------------------------------------- matrix



def _slot(code: str | None) -> str:
    """The matrix column of a kerntaak code: ``B1-K2`` stays, ``P3-K1`` becomes ``P-K1`` (the profile's own)."""
    if not code:
        return OTHER_COLUMN
    return re.sub(r"^P\d+-", "P-", code)


def _slot_key(column: str) -> tuple:
    if column == OTHER_COLUMN:
        return (2, 0, 0)
    numbers = [int(n) for n in re.findall(r"\d+", column)]
    return (0 if column.startswith("B") else 1, *numbers)


def _row_label(row: tuple[str, str | None, str | None, str | None], chunks: Iterable[Chunk]) -> str:
    chunk = next(iter(chunks))
    name = chunk.dossier_abbr or chunk.dossier or chunk.source
    year = (chunk.version or "")[:4]
    part = chunk.profile_abbr or chunk.profile
    if not part:
        part = "competenties" if chunk.kind in (COMPETENTIE, COMPETENTIENIVEAU) else "basisdeel"
    return f"{name} {year}".strip() + f" · {part}"


def build_matrix(units: Sequence[ScanUnit], anchors: Sequence[Anchor]) -> Matrix:
    """Rows: dossier · version · profile (or basisdeel); columns: kerntaken; cells: anchors counted per member.

    A cell is 0 when the row has units under that kerntaak but none carries the theme, and None
    (shown as ``–``) when the row has no such kerntaak. Identical passages count in every row they
    stand in. Rows from an extract are marked (``extracts``): their 0 means "not in the extract".
    """
    existing: dict[tuple, list[Chunk]] = {}
    slots: set[tuple] = set()
    for unit in units:
        existing.setdefault(unit.row, []).append(unit.chunk)
        slots.add((unit.row, _slot(unit.kerntaak)))
    cells: dict[tuple, int] = dict.fromkeys(slots, 0)
    for anchor in anchors:
        for member in anchor.members:
            cell = (member.row, _slot(member.kerntaak))
            cells[cell] = cells.get(cell, 0) + 1
    columns = tuple(sorted({column for _, column in cells}, key=_slot_key))
    rows = tuple((_row_label(row, chunks), row) for row, chunks in existing.items())
    extracts = frozenset(row for row, chunks in existing.items() if any(c.extract for c in chunks))
    return Matrix(columns, rows, cells, extracts)


# --------------------------------------------------------------------------- suggestions


def suggest(expansion: Expansion, corpus: Corpus, limit: int = 8) -> tuple[str, ...]:
    """Nearby words for a theme that found nothing: close spelling, same start, else the thesaurus themes.

    Candidates are the corpus words (most frequent first); ``difflib`` finds close spellings.
    """
    found: list[str] = []
    vocabulary = [w for w, n in corpus.vocabulary.most_common() if len(w) > 3 and w not in STOPWORDS]
    asked = [*expansion.phrases, *(base(t.text) for t in expansion.terms)]
    for word in dict.fromkeys(w for text in asked for w in content_words(text)):
        found.extend(difflib.get_close_matches(word, vocabulary, n=4, cutoff=0.72))
        if len(word) >= 4:
            found.extend([w for w in vocabulary if w.startswith(word[:5]) and w != word][:4])
    found = list(dict.fromkeys(found))
    if not found:
        found = [entry.name for entry in load_thesaurus().entries]
    return tuple(found[:limit])

