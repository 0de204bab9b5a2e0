"""Tests for the plain-text KD parser, on the OCR'd corpus extract and small inline texts."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.model import (
    BEROEPSBESCHRIJVING,
    INLEIDING,
    KERNTAAK,
    PROFIEL,
    WERKPROCES,
    Line,
    ParseError,
)
from ingest import kd_text
from ingest.textfile import read_lines

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS = DATA / "ankerpunten-interprofessioneel-samenwerken-kd.txt"

PMK = "Pedagogisch Medewerker Kinderopvang"
GPM = "Gespecialiseerd Pedagogisch Medewerker"
OA = "Onderwijsassistent"
SB = "Sport & Bewegen"
SW = "Sociaal Werk"

# Counted by reading the corpus file.
WERKPROCESSEN = {
    PMK: ["B1-K1-W5", "B1-K2-W1", "B1-K2-W2", "P1-K1-W3", "P1-K1-W4"],
    GPM: ["B1-K1-W5", "B1-K2-W1", "B1-K2-W2", "P2-K1-W3", "P2-K1-W7", "P2-K2-W1"],
    OA: ["B1-K1-W5", "B1-K2-W1", "B1-K2-W2", "P3-K1-W1", "P3-K1-W4", "P3-K2-W2"],
    SB: [
        "B1-K1-W1",
        "B1-K2-W2",
        "B1-K3-W2",
        "B1-K3-W6",
        "B1-K3-W9",
        "P2-K1-W1",
        "P2-K1-W3",
        "P2-K1-W5",
        "P3-K1-W4",
        "P4-K1-W1",
        "P4-K1-W2",
        "P4-K1-W4",
        "P5-K1-W5",
    ],
    SW: ["B1-K1-W1", "B1-K1-W2", "B1-K1-W3", "B1-K1-W4", "B1-K1-W5", "B1-K1-W6", "B1-K2-W3", "B1-K2-W4"],
}
KERNTAKEN = {
    PMK: ["B1-K1", "B1-K2", "P1-K1"],
    GPM: ["B1-K1", "B1-K2", "P2-K1", "P2-K2"],
    OA: ["B1-K1", "B1-K2", "P3-K1", "P3-K2"],
    SB: ["B1-K1", "B1-K3", "P2-K1", "P2-K2", "P3-K1", "P3-K2", "P4-K1"],
    SW: ["B1-K1", "B1-K2"],
}
PROFILES = {
    PMK: ["P1"],
    GPM: ["P2"],
    OA: ["P3"],
    SB: ["P2", "P3", "P4", "P5"],
    SW: [],
}


@pytest.fixture(scope="module")
def result():
    return kd_text.parse(CORPUS)


@pytest.fixture(scope="module")
def units(result):
    return result.units


def find(units, dossier: str, code: str | None = None, kind: str | None = None):
    """The one unit of a dossier with this code (and kind)."""
    hits = [u for u in units if u.dossier == dossier and u.code == code and (kind is None or u.kind == kind)]
    assert len(hits) == 1, (dossier, code, kind, hits)
    return hits[0]


def text_of(unit) -> str:
    return "\n".join(text for _, text in unit.sections)


def lines_of(text: str) -> list[Line]:
    return [Line(line, number) for number, line in enumerate(text.splitlines(), start=1)]


# ---------------------------------------------------------------- the corpus


def test_dossiers_and_versions(units):
    dossiers = list(dict.fromkeys((u.dossier, u.dossier_abbr, u.version) for u in units if u.dossier))
    assert dossiers == [
        (PMK, "PMK", "2021-08-01"),
        (GPM, "GPM", "2021-08-01"),
        (OA, "OA", "2021-08-01"),
        (SB, "SB", "2021-08-01"),
        (SW, "SW", "2020-08-01"),
    ]


@pytest.mark.parametrize(
    ("kind", "expected"), [(WERKPROCES, WERKPROCESSEN), (KERNTAAK, KERNTAKEN), (PROFIEL, PROFILES)]
)
def test_codes_per_dossier(units, kind, expected):
    found = {name: [u.code for u in units if u.dossier == name and u.kind == kind] for name in expected}
    assert found == expected


def test_counts_per_dossier(units):
    counts = Counter((u.dossier, u.kind) for u in units)
    assert {name: counts[name, WERKPROCES] for name in WERKPROCESSEN} == {PMK: 5, GPM: 6, OA: 6, SB: 13, SW: 8}
    assert {name: counts[name, KERNTAAK] for name in KERNTAKEN} == {PMK: 3, GPM: 4, OA: 4, SB: 7, SW: 2}
    assert {name: counts[name, PROFIEL] for name in PROFILES} == {PMK: 1, GPM: 1, OA: 1, SB: 4, SW: 0}
    assert {name: counts[name, BEROEPSBESCHRIJVING] for name in PROFILES} == dict.fromkeys(PROFILES, 1)
    assert len(units) == 1 + 5 + 38 + 20 + 7


def test_every_code_normalised(units):
    codes = [u.code for u in units if u.code]
    assert codes
    for code in codes:
        assert re.fullmatch(r"[BP][0-9]+-K[0-9]+(-W[0-9]+)?|P[0-9]+", code), code
        assert "BI-" not in code and "WS" not in code and "We" not in code


def test_raw_codes_kept(units):
    raw = {(u.dossier, u.code, u.get_extra("raw_code")) for u in units if u.get_extra("raw_code")}
    assert raw == {
        (PMK, "B1-K1-W5", "B1-K1-WS5"),
        (GPM, "B1-K1-W5", "BI-K1-WS5"),
        (GPM, "B1-K2-W2", "BI-K2-W2"),
        (OA, "B1-K1-W5", "B1-K1-WS5"),
        (OA, "B1-K2-W2", "BI-K2-W2"),
        (SB, "B1-K2-W2", "BI-K2-W2"),
        (SB, "P2-K1-W5", "P2-K1-WS5"),
        (SB, "P5-K1-W5", "P5-K1-WS5"),
        (SW, "B1-K1-W6", "B1-K1-We6"),
    }


def test_locations_point_at_the_printed_heading(units):
    source = read_lines(CORPUS)
    previous_end = 0
    for unit in units:
        assert unit.location.unit == "lines"
        start, end = unit.location.start, unit.location.end
        printed = unit.get_extra("raw_code") or unit.code or unit.title
        assert printed in source[start - 1].text, (unit.code, start)
        assert source[end - 1].text.strip(), (unit.code, end)
        assert previous_end < start <= end
        previous_end = end


def test_location_examples(units):
    assert find(units, GPM, "B1-K1-W5").location.as_dict() == {"lines": [138, 149]}
    assert find(units, SB, "P3-K1-W4").location.as_dict() == {"lines": [539, 547]}
    assert find(units, OA, "P3-K2-W2").location.as_dict() == {"lines": [351, 360]}


def test_introduction(units):
    intro = units[0]
    assert (intro.kind, intro.title, intro.dossier) == (INLEIDING, "Inleiding", None)
    assert intro.location.as_dict() == {"lines": [1, 10]}
    assert intro.sections[0][1].startswith("Ontwerpteam 2 (Innoveren van de onderwijscurricula)")
    assert len(intro.sections[0][1].split("\n")) == 2
    assert [u.kind for u in units].count(INLEIDING) == 1


def test_beroepsomschrijving(units):
    unit = find(units, PMK, kind=BEROEPSBESCHRIJVING)
    assert unit.title == "Beroepsomschrijving"
    text = text_of(unit)
    assert "of peuteropvang, in een integraal kindcentrum" in text
    assert "peuterop-" not in text
    assert len(text.split("\n")) == 4


def test_ocr_repairs_in_titles_and_text(units):
    assert find(units, GPM, "P2-K2-W1").title == "Voert coördinerende taken uit"
    assert find(units, SB, "P2-K2").title == "Coördineren en uitvoeren van SB-projecten"
    assert find(units, SB, "P2").title == "Coördinator buurt, onderwijs en sport"
    assert "ideeën aan" in text_of(find(units, OA, "P3-K2-W2"))
    assert "bestaat uit cliënten met" in text_of(find(units, SB, "P4-K1"))
    assert "om draagvlak te creëren" in text_of(find(units, SB, "P2"))
    assert "continuïteit van de dienstverlening" in text_of(find(units, SB, "P5-K1-W5"))
    assert "op het terrein van financiën, wonen en leefbaarheid" in text_of(find(units, SW, kind=BEROEPSBESCHRIJVING))


def test_real_hyphens_stay(units):
    assert find(units, SB, "B1-K1").title == "Aanbieden van SB-activiteiten"
    assert "buurt-onderwijs-sport" in find(units, SB, "P2-K1").title
    assert "afgebakend pakket aan SB-activiteiten uit" in text_of(find(units, SB, "B1-K1"))
    assert "tussen voor- en vroegschoolse educatie" in text_of(find(units, GPM, "P2-K1-W7"))


@pytest.mark.parametrize(
    ("dossier", "code", "joined"),
    [
        (PMK, "B1-K2-W2", "de beroepstaken, werkzaamheden en dienstverlening"),
        (OA, "P3", "is gericht op samenwerking, ze ziet"),
        (SB, "P2", "tot sportvereniging en onderwijsinstelling"),
        (SB, "P2-K2", "samenwerkingspartners/projectmedewerkers tot"),
        (SW, "B1-K1-W3", "de afstemming en samenwerking binnen"),
    ],
)
def test_line_break_hyphenation_joined(units, dossier, code, joined):
    assert joined in text_of(find(units, dossier, code))


def test_no_artefacts_left(units):
    for unit in units:
        text = f"{unit.title}\n{text_of(unit)}"
        assert "\ufffd" not in text
        assert "|" not in text
        for _, after in re.findall(r"(\w+)- (\w+)", text):
            assert after in {"en", "of", "naar"}, (unit.code, after)


def test_mid_sentence_blank_lines_joined(units):
    assert "stemt ze af met het team en voert ze zelfstandig uit" in text_of(find(units, PMK, "B1-K1"))
    profile = text_of(find(units, OA, "P3"))
    assert "middelbaar beroepsonderwijs, speciaal onderwijs of in de volwasseneneducatie" in profile
    assert profile.split("\n")[0].endswith("voor leraren* en/of lerarenteam.")
    assert "Hij gebruikt deze contacten" in text_of(find(units, SB, "B1-K3-W6"))


def test_list_items(units):
    lines = text_of(find(units, SB, "P2-K2")).split("\n")
    items = [line for line in lines if line.startswith("- ")]
    assert [item[:20] for item in items] == ["- het aantal actoren", "- de uiteenlopende p", "- de complexiteit va"]
    assert lines[-1].startswith("De coördinator buurt, onderwijs en sport werkt samen")


def test_codes_in_running_text_and_pipes(units):
    text = text_of(find(units, SB, "P3-K2"))
    assert "Bij bijzonderheden overlegt hij" in text


def test_werkproces_sections_and_kerntaak(units):
    unit = find(units, GPM, "P2-K2-W1")
    assert [name for name, _ in unit.sections] == ["omschrijving"]
    assert (unit.kerntaak_code, unit.kerntaak_title) == ("P2-K2", "Organiseren van de werkzaamheden")
    assert find(units, PMK, "P1-K1").sections == ()


def test_missing_kerntaak_heading(result, units):
    unit = find(units, SB, "B1-K2-W2")
    assert (unit.kerntaak_code, unit.kerntaak_title) == ("B1-K2", None)
    unit = find(units, SB, "P5-K1-W5")
    assert (unit.kerntaak_code, unit.kerntaak_title) == ("P5-K1", None)
    assert unit.profile == "Coördinator sportinstructie, training en coaching"
    assert len(result.warnings) == 2
    assert "B1-K2-W2" in result.warnings[0] and "P5-K1-W5" in result.warnings[1]


def test_profile_assignment(units):
    unit = find(units, OA, "P3-K2-W2")
    assert (unit.profile, unit.profile_abbr) == ("Onderwijsassistent", "OA")
    assert (find(units, PMK, "P1").profile, find(units, PMK, "P1").profile_abbr) == (
        "Pedagogisch medewerker kinderopvang",
        "PMK",
    )
    assert find(units, GPM, "P2-K1-W3").profile_abbr == "GPM"
    assert find(units, SB, "P3-K1-W4").profile == "Coördinator sport, bewegen en gezondheid"
    assert find(units, SB, "P4-K1").profile == "Coördinator sport- en bewegingsagogie"
    assert all(u.profile is None for u in units if u.code and u.code.startswith("B"))


def test_basisdeel_extras(units):
    identiek = {u.dossier for u in units if u.get_extra("identiek") == "GPM, PMK, OA"}
    assert identiek == {PMK, GPM, OA}
    for unit in units:
        if unit.code and unit.code.startswith("P"):
            assert unit.get_extra("identiek") is None
            assert unit.get_extra("deel") == "profieldeel"
        elif unit.code:
            assert unit.get_extra("deel") == "basisdeel"
    assert find(units, SW, "B1-K2-W4").get_extra("onderdeel") == "Beroepsspecifieke onderdelen"
    assert find(units, SB, "B1-K1").get_extra("identiek") is None


def test_every_unit_carries_source_and_dossier(units):
    for unit in units[1:]:
        assert unit.source == CORPUS.name
        assert unit.dossier and unit.dossier_abbr and unit.version


# ---------------------------------------------------------- small inline texts

INLINE = """\
Kwalificatiedossier Onderwijsassistent
Geldig vanaf 1 augustus 2021

Basisdeel

B1-K1: Begeleiden van leerlingen bij hun
ontwikkeling

Tekst van de kerntaak.

B1-K1-W1:
Werkt samen met collega's

Omschrijving
De onderwijsassistent stemt af met de
leraar.
Resultaat
Een goede samen-
werking.
Gedrag
\ufffd Stemt af met de leraar;
\u2022 vraagt feedback
  aan collega's.
"""


def test_inline_headings_sections_and_titles():
    result = kd_text.parse_lines(lines_of(INLINE), "inline.txt")
    kerntaak, werkproces = result.units
    assert (kerntaak.dossier, kerntaak.version, kerntaak.dossier_abbr) == ("Onderwijsassistent", "2021-08-01", "OA")
    assert (kerntaak.code, kerntaak.title) == ("B1-K1", "Begeleiden van leerlingen bij hun ontwikkeling")
    assert kerntaak.sections == (("tekst", "Tekst van de kerntaak."),)
    assert kerntaak.location.as_dict() == {"lines": [6, 9]}
    assert (werkproces.code, werkproces.title) == ("B1-K1-W1", "Werkt samen met collega's")
    assert werkproces.sections == (
        ("omschrijving", "De onderwijsassistent stemt af met de leraar."),
        ("resultaat", "Een goede samenwerking."),
        ("gedrag", "- Stemt af met de leraar;\n- vraagt feedback aan collega's."),
    )
    assert werkproces.location.as_dict() == {"lines": [11, 23]}
    assert werkproces.kerntaak_title == "Begeleiden van leerlingen bij hun ontwikkeling"


@pytest.mark.parametrize(
    ("heading", "dossier", "version"),
    [
        ("KWALIFICATIEDOSSIER\nOnderwijsassistent (01/08/21)", "Onderwijsassistent", "2021-08-01"),
        ("Kwalificatiedossier Onderwijsassistent\nGeldig vanaf 1 augustus 2021", "Onderwijsassistent", "2021-08-01"),
        ("Kwalificatiedossier Pedagogisch werk, geldig vanaf 1 augustus 2020", "Pedagogisch werk", "2020-08-01"),
        ("Kwalificatiedossier Sport en bewegen versie 2021", "Sport en bewegen", "2021"),
        ("Kwalificatiedossier mbo Sociaal Werk\nVersie: 2020", "Sociaal Werk", "2020"),
        ("  KWALIFICATIEDOSSIER\n  Dienstverlening", "Dienstverlening", None),
    ],
)
def test_dossier_heading_forms(heading, dossier, version):
    text = f"{heading}\n\nB1-K1: Titel\n\nTekst.\n"
    (unit,) = kd_text.parse_lines(lines_of(text), "kd.txt").units
    assert (unit.dossier, unit.version) == (dossier, version)


def test_repeated_page_header_is_not_a_new_dossier():
    header = "Kwalificatiedossier Onderwijsassistent 2021"
    text = f"{header}\nB1-K1: Titel\nTekst\n{header}\nmeer tekst.\n"
    (unit,) = kd_text.parse_lines(lines_of(text), "kd.txt").units
    assert (unit.dossier, unit.version) == ("Onderwijsassistent", "2021")
    assert unit.sections == (("tekst", "Tekst meer tekst."),)


NOT_KD = """\
Beste collega's,

De vergadering over het curriculum is verplaatst naar dinsdag.
Neem het kwalificatiedossier mee.
"""


def test_looks_like():
    assert kd_text.looks_like(CORPUS.read_text(encoding="utf-8"))
    assert kd_text.looks_like("B1-K1: Titel\ntekst\nB1-K1-W1: Titel\n")
    assert not kd_text.looks_like("B1-K1: Titel\ntekst over B1-K1-W1.\n")
    assert not kd_text.looks_like(NOT_KD)
    assert not kd_text.looks_like((DATA / "competentieprofiel-sociaalwerker-b.txt").read_text(encoding="utf-8"))


def test_parse_rejects_text_without_kd_structure(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(NOT_KD, encoding="utf-8")
    with pytest.raises(ParseError) as info:
        kd_text.parse(path)
    message = str(info.value)
    assert message.startswith("brief.txt: ") and "\n" not in message
    assert "no KD structure" in message


def test_other_dossier_parts_in_text_become_units() -> None:
    """Issue 12: the sections of a dossier beyond its tasks, laid out as in a PDF, with real PW 2015 text."""
    from assistant.model import VAKKENNIS, WET_REGELGEVING
    from ingest import sbb_xml

    xml = sbb_xml.parse(Path(__file__).resolve().parents[1] / "data" / "sbb-xml" / "2635-pedagogisch-werk.xml")
    items = next(u for u in xml.units if u.kind == VAKKENNIS and u.kerntaak_code == "B1-K1" and u.profile is None)
    wet = next(u for u in xml.units if u.kind == WET_REGELGEVING)
    werkproces = next(u for u in xml.units if u.code == "B1-K1-W1")
    text = "\n".join([
        "KWALIFICATIEDOSSIER", "Pedagogisch Werk (01/08/15)", "Basisdeel",
        "B1-K1: Begeleiden van kinderen bij hun ontwikkeling", "De pedagogisch werker begeleidt kinderen.",
        "Vakkennis en vaardigheden", *("• " + item[2:] for item in items.body.split("\n")[:3]),
        f"B1-K1-W1: {werkproces.title}", dict(werkproces.sections)["omschrijving"].split("\n")[0],
        "Wet- en regelgeving", wet.body.split("\n")[0],
    ])
    units = kd_text.parse_lines(lines_of(text), "pw.txt").units
    vakkennis = next(u for u in units if u.kind == VAKKENNIS)
    assert vakkennis.kerntaak_code == "B1-K1" and vakkennis.body.split("\n") == items.body.split("\n")[:3]
    assert [u.kind for u in units] == [KERNTAAK, VAKKENNIS, WERKPROCES, WET_REGELGEVING]
    assert next(u for u in units if u.kind == WET_REGELGEVING).body.startswith("Wet Meldcode")


def test_a_profile_heading_with_nothing_under_it_is_still_a_profile_chunk(units):
    """S&B 2021 P5 stands right above its werkproces in the extract: its profile chunk holds its heading, so that the
    profile lists name all four S&B profiles."""
    from ingest.chunking import unit_chunks

    profile = find(units, SB, "P5", PROFIEL)
    assert profile.sections == () and profile.title == "Coördinator sportinstructie, training en coaching"
    chunks = unit_chunks(profile, lambda text: len(text.split()), 400)
    assert len(chunks) == 1 and chunks[0].kind == PROFIEL and chunks[0].text == profile.title
