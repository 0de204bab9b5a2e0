"""Exporting an answer's hits as CSV and Markdown files.

Files go to a directory the app owns (a temp dir made at start); their names are
made here, never taken from the user. CSV cells that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a
leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.answer import citation_parts, escape, passage
from assistant.retrieval import Hit

COLUMNS = (
    "nr", "id", "kind", "dossier", "dossier_abbr", "version", "profile", "code", "title", "competence",
    "level", "source", "location", "also_in", "best_sentence", "text",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportFiles:
    """The two files written for one answer."""

    csv: Path
    markdown: Path


def safe_cell(value: object) -> str:
    """A CSV cell as text that spreadsheets show and never evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def hit_row(number: int, hit: Hit) -> dict[str, str]:
    """One hit as a CSV row (every value text)."""
    c = hit.chunk
    row = {
        "nr": number, "id": c.id, "kind": c.kind, "dossier": c.dossier, "dossier_abbr": c.dossier_abbr,
        "version": c.version, "profile": c.profile, "code": c.code, "title": c.title,
        "competence": c.competence, "level": c.level, "source": c.source, "location": c.location.label(),
        "also_in": ", ".join(hit.also_in), "best_sentence": hit.best_sentence, "text": passage(hit),
    }
    return {k: safe_cell(v) for k, v in row.items()}


def to_csv(hits: Sequence[Hit]) -> str:
    """The hits as CSV text with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for number, hit in enumerate(hits, start=1):
        writer.writerow(hit_row(number, hit))
    return buffer.getvalue()


def to_markdown(question: str, hits: Sequence[Hit]) -> str:
    """The hits as a Markdown document: the question, then per hit its citation, best sentence and passage."""
    lines = [f"# {escape(question)}", ""]
    for number, hit in enumerate(hits, start=1):
        c = hit.chunk
        head = " ".join(x for x in (c.code, c.title) if x) or c.kind
        lines += [f"## [{number}] {escape(head)}", "", " · ".join(escape(p) for p in citation_parts(hit))]
        if hit.also_in:
            lines.append(f"(ook in {escape(', '.join(hit.also_in))})")
        lines.append("")
        if hit.best_sentence:
            lines += [f"**{escape(hit.best_sentence)}**", ""]
        lines += [f"> {escape(line)}" if line.strip() else ">" for line in passage(hit).splitlines()]
        lines.append("")
    return "\n".join(lines)


def write_exports(directory: Path, question: str, hits: Sequence[Hit]) -> ExportFiles:
    """Write ``antwoord-<random>.csv`` and ``.md`` into ``directory`` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    stem = f"antwoord-{uuid.uuid4().hex[:12]}"
    csv_path = directory / f"{stem}.csv"
    md_path = directory / f"{stem}.md"
    csv_path.write_text(to_csv(hits), encoding="utf-8-sig")
    md_path.write_text(to_markdown(question, hits), encoding="utf-8")
    return ExportFiles(csv_path, md_path)
