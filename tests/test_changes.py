"""'What changed in CODE since YEAR?': counterparts by content and the differences (issue 12, item 3)."""

from __future__ import annotations

import pytest
from conftest import DATA

from assistant.changes import asked_code, asked_year, changes, compare_sentences, render
from assistant.crosswalk import Matcher
from ingest.chunking import file_chunks, mark_duplicates
from ingest.sources import discover, parse_file


@pytest.fixture(scope="module")
def corpus():
    chunks = []
    for path in discover([DATA]).files:
        chunks += file_chunks(parse_file(path).units, lambda t: len(t.split()), 400)
    return tuple(mark_duplicates(chunks))


def test_the_code_and_year_are_read_from_the_question_ocr_forms_too() -> None:
    assert asked_code("wat is er veranderd aan BI-K1-WS5 sinds 2015?") == "B1-K1-W5"
    assert asked_code("what changed in p3-k2-w2?") == "P3-K2-W2"
    assert asked_code("wat is er veranderd aan P3-K2?") is None
    assert asked_year("sinds 2015") == "2015" and asked_year("sinds de vorige versie") is None


def test_sentences_are_compared_with_typography_folded() -> None:
    kept, new, gone = compare_sentences("Zij overlegt met collega’s. Ze rapporteert.\nNieuw hier.",
                                        "Zij overlegt met collega's. Ze rapporteert. Oud daar.")
    assert kept == ("Zij overlegt met collega's.", "Ze rapporteert.")
    assert new == ("Nieuw hier.",) and gone == ("Oud daar.",)


def test_b1_k1_w5_since_2015_names_its_renumbered_counterpart_not_the_same_code(corpus) -> None:
    found = changes(corpus, "B1-K1-W5", "2015", Matcher.build(corpus))
    oa = next(c for c in found if "OA 2021" in c.labels)
    assert "GPM 2021" in oa.labels  # identical wording, reported once
    assert oa.counterpart is not None and oa.counterpart.version.startswith("2015")
    assert oa.counterpart.code == "B1-K1-W4" and oa.counterpart.title.startswith("Stemt de werkzaamheden af")
    assert oa.new and oa.gone and oa.extracts[0] in oa.labels
    pmk = next(c for c in found if "PMK 2021" in c.labels)
    assert "OA 2021" not in pmk.labels  # PMK's wording differs ("met toestemming van de ouders")
    assert all(not c.unit.version.startswith("2015") for c in found)


def test_oa_p3_k2_w2_pairs_with_the_coordinating_tasks_of_2015(corpus) -> None:
    found = changes(corpus, "P3-K2-W2", "2015", Matcher.build(corpus))
    assert [c.counterpart.code for c in found] == ["P3-K2-W4"]
    text = render(found, "P3-K2-W2", "2015", "en")
    assert "counterpart in OA 2015" in text and "renumbered" in text and "is an extract" in text


def test_a_code_only_in_the_named_year_looks_forward_and_unknown_codes_say_so(corpus) -> None:
    found = changes(corpus, "P3-K2-W4", "2015", Matcher.build(corpus))
    assert found and all(c.unit.version.startswith("2015") for c in found)
    assert any(c.counterpart is not None and c.counterpart.code == "P3-K2-W2" for c in found)
    assert render(changes(corpus, "B9-K9-W9", "2015"), "B9-K9-W9", "2015", "nl") == \
        "Geen werkproces met code B9-K9-W9 in de bronnen."


def test_the_chat_answer_leads_with_the_change_report(built_index) -> None:
    from assistant.webapp import Assistant

    assistant = Assistant(built_index.settings)
    text = assistant.ask(question="wat is er veranderd aan B1-K1-W5 sinds 2015?")
    assert text.startswith("**B1-K1-W5** sinds 2015")
    assert "tegenhanger in PW 2015: **B1-K1-W4 Stemt de werkzaamheden af met betrokkenen**" in text
    assert "Nieuw in de omschrijving" in text and "niet in het extract" in text
    english = assistant.ask(question="what changed in B1-K1-W5 since 2015?")
    assert english.startswith("**B1-K1-W5** since 2015") and "counterpart in PW 2015" in english
