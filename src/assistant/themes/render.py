"""Step 5 of the scan: rendering and export (Markdown, CSV, JSON, download files, several themes at once).

All document text goes through :func:`md` (Markdown) or :func:`assistant.answer.escape_html`; CSV cells
that a spreadsheet would evaluate are defused (:func:`assistant.export.safe_cell`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from assistant.answer import escape, escape_html, html_lines
from assistant.export import safe_cell
from assistant.model import BEROEPSBESCHRIJVING, COMPETENTIE, COMPETENTIENIVEAU, KERNTAAK, Chunk
from assistant.themes.expand import base
from assistant.themes.scan import OTHER_COLUMN, Anchor, Matrix, ScanResult, anchor_terms, short_label
from assistant.themes.score import SentenceMatch
from assistant.themes.words import fold

STRENGTH_LABELS = {"kern": "kern (core)", "zijdelings": "zijdelings (passing)"}

CSV_COLUMNS = (
    "dossier", "version", "profile", "kerntaak", "code", "title", "strength", "score", "sentences", "source",
    "location",
    # after the fixed columns: extra facts for spreadsheets
    "kind", "kerntaak_title", "also_in", "terms", "part", "dossier_label",
)


class ExportError(OSError):
    """An export file could not be written; the message names the path."""


# --------------------------------------------------------------------------- rendering


def md(text: str | None) -> str:
    """Document text made inert in Markdown: :func:`assistant.answer.escape`, with round brackets left readable.

    Brackets cannot start a link or image once ``[``, ``]`` and ``!`` are escaped, so ``(`` and ``)``
    need no backslash; everything else (HTML, emphasis, block markers, autolinks, code) stays escaped.
    """
    return escape(text or "").replace("\\(", "(").replace("\\)", ")")


def _marked(sentence: SentenceMatch, before: str, after: str, escaper=md) -> str:
    """The sentence escaped, with the matched words between ``before`` and ``after``."""
    out, at = [], 0
    for start, end in sentence.spans:
        out.append(escaper(sentence.text[at:start]))
        out.append(f"{before}{escaper(sentence.text[start:end])}{after}")
        at = end
    out.append(escaper(sentence.text[at:]))
    return "".join(out)


def _sections(anchors: Sequence[Anchor]) -> list[tuple[Chunk, list[tuple[str, list[Anchor]]]]]:
    """Anchors grouped per dossier (source, dossier, version), then per part, in document order."""
    dossiers: dict[tuple, tuple[Chunk, dict[str, list[Anchor]]]] = {}
    for anchor in anchors:
        c = anchor.chunk
        _, parts = dossiers.setdefault((c.source, c.dossier, c.version), (c, {}))
        parts.setdefault(_part(c), []).append(anchor)
    result = []
    for first, parts in dossiers.values():
        ordered = sorted(parts.items(), key=lambda item: _part_rank(item[0], item[1]))
        result.append((first, ordered))
    return result


def _part(chunk: Chunk) -> str:
    if chunk.profile:
        return f"Profiel: {chunk.profile}"
    if chunk.kind == BEROEPSBESCHRIJVING:
        return "Beroepsbeschrijving"
    if chunk.kind in (COMPETENTIE, COMPETENTIENIVEAU):
        return "Competenties"
    return "Basisdeel"


def _part_rank(name: str, anchors: list[Anchor]) -> tuple:
    fixed = {"Beroepsbeschrijving": 0, "Basisdeel": 1, "Competenties": 1}
    return (fixed.get(name, 2), min(a.unit.order for a in anchors))


def _dossier_heading(chunk: Chunk) -> str:
    name = chunk.dossier or chunk.source
    if chunk.dossier_abbr and chunk.dossier_abbr != name:
        name = f"{name} ({chunk.dossier_abbr})"
    return f"{name} · {chunk.version}" if chunk.version else name


def _term_line(result: ScanResult) -> str:
    # term text is letters, digits, spaces and ' | ~ - * : . only (see parse_terms): safe in a code span
    return ", ".join(f"`{report.term.label()}` ({report.units})" for report in result.terms)


def _variants_details(result: ScanResult) -> str:
    """The expansion in full (UI): per term its origin, weight and the corpus words it matched, as HTML."""
    rows = "".join(
        f"<tr><td><code>{escape_html(r.term.label())}</code></td><td>{escape_html(r.term.origin)}</td>"
        f"<td>{r.units}</td><td>{escape_html(', '.join(r.variants) or '—')}</td></tr>"
        for r in result.terms
    )
    return ('<details class="termen"><summary>Termen, herkomst en de woorden die ze in de tekst vinden</summary>'
            '<table><tr><th>term</th><th>herkomst</th><th>eenheden</th><th>woorden in de tekst</th></tr>'
            f"{rows}</table></details>")


NOT_IN_EXTRACT = "n.i.e."


def render_matrix_markdown(matrix: Matrix) -> str:
    """The matrix as a Markdown table (``–`` where a row has no such kerntaak; ``n.i.e.``, not ``0``, where
    an extract's row has no anchor: the source lacks the rest of that dossier)."""
    if not matrix.rows:
        return ""
    head = "| dossier · profiel | " + " | ".join(md(c) for c in matrix.columns) + " | totaal |"
    rule = "|---|" + "---:|" * (len(matrix.columns) + 1)
    lines = [head, rule]
    for label, key in matrix.rows:
        values = [matrix.count(key, column) for column in matrix.columns]
        total = sum(v for v in values if v)
        zero = NOT_IN_EXTRACT if key in matrix.extracts else "0"
        cells = ["–" if v is None else (f"**{v}**" if v else zero) for v in values]
        extract = " (extract)" if key in matrix.extracts else ""
        lines.append(f"| {md(label)}{extract} | " + " | ".join(cells) + f" | {total} |")
    if matrix.extracts:
        lines += ["", f"{NOT_IN_EXTRACT} = niet in het extract: de bron bevat van dit dossier alleen een deel "
                      "(de werkprocessen over één thema, vaak alleen de omschrijving); het dossier zelf kan het "
                      "thema wel bevatten. – = deze rij heeft die kerntaak niet."]
    return "\n".join(lines)


def render_markdown(result: ScanResult, ui: bool = False) -> str:
    """The overview as Markdown that reads like the curriculum extract; all document text escaped.

    A heading per dossier (with version), per part (basisdeel, profile), per unit ``CODE: Title``,
    then the sentences that carry the theme quoted (matched words bold; ``<mark>`` with ``ui``), the
    strength and the citation. With ``ui`` each unit also opens its whole passage.
    """
    counts = result.counts()
    filters = ", ".join(f"{k} {v}" for k, v in result.filters.items())
    lines = [f"# Themascan: {md(result.theme)}", ""]
    lines.append(
        f"{counts['anchors']} ankerpunten ({counts['kern']} kern, {counts['zijdelings']} zijdelings) in "
        f"{len({(a.chunk.source, a.chunk.dossier, a.chunk.version) for a in result.anchors})} dossiers · "
        f"{result.scanned} eenheden gescand" + (f" · filter: {md(filters)}" if filters else "")
    )
    lines.append("")
    origin = "eigen termen" if result.expansion.overridden else "uitbreiding"
    lines.append(f"**Termen** ({origin}; tussen haakjes: in hoeveel getoonde eenheden): {_term_line(result)}")
    if result.expansion.exclude:
        lines.append("")
        lines.append("**Telt niet mee**: " + ", ".join(f"`{w}`" for w in result.expansion.exclude))
    if ui:
        lines += ["", _variants_details(result)]
    lines.append("")
    st = result.settings
    lines.append(f"*kern*: score ≥ {st.kern_score:g}; *zijdelings*: {st.min_score:g} ≤ score < {st.kern_score:g}. "
                 f"Score = som van de zinsgewichten + {st.title_weight:g} × titel + {st.density_weight:g} × dichtheid.")
    for note in result.notes:
        lines += ["", f"*Let op:* {md(note)}"]
    lines.append("")
    if not result.anchors:
        lines.append(f"**Niet gevonden**: {md(result.theme)} komt in deze dossiers niet voor (not found).")
        if result.suggestions:
            lines.append("")
            lines.append(f"Probeer: {md(', '.join(result.suggestions))}")
        return "\n".join(lines) + "\n"
    lines += ["## Matrix: ankerpunten per kerntaak", "", render_matrix_markdown(result.matrix), ""]
    titles = kerntaak_titles(result)
    if titles:
        lines += [_legend(titles), ""]
    if ui:
        lines += [f"*Kolommen: kerntaakcodes; P-K1 is de eerste kerntaak van het profiel in die rij; "
                  f"{OTHER_COLUMN}: profiel- en beroepsbeschrijvingen, competenties. – = geen zo'n kerntaak.*", ""]
    shown_elsewhere: dict[str, Anchor] = {}
    for anchor in result.anchors:
        for member in anchor.also:
            shown_elsewhere[member.ref] = anchor
    for first, parts in _sections(result.anchors):
        lines += [f"## {md(_dossier_heading(first))}", ""]
        for part, anchors in parts:
            lines += [f"### {md(part)}", ""]
            for anchor in anchors:
                lines += _anchor_lines(anchor, ui)
        pointers = [a for a in result.anchors for m in a.also
                    if (m.chunk.source, m.chunk.dossier, m.chunk.version) == (first.source, first.dossier,
                                                                              first.version)]
        if pointers:
            lines.append("*Zelfde passage als hierboven getoond:* " + "; ".join(
                f"{md(a.heading)} (bij {md(short_label(a.chunk))})" for a in pointers))
            lines.append("")
    return "\n".join(lines)


def _anchor_lines(anchor: Anchor, ui: bool) -> list[str]:
    c = anchor.chunk
    also = f" · ook in {md(', '.join(anchor.also_labels()))}" if anchor.also else ""
    label = STRENGTH_LABELS[anchor.strength]
    lines = [f"#### {md(anchor.heading)}", ""]
    kerntaak = ""
    if c.kind != KERNTAAK and anchor.unit.kerntaak and c.kerntaak_title:
        kerntaak = f" · kerntaak {md(anchor.unit.kerntaak)} {md(c.kerntaak_title)}"
    lines.append(f"*{label}* · score {anchor.score:g}" + (" · titel" if anchor.result.title else "") + kerntaak + also)
    lines.append("")
    before, after = ("<mark>", "</mark>") if ui else ("**", "**")
    for sentence in anchor.result.sentences:
        lines.append(f"> {_marked(sentence, before, after)}")
        lines.append(">")
    if anchor.result.sentences:
        lines.pop()
    elif anchor.result.title:
        lines.append(f"> {_marked(anchor.result.title, before, after)}")
    lines.append("")
    lines.append(f"Bron: {' · '.join(md(p) for p in anchor.citation_parts())}")
    lines.append("")
    if ui:
        lines.append(f'<details class="passage"><summary>hele passage ({escape_html(c.kind)})</summary>'
                     f'<div class="passage">{html_lines(anchor.unit.passage)}</div></details>')
        lines.append("")
    return lines


def to_csv(result: ScanResult) -> str:
    """One row per anchor, with :data:`CSV_COLUMNS`; cells that a spreadsheet would evaluate are defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for anchor in result.anchors:
        c = anchor.chunk
        row = (
            c.dossier, c.version, c.profile, anchor.unit.kerntaak, c.code, c.title, anchor.strength, anchor.score,
            "\n".join(s.text for s in anchor.result.sentences), c.source, c.location.label(),
            c.kind, c.title if c.kind == KERNTAAK else c.kerntaak_title, ", ".join(anchor.also_labels()),
            ", ".join(sorted({base(t) for t in anchor_terms(anchor)})), part_label(c), short_label(c),
        )
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()


def part_label(chunk: Chunk) -> str:
    """Where a unit stands: ``basisdeel``, ``profieldeel <profile>``, or ``aanvulling <profile>`` for a profile's
    addition to a basisdeel unit (SBB exports), ``beroepsbeschrijving`` or ``competenties``."""
    profile = chunk.profile_abbr or chunk.profile
    if chunk.variant and profile:
        return f"aanvulling {profile}"
    if profile:
        return f"profieldeel {profile}"
    if chunk.kind == BEROEPSBESCHRIJVING:
        return "beroepsbeschrijving"
    if chunk.kind in (COMPETENTIE, COMPETENTIENIVEAU):
        return "competenties"
    return "basisdeel"


def kerntaak_titles(result: ScanResult) -> dict[str, dict[str, list[str]]]:
    """Kerntaak code → title → the dossiers (labels) where that code has that title, for the listed anchors.

    The same code has other titles in other dossiers (B1-K1 in PW and in SW), so the legend names both.
    """
    titles: dict[str, dict[str, list[str]]] = {}
    for anchor in result.anchors:
        for member in anchor.members:
            c = member.chunk
            code = member.kerntaak
            title = c.title if c.kind == KERNTAAK else c.kerntaak_title
            if code and title:
                where = titles.setdefault(code, {}).setdefault(title, [])
                label = short_label(c).split(" · ")[0]
                if label not in where:
                    where.append(label)
    return titles


def _legend(titles: dict[str, dict[str, list[str]]]) -> str:
    parts = []
    for code, by_title in sorted(titles.items()):
        named = "; ".join(f"{md(title)} ({md(', '.join(where))})" for title, where in by_title.items())
        parts.append(f"**{md(code)}** {named}")
    return "Kerntaken: " + " · ".join(parts)


THEMES_COLUMNS = ("dossier_label", "part", "code", "title", "kerntaak", "kerntaak_title", "source", "location")


def themes_matrix(results: Sequence[ScanResult]) -> tuple[tuple[str, ...], list[tuple[tuple[str, ...], list[str]]]]:
    """Werkproces × themes: per werkproces (each unit of every identical passage) its label per theme.

    Returns the theme names and rows of (unit facts as in :data:`THEMES_COLUMNS`, ``kern``/``zijdelings``/""
    per theme), in document order.
    """
    labels: dict[str, dict[int, str]] = {}
    units: dict[str, object] = {}
    for number, result in enumerate(results):
        for anchor in result.anchors:
            for member in anchor.members:
                if member.chunk.kind != "werkproces":
                    continue
                units.setdefault(member.ref, member)
                labels.setdefault(member.ref, {})[number] = anchor.strength
    rows = []
    for ref, unit in sorted(units.items(), key=lambda item: item[1].order):
        c = unit.chunk
        facts = (short_label(c), part_label(c), c.code or "", c.title or "", unit.kerntaak or "",
                 c.kerntaak_title or "", c.source, c.location.label())
        rows.append((facts, [labels[ref].get(i, "") for i in range(len(results))]))
    return tuple(r.theme for r in results), rows


def render_themes(results: Sequence[ScanResult], fmt: str = "md") -> str:
    """The werkproces × themes matrix as Markdown (default), CSV or JSON."""
    themes, rows = themes_matrix(results)
    if fmt == "json":
        return json.dumps({"themes": list(themes), "columns": list(THEMES_COLUMNS),
                           "rows": [dict(zip(THEMES_COLUMNS, facts, strict=True)) | {"labels": labels}
                                    for facts, labels in rows],
                           "counts": [r.counts() for r in results]}, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([*THEMES_COLUMNS, *themes])
        for facts, labels in rows:
            writer.writerow([safe_cell(v) for v in (*facts, *labels)])
        return buffer.getvalue()
    mark = {"kern": "**kern**", "zijdelings": "zijdelings", "": "–"}
    lines = [f"# Themascan: {len(themes)} thema's", "",
             "| dossier | werkproces | kerntaak | " + " | ".join(md(t) for t in themes) + " |",
             "|---|---|---|" + "---|" * len(themes)]
    for facts, labels in rows:
        label, part, code, title, kerntaak, kerntaak_title = facts[:6]
        where = f"{md(label)}" + (f" ({md(part)})" if part.startswith("aanvulling") else "")
        lines.append(f"| {where} | {md(code)}: {md(title)} | {md(kerntaak)} {md(kerntaak_title)} | "
                     + " | ".join(mark[v] for v in labels) + " |")
    totals = [f"{r.counts()['kern']} kern, {r.counts()['zijdelings']} zijdelings" for r in results]
    lines += ["", "Totaal per thema: " + "; ".join(f"{md(t)}: {n}" for t, n in zip(themes, totals, strict=True)), ""]
    return "\n".join(lines)


def to_json(result: ScanResult) -> str:
    """The result as one JSON object."""
    return json.dumps(result.as_json(), ensure_ascii=False)


def render(result: ScanResult, fmt: str) -> str:
    """The result as ``md``, ``csv`` or ``json`` text."""
    if fmt == "csv":
        return to_csv(result)
    if fmt == "json":
        return to_json(result) + "\n"
    return render_markdown(result)


def write_output(text: str, path: Path, fmt: str = "md") -> Path:
    """Write an export file (CSV with a BOM for spreadsheets).

    Raises:
        ExportError: naming the path, when it cannot be written.
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise ExportError(f"kan niet schrijven naar {path}: dat is een map (cannot write: is a directory)")
        if not path.parent.is_dir():
            raise ExportError(f"kan niet schrijven naar {path}: map {path.parent} bestaat niet "
                              f"(cannot write: no such directory)")
        path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(f"kan niet schrijven naar {path}: {exc.strerror or type(exc).__name__} "
                          f"(cannot write)") from None
    return path


def download_name(theme: str, today: date | None = None) -> str:
    """``themascan-<theme>-<date>-<6 hex>``: says theme and date; the theme reduced to safe letters."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(theme)).strip("-")[:40].strip("-") or "thema"
    return f"themascan-{slug}-{(today or date.today()).isoformat()}-{uuid.uuid4().hex[:6]}"


def write_downloads(directory: Path, result: ScanResult) -> tuple[Path, Path]:
    """Markdown and CSV files for the UI's download buttons, under names made here (never the user's)."""
    directory.mkdir(parents=True, exist_ok=True)
    stem_name = download_name(result.theme)
    md_path = write_output(render_markdown(result), directory / f"{stem_name}.md", "md")
    csv_path = write_output(to_csv(result), directory / f"{stem_name}.csv", "csv")
    return md_path, csv_path
