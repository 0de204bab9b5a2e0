"""The chat on the twenty-sixth round's findings (issue 14), from a BPV coordinator and an exchange coordinator
(tune36a) and an exam board member and a student who types with many slips (tune36b): a profile's own name in a
sentence before its list; a follow-up that keeps the profile named beside its dossier; a narrowing as a second
sentence and a new part's code; "the 2021 one" and "the level-4 profile" after a comparison; a subject level asked
of "them"; "the Dutch qualifications"; a phrase the glossary translates as one word; a phrase after a slash; a theme
typed before its question; the work processes of "those" profiles; where a profile has its additions; a title that
holds a phrase; "only those … of them" after a competence list; "that one" after a programme's list; "zet … af
tegen"; a typed compare word; "gelijk aan"; answers the sources do not hold (a foreign counterpart, the number of
exams, who adopted the competence profile, the result section of an extract unit). On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, only

from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE
from assistant.reply_text import render

MZ = "Maatschappelijke Zorg"


def test_a_profiles_own_name_in_a_sentence_before_its_list_is_no_theme(library, searcher):
    reply = only(library, searcher, "stageplek bij thuisbegeleiding. welke wp heeft de thuisbegeleider?")
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as
    assert len(reply.items) == 21  # the whole profile: basisdeel, additions and its own units
    assert any(i.chunk.profile is None for i in reply.items)


def test_a_follow_up_keeps_the_profile_named_beside_its_dossier(library, searcher):
    _, second = ask(library, searcher, "stageplek (MZ niv 4). welke wp heeft de thuisbegeleider, incl basisdeel?",
                    "welke daarvan vragen plannen en organiseren?")
    reply = second.reply
    assert reply.type == COMPETENCE and "Thuisbegeleider" in reply.read_as, reply.read_as
    assert {i.chunk.code for i in reply.items} == {"B1-K1-W4", "B1-K1-W6", "P5-K1-W6"}


def test_a_narrowing_as_the_second_sentence_takes_the_new_parts_code(library, searcher):
    *_, third = ask(library, searcher, "welke wp heeft PMK (2015)?", "alleen de wp uit het profieldeel (P1) graag",
                    "en bij GPM niv 4? ook alleen profieldeel (P2)")
    reply = third.reply
    assert reply.type == LIST and "Gespecialiseerd" in reply.read_as, reply.read_as
    assert len(reply.items) == 11 and all(i.chunk.code.startswith("P2-") for i in reply.items)


def test_the_2021_one_after_two_versions_compared_is_that_unit(library, searcher):
    _, second = ask(library, searcher, "How does the 2021 Pedagogisch Medewerker Kinderopvang work process 'Werkt "
                                       "aan het bewaken en bevorderen van kwaliteitszorg' differ from the 2015 "
                                       "version?",
                    "Which SBB competences are linked to the 2021 one?")
    reply = second.reply
    assert reply.type == NOT_FOUND and reply.problem == "no_sbb", reply.read_as  # the extract names none
    assert "B1-K2-W2" in reply.intent.question and "2021" in reply.intent.question


def test_the_level_4_profile_after_two_profiles_compared_is_that_profile(library, searcher):
    _, second = ask(library, searcher, "In Maatschappelijke Zorg, what is the difference between Begeleider "
                                       "gehandicaptenzorg and Persoonlijk begeleider gehandicaptenzorg in level?",
                    "Which work processes are in the level-4 profile's own core task?")
    reply = second.reply
    assert reply.type == LIST and reply.lang == "en", reply.read_as
    assert {i.chunk.code for i in reply.items} == {f"P3-K1-W{n}" for n in range(1, 9)}


def test_a_subject_level_asked_of_them_is_the_programme_just_named(library, searcher):
    _, second = ask(library, searcher, "welke wp heeft de medewerker sport en recreatie?",
                    "moeten ze ook een vreemde taal beheersen? welk niveau?")
    reply = second.reply
    assert reply.type == LOOKUP and reply.intent.scopes, reply.read_as
    assert "vreemde talen" in (reply.hits[0].chunk.title or "").lower(), [h.chunk.title for h in reply.hits]
    unstated = only(library, searcher, "welk taalniveau moeten studenten van Sport & Bewegen 2021 halen?")
    assert unstated.type == NOT_FOUND and unstated.problem == "no_fact", unstated.read_as


def test_the_dutch_qualifications_are_no_theme_word(library, searcher):
    reply = only(library, searcher, "Where do the 2015 Dutch qualifications mention first aid in a work process?")
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.intent.topic == "first aid", reply.read_as
    codes = {(i.chunk.dossier, i.chunk.code) for i in reply.items}
    assert ("Pedagogisch Werk", "B1-K1-W6") in codes and (MZ, "P1-K1-W3") in codes


def test_a_phrase_the_glossary_translates_as_one_word_and_one_after_a_slash(library, searcher):
    english = only(library, searcher, "Where do the work processes mention the Meldcode or signs of child abuse / "
                                      "domestic violence?")
    dutch = only(library, searcher, "waar komen de meldcode of signalen van kindermishandeling / huiselijk geweld "
                                    "voor?")
    for reply in (english, dutch):
        codes = {(i.chunk.dossier, i.chunk.code) for i in reply.items}
        assert ("Pedagogisch Werk", "B1-K1-W7") in codes and (MZ, "P5-K1-W5") in codes, reply.read_as
    team = only(library, searcher, "where does multidisciplinary work (multidisciplinair team/overleg) show up?")
    assert len(team.items) < 30  # a slash between two words is one slot, not a theme of its own


def test_a_theme_typed_before_its_question_is_what_it_points_at(library, searcher):
    reply = only(library, searcher, "social media wich werkprocesses talk about it")
    assert reply.type == LIST and reply.intent.topic == "social media" and len(reply.items) == 6, reply.read_as
    before = only(library, searcher, "agressie welke werkprocessen gaan daarover?")
    assert before.intent.topic == "agressie", before.read_as  # "daarover" is no theme word
    _, back = ask(library, searcher, "welke werkprocessen gaan over agressie?",
                  "bij welke profielen horen die en welk niveau zijn dat?")
    assert "agressie" in back.reply.intent.question, back.reply.read_as  # a preposition first still points back


def test_the_work_processes_of_those_profiles_are_in_the_scope_that_listed_them(library, searcher):
    _, narrowed, third = ask(library, searcher, "Which profiles does the Maatschappelijke Zorg qualification file "
                                                "(2015) contain?",
                             "Alleen de profielen op niveau 3 graag: welke werkprocessen staan in hun profieldeel?",
                             "Welke daarvan vragen de SBB-competentie Begeleiden?")
    second = narrowed.reply
    assert second.type == LIST and len(second.items) == 7, second.read_as
    assert {i.chunk.profile for i in second.items} == {"Begeleider gehandicaptenzorg", "Begeleider specifieke "
                                                                                        "doelgroepen"}
    assert third.reply.type == COMPETENCE and set(i.ref for i in third.reply.items) <= set(i.ref for i in second.items)


def test_where_a_profile_has_its_additions_lists_those_only(library, searcher):
    reply = only(library, searcher, "Op welke werkprocessen uit het basisdeel van Maatschappelijke Zorg 2015 heeft "
                                    "het profiel Agogisch medewerker GGZ een profielspecifieke aanvulling?")
    assert reply.type == LIST and len(reply.items) == 5, reply.read_as
    assert all(i.chunk.variant == "aanvulling" for i in reply.items)


def test_a_title_that_holds_a_phrase_lists_those_titles(library, searcher):
    reply = only(library, searcher, "Geef een overzicht van alle werkprocessen waarvan de titel 'coördinerende "
                                    "taken' bevat, over alle dossiers en versies heen.")
    assert reply.type == LIST and "titel" in reply.read_as, reply.read_as
    assert all("coördin" in (i.chunk.title or "").lower() for i in reply.items)
    english = only(library, searcher, "List every work process whose title starts with 'Evalueert'.")
    assert all((i.chunk.title or "").startswith("Evalueert") for i in english.items), english.read_as


def test_only_those_of_a_profile_part_narrows_a_competence_list(library, searcher):
    _, second = ask(library, searcher, "Bij welke werkprocessen van het KD Sociaal Werk 2015 hoort de competentie "
                                       "klantgerichtheid? Graag over het basisdeel en beide profielen.",
                    "Alleen die uit het profieldeel van de Sociaal-maatschappelijk dienstverlener daarvan.")
    reply = second.reply
    assert reply.type == COMPETENCE and [i.chunk.code for i in reply.items] == ["P1-K1-W1"], reply.read_as


def test_that_one_after_a_programmes_list_is_the_programme(library, searcher):
    *_, third = ask(library, searcher, "wich werkprocesses has onderwijsassistent 2021??", "and in 2015 ?",
                    "ok only the kerntaken of that one pls (2015)")
    reply = third.reply
    assert reply.type == LIST and reply.intent.kind == "kerntaak", reply.read_as
    assert {"B1-K1", "B1-K2", "P3-K1", "P3-K2"} <= {i.chunk.code for i in reply.items}
    _, dutch = ask(library, searcher, "welke wp heeft de thuisbegeleider?", "welke kerntaken heeft die?")
    assert dutch.reply.type == LIST and "Thuisbegeleider" in dutch.reply.read_as, dutch.reply.read_as


def test_facts_set_against_another_profile_and_a_typed_compare_word(library, searcher):
    *_, third = ask(library, searcher, "Wat is het crebonummer van Persoonlijk begeleider specifieke doelgroepen?",
                    "En wat is de studiebelasting daarvan in sbu?",
                    "Zet die gegevens af tegen de Begeleider specifieke doelgroepen: niveau, crebo en sbu.")
    reply = third.reply
    assert reply.type == COMPARE, reply.read_as
    text = render(reply)
    assert all(v in text for v in ("25476", "25478", "4800", "6400"))
    _, typed = ask(library, searcher, "competentieprofiel plannen en organiseren level 2 what do i need to do",
                   "and whats diffrent in level 4")
    assert typed.reply.type == COMPARE and typed.reply.intent.levels == (2, 4), typed.reply.read_as
    same = only(library, searcher, "Is de naam van kerntaak P3-K1 van de Onderwijsassistent in 2021 gelijk aan die "
                                   "in 2015?")
    assert same.type == COMPARE and len(same.items) == 2, same.read_as
    ocr = only(library, searcher, "PMK 2021 heeft B1-K1-WS5 samenwerken met betrokkenen; in 2015 had je B1-K1-W4. "
                                  "wat is er nu anders?")
    assert ocr.type == COMPARE and {i.chunk.code for i in ocr.items} == {"B1-K1-W5", "B1-K1-W4"}, ocr.read_as


def test_what_the_sources_do_not_hold_is_said_so(library, searcher):
    german = only(library, searcher, "What is the German equivalent of the Dutch PMK qualification?")
    assert german.type == NOT_FOUND and german.problem == "absent_fact", german.read_as
    exams = only(library, searcher, "What exam requirements (number and type of exams) does the Thuisbegeleider "
                                    "qualification prescribe?")
    assert exams.type == NOT_FOUND and exams.problem == "absent_fact", exams.read_as
    adopted = only(library, searcher, "Which organisation adopted the Sociaalwerker B competence profile, and in "
                                      "what year?")
    assert adopted.type == NOT_FOUND and adopted.problem == "no_fact", adopted.read_as
    assert "adoption" in render(adopted)
    kept = only(library, searcher, "wanneer is het KD PW 2015 vastgesteld en door wie?")
    assert kept.type == LOOKUP and kept.hits[0].chunk.title == "Vaststelling"
    result = only(library, searcher, "Wat is de resultaatbeschrijving van werkproces P1-K1-W4 van Pedagogisch "
                                     "Medewerker Kinderopvang 2021?")
    assert result.type == NOT_FOUND and result.problem == "no_fact" and "Resultaat" in render(result)
    held = only(library, searcher, "Wat is het resultaat van P1-K1-W4 van PMK 2015?")
    assert held.type == LOOKUP, held.read_as  # the 2015 unit has its Resultaat


def test_in_general_asks_the_scales_levels_and_the_reference_level_of_a_dossier(library, searcher):
    general = only(library, searcher, "In the Sociaalwerker B profile, what does level 2 mean in general, regardless "
                                      "of the competence?")
    assert general.type == LOOKUP and general.hits[0].chunk.kind == "uitleg_niveaus", general.read_as
    reference = only(library, searcher, "Welk referentieniveau voor Nederlandse taal en rekenen geldt voor de niveau "
                                        "4-kwalificaties in het KD Sociaal Werk 2015?")
    assert reference.type == LOOKUP and reference.hits[0].chunk.title == "Generieke onderdelen", reference.read_as


def test_a_follow_up_before_the_askers_afterword_and_a_version_counterpart(library, searcher):
    *_, third = ask(library, searcher, "In welke werkprocessen van Pedagogisch Werk 2015 gaat het over veiligheid?",
                    "alleen niveau 3",
                    "And in the 2021 PMK dossier? Please answer in English this time, I need to forward it.")
    reply = third.reply
    assert reply.type == LIST and reply.lang == "en", reply.read_as
    assert reply.items and all(i.chunk.version.startswith("2021") for i in reply.items)  # PMK 2021 is niveau 3
    _, counterpart = ask(library, searcher, "Which work processes in the 2015 Pedagogisch Werk dossier refer to VVE "
                                            "(voor- en vroegschoolse educatie)?",
                         "And the counterpart in the 2021 version?")
    assert counterpart.reply.type == LIST and counterpart.reply.items, counterpart.reply.read_as
    assert all(i.chunk.version.startswith("2021") for i in counterpart.reply.items)


def test_what_the_student_did_before_the_question_is_no_theme_and_no_owner(library, searcher):
    told = only(library, searcher, "Ze heeft een voorlichtingsbijeenkomst gegeven voor buurtbewoners. Welke "
                                   "werkprocessen gaan over voorlichting geven?")
    assert told.type == LIST and told.intent.topic == "voorlichting geven", told.read_as
    shown = only(library, searcher, "Student heeft een nieuwe vrijwilliger ingewerkt en laten zien hoe alles werkt. "
                                    "Welke werkprocessen gaan over het inwerken of begeleiden van nieuwe collega's, "
                                    "stagiaires of vrijwilligers?")
    assert shown.type == LIST and shown.intent.mode == WHERE, shown.read_as  # no competence: "laten zien" was hers
    pointed = only(library, searcher, "Student heeft een cliënt geholpen met formulieren invullen. Welk werkproces is "
                                      "dat?")
    assert pointed.type == LIST and "formulieren" in pointed.intent.topic, pointed.read_as


def test_a_narrowing_of_a_competence_list_to_a_profile_keeps_the_competence(library, searcher):
    _, second = ask(library, searcher, "which work processes in the 2015 Dienstverlening dossier require SBB "
                                       "competence R?",
                    "En welke daarvan horen bij Helpende Zorg en Welzijn?")
    reply = second.reply
    assert reply.type == COMPETENCE and "Helpende" in reply.read_as and len(reply.items) == 5, reply.read_as
    _, letter = ask(library, searcher, "welke werkprocessen van OA 2015 horen bij competentie E?",
                    "Which of those also list H?")
    assert letter.reply.intent.sbb == ("H",), letter.reply.read_as  # a letter of its own: no competence added


def test_anything_about_a_theme_in_a_programme_lists_where_it_occurs(library, searcher):
    reply = only(library, searcher, "Is there anything in the Maatschappelijke Zorg course about giving medication?")
    assert reply.type == LIST and reply.intent.mode == WHERE and reply.intent.topic == "medication", reply.read_as
    sport = only(library, searcher, "My son is doing Sociaal-cultureel werker. Does he have to do anything with sport?")
    assert sport.type == LIST and sport.intent.topic == "sport", sport.read_as
    first = only(library, searcher, "Does my kid learn first aid anywhere in these programmes? Which work processes "
                                    "is that in?")
    assert first.type == LIST and "first aid" in first.intent.topic, first.read_as
    _, among = ask(library, searcher, "Welke werkprocessen gaan over het begeleiden van stagiaires of vrijwilligers?",
                   "zit daar ook iets tussen voor de thuisbegeleider?")
    assert among.reply.type == LIST and all(i.chunk.profile == "Thuisbegeleider" for i in among.reply.items)


def test_the_reviews_near_misses_keep_their_old_reading(library, searcher):
    _, second = ask(library, searcher, "welke wp heeft de thuisbegeleider?", "Helder wat is de tweede?")
    assert "B1-K1-W2" in second.reply.intent.question, second.reply.read_as  # an acknowledgement first
    _, finances = ask(library, searcher, "welke werkprocessen heeft SW 2015?", "only the ones of those about finances")
    assert finances.reply.intent.scopes, finances.reply.read_as  # not a narrowing to a part: the scope stays
    _, kerntaak = ask(library, searcher, "welke wp van MZ gaan over verpleegtechnische handelingen?",
                      "bij welke kerntaak hoort die?")
    assert len(kerntaak.reply.items) <= 2, kerntaak.reply.read_as  # those units' kerntaken, not all of MZ
    for question in ("moet een OA student gelijk aan het begin van het jaar stage lopen?",
                     "welke wp gaan over jongeren die zich afzetten tegen regels?",
                     "welke verschillnde profielen heeft MZ?", "Welke werkprocessen heten 'voert coördinerende "
                                                              "taken uit' of iets vergelijkbaars?"):
        assert only(library, searcher, question).type != COMPARE, question
    assert only(library, searcher, "welke profielen gaan over algemeen maatschappelijk werk?").intent.topic \
        == "algemeen maatschappelijk werk"
    for question in ("what's the English equivalent of 'werkproces'?",
                     "wat zegt B1-K1-W6 van SW 2020 over het resultaat van de aanpak?",
                     "welke examen eisen gelden er voor engels bij GPM en welke vorm?"):
        assert only(library, searcher, question).type == LOOKUP, question
    assert only(library, searcher, "Which 2015 units have no SBB competence line at all?").type != NOT_FOUND


def test_an_english_answer_names_an_mbo_level_with_its_dutch_word(library, searcher):
    english = render(only(library, searcher, "Which profiles does the Maatschappelijke Zorg qualification have?"))
    assert "level 3 \\(niveau 3\\)" in english and "level 4 \\(niveau 4\\)" in english
    dutch = render(only(library, searcher, "welke profielen heeft MZ?"))
    assert "niveau 3" in dutch and "level" not in dutch
