"""A small English → Dutch domain glossary for the lexical side of retrieval (and the theme scan).

The dense side is multilingual; BM25 is Dutch. An English question gets the Dutch words of this list added
to its lexical query, so that "external experts" also finds "externe deskundigen". The list is data:
``themes/data/glossary.toml`` (a curriculum specialist can correct an entry without reading Python), loaded
and checked here. Keys are lower-case English phrases (matched on word boundaries, longest first); values
are Dutch words as they appear in dossiers.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

GLOSSARY_FILE = Path(__file__).with_name("themes") / "data" / "glossary.toml"


class GlossaryError(ValueError):
    """The glossary file is not valid (the message names the file and, where known, the line)."""


def parse(text: str, path: Path = GLOSSARY_FILE) -> dict[str, str]:
    """The glossary in ``text``.

    Raises:
        GlossaryError: bad TOML, no ``[glossary]`` table, or an entry that is not lower-case text → text.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(f"{path}: {exc}") from None
    table = data.get("glossary")
    if not isinstance(table, dict) or not table:
        raise GlossaryError(f"{path}: no [glossary] table with entries")
    for key, value in table.items():
        if not isinstance(value, str) or not value.split():
            raise GlossaryError(f"{path}: entry {key!r} needs Dutch words as text")
        if key != key.lower().strip() or not key:
            raise GlossaryError(f"{path}: key {key!r} must be lower-case English")
    return dict(table)


def load(path: Path = GLOSSARY_FILE) -> dict[str, str]:
    """The glossary of ``path`` (the bundled file by default)."""
    return parse(path.read_text(encoding="utf-8"), path)


GLOSSARY: dict[str, str] = load()


def _spaced(phrase: str) -> str:
    """A phrase with its words apart: "after-school care", "after school-care" → "after school care"."""
    return " ".join(w for w in re.split(r"[\s-]+", phrase.lower()) if w)


_KEYS: dict[str, str] = {_spaced(k): k for k in GLOSSARY}  # a phrase with its words apart → its key
_PATTERN = re.compile(  # a phrase's words apart or hyphenated ("foreign language", "foreign-language", "well being")
    r"\b(" + "|".join(r"[\s-]+".join(map(re.escape, spaced.split()))
                       for spaced in sorted(_KEYS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def _key(matched: str) -> str:
    """The glossary key of a matched phrase, however its words were joined."""
    return _KEYS[_spaced(matched)]


def spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, Dutch words)`` for each English word or phrase of ``text`` the glossary knows."""
    return [(m.start(), m.end(), GLOSSARY[_key(m.group(1))]) for m in _PATTERN.finditer(text)]


def expand(query: str) -> tuple[str, ...]:
    """The Dutch glossary terms for the English words and phrases in ``query`` (each once, in order)."""
    terms = [GLOSSARY[_key(m.group(1))] for m in _PATTERN.finditer(query)]
    return tuple(dict.fromkeys(terms))
