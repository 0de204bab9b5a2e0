"""Dossier, profile and competence names typed with a typo ("maatschapelijke zorg", "klantgerigtheid").

:func:`correct_names` puts the index's spelling of a name into a message when a run of its words is close to
that name (difflib ratio :data:`CLOSE`), is not itself a name, and holds a word the corpus lacks (a run of
corpus words is a phrase of its own: "thuisbegeleiding" is a task, not a typo for "thuisbegeleider"). Only
names of at least :data:`MIN_CHARS` letters are corrected, so that short abbreviations ("PW", "OA") never are.
A word of one letter or digit is an identifier ("Sociaalwerker **A**"): when that is the only difference, the
run names *another* thing, and it is returned as an unknown name with the known one beside it, not corrected.

The names come from the index (:class:`assistant.conversation.Catalogue`); nothing here knows particular names.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.conversation import Catalogue
from assistant.themes.words import AUTO_PARTICLES, PREPOSITION_PARTICLES

CLOSE = 0.88
IN_USE = 1.5  # a word at least this frequent (wordfreq's Zipf scale) in Dutch or English is no typo of a competence
WORD_CLOSE = 0.8
MIN_CHARS = 8
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|&", re.UNICODE)


@dataclass(frozen=True)
class Spelling:
    """A message with its names spelled as the index spells them.

    Attributes:
        text: the message, corrected.
        corrected: ``(typed, name)`` for each correction.
        unknown: ``(typed, known name)`` for a name that differs from a known one only in an identifier.
    """

    text: str
    corrected: tuple[tuple[str, str], ...] = ()
    unknown: tuple[str, str] | None = None


def _word_by_word(typed: str, name: str) -> bool:
    """Every word of the run is the name's word or close to it (difflib ratio :data:`WORD_CLOSE`); identifiers
    are compared apart (:func:`_identifiers`)."""
    a, b = _WORD.findall(typed), _WORD.findall(name)
    return len(a) == len(b) and all(x == y or (len(x) == 1 and len(y) == 1)
                                    or difflib.SequenceMatcher(None, x, y).ratio() >= WORD_CLOSE
                                    for x, y in zip(a, b, strict=True))


def _identifiers(words: list[str]) -> list[str]:
    return [w for w in words if len(w) == 1 and w.isalnum()]


@lru_cache(maxsize=8)
def _long_names(names: tuple[str, ...]) -> list[tuple[str, int]]:
    """(folded name, number of words) for every name long enough to correct, longest first."""
    found = {(name, len(_WORD.findall(name))) for name in names if len(name.replace(" ", "")) >= MIN_CHARS}
    return sorted(found, key=lambda x: (-x[1], -len(x[0])))


def correct_names(text: str, catalogue: Catalogue, known: frozenset[str] = frozenset(),
                  others: tuple[str, ...] = ()) -> Spelling:
    """The message with near-miss names corrected (see the module); ``known``: the corpus's lower-case words;
    ``others``: more names to spell right, lower case (competences: "klantgerigtheid" → "klantgerichtheid"), only
    when a word of the run is no word in use (English spelling variants stay as typed)."""
    pattern = catalogue.pattern()
    taken = [m.span() for m in pattern.finditer(text)] if pattern is not None else []
    words = list(_WORD.finditer(text))
    candidates: list[tuple[float, int, int, str]] = []
    unknown = None
    for name, size in _long_names((*catalogue.scopes, *others)):
        for i in range(len(words) - size):  # a compound of the name typed apart: "gehandicapten zorg"
            start, end = words[i].start(), words[i + size].end()
            if "".join(w.group(0).lower() for w in words[i:i + size + 1]) == name.replace(" ", "") and not any(
                    start < b and a < end and not (start <= a and b <= end) for a, b in taken) and not _name_then_word(
                    [w.group(0).lower() for w in words[i:i + size + 1]], catalogue):  # it may hold a name
                candidates.append((1.0, start, end, name))
        for i in range(len(words) - size + 1):
            start, end = words[i].start(), words[i + size - 1].end()
            folded = " ".join(w.group(0).lower() for w in words[i:i + size])
            # a name found overlaps, unless this run holds it and is longer ("helpende zorg en welzjin")
            if folded == name or abs(len(folded) - len(name)) > 4 or any(
                    start < b and a < end and not (start <= a and b <= end and end - start > b - a)
                    for a, b in taken):
                continue
            matcher = difflib.SequenceMatcher(None, folded, name)
            if matcher.real_quick_ratio() < CLOSE or matcher.quick_ratio() < CLOSE:
                continue  # cheap upper bounds first: most runs are far from every name
            ratio = matcher.ratio()
            if ratio < CLOSE:
                continue
            if not _word_by_word(folded, name):
                continue  # a typo changes letters of a word, not a word: "social network" is no "social work"
            if _identifiers(folded.split()) != _identifiers(name.split()):
                if name in catalogue.scopes:  # another programme ("Sociaalwerker A"), not a competence
                    unknown = unknown or (text[start:end], name)
            elif not (known and all(w in known for w in _WORD.findall(folded))) and not (
                    name in others and all(w in known or is_word(w, "nl", IN_USE) or is_word(w, "en", IN_USE)
                                           for w in _WORD.findall(folded))):  # "communicative" is no typo
                candidates.append((ratio, start, end, name))
    edits: list[tuple[int, int, str]] = []
    for _, start, end, name in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if not any(start < b and a < end for a, b, _ in edits):
            edits.append((start, end, name))
    corrected = tuple((text[a:b], name) for a, b, name in sorted(edits))
    for start, end, name in sorted(edits, reverse=True):
        text = text[:start] + name + text[end:]
    return Spelling(text, corrected, unknown)


def _name_then_word(run: list[str], catalogue: Catalogue) -> bool:
    """A name typed whole before a word in use is no compound typed apart: "de onderwijsassistent en de GPM" (not
    *onderwijsassistenten*); "sociaal werker B" still is *Sociaalwerker B*."""
    last = run[-1]
    return " ".join(run[:-1]) in catalogue.scopes and len(last) > 1 and (
        is_word(last, "nl", IN_USE) or is_word(last, "en", IN_USE))


WORD_TYPO = 0.85  # a topic word this close to exactly one corpus word is read as that word
MIN_TYPO_CHARS = 5


def correct_words(text: str, known: frozenset[str], lang: str | None = None, sounds_only: bool = False) -> str:
    """``text`` with each word of :data:`MIN_TYPO_CHARS`+ letters that the corpus lacks replaced by the corpus word
    closest to it, when one is close enough (:data:`WORD_TYPO`, accents ignored: "hygene" → "hygiëne") or the
    only one that sounds the same in Dutch (:func:`sound`: "verwagt" → "verwacht", "krisis" → "crisis").
    Words the corpus holds are left alone, and so, with ``lang``, are the words of that language (:func:`is_word`):
    "verdient" is no typo for "verdiept", nor "between" for "bewegen". With ``sounds_only``, only a word that
    sounds the same is put in (a whole question, before it is read: "competences" stays)."""
    from assistant.themes.words import fold as fold_accents

    by_fold, buckets = _folded_words(known)
    by_sound = _sounds(known)
    out = []
    for token in re.split(r"(\W+)", text):
        folded = fold_accents(token)
        if len(folded) >= MIN_TYPO_CHARS and token.isalpha() and token.lower() not in known and folded not in by_fold \
                and not (lang and is_word(token.lower(), lang)) and not _separable(token.lower(), known):
            candidates = [] if sounds_only else [w for n in range(len(folded) - 2, len(folded) + 3)
                                                 for w in buckets.get((folded[0], n), ())]
            close = difflib.get_close_matches(folded, candidates, n=1, cutoff=WORD_TYPO)
            same = by_sound.get(sound(folded.lower()))
            token = same or (by_fold[close[0]] if close else token)
        out.append(token)
    return "".join(out)


# the particles of Dutch separable verbs ("dat zij normen overdraagt": *draagt … over*): the theme scan's, and a few
# that are no preposition either
_PARTICLES = (*AUTO_PARTICLES, *PREPOSITION_PARTICLES, "weg", "vast", "los", "voort")


def _separable(word: str, known: frozenset[str]) -> bool:
    """Whether ``word`` is a separable verb written as one word, its particle before a verb form the corpus holds
    ("overdraagt", "samenwerkt", "bijhoudt"): a word of Dutch, no typo."""
    return any(word.startswith(p) and len(word) - len(p) >= 4 and word[len(p):] in known for p in _PARTICLES)


# Dutch spellings of one sound, in order: "ch" and "g", "ij" and "ei", "au" and "ou", a final "dt" or "d" and "t",
# "c" as "s" (before e, i) or "k", "z" and "s", "v" and "f", "ph" and "f", "th" and "t"; a doubled letter is one
_SOUNDS = (("sch", "sg"), ("ch", "g"), ("ij", "ei"), ("au", "ou"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "kw"),
           ("c(?=[eiy])", "s"), ("c", "k"), ("z", "s"), ("v", "f"), ("dt$", "t"), ("d$", "t"), (r"(\w)\1+", r"\1"))


def sound(word: str) -> str:
    """A key for how a Dutch word sounds (:data:`_SOUNDS`): "verwagt" and "verwacht", "oplijding" and "opleiding"
    have one key."""
    for pattern, repl in _SOUNDS:
        word = re.sub(pattern, repl, word)
    return word


@lru_cache(maxsize=4)
def _sounds(known: frozenset[str]) -> dict[str, str]:
    """The corpus words by :func:`sound`, for each sound that one word alone has."""
    from assistant.themes.words import fold as fold_accents

    words: dict[str, set[str]] = {}
    for word in known:
        if len(word) >= MIN_TYPO_CHARS and word.isalpha():
            words.setdefault(sound(fold_accents(word)), set()).add(word)
    return {key: next(iter(ws)) for key, ws in words.items() if len(ws) == 1}


SHORTHAND_FILE = Path(__file__).parent / "data" / "shorthand.toml"


@lru_cache(maxsize=4)
def shorthand(path: Path = SHORTHAND_FILE) -> dict[str, dict[str, str]]:
    """Language → chat token → the word it stands for (``data/shorthand.toml``)."""
    with path.open("rb") as f:
        return {lang: {k.lower(): v for k, v in table.items()} for lang, table in tomllib.load(f).items()}


def expand_shorthand(text: str, lang: str, path: Path = SHORTHAND_FILE) -> str:
    """``text`` with each chat token of ``lang`` (:func:`shorthand`) in lower case on its own replaced by its word
    ("in t basisdeel" → "in het basisdeel"); not a letter after "competentie", "competence" or "SBB" ("competence
    r" is SBB competence R), nor a part of a word, code, abbreviation or contraction ("wp's", "B1-K1", "t.o.v.")."""
    table = shorthand(path).get(lang, {})
    if not table:
        return text
    tokens = "|".join(re.escape(t) for t in sorted(table, key=len, reverse=True))
    pattern = rf"(?<![\w'’./-])['’]?({tokens})(?![\w'’/-]|\.\w)"

    def expand(match: re.Match[str]) -> str:
        before, after = text[: match.start()], text[match.end():]
        if _LETTER_BEFORE.search(before) or _LETTER_AFTER.match(after):
            return match.group(0)  # "competence r", "q, r en t", "r and u": letters (SBB competences), not words
        return table[match.group(1)]

    return re.sub(pattern, expand, text)


# a token beside a letter in a list, or after a competence word: a letter itself ("competenties q, r en t")
_LETTER_BEFORE = re.compile(r"(?:\bcompeten\w*|\bsbb|(?<![\w'’])[a-z](?:\s*,|\s+(?:en|and|of|or|&)))\s*$",
                            re.IGNORECASE)
_LETTER_AFTER = re.compile(r"^\s*(?:,|en\b|and\b|of\b|or\b|&)\s*[a-z](?![\w'’])", re.IGNORECASE)


ARTICLES = frozenset({"de", "het", "een"})  # Dutch articles (a closed word class): typed onto any word
INFINITIVE_MARKERS = frozenset({"te", "om"})  # typed onto the infinitive after them ("temaken", "omte")
GLUED_MIN = 8  # letters of a word that may be two corpus words typed together
PART_MIN = 4  # letters of each of those words at least
FUNCTION_ZIPF = 6.0  # a word this frequent is a function word ("te", "in", "met"; wordfreq's Zipf scale)
GLUED_GAP = 3.0  # a function word typed onto the next word: the two apart this much more frequent (1000×)


def split_glued(text: str, known: frozenset[str], pairs: frozenset[str], lang: str = "nl") -> str:
    """``text`` with each word typed together from two words that a passage has side by side (``pairs``) split
    ("eerstehulp" → "eerste hulp"): a word the corpus (``known``) lacks and that is either
    - of :data:`GLUED_MIN`+ letters, from parts of :data:`PART_MIN`+, and hardly a word in Dutch or English
      (below :data:`IN_USE` on wordfreq's Zipf scale); or
    - in a Dutch message (``lang``), a function word typed onto the next ("hetcontact" → "het contact", "metde" →
      "met de", "temaken" → "te maken"): the first part a function word (:data:`FUNCTION_ZIPF`), and either an
      article (:data:`ARTICLES`, before any word), or before a function word, or "te"/"om" before an infinitive;
      the two written apart :data:`GLUED_GAP` more common than together, and the whole no English word ("metals");
      a preposition stays on a noun ("voorschool", "meerwerk").
    A compound the corpus writes as one word or not at all stays ("profielspecifieke"), and so does a word that is
    common as one ("opvoeden", "voorlezen"). Of several splits the commoner rarer part wins."""
    from wordfreq import zipf_frequency

    def glued_function_word(low: str, first: str) -> bool:
        second = low[len(first):]
        joined = (first in ARTICLES or zipf_frequency(second, "nl") >= FUNCTION_ZIPF
                  or (first in INFINITIVE_MARKERS and second.endswith("en")))
        return (lang == "nl" and joined and zipf_frequency(first, "nl") >= FUNCTION_ZIPF
                and not is_word(low, "en", REAL_WORD_ZIPF)
                and zipf_frequency(f"{first} {second}", "nl") >= zipf_frequency(low, "nl") + GLUED_GAP)

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        if low in known:
            return word
        long_rare = len(low) >= GLUED_MIN and not (is_word(low, "nl", IN_USE) or is_word(low, "en", IN_USE))
        splits = [(low[:i], low[i:]) for i in range(1, len(low)) if f"{low[:i]} {low[i:]}" in pairs
                  and ((long_rare and PART_MIN <= i <= len(low) - PART_MIN) or glued_function_word(low, low[:i]))]
        if not splits:
            return word
        first = max(splits, key=lambda p: min(zipf_frequency(p[0], "nl"), zipf_frequency(p[1], "nl")))[0]
        return f"{word[:len(first)]} {word[len(first):]}"

    return re.sub(r"[^\W\d_]+", split, text)


REAL_WORD_ZIPF = 3.0  # a word this frequent in the language (wordfreq's Zipf scale: 3 = once per million words)


@lru_cache(maxsize=4096)
def is_word(word: str, lang: str, zipf: float = REAL_WORD_ZIPF) -> bool:
    """Whether ``word`` is a word of ``lang`` ("nl", "en") in use, at least ``zipf`` on wordfreq's Zipf scale."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang) >= zipf


@lru_cache(maxsize=4)
def _folded_words(known: frozenset[str]) -> tuple[dict[str, str], dict[tuple[str, int], tuple[str, ...]]]:
    """Folded corpus word → the word, and the folded words by (first letter, length): a typo rarely changes the
    first letter, so only those are compared."""
    from assistant.themes.words import fold as fold_accents

    by_fold = {fold_accents(w): w for w in known if len(w) >= MIN_TYPO_CHARS and w.isalpha()}
    buckets: dict[tuple[str, int], list[str]] = {}
    for word in by_fold:
        buckets.setdefault((word[0], len(word)), []).append(word)
    return by_fold, {k: tuple(v) for k, v in buckets.items()}
