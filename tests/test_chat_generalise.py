"""The chat on questions typed the way users type them (issue 14, third round): names and level words with
typos, names that hold Dutch function words in English questions, "is er iets over …", codes and competence
levels the sources do not have, definitions asked in other words, a programme's mbo level, the scope a user
means, and follow-ups that repeat a question for the next item. On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, WHERE
from assistant.spelling import correct_names, correct_words

# --------------------------------------------------------------------------- language


@pytest.mark.parametrize("question", [
    "Overtuigen en beïnvloeden in Maatschappelijke Zorg: which units?",  # "en" inside a competence name
    "helpende zorg en welzijn vs medewerker facilitaire dienstverlening - what is different?",  # inside names
    "Compare the 2021 PMK work process 'Werkt samen met andere betrokkenen' with 2015",  # a quoted Dutch title
    "Coaching level 3 (Coachen niveau 3)",  # the user's own translation aside
])
def test_dutch_names_and_asides_do_not_make_an_english_question_dutch(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.lang == "en"


def test_a_dutch_question_with_an_english_aside_stays_dutch(library, searcher):
    assert ask(library, searcher, "Wat is klantgerichtheid niveau 2 (customer focus)?")[0].reply.lang == "nl"


# --------------------------------------------------------------------------- level words and kind words as typed


def test_level_words_as_users_type_them(library, searcher):
    one = ask(library, searcher, "klantgerichtheid nivo 2")[0].reply
    assert one.type == LOOKUP and one.hits and one.hits[0].chunk.level == 2
    two = ask(library, searcher, "coachen lvl 1 vs lvl 3")[0].reply
    assert two.type == COMPARE and set(two.intent.levels) == {1, 3}


def test_a_follow_up_replaces_a_level_typed_as_nivo(library, searcher):
    _, second = ask(library, searcher, "klantgerichtheid nivo 2 wat houdt dat in?", "en niveau 3?")
    assert "3" in second.question and "2" not in second.question
    assert second.reply.hits and second.reply.hits[0].chunk.level == 3


def test_a_kind_word_with_a_typo_still_asks_for_a_list(library, searcher):
    reply = ask(library, searcher, "which work proceses involve verpleegtechnische handelingen?")[0].reply
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.items
    assert all("verpleegtechnisch" in (i.chunk.title or "").lower() + i.passage.lower() for i in reply.items)


# --------------------------------------------------------------------------- "is er iets over …"


@pytest.mark.parametrize("question", [
    "is er iets over intervisie te vinden in de dossiers?",
    "Is there anything in the dossiers about intervisie?",
    "staat er in de kwalificatiedossiers wat over intervisie?",
])
def test_anything_on_a_theme_lists_where_it_occurs(library, searcher, question):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and reply.intent.mode == WHERE, (question, reply.type)
    assert reply.items and all("intervisie" in i.passage.lower() for i in reply.items)


def test_waar_gaat_het_in_a_dossier_over_a_theme_is_a_theme(library, searcher):
    reply = ask(library, searcher, "waar gaat het in maatschappelijke zorg over het budget van de cliënt?")[0].reply
    assert reply.type == LIST and reply.items
    assert all(i.chunk.dossier == "Maatschappelijke Zorg" for i in reply.items)


def test_waar_gaat_a_unit_over_stays_a_lookup(library, searcher):
    assert ask(library, searcher, "waar gaat B1-K1-W5 van de PMK 2021 over?")[0].reply.type == LOOKUP


# --------------------------------------------------------------------------- what the sources do not have


@pytest.mark.parametrize("question, code", [
    ("show me P7-K1-W2 of maatschappelijke zorg", "P7-K1-W2"),
    ("Which work processes does the 2021 Onderwijsassistent dossier have under kerntaak P3-K3?", "P3-K3"),
    ("B1-K1-W12 dienstverlening", "B1-K1-W12"),
])
def test_a_code_the_scope_does_not_have_is_not_found(library, searcher, question, code):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_code" and reply.details[0] == code
    assert len(reply.details) > 3, "the codes the scope does have are named"


@pytest.mark.parametrize("question, problem", [
    ("empathie niveau 2 in het competentieprofiel", "unknown_competence"),
    ("geef de gedragsindicatoren van de competentie Integriteit op niveau 3", "unknown_competence"),
    ("Is there anything on Samenwerken level 2 in the competence profile?", "unknown_competence"),
    ("hoe wordt interprofessioneel samenwerken gedefinieerd in het ankerpunten document?", "no_definition"),
    ("wat wordt verstaan onder een gedragsindicator?", "no_definition"),
    ("what is meant by behaviour indicators?", "no_definition"),
])
def test_a_competence_level_or_definition_the_sources_lack_is_not_found(library, searcher, question, problem):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == problem, (question, reply.problem)
    if problem == "unknown_competence":
        assert "Klantgerichtheid" in reply.details, "the profile's competences are named"


@pytest.mark.parametrize("question, problem", [
    ("hoe heette sociaal werk B1-K2-W3 in 2015?", "unknown_code"),  # a code of another version: a crosswalk
    ("plannen niveau 3", "unknown_competence"),  # part of a known competence name
    ("where does the competency profile mention giving feedback to others?", "unknown_competence"),  # a theme
])
def test_near_misses_are_not_called_missing(library, searcher, question, problem):
    assert ask(library, searcher, question)[0].reply.problem != problem


# --------------------------------------------------------------------------- names with typos


def test_a_dossier_name_with_a_typo_is_read_as_the_name(library, searcher):
    reply = ask(library, searcher, "ethisch en integer handelen maatschapelijke zorg 2015")[0].reply
    assert reply.type == COMPETENCE and reply.items
    assert {i.chunk.dossier for i in reply.items} == {"Maatschappelijke Zorg"}


def test_a_name_that_differs_in_its_identifier_is_another_name(library, searcher):
    reply = ask(library, searcher, "geef niveau 3 van klantgerichtheid voor sociaalwerker A")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope"
    assert reply.details == ("sociaalwerker A", "Sociaalwerker B")


def test_corpus_words_near_a_name_are_not_corrected(library):
    for text in ("waar gaat thuisbegeleiding over?", "wat doet een beginnend sociaal werker?"):
        assert correct_names(text, library.catalogue, library.words).text == text
    fixed = correct_names("werkprocessen van de sociaal-maatschapelijk dienstverlener", library.catalogue,
                          library.words)
    assert "sociaal-maatschappelijk dienstverlener" in fixed.text and fixed.corrected


# --------------------------------------------------------------------------- the scope the user means


def test_a_programme_level_is_no_competence_level(library, searcher):
    reply = ask(library, searcher, "Ik doe dienstverlening niveau 2. In welke werkprocessen moet ik laten zien dat "
                                   "ik goed kan samenwerken en overleggen?")[0].reply
    assert reply.type == COMPETENCE and reply.items
    assert all(i.chunk.dossier == "Dienstverlening" for i in reply.items)


def test_a_profile_named_beside_its_dossier_is_the_scope(library, searcher):
    reply = ask(library, searcher, "Ik geef les aan de opleiding Maatschappelijke Zorg. Welke werkprocessen moet een "
                                   "thuisbegeleider beheersen volgens het kd van 2015?")[0].reply
    assert reply.type == LIST and reply.items
    assert {i.chunk.profile for i in reply.items} <= {None, "Thuisbegeleider"}
    assert any(i.chunk.profile == "Thuisbegeleider" for i in reply.items)


def test_in_het_basisdeel_lists_the_basisdeel_only(library, searcher):
    only = ask(library, searcher, "welke werkprocessen heeft Sport & Bewegen 2021 in het basisdeel?")[0].reply
    assert only.items and all(i.chunk.profile is None for i in only.items)
    whole = ask(library, searcher, "all werkprocessen of the Sociaal-cultureel werker, basisdeel included")[0].reply
    assert any(i.chunk.profile is None for i in whole.items) and any(i.chunk.profile for i in whole.items)


# --------------------------------------------------------------------------- follow-ups


def test_en_de_tweede_asks_the_same_for_the_next_item(library, searcher):
    _, first, second = ask(library, searcher, "sociaal werk 2020 kerntaken", "welke werkprocessen horen bij de eerste?",
                           "en de tweede")
    assert first.reply.items and all(i.chunk.code.startswith("B1-K1-") for i in first.reply.items)
    assert second.reply.type == LIST and second.reply.items
    assert all(i.chunk.code.startswith("B1-K2-") for i in second.reply.items)


def test_that_after_a_level_is_that_level(library, searcher):
    _, compare = ask(library, searcher, "Coaching level 3", "how is that different from level 4?")
    assert compare.reply.type == COMPARE and set(compare.reply.intent.levels) == {3, 4}


def test_a_follow_up_with_a_long_profile_name_keeps_the_question(library, searcher):
    _, again = ask(library, searcher, "Ik doe dienstverlening. In welke werkprocessen moet ik laten zien dat ik goed "
                                      "kan samenwerken en overleggen?",
                   "en als ik de uitstroom helpende zorg en welzijn doe?")
    assert again.reply.type == COMPETENCE and again.reply.items


def test_which_of_those_narrows_the_list_just_given(library, searcher):
    first, narrowed = ask(library, searcher, "waar gaat het in dienstverlening over veiligheid?",
                          "welke daarvan zijn specifiek voor medewerker sport en recreatie?")
    before = {i.ref for i in first.reply.items}
    assert first.reply.type == LIST and len(before) > 1
    after = {i.ref for i in narrowed.reply.items}
    assert narrowed.reply.type == LIST and after and after < before
    assert all(i.chunk.profile == "Medewerker sport en recreatie" for i in narrowed.reply.items)


def test_a_phrase_near_a_name_is_no_typo_of_it(library):
    spelled = correct_names("which thuisbegeleider work processes deal with the client's social network?",
                            library.catalogue, library.words)
    assert "social network" in spelled.text and not spelled.corrected


def test_a_theme_word_with_a_typo_is_read_as_the_corpus_word(library, searcher):
    assert correct_words("where is hygene mentioned", library.words) == "where is hygiëne mentioned"
    assert correct_words("waar komt privacy voor", library.words) == "waar komt privacy voor", "corpus words stay"
    first, narrowed = ask(library, searcher, "where is hygene mentioned?", "only the ones in Pedagogisch Werk")
    assert first.reply.type == LIST and first.reply.items
    assert narrowed.reply.items and {i.chunk.dossier for i in narrowed.reply.items} == {"Pedagogisch Werk"}
    assert "ones" not in narrowed.question


def test_a_typo_is_no_evidence_that_the_sources_lack_a_theme(library, searcher):
    reply = ask(library, searcher, "waar komt kindermishandling voor?")[0].reply
    assert reply.type == LIST and reply.items


def test_a_generic_word_of_a_theme_need_not_occur(library, searcher):
    reply = ask(library, searcher, "in welke werkprocessen moet je een persoonlijk ontwikkelplan maken?")[0].reply
    codes = {i.chunk.code for i in reply.items}
    assert reply.type == LIST and "B1-K2-W1" in codes, "the units of the plan, though they never say 'maken'"


def test_a_profile_follow_up_asks_for_the_profile_not_only_the_basisdeel(library, searcher):
    _, profile = ask(library, searcher, "welke werkprocessen heeft Sport & Bewegen 2021 in het basisdeel?",
                     "en de coördinator sport- en bewegingsagogie?")
    assert "basisdeel" not in profile.question
    assert any(i.chunk.profile for i in profile.reply.items) and any(not i.chunk.profile for i in profile.reply.items)
