"""Known names and abbreviations of dossiers and profiles.

Sources give full names; users type abbreviations ("OA", "PMK"). The list is
small and explicit so that it is easy to check and extend.
"""

from __future__ import annotations

import re

# Lower-cased, whitespace-folded full name -> abbreviation.
ABBREVIATIONS: dict[str, str] = {
    "pedagogisch medewerker kinderopvang": "PMK",
    "gespecialiseerd pedagogisch medewerker": "GPM",
    "onderwijsassistent": "OA",
    "pedagogisch werk": "PW",
    "sport & bewegen": "SB",
    "sport en bewegen": "SB",
    "sociaal werk": "SW",
    "sociaalwerker b": "SWB",
    "dienstverlening": "DV",
    "maatschappelijke zorg": "MZ",
}


def fold(name: str) -> str:
    """Lower-case a name and fold its white space."""
    return re.sub(r"\s+", " ", name).strip().lower()


def shared_start(a: str, b: str) -> int:
    """How many first letters two words share (*thuisbegeleiding*, *thuisbegeleider*: 13)."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def alternation(names) -> str:
    """A regex alternation of ``names``, longest first (so the longest name wins), any white space between
    their words."""
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


def abbreviation(name: str | None) -> str | None:
    """The known abbreviation of a dossier or profile name, or None."""
    if not name:
        return None
    return ABBREVIATIONS.get(fold(name))
