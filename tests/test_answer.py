"""Unit tests of the UI's pure parts: answer composition and escaping, follow-ups, export,
feedback log and the views (matrix, browse tree, compare).

Most tests use small hand-made chunks; the views are also checked on the real session index.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from assistant import answer, conversation, export, feedback, views
from assistant.conversation import Catalogue, Constraints, Turn, resolve
from assistant.model import Chunk, Location
from assistant.retrieval import BadQuery, Hit

EVIL = (
    "<script>alert('x')</script> <img src=x onerror=\"alert(1)\"> [klik](javascript:alert(2)) "
    "![i](javascript:alert(3)) <a href=\"javascript:alert(4)\">a</a> <svg onload=alert(5)> "
    "<iframe src=\"https://example.org\"></iframe> www.example.org https://example.org/x"
)
ALLOWED_TAGS = {"p", "ol", "ul", "li", "strong", "em", "blockquote", "mark", "details", "summary", "div", "br",
                "table", "caption", "thead", "tbody", "tr", "th", "td", "small", "h3", "h4", "b", "i", "del", "ins"}


def chunk(**fields) -> Chunk:
    """A chunk with sensible defaults for the fields a test does not care about."""
    base = dict(id="c1", kind="werkproces", text="Tekst.", index_text="Tekst.", source="kd.txt",
                location=Location("lines", 10, 20), dossier="Onderwijsassistent", dossier_abbr="OA",
                version="2021-08-01", code="B1-K1-W5", title="Werkt samen")
    base.update(fields)
    return Chunk(**base)


def hit(c: Chunk, sentence: str = "", also_in: tuple[str, ...] = ()) -> Hit:
    return Hit(c, 1.0, also_in or c.also_in, sentence)


class TagCollector(HTMLParser):
    """Every tag and attribute in some HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def live_markup(html: str) -> list[str]:
    """Tags outside the harmless set, event-handler attributes and script URLs in ``html``."""
    parser = TagCollector()
    parser.feed(html)
    bad = [t for t in parser.tags if t not in ALLOWED_TAGS]
    bad += [f"{k}={v}" for k, v in parser.attrs if k.startswith("on") or k in ("href", "src")]
    return bad


def rendered(markdown: str) -> str:
    """Markdown rendered as a browser would get it (raw HTML allowed, links and images on)."""
    return MarkdownIt("commonmark", {"html": True, "linkify": False}).render(markdown)


# --------------------------------------------------------------------------- answer


def test_escape_makes_markup_inert_but_keeps_codes_readable():
    out = answer.escape(EVIL + "\n# kop\n- lijst\n1. een\nB1-K1-W5 2021-08-01 r. 3-5")
    html = rendered(out)
    assert live_markup(html) == []
    assert "<a " not in html and "<img" not in html
    assert "javascript:" not in out.lower()  # shown as text ("javascript&#58;"), never a link target
    assert "B1-K1-W5 2021-08-01 r. 3-5" in out
    assert "&lt;script&gt;" in html or "&amp;lt;script&amp;gt;" in html


def test_escape_html_for_raw_blocks():
    out = answer.escape_html(EVIL)
    assert "<" not in out and ">" not in out and "javascript:" not in out.lower()


def test_compose_dutch_lead_numbered_hits_and_sources():
    hits = [
        hit(chunk(id="a", code="P3-K2", title="Uitvoeren van taken", kind="kerntaak", profile="Onderwijsassistent",
                  text="Ze werkt samen met externe deskundigen.", location=Location("lines", 344, 349)),
            "Ze werkt samen met externe deskundigen."),
        hit(chunk(id="b", code="B1-K1-W5", title="Werkt samen", text="Anders."), "Anders.", ("GPM", "PMK")),
    ]
    md = answer.compose("waar werkt de OA samen met externe deskundigen?", hits, details=False)
    assert md.startswith("Het best passend is **P3-K2 Uitvoeren van taken** in OA 2021-08-01 [1].")
    assert "1. **P3-K2 Uitvoeren van taken** · kerntaak · OA 2021-08-01 · Onderwijsassistent [1]" in md
    assert "<mark>Ze werkt samen met externe deskundigen.</mark>" in md
    assert "(ook in GPM, PMK) [2]" in md
    assert ("- [1] Onderwijsassistent · 2021-08-01 · Onderwijsassistent · P3-K2 · Uitvoeren van taken · "
            "kd.txt r. 344-349") in md
    assert "**Bronnen**" in md


def test_compose_english_for_english_question_and_details_open_the_passage():
    hits = [hit(chunk(text="Line one.\nLine two <b>bold</b>.", passage="Line one.\nLine two <b>bold</b>."),
                "Line one.")]
    md = answer.compose("where does OA work together?", hits, details=True)
    assert md.startswith("The best match is")
    assert "**Sources**" in md
    html = rendered(md)
    assert '<details class="bron"><summary>[1] Onderwijsassistent · 2021-08-01 · B1-K1-W5' in html
    assert "Line one.<br>Line two &lt;b&gt;bold&lt;/b&gt;." in html
    assert live_markup(html) == []


def test_compose_without_hits_says_so_in_the_question_language():
    assert answer.compose("waar staat dat?", []).startswith("Ik vond geen passende passages")
    assert answer.compose("where is that?", []).startswith("I found no matching passages")


def test_identical_passages_show_once_with_also_in():
    first = hit(chunk(id="a", dossier_abbr="OA", text="Zelfde tekst."))
    second = hit(chunk(id="b", dossier="Pedagogisch Medewerker Kinderopvang", dossier_abbr="PMK",
                       text="Zelfde  tekst."))
    unique = answer.unique_hits([first, second])
    assert len(unique) == 1
    assert unique[0].also_in == ("PMK",)
    assert "(ook in PMK)" in answer.compose("zelfde tekst", [first, second])


def test_evil_document_text_renders_as_text_everywhere():
    c = chunk(title=EVIL, text=EVIL, passage=EVIL, code="B1-K1", source="evil<script>.txt")
    md = answer.compose("wat staat er?", [hit(c, EVIL)], details=True)
    assert live_markup(rendered(md)) == []
    assert "<script" not in md and "<img" not in md and "<iframe" not in md and "<svg" not in md
    generated = answer.compose_generated("wat staat er?", EVIL + " [1]", [hit(c, EVIL)], details=False)
    assert "<script" not in generated and "javascript:" not in generated.lower()


# --------------------------------------------------------------------------- conversation


def catalogue() -> Catalogue:
    chunks = [
        chunk(id="1", dossier="Onderwijsassistent", dossier_abbr="OA", version="2021-08-01"),
        chunk(id="2", dossier="Pedagogisch Medewerker Kinderopvang", dossier_abbr="PMK", version="2021-08-01"),
        chunk(id="3", dossier="Pedagogisch Werk", dossier_abbr="PW", version="2015-08-01",
              profile="Onderwijsassistent", profile_abbr="OA"),
        chunk(id="4", dossier="Pedagogisch Werk", dossier_abbr="PW", version="2015-08-01",
              profile="Pedagogisch medewerker kinderopvang", profile_abbr="PMK"),
        chunk(id="5", kind="competentieniveau", dossier="Sociaalwerker B", dossier_abbr="SWB", version=None,
              competence="Coachen", level=2, code=None),
        chunk(id="6", kind="kerntaak", code="B1-K1"),
    ]
    return Catalogue.from_chunks(chunks)


def run(messages: list[str], ui: Constraints | None = None) -> list[conversation.Resolved]:
    cat, turn, out, ui = catalogue(), None, [], ui or Constraints()
    for message in messages:
        resolved = resolve(message, turn, ui, cat)
        turn = resolved.turn
        out.append(resolved)
    return out


def test_new_question_is_not_a_followup_and_keeps_the_dropdown_filters():
    first, = run(["where does OA collaborate with external experts?"], Constraints(kind="werkproces"))
    assert not first.followup
    assert first.question == "where does OA collaborate with external experts?"
    assert first.constraints == Constraints(kind="werkproces")
    assert first.turn.scope == "OA"


def test_followup_with_a_new_dossier_replaces_the_scope():
    _, second = run(["where does OA collaborate with external experts?", "en bij de PMK?"])
    assert second.followup
    assert second.question == "where does PMK collaborate with external experts?"
    assert second.constraints.dossier == "Pedagogisch Medewerker Kinderopvang"


def test_followup_with_a_version_re_resolves_the_scope_to_the_dossier_of_that_version():
    *_, third = run(["where does OA collaborate with external experts?", "and for the 2015 version?"])
    assert third.question == "where does OA collaborate with external experts?"
    assert third.constraints.version == "2015-08-01"
    assert third.constraints.dossier == "Pedagogisch Werk"  # OA is a profile of Pedagogisch Werk in 2015


def test_en_voor_oa_after_a_dutch_question_without_scope_adds_the_scope():
    _, second = run(["waar komt multidisciplinair overleg voor?", "en voor OA?"])
    assert second.question == "waar komt multidisciplinair overleg voor bij OA?"
    assert second.constraints.dossier == "Onderwijsassistent"


def test_level_followup_replaces_the_level_and_filters_when_the_question_was_about_levels():
    _, second, third = run(["Coachen niveau 2", "alleen niveau 3", "en niveau 4?"])
    assert (second.question, second.constraints.level) == ("Coachen niveau 3", "3")
    assert (third.question, third.constraints.level) == ("Coachen niveau 4", "4")


def test_level_followup_on_a_kd_question_only_steers_the_ranking():
    _, second = run(["waar komt overleg voor?", "alleen niveau 3"])
    assert second.question == "waar komt overleg voor niveau 3?"
    assert second.constraints.level == ""


def test_kind_followup_and_what_about():
    _, second, third = run(["waar komt overleg voor?", "alleen werkprocessen", "what about PMK?"])
    assert second.constraints.kind == "werkproces"
    assert third.constraints.kind == "werkproces"
    assert third.constraints.dossier == "Pedagogisch Medewerker Kinderopvang"


def test_a_long_or_constraint_free_message_is_a_new_question():
    _, second, third = run(["waar komt overleg voor?", "en wat betekent dat?",
                            "en hoe werkt de OA samen met ouders en externe deskundigen in de klas?"])
    assert not second.followup
    assert not third.followup


def test_first_message_is_never_a_followup():
    only, = run(["en bij de PMK?"])
    assert not only.followup


def test_constraints_to_filters_and_bad_level():
    assert Constraints(dossier="OA", level="3").to_filters().level == 3
    with pytest.raises(BadQuery):
        Constraints(level="drie").to_filters()
    assert Constraints(dossier="OA").merged(Constraints(level="2")) == Constraints(dossier="OA", level="2")


def test_turn_is_frozen():
    with pytest.raises(AttributeError):
        Turn("x").question = "y"  # type: ignore[misc]


# --------------------------------------------------------------------------- export


def test_csv_export_has_every_hit_and_defuses_formulas():
    hits = [hit(chunk(id="a", text="=HYPERLINK(\"http://x\")", passage="=HYPERLINK(\"http://x\")"), "- begin"),
            hit(chunk(id="b", code="P3-K2", title="Taken, \"rondom\" lessen"), "zin", ("GPM",))]
    rows = list(csv.DictReader(io.StringIO(export.to_csv(hits))))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["text"].startswith("'=")
    assert rows[0]["best_sentence"] == "'- begin"
    assert rows[1]["title"] == 'Taken, "rondom" lessen'
    assert rows[1]["location"] == "r. 10-20" and rows[1]["also_in"] == "GPM"


def test_markdown_export_and_files_in_the_given_directory(tmp_path):
    hits = [hit(chunk(text="Regel <script>x</script>"), "Regel")]
    md = export.to_markdown("vraag *met* opmaak", hits)
    assert md.startswith("# vraag *met* opmaak")  # clean text (issue 15): no Markdown escapes in exports
    assert "## [1] B1-K1-W5 Werkt samen" in md and "<script>" not in md
    files = export.write_exports(tmp_path / "out", "vraag", hits)
    assert files.csv.parent == tmp_path / "out" and files.csv.suffix == ".csv"
    assert files.markdown.read_text(encoding="utf-8").startswith("# vraag")
    assert files.csv.read_text(encoding="utf-8-sig").startswith("nr,id,kind")


# --------------------------------------------------------------------------- feedback


def test_feedback_log_path_default_and_env(tmp_path):
    assert feedback.log_path(tmp_path, {}) == tmp_path / "feedback.jsonl"
    assert feedback.log_path(tmp_path, {"ASSISTANT_FEEDBACK_LOG": str(tmp_path / "f.jsonl")}) == tmp_path / "f.jsonl"


def test_feedback_votes_are_appended_as_json_lines(tmp_path):
    path = tmp_path / "sub" / "feedback.jsonl"
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert feedback.append(path, feedback.make_vote("vraag 1", True, ["a", "b"], now))
    assert feedback.append(path, feedback.make_vote("vraag 2", "Dislike", ["c"], now))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["vote"] for line in lines] == ["up", "down"]
    assert json.loads(lines[0]) == {"timestamp": "2026-01-02T03:04:05+00:00", "question": "vraag 1", "vote": "up",
                                    "hit_ids": ["a", "b"]}
    assert feedback.vote_name(False) == "down" and feedback.vote_name("Like") == "up"


def test_feedback_unwritable_log_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not feedback.append(blocker / "feedback.jsonl", feedback.make_vote("q", True, []))


# --------------------------------------------------------------------------- views


def level_chunk(competence: str, level: int, start: int, text: str, **extra) -> Chunk:
    return chunk(id=f"{competence}{level}{extra.get('part', 1)}", kind="competentieniveau", dossier="Sociaalwerker B",
                 dossier_abbr="SWB", version=None, code=None, title=f"{competence} niveau {level}",
                 competence=competence, level=level, location=Location("lines", start, start + 5), text=text,
                 passage=text, **extra)


def test_competence_matrix_cells_hold_description_and_indicators():
    text = "Niveau:\nGeeft ruimte.\nGedragsindicatoren:\n- Geeft vertrouwen.\n- Toont <b>waardering</b>."
    chunks = [
        chunk(id="d", kind="competentie", dossier="Sociaalwerker B", code=None, competence="Coachen",
              text="Definitie:\nAnderen motiveren.", passage="Definitie:\nAnderen motiveren."),
        level_chunk("Coachen", 2, 10, text, part=1, parts=2),
        level_chunk("Coachen", 2, 10, "- Toont waardering.", part=2, parts=2),
        level_chunk("Coachen", 1, 3, "Niveau:\nNiet van toepassing."),
        level_chunk("Plannen", 1, 30, "Niveau:\nPlant.\nGedragsindicatoren:\n- Plant eigen werk."),
    ]
    matrix = views.competence_matrix(chunks, "Sociaalwerker B")
    assert matrix.competences == ("Coachen", "Plannen") and matrix.levels == (1, 2)
    cell = matrix.cells[("Coachen", 2)]
    assert cell.description == "Geeft ruimte."
    assert cell.indicators == ("Geeft vertrouwen.", "Toont <b>waardering</b>.")
    assert matrix.definitions["Coachen"] == "Anderen motiveren."
    html = views.render_matrix(matrix)
    assert html.count('<details class="cel">') == 3
    assert "&lt;b&gt;waardering&lt;/b&gt;" in html
    assert views.profile_documents(chunks) == ("Sociaalwerker B",)


def test_browse_tree_groups_kerntaken_and_werkprocessen_per_part():
    chunks = [
        chunk(id="k1", kind="kerntaak", code="B1-K1", title="Begeleiden"),
        chunk(id="w10", code="B1-K1-W10", title="Tiende", kerntaak_code="B1-K1"),
        chunk(id="w2", code="B1-K1-W2", title="Tweede", kerntaak_code="B1-K1"),
        chunk(id="pk", kind="kerntaak", code="P3-K1", title="Lessen", profile="Onderwijsassistent"),
        chunk(id="pw", code="P3-K1-W1", title="Bereidt voor", kerntaak_code="P3-K1", profile="Onderwijsassistent"),
        chunk(id="other", code="B1-K1-W1", dossier="Ander", kerntaak_code="B1-K1"),
    ]
    parts = views.browse_tree(chunks, "Onderwijsassistent", "2021-08-01")
    assert [p.name for p in parts] == ["Basisdeel", "Profiel: Onderwijsassistent"]
    assert [w.code for w in parts[0].kerntaken[0].werkprocessen] == ["B1-K1-W2", "B1-K1-W10"]
    html = views.render_tree(parts, "OA 2021")
    assert html.count('class="werkproces"') == 3 and html.count('class="kerntaak"') == 2
    assert views.browse_tree(chunks, "Onderwijsassistent", "2015-08-01") == ()


def test_compare_variants_and_word_diff_are_escaped():
    chunks = [
        chunk(id="a", dossier_abbr="OA", text="Hij werkt <b>samen</b> met ouders.",
              passage="Hij werkt <b>samen</b> met ouders."),
        chunk(id="b", dossier="Pedagogisch Medewerker Kinderopvang", dossier_abbr="PMK",
              text="Hij werkt <b>samen</b> met ouders.", passage="Hij werkt <b>samen</b> met ouders."),
        chunk(id="c", dossier="Pedagogisch Werk", dossier_abbr="PW", version="2015-08-01",
              text="Zij werkt samen met ouders.", passage="Zij werkt samen met ouders."),
    ]
    assert views.comparable_codes(chunks) == ("B1-K1-W5",)
    found = views.variants(chunks, "B1-K1-W5")
    assert len(found) == 2 and found[0].also_in == ("PMK 2021-08-01 · basisdeel",)
    left, right = views.word_diff(found[0].passage, found[1].passage)
    assert left.startswith("<del>Hij</del>") and right.startswith("<ins>Zij</ins>")
    assert "&lt;b&gt;samen&lt;/b&gt;" in left and "<b>" not in left
    html = views.render_compare(found[0], found[1])
    assert 'class="vergelijk"' in html and "ook in PMK" in html
    assert views.default_pair(found) == (0, 1)


def test_views_on_the_real_index(built_index):
    from conftest import opened

    chunks = opened(built_index.index_dir).chunks
    matrix = views.competence_matrix(chunks, "Sociaalwerker B")
    assert len(matrix.competences) == 8 and matrix.levels == (1, 2, 3, 4)
    assert all((c, n) in matrix.cells for c in matrix.competences for n in (1, 2, 3, 4))
    assert len(matrix.cells[("Coachen", 2)].indicators) == 5
    parts = views.browse_tree(chunks, "Onderwijsassistent", "2021-08-01")
    codes = [w.code for p in parts for k in p.kerntaken for w in k.werkprocessen]
    assert "P3-K2-W2" in codes and "B1-K1-W5" in codes
    assert "B1-K2-W2" in views.comparable_codes(chunks)
    found = views.variants(chunks, "B1-K2-W2")
    labels = {v.label for v in found} | {a for v in found for a in v.also_in}
    assert {"OA 2021-08-01 · basisdeel", "PW 2015-08-01 · basisdeel"} <= labels
