"""The chat on the thirty-fourth round's findings (issue 14), from a youth-care worker and a Polish care assistant
(tune52a) and a quality-assurance officer and a code-switching student (tune53a), and from the held-back halves once
measured (tune52b: a careers adviser and an education researcher; tune53b: a teacher dictating to a phone and a
union representative): spoken codes, years and levels; the year a job started; two programmes set off before their
facts; "what level is each of them"; "die twee" after a list of two; a theme listed with commas; the legend's colours
and a level's explanation in English; the sentence that says the level or requirement asked; "the … one" for a
profile; the language of the question sentence; an afterword that cues nothing; a competence "getoetst"; an unknown
profile beside a name in the afterword; a dossier part the extract lacks; clients per worker; "count towards". On the
real bundled corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ask, only, refs

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, cohort_years
from assistant.reply_text import render
from assistant.spoken import load, spoken_numbers


@pytest.mark.parametrize(("said", "written"), [
    ("wat staat er bij b een k twee w drie", "wat staat er bij B1-K2-W3"),
    ("hoe heet pee drie ka een", "hoe heet P3-K1"),
    ("de versie van twintig vijftien", "de versie van 2015"),
    ("het dossier van tweeduizend eenentwintig", "het dossier van 2021"),
    ("the twenty twenty-one version", "the 2021 version"),
    ("wat is niveau drie van coachen", "wat is niveau 3 van coachen"),
    ("what is level four", "what is level 4"),
    ("de versie van tweeduizendvijftien", "de versie van 2015"),
    ("het verschil tussen niveau twee en drie", "het verschil tussen niveau 2 en 3"),
    ("tussen twintig vijftien en twintig twintig", "tussen 2015 en 2020"),
])
def test_spoken_codes_years_and_levels_are_written_with_digits(said, written):
    assert spoken_numbers(said) == written


@pytest.mark.parametrize("kept", ["twintig uur per week", "een k en een w", "twenty one students", "B1-K1-W5",
                                  "in 2015 en 2021", "twintig dertig uur per week", "niveau 2 of een hoger niveau",
                                  "twenty twenty four children"])
def test_other_number_words_stay(kept):
    assert spoken_numbers(kept) == kept


def test_the_number_words_file_is_checked(tmp_path: Path):
    numbers, letters = load()
    assert numbers["drieëntwintig"] == 23 and numbers["twenty-one"] == 21 and letters["ka"] == "k"
    bad = tmp_path / "numbers.toml"
    bad.write_text('[units]\nnl = "een"\nen = "one=1"\n[tens]\nnl = "twintig=20"\nen = "twenty=20"\n'
                   '[letters]\nnl = "ka=k"\nen = "kay=k"\n', encoding="utf-8")
    with pytest.raises(ValueError):
        load(bad)


def test_a_dictated_question_reads_its_year_and_code(library, searcher):
    reply = only(library, searcher, "eh welke werkprocessen heeft de gespecialiseerd pedagogisch medewerker van "
                 "twintig eenentwintig")
    assert reply.type == LIST and reply.items and {i.chunk.version[:4] for i in reply.items} == {"2021"}
    named = only(library, searcher, "nou wat staat er bij b een k een w vijf van de onderwijsassistent twintig "
                 "eenentwintig")
    assert named.hits and named.hits[0].chunk.code == "B1-K1-W5", named.read_as


def test_a_dictated_level_beyond_four_is_no_level(library, searcher):
    reply = only(library, searcher, "wat houdt niveau zes van coachen in")
    assert reply.type == NOT_FOUND, reply.read_as


def test_the_year_a_job_started_names_no_version(library):
    catalogue = library.catalogue
    assert "2022" not in cohort_years("I started working as a PMK in 2022, what are my work processes?", catalogue)
    assert "2019" not in cohort_years("Ik ben in 2019 begonnen als helpende, wat moet ik kunnen?", catalogue)
    assert "2021" in cohort_years("My son started as a student in 2023 on the OA course", catalogue)
    assert "2021" in cohort_years("ik ben in 2022 begonnen als BBL-leerling GPM", catalogue)  # a learner, no job


def test_the_year_a_job_started_keeps_both_versions(library, searcher):
    reply = only(library, searcher, "I started working as a GPM in 2023. Which work processes are about parents?")
    assert reply.type == LIST and {i.chunk.version[:4] for i in reply.items} == {"2015", "2021"}, reply.read_as


def test_two_programmes_set_off_before_their_facts_are_compared(library, searcher):
    reply = only(library, searcher, "Medewerker facilitaire dienstverlening or Thuisbegeleider: level, crebo and sbu?")
    text = render(reply)
    assert reply.type == COMPARE and "3200" in text and "6400" in text, reply.read_as
    assert only(library, searcher, "Welke opleiding heeft meer sbu, de thuisbegeleider of de helpende?").type == COMPARE


def test_the_level_of_each_profile_listed_is_a_comparison(library, searcher):
    outcomes = ask(library, searcher, "Welke profielen heeft Maatschappelijke Zorg?", "and what is the level of each?")
    reply = outcomes[1].reply
    assert reply.type == COMPARE and len(reply.sides) == 6, reply.read_as
    assert "level 3" in render(reply) and "level 4" in render(reply)
    dutch = ask(library, searcher, "Welke profielen heeft Pedagogisch Werk?", "welk niveau heeft elk?")[1].reply
    assert dutch.type == COMPARE and len(dutch.sides) == 3, dutch.read_as
    units = ask(library, searcher, "Welke profielen heeft Sociaal werk 2015?", "welke werkprocessen heeft elk?")[1]
    assert units.reply.type == LIST and {i.chunk.dossier for i in units.reply.items} == {"Sociaal werk"}, (
        units.reply.read_as)  # each profile's units, not every dossier's nor "none of the profiles listed"
    spread = ask(library, searcher, "welke opleidingen zijn niveau 4?", "wat is het crebo van elk?")[1].reply
    assert len({e.profile for e in spread.intent.scopes}) != 1, spread.read_as  # not the first programme alone


def test_those_two_after_a_list_of_two_are_both(library, searcher):
    outcomes = ask(library, searcher, "Welke profielen heeft Maatschappelijke Zorg?", "welke daarvan zijn niveau 3?",
                   "wat is het verschil in sbu tussen die twee?")
    asked = outcomes[-1].question
    assert outcomes[1].reply.type == LIST and len(outcomes[1].reply.items) == 2
    assert "Begeleider gehandicaptenzorg" in asked and "Begeleider specifieke doelgroepen" in asked, asked
    lists = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?", "en de agogisch medewerker ggz?",
                "vergelijk die twee")[-1].reply
    assert lists.type == COMPARE and {e.profile for e in lists.intent.scopes} == {
        "Thuisbegeleider", "Agogisch medewerker GGZ"}, lists.read_as  # the two programmes listed, not two units


def test_a_theme_listed_with_commas_is_any_of_its_words(library, searcher):
    listed = only(library, searcher, "Which work processes mention money, budget, finances?")
    joined = only(library, searcher, "Which work processes mention money, budget or finances?")
    assert listed.type == LIST and listed.items and refs(listed) == refs(joined), listed.read_as
    two = only(library, searcher, "In welke werkprocessen komt evalueren voor, 2015 en 2020 samen?")
    assert two.type == LIST and len(two.items) < 40, two.read_as  # two words and a comma are no list


def test_where_it_is_written_is_no_topic_word(library, searcher):
    reply = only(library, searcher, "where in the dossiers is written about hygiene?")
    assert reply.type == LIST and "written" not in reply.intent.topic, reply.read_as


def test_the_legend_colours_asked_in_english(library, searcher):
    reply = only(library, searcher, "What does light green mean in the Sociaalwerker B profile?")
    assert reply.type == LOOKUP and reply.hits[0].chunk.title == "Legenda", reply.read_as
    assert "Lichtgroen" in reply.hits[0].best_sentence
    bare = only(library, searcher, "what does dark green mean?")  # the legend's "Donkergroen = …" defines it
    assert bare.type == LOOKUP and any("Donkergroen" in h.best_sentence for h in bare.hits), bare.read_as


def test_the_explanation_of_a_level_quotes_that_level(library, searcher):
    reply = only(library, searcher, "What does level 1 mean in the explanation of the levels of the competence "
                 "profile?")
    explained = [h for h in reply.hits if h.chunk.title == "Uitleg niveaus"]
    assert explained and "basaal" in explained[0].best_sentence, reply.read_as


def test_the_requirement_asked_quotes_the_line_with_the_levels(library, searcher):
    reply = only(library, searcher, "Welke eisen gelden voor een moderne vreemde taal bij medewerker sport en "
                 "recreatie?")
    stated = [h for h in reply.hits if "vreemde talen" in (h.chunk.title or "")]
    assert stated and "A2" in stated[0].best_sentence, reply.read_as
    named = only(library, searcher, "Heeft een sociaal werker Nederlands op niveau 3F nodig?")
    assert any("3F" in h.best_sentence for h in named.hits), [h.best_sentence for h in named.hits]


def test_the_rest_of_a_title_with_one_names_the_profile(library, searcher):
    reply = only(library, searcher, "which work processes does the facilitaire dienstverlening one have?")
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as
    assert {e.profile for e in reply.intent.scopes} == {"Medewerker facilitaire dienstverlening"}
    own = only(library, searcher, "List the work processes of the Begeleider gehandicaptenzorg profile.")
    assert {e.profile for e in own.intent.scopes} == {"Begeleider gehandicaptenzorg"}, own.read_as


@pytest.mark.parametrize(("question", "lang"), [
    ("which werkprocessen are about hygiëne? moet ik weten voor mijn stage bij de thuiszorg", "en"),
    ("welke werkprocessen heeft de thuisbegeleider? I am not sure it is the right one for me", "nl"),
    ("Which work processes mention safety, e.g. veiligheid?", "en"),  # "e.g." ends no sentence
])
def test_the_question_sentence_sets_the_language(library, searcher, question, lang):
    assert only(library, searcher, question).lang == lang


@pytest.mark.parametrize(("question", "kind"), [
    ("welke werkprocessen gaan over verpleegtechnische handelingen? moet ik weten voor mn stage", LIST),  # the
    # afterword cues nothing (with it, *handelingen* was SBB *Bedrijfsmatig handelen*)
    ("bij welke werkprocessen van de thuisbegeleider hoort plannen en organiseren? en hoe laat ik dat zien",
     COMPETENCE),  # a second question is no afterword
    ("In welke werkprocessen van de GPM wordt kwaliteitsgericht werken getoetst?", COMPETENCE),
    ("Which work processes count towards Plannen en organiseren for the OA?", COMPETENCE),
])
def test_what_cues_a_competence_question(library, searcher, question, kind):
    reply = only(library, searcher, question)
    assert reply.type == kind and (kind == COMPETENCE or not reply.intent.sbb), reply.read_as


def test_an_unknown_profile_asked_beside_a_name_in_the_afterword(library, searcher):
    reply = only(library, searcher, "welke werkprocessen heeft de verzorgende IG? ik twijfel nog tussen VIG en de "
                 "helpende")  # *verzorgende-IG* is in the sources, as a route onward, but names no profile
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope", reply.read_as
    kept = only(library, searcher, "Welke werkprocessen gaan over veiligheid? Ik zit in de opleiding helpende.")
    assert kept.type == LIST and kept.intent.scopes, kept.read_as  # the afterword's programme scopes a theme


def test_a_dossier_part_the_extract_lacks_is_not_stated(library, searcher):
    reply = only(library, searcher, "Welke doorstroommogelijkheden heeft de onderwijsassistent van 2021?")
    assert reply.type == NOT_FOUND and reply.problem == "no_fact", reply.read_as
    held = only(library, searcher, "Welke doorstroommogelijkheden heeft de helpende zorg en welzijn?")
    assert held.type == LOOKUP and not held.problem, held.read_as


def test_clients_per_worker_is_no_fact_of_a_dossier(library, searcher):
    reply = only(library, searcher, "How many clients may a begeleider gehandicaptenzorg support at the same time?")
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact", reply.read_as


def test_an_interested_lead_in_is_no_topic(library, searcher):
    reply = only(library, searcher, "I would be interested in which work processes of Sociaal werk 2015 mention "
                 "volunteers.")
    assert reply.type == LIST and "interested" not in reply.intent.topic, reply.read_as


def test_a_verb_asked_in_the_infinitive_is_held_in_the_third_person(library, searcher):
    reply = only(library, searcher, "Klopt het dat de helpende in 2015 niets met evalueren doet? Staat daar iets bij?")
    assert reply.problem != "not_in_scope", reply.read_as


def test_a_statement_before_the_question_and_a_request_after_it(library, searcher):
    reply = only(library, searcher, "I coordinate a team of carers. Where do the dossiers mention volunteers? I want "
                 "every work process, all years.")
    assert reply.type == LIST and "coordinate" not in reply.intent.topic and "team" not in reply.intent.topic, (
        reply.read_as)
