"""The chat on the twenty-ninth round's findings (issue 14), from a BBL student in disability care and a school
librarian (tune42a), a parent and an English-speaking UX researcher typing fragments (tune42b), a home-care training
coordinator and a Polish care worker (tune43a), and an exam-setting teacher and a Spanish exchange student (tune43b):
"volgens het kd bij …"; what an addition adds; a follow-up that compares with one other programme; an English SBB
name's two halves; everyday English words in short fragments; "vragen om"; "zie je … terug"; "3 vs 4"; a
programme's level in a fragment; "specifiek voor dat beroep"; "taaleis Nederlands"; "and level 5?" after two levels;
the "normal basic part"; fragments "work processes involving …". On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, only, refs
from test_chat_round28 import all_of, types

from assistant.dialogue import message_language
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE

MZ = "Maatschappelijke Zorg"


def test_a_preposition_after_het_kd_names_no_dossier(library, searcher):
    """"volgens het kd bij coördinerende taken": what the dossier says about a topic, not a dossier "bij …"."""
    for question in ("Wat doet een coördinator sport, bewegen en gezondheid volgens het kd bij coördinerende taken?",
                     "wat doet de thuisbegeleider volgens het kd bij crisissituaties?"):
        reply = only(library, searcher, question)
        assert reply.type == LOOKUP and reply.problem is None, (question, reply.read_as)
    # a name given as a dossier's is still read as one
    reply = only(library, searcher, "welke werkprocessen van het KD Verzorgende-IG gaan over wonden?")
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope"


def test_what_an_addition_adds_to_a_unit_is_compared_with_the_basisdeel(library, searcher):
    reply = only(library, searcher, "wonen en huishouden B1-K1-W3: wat staat er extra in de aanvulling voor "
                                    "begeleider gehandicaptenzorg?")
    assert reply.type == COMPARE, reply.read_as
    assert {i.chunk.variant for i in reply.items} == {"aanvulling", None}
    assert {i.chunk.code for i in reply.items} == {"B1-K1-W3"}


def test_a_follow_up_compared_with_one_other_programme_compares_both(library, searcher):
    for first, second in (("Welke werkprocessen heeft de thuisbegeleider?",
                           "en vergeleken met de begeleider gehandicaptenzorg?"),
                          ("Welke werkprocessen heeft de persoonlijk begeleider gehandicaptenzorg?",
                           "en wat moet ik dan extra kunnen vergeleken met de begeleider gehandicaptenzorg?"),
                          ("sbu van de thuisbegeleider?", "en tov de helpende?")):
        _, then = ask(library, searcher, first, second)
        assert then.reply.type == COMPARE and len(then.reply.sides) == 2, (second, then.reply.read_as)


def test_my_level_3_profile_is_the_same_dossiers_profile_at_that_level(library, searcher):
    """The profile at the level named, of the dossier just asked; of two, the one sharing most name words."""
    _, then = ask(library, searcher, "Welke werkprocessen heeft de persoonlijk begeleider gehandicaptenzorg?",
                  "en wat moet ik dan extra kunnen vergeleken met mijn niveau 3 profiel?")
    assert then.reply.type == COMPARE
    assert then.reply.sides[1].startswith("Begeleider gehandicaptenzorg"), then.reply.sides
    _, then = ask(library, searcher, "welke werkprocessen heeft de GPM in 2015?", "wat is het verschil met niveau 3?")
    assert then.reply.type == COMPARE
    assert then.reply.sides[1].startswith("Pedagogisch medewerker kinderopvang"), then.reply.sides
    # after a competence level, a level is still that competence's
    _, then = ask(library, searcher, "Klantgerichtheid niveau 2", "wat is het verschil met niveau 3?")
    assert then.reply.type == COMPARE and "Klantgerichtheid" in then.reply.read_as


def test_working_together_alone_is_a_theme_as_samenwerken_is(library, searcher):
    """An English SBB name of a two-word Dutch title needs both halves, as the Dutch title does."""
    found = types(library, searcher,
                  "In the 2021 files, which work processes are about working together with other professionals?",
                  "which work processes are about working together?", "welke werkprocessen gaan over samenwerken?")
    assert all_of(LIST, found), found
    found = types(library, searcher, "which work processes need collaborating and consulting?",
                  "how do I show working together at my placement?", "hoe laat ik samenwerken zien op stage?")
    assert all_of(COMPETENCE, found), found


def test_everyday_english_words_in_a_fragment_show_its_language(library):
    for text, lang in (("first aid pw 2015", "en"), ("profiles MZ", "en"), ("dropout rate social work mbo", "en"),
                       ("SBB competences GPM 2021", "en"), ("Integriteit level 3 Sociaalwerker B", "en"),
                       ("kerntaken maatschappelijke zorg", "nl"), ("stagiair taken", "nl"),
                       ("crebo thuisbegeleider", "nl")):
        assert message_language(text, None, library) == lang, text


def test_what_units_ask_for_is_a_theme_in_the_scope(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen van de GPM (2015) vragen om rapporteren of verslaglegging?")
    assert reply.type == LIST and reply.intent.mode == WHERE, reply.read_as
    assert "vragen" not in reply.intent.topic
    assert 0 < len(reply.items) < 10
    # a competence asked for stays one
    reply = only(library, searcher, "welke werkprocessen van de thuisbegeleider vragen om klantgerichtheid?")
    assert reply.type == COMPETENCE


def test_waar_zie_je_dat_terug_asks_where_it_shows(library, searcher):
    first, second = ask(library, searcher, "Klantgerichtheid, waar zie je dat terug bij helpende zorg en welzijn?",
                        "en bij medewerker sport en recreatie?")
    assert first.reply.type == COMPETENCE and second.reply.type == COMPETENCE
    assert {i.chunk.profile for i in second.reply.items} <= {"Medewerker sport en recreatie", None}
    reply = only(library, searcher, "waar zie je hygiëne terug in PW 2015?")
    assert reply.type == LIST and reply.intent.topic == "hygiëne"


def test_two_levels_written_with_vs_are_compared(library, searcher):
    found = types(library, searcher, "kwaliteitsgericht 3 vs 4", "coachen 1 versus 2")
    assert all_of(COMPARE, found), found


def test_the_level_word_beside_a_name_asks_the_programmes_level(library, searcher):
    reply = only(library, searcher, "level thuisbegeleider")
    assert reply.type == LOOKUP and reply.details[:1] == ("niveau",), reply.read_as
    # the 2020 extract states no level: said so
    reply = only(library, searcher, "niveau sociaal werk 2020")
    assert reply.type == NOT_FOUND and reply.problem == "no_fact"
    # a competence's level is not a programme's
    assert only(library, searcher, "coachen niveau").details[:1] != ("niveau",)


def test_how_many_years_in_the_new_dossier_is_the_programmes_length(library, searcher):
    reply = only(library, searcher, "hoe lang duurt onderwijsassistent in het nieuwe dossier van 2021, hoeveel jaar?")
    assert reply.type == NOT_FOUND and reply.problem == "no_fact", reply.read_as
    reply = only(library, searcher, "hoe lang duurt de stage bij de PMK?")
    assert reply.problem != "no_fact"


def test_what_is_specific_to_that_profile_is_its_profile_part(library, searcher):
    for second in ("en alleen wat specifiek voor dat beroep is, dus niet wat iedereen doet?",
                   "only the ones specific to that profile"):
        first, then = ask(library, searcher, "welke werkprocessen horen bij sociaal-cultureel werker", second)
        assert then.reply.type == LIST and then.reply.intent.mode == TREE, (second, then.reply.read_as)
        assert 0 < len(then.reply.items) < len(first.reply.items)
        assert all(i.part == "profiel" for i in then.reply.items)
    _, then = ask(library, searcher, "whats the crebo number for Thuisbegeleider?",
                  "which work processes are specific to that profile, so not the shared part?")
    assert then.reply.type == LIST and all(i.chunk.profile == "Thuisbegeleider" for i in then.reply.items)


def test_a_programmes_level_asked_after_another_question_is_its_own(library, searcher):
    _, then = ask(library, searcher, "As Erasmus student, what are the admission requirements to enter the Sociaal "
                                     "werk opleiding?", "ok. and which level has Sociaal-cultureel werker?")
    assert then.reply.type == LOOKUP and then.reply.details[:1] == ("niveau",), then.reply.read_as
    assert "4" in " ".join(then.reply.details)


def test_a_dutch_language_requirement_the_extract_lacks_is_said_so(library, searcher):
    reply = only(library, searcher, "Welke taaleis Nederlands (referentieniveau) geldt voor de Gespecialiseerd "
                                    "Pedagogisch Medewerker 2021?")
    assert reply.type == NOT_FOUND, reply.read_as
    assert only(library, searcher, "Welke taaleis Engels geldt voor de OA 2015?").type == LOOKUP


def test_level_5_after_two_levels_compared_is_beyond_the_scale(library, searcher):
    _, then = ask(library, searcher, "Plannen en organiseren: what is the difference between level 1 and level 4?",
                  "and level 5?")
    assert then.reply.type == NOT_FOUND and "Plannen en organiseren" in then.question


def test_the_normal_basic_part_is_the_basisdeel(library, searcher):
    reply = only(library, searcher, "B1-K1-W2 of Maatschappelijke Zorg: what is different for the Thuisbegeleider "
                                    "compared to the normal basic part?")
    assert reply.type == COMPARE and {i.chunk.variant for i in reply.items} == {"aanvulling", None}


def test_a_fragment_of_units_and_a_theme_is_a_where_list(library, searcher):
    questions = ("work processes involving safety", "work processes dealing with safety",
                 "work processes related to safety", "work processes covering safety",
                 "werkprocessen waarbij veiligheid een rol speelt")
    replies = {q: only(library, searcher, q) for q in questions}
    assert all(r.type == LIST and r.intent.mode == WHERE for r in replies.values()), {
        q: r.read_as for q, r in replies.items()}
    assert {r.intent.topic for r in replies.values()} <= {"safety", "veiligheid"}
    assert refs(replies["work processes involving safety"]) == refs(replies["work processes dealing with safety"])
    # a theme word that is a verb of its own stays ("about involving clients in decisions")
    reply = only(library, searcher, "which work processes are about involving clients in decisions?")
    assert "involving" in reply.intent.topic


def test_a_fact_of_both_after_a_comparison_is_still_a_comparison(library, searcher):
    _, then = ask(library, searcher, "Wat is het verschil in niveau en sbu tussen Begeleider gehandicaptenzorg en "
                                     "Persoonlijk begeleider gehandicaptenzorg?", "and the crebo numbers of both?")
    assert then.reply.type == COMPARE
    assert any(row.startswith("crebo|25475|25477") for row in then.reply.details), then.reply.details


def test_units_that_mention_a_theme_in_passing_are_named_apart_beside_enough_core_units(library, searcher):
    """A where-list of PASSING_APART core units or more lists those; the units that name the theme only in passing
    are named under it (and in the JSON's ``passing``), not counted in it."""
    from assistant.replies import PASSING_APART, ZIJDELINGS
    from assistant.reply_text import render

    reply = only(library, searcher, "Where do work processes about observing children or clients come up?")
    assert reply.type == LIST and len(reply.items) >= PASSING_APART and reply.passing
    assert all(i.note != ZIJDELINGS for i in reply.items) and all(i.note == ZIJDELINGS for i in reply.passing)
    assert not refs(reply) & {i.ref for i in reply.passing}
    text = render(reply, details=False)
    assert f"**{len(reply.items)} work processes**" in text and "Mentioned in passing in" in text
    assert [p["code"] for p in reply.as_json()["passing"]] == [i.chunk.code for i in reply.passing]
    for question in ("waar komt hygiëne voor?", "waar komt privacy voor?", "where does first aid come up?"):
        reply = only(library, searcher, question)
        assert not reply.passing or len(reply.items) >= PASSING_APART, question
