"""End-to-end tests of building the index: real corpus, real ``use`` embedder, real Chroma.

The whole corpus is ingested once per session (``built_index`` in conftest.py).
Tests that change an index work on a copy of it, or on small corpus subsets in a
fresh index whose embedding cache is seeded from the session index.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import shutil
import signal
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import (
    CORPUS,
    DATA,
    KD_TEXT,
    PROFILE_TEXT,
    PW_XML,
    REPORT_KEYS,
    SW_XML,
    Built,
    _assistant_command,
    copy_files,
    current_name,
    ingest,
    invoke,
    one_line,
    opened,
    records,
    require_same_pipeline,
    run_cli,
    search_json,
    settings_for,
    sha256,
)
from filelock import FileLock

from assistant import embedders
from assistant.index import BUILDS, CURRENT, IndexUnavailable, open_index
from assistant.model import KINDS, SCHEMA_VERSION
from ingest.build import IngestBusy, run_ingest

CODE = re.compile(r"^[BP][0-9]+(-K[0-9]+(-W[0-9]+)?)?$")
SOURCES = {path.name for path in CORPUS}


def chunks_of(index_dir: Path, **where) -> list:
    """The chunks of the current build whose fields equal ``where``."""
    return [c for c in opened(index_dir).chunks if all(getattr(c, k) == v for k, v in where.items())]


def file_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


def without(recs: dict[str, dict], source: str) -> dict[str, dict]:
    """Records of every other source file; ``also_in``/``group`` are cross-file and left out."""
    return {
        cid: {k: v for k, v in rec.items() if k not in ("also_in", "group")}
        for cid, rec in recs.items()
        if rec["source"] != source
    }


# --------------------------------------------------------------------------- 1. full ingest


def test_full_ingest_report(built_index: Built):
    report = built_index.report
    json.dumps(report)  # JSON-able
    assert set(REPORT_KEYS) <= set(report)
    assert report["chunks"] >= 250
    assert report["added"] == len(CORPUS) == 6
    assert (report["updated"], report["removed"], report["unchanged"]) == (0, 0, 0)
    assert report["failed"] == []
    assert isinstance(report["seconds"], (int, float)) and report["seconds"] >= 0
    # the report counts what the index holds: chunks.jsonl, Chroma and the lexical index agree
    index = opened(built_index.index_dir)
    ids = [c.id for c in index.chunks]
    assert len(ids) == len(set(ids)) == report["chunks"]
    assert index.store.count() == report["chunks"]
    assert sorted(index.store.ids()) == sorted(ids)
    assert sorted(index.lexical.ids) == sorted(ids)


def test_manifest(built_index: Built):
    manifest = opened(built_index.index_dir).manifest
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["embedder"]["id"] == embedders.spec_id("use") == "use-multilingual-v3"
    assert manifest["embedder"]["dimension"] == 512
    hashes = {entry["source"]: entry["sha256"] for entry in manifest["files"].values()}
    assert hashes == {path.name: sha256(path) for path in CORPUS}


def test_every_chunk_has_interface_metadata(built_index: Built):
    chunks = opened(built_index.index_dir).chunks
    assert {c.source for c in chunks} == SOURCES
    for c in chunks:
        assert c.kind in KINDS, c.kind
        assert c.text.strip(), c.id
        (unit, span), = c.location.as_dict().items()
        assert unit in ("lines", "pages") and 1 <= span[0] <= span[1], c.location
        assert "\ufffd" not in c.text, (c.id, c.text[:80])  # lost bullet glyphs are cleaned away
        if c.kind in ("werkproces", "kerntaak", "profiel"):
            assert c.code and CODE.match(c.code), (c.id, c.code)
            assert c.title, c.id
            assert c.dossier and c.version, c.id
        if c.kind == "competentieniveau":
            assert c.competence and c.level in (1, 2, 3, 4), c.id
        if c.source.endswith(".xml"):
            assert c.version == "2015-08-01", c.id
            assert c.crebo and re.fullmatch(r"[0-9]{5}", c.crebo), c.id
            assert c.dossier and c.dossier_abbr, c.id
    kd_versions = {c.version for c in chunks if c.source == KD_TEXT.name and c.dossier}
    assert kd_versions == {"2021-08-01", "2020-08-01"}


def test_werkproces_from_sbb_xml(built_index: Built):
    found = chunks_of(built_index.index_dir, source=PW_XML.name, code="B1-K1-W7", variant=None)
    assert found
    lines = file_lines(PW_XML)
    for c in found:
        assert c.kind == "werkproces"
        assert (c.dossier, c.dossier_abbr, c.version, c.crebo) == ("Pedagogisch Werk", "PW", "2015-08-01", "23183")
        assert c.title == "Zorgt voor een veilig pedagogisch klimaat"
        assert c.competence is None and c.level is None
        assert c.location.unit == "lines"
        first, last = lines[c.location.start - 1], lines[c.location.end - 1]
        assert "<werkproces " in first and 'titel="Zorgt voor een veilig pedagogisch klimaat' in first
        assert "</werkproces>" in last


def test_competentieniveau_from_profile(built_index: Built):
    found = chunks_of(built_index.index_dir, competence="Coachen", level=2)
    assert len(found) == 1
    c = found[0]
    assert c.kind == "competentieniveau"
    assert c.source == PROFILE_TEXT.name
    assert c.dossier == "Sociaalwerker B"
    assert c.code is None and c.crebo is None
    assert "zelfstandig handelen" in c.text
    assert c.location.unit == "lines"
    assert file_lines(PROFILE_TEXT)[c.location.start - 1].strip() == "Niveau 2"
    levels = sorted(x.level for x in chunks_of(built_index.index_dir, competence="Coachen", kind="competentieniveau"))
    assert levels == [1, 2, 3, 4]


def test_werkproces_from_text_extract(built_index: Built):
    """OCR'd code ``B1-K1-WS5`` is normalised; dossier, version and kerntaak come from the headings."""
    found = chunks_of(built_index.index_dir, source=KD_TEXT.name, code="B1-K1-W5", dossier="Onderwijsassistent")
    assert found
    lines = file_lines(KD_TEXT)
    for c in found:
        assert (c.kind, c.dossier_abbr, c.version) == ("werkproces", "OA", "2021-08-01")
        assert c.title == "Werkt samen met andere betrokkenen in de omgeving van het kind"
        assert c.kerntaak_code == "B1-K1"
        assert lines[c.location.start - 1].startswith("B1-K1-WS5:")
    sw = chunks_of(built_index.index_dir, source=KD_TEXT.name, code="B1-K1-W5", dossier_abbr="SW")
    assert sw and {c.version for c in sw} == {"2020-08-01"}


def test_text_is_cleaned(built_index: Built):
    """Line-break hyphenation in the OCR'd extract is repaired ("peuterop-" / "vang")."""
    texts = [c.text for c in opened(built_index.index_dir).chunks if c.source == KD_TEXT.name]
    assert any("peuteropvang" in t for t in texts)
    assert not any("peuterop- vang" in t or "peuterop-\nvang" in t for t in texts)


# --------------------------------------------------------------------------- 2. deterministic ids


def test_ids_are_deterministic(built_index: Built, fresh_index: Path, tmp_path: Path):
    """The same files in another folder, named in another order, give the same chunks and ids."""
    require_same_pipeline(built_index)
    files = (KD_TEXT, PROFILE_TEXT, SW_XML)
    flat = copy_files(files, tmp_path / "elsewhere")
    report = ingest([flat / p.name for p in reversed(files)], fresh_index)
    assert report["failed"] == [] and report["added"] == 3
    names = {p.name for p in files}
    # also_in/group depend on which other files are indexed; everything else must be identical
    first = {cid: rec for cid, rec in without(records(built_index.index_dir), "").items() if rec["source"] in names}
    second = without(records(fresh_index), "")
    assert set(first) == set(second)
    assert {cid: rec["text"] for cid, rec in first.items()} == {cid: rec["text"] for cid, rec in second.items()}
    assert first == second


# --------------------------------------------------------------------------- 3. no-op re-ingest


def test_reingest_unchanged_is_a_no_op(built_index: Built, index_copy: Path):
    require_same_pipeline(built_index)
    build = current_name(index_copy)
    chunks_file = index_copy / BUILDS / build / "chunks.jsonl"
    size, before = chunks_file.stat().st_size, records(index_copy)
    report = ingest([DATA], index_copy)
    assert report["unchanged"] == 6
    assert (report["added"], report["updated"], report["removed"]) == (0, 0, 0)
    assert report["failed"] == []
    assert report["embedded"] == 0
    assert report["chunks"] == len(before)
    assert current_name(index_copy) == build
    assert chunks_file.stat().st_size == size
    assert records(index_copy) == before


# --------------------------------------------------------------------------- 4. incremental


@pytest.fixture
def small(fresh_index: Path, tmp_path: Path):
    """A folder with two corpus files, ingested into a fresh index. Returns (folder, index dir, records)."""

    def make(*files: Path) -> tuple[Path, Path, dict[str, dict]]:
        folder = copy_files(files, tmp_path / "src")
        report = ingest([folder], fresh_index)
        assert report["failed"] == [] and report["added"] == len(files)
        return folder, fresh_index, records(fresh_index)

    return make


def test_changed_file_replaces_only_its_own_chunks(small):
    folder, index_dir, before = small(KD_TEXT, SW_XML)
    target = folder / KD_TEXT.name
    text = target.read_text(encoding="utf-8")
    anchor = "de beroeps- en organisatievisie uit naar anderen."
    assert text.count(anchor) == 3  # B1-K2-W1 of PMK, GPM and OA; change only the first (PMK)
    target.write_text(text.replace(anchor, anchor + " Zij deelt haar kennis ook met ouders.", 1), encoding="utf-8")

    report = ingest([folder], index_dir)
    assert (report["updated"], report["added"], report["removed"], report["unchanged"]) == (1, 0, 0, 1)
    assert report["failed"] == []
    after = records(index_dir)
    assert set(after) == set(before)  # same units, same ids
    mine, theirs = without(after, ""), without(before, "")
    changed = {cid for cid in after if mine[cid] != theirs[cid]}
    assert changed
    assert {(after[c]["dossier_abbr"], after[c]["code"]) for c in changed} == {("PMK", "B1-K2-W1")}
    assert any("Zij deelt haar kennis ook met ouders." in after[c]["text"] for c in changed)
    assert 1 <= report["embedded"] <= len(changed)
    # the same werkproces in GPM and OA (identical text, other dossiers) is untouched
    twins = {cid for cid, rec in mine.items()
             if rec["code"] == "B1-K2-W1" and rec["source"] == KD_TEXT.name and rec["dossier_abbr"] in ("GPM", "OA")}
    assert twins and not twins & changed


def test_changed_title_in_xml(small):
    folder, index_dir, before = small(SW_XML, PROFILE_TEXT)
    target = folder / SW_XML.name
    data, count = re.subn(
        r'titel="Bevordert samenwerking en versterkt netwerken\s*"',
        'titel="Bevordert samenwerking en bouwt netwerken"',
        target.read_text(encoding="utf-8"),
    )
    assert count == 1
    target.write_text(data, encoding="utf-8")

    report = ingest([folder], index_dir)
    assert (report["updated"], report["unchanged"], report["added"], report["removed"]) == (1, 1, 0, 0)
    after = records(index_dir)
    gone = {c for c in before if c not in after or after[c] != before[c]}
    new = {c for c in after if c not in before or after[c] != before[c]}
    assert gone and new
    assert {(before[c]["source"], before[c]["code"]) for c in gone} == {(SW_XML.name, "B1-K1-W5")}
    assert {(after[c]["source"], after[c]["code"]) for c in new} == {(SW_XML.name, "B1-K1-W5")}
    assert {after[c]["title"] for c in new} == {"Bevordert samenwerking en bouwt netwerken"}
    assert 1 <= report["embedded"] <= len(new)
    assert without(after, SW_XML.name) == without(before, SW_XML.name)


def test_deleted_file_loses_only_its_chunks(small):
    folder, index_dir, before = small(SW_XML, PROFILE_TEXT)
    (folder / PROFILE_TEXT.name).unlink()
    report = ingest([folder], index_dir)
    assert (report["removed"], report["unchanged"], report["added"], report["updated"]) == (1, 1, 0, 0)
    after = records(index_dir)
    assert not any(rec["source"] == PROFILE_TEXT.name for rec in after.values())
    assert without(after, PROFILE_TEXT.name) == without(before, PROFILE_TEXT.name)
    assert report["chunks"] == len(after)
    assert report["embedded"] == 0


def test_added_file(small):
    folder, index_dir, before = small(SW_XML, PROFILE_TEXT)
    shutil.copy2(KD_TEXT, folder / KD_TEXT.name)
    report = ingest([folder], index_dir)
    assert (report["added"], report["unchanged"], report["updated"], report["removed"]) == (1, 2, 0, 0)
    after = records(index_dir)
    new = set(after) - set(before)
    assert new and {after[c]["source"] for c in new} == {KD_TEXT.name}
    assert set(before) <= set(after)
    assert without(after, KD_TEXT.name) == without(before, KD_TEXT.name)


def test_file_moved_inside_ingested_folder(small):
    folder, index_dir, _ = small(SW_XML, PROFILE_TEXT)
    (folder / "sub").mkdir()
    (folder / SW_XML.name).rename(folder / "sub" / SW_XML.name)
    report = ingest([folder], index_dir)
    assert report["failed"] == []
    assert {rec["source"] for rec in records(index_dir).values()} == {SW_XML.name, PROFILE_TEXT.name}


# --------------------------------------------------------------------------- 5. broken inputs


def _cp1252_dossier() -> bytes:
    text = (
        "KWALIFICATIEDOSSIER\n"
        "Coördinator Zorg en Welzijn (01/08/21)\n\n"
        "Basisdeel\n\n"
        "B1-K1: Begeleiden van cliënten\n\n"
        "B1-K1-W1: Zorgt voor ideeën en financiën\n"
        "De beroepsbeoefenaar coördineert de zorg voor de cliënt, beïnvloedt het café-overleg en "
        "overlegt met België.\n"
    )
    return text.encode("cp1252")


BROKEN = {
    "x.pdf": lambda: random.Random(1).randbytes(6000),
    "half.xml": lambda: SW_XML.read_bytes()[: len(SW_XML.read_bytes()) // 2],
    "binary.txt": lambda: bytes(range(256)) * 20,
    "cp1252.txt": _cp1252_dossier,
    "empty.txt": lambda: b"",
    "notes.docx": lambda: b"PK\x03\x04" + random.Random(2).randbytes(500),
}


@pytest.fixture(scope="module")
def broken_run(built_index: Built, tmp_path_factory: pytest.TempPathFactory):
    """A folder with two good files and six broken ones, ingested in-process and then via the CLI."""
    base = tmp_path_factory.mktemp("broken")
    folder = copy_files([SW_XML, PROFILE_TEXT], base / "src")
    for name, make in BROKEN.items():
        (folder / name).write_bytes(make())
    index_dir = base / "index"
    (index_dir / "cache").mkdir(parents=True)
    shutil.copy2(built_index.cache, index_dir / "cache" / "embeddings.sqlite")
    report = ingest([folder], index_dir)
    cli = run_cli("ingest", str(folder), "--index", str(index_dir), "--json")
    return folder, index_dir, report, cli


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_input_is_reported(broken_run, name: str):
    _, _, report, _ = broken_run
    failed = {Path(item["path"]).name: item["error"] for item in report["failed"]}
    assert name in failed, report["failed"]
    error = failed[name]
    assert error.strip() and "\n" not in error.strip() and "Traceback" not in error
    assert name in error  # says which file


def test_broken_inputs_do_not_stop_the_good_ones(broken_run):
    _, index_dir, report, _ = broken_run
    assert report["added"] == 2
    assert len(report["failed"]) == len(BROKEN)
    assert {c.source for c in opened(index_dir).chunks} == {SW_XML.name, PROFILE_TEXT.name}


def test_broken_inputs_cli_exit_1(broken_run):
    _, index_dir, _, (code, out, err) = broken_run
    assert code == 1, err
    report = json.loads(out)
    assert report["unchanged"] == 2
    assert sorted(Path(item["path"]).name for item in report["failed"]) == sorted(BROKEN)
    assert {c.source for c in opened(index_dir).chunks} == {SW_XML.name, PROFILE_TEXT.name}


# --------------------------------------------------------------------------- 6. stale


def test_garbled_file_keeps_its_old_chunks_and_is_stale(small):
    folder, index_dir, before = small(SW_XML, PROFILE_TEXT)
    target = folder / PROFILE_TEXT.name
    original = target.read_bytes()
    target.write_bytes(random.Random(3).randbytes(4000) + b"\x00")

    report = ingest([folder], index_dir)
    paths = [Path(item["path"]).name for item in report["failed"]]
    assert paths == [PROFILE_TEXT.name]
    assert [Path(p).name for p in report["stale"]] == [PROFILE_TEXT.name]
    assert records(index_dir) == before  # nothing lost, same ids and texts
    hits = search_json(index_dir, "Coachen niveau 2", "-k", "1")["hits"]
    assert hits and hits[0]["source"] == PROFILE_TEXT.name

    # still garbled: still stale, still there; repaired: indexed again
    again = ingest([folder], index_dir)
    assert [Path(p).name for p in again["stale"]] == [PROFILE_TEXT.name]
    assert set(records(index_dir)) == set(before)
    target.write_bytes(original)
    repaired = ingest([folder], index_dir)
    assert repaired["failed"] == [] and repaired["stale"] == []
    assert records(index_dir) == before


# --------------------------------------------------------------------------- 7. killed ingest


def _wait(proc: subprocess.Popen, ready, limit: float = 120.0) -> bool:
    """Poll until ``ready()`` (True) or until the process ends by itself (False)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():
            return True
        time.sleep(0.005)
    return proc.poll() is None


def test_killed_ingest_leaves_the_old_index_answering(small, tmp_path: Path):
    folder, index_dir, before = small(SW_XML, PROFILE_TEXT)
    # give the next ingest real work: a new dossier name changes the text of all its chunks
    target = folder / SW_XML.name
    target.write_text(
        target.read_text(encoding="utf-8").replace('titel="Sociaal werk"', 'titel="Sociaal werk herzien"', 1),
        encoding="utf-8",
    )
    build = current_name(index_dir)
    queries = ["Coachen niveau 2", "netwerken versterken in de wijk"]
    baseline = [search_json(index_dir, q, "-k", "5") for q in queries]
    cache = index_dir / "cache" / "embeddings.sqlite"
    builds = index_dir / BUILDS

    def stamp() -> tuple[int, int]:
        st = cache.stat()
        return st.st_size, st.st_mtime_ns

    def after(seconds: float):
        start = time.monotonic()
        return lambda: time.monotonic() - start >= seconds

    def cache_grew():
        first = stamp()
        return lambda: stamp() != first

    def new_build_dir():
        existing = set(os.listdir(builds))
        return lambda: bool(set(os.listdir(builds)) - existing)

    moments = [
        ("after 0.2 s", lambda: after(0.2)),
        ("after 1 s", lambda: after(1.0)),
        ("after 2 s", lambda: after(2.0)),
        ("while embedding", cache_grew),
        ("while writing the new build", new_build_dir),
    ]
    command = [*_assistant_command(), "ingest", str(folder), "--index", str(index_dir), "--json"]
    kills = []
    for label, trigger in moments:
        ready = trigger()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
        if not _wait(proc, ready):
            assert proc.returncode == 0
            break  # the ingest finished before this moment: nothing left to interrupt
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills.append(label)
        assert current_name(index_dir) == build, label
        open_index(settings_for(index_dir))
        assert records(index_dir) == before, label
        assert [search_json(index_dir, q, "-k", "5") for q in queries] == baseline, label
    assert len(kills) >= 5, kills

    report = ingest([folder], index_dir)
    assert report["updated"] == 1 and report["failed"] == []
    assert current_name(index_dir) != build
    after_records = records(index_dir)
    # a longer dossier name shrinks the split budget; a long vakkennis list may pack into one part fewer
    assert abs(len(after_records) - len(before)) <= 1
    assert without(after_records, SW_XML.name) == without(before, SW_XML.name)
    assert {r["dossier"] for r in after_records.values() if r["source"] == SW_XML.name} == {"Sociaal werk herzien"}
    assert len(os.listdir(builds)) <= 2  # half-written builds of the killed runs are cleaned up


# --------------------------------------------------------------------------- 8. one writer


def test_second_writer_is_refused(small):
    folder, index_dir, before = small(SW_XML, PROFILE_TEXT)
    (folder / PROFILE_TEXT.name).unlink()  # there would be work to do
    lock = FileLock(str(index_dir / ".ingest.lock"))
    lock.acquire()
    try:
        with pytest.raises(IngestBusy) as caught:
            run_ingest([folder], settings_for(index_dir))
        assert "\n" not in str(caught.value) and str(caught.value).strip()
        code, out, err = run_cli("ingest", str(folder), "--index", str(index_dir), "--json")
        assert code == 1
        assert out.strip() == ""
        one_line(err)
        assert records(index_dir) == before
    finally:
        lock.release()
    report = ingest([folder], index_dir)
    assert report["removed"] == 1


# --------------------------------------------------------------------------- 9. unusable index


def test_index_built_with_another_embedder(built_index: Built):
    code, out, err = run_cli(
        "search", "kinderen begeleiden", "--index", str(built_index.index_dir), "--json",
        env={"ASSISTANT_EMBEDDER": "minilm"},
    )
    assert code == 1 and out.strip() == ""
    assert "assistant ingest" in one_line(err)
    with pytest.raises(IndexUnavailable):
        open_index(settings_for(built_index.index_dir, embedder="minilm"))


def test_missing_index(tmp_path: Path):
    code, out, err = run_cli("search", "kinderen begeleiden", "--index", str(tmp_path / "nothing"), "--json")
    assert code == 1 and out.strip() == ""
    assert "assistant ingest" in one_line(err)


def test_current_points_at_missing_build(tmp_path: Path):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / CURRENT).write_text("20200101T000000-abcdef\n", encoding="utf-8")
    code, out, err = run_cli("search", "kinderen begeleiden", "--index", str(index_dir), "--json")
    assert code == 1 and out.strip() == ""
    assert "assistant ingest" in one_line(err)


def test_damaged_chunks_file(index_copy: Path):
    (index_copy / BUILDS / current_name(index_copy) / "chunks.jsonl").write_text("{not json\n", encoding="utf-8")
    code, out, err = invoke("search", "kinderen begeleiden", "--index", str(index_copy), "--json")
    assert code == 1 and out.strip() == ""
    assert "assistant ingest" in one_line(err)


def test_missing_lexical_index_says_what_to_run(index_copy: Path):
    shutil.rmtree(index_copy / BUILDS / current_name(index_copy) / "lexical")
    code, _, err = run_cli("search", "kinderen begeleiden", "--index", str(index_copy), "--json")
    assert code == 1
    assert "assistant ingest" in one_line(err)


def test_missing_vector_store_is_reported(index_copy: Path):
    build_dir = index_copy / BUILDS / current_name(index_copy)
    shutil.rmtree(build_dir / "chroma")
    code, _, err = invoke("search", "kinderen begeleiden", "--index", str(index_copy), "--json")
    assert code == 1
    assert "assistant ingest" in one_line(err)


# --------------------------------------------------------------------------- 10. also_in


def test_identical_basisdeel_passages_record_also_in(built_index: Built):
    index = opened(built_index.index_dir)
    oa = [c for c in index.chunks
          if c.code == "B1-K1-W5" and c.dossier == "Onderwijsassistent" and c.version == "2021-08-01"]
    assert oa
    for c in oa:
        # PMK's wording differs ("met toestemming van de ouders"): nearly the same, not grouped (issue 12)
        assert list(c.also_in) == ["GPM"] and list(c.similar_in) == ["PMK"]
        assert c.group
        peers = [x for x in index.chunks if x.group == c.group]
        # a group holds every part of each identical unit: one unit per dossier
        assert sorted({x.dossier_abbr for x in peers}) == ["GPM", "OA"]
        assert {(x.code, x.version) for x in peers} == {(c.code, c.version)}
        assert len({x.unit_key for x in peers}) == 2
    # the 2015 Pedagogisch Werk dossier holds the same profiles, but versions are kept apart
    groups_2021 = {c.group for c in index.chunks if c.version == "2021-08-01" and c.group}
    pw_2015 = [c for c in index.chunks if c.source == PW_XML.name]
    assert pw_2015
    assert not any(c.group in groups_2021 for c in pw_2015)
    versions_per_group = defaultdict(set)
    for c in index.chunks:
        if c.group:
            versions_per_group[c.group].add(c.version)
    assert versions_per_group and all(len(v) == 1 for v in versions_per_group.values())
    # a different werkproces with the same code (Sociaal Werk 2020) is not grouped with it
    sw = [c for c in index.chunks if c.code == "B1-K1-W5" and c.dossier_abbr == "SW" and c.version == "2020-08-01"]
    assert sw and all(not c.also_in for c in sw)


# --------------------------------------------------------------------------- 11. long units


def test_long_units_are_split_with_overlap_never_cut(built_index: Built):
    from ingest.chunking import file_chunks
    from ingest.sources import parse_file

    model = embedders.load("use")
    chunks = opened(built_index.index_dir).chunks
    units: dict[str, list] = defaultdict(list)
    for c in chunks:
        units[c.source + "|" + c.unit_key].append(c)
    split = {key: sorted(parts, key=lambda c: c.part) for key, parts in units.items() if parts[0].parts > 1}
    assert split, "no unit is longer than the token limit"

    whole = {}  # every unit unsplit, by the id of its first part
    for path in CORPUS:
        for c in file_chunks(parse_file(path).units, model.count_tokens, 10**9):
            whole[c.id] = c

    def overlap(a: str, b: str) -> int:
        return next((n for n in range(min(len(a), len(b)), 0, -1) if a.endswith(b[:n])), 0)

    # nothing the embedder would truncate: every chunk fits its token limit
    too_long = [c.id for c in chunks if model.count_tokens(c.index_text) > model.max_tokens]
    assert too_long == []
    assert any(model.count_tokens(whole[parts[0].id].index_text) > model.max_tokens for parts in split.values())
    for key, parts in split.items():
        assert [c.part for c in parts] == list(range(1, parts[0].parts + 1)), key
        full = whole[parts[0].id]
        merged = parts[0].text
        for a, b in itertools.pairwise(parts):
            shared = overlap(a.text, b.text)
            assert shared > 0 and b.text[:shared].strip(), f"parts {a.part} and {b.part} of {key} share no text"
            merged += b.text[shared:]
        assert " ".join(merged.split()) == " ".join(full.text.split()), key
