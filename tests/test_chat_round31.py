"""The chat on the thirty-first round's findings (issue 14), from a dementia-care team leader and a Syrian pharmacist
retraining (tune46a) and a childcare policy coach and a Dutch-born Canadian (tune47a), and from the held-back halves
once measured (tune46b, tune47b): what students must *leren*; "… Do I need a VOG for that?"; the SBB competences of
a unit the previous answer showed from the 2020/21 extract; a law the sources name or never name; the recognition of
a foreign diploma; an abbreviation the sources spell out; "waar komt dat voor?"; "is dat bij X hetzelfde?"; "do
they differ …" after a list of profiles; the levels of a profile of competences in general; a comparison asked of one
work process by its topic. On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask, assert_not_found, only

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE, verb_used
from assistant.names import fold
from assistant.replies import long_form

BSD = "Begeleider specifieke doelgroepen"


@pytest.mark.parametrize("question", [
    "Binnenkort krijgen we stagiairs van de opleiding Begeleider specifieke doelgroepen (niveau 3). Welke "
    "werkprocessen moeten zij in hun opleiding leren?",
    "Wat leren studenten in de opleiding Begeleider specifieke doelgroepen?",
    "What does a level 3 student learn in the Begeleider specifieke doelgroepen programme?",
])
def test_what_students_learn_is_the_programme_not_the_sbb_competence_leren(library, searcher, question):
    """The asker's verb *leren* (an auxiliary before it at the end of its clause, or its subject after it) asks what
    the programme teaches: the profile's tree, not SBB *Leren* nor a theme "leren"."""
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.mode == TREE, (question, reply.read_as)
    assert {e.profile for e in reply.intent.scopes} == {BSD} and not reply.intent.sbb
    assert len(reply.items) == 13  # the basisdeel, the profile's additions and its P2 units


def test_the_competence_leren_named_as_such_stays_a_competence(library, searcher):
    for question in ("Welke werkprocessen vragen om leren?", "Bij welke werkprocessen hoort de competentie Leren?",
                     "sociaal-cultureel werker: in welke werkprocessen moet je kunnen presenteren?",
                     "bij welke werkprocessen moet de GPM kunnen leren?"):  # able to learn: the competence
        reply = only(library, searcher, question)
        assert reply.type == COMPETENCE, (question, reply.read_as)


def test_verb_used_reads_the_clause_around_the_verb():
    assert verb_used("leren", fold("wat moet een OA leren?"))
    assert verb_used("leren", fold("wat leren studenten in de opleiding?"))
    assert verb_used("leren", fold("welke werkprocessen moeten zij leren alleen het profieldeel?"))
    assert not verb_used("leren", fold("waar moet je leren van feedback?"))  # not the clause's end
    assert not verb_used("leren", fold("welke werkprocessen vragen om leren?"))  # no auxiliary before it
    assert not verb_used("leren", fold("in welke werkprocessen moet een helpende kunnen leren?"))
    assert verb_used("leren", fold("wat gaan studenten leren in OA 2021?"))  # where they learn it
    assert verb_used("leren", fold("wat leert een stagiair bij de PMK?"))


def test_a_narrowing_follow_up_after_what_they_must_learn_keeps_the_tree(library, searcher):
    _, then = ask(library, searcher, "Welke werkprocessen moeten stagiairs van de Begeleider specifieke doelgroepen "
                  "in hun opleiding leren?", "Alleen de werkprocessen uit het profieldeel graag, het basisdeel ken ik "
                  "wel.")
    assert then.reply.type == LIST and then.reply.items, then.reply.read_as
    assert all(i.chunk.profile == BSD and i.chunk.variant is None for i in then.reply.items)


def test_that_which_points_at_the_purpose_said_before_is_answered(library, searcher):
    """"… hoping to work in a kinderopvang. Do I need a VOG for that?": the question names its own subject (*VOG*);
    *that* is the purpose said before, so the VOG passages answer it."""
    for question in ("Moving back to NL from Canada and hoping to work in a kinderopvang. Do I need a VOG for that?",
                     "Ik wil in de kinderopvang werken. Heb ik daarvoor een VOG nodig?"):
        reply = only(library, searcher, question)
        assert reply.type == LOOKUP and reply.hits, (question, reply.read_as)
        assert any("VOG" in h.chunk.text for h in reply.hits[:2])
    # a question with nothing of its own, or only a word many units hold ("rules", "eisen"), still asks what it
    # points at
    assert_not_found(library, searcher, ["Ik heb een cliënt met schulden. Welke werkprocessen gaan daarover?",
                                         "We run a daycare. Are there rules about that in the dossiers?",
                                         "Wij hebben een peuterspeelzaal. Welke eisen gelden daarvoor?"],
                     "no_referent")


@pytest.mark.parametrize("first, follow_up, code", [
    ('Wat moet ik doen bij "Versterkt het sociale netwerk" in het kwalificatiedossier Sociaal Werk 2020?',
     "Welke SBB-competenties horen daarbij?", "B1-K1-W3"),
    ("Which work processes of Sport & Bewegen 2021 are in the extract for the profile Coördinator sport- en "
     "bewegingsagogie?", "En welke SBB-competenties horen bij die drie P4-werkprocessen?", "P4-K1-W1"),
    ("compare B1-K1-W1 Inventariseert de vraag naar sociaal werk of Sociaal Werk 2020 with the one of 2015 please",
     "en welke SBB-competenties heeft die van 2020?", "B1-K1-W1"),
])
def test_the_sbb_competences_of_an_extract_unit_just_shown_are_none(library, searcher, first, follow_up, code):
    """The units the follow-up points at (the lookup's first werkproces, those listed, the one of the year named)
    are all 2020/21 texts, which name no SBB competence: said so, not passages about something else."""
    _, then = ask(library, searcher, first, follow_up)
    reply = then.reply
    assert reply.type == NOT_FOUND and reply.problem == "no_sbb", (follow_up, reply.read_as)
    assert code in reply.details[0] and ("2020" in reply.details[1] or "2021" in reply.details[1])


def test_the_sbb_competences_of_a_2015_unit_just_shown_are_still_given(library, searcher):
    _, then = ask(library, searcher, "compare B1-K1-W1 Inventariseert de vraag naar sociaal werk of Sociaal Werk 2020 "
                  "with the one of 2015 please", "en welke SBB-competenties heeft die van 2015?")
    assert then.reply.type != NOT_FOUND, then.reply.read_as


def test_a_law_the_sources_never_name_is_not_in_the_sources(library, searcher):
    assert_not_found(library, searcher, [
        "Welke eisen stelt de Wet kinderopvang volgens het kd aan een pedagogisch medewerker?"], "not_in_sources")
    reply = only(library, searcher, "Wat staat er in de dossiers over de Wet zorg en dwang?")
    assert reply.type == LOOKUP and any("zorg en dwang" in fold(h.chunk.text) for h in reply.hits), reply.read_as
    # "wet- en regelgeving" names no law; a law the sources name in another form, or "de wet" in a sentence, is held
    assert only(library, searcher, "waar komt wet- en regelgeving voor?").type == LIST
    for question in ("Wat zegt het dossier over de Wet langdurige zorg?", "welke wet regelt de kinderopvang?",
                     "Welke wet vervangt de AWBZ?", "Welke wet beschermt kinderen tegen mishandeling?",
                     "Moet een PMK volgens de wet verplicht een VOG hebben?",
                     "Wat staat er in het kd over de Wet verplichte meldcode?"):
        reply = only(library, searcher, question)
        assert reply.problem != "not_in_sources", (question, reply.details)


def test_the_recognition_of_a_foreign_diploma_is_an_absent_fact(library, searcher):
    assert_not_found(library, searcher, [
        "Can my Canadian ECE diploma be recognised (erkend) for the pedagogisch medewerker opleiding?",
        "Wordt mijn Syrische diploma erkend in Nederland?"], "absent_fact")
    assert only(library, searcher, "Welke werkprocessen gaan over een erkende VVE-methodiek?").type == LIST
    for question in ("Wordt mijn diploma onderwijsassistent erkend als ik naar de pabo ga?",  # a Dutch diploma
                     "Is my PMK diploma valid for working in a BSO?", "Wordt mijn pedagogische diploma erkend door de "
                     "pabo?", "Are these qualifications recognised by employers?"):
        assert only(library, searcher, question).problem != "absent_fact", question


def test_an_abbreviation_the_sources_spell_out_is_defined_by_that_passage(library, searcher):
    for question, words in (("wat betekent ADL?", "activiteiten van het dagelijks leven"),
                            ("wat betekent VVE eigenlijk? kom het steeds tegen", "vroegschoolse educatie")):
        reply = only(library, searcher, question)
        assert reply.type == LOOKUP and words in fold(reply.hits[0].best_sentence), (question, reply.hits[:1])


def test_long_form_matches_the_letters_of_the_words_before_the_brackets():
    assert long_form("ADL", "persoonlijke zorg en activiteiten van het dagelijks leven") == \
        "activiteiten van het dagelijks leven"
    assert long_form("VVE", "begrippen m.b.t. Voor- en Vroegschoolse Educatie") == "Voor- en Vroegschoolse Educatie"
    assert long_form("ADL", "een bewijs van goed gedrag") is None  # no word starts with an a


def test_how_does_that_come_is_no_reference(library, searcher):
    from assistant.conversation import find_reference

    assert find_reference("in welke wp's komt dat voor?") is not None
    assert find_reference("waar zie je dat terug?") is not None
    assert find_reference("hoe komt dat?") is None and find_reference("zie je dat?") is None


def test_where_does_that_occur_after_a_definition_lists_the_term(library, searcher):
    _, then, narrowed = ask(library, searcher, "wat betekent VVE eigenlijk? kom het steeds tegen",
                            "in welke wp's komt dat voor? zowel oude als nieuwe kd", "alleen bij OA")
    assert then.reply.type == LIST and then.reply.intent.mode == WHERE and "vve" in then.reply.read_as.lower()
    assert 0 < len(then.reply.items) < 10 and narrowed.reply.items
    assert all(i.chunk.dossier == "Onderwijsassistent" or i.chunk.profile == "Onderwijsassistent"
               for i in narrowed.reply.items)


def test_is_that_the_same_for_another_programme_compares_both(library, searcher):
    for first in ("welk niv engels moet ik haalen voor OA?", "Op welk niveau moet de OA Engels beheersen?"):
        _, then = ask(library, searcher, first, "en is dat bij medewerker sport en recreatie hetzelfde?")
        reply = then.reply
        assert reply.type == COMPARE, reply.read_as
        assert "Medewerker sport en recreatie" in reply.read_as and "Onderwijsassistent" in reply.read_as
        assert any(row.startswith("Engels|") for row in reply.details), reply.details  # each one's English


def test_do_they_differ_after_a_list_of_profiles_compares_those_profiles(library, searcher):
    for first, follow_up in (("Which profiles are in the 2015 Dienstverlening dossier?",
                              "Do they differ in level or study load?"),
                             ("welke profielen heeft maatschappelijke zorg?", "verschillen ze in niveau?")):
        _, then = ask(library, searcher, first, follow_up)
        assert then.reply.type == COMPARE and len(then.reply.sides or ()) >= 3, (follow_up, then.reply.read_as)
    # the 2021 extract gives no level: said so, not an empty table
    _, then = ask(library, searcher, "welke profielen heeft sport en bewegen?", "Do they differ in level?")
    assert then.reply.type == NOT_FOUND and then.reply.problem == "no_fact", then.reply.read_as
    # "those two profiles" keeps its pair
    _, _, pair = ask(library, searcher, "welke profielen heeft maatschappelijke zorg?",
                     "Voor welke van die profielen zijn een VOG en een inenting tegen hepatitis B vereist?",
                     "Compare those two profiles: level, type of programme and study load in sbu.")
    assert pair.reply.type == COMPARE and len(pair.reply.sides or ()) == 2, pair.reply.read_as


def test_filler_words_and_typed_question_words(library, searcher):
    reply = only(library, searcher, "wlke werkprocessen heeft de thuisbegeleider? alles graag, ook het basisdeel en "
                                    "de aanvullingen")
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 21, reply.read_as
    assert_not_found(library, searcher, ["hoevel uur bpv moet je lopen als thuisbeg.?"], "absent_fact")
    reply = only(library, searcher, "Good afternoon. I worked as a pharmacist in Syria and I am now retraining in "
                                    "the Netherlands. Could you please tell me which work processes involve checking "
                                    "or administering medication?")
    assert reply.type == LIST and "syria" not in reply.read_as.lower() and len(reply.items) <= 3, reply.read_as


def test_how_many_profiles_and_the_level_of_each_is_the_list_of_profiles(library, searcher):
    reply = only(library, searcher, "How many profiles does the 2015 Maatschappelijke Zorg dossier have, and at which "
                                    "mbo level is each?")
    assert reply.type == LIST and reply.intent.kind == "profiel" and len(reply.items) == 6, reply.read_as
    # the dossier's own fact asked beside its profiles' stays a lookup of the facts
    reply = only(library, searcher, "What's the crebo of the Pedagogisch Werk dossier and the crebo codes of its "
                                    "three profiles?")
    assert reply.type == LOOKUP, reply.read_as


def test_two_levels_of_the_profile_of_competences_in_general_side_by_side(library, searcher):
    reply = only(library, searcher, "In the competentieprofiel, what's the difference between niveau 1 and niveau 4 "
                                    "in the uitleg niveaus?")
    assert reply.type == COMPARE and len(reply.rows) == 1, reply.read_as
    assert reply.rows[0].left.passage.startswith("Niveau 1:") and reply.rows[0].right.passage.startswith("Niveau 4:")
    reply = only(library, searcher, "In the Sociaalwerker B competence profile, what does level 3 mean in general "
                                    "terms?")
    assert reply.type == LOOKUP and reply.hits and reply.hits[0].chunk.kind == "uitleg_niveaus", reply.read_as
    # without the profile of competences named, two bare levels still ask what to compare
    assert_not_found(library, searcher, ["wat is het verschil tussen niveau 2 en 3?"], "compare_what")


def test_a_comparison_of_one_work_process_by_its_topic_shows_that_pair(library, searcher):
    question = ("How does the PMK work process about making a plan van aanpak for the begeleiding differ between the "
                "2015 dossier and the 2021 one?")
    reply = only(library, searcher, question)
    whole = only(library, searcher, "vergelijk de PMK van 2015 en 2021")
    assert reply.type == COMPARE and len(reply.rows) < len(whole.rows), reply.read_as
    assert any(r.left and r.right and r.left.chunk.code == r.right.chunk.code == "P1-K1-W3" for r in reply.rows)
    assert {"P1-K1-W3"} <= {i.chunk.code for i in reply.items}


def test_a_comparison_of_two_programmes_on_a_topic_shows_the_pairs_on_it(library, searcher):
    reply = only(library, searcher, "wat is het verschil tussen persoonlijke verzorging bij de helpende zorg en "
                                    "welzijn en bij maatschappelijke zorg?")
    assert reply.type == COMPARE and reply.narrowed and len(reply.items) <= 8, (reply.read_as, len(reply.items))
    assert all(any("verzorg" in fold(f"{i.chunk.title} {i.passage}") for i in (r.left, r.right) if i is not None)
               for r in reply.rows), reply.read_as
    # the follow-up's "die twee" are still the programmes
    assert reply.subjects() == tuple(reply.sides)
    # a comparison "qua niveau en sbu" asks the programmes' facts: no unit is picked by those words
    whole = only(library, searcher, "vergelijk begeleider gehandicaptenzorg en persoonlijk begeleider "
                                    "gehandicaptenzorg")
    facts = only(library, searcher, "Wat is het verschil tussen begeleider gehandicaptenzorg en persoonlijk begeleider "
                                    "gehandicaptenzorg qua niveau en sbu?")
    assert facts.type == COMPARE and len(facts.items) == len(whole.items) and not facts.narrowed


def test_a_phrase_of_regarding_is_no_topic_word(library, searcher):
    reply = only(library, searcher, "waar komt samenwerken op het gebied van veiligheid voor?")
    assert reply.type == LIST and "gebied" not in reply.read_as, reply.read_as
    reply = only(library, searcher, "wat is het verschil tussen OA en PMK qua rekenen?")
    assert reply.type == COMPARE and not reply.narrowed, reply.read_as  # a programme's subject, picking no unit
