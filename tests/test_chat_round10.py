"""The chat on the tenth round's questions (issue 14), from a practice trainer in disability care, a BOL student
with a portfolio, a policy adviser and an SBB adviser: what a student must "cover", a role with its level in
brackets, "hoe verhouden … zich", the wanted level of a competence, what applies to a kind of programme, plurals
in -heden, hyphenated English words and "the KDs". On the real bundled corpus."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import ask

from assistant.evidence import known
from assistant.glossary import spans
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.reply_text import render
from assistant.target_level import asks_target_level, target_level


def test_what_i_have_to_cover_is_the_profiles_list_not_a_theme(library, searcher):
    reply = ask(library, searcher, "I'm a BOL student onderwijsassistent on the 2015 qualification. Which work "
                                   "processes do I have to cover in my portfolio?")[0].reply
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 19, reply.read_as
    theme = ask(library, searcher, "Which work processes of the onderwijsassistent 2015 cover safety?")[0].reply
    assert theme.type == LIST and theme.intent.mode == WHERE and 0 < len(theme.items) < 19


@pytest.mark.parametrize("question", ["Which work processes does the mbo Verpleegkundige (level 4) have?",
                                      "Which work processes does the mbo astronaut level 4 have?"])
def test_a_role_with_its_level_after_it_is_still_an_unknown_role(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope" and reply.lang == "en"


def test_hoe_verhouden_zich_compares(library, searcher):
    reply = ask(library, searcher, "Hoe verhouden helpende zorg en welzijn en begeleider gehandicaptenzorg zich qua "
                                   "niveau, studielast en soort opleiding?")[0].reply
    assert reply.type == COMPARE and reply.lang == "nl"
    text = render(reply)
    assert "3200" in text and "4800" in text


def test_behaviour_indicators_of_a_competence_the_profile_lacks(library, searcher):
    reply = ask(library, searcher, "What are the behaviour indicators for Samenwerken in the Sociaalwerker B "
                                   "competency profile?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_competence" and reply.details[0] == "samenwerken"


@pytest.mark.parametrize("question, lang", [
    ("Welk niveau klantgerichtheid is gewenst voor een sociaalwerker B?", "nl"),
    ("Op welk niveau moet een sociaalwerker B klantgerichtheid beheersen?", "nl"),
    ("Which level of customer focus is required for a Sociaalwerker B?", "en"),
])
def test_the_wanted_level_of_a_competence_is_not_marked_in_the_text(library, searcher, question, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "no_target_level" and reply.lang == lang
    assert reply.details[0] == "Klantgerichtheid" and "Donkergroen" in reply.details[1]
    assert "Sociaalwerker B" in render(reply)
    assert all(h.chunk.competence == "Klantgerichtheid" for h in reply.hits)


def test_a_level_asked_by_number_is_still_looked_up(library, searcher):
    reply = ask(library, searcher, "wat is niveau 2 van klantgerichtheid?")[0].reply
    assert reply.type == LOOKUP and reply.hits[0].chunk.competence == "Klantgerichtheid"
    assert not asks_target_level("wat is niveau 2 van klantgerichtheid?")


def test_the_wanted_level_comes_from_the_legend_and_the_marked_level(library):
    found = target_level(library.chunks, "Klantgerichtheid")
    assert found.profile == "Sociaalwerker B" and found.legend.startswith("Donkergroen") and found.levels == ()
    marked = tuple(replace(c, text=c.text + " (donkergroen)") if c.competence == "Klantgerichtheid" and c.level == 3
                   else c for c in library.chunks)  # a profile whose text kept the colour of the wanted level
    assert target_level(marked, "Klantgerichtheid").levels == (3,)
    assert target_level(library.chunks, "Samenwerken") is None  # no such competence


def test_the_wanted_level_of_a_profile_of_a_dossier_is_no_competency_profile_question(library, searcher):
    reply = ask(library, searcher, "Which level of customer focus should an onderwijsassistent have?")[0].reply
    assert reply.problem != "no_target_level"


@pytest.mark.parametrize("question, lang", [
    ("Welk referentieniveau Nederlandse taal geldt voor de niveau 4-opleidingen in de 2015-dossiers?", "nl"),
    ("Welk niveau Nederlands geldt voor de niveau 4-opleidingen?", "nl"),
    ("Which level of Dutch applies to the level-4 programmes?", "en"),
    ("Which Dutch-language reference level applies to the level-4 profiles of the 2015 Maatschappelijke Zorg "
     "file?", "en"),
])
def test_what_applies_to_a_kind_of_programme_is_a_lookup_not_their_list(library, searcher, question, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LOOKUP and reply.lang == lang, (reply.type, reply.problem, reply.details)
    assert reply.hits[0].chunk.title == "Generieke onderdelen" and "3F" in reply.hits[0].chunk.text


def test_which_of_those_apply_to_a_profile_still_narrows_the_list(library, searcher):
    first, second = ask(library, searcher, "Where does aggression (agressie) come up in the dossiers?",
                        "which of those apply to the onderwijsassistent?")
    assert second.reply.type == LIST and 0 < len(second.reply.items) < len(first.reply.items)


def test_a_theme_in_a_heid_plural_finds_its_units(library, searcher):
    reply = ask(library, searcher, "In welke werkprocessen komen de interactievaardigheden terug?")[0].reply
    assert reply.type == LIST and len(reply.items) == 16
    assert all("interactievaardigheden" in (i.chunk.passage or i.chunk.text).lower() for i in reply.items)


def test_hyphenated_english_words_are_known_by_their_parts(library, searcher):
    assert known("dutch-language", library.vocab, "en") and known("foreign-language", library.vocab, "en")
    assert not known("drone-operation", library.vocab, "en")  # a cognate part ("droge") is no evidence
    reply = ask(library, searcher, "What foreign-language requirement applies to the Medewerker sport en "
                                   "recreatie?")[0].reply
    assert reply.type == LOOKUP and reply.hits[0].chunk.title == "Beroepsspecifieke moderne vreemde talen"
    assert "A2" in reply.hits[0].chunk.text


def test_the_kds_are_no_topic(library, searcher):
    reply = ask(library, searcher, "Which work processes in the KDs link to ondernemerschap?")[0].reply
    assert reply.type == COMPETENCE and len(reply.items) == 2
    listed = ask(library, searcher, "welke werkprocessen in de kd's gaan over pesten?")[0].reply
    assert listed.type == LIST and "kd" not in listed.intent.topic and listed.intent.topic == "pesten"


@pytest.mark.parametrize("text, dutch", [
    ("foreign-language", "moderne vreemde taal"), ("Foreign\nLanguage", "moderne vreemde taal"),
    ("after-school-care", "buitenschoolse opvang"), ("after school care", "buitenschoolse opvang"),
    ("well being", "welbevinden welzijn"), ("non-verbal", "non-verbale non-verbaal"),
])
def test_glossary_phrases_match_with_their_words_apart_or_hyphenated(text, dutch):
    assert [d for _, _, d in spans(text)] == [dutch]


def test_what_the_asker_must_cover_is_the_list_and_what_units_cover_a_theme(library, searcher):
    own = ask(library, searcher, "which work processes must I cover as helpende zorg en welzijn?")[0].reply
    assert own.type == LIST and own.intent.mode == TREE and len(own.items) == 12
    theme = ask(library, searcher, "Which work processes of the helpende should cover hygiene?")[0].reply
    assert not (theme.type == LIST and len(theme.items) == 12)  # hygiene is asked, not the whole list


def test_the_programmes_to_move_on_to_are_the_doorstroom_text_not_a_list_of_profiles(library, searcher):
    _, onward = ask(library, searcher, "welke werkprocessen heeft de helpende zorg en welzijn?",
                    "welke opleidingen kan ik daarna doen?")
    assert onward.reply.type == LOOKUP and onward.reply.hits, onward.reply.read_as
    assert onward.reply.hits[0].chunk.title.startswith("Ontwikkelmogelijkheden")
    alone = ask(library, searcher, "After finishing Helpende Zorg en Welzijn, which programmes can I move on to?")[0]
    assert alone.reply.type == LOOKUP  # not "nothing about after, finishing, move": the doorstroom text is there
    assert any(h.chunk.title.startswith("Ontwikkelmogelijkheden") for h in alone.reply.hits[:3])
    activity = ask(library, searcher, "Which work processes deal with activity programmes?")[0].reply
    assert activity.type == LIST and activity.intent.mode == WHERE and len(activity.items) >= 10  # a theme word


def test_where_a_step_is_part_of_the_work_process_is_a_list(library, searcher):
    reply = ask(library, searcher, "Where is writing an evaluatieverslag part of the work process?")[0].reply
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.items
    assert all("evaluatieverslag" in (i.chunk.passage or i.chunk.text).lower() for i in reply.items)


def test_two_word_profile_titles_have_their_initials_as_a_short_name(library, searcher):
    reply = ask(library, searcher, "welke werkprocessen heeft de BG?")[0].reply
    assert reply.type == LIST and {i.chunk.profile for i in reply.items} >= {"Begeleider gehandicaptenzorg"}
    assert "bg" in library.catalogue.scopes and "en" not in library.catalogue.scopes


@pytest.mark.parametrize("question", ["Welke studieduur geldt voor de profielen van MZ?",
                                      "Welke niveaus gelden voor de profielen van MZ?",
                                      "Welke studielast geldt voor de profielen van Maatschappelijke Zorg?"])
def test_what_the_rows_of_a_profile_list_show_still_gives_the_profiles(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type != NOT_FOUND and ("6400" in render(reply) or len(reply.items) == 6), (reply.type, reply.read_as)


@pytest.mark.parametrize("question, profiles", [
    ("What programmes does MZ have?", 6), ("Which programmes does DV offer?", 3),
    ("what programmes are there at level 2?", 3),
])
def test_programmes_asked_as_such_are_the_profiles(library, searcher, question, profiles):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.kind == "profiel" and len(reply.items) == profiles


@pytest.mark.parametrize("question", ["What programmes are there for working with children?",
                                      "Which exercise programmes does the sport coordinator design?",
                                      "Which programmes are offered by the Onderwijsassistent?"])
def test_programmes_of_activities_are_no_list_of_profiles(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert not (reply.type == LIST and reply.intent.kind == "profiel"), reply.read_as


def test_he_or_she_is_no_role_name(library, searcher):
    reply = ask(library, searcher, "which work processes does she have to cover as OA?")[0].reply
    assert reply.type == LIST and reply.problem is None


def test_the_wanted_level_reply_shows_every_level_in_order(library, searcher):
    reply = ask(library, searcher, "Welk niveau klantgerichtheid is gewenst voor een sociaalwerker B?")[0].reply
    assert [h.chunk.level for h in reply.hits] == [1, 2, 3, 4]
    assert render(reply).count("Klantgerichtheid niveau") >= 4


@pytest.mark.parametrize("question", ["Hoe wordt Probleemoplossend vermogen omschreven in het competentieprofiel?",
                                      "How is Coachen described in the competency profile?"])
def test_how_a_competence_is_described_is_its_text(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LOOKUP and reply.hits[0].chunk.competence in ("Probleemoplossend vermogen", "Coachen")


def test_the_wanted_level_asked_of_a_role_by_the_competency_profile(library, searcher):
    reply = ask(library, searcher, "Welk niveau Resultaatgericht moet een mbo-4 sociaal werker volgens het "
                                   "competentieprofiel hebben?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "no_target_level" and reply.details[0] == "Resultaatgericht"


@pytest.mark.parametrize("question", [
    "What criteria must a company meet to be accredited as a work placement company (erkend leerbedrijf)?",
    "aan welke eisen moet een erkend leerbedrijf voldoen?"])
def test_the_accreditation_of_placement_companies_is_no_fact_of_a_dossier(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == "accreditation"
    tasks = ask(library, searcher, "welke werkprocessen moet een leerbedrijf kunnen bieden voor de thuisbegeleider?")
    assert tasks[0].reply.type == LIST and len(tasks[0].reply.items) == 21
    wants = ask(library, searcher, "Een zorgaanbieder wil erkend leerbedrijf worden voor de thuisbegeleider. Welke "
                                   "werkprocessen moet de stageplek kunnen bieden?")[0].reply
    assert wants.type == LIST and len(wants.items) == 21  # the work it must offer, not the accreditation rules
