"""Tests for the PDF KD parser, on PDFs generated here with fpdf2."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fpdf import FPDF

from assistant.model import BEROEPSBESCHRIJVING, KERNTAAK, PROFIEL, WERKPROCES, Line, ParseError
from ingest import pdf

HEADER = "Kwalificatiedossier Onderwijsassistent 2021"

# One list per page; "" is an empty line (a paragraph gap).
PAGES = [
    [
        "Kwalificatiedossier Onderwijsassistent",
        "Geldig vanaf 1 augustus 2021",
        "",
        "Beroepsomschrijving",
        "",
        "De onderwijsassistent werkt in het basisonderwijs en ondersteunt leraren en",
        "cliënten in de klas.",
        "",
        "Ze is initiatiefrijk en weet van aanpakken.",
        "",
        "Basisdeel",
        "",
        "B1-K1: Begeleiden van leerlingen bij hun ontwikkeling",
        "",
        "De onderwijsassistent werkt samen met collega's in een team.",
        "",
        "B1-K1-W1: Werkt samen met betrokkenen rond de leerling",
        "",
        "Ze stemt werkzaamheden af met de leraar en met andere betrokkenen rond",
    ],
    [
        "de leerling, zoals ouders en jeugdhulp.",
        "",
        "B1-K1-W2: Werkt aan kwaliteit",
        "",
        "Omschrijving",
        "Ze draagt bij aan het verbeteren van de kwaliteit van het onderwijs.",
        "Resultaat",
        "Een bijdrage aan de kwaliteits-",
    ],
    [
        "zorg van de school is geleverd.",
        "Gedrag",
        "· Signaleert knelpunten en bespreekt die met de leraar.",
        "· Deelt ideeën met collega's.",
        "",
        "Profieldeel",
        "",
        "P3: Onderwijsassistent",
        "",
        "De onderwijsassistent is ondersteunend en faciliterend voor leraren.",
        "",
        "P3-K1: Uitvoeren van leeractiviteiten",
        "",
        "P3-K1-W1: Biedt leeractiviteiten aan",
        "",
        "Ze biedt leerlingen individueel of in groepsverband leeractiviteiten aan.",
    ],
]


def write_pdf(path: Path, pages: list[list[str]], header: str | None = HEADER, footer: bool = True) -> Path:
    """Write pages of lines as a PDF, with a running header and a page footer."""
    doc = FPDF()
    doc.set_auto_page_break(False)
    doc.set_font("Helvetica", size=11)
    for number, lines in enumerate(pages, start=1):
        doc.add_page()
        if header:
            doc.set_xy(10, 8)
            doc.cell(0, 5, header)
        doc.set_xy(10, 25)
        for text in lines:
            if text:
                doc.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            else:
                doc.ln(6)
        if footer:
            doc.set_xy(10, 282)
            doc.cell(0, 5, f"Pagina {number} van {len(pages)}")
    doc.output(str(path))
    return path


@pytest.fixture(scope="module")
def kd_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(tmp_path_factory.mktemp("pdf") / "oa-2021.pdf", PAGES)


@pytest.fixture(scope="module")
def units(kd_pdf: Path):
    return pdf.parse(kd_pdf).units


def test_units_codes_titles_and_pages(units):
    found = [(u.kind, u.code, u.title, u.location.as_dict()) for u in units]
    assert found == [
        (BEROEPSBESCHRIJVING, None, "Beroepsomschrijving", {"pages": [1, 1]}),
        (KERNTAAK, "B1-K1", "Begeleiden van leerlingen bij hun ontwikkeling", {"pages": [1, 1]}),
        (WERKPROCES, "B1-K1-W1", "Werkt samen met betrokkenen rond de leerling", {"pages": [1, 2]}),
        (WERKPROCES, "B1-K1-W2", "Werkt aan kwaliteit", {"pages": [2, 3]}),
        (PROFIEL, "P3", "Onderwijsassistent", {"pages": [3, 3]}),
        (KERNTAAK, "P3-K1", "Uitvoeren van leeractiviteiten", {"pages": [3, 3]}),
        (WERKPROCES, "P3-K1-W1", "Biedt leeractiviteiten aan", {"pages": [3, 3]}),
    ]


def test_dossier_version_and_profile(units):
    assert {(u.dossier, u.dossier_abbr, u.version, u.source) for u in units} == {
        ("Onderwijsassistent", "OA", "2021-08-01", "oa-2021.pdf")
    }
    assert [u.profile for u in units] == [None, None, None, None, *["Onderwijsassistent"] * 3]
    assert [u.kerntaak_title for u in units if u.kind == WERKPROCES] == [
        "Begeleiden van leerlingen bij hun ontwikkeling",
        "Begeleiden van leerlingen bij hun ontwikkeling",
        "Uitvoeren van leeractiviteiten",
    ]


def test_no_header_or_footer_text_in_units(units):
    for unit in units:
        text = f"{unit.title}\n{unit.body}"
        assert "Pagina" not in text
        assert "2021" not in text
        assert "Kwalificatiedossier" not in text


def test_text_across_page_breaks(units):
    by_code = {u.code: u for u in units}
    assert by_code["B1-K1-W1"].sections == (
        (
            "omschrijving",
            "Ze stemt werkzaamheden af met de leraar en met andere betrokkenen rond "
            "de leerling, zoals ouders en jeugdhulp.",
        ),
    )
    assert dict(by_code["B1-K1-W2"].sections) == {
        "omschrijving": "Ze draagt bij aan het verbeteren van de kwaliteit van het onderwijs.",
        "resultaat": "Een bijdrage aan de kwaliteitszorg van de school is geleverd.",
        "gedrag": "- Signaleert knelpunten en bespreekt die met de leraar.\n- Deelt ideeën met collega's.",
    }


def test_paragraph_gaps_and_diaeresis_survive_extraction(units):
    assert units[0].sections == (
        (
            "tekst",
            "De onderwijsassistent werkt in het basisonderwijs en ondersteunt leraren en cliënten in de klas.\n"
            "Ze is initiatiefrijk en weet van aanpakken.",
        ),
    )


def test_damaged_page_stream_is_reported(tmp_path, kd_pdf):
    data = bytearray(kd_pdf.read_bytes())
    start = data.find(b"stream\n") + len(b"stream\n")
    data[start : start + 30] = b"x" * 30  # same length: the cross-reference table stays valid
    path = tmp_path / "beschadigd.pdf"
    path.write_bytes(bytes(data))
    result = pdf.parse(path)
    assert any("pypdf" in warning for warning in result.warnings)
    assert "B1-K1" not in [u.code for u in result.units]  # page 1 is lost


def test_furniture_detection_with_bare_page_numbers():
    pages = [
        ["Titel", "tekst een", "meer tekst", "3"],
        ["tekst twee", "4"],
        ["tekst drie", "nog meer", "5"],
        ["Titel", "tekst vier", "6"],
    ]
    keys = pdf.furniture(pages)
    assert keys == {"#", "Titel"}
    assert pdf.strip_furniture(pages, keys)[0] == ["tekst een", "meer tekst"]


def test_furniture_needs_two_pages():
    assert pdf.furniture([["Pagina 1 van 1", "tekst"]]) == set()


def test_to_lines_numbers_and_pages():
    lines = pdf.to_lines([["a", "", "", "b"], ["", "c"]])
    assert lines == [Line("a", 1, 1), Line("", 2, 1), Line("b", 3, 1), Line("c", 4, 2)]


def assert_one_line_error(path: Path, fragment: str) -> None:
    with pytest.raises(ParseError) as info:
        pdf.parse(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path.name}: ")
    assert fragment in message


def test_random_bytes_raise_parse_error(tmp_path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(random.Random(7).randbytes(4000))
    assert_one_line_error(path, "PDF")


def test_truncated_pdf_raises_parse_error(tmp_path, kd_pdf):
    data = kd_pdf.read_bytes()
    path = tmp_path / "afgebroken.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert_one_line_error(path, "PDF")


def test_empty_file_raises_parse_error(tmp_path):
    path = tmp_path / "leeg.pdf"
    path.write_bytes(b"")
    assert_one_line_error(path, "PDF")


def test_encrypted_pdf_with_password_raises_parse_error(tmp_path):
    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica")
    doc.cell(0, 5, "B1-K1: Geheim")
    doc.set_encryption(owner_password="eigenaar", user_password="gebruiker")
    path = tmp_path / "geheim.pdf"
    doc.output(str(path))
    assert_one_line_error(path, "versleuteld")


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica")
    doc.cell(0, 5, "B1-K1-W1: Werkt samen", new_x="LMARGIN", new_y="NEXT")
    doc.cell(0, 5, "B1-K1-W2: Werkt aan kwaliteit", new_x="LMARGIN", new_y="NEXT")
    doc.set_encryption(owner_password="eigenaar")
    path = tmp_path / "beperkt.pdf"
    doc.output(str(path))
    assert [u.code for u in pdf.parse(path).units] == ["B1-K1-W1", "B1-K1-W2"]


def test_pdf_without_text_layer(tmp_path):
    doc = FPDF()
    for _ in range(2):
        doc.add_page()
        doc.rect(20, 20, 100, 60, style="F")
    path = tmp_path / "scan.pdf"
    doc.output(str(path))
    assert_one_line_error(path, "no text layer")


def test_pdf_without_kd_structure(tmp_path):
    path = write_pdf(tmp_path / "brief.pdf", [["Beste lezer,", "", "Dit is een gewone brief."]], header=None)
    assert_one_line_error(path, "no KD structure")
