"""What an index holds, one entry per source file: the ``sources`` view of the CLI and the Documenten tab.

Pure functions over a build's manifest and chunks; no I/O here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from assistant.model import SCHEMA_VERSION, Chunk

FORMATS = {".pdf": "pdf", ".xml": "sbb_xml"}


@dataclass(frozen=True)
class SourceInfo:
    """One source file of the index (the ``sources --json`` entry)."""

    source: str
    format: str
    dossiers: tuple[str, ...]
    versions: tuple[str, ...]
    crebo: tuple[str, ...]
    profiles: tuple[str, ...]
    units: int
    chunks: int
    updated: str | None
    status: str
    error: str | None

    def as_json(self) -> dict:
        """The public JSON shape (lists, not tuples)."""
        return {
            "source": self.source, "format": self.format, "dossiers": list(self.dossiers),
            "versions": list(self.versions), "crebo": list(self.crebo), "profiles": list(self.profiles),
            "units": self.units, "chunks": self.chunks, "updated": self.updated, "status": self.status,
            "error": self.error,
        }


@dataclass(frozen=True)
class Inventory:
    """Every source of one build, with the totals, embedder and schema."""

    embedder: str | None
    schema: int | None
    build: str | None
    chunks: int
    sources: tuple[SourceInfo, ...]

    def as_json(self) -> dict:
        """The ``assistant sources --json`` object."""
        return {"embedder": self.embedder, "schema": self.schema, "build": self.build, "chunks": self.chunks,
                "sources": [s.as_json() for s in self.sources]}

    def names(self) -> tuple[str, ...]:
        """The source file names."""
        return tuple(s.source for s in self.sources)

    @property
    def units(self) -> int:
        """Units over all sources."""
        return sum(s.units for s in self.sources)


def _guess_format(name: str, chunks: Iterable[Chunk]) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    return "competence" if any(c.kind.startswith("competentie") for c in chunks) else "kd_text"


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        if value:
            seen.setdefault(value, value)
    return tuple(sorted(seen, key=str.lower))


def _unit_count(chunks: list[Chunk]) -> int:
    """Units behind some chunks: a long unit is split into parts that share code, title and breadcrumb."""
    return len({(c.kind, c.dossier, c.version, c.profile, c.code, c.title, c.competence, c.level) for c in chunks})


def source_info(name: str, entry: dict, chunks: list[Chunk], created: str | None) -> SourceInfo:
    """One file's entry from its manifest record and its chunks."""
    return SourceInfo(
        source=name,
        format=entry.get("format") or _guess_format(name, chunks),
        dossiers=_unique(c.dossier for c in chunks),
        versions=_unique(c.version for c in chunks),
        crebo=_unique(c.crebo for c in chunks),
        profiles=_unique(c.profile for c in chunks),
        units=int(entry["units"]) if isinstance(entry.get("units"), int) else _unit_count(chunks),
        chunks=len(chunks),
        updated=entry.get("updated") or created,
        status=entry.get("status") or "ok",
        error=entry.get("error"),
    )


def inventory(manifest: dict, chunks: Iterable[Chunk]) -> Inventory:
    """The inventory of a build: its files (ok or stale) and the files its ingest could not parse (failed)."""
    by_source: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_source.setdefault(chunk.source, []).append(chunk)
    created = manifest.get("created")
    entries = [source_info(e.get("source", PurePath(k).name), e, by_source.get(e.get("source", ""), []), created)
               for k, e in manifest.get("files", {}).items()]
    indexed = {k for k in manifest.get("files", {})}
    for item in manifest.get("failed", []):
        if item.get("path") in indexed or not item.get("path"):
            continue  # a file that failed but kept its old chunks is listed once, as stale
        name = PurePath(item["path"]).name
        entries.append(SourceInfo(name, _guess_format(name, ()), (), (), (), (), 0, 0, item.get("updated"),
                                  "failed", item.get("error")))
    embedder = manifest.get("embedder", {})
    return Inventory(
        embedder=embedder.get("spec") or embedder.get("id"),
        schema=manifest.get("schema_version", SCHEMA_VERSION),
        build=manifest.get("build"),
        chunks=int(manifest.get("chunks", sum(s.chunks for s in entries))),
        sources=tuple(sorted(entries, key=lambda s: s.source.lower())),
    )
