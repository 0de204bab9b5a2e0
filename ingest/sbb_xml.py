"""Parser for the official SBB XML export of a 2015 kwalificatiedossier.

An export has a root ``<sbb>`` with the SBB competences (``<competenties>``)
and one or more ``<dossier>`` elements. Each dossier yields:

* one INLEIDING unit (the ``inleiding`` text);
* one BEROEPSBESCHRIJVING unit (the typering van de beroepengroep);
* one KERNTAAK unit per basis kerntaak (``B1-K{n}``) and one WERKPROCES unit
  per basis werkproces (``B1-K{n}-W{m}``), with the per-profile additions
  (``*perprofiel/aanvullend``) attached to the right profile;
* one TOELICHTING unit for the generieke onderdelen;
* per profile (``P{p}``): a PROFIEL unit, its KERNTAAK units (``P{p}-K{n}``)
  and WERKPROCES units (``P{p}-K{n}-W{m}``);
* one VAKKENNIS unit per kerntaak (its *vakkennis en vaardigheden*, basis
  items plus per-profile additions), and one for items no kerntaak names;
* from the *verantwoordingsinformatie*: WET_REGELGEVING, ONTWIKKELINGEN,
  BEROEPSVEREISTEN (wettelijke and, per profile, bijzondere vereisten),
  DOORSTROOM (ontwikkelmogelijkheden), ARBEIDSMARKT and TOELICHTING units
  (moderne vreemde talen, aanvullende informatie).

The dossier's administration (voorblad, brondocumenten, onderhoudsagenda,
wijzigingen, betrokkenen, examenprofielen) stays out (:data:`ADMIN_TAGS`), except
the voorblad's vaststellingsinformatie (when, where and by whom the dossier was
adopted), a TOELICHTING unit "Vaststelling". An
element this parser does not know is kept as a TOELICHTING unit with its text
and reported as a warning; it never makes the file fail.

Locations are the first and last line of the source element (1-based). The
first line comes from lxml's ``sourceline``; the last line is taken from a
second, event-based pass with :mod:`xml.parsers.expat`, which reports the line
of each end tag.

Only :func:`parse` does I/O; :func:`parse_bytes` does the same work on bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.parsers import expat

import lxml.html
from lxml import etree

from assistant.model import (
    ADOPTION_TITLE,
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
    Location,
    ParseError,
    ParseResult,
    Unit,
)
from assistant.names import abbreviation

Sections = tuple[tuple[str, str], ...]
Additions = tuple[tuple[str, Sections], ...]

TYPERING_TITLE = "Typering van de beroepengroep"

# Markup that makes a text HTML: a wrapper, an HTML tag, or an escaped HTML tag.
_HTML_TAGS = (
    r"(?:p|br|ul|ol|li|h[1-6]|div|span|b|i|u|em|strong|font|table|tbody|tr|td|th|a|sup|sub)"
)
_HTML_HINT = re.compile(
    rf"<\s*/?\s*(?:labeltext|xhtml|{_HTML_TAGS})\b|&lt;\s*/?\s*{_HTML_TAGS}\b", re.IGNORECASE
)
_WRAPPER = re.compile(r"<\s*/?\s*(?:labeltext|xhtml)\b[^>]*>", re.IGNORECASE)
_ESCAPED_TAG = re.compile(r"&lt;\s*/?\s*[A-Za-z]")
_ANY_TAG = re.compile(r"<[^>]*>")
_LXML_POSITION = re.compile(r",\s*line \d+,\s*column \d+\s*$")
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tbody",
        "thead",
        "tr",
        "blockquote",
        "section",
        "dl",
        "dt",
        "dd",
    }
)
_BULLET = re.compile(r"^[-\u2010-\u2015\u2022\u00b7\u25aa\u25cf\u2023\u2043*]\s*")

# (part name in additions, element that holds the base text, per-profile element)
_WERKPROCES_PARTS = (
    ("omschrijving", "werkprocesomschrijving", "werkprocesomschrijvingperprofiel"),
    ("resultaat", "werkprocesresultaat", "werkprocesresultaatperprofiel"),
    ("gedrag", "werkprocesgedrag", "werkprocesgedragperprofiel"),
)
_KERNTAAK_PARTS = (
    ("complexiteit", "complexiteit", "complexiteitperprofiel"),
    ("verantwoordelijkheid", "verantwoordelijkheid", "verantwoordelijkheidperprofiel"),
)
_TYPERING_PARTS = (
    ("context", "context"),
    ("beroepshouding", "beroepshouding"),
    ("resultaat van het beroep", "resultaatvanhetberoep"),
)


# --------------------------------------------------------------------------- text


def fold(text: str | None) -> str:
    """Strip a short text (a title) and fold its inner white space to one space."""
    return " ".join((text or "").split())


def clean_text(raw: str | None) -> str:
    """Turn a raw element text (plain, CDATA or HTML) into clean plain text.

    Args:
        raw: the text as it stands in the XML, CDATA already unwrapped.

    Returns:
        Text without markup; spaces folded, no trailing spaces, at most one
        blank line in a row, stripped.
    """
    if not raw:
        return ""
    text = html_to_text(raw) if _HTML_HINT.search(raw) else raw
    return tidy_whitespace(text)


def tidy_whitespace(text: str) -> str:
    """Fold runs of spaces, strip every line and keep at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines: list[str] = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t\f\v]+", " ", line).strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


def html_to_text(markup: str) -> str:
    """Render an HTML fragment (possibly escaped inside ``<labeltext>``) as text.

    Block elements start new lines, ``<li>`` items become ``"- "`` lines and
    inline white space is folded as a browser would.
    """
    markup = _WRAPPER.sub("", markup)
    if _ESCAPED_TAG.search(markup):
        markup = html.unescape(markup)
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.unescape(_ANY_TAG.sub("\n", markup))
    parts: list[str] = []
    _render(root, parts)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line and line != "-")


def _inline(text: str | None) -> str:
    """Fold HTML source white space (newlines included) to single spaces."""
    return re.sub(r"\s+", " ", text or "")


def _render(element: etree._Element, parts: list[str]) -> None:
    """Append the text of ``element`` to ``parts``, with a newline at block edges."""
    if not isinstance(element.tag, str):  # comment or processing instruction
        return
    tag = element.tag.lower()
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if tag == "li":
        parts.append("- ")
    parts.append(_inline(element.text))
    for child in element:
        _render(child, parts)
        parts.append(_inline(child.tail))
    if block:
        parts.append("\n")


def normalise_gedrag(text: str) -> str:
    """Normalise a gedrag list: every item one line that starts with ``"- "``.

    Lines before the first bullet (a lead-in such as ``"De pedagogisch
    werker:"``) are kept; a stray bullet before a lead-in that ends with a
    colon is dropped. A line without a bullet after the first item continues
    that item. When no line has a bullet but the first line ends with a colon,
    each following line is taken as an item.
    """
    lines = [line for line in tidy_whitespace(text).split("\n") if line]
    if not lines:
        return ""
    has_bullets = any(_BULLET.match(line) for line in lines[1:]) or (
        bool(_BULLET.match(lines[0])) and not lines[0].endswith(":")
    )
    lead: list[str] = []
    items: list[str] = []
    for index, line in enumerate(lines):
        bullet = _BULLET.match(line)
        body = line[bullet.end() :].strip() if bullet else line
        if index == 0 and body.endswith(":") and not items:
            lead.append(body)
        elif bullet or (not has_bullets and lead):
            items.append(body)
        elif items:
            items[-1] = f"{items[-1]} {body}"
        else:
            lead.append(body)
    return "\n".join(lead + [f"- {item}" for item in items if item])


def iso_date(value: str | None) -> str | None:
    """Turn an SBB date ``"01-08-2015"`` into ``"2015-08-01"``; None if unreadable."""
    if not value:
        return None
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), pattern).date().isoformat()
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------- XML


def load_tree(data: bytes, source: str) -> etree._ElementTree:
    """Parse the bytes of an SBB export into an lxml tree.

    Raises:
        ParseError: when the file is empty or not well-formed XML.
    """
    if not data.strip().lstrip(b"\xef\xbb\xbf").strip():
        raise ParseError(f"leeg bestand: {source}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        return etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as exc:
        message = _LXML_POSITION.sub("", fold(exc.msg or str(exc))) or "onleesbaar"
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        where = f"regel {line}, kolom {column}" if column else f"regel {line}"
        raise ParseError(f"ongeldige XML in {source}: {message} ({where})") from None
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(f"ongeldige XML in {source}: {fold(str(exc))}") from None


def end_lines(data: bytes) -> list[int] | None:
    """The line of the end tag of every element, in document order.

    Uses expat, which reports the current line at each end tag. Returns None
    when expat cannot read the data.
    """
    parser = expat.ParserCreate()
    ends: list[int] = []
    stack: list[int] = []

    def start(_name: str, _attrs: dict[str, str]) -> None:
        stack.append(len(ends))
        ends.append(0)

    def end(_name: str) -> None:
        ends[stack.pop()] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, ValueError):
        return None
    return ends


class LineMap:
    """Maps lxml elements to their (first line, last line) in the source file."""

    def __init__(self, root: etree._Element, ends: list[int] | None) -> None:
        """Index the elements of ``root`` in document order."""
        elements = list(root.iter(etree.Element))
        self._ends: dict[etree._Element, int] = {}
        self.exact = ends is not None and len(ends) == len(elements)
        if ends is not None and self.exact:
            self._ends = dict(zip(elements, ends, strict=True))

    def location(self, element: etree._Element) -> Location:
        """The ``lines`` location of an element, first to last line."""
        start = element.sourceline or 1
        end = self._ends.get(element)
        if end is None:  # no expat pass: the last line where a descendant starts
            end = max((el.sourceline or start for el in element.iter()), default=start)
        return Location("lines", start, max(start, end))


def own_text(element: etree._Element | None) -> str:
    """The text directly inside an element (not in its children), cleaned."""
    if element is None:
        return ""
    raw = (element.text or "") + "".join(child.tail or "" for child in element)
    return clean_text(raw)


def child_text(element: etree._Element, path: str) -> str:
    """The cleaned own text of the first element at ``path``, or ``""``."""
    return own_text(element.find(path))


def competence_names(root: etree._Element) -> dict[str, str]:
    """SBB competences by ``nr``, as ``"E Samenwerken en overleggen"``."""
    names: dict[str, str] = {}
    for comp in root.iterfind("competenties/competentie"):
        nr = (comp.get("nr") or "").strip()
        if nr:
            names[nr] = fold(f"{comp.get('code') or ''} {comp.get('titel') or ''}")
    return names


def _numbers(elements: Iterable[etree._Element]) -> Iterator[tuple[etree._Element, str]]:
    """Each element with its ``hoofdstuk`` number, or its position when missing."""
    for position, element in enumerate(elements, start=1):
        number = (element.get("hoofdstuk") or "").strip()
        yield element, number if number.isdigit() else str(position)


# --------------------------------------------------------------------------- context


@dataclass
class Context:
    """What every unit of one dossier shares, plus the lookups to resolve refs."""

    source: str
    lines: LineMap
    competences: dict[str, str]
    dossier: str
    dossier_abbr: str | None
    version: str | None
    crebo: str | None
    profiles: dict[str, str] = field(default_factory=dict)
    profile_order: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    knowledge: dict[str, str] = field(default_factory=dict)
    knowledge_used: set[str] = field(default_factory=set)
    profile_facts: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def warn(self, element: etree._Element | None, message: str) -> None:
        """Record a warning with the source line of ``element``."""
        line = element.sourceline if element is not None else None
        where = f"{self.source}, regel {line}" if line else self.source
        self.warnings.append(f"{where}: {message}")

    def unit(self, kind: str, element: etree._Element, **fields: object) -> Unit:
        """A unit with the shared dossier fields filled in."""
        base: dict[str, object] = {
            "source": self.source,
            "dossier": self.dossier,
            "dossier_abbr": self.dossier_abbr,
            "version": self.version,
            "crebo": self.crebo,
        }
        base.update(fields)
        return Unit(kind=kind, location=self.lines.location(element), **base)  # type: ignore[arg-type]

    def profile_title(self, element: etree._Element | None) -> str | None:
        """The title of the profile an ``aanvullend/profiel[@referentie]`` points at."""
        ref = (element.get("referentie") or "").strip() if element is not None else ""
        if not ref:
            self.warn(element, "aanvulling zonder profielverwijzing overgeslagen")
            return None
        if ref not in self.profiles:
            self.warn(element, f"onbekend profiel {ref}")
            return f"profiel {ref}"
        return self.profiles[ref]

    def profile_fields(self, title: str) -> dict[str, str | None]:
        """The Unit fields of a profile known only by its title (crebo and version from the XML)."""
        return dict(self.profile_facts.get(title, {"profile": title, "profile_abbr": abbreviation(title)}))

    def competence_list(self, refs: Iterable[etree._Element]) -> str:
        """Resolve ``competentie[@referentie]`` elements to a sorted, unique list."""
        names: set[str] = set()
        for ref_el in refs:
            ref = (ref_el.get("referentie") or "").strip()
            if ref in self.competences:
                names.add(self.competences[ref])
            elif ref:
                self.warn(ref_el, f"onbekende SBB-competentie {ref}")
        return "; ".join(sorted(names))


def make_context(
    root: etree._Element, dossier: etree._Element, source: str, lines: LineMap
) -> Context:
    """Read the dossier-wide facts: title, crebo, version and the profiles."""
    crebo_el = dossier.find("dossiercrebos/dossiercrebo")
    title = fold(dossier.get("titel")) or fold(dossier.get("nr")) or source
    context = Context(
        source=source,
        lines=lines,
        competences=competence_names(root),
        dossier=title,
        dossier_abbr=abbreviation(title),
        version=iso_date(crebo_el.get("Geldig_vanaf")) if crebo_el is not None else None,
        crebo=(fold(crebo_el.text) or None) if crebo_el is not None else None,
    )
    if context.crebo is None:
        context.warn(dossier, "geen crebo voor het dossier")
    if context.version is None:
        context.warn(
            crebo_el if crebo_el is not None else dossier, "geen geldige Geldig_vanaf-datum"
        )
    for position, profile in enumerate(dossier.iterfind("profielen/profiel")):
        nr = (profile.get("nr") or "").strip()
        if nr:
            context.profiles[nr] = fold(profile.get("titel"))
            context.profile_order[context.profiles[nr]] = position
    context.knowledge = knowledge_items(dossier)
    return context


def knowledge_items(dossier: etree._Element) -> dict[str, str]:
    """The dossier's vakkennis en vaardigheden by ``nr``, in document order."""
    items: dict[str, str] = {}
    for item in dossier.iterfind("kennisenvaardigheden/kennisofvaardigheid"):
        nr = (item.get("nr") or "").strip()
        title = fold(item.get("titel"))
        if nr and title:
            items[nr] = title
    return items


# --------------------------------------------------------------------------- additions


def per_profile(
    context: Context, holder: etree._Element | None, container: str, name: str, gedrag: bool = False
) -> list[tuple[str, str, str]]:
    """The per-profile texts in ``holder/container/aanvullend``.

    Args:
        context: the dossier context (to resolve profile references).
        holder: the element that holds the base text, e.g. ``werkprocesgedrag``.
        container: the per-profile child, e.g. ``werkprocesgedragperprofiel``.
        name: the part name to report, e.g. ``"gedrag"``.
        gedrag: normalise the text as a gedrag list.

    Returns:
        ``(profile title, part name, text)`` for every non-empty addition.
    """
    found: list[tuple[str, str, str]] = []
    if holder is None:
        return found
    for extra in holder.iterfind(f"{container}/aanvullend"):
        text_el = next(
            (el for el in extra if isinstance(el.tag, str) and el.tag != "profiel"), None
        )
        text = own_text(text_el)
        if gedrag:
            text = normalise_gedrag(text)
        if not text:
            continue
        title = context.profile_title(extra.find("profiel"))
        if title:
            found.append((title, name, text))
    return found


def competence_additions(
    context: Context, werkproces: etree._Element
) -> list[tuple[str, str, str]]:
    """Per-profile SBB competences of a basis werkproces, resolved to names."""
    found: list[tuple[str, str, str]] = []
    path = "werkprocescompetenties/werkprocescompetentiesperprofiel/aanvullend"
    for extra in werkproces.iterfind(path):
        names = context.competence_list(extra.iterfind(".//competentie"))
        title = context.profile_title(extra.find("profiel")) if names else None
        if title:
            found.append((title, "sbb_competenties", names))
    return found


def group_additions(
    context: Context, found: Iterable[tuple[str, str, str]], order: Iterable[str]
) -> Additions:
    """Group ``(profile, part, text)`` triples per profile, in profile order.

    Parts keep the order given in ``order``; a repeated part is joined to the
    earlier text with a newline.
    """
    part_rank = {name: rank for rank, name in enumerate(order)}
    grouped: dict[str, dict[str, str]] = {}
    for profile, part, text in found:
        parts = grouped.setdefault(profile, {})
        parts[part] = f"{parts[part]}\n{text}" if part in parts else text
    ranked = sorted(grouped, key=lambda p: context.profile_order.get(p, len(context.profile_order)))
    return tuple(
        (
            profile,
            tuple(sorted(grouped[profile].items(), key=lambda item: part_rank.get(item[0], 99))),
        )
        for profile in ranked
    )


# --------------------------------------------------------------------------- units


def _sections(pairs: Iterable[tuple[str, str]]) -> Sections:
    """Keep only the sections that have text."""
    return tuple((name, text) for name, text in pairs if text)


def typering_unit(context: Context, element: etree._Element) -> Unit:
    """The BEROEPSBESCHRIJVING unit for ``typeringberoepengroep``."""
    sections = _sections(
        (name, child_text(element, f"{tag}/omschrijving")) for name, tag in _TYPERING_PARTS
    )
    return context.unit(
        BEROEPSBESCHRIJVING,
        element,
        title=fold(element.get("titel")) or TYPERING_TITLE,
        sections=sections,
    )


def text_unit(context: Context, kind: str, element: etree._Element, default_title: str) -> Unit:
    """A unit with one ``tekst`` section: the inleiding or the generieke onderdelen."""
    text = child_text(element, "omschrijving") or own_text(element)
    return context.unit(
        kind,
        element,
        title=fold(element.get("titel")) or default_title,
        sections=_sections((("tekst", text),)),
    )


def kerntaak_unit(
    context: Context, element: etree._Element, code: str, profile: Profile | None
) -> Unit:
    """A KERNTAAK unit; basis kerntaken get the per-profile additions."""
    sections = _sections((name, child_text(element, tag)) for name, tag, _ in _KERNTAAK_PARTS)
    additions: Additions = ()
    if profile is None:
        found = [
            item
            for name, tag, container in _KERNTAAK_PARTS
            for item in per_profile(context, element.find(tag), container, name)
        ]
        additions = group_additions(context, found, (name for name, _, _ in _KERNTAAK_PARTS))
    return context.unit(
        KERNTAAK,
        element,
        title=fold(element.get("titel")),
        code=code,
        sections=sections,
        additions=additions,
        **(profile.fields() if profile else {}),
    )


def werkproces_unit(
    context: Context, element: etree._Element, code: str, kerntaak: Unit, profile: Profile | None
) -> Unit:
    """A WERKPROCES unit; basis werkprocessen get the per-profile additions."""
    sections = _sections(
        (
            name,
            normalise_gedrag(child_text(element, tag))
            if name == "gedrag"
            else child_text(element, tag),
        )
        for name, tag, _ in _WERKPROCES_PARTS
    )
    competences = context.competence_list(element.iterfind("werkprocescompetenties/competentie"))
    additions: Additions = ()
    if profile is None:
        found = [
            item
            for name, tag, container in _WERKPROCES_PARTS
            for item in per_profile(
                context, element.find(tag), container, name, gedrag=name == "gedrag"
            )
        ]
        found += competence_additions(context, element)
        order = [name for name, _, _ in _WERKPROCES_PARTS] + ["sbb_competenties"]
        additions = group_additions(context, found, order)
    return context.unit(
        WERKPROCES,
        element,
        title=fold(element.get("titel")),
        code=code,
        kerntaak_code=kerntaak.code,
        kerntaak_title=kerntaak.title,
        sections=sections,
        extra=(("sbb_competenties", competences),) if competences else (),
        additions=additions,
        **(profile.fields() if profile else {}),
    )


# --------------------------------------------------------------------------- vakkennis

VAKKENNIS_TITLE = "Vakkennis en vaardigheden"


def knowledge_list(context: Context, refs: Iterable[etree._Element]) -> str:
    """Resolve ``vakkennisenvaardigheden[@referentie]`` elements to ``"- item"`` lines, in order."""
    lines: list[str] = []
    for ref_el in refs:
        ref = (ref_el.get("referentie") or "").strip()
        if not ref:
            continue
        if ref not in context.knowledge:
            context.warn(ref_el, f"onbekende vakkennis/vaardigheid {ref}")
            continue
        context.knowledge_used.add(ref)
        line = f"- {context.knowledge[ref]}"
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)


def vakkennis_unit(
    context: Context, kerntaak_el: etree._Element, kerntaak: Unit, profile: Profile | None
) -> Unit | None:
    """The VAKKENNIS unit of one kerntaak: its items, plus per-profile additions for the basisdeel."""
    holder = kerntaak_el.find("vakkennisenvaardigheden")
    if holder is None:
        return None
    base = knowledge_list(
        context,
        (el for el in holder.iter("vakkennisenvaardigheden")
         if el.get("referentie") and not any(a.tag == "vakkennisenvaardighedenperprofiel"
                                             for a in el.iterancestors())),
    )
    found: list[tuple[str, str, str]] = []
    for extra in holder.iterfind("vakkennisenvaardighedenperprofiel/aanvullend"):
        text = knowledge_list(context, extra.iter("vakkennisenvaardigheden"))
        title = context.profile_title(extra.find("profiel")) if text else None
        if title:
            found.append((title, "vakkennis", text))
    additions = group_additions(context, found, ("vakkennis",))
    if not base and not additions:
        return None
    return context.unit(
        VAKKENNIS,
        holder,
        title=f"{VAKKENNIS_TITLE} {kerntaak.code}",
        kerntaak_code=kerntaak.code,
        kerntaak_title=kerntaak.title,
        sections=_sections((("tekst", base),)),
        additions=additions,
        **(profile.fields() if profile else {}),
    )


def loose_knowledge_unit(context: Context, dossier: etree._Element) -> Unit | None:
    """Items of the dossier's vakkennis list that no kerntaak names (kept, so nothing is lost)."""
    loose = [title for nr, title in context.knowledge.items() if nr not in context.knowledge_used]
    holder = dossier.find("kennisenvaardigheden")
    if not loose or holder is None:
        return None
    return context.unit(
        VAKKENNIS,
        holder,
        title=f"{VAKKENNIS_TITLE} (niet aan een kerntaak gekoppeld)",
        sections=(("tekst", "\n".join(f"- {item}" for item in loose)),),
    )


# --------------------------------------------------------------------------- verantwoording

# Administration of a dossier: left out of the index and out of the coverage figure.
ADMIN_TAGS = frozenset(
    {"voorblad", "brondocumenten", "onderhoudsagenda", "wijzigingen", "betrokkenen", "examenprofielen",
     "dossiercrebos", "creboinformatie", "categoriekennisenvaardigheden"}
)
# verantwoordingsinformatie children with a text body: tag -> (kind, default title)
_TEXT_PARTS = {
    "arbeidsmarktinformatie": (ARBEIDSMARKT, "Arbeidsmarktinformatie"),
    "wettelijkeberoepsvereisten": (BEROEPSVEREISTEN, "Wettelijke beroepsvereisten"),
    "ontwikkelmogelijkheden": (DOORSTROOM, "Ontwikkelmogelijkheden van de beroepsbeoefenaar in het onderwijs"),
    "aanvullendeinfo": (TOELICHTING, "Aanvullende informatie"),
    "wetenregelgeving": (WET_REGELGEVING, "Wet- en regelgeving"),
    "ontwikkelingenindeberoepsuitoefening": (ONTWIKKELINGEN, "Ontwikkelingen in de beroepsuitoefening"),
}
_KNOWN_DOSSIER_TAGS = frozenset(
    {"kennisenvaardigheden", "inleiding", "basis", "profielen", "verantwoordingsinformatie"}
)


def all_text(element: etree._Element) -> str:
    """Every text inside an element (children included) and the ``titel`` of its children, cleaned."""
    parts: list[str] = []
    for el in element.iter(etree.Element):
        if el is not element and el.get("titel"):
            parts.append(fold(el.get("titel")))
        text = own_text(el)
        if text:
            parts.append(text)
    return "\n".join(parts)


def unknown_unit(context: Context, element: etree._Element, where: str) -> Unit | None:
    """An element this parser does not know: kept as text (TOELICHTING) and reported."""
    context.warn(element, f"onbekend onderdeel <{element.tag}> in {where} als tekst opgenomen")
    text = all_text(element)
    if not text:
        return None
    return context.unit(
        TOELICHTING, element, title=fold(element.get("titel")) or element.tag,
        sections=(("tekst", text),), extra=(("onbekend", element.tag),),
    )


def part_unit(context: Context, element: etree._Element, kind: str, default_title: str) -> Unit | None:
    """A unit with the text body of one verantwoording element, or None when it is empty."""
    text = own_text(element)
    if not text:
        return None
    return context.unit(
        kind, element, title=fold(element.get("titel")) or default_title, sections=(("tekst", text),)
    )


_ADOPTION_FIELDS = (("vastgestelddoor", "Vastgesteld door"), ("vastgesteldop", "Vastgesteld op"),
                    ("vastgesteldte", "Vastgesteld te"))


def adoption_unit(context: Context, element: etree._Element | None) -> Unit | None:
    """When, where and by whom the dossier was adopted (the voorblad's *vaststellingsinformatie*), or None."""
    if element is None:
        return None
    lines = [f"{label}: {value}" for tag, label in _ADOPTION_FIELDS if (value := child_text(element, tag))]
    if not lines:
        return None
    return context.unit(TOELICHTING, element, title=ADOPTION_TITLE, sections=(("tekst", "\n".join(lines)),))


def bijzondere_vereisten_units(context: Context, element: etree._Element) -> list[Unit]:
    """Per profile: whether there are bijzondere vereisten, and which (e.g. a VOG)."""
    units: list[Unit] = []
    title = fold(element.get("titel")) or "Bijzondere vereisten"
    for profile_el in element.iterfind("profiel"):
        profile = context.profile_title(profile_el)
        eisen = child_text(profile_el, "eisen")
        toelichting = child_text(profile_el, "toelichtingvereisten")
        if not profile or not (eisen or toelichting):
            continue
        units.append(context.unit(
            BEROEPSVEREISTEN, profile_el, title=title,
            sections=_sections((("vereisten", eisen), ("toelichting", toelichting))),
            **context.profile_fields(profile),
        ))
    return units


def talen_unit(context: Context, element: etree._Element) -> Unit | None:
    """Beroepsspecifieke moderne vreemde talen: the toelichting and, per profile, language and levels."""
    lines: list[str] = []
    toelichting = child_text(element, "toelichting")
    if toelichting:
        lines.append(toelichting)
    for eis in element.iterfind("taalbeheersingseis"):
        for profile_el in eis.iterfind("profiel"):
            profile = context.profile_title(profile_el) or ""
            for taal in profile_el.iterfind("taal"):
                levels = ", ".join(
                    f"{fold(v.get('titel'))} {fold(v.get('niveau'))}".strip()
                    for v in taal.iterfind("taalvaardigheden/taalvaardigheid")
                )
                lines.append(f"{profile}: {fold(taal.get('titel'))} ({levels})" if levels
                             else f"{profile}: {fold(taal.get('titel'))}")
    if not lines:
        return None
    return context.unit(
        TOELICHTING, element, title=fold(element.get("titel")) or "Beroepsspecifieke moderne vreemde talen",
        sections=(("tekst", "\n".join(lines)),),
    )


def verantwoording_units(context: Context, element: etree._Element) -> list[Unit]:
    """The content parts of ``verantwoordingsinformatie`` (administration left out)."""
    units: list[Unit | None] = []
    for child in element.iter(etree.Element):
        if child is element or child.getparent() not in (element, element.find("trendsenontwikkelingen")):
            continue
        tag = child.tag
        if tag in ADMIN_TAGS or tag == "trendsenontwikkelingen":
            continue
        if tag in _TEXT_PARTS:
            units.append(part_unit(context, child, *_TEXT_PARTS[tag]))
        elif tag == "bijzonderevereisten":
            units.extend(bijzondere_vereisten_units(context, child))
        elif tag == "taalbeheersingseisen":
            units.append(talen_unit(context, child))
        else:
            units.append(unknown_unit(context, child, "verantwoordingsinformatie"))
    return [unit for unit in units if unit is not None]


@dataclass(frozen=True)
class Profile:
    """The facts every unit of one profile carries."""

    title: str
    abbr: str | None
    crebo: str | None
    version: str | None

    def fields(self) -> dict[str, str | None]:
        """The Unit fields that differ for a profile unit."""
        fields = {"profile": self.title, "profile_abbr": self.abbr, "crebo": self.crebo}
        if self.version:
            fields["version"] = self.version
        return fields


def kerntaak_units(
    context: Context,
    kerntaken: Iterable[etree._Element],
    prefix: str,
    werkprocessen: str,
    profile: Profile | None,
) -> list[Unit]:
    """KERNTAAK and WERKPROCES units for a list of kerntaken.

    Args:
        context: the dossier context.
        kerntaken: the ``kerntaak`` elements.
        prefix: the code prefix, ``"B1"`` or ``"P{p}"``.
        werkprocessen: the child that lists the werkprocessen.
        profile: the profile, or None for the basisdeel.
    """
    units: list[Unit] = []
    for kerntaak_el, k in _numbers(kerntaken):
        kerntaak = kerntaak_unit(context, kerntaak_el, f"{prefix}-K{k}", profile)
        units.append(kerntaak)
        vakkennis = vakkennis_unit(context, kerntaak_el, kerntaak, profile)
        if vakkennis is not None:
            units.append(vakkennis)
        for werkproces_el, w in _numbers(kerntaak_el.iterfind(f"{werkprocessen}/werkproces")):
            units.append(
                werkproces_unit(context, werkproces_el, f"{kerntaak.code}-W{w}", kerntaak, profile)
            )
    return units


# profile omschrijving children, other than the typering: tag -> label
_PROFILE_FACTS = (
    ("soortopleiding", "Soort opleiding"),
    ("sbu", "Studiebelastingsuren (SBU)"),
    ("wettelijkeberoepsvereisten", "Wettelijke beroepsvereisten"),
    ("toelichtingwettelijkeberoepsvereisten", "Toelichting wettelijke beroepsvereisten"),
    ("bronwettelijkeberoepsvereisten", "Bron wettelijke beroepsvereisten"),
    ("certificaten", "Certificaten"),
    ("instellingendieaanmogenbieden", "Instellingen die de opleiding aan mogen bieden"),
)


def profile_facts_text(context: Context, element: etree._Element) -> str:
    """The profile's facts beside its typering (soort opleiding, SBU, beroepsvereisten), one per line.

    An unknown child of ``omschrijving`` is kept as a line under its tag name and reported.
    """
    omschrijving = element.find("omschrijving")
    if omschrijving is None:
        return ""
    labels = dict(_PROFILE_FACTS)
    lines: list[str] = []
    for child in omschrijving:
        if not isinstance(child.tag, str) or child.tag == "typeringvanhetberoep":
            continue
        if child.tag not in labels:
            context.warn(child, f"onbekend onderdeel <{child.tag}> in profiel als tekst opgenomen")
        text = all_text(child) if child.tag not in labels else own_text(child)
        if text:
            lines.append(f"{labels.get(child.tag, child.tag)}: {text}")
    return "\n".join(lines)


def profile_units(context: Context, element: etree._Element, number: str) -> list[Unit]:
    """The PROFIEL unit of one profile, then its kerntaken and werkprocessen."""
    title = fold(element.get("titel"))
    crebo_el = element.find("creboinformatie/crebo")
    crebo = fold(crebo_el.text) if crebo_el is not None else ""
    if not crebo:
        context.warn(element, f"geen crebo voor profiel {title}")
    version = iso_date(crebo_el.get("Geldig_vanaf")) if crebo_el is not None else None
    profile = Profile(title=title, abbr=abbreviation(title), crebo=crebo or None, version=version)
    context.profile_facts[title] = profile.fields()
    niveau = fold(element.get("niveau"))
    extra = tuple((name, value) for name, value in (("niveau", niveau), ("crebo", crebo)) if value)
    typering = child_text(element, "omschrijving/typeringvanhetberoep")
    code = f"P{number}"
    units = [
        context.unit(
            PROFIEL,
            element,
            title=title,
            code=code,
            sections=_sections((("typering", typering), ("opleiding", profile_facts_text(context, element)))),
            extra=extra,
            **profile.fields(),
        )
    ]
    kerntaken = element.iterfind("profielkerntaken/kerntaak")
    units += kerntaak_units(context, kerntaken, code, "profielwerkprocessen", profile)
    return units


def dossier_units(context: Context, dossier: etree._Element) -> list[Unit]:
    """All units of one ``<dossier>``, in document order."""
    units: list[Unit] = []
    inleiding = dossier.find("inleiding")
    if inleiding is not None:
        units.append(text_unit(context, INLEIDING, inleiding, "Inleiding"))
    typering = dossier.find("basis/typeringberoepengroep")
    if typering is not None:
        units.append(typering_unit(context, typering))
    basistaken = dossier.find("basis/basistaken")
    if basistaken is not None:
        kerntaken = basistaken.iterfind("basiskerntaken/kerntaak")
        units += kerntaak_units(context, kerntaken, "B1", "basiswerkprocessen", None)
        generiek = basistaken.find("generieke_onderdelen")
        if generiek is not None:
            units.append(text_unit(context, TOELICHTING, generiek, "Generieke onderdelen"))
    for profile_el, number in _numbers(dossier.iterfind("profielen/profiel")):
        units += profile_units(context, profile_el, number)
    loose = loose_knowledge_unit(context, dossier)
    if loose is not None:
        units.append(loose)
    verantwoording = dossier.find("verantwoordingsinformatie")
    if verantwoording is not None:
        units += verantwoording_units(context, verantwoording)
    adoption = adoption_unit(context, dossier.find("voorblad//vaststellingsinformatie"))
    if adoption is not None:
        units.append(adoption)
    units += unknown_units(context, dossier)
    return units


def unknown_units(context: Context, dossier: etree._Element) -> list[Unit]:
    """Units for the children of ``dossier`` and ``basis`` that this parser does not know."""
    known_basis = {"typeringberoepengroep", "basistaken"}
    candidates = [(el, "dossier") for el in dossier
                  if isinstance(el.tag, str) and el.tag not in _KNOWN_DOSSIER_TAGS | ADMIN_TAGS]
    basis = dossier.find("basis")
    if basis is not None:
        candidates += [(el, "basis") for el in basis if isinstance(el.tag, str) and el.tag not in known_basis]
    units = [unknown_unit(context, el, where) for el, where in candidates]
    return [unit for unit in units if unit is not None]


def duplicate_codes(units: Iterable[Unit]) -> list[str]:
    """Codes that occur more than once within one (dossier, profile)."""
    seen: set[tuple[str | None, str | None, str]] = set()
    duplicates: list[str] = []
    for unit in units:
        if unit.code is None:
            continue
        key = (unit.dossier, unit.profile, unit.code)
        if key in seen:
            duplicates.append(unit.code)
        seen.add(key)
    return duplicates


# --------------------------------------------------------------------------- entry points


def parse_bytes(data: bytes, source: str) -> ParseResult:
    """Parse the bytes of an SBB XML export.

    Args:
        data: the file contents.
        source: the file name to put in every unit.

    Returns:
        The units of every dossier in the export, and warnings.

    Raises:
        ParseError: for an empty file, ill-formed XML or XML that is not an
            SBB export (no ``<dossier>``).
    """
    tree = load_tree(data, source)
    root = tree.getroot()
    dossiers = root.findall("dossiers/dossier") or root.findall(".//dossier")
    if not dossiers:
        raise ParseError(
            f"geen SBB-export: geen <dossier> gevonden in {source} (root <{root.tag}>)"
        )
    lines = LineMap(root, end_lines(data))
    units: list[Unit] = []
    warnings: list[str] = []
    if not lines.exact:
        warnings.append(f"{source}: eindregels benaderd (tweede XML-lezing mislukt)")
    for dossier in dossiers:
        context = make_context(root, dossier, source, lines)
        units += dossier_units(context, dossier)
        warnings += context.warnings
    warnings += [f"{source}: dubbele code {code}" for code in duplicate_codes(units)]
    if not any(unit.kind == WERKPROCES for unit in units):
        warnings.append(f"{source}: geen werkprocessen gevonden")
    return ParseResult(units=tuple(units), warnings=tuple(warnings))


def parse(path: Path) -> ParseResult:
    """Parse an official SBB XML export of a 2015 kwalificatiedossier.

    Args:
        path: the XML file.

    Returns:
        The units of the dossier (see the module docstring), and warnings.

    Raises:
        ParseError: when the file cannot be read, is empty, is not well-formed
            XML or is not an SBB export. The message is one line.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"kan {path.name} niet lezen: {fold(exc.strerror or str(exc))}") from None
    return parse_bytes(data, path.name)
