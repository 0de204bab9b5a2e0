"""The second round of the theme scan (issue 13): parts that make it hold for any theme, on the real corpus.

Specificity of a term over all its matched forms, frequent compounds as words of their own, multi-word
concepts counted together, near-word weights from their CSLS score, translation of the words the corpus
lacks before the Dutch steps (so that a theme gives the same kern list in Dutch and in English), and the
tune themes with batch 2 (fresh data) and batch 3 (the fourth round's fresh check) above their floor. None
of these tests uses a test theme.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.glossary import spans
from assistant.themes import ScanSettings, corpus_for, scan
from assistant.themes.expand import (
    Term,
    cognate_of,
    conjunct_partners,
    english_word,
    expand_theme,
    family_choice,
    glossary_concepts,
    near_words,
    translations,
)
from assistant.themes.judged import load_judgments, load_themes, macro, score_kern
from assistant.themes.match import COMPOUND_MAX_SHARE, Matcher, word_variants
from assistant.themes.words import is_adjective, noun_verb, split_verbs

ROOT = Path(__file__).resolve().parents[1]
FLOOR_TUNE_F1 = 0.72  # measured 0.756 on the 17 tune themes of batches 1-3 (docs/theme-scan.md)
FLOOR_BATCH2_F1 = 0.70  # measured 0.725 on the 6 batch-2 tune themes
FLOOR_BATCH3_F1 = 0.66  # measured 0.695 on the 4 batch-3 tune themes (tune data from the fifth round)
FLOOR_BATCH4_F1 = 0.67  # measured 0.705 on the 4 batch-4 tune themes (0.627 before cognates_translated)
FLOOR_BATCH5_F1 = 0.48  # measured 0.487 on arrival, 0.522 now (development data since the seventh session)
FLOOR_BATCH6_F1 = 0.68  # measured 0.716 on the 4 batch-6 themes with the code they met (the seventh session's check)
FLOOR_BATCH7_F1 = 0.51  # measured 0.573 on the 4 batch-7 themes, judged after the seventh session's last scan change;
# 0.537 with the thirteenth session's translated concepts (handling complaints, judged absent, lists 5 units, was 3)
FLOOR_BATCH8_F1 = 0.76  # measured 0.753 on arrival (eighth session), 0.797 with glossary_concepts (found on it)
FLOOR_BATCH9_F1 = 0.48  # measured 0.398 on arrival, 0.523 with near_heads_apart (found on it); two near-absent themes
FLOOR_BATCH10_F1 = 0.68  # measured 0.377 on arrival (ninth session), 0.719 with translate_english_only and
# thesaurus_typed (both found on it)
FLOOR_BATCH11_F1 = 0.56  # measured 0.595 once on arrival, on the ninth session's final method (the start's: 0.595 too)
FLOOR_BATCH12_F1 = 0.43  # measured 0.458 on arrival (tenth session) and after its theme change (other_plural): an
# absent theme (werken met ouderen) still lists two werkprocessen through a near word (leeftijden)
FLOOR_BATCH13_F1 = 0.42  # measured 0.447 on arrival (eleventh session): two English themes far below the Dutch ones
FLOOR_BATCH14_F1 = 0.40  # measured 0.265 on arrival (twelfth session), 0.462 with translate_families and
# nouns_separable (both found on it); 0.423 with the thirteenth session's translated concepts (arranging the physical
# environment: omgevingen alone no longer carries it, and its one judged kern unit found through it is lost)
FLOOR_BATCH15_F1 = 0.60  # measured once, 0.405, on the twelfth session's final method (0.413 on its start code);
# 0.624 with the thirteenth session's translated concepts (tune data since then)
FLOOR_BATCH16_F1 = 0.20  # measured 0.219 on arrival (thirteenth session), on its start code and its first theme change
# alike: both English themes 0 (no Dutch for self-esteem or identity; adolescents found as jonge kinderen)
FLOOR_BATCH17_F1 = 0.15  # measured 0.171 on arrival (fourteenth session, its start code): three themes nearly absent;
# addiction and substance use lists 38 kern units through substance → materiaal, settling has no Dutch
FLOOR_BATCH18_F1 = 0.44  # measured 0.472 on arrival (fifteenth session, its start code): moving and lifting clients,
# judged absent (no kern unit), lists 35 kern units; vraaggericht werken finds 7 of its 37 judged kern units
FLOOR_BATCH19_F1 = 0.80  # measured 0.851 on arrival (sixteenth session, its start code): peer relationships lists 28
# kern units for 12 judged; respectvolle bejegening finds 7 of its 11
FLOOR_BATCH20_F1 = 0.55  # measured 0.586 on arrival (seventeenth session, its start code): doelen stellen lists 70
# kern units for 17 judged (any 'doelen'), doorverwijzen 38 for 6 (near word 'expertise')
FLOOR_BATCH21_F1 = 0.62  # measured 0.662 on arrival (eighteenth session, its start code): handling resistance,
# judged nearly absent (no kern unit), lists 5; werken met een begeleidingsplan finds 10 of its 15
FLOOR_BATCH22_F1 = 0.30  # measured 0.342 on arrival (nineteenth session, its start code): three of its four themes
# judged (nearly) absent; dementia lists a title close in meaning, verantwoording afleggen 16 kern units for 1 judged
FLOOR_BATCH23_F1 = 0.52  # measured 0.568 on arrival (twentieth session, its start code): ending the support
# relationship judged nearly absent (no kern unit) 0.276; een vertrouwensrelatie opbouwen lists 28 for 1 kern unit


def kern_refs(result) -> set[str]:
    return {m.judged_ref for a in result.anchors if a.strength == "kern" for m in a.members
            if m.chunk.kind == "werkproces"}


def term_weights(result) -> dict[str, float]:
    return {t.term.text: t.term.weight for t in result.terms}


# --------------------------------------------------------------------------- precision for common words


def test_a_term_common_in_all_its_forms_weighs_as_context(index):
    share = corpus_for(index).units_with(word_variants("geven", corpus_for(index))) / len(corpus_for(index).units)
    assert share > ScanSettings().specific_share, "geeft/geven must be common for this test to mean anything"
    assert term_weights(scan(index, "geven", budget=120))["geven"] == 0.5
    assert term_weights(scan(index, "geven", settings=ScanSettings(specificity=False), budget=120))["geven"] == 1.0
    edited = scan(index, "geven", terms="geven", budget=120)  # an edited list is the user's word: never reweighed
    assert term_weights(edited)["geven"] == 1.0


def test_a_frequent_compound_is_not_a_match_for_its_last_part(corpus):
    total = len(corpus.units)
    assert corpus.unit_counts["doelgroep"] / total > COMPOUND_MAX_SHARE
    found = word_variants("groepen", corpus)
    assert "doelgroep" not in found and "doelgroepen" not in found
    assert {"groep", "werkgroepen"} <= found  # forms and rare compounds still count
    assert "samenwerkingspartners" in word_variants("samenwerking", corpus)  # a compound that starts with it stays


def test_a_multi_word_concept_counts_its_commoner_word_only_together(index, corpus):
    assert conjunct_partners("feedback geven en ontvangen", corpus) == {"geven": "feedback geven"}
    assert conjunct_partners("methodisch werken", corpus) == {}  # werken is a generic theme word
    assert conjunct_partners("plannen en organiseren", corpus) == {}  # two concepts of one word each
    weights = term_weights(scan(index, "feedback geven en ontvangen", budget=120))
    assert weights["feedback geven"] == 1.0 and weights["geven"] == 0.5 and weights["feedback"] == 1.0


def test_an_english_word_the_corpus_lacks_stands_in_its_concept_through_its_dutch(index, corpus, meaning):
    dutch = translations("customer contact", corpus, meaning, ScanSettings())
    assert conjunct_partners("customer contact", corpus, settings=ScanSettings(absent_rarest=False)) == {}
    assert conjunct_partners("customer contact", corpus) == {"contact": ""}  # customer, no corpus word, is rarest
    assert conjunct_partners("customer contact", corpus, dutch) == {"contact": "klant contact"}
    weights = term_weights(scan(index, "customer contact and service", budget=120))
    assert weights["klant contact"] == 1.0 and weights["contact"] == 0.5  # contact alone: a context term
    off = term_weights(scan(index, "customer contact and service", budget=120,
                            settings=ScanSettings(conjuncts_translated=False, absent_rarest=False)))
    assert off["contact"] == 1.0 and "klant contact" not in off


def test_near_words_keep_their_csls_score(meaning, corpus, index):
    vector = meaning.embed(["zelfredzaamheid en eigen regie"])
    found = near_words(vector, meaning, corpus, ScanSettings(), ["zelfredzaamheid", "regie"])
    assert found and all(score >= ScanSettings().near_min for _, score in found)
    assert any(score < 0 for _, score in found), "a negative CSLS score must not be stored as 0"
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)


def test_the_feedback_pass_keeps_the_first_pass_near_words(index):
    kept = {t.term.text for t in scan(index, "zelfredzaamheid en eigen regie", budget=120).terms}
    lost = {t.term.text for t in scan(index, "zelfredzaamheid en eigen regie", budget=120,
                                      settings=ScanSettings(near_keep=False)).terms}
    assert kept > lost and {"autonomie", "zelfmanagement"} <= kept


# --------------------------------------------------------------------------- Dutch and English


def test_glossary_spans_name_the_english_words():
    found = spans("communication with parents and carers")
    assert [text for _, _, text in found][1:] == ["ouders opvoeders", "mantelzorgers naastbetrokkenen"]
    assert spans("plannen") == []


def test_words_the_corpus_lacks_are_translated_before_expansion(corpus, meaning):
    settings = ScanSettings()
    assert translations("sustainability", corpus, meaning, settings) == {"sustainability": "duurzaam"}
    assert translations("plannen en organiseren", corpus, meaning, settings) == {}
    assert translations("privacy", corpus, meaning, settings) == {}  # a Dutch corpus word that is also English
    found = translations("documentation and reporting", corpus, meaning, settings)
    assert found["reporting"].split()[0] == "rapporteren" and "documentation" in found


@pytest.mark.parametrize(("dutch", "english", "overlap"), [("duurzaamheid", "sustainability", 1.0),
                                                           ("werken met groepen", "working with groups", 1.0),
                                                           ("plannen en organiseren", "planning and organising", 0.85)])
def test_a_theme_gives_the_same_kern_list_in_dutch_and_english(index, dutch: str, english: str, overlap: float):
    one, other = kern_refs(scan(index, dutch, budget=120)), kern_refs(scan(index, english, budget=120))
    assert one and len(one & other) / len(one | other) >= overlap


def test_a_word_piece_is_no_translation(corpus, meaning):
    assert translations("interprofessioneel samenwerken", corpus, meaning, ScanSettings()) == {}


def test_a_cognate_spelled_nearly_alike_is_a_translation(corpus, meaning):
    assert cognate_of("netwerken", "networking") and cognate_of("documenten", "documents")
    assert not cognate_of("intervisie", "interprofessioneel") and not cognate_of("netwerk", "netball")
    assert translations("networking", corpus, meaning, ScanSettings())["networking"].startswith("netwerk")
    assert translations("networking", corpus, meaning, ScanSettings(cognates_translated=False)) == {}


def test_an_absent_english_theme_lists_nothing_unrelated(index):
    judged = next(j for j in load_judgments() if j.slug == "duurzaamheid")
    result = scan(index, "sustainability", budget=120)
    assert score_kern(kern_refs(result), judged).precision == 1.0
    assert all("duurzaam" in {w for t in s.terms for w in t.split()} or "≈ betekenis" in s.terms
               for a in result.anchors for s in a.result.sentences), "only the translation may carry it"


def test_the_parity_file_holds_tune_themes_only():
    other = json.loads((ROOT / "eval" / "themes" / "parity.json").read_text(encoding="utf-8"))["themes"]
    splits = {t.slug: t.split for t in load_themes()}
    assert other and all(splits[slug] == "tune" for slug in other)


# --------------------------------------------------------------------------- tune themes and batch 2


def test_batch_two_is_six_fresh_tune_themes_judged():
    fresh = [t for t in load_themes() if t.batch == 2]
    assert len(fresh) == 6 and all(t.split == "tune" for t in fresh)
    judged = {j.slug for j in load_judgments()}
    assert {t.slug for t in fresh} <= judged


@pytest.mark.parametrize("batch", range(3, 23))
def test_batches_three_to_twenty_two_are_four_fresh_tune_themes_judged_by_new_judges(batch):
    fresh = [t for t in load_themes() if t.batch == batch]
    assert len(fresh) == 4 and all(t.split == "tune" for t in fresh)
    assert sorted(t.language for t in fresh) == ["en", "en", "nl", "nl"]
    judges = {j.judge for j in load_judgments() if j.slug in {t.slug for t in fresh}}
    others = {j.judge for j in load_judgments() if j.slug not in {t.slug for t in fresh}}
    assert judges and not judges & others  # independent of the judges of every other batch


def test_tune_themes_and_batches_two_to_twenty_two_stay_above_their_floor(index):
    judgments = load_judgments()
    rows = []
    for theme in [t for t in load_themes() if t.split == "tune"]:
        kern = kern_refs(scan(index, theme.theme, budget=120))
        rows.append((theme.batch, macro(score_kern(kern, j).f1 for j in judgments if j.slug == theme.slug)))
    assert macro(f1 for batch, f1 in rows if batch in (1, 2, 3)) >= FLOOR_TUNE_F1  # the development batches
    assert macro(f1 for batch, f1 in rows if batch == 2) >= FLOOR_BATCH2_F1
    assert macro(f1 for batch, f1 in rows if batch == 3) >= FLOOR_BATCH3_F1
    assert macro(f1 for batch, f1 in rows if batch == 4) >= FLOOR_BATCH4_F1
    assert macro(f1 for batch, f1 in rows if batch == 5) >= FLOOR_BATCH5_F1
    assert macro(f1 for batch, f1 in rows if batch == 6) >= FLOOR_BATCH6_F1  # the fresh checks, reported apart
    assert macro(f1 for batch, f1 in rows if batch == 7) >= FLOOR_BATCH7_F1
    assert macro(f1 for batch, f1 in rows if batch == 8) >= FLOOR_BATCH8_F1
    assert macro(f1 for batch, f1 in rows if batch == 9) >= FLOOR_BATCH9_F1
    assert macro(f1 for batch, f1 in rows if batch == 10) >= FLOOR_BATCH10_F1
    assert macro(f1 for batch, f1 in rows if batch == 11) >= FLOOR_BATCH11_F1
    assert macro(f1 for batch, f1 in rows if batch == 12) >= FLOOR_BATCH12_F1
    assert macro(f1 for batch, f1 in rows if batch == 13) >= FLOOR_BATCH13_F1
    assert macro(f1 for batch, f1 in rows if batch == 14) >= FLOOR_BATCH14_F1
    assert macro(f1 for batch, f1 in rows if batch == 15) >= FLOOR_BATCH15_F1
    assert macro(f1 for batch, f1 in rows if batch == 16) >= FLOOR_BATCH16_F1
    assert macro(f1 for batch, f1 in rows if batch == 17) >= FLOOR_BATCH17_F1
    assert macro(f1 for batch, f1 in rows if batch == 18) >= FLOOR_BATCH18_F1
    assert macro(f1 for batch, f1 in rows if batch == 19) >= FLOOR_BATCH19_F1
    assert macro(f1 for batch, f1 in rows if batch == 20) >= FLOOR_BATCH20_F1
    assert macro(f1 for batch, f1 in rows if batch == 21) >= FLOOR_BATCH21_F1
    assert macro(f1 for batch, f1 in rows if batch == 22) >= FLOOR_BATCH22_F1
    assert macro(f1 for batch, f1 in rows if batch == 23) >= FLOOR_BATCH23_F1
    assert np.isfinite([f1 for _, f1 in rows]).all()


def test_the_quality_script_prints_test_themes_as_aggregates_only():
    import importlib.util

    spec = importlib.util.spec_from_file_location("theme_quality", ROOT / "scripts" / "theme_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = [{"slug": "x", "theme": "a secret test theme", "language": "nl", "split": "test", "batch": 1,
             "judges": "A", "kern": 3, "judged_kern": 2, "precision": 0.5, "recall": 1.0, "f1": 0.667}]
    report = {"rows": rows, **module.summary(rows), "batches": {1: module.summary(rows)}}
    shown = module.table(report, "test")
    assert "a secret test theme" not in shown and "macro F1 0.667" in shown
    assert module.in_split(load_themes()[0], "tune") != module.in_split(load_themes()[0], "test")
    batch6 = [t for t in load_themes() if t.batch == 6]
    assert batch6 and all(module.in_split(t, "batch6") and module.in_split(t, "tune") for t in batch6)
    assert not any(module.in_split(t, "dev") for t in batch6)  # the fresh check stays out of development
    assert all(module.in_split(t, "dev") for t in load_themes() if t.batch == 5)  # tune data from session seven
    rows6 = [{**rows[0], "split": "tune", "theme": "a tune theme", "batch": b} for b in (1, 6)]
    report = {"rows": rows6, **module.summary(rows6), "batches": {r["batch"]: module.summary([r]) for r in rows6}}
    shown = module.table(report, "tune")
    assert "batch 6: 1 themes" in shown and "batches 1-5 (development): 1 themes" in shown


def test_two_forms_of_one_word_are_not_two_context_terms(index):
    """forms_once: *ondersteunt … ondersteuning* is one word said twice, so two context terms of that word give
    half a sentence; with the switch off the same sentences weigh 1 (two context terms together)."""
    terms = "ondersteunen:0.5, ondersteuning:0.5"

    def both(settings: ScanSettings) -> list[float]:
        result = scan(index, "ondersteuning", terms=terms, settings=settings, budget=120)
        return [s.weight for a in result.anchors for s in a.result.sentences if len(s.terms) == 2]

    once, twice = both(ScanSettings()), both(ScanSettings(forms_once=False))
    assert once and twice and len(once) == len(twice)
    assert set(once) == {0.5} and set(twice) == {1.0}


@pytest.mark.parametrize(("word", "adjective"), [("vrije", True), ("nieuwe", True), ("emotionele", True),
                                                 ("grote", True), ("deskundige", False), ("spel", False),
                                                 ("collega", False), ("tijd", False)])
def test_an_adjective_is_known_by_its_two_forms_in_the_corpus(corpus, word: str, adjective: bool):
    """*vrij*/*vrije* both occur: an adjective; *deskundige* has a plural *deskundigen*: a noun made of one."""
    assert is_adjective(word, corpus.vocabulary) is adjective


def test_an_adjective_is_no_compound_last_part(index, corpus):
    """adjectives_apart: *gastvrije* is not *vrije* (a compound adjective is a word of its own); a noun still
    matches its compounds (*herstelondersteuning* is a kind of *ondersteuning*); the switch off restores the
    old match."""
    assert "gastvrije" not in word_variants("vrije", corpus)
    assert "gastvrije" in word_variants("vrije", corpus, adjectives_apart=False)
    assert "herstelondersteuning" in word_variants("ondersteuning", corpus)

    def sentences(settings: ScanSettings) -> list[str]:
        result = scan(index, "vrije tijd", terms="vrije", settings=settings, budget=120)
        return [s.text for a in result.anchors for s in a.result.sentences]

    assert not any("gastvrij" in s.lower() for s in sentences(ScanSettings()))
    assert any("gastvrij" in s.lower() for s in sentences(ScanSettings(adjectives_apart=False)))


@pytest.mark.parametrize(("dutch", "concepts"), [
    ("persoonlijke verzorging", {"persoonlijke": "persoonlijke verzorging"}),
    ("facilitaire dienstverlening", {"dienstverlening": "facilitaire dienstverlening"}),
    ("schoonmaken schoonmaak huishouden", {}),  # alternatives, never side by side in the corpus
    ("diensten dienstverlening voorzieningen", {}),
    ("taken werkzaamheden", {}),  # "taken/werkzaamheden" in the corpus: alternatives, no phrase
])
def test_a_glossary_phrase_the_corpus_holds_is_one_concept(corpus, dutch: str, concepts: dict):
    """glossary_concepts: two neighbouring words of a glossary value that stand side by side in the corpus are
    one concept, whose commoner word counts only together with the rarest; a list of alternatives is none."""
    assert glossary_concepts(dutch, corpus) == concepts


def test_words_joined_by_a_slash_are_not_side_by_side(corpus):
    assert not corpus.adjacent("taken", "werkzaamheden")  # "welke taken/werkzaamheden de cliënt zelf doet"
    assert corpus.adjacent("facilitaire", "dienstverlening")


def test_an_english_theme_weighs_the_commoner_word_of_its_glossary_phrase_as_context(index):
    """*personal care* → *persoonlijke verzorging*: *persoonlijke* alone (persoonlijk begeleider) is a context
    term and the phrase a core one; with the switch off both words carry the theme alone."""
    def weights(settings: ScanSettings) -> dict[str, float]:
        return {t.text: t.weight for t in scan(index, "personal care", settings=settings, budget=120).expansion.terms}

    on, off = weights(ScanSettings()), weights(ScanSettings(glossary_concepts=False))
    assert on["persoonlijke verzorging"] == 1.0 and on["persoonlijke"] == 0.5 and on["verzorging"] == 1.0
    assert "persoonlijke verzorging" not in off and off["persoonlijke"] == 1.0


def test_a_near_word_holding_only_the_head_of_a_compound_theme_word_is_a_word_piece(index):
    """near_heads_apart: *ontwikkelingsgerichte* shares only *ontwikkeling* with *taalontwikkeling* (a word piece,
    not its meaning); with the switch off the embedder's neighbours come back."""
    def near(settings: ScanSettings) -> set[str]:
        result = scan(index, "taalontwikkeling", settings=settings, budget=120)
        return {t.text for t in result.expansion.terms if t.origin == "verwant"}

    on, off = near(ScanSettings()), near(ScanSettings(near_heads_apart=False))
    assert any("ontwikkeling" in w and "taal" not in w for w in off)
    assert not any("ontwikkeling" in w and "taal" not in w for w in on)


# ------------------------------------------------------------------- ninth session: translation, thesaurus


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


def test_a_translation_is_the_nearest_word_family_not_the_nearest_form(corpus, meaning):
    """*environment*: *milieubewust* is the nearest single word, *omgeving(en)* the nearest family (twelfth round)."""
    found = translations("environment", corpus, meaning, ScanSettings())["environment"]
    assert found.startswith("omgeving")
    assert translations("environment", corpus, meaning, ScanSettings(translate_families=False)) == {
        "environment": "milieubewust"}  # the switch is what changes it
    assert translations("sustainability", corpus, meaning, ScanSettings()) == {"sustainability": "duurzaam"}


def test_family_choice_sums_the_forms_of_one_stem():
    scores = np.array([0.35, 0.30, 0.25, -0.2])
    words = ["milieubewust", "omgevingen", "omgeving", "sfeer"]
    assert family_choice(scores, words, ScanSettings()) == 1
    assert family_choice(np.array([0.60, 0.30, 0.25, -0.2]), words, ScanSettings()) == 0  # one strong form wins


def test_a_noun_made_of_a_separable_verb_knows_its_verb(corpus):
    vocabulary = corpus.vocabulary.keys()
    assert noun_verb("overdracht", vocabulary) == ("over", "dragen")  # through *overgedragen* and *draagt*
    assert noun_verb("inrichting", vocabulary) == ("in", "richten")
    assert noun_verb("ondersteuning", vocabulary) is None  # *onder* is no particle here
    assert noun_verb("begeleiding", vocabulary) is None


def test_a_noun_matches_its_separable_verb_split_but_not_a_preposition(corpus):
    found = Matcher.compile(Term("overdracht"), corpus)
    assert found.separable and found.particle_ends_clause
    handed = [s for s in corpus.sentences_with("draagt") if found.find(s)]
    assert any("over aan haar collega" in s.text for s in handed)
    both = next(s for s in handed if s.text.startswith("Ze draagt gegevens over de cliënt"))
    chosen = [both.words[i][0] + str(i) for i in found.find(both)]
    assert chosen == ["draagt1", "over10"]  # the particle before *aan*, not the preposition of *over de cliënt*
    plain = Matcher.compile(Term("overdracht"), corpus, nouns_separable=False)
    assert not any(plain.find(s) for s in handed if "overdracht" not in s.text.lower())


def test_the_separable_noun_finds_the_handover_units(index):
    judged = next(j for j in load_judgments() if j.slug == "overdracht-aan-collegas")
    on = score_kern(kern_refs(scan(index, "overdracht aan collega's", budget=120)), judged)
    off = score_kern(kern_refs(scan(index, "overdracht aan collega's", budget=120,
                                    settings=ScanSettings(nouns_separable=False))), judged)
    assert on.recall >= 0.6 and off.recall == 0.0


def test_handling_is_a_light_verb_like_dealing_with(index):
    """*handling X* is *omgaan met X*: the verb names no theme (no *bedienen* through its nearest word), the object
    does; the tune theme *handling complaints* (judged absent) listed five units through it."""
    weights = term_weights(scan(index, "handling complaints", budget=120))
    assert "handling" not in weights and not any("bedienen" in term for term in weights)
    assert "klachten" in weights
    assert term_weights(scan(index, "handling money", budget=120)).keys() >= {"money", "geld"}


def test_a_verb_with_its_separable_particle_is_another_verb(index):
    """*rust … toe* is *toerusten* (to equip), not *rusten*; *stelt een plan op* is *opstellen*, not *stellen*: a verb
    form whose clause ends in a particle with which the corpus also writes it as one verb (*toegerust*, *opgesteld*)
    is that other verb. The batch-22 theme *rust, slaap en ontspanning* listed two units through *rust … toe*."""
    corpus = corpus_for(index)
    assert split_verbs(corpus.vocabulary.keys())["rust"] >= {"toe"}
    assert {"samen"} <= split_verbs(corpus.vocabulary.keys())["werkt"]
    equipped = {a.unit.chunk.code for a in scan(index, "rust, slaap en ontspanning", budget=120).anchors
                if any("rust" in s.terms for s in a.result.sentences)}
    assert equipped and not any("toe" in s.text.split() for a in scan(index, "rust", budget=120).anchors
                                for s in a.result.sentences if "rust" in s.terms)
    sentence = next(s for u in corpus.units for s in u.sentences if "stelt een ontwikkelplan op" in s.text)
    stellen = Matcher.compile(Term("stellen"), corpus)
    assert not stellen.find(sentence)  # *opstellen*
    assert stellen.find(next(s for u in corpus.units for s in u.sentences
                             if "stelt reëele, haalbare" in s.text))  # the verb itself: no particle ends the clause
