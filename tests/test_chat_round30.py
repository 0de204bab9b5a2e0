"""The chat on the thirtieth round's findings (issue 14), from a youth-care worker turned teacher and a Ukrainian
social worker (tune44a) and a municipal Wmo consultant and a partner of a PW student (tune45a): a theme word whose
doer the sources name (*mantelzorg*, *mantelzorgers*); "the ones special for this profile, not the basis part";
"the GGZ profile"; a profile named by its title without the shared first word ("heeft sport en recreatie");
"kan een student dat laten zien" after a competence level; a dossier that frames the question; "wat zegt X over
Y"; the asker's situation before the question; a comparison with a version that does not exist; level 5 asked in
words; "graag per dossier gesorteerd"; the definition of a competence "in the profile of competences"; credits,
staffing ratios and exam plans; "zet X naast Y". On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, assert_not_found, only, refs

from assistant.conversation import profile_word_names
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.themes.words import agent_nouns


def test_a_theme_word_matches_the_nouns_for_its_doers(library, searcher):
    """*mantelzorg* is nowhere in the sources, *mantelzorgers* is: the where-list finds the unit, no passages of
    unrelated text."""
    for question in ("waar komt mantelzorg voor?",
                     "Waar in de kwalificatiedossiers wordt mantelzorg genoemd? Wij werken veel met mantelzorgers."):
        reply = only(library, searcher, question)
        assert reply.type == LIST and reply.intent.mode == WHERE, (question, reply.read_as)
        assert any(r.endswith("|B1-K1-W5|") and "sociaal-werk" in r for r in refs(reply)), refs(reply)
        assert all("mantelzorger" in (i.chunk.passage or i.chunk.text).lower() for i in reply.items)


def test_agent_nouns_are_only_made_of_long_words_ending_in_a_consonant():
    assert agent_nouns("mantelzorg") == {"mantelzorger", "mantelzorgers"}
    assert agent_nouns("zorg") == frozenset()  # too short: *zorger* is no word
    assert agent_nouns("werken") == frozenset() and agent_nouns("ruimte") == frozenset()


def test_the_ones_special_for_this_profile_are_its_profile_part(library, searcher):
    first = "Which work processes has Sociaal-maatschappelijk dienstverlener?"
    whole = only(library, searcher, first)
    for follow_up in ("only the ones special for this profile please, not the basis part",
                      "only the ones without the basis part"):
        _, then = ask(library, searcher, first, follow_up)
        reply = then.reply
        assert reply.type == LIST and reply.intent.mode == TREE, (follow_up, reply.read_as)
        assert reply.items and all(i.chunk.profile == "Sociaal-maatschappelijk dienstverlener"
                                   and i.chunk.variant is None for i in reply.items), follow_up
        assert len(reply.items) < len(whole.items)
    # the additions special for a profile stay its additions, not its profile part
    _, then = ask(library, searcher, "Welke werkprocessen heeft de begeleider specifieke doelgroepen?",
                  "alleen de aanvullingen speciaal voor dat profiel")
    assert then.reply.items and all(i.chunk.variant == "aanvulling" for i in then.reply.items), then.reply.read_as


def test_a_profile_named_by_the_last_word_of_its_title_beside_profiel(library, searcher):
    for question in ("The one for the GGZ profile, which work processes are in it?",
                     "welke werkprocessen heeft het ggz-profiel?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and {e.profile for e in reply.intent.scopes} == {"Agogisch medewerker GGZ"}, (
            question, reply.read_as)
    # alone the word is a theme, and a word inside another title's word (*werker* in *medewerker*) names nothing
    reply = only(library, searcher, "waar komt ggz voor?")
    assert reply.type == LIST and reply.intent.mode == WHERE and not reply.intent.scopes
    names = profile_word_names(["sociaal-cultureel werker", "medewerker sport en recreatie",
                                "agogisch medewerker ggz"], ["sociaal werk"])
    assert names["ggz profile"] == "agogisch medewerker ggz" and names["recreatie-profiel"]
    assert not any(alias.startswith("werker") for alias in names)
    reply = only(library, searcher, "vergelijk het recreatie profiel met het facilitaire profiel")
    assert reply.type == COMPARE and {s.split(" (")[0] for s in reply.sides} == {
        "Medewerker sport en recreatie", "Medewerker facilitaire dienstverlening"}, reply.sides


def test_a_profile_owner_named_without_its_shared_first_word(library, searcher):
    reply = only(library, searcher, "welke werkprocessen heeft sport en recreatie?")
    assert reply.type == LIST and {e.profile for e in reply.intent.scopes} == {"Medewerker sport en recreatie"}
    assert reply.items
    # a name no title ends with stays unknown, and so does the end of two titles (*Persoonlijk begeleider specifieke
    # doelgroepen* beside *Begeleider specifieke doelgroepen*)
    reply = only(library, searcher, "welke werkprocessen heeft de kapper?")
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope"
    assert only(library, searcher, "welke werkprocessen heeft specifieke doelgroepen?").type == NOT_FOUND


def test_showing_that_after_a_competence_level_asks_its_werkprocessen(library, searcher):
    _, then = ask(library, searcher,
                  "Hoe ziet plannen en organiseren op niveau 3 eruit volgens het competentieprofiel?",
                  "Bij welke werkprocessen van de sociaal-cultureel werker kan een student dat laten zien?")
    reply = then.reply
    assert reply.type == COMPETENCE, reply.read_as
    assert reply.items and all(i.chunk.dossier == "Sociaal werk" for i in reply.items)
    assert "Plannen en organiseren" in reply.read_as
    _, then = ask(library, searcher, "wat is niveau 2 van samenwerken?",
                  "bij welke werkprocessen van de thuisbegeleider kan een student dit tonen?")
    assert then.reply.type == COMPETENCE and then.reply.items, then.reply.read_as


def test_a_dossier_that_frames_the_question_narrows_its_profiles(library, searcher):
    """"In Pedagogisch Werk, …onderwijsassistent": the OA profile of that dossier, not also the 2021 OA dossier;
    two profiles compared "in Pedagogisch Werk" are that dossier's."""
    reply = only(library, searcher, "In Pedagogisch Werk, what work processes does the onderwijsassistent have?")
    assert reply.type == LIST and reply.items
    assert {i.chunk.dossier for i in reply.items} == {"Pedagogisch Werk"}, reply.read_as
    reply = only(library, searcher, "What is the difference between the PMK and the GPM profile in Pedagogisch Werk?")
    assert reply.type == COMPARE and all("2021" not in side for side in reply.sides), reply.sides
    # one profile against everyone in the dossier still compares the two
    reply = only(library, searcher, "wat moet een OA extra doen tov iedereen in PW?")
    assert reply.type == COMPARE and reply.problem is None


def test_what_a_dossier_says_about_a_theme_is_a_search(library, searcher):
    reply = only(library, searcher, "Wat zegt het KD Sociaal werk over Welzijn Nieuwe Stijl?")
    assert reply.type == LOOKUP, reply.read_as
    assert "welzijn nieuwe stijl" in (reply.hits[0].chunk.text or "").lower(), [h.chunk.title for h in reply.hits]
    reply = only(library, searcher, "is er wat over pesten te vinden?")  # whether the sources hold it: where
    assert reply.type in (LIST, NOT_FOUND) and reply.intent.mode == WHERE


def test_the_askers_situation_before_the_question_is_no_unknown_theme(library, searcher):
    reply = only(library, searcher, "Als we begeleiders gehandicaptenzorg inhuren, welke bijzondere vereisten gelden "
                                    "er dan volgens het KD?")
    assert reply.type == LOOKUP, reply.read_as
    assert "Hepatitis B" in (reply.hits[0].chunk.text or ""), reply.hits[0].chunk.title
    reply = only(library, searcher, "Als ik een dolfijn verzorg, welke werkprocessen horen daarbij?")
    assert reply.type == NOT_FOUND


def test_a_comparison_with_a_version_that_does_not_exist_is_not_found(library, searcher):
    assert_not_found(library, searcher, ("What changed in Sociaal Werk between the 2020 version and the 2024 version?",
                                         "wat is er veranderd in sociaal werk tussen 2020 en 2024?"), "unknown_version")
    assert only(library, searcher, "wat is er veranderd in sociaal werk tussen 2020 en 2024?").details[0] == "2024"
    assert only(library, searcher, "vergelijk sociaal werk 2015 en 2020").type == COMPARE


def test_a_first_question_that_ends_pointing_at_its_own_theme(library, searcher):
    reply = only(library, searcher, "waar komt sociale media voor in de werkprocessen en bij welke profielen is dat")
    assert reply.type == LIST and reply.items, reply.read_as
    # a reference that names a thing of an earlier message still asks which one
    for question in ("My friend studies Verzorgende-IG. Which work processes does that programme have?",
                     "The competence profile lists the specialisation Jongerenwerk. Which work processes belong to "
                     "this specialisation?"):
        reply = only(library, searcher, question)
        assert reply.type == NOT_FOUND and reply.problem == "no_referent", question


def test_level_5_asked_in_words_after_two_levels_is_beyond_the_scale(library, searcher):
    *_, then = ask(library, searcher, "In the competentieprofiel Sociaalwerker B, what is described at level 3 of "
                                      "Plannen en organiseren?", "How does that differ from level 4?",
                   "And what does level 5 say?")
    assert then.reply.type == NOT_FOUND and "Plannen en organiseren" in then.reply.read_as, then.reply.read_as
    _, then = ask(library, searcher, "Klantgerichtheid niveau 2", "en wat zegt niveau 5?")
    assert then.reply.type == NOT_FOUND


def test_how_to_sort_the_answer_is_no_part_of_a_follow_up(library, searcher):
    *_, then = ask(library, searcher, "Welke profielen zitten op niveau 2?", "en niveau 3?",
                   "En welke zijn niveau 4? Graag per dossier gesorteerd")
    assert then.reply.type == LIST and then.reply.items, then.reply.read_as
    assert "4" in then.reply.read_as


def test_the_profile_of_competences_is_the_competency_profile(library, searcher):
    reply = only(library, searcher, "Which is the definition of Klantgerichtheid in the profile of competences?")
    assert reply.type == LOOKUP, reply.read_as


def test_credits_staffing_ratios_and_exam_plans_are_not_in_a_dossier(library, searcher):
    for question, kind in (("How many ECTS is the stage of Helpende Zorg en Welzijn? I need it for my learning "
                            "agreement", "credits"),
                           ("Hoeveel sociaal werkers heb je volgens de richtlijnen nodig per 10.000 inwoners?",
                            "staffing_norms"),
                           ("What does the examenplan for Thuisbegeleider look like, which exams do students do?",
                            "exam_rules")):
        reply = only(library, searcher, question)
        assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == kind, question
    # the werkprocessen an exam plan must cover are the dossier's
    assert only(library, searcher, "welke werkprocessen moeten in het examenplan van de OA?").type == LIST


def test_setting_one_next_to_another_compares_them(library, searcher):
    *_, then = ask(library, searcher, "Wat is het crebonummer van de begeleider gehandicaptenzorg?",
                   "en hoeveel sbu is die?",
                   "Zet dat eens naast de Begeleider specifieke doelgroepen, die zit ook in mijn klas. Niveau, crebo "
                   "en sbu")
    assert then.reply.type == COMPARE and len(then.reply.sides) == 2, then.reply.read_as
    assert only(library, searcher, "zet de PMK en de GPM naast elkaar").type == COMPARE


def test_a_profile_named_in_a_dossier_it_is_no_part_of_asks_which_is_meant(library, searcher):
    reply = only(library, searcher, "welke werkprocessen heeft de Thuisbegeleider in Pedagogisch Werk?")
    assert reply.problem == "conflict" and reply.details == ("Thuisbegeleider", "Pedagogisch Werk"), reply.details
    for question in ("welke werkprocessen heeft de thuisbegeleider in MZ?",  # its own dossier
                     "welke werkprocessen heeft de OA in Pedagogisch Werk?"):  # a profile there (and a 2021 dossier)
        reply = only(library, searcher, question)
        assert reply.type == LIST and reply.problem is None and reply.items, question
