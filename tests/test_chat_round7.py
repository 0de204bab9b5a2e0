"""The chat on the seventh round's questions (issue 14), from placement supervisors, students starting their
placement and curriculum designers: the asker's situation is no topic ("welke werkprocessen moet ik op mijn BPV
laten zien als thuisbegeleider?"), a profile's addition asked with "voegt … toe aan" or a quoted title, and a
profile asked at a level it is not at. On the real bundled corpus."""

from __future__ import annotations

import re

import pytest
from conftest import ask

from assistant.intent import COMPARE, LIST, NOT_FOUND, TREE, WHERE, question_words, sbb_letters, situation_words
from assistant.replies import disjuncts
from assistant.reply_text import render


def test_pronouns_and_verbs_of_showing_are_question_words():
    words = question_words()
    assert {"she", "he", "her", "his", "during", "hij", "haar", "laten", "tijdens"} <= words
    assert not {"stagiair", "stagiairs", "medicatie", "supervisor", "inclusief"} & words  # topics stay topics


@pytest.mark.parametrize("question, profile, lang", [
    ("Ik begin na de zomer aan mijn BPV als thuisbegeleider. Welke werkprocessen moet ik daar allemaal laten zien?",
     "Thuisbegeleider", "nl"),
    ("I am the workplace supervisor for an Onderwijsassistent intern (Pedagogisch Werk 2015). Which work "
     "processes does she have to demonstrate during the placement?", "Onderwijsassistent", "en"),
])
def test_the_werkprocessen_to_show_on_a_placement_are_the_profiles_tree(library, searcher, question, profile, lang):
    outcome = ask(library, searcher, question)[0]
    reply = outcome.reply
    assert reply.type == LIST and reply.intent.mode == TREE, (reply.type, reply.read_as)
    assert reply.lang == lang and profile in reply.read_as
    assert {i.chunk.profile for i in reply.items} <= {None, profile}
    assert any(i.chunk.code.startswith("P") for i in reply.items)  # the profile's own units, not a theme's few
    assert len(reply.items) >= 15


@pytest.mark.parametrize("question", [
    "Wat voegt het profiel onderwijsassistent toe aan B1-K1-W8 in Pedagogisch Werk 2015?",
    "Wat moet een onderwijsassistent-stagiair extra doen bij \"Evalueert de werkzaamheden\" ten opzichte van het "
    "basisdeel?",
    "What does the Onderwijsassistent profile add to 'Evalueert de werkzaamheden' in PW 2015?",
])
def test_a_profiles_addition_by_code_or_quoted_title_is_set_beside_the_basisdeel(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == COMPARE, (reply.type, reply.problem, reply.read_as)
    left, right = reply.items
    assert left.chunk.code == right.chunk.code == "B1-K1-W8"
    assert left.chunk.profile is None and right.chunk.variant == "aanvulling"
    assert right.chunk.profile == "Onderwijsassistent"


def test_a_profile_name_has_no_digits(library, searcher):
    """"het profiel onderwijsassistent toe aan B1-K1-W8": the words after the known name are no unknown profile."""
    reply = ask(library, searcher, "Wat voegt het profiel onderwijsassistent toe aan B1-K1-W8 in Pedagogisch "
                                   "Werk 2015?")[0].reply
    assert reply.problem != "unknown_scope"


@pytest.mark.parametrize("question, lang, niveau", [
    ("Geef de werkprocessen van de helpende zorg en welzijn op niveau 3.", "nl", "2"),
    ("Which work processes does the Onderwijsassistent (PW 2015) have at level 2?", "en", "4"),
])
def test_a_profile_asked_at_a_level_it_is_not_at_says_its_level(library, searcher, question, lang, niveau):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "level_mismatch", (reply.type, reply.problem)
    assert reply.details[1] == niveau and reply.lang == lang
    text = render(reply, details=False)
    assert f"niveau {niveau}" in text if lang == "nl" else f"level {niveau}" in text


@pytest.mark.parametrize("question", [
    "welke werkprocessen heeft de helpende zorg en welzijn op niveau 2?",
    "ik doe de opleiding helpende zorg en welzijn niveau 2, welke werkprocessen heb ik?",
])
def test_a_profile_at_its_own_level_lists_its_werkprocessen(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and len(reply.items) >= 10, (reply.type, reply.problem)


@pytest.mark.parametrize("question, lang", [
    ("meldcode kindermishandeling huiselijk geweld werkprocessen", "nl"),
    ("medication administration werkprocessen", "en"),
    ("werkprocessen hygiëne", "nl"),
])
def test_a_theme_typed_beside_werkprocessen_lists_where_it_occurs(library, searcher, question, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.items, (reply.type, reply.read_as)
    assert reply.lang == lang


def test_a_scope_typed_beside_werkprocessen_stays_its_tree(library, searcher):
    reply = ask(library, searcher, "werkprocessen thuisbegeleider")[0].reply
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) >= 15


@pytest.mark.parametrize("question", [
    "wat voegt het profiel onderwijsassistent toe aan B1-K1-W5?",
    'what does the onderwijsassistent profile add to "Werkt aan de eigen deskundigheid"?',
])
def test_what_a_profile_adds_where_it_adds_nothing_is_no_version_comparison(library, searcher, question):
    """The review's case: OA has no addition to that unit, and "onderwijsassistent" also names OA 2021; the
    answer is the ranked unit, not OA 2021 beside OA 2015."""
    reply = ask(library, searcher, question)[0].reply
    assert reply.type != COMPARE and reply.problem != "unknown_scope", (reply.type, reply.read_as)


def test_which_of_those_are_additions_lists_the_profiles_additions_only(library, searcher):
    first, second = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                        "Welke daarvan zijn aanvullingen specifiek voor de thuisbegeleider op het basisdeel?")
    assert len(first.reply.items) == 21
    items = second.reply.items
    assert second.reply.type == LIST and items and len(items) < 21
    assert all(i.chunk.variant == "aanvulling" and i.chunk.profile == "Thuisbegeleider" for i in items)


def test_additions_included_keeps_the_whole_list(library, searcher):
    reply = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider, inclusief de aanvullingen?")[0].reply
    assert reply.type == LIST and len(reply.items) == 21


def test_which_of_these_narrows_the_list_just_given(library, searcher):
    first, second = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                        "welke van deze gaan over huishouden?")
    listed = {i.ref for i in first.reply.items}
    assert second.followup and second.reply.items
    assert {i.ref for i in second.reply.items} <= listed and len(second.reply.items) < len(listed)


def test_a_profile_list_shows_each_profiles_level(library, searcher):
    reply = ask(library, searcher, "welke profielen heeft dienstverlening?")[0].reply
    text = render(reply, details=False)
    assert reply.type == LIST and len(reply.items) == 3
    assert text.count("· niveau 2") == 3


def test_that_programme_refers_to_the_profile_just_asked_and_both_facts_are_given(library, searcher):
    _, second = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                        "Op welk niveau zit die opleiding eigenlijk, en wat is het crebonummer?")
    reply = second.reply
    assert second.followup and "werkprocessen" not in reply.intent.question  # "die opleiding" is the profile
    assert any("25479" in line and "niveau 4" in line for line in reply.details[1:]), reply.details


def test_one_fact_asked_gives_one_fact(library, searcher):
    reply = ask(library, searcher, "wat is het crebonummer van de thuisbegeleider?")[0].reply
    assert reply.details[1:] and not any("niveau" in line for line in reply.details[1:])


def test_welk_mbo_niveau_asks_the_level(library, searcher):
    found = ask(library, searcher, "op welk mbo-niveau is de thuisbegeleider?")[0].reply
    assert found.details and found.details[0] == "niveau" and any("4" in d for d in found.details[1:])
    absent = ask(library, searcher, "Op welk mbo-niveau is Sociaal Werk 2020 volgens het ankerpuntendocument?")[0]
    assert absent.reply.type == NOT_FOUND and absent.reply.problem == "no_fact"  # the 2020 extract gives no level


@pytest.mark.parametrize("question, scope", [
    ("Ik ga stage lopen bij een coördinator sport- en bewegingsagogie. Welke werkprocessen uit Sport & Bewegen 2021 "
     "staan er in het overzicht voor mij?", "Coördinator sport- en bewegingsagogie"),
    ("Welke werkprocessen van het KD Onderwijsassistent 2021 staan in het ankerpuntendocument?", "Onderwijsassistent"),
])
def test_the_placement_and_the_source_document_are_no_theme(library, searcher, question, scope):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.mode == TREE and scope in reply.read_as, reply.read_as


def test_number_words_are_question_words_and_greetings_and_placement_words_are_situation_words():
    assert {"four", "vier", "crebonummer"} <= question_words()
    assert {"hoi", "hallo", "hello", "stage", "bpv", "placement", "internship"} <= situation_words()
    assert not situation_words() & question_words()


@pytest.mark.parametrize("text, message", [
    ("[words]\nnl = 'welke'\nen = 'which'\n[situation]\nnl = 'hoi'\n", "[situation]"),
    ("[words]\nnl = 'welke'\nen = 'which'\n[others]\nnl = 'x'\nen = 'y'\n", "[words]"),
])
def test_a_bad_situation_table_is_refused(tmp_path, text, message):
    path = tmp_path / "question_words.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        situation_words(path)


@pytest.mark.parametrize("question, problem", [
    ("Hallo", "not_in_sources"),  # a greeting alone is what was typed: the sources do not hold it
    ("Waar staat iets over de bpv?", "not_in_sources"),
])
def test_a_situation_word_alone_stays_the_topic(library, searcher, question, problem):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == problem, (reply.type, reply.problem)


def test_a_situation_word_alone_in_a_where_question_is_its_theme(library, searcher):
    reply = ask(library, searcher, "where is the internship mentioned?")[0].reply
    assert reply.type == LIST and reply.items and "internship" in reply.read_as


def test_a_situation_word_beside_a_theme_is_left_out(library, searcher):
    reply = ask(library, searcher, "hoi ik loop stage op een kdv, waar komt hygiene voor in pedagogisch werk 2015?")[0]
    assert reply.reply.type == LIST and reply.reply.items
    assert "stage" not in reply.reply.intent.topic and "hygiene" in reply.reply.intent.topic


@pytest.mark.parametrize("phrase, parts", [
    ("aggression or crisis situations", ["aggression", "crisis situations"]),
    ("voeding , maaltijden of eten drinken", ["voeding", "maaltijden", "eten drinken"]),
    ("parents or carers", ["parents or carers"]),  # single words joined by "or" share one slot
    ("hygiene", ["hygiene"]),
])
def test_noun_phrases_joined_by_or_are_read_apart(phrase, parts):
    assert disjuncts(phrase) == parts


def test_a_where_list_of_noun_phrases_joined_by_or_lists_units_of_either(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen uit 2015 gaan over voeding, maaltijden of eten en drinken?")[0]
    items = reply.reply.items
    assert reply.reply.type == LIST and len(items) >= 6  # not only the units that name all four words
    texts = [f"{i.chunk.title} {i.passage}".lower() for i in items]
    assert all(any(w in t for w in ("voeding", "maaltijd", "eten", "drink")) for t in texts)


def test_or_read_apart_falls_back_to_together_when_apart_finds_nothing(library, searcher):
    reply = ask(library, searcher, "where does the onderwijsassistent (2021) involve parents or keep them informed?")[0]
    assert reply.reply.type == LIST and reply.reply.items


@pytest.mark.parametrize("first, then, competence, level", [
    ("Wat is het verschil tussen Kwaliteitsgericht niveau 1 en niveau 2 in het competentieprofiel?", "En niveau 4?",
     "Kwaliteitsgericht", 4),
    ("What is the difference between Plannen en organiseren level 1 and level 2 in the Sociaalwerker B competence "
     "profile?", "And level 3?", "Plannen en organiseren", 3),
])
def test_a_level_after_a_comparison_of_levels_is_that_level_alone(library, searcher, first, then, competence, level):
    _, second = ask(library, searcher, first, then)
    reply = second.reply
    assert reply.type == "lookup", (reply.type, reply.read_as)
    assert reply.hits and reply.hits[0].chunk.competence == competence and reply.hits[0].chunk.level == level


def test_the_difference_with_a_level_after_a_level_still_compares(library, searcher):
    _, second = ask(library, searcher, "Klantgerichtheid niveau 2", "en wat is het verschil met niveau 3?")
    assert second.reply.type == COMPARE


def test_a_dossier_at_a_level_none_of_its_profiles_is_at_says_so(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen heeft Dienstverlening op niveau 3?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "level_mismatch" and reply.details[1] == "2"


def test_a_dossier_at_a_level_lists_its_basisdeel_and_the_profiles_at_that_level(library, searcher):
    whole = ask(library, searcher, "welke werkprocessen heeft MZ?")[0].reply
    at_3 = ask(library, searcher, "welke werkprocessen heeft MZ op niveau 3?")[0].reply
    niveau = {c.profile: c.niveau for c in library.chunks if c.kind == "profiel" and c.profile
              and c.dossier == "Maatschappelijke Zorg"}
    assert 0 < len(at_3.items) < len(whole.items) and "niveau 3" in at_3.read_as
    assert all(i.chunk.profile is None or niveau[i.chunk.profile] == "3" for i in at_3.items)
    assert any(i.chunk.profile is None for i in at_3.items) and any(i.chunk.profile for i in at_3.items)


def test_a_profiles_add_on_beside_the_base_unit(library, searcher):
    reply = ask(library, searcher, "How does the thuisbegeleider's add-on for 'Reageert op onvoorziene en "
                                   "crisissituaties' differ from the base unit?")[0].reply
    assert reply.type == COMPARE and reply.items[1].chunk.variant == "aanvulling"
    assert reply.items[1].chunk.profile == "Thuisbegeleider"


def test_a_noun_in_atie_finds_its_verb_in_eren(library, searcher):
    """*evaluatie* ↔ *evalueert*: the stemmer keeps them apart, the theme means both."""
    noun = ask(library, searcher, "welke werkprocessen uit 2015 gaan over evaluatie?")[0].reply
    titles = {i.chunk.title for i in noun.items}
    assert any(t and t.startswith("Evalueert") for t in titles), titles


@pytest.mark.parametrize("first, then, check", [
    ("Een leerling wil pedagogisch medewerker kinderopvang worden. Welke werkprocessen moet die beheersen volgens "
     "het dossier van 2015?", "Alleen die uit het profieldeel graag.",
     lambda i: i.chunk.profile is not None and i.chunk.variant != "aanvulling"),
    ("welke werkprocessen heeft de thuisbegeleider?", "alleen die uit het basisdeel",
     lambda i: i.chunk.profile is None),
    ("which work processes does the Onderwijsassistent (PW 2015) have?", "only the add-ons",
     lambda i: i.chunk.variant == "aanvulling"),
])
def test_a_part_of_the_dossier_narrows_the_list_just_given(library, searcher, first, then, check):
    one, two = ask(library, searcher, first, then)
    assert two.followup and two.reply.type == LIST and two.reply.items
    assert len(two.reply.items) < len(one.reply.items) and all(check(i) for i in two.reply.items)


def test_that_one_after_a_list_of_one_is_that_unit(library, searcher):
    outcomes = ask(library, searcher, "In welke werkprocessen van MZ komt sociale media voor?",
                   "which of those are for the thuisbegeleider?", "welke SBB competenties heeft die?")
    assert len(outcomes[1].reply.items) == 1
    unit = outcomes[1].reply.items[0].chunk
    assert outcomes[2].followup and unit.code in outcomes[2].reply.intent.question


def test_that_werkproces_is_not_read_as_heeft_that(library, searcher):
    outcomes = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                   "En welk profiel heeft dat werkproces niet?")
    assert outcomes[1].followup and "werkproces niet" not in outcomes[1].question  # "dat werkproces" was replaced


def test_a_dutch_follow_up_to_an_english_where_question_keeps_its_english_words(library, searcher):
    """"en in de 2021 versie?" after "in which OA work processes (2015) do parents come up?": the merged question
    is English, so "parents" is read as English (ouders), not as a word the Dutch sources lack."""
    first, second = ask(library, searcher, "in which OA work processes (2015) do parents come up?",
                        "en in de 2021 versie?")
    assert first.reply.items
    assert second.reply.type == LIST and second.reply.items, (second.reply.type, second.reply.problem)
    assert all(i.chunk.version.startswith("2021") for i in second.reply.items)


def test_a_profile_list_asked_with_crebo_and_level_lists_the_profiles_with_both(library, searcher):
    reply = ask(library, searcher, "Voor een LOB-gesprek: welke profielen uit de 2015-dossiers zijn op mbo-niveau 3? "
                                   "Alleen niveau 3 graag, met crebonummer.")[0].reply
    text = render(reply, details=False)
    assert reply.type == LIST and reply.items and all(i.chunk.niveau == "3" for i in reply.items)
    assert text.count("· crebo ") == len(reply.items)


def test_incl_additions_after_an_unknown_owner_still_names_the_unknown_owner(library, searcher):
    """The review's case: "… de agogisch medewerker incl aanvullingen?" is no theme list of "agogisch medewerker"."""
    reply = ask(library, searcher, "welke werkprocessen heeft de agogisch medewerker incl aanvullingen?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope"
    assert any("GGZ" in s for s in reply.details), reply.details


def test_heeft_die_after_a_theme_is_not_read_as_a_name(library, searcher):
    _, second = ask(library, searcher, "Welke werkprocessen gaan over opvoeding?", "welke kerntaak heeft die?")
    assert second.reply.problem != "unknown_scope"


def test_a_common_noun_in_atie_keeps_its_own_reading(library, searcher):
    """*informatie* is common: it is not widened with *informeert*, so "informatie of voorlichting" still lists
    the units that name *voorlichting*."""
    reply = ask(library, searcher, "waar gaat het over informatie of voorlichting?")[0].reply
    assert reply.type == LIST and len(reply.items) >= 6


@pytest.mark.parametrize("question, letter, lang", [
    ("welke werkprocessen hebben SBB-competentie K?", "K", "nl"),
    ("which units have SBB competence E?", "E", "en"),
])
def test_an_sbb_competence_named_by_its_letter_lists_its_werkprocessen(library, searcher, question, letter, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == "competence" and reply.items and reply.lang == lang, (reply.type, reply.problem)
    from assistant.links import sbb_competences

    title = library.sbb[letter]  # a 2020/21 unit names its competences by title ("De onderliggende competenties")
    assert all(letter in {c.code for c in sbb_competences(i.passage)} or title in i.passage for i in reply.items)


def test_an_sbb_letter_that_does_not_exist_is_not_found(library, searcher):
    reply = ask(library, searcher, "which units have SBB competence Z?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_sbb" and reply.details[0] == "Z"
    assert "A to Y" in render(reply, details=False)


def test_the_pronoun_i_after_competence_is_no_letter():
    assert sbb_letters("which competence I need for my placement?") == ()


def test_a_language_reference_level_is_no_mbo_level():
    from assistant.intent import find_levels, fold

    assert find_levels(fold("master Dutch at level 3F")) == ()
    assert find_levels(fold("niveau 3F Nederlands")) == ()
    assert find_levels(fold("niveau 2 en 3")) == (2, 3)


def test_dutch_asked_in_english_is_found_as_nederlands(library, searcher):
    """"Dutch" is in the glossary (nederlands), "want" is a question word: the question is no not_found."""
    reply = ask(library, searcher, "For which work processes does Pedagogisch Werk 2015 want the pedagogisch "
                                   "medewerker to master Dutch at level 3F?")[0].reply
    assert reply.problem != "not_in_sources", reply.details
    assert "want" in question_words()
