"""Chat answers by question type, on the real bundled corpus (issue 14).

Routing, complete lists from the dossier tree, theme lists, competence → werkprocessen with gedrag
lines, comparisons, lookups with paging, not_found and bad input, references in follow-ups, the
answer language, the ``answer`` object of ``search --json``, and a CI floor on the judged chat set
(``eval/chat/questions.jsonl``, test split) through ``scripts/chat_eval.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import HIT_KEYS, ROOT, Built, ask, search_json

from assistant import links
from assistant.conversation import find_reference
from assistant.intent import COMPARE, COMPETENCE, LIST, LOOKUP, NOT_FOUND, TREE, WHERE, route
from assistant.language import detect, language
from assistant.reply_text import render

CHAT_SET = ROOT / "eval" / "chat" / "questions.jsonl"





# --------------------------------------------------------------------------- language


@pytest.mark.parametrize("question", ["customer focus level 2", "coaching level 3", "quality orientation",
                                      "and for the 2015 version?"])
def test_short_english_questions_are_english(question):
    assert language(question) == "en"


def test_names_do_not_count_for_a_language(library):
    assert language("Ondernemerschap level 3?") == "nl", "without the index's names: a Dutch word"
    assert detect("Ondernemerschap level 3?", library.words, library.name_words) == "en"


@pytest.mark.parametrize("question", ["Coachen niveau 2", "klantgerichtheid niveau 2", "alleen niveau 3",
                                      "welke werkprocessen horen daarbij?"])
def test_short_dutch_questions_are_dutch(question):
    assert language(question) == "nl"


def test_a_quoted_dutch_title_does_not_make_an_english_question_dutch():
    assert language('How does "Werkt aan de eigen deskundigheid" differ in 2015?') == "en"
    assert detect("OA 2015") is None, "no words that tell: the conversation's language decides"


# --------------------------------------------------------------------------- links


def test_sbb_competences_are_read_from_the_werkproces_text():
    passage = "Gedrag:\n- doet iets\nSBB-competenties:\nE Samenwerken en overleggen; R Op de behoeften en " \
              'verwachtingen van de "klant" richten'
    found = links.sbb_competences(passage)
    assert [c.code for c in found] == ["E", "R"]
    assert found[1].title == "Op de behoeften en verwachtingen van de klant richten"
    assert links.sbb_competences("Omschrijving: geen competenties") == ()


def test_competence_links_by_meaning_then_by_words(library):
    from dataclasses import replace

    found = links.competence_links(library.chunks)
    assert found["Klantgerichtheid"] == ("R",)
    assert found["Plannen en organiseren"] == ("Q",)
    assert all(len(codes) == 1 for codes in found.values()), "the best meaning link only"
    words = links.competence_links([replace(c, sbb_matches=()) for c in library.chunks])
    assert words["Klantgerichtheid"] == ("R",)
    assert words["Communicatieve vaardigheid"] == ("J",), "by its definition: Formuleert ... → Formuleren"
    assert words["Coachen"] == (), "no SBB title shares a word with Coachen: no link is made up"


def test_english_sbb_names_file_is_checked(tmp_path):
    from assistant.intent import SBB_ENGLISH_FILE, sbb_english

    names = sbb_english(SBB_ENGLISH_FILE)
    assert set(names) == set("ABCDEFGHIJKLMNOPQRSTUVWXY") and "planning and organising" in names["Q"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"names": {"Q": "planning"}}), encoding="utf-8")
    with pytest.raises(ValueError, match="expected"):
        sbb_english(bad)


def test_pair_by_code_pairs_codes_and_reports_the_unpaired(library):
    def units(dossier, version):
        return [u.chunk for u in library.units if u.chunk.kind == "werkproces" and u.chunk.dossier == dossier
                and u.chunk.version == version and u.chunk.profile is None]

    pairs = links.pair_by_code(units("Sociaal Werk", "2020-08-01"), units("Sociaal werk", "2015-08-01"))
    paired = [p for p in pairs if p.left and p.right]
    assert paired and all(p.left.code == p.right.code for p in paired)
    assert any(p.left is None for p in pairs), "2015 has werkprocessen the 2020 extract does not show"


# --------------------------------------------------------------------------- routing


@pytest.mark.parametrize(
    ("question", "kind", "mode"),
    [
        ("welke werkprocessen heeft de thuisbegeleider?", LIST, TREE),
        ("which core tasks does Sociaal Werk 2020 have?", LIST, TREE),
        ("waar komt multidisciplinair overleg voor?", LIST, WHERE),
        ("where does OA collaborate with external experts?", LIST, WHERE),
        ("verschil tussen niveau 2 en niveau 3 bij klantgerichtheid", COMPARE, None),
        ("hoe laat ik klantgerichtheid zien op stage?", COMPETENCE, None),
        ("which work processes call for Samenwerken en overleggen?", COMPETENCE, None),
        ("Coachen niveau 2", LOOKUP, None),
        ("B1-K1-W5 samenwerken met andere betrokkenen", LOOKUP, None),
    ],
)
def test_route(library, question, kind, mode):
    intent = route(question, library.catalogue, library.vocabulary, sbb=library.sbb)
    assert (intent.type, intent.mode) == (kind, mode)


# --------------------------------------------------------------------------- lists


def test_profile_list_is_complete_with_its_basisdeel_and_additions(library, searcher):
    (outcome,) = ask(library, searcher, "welke werkprocessen heeft de thuisbegeleider?")
    reply = outcome.reply
    assert reply.type == LIST and reply.read_as == "gelezen als: lijst van werkprocessen van Thuisbegeleider (MZ 2015)"
    codes = [(i.chunk.code, i.part) for i in reply.items]
    assert [c for c, p in codes if p == "profiel"] == [f"P5-K1-W{n}" for n in range(1, 8)]
    assert len([c for c, p in codes if p == "basisdeel"]) == 9, "B1-K1-W1..W7 and B1-K2-W1..W2"
    assert {c for c, p in codes if p == "aanvulling"} == {"B1-K1-W2", "B1-K1-W3", "B1-K1-W4", "B1-K1-W5",
                                                          "B1-K1-W7"}
    text = render(reply)
    assert text.index("**21 werkprocessen**") < text.index("P5-K1-W1"), "the count comes first"
    assert "Maatschappelijke Zorg 2015 · basisdeel** (9)" in text


def test_kerntaken_list_holds_only_kerntaken(library, searcher):
    (outcome,) = ask(library, searcher, "welke kerntaken heeft Sociaal Werk 2020?")
    assert [i.chunk.code for i in outcome.reply.items] == ["B1-K1", "B1-K2"]
    assert {i.chunk.kind for i in outcome.reply.items} == {"kerntaak"}


def test_where_list_keeps_the_units_that_carry_the_theme(library, searcher):
    (outcome,) = ask(library, searcher, "waar wordt privacy genoemd?")
    reply = outcome.reply
    assert reply.type == LIST and reply.items
    assert all("privacy" in i.passage.lower() for i in reply.items)
    assert all(i.evidence for i in reply.items), "each unit quotes the sentence that carries the theme"


def test_several_years_named_together_mean_all_of_them(library, searcher):
    for question in ("welke werkprocessen heeft de onderwijsassistent in 2021 en 2015?",
                     "welke werkprocessen heeft de onderwijsassistent in 2015 en 2021?"):
        (outcome,) = ask(library, searcher, question)
        assert {i.chunk.version for i in outcome.reply.items} == {"2015-08-01", "2021-08-01"}, question


def test_lookup_with_two_years_shows_both_versions(library, searcher):
    (outcome,) = ask(library, searcher, "oudercontact onderwijsassistent 2021 en 2015")
    assert outcome.reply.type == LOOKUP
    assert {h.chunk.version for h in outcome.reply.ranked} >= {"2015-08-01", "2021-08-01"}


# --------------------------------------------------------------------------- competences and comparisons


def test_competence_lists_werkprocessen_with_gedrag_lines(library, searcher):
    (outcome,) = ask(library, searcher, "hoe laat ik klantgerichtheid zien op stage in de thuisbegeleiding?")
    reply = outcome.reply
    assert reply.type == COMPETENCE and reply.items
    for item in reply.items:
        assert "R" in {c.code for c in links.sbb_competences(item.passage)}
        assert item.evidence and all(line in item.passage for line in item.evidence)


def test_compare_two_levels_side_by_side(library, searcher):
    (outcome,) = ask(library, searcher, "verschil tussen niveau 2 en niveau 3 bij klantgerichtheid")
    reply = outcome.reply
    assert reply.type == COMPARE and [i.chunk.level for i in reply.items] == [2, 3]
    assert {i.chunk.competence for i in reply.items} == {"Klantgerichtheid"}
    assert "<del>" in render(reply) or "<ins>" in render(reply)


def test_compare_two_versions_pairs_by_code(library, searcher):
    (outcome,) = ask(library, searcher, "vergelijk de werkprocessen van sociaal werk 2015 en 2020")
    reply = outcome.reply
    assert reply.type == COMPARE and reply.rows
    assert {r.status for r in reply.rows} <= {"same", "changed", "left_only", "right_only"}
    assert any(r.left and r.right and r.left.chunk.code == r.right.chunk.code for r in reply.rows)


# --------------------------------------------------------------------------- lookups, paging, not found


def test_more_pages_the_same_question(library, searcher):
    first, more = ask(library, searcher, "samenwerken met ouders", "meer")
    assert first.reply.type == more.reply.type == LOOKUP and more.reply.page == 1
    assert more.question == first.question
    assert not {h.chunk.id for h in first.reply.ranked} & {h.chunk.id for h in more.reply.ranked}


def test_unknown_list_scope_names_the_closest_known_ones(library, searcher):
    (outcome,) = ask(library, searcher, "welke werkprocessen heeft de astronaut?")
    reply = outcome.reply
    assert reply.type == NOT_FOUND and reply.problem == "unknown_scope"
    assert not reply.hits and not reply.items, "no fallback to passages"
    text = render(reply)
    assert "astronaut" in text and "Bedoel je misschien" in text


def test_unknown_scope_then_a_known_one(library, searcher):
    _, second = ask(library, searcher, "welke werkprocessen heeft de astronaut?",
                    "oké, en de medewerker sport en recreatie dan?")
    assert second.reply.type == LIST and second.reply.items
    assert {i.chunk.dossier for i in second.reply.items} == {"Dienstverlening"}


def test_contradictory_scopes_say_so(library, searcher):
    (outcome,) = ask(library, searcher, "samenwerken, alleen 2015, alleen 2021")
    assert outcome.reply.problem == "conflict"
    assert "2015" in render(outcome.reply) and "2021" in render(outcome.reply)


def test_level_that_does_not_exist(library, searcher):
    (outcome,) = ask(library, searcher, "wat is klantgerichtheid op niveau 5?")
    assert outcome.reply.type == NOT_FOUND and outcome.reply.problem == "unknown_level"


def test_undefined_term_says_the_sources_do_not_define_it(library, searcher):
    (outcome,) = ask(library, searcher, "wat zijn gedragsindicatoren?")
    assert outcome.reply.type == NOT_FOUND and outcome.reply.problem == "no_definition"
    assert "geen definitie" in render(outcome.reply) and outcome.reply.hits, "the nearest passages are shown"


# --------------------------------------------------------------------------- follow-ups and language


def test_reference_to_the_previous_topic(library, searcher):
    _, second = ask(library, searcher, "wat is klantgerichtheid?", "welke werkprocessen horen daarbij?")
    assert second.reply.type == COMPETENCE and second.followup
    assert "Klantgerichtheid" in second.question


def test_ordinal_refers_to_the_previous_answer(library, searcher):
    first, second = ask(library, searcher, "which core tasks does Sociaal Werk 2020 have?",
                        "which work processes belong to the first one?")
    assert second.reply.type == LIST
    assert {i.chunk.kerntaak_code for i in second.reply.items} == {first.reply.items[0].chunk.code}


def test_follow_up_with_nothing_to_refer_to_asks_for_the_topic(library, searcher):
    (outcome,) = ask(library, searcher, "welke werkprocessen horen daarbij?")
    assert outcome.reply.problem == "no_referent"
    assert "Noem het onderwerp" in render(outcome.reply)
    assert find_reference("welke werkprocessen horen daarbij?").kind == "topic"


def test_answer_language_follows_the_question_including_errors(library, searcher):
    (english,) = ask(library, searcher, "which work processes does the astronaut have?")
    text = render(english.reply)
    assert english.reply.lang == "en" and text.startswith("*read as:") and "I don't know" in text
    first, follow = ask(library, searcher, "customer focus level 2", "and for level 3?")
    assert first.reply.lang == follow.reply.lang == "en"
    assert "The best match is" in render(first.reply)


# --------------------------------------------------------------------------- the CLI answer object


def test_search_json_has_an_answer_beside_unchanged_hits(built_index: Built):
    result = search_json(built_index.index_dir, "welke werkprocessen heeft de thuisbegeleider?")
    assert all(set(HIT_KEYS) <= set(hit) for hit in result["hits"]), "the HIT list keeps its shape"
    answer = result["answer"]
    assert answer["type"] == "list" and answer["count"] == len(answer["items"]) == 21
    assert {i["part"] for i in answer["items"]} == {"basisdeel", "aanvulling", "profiel"}
    lookup = search_json(built_index.index_dir, "Coachen niveau 2")["answer"]
    assert lookup["type"] == "lookup" and lookup["items"] == []


# --------------------------------------------------------------------------- CI floor on the judged set


def test_chat_eval_floor_per_split(built_index: Built, capsys):
    """Floors a little under the measured figures (docs/chat.md) of every split: a regression fails here.
    The test split is the held-out one; tune and tune2 to tune9 are the sets the method was developed on."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import chat_eval

    chat_eval.main(["--index", str(built_index.index_dir), "--json"])
    report = json.loads(capsys.readouterr().out)
    test = report["test"]
    assert test["n"] >= 60
    assert test["routing"] >= 0.86, test
    assert test["language"] >= 0.96, test
    assert test["recall"] >= 0.91, test
    # micro precision 0.906 → 0.755 in the eighteenth round while per question both rose (precision 0.834 → 0.840,
    # recall 0.855 → 0.907): one or more list questions now list many more units, more of the judged ones among
    # them (docs/chat.md, "Eighteenth round"; the test part is not read). The per-question figures are floored too.
    assert test["precision"] >= 0.72, test
    assert test["precision_macro"] >= 0.82 and test["recall_macro"] >= 0.88, test
    tune = report["tune"]
    assert tune["routing"] >= 0.97 and tune["recall"] >= 0.97 and tune["precision"] >= 0.97, tune
    if "tune2" in report:  # the second tuning batch, when the checkout has it
        tune2 = report["tune2"]
        assert tune2["routing"] >= 0.9 and tune2["recall"] >= 0.9 and tune2["precision"] >= 0.88, tune2
    if "tune3" in report:  # the third tuning batch (two authors, 167 questions)
        tune3 = report["tune3"]
        assert tune3["n"] >= 160 and tune3["language"] >= 0.97, tune3
        assert tune3["routing"] >= 0.95 and tune3["recall"] >= 0.93 and tune3["precision"] >= 0.95, tune3
    if "tune4" in report:  # the fourth batch: "where" questions only
        tune4 = report["tune4"]
        assert tune4["n"] >= 60 and tune4["routing"] >= 0.9, tune4
        assert tune4["recall"] >= 0.79 and tune4["precision"] >= 0.68, tune4
        assert tune2["language"] >= 0.97, tune2
    floors = {  # split: (n, routing, recall, precision); the fourth and fifth rounds' batches
        "tune5": (140, 0.94, 0.93, 0.90), "tune6": (140, 0.90, 0.92, 0.84), "tune7": (75, 0.93, 0.96, 0.83),
        "tune8": (140, 0.95, 0.88, 0.90), "tune9": (140, 0.90, 0.87, 0.70),
        "tune10": (140, 0.92, 0.88, 0.74),  # the sixth round's fresh sets (tune10a/b)
        "tune11": (140, 0.93, 0.91, 0.80),  # the seventh round's fresh sets: 0.960 / 0.942 / 0.828
        "tune12": (140, 0.92, 0.84, 0.83),  # 0.953 / 0.876 / 0.869 (0.887 / 0.849 / 0.844 on arrival)
        "tune13": (140, 0.91, 0.92, 0.93),  # the eighth round's fresh sets: 0.940 / 0.953 / 0.965 (0.833 / 0.877 /
        "tune14": (140, 0.92, 0.86, 0.84),  # 0.856 on arrival); 0.953 / 0.895 / 0.875 (0.900 / 0.801 / 0.844)
        "tune15": (140, 0.86, 0.91, 0.85),  # 0.893 / 0.938 / 0.877 (0.847 / 0.834 / 0.882 on arrival)
        "tune16": (140, 0.87, 0.87, 0.81),  # the ninth round's: 0.907 / 0.901 / 0.839 (0.853 / 0.778 / 0.750)
        "tune17": (140, 0.85, 0.86, 0.89),  # 0.880 / 0.898 / 0.923 (0.827 / 0.874 / 0.878 on arrival)
        "tune18": (140, 0.91, 0.84, 0.82),  # 0.947 / 0.874 / 0.852 (0.873 / 0.840 / 0.844 on arrival)
        "tune19": (140, 0.93, 0.91, 0.83),  # the tenth round's: 0.967 / 0.943 / 0.862 (0.907 / 0.884 / 0.848 on the
        # start code; tune19b, held back, 0.933 / 0.902 / 0.780 on both, then tuned on)
        "tune20": (140, 0.90, 0.90, 0.87),  # the eleventh round's: 0.927 / 0.929 / 0.899 (0.880 / 0.777 / 0.867 on
        # the start code; tune20b, held back, 0.880 / 0.803 / 0.807 on both, then tuned on)
        "tune21": (140, 0.84, 0.86, 0.83),  # the twelfth round's: 0.867 / 0.889 / 0.865 (0.840 / 0.875 / 0.790 on
        # the start code; tune21b, held back, 0.827 / 0.805 / 0.795 on both, then tuned on)
        "tune22": (70, 0.90, 0.91, 0.93),  # tune22a, the twelfth round's last fresh set: 0.880 / 0.891 / 0.942 on
        # both the start and the round's code, measured once, then read: 0.933 / 0.945 / 0.959
        "tune23": (140, 0.90, 0.94, 0.91),  # the thirteenth round's: 0.927 / 0.963 / 0.941 (0.920 / 0.890 / 0.929 on
        # the start code; tune23b, held back, 0.920 / 0.912 / 0.898 on arrival and 0.920 / 0.985 / 0.905 after the
        # round's first changes, measured twice, aggregates only)
        "tune24": (140, 0.91, 0.91, 0.87),  # the fourteenth round's: 0.933 / 0.936 / 0.898 (0.893 / 0.912 / 0.889 on
        # the start code; tune24b, held back, 0.880 / 0.901 / 0.848 on arrival and 0.880 / 0.901 / 0.852 after the
        # round's changes, never read)
        "tune25": (140, 0.94, 0.89, 0.76),  # the fifteenth round's: 0.967 / 0.922 / 0.790 (0.927 / 0.869 / 0.620 on
        # the start code; tune25b, held back, 0.933 / 0.841 / 0.482 on arrival and after the round's first changes,
        # measured twice, then read: 0.947 / 0.856 / 0.657)
        "tune26": (140, 0.93, 0.91, 0.87),  # the sixteenth round's: 0.953 / 0.938 / 0.906 (0.880 / 0.744 / 0.851 on
        # the start code; tune26b, held back, 0.853 / 0.576 / 0.807 on arrival and 0.853 / 0.538 / 0.758 after the
        # round's first changes, measured twice, then read: 0.920 / 0.890 / 0.912)
        "tune27": (140, 0.89, 0.88, 0.89),  # the seventeenth round's: 0.920 / 0.903 / 0.914 (0.780 / 0.682 / 0.687
        # on the start code; tune27b, held back, 0.720 / 0.597 / 0.698 on arrival and 0.733 / 0.597 / 0.698 after the
        # round's first changes, measured twice, then read: 0.867 / 0.836 / 0.857)
        "tune28": (150, 0.93, 0.97, 0.88),  # the eighteenth round's: 0.960 / 0.995 / 0.906 (0.887 / 0.926 / 0.730
        # on the start code; tune28b, held back, 0.907 / 0.940 / 0.650 on arrival and after the round's first
        # changes, measured twice, then read)
        "tune29": (150, 0.86, 0.88, 0.76),  # the nineteenth round's: 0.887 / 0.903 / 0.788 (0.800 / 0.782 / 0.676
        # on the start code; tune29b, held back, 0.827 / 0.795 / 0.886 on arrival and 0.827 / 0.795 / 0.919 after the
        # round's first changes, measured twice, then read)
        "tune30": (150, 0.86, 0.90, 0.74),  # the twentieth round's: 0.893 / 0.930 / 0.774 (0.840 / 0.849 / 0.696
        # on the start code; tune30b, held back, 0.893 / 0.923 / 0.716 on arrival and 0.893 / 0.929 / 0.714 after the
        # round's first changes, measured twice, then read)
        "tune31": (150, 0.88, 0.89, 0.81),  # the twenty-first round's: 0.907 / 0.836 / 0.822 (0.873 / 0.833 / 0.813
        # on the start code; tune31b, held back, 0.867 / 0.774 / 0.697 on arrival and unchanged after the round's
        # first changes, then read: 0.893 / 0.774 / 0.697; 0.907 / 0.922 / 0.836 after the twenty-second round)
        "tune32": (150, 0.92, 0.95, 0.94),  # the twenty-second round's: 0.947 / 0.969 / 0.971 (0.900 / 0.868 / 0.900
        # on the start code; tune32b, held back, 0.907 / 0.914 / 0.958 on arrival and after the round's first
        # changes, then read: 0.933 / 0.966 / 0.960)
        "tune33": (150, 0.95, 0.93, 0.95),  # the twenty-third round's: 0.980 / 0.952 / 0.979 (0.893 / 0.876 / 0.768
        # on the start code; tune33b, held back, 0.933 / 0.964 / 0.684 on arrival and after the round's first
        # changes, then read: 0.987 / 0.995 / 0.990)
        "tune34": (150, 0.94, 0.91, 0.93),  # the twenty-fourth round's: 0.960 / 0.927 / 0.949 (0.920 / 0.890 / 0.755
        # on the start code; tune34b, held back, 0.933 / 0.907 / 0.787 on arrival and after the round's first
        # changes, then read: 0.973 / 0.917 / 0.957)
        "tune35": (150, 0.97, 0.95, 0.96),  # the twenty-fifth round's: 0.993 / 0.979 / 0.991 (0.947 / 0.911 / 0.958
        # on the start code; tune35b, held back, 0.960 / 0.946 / 0.942 on arrival and after the round's first
        # changes, then read: 0.987 / 0.968 / 0.986)
        "tune36": (150, 0.97, 0.97, 0.94),  # the twenty-sixth round's: 1.000 / 1.000 / 0.973 (0.887 / 0.889 / 0.697
        # on the start code; tune36b, held back, 0.867 / 0.968 / 0.583 on arrival and after the round's first
        # changes, then read)
        "tune37": (150, 0.92, 0.86, 0.74),  # the twenty-sixth round's second pair: 0.947 / 0.892 / 0.770 (0.860 /
        # 0.798 / 0.499 on the start code; tune37b, held back, 0.813 / 0.827 / 0.646 on arrival and after the
        # round's first changes, then read)
        # tune7's recall floor 0.97 → 0.96 and tune38's 0.96 → 0.95 (precision 0.82 → 0.94) in the twenty-ninth round:
        # a where-list of five core units or more names the units that mention the theme only in passing apart
        # (replies.PASSING_APART; tune7 0.981 → 0.966 / 0.875 → 0.874, tune38 0.981 → 0.956 / 0.847 → 0.962)
        "tune38": (150, 0.96, 0.95, 0.94),  # the twenty-seventh round's: 0.980 / 0.981 / 0.847 (0.947 / 0.899 / 0.781
        # on the start code; tune38b, held back, 0.973 / 0.934 / 0.972 on arrival and after the round's first
        # changes, then read)
        "tune39": (150, 0.92, 0.88, 0.80),  # the twenty-seventh round's second pair: 0.940 / 0.903 / 0.824 (0.880 /
        # 0.860 / 0.807 on the start code; tune39b, held back, 0.893 / 0.977 / 0.726 on arrival and after the
        # round's first changes, then read)
        "tune40": (150, 0.95, 0.96, 0.91),  # the twenty-eighth round's: 0.973 / 0.983 / 0.930 (0.920 / 0.905 / 0.923
        # on the start code; tune40b, held back, 0.907 / 0.895 / 0.922 on arrival and after the round's first
        # changes, then read)
        "tune41": (150, 0.91, 0.92, 0.80),  # the twenty-eighth round's second pair: 0.933 / 0.945 / 0.825 (0.900 /
        # 0.918 / 0.821 on the start code; tune41b, held back, 0.880 / 0.902 / 0.907 on arrival and after the
        # round's first changes, then read)
        "tune42": (150, 0.95, 0.96, 0.94, 0.90),  # the twenty-ninth round's: 0.973 / 0.982 / 0.967, language 0.920
        # (0.920 / 0.899 / 0.851 / 0.893 on the start code; tune42b, held back, 0.880 / 0.828 / 0.943 on arrival and
        # after the round's first changes, then read; its English-speaking author wrote Dutch-only fragments such as
        # "coachen niveau 1" as English, hence the language floor of its own)
        "tune43": (150, 0.94, 0.87, 0.90),  # the twenty-ninth round's second pair: 0.967 / 0.897 / 0.931 (0.920 /
        # 0.893 / 0.929 on the start code; tune43b, held back, 0.893 / 0.939 / 0.884 on arrival and after the
        # round's first changes, then read)
        "tune44": (150, 0.94, 0.92, 0.93),  # the thirtieth round's: 0.947 / 0.930 / 0.950 (tune44a 0.893 / 0.956 /
        # 0.969 on the start code; tune44b, held back, 0.933 / 0.864 / 0.994 on arrival and after the round's first
        # changes, then read)
        "tune45": (150, 0.94, 0.95, 0.92),  # the thirtieth round's second pair: 0.953 / 0.966 / 0.934 (tune45a
        # 0.867 / 0.939 / 0.840 on the start code; tune45b, held back, 0.893 / 0.989 / 0.920 on arrival and after
        # the round's first changes, then read)
        "tune46": (150, 0.94, 0.95, 0.89),  # the thirty-first round's: 0.967 / 0.975 / 0.914 (tune46a 0.907 / 0.909 /
        # 0.810 on the start code; tune46b, held back, 0.947 / 0.878 / 0.910 on arrival and after the round's first
        # changes, then read)
        "tune47": (150, 0.94, 0.95, 0.96),  # the thirty-first round's second pair: 0.967 / 0.975 / 0.987 (tune47a
        # 0.920 / 0.967 / 0.990 on the start code; tune47b, held back, 0.880 / 0.989 / 0.474 on arrival and after
        # the round's first changes, then read)
        "tune48": (150, 0.91, 0.85, 0.89),  # the thirty-second round's: 0.933 / 0.875 / 0.914 (tune48a 0.893 / 0.968 /
        # 0.955 on the start code; tune48b, held back, 0.840 / 0.787 / 0.829 on arrival and after the round's first
        # changes, then read)
        "tune49": (150, 0.96, 0.95, 0.95),  # the thirty-second round's second pair: 0.980 / 0.973 / 0.973 (tune49a
        # 0.907 / 0.960 / 0.708 on the start code; tune49b, held back, 0.867 / 0.807 / 0.924 on arrival and after
        # the round's first changes, then read)
        "tune50": (150, 0.94, 0.85, 0.87),  # the thirty-third round's: 0.960 / 0.874 / 0.889 (tune50a 0.960 / 0.810 /
        # 0.905 on the start code; tune50b, held back, 0.853 / 0.714 / 0.768 on arrival and after the round's first
        # changes, then read)
        "tune51": (150, 0.89, 0.91, 0.94),  # the thirty-third round's second pair: 0.913 / 0.934 / 0.963 (tune51a
        # 0.920 / 0.888 / 0.744 on the start code; tune51b, held back, 0.733 / 0.718 / 0.917 on arrival and after
        # the round's first changes, then read)
        "tune52": (150, 0.95, 0.96, 0.94),  # the thirty-fourth round's: 0.973 / 0.984 / 0.966 (tune52a 0.933 / 0.949 /
        # 0.935 on the start code; tune52b, held back, 0.947 / 0.996 / 0.959 on arrival and after the round's first
        # changes, then read)
        "tune53": (150, 0.96, 0.89, 0.94),  # the thirty-fourth round's second pair: 0.987 / 0.914 / 0.963 (tune53a
        # 0.947 / 0.979 / 0.934 on the start code; tune53b, held back, 0.880 / 0.763 / 0.858 on arrival and after
        # the round's first changes, then read)
        "tune54": (150, 0.96, 0.88, 0.91),  # the thirty-fifth round's: 0.980 / 0.905 / 0.929 (tune54a 0.893 / 0.835 /
        # 0.912 on the start code; tune54b, held back, 0.920 / 0.826 / 0.910 on arrival and after the round's first
        # changes, then read)
        "tune55": (150, 0.93, 0.94, 0.90),  # the thirty-fifth round's second pair: 0.953 / 0.957 / 0.923 (tune55a
        # 0.933 / 0.937 / 0.848 on the start code; tune55b, held back, 0.920 / 0.940 / 0.856 on arrival and after
        # the round's first changes, then read)
        "tune56": (150, 0.97, 0.93, 0.85),  # the thirty-sixth round's: 0.993 / 0.957 / 0.880 (tune56a 0.880 / 0.729 /
        # 0.905 on the start code; tune56b, held back, 0.853 / 0.943 / 0.702 on arrival and after the round's first
        # changes, then read)
        "tune57": (150, 0.91, 0.91, 0.93),  # the thirty-sixth round's second pair: 0.940 / 0.936 / 0.962 (tune57a
        # 0.933 / 0.852 / 0.840 on the start code; tune57b, held back, 0.680 / 0.423 / 0.537 on arrival and after
        # the round's first changes, then read)
    }
    for name, (n, routing, recall, precision, *spoken) in floors.items():
        if name in report:
            batch = report[name]
            assert batch["n"] >= n and batch["language"] >= (spoken[0] if spoken else 0.97), batch
            assert batch["routing"] >= routing and batch["recall"] >= recall and batch["precision"] >= precision, batch


def test_chat_eval_reads_its_set(tmp_path: Path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import chat_eval

    questions = chat_eval.load_set(CHAT_SET)
    assert len(questions) >= 60 and {q["split"] for q in questions} == {"tune", "test"}
