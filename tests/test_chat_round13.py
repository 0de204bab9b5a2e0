"""The chat on the thirteenth round's findings (issue 14), from a student counsellor and a student who writes
English (tune23a): the asker's statement after the question points at nothing ("… I'd rather not do that."); the
asker's statements before a list question with words of its own are no theme; an introduction that carries the
theme stays when the question only points back at it ("… passen daarbij?"); "op een rij zetten" asks for the list.
On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask, only, refs

from assistant.intent import LIST, NOT_FOUND, TREE


@pytest.mark.parametrize(("question", "plain"), [
    ("Where do the dossiers mention medication? I'd rather not do that.", "Where do the dossiers mention medication?"),
    ("Welke werkprocessen gaan over hygiëne? Dat vind ik belangrijk.", "Welke werkprocessen gaan over hygiëne?"),
])
def test_a_statement_after_the_question_points_at_nothing(library, searcher, question, plain):
    """*that* in the asker's afterword is no reference to an earlier turn (there is none): the list is answered."""
    reply, expected = only(library, searcher, question), only(library, searcher, plain)
    assert reply.type == LIST and reply.items and refs(reply) == refs(expected)


def test_the_askers_statement_before_a_list_question_of_its_own_is_no_theme(library, searcher):
    reply = only(library, searcher, "I'm good at sports and games. In which work processes does huishouden come up?")
    plain = only(library, searcher, "In which work processes does huishouden come up?")
    assert reply.type == LIST and reply.items and refs(reply) == refs(plain)
    assert "sports" not in reply.read_as and "games" not in reply.read_as


@pytest.mark.parametrize("question", ["Ik heb een cliënt met schulden. Welke werkprocessen gaan daarover?",
                                      "I work with people who have debts. Which work processes deal with that?"])
def test_a_first_question_that_points_back_at_a_statement_asks_for_the_topic(library, searcher, question):
    """The statement's words are not the theme (*cliënt*, *werk*, *mensen* found lists about something else): the
    chat asks what *daarover* refers to, as before."""
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and reply.problem == "no_referent"


@pytest.mark.parametrize(("question", "theme"), [
    ("Mijn student moet een opdracht doen over veiligheid. Welke werkprocessen zijn het belangrijkst?", "veiligheid"),
    ("Ik maak een les over hygiëne. Welke werkprocessen moet ik behandelen?", "hygiëne"),
])
def test_a_statement_stays_the_theme_when_the_question_asks_no_theme_of_its_own(library, searcher, question, theme):
    """*belangrijkst*, *behandelen* are no theme: the statement's theme stays."""
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.items and theme in reply.read_as


@pytest.mark.parametrize("question", ["Ik zoek werkprocessen over agressie. Welke zijn er bij de Thuisbegeleider?",
                                      "Ik maak een les over agressie. Welke werkprocessen heeft de thuisbegeleider?"])
def test_a_statement_that_says_what_is_sought_narrows_a_scope_question(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.mode != TREE and "agressie" in reply.read_as
    assert 0 < len(reply.items) < 5


def test_an_ordinal_after_the_question_still_points_back(library, searcher):
    """"Het tweede profiel." after the question is no aside: it names the referent."""
    _, second = (t.reply for t in ask(library, searcher, "Welke profielen heeft Maatschappelijke Zorg?",
                                      "Welke werkprocessen? Het tweede profiel."))
    assert second.type == LIST and second.items
    assert {item.ref.split("|")[3] for item in second.items} <= {"Begeleider specifieke doelgroepen", ""}


def test_a_long_message_of_statements_without_a_final_question_mark_is_answered(library, searcher):
    """Many first-person sentences, the question, and thanks after it (the statement pattern once backtracked
    exponentially on such a message)."""
    intro = " ".join(f"Ik werk al {n} jaar in de zorg." for n in range(1, 13))
    reply = only(library, searcher, intro + " Welke werkprocessen gaan over pesten? Alvast bedankt.")
    assert reply.type == LIST and reply.items and "pesten" in reply.read_as


def test_thanks_after_the_question_does_not_bring_the_statement_back(library, searcher):
    reply = only(library, searcher, "I'm good at sports and games. In which work processes does huishouden come up? "
                                    "Thanks!")
    assert reply.type == LIST and "sports" not in reply.read_as


@pytest.mark.parametrize("question", [
    "I'm thinking about becoming a thuisbegeleider. Which work processes are part of the Thuisbegeleider profile?",
    "Kun je alle werkprocessen van de Thuisbegeleider op een rij zetten?",
    "Ik maak een overzicht voor mijn klas. Welke werkprocessen heeft de Thuisbegeleider?",
])
def test_a_profiles_whole_list_is_not_a_theme_list(library, searcher, question):
    """*about* in the asker's statement is no theme cue, and "op een rij zetten" is how one asks for a list."""
    reply = only(library, searcher, question)
    plain = only(library, searcher, "Welke werkprocessen heeft de Thuisbegeleider?")
    assert reply.type == LIST and reply.intent.mode == TREE and refs(reply) == refs(plain) and len(plain.items) > 20


def test_a_scope_question_after_an_introduction_still_lists_the_scope(library, searcher):
    reply = only(library, searcher, "Ik zit in de studentenraad. Welke werkprocessen staan er in het kd Sociaal Werk "
                                    "van 2020?")
    assert reply.type == LIST and reply.intent.mode == TREE and reply.items


def test_a_scope_question_after_a_statement_lists_the_whole_scope(library, searcher):
    """The question names a scope and points at nothing: the statement ("I like sport …") is the asker's."""
    reply = only(library, searcher, "I like sport and want to help people with problems. Which work processes does "
                                    "Coördinator sport- en bewegingsagogie have?")
    plain = only(library, searcher, "Which work processes does Coördinator sport- en bewegingsagogie have?")
    assert reply.type == LIST and reply.intent.mode == TREE and refs(reply) == refs(plain)


def test_a_statement_the_question_points_at_stays_its_theme(library, searcher):
    reply = only(library, searcher, "Voor een les zoek ik in Maatschappelijke Zorg 2015 het werkproces over het "
                                    "begeleiden van stagiaires. Bij welke profielen komt dat voor?")
    assert reply.type == LIST and reply.intent.mode != TREE and 0 < len(reply.items) < 10


@pytest.mark.parametrize("question", ["What level of Dutch do I need for a niveau 4 diploma?",
                                      "Welk niveau Nederlands heb ik nodig voor een niveau 4 diploma?"])
def test_a_diplomas_level_is_a_programme_level_not_a_competence_level(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == "lookup" and reply.hits and "Generieke onderdelen" in (reply.hits[0].chunk.title or "")


def test_a_follow_up_replaces_every_mention_of_the_previous_profile(library, searcher):
    """The previous question named the profile in the asker's statement and in the question: "En bij X?" asks of X
    alone, not of both."""
    first, second = (t.reply for t in ask(
        library, searcher, "Mijn student wil Thuisbegeleider worden. Bij welke werkprocessen van de Thuisbegeleider "
                           "hoort de SBB-competentie Aansturen?", "En bij Agogisch medewerker GGZ?"))
    profiles = {item.ref.split("|")[3] for item in second.items}
    assert first.items and second.items and "Thuisbegeleider" not in profiles


@pytest.mark.parametrize("question", ["Does the 2020 Sociaal Werk dossier mention a VOG?",
                                      "Staat er in het OA-dossier van 2021 iets over de VOG?"])
def test_an_acronym_the_named_dossier_lacks_is_not_in_scope(library, searcher, question):
    """The VOG is in PW, DV and MZ 2015, not in the named dossier: the chat says so and where it is (an English
    question counts its acronyms, which are the same in Dutch; a Dutch one that was routed as a list too)."""
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and reply.problem == "not_in_scope"
    assert "Pedagogisch Werk 2015" in reply.details[1]


@pytest.mark.parametrize("question", ["Does the Maatschappelijke Zorg file say anything about a VOG?",
                                      "Does the Sociaal werk 2015 file say anything about hygiene?"])
def test_a_dossier_that_holds_it_or_an_english_word_stays_a_ranked_answer(library, searcher, question):
    """MZ names the VOG; *hygiene* may be said in Dutch in SW: no "says nothing" for either."""
    assert only(library, searcher, question).type == "lookup"


def test_which_ones_beside_a_new_scope_asks_for_the_previous_kind(library, searcher):
    """"And which ones does X have?" after a list of work processes lists X's work processes (was a search)."""
    _, second = (t.reply for t in ask(library, searcher, "Which work processes does the Thuisbegeleider have?",
                                      "And which ones does the 2021 Onderwijsassistent dossier have?"))
    assert second.type == LIST and second.intent.mode == TREE and second.items
    assert {item.ref.split("|")[2] for item in second.items} == {"2021-08-01"}


@pytest.mark.parametrize("question", ["Hoe verhoudt zich dat tot de gewone Engels-eis voor niveau 4?",
                                      "What is the normal English requirement for MBO level 4?"])
def test_a_requirement_for_a_level_is_a_programmes_level(library, searcher, question):
    """"de Engels-eis voor niveau 4" is the requirement of the level-4 programmes (was "the competence profile has no
    competence *gewone engels-eis*"): the generic requirements are shown."""
    reply = only(library, searcher, question)
    assert reply.type == "lookup" and any("Generieke onderdelen" in (h.chunk.title or "") for h in reply.hits)
