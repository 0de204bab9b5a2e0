"""Tests for the OCR and hyphenation repairs, on forms taken from the corpus."""

from pathlib import Path

import pytest

from ingest.textclean import (
    clean,
    join_lines,
    normalise_code,
    normalise_codes_in,
    repair_diacritics,
)

CORPUS = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("BI-K2-W2", "B1-K2-W2"),
        ("B1-K1-WS5", "B1-K1-W5"),
        ("BI-K1-WS5", "B1-K1-W5"),
        ("B1-K1-We6", "B1-K1-W6"),
        ("P5-K1-WS5", "P5-K1-W5"),
        ("P3-K2", "P3-K2"),
        ("B1-K1-W7", "B1-K1-W7"),
        ("geen code", "geen code"),
    ],
)
def test_normalise_code(raw, code):
    assert normalise_code(raw) == code


def test_codes_in_running_text():
    assert normalise_codes_in("zie BI-K2-W2 en P2-K1-WS5.") == "zie B1-K2-W2 en P2-K1-W5."


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("codrdinerende", "coördinerende"),
        ("coérdinerende", "coördinerende"),
        ("bewegingscodrdinator", "bewegingscoördinator"),
        ("De coodrdinator", "De coördinator"),
        ("Coordinator sport", "Coördinator sport"),
        ("cliénten", "cliënten"),
        ("SB-deelnemer/cliént", "SB-deelnemer/cliënt"),
        ("ideeén", "ideeën"),
        ("financién", "financiën"),
        ("commerciéle", "commerciële"),
        ("creéren", "creëren"),
        ("initiérend", "initiërend"),
        ("cooperatief", "coöperatief"),
        ("beinvloeden", "beïnvloeden"),
        ("continuiteit", "continuïteit"),
        ("Eén daarvan", "Eén daarvan"),
        ("cliënt", "cliënt"),
        ("één café", "één café"),
    ],
)
def test_repair_diacritics(raw, fixed):
    assert repair_diacritics(raw) == fixed


def test_join_hyphenated_words():
    assert join_lines(["in de peuterop-", "vang werkt"]) == "in de peuteropvang werkt"
    assert join_lines(["de beroepstaken, werk-", "zaamheden"]) == "de beroepstaken, werkzaamheden"


def test_real_hyphens_stay():
    assert join_lines(["uitvoeren van SB-", "activiteiten"]) == "uitvoeren van SB-activiteiten"
    assert join_lines(["tussen voor-", "en vroegschoolse"]) == "tussen voor- en vroegschoolse"
    assert join_lines(["buurt-onderwijs-sport is"]) == "buurt-onderwijs-sport is"
    assert join_lines(["Buurt-", "Onderwijs"]) == "Buurt-Onderwijs"


def test_slash_line_end_and_bullets():
    assert join_lines(["ouder(s)/", "vervangende opvoeder(s)"]) == "ouder(s)/vervangende opvoeder(s)"
    assert join_lines(["\t\ufffd Levert verzorgd werk af"]) == "Levert verzorgd werk af"


def test_clean_corpus_has_no_known_ocr_errors_left():
    text = (CORPUS / "ankerpunten-interprofessioneel-samenwerken-kd.txt").read_text("utf-8")
    fixed = clean(text)
    for bad in ("codrdin", "coérdin", "cliént", "ideeén", "BI-K", "-WS5", "-We6"):
        assert bad in text
        assert bad not in fixed
