"""Reliability: ingests killed at random moments, concurrent writers, readers during an ingest.

Extends tests/test_build.py (5 kills at chosen moments, a lock held by the test, no-op re-ingest,
edited/deleted files) with what it lacks:

* 20 ``kill -9`` at seeded random moments spread over the ingest's whole lifetime, each ingest
  with real work (a new dossier title: every chunk of that file is re-embedded). After each kill
  the previous index answers byte-identically (``search --batch --json``) or, when the kill came
  after the atomic switch, the new build answers; a later normal ingest succeeds, and its build
  equals a clean ingest of the same files (same ids, count, ``chunks.jsonl`` bytes).
* Two writers for real: a second ingest started while a running ingest holds the lock, and two
  ingests started at the same instant: exactly one writes, the other gets one line.
* 8 CLI readers (``assistant search --json``) during an ingest that changes a file: all exit 0,
  each with either the old or the new results, never a mix.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import (
    PROFILE_TEXT,
    SW_XML,
    Built,
    _assistant_command,
    copy_files,
    current_name,
    ingest,
    records,
    require_same_pipeline,
)
from test_reliability_common import record

from assistant.cli import main
from assistant.index import BUILDS, open_index
from assistant.settings import Settings

KILLS = 20
SEED = 20261123
QUERIES = ["Coachen niveau 2", "netwerken versterken in de wijk", "B1-K1-W5 samenwerken met andere betrokkenen",
           "signaleren van problemen bij cliënten"]
TITLE = 'titel="Sociaal werk"'


def seeded_index(built: Built, base: Path) -> tuple[Path, Path]:
    """A folder with two corpus files and its index (embedding cache seeded from the session index)."""
    folder = copy_files([SW_XML, PROFILE_TEXT], base / "src")
    index = base / "index"
    (index / "cache").mkdir(parents=True)
    shutil.copy2(built.cache, index / "cache" / "embeddings.sqlite")
    report = ingest([folder], index)
    assert report["failed"] == [] and report["added"] == 2
    return folder, index


def retitle(folder: Path, title: str) -> None:
    """Give the Sociaal Werk dossier a new name: every chunk of that file changes (real work to do)."""
    target = folder / SW_XML.name
    text = SW_XML.read_text(encoding="utf-8")
    assert text.count(TITLE) == 1
    target.write_text(text.replace(TITLE, f'titel="{title}"', 1), encoding="utf-8")


def batch_json(index: Path, batch: Path) -> bytes:
    """``assistant search --batch FILE --json -k 5 --index DIR`` in process: stdout bytes (exit 0 required)."""
    result = CliRunner().invoke(main, ["search", "--batch", str(batch), "--json", "-k", "5", "--index", str(index)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def ingest_command(folder: Path, index: Path) -> list[str]:
    return [*_assistant_command(), "ingest", str(folder), "--index", str(index), "--json"]


def build_names(index: Path) -> set[str]:
    builds = index / BUILDS
    return set(os.listdir(builds)) if builds.is_dir() else set()


def lock_holder(index: Path) -> int | None:
    """The pid holding the index's ingest lock (from /proc/locks), or None."""
    lock = index / ".ingest.lock"
    try:
        inode = lock.stat().st_ino
        table = Path("/proc/locks").read_text()
    except OSError:
        return None
    for line in table.splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5].endswith(f":{inode}"):
            return int(fields[4])
    return None


# --------------------------------------------------------------------------- 20 kills


def units(chunk_records: dict[str, dict]) -> int:
    """How many units the chunks hold (split units count once: their first part)."""
    return sum(1 for r in chunk_records.values() if r.get("part", 1) == 1)


@pytest.mark.slow
def test_twenty_random_kills_never_lose_the_index(built_index: Built, tmp_path: Path):
    require_same_pipeline(built_index)
    folder, index = seeded_index(built_index, tmp_path)
    batch = tmp_path / "queries.txt"
    batch.write_text("\n".join(QUERIES) + "\n", encoding="utf-8")
    baseline = batch_json(index, batch)
    baseline_records = records(index)
    current = current_name(index)

    # the lifetime of one ingest with real work, measured on a copy
    calibration = tmp_path / "calibration"
    shutil.copytree(index, calibration)
    retitle(folder, "Sociaal werk v0")
    started = time.monotonic()
    done = subprocess.run(ingest_command(folder, calibration), capture_output=True, text=True, timeout=300, check=False,
                          cwd=tmp_path)
    lifetime = calibrated = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["updated"] == 1

    rng = random.Random(SEED)
    kills: list[dict] = []
    completed_before_kill = 0
    losses: list[str] = []
    attempt = 0
    while len(kills) < KILLS and attempt < KILLS + 12:
        attempt += 1
        stratum = len(kills)
        # seeded, spread over the whole lifetime (the last 8 % are the switch and the exit: too short to aim at)
        delay = 0.92 * lifetime * (stratum + rng.random()) / KILLS
        title = f"Sociaal werk v{attempt}"
        retitle(folder, title)
        builds_before = build_names(index)
        log = tmp_path / f"ingest-{attempt}.log"
        with open(log, "wb") as stderr:
            proc = subprocess.Popen(ingest_command(folder, index), stdout=subprocess.DEVNULL, stderr=stderr,
                                    cwd=tmp_path)
            launched = time.monotonic()
            while time.monotonic() - launched < delay and proc.poll() is None:
                time.sleep(0.002)
            if proc.poll() is not None:
                completed_before_kill += 1
                assert proc.returncode == 0, log.read_text()
                lifetime = min(lifetime, time.monotonic() - launched)  # aim earlier from now on
            else:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
        assert "another ingest" not in log.read_text(errors="replace"), "a killed ingest left the lock held"
        partial = sorted(build_names(index) - builds_before - {current_name(index)})
        now = current_name(index)
        outcome = "old build answers"
        if now == current:
            if batch_json(index, batch) != baseline or records(index) != baseline_records:
                losses.append(f"attempt {attempt}: the previous build answers differently")
        else:  # the kill (or the end) came after the atomic switch: the new build must be whole
            try:
                open_index(Settings(index_dir=index, embedder="use"))
                new_records = records(index)
                assert {r["dossier"] for r in new_records.values() if r["source"] == SW_XML.name} == {title}
                # whole: every unit is there (a longer title may pack a long vakkennis list into a part fewer)
                assert units(new_records) == units(baseline_records)
                baseline, baseline_records, current = batch_json(index, batch), new_records, now
                outcome = "new build answers"
            except Exception as exc:  # noqa: BLE001 - any failure here is an index loss
                losses.append(f"attempt {attempt}: the new build is broken: {type(exc).__name__}: {exc}")
        if proc.returncode == -signal.SIGKILL:
            kills.append({"at_s": round(time.monotonic() - launched, 3), "planned_s": round(delay, 3),
                          "partial_build_dirs": len(partial), "outcome": outcome})

    record("kills", "summary", {
        "kills": len(kills), "attempts": attempt, "completed_before_kill": completed_before_kill,
        "index_losses": len(losses), "lifetime_s": round(calibrated, 2), "seed": SEED,
        "killed_while_writing_a_build": sum(1 for k in kills if k["partial_build_dirs"]),
        "killed_after_switch": sum(1 for k in kills if k["outcome"] == "new build answers"),
        "moments_s": [k["at_s"] for k in kills],
    })
    assert losses == [], losses
    assert len(kills) == KILLS, f"only {len(kills)} kills landed in {attempt} attempts"

    # a normal ingest afterwards succeeds and cleans up the half-written builds
    final_title = f"Sociaal werk v{attempt + 1}"
    retitle(folder, final_title)
    done = subprocess.run(ingest_command(folder, index), capture_output=True, text=True, timeout=300, check=False,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["failed"] == [] and report["updated"] == 1
    assert len(build_names(index)) <= 2
    after = records(index)
    assert {r["dossier"] for r in after.values() if r["source"] == SW_XML.name} == {final_title}

    # ... and it is the same build a clean ingest of these files makes (idempotent, nothing left of the kills)
    clean = tmp_path / "clean"
    (clean / "cache").mkdir(parents=True)
    shutil.copy2(index / "cache" / "embeddings.sqlite", clean / "cache" / "embeddings.sqlite")
    fresh = ingest([folder], clean)
    assert fresh["chunks"] == report["chunks"] and fresh["embedded"] == 0
    assert set(records(clean)) == set(after)
    chunks_file = lambda ix: ix / BUILDS / current_name(ix) / "chunks.jsonl"  # noqa: E731
    assert chunks_file(clean).read_bytes() == chunks_file(index).read_bytes()
    assert batch_json(clean, batch) == batch_json(index, batch)
    record("kills", "after", {"final_ingest_exit": done.returncode, "builds_left": len(build_names(index)),
                              "same_as_clean_ingest": True})


# --------------------------------------------------------------------------- two writers


@pytest.mark.slow
def test_second_ingest_while_one_runs_is_refused(built_index: Built, tmp_path: Path):
    require_same_pipeline(built_index)
    folder, index = seeded_index(built_index, tmp_path)
    retitle(folder, "Sociaal werk herzien")
    first = subprocess.Popen(ingest_command(folder, index), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             cwd=tmp_path, text=True)
    try:
        deadline = time.monotonic() + 60
        while lock_holder(index) != first.pid:
            assert first.poll() is None, "the first ingest ended before it was seen holding the lock"
            assert time.monotonic() < deadline, "the first ingest never held the lock"
            time.sleep(0.005)
        second = subprocess.run(ingest_command(folder, index), capture_output=True, text=True, timeout=120,
                                check=False, cwd=tmp_path)
        still_running = first.poll() is None
    finally:
        out, err = first.communicate(timeout=300)
    assert still_running, "the first ingest finished before the second one asked for the lock"
    assert second.returncode == 1 and second.stdout.strip() == ""
    lines = [line for line in second.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "another ingest is writing" in lines[0], second.stderr
    assert first.returncode == 0, err
    assert json.loads(out)["updated"] == 1
    assert {r["dossier"] for r in records(index).values() if r["source"] == SW_XML.name} == {"Sociaal werk herzien"}
    record("concurrent_writers", "second_while_first_runs", {"first_exit": first.returncode,
                                                              "second_exit": second.returncode,
                                                              "second_stderr": lines[0]})


@pytest.mark.slow
def test_two_ingests_started_at_once_one_writes(built_index: Built, tmp_path: Path):
    require_same_pipeline(built_index)
    folder, index = seeded_index(built_index, tmp_path)
    retitle(folder, "Sociaal werk tegelijk")
    builds_before = build_names(index)
    procs = [subprocess.Popen(ingest_command(folder, index), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              cwd=tmp_path, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate(timeout=30)) for p in procs]
    codes = sorted(code for code, _, _ in results)
    record("concurrent_writers", "two_at_once", {"exits": codes})
    assert codes == [0, 1], results
    loser = next(r for r in results if r[0] == 1)
    assert loser[1].strip() == ""
    lines = [line for line in loser[2].splitlines() if line.strip()]
    assert len(lines) == 1 and "another ingest is writing" in lines[0], loser[2]
    assert len(build_names(index) - builds_before) == 1, "exactly one new build"
    open_index(Settings(index_dir=index, embedder="use"))
    assert {r["dossier"] for r in records(index).values() if r["source"] == SW_XML.name} == {"Sociaal werk tegelijk"}


# --------------------------------------------------------------------------- readers during an ingest


READERS = 8


@pytest.mark.slow
def test_eight_readers_during_an_ingest_see_old_or_new_never_a_mix(built_index: Built, tmp_path: Path):
    """8 readers, paced by the writer's progress (not by the clock, so a loaded machine cannot skew it):
    3 start with the ingest, 3 when its new build directory appears (they race the atomic switch),
    2 right after the switch. Each must exit 0 with exactly the old or exactly the new results."""
    require_same_pipeline(built_index)
    folder, index = seeded_index(built_index, tmp_path)
    batch = tmp_path / "queries.txt"
    batch.write_text("\n".join(QUERIES) + "\n", encoding="utf-8")
    reader = [*_assistant_command(), "search", "--batch", str(batch), "--json", "-k", "5", "--index", str(index)]

    def start_reader() -> subprocess.Popen:
        return subprocess.Popen(reader, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)

    first = subprocess.run(reader, capture_output=True, timeout=300, check=False, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    old = first.stdout
    # the edit: Coachen niveau 2 gets a new sentence, Sociaal Werk a new name
    target = folder / PROFILE_TEXT.name
    text = target.read_text(encoding="utf-8")
    anchor = "Niveau 2\n"
    assert anchor in text
    added = "Coacht collega's bij het versterken van netwerken in de wijk.\n"
    target.write_text(text.replace(anchor, anchor + added, 1), encoding="utf-8")
    retitle(folder, "Sociaal werk nieuw")

    builds_before, build_before = build_names(index), current_name(index)
    writer = subprocess.Popen(ingest_command(folder, index), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              cwd=tmp_path)
    launched = time.monotonic()
    readers: list[tuple[str, float, subprocess.Popen]] = []

    def launch(group: str, count: int) -> None:
        for _ in range(count):
            readers.append((group, round(time.monotonic() - launched, 2), start_reader()))

    launch("with the ingest", 3)
    deadline = launched + 300
    while not build_names(index) - builds_before and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    launch("while the new build is written", 3)
    while current_name(index) == build_before and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    launch("right after the switch", READERS - 6)
    out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert json.loads(out)["updated"] == 2
    final = subprocess.run(reader, capture_output=True, timeout=300, check=False, cwd=tmp_path)
    assert final.returncode == 0, final.stderr
    new = final.stdout
    assert new != old, "the edit must change the results, or old and new cannot be told apart"

    outcomes = []
    for group, at, proc in readers:
        stdout, stderr = proc.communicate(timeout=300)
        stderr = stderr.decode("utf-8", errors="replace")
        assert "Traceback" not in stderr, stderr[-2000:]
        kind = "old" if stdout == old else "new" if stdout == new else "mixed"
        outcomes.append({"group": group, "started_s": at, "exit": proc.returncode, "saw": kind})
    record("readers", "during_ingest", {
        "readers": READERS, "ok": sum(o["exit"] == 0 for o in outcomes),
        "old": sum(o["saw"] == "old" for o in outcomes), "new": sum(o["saw"] == "new" for o in outcomes),
        "mixed": sum(o["saw"] == "mixed" for o in outcomes),
        "outcomes": outcomes,
    })
    assert all(o["exit"] == 0 for o in outcomes), outcomes
    assert all(o["saw"] in ("old", "new") for o in outcomes), outcomes
    assert {o["saw"] for o in outcomes} == {"old", "new"}, outcomes
