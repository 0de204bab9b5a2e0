"""Limits of the theme scan and the checks that enforce them (one clear line when one is hit).

A theme scan costs about terms × vocabulary: these limits keep one scan under a second and a busy app
responsive (docs/theme-scan.md, "Limits").
"""

from __future__ import annotations

import re
import unicodedata

MAX_THEME_CHARS = 200  # a theme is a phrase or a few, not a text
MAX_PHRASES = 12  # comma-separated phrases in a theme
MAX_TERMS = 80  # terms in an edited term list (the automatic expansion stays below this too)
MAX_TERM_WORDS = 4  # words in one term ("externe deskundigen", "tips en tops")
MAX_TERMS_CHARS = 2000  # the whole edited term list
MATCHER_CACHE = 1024  # compiled term matchers kept per corpus (least recently used dropped first)
SCAN_BUDGET_SECONDS = 10.0  # CPU seconds a scan may use before it stops with a message (normal: under 1 s)

SPLIT_TERMS = re.compile(r"[,;\n]+")


class BadTheme(ValueError):
    """A theme or term list the user must correct; the message is one line."""


class ScanTooSlow(BadTheme):
    """A scan ran over :data:`SCAN_BUDGET_SECONDS`."""


def clean_text(text: str | None, limit: int) -> str:
    """Control, format and surrogate characters removed, white space folded; ``limit`` is checked by the caller.

    A lone surrogate (which cannot be UTF-8) is dropped here, so nothing later can fail on it.
    """
    kept = []
    for char in (text or "")[: limit * 4 + 16]:
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn"):
            kept.append(char)
    return " ".join("".join(kept).split())


def has_letters(text: str) -> bool:
    """Whether ``text`` has a letter of any script."""
    return any(ch.isalpha() for ch in text)


def check_terms_text(raw: str) -> None:
    """The limits of an edited term list as a whole.

    Raises:
        BadTheme: longer than :data:`MAX_TERMS_CHARS` or more than :data:`MAX_TERMS` terms.
    """
    if len(raw) > MAX_TERMS_CHARS:
        raise BadTheme(f"termenlijst te lang: {len(raw)} tekens, hooguit {MAX_TERMS_CHARS} "
                       f"(term list too long: at most {MAX_TERMS_CHARS} characters)")
    count = sum(1 for piece in SPLIT_TERMS.split(raw) if piece.strip())
    if count > MAX_TERMS:
        raise BadTheme(f"te veel termen: {count}, hooguit {MAX_TERMS} (too many terms: at most {MAX_TERMS})")


def check_term_words(term: str) -> None:
    """The words of one term.

    Raises:
        BadTheme: more than :data:`MAX_TERM_WORDS` words.
    """
    count = len([w for w in term.replace("|", " ").split() if not w.startswith("~")])
    if count > MAX_TERM_WORDS:
        raise BadTheme(f"term te lang: {term[:40]!r} heeft {count} woorden, hooguit {MAX_TERM_WORDS} "
                       f"(term too long: at most {MAX_TERM_WORDS} words)")
