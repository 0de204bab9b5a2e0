"""Whether the sources can hold what a question asks about: its content words against the corpus.

A question about something the sources never mention ("welke werkprocessen gaan over kerncentrales?",
"where do the dossiers mention blockchain?") is answered ``not_found`` from this evidence, not from its
phrasing. The *content words* of the question's topic are those that are not question words
(:func:`assistant.intent.question_words`), stop words or dossier, profile and competence names. One is
*known* when:

* the corpus has it, its stem, both parts of it as a compound ("kindermishandeling"; or written apart near each
  other, :func:`compound_apart`: "huiswerkbegeleiding"), or another form of
  it (without a Dutch ending: "kindjes" → "kind"; or a corpus word holding its stem: "mishandeld" ~
  "kindermishandeling", "plannen" ~ "begeleidingsplan"; see :func:`other_form`);
* in an English question also: it is an English key of the domain glossary
  (:data:`assistant.glossary.GLOSSARY`) whose Dutch words the corpus holds (:func:`translation_absent`: "driving
  licence" is *rijbewijs*, which no dossier writes), or the corpus has a cognate (:func:`cognate`: "medication" ~
  "medicatie", "english" ~ "engels"; not "dental" ~ "denkt").

:func:`not_held` decides. Dutch: the unknown words outnumber the *specific* known ones and are at least
half of all content words. A known word is generic, not specific, when at least :data:`GENERIC_SHARE` of
the units hold it ("moet een student een rijbewijs hebben?": "rijbewijs" unknown, "student" generic).
English words are only checked through the glossary and cognates, which is weaker evidence: the unknown
words must outnumber the specific known ones, not all of them may be everyday English words
(:func:`common_english`: "first aid" is *eerste hulp* in the sources), the topic may have at most
:data:`ENGLISH_MAX` content words (a longer English description that the glossary lacks says more about the
glossary than about the sources), and a question that names a dossier or profile needs two unknown words. An unknown
word is strong evidence, which lifts the last three conditions, when the glossary translates it and the sources hold
none of its Dutch words ("driver's licence"), or when it is a Dutch word and no English one ("a rijbewijs").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexical import STOPWORDS, tokenize, written_forms
from assistant.names import fold
from assistant.spelling import is_word
from assistant.themes.words import fold as fold_accents

COGNATE_RATIO = 0.75
LENGTH_RATIO = 0.75
PREFIX = 3
FORM_LENGTH = 6
MIN_LENGTH = 3
ENGLISH_MAX = 3
GENERIC_SHARE = 0.08


@dataclass(frozen=True)
class Vocab:
    """The corpus's words and stems, the name words, and the units' texts (accents folded)."""

    words: frozenset[str]
    stems: frozenset[str]
    names: frozenset[str]
    texts: tuple[str, ...] = ()

    @classmethod
    def of(cls, words: Iterable[str], stems: Iterable[str], names: Iterable[str] = (),
           texts: Iterable[str] = ()) -> Vocab:
        """The vocabulary of a corpus (lower-case words, their stems, name words, and the units' texts)."""
        return cls(frozenset(words), frozenset(stems), frozenset(names), tuple(fold_accents(t) for t in texts))

    def share(self, form: str) -> float:
        """The share of the units whose text holds ``form`` (lower case, accents folded, as a substring:
        "client" as often as "cliënt")."""
        if not self.texts or not form:
            return 0.0
        return _share(self.texts, fold_accents(form))


@lru_cache(maxsize=4)
def _by_prefix(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= 4:
            found.setdefault(fold(word)[:PREFIX], []).append(fold(word))
    return {k: tuple(v) for k, v in found.items()}


@lru_cache(maxsize=512)
def _share(texts: tuple[str, ...], form: str) -> float:
    forms = written_forms(form)  # -heid also in its plural (*werkzaamheden*), *vroegschol* in *vroegschoolse*
    return sum(1 for t in texts if any(f in t for f in forms)) / len(texts)


def generic(word: str, vocab: Vocab) -> bool:
    """A known word that many units hold (its stem, its glossary translation or its cognate)."""
    from assistant.glossary import GLOSSARY

    forms = [*(s for s in tokenize(word) if len(s) >= 4), word]
    if word in GLOSSARY:
        forms += [t for t in tokenize(GLOSSARY[word].split()[0]) if len(t) >= 4]
    near = cognate(word, vocab)
    if near:
        forms += [near[: max(4, len(near) - 2)]]
    return any(vocab.share(f) >= GENERIC_SHARE for f in forms)


def _glossary_keys() -> frozenset[str]:
    from assistant.glossary import GLOSSARY

    return frozenset(w for key in GLOSSARY for w in key.split())


def translation_absent(word: str, vocab: Vocab) -> bool:
    """An English word of the glossary's keys none of whose Dutch words the sources hold ("licence": *rijbewijs*):
    the glossary says what the sources would write, and they do not."""
    from assistant.glossary import GLOSSARY

    values = [value for key, value in GLOSSARY.items() if word in re.findall(r"[a-z]+", key)]
    return bool(values) and not any(_stem_known(dutch, vocab) for value in values for dutch in value.split())


def _stem_known(word: str, vocab: Vocab) -> bool:
    return word in vocab.words or fold(word) in vocab.words or any(s in vocab.stems for s in tokenize(word))


def compound_known(word: str, vocab: Vocab) -> bool:
    """Both parts of a compound are corpus words ("kinder|mishandeling", "stage|uren") and, when the vocabulary
    has the units' texts, stand together in one of them, within :data:`NEAR` characters: "studie" and
    "belasting" each occur, but no unit speaks of a "studiebelasting"."""
    for i in range(4, len(word) - 3):
        head, tail = word[:i], word[i:].lstrip("-")
        heads = [h for h in (head, head.rstrip("s"), head.rstrip("-")) if _stem_known(h, vocab)]
        if heads and _stem_known(tail, vocab) and (not vocab.texts or _together(heads[-1], tail, vocab.texts)):
            return True
    return False


def compound_apart(word: str, vocab: Vocab) -> tuple[str, str] | None:
    """The two parts of a compound the units write as words of their own near each other (:func:`written_apart`:
    "huiswerkbegeleiding" is *huiswerk* … *begeleidt*), the first split that does; else None."""
    for i in range(4, len(word) - 3):
        head, tail = word[:i], word[i:].lstrip("-")
        heads = [h for h in (head, head.rstrip("s"), head.rstrip("-")) if _stem_known(h, vocab)]
        if heads and _stem_known(tail, vocab) and written_apart(heads[-1], tail, vocab):
            return heads[-1], tail
    return None


NEAR = 60


def written_apart(head: str, tail: str, vocab: Vocab) -> bool:
    """Whether some unit writes a compound's two parts as words of their own near each other ("huiswerk" …
    "begeleidt" for *huiswerkbegeleiding*; not *beroepskracht* for *leerkracht*), the first a specific word."""
    stem = next(iter(tokenize(tail)), "") or tail
    if generic(head, vocab) or len(stem) < 4:
        return False
    a, b = re.escape(fold_accents(head)), re.escape(fold_accents(stem))
    pattern = re.compile(rf"\b{a}\b.{{0,{NEAR}}}\b{b}|\b{b}\w*.{{0,{NEAR}}}\b{a}\b", re.DOTALL)
    return any(pattern.search(t) for t in vocab.texts)


@lru_cache(maxsize=512)
def _together(head: str, tail: str, texts: tuple[str, ...]) -> bool:
    """Whether some text holds the two parts (the head, the tail without its ending) within :data:`NEAR`
    characters."""
    a, b = fold_accents(head), fold_accents(tail)[: max(5, len(tail) - 2)]
    pattern = re.compile(rf"{re.escape(a)}.{{0,{NEAR}}}{re.escape(b)}|{re.escape(b)}.{{0,{NEAR}}}{re.escape(a)}",
                         re.DOTALL)
    return any(a in t and b in t and pattern.search(t) for t in texts)


def cognate(word: str, vocab: Vocab) -> str | None:
    """A corpus word that looks like ``word`` ("medication" → "medicatie", "english" → "engels"): the same first
    :data:`PREFIX` letters, a length within :data:`LENGTH_RATIO`, and at least :data:`COGNATE_RATIO` alike. Words
    that share only a first syllable are not ("dental", "denkt"; "allergies", "alles"). None if there is none."""
    folded = fold(word)
    if len(folded) < 5:
        return None
    candidates = tuple(w for w in _by_prefix(vocab.words).get(folded[:PREFIX], ())
                       if min(len(w), len(folded)) >= LENGTH_RATIO * max(len(w), len(folded)))
    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=COGNATE_RATIO)
    return close[0] if close else None


_DUTCH_ENDINGS = ("tjes", "jes", "tje", "je", "en", "e", "s")
# Dutch verb and noun endings: "verdient" is "verdien" + t (not a form of "verdiept"), "mishandeld" "mishandel" + d
_INFLECTIONS = ("den", "ten", "en", "de", "te", "t", "d", "e", "s")


def other_form(word: str, vocab: Vocab) -> bool:
    """Another form of the word is in the corpus: without a Dutch ending ("kindjes" → "kind", "oude" → "oud"), or
    a corpus word holds its stem (the word without its inflection: "evalueren" ~ "evalueert", "plannen" ~
    "begeleidingsplan"; a word that is no Dutch word in use, a typo or a rare form, also without its last two or
    three letters). A real word whose stem no corpus word holds is not known: "verdient" is not "verdiept"."""
    folded = fold(word)
    for ending in _DUTCH_ENDINGS:
        base = folded[: -len(ending)]
        if folded.endswith(ending) and len(base) >= MIN_LENGTH and (base in vocab.words or base in vocab.stems):
            return True
    endings = [e for e in _INFLECTIONS if folded.endswith(e)]
    cores = {form for e in endings for form in _stems(folded[: -len(e)])}
    if not endings or not is_word(folded, "nl"):  # no ending, or a typo or a rare form: all but 2 or 3 letters
        cores |= {folded[:-2], folded[:-3]}
    return any(len(core) >= FORM_LENGTH - 1 and any(core in w for w in _folded(vocab.words)) for core in cores)


def _stems(core: str) -> set[str]:
    """A stem as the corpus may spell it: as is, in a closed syllable ("evaluer" → "evalueer"), without a doubled
    consonant ("plann" → "plan"), with the final f or s that v and z stand for ("negatiev" → "negatief"), or as the
    noun in -ie of an adjective in -ief ("agressiev" → "agressie")."""
    forms = {core, closed_syllable(core)}
    if len(core) > 2 and core[-1] == core[-2] and core[-1] not in "aeiou":
        forms.add(core[:-1])
    if core.endswith(("v", "z")):
        forms.add(core[:-1] + {"v": "f", "z": "s"}[core[-1]])
    if core.endswith(("iev", "ief")):  # the adjective of a noun in -ie: "agressiev" → "agressie", "preventief"
        forms.add(core[:-1])
    return forms


def closed_syllable(core: str) -> str:
    """The stem as spelled in a closed syllable: a single vowel before the last consonant doubles ("evaluer" →
    "evalueer", as in "evalueert")."""
    return core[:-1] + core[-2] + core[-1] if re.search(r"[^aeiou][aeiou][^aeiou]$|[aeiou]{2}[^aeiou]$", core) \
        and not re.search(r"(?:ie|ei|ij|ui|ou|au|eu|oe)[^aeiou]$", core) else core


@lru_cache(maxsize=4)
def _folded(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(fold(w) for w in words if len(w) >= FORM_LENGTH)


def known(word: str, vocab: Vocab, lang: str = "nl") -> bool:
    """Whether the sources hold ``word``: itself, its stem, a compound, another form; in an English question
    also a glossary key or a cognate (a Dutch word like a corpus word is another word: "verdient", "verdiept");
    a hyphenated word when each part is held: in Dutch in any of these ways ("vog-plicht", not "rijbewijs-eis"),
    in English itself ("dutch-language"; a cognate part is no evidence)."""
    parts = word.split("-")
    if len(parts) >= 2 and lang != "en":  # "rijbewijs-eis": one concept, held when each part is ("vog-plicht")
        joined = word.replace("-", "")  # "werk-gever", "zorg-vrager": the word typed apart
        return word in vocab.words or fold(word) in vocab.words or known(joined, vocab, lang) or all(
            len(p) <= 4 or p in STOPWORDS or known(p, vocab, lang) for p in parts)  # "anti-", "co-", "e-": prefixes
    if _stem_known(word, vocab) or compound_known(word, vocab) or other_form(word, vocab) \
            or (vocab.texts and compound_apart(word, vocab) is not None):  # "huiswerkbegeleiding": "begeleidt … bij
        return True  # het huiswerk"
    if lang == "en" and ((word in _glossary_keys() and not translation_absent(word, vocab))
                         or cognate(word, vocab) is not None):
        return True
    # "dutch-language", "foreign-language": each part a word the sources hold as it is
    return len(parts) >= 2 and all(len(p) >= 3 and p not in STOPWORDS and (
        _stem_known(p, vocab) or (lang == "en" and p in _glossary_keys())) for p in parts)


COMMON_ZIPF = 4.5  # wordfreq's Zipf scale: 4.5 is about 30 times per million words ("aid" 4.75, "epilepsy" 3.46)


def common_english(word: str) -> bool:
    """An everyday English word: its absence from Dutch sources says little about theirs."""
    return is_word(word, "en", COMMON_ZIPF)


def content_words(topic: str, vocab: Vocab) -> list[str]:
    """The topic's words that could name a subject: no question words, stop words, names, numbers or codes."""
    from assistant.intent import is_question_word

    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", topic.lower())
    return [w for w in words if len(w) >= MIN_LENGTH and not is_question_word(w) and w not in STOPWORDS
            and w not in vocab.names and not all(part in vocab.names for part in w.split("-"))]  # "sociaal-cultureel"


def missing(topic: str, vocab: Vocab, lang: str = "nl") -> tuple[list[str], list[str]]:
    """(content words, those the sources do not hold)."""
    content = content_words(topic, vocab)
    return content, [w for w in content if not known(w, vocab, lang)]


def not_held(content: list[str], unknown: list[str], lang: str = "nl", scoped: bool = False,
             vocab: Vocab | None = None) -> bool:
    """The sources do not hold the topic: as many unknown words as specific known ones (see the module)."""
    if not unknown:
        return False
    specific = [w for w in content if w not in unknown and (vocab is None or not generic(w, vocab))]
    if lang == "en":  # weaker evidence: unknown words outnumber the specific known ones; beside a scope two
        strong = [w for w in unknown if (vocab is not None and translation_absent(w, vocab))
                  or (is_word(w, "nl") and not is_word(w, "en"))]  # "driver's licence" (the glossary's *rijbewijs*
        # is not there), "a rijbewijs": Dutch words the sources would use
        if not strong and all(common_english(w) for w in unknown):
            return False  # "first aid": everyday English words the Dutch sources say in Dutch ("eerste hulp")
        return len(unknown) > len(specific) and (len(content) <= ENGLISH_MAX or bool(strong)) and (
            not scoped or len(unknown) >= 2 or bool(strong))
    return len(unknown) > len(specific) and 2 * len(unknown) >= len(content)
