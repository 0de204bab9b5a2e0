"""Step 2 of the scan: terms × sentences → matches.

A term is compiled once against the corpus vocabulary (:class:`Matcher`, cached per corpus in a bounded
LRU): the corpus words that count as the term are its forms (same stem and no other derivational suffix:
*vertrouwelijk* is not *vertrouwen*), its verb forms and participles (*evalueert*, *geëvalueerd*),
separable verbs split over a sentence (*stemt ... af*), compounds that end in it (*teamoverleg*: a Dutch
compound is a kind of its last part), and compounds that start with a form of at least :data:`LEFT_MIN`
letters (*overlegvormen*, *gezondheidssituatie*). Short words start many unrelated compounds, so *doelen*
does not match *doelgroep* and *plannen* not *planmatig*; a compound head must be a content word, so
*waarden* does not match *voorwaarden*; and a compound found in more than :data:`COMPOUND_MAX_SHARE` of the
units is a concept of its own (*doelgroep* is not a *groep*), so it does not count as its last part (a
compound that starts with the term stays: *samenwerkingspartners* is about *samenwerking*).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.themes.corpus import Corpus, Sentence
from assistant.themes.expand import Term
from assistant.themes.words import (
    AUTO_PARTICLES,
    NOT_A_HEAD,
    PREPOSITION_PARTICLES,
    adjective_of,
    agent_nouns,
    content_words,
    excluded,
    fold,
    is_adjective,
    noun_reading,
    noun_verb,
    other_plural,
    same_word,
    split_verbs,
    verb_forms,
)

LEFT_MIN = 6  # a term form of at least this length also counts at the start of a compound (*overlegvormen*)
WINDOW = 6  # words between the parts of a multi-word term
GUARD_AFTER = 3  # a guard word (~op) rejects a match up to this many words after it
GUARD_BEFORE = 1  # ... or right before it (*verantwoorde risico's*)
PARTICLE_AFTER = 15  # a separable verb's particle may follow the verb this far (*stemt ... af*)
COMPOUND_MAX_SHARE = 0.05  # a compound in more units than this is a word of its own (*doelgroep* is no *groep*)


def _is_head(head: str, corpus: Corpus) -> bool:
    """Whether ``head`` can be the first part of a compound: a content word, possibly with a linking s or e(n)."""
    if len(head) < 3 or head in NOT_A_HEAD:
        return False
    return head in corpus.compounds or (head[-1:] in "se" and head[:-1] in corpus.compounds) or (
        head.endswith("en") and head[:-2] in corpus.compounds)


def present_participles(word: str) -> frozenset[str]:
    """The present participle of a verb's infinitive, as adverb and adjective: ``voorkomen`` → voorkomend(e)."""
    return frozenset({word + "d", word + "de"}) if word.endswith("en") and len(word) >= 5 else frozenset()


def word_variants(word: str, corpus: Corpus, exclude: tuple[str, ...] = (), morphology: bool = True,
                  compounds: bool = True, participles: bool = True, adjectives_apart: bool = True) -> frozenset[str]:
    """The corpus words that count as ``word``: its forms, verb forms, and compounds that end in it; without
    ``participles``, not a verb's present participle (*in voorkomende situaties* is not *voorkomen*); with
    ``adjectives_apart``, an adjective is no compound's last part (*gastvrije* is not *vrije*: a compound
    adjective is a word of its own, unlike a compound noun, which is a kind of its last part)."""
    word = fold(word)
    if morphology:
        forms = {w for w in corpus.forms(word) if same_word(w, word)} | (
            (verb_forms(word) | adjective_of(word) | agent_nouns(word)) & corpus.vocabulary.keys())
    else:
        forms = set(corpus.forms(word))
    if not participles:
        forms -= present_participles(word)
    forms -= other_plural(word, corpus.vocabulary)
    forms.add(word)
    found = set(forms)
    if compounds:
        total = max(1, len(corpus.units))

        def rare(compound: str) -> bool:  # a frequent compound names its own concept (*doelgroep*)
            return corpus.unit_counts[compound] / total <= COMPOUND_MAX_SHARE

        tails = [b for b in forms if len(b) >= 4]
        if adjectives_apart and is_adjective(word, corpus.vocabulary):
            tails = []
        for b in tails:
            found.update(c for c in corpus.ending_with(b) if c != b and _is_head(c[: -len(b)], corpus) and rare(c))
        for b in [b for b in forms if len(b) >= LEFT_MIN]:
            found.update(c for c in corpus.starting_with(b) if c != b and _is_tail(c[len(b):], corpus))
    return frozenset(w for w in found if w in corpus.vocabulary and not excluded(w, exclude))


def _is_tail(rest: str, corpus: Corpus) -> bool:
    """Whether ``rest`` can end a compound after a linking s: a known word of 4+ letters (*vormen*, *situatie*)."""
    rest = rest[1:] if rest[:1] == "s" and rest[1:] in corpus.compounds else rest
    return len(rest) >= 4 and rest in corpus.compounds


@dataclass(frozen=True)
class Matcher:
    """A term compiled against a corpus's vocabulary.

    ``alternatives`` are tuples of word sets: the term matches a sentence when, for one alternative,
    every set has a word in the sentence and those words lie within :data:`WINDOW` words of each other.
    ``guards`` (``~word`` after the term) reject a match when one stands between the matched words, right
    before them or within :data:`GUARD_AFTER` words after them.
    """

    term: Term
    alternatives: tuple[tuple[frozenset[str], ...], ...]
    guards: frozenset[str] = frozenset()
    separable: bool = False
    verb: str | None = None  # the term's infinitive when it is a verb in the corpus (for the noun-reading guard)
    family: str = ""  # terms of one family (forms of one word) count once in a sentence (scan.families)
    particle_ends_clause: bool = False  # a prepositional particle split off a noun's verb must end its clause
    split_off: tuple[tuple[str, frozenset[str]], ...] = ()  # a matched verb form with a particle ending its
    # clause is another verb (*rust … toe* is *toerusten*): the form and the particles of its separable verbs

    @classmethod
    def compile(cls, term: Term, corpus: Corpus, exclude: tuple[str, ...] = (), morphology: bool = True,
                compounds: bool = True, participles: bool = True, adjectives_apart: bool = True,
                nouns_separable: bool = True) -> Matcher:
        """Compile one term: single word, separable verb (``af|stemmen``), or several words; ``~guards``; a noun
        made of a separable verb also matches that verb split (*overdracht*: *draagt … over*)."""
        tokens = term.text.split()
        guards = frozenset(fold(t[1:]) for t in tokens if t.startswith("~") and len(t) > 1)
        text = " ".join(t for t in tokens if not t.startswith("~"))
        particle, _, verb = text.partition("|") if "|" in text else ("", "", "")
        if not particle and morphology:
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
            single_words = word_variants(whole, corpus, exclude, morphology, compounds) | (
                fused & corpus.vocabulary.keys())
            alternatives.append((frozenset(w for w in single_words if not excluded(w, exclude)),))
            forms = frozenset(f for f in verb_forms(verb) if f in corpus.vocabulary)
            if forms:
                alternatives.append((forms, frozenset({particle})))
        else:
            parts = content_words(text.replace("|", ""))
            if parts:
                alternatives.append(tuple(word_variants(w, corpus, exclude, morphology, compounds, participles,
                                                        adjectives_apart) for w in parts))
        separable = bool(particle and verb and len(alternatives) == 2 and all(alternatives[1]))
        guarded = False
        single = text.replace("|", "")
        if not particle and morphology and nouns_separable and single and " " not in single and alternatives:
            made_of = noun_verb(single, corpus.vocabulary.keys())
            forms = frozenset(f for f in verb_forms(made_of[1]) if f in corpus.vocabulary and not f.startswith("ge")
                              and not excluded(f, exclude)) if made_of else frozenset()
            if forms:
                alternatives.append((forms, frozenset({made_of[0]})))
                separable, guarded = True, made_of[0] in PREPOSITION_PARTICLES
        infinitive = None
        if morphology and " " not in single and single.endswith("en") and len(single) >= 5:
            third = {f for f in verb_forms(single) if f.endswith("t") and not f.startswith("ge")}
            if third & corpus.vocabulary.keys():
                infinitive = single
        kept = tuple(a for a in alternatives if all(a))
        split = corpus.cached("split verbs", lambda: split_verbs(corpus.vocabulary.keys())) if morphology else {}
        single_forms = {w for a in kept if len(a) == 1 for w in a[0]}
        split_off = tuple(sorted((w, split[w]) for w in single_forms if w in split))
        return cls(term, kept, guards, separable, infinitive, particle_ends_clause=guarded, split_off=split_off)

    def trigger_words(self) -> frozenset[str]:
        """Words one of which a sentence must hold to match (the first word set of each alternative)."""
        return frozenset(w for alternative in self.alternatives for w in alternative[0])

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
        if len(chosen) == 1:
            i = chosen[0]
            previous = positions[i - 1] if i > 0 else None
            following = positions[i + 1] if i + 1 < len(positions) else None
            if noun_reading(previous, positions[i], following, self.verb):
                return True
        if not self.guards:
            return False
        low, high = max(0, min(chosen) - GUARD_BEFORE), max(chosen) + GUARD_AFTER
        return any(positions[i] in self.guards for i in range(low, min(high + 1, len(positions))) if i not in chosen)

    def _split_off(self, sentence: Sentence, i: int) -> bool:
        """Whether the verb form at ``i`` is part of a separable verb whose particle ends the clause after it."""
        particles = dict(self.split_off).get(sentence.words[i][0])
        if not particles:
            return False
        for j in range(i + 1, min(len(sentence.words), i + 1 + PARTICLE_AFTER)):
            if any(mark in sentence.text[sentence.words[j - 1][2]:sentence.words[j][1]] for mark in ",;:.()"):
                return False  # the clause ended before a particle
            if sentence.words[j][0] in particles and _clause_ends(sentence, j) and (
                    j + 1 >= len(sentence.words) or sentence.words[j + 1][0] != "te"):  # "aan te sluiten": another verb
                return True
        return False

    def find(self, sentence: Sentence) -> tuple[int, ...]:
        """Indices of the sentence's words that make this term match (empty when it does not)."""
        vocab = sentence.vocab
        alternatives = [a for a in self.alternatives if all(not group.isdisjoint(vocab) for group in a)]
        if not alternatives:
            return ()
        positions = [w for w, _, _ in sentence.words]
        found: list[int] = []
        for alternative in alternatives:
            hits = [[i for i, w in enumerate(positions) if w in group] for group in alternative]
            if not all(hits):
                continue
            if len(alternative) == 1:
                found.extend(i for i in hits[0] if not self._guarded(positions, (i,))
                             and not self._split_off(sentence, i))
                continue
            for anchor in hits[0]:
                chosen = [anchor]
                for other in hits[1:]:
                    if self.separable:  # the particle ends the clause (stemt ... af), or just precedes (af te stemmen)
                        near = [i for i in other if 0 < i - anchor <= PARTICLE_AFTER or i == anchor - 1
                                or (i == anchor - 2 and positions[anchor - 1] == "te")]
                        if self.particle_ends_clause:  # *draagt … over aan*, not *over de cliënt*, *in kaart*
                            near = [i for i in near if i <= anchor or _clause_ends(sentence, i)]
                    else:
                        near = [i for i in other if abs(i - anchor) <= WINDOW and i not in chosen]
                    if not near:
                        break
                    chosen.append(min(near, key=lambda i: abs(i - anchor)))
                else:
                    if not self._guarded(positions, chosen):
                        found.extend(chosen)
        return tuple(sorted(set(found)))


# words that may follow a separable verb's particle at the end of its clause (*draagt … over aan haar collega's*,
# *richt ruimten in ter voorbereiding*, *draagt bij aan*); a particle before any other word is a preposition
CLAUSE_GOES_ON = frozenset("aan bij naar met en of om te ter tijdens wanneer als zodat waar die dat door voor".split())


def _clause_ends(sentence: Sentence, i: int) -> bool:
    """Whether the word at ``i`` ends its clause: the sentence's end, a punctuation mark or a clause word after it."""
    words = sentence.words
    if i + 1 >= len(words):
        return True
    between = sentence.text[words[i][2]:words[i + 1][1]]
    return any(mark in between for mark in ",;:.()") or words[i + 1][0] in CLAUSE_GOES_ON


def matcher(corpus: Corpus, term: Term, exclude: tuple[str, ...] = (), morphology: bool = True,
            compounds: bool = True, participles: bool = True, adjectives_apart: bool = True,
            nouns_separable: bool = True) -> Matcher:
    """The compiled matcher for a term, from the corpus's bounded cache."""
    key = (term.text, exclude, morphology, compounds, participles, adjectives_apart, nouns_separable)
    compiled = corpus.cached(key, lambda: Matcher.compile(Term(term.text), corpus, exclude, morphology, compounds,
                                                          participles, adjectives_apart, nouns_separable))
    return Matcher(term, compiled.alternatives, compiled.guards, compiled.separable, compiled.verb,
                   particle_ends_clause=compiled.particle_ends_clause, split_off=compiled.split_off)


def candidates(corpus: Corpus, matchers: Sequence[Matcher]) -> dict[int, list[Matcher]]:
    """Per sentence (by ``id``), the matchers that may match it: only those sentences are checked."""
    found: dict[int, list[Matcher]] = {}
    for compiled in matchers:
        seen: set[int] = set()
        for word in compiled.trigger_words():
            for sentence in corpus.sentences_with(word):
                key = id(sentence)
                if key not in seen:
                    seen.add(key)
                    found.setdefault(key, []).append(compiled)
    return found
