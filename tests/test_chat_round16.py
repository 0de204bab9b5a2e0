"""The chat on the sixteenth round's findings (issue 14), from a thuiszorg team manager and an international
first-year student (tune26a), an examencommissie member and a journalist (tune26b) and the round's own probes: a theme
asked as a noun finds the dossiers' gedrag lines in the third person ("rapportage": *rapporteert*); a unit asked by
code in a named scope is that scope's unit, with its SBB line when its competences are asked; a version follow-up
reads as that version only; "vergeleken met" compares; "waar komt het werkproces 'X' allemaal voor?" lists its places;
"leren ze iets over X?" asks for X, not for the SBB competence *Leren*; an English *of* is no "or"; a profile's parts
as asked. On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask, only

from assistant.intent import COMPARE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.replies import _noun_verb, core_words, disjuncts
from assistant.reply_text import render


def test_a_noun_in_age_or_atie_means_its_verb_and_back():
    assert _noun_verb("rapportage") == ["rapporteren", "rapporteert"]
    assert _noun_verb("observaties") == ["observeren", "observeert"]
    assert "rapportage" in _noun_verb("rapporteren") and "evaluatie" in _noun_verb("evalueert")
    assert _noun_verb("stage") == [] and _noun_verb("begeleiding") == []
    assert _noun_verb("notatie") == ["noteren", "noteert"]  # seven letters still have their verb


def units_text(reply) -> list[str]:
    return [f"{item.chunk.title or ''} {item.chunk.passage or item.chunk.text}".lower() for item in reply.items]


def test_a_theme_asked_as_a_noun_finds_the_verb_in_the_third_person(library, searcher):
    reply = only(library, searcher, "waar komt rapportage voor?")
    texts = units_text(reply)
    assert reply.type == LIST and reply.intent.mode == WHERE and len(texts) >= 15
    assert all("rapport" in text for text in texts)
    assert any("rapporteert" in text and "rapporteren" not in text and "rapportage" not in text for text in texts)


def test_a_noun_held_only_in_the_plural_finds_its_verb(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen gaan over observatie?")
    texts = units_text(reply)
    assert len(texts) >= 10 and all("observ" in text for text in texts)
    assert any("observeert" in text and "observatie" not in text for text in texts)


def test_the_competences_of_a_unit_in_a_named_scope_are_its_sbb_line(library, searcher):
    reply = only(library, searcher, "Welke SBB-competenties horen bij B1-K1-W3 van Pedagogisch werk?")
    assert reply.type == LOOKUP and reply.hits
    assert {hit.chunk.dossier for hit in reply.hits} == {"Pedagogisch Werk"}  # not DV's or MZ's B1-K1-W3
    first = reply.hits[0]
    assert first.chunk.code == "B1-K1-W3"
    assert first.best_sentence == ("SBB-competenties: L Materialen en middelen inzetten; M Analyseren; "
                                   "T Instructies en procedures opvolgen")


def test_the_sbb_line_is_labelled_in_the_questions_language(library, searcher):
    reply = only(library, searcher, "Which SBB competences does B1-K1-W3 of Pedagogisch werk require?")
    assert reply.hits[0].best_sentence.startswith("SBB competences: L Materialen en middelen inzetten")


def test_the_competences_a_2021_unit_names_in_its_text_are_shown(library, searcher):
    reply = only(library, searcher, "Sport & Bewegen 2021 B1-K3-W2 - which competences underlie it?")
    assert reply.hits[0].chunk.code == "B1-K3-W2"
    assert reply.hits[0].best_sentence.startswith("SBB competences:")
    assert "Samenwerken en overleggen" in reply.hits[0].best_sentence


def test_a_unit_asked_without_competences_keeps_its_best_sentence(library, searcher):
    scoped = only(library, searcher, "Wat houdt B1-K1-W6 van Dienstverlening in?")
    assert {hit.chunk.dossier for hit in scoped.hits} == {"Dienstverlening"}
    assert not any(hit.best_sentence.startswith("SBB") for hit in scoped.hits)


def test_a_version_follow_up_reads_as_that_version_only(library, searcher):
    first, second, third = ask(library, searcher, "Which work processes of GPM deal with parents?",
                               "and in the 2015 version?", "and 2021?")
    assert "2021" in first.reply.read_as and "2015" in first.reply.read_as
    assert "2015" in second.reply.read_as and "2021" not in second.reply.read_as
    assert {item.chunk.version[:4] for item in second.reply.items} == {"2015"}
    assert "2021" in third.reply.read_as and "2015" not in third.reply.read_as
    assert {item.chunk.version[:4] for item in third.reply.items} == {"2021"}


@pytest.mark.parametrize("question", [
    "wat moet een thuisbegeleider daar extra kunnen vergeleken met een agogisch medewerker GGZ?",
    "hoe is de GPM vergeleken met de PMK?",
])
def test_vergeleken_met_compares(library, searcher, question):
    assert only(library, searcher, question).type == COMPARE


def test_vergeleken_alone_compares_nothing(library, searcher):
    reply = only(library, searcher, "Ik heb de dossiers al vergeleken. Welke werkprocessen van GPM gaan over ouders?")
    assert reply.type == LIST and reply.intent.mode == WHERE


def test_where_a_named_werkproces_occurs_lists_its_places(library, searcher):
    reply = only(library, searcher, "Waar komt het werkproces 'Voert coördinerende taken uit' allemaal voor? "
                                    "Zowel 2015 als 2020/21 graag.")
    assert reply.type == LIST and len(reply.items) >= 8
    assert {item.chunk.version[:4] for item in reply.items} >= {"2015", "2021"}
    titled = [item for item in reply.items if "coördinerende taken" in (item.chunk.title or "").lower()]
    assert len(titled) >= 8 and len(titled) >= len(reply.items) - 3
    assert all("evalueert" in (item.chunk.title or "").lower() for item in only(
        library, searcher, "Waar komt het werkproces 'Evalueert de werkzaamheden' allemaal voor?").items)
    what = only(library, searcher, "Wat moet je allemaal doen in het werkproces over toezicht van de OA?")
    assert what.type == LOOKUP  # "allemaal" without "voor": what the one unit asks


def test_the_source_file_is_no_theme(library, searcher):
    reply = only(library, searcher, "en welke werkprocessen van de PMK 2021 staan er allemaal in het bronbestand?")
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 5


def test_learning_about_a_theme_asks_for_the_theme_not_the_sbb_competence_leren(library, searcher):
    reply = only(library, searcher, "Leren ze in maatschappelijke zorg of als helpende iets over palliatieve zorg of "
                                    "stervensbegeleiding?")
    assert reply.type == NOT_FOUND and reply.problem == "not_in_sources" and not reply.intent.sbb
    assert reply.intent.topic == "palliatieve zorg stervensbegeleiding"
    for question in ("welke werkprocessen horen bij de competentie leren?",
                     "welke werkprocessen horen bij de competentie leren en wat staat erin over reflectie?"):
        competence = only(library, searcher, question)
        assert competence.intent.sbb == ("P",) and competence.items


def test_an_english_of_is_no_or_and_a_last_of_is_shared():
    assert disjuncts("signals of child abuse , domestic violence or sexual abuse", "en") == [
        "signals of child abuse", "domestic violence", "sexual abuse"]
    assert disjuncts("voeding , maaltijden of eten drinken") == ["voeding", "maaltijden", "eten drinken"]
    assert disjuncts("bullying , stalking or domestic violence", "en") == ["bullying", "stalking", "domestic violence"]
    assert disjuncts("wishes or needs of parents", "en") == ["wishes of parents", "needs of parents"]


def test_an_aside_at_the_end_glosses_the_last_part(library):
    words = core_words("domestic violence child abuse reporting code meldcode", library,
                       "domestic violence , child abuse or reporting code ( meldcode )", "en")
    assert [("meldcod",)] in words
    assert not any(any(slot[0].startswith("rapport") for slot in alternative) for alternative in words)
    dutch = core_words("pesten kindermishandeling seksueel misbruik meldcode", library,
                       "pesten , kindermishandeling of seksueel misbruik ( meldcode )", "nl")
    assert [("seksueel",), ("misbruik",)] in dutch and [("meldcod",)] in dutch  # the last part lost no word: kept
    single = core_words("report code meldcode", library, "report code ( meldcode )", "en")
    assert single == [[("meldcod",)]]  # "report code" lost *code*: the aside stands for it
    teams = core_words("multidisciplinary teams meetings multidisciplinair", library,
                       "multidisciplinary teams or meetings ( multidisciplinair )", "en")
    assert teams == [[("multidisciplinair",), ("team",)], [("multidisciplinair",)]]  # no "meetings" alone
    plain = core_words("vve vroegschoolse educatie", library, "vve ( vroegschoolse educatie )", "en")
    assert len(plain) == 2  # an aside beside one phrase is an alternative of its own, as before


def test_units_that_refer_to_a_theme_list_the_theme_not_the_verb(library, searcher):
    reply = only(library, searcher, "Welke werkprocessen in de 2015-dossiers verwijzen naar een multidisciplinair "
                                    "team?")
    assert reply.type == LIST and "verwijz" not in reply.intent.topic and len(reply.items) >= 6
    assert all("multidisciplin" in text for text in units_text(reply))
    learns = only(library, searcher, "In welke werkprocessen leer je verwijzen naar instanties?")
    assert "verwijzen" in learns.intent.topic  # the units do not refer: the student learns to refer
    one = only(library, searcher, "Welk werkproces verwijst naar een multidisciplinair team?")
    assert one.type == LIST and "verwijst" not in one.intent.topic
    for question in ("welke werkprocessen gaan over doorverwijzen naar hulpverlening?",
                     "Welke werkprocessen gaan over het verwijzen naar hulpverlening?"):
        assert "verwijzen" in only(library, searcher, question).intent.topic  # referring clients on: a theme


def test_a_glossed_profile_name_and_a_given_crebo_ask_for_the_profiles_units(library, searcher):
    glossed = only(library, searcher, "What work processes does the Sociaal-cultureel werker (community worker) "
                                      "profile in Sociaal werk 2015 cover?")
    assert glossed.type == LIST and glossed.intent.mode == TREE and len(glossed.items) == 13
    given = only(library, searcher, "welke wp's heeft de Thuisbegeleider (KD Maatschappelijke Zorg 2015, crebo 25479)? "
                                    "Graag inclusief de aanvullende eisen bij het basisdeel.")
    assert given.type == LIST and len(given.items) == 21 and "25479" not in given.intent.topic
    for question in ("wat is het crebonummer van de thuisbegeleider?", "wat is het crebo 2015 van de thuisbegeleider?"):
        asked = only(library, searcher, question)
        assert asked.type == LOOKUP and "crebo" in asked.read_as and "25479" in render(asked)
    narrowing = only(library, searcher, "Welke werkprocessen heeft Sociaal werk (jongerenwerk)?")
    assert narrowing.intent.topic == "jongerenwerk"  # a Dutch bracket is no gloss of the name


@pytest.mark.parametrize("question", [
    "Bestaat er een vastgestelde vrijstellingsregeling tussen het PMK-profiel uit 2015 en het KD PMK 2021?",
    "Kan ik vrijstelling krijgen voor B1-K1-W1 van PW?",
    "Is there an exemption for students who worked in childcare?",
])
def test_an_exemption_is_a_fact_the_dossiers_do_not_hold(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == "exemptions"


@pytest.mark.parametrize(("question", "count"), [
    ("welke werkprocessen heeft de GPM 2015 zonder het basisdeel?", 11),  # the profile's own units
    ("Welke werkprocessen van het KD Pedagogisch Werk 2015 kennen een aanvulling specifiek voor het profiel "
     "Onderwijsassistent?", 2),  # its additions to basisdeel units
    ("Welke werkprocessen omvat de kwalificatie Persoonlijk begeleider gehandicaptenzorg in het KD Maatschappelijke "
     "Zorg 2015? Ik wil het volledige overzicht, dus basisdeel met eventuele aanvullingen en het profieldeel.", 23),
    ("Welke werkprocessen in PW 2015 hebben aanvullende eisen voor de OA?", 2),  # SBB's word for the additions
    ("Welke werkprocessen heeft de Thuisbegeleider: het basisdeel met eventuele aanvullingen en het profieldeel?", 21),
])
def test_a_profiles_parts_as_asked(library, searcher, question, count):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == count


@pytest.mark.parametrize(("listing", "pointing", "profile", "count"), [
    ("What qualifications (profiles) are in the Dienstverlening dossier?",
     "Which work processes does the sports one have?", "Medewerker sport en recreatie", 12),
    ("welke profielen heeft maatschappelijke zorg?", "welke werkprocessen heeft de ggz-variant?",
     "Agogisch medewerker GGZ", 20),
])
def test_a_profile_just_listed_is_named_by_a_word_of_its_name(library, searcher, listing, pointing, profile, count):
    first, second = ask(library, searcher, listing, pointing)
    assert first.reply.intent.kind == "profiel"
    assert second.reply.type == LIST and second.reply.intent.mode == TREE and len(second.reply.items) == count
    assert {item.chunk.profile for item in second.reply.items} - {None} == {profile}


def test_a_word_that_several_listed_profiles_share_points_at_none(library, searcher):
    _, second = ask(library, searcher, "welke profielen heeft maatschappelijke zorg?", "en de begeleider variant?")
    assert second.reply.intent.scopes == () or len(second.reply.intent.scopes) != 1
