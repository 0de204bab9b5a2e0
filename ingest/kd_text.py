"""Parser for kwalificatiedossier (KD) text: plain-text extracts and PDF text.

A KD extract is a sequence of headings, each followed by body text::

    Inleiding
    KWALIFICATIEDOSSIER
    Pedagogisch Medewerker Kinderopvang (01/08/21)
    Beroepsomschrijving
    Basisdeel (identiek: GPM, PMK en OA)
    B1-K1: Begeleiden van kinderen bij hun ontwikkeling
    B1-K1-WS5: Werkt samen met andere betrokkenen in de omgeving van het kind
    Profieldeel
    P1: Pedagogisch medewerker kinderopvang
    P1-K1: ...
    Vakkennis en vaardigheden
    Wet- en regelgeving

The other parts of a dossier (vakkennis en vaardigheden, wet- en regelgeving,
beroepsvereisten, ontwikkelingen, doorstroom, arbeidsmarktinformatie,
toelichting) are recognised by their headings and become units of those kinds;
a vakkennis unit belongs to the kerntaak it stands under.

:func:`parse_lines` turns numbered :class:`Line` objects (from a text file or
from :mod:`ingest.pdf`) into :class:`Unit` objects. Headings are recognised on
single lines, whatever the blank lines around them; body text is repaired with
:mod:`ingest.textclean` (hyphenation, diacritics, codes, bullets).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.model import (
    ARBEIDSMARKT,
    BEROEPSBESCHRIJVING,
    BEROEPSVEREISTEN,
    DOORSTROOM,
    INLEIDING,
    KERNTAAK,
    ONTWIKKELINGEN,
    PROFIEL,
    TOELICHTING,
    VAKKENNIS,
    WERKPROCES,
    WET_REGELGEVING,
    Line,
    Location,
    ParseError,
    ParseResult,
    Unit,
)
from assistant.names import abbreviation
from ingest.textclean import (
    RAW_CODE,
    clean,
    join_lines,
    normalise_code,
    normalise_codes_in,
    repair_diacritics,
)
from ingest.textfile import read_lines

# Heading kinds that only steer the context and make no unit themselves.
_DOSSIER = "dossier"
_PART = "deel"

_DOSSIER_BARE = re.compile(r"kwalificatiedossier", re.IGNORECASE)
_DOSSIER_ONE_LINE = re.compile(r"(?:Kwalificatiedossier|KWALIFICATIEDOSSIER)[:\s]+(?:mbo\s+)?([A-Z].*)")
_INLEIDING = re.compile(r"inleiding", re.IGNORECASE)
_BEROEP = re.compile(r"beroeps(?:omschrijving|beschrijving)", re.IGNORECASE)
_PART_HEADING = re.compile(r"(basisdeel|profieldeel)\s*(?:\((.*)\))?", re.IGNORECASE)
# Section headings of the other parts of a dossier (as in SBB's PDF layout), by unit kind.
_SECTION_HEADINGS = (
    (VAKKENNIS, re.compile(r"vakkennis en vaardigheden(?: \(?(?:basis|profiel)\w*\)?)?:?", re.IGNORECASE)),
    (WET_REGELGEVING, re.compile(r"wet- en regelgeving:?", re.IGNORECASE)),
    (BEROEPSVEREISTEN, re.compile(r"(?:wettelijke )?beroepsvereisten:?|bijzondere vereisten:?", re.IGNORECASE)),
    (ONTWIKKELINGEN, re.compile(r"ontwikkelingen in de beroepsuitoefening:?", re.IGNORECASE)),
    (DOORSTROOM, re.compile(r"doorstroom(?:mogelijkheden)?:?|ontwikkelmogelijkheden(?: van de beroepsbeoefenaar"
                            r" in het onderwijs)?:?", re.IGNORECASE)),
    (ARBEIDSMARKT, re.compile(r"arbeidsmarktinformatie:?", re.IGNORECASE)),
    (TOELICHTING, re.compile(r"toelichting(?: \w+(?: \w+)?)?:?|generieke onderdelen:?"
                             r"|beroepsspecifieke moderne vreemde talen:?", re.IGNORECASE)),
)
_IDENTIEK = re.compile(r"identiek\s*:?\s*(.+)", re.IGNORECASE)
_PROFILE = re.compile(r"P([0-9]+)\s*:\s*(\S.*)")
_SUBHEADING = re.compile(r"(Omschrijving|Resultaat|Gedrag)\s*(?::\s*(.*))?")
_BULLET = re.compile(r"^[>•●▪◦·\uf0a7\uf0b7\ufffd]\s+")
_SENTENCE_END = re.compile(r"[.:;!?][)\]’'\"”]*$")
_MAX_HEADING_NAME = 100

_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        start=1,
    )
}
_VERSION_NUMERIC = re.compile(r"\(?\b([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4}|[0-9]{2})\b\)?")
_VERSION_WORDS = re.compile(
    r",?\s*\(?(?:geldig\s+)?(?:vanaf|per)\s+([0-9]{1,2})\s+(" + "|".join(_MONTHS) + r")\s+([0-9]{4})\)?",
    re.IGNORECASE,
)
_VERSION_YEAR = re.compile(r",?\s*\(?\b(?:versie|geldig\s+vanaf|vanaf)\s*:?\s*([0-9]{4})\b\)?", re.IGNORECASE)
_TRAILING_YEAR = re.compile(r"\s+\(?((?:19|20)[0-9]{2})\)?$")
_CREBO = re.compile(r"\bcrebo(?:nummer)?s?\s*:?\s*([0-9]{5})\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Heading:
    """One recognised heading line."""

    kind: str
    title: str = ""
    code: str | None = None
    raw_code: str | None = None
    note: str | None = None  # the "identiek" list of a basisdeel heading


@dataclass(frozen=True)
class _Context:
    """What the headings so far say about the units that follow."""

    dossier: str | None = None
    dossier_abbr: str | None = None
    version: str | None = None
    crebo: str | None = None
    part: str | None = None
    identiek: str | None = None
    onderdeel: str | None = None
    profile: str | None = None
    profile_abbr: str | None = None
    kerntaak_code: str | None = None
    kerntaak_title: str | None = None


@dataclass
class _Draft:
    """A unit (or a stretch of text between headings) being collected."""

    heading: _Heading | None
    context: _Context
    start: Line | None
    base: _Context = field(default_factory=_Context)  # the context before the heading
    title_lines: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    needs_title: bool = False  # a bare code heading: the next text line is the title
    title_open: bool = False  # the line right after the heading may continue its title


# --------------------------------------------------------------------- headings


def _strip_noise(text: str) -> str:
    """Remove stray ``|`` OCR artefacts and surrounding white space."""
    return text.replace("|", " ").strip()


def _code_heading(text: str) -> _Heading | None:
    """A kerntaak or werkproces heading such as ``B1-K1-WS5: Werkt samen``."""
    match = RAW_CODE.match(text)
    if not match:
        return None
    rest = text[match.end() :]
    if rest.startswith(":"):
        title = rest[1:].strip()
    elif not rest.strip() or (rest[0].isspace() and rest.strip()[0].isupper()):
        title = rest.strip()
    else:
        return None
    raw = match.group(0)
    kind = WERKPROCES if match.group(4) else KERNTAAK
    return _Heading(kind, title, normalise_code(raw), raw)


def _part_heading(text: str) -> _Heading | None:
    """``Basisdeel`` or ``Profieldeel``, with an optional ``(identiek: ...)`` note."""
    match = _PART_HEADING.fullmatch(text)
    if not match:
        return None
    note = None
    if match.group(2):
        identiek = _IDENTIEK.search(match.group(2))
        if identiek:
            names = re.split(r"\s*(?:,|&|\ben\b)\s*", identiek.group(1))
            note = ", ".join(name for name in names if name)
    return _Heading(_PART, match.group(1).lower(), note=note)


def _classify(text: str) -> _Heading | None:
    """Recognise a heading line; None for body text.

    Args:
        text: one line, already stripped of OCR noise.
    """
    if _DOSSIER_BARE.fullmatch(text):
        return _Heading(_DOSSIER)
    one_line = _DOSSIER_ONE_LINE.fullmatch(text)
    if one_line and len(one_line.group(1)) <= _MAX_HEADING_NAME and not text.endswith("."):
        return _Heading(_DOSSIER, one_line.group(1))
    if _INLEIDING.fullmatch(text):
        return _Heading(INLEIDING, "Inleiding")
    if _BEROEP.fullmatch(text):
        return _Heading(BEROEPSBESCHRIJVING, text)
    part = _part_heading(text)
    if part:
        return part
    profile = _PROFILE.fullmatch(text)
    if profile:
        return _Heading(PROFIEL, profile.group(2).strip(), f"P{profile.group(1)}")
    for kind, pattern in _SECTION_HEADINGS:
        if pattern.fullmatch(text):
            return _Heading(kind, text.rstrip(":").strip())
    return _code_heading(text)


def looks_like(text: str) -> bool:
    """True when the text has KD structure.

    That is a ``KWALIFICATIEDOSSIER`` heading, or at least two kerntaak or
    werkproces headings at line starts.
    """
    codes = 0
    for raw in text.splitlines():
        heading = _classify(_strip_noise(raw))
        if heading is None:
            continue
        if heading.kind == _DOSSIER:
            return True
        if heading.kind in (KERNTAAK, WERKPROCES):
            codes += 1
    return codes >= 2


# ------------------------------------------------------------- dossier names


def _iso_date(day: str, month: int, year: str) -> str:
    """``"1", 8, "21"`` -> ``"2021-08-01"`` (two-digit years are 20yy)."""
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    return f"{full_year:04d}-{month:02d}-{int(day):02d}"


def _find_version(text: str, name_line: bool = False) -> tuple[str | None, str]:
    """The version in a dossier name line (or a line under it), and the rest.

    Accepts ``(01/08/21)`` and ``Geldig vanaf 1 augustus 2021`` (ISO dates),
    ``versie 2021`` (the year only) and, on a name line, a trailing year
    (``Onderwijsassistent 2021``).
    """
    match = _VERSION_NUMERIC.search(text)
    if match and 1 <= int(match.group(2)) <= 12:
        day, month, year = match.groups()
        return _iso_date(day, int(month), year), _cut(text, match)
    match = _VERSION_WORDS.search(text)
    if match:
        day, month, year = match.groups()
        return _iso_date(day, _MONTHS[month.lower()], year), _cut(text, match)
    match = _VERSION_YEAR.search(text) or (_TRAILING_YEAR.search(text) if name_line else None)
    if match:
        return match.group(1), _cut(text, match)
    return None, text


def _cut(text: str, match: re.Match[str]) -> str:
    """The text without the matched part, trailing separators stripped."""
    return (text[: match.start()] + text[match.end() :]).strip(" ,;:-–")


def _dossier_context(name_line: str) -> _Context:
    """A fresh context for a dossier from its name line."""
    version, rest = _find_version(name_line, name_line=True)
    crebo = _CREBO.search(rest)
    if crebo:
        rest = _cut(rest, crebo)
    name = clean(rest) or None
    return _Context(
        dossier=name,
        dossier_abbr=abbreviation(name),
        version=version,
        crebo=crebo.group(1) if crebo else None,
    )


# ------------------------------------------------------------------ body text


def _ends_sentence(text: str) -> bool:
    """True when a line ends a sentence or introduces a list."""
    return bool(_SENTENCE_END.search(text))


def _paragraphs(lines: Iterable[Line]) -> list[tuple[bool, list[str]]]:
    """Group body lines into paragraphs and list items.

    Blank lines and page breaks separate paragraphs, except where the OCR broke
    one sentence: text not ending in ``. : ; ! ?`` followed by a line starting in
    lower case continues the same paragraph. A bulleted line (``> ``, ``•``)
    starts a list item.

    Returns:
        ``(is_item, physical_lines)`` per paragraph, bullets removed.
    """
    result: list[tuple[bool, list[str]]] = []
    gap = False
    page: int | None = None
    for line in lines:
        text = _strip_noise(line.text)
        if line.page != page:
            gap, page = True, line.page
        if not text:
            gap = True
            continue
        bullet = _BULLET.match(text)
        if bullet:
            result.append((True, [text[bullet.end() :]]))
        elif result and (not gap or (not _ends_sentence(result[-1][1][-1]) and text[0].islower())):
            result[-1][1].append(text)
        else:
            result.append((False, [text]))
        gap = False
    return result


def _render(lines: Iterable[Line]) -> str:
    """Body lines as clean text: one paragraph per line, list items as ``- ...``."""
    out = []
    for is_item, physical in _paragraphs(lines):
        text = normalise_codes_in(repair_diacritics(join_lines(physical)))
        if text:
            out.append(f"- {text}" if is_item else text)
    return "\n".join(out)


def _werkproces_sections(lines: Sequence[Line]) -> tuple[tuple[str, str], ...]:
    """Sections of a werkproces body.

    A body with sub-headings ``Omschrijving``, ``Resultaat``, ``Gedrag`` is split
    into those sections; any other body is one ``omschrijving`` section.
    """
    parts: list[tuple[str, list[Line]]] = [("omschrijving", [])]
    for line in lines:
        match = _SUBHEADING.fullmatch(_strip_noise(line.text))
        if match:
            rest = [replace(line, text=match.group(2))] if match.group(2) else []
            parts.append((match.group(1).lower(), rest))
        else:
            parts[-1][1].append(line)
    rendered = ((name, _render(body)) for name, body in parts)
    return tuple((name, text) for name, text in rendered if text)


# ---------------------------------------------------------------- unit making


def _location(lines: Sequence[Line]) -> Location:
    """Pages when the lines carry pages, else the line numbers."""
    first, last = lines[0], lines[-1]
    if first.page is not None and last.page is not None:
        return Location("pages", first.page, last.page)
    return Location("lines", first.number, last.number)


def _where(line: Line) -> str:
    """A short position label for warnings: ``p. 3`` or ``r. 12``."""
    return f"p. {line.page}" if line.page is not None else f"r. {line.number}"


def _extra(heading: _Heading, context: _Context) -> tuple[tuple[str, str], ...]:
    """The ``extra`` facts of a unit: raw code, part, section, identical profiles."""
    facts = []
    if heading.raw_code and heading.raw_code != heading.code:
        facts.append(("raw_code", heading.raw_code))
    if context.part and heading.kind in (KERNTAAK, WERKPROCES, PROFIEL):
        facts.append(("deel", context.part))
        if context.onderdeel:
            facts.append(("onderdeel", context.onderdeel))
        if context.identiek:
            facts.append(("identiek", context.identiek))
    return tuple(facts)


def _make_unit(draft: _Draft, source: str) -> Unit:
    """Turn a finished draft with a unit heading into a :class:`Unit`."""
    heading, context = draft.heading, draft.context
    assert heading is not None and draft.start is not None
    content = [line for line in [draft.start, *draft.title_lines, *draft.body] if _strip_noise(line.text)]
    if heading.kind == WERKPROCES:
        sections = _werkproces_sections(draft.body)
    else:
        body = _render(draft.body)
        sections = (("tekst", body),) if body else ()
    kerntaak_code = kerntaak_title = None
    if heading.kind == WERKPROCES and heading.code:
        kerntaak_code = heading.code.rsplit("-", 1)[0]
        if context.kerntaak_code == kerntaak_code:
            kerntaak_title = context.kerntaak_title
    elif heading.kind == VAKKENNIS:  # the vakkennis of the kerntaak it stands under
        kerntaak_code, kerntaak_title = context.kerntaak_code, context.kerntaak_title
    return Unit(
        kind=heading.kind,
        source=source,
        location=_location(content),
        title=clean(heading.title) or None,
        code=heading.code,
        dossier=context.dossier,
        dossier_abbr=context.dossier_abbr,
        profile=context.profile,
        profile_abbr=context.profile_abbr,
        version=context.version,
        crebo=context.crebo,
        kerntaak_code=kerntaak_code,
        kerntaak_title=kerntaak_title,
        sections=sections,
        extra=_extra(heading, context),
    )


def _context_for(heading: _Heading, context: _Context) -> _Context:
    """The context after a heading: what it sets, and what it ends."""
    if heading.kind == _DOSSIER:
        return _dossier_context(heading.title) if heading.title else _Context()
    if heading.kind == _PART:
        return replace(
            context,
            part=heading.title,
            identiek=heading.note,
            onderdeel=None,
            profile=None,
            profile_abbr=None,
            kerntaak_code=None,
            kerntaak_title=None,
        )
    if heading.kind == PROFIEL:
        title = clean(heading.title)
        return replace(
            context, profile=title, profile_abbr=abbreviation(title), kerntaak_code=None, kerntaak_title=None
        )
    if heading.kind == KERNTAAK:
        return replace(context, kerntaak_code=heading.code, kerntaak_title=clean(heading.title) or None)
    return context


# ------------------------------------------------------------------- the walk


class _Walker:
    """Walks the lines once, keeping the context and the unit being collected."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.context = _Context()
        self.draft = _Draft(None, self.context, None)
        self.units: list[Unit] = []
        self.warnings: list[str] = []
        self.awaiting_name: Line | None = None
        self.structure_seen = False

    def warn(self, line: Line, message: str) -> None:
        """Record one warning about a position in the source."""
        self.warnings.append(f"{self.source}: {_where(line)}: {message}")

    def close(self) -> None:
        """Finish the current draft: make a unit, or use or report loose text."""
        draft = self.draft
        text_lines = [line for line in draft.body if _strip_noise(line.text)]
        kind = draft.heading.kind if draft.heading else None
        if kind == _DOSSIER:
            self._read_preamble(text_lines)
        elif kind == _PART:
            self._read_part_label(text_lines)
        elif kind is not None:
            self.units.append(_make_unit(draft, self.source))
        elif text_lines:
            self.warn(text_lines[0], "tekst buiten een kop genegeerd (text outside any heading ignored)")

    def _read_preamble(self, lines: list[Line]) -> None:
        """Take a version or crebo number from the lines under a dossier name."""
        for line in lines:
            version, _ = _find_version(line.text)
            crebo = _CREBO.search(line.text)
            if version and not self.context.version:
                self.context = replace(self.context, version=version)
            if crebo and not self.context.crebo:
                self.context = replace(self.context, crebo=crebo.group(1))

    def _read_part_label(self, lines: list[Line]) -> None:
        """A single short line under ``Basisdeel`` names the part's section."""
        if len(lines) == 1 and not _ends_sentence(lines[0].text.strip()):
            self.context = replace(self.context, onderdeel=clean(_strip_noise(lines[0].text)))
        elif lines:
            self.warn(lines[0], "tekst onder een deelkop genegeerd (text under a part heading ignored)")

    def _is_repeat(self, heading: _Heading) -> bool:
        """A one-line dossier heading naming the current dossier (a page header left over)."""
        return (
            heading.kind == _DOSSIER
            and bool(heading.title)
            and self.context.dossier is not None
            and _dossier_context(heading.title).dossier == self.context.dossier
        )

    def open(self, heading: _Heading, line: Line) -> None:
        """Close the current draft and start one for a heading."""
        self.close()
        if heading.kind == WERKPROCES and heading.code:
            wanted = heading.code.rsplit("-", 1)[0]
            if self.context.kerntaak_code != wanted:
                self.warn(line, f"werkproces {heading.code} zonder kerntaakkop {wanted} (kerntaak heading missing)")
        base = self.context
        self.context = _context_for(heading, base)
        self.awaiting_name = line if heading.kind == _DOSSIER and not heading.title else None
        self.structure_seen = self.structure_seen or heading.kind in (_DOSSIER, KERNTAAK, WERKPROCES)
        unit_heading = heading.kind in (KERNTAAK, WERKPROCES, PROFIEL)
        self.draft = _Draft(
            heading,
            self.context,
            line,
            base=base,
            needs_title=unit_heading and not heading.title,
            title_open=unit_heading and not _ends_sentence(heading.title),
        )

    def _extend_title(self, line: Line, text: str) -> None:
        """Add a line to the title of the current heading (and to what it sets)."""
        draft = self.draft
        assert draft.heading is not None
        draft.heading = replace(draft.heading, title=join_lines([draft.heading.title, text]))
        self.context = draft.context = _context_for(draft.heading, draft.base)
        draft.title_lines.append(line)
        draft.needs_title = False
        draft.title_open = not _ends_sentence(text)

    def feed(self, line: Line) -> None:
        """Take one line."""
        text = _strip_noise(line.text)
        draft = self.draft
        if not text:
            draft.title_open = False
            draft.body.append(line)
            return
        heading = _classify(text)
        if heading is not None and self._is_repeat(heading):
            return
        if heading is not None:
            if self.awaiting_name is not None:
                self.warn(self.awaiting_name, "dossierkop zonder naam (dossier heading without a name)")
            self.open(heading, line)
        elif self.awaiting_name is not None:
            self.context = draft.context = _dossier_context(text)
            self.awaiting_name = None
        elif draft.needs_title or (draft.title_open and text[0].islower()):
            self._extend_title(line, text)
        else:
            draft.title_open = False
            draft.body.append(line)

    def finish(self) -> ParseResult:
        """Close the last draft and return the result."""
        if self.awaiting_name is not None:
            self.warn(self.awaiting_name, "dossierkop zonder naam (dossier heading without a name)")
        self.close()
        if not self.structure_seen:
            raise ParseError(
                f"{self.source}: geen kwalificatiedossier-structuur gevonden "
                "(no KD structure: no dossier heading or kerntaak/werkproces codes)"
            )
        return ParseResult(units=tuple(self.units), warnings=tuple(self.warnings))


def parse_lines(lines: Sequence[Line], source: str) -> ParseResult:
    """Recognise the KD structure in numbered lines and build the units.

    Args:
        lines: the source lines in order; with ``page`` set for PDFs.
        source: the file name, stored on every unit.

    Returns:
        The units in reading order, with warnings about skipped text.

    Raises:
        ParseError: when the lines hold no dossier heading and no kerntaak or
            werkproces heading.
    """
    walker = _Walker(source)
    for line in lines:
        walker.feed(line)
    return walker.finish()


def parse(path: Path) -> ParseResult:
    """Parse a plain-text KD extract (UTF-8).

    Raises:
        ParseError: for unreadable text or text without KD structure.
    """
    return parse_lines(read_lines(path), path.name)
