"""The chat on the eighteenth round's findings (issue 14), from a Flemish teacher-coordinator with a Dutch mbo-2
student typing on a phone (tune28a) and the round's own probes: a lead-in before a colon ("Nog iets over …: wat
is …?") is no theme question; a mistyped unit kind ("werprocessen"); comparing with the asker's own curriculum is
a reason, not a comparison; a compound of a name typed apart ("gehandicapten zorg"); what a job earns; "welke zijn
alleen voor de helpende?" (the profile's own units) with a closing "dus niet voor …"; the fuller sentence as a
passage's excerpt. On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, only

from assistant.absent_facts import asked_absent_fact
from assistant.conversation import _EXCLUSION
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE, asking_words_fixed
from assistant.lexical import written_forms
from assistant.replies import spelled_out
from assistant.reply_text import render
from assistant.retrieval import best_sentence

HZW = "Helpende Zorg en Welzijn"
PBGZ = "Persoonlijk begeleider gehandicaptenzorg"


def test_a_lead_in_before_a_colon_is_no_theme_question(library, searcher):
    reply = only(library, searcher, "Nog iets over dat competentieprofiel van de sociaalwerker: wat is "
                                    "klantgerichtheid op niveau 2 juist?")
    assert reply.type == LOOKUP
    first = reply.hits[0].chunk
    assert first.kind == "competentieniveau" and first.level == 2 and "Klantgerichtheid" in first.title
    english = only(library, searcher, "One more thing about the competence profile: what is level 2 of "
                                      "klantgerichtheid?")
    assert english.type == LOOKUP


def test_anything_on_a_theme_stays_a_where_list(library, searcher):
    for question in ("is er iets over agressie te vinden?", "is er iets over agressie: in MZ?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and reply.intent.mode == WHERE and reply.items, question


def test_a_mistyped_unit_kind_is_read_as_that_kind():
    assert asking_words_fixed("Welke werprocessen heeft de OA?") == "Welke werkprocessen heeft de OA?"
    assert asking_words_fixed("welke kernttaken en compettenties") == "welke kerntaken en competenties"
    assert asking_words_fixed("Which competences are in MZ?") == "Which competences are in MZ?"  # a kind word already
    assert asking_words_fixed("welke werkplekken heeft de OA?") == "welke werkplekken heeft de OA?"  # a real word


def test_comparing_with_the_askers_own_curriculum_is_no_comparison(library, searcher):
    reply = only(library, searcher, "Welke werprocessen heeft de Begeleider gehandicaptenzorg? Ik zou da willen "
                                    "vergelijken met ons leerplan Verzorging.")
    assert reply.type == LIST and {i.chunk.profile for i in reply.items} == {None, "Begeleider gehandicaptenzorg"}
    both = only(library, searcher, "vergelijk de werkprocessen van OA met die van PMK")
    assert both.type == COMPARE


def test_a_compound_of_a_name_typed_apart_is_that_name(library, searcher):
    reply = only(library, searcher, "Wat is het verschil tussen Begeleider gehandicaptenzorg en Persoonlijk "
                                    "begeleider gehandicapten zorg qua niveau en studielast in sbu?")
    assert reply.type == COMPARE
    assert "4800" in render(reply) and "6400" in render(reply)
    listed = only(library, searcher, "welke werkprocessen heeft de begeleider gehandicapten zorg")
    assert listed.type == LIST and {i.chunk.profile for i in listed.items} == {None, "Begeleider gehandicaptenzorg"}


def test_what_a_job_earns_is_a_fact_the_sources_do_not_state(library, searcher):
    for question in ("wat verdien je ongeveer als helpende zorg en welzijn?", "wat verdien ik als pmk?",
                     "what do you earn as a helpende?"):
        assert only(library, searcher, question).type == NOT_FOUND, question
    assert asked_absent_fact("wat verdien je ongeveer als helpende?").kind == "pay"
    assert asked_absent_fact("what do they earn in their first job?").kind == "pay"
    assert asked_absent_fact("wat verdient aandacht in de begeleiding?") is None  # no one earns: no pay question
    assert asked_absent_fact("what do you learn in the first year?") is None


def test_the_ones_only_a_profile_has_are_its_own_units(library, searcher):
    first, second = ask(library, searcher, "hoi welke werkprocessen heb ik allemaal bij hzw? zit in jaar 1",
                        "en welke zijn alleen voor helpende? dus niet voor facilitair en sport")
    assert len(first.reply.items) == 12
    assert second.followup and second.reply.type == LIST
    assert sorted(i.chunk.code for i in second.reply.items) == ["P2-K1-W1", "P2-K1-W2", "P2-K1-W3"]
    alone = only(library, searcher, "which work processes are only for the helpende zorg en welzijn?")
    assert {i.chunk.profile for i in alone.items} == {HZW} and len(alone.items) == 3
    scoped = only(library, searcher, "welke werkprocessen heeft de helpende zorg en welzijn?")
    assert len(scoped.items) == 12  # no "alleen voor": the basisdeel too


def test_on_a_tie_the_excerpt_is_the_fuller_sentence():
    text = "Nederlandse taal. Voor kwalificaties op niveau 2 en 3 geldt voor Nederlandse taal: 2F."
    assert best_sentence(text, "nederlands") == "Voor kwalificaties op niveau 2 en 3 geldt voor " \
                                               "Nederlandse taal: 2F."
    assert best_sentence("Rekenen. Nederlandse taal en rekenen: 2F.", "rekenen") == "Nederlandse taal en rekenen: 2F."
    assert best_sentence("Zorg. Iets anders dan dit.", "zorg") == "Zorg."  # a longer sentence without the word loses


def test_aan_bod_is_question_grammar(library, searcher):
    reply = only(library, searcher, "Waar komt VVE aan bod?")
    assert reply.type == LIST and reply.intent.topic == "vve"


def test_an_abbreviation_spelled_out_finds_either(library, searcher):
    both = {("2015-08-01", "P2-K1-W7"), ("2015-08-01", "P3-K1-W3"), ("2021-08-01", "P2-K1-W7"),
            ("2021-08-01", "P3-K1-W4")}
    for question in ("Waar komt VVE (voor- en vroegschoolse educatie) aan bod?",
                     "which work processes refer to VVE / voor- en vroegschoolse educatie?",
                     "Which work processes deal with VVE, voor- en vroegschoolse educatie?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and {(i.chunk.version, i.chunk.code) for i in reply.items} == both, question
    assert spelled_out("Waar komt VVE (voor- en vroegschoolse educatie) aan bod?", "vve vroegschoolse educatie") \
        == "vve ( vroegschoolse educatie )"
    assert spelled_out("Waar komt VVE (vroeg en laat) voor?", "vve vroeg laat") is None  # initials do not fit


def test_a_stem_with_an_undoubled_vowel_is_found_in_its_words():
    assert written_forms("vroegschol") == ("vroegschol", "vroegschool")
    assert written_forms("voorrad") == ("voorrad", "voorraad")
    assert written_forms("mogelijkheid") == ("mogelijkheid", "mogelijkheden")
    assert written_forms("plann") == ("plann",)


def test_a_start_several_profile_titles_share_names_them_all(library, searcher):
    shared = library.catalogue.scopes["persoonlijk begeleider"]
    assert {e.profile for e in shared} == {"Persoonlijk begeleider gehandicaptenzorg",
                                           "Persoonlijk begeleider specifieke doelgroepen"}
    assert "begeleider" not in library.catalogue.scopes  # one common word names nothing
    told = only(library, searcher, "Mijn student zit op een woonvorm in de gehandicaptenzorg als persoonlijk "
                                   "begeleider. Bij welke werkprocessen hoort de competentie begeleiden?")
    assert told.type == COMPETENCE and {i.chunk.profile for i in told.items} == {None, PBGZ}
    both = only(library, searcher, "welke werkprocessen heeft de persoonlijk begeleider?")
    assert {i.chunk.profile for i in both.items} == {None, PBGZ, "Persoonlijk begeleider specifieke doelgroepen"}


def test_every_unit_with_one_code_is_listed_from_the_model(library, searcher):
    reply = only(library, searcher, "Give me every unit in the corpus whose code is B1-K2-W2, across all dossiers, "
                                    "versions and profile variants.")
    assert reply.type == LIST and len(reply.items) == 10 and {i.chunk.code for i in reply.items} == {"B1-K2-W2"}
    assert sum(i.chunk.variant is not None for i in reply.items) == 3
    scoped = only(library, searcher, "laat alle B1-K2-W2 zien in alle dossiers van 2015")
    assert scoped.type == LIST and {i.chunk.version for i in scoped.items} == {"2015-08-01"}
    assert only(library, searcher, "B1-K2-W2").type == LOOKUP  # one code alone: the ranked units


def test_the_shared_units_of_all_profiles_are_the_basisdeel(library, searcher):
    for question in ("For the level-2 Dienstverlening dossier: which work processes are shared by all three "
                     "profiles, i.e. the profile-independent basisdeel units?",
                     "welke werkprocessen hebben alle profielen van DV gemeen?",
                     "which work processes of Dienstverlening are shared by all profiles?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and len(reply.items) == 9, question
        assert all(i.chunk.profile is None for i in reply.items)


def test_a_theme_qualified_by_what_no_werkproces_holds_is_absent(library, searcher):
    for question in ("Welke werkprocessen gaan over mensen met dementie?",
                     "waar komt overleg met de logopedist voor?"):
        assert only(library, searcher, question).type == NOT_FOUND, question
    supervising = only(library, searcher, "Which profiles have the work process about supervising new colleagues, "
                                          "interns and volunteers?")
    assert supervising.type == LIST and supervising.items  # a word before the rest absent: still listed


def test_that_after_a_competence_level_points_at_it(library, searcher):
    _first, second = ask(library, searcher, "wat valt er onder klantgerichtheid niveau 2?",
                         "en bij welke werkprocessen van de helpende zorg en welzijn past dat?")
    assert second.reply.type == COMPETENCE
    assert {i.chunk.profile for i in second.reply.items} <= {None, HZW} and second.reply.items


def test_a_question_about_what_is_in_the_programme_named_before_lists_it(library, searcher):
    reply = only(library, searcher, "Mijn dochter wil onderwijsassistent worden. Ze volgt de opleiding van 2015. "
                                    "Welke werkprocessen zitten erin?")
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 19


def test_a_lead_in_that_announces_a_question_is_no_theme(library, searcher):
    for question in ("Vraag: welke werkprocessen heeft de OA in 2021?", "Ik heb een vraag: welke werkprocessen heeft "
                     "de OA in 2021?", "Snelle vraag: werkprocessen OA 2021?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 6, question
    about = only(library, searcher, "Vraag over agressie: waar komt dat voor?")
    assert about.type == LIST and about.intent.topic == "agressie"


def test_a_name_typed_apart_beside_a_shared_start_is_that_name(library, searcher):
    reply = only(library, searcher, "welke werkprocessen heeft persoonlijk begeleider gehandicapten zorg")
    assert reply.type == LIST and reply.intent.mode == TREE
    assert {i.chunk.profile for i in reply.items} == {None, PBGZ}


def test_that_dossier_after_one_unit_asks_that_unit_in_another_year(library, searcher):
    _first, second = ask(library, searcher, "wat staat er bij werkproces B1-K1-W3 bij sociaal werk",
                         "en in dat dossier uit 2015?")
    assert second.reply.type == LOOKUP
    first_hit = second.reply.hits[0].chunk
    assert (first_hit.code, first_hit.version) == ("B1-K1-W3", "2015-08-01")


def test_whether_a_list_fits_a_placement_is_no_question_about_its_first_unit(library, searcher):
    _first, second = ask(library, searcher, "welke werkprocessen heeft GPM 2021",
                         "past dat bij een stage op een kinderdagverblijf?")
    assert "B1-K1-W5" not in second.reply.read_as and "B1-K1-W5" not in second.question


def test_a_level_asked_is_quoted_by_its_definition(library, searcher):
    reply = only(library, searcher, "wat is niveau 4 van communicatieve vaardigheid")
    assert reply.hits[0].best_sentence.startswith("Brengt complexe zaken op strategisch niveau helder over")


def test_the_review_fixes_keep_what_worked_before(library, searcher):
    _first, within = ask(library, searcher, "welke werkprocessen van de onderwijsassistent gaan over veiligheid?",
                         "welke daarvan zijn er in 2015?")
    assert within.reply.type == LIST and len(within.reply.items) == 5  # the 2015 ones of the list, not all 19
    _first, other = ask(library, searcher, "welke werkprocessen van PW 2015 gaan over observeren?",
                        "en in de 2021 versie van dat kd?")
    assert "observeren" in other.question and "2021" in other.question
    assert only(library, searcher, "Klopt het dat kd's elke vijf jaar veranderen?").problem != "no_referent"
    assert only(library, searcher, "Welk profiel past dat best bij een student die graag met kinderen werkt?"
                ).problem != "no_referent"
    kerntaak = only(library, searcher, "Welke werkprocessen van de PMK horen alleen bij kerntaak 2?")
    assert kerntaak.type == LIST and {i.chunk.code for i in kerntaak.items} == {"B1-K2-W1", "B1-K2-W2"}
    _first, contrast = ask(library, searcher, "welke werkprocessen van de PMK gaan over hygiëne?",
                           "en de OA, niet voor hygiëne maar voor veiligheid?")
    assert not contrast.followup
    assert only(library, searcher, "Compare the OA profile with our current PMK programme").type == COMPARE
    assert asked_absent_fact("What can a student earn with extra modules, like certificates?") is None
    both = only(library, searcher, "Welke specifieke werkprocessen heeft de persoonlijk begeleider?")
    assert {i.chunk.profile for i in both.items} >= {PBGZ, "Persoonlijk begeleider specifieke doelgroepen"}
    assert only(library, searcher, "Geef alle informatie over B1-K1-W3").type == LOOKUP


def test_a_closing_exclusion_is_a_sentence_of_its_own_without_but():
    assert _EXCLUSION.search("en welke zijn alleen voor helpende? dus niet voor facilitair en sport")
    assert not _EXCLUSION.search("en de OA? niet voor hygiëne maar voor veiligheid")  # it asks for veiligheid
    assert not _EXCLUSION.search("en de OA, niet voor hygiëne")  # a clause, not a sentence of its own


def test_this_profile_after_a_statement_points_at_the_programme_named(library, searcher):
    reply = only(library, searcher, "Ik schrijf een leerlijn voor de Sociaal-cultureel werker uit het KD Sociaal "
                                    "werk (2015). Welke werkprocessen horen allemaal bij dit profiel, basisdeel "
                                    "meegerekend?")
    assert reply.type == LIST and reply.intent.mode == TREE and len(reply.items) == 13
