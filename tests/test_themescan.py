"""The theme scan (assistant.themescan): quality against the corpus's own manual overview, grouping,
matrix, expansion, exports, escaping, bad input, and the Themascan tab's handler.

Runs on the session index of the whole bundled corpus (conftest.py); the escaping tests ingest one small
hostile KD text into a fresh index whose embedding cache is seeded from the session index.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import KD_TEXT, Built, ingest, invoke, one_line, opened, run_cli

from assistant import themescan
from assistant.settings import Settings
from assistant.themes import score as score_module
from assistant.themes.render import _dossier_heading
from assistant.themes.scan import _slot
from assistant.themes.score import MEANING

THEME = "interprofessioneel samenwerken"
SPEC_COLUMNS = ["dossier", "version", "profile", "kerntaak", "code", "title", "strength", "score", "sentences",
                "source", "location"]
# A werkproces heading of the curriculum extract, OCR variants included (BI-K2-W2, B1-K1-WS5, B1-K1-We6).
HEADING = re.compile(r"^[ \t]*([BP][1-9I]-K[0-9I]+-W[A-Za-z]?[0-9]+)\s*:", re.MULTILINE)
HOSTILE_KD = """KWALIFICATIEDOSSIER
Testopleiding (01/08/21)

Beroepsomschrijving

De testmedewerker werkt samen met collega's <script>alert('xss')</script> in het team.

Basisdeel

B1-K1: Werken met <b>vette</b> tekst

De testmedewerker overlegt met collega's in een multidisciplinair team <img src=x onerror="alert(1)">.

B1-K1-W1: =SUM(A1) plant het werk samen met collega's

=HYPERLINK("http://evil.example") werkt samen met andere professionals en stemt af met het team.
@cmd overlegt met externe deskundigen [een link](javascript:alert(1)).
"""


@pytest.fixture(scope="module")
def result(index) -> themescan.ScanResult:
    return themescan.scan(index, THEME)


def extract_key() -> dict[int, str]:
    """Every werkproces heading of the curriculum extract, by line: the design team's own answer key."""
    text = KD_TEXT.read_text(encoding="utf-8")
    return {text.count("\n", 0, m.start()) + 1: m.group(1) for m in HEADING.finditer(text)}


def refs(result: themescan.ScanResult, strength: str | None = None) -> set[str]:
    return {u.ref for a in result.anchors if strength in (None, a.strength) for u in a.members}


# --------------------------------------------------------------------------- quality and structure


def test_recall_against_the_curriculum_extract(result):
    key = extract_key()
    assert len(key) >= 30, "the extract's werkproces headings were not found: the key would be empty"
    starts = {u.chunk.location.start for a in result.anchors for u in a.members
              if u.chunk.source == KD_TEXT.name and u.chunk.kind == "werkproces"}
    missing = sorted(f"{code} r. {line}" for line, code in key.items() if line not in starts)
    recall = (len(key) - len(missing)) / len(key)
    assert recall >= 0.9, f"recall {recall:.2f}; missing {missing}"


def test_anchors_are_grouped_per_dossier_in_document_order(result, index):
    blocks = [(a.chunk.source, a.chunk.dossier, a.chunk.version) for a in result.anchors]
    collapsed = [b for i, b in enumerate(blocks) if i == 0 or b != blocks[i - 1]]
    assert len(collapsed) == len(set(collapsed)), "a dossier's anchors are split over several places"
    source_rank = {s: i for i, s in enumerate(dict.fromkeys(c.source for c in index.chunks))}
    order = [(source_rank[a.chunk.source], a.chunk.location.start) for a in result.anchors]
    assert order == sorted(order)
    markdown = themescan.render_markdown(result)
    dossier_headings = re.findall(r"^## (?!Matrix)(.+)$", markdown, re.MULTILINE)
    expected = list(dict.fromkeys(_dossier_heading(a.chunk) for a in result.anchors))
    assert [themescan.md(h) for h in expected] == dossier_headings
    pmk = markdown.split("## Pedagogisch Medewerker Kinderopvang")[1].split("\n## ")[0]
    assert pmk.index("#### B1-K1-W5:") < pmk.index("#### P1-K1-W3:") < pmk.index("#### P1-K1-W4:")


def test_identical_passages_are_shown_once_with_ook_in(result):
    shared = [a for a in result.anchors if a.chunk.code == "B1-K1-W5" and a.chunk.source == KD_TEXT.name
              and a.chunk.title.startswith("Werkt samen met andere betrokkenen")]
    # GPM and OA share the wording and are listed once; PMK's wording differs (issue 12): its own anchor
    assert len(shared) == 2, "the basisdeel passage shared by GPM and OA must be listed once, PMK's apart"
    grouped = next(a for a in shared if a.also_labels())
    assert sorted([f"{grouped.chunk.dossier_abbr} 2021", *grouped.also_labels()]) == ["GPM 2021", "OA 2021"]
    assert not next(a for a in shared if a is not grouped).also_labels()
    markdown = themescan.render_markdown(result)
    assert "ook in GPM 2021" in markdown or "ook in OA 2021" in markdown


def test_matrix_counts_match_the_listed_anchors(result):
    expected = Counter()
    for anchor in result.anchors:
        for member in anchor.members:
            expected[(member.row, _slot(member.kerntaak))] += 1
    matrix = result.matrix
    counted = {cell: n for cell, n in matrix.cells.items() if n}
    assert counted == dict(expected)
    assert sum(matrix.cells.values()) == result.counts()["units"]
    pmk = next(key for label, key in matrix.rows if label == "PMK 2021 · basisdeel")
    assert matrix.count(pmk, "B1-K1") == sum(1 for a in result.anchors for m in a.members
                                             if m.row == pmk and m.kerntaak == "B1-K1")
    assert matrix.count(pmk, "P-K2") is None  # the PMK basisdeel has no profile kerntaak: shown as "–"
    table = themescan.render_matrix_markdown(matrix)
    row = next(line for line in table.splitlines() if line.startswith("| PMK 2021 · basisdeel"))
    assert row.rstrip(" |").endswith(str(sum(n for (r, _), n in expected.items() if r == pmk)))


def test_quoted_sentences_carry_an_expansion_term(result):
    words = set()
    for report in result.terms:
        for variant in report.variants:
            words.update(w for part in variant.split(" … ") for w in part.split("/"))
    assert result.anchors
    for anchor in result.anchors:
        assert anchor.result.sentences or anchor.result.title
        for sentence in anchor.result.sentences:
            if sentence.terms == (MEANING,):  # close in meaning, no term: nothing to mark
                assert not sentence.spans
                continue
            assert sentence.spans and sentence.terms
            marked = [themescan.fold(sentence.text[a:b]) for a, b in sentence.spans]
            assert any(w in words for span in marked for w, _, _ in themescan.words(span)), sentence.text


def test_citations_name_source_and_location(result):
    for anchor in result.anchors:
        c = anchor.chunk
        assert c.source and re.fullmatch(r"r\. \d+(-\d+)?|p\. \d+(-\d+)?", c.location.label())
        citation = anchor.citation_parts()
        assert citation[-1] == f"{c.source} {c.location.label()}"
        assert c.dossier in citation
    markdown = themescan.render_markdown(result)
    assert markdown.count("Bron: ") == len(result.anchors)


def test_kern_and_zijdelings_follow_the_documented_threshold(result):
    strengths = Counter(a.strength for a in result.anchors)
    assert strengths["kern"] and strengths["zijdelings"]
    settings = result.settings
    for anchor in result.anchors:
        assert anchor.score >= settings.min_score
        strongest = max([s.weight for s in anchor.result.sentences]
                        + [anchor.result.title.weight if anchor.result.title else 0.0])
        expected = anchor.score >= settings.kern_score and strongest >= settings.kern_strong
        assert (anchor.strength == "kern") == expected == (score_module.strength(anchor.result, settings) == "kern")
    w5 = next(a for a in result.anchors if a.chunk.code == "B1-K1-W5" and a.chunk.dossier_abbr == "PMK")
    assert w5.strength == "kern" and w5.result.title is not None  # "Werkt samen met andere betrokkenen ..."


def test_terms_override_changes_what_is_found(index, result):
    only = themescan.scan(index, THEME, terms="multidisciplinair")
    assert only.expansion.overridden and [t.text for t in only.expansion.terms] == ["multidisciplinair"]
    assert 0 < len(only.anchors) < len(result.anchors)
    for anchor in only.anchors:
        for sentence in anchor.result.sentences:
            assert "multidisciplin" in themescan.fold(sentence.text)
    guarded = themescan.scan(index, THEME, terms="af|stemmen ~op")
    loose = themescan.scan(index, THEME, terms="af|stemmen")
    assert refs(guarded) < refs(loose), "a ~guard word must drop 'stemt ... af op' (tailor to) matches"


def test_english_theme_finds_the_same_core_anchors(index, result):
    english = themescan.scan(index, "interprofessional collaboration")
    origins = {t.origin for t in english.expansion.terms}
    assert "glossarium" in origins
    dutch_core, english_core = refs(result, "kern"), refs(english, "kern")
    assert dutch_core and len(dutch_core & english_core) / len(dutch_core | english_core) >= 0.9


def test_expansion_is_visible_with_variants(result):
    texts = {r.term.text.split()[0]: r for r in result.terms}
    assert "overleg" in texts and "multidisciplinair" in texts
    assert {"overlegt", "overlegvormen"} <= set(texts["overleggen"].variants + texts["overleg"].variants)
    assert any("stemt" in v and "af" in v for v in texts["af|stemmen"].variants)  # the split verb
    assert result.expansion.as_text().startswith("interprofessioneel")


def test_matcher_units():
    assert {"overlegt", "overlegd"} <= themescan.verb_forms("overleggen")
    assert "verwijst" in themescan.verb_forms("verwijzen")
    assert "bespreekt" in themescan.verb_forms("bespreken")
    sentences = themescan.split_sentences("Omschrijving:\nZe werkt samen met o.a. collega's. Zij overlegt.\n"
                                          "SBB-competenties:\nE Samenwerken en overleggen")
    assert sentences == ["Ze werkt samen met o.a. collega's.", "Zij overlegt."]
    terms, exclude = themescan.parse_terms("overleg, collega:0.5, af|stemmen ~op, -ouderen*")
    assert [t.label() for t in terms] == ["overleg", "collega:0.5", "af|stemmen ~op"] and exclude == ("ouderen*",)
    with pytest.raises(themescan.BadTheme):
        themescan.parse_terms("overleg:zwaar")


# --------------------------------------------------------------------------- exports


def test_markdown_export_reads_like_the_extract(result, built_index: Built, tmp_path: Path):
    path = tmp_path / "scan.md"
    code, out, err = invoke("scan", THEME, "--index", str(built_index.index_dir), "-o", str(path))
    assert code == 0, err
    assert str(path) in out and "ankerpunten" in out
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Themascan: interprofessioneel samenwerken")
    for anchor in result.anchors:
        assert f"## {themescan.md(_dossier_heading(anchor.chunk))}" in text
    lines = re.findall(r"^#### ([BP]\d-K\d+(?:-W\d+)?): (.+)$", text, re.MULTILINE)
    coded = [a for a in result.anchors if re.fullmatch(r"[BP]\d-K\d+(-W\d+)?", a.chunk.code or "")]
    assert len(lines) == len(coded)
    assert ("B1-K1-W5", "Werkt samen met andere betrokkenen in de omgeving van het kind") in lines
    assert "> " in text and "**werkt samen**" in text.lower()


def test_csv_export_parses_with_the_documented_header(result, built_index: Built, tmp_path: Path):
    path = tmp_path / "scan.csv"
    code, _, err = invoke("scan", THEME, "--index", str(built_index.index_dir), "--format", "csv", "-o", str(path))
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][: len(SPEC_COLUMNS)] == SPEC_COLUMNS
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(body) == len(result.anchors)
    assert all(r["source"] and r["location"].startswith(("r.", "p.")) for r in body)
    assert {r["strength"] for r in body} == {"kern", "zijdelings"}
    w5 = next(r for r in body if r["code"] == "B1-K1-W5" and r["dossier"] in ("Gespecialiseerd Pedagogisch "
              "Medewerker", "Onderwijsassistent") and r["also_in"])
    assert w5["kerntaak"] == "B1-K1" and w5["also_in"] in ("GPM 2021", "OA 2021")
    assert "werkt samen" in w5["sentences"].lower()


def test_json_output(built_index: Built):
    code, out, err = invoke("scan", "veiligheid", "--index", str(built_index.index_dir), "--format", "json",
                            "--dossier", "PW")
    assert code == 0, err
    data = json.loads(out)
    assert data["filters"] == {"dossier": "PW"} and data["anchors"]
    assert {a["dossier_abbr"] for a in data["anchors"]} == {"PW"}
    assert data["matrix"]["rows"] and all(a["sentences"] or a["title_match"] for a in data["anchors"])


@pytest.fixture(scope="module")
def hostile_index(built_index: Built, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile-kd.txt"
    source.write_text(HOSTILE_KD, encoding="utf-8")
    index_dir = folder / "index"
    (index_dir / "cache").mkdir(parents=True)
    (index_dir / "cache" / "embeddings.sqlite").write_bytes(built_index.cache.read_bytes())
    report = ingest([source], index_dir)
    assert not report["failed"], report
    return index_dir


def test_markdown_escapes_document_text(hostile_index: Path):
    code, out, err = invoke("scan", "samenwerken", "--index", str(hostile_index))
    assert code == 0, err
    assert "&lt;script&gt;" in out, "the <script> passage must be quoted (it carries the theme)"
    for raw in ("<script", "<img", "<b>", "](javascript:", "javascript:alert"):
        assert raw not in out
    markdown_ui = themescan.render_markdown(themescan.scan(opened(hostile_index), "samenwerken"), ui=True)
    assert "<mark>" in markdown_ui and "<script" not in markdown_ui and "<img" not in markdown_ui


def test_csv_defuses_formulas(hostile_index: Path, tmp_path: Path):
    path = tmp_path / "hostile.csv"
    code, _, err = invoke("scan", "samenwerken", "--index", str(hostile_index), "--format", "csv", "-o", str(path))
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert any(c.startswith("'=SUM(A1)") for c in cells), "the =SUM title must be there, defused"
    assert any(c.startswith("'=HYPERLINK") for c in cells), "the =HYPERLINK sentence must be there, defused"


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("theme", ["", "   ", "x" * 201])
def test_empty_or_too_long_theme_exits_2_with_one_line(built_index: Built, theme: str):
    code, out, err = run_cli("scan", theme, "--index", str(built_index.index_dir))
    assert code == 2 and not out
    line = one_line(err)
    assert ("leeg" in line) if len(theme) < 200 else ("te lang" in line and "200" in line)


@pytest.mark.parametrize(("theme", "words"), [("de het een", "stopwoorden"), ("12345 !!! ???", "geen letters"),
                                               ("—— ··· ¿¡", "geen letters")])
def test_stop_words_only_or_no_letters_exits_2(built_index: Built, theme: str, words: str):
    code, out, err = run_cli("scan", theme, "--index", str(built_index.index_dir))
    assert code == 2 and not out and words in one_line(err)


def test_absent_theme_says_niet_gevonden_and_suggests(built_index: Built):
    code, out, err = run_cli("scan", "qwxzvbn", "--index", str(built_index.index_dir))
    assert code == 0, err
    assert "niet gevonden" in out.lower() and "probeer" in out.lower()
    code, out, err = invoke("scan", "qwxzvbn", "--index", str(built_index.index_dir), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["found"] is False and data["anchors"] == [] and data["suggestions"]


def test_a_misspelt_theme_still_finds_its_words_by_meaning(built_index: Built):
    code, out, _ = invoke("scan", "samenwerkign", "--index", str(built_index.index_dir), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["anchors"]
    assert any(t["term"].startswith("samenwerk") and t["origin"] == "verwant" for t in data["terms"])


def test_unwritable_output_exits_1_naming_the_path(built_index: Built):
    code, out, err = run_cli("scan", "veiligheid", "--index", str(built_index.index_dir), "-o",
                             "/nonexistent-dir/x.md")
    assert code == 1 and not out
    assert "/nonexistent-dir/x.md" in one_line(err)


def test_bad_filter_and_terms_exit_2(built_index: Built):
    code, _, err = invoke("scan", "veiligheid", "--index", str(built_index.index_dir), "--dossier", "XYZ")
    assert code == 2 and "XYZ" in one_line(err)
    code, _, err = invoke("scan", "veiligheid", "--index", str(built_index.index_dir), "--terms", " , ")
    assert code == 2 and one_line(err)


# --------------------------------------------------------------------------- the Themascan tab


@pytest.fixture(scope="module")
def assistant_app(built_index: Built):
    from assistant.webapp import Assistant

    return Assistant(Settings(index_dir=built_index.index_dir, embedder="use"))


def test_tab_handler_returns_overview_and_downloads(assistant_app):
    from assistant.webapp import themescan_handler

    markdown, terms, md_path, csv_path = themescan_handler(assistant_app, THEME, "", "", "")
    assert markdown.startswith("# Themascan: interprofessioneel samenwerken")
    assert "<mark>" in markdown and "## Matrix" in markdown and "#### B1-K1-W5:" in markdown
    assert "overleg" in terms
    assert md_path and Path(md_path).is_file() and md_path.endswith(".md")
    assert csv_path and Path(csv_path).is_file() and csv_path.endswith(".csv")
    assert Path(md_path).read_text(encoding="utf-8").startswith("# Themascan:")
    assert Path(csv_path).read_text(encoding="utf-8-sig").startswith(",".join(SPEC_COLUMNS))

    edited, shown, _, _ = themescan_handler(assistant_app, THEME, "multidisciplinair", "", "", use_terms=True)
    assert shown == "multidisciplinair" and edited.count("#### ") < markdown.count("#### ")

    filtered, *_ = themescan_handler(assistant_app, "veiligheid", "", "Onderwijsassistent", "2021-08-01")
    assert "filter: dossier Onderwijsassistent, version 2021-08-01" in filtered

    message, _, none_md, none_csv = themescan_handler(assistant_app, "", "", "", "")
    assert "leeg thema" in message and none_md is None and none_csv is None


def test_the_kerntaak_matrix_says_niet_in_het_extract_not_0_for_an_extract(index) -> None:
    """Issue 12, item 4: a 0 in an extract's row is "n.i.e." (the source holds only part of the dossier)."""
    from assistant.themes.render import NOT_IN_EXTRACT, render_matrix_markdown

    matrix = themescan.scan(index, "plannen en organiseren").matrix
    extract_rows = [key for _, key in matrix.rows if key in matrix.extracts]
    complete_rows = [key for _, key in matrix.rows if key not in matrix.extracts]
    assert extract_rows and complete_rows
    assert all(key[0].startswith("ankerpunten") for key in extract_rows)
    table = render_matrix_markdown(matrix)
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()[2:]
            if line.startswith("| ") and "---" not in line]
    extract_cells = [cells[1:-1] for cells in rows if cells[0].endswith("(extract)")]
    complete_cells = [cells[1:-1] for cells in rows if not cells[0].endswith("(extract)")]
    assert any(NOT_IN_EXTRACT in cells for cells in extract_cells)
    assert not any("0" in cells for cells in extract_cells)
    assert any("0" in cells for cells in complete_cells)
    assert "niet in het extract" in table
    rows = matrix.as_json()["rows"]
    assert {row["extract"] for row in rows} == {True, False}
