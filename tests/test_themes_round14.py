"""The theme scan's fifteenth round (fourteenth session; issue 13): a long vowel is one word's, whether the
syllable is closed (*materiaal*, *school*) or open (*materialen*, *scholen*). The stemmer writes it double in one and
single in the other, so the plural was another word: a term did not match its plural, and a near word that was only
the plural of a term came in as a term of its own. On the real corpus; no test theme is used.
"""

from __future__ import annotations

import pytest

from assistant.themes import words
from assistant.themes.match import word_variants
from assistant.themes.words import same_word, stem


@pytest.mark.parametrize(("closed", "open_"), [("materiaal", "materialen"), ("school", "scholen"),
                                                ("persoon", "personen"), ("taak", "taken")])
def test_a_long_vowel_closed_or_open_is_one_word(closed, open_):
    assert stem(closed) == stem(open_) and same_word(closed, open_)


@pytest.mark.parametrize(("a", "b"), [("doelgroep", "doelgroepen"), ("vrijwilliger", "vrijwilligers"),
                                      ("ouders", "ouder")])
def test_words_without_a_long_vowel_keep_their_stems(a, b):
    assert stem(a) == stem(b)


def test_two_different_words_stay_apart():
    assert not same_word("school", "schuld") and not same_word("persoon", "personeel")


def test_a_term_matches_its_plural_in_the_corpus(corpus):
    assert "materialen" in corpus.vocabulary and "materiaal" in corpus.vocabulary
    assert "materialen" in word_variants("materiaal", corpus)
    assert "materiaal" in word_variants("materialen", corpus)


def test_the_plural_was_another_word_without_the_rule(corpus, monkeypatch):
    monkeypatch.setattr(words, "LONG_VOWELS_ONE", False)
    stem.cache_clear()
    try:
        assert stem("materiaal") != stem("materialen")
    finally:
        monkeypatch.undo()
        stem.cache_clear()
    assert stem("materiaal") == stem("materialen")
