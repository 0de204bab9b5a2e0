"""The optional theme thesaurus: a TOML file a school can edit to pin a theme's terms.

The scan works without it. A file with an error is reported (file and line) and left out; the scan
runs on. The bundled file is ``themes/data/thesaurus.toml``; ``ASSISTANT_THEMES_FILE`` names another.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BUNDLED = Path(__file__).with_name("data") / "thesaurus.toml"
ENV = "ASSISTANT_THEMES_FILE"
_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class ThemeEntry:
    """One theme of the thesaurus.

    ``triggers`` call the entry up (compared at stem level, or as a phrase); ``core`` terms carry the
    theme on their own, ``context`` terms only together (weight 0.5); ``exclude`` words never count.
    """

    name: str
    triggers: tuple[str, ...]
    core: tuple[str, ...]
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Thesaurus:
    """The entries of one file, and the problem that kept it out (one line, naming file and line)."""

    entries: tuple[ThemeEntry, ...] = ()
    path: Path | None = None
    problem: str | None = None


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where} moet een lijst van teksten zijn (must be a list of strings)")
    return tuple(v.strip() for v in value if v.strip())


def _line_of(text: str, name: str) -> int:
    """The line of the entry named ``name`` (for a message), or 0."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*name\s*=\s*['\"]{re.escape(name)}['\"]", line):
            return number
    return 0


def parse(text: str, path: Path) -> Thesaurus:
    """The thesaurus in ``text``; a syntax or schema error gives an empty one with a one-line problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _LINE.search(str(exc))
        where = f"{path}:{found.group(1)}" if found else str(path)
        reason = _LINE.sub("", str(exc)).strip()
        return Thesaurus((), path, f"themabestand {where}: {reason} (theme file has an error; scan runs without it)")
    entries = []
    themes = data.get("theme", [])
    if not isinstance(themes, list):
        return Thesaurus((), path, f"themabestand {path}: 'theme' moet [[theme]]-blokken bevatten "
                                   f"(theme file has an error; scan runs without it)")
    for number, item in enumerate(themes, start=1):
        name = item.get("name") if isinstance(item, dict) else None
        try:
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"thema {number} heeft geen name (no name)")
            entries.append(ThemeEntry(
                name=name.strip(),
                triggers=_strings(item.get("triggers", []), f"{name}.triggers"),
                core=_strings(item.get("core", []), f"{name}.core"),
                context=_strings(item.get("context", []), f"{name}.context"),
                exclude=_strings(item.get("exclude", []), f"{name}.exclude"),
            ))
        except ValueError as exc:
            line = _line_of(text, name) if isinstance(name, str) else 0
            where = f"{path}:{line}" if line else str(path)
            return Thesaurus((), path, f"themabestand {where}: {exc} (theme file has an error; scan runs without it)")
    return Thesaurus(tuple(entries), path, None)


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> Thesaurus:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Thesaurus((), file, f"themabestand {file} onleesbaar: {type(exc).__name__} (scan runs without it)")
    return parse(text, file)


def load(path: Path | None = None) -> Thesaurus:
    """The thesaurus of ``path``, else of ``$ASSISTANT_THEMES_FILE``, else the bundled one (re-read when changed)."""
    chosen = Path(path or os.environ.get(ENV) or BUNDLED)
    try:
        mtime = chosen.stat().st_mtime_ns
    except OSError:
        return Thesaurus((), chosen, f"themabestand {chosen} bestaat niet (theme file not found; scan runs without it)")
    return _load(str(chosen), mtime)
