"""The chat on the twelfth round's findings (issue 14), from a new teacher who came from youth care and a parent of
a student with a disability (tune21a): an introduction that weighs two profiles is the asker's situation when the
question names one of them; "do any of the work processes …" asks for a list; "welke werkprocessen hebben een
aanvulling voor X" lists X's additions; "en hoe zat dat in het dossier van 2015?" is a follow-up. On the real
bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask

from assistant.intent import COMPARE, COMPETENCE, LIST, NOT_FOUND


def profile(item) -> str:
    return item.ref.split("|")[3]


def variant(item) -> str:
    return item.ref.split("|")[5]


CHOOSING = "My son is choosing between Begeleider gehandicaptenzorg and Persoonlijk begeleider gehandicaptenzorg. "


def test_a_question_about_one_of_two_weighed_profiles_asks_about_that_one(library, searcher):
    first, second = (t.reply for t in ask(library, searcher, CHOOSING + "For Begeleider gehandicaptenzorg, which "
                                          "work processes require the competence 'Begeleiden'?",
                                          "and for Persoonlijk begeleider gehandicaptenzorg?"))
    assert first.type == COMPETENCE and first.items
    assert {profile(i) for i in first.items} <= {"Begeleider gehandicaptenzorg", ""}
    assert second.type == COMPETENCE and second.items  # the follow-up builds on the question, not the weighing
    assert "Persoonlijk begeleider gehandicaptenzorg" in {profile(i) for i in second.items}
    assert "Begeleider gehandicaptenzorg" not in {profile(i) for i in second.items}


@pytest.mark.parametrize("question", [
    CHOOSING + "Which one has more work processes?",
    CHOOSING + "What is the difference?",
    "Ik twijfel tussen PMK en GPM. Wat is het verschil?",
    "Ik twijfel tussen OA en PMK. Welke werkprocessen heeft de OA die de PMK niet heeft?",  # both named again
])
def test_a_weighing_without_a_one_sided_question_stays_a_comparison(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.type == COMPARE


@pytest.mark.parametrize("question", [
    "Do any of the work processes mention the meldcode?",
    "My son has a back condition. Do any of the work processes say he has to work ergonomically?",
    "Zijn er werkprocessen over agressie?",
])
def test_whether_any_unit_holds_a_theme_is_answered_by_the_list(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.items, (reply.type, reply.read_as)


def test_which_units_have_an_addition_for_a_profile_lists_its_additions(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen van Pedagogisch Werk hebben een aanvulling specifiek voor "
                                   "de onderwijsassistent?")[0].reply
    assert reply.type == LIST and reply.items
    assert {variant(i) for i in reply.items} == {"aanvulling"}
    assert {profile(i) for i in reply.items} == {"Onderwijsassistent"}
    english = ask(library, searcher, "Which work processes have an addition for the thuisbegeleider?")[0].reply
    assert english.items and {variant(i) for i in english.items} == {"aanvulling"}
    whole = ask(library, searcher, "Which work processes does the thuisbegeleider have?")[0].reply
    assert len(whole.items) > len(english.items)  # without "an addition": the whole profile


def test_how_it_was_in_another_version_is_a_follow_up(library, searcher):
    first, second = (t.reply for t in ask(library, searcher, "Welke profielen heeft Sociaal Werk 2020?",
                                          "en hoe zat dat in het dossier van 2015?"))
    assert first.type == NOT_FOUND
    assert second.type == LIST and len(second.items) == 2 and second.followup


def test_an_addition_in_another_sense_or_of_another_kind_keeps_the_question(library, searcher):
    """The reviewer's cases: the asker's own "aanvulling op het lesprogramma", and kerntaken asked for."""
    reply = ask(library, searcher, "Wij hebben een aanvulling op het lesprogramma gemaakt over pesten. Welke "
                                   "werkprocessen gaan over pesten?")[0].reply
    assert reply.type == LIST and reply.items and "aanvulling" not in {variant(i) for i in reply.items}
    kerntaken = ask(library, searcher, "Welke kerntaken hebben een aanvulling voor de OA?")[0].reply
    assert kerntaken.type == LIST and kerntaken.items and "kerntaken" in kerntaken.read_as


def test_the_askers_clause_before_a_colon_is_no_topic(library, searcher):
    reply = ask(library, searcher, "en als ik dat wil koppelen aan de persoonlijk begeleider specifieke doelgroepen: "
                                   "in welke werkprocessen komt klantgerichtheid dan terug?")[0].reply
    assert reply.type == COMPETENCE and len(reply.items) == 2, (reply.type, reply.read_as)
    theme = ask(library, searcher, "agressie: waar komt dat voor?")[0].reply  # no first person: the theme
    assert theme.type == LIST and theme.items
    only = ask(library, searcher, "voor mijn lesplan over pesten: welke werkprocessen?")[0].reply
    assert only.type == LIST and "pesten" in only.read_as  # nothing after the colon of its own: it stays


def test_a_level_2_student_is_a_programme_level_not_a_competence_level(library, searcher):
    reply = ask(library, searcher, "Welk niveau Nederlands moet een niveau 2 student halen?")[0].reply
    assert reply.problem != "unknown_competence", reply.details
    assert reply.hits and "2F" in " ".join(h.chunk.text for h in reply.hits)


# ----------------------------------------------------------------- the second review and tune21b (read after it
# was measured twice)


def test_a_question_after_a_colon_that_points_back_keeps_the_theme_before_it(library, searcher):
    reply = ask(library, searcher, "Voor mijn lesplan over pesten: welke werkprocessen gaan daarover?")[0].reply
    assert reply.type == LIST and reply.items and "pesten" in reply.read_as
    english = ask(library, searcher, "For my lesson on bullying: which work processes fit?")[0].reply
    assert english.type == LIST and 0 < len(english.items) <= 5  # was 42 through "fit"


def test_no_additions_is_said_as_such_not_as_no_work_processes(library, searcher):
    reply = ask(library, searcher, "Which work processes have an addition for the PMK?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "empty_list"
    assert "additions" in reply.details[1]  # not "the sources hold no work processes of PMK"
    themed = ask(library, searcher, "Welke werkprocessen over medicatie hebben een aanvulling voor de PBG?")[0].reply
    assert themed.problem != "not_in_units"  # a theme beside it is no additions question


def test_a_greeting_before_a_fact_question_and_its_follow_ups(library, searcher):
    turns = ask(library, searcher, "hey quick one, what level is helpende zorg en welzijn and how many sbu is it?",
                "ok and which wp's does it have?")
    first, second = (t.reply for t in turns)
    assert "Helpende Zorg en Welzijn" in first.read_as and first.details  # the level, not a search
    assert second.type == LIST and len(second.items) == 12


def test_a_request_to_find_out_after_the_question_is_no_theme(library, searcher):
    reply = ask(library, searcher, "welke wp's gaan over agressie? zoek het uit voor een debat bij de "
                                   "studentenraad")[0].reply
    assert reply.type == LIST and len(reply.items) >= 3


@pytest.mark.parametrize("question, least", [
    ("Would my daughter have to give medication or do nursing-type tasks in any of these programmes?", 2),
    ("Does any of these jobs involve managing money or a budget?", 3),
])
def test_any_of_these_programmes_asked_first_means_the_sources_programmes(library, searcher, question, least):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and len(reply.items) >= least, (reply.type, reply.problem, reply.read_as)
    assert "daughter" not in reply.read_as  # the asker's child is no theme


def test_a_competence_word_in_the_askers_introduction_is_no_competence(library, searcher):
    """tune22a (read after its one measurement): "… moeten leren." in an introduction is no SBB competence Leren."""
    turns = ask(library, searcher, "Hoi! Mijn eerstejaars Helpende Zorg en Welzijn vragen steeds wat ze nou eigenlijk "
                                   "allemaal moeten leren. Welke werkprocessen horen bij hun opleiding?",
                "en alleen het profieldeel? dus zonder het basisdeel")
    first, second = (t.reply for t in turns)
    assert first.type == LIST and len(first.items) == 12
    assert second.type == LIST and 0 < len(second.items) < len(first.items)


def test_which_qualifications_and_their_level_is_the_list_of_profiles(library, searcher):
    reply = ask(library, searcher, "Which qualifications (profiles) does the Maatschappelijke Zorg dossier contain, "
                                   "and at what MBO level is each one?")[0].reply
    assert reply.type == LIST and len(reply.items) == 6


# ----------------------------------------------------------------- the code review's cases


@pytest.mark.parametrize("question, word", [
    ("Mijn studenten vinden agressie lastig. In welke werkprocessen komt dat terug?", "agressie"),  # no introduction
    ("Which work processes mention aggression? Please also bullying.", "bullying"),  # "please also" adds a theme
    ("voor mijn lesplan over pesten: welke werkprocessen zijn daarvoor geschikt?", "pesten"),
])
def test_the_theme_stays_where_the_asker_puts_it(library, searcher, question, word):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and word in reply.read_as, reply.read_as


def test_no_addition_is_not_the_additions(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen van de OA hebben geen aanvulling?")[0].reply
    assert "aanvulling" not in {variant(i) for i in reply.items} or len(reply.items) > 2


def test_a_whole_question_after_a_theme_list_is_no_narrowing_follow_up(library, searcher):
    turns = ask(library, searcher, "Welke werkprocessen gaan over agressie?", "Welke werkprocessen zijn er in de OA?")
    assert len(turns[1].reply.items) == 25 and "agressie" not in turns[1].reply.read_as
