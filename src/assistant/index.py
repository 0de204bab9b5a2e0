"""The on-disk index: layout, manifest, and opening the current build for reading.

Layout of an index directory::

    index/
      CURRENT              name of the build that answers queries (switched atomically)
      builds/<build>/      one complete build
        manifest.json      schema version, embedder, files with content hashes
        chunks.jsonl       every chunk with its metadata and text
        lexical/           the bm25s index
        chroma/            the Chroma collection (embedded mode)
      cache/embeddings.sqlite   vectors keyed by (embedder id, text hash)
      .ingest.lock         held by the one writer

A build directory is complete before ``CURRENT`` names it, so a reader never
sees half an index and a killed ingest leaves the previous build answering.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import orjson

from assistant.embedders import EmbedderError, spec_id
from assistant.lexical import LexicalIndex
from assistant.model import SCHEMA_VERSION, Chunk, phrase_text
from assistant.settings import Settings
from assistant.store import StoreError, VectorStore

CURRENT = "CURRENT"
BUILDS = "builds"
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"


class IndexUnavailable(Exception):
    """The index cannot serve queries; the message says what to run."""


def current_build(index_dir: Path) -> Path | None:
    """The directory of the build ``CURRENT`` names, or None when there is none."""
    pointer = index_dir / CURRENT
    if not pointer.is_file():
        return None
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return index_dir / BUILDS / ".unreadable-pointer"
    if not name or "/" in name or name.startswith("."):
        return index_dir / BUILDS / ".unreadable-pointer" if name else None
    return index_dir / BUILDS / name


def switch_current(index_dir: Path, build_name: str) -> None:
    """Point ``CURRENT`` at a build, atomically (write, fsync, rename)."""
    tmp = index_dir / f".{CURRENT}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(build_name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, index_dir / CURRENT)
    _fsync_dir(index_dir)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_manifest(build_dir: Path) -> dict:
    """The manifest of a build."""
    return json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))


def read_chunks(build_dir: Path) -> list[Chunk]:
    """All chunks of a build, in index order (orjson: the biggest part of opening a large index)."""
    with open(build_dir / CHUNKS, "rb") as handle:
        return [Chunk.from_record(orjson.loads(line)) for line in handle if line.strip()]


def _manifest_problem(manifest: object) -> str | None:
    """What is wrong with a manifest's shape, or None."""
    if not isinstance(manifest, dict):
        return "manifest is not an object"
    store = manifest.get("store")
    if not isinstance(store, dict) or store.get("mode") not in ("embedded", "server") or not store.get("collection"):
        return "manifest has no vector store"
    if not isinstance(manifest.get("embedder"), dict) or not isinstance(manifest.get("chunks"), int):
        return "manifest has no embedder or chunk count"
    return None


def _required_parts(manifest: dict) -> list[str]:
    """The files a complete build must have."""
    parts = ["lexical/lexical.json"]
    if manifest.get("store", {}).get("mode") == "embedded":
        parts.append("chroma/chroma.sqlite3")
    return parts


def _hint(index_dir: Path) -> str:
    flag = "" if str(index_dir) == "index" else f" --index {index_dir}"
    return f"run `assistant ingest{flag}`"


@dataclass(frozen=True)
class OpenIndex:
    """A complete build opened for reading: manifest, chunks, lexical index, vectors."""

    build_dir: Path
    manifest: dict
    chunks: tuple[Chunk, ...]
    settings: Settings

    @cached_property
    def by_id(self) -> dict[str, Chunk]:
        """Chunks by id."""
        return {chunk.id: chunk for chunk in self.chunks}

    @cached_property
    def phrase_texts(self) -> dict[str, str]:
        """Each chunk's :func:`phrase_text` by id, prepared once instead of per query."""
        return {chunk.id: phrase_text(chunk) for chunk in self.chunks}

    @cached_property
    def lexical(self) -> LexicalIndex:
        """The lexical index, loaded once (memory-mapped)."""
        try:
            return LexicalIndex.load(self.build_dir / "lexical")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexUnavailable(self._damaged(f"lexical index unreadable: {type(exc).__name__}")) from None

    def _damaged(self, what: str) -> str:
        return f"the index in {self.settings.index_dir}/ is damaged ({what}): {_hint(self.settings.index_dir)}"

    @cached_property
    def store(self) -> VectorStore:
        """The vector store of this build."""
        store = self.manifest["store"]
        if store["mode"] == "server" and not self.settings.chroma_url:
            raise IndexUnavailable("this index lives on a Chroma server: set ASSISTANT_CHROMA_URL")
        try:
            if store["mode"] == "server":
                vectors = VectorStore(store["collection"], url=self.settings.chroma_url, create=False)
            else:
                vectors = VectorStore(store["collection"], path=self.build_dir / "chroma", create=False)
            count = vectors.count()
        except StoreError as exc:
            if "readonly" in str(exc).replace("-", "").replace(" ", "").lower():
                raise IndexUnavailable(
                    f"the index in {self.settings.index_dir}/ is read-only, and the vector store needs write "
                    "access to open it: make the directory writable (or copy it) and search again"
                ) from None
            if store["mode"] == "server":
                raise IndexUnavailable(f"{exc}: start the Chroma server, or {_hint(self.settings.index_dir)}") from None
            raise IndexUnavailable(self._damaged(str(exc))) from None
        if count != self.manifest.get("chunks", count):
            raise IndexUnavailable(self._damaged(f"vector store holds {count} of {self.manifest['chunks']} chunks"))
        return vectors

    @cached_property
    def vocabulary(self):
        """Names, abbreviations, competences and crebos of this index, for query understanding."""
        from assistant.query import Vocabulary

        return Vocabulary.from_chunks(self.chunks)

    def warm_up(self) -> None:
        """Load everything a query needs: the vector store in a thread, the rest meanwhile.

        The Chroma index loads in native code, so the two halves overlap; an app
        calls this once at start so that its first question is as fast as the rest.
        """
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1) as pool:
            store = pool.submit(lambda: self.store.count())
            _ = self.by_id, self.vocabulary, self.lexical, self.phrase_texts
            store.result()

    @property
    def embedder_id(self) -> str:
        """The id of the embedder that built this index."""
        return self.manifest["embedder"]["id"]


def usable_build(settings: Settings) -> Path:
    """The current build directory, when ``CURRENT`` names one that has a manifest.

    Raises:
        IndexUnavailable: no index, or ``CURRENT`` points at a missing or unreadable build.
    """
    index_dir = settings.index_dir
    build_dir = current_build(index_dir)
    if build_dir is None:
        raise IndexUnavailable(f"no index in {index_dir}/: {_hint(index_dir)}")
    if not (build_dir / MANIFEST).is_file():
        raise IndexUnavailable(f"the index in {index_dir}/ points at a missing build: {_hint(index_dir)}")
    return build_dir


def current_name(index_dir: Path) -> str | None:
    """The build name ``CURRENT`` holds (cheap: one small read), or None."""
    try:
        return (index_dir / CURRENT).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def open_index(settings: Settings) -> OpenIndex:
    """Open the current build for reading.

    Raises:
        IndexUnavailable: missing, incomplete or corrupt index, another schema,
            or an index built with another embedder than ``settings.embedder``.
    """
    index_dir = settings.index_dir
    hint = _hint(index_dir)
    build_dir = current_build(index_dir)
    if build_dir is None:
        raise IndexUnavailable(f"no index in {index_dir}/: {hint}")
    if not build_dir.is_dir():
        raise IndexUnavailable(f"the index in {index_dir}/ points at a missing build: {hint}")
    try:
        manifest = read_manifest(build_dir)
        problem = _manifest_problem(manifest)
        if problem:
            raise IndexUnavailable(f"the index in {index_dir}/ is damaged ({problem}): {hint}")
        chunks = tuple(read_chunks(build_dir))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IndexUnavailable(f"the index in {index_dir}/ is damaged ({type(exc).__name__}): {hint}") from None
    if len(chunks) != manifest["chunks"]:
        raise IndexUnavailable(
            f"the index in {index_dir}/ is damaged ({len(chunks)} of {manifest['chunks']} chunks): {hint}"
        )
    missing = [part for part in _required_parts(manifest) if not (build_dir / part).exists()]
    if missing:
        raise IndexUnavailable(f"the index in {index_dir}/ is damaged (missing {', '.join(missing)}): {hint}")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise IndexUnavailable(f"the index in {index_dir}/ has an older format: {hint}")
    try:
        wanted = spec_id(settings.embedder)
    except EmbedderError as exc:
        raise IndexUnavailable(str(exc)) from None
    built_with = manifest.get("embedder", {}).get("id")
    if built_with != wanted:
        raise IndexUnavailable(
            f"the index in {index_dir}/ was built with embedder {built_with}, not {wanted}: "
            f"{hint} to rebuild it, or set ASSISTANT_EMBEDDER={manifest.get('embedder', {}).get('spec')}"
        )
    return OpenIndex(build_dir=build_dir, manifest=manifest, chunks=chunks, settings=settings)
