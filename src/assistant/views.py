"""Views beyond the chat, as pure functions over the index's chunks.

* **Competentiematrix**: competence × niveau for a competency profile, each cell with
  its level description and gedragsindicatoren.
* **Bladeren**: a dossier version as a tree: part (basisdeel / profiel) → kerntaak →
  werkproces, each opening its passage.
* **Vergelijken**: the variants of one werkproces code across profiles and versions,
  side by side, with word-level differences marked.

Data functions return frozen dataclasses; ``render_*`` functions turn them into
HTML in which every piece of document text is escaped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.answer import escape_html, html_lines
from assistant.model import COMPETENTIE, COMPETENTIENIVEAU, KERNTAAK, PROFIEL, WERKPROCES, Chunk

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
        text_key = " ".join(unit.passage.split()).lower()
        if text_key in by_text:
            first = found[by_text[text_key]]
            found[by_text[text_key]] = Variant(first.key, first.label, first.title, first.passage, first.where,
                                               (*first.also_in, label))
            continue
        by_text[text_key] = len(found)
        found.append(Variant(unit.chunk.unit_key, label, unit.chunk.title or "", unit.passage, unit.where, ()))
    return tuple(found)


def default_pair(found: Sequence[Variant]) -> tuple[int, int]:
    """Indexes of two variants worth comparing: the first pair with the same title, else the first two."""
    for i, left in enumerate(found):
        for j in range(i + 1, len(found)):
            if left.title.lower() == found[j].title.lower():
                return i, j
    return 0, min(1, len(found) - 1)


_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(left: str, right: str) -> tuple[str, str]:
    """Both texts as escaped HTML, words only in the left in ``<del>``, only in the right in ``<ins>``."""
    a, b = _TOKENS.findall(left), _TOKENS.findall(right)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
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


def render_compare(left: Variant | None, right: Variant | None) -> str:
    """Two variants side by side with their differences marked."""
    if left is None or right is None:
        return "<p>Kies een code met minstens twee varianten.</p>"
    a, b = word_diff(left.passage, right.passage)

    def column(v: Variant, body: str) -> str:
        also = f"<small>ook in {escape_html(', '.join(v.also_in))}</small><br>" if v.also_in else ""
        return (f'<div class="kolom"><h4>{escape_html(v.label)}</h4><p><b>{escape_html(v.title)}</b></p>'
                f"{also}<div class=\"passage\">{body}</div><small>{escape_html(v.where)}</small></div>")

    same = "<p><i>De teksten zijn gelijk.</i></p>" if left.passage == right.passage else ""
    return f'<div class="vergelijk">{column(left, a)}{column(right, b)}</div>{same}'
