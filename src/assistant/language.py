"""Telling Dutch from English questions by their function words."""

from __future__ import annotations

import re

_EN = frozenset(
    "the what where which who how does do is are of and in for with to a an at on "
    "show find list give about when should must can i my me there their they".split()
)
_NL = frozenset(
    "de het een wat waar welke wie hoe is zijn van en in voor met bij hoort komt "
    "moet kan ik mijn er hun zij ze wordt worden ook als op aan over".split()
)


def language(text: str) -> str:
    """``"en"`` or ``"nl"`` (Dutch when it is a tie: the users are Dutch)."""
    words = re.findall(r"[a-zA-Z]+", text.lower())
    english = sum(w in _EN for w in words)
    dutch = sum(w in _NL for w in words)
    return "en" if english > dutch else "nl"
