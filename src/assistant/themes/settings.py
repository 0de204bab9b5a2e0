"""The theme scan's tunable settings and feature switches (one frozen dataclass; the ablation flips them).

The values are calibrated on the tune themes of ``eval/themes/judged`` (docs/theme-scan.md): never on the
test themes, and never for one theme.
"""

from __future__ import annotations

from dataclasses import dataclass

CORE = 1.0  # a term that carries the theme on its own
CONTEXT = 0.5  # a term that carries it only together with another one


@dataclass(frozen=True)
class ScanSettings:
    """Switches for each part of the method, and its weights and thresholds."""

    thesaurus: bool = True  # the optional TOML theme file
    glossary: bool = True  # English → Dutch glossary terms
    glossary_dutch: bool = False  # a Dutch theme word also gets the other Dutch words of its glossary entries
    compounds: bool = True  # compound parts of a theme word, compounds ending in a term
    morphology: bool = True  # verb forms, participles, separable verbs; derivations kept apart
    near: bool = True  # near words from the corpus vocabulary through the embedder
    sense: bool = False  # meaning guard: a sentence far from the theme's meaning counts less (off: tune ablation)
    feedback: bool = True  # pseudo-relevance feedback: the theme vector moved towards its best sentences
    dense: bool = True  # a sentence very close to the theme's meaning counts without a term
    specificity: bool = True  # a term whose matched words stand in many units weighs as a context term
    translate: bool = True  # a theme word the corpus lacks: glossary or nearest corpus word; vectors from the Dutch
    conjuncts: bool = True  # a multi-word concept of the theme: its commoner words count only together
    conjuncts_translated: bool = True  # ... its words the corpus lacks stand in it through their Dutch
    participles_apart: bool = True  # a verb term does not match its present participle (voorkomende: occurring)
    cognates_translated: bool = True  # a nearest word spelled nearly alike is no word piece (networking: netwerken)
    dense_kern: bool = True  # a unit with several sentences close in meaning is kern without a term (below)
    adjectives_apart: bool = True  # an adjective is no compound's last part (gastvrije is not vrije)
    glossary_concepts: bool = True  # a glossary phrase the corpus holds (facilitaire dienstverlening) is one concept
    near_heads_apart: bool = True  # a near word holding only a compound theme word's last part is a word piece
    forms_once: bool = True  # terms that match the same corpus words are one family: a sentence counts it once
    thesaurus_typed: bool = True  # a thesaurus entry is called up by the theme's own words, not its glossary Dutch
    nouns_separable: bool = True  # a noun of a separable verb matches it split (overdracht: draagt … over)
    translate_families: bool = True  # the nearest word family wins a translation, not one form (environment)
    translations_partnered: bool = True  # a translated word is partnered in its concept like a typed one
    alternatives_once: bool = True  # a glossary entry's Dutch alternatives are one family: a sentence counts it once
    spread_rarest: bool = True  # a translated word's rarity counts the forms of its meaning, not one word
    absent_rarest: bool = True  # a concept word no unit holds (untranslated) is its rarest: the others count together
    translate_english_only: bool = True  # a Dutch word the corpus lacks gets no nearest word (expressie: not verbale)

    spread_margin: float = 0.25  # corpus words this close to a translation's CSLS count in its spread
    translate_min: float = 0.0  # CSLS of the nearest corpus word to an absent theme word at least (a translation)
    near_k: int = 10  # near words per theme vector at most
    near_min: float = -0.15  # CSLS score of a near word to the theme at least (vectors.Meaning.near_scores)
    near_core: float = -0.15  # from this CSLS score a near word weighs as a core term, below as context
    near_context_min: float = 0.2  # cosine of the word's sentences (their mean) to the theme at least
    near_weight: float = CONTEXT
    generic_share: float = 0.30  # a word in more than this share of units counts as a context term
    specific_share: float = 0.20  # a term whose matched corpus words (all forms) stand in more units: context
    sense_min: float = 0.06  # a matched sentence below this cosine to the theme counts ...
    sense_factor: float = 0.4  # ... this much
    feedback_sentences: int = 8  # best sentences of the first pass that move the theme vector
    feedback_weight: float = 0.5
    near_keep: bool = True  # the second pass keeps the first pass's near words (feedback adds, never removes)
    feedback_units: int = 10  # best units of the first pass that give feedback words
    feedback_terms: int = 0  # feedback words at most
    feedback_context_min: float = 0.2  # cosine of a feedback word's sentences to the theme at least
    dense_min: float = 0.5  # a sentence with at least this cosine counts without a term ...
    dense_weight: float = 1.0  # ... with this weight
    dense_kern_min: float = 0.35  # a sentence this close (cosine) to the theme's meaning is "close" ...
    dense_kern_sentences: int = 3  # ... and a unit with at least this many close sentences is kern

    title_weight: float = 2.0
    density_weight: float = 2.0
    min_score: float = 0.5  # listed from here
    kern_score: float = 1.0  # "kern" from here ...
    kern_strong: float = 1.0  # ... when the title or one sentence weighs at least this much
