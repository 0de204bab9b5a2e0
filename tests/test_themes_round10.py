"""Tenth round of the theme scan: a noun's other plural is another word, and a thesaurus entry's excluded
word does not call the entry up. On the real corpus (the built test index)."""

from __future__ import annotations

import pytest

from assistant.themes import corpus_for, scan
from assistant.themes.expand import triggered
from assistant.themes.match import word_variants
from assistant.themes.thesaurus import load as load_thesaurus
from assistant.themes.words import other_plural


@pytest.fixture(scope="module")
def index(library):
    return library.index


@pytest.fixture(scope="module")
def corpus(library):
    return corpus_for(library.index)


def test_the_plural_in_s_of_the_root_is_another_noun():
    vocabulary = {"ouder", "ouders", "regel", "regels", "tijds", "tijdsplanning", "planning", "boek", "boeken"}
    assert other_plural("ouderen", vocabulary) == {"ouder", "ouders"}
    assert other_plural("regelen", vocabulary) == {"regel", "regels"}
    assert other_plural("ouders", vocabulary | {"ouderen"}) == {"ouderen"}
    assert other_plural("boeken", vocabulary) == frozenset()  # one plural: the same noun
    assert other_plural("tijden", vocabulary) == frozenset()  # tijds- is a linking s, not a plural


def test_the_elderly_are_not_parents(corpus):
    assert {"ouder", "ouders"} <= corpus.vocabulary.keys(), "the corpus must speak of parents for this to mean anything"
    assert not {"ouder", "ouders"} & word_variants("ouderen", corpus)
    assert "ouders" in word_variants("ouders", corpus) and "ouder" in word_variants("ouders", corpus)


def test_an_excluded_word_calls_no_thesaurus_entry_up():
    entries = load_thesaurus().entries
    parents = [e for e in entries if "ouderen" in e.exclude]
    assert parents, "the bundled thesaurus must have an entry that excludes 'ouderen'"
    assert triggered(parents, ["werken met ouderen"]) == []
    assert triggered(parents, ["communicatie met ouders"]) == parents


def test_a_scan_for_the_elderly_lists_no_parent_contact(index):
    result = scan(index, "werken met ouderen", budget=120)
    matched = {w for a in result.anchors for s in a.result.sentences for w in s.terms}
    assert "ouders" not in matched and "opvoeders" not in matched
    parents = scan(index, "contact met ouders", budget=120)
    assert len([a for a in parents.anchors if a.strength == "kern"]) >= 10
