"""The chat on the eighth round's questions (issue 14), from first-year students, their workplace supervisors and
curriculum designers: the study load (sbu) as a fact of a profile, "that profile" for the previous scope, a
follow-up that only names a new scope and year, "do students have to …", and "both years". On the real bundled
corpus."""

from __future__ import annotations

import pytest
from conftest import ask

from assistant.conversation import find_reference, names_programme
from assistant.intent import LIST, LOOKUP, NOT_FOUND, TREE, question_words, situation_words
from assistant.reply_text import render


@pytest.mark.parametrize("question, lang, value", [
    ("hoeveel sbu heeft de thuisbegeleider?", "nl", "6400"),
    ("What is the study load of the Onderwijsassistent in Pedagogisch Werk 2015?", "en", "4800"),
])
def test_the_study_load_is_a_fact_of_the_profile_read_from_its_text(library, searcher, question, lang, value):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LOOKUP and reply.details[0] == "sbu", (reply.type, reply.read_as)
    assert reply.lang == lang and any(value in line for line in reply.details[1:])
    assert value in render(reply)


@pytest.mark.parametrize("question, lang", [
    ("how many sbu is the 2021 GPM programme?", "en"),
    ("Hoeveel studiebelastingsuren heeft Sport & Bewegen 2021?", "nl"),
])
def test_a_study_load_the_extract_does_not_give_is_not_found(library, searcher, question, lang):
    """The 2020/21 extract gives no sbu: the answer says so, and gives no number of the 2015 dossiers."""
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "no_fact", (reply.type, reply.problem)
    assert reply.lang == lang and not any(n in render(reply) for n in ("4800", "6400"))


def test_two_facts_asked_together_are_both_answered(library, searcher):
    """"op welk niveau zit die opleiding en hoeveel sbu heeft hij?" after a question on the thuisbegeleider."""
    outcomes = ask(library, searcher, "thuisbegeleider crebo?",
                   "En op welk niveau zit die opleiding en hoeveel sbu heeft hij?")
    reply = outcomes[1].reply
    assert reply.type == LOOKUP and reply.details[0] == "niveau", (reply.type, reply.read_as)
    line = reply.details[1]
    assert "Thuisbegeleider" in line and ": niveau 4;" in line and "6400" in line


@pytest.mark.parametrize("message, programme", [
    ("Is a VOG required for that profile?", True),
    ("welke kerntaken heeft dat profiel?", True),
    ("op welk niveau zit die opleiding?", True),
    ("welke daarvan gaan over hygiëne?", False),
])
def test_that_profile_names_the_previous_scope_not_the_units_listed(message, programme):
    reference = find_reference(message)
    assert reference is not None and reference.kind == "scope"
    assert names_programme(reference) is programme


def test_that_profile_after_a_list_asks_about_the_profile(library, searcher):
    """"welke kerntaken heeft dat profiel?" after the thuisbegeleider's werkprocessen: its kerntaken, not the
    werkprocessen narrowed; a VOG question names the profile, not the word before "profile"."""
    outcomes = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                   "welke kerntaken heeft dat profiel?")
    reply = outcomes[1].reply
    assert reply.type == LIST and {i.chunk.kind for i in reply.items} == {"kerntaak"}, reply.read_as
    assert "Thuisbegeleider" in reply.read_as
    vog = ask(library, searcher, "thuisbegeleider crebo?", "Is a VOG required for that profile?")[1]
    assert vog.reply.type != NOT_FOUND and "thuisbegeleider" in vog.question.lower()


def test_a_follow_up_of_only_a_scope_and_a_year_keeps_the_list(library, searcher):
    """"and in the 2021 version of the PMK dossier?" holds nothing but names and filler: the same list there,
    however many words it takes."""
    outcomes = ask(library, searcher,
                   "ik loop stage op een kdv als pmk (kd 2015), welke werkprocessen moet ik allemaal laten zien?",
                   "and in the 2021 version of the PMK dossier?")
    first, second = (o.reply for o in outcomes)
    assert first.type == LIST and first.intent.mode == TREE
    assert second.type == LIST and second.lang == "en", (second.type, second.read_as)
    assert {i.chunk.version for i in second.items} == {"2021-08-01"}
    assert {i.chunk.dossier for i in second.items} == {"Pedagogisch Medewerker Kinderopvang"}


def test_do_students_have_to_names_no_profile(library, searcher):
    """"do students have to deal with medication": "students" is the asker's subject, not an unknown profile,
    and not a word of the topic; a real unknown owner still is one."""
    assert {"student", "students", "studenten"} <= situation_words()
    reply = ask(library, searcher, "In which work processes do students have to deal with medication?")[0].reply
    assert reply.type == LIST and reply.problem != "unknown_scope", (reply.type, reply.read_as)
    assert "students" not in reply.read_as and reply.items
    assert all("medic" in (i.chunk.passage or i.chunk.text).lower() for i in reply.items)
    astronaut = ask(library, searcher, "which work processes does the astronaut have?")[0].reply
    assert astronaut.type == NOT_FOUND and astronaut.problem == "unknown_scope"


def test_both_years_is_a_scope_not_a_reference(library, searcher):
    """"both years" asks for every version; with nothing asked before it is no reference to a pair."""
    assert find_reference("waar komt vve voor in beide jaren?") is None
    assert find_reference("which work processes refer to VVE? both years pls") is None
    assert find_reference("wat is het verschil tussen die twee?").kind == "pair"
    assert find_reference("compare both").kind == "pair"
    reply = ask(library, searcher, "which work processes refer to VVE? both years pls")[0].reply
    assert reply.type == LIST and reply.problem != "no_referent", (reply.type, reply.problem)
    assert {i.chunk.version[:4] for i in reply.items} == {"2015", "2021"}
    assert {"heb", "hebt", "pls", "refer"} <= question_words()


def test_a_long_profile_title_without_abbreviation_has_short_names(library):
    """Initials (*hzw*), and a first word no other title starts with and the corpus never inflects as an
    adjective (*helpende*, *helpende zw*); *gespecialiseerd* (beside *gespecialiseerde*) is no short name."""
    scopes = library.catalogue.scopes
    assert {e.profile for e in scopes["helpende"]} == {"Helpende Zorg en Welzijn"}
    assert {e.profile for e in scopes["helpende zw"]} == {"Helpende Zorg en Welzijn"}
    assert {e.profile for e in scopes["hzw"]} == {"Helpende Zorg en Welzijn"}
    assert {e.profile for e in scopes["pbg"]} == {"Persoonlijk begeleider gehandicaptenzorg"}
    assert "gespecialiseerd" not in scopes and "agogisch" not in scopes and "begeleider" not in scopes


@pytest.mark.parametrize("question", ["welke wp's heb ik als helpende zw?",
                                      "welke werkprocessen heb ik als helpende zorg en welzjin"])
def test_a_profile_by_its_short_name_or_a_typo_in_its_long_one(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.mode == TREE, (reply.type, reply.read_as)
    assert "Helpende Zorg en Welzijn" in reply.read_as and len(reply.items) == 12


def test_a_new_kind_and_scope_after_a_list_is_a_question_of_its_own(library, searcher):
    """"ok and which work processes does the helpende have?" after the profiles of Dienstverlening: the
    helpende's werkprocessen, not its profiles."""
    outcomes = ask(library, searcher, "what profiles are there in Dienstverlening?",
                   "ok and which work processes does the helpende have?")
    reply = outcomes[1].reply
    assert reply.type == LIST and {i.chunk.kind for i in reply.items} == {"werkproces"}, reply.read_as
    assert len(reply.items) == 12


@pytest.mark.parametrize("narrowing, coded", [("alleen de P-werkprocessen graag", "P"),
                                              ("alleen de B-werkprocessen", "B")])
def test_the_p_or_b_werkprocessen_narrow_a_profile_list_to_that_part(library, searcher, narrowing, coded):
    outcomes = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?", narrowing)
    first, second = (o.reply for o in outcomes)
    assert second.type == LIST and 0 < len(second.items) < len(first.items), second.read_as
    assert {i.chunk.code[0] for i in second.items} == {coded}


def test_what_a_quoted_werkproces_involves_is_that_unit(library, searcher):
    """A title quoted after "the work process" is one unit, even when the title itself holds "welke"."""
    reply = ask(library, searcher, "my placement is with a coördinator sport- en bewegingsagogie. what does the "
                                   "work process 'Stelt vast welke SB-activiteiten mogelijk zijn' involve?")[0].reply
    assert reply.type == LOOKUP and reply.lang == "en", (reply.type, reply.read_as)
    assert reply.hits[0].chunk.title.startswith("Stelt vast welke SB-activiteiten")


@pytest.mark.parametrize("question, lang", [
    ("helpende zorg en welzijn of medewerker sport en recreatie, wat doe je anders in het profieldeel?", "nl"),
    ("what does a thuisbegeleider do differently from a begeleider gehandicaptenzorg?", "en"),
])
def test_what_one_profile_does_differently_is_a_comparison_with_their_facts(library, searcher, question, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == "compare" and reply.lang == lang, (reply.type, reply.read_as)
    facts = {d.split("|")[0] for d in reply.details}
    assert {"niveau", "crebo"} <= facts
    if "thuisbegeleider" in question:
        assert "sbu|6400|4800" in reply.details


def test_one_level_after_a_comparison_phrased_with_from_is_a_lookup(library, searcher):
    """"and level 3?" after "how does level 1 differ from level 2?": that competence at level 3."""
    outcomes = ask(library, searcher, "In the competence profile, how does Plannen en organiseren level 1 differ "
                                      "from level 2?", "and level 3?")
    first, second = (o.reply for o in outcomes)
    assert first.type == "compare"
    assert second.type == LOOKUP and second.lang == "en", (second.type, second.read_as)
    assert "Plannen en organiseren" in (second.hits[0].chunk.competence or "")
    assert second.hits[0].chunk.level == 3


@pytest.mark.parametrize("question, lang", [
    ("Welke SBB-competenties horen bij de werkprocessen van de Onderwijsassistent 2021?", "nl"),
    ("Which SBB competences go with the work processes of Sociaal Werk 2020?", "en"),
])
def test_the_sbb_competences_of_a_scope_whose_texts_name_none_are_not_found(library, searcher, question, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "no_sbb" and reply.lang == lang, (reply.type, reply.problem)
    assert "2015" in render(reply)
    held = ask(library, searcher, "Welke SBB-competenties horen bij de werkprocessen van de Onderwijsassistent "
                                  "2015?")[0].reply
    assert held.type == LIST and held.items  # the 2015 dossier names them


def test_the_levels_of_a_competence_the_profile_lacks_are_unknown(library, searcher):
    reply = ask(library, searcher, "what are the levels of Samenwerken in the Sociaalwerker B competence "
                                   "profile?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_competence", (reply.type, reply.problem)
    assert reply.details[0] == "samenwerken" and "Klantgerichtheid" in reply.details


def test_a_theme_word_no_werkproces_holds_is_not_found_beside_a_common_one(library, searcher):
    """"clients with dementia": the werkprocessen hold "clients" (a third of the units) but none holds dementia,
    so the answer says no werkproces names it, instead of listing every unit about clients; a theme whose rare
    word the scope does hold still gives its list."""
    for question, lang in (("Which work processes deal with clients with dementia?", "en"),
                           ("welke werkprocessen gaan over cliënten met dementie?", "nl")):
        reply = ask(library, searcher, question)[0].reply
        assert reply.type == NOT_FOUND and reply.problem == "not_in_units", (reply.type, reply.problem)
        assert reply.lang == lang and reply.details == ({"en": "dementia", "nl": "dementie"}[lang],)
    held = ask(library, searcher, "In welke werkprocessen van Sociaal werk 2015 worden vrijwilligers "
                                  "genoemd?")[0].reply
    assert held.type == LIST and held.items


def test_a_student_torn_between_two_profiles_gets_them_compared_where_their_facts_are(library, searcher):
    """"twijfelt tussen PMK en OA. Welk niveau en welk crebonummer?": a comparison, in the version whose profiles
    give a level and crebo (2015), not the 2020/21 extract that gives none."""
    reply = ask(library, searcher, "Ik begeleid een leerling die twijfelt tussen pedagogisch medewerker "
                                   "kinderopvang en onderwijsassistent. Welk niveau en welk crebonummer hebben die "
                                   "twee?")[0].reply
    assert reply.type == "compare", (reply.type, reply.read_as)
    assert "niveau|3|4" in reply.details and "crebo|25486|25485" in reply.details


@pytest.mark.parametrize("question", [
    "Welke werkprocessen heten 'voert coördinerende taken uit' of iets vergelijkbaars? Zowel 2015 als 2021.",
    "Which work processes of Pedagogisch Werk 2015 relate to hygiene?",
])
def test_similar_and_relate_to_ask_for_a_list_not_a_comparison(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.items, (reply.type, reply.read_as)


def test_the_profile_specific_ones_or_the_p_part_narrow_to_the_profieldeel(library, searcher):
    outcomes = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                   "ok, only the profile-specific ones (the P part) please")
    reply = outcomes[1].reply
    assert reply.type == LIST and reply.lang == "en", (reply.type, reply.read_as)
    assert {i.chunk.code[0] for i in reply.items} == {"P"} and len(reply.items) == 7


@pytest.mark.parametrize("question, items", [
    ("Ik geef les bij de onderwijsassistent. Welke werkprocessen horen bij het profiel Onderwijsassistent in het "
     "KD Pedagogisch Werk 2015?", 19),
    ("Ik geef volgend blok les aan de opleiding Begeleider gehandicaptenzorg (niv 3). Welke werkprocessen heeft dat "
     "profiel allemaal? Ik wil een toetsmatrix maken.", 14),
])
def test_the_lessons_a_teacher_gives_are_no_theme_of_the_profiles_list(library, searcher, question, items):
    """"ik geef les bij …", "ik wil een toetsmatrix maken": the teacher's situation, so the whole profile."""
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == items, reply.read_as
    assert {"les", "toetsmatrix", "maken", "blok"} <= situation_words()
    assert {"zowel", "volgend"} <= question_words() and "opleiding" in situation_words()


def test_no_answerable_lookup_question_is_answered_not_found(library, searcher):
    """Every question of eval/questions.jsonl has judged relevant passages: none may come back not_found (a where
    question without "werkprocessen" is never cut by a word the werkprocessen lack, e.g. the Participatiewet)."""
    import json
    from pathlib import Path

    lines = (Path(__file__).resolve().parents[1] / "eval" / "questions.jsonl").read_text(encoding="utf-8")
    questions = [json.loads(line) for line in lines.splitlines() if line.strip()]
    assert len(questions) >= 190 and all(q["relevant"] for q in questions)
    wrong = [q["question"] for q in questions if ask(library, searcher, q["question"])[0].reply.type == NOT_FOUND]
    assert wrong == []


@pytest.mark.parametrize("question, lang, kind", [
    ("welke keuzedelen moet ik kiezen bij thuisbegeleider?", "nl", "electives"),
    ("Which keuzedelen are linked to the Thuisbegeleider profile?", "en", "electives"),
    ("What is the einde-instroom date for the Dienstverlening qualifications?", "en", "enrolment"),
])
def test_electives_and_a_hyphenated_einde_instroom_are_facts_no_dossier_states(library, searcher, question, lang,
                                                                                 kind):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact", (reply.type, reply.problem)
    assert reply.lang == lang and reply.details[1] == kind


@pytest.mark.parametrize("question", [
    "welke werkprocessen gaan over medicatie?",
    "which work processes deal with facility services?",
    "ik ga stage lopen bij een kinderdagverblijf, welke werkprocessen zijn belangrijk?",
])
def test_a_theme_the_werkprocessen_word_otherwise_is_not_called_absent(library, searcher, question):
    """*medicatie* stands as *medicijnen*, *facility* as *faciliteiten*/*facilitaire*: no not_in_units."""
    reply = ask(library, searcher, question)[0].reply
    assert reply.problem != "not_in_units", reply.details


@pytest.mark.parametrize("question, topic", [("welke werkprocessen gaan over studenten?", "studenten"),
                                             ("which work processes mention lessons?", "lessons"),
                                             ("welke werkprocessen van de OA gaan over lessen?", "lessen")])
def test_situation_words_asked_about_by_name_are_the_theme(library, searcher, question, topic):
    """A word of the asker's situation that the question asks about ("gaan over", "mention") is its theme: a
    where list, not every werkproces of every dossier."""
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.mode != TREE and topic in reply.read_as, reply.read_as
    assert 0 < len(reply.items) < 40


def test_comparable_between_two_profiles_compares_and_something_comparable_does_not(library, searcher):
    reply = ask(library, searcher, "welke werkprocessen zijn vergelijkbaar tussen de OA en de PMK?")[0].reply
    assert reply.type == "compare", (reply.type, reply.read_as)
    similar = ask(library, searcher, "Welke werkprocessen heten 'voert coördinerende taken uit' of iets "
                                     "vergelijkbaars?")[0].reply
    assert similar.type == LIST


def test_a_name_typed_right_is_not_corrected_to_a_longer_one(library):
    from assistant.spelling import correct_names

    for text in ("welke werkprocessen heeft de onderwijsassistent?", "what does a sociaal werker do?"):
        assert correct_names(text, library.catalogue, library.words).text == text


def test_only_the_ones_where_narrows_the_list_just_given(library, searcher):
    """"en alleen die waarbij ik klantgericht moet zijn?" after the helpende's werkprocessen: the competence's
    werkprocessen among those, not a new search."""
    outcomes = ask(library, searcher, "welke werkprocesen heb ik als helpende zorg en welzijn?",
                   "en alleen die waarbij ik klantgericht moet zijn?")
    first, second = (o.reply for o in outcomes)
    assert second.type == "competence" and second.items, (second.type, second.read_as)
    assert {i.ref for i in second.items} < {i.ref for i in first.items}


@pytest.mark.parametrize("question, items", [
    ("Ik zit in de studentenraad. Welke werkprocessen staan er in het nieuwe kd Sociaal Werk van 2020?", 8),
    ("Hi, I'm a guest teacher from Ireland. What are the work processes for the onderwijsassistent in 2015?", 19),
])
def test_a_sentence_introducing_the_asker_is_no_topic(library, searcher, question, items):
    """"Ik zit in de studentenraad." is about the asker: no word of it is looked for ("studentenraad" is in no
    source), while a name in it would still set the scope."""
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == items, reply.read_as


def test_i_am_looking_for_is_the_question_not_an_introduction(library, searcher):
    reply = ask(library, searcher, "I'm looking for every werkproces about supervising new colleagues, interns or "
                                   "volunteers (begeleiden van stagiaires). Which are there?")[0].reply
    assert reply.type == LIST and reply.items, (reply.type, reply.read_as)


def test_study_hours_and_a_follow_up_comparing_a_second_profile(library, searcher):
    """"How many study hours does PBG have?" is its sbu; "and the BG, how is that different in level and hours?"
    compares the two profiles (the name before the comma does not stop "that" pointing back)."""
    first, second = (o.reply for o in ask(
        library, searcher, "How many study hours does Persoonlijk begeleider gehandicaptenzorg have?",
        "and the Begeleider gehandicaptenzorg, how is that different in level and hours?"))
    assert first.type == LOOKUP and first.details[0] == "sbu" and "6400" in first.details[1]
    assert second.type == "compare" and "sbu|4800|6400" in second.details, (second.type, second.read_as)


def test_work_processes_is_no_word_of_an_english_competence_name(library, searcher):
    """"Which work processes does the HZW profile consist of?": *work* and *consist* are not "working together
    and consulting" (SBB E), so the answer is the profile's list."""
    reply = ask(library, searcher, "Which work processes does the Helpende Zorg en Welzijn profile (Dienstverlening) "
                                   "consist of?")[0].reply
    assert reply.type == LIST and not reply.intent.sbb and len(reply.items) == 12


def test_that_title_beside_a_quoted_title_points_at_the_quote(library, searcher):
    reply = ask(library, searcher, 'List every work process called "Voert coördinerende taken uit" (or a variant of '
                                   'that title) across all dossiers and versions.')[0].reply
    assert reply.type == LIST and reply.items, (reply.type, reply.problem)


def test_the_second_review_cases(library, searcher):
    """"vergelijkbare werkprocessen bij GPM en PMK" compares; a general question about electives is ranked, not
    an absent fact; "hoeveel uur duurt de opleiding X?" is its sbu; "en de PMK, hoe is dat anders?" after the OA's
    list compares the two."""
    assert ask(library, searcher, "Zijn er vergelijkbare werkprocessen bij GPM en PMK?")[0].reply.type == "compare"
    general = ask(library, searcher, "Wat voor keuzedelen zijn er in het mbo?")[0].reply
    assert general.problem != "absent_fact"
    hours = ask(library, searcher, "Hoeveel uur duurt de opleiding helpende zorg en welzijn?")[0].reply
    assert hours.type == LOOKUP and hours.details[0] == "sbu" and "3200" in hours.details[1]
    second = ask(library, searcher, "Welke werkprocessen heeft de OA?", "en de PMK, hoe is dat anders?")[1].reply
    assert second.type == "compare", (second.type, second.read_as)
    assert {"duurt", "duren"} <= question_words() and "opleiding" in situation_words()


def test_anders_dan_compares_and_a_code_with_additions_picks_their_version(library, searcher):
    """"is de kerntaak P3-K1 in 2021 anders dan in 2015?" compares the two versions; "vergelijk de aanvulling van
    de GPM en de OA op B1-K1-W8" compares them in PW 2015, where those additions are."""
    versions = ask(library, searcher, "onderwijsassistent: is de kerntaak P3-K1 in 2021 anders dan in 2015?")[0]
    assert versions.reply.type == "compare", versions.reply.read_as
    additions = ask(library, searcher, "Vergelijk de aanvulling van de GPM en de OA op B1-K1-W8 Evalueert de "
                                       "werkzaamheden")[0].reply
    assert additions.type == "compare" and "PW 2015" in additions.read_as, additions.read_as
    assert {i.chunk.variant for i in additions.items} == {"aanvulling"}
