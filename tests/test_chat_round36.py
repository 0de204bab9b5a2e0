"""The chat on the thirty-sixth round's findings (issue 14), from a practice trainer in childcare and a Filipino nurse
retraining here (tune56a) and a team manager hiring carers and a South African care worker (tune57a), and from the
held-back halves once measured (tune56b: a teacher of Dutch in formal Dutch and a student writing Dunglish; tune57b:
a vmbo pupil chatting with emoji and a Ukrainian teacher writing through a machine translator): a profile list's
facts asked of "them", a follow-up for another programme with who it is for around the name, the year of "die
twee", a difference in facts "met" another programme, a compound the sources write apart, "working processes", what
each has and the other lacks, "méér dan een gewone …", a level the asker takes a
programme to have, a one-word remark, a comparison narrowed to a theme, a driving licence, the Dutch level of a
qualification level, an occasion before a colon, "dezelfde gegevens voor", two levels told apart, a comparison asked
after a where-list, emoji, a statement the question points back at, and more. On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask, only

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.reply_text import render


@pytest.mark.parametrize("follow", ["welk niveau hebben ze?", "what level are they?"])
def test_a_level_asked_of_them_after_a_list_of_profiles_gives_their_levels(library, searcher, follow):
    reply = ask(library, searcher, "welke profielen heeft pedagogisch werk?", follow)[-1].reply
    text = render(reply, details=False)
    assert reply.type == LOOKUP and "niveau 3" in text and "niveau 4" in text, reply.read_as


def test_all_the_same_level_after_a_list_of_profiles_sets_them_side_by_side(library, searcher):
    reply = ask(library, searcher, "welke profielen heeft pedagogisch werk?",
                "zijn ze allemaal van hetzelfde niveau?")[-1].reply
    assert reply.type == COMPARE and "Onderwijsassistent" in reply.read_as, reply.read_as


def test_the_levels_of_two_programmes_in_the_plural_are_their_facts(library, searcher):
    text = render(only(library, searcher, "what levels are PMK and GPM?"), details=False)
    assert "level 3" in text and "level 4" in text


def test_the_same_level_of_two_programmes_compares_the_versions_that_state_it(library, searcher):
    reply = only(library, searcher, "hebben PMK en GPM hetzelfde niveau?")
    assert reply.type == COMPARE and "PW 2015" in reply.read_as, reply.read_as
    assert "niveau 3" in render(reply, details=False)


def test_a_followup_for_another_programme_keeps_the_question_not_the_asker_words(library, searcher):
    outcomes = ask(library, searcher, "Ik begeleid een bbl-student PMK niveau 3 (dossier Pedagogisch Werk, 2015). "
                   "Welke werkprocessen moet zij op de werkvloer allemaal laten zien?",
                   "En voor mijn andere student, die doet GPM niveau 4?")
    reply = outcomes[-1].reply
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as
    assert "Gespecialiseerd" in reply.read_as and "andere" not in outcomes[-1].question
    assert "P2-K2-W1" in {i.chunk.code for i in reply.items}


def test_those_two_keep_the_year_the_conversation_named(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen heeft PMK in het dossier Pedagogisch Werk 2015?",
                "En voor GPM?", "Wat is qua kerntaken het verschil tussen die twee?")[-1].reply
    assert reply.type == COMPARE and "PW 2015" in reply.read_as, reply.read_as


def test_a_difference_in_facts_with_another_programme_is_compared(library, searcher):
    reply = ask(library, searcher, "Which work processes belong to Helpende Zorg en Welzijn?",
                "Dank u wel. En wat is verschil in niveau en studieduur met Begeleider gehandicaptenzorg?")[-1].reply
    text = render(reply, details=False)
    assert reply.type == COMPARE and "3200" in text and "4800" in text, reply.read_as


def test_a_level_and_study_load_hours_of_it_are_its_facts(library, searcher):
    reply = ask(library, searcher, "Kindly tell me the crebo number of the Thuisbegeleider programme?",
                "And which level is it, and how many study load hours (sbu)?")[-1].reply
    text = render(reply, details=False)
    assert "level 4" in text and "6400" in text, reply.read_as


def test_a_compound_the_sources_write_apart_lists_where_its_parts_stand_together(library, searcher):
    reply = only(library, searcher, "welke werkprocessen gaan over huiswerkbegeleiding?")
    assert reply.type == LIST and {i.chunk.code for i in reply.items} == {"P1-K1-W4", "P2-K1-W4", "P2-K1-W7"}
    assert only(library, searcher, "welke werkprocessen gaan over studiebelasting?").type == NOT_FOUND


def test_working_processes_and_a_typed_proccesses_are_work_processes(library, searcher):
    reply = only(library, searcher, "Which working processes of the 2021 Onderwijsassistent do you have?")
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as
    assert only(library, searcher, "Which work proccesses mention first aid?").type == LIST


@pytest.mark.parametrize("question", ["Welke werkprocessen heeft PMK 2021 die GPM 2021 niet heeft, en andersom?",
                                      "which work processes does the OA have that the PMK lacks, and vice versa?"])
def test_what_each_has_and_the_other_lacks_is_a_comparison(library, searcher, question):
    assert only(library, searcher, question).type == COMPARE


def test_what_one_has_and_the_other_lacks_one_way_round_is_a_list(library, searcher):
    reply = only(library, searcher, "welke werkprocessen uit het profieldeel heeft de PBG die de BG niet heeft?")
    assert reply.type == LIST, reply.read_as


@pytest.mark.parametrize("question", [
    "Wat moet een GPM'er bij 'Evalueert de werkzaamheden' méér doen dan een gewone pedagogisch werker?",
    "For the evaluation of work (Evalueert de werkzaamheden, Pedagogisch Werk 2015): what must the "
    "Onderwijsassistent do more than the basis part is saying?"])
def test_more_than_the_regular_one_is_the_profiles_addition(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == COMPARE and "aanvulling" in reply.read_as, reply.read_as


@pytest.mark.parametrize("question", [
    "Is the Pedagogisch Werk 2015 programme still open for new students? Until which date can one enrol?",
    "Where do I apply to get my South African carer certificate recognised as Helpende?",
    "Which schools in Amsterdam are offering the Thuisbegeleider education?",
    "I have a Ukrainian pedagogical diploma. Is it recognised for working as Onderwijsassistent here?"])
def test_enrolment_recognition_and_schools_are_not_in_a_dossier(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact", reply.read_as


def test_the_dutch_level_of_a_qualification_level_is_its_reference_line(library, searcher):
    reply = only(library, searcher, "What level of Dutch language is required for a level 4 qualification?")
    assert reply.hits and "3F" in reply.hits[0].best_sentence, reply.hits[0].best_sentence
    reply = only(library, searcher, "Welk niveau Nederlands is nodig voor een niveau 2 opleiding?")
    assert "2F" in reply.hits[0].best_sentence and "3F" not in reply.hits[0].best_sentence


def test_a_level_the_asker_takes_a_programme_to_have_is_checked_against_its_level(library, searcher):
    reply = only(library, searcher, "Is it so that the Agogisch medewerker GGZ is a level 4 qualification? And how "
                 "many study hours does it have?")
    text = render(reply, details=False)
    assert reply.type == LOOKUP and "level 4" in text and "6400" in text, reply.read_as


@pytest.mark.parametrize("remark", ["Lekker.", "Mooi!"])
def test_a_one_word_remark_before_a_followup_is_no_topic(library, searcher, remark):
    reply = ask(library, searcher, "What is the crebo number of the Agogisch medewerker GGZ?",
                f"{remark} And which work processes does she have?")[-1].reply
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as


@pytest.mark.parametrize("message", ["Privacy. Welke werkprocessen gaan daarover?",
                                     "Hygiene. Which work processes cover it?"])
def test_a_one_word_theme_before_a_question_stays(library, searcher, message):
    assert ask(library, searcher, message)[0].question.split(".")[0] in ("Privacy", "Hygiene")


def test_a_comparison_narrowed_to_a_theme(library, searcher):
    reply = ask(library, searcher, "Verschil begeleider gehandicaptenzorg en persoonlijk begeleider "
                "gehandicaptenzorg?", "Alleen de verpleegtechnische handelingen naast elkaar, graag.")[-1].reply
    assert reply.type == COMPARE and len(reply.rows) == 1, reply.read_as


@pytest.mark.parametrize("question", ["Must a Thuisbegeleider have a driver's licence? She drives to clients.",
                                      "do I need a driving licence for social work?",
                                      "do I need a rijbewijs for social work?"])
def test_a_driving_licence_is_not_in_the_sources(library, searcher, question):
    assert only(library, searcher, question).type == NOT_FOUND


def test_first_aid_in_english_is_still_found(library, searcher):
    assert only(library, searcher, "where do I learn first aid?").type != NOT_FOUND


def test_an_activity_after_a_kind_is_no_programme(library, searcher):
    reply = only(library, searcher, "Welke profielen hebben een apart werkproces voor het inwerken van nieuwe "
                 "collega's, stagiaires en vrijwilligers?")
    assert reply.type == LIST and "P3-K1-W8" in {i.chunk.code for i in reply.items}, reply.read_as


@pytest.mark.parametrize("question", ["My niece wants to become an onderwijsassistent. Must she know English, and "
                                      "how good?", "How does it stand with English for the Onderwijsassistent?"])
def test_english_for_a_programme_shows_its_own_line(library, searcher, question):
    reply = only(library, searcher, question)
    assert "B1" in reply.hits[0].best_sentence, reply.hits[0].best_sentence


def test_an_occasion_before_a_colon_is_no_theme(library, searcher):
    reply = only(library, searcher, "Voor een les over samenwerken: in welke werkprocessen wordt een "
                 "multidisciplinair team genoemd?")
    assert reply.type == LIST and "samenwerken" not in reply.read_as, reply.read_as


def test_the_same_data_for_another_profile(library, searcher):
    reply = ask(library, searcher, "Wat is het crebonummer van het profiel Sociaal-maatschappelijk dienstverlener?",
                "Zou u mij dezelfde gegevens kunnen verstrekken voor het profiel Sociaal-cultureel werker?")[-1].reply
    assert reply.type == LOOKUP and "25488" in render(reply, details=False), reply.read_as


def test_that_requirement_for_students_of_another_profile(library, searcher):
    outcomes = ask(library, searcher, "In welke werkprocessen van Maatschappelijke Zorg komt rapporteren voor?",
                   "Geldt die eis eveneens voor studenten die worden opgeleid tot Begeleider specifieke doelgroepen?")
    reply = outcomes[-1].reply
    assert reply.type == LIST and "Begeleider specifieke doelgroepen" in reply.read_as, reply.read_as
    assert "studenten" not in outcomes[-1].question


def test_two_levels_told_apart_after_one_level_of_a_competence(library, searcher):
    reply = ask(library, searcher, "Wat staat er bij Communicatieve vaardigheid niveau 3?",
                "Waarin onderscheidt niveau 4 zich precies van dat niveau 3?")[-1].reply
    assert reply.type == COMPARE and "Communicatieve vaardigheid" in reply.read_as, reply.read_as


def test_the_same_competence_at_another_level(library, searcher):
    outcomes = ask(library, searcher, "In the competence profile 'Sociaalwerker B' there is the competence "
                   "Klantgerichtheid. What is the meaning of level 2, which behaviours are described?",
                   "And the level 4 of the same competence, please?")
    assert "level 4" in outcomes[-1].question and "Klantgerichtheid" in outcomes[-1].question


@pytest.mark.parametrize("question", [
    "In welke werkprocessen van de pedagogische opleidingen komt feedback aan bod, en verschilt dat tussen de "
    "dossiers van 2015 en die van 2021?",
    "Kunt u nagaan in welke werkprocessen van Sociaal Werk, zowel in het dossier van 2015 als in dat van 2020, het "
    "adviseren wordt beschreven, en of daarin tussen beide versies een verschil zichtbaar is?"])
def test_a_comparison_asked_after_a_where_list_is_that_list_in_both_versions(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.items, reply.read_as
    assert "zichtbaar" not in (reply.intent.topic or "") and "nagaan" not in (reply.intent.topic or "")


def test_how_the_titles_changed_between_two_years_is_a_comparison(library, searcher):
    reply = only(library, searcher, "Which kerntaken did Sociaal Werk have in 2015 and which in 2020, and how did the "
                 "titles change?")
    assert reply.type == COMPARE, reply.read_as


def test_a_competence_named_before_a_question_that_points_back(library, searcher):
    reply = only(library, searcher, "My stage mentor says I must show more ondernemerschap. In which werkprocessen "
                 "comes that back?")
    assert reply.type == COMPETENCE and "Ondernemerschap" in reply.read_as, reply.read_as
    reply = only(library, searcher, "mn decaan zegt dat ik heel klantgericht ben 😊 bij welke werkprocessen van "
                 "helpende zorg en welzijn heb je daar wat aan")
    assert reply.type == COMPETENCE and "Helpende" in reply.read_as, reply.read_as


def test_you_must_before_the_theme_is_no_doer(library, searcher):
    reply = only(library, searcher, "bij welke werkprocessen moet je toezicht houden? lijkt me wel wat 👀")
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.intent.topic == "toezicht", reply.read_as


def test_emoji_end_a_sentence(library, searcher):
    from assistant.dialogue import without_emoji

    assert without_emoji("twijfel over helpende zorg en welzijn 🤔 wat moet je daar doen? 😅") == \
        "twijfel over helpende zorg en welzijn. wat moet je daar doen?"
    assert without_emoji("klaar? 👍 ok") == "klaar? ok"
    reply = only(library, searcher, "hoii ik zit in vmbo 4 en twijfel over helpende zorg en welzijn 🤔 wat moet je "
                 "daar eigenlijk allemaal doen? alle taken graag")
    assert reply.type == LIST and reply.intent.mode == TREE and "Helpende" in reply.read_as, reply.read_as


def test_what_you_do_at_a_programme_is_its_list(library, searcher):
    reply = only(library, searcher, "wat doe je allemaal bij medewerker sport en recreatie?")
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as


def test_the_additions_per_profile_are_no_profile_name(library, searcher):
    reply = only(library, searcher, "Which working processes treat the reaction on crisis situations? Include also the "
                 "additions per profile.")
    assert reply.type == LIST and reply.items, reply.read_as


def test_a_plan_to_compare_before_a_request_is_no_comparison(library, searcher):
    reply = only(library, searcher, "I want to compare the education of teacher assistant. Please give all working "
                 "processes of the Onderwijsassistent in the 2015 qualification (Pedagogisch Werk).")
    assert reply.type == LIST and len(reply.items) == 19, reply.read_as
    assert only(library, searcher, "Ik wil PMK en GPM vergelijken. Wat zijn de verschillen?").type == COMPARE


def test_ones_from_this_list_are_the_units_just_listed(library, searcher):
    reply = ask(library, searcher, "Which work processes does the Thuisbegeleider have?",
                "Which ones from this list demand the competence Plannen en organiseren?")[-1].reply
    assert reply.type == COMPETENCE and "Thuisbegeleider" in reply.read_as, reply.read_as


def test_the_full_list_also_from_the_basis_part(library, searcher):
    reply = only(library, searcher, "Which work processes does the profile Thuisbegeleider have? I need the full list, "
                 "also from the basis part.")
    assert reply.type == LIST and len(reply.items) == 21, len(reply.items)


def test_chat_fillers_are_no_topic(library, searcher):
    reply = only(library, searcher, "moet je voor de helpende een VOG hebben? en moet je ook een prik ofzo")
    assert reply.type != NOT_FOUND, reply.read_as


# guards from the review: near-misses of the rules above that must keep their old reading


@pytest.mark.parametrize("question", ["Voor een les over hygiëne: welke werkprocessen van PMK?",
                                      "For my lesson on bullying: which work processes of the OA?"])
def test_a_theme_inside_the_occasion_is_the_theme(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.mode == WHERE, reply.read_as


def test_a_theme_before_the_name_in_a_followup_is_kept(library, searcher):
    outcomes = ask(library, searcher, "Welke werkprocessen gaan over veiligheid bij PMK?", "En voor hygiëne bij GPM?")
    assert "hygiëne" in outcomes[-1].question, outcomes[-1].question


@pytest.mark.parametrize("question", ["Ik twijfel tussen OA en GPM. Wat raad je aan?",
                                      "Ik wil PMK en GPM vergelijken. Welke werkprocessen zijn anders?",
                                      "what can a GPM do more than a regular PMK?",
                                      "Waarin onderscheidt de OA zich van de PMK?"])
def test_two_programmes_weighed_stay_a_comparison(library, searcher, question):
    assert only(library, searcher, question).type == COMPARE


@pytest.mark.parametrize("question", ["In welke werkprocessen moet je hetzelfde doen als een leerkracht?",
                                      "welke werkprocessen gaan over ouderbetrokkenheid?"])
def test_a_compound_no_unit_writes_apart_is_not_split(library, searcher, question):
    reply = only(library, searcher, question)
    assert not (reply.type == LIST and " " in (reply.intent.topic or "").strip()), reply.read_as


def test_the_other_way_round_inside_a_theme_compares_nothing(library, searcher):
    reply = only(library, searcher, "In welke werkprocessen informeert de PMK de ouders en andersom?")
    assert reply.type == LIST, reply.read_as


def test_a_school_situation_is_no_school_that_offers_the_programme(library, searcher):
    reply = only(library, searcher, "In what school situations is the onderwijsassistent teaching a group?")
    assert reply.type != NOT_FOUND, reply.read_as


def test_an_emoji_inside_a_sentence_is_a_space(library, searcher):
    from assistant.dialogue import without_emoji

    assert without_emoji("Welke werkprocessen gaan over ☀️ buitenspelen?") == \
        "Welke werkprocessen gaan over buitenspelen?"
