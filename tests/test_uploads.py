"""Uploads (ingest.uploads) on a copy of the real index: stored safely, ingested by the same build, bad input refused.

Every refusal leaves ``CURRENT`` where it was; a second writer waits; a killed upload leaves the previous
build answering and its leftovers are cleaned by the next upload.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import PW_XML, current_name, search_json, settings_for
from filelock import FileLock
from kd_documents import QUESTION, write_kd_pdf, write_scanned_pdf, write_zip_as_pdf

from ingest.build import UPLOADS, remove_source
from ingest.uploads import MAX_NAME_CHARS, MAX_UPLOAD_BYTES, BadUpload, safe_name, store_uploads

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def kd_pdf(tmp_path) -> Path:
    return write_kd_pdf(tmp_path / "dierverzorging.pdf")


def upload(index_dir: Path, *files: tuple[str, Path], **kwargs):
    return store_uploads(settings_for(index_dir), list(files), **kwargs)


def stored_files(index_dir: Path) -> list[Path]:
    root = index_dir / UPLOADS
    return sorted(p for p in root.rglob("*") if p.is_file() and ".incoming" not in p.parts) if root.exists() else []


def test_upload_is_searchable_with_its_page_and_stored_under_the_index(index_copy, kd_pdf):
    steps: list[str] = []
    result = upload(index_copy, ("dierverzorging.pdf", kd_pdf), on_step=lambda step, _: steps.append(step))
    assert [(o.name, o.status) for o in result.outcomes] == [("dierverzorging.pdf", "added")]
    assert {"parse", "embed", "switch"} <= set(steps)
    hit = search_json(index_copy, QUESTION)["hits"][0]
    assert (hit["source"], hit["code"], hit["location"]) == ("dierverzorging.pdf", "B1-K1-W2", {"pages": [2, 2]})
    [stored] = stored_files(index_copy)
    assert stored.name == "dierverzorging.pdf" and stored.parent.parent == (index_copy / UPLOADS).resolve()


def test_same_file_again_is_unchanged_and_a_new_version_replaces_the_old(index_copy, kd_pdf, tmp_path):
    upload(index_copy, ("dierverzorging.pdf", kd_pdf))
    build = current_name(index_copy)
    again = upload(index_copy, ("dierverzorging.pdf", kd_pdf))
    assert again.outcomes[0].status == "unchanged" and current_name(index_copy) == build
    newer = write_kd_pdf(tmp_path / "v2.pdf", extra_pages=1)
    result = upload(index_copy, ("dierverzorging.pdf", newer))
    assert result.outcomes[0].status == "updated"
    [stored] = stored_files(index_copy)  # the old version's folder is gone
    assert stored.read_bytes() == newer.read_bytes()
    hits = search_json(index_copy, "technische installaties van verblijf", "-k", "3")["hits"]
    assert hits[0]["source"] == "dierverzorging.pdf"


@pytest.mark.parametrize("raw, expected", [
    ("../../etc/kd.pdf", "kd.pdf"),
    ("..\\..\\windows\\kd.pdf", "kd.pdf"),
    ("kd\x1b[2J\x07.pdf", "kd_2J.pdf"),
    ("kd\u202egpj.pdf", "kdgpj.pdf"),
    ("Kwalificatiedossier OA (2021).PDF", "Kwalificatiedossier OA (2021).pdf"),
])
def test_safe_names(raw, expected):
    assert safe_name(raw) == expected


def test_very_long_name_is_cut_and_bad_names_refused():
    assert len(safe_name("a" * 1000 + ".pdf")) == MAX_NAME_CHARS
    for raw in ("", "..", ".pdf", "/", "kd.exe", "kd", "\x00\x01"):
        with pytest.raises(BadUpload):
            safe_name(raw)


def test_traversal_name_is_stored_inside_the_uploads_folder(index_copy, kd_pdf):
    result = upload(index_copy, ("../../../../tmp/evil.pdf", kd_pdf))
    assert result.outcomes[0].status == "added"
    [stored] = stored_files(index_copy)
    assert stored.name == "evil.pdf" and (index_copy / UPLOADS).resolve() in stored.parents


def test_bad_inputs_are_refused_with_a_reason_and_nothing_changes(index_copy, tmp_path):
    before = current_name(index_copy)
    big = tmp_path / "groot.txt"
    with open(big, "wb") as handle:
        handle.truncate(MAX_UPLOAD_BYTES + 1)
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "binair.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "geen-kd.md").write_text("# Boodschappen\n\n- melk\n- brood\n", encoding="utf-8")
    (tmp_path / "nep.xml").write_bytes(b"PK\x03\x04 not xml")
    cases = {
        "groot.txt": (big, "groter dan de limiet"),
        "leeg.txt": (tmp_path / "leeg.txt", "leeg bestand"),
        "binair.txt": (tmp_path / "binair.txt", "binair"),
        "zip.pdf": (write_zip_as_pdf(tmp_path / "zip.pdf"), "zip"),
        "scan.pdf": (write_scanned_pdf(tmp_path / "scan.pdf"), "OCR"),
        "geen-kd.md": (tmp_path / "geen-kd.md", "geen kwalificatiedossier"),
        "nep.xml": (tmp_path / "nep.xml", "geen XML"),
        "2635-pedagogisch-werk.xml": (PW_XML, "niet via de app"),
    }
    result = upload(index_copy, *((name, path) for name, (path, _) in cases.items()))
    reasons = {o.name: o.reason for o in result.outcomes}
    assert all(o.status == "failed" for o in result.outcomes)
    for name, (_, expected) in cases.items():
        assert expected in reasons[name], (name, reasons[name])
    assert current_name(index_copy) == before and not result.changed
    assert stored_files(index_copy) == []


def test_a_second_upload_waits_for_the_writer_and_nothing_is_lost(index_copy, kd_pdf, tmp_path):
    other = write_kd_pdf(tmp_path / "tweede.pdf", extra_pages=1)
    waited = threading.Event()
    results = []
    lock = FileLock(str(index_copy / ".ingest.lock"))
    lock.acquire()  # another writer (an ingest, or the first upload) is busy
    worker = threading.Thread(target=lambda: results.append(
        upload(index_copy, ("tweede.pdf", other), on_wait=waited.set, wait=120)))
    worker.start()
    assert waited.wait(60), "the second upload did not say it waits"
    assert worker.is_alive()
    lock.release()
    worker.join(120)
    first = upload(index_copy, ("dierverzorging.pdf", kd_pdf))
    assert results[0].outcomes[0].status == "added" and first.outcomes[0].status == "added"
    assert {p.name for p in stored_files(index_copy)} == {"tweede.pdf", "dierverzorging.pdf"}


KILL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from assistant.settings import Settings
from ingest.uploads import store_uploads

def on_step(step, fraction):
    if step == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)

store_uploads(Settings(index_dir=Path(sys.argv[1]), embedder="use"), [("kd.pdf", Path(sys.argv[2]))], on_step=on_step)
"""


@pytest.mark.parametrize("step", ["embed", "switch"])
def test_a_killed_upload_leaves_the_previous_build_and_is_cleaned_later(index_copy, kd_pdf, tmp_path, step):
    before = current_name(index_copy)
    path = os.pathsep.join([str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    proc = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(index_copy), str(kd_pdf), step], env=env,
                          timeout=300, capture_output=True, check=False)
    assert proc.returncode == -9, proc.stderr[-500:]
    assert current_name(index_copy) == before
    assert search_json(index_copy, QUESTION)["hits"][0]["source"] != "kd.pdf"
    result = upload(index_copy, ("dierverzorging.pdf", kd_pdf))  # the writer lock died with the process
    assert result.outcomes[0].status == "added"
    assert [p.name for p in stored_files(index_copy)] == ["dierverzorging.pdf"]  # the orphan is gone


def test_remove_deletes_the_uploaded_file(index_copy, kd_pdf):
    upload(index_copy, ("dierverzorging.pdf", kd_pdf))
    remove_source(settings_for(index_copy), "dierverzorging.pdf")
    assert stored_files(index_copy) == []
    hits = search_json(index_copy, QUESTION, "-k", "10")["hits"]
    assert all(h["source"] != "dierverzorging.pdf" for h in hits)


def test_reindex_everything_keeps_uploads(index_copy, kd_pdf):
    from assistant.index import current_build, read_manifest
    from ingest.build import run_ingest

    upload(index_copy, ("dierverzorging.pdf", kd_pdf))
    keys = [Path(k) for k in read_manifest(current_build(index_copy))["files"]]
    report = run_ingest(keys, settings_for(index_copy), force=True)
    assert report.updated == len(keys) == 7 and not report.failed and report.embedded == 0
    assert search_json(index_copy, QUESTION)["hits"][0]["source"] == "dierverzorging.pdf"
