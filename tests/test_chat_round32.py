"""The chat on the thirty-second round's findings (issue 14), from a BSO coordinator and a Brazilian nanny (tune48a)
and an mbo timetabler and an Eritrean student (tune49a), and from the held-back halves once measured (tune48b,
tune49b): the language of an English question that names a Dutch competence or programme; "en in 2021?" after a
profile named beside a dossier that has no 2021 version; a programme fact asked in one word ("helpende salary?"); a
norm one dossier does quote; the crebo of a qualification the sources do not hold; "same?" beside another programme;
the jobs at a level; which of two programmes has something; "de 2e"; a core task compared across versions; two
quoted titles set against each other; "welke wp's hebben een aanvulling voor …"; whether a profile exists; "die twee
versies". On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask, assert_not_found, only

from assistant.absent_facts import absent_facts, asked_absent_fact
from assistant.intent import COMPARE, LIST, LOOKUP, NOT_FOUND, TREE
from assistant.model import KERNTAAK

PMK = "Pedagogisch medewerker kinderopvang"


@pytest.mark.parametrize("question", [
    "Which work processes require SBB competence O, Creëren en innoveren?",  # a competence no unit names
    "sport en bewegen profile P1 work processes?",  # a Dutch programme name; "P1" is no Dutch word
])
def test_an_english_question_with_dutch_names_is_answered_in_english(library, searcher, question):
    assert only(library, searcher, question).lang == "en"


def test_a_dutch_question_with_those_names_stays_dutch(library, searcher):
    for question in ("Welke werkprocessen vragen om Creëren en innoveren?", "welke P1-werkprocessen heeft sport en "
                     "bewegen?"):
        assert only(library, searcher, question).lang == "nl", question


@pytest.mark.parametrize("follow_up", ["en in 2021?", "En in het PMK-dossier van 2021?"])
def test_a_year_the_named_dossier_lacks_drops_it_and_keeps_the_profile(library, searcher, follow_up):
    """"… van de pedagogisch medewerker kinderopvang in het KD Pedagogisch Werk …", then "en in 2021?": Pedagogisch
    Werk has no 2021 version, the PMK has (its own dossier), so the list is the 2021 PMK's."""
    first, then = ask(library, searcher, "Welke werkprocessen van de pedagogisch medewerker kinderopvang in het KD "
                      "Pedagogisch Werk gaan over contact met ouders?", follow_up)
    assert first.reply.items and all(i.chunk.version.startswith("2015") for i in first.reply.items)
    reply = then.reply
    assert reply.type == LIST and reply.items, (follow_up, reply.read_as)
    assert all(i.chunk.version.startswith("2021") and i.chunk.dossier == "Pedagogisch Medewerker Kinderopvang"
               for i in reply.items)


def test_a_programme_fact_asked_in_one_word_is_an_absent_fact(library, searcher):
    assert_not_found(library, searcher, ["helpende salary how much?", "keuzedelen for helpende?",
                                         "lesgeld voor de PMK?"], "absent_fact")
    # the word asked for its meaning, or with no programme, is no such question
    for question in ("wat zijn keuzedelen?", "salary?"):
        assert only(library, searcher, question).problem != "absent_fact", question


def test_the_fact_file_checks_its_nouns():
    for kind in absent_facts():
        assert all(noun == noun.lower() and " " not in noun for noun in kind.nouns), kind.kind
    pay = next(k for k in absent_facts() if k.kind == "pay")
    assert pay.named_alone("salary") and not pay.named_alone("salary scale nursing")
    assert asked_absent_fact("helpende salary?", topic="salary") == pay
    assert asked_absent_fact("helpende salary?") is None  # the question's own patterns ask a full sentence


def test_a_norm_one_dossier_quotes_is_searched_not_called_absent(library, searcher):
    """Pedagogisch Werk quotes the staffing norm of voorschoolse educatie; a norm for another setting (the BSO), or
    a ratio in general, is still not stated."""
    reply = only(library, searcher, "Hoeveel kinderen per beroepskracht mogen er volgens het KD Pedagogisch Werk zijn "
                 "bij voorschoolse educatie?")
    assert reply.type == LOOKUP and any("per acht kinderen" in h.chunk.text for h in reply.hits), reply.read_as
    assert_not_found(library, searcher, ["hoeveel kinderen per beroepskracht mogen er in de BSO?",
                                         "Wat zegt het KD over de beroepskracht-kindratio (BKR) op de groep?"],
                     "absent_fact")


def test_the_crebo_of_a_qualification_the_sources_do_not_hold(library, searcher):
    for question in ("crebo verzorgende IG?", "wat is het crebonummer van de verzorgende ig?"):
        reply = only(library, searcher, question)
        assert reply.type == NOT_FOUND and reply.problem == "unknown_scope", (question, reply.read_as)
        assert reply.details[0] == "verzorgende ig" and len(reply.details) > 3  # and the closest known names
    assert only(library, searcher, "crebo thuisbegeleider?").details[0] == "crebo"
    for question in ("wat is een crebonummer?", "crebo 25479?", "wat is het crebo van het kwalificatiedossier?"):
        assert only(library, searcher, question).problem != "unknown_scope", question
    _, _, then = ask(library, searcher, "welke profielen heeft MZ?", "Welke daarvan zijn niveau 3?",
                     "How does their study load (sbu) compare with the level 4 profiles?")
    assert then.reply.problem != "unknown_scope"  # "study load" is the fact, no name


@pytest.mark.parametrize("first, follow_up, other", [
    ("english level for onderwijsassistent?", "and medewerker sport en recreatie? same?",
     "Medewerker sport en recreatie"),
    ("sbu thuisbegeleider?", "same like agogisch medewerker GGZ?", "Agogisch medewerker GGZ"),
])
def test_same_beside_another_programme_compares_the_two(library, searcher, first, follow_up, other):
    _, then = ask(library, searcher, first, follow_up)
    reply = then.reply
    assert reply.type == COMPARE, (follow_up, reply.read_as)
    profiles = {e.profile for e in reply.intent.scopes}
    assert other in profiles and len(reply.intent.scopes) >= 2


def test_a_same_follow_up_with_words_of_its_own_is_not_rewritten(library, searcher):
    _, then = ask(library, searcher, "english level for onderwijsassistent?",
                  "which work processes of medewerker sport en recreatie are the same?")
    assert then.question != "is it the same for medewerker sport en recreatie?"


LEVEL_2 = {"Medewerker facilitaire dienstverlening", "Helpende Zorg en Welzijn", "Medewerker sport en recreatie"}
LEVEL_3 = {"Begeleider gehandicaptenzorg", "Begeleider specifieke doelgroepen", PMK}


@pytest.mark.parametrize("question", ["which jobs are niveau 2?", "which programmes are level 2?"])
def test_the_jobs_at_a_level_are_the_profiles_at_that_level(library, searcher, question):
    reply = only(library, searcher, question)
    assert reply.type == LIST and reply.intent.kind == "profiel", (question, reply.read_as)
    assert {i.chunk.profile for i in reply.items} == LEVEL_2


def test_the_professions_at_level_4(library, searcher):
    reply = only(library, searcher, "welke beroepen zijn op niveau 4?")
    assert reply.type == LIST and len(reply.items) == 8, reply.read_as
    assert not {i.chunk.profile for i in reply.items} & (LEVEL_2 | LEVEL_3)


def test_which_of_two_programmes_has_a_fact_compares_them(library, searcher):
    for question in ("Welke heeft het hoogste niveau, de onderwijsassistent of de helpende?",
                     "Heeft de helpende of de PMK een hoger niveau?"):
        assert only(library, searcher, question).type == COMPARE, question
    # something the passages state is searched; a list asked of either programme stays a list
    reply = only(library, searcher, "Welke heeft een Engels-eis, de onderwijsassistent of de PMK?")
    assert reply.type == LOOKUP and any("Engels" in h.chunk.text for h in reply.hits[:3]), reply.read_as
    assert only(library, searcher, "welke werkprocessen heeft de OA of de PMK over ouders?").type == LIST


def test_an_ordinal_written_as_a_number_points_at_that_item(library, searcher):
    *_, then = ask(library, searcher, "welke profielen heeft maatschappelijke zorg? met niveau erbij",
                   "welke daarvan zijn niveau 3", "de 2e, welke wp's heeft die?")
    reply = then.reply
    assert reply.type == LIST and reply.intent.mode == TREE
    assert {e.profile for e in reply.intent.scopes} == {"Begeleider specifieke doelgroepen"}
    assert len(reply.items) == 13
    # a number with an ending before another noun is no pointer
    for follow_up in ("wat leer je in de 2e week?", "wat moet een student in de 2e stage doen?"):
        _, later = ask(library, searcher, "welke profielen heeft maatschappelijke zorg?", follow_up)
        assert "Begeleider specifieke doelgroepen" not in later.question, follow_up


def test_a_core_task_code_compared_across_versions_is_the_core_tasks(library, searcher):
    reply = only(library, searcher, "vergelijk B1-K2 van Sociaal Werk 2015 en 2020")
    assert reply.type == COMPARE and len(reply.rows) == 1, reply.read_as
    row = reply.rows[0]
    assert row.left.chunk.kind == KERNTAAK and row.right.chunk.kind == KERNTAAK
    assert {row.left.chunk.code, row.right.chunk.code} == {"B1-K2"}


def test_two_quoted_titles_set_against_each_other_are_compared(library, searcher):
    reply = only(library, searcher, "En 'Werkt aan de eigen deskundigheid' uit 2015 tegenover 'Werkt aan de eigen "
                 "professionele ontwikkeling' uit 2021?")
    assert reply.type == COMPARE and len(reply.rows) == 1, reply.read_as
    titles = {reply.rows[0].left.chunk.title, reply.rows[0].right.chunk.title}
    assert titles == {"Werkt aan de eigen deskundigheid", "Werkt aan de eigen professionele ontwikkeling"}
    # "tegenover" meaning towards is no comparison
    assert only(library, searcher, "hoe gedraagt een OA zich tegenover ouders?").type != COMPARE


def test_which_units_have_an_addition_for_a_profile_in_shorthand(library, searcher):
    for question in ("welke basis-wp's van MZ hebben een aanvulling voor de thuisbegeleider?",
                     "welke wp's van MZ hebben een aanvulling voor de thuisbegeleider?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and len(reply.items) == 5, (question, reply.read_as)
        assert all(i.chunk.variant == "aanvulling" and i.chunk.profile == "Thuisbegeleider" for i in reply.items)


def test_whether_a_profile_exists_for_an_unknown_job(library, searcher):
    for question in ("is there a profile for nanny or au pair? like working in the house of the family",
                     "is er een opleiding tot gastouder? ik pas graag op kinderen"):
        reply = only(library, searcher, question)
        assert reply.type == NOT_FOUND and reply.problem == "unknown_scope", (question, reply.read_as)
    for question in ("is there a programme for onderwijsassistent?", "is there a profile for childcare workers?"):
        assert only(library, searcher, question).problem != "unknown_scope", question


def test_those_two_versions_after_lists_are_the_programmes_versions(library, searcher):
    *_, then = ask(library, searcher, "Welke werkprocessen van de pedagogisch medewerker kinderopvang in het KD "
                   "Pedagogisch Werk gaan over contact met ouders?", "En in het PMK-dossier van 2021?",
                   "Wat is het verschil tussen het plan van aanpak in die twee versies?")
    reply = then.reply
    assert reply.type == COMPARE, reply.read_as
    assert any(r.left is not None and r.left.chunk.code == "P1-K1-W3" and r.right is not None
               and r.right.chunk.code == "P1-K1-W3" for r in reply.rows)
    assert len(reply.rows) <= 3  # the pairs about the plan van aanpak, not the whole tree
    assert {(r.left or r.right).chunk.profile for r in reply.rows} <= {PMK, None}


def test_those_two_versions_after_one_unit_are_that_units(library, searcher):
    *_, then = ask(library, searcher, "Wat houdt P1-K1-W3 van het KD Pedagogisch Medewerker Kinderopvang 2021 in?",
                   "and in 2015?", "What changed between the two versions?")
    reply = then.reply
    assert reply.type == COMPARE and len(reply.rows) == 1, reply.read_as


def test_where_it_is_about_a_bracketed_word_asks_where(library, searcher):
    reply = only(library, searcher, "Waar gaat het in de dossiers over (maatschappelijke) participatie? Ik wil een "
                 "lessenserie maken over meedoen in de samenleving.")
    assert reply.type == LIST and reply.intent.mode == "where" and reply.items, reply.read_as


def test_at_which_places_asks_where(library, searcher):
    reply = only(library, searcher, "Op welke plekken in de kwalificatiedossiers wordt het zorgvuldig omgaan met "
                 "vertrouwelijke informatie en privacy als onderdeel van de beroepshouding benoemd?")
    assert reply.type == LIST and reply.intent.mode == "where" and reply.items, reply.read_as
    assert "plekken" not in reply.intent.topic


def test_a_separable_verb_written_as_one_word_is_no_typo(library):
    from assistant.spelling import correct_words

    assert correct_words("dat zij normen overdraagt", library.words, "nl") == "dat zij normen overdraagt"
    assert correct_words("hygene", library.words, "nl") == "hygiëne"


def test_a_year_without_the_theme_says_so_and_where_it_is(library, searcher):
    _, then = ask(library, searcher, "waar komt pesten voor?", "en in 2021?")
    reply = then.reply
    assert reply.type == NOT_FOUND and reply.problem == "not_in_year", reply.read_as
    assert reply.details[0] == "2021" and "2015" in reply.details[1]
    # also after a where list asked with a kind word, and in English
    for first in ("welke werkprocessen gaan over pesten?", "which work processes are about bullying?"):
        _, then = ask(library, searcher, first, "en in 2021?" if first.startswith("welke") else "and in 2021?")
        assert then.reply.problem == "not_in_year", (first, then.reply.read_as, then.reply.details)


def test_who_said_it_after_the_question_is_no_part_of_it(library, searcher):
    reply = only(library, searcher, "what's the crebo for Verzorgende-IG? one of your students mentioned it")
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope", reply.read_as
    assert reply.details[0] == "verzorgende ig"


def test_two_values_set_against_each_other_are_no_comparison_of_programmes(library, searcher):
    reply = only(library, searcher, "Dilemma privacy vs veiligheid: mag een thuisbegeleider zonder toestemming van de "
                 "cliënt anderen inschakelen als kinderen gevaar lopen?")
    assert reply.type == LOOKUP, reply.read_as
    for question in ("pmk vs gpm", "klantgerichtheid 2 vs 3", "GPM coordinating tasks 2015 vs 2021",
                     "and for GPM, the 2015 begeleidingsplan one vs the 2021 ontwikkelplan?",
                     "OA lesactiviteiten 2015 P3-K1-W3 vs leeractiviteiten 2021, wat is anders?"):
        assert only(library, searcher, question).type == COMPARE, question


def test_then_is_no_name(library, searcher):
    _, then = ask(library, searcher, "Welke werkprocessen van het KD Onderwijsassistent 2021 staan er in de bronnen?",
                  "en hoe zag dat er in 2015 uit, welke werkprocessen had de onderwijsassistent toen?")
    reply = then.reply
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 19, reply.read_as


def test_that_role_is_the_programme_asked_about(library, searcher):
    _, then = ask(library, searcher, "What salary scale or CAO applies to a Thuisbegeleider?",
                  "fine. does that role need a VOG then?")
    assert "Thuisbegeleider" in then.question and "salary" not in then.question


def test_a_what_is_question_of_its_own_is_not_merged(library, searcher):
    *_, then = ask(library, searcher, "What salary scale or CAO applies to a Thuisbegeleider?",
                   "fine. does that role need a VOG then?", "and what are the job prospects for thuisbegeleiders?")
    assert then.question == "and what are the job prospects for thuisbegeleiders?"


def test_a_language_asked_after_the_question_sets_the_language_only(library, searcher):
    _, then = ask(library, searcher, "Wat is het verschil tussen niveau 2 en niveau 3 van Probleemoplossend vermogen "
                  "in het competentieprofiel Sociaalwerker B?", "and level 4? in english pls")
    reply = then.reply
    assert reply.type == LOOKUP and reply.lang == "en" and reply.intent.levels == (4,), reply.read_as
    # a language that belongs to the question stays in it
    assert only(library, searcher, "waar staat iets over lessen in het Engels?").lang == "nl"


def test_only_the_ones_about_a_theme_narrows_the_list_by_the_askers_own_term(library, searcher):
    _, then = ask(library, searcher, "I'm placing candidates as Thuisbegeleider. Which work processes does that "
                  "profile cover?", "ok, only the ones about helping clients keep control (regie) over their own life?")
    reply = then.reply
    assert reply.type == LIST and 0 < len(reply.items) < 21, reply.read_as
    assert all("regie" in i.passage.lower() for i in reply.items)
    assert {e.profile for e in reply.intent.scopes} == {"Thuisbegeleider"}


def test_the_question_names_its_scope_the_introduction_does_not(library, searcher):
    reply = only(library, searcher, "Ik werk als onderwijsassistent. In welke werkprocessen van het KD Pedagogisch "
                 "Werk gaat het over agressie?")
    assert {(e.dossier, e.profile) for e in reply.intent.scopes} == {("Pedagogisch Werk", None)}
    reply = only(library, searcher, "Ik ben student PMK. Welke werkprocessen gaan over ouders?")
    assert {e.profile or e.dossier for e in reply.intent.scopes} >= {"Pedagogisch Medewerker Kinderopvang"}


def test_for_which_units_a_requirement_holds_is_the_passage_that_names_them(library, searcher):
    reply = only(library, searcher, "Voor welke werkprocessen van Pedagogisch Werk 2015 is taalniveau 3F nodig?")
    assert reply.intent.mode != TREE, reply.read_as
    codes = {h.chunk.code for h in reply.hits} if reply.type == LOOKUP else {i.chunk.code for i in reply.items}
    assert {"B1-K1-W5", "P1-K1-W1"} <= codes


def test_the_old_dossier_of_a_year_is_that_year(library, searcher):
    _, then = ask(library, searcher, "Staat er in het KD Onderwijsassistent van 2021 iets over leerlingen met autisme "
                  "of dyslexie?", "En in het oude KD van 2015 dan?")
    assert "oude" not in then.question and "2015" in then.question


def test_a_follow_up_names_a_list_of_programmes(library, searcher):
    _, then, last = ask(
        library, searcher, "Ik werk als onderwijsassistent in het speciaal onderwijs. In welke werkprocessen van het "
        "KD Pedagogisch Werk (2015) gaat het over agressie?", "En in de nieuwe dossiers van 2021, dus PMK, GPM en "
        "onderwijsassistent?", "Oké. En dan alleen voor mijn eigen profiel, onderwijsassistent, in 2015?")
    assert {e.dossier for e in then.reply.intent.scopes} == {
        "Pedagogisch Medewerker Kinderopvang", "Gespecialiseerd Pedagogisch Medewerker", "Onderwijsassistent"}
    assert {e.profile for e in last.reply.intent.scopes} == {"Onderwijsassistent"}
    assert all(e.version.startswith("2015") for e in last.reply.intent.scopes)


def test_the_meaning_of_a_fact_word_names_no_programme(library, searcher):
    for question in ("wat betekent sbu eig? is dat t aantal uur stage?", "what does crebo mean?"):
        assert only(library, searcher, question).problem != "unknown_scope", question


def test_what_the_study_load_is_per_or_at_names_no_programme(library, searcher):
    for question in ("sbu per jaar?", "hoeveel sbu stage?", "sbu bij bbl?"):
        assert only(library, searcher, question).problem != "unknown_scope", question
    assert only(library, searcher, "sbu van de nanny opleiding?").problem == "unknown_scope"


def test_which_of_two_is_no_comparison_of_texts_without_the_fact(library, searcher):
    """Both have a 2021 text, which gives no level; a subject's level is no programme's."""
    for question in ("Is the PMK or the GPM level 3?",
                     "Which of the two asks for Nederlands op niveau 3F, the OA or the GPM?"):
        assert only(library, searcher, question).type != COMPARE, question
