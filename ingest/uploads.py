"""Documents uploaded through the web app: checked, stored under the index, ingested by the same build.

Each accepted file is kept as ``<index>/uploads/<content hash>/<safe name>``: the name is cleaned
(no path, no control characters, at most :data:`MAX_NAME_CHARS`), the folder is unique per content,
and nothing is ever served back from there. A file is checked before the index is touched:
size (:data:`MAX_UPLOAD_BYTES`), empty, type by content (a ".pdf" must be a PDF, a ".txt" text), and
a full parse (a PDF without a text layer needs OCR first; a file without KD structure is refused).
Then, under the one-writer lock, one incremental build adds the new files and drops the earlier
upload of the same name (an update). A killed process leaves the previous build answering; the
files it left behind are cleaned at the next upload or removal.
"""

from __future__ import annotations

import contextvars
import hashlib
import os
import re
import secrets
import shutil
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from assistant.model import ParseError
from assistant.settings import Settings
from ingest.build import (
    UPLOADS,
    IngestBusy,
    IngestFailed,
    IngestReport,
    Progress,
    _previous,
    ingest_locked,
    source_keys,
    writer_lock,
)
from ingest.sources import SUFFIXES, parse_file

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
"""Largest accepted document (20 MB); the web app's upload route uses the same limit."""
MAX_NAME_CHARS = 120
INCOMING = ".incoming"
STALE_INCOMING_SECONDS = 3600
WAIT_SECONDS = 600.0
BACKGROUND_NICE = 5
T = TypeVar("T")


class BadUpload(Exception):
    """A file that is refused before the index is touched; the message says why (Dutch, then English)."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one uploaded file: ``added``, ``updated``, ``unchanged`` or ``failed`` (with why)."""

    name: str
    status: str
    reason: str | None = None
    chunks: int = 0


@dataclass(frozen=True)
class UploadResult:
    """The outcome per file, and the ingest report when a build ran."""

    outcomes: tuple[Outcome, ...]
    report: IngestReport | None = None

    @property
    def changed(self) -> bool:
        """Whether the index changed."""
        return any(o.status in ("added", "updated") for o in self.outcomes)


_UNSAFE = re.compile(r"[^\w .()+,-]+")


def safe_name(raw: str) -> str:
    """A clean file name for an upload: last path part only, no control characters, limited length.

    Raises:
        BadUpload: nothing usable is left, or the type is not supported.
    """
    text = unicodedata.normalize("NFC", str(raw or "")).encode("utf-8", "replace").decode("utf-8")
    text = re.split(r"[\\/]", text)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = _UNSAFE.sub("_", text).strip(" ._")
    stem, dot, suffix = text.rpartition(".")
    if not dot or not stem.strip(" ._"):
        raise BadUpload(f"ongeldige bestandsnaam {raw[:60]!r}: geef het bestand een naam met een extensie "
                        f"({', '.join(SUFFIXES)}) (invalid file name)")
    suffix = "." + suffix.lower()
    if suffix not in SUFFIXES:
        raise BadUpload(f"{text[:80]}: formaat {suffix} wordt niet ondersteund; kies {', '.join(SUFFIXES)} "
                        "(unsupported format)")
    stem = stem.strip(" ._")[: MAX_NAME_CHARS - len(suffix)].rstrip(" ._")
    return stem + suffix


def content_problem(name: str, head: bytes) -> str | None:
    """Why the first bytes of a file do not fit its extension, or None."""
    suffix = Path(name).suffix.lower()
    zipped = head.startswith(b"PK\x03\x04")
    if suffix == ".pdf" and not head.lstrip()[:1024].startswith(b"%PDF-"):
        kind = "een zip-bestand (zip archive)" if zipped else "geen PDF (not a PDF)"
        return f"{name}: de inhoud is {kind}, al eindigt de naam op .pdf"
    if suffix == ".xml":
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if zipped or start != b"<":
            return f"{name}: de inhoud is geen XML (not XML)"
    if suffix in (".txt", ".md") and (zipped or head.startswith(b"%PDF-") or b"\x00" in head):
        return f"{name}: binair bestand, geen tekst (binary file, not text)"
    return None


def check_file(path: Path, name: str) -> None:
    """Refuse a file by size, emptiness or content type (see the module docstring).

    Raises:
        BadUpload: with the reason.
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise BadUpload(f"{name}: kan niet lezen (cannot read: {exc.strerror})") from None
    if size == 0:
        raise BadUpload(f"{name}: leeg bestand (empty file)")
    if size > MAX_UPLOAD_BYTES:
        raise BadUpload(f"{name}: {size / 1e6:.1f} MB is groter dan de limiet van {MAX_UPLOAD_BYTES // 2**20} MB "
                        "(file too large)")
    problem = content_problem(name, head)
    if problem:
        raise BadUpload(problem)


def _ocr_hint(message: str) -> str:
    if "no text layer" in message:
        return message + "; deze PDF heeft geen tekstlaag: haal hem eerst door OCR (needs OCR first)"
    return message


def _sha(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stage(settings: Settings, files: list[tuple[str, Path]]) -> tuple[Path, list[Outcome], list[tuple[str, Path]]]:
    """Check and copy the files into a private staging folder; (folder, refusals, accepted (name, path))."""
    staging = settings.index_dir / UPLOADS / INCOMING / (time.strftime("%Y%m%dT%H%M%S-") + secrets.token_hex(4))
    staging.mkdir(parents=True)
    refused: list[Outcome] = []
    accepted: list[tuple[str, Path]] = []
    for raw, source in files:
        try:
            name = safe_name(raw)
        except BadUpload as exc:
            refused.append(Outcome(str(raw)[:80], "failed", str(exc)))
            continue
        if any(name == n for n, _ in accepted):
            refused.append(Outcome(name, "failed", f"{name}: twee keer in deze upload (the same name twice)"))
            continue
        try:
            check_file(Path(source), name)
            staged = staging / name
            shutil.copyfile(source, staged)
            parse_file(staged)
        except BadUpload as exc:
            refused.append(Outcome(name, "failed", str(exc)))
            continue
        except ParseError as exc:
            refused.append(Outcome(name, "failed", _ocr_hint(str(exc))))
            continue
        except OSError as exc:
            refused.append(Outcome(name, "failed", f"{name}: kan niet opslaan (cannot store: {exc.strerror})"))
            continue
        accepted.append((name, staged))
    return staging, refused, accepted


def clean_uploads(settings: Settings) -> None:
    """Delete upload folders the current build does not hold, and old staging folders (holding the lock)."""
    root = settings.index_dir / UPLOADS
    if not root.is_dir():
        return
    _, manifest, _ = _previous(settings.index_dir)
    held = set(manifest.get("files", {}))
    for entry in root.iterdir():
        if entry.name == INCOMING:
            for staged in entry.iterdir():
                if time.time() - staged.stat().st_mtime > STALE_INCOMING_SECONDS:
                    shutil.rmtree(staged, ignore_errors=True)
        elif entry.is_dir():
            for item in entry.iterdir():
                if str(item.resolve()) not in held:
                    shutil.rmtree(item) if item.is_dir() else item.unlink(missing_ok=True)
            if not any(entry.iterdir()):
                entry.rmdir()
        else:
            entry.unlink(missing_ok=True)


def in_background(fn: Callable[..., T], *args, nice: int = BACKGROUND_NICE, **kwargs) -> T:
    """Run ``fn`` in a thread of lower CPU priority (Linux: per-thread nice) and return its result.

    The web app builds uploads this way, so that questions keep their speed on a small machine.
    The caller's context variables go along (Gradio's progress reporting relies on them).
    """
    box: dict = {}
    context = contextvars.copy_context()

    def work() -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
        except (AttributeError, OSError):
            pass  # not Linux, or not allowed: run at normal priority
        try:
            box["value"] = context.run(fn, *args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, name="upload-build", daemon=True)
    worker.start()
    worker.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def store_uploads(
    settings: Settings,
    files: list[tuple[str, Path]],
    *,
    on_step: Progress | None = None,
    on_wait: Callable[[], None] | None = None,
    wait: float = WAIT_SECONDS,
) -> UploadResult:
    """Check, store and ingest uploaded files ``(original name, temporary path)`` in one build.

    Refused files never reach the index. A file named like an earlier upload replaces it; a name
    that another (not uploaded) source already has is refused. When another writer is busy,
    ``on_wait`` is called and the upload waits up to ``wait`` seconds for it.

    Raises:
        IngestBusy: the other writer did not finish in time (nothing changed).
    """
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    staging, refused, accepted = _stage(settings, files)
    try:
        if not accepted:
            return UploadResult(tuple(refused))
        try:
            lock = writer_lock(settings.index_dir, 0.0)
        except IngestBusy:
            if on_wait:
                on_wait()
            lock = writer_lock(settings.index_dir, wait)
        try:
            return _ingest_staged(settings, accepted, refused, on_step)
        finally:
            lock.release()
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _ingest_staged(settings: Settings, accepted: list[tuple[str, Path]], refused: list[Outcome],
                   on_step: Progress | None) -> UploadResult:
    """Move the staged files into place and run one build (the caller holds the writer lock)."""
    root = (settings.index_dir / UPLOADS).resolve()
    _, manifest, _ = _previous(settings.index_dir)
    outcomes = list(refused)
    paths: dict[str, Path] = {}
    drop: set[str] = set()
    created: list[Path] = []
    previous: dict[str, bool] = {}
    for name, staged in accepted:
        keys = source_keys(manifest, name)
        if any(Path(key).parent.parent != root for key in keys):
            outcomes.append(Outcome(name, "failed", f"{name}: er is al een bron met deze naam die niet via de app "
                                    "is toegevoegd; geef het bestand een andere naam (name collision)"))
            continue
        folder = root / _sha(staged)[:16]
        target = folder / name
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            staged.replace(target)
            created.append(folder)
        paths[name] = target
        drop.update(key for key in keys if key != str(target))
        previous[name] = bool(keys)
    if not paths:
        return UploadResult(tuple(outcomes))
    try:
        report = ingest_locked(list(paths.values()), settings, drop=frozenset(drop), on_step=on_step)
    except IngestFailed as exc:
        for folder in created:
            shutil.rmtree(folder, ignore_errors=True)
        outcomes += [Outcome(name, "failed", str(exc)) for name in paths]
        return UploadResult(tuple(outcomes))
    failed = {Path(item["path"]).name: item["error"] for item in report.failed}
    _, after, _ = _previous(settings.index_dir)
    for name, target in paths.items():
        entry = after.get("files", {}).get(str(target))
        if name in failed or entry is None:
            outcomes.append(Outcome(name, "failed", failed.get(name, f"{name}: niet geïndexeerd (not indexed)")))
        elif str(target) in manifest.get("files", {}):
            outcomes.append(Outcome(name, "unchanged", None, int(entry.get("chunks", 0))))
        else:
            outcomes.append(Outcome(name, "updated" if previous[name] else "added", None, int(entry.get("chunks", 0))))
    clean_uploads(settings)
    return UploadResult(tuple(outcomes), report)
