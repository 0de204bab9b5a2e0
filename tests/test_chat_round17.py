"""The chat on the seventeenth round's findings (issue 14), from a praktijkopleider in gehandicaptenzorg with an
Erasmus student (tune27a), an onderwijskundige auditing a curriculum with an English-speaking recruiter (tune27b)
and the round's own probes: an explanatory passage that names the werkprocessen of a topic answers a "where" list;
a profile shortened by the initials of its compound words ("pb gz", "bgz", "agogisch mw ggz"); follow-ups that
narrow to a part, ask the same for another name, carry an aside, or point back with a year; "which of them" after
a competence name; what a profile adds "ten opzichte van het basisdeel"; a unit title leading the question; "which
of these programmes/jobs …" asked first. On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, only

from assistant.conversation import compound_initials, find_mentions
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.lexical import codes_in

PBGZ = "Persoonlijk begeleider gehandicaptenzorg"


def test_a_code_broken_after_its_hyphen_is_read_whole():
    assert codes_in("het werkproces ‘voert gesprekken’ (P1- K1-W1).") == ["P1-K1-W1"]
    assert codes_in("B1-\nK2-W3 en P3-K1") == ["B1-K2-W3", "P3-K1"]


def test_the_explanation_naming_the_werkprocessen_of_a_topic_answers_where_it_is(library, searcher):
    reply = only(library, searcher, "Bij welke werkprocessen van de pedagogisch medewerker kinderopvang (KD 2015) "
                                    "wordt taalniveau 3F gevraagd?")
    assert reply.type == LOOKUP
    first, *named = reply.hits
    assert first.chunk.kind == "toelichting" and first.chunk.dossier == "Pedagogisch Werk"
    assert "3F" in first.best_sentence and "B1-K1-W5" in first.best_sentence
    assert {(h.chunk.code, h.chunk.kind) for h in named} == {("B1-K1-W5", "werkproces"), ("P1-K1-W1", "werkproces")}
    english = only(library, searcher, "Which werkprocessen need the higher Dutch language level 3F?")
    assert english.type == LOOKUP and english.hits[0].chunk.kind == "toelichting"


def test_a_topic_the_werkprocessen_hold_stays_a_list(library, searcher):
    reply = only(library, searcher, "Waar komt hygiëne voor in Pedagogisch Werk 2015?")
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.items


def test_a_compound_word_of_a_title_gives_the_initials_of_its_parts():
    vocabulary = {"persoonlijk", "begeleider", "gehandicapten", "zorg", "gehandicaptenzorg", "mede", "werker"}
    found = compound_initials(["persoonlijk", "begeleider", "gehandicaptenzorg"], vocabulary)
    assert found == ("pbgz", "persoonlijk begeleider gz", "pb gz")
    assert compound_initials(["begeleider", "gehandicaptenzorg"], vocabulary) == ("bgz", "begeleider gz")
    assert compound_initials(["persoonlijk", "begeleider"], vocabulary) == ()  # no compound: no new names


def test_a_profile_shortened_by_compound_initials_is_that_profile(library):
    for typed in ("pb gz", "pbgz", "persoonlijk begeleider gz"):
        assert library.catalogue.scopes[typed][0].profile == PBGZ
    assert library.catalogue.scopes["bgz"][0].profile == "Begeleider gehandicaptenzorg"
    assert library.catalogue.scopes["agogisch mw ggz"][0].profile == "Agogisch medewerker GGZ"


def test_two_profiles_shortened_are_compared(library, searcher):
    reply = only(library, searcher, "Verpleegtechnische handelingen: is dat voor de begeleider gz (P1-K1-W3) "
                                    "anders dan voor de pb gz (P3-K1-W5)?")
    assert reply.type == COMPARE
    assert {item.chunk.profile for item in reply.items} == {"Begeleider gehandicaptenzorg", PBGZ}


def test_only_the_profile_part_narrows_the_list_before(library, searcher):
    _first, second, third = ask(library, searcher, "Welke werkprocessen horen bij de Begeleider gehandicaptenzorg?",
                               "zelfde vraag voor de pb gz (niveau 4) graag",
                               "alleen de P3-werkprocessen graag, de basis ken ik inmiddels wel")
    assert second.reply.type == LIST and {i.chunk.profile for i in second.reply.items} == {None, PBGZ}
    codes = {item.chunk.code for item in third.reply.items}
    assert third.reply.type == LIST and third.followup
    assert len(codes) == 8 and all(code.startswith("P3-K1-W") for code in codes)


def test_the_same_for_a_name_with_words_around_it_is_the_question_before(library, searcher):
    first, second = ask(library, searcher, "Mijn stagiaire pb gz scoort zwak op plannen en organiseren. In welke "
                                           "werkprocessen komt die competentie terug?",
                        "Hetzelfde voor mijn bgz-stagiaire (niv 3)?")
    assert second.reply.type == COMPETENCE and second.reply.items
    assert {i.chunk.profile for i in second.reply.items} <= {None, "Begeleider gehandicaptenzorg"}
    assert first.reply.items and {i.chunk.profile for i in first.reply.items} <= {None, PBGZ}


def test_a_back_reference_with_a_year_and_an_aside_is_a_follow_up(library, searcher):
    _first, second = ask(library, searcher, "which werkprocessen has onderwijsassistent in the 2015 dossier?",
                        "Hoe ziet dat eruit in het dossier van 2021? (ik oefen mijn Nederlands 🙂)")
    assert second.followup and second.reply.type == LIST and second.reply.intent.mode == TREE
    assert {i.chunk.version for i in second.reply.items} == {"2021-08-01"}
    assert {i.chunk.dossier for i in second.reply.items} == {"Onderwijsassistent"}


def test_het_as_a_pronoun_with_a_year_points_back(library, searcher):
    _first, second = ask(library, searcher, "Welke werkprocessen van Sociaal Werk 2020 horen bij klantgerichtheid?",
                        "Oké. Kan het wel met het oude kd van 2015?")
    assert second.followup and second.reply.type == COMPETENCE and second.reply.items
    assert {i.chunk.dossier for i in second.reply.items} == {"Sociaal werk"}


def test_a_new_question_with_a_year_is_no_follow_up(library):
    from assistant.conversation import Constraints, Turn, is_followup

    previous = Turn("Welke werkprocessen heeft de thuisbegeleider?", Constraints(), "thuisbegeleider")
    message = "Welke werkprocessen gaan over vrijwilligers en mantelzorgers in 2015?"
    assert not is_followup(message, find_mentions(message, library.catalogue), previous)


def test_a_question_of_its_own_with_there_and_a_year_is_no_follow_up(library):
    from assistant.conversation import Constraints, Turn, is_followup

    previous = Turn("Welke werkprocessen heeft de thuisbegeleider?", Constraints(), "thuisbegeleider",
                    kind="werkproces")
    for message in ("Which work processes are there in 2021?", "Which profiles are there in 2015?",
                    "Welke werkprocessen van die opleiding gaan over ouders in 2015?"):
        assert not is_followup(message, find_mentions(message, library.catalogue), previous)


def test_the_same_for_a_name_with_a_question_of_its_own_is_that_question(library, searcher):
    _first, second = ask(library, searcher, "Welke werkprocessen heeft de thuisbegeleider?",
                        "Hetzelfde voor de OA, wat is het niveau?")
    assert second.reply.type != LIST  # not the OA's werkprocessen: the message asks something else


def test_a_competence_name_before_which_of_them_after_profiles_is_no_narrowing(library, searcher):
    _first, second = ask(library, searcher, "Which profiles does Maatschappelijke Zorg have?",
                        "and klantgerichtheid, in which of them is it required?")
    assert second.reply.type == COMPETENCE and second.reply.items


def test_the_explanation_needs_every_word_the_werkprocessen_lack(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen vragen een hogere beheersing van Engels?")
    assert reply.type == LIST and not any(hit.chunk.kind == "toelichting" for hit in reply.hits)


def test_which_of_them_after_a_competence_name_is_within_the_list(library, searcher):
    first, second = ask(library, searcher, "What werkprocessen are in Helpende Zorg en Welzijn?",
                        "and klantgerichtheid, in which of them I need it?")
    listed = {item.ref for item in first.reply.items}
    assert second.reply.type == COMPETENCE and second.reply.items
    assert {item.ref for item in second.reply.items} <= listed


def test_what_a_profile_adds_compared_with_the_basisdeel_is_its_addition(library, searcher):
    reply = only(library, searcher, "Dagbesteding (B1-K1-W4): wat komt er voor de pb gz bij ten opzichte van het "
                                    "basisdeel?")
    assert reply.type == COMPARE
    assert {(i.chunk.code, i.chunk.profile, i.chunk.variant) for i in reply.items} == {
        ("B1-K1-W4", None, None), ("B1-K1-W4", PBGZ, "aanvulling")}


def test_the_basisdeel_of_another_dossier_is_no_addition(library, searcher):
    reply = only(library, searcher, "Wat leert een helpende zorg en welzijn over wonen en huishouden, vergeleken met "
                                    "het basisdeel van maatschappelijke zorg?")
    assert reply.type == COMPARE and not any(i.chunk.variant == "aanvulling" for i in reply.items)


def test_a_title_leading_the_question_is_the_unit_compared_in_two_dossiers(library, searcher):
    reply = only(library, searcher, "Stemt de werkzaamheden af: in Pedagogisch Werk and in Maatschappelijke Zorg, "
                                    "is it the same? same competenties?")
    assert reply.type == COMPARE and len(reply.rows) == 1
    row = reply.rows[0]
    assert (row.left.chunk.dossier, row.left.chunk.code) == ("Pedagogisch Werk", "B1-K1-W4")
    assert (row.right.chunk.dossier, row.right.chunk.code) == ("Maatschappelijke Zorg", "B1-K1-W6")


def test_a_dossier_name_leading_the_question_is_no_title(library, searcher):
    reply = only(library, searcher, "Sociaal Werk: compare the evaluation work process of 2015 with the one in 2020.")
    assert reply.type == COMPARE and len(reply.rows) > 1


def test_which_of_these_programmes_asked_first_is_where_in_all_of_them(library, searcher):
    reply = only(library, searcher, "Which of these roles involve housekeeping or cleaning work?")
    assert reply.type == LIST and reply.intent.mode == WHERE and len(reply.items) >= 8
    jobs = only(library, searcher, "Which jobs involve food — cooking meals, catering, or helping people eat?")
    assert jobs.type == LIST and jobs.intent.mode == WHERE


def test_which_programmes_with_no_theme_left_lists_no_werkprocessen(library, searcher):
    reply = only(library, searcher, "Which of these programmes include an internship?")
    assert not reply.items  # not every werkproces of every dossier


def test_competences_compared_stay_competences_where_a_side_has_them(library, searcher):
    reply = only(library, searcher, "Welke competenties verschillen tussen sociaalwerker B en sociaal werk?")
    assert reply.type != COMPARE or any(item.chunk.kind == "competentie" for item in reply.items)


def test_an_unknown_profile_that_learns_to_do_something_is_still_unknown(library, searcher):
    reply = only(library, searcher, "What does a hairdresser learn to do? I'd like the complete list of their work "
                                    "processes.")
    assert reply.intent.owner == "hairdresser" or reply.intent.unknown_scope == "hairdresser"


def test_what_a_profile_learns_to_do_is_no_unknown_name(library, searcher):
    reply = only(library, searcher, "What does a sociaal-cultureel werker learn to do? I'd like the complete list of "
                                    "their work processes, general part included.")
    assert reply.type == LIST and reply.intent.mode == TREE and reply.intent.owner is None
    assert {i.chunk.profile for i in reply.items} == {None, "Sociaal-cultureel werker"}


def test_the_full_list_of_their_tasks_is_the_profiles_werkprocessen(library, searcher):
    reply = only(library, searcher, "What can someone with a Helpende Zorg en Welzijn diploma actually do on the job? "
                                    "Give me the full list of their tasks.")
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 12


def test_which_programmes_one_moves_on_to_is_no_absent_topic(library, searcher):
    reply = only(library, searcher, "After finishing Helpende Zorg en Welzijn, which programmes can I move on to?")
    assert reply.type == LOOKUP


def test_the_werkprocessen_of_a_programme_the_sources_only_mention_are_an_unknown_name(library, searcher):
    for question in ("which werkprocessen has Verzorgende-IG? maybe i switch",
                     "Can you show me the work processes in the Verzorgende-IG qualification?"):
        reply = only(library, searcher, question)
        assert reply.type == NOT_FOUND and reply.problem == "unknown_scope", question
        assert reply.details[0] == "verzorgende-ig"
    kept = only(library, searcher, "which work processes have the word stagiair in them?")
    assert kept.type == LIST and kept.items
