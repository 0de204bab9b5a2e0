"""Building the index: parse → chunk → embed → store, incrementally and crash-safe.

Every ingest that changes something writes a complete new build directory and
then switches ``CURRENT`` to it (see ``assistant.index``). Unchanged files keep
their chunks and cached vectors; a changed file replaces its own chunks; a file
gone from an ingested folder loses them; a file that used to parse and now fails
keeps its old chunks and is reported as stale. One writer at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import bm25s
import numpy as np
from filelock import FileLock, Timeout

from assistant import embedders
from assistant.competence_match import link_competences
from assistant.index import BUILDS, CHUNKS, MANIFEST, current_build, read_chunks, read_manifest, switch_current
from assistant.lexical import DEFAULT_STEMMER, SPLIT_COMPOUNDS, LexicalIndex, lexical_text, sentence_stem_lines
from assistant.model import SCHEMA_VERSION, Chunk, ParseError
from assistant.settings import Settings
from assistant.store import StoreError, VectorStore, check_server
from ingest.cache import EmbeddingCache, text_hash
from ingest.chunking import file_chunks, mark_duplicates
from ingest.coverage import coverage_record, write_coverage
from ingest.extract import sidecar_sha
from ingest.sources import discover, parse_file
from ingest.textclean import clean_units

EMBED_BATCH = 32
KEEP_BUILDS = 2
UPLOADS = "uploads"
NOT_PIPELINE = ("uploads.py",)
"""Modules of ``ingest/`` that do not change what a file parses into (left out of the pipeline fingerprint)."""
"""Folder of the index directory where the web app stores uploaded documents (one sub-folder each)."""


class IngestBusy(Exception):
    """Another process is writing this index."""


class IngestFailed(Exception):
    """The build could not be written; the previous index still answers."""


class UnknownSource(Exception):
    """``remove`` was given a name the index does not hold; ``known`` lists the names it does."""

    def __init__(self, name: str, known: tuple[str, ...]):
        super().__init__(f"onbekende bron (unknown source) {name!r}; bekend: {', '.join(known) or '(geen)'}")
        self.name = name
        self.known = known


Progress = Callable[[str, float], None]
"""A progress callback: (step, fraction done). Steps: ``parse``, ``embed``, ``write``, ``switch``."""


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def source_format(path: Path, units) -> str:
    """The detected format of a parsed file: ``pdf``, ``sbb_xml``, ``competence`` or ``kd_text``."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".xml":
        return "sbb_xml"
    return "competence" if any(u.kind.startswith("competentie") for u in units) else "kd_text"


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did. File counts, except ``chunks``."""

    chunks: int
    added: int
    updated: int
    removed: int
    unchanged: int
    failed: tuple[dict, ...]
    seconds: float
    skipped: tuple[str, ...] = ()
    embedded: int = 0
    build: str | None = None
    stale: tuple[str, ...] = field(default_factory=tuple)
    controls_dropped: int = 0

    def as_json(self) -> dict:
        """The ``--json`` summary of the public interface (plus a few extra fields)."""
        return {
            "chunks": self.chunks,
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "failed": list(self.failed),
            "seconds": round(self.seconds, 3),
            "skipped": list(self.skipped),
            "stale": list(self.stale),
            "embedded": self.embedded,
            "build": self.build,
            "controls_dropped": self.controls_dropped,
        }


def file_sha256(path: Path) -> str:
    """Content hash of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pipeline_fingerprint() -> str:
    """A hash of the ingest code, the lexical and chunk model code and the schema.

    When any of it changes, files are parsed and indexed again (vectors still come from the cache).
    """
    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    shared = Path(embedders.__file__).parent
    own = sorted(p for p in Path(__file__).parent.glob("*.py") if p.name not in NOT_PIPELINE)
    code = own + [shared / n for n in ("lexical.py", "model.py", "names.py")]
    for path in code:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _same_pipeline(manifest: dict, embedder_id: str, settings: Settings) -> bool:
    """Whether a manifest was written by this ingest code, with this embedder, into this kind of store."""
    mode = "server" if settings.chroma_url else "embedded"
    return (
        manifest.get("embedder", {}).get("id") == embedder_id
        and manifest.get("pipeline") == pipeline_fingerprint()
        and manifest.get("store", {}).get("mode") == mode
    )


def _previous(index_dir: Path) -> tuple[Path | None, dict, list[Chunk]]:
    """The current build, its manifest and chunks (empty when unreadable)."""
    build = current_build(index_dir)
    if build is None or not build.is_dir():
        return None, {}, []
    try:
        return build, read_manifest(build), read_chunks(build)
    except (OSError, ValueError, KeyError, TypeError):
        return None, {}, []


@dataclass
class _Plan:
    """The chunks per file for the next build, and what happened to each file."""

    chunks_by_file: dict[str, list[Chunk]] = field(default_factory=dict)
    files: dict[str, dict] = field(default_factory=dict)
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[dict] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    controls_dropped: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.stale)


def _plan(
    settings: Settings,
    paths: list[Path],
    prev_manifest: dict,
    prev_chunks: list[Chunk],
    embedder: Callable[[], embedders.Embedder],
    drop: frozenset[str] = frozenset(),
    force: bool = False,
    on_step: Progress | None = None,
) -> tuple[_Plan, tuple[str, ...]]:
    """Decide, file by file, which chunks the next build holds.

    ``drop`` names files (manifest keys) that leave the index; ``force`` parses unchanged files again.
    """
    discovery = discover(paths)
    embedder_id = embedders.spec_id(settings.embedder)
    same_pipeline = _same_pipeline(prev_manifest, embedder_id, settings)
    same_embedder = prev_manifest.get("embedder", {}).get("id") == embedder_id
    prev_files: dict[str, dict] = {k: v for k, v in prev_manifest.get("files", {}).items() if k not in drop}
    prev_by_source: dict[str, list[Chunk]] = {}
    for chunk in prev_chunks:
        prev_by_source.setdefault(chunk.source, []).append(chunk)

    plan = _Plan()
    work = [str(p) for p in discovery.files]
    if not same_pipeline:
        work += [key for key in prev_files if key not in work and Path(key).is_file()]
    names: dict[str, str] = {}
    for key in [*(k for k in prev_files if Path(k).is_file()), *work]:
        names.setdefault(Path(key).name, key)

    for number, key in enumerate(work):
        if on_step:
            on_step("parse", number / max(len(work), 1))
        path = Path(key)
        entry = prev_files.get(key)
        if names.get(path.name) != key:
            plan.failed.append({
                "path": key,
                "error": f"{path.name}: een ander bestand met deze naam is al geïndexeerd ({names[path.name]}); "
                "geef het een andere naam (another file with this name is already indexed)",
            })
            continue
        try:
            sha, side = file_sha256(path), sidecar_sha(path)
        except OSError as exc:
            plan.failed.append({"path": key, "error": f"{path.name}: kan niet lezen ({exc.strerror})"})
            _keep(plan, key, entry, prev_by_source, same_embedder)
            continue
        if entry and same_pipeline and not force and entry.get("sha256") == sha and entry.get("sidecar", "") == side \
                and entry.get("status") == "ok":
            plan.chunks_by_file[key] = prev_by_source.get(entry["source"], [])
            plan.files[key] = entry
            plan.unchanged += 1
            continue
        try:
            result = parse_file(path)
        except ParseError as exc:
            plan.failed.append({"path": key, "error": str(exc)})
            if _keep(plan, key, entry, prev_by_source, same_embedder, error=str(exc)):
                plan.stale.append(key)
            continue
        units, dropped = clean_units(result.units)  # control characters and bidi marks never reach the index
        plan.controls_dropped += dropped
        model = embedder()
        chunks = file_chunks(units, model.count_tokens, model.max_tokens)
        plan.chunks_by_file[key] = chunks
        plan.files[key] = {"source": path.name, "sha256": sha, "status": "ok", "chunks": len(chunks),
                           "format": source_format(path, result.units), "units": len(result.units),
                           "updated": _now(), "error": None}
        plan.files[key]["coverage"] = coverage_record(path, chunks, result.warnings)
        if side:
            plan.files[key]["sidecar"] = side
        if entry:
            plan.updated += 1
        else:
            plan.added += 1

    plan.removed += sum(1 for key in drop if key in prev_manifest.get("files", {}))
    for key, entry in prev_files.items():
        if key in plan.files or key in work:
            continue
        if not Path(key).exists():
            plan.removed += 1  # gone from disk (deleted, or moved: then it is ingested under its new path)
        elif same_pipeline:
            _keep(plan, key, entry, prev_by_source, same_embedder, error=entry.get("error"))
    return plan, tuple(str(p) for p in discovery.skipped)


def _keep(
    plan: _Plan,
    key: str,
    entry: dict | None,
    prev_by_source: dict[str, list[Chunk]],
    same_embedder: bool,
    error: str | None = None,
) -> bool:
    """Carry a file's previous chunks into the plan; True when there were any."""
    if not entry or not same_embedder:
        return False
    plan.chunks_by_file[key] = prev_by_source.get(entry["source"], [])
    kept = dict(entry)
    if error:
        kept.update(status="stale", error=error)
    plan.files[key] = kept
    return True


def _vectors(
    chunks: list[Chunk],
    cache: EmbeddingCache,
    embedder_id: str,
    embedder: Callable[[], embedders.Embedder],
    progress: bool,
    on_step: Progress | None = None,
) -> tuple[np.ndarray, int]:
    """Vectors for all chunks, from the cache or freshly embedded (and cached)."""
    hashes = [text_hash(c.index_text) for c in chunks]
    known = cache.get_many(embedder_id, hashes)
    todo = [i for i, h in enumerate(hashes) if h not in known]
    todo_unique = list(dict.fromkeys(hashes[i] for i in todo))
    texts = {hashes[i]: chunks[i].index_text for i in todo}
    if todo_unique:
        from tqdm import tqdm

        model = embedder()
        bar = tqdm(total=len(todo_unique), desc="embedding", unit="chunk", disable=not progress, file=sys.stderr)
        for start in range(0, len(todo_unique), EMBED_BATCH):
            batch = todo_unique[start : start + EMBED_BATCH]
            vectors = model.embed_batch([texts[h] for h in batch])
            fresh = dict(zip(batch, vectors, strict=True))
            cache.put_many(embedder_id, fresh)
            known.update(fresh)
            bar.update(len(batch))
            if on_step:
                on_step("embed", min(1.0, (start + len(batch)) / len(todo_unique)))
        bar.close()
    if not chunks:
        return np.zeros((0, 1), dtype=np.float32), 0
    return np.stack([known[h] for h in hashes]), len(todo_unique)


def _embed_cached(
    texts: list[str], cache: EmbeddingCache, embedder_id: str, embedder: Callable[[], embedders.Embedder]
) -> np.ndarray:
    """Unit vectors for a few short texts (competence link matching), through the embedding cache."""
    hashes = [text_hash(t) for t in texts]
    known = cache.get_many(embedder_id, hashes)
    todo = list(dict.fromkeys(h for h in hashes if h not in known))
    if todo:
        by_hash = dict(zip(hashes, texts, strict=True))
        fresh = dict(zip(todo, embedder().embed_batch([by_hash[h] for h in todo]), strict=True))
        cache.put_many(embedder_id, fresh)
        known.update(fresh)
    return np.stack([known[h] for h in hashes])


def new_build_name() -> str:
    """A unique, sortable build name."""
    return time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def _write_build(
    index_dir: Path,
    settings: Settings,
    chunks: list[Chunk],
    vectors: np.ndarray,
    files: dict[str, dict],
    embedder_spec: str,
    dimension: int,
    name: str | None = None,
    failed: tuple[dict, ...] = (),
) -> str:
    """Write a complete build directory and return its name (not yet current)."""
    name = name or new_build_name()
    build_dir = index_dir / BUILDS / name
    build_dir.mkdir(parents=True)
    if settings.chroma_url:
        store_info = {"mode": "server", "collection": f"kd_{name.replace('-', '_')}"}
        store = VectorStore(store_info["collection"], url=settings.chroma_url)
    else:
        store_info = {"mode": "embedded", "collection": "chunks"}
        store = VectorStore(store_info["collection"], path=build_dir / "chroma")
    if chunks:
        store.add(chunks, vectors)
    with open(build_dir / CHUNKS, "w", encoding="utf-8") as handle:
        for chunk in chunks:
            record = {**chunk.to_record(), "sentence_stems": sentence_stem_lines(chunk.text)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    LexicalIndex.build(
        [c.id for c in chunks], [lexical_text(c) for c in chunks], split_compounds=SPLIT_COMPOUNDS
    ).save(build_dir / "lexical")
    write_coverage(build_dir, files)
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "build": name,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "embedder": {"id": embedders.spec_id(embedder_spec), "spec": embedder_spec, "dimension": dimension},
        "pipeline": pipeline_fingerprint(),
        "lexical": {"stemmer": DEFAULT_STEMMER, "compounds": SPLIT_COMPOUNDS, "bm25s": bm25s.__version__},
        "store": store_info,
        "chunks": len(chunks),
        "files": files,
        "failed": [{**item, "updated": _now()} for item in failed],
    }
    tmp = build_dir / (MANIFEST + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, build_dir / MANIFEST)
    return name


def _drop_server_collection(build_dir: Path, settings: Settings) -> None:
    """Delete a build's collection on the Chroma server (best effort)."""
    if not settings.chroma_url:
        return
    try:
        collection = read_manifest(build_dir)["store"]["collection"]
    except (OSError, ValueError, KeyError):
        collection = f"kd_{build_dir.name.replace('-', '_')}"
    try:
        VectorStore(collection, url=settings.chroma_url).drop()
    except StoreError:
        pass


def _clean_old_builds(index_dir: Path, keep: set[str], settings: Settings) -> None:
    """Remove builds that are neither current nor the one before (and their server collections)."""
    builds = index_dir / BUILDS
    if not builds.is_dir():
        return
    for entry in builds.iterdir():
        if entry.name not in keep and entry.is_dir():
            _drop_server_collection(entry, settings)
            shutil.rmtree(entry, ignore_errors=True)


def writer_lock(index_dir: Path, wait: float = 0.0) -> FileLock:
    """Take the one-writer lock of an index (waiting up to ``wait`` seconds); release it when done.

    Raises:
        IngestBusy: another writer holds it.
        IngestFailed: the index directory cannot be written.
    """
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(index_dir / ".ingest.lock"))
        lock.acquire(timeout=wait)
    except Timeout:
        raise IngestBusy(f"another ingest is writing {index_dir}/; wait for it to finish") from None
    except OSError as exc:
        raise IngestFailed(f"cannot write the index directory {index_dir}/: {exc.strerror}") from None
    return lock


def run_ingest(
    paths: list[Path],
    settings: Settings,
    *,
    progress: bool = False,
    drop: frozenset[str] = frozenset(),
    force: bool = False,
    wait: float = 0.0,
    on_step: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders into the index of ``settings``.

    Args:
        paths: files and folders to ingest.
        settings: where the index lives, which embedder and store.
        progress: show a progress bar on stderr.
        drop: manifest keys (resolved paths) of files that leave the index in the same build.
        force: parse and chunk unchanged files again (vectors still come from the cache).
        wait: seconds to wait for another writer before giving up.
        on_step: called with (step, fraction) as the build goes: parse, embed, write, switch.

    Raises:
        IngestBusy: another ingest holds the lock.
        IngestFailed: the new build could not be written (the old one still answers).
        embedders.EmbedderError: the embedder cannot be loaded.
    """
    lock = writer_lock(settings.index_dir, wait)
    try:
        return ingest_locked(paths, settings, progress=progress, drop=drop, force=force, on_step=on_step)
    finally:
        lock.release()


def ingest_locked(
    paths: list[Path],
    settings: Settings,
    *,
    progress: bool = False,
    drop: frozenset[str] = frozenset(),
    force: bool = False,
    on_step: Progress | None = None,
) -> IngestReport:
    """:func:`run_ingest` for a caller that already holds :func:`writer_lock`."""
    started = time.perf_counter()
    index_dir = settings.index_dir
    if settings.chroma_url:
        try:
            check_server(settings.chroma_url)
        except StoreError as exc:
            raise IngestFailed(f"{exc}; the previous index still answers") from None
    embedder_id = embedders.spec_id(settings.embedder)
    model_holder: list[embedders.Embedder] = []

    def embedder() -> embedders.Embedder:
        if not model_holder:
            model_holder.append(embedders.load(settings.embedder))
        return model_holder[0]

    prev_dir, prev_manifest, prev_chunks = _previous(index_dir)
    plan, skipped = _plan(settings, paths, prev_manifest, prev_chunks, embedder, frozenset(drop), force, on_step)
    same_pipeline = _same_pipeline(prev_manifest, embedder_id, settings)
    ordered = [chunk for key in sorted(plan.chunks_by_file) for chunk in plan.chunks_by_file[key]]
    build_name = prev_dir.name if prev_dir else None
    embedded = 0
    if plan.changed or force or not same_pipeline or prev_dir is None:
        chunks = mark_duplicates(ordered)
        cache = EmbeddingCache(index_dir / "cache" / "embeddings.sqlite")
        try:
            vectors, embedded = _vectors(chunks, cache, embedder_id, embedder, progress, on_step)
            chunks = link_competences(chunks, lambda texts: _embed_cached(texts, cache, embedder_id, embedder))
        finally:
            cache.close()
        dimension = int(vectors.shape[1]) if len(chunks) else 0
        build_name = new_build_name()
        if on_step:
            on_step("write", 0.0)
        try:
            _write_build(index_dir, settings, chunks, vectors, plan.files, settings.embedder, dimension, build_name,
                         tuple(plan.failed))
        except (StoreError, OSError) as exc:
            _drop_server_collection(index_dir / BUILDS / build_name, settings)
            shutil.rmtree(index_dir / BUILDS / build_name, ignore_errors=True)
            raise IngestFailed(
                f"could not write the new index build: {exc}; the previous index still answers"
            ) from None
        if on_step:
            on_step("switch", 0.0)
        switch_current(index_dir, build_name)
        _clean_old_builds(index_dir, {build_name, prev_dir.name if prev_dir else ""}, settings)
        total = len(chunks)
    else:
        total = len(ordered)
    if on_step:
        on_step("switch", 1.0)
    return IngestReport(
        chunks=total,
        added=plan.added,
        updated=plan.updated,
        removed=plan.removed,
        unchanged=plan.unchanged,
        failed=tuple(plan.failed),
        seconds=time.perf_counter() - started,
        skipped=skipped,
        embedded=embedded,
        build=build_name,
        stale=tuple(plan.stale),
        controls_dropped=plan.controls_dropped,
    )


def source_keys(manifest: dict, name: str) -> list[str]:
    """The manifest keys (paths) of the indexed files called ``name``."""
    return [key for key, entry in manifest.get("files", {}).items() if entry.get("source") == name]


def remove_source(settings: Settings, name: str, *, wait: float = 0.0) -> IngestReport:
    """Remove one source (by its file name) and switch to a build without it; crash-safe, one writer.

    A file the app stored in the index's ``uploads/`` folder is deleted once the new build answers;
    a file elsewhere stays on disk (ingesting its folder again brings it back).

    Raises:
        UnknownSource: no indexed file has that name.
        IngestBusy, IngestFailed: as :func:`run_ingest` (nothing changes).
    """
    lock = writer_lock(settings.index_dir, wait)
    try:
        _, manifest, _ = _previous(settings.index_dir)
        if not manifest:
            raise IngestFailed(f"no index in {settings.index_dir}/: run `assistant ingest`")
        keys = source_keys(manifest, name)
        if not keys:
            known = tuple(sorted({e.get("source", "") for e in manifest.get("files", {}).values()}))
            raise UnknownSource(name, known)
        report = ingest_locked([], settings, drop=frozenset(keys))
        uploads = (settings.index_dir / UPLOADS).resolve()
        for key in keys:
            folder = Path(key).parent
            if folder.parent == uploads:
                shutil.rmtree(folder, ignore_errors=True)
        return report
    finally:
        lock.release()
