"""The chat on the nineteenth round's findings (issue 14), from a hogeschool lecturer writing long academic Dutch
with a dyslexic mbo-4 student (tune29a), and a gemeente job coach with a British further-education researcher
(tune29b): a purpose or reason clause before the request; a lead-in that points back itself; "bij welke moet ik …"
after a list; words typed by ear ("werkprossesen", "klantgerigtheid") or glued ("eerstehulp"); "does the same
apply to …"; "hoe verhoudt zich dat tot …"; the basisdeel of a dossier; a competence level of the profile document
named beside it; statements after the question; "die twee opleidingen". On the real bundled corpus."""

from __future__ import annotations

from conftest import ask, only

from assistant.conversation import _SAME_FOR, Catalogue
from assistant.intent import (
    COMPARE,
    COMPETENCE,
    LIST,
    LOOKUP,
    NOT_FOUND,
    TREE,
    asking_words_fixed,
    is_question_word,
    without_reason_lead,
)
from assistant.replies import disjuncts
from assistant.spelling import correct_names, split_glued

OA = "Onderwijsassistent"
TB = "Thuisbegeleider"
LECTURER = ("Ten behoeve van een analyse van de aansluiting tussen het mbo en de propedeuse van onze pabo, waarin "
            "wij de leeruitkomsten van het eerste studiejaar systematisch naast het beroepsbeeld van instromende "
            "mbo-gediplomeerden willen leggen, zou ik graag een volledig overzicht ontvangen van alle "
            "werkprocessen die de onderwijsassistent volgens het kwalificatiedossier Pedagogisch Werk van 2015 "
            "dient te beheersen, met inbegrip van het basisdeel en de eventuele aanvullende eisen die specifiek "
            "voor dit profiel gelden.")


def test_a_reason_clause_before_the_request_is_no_theme(library, searcher):
    reply = only(library, searcher, LECTURER)
    assert reply.type == LIST and reply.intent.mode == TREE, reply.read_as
    assert len(reply.items) == 19 and {i.chunk.profile for i in reply.items} == {None, OA}  # basisdeel included
    diversity = only(library, searcher, "Aangezien diversiteitssensitief handelen een centrale leeruitkomst vormt in "
                                        "het eerste jaar van onze bachelor, verneem ik graag in welke werkprocessen "
                                        "aandacht wordt besteed aan diversiteit dan wel interculturele sensitiviteit.")
    assert diversity.type == LIST and diversity.intent.topic == "diversiteit interculturele sensitiviteit"
    assert len(diversity.items) >= 8  # either word, not both


def test_a_reason_clause_that_names_a_profile_stays(library):
    catalogue = library.catalogue
    kept = "Omdat ik thuisbegeleider doe, welke werkprocessen gaan over hygiëne?"  # the profile asked about
    assert without_reason_lead(kept, catalogue) == kept
    assert without_reason_lead("Omdat wij een module maken, welke werkprocessen gaan over hygiëne?",
                               catalogue) == "welke werkprocessen gaan over hygiëne?"
    for kept in ("Omdat wij met de versie van 2021 werken, welke werkprocessen heeft de onderwijsassistent?",
                 "Aangezien het om de kerntaken gaat, welke zijn er bij de thuisbegeleider?",
                 "Omdat ik wil weten welke werkprocessen over agressie gaan, kun je die opzoeken?"):
        assert without_reason_lead(kept, catalogue) == kept  # a year, a kind, the question itself
    assert without_reason_lead("Welke werkprocessen gaan over hygiëne?", Catalogue({})) == \
        "Welke werkprocessen gaan over hygiëne?"


def test_a_lead_in_that_points_back_keeps_the_list(library, searcher):
    *_, second = ask(library, searcher, LECTURER,
                     "Voortbouwend op dat overzicht: bij welke van deze werkprocessen wordt de SBB-competentie 'Op de "
                     "behoeften en verwachtingen van de klant richten' genoemd?")
    reply = second.reply
    assert reply.type == COMPETENCE and reply.items
    assert all(i.chunk.dossier == "Pedagogisch Werk" and i.chunk.profile in (None, OA) for i in reply.items)


def test_bij_welke_after_a_list_is_within_it(library, searcher):
    first, second = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?",
                        "en bij welke moet ik plannen en organiseren laten zien op mijn stage?")
    listed = {i.ref for i in first.reply.items}
    reply = second.reply
    assert reply.type == COMPETENCE and 0 < len(reply.items) <= 5 and {i.ref for i in reply.items} <= listed
    alone = only(library, searcher, "bij welke moet ik plannen en organiseren laten zien?")
    assert alone.type == COMPETENCE and len(alone.items) > 10  # nothing listed before: every unit with it


def test_words_typed_by_ear_are_read_right(library, searcher):
    assert asking_words_fixed("welke werkprossesen word er verwagt") == "welke werkprocessen word er verwagt"
    reply = only(library, searcher, "bij welke werkprocessen van de thuisbegeleider hoort klantgerigtheid?")
    assert reply.type == COMPETENCE and reply.intent.competences == ("Klantgerichtheid",), reply.read_as
    assert reply.items and all(i.chunk.profile in (None, TB) for i in reply.items)


def test_a_competence_name_in_english_spelling_is_no_typo(library):
    others = library.competence_names
    kept = correct_names("communicative skills level 3", library.catalogue, library.words, others)
    assert kept.text == "communicative skills level 3" and not kept.corrected
    fixed = correct_names("plannen en organiseeren", library.catalogue, library.words, others)
    assert fixed.text == "plannen en organiseren"


def test_words_typed_together_that_the_corpus_writes_apart(library, searcher):
    assert split_glued("waar staat iets over eerstehulp?", library.words, library.word_pairs) == \
        "waar staat iets over eerste hulp?"
    for compound in ("profielspecifieke", "teamoverleg", "ankerpuntendocument"):  # compounds stay
        assert split_glued(compound, library.words, library.word_pairs) == compound
    reply = only(library, searcher, "waar staat iets over eerstehulp? wil het in me portfollio zetten")
    assert reply.type == LIST and reply.intent.topic == "eerste hulp" and reply.items


def test_a_statement_after_the_question_is_no_theme(library, searcher):
    for question, topic in (("welke werkprocessen gaan over crisissituaties? vind ik eng", "crisissituaties"),
                            ("Waar in de dossiers komt agressie voor? Wil er een les over geven.", "agressie")):
        reply = only(library, searcher, question)
        assert reply.type == LIST and reply.intent.topic == topic, reply.intent.topic
    steered = only(library, searcher, "welke werkprocessen heeft de thuisbegeleider? die over agressie")
    assert steered.type == LIST and 0 < len(steered.items) <= 3  # "die over …" steers the question


def test_the_same_question_for_another_profile(library, searcher):
    *_, same = ask(library, searcher, "wat is het crebo van de thuisbegeleider?",
                   "geldt dat ook voor de agogisch medewerker ggz?")
    assert same.reply.details[:1] == ("crebo",) and "Agogisch medewerker GGZ" in same.reply.details[1]
    *_, english = ask(library, searcher, "Welke bijzondere vereisten stelt Maatschappelijke Zorg aan de begeleider "
                                         "gehandicaptenzorg?",
                      "Does the same apply to the Persoonlijk begeleider specifieke doelgroepen?")
    assert english.followup and "Persoonlijk begeleider specifieke doelgroepen" in english.question


def test_hoe_verhoudt_zich_dat_compares_two_levels(library, searcher):
    *_, compared = ask(library, searcher, "what behaviour is described at level 3 of Plannen en organiseren?",
                       "En hoe verhoudt zich dat tot niveau 4 van dezelfde competentie?")
    reply = compared.reply
    assert reply.type == COMPARE and reply.intent.levels == (3, 4) and reply.intent.competences == (
        "Plannen en organiseren",)


def test_the_basisdeel_of_a_dossier_is_its_basisdeel_only(library, searcher):
    for question in ("And which work processes did the basisdeel of the 2015 Sociaal werk dossier contain?",
                     "Welke werkprocessen heeft het basisdeel van Sociaal werk 2015?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and len(reply.items) == 10 and all(not i.chunk.profile for i in reply.items)


def test_a_level_of_a_competence_named_beside_the_profile_document(library, searcher):
    reply = only(library, searcher, "Welke gedragsindicatoren beschrijft het competentieprofiel Sociaalwerker B op "
                                    "niveau 1 van de competentie coachen?")
    assert reply.type == LOOKUP and reply.intent.levels == (1,) and reply.intent.competences == ("Coachen",)
    programme = only(library, searcher, "ik doe dienstverlening niveau 2 en wil weten wat klantgerichtheid is")
    assert programme.intent.levels == ()  # the level of a programme, no competence level


def test_an_ordinal_of_a_year_points_at_nothing(library, searcher):
    reply = only(library, searcher, "Wat leren studenten in het eerste jaar over hygiëne, in welke werkprocessen?")
    assert reply.problem != "no_referent"


def test_other_and_glued_question_words_are_no_theme_words(library, searcher):
    assert is_question_word("ankerpuntenoverzicht") and is_question_word("mbo-dossiers")
    assert not is_question_word("teamoverleg") and not is_question_word("hygiëne")
    reply = only(library, searcher, "Which units involve giving medication or other nursing-technical procedures?")
    assert reply.type == LIST and reply.items and all(i.chunk.profile and "gehandicaptenzorg" in i.chunk.profile
                                                      for i in reply.items)
    overview = only(library, searcher, "Welke werkprocessen van Sociaal Werk 2020 staan er in het "
                                       "ankerpuntenoverzicht?")
    assert overview.type == LIST and overview.intent.mode == TREE and len(overview.items) == 8


def test_the_askers_plan_after_the_question_is_no_comparison(library, searcher):
    reply = only(library, searcher, "What are the core tasks (kerntaken) of the Agogisch medewerker GGZ? I want to "
                                    "compare them with the mandatory units of a comparable NVQ.")
    assert reply.type == LIST and reply.intent.kind == "kerntaak" and not reply.problem
    assert {i.chunk.code for i in reply.items} >= {"B1-K1", "B1-K2"}


def test_a_statement_before_a_competence_question(library, searcher):
    reply = only(library, searcher, "Mijn kandidaat is echt een mensen-mens en heel gastvrij. Bij welke "
                                    "werkprocessen van de medewerker sport en recreatie telt klantgerichtheid?")
    assert reply.type == COMPETENCE and reply.items


def test_electives_asked_as_linked_or_named(library, searcher):
    for question in ("Welke keuzedelen zijn gekoppeld aan het profiel Thuisbegeleider?",
                     "Are any optional units (keuzedelen) named for Helpende Zorg en Welzijn?"):
        reply = only(library, searcher, question)
        assert reply.type == NOT_FOUND and reply.problem == "absent_fact" and reply.details[1] == "electives"


def test_die_twee_opleidingen_are_the_two_profiles_asked_about(library, searcher):
    *_, pair = ask(library, searcher, "Heeft iemand een VOG nodig om begeleider gehandicaptenzorg te worden?",
                   "en voor thuisbegeleider?", "En op welk niveau zitten die twee opleidingen eigenlijk?")
    reply = pair.reply
    assert reply.details[:1] == ("niveau",), reply.read_as
    assert any("Begeleider gehandicaptenzorg" in d and d.endswith("niveau 3") for d in reply.details[1:])
    assert any(d.startswith(TB) and d.endswith("niveau 4") for d in reply.details[1:])


def test_which_of_those_after_an_unscoped_list(library, searcher):
    *_, narrowed = ask(library, searcher, "Where do the work processes mention social media?",
                       "Which of those are in Maatschappelijke Zorg?")
    assert " of are " not in narrowed.question and "work processes of Maatschappelijke" not in narrowed.question


def test_that_profile_in_another_year(library, searcher):
    *_, other = ask(library, searcher, "Welke werkprocessen van de pedagogisch medewerker kinderopvang staan in het "
                                       "overzicht van 2021?", "And the full set for that profile in the 2015 dossier?")
    assert "2021" not in other.question and "2015" in other.question


def test_what_the_new_rules_leave_alone(library, searcher):
    """The review's probes: real words near a unit kind, compounds, a lead that carries the theme, "in welke" asked
    first, a profile together with the basisdeel of its dossier, a one-letter slip in a competence name."""
    assert asking_words_fixed("welke leerprocessen en rekentaken") == "welke leerprocessen en rekentaken"
    assert not is_question_word("voorlezen") and not is_question_word("kinddossier")
    voorlezen = only(library, searcher, "Welke werkprocessen gaan over voorlezen?")
    assert voorlezen.type == LIST and 0 < len(voorlezen.items) <= 3
    lead = only(library, searcher, "Since my students struggle with aggression, which work processes should I look at?")
    assert lead.type == LIST and 0 < len(lead.items) <= 10, lead.read_as
    first = only(library, searcher, "In welke werkprocessen komt agressie voor? En in welke komt conflict voor?")
    assert first.problem != "no_referent"
    assert only(library, searcher, "In welke komt agressie voor?").problem != "no_referent"
    together = only(library, searcher, "List all work processes of the Thuisbegeleider, together with the basisdeel "
                                       "of MZ.")
    assert len(together.items) == 21
    slip = only(library, searcher, "bij welke werkprocessen hoort plannen a organiseren?")  # no crash
    assert slip.type in (COMPETENCE, LIST, LOOKUP, NOT_FOUND)
    *_, same = ask(library, searcher, "wat is het crebo van de thuisbegeleider?", "is dat hetzelfde bij de agogisch "
                   "medewerker ggz?")
    assert same.followup and "agogisch medewerker ggz" in same.question.lower()
    for message in ("is dat hetzelfde bij de thuisbegeleider?", "geldt hetzelfde voor de thuisbegeleider?",
                    "geldt dat ook voor de thuisbegeleider?", "Does the same apply to the thuisbegeleider?"):
        assert _SAME_FOR.match(message), message


def test_coordinated_verbs_share_their_object(library, searcher):
    """"checking, registering or administering medicines": each verb acts on the medicines, so *registreert* alone
    (any registration) is no match; a Dutch plural noun is no verb ("ouders, kinderen of jongeren")."""
    for question in ("which work processes cover medication - checking, registering or administering medicines?",
                     "in welke werkprocessen moet je medicijnen controleren, registreren of toedienen?"):
        reply = only(library, searcher, question)
        assert reply.type == LIST and 0 < len(reply.items) <= 3, (question, len(reply.items))
    assert disjuncts("ouders, kinderen of jongeren met autisme", "nl") == ["ouders", "kinderen",
                                                                         "jongeren met autisme"]
