"""Views beyond the chat, as pure functions over the index's chunks.

* **Competentiematrix**: competence × niveau for a competency profile, each cell with
  its level description and gedragsindicatoren.
* **Bladeren**: a dossier version as a tree: part (basisdeel / profiel) → kerntaak →
  werkproces, each opening its passage.
* **Vergelijken**: a werkproces beside its counterpart in another version (paired by
  content through ``assistant.crosswalk``, not by code) or the same code in another
  profile, with word-level differences marked; typography does not count, and a part
  an extract lacks reads "niet in het extract", not as removed.

Data functions return frozen dataclasses; ``render_*`` functions turn them into
HTML in which every piece of document text is escaped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.answer import escape_html, html_lines
from assistant.model import (
    ARBEIDSMARKT,
    BEROEPSVEREISTEN,
    COMPETENTIE,
    COMPETENTIENIVEAU,
    DOORSTROOM,
    KERNTAAK,
    ONTWIKKELINGEN,
    PROFIEL,
    TOELICHTING,
    VAKKENNIS,
    WERKPROCES,
    WET_REGELGEVING,
    Chunk,
)
from assistant.typography import normalise_typography

BASISDEEL = "Basisdeel"


@dataclass(frozen=True)
class UnitView:
    """One whole unit (all parts of a split unit joined), with its first chunk's metadata."""

    chunk: Chunk
    passage: str

    @property
    def where(self) -> str:
        """``file r. a-b``."""
        return f"{self.chunk.source} {self.chunk.location.label()}"


def units(chunks: Iterable[Chunk]) -> tuple[UnitView, ...]:
    """Chunks joined per unit (``unit_key``), in index order."""
    seen: dict[str, UnitView] = {}
    for chunk in chunks:
        if chunk.unit_key not in seen:
            seen[chunk.unit_key] = UnitView(chunk, chunk.passage or chunk.text)
    return tuple(seen.values())


# --------------------------------------------------------------------------- competence matrix


@dataclass(frozen=True)
class Cell:
    """One competence at one level."""

    competence: str
    level: int
    description: str
    indicators: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class Matrix:
    """Competence × level for one competency profile document."""

    dossier: str
    competences: tuple[str, ...]
    definitions: dict[str, str]
    levels: tuple[int, ...]
    cells: dict[tuple[str, int], Cell]


_HEADER = re.compile(r"^\s*([^\W\d_][\w ]{2,40}):\s*$")


def sections(text: str) -> dict[str, list[str]]:
    """Lines of a passage under headers like ``Niveau:`` (lower-cased keys; ``""`` before any)."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match:
            current = match.group(1).strip().lower()
            found.setdefault(current, [])
        elif line.strip():
            found[current].append(line.strip())
    return found


def split_level(text: str) -> tuple[str, tuple[str, ...]]:
    """A level passage as (description, indicators)."""
    parts = sections(text)
    indicators = tuple(
        line.removeprefix("- ").removeprefix("\ufffd").strip()
        for key, lines in parts.items() if key.startswith("gedragsindicator") for line in lines
    )
    description = " ".join(parts.get("niveau", []) or parts[""])
    if not indicators and not parts.get("niveau"):
        description = " ".join(line for line in parts[""] if not line.startswith("- "))
        indicators = tuple(line.removeprefix("- ") for line in parts[""] if line.startswith("- "))
    return description, indicators


def profile_documents(chunks: Iterable[Chunk]) -> tuple[str, ...]:
    """Names of the documents that hold competence levels (competency profiles)."""
    return tuple(dict.fromkeys(c.dossier for c in chunks if c.kind == COMPETENTIENIVEAU and c.dossier))


def competence_matrix(chunks: Iterable[Chunk], dossier: str) -> Matrix:
    """The competence × level matrix of one competency profile document (source order)."""
    competences: list[str] = []
    definitions: dict[str, str] = {}
    cells: dict[tuple[str, int], Cell] = {}
    for unit in units(c for c in chunks if c.dossier == dossier):
        c = unit.chunk
        if not c.competence:
            continue
        if c.competence not in competences:
            competences.append(c.competence)
        if c.kind == COMPETENTIE:
            definitions[c.competence] = " ".join(sections(unit.passage).get("definitie", []) or
                                                 unit.passage.split("\n"))
        elif c.kind == COMPETENTIENIVEAU and c.level is not None:
            description, indicators = split_level(unit.passage)
            cells[(c.competence, c.level)] = Cell(c.competence, c.level, description, indicators, unit.where)
    levels = tuple(sorted({level for _, level in cells}))
    return Matrix(dossier, tuple(competences), definitions, levels, cells)


def render_matrix(matrix: Matrix) -> str:
    """The matrix as an HTML table in a scrollable region; each cell is a ``<details>`` that opens its indicators.

    The competence's definition is printed under its name (not a hover title, which touch cannot open).
    Every cell carries its level as ``data-label``, so that on a narrow screen the stylesheet can show
    each competence as a card with labelled levels instead of a wide table.
    """
    if not matrix.cells:
        return "<p>Geen competentieniveaus gevonden.</p>"
    head = "".join(f'<th scope="col">Niveau {level}</th>' for level in matrix.levels)
    rows = []
    for competence in matrix.competences:
        definition = matrix.definitions.get(competence, "")
        tds = []
        for level in matrix.levels:
            cell = matrix.cells.get((competence, level))
            if cell is None:
                tds.append("<td></td>")
                continue
            items = "".join(f"<li>{escape_html(i)}</li>" for i in cell.indicators)
            tds.append(
                f'<td data-label="Niveau {level}"><details class="cel"><summary>'
                f'{escape_html(cell.description or f"Niveau {level}")}'
                f"</summary><ul>{items}</ul><small>{escape_html(cell.where)}</small></details></td>"
            )
        shown = f'<span class="definitie">{escape_html(definition)}</span>' if definition else ""
        rows.append(f'<tr><th scope="row">{escape_html(competence)}{shown}</th>{"".join(tds)}</tr>')
    title = escape_html(matrix.dossier)
    return (f'<div class="matrix-wrap" role="region" tabindex="0" aria-label="{title}: competentie × niveau">'
            f'<table class="matrix"><caption>{title}: competentie × niveau '
            f"(open een niveau voor de gedragsindicatoren)</caption>"
            f'<thead><tr><th scope="col">Competentie</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"</div>")


# --------------------------------------------------------------------------- browse tree


@dataclass(frozen=True)
class Node:
    """A werkproces (or a kerntaak) in the tree."""

    code: str
    title: str
    passage: str
    where: str


@dataclass(frozen=True)
class KerntaakNode:
    """A kerntaak with its werkprocessen."""

    node: Node
    werkprocessen: tuple[Node, ...]


@dataclass(frozen=True)
class Part:
    """The basisdeel or one profile of a dossier version."""

    name: str
    kerntaken: tuple[KerntaakNode, ...]


def dossiers(chunks: Iterable[Chunk]) -> tuple[tuple[str, str], ...]:
    """(dossier, version) pairs that have kerntaken or werkprocessen, in index order."""
    return tuple(dict.fromkeys(
        (c.dossier, c.version or "") for c in chunks if c.dossier and c.kind in (KERNTAAK, WERKPROCES)
    ))


def _node(unit: UnitView) -> Node:
    c = unit.chunk
    return Node(c.code or "", c.title or "", unit.passage, unit.where)


def _code_key(code: str) -> tuple:
    return tuple(int(n) if n.isdigit() else n for n in re.findall(r"\d+|\D+", code or ""))


def browse_tree(chunks: Iterable[Chunk], dossier: str, version: str = "") -> tuple[Part, ...]:
    """A dossier version as parts → kerntaken → werkprocessen, sorted by code."""
    wanted = [u for u in units(chunks)
              if u.chunk.dossier == dossier and (u.chunk.version or "") == (version or "")
              and u.chunk.kind in (KERNTAAK, WERKPROCES, PROFIEL)]
    profiles = list(dict.fromkeys(u.chunk.profile for u in wanted))
    profiles.sort(key=lambda p: (p is not None, p or ""))
    parts = []
    for profile in profiles:
        mine = [u for u in wanted if u.chunk.profile == profile]
        tasks = {u.chunk.code: u for u in mine if u.chunk.kind == KERNTAAK and u.chunk.code}
        processes: dict[str, list[UnitView]] = {}
        for u in mine:
            if u.chunk.kind == WERKPROCES:
                key = u.chunk.kerntaak_code or (u.chunk.code or "").rsplit("-W", 1)[0]
                processes.setdefault(key, []).append(u)
        kerntaken = []
        for code in sorted(set(tasks) | set(processes), key=_code_key):
            task = tasks.get(code)
            first = (processes.get(code) or [None])[0]
            node = _node(task) if task else Node(code, (first.chunk.kerntaak_title or "") if first else "", "", "")
            children = tuple(_node(u) for u in sorted(processes.get(code, []), key=lambda u: _code_key(u.chunk.code)))
            kerntaken.append(KerntaakNode(node, children))
        if kerntaken:
            parts.append(Part(f"Profiel: {profile}" if profile else BASISDEEL, tuple(kerntaken)))
    return tuple(parts)


def _details(node: Node, css: str, open_body: str = "") -> str:
    label = escape_html(" ".join(x for x in (node.code, node.title) if x))
    body = f'<div class="passage">{html_lines(node.passage)}</div>' if node.passage else ""
    where = f"<small>{escape_html(node.where)}</small>" if node.where else ""
    return f'<details class="{css}"><summary>{label}</summary>{body}{where}{open_body}</details>'


def render_tree(parts: Sequence[Part], title: str) -> str:
    """The tree as nested ``<details>``: kerntaak opens its werkprocessen, a werkproces its passage."""
    if not parts:
        return "<p>Geen kerntaken of werkprocessen gevonden voor deze keuze.</p>"
    html = [f'<div class="tree"><h3>{escape_html(title)}</h3>']
    for part in parts:
        html.append(f"<h4>{escape_html(part.name)}</h4>")
        for task in part.kerntaken:
            inner = "".join(_details(w, "werkproces") for w in task.werkprocessen)
            html.append(_details(task.node, "kerntaak", f'<div class="children">{inner}</div>'))
    html.append("</div>")
    return "".join(html)


# --------------------------------------------------------------------------- compare


@dataclass(frozen=True)
class Variant:
    """One version of a werkproces in one dossier version and profile."""

    key: str
    label: str
    title: str
    passage: str
    where: str
    also_in: tuple[str, ...]
    extract: bool = False
    note: str = ""  # e.g. "tegenhanger (score 0.21)"


def variant_label(chunk: Chunk) -> str:
    """``OA 2021-08-01 · basisdeel`` / ``PW 2015-08-01 · Onderwijsassistent``."""
    dossier = " ".join(x for x in (chunk.dossier_abbr or chunk.dossier, chunk.version) if x)
    return f"{dossier} · {chunk.profile or 'basisdeel'}"


def comparable_codes(chunks: Iterable[Chunk]) -> tuple[str, ...]:
    """Werkproces codes that occur in more than one dossier version or profile."""
    variants: dict[str, set[str]] = {}
    for c in chunks:
        if c.kind == WERKPROCES and c.code:
            variants.setdefault(c.code, set()).add(variant_label(c))
    return tuple(sorted((code for code, labels in variants.items() if len(labels) > 1), key=_code_key))


def variants(chunks: Iterable[Chunk], code: str) -> tuple[Variant, ...]:
    """Every distinct passage of one werkproces code; identical passages once, with ``also_in``."""
    found: list[Variant] = []
    by_text: dict[str, int] = {}
    for unit in units(c for c in chunks if c.kind == WERKPROCES and c.code == code):
        label = variant_label(unit.chunk)
        text_key = normalise_typography(unit.passage)
        if text_key in by_text:
            first = found[by_text[text_key]]
            found[by_text[text_key]] = Variant(first.key, first.label, first.title, first.passage, first.where,
                                               (*first.also_in, label), first.extract)
            continue
        by_text[text_key] = len(found)
        found.append(Variant(unit.chunk.unit_key, label, unit.chunk.title or "", unit.passage, unit.where, (),
                             unit.chunk.extract))
    return tuple(found)


def default_pair(found: Sequence[Variant]) -> tuple[int, int]:
    """Indexes of two variants worth comparing: the first pair with the same title, else the first two."""
    for i, left in enumerate(found):
        for j in range(i + 1, len(found)):
            if left.title.lower() == found[j].title.lower():
                return i, j
    return 0, min(1, len(found) - 1)


_TOKENS = re.compile(r"\s+|[-\u2010-\u2015]|[^\s\u2010-\u2015-]+")  # dashes apart: "—om" equals "- om"


def _fold_token(token: str) -> str:
    """A token for comparison: typography folded (quotes, dashes), every white space the same."""
    return " " if token.isspace() else normalise_typography(token)


def word_diff(left: str, right: str) -> tuple[str, str]:
    """Both texts as escaped HTML, words only in the left in ``<del>``, only in the right in ``<ins>``.

    Typography does not count as a difference: ' and ’, - and —, line breaks and spaces compare equal.
    """
    a, b = _TOKENS.findall(left), _TOKENS.findall(right)
    fold = [_fold_token(t) for t in a], [_fold_token(t) for t in b]
    matcher = difflib.SequenceMatcher(None, *fold, autojunk=False)
    out_a: list[str] = []
    out_b: list[str] = []

    def render(tokens: list[str], tag: str | None) -> str:
        text = "".join(tokens)
        body = escape_html(text).replace("\n", "<br>")
        return f"<{tag}>{body}</{tag}>" if tag and text.strip() else body

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out_a.append(render(a[i1:i2], None))
            out_b.append(render(b[j1:j2], None))
        else:
            out_a.append(render(a[i1:i2], "del"))
            out_b.append(render(b[j1:j2], "ins"))
    return "".join(out_a), "".join(out_b)


_SECTION_HEAD = re.compile(r"^(Omschrijving|Resultaat|Gedrag|SBB-competenties):$", re.MULTILINE)
NOT_IN_EXTRACT = "niet in het extract"


def passage_sections(passage: str) -> list[tuple[str, str]]:
    """A werkproces passage split at its section labels: ``[("Omschrijving", ...), ("Resultaat", ...)]``."""
    heads = list(_SECTION_HEAD.finditer(passage))
    if not heads:
        return [("", passage.strip())]
    found = [("", passage[: heads[0].start()].strip())] if passage[: heads[0].start()].strip() else []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(passage)
        found.append((head.group(1), passage[head.end():end].strip()))
    return found


def compare_sections(left: Variant, right: Variant) -> tuple[str, str]:
    """Both passages as HTML, section by section: shared sections diffed; a section one side lacks is
    marked "niet in het extract" on that side when it comes from an extract, else as removed/added."""
    a, b = dict(passage_sections(left.passage)), dict(passage_sections(right.passage))
    names = list(dict.fromkeys([*a, *b]))
    out_a: list[str] = []
    out_b: list[str] = []

    def head(name: str) -> str:
        return f"<b>{escape_html(name)}:</b><br>" if name else ""

    def missing(variant: Variant) -> str:
        return f'<i class="extract">{NOT_IN_EXTRACT}</i>' if variant.extract else ""

    for name in names:
        if name in a and name in b:
            left_html, right_html = word_diff(a[name], b[name])
        elif name in a:
            left_html = (html_lines(a[name]) if right.extract else word_diff(a[name], "")[0])
            right_html = missing(right)
        else:
            right_html = (html_lines(b[name]) if left.extract else word_diff("", b[name])[1])
            left_html = missing(left)
        out_a.append(f"<p>{head(name)}{left_html}</p>")
        out_b.append(f"<p>{head(name)}{right_html}</p>")
    return "".join(out_a), "".join(out_b)


def render_compare(left: Variant | None, right: Variant | None) -> str:
    """Two variants side by side with their differences marked (typography ignored).

    A part that only one side has is shown as "niet in het extract" when the other side is an extract
    of its dossier, not struck through as if it were removed.
    """
    if left is None or right is None:
        return "<p>Kies een werkproces met minstens één tegenhanger of variant.</p>"
    a, b = compare_sections(left, right)

    def column(v: Variant, body: str) -> str:
        also = f"<small>ook in {escape_html(', '.join(v.also_in))}</small><br>" if v.also_in else ""
        note = f"<small>{escape_html(v.note)}</small><br>" if v.note else ""
        extract = "<small><i>uit een extract van het dossier</i></small><br>" if v.extract else ""
        return (f'<div class="kolom"><h4>{escape_html(v.label)}</h4><p><b>{escape_html(v.title)}</b></p>'
                f"{note}{also}{extract}<div class=\"passage\">{body}</div><small>{escape_html(v.where)}</small></div>")

    same = ("<p><i>De teksten zijn gelijk.</i></p>"
            if normalise_typography(left.passage) == normalise_typography(right.passage) else "")
    return f'<div class="vergelijk">{column(left, a)}{column(right, b)}</div>{same}'


# --------------------------------------------------------------------------- compare by crosswalk


def werkproces_options(chunks: Sequence[Chunk]) -> tuple[tuple[str, str], ...]:
    """Every werkproces as (label, unit key), for the Vergelijken choice."""
    return tuple((f"{variant_label(u.chunk)} · {u.chunk.code} {u.chunk.title or ''}".strip(), u.chunk.unit_key)
                 for u in units(c for c in chunks if c.kind == WERKPROCES and c.variant is None))


def _variant(unit: UnitView, note: str = "") -> Variant:
    c = unit.chunk
    return Variant(c.unit_key, variant_label(c), f"{c.code} {c.title or ''}".strip(), unit.passage, unit.where,
                   c.also_in, c.extract, note)


def compare_candidates(chunks: Sequence[Chunk], unit_key: str) -> tuple[Variant, ...]:
    """The werkproces itself, then its counterparts in other versions (by content, see
    ``assistant.crosswalk``), then the same code in other profiles of the same version."""
    from assistant.crosswalk import counterparts
    from assistant.curriculum import matcher_for

    all_units = units(c for c in chunks if c.kind == WERKPROCES and c.variant is None)
    mine = next((u for u in all_units if u.chunk.unit_key == unit_key), None)
    if mine is None:
        return ()
    found = [_variant(mine)]
    index = {(u.chunk.dossier, u.chunk.version, u.chunk.profile, u.chunk.code): u for u in all_units}
    for cp in counterparts(chunks, mine.chunk, matcher_for(chunks)):
        unit = index.get((cp["dossier"], cp["version"], cp["profile"], cp["code"]))
        if unit is not None:
            found.append(_variant(unit, f"tegenhanger (inhoud, score {cp['score']:.2f})"))
    for u in all_units:
        c = u.chunk
        if c.code == mine.chunk.code and c.version == mine.chunk.version and c.unit_key != unit_key:
            found.append(_variant(u, "zelfde code, ander profiel of dossier"))
    return tuple(dict((v.key, v) for v in found).values())


# --------------------------------------------------------------------------- what a source leaves out


def extract_note(chunks: Sequence[Chunk], dossier: str, version: str) -> str:
    """HTML saying that a dossier version is only an extract, and which werkprocessen it lacks ("" if complete)."""
    from assistant.curriculum import is_extract, missing_parts

    if not is_extract(chunks, dossier, version or None):
        return ""
    missing = missing_parts(chunks, dossier, version or None)
    listed = f" Niet in het extract: {escape_html(', '.join(missing))}." if missing else ""
    return (f'<p class="extract"><b>Extract</b>: deze bron bevat maar een deel van het dossier (vaak alleen de '
            f"omschrijving); wat ontbreekt is niet verwijderd maar niet in het extract.{listed}</p>")


OTHER_KINDS = (VAKKENNIS, WET_REGELGEVING, BEROEPSVEREISTEN, ONTWIKKELINGEN, DOORSTROOM, ARBEIDSMARKT, TOELICHTING)


def other_parts(chunks: Sequence[Chunk], dossier: str, version: str) -> str:
    """The dossier's other parts (vakkennis, wet- en regelgeving, beroepsvereisten, ...) as ``<details>``."""
    found = [u for u in units(chunks) if u.chunk.dossier == dossier and (u.chunk.version or "") == (version or "")
             and u.chunk.kind in OTHER_KINDS]
    if not found:
        return ""
    html = ["<h4>Overige onderdelen</h4>"]
    for u in found:
        c = u.chunk
        label = " · ".join(x for x in (c.title, c.profile if c.variant else None) if x)
        html.append(_details(Node("", f"{label} ({c.kind})", u.passage, u.where), "onderdeel"))
    return "".join(html)
