"""Telling Dutch from English questions, also short ones ("customer focus level 2").

Two signals, in order (quoted text left out: a quoted Dutch title does not make a question Dutch):

1. **Function words** only one language has: the grammar of the question ("which … call for
   Presenteren?" is English, "wat houdt Coachen niveau 2 in?" Dutch).
2. **Content words** only one language knows, when the first is a tie. English: the English side of
   the domain glossary (:data:`assistant.glossary.GLOSSARY` keys). Dutch: the Dutch side of the
   glossary and, when given, the words of the indexed corpus, without the names of dossiers, profiles
   and competences (users name them in both languages). A word both sides know counts for neither.

Dutch wins a tie: the users are Dutch. ``scripts/chat_eval.py`` measures the result per split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_EN = frozenset(
    "the what where which who how does do is are of and in for with to a an at on "
    "show find list give about when should must can i my me there their they "
    "this that these those it its was were be been has have had will would could than then "
    "please tell explain compare between difference differences only all every any more "
    "why whose whom into from by under over same other both each also not no yes".split()
)
_NL = frozenset(
    "de het een wat waar welke wie hoe is zijn van en in voor met bij hoort komt "
    "moet kan ik mijn er hun zij ze wordt worden ook als op aan over "
    "dit dat deze die daar daarbij daarvan hier wel niet geen nog maar dan dus want "
    "alleen alle elke ieder meer tussen verschil vergelijk laat zien horen hoort heeft hebben "
    "welk waarin waarbij staat staan gaat gaan noem geef toon".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(w for text in texts for w in _WORD.findall(text.lower()))


@lru_cache(maxsize=1)
def _glossary_words() -> tuple[frozenset[str], frozenset[str]]:
    """(English words, Dutch words) of the domain glossary."""
    from assistant.glossary import GLOSSARY

    return _words(GLOSSARY), _words(GLOSSARY.values())


def corpus_words(texts: Iterable[str]) -> frozenset[str]:
    """The lower-cased words of a corpus (pass the result to :func:`language` as ``dutch``)."""
    return _words(texts)


QUOTED = re.compile(r'"[^"]*"|“[^”]*”|„[^”“]*[”“]|‘[^’]*’|(?<!\w)\'[^\']+\'(?!\w)')
_ASIDE = re.compile(r"\([^()]*\)")
# the first half of a Dutch term that shares its last part ("voor- en vroegschoolse educatie", "sport- en
# bewegingsagogie"): a term's spelling, no grammar of the question around it
_ELLIPTIC = re.compile(r"[^\W\d_]+[-–]\s+(?:en|of)\s+(?=[^\W\d_])", re.IGNORECASE)


def without_names(text: str, phrases: re.Pattern[str] | None = None) -> str:
    """The text without what shows no language: quoted text, and the names ``phrases`` matches (a
    competence "Overtuigen en beïnvloeden" or a profile "Helpende Zorg en Welzijn" holds Dutch "en")."""
    text = QUOTED.sub(" ", text)
    return phrases.sub(" ", text) if phrases is not None else text


def scores(text: str, dutch: frozenset[str] = frozenset(), names: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(English, Dutch) counts of the content words only that language knows (quotes and names left out)."""
    english_words, glossary_dutch = _glossary_words()
    en_side = _EN | english_words
    nl_side = _NL | glossary_dutch | dutch
    words = [w for w in _WORD.findall(without_names(text).lower()) if w not in names and len(w) > 1]  # not the
    # letter of a code ("P1", "B1")
    english = sum(1 for w in words if w in en_side and w not in nl_side)
    dutch_count = sum(1 for w in words if w in nl_side and w not in en_side)
    return english, dutch_count


def function_scores(text: str) -> tuple[int, int]:
    """(English, Dutch) counts of the function words only that language has (quotes left out)."""
    words = _WORD.findall(without_names(text).lower())
    english = sum(1 for w in words if w in _EN and w not in _NL)
    dutch = sum(1 for w in words if w in _NL and w not in _EN)
    return english, dutch


def detect(text: str, dutch: frozenset[str] = frozenset(), names: frozenset[str] = frozenset(),
           phrases: re.Pattern[str] | None = None) -> str | None:
    """``"en"`` or ``"nl"`` when the words show a language, else None ("OA 2015", "B1-K1-W5").

    Function words first (a question's grammar: "which … call for Presenteren?" is English), then the
    content words only one language knows, names of dossiers and competences left out (``phrases``: the
    whole names, also their function words). A parenthesised aside is the user's own translation
    ("Coaching level 3 (Coachen niveau 3)"): it counts only when the rest shows no language. In a message of
    several sentences, the first question decides when it shows a language ("which werkprocessen are about …? moet
    ik weten voor mn stage").
    """
    text = _ELLIPTIC.sub(" ", without_names(text, phrases))
    sentences = _SENTENCE_END.split(text.strip())
    asked = next((s for s in sentences if s.endswith("?")), "") if len(sentences) > 1 else ""
    if asked:  # "welke werkprocessen heeft X? I am twijfeling between …": the question's own language
        found = detect(asked, dutch, names)
        if found:
            return found
    outside = _ASIDE.sub(" ", text)
    if outside != text:
        return _detect(outside, dutch, names) or _detect(text, dutch, names)
    return _detect(text, dutch, names)


_SENTENCE_END = re.compile(r"(?<=[!?])\s+|(?<=[^\W\d_]{3}\.)\s+(?=[A-Z])")  # not after "e.g.", "bijv."


def _detect(text: str, dutch: frozenset[str], names: frozenset[str]) -> str | None:
    english, dutch_count = function_scores(text)
    if english != dutch_count:
        return "en" if english > dutch_count else "nl"
    text = _ACRONYM.sub(" ", text)  # "SBB", "GPM", "MZ": abbreviations, no language
    listed = scores(text, dutch, names)
    everyday = everyday_scores(text, dutch, names)  # "first aid pw 2015", "dropout rate social work mbo": everyday
    # words neither list holds count beside the listed ones; a tie goes by the listed ones alone
    for english, dutch_count in ((listed[0] + everyday[0], listed[1] + everyday[1]), listed):
        if english != dutch_count:
            return "en" if english > dutch_count else "nl"
    return None


_ACRONYM = re.compile(r"\b[A-Z]{2,5}s?\b")


_BOTH = frozenset({"versus", "vs", "ok", "okay", "oke", "oké", "hi", "sorry", "thanks"})  # written alike in both
EVERYDAY_ZIPF = 3.0  # a word at least this common (wordfreq) in one language, and more common there than in the other


def everyday_scores(text: str, dutch: frozenset[str] = frozenset(),
                    names: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(English, Dutch) counts of the everyday words outside the corpus, the glossary and the names, by how common
    wordfreq finds them in each language ("first aid": English; a corpus word is no evidence either way)."""
    from wordfreq import zipf_frequency

    english_words, glossary_dutch = _glossary_words()
    known = _EN | _NL | english_words | glossary_dutch | dutch | names | _BOTH
    english = dutch_count = 0
    for word in _WORD.findall(without_names(text).lower()):
        if word in known or len(word) < 3:
            continue
        en, nl = zipf_frequency(word, "en"), zipf_frequency(word, "nl")
        english += en >= EVERYDAY_ZIPF and en > nl
        dutch_count += nl >= EVERYDAY_ZIPF and nl > en
    return english, dutch_count


def language(text: str, dutch: frozenset[str] = frozenset(), names: frozenset[str] = frozenset(),
             phrases: re.Pattern[str] | None = None) -> str:
    """``"en"`` or ``"nl"`` (Dutch when nothing tells: the users are Dutch).

    Args:
        text: the question.
        dutch: extra Dutch words, e.g. the corpus vocabulary (:func:`corpus_words`).
        names: words that count for neither language (dossier, profile and competence names).
        phrases: whole names that count for neither language.
    """
    return detect(text, dutch, names, phrases) or "nl"


def english_word(word: str) -> bool:
    """Whether a word is more an English word than a Dutch one (wordfreq): *wellbeing* is, *expressie* and an
    unknown Dutch compound (*dagstructuur*) are not."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") > zipf_frequency(word, "nl")
