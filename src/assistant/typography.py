"""Typography folding: the same wording in other quotes, dashes or white space compares equal.

Used wherever passages are compared: grouping identical passages ("ook in"),
the version diff, coverage and the crosswalk.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2026": "...",
    "\u00ad": None, "\u200b": None, "\ufeff": None,
})
_SPACE = re.compile(r"\s+")
_SPACED_DASH = re.compile(r"\s+-\s*|\s*-\s+")


def normalise_typography(text: str) -> str:
    """Fold quotes, dashes, ellipses and white space; NFC. Wording and case stay.

    A dash with a space on either side gets a space on both. Example: ``"collega’s —om"``
    and ``"collega's - om"`` both become ``"collega's - om"``.
    """
    text = unicodedata.normalize("NFC", text or "").translate(_QUOTES)
    text = _SPACE.sub(" ", text).strip()
    return _SPACED_DASH.sub(" - ", text)


def same_wording(a: str, b: str) -> bool:
    """Whether two passages are identical after folding typography (case and wording count)."""
    return normalise_typography(a) == normalise_typography(b)
