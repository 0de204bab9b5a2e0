"""Tests for the competency profile parser, on the real Sociaalwerker B profile."""

from collections import Counter
from pathlib import Path

import pytest

from assistant.model import (
    COMPETENTIE,
    COMPETENTIENIVEAU,
    LEGENDA,
    SPECIALISATIES,
    UITLEG_NIVEAUS,
    Line,
    ParseError,
    Unit,
)
from ingest.competence import looks_like, parse, parse_lines, split_items, starts_item
from ingest.textclean import REPLACEMENT_CHAR

CORPUS = Path(__file__).resolve().parents[1] / "data"
PROFILE = CORPUS / "competentieprofiel-sociaalwerker-b.txt"
KD = CORPUS / "ankerpunten-interprofessioneel-samenwerken-kd.txt"

COMPETENCES = [
    "Kwaliteitsgericht",
    "Plannen en organiseren",
    "Resultaatgericht",
    "Communicatieve vaardigheid",
    "Klantgerichtheid",
    "Ondernemerschap",
    "Probleemoplossend vermogen",
    "Coachen",
]


@pytest.fixture(scope="module")
def result():
    return parse(PROFILE)


@pytest.fixture(scope="module")
def raw_lines():
    return PROFILE.read_text(encoding="utf-8").splitlines()


def of_kind(result, kind: str) -> list[Unit]:
    return [unit for unit in result.units if unit.kind == kind]


def level(result, competence: str, number: int) -> Unit:
    (unit,) = [u for u in of_kind(result, COMPETENTIENIVEAU) if u.competence == competence and u.level == number]
    return unit


def section(unit: Unit, name: str) -> str:
    return dict(unit.sections)[name]


def indicators(unit: Unit) -> list[str]:
    text = section(unit, "gedragsindicatoren")
    return [line.removeprefix("- ") for line in text.splitlines()]


def test_competences_in_order(result):
    units = of_kind(result, COMPETENTIE)
    assert [u.competence for u in units] == COMPETENCES
    assert all(u.title == u.competence for u in units)


def test_no_warnings(result):
    assert result.warnings == ()


def test_eight_competences_times_four_levels(result):
    levels = of_kind(result, COMPETENTIENIVEAU)
    assert len(levels) == 32
    counts = Counter((u.competence, u.level) for u in levels)
    assert set(counts) == {(name, n) for name in COMPETENCES for n in (1, 2, 3, 4)}
    assert set(counts.values()) == {1}


def test_common_fields(result):
    for unit in result.units:
        assert unit.source == PROFILE.name
        assert unit.dossier == "Sociaalwerker B"
        assert unit.dossier_abbr == "SWB"
        assert unit.version is None


def test_definition(result):
    (unit,) = [u for u in of_kind(result, COMPETENTIE) if u.competence == "Kwaliteitsgericht"]
    assert unit.sections == (
        (
            "definitie",
            (
                "Hoge eisen stellen aan de kwaliteit van het eigen en andermans werk; "
                "voortdurend verbeteringen nastreven."
            ),
        ),
    )


def test_two_line_heading_is_one_name(result):
    (unit,) = [u for u in of_kind(result, COMPETENTIE) if u.competence.startswith("Probleemoplossend")]
    assert unit.competence == "Probleemoplossend vermogen"
    assert section(unit, "definitie").startswith("Actief op zoek gaan")


def test_level_title_and_sections(result):
    unit = level(result, "Kwaliteitsgericht", 2)
    assert unit.title == "Kwaliteitsgericht niveau 2"
    assert [name for name, _ in unit.sections] == ["niveau", "gedragsindicatoren"]
    assert section(unit, "niveau") == (
        "Stelt hoge eisen aan de kwaliteit van het eigen werk en onderneemt actie om de "
        "kwaliteit van het werk of de dienstverlening te verbeteren."
    )


@pytest.mark.parametrize(
    ("competence", "number", "count"),
    [
        ("Kwaliteitsgericht", 1, 5),
        ("Kwaliteitsgericht", 3, 7),
        ("Plannen en organiseren", 3, 5),  # four bullets lost their glyph
        ("Plannen en organiseren", 4, 4),  # continuation after a blank line
        ("Resultaatgericht", 1, 5),
        ("Communicatieve vaardigheid", 1, 5),
        ("Klantgerichtheid", 3, 4),
        ("Ondernemerschap", 3, 4),  # tab-led continuation "voordoen, ..."
        ("Ondernemerschap", 4, 4),  # indicator broken by a page header
        ("Coachen", 2, 5),  # tab-led continuation "ontwikkeling."
        ("Coachen", 1, 0),
    ],
)
def test_indicator_counts(result, competence, number, count):
    text = section(level(result, competence, number), "gedragsindicatoren")
    assert len(text.splitlines()) == count


def test_glyph_led_summary_is_the_summary(result):
    unit = level(result, "Plannen en organiseren", 2)
    assert section(unit, "niveau").startswith("Plant en organiseert zelfstandig werkzaamheden")
    assert indicators(unit)[0].startswith("Inventariseert zelfstandig")


def test_tab_continuation_is_joined(result):
    assert indicators(level(result, "Coachen", 2))[-1] == (
        "Evalueert periodiek met anderen de voortgang van hun persoonlijke ontwikkeling."
    )
    assert (
        "Treedt proactief in contact met de klant en gebruikt, wanneer zich kansen voordoen, "
        "het eigen netwerk om commercieel voordeel te behalen."
    ) in indicators(level(result, "Ondernemerschap", 3))


def test_lost_glyph_bullets_are_indicators(result):
    assert indicators(level(result, "Plannen en organiseren", 3)) == [
        "Begeleidt anderen bij het plannen en organiseren van projecten/activiteiten.",
        (
            "Organiseert en coördineert werkzaamheden die door verschillende mensen worden "
            "uitgevoerd, stemt deze onderling op elkaar af en bewaakt de voortgang."
        ),
        "Zet te behalen organisatiedoelen om in acties.",
        "Is in staat projecten te coördineren waarbij meerdere personen betrokken zijn.",
        "Anticipeert op zaken die op langere termijn spelen.",
    ]


def test_wrapped_indicator_is_joined(result):
    assert indicators(level(result, "Kwaliteitsgericht", 1))[0] == (
        "Levert verzorgd werk af en gaat door tot het echt goed is, is niet tevreden met ‘goed genoeg’."
    )


def test_hyphenation_across_blank_line(result):
    assert indicators(level(result, "Plannen en organiseren", 1))[0] == (
        "Stelt een haalbare tijdsplanning op voor het tijdig af krijgen van de eigen werkzaamheden."
    )
    assert "kwaliteitsverbetering te borgen" in section(level(result, "Kwaliteitsgericht", 4), "gedragsindicatoren")


def test_hyphenation_across_page_header(result):
    first = indicators(level(result, "Ondernemerschap", 4))[0]
    assert "in contact met andere organisaties" in first
    assert "Sociaalwerker" not in first


def test_no_glyphs_anywhere(result):
    for unit in result.units:
        for name, text in unit.sections:
            assert REPLACEMENT_CHAR not in text, (unit.title, name)
        assert REPLACEMENT_CHAR not in (unit.title or "")


def test_no_page_header_in_unit_text(result):
    for unit in result.units:
        assert "Sociaalwerker B" not in unit.body, unit.title


def test_not_applicable_level(result):
    unit = level(result, "Coachen", 1)
    assert section(unit, "niveau") == "Niet van toepassing. (lichtgroen)"
    assert section(unit, "gedragsindicatoren") == ""


def test_legend(result):
    (unit,) = of_kind(result, LEGENDA)
    assert section(unit, "tekst").splitlines() == [
        "Lichtgroen = groeicompetentie",
        "Donkergroen = gewenste competentie",
        "Blauw = ontstegen competentie",
    ]
    assert unit.get_extra("donkergroen") == "gewenste competentie"


def test_uitleg_niveaus(result):
    (unit,) = of_kind(result, UITLEG_NIVEAUS)
    assert unit.title == "Uitleg niveaus"
    assert [name for name, _ in unit.sections] == ["niveau 1", "niveau 2", "niveau 3", "niveau 4"]
    texts = dict(unit.sections)
    assert texts["niveau 2"] == "De medewerker toont zelfstandig gedrag en handelt op eigen initiatief."
    assert "op tactisch/organisatieonderdeel niveau" in texts["niveau 3"]
    assert texts["niveau 4"].endswith("binnen de organisatie aantoonbaar te verhogen.")


def test_uitleg_does_not_swallow_next_competence(result):
    (unit,) = of_kind(result, UITLEG_NIVEAUS)
    assert "Resultaatgericht" not in unit.body


def test_specialisations(result):
    (unit,) = of_kind(result, SPECIALISATIES)
    items = section(unit, "tekst").splitlines()
    assert len(items) == 10
    assert all(item.startswith("- ") for item in items)
    assert items[0] == "- Maatschappelijk werk"
    assert items[2] == "- Ouderenadvies"  # its glyph was lost
    assert items[-1] == "- Buurtbemiddeling"


def test_last_level_stops_before_legend(result):
    body = level(result, "Plannen en organiseren", 4).body
    assert "Lichtgroen" not in body
    assert "Uitleg" not in body


def test_level_location_starts_at_niveau_line(result, raw_lines):
    for unit in of_kind(result, COMPETENTIENIVEAU):
        assert unit.location.unit == "lines"
        assert f"Niveau {unit.level}" in raw_lines[unit.location.start - 1]
        assert unit.location.start < unit.location.end


def test_level_location_ends_at_last_indicator_line(result, raw_lines):
    unit = level(result, "Kwaliteitsgericht", 4)
    assert raw_lines[unit.location.end - 1].startswith("teitsverbetering te borgen.")


def test_competence_location(result, raw_lines):
    for unit in of_kind(result, COMPETENTIE):
        assert unit.competence.startswith(raw_lines[unit.location.start - 1].strip())


def test_locations_in_pages_when_lines_carry_pages():
    lines = [
        Line(" Profiel X", 1, 1),
        Line("Coachen", 2, 1),
        Line("Anderen motiveren.", 3, 1),
        *[Line(f"\t Niveau {n}", 3 + n, 1 + n // 3) for n in (1, 2, 3, 4)],
    ]
    units = parse_lines(lines, "x.pdf").units
    assert [u.location.as_dict() for u in units] == [
        {"pages": [1, 1]},
        {"pages": [1, 1]},
        {"pages": [1, 1]},
        {"pages": [2, 2]},
        {"pages": [2, 2]},
    ]


def test_missing_level_is_warned():
    lines = [Line(t, i) for i, t in enumerate([" Profiel X", "Coachen", "Def.", "\t Niveau 1", "A.", "\t Niveau 2"], 1)]
    result = parse_lines(lines, "x.txt")
    assert len(of_kind(result, COMPETENTIENIVEAU)) == 2
    assert any("Coachen" in warning for warning in result.warnings)


def test_level_before_any_competence_is_warned():
    texts = [" Profiel X", "\t Niveau 2", "Los.", "", "Coachen", "Def.", "\t Niveau 1", "Samenvatting."]
    result = parse_lines([Line(t, i) for i, t in enumerate(texts, 1)], "x.txt")
    assert [u.level for u in of_kind(result, COMPETENTIENIVEAU)] == [1]
    assert any("regel 2" in warning for warning in result.warnings)


def test_version_is_read_when_stated():
    texts = [" Profiel X", "Versie 2.1", "", "Coachen", "Def.", *[f"\t Niveau {n}" for n in (1, 2, 3, 4)]]
    result = parse_lines([Line(t, i) for i, t in enumerate(texts, 1)], "x.txt")
    assert {u.version for u in result.units} == {"2.1"}


@pytest.mark.parametrize(
    ("text", "previous", "new"),
    [
        ("\t\ufffd Levert verzorgd werk af", "fouten. ", True),
        ("\t Zet te behalen organisatiedoelen", "worden uitgevoerd. ", True),
        ("\t voordoen, het eigen netwerk", "wanneer zich kansen ", False),
        ("‘goed genoeg’.", "is niet tevreden met ", False),
        ("zaamheden. ", "de eigen werk-", False),
        ("Stemt de planning af", "zaamheden. ", True),
        ("Stemt de planning af", "van de eigen ", False),
        ("Eerste regel", None, True),
        ("\t\ufffd eigen werk", "een zin ", True),
    ],
)
def test_starts_item(text, previous, new):
    assert starts_item(text, previous) is new


def test_split_items_skips_blank_lines():
    lines = [Line(t, i) for i, t in enumerate(["\t\ufffd Een werk-", "", "zaamheid.", "\t Twee."], 1)]
    assert [[line.number for line in item] for item in split_items(lines)] == [[1, 3], [4]]


def test_heading_right_after_an_indicator():
    texts = [
        " Profiel X",
        "Coachen",
        "Def.",
        "\t Niveau 1",
        "Samenvatting.",
        "\t\ufffd Indicator.",
        "Resultaatgericht",
        "Gericht zijn op doelen.",
        "\t Niveau 1",
        "Samenvatting.",
    ]
    result = parse_lines([Line(t, i) for i, t in enumerate(texts, 1)], "x.txt")
    assert [u.competence for u in of_kind(result, COMPETENTIE)] == ["Coachen", "Resultaatgericht"]
    assert indicators(level(result, "Coachen", 1)) == ["Indicator."]


def test_looks_like(raw_lines):
    assert looks_like("\n".join(raw_lines))
    assert not looks_like(KD.read_text(encoding="utf-8"))
    assert not looks_like("Uitleg niveaus\nNiveau 1: basaal\nNiveau 2: zelfstandig")


def test_parse_rejects_text_without_structure(tmp_path):
    path = tmp_path / "kd.txt"
    path.write_text(KD.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ParseError) as info:
        parse(path)
    assert "\n" not in str(info.value)
    assert path.name in str(info.value)


def test_parse_rejects_levels_without_heading(tmp_path):
    path = tmp_path / "losse-niveaus.txt"
    path.write_text("\t Niveau 1\nTekst.\n\t Niveau 2\n", encoding="utf-8")
    with pytest.raises(ParseError):
        parse(path)


def test_parse_rejects_empty_file(tmp_path):
    path = tmp_path / "leeg.txt"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ParseError):
        parse(path)
