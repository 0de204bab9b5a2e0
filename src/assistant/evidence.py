"""Whether the sources can hold what a question asks about: its content words against the corpus.

A question about something the sources never mention ("welke werkprocessen gaan over kerncentrales?",
"where do the dossiers mention blockchain?") is answered ``not_found`` from this evidence, not from its
phrasing. A content word of the question's topic (not a question word, see
:func:`assistant.intent.question_words`, and not a dossier, profile or competence name) counts as *known*
when:

* the corpus has it, or has its stem, or has both parts of it as a compound ("kindermishandeling");
* it is an English key of the domain glossary (:data:`assistant.glossary.GLOSSARY`);
* the corpus has another form of it: a corpus word holds all but its last two letters (at least
  :data:`FORM_LENGTH`: "mishandeld" ~ "kindermishandeling");
* the corpus has a cognate: a word with the same first three letters that is at least
  :data:`COGNATE_RATIO` alike ("medication" ~ "medicatie", "groups" ~ "groep").

:func:`not_held` decides. A Dutch word the corpus lacks is evidence; an English word is only checked
through the glossary and cognates, so an English question needs all its content words unknown, and at
most :data:`ENGLISH_MAX` of them (a longer English description that the glossary lacks says more about the
glossary than about the sources) and no dossier or profile named beside them; a Dutch one needs at least
half of them unknown.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexical import STOPWORDS, tokenize
from assistant.names import fold

COGNATE_RATIO = 0.7
FORM_LENGTH = 6
MIN_LENGTH = 3
ENGLISH_MAX = 3


@dataclass(frozen=True)
class Vocab:
    """The corpus's words and stems, and its words by their first three letters (for cognates)."""

    words: frozenset[str]
    stems: frozenset[str]
    names: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str], stems: Iterable[str], names: Iterable[str] = ()) -> Vocab:
        """The vocabulary of a corpus (lower-case words, their stems, and name words)."""
        return cls(frozenset(words), frozenset(stems), frozenset(names))


@lru_cache(maxsize=4)
def _by_prefix(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= 4:
            found.setdefault(fold(word)[:3], []).append(fold(word))
    return {k: tuple(v) for k, v in found.items()}


def _glossary_keys() -> frozenset[str]:
    from assistant.glossary import GLOSSARY

    return frozenset(w for key in GLOSSARY for w in key.split())


def _stem_known(word: str, vocab: Vocab) -> bool:
    return word in vocab.words or fold(word) in vocab.words or any(s in vocab.stems for s in tokenize(word))


def compound_known(word: str, vocab: Vocab) -> bool:
    """Both parts of a compound are corpus words ("kinder|mishandeling", "stage|uren")."""
    for i in range(4, len(word) - 3):
        head, tail = word[:i], word[i:].lstrip("-")
        if any(_stem_known(h, vocab) for h in (head, head.rstrip("s"), head.rstrip("-"))) and _stem_known(tail, vocab):
            return True
    return False


def cognate(word: str, vocab: Vocab) -> str | None:
    """A corpus word that looks like ``word`` ("medication" → "medicatie"), or None."""
    folded = fold(word)
    if len(folded) < 5:
        return None
    candidates = _by_prefix(vocab.words).get(folded[:3], ())
    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=COGNATE_RATIO)
    return close[0] if close else None


def other_form(word: str, vocab: Vocab) -> bool:
    """A corpus word holds ``word`` without its last two letters ("mishandeld" in "kindermishandeling")."""
    core = fold(word)[:-2]
    return len(core) >= FORM_LENGTH and any(core in w for w in _folded(vocab.words))


@lru_cache(maxsize=4)
def _folded(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(fold(w) for w in words if len(w) >= FORM_LENGTH)


def known(word: str, vocab: Vocab) -> bool:
    """Whether the sources hold ``word`` (itself, its stem, a compound, another form, a glossary key, a cognate)."""
    return (_stem_known(word, vocab) or word in _glossary_keys() or compound_known(word, vocab)
            or other_form(word, vocab) or cognate(word, vocab) is not None)


def content_words(topic: str, vocab: Vocab) -> list[str]:
    """The topic's words that could name a subject: no question words, stop words, names, numbers or codes."""
    from assistant.intent import question_words

    skip = question_words()
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", topic.lower())
    return [w for w in words if len(w) >= MIN_LENGTH and w not in skip and w not in STOPWORDS
            and w not in vocab.names]


def missing(topic: str, vocab: Vocab) -> tuple[list[str], list[str]]:
    """(content words, those the sources do not hold)."""
    content = content_words(topic, vocab)
    return content, [w for w in content if not known(w, vocab)]


def not_held(content: list[str], unknown: list[str], lang: str = "nl", scoped: bool = False) -> bool:
    """The sources do not hold the topic: at least half of its content words unknown (English: all, unscoped)."""
    if not unknown:
        return False
    if lang == "en":
        return not scoped and len(unknown) == len(content) <= ENGLISH_MAX
    return 2 * len(unknown) >= len(content)
