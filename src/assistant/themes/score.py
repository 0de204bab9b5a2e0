"""Step 3 of the scan: matches → a score per unit → *kern* or *zijdelings*.

``sentence weight = min(1, Σ distinct term weights)``, times ``sense_factor`` when the sentence's meaning is
far from the theme's (the word-sense guard); a sentence very close to the theme's meaning counts
``dense_weight`` without a term. ``score = Σ sentence weights + title_weight × title + density_weight ×
density``, density = summed sentence weight / number of sentences. Listed from ``min_score``, *kern* from
``kern_score`` (calibrated on the tune themes, docs/theme-scan.md). Dense evidence: a unit with at least
``dense_kern_sentences`` sentences whose cosine to the theme is ``dense_kern_min`` or more is listed as
*kern* even without a term; those sentences are shown with the term :data:`MEANING` and weight 0 (the score
stays lexical).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.themes.corpus import ScanUnit, Sentence
from assistant.themes.match import Matcher
from assistant.themes.settings import ScanSettings

MEANING = "≈ betekenis"  # the "term" of a sentence that counts by its meaning alone


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
    close: int = 0  # sentences close in meaning to the theme (cosine ≥ dense_kern_min)


def match_sentence(sentence: Sentence, matchers: Sequence[Matcher], settings: ScanSettings,
                   closeness: Callable[[str], float | None] | None = None) -> SentenceMatch | None:
    """The sentence's match: terms found, highlighted spans and weight (None when it does not carry the theme)."""
    found: dict[str, float] = {}
    families: dict[str, float] = {}
    marked: set[int] = set()
    for matcher in matchers:
        indices = matcher.find(sentence)
        if indices:
            found[matcher.term.text] = max(found.get(matcher.term.text, 0.0), matcher.term.weight)
            key = matcher.family or matcher.term.text
            families[key] = max(families.get(key, 0.0), matcher.term.weight)
            marked.update(indices)
    weight = min(1.0, sum(families.values()))
    near = closeness(sentence.text) if closeness is not None else None
    if near is not None:
        if found and settings.sense and near < settings.sense_min:
            weight *= settings.sense_factor
        if settings.dense and near >= settings.dense_min and weight < settings.dense_weight:
            weight = settings.dense_weight
            found.setdefault(MEANING, 0.0)
    if not found or weight <= 0:
        return None
    spans: list[tuple[int, int]] = []
    for i in sorted(marked):
        start, end = sentence.words[i][1], sentence.words[i][2]
        if spans and not sentence.text[spans[-1][1]:start].strip():
            spans[-1] = (spans[-1][0], end)  # neighbours ("werkt samen") as one highlight
        else:
            spans.append((start, end))
    return SentenceMatch(sentence.text, tuple(found), tuple(spans), round(weight, 3))


def score_unit(unit: ScanUnit, matchers: Sequence[Matcher], settings: ScanSettings | None = None,
               closeness: Callable[[str], float | None] | None = None,
               candidates: dict[int, list[Matcher]] | None = None) -> UnitScore:
    """``Σ sentence weights + title_weight × title weight + density_weight × density`` for one unit.

    With ``candidates`` (:func:`assistant.themes.match.candidates`) each sentence is checked only against
    the matchers that may match it.
    """
    settings = settings or ScanSettings()

    def check(sentence: Sentence) -> SentenceMatch | None:
        own = matchers if candidates is None else candidates.get(id(sentence), ())
        return match_sentence(sentence, own, settings, closeness)

    found = [check(s) for s in unit.sentences]
    matched = tuple(m for m in found if m is not None)
    title = check(unit.title) if unit.title else None
    total = sum(m.weight for m in matched)
    count = max(1, len(unit.sentences))
    density = total / count
    score = total + settings.title_weight * (title.weight if title else 0.0) + settings.density_weight * density
    close = close_sentences(unit, settings, closeness)
    if len(close) >= settings.dense_kern_sentences:  # show the close sentences that no term found
        shown = {m.text for m in matched}
        extra = {s.text: SentenceMatch(s.text, (MEANING,), (), 0.0) for s in close if s.text not in shown}
        matched = tuple(m for m in (m or extra.pop(s.text, None) for s, m in zip(unit.sentences, found, strict=True))
                        if m is not None)
    return UnitScore(round(score, 3), matched, title, round(density, 3), len(unit.sentences), len(close))


def close_sentences(unit: ScanUnit, settings: ScanSettings,
                    closeness: Callable[[str], float | None] | None) -> list[Sentence]:
    """The unit's sentences whose cosine to the theme is at least ``dense_kern_min`` (none when switched off)."""
    if not settings.dense_kern or closeness is None:
        return []
    return [s for s in unit.sentences if (near := closeness(s.text)) is not None and near >= settings.dense_kern_min]


def dense_kern(result: UnitScore, settings: ScanSettings) -> bool:
    """True when enough of the unit's sentences are close in meaning to the theme to make it *kern*."""
    return settings.dense_kern and result.close >= settings.dense_kern_sentences


def strength(result: UnitScore | float, settings: ScanSettings | None = None) -> str:
    """``kern`` from ``kern_score`` when the title or one sentence weighs at least ``kern_strong``, else ``zijdelings``.

    A unit that only gathers weak matches (context terms, near words) stays *zijdelings*: the theme is then
    at most a passing mention. A unit with enough sentences close in meaning (:func:`dense_kern`) is *kern*.
    """
    settings = settings or ScanSettings()
    if isinstance(result, (int, float)):
        return "kern" if result >= settings.kern_score else "zijdelings"
    if dense_kern(result, settings):
        return "kern"
    strongest = max([s.weight for s in result.sentences] + [result.title.weight if result.title else 0.0])
    return "kern" if result.score >= settings.kern_score and strongest >= settings.kern_strong else "zijdelings"
