"""The chat on the twenty-second round's findings (issue 14), from a member of an examination committee and an
English-speaking exchange coordinator (tune32a): a crebo number names a dossier's version; the core part and the
profile part asked together; "full overview … with code and title"; years typed as "2020/2021" in a follow-up;
"the basisdelen, without the additions"; "the core-part (basisdeel) work processes"; "het KD X" that the index
does not know; which profiles require a certificate. On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, assert_not_found, only

from assistant.conversation import crebo_scopes
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE

HZW = "Helpende Zorg en Welzijn"


def test_a_crebo_number_names_the_version_of_a_dossier_named_in_two(library, searcher):
    assert [e.version for e in crebo_scopes("KD Sociaal werk (crebo 23185)", library.catalogue)] == ["2015-08-01"]
    assert [e.profile for e in crebo_scopes("crebo 25479", library.catalogue)] == ["Thuisbegeleider"]
    assert crebo_scopes("crebo 99999 of 2015-08-01", library.catalogue) == ()  # unknown numbers, dates: nothing
    reply = only(library, searcher, "Geef een volledig overzicht van de werkprocessen in het basisdeel van het KD "
                                    "Sociaal werk (crebo 23185), met code en titel.")
    assert reply.type == LIST and reply.intent.mode == TREE and reply.intent.topic == "", reply.read_as
    assert {i.chunk.version for i in reply.items} == {"2015-08-01"} and len(reply.items) == 10
    assert all(i.chunk.profile is None for i in reply.items)  # the basisdeel
    named = only(library, searcher, "welke werkprocessen heeft crebo 25479?")
    assert named.type == LIST and {i.chunk.profile for i in named.items} == {None, "Thuisbegeleider"}


def test_the_core_part_plus_the_profile_part_is_the_whole_profile(library, searcher):
    both = only(library, searcher, f"Which work processes does the {HZW} qualification contain, core part plus "
                                   "profile part?")
    assert both.type == LIST and len(both.items) == 12 and both.intent.topic == "", both.read_as
    own = only(library, searcher, f"Which work processes does the {HZW} qualification contain, only the profile "
                                  "part?")
    assert len(own.items) == 3 and {i.chunk.profile for i in own.items} == {HZW}


def test_years_typed_with_a_slash_in_a_follow_up_are_both_years(library, searcher):
    first, second, third = ask(library, searcher,
                               "Which work processes in the 2015 qualification files have 'coördinerende taken' in "
                               "their title?",
                               "And in the 2020/2021 dossiers of the extract?",
                               "Alleen die van Sport & Bewegen graag.")
    assert {i.chunk.version for i in first.reply.items} == {"2015-08-01"}
    assert second.reply.type == LIST and second.reply.items, second.reply.read_as
    assert {i.chunk.version[:4] for i in second.reply.items} <= {"2020", "2021"}
    assert third.reply.type == LIST and third.reply.items
    assert {i.chunk.dossier for i in third.reply.items} == {"Sport & Bewegen"}


def test_only_the_basisdelen_without_the_additions_narrows_a_list(library, searcher):
    first, second = ask(library, searcher, "welke werkprocessen gaan over agressie in 2015?",
                        "Alleen die uit de basisdelen graag, zonder de profielaanvullingen.")
    assert second.reply.type == LIST and second.reply.intent.topic == "agressie", second.reply.read_as
    assert second.reply.items and all(i.chunk.profile is None for i in second.reply.items)
    assert len(second.reply.items) < len(first.reply.items)


def test_the_core_part_glossed_in_brackets_narrows_a_competence_list(library, searcher):
    glossed = only(library, searcher, "Which core-part (basisdeel) work processes of Pedagogisch Werk 2015 list "
                                      "'Ethisch en integer handelen'?")
    whole = only(library, searcher, "Which work processes of Pedagogisch Werk 2015 list 'Ethisch en integer "
                                    "handelen'?")
    assert glossed.type == whole.type == COMPETENCE
    assert glossed.items and all(i.chunk.profile is None for i in glossed.items)
    assert len(glossed.items) < len(whole.items)
    assert "core" not in glossed.intent.topic


def test_a_dossier_named_after_kd_that_the_index_lacks_is_an_unknown_scope(library, searcher):
    assert_not_found(library, searcher, ("Welke werkprocessen van het KD Verzorgende-IG gaan over medicatie?",
                                         "welke werkprocessen uit het dossier verpleegkunde gaan over wondzorg?"),
                     "unknown_scope")
    known = only(library, searcher, "welke werkprocessen van het kd sociaal werk gaan over agressie?")
    assert known.type == LIST and known.problem is None


def test_which_profiles_require_a_certificate_lists_those_with_that_requirement(library, searcher):
    gh = {"Begeleider gehandicaptenzorg", "Persoonlijk begeleider gehandicaptenzorg"}
    first, second = ask(library, searcher, "welke profielen heeft maatschappelijke zorg?",
                        "Voor welke van die profielen zijn een VOG en een inenting tegen hepatitis B vereist?")
    assert first.reply.type == LIST and len(first.reply.items) == 6
    reply = second.reply
    assert reply.type == LIST and {i.chunk.profile for i in reply.items} == gh, reply.read_as
    assert all(i.chunk.kind == "beroepsvereisten" for i in reply.items)  # the requirement text, cited
    assert any("Hepatitis B" in i.passage for i in reply.items) and all("VOG" in i.passage for i in reply.items)
    english = ask(library, searcher, "Which profiles does Maatschappelijke Zorg 2015 have?",
                  "Which of those require a certificate of good conduct before a trainee starts?")[1].reply
    assert english.type == LIST and {i.chunk.profile for i in english.items} == gh  # through the glossary
    anywhere = only(library, searcher, "Voor welke profielen gelden bijzondere vereisten, zoals een VOG of een "
                                       "inenting? Ik wil studenten daar op tijd op wijzen.")
    assert anywhere.type == LIST and {i.chunk.profile for i in anywhere.items} == gh
    programmes = only(library, searcher, "Which programmes require a certificate of good conduct?")
    assert programmes.type == LIST and {i.chunk.profile for i in programmes.items} == gh
    for other in ("welke profielen vereisen een BHV-diploma?", "Which profiles of Dienstverlening require a modern "
                                                                "foreign language?"):  # no special requirement
        reply = only(library, searcher, other)
        assert not any(i.chunk.kind == "beroepsvereisten" for i in reply.items), other
    none = only(library, searcher, "welke profielen van pedagogisch werk hebben bijzondere vereisten?")
    assert none.type == NOT_FOUND and none.problem == "empty_list"
    level = only(library, searcher, "welke profielen heeft maatschappelijke zorg op niveau 4?")
    assert level.type == LIST and level.items and all(i.chunk.kind == "profiel" for i in level.items)


def test_what_changed_in_another_year_compares_the_two_versions(library, searcher):
    first, second = ask(library, searcher, "wat houdt p2-k1-w3 in bij gpm 2015?", "wat is er anders in 2021?")
    assert first.reply.type == LOOKUP
    assert second.reply.type == COMPARE, second.reply.read_as
    assert {i.chunk.version[:4] for i in second.reply.items} == {"2015", "2021"}
    same = ask(library, searcher, "wat houdt p2-k1-w3 in bij gpm 2015?", "en in 2021?")[1]
    assert same.reply.type != COMPARE  # no comparison asked: the unit in 2021


def test_only_those_of_two_years_typed_as_a_range_keeps_both_years(library, searcher):
    first, second, third = ask(library, searcher, "Across the whole corpus, which work processes are about "
                                                  "carrying out coordinating tasks?",
                               "Only those from 2015, please.", "Only those from the 2020/21 extract, please.")
    assert "whole" not in first.reply.intent.topic and "across" not in first.reply.intent.topic
    assert {i.chunk.version[:4] for i in second.reply.items} == {"2015"}
    assert third.reply.items and {i.chunk.version[:4] for i in third.reply.items} <= {"2020", "2021"}


def test_which_profiles_add_to_one_werkproces_lists_their_additions(library, searcher):
    reply = only(library, searcher, "Which Maatschappelijke Zorg profiles add a profile-specific supplement "
                                    "(aanvulling) to basis work process B1-K1-W5 'Reageert op onvoorziene en "
                                    "crisissituaties', and what does it add?")
    assert reply.type == LIST and reply.problem is None, reply.read_as
    assert {i.chunk.variant for i in reply.items} == {"aanvulling"} and {i.chunk.code for i in reply.items} == {
        "B1-K1-W5"}
    assert {i.chunk.profile for i in reply.items} == {"Agogisch medewerker GGZ", "Thuisbegeleider",
                                                      "Persoonlijk begeleider gehandicaptenzorg",
                                                      "Persoonlijk begeleider specifieke doelgroepen"}
    none = only(library, searcher, "welke profielen van pw hebben een aanvulling op b1-k1-w2?")
    assert none.type == NOT_FOUND and none.problem == "empty_list"
    assert "B1-K1-W2" in none.details[1]


def test_those_two_profiles_after_an_answer_citing_two_profiles_are_those(library, searcher):
    *_, third = ask(library, searcher, "Welke profielen van Maatschappelijke Zorg 2015 zijn er?",
                    "Voor welke van die profielen zijn een VOG en een inenting tegen hepatitis B vereist?",
                    "Compare those two profiles: level, type of programme and study load in sbu.")
    assert third.reply.type == COMPARE, third.reply.read_as
    assert {e.profile for e in third.reply.intent.scopes} == {"Begeleider gehandicaptenzorg",
                                                              "Persoonlijk begeleider gehandicaptenzorg"}


def test_a_title_that_starts_with_a_word_lists_the_units_with_it_in_the_title(library, searcher):
    for question in ("List every work process in the corpus whose title starts with 'Evalueert'.",
                     "welke werkprocessen hebben een titel die begint met 'Evalueert'?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and reply.intent.topic == "evalueert", reply.read_as
        assert reply.items and all("evalueert" in i.chunk.title.lower() for i in reply.items)


def test_words_of_the_list_shape_are_no_topic_and_words_of_a_theme_stay(library, searcher):
    shaped = only(library, searcher, "Geef een volledig overzicht van de werkprocessen van Sociaal werk 2015, met "
                                     "code en titel.")
    assert shaped.type == LIST and shaped.intent.topic == "", shaped.read_as
    corpus = only(library, searcher, "Across the whole corpus, which work processes are about coordinating tasks?")
    assert corpus.intent.topic == "coordinating tasks"
    for question, word in (("In welke werkprocessen staat de cliënt centraal?", "centraal"),  # the text says so
                           ("Welke werkprocessen gaan over een volledig dossier van de cliënt?", "volledig"),
                           ("Which work processes mention the whole family?", "whole"),
                           ("Which work processes mention a dress code?", "code")):
        assert word in only(library, searcher, question).intent.topic, question
    central = only(library, searcher, "In welke werkprocessen staat de cliënt centraal?")
    assert central.type == LIST and len(central.items) == 1
    assert "eraan" not in only(library, searcher, "In welke werkprocessen staat het ondersteuningsplan centraal "
                                                  "(opstellen, schrijven of eraan bijdragen)?").intent.topic


def test_another_year_of_a_dossier_without_it_is_its_profiles_dossiers_of_that_year(library, searcher):
    first, second = ask(library, searcher, "waar komt vve voor in pw 2015", "en in 2021?")
    assert first.reply.type == LIST and {i.chunk.version for i in first.reply.items} == {"2015-08-01"}
    reply = second.reply
    assert reply.type == LIST and reply.problem is None, reply.read_as
    assert {e.dossier for e in reply.intent.scopes} == {"Pedagogisch Medewerker Kinderopvang",
                                                        "Gespecialiseerd Pedagogisch Medewerker", "Onderwijsassistent"}
    assert {e.version for e in reply.intent.scopes} == {"2021-08-01"}
    sw = ask(library, searcher, "welke werkprocessen gaan over agressie in sociaal werk 2015?", "en in 2021?")[1]
    assert sw.reply.problem == "missing_version"  # Sociaal werk has no 2021 version and no profiles that have one


# a review of this round's first changes (about 150 probe messages against the start code) found readings too broad;
# each is pinned here

def test_a_requirement_the_requirement_texts_do_not_name_lists_no_profiles_by_it(library, searcher):
    for question in ("Welke profielen vereisen een rijbewijs?", "Voor welke profielen is een stage verplicht?",
                     "Which profiles require English?"):
        reply = only(library, searcher, question)
        assert not any(i.chunk.kind == "beroepsvereisten" for i in reply.items), question
        assert not (reply.type == LIST and reply.intent.kind == "profiel" and len(reply.items) > 3), question


def test_a_comparing_word_with_a_year_is_no_comparison_of_the_previous_question(library, searcher):
    for message in ("welke profielen verschillen in 2021?", "Which different dossiers are there in 2021?",
                    "Wat is het verschil tussen een kerntaak en een werkproces in 2021?"):
        second = ask(library, searcher, "Welke werkprocessen van GPM 2015 gaan over ouders?", message)[1]
        assert second.reply.type != COMPARE, message


def test_all_dossiers_of_two_years_after_one_dossier_leaves_that_dossier(library, searcher):
    for message in ("And in all dossiers of 2020 and 2021?", "And in the 2020/2021 dossiers of the extract?"):
        second = ask(library, searcher, "Welke werkprocessen gaan over veiligheid in Sport & Bewegen 2021?",
                     message)[1]
        assert second.reply.type == LIST and second.reply.items, (message, second.reply.read_as)
        assert len({i.chunk.dossier for i in second.reply.items}) > 1


def test_a_crebo_number_beside_other_names_keeps_them(library, searcher):
    both = only(library, searcher, "Welke werkprocessen over verzorging hebben de thuisbegeleider (25479) en de "
                                   "helpende zorg en welzijn?")
    assert {e.profile for e in both.intent.scopes} == {"Thuisbegeleider", "Helpende Zorg en Welzijn"}
    assert both.intent.topic == "verzorging"
    versions = only(library, searcher, "Welke werkprocessen over ouders hebben PMK (25486) en PMK 2021?")
    assert {e.version for e in versions.intent.scopes} == {"2015-08-01", "2021-08-01"}


def test_het_kd_with_part_of_a_known_name_is_no_unknown_scope(library, searcher):
    for question in ("Welke werkprocessen van het KD Pedagogisch Medewerker gaan over ouders?",
                     "Welke werkprocessen van het KD Kinderopvang gaan over ouders?",
                     "Hebben begeleiders in de gehandicaptenzorg volgens het kwalificatiedossier een VOG nodig?"):
        assert only(library, searcher, question).problem != "unknown_scope", question


def test_profiles_that_add_nothing_to_a_werkproces_are_not_listed_as_adding(library, searcher):
    for question in ("Welke profielen van MZ hebben geen aanvulling op B1-K1-W5?",
                     "Which profiles add nothing to B1-K1-W5 in MZ?"):
        reply = only(library, searcher, question)
        assert not (reply.items and all(i.chunk.variant == "aanvulling" for i in reply.items)), question


def test_a_crebo_number_asked_about_names_its_qualification(library, searcher):
    for question, name in (("wat is crebo 25479?", "Thuisbegeleider"),
                           ("welk profiel heeft crebonummer 25485?", "Onderwijsassistent")):
        reply = only(library, searcher, question)
        assert reply.type == LOOKUP and reply.details[:1] == ("crebo",), question  # the facts row, stated
        assert reply.details[1].startswith(name), reply.details
