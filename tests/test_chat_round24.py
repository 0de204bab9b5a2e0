"""The chat on the twenty-fourth round's findings (issue 14), from a team leader planning shared lessons and an
international student (tune34a): the adoption passage quoted in the answer; "en W4?" after a question about one
code; the profiles with a foreign-language requirement or a "VOG-eis"; the units several profiles have in common;
"how long is it?" as the study load; "which werkprocessen do I learn there?" after a programme; a theme "in these
opleidingen"; the type of programme (vakopleiding, middenkaderopleiding) as a fact. On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, only

from assistant.intent import COMPARE, LIST, LOOKUP, TREE, WHERE
from assistant.reply_text import render

HZW = "Helpende Zorg en Welzijn"


def test_the_adoption_passage_is_quoted_in_the_answer(library, searcher):
    reply = only(library, searcher, "Wanneer en door wie is het KD Sociaal werk (2015) vastgesteld?")
    assert reply.type == LOOKUP and reply.hits[0].chunk.title == "Vaststelling", reply.read_as
    text = render(reply, details=False)
    assert "26-11-2015" in text and "Sectorkamer zorg, welzijn en sport" in text


def test_a_sibling_code_after_a_question_about_one_code_asks_it_again(library, searcher):
    first, second = ask(library, searcher, "Wat is het verschil tussen P1-K1-W3 van PMK in 2015 en in 2021?",
                        "en W4?")
    assert first.reply.type == COMPARE and second.reply.type == COMPARE, second.reply.read_as
    assert {i.chunk.code for i in second.reply.items} == {"P1-K1-W4"}
    assert {i.chunk.version for i in second.reply.items} == {"2015-08-01", "2021-08-01"}
    _, other = ask(library, searcher, "what does B1-K1-W2 of the PW 2015 say?", "and K2-W1?")
    assert other.reply.intent.question.startswith("what does B1-K2-W1"), other.reply.intent.question
    _, two = ask(library, searcher, "vergelijk B1-K1-W3 en B1-K1-W4 van de OA 2015", "en W5?")
    assert "B1-K1-W5" not in two.reply.intent.question  # two codes before: which one W5 replaces is not said


def test_profiles_with_a_foreign_language_requirement_are_those_with_their_own_line(library, searcher):
    _, second = ask(library, searcher, "Welke profielen heeft Dienstverlening?",
                    "Welke daarvan heeft een eis voor een moderne vreemde taal?")
    reply = second.reply
    assert reply.type == LIST and [i.chunk.profile for i in reply.items] == ["Medewerker sport en recreatie"]
    assert "A2" in render(reply, details=False)
    english = only(library, searcher, "which profiles have an English requirement?")
    assert [i.chunk.profile for i in english.items] == ["Onderwijsassistent"], english.read_as
    dutch = only(library, searcher, "welke profielen hebben een eis voor Engels?")
    assert dutch.type == LIST and [i.chunk.profile for i in dutch.items] == ["Onderwijsassistent"], dutch.read_as


def test_a_requirement_named_as_an_eis_filters_the_profiles(library, searcher):
    reply = only(library, searcher, "welke profielen van MZ hebben een VOG-eis?")
    assert reply.type == LIST and {i.chunk.profile for i in reply.items} == {
        "Begeleider gehandicaptenzorg", "Persoonlijk begeleider gehandicaptenzorg"}, reply.read_as
    assert len(only(library, searcher, "welke profielen heeft MZ?").items) == 6  # no requirement: all of them


def test_the_units_several_profiles_have_in_common_are_the_shared_ones(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen hebben PMK, GPM en OA in Pedagogisch Werk 2015 "
                                    "gemeenschappelijk? Wil weten wat ik samen kan roosteren.")
    assert reply.type == LIST and len(reply.items) == 10, reply.read_as
    assert {i.chunk.profile for i in reply.items} == {None}  # the basisdeel, no profile's addition
    english = only(library, searcher, "which work processes do BG and PBG have in common?")
    assert len(english.items) == 9 and "in common" in english.read_as
    both = only(library, searcher, "welke werkprocessen hebben de PMK en GPM 2015?")
    assert len(both.items) > 10  # without "in common": every unit of either


def test_how_long_a_programme_takes_is_its_study_load(library, searcher):
    _, second = ask(library, searcher, "what niveau is Helpende Zorg en Welzijn? is it mbo 2 or 3?",
                    "and how long it is? how many hours")
    assert second.reply.details[:2] == ("sbu", f"{HZW} (Dienstverlening 2015): 3200"), second.reply.read_as
    course = only(library, searcher, "hoe lang duurt de opleiding tot thuisbegeleider?")
    assert course.details and course.details[0] == "sbu"
    for other in ("hoe lang duurt de stage bij de PMK?", "how long is the internship for the OA?"):
        reply = only(library, searcher, other)
        assert not reply.details or reply.details[0] != "sbu", other  # the length of something else


def test_the_work_processes_learned_there_are_the_programme_just_named(library, searcher):
    _, second = ask(library, searcher, "what niveau is Helpende Zorg en Welzijn?",
                    "ok which werkprocessen do I learn there?")
    reply = second.reply
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 12, reply.read_as
    _, after_list = ask(library, searcher, "waar komt hygiëne voor in PW 2015?", "welke werkprocessen zitten daar?")
    assert after_list.reply.intent.question == "welke werkprocessen zitten daar?"  # after a list: not the scope


def test_a_theme_in_these_programmes_is_where_it_occurs(library, searcher):
    reply = only(library, searcher, "where do I learn first aid in these opleidingen?")
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.intent.topic == "first aid", reply.read_as
    dutch = only(library, searcher, "waar leer ik eerste hulp?")
    assert dutch.intent.topic == "eerste hulp" and not dutch.intent.sbb  # "leer" is no SBB Leren here


def test_the_type_of_programme_is_a_fact_of_the_profile(library, searcher):
    compared = only(library, searcher, "PMK vs GPM 2015: niveau, sbu en soort opleiding?")
    assert "soort|vakopleiding|middenkaderopleiding" in compared.details, compared.details
    reply = only(library, searcher, "wat voor soort opleiding is de thuisbegeleider?")
    assert reply.details == ("soort", "Thuisbegeleider (Maatschappelijke Zorg 2015): middenkaderopleiding")
    english = only(library, searcher, "what type of programme is Helpende Zorg en Welzijn, and what level?")
    assert "basisberoepsopleiding" in english.details[1] and "level 2" in english.details[1]


def test_the_level_of_a_generic_subject_comes_from_the_generic_part(library, searcher):
    first, second = ask(library, searcher, "Which level of Dutch language I need for Agogisch medewerker GGZ? My "
                                           "Dutch is not so good yet", "en voor begeleider specifieke doelgroepen?")
    top = first.reply.hits[0]
    assert top.chunk.title == "Generieke onderdelen" and top.best_sentence.endswith("niveau 4: 3F."), top.best_sentence
    assert second.reply.hits[0].best_sentence.endswith("niveau 2 en 3: 2F;")  # a level-3 profile
    english = only(library, searcher, "welk niveau Engels moet de OA 2015 halen?")
    assert english.hits[0].best_sentence.startswith("Onderwijsassistent: Engels (Luisteren B1")  # its own line first
    assert "B1" in english.hits[1].best_sentence and english.hits[1].chunk.title == "Generieke onderdelen"
    from assistant.replies import subject_level_asked

    asked = only(library, searcher, "Welk niveau Nederlands heeft de thuisbegeleider nodig?")
    assert subject_level_asked(asked.intent) == "nederlands"
    answer = only(library, searcher, "Welk niveau heeft de thuisbegeleider? Antwoord in het Nederlands graag.")
    assert subject_level_asked(answer.intent) is None  # the answer's language is no subject asked


def test_a_requirement_the_extract_does_not_state_is_not_in_the_sources(library, searcher):
    reply = only(library, searcher, "Geldt voor PMK 2021 ook een VOG-eis?")
    assert reply.type == "not_found" and reply.problem == "no_fact" and reply.details[0] == "vereisten"
    language = only(library, searcher, "welke eisen stelt de OA 2021 aan Engels?")
    assert language.problem == "no_fact" and language.details[0] == "taaleisen"
    held = only(library, searcher, "Geldt voor de begeleider gehandicaptenzorg een VOG-eis?")
    assert held.type == LOOKUP  # the 2015 export states its requirements


def test_a_unit_title_typed_without_quotes_names_the_units_compared(library, searcher):
    reply = only(library, searcher, "Evalueert de werkzaamheden is in Pedagogisch Werk and in Dienstverlening. same "
                                    "thing or not?")
    assert reply.type == COMPARE, reply.read_as
    assert {(i.chunk.dossier, i.chunk.code) for i in reply.items} == {("Pedagogisch Werk", "B1-K1-W8"),
                                                                       ("Dienstverlening", "B1-K1-W9")}
    whole = only(library, searcher, "vergelijk PW 2015 en DV 2015")
    assert len(whole.items) > 20  # no title named: the dossiers side by side


def test_the_reviews_near_misses_keep_their_old_reading(library, searcher):
    """Questions that look like this round's new ones but ask something else (a review's probes)."""
    for question in ("welke eisen stelt PMK 2021 aan de samenwerking met ouders?",
                     "is het verplicht om bij GPM 2021 een ontwikkelplan te maken?",
                     "welke vaardigheden vereist Sport en Bewegen 2021?",
                     "In the Sociaalwerker B competence profile, what does level 1 of Coachen require?"):
        assert only(library, searcher, question).type == LOOKUP, question  # about what the units ask
    for question in ("what level of Dutch mbo is Thuisbegeleider?",
                     "op welk niveau moet een OA 2015 kinderen helpen met rekenen?"):
        reply = only(library, searcher, question)
        assert not reply.hits or reply.hits[0].chunk.title != "Generieke onderdelen", question  # no subject's level
    middle = only(library, searcher, "welke werkprocessen heeft de middenkaderopleiding GPM 2015?")
    assert middle.type == LIST and len(middle.items) == 23  # a type of programme named, not asked
    for question in ("what type of training do BG 2015 students get on medication?",
                     "welke soort opleiding moet je hebben om PMK-stagiaires te begeleiden?"):
        assert not only(library, searcher, question).details, question
    for question in ("welke werkprocessen hebben BG en PBG niet gemeen?",
                     "welke werkprocessen van BG en PBG overlappen met verpleging?"):
        assert len(only(library, searcher, question).items) != 9, question  # not the shared units
    hours = only(library, searcher, "how many hours a day does a thuisbegeleider 2015 work?")
    assert not hours.details  # a working day is no study load
    others = only(library, searcher, "welke profielen hebben geen VOG-eis?")
    assert others.items and not {i.chunk.profile for i in others.items} & {
        "Begeleider gehandicaptenzorg", "Persoonlijk begeleider gehandicaptenzorg"}
    _, two = ask(library, searcher, "vergelijk BG en PBG", "welke werkprocessen leer je daar?")
    assert "(" not in two.reply.intent.question  # two programmes before: "daar" names neither alone


def test_a_profiles_additions_asked_as_aanvulling_units(library, searcher):
    reply = only(library, searcher, "List the aanvulling units of Agogisch medewerker GGZ.")
    assert len(reply.items) == 5 and {i.chunk.variant for i in reply.items} == {"aanvulling"}, reply.read_as
    own = only(library, searcher, "welke werkprocessen heeft de PBG? alleen de P-werkprocessen")
    assert len(own.items) == 8 and all(i.chunk.code.startswith("P") for i in own.items)


def test_work_processes_that_map_to_a_competence(library, searcher):
    reply = only(library, searcher, "Ondernemerschap from the Sociaalwerker B profile: which work processes map "
                                    "to it?")
    assert reply.type == "competence" and len(reply.items) == 2, reply.read_as


def test_a_foreign_language_or_being_good_at_english_is_a_subject_level(library, searcher):
    reply = only(library, searcher, "Which modern foreign language requirement applies to Medewerker sport en "
                                    "recreatie, per skill?")
    assert "Luisteren A2" in reply.hits[0].best_sentence, reply.hits[0]
    good = only(library, searcher, "moet je voor onderwijsassistent goed zijn in engels?")
    assert "Engels (Luisteren B1" in good.hits[0].best_sentence


def test_the_dossiers_own_crebo_beside_a_profiles(library, searcher):
    _, second = ask(library, searcher, "wat is het crebonummer van de thuisbegeleider?",
                    "en welk crebo heeft het dossier zelf?")
    assert "Maatschappelijke Zorg 2015: 23181" in second.reply.details, second.reply.details


def test_a_difference_in_level_compares_the_versions_that_give_one(library, searcher):
    reply = only(library, searcher, "wat is het verschil in niveau tussen pedagogisch medewerker kinderopvang en "
                                    "gespecialiseerd pedagogisch medewerker?")
    assert reply.type == COMPARE and "niveau|3|4" in reply.details, reply.read_as


def test_a_compared_fact_that_no_side_has_is_not_in_the_sources(library, searcher):
    _, second = ask(library, searcher, "wat is het verschil in niveau tussen pedagogisch medewerker kinderopvang en "
                                       "gespecialiseerd pedagogisch medewerker?", "en in de nieuwe dossiers van 2021?")
    assert second.reply.type == "not_found" and second.reply.details[0] == "niveau", second.reply.read_as
    assert only(library, searcher, "vergelijk PMK 2021 en GPM 2021").type == COMPARE  # no fact asked: the units


def test_a_typed_title_counts_as_a_title_only_when_written_as_one(library, searcher):
    neither = only(library, searcher, "Wat is het verschil in Evalueert de werkzaamheden tussen BG en PBG?")
    assert neither.type == COMPARE and len(neither.items) > 2  # neither profile has that title: the whole comparison
    statement = only(library, searcher, "Mijn student evalueert de werkzaamheden elke week. Wat is het verschil "
                                        "tussen PMK en GPM 2015?")
    assert len(statement.items) > 2  # the title's words in a sentence of the asker's are no title
    titled = only(library, searcher, "Which units of MZ 2015 have titles containing begeleiding?")
    assert titled.type == LIST and not titled.intent.sbb and 0 < len(titled.items) < 20, titled.read_as


def test_english_for_a_level_3_profile_says_it_is_for_level_4_only(library, searcher):
    reply = only(library, searcher, "welk niveau Engels moet een PMK 2015 halen?")
    assert reply.hits[0].best_sentence.startswith("Engels (alleen voor niveau 4)")
    assert "B1" not in reply.hits[0].best_sentence
