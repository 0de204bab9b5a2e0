"""The chat on the sixth round's questions (issue 14): facts about a programme that no kwalificatiedossier
states (schools, pay, enrolment dates, exam cut-offs, hours of work placement) are a not_found that says what
the dossiers do hold, not passages that only share the question's words. The kinds are language data
(``data/absent_facts.toml``) with a loader; on the real bundled corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ask

from assistant.absent_facts import ABSENT_FACTS_FILE, absent_facts, asked_absent_fact
from assistant.intent import NOT_FOUND
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
