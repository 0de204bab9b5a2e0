"""The theme scan's method and limits on the real bundled corpus: Dutch word forms, no matches inside
unrelated words, sense guards from context, Dutch and English themes, the optional thesaurus file, the
limits of issue 16 (term list, cache, time budget, fair lock, lone surrogates) and the designer's outputs.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import Built, invoke, one_line, run_cli

from assistant.settings import Settings
from assistant.themes import BadTheme, Term, corpus_for, parse_terms, scan
from assistant.themes import limits as limits_module
from assistant.themes import thesaurus as thesaurus_module
from assistant.themes.match import matcher, word_variants
from assistant.themes.render import download_name, render_themes, to_csv
from assistant.themes.scan import ScanTooSlow, short_label
from assistant.themes.words import lookalike, same_word, verb_forms

# --------------------------------------------------------------------------- words


def test_verb_forms_and_participles_are_one_term(corpus):
    assert {"evalueert", "geevalueerd"} <= verb_forms("evalueren")
    found = word_variants("evalueren", corpus)
    assert "evalueert" in found and ("geevalueerd" in found or "geevalueerd" not in corpus.vocabulary)
    result = scan(None, "evalueren", terms="evalueren", corpus=corpus, settings=_lexical())
    assert result.anchors, "--terms evalueren must find the units that say 'evalueert'"


@pytest.mark.parametrize(("term", "unrelated"), [("vertrouwelijk", "zelfvertrouwen"), ("doelen", "doelgroep"),
                                                 ("waarden", "voorwaarden"), ("vertrouwelijk", "vertrouwen")])
def test_no_matches_inside_unrelated_words(corpus, term: str, unrelated: str):
    assert unrelated in corpus.vocabulary, f"{unrelated} must be a corpus word for this test to mean anything"
    assert unrelated not in word_variants(term, corpus)


def test_forms_and_compounds_still_match(corpus):
    assert {"overlegt", "overlegvormen"} <= word_variants("overleg", corpus) | word_variants("overleggen", corpus)
    assert "lerarenteam" in word_variants("team", corpus)
    assert {"gezond", "gezonde"} & word_variants("gezondheid", corpus)
    assert same_word("samenwerking", "samenwerken") and not same_word("vertrouwelijk", "vertrouwen")
    assert lookalike("bekwaamheid", "duurzaamheid") and not lookalike("onveiligheid", "veiligheid")


def test_a_verb_term_does_not_match_its_present_participle(index, corpus):
    from assistant.themes import ScanSettings

    assert "voorkomende" in corpus.vocabulary  # *in voorkomende situaties*: occurring, not preventing
    assert "voorkomende" not in word_variants("voorkomen", corpus, participles=False)
    assert "voorkomende" in word_variants("voorkomen", corpus)  # switched off: the old forms
    assert {"voorkomen", "voorkomt"} <= word_variants("voorkomen", corpus, participles=False)
    on = scan(index, "voorkomen", terms="voorkomen")
    off = scan(index, "voorkomen", terms="voorkomen", settings=ScanSettings(participles_apart=False))
    assert not _sentences(on, "voorkomende situaties") and _sentences(off, "voorkomende situaties")
    assert _sentences(on, "zijn waar mogelijk voorkomen")


def test_split_separable_verb(corpus):
    compiled = matcher(corpus, Term("af|stemmen"))
    sentence = next(s for u in corpus.units for s in u.sentences if re.search(r"\bstemt\b.*\baf\b", s.text))
    assert compiled.find(sentence)


# --------------------------------------------------------------------------- sense guards from context


def _lexical():
    from assistant.themes import ScanSettings

    return ScanSettings(near=False, sense=False, feedback=False, dense=False)


def _sentences(result, needle: str) -> list:
    return [s for a in result.anchors for s in a.result.sentences if needle in s.text]


def test_plans_are_not_planning(index):
    result = scan(index, "plannen en organiseren")
    assert not _sentences(result, "presenteert zijn plannen"), "'zijn plannen' is plans, not planning"
    assert _sentences(result, "maakt een planning") or _sentences(result, "Hij maakt een planning")


def test_a_variety_of_tasks_is_not_diversity(index):
    result = scan(index, "diversiteit en inclusie")
    assert not _sentences(result, "diversiteit aan werkzaamheden")
    assert _sentences(result, "diversiteit")


def test_generic_theme_words_do_not_swamp_the_list(index):
    result = scan(index, "methodisch werken")
    assert "werken" not in [t.text for t in result.expansion.terms]
    assert len(result.anchors) < 120


# --------------------------------------------------------------------------- languages and absence


def test_dutch_and_english_theme_give_nearly_the_same_kern_list(index):
    def kern(theme: str) -> set[str]:
        return {m.ref for a in scan(index, theme).anchors if a.strength == "kern" for m in a.members}

    dutch, english = kern("interprofessioneel samenwerken"), kern("interprofessional collaboration")
    assert dutch and len(dutch & english) / len(dutch | english) >= 0.8


def test_english_theme_reaches_dutch_words_by_meaning(index):
    result = scan(index, "working with volunteers")
    words = {t.text for t in result.expansion.terms}
    assert {"vrijwilligers", "vrijwilliger"} & words
    assert result.anchors


def test_absent_theme_is_not_found_and_gets_suggestions(index):
    result = scan(index, "qwxzvbn plorf")
    assert not result.anchors and result.suggestions and result.as_json()["found"] is False


def test_the_result_keeps_the_final_theme_vectors_but_not_in_the_json(index, corpus):
    import numpy as np

    from assistant.themes.vectors import meaning_for

    result = scan(index, "plannen en organiseren")
    meaning = meaning_for(index, corpus)
    assert result.vectors is not None and result.vectors.ndim == 2
    assert np.allclose(np.linalg.norm(result.vectors, axis=1), 1.0, atol=1e-3)
    kern = [a for a in result.anchors if a.strength == "kern"]
    closest = max(float((result.vectors @ meaning.sentence_vector(s.text)).max())
                  for a in kern for s in a.result.sentences)
    assert closest > 0.3  # the vectors are the theme's: its kern sentences lie close to them
    assert "vectors" not in result.as_json() and json.dumps(result.as_json())


def test_a_unit_with_several_sentences_close_in_meaning_is_kern(index):
    from assistant.themes import ScanSettings
    from assistant.themes.score import MEANING

    def kern(result) -> set[str]:
        return {a.unit.ref for a in result.anchors if a.strength == "kern"}

    on = scan(index, "documentation and reporting")
    off = scan(index, "documentation and reporting", settings=ScanSettings(dense_kern=False))
    added = kern(on) - kern(off)
    assert kern(off) <= kern(on) and added
    for anchor in on.anchors:
        if anchor.unit.ref in added:
            assert anchor.result.close >= ScanSettings().dense_kern_sentences
            assert any(MEANING in s.terms for s in anchor.result.sentences)  # the close sentences are shown
    unreachable = scan(index, "documentation and reporting", settings=ScanSettings(dense_kern_min=1.01))
    assert kern(unreachable) == kern(off)


# --------------------------------------------------------------------------- the optional thesaurus file


def test_the_scan_runs_without_the_thesaurus(index):
    from assistant.themes import ScanSettings

    result = scan(index, "interprofessioneel samenwerken", settings=ScanSettings(thesaurus=False))
    assert result.anchors and not any(t.origin.startswith("thesaurus") for t in result.expansion.terms)


def test_a_broken_theme_file_names_file_and_line_and_the_scan_runs(index, tmp_path: Path, monkeypatch):
    broken = tmp_path / "themes.toml"
    broken.write_text('[[theme]]\nname = "x"\ntriggers = ["a",\ncore = oops\n', encoding="utf-8")
    monkeypatch.setenv(thesaurus_module.ENV, str(broken))
    result = scan(index, "interprofessioneel samenwerken")
    assert result.anchors
    note = " ".join(result.notes)
    assert str(broken) in note and re.search(rf"{re.escape(str(broken))}:\d+", note)
    code, out, err = invoke("scan", "veiligheid", "--index", str(index.settings.index_dir))
    assert code == 0 and out and str(broken) in err
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[[theme]]\nname = "y"\ntriggers = "not a list"\n', encoding="utf-8")
    loaded = thesaurus_module.load(wrong)
    assert not loaded.entries and f"{wrong}:2" in loaded.problem


def test_the_bundled_thesaurus_loads():
    loaded = thesaurus_module.load(thesaurus_module.BUNDLED)
    assert loaded.problem is None and {e.name for e in loaded.entries} >= {"samenwerken", "veiligheid"}
    for entry in loaded.entries:
        assert entry.triggers and entry.core
        parse_terms(", ".join(entry.core))  # every pinned term is valid term syntax


# --------------------------------------------------------------------------- limits (issue 16, item 5)


def test_term_list_limits_give_one_clear_line(built_index: Built):
    many = ", ".join(f"woord{i}" for i in range(limits_module.MAX_TERMS + 1))
    with pytest.raises(BadTheme, match="te veel termen"):
        parse_terms(many)
    with pytest.raises(BadTheme, match="term te lang"):
        parse_terms("een twee drie vier vijf zes")
    with pytest.raises(BadTheme, match="termenlijst te lang"):
        parse_terms("overleg, " * 400)
    code, out, err = run_cli("scan", "veiligheid", "--terms", many, "--index", str(built_index.index_dir))
    assert code == 2 and not out and "te veel termen" in one_line(err)


def test_longest_allowed_term_list_scans_within_the_budget(index):
    vocabulary = sorted(w for w in corpus_for(index).vocabulary if len(w) >= 6)[: limits_module.MAX_TERMS]
    terms = ", ".join(vocabulary)[: limits_module.MAX_TERMS_CHARS].rpartition(",")[0]
    started = time.perf_counter()
    result = scan(index, "veiligheid", terms=terms)
    assert result.anchors and time.perf_counter() - started < limits_module.SCAN_BUDGET_SECONDS


def test_the_matcher_cache_is_bounded(index, monkeypatch):
    corpus = corpus_for(index)
    monkeypatch.setattr("assistant.themes.corpus.MATCHER_CACHE", 20)
    for i in range(60):
        scan(index, "veiligheid", terms=f"veiligheid{i}, risico{i}", corpus=corpus)
    assert corpus.cache_size <= 20


def test_a_scan_over_its_time_budget_stops_with_a_message(index):
    with pytest.raises(ScanTooSlow, match="scan"):
        scan(index, "veiligheid", budget=0.0)


def test_a_scan_takes_the_search_lock_in_slices(index):
    class CountingLock:
        def __init__(self):
            self.lock = threading.Lock()
            self.turns = 0

        def __enter__(self):
            self.lock.acquire()
            self.turns += 1

        def __exit__(self, *exc):
            self.lock.release()

    lock = CountingLock()
    scan(index, "veiligheid", lock=lock)
    assert lock.turns > len(corpus_for(index).units) // 64, "the lock must be released between slices"
    waited: list[float] = []

    def search_meanwhile():
        time.sleep(0.05)
        started = time.perf_counter()
        with lock:
            waited.append(time.perf_counter() - started)

    other = threading.Thread(target=search_meanwhile)
    other.start()
    scan(index, "interprofessioneel samenwerken", lock=lock)
    other.join()
    assert waited and waited[0] < 1.0


@pytest.fixture(scope="module")
def assistant_app(built_index: Built):
    from assistant.webapp import Assistant

    return Assistant(Settings(index_dir=built_index.index_dir, embedder="use"))


def test_a_lone_surrogate_in_the_terms_box_gets_a_friendly_answer(assistant_app):
    from assistant.webapp import themescan_handler

    markdown, terms, md_path, _ = themescan_handler(assistant_app, "veiligheid", "veilig\ud800heid, risico", "", "",
                                                    use_terms=True)
    terms.encode("utf-8")  # what goes back to the browser must be valid UTF-8
    markdown.encode("utf-8")
    assert md_path and "Themascan" in markdown
    message, *_ = themescan_handler(assistant_app, "\ud800", "", "", "")
    message.encode("utf-8")
    assert "leeg thema" in message or "geen" in message


def test_the_tab_has_a_profile_filter(assistant_app):
    from assistant.webapp import themescan_handler

    markdown, *_ = themescan_handler(assistant_app, "veiligheid", "", "", "", False, "Onderwijsassistent")
    assert "profile Onderwijsassistent" in markdown
    bad, *_ = themescan_handler(assistant_app, "veiligheid", "", "", "", False, "Geen Bestaand Profiel")
    assert bad.startswith("**")


# --------------------------------------------------------------------------- outputs for designers


def test_download_names_say_theme_and_date(assistant_app):
    from assistant.webapp import themescan_handler

    assert download_name("Privacy & vertrouwelijkheid", date(2026, 12, 1)).startswith(
        "themascan-privacy-vertrouwelijkheid-2026-12-01-")
    _, _, md_path, csv_path = themescan_handler(assistant_app, "veiligheid", "", "", "")
    today = date.today().isoformat()
    assert Path(md_path).name.startswith(f"themascan-veiligheid-{today}-")
    assert Path(csv_path).name.startswith(f"themascan-veiligheid-{today}-")


def test_csv_labels_profile_additions_and_names_dossiers_one_way(index):
    result = scan(index, "interprofessioneel samenwerken")
    rows = list(csv.DictReader(io.StringIO(to_csv(result))))
    parts = {r["part"] for r in rows}
    assert "basisdeel" in parts and any(p.startswith("profieldeel ") for p in parts)
    additions = [r for r in rows if r["part"].startswith("aanvulling ")]
    variants = [a for a in result.anchors if a.chunk.variant and a.chunk.profile]
    assert len(additions) == len(variants)
    names = {short_label(u.chunk) for u in corpus_for(index).units}  # the one naming of dossiers
    also = {label for r in rows for label in r["also_in"].split(", ") if label}
    assert also and also <= names
    assert {r["dossier_label"] for r in rows} <= names


def test_markdown_shows_kerntaak_titles_beside_codes(index):
    result = scan(index, "interprofessioneel samenwerken")
    from assistant.themes.render import render_markdown

    text = render_markdown(result)
    assert "Kerntaken: " in text and "**B1-K1** Begeleiden van kinderen bij hun ontwikkeling (PMK 2021" in text
    assert "· kerntaak B1-K1 Begeleiden van kinderen bij hun ontwikkeling" in text


def test_several_themes_give_a_werkproces_by_theme_matrix(index, built_index: Built, tmp_path: Path):
    results = [scan(index, t) for t in ("veiligheid", "working with volunteers")]
    data = json.loads(render_themes(results, "json"))
    assert data["themes"] == ["veiligheid", "working with volunteers"]
    assert data["rows"] and all(len(r["labels"]) == 2 for r in data["rows"])
    assert all(set(r["labels"]) <= {"kern", "zijdelings", ""} and any(r["labels"]) for r in data["rows"])
    path = tmp_path / "matrix.csv"
    code, _, err = invoke("scan", "veiligheid", "working with volunteers", "--format", "csv", "-o", str(path),
                            "--index", str(built_index.index_dir))
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][-2:] == ["veiligheid", "working with volunteers"] and len(rows) == len(data["rows"]) + 1


def test_scan_help_has_an_example():
    code, out, _ = invoke("scan", "--help")
    assert code == 0 and "Example:" in out and "assistant scan" in out


# --------------------------------------------------------------------------- the glossary data file


def test_the_glossary_file_loads_and_is_checked(tmp_path: Path):
    from assistant import glossary

    assert len(glossary.GLOSSARY) > 300 and glossary.GLOSSARY["external experts"] == "externe deskundigen"
    assert "samenwerking" in " ".join(glossary.expand("collaboration with external experts"))
    assert glossary.expand("samenwerken met collega's") == ()  # Dutch words are not glossary keys
    for text, problem in [('[glossary]\n"Bad Key" = "x"\n', "lower-case"), ('[glossary]\n"a" = ""\n', "Dutch words"),
                          ("[glossary\n", "glossary.toml"), ("[other]\n", "no [glossary]")]:
        with pytest.raises(glossary.GlossaryError, match=re.escape(problem)):
            glossary.parse(text, tmp_path / "glossary.toml")


def test_meaning_vectors_are_cached_beside_the_index_and_bounded(index, tmp_path: Path):
    from assistant.themes import vectors

    cache = Path(index.settings.index_dir) / "cache"
    assert list(cache.glob("themescan-*.npz")), "the first scan writes its vectors beside the index"
    for i in range(vectors.KEEP_CACHES + 2):
        (cache / f"themescan-old-{i}.npz").write_bytes(b"x")
        time.sleep(0.01)
    corpus = corpus_for(index)
    corpus.meaning = None
    for stale in cache.glob("themescan-use*.npz"):
        stale.unlink()
    vectors.meaning_for(index, corpus)
    assert len(list(cache.glob("themescan-*.npz"))) == vectors.KEEP_CACHES
