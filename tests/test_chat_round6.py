"""The chat on the sixth round's questions (issue 14): facts about a programme that no kwalificatiedossier
states (schools, pay, enrolment dates, exam cut-offs, hours of work placement) are a not_found that says what
the dossiers do hold, not passages that only share the question's words. The kinds are language data
(``data/absent_facts.toml``) with a loader; on the real bundled corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ask

from assistant.absent_facts import ABSENT_FACTS_FILE, absent_facts, asked_absent_fact
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, half_a_name
from assistant.reply_text import render


def test_the_absent_facts_file_loads_with_names_in_both_languages():
    kinds = absent_facts()
    assert {k.kind for k in kinds} >= {"schools", "pay", "enrolment", "exam_norms", "placement_hours"}
    assert all(k.nl and k.en and k.patterns for k in kinds)
    assert ABSENT_FACTS_FILE.name == "absent_facts.toml"


@pytest.mark.parametrize("text, message", [
    ("[kinds.pay\nnl = 'x'", "absent_facts.toml"),
    ("[kinds.pay]\nnl = 'loon'\nen = 'pay'\npatterns = []\n", "[kinds.pay] needs"),
    ("[kinds.pay]\nnl = 'loon'\nen = 'pay'\npatterns = ['(salaris']\n", "bad pattern"),
    ("[words]\nnl = 'x'\n", "expected [kinds"),
])
def test_a_broken_absent_facts_file_is_named_with_what_is_wrong(tmp_path: Path, text, message):
    path = tmp_path / "absent_facts.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"absent_facts\.toml") as caught:
        absent_facts(path)
    assert message in str(caught.value)


@pytest.mark.parametrize("question, kind, lang", [
    ("Welke scholen bieden de opleiding sociaal werk aan?", "schools", "nl"),
    ("where can I study to become a thuisbegeleider?", "schools", "en"),
    ("hoeveel verdient een onderwijsassistent?", "pay", "nl"),
    ("What is the starting salary of a pedagogisch medewerker?", "pay", "en"),
    ("tot wanneer kan ik nog instromen in dienstverlening 2015?", "enrolment", "nl"),
    ("What is the cut-off score for the Sociaal Werk exams?", "exam_norms", "en"),
    ("hoeveel uur stage moet ik lopen voor de helpende zorg en welzijn?", "placement_hours", "nl"),
])
def test_a_fact_no_dossier_states_is_not_found_in_the_language_asked(library, searcher, question, kind, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact", (reply.type, reply.problem, reply.read_as)
    assert reply.details[1] == kind and reply.lang == lang
    text = render(reply, details=False)
    assert ("kwalificatiedossiers noemen geen" in text) == (lang == "nl")
    assert ("qualification dossiers do not state" in text) == (lang == "en")
    assert reply.hits  # the nearest passages the sources do hold


@pytest.mark.parametrize("question", [
    "What should a teaching assistant pay attention to when supervising children outside lessons?",
    "What does a social worker do for clients with a low income?",
    "When does a social worker apply the methodical approach?",
    "When should a childcare worker register an incident?",
    "Wanneer moet de helpende een cliënt aanmelden voor dagbesteding?",
    "Waar moet je als thuisbegeleider op letten bij het doen van een huisbezoek?",
    "Where can I get an overview of the core tasks of the teaching assistant?",
    "Welke instellingen bieden kinderopvang aan?",
    "Hoeveel uur per week werkt een GPM in de praktijk met kinderen?",
    "waar komt samenwerken met scholen voor?",
    "hoe werkt de onderwijsassistent samen met andere scholen?",
    "welke werkprocessen gaan over de salarisadministratie?",
    "wat verdient aandacht bij het rapporteren over een cliënt?",
    "when does the thuisbegeleider start the evaluation of the support plan?",
    "hoeveel werkprocessen heeft de thuisbegeleider?",
    "wat staat er over de kans op stage bij maatschappelijke zorg?",
])
def test_questions_about_the_work_that_share_those_words_are_not_caught(library, searcher, question):
    assert asked_absent_fact(question) is None
    assert ask(library, searcher, question)[0].reply.problem != "absent_fact"


# --------------------------------------------------------------------------- versions and profiles the sources lack


@pytest.mark.parametrize("question, name, lacking, held", [
    ("Which werkprocessen does the Sociaal-cultureel werker profile have in Sociaal Werk 2020?",
     "Sociaal-cultureel werker", "2020", "2015"),
    ("welke werkprocessen heeft het profiel thuisbegeleider in maatschappelijke zorg 2021?", "Thuisbegeleider", "2021",
     "2015"),
])
def test_a_profile_asked_in_a_version_of_its_dossier_that_lacks_it_is_not_found(library, searcher, question, name,
                                                                                 lacking, held):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "missing_version", (reply.problem, reply.read_as)
    assert reply.details[:3] == (name, lacking, held)


@pytest.mark.parametrize("question, name, lacking", [
    ("What changed in Dienstverlening between 2015 and 2020?", "Dienstverlening", "2020"),
    ("vergelijk B1-K1-W1 van Sport & Bewegen 2015 en 2021", "Sport & Bewegen", "2015"),
])
def test_comparing_versions_a_dossier_does_not_have_names_the_missing_one(library, searcher, question, name, lacking):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "missing_version", (reply.problem, reply.read_as)
    assert reply.details[0] == name and reply.details[1] == lacking
    assert lacking not in reply.details[2:]


@pytest.mark.parametrize("question", [
    "B1-K2-W2 kwaliteitszorg: Pedagogisch Werk 2015 vs PM kinderopvang 2021, what changed?",
    "wat is het verschil tussen pedagogisch werk 2015 en 2021 bij werkt aan de eigen deskundigheid?",
    "vergelijk B1-K1-W1 van OA 2015 en 2021",
])
def test_comparing_a_dossier_with_its_successor_of_another_name_still_compares(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.type == COMPARE


def test_a_role_that_is_half_a_profile_name_is_an_unknown_profile(library, searcher):
    question = "welke werkprocessen heeft de pedagogisch medewerker jeugdzorg in pedagogisch werk 2015?"
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope"
    assert reply.details[0] == "pedagogisch medewerker jeugdzorg"
    assert "Pedagogisch Medewerker Kinderopvang" in reply.details[1:]
    assert half_a_name("pedagogisch medewerker jeugdzorg", library.catalogue)
    assert not half_a_name("pedagogisch medewerker kinderopvang", library.catalogue)
    assert not half_a_name("beginnend beroepsbeoefenaar", library.catalogue)


def test_a_role_made_of_profile_words_only_still_lists_the_dossier(library, searcher):
    reply = ask(library, searcher, "welke werkprocessen heeft de pedagogisch medewerker in pedagogisch werk 2015?")[0]
    assert reply.reply.type == LIST and len(reply.reply.items) >= 30


# --------------------------------------------------------------------------- a profile's addition to a basisdeel unit


@pytest.mark.parametrize("question, code, profile, lang", [
    ("Wat voegt de aanvulling voor de gespecialiseerd pedagogisch medewerker toe aan B1-K2-W2 in Pedagogisch Werk "
     "2015?", "B1-K2-W2", "Gespecialiseerd pedagogisch medewerker", "nl"),
    ("In Maatschappelijke Zorg 2015, what does the Thuisbegeleider aanvulling add to B1-K1-W5?", "B1-K1-W5",
     "Thuisbegeleider", "en"),
    ("B1-K1-W8 evalueert de werkzaamheden: wat moet ik als OA extra doen tov het basisdeel?", "B1-K1-W8",
     "Onderwijsassistent", "nl"),
])
def test_what_a_profile_adds_to_a_basisdeel_unit_is_the_two_side_by_side(library, searcher, question, code,
                                                                         profile, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == COMPARE and reply.lang == lang, (reply.type, reply.problem, reply.read_as)
    (row,) = reply.rows
    assert row.left.chunk.code == row.right.chunk.code == code
    assert row.left.chunk.profile is None and not row.left.chunk.variant  # the basisdeel unit
    assert row.right.chunk.variant == "aanvulling" and row.right.chunk.profile == profile
    assert row.left.chunk.version == row.right.chunk.version == "2015-08-01"
    assert "aanvulling" in reply.read_as and profile in reply.read_as


def test_a_unit_asked_without_its_addition_is_still_looked_up(library, searcher):
    reply = ask(library, searcher, "wat houdt B1-K1-W8 van de onderwijsassistent 2015 in?")[0].reply
    assert reply.type != COMPARE


# --------------------------------------------------------------------------- "de 2021-versie", "the 2015 one"


def test_the_other_version_of_a_compared_unit_is_that_unit_in_that_year(library, searcher):
    turns = ask(library, searcher, "Vergelijk P1-K1-W3 van de pedagogisch medewerker kinderopvang in 2015 en 2021.",
                "Welke SBB-competenties horen bij de 2021-versie?")
    reply = turns[1].reply
    assert reply.type == NOT_FOUND and reply.problem == "no_sbb", (reply.problem, reply.read_as)
    assert reply.details[0] == "P1-K1-W3" and "2021" in reply.details[1]


def test_the_2015_one_then_the_2020_one_keep_the_unit_and_the_question(library, searcher):
    turns = ask(library, searcher, "Is B1-K1-W3 in Sociaal Werk 2020 the same werkproces as B1-K1-W3 in the 2015 "
                "dossier?", "which SBB competences did the 2015 one have?", "and the 2020 one?")
    first, second = turns[1].reply, turns[2].reply
    assert first.hits and first.hits[0].chunk.code == "B1-K1-W3" and first.hits[0].chunk.version.startswith("2015")
    assert second.type == NOT_FOUND and second.problem == "no_sbb" and "2020" in second.details[1]


def test_a_version_named_with_its_dossier_is_no_reference(library, searcher):
    turns = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                "welke werkprocessen heeft de 2021-versie van OA?")
    reply = turns[1].reply
    assert reply.type == LIST and {i.chunk.dossier for i in reply.items} == {"Onderwijsassistent"}


# --------------------------------------------------------------------------- SBB competences the sources do not link


def test_the_sbb_competences_of_a_2021_unit_named_by_its_title_are_not_found(library, searcher):
    reply = ask(library, searcher, "what SBB competences go with 'Maakt een ontwikkelplan' for the GPM 2021?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "no_sbb" and reply.details[0] == "P2-K1-W3"


def test_an_sbb_competence_no_werkproces_names_is_not_found(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen horen bij de SBB-competentie Creëren en innoveren?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "no_links" and reply.details == ("O Creëren en innoveren",)
    linked = ask(library, searcher, "welke werkprocessen horen bij de sbb competentie Onderzoeken?")[0].reply
    assert linked.type == COMPETENCE and linked.items


def test_an_internship_allowance_is_an_absent_fact():
    assert asked_absent_fact("krijg je stagevergoeding bij helpende zorg en welzijn").kind == "pay"
    assert asked_absent_fact("is there an internship allowance for the thuisbegeleider?").kind == "pay"


# --------------------------------------------------------------------------- follow-ups


def test_the_level_of_a_profile_named_by_its_code_is_a_fact(library, searcher):
    turns = ask(library, searcher, "Which profiles does the Dienstverlening 2015 dossier have?",
                "What MBO level is the second one?", "And which werkprocessen belong to it?")
    level, listed = turns[1].reply, turns[2].reply
    assert level.details and level.details[0] == "niveau" and "Helpende Zorg en Welzijn" in " ".join(level.details)
    assert listed.type == LIST and {i.chunk.profile for i in listed.items} <= {"Helpende Zorg en Welzijn", None}
    assert any(i.chunk.profile == "Helpende Zorg en Welzijn" for i in listed.items)


def test_a_follow_up_that_asks_its_own_question_is_not_merged(library, searcher):
    turns = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                "en wat moet ik als thuisbegeleider daar extra doen?")
    assert "extra" in turns[1].question and "werkprocessen heeft" not in turns[1].question


# --------------------------------------------------------------------------- a competence named with its profile


@pytest.mark.parametrize("question, letter", [
    ("Kwaliteitsgericht uit het competentieprofiel Sociaalwerker B: bij welke werkprocessen van de 2015-dossiers "
     "past dat?", "S"),
    ("The Sociaalwerker B profile lists Ondernemerschap. Which 2015 werkprocessen match that competence?", "X"),
])
def test_a_competence_named_with_its_profile_lists_the_werkprocessen_of_the_dossiers(library, searcher, question,
                                                                                    letter):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == COMPETENCE and reply.items, (reply.type, reply.problem, reply.read_as)
    assert all(i.chunk.version.startswith("2015") and f"{letter} " in (i.note or "") for i in reply.items)


def test_a_profile_addition_named_by_its_title_is_compared_with_the_basisdeel(library, searcher):
    question = ("How does the GPM aanvulling of Evalueert de werkzaamheden differ from the basisdeel text "
                "(Pedagogisch Werk 2015)?")
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == COMPARE and len(reply.rows) == 1
    assert reply.rows[0].left.chunk.code == reply.rows[0].right.chunk.code == "B1-K1-W8"
    assert reply.rows[0].right.chunk.profile == "Gespecialiseerd pedagogisch medewerker"


@pytest.mark.parametrize("question", [
    "How did 'Werkt aan de eigen deskundigheid' from PW 2015 change in the 2021 kinderopvang dossier?",
    "how has B1-K1-W1 of sociaal werk 2015 changed in 2020?",
])
def test_how_did_it_change_is_a_comparison_of_versions(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == COMPARE and reply.rows
    versions = {x.chunk.version[:4] for r in reply.rows for x in (r.left, r.right) if x is not None}
    assert "2015" in versions and len(versions) == 2


def test_two_werkprocessen_named_by_their_titles_are_compared(library, searcher):
    question = ("Wat is het verschil tussen Ondersteunt bij wonen en huishouden (helpende) en Ondersteunt de cliënt "
                "bij wonen en huishouden bij maatschappelijke zorg?")
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == COMPARE and len(reply.rows) == 1
    left, right = reply.rows[0].left.chunk, reply.rows[0].right.chunk
    assert (left.title, left.profile) == ("Ondersteunt bij wonen en huishouden", "Helpende Zorg en Welzijn")
    assert (right.title, right.dossier) == ("Ondersteunt de cliënt bij wonen en huishouden", "Maatschappelijke Zorg")


@pytest.mark.parametrize("question", [
    "Which specialisations are listed in the Sociaalwerker B competence profile?",
    "welke specialisaties noemt het competentieprofiel?",
])
def test_the_specialisations_are_the_one_passage_that_lists_them(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LOOKUP and reply.hits
    assert reply.hits[0].chunk.kind == "specialisaties"



# --------------------------------------------------------------------------- the review's ordinary questions


@pytest.mark.parametrize("question", [
    "Welke werkprocessen heeft de onderwijsassistent in het speciaal onderwijs?",
    "Welke werkprocessen heeft de facilitair medewerker in Dienstverlening?",
])
def test_a_role_with_one_word_of_a_name_or_a_place_is_still_listed(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.items, (reply.type, reply.problem)


@pytest.mark.parametrize("question", [
    "How does a thuisbegeleider help a client deal with change?",
    "How do teaching assistants deal with change in the classroom?",
])
def test_change_as_a_noun_asks_no_comparison(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.type != COMPARE


@pytest.mark.parametrize("question", [
    "Welke extra werkprocessen heeft de thuisbegeleider naast het basisdeel?",
    "Wat voegt de aanvulling toe aan B1-K1-W3 in Maatschappelijke Zorg?",
])
def test_an_addition_without_one_profile_and_one_code_is_no_comparison(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type != NOT_FOUND and reply.type != COMPARE, (reply.type, reply.problem)


def test_an_old_profile_compared_with_its_successor_dossier_is_compared(library, searcher):
    reply = ask(library, searcher, "Vergelijk de sociaal-maatschappelijk dienstverlener met sociaal werk 2020")[0]
    assert reply.reply.type == COMPARE and reply.reply.rows


def test_three_years_of_which_two_exist_compare_those_two(library, searcher):
    reply = ask(library, searcher, "Vergelijk Sociaal Werk 2015, 2020 en 2021")[0].reply
    assert reply.type == COMPARE and reply.rows


def test_a_version_after_a_list_is_no_reference_to_its_first_unit(library, searcher):
    turns = ask(library, searcher, "Welke werkprocessen heeft onderwijsassistent 2021?",
                "welke werkprocessen had de 2015-versie?")
    assert "b1-k1-w5" not in turns[1].question.lower() and turns[1].reply.type == LIST


def test_a_theme_follow_up_in_another_version_keeps_its_theme(library, searcher):
    turns = ask(library, searcher, "Wat leert een student over pesten?",
                "en wat staat daarover in de 2021-versie van onderwijsassistent?")
    assert "pesten" in turns[1].question


def test_specialisations_of_a_dossier_are_not_the_competence_profile(library, searcher):
    reply = ask(library, searcher, "Welke specialisaties zijn er binnen Maatschappelijke Zorg?")[0].reply
    assert not reply.hits or reply.hits[0].chunk.kind != "specialisaties"


def test_a_later_version_of_a_unit_whose_dossier_was_split_is_that_code_then(library, searcher):
    first = "Wat houdt B1-K2-W1 in bij pedagogisch werk 2015?"
    said = ask(library, searcher, first, "what does the 2021 version say?")[1].reply
    assert said.type == LOOKUP and said.hits[0].chunk.code == "B1-K2-W1"
    assert said.hits[0].chunk.version.startswith("2021")
    changed = ask(library, searcher, first, "wat is er anders in de 2021-versie?")[1].reply
    assert changed.type == COMPARE and changed.rows
    assert {x.chunk.version[:4] for r in changed.rows for x in (r.left, r.right) if x} == {"2015", "2021"}


# --------------------------------------------------------------------------- "en privacy?" after a where list


@pytest.mark.parametrize("first, then, scope", [
    ("waar komt hygiëne voor in PW 2015?", "en privacy?", "Pedagogisch Werk"),
    ("where does the OA 2021 mention parents?", "and safety?", "Onderwijsassistent"),
])
def test_a_new_theme_after_a_where_list_is_the_same_list_for_that_theme(library, searcher, first, then, scope):
    reply = ask(library, searcher, first, then)[1]
    assert reply.followup and reply.reply.type == LIST and reply.reply.items
    assert then.split()[1].strip("?") in reply.question.lower()
    assert {i.chunk.dossier for i in reply.reply.items} == {scope}


@pytest.mark.parametrize("then", ["en niveau 3?", "en de kerntaken?", "en in 2021?", "en dan?"])
def test_a_scope_kind_level_or_filler_after_a_where_list_is_no_new_theme(library, searcher, then):
    turn = ask(library, searcher, "waar komt hygiëne voor in PW 2015?", then)[1]
    assert not turn.question.startswith("welke werkprocessen gaan over")
