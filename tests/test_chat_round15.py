"""The chat on the fifteenth round's findings (issue 14), from a re-integration job coach and a refugee teacher who
writes English (tune25a): "welke werkprocessen hebben met X te maken?" asks where X occurs, not what a profile X has;
a profile part's code narrows a list ("only the P3 ones", also after a remark: "thats a lot.. only the P3 ones"); "the
newest" or "the oldest" version of a named dossier is its latest or earliest year; exemptions and admission ("to be
admitted") are facts the dossiers do not hold; "the normal English for niveau 4" asks a programme level, no
competence. On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask, only, refs

from assistant.intent import LIST, NOT_FOUND, TREE, WHERE
from assistant.reply_text import render

MEALS = {"P1-K1-W6", "P2-K1-W6", "P1-K1-W3", "P2-K1-W2"}  # PMK, GPM, MFD and BSD units about meals


def codes(reply) -> set[str]:
    """The codes of the units a reply lists."""
    return {item.chunk.code for item in reply.items}


@pytest.mark.parametrize("question", [
    "Welke werkprocessen hebben met maaltijden te maken?",
    "Mijn deelnemer heeft in de horeca gewerkt. Welke werkprocessen hebben met eten, drinken of maaltijden te maken?",
    "Welke werkprocessen hebben te maken met maaltijden?",
])
def test_having_to_do_with_a_theme_asks_where_it_occurs(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.intent.unknown_scope is None
    assert MEALS <= codes(reply) and len(reply.items) < 12
    assert "horeca" not in reply.read_as and "maaltijden" in reply.read_as


@pytest.mark.parametrize("question", [
    "welke werkprocessen heeft de astronaut?",
    "welke werkprocessen heeft de kapper in DV?",
    "Welke werkprocessen heeft de astronaut? Ik wil weten waar ik over moet nadenken.",
    "welke werkprocessen heeft de tandartsassistent, en waar gaan die over?",
])
def test_a_profile_the_index_does_not_know_is_still_refused(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and not reply.items and reply.problem == "unknown_scope"


OA_2015 = "welke werkprocessen heeft de onderwijsassistent 2015?"


@pytest.mark.parametrize("narrowing", [
    "only the P3 ones pls",
    "ok thats a lot.. only the P3 ones pls, the ones just for onderwijsassistent",
    "Dat zijn er veel. Alleen de P3 graag.",
    "alleen P3?",
])
def test_a_profile_parts_code_narrows_the_list_just_given(library, searcher, narrowing):
    first, second = ask(library, searcher, OA_2015, narrowing)
    assert len(first.reply.items) == 19
    assert second.reply.type == LIST and second.reply.intent.mode == TREE
    assert codes(second.reply) == {"P3-K1-W1", "P3-K1-W2", "P3-K1-W3", "P3-K2-W1", "P3-K2-W2", "P3-K2-W3", "P3-K2-W4"}
    assert refs(second.reply) < refs(first.reply)
    assert "thats" not in second.turn.question and "veel" not in second.turn.question  # the remark is not merged


def test_a_parts_code_narrows_a_theme_list_too(library, searcher):
    first, second = ask(library, searcher, "Which work processes of the gespecialiseerd pedagogisch medewerker 2015 "
                                           "are about parents?", "only the P2 ones")
    assert any(code.startswith("B1") for code in codes(first.reply))
    assert second.reply.intent.mode == WHERE and "p2" not in second.reply.intent.topic.lower()
    assert codes(second.reply) and all(code.startswith("P2-") for code in codes(second.reply))
    assert refs(second.reply) < refs(first.reply)


@pytest.mark.parametrize("question", [
    "Welke werkprocessen heeft P2 Gespecialiseerd pedagogisch medewerker 2015?",
    "P3 Medewerker sport en recreatie 2015 - which work processes does it have?",
])
def test_a_code_that_labels_a_profile_narrows_nothing(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and any(code.startswith("B1") for code in codes(reply))


def test_a_remark_that_asks_something_is_no_narrowing(library, searcher):
    _, second = ask(library, searcher, OA_2015, "Welke daarvan gaan over ouders? Alleen de werkprocessen van P3.")
    assert second.reply.type == LIST and "ouders" in second.turn.question  # the asking sentence is kept


@pytest.mark.parametrize(("question", "year"), [
    ("Which werkprocessen are in the newest onderwijsassistent dossier?", "2021"),
    ("welke werkprocessen heeft de laatste versie van PMK?", "2021"),
    ("welke werkprocessen heeft de oudste versie van PMK?", "2015"),
])
def test_the_newest_or_oldest_version_of_a_named_dossier_is_its_year(library, searcher, question, year):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.years == (year,) and reply.intent.unknown_scope is None
    assert reply.items and {item.chunk.version[:4] for item in reply.items} == {year}


def test_a_year_after_the_newest_replaces_it(library, searcher):
    first, second = ask(library, searcher, "Which werkprocessen are in the newest onderwijsassistent dossier?",
                        "and in 2015?")
    assert {item.chunk.version[:4] for item in first.reply.items} == {"2021"}
    assert {item.chunk.version[:4] for item in second.reply.items} == {"2015"} and len(second.reply.items) == 19
    assert "2015" in second.turn.question and "newest" not in second.turn.question


@pytest.mark.parametrize(("question", "kind"), [
    ("Can I get vrijstelling (exemption) for parts of the onderwijsassistent opleiding because of my foreign teaching "
     "diploma?", "exemptions"),
    ("Krijg ik vrijstelling voor het basisdeel als ik al helpende ben?", "exemptions"),
    ("Do I need an NT2 diploma or inburgering certificate to be admitted to the pedagogisch medewerker kinderopvang "
     "opleiding?", "admission"),
    ("Word ik toegelaten tot de opleiding onderwijsassistent met een havodiploma uit het buitenland?", "admission"),
])
def test_exemptions_and_admission_are_absent_facts(library, searcher, question, kind):
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == kind


@pytest.mark.parametrize("question", ["welk niveau Engels hoort bij niveau 4?", "hoe hoog is het Engels voor niveau 4?",
                                      "What is the normal English for niveau 4?"])
def test_a_subject_at_a_programme_level_is_no_unknown_competence(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.problem != "unknown_competence"
    assert any(hit.chunk.title == "Generieke onderdelen" for hit in reply.hits)


def test_an_unknown_competence_at_a_level_is_still_said(library, searcher):
    reply = only(library, searcher, "Wat is empathie niveau 2?")
    assert reply.problem == "unknown_competence"


# ----------------------------------------------------------------- phrasings found by probing (not in any set)

SAFETY = "welke werkprocessen gaan over veiligheid?"


@pytest.mark.parametrize("question", [
    "In welke werkprocessen speelt veiligheid een rol?",
    "Welke werkprocessen hebben iets met veiligheid?",
    "Welke werkprocessen raken aan veiligheid?",
    "Bij welke werkprocessen komt veiligheid kijken?",
    "Waar wordt aandacht besteed aan veiligheid?",
    "Welke werkprocessen zijn gericht op veiligheid?",
    "In welke werkprocessen draait het om veiligheid?",
    "Waar leer je iets over veiligheid?",
    "Where does safety play a role?",
])
def test_ways_of_asking_what_a_unit_is_about_leave_the_theme_alone(library, searcher, question):
    reply = only(library, searcher, question)
    plain = only(library, searcher, "Where does safety occur?" if question.startswith("Where") else SAFETY)
    assert reply.type == LIST and reply.intent.mode == WHERE and len(plain.items) > 20
    assert refs(reply) == refs(plain)


@pytest.mark.parametrize(("question", "plain"), [
    ("Welke taken heeft een helpende?", "welke werkprocessen heeft de helpende zorg en welzijn?"),
    ("Which duties does a begeleider gehandicaptenzorg have?",
     "which work processes does the begeleider gehandicaptenzorg have?"),
    ("welke werkzaamheden doet een medewerker facilitaire dienstverlening?",
     "welke werkprocessen heeft de medewerker facilitaire dienstverlening?"),
    ("Waar moet een thuisbegeleider goed in zijn?", "welke werkprocessen heeft de thuisbegeleider?"),
])
def test_the_tasks_of_a_named_profile_are_its_werkprocessen(library, searcher, question, plain):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.mode == TREE
    assert refs(reply) == refs(only(library, searcher, plain)) and len(reply.items) > 10


@pytest.mark.parametrize("question", ["Welke huishoudelijke taken heeft de helpende zorg en welzijn?",
                                      "What are the tasks of a thuisbegeleider around medication?"])
def test_tasks_with_a_topic_of_their_own_are_no_whole_list(library, searcher, question):
    reply = only(library, searcher, question)
    assert not (reply.type == LIST and reply.intent.mode == TREE)


@pytest.mark.parametrize("count", ["hoeveel zijn dat er?", "How many is that?", "en hoeveel zijn het er in totaal?"])
def test_how_many_after_a_list_gives_that_list_again(library, searcher, count):
    first, second = ask(library, searcher, "welke werkprocessen van pedagogisch werk 2015 gaan over ouders?", count)
    assert second.reply.type == LIST and refs(second.reply) == refs(first.reply) and len(first.reply.items) > 5
    assert str(len(first.reply.items)) in render(second.reply)  # the heading says how many


@pytest.mark.parametrize(("again", "profile"), [
    ("can you do the same for the agogisch medewerker ggz", "Agogisch medewerker GGZ"),
    ("doe hetzelfde voor de helpende", "Helpende Zorg en Welzijn"),
])
def test_the_same_for_another_profile_keeps_the_theme(library, searcher, again, profile):
    _, second = ask(library, searcher, "welke werkprocessen van de thuisbegeleider gaan over veiligheid?", again)
    reply = second.reply
    assert reply.type == LIST and reply.intent.mode == WHERE and "veiligheid" in second.turn.question
    assert reply.items and {item.chunk.profile for item in reply.items} <= {profile, None}
    assert len({item.chunk.dossier for item in reply.items}) == 1  # that profile's dossier only


def test_the_year_named_with_a_code_picks_that_version(library, searcher):
    reply = only(library, searcher, "which SBB competences are linked to P1-K1-W3 of PMK 2015?")
    assert reply.hits[0].chunk.code == "P1-K1-W3" and reply.hits[0].chunk.version.startswith("2015")
    assert all(hit.chunk.version.startswith("2015") for hit in reply.hits)


def test_two_bare_levels_beside_a_competence_are_compared(library, searcher):
    reply = only(library, searcher, "plannen en organiseren: wat is het verschil tussen 2 en 3?")
    assert {item.chunk.title for item in reply.items} == {"Plannen en organiseren niveau 2",
                                                          "Plannen en organiseren niveau 3"}


# --------------------------------------------------------------------------- from tune25b, read after two measurements


def test_a_word_typed_without_its_diacritic_is_the_corpus_word(library, searcher):
    plain = only(library, searcher, "welke wp gaan over coordinerende taken")
    accented = only(library, searcher, "welke wp gaan over coördinerende taken")
    assert refs(plain) == refs(accented) and 5 < len(accented.items) < 20


@pytest.mark.parametrize(("narrowing", "level"), [("alleen niveau 2", "2"), ("only level 4", "4")])
def test_a_programme_level_narrows_a_theme_list(library, searcher, narrowing, level):
    first, second = ask(library, searcher, "welke werkprocessen gaan over evalueren?", narrowing)
    narrowed = second.reply
    assert narrowed.type == LIST and narrowed.intent.mode == WHERE and level in narrowed.read_as
    assert narrowed.items and refs(narrowed) < refs(first.reply)
    niveaus = {(c.dossier, c.version, c.profile): c.niveau for c in library.chunks if c.kind == "profiel" and c.niveau}
    by_name = {p.lower(): n for (_, _, p), n in niveaus.items()}  # the extract gives no niveau: the other version's
    named = {(c.dossier, c.version): set() for c in library.chunks}
    for c in library.chunks:
        if c.profile:
            named[(c.dossier, c.version)].add(c.profile.lower())
    for item in narrowed.items:
        chunk = item.chunk
        if chunk.profile:
            own = niveaus.get((chunk.dossier, chunk.version, chunk.profile))
            assert (own or by_name[chunk.profile.lower()]) == level
        else:
            assert level in {by_name.get(p) for p in named[(chunk.dossier, chunk.version)]}


@pytest.mark.parametrize("question", ["wich work processes involve dealing with aggression?",
                                      "wlke werkprocessen gaan over agressie?"])
def test_a_mistyped_question_word_is_read_as_meant(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.items
    assert "wich" not in reply.intent.topic and "wlke" not in reply.intent.topic


def test_a_real_word_near_a_question_word_stays(library, searcher):
    from assistant.intent import asking_words_fixed

    assert asking_words_fixed("wheat, waard, witch") == "wheat, waard, witch"  # words in use, near what/waar
    assert asking_words_fixed("Wich work processes?") == "which work processes?"


# --------------------------------------------------------------------------- the review's cases: the rules stay put


@pytest.mark.parametrize(("question", "plain"), [
    ("welke werkprocessen heeft de OA (P3)?", "welke werkprocessen heeft de OA?"),
    ("Welke werkprocessen heeft onderwijsassistent P3?", "Welke werkprocessen heeft onderwijsassistent?"),
    ("welke werkprocessen over ouders? we geven dit in P3.", "welke werkprocessen over ouders?"),
])
def test_a_part_code_as_a_label_or_a_period_narrows_nothing(library, searcher, question, plain):
    assert refs(only(library, searcher, question)) == refs(only(library, searcher, plain))


def test_a_part_code_as_a_label_keeps_a_lookup(library, searcher):
    reply = only(library, searcher, "Wat houdt B1-K1-W5 in voor de OA (P3)?")
    assert reply.type != NOT_FOUND and any(hit.chunk.code == "B1-K1-W5" for hit in reply.hits)


def test_a_year_without_a_code_hides_no_versionless_source(library, searcher):
    reply = only(library, searcher, "Wat zijn de gedragsindicatoren van Coachen? Wij gebruiken KD 2015.")
    assert any((hit.chunk.competence or "") == "Coachen" for hit in reply.hits)


@pytest.mark.parametrize("question", ["Wat zijn de meest recente ontwikkelingen in sociaal werk?",
                                      "Welke werkprocessen van de GPM gaan over de oudste kinderen in de groep?"])
def test_newest_or_oldest_of_something_else_names_no_version(library, searcher, question):
    assert only(library, searcher, question).intent.years == ()


def test_what_disappeared_in_the_newest_version_keeps_both(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen zijn verdwenen in de nieuwste versie van OA?")
    assert {item.chunk.version[:4] for item in reply.items} == {"2015", "2021"}


@pytest.mark.parametrize(("second", "kind"), [("Is PMK hetzelfde als GPM?", "compare"),
                                              ("Kan een helpende niveau 3 doen?", None)])
def test_a_new_question_with_hetzelfde_or_kan_is_no_follow_up(library, searcher, second, kind):
    _, outcome = ask(library, searcher, "welke werkprocessen gaan over hygiëne?", second)
    assert "hygi" not in outcome.turn.question.lower()
    assert kind is None or outcome.reply.type == kind


def test_a_client_admitted_somewhere_is_no_admission_question(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen gaan over cliënten die toegelaten worden tot de dagbesteding?")
    assert reply.type == LIST and reply.items and reply.problem != "absent_fact"


def test_tasks_someone_may_not_do_are_no_list_of_their_tasks(library, searcher):
    reply = only(library, searcher, "welke taken mag een helpende niet doen?")
    assert not (reply.type == LIST and reply.intent.mode == TREE)


# --------------------------------------------------------------------------- the code review's cases


def test_a_theme_word_that_ends_a_cue_elsewhere_stays_the_theme(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen gaan over kijken?")
    assert reply.type == LIST and "kijken" in reply.read_as and 0 < len(reply.items) < 20


@pytest.mark.parametrize("second", ["Ok, nu voor de onderwijsassistent. Alleen de P3 graag.",
                                    "Wat veel! Alleen de P3 graag."])
def test_a_remark_with_a_name_or_an_exclamation_before_a_narrowing(library, searcher, second):
    first = "welke werkprocessen heeft de PMK 2015?" if "onderwijsassistent" in second else OA_2015
    _, outcome = ask(library, searcher, first, second)
    assert codes(outcome.reply) == {"P3-K1-W1", "P3-K1-W2", "P3-K1-W3", "P3-K2-W1", "P3-K2-W2", "P3-K2-W3", "P3-K2-W4"}


def test_a_question_after_a_narrowing_keeps_its_own_theme(library, searcher):
    _, outcome = ask(library, searcher, "welke werkprocessen van de onderwijsassistent 2015 gaan over ouders?",
                     "Ik ben docent. Alleen de werkprocessen van P3 interesseren me, welke gaan over spel?")
    assert "ouders" not in outcome.turn.question


@pytest.mark.parametrize("question", [
    "Welke werkprocessen gaan over het aanvragen van een vrijstelling voor de cliënt?",
    "Which work processes are about getting admitted to a care home?",
])
def test_a_clients_exemption_or_admission_is_no_absent_fact(library, searcher, question):
    assert only(library, searcher, question).problem != "absent_fact"


def test_a_competence_asked_in_dutch_at_a_level_is_still_unknown(library, searcher):
    assert only(library, searcher, "What does empathie in Dutch mean at level 3?").problem == "unknown_competence"


def test_two_numbers_of_hours_are_no_levels(library, searcher):
    reply = only(library, searcher, "Plannen en organiseren: hoeveel uur zit er tussen 2 en 3 uur per week?")
    assert reply.intent.levels == ()


def test_a_hyphen_joins_a_phrase(corpus):
    assert corpus.adjacent("non", "verbale")


def test_the_same_for_something_that_is_no_name_keeps_the_message(library, searcher):
    _, outcome = ask(library, searcher, "welke werkprocessen van de thuisbegeleider gaan over veiligheid?",
                     "doe hetzelfde voor morgen")
    assert outcome.turn.question == "doe hetzelfde voor morgen"
