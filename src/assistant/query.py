"""Query understanding: what a question names besides its words.

From a question and the vocabulary of the index it finds
  * dossier codes (``B1-K1-W7``, ``P3-K2``, OCR variants ``BI-K2-W2``, ``WS5``),
  * crebo numbers (five digits that the index knows),
  * dossiers and profiles by name or abbreviation (``OA``, ``PMK``, "Sociaal werk"),
  * a competence level ("niveau 3", "level 2", "het hoogste niveau"),
  * competences by name, Dutch or English ("plannen en organiseren", "coaching"),
  * a version year ("2015", "2021"),
and, for English questions, the Dutch glossary terms for the lexical side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from assistant.glossary import expand
from assistant.language import language
from assistant.lexical import tokenize
from assistant.model import Chunk
from assistant.names import fold

_CODE = re.compile(r"\b[BP][1-9I]-K[0-9I]+(?:-W[A-Za-z]?[0-9]+)?\b|\bP[0-9]\b", re.IGNORECASE)
_CREBO = re.compile(r"\b\d{5}\b")
_YEAR = re.compile(r"\b(20[12]\d)\b")
_NUMBER_WORDS = {
    "1": 1, "2": 2, "3": 3, "4": 4,
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4,
    "one": 1, "two": 2, "three": 3, "four": 4,
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4,
    "first": 1, "second": 2, "third": 3, "fourth": 4,
    "i": 1, "ii": 2, "iii": 3, "iv": 4,
}
# "niveau", "nivo" (as users type it), "level", "lvl", "niv."; the plural ("levels 1 to 4") names several
LEVEL_WORD = r"(?:niveaus?|nivo'?s?|niv\.?|levels?|lvls?\.?)"
ONE_LEVEL_WORD = r"(?:niveau|nivo|niv\.?|level|lvl\.?)"
_LEVEL_AFTER = re.compile(rf"\b{ONE_LEVEL_WORD}\s*([1-4]|een|één|twee|drie|vier|one|two|three|four|iv|iii|ii|i)\b")
_LEVEL_BEFORE = re.compile(rf"\b(eerste|tweede|derde|vierde|first|second|third|fourth)\s+{ONE_LEVEL_WORD}\b")
# the mbo level of programmes, not a competence level: "de niveau 4-opleidingen", "the level-4 profiles"
PROGRAMME_LEVEL = re.compile(r"\b(?:niveau|level|mbo)[\s-]*[1-4][\s-]*(?:opleiding\w*|profiel\w*|kwalificatie\w*"
                             r"|programmes?|programs?|profiles?|qualifications?|courses?|diploma\w*"
                             r"|student\w*|leerling\w*|deelnemer\w*|pupils?|learners?)\b"  # "a level 2 student"
                             r"|\w*(?:eis|eisen|requirements?)\b[^.?!]{0,25}?\b(?:voor|for)\s+(?:(?:de|het|the)\s+)?"
                             r"(?:mbo[\s-]*)?(?:niveau|level)[\s-]*[1-4]\b"  # "de Engels-eis voor niveau 4"
                             # a generic subject at a programme level ("the normal English for niveau 4"; "in Dutch"
                             # is the answer's language)
                             r"|(?<!\bin )(?<!\bin het )\b(?:engels|english|nederlands|dutch|rekenen|maths?"
                             r"|mathematics)\b[^.?!]{0,25}?\b(?:voor|for|op|at|on|bij|in)\s+(?:(?:de|het|the)\s+)?(?:mbo[\s-]*)?"
                             r"(?:niveau|level)[\s-]*[1-4]\b")
_HIGHEST = re.compile(rf"\b(hoogste|highest|top|maximale)\s+{ONE_LEVEL_WORD}\b")
_LOWEST = re.compile(rf"\b(laagste|lowest|eerste|basis|beginning)\s+{ONE_LEVEL_WORD}\b")

# Words that ask for one kind of unit (folded patterns), by kind.
KIND_HINTS: dict[str, str] = {
    "profiel": r"\b(?:beroeps)?profiel(?:en|beschrijving)?\b|\bprofiles?\b|\bprofile descriptions?\b",
    "kerntaak": r"\bkerntaak\b|\bkerntaken\b|\bcore tasks?\b|\btaa?k(?:en)?\b|\btasks?\b",
    "werkproces": r"\bwerkprocess?(?:en)?\b|\bwork process(?:es)?\b|\btaa?k(?:en)?\b|\btasks?\b",
    "beroepsbeschrijving": r"\bberoeps(?:om|be)schrijving\b|\btypering\b|\bberoepengroep\b|\bjob descriptions?\b"
                           r"|\boccupation\b",
    "competentieniveau": r"\bgedragsindicator(?:en)?\b|\b(?:behaviou?ral )?indicators\b",
    "legenda": r"\bkleur(?:en)?\b|\bcolou?rs?\b|\blichtgroen\b|\bdonkergroen\b|\blegenda\b|\blegend\b",
    "specialisaties": r"\bspecialisaties?\b|\bspeciali[sz]ations?\b",
    "uitleg_niveaus": r"\buitleg (?:van de )?niveaus\b|\bwhat (?:do|does) the levels mean\b"
                      r"|\bwat betekenen de niveaus\b",
}

# Other names users give to competences (folded), by competence name (folded).
COMPETENCE_ALIASES: dict[str, tuple[str, ...]] = {
    "kwaliteitsgericht": ("kwaliteitsgerichtheid", "quality oriented", "quality-oriented", "quality focus",
                          "quality orientation"),
    "plannen en organiseren": ("planning and organising", "planning and organizing", "plan and organise",
                               "plan and organize", "plannen & organiseren", "planning en organiseren"),
    "resultaatgericht": ("resultaatgerichtheid", "result oriented", "results oriented", "result-oriented",
                         "results-oriented", "results orientation", "result orientation"),
    "communicatieve vaardigheid": ("communicatieve vaardigheden", "communicatie", "communication skills",
                                   "communicative skills", "communication"),
    "klantgerichtheid": ("klantgericht", "customer focus", "client focus", "customer orientation",
                         "client orientation", "customer-oriented", "client-oriented"),
    "ondernemerschap": ("ondernemend", "entrepreneurship", "entrepreneurial"),
    "probleemoplossend vermogen": ("probleemoplossend", "problemen oplossen", "problem solving",
                                   "problem-solving", "solving problems"),
    "coachen": ("coaching", "coach"),
}

# English and informal names of dossiers and profiles (folded), by the folded name or abbreviation.
SCOPE_ALIASES: dict[str, tuple[str, ...]] = {
    "oa": ("teaching assistant", "teaching assistants", "onderwijsassistente", "classroom assistant"),
    "pmk": ("childcare worker", "childcare employee", "pedagogical employee childcare"),
    "gpm": ("specialised pedagogical employee", "specialized pedagogical employee"),
    "sb": ("sport and exercise", "sport en bewegen", "sports and movement"),
    "sw": ("social work", "social worker", "sociaal werker"),
    "mz": ("social care", "maatschappelijke zorg"),
    "dv": ("services", "dienstverlening"),
    "pw": ("pedagogical work", "pedagogisch werk"),
    "competentieprofiel": ("competency profile", "competence profile", "competentie profiel"),
    "ankerpunten": ("anchor points", "anchors", "ankerpunten extract"),
}


@dataclass(frozen=True)
class Scope:
    """A dossier, optionally narrowed to one profile; or a whole source document."""

    dossier: str | None
    profile: str | None = None
    source: str | None = None

    def contains(self, chunk: Chunk) -> bool:
        """Whether a chunk belongs to this scope (a profile includes its dossier's basisdeel)."""
        if self.source is not None:
            return chunk.source == self.source
        if chunk.dossier != self.dossier:
            return False
        return self.profile is None or chunk.profile in (self.profile, None)


@dataclass(frozen=True)
class ScopeIndex:
    """A set of scopes, answering "does this chunk belong to one of them?" in constant time."""

    whole: frozenset[str]
    profiles: frozenset[tuple[str, str]]
    sources: frozenset[str]
    profile_dossiers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, scopes: Iterable[Scope]) -> ScopeIndex:
        """Index scopes by whole dossier, (dossier, profile) and source."""
        scopes = list(scopes)
        return cls(
            whole=frozenset(s.dossier for s in scopes if s.dossier and not s.profile and not s.source),
            profiles=frozenset((s.dossier, s.profile) for s in scopes if s.dossier and s.profile),
            sources=frozenset(s.source for s in scopes if s.source),
            profile_dossiers=frozenset(s.dossier for s in scopes if s.dossier and s.profile),
        )

    @property
    def dossiers(self) -> frozenset[str]:
        """Every dossier a scope names (wholly or through a profile)."""
        return self.whole | self.profile_dossiers

    def contains(self, chunk: Chunk) -> bool:
        """Whether a chunk belongs to one of the scopes (a profile includes its dossier's basisdeel)."""
        if chunk.source in self.sources or chunk.dossier in self.whole:
            return True
        if chunk.profile is None:
            return chunk.dossier in self.profile_dossiers
        return (chunk.dossier, chunk.profile) in self.profiles

    def describes(self, chunk: Chunk) -> bool:
        """Whether a description unit describes a named dossier or profile itself."""
        if chunk.dossier in self.whole:
            return True
        return chunk.profile is not None and (chunk.dossier, chunk.profile) in self.profiles


def document_alias(source: str) -> str | None:
    """The word a user names a document by: the first word of its file name, if it is a word of 6+ letters."""
    for word in re.split(r"[-_ .]+", source.rsplit(".", 1)[0].lower()):
        if word.isdigit():
            continue
        return word if len(word) >= 6 and word.isalpha() else None
    return None


@dataclass(frozen=True)
class Vocabulary:
    """The names the index knows, for recognising them in questions."""

    scopes: dict[str, frozenset[Scope]]
    competences: dict[str, str]
    crebos: dict[str, frozenset[Scope]]
    by_code: dict[str, tuple[str, ...]]
    by_competence: dict[str, tuple[str, ...]]
    descriptions: dict[str, tuple[str, ...]]
    filter_values: dict[str, frozenset[str]]

    @classmethod
    def from_chunks(cls, chunks: Iterable[Chunk]) -> Vocabulary:
        """Collect names, abbreviations, competences and crebo numbers from chunks."""
        scopes: dict[str, set[Scope]] = {}
        competences: dict[str, str] = {}
        crebos: dict[str, set[Scope]] = {}
        by_code: dict[str, list[str]] = {}
        by_competence: dict[str, list[str]] = {}
        descriptions: dict[str, list[str]] = {}
        values: dict[str, set[str]] = {"dossier": set(), "profile": set(), "version": set(), "kind": set(),
                                       "level": set()}

        def add(alias: str | None, scope: Scope) -> None:
            if alias and len(alias) >= 2:
                scopes.setdefault(fold(alias), set()).add(scope)

        seen: set[tuple] = set()
        for chunk in chunks:
            values["kind"].add(chunk.kind)
            if chunk.version:
                values["version"].add(chunk.version)
            if chunk.level:
                values["level"].add(str(chunk.level))
            if chunk.code:
                by_code.setdefault(chunk.code.upper(), []).append(chunk.id)
            if chunk.competence:
                by_competence.setdefault(chunk.competence, []).append(chunk.id)
            if chunk.kind in ("profiel", "beroepsbeschrijving") and chunk.dossier:
                descriptions.setdefault(chunk.dossier, []).append(chunk.id)
            names = (chunk.source, chunk.dossier, chunk.dossier_abbr, chunk.profile, chunk.profile_abbr,
                     chunk.crebo, chunk.competence)
            if names in seen:
                continue
            seen.add(names)
            add(document_alias(chunk.source), Scope(None, source=chunk.source))
            values["dossier"].update(x for x in (chunk.dossier, chunk.dossier_abbr) if x)
            values["profile"].update(x for x in (chunk.profile, chunk.profile_abbr) if x)
            if chunk.dossier:
                add(chunk.dossier, Scope(chunk.dossier))
                add(chunk.dossier_abbr, Scope(chunk.dossier))
                if chunk.profile:
                    add(chunk.profile, Scope(chunk.dossier, chunk.profile))
                    add(chunk.profile_abbr, Scope(chunk.dossier, chunk.profile))
                if chunk.crebo:
                    crebos.setdefault(chunk.crebo, set()).add(Scope(chunk.dossier, chunk.profile))
            if chunk.competence:
                competences[fold(chunk.competence)] = chunk.competence
        for key, aliases in SCOPE_ALIASES.items():
            for alias in aliases:
                if key in scopes:
                    scopes.setdefault(alias, set()).update(scopes[key])
        for key, aliases in COMPETENCE_ALIASES.items():
            if key in competences:
                for alias in aliases:
                    competences.setdefault(alias, competences[key])
        return cls(
            scopes={k: frozenset(v) for k, v in scopes.items()},
            competences=competences,
            crebos={k: frozenset(v) for k, v in crebos.items()},
            by_code={k: tuple(v) for k, v in by_code.items()},
            by_competence={k: tuple(v) for k, v in by_competence.items()},
            descriptions={k: tuple(v) for k, v in descriptions.items()},
            filter_values={k: frozenset(v) for k, v in values.items()},
        )


@dataclass(frozen=True)
class QueryPlan:
    """What a question asks for, besides its words."""

    text: str
    lang: str
    lexical_text: str
    codes: frozenset[str] = frozenset()
    crebos: frozenset[str] = frozenset()
    scopes: frozenset[Scope] = frozenset()
    level: int | None = None
    competences: frozenset[str] = frozenset()
    year: str | None = None
    kinds: frozenset[str] = frozenset()
    expansions: tuple[str, ...] = ()

    @cached_property
    def scope_index(self) -> ScopeIndex:
        """The scopes, indexed for constant-time membership."""
        return ScopeIndex.of(self.scopes)


@lru_cache(maxsize=8)
def phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """One compiled alternation of phrases, longest first, on word boundaries."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)")


def _find_phrases(folded: str, phrases: Iterable[str]) -> list[str]:
    """Phrases found in ``folded`` on word boundaries, longest first, not overlapping."""
    names = frozenset(phrases)
    if not names:
        return []
    return list(dict.fromkeys(m.group(1) for m in phrase_pattern(names).finditer(folded)))


def find_level(folded: str) -> int | None:
    """The competence level a (folded) question names, if any."""
    if _HIGHEST.search(folded):
        return 4
    match = _LEVEL_AFTER.search(folded) or _LEVEL_BEFORE.search(folded)
    if match:
        return _NUMBER_WORDS[match.group(1)]
    if _LOWEST.search(folded):
        return 1
    return None


def understand(query: str, vocabulary: Vocabulary) -> QueryPlan:
    """Analyse a (cleaned) question against the index vocabulary."""
    folded = fold(query)
    lang = language(query)
    codes = frozenset(
        t.upper() for t in tokenize(" ".join(_CODE.findall(query))) if any(ch.isdigit() for ch in t)
    )
    crebos = frozenset(c for c in _CREBO.findall(query) if c in vocabulary.crebos)
    scopes: set[Scope] = set()
    for phrase in _find_phrases(folded, vocabulary.scopes):
        scopes.update(vocabulary.scopes[phrase])
    for crebo in crebos:
        scopes.update(vocabulary.crebos[crebo])
    competences = frozenset(vocabulary.competences[p] for p in _find_phrases(folded, vocabulary.competences))
    kinds = frozenset(kind for kind, pattern in KIND_HINTS.items() if re.search(pattern, folded))
    if "competen" in folded:
        kinds -= {"profiel"}
    year_match = _YEAR.search(query)
    expansions = expand(query) if lang == "en" else ()
    lexical_text = " ".join([query, *expansions])
    return QueryPlan(
        text=query,
        lang=lang,
        lexical_text=lexical_text,
        codes=codes,
        crebos=crebos,
        scopes=frozenset(scopes),
        level=find_level(PROGRAMME_LEVEL.sub(" ", folded)),
        competences=competences,
        year=year_match.group(1) if year_match else None,
        kinds=kinds,
        expansions=expansions,
    )
