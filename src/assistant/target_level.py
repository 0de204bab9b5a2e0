"""Which level of a competence a role should reach: read from the competency profile's own marking.

A competency profile marks, per role, the level that is wanted (the Sociaalwerker B profile: a colour legend,
"Donkergroen = gewenste competentie"). The answer comes from that marking: the level whose text carries the
legend's mark for "gewenst", or, when no level of the competence carries it (the colours were lost when the
profile was turned into text), that the sources do not say which level is wanted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.model import COMPETENTIENIVEAU, LEGENDA, Chunk

# "welk niveau klantgerichtheid is gewenst?", "op welk niveau moet een sociaalwerker B … beheersen?", "which level
# of customer focus is required?": a level asked for, and that it is wanted, required or to be mastered
_WHICH_LEVEL = re.compile(r"\b(?:welk|welke|wat\s+is\s+het|what|which)\s+(?:[\w-]+\s+){0,3}?(?:niveau|level)\b"
                          r"|\bop\s+welk\s+niveau\b|\bat\s+(?:what|which)\s+level\b")
_WANTED = re.compile(r"\bgewenst\w*|\bvereist\w*|\bverwacht\w*|\bnodig\b|\bbeheers\w*|\bmoet\b"
                     r"|\brequired\b|\bexpected\b|\bdesired\b|\bneeded\b|\bmaster\b|\bmust\b|\bshould\b|\btarget\b")
# a legend line that names the mark of the wanted level: "Donkergroen = gewenste competentie"
_LEGEND_WANTED = re.compile(r"^\s*(?P<mark>[^=\n]{2,40}?)\s*=\s*gewenst\w*\b[^\n]*", re.IGNORECASE | re.MULTILINE)


def asks_target_level(question: str) -> bool:
    """Whether a question asks which level of a competence is wanted ("welk niveau … is gewenst?")."""
    folded = question.lower()
    return _WHICH_LEVEL.search(folded) is not None and _WANTED.search(folded) is not None


def wanted_mark(chunks: Iterable[Chunk]) -> tuple[str, str] | None:
    """(mark, legend line) of the wanted level, from the profile's legend ("donkergroen", "Donkergroen = …")."""
    for chunk in chunks:
        if chunk.kind == LEGENDA:
            match = _LEGEND_WANTED.search(chunk.text)
            if match:
                return match.group("mark").strip().lower(), match.group(0).strip()
    return None


def marked_levels(chunks: Iterable[Chunk], competence: str, mark: str) -> tuple[int, ...]:
    """The levels of ``competence`` whose text carries ``mark``."""
    pattern = re.compile(rf"\b{re.escape(mark)}\b", re.IGNORECASE)
    return tuple(sorted({c.level for c in chunks if c.kind == COMPETENTIENIVEAU and c.competence == competence
                         and c.level is not None and pattern.search(c.text)}))
