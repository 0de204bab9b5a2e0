"""The theme scan's fourteenth round (thirteenth session; issue 13): English concepts weigh as Dutch ones.

English function words are no theme words; a translated word is partnered in its multi-word concept like a
typed Dutch word (the commoner words count only together); a word that stays absent (English or Dutch) is its
concept's rarest;
a glossary entry's Dutch alternatives are one family; and a translation's rarity counts the forms of its
meaning. All on the real corpus and the bundled embedder; no test theme is used.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.themes import ScanSettings, scan
from assistant.themes.expand import expand_theme, translation_spread
from assistant.themes.words import english_stopword, theme_words

DEFAULT = ScanSettings()


def weights(theme: str, corpus, meaning, settings: ScanSettings = DEFAULT) -> dict[str, float]:
    expansion = expand_theme(theme, corpus, settings=settings, meaning=meaning)
    return {term.text: term.weight for term in expansion.terms}


def kern_werkprocessen(result) -> set[str]:
    return {m.judged_ref for a in result.anchors if a.strength == "kern" for m in a.members
            if m.chunk.kind == "werkproces"}


def test_english_function_words_are_no_theme_words_unless_also_common_dutch():
    assert theme_words("transitions between schools and care settings") == ["transitions", "schools", "care",
                                                                            "settings"]
    assert theme_words("working through conflicts during the day") == ["conflicts", "day"]
    assert theme_words("de was doen") == ["was", "doen"]  # *was* is a Dutch word as well
    assert english_stopword("between") and not english_stopword("was") and not english_stopword("zorg")


def test_between_is_no_longer_translated_into_a_theme_term(corpus, meaning):
    assert "tussen" not in weights("transitions between schools and care settings", corpus, meaning)


def test_a_translated_word_is_partnered_in_its_concept(corpus, meaning):
    """*arranging the physical environment*: *omgevingen* (the translation of *environment*, in 9 % of the units)
    alone no longer carries the concept; the concept's words together do."""
    on = weights("arranging the physical environment", corpus, meaning)
    off = weights("arranging the physical environment", corpus, meaning, replace(DEFAULT, translations_partnered=False))
    assert on["omgevingen"] == 0.5 and off["omgevingen"] == 1.0
    assert any("omgevingen" in text.split() and len(text.split()) > 1 and weight == 1.0 for text, weight in on.items())


def test_a_word_that_stays_absent_is_its_concepts_rarest(corpus, meaning):
    """*transitions* has no Dutch near enough: *schools* alone is not the concept *transitions between schools*.
    The same holds for a typed Dutch word no unit holds: *handelen* alone is not *klimaatbewust handelen*."""
    assert weights("transitions between schools", corpus, meaning)["schools"] == 0.5
    assert weights("transitions between schools", corpus, meaning,
                   replace(DEFAULT, absent_rarest=False))["schools"] == 1.0
    assert weights("klimaatbewust handelen", corpus, meaning)["handelen"] == 0.5
    assert weights("klimaatbewust handelen", corpus, meaning, replace(DEFAULT, absent_rarest=False))["handelen"] == 1.0


def test_a_glossary_entrys_alternatives_count_once_in_a_sentence(index):
    """*care* → *zorg*, *verzorging* (both context terms in *care settings*): a sentence with both words is no
    strong sentence. The theme is judged absent from the corpus; counted twice, they listed units as kern."""
    theme = "transitions between schools and care settings"
    assert not kern_werkprocessen(scan(index, theme, budget=120))
    assert kern_werkprocessen(scan(index, theme, settings=replace(DEFAULT, alternatives_once=False), budget=120))


def test_a_translations_rarity_counts_the_forms_of_its_meaning(corpus, meaning):
    """*supporting* → *steun* (a rare word), while *ondersteunt* and *ondersteuning* stand in many units: in
    *supporting people with disabilities* the rarest concept word is *beperkingen*, not *steun*."""
    assert translation_spread("supporting", "steun", corpus, meaning, DEFAULT) > 3 * translation_spread(
        "disabilities", "beperkingen beperking", corpus, meaning, DEFAULT)
    on = weights("supporting people with disabilities", corpus, meaning)
    off = weights("supporting people with disabilities", corpus, meaning, replace(DEFAULT, spread_rarest=False))
    assert on["steun"] == 0.5 and off["steun"] == 1.0
    assert on["beperkingen"] == 1.0


def test_a_dutch_theme_whose_words_occur_is_untouched_by_these_parts(corpus, meaning):
    """The parts act on translated or absent words only: a Dutch theme whose words the corpus holds expands the
    same with all of them off."""
    off = replace(DEFAULT, translations_partnered=False, absent_rarest=False, alternatives_once=False,
                  spread_rarest=False)
    for theme in ("plannen en organiseren", "huiselijk geweld en kindermishandeling", "feedback geven en ontvangen"):
        assert weights(theme, corpus, meaning) == weights(theme, corpus, meaning, off)


def test_a_dutch_theme_keeps_words_that_are_english_function_words_too(corpus, meaning):
    """*haven* (harbour), *been* (leg), *weren* (ward off): only an English theme loses its function words."""
    assert weights("werken in de haven", corpus, meaning) == {"haven": 1.0}
    assert "been" in theme_words("wondzorg bij een open been") and "weren" in theme_words("agressie weren")


def test_an_absent_word_common_in_the_language_is_no_concepts_rarest(corpus, meaning):
    """*personal* (Zipf 5.2) is a modifier, not the concept: *hygiëne* still carries *personal hygiene* alone,
    while the rarer *transitions* (3.6) does carry *transitions between schools*."""
    on = weights("bathing and personal hygiene", corpus, meaning)
    hygiene = [weight for text, weight in on.items() if text.startswith("hygi") and " " not in text]
    assert hygiene and all(weight == 1.0 for weight in hygiene)


def test_an_english_phrase_is_not_split_at_of(corpus, meaning):
    """*next of kin* is one concept (the glossary's *naastbetrokkenen*): it is partnered with *communicatie*."""
    on = weights("communicating with next of kin", corpus, meaning)
    assert "communicatie naastbetrokkenen" in on and on["naastbetrokkenen"] == 0.5


def test_a_glossary_phrase_stands_in_through_its_word_the_corpus_holds(corpus, meaning):
    """*elderly care* → *ouderenzorg ouderen*: *ouderenzorg* is in no unit, so *ouderen* stands for it, and
    *routines* alone is not the concept."""
    on = weights("elderly care routines", corpus, meaning)
    assert on["ouderen routines"] == 1.0 and on["routines"] == 0.5


def test_every_glossary_phrase_in_an_english_theme_expands(corpus, meaning):
    """Robustness of the concept weighing: a glossary phrase beside a word of its own and in a conjunction expands
    to terms, whatever its Dutch words the corpus holds (every third glossary key)."""
    from assistant.glossary import GLOSSARY

    for key in sorted(GLOSSARY)[::3]:
        for theme in (f"{key} routines", f"daily {key} and safety"):
            assert expand_theme(theme, corpus, meaning=meaning).terms, theme
