"""The chat on the thirty-fifth round's findings (issue 14), from a career switcher from logistics and a Syrian
newcomer (tune54a) and an exam-assignment teacher and an app developer (tune55a), and from the held-back halves once
measured (tune54b: a municipal policy officer and an American exchange student; tune55b: a dyslexic student and an
international-school counsellor): both parts named together, "compare them" after a list of profiles, a list asked
after a programme's fact, a unit's result or behaviour the extract lacks, a dossier asked for that the sources do
not hold, "same level?", "2015 tegen 2021", a legend shown whole, the language level of two qualification levels, a
word asked as written, exam criteria, "what level it is", English words for vaccination and religion, the
profiles' additions with the code first, a kerntaak's title after its code, "the … pathway", "why",
a theme list of unknown words beside a competence's verb, a closing remark after a follow-up, "in English please" in
a clause, who drew up a document, "not the shared basisdeel" and "how much does … make"; and what a review found
(idioms with "woord" and "term", "why … list them", "allebei" in a theme, assessment criteria of a level, "same level
as" one programme, a kerntaak's title beside a named dossier, "make" in other senses, the competence profile by its
kind). On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask, only

from assistant.answer import list_items
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE
from assistant.reply_text import render


def test_both_parts_named_together_list_the_whole_dossier(library, searcher):
    reply = only(library, searcher, "Give me all core tasks of Maatschappelijke Zorg 2015 with their codes, the "
                 "basisdeel as well as the profieldeel.")
    codes = {i.chunk.code for i in reply.items}
    assert reply.type == LIST and {"B1-K1", "B1-K2", "P1-K1", "P6-K1"} <= codes, reply.read_as


@pytest.mark.parametrize("follow", ["compare them", "vergelijk ze", "welk niveau hebben ze allebei?"])
def test_them_after_a_list_of_profiles_compares_those_profiles(library, searcher, follow):
    reply = ask(library, searcher, "welke profielen heeft pedagogisch werk?", follow)[-1].reply
    assert reply.type == COMPARE and "Onderwijsassistent" in reply.read_as, reply.read_as


@pytest.mark.parametrize("question", ["Welke werkprocessen gaan over gesprekken met ouders en kind allebei?",
                                      "Welke werkprocessen gaan over het niveau van de leerling en de groep allebei?"])
def test_allebei_in_a_theme_points_at_nothing(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.items, reply.read_as


def test_a_list_after_a_programmes_fact_is_a_question_of_its_own(library, searcher):
    reply = ask(library, searcher, "What is the crebo number of the Agogisch medewerker GGZ?",
                "ok. and which work processes the Agogisch medewerker GGZ has?")[-1].reply
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) > 10, reply.read_as


def test_a_units_result_and_behaviour_the_extract_lacks_is_said(library, searcher):
    lacking = only(library, searcher, "Please give me the resultaat and gedrag of PMK 2021 P1-K1-W3.")
    assert lacking.type == NOT_FOUND and lacking.problem == "no_fact", lacking.read_as
    held = only(library, searcher, "Please give me the resultaat and gedrag of PW 2015 P1-K1-W3.")
    assert held.type == LOOKUP and held.hits and held.hits[0].chunk.code == "P1-K1-W3", held.read_as


def test_a_dossier_the_sources_do_not_hold_is_named(library, searcher):
    reply = only(library, searcher, "Bestaat er ook een kwalificatiedossier voor kapper?")
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope", reply.read_as


@pytest.mark.parametrize("question", ["Helpende Zorg en Welzijn and Medewerker sport en recreatie: same level? same "
                                      "study hours?", "hebben de OA en de GPM in 2015 evenveel sbu?",
                                      "coördinerende taken van de GPM, 2015 tegen 2021"])
def test_same_level_evenveel_and_year_against_year_compare(library, searcher, question):
    assert only(library, searcher, question).type == COMPARE


def test_same_level_of_one_programme_compares_nothing(library, searcher):
    reply = ask(library, searcher, "What is the level of the PMK?", "same level as the OA?")[-1].reply
    assert reply.type != COMPARE, reply.read_as


def test_a_legend_is_shown_whole_with_the_asked_line_marked():
    legend = "Lichtgroen = groeicompetentie\n\nDonkergroen = gewenste competentie\n\nBlauw = ontstegen competentie"
    assert list_items(legend) == ["Lichtgroen = groeicompetentie", "Donkergroen = gewenste competentie",
                                  "Blauw = ontstegen competentie"]
    assert list_items("Lichtgroen = groeicompetentie\nEen zin zonder sleutel erin\nBlauw = ontstegen") == []
    assert list_items("Lichtgroen = groei\nBlauw = ontstegen\nDe medewerker = een mens die veel werk doet") == []


def test_the_colours_asked_together_get_each_meaning(library, searcher):
    text = render(only(library, searcher, "Wat betekent blauw in het competentieprofiel Sociaalwerker B? En "
                       "donkergroen?"), details=False)
    assert "ontstegen competentie" in text and "gewenste competentie" in text


def test_the_language_levels_of_two_qualification_levels_are_both_quoted(library, searcher):
    text = render(only(library, searcher, "Welk niveau Nederlands moeten de GPM en de PMK halen in het KD van "
                       "2015?"), details=False)
    assert "3F" in text and "2F" in text


def test_a_word_asked_as_written_lists_every_unit_that_holds_it(library, searcher):
    reply = only(library, searcher, "In welke werkprocessen staat het woord planning?")
    assert reply.type == LIST and reply.items
    assert all("planning" in (i.chunk.title + " " + i.passage).lower() for i in reply.items)
    assert {"B1-K1-W1", "P2-K1-W2"} <= {i.chunk.code for i in reply.items if i.chunk.dossier == "Dienstverlening"}
    ergens = only(library, searcher, "Komt het woord meldcode ergens voor?")
    assert ergens.type == LIST and ergens.items, ergens.read_as
    term = only(library, searcher, "Waar komt de term eigen kracht voor?")
    assert term.items and all("eigen kracht" in (i.chunk.title + " " + i.passage).lower() for i in term.items)


@pytest.mark.parametrize("question", ["Welke werkprocessen gaan over het woord geven aan de cliënt?",
                                      "Welke werkprocessen gaan over de term die de cliënt zelf kiest?",
                                      "Welke werkprocessen gaan over het woord voeren voor de groep?"])
def test_an_idiom_with_woord_or_term_is_a_theme(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and len(reply.items) < 20, reply.read_as


def test_exam_criteria_are_not_in_the_dossiers(library, searcher):
    reply = only(library, searcher, "Wat zijn de beoordelingscriteria van de proeve voor de thuisbegeleider?")
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact", reply.read_as
    level = only(library, searcher, "Wat zijn de beoordelingscriteria voor plannen en organiseren niveau 3?")
    assert level.type == LOOKUP, level.read_as  # the level's indicators, no exam


def test_what_level_it_is_after_a_list_asks_that_programmes_level(library, searcher):
    reply = ask(library, searcher, "which work processes does Sport & Bewegen 2021 have?",
                "what level it is, 3 or 4?")[-1].reply
    assert reply.type == NOT_FOUND and reply.problem == "no_fact", reply.read_as


def test_english_words_for_vaccination_and_religion_find_the_dutch_text(library, searcher):
    text = render(only(library, searcher, "Does the Begeleider gehandicaptenzorg need a vaccine?"), details=False)
    assert "Hepatitis" in text
    reply = only(library, searcher, "Which work processes mention religion?")
    assert reply.type == LIST and any("religieuze" in i.passage for i in reply.items), reply.read_as


def test_the_profiles_additions_asked_with_the_code_first(library, searcher):
    reply = only(library, searcher, "For MZ B1-K1-W5, which profiles are having an aanvulling?")
    assert reply.type == LIST and reply.items, reply.read_as
    assert {i.chunk.variant for i in reply.items} == {"aanvulling"}
    assert {i.chunk.code for i in reply.items} == {"B1-K1-W5"}


def test_a_kerntaak_title_after_its_code_is_no_theme(library, searcher):
    reply = only(library, searcher, "welke werkprocessen vallen onder kerntaak P2-K2 Organiseren van de "
                 "werkzaamheden? graag uit 2015")
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as
    assert reply.items and {i.chunk.code.rsplit("-W", 1)[0] for i in reply.items} == {"P2-K2"}
    scoped = only(library, searcher, "Which work processes are under B1-K2 Werken aan kwaliteit en deskundigheid in "
                  "MZ?")
    assert scoped.items and {i.chunk.dossier for i in scoped.items} == {"Maatschappelijke Zorg"}, scoped.read_as


def test_the_profile_called_a_pathway_is_that_profile(library, searcher):
    reply = only(library, searcher, "which work processes does the sport en recreatie pathway have?")
    assert reply.type == LIST and reply.items, reply.read_as
    assert {i.chunk.profile for i in reply.items} - {None} == {"Medewerker sport en recreatie"}


def test_why_asks_a_reason_not_a_list(library, searcher):
    reply = only(library, searcher, "Why do only the level 4 profiles of Pedagogisch Werk 2015 have English?")
    assert reply.type == LOOKUP, reply.read_as
    listed = only(library, searcher, "Why does the helpende have so many work processes? List them.")
    assert listed.type == LIST, listed.read_as


def test_a_theme_of_unknown_words_beside_a_competences_verb_is_not_in_the_sources(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen gaan over de begeleiding van statushouders bij hun "
                 "inburgering?")
    assert reply.type == NOT_FOUND and reply.problem == "not_in_sources", reply.read_as


def test_a_closing_remark_and_a_language_clause_keep_the_follow_up(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen heeft de thuisbegeleider?",
                "En welke daarvan vragen om plannen en organiseren?",
                "Could you give me only the ones from the profile part itself (the P5 work processes), in "
                "English please? It's for a colleague who doesn't read Dutch.")[-1].reply
    assert reply.type == COMPETENCE and reply.lang == "en", reply.read_as
    assert reply.items and all(i.chunk.code.startswith("P5") for i in reply.items)


@pytest.mark.parametrize("question", ["Wie heeft het competentieprofiel Sociaalwerker B opgesteld en wanneer is het "
                                      "vastgesteld?", "Door wie is het competentieprofiel opgesteld en wanneer "
                                      "vastgesteld?"])
def test_who_drew_up_the_competence_profile_is_not_stated(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and reply.problem == "no_fact", reply.read_as


def test_not_the_shared_basisdeel_is_the_profile_part(library, searcher):
    reply = only(library, searcher, "which work processes does the Agogisch medewerker GGZ have? not the shared "
                 "basisdeel")
    assert reply.type == LIST and reply.items and all(i.chunk.code.startswith("P4") for i in reply.items)


def test_how_much_one_makes_is_pay(library, searcher):
    reply = only(library, searcher, "how much does a helpende make after the diploma?")
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact", reply.read_as
    decisions = only(library, searcher, "How much does the client make his own decisions in P5-K1-W3?")
    assert decisions.type == LOOKUP, decisions.read_as
