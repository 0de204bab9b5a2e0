"""Theme scan: every werkproces, kerntaak, profile text and competence level where a theme occurs.

Give a theme ("interprofessioneel samenwerken", "veiligheid, feedback", "interprofessional
collaboration") and get the overview a curriculum design team would otherwise make by hand:
per dossier and profile, in document order, each unit whose sentences carry the theme, the
sentences quoted with a citation, a score with a label (*kern* or *zijdelings*), and a matrix of
dossiers/profiles × kerntaken counting the anchors per cell. See ``docs/theme-scan.md``.

How it works (pure functions over an :class:`~assistant.index.OpenIndex`):

1. **Expansion** (:func:`expand_theme`). The theme is split on commas into phrases. Terms are the
   phrases' own words, the Dutch glossary terms for English phrases (:func:`assistant.glossary.expand`),
   the parts of compound theme words, and the entries of a small theme thesaurus
   (:data:`THESAURUS`) that a phrase calls up. Every term has a weight: 1 for a term that carries the
   theme on its own, 0.5 for a context term. The expansion is shown and can be replaced
   (:func:`parse_terms`: ``"samenwerken, af|stemmen, externe deskundigen, collega's:0.5, -ouderen"``).
2. **Matching** (:class:`Matcher`). Each unit's passage is split into sentences; a sentence counts when
   it contains a term. Words are compared after folding (lower case, no diacritics) at stem level with
   the lexical stemmer (:func:`assistant.lexical.tokenize`), plus: verb forms the stemmer misses
   (*overlegt*, *verwijst*, *bespreekt*), split separable verbs (*stemt ... af*, *werkt ... samen*),
   compounds that start or end with a term (*overlegvormen*, *teamoverleg*, *lerarenteam*), and
   multi-word terms (all words within a few words of each other). Guard words (``af|stemmen ~op``)
   drop a match next to them: *stemt af met collega's* counts, *stemt de zorg af op de cliënt* not.
3. **Score** (:func:`score_unit`). ``score = Σ sentence weights + 2 × title weight + 2 × density``,
   where a sentence weighs the sum of its distinct terms' weights (at most 1), the title weighs the same
   way, and density is the summed sentence weight divided by the unit's number of sentences. A unit is
   listed from :data:`MIN_SCORE`; it is *kern* from :data:`KERN_SCORE`, else *zijdelings*.
4. **Grouping.** Identical passages (chunks sharing ``group``) are shown once, with "ook in …"; the
   matrix still counts them in every dossier/profile they belong to.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import time
import unicodedata
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.answer import escape, escape_html, html_lines
from assistant.export import safe_cell
from assistant.glossary import expand as glossary_expand
from assistant.lexical import COMPOUND_MIN_COUNT, MIN_PART, STOPWORDS, split_compound, tokenize
from assistant.model import (
    BEROEPSBESCHRIJVING,
    COMPETENTIE,
    COMPETENTIENIVEAU,
    KERNTAAK,
    PROFIEL,
    WERKPROCES,
    Chunk,
)

MAX_THEME_CHARS = 200
MAX_TERMS_CHARS = 4000
MAX_PHRASES = 12

# The kinds of units a theme scan looks at (introductions, legends and explanations are left out).
SCAN_KINDS = (WERKPROCES, KERNTAAK, PROFIEL, BEROEPSBESCHRIJVING, COMPETENTIE, COMPETENTIENIVEAU)

CORE = 1.0  # a term that carries the theme on its own
CONTEXT = 0.5  # a term that carries it only together with another one (or twice in a unit)
TITLE_WEIGHT = 2.0
DENSITY_WEIGHT = 2.0
MIN_SCORE = 1.0  # listed from here: one core sentence, or two context sentences, or a matching title
KERN_SCORE = 3.0  # "kern" from here (see docs/theme-scan.md for how this was chosen)
GENERIC_SHARE = 0.30  # a theme word in more than this share of units counts as a context term
WINDOW = 6  # words between the parts of a split verb or a multi-word term
GUARD_AFTER = 3  # a guard word (~op) rejects a match up to this many words after it
GUARD_BEFORE = 1  # ... or right before it (*verantwoorde risico's*)
PARTICLE_AFTER = 15  # a separable verb's particle may follow the verb this far (*stemt ... af*), or stand
# right before it (*samen werken*, *af te stemmen*)
DENSE_WEIGHT = 1.0  # with --dense: score + DENSE_WEIGHT × max(0, cosine(theme, unit)); measured: no gain (docs)

STRENGTH_LABELS = {"kern": "kern (core)", "zijdelings": "zijdelings (passing)"}

CSV_COLUMNS = (
    "dossier", "version", "profile", "kerntaak", "code", "title", "strength", "score", "sentences", "source",
    "location",
    # after the fixed columns: extra facts for spreadsheets
    "kind", "kerntaak_title", "also_in", "terms",
)


class BadTheme(ValueError):
    """A theme or term list the user must correct; the message is one line."""


class ExportError(OSError):
    """An export file could not be written; the message names the path."""


# --------------------------------------------------------------------------- the theme thesaurus


@dataclass(frozen=True)
class ThemeEntry:
    """One theme of the thesaurus.

    ``triggers`` are Dutch or English words and phrases that call the entry up (compared at stem
    level, or as a phrase); ``core`` terms carry the theme on their own, ``context`` terms only
    together (weight 0.5); ``exclude`` lists words that never count (e.g. *ouderen*, elderly, which
    the stemmer folds onto *ouders*, parents). ``|`` marks the particle of a separable verb.
    """

    name: str
    triggers: tuple[str, ...]
    core: tuple[str, ...]
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


# Guards for "samenwerken" terms: working with the client or the family is not interprofessional collaboration.
_NOT_CLIENT = "~client ~clienten ~naastbetrokkenen"

THESAURUS: tuple[ThemeEntry, ...] = (
    ThemeEntry(
        name="samenwerken",
        triggers=("samenwerken", "samenwerking", "interprofessioneel", "interprofessionele", "multidisciplinair",
                  "interdisciplinair", "samenwerkingsverband", "overleg", "afstemming", "ketenpartners",
                  "collaboration", "collaborate", "cooperation",
                  "teamwork", "interprofessional", "multidisciplinary", "working together"),
        core=(f"samen|werken {_NOT_CLIENT}", f"samenwerking {_NOT_CLIENT}", "interprofessioneel",
              "multidisciplinair", "interdisciplinair", f"overleg {_NOT_CLIENT}", f"overleggen {_NOT_CLIENT}",
              f"af|stemmen ~op ~elkaar ~hierop ~daarop {_NOT_CLIENT}", f"afstemming ~op ~elkaar {_NOT_CLIENT}",
              "ketenpartners", "netwerkpartners", "samenwerkingspartners", "externe deskundigen",
              "deskundigen ~wijze", "andere disciplines", "disciplines", "andere professionals", "professionals",
              "consultatie", "consulteren", "in|schakelen", "overdracht", "samenspraak", "samenwerkingsverbanden",
              "intervisie", "cooperatief"),
        context=("betrokkenen", "betrokkene", "collega", "team", "bespreken", "discussie", "discussies",
                 "discussieert", "verwijzen", "door|verwijzen", "over|dragen", "gezamenlijk", "partijen",
                 "instanties", "informatie uitwisselen", "kennis delen", "op|trekken", "netwerkcontacten",
                 "netwerkvaardigheden", "eigen netwerk", "coordineren", f"informeren {_NOT_CLIENT}"),
        exclude=("betrokkenheid", "betrokken", "naastbetrokkene*", "bespreekbaar", "bespreekbare", "teamleider*",
                 "informatieoverdracht", "deskundig"),
    ),
    ThemeEntry(
        name="veiligheid",
        triggers=("veiligheid", "veilig", "veilige", "onveilig", "onveiligheid", "safety", "safe", "security",
                  "risico", "risk", "risks"),
        core=("veiligheid", "veilig", "onveilig", "risico ~verantwoorde", "risico's ~verantwoorde", "gevaar ~komt",
              "gevaarlijk", "ongeval", "ongevallen", "calamiteiten", "calamiteit", "noodsituaties", "noodsituatie",
              "ehbo", "bhv", "eerste hulp", "ontruiming", "veiligheidsvoorschriften", "meldcode",
              "kindermishandeling", "huiselijk geweld", "agressie", "grensoverschrijdend gedrag", "mishandeling",
              "misbruik", "beveiliging", "letsel", "brandveiligheid", "arbo", "crisissituaties", "crisissituatie"),
        context=("hygiene", "hygienisch", "beschermen", "bescherming", "ergonomisch", "geweld", "incidenten",
                 "incident", "toezicht", "voorzorgsmaatregelen"),
        exclude=("afbreukrisico*",),
    ),
    ThemeEntry(
        name="feedback",
        triggers=("feedback", "terugkoppeling", "terugkoppelen", "reflectie", "reflecteren", "feed back"),
        core=("feedback", "terugkoppeling", "terug|koppelen", "tips en tops", "complimenten", "compliment",
              "kritiek", "opbouwende kritiek", "intervisie", "aan|spreken ~netwerk", "vragen mening"),
        context=("reflecteren", "reflectie", "waardering", "evaluatiegesprek", "beoordelingsgesprek",
                 "functioneringsgesprek", "eigen functioneren", "bijsturen"),
        exclude=("aansprekend*",),
    ),
    ThemeEntry(
        name="ouderbetrokkenheid",
        triggers=("ouderbetrokkenheid", "ouders", "ouder", "opvoeders", "parents", "parent", "parental involvement",
                  "oudercontact", "oudergesprek"),
        core=("ouders", "vervangende opvoeders", "opvoeders", "oudergesprek", "ouderavond", "oudercommissie",
              "ouderbetrokkenheid", "gezin", "gezinnen"),
        context=("thuissituatie", "opvoeding", "informeren", "gesprekken", "contact"),
        exclude=("ouderen", "ouderenzorg", "ouderenwerk", "oudere"),
    ),
)


# --------------------------------------------------------------------------- words


_WORD = re.compile(r"[^\W\d_]+")
_SPLIT_TERMS = re.compile(r"[,;\n]+")
# Particles of separable verbs recognised without a "|" (others, such as "in" and "over", need one).
AUTO_PARTICLES = ("samen", "terug", "mee", "af", "toe", "uit")
_INSEPARABLE = ("be", "ge", "her", "ont", "ver", "er")
_KOFSCHIP = "tkfschp"


def fold(text: str) -> str:
    """Lower case without diacritics, curly apostrophes made straight."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'").replace("‘", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def words(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` as (folded word, start, end); one-letter pieces (the *s* of *collega's*) dropped."""
    found = []
    for match in _WORD.finditer(text):
        word = fold(match.group())
        if len(word) > 1:
            found.append((word, match.start(), match.end()))
    return found


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The lexical index's stem of one folded word (itself when the stemmer drops it as a stop word)."""
    stems = tokenize(word)
    return stems[0] if len(stems) == 1 else word


def _double_vowel(root: str) -> str | None:
    """``bespreek`` from ``bespre|k``: the long vowel of an open syllable, written double; None when not."""
    if len(root) >= 3 and root[-1] not in "aeiou" and root[-2] in "aeou" and root[-3] not in "aeou":
        return root[:-1] + root[-2] + root[-1]
    return None


def verb_forms(infinitive: str) -> frozenset[str]:
    """Present, past and participle forms of a regular Dutch verb (folded), e.g. ``overleggen`` → overlegt.

    The Snowball stemmer leaves third-person forms apart from the infinitive (*overlegt* vs
    *overlegg*, *verwijst* vs *verwijz*); these forms close that gap. Wrong guesses cost nothing:
    a form that is not a Dutch word does not occur in the corpus.
    """
    if len(infinitive) < 5 or not infinitive.endswith("en") or " " in infinitive:
        return frozenset({infinitive})
    base = infinitive[:-2]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
        roots = {base[:-1]}
    else:
        roots = {base}
        doubled = _double_vowel(base)
        if doubled:
            roots.add(doubled)
    forms = {infinitive}
    for root in roots:
        voiced = root[-1] in "zv"
        final = root[:-1] + {"z": "s", "v": "f"}.get(root[-1], root[-1])
        past = "te" if final[-1] in _KOFSCHIP or final.endswith("ch") else "de"
        ending = "" if final[-1] in "td" else ("t" if past == "te" and not voiced else "d")
        forms.update({final + "t" if final[-1] != "t" else final, root + past, root + past + "n"})
        if voiced:
            forms.update({root + "de", root + "den"})
        participle = final + ending if not voiced else root + "d"
        forms.add(participle)
        if not infinitive.startswith(_INSEPARABLE):
            forms.add("ge" + participle)
    return frozenset(forms)


# --------------------------------------------------------------------------- terms and expansion


@dataclass(frozen=True)
class Term:
    """One expansion term: its text (``af|stemmen``, ``externe deskundigen``), weight and origin."""

    text: str
    weight: float = CORE
    origin: str = "eigen"

    def label(self) -> str:
        """The term as typed in the editable list (``betrokkenen:0.5``)."""
        return self.text if self.weight == CORE else f"{self.text}:{self.weight:g}"


@dataclass(frozen=True)
class Expansion:
    """The theme, its phrases, and the terms (and excluded words) that make a sentence count."""

    theme: str
    phrases: tuple[str, ...]
    terms: tuple[Term, ...]
    exclude: tuple[str, ...] = ()
    overridden: bool = False

    def as_text(self) -> str:
        """The editable form: ``term, term:0.5, af|stemmen, -excluded``."""
        return ", ".join([*(t.label() for t in self.terms), *(f"-{w}" for w in self.exclude)])


def clean_text(text: str | None, limit: int) -> str:
    """Control characters removed, white space folded; ``limit`` is checked by the caller."""
    kept = []
    for char in (text or "")[: limit * 4 + 16]:
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn"):
            kept.append(char)
    return " ".join("".join(kept).split())


def check_theme(theme: str | None) -> str:
    """The theme, cleaned.

    Raises:
        BadTheme: empty, longer than :data:`MAX_THEME_CHARS`, or more than :data:`MAX_PHRASES` phrases.
    """
    raw = theme or ""
    if len(raw.strip()) > MAX_THEME_CHARS:
        raise BadTheme(f"thema te lang: {len(raw.strip())} tekens, hooguit {MAX_THEME_CHARS} "
                       f"(theme too long; give a phrase or a few phrases)")
    cleaned = clean_text(raw, MAX_THEME_CHARS)
    phrases = [p.strip() for p in _SPLIT_TERMS.split(cleaned) if p.strip()]
    if not phrases:
        raise BadTheme("leeg thema: geef een thema, bijv. 'interprofessioneel samenwerken' (empty theme)")
    if len(phrases) > MAX_PHRASES:
        raise BadTheme(f"te veel frasen: {len(phrases)}, hooguit {MAX_PHRASES} (too many phrases)")
    if not any(_content_words(p) for p in phrases):
        raise BadTheme(f"geen zoekwoorden in het thema {cleaned[:40]!r}: geef inhoudswoorden, bijv. 'veiligheid' "
                       f"(no words to search for)")
    return cleaned


def _content_words(text: str) -> list[str]:
    return [w for w, _, _ in words(text) if w not in STOPWORDS]


def parse_terms(text: str | None) -> tuple[tuple[Term, ...], tuple[str, ...]]:
    """An edited term list: ``term``, ``term:0.5``, ``af|stemmen``, ``two words``, ``-excluded``.

    Raises:
        BadTheme: nothing usable, a bad weight, or a list longer than :data:`MAX_TERMS_CHARS`.
    """
    raw = text or ""
    if len(raw) > MAX_TERMS_CHARS:
        raise BadTheme(f"termenlijst te lang: hooguit {MAX_TERMS_CHARS} tekens (term list too long)")
    terms: dict[str, Term] = {}
    exclude: list[str] = []
    for piece in _SPLIT_TERMS.split(raw):
        piece = clean_text(piece, MAX_TERMS_CHARS).strip()
        if not piece:
            continue
        if piece.startswith(("-", "!")):
            exclude.extend(w for w in (re.sub(r"[^\w'*-]", "", fold(x)) for x in piece[1:].split()) if w)
            continue
        weight = CORE
        if ":" in piece:
            piece, _, number = piece.rpartition(":")
            try:
                weight = float(number.replace(",", "."))
            except ValueError:
                raise BadTheme(f"onbekend gewicht {number.strip()!r} bij term {piece.strip()!r}: "
                               f"gebruik bijv. 'term:0.5' (bad weight)") from None
            if not 0 < weight <= 1:
                raise BadTheme(f"gewicht {weight:g} bij term {piece.strip()!r} moet tussen 0 en 1 liggen (bad weight)")
        normalised = " ".join(re.sub(r"[^\w\s'|~-]", " ", fold(piece)).split())
        if "|" not in normalised and not _content_words(normalised):
            continue
        terms.setdefault(normalised, Term(normalised, weight, "eigen"))
    if not terms:
        raise BadTheme("geen zoektermen over: geef minstens één term (no terms to search for)")
    return tuple(terms.values()), tuple(dict.fromkeys(exclude))


def _base(text: str) -> str:
    """A term without its guards and separable-verb bar: ``af|stemmen ~op`` → ``afstemmen``."""
    return " ".join(t for t in fold(text).replace("|", "").split() if not t.startswith("~"))


def _triggered(words_and_phrases: Sequence[str]) -> list[ThemeEntry]:
    """The thesaurus entries that a theme's words or phrases call up."""
    stems = {stem(w) for text in words_and_phrases for w in _content_words(text)}
    folded = [" ".join(fold(t).split()) for t in words_and_phrases]
    found = []
    for entry in THESAURUS:
        triggers = [fold(t) for t in entry.triggers]
        if any((" " in t and any(t in f for f in folded)) or (" " not in t and stem(t) in stems) for t in triggers):
            found.append(entry)
    return found


def expand_theme(theme: str, corpus: Corpus | None = None, terms: str | None = None) -> Expansion:
    """The terms for a theme: its words, glossary terms (English), compound parts and thesaurus entries.

    With ``terms`` (an edited list, see :func:`parse_terms`) that list replaces the expansion.

    Raises:
        BadTheme: see :func:`check_theme` and :func:`parse_terms`.
    """
    cleaned = check_theme(theme)
    phrases = tuple(p.strip() for p in _SPLIT_TERMS.split(cleaned) if p.strip())
    if terms is not None and terms.strip():
        parsed, exclude = parse_terms(terms)
        return Expansion(cleaned, phrases, parsed, exclude, overridden=True)
    found: dict[str, Term] = {}
    exclude: list[str] = []
    glossary_terms = [w for phrase in phrases for dutch in glossary_expand(phrase) for w in _content_words(dutch)]
    compound_parts = [part for phrase in phrases for word in _content_words(phrase)
                      for part in (corpus.compound_parts(word) if corpus is not None else ())]
    entries = _triggered([*phrases, *glossary_terms, *compound_parts])
    thesaurus = {_base(t): t for entry in entries for t in (*entry.core, *entry.context)}

    def add(text: str, weight: float, origin: str) -> None:
        text = " ".join(fold(text).split())
        base = _base(text)
        if not base or base in found:
            return
        if origin in ("thema", "glossarium") and base in thesaurus:
            text = fold(thesaurus[base])  # the thesaurus's form of the same term carries its guards
        found[base] = Term(text, weight, origin)

    for phrase in phrases:
        for word in _content_words(phrase):
            weight = CORE
            if corpus is not None and corpus.unit_share(word) > GENERIC_SHARE:
                weight = CONTEXT  # a theme word found in most units carries little on its own
            add(word, weight, "thema")
        for dutch in glossary_expand(phrase):
            for word in _content_words(dutch):
                add(word, CORE, "glossarium")
        if corpus is not None:
            for word in _content_words(phrase):
                if corpus.unit_share(word) > 0:
                    continue  # the word itself occurs: its own matches are enough
                parts = corpus.compound_parts(word)
                if parts:
                    add(" ".join(parts), CORE, "samenstelling")
    for entry in entries:
        for text in entry.core:
            add(text, CORE, f"thesaurus: {entry.name}")
        for text in entry.context:
            add(text, CONTEXT, f"thesaurus: {entry.name}")
        exclude.extend(fold(w) for w in entry.exclude)
    return Expansion(cleaned, phrases, tuple(found.values()), tuple(dict.fromkeys(exclude)))


# --------------------------------------------------------------------------- the corpus, split in sentences


@dataclass(frozen=True)
class Sentence:
    """One sentence of a unit: its text and words (folded, with offsets into ``text``)."""

    text: str
    words: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class ScanUnit:
    """One whole unit of the index (all parts of a split unit), split into sentences."""

    chunk: Chunk
    passage: str
    sentences: tuple[Sentence, ...]
    title: Sentence | None
    order: tuple[int, int, int]
    ref: str
    duplicate_key: str

    @property
    def row(self) -> tuple[str, str | None, str | None, str | None]:
        """The matrix row: source, dossier, version and profile (None for the basisdeel)."""
        c = self.chunk
        return (c.source, c.dossier, c.version, c.profile)

    @property
    def kerntaak(self) -> str | None:
        """The code of the kerntaak this unit belongs to (its own code for a kerntaak)."""
        c = self.chunk
        return c.code if c.kind == KERNTAAK else c.kerntaak_code


def unit_ref(chunk: Chunk) -> str:
    """A stable, readable reference to a unit: ``source:line:kind:code:profile:variant``."""
    parts = (chunk.source, str(chunk.location.start), chunk.kind, chunk.code or chunk.title or "",
             chunk.profile or "", chunk.variant or "")
    return ":".join(parts)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_ABBREVIATIONS = ("bijv.", "o.a.", "e.d.", "m.b.t.", "i.v.m.", "incl.", "etc.", "d.w.z.", "t.b.v.", "m.n.",
                  "evt.", "z.o.z.", "a.d.h.v.", "i.o.m.", "n.a.v.", "resp.", "ca.")
_META = re.compile(r"^(?:sbb-competenties|de onderliggende competenties)", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\s*(?:[-–•*>\ufffd]|\d+[.)])\s*")


def split_sentences(passage: str) -> list[str]:
    """The sentences of a passage: per line, split after ``.!?``; list items and headings handled.

    Section labels and short lead-ins ending in ``:`` are left out, and so are the competence
    lists that SBB exports add to a werkproces ("SBB-competenties: ...", "De onderliggende
    competenties zijn: ..."): they name competences, they do not describe the work.
    """
    sentences: list[str] = []
    in_meta = False
    for line in passage.splitlines():
        line = _LIST_MARK.sub("", line).strip()
        if not line:
            continue
        if line.endswith(":") and len(line.split()) <= 6:
            in_meta = bool(_META.match(line))
            continue
        if _META.match(line):
            continue
        if in_meta:
            continue
        pieces: list[str] = []
        for piece in _SENTENCE_END.split(line):
            if pieces and pieces[-1].lower().endswith(_ABBREVIATIONS):
                pieces[-1] = f"{pieces[-1]} {piece}"
            else:
                pieces.append(piece)
        sentences.extend(p.strip() for p in pieces if p.strip())
    return sentences


@dataclass
class Corpus:
    """The scannable units of one index, split into sentences, with their vocabulary (built once)."""

    units: tuple[ScanUnit, ...]
    vocabulary: Counter
    unit_counts: Counter
    compounds: frozenset[str]
    _matchers: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_chunks(cls, chunks: Sequence[Chunk]) -> Corpus:
        """Join chunks per unit, keep the scanned kinds, split sentences, count words."""
        source_rank: dict[str, int] = {}
        firsts: dict[str, tuple[int, Chunk]] = {}
        for position, chunk in enumerate(chunks):
            source_rank.setdefault(chunk.source, len(source_rank))
            if chunk.kind in SCAN_KINDS and chunk.unit_key not in firsts:
                firsts[chunk.unit_key] = (position, chunk)
        units = []
        vocabulary: Counter = Counter()
        unit_counts: Counter = Counter()
        for position, chunk in firsts.values():
            passage = chunk.passage or chunk.text
            sentences = tuple(Sentence(s, tuple(words(s))) for s in split_sentences(passage))
            title = Sentence(chunk.title, tuple(words(chunk.title))) if chunk.title else None
            seen: set[str] = set()
            for sentence in (*sentences, *([title] if title else [])):
                for word, _, _ in sentence.words:
                    vocabulary[word] += 1
                    seen.add(word)
            unit_counts.update(seen)
            order = (source_rank[chunk.source], chunk.location.start, position)
            duplicate_key = chunk.group or chunk.unit_key
            units.append(ScanUnit(chunk, passage, sentences, title, order, unit_ref(chunk), duplicate_key))
        units.sort(key=lambda u: u.order)
        compounds = frozenset(w for w, n in vocabulary.items() if n >= COMPOUND_MIN_COUNT and len(w) >= MIN_PART)
        return cls(tuple(units), vocabulary, unit_counts, compounds)

    def unit_share(self, word: str) -> float:
        """The share of units in which ``word`` (or a word with its stem) occurs."""
        if not self.units:
            return 0.0
        wanted = stem(fold(word))
        count = max((n for w, n in self.unit_counts.items() if stem(w) == wanted), default=0)
        return count / len(self.units)

    def compound_parts(self, word: str) -> list[str]:
        """The two known words a compound theme word is made of (``teamoverleg`` → team, overleg), or [].

        The lexical index's own splitter (:func:`assistant.lexical.split_compound`) on this corpus's words.
        """
        return split_compound(fold(word), self.compounds)

    def matcher(self, term: Term, exclude: tuple[str, ...] = ()) -> Matcher:
        """The compiled matcher for a term (cached per corpus)."""
        key = (term, exclude)
        if key not in self._matchers:
            self._matchers[key] = Matcher.compile(term, self, exclude)
        return self._matchers[key]


_CORPORA: dict[tuple[str, int], Corpus] = {}


def corpus_for(index) -> Corpus:
    """The corpus of an :class:`~assistant.index.OpenIndex`, built once per build (a few tenths of a second)."""
    key = (str(index.build_dir), len(index.chunks))
    if key not in _CORPORA:
        if len(_CORPORA) >= 4:
            _CORPORA.pop(next(iter(_CORPORA)))
        _CORPORA[key] = Corpus.from_chunks(index.chunks)
    return _CORPORA[key]


# --------------------------------------------------------------------------- matching


def _word_variants(word: str, corpus: Corpus, exclude: tuple[str, ...]) -> frozenset[str]:
    """The corpus words that count as ``word``: same stem, a verb form, or a compound with it at either end."""
    word = fold(word)
    target = stem(word)
    base = {w for w in corpus.vocabulary if stem(w) == target} | {word} | (verb_forms(word) & corpus.vocabulary.keys())
    found = set(base)
    long_base = [b for b in base if len(b) >= 4]
    for candidate in corpus.vocabulary:
        if candidate in found:
            continue
        for b in long_base:
            if candidate.endswith(b) and _is_head(candidate[: -len(b)], corpus):
                found.add(candidate)
                break
            if candidate.startswith(b):
                rest = candidate[len(b):]
                if rest in corpus.compounds or (rest[:1] in "se" and rest[1:] in corpus.compounds) or (
                        rest[:2] == "en" and rest[2:] in corpus.compounds):
                    found.add(candidate)
                    break
    return frozenset(w for w in found if w in corpus.vocabulary and not excluded(w, exclude))


def excluded(word: str, exclude: Iterable[str]) -> bool:
    """Whether an excluded entry names ``word``: the word itself, or a prefix written ``prefix*``."""
    return any(word == x or (x.endswith("*") and word.startswith(x[:-1])) for x in exclude)


def _is_head(head: str, corpus: Corpus) -> bool:
    """Whether ``head`` is the first part of a compound: a known word, possibly with a linking s or e(n)."""
    if len(head) < 3:
        return False
    return head in corpus.compounds or (head[-1:] in "se" and head[:-1] in corpus.compounds) or (
        head.endswith("en") and head[:-2] in corpus.compounds)


@dataclass(frozen=True)
class Matcher:
    """A term compiled against a corpus's vocabulary.

    ``alternatives`` are tuples of word sets: the term matches a sentence when, for one alternative,
    every set has a word in the sentence and those words lie within :data:`WINDOW` words of each other.
    ``guards`` (written ``~word`` after the term) reject a match when one of them stands between the
    matched words, right before them or within :data:`GUARD_AFTER` words after them: ``af|stemmen ~op`` counts *stemt af
    met collega's* (align with) but not *stemt de zorg af op de cliënt* (tailor to).
    """

    term: Term
    alternatives: tuple[tuple[frozenset[str], ...], ...]
    guards: frozenset[str] = frozenset()
    separable: bool = False

    @classmethod
    def compile(cls, term: Term, corpus: Corpus, exclude: tuple[str, ...] = ()) -> Matcher:
        """Compile one term: single word, separable verb (``af|stemmen``), or several words; ``~guards``."""
        tokens = term.text.split()
        guards = frozenset(fold(t[1:]) for t in tokens if t.startswith("~") and len(t) > 1)
        text = " ".join(t for t in tokens if not t.startswith("~"))
        particle, _, verb = text.partition("|") if "|" in text else ("", "", "")
        if not particle:
            single = text.split()
            if len(single) == 1:
                for candidate in AUTO_PARTICLES:
                    rest = single[0][len(candidate):]
                    if single[0].startswith(candidate) and len(rest) >= 5 and rest.endswith("en"):
                        particle, verb = candidate, rest
                        break
        alternatives: list[tuple[frozenset[str], ...]] = []
        if particle and verb and " " not in particle + verb:
            whole = particle + verb
            fused = {particle + form for form in verb_forms(verb)} | {particle + "te" + verb}
            single_words = _word_variants(whole, corpus, exclude) | (fused & corpus.vocabulary.keys())
            alternatives.append((frozenset(w for w in single_words if not excluded(w, exclude)),))
            forms = frozenset(f for f in verb_forms(verb) if f in corpus.vocabulary)
            if forms:
                alternatives.append((forms, frozenset({particle})))
        else:
            parts = _content_words(text.replace("|", ""))
            if parts:
                alternatives.append(tuple(_word_variants(w, corpus, exclude) for w in parts))
        separable = bool(particle and verb and len(alternatives) == 2 and all(alternatives[1]))
        return cls(term, tuple(a for a in alternatives if all(a)), guards, separable)

    def variants(self) -> tuple[str, ...]:
        """The corpus words this term matches (for showing the expansion)."""
        shown: list[str] = []
        for alternative in self.alternatives:
            if len(alternative) == 1:
                shown.extend(sorted(alternative[0]))
            else:
                shown.append(" … ".join("/".join(sorted(s)[:4]) for s in alternative))
        return tuple(dict.fromkeys(shown))

    def _guarded(self, positions: list[str], chosen: Sequence[int]) -> bool:
        if not self.guards:
            return False
        low, high = max(0, min(chosen) - GUARD_BEFORE), max(chosen) + GUARD_AFTER
        return any(positions[i] in self.guards for i in range(low, min(high + 1, len(positions))) if i not in chosen)

    def find(self, sentence: Sentence) -> tuple[int, ...]:
        """Indices of the sentence's words that make this term match (empty when it does not)."""
        positions = [w for w, _, _ in sentence.words]
        found: list[int] = []
        for alternative in self.alternatives:
            hits = [[i for i, w in enumerate(positions) if w in group] for group in alternative]
            if not all(hits):
                continue
            if len(alternative) == 1:
                found.extend(i for i in hits[0] if not self._guarded(positions, (i,)))
                continue
            for anchor in hits[0]:
                chosen = [anchor]
                for other in hits[1:]:
                    if self.separable:  # the particle ends the clause (stemt ... af), or just precedes (af te stemmen)
                        near = [i for i in other if 0 < i - anchor <= PARTICLE_AFTER or i == anchor - 1
                                or (i == anchor - 2 and positions[anchor - 1] == "te")]
                    else:
                        near = [i for i in other if abs(i - anchor) <= WINDOW and i not in chosen]
                    if not near:
                        break
                    chosen.append(min(near, key=lambda i: abs(i - anchor)))
                else:
                    if not self._guarded(positions, chosen):
                        found.extend(chosen)
        return tuple(sorted(set(found)))


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class SentenceMatch:
    """A sentence that carries the theme: its text, the terms found, the words to highlight, its weight."""

    text: str
    terms: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    weight: float


@dataclass(frozen=True)
class UnitScore:
    """How strongly one unit carries the theme."""

    score: float
    sentences: tuple[SentenceMatch, ...]
    title: SentenceMatch | None
    density: float
    content_sentences: int


def _match_sentence(sentence: Sentence, matchers: Sequence[Matcher]) -> SentenceMatch | None:
    found: dict[str, float] = {}
    marked: set[int] = set()
    for matcher in matchers:
        indices = matcher.find(sentence)
        if indices:
            found[matcher.term.text] = max(found.get(matcher.term.text, 0.0), matcher.term.weight)
            marked.update(indices)
    if not found:
        return None
    spans: list[tuple[int, int]] = []
    for i in sorted(marked):
        start, end = sentence.words[i][1], sentence.words[i][2]
        if spans and not sentence.text[spans[-1][1]:start].strip():
            spans[-1] = (spans[-1][0], end)  # neighbours ("werkt samen") as one highlight
        else:
            spans.append((start, end))
    return SentenceMatch(sentence.text, tuple(found), tuple(spans), min(1.0, sum(found.values())))


def score_unit(unit: ScanUnit, matchers: Sequence[Matcher]) -> UnitScore:
    """``Σ sentence weights + TITLE_WEIGHT × title weight + DENSITY_WEIGHT × density`` for one unit."""
    matched = tuple(m for m in (_match_sentence(s, matchers) for s in unit.sentences) if m is not None)
    title = _match_sentence(unit.title, matchers) if unit.title else None
    total = sum(m.weight for m in matched)
    count = max(1, len(unit.sentences))
    density = total / count
    score = total + TITLE_WEIGHT * (title.weight if title else 0.0) + DENSITY_WEIGHT * density
    return UnitScore(round(score, 3), matched, title, round(density, 3), len(unit.sentences))


def strength(score: float) -> str:
    """``kern`` from :data:`KERN_SCORE`, else ``zijdelings``."""
    return "kern" if score >= KERN_SCORE else "zijdelings"


# --------------------------------------------------------------------------- the scan


@dataclass(frozen=True)
class Anchor:
    """One listed unit: where it is, how strongly it carries the theme, and the sentences that do."""

    unit: ScanUnit
    result: UnitScore
    also: tuple[ScanUnit, ...] = ()
    dense: float | None = None

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
        return strength(self.score)

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
        return [_short_label(u.chunk) for u in self.also]

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
                 "label": _short_label(u.chunk), "ref": u.ref, "source": u.chunk.source,
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

    def count(self, row: tuple, column: str) -> int | None:
        """The count in one cell, or None when that row has no such kerntaak."""
        return self.cells.get((row, column))

    def as_json(self) -> dict:
        """Columns and rows with their cells."""
        return {
            "columns": list(self.columns),
            "rows": [
                {"label": label, "source": key[0], "dossier": key[1], "version": key[2], "profile": key[3],
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
            "thresholds": {"listed": MIN_SCORE, "kern": KERN_SCORE},
            "anchors": [a.as_json() for a in self.anchors],
            "matrix": self.matrix.as_json(),
            "scanned_units": self.scanned,
            "seconds": round(self.seconds, 3),
            "suggestions": list(self.suggestions),
        }


def _short_label(chunk: Chunk) -> str:
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
) -> ScanResult:
    """Scan an index for a theme: the anchors in document order, the matrix, the expansion.

    Args:
        index: an open index (only its chunks are read; the vector store only through ``similarities``).
        theme: one phrase or a few, comma-separated, Dutch or English.
        terms: an edited term list that replaces the expansion (see :func:`parse_terms`).
        dossier, version, profile: optional filters (name or abbreviation, case-insensitive).
        similarities: optional dense similarities per unit ref (:func:`dense_similarities`); with
            ``dense_weight`` > 0 they add ``dense_weight × max(0, similarity)`` to every matching unit's
            score (a secondary signal only: a unit still needs a matching sentence or title).
        corpus: a prepared corpus (default: built once per index).

    Raises:
        BadTheme: empty or too long theme, or an unusable term list.
    """
    started = time.perf_counter()
    corpus = corpus or corpus_for(index)
    expansion = expand_theme(theme, corpus, terms)
    matchers = [corpus.matcher(t, expansion.exclude) for t in expansion.terms]
    matchers = [m for m in matchers if m.alternatives]
    units = [u for u in corpus.units if _passes(u.chunk, dossier, version, profile)]
    scored: list[tuple[ScanUnit, UnitScore, float | None]] = []
    for unit in units:
        result = score_unit(unit, matchers) if matchers else UnitScore(0.0, (), None, 0.0, len(unit.sentences))
        dense = similarities.get(unit.ref) if similarities is not None else None
        if dense is not None and dense_weight and (result.sentences or result.title):
            result = UnitScore(round(result.score + dense_weight * max(0.0, dense), 3), result.sentences, result.title,
                               result.density, result.content_sentences)
        if result.score >= MIN_SCORE and (result.sentences or result.title):
            scored.append((unit, result, dense))
    anchors: list[Anchor] = []
    by_duplicate: dict[str, int] = {}
    for unit, result, dense in scored:
        key = unit.duplicate_key
        if key in by_duplicate:
            first = anchors[by_duplicate[key]]
            anchors[by_duplicate[key]] = Anchor(first.unit, first.result, (*first.also, unit), first.dense)
            continue
        by_duplicate[key] = len(anchors)
        anchors.append(Anchor(unit, result, (), dense))
    reports = []
    for matcher in matchers:
        listed = sum(1 for a in anchors if matcher.term.text in _anchor_terms(a))
        reports.append(TermReport(matcher.term, matcher.variants(), listed))
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
    )


def _anchor_terms(anchor: Anchor) -> set[str]:
    found = {t for s in anchor.result.sentences for t in s.terms}
    if anchor.result.title:
        found.update(anchor.result.title.terms)
    return found


# --------------------------------------------------------------------------- matrix


OTHER_COLUMN = "overig"


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
    stand in.
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
    return Matrix(columns, rows, cells)


# --------------------------------------------------------------------------- suggestions


def suggest(expansion: Expansion, corpus: Corpus, limit: int = 8) -> tuple[str, ...]:
    """Nearby words for a theme that found nothing: close spelling, same start, else the thesaurus themes.

    Candidates are the corpus words (most frequent first); ``difflib`` finds close spellings.
    """
    found: list[str] = []
    vocabulary = [w for w, n in corpus.vocabulary.most_common() if len(w) > 3 and w not in STOPWORDS]
    asked = [*expansion.phrases, *(_base(t.text) for t in expansion.terms)]
    for word in dict.fromkeys(w for text in asked for w in _content_words(text)):
        found.extend(difflib.get_close_matches(word, vocabulary, n=4, cutoff=0.72))
        if len(word) >= 4:
            found.extend([w for w in vocabulary if w.startswith(word[:5]) and w != word][:4])
    found = list(dict.fromkeys(found))
    if not found:
        found = [entry.name for entry in THESAURUS]
    return tuple(found[:limit])


# --------------------------------------------------------------------------- rendering


def md(text: str | None) -> str:
    """Document text made inert in Markdown: :func:`assistant.answer.escape`, with round brackets left readable.

    Brackets cannot start a link or image once ``[``, ``]`` and ``!`` are escaped, so ``(`` and ``)``
    need no backslash; everything else (HTML, emphasis, block markers, autolinks, code) stays escaped.
    """
    return escape(text or "").replace("\\(", "(").replace("\\)", ")")


def _marked(sentence: SentenceMatch, before: str, after: str, escaper=md) -> str:
    """The sentence escaped, with the matched words between ``before`` and ``after``."""
    out, at = [], 0
    for start, end in sentence.spans:
        out.append(escaper(sentence.text[at:start]))
        out.append(f"{before}{escaper(sentence.text[start:end])}{after}")
        at = end
    out.append(escaper(sentence.text[at:]))
    return "".join(out)


def _sections(anchors: Sequence[Anchor]) -> list[tuple[Chunk, list[tuple[str, list[Anchor]]]]]:
    """Anchors grouped per dossier (source, dossier, version), then per part, in document order."""
    dossiers: dict[tuple, tuple[Chunk, dict[str, list[Anchor]]]] = {}
    for anchor in anchors:
        c = anchor.chunk
        _, parts = dossiers.setdefault((c.source, c.dossier, c.version), (c, {}))
        parts.setdefault(_part(c), []).append(anchor)
    result = []
    for first, parts in dossiers.values():
        ordered = sorted(parts.items(), key=lambda item: _part_rank(item[0], item[1]))
        result.append((first, ordered))
    return result


def _part(chunk: Chunk) -> str:
    if chunk.profile:
        return f"Profiel: {chunk.profile}"
    if chunk.kind == BEROEPSBESCHRIJVING:
        return "Beroepsbeschrijving"
    if chunk.kind in (COMPETENTIE, COMPETENTIENIVEAU):
        return "Competenties"
    return "Basisdeel"


def _part_rank(name: str, anchors: list[Anchor]) -> tuple:
    fixed = {"Beroepsbeschrijving": 0, "Basisdeel": 1, "Competenties": 1}
    return (fixed.get(name, 2), min(a.unit.order for a in anchors))


def _dossier_heading(chunk: Chunk) -> str:
    name = chunk.dossier or chunk.source
    if chunk.dossier_abbr and chunk.dossier_abbr != name:
        name = f"{name} ({chunk.dossier_abbr})"
    return f"{name} · {chunk.version}" if chunk.version else name


def _term_line(result: ScanResult) -> str:
    # term text is letters, digits, spaces and ' | ~ - * : . only (see parse_terms): safe in a code span
    return ", ".join(f"`{report.term.label()}` ({report.units})" for report in result.terms)


def _variants_details(result: ScanResult) -> str:
    """The expansion in full (UI): per term its origin, weight and the corpus words it matched, as HTML."""
    rows = "".join(
        f"<tr><td><code>{escape_html(r.term.label())}</code></td><td>{escape_html(r.term.origin)}</td>"
        f"<td>{r.units}</td><td>{escape_html(', '.join(r.variants) or '—')}</td></tr>"
        for r in result.terms
    )
    return ('<details class="termen"><summary>Termen, herkomst en de woorden die ze in de tekst vinden</summary>'
            '<table><tr><th>term</th><th>herkomst</th><th>eenheden</th><th>woorden in de tekst</th></tr>'
            f"{rows}</table></details>")


def render_matrix_markdown(matrix: Matrix) -> str:
    """The matrix as a Markdown table (``–`` where a row has no such kerntaak)."""
    if not matrix.rows:
        return ""
    head = "| dossier · profiel | " + " | ".join(md(c) for c in matrix.columns) + " | totaal |"
    rule = "|---|" + "---:|" * (len(matrix.columns) + 1)
    lines = [head, rule]
    for label, key in matrix.rows:
        values = [matrix.count(key, column) for column in matrix.columns]
        total = sum(v for v in values if v)
        cells = ["–" if v is None else (f"**{v}**" if v else "0") for v in values]
        lines.append(f"| {md(label)} | " + " | ".join(cells) + f" | {total} |")
    return "\n".join(lines)


def render_markdown(result: ScanResult, ui: bool = False) -> str:
    """The overview as Markdown that reads like the curriculum extract; all document text escaped.

    A heading per dossier (with version), per part (basisdeel, profile), per unit ``CODE: Title``,
    then the sentences that carry the theme quoted (matched words bold; ``<mark>`` with ``ui``), the
    strength and the citation. With ``ui`` each unit also opens its whole passage.
    """
    counts = result.counts()
    filters = ", ".join(f"{k} {v}" for k, v in result.filters.items())
    lines = [f"# Themascan: {md(result.theme)}", ""]
    lines.append(
        f"{counts['anchors']} ankerpunten ({counts['kern']} kern, {counts['zijdelings']} zijdelings) in "
        f"{len({(a.chunk.source, a.chunk.dossier, a.chunk.version) for a in result.anchors})} dossiers · "
        f"{result.scanned} eenheden gescand" + (f" · filter: {md(filters)}" if filters else "")
    )
    lines.append("")
    origin = "eigen termen" if result.expansion.overridden else "uitbreiding"
    lines.append(f"**Termen** ({origin}; tussen haakjes: in hoeveel getoonde eenheden): {_term_line(result)}")
    if result.expansion.exclude:
        lines.append("")
        lines.append("**Telt niet mee**: " + ", ".join(f"`{w}`" for w in result.expansion.exclude))
    if ui:
        lines += ["", _variants_details(result)]
    lines.append("")
    lines.append(f"*kern*: score ≥ {KERN_SCORE:g}; *zijdelings*: {MIN_SCORE:g} ≤ score < {KERN_SCORE:g}. "
                 f"Score = som van de zinsgewichten + {TITLE_WEIGHT:g} × titel + {DENSITY_WEIGHT:g} × dichtheid.")
    lines.append("")
    if not result.anchors:
        lines.append(f"**Geen resultaten** voor {md(result.theme)} (no results).")
        if result.suggestions:
            lines.append("")
            lines.append(f"Probeer: {md(', '.join(result.suggestions))}")
        return "\n".join(lines) + "\n"
    lines += ["## Matrix: ankerpunten per kerntaak", "", render_matrix_markdown(result.matrix), ""]
    if ui:
        lines += [f"*Kolommen: kerntaakcodes; P-K1 is de eerste kerntaak van het profiel in die rij; "
                  f"{OTHER_COLUMN}: profiel- en beroepsbeschrijvingen, competenties. – = geen zo'n kerntaak.*", ""]
    shown_elsewhere: dict[str, Anchor] = {}
    for anchor in result.anchors:
        for member in anchor.also:
            shown_elsewhere[member.ref] = anchor
    for first, parts in _sections(result.anchors):
        lines += [f"## {md(_dossier_heading(first))}", ""]
        for part, anchors in parts:
            lines += [f"### {md(part)}", ""]
            for anchor in anchors:
                lines += _anchor_lines(anchor, ui)
        pointers = [a for a in result.anchors for m in a.also
                    if (m.chunk.source, m.chunk.dossier, m.chunk.version) == (first.source, first.dossier,
                                                                              first.version)]
        if pointers:
            lines.append("*Zelfde passage als hierboven getoond:* " + "; ".join(
                f"{md(a.heading)} (bij {md(_short_label(a.chunk))})" for a in pointers))
            lines.append("")
    return "\n".join(lines)


def _anchor_lines(anchor: Anchor, ui: bool) -> list[str]:
    c = anchor.chunk
    also = f" · ook in {md(', '.join(anchor.also_labels()))}" if anchor.also else ""
    label = STRENGTH_LABELS[anchor.strength]
    lines = [f"#### {md(anchor.heading)}", ""]
    lines.append(f"*{label}* · score {anchor.score:g}" + (" · titel" if anchor.result.title else "") + also)
    lines.append("")
    before, after = ("<mark>", "</mark>") if ui else ("**", "**")
    for sentence in anchor.result.sentences:
        lines.append(f"> {_marked(sentence, before, after)}")
        lines.append(">")
    if anchor.result.sentences:
        lines.pop()
    elif anchor.result.title:
        lines.append(f"> {_marked(anchor.result.title, before, after)}")
    lines.append("")
    lines.append(f"Bron: {' · '.join(md(p) for p in anchor.citation_parts())}")
    lines.append("")
    if ui:
        lines.append(f'<details class="passage"><summary>hele passage ({escape_html(c.kind)})</summary>'
                     f'<div class="passage">{html_lines(anchor.unit.passage)}</div></details>')
        lines.append("")
    return lines


def to_csv(result: ScanResult) -> str:
    """One row per anchor, with :data:`CSV_COLUMNS`; cells that a spreadsheet would evaluate are defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for anchor in result.anchors:
        c = anchor.chunk
        row = (
            c.dossier, c.version, c.profile, anchor.unit.kerntaak, c.code, c.title, anchor.strength, anchor.score,
            "\n".join(s.text for s in anchor.result.sentences), c.source, c.location.label(),
            c.kind, c.title if c.kind == KERNTAAK else c.kerntaak_title, ", ".join(anchor.also_labels()),
            ", ".join(sorted({_base(t) for t in _anchor_terms(anchor)})),
        )
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()


def to_json(result: ScanResult) -> str:
    """The result as one JSON object."""
    return json.dumps(result.as_json(), ensure_ascii=False)


def render(result: ScanResult, fmt: str) -> str:
    """The result as ``md``, ``csv`` or ``json`` text."""
    if fmt == "csv":
        return to_csv(result)
    if fmt == "json":
        return to_json(result) + "\n"
    return render_markdown(result)


def write_output(text: str, path: Path, fmt: str = "md") -> Path:
    """Write an export file (CSV with a BOM for spreadsheets).

    Raises:
        ExportError: naming the path, when it cannot be written.
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise ExportError(f"kan niet schrijven naar {path}: dat is een map (cannot write: is a directory)")
        if not path.parent.is_dir():
            raise ExportError(f"kan niet schrijven naar {path}: map {path.parent} bestaat niet "
                              f"(cannot write: no such directory)")
        path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(f"kan niet schrijven naar {path}: {exc.strerror or type(exc).__name__} "
                          f"(cannot write)") from None
    return path


def write_downloads(directory: Path, result: ScanResult) -> tuple[Path, Path]:
    """Markdown and CSV files for the UI's download buttons, under names made here (never the user's)."""
    directory.mkdir(parents=True, exist_ok=True)
    stem_name = f"themascan-{uuid.uuid4().hex[:12]}"
    md_path = write_output(render_markdown(result), directory / f"{stem_name}.md", "md")
    csv_path = write_output(to_csv(result), directory / f"{stem_name}.csv", "csv")
    return md_path, csv_path
