"""The chat on the fourteenth round's findings (issue 14), from an exam committee member and a student who types
shorthand (tune24a): a lead-in before a reference ("Kortom, …", "So in short, …") does not hide it; *distinguish*,
*onderscheidt* and *diff* ask for a comparison; "both the 2015 and the 2021 dossiers" names years, not earlier
answers; a Dutch term's first half ("voor- en") is no grammar of the question; "the sociaalwerker profile" after other
words names a known profile; "alleen de profielspecifieke" narrows a list that included the basisdeel; a list asked
"in de titel" keeps the units whose title holds the words. On the real bundled corpus."""

from __future__ import annotations

import re

import pytest
from conftest import ask, only, refs

from assistant.intent import COMPARE, LIST, LOOKUP, NOT_FOUND, TREE
from assistant.language import detect
from assistant.model import WERKPROCES
from assistant.themes.corpus import judged_ref
from assistant.themes.words import fold


@pytest.mark.parametrize("third", [
    "Kortom, wat is het belangrijkste verschil tussen die twee niveaus?",
    "So in short, what is the key difference between those two levels?",
    "Briefly, how do those two levels differ?",
])
def test_a_lead_in_before_a_reference_to_two_answers_does_not_hide_it(library, searcher, third):
    turns = ask(library, searcher,
                "Wat staat er in het competentieprofiel Sociaalwerker B bij Resultaatgericht niveau 3?", "En niveau 4?",
                third)
    reply = turns[-1].reply
    assert reply.type == COMPARE and len(reply.items) == 2
    assert {item.chunk.title for item in reply.items} == {"Resultaatgericht niveau 3", "Resultaatgericht niveau 4"}


@pytest.mark.parametrize("question", [
    "Iemand met geldproblemen helpen, welke taak hoort daarbij?",
    "Wat is een competentie, en hoe verschilt die van een werkproces?",
    "List the profiles in the dossier, and which of those has the most work processes?",
])
def test_a_clause_before_a_reference_on_a_first_question_still_points_inside(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.problem != "no_referent"


@pytest.mark.parametrize("question", [
    "What distinguishes Kwaliteitsgericht level 3 from level 4 in the Sociaalwerker B competence profile?",
    "Wat onderscheidt kwaliteitsgericht niveau 3 van niveau 4?",
])
def test_distinguish_asks_for_two_levels_side_by_side(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == COMPARE
    assert {item.chunk.title for item in reply.items} == {"Kwaliteitsgericht niveau 3",
                                                          "Kwaliteitsgericht niveau 4"}


@pytest.mark.parametrize(("question", "word"), [
    ("How does the thuisbegeleider distinguish signs of abuse?", None),
    ("Welke werkprocessen vragen om onderscheid tussen feiten en meningen?", "onderscheid"),
])
def test_distinguishing_as_the_topic_asks_no_comparison(library, searcher, question, word):
    reply = only(library, searcher, question)
    assert reply.type != COMPARE and reply.intent.type != COMPARE  # not read as a comparison, nor refused as one
    assert word is None or word in reply.read_as


def test_diff_is_shorthand_for_a_comparison_of_two_profiles(library, searcher):
    reply = only(library, searcher, "diff between agogisch medewerker ggz and thuisbegeleider?")
    assert reply.type == COMPARE
    assert {item.chunk.profile for item in reply.items} >= {"Agogisch medewerker GGZ", "Thuisbegeleider"}


@pytest.mark.parametrize("question", ["Which work processes mention VVE? Both the 2015 and the 2021 dossiers please.",
                                      "Which work processes mention VVE? both in 2015 and 2021"])
def test_both_years_named_on_a_first_question_point_at_no_earlier_answer(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.problem != "no_referent"
    assert {item.chunk.version[:4] for item in reply.items} == {"2015", "2021"}
    assert all("vve" in (item.chunk.passage or item.chunk.text).lower() for item in reply.items)
    assert "both" not in reply.read_as


@pytest.mark.parametrize(("text", "lang"), [
    ("Which work processes mention VVE or voor- en vroegschoolse educatie?", "en"),
    ("Which work processes mention VVE or Voor– en vroegschoolse educatie?", "en"),
    ("Welke werkprocessen gaan over voor- en vroegschoolse educatie?", "nl"),
])
def test_the_first_half_of_a_dutch_term_is_no_grammar_of_the_question(text, lang):
    assert detect(text) == lang


def test_an_english_question_with_a_dutch_term_is_answered_in_english(library, searcher):
    reply = only(library, searcher, "Which work processes mention VVE or voor- en vroegschoolse educatie?")
    assert reply.type == LIST and reply.lang == "en" and reply.items


def test_a_known_profile_after_other_words_is_no_unknown_profile(library, searcher):
    reply = only(library, searcher, "what is probleemoplossend vermogen exactly? the definition from the "
                                    "sociaalwerker profile")
    assert reply.type == LOOKUP and reply.hits
    assert reply.hits[0].chunk.title == "Probleemoplossend vermogen"


@pytest.mark.parametrize("question", ["What does the dental assistant profile include?",
                                      "Which work processes does a student in the kok profile have?"])
def test_an_unknown_profile_is_still_named_as_unknown(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope"


@pytest.mark.parametrize(("first", "narrowing"), [
    ("Welke werkprocessen horen bij het profiel Agogisch medewerker GGZ in Maatschappelijke Zorg 2015, inclusief "
     "basisdeel en aanvullingen?", "Alleen de profielspecifieke graag, dus zonder basisdeel."),
    ("Which work processes does the Agogisch medewerker GGZ have, including the core part?",
     "only the profile-specific ones"),
])
def test_only_the_profile_specific_ones_narrows_a_list_that_included_the_basisdeel(library, searcher, first,
                                                                                     narrowing):
    whole, narrowed = (t.reply for t in ask(library, searcher, first, narrowing))
    assert whole.type == LIST and len(whole.items) == 20
    assert narrowed.type == LIST and narrowed.intent.mode == TREE
    assert narrowed.items and refs(narrowed) < refs(whole)
    assert all(item.chunk.code.startswith("P") for item in narrowed.items)


def test_only_the_profile_specific_ones_after_an_inclusion_in_the_middle_of_the_question(library, searcher):
    whole, narrowed = (t.reply for t in ask(
        library, searcher, "Welke werkprocessen horen, inclusief basisdeel en aanvullingen, bij Thuisbegeleider?",
        "alleen de profielspecifieke"))
    assert narrowed.items and refs(narrowed) < refs(whole)
    assert all(item.chunk.code.startswith("P5") for item in narrowed.items)


def test_a_new_profile_beside_the_narrowing_replaces_the_old_one_whole(library, searcher):
    """The inclusion is taken out before the profile's name is put in (spliced at spans of the text as it was, the
    question read "… gehandicaptenzoThuisbegeleider …")."""
    _, narrowed = (t.reply for t in ask(
        library, searcher, "Welke werkprocessen horen, inclusief basisdeel en aanvullingen, bij de Persoonlijk "
                           "begeleider gehandicaptenzorg?", "alleen de profielspecifieke van de Thuisbegeleider"))
    assert narrowed.type == LIST and narrowed.items
    assert {item.chunk.profile for item in narrowed.items} == {"Thuisbegeleider"}


def test_a_list_asked_in_the_title_keeps_the_units_whose_title_holds_the_word(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen hebben 'evalueert' in de titel? Alle dossiers en jaren.")
    titled = {judged_ref(u.chunk) for u in library.units if u.chunk.kind == WERKPROCES
              and re.search(r"\bevalueert\b", (u.chunk.title or "").lower())}
    assert reply.type == LIST and len(titled) >= 10
    assert refs(reply) == titled
    assert "in de titel" in reply.read_as  # the reading says the list is of titles


def test_without_the_title_cue_the_body_counts_too(library, searcher):
    titled = only(library, searcher, "Which work processes have 'coördinerende taken' in their title?")
    anywhere = only(library, searcher, "Which work processes mention 'coördinerende taken'?")
    assert titled.items and refs(titled) < refs(anywhere)
    assert all("coordiner" in fold(item.chunk.title) for item in titled.items)  # a form of the rare word


@pytest.mark.parametrize("question", [
    "Hoeveel examens of proeven moeten er per kerntaak worden afgenomen voor Maatschappelijke Zorg?",
    "Hoe ziet het examenplan van maatschappelijke zorg eruit?",
    "Can my son get extra time in exams because of his disability?",
    "Can I do my exams in English instead of Dutch?",
])
def test_how_the_exams_are_organised_is_an_absent_fact(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == "exam_rules"


@pytest.mark.parametrize("question", [
    "Voor het examenplan: welke werkprocessen moeten we afdekken voor het profiel Thuisbegeleider?",
    "Hoeveel examens zijn er, en welke werkprocessen worden geëxamineerd bij de thuisbegeleider?",
])
def test_werkprocessen_asked_for_an_exam_are_still_listed(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.items


@pytest.mark.parametrize("question", ["How is the risk of crisis assessed by the agogisch medewerker GGZ?",
                                      "How are children's developmental needs assessed by the pedagogisch medewerker?"])
def test_how_a_client_is_assessed_is_no_exam_question(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.problem != "absent_fact"


@pytest.mark.parametrize("question", [
    "Welke werkprocessen moet een persoonlijk begeleider gehandicaptenzorg allemaal beheersen?",
    "Which work processes does a Persoonlijk begeleider gehandicaptenzorg have to master?",
])
def test_what_a_profile_must_master_is_its_whole_list(library, searcher, question):
    """*beheersen*, *master* ask for the profile's werkprocessen; they are no theme (one PBG unit says *beheerst*)."""
    reply = only(library, searcher, question)
    plain = only(library, searcher, "Welke werkprocessen heeft de persoonlijk begeleider gehandicaptenzorg?")
    assert reply.type == LIST and reply.intent.mode == TREE and refs(reply) == refs(plain) and len(plain.items) > 20


def test_only_the_werkprocessen_where_a_competence_belongs_narrows_the_list_just_given(library, searcher):
    whole, narrowed = (t.reply for t in ask(
        library, searcher, "Welke werkprocessen heeft de persoonlijk begeleider gehandicaptenzorg?",
        "Kun je alleen de werkprocessen noemen waarbij plannen en organiseren hoort?"))
    everywhere = only(library, searcher, "Bij welke werkprocessen hoort plannen en organiseren?")
    assert narrowed.items and refs(narrowed) <= refs(whole)
    assert len(narrowed.items) < len(everywhere.items)


@pytest.mark.parametrize("extra", ["Met titel graag.", "Ook die het in de titel of de omschrijving noemen.",
                                   "Hoe heten ze?"])
def test_showing_the_titles_or_title_or_text_is_no_title_filter(library, searcher, extra):
    plain = only(library, searcher, "Welke werkprocessen gaan over evalueren?")
    reply = only(library, searcher, f"Welke werkprocessen gaan over evalueren? {extra}")
    titled = only(library, searcher, "Welke werkprocessen hebben evalueren in de titel?")
    assert refs(reply) == refs(plain) and refs(titled) < refs(plain)
    assert "titel" not in reply.read_as and "in de titel" in titled.read_as
