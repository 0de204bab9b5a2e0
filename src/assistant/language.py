"""Telling Dutch from English questions, also short ones ("customer focus level 2").

Two signals, in order:

1. **Words only one language has.** English: the function words below and the English side of
   the domain glossary (:data:`assistant.glossary.GLOSSARY` keys). Dutch: the function words below,
   the Dutch side of the glossary and, when given, the words of the indexed corpus. A word both sides
   know ("team", "coaching", "in") counts for neither.
2. **Function words** alone (the old rule), when the first signal is a tie.

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
    "please tell explain compare between versus difference differences only all every any more "
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


def scores(text: str, dutch: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(English, Dutch) counts of the words only that language knows."""
    english_words, glossary_dutch = _glossary_words()
    en_side = _EN | english_words
    nl_side = _NL | glossary_dutch | dutch
    words = _WORD.findall(text.lower())
    english = sum(1 for w in words if w in en_side and w not in nl_side)
    dutch_count = sum(1 for w in words if w in nl_side and w not in en_side)
    return english, dutch_count


def language(text: str, dutch: frozenset[str] = frozenset()) -> str:
    """``"en"`` or ``"nl"`` (Dutch when it is a tie: the users are Dutch).

    Args:
        text: the question.
        dutch: extra Dutch words, e.g. the corpus vocabulary (:func:`corpus_words`).
    """
    english, dutch_count = scores(text, dutch)
    if english != dutch_count:
        return "en" if english > dutch_count else "nl"
    words = re.findall(r"[a-zA-Z]+", text.lower())
    english = sum(w in _EN for w in words)
    dutch_count = sum(w in _NL for w in words)
    return "en" if english > dutch_count else "nl"
