"""Step 1 of the scan: a theme → weighted terms (visible and editable).

Terms come from, in this order: the theme's own words; the Dutch glossary terms of English words
(:func:`assistant.glossary.expand`); compound parts of a theme word the corpus lacks; the optional
thesaurus file (:mod:`assistant.themes.thesaurus`); and near words from the corpus vocabulary by meaning
(:mod:`assistant.themes.vectors`). An edited list (:func:`parse_terms`) replaces all of it.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.glossary import expand as glossary_expand
from assistant.language import english_word
from assistant.names import shared_start
from assistant.themes.corpus import Corpus
from assistant.themes.limits import (
    MAX_PHRASES,
    MAX_TERMS,
    MAX_TERMS_CHARS,
    MAX_THEME_CHARS,
    SPLIT_TERMS,
    BadTheme,
    check_term_words,
    check_terms_text,
    clean_text,
    has_letters,
)
from assistant.themes.settings import CONTEXT, CORE, ScanSettings
from assistant.themes.thesaurus import ThemeEntry
from assistant.themes.thesaurus import load as load_thesaurus
from assistant.themes.words import (
    adjective_of,
    content_words,
    english_text,
    excluded,
    fold,
    lookalike,
    same_word,
    stem,
    theme_words,
    words,
)


@dataclass(frozen=True)
class Term:
    """One expansion term: its text (``af|stemmen``, ``externe deskundigen``), weight and origin."""

    text: str
    weight: float = CORE
    origin: str = "eigen"
    stands_for: str = ""  # the glossary entry whose alternatives it is (*zorg*, *verzorging* for *care*)

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
    notes: tuple[str, ...] = ()

    def as_text(self) -> str:
        """The editable form: ``term, term:0.5, af|stemmen, -excluded``."""
        return ", ".join([*(t.label() for t in self.terms), *(f"-{w}" for w in self.exclude)])


def check_theme(theme: str | None) -> str:
    """The theme, cleaned.

    Raises:
        BadTheme: empty, too long, too many phrases, no letters, or only stop words.
    """
    raw = theme if isinstance(theme, str) else ""
    if len(raw.strip()) > MAX_THEME_CHARS:
        raise BadTheme(f"thema te lang: {len(raw.strip())} tekens, hooguit {MAX_THEME_CHARS} "
                       f"(theme too long; give a phrase or a few phrases)")
    cleaned = clean_text(raw, MAX_THEME_CHARS)
    phrases = [p.strip() for p in SPLIT_TERMS.split(cleaned) if p.strip()]
    if not phrases:
        raise BadTheme("leeg thema: geef een thema, bijv. 'interprofessioneel samenwerken' (empty theme)")
    if len(phrases) > MAX_PHRASES:
        raise BadTheme(f"te veel frasen: {len(phrases)}, hooguit {MAX_PHRASES} (too many phrases)")
    if not has_letters(cleaned):
        raise BadTheme("het thema heeft geen letters: geef woorden, bijv. 'veiligheid' (theme has no letters)")
    if not any(theme_words(p) for p in phrases):
        raise BadTheme(f"geen zoekwoorden in het thema {cleaned[:40]!r}, alleen stopwoorden: geef inhoudswoorden, "
                       f"bijv. 'veiligheid' (only stop words)")
    return cleaned


def parse_terms(text: str | None) -> tuple[tuple[Term, ...], tuple[str, ...]]:
    """An edited term list: ``term``, ``term:0.5``, ``af|stemmen``, ``two words``, ``-excluded``.

    Raises:
        BadTheme: nothing usable, a bad weight, or a list over the limits (:mod:`assistant.themes.limits`).
    """
    text = text if isinstance(text, str) else ""
    check_terms_text(text)
    raw = ",".join(clean_text(piece, MAX_TERMS_CHARS) for piece in SPLIT_TERMS.split(text))
    terms: dict[str, Term] = {}
    exclude: list[str] = []
    for piece in SPLIT_TERMS.split(raw):
        piece = piece.strip()
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
        if "|" not in normalised and not content_words(normalised):
            continue
        check_term_words(normalised)
        terms.setdefault(normalised, Term(normalised, weight, "eigen"))
    if not terms:
        raise BadTheme("geen zoektermen over: geef minstens één term (no terms to search for)")
    if len(terms) > MAX_TERMS:
        raise BadTheme(f"te veel termen: {len(terms)}, hooguit {MAX_TERMS} (too many terms)")
    return tuple(terms.values()), tuple(dict.fromkeys(exclude))


def base(text: str) -> str:
    """A term without its guards and separable-verb bar: ``af|stemmen ~op`` → ``afstemmen``."""
    return " ".join(t for t in fold(text).replace("|", "").split() if not t.startswith("~"))


def glossary_siblings(word: str) -> list[str]:
    """The other Dutch words of every glossary entry that holds a form of ``word`` (*ouders* → *opvoeders*).

    An English theme gets the glossary's Dutch words; this gives a Dutch theme the same neighbours, so that
    a theme gives the same list in either language.
    """
    from assistant.glossary import GLOSSARY

    found: list[str] = []
    for dutch in GLOSSARY.values():
        words_of_entry = theme_words(dutch)
        if any(same_word(word, w) for w in words_of_entry):
            found.extend(w for w in words_of_entry if not same_word(word, w))
    return list(dict.fromkeys(found))


CONJUNCTION = re.compile(r"\s+(?:en|of|and|or|&)\s+|/", re.IGNORECASE)


def conjunct_partners(phrase: str, corpus: Corpus | None, dutch: Mapping[str, str] | None = None,
                      settings: ScanSettings | None = None, spread: Mapping[str, int] | None = None) -> dict[str, str]:
    """The commoner words of a theme's multi-word concepts, each with the whole concept as one term.

    A phrase is split at *en*/*of* (*reflectie en professionele ontwikkeling* → *reflectie*, *professionele
    ontwikkeling*); in a concept of two to four corpus words, the rarest word (fewest units, counting all its
    forms and compounds: *geven* with *geeft*) carries it alone
    and the others only together with it: ``{"professionele": "professionele ontwikkeling"}``.
    With ``dutch`` (:func:`translations`), a theme word the corpus lacks stands in the concept as the first word
    of its Dutch (*customer contact* → *klant contact*): a typed word the corpus holds (*contact*) then counts
    alone only when it is the rarest. With ``translations_partnered`` that Dutch word is partnered like a typed
    one (*physical environment* → *fysieke omgevingen*: the commoner *omgevingen* counts only with *fysieke*),
    and with ``absent_rarest`` a word that stays absent (no unit holds it, no translation) is the concept's
    rarest when it is rarer in the language (:func:`general_frequency`) than the others: they count only together
    (``""``: no concept term when fewer than two words occur), as
    *care* in *care settings* is not the concept.
    """
    if corpus is None:
        return {}
    from assistant.themes.match import word_variants  # match imports this module

    settings = settings or ScanSettings()
    first = {english: stand_in(text, corpus) for english, text in (dutch or {}).items() if theme_words(text)}
    found: dict[str, str] = {}
    for part in conjuncts_of(phrase):
        typed = set(theme_words(part))
        translated = _named_in(part, first)
        if settings.translations_partnered:  # a translated word or phrase (*daily activities*) stands in for it
            typed |= {first[key] for key in translated}
        concept = theme_words(dutch_text(part, first)) if first else theme_words(part)
        units = {w: corpus.units_with(word_variants(w, corpus)) for w in dict.fromkeys(concept)}
        words = [w for w, n in units.items() if n > 0]
        absent = [w for w, n in units.items() if n == 0]
        for english in translated:
            if first[english] in words and english in (spread or {}):
                units[first[english]] = max(units[first[english]], spread[english])
        if settings.absent_rarest and words and absent and len(units) <= 4:
            floor = min(general_frequency(w) for w in absent)
            for word in words:  # a word rarer in the language than the absent one still carries it alone
                if word in typed and general_frequency(word) > floor:
                    found[word] = " ".join(words) if len(words) >= 2 else ""
        elif 2 <= len(words) <= 4:
            rarest = min(words, key=lambda w: (units[w], words.index(w)))
            for word in words:
                if word != rarest and word in typed:
                    found[word] = " ".join(words)
        if settings.translations_partnered:  # the other Dutch words of a glossary entry (*care*: *verzorging*)
            for english in translated:
                for other in (w for w in theme_words(dutch[english]) if w != first[english]):
                    if first[english] in found and other not in found:
                        together = found[first[english]].split()
                        found[other] = " ".join(other if w == first[english] else w for w in together)
    return found


def _named_in(part: str, keys: Iterable[str]) -> list[str]:
    """The keys (English words or phrases) that a theme part names as whole words."""
    folded = fold(part)
    return [key for key in keys if re.search(rf"\b{re.escape(key)}\b", folded)]


def stand_in(dutch: str, corpus: Corpus) -> str:
    """The Dutch word that stands for a translation in its concept: the first of its words the corpus holds
    (*elderly care* → *ouderenzorg ouderen*: *ouderen*), else its first word."""
    listed = theme_words(dutch)
    return next((w for w in listed if corpus.unit_share(w) > 0), listed[0])


def conjuncts_of(phrase: str) -> list[str]:
    """The concepts of a theme phrase, split at *en*/*of*/*and*/*or*; an English phrase is not split at *of*
    (*next of kin* is one concept)."""
    if english_text(phrase):
        return re.split(r"\s+(?:en|and|or|&)\s+|/", phrase, flags=re.IGNORECASE)
    return CONJUNCTION.split(phrase)


def glossary_concepts(dutch: str, corpus: Corpus | None) -> dict[str, str]:
    """The commoner words of the multi-word concepts in a glossary value, each with its concept as one term.

    A glossary value lists Dutch words: alternatives (*schoonmaken schoonmaak*) or one phrase (*facilitaire
    dienstverlening*). Two neighbouring words that also stand side by side in the corpus are one concept; as
    in a typed theme (:func:`conjunct_partners`), its rarest word carries it alone and the other counts only
    together with it: ``{"dienstverlening": "facilitaire dienstverlening"}``.
    """
    if corpus is None:
        return {}
    found: dict[str, str] = {}
    listed = theme_words(dutch)
    for first, second in itertools.pairwise(listed):
        if corpus.adjacent(first, second):
            found.update(conjunct_partners(f"{first} {second}", corpus))
    return found


def neighbour(word: str, meaning, corpus: Corpus, settings: ScanSettings) -> str | None:
    """The corpus word nearest in meaning to a word the corpus lacks (*sustainability* → *duurzaam*), or None
    when no word is near enough (CSLS below ``translate_min``), the nearest one is generic, or it only shares
    a word piece with it (a shared start of 4+ letters that is not most of the shorter word, or a lookalike
    ending); a cognate that shares most of it, or is spelled nearly alike, stays (*documentation* →
    *documenten*, *networking* → *netwerken*)."""
    scores = meaning.near_scores(meaning.embed([word])[0])
    best = int(np.argmax(scores)) if len(scores) else -1
    if best < 0 or float(scores[best]) < settings.translate_min:
        return None
    if settings.translate_families:
        best = family_choice(scores, meaning.words, settings)
    found = meaning.words[best]
    if corpus.unit_share(found) > settings.generic_share or not theme_words(found):
        return None
    folded = fold(word)
    shorter = min(len(found), len(folded))
    shared = shared_start(found, folded)
    piece = 4 <= shared < 0.7 * shorter and not (settings.cognates_translated and cognate_of(found, folded))
    if piece or lookalike(found, folded):
        return None  # only a shared word piece (*intervisie* for *interprofessioneel*); a cognate stays (*documenten*)
    return found


def family_choice(scores: np.ndarray, vocabulary: Sequence[str], settings: ScanSettings, k: int = 8) -> int:
    """The nearest word of the word family whose forms together are nearest: of the ``k`` nearest words that
    pass ``translate_min``, the scores of one stem are summed (*omgevingen* 0.30 + *omgeving* 0.25 outweigh
    *milieubewust* 0.35 for *environment*). One form alone wins when no family outweighs it."""
    top = [int(i) for i in np.argsort(-scores)[:k] if float(scores[i]) >= settings.translate_min]
    totals: dict[str, float] = {}
    for i in top:
        key = stem(vocabulary[i], spelling=False)  # the stemmer's families (adjectives in -ief apart)
        totals[key] = totals.get(key, 0.0) + float(scores[i])
    family = max(totals, key=lambda key: totals[key])
    return next(i for i in top if stem(vocabulary[i], spelling=False) == family)


def cognate_of(dutch: str, english: str) -> bool:
    """The two words spell nearly alike once their endings are off (*netwerk(en)*, *network(ing)*: 0.86), unlike
    words that only share a start (*intervisie*, *interprofessioneel*)."""
    english, dutch = re.sub(r"(?:ing|es|s)$", "", english), re.sub(r"(?:en|s)$", "", dutch)
    return difflib.SequenceMatcher(None, dutch, english).ratio() >= 0.8


def translations(theme: str, corpus: Corpus | None, meaning, settings: ScanSettings) -> dict[str, str]:
    """Dutch for the words of a theme the corpus lacks: ``{word: Dutch}``.

    The glossary's words for the English words and phrases it knows; for any other word that no unit holds
    (in no form or compound), its nearest corpus word by meaning (:func:`neighbour`). A Dutch theme whose
    words occur gets nothing, so an English theme goes through the same Dutch steps as a Dutch one.
    """
    from assistant.glossary import spans
    from assistant.themes.match import word_variants  # match imports this module

    found: dict[str, str] = {}
    covered: set[int] = set()
    if corpus is None:
        return found

    def absent(word: str) -> bool:
        return corpus.units_with(word_variants(word, corpus)) == 0

    if settings.glossary:
        for start, end, dutch in spans(theme):
            english = fold(theme[start:end])
            if all(absent(w) for w in theme_words(english)):  # a Dutch word that is also an English key stays
                found[english] = dutch
            covered.update(range(start, end))
    if meaning is None:
        return found
    for word, start, _ in words(theme):
        if start in covered or word not in theme_words(word) or word in found:
            continue
        # only an English word gets its nearest corpus word: a Dutch word the corpus lacks is no other language's
        # word, and its nearest word is only something else
        if absent(word) and (english_word(word) or not settings.translate_english_only):
            near = neighbour(word, meaning, corpus, settings)
            if near:
                found[word] = near
    return found


def translation_spread(english: str, dutch: str, corpus: Corpus, meaning, settings: ScanSettings) -> int:
    """How many units hold the meaning of a translated word: any form of its Dutch words (a glossary entry's
    alternatives) or, for a one-word translation, of the 8 nearest corpus words within ``spread_margin`` (CSLS) of
    the nearest one.

    A translation names one form, and that form can be rare while its meaning is common: *supporting* →
    *steun* (6 units), while *ondersteunt*, *ondersteuning* stand in 70. A concept's rarest word is chosen by
    this count (:func:`conjunct_partners`), as a typed Dutch word's count takes in all its forms.
    """
    from assistant.themes.match import word_variants  # match imports this module

    found = list(theme_words(dutch))
    if meaning is not None and len(found) == 1:
        scores = meaning.near_scores(meaning.embed([english])[0])
        top = [int(i) for i in np.argsort(-scores)[:8]]
        if top:
            floor = float(scores[top[0]]) - settings.spread_margin
            found += [meaning.words[i] for i in top if float(scores[i]) >= floor]
    return corpus.units_with({v for w in found for v in word_variants(w, corpus)})


def general_frequency(word: str) -> float:
    """How common a word is in general Dutch or English (wordfreq's Zipf scale, the higher of the two): *personal*
    5.2 and *management* 5.1 are common modifiers, *transitions* 3.6 is a specific word."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, "en"), zipf_frequency(word, "nl"))


def dutch_text(theme: str, found: dict[str, str]) -> str:
    """The theme with its translated words replaced (the text whose meaning vector finds the near words)."""
    text = fold(theme)
    for english in sorted(found, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(english)}\b", found[english], text)
    return text


def triggered(entries: Sequence[ThemeEntry], words_and_phrases: Sequence[str]) -> list[ThemeEntry]:
    """The thesaurus entries that a theme's words or phrases call up."""
    typed = [w for text in words_and_phrases for w in content_words(text)]
    folded = [" ".join(fold(t).split()) for t in words_and_phrases]
    found = []
    for entry in entries:
        exclude = [fold(x) for x in entry.exclude]
        stems = {stem(w) for w in typed if not excluded(w, exclude)}  # a word the entry excludes calls it not up
        triggers = [fold(t) for t in entry.triggers]
        if any((" " in t and any(t in f for f in folded)) or (" " not in t and stem(t) in stems) for t in triggers):
            found.append(entry)
    return found


def near_words(vectors: np.ndarray, meaning, corpus: Corpus, settings: ScanSettings,
               taken: Sequence[str], own_words: Sequence[str] | None = None) -> list[tuple[str, float]]:
    """Vocabulary words near the theme's meaning: (word, CSLS score), best first.

    A word counts when its CSLS score (:meth:`~assistant.themes.vectors.Meaning.near_scores`) to one of
    ``vectors`` is at least ``near_min``, the sentences it stands in are close to the theme too
    (``near_context_min``), it is not a form of a word already taken, not generic, not a lookalike
    of a theme word (*bekwaamheid* for *duurzaamheid*; ``own_words``, default ``taken``), and, with
    ``near_heads_apart``, holds not only the last part of a compound theme word (*ontwikkelingsgerichte* for
    *taalontwikkeling*).
    """
    found: dict[str, float] = {}
    own = [w for t in (taken if own_words is None else own_words) for w in (t, *adjective_of(t))]
    heads = [parts for t in own if len(parts := corpus.compound_parts(t)) == 2] if settings.near_heads_apart else []
    for vector in vectors:
        scores = meaning.near_scores(vector)
        kept = 0
        for i in np.argsort(-scores)[: settings.near_k * 6]:
            score = float(scores[i])
            if score < settings.near_min or kept >= settings.near_k:
                break
            word = meaning.words[i]
            if any(same_word(word, t) or stem(word) == stem(t) for t in (*taken, *found)) or (
                    corpus.unit_share(word) > settings.generic_share) or any(lookalike(word, t) for t in own) \
                    or any(head in word and modifier not in word for modifier, head in heads):
                continue  # a word piece: *ontwikkelingsmogelijkheden* shares only the head of *taalontwikkeling*
            if meaning.context_similarity(word, vector) < settings.near_context_min:
                continue
            found[word] = max(found.get(word, -np.inf), score)
            kept += 1
    return sorted(found.items(), key=lambda item: -item[1])


def expand_theme(theme: str, corpus: Corpus | None = None, terms: str | None = None,
                 settings: ScanSettings | None = None, meaning=None, vectors: np.ndarray | None = None,
                 feedback: Sequence[str] = ()) -> Expansion:
    """The terms for a theme (see the module docstring); ``terms`` (an edited list) replaces the expansion.

    Args:
        theme: the theme as typed.
        corpus: the corpus (for word shares, compounds and near words).
        terms: an edited term list (:func:`parse_terms`), or None.
        settings: switches and weights.
        meaning: the corpus's :class:`~assistant.themes.vectors.Meaning`, for near words.
        vectors: the theme's meaning vectors (one per query text), for near words.
        feedback: words from the best units of a first pass (pseudo-relevance feedback), added as context terms.

    Raises:
        BadTheme: see :func:`check_theme` and :func:`parse_terms`.
    """
    settings = settings or ScanSettings()
    cleaned = check_theme(theme)
    phrases = tuple(p.strip() for p in SPLIT_TERMS.split(cleaned) if p.strip())
    if terms is not None and terms.strip():
        parsed, exclude = parse_terms(terms)
        return Expansion(cleaned, phrases, parsed, exclude, overridden=True)
    notes: list[str] = []
    found: dict[str, Term] = {}
    exclude: list[str] = []
    glossary_terms = [w for phrase in phrases for dutch in glossary_expand(phrase) for w in content_words(dutch)]
    if not settings.glossary:
        glossary_terms = []
    compound_parts = [part for phrase in phrases for word in theme_words(phrase)
                      for part in (corpus.compound_parts(word) if corpus is not None and settings.compounds else ())]
    entries: list[ThemeEntry] = []
    if settings.thesaurus:
        thesaurus = load_thesaurus()
        if thesaurus.problem:
            notes.append(thesaurus.problem)
        guessed = [] if settings.thesaurus_typed else glossary_terms  # pinned by the words typed, not a glossary guess
        entries = triggered(thesaurus.entries, [*phrases, *guessed, *compound_parts])
    pinned = {base(t): t for entry in entries for t in (*entry.core, *entry.context)}

    def add(text: str, weight: float, origin: str, stands_for: str = "") -> None:
        text = " ".join(fold(text).split())
        key = base(text)
        if not key or key in found or len(found) >= MAX_TERMS:
            return
        if origin in ("thema", "glossarium") and key in pinned:
            text = fold(pinned[key])  # the thesaurus's form of the same term carries its guards
        found[key] = Term(text, weight, origin, stands_for if settings.alternatives_once else "")

    for phrase in phrases:
        translated = translations(phrase, corpus, meaning, settings)  # once per phrase: concepts and terms
        in_concepts = translated if settings.conjuncts_translated else {}
        spread = {english: translation_spread(english, text, corpus, meaning, settings)
                  for english, text in in_concepts.items()} if settings.spread_rarest and corpus is not None else {}
        partners = conjunct_partners(phrase, corpus, in_concepts, settings, spread) if settings.conjuncts else {}
        for word in theme_words(phrase):
            weight = CORE
            if corpus is not None and corpus.unit_share(word) > settings.generic_share:
                weight = CONTEXT  # a theme word found in most units carries little on its own
            if word in partners:
                if partners[word]:
                    add(partners[word], CORE, "thema")  # the words of one concept together
                weight = CONTEXT  # a concept's commoner word alone: *professionele* without *ontwikkeling*
            add(word, weight, "thema")
        if settings.glossary:
            for dutch in glossary_expand(phrase):
                concepts = glossary_concepts(dutch, corpus) if settings.glossary_concepts else {}
                for word in theme_words(dutch):
                    if word in concepts:
                        add(concepts[word], CORE, "glossarium")
                    if partners.get(word):
                        add(partners[word], CORE, "glossarium")  # an English concept's Dutch together
                    add(word, CONTEXT if word in concepts or word in partners else CORE, "glossarium", dutch)
        if settings.translate and meaning is not None:
            for english, dutch in translated.items():
                if dutch not in glossary_expand(english):
                    if partners.get(dutch):
                        add(partners[dutch], CORE, "vertaling")  # a translated concept: its words together
                    add(dutch, CONTEXT if dutch in partners else CORE, "vertaling")
        if settings.glossary_dutch:
            for word in theme_words(phrase):
                for sibling in glossary_siblings(word):
                    add(sibling, CORE, "glossarium")
        if corpus is not None and settings.compounds:
            for word in theme_words(phrase):
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
    if settings.near and corpus is not None and meaning is not None and vectors is not None:
        taken = [w for key in found for w in key.split()]
        typed = [w for key, term in found.items() if term.origin != "vertaling" for w in key.split()]
        near = near_words(vectors, meaning, corpus, settings, taken, typed)  # lookalikes of the typed words only
        for word, score in near:
            weight = CORE if score >= settings.near_core else settings.near_weight
            add(word, weight, "verwant")
    for word in feedback:
        if not any(same_word(word, w) for key in found for w in key.split()):
            add(word, CONTEXT, "terugkoppeling")
    return Expansion(cleaned, phrases, tuple(found.values()), tuple(dict.fromkeys(exclude)), notes=tuple(notes))
