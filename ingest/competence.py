"""Parser for a competency profile (competentieprofiel), e.g. "Sociaalwerker B".

The text, as extracted from the PDF, looks like this::

     Sociaalwerker B                      <- document name, repeated as page header
    Kwaliteitsgericht                     <- competence heading
    Hoge eisen stellen aan ... werk;      <- definition (one paragraph)
    \\t Niveau 1                           <- level line
    Past de vastgestelde ...              <- level summary
    \\t\\ufffd Levert verzorgd werk af ...   <- behavioural indicator (bullet)
    <blank>
    ‘goed genoeg’.                        <- its continuation
    ...
    Lichtgroen = groeicompetentie         <- colour legend
    Uitleg niveaus                        <- explanation of the four levels
    Specialisatie:                        <- list of specialisations

The file yields one COMPETENTIE unit per competence, one COMPETENTIENIVEAU unit
per competence and level, and one LEGENDA, UITLEG_NIVEAUS and SPECIALISATIES
unit. Blocks are cut at marker lines ("Niveau N", a legend line, "Uitleg
niveaus", "Specialisatie:"); a competence heading is the paragraph right
before a "Niveau 1" line. Lines equal to the document name are page headers
and are treated as blank lines.

Within a level (and the specialisation list) a line starts a new item when it
is led by a U+FFFD bullet glyph, when it is led by a tab (a bullet whose glyph
was lost) and does not start in lower case, or when it starts with a capital
after a line that ended a sentence. Any other
line continues the item before it, also across blank lines and page headers.
The first item of a level is its summary; the rest are its indicators.

Only :func:`parse` does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.model import (
    COMPETENTIE,
    COMPETENTIENIVEAU,
    LEGENDA,
    SPECIALISATIES,
    UITLEG_NIVEAUS,
    Line,
    Location,
    ParseError,
    ParseResult,
    Unit,
)
from assistant.names import abbreviation
from ingest.textclean import REPLACEMENT_CHAR, clean, join_lines
from ingest.textfile import read_lines

LEVELS = (1, 2, 3, 4)

_LEVEL_LINE = re.compile(r"^\s*Niveau\s+([1-4])\s*$")
_LEGEND_LINE = re.compile(r"^\s*([^\W\d_]+)\s+=\s+(\S.*?)\s*$")
_UITLEG_HEADING = re.compile(r"^\s*Uitleg\s+niveaus?\s*:?\s*$", re.IGNORECASE)
_SPECIALISATIE_HEADING = re.compile(r"^\s*Specialisaties?\s*:?\s*$", re.IGNORECASE)
_UITLEG_ENTRY = re.compile(r"^\s*Niveau\s+([1-4])\s*:\s*(.*)$")
_VERSION = re.compile(r"\bversie\s*:?\s*(\d[\w.\-/]*)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][’'\")]*$")

_COMPETENCE = "competence"
_LEVEL = "level"
_LEGEND = "legend"
_UITLEG = "uitleg"
_SPECIALISATIES = "specialisaties"


@dataclass(frozen=True)
class _Block:
    """A run of lines from one marker line up to the next marker."""

    kind: str
    lines: tuple[Line, ...]
    level: int | None = None


@dataclass(frozen=True)
class _Context:
    """Facts shared by every unit of one file."""

    source: str
    dossier: str
    version: str | None


# --- line classification -------------------------------------------------


def _body(text: str) -> str:
    """A line's text without leading white space and bullet glyphs."""
    return text.replace(REPLACEMENT_CHAR, " ").strip()


def _is_bulleted(text: str) -> bool:
    """True when a line is led by a tab or a bullet glyph."""
    return text.startswith("\t") or text.lstrip().startswith(REPLACEMENT_CHAR)


def _ends_sentence(text: str) -> bool:
    """True when a line ends a sentence ("." "!" "?", maybe before a quote)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def starts_item(text: str, previous: str | None) -> bool:
    """Whether a line starts a new list item rather than continuing the last one.

    Args:
        text: the raw line (tabs and glyphs included).
        previous: the raw previous non-blank line of the list, or None.

    Returns:
        True for the first line, a line led by a bullet glyph, a tab-led line
        that does not start in lower case, and a line starting with a capital
        after a line that ended a sentence; False otherwise.
    """
    body = _body(text)
    if previous is None or text.lstrip().startswith(REPLACEMENT_CHAR):
        return True
    if not body or body[0].islower():
        return False
    if text.startswith("\t"):
        return True
    return body[0].isupper() and _ends_sentence(previous)


def split_items(lines: Sequence[Line]) -> list[list[Line]]:
    """Group the non-blank lines of a list into items (see :func:`starts_item`)."""
    items: list[list[Line]] = []
    previous: str | None = None
    for line in lines:
        if not line.text.strip():
            continue
        if starts_item(line.text, previous) or not items:
            items.append([line])
        else:
            items[-1].append(line)
        previous = line.text
    return items


def item_text(lines: Sequence[Line]) -> str:
    """The clean text of one paragraph or item: joined, glyphs dropped, repaired."""
    return clean(join_lines(line.text for line in lines))


def as_list(items: Sequence[str]) -> str:
    """Items as ``"- a\\n- b"``."""
    return "\n".join(f"- {item}" for item in items)


# --- document structure --------------------------------------------------


def document_name(lines: Sequence[Line]) -> str | None:
    """The profile's name: the first non-blank line, stripped."""
    for line in lines:
        if line.text.strip():
            return " ".join(line.text.split())
    return None


def blank_page_headers(lines: Sequence[Line], header: str) -> list[Line]:
    """The lines with every page header (a line equal to ``header``) made blank.

    The first line, the document name itself, is blanked too: it is no unit's text.
    """
    return [replace(line, text="") if " ".join(line.text.split()) == header else line for line in lines]


def _marker(text: str) -> tuple[str, int | None] | None:
    """The block kind (and level) a line opens, or None."""
    match = _LEVEL_LINE.match(text)
    if match:
        return _LEVEL, int(match.group(1))
    if _UITLEG_HEADING.match(text):
        return _UITLEG, None
    if _SPECIALISATIE_HEADING.match(text):
        return _SPECIALISATIES, None
    if _LEGEND_LINE.match(text):
        return _LEGEND, None
    return None


def _heading_start(lines: Sequence[Line], level_index: int, taken: set[int]) -> int | None:
    """Index of the first line of the paragraph right before a "Niveau 1" line.

    Returns None when there is no such paragraph (or it is a marker or bullet).
    """
    index = level_index - 1
    while index >= 0 and not lines[index].text.strip():
        index -= 1
    start = None
    while index >= 0 and lines[index].text.strip() and index not in taken:
        if _is_bulleted(lines[index].text):
            break
        start = index
        index -= 1
    return start


def _markers(lines: Sequence[Line]) -> list[tuple[int, str, int | None]]:
    """All block starts as (line index, kind, level), in reading order."""
    found: dict[int, tuple[str, int | None]] = {}
    for index, line in enumerate(lines):
        marker = _marker(line.text)
        if marker is None:
            continue
        if marker[0] == _LEGEND and _previous_kind(lines, index) == _LEGEND:
            continue  # one legend block for consecutive legend lines
        found[index] = marker
    for index, (kind, level) in sorted(found.items()):
        if kind == _LEVEL and level == 1:
            start = _heading_start(lines, index, set(found))
            if start is not None:
                found[start] = (_COMPETENCE, None)
    return [(index, kind, level) for index, (kind, level) in sorted(found.items())]


def _previous_kind(lines: Sequence[Line], index: int) -> str | None:
    """The marker kind of the previous non-blank line, if any."""
    for line in reversed(lines[:index]):
        if line.text.strip():
            marker = _marker(line.text)
            return marker[0] if marker else None
    return None


def split_blocks(lines: Sequence[Line]) -> tuple[list[_Block], list[Line]]:
    """Cut the lines into blocks at marker lines.

    Returns:
        The blocks in reading order, and the non-blank lines before the first block.
    """
    markers = _markers(lines)
    blocks = []
    for number, (index, kind, level) in enumerate(markers):
        end = markers[number + 1][0] if number + 1 < len(markers) else len(lines)
        blocks.append(_Block(kind, tuple(lines[index:end]), level))
    first = markers[0][0] if markers else len(lines)
    return blocks, [line for line in lines[:first] if line.text.strip()]


# --- units ----------------------------------------------------------------


def location(lines: Sequence[Line]) -> Location:
    """Pages when the lines carry them, else the first and last non-blank line numbers."""
    filled = [line for line in lines if line.text.strip()] or list(lines)
    first, last = filled[0], filled[-1]
    if first.page is not None and last.page is not None:
        return Location("pages", first.page, last.page)
    return Location("lines", first.number, last.number)


def split_heading(lines: Sequence[Line]) -> tuple[str, str]:
    """A competence block's name and definition.

    The name is the first line plus any following lines that start in lower
    case ("Probleemoplossend" / "vermogen"); the definition is the rest.
    """
    filled = [line for line in lines if line.text.strip()]
    size = 1
    while size < len(filled) and _body(filled[size].text)[:1].islower():
        size += 1
    return item_text(filled[:size]), item_text(filled[size:])


def _unit(context: _Context, kind: str, lines: Sequence[Line]) -> Unit:
    """A unit of ``kind`` over ``lines`` with the file-wide facts filled in."""
    return Unit(
        kind=kind,
        source=context.source,
        location=location(lines),
        dossier=context.dossier,
        dossier_abbr=abbreviation(context.dossier),
        version=context.version,
    )


def competence_unit(context: _Context, block: _Block) -> Unit:
    """The COMPETENTIE unit of a heading block."""
    name, definition = split_heading(block.lines)
    base = _unit(context, COMPETENTIE, block.lines)
    return replace(base, title=name, competence=name, sections=(("definitie", definition),))


def level_unit(context: _Context, block: _Block, competence: str) -> Unit:
    """The COMPETENTIENIVEAU unit of a level block (its first line is "Niveau N")."""
    items = [item_text(item) for item in split_items(block.lines[1:])]
    summary, indicators = (items[0], items[1:]) if items else ("", [])
    return replace(
        _unit(context, COMPETENTIENIVEAU, block.lines),
        title=f"{competence} niveau {block.level}",  # as a question names it: "Klantgerichtheid niveau 2"
        competence=competence,
        level=block.level,
        sections=(("niveau", summary), ("gedragsindicatoren", as_list(indicators))),
    )


def legend_unit(context: _Context, block: _Block) -> Unit:
    """The LEGENDA unit: one line per colour, and each colour as an extra fact."""
    pairs = []
    for line in block.lines:
        match = _LEGEND_LINE.match(line.text)
        if match:
            pairs.append((match.group(1).lower(), clean(match.group(2))))
    text = "\n".join(f"{colour.capitalize()} = {meaning}" for colour, meaning in pairs)
    base = _unit(context, LEGENDA, block.lines)
    return replace(base, title="Legenda", sections=(("tekst", text),), extra=tuple(pairs))


def uitleg_sections(lines: Sequence[Line]) -> tuple[tuple[str, str], ...]:
    """The "Niveau N: ..." paragraphs as sections ("niveau N", text)."""
    entries: list[tuple[int, list[Line]]] = []
    for line in lines:
        match = _UITLEG_ENTRY.match(line.text)
        if match:
            entries.append((int(match.group(1)), [replace(line, text=match.group(2))]))
        elif entries and line.text.strip():
            entries[-1][1].append(line)
    return tuple((f"niveau {level}", item_text(parts)) for level, parts in entries)


def uitleg_unit(context: _Context, block: _Block) -> Unit:
    """The UITLEG_NIVEAUS unit, one section per level."""
    title = " ".join(block.lines[0].text.split()).rstrip(":")
    base = _unit(context, UITLEG_NIVEAUS, block.lines)
    return replace(base, title=title, sections=uitleg_sections(block.lines[1:]))


def specialisaties_unit(context: _Context, block: _Block) -> Unit:
    """The SPECIALISATIES unit, the list as "- item" lines."""
    items = [item_text(item) for item in split_items(block.lines[1:])]
    title = " ".join(block.lines[0].text.split()).rstrip(":").strip()
    base = _unit(context, SPECIALISATIES, block.lines)
    return replace(base, title=title, sections=(("tekst", as_list(items)),))


def _level_warnings(source: str, units: Sequence[Unit]) -> list[str]:
    """A warning per competence whose levels are not exactly 1-4, once each."""
    warnings = []
    competences = dict.fromkeys(unit.competence for unit in units if unit.kind == COMPETENTIE)
    for name in competences:
        levels = sorted(unit.level for unit in units if unit.kind == COMPETENTIENIVEAU and unit.competence == name)
        if tuple(levels) != LEVELS:
            warnings.append(f"{source}: competentie '{name}' heeft niveaus {levels}, verwacht 1-4")
    return warnings


def _units(context: _Context, blocks: Sequence[_Block]) -> tuple[list[Unit], list[str]]:
    """Units and warnings for the blocks of one file."""
    units: list[Unit] = []
    warnings: list[str] = []
    competence: str | None = None
    for block in blocks:
        if block.kind == _COMPETENCE:
            unit = competence_unit(context, block)
            competence = unit.competence
            units.append(unit)
        elif block.kind == _LEVEL and competence is None:
            warnings.append(f"{context.source}: regel {block.lines[0].number}: niveau zonder competentie")
        elif block.kind == _LEVEL and competence is not None:
            units.append(level_unit(context, block, competence))
        elif block.kind == _LEGEND:
            units.append(legend_unit(context, block))
        elif block.kind == _UITLEG:
            units.append(uitleg_unit(context, block))
        elif block.kind == _SPECIALISATIES:
            units.append(specialisaties_unit(context, block))
    return units, warnings + _level_warnings(context.source, units)


def stated_version(lines: Sequence[Line], before: int) -> str | None:
    """The version the document states ("versie 2.1") in its lines numbered below ``before``."""
    for line in lines:
        match = _VERSION.search(line.text) if line.number < before else None
        if match:
            return match.group(1)
    return None


def looks_like(text: str) -> bool:
    """True for a competency profile: lines that are just "Niveau 1" .. "Niveau 4"."""
    levels = [int(m.group(1)) for m in map(_LEVEL_LINE.match, text.splitlines()) if m]
    return set(levels) == set(LEVELS)


def parse_lines(lines: Sequence[Line], source: str) -> ParseResult:
    """Parse the lines of a competency profile into units.

    Args:
        lines: the numbered lines of the file.
        source: the file name, stored in every unit.

    Raises:
        ParseError: when no competence with level lines is found.
    """
    dossier = document_name(lines)
    if dossier is None:
        raise ParseError(f"{source}: leeg bestand (empty file)")
    body = blank_page_headers(lines, dossier)
    blocks, preamble = split_blocks(body)
    if not any(block.kind == _COMPETENCE for block in blocks):
        raise ParseError(
            f"{source}: geen competentieprofiel, geen competentie met 'Niveau 1'-'Niveau 4' gevonden "
            "(not a competency profile)"
        )
    context = _Context(source=source, dossier=dossier, version=stated_version(lines, blocks[0].lines[0].number))
    units, warnings = _units(context, blocks)
    warnings += [f"{source}: regel {line.number}: tekst buiten een onderdeel overgeslagen" for line in preamble]
    return ParseResult(units=tuple(units), warnings=tuple(warnings))


def parse(path: Path) -> ParseResult:
    """Parse a competency profile text file.

    Raises:
        ParseError: for a file that is not UTF-8 text or not a competency profile.
    """
    return parse_lines(read_lines(path), path.name)
