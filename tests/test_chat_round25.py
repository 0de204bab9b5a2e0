"""The chat on the twenty-fifth round's findings (issue 14), from an adult career switcher and a nurse trained abroad
(tune35a) and a workplace assessor and a tester of AI assistants (tune35b): the question sentence of a long message;
an afterword of the asker's own; "en rekenen?" after the level of Nederlands; the B-coded units of a profile; a bare
SBB letter in a follow-up; "what level is it?" after a question about pay; a profile's addition found by its title's
words; "waar kan ik naar doorstromen?" as no theme; a theme word that is a word of an SBB title; the level-3
profiles of a competence question; two dossiers' facts side by side; each profile's English levels in a comparison;
"die tweede" after two programmes compared. On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, only

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, TREE, WHERE
from assistant.reply_text import render

MZ = "Maatschappelijke Zorg"


def test_the_question_sentence_of_a_long_message_is_what_it_asks(library, searcher):
    reply = only(library, searcher, "Hoi! Ik ben 40 en werk in de logistiek. Mijn buurvrouw werkt in de "
                                    "gehandicaptenzorg en zegt dat je dan meteen loon krijgt. Maar wat doe je dan "
                                    "eigenlijk de hele dag? Welke werkprocessen heeft de begeleider gehandicaptenzorg?")
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as
    assert len(reply.items) == 14 and not reply.intent.topic
    level = only(library, searcher, "I was a nurse for 3 years back home. What level is Agogisch medewerker GGZ in "
                                    "the Netherlands?")
    assert level.details[:1] == ("niveau",) and "4" in level.details[1], level.read_as


def test_a_statement_of_the_askers_own_after_the_question_is_no_theme(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen gaan over het huishouden? Thuis kook en poets ik voor vier "
                                    "man dus dat lijkt me wel wat")
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.intent.topic == "huishouden", reply.read_as
    assert any(i.chunk.code == "B1-K1-W3" and i.chunk.dossier == MZ for i in reply.items)


def test_another_subject_after_a_subject_level_asks_the_same_for_it(library, searcher):
    _, second = ask(library, searcher, "Welk niveau Nederlands heeft de thuisbegeleider nodig?", "en rekenen?")
    assert second.reply.intent.scopes and second.reply.intent.scopes[0].profile == "Thuisbegeleider"
    assert second.reply.hits[0].best_sentence.startswith("Rekenen"), second.reply.read_as
    _, english = ask(library, searcher, "What level of Dutch does the OA 2015 need?", "and maths?")
    assert english.reply.lang == "en" and english.reply.hits[0].best_sentence.startswith("Rekenen")
    _, theme = ask(library, searcher, "welke werkprocessen gaan over rekenen?", "en engels?")
    assert "werkprocessen" in theme.reply.intent.question  # no subject's level before: the theme follow-up


def test_the_b_coded_units_of_a_profile_leave_out_its_own_p_units(library, searcher):
    reply = only(library, searcher, "welke B-werkprocessen heeft de persoonlijk begeleider gehandicaptenzorg?")
    assert reply.type == LIST and len(reply.items) == 15, reply.read_as
    assert all(i.chunk.code.startswith("B") for i in reply.items)
    assert any(i.chunk.variant == "aanvulling" for i in reply.items)  # its additions are coded B
    whole = only(library, searcher, "welke werkprocessen heeft de persoonlijk begeleider gehandicaptenzorg?")
    assert len(whole.items) == 23


def test_a_bare_sbb_letter_after_an_sbb_competence_list_is_that_competence(library, searcher):
    _, second = ask(library, searcher, "welke werkprocessen van OA 2015 horen bij competentie E?",
                    "Which of those also list H?")
    reply = second.reply
    assert reply.type == COMPETENCE and reply.intent.sbb == ("H",), reply.read_as
    assert [i.chunk.code for i in reply.items] == ["B1-K1-W4"]
    _, plain = ask(library, searcher, "welke werkprocessen gaan over agressie?", "en welke daarvan met H?")
    assert plain.reply.intent.sbb == ()  # no SBB competence asked before: a letter is no competence


def test_what_level_is_it_after_a_question_about_pay_is_the_programmes(library, searcher):
    first, second = ask(library, searcher, "How much does a thuisbegeleider earn per month?",
                        "ok. what level and what type of training is it then?")
    assert first.reply.problem == "absent_fact"
    text = render(second.reply, details=False)
    assert second.reply.type == LOOKUP and "level 4" in text and "middenkaderopleiding" in text, second.reply.read_as
    _, sbu = ask(library, searcher, "Welke profielen heeft Dienstverlening?",
                 "de tweede, welke werkprocessen heeft die", "and how many study hours (sbu) is that one?")[1:]
    assert sbu.reply.details[:1] == ("sbu",) and "3200" in sbu.reply.details[1], sbu.reply.read_as


def test_a_profiles_addition_is_found_by_the_words_of_its_title(library, searcher):
    reply = only(library, searcher, "wat moet een thuisbegeleider extra doen bij persoonlijke verzorging, vergeleken "
                                    "met het basisdeel?")
    assert reply.type == COMPARE and [i.chunk.code for i in reply.items] == ["B1-K1-W2", "B1-K1-W2"], reply.read_as
    assert [i.chunk.variant for i in reply.items] == [None, "aanvulling"]
    housing = only(library, searcher, "what does the thuisbegeleider do on top of the basisdeel for wonen en "
                                      "huishouden?")
    assert {i.chunk.code for i in housing.items} == {"B1-K1-W3"}


def test_where_one_goes_next_is_no_theme(library, searcher):
    reply = only(library, searcher, "Stel ik doe eerst helpende zorg en welzijn, waar kan ik daarna naar "
                                    "doorstromen?")
    assert reply.type == LOOKUP, reply.read_as
    assert "verzorgende-IG" in reply.hits[0].best_sentence
    assert only(library, searcher, "waar komt agressie naar voren?").intent.mode == WHERE  # "naar voren": occurs
    assert only(library, searcher, "Waar wordt naar de meldcode verwezen?").intent.mode == WHERE
    assert only(library, searcher, "where can I go after helpende zorg en welzijn?").intent.mode != WHERE


def test_a_theme_word_of_an_sbb_title_still_narrows_the_list(library, searcher):
    reply = only(library, searcher, "In welke werkprocessen van Maatschappelijke Zorg moet een student rapporteren?")
    assert reply.type == LIST and 8 <= len(reply.items) <= 11, [i.chunk.code for i in reply.items]
    assert all("rapport" in (i.chunk.passage or i.chunk.text).lower() for i in reply.items)


def test_the_level_of_the_profiles_narrows_a_competence_list(library, searcher):
    reply = only(library, searcher, "Klantgerichtheid for the level 3 profiles of Maatschappelijke Zorg: which work "
                                    "processes?")
    assert reply.type == COMPETENCE and len(reply.items) == 3, reply.read_as
    assert {i.chunk.profile for i in reply.items} <= {None, "Begeleider specifieke doelgroepen"}
    level = only(library, searcher, "welke werkprocessen horen bij klantgerichtheid niveau 3?")
    assert len(level.items) > 3  # the competence's level: no programme filter


def test_two_dossiers_facts_side_by_side(library, searcher):
    reply = only(library, searcher, "Put Pedagogisch Werk and Sociaal werk (2015) side by side: dossier crebo and "
                                    "the levels of their profiles.")
    assert reply.type == COMPARE and not reply.rows, reply.read_as
    rows = {d.split("|")[0]: d.split("|")[1:] for d in reply.details}
    assert rows["crebo number (dossier)"] == ["23183", "23185"]
    assert "Onderwijsassistent: 4" in rows["niveau"][0] and "Sociaal-cultureel werker: 4" in rows["niveau"][1]
    load = only(library, searcher, "How does the study load compare between the level-2 Dienstverlening profiles and "
                                   "the level-4 profiles of Maatschappelijke Zorg?")
    assert load.type == COMPARE and any(d.startswith("sbu|") and "6400" in d for d in load.details)
    assert only(library, searcher, "wat is het verschil tussen PW en SW?").rows  # no fact: the units paired
    for other in ("Wat is het verschil tussen MZ en DV qua niveau van zelfstandigheid?",
                  "Vergelijk PW en SW: op welk niveau wordt er samengewerkt?"):
        assert only(library, searcher, other).rows, other  # a level of something else: the units


def test_two_profiles_english_levels_side_by_side(library, searcher):
    reply = only(library, searcher, "Verschilt de eis voor Engels tussen de onderwijsassistent en de gespecialiseerd "
                                    "pedagogisch medewerker (2015)?")
    assert reply.type == COMPARE, reply.read_as
    row = next(d for d in reply.details if d.startswith("Engels|"))
    _, oa, gpm = row.split("|")
    assert "Schrijven B1" in oa and "A2" in gpm and "Onderwijsassistent" not in gpm


def test_die_tweede_after_two_programmes_compared_is_the_second_programme(library, searcher):
    _, second = ask(library, searcher, "Compare Helpende Zorg en Welzijn and Medewerker sport en recreatie: crebo "
                                       "number and mbo level?",
                    "welke taaleisen voor moderne vreemde talen gelden er voor die tweede?")
    reply = second.reply
    assert reply.intent.scopes[0].profile == "Medewerker sport en recreatie", reply.read_as
    assert "A2" in reply.hits[0].best_sentence


def test_a_narrowing_with_a_remark_of_the_askers_after_it_narrows(library, searcher):
    _, second = ask(library, searcher, "welke werkprocessen heeft de persoonlijk begeleider gehandicaptenzorg?",
                    "alleen die uit het profieldeel graag, de basis heb ik nu wel gezien")
    assert second.reply.type == LIST and len(second.reply.items) == 8, second.reply.read_as
    assert all(i.chunk.code.startswith("P3") for i in second.reply.items)
    _, meant = ask(library, searcher, "Welke werkprocessen heeft de PMK 2015?",
                   "alleen die uit het profieldeel, ik bedoel van de GPM")  # a correction is part of the request
    assert {i.chunk.profile for i in meant.reply.items} == {"Gespecialiseerd pedagogisch medewerker"}


def test_a_question_before_a_reference_is_a_clause_of_its_own(library, searcher):
    _, second = ask(library, searcher, "Welke werkprocessen heeft de begeleider gehandicaptenzorg?",
                    "en de persoonlijk begeleider gehandicaptenzorg op niveau 4? welke werkprocessen heeft die")
    assert second.reply.type == LIST and len(second.reply.items) == 23, second.reply.read_as
    for aside in ("Is dat alles? welke daarvan zijn van het basisdeel",  # an aside names no programme: "daarvan"
                  "Wat bedoel je daarmee? welke daarvan zijn van het basisdeel"):  # still points back
        _, third = ask(library, searcher, "Welke werkprocessen heeft de persoonlijk begeleider gehandicaptenzorg?",
                       aside)
        assert third.reply.type == LIST and len(third.reply.items) == 9, (aside, third.reply.read_as)


def test_none_of_the_units_listed_before_is_said_as_such(library, searcher):
    _, _, third = ask(library, searcher, "Welke werkprocessen horen bij competentie E bij de thuisbegeleider?",
                      "Which of those also list H?", "en welke daarvan ook J?")
    assert third.reply.problem == "none_of_those" and not third.reply.items, third.reply.read_as
    assert render(third.reply, details=False).count("Geen van de 2 werkprocessen") == 1


def test_where_the_work_process_so_titled_occurs_lists_every_unit_of_that_title(library, searcher):
    reply = only(library, searcher, 'Where does the work process "Voert coördinerende taken uit" occur?')
    assert reply.type == LIST and len(reply.items) >= 10, reply.read_as
    assert {"2015-08-01", "2021-08-01"} <= {i.chunk.version for i in reply.items}


def test_a_requirements_passage_shows_every_requirement(library, searcher):
    reply = only(library, searcher, "Moet ik een VOG aanvragen of me laten inenten als ik begeleider "
                                    "gehandicaptenzorg wil worden?")
    passage = next(h for h in reply.hits if h.chunk.kind == "beroepsvereisten")
    assert "VOG" in passage.best_sentence and "Hepatitis B" in passage.best_sentence


def test_the_level_of_that_of_another_programme_is_that_programmes(library, searcher):
    _, second = ask(library, searcher, "wat is het niveau van de thuisbegeleider?",
                    "en welk niveau is die van persoonlijk begeleider gehandicaptenzorg?")
    reply = second.reply
    assert reply.details[:1] == ("niveau",) and len(reply.details) == 2, reply.details
    assert "Persoonlijk begeleider gehandicaptenzorg" in reply.details[1]
