"""The theme scan's ninth-session changes, on the real bundled corpus: only an English word is translated by its
nearest corpus word (*expressie* is not *verbale*), and a thesaurus entry is called up by the words typed, not by a
glossary guess."""

from __future__ import annotations

import pytest
from conftest import Built, opened

from assistant.themes import ScanSettings, corpus_for
from assistant.themes.expand import english_word, expand_theme, translations
from assistant.themes.vectors import meaning_for


@pytest.fixture(scope="module")
def index(built_index: Built):
    return opened(built_index.index_dir)


@pytest.fixture(scope="module")
def corpus(index):
    return corpus_for(index)


@pytest.fixture(scope="module")
def meaning(index, corpus):
    found = meaning_for(index, corpus)
    assert found is not None
    return found


@pytest.mark.parametrize("word, english", [("wellbeing", True), ("networking", True), ("expressie", False),
                                           ("dagstructuur", False), ("mantelzorg", False)])
def test_english_words_are_told_from_dutch_ones(word, english):
    assert english_word(word) is english


def test_only_an_english_word_is_translated_by_its_nearest_corpus_word(corpus, meaning):
    assert "expressie" not in translations("creativiteit en expressie", corpus, meaning, ScanSettings())
    assert "inclusie" not in translations("diversiteit en inclusie", corpus, meaning, ScanSettings())
    before = translations("creativiteit en expressie", corpus, meaning, ScanSettings(translate_english_only=False))
    assert "expressie" in before  # the switch is what keeps it out
    assert "wellbeing" in translations("wellbeing", corpus, meaning, ScanSettings())


def test_a_thesaurus_entry_is_called_up_by_the_words_typed(corpus):
    """*coordination* → glossary *coördinatie afstemming*; *afstemming* triggers the collaboration entry, which is
    not what "leadership and coordination" asks; "samenwerking met ouders" still calls up its entries."""
    typed = expand_theme("leadership and coordination", corpus)
    assert not any(t.origin.startswith("thesaurus") for t in typed.terms)
    guessed = expand_theme("leadership and coordination", corpus, settings=ScanSettings(thesaurus_typed=False))
    assert any(t.origin == "thesaurus: samenwerken" for t in guessed.terms)
    own = expand_theme("samenwerking met ouders", corpus)
    assert {"thesaurus: samenwerken", "thesaurus: ouderbetrokkenheid"} <= {t.origin for t in own.terms}
