"""The judged theme set (``eval/themes/judged``) and the scorer of the kern list.

``THEMES.json`` fixes the themes, their criterion and the tune/test split; ``werkprocessen.jsonl`` lists the
judged units (key ``ref`` = ``source|dossier|version|profile|code|variant``); each ``<slug>.<A|B|C>.json``
holds one judge's grades (2 = kern, 1 = zijdelings, 0 = geen). Precision of a kern list counts units judged
1 or 2 as right; recall counts the units judged 2 (issue 13). Double-judged themes give the ceiling: F1
between the judges' kern sets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

JUDGED = Path(__file__).resolve().parents[3] / "eval" / "themes" / "judged"


class JudgedSetError(ValueError):
    """A judged file that does not fit the set (the message names the file)."""


@dataclass(frozen=True)
class Theme:
    """One theme of the set."""

    slug: str
    theme: str
    language: str
    split: str
    criterion: str
    batch: int = 1  # 2: second session; 3: fourth round's check; 4: fifth round's check (docs/theme-scan.md)


@dataclass(frozen=True)
class Judgment:
    """One judge's grades for one theme: ref → 0, 1 or 2."""

    slug: str
    judge: str
    grades: Mapping[str, int]
    path: Path

    def kern(self) -> frozenset[str]:
        """Units judged 2."""
        return frozenset(r for r, g in self.grades.items() if g == 2)

    def relevant(self) -> frozenset[str]:
        """Units judged 1 or 2."""
        return frozenset(r for r, g in self.grades.items() if g >= 1)


@dataclass(frozen=True)
class Figures:
    """Precision, recall and F1 of one kern list."""

    listed: int
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_themes(directory: Path = JUDGED) -> tuple[Theme, ...]:
    """The themes of ``THEMES.json``, validated: unique slugs, language ``nl``/``en``, split ``tune``/``test``,
    batch a whole number from 1; a later batch (2: second session, 3 and 4: the fourth and fifth rounds' checks)
    only adds tune themes, so the test split stays the one fixed before any tuning.

    Raises:
        JudgedSetError: naming ``THEMES.json``, the theme and what is wrong.
    """
    data = json.loads((directory / "THEMES.json").read_text(encoding="utf-8"))
    themes, seen = [], set()
    for t in data["themes"]:
        batch = t.get("batch", 1)
        slug = t.get("slug")
        problem = ("a slug seen before" if slug in seen else
                   f"language {t.get('language')!r} (nl or en)" if t.get("language") not in ("nl", "en") else
                   f"split {t.get('split')!r} (tune or test)" if t.get("split") not in ("tune", "test") else
                   f"batch {batch!r} (a whole number from 1)" if type(batch) is not int or batch < 1 else
                   f"a test theme in batch {batch} (later batches add tune themes only)"
                   if batch > 1 and t["split"] == "test" else None)
        if problem:
            raise JudgedSetError(f"THEMES.json: theme {slug!r}: {problem}")
        seen.add(slug)
        themes.append(Theme(slug, t["theme"], t["language"], t["split"], t["criterion"], batch))
    return tuple(themes)


def load_units(directory: Path = JUDGED) -> tuple[str, ...]:
    """The refs of every judged unit (``werkprocessen.jsonl``)."""
    lines = (directory / "werkprocessen.jsonl").read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line)["ref"] for line in lines if line.strip())


def _grades(data: object, path: Path) -> dict[str, int]:
    """Grades from a judge file: ``{"grades"|"judgments"|"units": {ref: g} or [{"ref", "grade"}]}``."""
    items = data
    if isinstance(data, dict):
        for key in ("grades", "judgments", "units"):
            if key in data and not (key == "grades" and isinstance(data[key], dict)
                                    and set(data[key]) <= {"0", "1", "2"}):
                items = data[key]
                break
    if isinstance(items, dict):
        pairs = [(ref, value.get("grade") if isinstance(value, dict) else value) for ref, value in items.items()]
    elif isinstance(items, list):
        pairs = [(item.get("ref"), item.get("grade")) for item in items if isinstance(item, dict)]
    else:
        raise JudgedSetError(f"{path.name}: no grades found")
    grades = {}
    for ref, grade in pairs:
        if not isinstance(ref, str) or grade not in (0, 1, 2, "0", "1", "2"):
            raise JudgedSetError(f"{path.name}: bad entry {ref!r}: grade {grade!r} (must be 0, 1 or 2)")
        grades[ref] = int(grade)
    return grades


def load_judgments(directory: Path = JUDGED, units: Iterable[str] | None = None) -> tuple[Judgment, ...]:
    """Every judge file, validated: known theme, every unit judged exactly once, no unknown refs.

    Raises:
        JudgedSetError: naming the file and what is wrong.
    """
    slugs = {t.slug for t in load_themes(directory)}
    known = set(units if units is not None else load_units(directory))
    found = []
    for path in sorted(directory.glob("*.*.json")):
        slug, _, judge = path.name.removesuffix(".json").rpartition(".")
        if slug not in slugs:
            raise JudgedSetError(f"{path.name}: unknown theme {slug!r}")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise JudgedSetError(f"{path.name}: not JSON ({exc})") from None
        grades = _grades(data, path)
        unknown = set(grades) - known
        missing = known - set(grades)
        if unknown:
            raise JudgedSetError(f"{path.name}: {len(unknown)} unknown refs, e.g. {sorted(unknown)[0]!r}")
        if missing:
            raise JudgedSetError(f"{path.name}: {len(missing)} units not judged, e.g. {sorted(missing)[0]!r}")
        found.append(Judgment(slug, judge, grades, path))
    return tuple(found)


def score_kern(kern: Iterable[str], judgment: Judgment) -> Figures:
    """Precision (units judged 1 or 2 among the kern list), recall (units judged 2 found), F1.

    An empty list has precision 1 and a theme without units judged 2 has recall 1, so an absent theme
    scores 1 when the scan lists nothing or only units judged 1, and less for every unit judged 0.
    """
    listed = set(kern) & set(judgment.grades)
    right = listed & judgment.relevant()
    wanted = judgment.kern()
    precision = len(right) / len(listed) if listed else 1.0  # nothing listed: nothing wrong
    recall = len(listed & wanted) / len(wanted) if wanted else 1.0  # nothing to find: nothing missed
    return Figures(len(listed), precision, recall)


def agreement(first: Judgment, second: Judgment) -> float:
    """F1 between two judges' kern sets, each precision counted as :func:`score_kern` does (the ceiling)."""
    one = score_kern(first.kern(), second)
    other = score_kern(second.kern(), first)
    return mean([one.f1, other.f1])


def macro(values: Iterable[float]) -> float:
    """The mean, 0 for none."""
    values = list(values)
    return mean(values) if values else 0.0
