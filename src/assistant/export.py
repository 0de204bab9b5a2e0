"""Exporting answers as CSV and Markdown files, and keeping the export folder bounded.

What can be exported: one answer, the whole conversation, or selected hits of an answer
(:class:`ExportTurn` holds a question, the filters that were applied and its numbered hits),
and a werkproces comparison (:func:`write_compare`). The Markdown is clean text: document
text is written as it is (``(les)activiteiten``, ``- stuurt``), and only what would turn into
live markup when rendered is defused (:func:`clean_markdown`). CSV cells that a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a
leading apostrophe. Each heading names the filters that were applied.

Files go to a folder the app owns (:class:`ExportStore`); their names are made here, never taken
from the user. The store removes a session's files on reset, every file after
``EXPORT_MAX_AGE_SECONDS``, the oldest files once all together pass ``EXPORT_MAX_BYTES``, and
the whole folder when the process exits.
"""

from __future__ import annotations

import atexit
import csv
import io
import logging
import os
import re
import shutil
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.answer import citation_parts, passage
from assistant.retrieval import Hit
from assistant.settings import EXPORT_MAX_AGE_SECONDS, EXPORT_MAX_BYTES, EXPORT_SWEEP_SECONDS

logger = logging.getLogger(__name__)

COLUMNS = (
    "nr", "id", "kind", "dossier", "dossier_abbr", "version", "profile", "code", "title", "competence",
    "level", "source", "location", "also_in", "best_sentence", "text",
)
TURN_COLUMNS = ("vraag_nr", "vraag", "filters")
COMPARE_COLUMNS = ("kant", "code", "variant", "title", "where", "also_in", "text")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# What would turn plain text into live markup when the Markdown is rendered; nothing else is touched.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_LINK_TARGET = re.compile(r"\]\s*(?=[(\[:])")
_REFERENCE = re.compile(r"(?m)^(\s*)\[")
_SCHEME = re.compile(r"(?i)\b((?:java|vb)script|data)(\s*):")
_AUTOLINK = re.compile(r"(?i)(://|\bwww\.)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class ExportFiles:
    """The two files written for one export."""

    csv: Path
    markdown: Path

    @property
    def paths(self) -> tuple[Path, Path]:
        return self.csv, self.markdown


@dataclass(frozen=True)
class ExportTurn:
    """One answered question: the question, the filters that applied, and its hits with their numbers."""

    question: str
    hits: tuple[tuple[int, Hit], ...]
    filters: str = ""

    @classmethod
    def of(cls, question: str, hits: Sequence[Hit], filters: str = "",
           selected: Iterable[int] | None = None) -> ExportTurn:
        """A turn of ``hits`` numbered from 1; with ``selected`` (numbers) only those hits."""
        numbered = tuple(enumerate(hits, start=1))
        if selected is not None:
            wanted = set(selected)
            numbered = tuple((n, h) for n, h in numbered if n in wanted)
        return cls(question, numbered, filters)


# --------------------------------------------------------------------------- text


def clean_markdown(text: str) -> str:
    """Document text for a Markdown file: as written, with only live markup defused.

    HTML tags (``<`` before a letter, ``/``, ``!`` or ``?``) get ``&lt;``, a ``](``/``][``/``]:`` that
    would make a link or image gets a backslash before the bracket's follower, a ``[`` at a line
    start (a reference definition) is escaped, ``javascript:``/``vbscript:``/``data:`` lose their
    colon to ``&#58;`` and ``://``/``www.`` cannot autolink. Control and bidi characters are dropped.
    Parentheses, dashes, asterisks and the like stay as they are.
    """
    text = _CONTROL.sub("", text or "")
    text = _TAG_START.sub("&lt;", text)
    text = _LINK_TARGET.sub(lambda m: m.group(0) + "\\", text)
    text = _REFERENCE.sub(r"\1\\[", text)
    text = _SCHEME.sub(r"\1\2&#58;", text)
    return _AUTOLINK.sub(lambda m: m.group(1).replace(":", "&#58;").replace(".", "&#46;"), text)


def safe_cell(value: object) -> str:
    """A CSV cell as text that spreadsheets show and never evaluate."""
    text = _CONTROL.sub("", "" if value is None else str(value))
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


def _csv(columns: Sequence[str], rows: Iterable[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def to_csv(hits: Sequence[Hit] | ExportTurn) -> str:
    """One answer's hits (or an :class:`ExportTurn`'s) as CSV text with a header row."""
    numbered = hits.hits if isinstance(hits, ExportTurn) else tuple(enumerate(hits, start=1))
    return _csv(COLUMNS, (hit_row(n, h) for n, h in numbered))


def conversation_csv(turns: Sequence[ExportTurn]) -> str:
    """Every turn's hits as CSV: the question number, question and filters, then the hit columns."""
    rows = ({"vraag_nr": str(i), "vraag": safe_cell(t.question), "filters": safe_cell(t.filters), **hit_row(n, h)}
            for i, t in enumerate(turns, start=1) for n, h in t.hits)
    return _csv((*TURN_COLUMNS, *COLUMNS), rows)


def _hit_lines(number: int, hit: Hit, level: str) -> list[str]:
    head = " ".join(x for x in (hit.chunk.code, hit.chunk.title) if x) or hit.chunk.kind
    cited = " · ".join(clean_markdown(p) for p in citation_parts(hit))
    lines = [f"{level} [{number}] {clean_markdown(head)}", "", cited]
    if hit.also_in:
        lines.append(f"(ook in {clean_markdown(', '.join(hit.also_in))})")
    lines.append("")
    if hit.best_sentence:
        lines += [f"**{clean_markdown(hit.best_sentence)}**", ""]
    lines += [f"> {clean_markdown(line)}" if line.strip() else ">" for line in passage(hit).splitlines()]
    lines.append("")
    return lines


def _filters_line(filters: str) -> list[str]:
    return [f"Filters: {clean_markdown(filters)}", ""] if filters else []


def to_markdown(question: str | ExportTurn, hits: Sequence[Hit] = (), filters: str = "") -> str:
    """One answer as Markdown: the question as the heading, the filters, then per hit its citation,
    best sentence and passage. Takes ``(question, hits)`` or an :class:`ExportTurn`."""
    turn = question if isinstance(question, ExportTurn) else ExportTurn.of(question, hits, filters)
    lines = [f"# {clean_markdown(turn.question)}", "", *_filters_line(turn.filters)]
    for number, hit in turn.hits:
        lines += _hit_lines(number, hit, "##")
    return "\n".join(lines)


def conversation_markdown(turns: Sequence[ExportTurn]) -> str:
    """The whole conversation as Markdown: one section per question, with its filters and hits."""
    lines = ["# Gesprek (mbo-assistent)", ""]
    for i, turn in enumerate(turns, start=1):
        lines += [f"## Vraag {i}: {clean_markdown(turn.question)}", "", *_filters_line(turn.filters)]
        if not turn.hits:
            lines += ["Geen bronnen gevonden.", ""]
        for number, hit in turn.hits:
            lines += _hit_lines(number, hit, "###")
    return "\n".join(lines)


def compare_markdown(code: str, left, right) -> str:
    """A werkproces comparison (two :class:`assistant.views.Variant`) as Markdown, left then right."""
    lines = [f"# Vergelijking {clean_markdown(code)}", "", f"Links: {clean_markdown(left.label)} · "
             f"Rechts: {clean_markdown(right.label)}", ""]
    if left.passage == right.passage:
        lines += ["De teksten zijn gelijk.", ""]
    for side, variant in (("Links", left), ("Rechts", right)):
        lines += [f"## {side}: {clean_markdown(variant.label)}", "", f"**{clean_markdown(variant.title)}**", "",
                  clean_markdown(variant.where), ""]
        if variant.also_in:
            lines += [f"(ook in {clean_markdown(', '.join(variant.also_in))})", ""]
        lines += [f"> {clean_markdown(line)}" if line.strip() else ">" for line in variant.passage.splitlines()]
        lines.append("")
    return "\n".join(lines)


def compare_csv(code: str, left, right) -> str:
    """A werkproces comparison as CSV: one row per side."""
    rows = ({"kant": side, "code": safe_cell(code), "variant": safe_cell(v.label), "title": safe_cell(v.title),
             "where": safe_cell(v.where), "also_in": safe_cell(", ".join(v.also_in)), "text": safe_cell(v.passage)}
            for side, v in (("links", left), ("rechts", right)))
    return _csv(COMPARE_COLUMNS, rows)


# --------------------------------------------------------------------------- files


def _write_pair(directory: Path, stem: str, csv_text: str, markdown: str) -> ExportFiles:
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{stem}-{uuid.uuid4().hex}"
    csv_path, md_path = directory / f"{name}.csv", directory / f"{name}.md"
    csv_path.write_text(csv_text, encoding="utf-8-sig")
    md_path.write_text(markdown, encoding="utf-8")
    return ExportFiles(csv_path, md_path)


def write_exports(directory: Path, question: str, hits: Sequence[Hit], filters: str = "") -> ExportFiles:
    """Write ``antwoord-<random>.csv`` and ``.md`` for one answer into ``directory`` (created if needed)."""
    turn = ExportTurn.of(question, hits, filters)
    return _write_pair(directory, "antwoord", to_csv(turn), to_markdown(turn))


def write_turns(directory: Path, turns: Sequence[ExportTurn]) -> ExportFiles:
    """Write ``gesprek-<random>.csv`` and ``.md``: the whole conversation (or a single turn's selection)."""
    if len(turns) == 1:
        return _write_pair(directory, "antwoord", to_csv(turns[0]), to_markdown(turns[0]))
    return _write_pair(directory, "gesprek", conversation_csv(turns), conversation_markdown(turns))


def write_compare(directory: Path, code: str, left, right) -> ExportFiles:
    """Write ``vergelijking-<random>.csv`` and ``.md`` for two variants of werkproces ``code``.

    ``left`` and ``right`` are :class:`assistant.views.Variant` (label, title, passage, where, also_in).
    """
    return _write_pair(directory, "vergelijking", compare_csv(code, left, right), compare_markdown(code, left, right))


class ExportStore:
    """The app's export folder, bounded in age and size, and removed when the process exits.

    Files written through the app are registered (:meth:`add`); :meth:`discard` removes a
    session's files (reset, a new answer, a closed session). On every :meth:`add` the oldest
    registered files go until the total is within ``max_bytes``, and files older than
    ``max_age`` go; every ``sweep_every`` seconds the folder is also walked for files that
    others wrote into it (the theme scan's downloads).
    """

    def __init__(self, parent: Path | str | None = None, max_age: float = EXPORT_MAX_AGE_SECONDS,
                 max_bytes: int = EXPORT_MAX_BYTES, sweep_every: float = EXPORT_SWEEP_SECONDS,
                 clock: Callable[[], float] = time.time):
        if parent is not None:
            Path(parent).mkdir(parents=True, exist_ok=True)
        self.directory = Path(tempfile.mkdtemp(prefix="mbo-assistent-export-", dir=parent))
        self.max_age, self.max_bytes, self.sweep_every, self.clock = max_age, max_bytes, sweep_every, clock
        self._files: OrderedDict[Path, tuple[float, int]] = OrderedDict()
        self._bytes = 0
        self._swept = clock()
        self._lock = threading.Lock()
        atexit.register(self.close)

    def add(self, files: ExportFiles | Iterable[Path] | None) -> None:
        """Register freshly written files, then enforce the limits."""
        now = self.clock()
        with self._lock:
            for path in _paths(files):
                try:
                    size = path.stat().st_size
                except OSError:
                    continue
                self._forget(path)
                self._files[path] = (now, size)
                self._bytes += size
            self._enforce(now)

    def discard(self, files: ExportFiles | Iterable[Path] | None) -> None:
        """Remove files (a reset, a replaced answer, a closed session)."""
        with self._lock:
            for path in _paths(files):
                self._forget(path)
                path.unlink(missing_ok=True)

    def usage(self) -> int:
        """Bytes on disk in the folder (walked)."""
        return sum(p.stat().st_size for p in self.directory.rglob("*") if p.is_file()) \
            if self.directory.is_dir() else 0

    def close(self) -> None:
        """Remove the folder and everything in it."""
        with self._lock:
            self._files.clear()
            self._bytes = 0
            shutil.rmtree(self.directory, ignore_errors=True)

    def _forget(self, path: Path) -> None:
        known = self._files.pop(path, None)
        if known:
            self._bytes -= known[1]

    def _enforce(self, now: float) -> None:
        while self._files:
            path, (written, _) = next(iter(self._files.items()))
            if self._bytes <= self.max_bytes and now - written <= self.max_age:
                break
            self._forget(path)
            path.unlink(missing_ok=True)
        if now - self._swept >= self.sweep_every:
            self._swept = now
            self._sweep(now)

    def _sweep(self, now: float) -> None:
        """Walk the folder: unregistered files past the age go, then the oldest while over the size."""
        found: list[tuple[float, int, Path]] = []
        for root, _, names in os.walk(self.directory):
            for name in names:
                path = Path(root) / name
                try:
                    info = path.stat()
                except OSError:
                    continue
                if path not in self._files and now - info.st_mtime > self.max_age:
                    path.unlink(missing_ok=True)
                else:
                    found.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in found)
        for _, size, path in sorted(found, key=lambda f: f[0]):
            if total <= self.max_bytes:
                break
            self._forget(path)
            path.unlink(missing_ok=True)
            total -= size


def _paths(files: ExportFiles | Iterable[Path] | None) -> list[Path]:
    if files is None:
        return []
    if isinstance(files, ExportFiles):
        return list(files.paths)
    return [Path(p) for p in files]
