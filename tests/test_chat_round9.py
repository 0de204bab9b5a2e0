"""The chat on the ninth round's questions (issue 14), from an HR adviser, a dyslexic student, an English-speaking
researcher and a hurried teacher: profiles by their study load, a profile's parts asked together, "for a student in
the X profile", "refer to", and a question for what a competence means. On the real bundled corpus."""

from __future__ import annotations

import pytest
from conftest import ask

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.reply_text import render

LEVEL_4_MZ = {"Persoonlijk begeleider gehandicaptenzorg", "Agogisch medewerker GGZ", "Thuisbegeleider",
              "Persoonlijk begeleider specifieke doelgroepen"}


def test_profiles_are_listed_by_the_study_load_their_text_states(library, searcher):
    reply = ask(library, searcher, "Which 2015 profiles have a study load of 6400 sbu?")[0].reply
    assert reply.type == LIST and reply.lang == "en", (reply.type, reply.read_as)
    assert {i.chunk.profile for i in reply.items} == LEVEL_4_MZ
    assert "6400 sbu" in reply.read_as and render(reply).count("· 6400 sbu") == 4


def test_a_study_load_filter_compares_and_says_when_none_has_it(library, searcher):
    more = ask(library, searcher, "welke profielen hebben meer dan 4000 sbu?")[0].reply
    assert more.type == LIST and len(more.items) == 11 and "meer dan 4000" in more.read_as
    none = ask(library, searcher, "which profiles have 9999 sbu?")[0].reply
    assert none.type == NOT_FOUND and none.problem == "empty_list" and "9999" in render(none)


def test_which_profiles_and_at_which_level_is_the_list_of_profiles(library, searcher):
    reply = ask(library, searcher, "Which profiles does the Dienstverlening 2015 dossier contain, and at which level?")[
        0].reply
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 3
    assert render(reply).count("level 2") == 3


@pytest.mark.parametrize("question, count", [
    ("Give me the complete set of work processes a Thuisbegeleider student (Maatschappelijke Zorg 2015) is assessed "
     "on: the basisdeel, the profile-specific additions to basisdeel processes, and the profile core task.", 21),
    ("List all work processes of the Persoonlijk begeleider specifieke doelgroepen profile (Maatschappelijke Zorg "
     "2015), basisdeel and profile-specific additions included.", 20),
    ("what are the profile-specific work processes of the thuisbegeleider?", 7),  # one part alone stays narrowed
])
def test_a_profiles_parts_asked_together_give_the_whole_profile(library, searcher, question, count):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and len(reply.items) == count, (len(reply.items), reply.read_as)


def test_including_the_additions_is_no_theme_word(library, searcher):
    reply = ask(library, searcher, "Which 2015 work processes deal with budgets (budget, budgetteren, "
                                   "budgetbeheersing)? Include profile-specific additions.")[0].reply
    assert reply.type == LIST and "include" not in reply.read_as and "additions" not in reply.read_as
    assert len(reply.items) == 8 and sum(i.part == "aanvulling" for i in reply.items) >= 3


def test_for_a_student_in_the_profile_names_the_profile_not_a_student(library, searcher):
    reply = ask(library, searcher, "Which work processes does the 2021 Sport & Bewegen extract include for a student "
                                   "in the Coördinator sport- en bewegingsagogie profile (basisdeel processes "
                                   "included)?")[0].reply
    assert reply.type == LIST and len(reply.items) == 8, (reply.type, reply.problem, reply.details[:1])
    unknown = ask(library, searcher, "Welke werkprocessen heeft de opleiding verpleegkundige in deze dossiers?")[0]
    assert unknown.reply.problem == "unknown_scope" and unknown.reply.details[0] == "verpleegkundige"


def test_work_processes_that_refer_to_a_theme_are_a_where_list(library, searcher):
    reply = ask(library, searcher, "In Pedagogisch Werk 2015, which work processes refer to hygiene?")[0].reply
    assert reply.type == LIST and reply.intent.mode == WHERE and 0 < len(reply.items) < 20


@pytest.mark.parametrize("question, kind", [
    ("How does the Sociaalwerker B competence profile define 'Ondernemerschap'?", LOOKUP),
    ("wat houdt niveau 1 van klantgerichtheid in?", LOOKUP),
    ("what does customer focus mean in practice on my placement?", COMPETENCE),  # showing it: the werkprocessen
])
def test_what_a_competence_means_is_its_text(library, searcher, question, kind):
    assert ask(library, searcher, question)[0].reply.type == kind


@pytest.mark.parametrize("question, lang", [
    ("What is the minimum age to start the Onderwijsassistent programme?", "en"),
    ("Welke eisen aan de vooropleiding gelden voor instroom in de opleiding Begeleider gehandicaptenzorg?", "nl"),
    ("Welke vooropleiding heb je nodig om sociaal werk niveau 4 te mogen doen? is vmbo-tl genoeg?", "nl"),
])
def test_admission_requirements_are_a_fact_no_dossier_states(library, searcher, question, lang):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == "admission"
    assert reply.lang == lang


def test_a_theme_question_about_admission_is_no_absent_fact(library, searcher):
    reply = ask(library, searcher, "welke werkprocessen gaan over de intake en toelating van nieuwe cliënten?")[0].reply
    assert reply.problem != "absent_fact"


def test_a_crebo_asked_after_a_scope_is_that_scopes(library, searcher):
    """"wat is t crebo" (chat shorthand) after the werkprocessen of the sociaal-cultureel werker: its crebo; a list
    question that names the word is no fact question."""
    outcomes = ask(library, searcher, "welke werkprocesen heeft sociaal cultureel werker", "wat is t crebo")
    reply = outcomes[1].reply
    assert reply.type == LOOKUP and reply.details[0] == "crebo" and "25488" in reply.details[1]
    listed = ask(library, searcher, "thuisbegeleider werkprocessen", "welke werkprocessen gaan over crebo?")[1].reply
    assert not (listed.details and listed.details[0] == "crebo")


def test_difference_with_a_new_name_compares_it_with_the_previous_scope(library, searcher):
    outcomes = ask(library, searcher, "welke werkprocesen heeft sociaal cultureel werker", "wat is t crebo",
                   "en verschil met sociaal maatschappelijk dienstverlener? niveau en crebo")
    reply = outcomes[2].reply
    assert reply.type == COMPARE, (reply.type, reply.read_as)
    assert "Sociaal-maatschappelijk dienstverlener" in reply.read_as and "Sociaal-cultureel werker" in reply.read_as
    text = render(reply)
    assert "25488" in text and "25489" in text


# --------------------------------------------------------------------------- after tune17 and the review


def test_only_one_year_after_two_narrows_to_that_year(library, searcher):
    """"just the 2015 ones pls" after a list over 2015 and 2021: that year alone (not "2015 and 2015")."""
    outcomes = ask(library, searcher, "which work processes deal with safety in OA 2015 and 2021?",
                   "just the 2015 ones pls")
    both, one = outcomes[0].reply, outcomes[1].reply
    assert one.type == LIST and 0 < len(one.items) < len(both.items), (one.type, one.read_as)
    assert {i.chunk.version[:4] for i in one.items} == {"2015"}


@pytest.mark.parametrize("question, name", [
    ("For a student in the Verpleegkundige profile, which work processes apply?", "verpleegkundige"),
    ("What work processes does a student in the Kok profile have to master?", "kok"),
    ("Which work processes does the Verzorgende-IG qualification contain?", "verzorgende-ig"),  # the name alone
    # since round 28 ("the X qualification" names X)
])
def test_a_name_after_the_askers_situation_is_still_checked(library, searcher, question, name):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope" and reply.details[0] == name


def test_a_known_profile_after_a_student_is_its_list(library, searcher):
    reply = ask(library, searcher, "For a student in the Thuisbegeleider profile, which work processes apply?")[
        0].reply
    assert reply.type == LIST and len(reply.items) == 21  # not SBB competence K ("applying professional …")


@pytest.mark.parametrize("question", [
    "Welke minimumleeftijd geldt voor kinderen in de kinderopvang?",
    "Welke vooropleiding moet een onderwijsassistent hebben om naar de pabo te gaan?",
    "What are the entry requirements for the pabo after Onderwijsassistent?",
])
def test_the_age_of_children_or_the_next_programme_is_no_admission_question(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.problem != "absent_fact"


@pytest.mark.parametrize("question, kind", [
    ("welke scholen in rotterdam geven sociaal werk?", "schools"),
    ("In welke salarisschaal kom ik als begeleider gehandicaptenzorg na mijn diploma?", "pay"),
    ("Met welk vmbo-profiel of welke leerweg mag een leerling instromen in Sociaal werk niveau 4?", "admission"),
])
def test_more_ways_of_asking_an_absent_fact(library, searcher, question, kind):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == kind


def test_every_profile_row_shows_its_study_load(library, searcher):
    reply = ask(library, searcher, "Welke profielen zijn niveau 3?")[0].reply
    assert len(reply.items) == 3 and render(reply).count(" · 4800 sbu") == 3


@pytest.mark.parametrize("question, count, load", [
    ("welke profielen hebben een hogere sbu dan de PMK?", 4, "meer dan 4800"),
    ("Welke profielen hebben minder sbu dan de thuisbegeleider?", 10, "minder dan 6400"),
    ("Which profiles have a higher study load than Onderwijsassistent?", 4, "more than 4800"),
])
def test_profiles_by_a_study_load_compared_with_a_named_profile(library, searcher, question, count, load):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and len(reply.items) == count and load in reply.read_as


@pytest.mark.parametrize("question, kind", [
    ("ik wil pmk doen. waar moet je in het dossier van 2015 echt klantgericht zijn?", COMPETENCE),
    ("Ik heb een leerling die later een eigen bedrijf wil. In welke werkprocessen moet je ondernemend zijn?",
     COMPETENCE),
    ("In welke werkprocessen moet je nieuwe collega's of stagiaires begeleiden?", LIST),  # begeleiden: a theme
])
def test_must_be_a_competence_asks_for_its_werkprocessen(library, searcher, question, kind):
    assert ask(library, searcher, question)[0].reply.type == kind


def test_a_theme_that_comes_back_is_a_where_list(library, searcher):
    reply = ask(library, searcher, "In welke werkprocessen van Pedagogisch Werk 2015 komt hygiëne terug?")[0].reply
    assert reply.type == LIST and reply.intent.mode == WHERE and 0 < len(reply.items) < 20


@pytest.mark.parametrize("question, word", [
    ("Welke Engelse taaleisen gelden voor de onderwijsassistent in het dossier van 2021?", "taaleisen"),
    ("wat zegt het PMK dossier van 2021 over de meldcode?", "meldcode"),
])
def test_what_a_dossier_does_not_say_but_another_does(library, searcher, question, word):
    """The 2020/21 extract holds no language requirements and no meldcode; the 2015 Pedagogisch Werk dossier does."""
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "not_in_scope" and word in reply.details[2:]
    assert "Pedagogisch Werk 2015" in reply.details[1] and "Wel in:" in render(reply)


@pytest.mark.parametrize("question", [
    "welke taaleisen gelden voor de onderwijsassistent 2015?",  # the 2015 dossier states them
    "mag een onderwijsassistent een deel van de les overnemen?",  # "neemt … over": no "what does it say" question
    "wat doe je als je een gevaarlijke situatie ziet bij dienstverlening?",
])
def test_a_scope_that_holds_it_or_a_practical_question_is_no_absence(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.problem != "not_in_scope"


# --------------------------------------------------------------------------- after tune18 and the second review


@pytest.mark.parametrize("question, count", [
    ("welke profielen heeft maatschappelijke zorg eigelijk?", 6),  # a filler typed wrong is no profile name
    ("what profiles exist at level 2?", 3),  # "exist", "available", "choose": question words
    ("what profiles can I choose from?", 21),
    ("welke profielen heeft sport en bewegen 2021?", 4),  # P5 has only its heading before its werkproces
])
def test_profile_lists_as_users_ask_them(library, searcher, question, count):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and len(reply.items) == count, (reply.type, reply.read_as, len(reply.items))


def test_a_doubt_about_a_profile_then_that_programme_is_its_list(library, searcher):
    reply = ask(library, searcher, "Ik twijfel over begeleider gehandicaptenzorg. Welke werkprocessen heeft die "
                                   "opleiding?")[0].reply
    assert reply.type == LIST and {i.chunk.profile for i in reply.items} <= {"Begeleider gehandicaptenzorg", None}
    assert len(reply.items) > 5


@pytest.mark.parametrize("question, kind", [
    ("Hoeveel kost de opleiding pedagogisch medewerker kinderopvang per jaar?", "costs"),
    ("kan ik onderwijsassistent ook helemaal online studeren?", "delivery"),
    ("hoeveel jaar duurt de opleidng thuisbegeleider?", "duration"),
    ("For the Europass supplement: what EQF level does the Sociaal-cultureel werker qualification correspond to?",
     "eqf"),
    ("Which Dutch colleges (ROCs) offer the Thuisbegeleider programme? I need a partner school.", "schools"),
])
def test_practical_facts_no_dossier_states(library, searcher, question, kind):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == kind


def test_how_long_the_course_is_beside_a_comparison_compares(library, searcher):
    reply = ask(library, searcher, "helpende zorg en welzijn vs begeleider specifieke doelgroepen - which level is "
                                   "each and how long is the course?")[0].reply
    assert reply.type == COMPARE and any(d.startswith("sbu|") for d in reply.details)


def test_a_profile_that_had_werkprocessen_but_is_not_in_the_sources(library, searcher):
    reply = ask(library, searcher, "welke werkprocessen had pedagogisch medewerker jeugdzorg?")[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope"


def test_what_the_work_process_so_titled_involves_is_that_unit(library, searcher):
    reply = ask(library, searcher, "Wat houdt het werkproces Behartigt belangen in?")[0].reply
    assert reply.type == LOOKUP and reply.hits and "belangen" in (reply.hits[0].chunk.title or "").lower()


def test_a_year_the_previous_dossier_lacks_asks_every_dossier_of_that_year(library, searcher):
    outcomes = ask(library, searcher, "Where does VVE (voor- en vroegschoolse educatie) show up in the 2015 "
                                      "Pedagogisch Werk work processes?", "and in the 2021 dossiers?")
    reply = outcomes[1].reply
    assert reply.type == LIST and reply.items and {i.chunk.version[:4] for i in reply.items} == {"2021"}


@pytest.mark.parametrize("question", [
    "wat zegt de PMK 2021 over overdrachtsrapportages?",  # "(overdrachts)rapportage" in PMK 2021 B1-K1-W5
    "wat zegt de SB 2021 over stagiaires?",  # "stagiairs" in S&B 2021 B1-K3-W6
])
def test_a_variant_spelling_in_the_scope_is_no_absence(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.problem != "not_in_scope"


# --------------------------------------------------------------------------- from the code review


@pytest.mark.parametrize("question, name", [
    ("welke werkprocessen heeft de docent?", "docent"),  # a situation word alone is the name asked about
    ("which work processes does the student have?", "student"),
])
def test_a_situation_word_alone_is_still_an_unknown_name(library, searcher, question, name):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope" and reply.details[0] == name


@pytest.mark.parametrize("question, count", [
    ("welke werkprocessen heeft MZ alleen in het basisdeel, graag?", 9),  # a comma after basisdeel joins nothing
    ("What additions (aanvullingen) does the Agogisch medewerker GGZ profile make to the basisdeel work "
     "processes?", 5),  # "additions" is no "included"
])
def test_one_part_asked_stays_one_part(library, searcher, question, count):
    reply = ask(library, searcher, question)[0].reply
    assert reply.type == LIST and len(reply.items) == count, (len(reply.items), reply.read_as)


@pytest.mark.parametrize("question", [
    "What do the work processes say about online safety?",
    "How do students learn to work with part-time colleagues?",
    "hoeveel jaar werkervaring vraagt de PMK?",
    "hoe oud moeten de kinderen zijn bij de PMK?",
])
def test_work_questions_with_the_words_of_an_absent_fact_are_no_absent_fact(library, searcher, question):
    assert ask(library, searcher, question)[0].reply.problem != "absent_fact"


def test_a_fact_of_other_dossiers_keeps_the_previous_scope_out(library, searcher):
    reply = ask(library, searcher, "thuisbegeleider werkprocessen", "welke crebo's hebben de 2021 dossiers?")[1].reply
    assert reply.problem != "missing_version" and "thuisbegeleider" not in reply.read_as.lower()


def test_a_new_year_after_two_compared_years_keeps_the_comparison(library, searcher):
    outcomes = ask(library, searcher, "verschil tussen OA 2015 en 2021 bij B1-K1-W1?", "en in 2020?")
    assert outcomes[1].reply.problem == "missing_version"  # OA has no 2020 version; the pair is not collapsed


def test_a_fact_of_a_year_the_scope_lacks_gives_no_other_years_numbers(library, searcher):
    """"en de crebo's van de 2021 dossiers?" after the crebo of Sociaal Werk: no 2015 crebo as the answer."""
    reply = ask(library, searcher, "Wat is het crebonummer van Sociaal Werk?", "en de crebo's van de 2021 dossiers?")[
        1].reply
    assert reply.type == NOT_FOUND and not any(n in render(reply) for n in ("23185", "25489", "25488"))


def test_the_basisdeel_and_the_profieldeel_asked_side_by_side_give_both(library, searcher):
    reply = ask(library, searcher, "Welke werkprocessen staan in het basisdeel, en welke in het profieldeel, van "
                                   "Onderwijsassistent 2015?")[0].reply
    assert reply.type == LIST and len(reply.items) == 19
