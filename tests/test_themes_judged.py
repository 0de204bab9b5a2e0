"""The judged theme set (eval/themes/judged) and the scan's quality floor on it.

The loader must accept every judge file and refuse a broken one; the scorer must count precision over
units judged 1 or 2 and recall over units judged 2; and the scan must stay above the floor measured on the
test themes (docs/theme-scan.md: measured macro F1 0.691, lowest theme 0.458, |en - nl| 0.054, overview
38/38). The floor test reports aggregates only, never a test theme's own figures.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import KD_TEXT

from assistant.themes import ScanSettings, scan
from assistant.themes.judged import (
    JUDGED,
    JudgedSetError,
    Judgment,
    agreement,
    load_judgments,
    load_themes,
    load_units,
    macro,
    score_kern,
)

FLOOR_MACRO_F1 = 0.68  # measured 0.691 on the test themes (second session, run 2; third round, run 3: same)
FLOOR_THEME_F1 = 0.44  # measured 0.458 (the lowest test theme)
FLOOR_LANGUAGE_GAP = 0.06  # measured |en - nl| 0.054 (en 0.722, nl 0.668); the target 0.05 is not met
FLOOR_OVERVIEW = 0.95  # measured 38/38; the target is 0.9
HEADING = re.compile(r"^\s*([BP][1-9I]-K[0-9I]+-W[A-Za-z]?[0-9]+)\s*:")


def kern_refs(result) -> set[str]:
    return {m.judged_ref for a in result.anchors if a.strength == "kern" for m in a.members
            if m.chunk.kind == "werkproces"}


# --------------------------------------------------------------------------- the set itself


def test_the_judged_set_is_complete_and_valid():
    themes = load_themes()
    units = load_units()
    judgments = load_judgments()
    assert len(themes) >= 12 and sum(t.language == "en" for t in themes) >= 3
    assert {t.split for t in themes} == {"tune", "test"}
    assert {t.batch for t in themes} == set(range(1, 24))  # 6-23: the seventh to twentieth sessions' checks
    assert all(t.split == "tune" for t in themes if t.batch > 1)
    assert [sum(t.batch == b for t in themes) for b in range(3, 24)] == [4] * 21
    assert len(set(units)) == len(units) == 176
    judged = {j.slug for j in judgments}
    assert judged == {t.slug for t in themes}, "every theme needs a judge file"
    double = [slug for slug in judged if sum(j.slug == slug for j in judgments) >= 2]
    assert len(double) >= 3
    for judgment in judgments:
        assert set(judgment.grades) == set(units) and set(judgment.grades.values()) <= {0, 1, 2}


def test_the_judged_refs_are_the_index_werkprocessen(index):
    from assistant.themes import corpus_for

    refs = {u.judged_ref for u in corpus_for(index).units if u.chunk.kind == "werkproces"}
    assert refs == set(load_units())


def test_a_broken_judge_file_is_refused_naming_it(tmp_path: Path):
    for name in ("THEMES.json", "werkprocessen.jsonl"):
        shutil.copy(JUDGED / name, tmp_path / name)
    slug = load_themes()[0].slug
    units = load_units()
    good = {"units": [{"ref": ref, "grade": 0, "reason": ""} for ref in units]}
    (tmp_path / f"{slug}.A.json").write_text(json.dumps(good), encoding="utf-8")
    assert len(load_judgments(tmp_path)) == 1
    bad = {"units": [{"ref": ref, "grade": 3} for ref in units]}
    (tmp_path / f"{slug}.B.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(JudgedSetError, match=rf"{slug}\.B\.json.*grade 3"):
        load_judgments(tmp_path)
    short = {"units": [{"ref": ref, "grade": 0} for ref in units[:-1]]}
    (tmp_path / f"{slug}.B.json").write_text(json.dumps(short), encoding="utf-8")
    with pytest.raises(JudgedSetError, match="1 units not judged"):
        load_judgments(tmp_path)
    (tmp_path / f"{slug}.B.json").unlink()
    (tmp_path / "no-such-theme.A.json").write_text(json.dumps(good), encoding="utf-8")
    with pytest.raises(JudgedSetError, match="unknown theme"):
        load_judgments(tmp_path)


def test_a_bad_theme_list_is_refused_naming_it(tmp_path: Path):
    data = json.loads((JUDGED / "THEMES.json").read_text(encoding="utf-8"))
    for change, message in ((dict(batch="3"), "batch '3'"), (dict(batch=0), "batch 0"),
                            (dict(batch=3, split="test"), "test theme in batch 3"), (dict(language="de"), "'de'")):
        broken = {**data, "themes": [{**data["themes"][0], **change}, *data["themes"][1:]]}
        (tmp_path / "THEMES.json").write_text(json.dumps(broken), encoding="utf-8")
        with pytest.raises(JudgedSetError, match=rf"THEMES\.json: theme '{data['themes'][0]['slug']}': .*{message}"):
            load_themes(tmp_path)
    twice = {**data, "themes": [data["themes"][0], *data["themes"]]}
    (tmp_path / "THEMES.json").write_text(json.dumps(twice), encoding="utf-8")
    with pytest.raises(JudgedSetError, match="a slug seen before"):
        load_themes(tmp_path)


def test_the_scorer_counts_ones_as_right_and_twos_as_wanted():
    judgment = Judgment("t", "A", {"a": 2, "b": 2, "c": 1, "d": 0}, Path("t.A.json"))
    figures = score_kern({"a", "c", "d"}, judgment)
    assert figures.precision == pytest.approx(2 / 3) and figures.recall == pytest.approx(1 / 2)
    assert figures.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    absent = Judgment("t", "A", {"a": 0, "b": 1}, Path("t.A.json"))
    assert score_kern(set(), absent).f1 == 1.0  # nothing to find, nothing listed
    assert score_kern({"b"}, absent).f1 == 1.0  # a passing mention listed is not wrong
    assert score_kern({"a"}, absent).f1 == 0.0
    other = Judgment("t", "B", {"a": 2, "b": 1, "c": 2, "d": 0}, Path("t.B.json"))
    assert 0 < agreement(judgment, other) < 1
    assert macro([]) == 0.0


# --------------------------------------------------------------------------- the floor (CI)


def test_test_themes_stay_above_the_floor(index):
    judgments = load_judgments()
    rows = []
    for theme in [t for t in load_themes() if t.split == "test"]:
        result = scan(index, theme.theme, budget=120)
        kern = kern_refs(result)
        f1 = macro(score_kern(kern, j).f1 for j in judgments if j.slug == theme.slug)
        rows.append((theme, f1))
    english = macro(f1 for t, f1 in rows if t.language == "en")
    dutch = macro(f1 for t, f1 in rows if t.language == "nl")
    figures = {"macro": round(macro(f1 for _, f1 in rows), 3), "lowest": round(min(f1 for _, f1 in rows), 3),
               "nl": round(dutch, 3), "en": round(english, 3)}  # aggregates only: never the test themes' own
    assert figures["macro"] >= FLOOR_MACRO_F1, figures
    assert figures["lowest"] >= FLOOR_THEME_F1, figures
    assert abs(english - dutch) <= FLOOR_LANGUAGE_GAP, figures


def test_the_corpus_overview_is_found_as_kern(index):
    lines = KD_TEXT.read_text(encoding="utf-8").splitlines()
    starts = {n for n, line in enumerate(lines, start=1) if HEADING.match(line)}
    result = scan(index, "interprofessioneel samenwerken", budget=120)
    kern = {m.chunk.location.start for a in result.anchors if a.strength == "kern" for m in a.members
            if m.chunk.source == KD_TEXT.name}
    assert len(starts) == 38
    assert len(kern & starts) / len(starts) >= FLOOR_OVERVIEW, sorted(starts - kern)


def test_an_absent_theme_lists_no_kern(index):
    result = scan(index, "duurzaamheid", settings=ScanSettings(), budget=120)
    judged = next(j for j in load_judgments() if j.slug == "duurzaamheid")
    assert not judged.kern()
    assert score_kern(kern_refs(result), judged).precision == 1.0
