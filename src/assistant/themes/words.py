"""Dutch words for the theme scan: folding, stems, verb forms, derivations and sentences.

Everything here is a pure function of its input (plus the lexical index's stemmer). The scan compares
words at stem level, and closes the gaps the Snowball stemmer leaves (``overlegt`` vs ``overleggen``,
``geëvalueerd`` vs ``evalueren``) while keeping apart what it folds together wrongly
(``vertrouwelijk`` vs ``vertrouwen``: a derivational suffix changes the meaning).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from functools import lru_cache

from bm25s.stopwords import STOPWORDS_EN_PLUS

from assistant.lexical import STOPWORDS, tokenize

_WORD = re.compile(r"[^\W\d_]+")
_KOFSCHIP = "tkfschp"
_INSEPARABLE = ("be", "ge", "her", "ont", "ver", "er")
# Particles of separable verbs recognised without a "|" (others, such as "in" and "over", need one).
AUTO_PARTICLES = ("samen", "terug", "mee", "af", "toe", "uit")
# Particles that are also prepositions: split from their verb only where the particle ends its clause (*draagt …
# over aan*, *richt ruimten in ter …*), not before the noun it governs (*over de cliënt*, *in kaart*).
PREPOSITION_PARTICLES = ("over", "in", "op", "aan", "door", "bij", "na", "voor", "om")
# Function words that never start a compound whose meaning is its tail (*voorwaarden* is not a kind of
# *waarden*, *zelfvertrouwen* not of *vertrouwen* in the sense of trust between people).
NOT_A_HEAD = frozenset(
    "voor door over onder tegen achter mee uit toe aan op af in om na bij zelf mis weder weer wan on".split()
)
# Derivational suffixes that make another word of the same stem (*vertrouwelijk* is not *vertrouwen*,
# *bespreekbaar* not *bespreken*); inflection (-en, -t, -de, -e, -s) and -ing (the act itself) do not.
DERIVATIONS = ("lijk", "lijke", "lijkheid", "baar", "bare", "baarheid", "loos", "loze", "achtig", "achtige",
               "ig", "ige", "igheid", "isch", "ische", "schap", "dom")
EXTRA_STOPWORDS = frozenset("""
    the a an and or of with to for in on at by from its their your our my his her as into about
    dealing handling working other others own
    omgaan werken werk ander andere anderen zijn eigen hun haar elkaar zich
    """.split())
# English function words (NLTK's list, as bm25s ships it): a theme typed in English drops *between*,
# *through*, *during* like the Dutch stop words (*tussen* is no theme word). Only an English text loses them, and one
# that is a common Dutch word as well (wordfreq Zipf ≥ DUTCH_TOO: *was*, *me*, *had*) stays a theme word.
DUTCH_TOO = 5.0


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


def content_words(text: str) -> list[str]:
    """The folded words of ``text`` without stop words."""
    return [w for w, _, _ in words(text) if w not in STOPWORDS]


def theme_words(text: str) -> list[str]:
    """Content words of a theme: also without the generic words a theme phrase carries (*omgaan met*)."""
    english = english_text(text)
    return [w for w in content_words(text) if w not in EXTRA_STOPWORDS and not (english and english_stopword(w))]


@lru_cache(maxsize=4096)
def english_text(text: str) -> bool:
    """Whether a theme text reads as English (its English function words are then no theme words: *werken in de
    haven* keeps *haven*)."""
    from assistant.language import detect

    return detect(text) == "en"


@lru_cache(maxsize=4096)
def english_stopword(word: str) -> bool:
    """Whether a folded word is an English function word and not also a common Dutch word."""
    if word not in STOPWORDS_EN_PLUS:
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl") < DUTCH_TOO


@lru_cache(maxsize=65536)
def stem(word: str, spelling: bool = True) -> str:
    """The lexical index's stem of one folded word (itself when the stemmer drops it as a stop word); with
    ``spelling``, the long vowel and the voiced end the plural writes otherwise are one spelling:
    *materiaal*/*materialen*, *brief*/*brieven*."""
    stems = tokenize(word)
    found = stems[0] if len(stems) == 1 else word
    return _spelling_root(found) if spelling else found


def _spelling_root(root: str) -> str:
    """One spelling for a stem's closed last syllable: a double vowel written single, a final v or z as f or s."""
    if len(root) >= 4 and root[-1] in "vz" and root[-2] in "aeiou":
        root = root[:-1] + {"v": "f", "z": "s"}[root[-1]]
    if len(root) >= 4 and root[-1] not in "aeiou" and root[-2] == root[-3] and root[-2] in "aeou":
        root = root[:-2] + root[-1]
    return root


_LONGEST_FIRST = tuple(sorted(DERIVATIONS, key=len, reverse=True))


@lru_cache(maxsize=65536)
def derivation(word: str) -> str:
    """The derivational suffix of a word, or "" (``vertrouwelijk`` → lijk, ``vertrouwen`` → "")."""
    for suffix in _LONGEST_FIRST:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return suffix.removesuffix("e").removesuffix("heid")
    return ""


def same_word(a: str, b: str) -> bool:
    """Whether two folded words are forms of one word: same stem and the same derivational suffix."""
    return stem(a) == stem(b) and derivation(a) == derivation(b)


def adjective_of(noun: str) -> frozenset[str]:
    """The adjective of an abstract noun in -heid: ``gezondheid`` → gezond, gezonde; else nothing.

    The stemmer keeps -heid nouns whole (so that *deskundigheid* and *deskundigen* stay apart); the
    adjective itself is the same word family (*veiligheid*, *veilig*, *veilige*).
    """
    if noun.endswith("heid") and len(noun) >= 8:
        adjective = noun[:-4]
        return frozenset({adjective, adjective + "e"})
    return frozenset()


AGENT_MIN = 5  # a word this long also names its doer in -er(s) (*mantelzorg* → *mantelzorgers*, *sport* → *sporters*)


def agent_nouns(word: str) -> frozenset[str]:
    """The nouns for the one who does what ``word`` names (*mantelzorg* → mantelzorger, mantelzorgers): the
    stemmer keeps them apart. A caller keeps only the forms its corpus holds."""
    if len(word) < AGENT_MIN or word[-1] in "aeiou" or word.endswith("en"):
        return frozenset()
    return frozenset({word + "er", word + "ers"})


def ie_adjective(word: str) -> list[str]:
    """The adjective of a noun in -ie/-iën and back (*financiën* ↔ *financieel*, *financiële*; *materie* ↔
    *materieel*), folded: the stemmer keeps them apart. A caller keeps only the forms its corpus holds."""
    for noun in ("ien", "ie"):
        if word.endswith(noun) and len(word) > 6:
            return [word[:-len(noun)] + "ieel", word[:-len(noun)] + "iele"]
    for adjective in ("ieel", "iele"):
        if word.endswith(adjective) and len(word) > 7:
            return [word[:-len(adjective)] + "ien", word[:-len(adjective)] + "ie"]
    return []


def _uninflected(word: str) -> set[str]:
    """The bare forms an inflected adjective may come from: *vrije* → vrij, *grote* → groot, *snelle* → snel."""
    if not word.endswith("e") or len(word) < 4:
        return set()
    root = word[:-1]
    found = {root, root[:-1] + {"v": "f", "z": "s"}.get(root[-1], root[-1])}
    if len(root) >= 2 and root[-1] == root[-2] and root[-1] not in "aeiou":
        found.add(root[:-1])  # snelle → snel
    if len(root) >= 3 and root[-1] not in "aeiou" and root[-2] in "aeou" and root[-3] not in "aeiou":
        lengthened = root[:-1] + root[-2] + root[-1]
        found.update({lengthened, lengthened[:-1] + {"v": "f", "z": "s"}.get(lengthened[-1], lengthened[-1])})
    return found


def is_adjective(word: str, vocabulary) -> bool:
    """Whether ``word`` is an adjective by the corpus's own usage: its bare and inflected forms both occur
    (*vrij*/*vrije*, *emotioneel*/*emotionele*), and the inflected form has no plural in -n (a noun made of
    an adjective, *deskundige*/*deskundigen*, stays a noun)."""
    inflected = [word] if word.endswith("e") else [w for w in vocabulary if w.startswith(word[:-1])
                                                    and word in _uninflected(w)]
    for form in inflected:
        if form in vocabulary and form + "n" not in vocabulary and any(
                bare in vocabulary for bare in _uninflected(form) if bare != form):
            return True
    return False


def excluded(word: str, exclude: Iterable[str]) -> bool:
    """Whether an excluded entry names ``word``: the word itself, or a prefix written ``prefix*``."""
    return any(word == x or (x.endswith("*") and word.startswith(x[:-1])) for x in exclude)


def other_plural(word: str, vocabulary: Collection[str]) -> frozenset[str]:
    """The forms of another noun that share ``word``'s stem, told apart by the plural the corpus uses.

    A Dutch noun mostly takes one plural: when the corpus has the plural in -s of the root of a word in -en, the
    root and that plural belong to another word (*ouderen* the elderly, *ouder/ouders* parents; *regelen*
    to arrange, *regel/regels* rules); the same for a word in -s whose root's -en plural is in the corpus.
    A compound's linking s (*tijds-*, *handelings-*) is no plural and keeps the words together.
    """
    if word.endswith("en") and len(word) >= 5:
        root = word[:-2]
        if root + "s" in vocabulary and not _linking(root + "s", vocabulary):
            return frozenset({root, root + "s"})
    elif word.endswith("s") and not word.endswith("'s") and len(word) >= 5:
        root = word[:-1]
        if root + "en" in vocabulary and not _linking(word, vocabulary):
            return frozenset({root + "en"})
    return frozenset()


def _linking(form: str, vocabulary: Iterable[str]) -> bool:
    """Whether a word in -s starts compounds in the corpus (*tijds* in *tijdsplanning*): a linking s, followed by a
    word of its own (*ouderschap* is *ouder* + *schap*, no *ouders* + *chap*)."""
    return any(w.startswith(form) and len(w) >= len(form) + 4 and w[len(form):] in vocabulary for w in vocabulary)


def lookalike(word: str, other: str) -> bool:
    """Whether two words only look alike: they share an ending of 4+ letters that is not the whole of ``other``.

    Embedders built on word pieces put *bekwaamheid* near *duurzaamheid* and *schrijfstijl* near
    *leefstijl*; such a pair is no evidence of meaning. A word that ends in the whole of ``other``
    (*onveiligheid*, *teamoverleg*) is a compound or derivation of it and does not count as a lookalike.
    """
    shared = 0
    for a, b in zip(reversed(word), reversed(other), strict=False):
        if a != b:
            break
        shared += 1
    return 4 <= shared < len(other) and shared < len(word) and stem(word) != stem(other)


def _double_vowel(root: str) -> str | None:
    """``bespreek`` from ``bespre|k``: the long vowel of an open syllable, written double; None when not."""
    if len(root) >= 3 and root[-1] not in "aeiou" and root[-2] in "aeou" and root[-3] not in "aeiou":
        return root[:-1] + root[-2] + root[-1]
    if root.endswith("er") and len(root) >= 4 and root[-3] in "aiou":  # evalu|eren → evalueer, ger|eren
        return root[:-1] + "er"
    return None


def verb_forms(infinitive: str) -> frozenset[str]:
    """Present, past and participle forms of a regular Dutch verb (folded), e.g. ``overleggen`` → overlegt.

    The Snowball stemmer leaves third-person forms and participles apart from the infinitive
    (*overlegt* vs *overlegg*, *geëvalueerd* vs *evaluer*); these forms close that gap. Wrong
    guesses cost nothing: a form that is not a Dutch word does not occur in the corpus.
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


def split_verbs(vocabulary: Collection[str]) -> dict[str, frozenset[str]]:
    """The simple verb forms whose separable verb the corpus holds, with its particles: ``rust`` → {toe}.

    A corpus word made of a particle and a verb (*toegerust*, *afstemmen*, *voorbereidt*) says that the verb
    with that particle is a verb of its own: *rust … toe* is *toerusten* (to equip), not *rusten* (to rest).
    The infinitive is guessed from the word (participles, infinitive, third person); a wrong guess only adds
    forms that no sentence splits off that particle.
    """
    found: dict[str, set[str]] = {}
    for word in vocabulary:
        for particle in (*AUTO_PARTICLES, *PREPOSITION_PARTICLES):
            rest = word[len(particle):]
            if not word.startswith(particle) or len(rest) < 4:
                continue
            guesses = set()
            if rest.startswith("ge") and rest[-1] in "dt" and len(rest) >= 5:  # weak participle
                core = rest[2:]
                guesses |= {core + "en", core[:-1] + "en", core[:-1] + core[-2] + "en"}
            elif rest.startswith("ge") and rest.endswith("en"):  # strong participle (*aangegeven*)
                guesses.add(rest[2:])
            elif rest.endswith("en") and not rest.startswith("te"):
                guesses.add(rest)
            elif rest.endswith("t") and not rest.startswith("ge"):
                guesses |= {rest[:-1] + "en", rest[:-1] + rest[-2] + "en"}
            for infinitive in guesses:
                if len(infinitive) < 5:
                    continue
                for form in verb_forms(infinitive):
                    if not form.startswith("ge"):
                        found.setdefault(form, set()).add(particle)
    return {form: frozenset(particles) for form, particles in found.items()}


# Words that make the next word a noun (articles, possessives, demonstratives): *zijn plannen* is plans,
# not planning (Dutch grammar, not a list per theme word).
DETERMINERS = frozenset("de het een zijn haar hun deze die dit dat onze ons uw jouw mijn z'n d'r elk elke ieder iedere "
                        "alle veel weinig".split())


def noun_verb(noun: str, vocabulary: Collection[str]) -> tuple[str, str] | None:
    """The separable verb a noun is made of, as (particle, infinitive), when the corpus splits that verb:
    *overdracht* → (over, dragen) through the participle *overgedragen* and the form *draagt*; *inrichting* →
    (in, richten). None for a word that is no such noun or whose split verb the corpus lacks (*opvang* here)."""
    known = set(vocabulary)
    for particle in (*AUTO_PARTICLES, *PREPOSITION_PARTICLES):
        rest = noun[len(particle):]
        if not noun.startswith(particle) or len(rest) < 3 or rest.endswith("en"):
            continue
        guesses = [rest[:-3] + "en"] if rest.endswith("ing") else [rest + rest[-1] + "en", rest + "en"]
        guesses += [w[len(particle) + 2:] for w in known if w.startswith(particle + "ge") and w.endswith("en")
                    and w[len(particle) + 2:][:3] == rest[:3] and len(w) > len(particle) + 5]
        for infinitive in guesses:
            if len(infinitive) < 5 or infinitive.startswith(_INSEPARABLE):
                continue
            finite = {f for f in verb_forms(infinitive) if f != infinitive and not f.startswith("ge")}
            joined = ({particle + f for f in verb_forms(infinitive)} | {particle + infinitive}) - {
                noun, noun + "en", noun + "s"}  # *inzichten* is the noun's plural, no verb *in-zichten*
            if finite & known and joined & known:
                return particle, infinitive
        return None
    return None


def noun_reading(previous: str | None, word: str, following: str | None, infinitive: str | None) -> bool:
    """Whether a matched word is used in another sense than the theme's, judged from its neighbours.

    * A theme verb's infinitive after a determiner is a noun (*presenteert zijn plannen* is plans).
    * A noun between an article and *aan* is a quantity (*een diversiteit aan werkzaamheden* is a variety).
    """
    if infinitive is not None and word == infinitive and previous in DETERMINERS:
        return True
    return previous in ("een", "de") and following == "aan"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_ABBREVIATIONS = ("bijv.", "o.a.", "e.d.", "m.b.t.", "i.v.m.", "incl.", "etc.", "d.w.z.", "t.b.v.", "m.n.",
                  "evt.", "z.o.z.", "a.d.h.v.", "i.o.m.", "n.a.v.", "resp.", "ca.")
_META = re.compile(r"^(?:sbb-competenties|de onderliggende competenties)", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\s*(?:[-–•*>\ufffd]|\d+[.)])\s*")


def split_sentences(passage: str) -> list[str]:
    """The sentences of a passage: per line (a gedrag line is its own sentence), split after ``.!?``.

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
        if _META.match(line) or in_meta:
            continue
        pieces: list[str] = []
        for piece in _SENTENCE_END.split(line):
            if pieces and pieces[-1].lower().endswith(_ABBREVIATIONS):
                pieces[-1] = f"{pieces[-1]} {piece}"
            else:
                pieces.append(piece)
        sentences.extend(p.strip() for p in pieces if p.strip())
    return sentences
