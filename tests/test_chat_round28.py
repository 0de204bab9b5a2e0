"""The chat on the twenty-eighth round's findings (issue 14), from a care coordinator and a Ukrainian teacher
(tune40a), a docent who compares versions and an international principal (tune40b), a sport teacher and an exchange
student (tune41a) and a youth-care supervisor and a researcher (tune41b): an English aside that explains a Dutch term;
"which has more …, A or B"; "is that still the same in 2021?" after a fact; a Dutch word for what the sources never
state inside an English question; a competence word inside a profile's name; the profiles of one dossier compared;
"your material"; a profile named in the plural; an English competence name in the asker's statement; "vgl", "zet …
naast …"; the level descriptions of a competence the profile lacks. On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, only

from assistant.conversation import plural_names
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, WHERE

MZ = "Maatschappelijke Zorg"


def types(library, searcher, *questions: str) -> dict[str, str]:
    """Each question, asked on its own, with its reply's type and reading."""
    replies = {q: only(library, searcher, q) for q in questions}
    return {q: f"{r.type}: {r.read_as}" for q, r in replies.items()}


def all_of(kind: str, found: dict[str, str]) -> bool:
    return all(reading.startswith(f"{kind}:") for reading in found.values())


def test_an_english_aside_explaining_a_dutch_term_is_no_missing_topic(library, searcher):
    """The user explains the ondersteuningsplan in their own English words, which the Dutch sources need not hold."""
    for question in ("Which work processes in Maatschappelijke Zorg are about the ondersteuningsplan (making or "
                     "contributing to it)?",
                     "Which work processes in the KD Maatschappelijke Zorg deal with the ondersteuningsplan (writing "
                     "it or contributing to it)?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and reply.intent.mode == WHERE, (question, reply.read_as)
        assert {i.chunk.profile for i in reply.items} >= {"Thuisbegeleider", "Begeleider specifieke doelgroepen"}
        assert all(i.chunk.dossier == MZ for i in reply.items)


def test_an_aside_with_words_the_sources_hold_still_counts(library, searcher):
    """"VVE (early childhood education)": the aside's held words keep the question held (not only its term)."""
    reply = only(library, searcher, "In which work processes, in either the 2015 or the 2021 files, is a VVE (early "
                                    "childhood education) methodology mentioned?")
    assert reply.type == LIST, reply.read_as


def test_a_word_no_source_holds_explained_in_english_is_still_absent(library, searcher):
    reply = only(library, searcher, "Which work processes mention statushouders (refugees with a residence permit)?")
    assert reply.type == NOT_FOUND, reply.read_as


def test_which_has_more_of_two_named_is_a_comparison(library, searcher):
    found = types(library, searcher, "which dossier has more profiles, dienstverlening or sociaal werk (2015)?",
                  "welke heeft meer werkprocessen: thuisbegeleider of persoonlijk begeleider gehandicaptenzorg?",
                  "Helpende Zorg en Welzijn or Medewerker facilitaire dienstverlening, which one is more about "
                  "caring for people?")
    assert all_of(COMPARE, found), found
    # one programme named: no comparison ("meer" is then no cue, nor a theme)
    reply = only(library, searcher, "welke werkprocessen van de thuisbegeleider gaan meer over huishouden?")
    assert reply.type == LIST, reply.read_as


def test_still_the_same_in_another_year_asks_the_fact_there(library, searcher):
    """After a fact of the 2015 OA, "is that still the same in 2021?" asks it of the 2021 OA, which the extract
    does not give: said so, not a comparison of every unit."""
    for first, second in (("what level of English I need for onderwijsassistent? (dossier 2015)",
                           "and for the onderwijsassistent dossier of 2021, is it the same?"),
                          ("what level of English I need for onderwijsassistent? (dossier 2015)",
                           "is it the same in 2021?"),
                          ("welk niveau Engels heeft de OA 2015 nodig?", "is dat in 2021 nog hetzelfde?")):
        _, then = ask(library, searcher, first, second)
        assert then.reply.type == NOT_FOUND, (second, then.reply.read_as)
        assert "2021" in then.question, then.question


def test_the_same_in_a_year_the_programme_lacks_is_no_rewrite(library, searcher):
    """The thuisbegeleider has no 2021 version: not "what does a thuisbegeleider do in 2021", with other units."""
    _, then = ask(library, searcher, "Wat doet een thuisbegeleider?", "is dat in 2021 hetzelfde?")
    assert not then.reply.hits and not then.reply.items, then.reply.read_as


def test_the_same_after_a_unit_or_with_another_programme_still_compares(library, searcher):
    _, then = ask(library, searcher, "Show me B1-K1-W5 for the 2021 Onderwijsassistent.", "is that the same in 2015?")
    assert then.reply.type == COMPARE, then.reply.read_as
    _, then = ask(library, searcher, "Show me B1-K1-W5 for the 2021 Onderwijsassistent.", "Is it the same for the PMK?")
    assert then.reply.type == COMPARE, then.reply.read_as


def test_a_dutch_word_for_an_absent_fact_inside_an_english_question(library, searcher):
    reply = only(library, searcher, "I have teacher diploma from Ukraine. Do I get vrijstelling for some parts of "
                                    "onderwijsassistent?")
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact", reply.read_as


def test_a_competence_word_inside_a_profile_name_is_the_name(library, searcher):
    """"… training en coaching" names the profile, not the competence Coachen: its sbu are asked, which the extract
    does not give."""
    reply = only(library, searcher, "how many sbu is the Coördinator sportinstructie, training en coaching?")
    assert reply.type == NOT_FOUND and reply.problem == "no_fact", reply.read_as
    assert not reply.intent.competences


def test_profiles_of_one_dossier_compared(library, searcher):
    """"How do the three DV profiles differ": the three side by side in their facts, not two versions."""
    reply = only(library, searcher, "How do the three Dienstverlening profiles differ in level, crebo number and "
                                    "study load?")
    assert reply.type == COMPARE and len(reply.sides) == 3, reply.read_as
    assert any(d.startswith("crebo|") and "25498" in d for d in reply.details), reply.details
    reply = only(library, searcher, "how do the two Sociaal werk 2015 profiles differ?")
    assert reply.type == COMPARE and "2020" not in reply.read_as, reply.read_as
    assert {"Sociaal-maatschappelijk dienstverlener", "Sociaal-cultureel werker"} <= {
        e.profile for e in reply.intent.scopes}
    reply = only(library, searcher, "Wat is het verschil in studielast (sbu) tussen de niveau 3- en de "
                                    "niveau 4-profielen van Maatschappelijke Zorg?")
    assert reply.type == COMPARE and len(reply.sides) == 6, reply.read_as


def test_your_material_names_the_sources(library, searcher):
    reply = only(library, searcher, "What does the Sport & Bewegen dossier (2021) cover in your material? Please "
                                    "list its work processes.")
    assert reply.type == LIST and not reply.intent.topic, reply.read_as
    assert len(reply.items) >= 10


def test_plural_names_of_programmes():
    plurals = plural_names(["helpende zorg en welzijn", "onderwijsassistent", "pedagogisch medewerker kinderopvang",
                            "coördinator sport, bewegen en gezondheid", "sport & bewegen", "pmk"])
    assert plurals["helpenden zorg en welzijn"] == "helpende zorg en welzijn"
    assert plurals["onderwijsassistenten"] == "onderwijsassistent"
    assert plurals["pedagogisch medewerkers kinderopvang"] == "pedagogisch medewerker kinderopvang"
    assert plurals["coördinatoren sport, bewegen en gezondheid"] == "coördinator sport, bewegen en gezondheid"
    assert not any(name in ("sport & bewegen", "pmk") for name in plurals.values())


def test_a_profile_named_in_the_plural(library, searcher):
    reply = only(library, searcher, "We nemen volgende maand twee helpenden zorg en welzijn aan (niveau 2). Wat "
                                    "hebben die in hun opleiding allemaal geleerd, welke werkprocessen horen erbij?")
    assert reply.type == LIST, reply.read_as
    assert {i.chunk.profile or "" for i in reply.items} <= {"", "Helpende Zorg en Welzijn"}
    assert len(reply.items) == 12


def test_an_english_competence_name_by_its_first_letters_in_a_statement_is_none(library, searcher):
    """"considering a partnership with a college" shares *cons* and *coll* with "collaborating and consulting"."""
    reply = only(library, searcher, "We are considering a partnership with a Dutch mbo college. Which work processes "
                                    "does the Helpende Zorg en Welzijn programme cover?")
    assert reply.type == LIST and not reply.intent.sbb, reply.read_as
    assert len(reply.items) == 12
    # the name in full in the statement still counts, and a Dutch statement by its verbs too
    found = types(library, searcher,
                  "My students must show collaborating and consulting. Which work processes of the helpende?",
                  "My intern shows ethical and integer conduct. Which work processes relate to that?",
                  "Een stagiair sociaal-cultureel werker vraagt hoe ze kan aantonen dat ze goed plant en organiseert. "
                  "Aan welke wp's kan ik haar koppelen?")
    assert all_of(COMPETENCE, found), found


def test_vgl_and_zet_naast_compare(library, searcher):
    found = types(library, searcher, "hoeveel sbu heeft helpende zorg en welzijn vgl met thuisbegeleider",
                  "zet de thuisbegeleider naast de agogisch medewerker ggz")
    assert all_of(COMPARE, found), found
    # one programme beside something else, or a separable verb before *naast*: no comparison
    found = types(library, searcher, "Zet de PMK in naast een leerkracht: welke taken?",
                  "Leg uit wat een thuisbegeleider doet naast de huishoudelijke taken",
                  "Leg het ondersteuningsplan naast de werkprocessen van de PMK: welke passen?")
    assert not any(reading.startswith(f"{COMPARE}:") for reading in found.values()), found


def test_level_descriptions_of_a_competence_the_profile_lacks(library, searcher):
    reply = only(library, searcher, "What are the level descriptions for Samenwerken in the Sociaalwerker B "
                                    "competence profile?")
    assert reply.type == NOT_FOUND and reply.problem == "unknown_competence", reply.read_as
    reply = only(library, searcher, "wat is niveau 3 van plannen en organiseren?")
    assert reply.type == LOOKUP, reply.read_as


def test_which_has_more_in_two_years_of_one_programme_compares(library, searcher):
    found = types(library, searcher, "Welke werkprocessen heeft de PMK meer in 2021 dan in 2015?",
                  "Which has more work processes, PMK 2015 or PMK 2021?")
    assert all_of(COMPARE, found), found
    reply = only(library, searcher, "welke opleiding is zwaarder, OA of PMK?")  # in the version that states the load
    assert reply.type == COMPARE and "2021" not in reply.read_as, reply.read_as


def test_a_programme_level_narrows_a_where_list_without_a_kind(library, searcher):
    """"waar komt toezicht voor?" names no kind of unit; "alleen niveau 2" is still the programmes' level, not a
    competence level of *toezicht*."""
    first, second = ask(library, searcher, "Waar komt toezicht voor?", "alleen niveau 2")
    assert second.reply.type == LIST and second.reply.intent.mode == WHERE, second.reply.read_as
    assert second.reply.items and {i.ref for i in second.reply.items} < {i.ref for i in first.reply.items}
    assert all(i.chunk.profile == "Medewerker sport en recreatie" for i in second.reply.items)


def test_which_of_those_is_at_a_level(library, searcher):
    _, second = ask(library, searcher, "Waar komt toezicht voor?", "welke daarvan is op niveau 2?")
    assert second.reply.type == LIST, second.reply.read_as
    assert [i.chunk.profile for i in second.reply.items] == ["Medewerker sport en recreatie"]


def test_the_units_of_all_programmes_at_a_level(library, searcher):
    reply = only(library, searcher, "welke werkprocessen zijn op niveau 2?")
    assert reply.type == LIST and reply.items, reply.read_as
    assert {i.chunk.dossier for i in reply.items} == {"Dienstverlening"}  # the corpus's only level-2 programmes


def test_near_misses_of_the_rounds_rules(library, searcher):
    """A theme weighed between two programmes, making contact, "your" before other words, the examination of a
    client: none of them changed by this round's rules."""
    found = types(library, searcher, "zit er meer samenwerking in GPM dan in PMK?",
                  "welke werkprocessen van PMK en GPM gaan over meer dan één kind?")
    assert not any(reading.startswith(f"{COMPARE}:") for reading in found.values()), found
    reply = only(library, searcher, "waar wordt het leggen van contact met kinderen beschreven?")
    assert "contact" in reply.intent.topic, reply.read_as
    reply = only(library, searcher, "which work processes are about protecting your data?")
    assert reply.type == LIST and "data" in reply.intent.topic, reply.read_as
    reply = only(library, searcher, "how is the assessment of the client's needs done?")
    assert reply.problem != "absent_fact", reply.read_as


def test_a_programme_compared_in_level_takes_the_version_that_states_it(library, searcher):
    reply = only(library, searcher, "is GPM hoger dan PMK?")
    assert reply.type == COMPARE and "2015" in reply.read_as and "2021" not in reply.read_as, reply.read_as
    assert any(d.startswith("niveau|") for d in reply.details), reply.details


def test_none_of_those_at_a_level_says_the_level(library, searcher):
    _, then = ask(library, searcher, "welke werkprocessen gaan over toezicht houden?", "welke daarvan is op niveau 3?")
    assert then.reply.problem == "none_of_those" and then.reply.details[1] == "op niveau 3", then.reply.details
