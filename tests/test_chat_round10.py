"""The chat on the tenth round's questions (issue 14), from a practice trainer in disability care, a BOL student
with a portfolio, a policy adviser and an SBB adviser: what a student must "cover", a role with its level in
brackets, "hoe verhouden … zich", the wanted level of a competence, what applies to a kind of programme, plurals
in -heden, hyphenated English words and "the KDs". On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask

from assistant.evidence import known
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.reply_text import render
from assistant.target_level import asks_target_level, marked_levels, wanted_mark


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
    assert all(h.chunk.competence == "Klantgerichtheid" for h in reply.hits)


def test_a_level_asked_by_number_is_still_looked_up(library, searcher):
    reply = ask(library, searcher, "wat is niveau 2 van klantgerichtheid?")[0].reply
    assert reply.type == LOOKUP and reply.hits[0].chunk.competence == "Klantgerichtheid"
    assert not asks_target_level("wat is niveau 2 van klantgerichtheid?")


def test_the_wanted_level_comes_from_the_legend_and_the_marked_level(library):
    mark, legend = wanted_mark(library.chunks)
    assert mark == "donkergroen" and legend.startswith("Donkergroen")
    assert marked_levels(library.chunks, "Klantgerichtheid", mark) == ()
    assert marked_levels(library.chunks, "Coachen", "lichtgroen") == (1,)  # the one level the text marks


@pytest.mark.parametrize("question, lang", [
    ("Welk referentieniveau Nederlandse taal geldt voor de niveau 4-opleidingen in de 2015-dossiers?", "nl"),
    ("Which Dutch-language reference level applies to the level-4 profiles of the 2015 Maatschappelijke Zorg "
     "file?", "en"),
])
def test_what_applies_to_a_kind_of_programme_is_a_lookup_not_their_list(library, searcher, question, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LOOKUP and reply.lang == lang, (reply.type, reply.problem, reply.details)
    assert any(h.chunk.title == "Generieke onderdelen" for h in reply.hits)


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
