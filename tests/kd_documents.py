"""Documents the upload tests make: a small KD as a PDF (fpdf2) with a werkproces on page 2, and bad files."""

from __future__ import annotations

import zipfile
from pathlib import Path

from fpdf import FPDF

DOSSIER = "Dierverzorging Reptielen"
QUESTION = "hoe verzorgt de medewerker reptielen in het terrarium?"
WERKPROCES = "B1-K1-W2"


def _kd_pages(extra_pages: int = 0, often: str = "dagelijks") -> list[list[str]]:
    pages = [
        [
            f"Kwalificatiedossier {DOSSIER}",
            "Geldig vanaf 1 augustus 2024",
            "",
            "Beroepsomschrijving",
            "",
            "De dierverzorger werkt in een dierentuin of een opvang voor exotische dieren.",
            "",
            "Basisdeel",
            "",
            "B1-K1: Verzorgen van reptielen en amfibieen",
            "",
            "De dierverzorger werkt samen met collega's in een team.",
            "",
            "B1-K1-W1: Bereidt het voer voor",
            "",
            "Hij weegt het voer af volgens het voerschema en houdt de voorraad bij.",
        ],
        [
            "B1-K1-W2: Verzorgt reptielen in het terrarium",
            "",
            f"Hij controleert {often} de temperatuur en de luchtvochtigheid in het terrarium,",
            "reinigt het verblijf en observeert het gedrag van de reptielen. Afwijkingen meldt hij",
            "aan de dierenarts.",
        ],
    ]
    topics = ("de verwarming", "de verlichting", "de waterfilters", "de luchtbevochtiging", "de ventilatie",
              "de voederautomaten", "de camera's", "de noodstroom", "de sproei-installatie", "de thermostaten")
    for number in range(extra_pages):
        code, topic, n = f"B1-K{number + 2}", topics[number % len(topics)], number + 1
        pages.append([
            f"{code}: Onderhouden van verblijf {n} en {topic}",
            "",
            f"De dierverzorger zorgt in verblijf {n} voor {topic} en overlegt daarover met de technische dienst.",
            "",
            f"{code}-W1: Controleert {topic} in verblijf {n}",
            "",
            f"Hij controleert in verblijf {n} dagelijks {topic} en noteert afwijkingen in het logboek van week {n}.",
            f"Bij een storing aan {topic} waarschuwt hij de technische dienst en beschermt hij de dieren in",
            f"verblijf {n} tegen te hoge of te lage temperaturen. Hij legt vast welke maatregelen hij nam.",
            "",
            f"{code}-W2: Rapporteert over verblijf {n}",
            "",
            f"Hij schrijft aan het einde van dienst {n} een overdracht voor collega's over {topic}, het gedrag",
            f"van de dieren in verblijf {n} en bijzonderheden die de dierenarts moet weten.",
        ])
    return pages


def write_kd_pdf(path: Path, extra_pages: int = 0, often: str = "dagelijks") -> Path:
    """A small KD as a PDF: kerntaak and a werkproces on page 1, werkproces B1-K1-W2 on page 2.

    ``extra_pages`` adds a kerntaak with a werkproces per page; ``often`` varies B1-K1-W2's wording.
    """
    doc = FPDF()
    doc.set_auto_page_break(False)
    doc.set_font("Helvetica", size=11)
    pages = _kd_pages(extra_pages, often)
    for number, lines in enumerate(pages, start=1):
        doc.add_page()
        doc.set_xy(10, 25)
        for text in lines:
            if text:
                doc.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            else:
                doc.ln(6)
        doc.set_xy(10, 282)
        doc.cell(0, 5, f"Pagina {number} van {len(pages)}")
    doc.output(str(path))
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF with a page but no text layer (as a scan without OCR)."""
    doc = FPDF()
    doc.add_page()
    doc.rect(20, 20, 100, 50, style="F")
    doc.output(str(path))
    return path


def write_zip_as_pdf(path: Path) -> Path:
    """A zip archive named .pdf."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("inhoud.txt", "geen pdf")
    return path
