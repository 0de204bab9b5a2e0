"""Tests for the SBB XML parser, on the real exports in data/sbb-xml."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import pytest

from assistant.model import (
    ADOPTION_TITLE,
    BEROEPSBESCHRIJVING,
    BEROEPSVEREISTEN,
    INLEIDING,
    KERNTAAK,
    PROFIEL,
    TOELICHTING,
    VAKKENNIS,
    WERKPROCES,
    ParseError,
    ParseResult,
    Unit,
)
from ingest.sbb_xml import _HTML_HINT, html_to_text, iso_date, normalise_gedrag, parse, parse_bytes

DATA = Path(__file__).resolve().parents[1] / "data" / "sbb-xml"
PW = "2635-pedagogisch-werk.xml"
FILES = {
    PW: 34,
    "2637-sociaal-werk.xml": 16,
    "2755-dienstverlening.xml": 18,
    "4156-maatschappelijke-zorg.xml": 43,
}


@cache
def result(name: str) -> ParseResult:
    """Parse a corpus file once per test session."""
    return parse(DATA / name)


@cache
def source_lines(name: str) -> list[str]:
    """The lines of a corpus file (index 0 is line 1)."""
    return (DATA / name).read_text(encoding="utf-8-sig").splitlines()


def units(name: str, kind: str | None = None) -> list[Unit]:
    """The units of a file, optionally of one kind."""
    return [u for u in result(name).units if kind is None or u.kind == kind]


def unit(name: str, code: str, kind: str = WERKPROCES) -> Unit:
    """The one unit of a kind with a code."""
    found = [u for u in units(name, kind) if u.code == code]
    assert len(found) == 1, f"{code}: {len(found)} units"
    return found[0]


def section(u: Unit, name: str) -> str:
    """The text of one section of a unit."""
    return dict(u.sections)[name]


def all_texts(u: Unit) -> list[str]:
    """Every text of a unit: sections, extra values and additions."""
    texts = [text for _, text in u.sections] + [value for _, value in u.extra]
    texts += [text for _, parts in u.additions for _, text in parts]
    return texts


def fold(text: str) -> str:
    return " ".join(text.split())


# ----------------------------------------------------------------- counts and facts


@pytest.mark.parametrize(("name", "count"), FILES.items())
def test_werkproces_count_per_dossier(name: str, count: int) -> None:
    assert len(units(name, WERKPROCES)) == count


@pytest.mark.parametrize("name", FILES)
def test_one_of_each_dossier_wide_unit(name: str) -> None:
    for kind in (BEROEPSBESCHRIJVING, INLEIDING):
        assert len(units(name, kind)) == 1, kind
    generiek = [u for u in units(name, TOELICHTING) if u.title == "Generieke onderdelen"]
    assert len(generiek) == 1
    typering = units(name, BEROEPSBESCHRIJVING)[0]
    assert typering.title == "Typering van de beroepengroep"
    assert [n for n, _ in typering.sections] == [
        "context",
        "beroepshouding",
        "resultaat van het beroep",
    ]
    assert [n for n, _ in units(name, INLEIDING)[0].sections] == ["tekst"]
    assert [n for n, _ in generiek[0].sections] == ["tekst"]


@pytest.mark.parametrize("name", FILES)
def test_the_adoption_of_each_dossier_is_one_passage(name: str) -> None:
    """When, where and by whom the dossier was adopted (voorblad), cited at its element; the rest of the voorblad
    stays out."""
    adopted = [u for u in units(name, TOELICHTING) if u.title == ADOPTION_TITLE]
    assert len(adopted) == 1 and adopted[0].profile is None
    text = dict(adopted[0].sections)["tekst"]
    assert re.search(r"^Vastgesteld door: Sectorkamer \w", text, re.MULTILINE), text
    assert re.search(r"^Vastgesteld op: \d\d-\d\d-20\d\d$", text, re.MULTILINE), text
    assert "<vaststellingsinformatie>" in source_lines(name)[adopted[0].location.start - 1]
    if name == PW:
        assert "Vastgesteld op: 26-11-2015" in text and "zorg, welzijn en sport" in text


def test_dossier_title_crebo_and_version() -> None:
    for u in units(PW):
        assert u.source == PW
        assert u.dossier == "Pedagogisch Werk"
        assert u.dossier_abbr == "PW"
        assert u.version == "2015-08-01"
    basis = [u for u in units(PW) if u.profile is None]
    assert basis and {u.crebo for u in basis} == {"23183"}


def test_profile_niveau_and_crebo() -> None:
    profiles = {u.title: u for u in units(PW, PROFIEL)}
    assert set(profiles) == {
        "Pedagogisch medewerker kinderopvang",
        "Gespecialiseerd pedagogisch medewerker",  # trailing space in the source
        "Onderwijsassistent",
    }
    oa = profiles["Onderwijsassistent"]
    assert oa.code == "P3"
    assert oa.get_extra("niveau") == "4"
    assert oa.get_extra("crebo") == "25485"
    assert oa.crebo == "25485"
    assert (oa.profile, oa.profile_abbr) == ("Onderwijsassistent", "OA")
    assert section(oa, "typering").startswith("De onderwijsassistent")
    assert profiles["Pedagogisch medewerker kinderopvang"].get_extra("niveau") == "3"
    assert profiles["Pedagogisch medewerker kinderopvang"].profile_abbr == "PMK"


def test_profile_units_carry_their_profile() -> None:
    oa_units = [u for u in units(PW) if u.profile == "Onderwijsassistent"]
    assert {u.kind for u in oa_units} == {PROFIEL, KERNTAAK, WERKPROCES, VAKKENNIS, BEROEPSVEREISTEN}
    assert len([u for u in oa_units if u.kind == WERKPROCES]) == 7
    for u in oa_units:
        assert u.code is None or u.code.startswith("P3")
        assert u.kind in (VAKKENNIS, BEROEPSVEREISTEN) or u.code
        assert u.profile_abbr == "OA"
        assert u.crebo == "25485"


# ----------------------------------------------------------------- codes


def test_first_basis_werkproces() -> None:
    first = units(PW, WERKPROCES)[0]
    assert first.code == "B1-K1-W1"
    assert first.title == "Inventariseert behoeften en wensen van het kind"
    assert first.profile is None
    assert first.kerntaak_code == "B1-K1"
    assert first.kerntaak_title == "Begeleiden van kinderen bij hun ontwikkeling"


def test_kerntaken_have_codes_and_sections() -> None:
    basis = unit(PW, "B1-K2", KERNTAAK)
    assert basis.title == "Werken aan kwaliteit en deskundigheid"
    assert [n for n, _ in basis.sections] == ["complexiteit", "verantwoordelijkheid"]
    profile = unit(PW, "P2-K2", KERNTAAK)
    assert profile.title == "Organiseren van de werkzaamheden"
    assert profile.profile == "Gespecialiseerd pedagogisch medewerker"
    assert profile.crebo == "25484"


@pytest.mark.parametrize("name", FILES)
def test_codes_follow_hoofdstuk_and_are_unique(name: str) -> None:
    lines = source_lines(name)
    profile_codes = {u.profile: u.code for u in units(name, PROFIEL)}
    seen: set[tuple[str | None, str]] = set()
    for u in units(name):
        if u.code is None:
            continue
        key = (u.profile, u.code)
        assert key not in seen, key
        seen.add(key)
        if u.kind != WERKPROCES:
            continue
        prefix = "B1" if u.profile is None else profile_codes[u.profile]
        assert re.fullmatch(rf"{prefix}-K\d+-W\d+", u.code), u.code
        assert u.code.startswith(f"{u.kerntaak_code}-W")
        # the W number is the hoofdstuk attribute of the werkproces element
        number = u.code.rsplit("-W", 1)[1]
        assert f'hoofdstuk="{number}"' in lines[u.location.start - 1]
    assert any(code.startswith("P") and "-W" in code for _, code in seen)


# ----------------------------------------------------------------- text


@pytest.mark.parametrize("name", FILES)
def test_gedrag_is_a_list_of_dash_lines(name: str) -> None:
    for u in units(name, WERKPROCES):
        gedrag = section(u, "gedrag").split("\n")
        items = gedrag[1:] if not gedrag[0].startswith("- ") else gedrag
        assert items, u.code
        assert all(line.startswith("- ") and len(line) > 2 for line in items), u.code
        if not gedrag[0].startswith("- "):
            assert gedrag[0].endswith(":"), u.code


def test_gedrag_lead_in_with_stray_dash() -> None:
    # the source has "-De pedagogisch medewerker kinderopvang:" as lead-in
    gedrag = section(unit(PW, "P1-K1-W6"), "gedrag").split("\n")
    assert gedrag[0] == "De pedagogisch medewerker kinderopvang:"
    assert gedrag[1:] == [
        "- werkt veilig en hygiënisch;",
        "- voert de werkzaamheden vlot en bedreven uit;",
        "- gebruikt materialen en middelen op een doeltreffende en verantwoorde manier.",
    ]


@pytest.mark.parametrize("name", FILES)
def test_no_markup_or_stray_whitespace_left(name: str) -> None:
    for u in units(name):
        for text in all_texts(u):
            assert text, u.code
            # no HTML left (the MZ/DV wet- en regelgeving has a literal "<andere relevante wetgeving>")
            assert not _HTML_HINT.search(text) and "&lt;" not in text and "&gt;" not in text, u.code
            assert "&amp;" not in text and "&nbsp;" not in text, u.code
            assert text == text.strip()
            assert "\n\n\n" not in text
            assert all(line == line.rstrip() and "  " not in line for line in text.split("\n"))


def test_labeltext_html_keeps_structure() -> None:
    text = section(units(PW, INLEIDING)[0], "tekst")
    lines = text.split("\n")
    assert lines[0] == "Leeswijzer"
    assert "Opbouw dossier" in lines
    assert "- Nederlandse taal;" in lines
    assert "één" in text  # diacritics as in the source
    generiek = section(units(PW, TOELICHTING)[0], "tekst").split("\n")
    assert "voor kwalificaties op niveau 4: 3F." in generiek


def test_titles_are_stripped_and_folded() -> None:
    for u in units("4156-maatschappelijke-zorg.xml"):
        if u.title is not None:
            assert u.title == fold(u.title)
    # the source title has a double space: "ontwikkelingsgerichte  lesactiviteiten"
    assert (
        unit(PW, "P3-K1-W3").title == "Biedt (specifieke) ontwikkelingsgerichte lesactiviteiten aan"
    )


# ----------------------------------------------------------------- references


def test_sbb_competences_resolved() -> None:
    u = unit(PW, "P1-K1-W2")  # references 3100, 3088 and 3094
    assert u.get_extra("sbb_competenties") == (
        "E Samenwerken en overleggen; K Vakdeskundigheid toepassen; Q Plannen en organiseren"
    )
    for name in FILES:
        for wp in units(name, WERKPROCES):
            value = wp.get_extra("sbb_competenties")
            assert value and all(re.fullmatch(r"[A-Y] \S.*", c) for c in value.split("; ")), wp.code


def test_werkproces_additions_go_to_the_right_profile() -> None:
    u = unit(PW, "B1-K1-W8")
    additions = dict(u.additions)
    assert list(additions) == ["Gespecialiseerd pedagogisch medewerker", "Onderwijsassistent"]
    oa = dict(additions["Onderwijsassistent"])
    assert [n for n, _ in additions["Onderwijsassistent"]][:3] == [
        "omschrijving",
        "resultaat",
        "gedrag",
    ]
    assert oa["omschrijving"].startswith(
        "De onderwijsassistent bespreekt de gegevens uit de evaluatie"
    )
    assert "leraar" in oa["omschrijving"]
    assert oa["resultaat"].startswith("Er zijn voorstellen vastgelegd")
    assert "dienstverlening" not in oa["resultaat"]  # only the GPM text mentions it
    assert oa["gedrag"].split("\n")[0] == "- beoordeelt ‘conclusies’ op relevantie en prioriteit;"
    gpm = dict(additions["Gespecialiseerd pedagogisch medewerker"])
    assert gpm["omschrijving"].startswith("De gespecialiseerd medewerker bespreekt")


def test_additions_leave_out_empty_parts_and_profiles() -> None:
    # B1-K1-W1 has no per-profile additions at all
    assert unit(PW, "B1-K1-W1").additions == ()
    # B1-K2-W2: the resultaat additions are empty CDATA
    parts = dict(unit(PW, "B1-K2-W2").additions)["Onderwijsassistent"]
    assert "resultaat" not in dict(parts)
    assert dict(parts)["omschrijving"].startswith("Ze draagt eraan bij")


def test_per_profile_competences_in_additions() -> None:
    # B1-K2-W2 adds competence 3091 (H) for the GPM and OA profiles only
    u = unit(PW, "B1-K2-W2")
    assert "H Overtuigen" not in (u.get_extra("sbb_competenties") or "")
    additions = {profile: dict(parts) for profile, parts in u.additions}
    assert additions["Onderwijsassistent"]["sbb_competenties"] == (
        "H Overtuigen en beïnvloeden; T Instructies en procedures opvolgen"
    )
    assert (
        additions["Gespecialiseerd pedagogisch medewerker"]["sbb_competenties"]
        == "H Overtuigen en beïnvloeden"
    )


def test_kerntaak_additions() -> None:
    additions = dict(unit(PW, "B1-K1", KERNTAAK).additions)
    assert set(additions) == {"Gespecialiseerd pedagogisch medewerker", "Onderwijsassistent"}
    oa = dict(additions["Onderwijsassistent"])
    assert list(oa) == ["complexiteit"]  # the OA verantwoordelijkheid is empty
    assert oa["complexiteit"].startswith("De onderwijsassistent beschikt over vaardigheden")
    gpm = dict(additions["Gespecialiseerd pedagogisch medewerker"])
    assert gpm["verantwoordelijkheid"].startswith("De gespecialiseerd pedagogisch medewerker voert")


def test_additions_in_a_six_profile_dossier() -> None:
    name = "4156-maatschappelijke-zorg.xml"
    titles = {u.title for u in units(name, PROFIEL)}
    with_additions = [u for u in units(name, WERKPROCES) if u.additions]
    assert with_additions
    for u in with_additions:
        for profile, parts in u.additions:
            assert profile in titles
            if "gedrag" in dict(parts):
                lead = profile.lower()
                # a profile's gedrag addition names that profile in its lead-in
                first = dict(parts)["gedrag"].split("\n")[0]
                assert first.startswith("- ") or lead in first.lower()


# ----------------------------------------------------------------- locations


@pytest.mark.parametrize("name", FILES)
def test_locations_point_at_the_element(name: str) -> None:
    lines = source_lines(name)
    for u in units(name):
        loc = u.location
        assert loc.unit == "lines"
        assert 1 <= loc.start <= loc.end <= len(lines), u.code
    for u in units(name, WERKPROCES):
        first = fold(html.unescape(lines[u.location.start - 1]))
        assert first.startswith("<werkproces ") and u.title in first, u.code
        assert lines[u.location.end - 1].strip().endswith("</werkproces>"), u.code
    for u in units(name, PROFIEL):
        assert fold(lines[u.location.start - 1]).startswith("<profiel ")
        assert lines[u.location.end - 1].strip() == "</profiel>"
    inleiding = units(name, INLEIDING)[0].location
    assert "<inleiding" in lines[inleiding.start - 1]
    assert "</inleiding>" in lines[inleiding.end - 1]


# ----------------------------------------------------------------- errors


def _error(path: Path) -> str:
    with pytest.raises(ParseError) as info:
        parse(path)
    message = str(info.value)
    assert message and "\n" not in message and "Traceback" not in message
    assert path.name in message
    return message


def test_truncated_file(tmp_path: Path) -> None:
    data = (DATA / PW).read_bytes()
    path = tmp_path / "half.xml"
    path.write_bytes(data[: len(data) // 2])
    message = _error(path)
    assert "ongeldige XML" in message and re.search(r"regel \d+", message)


def test_not_an_sbb_export(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text('<?xml version="1.0"?>\n<root><item>tekst</item></root>\n', encoding="utf-8")
    assert "dossier" in _error(path)


@pytest.mark.parametrize("content", [b"", b"  \n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "leeg.xml"
    path.write_bytes(content)
    assert _error(path).startswith("leeg bestand")


def test_not_xml_at_all(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("Dit is geen XML.", encoding="utf-8")
    assert "ongeldige XML" in _error(path)


# ----------------------------------------------------------------- a small synthetic export

SMALL = """<?xml version="1.0" encoding="utf-8"?>
<sbb>
  <competenties>
    <competentie nr="1" titel="Samenwerken en overleggen" code="E" />
    <competentie nr="2" titel="Analyseren" code="M" />
  </competenties>
  <dossiers>
    <dossier nr="9" titel="Pedagogisch Werk">
      <dossiercrebos><dossiercrebo Geldig_vanaf="01-08-2016">11111</dossiercrebo></dossiercrebos>
      <basis>
        <basistaken>
          <basiskerntaken>
            <kerntaak nr="10" titel=" Begeleiden " hoofdstuk="2">
              <complexiteit><![CDATA[Complex.]]></complexiteit>
              <verantwoordelijkheid><![CDATA[  ]]></verantwoordelijkheid>
              <basiswerkprocessen>
                <werkproces nr="11" titel="Later  nummer" hoofdstuk="3">
                  <werkprocesomschrijving><![CDATA[<p>Een &amp; twee</p>]]>
                    <werkprocesomschrijvingperprofiel>
                      <aanvullend><profiel referentie="77" />
                        <omschrijving><![CDATA[Extra voor OA.]]></omschrijving></aanvullend>
                      <aanvullend><profiel referentie="99" />
                        <omschrijving><![CDATA[Wees.]]></omschrijving></aanvullend>
                    </werkprocesomschrijvingperprofiel>
                  </werkprocesomschrijving>
                  <werkprocesresultaat><![CDATA[
]]></werkprocesresultaat>
                  <werkprocesgedrag><![CDATA[De medewerker:
• werkt veilig
  en netjes;
• ruimt op.]]></werkprocesgedrag>
                  <werkprocescompetenties>
                    <competentie referentie="2" /><competentie referentie="1" />
                  </werkprocescompetenties>
                </werkproces>
                <werkproces nr="12" titel="Eerste" hoofdstuk="1">
                  <werkprocesomschrijving>Kort.</werkprocesomschrijving>
                </werkproces>
              </basiswerkprocessen>
            </kerntaak>
          </basiskerntaken>
        </basistaken>
      </basis>
      <profielen>
        <profiel nr="77" titel=" Onderwijsassistent " hoofdstuk="5" niveau="4">
          <creboinformatie><crebo Geldig_vanaf="01-08-2016">22222</crebo></creboinformatie>
          <profielkerntaken>
            <kerntaak nr="78" titel="Lessen" hoofdstuk="1">
              <profielwerkprocessen>
                <werkproces nr="79" titel="Voert uit" hoofdstuk="4" />
              </profielwerkprocessen>
            </kerntaak>
          </profielkerntaken>
        </profiel>
      </profielen>
    </dossier>
  </dossiers>
</sbb>
"""


def test_synthetic_export_codes_sections_and_warnings() -> None:
    parsed = parse_bytes(SMALL.encode("utf-8"), "klein.xml")
    by_code = {u.code: u for u in parsed.units}
    assert list(by_code) == ["B1-K2", "B1-K2-W3", "B1-K2-W1", "P5", "P5-K1", "P5-K1-W4"]
    kerntaak = by_code["B1-K2"]
    assert kerntaak.title == "Begeleiden"
    assert kerntaak.sections == (
        ("complexiteit", "Complex."),
    )  # empty verantwoordelijkheid left out
    werkproces = by_code["B1-K2-W3"]
    assert werkproces.title == "Later nummer"
    lines = SMALL.split("\n")
    start = next(i for i, line in enumerate(lines, 1) if 'nr="11"' in line)
    end = next(i for i, line in enumerate(lines, 1) if "</werkproces>" in line)
    assert (werkproces.location.start, werkproces.location.end) == (start, end)
    assert werkproces.sections == (
        ("omschrijving", "Een & twee"),
        ("gedrag", "De medewerker:\n- werkt veilig en netjes;\n- ruimt op."),
    )
    assert werkproces.get_extra("sbb_competenties") == "E Samenwerken en overleggen; M Analyseren"
    assert werkproces.additions[0] == ("Onderwijsassistent", (("omschrijving", "Extra voor OA."),))
    assert any("99" in warning for warning in parsed.warnings)
    assert by_code["B1-K2-W1"].sections == (("omschrijving", "Kort."),)
    assert (by_code["B1-K2-W1"].crebo, by_code["B1-K2-W1"].version) == ("11111", "2016-08-01")
    profile = by_code["P5"]
    assert (profile.title, profile.profile_abbr, profile.crebo) == (
        "Onderwijsassistent",
        "OA",
        "22222",
    )
    assert profile.sections == ()
    single = next(i for i, line in enumerate(lines, 1) if 'nr="79"' in line)
    assert by_code["P5-K1-W4"].location.start == by_code["P5-K1-W4"].location.end == single


# ----------------------------------------------------------------- helpers


def test_normalise_gedrag_variants() -> None:
    text = "De medewerker:\n• werkt veilig;\n-werkt\n  netjes;\n\n– ruimt op. "
    assert normalise_gedrag(text) == "De medewerker:\n- werkt veilig;\n- werkt netjes;\n- ruimt op."
    assert normalise_gedrag("De medewerker:\nwerkt veilig;\nruimt op.") == (
        "De medewerker:\n- werkt veilig;\n- ruimt op."
    )
    assert normalise_gedrag("- a;\n- b.") == "- a;\n- b."
    assert normalise_gedrag("  \n") == ""


def test_html_to_text_lists_and_escapes() -> None:
    markup = (
        "<labeltext>&lt;p&gt;Intro &amp;amp; meer&lt;/p&gt;&lt;ul&gt;&lt;li&gt;een&lt;/li&gt;"
        "&lt;li&gt;twee&lt;br&gt;regel&lt;/li&gt;&lt;/ul&gt;</labeltext>"
    )
    assert html_to_text(markup) == "Intro & meer\n- een\n- twee\nregel"


def test_iso_date() -> None:
    assert iso_date("01-08-2015") == "2015-08-01"
    assert iso_date("") is None
    assert iso_date("morgen") is None
