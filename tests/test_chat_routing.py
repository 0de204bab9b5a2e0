"""Routing that generalises (issue 14, second round): not_found from the corpus's evidence, tree or theme
lists from cues and names, competences by how much of the question their name covers, follow-ups that keep
a code's scope, and the data file of question words. On the real bundled corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, ask

from assistant import evidence
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE, question_words, route
from assistant.replies import Library


def routed(library: Library, question: str):
    return route(question, library.catalogue, library.vocabulary, None, library.sbb)


# --------------------------------------------------------------------------- the question-words data file


def test_question_words_file_holds_both_languages():
    words = question_words()
    assert {"welke", "waar", "which", "where", "volgens", "according"} <= words
    assert "privacy" not in words and "ouders" not in words, "topic words are not question words"


@pytest.mark.parametrize("text", ["[words]\nnl = \"welke\"\n", "[words]\nnl = \"welke\"\nen = \"\"\n",
                                  "[words]\nnl = \"Welke\"\nen = \"which\"\n", "not toml ["])
def test_a_bad_question_words_file_is_refused(tmp_path: Path, text: str):
    path = tmp_path / "question_words.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError):
        question_words(path)


# --------------------------------------------------------------------------- not_found from evidence


@pytest.mark.parametrize("question, problem", [
    ("Welke werkprocessen gaan over kerncentrales?", "not_in_sources"),
    ("Where do the dossiers mention blockchain?", "not_in_sources"),
    ("Moet een student een vliegbrevet hebben volgens het KD?", "not_in_sources"),
    ("Wat is het uurloon van een helpende zorg en welzijn?", "absent_fact"),  # pay: no dossier states it
])
def test_a_topic_the_sources_do_not_hold_is_not_found(library, searcher, question, problem):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == problem, (question, reply.details)
    assert reply.hits, "the nearest passages are shown beside the message"


@pytest.mark.parametrize("question", [
    "wat moet een pedagogisch medewerker doen als ze denkt dat een kind mishandeld wordt?",  # another form
    "Waar wordt privacy genoemd?",
    "Wat is de crebo van de thuisbegeleider?",  # a field the index records
    "what should a medewerker sport en recreatie know about resuscitation?",  # one English word, scoped
    "Which work processes involve signalling abuse?",
])
def test_a_topic_the_sources_hold_is_answered(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.type != NOT_FOUND


def test_evidence_counts_generic_words_less_than_specific_ones(library):
    vocab = library.vocab
    assert evidence.known("kindjes", vocab) and evidence.known("evalueren", vocab)
    assert not evidence.known("rijbewijs", vocab)
    assert evidence.generic("groep", vocab) and not evidence.generic("privacy", vocab)
    assert (evidence.cognate("communication", vocab) or "").startswith("communicat")
    assert evidence.known("medication", vocab, "en")
    assert evidence.cognate("blockchain", vocab) is None
    assert evidence.not_held(["student", "rijbewijs"], ["rijbewijs"], "nl", vocab=vocab)
    assert not evidence.not_held(["privacy", "rijbewijs"], ["rijbewijs"], "nl", vocab=vocab)
    assert not evidence.not_held(["resuscitation"], ["resuscitation"], "en", scoped=True, vocab=vocab)


# --------------------------------------------------------------------------- tree or theme, competence or theme


@pytest.mark.parametrize("question, kind, mode", [
    ("Geef alle werkprocessen van de thuisbegeleider, het basisdeel erbij graag", LIST, TREE),
    ("What core tasks does the 2015 Pedagogisch Werk dossier contain?", LIST, TREE),
    ("In welke werkprocessen van de thuisbegeleider komt veiligheid voor?", LIST, WHERE),
    ("Welke werkprocessen van de PMK gaan over ouders?", LIST, WHERE),
    ("Komt mantelzorg ergens voor in Maatschappelijke Zorg?", LIST, WHERE),
    ("In welke werkprocessen zit plannen en organiseren?", COMPETENCE, None),
    ("Which werkprocessen call for acting with ethics and integrity?", COMPETENCE, None),
    ("Which werkprocessen of Dienstverlening ask you to cope with change?", COMPETENCE, None),
    ("Coachen niveau 3", LOOKUP, None),
])
def test_route_by_cues_and_names(library, question, kind, mode):
    intent = routed(library, question)
    assert (intent.type, intent.mode) == (kind, mode), intent


def test_a_hyphenated_scope_name_is_a_scope(library):
    intent = routed(library, "Waar wordt in het GPM-dossier van 2021 het team genoemd?")
    assert intent.scopes and all("Gespecialiseerd" in (e.profile or e.dossier) for e in intent.scopes)


def test_a_competence_name_inside_a_longer_theme_is_a_theme(library, searcher):
    reply = ask(library, searcher, "Bij welke profielen van Maatschappelijke Zorg hoort het begeleiden van "
                                   "stagiaires en vrijwilligers?")[0].reply
    assert reply.type == LIST and reply.items
    assert all(i.chunk.kind == "werkproces" for i in reply.items), "the profiles' werkprocessen, per profile"


# --------------------------------------------------------------------------- follow-ups that refer to a code


def test_a_code_referred_to_keeps_its_scope(library, searcher):
    first, same, before = ask(library, searcher, "Show me B1-K1-W5 for the 2021 GPM.", "Is it the same for the OA?",
                              "And what was its counterpart in 2015?")
    assert first.reply.type == LOOKUP
    assert same.reply.type == COMPARE and set(same.reply.sides or ()) >= {"Onderwijsassistent 2021"}, same.reply.sides
    assert before.reply.type == COMPARE and "2015" in " ".join(before.reply.sides or ())


# --------------------------------------------------------------------------- the measurement script


def test_chat_eval_reads_a_tune2_batch_as_its_own_split(tmp_path: Path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import chat_eval

    batch = tmp_path / "questions_tune2.jsonl"
    lines = [{"id": "t2-x1", "split": "tune", "lang": "nl", "question": "Coachen niveau 2", "type": "lookup"},
             {"id": "t2-x2", "question": "no type"}]
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    questions = chat_eval.load_sets([batch])
    assert [q["id"] for q in questions] == ["t2-x1"] and questions[0]["split"] == "tune2"


def test_chat_eval_show_refuses_the_test_split():
    sys.path.insert(0, str(ROOT / "scripts"))
    import chat_eval

    with pytest.raises(SystemExit) as exc:
        chat_eval.main(["--show", "--split", "test", "--index", "/nonexistent-index"])
    assert exc.value.code == 2


def test_a_2021_unit_names_its_underlying_competences_in_a_sentence(library, searcher):
    from assistant.replies import unit_sbb

    sbb = {"E": "Samenwerken en overleggen", "I": "Presenteren", "B": "Aansturen"}
    text = "Hij werkt samen. De onderliggende competenties zijn: Presenteren, Samenwerken en\noverleggen.\n\nVolgende"
    assert unit_sbb(text, sbb) == {"E", "I"}
    assert unit_sbb("Geen competenties hier.", sbb) == set()
    reply = ask(library, searcher, "Welke werkprocessen van Sport & Bewegen 2021 vragen om presenteren?")[0].reply
    assert reply.type == COMPETENCE and reply.items
    assert all((i.chunk.version or "").startswith("2021") for i in reply.items)
