"""Crosswalk: a werkproces's counterpart in another version of its dossier, matched by content.

Codes were renumbered between versions (Pedagogisch Werk 2015 was split into
PMK, GPM and OA 2021), so a counterpart is found by what a werkproces says: a
weighted blend of the TF-IDF cosine of the stemmed titles and of the stemmed
omschrijvingen (the 2020/21 extract often holds only the omschrijving, so the
2015 resultaat and gedrag are left out of the comparison). Below
:data:`THRESHOLD` there is no counterpart: "geen tegenhanger".

A scope is a dossier (name or abbreviation) with an optional version, e.g.
``"OA 2021"``, ``"PW 2015"``, ``"Sociaal werk 2015"``. When one side names a
profile of the other side's dossier (OA 2021 against PW 2015, which has a
profile OA), that side is narrowed to the basisdeel plus that profile: the
lineage of a dossier is its profile in the older version.

The weight and threshold were chosen on the tune part of
``eval/crosswalk/key.json``; the figures are in docs/curriculum.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.lexical import tokenize
from assistant.model import WERKPROCES, Chunk
from assistant.typography import normalise_typography

TITLE_WEIGHT = 0.5
THRESHOLD = 0.1
ALSO_MARGIN = 0.05
DOMINANCE = 0.5
_SECTION = re.compile(r"\n(?:Resultaat|Gedrag|SBB-competenties):\n")
_VERSION = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)$")


class ScopeError(ValueError):
    """A scope that names no dossier in the index; the message lists the valid ones."""


@dataclass(frozen=True)
class Scope:
    """A dossier (and version), optionally narrowed to one of its profiles plus the basisdeel."""

    dossier: str
    version: str | None
    profile: str | None = None
    label: str = ""

    def holds(self, chunk: Chunk) -> bool:
        """Whether a chunk belongs to this scope (the basisdeel belongs to every profile)."""
        if chunk.dossier != self.dossier or (self.version and chunk.version != self.version):
            return False
        return self.profile is None or chunk.profile in (None, self.profile)


@dataclass(frozen=True)
class UnitRef:
    """One werkproces as the crosswalk names it."""

    dossier: str | None
    version: str | None
    profile: str | None
    code: str | None
    title: str | None

    def as_json(self) -> dict:
        """The UNIT object of the public interface."""
        return {"dossier": self.dossier, "version": self.version, "profile": self.profile,
                "code": self.code, "title": self.title}

    @classmethod
    def of(cls, chunk: Chunk) -> UnitRef:
        """The reference for a chunk."""
        return cls(chunk.dossier, chunk.version, chunk.profile, chunk.code, chunk.title)


@dataclass(frozen=True)
class Pair:
    """One werkproces of the from-scope with its counterpart (None: geen tegenhanger)."""

    source: UnitRef
    target: UnitRef | None
    also: tuple[UnitRef, ...]
    score: float
    best: UnitRef | None = None  # the best candidate, also when it is under the threshold

    def as_json(self) -> dict:
        """``{"from": UNIT, "to": UNIT | null, "also": [UNIT, ...], "score": s}``."""
        return {"from": self.source.as_json(), "to": self.target.as_json() if self.target else None,
                "also": [u.as_json() for u in self.also], "score": round(self.score, 4)}


# --------------------------------------------------------------------------- scopes


def _names(chunks: Iterable[Chunk]) -> dict[tuple[str, str | None], set[str]]:
    """Dossier (name, version) -> the names and abbreviations it answers to, lower case."""
    names: dict[tuple[str, str | None], set[str]] = {}
    for chunk in chunks:
        if chunk.dossier:
            names.setdefault((chunk.dossier, chunk.version), set()).update(
                n.lower() for n in (chunk.dossier, chunk.dossier_abbr) if n)
    return names


def _profiles(chunks: Iterable[Chunk], dossier: str, version: str | None) -> dict[str, str]:
    """Profile names and abbreviations (lower case) of one dossier version -> profile name."""
    found: dict[str, str] = {}
    for chunk in chunks:
        if chunk.dossier == dossier and chunk.version == version and chunk.profile:
            for name in (chunk.profile, chunk.profile_abbr):
                if name:
                    found[name.lower()] = chunk.profile
    return found


def scope_labels(chunks: Sequence[Chunk]) -> list[str]:
    """Every valid scope, e.g. ``"OA 2021"``, for error messages."""
    labels = set()
    for chunk in chunks:
        if chunk.kind == WERKPROCES and chunk.dossier:
            labels.add(f"{chunk.dossier_abbr or chunk.dossier} {(chunk.version or '')[:4]}".strip())
    return sorted(labels)


def parse_scope(text: str, chunks: Sequence[Chunk]) -> Scope:
    """Resolve ``"OA 2021"`` / ``"Sociaal werk 2015"`` / ``"PW"`` to a scope.

    A name that is no dossier but a profile of one dossier version (``"OA 2015"``)
    gives that profile with the basisdeel.

    Raises:
        ScopeError: the name matches nothing, or more than one dossier version.
    """
    words = " ".join(normalise_typography(text).split())
    parts = words.rsplit(" ", 1)
    version = parts[1] if len(parts) == 2 and _VERSION.match(parts[1]) else None
    name = (parts[0] if version else words).lower()
    if not name:
        raise ScopeError(f"lege scope; kies uit: {', '.join(scope_labels(chunks))}")
    candidates = [(d, v) for (d, v), names in _names(chunks).items()
                  if name in names and (version is None or (v or "").startswith(version))]
    if len(candidates) == 1:
        dossier, found = candidates[0]
        return Scope(dossier, found, None, text)
    if not candidates:
        for dossier, found in _names(chunks):
            if version is not None and not (found or "").startswith(version):
                continue
            profile = _profiles(chunks, dossier, found).get(name)
            if profile:
                candidates.append((dossier, found))
                return Scope(dossier, found, profile, text)
    if len(candidates) > 1:
        versions = ", ".join(sorted(f"{name.upper()} {(v or '')[:4]}" for _, v in candidates))
        raise ScopeError(f"scope '{text}' is dubbelzinnig ({versions}); noem ook de versie")
    raise ScopeError(f"onbekende scope '{text}'; kies uit: {', '.join(scope_labels(chunks))}")


def narrow(scope: Scope, other: Scope, chunks: Sequence[Chunk]) -> Scope:
    """Narrow ``scope`` to the profile of its dossier that ``other`` is the newer/older form of."""
    if scope.profile is not None:
        return scope
    names = {n.lower() for c in chunks if c.dossier == other.dossier and c.version == other.version
             for n in (c.dossier, c.dossier_abbr) if n}
    profiles = _profiles(chunks, scope.dossier, scope.version)
    for name in names:
        if name in profiles:
            return Scope(scope.dossier, scope.version, profiles[name], scope.label)
    return scope


# --------------------------------------------------------------------------- similarity


def werkprocessen(chunks: Sequence[Chunk], scope: Scope) -> list[Chunk]:
    """The werkprocessen of a scope, one chunk (the first part of the base text) each, in order."""
    return [c for c in chunks if c.kind == WERKPROCES and c.variant is None and c.part == 1 and scope.holds(c)]


def omschrijving(chunk: Chunk) -> str:
    """The omschrijving of a werkproces passage (resultaat, gedrag and competences left out)."""
    text = chunk.passage or chunk.text
    text = _SECTION.split(text, 1)[0]
    return re.sub(r"^Omschrijving:\n", "", text)


class Vectoriser:
    """TF-IDF vectors of stemmed tokens; document frequencies over all werkprocessen of the corpus."""

    def __init__(self, documents: Iterable[str]) -> None:
        """Count document frequencies."""
        self.df: Counter[str] = Counter()
        self.n = 0
        self._cache: dict[str, dict[str, float]] = {}
        for doc in documents:
            self.n += 1
            self.df.update(set(_tokens(doc)))

    def vector(self, text: str) -> dict[str, float]:
        """A unit-length TF-IDF vector (cached per text)."""
        if text in self._cache:
            return self._cache[text]
        counts = Counter(_tokens(text))
        vec = {t: (1 + math.log(c)) * math.log((1 + self.n) / (1 + self.df.get(t, 0))) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        self._cache[text] = {t: v / norm for t, v in vec.items()}
        return self._cache[text]


def _tokens(text: str) -> list[str]:
    return [t for t in tokenize(normalise_typography(text)) if not re.match(r"^[bp]\d", t)]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


@dataclass(frozen=True)
class Matcher:
    """Similarity of werkprocessen; built once per set of chunks."""

    titles: Vectoriser
    texts: Vectoriser
    title_weight: float = TITLE_WEIGHT

    @classmethod
    def build(cls, chunks: Sequence[Chunk], title_weight: float = TITLE_WEIGHT) -> Matcher:
        """Document frequencies over every werkproces in ``chunks``."""
        units = [c for c in chunks if c.kind == WERKPROCES and c.variant is None and c.part == 1]
        return cls(Vectoriser(c.title or "" for c in units), Vectoriser(omschrijving(c) for c in units),
                   title_weight)

    def score(self, a: Chunk, b: Chunk) -> float:
        """``title_weight`` × title cosine + the rest × omschrijving cosine."""
        title = cosine(self.titles.vector(a.title or ""), self.titles.vector(b.title or ""))
        text = cosine(self.texts.vector(omschrijving(a)), self.texts.vector(omschrijving(b)))
        return self.title_weight * title + (1 - self.title_weight) * text


def crosswalk(
    chunks: Sequence[Chunk],
    source: Scope,
    target: Scope,
    threshold: float = THRESHOLD,
    matcher: Matcher | None = None,
    dominance: float = DOMINANCE,
) -> list[Pair]:
    """One pair per werkproces of ``source``: its best counterpart in ``target``, or None.

    None ("geen tegenhanger") when the best score is under ``threshold``, or under
    ``dominance`` times the score of the candidate's own best match in ``source``
    (the candidate is plainly the counterpart of another werkproces). ``also`` holds
    further candidates within :data:`ALSO_MARGIN` of the best one (a werkproces that was split).
    """
    matcher = matcher or Matcher.build(chunks)
    source, target = narrow(source, target, chunks), narrow(target, source, chunks)
    candidates = werkprocessen(chunks, target)
    units = werkprocessen(chunks, source)
    scores = [[matcher.score(unit, c) for c in candidates] for unit in units]
    # how well each candidate matches its own best werkproces of the source
    claimed = [max((row[j] for row in scores), default=0.0) for j in range(len(candidates))]
    pairs = []
    for unit, row in zip(units, scores, strict=True):
        scored = sorted(((s, j) for j, s in enumerate(row)), reverse=True)
        if not scored:
            pairs.append(Pair(UnitRef.of(unit), None, (), 0.0))
            continue
        best_score, best = scored[0]
        best_ref = UnitRef.of(candidates[best])
        if best_score < threshold or best_score < dominance * claimed[best]:
            pairs.append(Pair(UnitRef.of(unit), None, (), best_score, best_ref))
            continue
        also = tuple(UnitRef.of(candidates[j]) for s, j in scored[1:]
                     if s >= threshold and s >= best_score - ALSO_MARGIN)
        pairs.append(Pair(UnitRef.of(unit), best_ref, also, best_score, best_ref))
    return pairs


def counterparts(chunks: Sequence[Chunk], chunk: Chunk, matcher: Matcher | None = None) -> list[dict]:
    """The counterparts of one werkproces in every other version of its lineage, best first.

    The lineage: other versions of the same dossier, and dossiers whose name or
    abbreviation is a profile of this one (or whose profile this one is).
    """
    if chunk.kind != WERKPROCES or not chunk.dossier:
        return []
    matcher = matcher or Matcher.build(chunks)
    here = Scope(chunk.dossier, chunk.version, chunk.profile)
    found = []
    for dossier, version in _lineage(chunks, chunk):
        there = Scope(dossier, version)
        for pair in crosswalk(chunks, here, there, matcher=matcher):
            if pair.source.code == chunk.code and pair.source.profile == chunk.profile and pair.target:
                found.append({**pair.target.as_json(), "score": round(pair.score, 4)})
    return sorted(found, key=lambda item: -item["score"])


def lineage(chunks: Sequence[Chunk], chunk: Chunk) -> list[tuple[str, str | None]]:
    """Other dossier versions in the lineage of a chunk's dossier (or of its profile), oldest first."""
    return _lineage(chunks, chunk)


def _lineage(chunks: Sequence[Chunk], chunk: Chunk) -> list[tuple[str, str | None]]:
    """Other dossier versions in the lineage of a chunk's dossier (or of its profile)."""

    def names(*values: str | None) -> set[str]:
        return {v.lower() for v in values if v}

    dossier = names(chunk.dossier, chunk.dossier_abbr)
    if chunk.profile:
        mine = dossier | names(chunk.profile, chunk.profile_abbr)
    else:
        mine = dossier | {n for c in chunks if c.dossier == chunk.dossier and c.version == chunk.version
                          for n in names(c.profile, c.profile_abbr)}
    found: set[tuple[str, str | None]] = set()
    for other in chunks:
        if other.kind != WERKPROCES or other.version == chunk.version or not other.dossier:
            continue
        if names(other.dossier, other.dossier_abbr) & mine or names(other.profile, other.profile_abbr) & dossier:
            found.add((other.dossier, other.version))
    return sorted(found, key=lambda dv: (dv[1] or "", dv[0]))
