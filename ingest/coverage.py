"""Coverage: what fraction of a source's content text reached the index.

A source is cut into *fragments* of content text: for an SBB XML export every
text line and every ``titel`` inside a ``<dossier>`` except its administration
(``sbb_xml.ADMIN_TAGS``: voorblad, change log, committees, ...); for a text
file every non-empty line. A fragment has *reached* the index when its words
(lower case, typography folded) occur in the source's chunks:

* XML: as one run of words in the text of one chunk (exact).
* text: at least 80% of its words occur in the chunks of that file (OCR repairs
  such as joined hyphenation change a few words of a line).

The figure is weighted by characters. ``vakkennis`` counts the SBB
*vakkennis en vaardigheden* items separately. Unknown XML elements are listed
under ``unknown`` (they are indexed as text; see ``sbb_xml.unknown_unit``).

Pure functions; :func:`source_coverage` reads the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.model import Chunk
from assistant.typography import normalise_typography

TEXT_MATCH = 0.8


@dataclass(frozen=True)
class Coverage:
    """The coverage of one source: character-weighted fractions in [0, 1]."""

    method: str  # "xml" or "text"
    content_chars: int
    indexed_chars: int
    vakkennis_items: int = 0
    vakkennis_indexed: int = 0
    unknown: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def fraction(self) -> float:
        """Indexed content characters over all content characters (1.0 for an empty source)."""
        return self.indexed_chars / self.content_chars if self.content_chars else 1.0

    def as_json(self) -> dict:
        """The form written to ``coverage.json`` and the manifest (at most 20 missing fragments)."""
        record = {
            "method": self.method,
            "content_chars": self.content_chars,
            "indexed_chars": self.indexed_chars,
            "fraction": round(self.fraction, 4),
            "unknown": list(self.unknown),
            "missing": list(self.missing[:20]),
        }
        if self.vakkennis_items:
            record["vakkennis"] = {
                "items": self.vakkennis_items,
                "indexed": self.vakkennis_indexed,
                "fraction": round(self.vakkennis_indexed / self.vakkennis_items, 4),
            }
        return record


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` after folding typography."""
    return re.findall(r"\w+", normalise_typography(text).lower())


def _haystack(chunks: Iterable[Chunk]) -> str:
    """All indexed text of a source as one string of words, each chunk fenced by ``|``."""
    parts = []
    for chunk in chunks:
        for text in (chunk.index_text, chunk.passage or ""):
            parts.append(" ".join(words(text)))
    return " | " + " | ".join(parts) + " | "


def xml_fragments(data: bytes) -> tuple[list[str], list[str], list[str]]:
    """Content fragments, vakkennis items and unknown tags of an SBB export.

    Returns:
        ``(fragments, vakkennis items, unknown tags)``. Fragments are text lines
        and ``titel`` attributes, administration left out.
    """
    from ingest import sbb_xml

    root = sbb_xml.load_tree(data, "coverage").getroot()
    fragments: list[str] = []
    items: list[str] = []
    for dossier in root.findall("dossiers/dossier") or root.findall(".//dossier"):
        stack = [dossier]
        while stack:
            element = stack.pop()
            if element.tag in sbb_xml.ADMIN_TAGS:
                continue
            title = sbb_xml.fold(element.get("titel"))
            if title and element is not dossier:
                fragments.append(title)
                if element.tag == "kennisofvaardigheid":
                    items.append(title)
            text = sbb_xml.own_text(element)
            fragments += [line for line in text.split("\n") if line.strip()]
            stack.extend(reversed([child for child in element if isinstance(child.tag, str)]))
    return fragments, items, []


def xml_coverage(data: bytes, chunks: Sequence[Chunk], warnings: Iterable[str] = ()) -> Coverage:
    """Coverage of an SBB XML export by the chunks made from it."""
    fragments, items, _ = xml_fragments(data)
    haystack = _haystack(chunks)
    indexed = 0
    total = 0
    missing: list[str] = []
    for fragment in fragments:
        key = " ".join(words(fragment))
        if not key:
            continue
        total += len(fragment)
        if f" {key} " in haystack:
            indexed += len(fragment)
        else:
            missing.append(fragment[:120])
    found_items = sum(1 for item in items if f" {' '.join(words(item))} " in haystack)
    unknown = tuple(sorted({m.group(1) for w in warnings for m in [re.search(r"onbekend onderdeel <([^>]+)>", w)]
                            if m}))
    return Coverage("xml", total, indexed, len(items), found_items, unknown, tuple(missing))


def text_coverage(text: str, chunks: Sequence[Chunk]) -> Coverage:
    """Coverage of a text source: lines with at least 80% of their words in the chunks."""
    vocabulary = set(_haystack(chunks).split())
    indexed = 0
    total = 0
    missing: list[str] = []
    for line in text.splitlines():
        line_words = words(line)
        if not line_words:
            continue
        total += len(line.strip())
        found = sum(1 for w in line_words if w in vocabulary)
        if found >= TEXT_MATCH * len(line_words):
            indexed += len(line.strip())
        else:
            missing.append(line.strip()[:120])
    return Coverage("text", total, indexed, missing=tuple(missing))


def source_coverage(path: Path, chunks: Sequence[Chunk], warnings: Iterable[str] = ()) -> Coverage | None:
    """The coverage of one source file by its chunks; None for a format without a text to compare (PDF)."""
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return xml_coverage(path.read_bytes(), chunks, warnings)
    if suffix in (".txt", ".md"):
        from ingest.textfile import decode

        return text_coverage(decode(path.read_bytes(), path.name), chunks)
    return None


COVERAGE_FILE = "coverage.json"


def coverage_record(path: Path, chunks: Sequence[Chunk], warnings: Iterable[str] = ()) -> dict | None:
    """The coverage of one source as JSON for the manifest; a failure is recorded, never raised."""
    try:
        coverage = source_coverage(path, chunks, warnings)
    except Exception as exc:  # noqa: BLE001 - a report must never fail the ingest
        return {"error": f"{type(exc).__name__}: {exc}"}
    return coverage.as_json() if coverage else None


def write_coverage(build_dir: Path, files: dict[str, dict]) -> None:
    """Write ``coverage.json`` into a build: ``{"sources": {file name: coverage or null}}``."""
    import json

    sources = {entry.get("source", Path(key).name): entry.get("coverage") for key, entry in sorted(files.items())}
    with open(build_dir / COVERAGE_FILE, "w", encoding="utf-8") as handle:
        json.dump({"sources": sources}, handle, ensure_ascii=False, indent=1)
