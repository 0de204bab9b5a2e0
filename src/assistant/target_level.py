"""Which level of a competence a role should reach: read from the competency profile's own marking.

A competency profile marks, per role, the level that is wanted (the Sociaalwerker B profile: a colour legend,
"Donkergroen = gewenste competentie"). The answer comes from that marking: the level whose text carries the
legend's mark for "gewenst", or, when no level of the competence carries it (the colours were lost when the
profile was turned into text), that the sources do not say which level is wanted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.model import COMPETENTIENIVEAU, LEGENDA, Chunk

# "welk niveau klantgerichtheid is gewenst?", "op welk niveau moet een sociaalwerker B klantgerichtheid beheersen?",
# "which level of customer focus is required?": a level asked for, and that it is wanted, required or to be reached
_WHICH_LEVEL = re.compile(r"\b(?:welk|welke|wat\s+is\s+het|what|which)\s+(?:[\w-]+\s+){0,3}?(?:niveau|level)\b"
                          r"|\bop\s+welk\s+niveau\b|\bat\s+(?:what|which)\s+level\b")
_WANTED = re.compile(r"\bgewenst\w*|\bvereist\w*|\bverwacht\w*|\bnodig\b|\bbeheers\w*|\bbereiken\b"
                     r"|\b(?:moet|moeten)\b.*\b(?:hebben|halen|beheersen|laten zien|tonen|zitten)\b"
                     r"|\brequired\b|\bexpected\b|\bdesired\b|\bwanted\b|\bneeded\b|\bmaster\b|\breach\b"
                     r"|\b(?:must|should)\b.*\b(?:have|reach|master|show|be at)\b")
_LEVEL_NAMED = re.compile(r"\b(?:niveau|level|nivo)\s*[1-5]\b")
# a legend line that names the mark of the wanted level: "Donkergroen = gewenste competentie"
_LEGEND_WANTED = re.compile(r"^\s*(?P<mark>[^=\n]{2,40}?)\s*=\s*gewenst\w*\b[^\n]*", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class TargetLevel:
    """The wanted level of one competence of one competency profile: the legend line and the levels marked."""

    competence: str
    profile: str
    legend: str
    levels: tuple[int, ...]


def asks_target_level(question: str) -> bool:
    """Whether a question asks which level of a competence is wanted ("welk niveau … is gewenst?")."""
    folded = question.lower()
    if _LEVEL_NAMED.search(folded):  # "… en wat houdt niveau 3 in?": that level itself
        return False
    return _WHICH_LEVEL.search(folded) is not None and _WANTED.search(folded) is not None


def target_level(chunks: Iterable[Chunk], competence: str) -> TargetLevel | None:
    """The wanted level of ``competence`` by the marking of the competency profile that has it (its legend's mark
    for "gewenst" in the level's text); None when that profile has no such legend."""
    chunks = tuple(chunks)
    profile = next((c.dossier for c in chunks if c.kind == COMPETENTIENIVEAU and c.competence == competence), None)
    if profile is None:
        return None
    for chunk in chunks:
        match = _LEGEND_WANTED.search(chunk.text) if chunk.kind == LEGENDA and chunk.dossier == profile else None
        if match:
            mark = re.compile(rf"\b{re.escape(match.group('mark').strip())}\b", re.IGNORECASE)
            levels = sorted({c.level for c in chunks if c.kind == COMPETENTIENIVEAU and c.dossier == profile
                             and c.competence == competence and c.level is not None and mark.search(c.text)})
            return TargetLevel(competence, profile, match.group(0).strip(), tuple(levels))
    return None
