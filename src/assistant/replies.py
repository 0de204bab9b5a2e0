"""Answer builders, one per question type: complete lists, comparisons, competence links, lookups.

Each builder takes an :class:`~assistant.intent.Intent` and the :class:`Library` (what the index holds,
read once) and returns a :class:`Reply`: the type, the language, the "gelezen als" line, and either the
complete ``items`` (lists, competences, comparisons) or the ranked ``hits`` (lookups). Rendering is in
:mod:`assistant.reply_text`; nothing here prints.

* **list/tree** — every werkproces (or kerntaak) of the named dossiers/profiles from the dossier tree; a
  profile includes its dossier's basisdeel and its own additions (``aanvulling``), labelled as such;
* **list/where** — every unit of the scope where the theme occurs (:func:`assistant.links.theme_units`);
* **competence** — every werkproces of the scope whose SBB competences include the one asked for
  (:mod:`assistant.links`), with its gedrag lines as evidence;
* **compare** — two competence levels, one code in two versions or profiles, or two scopes paired by code;
* **lookup** — the ranked passages, cut where the scores fall away, paged by "meer";
* **not_found** — what the sources do not hold: unknown scopes, levels or versions, terms the corpus does
  not define; with the nearest things they do hold.
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from assistant import evidence, glossary, links
from assistant.absent_facts import asked_absent_fact
from assistant.conversation import (
    BASE_PART,
    BASIS_OF,
    BASIS_ONLY,
    EXCLUSIVE_TO,
    PART_CODE,
    WITHOUT_ADDITIONS,
    Catalogue,
    ScopeEntry,
    crebo_numbers,
)
from assistant.curriculum import asked_parts, asks_change
from assistant.intent import (
    ADDITION,
    ADDITIONS_TO_CODE,
    AN_ADDITION,
    BASE_COMPARED,
    COMPARATIVE,
    COMPARE,
    COMPETENCE,
    COORDINATION,
    COVERED,
    CREBO_GIVEN,
    CUES,
    GENERIC_COMPARED,
    GENERIC_WEIGHED,
    INCLUDED,
    LIST,
    LOAD_WEIGHED,
    LOOKUP,
    MORE_THAN_REGULAR,
    NOT_FOUND,
    ONWARD,
    READ_AS,
    REQUIREMENT,
    SAME_FACT,
    TITLE_HOLDS,
    TREE,
    WHERE,
    Intent,
    after_statements,
    closest_names,
    covered,
    describe_scope,
    describe_scopes,
    find_levels,
    half_a_name,
    mbo_level,
    narrow_entries,
    question_words,
    read_as,
    sbb_letters,
    sbb_named,
    scope_entries,
    scope_label,
    situation_words,
    topic_words,
)
from assistant.language import QUOTED, corpus_words, language
from assistant.lexical import STOPWORDS, codes_in, split_compound, split_sentences, tokenize, written_forms
from assistant.model import (
    ADOPTION_TITLE,
    ARBEIDSMARKT,
    COMPETENTIE,
    COMPETENTIENIVEAU,
    DOORSTROOM,
    KERNTAAK,
    PROFIEL,
    SPECIALISATIES,
    TOELICHTING,
    UITLEG_NIVEAUS,
    WERKPROCES,
    WET_REGELGEVING,
    Chunk,
)
from assistant.names import alternation, fold, shared_start
from assistant.query import PROGRAMME_LEVEL, Vocabulary
from assistant.retrieval import Filters, Hit
from assistant.spelling import correct_words
from assistant.target_level import TargetLevel, asks_target_level, target_level
from assistant.themes.words import fold as fold_accents
from assistant.themes.words import ie_adjective, other_plural
from assistant.views import UnitView, _code_key, split_level, units

PAGE = 5
WEAK_SHARE = 0.5  # lookup hits below this share of the best score are left out (at least one is kept)
COMMON_SHARE = 0.30  # a word in this share of the units carries no theme on its own (the scan's generic_share)
ALIKE = 5  # letters two words share at the start to be forms of one (medicatie, medicijnen)

Search = Callable[[str, Filters, int], list[Hit]]


# --------------------------------------------------------------------------- what the index holds


NAME_GLUE = frozenset({"en", "and", "van", "of", "de", "het", "the", "op", "met"})  # no evidence of a name


@dataclass(frozen=True)
class Library:
    """The index's units, names and relations, read once and shared by every answer."""

    index: object
    chunks: tuple[Chunk, ...]
    catalogue: Catalogue
    vocabulary: Vocabulary

    @classmethod
    def of(cls, index) -> Library:
        """The library of an open index."""
        return cls(index, tuple(index.chunks), Catalogue.from_chunks(index.chunks), index.vocabulary)

    @cached_property
    def units(self) -> tuple[UnitView, ...]:
        """Whole units (split units joined), in index order."""
        return units(self.chunks)

    @cached_property
    def unit_titles(self) -> frozenset[str]:
        """The folded titles of the werkprocessen and kerntaken ("behartigt belangen")."""
        return frozenset(fold(u.chunk.title) for u in self.units if u.chunk.title)

    @cached_property
    def words(self) -> frozenset[str]:
        """The corpus's words (for language detection and "is this in the sources?")."""
        return corpus_words(u.passage for u in self.units) | corpus_words(
            " ".join(x for x in (u.chunk.title, u.chunk.dossier, u.chunk.profile, u.chunk.competence) if x)
            for u in self.units)

    @cached_property
    def word_pairs(self) -> frozenset[str]:
        """Two words that stand side by side in a passage, lower case ("eerste hulp"): for words typed together."""
        pairs: set[str] = set()
        for u in self.units:
            found = re.findall(r"[^\W\d_]+", u.passage.lower())
            pairs.update(f"{a} {b}" for a, b in itertools.pairwise(found))
        return frozenset(pairs)

    @cached_property
    def accented(self) -> dict[str, str]:
        """The corpus's words written with a diacritic, by their plain spelling (*coordinerende* → *coördinerende*)."""
        return {plain: w for w in self.words if (plain := fold_accents(w)) != w}

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Words of dossier, profile, competence and SBB competence names (no evidence of a language)."""
        names = [*self.catalogue.scopes, *self.vocabulary.competences, *self.vocabulary.competences.values(),
                 *self.sbb.values(), *_sbb_titles().values()]  # also the SBB competences no unit names (O)
        return corpus_words(names) - NAME_GLUE

    @cached_property
    def scope_name_words(self) -> frozenset[str]:
        """Words of dossier and profile names only (a competence's words may be a theme's: *rapporteren*)."""
        return corpus_words(list(self.catalogue.scopes)) - NAME_GLUE

    @cached_property
    def competence_names(self) -> tuple[str, ...]:
        """Competence and SBB competence names, lower case (for spelling them right)."""
        return tuple(dict.fromkeys(fold(n) for n in [*self.vocabulary.competences, *self.sbb.values()]))

    @cached_property
    def name_phrases(self) -> re.Pattern[str]:
        """Every dossier, profile, competence and SBB competence name as one pattern (language-neutral text)."""
        names = {fold(n) for n in [*self.catalogue.scopes, *self.vocabulary.competences,
                                   *self.vocabulary.competences.values(), *self.sbb.values(),
                                   *_sbb_titles().values()] if len(n) > 3}
        return re.compile(rf"(?<!\w)(?:{alternation(names)})(?!\w)", re.IGNORECASE)

    @cached_property
    def werkproces_words(self) -> frozenset[str]:
        """The folded words of the werkprocessen (what "where" lists find)."""
        return frozenset(re.findall(r"\w+", " ".join(fold(u.passage) for u in self.units
                                                      if u.chunk.kind == WERKPROCES)))

    @cached_property
    def werkproces_stems(self) -> frozenset[str]:
        """The lexical stems of the werkprocessen's words."""
        return frozenset(tokenize(" ".join(self.werkproces_words)))

    @cached_property
    def words_elsewhere(self) -> frozenset[str]:
        """The folded words of every passage that is no werkproces (explanations, descriptions, profiles)."""
        return frozenset(re.findall(r"\w+", " ".join(fold(c.text) for c in self.chunks if c.kind != WERKPROCES)))

    @cached_property
    def stems(self) -> frozenset[str]:
        """The corpus's word stems."""
        return frozenset().union(*self.unit_stems)

    @cached_property
    def vocab(self) -> evidence.Vocab:
        """The corpus's words, stems and name words, for "do the sources hold this word?"."""
        fields = {f.name for f in dataclasses.fields(Chunk)}  # "crebo", "level": what the index records
        return evidence.Vocab.of(self.words | fields, self.stems, self.name_words,
                                 (f"{u.chunk.title or ''} {u.passage}" for u in self.units))

    @cached_property
    def law_words(self) -> frozenset[str]:
        """The first name word of every law the sources name ("Wet Maatschappelijke Ondersteuning": *maatschappelijke*,
        "Wet op de jeugdzorg": *jeugdzorg*), folded (:func:`unnamed_law`)."""
        return frozenset(m.group(1) for c in self.chunks for m in _LAW.finditer(fold(c.text))
                         if m.group(1) not in STOPWORDS and m.group(1) not in question_words())  # not "de wet moet"

    @cached_property
    def sbu_chunks(self) -> dict[tuple, Chunk]:
        """The profile text that states each profile's study load (sbu), by profile (:func:`_profile_key`)."""
        found: dict[tuple, Chunk] = {}
        for c in self.chunks:
            if c.kind == PROFIEL and c.profile and fact_value(c, "sbu"):
                found.setdefault(_profile_key(c), c)
        return found

    @cached_property
    def language_lines(self) -> dict[tuple, Chunk]:
        """Each profile's own foreign-language requirement, by profile (:func:`_profile_key`): the line of its
        dossier's *beroepsspecifieke moderne vreemde talen* passage that starts with the profile's name ("Medewerker
        sport en recreatie: een MVT naar keuze (Luisteren A2, …)"), as that passage with only the line as its text
        (the citation stays the passage's)."""
        passages = [c for c in self.chunks if c.kind == TOELICHTING and "vreemde talen" in fold(c.title or "")]
        found: dict[tuple, Chunk] = {}
        for chunk in self.chunks:
            if chunk.kind != PROFIEL or not chunk.profile:
                continue
            for passage in passages:
                if (passage.source, passage.dossier, passage.version) != (chunk.source, chunk.dossier, chunk.version):
                    continue
                line = next((x for x in passage.text.splitlines()
                             if fold(x).startswith(fold(chunk.profile) + ":")), None)
                if line:
                    found.setdefault(_profile_key(chunk), replace(passage, text=line.strip(), profile=chunk.profile))
        return found

    @cached_property
    def unit_texts(self) -> tuple[str, ...]:
        """Each unit's title and passage, lower case, accents folded, brackets and hyphens out (for "does this
        unit hold the word?": "(overdrachts)rapportage" holds *overdrachtsrapportage*)."""
        return tuple(fold_accents(re.sub(r"[()\-]", "", f"{u.chunk.title or ''} {u.passage}".lower()))
                     for u in self.units)

    @cached_property
    def unit_stems(self) -> tuple[frozenset[str], ...]:
        """Each unit's word stems."""
        return tuple(frozenset(tokenize(f"{u.chunk.title or ''} {u.passage}")) for u in self.units)

    @cached_property
    def scope_vocab(self) -> evidence.Vocab:
        """The vocabulary with only dossier and profile names as names: a competence or skill ("rapporteren",
        "samenwerken") then counts as a content word."""
        return replace(self.vocab, names=corpus_words(self.catalogue.scopes))

    @cached_property
    def competence_dossiers(self) -> frozenset[str]:
        """The (folded) dossier names of the competency profiles: the dossiers that hold competence levels."""
        return frozenset(fold(c.dossier or "") for c in self.chunks if c.kind == COMPETENTIENIVEAU)

    @cached_property
    def sbb(self) -> dict[str, str]:
        """SBB competence letter → title, as the werkprocessen name them."""
        return links.known_sbb_competences(u.passage for u in self.units if u.chunk.kind == WERKPROCES)

    @cached_property
    def competence_links(self) -> dict[str, tuple[str, ...]]:
        """Competency-profile competence → SBB letters."""
        return links.competence_links(self.chunks)

    @cached_property
    def levels(self) -> dict[str, tuple[int, ...]]:
        """Competence → the levels the competency profile has for it."""
        found: dict[str, set[int]] = {}
        for u in self.units:
            if u.chunk.kind == COMPETENTIENIVEAU and u.chunk.competence and u.chunk.level is not None:
                found.setdefault(u.chunk.competence, set()).add(u.chunk.level)
        return {k: tuple(sorted(v)) for k, v in found.items()}


# --------------------------------------------------------------------------- the reply


@dataclass(frozen=True)
class Item:
    """One listed unit with where it stands and why it is listed.

    ``part`` is ``basisdeel``, ``profiel`` or ``aanvulling`` (a profile's addition to a basisdeel unit),
    or ``None`` outside dossiers. ``evidence`` holds the sentences or gedrag lines that carry the answer.
    """

    chunk: Chunk
    passage: str
    part: str | None
    evidence: tuple[str, ...] = ()
    note: str | None = None

    @property
    def ref(self) -> str:
        """``source|dossier|version|profile|code|variant``: one unit, whatever its title."""
        c = self.chunk
        return "|".join(x or "" for x in (c.source, c.dossier, c.version, c.profile, c.code, c.variant))

    @property
    def group(self) -> str:
        """The heading the item is listed under: ``Maatschappelijke Zorg 2015 · basisdeel``."""
        c = self.chunk
        dossier = " ".join(x for x in (c.dossier or c.source, (c.version or "")[:4]) if x)
        if self.part == "basisdeel" or (self.part is None and not c.profile):
            return f"{dossier} · basisdeel" if c.kind in (WERKPROCES, KERNTAAK) else dossier
        return f"{dossier} · {c.profile}"

    def as_json(self) -> dict:
        """The item as a JSON-ready dict (HIT-like fields plus ``ref``, ``part`` and ``evidence``)."""
        c = self.chunk
        return {
            "ref": self.ref, "id": c.id, "kind": c.kind, "dossier": c.dossier, "dossier_abbr": c.dossier_abbr,
            "version": c.version, "profile": c.profile, "part": self.part, "variant": c.variant, "code": c.code,
            "title": c.title, "competence": c.competence, "level": c.level, "kerntaak_code": c.kerntaak_code,
            "source": c.source, "location": c.location.as_dict(), "evidence": list(self.evidence),
            "note": self.note,
        }


@dataclass(frozen=True)
class Row:
    """One line of a comparison: the two sides (either may be missing) and how they differ."""

    left: Item | None
    right: Item | None
    status: str  # same | changed | left_only | right_only

    def as_json(self) -> dict:
        """The row as a JSON-ready dict."""
        return {"left": self.left.as_json() if self.left else None,
                "right": self.right.as_json() if self.right else None, "status": self.status}


@dataclass(frozen=True)
class Reply:
    """An answer of one type, ready to render.

    Attributes:
        type: ``lookup``, ``list``, ``compare``, ``competence`` or ``not_found``.
        lang: the answer language.
        read_as: the "gelezen als: …" line.
        intent: the routed question.
        items: the complete list (list, competence; the units compared for compare).
        hits: ranked passages (lookup; the nearest passages for not_found).
        rows: the comparison, side by side.
        sides: the labels of the two sides of a comparison.
        problem: why a not_found or a refusal: ``unknown_scope``, ``unknown_level``, ``unknown_version``,
            ``conflict``, ``no_referent``, ``no_definition``, ``not_in_sources``, ``not_in_scope`` (the sources hold
            it, the dossier asked about does not), ``not_in_year`` (a theme the dossiers of one year do not
            hold; details: the year, where it is, the theme), ``compare_what``, ``no_links``,
            ``no_sbb`` (a unit whose text names no SBB competences), ``no_fact`` (no crebo or level given),
            ``level_mismatch`` (a profile asked at a level it is not at), ``unknown_sbb`` (an SBB letter the
            werkprocessen do not name),
            ``absent_fact`` (a fact no dossier states: schools, pay, enrolment dates; details: its name, its kind),
            ``language_only`` (the message only asks for an answer language, with no earlier question),
            ``no_target_level`` (the competency profile marks no level of the competence as wanted; details: the
            competence, the legend line, the profile).
        details: the values the problem is about (the unknown name, the closest known names, …); for a
            qualification's fact (a lookup), the fact's name, then one ``"Name (Dossier year): value"`` per profile.
        filters: the filters applied, as ``(name, value)`` pairs.
        page: the page of a lookup (0 first); ``more``: whether a next page exists.
        followup: the question was completed from the conversation (a follow-up or a reference).
        ranked: a lookup's page of hits before the weak ones were left out (what a language model reads).
        passing: a where-list's units that name the theme only in passing, named apart from ``items`` when the
            list has :data:`PASSING_APART` core units or more.
        narrowed: a comparison of two programmes or versions narrowed to the units on the question's topic (its
            subjects stay the two sides).
    """

    type: str
    lang: str
    read_as: str
    intent: Intent
    items: tuple[Item, ...] = ()
    hits: tuple[Hit, ...] = ()
    rows: tuple[Row, ...] = ()
    sides: tuple[str, str] | None = None
    problem: str | None = None
    details: tuple[str, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()
    page: int = 0
    more: bool = False
    followup: bool = False
    ranked: tuple[Hit, ...] = ()
    passing: tuple[Item, ...] = ()
    narrowed: bool = False

    def subjects(self) -> tuple[str, ...]:
        """What the answer is about, first first, as short phrases a follow-up can refer to (two programmes compared:
        the two, so that "die tweede" is the second programme, not a unit of the table)."""
        if self.type == COMPARE and self.sides and (len(self.items) > 2 or self.narrowed):
            return tuple(dict.fromkeys(self.sides))
        if self.items:
            return tuple(dict.fromkeys(subject(i.chunk) for i in self.items))
        return tuple(dict.fromkeys(subject(h.chunk) for h in self.hits))

    def as_json(self) -> dict:
        """The ``answer`` object beside ``hits`` (see interface.md)."""
        data = {
            "type": self.type, "lang": self.lang, "read_as": self.read_as, "problem": self.problem,
            "details": list(self.details), "filters": [{"name": n, "value": v} for n, v in self.filters],
            "count": len(self.items) if self.type != LOOKUP else len(self.hits),
            "items": [i.as_json() for i in self.items],
        }
        if self.passing:
            data["passing"] = [i.as_json() for i in self.passing]
        if self.type == COMPARE:
            data["sides"] = list(self.sides or ())
            data["rows"] = [r.as_json() for r in self.rows]
        if self.type == LOOKUP:
            data["page"] = self.page
            data["more"] = self.more
        return data


def subject(chunk: Chunk) -> str:
    """A unit as a phrase a question can name again: ``Coachen niveau 2``, ``B1-K1 (Sociaal Werk 2020)``."""
    if chunk.kind == COMPETENTIENIVEAU and chunk.competence and chunk.level is not None:
        return f"{chunk.competence} niveau {chunk.level}"
    if chunk.competence and not chunk.code:
        return chunk.competence
    where = " ".join(x for x in (chunk.dossier_abbr or chunk.dossier, (chunk.version or "")[:4]) if x)
    if chunk.profile and chunk.profile != chunk.dossier:
        where = f"{chunk.profile} {(chunk.version or '')[:4]}".strip()
    head = chunk.code or chunk.title or chunk.kind
    return f"{head} {where}".strip()


# --------------------------------------------------------------------------- scope


def _part(chunk: Chunk) -> str | None:
    if chunk.kind not in (WERKPROCES, KERNTAAK, PROFIEL):
        return None
    if chunk.variant == "aanvulling":
        return "aanvulling"
    return "profiel" if chunk.profile else "basisdeel"


def in_scope(chunk: Chunk, entry: ScopeEntry, own_only: bool = False) -> bool:
    """Whether a unit belongs to a dossier or profile (a profile includes its basisdeel, unless ``own_only``)."""
    if fold(chunk.dossier or "") != fold(entry.dossier) or (entry.version or "") != (chunk.version or ""):
        return False
    if entry.profile is None:
        return True
    if chunk.profile is None:
        return not own_only
    if fold(chunk.profile) != fold(entry.profile):
        return False
    return not own_only or chunk.variant != "aanvulling"


def scope_filter(intent: Intent, filters: Filters) -> Callable[[Chunk], bool]:
    """Membership in the question's scope and the active filters (version, dossier, profile, level)."""
    entries = narrow_entries(intent.scopes)
    years = set(intent.years)
    kept = re.sub(WITHOUT_ADDITIONS, " ", intent.question, flags=re.IGNORECASE)  # "without the profile-specific
    # supplements": no part asked
    additions, own, basis = _additions_only(kept), _own_only(kept), _basis_only(intent.question)
    basis = basis or (BASIS_OF.search(intent.question) is not None and not any(e.profile for e in entries))
    part = PART_CODE.search(intent.question)  # "alleen P3": that profile part's units
    part_code = part.group(1).upper() if part else None
    b_coded = _B_CODED.search(fold(intent.question)) is not None  # "welke B-werkprocessen heeft de PBG?"
    whole = _all_parts(intent.question) or (basis and own and not additions)  # "in het basisdeel, en welke in het
    additions = additions and not whole  # profieldeel": both parts; "… additions included": no part alone
    own = own and not additions and not whole
    basis = basis and not additions and not whole

    def keep(chunk: Chunk) -> bool:
        if entries and not any(in_scope(chunk, e, own) for e in entries):
            return False
        if additions and chunk.variant != "aanvulling" and chunk.kind == WERKPROCES:
            return False  # "welke daarvan zijn aanvullingen op het basisdeel?": the profiles' additions only
        if basis and chunk.profile is not None and chunk.kind in (WERKPROCES, KERNTAAK):
            return False
        if own and (chunk.profile is None or chunk.variant == "aanvulling") and chunk.kind in (WERKPROCES, KERNTAAK):
            return False  # "het profieldeel van MZ", "de eigen werkprocessen": the profiles' own units
        if part_code and chunk.kind in (WERKPROCES, KERNTAAK) and not (chunk.code or "").upper().startswith(
                f"{part_code}-"):
            return False
        if b_coded and chunk.kind in (WERKPROCES, KERNTAAK) and not (chunk.code or "").upper().startswith("B"):
            return False  # the units coded B: the basisdeel's and a profile's additions to them, not its P units
        if years and (chunk.version or "")[:4] not in years:
            return False
        if filters.version and (chunk.version or "") != filters.version:
            return False
        if filters.dossier and fold(filters.dossier) not in (fold(chunk.dossier or ""), fold(chunk.dossier_abbr or "")):
            return False
        if filters.profile and chunk.profile and fold(filters.profile) not in (
                fold(chunk.profile), fold(chunk.profile_abbr or "")):
            return False
        return filters.level is None or chunk.level in (None, filters.level)

    return keep


# the units coded B asked: "de B-werkprocessen", "B work processes", "B-kerntaken" (a profile's additions are coded B)
_B_CODED = re.compile(r"\bb[- ](?:werk ?process\w*|work ?process\w*|kerntaken|kerntaak|core\s+tasks?|units?)\b")


# the parts of a profile asked together: "the basisdeel, the profile-specific additions …", "additions included"
_OWN_PART = r"(?:profiel\w*|profile\w*|aanvulling\w*|additions?|add-?ons?|eigen|own|p[1-9]\w*)"
_NEGATION = r"(?:zonder|without|niet|not|geen|no|except|excluding|behalve)"
_ALL_PARTS = re.compile(INCLUDED
                        + rf"|\b{BASE_PART}(?:(?!\b{_NEGATION}\b)[^.?!]){{0,40}}?"
                          rf"(?:,|\+|&|\band\b|\ben\b|\bplus\b|\bas well as\b|\bevenals\b|\balsook\b)\s*"
                          rf"(?:(?!{_NEGATION}\b)[\w-]+\s+){{0,3}}?"
                          rf"{_OWN_PART}\b"  # "basisdeel met eventuele aanvullingen en het profieldeel"
                        rf"|\b{_OWN_PART}\b[^.?!]{{0,40}}?"
                        r"(?:,|\+|&|\band|\ben|\bplus|\bas well as|\bevenals|\balsook)\s+"
                        rf"(?:the\s+|het\s+)?"
                        rf"{BASE_PART}"
                        # "zowel het basisdeel als wat er specifiek voor haar profiel bij komt"
                        rf"|\bzowel\b[^.?!]{{0,30}}?{BASE_PART}[^.?!]{{0,20}}?\bals\b[^.?!]{{0,40}}?\b(?:{_OWN_PART}"
                        rf"|specifiek\w*)\b"
                        rf"|\bzowel\b[^.?!]{{0,30}}?\b{_OWN_PART}\b[^.?!]{{0,40}}?\bals\b[^.?!]{{0,20}}?{BASE_PART}")


def _all_parts(question: str) -> bool:
    """The question asks for a profile's parts together (the basisdeel named beside its own units or additions, or
    them "included"), so no part alone."""
    return _ALL_PARTS.search(fold(question)) is not None


def _basis_only(question: str) -> bool:
    """"welke werkprocessen heeft S&B in het basisdeel?": the basisdeel only ("basisdeel included" is not)."""
    return BASIS_ONLY.search(fold(question)) is not None


def _additions_only(question: str) -> bool:
    """"welke daarvan zijn aanvullingen?", "which of its work processes are additions?": a profile's additions to
    basisdeel units only ("inclusief de aanvullingen" is not)."""
    folded = fold(question)
    return re.search(r"\baanvullingen\b|\baanvullende\s+eisen\b|\badditions\b|\bextensions\b|\badd-?ons\b|"
                     r"\b(?:aanvulling|addition)\s+(?:units|werkprocessen|work\s+processes)\b|"
                     # "op welke werkprocessen heeft het profiel X een aanvulling?": where the additions are
                     r"\b(?:op|bij|to|for|on)\s+(?:welke|which)\s+(?:werk ?processen|work ?processes)\b[^?.!]*"
                     r"\b(?:aanvulling|addition|add-?on|extension)\b|"
                     + AN_ADDITION,
                     folded) is not None and \
        re.search(r"\b(?:inclusief|incl|including|met|with|plus|and|en|ook|also)\s+"
                  r"(?:de\s+|the\s+|hun\s+|their\s+|eventuele\s+|any\s+|alle\s+|all\s+)?"
                  r"(?:profile\s+|profiel\s+)?(?:aanvullingen|aanvullende\s+eisen|additions|extensions|add-?ons)\b",
                  folded) is None


def _own_only(question: str) -> bool:
    return re.search(r"\bprofielspecifiek\w*|\bprofile[- ]specific\b|\beigen werkprocessen\b|\bown work"
                     r"|\beigen\s+kerntaa?k\w*|\bown\s+core\s+tasks?\b"  # "the profile's own core task"
                     r"|\bp-(?:werkprocess\w*|work\s+process\w*|units)\b"  # "alleen de P-werkprocessen"
                     r"|\bprofieldeel\b|\bprofile part\b"
                     r"|\bprofielwerkprocess\w*|\bprofielgebonden\b|\bprofile[- ]bound\b"
                     r"|\b(?:zonder|without|niet|not)\s+(?:het\s+|de\s+|the\s+)?(?:shared\s+|common\s+|gedeelde\s+"
                     r"|gemeenschappelijke\s+)?(?:basisdeel|basis part|core part)\b"
                     r"|\bspecifiek voor\b|\bspecific to\b|\bspecifically for\b"
                     r"|\b(?:alleen|only|just)\s+(?:de|the)\s+specifieke?\b",  # "alleen de specifieke dingen"
                     fold(question)) is not None or EXCLUSIVE_TO.search(question) is not None  # "alleen voor de …"


def _applied(intent: Intent, filters: Filters) -> tuple[tuple[str, str], ...]:
    shown: list[tuple[str, str]] = []
    for entry in narrow_entries(intent.scopes):
        shown.append(("scope", scope_label(entry)))
    for name in ("dossier", "profile", "version", "kind"):
        value = getattr(filters, name)
        if value:
            shown.append((name, value))
    if filters.level is not None:
        shown.append(("level", str(filters.level)))
    return tuple(dict.fromkeys(shown))


def _sorted(items: Sequence[Item]) -> tuple[Item, ...]:
    """Items in document order: per source, version and dossier the basisdeel first, then the profiles in the
    order of their codes (P1, P2, …: "de tweede" is the second the dossier names), then by code."""
    numbers: dict[tuple, int] = {}
    for item in items:
        c = item.chunk
        match = re.match(r"P(\d+)", c.code or "")
        if c.profile and match:
            where = (c.source, c.version, c.profile)
            numbers[where] = min(numbers.get(where, 99), int(match.group(1)))

    def key(item: Item) -> tuple:
        c = item.chunk
        part_rank = {"basisdeel": 0, "aanvulling": 1, "profiel": 1}.get(item.part or "", 2)
        return (c.source, c.version or "", c.dossier or "", part_rank if part_rank == 0 else 1,
                numbers.get((c.source, c.version, c.profile), 99), c.profile or "", _code_key(c.code or ""),
                c.variant or "")

    return tuple(sorted(items, key=key))


# --------------------------------------------------------------------------- lists


def _kerntaak_filter(intent: Intent) -> str | None:
    """A kerntaak code the question narrows to ("onder kerntaak P3-K2", "kerntaak 1"), if any."""
    match = re.search(r"\b([BP][1-9]-K[0-9]+)\b(?!-W)", intent.question, re.IGNORECASE)
    if match:
        return match.group(1).upper()
    number = re.search(r"\b(?:kerntaak|core task)\s+([1-9])\b(?!\s*(?:en|and|,))", intent.question, re.IGNORECASE)
    return f"B1-K{number.group(1)}" if number else None  # "kerntaak 1" of a dossier: its basisdeel's B1-K1


def _added_to(question: str) -> list[str]:
    """The codes whose profile additions are asked ("welke profielen hebben een aanvulling op B1-K1-W5?")."""
    return codes_in(question) if re.search(ADDITIONS_TO_CODE, fold(question)) else []


def list_tree(intent: Intent, library: Library, filters: Filters,
              required: dict[tuple, list[Chunk]] | None = None) -> Reply:
    """Every werkproces (or kerntaak) of the named dossiers/profiles, grouped, basisdeel labelled. For a list of
    profiles asked by what they require, `required` holds their requirement texts (`_requirements_asked`)."""
    kind = intent.kind or filters.kind or WERKPROCES
    added_to = _added_to(intent.question)
    keep = scope_filter(replace(intent, question="") if added_to else intent, filters)  # the additions: every part
    task = _kerntaak_filter(intent)
    items = [Item(u.chunk, u.passage, _part(u.chunk), _lines(u.passage) if kind not in (WERKPROCES, KERNTAAK,
                                                                                      PROFIEL) else ())
             for u in library.units
             if u.chunk.kind == kind and keep(u.chunk)
             and (task is None or (u.chunk.kerntaak_code or (u.chunk.code or "").rsplit("-W", 1)[0]) == task)]
    if added_to:  # "welke profielen hebben een aanvulling op B1-K1-W5?": the profiles' additions to that unit
        items = [i for i in items if i.chunk.variant == "aanvulling" and (i.chunk.code or "").upper() in added_to]
    shared = _shared_by(intent)
    if shared:  # "welke werkprocessen hebben PMK, GPM en OA gemeenschappelijk?": the units every profile has
        items = [i for i in items if all(in_scope(i.chunk, e) for e in shared)]
    at = _programme_levels(intent, library) if kind == WERKPROCES else None
    if at is not None:  # "welke werkprocessen heeft MZ op niveau 3?": the basisdeel and the niveau-3 profiles
        asked = {str(n) for n in intent_levels(intent)}
        items = [i for i in items if i.chunk.profile is None
                 or at.get((i.chunk.dossier, i.chunk.version, fold(i.chunk.profile))) in asked]
    anywhere = _at_programme_level(intent, library) if kind == WERKPROCES and not intent.scopes else None
    if anywhere is not None:  # "welke werkprocessen zijn op niveau 2?", "welke daarvan is op niveau 2?": those of
        items = [i for i in items if anywhere(i.chunk)]  # the programmes at that level
    if kind == PROFIEL:  # one item per profile, not per profile text
        firsts: dict[tuple, Item] = {}
        for item in items:
            c = item.chunk
            firsts.setdefault((c.source, c.dossier, c.version, c.profile), item)
        items = [i for i in firsts.values() if i.chunk.profile]
        levels = {str(n) for n in (*intent.levels, *((filters.level,) if filters.level else ()))}
        if levels:  # "welke daarvan zijn niveau 3?": the profiles at that mbo level
            items = [i for i in items if i.chunk.niveau in levels]
        load = study_load_asked(intent.question)
        if load:  # "which 2015 profiles have 6400 sbu?": the profiles whose text states that study load
            stated = _profile_sbu(library)
            items = [i for i in items if _compares(stated.get(_profile_key(i.chunk)), *load)]
        if required is not None and _NEGATED.search(fold(intent.question)):  # "welke profielen hebben geen
            items = [i for i in items if _profile_key(i.chunk) not in required]  # VOG-eis?": the others
        elif required is not None:  # "voor welke profielen gelden bijzondere vereisten, zoals een VOG?": the profiles
            items = [replace(i, chunk=required[_profile_key(i.chunk)][0],
                             passage="\n".join(c.text for c in required[_profile_key(i.chunk)]),
                             evidence=_requirement_lines(required[_profile_key(i.chunk)]))
                     for i in items if _profile_key(i.chunk) in required]  # whose requirement text says so, shown
        stating = library.sbu_chunks if required is None else {}  # the text that states level, crebo and study load
        if stating:
            items = [replace(i, chunk=stating[_profile_key(i.chunk)]) if _profile_key(i.chunk) in stating else i
                     for i in items]
    reading = read_as(intent) + (_level_phrase(intent) if at is not None or anywhere is not None else "")  # the
    # level filters too: show it
    if added_to:
        reading += READ_AS[intent.lang]["additions_to"].format(codes=", ".join(added_to))
    if shared:
        reading += READ_AS[intent.lang]["in_common"]
    if kind == PROFIEL:
        reading += _load_phrase(intent)
    return Reply(LIST, intent.lang, reading, intent, items=_sorted(items), filters=_applied(intent, filters))


_IN_COMMON = re.compile(r"\b(?:gemeenschappelijk\w*|gemeen|in common|shared?|gedeeld\w*|overlap\w*)\b"
                        r"(?!\s+(?:met|with)\b)")  # not "overlappen met verpleging", "share with the community"
_NEGATED = re.compile(r"\b(?:niet|geen|not|no|without|zonder)\b|n't\b")


def _shared_by(intent: Intent) -> tuple[ScopeEntry, ...]:
    """The profiles whose units in common a list asks for (two or more profiles of one dossier version, and a word
    such as *gemeenschappelijk*, *gemeen*, *in common*, *share*, not negated); ``()`` otherwise."""
    question = fold(intent.question)
    if not _IN_COMMON.search(question) or _NEGATED.search(question):
        return ()  # "welke werkprocessen hebben BG en PBG niet gemeen?": the others
    groups: dict[tuple, list[ScopeEntry]] = {}
    for entry in narrow_entries(intent.scopes):
        groups.setdefault((fold(entry.dossier), entry.version), []).append(entry)
    shared = [g for g in groups.values() if len(g) >= 2 and all(e.profile for e in g)]
    return tuple(shared[0]) if len(shared) == 1 else ()  # PMK, GPM and OA without a year: the one version where
    # they are profiles of one dossier (2015)


_NO_REQUIREMENT = re.compile(r"^\s*vereisten\s*:\s*nee\b|^\s*(?:niet van toepassing|n\.?v\.?t)", re.IGNORECASE)
_STATES_REQUIREMENT = re.compile(r"\bvereist\b|\bverplicht\w*|\bdient\b|\bmoet\b|\bingeent\b|\bingeënt\b"
                                 r"|\bvaccin\w*|\binenting\w*|\boverleggen\b")
_SPECIAL_REQUIREMENTS = re.compile(r"\bbijzondere\s+(?:vereisten|eisen)\b|\bspecial\s+requirements?\b"
                                   r"|\bberoepsvereisten\b|\bprofessional\s+requirements?\b")
_REQUIREMENT_WORDS = re.compile(REQUIREMENT + r"|\bbijzondere\b|\bspecial\b|\bzoals\b|\blike\b|\bsuch\b")
# a foreign language asked as a requirement: SBB's *beroepsspecifieke moderne vreemde talen* gives one line per profile
FOREIGN_LANGUAGE = (r"\bvreemde\s+ta(?:al|len)\b|\bmvt\b|\bforeign\s+languages?\b"
                    r"|\b(?:duits|frans|spaans|german|french|spanish)\b")  # a modern foreign language
_FOREIGN_LANGUAGE = re.compile(rf"{FOREIGN_LANGUAGE}|\btaaleis\w*|\blanguage\s+requirements?\b|\bengels\b"
                               r"|\benglish\b")
_LANGUAGE_WORDS = {"moderne", "modern", "vreemde", "foreign", "taal", "talen", "language", "languages", "mvt",
                   "taaleis", "taaleisen", "requirement", "requirements"}


def _requirements_asked(intent: Intent, library: Library) -> dict[tuple, list[Chunk]] | None:
    """For a list of profiles asked by what they require ("which profiles require a VOG?", "welke profielen hebben
    bijzondere vereisten?"): each profile whose requirement text (SBB's *bijzondere vereisten*) sets one, and that
    names a word of the question's topic when it has one beside the requirement words (its English through the
    glossary) → its requirement texts. None when no requirement is asked, or none of those texts names the topic."""
    question = fold(intent.question)
    if not re.search(REQUIREMENT, question):
        return None
    words = [w for w in re.findall(r"[^\W\d_]{2,}", fold(_REQUIREMENT_WORDS.sub(" ", fold(intent.topic or ""))))
             if w not in STOPWORDS]
    language = _FOREIGN_LANGUAGE.search(question) is not None
    if language:  # "welke profielen hebben een eis voor een moderne vreemde taal?": the profiles' own language lines
        words = [w for w in words if w not in _LANGUAGE_WORDS]
    if not words and not _SPECIAL_REQUIREMENTS.search(question) and not language \
            and not re.search(r"\beis(?:en)?\b", question):
        return None  # "voor welke profielen is een stage verplicht?", "which profiles require level 4?": no word of
        # the requirement texts asked
    dutch = [w for phrase in glossary.expand(intent.question) for w in fold(phrase).split()]
    texts: dict[tuple, list[Chunk]] = {}
    if language:  # its own line, not SBB's other special requirements
        texts = {key: [line] for key, line in library.language_lines.items()}
    for chunk in library.chunks if not language else ():
        if chunk.kind == "beroepsvereisten" and chunk.profile and not _NO_REQUIREMENT.search(chunk.text):
            texts.setdefault(_profile_key(chunk), []).append(chunk)
    found = {key: chunks for key, chunks in texts.items()
             if not words or any(re.search(rf"\b{re.escape(w)}", fold(" ".join(c.text for c in chunks)))
                                 for w in (*words, *dutch))}
    return found if found or not words else None  # "which of those requires a modern foreign language?": not one
    # of SBB's special requirements, another question


def _requirement_lines(chunks: Sequence[Chunk]) -> tuple[str, ...]:
    """The sentences of the requirement texts that state a requirement (the first of each text, and each that
    names a document, a vaccination or an obligation), without SBB's labels ("Vereisten: Ja", "Toelichting:")."""
    lines = []
    for chunk in chunks:
        text = re.sub(r"^\s*vereisten\s*:\s*ja\s*|\btoelichting\s*:\s*", " ", chunk.text, flags=re.IGNORECASE)
        sentences = split_sentences(" ".join(text.split()))
        lines.extend(s for n, s in enumerate(sentences) if n == 0 or _STATES_REQUIREMENT.search(fold(s)))
    return tuple(dict.fromkeys(lines))[:4]


def _lines(passage: str) -> tuple[str, ...]:
    """The list lines of a passage ("- Maatschappelijk werk")."""
    return tuple(line.strip().lstrip("-•\ufffd").strip() for line in passage.splitlines()
                 if line.strip().startswith(("-", "•", "\ufffd")))


def coordinated(tokens: Sequence[str], lang: str) -> list[list[str]]:
    """The theme's word slots: each word its own slot, except a last pair or list of words coordinated by "or"
    (Dutch "of") or a slash, which share one ("work , school or leisure" → [work, school, leisure]). A
    coordination that more words follow ("privacy or confidential information") is read word by word, as are
    commas alone, unless three words or more in a comma run end the theme ("household, cleaning, washing")."""
    joins = {"or", "of", "/"} if lang == "nl" else {"or", "/"}
    slots: list[list[str]] = []
    run: list[int] = []  # the slots a comma run holds so far: "work , school"
    after_word = pending = comma = False
    for i, token in enumerate(tokens):
        if i == len(tokens) - 1 and comma and run and token not in COORDINATION:
            pending = True  # three words or more in a comma run that ends the theme ("household , cleaning ,
            # washing"): listed as alternatives, one slot
        if token in joins and after_word:
            ahead = tokens[i + 1:i + 3]
            pending = bool(ahead) and ahead[0] not in COORDINATION and (len(ahead) < 2 or ahead[1] in COORDINATION)
            after_word = False
        elif token in COORDINATION:
            comma = token == "," and after_word
            run = run if comma else []
            after_word = pending = False
        else:
            if pending:
                merged = [word for index in run for word in slots[index]] + slots[-1] + [token]
                slots = [slot for index, slot in enumerate(slots[:-1]) if index not in run] + [merged]
                run = []
            else:
                run = [*run, len(slots) - 1] if comma and slots else []
                slots.append([token])
            after_word, pending, comma = True, False, False
    return slots


def _alternatives(topic: str, phrase: str) -> list[str]:
    """The theme's alternatives: a bracketed aside beside the words around it ("leisure (dagbesteding)"). The
    phrase (the topic with its marks) when it holds the topic's words, else the topic itself."""
    plain = " ".join(w for w in phrase.split() if w not in COORDINATION)
    if phrase and set(plain.split()) == set(topic.split()) - {"or", "of"}:
        outside = re.sub(r"\([^()]*\)?", " ", phrase)
        inside = re.findall(r"\(([^()]*)\)?", phrase)
        return [a for a in (outside, *inside) if a.strip(" ,()")]
    return [a for a in re.split(r"[()]|\s+or\s+|\s+of\s+(?=\w+\s*$)", topic) if a and a.strip()]


def core_words(topic: str, library: Library, phrase: str = "", lang: str = "nl",
               split: bool = True, question: str = "") -> list[list[tuple[str, ...]]]:
    """The theme's alternatives ("X (Y)"), each a list of word slots that must all occur, each slot as the
    stems that stand for it: a Dutch word itself, an English word its glossary translation; words joined by
    "or" share a slot. With ``split``, noun phrases joined by "or" (:func:`disjuncts`) are alternatives of
    their own."""
    result = []
    alternatives = _alternatives(topic, phrase)
    glossed = len(alternatives) == 2 and re.fullmatch(r"[^()]*\([^()]*\)\s*", phrase or "") is not None \
        and bool(_slots(alternatives[1], library, lang))
    for index, alternative in enumerate(alternatives):
        parts = disjuncts(alternative, lang, question) if split else [alternative]
        if glossed and index == 0 and (_lost_word(parts[-1], library) or (len(parts) >= 2 and " " not in parts[-1])):
            parts = parts[:-1]  # "…, child abuse or the reporting code (meldcode)": the aside glosses the last part,
            # which lost a word (*code*) or is one word ("multidisciplinary teams or meetings (multidisciplinair)")
        for part in parts:
            words = _slots(part, library, lang)
            if words:
                result.append(words)
    return result


def _lost_word(part: str, library: Library) -> bool:
    """Whether a theme part holds a content word that stands for nothing the sources hold (no stop word, name or
    question word): *code* in "the reporting code"."""
    return any(t not in STOPWORDS and t not in library.name_words and t not in question_words()
               and not _word_stems(t, library) for t in re.findall(r"[^\W\d_]{4,}", part.lower()))


def disjuncts(alternative: str, lang: str = "nl", question: str = "") -> list[str]:
    """The noun phrases of a theme joined by "or"/"of" (and commas before it) when one of them has several words:
    "aggression or crisis situations" → aggression | crisis situations, "voeding, maaltijden of eten drinken" →
    voeding | maaltijden | eten drinken. Single words joined by "or" stay one slot ("parents or carers"). In an
    English question *of* is no "or" ("signals of child abuse, domestic violence or sexual abuse"), and a last
    part's "of …" is the single words' too ("wishes or needs of parents"), and so is a Dutch last part's "van …" in
    the ``question`` ("de begeleiding of inzet van vrijwilligers": both of volunteers)."""
    text = alternative.lower()
    left, slash, right = text.rpartition(" / ")
    if slash and left.strip() and len(right.split()) >= 2:  # "signalen kindermishandeling / huiselijk geweld": a
        return [*disjuncts(left, lang), right.strip()]  # phrase of its own after the slash ("team / overleg": a slot)
    joint = r"\bor\b" if lang == "en" else r"\bor\b|\bof\b"
    if not re.search(joint, text):
        return [alternative]
    parts = [p.strip() for p in re.split(rf"\s*(?:,|{joint})\s*", text)]
    if len(parts) >= 2 and all(parts) and any(len(p.split()) >= 2 for p in parts):
        shared = re.search(r"\s(of\s.+)$", parts[-1]) if lang == "en" else None
        if shared:  # "wishes or needs of parents": the single words are of parents too
            parts = [f"{p} {shared.group(1)}" if len(p.split()) == 1 else p for p in parts]
        elif lang != "en" and _of_the_same(parts, question):
            parts = [f"{p} {' '.join(parts[-1].split()[1:])}" if len(p.split()) == 1 else p for p in parts]
        after, before = _shared_object(parts[-1], lang), _object_before(parts[0], lang)
        if after or before:  # "checking, registering or administering medicines", "medicijnen controleren,
            # registreren of toedienen": each verb acts on the medicines
            parts = [" ".join(w for w in (before, p, after) if w) if _bare_verb(p, lang) else p for p in parts]
        return parts
    return [alternative]


def _of_the_same(parts: list[str], question: str) -> bool:
    """Whether the question says the last two parts of "A of B C" as "A of B van C": C belongs to both."""
    last, before = parts[-1].split(), parts[-2].split()
    if len(last) < 2 or len(before) != 1:
        return False
    pattern = (rf"\b{re.escape(before[0])}\s+of\s+{re.escape(last[0])}\s+van\s+(?:de\s+|het\s+|een\s+)?"
               rf"{re.escape(last[1])}\b")
    return re.search(pattern, question.lower()) is not None


VERB_IN_USE = 2.0  # wordfreq's Zipf scale: a third person this common is a verb's ("evalueert" 2.4)


def _bare_verb(part: str, lang: str) -> bool:
    """A part that is one verb: an English gerund ("registering"), a Dutch infinitive whose third person is a
    Dutch word in use ("registreren": *registreert*; a plural noun has none: "kinderen", "jongeren")."""
    from assistant.spelling import is_word
    from assistant.themes.words import verb_forms

    if len(part.split()) != 1 or len(part) < 6:
        return False
    if lang == "en":
        return part.endswith("ing")
    return part.endswith("en") and any(
        is_word(form, "nl", VERB_IN_USE) for form in verb_forms(part)
        if form.endswith("t") and not form.startswith("ge") and form != part[:-2])


def _shared_object(last: str, lang: str) -> str:
    """What the last of coordinated verbs acts on, which the bare verbs before it share: "administering medicines"
    → "medicines", "toedienen medicijnen" (the topic without *van*) → "medicijnen"; else ""."""
    words = last.split()
    return " ".join(words[1:]) if len(words) >= 2 and _bare_verb(words[0], lang) else ""


def _object_before(first: str, lang: str) -> str:
    """In Dutch, what the first of coordinated verbs acts on when it comes before it: "medicijnen controleren" →
    "medicijnen"; else ""."""
    words = first.split()
    return " ".join(words[:-1]) if lang == "nl" and len(words) >= 2 and _bare_verb(words[-1], lang) else ""


def _slots(alternative: str, library: Library, lang: str) -> list[tuple[str, ...]]:
    """The word slots of one alternative (see :func:`core_words`)."""
    from assistant.glossary import GLOSSARY

    text = alternative.lower()
    words: list[tuple[str, ...]] = []
    for key in sorted((k for k in GLOSSARY if " " in k), key=len, reverse=True):
        if re.search(rf"\b{re.escape(key)}\b", text):
            words.extend(_phrase_slots(key, GLOSSARY[key].split(), library))
            text = re.sub(rf"\b{re.escape(key)}\b", " ", text)
    tokens = re.findall(r"[^\W\d_]{3,}|\b(?:or|of)\b|[(),/]", text)
    for slot in coordinated(tokens, lang):
        members = [stems for stems in (_word_stems(word, library) for word in slot) if stems]
        common = [m for m in members if library.vocab.share(m[0]) >= evidence.GENERIC_SHARE]
        if len(members) > 1 and common:  # "collega's of stagiaires": a common word in it stands apart (the list
            words.extend(tuple(stems) for stems in common)  # leaves it out); the others stay one slot
            rest = [m for m in members if m not in common]  # ("geld, budget of financiën": budget or financiën)
            if rest:
                words.append(tuple(dict.fromkeys(stem for stems in rest for stem in stems)))
        elif members:
            words.append(tuple(dict.fromkeys(stem for stems in members for stem in stems)))
    return words


def _phrase_slots(english: str, dutch: list[str], library: Library) -> list[tuple[str, ...]]:
    """The slots of an English phrase the glossary translates: its leading Dutch words that stand side by side in
    the sources, one slot each ("domestic violence": *huiselijk*, *geweld*); else one slot of all its Dutch words
    ("child abuse": *kindermishandeling* or *meldcode*, not both)."""
    n = 1
    while n < min(len(english.split()), len(dutch)) and f"{dutch[n - 1]} {dutch[n]}" in library.word_pairs:
        n += 1
    if n > 1:
        return [(s,) for s in _stems(dutch[:n])]
    return [tuple(dict.fromkeys(_stems(dutch)))]


def _word_stems(word: str, library: Library) -> list[str]:
    """The stems that stand for one theme word (none for a stop word, a name or a word the sources cannot
    hold, such as "deal")."""
    from assistant.glossary import GLOSSARY

    if word in STOPWORDS or word in library.scope_name_words:
        return []  # a word of an SBB competence's title is a theme word too ("rapporteren", "materialen")
    if word not in library.words:  # typed without its diacritic: "coordinerende"
        word = library.accented.get(word, word)
    held = word in library.words or word in GLOSSARY
    near = None if held else evidence.cognate(word, library.vocab)  # "technology": "technologie"
    if not held and not near and not _compound_known(word, library):
        return []
    forms = [near] if near else [word] if word in library.words or word not in GLOSSARY else []
    if word in GLOSSARY:
        forms.append(GLOSSARY[word].split()[0])
    # the verb of a noun and back, also of the word as asked (*observatie*, held only as *observaties*:
    # *observeert*); a common noun stays as it is
    forms += [other for form in dict.fromkeys([*forms, word]) if library.vocab.share(_stems([form])[0])
              < evidence.GENERIC_SHARE for other in (*_noun_verb(fold(form)), *(
                  library.accented.get(a, a) for a in ie_adjective(fold_accents(form)))) if other in library.words]
    return list(dict.fromkeys(fold(form) if _stem_is_other(fold(form), library) else _stems([form])[0]
                              for form in forms))


def _stem_is_other(word: str, library: Library) -> bool:
    """Whether a word's stem is mostly another noun's (*ouderen* the elderly → *ouder*, the stem of *ouders*
    parents, which more units hold): such a word stands for itself. A plural in -s keeps its stem (*ouders*:
    *oudergesprekken* is about parents), and so does a word more common than the other (*anderen*, *anders*)."""
    other = [o for o in other_plural(word, library.words) if o.endswith("s")] if not word.endswith("s") else []
    return bool(other) and max(_units_with(o, library) for o in other) > _units_with(word, library)


def _units_with(word: str, library: Library) -> int:
    """How many units hold the word as a word of its own."""
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    return sum(1 for text in library.unit_texts if pattern.search(text))


def _noun_verb(word: str) -> list[str]:
    """The verb of a Dutch noun in -atie or -age and the nouns of a verb in -eren (*evaluatie* ↔ *evalueren*,
    *rapportage* ↔ *rapporteren*): the stemmer keeps them apart, a theme means both. The caller keeps only the
    forms the sources hold."""
    word = word[:-1] if word.endswith(("aties", "ages")) else word  # a plural: *observaties*
    for noun in ("atie", "age"):
        if word.endswith(noun) and len(word) > 6:
            return [word[:-len(noun)] + "eren", word[:-len(noun)] + "eert"]
    for verb in ("eren", "eert"):
        if word.endswith(verb) and len(word) > 6:
            return [word[:-4] + "atie", word[:-4] + "age", *([word[:-4] + "eren"] if verb == "eert" else [])]
    return []


def _stems(words: Sequence[str]) -> list[str]:
    found = []
    for word in words:
        stem = (tokenize(word) or [fold(word)])[0]
        found.append(fold(stem if len(stem) >= 4 else word))
    return list(dict.fromkeys(found))


def coverage(words: list[tuple[str, ...]], text: str, terms: Sequence[str]) -> float:
    """The share of the theme's words that occur in a unit's text or its matched terms."""
    from assistant.themescan import fold as fold_accents

    haystack = fold_accents(text)
    matched = [fold_accents(t) for t in terms]
    found = sum(1 for forms in words if any(f in haystack or any(f in t for t in matched)
                                            for stem in forms for f in map(fold_accents, written_forms(stem))))
    return found / len(words) if words else 0.0


def _as_asked(stems: Sequence[str], question: str) -> tuple[str, ...]:
    """Each stem as the question wrote the word (*taalontwikkel* → *taalontwikkeling*, *dementie* → *dementia*), or
    with the English word the glossary took it from (*ouderen (elderly)*)."""
    from assistant.glossary import spans
    from assistant.themes.words import fold as fold_accents

    written = re.findall(r"[^\W\d_]+", question)
    translated = {dutch: question[start:end] for start, end, value in spans(question) for dutch in value.split()}

    def asked(stem: str) -> str:
        typed = next((w for w in written if fold_accents(w).startswith(stem[:ALIKE])), None)
        english = next((e for d, e in translated.items() if d.startswith(stem)), None)
        return typed or (f"{stem} ({english})" if english else stem)  # "the elderly": *ouderen (elderly)*

    return tuple(dict.fromkeys(asked(s) for s in stems))


def _absent_theme(intent: Intent, alternatives: list[list[tuple[str, ...]]], library: Library,
                  keep) -> tuple[str, ...]:
    """The theme's rare words as asked, when it has a common word beside them ("clients") and none of them (or none
    of those after *met*/*with*: "mensen met dementie") stands in a werkproces of the scope, neither as written nor
    as a word the scan expands it to that starts alike (*medicatie* finds *medicijnen*, *facility*
    *faciliteiten*; a neighbour in meaning only, *ziekte* for *dementie*, is no evidence); else ``()``. A theme
    of rare words alone ("ouderen") counts when the sources hold its words outside the werkprocessen and they
    name no competence; else it is ranked, as before."""
    rare = [w for words in alternatives for w in words if min(map(library.vocab.share, w)) < COMMON_SHARE]
    common = len(rare) < sum(len(words) for words in alternatives)  # "clients" beside "dementia"
    absent = _absent(rare, library, keep)
    qualified = _qualifies(absent, intent.question, (intent.topic or "").split()) if absent else False
    if not rare or not absent or (len(absent) < len(rare) and not qualified):
        return ()
    asked = _as_asked(absent, f"{intent.topic or ''} {intent.question}")  # the theme's word before the asker's own
    held = library.words - library.name_words  # ("… ons mantelzorgbeleid … mantelzorgers"): *mantelzorgers*
    if not common and (intent.competences or unknown_words(intent.topic or "", library)
                       or not all(any(w.startswith(stem) for w in held) for stem in absent)):
        return ()  # rare words alone: only words the sources hold elsewhere (no typo, no competence's name, and no
        # word beside them that the sources lack: "rapporteren via een app" is ranked)
    for word in (*asked, *absent):
        try:
            found = links.theme_units(library.index, word)
        except ValueError:
            continue
        start = fold(word)[:ALIKE]
        if any(u.chunk.kind == WERKPROCES and keep(u.chunk) and any(fold(t).startswith(start) for t in u.terms)
               for u in found):
            return ()
    return asked


def _qualifies(absent: list[str], question: str, topic_words: list[str]) -> bool:
    """Whether every absent word qualifies a theme word after *met*/*with* ("mensen met dementie", "overleg met de
    logopedist", "clients with autism"; not a verb's *with*: "deal with supervising"): then the theme asked is
    absent, whatever the words before it find."""
    folded = fold(question)
    topic = set(topic_words)
    return all(any(m.group(1) in topic for m in re.finditer(
        rf"([\w'’-]+)\s+(?:met|with)\s+(?:[\w'’-]+\s+){{0,2}}?{re.escape(fold(word.split()[0])[:ALIKE])}", folded))
        for word in _as_asked(absent, question))


def _absent(words: list[tuple[str, ...]], library: Library, keep) -> list[str]:
    """The words of a theme (each with all its forms) that stand in no werkproces of the scope."""
    texts = [f"{u.chunk.title or ''} {u.passage}" for u in library.units if u.chunk.kind == WERKPROCES
             and keep(u.chunk)]
    stems = set().union(*(tokenize(text) for text in texts)) if texts else set()
    return [forms[0] for forms in words
            if not set(forms) & stems and not any(coverage([forms], text, ()) for text in texts)]


def _narrowed(tree: Reply, intent: Intent, library: Library, filters: Filters) -> Reply:
    """A scope's tree narrowed to a theme the question names without a theme cue ("which MZ work processes support
    clients with … (dagbesteding)"): the units that hold the theme's specific words, when some but not all do."""
    topic = re.sub(r"\b[bp][1-9]-k[0-9]+\b", " ", intent.topic or "", flags=re.IGNORECASE).strip()
    named = [w for e in intent.scopes for w in re.findall(r"[^\W\d_]{5,}", fold(f"{e.dossier} {e.profile or ''}"))]
    topic = " ".join(w for w in topic.split() if not any(_name_form(fold(w), n) for n in named))  # "stage bij
    # thuisbegeleiding. welke wp heeft de thuisbegeleider?": the scope's own name is no theme of its tree
    titles = bool(topic) and _TITLE_ASKED.search(fold(intent.question)) is not None  # "… titles containing
    if not titles and not any(library.vocab.share(s) < COMMON_SHARE for s in _stems(topic.split())):  # begeleiding"
        return tree  # no theme, only common words ("… allemaal? Ik wil een toetsmatrix maken": not *maken*)
    narrowed = list_where(replace(intent, mode=WHERE, topic=topic), library, filters, strict=True)
    return narrowed if narrowed.items and len(narrowed.items) < len(tree.items) else tree


def _name_form(word: str, name: str) -> bool:
    """The word is a form of a name's word: it shares all but its last letters with it (*thuisbegeleiding*,
    *thuisbegeleider*: 13 of 15)."""
    shared = shared_start(word, name)
    return shared >= 5 and shared >= 0.8 * min(len(word), len(name))


# a list asked of the titles only: "… 'evalueert' in de titel?", "which work processes are titled …", "(titel)",
# "every work process called 'Voert coördinerende taken uit'", "waar komt het werkproces 'Evalueert …' voor?";
# not "met titel" (show the titles) nor "in the title or the description"
_TITLE_ASKED = re.compile(r"(?:\bin\s+(?:de|het|hun|zijn|haar|the|their|its)?\s*tit(?:el|le)s?\b|\btitled\b|"
                          + TITLE_HOLDS
                          + r"|\btit(?:el|le)s?\s+(?:bedoel ik|i mean|only|alleen)\b|\(tit(?:el|le)\)"
                          r"|\b(?:called|named|heten|heet|genaamd)\s+['\"“‘]"
                          r"|\b(?:het|the)\s+(?:werk ?proces|work ?process)\s+['\"“‘])"
                          r"(?!\s*(?:,\s*)?(?:of|or|en|and)\b)")


# an abbreviation and the words it stands for ("VVE (voor- en vroegschoolse educatie)", "VVE / voor- en …", "BHV:
# bedrijfshulpverlening"): the group of words after it, up to a mark
_SPELLED_OUT = re.compile(r"\b([A-Z]{2,6})\b\s*(?:[/,:=(]|-\s)\s*([^/,:;()?.!]+)")


def spelled_out(question: str, topic: str) -> str | None:
    """The theme as an abbreviation with its words in brackets ("vve ( vroegschoolse educatie )"), when the
    question spells an abbreviation out by the initials of the words after it and the theme is just those: the
    abbreviation and its words are then alternatives (:func:`_alternatives`), not one concept of all of them."""
    words = topic.split()
    for match in _SPELLED_OUT.finditer(question):
        short = match.group(1).lower()
        typed = [w for w in re.findall(r"[^\W\d_]+", match.group(2).lower()) if w not in ("en", "of", "and", "or")]
        if "".join(w[0] for w in typed[:len(short)]) != short or short not in words:
            continue
        spelled = [w for w in words if w != short]
        if spelled and all(any(t.startswith(w[:4]) for t in typed[:len(short)]) for w in spelled):
            return f"{short} ( {' '.join(spelled)} )"
    return None


# a where-list with this many core units or more names its units that mention the theme only in passing apart,
# below the list (chosen on the tune splits: micro precision 0.837 → 0.882, recall 0.898 → 0.881 over their 997
# where-questions; with 3: 0.886 / 0.873; always: 0.889 / 0.853; never: 0.837 / 0.898)
PASSING_APART = 5
ZIJDELINGS = "zijdelings"  # an item's note when its unit names the theme only in passing (the theme scan's tier)


def list_where(intent: Intent, library: Library, filters: Filters, strict: bool = False) -> Reply:
    """Every unit of the scope where the theme occurs (:func:`_list_where`); noun phrases joined by "or" are read
    apart first, and together when apart they find nothing ("involve parents or keep them informed"). Beside
    :data:`PASSING_APART` core units or more, the units that name the theme only in passing are named apart."""
    literal = _literal_list(intent, library, filters)
    if literal is not None:  # "in welke wp's komt het woord planning voor?": where it is written, compounds too
        return literal
    apart = _compounds_apart(intent.topic or "", library)
    if apart != intent.topic:  # "huiswerkbegeleiding", which no unit writes: where its parts stand ("begeleidt
        intent = replace(intent, topic=apart, phrase=_compounds_apart(intent.phrase or "", library))  # … huiswerk")
    glossed = spelled_out(intent.question, intent.topic or "")
    theme = intent.topic or ""
    if glossed:  # the abbreviation and its words scanned as two phrases, not one concept of all their words
        intent = replace(intent, phrase=glossed)
        theme = ", ".join(" ".join(a.strip(" ,()").split()) for a in _alternatives(theme, glossed))
    reply = _list_where(intent, library, filters, strict, split=True, theme=theme)
    split = any(len(disjuncts(a, intent.lang)) > 1 for a in _alternatives(intent.topic or "", intent.phrase or ""))
    if not reply.items and split:
        reply = _list_where(intent, library, filters, strict, split=False, theme=theme)
    own = _own_term(intent, library) if not reply.items else ""
    if own:  # "… help clients keep control (regie) over their own life?": nothing for the English words, so the
        asked = replace(intent, topic=own, phrase=own)  # asker's own Dutch term
        again = _list_where(asked, library, filters, strict, split=True, theme=own)
        reply = replace(again, intent=intent) if again.items else reply
    if intent.apart:  # "personal care like bathing, dressing, …": the units of the theme alone join those of all
        theme_alone = _list_where(replace(intent, topic=intent.apart[0], phrase=intent.apart[1], apart=()), library,
                                  filters, strict, split=True, theme=intent.apart[0])  # its words
        reply = _joined(reply, theme_alone)
    return _passing_apart(reply)


# a word or term asked as written ("komt het woord planning voor?", "where is the term 'plan van aanpak' used?",
# "waar komt de term eigen kracht voor?"), not a theme, nor an idiom ("het woord geven aan de cliënt"): quoted, or
# one to three words before where it occurs, in a question that asks where it stands
_WORD_ASKED = re.compile(r"\b(?:het\s+woord(?:je)?|de\s+term|the\s+(?:word|term))\s+(?:['\"‘“]([^'\"’”]{2,40})['\"’”]"
                         r"|([^\W\d_][\w-]+(?:\s+[^\W\d_][\w-]+){0,2}?)(?=\s+(?:(?P<voor>voor)|in|bij|op|used|occurs?"
                         r"|appears?|mentioned|comes?|staat|staan|terug|ergens|ook|nog|wel|anywhere|somewhere|also"
                         r"|genoemd|vermeld|gebruikt)\b|\s*[?.!,]|\s*$))", re.IGNORECASE)
_WHERE_WRITTEN = re.compile(r"\b(?:voor|voorkomt|voorkomen|staat|staan|genoemd|noemt|noemen|gebruikt|vermeld\w*"
                            r"|occurs?|occurring|appears?|appearing|used|mention\w*|come\s+up|comes\s+up|found"
                            r"|contains?|terug)\b", re.IGNORECASE)


def _literal_list(intent: Intent, library: Library, filters: Filters) -> Reply | None:
    """Every unit in scope whose title or text holds the word the question asks for as written, inside a compound
    too ("planning": *werkplanning*), with the sentences that hold it; None when no word is asked so."""
    match = _WORD_ASKED.search(intent.question)
    if match is None or not _WHERE_WRITTEN.search(f"{intent.question[:match.start()]} {intent.question[match.end():]}"):
        return None
    if match.group("voor") and not re.search(r"\b(?:komt|komen|kwam|kwamen)\b", intent.question, re.IGNORECASE):
        return None  # "voor" closes the word only in "komt het woord X voor" ("het woord voeren voor de groep": idiom)
    said = " ".join((match.group(1) or match.group(2)).split())
    first = said.split()[0].lower()
    if first in STOPWORDS or (len(said.split()) == 1 and first in question_words()):
        return None  # "het woord van de cliënt", "de term die …": no word asked
    word = fold_accents(said.lower())
    kind = intent.kind or filters.kind or WERKPROCES
    kinds = {WERKPROCES if kind == PROFIEL else kind}
    keep = scope_filter(intent, filters)
    items = []
    for unit in library.units:
        if unit.chunk.kind not in kinds or not keep(unit.chunk):
            continue
        sentences = [s for s in split_sentences(f"{unit.chunk.title or ''}\n{unit.passage}")
                     if word in fold_accents(s.lower())]
        if sentences:
            items.append(Item(unit.chunk, unit.passage, _part(unit.chunk), tuple(sentences[:2])))
    asked = replace(intent, topic=said, phrase=said)
    return Reply(LIST, intent.lang, read_as(asked), asked, items=_sorted(items), filters=_applied(intent, filters))


def _joined(reply: Reply, other: Reply) -> Reply:
    """``reply`` with the core units of ``other`` it lacks, in the list's order (a unit core in either is core);
    ``other`` when ``reply`` lists none. A unit that names the theme alone only in passing adds nothing ("nursing-type
    tasks" alone names *taken* in passing in most units)."""
    core = [i for i in other.items if i.note != ZIJDELINGS]
    if not core:
        return reply
    if not reply.items:
        return replace(other, intent=reply.intent, read_as=reply.read_as)
    items: dict[str, Item] = {}
    for item in (*reply.items, *core):  # the first reply's where both list a unit, unless only in passing
        if item.ref not in items or (items[item.ref].note == ZIJDELINGS and item.note != ZIJDELINGS):
            items[item.ref] = item
    return replace(reply, items=_sorted(list(items.values())))


def _own_term(intent: Intent, library: Library) -> str:
    """The Dutch term an English question gives in brackets ("keep control (regie)"), when all its words are the
    corpus's; else ``""``."""
    if intent.lang != "en":
        return ""
    for aside in re.findall(r"\(([^()]{2,40})\)", intent.question):
        words = re.findall(r"[^\W\d_]+", fold(aside))
        if 0 < len(words) <= 3 and all(w in library.words for w in words) and any(
                w in fold(intent.topic or "") for w in words):
            return " ".join(words)
    return ""


def _passing_apart(reply: Reply) -> Reply:
    """The reply with its units named only in passing moved from ``items`` to ``passing``, when
    :data:`PASSING_APART` or more core units remain; else unchanged."""
    core = tuple(i for i in reply.items if i.note != ZIJDELINGS)
    if len(core) < PASSING_APART or len(core) == len(reply.items):
        return reply
    return replace(reply, items=core, passing=tuple(i for i in reply.items if i.note == ZIJDELINGS))


def _list_where(intent: Intent, library: Library, filters: Filters, strict: bool, split: bool,
                theme: str = "") -> Reply:
    """Every unit of the scope where the theme occurs, with the sentences that carry it: the units that hold all
    its specific words, those fewer than :data:`evidence.GENERIC_SHARE` of the units hold ("persoonlijk
    ontwikkelplan maken": not *maken*), or those of one alternative. When no unit has them all, the units that
    have the most of all its words."""
    kind = intent.kind or filters.kind or WERKPROCES
    kinds = {WERKPROCES if kind == PROFIEL else kind}  # "bij welke profielen …": their werkprocessen, per profile
    keep = scope_filter(intent, filters)
    at = _at_programme_level(intent, library)
    if at is not None:  # "… gaan over evalueren", then "alleen niveau 2": the units of niveau-2 programmes
        keep = _both(keep, at)
    level = _level_phrase(intent) if at is not None else ""
    scanned = re.sub(r"[^\W\d_]+", lambda m: library.accented.get(m.group(0), m.group(0)), theme or intent.topic)
    try:  # a word typed without its diacritic scanned as the corpus writes it (*coordinerende*: *coördinerende*)
        found = links.theme_units(library.index, scanned)
    except ValueError:
        found = ()
    alternatives = core_words(intent.topic, library, intent.phrase, intent.lang, split, intent.question)
    specific = [[w for w in words if min(library.vocab.share(f) for f in w) < evidence.GENERIC_SHARE]
                for words in alternatives]
    if any(specific):  # an alternative of common words only ("cliënt") would list half the corpus
        alternatives = [words for words, own in zip(alternatives, specific, strict=True) if own]
        specific = [own for own in specific if own]
    elif strict:
        specific = alternatives  # narrowing a tree by common words only ("ouders"): a unit must hold them all
    scored: dict[str, tuple[float, Item]] = {}
    full: dict[str, Item] = {}
    titled: dict[str, Item] = {}  # "welke werkprocessen hebben 'evalueert' in de titel?": in the title itself
    for unit in found:
        for chunk in (unit.chunk, *unit.also):
            if chunk.kind not in kinds or not keep(chunk):
                continue
            passage = chunk.passage or chunk.text
            text = f"{chunk.title or ''} {passage}"
            share = max((coverage(words, text, unit.terms) for words in alternatives), default=1.0)
            item = Item(chunk, passage, _part(chunk), unit.sentences[:2], unit.strength)
            if item.ref not in scored or scored[item.ref][0] < share:
                scored[item.ref] = (share, item)
            if any(words and coverage(words, text, ()) >= 1.0 for words in specific):
                full[item.ref] = item
                if any(words and coverage(words, chunk.title or "", ()) >= 1.0 for words in specific):
                    titled[item.ref] = item
    in_titles = bool(titled) and _TITLE_ASKED.search(fold(intent.question)) is not None
    if in_titles:
        full = titled
    if full or strict:
        return Reply(LIST, intent.lang, read_as(intent, titled=in_titles) + level, intent,
                     items=_sorted(list(full.values())), filters=_applied(intent, filters))
    absent = _absent_theme(intent, alternatives, library, keep) if intent.kind == WERKPROCES else ()
    if absent:  # "clients with dementia": no werkproces in scope holds "dementia", the clients are no answer
        return Reply(LIST, intent.lang, read_as(intent) + level, intent, details=absent,
                     filters=_applied(intent, filters))
    best = max((share for share, _ in scored.values()), default=0.0)
    floor = 1.0 if best >= 1.0 else best
    items = [item for share, item in scored.values() if share >= floor and share > 0]
    return Reply(LIST, intent.lang, read_as(intent) + level, intent, items=_sorted(items),
                 filters=_applied(intent, filters))


# --------------------------------------------------------------------------- facts of a qualification

# a qualification's facts that the curriculum model holds, and how a question asks for them
DURATION = (r"\bhow\s+long\b|\bhoe\s+lang\s+duurt\b|\bhow\s+many\s+(?:study\s+)?hours\b"
            r"|\bhoeveel\s+(?:uur|uren)\s+(?:duurt|is|heeft)\b")  # a length, as sbu only when it is the programme's
FACTS = {"crebo": re.compile(rf"(?!{CREBO_GIVEN})\bcrebo\w*"),  # not "(crebo 25479)": given, not asked
         "niveau": re.compile(r"\b(?:op\s+)?welke?\s+(?:mbo[- ]?)?niveaus?\b|\b(?:what|which)\s+(?:mbo\s+)?levels?\b"
                              r"|\bniveau\s+(?:is|heeft|hebben|zijn)\b|\bhet\s+(?:mbo[- ]?)?niveau\s+van\b"
                              r"|\bthe\s+(?:mbo\s+)?level\s+of\b"),
         "sbu": re.compile(r"\bsbu\b|\bstudiebelasting\w*|\bstudielast\w*|\bstudy\s+(?:load(?:\s+hours)?|hours)\b"
                           rf"|\bstudie-?uren\b|{DURATION}"),
         "soort": re.compile(r"\b(?:welke|wat\s+voor)\s+soort\s+opleiding\s+(?:is|zijn)\b|\bopleidingssoort\b"
                             r"|\bsoort\s+opleiding\s+(?:van|is|zijn)\b|\bwhat\s+(?:type|kind)\s+of\s+(?:programme|program"
                             r"|qualification|training|course)\s+(?:is|are)\b"
                             r"|\b(?:type|kind)\s+of\s+(?:programme|program|qualification|training|course)\s+of\b"
                             r"|\b(?:een|a)\s+(?:vakopleiding|middenkaderopleiding|basisberoepsopleiding|specialistenopleiding)"
                             r"\s*(?:\?|\bof\b|\bor\b)")}
_SOORT = re.compile(r"Soort opleiding\s*:\s*([^\n]+)", re.IGNORECASE)  # a profile text's "Opleiding:" part
_DURATION = re.compile(DURATION)
_COMPETENCE_PROFILE = re.compile(r"\bcompeten\w*[\s-]?profiel\w*|\bcompeten\w*\s+profiles?\b")  # its kind, no name
_ADOPTION_ASKED = re.compile(r"\bvastgesteld\b|\bvaststelling\w*|\badopted\b|\badoption\b")  # when and by whom
_SBU = re.compile(r"Studiebelastingsuren\s*\(SBU\)\s*:\s*(\d+)", re.IGNORECASE)  # a profile text's "Opleiding:" part


def adoption_asked(intent: Intent) -> bool:
    """The question asks when or by whom a dossier was adopted, and nothing else ("wanneer is het KD PW 2015
    vastgesteld en door wie?", "who adopted the 2015 PW file?"; not "wanneer wordt het zorgplan vastgesteld?")."""
    question = fold(intent.question)
    if not _ADOPTION_ASKED.search(question) or codes_in(intent.question):
        return False
    return not [w for w in topic_words(intent.topic) if not _ADOPTION_ASKED.fullmatch(w)
                and w not in ("date", "datum", "wie", "who", "whom", "door", "when", "wanneer", "file", "year", "jaar",
                              "organisation", "organization", "organisatie", "instantie", "body",
                              # "door welke organisatie is het opgesteld en wanneer vastgesteld?": who wrote it
                              "opgesteld", "ontwikkeld", "geschreven", "uitgegeven", "drawn", "developed", "written",
                              "published", "issued", "author", "auteur", "drew", "wrote", "created")]


def _adoption_hits(keep: Callable[[Chunk], bool], library: Library) -> list[Hit]:
    """The adoption passages ("Vaststelling", one per SBB dossier) that ``keep`` accepts, as hits."""
    return [Hit(c, 1.0, (), "; ".join(c.text.splitlines())) for c in library.chunks
            if c.title == ADOPTION_TITLE and keep(c)]  # the passage is three short lines: all of it is the answer


def _adoption_first(reply: Reply, intent: Intent, library: Library, filters: Filters) -> Reply:
    """A lookup with the adoption passages of the dossiers in scope (of all dossiers without one) first."""
    adopted = _adoption_hits(scope_filter(intent, filters), library)
    if not adopted:
        return reply
    ranked = (*adopted, *(h for h in reply.ranked if h.chunk.title != ADOPTION_TITLE))
    return replace(reply, hits=tuple(ranked[:max(PAGE, len(adopted))]), ranked=ranked)


def fact_value(chunk: Chunk, fact: str) -> str | None:
    """One fact of a profile chunk: its crebo or niveau (fields of the model), or the sbu or type of programme
    (*vakopleiding*, *middenkaderopleiding*) its text states."""
    if fact in ("sbu", "soort"):
        match = (_SBU if fact == "sbu" else _SOORT).search(chunk.text)
        return match.group(1).strip() if match else None
    return chunk.crebo if fact == "crebo" else chunk.niveau


# a study load asked as a filter: "6400 sbu", "a study load of 6400", "meer dan 4000 studiebelastingsuren"
_OPERATOR = r"meer dan|more than|minder dan|less than|under|at least|minstens|ten minste"
_LOAD_VALUE = re.compile(
    rf"(?:\b(?P<op1>{_OPERATOR})\s+)?"
    r"(?:\b(?P<n1>\d{3,5})\s*(?:sbu|study hours|studie-?uren|studiebelastingsuren)\b"
    rf"|(?:sbu|study load|studiebelasting\w*)\s+(?:of|van)\s+(?:(?P<op2>{_OPERATOR})\s+)?(?P<n2>\d{{3,5}})\b)")
_LOAD_OPERATORS = {"meer dan": ">", "more than": ">", "minder dan": "<", "less than": "<", "under": "<",
                   "at least": ">=", "minstens": ">=", "ten minste": ">="}


def study_load_asked(question: str) -> tuple[str, int] | None:
    """``(operator, number)`` when a question filters by a study load ("profiles with 6400 sbu": ``("=", 6400)``,
    "more than 4000 sbu": ``(">", 4000)``), else None."""
    match = _LOAD_VALUE.search(fold(question))
    if match is None:
        return None
    operator = match.group("op1") or match.group("op2")
    return _LOAD_OPERATORS.get(operator, "="), int(match.group("n1") or match.group("n2"))


# a study load compared with a named profile's: "hogere sbu dan de PMK", "less study load than the thuisbegeleider"
_MORE = r"hoger\w*|meer|groter\w*|higher|more|larger|bigger"
_LESS = r"lager\w*|minder|kleiner\w*|lower|less|fewer|smaller"
_SAME = r"evenveel|even veel|dezelfde|hetzelfde|gelijk\w*|as many|as much|the same|same"
_RELATIVE_LOAD = re.compile(rf"\b(?:(?P<more>{_MORE})|(?P<less>{_LESS})|(?P<same>{_SAME}))\b"
                            r"[^?.!]*?\b(?:dan|than|als|as)\b")


def relative_load(intent: Intent, library: Library) -> str | None:
    """``"meer dan 4800 sbu"`` for "welke profielen hebben een hogere sbu dan de PMK?": the named profile's study
    load (all its versions that state one agree) as a filter for every profile; None when the question does not
    compare a study load with a named profile."""
    question = fold(intent.question)
    match = _RELATIVE_LOAD.search(question)
    if match is None or not intent.scopes or not FACTS["sbu"].search(question) or study_load_asked(question):
        return None
    keys = {_profile_key(c) for c in library.chunks
            if c.kind == PROFIEL and c.profile and any(in_scope(c, e) for e in narrow_entries(intent.scopes))}
    values = {v for key, v in _profile_sbu(library).items() if key in keys}
    if len(values) != 1:
        return None  # no load stated, or a dossier whose profiles differ
    value = values.pop()
    words = "more than" if intent.lang == "en" else "meer dan"
    if match.group("less"):
        words = "less than" if intent.lang == "en" else "minder dan"
    elif match.group("same"):
        words = ""
    return f"{words} {value} sbu".strip()


def _load_phrase(intent: Intent) -> str:
    """`` met 6400 sbu``, `` with more than 4000 sbu``: the study load a question filters by, for the reading."""
    load = study_load_asked(intent.question)
    if load is None:
        return ""
    operator, number = load
    words = READ_AS[intent.lang]["operators"].get(operator, "")
    return READ_AS[intent.lang]["with_load"].format(load=f"{words} {number}".strip())


def _compares(value: str | None, operator: str, number: int) -> bool:
    """Whether a stated study load ``value`` is ``operator`` ``number`` (no value: False)."""
    if value is None or not value.isdigit():
        return False
    v = int(value)
    return {"=": v == number, ">": v > number, "<": v < number, ">=": v >= number}[operator]


def _profile_texts(entry: ScopeEntry, library: Library) -> list[Chunk]:
    """The profile texts (kind *profiel*) of a scope entry that names a profile; none for a dossier."""
    return [c for c in library.chunks if c.kind == PROFIEL and c.profile and entry.profile
            and fold(c.profile) == fold(entry.profile) and in_scope(c, entry)]


def _profile_key(chunk: Chunk) -> tuple[str, str | None, str | None, str | None]:
    """The profile a chunk belongs to: ``(source, dossier, version, profile)``."""
    return chunk.source, chunk.dossier, chunk.version, chunk.profile


def _profile_sbu(library: Library) -> dict[tuple, str]:
    """The study load (sbu) each profile's texts state, by profile."""
    return {key: fact_value(c, "sbu") or "" for key, c in library.sbu_chunks.items()}


# words that name the qualification itself beside "op welk niveau" ("What level is the X qualification?")
_QUALIFICATION = re.compile(r"\b(?:opleiding\w*|kwalificatie\w*|qualifications?|programm?es?|diplomas?|mbo"
                            r"|opgeleid|opleiden|trained|educated)\b")  # "op welk niveau wordt X opgeleid?"


_LEVEL_WORD = re.compile(r"\b(?:niveau|level|nivo)\b(?!\s*[1-5])")
# a level the asker takes a programme to have ("is X a level 4 qualification?", "zit de OA op niveau 4?"): its level
_LEVEL_CLAIMED = re.compile(r"\b(?:is|zit|valt|are|zijn)\s+(?:[\w'-]+\s+){0,5}?(?:(?:a|an|een|op|on|at)\s+)?"
                            r"(?:mbo[- ]?)?(?:level|niveau|nivo)[- ]?[1-4]\b"
                            r"(?:\s+(?:qualification|kwalificatie|opleiding|programm?e|program|course|diploma))?"
                            r"\s*(?:[?,]|$)")  # the claim ends its clause: not "what is a level 2 X responsible for?"
_WHICH_PROFILES = re.compile(r"\b(?:welke|which|what)\s+(?:\w+\s+)?(?:profielen|profiles|uitstroomprofielen"
                             r"|kwalificaties|qualifications|opleidingen|programmes)\b")


def asked_fact(intent: Intent, library: Library) -> str | None:
    """``"crebo"`` or ``"niveau"`` when the question asks for that fact of the dossiers or profiles it names (not
    for a competence's level)."""
    claimed = len(intent.levels) == 1 and _LEVEL_CLAIMED.search(fold(intent.question)) is not None
    if not intent.scopes or intent.competences or (intent.levels and not claimed) or intent.type == COMPARE:
        return None  # "verschillen in niveau en crebo tussen A en B": a comparison of the two profiles
    if intent.type == LIST and intent.kind == PROFIEL and _WHICH_PROFILES.search(fold(intent.question)):
        return None  # "welke profielen heeft DV, en op welk niveau?": the list of profiles shows level and crebo
    fact = next((name for name, pattern in FACTS.items() if pattern.search(fold(intent.question))), None)
    if fact is None and intent.type == LOOKUP and not intent.topic and crebo_numbers(intent.question,
                                                                                     library.catalogue):
        return "crebo"  # "wat is crebo 25479?", "welk profiel heeft crebonummer 25485?": what the number numbers
    if fact is None and intent.type == LOOKUP and not intent.topic and _LEVEL_WORD.search(fold(intent.question)):
        return "niveau"  # "niveau sociaal werk 2020", "OA level": the level word beside the names alone
    if claimed and intent.type == LOOKUP and fact in (None, "sbu", "crebo"):
        return "niveau"  # "Is it so that X is a level 4 qualification? And how many study hours?": its level first
    if fact == "niveau" and (codes_in(intent.question) or _other_level(intent.question, library)
                             or SUBJECT_LEVEL.search(fold(intent.question))):
        return None  # a unit has no level; "welk niveau Nederlands", "op welk niveau rapporteren", "een vreemde
        # taal beheersen? welk niveau?": another level
    if fact == "sbu" and _DURATION.search(fold(intent.question)) and _other_level(intent.question, library, "sbu"):
        return None  # "hoe lang duurt de stage bij de PMK?": the length of something else than the programme
    return fact


_PROGRAMME_WORDS = frozenset({"opleiding", "opleidingen", "richting", "course", "programme", "program", "profiel",
                              "profile", "beroep", "kwalificatie", "qualification", "nummer", "number", "nr"})


def _unknown_owner(intent: Intent, library: Library) -> str:
    """The name a question asks the crebo or study load of when it names no known dossier or profile ("crebo
    verzorgende IG?", "wat is het crebonummer van de verzorgende ig?"): the words right after the fact word, when
    they are words and no programme word ("crebo van mijn opleiding?" names none); else ``""``."""
    if intent.scopes or intent.competences or intent.sbb or intent.codes_named or intent.type != LOOKUP \
            or crebo_numbers(intent.question, library.catalogue):
        return ""
    named = _FACT_OF.search(fold(intent.question))
    if named is None or _MEANING_ASKED.search(fold(intent.question)):
        return ""  # "wat betekent sbu eig?": the word's meaning, not a programme's
    words = [w for w in re.findall(r"[^\W\d_]{2,}", named.group(1)) if w not in question_words()
             and w not in STOPWORDS and w not in _PROGRAMME_WORDS]
    return " ".join(words)


# the meaning of the fact word asked ("wat betekent sbu?"; :func:`definition_subject` also reads "wat is het crebonummer
# van X?" as a definition)
_MEANING_ASKED = re.compile(r"\b(?:betekent|betekenen|betekenis|mean|means|meaning|stands?\s+for|staat\s+voor)\b")
# the name a crebo or study load is asked of, right after the word ("crebo verzorgende IG?", "het crebonummer van de
# kapper?", "sbu of the nanny programme"), up to the end of the clause
_FACT_OF = re.compile(r"\b(?:crebo\w*(?:\s+(?:nummer|number|nr\.?))?\s+(?:(?:van|of|for|voor)\s+)?"
                      r"|sbu\s+(?:van|of|for|voor)\s+)"  # "sbu per jaar?", "sbu bij bbl?" name no programme
                      r"(?:(?:de|het|een|the|a|an|mijn|me|my|m'n)\s+)?"
                      r"([^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})\s*(?:[?.!]|$)")


def _other_level(question: str, library: Library, fact: str = "niveau") -> bool:
    """The sentence that asks for a level (or another ``fact``) names something besides the qualification: a
    language, a skill ("hoe lang duurt de stage?")."""
    sentence = next((s for s in re.split(r"(?<=[.?!])\s+", question) if FACTS[fact].search(fold(s))), question)
    rest = _QUALIFICATION.sub(" ", fold(sentence))
    rest = re.sub(r"\b(?:in|here\s+in)\s+(?:the\s+)?(?:netherlands|nederland|holland)\b", " ", rest)  # the country
    for pattern in FACTS.values():  # "op welk niveau zit die opleiding en hoeveel sbu heeft hij?": facts of it
        rest = pattern.sub(" ", rest)
    if fact == "sbu":  # a length: the place where it goes on ("de stage", "the internship") is another thing
        rest = re.sub(r"\b(?:takes?|taking|lasts?|course|courses|studie|study|training|total|totaal|overall"
                      r"|altogether|hoeveel|how\s+many|jaar|jaren|years?|nieuwe|new|oude|old|dossier|versie|version)\b",
                      " ", rest)  # "how many study hours is that course in total?", "… in het nieuwe dossier, hoeveel
        # jaar?": the programme's own length
        return bool(evidence.content_words(rest, library.scope_vocab))
    situation = situation_words()  # "hey quick one, what level is …": a greeting is no other level
    return any(w not in situation for w in evidence.content_words(rest, library.scope_vocab))


# a difference in a fact asked ("verschil in niveau tussen PMK en GPM"): the versions that give it
_FACT_DIFFERENCE = re.compile(r"\b(?:verschil\w*|differen\w*)\s+in\s+(?:(?:het|de|the)\s+)?(?:niveau|level|crebo\w*|sbu"
                              r"|studiebelasting\w*|study\s+load)\b")
# the dossier's own number asked beside a profile ("en welk crebo heeft het dossier zelf?")
_DOSSIER_ITSELF = re.compile(r"\b(?:kwalificatie)?dossier\s+zelf\b|\b(?:file|dossier)\s+itself\b|\bdossiercrebo\b"
                             r"|\b(?:van|of)\s+(?:het|the)\s+(?:kwalificatie)?(?:dossier|kd|qualification\s+file)\b")
# the facts a question may ask beside the first one ("op welk niveau zit die opleiding, en hoeveel sbu?")
_FACT_WORDS = {"crebo": FACTS["crebo"].pattern, "niveau": r"\bniveaus?\b|\blevels?\b", "sbu": FACTS["sbu"].pattern,
               "soort": FACTS["soort"].pattern}


# the fact asked of each of several programmes ("what level is each of them?", "welk niveau hebben die twee?"): their
# facts side by side
_EACH_OF_THEM = re.compile(r"\b(?:each|both|either|respectively|elk|elke|ieder|iedere|allebei|beide|beiden)\b"
                           r"|\b(?:die|deze|those|these|the)\s+(?:twee|drie|two|three)\b")


def fact_reply(fact: str, intent: Intent, library: Library, filters: Filters, search: Search) -> Reply:
    """The fact for every profile of the scope (and a dossier's own crebo), with the other facts the question
    asks beside it, and the profile texts as the cited passages; ``not_found`` when the sources give it for none
    (the 2020/21 extract has no crebo, level or sbu)."""
    entries = narrow_entries(intent.scopes)
    question = fold(intent.question)
    asked = [fact, *(name for name, pattern in _FACT_WORDS.items() if name != fact and re.search(pattern, question))]
    found: dict[tuple, dict[str, tuple[str, Chunk]]] = {}
    for chunk in library.chunks:
        if not any(in_scope(chunk, e) for e in entries) or (filters.version and chunk.version != filters.version):
            continue  # a version the conversation set ("en de crebo's van de 2021 dossiers?") holds
        if chunk.kind == PROFIEL and chunk.profile:
            for name in asked:
                value = fact_value(chunk, name)
                if value:
                    found.setdefault((chunk.dossier, chunk.version, chunk.profile), {}).setdefault(name, (value, chunk))
        elif (fact == "crebo" and chunk.part == 1 and chunk.profile is None and chunk.crebo
              and (any(e.profile is None for e in entries) or _DOSSIER_ITSELF.search(question))):
            found.setdefault((chunk.dossier, chunk.version, None), {}).setdefault(fact, (chunk.crebo, chunk))
    found = {key: values for key, values in found.items() if fact in values}
    if not found:
        scope = describe_scopes(intent.scopes, intent.lang)
        return _not_found(intent, "no_fact", (fact, scope), search(intent.question, filters, 3))
    profiles = tuple(ScopeEntry(dossier, profile, version) for dossier, version, profile in found if profile)
    if _EACH_OF_THEM.search(question) and len({p.profile for p in profiles}) >= 2:  # "and what level is each of them?"
        return _profiles_side_by_side(profiles, replace(intent, type=COMPARE), library)
    names = READ_AS[intent.lang]["facts"]
    lines, hits = [], []
    for (dossier, version, profile), values in sorted(
            found.items(), key=lambda kv: (kv[0][2] is not None, kv[1][fact][1].code or "")):
        where = f"{dossier} {(version or '')[:4]}".strip()
        first = mbo_level(values[fact][0], intent.lang) if fact == "niveau" else values[fact][0]  # "niveau 4", a
        # bare 4 says less
        value = "; ".join([first, *(mbo_level(values[n][0], intent.lang) if n == "niveau" else f"{names[n]} "
                                    f"{values[n][0]}" for n in asked[1:] if n in values)])
        lines.append(f"{profile} ({where}): {value}" if profile else f"{where}: {value}")
        hits.extend(Hit(chunk, 1.0, (), "") for chunk in dict.fromkeys(c for _, c in values.values())
                    if chunk.kind == PROFIEL)
    if _ADOPTION_ASKED.search(question):  # "… its crebo number, and when and by whom was it adopted?": the voorblad
        hits[:0] = _adoption_hits(lambda c: any(in_scope(c, e) for e in entries), library)
    words = READ_AS[intent.lang]
    reading = f"{words['prefix']}: " + words["fact"].format(fact=words["facts"][fact],
                                                              scope=describe_scopes(intent.scopes, intent.lang))
    return Reply(LOOKUP, intent.lang, reading, intent, hits=tuple(hits), ranked=tuple(hits),
                 details=(fact, *lines), filters=_applied(intent, filters))


# --------------------------------------------------------------------------- competences


def sbb_codes_named(intent: Intent, library: Library) -> tuple[str, ...]:
    """The SBB competences a question names: by their title, or through a competency-profile competence."""
    codes = list(intent.sbb)
    for name in intent.competences:
        codes.extend(library.competence_links.get(name, ()))
    return tuple(dict.fromkeys(codes))


_GEDRAG = re.compile(r"Gedrag:\s*\n(.*?)(?:\n[A-Z][\w -]+:\s*\n|\Z)", re.DOTALL)


def gedrag_lines(passage: str) -> tuple[str, ...]:
    """The bullet lines of a werkproces's ``Gedrag:`` section."""
    match = _GEDRAG.search(passage)
    if match is None:
        return ()
    return tuple(line.strip().lstrip("-•").strip() for line in match.group(1).splitlines()
                 if line.strip().startswith(("-", "•")))


def evidence_lines(passage: str, words: str, n: int = 2) -> tuple[str, ...]:
    """The gedrag lines that share the most stems with ``words`` (the competence), best first."""
    wanted = {t for t in tokenize(words) if t not in STOPWORDS and len(t) > 2}
    lines = gedrag_lines(passage)
    scored = sorted(((len(wanted & set(tokenize(line))), i, line) for i, line in enumerate(lines)),
                    key=lambda x: (-x[0], x[1]))
    return tuple(line for score, _, line in scored[:n] if score > 0) or lines[:1]


_UNDERLYING = re.compile(r"onderliggende\s+competenties\s+zijn\s*:\s*(.+?)(?:\.\s|\.$|\n\s*\n|$)",
                         re.IGNORECASE | re.DOTALL)


def unit_sbb(passage: str, sbb: dict[str, str]) -> set[str]:
    """The SBB competence letters a werkproces names: its ``SBB-competenties:`` line, or (the 2020/21 texts)
    the titles in its sentence "De onderliggende competenties zijn: …"."""
    found = {c.code for c in links.sbb_competences(passage)}
    match = _UNDERLYING.search(passage or "")
    if match:
        listed = {fold(" ".join(part.split())).strip(" .") for part in match.group(1).split(",")}
        found |= {code for code, title in sbb.items() if fold(title) in listed}
    return found


def competence_list(intent: Intent, library: Library, filters: Filters) -> Reply:
    """Every werkproces of the scope whose SBB competences include the one asked for, with gedrag lines."""
    codes = sbb_codes_named(intent, library)
    words = " ".join([*(library.sbb.get(c, "") for c in codes), *intent.competences])
    if not codes:
        return _not_found(intent, "no_links", tuple(intent.competences))
    if intent.competences and any(_is_profile_of_competences(e, library) for e in intent.scopes):
        # "Kwaliteitsgericht uit het competentieprofiel: bij welke werkprocessen past dat?": the profile names where
        # the competence comes from; it holds no werkprocessen
        intent = replace(intent, scopes=tuple(e for e in intent.scopes if not _is_profile_of_competences(e, library)))
    keep = scope_filter(intent, filters)
    at = _at_programme_level(intent, library)
    if at is not None:  # "bij welke wp's van pw niveau 3 hoort klantgerichtheid?": the niveau-3 programmes' units
        keep = _both(keep, at)
    items = []
    for u in library.units:
        if u.chunk.kind != WERKPROCES or not keep(u.chunk):
            continue
        named = unit_sbb(u.passage, library.sbb)
        if named & set(codes):
            note = "; ".join(f"{c} {library.sbb[c]}" for c in codes if c in named)
            items.append(Item(u.chunk, u.passage, _part(u.chunk), evidence_lines(u.passage, words), note))
    if not items and intent.scopes and not any(
            unit_sbb(u.passage, library.sbb) for u in library.units if keep(u.chunk)):
        return _not_found(intent, "no_links", tuple(scope_label(e) for e in narrow_entries(intent.scopes)))
    details = tuple(f"{c} {library.sbb[c]}" for c in codes)
    named = ", ".join(dict.fromkeys([*intent.competences, *(library.sbb[c] for c in intent.sbb if c in library.sbb)]))
    level = _level_phrase(intent) if at is not None else ""
    return Reply(COMPETENCE, intent.lang, read_as(intent, named) + level, intent, items=_sorted(items),
                 details=details, filters=_applied(intent, filters))


# --------------------------------------------------------------------------- compare


def _level_item(library: Library, competence: str, level: int) -> Item | None:
    for u in library.units:
        c = u.chunk
        if c.kind == COMPETENTIENIVEAU and c.competence == competence and c.level == level:
            description, indicators = split_level(u.passage)
            return Item(c, u.passage, None, (description, *indicators))
    return None


# a fact asked of the dossier itself ("the crebo of the Pedagogisch Werk dossier"), not of its profiles
_DOSSIER_FACT = re.compile(r"\b(?:crebo\w*|level|niveau|sbu|study\s+load|studiebelasting)\s+(?:\w+\s+)?(?:of|van)\s+"
                           r"(?:the|het|de|dat|that)\s+(?:[\w&-]+\s+){0,3}"
                           r"(?:dossier|kd|kwalificatiedossier|qualification file)\b")


def _general_levels(intent: Intent, library: Library) -> Reply | None:
    """Two levels of a profile of competences in general, side by side: the lines of its explanation of the levels
    ("Niveau 1: De medewerker toont basaal effectief gedrag …"), when the question names no competence and no
    other scope; None otherwise."""
    if any(not _is_profile_of_competences(e, library) for e in intent.scopes):
        return None
    chunk = next((c for c in library.chunks if c.kind == UITLEG_NIVEAUS and (not intent.scopes or any(
        in_scope(c, e) for e in intent.scopes))), None)
    if chunk is None or (not intent.scopes and not _COMPETENCE_PROFILE.search(fold(intent.question))):
        return None
    lines = dict(re.findall(r"(?ims)^niveau\s+(\d):?\s*(.+?)(?=^niveau\s+\d|\Z)", chunk.text))
    a, b = (str(n) for n in intent.levels[:2])
    if a not in lines or b not in lines:
        return None
    left, right = (Item(chunk, f"Niveau {n}: {' '.join(lines[n].split())}", None) for n in (a, b))
    return Reply(COMPARE, intent.lang, read_as(intent, f"{chunk.title} {a} ↔ {b}"), intent, items=(left, right),
                 rows=(Row(left, right, _status(left, right)),), sides=(f"Niveau {a}", f"Niveau {b}"))


_COMPETENCE_PROFILE = re.compile(r"\bcompetentieprofiel\w*|\bcompeten\w+\s+profile\b|\bprofile\s+of\s+competen\w+"
                                 r"|\buitleg\s+(?:van\s+de\s+)?niveaus\b")


def _status(left: Item | None, right: Item | None) -> str:
    if left is None:
        return "right_only"
    if right is None:
        return "left_only"
    same = " ".join(left.passage.split()).lower() == " ".join(right.passage.split()).lower()
    return "same" if same else "changed"


def _side_label(entry: ScopeEntry | None, year: str | None) -> str:
    if entry is not None:
        return scope_label(entry)
    return year or ""


def compare(intent: Intent, library: Library, filters: Filters) -> Reply:
    """Two levels, one code in two versions/profiles, or two scopes paired by code; side by side."""
    competence = next(iter(intent.competences), None)
    if competence and len(intent.levels) >= 2:
        a, b = intent.levels[:2]
        left, right = _level_item(library, competence, a), _level_item(library, competence, b)
        if left is None or right is None:
            missing = a if left is None else b
            return _not_found(intent, "unknown_level", (competence, str(missing)))
        return Reply(COMPARE, intent.lang, read_as(intent, f"{competence} {a} ↔ {b}"), intent,
                     items=(left, right), rows=(Row(left, right, _status(left, right)),),
                     sides=(subject(left.chunk), subject(right.chunk)))
    if not competence and len(intent.levels) >= 2:
        general = _general_levels(intent, library)
        if general is not None:  # "in the competentieprofiel, the difference between niveau 1 and niveau 4?"
            return general
    added = _addition(intent, library) or _two_titles(intent, library)
    if added is not None:
        return added
    sides = _compare_sides(intent, library)
    if sides is None:
        return _not_found(intent, "compare_what", ())
    (label_a, keep_a), (label_b, keep_b) = sides
    kind = intent.kind or WERKPROCES
    if kind == COMPETENTIE and not any(u.chunk.kind == COMPETENTIE and (keep_a(u.chunk) or keep_b(u.chunk))
                                       for u in library.units):
        kind = WERKPROCES  # "… in PW and in MZ, same competences?": the units' own SBB lines
    codes = set(codes_in(intent.question))  # as the index writes them ("B1-K1-WS5" typed from the extract)
    if not intent.kind and codes and all(re.fullmatch(r"[BP]\d+-K\d+", c) for c in codes):
        kind = KERNTAAK  # "verschil in B1-K2 tussen SW 2015 en SW 2020?": the core tasks of that code
    additions = bool(codes) and re.search(r"\baanvulling\w*|\badd-?ons?\b", fold(intent.question)) is not None

    def pick(keep: Callable[[Chunk], bool], by_code: bool = True) -> list[Chunk]:
        """The side's units (of the codes named); a profile's additions instead when the question asks for them
        ("vergelijk de aanvulling van de GPM en de OA op B1-K1-W8")."""
        chosen = [u.chunk for u in library.units if u.chunk.kind == kind and keep(u.chunk)
                  and (not by_code or not codes or (u.chunk.code or "").upper() in codes)
                  and (u.chunk.variant == "aanvulling") == (additions and by_code)]
        return sorted(chosen, key=lambda c: (c.profile is not None, _code_key(c.code or "")))

    passages = {u.chunk.id: u.passage for u in library.units}
    entries = narrow_entries(intent.scopes)
    two_versions = len(_compared_years(intent, library)) >= 2 or (
        len(entries) >= 2 and len({e.version for e in _two_scopes(intent, entries, library)}) == 2)
    if two_versions and kind == WERKPROCES:  # versions: codes were renumbered, pair by content
        pairs = links.pair_by_content(pick(keep_a, by_code=False), pick(keep_b, by_code=False), library.chunks)
        if codes:  # the asked code(s) on either side and their counterparts: a code renumbered between the
            # versions shows both units of that code ("compare B1-K1-W3 of SW in 2015 and 2020": 2015's *Versterkt de
            # eigen kracht* and 2020's *Versterkt het sociale netwerk*, each beside its counterpart), one the earlier
            # version lacks its counterpart there ("B1-K2-W4 of SW in 2015 and 2020": 2015's B1-K2-W2 beside it)
            pairs = tuple(p for p in pairs if any(x is not None and (x.code or "").upper() in codes
                                                  for x in (p.left, p.right)))
    else:
        pairs = links.pair_by_code(pick(keep_a), pick(keep_b))
    titles = _quoted_titles(intent.question, library)
    if titles and not any(x is not None and fold(x.title or "") in titles for p in pairs for x in (p.left, p.right)):
        titles = _quoted_titles(intent.question, library, typed=False)  # a title typed that neither side has: whole
    if titles:  # 'How did "Zorgt voor uitvoering van een dagprogramma" change from 2015 to 2021?': that unit only
        pairs = tuple(p for p in pairs
                      if any(x is not None and fold(x.title or "") in titles for x in (p.left, p.right)))
        titled = [[c for c in pick(keep, by_code=False) if fold(c.title or "") in titles] for keep in (keep_a, keep_b)]
        if not two_versions and all(len(side) == 1 for side in titled) and not any(
                p.left == titled[0][0] and p.right == titled[1][0] for p in pairs):
            # "Stemt de werkzaamheden af: in PW and in MZ, is it the same?": the unit of that title on each side
            pairs = (links.Pair(titled[0][0], titled[1][0]),)
    whole = len(pairs)
    if not codes and not titles and len(pairs) > 1 and (kind == WERKPROCES or not two_versions):
        pairs = _pairs_on_topic(pairs, intent, library, passages)  # "the PMK work process about making a plan van
        # aanpak, 2015 and 2021": that unit's pair, not the whole tree; "is hygiëne bij X hetzelfde als bij Y?": the
        # pairs about hygiëne
    rows = []
    for pair in pairs:
        left = Item(pair.left, passages[pair.left.id], _part(pair.left)) if pair.left else None
        right = Item(pair.right, passages[pair.right.id], _part(pair.right)) if pair.right else None
        rows.append(Row(left, right, _status(left, right)))
    items = tuple(i for r in rows for i in (r.left, r.right) if i is not None)
    if not rows:
        return _not_found(intent, "compare_what", (label_a, label_b))
    return Reply(COMPARE, intent.lang, read_as(intent, f"{label_a} ↔ {label_b}"), intent, items=items,
                 rows=tuple(rows), sides=(label_a, label_b), details=_side_facts(intent, library),
                 narrowed=len(pairs) < whole)


# one unit asked for by what it is about ("the work process about …", "het werkproces over …"), not all of them
_ONE_UNIT = re.compile(r"\b(?:werk\s?proces|work\s?process|wp|unit)\b(?!es\b|en\b|s\b)[^?.!]*?"
                       r"\b(?:about|over|on|for|waarin|in\s+which|where|dealing\s+with|voor)\b")


# what is asked of a programme, not of its units, as the words' stems: its level, load, crebo, type, language
# demands, requirements and parts ("their profile parts")
_ASKED_OF_PROGRAMME = (r"niveau\w*|level\w*|sbu|studiebelast\w*|studielast\w*|crebo\w*|soort\w*|duur\w*|eis\w*"
                       r"|requir\w*|taal\w*|language\w*|engel\w*|english|nederland\w*|dutch|reken\w*|numeracy|math\w*"
                       r"|vreemd\w*|demand\w*|vog|verklaring\w*|parts?|profieldel\w*|basisdel\w*")


def _pairs_on_topic(pairs: tuple, intent: Intent, library: Library, passages: dict) -> tuple:
    """The pairs whose unit (either side) holds the most of the rare words of the question's topic, when some but
    not all pairs do and both sides keep a unit; else all pairs (a word only one side uses says nothing of the other
    side's unit)."""
    asked = set(re.findall(r"[^\W\d_]+", fold(after_statements(intent.question))))  # not the asker's statement
    topic = " ".join(w for w in (intent.topic or "").split() if fold(w) in asked)  # ("later i want to work with
    # disabled people. what is the difference between …?")
    alternatives = core_words(topic, library, "", intent.lang, True, intent.question)
    rare = [[w for w in words if min(map(library.vocab.share, w)) < COMMON_SHARE and not any(
        re.fullmatch(_ASKED_OF_PROGRAMME, form) for form in w)] for words in alternatives]  # "qua niveau en sbu",
    # "English requirements": the programmes' facts, asked of no unit
    rare = [words for words in rare if words]
    if not rare:
        return pairs

    def share(chunk: Chunk | None) -> float:
        text = f"{chunk.title or ''} {passages[chunk.id]}" if chunk is not None else ""
        return max((coverage(words, text, ()) for words in rare), default=0.0) if text else 0.0

    shares = {p: max(share(p.left), share(p.right)) for p in pairs}
    best = max(shares.values(), default=0.0)
    slots = max(len(words) for words in rare)
    floor = best - 1 / slots - 1e-9 if slots >= 3 else best  # of three words or more, one may be missing
    kept = tuple(p for p in pairs if best > 0 and shares[p] >= floor)
    both = any(p.left is not None for p in kept) and any(p.right is not None for p in kept)
    return kept if both and len(kept) < len(pairs) else pairs  # a side with none of them: the whole table


def _asks_addition_only(intent: Intent) -> bool:
    """The question asks what a profile adds ("voegt … toe aan", "what does … add to") and compares nothing else."""
    question = fold(intent.question)
    regular = bool(re.search(MORE_THAN_REGULAR, question)) and len(set(map(fold, intent.scope_terms))) < 2
    return bool(re.search(ADDITION, question) or regular) and not re.search(CUES["compare"],
                                                                          re.sub(BASE_COMPARED, " ", question))


def _addition(intent: Intent, library: Library) -> Reply | None:
    """"Wat voegt de aanvulling voor de GPM toe aan B1-K2-W2?": the basisdeel unit beside the named profile's
    addition to it (SBB exports), or None when the question names no werkproces code or the profile has no
    addition to it."""
    question = fold(intent.question)
    if not re.search(rf"{ADDITION}|{MORE_THAN_REGULAR}|\baanvulling|\badd-?ons?\b|\bsupplement|\bbasisdeel\b"
                     r"|\bbase unit\b", question):
        return None
    codes = {c for c in codes_in(intent.question) if "-W" in c}
    if not codes:  # "how does the GPM aanvulling of Evalueert de werkzaamheden differ from the basisdeel?"
        codes = {(u.chunk.code or "").upper() for u in library.units if u.chunk.variant == "aanvulling"
                 and len((u.chunk.title or "").split()) >= 2 and fold(u.chunk.title or "") in question}
    entries = [e for e in narrow_entries(intent.scopes) if e.profile]
    if not codes and len({fold(e.profile) for e in entries}) == 1:  # "wat moet een thuisbegeleider extra doen bij
        codes = _addition_titled(intent, entries, library)  # persoonlijke verzorging?": its addition so titled
    if len(codes) != 1:
        return None
    code = next(iter(codes))
    if len({fold(e.profile) for e in entries}) != 1:  # two profiles' additions: compare the profiles
        return None
    for entry in entries:
        added = next((u for u in library.units if u.chunk.variant == "aanvulling" and in_scope(u.chunk, entry)
                      and (u.chunk.code or "").upper() == code and fold(u.chunk.profile or "") == fold(entry.profile)),
                     None)
        base = added and next((u for u in library.units if u.chunk.profile is None and not u.chunk.variant
                               and u.chunk.kind == WERKPROCES and (u.chunk.code or "").upper() == code
                               and u.chunk.dossier == added.chunk.dossier and u.chunk.version == added.chunk.version),
                              None)
        if added and base:
            left = Item(base.chunk, base.passage, _part(base.chunk))
            right = Item(added.chunk, added.passage, _part(added.chunk))
            sides = (f"{code} basisdeel", f"{code} aanvulling {entry.profile}")
            return Reply(COMPARE, intent.lang, read_as(intent, f"{sides[0]} ↔ {sides[1]}"), intent,
                         items=(left, right), rows=(Row(left, right, _status(left, right)),), sides=sides)
    return None


def _addition_titled(intent: Intent, entries: list[ScopeEntry], library: Library) -> set[str]:
    """The codes of the profile's additions whose title holds two or more of the topic's words and all of its words
    that some title holds ("persoonlijke verzorging": B1-K1-W2 *Ondersteunt de cliënt bij de persoonlijke
    verzorging*); several or none are no answer."""
    words = set(topic_words(intent.topic))
    added = [u.chunk for u in library.units if u.chunk.variant == "aanvulling" and any(
        in_scope(u.chunk, e) and fold(u.chunk.profile or "") == fold(e.profile) for e in entries)]
    titled = {c.code.upper(): set(re.findall(r"[^\W\d_]+", fold(c.title or ""))) for c in added if c.code}
    in_titles = {w for title in titled.values() for w in title} & words
    if len(in_titles) < 2:
        return set()
    return {code for code, title in titled.items() if in_titles <= title}


def _two_titles(intent: Intent, library: Library) -> Reply | None:
    """"verschil tussen Ondersteunt bij wonen en huishouden (helpende) en Ondersteunt de cliënt bij wonen en
    huishouden": the two werkprocessen whose titles the question names (in the question's scope when it has one),
    side by side; None unless exactly two titles are named."""
    question = fold(intent.question)
    if len({fold(e.profile) for e in intent.scopes if e.profile}) >= 2:  # two profiles: compare those
        return None
    keep = scope_filter(intent, Filters()) if intent.scopes else (lambda _c: True)
    by_title: dict[str, list] = {}
    for u in library.units:
        title = fold(u.chunk.title or "")
        if u.chunk.kind == WERKPROCES and not u.chunk.variant and len(title.split()) >= 3 and title in question:
            by_title.setdefault(title, []).append(u)
    titles = [t for t in by_title if not any(t != other and t in other for other in by_title)]
    if len(titles) != 2:
        return None
    picked = []
    for title in sorted(titles, key=question.index):
        units = by_title[title]
        picked.append(next((u for u in units if keep(u.chunk)), units[0]))
    left, right = (Item(u.chunk, u.passage, _part(u.chunk)) for u in picked)
    sides = (subject(left.chunk), subject(right.chunk))
    return Reply(COMPARE, intent.lang, read_as(intent, f"{sides[0]} ↔ {sides[1]}"), intent, items=(left, right),
                 rows=(Row(left, right, _status(left, right)),), sides=sides)


def _dossier_facts_compared(intent: Intent, library: Library) -> str | None:
    """The fact (crebo, niveau, sbu, type) that a comparison of two or more whole dossiers asks for, else None: the
    dossiers' profiles pair by nothing, their facts side by side are the answer. A level of something else ("op
    welk niveau wordt er samengewerkt?", "qua niveau van zelfstandigheid") is no such fact."""
    entries = narrow_entries(intent.scopes)
    if len({e.dossier for e in entries}) < 2 or any(e.profile for e in entries) or codes_in(intent.question) \
            or intent.competences:
        return None
    asked = re.sub(rf"{CUES['compare']}|\bprofiel\w*|\bprofiles?\b|\bside\s+by\s+side\b", " ", fold(intent.question))
    return next((name for name, pattern in FACTS.items() if pattern.search(asked)
                 and not (name in ("niveau", "sbu") and _other_level(asked, library, name))), None)


def dossier_profiles_compared(intent: Intent, library: Library) -> tuple[ScopeEntry, ...]:
    """The profiles of the one dossier whose profiles a comparison asks about ("how do the three Dienstverlening
    profiles differ?", "verschil in sbu tussen de niveau 3- en niveau 4-profielen van MZ"): each profile of the
    latest version named that has two or more, at the levels named; empty for anything else."""
    if intent.kind != PROFIEL or intent.competences or intent.sbb or codes_in(intent.question):
        return ()
    entries = narrow_entries(intent.scopes)
    if not entries or any(e.profile for e in entries) or len({fold(e.dossier or "") for e in entries}) != 1:
        return ()
    for entry in sorted(entries, key=lambda e: e.version or "", reverse=True):
        profiles = tuple(dict.fromkeys(ScopeEntry(c.dossier, c.profile, c.version) for c in library.chunks
                                       if c.kind == PROFIEL and c.profile and in_scope(c, entry)))
        levels = {str(n) for n in intent_levels(intent)}  # "vergelijk de profielen van MZ op niveau 4" too
        if levels:
            profiles = tuple(e for e in profiles if _profile_facts(e, library).get("niveau", "").strip() in levels)
        if len(profiles) >= 2:
            return profiles
    return ()


def _profile_facts(entry: ScopeEntry, library: Library) -> dict[str, str]:
    """A profile's facts (level, crebo, sbu, type) over all its texts; empty when the index has no text of it."""
    chunks = _profile_texts(entry, library)
    return {name: next((v for c in chunks if (v := fact_value(c, name))), "") for name in FACTS} if chunks else {}


SIDE_FACTS = ("niveau", "crebo", "sbu", "soort")  # the facts a comparison's table shows, in order


def _fact_rows(sides: list[dict[str, str]]) -> tuple[str, ...]:
    """The table rows ``"niveau|3|4"`` of the facts any side gives, one column per side."""
    return tuple("|".join([name, *(side.get(name, "").replace("|", "/") for side in sides)]) for name in SIDE_FACTS
                 if any(side.get(name) for side in sides))


def _profiles_side_by_side(profiles: tuple[ScopeEntry, ...], intent: Intent, library: Library) -> Reply:
    """More than two profiles of one dossier side by side in their facts (level, crebo, sbu, type), the profile
    texts cited."""
    texts = {e: _profile_texts(e, library) for e in profiles}
    rows = _fact_rows([_profile_facts(e, library) for e in profiles])
    if not rows:  # "Do the profiles of Sport & Bewegen 2021 differ in level?": the extract gives no facts
        asked = [n for n, pattern in _FACT_WORDS.items() if re.search(pattern, fold(intent.question))] or ["niveau"]
        return _not_found(intent, "no_fact", (asked[0], describe_scopes(intent.scopes, intent.lang)))
    items = tuple(Item(c, c.passage or c.text, _part(c)) for e in profiles for c in texts[e][:1])
    sides = tuple(scope_label(e) for e in profiles)
    return Reply(COMPARE, intent.lang, read_as(intent, " ↔ ".join(sides)), intent, items=items, rows=(), sides=sides,
                 details=rows)


_DOSSIER_CREBO = {"nl": "crebonummer dossier", "en": "crebo number (dossier)"}


def _dossier_facts(fact: str, intent: Intent, library: Library) -> Reply:
    """Two dossiers side by side in the facts asked: each dossier's own crebo (when crebo is asked), then per fact
    its profiles' values ("Helpende Zorg en Welzijn: 3200; …"), the profile texts cited."""
    entries = narrow_entries(intent.scopes)
    a, b = _two_scopes(intent, entries, library)
    question = fold(intent.question)
    asked = [fact, *(name for name, pattern in _FACT_WORDS.items() if name != fact and re.search(pattern, question))]
    texts = {e: {c.profile: c for c in library.chunks if c.kind == PROFIEL and c.profile and in_scope(c, e)}
             for e in (a, b)}

    def own_crebo(entry: ScopeEntry) -> str:
        return next((c.crebo for c in library.chunks if c.part == 1 and c.profile is None and c.crebo
                     and in_scope(c, entry)), "")

    def values(entry: ScopeEntry, name: str) -> str:
        return "; ".join(f"{profile}: {value}" for profile, chunk in texts[entry].items()
                         if (value := fact_value(chunk, name))).replace("|", "/")

    rows = [f"{_DOSSIER_CREBO[intent.lang]}|{own_crebo(a)}|{own_crebo(b)}"] if "crebo" in asked else []
    for name in asked:
        left, right = values(a, name), values(b, name)
        if left or right:
            rows.append(f"{name}|{left}|{right}")
    items = tuple(Item(c, c.passage or c.text, _part(c)) for e in (a, b) for c in texts[e].values())
    sides = (scope_label(a), scope_label(b))
    return Reply(COMPARE, intent.lang, read_as(intent, f"{sides[0]} ↔ {sides[1]}"), intent, items=items, rows=(),
                 sides=sides, details=tuple(rows))


def _side_facts(intent: Intent, library: Library) -> tuple[str, ...]:
    """Two profiles compared: ``("niveau|3|4", "crebo|25475|25477")``, the facts of each side that the sources
    give (none when the sides are versions or dossiers)."""
    entries = narrow_entries(intent.scopes)
    if len(entries) < 2 or len(_compared_years(intent, library)) >= 2:
        return ()
    a, b = _two_scopes(intent, entries, library)
    if not (a.profile and b.profile):
        return ()

    left, right = _profile_facts(a, library), _profile_facts(b, library)
    if not left or not right:
        return ()
    rows = _fact_rows([left, right])
    subject = subject_level_asked(intent) or _subject_alone(intent)  # "verschilt de eis voor Engels tussen de OA en
    # de GPM?", "is engels bij X hetzelfde als bij Y?": each one's levels
    lines = [_subject_line(subject, entry, library) for entry in (a, b)] if subject else []
    if any(lines):
        rows += (f"{SUBJECT_LABEL[intent.lang][subject]}|{lines[0].replace('|', '/')}|{lines[1].replace('|', '/')}",)
    return rows


def _subject_alone(intent: Intent) -> str | None:
    """The generic subject a topic names ("is engels bij X hetzelfde als bij Y?", "… niv engels halen …"), else
    None."""
    words = (intent.topic or "").split()
    return next((name for name, pattern in _SUBJECTS.items() if any(re.fullmatch(pattern, w) for w in words)), None)


SUBJECT_LABEL = {"nl": {"engels": "Engels", "nederlands": "Nederlands", "rekenen": "rekenen",
                        "mvt": "moderne vreemde taal"},
                 "en": {"engels": "English", "nederlands": "Dutch", "rekenen": "numeracy (rekenen)",
                        "mvt": "modern foreign language"}}


def _subject_line(subject: str, entry: ScopeEntry, library: Library) -> str:
    """A profile's levels for a generic subject: its own foreign-language line (for Engels or a foreign language),
    then the dossier's generic reference levels for its mbo level ("Engels (alleen voor niveau 4): lezen en
    luisteren: B1; …"); "" when the sources give neither."""
    parts = []
    own = next((library.language_lines.get(_profile_key(c)) for c in _profile_texts(entry, library)), None)
    if own is not None and subject in ("engels", "mvt"):
        parts.append(" ".join(own.text.split()))
    found = subject_levels(subject, entry, library)
    if found and len(found[1]) > 1:
        parts.append(f"{found[1][0]}: {' '.join(found[1][1:])}")
    return "; ".join(parts)


TITLE_CLOSE = 0.9  # a quoted title this alike to a unit's title names that unit (a typo, another article)
UNQUOTED_TITLE_WORDS = 3  # a unit's whole title of this many words, typed without quotes, names that unit too


def _quoted_titles(question: str, library: Library, typed: bool = True) -> frozenset[str]:
    """The unit titles (folded) that a phrase the question quotes, or sets before a colon at its start ("Stemt de
    werkzaamheden af: …"), names exactly or nearly ("Maakt een plan van aanpak"), or that it holds whole without
    quotes (of at least :data:`UNQUOTED_TITLE_WORDS` words), if any."""
    quoted = [fold(q.strip("\"“”„‘’' ")) for q in QUOTED.findall(question)]
    quoted = [q for q in quoted if len(q.split()) >= 2]
    lead = re.match(r"\s*([^:?!.]{8,80}):", question)
    led = fold(lead.group(1)) if lead else ""  # a title leads the question only as itself or its start
    titles = {fold(u.chunk.title or "") for u in library.units if u.chunk.kind in (WERKPROCES, KERNTAAK)}
    folded = fold(question)

    def as_title(title: str) -> bool:  # written as a title, with its capital ("… verschil in Evalueert de …"), not
        # as words of a sentence ("Mijn student evalueert de werkzaamheden elke week.")
        return any(len(folded) != len(question) or question[m.start()].isupper()
                   for m in re.finditer(rf"(?<!\w){re.escape(title)}(?!\w)", folded))

    typed = typed and not codes_in(question)  # "… op B1-K1-W8 Evalueert de werkzaamheden": the code names it
    found = {t for t in titles if typed and len(t.split()) >= UNQUOTED_TITLE_WORDS and as_title(t)}
    if not quoted and not led:
        return frozenset(found)
    return frozenset(found) | frozenset(t for t in titles if any(q == t or (len(q) >= 12 and q in t)
                                              or difflib.SequenceMatcher(None, q, t).ratio() >= TITLE_CLOSE
                                              for q in quoted)
                     or (len(led.split()) >= 2 and (t.startswith(led)
                                                    or difflib.SequenceMatcher(None, led, t).ratio() >= TITLE_CLOSE)))


def _compare_sides(intent: Intent, library: Library):
    """The two sides of a comparison as (label, membership), from two versions or two scopes."""
    entries = narrow_entries(intent.scopes)
    years = _compared_years(intent, library)
    if len(years) >= 2:
        a, b = years[:2]

        def side(year: str):
            mine = [e for e in entries if (e.version or "")[:4] == year]
            if not mine:
                mine = [e for e in library.catalogue.scopes.get(fold(intent.scope_terms[0]), ())
                        if (e.version or "")[:4] == year] if intent.scope_terms else []
            mine = list(narrow_entries(mine))
            label = ", ".join(scope_label(e) for e in mine) or year
            return label, (lambda c, m=tuple(mine): (any(in_scope(c, e) for e in m) if m
                                                     else (c.version or "")[:4] == year))

        return side(a), side(b)
    if len(entries) >= 2:
        a, b = _two_scopes(intent, entries, library)
        return (scope_label(a), lambda c, e=a: in_scope(c, e)), (scope_label(b), lambda c, e=b: in_scope(c, e))
    return None


def _compared_years(intent: Intent, library: Library) -> tuple[str, ...]:
    """The two versions compared: the years named, or one year named and the named scope's latest other
    version ("what changed in OA P3-K2-W2 compared to 2015?" → 2021 and 2015)."""
    if len(intent.years) != 1 or len(set(map(fold, intent.scope_terms))) != 1:
        return intent.years
    versions = {(e.version or "")[:4] for e in library.catalogue.scopes.get(fold(intent.scope_terms[0]), ())}
    others = sorted(v for v in versions - {intent.years[0], ""})
    return (others[-1], intent.years[0]) if others else intent.years


def _compared_fact_unstated(intent: Intent, library: Library) -> tuple[str, str] | None:
    """``(fact, scopes)`` when a comparison of programmes asks only a fact (level, crebo, sbu: "wat is het verschil
    in niveau tussen PMK en GPM 2021?") that the sources give for none of them (the 2020/21 extract); else None."""
    question = fold(intent.question)
    asked = [name for name, pattern in _FACT_WORDS.items() if re.search(pattern, question)]
    entries = narrow_entries(intent.scopes)
    if not asked or intent.levels or intent.competences or len(entries) < 2 or codes_in(intent.question) \
            or [w for w in topic_words(intent.topic) if not any(re.search(p, w) for p in _FACT_WORDS.values())]:
        return None
    if any(c.kind == PROFIEL and fact_value(c, asked[0]) and in_scope(c, e) for c in library.chunks for e in entries):
        return None
    return asked[0], describe_scopes(intent.scopes, intent.lang)


def _two_scopes(intent: Intent, entries: tuple[ScopeEntry, ...], library: Library) -> tuple[ScopeEntry, ScopeEntry]:
    """Two names named ("B1-K1-W3 of the OA and the GPM"): one entry of each, in a version both have
    (the latest; when the question asks a level, crebo or sbu, or names a unit by its title or by a code with a
    profile's addition, the latest that gives them or has it); else the first two entries."""
    terms = list(dict.fromkeys(fold(t) for t in intent.scope_terms))
    asks_facts = any(re.search(pattern, fold(intent.question)) for pattern in (
        *FACTS.values(), _FACT_DIFFERENCE, COMPARATIVE, LOAD_WEIGHED, SAME_FACT))  # "is GPM hoger dan PMK?", "welke
    # opleiding is zwaarder, OA of PMK?", "hebben PMK en GPM hetzelfde niveau?"
    titles = _quoted_titles(intent.question, library)
    codes = set(codes_in(intent.question))

    def rank(entry: ScopeEntry) -> tuple:
        facts = asks_facts and any(c.kind == PROFIEL and c.niveau and in_scope(c, entry) for c in library.chunks)
        named = (titles or codes) and any(in_scope(u.chunk, entry) and (fold(u.chunk.title or "") in titles or (
            u.chunk.code in codes and u.chunk.variant)) for u in library.units)  # "de aanvulling op B1-K1-W8"
        return (facts, bool(named), entry.version or "")

    if len(terms) >= 2:
        first = [e for e in entries if e in library.catalogue.scopes.get(terms[0], ())]
        second = [e for e in entries if e in library.catalogue.scopes.get(terms[1], ()) and e not in first]
        for a in sorted(first, key=rank, reverse=True):
            b = next((e for e in second if e.version == a.version), None)
            if b is not None:
                return a, b
        if first and second:
            return first[0], second[0]
    return entries[0], entries[1]


# --------------------------------------------------------------------------- lookups and what is not there


def _not_found(intent: Intent, problem: str, details: tuple[str, ...], hits: Sequence[Hit] = ()) -> Reply:
    return Reply(NOT_FOUND, intent.lang, read_as(replace(intent, type=NOT_FOUND)), intent, hits=tuple(hits),
                 problem=problem, details=details)


_DEFINITION = re.compile(
    r"^\s*(?:wat\s+(?:zijn|is|betekent|betekenen|houdt|houden|verstaan\s+we\s+onder)|what\s+(?:is|are|does|do)"
    r"|define|definieer|definition of|definitie van)\s+(?:een\s+|de\s+|het\s+|a\s+|an\s+|the\s+)?(.+?)"
    r"(?:\s+(?:in|mean|betekenen|in\s+houden|in\s*houdt))?\s*\??\s*$", re.IGNORECASE)


# "hoe wordt X gedefinieerd?", "wat is de definitie van X?", "what is meant by X?", "how is X defined?"
_DEFINED = re.compile(
    r"^\s*(?:hoe\s+(?:wordt|worden)\s+(?P<a>.+?)\s+(?:gedefinieerd|omschreven|uitgelegd)"
    r"|(?:wat\s+is\s+)?(?:de\s+)?(?:definitie|omschrijving)\s+van\s+(?P<b>.+?)"
    r"|wat\s+(?:wordt|verstaan\s+we|verstaat\s+\w+)\s+(?:er\s+)?(?:verstaan\s+)?onder\s+(?P<c>.+?)"
    r"|how\s+(?:is|are)\s+(?P<d>.+?)\s+(?:defined|described|explained)"
    r"|(?:what\s+is\s+)?the\s+definition\s+of\s+(?P<e>.+?)"
    r"|what\s+(?:is|are)\s+meant\s+by\s+(?P<f>.+?))"
    r"(?:\s+(?:in|according to|volgens)\s+.+?)?\s*[?.!]?\s*$", re.IGNORECASE)


def definition_subject(question: str) -> str | None:
    """``gedragsindicatoren`` in "wat zijn gedragsindicatoren?", ``interprofessioneel samenwerken`` in "hoe wordt
    interprofessioneel samenwerken gedefinieerd in …?" (a term of at most three words, no names, no code); the
    first sentence of several ("wat zijn gedragsindicatoren precies? staat er ergens een definitie?")."""
    first = re.split(r"(?<=[?!.])\s+", question.strip(), maxsplit=1)[0]
    question = re.sub(r"\s+(?:precies|eigenlijk|exactly|precisely|really)(?=\s*[?.!]?\s*$)", "", first,
                      flags=re.IGNORECASE)
    lead, colon, asked = question.partition(": ")  # "The document about ankerpunten: how does it define …?": the
    if colon and len(lead.split()) <= 6 and (_DEFINED.match(asked) or _DEFINITION.match(asked)) and not any(
            fold(w)[:4] in fold(asked) for w in lead.split() if len(w) > 3):  # question after the heading, unless
        question = asked  # the heading names the term ("Ankerpunten: wat is een ankerpunt?")
    match = _DEFINED.match(question)
    if match:
        term = next(g for g in match.groups() if g).strip(" ?.!'\"")
        term = re.sub(r"^(?:een|de|het|a|an|the)\s+", "", term, flags=re.IGNORECASE)
        return term if term and len(term.split()) <= 3 else None
    match = _DEFINITION.match(question)
    if not match:
        return None
    term = match.group(1).strip(" ?.!")
    return term if term and len(term.split()) <= 3 else None


def expansion_passage(term: str, library: Library) -> tuple[Chunk, str] | None:
    """The first passage that spells out an abbreviation asked for ("ADL", "VVE"), and its sentence: the long form
    just before the abbreviation in brackets, "activiteiten van het dagelijks leven (ADL)" (:func:`long_form`)."""
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,5}", term) or sum(ch.isupper() for ch in term) < 2:
        return None
    bracketed = re.compile(rf"\(\s*{re.escape(term)}\s*\)")
    for chunk in library.chunks:
        for sentence in split_sentences(chunk.text) if bracketed.search(chunk.text) else ():
            match = bracketed.search(sentence)
            if match and long_form(term, sentence[: match.start()]):
                return chunk, sentence.strip()
    return None


def long_form(short: str, before: str) -> str | None:
    """The long form of an abbreviation in the words just before it (Schwartz and Hearst's rule): every letter of
    the short form, last first, matches a letter of those words in order, the first letter at the start of a word;
    at most ``len(short) + 5`` words back ("activiteiten van het dagelijks leven" for ADL, "Voor- en Vroegschoolse
    Educatie" for VVE); None when the words do not spell it."""
    words = re.findall(r"[^\s()]+", before)[-(len(short) + 5):]
    text = " ".join(words).lower()
    s, i = len(short) - 1, len(text) - 1
    while s >= 0:
        ch = short[s].lower()
        while i >= 0 and (text[i] != ch or (s == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i, s = i - 1, s - 1
    start = text.rfind(" ", 0, i + 1) + 1
    return " ".join(words)[start:] or None


def _defined(term: str, library: Library) -> bool:
    """Whether a unit's title or a ``term:`` label states what ``term`` is ("het werkproces Behartigt belangen":
    the unit so titled)."""
    folded = re.sub(r"^(?:werk ?proces|kerntaak|competentie|profiel|work process|core task|competence|profile)\s+",
                    "", fold(term))
    for u in library.units:
        title = fold(u.chunk.title or u.chunk.competence or "")
        if title and (title == folded or title.startswith(folded)):
            return True
        if re.search(rf"(?im)^[ \t]*{re.escape(folded)}[ \t]*(?:[:=][ \t]*\S|is[ \t]|zijn[ \t])",
                     u.passage.lower()):  # on any line, said there ("Blauw = …"; not a heading "Gedragsindicatoren:")
            return True
    return False


def _glossed(term: str) -> list[str]:
    """The Dutch words the glossary gives for an English term ("light green": *lichtgroen*)."""
    return glossary.GLOSSARY.get(term.lower().strip(), "").split()


def unknown_words(topic: str, library: Library) -> list[str]:
    """The topic's content words the sources do not hold (see :mod:`assistant.evidence`)."""
    return evidence.missing(topic, library.vocab, "en")[1]


def _compound_known(word: str, library: Library) -> bool:
    return evidence.compound_known(word, library.vocab)


def _compounds_apart(topic: str, library: Library) -> str:
    """The topic with each word the sources do not hold, but write as two words of their own near each other, written
    as those parts ("huiswerkbegeleiding" → "huiswerk begeleiding": "begeleidt kinderen bij het huiswerk")."""
    def apart(match: re.Match) -> str:
        word = match.group(0)
        parts = None if fold(word) in library.words else evidence.compound_apart(fold(word), library.vocab)
        if parts is None or any(p in STOPWORDS or p in question_words() for p in parts):
            return word  # "tegengaan": a verb with its particle; "leerkracht": no unit writes *leer* … *kracht*
        return " ".join(parts)

    return re.sub(r"[^\W\d_]{8,}", apart, topic)


def lookup(intent: Intent, library: Library, filters: Filters, search: Search, page: int = 0) -> Reply:
    """The ranked passages (several versions named: each version searched), weak ones left out, paged."""
    bad_levels = [lv for lv in intent.levels if intent.competences and
                  all(lv not in library.levels.get(c, ()) for c in intent.competences)]
    if bad_levels:
        near = search(intent.question, filters, 3)
        return _not_found(intent, "unknown_level", (", ".join(intent.competences), str(bad_levels[0])), near)
    term = definition_subject(intent.question)
    spelled = expansion_passage(term, library) if term and not intent.scopes and not intent.competences else None
    if spelled is not None:  # "wat betekent ADL?": "… activiteiten van het dagelijks leven (ADL) …" first
        chunk, sentence = spelled
        found = Hit(chunk, 1.0, (), sentence)
        near = [h for h in search(intent.question, filters, PAGE) if h.chunk != chunk]
        return Reply(LOOKUP, intent.lang, read_as(intent), intent, hits=(found, *near[: PAGE - 1]),
                     ranked=(found, *near), filters=_applied(intent, filters))
    if term and not intent.scopes and not intent.competences and not re.search(r"\d", term) \
            and not _defined(term, library) and not any(_defined(dutch, library) for dutch in _glossed(term)):
        # "what does light green mean?": the legend's "Lichtgroen = …" defines it
        near = search(intent.question, filters, 3)
        uses = sum(1 for u in library.units if fold(term) in fold(u.passage))
        return _not_found(intent, "no_definition", (term, str(uses)), near)
    k = PAGE * (page + 1)
    if len(intent.years) >= 2 and not filters.version:
        hits = _per_version(intent, library, filters, search, k)
    else:  # the version a named year gives is the search's only: the chips show the question's own filters
        hits = search(intent.question, _year_named(intent, library, filters), k + 1)
    hits = [_requirements_shown(hit) for hit in _in_named_scope(intent, hits, filters)]
    if intent.kind == COMPETENTIE:  # "welke SBB-competenties horen bij B1-K1-W3 van PW?", "which competences does
        hits = [_sbb_shown(hit, library.sbb, intent.lang) for hit in hits]  # a TA need for …": what the units name
    ranked = hits[page * PAGE: k]
    shown = trim(ranked) if page == 0 else ranked
    return Reply(LOOKUP, intent.lang, read_as(intent), intent, hits=tuple(shown), ranked=tuple(ranked), page=page,
                 more=len(hits) > k or (page == 0 and len(shown) < min(len(hits), PAGE)),
                 filters=_applied(intent, filters))


def _requirements_shown(hit: Hit) -> Hit:
    """A profile's requirements passage (SBB's *bijzondere vereisten*) with every requirement it states as the quoted
    text ("… VOG …", "… ingeënt tegen Hepatitis B …"), not only the sentence nearest the question."""
    if hit.chunk.kind != "beroepsvereisten" or _NO_REQUIREMENT.search(hit.chunk.text):
        return hit
    lines = _requirement_lines([hit.chunk])
    return replace(hit, best_sentence=" ".join(lines)) if len(lines) > 1 else hit


def _in_named_scope(intent: Intent, hits: list[Hit], filters: Filters) -> list[Hit]:
    """The hits of a unit asked by code in a named scope ("B1-K1-W3 van Pedagogisch werk"): the scope's own, when
    it holds any (the same code in other dossiers is another unit)."""
    if not intent.scopes or not codes_in(intent.question):
        return hits
    keep = scope_filter(intent, filters)
    own = [hit for hit in hits if keep(hit.chunk)]
    return own or hits


_SBB_LABEL = {"nl": "SBB-competenties", "en": "SBB competences"}


def _sbb_shown(hit: Hit, sbb: dict[str, str], lang: str) -> Hit:
    """A werkproces hit with the SBB competences it names as the quoted sentence (a question that asks for
    competences), when it names any (:func:`unit_sbb`: its SBB line, or the 2020/21 "onderliggende competenties")."""
    if hit.chunk.kind != WERKPROCES:
        return hit
    letters = sorted(unit_sbb(hit.chunk.passage or hit.chunk.text, sbb))
    if not letters:
        return hit
    named = "; ".join(f"{code} {sbb.get(code, '')}".strip() for code in letters)
    return replace(hit, best_sentence=f"{_SBB_LABEL.get(lang, _SBB_LABEL['nl'])}: {named}")


def _year_named(intent: Intent, library: Library, filters: Filters) -> Filters:
    """The filters with the one year the question names as their version, when it names a unit by code in a named
    scope ("P1-K1-W3 of PMK 2015": not the 2021 unit of that code), no version is set, the year has one version and
    no change is asked."""
    if len(intent.years) != 1 or filters.version or asks_change(intent.question) or not intent.scopes \
            or not codes_in(intent.question):
        return filters
    versions = [v for v in library.catalogue.versions if v.startswith(intent.years[0])]
    return replace(filters, version=versions[0]) if len(versions) == 1 else filters


def _per_version(intent: Intent, library: Library, filters: Filters, search: Search, k: int) -> list[Hit]:
    """Each named version searched on its own, then merged by score, taking turns so each version shows."""
    versions = [v for v in library.catalogue.versions if v[:4] in intent.years]
    ranked = [search(intent.question, replace(filters, version=v), k) for v in versions]
    merged: list[Hit] = []
    seen: set[str] = set()
    for i in range(k):
        for hits in ranked:
            if i < len(hits) and hits[i].chunk.id not in seen:
                seen.add(hits[i].chunk.id)
                merged.append(hits[i])
    return merged[: k + 1]


def trim(hits: Sequence[Hit], share: float = WEAK_SHARE) -> list[Hit]:
    """The hits without those that score below ``share`` of the best (the best is always kept)."""
    if not hits:
        return []
    top = hits[0].score
    return [h for h in hits if top <= 0 or h.score >= share * top]


# --------------------------------------------------------------------------- the router's answer


@dataclass(frozen=True)
class Request:
    """One question to answer: the routed intent, the filters, the lookup page."""

    intent: Intent
    filters: Filters = field(default_factory=Filters)
    page: int = 0


def build(request: Request, library: Library, search: Search) -> Reply:
    """The reply for a routed question (bad scope or level → ``not_found`` with the closest names)."""
    intent, filters = request.intent, request.filters
    if intent.conflict:
        return Reply(LOOKUP, intent.lang, read_as(intent), intent, problem="conflict", details=intent.conflict)
    if intent.unknown_scope:
        return _not_found(intent, "unknown_scope", (intent.unknown_scope, *_closest(
            intent.unknown_scope, intent.suggestions, library, search)))
    if intent.owner and (unknown_words(intent.owner, library) or half_a_name(intent.owner, library.catalogue)):
        # a role no dossier has ("sports masseur", "de pedagogisch medewerker jeugdzorg in PW 2015")
        return _not_found(intent, "unknown_scope", (intent.owner, *_closest(intent.owner, intent.suggestions,
                                                                             library, search)))
    if intent.unknown_years and (not intent.years or (intent.type == COMPARE and len(intent.years) < 2)):
        # "what changed between the 2020 version and the 2024 version?": there is no 2024 to compare with
        known = tuple(sorted({v[:4] for v in library.catalogue.versions}))
        return _not_found(intent, "unknown_version", (intent.unknown_years[0], *known))
    if intent.missing_version:
        name, *versions = intent.missing_version
        lacking = [y for y in intent.years if y not in versions] or list(intent.years)
        return _not_found(intent, "missing_version", (name, ", ".join(lacking), *versions))
    code = unknown_code(intent, library)
    if code:
        return _not_found(intent, "unknown_code", code)
    intent = profile_by_code(intent, library)
    unlinked = without_sbb(intent, library, filters)
    if unlinked:  # "welke SBB-competenties horen bij B1-K1-W4 van sociaal werk 2020?": the 2020/21 texts name none
        return _not_found(intent, "no_sbb", unlinked, search(intent.question, filters, 3))
    unlinked_sbb = sbb_without_units(intent, library)
    if unlinked_sbb:  # "welke werkprocessen horen bij de SBB-competentie Creëren en innoveren?": no unit names it
        return _not_found(intent, "no_links", unlinked_sbb, search(intent.question, filters, 3))
    competence = unknown_competence(intent, library)
    if competence:
        near = search(intent.question, filters, 3)
        return _not_found(intent, "unknown_competence", competence, near)
    unknown_letters = [c for c in sbb_letters(intent.question) if c not in library.sbb]
    if unknown_letters and library.sbb:  # "which units have SBB competence Z?": the letters run from A to Y
        known = sorted(library.sbb)
        return _not_found(intent, "unknown_sbb", (unknown_letters[0], known[0], known[-1]))
    alone = intent.topic if intent.type == LOOKUP and intent.scopes else ""  # "helpende salary?": the topic alone
    absent = asked_absent_fact(intent.question, topic=alone)
    if absent and absent.held_in((c.passage or c.text for c in library.chunks), intent.topic):
        absent = None  # "hoeveel kinderen per beroepskracht bij voorschoolse educatie?": Pedagogisch Werk states it
    if absent:  # "welke scholen bieden sociaal werk aan?", "how much does an onderwijsassistent earn?", "helpende
        # salary?"
        return _not_found(intent, "absent_fact", (absent.name(intent.lang), absent.kind),
                          search(intent.question, filters, 3))
    target = _target_level(intent, library)
    if target is not None:  # "welk niveau klantgerichtheid is gewenst voor een sociaalwerker B?": the marking
        if target.levels:
            return lookup(replace(intent, type=LOOKUP, levels=target.levels), library, filters, search, request.page)
        levels = [_level_item(library, target.competence, n) for n in library.levels.get(target.competence, ())]
        return _not_found(intent, "no_target_level", (target.competence, target.legend, target.profile),
                          [_as_hit(i) for i in levels if i is not None])  # the levels themselves, in order
    owner = _unknown_owner(intent, library)
    if owner:  # "crebo verzorgende IG?": a qualification the sources do not hold
        return _not_found(intent, "unknown_scope", (owner, *_closest(owner, intent.suggestions, library, search)))
    fact = asked_fact(intent, library)
    if fact:  # "wat is het crebonummer van de thuisbegeleider?", "op welk niveau is de OA 2015?": from the model
        reply = fact_reply(fact, intent, library, filters, search)
        if not (reply.type != NOT_FOUND and intent.type == LIST and intent.mode == TREE and intent.kind == PROFIEL
                and not intent.codes_named and not _DOSSIER_FACT.search(fold(intent.question))):
            return reply  # "How many profiles does MZ have, and at which level is each?": the list of profiles,
            # which gives each one's level, crebo and sbu
    held = _not_held(intent, library)
    if held:
        return _not_found(intent, "not_in_sources", held, search(intent.question, filters, 3))
    elsewhere = _not_in_scope(intent, library)
    if elsewhere:  # "welke Engelse taaleisen gelden voor de OA in 2021?": the 2015 dossier says, the extract not
        return _not_found(intent, "not_in_scope", elsewhere, search(intent.question, filters, 3))
    if intent.keywords and names_section(intent.topic, library):  # "wettelijke beroepsvereisten sociaal werk"
        return lookup(replace(intent, type=LOOKUP), library, filters, search, request.page)
    if intent.type == LIST and intent.mode == TREE and intent.kind == SPECIALISATIES and all(
            _is_profile_of_competences(e, library) for e in intent.scopes):
        # "which specialisations does the competence profile list?": one passage lists them, a lookup shows it
        return lookup(replace(intent, type=LOOKUP), library, replace(filters, kind=SPECIALISATIES), search,
                      request.page)
    wrong_level = _profile_not_at(intent, library)
    if wrong_level:  # "de werkprocessen van de helpende zorg en welzijn op niveau 3": that profile is niveau 2
        return _not_found(intent, "level_mismatch", wrong_level, search(intent.question, filters, 3))
    relative = relative_load(intent, library) if intent.type == LIST and intent.kind == PROFIEL else None
    if relative:  # "welke profielen hebben meer sbu dan de PMK?": every profile, by the PMK's load
        intent = replace(intent, scopes=(), scope_terms=(), question=f"{intent.question} ({relative})")
    if intent.type == LIST and intent.kind == PROFIEL and study_load_asked(intent.question):
        intent = replace(intent, mode=TREE)  # "which 2015 profiles have 6400 sbu?": the profiles, by their load
    required = _requirements_asked(intent, library) if intent.type == LIST \
        and (intent.kind or filters.kind) == PROFIEL else None  # a list of profiles by what they require
    if required is not None and intent.kind == PROFIEL:
        intent = replace(intent, mode=TREE)  # "voor welke profielen is een VOG vereist?": by their requirements
    generic = generic_compared(intent, library)
    if generic is not None:  # "is the OA's English requirement higher than the generic one for level 4?"
        return generic
    stated = stated_where(intent, library, filters)
    if stated:  # "bij welke werkprocessen wordt taalniveau 3F gevraagd?": a toelichting names them, the units not
        asked = replace(intent, type=LOOKUP)
        return Reply(LOOKUP, intent.lang, read_as(asked), asked, hits=tuple(stated[:PAGE]), ranked=tuple(stated),
                     filters=_applied(asked, filters))
    if intent.type == LIST and intent.mode == WHERE and intent.kind is None \
            and _ASKS_WHAT_IT_SAYS.search(fold(intent.question)) and law_outside_units(intent.question, library):
        intent = replace(intent, type=LOOKUP, mode=None)  # "Wat staat er in de dossiers over de Wet zorg en dwang?":
        # the passages that name the law; no werkproces does (its words apart are no law)
    if intent.type == COMPARE and len(set(map(fold, intent.scope_terms))) == 1 and len(intent.years) < 2 \
            and not intent.levels and subject_level_asked(intent):  # "welk referentieniveau Nederlands geldt voor X,
        intent = replace(intent, type=LOOKUP, mode=None)  # en geldt voor rekenen hetzelfde niveau?": its levels
    if intent.type == LIST and intent.mode == WHERE and subject_level_asked(intent):
        intent = replace(intent, type=LOOKUP, mode=None)  # "welk taalniveau Nederlands moet een PMK halen en is dat
        # ergens hoger?": the requirement, from the dossier's generic part first, and where it is set higher
    if intent.type == LIST:
        reply = list_tree(intent, library, filters, required) if intent.mode == TREE \
            else list_where(intent, library, filters)
        if intent.mode == TREE and intent.scopes and (intent.kind or WERKPROCES) == WERKPROCES:
            reply = _narrowed(reply, intent, library, filters)
    elif intent.type == COMPETENCE:
        reply = competence_list(intent, library, filters)
    elif intent.type == COMPARE:
        if _asks_addition_only(intent) and _addition(intent, library) is None:
            # "wat voegt het profiel OA toe aan B1-K1-W5?" when it adds nothing there: that unit, not two versions
            return lookup(replace(intent, type=LOOKUP), library, filters, search, request.page)
        profiles = dossier_profiles_compared(intent, library)
        if len(profiles) > 2:  # "How do the three Dienstverlening profiles differ in level, crebo and sbu?"
            return _profiles_side_by_side(profiles, replace(intent, type=COMPARE), library)
        if profiles:  # "how do the two Sociaal werk 2015 profiles differ?": those two, not two versions
            intent = replace(intent, scopes=profiles, years=(), scope_terms=tuple(e.profile or "" for e in profiles))
        unstated = _compared_fact_unstated(intent, library)
        if unstated:  # "… verschil in niveau tussen PMK en GPM?" + "en in de nieuwe dossiers van 2021?": none given
            return _not_found(intent, "no_fact", unstated, search(intent.question, filters, 3))
        fact = _dossier_facts_compared(intent, library)
        if fact:  # "PW and SW side by side: dossier crebo and the levels of their profiles": each dossier's facts
            return _dossier_facts(fact, intent, library)
        return compare(intent, library, filters)
    else:
        section = _section_unstated(intent, library, filters) or _part_unstated(intent, library)
        if section:  # "wat is de resultaatbeschrijving van P1-K1-W4 van PMK 2021?", "hoe groot is de kans op werk
            # voor de coördinator sport, bewegen en gezondheid?": the extract gives none
            return _not_found(intent, "no_fact", section, search(intent.question, filters, 3))
        added = _addition(replace(intent, type=COMPARE), library) if _asks_addition_only(intent) else None
        if added is not None:  # "for Evalueert de werkzaamheden, what does the OA do on top of the basisdeel?"
            return added
        if adoption_asked(intent):  # "wanneer is het KD PW vastgesteld en door wie?": the voorblad's passage first
            profile_asked = not intent.scopes and _COMPETENCE_PROFILE.search(fold(intent.question)) is not None
            if profile_asked or (intent.scopes and not _adoption_hits(scope_filter(intent, filters), library)):
                scope = describe_scopes(intent.scopes, intent.lang) if intent.scopes else next(  # "who adopted the
                    (c.dossier or "" for c in library.chunks if c.kind == COMPETENTIE), "")  # competence profile?"
                return _not_found(intent, "no_fact", ("vaststelling", scope), search(intent.question, filters, 3))
            return _adoption_first(lookup(intent, library, filters, search, request.page), intent, library, filters)
        subject = subject_level_asked(intent)
        unstated = _requirement_unstated(intent, subject, library)
        if unstated:  # "Geldt voor PMK 2021 ook een VOG-eis?": the extract states no requirements
            scope = describe_scopes(intent.scopes, intent.lang)
            return _not_found(intent, "no_fact", (unstated, scope), search(intent.question, filters, 3))
        if subject:  # "welk niveau Nederlands moet een thuisbegeleider halen?": the dossier's generic part first
            return _subject_levels_first(lookup(intent, library, filters, search, request.page), subject, intent,
                                         library)
        return every_with_code(intent, library, filters) or lookup(intent, library, filters, search, request.page)
    if reply.type == LIST and reply.items and intent.mode == WHERE:
        content, unknown = _topic_evidence(intent, library)
        if any("-" in w for w in unknown) and evidence.not_held(content, unknown, intent.lang, bool(intent.scopes),
                                                                library.vocab):  # "rijbewijs-eis": units that
            # hold its known part ("eis") are no answer when the concept is unknown
            return _not_found(intent, "not_in_sources", tuple(unknown), _nearest(intent, filters, search))
    if reply.type == COMPETENCE and not reply.items:  # no unit links it: say so, show the nearest
        details = reply.details or (intent.topic or describe_scopes(intent.scopes, intent.lang),)
        return _not_found(intent, "no_links", details, search(intent.question, filters, 3))
    if reply.type == LIST and not reply.items and intent.mode != TREE:  # a typo in the theme? ("hygene")
        fixed = correct_words(intent.topic, library.words, intent.lang)
        if fixed != intent.topic:
            again = list_where(replace(intent, topic=fixed), library, filters)
            reply = again if again.items else reply
    if reply.type == LIST and not reply.items and intent.mode == TREE and intent.kind == PROFIEL and (
            intent.levels or filters.level):  # "welke daarvan zijn niveau 2?"
        return _no_profile_at(intent, library, filters)
    if reply.type == LIST and not reply.items and intent.mode == TREE and intent.kind == PROFIEL \
            and study_load_asked(intent.question):  # "which profiles have 9999 sbu?": none
        return _not_found(intent, "empty_list", (PROFIEL, describe_scope(intent) + _load_phrase(intent), ""))
    added_to = _added_to(intent.question)
    if reply.type == LIST and not reply.items and intent.mode == TREE and intent.kind == PROFIEL \
            and required is not None:  # "welke profielen vereisen een BHV-diploma?"
        return _not_found(intent, "empty_list", (PROFIEL, describe_scope(intent) + READ_AS[intent.lang][
            "with_requirement"], ""))
    if reply.type == LIST and not reply.items and intent.mode == TREE and intent.scopes and added_to:
        return _not_found(intent, "empty_list", (WERKPROCES, describe_scope(intent) + READ_AS[intent.lang][
            "no_additions_to"].format(codes=", ".join(added_to)), ""))  # no profile adds to that unit
    if reply.type == LIST and not reply.items and intent.mode == TREE and intent.scopes \
            and (intent.kind or WERKPROCES) in (WERKPROCES, KERNTAAK, PROFIEL):  # the tree has none of them
        return _not_found(intent, "empty_list", _none_in(intent, library, filters), search(intent.question, filters, 3))
    if reply.type == LIST and not reply.items and intent.mode == WHERE and filters.version and not intent.scopes:
        other = list_where(intent, library, replace(filters, version=None))  # "en in 2021?" after a theme found in
        if other.items:  # 2015 only: that year's dossiers have none, the others do
            others = ", ".join(dict.fromkeys(scope_label(ScopeEntry(i.chunk.dossier, None, i.chunk.version))
                                             for i in other.items if i.chunk.dossier))
            return _not_found(intent, "not_in_year", (filters.version[:4], others, intent.topic),
                              _nearest(intent, filters, search))
    if reply.type == LIST and not reply.items and intent.mode == WHERE and reply.details:  # a word no unit has
        return _not_found(intent, "not_in_units", reply.details, _nearest(intent, filters, search))
    if reply.type == LIST and not reply.items and intent.mode == WHERE:
        content, unknown = _topic_evidence(intent, library)
        if unknown and (len(unknown) == len(content) or evidence.not_held(content, unknown, intent.lang,
                                                                          bool(intent.scopes), library.vocab)):
            # nothing listed, and the theme is words the sources lack ("radicalisation in Sociaal Werk 2020")
            return _not_found(intent, "not_in_sources", tuple(unknown), _nearest(intent, filters, search))
    if reply.type == LIST and not reply.items:  # no complete list to give: the ranked answer (or not found)
        asked = replace(intent, type=LOOKUP)
        elsewhere = _not_in_scope(asked, library) if intent.mode == WHERE else ()
        if elsewhere:  # "staat er iets over de VOG in het PMK dossier van 2021?": other dossiers say, that one not
            return _not_found(asked, "not_in_scope", elsewhere, search(intent.question, filters, 3))
        return lookup(asked, library, filters, search, request.page)
    return reply


# "every unit whose code is B1-K2-W2", "alle B1-K2-W2's in alle dossiers": each unit with that code, from the model
_EVERY = re.compile(r"\b(?:every|all|alle|elke|ieder\w*)\s+(?:(?:de|het|the)\s+)?[bp][1-9]-k"
                    r"|\b(?:every|all|alle|elke|ieder\w*)\s+(?:[\w-]+\s+){0,2}?(?:units?|eenheden|werk ?process\w*"
                    r"|work ?process\w*|versies|versions|varianten|variants)\b"
                    r"|\b(?:met|with|whose)\s+(?:de\s+|the\s+)?code\b|\boveral\b")  # not "alle informatie over X"


# a section of one werkproces asked ("de resultaatbeschrijving van P1-K1-W4", "the behaviour description of …")
_RESULT_WORD = r"resulta(?:at|ten)(?:beschrijving)?|results?|outcome"
_BEHAVIOUR_WORD = r"gedrag(?:sbeschrijving)?|behaviou?r(?:\s+description)?"
_SECTION_ASKED = re.compile(rf"\b(?:het|de|the|its)\s+(?:({_RESULT_WORD})|({_BEHAVIOUR_WORD}))"
                            # "the resultaat and gedrag of GPM 2021 P2-K1-W3": both, a programme before the code
                            rf"(?:\s+(?:en|and|&)\s+(?:(?:het|de|the|its)\s+)?(?:({_RESULT_WORD})|({_BEHAVIOUR_WORD})))?"
                            r"\s+(?:van|of|bij|for|in)\s+(?:[\w&'()-]+\s+){0,4}?"
                            r"(?:(?:het|the)\s+)?(?:(?:werk\s?proces|work\s?process|wp)\s+)?[bp][1-9i]-k")  # the code
_SECTION_HEADING = {"resultaat": "Resultaat:", "gedrag": "Gedrag:"}


def _section_unstated(intent: Intent, library: Library, filters: Filters) -> tuple[str, str] | None:
    """``(section, unit)`` when the question asks the result or behaviour section of the one werkproces it names
    and no text of that unit in scope has the section (the 2020/21 extract gives the omschrijving only)."""
    match = _SECTION_ASKED.search(fold(intent.question))
    codes = codes_in(intent.question)
    if match is None or len(codes) != 1:
        return None
    sections = [name for name, groups in (("resultaat", (1, 3)), ("gedrag", (2, 4)))
                if any(match.group(g) for g in groups)]
    keep = scope_filter(intent, filters)
    units = [u for u in library.units if u.chunk.kind == WERKPROCES and (u.chunk.code or "").upper() == codes[0]
             and keep(u.chunk)]
    if not units or any(_SECTION_HEADING[section] in u.passage for u in units for section in sections):
        return None
    return "_".join(sections), subject(units[0].chunk)  # "resultaat_gedrag": both asked


def every_with_code(intent: Intent, library: Library, filters: Filters) -> Reply | None:
    """The list of every unit in scope with the one code a question names (a profile's addition to it included),
    when it asks for all of them: a code is one unit per dossier version and profile, and a lookup would rank
    only the nearest few; else None."""
    codes = set(codes_in(intent.question))
    if len(codes) != 1 or not _EVERY.search(fold(intent.question)):
        return None
    keep = scope_filter(intent, filters)
    code = codes.pop()  # a profile's addition to the unit too (its variant): it is that unit for the profile
    chunks = [c for c in library.chunks if (c.code or "").upper() == code and c.part == 1 and keep(c)]
    if len(chunks) < 2:
        return None
    asked = replace(intent, type=LIST)
    items = [Item(c, c.passage or c.text, _part(c)) for c in chunks]
    return Reply(LIST, intent.lang, read_as(asked, code=chunks[0].code), asked, items=_sorted(items),
                 filters=_applied(asked, filters))


def asks_programme_level(text: str) -> bool:
    """Whether a message asks a qualification's level in words (:data:`FACTS`: "which level has X?")."""
    return FACTS["niveau"].search(fold(text)) is not None


def asks_fact_words(text: str) -> bool:
    """Whether a message names a qualification fact (crebo, level, study load, type) at all."""
    folded = fold(text)
    return any(re.search(pattern, folded) for pattern in _FACT_WORDS.values())


def asks_crebo_or_load(text: str) -> bool:
    """Whether a message asks a qualification's crebo or study load (:data:`FACTS`)."""
    folded = fold(text)
    return any(FACTS[name].search(folded) for name in ("crebo", "sbu"))


def _nearest(intent: Intent, filters: Filters, search: Search) -> list[Hit]:
    """The passages nearest to a theme no werkproces holds: searched by the theme, not by the question's words
    around it ("welke werkprocessen gaan over dementie?" would find units about *werkzaamheden*); those of the
    question's scope first."""
    hits = search(intent.topic or intent.question, filters, 10)
    keep = scope_filter(intent, filters)
    return sorted(hits, key=lambda h: not keep(h.chunk))[:3]


def intent_levels(intent: Intent) -> tuple[int, ...]:
    """The levels a question names, a programme's level after a name included ("MZ op niveau 3")."""
    return intent.levels or find_levels(fold(intent.question))


def _programme_levels(intent: Intent, library: Library) -> dict[tuple, str] | None:
    """``(dossier, version, folded profile) → niveau`` of the profiles in scope, when a werkproces list of whole
    dossiers names a level at which some of their profiles are (the SBB exports give the niveau); else None."""
    if not intent_levels(intent) or intent.competences or any(e.profile for e in narrow_entries(intent.scopes)) \
            or not intent.scopes:
        return None
    levels = {key: niveau for key, niveau in profile_niveaus(narrow_entries(intent.scopes), library).items()
              if niveau}
    asked = {str(n) for n in intent_levels(intent)}
    return levels if levels and asked & set(levels.values()) else None


def _level_phrase(intent: Intent) -> str:
    """The reading's " op niveau 2" for the programme levels a question names."""
    words = READ_AS[intent.lang]
    return words["at_level"].format(levels=words["and"].join(map(str, intent_levels(intent))))


def _both(first: Callable[[Chunk], bool], second: Callable[[Chunk], bool]) -> Callable[[Chunk], bool]:
    """A filter that keeps what both keep."""
    return lambda chunk: first(chunk) and second(chunk)


# programmes at a level, the level after them ("profielen op niveau 3", "the programmes at level 3"); before them
# it is query.PROGRAMME_LEVEL ("the level 3 profiles")
_PROGRAMMES_AT_LEVEL = re.compile(r"\b(?:profielen|profiles|opleidingen|programm?es|programs|qualifications"
                                  r"|kwalificaties)\s+(?:op|at|of)\s+(?:mbo[- ]?)?(?:niveau|level)\s*[1-4]\b")


def _at_programme_level(intent: Intent, library: Library) -> Callable[[Chunk], bool] | None:
    """Whether a unit belongs to a programme at the mbo level the question names (a profile's unit: that profile's
    niveau; a basisdeel unit: one of its dossier's profiles), or None when no level is named, a competence is (its
    level; but a level after a programme's name is the programme's: "klantgerichtheid bij PW niveau 3"), or no
    profile is at that level."""
    asked = {str(n) for n in intent_levels(intent)}
    programmes = PROGRAMME_LEVEL.search(fold(intent.question)) or _PROGRAMMES_AT_LEVEL.search(fold(intent.question))
    if not asked or (intent.competences and intent.levels and not programmes):
        return None
    profiles = {(c.dossier, c.version, fold(c.profile)): c.niveau for c in library.chunks
                if c.kind == PROFIEL and c.profile and c.niveau}
    if not asked & set(profiles.values()):
        return None
    by_name: dict[str, set[str]] = {}  # a profile's niveau in the versions that give one (the extract gives none)
    for (_, _, name), niveau in profiles.items():
        by_name.setdefault(name, set()).add(niveau)
    named: dict[tuple, set[str]] = {}
    for c in library.chunks:
        if c.profile:
            named.setdefault((c.dossier, c.version), set()).add(fold(c.profile))

    def niveaus(dossier: str, version: str | None, name: str) -> set[str]:
        own = profiles.get((dossier, version, name))
        return {own} if own else (by_name.get(name, set()) if len(by_name.get(name, ())) == 1 else set())

    def at(chunk: Chunk) -> bool:
        if chunk.profile:  # "… in PMK 2021, niveau 3": the profile's niveau, or its other version's
            return bool(asked & niveaus(chunk.dossier, chunk.version, fold(chunk.profile)))
        return bool(asked & {n for name in named.get((chunk.dossier, chunk.version), ())
                             for n in niveaus(chunk.dossier, chunk.version, name)})

    return at


def profile_niveaus(entries, library: Library) -> dict[tuple, str | None]:
    """``(dossier, version, folded profile) → niveau`` of the profiles in ``entries`` (the SBB exports give it;
    ``None`` where a profile has none)."""
    found: dict[tuple, str | None] = {}
    for c in library.chunks:
        if c.kind == PROFIEL and c.profile and any(in_scope(c, e) for e in entries):
            key = (c.dossier, c.version, fold(c.profile))
            found[key] = found.get(key) or c.niveau  # a profile's texts: the one that gives the niveau
    return found


def _profile_not_at(intent: Intent, library: Library) -> tuple[str, ...]:
    """``(profile or dossier, its niveau, the levels asked)`` when a werkproces list names one profile, or one
    dossier, and a level it is not at (the SBB exports give each profile's niveau; a dossier is at the levels of
    its profiles, in any of its versions that give them); empty otherwise."""
    asked = intent_levels(intent)  # "de helpende op niveau 3": a programme's level
    if intent.type != LIST or intent.mode != TREE or not asked or intent.competences \
            or (intent.kind or WERKPROCES) != WERKPROCES:
        return ()
    entries = narrow_entries(intent.scopes)
    profiles = {fold(e.profile): e for e in entries if e.profile}
    dossiers = {(e.dossier, e.version) for e in entries}
    if len(profiles) == 1:
        entry = next(iter(profiles.values()))
        name = entry.profile
        levels = {niveau for (_, _, profile), niveau in profile_niveaus([entry], library).items()
                  if niveau and profile == fold(entry.profile)}
    elif not profiles and len({fold(d) for d, _ in dossiers}) == 1:  # "welke werkprocessen heeft Dienstverlening
        # op niveau 3?"; of a dossier in two versions, the levels its versions' profiles give ("sw2": SW is niveau 4)
        name = describe_scopes(intent.scopes, intent.lang)
        levels = set(profile_niveaus(entries, library).values())
        if not levels or None in levels or "" in levels:
            return ()
    else:
        return ()
    if not levels or any(str(level) in niveau for level in asked for niveau in levels):
        return ()
    return name, " / ".join(sorted(levels)), " / ".join(str(level) for level in asked)


def _no_profile_at(intent: Intent, library: Library, filters: Filters) -> Reply:
    """No profile of the scope at the level asked: ``no_fact`` when the sources give no profile a level, else
    ``empty_list`` for "profielen van X op niveau N"."""
    keep = scope_filter(intent, replace(filters, level=None))
    profiles = [c for c in library.chunks if c.kind == PROFIEL and c.profile and keep(c)]
    scope = describe_scope(intent)
    if not any(c.niveau for c in profiles):
        return _not_found(intent, "no_fact", ("niveau", scope))
    levels = READ_AS[intent.lang]["and"].join(map(str, intent.levels or (filters.level,)))
    return _not_found(intent, "empty_list", (PROFIEL, scope + READ_AS[intent.lang]["at_level"].format(levels=levels),
                                              ""))


def _none_in(intent: Intent, library: Library, filters: Filters) -> tuple[str, str, str]:
    """("profiel", "Sociaal Werk 2020", "extract"): the kind a scope's tree has none of, the scope, and whether
    its source holds only part of the dossier ("welke profielen heeft Sociaal Werk 2020?")."""
    keep = scope_filter(intent, replace(filters, level=None))
    extract = any(c.extract for c in library.chunks if keep(c))
    scope = describe_scopes(intent.scopes, intent.lang)
    if _own_only(intent.question):
        scope = READ_AS[intent.lang]["own_part"].format(scope=scope)
    elif _additions_only(intent.question) and not _all_parts(intent.question):  # "… een aanvulling voor de PMK?"
        scope = READ_AS[intent.lang]["additions_part"].format(scope=scope)
    return (intent.kind or WERKPROCES, scope, "extract" if extract else "")


UNIT_KINDS = frozenset({WERKPROCES, KERNTAAK, PROFIEL, COMPETENTIENIVEAU, COMPETENTIE})


def names_section(topic: str, library: Library) -> bool:
    """The words name a section of a dossier ("typering", "wettelijke beroepsvereisten"): a title of a text that
    is no unit holds all their stems."""
    wanted = set(tokenize(topic))
    return bool(wanted) and any(wanted <= set(tokenize(u.chunk.title or "")) for u in library.units
                                if u.chunk.kind not in UNIT_KINDS)


_PROFILE_CODE = re.compile(r"\b(?:profiel|profile)\s+[Pp]([1-9])\b|\bP([1-9])\b(?!-)")


def _profile_codes(question: str) -> list[str]:
    """The profile codes a question names on their own ("profiel P1", "P2 van S&B"; not "P2-K1")."""
    return [f"P{m.group(1) or m.group(2)}" for m in _PROFILE_CODE.finditer(question)]


def profile_by_code(intent: Intent, library: Library) -> Intent:
    """"welke werkprocessen heeft P2 van Sport & Bewegen 2021?": the scope narrowed to the profile of that code."""
    codes = set(_profile_codes(intent.question))
    if not codes or not intent.scopes:
        return intent
    keep = scope_filter(intent, Filters())
    named = tuple(dict.fromkeys(ScopeEntry(c.dossier, c.profile, c.version) for c in library.chunks
                                if c.kind == PROFIEL and c.code in codes and c.profile and keep(c)))
    return replace(intent, scopes=named) if named else intent


def unknown_code(intent: Intent, library: Library) -> tuple[str, ...]:
    """``("P3-K3", "Onderwijsassistent 2021", "P3-K1", "P3-K2")`` when a unit code the question names has no
    unit in the question's scope (all sources when it names none): the code, the scope, and the codes the
    scope does have at that level (the werkprocessen of the same kerntaak, else its kerntaken)."""
    codes = codes_in(intent.question)
    profiles = _profile_codes(intent.question) if intent.scopes else []
    if not codes and not profiles:
        return ()
    whole = replace(intent, question="")  # the scope's units of every part: "the profile-specific supplement to
    # B1-K1-W5" asks of a basisdeel code
    if intent.years and intent.type != COMPARE and not asks_change(intent.question):  # "P2-K1-W5 of GPM 2021"
        keep = scope_filter(whole, Filters())
    else:  # another version is a crosswalk ("what changed in OA P3-K2-W2 compared to 2015?")
        every_version = scope_entries(list(intent.scope_terms), (), library.catalogue)
        keep = scope_filter(replace(whole, scopes=every_version, years=()), Filters())
    if profiles:  # "welke werkprocessen heeft profiel P1 van Sport & Bewegen 2021?": the scope's profiles only
        now = scope_filter(intent, Filters())
        own = sorted({c.code for c in library.chunks if c.kind == PROFIEL and c.code and now(c)}, key=_code_key)
        missing = next((code for code in profiles if code not in own), None)
        if missing and own:
            scope = describe_scopes(intent.scopes, intent.lang)
            return (missing, scope, "", *own)
    held = [c for c in library.chunks if c.code and c.kind in (WERKPROCES, KERNTAAK) and keep(c)]
    for code in codes:
        if any(c.code == code or c.code.startswith(f"{code}-") for c in held):
            continue
        task = code.rsplit("-", 1)[0] if code.count("-") == 2 else None
        near = sorted({c.code for c in held if task and c.code.startswith(f"{task}-")}, key=_code_key) or \
            sorted({c.code for c in held if c.kind == KERNTAAK}, key=_code_key)
        scope = describe_scopes(intent.scopes, intent.lang) if intent.scopes else ", ".join(intent.years)
        extract = any(c.extract for c in held)
        return (code, scope or READ_AS[intent.lang]["everywhere"], "extract" if extract else "", *near[:12])
    return ()


ASKS_COMPETENCES = re.compile(r"\bcompeten(?:ties?|ces?|cies|cy)\b")


def without_sbb(intent: Intent, library: Library, filters: Filters) -> tuple[str, ...]:
    """``("B1-K1-W5", "Onderwijsassistent 2021")`` when the question asks for the competences of a unit it names
    by code or by its quoted title, and no werkproces of that code in its scope names an SBB competence;
    ``("Onderwijsassistent 2021",)`` when it asks for the SBB competences of a scope none of whose werkprocessen
    names one."""
    if not ASKS_COMPETENCES.search(fold(intent.question)):
        return ()
    keep = scope_filter(intent, filters)
    titles = _quoted_titles(intent.question, library)  # "what SBB competences go with 'Maakt een ontwikkelplan'?"
    named = [u.chunk.code for u in library.units if u.chunk.kind == WERKPROCES and u.chunk.code and keep(u.chunk)
             and fold(u.chunk.title or "") in titles]
    for code in dict.fromkeys([*codes_in(intent.question), *named]):
        held = [u for u in library.units if u.chunk.kind == WERKPROCES and keep(u.chunk)
                and (u.chunk.code == code or u.chunk.code.startswith(f"{code}-"))
                and (code not in named or fold(u.chunk.title or "") in titles)]  # by title: those units only
        asked = set(re.findall(r"[^\W\d_]+", fold(intent.question)))
        titled = [u for u in held if (words := {w for w in re.findall(r"[^\W\d_]+", fold(u.chunk.title or ""))
                                                if w not in STOPWORDS}) and words <= asked]
        held = titled or held  # "… bij b1-k1-w3 versterkt sociale netwerk": the unit of that code and title
        if held and not any(unit_sbb(u.passage, library.sbb) for u in held):
            scope = ", ".join(dict.fromkeys(f"{u.chunk.dossier} {u.chunk.version[:4]}" for u in held))
            return (code, scope)
    if named or codes_in(intent.question) or intent.sbb or intent.competences or not intent.scopes \
            or not re.search(r"\bsbb", fold(intent.question)):
        return ()
    held = [u for u in library.units if u.chunk.kind == WERKPROCES and keep(u.chunk)]
    if held and not any(unit_sbb(u.passage, library.sbb) for u in held):  # "welke SBB-competenties horen bij de
        return (describe_scopes(intent.scopes, intent.lang),)  # werkprocessen van de OA 2021?": none named there
    return ()


@lru_cache(maxsize=1)
def _sbb_titles() -> dict[str, str]:
    """The 25 SBB competences, letter → title (``data/sbb_competences.toml``, read once)."""
    from assistant.competence_match import load_sbb

    return {code: c.title for code, c in load_sbb().items()}


def sbb_without_units(intent: Intent, library: Library) -> tuple[str, ...]:
    """``("O Creëren en innoveren",)`` when the question names an SBB competence (by the word *SBB* or
    *competentie* and its title or letter) that no werkproces of the sources names; else ``()``."""
    if intent.sbb or not re.search(r"\bsbb|\bcompeten", fold(intent.question)) or not library.sbb:
        return ()  # "SBB-competentie Creëren en innoveren", "de competentie creëren en innoveren (O)"
    others = {code: title for code, title in _sbb_titles().items() if code not in library.sbb}
    named = [*sbb_named(intent.question, others), *(c for c in sbb_letters(intent.question) if c in others)]
    return tuple(f"{code} {others[code]}" for code in dict.fromkeys(named))


def _target_level(intent: Intent, library: Library) -> TargetLevel | None:
    """The wanted level of the one competence a question names, when it asks which level is wanted, names no level
    and no kind of unit, and names no scope but the competency profile or says it asks the profile ("… volgens het
    competentieprofiel") (:mod:`assistant.target_level`); else None ("welk niveau klantgerichtheid moet een OA
    hebben?" names a profile of a dossier, which marks no competence levels)."""
    if len(intent.competences) != 1 or intent.levels or intent.kind or not asks_target_level(intent.question):
        return None  # "in welke werkprocessen laat ik coachen zien en op welk niveau?": the werkprocessen
    if any(not _is_profile_of_competences(e, library) for e in intent.scopes) \
            and _PROFILE_WORD.search(fold(intent.question)) is None:  # "… volgens het competentieprofiel": it
        return None
    return target_level(library.chunks, intent.competences[0])


def generic_compared(intent: Intent, library: Library) -> Reply | None:
    """A programme's own language requirement (SBB's *beroepsspecifieke moderne vreemde talen*) beside the generic
    one (*generieke onderdelen*) of its dossier, when the question weighs the one against the other ("is that higher
    than the normal English requirement for MBO level 4?" after the OA's); None otherwise."""
    question = fold(intent.question)
    if not (intent.scopes and GENERIC_COMPARED.search(question) and GENERIC_WEIGHED.search(question)) \
            or len({fold(t) for t in intent.scope_terms}) > 1:  # two programmes: compared with each other
        return None
    for entry in narrow_entries(intent.scopes):
        passages = [c for c in library.chunks if c.kind == TOELICHTING and in_scope(c, entry)]
        own = next((c for c in passages if "vreemde talen" in fold(c.title or "")
                    and (entry.profile is None or fold(entry.profile) in fold(c.text))), None)  # that profile's
        generic = _asked_part([c for c in passages if "generieke onderdelen" in fold(c.title or "")], question)
        if own and generic:
            left, right = Item(own, own.text, None), Item(generic, generic.text, None)
            sides = (own.title or "", generic.title or "")
            asked = replace(intent, type=COMPARE)
            return Reply(COMPARE, intent.lang, read_as(asked, f"{sides[0]} ↔ {sides[1]}"), asked,
                         items=(left, right), rows=(Row(left, right, _status(left, right)),), sides=sides)
    return None


_SUBJECTS = {"engels": r"\bengels\w*|\benglish\b", "nederlands": r"\bnederlands\w*|\bdutch\b|\btaalniveau",
             "rekenen": r"\brekenen\b|\bmath\w*|\barithmetic\b|\bnumeracy\b",
             "mvt": FOREIGN_LANGUAGE}
# the generic part's headings; a foreign language of choice has none (a profile's own line only)
_SUBJECT_HEADING = {"engels": r"engels\b", "nederlands": r"nederlandse\s+taal\b", "rekenen": r"rekenen\b"}
SUBJECT = (r"(?:nederlandse?|engels|dutch|english|rekenen|math\w*|arithmetic|numeracy"
            r"|(?:moderne\s+)?vreemde\s+ta(?:al|len)|mvt|(?:modern\s+)?foreign\s+languages?"
            r"|duits|frans|spaans|german|french|spanish)")
_NOT_THE_SUBJECT = r"(?!\s+(?:mbo|programm?e?s?|qualifications?|system|dossiers?|opleiding\w*|kwalificatie\w*|file)\b)"
# the level of a generic subject asked: "welk niveau Nederlands", "level of Dutch (language)", "Engels-eis", "eisen
# aan Engels"; not "the Dutch OA programme", "what level of Dutch mbo", "kinderen helpen met rekenen op welk niveau"
SUBJECT_LEVEL = re.compile(
    rf"\b(?:niveaus?|nivo|levels?|referentieniveaus?)\s+(?:(?:van|of|voor|for)\s+)?(?:het\s+|the\s+)?{SUBJECT}\b"
    rf"{_NOT_THE_SUBJECT}"
    rf"|\b{SUBJECT}(?:[\s-]+(?:language|taal|and|en|or|of|reference|\(?{SUBJECT}\)?))*[\s-]+"
    r"(?:levels?|niveaus?|requirements?|eis|eisen|verplicht)\b"  # "Dutch language and numeracy (rekenen) requirements"
    rf"|\b(?:(?:taal)?eis|(?:taal)?eisen|requirements?|required|verplicht\w*)\b[^?.!]{{0,30}}?\b(?:aan|voor|for|in|of)\s+(?:het\s+)?"
    rf"{SUBJECT}\b{_NOT_THE_SUBJECT}"
    rf"|\b(?:goed|good)\s+(?:zijn\s+)?(?:in|at)\s+(?:het\s+)?{SUBJECT}\b{_NOT_THE_SUBJECT}"  # "goed zijn in engels"
    rf"|\b{SUBJECT}\b{_NOT_THE_SUBJECT}[^?.!]{{0,12}}\b(?:op|on|at|in)\s+(?:welk|what|which)\s+(?:niveau|level)\b"
    # "moeten ze een vreemde taal beheersen? welk niveau?", "do they need to speak English? what level?"
    rf"|\b{SUBJECT}\b{_NOT_THE_SUBJECT}[^?.!]{{0,20}}[?.!]\s*(?:(?:en|and)\s+)?(?:(?:op|at|on)\s+)?"
    r"(?:welk|what|which)\s+(?:niveau|level)\s*(?:\([^()]*\))?\s*[?.!]?\s*$"
    r"|\btaalniveaus?\b"  # "welk taalniveau moeten ze halen?"
    rf"|\b(?:taal)?eis(?:en)?\s+{SUBJECT}\b{_NOT_THE_SUBJECT}"  # "welke taaleis Nederlands geldt voor …?"
    # "moet de X een vreemde taal kennen?", "does X need a foreign language?", "do they need to speak English?"
    rf"|\b(?:een|a|an)\s+{SUBJECT}\s+(?:kennen|beheersen|spreken|nodig)\b"
    rf"|\b(?:moet|moeten|must)\b[^?.!]{{0,60}}?\b{SUBJECT}(?:\s+(?:of|en|or|and)\s+{SUBJECT})?\s+(?:kennen|beheersen"
    r"|spreken|leren|learn|speak|know)\b"  # "moet ik duits of frans leren bij helpende"
    # "How does it stand with English for the OA?", "hoe zit het met Engels bij de OA?"
    rf"|\b(?:how\s+(?:does|is)\s+it\s+(?:stand|look)\s+with|hoe\s+zit\s+het\s+(?:dan\s+)?met)\s+(?:het\s+|the\s+)?"
    rf"{SUBJECT}\b{_NOT_THE_SUBJECT}"
    # "Must she know English, and how good?", "does he have to speak Dutch?"
    rf"|\b(?:must|should|has\s+to|have\s+to|needs?\s+to)\b[^?.!]{{0,40}}?\b(?:know|speak|master|learn)\s+{SUBJECT}\b"
    rf"{_NOT_THE_SUBJECT}"
    rf"|\b(?:need|needs|require|requires)\s+(?:to\s+(?:speak|know|master)\s+)?(?:a\s+|an\s+)?{SUBJECT}\b{_NOT_THE_SUBJECT}")
# "do I need English and on what level?"
_REFERENCE_LEVEL = re.compile(r"\b(?:[1-4]F|[ABC][12])\b")


# the parts of a dossier a question may ask for that a scope may lack (the 2020/21 extract has none of them)
_CONTEXT_PARTS = (ARBEIDSMARKT, DOORSTROOM, WET_REGELGEVING)


def _part_unstated(intent: Intent, library: Library) -> tuple[str, str] | None:
    """``(part, scope)`` when a question about named programmes asks for one part of the dossier (its labour market,
    further study or laws: :data:`curriculum.PART_HINTS`) and no text of their dossier versions is that part; else
    None."""
    if not intent.scopes or intent.codes_named or intent.competences or intent.sbb or intent.levels:
        return None
    asked = [kind for kind in _CONTEXT_PARTS if kind in asked_parts(intent.question)]
    entries = narrow_entries(intent.scopes)
    dossiers = {(e.dossier, e.version) for e in entries}
    if len(asked) != 1 or any(c.kind == asked[0] and (c.dossier, c.version) in dossiers for c in library.chunks):
        return None
    return asked[0], describe_scopes(intent.scopes, intent.lang)


def _requirement_unstated(intent: Intent, subject: str | None, library: Library) -> str | None:
    """``"vereisten"`` for a question about what a programme requires ("Geldt voor PMK 2021 ook een VOG-eis?"),
    ``"taaleisen"`` for the level of a generic subject ("welke eisen stelt de OA 2021 aan Engels?"), ``"mvt"`` for
    a modern foreign language ("moet de X een vreemde taal kennen?"; only the dossier's own passage counts), and
    ``"duits"`` (``"frans"``, ``"spaans"``) for a language the profile's own line does not name, when its
    scopes have no such text at all (SBB's *bijzondere vereisten*, *generieke onderdelen*; the 2020/21 extract has
    neither); else None."""
    if not intent.scopes or intent.competences or intent.levels or codes_in(intent.question) or not (
            subject or re.search(REQUIREMENT, fold(intent.question))):
        return None
    entries = narrow_entries(intent.scopes)
    if not subject:  # a special requirement only: no word asked, or one of SBB's requirement texts ("VOG", "hepatitis")
        asked = evidence.content_words(_REQUIREMENT_WORDS.sub(" ", fold(intent.topic or "")), library.vocab)
        required = " ".join(fold(c.text) for c in library.chunks if c.kind == "beroepsvereisten")
        held = " ".join(fold(u.passage) for u in library.units if any(in_scope(u.chunk, e) for e in entries))
        if (not asked and not _SPECIAL_REQUIREMENTS.search(fold(intent.question))) or any(
                not re.search(rf"\b{re.escape(w)}", required) or re.search(rf"\b{re.escape(w)}", held) for w in asked):
            return None  # "welke eisen stelt PMK 2021 aan de samenwerking met ouders?", "welke vaardigheden vereist
            # SB 2021?": what its units ask

    def stated(chunk: Chunk) -> bool:
        if subject:  # a foreign language of choice is never a generic part: only the dossier's own passage
            title = fold(chunk.title or "")
            return chunk.kind == TOELICHTING and ((subject != "mvt" and "generieke onderdelen" in title)
                                                  or "vreemde talen" in title)
        return chunk.kind == "beroepsvereisten"

    held = any(stated(c) and in_scope(c, e) for c in library.chunks for e in entries)
    lines = [line.text for (_, dossier, version, profile), line in library.language_lines.items()
             if any((dossier, version, profile) == (e.dossier, e.version, e.profile) for e in entries)]
    if held and subject == "mvt" and all(e.profile for e in entries) and not lines:
        held = False  # "moet ik Duits leren bij de helpende?": the dossier's passage names other profiles only
    named = [k for k, p in FOREIGN_NAMED.items() if re.search(p, fold(intent.question))]
    if held and subject == "mvt" and named and lines and not any(
            re.search(FOREIGN_NAMED[named[0]], fold(t)) or _OF_CHOICE.search(fold(t)) for t in lines):
        return named[0]  # "Do I need German for the onderwijsassistent?": its own line asks English
    return None if held else "mvt" if subject == "mvt" else "taaleisen" if subject else "vereisten"


# a foreign language by name, and a profile's line that leaves the language to the student ("een MVT naar keuze")
FOREIGN_NAMED = {"duits": r"\bduits\b|\bgerman\b", "frans": r"\bfrans\b|\bfrench\b",
                 "spaans": r"\bspaans\b|\bspanish\b"}
_OF_CHOICE = re.compile(r"\bnaar\s+keuze\b|\bof\s+(?:your\s+)?choice\b")


def subject_level_asked(intent: Intent) -> str | None:
    """The generic subject (Nederlands, Engels, rekenen) whose level a programme's question asks ("Which level of
    Dutch do I need for Agogisch medewerker GGZ?"), else None (not "… in het Nederlands", nor a unit's code)."""
    match = SUBJECT_LEVEL.search(fold(intent.question))
    if not (intent.scopes or len(intent.levels) == 1) or intent.competences or codes_in(intent.question) \
            or match is None:  # "What level of Dutch is required for a level 4 qualification?": the generic rule
        return None
    return next((name for name, pattern in _SUBJECTS.items() if re.search(pattern, match.group(0))), None)


def subject_levels(subject: str, entry: ScopeEntry, library: Library,
                   level: str | None = None) -> tuple[Chunk, tuple[str, ...]] | None:
    """The dossier's generic part on ``subject`` (*generieke onderdelen*): the passage that holds its heading, and
    that heading with its reference-level lines ("Nederlandse taal", "voor kwalificaties op niveau 4: 3F."), for a
    profile (or the mbo ``level`` asked) only the line of its mbo level when the lines name levels; None when the
    dossier has no such part."""
    parts = sorted((c for c in library.chunks if c.kind == TOELICHTING and fold(c.title or "") == "generieke onderdelen"
                    and in_scope(c, replace(entry, profile=None))), key=lambda c: c.part)
    lines = [(c, line.strip()) for c in parts for line in c.text.splitlines() if line.strip()]
    heading = _SUBJECT_HEADING.get(subject)
    start = next((i for i, (_, line) in enumerate(lines) if heading and re.match(heading, fold(line))), None)
    if start is None:
        return None
    found: list[str] = []
    for _, line in lines[start + 1:]:
        if any(re.match(p, fold(line)) for p in _SUBJECT_HEADING.values()) or (found and not
                                                                                _REFERENCE_LEVEL.search(line)):
            break  # the next subject, or the text after its levels
        if _REFERENCE_LEVEL.search(line):
            found.append(line)
    level = level or next((c.niveau for c in _profile_texts(entry, library) if c.niveau), None)
    own = [line for line in found if level and re.search(rf"\bniveau\s+(?:\d\s+en\s+)?{level}\b", fold(line))]
    only_for = re.findall(r"\bniveau\s+(\d)", fold(lines[start][1]))  # "Engels (alleen voor niveau 4)"
    if level and only_for and level not in only_for:
        return lines[start][0], (lines[start][1], "—")  # not for this profile's level: the heading says so
    return lines[start][0], (lines[start][1], *(own or found))


def _subject_levels_first(reply: Reply, subject: str, intent: Intent, library: Library) -> Reply:
    """A lookup with the generic part on ``subject`` of each dossier in scope first, its reference levels as the
    quoted sentence, and for Engels a profile's own foreign-language line before it."""
    first: list[Hit] = []
    level = str(intent.levels[0]) if not intent.scopes and len(intent.levels) == 1 else None
    generic = next((ScopeEntry(c.dossier, None, c.version) for c in library.chunks if c.dossier and c.kind ==
                    TOELICHTING and fold(c.title or "") == "generieke onderdelen"), None)  # the rule for every dossier
    for entry in narrow_entries(intent.scopes) if intent.scopes else [generic] if generic else []:
        own = next((library.language_lines.get(_profile_key(c)) for c in _profile_texts(entry, library)), None)
        if own is not None and subject in ("engels", "mvt"):
            first.append(Hit(own, 1.0, (), own.text))
        found = subject_levels(subject, entry, library, level)
        if found and len(found[1]) > 1:  # "Nederlandse taal: voor kwalificaties op niveau 4: 3F."
            first.append(Hit(found[0], 1.0, (), f"{found[1][0]}: {' '.join(found[1][1:])}"))
    if not first:
        return reply
    lines: dict[str, list[Hit]] = {}
    for hit in first:  # one dossier's part for profiles of two levels: both lines, in one quote
        if hit.best_sentence not in (h.best_sentence for h in lines.get(hit.chunk.id, [])):
            lines.setdefault(hit.chunk.id, []).append(hit)
    first = [replace(hits[0], best_sentence=_one_quote([h.best_sentence for h in hits])) for hits in lines.values()]
    ranked = (*first, *(h for h in reply.ranked if h.chunk.id not in {f.chunk.id for f in first}))
    return replace(reply, hits=tuple(ranked[:max(PAGE, len(first))]), ranked=ranked)


def _one_quote(lines: list[str]) -> str:
    """Reference-level lines of one passage as one quote; a line that says a subject is not for a profile's level
    ("Engels (alleen voor niveau 4): —") only when no other line is there."""
    said = [line for line in lines if not line.endswith(": —")]
    return " … ".join(said) if said else lines[0]


def _asked_part(parts: list[Chunk], question: str) -> Chunk | None:
    """Of a passage's parts, the one that names the subject the question asks about (Engels, Nederlands, rekenen),
    else the first."""
    for subject, pattern in _SUBJECTS.items():
        if re.search(pattern, question):
            return next((c for c in parts if subject in fold(c.text)), parts[0] if parts else None)
    return parts[0] if parts else None


def _closest(name: str, suggested: tuple[str, ...], library: Library, search: Search, n: int = 5) -> tuple[str, ...]:
    """The known profiles and dossiers closest to an unknown name: those spelled alike, then those whose profile
    text is nearest in meaning ("kinderverzorgster" → Pedagogisch medewerker kinderopvang); ``suggested`` when
    neither gives three."""
    alike = closest_names(name, library.catalogue, n, pad=False)
    if len(alike) >= 3:
        return alike
    near = [h.chunk.profile or h.chunk.dossier for h in search(name, Filters(kind=PROFIEL), 2 * n)]
    names = tuple(dict.fromkeys(x for x in (*alike, *near) if x))[:n]
    return names if len(names) >= 3 else suggested


def unknown_competence(intent: Intent, library: Library) -> tuple[str, ...]:
    """``("integriteit", "Coachen", "Klantgerichtheid", …)`` when a question asks for a competence level
    ("empathie niveau 2", "gedragsindicatoren van de competentie Integriteit op niveau 3"), or about the
    competency profile by name ("samenwerken in het competentieprofiel"), and names no competence the profile
    has: the words it named, then the profile's competences."""
    sbb_subject = bool(intent.sbb) and covered(topic_words(intent.topic), " ".join(
        library.sbb.get(c, "") for c in intent.sbb)) >= COVERED  # the question is about that SBB competence
    named = (sbb_subject or _COMPETENCE_WORD.search(fold(intent.question)) is not None) and (
        _PROFILE_WORD.search(fold(intent.question)) is not None
        or any(_is_profile_of_competences(e, library) for e in intent.scopes))  # a competence asked for by name
    if not (intent.levels or named) or intent.competences or intent.codes_named or intent.kind or not library.levels:
        return ()
    if PROGRAMME_LEVEL.search(fold(intent.question)):  # "geldt voor de niveau 4-opleidingen": programmes' level
        return ()
    if intent.type not in (LOOKUP, LIST, *((COMPETENCE,) if named else ())) \
            or (intent.type == LIST and intent.mode == TREE):
        return ()
    if any(e.profile or e.dossier for e in intent.scopes if not _is_profile_of_competences(e, library)):
        return ()  # "alleen niveau 3" over a dossier's profiles: a profile level, not a competence level
    if intent.mode == WHERE and not named and _at_programme_level(intent, library) is not None \
            and not _topic_evidence(intent, library)[1]:  # "waar komt toezicht voor?", then "alleen niveau 2": the
        return ()  # units of niveau-2 programmes (not "waar komt empathie niveau 2 voor?", no source's word)
    words = [w for w in evidence.content_words(intent.topic, library.scope_vocab)  # SBB names count
             if not _INDICATOR_WORD.fullmatch(w) and w not in situation_words()  # "… for an mbo student?"
             and w not in _NEGATIONS]  # "… not for one competence, the explanation": no name
    names = {fold(w)[:5] for name in library.vocabulary.competences for w in name.split() if len(w) > 3}
    own = [w for w in words if not evidence.generic(w, library.vocab)] or words  # "klantgericht werken": not *werken*
    named_part = [w for w in own if fold(w)[:5] in names]
    if not words or 2 * len(named_part) > len(own) or names_section(" ".join(words), library):
        return ()  # no name, mostly part of a known one ("plannen niveau 3"; not "digitale vaardigheden", which
        # only shares *vaardigheid*), or a section ("uitleg niveaus"): ranked
    return (" ".join(words), *sorted(library.levels))


_NEGATIONS = frozenset({"not", "no", "niet", "geen"})
# the competency profile named by what it is ("staat er iets over samenwerken in het competentieprofiel?")
_PROFILE_WORD = re.compile(r"\bcompetentieprofiel\w*|\bcompeten(?:ce|cy|cies)[- ]profiles?\b")
_COMPETENCE_WORD = re.compile(r"\bcompetentie\b|\bcompeten(?:ce|cy)\b(?![- ]profile)"
                              r"|\b(?:gedragsindicator\w*|behaviou?r(?:al)? indicators?|niveaus|levels"
                              r"|level\s+descriptions?|niveaubeschrijving\w*)"
                              r"\s+(?:van|voor|bij|for|of)\b")
# what a level means ("the explanation of levels", "in de praktijk"): no competence's name
_INDICATOR_WORD = re.compile(r"gedragsindicator\w*|behaviou?r(?:al)?|indicators?|niveaus|levels|descriptions?"
                             r"|niveaubeschrijving\w*"
                            r"|explain\w*|explanation\w*|mean\w*|betek\w*|uitleg\w*|general\w*|algeme\w*"
                            r"|practi[cs]e|praktijk")


def _is_profile_of_competences(entry: ScopeEntry, library: Library) -> bool:
    """Whether a scope entry is the competency profile itself (its dossier holds the competences)."""
    return fold(entry.dossier) in library.competence_dossiers


def _topic_evidence(intent: Intent, library: Library) -> tuple[list[str], list[str]]:
    """The topic's content words and those the sources do not hold (typos corrected first)."""
    return evidence.missing(correct_words(intent.topic, library.words, intent.lang), library.vocab, intent.lang)


def stated_where(intent: Intent, library: Library, filters: Filters) -> list[Hit]:
    """The sources' own statement of which werkprocessen a topic is in, for a "where" list: a passage that is no
    werkproces, in the question's scope, whose sentence (with the next) holds every topic word that no werkproces
    holds but the sources do, and names werkproces codes ("… is een beheersing gewenst op niveau 3F. In het
    kwalificatiedossier is dit hogere beheersingsniveau in de relevante werkprocessen opgenomen, namelijk …
    (B1-K1-W5) …"). A word counts as held by its compound parts too (*taalniveau*: taal…, niveau). The hits: each
    such passage, its sentences shown, then the scope's werkprocessen it names. Empty when there is none."""
    if intent.type != LIST or intent.mode != WHERE or (intent.kind or WERKPROCES) != WERKPROCES or intent.codes_named:
        return []
    skip = question_words() | STOPWORDS
    asked = {w for w in re.findall(r"\w+", fold(intent.topic)) if len(w) >= 2 and w not in skip}
    markers = {w for w in asked if w not in library.werkproces_words and w in library.words_elsewhere
               and (stem := tokenize(w)[:1]) and stem[0] not in library.werkproces_stems}
    if not markers:
        return []
    keep = scope_filter(intent, filters)
    hits: list[Hit] = []
    named: list[tuple[Chunk, str]] = []
    for chunk in library.chunks:
        if chunk.kind == WERKPROCES or not keep(chunk):
            continue
        said = split_sentences(chunk.text)
        for i, sentence in enumerate(said):
            window = " ".join(said[i:i + 2])
            words = set(re.findall(r"\w+", fold(window)))
            if not markers & set(re.findall(r"\w+", fold(sentence))) or not all(
                    _in_words(w, words, library.words_elsewhere) for w in markers):
                continue
            codes = [c for c in codes_in(window) if re.search(r"-W\d", c)]
            if codes:
                hits.append(Hit(chunk, 1.0, (), window))
                named += [(chunk, code) for code in codes]
                break
    units_named = [u.chunk for chunk, code in named for u in library.units
                   if u.chunk.kind == WERKPROCES and u.chunk.code == code and u.chunk.dossier == chunk.dossier
                   and u.chunk.version == chunk.version and u.chunk.variant != "aanvulling" and keep(u.chunk)]
    return hits + [Hit(c, 0.5, (), "") for c in dict.fromkeys(units_named)]


def _in_words(word: str, words: set[str], vocabulary: Collection[str]) -> bool:
    """The word, or each part of it as a compound, begins a word of ``words``."""
    parts = split_compound(word, vocabulary) or [word]
    return word in words or all(any(w.startswith(part) for w in words) for part in parts)


# a law by its name: "de Wet kinderopvang", "wet op de jeugdzorg" (group 1: the first word of its name)
_LAW = re.compile(r"\bwet\s+(?:op\s+(?:de|het)\s+)?([^\W\d_]{3,})")


def unnamed_law(question: str, library: Library) -> str | None:
    """A law the question names that no source names ("Welke eisen stelt de Wet kinderopvang …?"), as typed; None
    when it names none, or one the sources name too: a word of its name (up to three) begins as a law's name in the
    sources does ("Wet langdurige zorg": *Wet Langdurig Zorg*; "Wet verplichte meldcode": *Wet Meldcode*). The word
    after *wet* must be a name: one the sources use otherwise, and no programme's name, is the sentence going on
    ("welke wet regelt …", "volgens de wet verplicht", "Wet passend onderwijs": *passend onderwijs*)."""
    folded = fold(question)
    for match in _LAW.finditer(folded):
        word = match.group(1)
        if word in STOPWORDS or word in question_words() or folded[: match.start()].rstrip().endswith("welke") or (
                word.endswith("t") and evidence.other_form(word, library.vocab)):
            continue  # "welke wet vervangt de AWBZ?", "de wet beschermt kinderen": a verb, not the law's name
        name = [w for w in re.findall(r"[^\W\d_]+", folded[match.start(1):])[:3] if w not in STOPWORDS]
        if any(w[:ALIKE] == known[:ALIKE] for w in name for known in library.law_words if len(w) >= 3):
            continue
        if word in library.words and word not in library.name_words:
            continue
        return f"wet {word}"
    return None


def law_outside_units(question: str, library: Library) -> bool:
    """The question names a law that the sources name, but no werkproces does ("de Wet zorg en dwang": a passage on
    legislation names it, a werkproces speaks of *dwang en drang*)."""
    laws = [m.group(0) for m in _LAW.finditer(fold(question)) if m.group(1) in library.law_words]
    return bool(laws) and not any(law in fold(u.passage) for law in laws for u in library.units
                                  if u.chunk.kind == WERKPROCES)


def _not_held(intent: Intent, library: Library) -> tuple[str, ...]:
    """The topic words the sources do not hold, when they are at least half of a lookup's or a theme's words."""
    if intent.type not in (LOOKUP, LIST) or (intent.type == LIST and intent.mode == TREE):
        return ()
    if intent.codes_named or intent.competences or (intent.sbb and intent.type == LOOKUP) or not intent.topic \
            or re.search(ONWARD, fold(intent.question)):  # "which programmes can I move on to?": the doorstroom
        return ()  # text; a theme list whose word names a competence's verb ("de begeleiding van statushouders":
        # *Begeleiden*) is still checked
    if intent.type == LOOKUP and (subject_level_asked(intent) or adoption_asked(intent)):  # "moet je Duits
        return ()  # spreken?": the language requirement; "who drew it up and when was it adopted?": the voorblad
    for glossed, aside in re.findall(r"([^\W\d_]*)\s*\(([^)]*)\)", intent.question):  # "first aid (EHBO)": the
        words, absent = evidence.missing(aside, library.vocab, "nl")  # user's own translation
        if words and not absent:
            return ()
        held = intent.lang == "nl" and bool(glossed) and evidence.known(glossed.lower(), library.vocab, "nl")
        if not held and _glossed_absent(words, absent):  # "the food bank (voedselbank)": the user's own Dutch
            return tuple(absent)  # word for it, which no source holds
        if glossed and _explained_absent(glossed.lower(), aside, library):  # "statushouders (refugees with a
            return (glossed.lower(),)  # residence permit)": a word no source holds, explained in words none holds
    law = unnamed_law(intent.question, library) if intent.lang == "nl" else None
    if law:  # "Welke eisen stelt de Wet kinderopvang volgens het kd …?": a law no source names
        return (law,)
    content, unknown = _topic_evidence(intent, library)
    situation = _SITUATION_FIRST.match(intent.question)
    if situation and unknown and len(unknown) < len(content):  # "Als we begeleiders inhuren, welke bijzondere
        said = set(re.findall(r"[^\W\d_]+", fold(situation.group(0))))  # vereisten gelden er?": the asker's
        unknown = [w for w in unknown if fold(w) not in said]  # situation, not what is asked
    aside = _explaining_aside(intent, library)
    if aside:  # "the ondersteuningsplan (making or contributing to it)": the term is asked, the aside explains it
        unknown = [w for w in unknown if w not in aside]  # its words held still count
    if not evidence.not_held(content, unknown, intent.lang, bool(intent.scopes), library.vocab):
        return ()
    written = language(intent.question, phrases=library.catalogue.pattern())
    if written != intent.lang:  # "en in de 2021 versie?" after an English question: its words are English
        content, unknown = _topic_evidence(replace(intent, lang=written), library)
        if not evidence.not_held(content, unknown, written, bool(intent.scopes), library.vocab):
            return ()
    return tuple(unknown)


# a leading clause that sets the asker's situation before the question ("Als we … inhuren, welke …?", "When we hire
# …, what …?")
_SITUATION_FIRST = re.compile(r"\s*(?:als|wanneer|indien|if|when)\b[^,?.!]{3,80},(?=\s*\w)", re.IGNORECASE)


# a question for what a source says about something, or which requirements it sets (not how the work is done)
_ASKS_WHAT_IT_SAYS = re.compile(r"\bstaat (?:er|daar)\b[^?]*\b(?:iets|wat)\b|\bwat staat er\b"
                                r"|\bzeg(?:t|gen)\b.*\bover\b|\bvermeld\w*|\bnoem(?:t|en)\b.*\bover\b"
                                r"|\b(?:welke|wat voor)\s+(?:\w+\s+)?eisen\b"
                                r"|\w+eisen\b.*\bgelden\b|\bgelden\b.*\w*eisen\b")


# the same in English ("Does the 2020 Sociaal Werk file require a VOG?", "… say anything about …")
_ASKS_WHAT_IT_SAYS_EN = re.compile(r"\bsa(?:y|ys|id)\b.*\babout\b|\bmention\w*|\brequir\w*|\bneed(?:s|ed|ing)?\b")


GLOSS_MAX = 2  # an aside of at most this many words can be the user's own term for what they ask


def _glossed_absent(words: list[str], absent: list[str]) -> bool:
    """Whether an aside is the user's own Dutch term ("(voedselbank)", "(tolk)") and the sources hold none of it: at
    most :data:`GLOSS_MAX` content words, each a Dutch word in use (not a typo, not an English gloss: "pesten
    (bullying)") and none held."""
    from assistant.spelling import is_word

    return 0 < len(words) <= GLOSS_MAX and len(absent) == len(words) and all(
        is_word(w, "nl") and not is_word(w, "en") for w in words)


def _explaining_aside(intent: Intent, library: Library) -> set[str]:
    """The words of an English aside in brackets after a specific word the sources hold, in an English question
    ("the ondersteuningsplan (making or contributing to it)"): the user explains their term in their own words,
    which the Dutch sources need not hold. Empty otherwise."""
    if intent.lang != "en":
        return set()
    from assistant.spelling import is_word

    words: set[str] = set()
    for glossed, aside in re.findall(r"([^\W\d_]+)\s*\(([^)]*)\)", intent.question):
        term = glossed.lower()
        if term in STOPWORDS or not evidence.known(term, library.vocab, "nl") \
                or evidence.generic(term, library.vocab) or is_word(term, "en"):
            continue
        inside = [fold(w) for w in re.findall(r"[^\W\d_]+", aside)]
        if inside and all(w in STOPWORDS or is_word(w, "en") for w in inside):
            words |= set(inside)
    return words


def _explained_absent(word: str, aside: str, library: Library) -> bool:
    """Whether the sources hold neither a word nor the aside that explains it in English words in use ("statushouders
    (refugees with a residence permit)")."""
    from assistant.spelling import is_word

    words, absent = evidence.missing(aside, library.vocab, "en")
    return bool(words) and len(absent) == len(words) and all(is_word(w, "en") for w in words) \
        and word not in STOPWORDS and not evidence.known(word, library.vocab, "nl") \
        and not evidence.known(word, library.vocab, "en")


def _not_in_scope(intent: Intent, library: Library) -> tuple[str, ...]:
    """``(scope, where else, word, …)`` when a Dutch question for what a source says or requires, limited to a
    dossier or profile, asks about specific words the sources hold, but none of them in that scope's texts ("wat
    zegt het PMK-dossier van 2021 over de meldcode?"); empty otherwise. Only specific words count (not those in
    many units); an English word may be said in Dutch in the scope, so an English question counts only its acronyms
    ("Does the Sociaal werk 2015 file say anything about needing a VOG?")."""
    asks = _ASKS_WHAT_IT_SAYS if intent.lang == "nl" else _ASKS_WHAT_IT_SAYS_EN
    if intent.type != LOOKUP or not intent.scopes or intent.codes_named or intent.competences or intent.sbb \
            or not intent.topic or not asks.search(fold(intent.question)):
        return ()
    content, unknown = _topic_evidence(intent, library)
    specific = [w for w in content if w not in unknown and not evidence.generic(w, library.vocab)]
    if intent.lang != "nl":  # an English word may be said in Dutch there; an acronym is the same in both (VOG)
        named = {fold(t) for t in intent.scope_terms}
        acronyms = {fold(a) for a in re.findall(r"\b[A-Z]{2,6}\b", intent.question)} - named
        specific = [w for w in specific if w in acronyms]
    if not specific:
        return ()
    entries = narrow_entries(intent.scopes)
    inside = {i for i, u in enumerate(library.units) if any(in_scope(u.chunk, e) for e in entries)
              and (not intent.years or (u.chunk.version or "")[:4] in intent.years)}
    forms = [_word_forms(w) for w in specific]
    if not inside or any(_unit_holds(library, i, f) for i in inside for f in forms):
        return ()
    others: dict[str, None] = {}
    for i, unit in enumerate(library.units):
        c = unit.chunk
        if i not in inside and c.dossier and any(_unit_holds(library, i, f) for f in forms):
            others.setdefault(scope_label(ScopeEntry(c.dossier, None, c.version)))
    return (describe_scopes(intent.scopes, intent.lang), ", ".join(list(others)[:4]), *specific)


def _word_forms(word: str) -> tuple[str, tuple[str, ...]]:
    """A word's stem, and the pieces whose presence in a unit's text counts as the word: its stem or all but its
    last two letters, folded, of five letters or more (a plural, a spelling variant, a compound written with
    brackets: *overdrachtsrapportages*, *stagiaires* beside *stagiairs*), and a verb's third person."""
    from assistant.themes.words import verb_forms

    root = (tokenize(word) or [word])[0]
    short = word[:-2] if len(word) >= 7 else root
    said = sorted(f for f in verb_forms(word) if f.endswith("t") and not f.startswith("ge")) if word.endswith(
        "en") else []  # a verb asked as its infinitive, said in the third person ("evalueren": *evalueert*)
    return root, tuple(dict.fromkeys(fold_accents(r) for r in (root, short, *said) if len(r) >= 5))


def _unit_holds(library: Library, index: int, forms: tuple[str, tuple[str, ...]]) -> bool:
    """Whether unit ``index`` holds a word given by its :func:`_word_forms`."""
    root, pieces = forms
    return root in library.unit_stems[index] or any(p in library.unit_texts[index] for p in pieces)


def as_hits(reply: Reply) -> tuple[Hit, ...]:
    """The reply's units as hits (for feedback records and exports): its hits, else its items."""
    if reply.hits and not reply.items:
        return reply.hits
    return tuple(_as_hit(i) for i in reply.items)


def _as_hit(item: Item) -> Hit:
    """A listed unit as a hit, its first evidence sentence as the one shown."""
    return Hit(item.chunk, 0.0, (), item.evidence[0] if item.evidence else "")
