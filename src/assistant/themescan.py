"""The theme scan, kept importable under its old name: a thin facade over :mod:`assistant.themes`."""

from assistant.themes import *  # noqa: F403
from assistant.themes import __all__ as _all
from assistant.themes.corpus import _CORPORA  # noqa: F401 - scripts clear it to time a cold corpus
from assistant.themes.limits import MAX_PHRASES, MAX_TERMS, MAX_TERMS_CHARS, MAX_THEME_CHARS, clean_text
from assistant.themes.match import word_variants
from assistant.themes.render import CSV_COLUMNS, STRENGTH_LABELS, md, render_matrix_markdown
from assistant.themes.scan import DENSE_WEIGHT, OTHER_COLUMN, dense_similarities, short_label, suggest
from assistant.themes.score import score_unit, strength
from assistant.themes.words import excluded, fold, split_sentences, stem, verb_forms, words

__all__ = [*_all, "CSV_COLUMNS", "DENSE_WEIGHT", "MAX_PHRASES", "MAX_TERMS", "MAX_TERMS_CHARS", "MAX_THEME_CHARS",
           "OTHER_COLUMN", "STRENGTH_LABELS", "clean_text", "dense_similarities", "excluded", "fold", "md",
           "render_matrix_markdown", "score_unit", "short_label", "split_sentences", "stem", "strength", "suggest",
           "verb_forms", "word_variants", "words"]
