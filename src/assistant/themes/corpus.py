"""The scannable units of an index, split into sentences, with their vocabulary (built once per index)."""

from __future__ import annotations

import bisect
import itertools
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from assistant.lexical import COMPOUND_MIN_COUNT, MIN_PART, split_compound
from assistant.model import (
    BEROEPSBESCHRIJVING,
    COMPETENTIE,
    COMPETENTIENIVEAU,
    KERNTAAK,
    PROFIEL,
    WERKPROCES,
    Chunk,
)
from assistant.themes.limits import MATCHER_CACHE
from assistant.themes.words import fold, same_word, split_sentences, stem, words

# The kinds of units a theme scan looks at (introductions, legends and explanations are left out).
SCAN_KINDS = (WERKPROCES, KERNTAAK, PROFIEL, BEROEPSBESCHRIJVING, COMPETENTIE, COMPETENTIENIVEAU)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a unit: its text and words (folded, with offsets into ``text``)."""

    text: str
    words: tuple[tuple[str, int, int], ...]

    @property
    def vocab(self) -> frozenset[str]:
        """The sentence's distinct folded words (computed once)."""
        found = self.__dict__.get("_vocab")
        if found is None:
            found = frozenset(w for w, _, _ in self.words)
            object.__setattr__(self, "_vocab", found)
        return found


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

    @property
    def judged_ref(self) -> str:
        """The key of this unit in the judged theme set (:func:`judged_ref`)."""
        return judged_ref(self.chunk)


def unit_ref(chunk: Chunk) -> str:
    """A stable, readable reference to a unit: ``source:line:kind:code:profile:variant``."""
    parts = (chunk.source, str(chunk.location.start), chunk.kind, chunk.code or chunk.title or "",
             chunk.profile or "", chunk.variant or "")
    return ":".join(parts)


def judged_ref(chunk: Chunk) -> str:
    """The key of a werkproces in ``eval/themes/judged``: ``source|dossier|version|profile|code|variant``."""
    return "|".join(p or "" for p in (chunk.source, chunk.dossier, chunk.version, chunk.profile, chunk.code,
                                      chunk.variant))


@dataclass
class Corpus:
    """The scannable units of one index, split into sentences, with their vocabulary (built once)."""

    units: tuple[ScanUnit, ...]
    vocabulary: Counter
    unit_counts: Counter
    compounds: frozenset[str]
    _matchers: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    meaning: object = field(default=None, repr=False)  # assistant.themes.vectors.Meaning, loaded on demand

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

    def forms(self, word: str) -> frozenset[str]:
        """The corpus words with the same stem as ``word`` (an index built once)."""
        if not hasattr(self, "_by_stem"):
            by_stem: dict[str, set[str]] = {}
            for w in self.vocabulary:
                by_stem.setdefault(stem(w), set()).add(w)
            self._by_stem = {k: frozenset(v) for k, v in by_stem.items()}
        return self._by_stem.get(stem(fold(word)), frozenset())

    def starting_with(self, prefix: str) -> list[str]:
        """Vocabulary words that start with ``prefix`` (bisect on the sorted vocabulary, built once)."""
        if not hasattr(self, "_sorted"):
            self._sorted = sorted(self.vocabulary)
            self._reversed = sorted(w[::-1] for w in self.vocabulary)
        return _range(self._sorted, prefix)

    def ending_with(self, suffix: str) -> list[str]:
        """Vocabulary words that end with ``suffix``."""
        self.starting_with("")
        return [w[::-1] for w in _range(self._reversed, suffix[::-1])]

    def sentences_with(self, word: str) -> tuple[Sentence, ...]:
        """The sentences (and titles) that hold ``word`` (an index built once)."""
        if not hasattr(self, "_postings"):
            postings: dict[str, list[Sentence]] = {}
            for unit in self.units:
                for sentence in (*unit.sentences, *([unit.title] if unit.title else [])):
                    for w in sentence.vocab:
                        postings.setdefault(w, []).append(sentence)
            self._postings = {w: tuple(v) for w, v in postings.items()}
        return self._postings.get(word, ())

    def units_with(self, words: Iterable[str]) -> int:
        """How many units hold at least one of ``words`` (exact corpus words; an index built once)."""
        if not hasattr(self, "_word_units"):
            by_word: dict[str, set[int]] = {}
            for i, unit in enumerate(self.units):
                for sentence in (*unit.sentences, *([unit.title] if unit.title else [])):
                    for w in sentence.vocab:
                        by_word.setdefault(w, set()).add(i)
            self._word_units = {w: frozenset(v) for w, v in by_word.items()}
        found: set[int] = set()
        for word in words:
            found |= self._word_units.get(word, frozenset())
        return len(found)

    def adjacent(self, first: str, second: str) -> bool:
        """True when some sentence holds the corpus word ``first`` directly followed by ``second``, with only white
        space or a hyphen between them (*non-verbale*; *taken/werkzaamheden* are alternatives, no phrase)."""
        for sentence in self.sentences_with(first):
            for (a, _, end), (b, start, _) in itertools.pairwise(sentence.words):
                if a == first and b == second and not sentence.text[end:start].strip(" -"):
                    return True
        return False

    def unit_share(self, word: str) -> float:
        """The share of units in which ``word`` (or another form of it) occurs."""
        if not self.units:
            return 0.0
        wanted = fold(word)
        count = max((self.unit_counts[w] for w in self.forms(wanted) if same_word(w, wanted)), default=0)
        return count / len(self.units)

    def compound_parts(self, word: str) -> list[str]:
        """The two known words a compound theme word is made of (``teamoverleg`` → team, overleg), or []."""
        return split_compound(fold(word), self.compounds)

    def cached(self, key: object, make: Callable[[], object]) -> object:
        """A compiled matcher from the bounded LRU cache (:data:`MATCHER_CACHE` entries), made when missing."""
        with self._lock:
            if key in self._matchers:
                self._matchers.move_to_end(key)
                return self._matchers[key]
        value = make()
        with self._lock:
            self._matchers[key] = value
            while len(self._matchers) > MATCHER_CACHE:
                self._matchers.popitem(last=False)
        return value

    @property
    def cache_size(self) -> int:
        """How many compiled matchers are cached."""
        return len(self._matchers)


def _range(ordered: list[str], prefix: str) -> list[str]:
    start = bisect.bisect_left(ordered, prefix)
    end = bisect.bisect_left(ordered, prefix + "\uffff")
    return ordered[start:end]


_CORPORA: OrderedDict[tuple[str, int], Corpus] = OrderedDict()
_CORPORA_LOCK = threading.Lock()


def corpus_for(index) -> Corpus:
    """The corpus of an :class:`~assistant.index.OpenIndex`, built once per build (a few tenths of a second)."""
    key = (str(index.build_dir), len(index.chunks))
    with _CORPORA_LOCK:
        if key in _CORPORA:
            _CORPORA.move_to_end(key)
            return _CORPORA[key]
    corpus = Corpus.from_chunks(index.chunks)
    corpus.sentences_with(""), corpus.forms(""), corpus.starting_with("")  # build the word indexes now
    with _CORPORA_LOCK:
        corpus = _CORPORA.setdefault(key, corpus)
        while len(_CORPORA) > 4:
            _CORPORA.popitem(last=False)
    return corpus
