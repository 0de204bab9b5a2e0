"""The chat on the fourth round's questions (issue 14): themes whose words are coordinated ("pesten of
agressie", "work, school or leisure"), a scope's tree narrowed by a theme named without a cue, keyword queries,
one unit named by what it is about, owners no dossier has, and follow-ups that compare, name a code or a kind
word, or move to a dossier without that year. On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.replies import coordinated


def text_of(item) -> str:
    """A listed unit's title and passage, lower case."""
    return f"{item.chunk.title or ''} {item.passage}".lower()


# --------------------------------------------------------------------------- coordinated theme words


@pytest.mark.parametrize("tokens, slots", [
    ("pesten of agressie", [["pesten", "agressie"]]),
    ("clients work , school or leisure", [["clients"], ["work", "school", "leisure"]]),
    ("persoonlijke verzorging / adl", [["persoonlijke"], ["verzorging", "adl"]]),
    # more words after the coordination: no way to tell what "or" joins, so every word counts
    ("privacy or confidential information", [["privacy"], ["confidential"], ["information"]]),
    ("signaleren afwijkingen of achterstanden ontwikkeling",
     [["signaleren"], ["afwijkingen"], ["achterstanden"], ["ontwikkeling"]]),
    ("evalueren , / samen", [["evalueren"], ["samen"]]),  # a slash left by "2021/2020" joins nothing
])
def test_words_coordinated_at_the_end_share_one_slot(tokens, slots):
    assert coordinated(tokens.split(), "nl") == slots


def test_english_of_joins_nothing():
    assert coordinated("quality of care".split(), "en") == [["quality"], ["care"]]
    assert coordinated("quality of care".split(), "nl") == [["quality", "care"]]


def test_either_of_two_coordinated_theme_words_lists_a_unit(library, searcher):
    both = ask(library, searcher, "waar staat iets over pesten of agressie?")[0].reply
    bullying = ask(library, searcher, "waar staat iets over pesten?")[0].reply
    aggression = ask(library, searcher, "waar staat iets over agressie?")[0].reply
    assert both.type == LIST and both.intent.mode == WHERE
    listed = {i.ref for i in both.items}
    assert bullying.items and aggression.items
    assert {i.ref for i in bullying.items} | {i.ref for i in aggression.items} == listed


def test_a_common_word_in_a_coordination_does_not_list_half_the_corpus(library, searcher):
    reply = ask(library, searcher, "In welke werkprocessen moet je nieuwe collega's of stagiaires begeleiden?")[0].reply
    assert reply.type == LIST and 0 < len(reply.items) <= 10
    assert all("stagiair" in text_of(i) for i in reply.items)


# --------------------------------------------------------------------------- a tree narrowed by a theme


def test_a_theme_named_without_a_cue_narrows_the_scope(library, searcher):
    tree = ask(library, searcher, "Which MZ work processes are there?")[0].reply
    reply = ask(library, searcher,
                "Which MZ work processes support clients with work, school or leisure (dagbesteding)?")[0].reply
    assert tree.intent.mode == TREE and reply.type == LIST
    assert 0 < len(reply.items) < len(tree.items) / 3
    assert any(i.chunk.code == "B1-K1-W4" for i in reply.items)  # "Ondersteunt de cliënt bij dagbesteding"
    assert all(i.chunk.dossier == "Maatschappelijke Zorg" for i in reply.items)


def test_words_that_shape_the_question_do_not_narrow_the_tree(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen moet een student Helpende Zorg en Welzijn allemaal "
                                   "beheersen?")[0].reply
    plain = ask(library, searcher, "welke werkprocessen heeft de helpende zorg en welzijn?")[0].reply
    assert {i.ref for i in reply.items} == {i.ref for i in plain.items} and len(plain.items) > 5


def test_a_common_word_beside_a_scope_narrows_when_the_tree_is_asked_for_it(library, searcher):
    reply = ask(library, searcher, "talking with parents - which werkproces is that in pw 2015?")[0].reply
    tree = ask(library, searcher, "welke werkprocessen heeft pedagogisch werk 2015?")[0].reply
    assert reply.type == LIST and 0 < len(reply.items) < len(tree.items)
    assert all("ouder" in text_of(i) for i in reply.items)


# --------------------------------------------------------------------------- keyword queries and single units


@pytest.mark.parametrize("question, word", [
    ("pesten", "pest"),
    ("pmk 2021 veiligheid", "veilig"),
    ("pedagogisch werk 2015 huishoudelijke werkzaamheden", "huishoud"),
])
def test_topic_words_alone_list_where_they_occur(library, searcher, question, word):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.items, question
    assert all(word in text_of(i) for i in reply.items)


@pytest.mark.parametrize("question, title", [
    ("wettelijke beroepsvereisten sociaal werk", "Wettelijke beroepsvereisten"),
    ("typering agogisch medewerker GGZ", None),
])
def test_keywords_that_name_a_section_stay_a_lookup(library, searcher, question, title):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LOOKUP and reply.hits
    if title:
        assert any(h.chunk.title == title for h in reply.hits[:3])


@pytest.mark.parametrize("question", [
    "het werkproces van de onderwijsassistent over toezicht houden buiten de lessen",
    "the Dienstverlening werkproces about being the point of contact for people",
])
def test_the_one_werkproces_about_a_theme_is_a_lookup(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LOOKUP and reply.hits


def test_a_quoted_title_is_the_theme(library, searcher):
    reply = ask(library, searcher,
                'overzicht van alle werkprocessen "voert coördinerende taken uit", over alle dossiers heen')[0].reply
    assert reply.type == LIST and len(reply.items) >= 5
    titled = [i for i in reply.items if (i.chunk.title or "").lower().startswith("voert coördinerende taken")]
    assert len(titled) >= len(reply.items) - 2 and len({i.chunk.dossier for i in titled}) >= 3
    assert "heen" not in reply.intent.topic  # "over alle dossiers heen" shapes the question


# --------------------------------------------------------------------------- scope as typed


def test_a_profile_name_typed_without_its_hyphen_is_the_profile(library, searcher):
    reply = ask(library, searcher, "ik doe sociaal werk (2015) richting sociaal cultureel werker, wat zijn mijn "
                                   "werkprocessen")[0].reply
    assert reply.type == LIST and len(reply.items) > 5
    assert {i.chunk.profile for i in reply.items} == {None, "Sociaal-cultureel werker"}


def test_the_basisdeel_before_a_kind_word_lists_the_basisdeel(library, searcher):
    reply = ask(library, searcher, "show the basisdeel work processes of Dienstverlening 2015")[0].reply
    assert reply.type == LIST and reply.items and all(i.chunk.profile is None for i in reply.items)


def test_kerntaak_by_number_is_the_basisdeel_kerntaak(library, searcher):
    reply = ask(library, searcher, "noem de werkprocessen van kerntaak 1 bij sociaal werk 2020")[0].reply
    assert reply.type == LIST and reply.items and all(i.chunk.code.startswith("B1-K1-") for i in reply.items)


@pytest.mark.parametrize("question", [
    "which werkprocessen does the hairdresser have in the Dienstverlening dossier?",
    "Are there werkprocessen for a zwemonderwijzer (swimming teacher) in Sport & Bewegen?",
    "welke werkprocessen heeft de verpleegkundige niveau 4?",
])
def test_an_owner_no_dossier_has_is_an_unknown_scope(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope", (question, reply.type, reply.problem)


def test_a_known_owner_beside_its_dossier_is_listed(library, searcher):
    reply = ask(library, searcher, "which werkprocessen does the thuisbegeleider have in maatschappelijke zorg?")[0]
    assert reply.reply.type == LIST and any(i.chunk.profile == "Thuisbegeleider" for i in reply.reply.items)


@pytest.mark.parametrize("question", [
    "klantgericht werken bij dienstverlening 2015, welke wp's?",
    "which DV 2015 werkprocessen train Presenteren?",
])
def test_kind_and_cue_words_as_students_type_them(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type in (LIST, COMPETENCE) and reply.items, question
    assert all(i.chunk.dossier == "Dienstverlening" for i in reply.items)


def test_what_changes_from_one_level_to_another_compares(library, searcher):
    reply = ask(library, searcher, "communicatieve vaardigheid: what changes from niveau 1 to niveau 2?")[0].reply
    assert reply.type == COMPARE and set(reply.intent.levels) == {1, 2}


# --------------------------------------------------------------------------- follow-ups


def test_verschilt_die_compares_the_unit_just_shown_with_another_version(library, searcher):
    _, compare = ask(library, searcher, "B1-K1-W2 sociaal werk 2015", "hoe verschilt die van de versie uit 2020?")
    assert compare.reply.type == COMPARE


@pytest.mark.parametrize("messages, levels", [
    (("wat moet je kunnen bij coachen op niveau 2?", "en niveau 1?", "wat is dan het verschil tussen 2 en 3?"),
     {2, 3}),
    (("klantgerichtheid nivo 2", "en wat is het verschil met niveau 3?"), {2, 3}),
])
def test_levels_in_a_follow_up_compare_the_competence_just_asked(library, searcher, messages, levels):
    last = ask(library, searcher, *messages)[-1]
    assert last.reply.type == COMPARE and set(last.reply.intent.levels) == levels


def test_a_code_after_a_scoped_answer_is_read_in_that_scope(library, searcher):
    _, codes = ask(library, searcher, "oa 2021 kerntaken", "welke werkprocessen vallen onder P3-K1?")
    assert codes.reply.type == LIST and codes.reply.items
    assert all(i.chunk.code.startswith("P3-K1-") and i.chunk.version.startswith("2021") for i in codes.reply.items)


def test_werkprocessen_daaronder_after_kerntaken_are_the_scopes_werkprocessen(library, searcher):
    _, units = ask(library, searcher, "oa 2021 kerntaken", "welke werkprocessen staan daaronder?")
    assert units.reply.type == LIST and units.reply.items
    assert all(i.chunk.kind == "werkproces" and i.chunk.version.startswith("2021") for i in units.reply.items)


def test_a_new_dossier_in_a_follow_up_drops_a_year_it_does_not_have(library, searcher):
    _, moved = ask(library, searcher, "which werkprocessen in sport & bewegen 2021 are about coordinating tasks?",
                   "en in maatschappelijke zorg?")
    assert moved.reply.type == LIST and moved.reply.items
    assert all(i.chunk.dossier == "Maatschappelijke Zorg" for i in moved.reply.items)


def test_a_dossier_and_its_profile_in_a_follow_up_mean_the_profile(library, searcher):
    _, second = ask(library, searcher, "Welke werkprocessen van de thuisbegeleider horen bij samenwerken en "
                                       "overleggen?",
                    "en bij maatschappelijke zorg, alleen voor de persoonlijk begeleider specifieke doelgroepen?")
    assert second.reply.items
    assert {i.chunk.profile for i in second.reply.items} <= {None, "Persoonlijk begeleider specifieke doelgroepen"}


def test_which_profiles_then_keeps_the_scope_just_named(library, searcher):
    _, profiles = ask(library, searcher, "welke werkprocessen heeft sport en bewegen 2021?",
                      "ok, which profiles are there then?")
    assert profiles.reply.type == LIST and profiles.reply.items
    assert {i.chunk.dossier for i in profiles.reply.items} == {"Sport & Bewegen"}


def test_profiles_are_listed_in_the_dossiers_order_and_de_tweede_is_the_second(library, searcher):
    listed, second = ask(library, searcher, "welke profielen heeft maatschappelijke zorg?",
                         "welke werkprocessen heeft de tweede?")
    assert [i.chunk.code for i in listed.reply.items] == ["P1", "P2", "P3", "P4", "P5", "P6"]
    assert {i.chunk.profile for i in second.reply.items} == {None, listed.reply.items[1].chunk.profile}


def test_a_word_is_as_common_without_its_accents(library):
    assert library.vocab.share("client") == library.vocab.share("cliënt") > 0.1
