"""The chat on the thirty-third round's findings (issue 14), from a workplace trainer in disability care and a
Filipino caregiver (tune50a) and an examination-board member and a German exchange student (tune51a), from the
held-back halves once measured (tune50b, tune51b), and the guards the round's review asked for: a trainee named in a
compound ("mijn BGZ-stagiair") or in a Dutch clause with the verb last; "not from the basisdeel"; a competence "van
toepassing"; a name typed whole before "en"; "op welk niveau wordt X opgeleid"; "vergelijk het met 2021", "compare
both versions" and "and in 2015?" after one unit; a code renumbered between versions; a question after a heading;
the year a student started; "what will he be learning"; a programme's requirement after its list; what falls under a
core task; "which takes longer"; "in jullie info"; "en alleen de …, dus …"; "naast dat uit 2020 leggen"; a reason
after a comma; "zowel het basisdeel als …"; the SBB competences of a quoted unit; a shortened route; placement hours
and schools; "bij die werkprocessen"; examples after a theme; "what X applies to the profiles of Y". On the real
bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask, assert_not_found, only, refs

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, TREE, cohort_years
from assistant.names import fold
from assistant.reply_text import render
from assistant.spelling import correct_names


def test_a_trainee_named_in_a_compound_asks_for_the_whole_profile(library, searcher):
    """"mijn BGZ-stagiair": the profile's name and the trainee glued together; the trainee is no theme."""
    reply = only(library, searcher, "Ik ben praktijkopleider. Welke werkprocessen moet mijn BGZ-stagiair "
                 "(Begeleider gehandicaptenzorg, MZ) allemaal laten zien?")
    whole = only(library, searcher, "Welke werkprocessen heeft de begeleider gehandicaptenzorg?")
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as
    assert refs(reply) == refs(whole) and len(refs(whole)) > 10


def test_not_from_the_basisdeel_keeps_the_profiles_own_units(library, searcher):
    reply = only(library, searcher, "Which work processes are only in the profieldeel of Agogisch medewerker GGZ, so "
                 "not from the basisdeel?")
    assert reply.type == LIST and len(reply.items) == 6, reply.read_as
    assert all(i.chunk.profile == "Agogisch medewerker GGZ" and i.chunk.variant != "aanvulling"
               and i.chunk.code.startswith("P") for i in reply.items)


def test_a_competence_van_toepassing_is_that_competence_alone(library, searcher):
    """"van toepassing" shares a stem with SBB *Vakdeskundigheid toepassen*; a competence named whole wins."""
    reply = only(library, searcher, "Bij welke werkprocessen is de competentie Ondernemerschap van toepassing?")
    assert reply.type == COMPETENCE and reply.intent.competences == ("Ondernemerschap",), reply.read_as
    assert not reply.intent.sbb


def test_a_name_typed_whole_before_en_is_not_glued_to_it(library):
    spelled = correct_names("Verschilt de taaleis tussen de Onderwijsassistent en de GPM?", library.catalogue,
                            library.words, library.competence_names)
    assert spelled.corrected == () and "Onderwijsassistent en de" in spelled.text
    glued = correct_names("werkprocessen van de begeleider gehandicapten zorg", library.catalogue, library.words)
    assert "gehandicaptenzorg" in glued.text  # a compound typed apart is still joined


def test_the_level_a_programme_trains_at_and_its_load(library, searcher):
    reply = only(library, searcher, "Op welk niveau wordt de Begeleider specifieke doelgroepen opgeleid en wat is de "
                 "studiebelasting in sbu?")
    text = render(reply)
    assert reply.type == LOOKUP and "niveau 3" in text and "4800" in text, reply.read_as


def test_compare_it_with_another_year_after_one_unit(library, searcher):
    first, then = ask(library, searcher, "Wat is het resultaat van Voert coördinerende taken uit voor de GPM in 2015?",
                      "vergelijk het met 2021")
    assert first.reply.type == LOOKUP
    reply = then.reply
    assert reply.type == COMPARE and len(reply.rows) == 1, reply.read_as
    row = reply.rows[0]
    assert (row.left.chunk.version[:4], row.right.chunk.version[:4]) == ("2015", "2021")
    assert row.left.chunk.code == row.right.chunk.code == "P2-K2-W1"


def test_compare_both_versions_after_the_unit_in_two_years(library, searcher):
    *_, last = ask(library, searcher, "What is the Resultaat of 'Voert coördinerende taken uit' for the "
                   "Gespecialiseerd pedagogisch medewerker in 2015?", "and in the 2021 version?",
                   "ok, then compare only the omschrijving of both versions pls")
    assert last.reply.type == COMPARE and last.reply.lang == "en", last.reply.read_as
    assert {i.chunk.version[:4] for i in last.reply.items} == {"2015", "2021"}


def test_a_compare_word_alone_asks_nothing_of_the_unit(library, searcher):
    """Without a year or "both versions" the message compares nothing the dialogue can name."""
    _, then = ask(library, searcher, "Wat is het resultaat van Voert coördinerende taken uit voor de GPM in 2015?",
                  "vergelijk het met de OA")
    assert not (then.reply.type == COMPARE and {i.chunk.version[:4] for i in then.reply.items} == {"2015", "2021"}
                and all(i.chunk.code == "P2-K2-W1" for i in then.reply.items))


@pytest.mark.parametrize("follow_up", ["and in 2015?", "compare it with 2015"])
def test_a_code_the_other_year_lacks_is_set_beside_its_counterpart(library, searcher, follow_up):
    """Sociaal Werk 2020's B1-K2-W4 *Werkt aan kwaliteit* has no 2015 code of its own: beside it, the 2015 unit the
    content pairs it with."""
    _, then = ask(library, searcher, "What does B1-K2-W4 Werkt aan kwaliteit say in the Sociaal Werk dossier of "
                  "2020?", follow_up)
    reply = then.reply
    assert reply.type == COMPARE and len(reply.rows) == 1, reply.read_as
    row = reply.rows[0]
    assert (row.left.chunk.version[:4], row.left.chunk.code) == ("2020", "B1-K2-W4")  # the unit shown first
    assert (row.right.chunk.version[:4], row.right.chunk.code) == ("2015", "B1-K2-W2")


def test_a_code_compared_across_versions_from_the_later_side(library, searcher):
    reply = only(library, searcher, "compare B1-K2-W4 of Sociaal Werk in 2015 and 2020")
    assert reply.type == COMPARE and [(r.left.chunk.code, r.right.chunk.code) for r in reply.rows] == [
        ("B1-K2-W2", "B1-K2-W4")], reply.read_as


def test_a_definition_after_a_heading(library, searcher):
    assert_not_found(library, searcher, ["Kort vraagje: wat zijn gedragsindicatoren?"], "no_definition")


def test_the_year_a_student_started_is_the_version_in_force(library):
    catalogue = library.catalogue
    assert "started in 2021" in cohort_years("my niece does pedagogisch medewerker kinderopvang, she started in "
                                             "2022", catalogue)
    assert "in 2015" in cohort_years("My son started the onderwijsassistent course in 2018.", catalogue)
    assert "started in 2020" in cohort_years("My daughter is in Sociaal Werk, she started in 2021.", catalogue)
    for kept in ("welke werkprocessen heeft PMK 2021?", "she started in 2021 with PMK", "the 2022 plans of PMK"):
        assert cohort_years(kept, catalogue) == kept, kept


def test_a_list_for_a_student_who_started_in_a_year_without_a_version(library, searcher):
    first, then = ask(library, searcher, "my niece is doing pedagogisch medewerker kinderopvang, she started in 2022. "
                      "what work processes does she have?", "and in the 2015 version?")
    assert first.reply.type == LIST and first.reply.intent.mode == TREE, first.reply.read_as
    assert first.reply.items and all(i.chunk.version.startswith("2021") for i in first.reply.items)
    assert then.reply.items and all(i.chunk.version.startswith("2015") for i in then.reply.items)


def test_what_a_student_will_be_learning_is_the_programme(library, searcher):
    reply = only(library, searcher, "My son started the onderwijsassistent course in 2018. What will he actually be "
                 "learning, which work processes are in it?")
    assert reply.type == LIST and reply.intent.mode == TREE and not reply.intent.sbb, reply.read_as
    assert len(reply.items) == 19


def test_a_language_requirement_after_a_programmes_list_is_the_programmes(library, searcher):
    _, then = ask(library, searcher, "Welke werkprocessen heeft de onderwijsassistent 2015?",
                  "Does he need English for that?")
    reply = then.reply
    assert reply.type == LOOKUP and reply.hits, reply.read_as
    assert "vreemde talen" in fold(reply.hits[0].chunk.title) and "Engels" in reply.hits[0].chunk.text
    assert "B1-K1" not in then.question


def test_a_year_the_message_names_replaces_the_programmes(library, searcher):
    *_, last = ask(library, searcher, "Which work processes are part of the Onderwijsassistent profile in the "
                   "Pedagogisch Werk 2015 dossier?", "And which ones does the 2021 Onderwijsassistent dossier have?",
                   "Is there a specific English language requirement for that profile in the 2015 dossier?")
    assert "2021" not in last.question, last.question


def test_what_falls_under_a_core_task_is_its_work_processes(library, searcher):
    *_, under, last = ask(library, searcher, "wie zijn de kt's van helpende", "en wat zit er allemaal onder de 2e",
                          "wat moet ik doen bij de laatste van die")
    assert under.reply.type == LIST and [i.chunk.code for i in under.reply.items] == [
        "P2-K1-W1", "P2-K1-W2", "P2-K1-W3"], under.reply.read_as
    assert last.reply.type == LOOKUP and "P2-K1-W3" in last.question


@pytest.mark.parametrize("question", ["welke duurt langer, onderwijsassistent of gespecialiseerd pedagogisch "
                                      "medewerker (2015)?",
                                      "which takes longer, onderwijsassistent or gespecialiseerd pedagogisch "
                                      "medewerker (2015)?"])
def test_which_takes_longer_compares_the_two(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == COMPARE and "4800" in render(reply), reply.read_as


def test_the_askers_sources_called_info(library, searcher):
    reply = only(library, searcher, "welke niveau 3 opleidingen staan er in jullie info")
    assert reply.type == LIST and len(reply.items) == 3, reply.read_as


def test_a_narrowing_after_en_with_a_restatement(library, searcher):
    _, then = ask(library, searcher, "Welke werkprocessen heeft de onderwijsassistent 2015?",
                  "en alleen de profielspecifieke, dus zonder het basisdeel?")
    reply = then.reply
    assert reply.type == LIST and len(reply.items) == 7, reply.read_as
    assert all(i.chunk.code.startswith("P3") for i in reply.items)


def test_one_unit_set_beside_the_other_years(library, searcher):
    reply = only(library, searcher, "Kun je het werkproces 'Inventariseert de vraag naar sociaal werk' uit Sociaal werk"
                 " 2015 naast dat uit het dossier van 2020 leggen? Wat is er inhoudelijk anders?")
    assert reply.type == COMPARE and len(reply.rows) == 1, reply.read_as
    assert {i.chunk.version[:4] for i in reply.items} == {"2015", "2020"}


def test_a_reason_after_a_comma_is_no_theme(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen gaan over hygiëne, want ik heb het idee dat niet alles erin "
                 "zit.")
    assert reply.intent.topic == "hygiëne", reply.intent.topic


def test_zowel_het_basisdeel_als_het_profiel_is_every_part(library, searcher):
    reply = only(library, searcher, "Ik wil graag weten welke werkprocessen de stagiaire thuisbegeleider allemaal moet "
                 "beheersen, dus zowel het basisdeel als wat er specifiek voor haar profiel bij komt.")
    assert reply.type == LIST and len(reply.items) == 21, reply.read_as
    variants = {(i.chunk.profile is None, i.chunk.variant) for i in reply.items}
    assert (True, None) in variants and (False, "aanvulling") in variants


def test_the_sbb_competences_of_a_quoted_unit(library, searcher):
    reply = only(library, searcher, "which SBB competences are listed for the OA work process 'Houdt toezicht en "
                 "begeleidt buiten de lessen'?")
    assert reply.type == LOOKUP and reply.hits, reply.read_as
    assert reply.hits[0].chunk.title == "Houdt toezicht en begeleidt buiten de lessen"
    assert "Aansturen" in render(reply)


def test_a_shortened_route_is_an_absent_fact(library, searcher):
    assert_not_found(library, searcher, [
        "I finished nursing in the Philippines. Can my diploma be recognised so I can work as Begeleider "
        "gehandicaptenzorg without doing the whole study?",
        "Kan ik helpende worden zonder de hele opleiding te doen?",
        "hoeveel stage uren moet ik lopen bij helpende",  # placement hours typed apart
        "op welke scholen kan ik helpende doen"], "absent_fact")


def test_a_competence_in_those_work_processes_stays_within_the_list(library, searcher):
    *_, listed, then = ask(library, searcher, "Waar komt dagbesteding voor in het dossier Maatschappelijke Zorg?",
                           "en alleen voor de persoonlijk begeleider gehandicaptenzorg?",
                           "Hoe kan mijn stagiair bij die werkprocessen laten zien dat ze kan plannen en organiseren?")
    reply = then.reply
    assert reply.type == COMPETENCE and reply.items, reply.read_as
    assert refs(reply) <= set(listed.turn.listed)


def test_examples_after_a_theme_do_not_narrow_it(library, searcher):
    """The units of the theme alone join those of the theme with its examples: "personal care" finds MZ's
    B1-K1-W2 (*persoonlijke verzorging*), which names no bathing."""
    question = ("In Maatschappelijke Zorg and Dienstverlening, which werkprocessen are about personal care like "
                "bathing, dressing, going to the toilet?")
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.apart[0] == "personal care", reply.intent.apart
    assert any(i.chunk.dossier == "Maatschappelijke Zorg" and i.chunk.code == "B1-K1-W2" for i in reply.items)
    assert only(library, searcher, "Which werkprocessen are about huishouden? Like helping the clients with their "
                "household.").intent.apart[0] == "huishouden"
    assert only(library, searcher, "I'd like to know which work processes are about personal care").intent.apart == ()
    # the examples alone still find what the theme's own word does not ("geldzaken" is in no unit)
    money = only(library, searcher, "Welke werkprocessen in Sociaal werk en Maatschappelijke Zorg gaan over "
                 "geldzaken, zoals financiën of budget?")
    assert money.type == LIST and len(money.items) >= 5, money.read_as


def test_what_applies_to_a_dossiers_profiles_is_a_lookup(library, searcher):
    reply = only(library, searcher, "What reference level for Dutch language and numeracy (Nederlandse taal en "
                 "rekenen) applies to the three profiles of the Dienstverlening dossier?")
    assert reply.type == LOOKUP and "2F" in render(reply), reply.read_as


# ---------------------------------------------------------------- guards the round's review asked for


def test_a_plan_after_the_question_can_be_its_theme(library, searcher):
    reply = only(library, searcher, "Which work processes fit my lesson? I'm thinking of teaching hygiene.")
    assert "hygiene" in reply.intent.topic, reply.intent.topic


def test_a_theme_in_a_verb_last_clause_is_no_trainee(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen de hygiëne moeten bewaken bij MZ?")
    assert "hygiëne" in reply.intent.topic, reply.intent.topic


def test_two_basisdelen_with_zowel_als_are_no_profile_parts(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen staan er zowel in het basisdeel van PW als in dat van MZ?")
    assert reply.type == LIST and reply.items and all(i.chunk.profile is None for i in reply.items), reply.read_as


def test_a_name_with_a_letter_is_still_joined(library):
    spelled = correct_names("Welke competenties heeft de sociaal werker B?", library.catalogue, library.words,
                            library.competence_names)
    assert "sociaalwerker b" in spelled.text.lower()


def test_a_code_renumbered_between_versions_shows_both_units(library, searcher):
    reply = only(library, searcher, "compare B1-K1-W3 of Sociaal Werk in 2015 and 2020")
    titles = {(i.chunk.version[:4], i.chunk.code): i.chunk.title for i in reply.items}
    assert reply.type == COMPARE and ("2015", "B1-K1-W3") in titles and ("2020", "B1-K1-W3") in titles, titles


def test_no_student_no_cohort(library):
    for kept in ("Welke dossiers zijn in 2022 gestart?", "Is er een nieuw KD gestart in 2023 voor PW?"):
        assert cohort_years(kept, library.catalogue) == kept, kept


def test_learning_as_a_theme_stays_a_theme(library, searcher):
    assert "learning" in only(library, searcher, "What units mention lifelong learning?").intent.topic
    reply = only(library, searcher, "Which work processes are about learning?")
    assert not (reply.type == LIST and reply.intent.mode == TREE), reply.read_as


def test_a_core_task_with_a_theme_is_no_list_of_its_units(library, searcher):
    reply = only(library, searcher, "Wat staat er in P2-K1 over ouders?")
    assert not (reply.type == LIST and reply.intent.mode == TREE), reply.read_as


def test_placement_and_school_words_in_unit_questions_are_no_absent_facts(library, searcher):
    for question in ("Welke werkprocessen kan ik tijdens mijn stage uren oefenen bij de helpende?",
                     "Welke school activiteiten kan een OA zelf doen?"):
        assert only(library, searcher, question).problem != "absent_fact", question


def test_those_work_processes_for_another_programme_asks_again(library, searcher):
    _, then = ask(library, searcher, "welke werkprocessen heeft de PMK 2015?",
                  "and for those work processes in the OA?")
    assert then.reply.type == LIST and then.reply.items, then.reply.read_as
    assert all(i.chunk.profile in (None, "Onderwijsassistent") for i in then.reply.items)


def test_naast_die_over_is_no_comparison(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen van PMK en GPM gaan over ouders, naast die over contacten "
                 "leggen?")
    assert reply.type != COMPARE, reply.read_as


def test_compare_with_a_year_keeps_the_programme_that_has_it(library, searcher):
    """"B1-K1-W1 van de PMK 2015" shows Pedagogisch Werk's unit; PW has no 2021 version, the PMK has."""
    _, then = ask(library, searcher, "Wat houdt B1-K1-W1 van de PMK 2015 in?", "vergelijk het met 2021")
    reply = then.reply
    assert reply.type == COMPARE and reply.items, reply.read_as
    assert {i.chunk.dossier for i in reply.items} <= {"Pedagogisch Werk", "Pedagogisch Medewerker Kinderopvang"}


def test_a_code_without_a_counterpart_stays_not_in_that_version(library, searcher):
    _, then = ask(library, searcher, "Wat is B1-K1-W7 van Sociaal Werk 2015?", "en in 2020?")
    assert then.reply.type == "not_found" and then.reply.problem == "unknown_code", then.reply.read_as


def test_a_theme_glued_to_a_worker_is_no_programme(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen moet een VVE-medewerker beheersen?")
    assert not (reply.type == LIST and reply.intent.mode == TREE), reply.read_as


def test_a_placement_school_is_no_absent_fact(library, searcher):
    assert only(library, searcher, "Op welke school kan een onderwijsassistent stage doen?").problem != "absent_fact"


def test_the_competences_of_those_work_processes_are_no_list_of_units(library, searcher):
    _, then = ask(library, searcher, "Welke werkprocessen heeft de PMK 2021?",
                  "Welke competenties horen bij die werkprocessen?")
    assert then.reply.type != LIST, then.reply.read_as


def test_a_comparison_with_the_extract_says_it_is_partial(library, searcher):
    """"only in Sociaal werk 2015" beside the 2020/21 extract may only mean the extract leaves the unit out."""
    text = render(only(library, searcher, "compare B1-K1-W3 of Sociaal Werk in 2015 and 2020"))
    assert "Sociaal Werk 2020 is an extract" in text
    both_full = render(only(library, searcher, "vergelijk de onderwijsassistent en de GPM in PW 2015"))
    assert "uittreksel" not in both_full
